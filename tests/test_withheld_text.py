"""Text the page does not serve, standing behind a control that fetches it on a tap
(pressguard/verdict/markers.fetched_on_expand): a "lite" template or a lazy accordion sends
each section's opening only, with a collapsed button whose attributes hold the address of
the rest. Shipped pages, changed by hand here, run through assess(): the body comes out
broken, naming it; a folded FAQ answer the page serves, or a menu toggle outside the body,
does not.
"""

from __future__ import annotations

import pytest

import page_mutations as mutate
from test_check_signals import _assess, _failing
# the same three shipped pages (both Destructoid layouts, a site that states no word count)
from test_incidents import FIELDS, PAGES, _paragraphs, shipped  # noqa: F401 (shipped: a fixture)


def _rest_behind(html: str, right: dict, control: str, keep: int = 2) -> str:
    """The body's paragraphs after the first `keep` gone, control in their place."""
    paragraphs = _paragraphs(html, right)
    assert len(paragraphs) > keep + 1
    html = mutate._replace_once(html, paragraphs[keep - 1].html, paragraphs[keep - 1].html + control)
    for p in paragraphs[keep:]:
        html = mutate._replace_once(html, p.html, "")
    return html


@pytest.mark.parametrize("control", [
    # htmx: the rest of the story fetched into the page on a tap
    '<button class="story-more" hx-get="/api/stories/4411/rest" hx-swap="outerHTML" '
    'aria-expanded="false">More</button>',
    # a lazy accordion whose panel is empty until the request answers
    '<div class="acc"><a href="#" role="button" aria-expanded="false" aria-controls="rest-2" '
    'data-endpoint="https://example.com/wp-json/acc/v1/block/88">Expand</a><div id="rest-2"></div></div>',
])
def test_the_rest_behind_a_control_that_fetches_it_is_broken_naming_the_body(shipped, control):
    site, url, html, right = shipped
    item = _assess(site, url, _rest_behind(html, right, control))
    assert item["verdict"] == "broken", item["checks"]
    assert 'aria-expanded="false"' in item["checks"]["markers"] and "body" in item["checks"]["markers"]


def test_a_folded_answer_the_page_serves_is_no_withheld_text(shipped):
    """An FAQ toggle in the body whose answer is in the page (hidden until the tap), even with
    an address among its attributes (an analytics beacon)."""
    site, url, html, right = shipped
    faq = ('<div class="faq"><button aria-expanded="false" aria-controls="faq-1" data-track="/t/faq-open">'
           'Is it on PC?</button><div id="faq-1" hidden><p>Yes, at launch.</p></div></div>')
    item = _assess(site, url, mutate._replace_once(html, _paragraphs(html, right)[1].html,
                                                   _paragraphs(html, right)[1].html + faq))
    assert item["checks"]["markers"] == "ok", item["checks"]["markers"]
    assert item["verdict"] != "broken", _failing(item)


def test_a_collapsed_menu_outside_the_body_is_no_withheld_text(shipped):
    """A site's navigation: dropdown buttons carrying the section's address (as real sites'
    menus do) are not the article's."""
    site, url, html, right = shipped
    menu = ('<nav class="site-menu"><button aria-expanded="false" data-href="/reviews">Reviews</button>'
            '<button aria-expanded="false" data-href="/guides">Guides</button></nav>')
    item = _assess(site, url, html.replace("<body>", "<body>" + menu, 1) if "<body>" in html
                   else mutate._replace_once(html, "</header>", "</header>" + menu))
    assert {f: item[f] for f in FIELDS} == {f: right[f] for f in FIELDS}
    assert item["verdict"] != "broken", _failing(item)
