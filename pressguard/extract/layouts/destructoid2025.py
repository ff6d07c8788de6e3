"""Destructoid's own theme (2025-): ``h1``, ``p.post-summary``, ``a.author-name``,
``span.post-modified``, ``div.post-content``; reviews add a verdict, a score and
Pros/Cons boxes, and end with "This review is based on a retail build ...".
"""

from __future__ import annotations

from .. import common, generic
from ..authors import clean_authors
from ..blocks import collect_blocks
from ..boilerplate import is_boilerplate_node
from ..dates import parse_date
from ..page import Page
from ..strategy import Layout
from ..text import node_text

DEK = "p.post-summary"
AUTHOR = "a.author-name"
DATE = "span.post-modified"
BODY = "div.post-content"
BODY_CLASSES = ("single-post", "single-eg_reviews")


def detect(tree) -> bool:
    body = tree.body
    classes = set((body.attributes.get("class") or "").split()) if body is not None else set()
    if not classes.intersection(BODY_CLASSES):
        return False
    if tree.css_first(BODY) is None:
        return False
    return any(tree.css_first(sel) is not None for sel in (".dto-rail-column", AUTHOR, DEK))


def _h1(page: Page):
    container = page.first(BODY)
    # the h1 that precedes the body (the theme has one, but be safe about logos)
    for h in page.all("h1"):
        text = node_text(h)
        if text and text.lower() not in {n.lower() for n in page.site_names}:
            return text
    return "" if container is None else ""


def headline(page: Page) -> str:
    return _h1(page)


def dek(page: Page) -> str | None:
    return node_text(page.first(DEK)) or None


def authors(page: Page) -> list[str]:
    scope = page.first("article") or page.tree.body
    nodes = [n for n in (scope.css(AUTHOR) if scope is not None else [])
             if not generic._author_furniture(n, scope)]
    return clean_authors([node_text(n) for n in nodes], page.site_names, allow_single=True)


def published(page: Page) -> str | None:
    node = page.first(DATE)
    if node is None:
        return None
    value = node.attributes.get("datetime") or node.attributes.get("data-datetime") or node_text(node)
    return parse_date(value, page.fetched_at)


def _is_review_box(node) -> bool:
    """A Pros/Cons box: a div whose first element is an h4 reading Pros or Cons."""
    if node.tag != "div":
        return False
    child = node.child
    while child is not None and child.tag.startswith("-"):
        child = child.next
    return child is not None and child.tag == "h4" and node_text(child).lower() in ("pros", "cons")


def _skip(node) -> bool:
    return is_boilerplate_node(node) or _is_review_box(node)


def body(page: Page) -> list[str]:
    container = page.first(BODY)
    if container is None:
        return []
    return generic.filter_blocks(collect_blocks(container, _skip), headline(page), dek(page))


LAYOUT = Layout(
    name="destructoid2025",
    detect=detect,
    fields={
        "headline": [("template", headline), ("jsonld", common.headline_jsonld),
                     ("meta", common.headline_meta), ("generic", generic.headline_generic)],
        "dek": [("template", dek), ("generic", generic.dek_generic)],
        "authors": [("template", authors), ("jsonld", common.authors_jsonld),
                    ("meta", common.authors_meta), ("generic", generic.authors_dom)],
        "published": [("meta", common.published_meta), ("jsonld", common.published_jsonld),
                      ("template", published), ("generic", generic.published_dom)],
        "body": [("template", body), ("generic", generic.body_generic)],
    },
)
