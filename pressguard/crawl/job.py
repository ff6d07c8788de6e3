"""The scheduled crawl: every selected site, live, in one Scrapy process.

Data flow, one page at a time:
    spider (live discovery, newest first, `limit`) -> handler in record mode, into the
    staging folder -> parse_article: extraction + checks (item["checks"]) -> here: the
    template compared with the site's cassettes, a page record, its cassette captured
    or dropped -> report.json / junit.xml / report.html rewritten atomically.

Politeness comes from pressguard.scrapy.settings (robots.txt obeyed, AutoThrottle, retries,
download timeout) plus RetryAfterMiddleware. Scrapy's own SIGINT/SIGTERM handling
stops the crawl gracefully (pages in flight finish); the report says "interrupted" as
soon as the signal arrives, and the crawl exits 2 without a webhook post: a scheduler's
`timeout -s TERM` is not breakage.

Verdicts: each page is healthy, drift or broken (pages.VERDICT_OF_STATUS); only broken
fails the crawl (exit 1, the webhook) unless --fail-on drift.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import traceback
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import scrapy
from scrapy import signals

from pressguard import __version__
from pressguard.cassettes.handler import META_CASSETTE
from pressguard.scrapy.page_link import ledger_for
from pressguard.progress import Progress
from pressguard.verdict import fails

from . import summary
from .evidence import Evidence
from .pages import is_challenge_page, needs_evidence, page_from_failure, page_from_item, summary_line
from .report import ReportWriter
from .state import JobState
from .webhook import post_summary, public_url

logger = logging.getLogger(__name__)

OK, FAILED, CRAWL_FAILED = 0, 1, 2


@dataclass
class CrawlOptions:
    sites: list[str]
    limit: int
    out: Path
    cassettes: Path
    webhook: str | None = None
    jobdir: Path | None = None
    proxy: str | None = None
    settings: dict = field(default_factory=dict)
    verbose: bool = False
    quiet: bool = False
    fail_on: str = "broken"  # the page verdict that fails the crawl: broken, or drift too


def _now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _stats(crawler):
    """The crawler's stats collector, or None for a crawler that never started."""
    try:
        return crawler.stats
    except RuntimeError:  # Scrapy >= 2.14: not set until the crawl starts
        return None


class _Interrupted(Exception):
    pass


SIGNALS = (signal.SIGINT, signal.SIGTERM)


