"""The `pressguard` command: replay, record, extract, crawl, sim.

Exit codes (exit_codes.py): 0 healthy, 1 a check or page failed, 2 bad usage
or unreadable input, always with a one-line reason on stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import sys
from pathlib import Path

from . import __version__, exit_codes
from .cassettes.store import (
    CassetteError,
    cassette_path_for,
    find_cassettes,
    open_cassette,
)
from .sites import is_http_url, site_for_url
from .verdict import FAIL_ON, fails


class UsageProblem(Exception):
    """Bad input: the message is the one line the user sees."""


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["sim"]:  # the simulator owns its options
        from .sim import main as sim_main

        return sim_main(argv[1:])
    if argv[:1] == ["crawl"]:  # the scheduled crawl owns its options
        from .crawl import main as crawl_main

        return crawl_main(argv[1:])
    parser = _parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # the subcommand's own usage, not the top-level one
        parser.commands[args.command].error(f"unrecognized arguments: {' '.join(unknown)}")
    try:
        return args.run(args)
    except (UsageProblem, CassetteError) as exc:
        print(f"pressguard {args.command}: {exc}", file=sys.stderr)
        return exit_codes.BAD_INPUT
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pressguard", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"pressguard {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    parser.commands = commands.choices  # name -> its parser, for its own usage on an error

    replay = commands.add_parser("replay", help="replay cassettes through the spiders, offline")
    replay.add_argument("paths", nargs="*", default=["cassettes"], help="cassette files or folders (default: cassettes/)")
    replay.add_argument("-o", "--output", help="write the items as JSON lines to this file")
    replay.add_argument("--report", help="write every page's result (cassette, url, item, error) as JSON")
    replay.add_argument("-j", "--jobs", type=int, metavar="N",
                        help="replay in N processes, a site's cassettes in one (default: the number of CPUs, "
                             "one per 150 cassettes at most; 1: in this process); the same results, in the same order")
    replay.add_argument("--block-network", action="store_true",
                        help="refuse any outbound connection, so nothing can quietly go live")
    replay.add_argument("--fail-on", choices=FAIL_ON, default="broken",
                        help="which verdict fails the run: broken pages only (default), or drift too")
    replay.add_argument("-q", "--quiet", action="store_true",
                        help="print only failures and the summary (no progress count on stderr)")
    replay.add_argument("-v", "--verbose", action="store_true", help="show Scrapy's log")
    replay.set_defaults(run=_replay)

    record = commands.add_parser("record", help="fetch pages live through Scrapy and write cassettes")
    record.add_argument("urls", nargs="+", metavar="URL")
    record.add_argument("--site", help="spider to record with (default: the site the URL's domain belongs to)")
    record.add_argument("--cassettes", default="cassettes", help="cassette folder (default: cassettes/)")
    record.add_argument("--overwrite", action="store_true", help="replace a cassette that already exists")
    record.add_argument("--record-mode", choices=("all", "new_episodes", "once"), default="all",
                        help="vcrpy's record modes: all re-records, new_episodes adds what a cassette "
                             "lacks, once records only pages with no cassette (default: all)")
    record.add_argument("--name", help="slug of the new cassette, to keep an older recording of the same URL")
    record.add_argument("--proxy", help="HTTP proxy for the fetch, e.g. the simulator's http://127.0.0.1:PORT")
    record.add_argument("-v", "--verbose", action="store_true", help="show Scrapy's log")
    record.set_defaults(run=_record)

    extract = commands.add_parser("extract", help="extract one saved page, no network; item JSON on stdout")
    extract.add_argument("file", metavar="FILE.html")
    extract.add_argument("--url", required=True, help="the URL the page was served at")
    extract.add_argument("--site", help="site name (default: from the URL)")
    extract.set_defaults(run=_extract)

    commands.add_parser("crawl", help="the scheduled live check, with its report (see `pressguard crawl --help`)")
    commands.add_parser("sim", help="run the local publisher simulator (see `pressguard sim --help`)")
    return parser


def _spider_names() -> list[str]:
    from scrapy.spiderloader import SpiderLoader

    from .scrapy.runner import project_settings

    return SpiderLoader.from_settings(project_settings()).list()


def _log_settings(args) -> dict:
    return {"LOG_ENABLED": bool(getattr(args, "verbose", False))}


# -- replay -------------------------------------------------------------------


def _replay(args) -> int:
    from .scrapy import shards
    from .verdict.pipeline import project_fields
    from .progress import Progress
    from .scrapy.runner import project_settings

    cassettes = find_cassettes(args.paths)
    if not cassettes:
        raise UsageProblem(
            f"{', '.join(args.paths)}: no cassette (.yaml) files there; record some with `pressguard record URL`"
        )
    if args.jobs is not None and args.jobs < 1:
        raise UsageProblem(f"-j {args.jobs}: the number of processes is 1 or more; pass -j 1 to replay in this process")
    for target in (args.output, args.report):
        if target:
            _check_writable(Path(target))
    try:  # the items carry the project's field names; a bad mapping would fail every page
        fields = project_fields(project_settings())
    except ValueError as exc:
        raise UsageProblem(f"{exc}; fix it in the project's settings.py") from None
    if args.block_network:
        from .cassettes.network_block import block_network

        block_network()
    by_site = shards.group_by_site(cassettes, set(_spider_names()))
    plan = shards.plan(by_site, args.jobs or shards.default_jobs(len(cassettes)))
    overrides = {**_log_settings(args), "PRESSGUARD_MODE": "replay"}
    progress = Progress("replay", total=len(cassettes), unit="cassette", quiet=args.quiet)
    report = _ReplayReport(args, progress, fields)
    merger = shards.InOrder([str(p) for p in cassettes], [run for shard in plan for run in shard], report.page)
    try:
        if len(plan) == 1:  # one shard: in this process, as before -j existed
            code = shards.run_in_process(plan[0], overrides, merger, on_count=progress.update)
        else:
            code = shards.run_shards(plan, overrides, merger, block_network=_network_blocked(),
                                     on_count=progress.update)
        merger.finish()
        progress.update(len(cassettes))  # every cassette ended as one result
    except BaseException:
        report.discard()
        raise
    finally:
        progress.close()
    # said only when there are some: pressguard's own spiders give an item for every page
    listed = f"{report.listings} listings, " if report.listings else ""
    # N cassettes in, N results out (more only if a spider failed as a whole): said so
    _say(
        f"replayed {len(cassettes)} cassettes: {report.articles} articles, {listed}{report.failed} failing, "
        f"{report.drifted} drifted; {report.results} results "
        f"({report.results - report.errors - report.listings} articles, {listed}{report.errors} named failures)"
    )
    if report.failed and code == exit_codes.OK:
        code = exit_codes.FAILED
    # Exit 2 (unreadable input) never replaces an earlier -o/--report file with part of a
    # run: it loses nothing already written. A file not there yet is written as usual.
    kept = report.close(keep_old=code == exit_codes.BAD_INPUT)
    if kept:
        print(f"pressguard replay: {', '.join(kept)} left untouched: some cassettes could not be "
              "replayed (FAIL lines above); fix or re-record them and run again", file=sys.stderr)
    _say(None)  # flush now, while a closed pipe can still be told apart
    return code


def _network_blocked() -> bool:
    """Is this process's network blocked (--block-network, or a caller's block)? Shards then block theirs."""
    import _socket
    import socket

    return socket.socket.connect is not _socket.socket.connect


class _ReplayReport:
    """Each page's result as it comes, in cassette order: its line on stdout, its item
    in -o, its entry in --report. The files are written beside their targets and
    moved into place at the end, so a reader never sees half a run."""

    def __init__(self, args, progress, fields: dict[str, str]):
        self.args, self.progress, self.fields = args, progress, fields
        self.failed = self.drifted = self.articles = self.errors = self.listings = self.results = 0
        self.files = {}  # target -> open temporary file beside it
        for target in (args.output, args.report):
            if target:
                path = Path(target)
                # mode "x" as write_atomically: 0666 less the umask, not mkstemp's 0600
                self.files[target] = open(path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp"), "x", encoding="utf-8")
        if args.report:
            self.files[args.report].write("[")

    def page(self, page: dict) -> None:
        item, error, cassette = page["item"], page["error"], page["cassette"]
        verdict = (item or {}).get("verdict")
        self.results += 1
        self.articles += bool(item)
        self.errors += bool(error)
        self.drifted += verdict == "drift"
        listing = page.get("kind") == "listing"
        self.listings += listing
        line = None
        if error:
            self.failed += 1
            line = f"FAIL {_naming_cassette(cassette, error)}"
        elif listing:  # links, no article: not a failure
            if not self.args.quiet:
                line = f"LIST {cassette}  led to {page.get('led_to', 0)} pages  {page['url']}"
        elif fails(verdict, self.args.fail_on):
            self.failed += 1
            line = f"FAIL {cassette or page['url']}: {verdict}: {_failed_checks(item)}"
        elif verdict == "drift":
            line = f"drift {cassette or page['url']}: {_failed_checks(item)}"
        elif not self.args.quiet:
            line = f"ok   {cassette}  {_summary(item, self.fields)}"
        if line is not None:
            with self.progress.printing():
                _say(line)
        if self.args.output and item:
            self.files[self.args.output].write(json.dumps(item, ensure_ascii=False) + "\n")
        if self.args.report:
            # the bytes json.dumps(all results, indent=1) gives, one result at a time
            entry = json.dumps(page, ensure_ascii=False, indent=1).replace("\n", "\n ")
            self.files[self.args.report].write(("\n " if self.results == 1 else ",\n ") + entry)

    def close(self, keep_old: bool) -> list[str]:
        """Move the files into place; with keep_old, an existing target is kept instead. The kept ones."""
        if self.args.report:
            self.files[self.args.report].write("\n]" if self.results else "]")
        kept = []
        for target, handle in self.files.items():
            handle.flush()
            os.fsync(handle.fileno())
            handle.close()
            if keep_old and Path(target).exists():
                kept.append(target)
                os.unlink(handle.name)
            else:
                os.replace(handle.name, target)
        self.files = {}
        return kept

    def discard(self) -> None:
        for handle in self.files.values():
            handle.close()
            Path(handle.name).unlink(missing_ok=True)
        self.files = {}


def _naming_cassette(cassette: str | None, error: str) -> str:
    """A failure's one line, naming its cassette file first."""
    if cassette and not error.startswith(f"{cassette}:"):
        return f"{cassette}: {error}"
    return error


