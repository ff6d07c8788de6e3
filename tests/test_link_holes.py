"""Words lost with their links (pressguard/verdict/link_holes.py): a converter that removes
<a> elements with their text leaves holes in the prose. Shipped pages changed that way are
broken naming the body; the same pages as shipped, a page that keeps its links, a writer's
typed double spaces and a site whose recorded pages already show such holes are not."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from shipped_pages import article_page as _page, assess_page as _assess

from pressguard.verdict import link_holes
from pressguard.verdict.checks import _Context
from pressguard.verdict.site_profile import SiteProfile

PAGES = ("wegotthiscovered/the-lantern-keepers-review-worth-the-wait",
         "destructoid/starfall-tactics-review-worth-the-wait",
         "dotesports/the-champions-tour-release-schedule-times-and-what-to-expect")

_LINK = re.compile(r"<a\b[^>]*>.*?</a>", re.S)


def _strip_links(html: str) -> str:
    """Every link inside a <p> removed with its words, as a regular-expression feed importer does."""
    return re.sub(r"(<p\b[^>]*>)(.*?)(</p>)", lambda m: m.group(1) + _LINK.sub("", m.group(2)) + m.group(3),
                  html, flags=re.S)


@pytest.mark.parametrize("name", PAGES)
def test_links_removed_with_their_words_are_broken_naming_the_body(name):
    html = _page(name)[1]
    assert _strip_links(html) != html
    item = _assess(name, _strip_links(html))
    assert item["verdict"] == "broken"
    assert re.search(r"body: the article's whole sentences, found \d+ holes?", item["checks"]["text_quality"])


@pytest.mark.parametrize("name", PAGES)
def test_a_page_keeping_its_links_with_a_typed_double_space_is_not_judged(name):
    html = _page(name)[1]
    # a writer's double spaces: after a full stop, and one mid-sentence; the links stay
    typed = re.sub(r"(<p\b[^>]*>[^<]*?\w)\. (\w)", r"\1.  \2", html, count=3)
    typed = re.sub(r"(<p\b[^>]*>[^<]*?[a-z]) ([a-z])", r"\1  \2", typed, count=1)
    assert typed != html
    item = _assess(name, typed)
    assert item["checks"]["text_quality"] == "ok", item["checks"]["text_quality"]


_PROSE = ["The studio confirmed on Tuesday that the battle pass will arrive later this month, with more to come.",
          "Not everyone is convinced, and a vocal group has asked for more time before the ranked mode.",
          "Support pages were updated overnight with a short explanation of the new season and its rewards."]


def _context(paragraphs: list[str], profile: SiteProfile) -> _Context:
    html = ("<html lang='en'><body><article><h1>A story</h1><div class='entry-content'>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div></article></body></html>")
    body = [" ".join(p.replace("<a href='/x'>", "").replace("</a>", "").split()) for p in paragraphs]
    return _Context({"url": "https://example.com/news/a-story/", "body": body}, html, None, None, None, True,
                    profile)


_SITE = SiteProfile(site="example", pages=8, min_words=50, min_paragraphs=3, median_words=400, with_dek=0,
                    with_date=8, with_authors=8, with_prose_links=8, with_link_holes=0)
_HOLED = [_PROSE[0].replace("on Tuesday", "on  Tuesday"), _PROSE[1].replace("convinced, and", "convinced,  and"),
          _PROSE[2]]


def test_holes_in_unlinked_prose_on_a_linking_site_are_found():
    finding = link_holes.hole_finding(_context(_HOLED, _SITE))
    assert finding is not None and finding.startswith("body: ") and "2 holes" in finding


def test_sentence_spacing_is_no_hole():
    spaced = [p.replace(". ", ".  ") + "  It was." for p in _PROSE]
    assert link_holes.link_habit(_context(spaced, _SITE).page, _context(spaced, _SITE).body) == (0, 0)


@pytest.mark.parametrize("profile, paragraphs", [
    (replace(_SITE, with_link_holes=2), _HOLED),  # the site's recorded pages show such holes already
    (replace(_SITE, with_prose_links=3), _HOLED),  # a site that seldom links inside its prose
    (None, _HOLED),  # nothing recorded to know the site's habit
    (_SITE, [_HOLED[0], _HOLED[1], "A link to <a href='/x'>the patch notes</a> stays in this paragraph of the story."]),
    (_SITE, _PROSE),  # no hole
])
def test_holes_are_not_judged_without_the_sites_habit_or_with_links_left(profile, paragraphs):
    assert link_holes.hole_finding(_context(paragraphs, profile)) is None


def test_a_copy_of_a_body_paragraph_elsewhere_on_the_page_is_not_the_body():
    """The body's paragraphs are counted in their container only: a teaser box quoting one of
    them with a link (or a print view's copy) says nothing about the body's own prose."""
    c = _context(_HOLED, _SITE)
    teaser = (f"<aside class='also-read'><p>{_PROSE[2].replace('short explanation', '<a href=/x>short explanation</a>')}"
              "</p></aside>")
    c = _Context(c.item, c.html.replace("</article>", "</article>" + teaser), None, None, None, True, _SITE)
    assert link_holes.link_habit(c.page, c.body) == (0, 2)
    finding = link_holes.hole_finding(c)
    assert finding is not None and "2 holes" in finding


def test_the_shortest_paragraph_and_one_holding_a_script_are_read():
    """Elements shorter than the shortest body paragraph are passed over unread: the shortest
    itself (its link) and a paragraph whose inline script lengthens its raw text still count."""
    shortest = "It rained all day, and the <a href='/x'>final</a> was moved to late on Sunday night."
    scripted = _HOLED[1].replace("convinced,  and", "convinced,  and<script>var slot = 'ad';</script>")
    page = _context([_HOLED[0], scripted, shortest], _SITE).page
    body = _context([_HOLED[0], _HOLED[1], shortest], _SITE).body
    assert link_holes.link_habit(page, body) == (1, 2)


def test_the_page_scans_prose_elements_give_the_reading_a_search_of_the_page_gives():
    """The checks hand link_habit the body's <p>, <li> and <blockquote> from the page scan's
    walk (the recorded side searches the page for them): the same answer on every shipped
    page, with its links removed with their words too."""
    from pathlib import Path

    from pressguard.cassettes.store import open_cassette
    from pressguard.extract import extract_article
    from pressguard.extract.page import page_for
    from pressguard.verdict.assess import _final_page
    from pressguard.verdict.page_scan import page_scan

    seen = set()
    for path in sorted((Path(__file__).resolve().parent.parent / "cassettes").glob("*/*.yaml")):
        url, raw = _final_page(open_cassette(path))
        for html in (raw, _strip_links(raw.decode("utf-8", "replace")).encode()):
            page = page_for(html, url, site=path.parent.name)
            body = [p for p in extract_article(page, url, site=path.parent.name).get("body") or [] if p.strip()]
            searched = link_holes.link_habit(page, body)
            assert link_holes.link_habit(page, body, None, page_scan(page).prose_blocks) == searched
            seen.add(searched)
    assert len(seen) > 3  # (pages with links, and pages with holes, were read)


def test_a_page_whose_prose_prints_no_double_space_is_not_walked(monkeypatch):
    """A hole is two spaces in one text node: a page whose prose elements print none has no
    hole, and no paragraph of it is located (the walk of its text nodes is not paid); one
    with a typed double space is read as before."""
    walked = []
    real = link_holes._texts
    monkeypatch.setattr(link_holes, "_texts", lambda node: walked.append(node) or real(node))
    assert link_holes.hole_finding(_context(_PROSE, _SITE)) is None
    assert walked == []
    finding = link_holes.hole_finding(_context(_HOLED, _SITE))
    assert walked and finding is not None and "2 holes" in finding
