"""Container element -> the paragraphs a reader sees, in page order.

One walk over the container: text accumulates until a block boundary (p, li, h2, div,
...) and is then emitted as one paragraph, so subheadings and list items come out as
paragraphs of their own, and a list split in two by an ad slot reads as one run of
items. Subtrees the ``skip`` predicate rejects (ad slots, captions, bio boxes ...)
contribute nothing but still end the paragraph before them when they are blocks.
Two ``<br>`` in a row split a paragraph, one ``<br>`` is a space. Table rows are one
paragraph each, their cells joined with " | ", except a layout table's (layout_table):
its cells are page columns, read block by block, a column of links left out.
"""

from __future__ import annotations

import re
from typing import Callable, NamedTuple

from selectolax.lexbor import LexborHTMLParser

from .boilerplate import class_level, furniture_level
from .continuation import pager_lines
from .text import BLOCK_TAGS, SKIP_TAGS, SUBHEADINGS, _children_reversed, node_text, normalize, prose_button_text

_END = object()  # block-end marker on the walk stack
_LINK_END = object()  # link-end marker
BR = _BR = "\x00"  # a <br> in a paragraph buffer (the parser never leaves NUL in text)
_BR_SPLIT = re.compile(_BR + r"\s*" + _BR + r"[\s" + _BR + r"]*")


class Block(NamedTuple):
    """One paragraph (immutable; a tuple: a page makes hundreds, and a frozen dataclass
    costs twice as much to build)."""

    text: str
    tag: str  # the element that opened the paragraph ("p", "li", "h2", ...)
    link_chars: int  # characters of text inside <a>

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


def _emit(raw: str, block_tag: str, n_links: int, out: list[Block]) -> None:
    """One paragraph buffer -> its paragraphs: two <br> in a row split it, one is a space."""
    if raw.isspace():  # indentation between block tags (most flushes): no paragraph
        return
    pieces = _BR_SPLIT.split(raw) if _BR in raw else (raw,)
    for piece in pieces:
        text = normalize(piece.replace(_BR, " ") if _BR in piece else piece)
        if text:
            out.append(Block(text, block_tag, min(n_links, len(text))))


def collect_blocks(root, skip: Callable[[object], bool] | None = None) -> list[Block]:
    """The paragraphs under root (root itself is never skipped)."""
    out: list[Block] = []
    buf: list[str] = []
    block_tag = "p"
    links = 0  # characters of link text in buf
    in_link = 0  # how many <a> the walk is inside
    tables: dict[int, bool] = {}  # layout_table's answers, by the table's mem_id

    def flush() -> None:
        nonlocal links
        _emit("".join(buf), block_tag, links, out)
        buf.clear()
        links = 0

    # An explicit stack of nodes and markers (block end, link end), not recursion:
    # malformed pages nest thousands of levels deep.
    stack: list = _children_reversed(root)
    pop, push, extend = stack.pop, stack.append, stack.extend
    while stack:
        child = pop()
        if child is _END:
            if buf:
                flush()
            continue
        if child is _LINK_END:
            in_link -= 1
            continue
        tag = child.tag
        if tag == "-text":
            t = child.text_content
            if t:
                buf.append(t)
                if in_link:
                    links += len(t.strip())
            continue
        if tag == "template" and stamped_template(child):
            if buf:
                flush()
            out.extend(collect_blocks(template_content(child), skip))
            continue
        if tag == "button":
            t = prose_button_text(child)
            if t:
                buf.append(t)
                if in_link:
                    links += len(t.strip())
            continue
        if tag[0] == "-" or tag in SKIP_TAGS or tag == "img":
            continue
        if tag == "br":
            buf.append(_BR)
            continue
        if skip is not None and skip(child):
            if tag in BLOCK_TAGS and buf:
                flush()
            continue
        if tag == "tr":
            if buf:
                flush()
            if layout_row(child, tables):  # page columns: read block by block, link columns left out
                block_tag = tag
                push(_END)
                extend([c for c in _children_reversed(child) if not link_column(c)])
                continue
            cells = [node_text(c) for c in child.iter() if c.tag in ("td", "th")]
            row = " | ".join(c for c in cells if c)
            if row:
                out.append(Block(row, "tr", 0))
            continue
        if tag in BLOCK_TAGS or _custom_block(child):
            if buf:
                flush()
            block_tag = tag
            push(_END)
        elif tag == "a":
            in_link += 1
            push(_LINK_END)
        extend(_children_reversed(child))
    if buf:
        flush()
    return out


