"""Which page each item and each failure of a crawl belongs to, for any spider.

An item pipeline never sees the response an item came from. PageLinkMiddleware (a
spider middleware, closest to the spider) links every item the callback yields to
its response until the item leaves the pipeline, and counts the requests each
replayed page's callback yields. The crawl's PageLedger is the one list of a crawl's
named page failures (pressguard's own spiders, the routing, the pipeline all record
there; runner.py and the scheduled crawl read it) and knows which cassettes were
reached, gave an article or led to other pages, so that every cassette named with
`-a cassette=` ends as one result: an article, a listing, or a named failure.

A listing is a page whose callback yielded follow-up requests but no item with
article fields (a front page, a section): not a failure. A page that yielded
neither an article nor a request is one.
"""

from __future__ import annotations

import logging
import weakref
from pathlib import Path

from scrapy import Request, signals

from ..cassettes.store import CassetteError, find_cassettes
from ..cassettes.handler import META_CASSETTE

logger = logging.getLogger(__name__)

#: response.meta keys where a verdict goes when the item cannot hold it (runner.py reads them)
META_CHECKS = "pressguard_checks"
META_VERDICT = "pressguard_verdict"

_LEDGERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def ledger_for(crawler) -> "PageLedger":
    """The crawl's one ledger, made on first use."""
    ledger = _LEDGERS.get(crawler)
    if ledger is None:
        ledger = _LEDGERS[crawler] = PageLedger(crawler)
    return ledger


class PageLedger:
    def __init__(self, crawler):
        self.crawler = crawler
        #: pages that gave no result, named: {"url", "cassette", "error"}
        self.failures: list[dict] = []
        #: pages that led to others but gave no article: {"url", "cassette", "led_to"} (at close)
        self.listings: list[dict] = []
        #: cassette path -> (its page's URL, requests its callback yielded)
        self.led_to: dict[str, tuple[str, int]] = {}
        #: cassette path -> HTTP status of the last answer it gave in this crawl
        self.reached: dict[str, int] = {}
        #: cassettes whose page gave an item with article fields
        self.articles: set[str] = set()
        #: cassettes given with -a cassette= to a spider that is not pressguard's
        self.named: list[Path] = []
        self._links: dict[int, tuple[object, object]] = {}
        crawler.signals.connect(self._spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self._spider_closed, signal=signals.spider_closed)
        for signal in (signals.item_dropped, signals.item_error):
            crawler.signals.connect(self._item_gone, signal=signal)

    # -- items and their pages ------------------------------------------------

    def link(self, item, response) -> None:
        # by id, holding the item: dicts cannot be weakly referenced
        self._links[id(item)] = (item, response)

    def unlink(self, item):
        """The response item came from (None if it came from none), forgotten now."""
        linked = self._links.pop(id(item), None)
        if linked is None or linked[0] is not item:
            return None
        return linked[1]

    def _item_gone(self, item, *args, **kwargs) -> None:
        self.unlink(item)

    # -- failures -------------------------------------------------------------

    def fail(self, url: str, cassette: str | None, error: str, *,
             stat: str | None = "pressguard/page_failed", log: bool = True) -> None:
        """A page's named failure: one line, counted in stats (stat None: counted by
        whoever raised it), logged, kept for the runner and the scheduled crawl."""
        error = " ".join(str(error).splitlines())
        self.failures.append({"url": url, "cassette": cassette, "error": error})
        if stat is not None:
            self.crawler.stats.inc_value(stat)
        if log:
            logger.error("%s", error)

    # -- every cassette named ends as one result --------------------------------

    def _spider_opened(self, spider) -> None:
        value = getattr(spider, "cassette", None)  # pressguard's spiders take it as an argument
        if not value or hasattr(spider, "cassette_paths"):
            return
        if self.crawler.settings.get("PRESSGUARD_MODE", "replay") != "replay":
            return  # record and live fetch what the spider asks; nothing is replayed from them
        names = value.split(",") if isinstance(value, str) else list(value)
        try:
            self.named = find_cassettes(names)
        except CassetteError as exc:
            self.fail(str(value), None, str(exc), stat="pressguard/cassette_unreadable")

    def followed(self, response) -> None:
        """response's callback yielded a request: one more page it led to."""
        cassette = cassette_of(response)
        if cassette is not None:
            _url, count = self.led_to.get(cassette, (response.url, 0))
            self.led_to[cassette] = (response.url, count + 1)

    def _spider_closed(self, spider, reason) -> None:
        failed = {str(f["cassette"]) for f in self.failures}
        for path in map(str, self.named):
            if path in failed or path in self.articles:
                continue
            if path not in self.reached:
                self.fail(path, path, f"{path}: not reached by spider {spider.name}'s crawl: no request it "
                                      f"made (from its start URLs and the links it followed) asked for its URL")
            elif path in self.led_to:
                url, count = self.led_to[path]
                self.listings.append({"url": url, "cassette": path, "led_to": count})
                self.crawler.stats.inc_value("pressguard/listing")
            else:
                self.fail(path, path, f"{path}: its page (HTTP {self.reached[path]}) gave no item with article "
                                      f"fields (headline or body) and no request to follow in spider "
                                      f"{spider.name}'s crawl; is the spider's selector for it still right?")
        self._links.clear()


class PageLinkMiddleware:
    """Spider middleware: links each item a callback yields to the response it came
    from, and counts the requests it yields (a page that only leads on is a listing)."""

    def __init__(self, crawler):
        self.ledger = ledger_for(crawler)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_spider_output(self, response, result, spider=None):
        for output in result:
            self._link(output, response)
            yield output

    async def process_spider_output_async(self, response, result, spider=None):
        async for output in result:
            self._link(output, response)
            yield output

    def _link(self, output, response) -> None:
        if response is None or output is None:
            return  # start() yields with no response
        if isinstance(output, Request):
            self.ledger.followed(response)
        else:
            self.ledger.link(output, response)


def cassette_of(response) -> str | None:
    cassette = response.meta.get(META_CASSETTE) if response is not None else None
    return str(cassette) if cassette else None