class CrawlJob:
    def __init__(self, options: CrawlOptions):
        self.options = options
        self.pages: dict[tuple[str, str], dict] = {}
        self.site_meta: dict[str, dict] = {site: {"problems": []} for site in options.sites}
        self.started_at = _now()
        self.finished_at: str | None = None
        self.complete = False
        self.interrupted: str | None = None
        self.error: str | None = None
        self.error_detail: str | None = None
        self.webhook_result: dict | None = None
        self.resumed_pages = 0
        self.writer = ReportWriter(options.out)
        self.state = JobState(options.jobdir) if options.jobdir else None
        self.evidence: Evidence | None = None
        self._drained: dict[str, int] = {}
        self._crawlers = []
        self._scheduled: set[tuple[str, str]] = set()  # article pages asked for, for the count
        self.progress: Progress | None = None
        self._signal: str | None = None
        self.run_id = f"{self.started_at} pid {os.getpid()}"  # in all three report files

    # -- the run ----------------------------------------------------------------------

    def run(self) -> int:
        # Until Scrapy installs its own handlers (graceful stop), a signal is only noted:
        # raising at an arbitrary point could be swallowed or leave a half-set-up crawl.
        previous = {sig: signal.getsignal(sig) for sig in SIGNALS}
        for sig in SIGNALS:
            signal.signal(sig, self._early_signal)
        try:
            self._resume()
            self.write()  # a valid (empty, incomplete) report exists from the start
            self._check_signal()
            self.evidence = Evidence(self.options.cassettes)
            self._note_baselines()
            self._check_signal()
            self._crawl()
            self._sweep()
            self._close_meta()
            self.complete = not self.interrupted and not self.error
        except (KeyboardInterrupt, _Interrupted) as exc:
            self.interrupted = str(exc) or "SIGINT"
        except Exception as exc:  # the crawl itself failed: say so in one line, keep what was found
            logger.debug("crawl failed", exc_info=True)
            self.error = f"{type(exc).__name__}: {exc}"
            self.error_detail = traceback.format_exc()
        finally:
            self.finished_at = _now()
            if self.evidence is not None:
                self.evidence.cleanup()
        doc = self.write()
        if self.options.webhook and self._should_notify(doc):
            self.webhook_result = post_summary(self.options.webhook, doc, self.writer.paths)
            if not self.webhook_result["ok"]:
                print(f"pressguard crawl: webhook failed: {self.webhook_result['error']}", file=sys.stderr)
            doc = self.write()
        if self.complete and self.state is not None:
            self.state.clear(self.options.sites)
        self._print_summary(doc)
        for sig, handler in previous.items():
            signal.signal(sig, handler if handler is not None else signal.SIG_DFL)
        return doc["exit_code"]

    def _early_signal(self, signum, frame):
        self._signal = signal.Signals(signum).name

    def _check_signal(self) -> None:
        if self._signal:
            raise _Interrupted(self._signal)

    def _replay_early_signal(self) -> None:
        """Once Scrapy's handlers are in place, note every signal before they act on it,
        and hand them a signal that came before."""
        for sig in SIGNALS:
            scrapy_handler = signal.getsignal(sig)
            signal.signal(sig, lambda signum, frame, then=scrapy_handler: self._stopping(signum, frame, then))
        if self._signal:
            self.interrupted = self._signal
            os.kill(os.getpid(), getattr(signal, self._signal))

    def _stopping(self, signum, frame, then) -> None:
        """A signal during the crawl: the report says "interrupted" at once (the pages in
        flight still finish), then Scrapy's own handler stops the crawl gracefully."""
        from twisted.internet import reactor

        if not self.interrupted:
            self.interrupted = signal.Signals(signum).name
            reactor.callFromThread(self.write)
        if callable(then):
            then(signum, frame)

    def _resume(self) -> None:
        if self.state is None:
            return
        run, pages = self.state.load()
        if run is not None:
            self.started_at = run.get("started_at") or self.started_at
            for record in pages:
                if record["site"] in self.site_meta:
                    self.pages[(record["site"], record["url"])] = record
            self.resumed_pages = len(self.pages)
            if not self.options.quiet:
                print(f"resuming the crawl in {self.options.jobdir}: {self.resumed_pages} pages already assessed")
        self.state.start({"started_at": self.started_at, "sites": self.options.sites, "limit": self.options.limit})

    def _note_baselines(self) -> None:
        from pressguard.verdict.assess import template_baseline

        for site in self.options.sites:
            baseline = template_baseline(str(self.options.cassettes), site)
            self.site_meta[site]["baseline_pages"] = len(baseline)
            if not baseline:
                self.site_meta[site]["problems"].append(
                    f"no recorded cassettes in {self.options.cassettes / site}: template drift is not checked"
                )

    def _settings(self) -> dict:
        overrides = {
            "PRESSGUARD_MODE": "record",
            "PRESSGUARD_RECORD_MODE": "all",
            "PRESSGUARD_CASSETTES_DIR": str(self.options.cassettes),
            "PRESSGUARD_CRAWL_STAGING": str(self.evidence.staging),
            "DOWNLOAD_HANDLERS": {
                "http": "pressguard.crawl.evidence.StagingCassetteHandler",
                "https": "pressguard.crawl.evidence.StagingCassetteHandler",
            },
            "DOWNLOADER_MIDDLEWARES": {
                "pressguard.crawl.middlewares.StagingMiddleware": 100,
                # process_response runs before RetryMiddleware's (550)
                "pressguard.crawl.middlewares.RetryAfterMiddleware": 560,
            },
            "LOG_ENABLED": self.options.verbose,
        }
        overrides.update(self.options.settings)
        return overrides

    def _crawl(self) -> None:
        from scrapy.crawler import CrawlerProcess

        from pressguard.scrapy.runner import project_settings

        if self.options.proxy:  # Scrapy's HttpProxyMiddleware reads the standard variables
            os.environ["http_proxy"] = os.environ["https_proxy"] = self.options.proxy
        settings = project_settings(self._settings())
        process = CrawlerProcess(settings)
        self.progress = Progress("crawl", total=len(self.pages), unit="page", quiet=self.options.quiet)
        self._count()
        for site in self.options.sites:
            crawler = process.create_crawler(process.spider_loader.load(site))
            if self.state is not None:
                crawler.settings.set("JOBDIR", self.state.scrapy_jobdir(site), priority="cmdline")
            crawler.signals.connect(self._item_scraped, signal=signals.item_scraped)
            crawler.signals.connect(self._response_received, signal=signals.response_received)
            crawler.signals.connect(self._request_scheduled, signal=signals.request_scheduled)
            crawler.signals.connect(self._drain_signal, signal=signals.spider_idle)
            crawler.signals.connect(self._spider_closed, signal=signals.spider_closed)
            self._crawlers.append(crawler)
            started = process.crawl(crawler, limit=self.options.limit)
            started.addErrback(self._crawler_failed, site)
        from twisted.internet import reactor  # installed by now, by the first crawler

        # Scrapy installs its signal handlers "after startup"; this runs just after them.
        reactor.addSystemEventTrigger(
            "after", "startup", lambda: reactor.callLater(0, self._replay_early_signal))
        self._check_signal()
        try:
            process.start()
        finally:
            self.progress.close()  # the last count, before the summary line
        for crawler in self._crawlers:
            spider = getattr(crawler, "spider", None)
            stats = _stats(crawler)
            reason = stats.get_value("finish_reason") if stats is not None else None
            if spider is not None:
                self._drain(spider)
            if reason != "finished" and not self.error:  # "shutdown" (a signal), a CLOSESPIDER limit
                self.interrupted = self.interrupted or reason or "stopped"

    def _crawler_failed(self, failure, site: str) -> None:
        """A crawler that could not start or broke down (a setting Scrapy cannot use, say):
        the crawl failed, in one line; the other sites go on."""
        logger.debug("crawler %s failed", site, exc_info=failure.getTracebackObject())
        line = f"{site}: {failure.type.__name__}: {failure.value}"
        self.error = f"{self.error}; {line}" if self.error else line
        self.error_detail = failure.getTraceback()

    # -- signals ----------------------------------------------------------------------

    def _item_scraped(self, item, response, spider):
        site = spider.name
        item = dict(item)
        changes, recorded_layout = self._template_changes(site, response.body, item)
        record = page_from_item(
            site, item, changes=changes, challenge=is_challenge_page(response.body),
            retries=response.meta.get("retry_times", 0), recorded_layout=recorded_layout,
        )
        self._add(record, response.meta.get(META_CASSETTE))
        self._drain(spider)

    def _response_received(self, response, request, spider=None, **kwargs):
        if spider is None:
            return
        # A bot wall on sitemaps and listings leaves discovery empty: say so in the report.
        if not request.meta.get(META_CASSETTE) and is_challenge_page(response.body):
            meta = self.site_meta[spider.name]
            meta["challenge_pages"] = meta.get("challenge_pages", 0) + 1
        self._drain(spider)

    def _request_scheduled(self, request, spider=None, **kwargs):
        # an article page (parse_article assesses it), asked for the first time: a
        # redirect or a retry of it is the same page
        if spider is not None and request.callback == getattr(spider, "parse_article", None) and not (
                request.meta.get("redirect_times") or request.meta.get("retry_times")):
            self._scheduled.add((spider.name, request.url))
            self._count()

    def _count(self) -> None:
        """Pages assessed / pages scheduled so far (a crawl finds its pages as it goes)."""
        if self.progress is not None:
            self.progress.update(len(self.pages), len(self._scheduled | self.pages.keys()))

    def _drain_signal(self, *args, spider=None, **kwargs):
        if spider is not None:
            self._drain(spider)

    def _spider_closed(self, spider, reason):
        self._drain(spider)
        meta = self.site_meta[spider.name]
        meta["finish_reason"] = reason
        meta["problems"].extend(getattr(spider, "discovery_problems", []))

    def _drain(self, spider) -> None:
        """Pages the spider gave up on (the crawl's ledger of named failures) since the last look."""
        failures = ledger_for(spider.crawler).failures
        start = self._drained.get(spider.name, 0)
        self._drained[spider.name] = len(failures)
        for failure in failures[start:]:
            record = page_from_failure(spider.name, failure["url"], failure["error"])
            self._add(record, failure.get("cassette"))

    # -- one page ---------------------------------------------------------------------

    def _template_changes(self, site: str, body: bytes, item: dict) -> tuple[list[dict], str | None]:
        """(fingerprint.compare entries against the closest recorded page, that page's layout)."""
        from pressguard.verdict.assess import template_baseline
        from pressguard.verdict.fingerprint import compare, fingerprint

        try:
            baseline = template_baseline(str(self.options.cassettes), site)
            current = fingerprint(body, item)
            recorded = baseline.closest(current)
            if recorded is None:
                return [], None
            return compare(recorded, current), (recorded.get("page") or {}).get("layout")
        except Exception:  # a fingerprint bug must not stop the crawl; the template check still ran
            logger.warning("template comparison failed for %s", item.get("url"), exc_info=self.options.verbose)
            return [], None

    def _add(self, record: dict, staged: str | None) -> None:
        if needs_evidence(record):
            kind = (record["fetch_error"] or {}).get("kind", "")
            keep = record["fetch_error"] is None or kind.startswith("HTTP") or kind in ("captcha", "spider error", "redirect loop")
            if keep:
                record["cassette"] = self.evidence.capture(staged, record["site"], record["url"])
                if record["cassette"] is None and staged:
                    record["_staged"] = staged  # a redirect chain the handler saves at close
            else:
                self.evidence.discard(staged)  # a cut-off or timed-out answer is no evidence
        else:
            self.evidence.discard(staged)
        key = (record["site"], record["url"])
        self.pages.pop(key, None)
        self.pages[key] = record
        if self.state is not None:
            self.state.append({k: v for k, v in record.items() if not k.startswith("_")})
        self._print_page(record)
        self._count()
        self.write()

    def _sweep(self) -> None:
        """Evidence the handler saved only when it closed (redirect chains cut short)."""
        for record in self.pages.values():
            staged = record.pop("_staged", None)
            if staged and record.get("cassette") is None:
                record["cassette"] = self.evidence.capture(staged, record["site"], record["url"])

    def _close_meta(self) -> None:
        for crawler in self._crawlers:
            spider = getattr(crawler, "spider", None)
            collector = _stats(crawler)
            if spider is None or collector is None:
                continue
            stats = collector.get_stats()
            responses = {}
            for key, value in stats.items():
                if key.startswith("downloader/response_status_count/"):
                    responses[key.rsplit("/", 1)[1]] = value
            meta = self.site_meta[spider.name]
            meta["discovered"] = stats.get("pressguard/discovered")
            meta.setdefault("finish_reason", stats.get("finish_reason"))
            meta["stats"] = {
                "requests": stats.get("downloader/request_count", 0),
                "responses": responses,
                "retries": stats.get("retry/count", 0),
                "retries_given_up": stats.get("retry/max_reached", 0),
                "retry_after_waits": stats.get("pressguard/retry_after/waits", 0),
                "retry_after_seconds": stats.get("pressguard/retry_after/seconds", 0),
                "download_errors": stats.get("downloader/exception_count", 0),
                "robots_forbidden": stats.get("robotstxt/forbidden", 0),
                "challenge_pages": meta.get("challenge_pages", 0),
            }

    # -- the report -------------------------------------------------------------------

    def document(self) -> dict:
        pages = [{k: v for k, v in p.items() if not k.startswith("_")} for p in self.pages.values()]
        verdict = summary.build(pages, self.site_meta, self.options.sites)
        final = self.finished_at is not None
        failing = fails(verdict["verdict"], self.options.fail_on)
        if self.interrupted:
            code = CRAWL_FAILED  # stopped from outside: what it saw is in the report, but no verdict
        elif not pages or self.error:
            code = CRAWL_FAILED
        elif failing:
            code = FAILED
        elif not self.complete:
            code = CRAWL_FAILED  # nothing wrong found, but not everything was looked at
        else:
            code = OK
        doc = {
            "report_version": 1,
            "tool": "pressguard crawl",
            "run_id": self.run_id,
            "versions": {"pressguard": __version__, "scrapy": scrapy.__version__},
            "complete": self.complete and final,
            "interrupted": self.interrupted,
            "error": self.error,
            "error_detail": self.error_detail,
            "started_at": self.started_at,
            "updated_at": _now(),
            "finished_at": self.finished_at,
            "options": {
                "sites": self.options.sites,
                "limit": self.options.limit,
                "cassettes": str(self.options.cassettes),
                "captured": str(self.options.cassettes / "_captured"),
                "proxy": public_url(self.options.proxy),
                "jobdir": str(self.options.jobdir) if self.options.jobdir else None,
                "fail_on": self.options.fail_on,
            },
            "resumed_pages": self.resumed_pages,
            # healthy | degraded | broken | failed (nothing crawled), or interrupted
            "status": "interrupted" if self.interrupted else verdict["status"],
            # the worst page verdict: healthy | drift | broken (a site that gave nothing: broken)
            "verdict": verdict["verdict"],
            "exit_code": code if final else None,
            "totals": verdict["totals"],
            "sites": verdict["sites"],
            "incidents": verdict["incidents"],
            "pages": pages,
            "webhook": self.webhook_result,
        }
        return doc

    def write(self) -> dict:
        doc = self.document()
        self.writer.write(doc)
        return doc

    def _should_notify(self, doc: dict) -> bool:
        """Breakage (or drift under --fail-on drift), or nothing crawled; never after a signal."""
        if self.interrupted:
            return False
        return doc["exit_code"] == FAILED or doc["status"] == "failed"

    # -- the terminal -----------------------------------------------------------------

    def _print_page(self, record: dict) -> None:
        if self.options.quiet and record["status"] == "healthy":
            return
        label = {"healthy": "ok  ", "drifted": "DRIFT", "broken": "FAIL", "fetch-failed": "FETCH"}[record["status"]]
        line = f"{label} {record['site']} {record['url']}"
        if record["status"] != "healthy":
            reason = summary_line(record)
            line += ": " + (reason if len(reason) <= 300 else reason[:299] + "\u2026")
            if record.get("cassette"):
                line += f" [captured {record['cassette']}]"
        with self.progress.printing() if self.progress is not None else nullcontext():
            print(line, flush=True)

    def _print_summary(self, doc: dict) -> None:
        t = doc["totals"]
        state = "complete" if doc["complete"] else f"INCOMPLETE ({self.interrupted or self.error or 'stopped'})"
        print(
            f"crawled {t['pages']} pages on {t['sites']} site{'' if t['sites'] == 1 else 's'}: {t['healthy']} healthy, {t['drifted']} drifted, "
            f"{t['broken']} broken, {t['fetch_failed']} not fetched; {t['captured']} captured; "
            f"verdict {doc['verdict']}, status {doc['status']}, {state}; report {self.writer.paths['html']}",
            flush=True,
        )
        if self.error:
            print(f"pressguard crawl: the crawl failed: {self.error}", file=sys.stderr)
        elif self.interrupted:
            print(f"pressguard crawl: interrupted ({self.interrupted}) after {len(doc['pages'])} pages; the report "
                  f"is partial" + (f"; resume with --jobdir {self.options.jobdir}" if self.options.jobdir else ""),
                  file=sys.stderr)
        elif not doc["pages"]:
            reasons = "; ".join(f"{s}: {v['problems'][0]}" for s, v in doc["sites"].items() if v["problems"])
            print(f"pressguard crawl: nothing crawled ({reasons}); see {self.writer.paths['json']}", file=sys.stderr)
