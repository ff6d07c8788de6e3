"""The layout-free extractor: works on any article page, knows no publisher.

Body (generic_body.py): the page measured in one linear pass; paragraph units (p, li, pre,
td, dd, text-holding divs) outside furniture credit their containers by length and commas,
discounted by link density; the winner climbs to an ancestor holding clearly more prose (no
higher than the element holding both the <h1> and the article) and keeps siblings that score
close to it; read with the shared furniture filters. Furniture is
judged by tags, hidden/roles and whole class names, overruled by structure (a page-wide
wrapper is the page). Headline: the page's <h1> (the one that matches og:title/<title> when
there are several), else og:title minus the " – Site" suffix. Authors: byline markup
(rel/itemprop author, byline classes, innermost first), then plain-text bylines after the
headline, links to the author's page named as it, strong bylines ("Written by") in an author
box, then declared (JSON-LD/meta) names the page shows (generic_authors.py); [] rather than
a guess. Dek: an element right after the <h1> that is marked as a subtitle. Date: meta,
JSON-LD, <time datetime>. A page that is not an article says so in item["page_kind"]
(generic_kind.py) and gets no body and no authors.
"""

from __future__ import annotations

import gc
import re
from contextlib import contextmanager
from typing import Sequence
from urllib.parse import urljoin, urlsplit
from functools import lru_cache
from . import common, generic_authors, generic_body, generic_kind
from .authors import clean_authors
from .blocks import Block, image_descriptions
from .boilerplate import bare_review_label, is_boilerplate_text
from .dates import parse_date, search_date
from .budget import DEFAULT_BUDGET, PageBudget
from .continuation import pager_lines
from .page import Page, page_for
from .strategy import FIELDS, Layout
from .text import animated_label, node_text, normalize

_AUTHOR_FURNITURE = re.compile(
    r"(?:^|[\s_\-])(?:related|recommended|recirc|tiles?|cards?|comments?|sidebar|rail|widgets?|"
    r"newsletter|modal|popup|promo|trending|popular|more|latest|ads?|advert\w*|footer|nav\w*|menu)"
    r"(?:$|[\s_\-])",
    re.I,
)
_DEK_CLASS = re.compile(
    r"sub-?title|(?:^|[\s_\-])dek(?:$|[\s_\-])|deck|standfirst|sub-?head|strapline|summary|excerpt|"
    r"lede|lead-?in|(?:^|[\s_\-])intro(?:$|[\s_\-])|description",
    re.I,
)


# -- body ----------------------------------------------------------------------

def _usable(block: Block, headline: str, dek: str | None, link_filter: bool) -> bool:
    text = block.text
    if is_boilerplate_text(text, block.tag):
        return False
    if text == headline or (dek and text == dek):
        return False
    if link_filter and block.link_density > 0.6 and len(text) < 200:
        return False
    return True


def filter_blocks(blocks: list[Block], headline: str = "", dek: str | None = None, *,
                  link_filter: bool = True) -> list[str]:
    """Paragraph texts minus furniture text, the headline/dek repeated, and (with
    link_filter, for containers found by scoring) short paragraphs that are mostly links."""
    return [b.text for i, b in enumerate(blocks)
            if _usable(b, headline, dek, link_filter) or _label_between_prose(blocks, i)]


def _label_between_prose(blocks: list[Block], i: int) -> bool:
    """A bare review label ("Verdict") in a paragraph of its own between two paragraphs of
    prose: the reviewer's closing section titled in bold instead of an <h2> (a converter
    that writes subheadings as <p><strong>), article text as the <h2> would be. A label
    inside a review box goes with the box (its classes, is_review_box) before this."""
    b = blocks[i]
    if b.tag != "p" or not 0 < i < len(blocks) - 1 or not bare_review_label(b.text):
        return False
    return all(n.tag == "p" and len(n.text.split()) >= 12 and n.text.rstrip("\"'”’)")[-1:] in ".!?…"
               for n in (blocks[i - 1], blocks[i + 1]))


