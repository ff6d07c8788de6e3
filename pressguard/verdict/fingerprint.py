"""The template fingerprint: the markup around each extracted field.

A redesign can leave extraction "working" (the generic fallback still returns a headline
and a body) while the structure it came from is gone. The fingerprint records that
structure, so a template change is noticed even when every field still has a value:

    fingerprint(html, item) -> dict      JSON-serialisable, the same for every article of
                                         one template, whatever the articles say (html:
                                         the source, or the extract.page.Page the item
                                         came from: its tree and text index are reused)
    compare(recorded, current) -> list   [] for the same template, else one entry per
                                         changed field: {"field", "appeared", "vanished",
                                         "summary"}

For each field the element the value came from is located by its text (the element whose
text is the headline / dek, the element holding an author's name, the date element, the
lowest common container of the first body paragraphs), preferring elements outside page
furniture (teaser tiles, sidebars, author bio boxes hold the same names). An unnamed inline
wrapper around the value (<h1><span>...) gives way to its parent.

Only what names the structure is recorded, so cosmetic churn is no change at all:

    classes   only those that name a component (component_class): hashes and numbers
              (CSS modules, styled-components, emotion, post ids), utilities (Tailwind,
              Bootstrap), WordPress layout/state classes (is-layout-*, wp-container-*,
              wp-block-group, has-*, align*), wrappers (*-wrapper, *__inner) and WordPress'
              per-post classes on <body>/<article> are dropped by their shape
    kind      the element's tag, with div/section/article/main/header/span/amp-* as one
              "box" (a <div> becoming a <section> is not a change)
    path      the element, its anchor (the nearest element at or above it with a component
              class, so unnamed wrappers added or removed do not count) and the LANDMARKS
              named ancestors above the anchor; "context" keeps CONTEXT of them, so a
              landmark pushed up by a new one below has not vanished
    found     False when the value exists but no element holds it (JSON-LD/meta only)

Attribute order, whitespace and minification never reach the fingerprint (it reads the
parsed tree). compare() reports, per field, an anchor whose classes were replaced (a renamed
block: "body: container div.entry-content became section.article-body"), an element of
another kind (h1 -> h2), a named landmark new or gone ("now inside div.article-gate"), the
body's paragraphs in other markup, and a field in another place among the fields ("moved
after body"); for the page, another layout and replaced body classes. Every walk up the
tree is bounded (MAX_CLIMB) or stops at the common ancestor, so a page nested 100,000
levels deep costs what a flat one does.

A field whose value is empty is not compared for dek, authors and published (an article
may have no dek; a staff piece no author); an empty headline or body is (the template
lost them).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from ..extract.decoding import parser_input
from ..extract.page import Page, attach_shadow_roots, parsed_of
from ..extract.generic_body import _TEXT_ID
from ..extract.text import HEADINGS

FIELDS = ("headline", "dek", "authors", "published", "body")
REQUIRED = frozenset({"headline", "body"})  # empty is a change; others may be empty
LANDMARKS = 3  # named ancestors above a field's anchor that are compared
CONTEXT = 12  # named ancestors remembered: a landmark pushed further up has not vanished
MAX_CLIMB = 256  # ancestors looked at above a field, however deep the page nests
BODY_PARAGRAPHS = 6  # how many body paragraphs locate the body container
MIN_PARAGRAPH = 60  # characters; shorter paragraphs (list items, codes) are ambiguous
VERSION = 2  # 2: component classes only, anchors and landmarks instead of raw ancestors

_SKIP_PARENTS = frozenset({"script", "style", "noscript", "template", "textarea", "title", "head"})
_HEADINGS = {"h1": 0, "h2": 1, "h3": 2, "h4": 3}
# Typographic punctuation -> ASCII, invisible characters out (for matching text).
PUNCT_REPLACEMENTS = (
    ("\u2018", "'"), ("\u2019", "'"), ("\u201a", "'"), ("\u201b", "'"), ("\u2032", "'"),
    ("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'), ("\u00ab", '"'), ("\u00bb", '"'),
    ("\u2013", "-"), ("\u2014", "-"), ("\u2012", "-"), ("\u2212", "-"),
    ("\u2026", "..."), ("\u00ad", ""), ("\u200b", ""), ("\ufeff", ""), ("\u2060", ""),
)

# Class words of page furniture that repeats the article's names and titles.
_FURNITURE_WORDS = frozenset(
    """tile tiles card cards related recirc sidebar rail aside nav navigation menu footer
    bio comment comments newsletter modal popup trending popular widget breadcrumb
    breadcrumbs recommended more latest share social""".split()
)
_FURNITURE_TAGS = frozenset({"aside", "nav", "footer"})
_CLASS_SPLIT = re.compile(r"[\s_\-]+")

# -- text --------------------------------------------------------------------------

def squash(text: str | None) -> str:
    """Text for matching: quotes and dashes unified, case folded, no whitespace at all
    (element text joins blocks without spaces, extracted text with one)."""
    if not text:
        return ""
    if not text.isascii():
        for a, b in PUNCT_REPLACEMENTS:
            if a in text:
                text = text.replace(a, b)
    return "".join(text.split()).casefold()


def parse(html: str | bytes, content_type: str | bytes | None = None) -> LexborHTMLParser:
    return LexborHTMLParser(attach_shadow_roots(parser_input(html, content_type)))


# -- classes -------------------------------------------------------------------------
# A class token is kept only when it names a component (``entry-content``, ``post-title``,
# BEM blocks and elements such as ``wp-block-gamurs-article-header__content--title``).
# Tokens that a build, a framework or a CMS update generates or that style one property
# are cosmetic churn and dropped by their shape, never by a list of one site's classes.

_DIGITS = re.compile(r"\d")
_POST_ID = re.compile(r"^(?:post|postid|page-id)-\d+$")
_PER_POST = re.compile(
    r"^(?:(?:postid|page-id|parent-pageid|category|tag|format|single-format|status|type|author"
    r"|term|post_tag|single|tax)-.+|has-post-thumbnail|hentry|sticky|post-password-required)$"
)
# CSS modules: <file>_<class>__<hash>, a name the build generates (Article_title__a8F3k).
_CSS_MODULE = re.compile(r"^[A-Za-z][\w-]*?_[A-Za-z][\w-]*?_{2,3}(?=[\w-]*[A-Z0-9])[\w-]{5,}$")
# styled-components / JSS second classes: short letter hashes with mixed case (kPzRsT).
_LETTER_HASH = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})(?=.*[a-z])[A-Za-z]{5,8}$")
_GENERATED_PREFIXES = (
    "sc-", "css-", "jsx-", "svelte-", "emotion-", "astro-", "ng-", "tw-", "js-", "u-", "i-amphtml-",
    "is-", "has-", "wp-container-", "wp-elements-", "wp-image-", "size-", "wp-theme-", "wp-child-theme-",
)
_WP_LAYOUT = frozenset(
    """wp-block-group wp-block-columns wp-block-column wp-site-blocks wp-embed-responsive
    wp-block-template-part wp-block-spacer wp-block-separator wp-block-buttons wp-block-cover
    wp-block-cover__inner-container alignwide alignfull alignleft alignright aligncenter alignnone
    screen-reader-text visually-hidden clearfix customize-support no-customize-support logged-in
    admin-bar no-js wp-custom-logo""".split()
)
# Utility CSS (Tailwind, Bootstrap): bare utilities, and <property>-<value> pairs whose every
# part is a property or value word (``text-lg``, ``font-bold``, ``mx-auto``, ``items-center``).
_UTILITIES = frozenset(
    """flex grid block inline inline-block inline-flex contents hidden container relative absolute
    fixed sticky static visible invisible underline italic uppercase lowercase capitalize truncate
    border rounded shadow grow shrink prose antialiased group peer sr-only not-sr-only row""".split()
)
_UTILITY_PROPERTIES = frozenset(
    """text font leading tracking bg border rounded shadow p px py pt pb pl pr ps pe m mx my mt mb
    ml mr ms me w h min max size gap space divide flex grid col row items justify content self place
    order z opacity overflow object aspect inset top bottom left right start end ring outline
    decoration underline list whitespace break transition duration ease delay animate cursor select
    fill stroke from via to basis grow shrink float clear box indent align scroll snap touch will
    backdrop blur brightness contrast drop grayscale invert saturate sepia filter transform translate
    rotate scale skew origin accent caret columns d not prose""".split()
)
_UTILITY_VALUES = frozenset(
    """xs sm md lg xl base full auto screen min max fit none tight snug normal relaxed loose wide
    wider widest thin extralight light medium semibold bold extrabold black white transparent
    current inherit center start end between around evenly stretch baseline left right top bottom
    x y t b l r s e tl tr bl br px prose hidden visible scroll clip cover contain fill col row wrap
    nowrap reverse dense solid dashed dotted double sans serif mono italic underline through large
    small block inline flex grid table contents first last square video gray grey slate zinc neutral
    stone red orange amber yellow lime green emerald teal cyan sky blue indigo violet purple fuchsia
    pink rose primary secondary muted dark ellipsis balance pretty justify all colors opacity
    transform in out linear pointer default sr only invert""".split()
)

# A wrapper named only with these words names no component (``inner-wrap``, ``site-main``);
# one whose name ends in a wrapper word wraps the component it names (``content-wrapper``).
_WRAPPER_WORDS = frozenset("wrap wrapper inner outer container holder shell".split())
_LAYOUT_WORDS = frozenset(
    """wrap wrapper wrap inner outer container holder layout row col column columns grid box group
    stack cluster region shell frame main page site clear fix fluid""".split()
)


@lru_cache(maxsize=8192)  # a page repeats its classes; a site its pages' classes
def component_class(cls: str) -> str | None:
    """cls when it names a component, None when it is cosmetic: a hash or number (CSS
    modules, styled-components, emotion, post ids), a mangled one- or two-letter name, a
    utility (Tailwind, Bootstrap), a WordPress layout or state class, a wrapper
    (``inner-wrapper``, ``article-content-wrapper``)."""
    if (_CSS_MODULE.match(cls) or _DIGITS.search(cls) or cls.startswith(_GENERATED_PREFIXES) or cls in _WP_LAYOUT
            or "is-layout" in cls or any(ch in cls for ch in ":/[]!.@%()#") or cls[0] in "-_"
            or _LETTER_HASH.match(cls) or cls in _UTILITIES):
        return None
    parts = cls.split("-")
    if len(parts) > 1 and parts[0] in _UTILITY_PROPERTIES and all(p in _UTILITY_VALUES for p in parts[1:]):
        return None
    if len(parts) > 2 and parts[0] in ("justify", "align", "place") and parts[1] in ("content", "items", "self"):
        return None  # Bootstrap's justify-content-between, align-items-center
    for base in (cls.split("--", 1)[0], cls.split("__", 1)[0]):
        if base != cls and base and component_class(base) is None:
            return None  # a modifier or element of a cosmetic class (wp-block-group--wide)
    words = [w for w in _CLASS_SPLIT.split(cls.lower()) if w]
    if len(cls) <= 2 or _LAYOUT_WORDS.issuperset(words) or words[-1] in _WRAPPER_WORDS:
        return None
    return cls


def node_classes(node) -> list[str]:
    """The component classes of node (see component_class), sorted; WordPress' per-post
    classes (postid-, category-, tag-, ...) are dropped too, on <body>, <article> and any
    element that carries a post's classes."""
    return list(_component_classes(node.tag, node.attributes.get("class") or ""))