def collect_measured_blocks(lay, root: int, skip: Callable[[int], bool],
                            skip_node: Callable[[object], bool]) -> list[Block]:
    """collect_blocks(lay.nodes[root], ...) read off a measured page
    (generic_body.Layout) instead of lexbor's tree: the measuring pass has already
    walked every element and non-blank text node in reading order (``lay.seq``), so
    this walk creates no node objects, and a skipped subtree is passed over in one step
    (it is a range of element numbers). skip(i) judges element i, skip_node a node of
    a stamped <template>'s content (read by collect_blocks).

    The one thing the measuring pass leaves out is whitespace-only text: it changes a
    paragraph only between two texts of the same buffer where neither has a space on
    that side ("<a>link</a> <b>bold</b>"), and there _space_between looks for it."""
    seq, spos, size, tags, parent = lay.seq, lay.spos, lay.size, lay.tags, lay.parent
    item_parent, item_text, item_node = lay.item_parent, lay.item_text, lay.item_node
    out: list[Block] = []
    buf: list[str] = []
    block_tag = "p"
    links = 0  # characters of link text in buf
    in_link = 0  # how many <a> the walk is inside
    # the open elements: (first, end) element range, is a block (else a link), above a
    # bottom entry no element leaves; the top's range is kept in top_first, top_end
    opened: list[tuple[int, int, bool | None]] = [(-1, len(tags), None)]
    top_first, top_end = -1, len(tags)
    last = -1  # the item of the last text in buf when only elements followed it
    tables: dict[int, bool] = {}  # layout_table's answers, by the table's mem_id
    columns: set[int] = set()  # the link columns of the layout rows read so far
    stop, n = root + size[root], len(seq)
    pos = spos[root] + 1
    while pos < n:
        x = seq[pos]
        owner = x if x >= 0 else item_parent[~x]  # the element the item is, or sits in
        while not top_first <= owner < top_end:  # ends of elements
            _, _, is_block = opened.pop()
            top_first, top_end, _ = opened[-1]
            if not is_block:
                in_link -= 1
            elif buf:
                _emit("".join(buf), block_tag, links, out)
                buf.clear()
                links, last = 0, -1
        if not root <= owner < stop:
            break
        pos += 1
        if x < 0:  # a text, a <br> or a <template>
            m = ~x
            t = item_text[m]
            if t is None:
                node = item_node[m]
                if stamped_template(node):
                    if buf:
                        _emit("".join(buf), block_tag, links, out)
                        buf.clear()
                        links, last = 0, -1
                    out.extend(collect_blocks(template_content(node), skip_node))
                continue
            if t is _BR:
                buf.append(t)
                last = -1
                continue
            if last >= 0 and not item_text[last][-1].isspace() and not t[0].isspace() \
                    and _space_between(item_node[last], item_node[m], lay.index, skip):
                buf.append(" ")
            buf.append(t)
            if in_link:
                links += len(t.strip())
            last = m
            continue
        tag = tags[x]
        if tag == "img":
            continue
        skipped = skip(x) or x in columns
        if tag == "tr" and not skipped and layout_row(lay.nodes[x], tables):
            # page columns: read block by block (as any block), link columns left out
            columns.update(lay.index.get(c.mem_id, -1) for c in lay.nodes[x].iter() if link_column(c))
            tag = "div"
        if skipped or tag == "tr":
            if buf and tag in BLOCK_TAGS:
                _emit("".join(buf), block_tag, links, out)
                buf.clear()
                links, last = 0, -1
            if not skipped:  # a table row: one paragraph, its cells joined
                cells = [node_text(c) for c in lay.nodes[x].iter() if c.tag in ("td", "th")]
                row = " | ".join(c for c in cells if c)
                if row:
                    out.append(Block(row, "tr", 0))
            pos = _after(lay, x)
            continue
        if tag in BLOCK_TAGS or ("-" in tag and _custom_block_in(tags[parent[x]])):
            if buf:
                _emit("".join(buf), block_tag, links, out)
                buf.clear()
                links, last = 0, -1
            block_tag = tags[x]
            top_first, top_end = x, x + size[x]
            opened.append((x, top_end, True))
        elif tag == "a":
            in_link += 1
            top_first, top_end = x, x + size[x]
            opened.append((x, top_end, False))
    if buf:
        _emit("".join(buf), block_tag, links, out)
    return out


