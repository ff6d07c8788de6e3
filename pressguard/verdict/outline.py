"""The body's order against the page's own table of contents: jump links ("In this article",
a TOC block) name the article's subheadings in the order the writer gave them, a record of the
order independent of how the body was rendered. Read by the completeness check.

    toc_order_finding(c) -> str | None   body: subheadings in another order than the TOC lists them
"""

from __future__ import annotations

from urllib.parse import unquote

from .body_structure import LIST_ITEM_MAX
from .page_scan import page_scan
from .wording import quote

TOC_MIN = 3  # jump links to distinct body subheadings: fewer are no table of contents
DESCENTS_MIN = 2  # one swapped pair may be a TOC edited by hand; two are the body's order


def _anchor_id(heading) -> str | None:
    """The id a jump link reaches the heading by: its own, or an anchor's inside it."""
    if heading.attributes.get("id"):
        return heading.attributes["id"]
    inner = heading.css_first("[id]")
    return inner.attributes.get("id") if inner is not None else None


def toc_order_finding(c) -> str | None:
    """A list of jump links naming TOC_MIN+ of the body's subheadings, in an order the body
    runs against (most steps, and two or more, backwards): the body's blocks are out of order
    (a cache merge, a loop run backwards).
    A link to an id the page lacks is not judged (TOC scripts add ids in the browser)."""
    if c.page is None or len(c.body) < TOC_MIN:
        return None
    # the table of contents: a list (<ul>, <ol>) of jump links; jump links elsewhere ("see
    # below", "back to top") are no record of the order. Read first: without such a list the
    # page's text index (another reading of the page) is not needed
    jumps: dict[int, list[str]] = {}
    # (the body's jump links from the page scan's walk: an <a> is never the head's)
    for link in page_scan(c.page._parsed).jump_anchors if c.page.tree.body is not None else \
            c.page.tree.css('a[href^="#"]'):
        holder = link.parent
        while holder is not None and holder.tag not in ("ul", "ol"):
            holder = holder.parent
        anchor = unquote(link.attributes.get("href") or "")[1:]
        if holder is not None and anchor:
            jumps.setdefault(holder.mem_id, []).append(anchor)
    if not any(len(set(ids)) >= TOC_MIN for ids in jumps.values()):
        return None
    position: dict[str, int] = {}
    for i, p in enumerate(c.body):
        heading = c.page.heading_of(p) if len(p) <= LIST_ITEM_MAX else None
        anchor = _anchor_id(heading) if heading is not None else None
        if anchor and anchor not in position:
            position[anchor] = i
    if len(position) < TOC_MIN:
        return None
    # the list whose jump links reach the most subheadings
    lists: dict[int, list[int]] = {}
    for holder, ids in jumps.items():
        listed = lists.setdefault(holder, [])
        for anchor in ids:
            target = position.get(anchor)
            if target is not None and target not in listed:
                listed.append(target)
    listed = max(lists.values(), key=len, default=[])
    if len(listed) < TOC_MIN:
        return None
    descents = [(a, b) for a, b in zip(listed, listed[1:]) if b < a]
    # most steps backwards: the body runs against the list (a hand-edited TOC swaps a pair)
    if len(descents) < DESCENTS_MIN or 2 * len(descents) <= len(listed) - 1:
        return None
    first, then = descents[0]
    return (f"body: its subheadings in the order the page's table of contents lists them "
            f"({quote(c.body[first], 30)} before {quote(c.body[then], 30)}), found "
            f"{quote(c.body[then], 30)} first ({len(descents)} of {len(listed) - 1} steps reversed)")
