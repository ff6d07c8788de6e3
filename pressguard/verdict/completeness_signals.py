"""What says the whole article is there, besides the body's structure (body_structure): the
counts the page states (JSON-LD wordCount and articleBody), the second opinion's text past
where the layout stopped, a publication date the article can carry (not before 1995, not
later than its own pictures' uploads say), a later or first page of a split article, a
document that reaches its end tags, a dek that is a list of keywords. Read by the
completeness check, coherence and the site profile.
"""

from __future__ import annotations

from bisect import bisect_right
import re
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

from . import fingerprint as fp
from ..extract.continuation import PAGE_PARAM, article_page
from .minified import minified_whole
from .page_scan import links_matching, numbered_links
from .markers import marker_of
from .wording import quote

if TYPE_CHECKING:  # annotations only
    from .page_hints import PageHints
    from .checks import _Context


PROFILE_SHARE = 0.5  # a body shorter than half the site's shortest recorded one is cut
WORDCOUNT_SHARE = 0.7  # JSON-LD wordCount is approximate (captions, lists, headings)
WORDCOUNT_SLACK = 40  # words: short pieces are never judged on a few words
MIN_WORDCOUNT = 50  # a smaller JSON-LD wordCount is a placeholder, not a count
READING_WPM_FLOOR = 100  # "N min read": at least (N-1) * this many words
SECOND_EXTRA_WORDS = 40  # the second opinion's text outside the body worth a finding
SECOND_EXTRA_SHARE = 0.2


def as_int(value) -> int | None:
    if isinstance(value, list) and value:
        value = value[0]
    try:
        return int(str(value).replace(",", "").strip())
    except (TypeError, ValueError):
        return None


def count_finding(words: int, expected: int, where: str) -> str | None:
    """Only too few words: a count above the metadata's is as often the metadata's fault (an
    excerpt in articleBody, a count from an older revision); text glued from outside the
    article is the markers' and boilerplate's to find."""
    if words < expected * WORDCOUNT_SHARE and expected - words >= WORDCOUNT_SLACK:
        return f"body: about {expected} words ({where}), found {words}"
    return None


def second_opinion_extra(c: "_Context") -> list[str]:
    """Paragraphs of article prose the layout-free extractor read that the body lacks."""
    if not c.second:
        return []
    mine = set(c.body_squashed)
    mine_text = c.body_squashed_text
    known = dict(zip(c.body, c.body_squashed))  # most of the second opinion's paragraphs are the body's
    extra = []
    for p in c.second.get("body") or []:
        if not isinstance(p, str) or not p.strip():
            continue
        s = known.get(p)
        if s is None:
            s = fp.squash(p)
        if s in mine or s in mine_text or marker_of(p):
            continue
        extra.append(p)
    return extra


# Dates a news article can carry: nothing was published on the web as news before 1995
# (a null date rendered as 1970-01-01, a two-digit year read as 1925), and nothing is
# published more than a day after the moment it is judged (a scheduled date leaked, a
# year typed wrong). The fetch time is not passed to the checks, so the clock is the
# bound: a page fetched earlier passes it more easily, never less.
EARLIEST_PUBLISHED = datetime(1995, 1, 1, tzinfo=timezone.utc)
FUTURE_SLACK = timedelta(days=1)


def keyword_list(text: str) -> bool:
    """A comma-separated run of 4+ short terms (1-3 words, no sentence, no "and"), as SEO
    plugins store focus keywords: "games, news, release date, trailer". A standfirst is a
    sentence; a list of terms joined by "and" ("Dragons, castles, swords and magic") is not
    judged."""
    items = [" ".join(i.split()) for i in text.split(",")]
    return len(items) >= KEYWORDS_MIN and all(
        i and len(i.split()) <= 3 and re.fullmatch(r"[^\W\d_][\w'’ &-]*", i)
        and not re.match(r"(?:and|or|&)\b", i, re.I) for i in items)


KEYWORDS_MIN = 4


def implausible_date(published, now: datetime | None = None) -> str | None:
    when = iso_time(published)
    if when is None:
        return None  # not a date the checks can read: nothing to judge
    now = now or datetime.now(timezone.utc)
    if when < EARLIEST_PUBLISHED:
        return f"published: a date from {EARLIEST_PUBLISHED:%Y} on, found {published}"
    if when > now + FUTURE_SLACK:
        return f"published: a date no later than a day after {now:%Y-%m-%d}, found {published}"
    return None


# A WordPress upload lives in the folder of the month it was uploaded (/uploads/2025/08/):
# a picture named after the article's own slug was made for it, so it is not years older
# than the article. A publication date on the fetch day (what a fresh story has, and what a
# CMS writing each post's last-save time into its date gives) is judged against them.
_UPLOAD = re.compile(r"/uploads/((?:19|20)\d\d)/(0[1-9]|1[0-2])/([a-z0-9][a-z0-9-]*)")
UPLOAD_SLUG_MIN_WORDS = 3  # "review.jpg" is named after nothing in particular
UPLOAD_AGE_DAYS = 62  # a draft and its pictures may wait a month or two, not longer
FETCH_DAY = timedelta(hours=36)


def iso_time(value) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=timezone.utc)