@lru_cache(maxsize=8192)  # the fingerprint and the checks ask about the same elements
def _component_classes(tag: str, value: str) -> tuple[str, ...]:
    raw = value.split()
    # WordPress' post_class()/body_class() output, on whatever element the theme puts it
    per_post = tag in ("body", "article") or "hentry" in raw or any(_POST_ID.match(c) for c in raw)
    out = set()
    for c in raw:
        if per_post and (_PER_POST.match(c) or c in ("post", "page")):
            continue
        kept = component_class(c)
        if kept:
            out.add(kept)
    return tuple(sorted(out))


_GENERATED_DATA = re.compile(r"^data-(?:v-|react|reactroot|emotion|styled|amp|astro|svelte|hk|n-|gtm|ga-|track"
                             r"|analytics|sentry|testid|test-id|nosnippet)")


def step(node) -> str:
    """One path step: tag, component classes, data-* attribute names (generated ones out)."""
    attrs = node.attributes
    data = sorted(k for k in attrs if k.startswith("data-") and not _DIGITS.search(k)
                  and not _GENERATED_DATA.match(k))
    return node.tag + "".join("." + c for c in node_classes(node)) + "".join(f"[{d}]" for d in data)


def _step_parts(s: str) -> tuple[str, list[str]]:
    """("div", ["entry-content"]) from "div.entry-content[data-x]"."""
    tag, *classes = s.split("[", 1)[0].split(".")
    return tag, classes