def body_generic(page: Page) -> list[str]:
    if "generic:body" in page._cache:
        return page._cache["generic:body"]  # type: ignore[return-value]
    headline = headline_generic(page) or ""
    dek = dek_generic(page)
    body: list[str] = []
    if page.tree.body is not None:
        lay = generic_body.layout_of(page)
        h = _main_h1(page)
        found, _ = generic_body.containers(lay, h[0] if h else None)
        pagers = {lay.index.get(b.mem_id) for b in pager_lines(found, page.url)} | \
            {lay.index.get(m) for m in image_descriptions(page)}
        for container in found:
            body += filter_blocks(generic_body.read(container, lay, pagers), headline, dek)
    page._cache["generic:body"] = body
    return body


# -- headline and dek --------------------------------------------------------------

def _words(s: str) -> set[str]:
    return set(re.findall(r"\w+", s.lower()))


def _is_home_link(node) -> bool:
    a = node.css_first("a[href]")
    return a is not None and (a.attributes.get("href") or "").rstrip("/") in ("", "/", ".")


def _all_named(page: Page, lay, tag: str) -> list:
    """The page's elements with this tag, in page order (page.all(tag)), read off the
    measured page when it holds them all (they all sit in the <body>)."""
    found = lay.named(tag)
    return page.all(tag) if found is None else [lay.nodes[i] for i in found]


def _main_h1(page: Page):
    """(node, text) of the headline <h1>, or None. With several h1s (a logo h1 is common)
    the one that best matches og:title/<title> wins, then the longer one."""
    key = "generic:h1"
    if key in page._cache:
        return page._cache[key]
    site = page.site_names_lower
    h1s = []
    lay = generic_body.layout_of(page)
    for h in _all_named(page, lay, "h1"):
        text = lay.short_text(h, 600)
        text = animated_label(h, text) if text else text
        if text and text.lower() not in site and len(text) < 400:
            h1s.append((h, text))
    chosen = None
    ref = _words(common.headline_meta(page))
    if len(h1s) == 1:
        chosen = h1s[0]
        # a lone h1 that shares no word with a real og:title/<title> is a logo or a
        # section label ("Reviews"), not the headline
        if len(ref) >= 3 and not (_words(chosen[1]) & ref):
            chosen = None
    elif h1s:

        def rank(ht):
            words = _words(ht[1])
            overlap = len(words & ref) / (len(words) or 1) if ref else 0.0
            return (round(overlap, 2), not _is_home_link(ht[0]), len(words))

        chosen = max(h1s, key=rank)
    page._cache[key] = chosen
    return chosen


def _title_node(page: Page):
    """The headline element: the main h1, else a heading whose text is the meta title."""
    h = _main_h1(page)
    if h:
        return h
    key = "generic:title-node"
    if key not in page._cache:
        ref = common.headline_meta(page).lower()
        found = None
        if ref:
            lay = generic_body.layout_of(page)
            for node in page.all("h2, h3, [class*='title'], [class*='headline']"):
                text = lay.short_text(node, 2 * len(ref) + 20)
                if text and text.lower() == ref:
                    found = (node, text)
                    break
        page._cache[key] = found
    return page._cache[key]


def headline_generic(page: Page) -> str:
    h = _main_h1(page)
    return h[1] if h else ""


