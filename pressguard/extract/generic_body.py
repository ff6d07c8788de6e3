"""The generic extractor's body: which container holds the article, judged by structure.

Two linear passes over the page (an explicit stack, no per-node ancestor walks, so 100k
nested divs cost what 100k siblings cost):

1. ``_measure``: every element in document order with its parent, and, summed bottom-up,
   its visible text, link text, commas, and the text of the paragraph-like units under it
   (p, li, pre, blockquote, td, dd, dt, and divs that hold text themselves).
2. ``_score``: furniture is inherited top-down; each unit outside furniture credits its
   container(s) readability-style, by length and commas, discounted by its link density.

The first pass also keeps the page in reading order (elements, non-blank texts, ``<br>``),
and the chosen container's paragraphs are read off that record
(``blocks.collect_measured_blocks``), not by walking lexbor's tree a second time.

Furniture is judged by markup (furniture tags, hidden, roles, class/id words read whole
class name by whole class name, see ``marker_level``) overruled by structure: an element
that holds at least half of the page's paragraph text is the page, not furniture, whatever
its class says (``overflow-hidden`` wrappers, a ``<header>`` around the whole post, React's
streamed ``<div hidden id="S:0">``). The winning container climbs to an ancestor when that
ancestor holds clearly more paragraph text (an article split into sibling sections), no
higher than the nearest element holding both the headline and the article, stopped by an
ancestor whose links, and what it adds, are mostly links; it keeps siblings that score
close to it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from functools import lru_cache


from .blocks import BR, collect_blocks, collect_measured_blocks, permalink_mark
from .boilerplate import (_BOX_LABEL_TAGS, SERIES_BOX_MAX_CHARS, SKIP_BLOCK_TAGS, SKIP_ROLES, box_level,
                          figure_furniture, is_review_box, series_box, style_hides)
from .boilerplate import _PHRASES, _STRONG_WORDS, _WEAK_WORDS  # the one list of furniture words
from .text import _INVISIBLE, BLOCK_TAGS, SKIP_TAGS, node_text, prose_button_text

# Units: elements whose own text is read as one paragraph.
_P_UNITS = frozenset({"p", "li", "pre", "blockquote", "td", "dd", "dt"})
_DIV_UNITS = frozenset({"div", "section", "article", "span", "font", "center"})
_NEVER = frozenset({"html", "body", "main", "article"})
_ID_TAGS = frozenset({"div", "section", "aside", "nav", "ins", "footer", "form", "ul", "ol", "span"})
# A class/id word that says the element is the content itself ("post-body", "entry").
_CONTENT_WORDS = frozenset({"article", "body", "content", "main", "entry", "post", "story", "text"})
# Elements the measuring pass leaves out with their subtrees (a <template> is an item of
# the reading order: a script may stamp it)
_UNREAD = SKIP_TAGS - {"template"}
_STREAMED = re.compile(r"S:\d+\Z")  # React/Next streaming: <div hidden id="S:0">
# What the measuring pass does with a node, by its tag (see _kind)
_SKIP, _BR, _TEMPLATE, _ELEMENT, _BLOCK, _LINK, _BUTTON = range(7)
_TEXT_ID = 2  # lexbor's LXB_TAG__TEXT, every text node's tag id (a constant: no parse at import, which
# would count as a second parse of the page; tests/test_generic_speed.py checks it)


def _kind(tag: str) -> tuple[int, str]:
    """(what the measuring pass does with an element of this tag, the tag): comments and
    the elements it leaves out are skipped; <br> and <template> are items."""
    if tag == "button":  # left out, but read when it is a phrase of the prose
        return _BUTTON, tag
    if tag[0] == "-" or tag in _UNREAD:
        return _SKIP, tag
    if tag == "br":
        return _BR, tag
    if tag == "template":
        return _TEMPLATE, tag
    if tag == "a":
        return _LINK, tag
    return (_BLOCK if tag in BLOCK_TAGS else _ELEMENT), tag


_WORD_SPLIT = re.compile(r"[_\-]+")
_STATE_PREFIX = ("has-", "with-", "without-", "no-")


def _name_words(name: str) -> list[str]:
    """One class name -> its words, BEM modifier dropped ("field--label-hidden" -> ["field"])."""
    base = name.split("--", 1)[0] or name
    return [w for w in _WORD_SPLIT.split(base) if w]


@lru_cache(maxsize=8192)
def class_marker(value: str) -> tuple[int, bool]:
    """(furniture level 2/1/0, says-content) of a class or id value, read one whole class
    name at a time. "hidden" counts only as a class of its own ("hidden", "is-hidden"),
    never inside a compound ("overflow-hidden", "visually-hidden" is a phrase already)."""
    if not value:
        return 0, False
    level, content = 0, False
    for name in value.lower().split():
        final, name_level, name_content = _name_marker(name)
        if final:
            return 2, False
        if name_level > level:
            level = name_level
        content = content or name_content
    return level, content


@lru_cache(maxsize=16384)
def _name_marker(name: str) -> tuple[bool, int, bool]:
    """One lower-case class name -> (surely furniture whatever its neighbours say, level,
    says-content). Cached by name, not by the whole value: names repeat across a page's
    elements and across sites ("container", "px-4"), whole values much less. A phrase
    holds no space, so searching each name finds what searching the value would."""
    if _PHRASES.search(name):
        return True, 0, False
    if name.startswith(_STATE_PREFIX):
        return False, 0, False
    words = _name_words(name)
    if not words:
        return False, 0, False
    if words[-1] == "hidden" and (len(words) == 1 or words[:-1] == ["is"]):
        return True, 0, False
    level, content = 0, False
    for w in words:
        if w in _STRONG_WORDS and w != "hidden":
            level = 2
        elif w in _WEAK_WORDS:  # no word is both weak and strong, or weak and content
            level = max(level, 1)
        elif w in _CONTENT_WORDS:
            content = True
    return False, level, content


_BOX_TAGS = frozenset({"div", "section"})

# Hidden, a dialog, display:none, off the screen: furniture however much text it holds (a sign-up modal
# can hold most of the prose of a page whose article failed to render).
HIDDEN = 3


def marker_level(node) -> tuple[int, bool]:
    """(level, says-content) from markup alone: 3 hidden or a dialog, 2 surely furniture
    by tag or class, 1 maybe, 0 not."""
    level, content = _markup_level(node, node.tag)
    if level < 0:  # a div or a section that only a review box or a series box would mark
        return box_level(node), content
    return level, content


def _markup_level(node, tag: str) -> tuple[int, bool]:
    """marker_level short of the box tests: level -1 when the element is a div or a
    section the markup leaves unmarked, so that boilerplate.box_level decides (the caller
    asks it: Layout.marker knows the element's place and size, and asks lexbor only when
    the element can be such a box). tag is node.tag, passed in."""
    if tag in SKIP_BLOCK_TAGS:
        return 2, False
    if tag in _NEVER:
        return 0, True
    if tag == "details" and figure_furniture(node):
        return 2, False
    attrs = node.attributes
    if not attrs:  # is_review_box only ever says yes to a div or a section
        return (-1 if tag in _BOX_TAGS else 0), False
    if tag == "a" and (attrs.get("href") or "")[:1] == "#" and permalink_mark(node):
        return 2, False  # a subheading's or paragraph's permalink icon (blocks.permalink_mark)
    ident = attrs.get("id") or ""
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        if not _STREAMED.match(ident):
            return HIDDEN, False
    role = attrs.get("role")
    if role and role.lower() in SKIP_ROLES:
        return HIDDEN, False
    if style_hides(attrs.get("style")):
        return HIDDEN, False
    level, content = class_marker(attrs.get("class") or "")
    if level < 2 and tag in _ID_TAGS and ident:
        lid, cid = class_marker(ident)
        level, content = max(level, lid), content or cid
    if level == 0 and tag in _BOX_TAGS:
        return -1, content
    return level, content


class Layout:
    """The measured page: parallel lists indexed by element number (document order)."""

    def __init__(self, root) -> None:
        self.nodes: list = []
        self.tags: list[str] = []
        self.parent: list[int] = []
        self.index: dict[int, int] = {}
        self.own: list[int] = []      # text whose nearest block element is this one
        self.own_links: list[int] = []
        self.commas: list[int] = []
        self.brs: list[int] = []
        self.in_link: list[bool] = []
        self.deep: list[int] = []      # all visible text under the element
        self.links: list[int] = []     # link text under the element
        self.units: list[int] = []     # paragraph-unit text under the element (no furniture test)
        self.size: list[int] = []      # elements in the subtree, itself included (a pre-order range)
        self.unit: list[int] = []      # the element's own text when it is a paragraph unit, else 0
        self.prose: list[int] = []     # elements that are paragraph units mostly not links
        self.block: list[int] = []     # the nearest block element, itself included
        self._texts: list[tuple[int, str]] | None = None
        # The page in reading order, for the block walk (blocks.collect_measured_blocks):
        # seq holds element numbers (>= 0) and, as ~m, item m: a non-blank text node, a
        # <br> (text BR) or a <template> (text None), with its parent element and node.
        self.seq: list[int] = []
        self.spos: list[int] = []      # element i is seq[spos[i]]
        self.item_parent: list[int] = []
        self.item_text: list = []
        self.item_node: list = []
        self._markers: dict[int, tuple[int, bool]] = {}
        self._lowered: tuple | None = None  # own texts lower-cased, for own_text_matches
        self._unread: set[str] = set()  # tags of the elements inside the elements left out
        self._measure(root)

    def _measure(self, root) -> None:
        nodes, tags, parent, in_link = self.nodes, self.tags, self.parent, self.in_link
        index = self.index
        block = self.block
        br_blocks: list[int] = []
        # One pre-order pass over lexbor's elements and its non-blank text nodes; a node
        # whose parent was not taken (script, style ... and everything under them) is not
        # taken either. A text node is read where the walk meets it (text_content, its
        # parent's number) and kept as an item of the reading order; its length and
        # commas are summed per element after the walk: one Python object per non-blank
        # text node is cheaper than one text() call per element, most of which have no
        # own text.
        get = index.get
        add_node, add_tag, add_parent, add_link, add_block = (
            nodes.append, tags.append, parent.append, in_link.append, block.append)
        seq, spos = self.seq, self.spos
        item_parent, item_text, item_node = self.item_parent, self.item_text, self.item_node
        add_seq, add_spos = seq.append, spos.append
        add_item_parent, add_item_text, add_item_node = item_parent.append, item_text.append, item_node.append
        unread = self._unread
        walk = root.traverse(include_text=True, skip_empty=True)
        # the root (the <body>, or <html>) first: the one element with no parent, so the
        # loop below needs no test for it
        next(walk)
        tag = root.tag
        add_spos(0)
        add_seq(0)
        add_node(root)
        add_tag(tag)
        add_parent(-1)
        index[root.mem_id] = 0
        add_link(tag == "a")
        add_block(0)
        # Nodes are told apart by lexbor's tag id (an int) and each id's name and kind
        # looked up once a page: a tag name is a new string per call. Ids of custom
        # elements are the document's own, so the table is the page's.
        kinds: dict[int, tuple[int, str]] = {}
        # The element visited last (-1: one not taken): a node that is its parent's first
        # child follows its parent in the walk, so its parent needs no lookup.
        last = 0
        for node in walk:
            tid = node.tag_id
            if tid == _TEXT_ID:
                if node.prev is None:
                    pidx = last
                else:
                    up = node.parent
                    pidx = get(up.mem_id, -1) if up is not None else -1
                if pidx >= 0:
                    add_seq(~len(item_text))
                    add_item_parent(pidx)
                    add_item_text(node.text_content)
                    add_item_node(node)
                continue
            k = kinds.get(tid)
            if k is None:
                k = _kind(node.tag)
                if k[1] == k[1].lower():  # not an SVG name (clipPath: the id of clippath)
                    kinds[tid] = k
            kind, tag = k
            if kind == _BUTTON:  # read as a text of its parent when it is a phrase of the prose
                last = -1
                t = prose_button_text(node)
                up = node.parent
                pidx = get(up.mem_id, -1) if t and up is not None else -1
                if pidx >= 0:
                    add_seq(~len(item_text))
                    add_item_parent(pidx)
                    add_item_text(t)
                    add_item_node(node)
                continue
            if kind == _SKIP:
                last = -1
                continue
            if node.prev is None:
                pidx = last
            else:
                up = node.parent
                pidx = get(up.mem_id, -1) if up is not None else -1
            if pidx < 0:  # inside an element left out: noted, for named(), by its own
                unread.add(node.tag)  # name (an <svg>'s clipPath, not the table's clippath)
                last = -1
                continue
            if kind <= _TEMPLATE:  # items of the reading order, not elements
                if kind == _BR:
                    br_blocks.append(block[pidx])
                add_seq(~len(item_text))
                add_item_parent(pidx)
                add_item_text(BR if kind == _BR else None)
                add_item_node(node)
                last = -1
                continue
            last = idx = len(nodes)
            add_spos(len(seq))
            add_seq(idx)
            add_node(node)
            add_tag(tag)
            add_parent(pidx)
            index[node.mem_id] = idx
            add_link(kind == _LINK or in_link[pidx])
            add_block(idx if kind == _BLOCK else block[pidx])
        n = len(nodes)
        self.own = own = [0] * n
        self.own_links = own_links = [0] * n
        self.commas = commas = [0] * n
        self.brs = brs = [0] * n
        direct = [0] * n
        direct_links = [0] * n
        for b in br_blocks:
            brs[b] += 1
        owners = set()  # the block elements that own text
        for idx, t in zip(item_parent, item_text):
            if t is None or t is BR:
                continue
            stripped = t.strip()
            if stripped:  # indentation between tags: most text nodes of a page
                m = len(stripped) if "  " not in stripped else len(" ".join(stripped.split()))
                direct[idx] += m
                bidx = block[idx]
                own[bidx] += m
                owners.add(bidx)
                if in_link[idx]:
                    direct_links[idx] += m
                    own_links[bidx] += m
            if "," in t or "，" in t:
                commas[block[idx]] += t.count(",") + t.count("，")
        n = len(nodes)
        deep, links = direct, direct_links
        units = [0] * n
        size = [1] * n
        unit = [0] * n
        # the unit test once per element, here: every later pass reads these lists (only
        # block elements own text)
        prose = []
        for i in sorted(owners):
            tag, o = tags[i], own[i]
            if (o >= 25 and tag in _P_UNITS) or (o >= 80 and tag in _DIV_UNITS):
                unit[i] = o
                if own_links[i] <= 0.5 * o:
                    prose.append(i)
                    units[i] = o
        # children before parents (element 0, the root, has no parent); most elements
        # hold no text, links or units of their own, so only non-zero sums are carried
        for i in range(n - 1, 0, -1):
            p = parent[i]
            size[p] += size[i]
            d = deep[i]
            if d:
                deep[p] += d
                if links[i]:
                    links[p] += links[i]
                if units[i]:
                    units[p] += units[i]
        self.deep, self.links, self.units, self.size = deep, links, units, size
        self.unit, self.prose = unit, prose

    @property
    def texts(self) -> list[tuple[int, str]]:
        """(element, its own text nodes joined by NUL) for the elements that own text, in
        page order: what text(deep=False, separator="\0", skip_empty=True) would give
        each. Built when first asked for (the byline searches), from the pass's items."""
        if self._texts is None:
            own: dict[int, list[str]] = {}
            for idx, t in zip(self.item_parent, self.item_text):
                if t is not None and t is not BR:
                    pieces = own.get(idx)
                    if pieces is None:
                        own[idx] = [t]
                    else:
                        pieces.append(t)
            self._texts = [(idx, "\0".join(own[idx])) for idx in sorted(own)]
        return self._texts

    def squeezed_text(self) -> str:
        """All the visible text of the page, lower-cased, with no whitespace at all: for
        "does the page show this name anywhere?" (compare a name squeezed the same way)
        without another walk over the page."""
        text = "".join(t for _, t in self.texts).lower()
        if _INVISIBLE.search(text) is not None:
            text = _INVISIBLE.sub("", text)
        return "".join(text.replace("\0", " ").split())

    def own_text_matches(self, pattern: "re.Pattern", needle: str) -> list[int]:
        """The elements whose own text pattern matches, in page order. needle is a
        lower-case string that every match contains once lower-cased ("by" for "Written
        by"): the page's own texts, lower-cased and joined, are scanned for it at C
        speed, and only the few elements holding it are searched with the pattern (a
        case-insensitive alternation is slow to run over every element)."""
        texts = self.texts
        if self._lowered is None:
            own = [t for _, t in texts]
            joined = "\x01".join(own).lower()
            if len(joined) != sum(map(len, own)) + len(own) - 1:
                # lower() lengthened a letter ("İ"): the places of the texts after it moved
                own = [t.lower() for t in own]
                joined = "\x01".join(own)
            # where each element's text starts in joined (lower() never shortens a text,
            # so with the lengths unchanged the texts' own lengths place them)
            starts = [at + k for k, at in enumerate(accumulate(map(len, own), initial=0))]
            self._lowered = (joined, starts)
        joined, starts = self._lowered
        hits: list[int] = []
        last = len(texts) - 1
        pos = joined.find(needle)
        while pos >= 0:
            k = bisect_right(starts, pos) - 1
            i, own_text = texts[k]
            if pattern.search(own_text) is not None:
                hits.append(i)
            if k >= last:
                break
            pos = joined.find(needle, starts[k + 1])  # the next element's text
        return hits

    def named(self, tag: str) -> list[int] | None:
        """The elements with this tag, in page order: what a selector query for the tag
        finds under the root, read off the pass (a query walks the whole tree in lexbor,
        ~0.1 ms a page). None when the pass left such an element out (inside a
        <noscript>, an <svg>, a <button> ...): then only the query knows them all."""
        if tag in self._unread or tag in _UNREAD or tag == "br" or tag == "template":
            return None
        tags, out, at = self.tags, [], -1
        for _ in range(tags.count(tag)):
            at = tags.index(tag, at + 1)
            out.append(at)
        return out

    def marker(self, i: int) -> tuple[int, bool]:
        """marker_level of element i, computed once."""
        m = self._markers.get(i)
        if m is None:
            level, content = _markup_level(self.nodes[i], self.tags[i])
            if level < 0:
                level = 1 if self._review_box(i) else 2 if self._series_box(i) else 0
            m = self._markers[i] = (level, content)
        return m

    def _review_box(self, i: int) -> bool:
        """is_review_box of element i, asked of lexbor only when the element's first child
        in the measured reading order is a label-sized heading (an h2, a <b> ...): a
        review box's label is its first child, and one that is not cannot be one."""
        p = self.spos[i] + 1
        x = self.seq[p] if p < len(self.seq) else -1
        if x < 0 or self.parent[x] != i or self.tags[x] not in _BOX_LABEL_TAGS:
            return False
        return is_review_box(self.nodes[i])

    def _series_box(self, i: int) -> bool:
        """boilerplate.series_box of element i, asked of lexbor only for a short element
        holding a link."""
        return 0 < self.links[i] and self.deep[i] <= SERIES_BOX_MAX_CHARS and series_box(self.nodes[i])

    def short_text(self, node, limit: int = 300) -> str | None:
        """node_text(node) when the element is small (at most limit characters, a few
        dozen elements), else None: byline, date and title searches read many small
        elements, and must not read a huge one once per match."""
        j = self.index.get(node.mem_id)
        if j is None:
            return node_text(node)  # outside the body (head): small by nature
        if self.deep[j] > limit or self.size[j] > 64:
            return None
        return node_text(node)

    def unit_len(self, i: int) -> int:
        """The paragraph text element i holds as a unit (p, li, pre ... of 25 characters,
        a text-holding div of 80), 0 if it is not one."""
        return self.unit[i]