# Tags that only box content: one kind, so <div> -> <section> or an AMP element is not a change.
_BOX_TAGS = frozenset("div section article main header footer aside nav span figure font center".split())


def kind(tag: str) -> str:
    return "box" if tag in _BOX_TAGS or tag.startswith("amp-") else tag


def in_furniture(node) -> bool:
    """Is node inside teaser tiles, sidebars, bio boxes, nav, footers ...? Looks at most
    MAX_CLIMB ancestors up: furniture wraps its content closely, and a page nested a
    hundred thousand levels deep must not cost a walk to the root per question."""
    node = node.parent if node is not None else None
    for _ in range(MAX_CLIMB):
        if node is None:
            return False
        tag = node.tag
        if tag in ("body", "html"):
            return False
        if tag in _FURNITURE_TAGS:
            return True
        cls = node.attributes.get("class")
        if cls and _furniture_class(cls):
            return True
        node = node.parent
    return False


@lru_cache(maxsize=8192)  # a page's ancestors repeat a few class values
def _furniture_class(value: str) -> bool:
    """Does a class value name furniture (a word of _FURNITURE_WORDS)?"""
    return bool(furniture_words(value.lower()))


def furniture_words(cls: str) -> set[str]:
    """The words of _FURNITURE_WORDS a (lower-case) class value names. "widget" counts only
    as a class of its own ("widget", "widget_text", "widget-area": a sidebar's widgets):
    page builders name every block of the article a widget inside their own prefix
    ("elementor-widget elementor-widget-post-info"), the byline and the text included."""
    words = set(_FURNITURE_WORDS.intersection(_CLASS_SPLIT.split(cls)))
    if "widget" in words and not any(t.startswith("widget") for t in cls.split()):
        words.discard("widget")
    return words


