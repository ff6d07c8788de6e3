"""The layout-free extractor: works on any article page, knows no publisher.

Body: readability-style scoring. Every <p> outside page furniture scores by its length
and commas, discounted by its link density; its parent, grandparent and great-grandparent
collect the score; the best container (plus siblings that score close to it) is read
into paragraphs with the shared furniture filters. Headline: the page's <h1> (the one
that matches og:title/<title> when there are several), else og:title minus the
" – Site" suffix. Authors: strong signals only (rel=author, itemprop=author, byline
classes, JSON-LD Person, meta author), [] rather than a guess. Dek: an element right
after the <h1> that is marked as a subtitle. Date: meta, JSON-LD, <time datetime>.
"""

from __future__ import annotations

import re
from typing import Any

from . import common, generic_body
from .authors import clean_authors
from .blocks import Block, collect_blocks
from .boilerplate import furniture_level, is_boilerplate_text
from .dates import parse_date, search_date
from .page import Page
from .strategy import Layout
from .text import BLOCK_TAGS, SKIP_TAGS, node_text, normalize

_FURNITURE_TAGS = frozenset({"aside", "nav", "footer", "header"})
_RESCUE = re.compile(r"article|body|content|main|entry|post|story", re.I)
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
_BYLINE_CLASS_SEL = '[class*="byline"], [class*="author"], [class*="Byline"], [class*="Author"]'


# -- furniture around paragraphs ---------------------------------------------------

class _Furniture:
    """Memoised "is this node inside page furniture?" for the scoring pass.

    Lenient compared with the body filter: a wrapper whose class also says
    content/article/post/main (``site-content has-sidebar``) is not furniture.
    """

    def __init__(self) -> None:
        self.memo: dict[int, bool] = {}

    def own(self, node) -> bool:
        tag = node.tag
        if tag in _FURNITURE_TAGS:
            return True
        if tag in ("html", "body", "main", "article", "form"):
            return False
        if furniture_level(node) < 2:
            return False
        attrs = node.attributes
        if "hidden" in attrs or attrs.get("aria-hidden") == "true":
            return True
        marker = (attrs.get("class") or "") + " " + (attrs.get("id") or "")
        return not _RESCUE.search(marker)

    def inside(self, node) -> bool:
        chain = []
        result = False
        while node is not None and node.tag not in ("html", "-document", "#document"):
            key = node.mem_id
            if key in self.memo:
                result = self.memo[key]
                break
            chain.append(node)
            if self.own(node):
                result = True
                break
            node = node.parent
        for n in chain:
            self.memo[n.mem_id] = result
        return result


def _link_chars(node) -> int:
    return sum(len(a.text(deep=True).strip()) for a in node.css("a"))


def _in_link(node) -> bool:
    """A paragraph inside a link is a teaser card, not article text."""
    parent = node.parent
    for _ in range(3):
        if parent is None:
            return False
        if parent.tag == "a":
            return True
        parent = parent.parent
    return False


def _own_text(node) -> tuple[int, int]:
    """(characters of text, <br> count) that sit in node itself or in its inline
    children, not in nested blocks: the text a div holds as a paragraph would."""
    chars = brs = 0
    for child in node.iter(include_text=True):
        tag = child.tag
        if tag == "-text":
            chars += len((child.text_content or "").strip())
        elif tag == "br":
            brs += 1
        elif tag in BLOCK_TAGS or tag in SKIP_TAGS or tag.startswith("-"):
            continue
        else:
            chars += len(child.text(deep=True).strip())
    return chars, brs


