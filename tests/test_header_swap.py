"""A header template that maps the fields the wrong way round: the <h1> prints the post's
excerpt (the page's description) and the standfirst's slot prints the title. The headline
check names the headline when the headline is the description and the dek is the title as the
metadata states it (JSON-LD, og:title, else the <title>), on a page with no JSON-LD or og:title
too; either half alone is left alone."""

from __future__ import annotations

import html as htmllib

from test_check_signals import _assess, _healthy

BARE = "siliconera/10-things-we-want-to-see-in-blade-of-the-ninth-moon-after-the-collectors-edition"  # <title> only
RICH = "gamepur/project-lumen-review-almost-there"  # JSON-LD and og:title too


def _set(html: str, old: str, new: str, tag_end: str) -> str:
    """The element whose text is old (closed by tag_end) made to show new."""
    shown = f">{htmllib.escape(old, quote=False)}{tag_end}"
    if shown not in html:
        shown = f">{old}{tag_end}"
    assert shown in html, old
    return html.replace(shown, f">{htmllib.escape(new, quote=False)}{tag_end}", 1)


def _swapped(html: str, right: dict) -> str:
    html = _set(html, right["dek"], "\x00", "</div>")
    html = _set(html, right["headline"], right["dek"], "</h1>")
    return html.replace(">\x00</div>", f">{htmllib.escape(right['headline'], quote=False)}</div>", 1)


def test_title_and_standfirst_swapped_is_broken_naming_the_headline():
    for name in (BARE, RICH):
        site, url, html, right = _healthy(name)
        item = _assess(site, url, _swapped(html, right))
        assert (item["headline"], item["dek"]) == (right["dek"], right["headline"])
        assert item["verdict"] == "broken"
        assert "two fields swapped" in item["checks"]["headline"], item["checks"]["headline"]


def test_a_headline_that_is_the_description_with_its_own_dek_is_not_named():
    # a description written as the headline (real pages do it): the dek is no title
    site, url, html, right = _healthy(BARE)
    item = _assess(site, url, _set(html, right["headline"], right["dek"], "</h1>").replace(
        f">{htmllib.escape(right['dek'], quote=False)}</div>", ">Hands-on with every new feature of the season</div>", 1))
    assert item["headline"] == right["dek"]
    assert "swapped" not in item["checks"]["headline"]


def test_a_title_shown_as_the_dek_under_another_headline_is_not_named():
    site, url, html, right = _healthy(BARE)
    item = _assess(site, url, _set(html, right["dek"], right["headline"], "</div>").replace(
        f">{htmllib.escape(right['headline'], quote=False)}</h1>", ">Blade of the Ninth Moon: our wishes for the sequel</h1>", 1))
    assert "swapped" not in item["checks"]["headline"]