def dek_slots(page: Page):
    """(element, text) of each element the page marks as its standfirst, in order: a
    dek/standfirst/subtitle class or itemprop, or a plain <h2> in the headline's <header>,
    among the few elements after the <h1> (and after its wrapper). What the slot shows (a
    byline run on at its end aside), before any judgment of whether it reads as a dek."""
    h = _title_node(page)
    if not h:
        return
    h1, _headline = h
    candidates = []
    sib = h1.next
    while sib is not None and len(candidates) < 4:
        if not sib.tag.startswith("-"):
            candidates.append(sib)
        sib = sib.next
    parent = h1.parent
    if parent is not None:
        sib = parent.next
        n = 0
        while sib is not None and n < 3:
            if not sib.tag.startswith("-"):
                candidates.append(sib)
                n += 1
            sib = sib.next
    in_header = any(
        a is not None and a.tag == "header" for a in (h1.parent, getattr(h1.parent, "parent", None))
    )
    for node in candidates:
        attrs = node.attributes
        marker = (attrs.get("class") or "") + " " + (attrs.get("itemprop") or "")
        plain_h2 = node.tag == "h2" and not attrs.get("class") and in_header
        if not (_DEK_CLASS.search(marker) or plain_h2):
            continue
        if node.tag not in ("p", "div", "h2", "h3", "span", "section"):
            continue
        if re.search(r"review-summary|author|byline", marker, re.I):
            continue
        yield node, common.without_byline_tail(generic_body.layout_of(page).short_text(node, 600) or "", node)


def dek_generic(page: Page) -> str | None:
    headline = (_title_node(page) or (None, ""))[1]
    for _node, text in dek_slots(page):
        if 15 <= len(text) <= 400 and text != headline and not is_boilerplate_text(text):
            return text
    return None


# -- authors -----------------------------------------------------------------------

def _scope(page: Page):
    """The article element around the headline, else <main> (grown to take in the
    headline when the headline and its byline sit above <main>), else the body."""
    h = _title_node(page)
    node = h[0] if h else None
    above: set[int] = set()
    while node is not None:
        if node.tag == "article":
            return node
        above.add(node.mem_id)
        node = node.parent
    main = next(iter(_all_named(page, generic_body.layout_of(page), "main")), None)
    if main is None or not above or main.mem_id in above:
        return main or page.tree.body
    node = main
    while node is not None and node.mem_id not in above:
        node = node.parent
    return node or main  # the nearest element holding both the headline and <main>


_AUTHOR_HREF = re.compile(r"/(?:author|authors|people|profile|staff|writers)/")
_NOT_BYLINE_CLASS = re.compile(r"bio|description|avatar|image|img|photo|about|more|social|follow", re.I)
_MAX_BYLINES = 20
_AUTHOR_TAGS = frozenset({"aside", "nav", "footer", "form"})


def _author_furniture_own(node) -> bool:
    if node.tag in _AUTHOR_TAGS:
        return True
    attrs = node.attributes
    if not attrs:
        return False
    return _author_furniture_marker((attrs.get("class") or "") + " " + (attrs.get("id") or ""))


@lru_cache(maxsize=8192)
def _author_furniture_marker(marker: str) -> bool:
    return bool(_AUTHOR_FURNITURE.search(marker)) and not re.search(r"article|entry|post-content", marker, re.I)


def _author_furniture(node, stop) -> bool:
    """The same test for one node, walking up to stop (for layouts that check a few
    byline nodes; the generic search uses the memoised flags of _AuthorContext)."""
    start, stop_id, own_len = node, stop.mem_id, -1
    while node is not None and node.mem_id != stop_id:
        if _author_furniture_own(node):
            return True
        if node.tag == "a" and node.mem_id != start.mem_id:
            if own_len < 0:
                own_len = len(normalize(start.text(deep=True)))
            if len(normalize(node.text(deep=True))) > 2 * own_len + 20:
                return True
        node = node.parent
    return False


