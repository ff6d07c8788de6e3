"""The shared GAMURS spider: live discovery for any site of the network.

A site module only names its sections and listing-page shape. Discovery reads
the news sitemap and the Yoast sitemap index, and walks each section's
listing pages along rel=next; once discovery is done, the newest articles are
fetched first, at most `limit` of them (spider argument or PRESSGUARD_LIMIT).

With a JOBDIR, what discovery found so far and which articles were scheduled live in
`spider.state` (Scrapy's SpiderState keeps it across runs), so a crawl interrupted in
the middle of discovery resumes with the candidates it had: the discovery requests
already made are not made again (the JOBDIR's dupefilter drops them).
"""

from __future__ import annotations

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider

from .discovery import (
    declares_non_article,
    looks_like_article,
    newest_first,
    parse_listing,
    parse_sitemap,
    wanted_child_sitemap,
)
from ..sites import SITES
from .spider import PressguardSpider

SITEMAPS = ("/news-sitemap.xml", "/sitemap_index.xml")


class GamursSpider(PressguardSpider):
    #: section slugs whose listing pages are walked, e.g. ("politics", "movies")
    sections: tuple[str, ...] = ()
    #: listing page of a section; WordPress default is /<section>/
    listing_path = "/{section}/"
    #: listing pages to read per section along rel=next
    listing_depth = 2

    def __init__(self, *args, limit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.site = SITES[self.name]
        self.allowed_domains = [self.site.domain]
        self.limit = int(limit) if limit is not None else None
        #: article URL -> publication date (or None), in discovery order
        self.candidates: dict[str, str | None] = {}
        #: article URLs already handed to the scheduler (in this run or an interrupted one)
        self.scheduled: set[str] = set()
        self._scheduled_list: list[str] = []  # the same, as kept in spider.state
        self._scheduled = False
        #: what discovery found wrong (a sitemap that is not XML, a byte that is not UTF-8)
        self.discovery_problems: list[str] = []

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        if spider.limit is None:
            spider.limit = crawler.settings.getint("PRESSGUARD_LIMIT", 0) or None
        crawler.signals.connect(spider._schedule_articles, signal=signals.spider_idle)
        return spider

    def _bind_job_state(self) -> None:
        """Keep discovery's findings in spider.state (only there with a JOBDIR)."""
        state = getattr(self, "state", None)
        if state is None:
            return
        self.candidates = state.setdefault("candidates", self.candidates)
        scheduled = state.setdefault("scheduled", [])
        self.scheduled = set(scheduled)
        self._scheduled_list = scheduled

    async def discover(self):
        self._bind_job_state()
        origin = self.site.origin
        for path in SITEMAPS:
            yield scrapy.Request(origin + path, callback=self.parse_sitemap, errback=self.discovery_failed)
        yield scrapy.Request(origin + "/", callback=self.parse_listing, errback=self.discovery_failed,
                             cb_kwargs={"depth": self.listing_depth - 1})
        for section in self.sections:
            yield scrapy.Request(
                origin + self.listing_path.format(section=section),
                callback=self.parse_listing,
                errback=self.discovery_failed,
                cb_kwargs={"depth": self.listing_depth - 1},
            )

    def parse_sitemap(self, response):
        children, pages, problem = parse_sitemap(response.body)
        if problem:  # reported with the site, never a sitemap dropped in silence
            finding = f"sitemap {response.url}: {problem}"
            self.discovery_problems.append(finding)
            self.crawler.stats.inc_value("pressguard/sitemap_problems")
            self.logger.warning("%s", finding)
        for child in children:
            if wanted_child_sitemap(child):
                yield response.follow(child, callback=self.parse_sitemap, errback=self.discovery_failed)
        for url, date in pages:
            self._candidate(url, date)

    def parse_listing(self, response, depth: int):
        links, next_url = parse_listing(response.text, response.url)
        for url in links:
            self._candidate(url, None)
        if next_url and depth > 0:
            yield response.follow(next_url, callback=self.parse_listing, errback=self.discovery_failed,
                                  cb_kwargs={"depth": depth - 1})

    def _candidate(self, url: str, date: str | None) -> None:
        if not looks_like_article(url, self.site.domain):
            return
        if date or url not in self.candidates:
            self.candidates[url] = date or self.candidates.get(url)

    def _schedule_articles(self, spider):
        """On the first idle (discovery done), fetch the articles, newest first."""
        if spider is not self or self._scheduled:
            return
        self._scheduled = True
        urls = newest_first(self.candidates)[: self.limit]
        self.crawler.stats.set_value("pressguard/discovered", len(self.candidates))
        # Scheduled by an interrupted run: in the JOBDIR's queue already, or done.
        urls = [url for url in urls if url not in self.scheduled]
        if not urls:
            return
        self.scheduled.update(urls)
        self._scheduled_list.extend(urls)
        for rank, url in enumerate(urls):
            # priority keeps newest-first order through the scheduler
            request = self.article_request(url, priority=len(urls) - rank, meta={"pressguard_discovered": True})
            self.crawler.engine.crawl(request)
        raise DontCloseSpider

    def parse_article(self, response):
        # A discovered URL that turns out to be a listing or profile page is no article.
        if response.meta.get("pressguard_discovered") and declares_non_article(response.body):
            self.crawler.stats.inc_value("pressguard/skipped_non_article")
            return
        yield from super().parse_article(response)

    def discovery_failed(self, failure):
        # A missing sitemap or listing is normal on some sites; only the
        # article pages are reported as failures.
        self.logger.info("discovery: %s", failure.value)
