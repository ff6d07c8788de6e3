"""One parsed page and everything derived from it, each computed once, on first use."""

from __future__ import annotations

import re
from functools import cached_property, lru_cache
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from ..sites import SITES, site_for_url
from ..decoding import decode_html, parser_input  # noqa: F401 (re-exported)
from .budget import DEFAULT_BUDGET, PageBudget
from .jsonld import JsonLd
from .meta import Meta

# scheme://host with no userinfo, no IPv6 literal: the common case, read without urlsplit
_PLAIN_HOST = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://([^/?#@\[\]:]*)(?=[/?#]|:\d*(?:[/?#]|\Z)|\Z)")


def hostname(url: str) -> str:
    """urlsplit(url).hostname, lowercased, "" if none (fast path for plain URLs)."""
    m = _PLAIN_HOST.match(url)
    if m is not None:
        return m.group(1).lower()
    return (urlsplit(url).hostname or "").lower()


@lru_cache(maxsize=1024)
def _site_for_host(host: str):
    return site_for_url(f"http://{host}/") if host else None


def _site_for_url(url: str):
    return _site_for_host(hostname(url))


class Page:
    def __init__(self, html: str | bytes, url: str, *, site: str | None = None,
                 fetched_at: str | None = None, tree: LexborHTMLParser | None = None,
                 content_type: str | bytes | None = None,
                 budget: PageBudget | None = DEFAULT_BUDGET) -> None:
        self.given_url = url
        self.fetched_at = fetched_at
        # raw: what the parser read (None when a tree was given); layout detectors may
        # look for a tell-tale string in it before walking the tree
        self.raw: str | bytes | None = None
        if tree is None:
            self.raw = parser_input(html, content_type)
            # before parsing: the parser's own time grows with the square of the depth
            if budget is not None:
                budget.check(self.raw, url)
            tree = LexborHTMLParser(self.raw)
        self.tree = tree
        self._site = site
        self._cache: dict[str, object] = {}

    def may_contain(self, text: str) -> bool:
        """False when the page's source lacks text (ASCII, exactly as written: meant for
        class names, which match case-sensitively in standards mode); True when it has it
        or when there is no source to look at."""
        raw = self.raw
        if raw is None:
            return True
        return (text.encode("ascii") if isinstance(raw, bytes) else text) in raw

    # -- selectors, cached: layouts ask for the same nodes more than once --------

    def first(self, selector: str):
        key = "1:" + selector
        if key not in self._cache:
            self._cache[key] = self.tree.css_first(selector)
        return self._cache[key]

    def all(self, selector: str) -> list:
        key = "*:" + selector
        if key not in self._cache:
            self._cache[key] = self.tree.css(selector)
        return self._cache[key]  # type: ignore[return-value]

    # -- derived -----------------------------------------------------------------

    @cached_property
    def meta(self) -> Meta:
        return Meta(self.tree)

    @cached_property
    def jsonld(self) -> JsonLd:
        return JsonLd(self.tree, self.url)

    @cached_property
    def url(self) -> str:
        return self.meta.canonical_url(self.given_url) or self.given_url

    @cached_property
    def url_source(self) -> str:
        return "canonical" if self.meta.canonical_url(self.given_url) else "given"

    @cached_property
    def known_site(self):
        return _site_for_url(self.given_url) or _site_for_url(self.url)

    @cached_property
    def site(self) -> str:
        if self._site:
            return self._site
        if self.known_site is not None:
            return self.known_site.name
        return hostname(self.given_url) or hostname(self.url)

    @cached_property
    def site_names_lower(self) -> frozenset[str]:
        return frozenset(n.lower() for n in self.site_names)

    @cached_property
    def site_names(self) -> list[str]:
        """Every name the site goes by on this page: never a headline, never an author."""
        names = [s.title for s in SITES.values()]
        if self.known_site is not None:
            names.insert(0, self.known_site.title)
        names += self.meta.all("og:site_name", "application-name", "apple-mobile-web-app-title")
        names += self.jsonld.organization_names()
        host = hostname(self.url)
        if host:
            bare = host[4:] if host.startswith("www.") else host
            names += [bare, bare.split(".")[0]]
        if self._site:
            names.append(self._site)
        seen: set[str] = set()
        out = []
        for n in names:
            if n and n.lower() not in seen:
                seen.add(n.lower())
                out.append(n)
        return out
