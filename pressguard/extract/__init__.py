"""Article extraction: HTML page -> article item (see DESIGN.md, "Article item").

    extract_article(html, url, *, site=None, fetched_at=None) -> dict
        keys: url, site, layout, headline, dek, authors, published, body, provenance
    extract_generic(...)   the same with no layout knowledge (layout "generic")
    detect_layout(tree)    "gamurs-blocks" | "destructoid2025" | "generic"
    extract_candidates(...) every strategy's value for every field, for cross-checks

Modules: text (node -> clean text), blocks (container -> paragraphs), boilerplate
(furniture markers and texts), meta, jsonld, authors, dates, page (one parse, cached
derivations), strategy (layouts as ordered strategy lists), common (JSON-LD/meta
strategies), generic (layout-free extractor), layouts/ (gamurs_blocks, destructoid2025).
"""

from __future__ import annotations

from typing import Any

from .generic import extract_generic
from .layouts import BY_NAME, LAYOUTS, detect_layout
from .page import Page

__all__ = ["extract_article", "extract_generic", "detect_layout", "extract_candidates", "LAYOUTS"]


def _page_and_layout(html, url, site, fetched_at, layout):
    page = Page(html, url, site=site, fetched_at=fetched_at)
    name = layout or detect_layout(page.tree, page)
    return page, BY_NAME[name]


def extract_article(html: str | bytes, url: str, *, site: str | None = None,
                    fetched_at: str | None = None, layout: str | None = None) -> dict[str, Any]:
    """Extract the article of one page; layout detected from the markup unless given."""
    page, lay = _page_and_layout(html, url, site, fetched_at, layout)
    return lay.run(page)


def extract_candidates(html: str | bytes, url: str, *, site: str | None = None,
                       fetched_at: str | None = None,
                       layout: str | None = None) -> dict[str, list[tuple[str, Any]]]:
    """{field: [(strategy, value), ...]} for every strategy of the page's layout."""
    page, lay = _page_and_layout(html, url, site, fetched_at, layout)
    return lay.candidates(page)
