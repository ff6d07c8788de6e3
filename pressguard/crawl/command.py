"""`pressguard crawl`: options, their checks, and the run.

Exit codes: 0 nothing failed (healthy, or drift without --fail-on drift); 1 a broken
page (or drift with --fail-on drift), a page that could not be fetched, or a site that
gave no page; 2 the crawl itself failed or did not finish (bad arguments or settings,
an --out folder another crawl is using, nothing crawled at all, SIGINT/SIGTERM), with
a one-line reason.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

from pressguard.sites import SITES, is_http_url
from pressguard.verdict import FAIL_ON

DEFAULT_LIMIT = 10


class UsageProblem(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line: the reason, then crawl's own usage folded onto it
        usage = " ".join(self.format_usage().split())
        self.exit(2, f"{self.prog}: {message}; {usage}; see `{self.prog} --help`\n")


def parser() -> argparse.ArgumentParser:
    p = _Parser(
        prog="pressguard crawl",
        description="The scheduled live check: crawl the sites politely, newest articles first, run the "
                    "health checks and the template comparison on every page, capture failing pages as "
                    "cassettes and write a report.",
    )
    p.add_argument("--site", action="append", default=[], metavar="S",
                   help="site to crawl (repeat, or comma-separate; default: every site in pressguard.sites)")
    p.add_argument("--limit", type=int, default=DEFAULT_LIMIT, metavar="N",
                   help=f"newest articles per site (default: {DEFAULT_LIMIT})")
    p.add_argument("--out", default="reports", metavar="DIR",
                   help="report folder: report.json, junit.xml, report.html (default: reports/)")
    p.add_argument("--cassettes", default="cassettes", metavar="DIR",
                   help="recorded cassettes, the template baseline; failing pages are captured into "
                        "DIR/_captured/<site>/ (default: cassettes/)")
    p.add_argument("--webhook", metavar="URL",
                   help="POST a Slack-compatible JSON summary here when the crawl fails (broken pages, or "
                        "drift too with --fail-on drift)")
    p.add_argument("--fail-on", choices=FAIL_ON, default="broken",
                   help="which page verdict fails the crawl (exit 1 and the webhook): broken pages only "
                        "(default), or drift too")
    p.add_argument("--jobdir", metavar="DIR",
                   help="keep the crawl's state here (Scrapy JOBDIR per site, pages assessed so far) so an "
                        "interrupted crawl resumes; a finished crawl clears it")
    p.add_argument("--proxy", metavar="URL",
                   help="HTTP proxy for the crawl, e.g. the simulator's http://127.0.0.1:PORT "
                        "(default: none, the real sites)")
    p.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE", dest="settings",
                   help="override a Scrapy setting, e.g. -s DOWNLOAD_TIMEOUT=20 (repeatable)")
    p.add_argument("-q", "--quiet", action="store_true", help="print only failing pages and the summary (no progress count on stderr)")
    p.add_argument("-v", "--verbose", action="store_true", help="show Scrapy's log")
    return p


def _spider_names() -> set[str]:
    from scrapy.spiderloader import SpiderLoader

    from pressguard.scrapy.runner import project_settings

    return set(SpiderLoader.from_settings(project_settings()).list())


def _sites(values: list[str]) -> list[str]:
    wanted = [s.strip() for value in values for s in value.split(",") if s.strip()]
    known = [name for name in SITES if name in _spider_names()]
    if not wanted:
        return known
    unknown = [s for s in wanted if s not in known]
    if unknown:
        raise UsageProblem(f"unknown site {unknown[0]!r}; choose from: {', '.join(known)}")
    return list(dict.fromkeys(wanted))


def _http_url(value: str, option: str) -> str:
    if not is_http_url(value):
        raise UsageProblem(f"{option} {value!r}: not an http(s) URL; pass e.g. http://127.0.0.1:8899")
    try:
        urlsplit(value).port
    except ValueError:
        raise UsageProblem(f"{option} {value!r}: bad port") from None
    return value


def _settings(pairs: list[str]) -> dict:
    out = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UsageProblem(f"-s {pair!r}: expected NAME=VALUE, e.g. -s DOWNLOAD_TIMEOUT=20")
        out[name.strip()] = value
        _check_setting(name.strip(), value)
    return out


def _check_setting(name: str, value: str) -> None:
    """A value Scrapy cannot read as its setting's type is refused here, in one line,
    rather than as a traceback from deep inside the crawl. The type is that of the
    setting's default (Scrapy's, or pressguard's own)."""
    from scrapy.settings import BaseSettings, default_settings

    from pressguard.scrapy import settings as pressguard_settings

    default = getattr(pressguard_settings, name, getattr(default_settings, name, None))
    probe = BaseSettings({name: value})  # without Scrapy's defaults, which parse dicts on set
    readers = [(bool, probe.getbool, "true or false (or 1/0)"), (int, probe.getint, "a whole number"),
               (float, probe.getfloat, "a number"), (dict, probe.getdict, "a JSON object"),
               (list, probe.getlist, "a comma-separated list or a JSON list")]
    if isinstance(default, int) and not isinstance(default, bool):
        # Scrapy reads some whole-number defaults as floats (DOWNLOAD_TIMEOUT, DOWNLOAD_DELAY);
        # a setting it reads as an int and is given 2.5 still fails, in one line, at start-up
        readers[1] = (int, probe.getfloat, "a number")
    for kind, read, wanted in readers:
        if isinstance(default, kind):
            try:
                read(name)
            except (TypeError, ValueError):
                example = {bool: "True", int: "20", float: "20", dict: '\'{"a": 1}\'', list: "a,b"}[kind]
                raise UsageProblem(f"-s {name}={value}: {name} must be {wanted}; pass e.g. -s {name}={example}") from None
            return


