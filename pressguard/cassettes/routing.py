"""Which cassette answers a request, for any spider.

pressguard's own spiders name each request's cassette (request.meta). Any other
spider just crawls: in replay, a request that names no cassette is answered from
`cassettes/<spider.name>/`, through an index from every recorded request (every
redirect hop) of every cassette there, built once per crawl on first need.

A URL recorded in one cassette: that one. In two or more: the one `-a cassette=PATH`
names, else a named failure naming them all (never a silent pick). In none: the
handler's CassetteMiss, told how many cassettes were searched where.
"""

from __future__ import annotations

import logging
from pathlib import Path

from scrapy.exceptions import IgnoreRequest
from vcr.request import Request as VcrRequest

from .store import CACHE, CassetteError, find_cassettes
from .handler import META_CASSETTE, META_ROUTE_MISS, CassetteMiss, _vcr_request
from ..scrapy.page_link import ledger_for

logger = logging.getLogger(__name__)


class AmbiguousCassette(Exception):
    """A URL recorded in several cassettes, none chosen; str() names them and what to do."""


def request_key(request: VcrRequest) -> tuple:
    """What vcrpy matches a request on (cassettes.format.MATCH_ON), as one key."""
    return (request.method, request.scheme, request.host, request.port, request.path, tuple(request.query))


class CassetteIndex:
    """Request key -> the cassettes that recorded it, over a folder and the named cassettes."""

    def __init__(self, folder: Path, named: list[Path]):
        self.folder = folder
        self.named = {str(p) for p in named}
        self.unreadable: list[str] = []  # one-line reasons, said on a miss
        self.size = 0
        #: request key -> (cassettes recorded for that URL, cassettes where it is a later hop)
        self._paths: dict[tuple, tuple[list[str], list[str]]] = {}
        paths = find_cassettes([folder]) if folder.is_dir() else []
        # each file once, under the name it was given by (-a cassette= spells it as the user did)
        spelled = {_same_file(p): str(p) for p in paths}
        spelled.update({_same_file(p): p for p in self.named})
        for path in spelled.values():
            self._add(path)

    def _add(self, path: str) -> None:
        try:
            cassette = CACHE.get(path)
        except CassetteError as exc:
            if path not in self.named:  # a named one is that cassette's own failure (page_link)
                self.unreadable.append(str(exc))
            return
        self.size += 1
        for hop, recorded in enumerate(cassette.requests):
            try:
                key = request_key(recorded)
            except (AttributeError, TypeError, ValueError):
                continue  # a URI that is not a URL: replaying that cassette names it
            holders = self._paths.setdefault(key, ([], []))[0 if hop == 0 else 1]
            if path not in holders:
                holders.append(path)

    def route(self, request: VcrRequest) -> str | None:
        """The one cassette for request, None if none recorded it; AmbiguousCassette if unclear.

        A cassette recorded for this very URL (its first request) comes before one that
        only passed through it (a redirect hop of another page)."""
        origins, hops = self._paths.get(request_key(request), ([], []))
        holders = origins or hops
        if len(holders) <= 1:
            return holders[0] if holders else None
        chosen = [path for path in holders if path in self.named]
        if len(chosen) == 1:
            return chosen[0]
        listed = " and ".join(", ".join(holders).rsplit(", ", 1))
        raise AmbiguousCassette(
            f"{request.uri}: recorded in {len(holders)} cassettes, {listed}; "
            f"pass -a cassette=PATH to choose the one to replay"
        )

    def describe_miss(self) -> str:
        if not self.folder.is_dir():
            where = f"there is no folder {self.folder} to look in"
        else:
            where = f"none of the {self.size} cassettes in {self.folder} recorded it"
        if self.unreadable:
            where += f" ({len(self.unreadable)} unreadable: {'; '.join(self.unreadable[:3])})"
        return where


def _same_file(path) -> Path:
    try:
        return Path(path).resolve()
    except OSError:
        return Path(path).absolute()


class CassetteRoutingMiddleware:
    """Downloader middleware: in replay, names the cassette of every request that names none."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.ledger = ledger_for(crawler)
        self.replay = crawler.settings.get("PRESSGUARD_MODE", "replay") == "replay"
        self.cassettes_dir = Path(crawler.settings.get("PRESSGUARD_CASSETTES_DIR", "cassettes"))
        self._index: CassetteIndex | None = None

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def index(self) -> CassetteIndex:
        if self._index is None:
            spider = self.crawler.spider
            self._index = CassetteIndex(self.cassettes_dir / spider.name, self.ledger.named)
            for reason in self._index.unreadable:
                self.crawler.stats.inc_value("pressguard/cassette_unreadable")
                logger.error("%s", reason)
        return self._index

    def process_request(self, request, spider=None):
        if not self.replay or request.meta.get(META_CASSETTE):
            return None
        try:
            path = self.index().route(_vcr_request(request))
        except AmbiguousCassette:
            self.crawler.stats.inc_value("pressguard/cassette_ambiguous")
            raise
        if path is None:
            request.meta[META_ROUTE_MISS] = self._index.describe_miss()
        else:
            request.meta[META_CASSETTE] = path
        return None

    def process_response(self, request, response, spider=None):
        cassette = request.meta.get(META_CASSETTE) if self.replay else None
        if cassette:
            self.ledger.reached[str(cassette)] = response.status
        return response

    def process_exception(self, request, exception, spider=None):
        # In replay, Scrapy would only log (with a traceback) a download error of a
        # request with no errback: it becomes that page's named failure, one line,
        # counted. pressguard's spiders give every page an errback that does the same.
        # Live and record leave errors to Scrapy (a retry may still succeed).
        if not self.replay or request.errback is not None or isinstance(exception, IgnoreRequest):
            return None
        text = str(exception) or type(exception).__name__
        if request.url not in text:
            text = f"{request.url}: {text}"
        counted = isinstance(exception, (AmbiguousCassette, CassetteMiss))  # by whoever raised it
        self.ledger.fail(request.url, request.meta.get(META_CASSETTE), text,
                         stat=None if counted else "pressguard/page_failed")
        raise IgnoreRequest(text)  # named above; Scrapy drops an IgnoreRequest quietly
