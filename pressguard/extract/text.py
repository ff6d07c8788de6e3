"""Node -> clean text.

The text of an element is the concatenation of its text nodes, as a browser lays it
out: whitespace that exists in the source (between an inline tag and its neighbour)
is kept, block boundaries and ``<br>`` become a space, so no word is ever glued to
its neighbour; entities are decoded by the parser; every Unicode space (NBSP, thin
space, ideographic space, ...) becomes a plain space; invisible format characters
(zero-width space, BOM, soft hyphen, bidi marks and isolates) vanish; runs of whitespace
collapse to one space. Controls (``SKIP_TAGS``: scripts, forms, buttons ...) are not read,
except a ``<button>`` that is a phrase of the sentence it stands in (``prose_button_text``).
"""

from __future__ import annotations

import re

# Elements whose content is never reader-visible text.
SKIP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
        "embed", "canvas", "video", "audio", "select", "option", "textarea", "input",
        "button", "head", "title", "meta", "link", "base", "source", "track", "map",
        "dialog",
    }
)

# Section headings; SUBHEADINGS are those that may sit inside an article body under its title.
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
SUBHEADINGS = HEADINGS - {"h1"}

# Elements that start a new line when rendered: their edges are word boundaries.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details",
        "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend",
        "li", "listing", "main", "menu", "nav", "ol", "p", "pre", "section", "summary",
        "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul", "xmp",
    }
)

