"""Layouts as data: for each field an ordered list of named strategies.

A strategy is ``(name, fn)`` with ``fn(page) -> value``; the first strategy whose value
is valid for the field wins and its name goes into the item's provenance (``Final``: an
answer even when empty; ``Declined``: a value the strategy does not stand behind here). Layouts differ
only in their strategy lists (and their detector), so adding a site template is adding
data plus a few small selector functions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence

from .dates import RelativeDate
from .page import Page

Strategy = tuple[str, Callable[[Page], Any]]
FIELDS = ("headline", "dek", "authors", "published", "body")


@dataclass(frozen=True)
class Final:
    """A strategy's answer that ends the search even when empty: the source is there and
    says so (a byline that names only the site: authors [], not a guess from elsewhere)."""

    value: Any


@dataclass(frozen=True)
class Declined:
    """A strategy's answer that it does not stand behind on this page (a JSON-LD headline
    that the visible h1 contradicts): the search goes on, but the value is still reported
    among the candidates, so checks can see the disagreement."""

    value: Any


def valid(fieldname: str, value: Any, page: Page) -> bool:
    if fieldname == "headline":
        if not isinstance(value, str) or not value.strip():
            return False
        return value.strip().lower() not in page.site_names_lower
    if fieldname == "dek":
        return isinstance(value, str) and bool(value.strip())
    if fieldname == "authors":
        return isinstance(value, list) and bool(value)
    if fieldname == "published":
        return isinstance(value, str) and bool(value)
    if fieldname == "body":
        return isinstance(value, list) and bool(value)
    return value is not None


EMPTY: dict[str, Any] = {"headline": "", "dek": None, "authors": [], "published": None, "body": []}


@dataclass(frozen=True)
class Layout:
    name: str
    detect: Callable[..., bool]  # (tree, page=None) -> does this page use the layout?
    fields: Mapping[str, Sequence[Strategy]] = field(default_factory=dict)

    def run(self, page: Page, fields: Sequence[str] = FIELDS) -> dict[str, Any]:
        """The item of this page. fields: those to extract (all by default); one left out
        keeps its empty value (EMPTY) and no provenance, and none of its strategies runs."""
        item: dict[str, Any] = {
            "url": page.url,
            "site": page.site,
            "layout": self.name,
        }
        provenance: dict[str, str | None] = {"url": page.url_source}
        for fieldname in FIELDS:
            item[fieldname] = EMPTY[fieldname]
            provenance[fieldname] = None
            for name, fn in (self.fields.get(fieldname, ()) if fieldname in fields else ()):
                value = fn(page)
                if isinstance(value, Declined):
                    continue
                if isinstance(value, Final):
                    item[fieldname] = value.value
                    provenance[fieldname] = name
                    break
                if valid(fieldname, value, page):
                    item[fieldname] = value
                    # a date read from "2 hours ago" moves with the fetch time
                    provenance[fieldname] = f"{name}/relative" if isinstance(value, RelativeDate) else name
                    break
        if provenance["headline"] not in (None, "meta", "jsonld"):
            from .common import title_of_h1  # common builds on this module

            item["headline"], subtitle = title_of_h1(page, item["headline"])
            if subtitle and not item["dek"]:
                # the standfirst the template set inside the heading, with no element of its own
                item["dek"], provenance["dek"] = subtitle, provenance["headline"]
        item["provenance"] = provenance
        return item

    def candidates(self, page: Page) -> dict[str, list[tuple[str, Any]]]:
        """Every strategy's answer for every field (for checks that compare sources)."""
        out: dict[str, list[tuple[str, Any]]] = {}
        for fieldname in FIELDS:
            out[fieldname] = [(name, _plain(fn(page))) for name, fn in self.fields.get(fieldname, ())]
        return out


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, (Final, Declined)) else value
