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

from .boilerplate import ends_article, furniture_level
from .text import SKIP_TAGS, node_text

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
