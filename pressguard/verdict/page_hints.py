"""What the page itself says, independent of the extraction (PageHints, one per page): its
meta tags, JSON-LD, site names, og:title, visible <h1>, byline elements, author pictures,
comment sections and "N min read" label; and the element tests they rest on (inside
furniture, a teaser tile, an author box, another story's <article>). Every check reads it as
_Context.page.
"""

from __future__ import annotations

import html as htmllib
import re
from functools import cached_property
from typing import TYPE_CHECKING

from . import fingerprint as fp
from ..extract.blocks import is_subheading
from ..extract.meta import prose_content
from ..extract.page import jsonld_of, parsed_of
from ..extract.text import READING_TIME, animated_label, node_text, same_line
from .page_scan import page_scan
from ..sites import SITES, site_for_url
from .person_names import BY, BY_OPENING, BY_PREFIXES, person_problem, split_names
from .titles import titles_agree

if TYPE_CHECKING:  # annotations only
    from typing import Any
    from ..extract.jsonld import JsonLd
    from ..extract.page import Page


class PageHints:
    """Independent evidence from the raw page: site names, og:title, JSON-LD, bylines."""

    _BYLINE_SEL = ('[rel~="author"], [itemprop~="author"], [data-author], [data-byline], '
                   '[class*="byline"], [class*="Byline"], [class*="author-name"], '
                   '[class*="author__name"], [class*="metadata__name"], [class*="__author"], '
                   '[class*="post-author"], .author, a[href*="/author/"], a[href*="/authors/"], '
                   'a[href*="/writer/"], a[href*="/people/"]')

    def __init__(self, html: "str | bytes | Page", url: str) -> None:
        # the page the item was extracted from, parsed once (extract.page): its tree,
        # text index and JSON-LD are the extraction's and the fingerprint's too
        self._parsed = parsed_of(html)
        self.tree = self._parsed.tree
        self.url = url
        # a link to either is the page's own permalink, not a teaser: a republished story's
        # canonical names its origin while its headline links to the URL it was fetched at
        self.own_urls = tuple(u for u in (url, getattr(html, "given_url", None)) if u)
        self._furniture_memo: dict[int, bool] = {}
        self._located: dict[str, object] = {}  # locate's memo
        self.meta: dict[str, list[str]] = self._parsed.memo(
            "checks:meta", lambda tree: _meta_values(tree, page_scan(self._parsed).metas))

    @cached_property
    def ld(self) -> JsonLd:
        return jsonld_of(self._parsed, self.url)

    @cached_property
    def jsonld(self) -> tuple[list[str], list[str], list[str]]:
        """(the article's headline, its author names, organisation names), read by the
        project's one JSON-LD reader (pressguard.extract.jsonld)."""
        ld = self.ld
        headline = ld.headline()
        persons = [n for raw in ld.author_names() for n in split_names(htmllib.unescape(raw))]
        orgs = [htmllib.unescape(n) for n in ld.organization_names()]
        return ([htmllib.unescape(headline)] if headline else []), persons, orgs

    @cached_property
    def site_names(self) -> list[str]:
        names = [s.title for s in SITES.values()]
        names += self.meta.get("og:site_name", []) + self.meta.get("application-name", [])
        names += self.jsonld[2]
        site = site_for_url(self.url)
        if site is not None:
            names += [site.title, site.domain, site.name]
        return [n for n in names if n]

    @cached_property
    def og_title(self) -> str:
        vals = self.meta.get("og:title") or self.meta.get("twitter:title") or []
        return vals[0] if vals else ""

    def _furniture_at(self, node) -> bool:
        """Is node, or an element above it, page furniture (fingerprint.in_furniture's
        rule)? Memoised per element, so asking for every node of a page is linear."""
        memo = self._furniture_memo
        path = []
        n = node
        while n is not None and n.tag not in ("body", "html") and n.mem_id not in memo:
            path.append(n)
            n = n.parent
        state = memo.get(n.mem_id, False) if n is not None else False
        for el in reversed(path):
            if not state:
                cls = (el.attributes.get("class") or "").lower()
                furniture = fp.furniture_words(cls) if cls else set()
                # an author card ("author-card", "byline-card") presents this page's author;
                # a card or tile naming anything else is a teaser of another page
                if (furniture and furniture <= _CARD_WORDS
                        and not _AUTHOR_WORDS.isdisjoint(fp._CLASS_SPLIT.split(cls))):
                    furniture = set()
                state = el.tag in fp._FURNITURE_TAGS or bool(furniture)
            memo[el.mem_id] = state
        return state

    def _in_furniture(self, node) -> bool:
        return node.parent is not None and self._furniture_at(node.parent)

    def shows(self, text: str, *, author_boxes: bool = True) -> bool:
        """Is text visible on the page outside furniture (tiles, menus, sidebars), and
        outside author boxes when author_boxes is False?"""
        if fp.squash(text) not in self.index.full:
            return False
        found = self.index.locate(text, slack=4, extra=300)
        return not found or any(not self._in_furniture(el) and not _in_tile(el, self.own_urls)
                                and (author_boxes or not _in_author_box(el)) for _, el in found)

    def locate(self, text: str):
        """The element text most likely came from (fingerprint._primary's choice, outside
        furniture first, then the first on the page), or None. Memoised per text: the body's
        container and the line after the body both locate the body's last paragraph."""
        if text in self._located:
            return self._located[text]
        found = self.index.locate(text, slack=1.3, extra=30)
        el = min(found, key=lambda pe: (self._in_furniture(pe[1]), pe[0]))[1] if found else None
        self._located[text] = el
        return el

    @cached_property
    def title_h1(self):
        """The page's first <h1>: the headline, or a logo's <h1> before it."""
        return self.tree.css_first("h1")

    def is_subheading(self, node) -> bool:
        """Is node a subheading of the page (blocks.is_subheading: an <h2>-<h6>, or an
        <h1> after the page's first)?"""
        return is_subheading(node, self.title_h1)

    def heading_of(self, text: str):
        """The subheading element the page shows text in (a body paragraph that is a
        subheading on the page), or None."""
        for _, el in self.index.locate(text, slack=1.2, extra=20):
            n = el
            for _ in range(3):  # the text may sit in a <strong> or <a> inside the heading
                if n is None:
                    break
                if self.is_subheading(n):
                    return n
                n = n.parent
        return None

    @cached_property
    def bylines(self) -> list[tuple[Any, str]]:
        """(element, text) of the byline elements outside furniture, outermost only:
        elements marked as bylines, author-page links, and short texts that read as one
        ("By A", "Written by A and B", "Words by A")."""
        body = self.tree.body
        if body is None:
            return []
        covered: set[int] = set()  # bylines taken, and candidates inside them
        picked = []
        # the byline selector's elements, from the page's one scan (verdict.page_scan)
        for node in [*page_scan(self._parsed).bylines, *self._text_bylines()]:
            if node.mem_id in covered:
                continue
            # inside a byline already taken? (candidates come in document order, outer first)
            if _inside_any(node, covered):
                covered.add(node.mem_id)
                continue
            cls = (node.attributes.get("class") or "").lower()
            if _NOT_BYLINE_CLASS.search(cls):
                continue
            if node.tag in ("img", "meta", "link") or self._in_furniture(node) or _in_tile(node):
                continue
            if self._in_another_article(node):
                continue
            covered.add(node.mem_id)
            text = " ".join(node.text(deep=True, separator=" ").split())
            if text and len(text) <= 200:
                picked.append((node, text))
        return picked

    @cached_property
    def _main_article(self):
        """The <article> element holding the page's first <h1>, or None."""
        h1 = self.tree.body.css_first("h1") if self.tree.body is not None else None
        return _enclosing(h1, "article") if h1 is not None else None

    def _in_another_article(self, node) -> bool:
        """Inside an <article> other than the page's own (the next story appended below,
        a comment rendered as an article)? Those bylines are not this article's. When the
        page's <h1> is in no <article> (a template that wraps the story in divs), an
        <article> is another story's when its own title comes before the byline in it."""
        own = _enclosing(node, "article")
        if own is None:
            return False
        main = self._main_article
        if main is not None:
            return own.mem_id != main.mem_id
        title = _title_before(own, node)
        # a story titled as the page's metadata titles it is this page's own
        return title is not None and not any(titles_agree(title, t) for t in
                                             [self.og_title, *self.jsonld[0]] if t)

    def _text_bylines(self) -> list:
        """Elements whose text opens like a byline ("By", "Written by" ...), found from the
        page's text nodes in one pass; the element is the text's parent, or the one above
        when the names sit in sibling links ("By <a>A</a> and <a>B</a>")."""
        out = []
        index = self.index
        full = index.full
        for i, start in enumerate(index.starts):
            if not full.startswith(BY_PREFIXES, start):  # squashed: cheaper than the node
                continue
            text_node = index.nodes[i][1]
            raw = (text_node.text_content or "").lstrip()
            if len(raw) > 200 or not BY_OPENING.match(raw):
                continue
            el = text_node.parent
            for _ in range(3):
                if el is None or el.tag in ("body", "html"):
                    break
                text = " ".join(el.text(deep=True, separator=" ").split())
                if len(text) > 200:
                    break
                rest = BY.sub("", text)
                if len(rest) >= 3:
                    if rest[0].isupper() and len(text.split()) <= 16:  # "By the end of ..." is prose
                        out.append(el)
                    break
                el = el.parent
        return out

    @cached_property
    def index(self) -> fp.TextIndex:
        return fp.text_index(self._parsed)

    @cached_property
    def reading_minutes(self) -> int | None:
        """The "N min read" label's N, if the page has one (found in the squashed page text,
        then read in the text node it sits in, where the words still have their spaces)."""
        index = self.index
        at = index.full.find("minread")
        if at < 0:
            at = index.full.find("minutesread")
        if at < 0:
            return None
        el = index.text_node_at(at).parent
        if not same_line(el, index.text_node_at(index.full.find("read", at))):
            return None  # "38 min" and a "Read the transcript" button after it: no label
        for _ in range(3):  # the number may sit in its own element: <b>5</b> min read
            if el is None:
                break
            m = READING_TIME.search(" ".join(el.text(deep=True, separator=" ").split())[:300])
            if m:
                return int(m.group(1))
            el = el.parent
        return None

    @cached_property
    def comment_sections(self) -> list:
        """The page's comment sections: elements whose class or id says so, the outermost
        of each nest (an element wrapping the article too is the caller's to skip, so the
        ones inside it are kept)."""
        body = self.tree.body
        if body is None:
            return []
        covered: set[int] = set()
        out = []
        for node in page_scan(self._parsed).comments:  # page_scan.COMMENT_SELECTOR's elements
            marker = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".lower()
            marker = _COMMENT_STATE.sub(" ", marker)
            if COMMENT_WORDS.isdisjoint(fp._CLASS_SPLIT.split(marker)):
                continue
            if _inside_any(node, covered):
                covered.add(node.mem_id)
            elif node.css_first("h1") is None:  # else it wraps the article's head too
                covered.add(node.mem_id)
                out.append(node)
        return out

    @cached_property
    def description(self) -> str:
        vals = self.meta.get("og:description") or self.meta.get("description") or []
        return htmllib.unescape(vals[0]) if vals else ""

    @cached_property
    def visible_h1(self) -> str:
        """The text of the page's first <h1> outside furniture ("" if none)."""
        for h1 in page_scan(self._parsed).h1s:  # "body h1", from the page's one scan
            if self._in_furniture(h1):
                continue
            text = animated_label(h1, node_text(h1))  # an icon's <svg><title> is no headline text
            if len(text.split()) >= 3:
                return text
        return ""

    @cached_property
    def byline_persons(self) -> list[str]:
        names = []
        for _, text in self.bylines:
            names += [n for n in split_names(text) if person_problem(n, self.site_names) is None]
        return names

    @property
    def alt_imgs(self) -> list:
        """The body's <img alt> elements (``body.css("img[alt]")``, an AMP page's <amp-img alt>
        too), from the page's one scan: the author pictures and the headline's picture
        signals read them."""
        return page_scan(self._parsed).alt_imgs

    @cached_property
    def _avatars(self) -> list[tuple[Any, list[str]]]:
        """(img, names in its alt) of the author pictures outside bio boxes, furniture and tiles."""
        found = []
        body = self.tree.body
        for img in self.alt_imgs if body is not None else []:
            near = " ".join((n.attributes.get("class") or "") for n in (img, img.parent, img.parent.parent
                                                                        if img.parent is not None else None)
                            if n is not None).lower()
            if "author" not in near or "bio" in near or self._in_furniture(img) or _in_tile(img):
                continue
            alt = _AVATAR_WORDS.sub("", img.attributes.get("alt") or "")
            found.append((img, [n for n in split_names(alt) if person_problem(n, self.site_names) is None]))
        return found

    @cached_property
    def avatar_persons(self) -> list[str]:
        """Names in the alt text of author pictures ("Image of Jorge Aguilar") next to where
        a byline was: a template that drops the byline's text often keeps the picture."""
        return [n for _, names in self._avatars for n in names]

    @cached_property
    def byline_pictures(self) -> list[str]:
        """Names in the alt text of the author pictures printed with a byline: inside the
        byline's own box (an ancestor of the byline, BYLINE_BOX_LEVELS up at most, whose text
        is still a byline's length). The picture comes from the writer's profile, so it names
        the writer even where the byline's text is another's (a cached fragment, a placeholder)."""
        if not self._avatars:
            return []
        boxes = set()
        for node, _ in self.bylines:
            for _ in range(BYLINE_BOX_LEVELS):
                if node.parent is None or node.parent.tag in ("body", "html", "article", "main"):
                    break
                node = node.parent
                if len(node.text(deep=True, separator=" ")) > BYLINE_BOX_CHARS:
                    break
                boxes.add(node.mem_id)
        names = []
        for img, found in self._avatars:
            n = img.parent
            for _ in range(BYLINE_BOX_LEVELS + 2):  # the picture's own wrappers, then the box
                if n is None:
                    break
                if n.mem_id in boxes:
                    names += found
                    break
                n = n.parent
        return names

    @cached_property
    def hinted_persons(self) -> list[tuple[str, str]]:
        """(name, where) of every person the page names as its author."""
        out = [(n, "byline") for n in self.byline_persons]
        out += [(n, "author picture") for n in self.avatar_persons]
        out += [(n, "JSON-LD") for n in self.jsonld[1] if person_problem(n, self.site_names) is None]
        for raw in self.meta.get("author", []):
            out += [(n, "meta author") for n in split_names(raw)
                    if person_problem(n, self.site_names) is None]
        return out