_DATA_MARKS = "th, thead, caption"
# the blocks of a story's text: a cell holding two of them is a page column, not a datum
_CELL_BLOCKS = "p, h1, h2, h3, h4, h5, h6, ul, ol, blockquote, figure"


def layout_row(tr, memo: dict[int, bool]) -> bool:
    """Is this row one of a layout table's (layout_table), not a row of data? memo keeps
    each table's answer for the walk (a data table's rows ask about it once each)."""
    table = tr.parent
    while table is not None and table.tag in ("tbody", "thead", "tfoot"):
        table = table.parent
    if table is None or table.tag != "table":
        return False
    key = table.mem_id
    if key not in memo:
        memo[key] = layout_table(table)
    return memo[key]


def layout_table(table) -> bool:
    """A table that lays out the page rather than holding data: its role says so
    (role="presentation" or "none", ARIA's word for a layout table), or, with no header
    cell or caption, it is one row of columns or one column of boxes and a cell holds two
    or more blocks of text (paragraphs, headings, lists, figures), as a legacy CMS's story
    table or a migrated template's column wraps the article. Its rows are page regions,
    read block by block; a grid of cells (rows and columns, whatever they hold) is data,
    each row one paragraph, its cells joined."""
    role = (table.attributes.get("role") or "").strip().lower()
    if role in ("presentation", "none"):
        return True
    if table.css_first(_DATA_MARKS) is not None:
        return False
    rows = [[c for c in row.iter() if c.tag in ("td", "th")] for row in _rows(table)]
    if len(rows) > 1 and any(len(cells) > 1 for cells in rows):
        return False  # a grid
    return any(len(cell.css(_CELL_BLOCKS)) >= 2 for cells in rows for cell in cells)


def _rows(table):
    """The table's own rows (in its row groups), not those of a table nested in a cell."""
    for child in table.iter():
        if child.tag == "tr":
            yield child
        elif child.tag in ("tbody", "thead", "tfoot"):
            yield from (r for r in child.iter() if r.tag == "tr")


LINK_COLUMN_SHARE = 0.5  # of a layout cell's text in links: a column of links


def link_column(cell) -> bool:
    """A layout row's cell whose text is mostly links: a column of navigation, share or
    "Back to top" links beside the story, not the story (read only in layout rows)."""
    if cell.tag not in ("td", "th"):
        return False
    text = len(node_text(cell))
    if not text:
        return False
    linked = sum(len(node_text(a)) for a in cell.css("a"))
    return linked > LINK_COLUMN_SHARE * text


def _after(lay, i: int) -> int:
    """The position in lay.seq just past element i's subtree: past its last element,
    then past the texts that close it (theirs or its descendants')."""
    seq, item_parent = lay.seq, lay.item_parent
    end = i + lay.size[i]
    pos = lay.spos[end - 1] + 1
    n = len(seq)
    while pos < n:
        x = seq[pos]
        if x >= 0 or not i <= item_parent[~x] < end:
            break
        pos += 1
    return pos


def _space_between(a, b, index: dict, skip: Callable[[int], bool]) -> bool:
    """Is there a whitespace text node that collect_blocks would read between text
    nodes a and b (a before b, nothing but elements read between them)? lexbor's
    reading order from a to b, into no subtree the walk passes over."""
    target = b.mem_id
    node = a
    while True:
        nxt = node.next
        while nxt is None:  # a's ancestors hold b: this never climbs out of the page
            node = node.parent
            nxt = node.next
        node = nxt
        while True:
            if node.mem_id == target:
                return False
            tag = node.tag
            if tag == "-text":
                if node.text_content:  # non-blank texts between would be items of lay.seq
                    return True
            elif tag[0] != "-" and tag not in SKIP_TAGS and tag != "img":
                j = index.get(node.mem_id)
                child = node.first_child if j is not None and not skip(j) else None
                if child is not None:
                    node = child
                    continue
            break


# Where a custom element stands among blocks, not inside a run of text
_CONTAINERS = frozenset({"div", "section", "article", "main", "body", "aside", "blockquote", "details"})


def _custom_block(node) -> bool:
    """A custom element (a web component's tag has a hyphen: <rich-text-paragraph>) placed
    in a container, not in a paragraph's text: front ends render such components as
    blocks of their own, one paragraph each, so consecutive ones are not one paragraph."""
    if "-" not in node.tag:
        return False
    parent = node.parent
    return parent is not None and _custom_block_in(parent.tag)


