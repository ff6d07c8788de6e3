"""Container element -> the paragraphs a reader sees, in page order.

One walk over the container: text accumulates until a block boundary (p, li, h2, div,
...) and is then emitted as one paragraph, so subheadings and list items come out as
paragraphs of their own, and a list split in two by an ad slot reads as one run of
items. Subtrees the ``skip`` predicate rejects (ad slots, captions, bio boxes ...)
contribute nothing but still end the paragraph before them when they are blocks.
Two ``<br>`` in a row split a paragraph, one ``<br>`` is a space. Table rows are one
paragraph each, their cells joined with " | ".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from .text import BLOCK_TAGS, SKIP_TAGS, _children_reversed, node_text, normalize

_END = object()  # block-end marker on the walk stack
_BR = "\x00"
_BR_SPLIT = re.compile(_BR + r"\s*" + _BR + r"[\s" + _BR + r"]*")


@dataclass(frozen=True)
class Block:
    text: str
    tag: str  # the element that opened the paragraph ("p", "li", "h2", ...)
    link_chars: int  # characters of text inside <a>

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0


def collect_blocks(root, skip: Callable[[object], bool] | None = None) -> list[Block]:
    """The paragraphs under root (root itself is never skipped)."""
    out: list[Block] = []
    buf: list[str] = []
    state = {"tag": "p", "links": 0}

    def flush() -> None:
        if not buf:
            return
        raw = "".join(buf)
        buf.clear()
        links = state["links"]
        state["links"] = 0
        for piece in _BR_SPLIT.split(raw):
            text = normalize(piece.replace(_BR, " "))
            if text:
                out.append(Block(text, state["tag"], min(links, len(text))))

    # An explicit stack of (node, inside-a-link) and block-end markers, not recursion:
    # malformed pages nest thousands of levels deep.
    stack: list = [(c, False) for c in _children_reversed(root)]
    while stack:
        entry = stack.pop()
        if entry is _END:
            flush()
            continue
        child, in_link = entry
        tag = child.tag
        if tag == "-text":
            t = child.text_content
            if t:
                buf.append(t)
                if in_link:
                    state["links"] += len(t.strip())
            continue
        if tag.startswith("-") or tag in SKIP_TAGS or tag == "img":
            continue
        if tag == "br":
            buf.append(_BR)
            continue
        if skip is not None and skip(child):
            if tag in BLOCK_TAGS:
                flush()
            continue
        if tag == "tr":
            flush()
            cells = [node_text(c) for c in child.iter() if c.tag in ("td", "th")]
            row = " | ".join(c for c in cells if c)
            if row:
                out.append(Block(row, "tr", 0))
            continue
        kids = [(c, in_link or tag == "a") for c in _children_reversed(child)]
        if tag in BLOCK_TAGS:
            flush()
            state["tag"] = tag
            stack.append(_END)
        stack.extend(kids)
    flush()
    return out
