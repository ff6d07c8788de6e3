"""Does the item hold together with what the page and the site's recorded pages state?

The checks judge each field by its own shape; a field can have the right shape and still be
wrong: two paragraphs gone from the middle of the body, or another story's paragraphs under
this headline (a stale fragment cache), every sentence whole; a publication time read from
printed text that gives no time zone. What tells is what the page states about itself,
read against how the site's recorded pages state it (pressguard.verdict.site_profile):

- the JSON-LD wordCount: a CMS that counts the body it prints gives the same figure as the
  extraction, page after page, and a page that falls short of it by more than the site
  ever does shows less text than the CMS counted, or other text (never judged above the
  count: a pull quote read twice or a count from an older revision is no lost text);
- the publication time in metadata: on a site whose recorded pages all state it there, a
  page stating it nowhere leaves only printed text ("Aug 7, 2025 10:06 pm", "3 days ago").

    wordcount_ratio(words, article) -> float | None  body words / the JSON-LD article's wordCount
    wordcount_finding(c) -> str | None               completeness's finding, naming the body
    published_finding(c) -> str | None               a publication time the page states nowhere

A site whose recorded pages disagree with their own counts (a count that takes in captions
and headings, or one from an older revision) learns a wide span and is judged only outside
it; a site with too few recorded pages stating a count, or one whose pages do not all state
their time in metadata, is not judged by that signal.
"""

from __future__ import annotations

import re

from .completeness_signals import MIN_WORDCOUNT, as_int, count_finding

# how far past the span of the site's own recorded pages a page may stray: rounding and a
# word split differently; a site whose pages already differ by more gets its own spread
WORDCOUNT_TOLERANCE = 0.03
WORDCOUNT_MIN_GAP = 20  # words: about a paragraph; never judged on a few words
# A site each of whose recorded pages matches its count to the word (a span under half a
# percent) counts what it prints, words split as the extraction splits them: a page of it
# short by a sentence has lost one. Judged past 1% and a sentence's words.
EXACT_SPAN = 0.005
EXACT_TOLERANCE = 0.01
EXACT_MIN_GAP = 10


def wordcount_ratio(words: int, article: dict | None) -> float | None:
    """The body's words over the wordCount of the page's JSON-LD article node; None when
    the page states no count (or a count too small to be one)."""
    count = as_int((article or {}).get("wordCount"))
    if count is None or count < MIN_WORDCOUNT:
        return None
    return words / count


def wordcount_finding(c) -> str | None:
    """body: the CMS's count of the article's words, which each of the site's recorded pages
    matches within its span, fallen short of by more than the span and a paragraph: text
    lost from the body (blocks the front end did not render, a cut), or another story's
    shorter text in it. Only too few words, as completeness_signals.count_finding: text glued from
    outside the article is the markers' and boilerplate's to find."""
    prof, page = c.profile, c.page
    if prof is None or prof.wordcount_span is None or page is None or not c.body:
        return None
    words = c.word_total
    ratio = wordcount_ratio(words, page.ld.article)
    if ratio is None:
        return None
    low, high = prof.wordcount_span
    exact = high - low < EXACT_SPAN
    slack = EXACT_TOLERANCE if exact else max(WORDCOUNT_TOLERANCE, high - low)
    count = round(words / ratio)
    if ratio >= low - slack or count - words < (EXACT_MIN_GAP if exact else WORDCOUNT_MIN_GAP):
        return None
    if count_finding(words, count, "") is not None:
        return None  # far under any count: completeness says so already, whatever the site's span
    spread = f"{low:.0%}" if exact else f"{low:.0%} to {high:.0%}"
    return (f"body: about {count} words (the JSON-LD wordCount; the site's "
            f"{prof.wordcount_pages} recorded pages stating one have {spread} of theirs), found {words} "
            "(text missing from the article)")


# an explicit offset (or Z) at the end of a machine-readable time: "2025-08-07T22:06:00+02:00"
_OFFSET = re.compile(r"(?:[zZ]|[+-]\d\d:?\d\d)\s*\Z")


def published_finding(c) -> str | None:
    """published: a time the page states nowhere in machine-readable form (no meta, no
    JSON-LD, no <time datetime> with an offset giving it), on a site whose recorded pages all
    state theirs in metadata: read from printed text ("Aug 7, 2025 10:06 pm", "3 days ago")
    with no time zone, its hour or even its day is a guess."""
    from ..extract.common import published_jsonld, published_meta
    from ..extract.dates import parse_date
    from ..extract.page import Page, page_for

    published, prof = c.item.get("published"), c.profile
    if not published or prof is None or not prof.always("stated_time") or c._source is None:
        return None
    # the Page the item was extracted from, its metadata already read; else the recent parse
    page = c._source if isinstance(c._source, Page) else page_for(c._source, c.url, budget=None)
    if published_meta(page) or published_jsonld(page):
        return None  # the page states a time in its metadata: other checks judge which
    for node in page.tree.css("time[datetime], [itemprop=datePublished]"):
        value = node.attributes.get("datetime") or node.attributes.get("content") or ""
        if _OFFSET.search(value) and parse_date(value) == published:
            return None  # this exact time, with its offset, in the page
    return (f"published: the publication time the page states (each of the site's {prof.pages} "
            f"recorded pages states it in its metadata), found {published} with no statement of it "
            "but printed text that gives no time zone")