# -- locating values -----------------------------------------------------------------

def _heading_art_text(img) -> str:
    """The squashed alt of an <img> that is a heading's only content (a title lettered as
    an image, <h1><img alt="Title"></h1>, possibly inside a link or span), else ""."""
    alt = img.attributes.get("alt")
    if not alt:
        return ""
    el = img.parent
    for _ in range(3):
        if el is None:
            return ""
        if el.tag in HEADINGS:
            if squash(el.text(deep=True)) or len(el.css("img[alt]")) != 1:
                return ""  # the heading has text of its own (or several images): alt is no text
            return squash(alt)
        el = el.parent
    return ""


class TextIndex:
    """The page's visible text, squashed, as one string in document order, with the
    text node behind every offset: a value is found with str.find, however many inline
    elements (links, emphasis) it spans. Built in one pass over the page."""

    def __init__(self, tree, visit=None) -> None:
        """visit, when given, is called with (element, tag) for every element of the body
        (itself included) in document order: the walk that reads the text is the page
        scan's walk too (pressguard.verdict.page_scan), so the page is walked once."""
        self.tree = tree
        self.nodes: list[tuple[int, Any]] = []  # (document position, text node)
        self.starts: list[int] = []  # offset of each text node in self.full
        self.scan = None  # the page scan made on this walk (text_index)
        parts: list[str] = []
        offset = 0
        root = tree.body
        # lexbor's tag id -> tag name, learnt on this page: node.tag makes a new string
        # on every call (generic_body.Layout._measure reads ids the same way). SVG's
        # camel-case names share the lower-case name's id and are not learnt; the names
        # this walk and the scan compare with are all lower case, so neither spelling
        # changes an answer
        names: dict[int, str] = {}
        if root is not None:
            for pos, node in enumerate(root.traverse(include_text=True)):
                tid = node.tag_id
                if tid != _TEXT_ID:
                    tag = names.get(tid)
                    if tag is None:
                        tag = node.tag
                        if tag is not None and tag == tag.lower():  # not an SVG name (clipPath)
                            names[tid] = tag
                    if visit is not None:
                        visit(node, tag)
                    if tag == "img":
                        # a heading set as artwork: its alt is the heading's text (what a
                        # screen reader reads), indexed under the img so the heading holds it
                        s = _heading_art_text(node)
                        if s:
                            self.nodes.append((pos, node))
                            self.starts.append(offset)
                            parts.append(s)
                            offset += len(s)
                    continue
                parent = node.parent
                if parent is None or (names.get(parent.tag_id) or parent.tag) in _SKIP_PARENTS:
                    continue
                s = squash(node.text_content)
                if s:
                    self.nodes.append((pos, node))
                    self.starts.append(offset)
                    parts.append(s)
                    offset += len(s)
        self.full = "".join(parts)
        self._sizes: dict[int, int] = {}
        self._positions: dict[int, int] | None = None

    def text_node_at(self, offset: int):
        """The text node whose squashed text holds self.full[offset]."""
        return self.nodes[bisect_right(self.starts, offset) - 1][1]

    def size(self, el) -> int:
        """Length of el's squashed text (cached per element)."""
        key = el.mem_id
        if key not in self._sizes:
            self._sizes[key] = len(squash(el.text(deep=True)))
        return self._sizes[key]

    def position(self, node) -> int:
        """Document position of node: that of its first indexed text node."""
        if self._positions is None:
            self._positions = {n.mem_id: pos for pos, n in self.nodes}
        for d in node.traverse(include_text=True):
            if d.tag == "-text" and d.mem_id in self._positions:
                return self._positions[d.mem_id]
        return 10**9

    def locate(self, value: str, *, slack: float = 1.5, extra: int = 40) -> list[tuple[int, Any]]:
        """[(position, element)] in document order: for every occurrence of value in the
        page's text, the lowest element holding all of it, unless that element holds
        much more text than value (then it is a container, not the value's element)."""
        target = squash(value)
        if not target:
            return []
        budget = len(target) * slack + extra
        found: dict[int, tuple[int, Any]] = {}
        full, starts, nodes = self.full, self.starts, self.nodes
        o = full.find(target)
        while o != -1:
            i = bisect_right(starts, o) - 1
            j = bisect_right(starts, o + len(target) - 1) - 1
            el = nodes[i][1].parent if i == j else _lca([nodes[i][1], nodes[j][1]])
            if el is not None and el.mem_id not in found and self.size(el) <= budget:
                found[el.mem_id] = (nodes[i][0], el)
            o = full.find(target, o + 1)
        return sorted(found.values(), key=lambda pe: pe[0])


