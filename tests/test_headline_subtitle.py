"""A standfirst set inside the <h1> (Bootstrap's <h1>Title <small>subtitle</small></h1>):
the extraction reads the heading whole, so the headline is the title plus the subtitle. The
headline check names it when the page's metadata title is the heading without its last
element; a title field that itself carries the subtitle is left alone."""

from __future__ import annotations

from test_check_signals import _assess, _page

PAGE = "gamepur/project-lumen-review-almost-there"
TITLE = "Project Lumen review – almost there"
SUB = "The response so far has been cautiously positive, if a little impatient."


def _with_subtitle(html: str) -> str:
    h1 = f">{TITLE}</h1>"
    assert h1 in html
    return html.replace(h1, f">{TITLE} <small class=\"subtitle\" style=\"display:block\">{SUB}</small></h1>", 1)


def test_subtitle_read_into_the_headline_is_broken():
    site, url, html = _page(PAGE)
    item = _assess(site, url, _with_subtitle(html))
    assert item["headline"].endswith(SUB)
    assert item["verdict"] == "broken"
    assert "subtitle" in item["checks"]["headline"] and TITLE in item["checks"]["headline"]


def test_title_field_that_carries_the_subtitle_is_not_named():
    # the site's own title (og:title, JSON-LD) is the whole heading: nothing was read into it
    site, url, html = _page(PAGE)
    html = _with_subtitle(html).replace(f'"{TITLE}"', f'"{TITLE} {SUB}"')
    item = _assess(site, url, html)
    assert item["headline"].endswith(SUB)
    assert "subtitle" not in item["checks"].get("headline", "")
