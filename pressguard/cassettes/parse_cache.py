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

Opt-in: PRESSGUARD_PARSE_CACHE=FOLDER turns it on (unset or "off": no cache).
Measured (benchmarks/README-replay.md), a warm cache makes replay about 1.6x
faster, while filling an empty one costs more than it saves in that run; so
it pays where the folder survives between runs (a developer's machine, a CI
cache), and is never pruned: delete the folder to reclaim it.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from pathlib import Path
from typing import Any, Callable

import vcr
import yaml

_SALT = f"pressguard-parse-cache 1|vcrpy {vcr.__version__}|pyyaml {yaml.__version__}\n".encode()


def cache_folder() -> Path | None:
    setting = os.environ.get("PRESSGUARD_PARSE_CACHE", "")
    if not setting or setting.lower() in ("off", "0", "no", "false"):
        return None
    return Path(setting)


def load(raw: bytes, parse: Callable[[bytes], Any]) -> Any:
    """parse(raw), or the stored result of an earlier parse of the same bytes."""
    folder = cache_folder()
    if folder is None:
        return parse(raw)
    key = hashlib.sha1(_SALT + raw).hexdigest()
    entry = folder / key[:2] / f"{key}.marshal"
    try:
        return marshal.loads(entry.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    data = parse(raw)
    try:
        _store(entry, marshal.dumps(data))
    except (OSError, ValueError):
        pass
    return data


def derived(raw: bytes, context: str, make: Callable[[], Any]) -> Any:
    """make(), or what an earlier make() stored for the same bytes and context, made by the
    same pressguard code: for what is computed from a cassette file alone (the recorded page's
    template fingerprint and profile measures, pressguard.verdict.assess), so a corpus's
    recorded side is computed once, not on every run. Keyed by the bytes, the context (what
    else make reads: the site, the path), and the source of every pressguard module and the
    parsers' versions, so an edited cassette or a changed extractor is never served stale.
    An exception in make stores nothing."""
    folder = cache_folder()
    if folder is None:
        return make()
    key = hashlib.sha1(_code_salt() + context.encode("utf-8", "surrogatepass") + b"\0" + raw).hexdigest()
    entry = folder / "derived" / key[:2] / f"{key}.marshal"
    try:
        return marshal.loads(entry.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = make()
    try:
        _store(entry, marshal.dumps(value))
    except (OSError, ValueError):
        pass
    return value


_CODE_SALT: list[bytes] = []


def _code_salt() -> bytes:
    """The parse salt, the versions of lexbor's binding and of Python (its Unicode tables
    fold the text), and every pressguard source file's path and bytes: read once a process."""
    if not _CODE_SALT:
        _CODE_SALT.append(code_salt(Path(__file__).resolve().parent.parent))
    return _CODE_SALT[0]


def code_salt(package: Path) -> bytes:
    import sys

    import selectolax

    digest = hashlib.sha1(_SALT + f"selectolax {selectolax.__version__}|python {sys.version}\n".encode())
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode("utf-8", "surrogateescape") + b"\0")
        digest.update(source.read_bytes())
    return digest.hexdigest().encode("ascii") + b"\n"


def _store(entry: Path, payload: bytes) -> None:
    from .format import write_atomically  # cassettes.format imports this module

    # No fsync: a lost entry only costs a parse.
    write_atomically(entry, payload, durable=False)
