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
) -> CrawlOutcome:
    """Run each (spider name, spider kwargs) pair; one process, run once.

    on_progress(pages done so far: items and page failures) is called as pages finish.
    """
    settings = project_settings(overrides)
    settings.set("LOG_INSTALL_ROOT_HANDLER", settings.getbool("LOG_ENABLED"), priority="cmdline")
    process = CrawlerProcess(settings)
    outcome = CrawlOutcome()
    crawlers = []

    def item_scraped(item, response, spider):
        outcome.pages.append(
            PageResult(url=response.url, cassette=response.meta.get(META_CASSETTE), item=dict(item))
        )
        count(spider)

    def count(*args, **kwargs) -> None:
        # a failure is only in the spider's list, so it is counted at the next signal
        if on_progress is not None:
            failures = sum(len(getattr(c.spider, "page_failures", ()) if c.spider else ()) for c in crawlers)
            on_progress(len(outcome.pages) + failures)

    for name, kwargs in runs:
        crawler = process.create_crawler(process.spider_loader.load(name))
        crawler.signals.connect(item_scraped, signal=signals.item_scraped)
        for signal in (signals.response_received, signals.spider_idle, signals.spider_closed):
            crawler.signals.connect(count, signal=signal)
        crawlers.append(crawler)
        process.crawl(crawler, **kwargs)
    process.start()
    for crawler in crawlers:
        spider = crawler.spider
        for failure in getattr(spider, "page_failures", []):
            outcome.pages.append(PageResult(failure["url"], failure["cassette"], error=failure["error"]))
        outcome.exit_code = max(outcome.exit_code, exit_code_from_stats(crawler.stats.get_stats()))
    return outcome
