"""GAMURS shared Gutenberg blocks (We Got This Covered, Dot Esports, Twinfinite, ...).

Selectors are the confirmed ones of docs/gamurs.md. The template wins over JSON-LD for the
headline and the authors; when a selector stops matching (a redesign) each field falls
back to JSON-LD / meta and then to the generic extractor, and provenance says so.
"""

from __future__ import annotations

from .. import common
from ..dates import parse_date
from ..page import Page
from ..strategy import Final, Layout
from ..text import node_text

HEADLINE = "h1.wp-block-gamurs-article-header__content--title"
DEK = "div.wp-block-gamurs-article-header__content--subtitle, .wp-block-gamurs-article-header__content--subtitle"
BYLINE = ".wp-block-gamurs-article-metadata__name [data-author]"
BYLINE_BOX = ".wp-block-gamurs-article-metadata__name"
DATE = ".wp-block-gamurs-article-metadata__date-and-time"
BODY = "div.entry-content.wp-block-gamurs-article-content, .wp-block-gamurs-article-content"
# an element with a class that starts with "wp-block-gamurs-"
MARKER = '[class^="wp-block-gamurs-"], [class*=" wp-block-gamurs-"]'


def detect(tree, page=None) -> bool:
    if page is not None and not page.may_contain("wp-block-gamurs-"):
        return False
    return tree.css_first(MARKER) is not None


def headline(page: Page) -> str:
    node = page.first(HEADLINE)
    return common.headline_text(node, page) if node is not None else ""


def dek(page: Page) -> str | None:
    return common.dek_text(page.first(DEK)) or None


def authors(page: Page) -> list[str] | Final:
    """The byline's people. A byline that is there but names no person (a staff piece:
    "By Twinfinite Staff") is the answer, []: names elsewhere on the page (tiles, bio
    boxes, JSON-LD) are not this article's byline."""
    # the first byline box is the article's (found without walking the whole page, as
    # a page-wide BYLINE query would)
    box = page.first(BYLINE_BOX)
    if box is None:
        return []
    nodes = box.css("[data-author]")[: common.MAX_BYLINE_NODES]
    if nodes:
        raw = [node_text(n) or (n.attributes.get("data-author") or "").replace("-", " ").title()
               for n in nodes]
    else:
        raw = [node_text(box)]
    return common.byline_authors(raw, page)


def published(page: Page) -> str | None:
    node = page.first(DATE)
    if node is None:
        return None
    return parse_date(node.attributes.get("data-datetime") or node_text(node), page.fetched_at)


def body(page: Page) -> list[str]:
    return common.template_body(page, BODY, headline, dek)


LAYOUT = Layout(
    name="gamurs-blocks",
    detect=detect,
    fields=common.template_fields(
        headline=headline, dek=dek, authors=authors, published=published, body=body
    ),
)
