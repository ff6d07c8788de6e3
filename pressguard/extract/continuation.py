"""An article body continued in a second container, after the first one.

Redesigns split a body in two (``div.entry-content`` twice, or a second section for the
rest of the text), usually with an ad or a video block between the parts. A layout reads
its body container, then the siblings after it that continue the article:

* a sibling with the same tag and (at least) the same classes: ``div.entry-content`` twice,
  ``div.post-content.post-content--more`` after ``div.post-content``;
* a sibling whose paragraphs carry the first container's own paragraph markup (GAMURS'
  ``p[data-injectable]``); bare ``<p>`` say nothing, comments use them too;

stepping over furniture (ads, players, spacers, scripts, images) and stopping at what
ends an article (an author box, comments, related posts: boilerplate.ends_article), at
the next article (a header, an h1) or at any other content. Each sibling is looked at
once, so this stays linear in the page.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit, urlunsplit

from .boilerplate import ends_article, furniture_level
from .text import BLOCK_TAGS, SKIP_TAGS, node_text

_MEDIA_TAGS = frozenset({"figure", "img", "picture", "hr", "br"})


def _paragraph_marks(container) -> set[tuple]:
    """The attribute signatures of a container's own paragraphs ({("data-injectable",
    ""), ...}), bare <p> left out."""
    marks = set()
    for child in container.iter():
        if child.tag == "p":
            attrs = child.attributes
            if attrs:
                marks.add((tuple(sorted(attrs)), attrs.get("class") or ""))
    return marks


def _has_marks(node, marks: set[tuple]) -> bool:
    """Are most of node's own paragraphs marked as the article's are?"""
    total = marked = 0
    for child in node.iter():
        if child.tag == "p":
            total += 1
            attrs = child.attributes
            if attrs and (tuple(sorted(attrs)), attrs.get("class") or "") in marks:
                marked += 1
    return total > 0 and marked * 2 > total


# state and layout utilities that WordPress adds and drops on its own ("is-layout-flow",
# "wp-container-core-group-is-layout-3", "has-large-font-size"): not what a container is
_UTILITY = re.compile(r"^(?:is-|has-|wp-container-|wp-block-group-is-)")


def _stable_classes(node) -> frozenset[str]:
    return frozenset(c for c in (node.attributes.get("class") or "").split() if not _UTILITY.match(c))


_WRAPPER_LEVELS = 2  # how far up a wrapper around the container is looked through
_NEVER_UP = frozenset({"html", "body", "main", "article"})


def body_containers(first) -> list:
    """first, then the sibling containers after it that continue the article. When every
    sibling after it was furniture or empty, the siblings after its wrapper are looked at
    too (``<div class="content-wrap"><div class="entry-content">`` then a second part)."""
    out = [first]
    tag = first.tag
    cls = _stable_classes(first)
    marks = _paragraph_marks(first)

    def continues(node) -> bool:
        return ((node.tag == tag and bool(cls) and cls.issubset(_stable_classes(node)))
                or (bool(marks) and _has_marks(node, marks)))

    node = first
    for _ in range(_WRAPPER_LEVELS + 1):
        if _read_siblings(node, continues, out):
            break  # the article ended here
        node = node.parent
        if node is None or node.tag in _NEVER_UP:
            break
    return out


def _read_siblings(node, continues, out: list) -> bool:
    """Append the siblings after node that continue the article; True when something that
    is not the article (an end marker, other content) ended the walk."""
    sib = node.next
    while sib is not None:
        node, sib = sib, sib.next
        t = node.tag
        if t == "-text":
            if (node.text_content or "").strip():
                return True
            continue
        if t.startswith("-") or t in SKIP_TAGS or t in _MEDIA_TAGS:
            continue
        if ends_article(node) or node.css_first("h1") is not None:
            return True
        level = furniture_level(node)
        if level == 2:  # hidden, a dialog, a newsletter box ...: never the article's text
            continue
        if continues(node):
            out.append(node)
            continue
        if level > 0 or not node_text(node):
            continue
        return True
    return False


# -- the other pages of an article split over several ------------------------------

PAGE_PARAM = re.compile(r"[?&](?:page|paged|pg|slide)=(\d{1,3})\b", re.I)


def article_address(url: str) -> str:
    """url less an AMP copy's suffix (<article>/amp/, ?amp, ?amp=1: the AMP plugins' paired
    addresses). A page whose canonical names its AMP copy (an AMP and an SEO plugin that
    disagree) is still the article at the address above it: its page links name that one."""
    parts = urlsplit(url or "")
    path = parts.path.rstrip("/")
    if not path.endswith("/amp") and "amp" not in parts.query:
        return url or ""
    if path.endswith("/amp"):
        path = path[: -len("/amp")] + "/"
    else:
        path = parts.path
    query = "&".join(q for q in parts.query.split("&") if q and q.split("=")[0] != "amp")
    return urlunsplit(parts._replace(path=path, query=query))


@lru_cache(maxsize=64)
def _article_at(url: str) -> tuple[str, str, str, bool]:
    """(article_address(url), its host, its path less the final "/", whether its query
    holds a digit): what article_page compares each link with, read once per page (a
    page asks about hundreds of links)."""
    url = article_address(url) or ""
    here = urlsplit(url)
    return url, here.netloc, here.path.rstrip("/"), any(c.isdigit() for c in here.query)


_DIGIT = re.compile(r"[0-9]")


def article_page(href: str, url: str) -> int | None:
    """The page number href leads to when it is a page of the article at url (a split post's
    <url>/2/, <url>?page=2, ?slide=2 on the same host and path), else None."""
    url, netloc, path, query_digit = _article_at(url or "")
    href = (href or "").strip()
    # a page number is digits the link itself writes (the path's last segment or its
    # query) or, for a link with neither path nor query, the page's own query: an ASCII
    # link without a digit leads to no page number, and is not resolved (urljoin is the
    # cost of this function, and most links of a page are not page links)
    if not query_digit and href.isascii() and _DIGIT.search(href) is None:
        return None
    there = urlsplit(urljoin(url, href))
    if there.netloc != netloc:
        return None
    other = there.path.rstrip("/")
    if other == path:
        m = PAGE_PARAM.search("?" + there.query)
        return int(m.group(1)) if m else None
    tail = other[len(path) + 1:] if other.startswith(path + "/") else ""
    return int(tail) if tail.isdigit() and len(tail) <= 3 else None


PAGER_MAX_WORDS = 12  # a pager's line ("Showing all 3 pages. Read one page at a time"), not prose


def pager_lines(roots, url: str) -> list:
    """The short blocks under roots (a body's containers) that link to another page of the
    article at url: a split post's page links or view switch ("Read one page at a time",
    "Continue on page 2") printed inside the body. They steer between the article's pages;
    they are none of its sentences. Found by the links a page-N address can have (the
    article's slug in it, or a bare query): one selector query per container."""
    slug = [p for p in urlsplit(article_address(url)).path.split("/") if p][-1:]
    if not slug or '"' in slug[0] or "\\" in slug[0]:
        return []
    found: list = []
    seen: set[int] = set()
    for root in roots:
        for a in root.css(f'a[href*="{slug[0]}"], a[href^="?"]'):
            if article_page(a.attributes.get("href") or "", url) is None:
                continue
            block = a.parent
            while block is not None and block.tag not in BLOCK_TAGS and block.mem_id != root.mem_id:
                block = block.parent
            # (a link in the container's own run of text is no line of its own)
            if block is None or block.mem_id == root.mem_id or block.mem_id in seen:
                continue
            seen.add(block.mem_id)
            if len(node_text(block).split()) <= PAGER_MAX_WORDS:
                found.append(block)
    return found