def _score_containers(page: Page) -> tuple[Any, float, dict[int, float], dict[int, Any]]:
    """Readability-style: every paragraph credits its container(s).

    <p> elements credit parent, grandparent and great-grandparent (1, 1/2, 1/3). Divs that
    hold paragraph text themselves (CNN's ``div.zn-body__paragraph``, a blog's text-and-<br>
    post body) credit themselves, parent and grandparent, so that a single text div can win.
    """
    furniture = _Furniture()
    scores: dict[int, float] = {}
    nodes: dict[int, Any] = {}
    for p in page.all("p, div, section"):
        if p.tag == "p":
            text = p.text(deep=True)
            length = len(normalize(text))
            if length < 25 or _in_link(p) or furniture.inside(p):
                continue
            brs = 0
            start = p.parent
        else:
            text = p.text(deep=True)
            # cheap tests first: own text <= deep text; teaser cards sit in links
            if len(text) < 80 or _in_link(p) or furniture.inside(p):
                continue
            length, brs = _own_text(p)
            if length < 80:
                continue
            start = p
        density = min(_link_chars(p) / max(length, 1), 1.0)
        if density > 0.5:
            continue
        score = (1 + text.count(",") + text.count("，") + min(length // 100, 3) + min(brs // 2, 10)) * (1 - density)
        node = start
        for div in (1, 2, 3):
            if node is None or node.tag in ("html", "-document"):
                break
            key = node.mem_id
            nodes[key] = node
            scores[key] = scores.get(key, 0.0) + score / div
            node = node.parent
    if not scores:
        return None, 0.0, scores, nodes
    best_key = max(scores, key=lambda k: scores[k])
    return nodes[best_key], scores[best_key], scores, nodes


def _containers(page: Page) -> list:
    """The best-scoring container, plus siblings that hold article text too."""
    best, best_score, scores, _ = _score_containers(page)
    if best is None:
        return []
    parent = best.parent
    if parent is None or best.tag == "body":
        return [best]
    threshold = max(2.0, best_score * 0.2)
    out = []
    for sib in parent.iter():
        if sib.mem_id == best.mem_id:
            out.append(sib)
            continue
        if sib.tag.startswith("-") or furniture_level(sib) == 2:
            continue
        s = scores.get(sib.mem_id, 0.0)
        if s >= threshold:
            out.append(sib)
        elif sib.tag == "p":
            text = normalize(sib.text(deep=True))
            if len(text) > 80 and _link_chars(sib) / len(text) < 0.25:
                out.append(sib)
    return out


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
    return [b.text for b in blocks if _usable(b, headline, dek, link_filter)]


def _body_skip(container):
    """Furniture test inside a container found by scoring: a weak marker ("meta" in
    HubSpot's ``hs_cos_wrapper_meta_field``) does not drop a subtree that holds most of
    the container's text; that subtree is the article."""
    total = len(container.text(deep=True))

    def skip(node) -> bool:
        level = furniture_level(node)
        if level == 1 and total and len(node.text(deep=True)) > 0.5 * total:
            return False
        return level > 0

    return skip


def body_generic(page: Page) -> list[str]:
    if "generic:body" in page._cache:
        return page._cache["generic:body"]  # type: ignore[return-value]
    headline = headline_generic(page) or ""
    dek = dek_generic(page)
    body: list[str] = []
    root = page.tree.body
    if root is not None:
        found, lay, _ = generic_body.containers(root)
        for container in found:
            body += filter_blocks(generic_body.read(container, lay), headline, dek)
    page._cache["generic:body"] = body
    return body


# -- headline and dek --------------------------------------------------------------

def _words(s: str) -> set[str]:
    return set(re.findall(r"\w+", s.lower()))


def _is_home_link(node) -> bool:
    a = node.css_first("a[href]")
    return a is not None and (a.attributes.get("href") or "").rstrip("/") in ("", "/", ".")


def _main_h1(page: Page):
    """(node, text) of the headline <h1>, or None. With several h1s (a logo h1 is common)
    the one that best matches og:title/<title> wins, then the longer one."""
    key = "generic:h1"
    if key in page._cache:
        return page._cache[key]
    site = page.site_names_lower
    h1s = []
    for h in page.all("h1"):
        text = node_text(h)
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
            for node in page.all("h2, h3, [class*='title'], [class*='headline']"):
                text = node_text(node)
                if text and text.lower() == ref:
                    found = (node, text)
                    break
        page._cache[key] = found
    return page._cache[key]


def headline_generic(page: Page) -> str:
    h = _main_h1(page)
    return h[1] if h else ""


def dek_generic(page: Page) -> str | None:
    h = _title_node(page)
    if not h:
        return None
    h1, headline = h
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
        text = node_text(node)
        if 15 <= len(text) <= 400 and text != headline and not is_boilerplate_text(text):
            return text
    return None


# -- authors -----------------------------------------------------------------------

def _scope(page: Page):
    """The article element around the headline, else <main>, else the body."""
    h = _title_node(page)
    node = h[0] if h else None
    while node is not None:
        if node.tag == "article":
            return node
        node = node.parent
    return page.first("main") or page.tree.body


def _teaser_link(anchor, own_len: int) -> bool:
    """An <a> around a byline that also holds much more (a title, a date): another
    article's card. A byline's own link (``<a rel=author><span>Name</span></a>``) holds
    the name and little else."""
    return len(normalize(anchor.text(deep=True))) > 2 * own_len + 20


def _author_furniture(node, stop) -> bool:
    """Is a byline-like node page furniture: in an aside/nav/footer/form, under a class
    that names related tiles, rails, comments ..., or inside a link that wraps a whole
    teaser card (tiles of other articles carry their own author lines)?"""
    stop_id = stop.mem_id
    start = node
    own_len = -1
    while node is not None and node.mem_id != stop_id:
        if node.tag in ("aside", "nav", "footer", "form"):
            return True
        if node.tag == "a" and node.mem_id != start.mem_id:
            if own_len < 0:
                own_len = len(normalize(start.text(deep=True)))
            if _teaser_link(node, own_len):
                return True
        attrs = node.attributes
        marker = (attrs.get("class") or "") + " " + (attrs.get("id") or "")
        if _AUTHOR_FURNITURE.search(marker) and not re.search(r"article|entry|post-content", marker, re.I):
            return True
        node = node.parent
    return False


def authors_dom(page: Page) -> list[str]:
    scope = _scope(page)
    if scope is None:
        return []
    raw: list[str] = []
    strong: list[str] = []
    for node in scope.css('[rel~="author"], [itemprop~="author"]'):
        if _author_furniture(node, scope):
            continue
        name_node = node.css_first('[itemprop="name"]')
        if node.tag == "meta" or (name_node is not None and name_node.tag == "meta"):
            value = (name_node or node).attributes.get("content") or ""
        else:
            value = node_text(name_node or node)
        if value:
            strong.append(value)
    for node in scope.css(_BYLINE_CLASS_SEL):
        cls = (node.attributes.get("class") or "").lower()
        if re.search(r"bio|description|avatar|image|img|photo|about|more|social|follow", cls):
            continue
        if _author_furniture(node, scope):
            continue
        links = [a for a in node.css('a[href*="/author/"], a[href*="/authors/"], a[href*="/people/"],'
                                     ' a[href*="/profile/"], a[href*="/staff/"], a[href*="/writers/"]')]
        if links:
            raw += [node_text(a) for a in links]
        else:
            text = node_text(node)
            if text and len(text) <= 120:
                raw.append(text)
    names = clean_authors(strong, page.site_names, allow_single=True)
    for extra in clean_authors(raw, page.site_names):
        if extra.lower() not in {n.lower() for n in names}:
            names.append(extra)
    return names


# -- date --------------------------------------------------------------------------

def published_dom(page: Page) -> str | None:
    scope = _scope(page)
    if scope is None:
        return None
    for sel in ('[itemprop="datePublished"]', "time[datetime]", "time"):
        for node in scope.css(sel):
            value = node.attributes.get("datetime") or node.attributes.get("content") or node_text(node)
            parsed = parse_date(value, page.fetched_at)
            if parsed:
                return parsed
    for sel in ('[class*="publish"]', '[class*="date"]', '[class*="time"]', '[class*="byline"]',
                '[class*="meta"]', '[class*="info"]', '[class*="posted"]'):
        for node in scope.css(sel):
            if _author_furniture(node, scope):
                continue
            text = node_text(node)
            if len(text) > 200:
                continue
            parsed = search_date(node.attributes.get("data-datetime") or text, page.fetched_at)
            if parsed:
                return parsed
    return None


GENERIC = Layout(
    name="generic",
    detect=lambda tree, page=None: True,
    fields={
        "headline": [("generic", headline_generic), ("meta", common.headline_meta),
                     ("jsonld", common.headline_jsonld)],
        "dek": [("generic", dek_generic)],
        "authors": [("generic", authors_dom), ("jsonld", common.authors_jsonld),
                    ("meta", common.authors_meta)],
        "published": [("meta", common.published_meta), ("jsonld", common.published_jsonld),
                      ("generic", published_dom)],
        "body": [("generic", body_generic)],
    },
)


def extract_generic(html: str | bytes, url: str, *, site: str | None = None,
                    fetched_at: str | None = None) -> dict:
    """Extract an article with no layout knowledge at all (layout "generic")."""
    return GENERIC.run(Page(html, url, site=site, fetched_at=fetched_at))