_WS = re.compile(r"\s+")  # str patterns: \s covers NBSP, U+2009, U+202F, U+3000 ...
# zero-width space, BOM, soft hyphen, word joiner, LRM, RLM, the Arabic letter mark and
# the bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) a bidi-safe
# template wraps names and dates in. Not ZWJ/ZWNJ: they join emoji and shape scripts.
_INVISIBLE = re.compile("[\u200b\ufeff\u00ad\u2060\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


def normalize(text: str | None) -> str:
    """Collapse whitespace (any Unicode space counts), drop invisible characters, strip."""
    if not text:
        return ""
    # (every invisible character is non-ASCII: an ASCII text, most of a page's, is not searched)
    if not text.isascii() and _INVISIBLE.search(text) is not None:
        text = _INVISIBLE.sub("", text)
    # str.split() splits on exactly the characters \s matches in a str pattern (any
    # Unicode space), and is several times faster than a regex substitution
    return " ".join(text.split())


# Where edge_marked_text puts an inline element's start and end: a character no parsed text
# holds (the HTML parser reads a NUL in the source as U+FFFD).
EDGE = "\x00"


def _children_reversed(node) -> list:
    kids = list(node.iter(include_text=True))
    kids.reverse()
    return kids


# An inline element styled as a box of its own with a side margin: a word-by-word headline
# animation (React's title.split(" ").map(w => <span style={{display: "inline-block",
# marginRight: "0.25em"}}>)) prints its words with no space between the spans, the gaps
# being the margins. A reader sees separate words. Without the margin the boxes touch (a
# per-letter split, an ad box inside a word): no boundary.
_BOX_DISPLAY = re.compile(r"display:\s*inline-(?:block|flex|grid)\b", re.I)
_SIDE_MARGIN = re.compile(r"margin(?:-(?:right|left|inline|inline-start|inline-end))?:\s*([^;]*)", re.I)


def spaced_box(node) -> bool:
    """Is this inline element (a <span>) a box with a margin on a side, set apart from its
    neighbours as words are?"""
    style = node.attributes.get("style")
    if not style or "margin" not in style or _BOX_DISPLAY.search(style) is None:
        return False
    for m in _SIDE_MARGIN.finditer(style):
        prop, values = m.group(0).split(":", 1)[0].lower(), m.group(1).split()
        if prop == "margin" and len(values) >= 2:
            values = values[1::2][:2]  # "margin: 0 0.25em" / "0 .25em 0 0": right and left
        if any(_nonzero(v) for v in values):
            return True
    return False


def _nonzero(length: str) -> bool:
    return any(ch in "123456789" for ch in length.split("!")[0]) and not length.startswith("-")


def _collect(node, parts: list[str], edges: frozenset[str] | None = None) -> None:
    # An explicit stack, not recursion: malformed pages nest thousands of levels deep.
    stack: list = _children_reversed(node)
    while stack:
        child = stack.pop()
        if child.__class__ is str:  # an element's end on the stack: what it reads as
            parts.append(child)
            continue
        tag = child.tag
        if tag == "-text":
            parts.append(child.text_content or "")
        elif tag == "br" or tag == "hr":
            parts.append(" ")
        elif tag == "img" or tag.startswith("-"):
            continue
        elif tag in SKIP_TAGS:
            if tag == "button":
                parts.append(prose_button_text(child) or "")
            continue
        elif tag in BLOCK_TAGS:
            parts.append(" ")
            stack.append(" ")  # a block's end is a word boundary
            stack.extend(_children_reversed(child))
        elif tag == "span" and spaced_box(child):  # (spans only: the one tag such splits use, and a cheap test)
            parts.append(" ")
            stack.append(" ")  # a box set apart by its margin: its edges are word boundaries
            stack.extend(_children_reversed(child))
        else:
            if edges is not None and tag in edges:
                parts.append(EDGE)
                stack.append(EDGE)
            stack.extend(_children_reversed(child))


# A <button> that is a phrase of the sentence around it (a glossary term's tooltip trigger,
# a name that opens a profile card) is read with the sentence: dropping it leaves a hole in
# the prose. Interface buttons (Share, Load more, a menu toggle, an icon, a submit button, a
# button standing alone) stay unread. prose_button_text decides, for every reading of a page
# (node_text, blocks.collect_blocks, generic_body's measuring pass), so they all agree.
_PROSE_BLOCKS = frozenset({"p", "li", "dd", "blockquote", "td"})
_LABEL_TAGS = frozenset({"span", "b", "strong", "em", "i", "abbr", "dfn", "mark", "small", "u", "cite", "q"})
# a control's label opens with its verb ("Load more", "Sign up", "Show comments")
_CONTROL_WORDS = frozenset(
    """share subscribe sign log login logout menu close open load show hide play pause stop copy copied
    follow unfollow like save print email reply comment comments search submit next previous prev back
    expand collapse toggle read listen watch download buy shop add vote report cancel ok accept agree
    dismiss skip continue more less view see tweet send join register get try learn click tap""".split())
_PHRASE_END = frozenset(".,;:!?)]”’'\"…")
PROSE_BUTTON_WORDS = 6  # a term or a name, not a sentence
PROSE_BUTTON_CHARS = 60
PROSE_BLOCK_WORDS = 8  # the block around it is a sentence, not a toolbar's label


def _label(button) -> str | None:
    """The button's words when it holds only text and text-holding inline elements (an
    element without text is an icon), else None."""
    parts = []
    for node in button.traverse(include_text=True):
        tag = node.tag
        if tag == "-text":
            parts.append(node.text_content or "")
        elif node.mem_id != button.mem_id and (tag not in _LABEL_TAGS or not node.text(deep=True).strip()):
            return None
    return normalize("".join(parts))


def _beside(node, forward: bool) -> str | None:
    """The first non-blank text read right after (before) node among its siblings, with the
    whitespace between; the whitespace alone at a block's edge or a line break; None when
    there is nothing (look a level up)."""
    sib = node.next if forward else node.prev
    space = ""  # whitespace between: the edge is a word boundary
    while sib is not None:
        tag = sib.tag
        text = None
        if tag == "-text":
            text = sib.text_content
        elif tag in BLOCK_TAGS or tag == "br":
            return space
        elif tag not in SKIP_TAGS and tag != "img" and not tag.startswith("-"):
            text = sib.text(deep=True)
        if text:
            if text.strip():
                return space + text if forward else text + space
            space = " "
        sib = sib.next if forward else sib.prev
    return None  # (a space alone says nothing: normalize collapses the one added at the edge)


def prose_button_text(node) -> str | None:
    """The words a reader reads in this <button> as part of the sentence it stands in, or
    None for a control. Read: a short label of words (no control's verb opening it, no icon),
    not hidden, no form's, with the sentence's words before it and its words or the phrase's
    punctuation after it, inside a paragraph-like block (p, li, dd, blockquote, td) of a
    sentence's length. A button is a box of its own: where it touches a letter, a space
    stands ("professor<button>Thomas Malone</button>" reads as two words)."""
    if node.tag != "button":
        return None
    attrs = node.attributes
    if attrs.get("type") in ("submit", "reset") or "hidden" in attrs or "form" in attrs \
            or attrs.get("aria-hidden") == "true":
        return None
    label = _label(node)
    if not label or len(label) > PROSE_BUTTON_CHARS or not any(ch.isalpha() for ch in label):
        return None
    words = label.split()
    if len(words) > PROSE_BUTTON_WORDS or words[0].strip("+×›»→…").casefold() in _CONTROL_WORDS:
        return None
    before = after = None
    cur = node
    while before is None or after is None:
        before = _beside(cur, False) if before is None else before
        after = _beside(cur, True) if after is None else after
        parent = cur.parent
        if parent is None or parent.tag in SKIP_TAGS:
            return None
        if parent.tag in BLOCK_TAGS:
            break
        cur = parent
    block = cur.parent
    while block.tag not in BLOCK_TAGS:
        block = block.parent
    if block.tag not in _PROSE_BLOCKS or not before or not after:
        return None
    if not any(ch.isalnum() for ch in before) or \
            not (any(ch.isalnum() for ch in after) or after.lstrip()[:1] in _PHRASE_END):
        return None
    if len(block.text(deep=True).split()) < PROSE_BLOCK_WORDS:
        return None
    up = block.parent
    while up is not None:  # a form's paragraph is a control's caption
        if up.tag == "form":
            return None
        up = up.parent
    return (" " if before[-1].isalnum() else "") + label + (" " if after[0].isalnum() else "")


def node_text(node) -> str:
    """The clean, single-line text of an element (see the module docstring)."""
    if node is None:
        return ""
    if node.tag == "-text":
        return normalize(node.text_content)
    parts: list[str] = []
    _collect(node, parts)
    return normalize("".join(parts))


def edge_marked_text(node, tags: frozenset[str]) -> str:
    """node's text as node_text reads it, whitespace not yet collapsed, with EDGE where each
    element whose tag is in tags (inline ones: a, em, span ...) starts and ends: what stood on
    each side of its edge, a space or a letter touching it. node_text(node) is normalize() of
    this text without EDGE."""
    parts: list[str] = []
    _collect(node, parts, tags)
    return "".join(parts)


# "6 min read", "12-minute read": a reading-time label (the checks read its N too)
READING_TIME = re.compile(r"(?<![\d.,])(\d{1,2})\s*(?:-|–)?\s*min(?:ute)?s?\.?\s+(?:read|reading)\b", re.I)


def same_line(a, b) -> bool:
    """Whether two nodes sit in the same block (the nearest BLOCK_TAGS ancestor, or
    itself): a label such as "5 min read" never runs on across a block's edge, as "38 min"
    in one paragraph and "Read the transcript" in the next would."""
    def block(node):
        while node is not None and node.tag not in BLOCK_TAGS:
            node = node.parent
        return node.mem_id if node is not None else None
    return block(a) == block(b)


def skip_blank(node, step: str = "next"):
    """node, or the first sibling after it along step ("next" or "prev") that is not a comment
    or whitespace between tags: the element or text a reader meets there (None if none)."""
    while node is not None and (node.tag == "-comment" or (node.tag == "-text" and not (node.text_content or "").strip())):
        node = getattr(node, step)
    return node


def attr(node, name: str) -> str:
    """An attribute value, normalized; "" when absent."""
    if node is None:
        return ""
    value = node.attributes.get(name)
    return normalize(value) if value else ""


# What is not a letter or a digit: \W, and "_" (\w is str.isalnum() or "_"); one substitution
# costs a fraction of a test per character
_NOT_ALNUM = re.compile(r"[\W_]+")


def letters(text: str) -> str:
    """text case-folded, only its letters and digits kept (str.isalnum)."""
    return _NOT_ALNUM.sub("", text.casefold())


def animated_label(node, text: str) -> str:
    """text (node's text as read), or node's aria-label when that holds the same letters
    differently spaced: a text animation (GSAP SplitText, Splitting.js) splits a title into
    one element per word and per character, which reads as "T i t l e", and keeps the
    title whole in aria-label for screen readers."""
    label = attr(node, "aria-label")
    if label and label != text and letters(label) == letters(text):
        return label
    return text
