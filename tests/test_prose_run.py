"""Subheadings dropped (pressguard/verdict/body_structure.run_finding): a content converter
or sanitizer that does not map heading blocks leaves the whole article one run of prose. A
page alone cannot tell (long stories without subheadings are common); the site's recorded
pages can, when none of them runs on anywhere near as long. Shipped pages, changed by hand,
run through assess() (the real extraction, site profile and checks).
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

import page_mutations as mutate
from test_check_signals import _assess, _failing, _healthy

from pressguard.verdict.body_structure import prose_run

LONG = "primagames/the-complete-history-of-tidebound-from-first-pitch-to-the-ranked-mode"
SHORT = "gamepur/project-lumen-review-almost-there"


def _headings(html: str, right: dict) -> list:
    tree = LexborHTMLParser(html)
    found = [mutate._element_with_text(tree, p, "h2, h3, h4") for p in right["body"] if len(p) <= 150]
    return [h for h in found if h is not None]


def _headings_dropped(html: str, right: dict) -> str:
    html = mutate.serialized(html)
    heads = _headings(html, right)
    assert len(heads) >= 3
    for h in heads:
        html = mutate._replace_once(html, h.html, "")
    return html


def _headings_as_bold_paragraphs(html: str, right: dict) -> str:
    """The same subheadings, written as bold paragraphs (a theme's own "heading" style)."""
    html = mutate.serialized(html)
    for h in _headings(html, right):
        html = mutate._replace_once(html, h.html, f"<p><strong>{h.text(deep=True)}</strong></p>")
    return html


def test_prose_run_counts_words_between_lines_that_are_no_sentence():
    prose = "The studio confirmed the patch will arrive next week for every platform it supports."
    assert prose_run([prose, prose, "What changes", prose]) == 2 * len(prose.split())
    assert prose_run(["Codes", "ABC123 - 500 gems", "Short line."]) == 0


def test_a_long_read_whose_subheadings_were_dropped_is_broken_naming_the_body():
    site, url, html, right = _healthy(LONG)
    item = _assess(site, url, _headings_dropped(html, right))
    assert item["verdict"] == "broken", item["checks"]
    assert "subheadings" in item["checks"]["completeness"] and "body" in item["checks"]["completeness"]


def test_subheadings_written_as_bold_paragraphs_still_break_the_prose():
    site, url, html, right = _healthy(LONG)
    item = _assess(site, url, _headings_as_bold_paragraphs(html, right))
    assert "subheadings" not in item["checks"]["completeness"], item["checks"]["completeness"]
    assert item["verdict"] != "broken", _failing(item)


def test_a_short_story_without_subheadings_is_not_judged():
    """Under RUN_MIN_WORDS a run of prose says nothing, whatever the site's habit: a news
    story of a few hundred words runs on without subheadings on any site (a blind spot for
    the converter that drops them from such a page)."""
    site, url, html, right = _healthy(SHORT)
    item = _assess(site, url, _headings_dropped(html, right))
    assert "subheadings" not in item["checks"]["completeness"], item["checks"]["completeness"]