def _primary(matches: list[tuple[int, Any]], headings: bool = False):
    """The match the value most likely came from: outside furniture, a heading for
    headlines, then the first in the document."""
    if not matches:
        return None
    if len(matches) == 1:  # (no ranking to do: spares the furniture walk)
        return matches[0]

    def rank(pe):
        pos, el = pe
        return (in_furniture(el), _HEADINGS.get(el.tag, 9) if headings else 0, pos)

    return min(matches, key=rank)


def _lca(nodes: list) -> Any:
    """The lowest common ancestor of nodes (None across documents)."""
    common = nodes[0]
    for other in nodes[1:]:
        common = _lca2(common, other)
        if common is None:
            return None
    return common


def _lca2(a, b) -> Any:
    """Both climb one step at a time until one reaches a node the other has passed: the
    cost is the distance to their common ancestor, not the depth of the page."""
    seen_a: set[int] = set()
    seen_b: set[int] = set()
    while a is not None or b is not None:
        if a is not None:
            if a.mem_id in seen_b:
                return a
            seen_a.add(a.mem_id)
            a = a.parent if a.tag not in _TOP else None
        if b is not None:
            if b.mem_id in seen_a:
                return b
            seen_b.add(b.mem_id)
            b = b.parent if b.tag not in _TOP else None
    return None


_TOP = frozenset({"html", "-document", "#document"})


# An unnamed inline wrapper around a value (<h1><span>headline</span></h1>) is not the
# value's element; its parent holding the same text is.
_INLINE = frozenset("span font em strong b i u small mark bdi bdo".split())
_CLIMB_INLINE = 3


def _climb(index: TextIndex, el, through_links: bool = True):
    for _ in range(_CLIMB_INLINE):
        parent = el.parent
        if (parent is None or parent.tag in ("body", "html") or node_classes(el)
                or not (el.tag in _INLINE or (through_links and el.tag == "a"))
                or index.size(parent) != index.size(el)):
            break
        el = parent
    return el


class _Ancestry:
    """What the fields' climbs read of each element they pass (its tag, component classes,
    parent and step), read once per fingerprint: the fields share most of their ancestors,
    and every property of a lexbor node costs a call into the parser."""

    def __init__(self) -> None:
        self._seen: dict[int, tuple] = {}
        self._steps: dict[int, str] = {}

    def of(self, node) -> tuple:
        """(tag, node_classes(node), parent)."""
        key = node.mem_id
        seen = self._seen.get(key)
        if seen is None:
            seen = self._seen[key] = (node.tag, node_classes(node), node.parent)
        return seen

    def step(self, node) -> str:
        key = node.mem_id
        made = self._steps.get(key)
        if made is None:
            made = self._steps[key] = step(node)
        return made


_TOP_TAGS = ("body", "html", "-document", "#document")


def _field_fp(node, pos: int, ancestry: _Ancestry | None = None) -> dict:
    """Where a field's element sits: the element, its anchor (the nearest element at or
    above it with a component class), the LANDMARKS named ancestors above the anchor, and
    the classes of up to CONTEXT named ancestors (a wrapper added or removed between them
    shifts the landmarks without a class having vanished). ancestry: the elements read so
    far for this page's fingerprint."""
    if ancestry is None:
        ancestry = _Ancestry()
    element = ancestry.step(node)
    anchor, named = None, []
    n, looked = node, 0
    while n is not None and looked < MAX_CLIMB and len(named) < CONTEXT:
        tag, classes, parent = ancestry.of(n)
        if tag in _TOP_TAGS:
            break
        if classes:
            if anchor is None:
                anchor = ancestry.step(n)
            else:
                named.append(n)
        n, looked = parent, looked + 1
    landmarks = [ancestry.step(x) for x in named[:LANDMARKS]]
    context = sorted({c for x in named for c in ancestry.of(x)[1]})
    path = [element] + ([anchor] if anchor and anchor != element else []) + landmarks
    return {"found": True, "path": path, "kind": kind(ancestry.of(node)[0]), "anchor": anchor or "",
            "landmarks": landmarks, "context": context,
            "classes": sorted({c for s in path for c in _step_parts(s)[1]}), "pos": pos}


_NOT_FOUND = {"found": False, "path": [], "classes": [], "pos": None}


_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_DATE_SEL = "time, [datetime], [data-datetime], [itemprop=datePublished], [class*=date], [class*=time]"