def _say(line: str | None) -> None:
    """print(), quiet once stdout's reader is gone (`pressguard replay | head -1`)."""
    try:
        if line is not None:
            print(line)
        sys.stdout.flush()
    except BrokenPipeError:
        # Python would complain again when it flushes at exit; send the rest nowhere.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())



def _failed_checks(item: dict | None) -> str:
    checks = (item or {}).get("checks") or {}
    text = "; ".join(f"{name}: {msg}" for name, msg in checks.items() if msg != "ok")
    return " ".join(text.splitlines())  # one line per page, whatever a message holds


def _summary(item: dict, fields: dict[str, str]) -> str:
    """fields: pressguard's field names -> the project's (PRESSGUARD_FIELDS)."""
    from .verdict.pipeline import article_fields

    article = article_fields(item, fields) or item
    headline = article.get("headline") or ""
    if len(headline) > 60:
        headline = headline[:57] + "..."
    layout = f"{article['layout']}  " if "layout" in article else ""  # a project's own spider has none
    return (
        f"{layout}{len(article.get('authors') or [])} author(s), "
        f"{len(article.get('body') or [])} paragraphs  {headline!r}"
    )


def _check_writable(path: Path) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageProblem(f"{path}: folder {folder} does not exist; create it or choose another -o path")
    if not os.access(folder, os.W_OK):
        raise UsageProblem(f"{path}: cannot write in {folder}; choose another -o path")


