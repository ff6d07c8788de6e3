"""Cassette files: finding them, opening them with vcrpy, naming new ones.

Every cassette is opened through vcrpy's own Cassette class with this
project's serializer and persister (see cassettes.format). A file that is not
a readable vcrpy cassette raises CassetteError with a one-line reason that
names the file and what to do.
"""

from __future__ import annotations

import os
import re
from collections import OrderedDict
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from vcr.cassette import Cassette
from vcr.errors import MissingMetadataError
from vcr.record_mode import RecordMode

from .format import (
    MATCH_ON,
    AtomicFilesystemPersister,
    LiteralBlockSerializer,
    UnsafeCassette,
    scrub_request,
    scrub_response,
)

CASSETTE_SUFFIXES = (".yaml", ".yml")
METADATA_KEY = "pressguard"


class CassetteError(Exception):
    """A cassette that cannot be used; str() is the one-line reason."""


def cassette_options(path: Path, record_mode: RecordMode = RecordMode.NONE) -> dict:
    """vcrpy Cassette arguments: pressguard's format, matching and scrubbing."""
    return dict(
        path=str(path),
        serializer=LiteralBlockSerializer,
        persister=AtomicFilesystemPersister,
        record_mode=record_mode,
        match_on=MATCH_ON,
        before_record_request=scrub_request,
        before_record_response=scrub_response,
        allow_playback_repeats=True,  # a page may be asked for twice (retries, loops)
    )


def open_cassette(path: Path | str) -> Cassette:
    """Load a cassette for replay, or raise CassetteError saying why not."""
    path = Path(path)
    try:
        if not path.exists():
            raise CassetteError(f"{path}: no such cassette; check the path or record it with `pressguard record URL`")
        if not path.is_file():
            raise CassetteError(f"{path}: not a file; pass a cassette .yaml file or a folder of them")
        cassette = Cassette.load(**cassette_options(path))
    except OSError as exc:  # permissions, I/O errors: stat said file, reading it failed
        reason = exc.strerror or type(exc).__name__
        raise CassetteError(f"{path}: cannot be read ({reason}); check its permissions or record it again") from None
    except UnsafeCassette as exc:
        raise CassetteError(f"{path}: {exc}") from None
    except yaml.YAMLError as exc:
        if isinstance(exc, yaml.reader.ReaderError) and "utf-8" in str(exc).lower():
            raise CassetteError(f"{path}: not UTF-8 text; a vcrpy cassette is a UTF-8 YAML file") from None
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        raise CassetteError(f"{path}: unreadable YAML{where}; fix the file or record it again") from None
    except (KeyError, TypeError, ValueError, AttributeError):
        raise CassetteError(
            f"{path}: not a vcrpy cassette (expected `version: 1` and `interactions`); record it again"
        ) from None
    if len(cassette) == 0:
        raise CassetteError(f"{path}: cassette holds no interactions; record it again")
    return cassette


def first_url(cassette: Cassette) -> str:
    """The page a cassette was recorded for: its first request."""
    return cassette.requests[0].uri


def recording_info(cassette: Cassette) -> dict:
    """pressguard's metadata (fetch time, source); {} for a plain vcrpy cassette."""
    try:
        info = cassette.get_metadata(METADATA_KEY, {})
    except MissingMetadataError:
        return {}
    return info if isinstance(info, dict) else {}


class CassetteCache:
    """Opened cassettes by path, the most recent few kept in memory.

    The spider opens a cassette to learn its URL and the download handler
    plays it moments later; keeping a bounded number avoids parsing twice
    without holding a whole corpus in memory. Bounded in entries and in bytes
    (the files' sizes: a parsed cassette holds its bodies, so it weighs about
    its file), so a corpus of large pages does not grow the process either.
    """

    # Measured on 1,000 cassettes (benchmarks/README-speed.md): 256 entries / 32 MB held
    # 36 MB more than 16 / 2 MB and saved 7% of the parses, as the template baseline opens
    # each cassette again long after its replay; 16 MB keeps a small corpus whole.
    def __init__(self, size: int = 256, max_bytes: int = 16 * 2**20):
        self._size = size
        self._max_bytes = max_bytes
        self._bytes = 0
        self._items: OrderedDict[tuple, Cassette] = OrderedDict()

    def get(self, path: Path | str) -> Cassette:
        path = Path(path)
        try:
            stat = path.stat()
            key = (stat.st_dev, stat.st_ino, stat.st_mtime_ns, stat.st_size)
        except OSError:
            return open_cassette(path)  # raises the right CassetteError
        cassette = self._items.get(key)
        if cassette is None:
            cassette = open_cassette(path)
            self._items[key] = cassette
            self._bytes += stat.st_size
            # the newest stays, even alone over the budget: it is about to be played
            while len(self._items) > 1 and (len(self._items) > self._size or self._bytes > self._max_bytes):
                evicted, _ = self._items.popitem(last=False)
                self._bytes -= evicted[3]
        else:
            self._items.move_to_end(key)
        return cassette

    def __len__(self) -> int:
        return len(self._items)

    @property
    def bytes(self) -> int:
        """The summed file sizes of the cassettes held."""
        return self._bytes


# One per process: the spider and the handler of a crawl share it.
CACHE = CassetteCache()


def find_cassettes(paths: list[Path | str]) -> list[Path]:
    """Cassette files named by paths (files, or folders searched recursively).

    Folders whose names start with "_" or "." (such as _captured/) are skipped
    when found inside a folder, and read when named directly. A folder that
    cannot be listed is a CassetteError: its cassettes would go unreported.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_file():
                found.append(path)
            elif path.is_dir():
                found.extend(_cassettes_in(path))
            else:
                raise CassetteError(f"{path}: no such file or folder; pass cassette files or folders")
        except OSError as exc:
            raise CassetteError(f"{exc.filename or path}: cannot be read ({exc.strerror}); check its permissions") from None
    return found


def _cassettes_in(folder: Path) -> list[Path]:
    found = []

    def unreadable(exc: OSError):  # os.walk would skip the folder silently
        raise exc

    for parent, folders, files in os.walk(folder, onerror=unreadable):
        folders[:] = [name for name in folders if not name.startswith(("_", "."))]
        for name in files:
            candidate = Path(parent, name)
            if candidate.suffix in CASSETTE_SUFFIXES and candidate.is_file():
                found.append(candidate)
    return sorted(found)  # Path order, as sorted(rglob()) gave


def slug_for_url(url: str) -> str:
    """A file-name-safe slug for a page: its last path segment, or "index"."""
    parts = urlsplit(url)
    segments = [s for s in unquote(parts.path).split("/") if s]
    slug = segments[-1] if segments else "index"
    slug = re.sub(r"\.(html?|php|aspx?)$", "", slug, flags=re.IGNORECASE)
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", slug).strip("-.") or "index"
    return slug[:120]


def cassette_path_for(root: Path, site: str, url: str) -> Path:
    """cassettes/<site>/<slug>.yaml, the layout docs/architecture.md fixes."""
    return Path(root) / site / f"{slug_for_url(url)}.yaml"


def site_of_cassette(path: Path) -> str | None:
    """The site a cassette belongs to by its folder (cassettes/<site>/x.yaml)."""
    return path.parent.name or None