def _custom_block_in(parent_tag: str) -> bool:
    """Does a custom element under this parent stand as a block (see _custom_block)?"""
    return parent_tag in _CONTAINERS or "-" in parent_tag


_TOGGLES = frozenset({"button", "a"})


def body_furniture(page, parts: list) -> Callable[[object], bool]:
    """The layouts' skip predicate for one page's body (its containers, parts):
    article_furniture, with the page's first <h1> as the title every later <h1> follows
    (section_heading), the lines that link to the article's other pages
    (continuation.pager_lines) and the images' descriptions (image_descriptions)."""
    pagers = {b.mem_id for b in pager_lines(parts, page.url)} | image_descriptions(page)

    def skip(node) -> bool:
        if node.tag == "h1":  # (the page's first <h1> looked up, once, only for a body that has one)
            return article_furniture(node, page.first("h1"))
        return node.mem_id in pagers or article_furniture(node)
    return skip


_DESCRIBED = "img[aria-describedby], picture[aria-describedby], figure[aria-describedby], " \
             "svg[aria-describedby], [role=img][aria-describedby]"


def image_descriptions(page) -> frozenset[int]:
    """The mem_ids of the elements an image names as its description (aria-describedby on
    the <img>, <picture>, <figure>, <svg> or role="img" element): its caption or its long
    description, what a screen reader reads for the picture, as much the figure's furniture
    as a <figcaption>, wherever the page puts it (an element around the image is not its
    description). One rule for the layouts' body (body_furniture) and the generic one
    (generic.body_generic); read once a page, and not at all from a source that never says
    aria-describedby."""
    found = page._cache.get("image-descriptions")
    if found is None:
        found = frozenset()
        body = page.tree.body
        if body is not None and page.may_contain("aria-describedby"):
            images: dict[str, list] = {}
            for el in body.css(_DESCRIBED):
                for ident in (el.attributes.get("aria-describedby") or "").split():
                    if '"' not in ident and "\\" not in ident:
                        images.setdefault(ident, []).append(el)
            if images:
                found = frozenset(
                    n.mem_id for n in body.css(", ".join(f'[id="{i}"]' for i in sorted(images)))
                    if not any(_holds(n, el) for el in images.get(n.attributes.get("id") or "", ())))
        page._cache["image-descriptions"] = found
    return found


def _holds(outer, node) -> bool:
    """Is node inside outer?"""
    key = outer.mem_id
    up = node.parent
    while up is not None:
        if up.mem_id == key:
            return True
        up = up.parent
    return False


def section_heading(node, title) -> bool:
    """Is node an <h1> other than title, the page's first <h1>? Such an <h1> in the body
    comes after the headline (or a logo's <h1>): a section heading of the article, as
    HTML5 sectioning templates and block patterns that reset heading levels print its
    subheadings. The title itself is furniture in a body, and a headline printed in the
    body after a logo's <h1> is dropped as the headline's text (generic.filter_blocks)."""
    return node.tag == "h1" and title is not None and node.mem_id != title.mem_id


def is_subheading(node, title) -> bool:
    """An <h2>-<h6>, or an <h1> after title, the page's first <h1> (section_heading)."""
    return node.tag in SUBHEADINGS or section_heading(node, title)


def article_furniture(node, title=None) -> bool:
    """The layouts' skip predicate: boilerplate.furniture_level, except for two kinds of
    element that hold the article's own text although they look like furniture (and an
    <h1> after title, the page's first, which is judged as a subheading: section_heading):

    * a collapsed part of the article: a hidden element that a toggle just before it
      opens (``<button aria-controls="more">Read more</button><div id="more" hidden>``);
      its text is served in the page, only folded away;
    * a "maybe" (level 1) element with the same tag and classes as a sibling that is not
      furniture: a body grouped into ``<section class="article-section">`` per
      subheading has a last section headed "Verdict", which alone reads as a review box.
    Dialogs and asides stay furniture whatever toggles them.

    Two names besides classes say what an element is, read against the same class-word
    table: a custom element's tag (``<ad-slot>``, ``<newsletter-signup>``: a component
    names itself) and an ``aria-label`` (``<div role="region" aria-label="Cookie notice">``:
    what the page tells a screen reader the region is)."""
    if node.tag == "a" and permalink_mark(node):
        return True  # a subheading's or paragraph's "#"/"¶" permalink: an icon, not the words
    if node.tag == "p" and _labelled_link(node):
        return True  # "Related: <a>another story</a>", in whatever language the template speaks
    if _player_label(node):
        return True  # a video player's box with its label ("Recommended Videos", translated)
    if node.tag == "a" and card_link(node):
        return True  # a card for another page (a bookmark card, a native ad): its title and teaser
    if node.tag == "summary" and _folds_article(node.parent):
        return True  # the fold's control ("Show full article"), not a line of the article
    if node.tag in _TOGGLES and _opens_next(node):
        return True  # "Keep reading" that unfolds what follows: a control, not text
    level = max(furniture_level(node, by_tag=not section_heading(node, title)), _named_furniture(node))
    if level == 0:
        return False
    if level == 2 and _collapsed_part(node):
        return False
    if level == 1 and _like_article_sibling(node):
        return False
    return True