def _meta_values(tree, body_metas: list | None = None) -> dict[str, list[str]]:
    """{property/name/itemprop: [content, ...]} of every <meta content> on the page.
    body_metas: the body's, from the page's one walk (page_scan), when known: then only the
    head is searched (the document holds its head, then its body), not the whole page."""
    meta: dict[str, list[str]] = {}
    head = tree.head if body_metas is not None else None
    for node in [*head.css("meta[content]"), *body_metas] if head is not None else tree.css("meta[content]"):
        attrs = node.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key:
            meta.setdefault(key, []).append(" ".join(prose_content(key, (attrs.get("content") or "").strip()).split()))
    return meta


BYLINE_BOX_LEVELS = 3  # ancestors of a byline element that may be its box (name, text, pictures, date)
BYLINE_BOX_CHARS = 300  # a box with more text than this holds more than the byline

_AVATAR_WORDS = re.compile(r"^\s*(?:image|photo|picture|avatar|portrait|headshot)\s+of\s+|'s\s+avatar\s*$"
                           r"|\s+(?:avatar|profile (?:picture|photo)|headshot)\s*$", re.I)


def _in_author_box(node) -> bool:
    """Inside the box about the author (picture, bio, links) that ends many articles? It
    names the author of every article they wrote, not this page's byline."""
    n = node
    for _ in range(6):
        if n is None or n.tag in ("body", "article", "main"):
            return False
        words = set(fp._CLASS_SPLIT.split((n.attributes.get("class") or "").lower()))
        if "bio" in words or ("author" in words and words & {"box", "about", "card", "profile", "info"}):
            return True
        n = n.parent
    return False


