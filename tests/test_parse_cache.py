"""The parse cache: same bytes parsed once, never stale, harmless when unusable."""

import os
import stat
import subprocess
import sys

import pytest

from pressguard.cassettes import parse_cache


@pytest.fixture
def counting_parse():
    calls = []

    def parse(raw: bytes):
        calls.append(raw)
        return {"body": raw.decode(), "n": len(calls)}

    parse.calls = calls
    return parse


def test_same_bytes_are_parsed_once(tmp_path, monkeypatch, counting_parse):
    monkeypatch.setenv("PRESSGUARD_PARSE_CACHE", str(tmp_path))
    first = parse_cache.load(b"page one", counting_parse)
    again = parse_cache.load(b"page one", counting_parse)
    assert first == again == {"body": "page one", "n": 1}
    assert len(counting_parse.calls) == 1


def test_changed_bytes_are_never_served_stale(tmp_path, monkeypatch, counting_parse):
    monkeypatch.setenv("PRESSGUARD_PARSE_CACHE", str(tmp_path))
    parse_cache.load(b"page one", counting_parse)
    assert parse_cache.load(b"page one, re-recorded", counting_parse)["body"] == "page one, re-recorded"
    assert len(counting_parse.calls) == 2


@pytest.mark.parametrize("setting", [None, "off"])
def test_unset_or_off_means_no_cache(tmp_path, monkeypatch, counting_parse, setting):
    if setting is None:
        monkeypatch.delenv("PRESSGUARD_PARSE_CACHE", raising=False)
    else:
        monkeypatch.setenv("PRESSGUARD_PARSE_CACHE", setting)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    parse_cache.load(b"x", counting_parse)
    parse_cache.load(b"x", counting_parse)
    assert len(counting_parse.calls) == 2
    assert not any(tmp_path.iterdir())


def test_unwritable_or_corrupt_cache_only_costs_a_parse(tmp_path, monkeypatch, counting_parse):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PRESSGUARD_PARSE_CACHE", str(blocker))
    assert parse_cache.load(b"x", counting_parse)["body"] == "x"
    folder = tmp_path / "cache"
    monkeypatch.setenv("PRESSGUARD_PARSE_CACHE", str(folder))
    parse_cache.load(b"y", counting_parse)
    (entry,) = folder.rglob("*.marshal")
    entry.write_bytes(b"\x00garbage")
    assert parse_cache.load(b"y", counting_parse)["body"] == "y"
    assert len(counting_parse.calls) == 3


def test_entries_are_written_with_the_users_umask(tmp_path):
    # A subprocess, so the umask set is the process's own and nothing else here sees it.
    script = (
        "import os, sys; os.umask(0o022); from pressguard.cassettes import parse_cache; "
        "parse_cache.load(b'x', lambda raw: {'body': raw.decode()})"
    )
    env = {**os.environ, "PRESSGUARD_PARSE_CACHE": str(tmp_path)}
    subprocess.run([sys.executable, "-c", script], env=env, check=True)
    (entry,) = tmp_path.rglob("*.marshal")
    assert stat.S_IMODE(entry.stat().st_mode) == 0o644
    assert [p.name for p in entry.parent.iterdir()] == [entry.name]  # no temporary file left
