"""`scrapy crawl`, with pressguard's one-line errors and exit codes.

Scrapy's own command prints a traceback for an unknown spider or a missing
cassette path and exits 0 when pages failed; this one names the problem in one
line and exits 2 (bad input, unreadable cassettes, cassette misses) or 1 (pages
that failed). A corrupt cassette among many is named and the others replayed.
"""

from __future__ import annotations

import sys

from scrapy.commands.crawl import Command as ScrapyCrawl

from pressguard.scrapy.addon import MODES
from pressguard.cassettes.store import CassetteError, find_cassettes
from pressguard.exit_codes import exit_code_from_stats


class Command(ScrapyCrawl):
    def run(self, args, opts):
        mode = self.settings.get("PRESSGUARD_MODE") or "replay"
        if mode not in MODES:  # the add-on would refuse it inside the crawl, with a traceback
            _fail(f"setting PRESSGUARD_MODE={mode!r}: use one of {', '.join(MODES)}")
        if len(args) == 1:
            _check_spider(self.crawler_process.spider_loader.list(), args[0])
            _check_cassettes(opts.spargs.get("cassette"))
        self._crawlers = []
        super().run(args, opts)
        for crawler in self._crawlers:
            try:
                stats = crawler.stats.get_stats()
            except RuntimeError:  # it never started (a setting refused it): Scrapy logged why
                self.exitcode = max(self.exitcode, 2)
                continue
            self.exitcode = max(self.exitcode, exit_code_from_stats(stats))

    def _create_crawler(self, spidercls):
        # The process forgets finished crawlers; keep them to read their stats.
        crawler = super()._create_crawler(spidercls)
        self._crawlers.append(crawler)
        return crawler


def _fail(message: str) -> None:
    print(f"scrapy crawl: {message}", file=sys.stderr)
    sys.exit(2)


def _check_spider(names: list[str], name: str) -> None:
    if name not in names:
        _fail(f"no spider named {name!r}; choose one of: {', '.join(sorted(names))}")


def _check_cassettes(value: str | None) -> None:
    """A path that is not there stops the crawl; a corrupt cassette does not.

    The spider names each cassette it cannot replay and goes on with the rest,
    as `pressguard replay` does; the exit code then says 2.
    """
    if value is None:
        return
    try:
        paths = find_cassettes(value.split(","))
    except CassetteError as exc:
        _fail(str(exc))
    if not paths:
        _fail(f"{value}: holds no cassette (.yaml) files; record some with `pressguard record URL`")

