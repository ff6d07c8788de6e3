"""Node -> clean text.

The text of an element is the concatenation of its text nodes, as a browser lays it
out: whitespace that exists in the source (between an inline tag and its neighbour)
is kept, block boundaries and ``<br>`` become a space, so no word is ever glued to
its neighbour; entities are decoded by the parser; every Unicode space (NBSP, thin
space, ideographic space, ...) becomes a plain space; invisible format characters
(zero-width space, BOM, soft hyphen, bidi marks and isolates) vanish; runs of whitespace
collapse to one space.
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


_CLOSE = object()  # marks the end of a block element on the walk stack


def _children_reversed(node) -> list:
    kids = list(node.iter(include_text=True))
    kids.reverse()
    return kids


def _collect(node, parts: list[str]) -> None:
    # An explicit stack, not recursion: malformed pages nest thousands of levels deep.
    stack: list = _children_reversed(node)
    while stack:
        child = stack.pop()
        if child is _CLOSE:
            parts.append(" ")
            continue
        tag = child.tag
        if tag == "-text":
            parts.append(child.text_content or "")
        elif tag == "br" or tag == "hr":
            parts.append(" ")
        elif tag == "img" or tag in SKIP_TAGS or tag.startswith("-"):
            continue
        elif tag in BLOCK_TAGS:
            parts.append(" ")
            stack.append(_CLOSE)
            stack.extend(_children_reversed(child))
        else:
            stack.extend(_children_reversed(child))


def node_text(node) -> str:
    """The clean, single-line text of an element (see the module docstring)."""
    if node is None:
        return ""
    if node.tag == "-text":
        return normalize(node.text_content)
    parts: list[str] = []
    _collect(node, parts)
    return normalize("".join(parts))


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


def attr(node, name: str) -> str:
    """An attribute value, normalized; "" when absent."""
    if node is None:
        return ""
    value = node.attributes.get(name)
    return normalize(value) if value else ""


def _letters(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def animated_label(node, text: str) -> str:
    """text (node's text as read), or node's aria-label when that holds the same letters
    differently spaced: a text animation (GSAP SplitText, Splitting.js) splits a title into
    one element per word and per character, which reads as "T i t l e", and keeps the
    title whole in aria-label for screen readers."""
    label = attr(node, "aria-label")
    if label and label != text and _letters(label) == _letters(text):
        return label
    return text