# A marked element is "the page" only when it holds at least this much prose as well as
# half of it (and is not hidden, see HIDDEN).
PAGE_WIDE_MIN = 500


def _furniture(lay: Layout) -> list[bool]:
    """Furniture inherited top-down; the structural override keeps page-wide wrappers.
    A subtree is a pre-order range, so a furniture element marks its whole range at once,
    and a subtree with no prose is passed over (whether it is furniture changes no score)."""
    n = len(lay.nodes)
    total = lay.units[0] if n else 0
    furn = [False] * n
    units, size = lay.units, lay.size
    i = 0
    while i < n:
        u = units[i]
        if not u:
            i += size[i]
            continue
        level, content = lay.marker(i)
        if level >= 2 and not content and not (
                level < HIDDEN and u >= PAGE_WIDE_MIN and u >= 0.5 * total) and not (
                # a framework's page form (ASP.NET WebForms wraps the whole page in one):
                # search, sign-up and comment forms never hold the page's title
                lay.tags[i] == "form" and "h1" in lay.tags[i:i + size[i]]):  # the page itself
            end = i + size[i]
            furn[i:end] = [True] * (end - i)
            i = end
            continue
        i += 1
    return furn


def _scores(lay: Layout, furn: list[bool]) -> dict[int, float]:
    scores: dict[int, float] = {}
    parent, tags, in_link = lay.parent, lay.tags, lay.in_link
    for i in lay.prose:
        if furn[i] or in_link[i]:
            continue
        length = lay.unit[i]
        density = min(lay.own_links[i] / length, 1.0)
        score = (1 + lay.commas[i] + min(length // 100, 3) + min(lay.brs[i] // 2, 10)) * (1 - density)
        node = parent[i] if tags[i] in _P_UNITS else i
        for div in (1, 2, 3):
            if node < 0 or tags[node] == "html":
                break
            scores[node] = scores.get(node, 0.0) + score / div
            node = parent[node]
    return scores


def _good(lay: Layout, furn: list[bool]) -> list[int]:
    """Paragraph-unit text outside furniture, summed bottom-up."""
    n = len(lay.nodes)
    good = [0] * n
    in_link, unit, parent = lay.in_link, lay.unit, lay.parent
    for i in lay.prose:
        if not furn[i] and not in_link[i]:
            good[i] = unit[i]
    for i in range(n - 1, 0, -1):
        g = good[i]
        if g:
            good[parent[i]] += g
    return good


TEASER_LINK = 25     # characters: a link this long reads like a headline, not a name

CLIMB_GAIN = 1.3     # climb when the parent holds this much more paragraph text
CLIMB_LINKS = 0.3    # ... and its text is at most this share links


def layout_of(page) -> Layout:
    """The page's body measured once (cached on the page)."""
    lay = page._cache.get("generic:layout")
    if lay is None:
        lay = Layout(page.tree.body if page.tree.body is not None else page.tree.root)
        page._cache["generic:layout"] = lay
    return lay


def _top(lay: Layout, best: int, headline) -> int | None:
    """The nearest common ancestor of the headline and element best (None: no headline
    in the measured page, or the headline inside best)."""
    h = lay.index.get(headline.mem_id) if headline is not None else None
    if h is None:
        return None
    a = best
    while a >= 0 and not a <= h < a + lay.size[a]:
        a = lay.parent[a]
    return a if a != best and a >= 0 else None


def containers(lay: Layout, headline=None) -> tuple[list, list[bool]]:
    """The container(s) holding the article, in page order. With the headline element
    given, the climb stops at the nearest element holding both the headline and the
    article text: above it lies the rest of the page (rails, other stories), not more of
    this article."""
    if not lay.nodes:
        return [], []
    furn = _furniture(lay)
    scores = _scores(lay, furn)
    if not scores:
        return [], furn
    good = _good(lay, furn)
    best = max(scores, key=scores.__getitem__)
    best_score = scores[best]
    # climb to the nearest ancestor that holds clearly more article text, as long as the
    # ancestors on the way are not mostly links (one walk up, once per page)
    top = _top(lay, best, headline)
    a = lay.parent[best]
    while a >= 0 and not furn[a] and lay.nodes[a].tag != "html" and (top is None or a >= top):
        # a link-heavy ancestor ends the climb, unless the links are the container's own
        # (prose full of inline links): then only what the ancestor adds is judged
        if (lay.links[a] > CLIMB_LINKS * max(lay.deep[a], 1)
                and lay.links[a] - lay.links[best] > CLIMB_LINKS * (lay.deep[a] - lay.deep[best])):
            break
        if good[a] >= CLIMB_GAIN * good[best]:
            # what the climb would add (the ancestor minus the current container) must
            # read as prose too: a page column around the article is mostly teaser
            # links, diluted by the article's own text when judged as a whole
            best = a
            best_score = max(best_score, scores.get(a, 0.0))
        a = lay.parent[a]
    p = lay.parent[best]
    if p < 0 or lay.nodes[best].tag == "body":
        return [lay.nodes[best]], furn
    threshold = max(2.0, best_score * 0.2)
    out = []
    nxt, end = p + 1, p + lay.size[p]
    while nxt < end:  # p's children, read off the arrays: a subtree is a pre-order range
        j = nxt
        nxt += lay.size[j]
        sib = lay.nodes[j]
        if j == best:
            out.append(sib)
            continue
        if furn[j]:
            continue
        if scores.get(j, 0.0) >= threshold:
            out.append(sib)
        elif sib.tag == "p" and lay.own[j] > 80 and lay.own_links[j] < 0.25 * lay.own[j]:
            out.append(sib)
    return out, furn


def _text_dense(lay: Layout, j: int) -> bool:
    return lay.units[j] >= 200 and lay.links[j] <= 0.3 * lay.deep[j]


def read(container, lay: Layout, also_skip: "set | frozenset" = frozenset()) -> list:
    """The container's blocks, skipping furniture inside it; a marked subtree that holds
    most of the container's paragraph text is the article, not furniture. also_skip: more
    elements (their numbers) to pass over, such as lines linking to the article's other pages."""
    ci = lay.index.get(container.mem_id)
    total = lay.units[ci] if ci is not None else 0
    markers, tags, block, units = lay._markers, lay.tags, lay.block, lay.units

    def skip(j: int) -> bool:
        if also_skip and j in also_skip:
            return True
        m = markers.get(j)
        level, content = m if m is not None else lay.marker(j)
        if level == 0:
            return False
        if level >= HIDDEN:
            return True
        if tags[block[j]] == "pre":
            return False  # syntax highlighting (<span class="hljs-comment">) is the code itself
        if total and units[j] > 0.5 * total:
            return False
        if level == 1 and (content or _text_dense(lay, j)):
            return False  # a weak word ("widget", "meta") on a block of prose
        return True

    def skip_node(node) -> bool:  # an element of a stamped <template>'s content: not measured
        return marker_level(node)[0] > 0

    if ci is None:
        return collect_blocks(container, skip_node)
    return collect_measured_blocks(lay, ci, skip, skip_node)
