"""Run pressguard spiders in this process and collect what each page gave.

The CLI commands and the snapshot suite share this: one Scrapy process, one
crawler per site, items and failures gathered through Scrapy's signals. In replay
the sites' crawls run one after another (each reads its site's cassettes once);
live and record run them side by side.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field

from itemadapter import ItemAdapter
from scrapy import signals
from scrapy.crawler import CrawlerProcess
from scrapy.settings import SETTINGS_PRIORITIES, Settings
from scrapy.utils.conf import closest_scrapy_cfg
from scrapy.utils.misc import load_object
from scrapy.utils.project import get_project_settings

from .addon import Addon
from ..exit_codes import BAD_INPUT, exit_code_from_stats
from ..cassettes.handler import META_CASSETTE
from .page_link import META_CHECKS, META_VERDICT, ledger_for


# The collector's thresholds while spiders run (generation 0, 1, 2): see run_spiders.
RUN_GC_THRESHOLD = (20_000, 20, 20)


@dataclass
class PageResult:
    """One page's result: an article (item), a listing, or a named failure (error)."""

    url: str
    cassette: str | None
    item: dict | None = None
    error: str | None = None
    #: "article", "listing" (it led to led_to other pages and gave no article) or "failure"
    kind: str = ""
    led_to: int = 0

    def __post_init__(self):
        if not self.kind:
            self.kind = "failure" if self.error else "article"


@dataclass
class CrawlOutcome:
    pages: list[PageResult] = field(default_factory=list)
    exit_code: int = 0
    pages_given: int = 0  # results handed to on_result instead of kept in pages


def project_settings(overrides: dict | None = None) -> Settings:
    """The settings of the Scrapy project around the current folder (the closest
    scrapy.cfg: a user's project, or pressguard's own repository, whose scrapy.cfg
    names pressguard.scrapy.settings), else pressguard.scrapy.settings; plus overrides.

    pressguard's add-on is applied here as a crawler would apply it, so what a command
    reads from these settings (cassettes folder, mode) is what its crawlers run with."""
    if closest_scrapy_cfg():
        settings = _project_settings_keeping_environ()
    else:
        settings = Settings()
        settings.setmodule("pressguard.scrapy.settings", priority="project")
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    # pressguard's commands replay sealed whatever the project's settings say: the
    # add-on is applied here, as a crawler would apply it, and stays in ADDONS for the
    # crawlers; what a command reads from these settings is what its crawlers run with.
    addons = settings.getdict("ADDONS")
    if not any(load_object(path) is Addon for path in addons):
        addons["pressguard.Addon"] = 100
        settings.set("ADDONS", addons, priority=max(settings.getpriority("ADDONS") or 0, SETTINGS_PRIORITIES["addon"]))
    Addon().update_settings(settings)
    return settings


def _project_settings_keeping_environ() -> Settings:
    """Scrapy's get_project_settings, without the SCRAPY_SETTINGS_MODULE it leaves in
    os.environ: a later `scrapy` subprocess of this process would inherit the project."""
    saved = os.environ.get("SCRAPY_SETTINGS_MODULE")
    try:
        return get_project_settings()
    finally:
        if saved is None:
            os.environ.pop("SCRAPY_SETTINGS_MODULE", None)
        else:
            os.environ["SCRAPY_SETTINGS_MODULE"] = saved


def run_spiders(
    runs: list[tuple[str, dict]],
    overrides: dict | None = None,
    on_progress: Callable[[int], None] | None = None,
    on_result: Callable[[int, PageResult | None], None] | None = None,
) -> CrawlOutcome:
    """Run each (spider name, spider kwargs) pair; one process, run once.

    on_progress(pages done so far: articles, listings and page failures) is called as
    pages finish. on_result(run index, result), if given, receives each page's result as
    it comes instead of outcome.pages (which then stays empty, so memory does not grow
    with the run), then (run index, None) once that run's spider has given all it will.
    """
    settings = project_settings(overrides)
    settings.set("LOG_INSTALL_ROOT_HANDLER", settings.getbool("LOG_ENABLED"), priority="cmdline")
    process = CrawlerProcess(settings)  # (configures logging: the scrapy logger at DEBUG)
    with _scrapy_log_level(settings):
        return _run_spiders(process, runs, settings, on_progress, on_result)