LINK_LINE_MAX_LABEL = 3  # words of the label before the colon ("Related:", "Read also:")
LINK_LINE_MIN_TITLE = 3  # words of the link: another page's title, not a name or a source


def _labelled_link(p) -> bool:
    """A paragraph that is a short label ending in ":" and one link to another page's title,
    nothing else (<p><strong>Related:</strong> <a href="...">Title</a></p>): the theme's
    pointer to another story, not a sentence of the article."""
    kids = [k for k in p.iter(include_text=True)
            if not (k.tag == "-text" and not (k.text_content or "").strip())]
    if len(kids) != 2 or kids[1].tag != "a" or kids[0].tag not in ("-text", "strong", "b", "em", "span"):
        return False
    label = " ".join((kids[0].text_content if kids[0].tag == "-text" else kids[0].text(deep=True)).split())
    if not label.endswith(":") or not 1 <= len(label.split()) <= LINK_LINE_MAX_LABEL:
        return False
    href = kids[1].attributes.get("href") or ""
    return href.startswith(("http://", "https://", "/")) and \
        len(kids[1].text(deep=True).split()) >= LINK_LINE_MIN_TITLE


# What a heading-anchor plugin prints as a subheading's permalink (shown on hover)
_PERMALINK_MARKS = frozenset({"", "#", "¶", "§", "🔗", "⚓", "link", "permalink"})
# and a paragraph-permalink template at a paragraph's edge: marks only, a paragraph's words
# ("link") can be its text
_PARAGRAPH_MARKS = frozenset({"#", "¶", "§", "🔗", "⚓"})


CARD_MAX_WORDS = 80  # a card's title, teaser and site name; more is a page wrapped in a stray <a>
_CARD_BLOCKS = "h2, h3, h4, h5, h6, p, div, figure, figcaption"


def card_link(a) -> bool:
    """A link that wraps blocks (a title, a teaser paragraph, a thumbnail box) to another
    page: a card (a CMS's bookmark card for another story, a native ad unit), which a
    reader sees as one clickable tile, never as the article's sentences. Prose links wrap
    words, not blocks."""
    kid = a.child
    if kid is None or (kid.tag == "-text" and kid.next is None):
        return False  # a link around words only (most of a body's): no query
    href = (a.attributes.get("href") or "").strip()
    if not href or href.startswith("#") or a.css_first(_CARD_BLOCKS) is None:
        return False
    return len(node_text(a).split()) <= CARD_MAX_WORDS


def permalink_mark(a) -> bool:
    """A link to a place on the same page (href "#...") in a subheading or a paragraph whose
    text is a mark, not words: the heading's or the paragraph's permalink icon. A heading that
    is one link to its own anchor (<h2><a href="#x">Title</a></h2>) keeps its words."""
    if not (a.attributes.get("href") or "").startswith("#"):
        return False
    up = a.parent
    if up is not None and up.tag not in SUBHEADINGS and up.tag != "p":
        up = up.parent  # the link inside a span of the heading or paragraph
    if up is None:
        return False
    marks = _PERMALINK_MARKS if up.tag in SUBHEADINGS else _PARAGRAPH_MARKS if up.tag == "p" else ()
    return normalize(a.text(deep=True)).lower() in marks


PLAYER_LABEL_MAX_WORDS = 4


