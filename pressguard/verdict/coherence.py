"""Does the body hold together: all of this article's text, and only it?

The checks judge each field by its own shape; a body can have the right shape and still be
the wrong text: two paragraphs gone from the middle, or another story's paragraphs under
this headline (a stale fragment cache), every sentence whole. What tells is the page's
own count of its text, the JSON-LD wordCount, read against how exactly the site's
recorded pages match theirs (pressguard.verdict.site_profile): a CMS that counts the body
it prints gives the same figure as the extraction, page after page, and a page that misses
it by more than the site ever does shows other text than the CMS counted.

    wordcount_ratio(words, article) -> float | None  body words / the JSON-LD article's wordCount
    wordcount_finding(c) -> str | None               completeness's finding, naming the body

A site whose recorded pages disagree with their own counts (a count that takes in captions
and headings, or one from an older revision) learns a wide span and is judged only outside
it; a site with too few recorded pages stating a count is not judged at all.
"""

from __future__ import annotations

# how far past the span of the site's own recorded pages a page may stray: rounding and a
# word split differently; a site whose pages already differ by more gets its own spread
WORDCOUNT_TOLERANCE = 0.03
WORDCOUNT_MIN_GAP = 20  # words: about a paragraph; never judged on a few words either way


def wordcount_ratio(words: int, article: dict | None) -> float | None:
    """The body's words over the wordCount of the page's JSON-LD article node; None when
    the page states no count (or a count too small to be one)."""
    from .checks import MIN_WORDCOUNT, _int

    count = _int((article or {}).get("wordCount"))
    if count is None or count < MIN_WORDCOUNT:
        return None
    return words / count


def wordcount_finding(c) -> str | None:
    """body: the CMS's count of the article's words, which each of the site's recorded pages
    matches within its span, missed by more than the span (and a paragraph) either way: text
    lost from the body (blocks the front end did not render, a cut) or other text in it."""
    from .checks import _count_finding

    prof, page = c.profile, c.page
    if prof is None or prof.wordcount_span is None or page is None or not c.body:
        return None
    words = c.word_total
    ratio = wordcount_ratio(words, page.ld.article)
    if ratio is None:
        return None
    low, high = prof.wordcount_span
    slack = max(WORDCOUNT_TOLERANCE, high - low)
    count = round(words / ratio)
    if low - slack <= ratio <= high + slack or abs(words - count) < WORDCOUNT_MIN_GAP:
        return None
    if _count_finding(words, count, "") is not None:
        return None  # far under any count: completeness says so already, whatever the site's span
    spread = f"{low:.0%}" if high - low < 0.005 else f"{low:.0%} to {high:.0%}"
    return (f"body: about {count} words (the JSON-LD wordCount; the site's "
            f"{prof.wordcount_pages} recorded pages stating one have {spread} of theirs), found {words} "
            f"({'fewer: text missing from the article' if ratio < 1 else 'more: text the article does not count'})")
