"""One parsed page and everything derived from it, each computed once, on first use.

A page is parsed once, however many consumers read it: ``Parsed`` holds the parser's
input, the lexbor tree and what several consumers derive from the tree alone (the meta
tags, the JSON-LD, the fingerprint's text index); ``Page`` adds what an extraction is
about (the URL, the site, the fetch time) and caches the layouts' questions. The
extraction, the layout-free second opinion, the template fingerprint and the checks
all read one tree; nothing here or in them changes it.

``parse_page`` keeps the last RECENT_PAGES parsed pages, keyed by their content (the
source, compared in full on a hit, and how the Content-Type's charset reads it): a spider
that extracts a response and an item pipeline that checks the item against the same
response body parse it once. Bounded, never stale.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections import OrderedDict
from functools import cached_property, lru_cache
from typing import Any, Callable
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from ..sites import SITES, site_for_url
from .decoding import header_charset, parser_input, reads_as_utf8
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


RECENT_PAGES = 4  # parsed pages kept: a response is checked soon after it is extracted


class Parsed:
    """A page's source parsed once: raw (what lexbor read, None when only a tree was
    given), the tree, and memo(), what consumers derive from the tree alone."""

    __slots__ = ("source", "charset", "raw", "tree", "budgets", "_memo", "_page", "__weakref__")

    def __init__(self, source, charset, raw, tree, budgets: set) -> None:
        self.source = source  # as given: a cache hit compares it in full
        self.charset = charset  # the Content-Type's charset it was read with (decoding.header_charset)
        self.raw = raw
        self.tree = tree
        self.budgets = budgets  # the budgets raw was measured against (each once)
        self._memo: dict[Any, Any] = {}
        self._page: weakref.ref | None = None

    def memo(self, key, make: Callable[[LexborHTMLParser], Any]):
        """make(tree), computed once per parsed page (stored only once complete: a time
        budget that interrupts make leaves nothing half-built behind)."""
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = make(self.tree)
            return value

    def check(self, budget: PageBudget | None, url: str) -> None:
        """Raise PageTooLarge when raw is over budget; each budget is measured once."""
        if budget is None or budget in self.budgets or self.raw is None:
            return
        budget.check(self.raw, url)
        self.budgets.add(budget)

    def page(self, url: str, site: str | None, fetched_at: str | None) -> "Page":
        """A Page over this tree; the last one asked for again, while it is in use, when
        the same URL, site and fetch time come back (its layouts' answers are reused).
        Held weakly: a page refers to this object, and a cycle would keep the tree's
        memory until the garbage collector's next full pass."""
        page = self._page() if self._page is not None else None
        if page is None or (page.given_url, page._site, page.fetched_at) != (url, site, fetched_at):
            page = Page(None, url, site=site, fetched_at=fetched_at, parsed=self)
            self._page = weakref.ref(page)
        return page


_RECENT: OrderedDict[tuple, Parsed] = OrderedDict()
_RECENT_LOCK = threading.Lock()


def _content_key(html: str | bytes) -> tuple:
    """A page's key among the recent ones: its length and three short samples (start,
    middle, end), not hash(html): hashing a page reads all of it (~0.2 ms for 200 KB,
    once per new source object, as each response is), and a hit is compared in full
    anyway. Two pages that share the key only take turns in the cache."""
    n = len(html)
    mid = n // 2
    return type(html), n, html[:_SAMPLE], html[mid:mid + _SAMPLE], html[-_SAMPLE:]


_SAMPLE = 256  # characters of each sample (two pages of a site of one length share their
# start and end, rarely their middle)


def _same_reading(parsed: Parsed, charset: str | None) -> bool:
    """Would the source, served with this header charset, be read as parsed read it?
    Bytes that were read as UTF-8 are read so with no charset, UTF-8 or ASCII alike (a
    spider passes the response's Content-Type, a recorded cassette's reader none)."""
    if parsed.charset == charset:
        return True
    return isinstance(parsed.raw, bytes) and reads_as_utf8(parsed.charset) and reads_as_utf8(charset)


def parse_page(html: str | bytes, content_type: str | bytes | None = None, *, url: str = "",
               budget: PageBudget | None = DEFAULT_BUDGET) -> Parsed:
    """The page parsed (by the one decoding policy, pressguard.extract.decoding), or the same
    content, read the same way, parsed a moment ago. Raises PageTooLarge, before
    parsing, when the page is over budget (budget=None: not measured)."""
    key = _content_key(html)
    charset = header_charset(content_type) if isinstance(html, bytes) else None
    with _RECENT_LOCK:
        parsed = _RECENT.get(key)
        if parsed is not None and (parsed.source is html or parsed.source == html) \
                and _same_reading(parsed, charset):
            _RECENT.move_to_end(key)
        else:
            parsed = None
    if parsed is None:
        raw = attach_shadow_roots(parser_input(html, content_type))
        # before parsing: the parser's own time grows with the square of the depth
        if budget is not None:
            budget.check(raw, url)
        parsed = Parsed(html, charset, raw, LexborHTMLParser(raw),
                        {budget} if budget is not None else set())
        with _RECENT_LOCK:
            _RECENT[key] = parsed
            _RECENT.move_to_end(key)
            while len(_RECENT) > RECENT_PAGES:
                _RECENT.popitem(last=False)
    else:
        parsed.check(budget, url)
    return parsed


# a plain substring test first (a case-insensitive regex over every page cost 1-2 ms): the
# attribute as templates write it, lower case or React's camel case. One search for the
# stem the two share, then a look at what follows each hit (a page has a dozen "shadow",
# box-shadow in its CSS): a quarter less time than searching for each spelling in turn
_SHADOW_MARKS = {str: ("shadow", ("root", "Root")), bytes: (b"shadow", (b"root", b"Root"))}


def _has_shadow_mark(raw: str | bytes) -> bool:
    stem, ends = _SHADOW_MARKS[type(raw)]
    at = raw.find(stem)
    while at >= 0:
        at += len(stem)
        if raw[at:at + 4] in ends:
            return True
        at = raw.find(stem, at)
    return False


_TEMPLATE_TAG = re.compile(rb"<(/?)template\b[^>]*>", re.I)
_SHADOW_ATTR = re.compile(rb"\sshadowroot(?:mode)?\s*=", re.I)


def attach_shadow_roots(raw: str | bytes) -> str | bytes:
    """The parser's input with each declarative shadow root (<template shadowrootmode=
    "open">, or the older shadowroot=) unwrapped into its host, as browsers attach it while
    parsing: its words are shown on the page, where lexbor would keep them in a template
    fragment no reader sees. Other templates (inert until a script stamps them) stay."""
    if not _has_shadow_mark(raw):
        return raw
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    out, last, open_tags = [], 0, []  # open_tags: is each open <template> a shadow root?
    for m in _TEMPLATE_TAG.finditer(data):
        if not m.group(1):
            shadow = _SHADOW_ATTR.search(m.group(0)) is not None
            open_tags.append(shadow)
        elif open_tags:
            shadow = open_tags.pop()
        else:
            continue
        if shadow:
            out.append(data[last:m.start()])
            last = m.end()
    out.append(data[last:])
    joined = b"".join(out)
    return joined.decode("utf-8", "surrogatepass") if isinstance(raw, str) else joined


def page_for(html: "str | bytes | Page", url: str, *, site: str | None = None,
             fetched_at: str | None = None, content_type: str | bytes | None = None,
             budget: PageBudget | None = DEFAULT_BUDGET) -> "Page":
    """The Page for these arguments: html may be a Page already (reused when it is about
    the same URL, site and fetch time, else one over its tree), or a source to parse
    (parse_page: parsed once while it is recent)."""
    if isinstance(html, Page):
        parsed = html.parsed
        parsed.check(budget, url)
        if (html.given_url, html._site, html.fetched_at) == (url, site, fetched_at):
            return html
        return parsed.page(url, site, fetched_at)
    return parse_page(html, content_type, url=url, budget=budget).page(url, site, fetched_at)


def parsed_of(source: "str | bytes | Page | Parsed", content_type: str | bytes | None = None) -> Parsed:
    """The parsed page behind a source, a Page or a Parsed (not measured against a
    budget: for consumers that read a page someone else has admitted)."""
    if isinstance(source, Parsed):
        return source
    if isinstance(source, Page):
        return source.parsed
    return parse_page(source, content_type, budget=None)


class Page:
    def __init__(self, html: str | bytes | None, url: str, *, site: str | None = None,
                 fetched_at: str | None = None, tree: LexborHTMLParser | None = None,
                 content_type: str | bytes | None = None,
                 budget: PageBudget | None = DEFAULT_BUDGET, parsed: Parsed | None = None) -> None:
        self.given_url = url
        self.fetched_at = fetched_at
        if parsed is None:
            if tree is not None:
                parsed = Parsed(None, None, None, tree, set())
            else:
                parsed = parse_page(html, content_type, url=url, budget=budget)  # type: ignore[arg-type]
        self.parsed = parsed
        # raw: what the parser read (None when a tree was given); layout detectors may
        # look for a tell-tale string in it before walking the tree
        self.raw: str | bytes | None = parsed.raw
        self.tree = parsed.tree
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
        return self.parsed.memo("meta", Meta)

    @cached_property
    def jsonld(self) -> JsonLd:
        return jsonld_of(self.parsed, self.url)

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


def jsonld_of(parsed: Parsed, url: str) -> JsonLd:
    """The page's JSON-LD read for url (the article node is the one that says it is url)."""
    return parsed.memo(("jsonld", url), lambda tree: JsonLd(tree, url))