class _AuthorContext:
    """The byline and date searches' view of the scope (the article element, element s
    of the layout): whether an element is furniture, i.e. it or an ancestor below the
    scope is an aside/nav/footer/form or carries a class naming related tiles, rails,
    comments ...; and the nearest <a> around it. Computed only for the elements asked
    about, each ancestor once (memoised on the way down), so the cost is linear in the
    page however deep it nests and small when the page has few byline candidates."""

    def __init__(self, lay, s: int) -> None:
        self.lay, self.s = lay, s
        self._furn: dict[int, bool] = {}
        self._link: dict[int, int] = {}

    def _fill(self, i: int) -> None:
        lay, s, furn, link = self.lay, self.s, self._furn, self._link
        path = []
        j = i
        while j > s and j not in furn:
            path.append(j)
            j = lay.parent[j]
        f, a = (furn[j], link[j]) if j > s else (False, -1)
        for k in reversed(path):
            f = f or _author_furniture_own(lay.nodes[k])
            if lay.tags[k] == "a":
                a = k
            furn[k], link[k] = f, a

    def furniture(self, i: int) -> bool:
        if i not in self._furn:
            self._fill(i)
        return self._furn[i]

    def link(self, i: int) -> int:
        if i not in self._link:
            self._fill(i)
        return self._link[i]


def _author_context(page: Page):
    """(layout, scope index, _AuthorContext) for the byline and date searches, or None."""
    key = "generic:author-context"
    if key in page._cache:
        return page._cache[key]
    ctx = None
    scope = _scope(page)
    lay = generic_body.layout_of(page)
    s = lay.index.get(scope.mem_id) if scope is not None else None
    if s is not None:
        ctx = (lay, s, _AuthorContext(lay, s))
    page._cache[key] = ctx
    return ctx


def _in_author_furniture(ctx, i: int) -> bool:
    """Is element i page furniture, or inside a link that wraps a whole teaser card (tiles
    of other articles carry their own author lines)? A byline's own link
    (``<a rel=author><span>Name</span></a>``) holds the name and little else."""
    lay, s, view = ctx
    if view.furniture(i):
        return True
    p = lay.parent[i]
    a = view.link(p) if p > s else -1
    return a > s and lay.deep[a] > 2 * lay.deep[i] + 20


# Byline candidates, found by lexbor's selector engine rather than by reading every
# element's attributes in Python; each match is checked again below (lexbor compares
# rel/itemprop values case-insensitively, the rules here do not). The candidates are
# those of the list [rel~="author"], [itemprop~="author"], [class*="byline"],
# [class*="author"], [class*="Byline"], [class*="Author"], each node as many times as it
# matches a selector of it (lexbor's answer to a list), which _byline_matches rebuilds
# from a query with half the substring tests (see there).
_BYLINE_QUERY = '[rel~="author"], [itemprop~="author"], [class*="byline" i], [class*="author" i]'
_BYLINE_WORDS = ("byline", "author", "Byline", "Author")


def _byline_matches(scope) -> list:
    """What scope.css() answers for the cased six-selector list above, node for node and
    duplicate for duplicate. lexbor tests the selectors of a list node by node and gives a
    node once per selector it matches (so a node's copies are consecutive); a
    case-insensitive substring test costs half what the two cased ones cost, and over a
    page's class values they are most of the query. A node's count under the cased list
    is its count under _BYLINE_QUERY, less its two case-insensitive class matches (ASCII
    case folding, as lexbor's), plus its cased ones."""
    found = scope.css(_BYLINE_QUERY)
    out: list = []
    k, n = 0, len(found)
    while k < n:
        node = found[k]
        mem, j = node.mem_id, k + 1
        while j < n and found[j].mem_id == mem:
            j += 1
        cls = node.attributes.get("class") or ""
        folded = cls.encode("utf-8", "surrogatepass").lower()  # bytes: ASCII letters only
        times = j - k - (b"byline" in folded) - (b"author" in folded)
        times += sum(w in cls for w in _BYLINE_WORDS)
        out += [node] * times
        k = j
    return out