_AUTHOR_WORDS = frozenset({"author", "authors", "byline"})
_CARD_WORDS = frozenset({"card", "cards", "tile", "tiles"})


_TITLE_TAGS = frozenset({"h1", "h2", "h3"})


def _title_before(article, node) -> str | None:
    """The text of the heading that opens article before node (its title, then its
    byline), or None."""
    for el in article.traverse(include_text=False):
        if el.mem_id == node.mem_id:
            return None
        if el.tag in _TITLE_TAGS:
            text = " ".join(el.text(deep=True).split())
            if text:
                return None if _inside_any(node, {el.mem_id}) else text
    return None


def _enclosing(node, tag: str):
    """The nearest element above node with this tag (a bounded walk), or None."""
    n = node.parent
    for _ in range(_BYLINE_NESTING):
        if n is None or n.tag in ("body", "html"):
            return None
        if n.tag == tag:
            return n
        n = n.parent
    return None


def _inside_any(node, taken: set[int]) -> bool:
    """Is node inside one of the elements taken (by mem_id)? A bounded walk up keeps
    deep nesting linear."""
    n = node.parent
    for _ in range(_BYLINE_NESTING):
        if n is None:
            return False
        if n.mem_id in taken:
            return True
        n = n.parent
    return False


_AUTHOR_PAGE = re.compile(r"/(author|authors|people|profile|staff|writers?)/")