def _writable_folder(path: Path, option: str) -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageProblem(f"{option} {path}: cannot create it ({exc.strerror}); choose another folder") from None
    if not path.is_dir():
        raise UsageProblem(f"{option} {path}: not a folder; choose another")
    if not os.access(path, os.W_OK):
        raise UsageProblem(f"{option} {path}: not writable; choose another folder")
    return path


def options_from(args) -> "CrawlOptions":
    from .job import CrawlOptions

    if args.limit < 1:
        raise UsageProblem(f"--limit {args.limit}: must be at least 1")
    # Everything that needs no disk first, so a bad argument creates nothing.
    webhook = _http_url(args.webhook, "--webhook") if args.webhook else None
    proxy = _http_url(args.proxy, "--proxy") if args.proxy else None
    settings = _settings(args.settings)
    sites = _sites(args.site)
    cassettes = Path(args.cassettes)
    if not cassettes.is_dir():
        raise UsageProblem(
            f"--cassettes {cassettes}: no such folder; pass the folder of recorded cassettes (the template "
            "baseline, where failing pages are captured)"
        )
    _writable_folder(cassettes, "--cassettes")
    out = _writable_folder(Path(args.out), "--out")
    jobdir = _writable_folder(Path(args.jobdir), "--jobdir") if args.jobdir else None
    return CrawlOptions(
        sites=sites,
        limit=args.limit,
        out=out,
        cassettes=cassettes,
        webhook=webhook,
        jobdir=jobdir,
        proxy=proxy,
        settings=settings,
        verbose=args.verbose,
        quiet=args.quiet,
        fail_on=args.fail_on,
    )


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:  # argparse already printed its one line (or the help)
        return 0 if exc.code == 0 else 2
    try:
        options = options_from(args)
    except UsageProblem as exc:
        print(f"pressguard crawl: {exc}", file=sys.stderr)
        return 2
    from .job import CrawlJob
    from .report import FolderBusy, report_lock

    try:
        with report_lock(options.out):
            return CrawlJob(options).run()
    except FolderBusy as exc:
        print(f"pressguard crawl: {exc}", file=sys.stderr)
        return 2
