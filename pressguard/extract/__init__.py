"""Article extraction: HTML page -> article item (see docs/architecture.md, "The article item").

    extract_article(html, url, *, site=None, fetched_at=None) -> dict
        keys: url, site, layout, headline, dek, authors, published, body, provenance
    extract_generic(...)   the same with no layout knowledge (layout "generic")
    detect_layout(tree)    "gamurs-blocks" | "destructoid2025" | "generic"
    extract_candidates(...) every strategy's value for every field, for cross-checks

Page budget: every page is measured before it is parsed (budget.py); a page over
``PageBudget().max_bytes`` (10 MB of HTML) or nested deeper than ``max_depth`` (5,000
elements) raises ``PageTooLarge`` (a ValueError) with the one-line message
"page too large: <url>: <what> (<figure> > <limit>)". Callers treat it as a named page
failure. ``budget=PageBudget(...)`` overrides the limits, ``budget=None`` turns them off.

Modules: text (node -> clean text), blocks (container -> paragraphs), boilerplate
(furniture markers and texts), meta, jsonld, authors, dates, page (one parse, cached
derivations), budget (size and depth limits, read before parsing), strategy (layouts as
ordered strategy lists), common (JSON-LD/meta strategies), continuation (a body continued
in a sibling container), generic (layout-free extractor), layouts/ (gamurs_blocks,
destructoid2025).

Headline: a layout's own selector first; then JSON-LD and og:title only where they agree
with the page's visible h1 (a headline-like h1 that says something else wins; the
disagreeing values stay in extract_candidates for the checks).
"""

from __future__ import annotations

from typing import Any

from .budget import DEFAULT_BUDGET, PageBudget, PageTooLarge, PageTooSlow, time_budget
from .generic import extract_generic
from .layouts import BY_NAME, LAYOUTS, detect_layout
from .page import Page, page_for, parse_page

__all__ = ["extract_article", "extract_generic", "detect_layout", "extract_candidates", "LAYOUTS",
           "PageBudget", "PageTooLarge", "PageTooSlow", "time_budget", "DEFAULT_BUDGET",
           "Page", "page_for", "parse_page", "own_item"]


def _page_and_layout(html, url, site, fetched_at, layout, budget, content_type=None):
    page = page_for(html, url, site=site, fetched_at=fetched_at, content_type=content_type, budget=budget)
    name = layout or detect_layout(page.tree, page)
    return page, BY_NAME[name]


def own_item(item: dict[str, Any]) -> dict[str, Any]:
    """The item with lists of its own: a field's value may be a list the page caches for
    its other readers (the second opinion reads the same page), and a pipeline may change
    the item's lists in place."""
    for key, value in item.items():
        if isinstance(value, list):
            item[key] = list(value)
    return item


def extract_article(html: str | bytes | Page, url: str, *, site: str | None = None,
                    fetched_at: str | None = None, layout: str | None = None,
                    budget: PageBudget | None = DEFAULT_BUDGET,
                    content_type: str | bytes | None = None) -> dict[str, Any]:
    """Extract the article of one page; layout detected from the markup unless given.
    html is the page's source (bytes read by content_type's charset, see
    pressguard.extract.decoding) or a Page already parsed (extract.page.page_for).
    Raises PageTooLarge when the page is over its budget."""
    page, lay = _page_and_layout(html, url, site, fetched_at, layout, budget, content_type)
    return own_item(lay.run(page))


def extract_candidates(html: str | bytes, url: str, *, site: str | None = None,
                       fetched_at: str | None = None,
                       layout: str | None = None,
                       budget: PageBudget | None = DEFAULT_BUDGET) -> dict[str, list[tuple[str, Any]]]:
    """{field: [(strategy, value), ...]} for every strategy of the page's layout."""
    page, lay = _page_and_layout(html, url, site, fetched_at, layout, budget)
    return lay.candidates(page)
