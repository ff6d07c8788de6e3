"""Parsed cassettes cached by content, as .pyc files cache parsed Python.

Parsing a 150 KB literal block with libyaml costs a few milliseconds, most of
a replayed page's own cost. The first load of a cassette parses it and keeps
the result, marshalled, under the hash of the file's bytes (salted with the
parser versions); later loads of the same bytes read that instead. Keyed by
content, an edited, checked-out or re-recorded cassette is never served
stale. A cache that cannot be written, or a value marshal cannot hold, only
means no entry.

The same folder keeps what is derived from a cassette file alone (derived(): the recorded
page's template fingerprint and profile measures, pressguard.verdict.assess), keyed by the
bytes and by the source of every pressguard module, so a code change is a new key.

PRESSGUARD_PARSE_CACHE=FOLDER turns both on ("off": neither). Unset, the parsed
cassettes are not cached (an entry is as large as its cassette), and the derived entries
(a few hundred bytes a cassette) are kept only where a caller named a folder
(keep_derived_in: the pytest plugin's replay, in the rootdir's .pressguard-cache/).
Measured (benchmarks/README-replay.md), a warm cache makes replay about 1.6x
faster, while filling an empty one costs more than it saves in that run; so
it pays where the folder survives between runs (a developer's machine, a CI
cache). Parsed cassettes are never pruned (delete the folder to reclaim them); the
derived entries of an older pressguard code are removed when the first entry of a new
one is written. An entry that does not read back as written (a damaged file) is
ignored with a one-line warning on stderr, and made again.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import shutil
import sys
from pathlib import Path
from typing import Any, Callable

import vcr
import yaml

_SALT = f"pressguard-parse-cache 2|vcrpy {vcr.__version__}|pyyaml {yaml.__version__}\n".encode()


# The derived entries' folder when PRESSGUARD_PARSE_CACHE is unset (keep_derived_in)
_DERIVED_DEFAULT: list[Path] = []


def cache_folder() -> Path | None:
    """The folder PRESSGUARD_PARSE_CACHE names (None: unset or off): parsed cassettes and
    derived entries both."""
    setting = os.environ.get("PRESSGUARD_PARSE_CACHE", "")
    if not setting or setting.lower() in ("off", "0", "no", "false"):
        return None
    return Path(setting)


def derived_folder() -> Path | None:
    """Where derived() keeps its entries: PRESSGUARD_PARSE_CACHE's folder when set ("off":
    nowhere), else the folder keep_derived_in named in this process, if any."""
    if os.environ.get("PRESSGUARD_PARSE_CACHE"):
        return cache_folder()
    return _DERIVED_DEFAULT[0] if _DERIVED_DEFAULT else None


def keep_derived_in(folder: Path | None) -> None:
    """Keep derived() entries in folder (None: nowhere) unless PRESSGUARD_PARSE_CACHE says
    otherwise. The folder gets a .gitignore of everything, as pytest's cache folder has (not
    one PRESSGUARD_PARSE_CACHE names: that may be any folder)."""
    _DERIVED_DEFAULT[:] = [] if folder is None else [Path(folder)]


def load(raw: bytes, parse: Callable[[bytes], Any]) -> Any:
    """parse(raw), or the stored result of an earlier parse of the same bytes."""
    folder = cache_folder()
    if folder is None:
        return parse(raw)
    key = hashlib.sha1(_SALT + raw).hexdigest()
    entry = folder / key[:2] / f"{key}.marshal"
    found = _read(entry)
    if found is not _MISSING:
        return found
    data = parse(raw)
    _store(entry, data)
    return data


def derived(raw: bytes, context: str, make: Callable[[], Any]) -> Any:
    """make(), or what an earlier make() stored for the same bytes and context, made by the
    same pressguard code: for what is computed from a cassette file alone (the recorded page's
    template fingerprint and profile measures, pressguard.verdict.assess), so a corpus's
    recorded side is computed once, not on every run. Keyed by the bytes, the context (what
    else make reads: the site; never a path, so a moved checkout reads its entries), and
    the source of every pressguard module and the
    parsers' versions, so an edited cassette or a changed extractor is never served stale.
    An exception in make stores nothing. The entries are in a folder of their code salt's
    own: the first entry written in a new one removes the others (an older code's entries
    are never read again), so the folder holds one code's worth of a corpus."""
    folder = derived_folder()
    if folder is None:
        return make()
    salt = _code_salt()
    key = hashlib.sha1(salt + context.encode("utf-8", "surrogatepass") + b"\0" + raw).hexdigest()
    here = folder / "derived" / salt[:16].decode("ascii")
    entry = here / key[:2] / f"{key}.marshal"
    found = _read(entry)
    if found is not _MISSING:
        return found
    value = make()
    if _store(entry, value, fresh=here):
        _prune(here)
        if folder in _DERIVED_DEFAULT:  # a folder of ours (a folder named by the user may be anything)
            _ignored(folder)
    return value