def _in_tile(node, own_urls: tuple[str, ...] = ()) -> bool:
    """Inside a link to another page (a teaser card)? Bylines are not links' children
    except their own author link; a permalink to the page itself (a headline many
    themes print as a link) is no teaser."""
    n = node.parent
    for _ in range(6):
        if n is None:
            return False
        href = n.attributes.get("href") or "" if n.tag == "a" else ""
        if (n.tag == "a" and not _AUTHOR_PAGE.search(href)
                and not any(_same_page(href, u) for u in own_urls)):
            return True
        n = n.parent
    return False


def _same_page(href: str, url: str) -> bool:
    """Does href (absolute or root-relative) point at url, fragment and trailing slash aside?"""
    def key(u: str) -> str:
        u = u.split("#", 1)[0].rstrip("/")
        return u.split("://", 1)[-1].split("/", 1)[-1] if "://" in u else u.lstrip("/")
    return bool(href) and not href.startswith("#") and key(href) == key(url)


_NOT_BYLINE_CLASS = re.compile(r"avatar|image|img|photo|bio|box|description|about|social|follow|label")
_BYLINE_NESTING = 64  # how far up a byline candidate looks for a byline it is part of


COMMENT_WORDS = frozenset({"comment", "comments", "disqus", "replies", "reply", "respond"})
# class words that say whether a page has comments, not that the element holds them
_COMMENT_STATE = re.compile(r"(?:^|\s)(?:has|with|no|without)-\S*|comments?-(?:open|closed)")