def _player_label(node) -> bool:
    """A video player's box (class "video" or "player", holding the player: a data-player
    element, <video> or <iframe>) whose only text is a short label: the player's caption
    line, in whatever language, not a paragraph of the article."""
    cls = (node.attributes.get("class") or "").lower() if node.attributes else ""
    if "video" not in cls and "player" not in cls:
        return False
    if node.css_first("[data-player], video, iframe") is None:
        return False
    words = (node.text(deep=True) or "").split()
    return 0 < len(words) <= PLAYER_LABEL_MAX_WORDS


# Attributes by which a toggle names the element it unfolds or stamps into the page.
_TOGGLE_TARGETS = ("aria-controls", "data-template", "data-target")


def toggle_target(el) -> str | None:
    """The id a toggle (<button>, <a>) names as what it opens, or None."""
    if el is None or el.tag not in _TOGGLES:
        return None
    for key in _TOGGLE_TARGETS:
        value = (el.attributes.get(key) or "").strip().lstrip("#")
        if value:
            return value
    return None


def stamped_template(node) -> bool:
    """A <template> that a toggle just before it stamps into the page ("Continue reading"
    with the rest of the article in the template): its content is served article text."""
    ident = node.attributes.get("id")
    return bool(ident) and any(toggle_target(sib) == ident for sib in _nearest_elements(node, "prev"))


def _opens_next(toggle) -> bool:
    """Does this toggle name one of the next three elements as what it opens?"""
    target = toggle_target(toggle)
    return bool(target) and any(sib.attributes.get("id") == target for sib in _nearest_elements(toggle, "next"))


def _nearest_elements(node, direction: str, count: int = 3):
    """The `count` nearest sibling elements on one side ("prev" or "next"), text and
    comment nodes skipped."""
    sib, seen = getattr(node, direction), 0
    while sib is not None and seen < count:
        if not sib.tag.startswith("-"):
            seen += 1
            yield sib
        sib = getattr(sib, direction)


def template_content(node):
    """A <template>'s content as a tree of its own (lexbor keeps it out of the element's
    children, in the template's content fragment)."""
    html = node.html or ""
    inner = html[html.index(">") + 1: html.rindex("</")] if "</" in html else ""
    return LexborHTMLParser(f"<body>{inner}</body>").body


def _folds_article(details) -> bool:
    """A lone <details> holding a run of paragraphs folds the article's rest away; a row of
    <details> (an FAQ) or one holding a single answer is content, question and all."""
    if details is None or details.tag != "details":
        return False
    if sum(1 for c in details.iter() if c.tag == "p") < 2:
        return False
    for step in ("prev", "next"):
        sib = getattr(details, step)
        while sib is not None and sib.tag.startswith("-"):
            sib = getattr(sib, step)
        if sib is not None and sib.tag == "details":
            return False
    return True


def _named_furniture(node) -> int:
    """class_level of a custom element's tag name and of an aria-label (0 when neither)."""
    tag = node.tag
    level = class_level(tag) if "-" in tag else 0
    label = node.attributes.get("aria-label") if level < 2 else None
    if label and node.tag not in ("a", "button"):  # a link's label describes where it goes
        level = max(level, class_level(label))
    return level


def _collapsed_part(node) -> bool:
    ident = node.attributes.get("id")
    if not ident or node.tag not in ("div", "section") or node.attributes.get("role") \
            or node.attributes.get("aria-modal") or _other_language(node):
        return False
    sib, seen = node.prev, 0
    while sib is not None and seen < 3:  # the toggle sits right before what it opens
        if not sib.tag.startswith("-"):
            seen += 1
            if sib.tag in _TOGGLES and sib.attributes.get("aria-controls") == ident:
                return True
        sib = sib.prev
    return False


def _other_language(node) -> bool:
    """An element in another language than the text around it (<div lang="fr" hidden>: an
    original kept beside its translation, another version of the article, not more of it)."""
    own = (node.attributes.get("lang") or "").split("-")[0].lower()
    up = node.parent
    while own and up is not None:
        around = up.attributes.get("lang") if not up.tag.startswith("-") else None
        if around:
            return around.split("-")[0].lower() != own
        up = up.parent
    return False


def _like_article_sibling(node) -> bool:
    cls = node.attributes.get("class")
    if not cls:
        return False
    for step in ("prev", "next"):
        sib = getattr(node, step)
        while sib is not None and sib.tag.startswith("-"):
            sib = getattr(sib, step)
        if sib is not None and sib.tag == node.tag and sib.attributes.get("class") == cls \
                and furniture_level(sib) == 0:
            return True
    return False