# The folders derived() keeps entries in: a code salt's (16 hex digits), or, before it had
# those, a key's first two hex digits
_ENTRY_FOLDER = re.compile(r"[0-9a-f]{16}|[0-9a-f]{2}")


def _prune(current: Path) -> None:
    """Remove the other code salts' folders beside current (and the older layout's), nothing else."""
    try:
        others = [p for p in current.parent.iterdir() if p != current and _ENTRY_FOLDER.fullmatch(p.name)]
    except OSError:
        return
    for other in others:
        shutil.rmtree(other, ignore_errors=True)  # another process's read of it is then a miss


_CODE_SALT: list[bytes] = []


def _code_salt() -> bytes:
    """The parse salt, the versions of lexbor's binding, of w3lib and of Python (its Unicode
    tables fold the text), and every pressguard source file's path and bytes: read once a process."""
    if not _CODE_SALT:
        _CODE_SALT.append(code_salt(Path(__file__).resolve().parent.parent))
    return _CODE_SALT[0]


def code_salt(package: Path) -> bytes:
    import selectolax
    import w3lib  # the page's decoding (extract.decoding)

    digest = hashlib.sha1(_SALT + f"selectolax {selectolax.__version__}|w3lib {w3lib.__version__}"
                                  f"|python {sys.version}\n".encode())
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode("utf-8", "surrogateescape") + b"\0")
        digest.update(source.read_bytes())
    return digest.hexdigest().encode("ascii") + b"\n"


# An entry: this tag, the BLAKE2 digest of the marshalled value, the marshalled value. The
# digest tells a damaged file (a disk error, a truncated copy) from an entry: marshal alone
# may read one back as some other value without an error.
_TAG = b"pgc2"  # the entry format of _SALT's "2": an older one is another key, never read as damaged
_DIGEST = 16
_MISSING = object()


def _read(entry: Path) -> Any:
    """The value stored at entry, or _MISSING (no entry, or a damaged one: said on stderr)."""
    try:
        data = entry.read_bytes()
    except OSError:
        return _MISSING
    payload = data[len(_TAG) + _DIGEST:]
    if data[:len(_TAG)] == _TAG and data[len(_TAG):len(_TAG) + _DIGEST] == _digest(payload):
        try:
            return marshal.loads(payload)
        except (EOFError, ValueError, TypeError):
            pass
    print(f"pressguard: {entry}: a damaged cache entry, ignored and made again", file=sys.stderr)
    return _MISSING


def _digest(payload: bytes) -> bytes:
    return hashlib.blake2b(payload, digest_size=_DIGEST).digest()


def _store(entry: Path, value: Any, fresh: Path | None = None) -> bool:
    """Write value's entry atomically; whether fresh (a folder above entry) was made by this
    write. A value marshal cannot hold, or a folder that cannot be written, only means no entry."""
    from .format import write_atomically  # cassettes.format imports this module

    try:
        payload = marshal.dumps(value)
        made = False
        if fresh is not None and not fresh.is_dir():
            try:
                fresh.mkdir(parents=True)
                made = True
            except FileExistsError:  # another process of the run made it first
                pass
        # No fsync: a lost entry only costs a parse.
        write_atomically(entry, _TAG + _digest(payload) + payload, durable=False)
        return made
    except (OSError, ValueError):
        return False


def _ignored(folder: Path) -> None:
    """A .gitignore of everything in the cache folder, as pytest gives .pytest_cache."""
    marker = folder / ".gitignore"
    if not marker.exists():
        from .format import write_atomically

        try:
            write_atomically(marker, "# made by pressguard: a cache, never committed\n*\n", durable=False)
        except OSError:
            pass
