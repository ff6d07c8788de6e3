"""Evidence: the cassettes of failing pages, in cassettes/_captured/<site>/<slug>.yaml.

The crawl runs the cassette download handler in record mode, so every article page
is recorded as a real vcrpy cassette, redirect hops included, scrubbed like every
recording. The handler subclass here keeps each finished page's cassette in memory
instead of writing it; once the page has been assessed it is either written to
cassettes/_captured/<site>/<slug>.yaml, atomically, through vcrpy and pressguard's
persister (the page failed a check, drifted, or answered with an error), or dropped
(healthy). So no healthy page ever lands in _captured, healthy pages cost no YAML
serialisation, and `pressguard replay cassettes/_captured/<site>/<slug>.yaml`
replays exactly what the crawl saw.

Each crawl also has a staging folder (cassettes/.crawl-staging-*/, never read by
replay or the template baseline): the cassettes' nominal paths point into it, and
anything that does get written there is moved by an atomic rename, or removed at
the end.
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path

from vcr.cassette import Cassette

from pressguard.cassettes.format import write_atomically
from pressguard.cassettes.handler import META_CASSETTE, CassetteDownloadHandler

CAPTURED = "_captured"
STAGING_PREFIX = ".crawl-staging-"


# Recorded page cassettes not written yet: their staging path -> vcrpy Cassette.
_PENDING: dict[str, Cassette] = {}


class StagingCassetteHandler(CassetteDownloadHandler):
    """The cassette handler in record mode, for the crawl: nothing is written to cassettes/.

    Only article pages (whose requests carry their staging cassette, see
    StagingMiddleware) are recorded: sitemaps and listing pages are not evidence.
    A finished page's cassette waits in memory for Evidence.capture or discard.
    """

    def __init__(self, crawler):
        super().__init__(crawler)
        staging = crawler.settings.get("PRESSGUARD_CRAWL_STAGING")
        if not staging:
            raise ValueError("PRESSGUARD_CRAWL_STAGING is not set: the crawl names its staging folder")
        # Anything recorded without a named cassette still lands in staging, never in cassettes/.
        self.cassettes_dir = Path(staging)

    def _record_path(self, request):
        if not request.meta.get(META_CASSETTE):
            return None
        return super()._record_path(request)

    def _save(self, path) -> None:
        _PENDING[str(path)] = self._recording.pop(path)
        self._count("pressguard/recorded")


class Evidence:
    """The staging folder of one crawl and the _captured folder it feeds."""

    def __init__(self, cassettes_dir: Path):
        self.cassettes_dir = Path(cassettes_dir)
        self.captured_dir = self.cassettes_dir / CAPTURED
        self.staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.cassettes_dir))
        self._captured: dict[Path, str] = {}  # destination -> page URL, within this crawl

    def capture(self, staged: str | Path | None, site: str, url: str) -> str | None:
        """Move a page's staged cassette into _captured/<site>/; its new path, or None when
        nothing was recorded (the request failed before any answer)."""
        if not staged:
            return None
        cassette = _PENDING.pop(str(staged), None)
        staged = Path(staged)
        if cassette is None and not staged.is_file():
            return None
        dest = self._destination(site, staged.name, url)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if cassette is not None:
            cassette._path = str(dest)
            cassette._save(force=True)  # vcrpy's save, through the atomic persister
        else:
            try:
                os.replace(staged, dest)
            except OSError as exc:
                if exc.errno != errno.EXDEV:
                    raise
                write_atomically(dest, staged.read_text(encoding="utf-8"))
                staged.unlink(missing_ok=True)
        self._captured[dest] = url
        return str(dest)

    def discard(self, staged: str | Path | None) -> None:
        """A healthy page (or one whose answer is no evidence): its cassette is dropped."""
        if staged:
            _PENDING.pop(str(staged), None)
            Path(staged).unlink(missing_ok=True)

    def cleanup(self) -> None:
        for path in [p for p in _PENDING if Path(p).parent.parent == self.staging]:
            del _PENDING[path]
        shutil.rmtree(self.staging, ignore_errors=True)

    def _destination(self, site: str, name: str, url: str) -> Path:
        dest = self.captured_dir / site / name
        stem, n = dest.stem, 1
        # Another page of this crawl already took the name: keep both.
        while dest in self._captured and self._captured[dest] != url:
            n += 1
            dest = dest.with_name(f"{stem}-{n}.yaml")
        return dest