_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _date_tokens(iso: str) -> list[str]:
    m = _ISO_DAY.match(iso or "")
    if not m:
        return []
    from datetime import date, timedelta

    d0 = date(int(m[1]), int(m[2]), int(m[3]))
    out = []
    for delta in (-1, 0, 1):  # the page shows local time, the item UTC
        d = d0 + timedelta(days=delta)
        mon = _MONTHS[d.month - 1]
        out += [d.isoformat(), f"{mon}{d.day},{d.year}", f"{d.day}{mon}", f"{d.month}/{d.day}/{d.year}"]
    return out


def _locate_date(tree, published: str, candidates: list | None = None):
    """The visible date element: the first one (outside furniture) whose text or date
    attribute shows the published day, or the innermost such element inside it (a
    wrapper whose class happens to say "date" is not the date), else the first date
    element at all. candidates: the body's elements matching _DATE_SEL, as lexbor lists
    them (the page's scan, verdict.page_scan), when known."""
    body = tree.body
    if body is None:
        return None
    tokens = _date_tokens(published)
    first = chosen = None
    seen: set[int] = set()
    if candidates is None:
        candidates = body.css(_DATE_SEL)
    for node in candidates:  # a node matching several selectors comes once per selector
        if node.mem_id in seen or in_furniture(node):
            continue
        seen.add(node.mem_id)
        attrs = node.attributes
        text = squash(node.text(deep=True))
        if len(text) > 80 or node.tag in ("body", "main", "article"):
            continue
        hay = text + " " + " ".join(squash(attrs.get(k))
                                    for k in ("datetime", "data-datetime", "content") if attrs.get(k))
        hay = hay.replace("sept", "sep")
        if tokens and any(t in hay for t in tokens):
            if chosen is None or _inside(node, chosen):
                chosen = node
                continue
            break
        if chosen is None and first is None and (node.tag == "time" or "datetime" in attrs or "data-datetime" in attrs):
            first = node
    return chosen if chosen is not None else first


def _inside(node, ancestor) -> bool:
    n = node.parent
    for _ in range(MAX_CLIMB):
        if n is None:
            return False
        if n.mem_id == ancestor.mem_id:
            return True
        n = n.parent
    return False


# -- the fingerprint -----------------------------------------------------------------

def text_index(page) -> TextIndex:
    """The text index of a parsed page (extract.page.Page or Parsed), built once for
    every reader of the page (the fingerprint and the checks)."""
    return parsed_of(page).memo("text_index", _scanning_index)


def _scanning_index(tree) -> TextIndex:
    """The text index of a page, and on the same walk its scan (page_scan.PageScan)."""
    from .page_scan import PageScan  # (it builds on this module)

    scan = PageScan()
    index = TextIndex(tree, visit=scan.visit)
    index.scan = scan
    return index


def fingerprint(html: "str | bytes | Page", item: dict, *, tree=None, scan: bool = True) -> dict:
    """The structure around each extracted field of item on this page (see module doc).
    html is the page's source or the Page the item was extracted from (its tree and text
    index are reused); tree, when given, is read instead. scan=False: no page scan (for a
    page no check reads, a recorded one): its text index is walked alone, and lexbor's
    selector list finds the date elements the scan would have listed (page_scan.DATE_SELECTOR)."""
    if tree is not None:
        index = _scanning_index(tree) if scan else TextIndex(tree)
    else:
        parsed = parsed_of(html)
        tree = parsed.tree
        index = text_index(parsed) if scan else parsed.memo("unscanned text index", TextIndex)
    fields: dict[str, Any] = {}
    ancestry = _Ancestry()  # the elements the fields' climbs pass, read once

    for name, headings in (("headline", True), ("dek", False)):
        value = item.get(name) or ""
        if value:
            p = _primary(index.locate(value, slack=1.2, extra=20), headings=headings)
            fields[name] = _field_fp(_climb(index, p[1]), p[0], ancestry) if p else dict(_NOT_FOUND)
        else:
            fields[name] = None

    authors = [a for a in (item.get("authors") or []) if isinstance(a, str) and a.strip()]
    if authors:
        located = [p for p in (_primary(index.locate(a, slack=1.0, extra=40)) for a in authors) if p]
        if located:
            records = [_field_fp(_climb(index, el, through_links=False), pos, ancestry) for pos, el in located]
            fp = min(records, key=lambda r: r["pos"])  # the first byline entry stands for all
            fp["paths"] = [list(p) for p in sorted({tuple(r["path"]) for r in records})]  # for reading
            fields["authors"] = fp
        else:
            fields["authors"] = dict(_NOT_FOUND)
    else:
        fields["authors"] = None

    published = item.get("published") or ""
    if published:
        node = _locate_date(tree, published, index.scan.dates if index.scan is not None else None)
        fields["published"] = _field_fp(node, index.position(node), ancestry) if node is not None \
            else dict(_NOT_FOUND)
    else:
        fields["published"] = None

    body = [b for b in (item.get("body") or []) if isinstance(b, str)]
    if body:
        paras = [b for b in body if len(b) >= MIN_PARAGRAPH][:BODY_PARAGRAPHS] or body[:BODY_PARAGRAPHS]
        located = [p for p in (_primary(index.locate(b, slack=1.1, extra=10)) for b in paras) if p]
        if located:
            els = [_climb(index, el) for _, el in located]
            container = _lca(els) if len(els) > 1 else els[0].parent
            fp = _field_fp(container, min(pos for pos, _ in located), ancestry)
            fp["paragraphs"] = sorted({ancestry.step(el) for el in els})
            fields["body"] = fp
        else:
            fields["body"] = dict(_NOT_FOUND)
    else:
        fields["body"] = None

    order = sorted((f for f in FIELDS if fields[f] and fields[f].get("found")),
                   key=lambda f: fields[f]["pos"])
    for f in FIELDS:
        if fields[f]:
            fields[f].pop("pos", None)
    body_node = tree.body
    return {
        "version": VERSION,
        "page": {
            "layout": item.get("layout"),
            "body_classes": node_classes(body_node) if body_node is not None else [],
            "order": order,
        },
        "fields": fields,
    }


