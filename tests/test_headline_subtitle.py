"""A standfirst set inside the <h1> (Bootstrap's <h1>Title <small>subtitle</small></h1>): the
layouts read the heading's title as the headline and the subtitle as the dek when the page's
metadata title is the heading without its last element (extract.common.title_of_h1). An item
from another extractor that reads the heading whole is named by the headline check; a title
field that itself carries the subtitle, or a short badge, is left alone."""

from __future__ import annotations

import pytest

from pressguard.extract import extract_article
from pressguard.verdict.assess import check_article
from pressguard.verdict.assess import template_baseline

from test_check_signals import CASSETTES, _assess, _page

PAGE = "gamepur/project-lumen-review-almost-there"
TITLE = "Project Lumen review – almost there"
SUB = "The response so far has been cautiously positive, if a little impatient."


def _with_subtitle(html: str, sub: str = SUB, drop_dek: bool = True) -> str:
    h1 = f">{TITLE}</h1>"
    assert h1 in html
    html = html.replace(h1, f">{TITLE} <small class=\"subtitle\" style=\"display:block\">{sub}</small></h1>", 1)
    if drop_dek:
        # the old standfirst element is gone: the subtitle in the heading is the page's only one
        start = html.index('<div class="wp-block-gamurs-article-header__content--subtitle')
        html = html[:start] + html[html.index("</div>", start) + len("</div>"):]
    return html


def test_subtitle_in_the_h1_is_read_as_the_dek_not_the_headline():
    site, url, html = _page(PAGE)
    item = _assess(site, url, _with_subtitle(html))
    assert item["headline"] == TITLE
    assert item["dek"] == SUB
    assert item["verdict"] != "broken", item["checks"]


def test_the_generic_extractor_splits_the_subtitle_off_too():
    site, url, html = _page(PAGE)
    # no GAMURS block classes: the page reads through the generic layout
    item = extract_article(_with_subtitle(html).replace("wp-block-gamurs-", "x-block-"), url, site=site)
    assert item["layout"] == "generic"
    assert (item["headline"], item["dek"]) == (TITLE, SUB)


def test_the_templates_own_dek_stays_when_the_h1_has_a_subtitle_too():
    site, url, html = _page(PAGE)
    right = _assess(site, url, html)
    other = "Hands-on with the new season, two weeks before launch"
    item = _assess(site, url, _with_subtitle(html, other, drop_dek=False))
    assert item["headline"] == TITLE
    assert item["dek"] == right["dek"] == SUB


def test_an_item_that_reads_the_heading_whole_is_broken_naming_the_headline():
    # another spider's item (check_article judges any extractor's fields)
    site, url, html = _page(PAGE)
    page_html = _with_subtitle(html)
    item = extract_article(page_html, url, site=site)
    item["headline"], item["dek"] = f"{TITLE} {SUB}", None
    check_article(item, page_html, url, site=site, baseline=template_baseline(str(CASSETTES), site))
    assert item["verdict"] == "broken"
    assert "subtitle" in item["checks"]["headline"] and TITLE in item["checks"]["headline"]


def test_title_field_that_carries_the_subtitle_is_not_split():
    # the site's own title (og:title, JSON-LD) is the whole heading: nothing was read into it
    site, url, html = _page(PAGE)
    html = _with_subtitle(html).replace(f'"{TITLE}"', f'"{TITLE} {SUB}"')
    item = _assess(site, url, html)
    assert item["headline"] == f"{TITLE} {SUB}"
    assert "subtitle" not in item["checks"].get("headline", "")


@pytest.mark.parametrize("badge", ["Updated", "Hands-on preview"])
def test_a_short_badge_after_the_title_is_no_subtitle(badge):
    site, url, html = _page(PAGE)
    item = extract_article(_with_subtitle(html, badge), url, site=site)
    assert item["headline"] == f"{TITLE} {badge}"
    assert item["dek"] != badge
