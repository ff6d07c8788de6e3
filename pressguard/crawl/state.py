"""What a --jobdir keeps besides Scrapy's own JOBDIR (one per site, <jobdir>/<site>/):
the pages already assessed, so a resumed crawl's report still holds them.

    <jobdir>/pressguard-run.json     when the crawl started and with which options
    <jobdir>/pressguard-pages.jsonl  one page record per line, appended and fsynced
                                     after each page (a torn last line is ignored)

A crawl that finishes clears all of it, so the next scheduled run starts afresh;
an interrupted one leaves it for `pressguard crawl --jobdir DIR` to resume.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from pressguard.cassettes.format import write_atomically

RUN_FILE = "pressguard-run.json"
PAGES_FILE = "pressguard-pages.jsonl"


class JobState:
    def __init__(self, jobdir: Path | str):
        self.dir = Path(jobdir)
        self.dir.mkdir(parents=True, exist_ok=True)

    def scrapy_jobdir(self, site: str) -> str:
        return str(self.dir / site)

    def load(self) -> tuple[dict | None, list[dict]]:
        """(the interrupted run's info, its page records), or (None, []) for a fresh jobdir."""
        run = None
        try:
            run = json.loads((self.dir / RUN_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
        pages = []
        try:
            lines = (self.dir / PAGES_FILE).read_text(encoding="utf-8").splitlines()
        except OSError:
            lines = []
        for line in lines:
            try:
                record = json.loads(line)
            except ValueError:
                continue  # a line cut short by a kill
            if isinstance(record, dict) and record.get("site") and record.get("url"):
                pages.append(record)
        return (run if isinstance(run, dict) else None), pages

    def start(self, run: dict) -> None:
        write_atomically(self.dir / RUN_FILE, json.dumps(run, indent=1))

    def append(self, record: dict) -> None:
        with open(self.dir / PAGES_FILE, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())

    def clear(self, sites: list[str]) -> None:
        """After a finished crawl: nothing left to resume."""
        for site in sites:
            shutil.rmtree(self.dir / site, ignore_errors=True)
        for name in (RUN_FILE, PAGES_FILE):
            (self.dir / name).unlink(missing_ok=True)
