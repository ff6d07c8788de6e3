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
  page stating it nowhere leaves only printed text ("Aug 7, 2025 10:06 pm", "3 days ago");
- the date stamp printed over the article against the times the metadata states: a stamp
  days before the publication, or after the last modification, is another post's date (a
  template loop, such as a "Trending" list, that did not restore the page's own post, so
  the tags after it print that post's date and writer).

    wordcount_ratio(words, article) -> float | None  body words / the JSON-LD article's wordCount
    wordcount_finding(c) -> str | None               completeness's finding, naming the body
    published_finding(c) -> str | None               a publication time the page states nowhere
    printed_date_finding(c) -> str | None            a printed date stamp that is another post's

A site whose recorded pages disagree with their own counts (a count that takes in captions
and headings, or one from an older revision) learns a wide span and is judged only outside
it; a site with too few recorded pages stating a count, or one whose pages do not all state
their time in metadata, is not judged by that signal.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .completeness_signals import MIN_WORDCOUNT, as_int, count_finding
from .wording import quote

# how far past the span of the site's own recorded pages a page may stray: rounding and a
# word split differently; a site whose pages already differ by more gets its own spread
WORDCOUNT_TOLERANCE = 0.03
WORDCOUNT_MIN_GAP = 20  # words: about a paragraph; never judged on a few words
# A site each of whose recorded pages matches its count to the word (a span under half a
# percent) counts what it prints, words split as the extraction splits them: a page of it
# short by a subheading has lost it. Judged past 1% and a subheading's words (fewer is a
# word or two split differently).
EXACT_SPAN = 0.005
EXACT_TOLERANCE = 0.01
EXACT_MIN_GAP = 5


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


# A day printed beside an instant stated in UTC may be the local day: a day either side.
PRINTED_SLACK_DAYS = 1
_EDITED_STAMP = re.compile(r"updat|modif|edited|revised", re.I)  # an update's stamp, not the publication's
STORY_TEXT_MAX = 400  # characters of a listed story's box: its title, writer and date, not a section


def printed_date_finding(c) -> str | None:
    """published: the page's date stamp (its first date element outside furniture, teaser
    tiles and other stories, an update's stamp aside) prints a day neither the publication
    time its metadata states nor its last modification is on, and that day and the byline's
    writer are both another story's that the page lists (a "Trending" or "Latest" entry). A
    template loop that did not restore the page's own post prints that post's writer and date
    in the tags after it; the metadata, printed in the <head> before any loop runs, keeps the
    page's own. A stamp that merely differs from the metadata is no evidence: real pages print
    an original date beside a republished time, or an event's date."""
    from .completeness_signals import iso_time
    from .site_profile import STATED

    published, page = iso_time(c.item.get("published")), c.page
    authors = [a for a in c.item.get("authors") or [] if isinstance(a, str) and a.strip()]
    if published is None or page is None or page.tree.body is None or not authors \
            or (c.item.get("provenance") or {}).get("published") not in STATED:
        return None  # no stated time (or it was read from the stamp itself), or no writer to match
    stamp = _date_stamp(page)
    if stamp is None:
        return None
    text, day = stamp
    slack = timedelta(days=PRINTED_SLACK_DAYS)
    modified = iso_time(next(iter(page.meta.get("article:modified_time", [])), None)
                        or (page.ld.article or {}).get("dateModified"))
    if abs(day - published.date()) <= slack or (modified is not None and abs(day - modified.date()) <= slack):
        return None
    listed = _listed_story(page, day, authors)
    if listed is None:
        return None
    return (f"published: the date the page prints over the article agreeing with the publication time "
            f"its metadata states ({c.item['published']}), found {quote(text, 50)} ({day.isoformat()}), "
            f"the date and writer of another story the page lists ({quote(listed, 70)}): a loop's post printed")


def _stamp_day(node) -> date | None:
    """The calendar day a date element states: its datetime (in its own offset), else the
    first whole date its data-datetime or text prints."""
    from .completeness_signals import iso_time
    from .date_order import printed_days

    attrs = node.attributes
    when = iso_time(attrs.get("datetime") or attrs.get("content"))
    if when is not None:
        return when.date()
    days = printed_days(f"{attrs.get('data-datetime') or ''} {node.text(deep=True)}")
    return days[0] if days else None


def _date_elements(page):
    """(element, in another story's box: furniture, a teaser tile or another <article>) for
    each date element of the page, once, in document order."""
    from .page_hints import _in_tile
    from .page_scan import page_scan

    seen: set[int] = set()
    for node in page_scan(page._parsed).dates:
        if node.mem_id in seen:
            continue  # a node matching several date selectors comes once per selector
        seen.add(node.mem_id)
        yield node, (page._in_furniture(node) or _in_tile(node, page.own_urls) or page._in_another_article(node))


def _date_stamp(page) -> tuple[str, date] | None:
    """(text, calendar day) of the page's first date element of its own that prints a whole
    date, an update's stamp aside; None if none."""
    for node, elsewhere in _date_elements(page):
        attrs = node.attributes
        text = " ".join(node.text(deep=True).split())
        if elsewhere or len(text) > 80 or _EDITED_STAMP.search(
                f"{text} {attrs.get('class') or ''} {attrs.get('data-datetime') or ''}"):
            continue
        day = _stamp_day(node)
        if day is not None:
            return text or day.isoformat(), day
    return None


def _listed_story(page, day: date, authors: list[str]) -> str | None:
    """The text of another story's box on the page (a list entry, a tile) dated day and
    crediting one of authors, or None."""
    from .person_names import squash

    names = {squash(a) for a in authors}
    for node, elsewhere in _date_elements(page):
        if not elsewhere or _stamp_day(node) != day:
            continue
        box = node.parent
        while box is not None and box.tag not in ("body", "html"):
            text = " ".join(box.text(deep=True, separator=" ").split())
            if len(text) > STORY_TEXT_MAX:
                break
            if any(n in squash(text) for n in names):
                return text
            box = box.parent
    return None