def authors_dom(page: Page) -> list[str]:
    ctx = _author_context(page)
    if ctx is None:
        return []
    lay, s = ctx[0], ctx[1]
    end = s + lay.size[s]
    raw: list[str] = []
    strong: list[str] = []
    bylines: list[int] = []
    for node in _byline_matches(lay.nodes[s]):
        i = lay.index.get(node.mem_id)
        if i is None or not s < i < end:
            continue
        attrs = node.attributes
        rel = (attrs.get("rel") or "").split()
        prop = (attrs.get("itemprop") or "").split()
        if "author" in rel or "author" in prop:
            if lay.size[i] > 200 or _in_author_furniture(ctx, i):
                continue
            name_node = node.css_first('[itemprop="name"]')
            if node.tag == "meta" or (name_node is not None and name_node.tag == "meta"):
                # microdata in <meta>: a name the reader never sees counts only if the
                # page shows it somewhere (as declared JSON-LD names do)
                value = (name_node or node).attributes.get("content") or ""
                value = value if generic_authors.shown_on_page(page, [value]) else ""
            else:
                value = lay.short_text(name_node or node) or ""
            if value:
                strong.append(value)
        cls = attrs.get("class") or ""
        if "byline" in cls or "author" in cls or "Byline" in cls or "Author" in cls:
            bylines.append(i)
    inner = [i for k, i in enumerate(bylines)
             if not (k + 1 < len(bylines) and bylines[k + 1] < i + lay.size[i])]
    for i in inner:
        if len(raw) >= _MAX_BYLINES:
            break
        node = lay.nodes[i]
        if _NOT_BYLINE_CLASS.search(node.attributes.get("class") or ""):
            continue
        if lay.size[i] > 64 or _in_author_furniture(ctx, i):
            continue
        links = [a for a in node.css("a[href]") if _AUTHOR_HREF.search(a.attributes.get("href") or "")]
        if links:
            raw += [_name_line(a) for a in links]
        elif lay.deep[i] >= generic_body.TEASER_LINK and lay.links[i] >= 0.8 * lay.deep[i]:
            continue  # a headline-sized link in an author box: the author's other posts
        else:
            text = lay.short_text(node, 120)
            if text and not generic_authors.OTHER_ROLE.search(_prev_label(node)):
                raw.append(generic_authors.byline_head(text))
    # an article's byline is a handful of names: past the first few candidates a page is
    # repeating a card or a comment thread, and cleaning them all would cost per match
    names = clean_authors(strong[:_MAX_BYLINES], page.site_names, allow_single=True)
    seen = {n.lower() for n in names}
    for extra in clean_authors(raw[:_MAX_BYLINES], page.site_names):
        if extra.lower() not in seen:
            seen.add(extra.lower())
            names.append(extra)
    names = generic_authors.drop_roles(names)
    if not names:
        names = _plain_bylines(page, lay, s)
    if not names:
        names = _profile_links(page, ctx)
    if not names:
        names = generic_authors.plain_names(generic_authors.far_byline(lay, s + 1, s + lay.size[s]),
                                            page.site_names)
    if len(names) > 1:
        # several names where the page declares (and shows) fewer: keep the declared ones,
        # the rest are reviewers, editors or other articles' bylines
        declared = {n.lower() for n in generic_authors.declared_visible(page)}
        kept = [n for n in names if n.lower() in declared]
        if kept:
            return kept
    return names


def _name_line(link) -> str:
    """An author link's name: an author card's link holds the name on one line and the
    role on the next ("Written by Meghan Neville" / "Content Marketing Coordinator"), so
    only its first line is read, label dropped."""
    lines = generic_authors.lines_of(link)
    return generic_authors.byline_head(lines[0]) if lines else ""


def _plain_bylines(page: Page, lay, s: int) -> list[str]:
    """Bylines with no byline markup, in the elements right after the headline."""
    h = _title_node(page)
    start = lay.index.get(h[0].mem_id) if h else None
    if start is None:
        start = s
    raw = generic_authors.plain_byline(lay, start + 1, s + lay.size[s])
    return generic_authors.plain_names(raw, page.site_names)


# A link to an author's own page: /author/jane-doe, /people/jane-doe/, /team/jane-doe-2
_PROFILE_HREF = re.compile(r"/(?:author|authors|people|profile|staff|writers?|contributors?|team)/"
                           r"([^/?#]+)/?(?:[?#]|$)")
_MAX_PROFILES = 3