# -- record -------------------------------------------------------------------


_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,119}")


def _record(args) -> int:
    from .scrapy.runner import run_spiders

    spiders = set(_spider_names())
    if args.site and args.site not in spiders:
        raise UsageProblem(f"unknown site {args.site!r}; choose one of: {', '.join(sorted(spiders))}")
    if args.name and len(args.urls) > 1:
        raise UsageProblem("--name names one cassette; record one URL at a time with it")
    if args.name is not None and (not _SLUG.fullmatch(args.name) or ".." in args.name):
        raise UsageProblem(
            f"--name {args.name!r}: not a slug; use letters, digits, '.', '_' and '-' (a name, not a path)"
        )
    plan: dict[str, list[tuple[str, Path]]] = {}
    for url in args.urls:
        shown = _scrubbed(url)  # never print what the cassette does not keep
        if not is_http_url(url):
            raise UsageProblem(f"{shown}: not an http(s) URL; pass the page's full address")
        site = args.site or getattr(site_for_url(url), "name", None) or "generic"
        path = cassette_path_for(Path(args.cassettes), site, args.name or url)
        if args.name:
            path = path.with_name(f"{args.name}.yaml")
        if path.exists() and not args.overwrite and args.record_mode == "all":
            raise UsageProblem(
                f"{path} already exists for {shown}; pass --overwrite to replace it, or --name NEW-SLUG to keep both"
            )
        plan.setdefault(site, []).append((url, path))
    if args.proxy:  # Scrapy's HttpProxyMiddleware reads the standard variables
        os.environ["http_proxy"] = os.environ["https_proxy"] = args.proxy
    _scrub_log_records()
    outcome = run_spiders(
        [(site, {"pages": pages}) for site, pages in sorted(plan.items())],
        {
            **_log_settings(args),
            "PRESSGUARD_MODE": "record",
            "PRESSGUARD_RECORD_MODE": args.record_mode,
            "PRESSGUARD_CASSETTES_DIR": args.cassettes,
            # a developer's handful of named pages; the scheduled crawl keeps AutoThrottle
            "AUTOTHROTTLE_ENABLED": False,
        },
    )
    errors = {p.cassette: p.error for p in outcome.pages if p.error}
    code = exit_codes.OK
    for site, pages in sorted(plan.items()):
        for url, path in pages:
            shown = _scrubbed(url)
            error = _scrubbed(errors.get(str(path)) or "")
            if error and not path.exists():
                print(f"pressguard record: {error}; nothing written", file=sys.stderr)
                code = exit_codes.BAD_INPUT
            elif error:
                print(f"recorded {shown} -> {path}, but: {error}")
                code = max(code, exit_codes.FAILED)
            else:
                print(f"recorded {shown} -> {path}")
                if _is_challenge(path):
                    print(f"pressguard record: {shown}: answered 200 with a captcha/bot-challenge page, not the "
                          f"article; {path} holds the challenge: record it again later or from elsewhere",
                          file=sys.stderr)
                    code = max(code, exit_codes.FAILED)
    return code