# -- comparing -----------------------------------------------------------------------
# Cosmetic churn never reaches here (component_class drops it, kind() unifies boxes, the
# anchor skips unnamed wrappers). What is compared is what names the structure: the
# anchor's classes (a class added is not a change, one replaced or all gone is: a renamed
# block), the element's kind, the named landmarks above it (one new, gone or renamed is a
# new container), the paragraphs' markup and the fields' order.

def _classes(steps) -> set[str]:
    return {c for s in steps for c in _step_parts(s)[1]}


def _tokens(fp: dict) -> set[str]:
    """Everything a located field recorded, for a field found on one side only."""
    toks = {"." + c for c in fp.get("classes", ())}
    if fp.get("path"):
        toks.add("<" + _step_parts(fp["path"][0])[0] + ">")
    for s in fp.get("paragraphs", ()):
        toks.add("paragraph " + s)
    return toks


def _replaced(was: set[str], now: set[str]) -> bool:
    """A renamed set of classes: some went and others came, or all went."""
    gone = was - now
    return bool(gone) and (bool(now - was) or not (was & now))


def _where(fp: dict) -> str:
    element, anchor = fp["path"][0], fp.get("anchor")
    return element if not anchor or anchor == element else f"{element} in {anchor}"


def _field_changes(field: str, r: dict, c: dict) -> tuple[list[str], list[str], list[str]]:
    """(appeared, vanished, summary parts) between two located records of one field."""
    appeared, vanished, parts = [], [], []
    ra, ca = _classes([r["anchor"]] if r.get("anchor") else []), _classes([c["anchor"]] if c.get("anchor") else [])
    rtag, ctag = _step_parts(r["path"][0])[0], _step_parts(c["path"][0])[0]
    if _replaced(ra, ca) or r.get("kind") != c.get("kind"):
        vanished += ["." + x for x in sorted(ra - ca)]
        appeared += ["." + x for x in sorted(ca - ra)]
        if r.get("kind") != c.get("kind"):
            vanished.append(f"<{rtag}>")
            appeared.append(f"<{ctag}>")
        label = "container" if field == "body" else "element"
        parts.append(f"{label} {_where(r)} became {_where(c)}")
    # A landmark is gone when none of its classes is left around the other side's field
    # (context reaches past a landmark pushed up by a new one), new when none was there.
    rctx, cctx = set(r.get("context", ())) | ra, set(c.get("context", ())) | ca
    was = [s for s in r.get("landmarks", ()) if not cctx & set(_step_parts(s)[1])]
    now = [s for s in c.get("landmarks", ()) if not rctx & set(_step_parts(s)[1])]
    if was or now:
        vanished += ["." + x for x in sorted(_classes(was)) if "." + x not in vanished]
        appeared += ["." + x for x in sorted(_classes(now)) if "." + x not in appeared]
        was_s, now_s = " < ".join(was), " < ".join(now)
        parts.append(f"inside {now_s} instead of {was_s}" if now and was else
                     f"now inside {now_s}" if now else f"no longer inside {was_s}")
    if field == "body":
        rp, cp = set(r.get("paragraphs", ())), set(c.get("paragraphs", ()))
        rk = {kind(_step_parts(s)[0]) for s in rp}
        ck = {kind(_step_parts(s)[0]) for s in cp}
        rc, cc = _classes(rp), _classes(cp)
        if (rk and ck and not rk & ck) or (rc - cc and cc - rc):  # other markup, renamed classes
            vanished += sorted("paragraph " + s for s in rp - cp)
            appeared += sorted("paragraph " + s for s in cp - rp)
            parts.append(f"paragraphs {', '.join(sorted(rp))} became {', '.join(sorted(cp))}")
    return appeared, vanished, parts