def _profile_links(page: Page, ctx) -> list[str]:
    """With no byline to read: links in the elements right after the headline that lead
    to an author's page and whose text is that author's name (href ".../author/jane-doe",
    text "Jane Doe"): the link and its text agree, so the name is the author's, not a
    category or a call to action. Teaser cards and furniture excluded; more than a few
    different names is a list of people, not a byline."""
    lay, s = ctx[0], ctx[1]
    h = _title_node(page)
    start = lay.index.get(h[0].mem_id) if h else None
    if start is None:
        start = s
    raw: list[str] = []
    for i in range(start + 1, min(s + lay.size[s], start + 1 + generic_authors.NEAR)):
        if lay.tags[i] != "a" or lay.deep[i] > 80:
            continue
        m = _PROFILE_HREF.search(lay.nodes[i].attributes.get("href") or "")
        if m is None or _in_author_furniture(ctx, i):
            continue
        name = _name_line(lay.nodes[i])
        slug = m.group(1).lower()
        if name and name not in raw and (slug == generic_kind.slug(name) or re.fullmatch(re.escape(generic_kind.slug(name)) + r"-\d+", slug)):
            raw.append(name)
    if len(raw) > _MAX_PROFILES:
        return []
    return generic_authors.drop_roles(clean_authors(raw, page.site_names))


def _prev_label(node) -> str:
    """The text just before a byline element ("Fact checked by:" in its own span)."""
    prev = node.prev
    while prev is not None and prev.tag == "-text" and not (prev.text_content or "").strip():
        prev = prev.prev
    if prev is None:
        return ""
    text = prev.text_content if prev.tag == "-text" else node_text(prev) if len(prev.text(deep=True)) < 60 else ""
    return (text or "").strip()[-40:]


# -- date --------------------------------------------------------------------------

TEASER_TITLE_WORDS = 4  # a link with a title of its own around a date: a card for another story
_TEASER_DEPTH = 8
# the words a printed date is made of ("Published on Aug. 10, 2025 at 10:03 am", "1 year ago")
_DATE_WORDS = re.compile(
    r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?|january|february|march|april|may|june|july"
    r"|august|september|october|november|december|[ap]\.?m\.?|ago|at|on|published|updated|posted|mins?"
    r"|minutes?|hours?|hrs?|days?|weeks?|months?|years?|yesterday|today|[^a-z]*", re.I)


def _in_teaser(node, url: str) -> bool:
    """Is this date inside a link to another page that also carries that page's title (a
    related-story card)? Its date is the other story's, not this one's; a date linked to
    its own permalink or to a day archive has no title beside it and still counts."""
    n, depth = node.parent, 0
    while n is not None and depth < _TEASER_DEPTH:
        if n.tag == "a":
            href = (n.attributes.get("href") or "").strip()
            if not href or href.startswith("#"):
                return False
            key = lambda u: urlsplit(urljoin(url, u)).path.rstrip("/")
            if key(href) == key(url):
                return False
            title = [w for w in node_text(n).split() if not _DATE_WORDS.fullmatch(w.strip(",;:|·"))]
            return len(title) >= TEASER_TITLE_WORDS
        n, depth = n.parent, depth + 1
    return False


def published_dom(page: Page) -> str | None:
    ctx = _author_context(page)
    if ctx is None:
        return None
    lay, s = ctx[0], ctx[1]
    scope = lay.nodes[s]
    # what the page holds none of is not looked for in the scope (a query walks the
    # scope in lexbor): the microdata date published_meta looked for in the whole page
    # (its answer is cached), a <time> the measuring pass did not see
    absent = {"time[datetime]", "time"} if lay.named("time") == [] else set()
    if page.first('[itemprop="datePublished"]') is None:
        absent.add('[itemprop="datePublished"]')
    for sel in ('[itemprop="datePublished"]', "time[datetime]", "time"):
        if sel in absent:
            continue
        for node in scope.css(sel):
            if _in_teaser(node, page.url):
                continue
            value = node.attributes.get("datetime") or node.attributes.get("content") or lay.short_text(node)
            parsed = parse_date(value, page.fetched_at) if value else None
            if parsed:
                return parsed
    for sel in ('[class*="publish"]', '[class*="date"]', '[class*="time"]', '[class*="byline"]',
                '[class*="meta"]', '[class*="info"]', '[class*="posted"]'):
        for node in scope.css(sel):
            i = lay.index.get(node.mem_id)
            if i is None or i == s or _in_author_furniture(ctx, i) or _in_teaser(node, page.url):
                continue
            text = lay.short_text(node, 200)
            if text is None:
                continue
            parsed = search_date(node.attributes.get("data-datetime") or text, page.fetched_at)
            if parsed:
                return parsed
    return None


