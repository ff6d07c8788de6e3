"""The base every pressguard spider stands on: cassette replay or live discovery.

With `-a cassette=PATH` (files or folders, comma-separated) a spider replays
those pages, one request per cassette, each request carrying the cassette it
came from so the download handler answers from that cassette only. With
`-a url=URL,...` it fetches those article pages (live, or recorded in record
mode). With neither, it discovers pages live (subclasses define `discover`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

import scrapy
from scrapy import signals

from ..cassettes.store import CACHE, CassetteError, find_cassettes, first_url
from ..cassettes.handler import META_CASSETTE, META_FETCHED_AT
from .page_link import ledger_for

logger = logging.getLogger(__name__)


class PressguardSpider(scrapy.Spider):
    def __init__(self, *args, cassette=None, url=None, pages=None, **kwargs):
        super().__init__(*args, **kwargs)
        # A list from the CLI (a file name may hold a comma); "a,b" from `-a cassette=`.
        names = cassette.split(",") if isinstance(cassette, str) else list(cassette or [])
        self.cassette_paths = find_cassettes(names) if names else []
        #: article pages to fetch: [(url, cassette path to record into or None)]
        self.pages = list(pages or []) + [(u, None) for u in (url.split(",") if url else [])]
        #: cassettes that gave an item or a named failure here, to find any that gave neither
        #: (the failures themselves go to the crawl's ledger, page_link.ledger_for)
        self._answered: set[str] = set()
        # One bound method for every page's request. Scrapy checks each callback for a
        # generator that returns a value by parsing its source, remembered per callback
        # object and only while that object lives: a bound method made per request dies
        # with its request, and the source was parsed again for about every other page.
        self._page_callbacks = {"callback": self.parse_article, "errback": self.page_failed}

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._callback_raised, signal=signals.spider_error)
        return spider

    async def start(self):
        for url, path in self.pages:
            try:
                request = self.article_request(url, meta={META_CASSETTE: str(path)} if path else {})
            except ValueError as exc:  # "Missing scheme in request url": this page's failure, not the run's
                self._fail(str(url), str(path) if path else None, f"{url}: not a URL Scrapy can fetch ({exc})")
                continue
            yield request
        if not self.cassette_paths and not self.pages:
            async for request in self.discover():
                yield request
        for path in self.cassette_paths:
            request = self._cassette_request(path)
            if request is not None:
                yield request

    def _cassette_request(self, path: Path) -> scrapy.Request | None:
        """The request that replays one cassette, or None after naming why it cannot.

        Whatever goes wrong with one cassette stays that cassette's failure:
        an exception here would end start() and silently skip every later one.
        """
        try:
            url = first_url(CACHE.get(path))
            problem = _not_a_page_url(url)
            if problem is None:
                return self.article_request(url, meta={META_CASSETTE: str(path)})
        except CassetteError as exc:
            problem = str(exc)
        except Exception as exc:  # noqa: BLE001 - any surprise is this cassette's failure
            problem = f"{path}: cannot replay it ({type(exc).__name__}: {exc}); record it again"
        else:
            problem = f"{path}: {problem}; record it again"
        self.crawler.stats.inc_value("pressguard/cassette_unreadable")
        self._fail(str(path), str(path), problem)
        return None

    async def discover(self):
        """Live discovery of article pages; the generic spider has none."""
        logger.error("spider %s discovers nothing live; pass -a cassette=PATH", self.name)
        return
        yield  # an async generator that yields nothing

    def article_request(self, url: str, **kwargs) -> scrapy.Request:
        return scrapy.Request(url, dont_filter=True, **self._page_callbacks, **kwargs)

    def parse_article(self, response):
        """The layout extraction; the add-on's pipeline (pressguard.verdict.pipeline) adds the
        checks and the verdict, as it does for any project's spider."""
        from ..extract import PageTooLarge, extract_article, time_budget  # the spider's heavy part

        try:
            with time_budget(self.settings.getfloat("PRESSGUARD_PAGE_SECONDS", 60), response.url):
                # the raw body and its header: the pipeline's check_article then finds this
                # page's parse in extract.page's recent pages instead of parsing it again
                item = extract_article(response.body, response.url, site=self.name,
                                       fetched_at=response.meta.get(META_FETCHED_AT),
                                       content_type=response.headers.get("Content-Type"))
        except PageTooLarge as exc:  # over the page's size/depth/time budget: named, never a hang
            self._fail(response.url, response.meta.get(META_CASSETTE), str(exc))
            return
        self._answered.add(str(response.meta.get(META_CASSETTE)))
        yield item

    def _callback_raised(self, failure, response, spider):
        """A callback that raised: that page's named failure (response is None when
        start() itself raised)."""
        if spider is not self:
            return
        url = response.url if response is not None else f"spider {self.name} start"
        cassette = response.meta.get(META_CASSETTE) if response is not None else None
        self._fail(url, cassette, f"{url}: spider error {type(failure.value).__name__}: {failure.value}")

    def page_failed(self, failure):
        request = failure.request
        self._fail(request.url, request.meta.get(META_CASSETTE), _reason(failure))

    def closed(self, reason):
        # The last line of defence: a cassette that gave neither an item nor a
        # failure (a request dropped on the way, a callback that raised) is named.
        ledger = ledger_for(self.crawler)
        answered = self._answered | {str(f["cassette"]) for f in ledger.failures}  # the add-on's parts fail there too
        for path in map(str, self.cassette_paths):
            if path not in answered:
                self._fail(path, path, f"{path}: replay gave no result (spider closed: {reason}); "
                                       "run with -v to see Scrapy's log")

    def _fail(self, url: str, cassette: str | None, error: str) -> None:
        """A page's named failure, in the crawl's one ledger (one line, counted, logged)."""
        self._answered.add(str(cassette))
        ledger_for(self.crawler).fail(url, cassette, error)


def _not_a_page_url(url) -> str | None:
    """Why a cassette's recorded URI cannot be replayed as a page, or None."""
    if not isinstance(url, str):
        return f"its recorded URI is not text ({url!r})"
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        host = None
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not host:
        return f"its recorded URI {url!r} is not an http(s) URL"
    return None


def _reason(failure) -> str:
    """One line that says what went wrong with a page."""
    exc = failure.value
    response = getattr(exc, "response", None)
    if response is not None:  # HttpError: the site answered, but not with a page
        return f"{response.url}: HTTP {response.status}"
    text = str(exc) or type(exc).__name__
    if failure.request.url not in text:
        text = f"{failure.request.url}: {text}"
    return text
