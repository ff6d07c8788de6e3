"""Run pressguard spiders in this process and collect what each page gave.

The CLI commands and the snapshot suite share this: one Scrapy process, one
crawler per site, items and failures gathered through Scrapy's signals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from scrapy import signals
from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from .exit_codes import exit_code_from_stats
from .handler import META_CASSETTE


@dataclass
class PageResult:
    url: str
    cassette: str | None
    item: dict | None = None
    error: str | None = None


@dataclass
class CrawlOutcome:
    pages: list[PageResult] = field(default_factory=list)
    exit_code: int = 0
    pages_given: int = 0  # results handed to on_result instead of kept in pages


def project_settings(overrides: dict | None = None) -> Settings:
    """pressguard.settings, whatever the current folder, plus overrides."""
    settings = Settings()
    settings.setmodule("pressguard.settings", priority="project")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def run_spiders(
    runs: list[tuple[str, dict]],
    overrides: dict | None = None,
    on_progress: Callable[[int], None] | None = None,
    on_result: Callable[[int, PageResult | None], None] | None = None,
) -> CrawlOutcome:
    """Run each (spider name, spider kwargs) pair; one process, run once.

    on_progress(pages done so far: items and page failures) is called as pages finish.
    on_result(run index, result), if given, receives each page's result as it comes
    instead of outcome.pages (which then stays empty, so memory does not grow with
    the run), then (run index, None) once that run's spider has given all it will.
    """
    settings = project_settings(overrides)
    settings.set("LOG_INSTALL_ROOT_HANDLER", settings.getbool("LOG_ENABLED"), priority="cmdline")
    process = CrawlerProcess(settings)
    outcome = CrawlOutcome()
    crawlers = []

    def item_scraped(item, response, spider):
        result = PageResult(url=response.url, cassette=response.meta.get(META_CASSETTE), item=dict(item))
        if on_result is not None:
            on_result(crawlers.index(spider.crawler), result)
            outcome.pages_given += 1
        else:
            outcome.pages.append(result)
        count(spider)

    def engine_stopped(index: int) -> None:
        # after spider_closed, so the spider's last-resort failures (closed()) are in
        spider = crawlers[index].spider
        for failure in getattr(spider, "page_failures", []) if spider else []:
            on_result(index, PageResult(failure["url"], failure["cassette"], error=failure["error"]))
        if spider is not None:
            spider.page_failures = []  # given: not again below
        on_result(index, None)

    def count(*args, **kwargs) -> None:
        # a failure is only in the spider's list, so it is counted at the next signal
        if on_progress is not None:
            failures = sum(len(getattr(c.spider, "page_failures", ()) if c.spider else ()) for c in crawlers)
            on_progress(len(outcome.pages) + outcome.pages_given + failures)

    for name, kwargs in runs:
        crawler = process.create_crawler(process.spider_loader.load(name))
        crawler.signals.connect(item_scraped, signal=signals.item_scraped)
        for signal in (signals.response_received, signals.spider_idle, signals.spider_closed):
            crawler.signals.connect(count, signal=signal)
        crawlers.append(crawler)
        if on_result is not None:
            crawler.signals.connect(
                lambda index=len(crawlers) - 1: engine_stopped(index), signal=signals.engine_stopped, weak=False
            )
        process.crawl(crawler, **kwargs)
    process.start()
    for index, crawler in enumerate(crawlers):
        spider = crawler.spider
        if on_result is not None and getattr(spider, "page_failures", None):
            engine_stopped(index)  # a crawl that never stopped its engine: its failures still count
        for failure in getattr(spider, "page_failures", []):
            outcome.pages.append(PageResult(failure["url"], failure["cassette"], error=failure["error"]))
        outcome.exit_code = max(outcome.exit_code, exit_code_from_stats(crawler.stats.get_stats()))
    return outcome