def published_after_own_pictures(c: "_Context") -> str | None:
    """A publication date on the day the page was fetched, while the pictures named after
    this article's slug were uploaded months before: the date is a later save's, not the
    publication's (a CMS upgrade that rewrites dates, a re-dated post)."""
    published = iso_time(c.item.get("published"))
    fetched = iso_time(getattr(c._source, "fetched_at", None))
    if published is None or fetched is None or abs(fetched - published) > FETCH_DAY:
        return None
    slug = (c.url or "").split("?")[0].rstrip("/").rsplit("/", 1)[-1].lower()
    if len(slug.split("-")) < UPLOAD_SLUG_MIN_WORDS or not c.html:
        return None
    raw = c.html if isinstance(c.html, str) else c.html.decode("utf-8", "replace")
    if slug not in raw:
        return None
    months = sorted((int(y), int(m)) for y, m, name in _UPLOAD.findall(raw) if name.startswith(slug))
    if not months:
        return None
    year, month = months[-1]  # the newest of them: every picture made for it is older
    uploaded_by = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=timezone.utc)  # the month's end
    if published - uploaded_by < timedelta(days=UPLOAD_AGE_DAYS):
        return None
    return (f"published: the date the article was first published (its own pictures were uploaded "
            f"in {year}-{month:02d}: /uploads/{year}/{month:02d}/{slug}...), found {c.item['published']}, "
            f"the day the page was fetched")


_PAGE_OF = re.compile(r"\bpage\s+(\d{1,3})\s*(?:of|/)\s*(\d{1,3})\b", re.I)
_NEXT_TEXT = re.compile(r"\s*next\b", re.I)


def first_of_many(page: "PageHints", url: str) -> str | None:
    """A "next" link from this page to its own second part (?page=2, ?slide=2, <url>/2/): the
    article goes on on other pages (a slideshow's slide 1, a split post's page 1), so the body
    here is its first part only. A link to another article, or a page with none, says nothing."""
    from urllib.parse import urlsplit

    here = urlsplit(url or "")
    # a "2" in the joined URL's query or after its path comes from the href (or the
    # query from this URL's, which a bare "?" or "#x" keeps): links without one, whose
    # joined URL has no "2" (neither ?page=2 nor <url>/2), are not read
    links = page.tree.css('a[href], link[rel~="next"][href]') if "2" in here.query else \
        numbered_links(page, 'link[rel~="next"][href*="2"]')
    for node in links:
        href = (node.attributes.get("href") or "").strip()
        if node.tag == "a" and "next" not in (node.attributes.get("rel") or "").lower().split() and \
                not _NEXT_TEXT.match(node.text(deep=True) or ""):
            continue
        if article_page(href, url) == 2:
            return f"a next link to {quote(href, 60)}"
    return None


def later_page(page: "PageHints", url: str) -> str | None:
    """What says this is a later page of an article split over several (a CMS "nextpage"
    split, a pager): then the body is that page's part only. None on a first or only page."""
    for link in links_matching(page, 'link[rel~="prev"], link[rel~="previous"]'):
        if link.attributes.get("href"):
            return f"a rel=prev link to {quote(link.attributes['href'], 60)}"
    m = PAGE_PARAM.search(url or "")
    if m and int(m.group(1)) >= 2:
        return f"page {m.group(1)} in the URL"
    # a pager's "Page 2 of 3": a text node of its own (a label, not a sentence of prose)
    labels: dict[int, set[int]] = {}  # of M -> the N of each "Page N of M" label, not a link
    first = None
    for node in _nodes_opening_with(page.index, "page"):
        text = node.text_content or ""
        if "age" not in text or len(text) > 40:
            continue
        m = _PAGE_OF.match(text.strip())
        if m and 2 <= int(m.group(1)) <= int(m.group(2)):
            first = first or m.group(0)
            if not _in_link(node):
                labels.setdefault(int(m.group(2)), set()).add(int(m.group(1)))
    # labels of two later pages of the same article, neither of them a pager's link: the
    # page prints its pages one after another (a split post's "view all", each page's
    # start marked), so it is the whole article, not one of its later pages
    if first and not any(len(numbers) >= 2 for numbers in labels.values()):
        return f"{quote(first, 30)} on the page"
    return None


def _in_link(node, depth: int = 4) -> bool:
    """Is node inside an <a>, a few levels up (a pager's entry)?"""
    n = node.parent
    while n is not None and depth:
        if n.tag == "a":
            return True
        n, depth = n.parent, depth - 1
    return False


def _nodes_opening_with(index: "fp.TextIndex", start: str):
    """The index's text nodes whose squashed text opens with start (lower case, no
    space), in document order: found with str.find in the squashed page, not by reading
    every node's text."""
    full, starts, nodes = index.full, index.starts, index.nodes
    at = full.find(start)
    while at >= 0:
        i = bisect_right(starts, at) - 1
        if starts[i] == at:
            yield nodes[i][1]
        at = full.find(start, at + 1)


_HTML_END = re.compile(rb"</html\s*>|</body\s*>", re.I)
_TAIL = 4096  # the end tags sit in the document's last bytes (after them: whitespace, a comment)


def document_ends(html: str | bytes | None) -> bool:
    """Does the document reach its closing </body> or </html>? A response cut by an origin
    timeout or a proxy stops wherever the bytes stopped (mid-tag, mid-paragraph): the
    parser closes the open elements, and the part after the cut is simply not there."""
    if not html:
        return False
    tail = html[-_TAIL:]
    if isinstance(tail, str):
        tail = tail.encode("utf-8", "replace")
    return _HTML_END.search(tail) is not None or minified_whole(html)