_URL_IN_TEXT = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s<>\"']+")


def _scrubbed(text: str) -> str:
    """text with every URL in it scrubbed as cassettes are (token-like parameters gone)."""
    from .cassettes.format import scrub_url

    def scrub(match) -> str:
        try:
            return scrub_url(match.group())
        except ValueError:  # not parseable as a URL: drop its query, which is where secrets sit
            return match.group().split("?", 1)[0]

    return _URL_IN_TEXT.sub(scrub, text)


def _scrub_log_records() -> None:
    """Scrapy's log (-v) names every URL it fetches: log them scrubbed, as the cassette keeps them."""
    import logging

    make_record = logging.getLogRecordFactory()

    def scrubbed_record(*args, **kwargs):
        record = make_record(*args, **kwargs)
        try:
            record.msg, record.args = _scrubbed(record.getMessage()), ()
        except Exception:  # noqa: BLE001 - a record that cannot format is logging's to report
            pass
        return record

    logging.setLogRecordFactory(scrubbed_record)


def _is_challenge(path: Path) -> bool:
    """Does the cassette just written hold a bot-challenge page as its final answer?"""
    from .crawl.pages import is_challenge_page

    try:
        cassette = open_cassette(path)
    except CassetteError:
        return False  # the replay of that cassette names the problem
    body = (cassette.responses[-1].get("body") or {}).get("string") or b""
    return is_challenge_page(body)


# -- extract -------------------------------------------------------------


def _extract(args) -> int:
    path = Path(args.file)
    try:
        html = path.read_bytes()
    except FileNotFoundError:
        raise UsageProblem(f"{path}: no such file; pass a saved HTML page") from None
    except OSError as exc:
        raise UsageProblem(f"{path}: cannot read it ({exc.strerror}); pass a saved HTML page") from None
    _check_page_url(args.url)
    item = extract_page(html, args.url, site=args.site, name=str(path))
    _say(json.dumps(item, ensure_ascii=False, indent=1))
    return exit_codes.OK


def extract_page(html: bytes, url: str, site: str | None = None, name: str = "page") -> dict:
    """`pressguard extract` for bytes in hand: the item, or UsageProblem naming `name`."""
    from .extract import PageTooLarge, extract_article

    problem = _not_html(html)
    if problem:
        raise UsageProblem(f"{name}: {problem}, not an HTML page; pass a saved HTML page")
    try:
        return extract_article(html, url, site=site)
    except RecursionError:
        raise UsageProblem(
            f"{name}: nested too deeply to extract (RecursionError); is it a real page? trim the nesting"
        ) from None
    except PageTooLarge as exc:
        raise UsageProblem(f"{name}: {exc}; is it a real article page?") from None


def _check_page_url(url: str) -> None:
    if not is_http_url(url):
        raise UsageProblem(f"{url}: not an http(s) URL; pass the address the page was served at")


_TAG = re.compile(rb"<\s*[A-Za-z!/?]")


def _not_html(data: bytes) -> str | None:
    """Why these bytes are not an HTML page (empty, PDF, binary, JSON, no tag), or None."""
    head = data[:65536]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 text: its zero bytes are not binary; the extractor decodes it
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n\f")
    if not text:
        return "empty file"
    if text.startswith(b"%PDF"):
        return "a PDF"
    if b"\x00" in head:
        return "binary data"
    if text[:1] in (b"{", b"["):
        try:
            json.loads(data)
        except ValueError:
            pass
        else:
            return "JSON"
    if not _TAG.search(head):
        return "text without any HTML tag"
    return None


if __name__ == "__main__":
    sys.exit(main())
