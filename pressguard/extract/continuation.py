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


def body_containers(first) -> list:
    """first, then the sibling containers after it that continue the article."""
    out = [first]
    tag = first.tag
    cls = frozenset((first.attributes.get("class") or "").split())
    marks = _paragraph_marks(first)
    sib = first.next
    while sib is not None:
        node, sib = sib, sib.next
        t = node.tag
        if t == "-text":
            if (node.text_content or "").strip():
                break
            continue
        if t.startswith("-") or t in SKIP_TAGS or t in _MEDIA_TAGS:
            continue
        if ends_article(node) or node.css_first("h1") is not None:
            break
        level = furniture_level(node)
        if level == 2:  # hidden, a dialog, a newsletter box ...: never the article's text
            continue
        if ((t == tag and cls and cls.issubset((node.attributes.get("class") or "").split()))
                or (marks and _has_marks(node, marks))):
            out.append(node)
            continue
        if level > 0 or not node_text(node):
            continue
        break
    return out
