"""Downloader middlewares of the scheduled crawl.

RetryAfterMiddleware
    Scrapy's RetryMiddleware retries a 429 or 503 at once; a site that sent
    Retry-After asked for a pause first. This middleware sits just below
    RetryMiddleware (its process_response runs first) and, when RetryMiddleware
    is about to retry the response, waits Retry-After seconds (capped by
    PRESSGUARD_RETRY_AFTER_MAX) before handing it on. Only that request waits;
    AutoThrottle keeps pacing the rest of the site. A response RetryMiddleware
    will not retry (retries used up, dont_retry, a status it does not retry)
    passes at once.

StagingMiddleware
    Gives every article request the staging cassette its answer is recorded in
    (request.meta["pressguard_cassette"]), one file per page, so the crawl knows
    exactly which cassette holds a failing page's evidence.
"""

from __future__ import annotations

import logging
import time
from email.utils import parsedate_to_datetime
from pathlib import Path

from pressguard.cassettes.store import slug_for_url
from pressguard.cassettes.handler import META_CASSETTE

logger = logging.getLogger(__name__)

DEFAULT_RETRY_AFTER_MAX = 60.0  # seconds; a site asking for more is reported, not obeyed for hours


def parse_retry_after(value: bytes | str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After value (delta-seconds or an HTTP date); None if absent
    or unreadable. A date in the past means 0."""
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("latin-1", "replace")
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None or when.tzinfo is None:
        return None
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


async def _sleep(seconds: float) -> None:
    try:
        from scrapy.utils.asyncio import sleep  # Scrapy >= 2.18
    except ImportError:  # pragma: no cover - older Scrapy
        from scrapy.utils.defer import maybe_deferred_to_future
        from twisted.internet import reactor
        from twisted.internet.task import deferLater

        await maybe_deferred_to_future(deferLater(reactor, seconds, lambda: None))
        return
    await sleep(seconds)


class RetryAfterMiddleware:
    """Wait Retry-After before RetryMiddleware retries a 429/503 (see module doc)."""

    def __init__(self, crawler):
        settings = crawler.settings
        self.crawler = crawler
        self.enabled = settings.getbool("RETRY_ENABLED", True)
        self.retry_codes = {int(code) for code in settings.getlist("RETRY_HTTP_CODES")}
        self.max_retry_times = settings.getint("RETRY_TIMES")
        self.cap = settings.getfloat("PRESSGUARD_RETRY_AFTER_MAX", DEFAULT_RETRY_AFTER_MAX)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def delay_for(self, request, response) -> float:
        """Seconds to wait before this response goes on to RetryMiddleware (0: none)."""
        if not self.enabled or response.status not in self.retry_codes:
            return 0.0
        if request.meta.get("dont_retry", False):
            return 0.0
        max_times = request.meta.get("max_retry_times", self.max_retry_times)
        if request.meta.get("retry_times", 0) >= max_times:
            return 0.0  # RetryMiddleware gives up on this one: nothing to wait for
        asked = parse_retry_after(response.headers.get(b"Retry-After"))
        if asked is None:
            return 0.0
        return min(asked, self.cap)

    async def process_response(self, request, response, spider=None):
        delay = self.delay_for(request, response)
        if delay > 0:
            stats = self.crawler.stats
            if stats is not None:
                stats.inc_value("pressguard/retry_after/waits")
                stats.inc_value("pressguard/retry_after/seconds", delay)
            logger.info("%s: HTTP %d with Retry-After %s: waiting %.1f s before the retry",
                        request.url, response.status,
                        response.headers.get(b"Retry-After", b"").decode("latin-1"), delay)
            await _sleep(delay)
        return response


def is_article_request(request) -> bool:
    """An article page request of a pressguard spider (its callback is parse_article)."""
    return getattr(request.callback, "__name__", None) == "parse_article"


class StagingMiddleware:
    """Assign each article page its own staging cassette (see module doc)."""

    def __init__(self, crawler):
        staging = crawler.settings.get("PRESSGUARD_CRAWL_STAGING")
        if not staging:
            raise ValueError("PRESSGUARD_CRAWL_STAGING is not set: the crawl names its staging folder")
        self.crawler = crawler
        self.root = Path(staging)
        self._paths: dict[str, Path] = {}  # page URL -> its staging cassette
        self._taken: set[Path] = set()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        if not is_article_request(request):
            return None
        current = request.meta.get(META_CASSETTE)
        if current and Path(current).parent.parent == self.root:
            return None  # retries and redirect hops keep the cassette of their page
        # (a request resumed from a JOBDIR may name an older run's staging folder)
        request.meta[META_CASSETTE] = str(self.path_for(request.url))
        return None

    def path_for(self, url: str) -> Path:
        path = self._paths.get(url)
        if path is None:
            site = self.crawler.spider.name
            slug = slug_for_url(url)
            path, n = self.root / site / f"{slug}.yaml", 1
            while path in self._taken:  # two pages, one slug (/movies/x/ and /tv/x/)
                n += 1
                path = self.root / site / f"{slug}-{n}.yaml"
            self._taken.add(path)
            self._paths[url] = path
        return path