@contextmanager
def _scrapy_log_level(settings):
    """With logging off, Scrapy's loggers at the LOG_LEVEL they would have shown, for the run.
    No handler of Scrapy's shows their records then, yet they sit below a root that Scrapy
    leaves at NOTSET, so they still made every DEBUG record: two a page ("Crawled",
    "Scraped from"). Set once CrawlerProcess has configured logging (which sets it to DEBUG)."""
    scrapy_logger = logging.getLogger("scrapy")
    before = scrapy_logger.level
    if not settings.getbool("LOG_ENABLED"):
        try:
            scrapy_logger.setLevel(settings.get("LOG_LEVEL") or logging.DEBUG)
        except (TypeError, ValueError):  # a level logging does not know: records made as before
            pass
    try:
        yield
    finally:
        scrapy_logger.setLevel(before)


def _run_spiders(process: CrawlerProcess, runs: list[tuple[str, dict]], settings: Settings, on_progress,
                 on_result) -> CrawlOutcome:
    outcome = CrawlOutcome()
    crawlers = []
    run_of: dict[int, int] = {}  # id(crawler) -> its index in runs
    ended: set[int] = set()  # runs whose ledger has been given

    def give(run: int, result: PageResult) -> None:
        if on_result is not None:
            on_result(run, result)
            outcome.pages_given += 1
        else:
            outcome.pages.append(result)

    def item_scraped(item, response, spider):
        item = _as_dict(item, response)
        # a page's result is an article the pipeline judged; a listing's link items are
        # not pages (the pipeline counts them, pressguard/not_article)
        if "verdict" in item:
            give(run_of[id(spider.crawler)], PageResult(url=response.url, cassette=response.meta.get(META_CASSETTE),
                                                        item=item))
        count(spider)

    def end_run(run: int, crawler) -> None:
        """The ledger's failures and listings of one run (complete once its engine
        stopped, after the spider's close), given once."""
        if run in ended:
            return
        ended.add(run)
        ledger = ledger_for(crawler)
        for failure in ledger.failures:
            give(run, PageResult(failure["url"], failure["cassette"], error=failure["error"]))
        for listing in ledger.listings:
            give(run, PageResult(listing["url"], listing["cassette"], kind="listing", led_to=listing["led_to"]))
        if on_result is not None:
            on_result(run, None)

    def count(*args, **kwargs) -> None:
        # a failure is only in the ledger until its run ends, so it is counted from there
        if on_progress is not None:
            pending = sum(len(ledger_for(c).failures) for c in crawlers if run_of[id(c)] not in ended)
            on_progress(len(outcome.pages) + outcome.pages_given + pending)

    # Replay runs its sites one after another, not side by side: a site's first page reads
    # every cassette of the site for its profile and baseline (pressguard.verdict.assess), so
    # its own replay, right behind, finds them still in the cassette cache; ten sites at
    # once had each cassette parsed twice (benchmarks/README-replay.md). Live and record
    # keep the sites side by side: there the time goes waiting on each site's server.
    one_at_a_time = settings.get("PRESSGUARD_MODE", "replay") == "replay"
    queued: list[tuple] = []  # (crawler, kwargs) not started yet, in run order
    started: set[int] = set()  # id(crawler) of the crawls begun
    handed_on: set[int] = set()  # id(crawler) of the crawls that started the next one
    stopping = [False]

    def start_next() -> None:
        if queued and not stopping[0]:
            crawler, kwargs = queued.pop(0)
            started.add(id(crawler))
            # a crawl that fails to start never closes its spider: its deferred hands on
            process.crawl(crawler, **kwargs).addBoth(hand_on, crawler)

    def hand_on(result, crawler):
        if id(crawler) not in handed_on:
            handed_on.add(id(crawler))
            start_next()
        return result  # a crawl's failure stays Scrapy's to report

    def closed(spider, reason) -> None:
        if reason == "shutdown":  # stopped from outside (a signal): no further site starts
            stopping[0] = True
        else:
            # here, before this crawl's deferred fires: join() in process.start() never
            # sees an empty set of crawls between two sites (that would stop the reactor)
            hand_on(None, spider.crawler)

    known = set(process.spider_loader.list())
    for run, (name, kwargs) in enumerate(runs):
        if name not in known:  # every cassette given still ends as one result
            outcome.exit_code = BAD_INPUT
            for path in _given(kwargs.get("cassette")):
                give(run, PageResult(path, path, error=(
                    f"{path}: no spider named {name!r} in this project to replay it; "
                    f"put it under cassettes/<spider>/ of one of: {', '.join(sorted(known))}")))
            ended.add(run)
            if on_result is not None:
                on_result(run, None)
            continue
        crawler = process.create_crawler(process.spider_loader.load(name))
        run_of[id(crawler)] = run
        crawler.signals.connect(item_scraped, signal=signals.item_scraped)
        for signal in (signals.response_received, signals.spider_idle, signals.spider_closed):
            crawler.signals.connect(count, signal=signal)
        if on_result is not None:
            crawler.signals.connect(
                lambda run=run, crawler=crawler: end_run(run, crawler), signal=signals.engine_stopped, weak=False
            )
        crawlers.append(crawler)
        if one_at_a_time:
            crawler.signals.connect(closed, signal=signals.spider_closed)
            queued.append((crawler, kwargs))
        else:
            started.add(id(crawler))
            process.crawl(crawler, **kwargs)
    if one_at_a_time:
        start_next()
    if crawlers:
        # What exists now (Scrapy, the extractors, the crawlers: most of the process's
        # objects) lives as long as the run: kept out of the collector's full passes, which
        # would otherwise walk it all again and again (about 5% of a replay's CPU).
        # Unfrozen after, for a process that goes on (a pytest session), unless a caller froze first.
        frozen_already = gc.get_freeze_count()
        gc.freeze()
        # A page allocates tens of thousands of short-lived containers (the extractors' and
        # the checks' lists and dicts, freed by their reference counts): at Python's default
        # of a young collection every 700, about 0.7 ms of a replayed page went to collections
        # that found nearly nothing (benchmarks/README-speed.md). Restored after the run.
        thresholds = gc.get_threshold()
        gc.set_threshold(*RUN_GC_THRESHOLD)
        try:
            process.start()
        finally:
            gc.set_threshold(*thresholds)
            if not frozen_already:
                gc.unfreeze()
    for crawler in crawlers:
        run = run_of[id(crawler)]
        if id(crawler) not in started and run not in ended:  # stopped before this site's turn
            for path in _given(runs[run][1].get("cassette")):
                give(run, PageResult(path, path, error=(
                    f"{path}: not replayed: the run was stopped before spider {runs[run][0]}'s turn; run it again")))
        end_run(run, crawler)  # a crawl that never stopped its engine: its results still count
        if id(crawler) in started:
            outcome.exit_code = max(outcome.exit_code, exit_code_from_stats(crawler.stats.get_stats()))
        else:
            outcome.exit_code = max(outcome.exit_code, BAD_INPUT)
    return outcome


def _as_dict(item, response) -> dict:
    """The item as a dict, with the verdict the pipeline could not put into it."""
    item = {key: _plain(value) for key, value in ItemAdapter(item).items()}
    if "verdict" not in item and META_VERDICT in response.meta:
        item["checks"] = response.meta[META_CHECKS]
        item["verdict"] = response.meta[META_VERDICT]
    return item


#: values that are never items: kept as they are without asking ItemAdapter
_LEAVES = frozenset({str, int, float, bool, type(None)})


def _plain(value):
    """ItemAdapter.asdict()'s conversion of one value, nested items made dicts. Its own
    asks every adapter class about every string, each paragraph of a body included:
    about 1.5 ms a page, here a type lookup (benchmarks/README-replay.md)."""
    kind = type(value)
    if kind in _LEAVES:
        return value
    if kind is list:
        return [_plain(v) for v in value]
    if kind is dict:
        return {key: _plain(v) for key, v in value.items()}
    return ItemAdapter._asdict(value)  # anything else as ItemAdapter converts it


def _given(cassette) -> list[str]:
    if not cassette:
        return []
    return cassette.split(",") if isinstance(cassette, str) else [str(p) for p in cassette]