def _short(items: list[str], n: int = 5) -> str:
    return ", ".join(items[:n]) + (f" (+{len(items) - n} more)" if len(items) > n else "")


def _entry(field: str, appeared: list[str], vanished: list[str], parts: list[str] | str = ()) -> dict:
    """One compare() entry; the summary says what became what, else what appeared and vanished."""
    if isinstance(parts, str):
        parts = [parts]
    bits = list(parts)
    if not bits:
        if appeared:
            bits.append(f"appeared {_short(appeared)}")
        if vanished:
            bits.append(f"vanished {_short(vanished)}")
    return {"field": field, "appeared": appeared, "vanished": vanished,
            "summary": f"{field}: " + "; ".join(bits)}


_WEIGHT = {"headline": 3, "body": 3}


def _moved(rorder: list[str], corder: list[str]) -> dict[str, tuple[str, str]]:
    """Fields whose place among the others changed: those outside a heaviest common
    subsequence of the two orders -> (what they followed then, what they follow now).
    Headline and body weigh more, so a byline moved below the body is reported as the
    byline moving, not as the body moving up."""
    common = set(rorder) & set(corder)
    r = [f for f in rorder if f in common]
    c = [f for f in corder if f in common]
    n, m = len(r), len(c)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            table[i][j] = (table[i + 1][j + 1] + _WEIGHT.get(r[i], 1) if r[i] == c[j]
                           else max(table[i + 1][j], table[i][j + 1]))
    keep, i, j = set(), 0, 0
    while i < n and j < m:
        if r[i] == c[j]:
            keep.add(r[i])
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1

    def place(order: list[str], f: str) -> str:
        k = order.index(f)
        before = next((x for x in reversed(order[:k]) if x in keep), None)
        after = next((x for x in order[k + 1:] if x in keep), None)
        if before and after:
            return f"between {before} and {after}"
        return f"after {before}" if before else (f"before {after}" if after else "alone")

    return {f: (place(r, f), place(c, f)) for f in c if f not in keep}


def compare(recorded: dict, current: dict) -> list[dict]:
    """[] when both fingerprints describe the same template; else one entry per field
    (and "page") naming what appeared and vanished around it."""
    if recorded.get("version") != current.get("version"):
        return [_entry("page", [f"fingerprint version {current.get('version')}"],
                       [f"fingerprint version {recorded.get('version')}"],
                       "recorded by another fingerprint version: record the baseline again")]
    out: list[dict] = []
    rp, cp = recorded.get("page", {}), current.get("page", {})
    appeared, vanished, parts = [], [], []
    if rp.get("layout") and cp.get("layout") and rp.get("layout") != cp.get("layout"):
        appeared.append(f"layout {cp.get('layout')}")
        vanished.append(f"layout {rp.get('layout')}")
        parts.append(f"layout {rp.get('layout')} became {cp.get('layout')}")
    rb, cb = set(rp.get("body_classes", ())), set(cp.get("body_classes", ()))
    if _replaced(rb, cb):
        appeared += sorted("body." + c for c in cb - rb)
        vanished += sorted("body." + c for c in rb - cb)
        parts.append(f"page classes body.{'.'.join(sorted(rb - cb))} became body.{'.'.join(sorted(cb - rb))}")
    if appeared or vanished:
        out.append(_entry("page", appeared, vanished, parts))

    rf, cf = recorded.get("fields", {}), current.get("fields", {})
    moved = _moved(rp.get("order", []), cp.get("order", []))
    for field in FIELDS:
        r, c = rf.get(field), cf.get(field)
        if r is None and c is None:
            continue
        if r is None or c is None:
            if field not in REQUIRED:
                continue
            if c is None:
                out.append(_entry(field, [], sorted(_tokens(r)), "no value on this page"))
            continue  # recorded empty, now present: the recording was broken, not this page
        if r.get("found") and not c.get("found"):
            out.append(_entry(field, [], sorted(_tokens(r)),
                              f"value no longer in any element (was in {_where(r)})"))
            continue
        if not r.get("found") and c.get("found"):
            out.append(_entry(field, sorted(_tokens(c)), [], f"value now in an element ({_where(c)})"))
            continue
        appeared, vanished, parts = _field_changes(field, r, c) if r.get("found") else ([], [], [])
        if field in moved:
            was, now = moved[field]
            appeared.append(f"place: {now}")
            vanished.append(f"place: {was}")
            parts.append(f"moved {now} (was {was})")
        if appeared or vanished:
            out.append(_entry(field, appeared, vanished, parts))
    return out