@contextmanager
def _collector_paused():
    """Python's cycle collector off while one page is measured and read. The page's
    layout is thousands of small objects (a node, lists, tuples per element) that hold no
    reference cycles, so the collections their allocation triggers find nothing of ours,
    and each one scans the rest of the process's heap: in a process holding a large heap
    (Scrapy, or trafilatura beside us in the benchmark) that scanning cost the extractor
    a third of its time. Collection resumes after the page (and stays off if it was off);
    nested pauses resume once, at the outermost."""
    was_on = gc.isenabled()
    if was_on:
        gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


class GenericLayout(Layout):
    """The generic strategies, plus honesty about pages that are not articles: a
    listing, forum, product or profile page keeps its headline but gets no body and no
    authors, and says what it is in ``item["page_kind"]`` (the key is present only on
    such pages, so an article item is unchanged)."""

    def run(self, page: Page, fields: Sequence[str] = FIELDS) -> dict:
        with _collector_paused():
            item = super().run(page, fields)
            lay = generic_body.layout_of(page) if page.tree.body is not None else None
            kind = generic_kind.page_kind(page, lay, sum(len(p) for p in item["body"]), item["headline"] or "")
        if kind:
            item["page_kind"] = kind
            item["body"], item["authors"] = [], []
            item["provenance"]["body"] = item["provenance"]["authors"] = None
        return item


GENERIC = GenericLayout(
    name="generic",
    detect=lambda tree, page=None: True,
    fields={
        "headline": [("generic", headline_generic), ("meta", common.headline_meta),
                     ("jsonld", common.headline_jsonld)],
        "dek": [("generic", dek_generic), ("meta", common.dek_described)],
        # structured-data names the page shows first; then, as before, any declared name
        # (dropping those lost 4 points of author lists on WCXB's tuning half)
        "authors": [("generic", authors_dom), ("declared", generic_authors.declared_visible),
                    ("jsonld", common.authors_jsonld), ("meta", common.authors_meta)],
        "published": [("meta", common.published_meta), ("jsonld", common.published_jsonld),
                      ("generic", published_dom)],
        "body": [("generic", body_generic)],
    },
)


def extract_generic(html: "str | bytes | Page", url: str, *, site: str | None = None,
                    fetched_at: str | None = None, budget: PageBudget | None = DEFAULT_BUDGET,
                    content_type: str | bytes | None = None, fields: Sequence[str] = FIELDS) -> dict:
    """Extract an article with no layout knowledge at all (layout "generic"); a page
    that is not an article says so in item["page_kind"] (see GenericLayout). html is the
    page's source or a Page already parsed (the layout extraction's: the same tree).
    fields: the fields to extract, all by default (one left out is empty, see
    strategy.Layout.run). Raises PageTooLarge when the page is over its budget."""
    from . import own_item

    # the collector stays paused until the page built here is released: resumed while
    # the page's layout is alive, it would at once scan those thousands of young objects
    # (their allocations count towards its next run) only to find them all still in use
    with _collector_paused():
        page = page_for(html, url, site=site, fetched_at=fetched_at, content_type=content_type,
                        budget=budget)
        item = own_item(GENERIC.run(page, fields))
        del page
    return item
