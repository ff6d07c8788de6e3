"""Destructoid's own theme (2025-): ``h1``, ``p.post-summary``, ``.author-name``,
``span.post-modified``, ``div.post-content``; reviews add a verdict, a score and
Pros/Cons boxes, and end with "This review is based on a retail build ...".
"""

from __future__ import annotations

from .. import common, generic
from ..dates import parse_date
from ..page import Page
from ..strategy import Final, Layout
from ..text import node_text

DEK = "p.post-summary"
AUTHOR = ".author-name"  # a link in the 2025 theme; a span in some bylines
DATE = "span.post-modified"
BODY = "div.post-content"
BODY_CLASSES = ("single-post", "single-eg_reviews")


def detect(tree, page=None) -> bool:
    body = tree.body
    classes = set((body.attributes.get("class") or "").split()) if body is not None else set()
    if not classes.intersection(BODY_CLASSES):
        return False
    # every WordPress post page has those body classes; a page whose source never says
    # "post-content" has no div.post-content, and a substring search is cheaper than the
    # walk over the whole tree that proves it
    if page is not None and not page.may_contain("post-content"):
        return False
    if tree.css_first(BODY) is None:
        return False
    return any(tree.css_first(sel) is not None for sel in (".dto-rail-column", AUTHOR, DEK))


def headline(page: Page) -> str:
    """The theme's one h1 (skipping a logo h1 that holds the site name)."""
    site = page.site_names_lower
    for h in page.all("h1"):
        text = common.headline_text(h, page)
        if text and text.lower() not in site:
            return text
    return ""


def dek(page: Page) -> str | None:
    return common.dek_text(page.first(DEK)) or None


def authors(page: Page) -> list[str] | Final:
    """The byline's people; a byline naming only the site ("Destructoid Staff") is []."""
    scope = page.first("article") or page.tree.body
    candidates = scope.css(AUTHOR)[: 3 * common.MAX_BYLINE_NODES] if scope is not None else []
    nodes = [n for n in candidates if not generic._author_furniture(n, scope)]
    raw = [node_text(n) for n in nodes[: common.MAX_BYLINE_NODES]]
    return common.byline_authors(raw, page)


def published(page: Page) -> str | None:
    node = page.first(DATE)
    if node is None:
        return None
    value = node.attributes.get("datetime") or node.attributes.get("data-datetime") or node_text(node)
    return parse_date(value, page.fetched_at)


def body(page: Page) -> list[str]:
    return common.template_body(page, BODY, headline, dek)


LAYOUT = Layout(
    name="destructoid2025",
    detect=detect,
    fields=common.template_fields(
        headline=headline, dek=dek, authors=authors, published=published, body=body
    ),
)
