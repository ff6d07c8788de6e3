"""The recorded side through the parse cache: what a site's recorded pages give the template
baseline and the site profile is made once per cassette's bytes and pressguard's code, read
back as it was made, and never stale."""

import json
import shutil
from pathlib import Path

import pytest

import pressguard.verdict.assess as assess_module
from pressguard.cassettes import parse_cache

ROOT = Path(__file__).resolve().parent.parent
# one cassette of every shipped site: varied layouts, bylines, dates and measures
SAMPLE = [sorted((ROOT / "cassettes" / site).glob("*.yaml"))[0]
          for site in sorted(p.name for p in (ROOT / "cassettes").iterdir() if p.is_dir() and p.name[0] != "_")]


@pytest.fixture
def extractions(monkeypatch):
    """The recorded side's extractions, counted; the process's own memory of them emptied
    before and after (so a second read in the test must come from the disk cache)."""
    calls = []
    real = assess_module.extract_article

    def counting(*args, **kwargs):
        calls.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(assess_module, "extract_article", counting)
    assess_module._RECORDED.clear()
    yield calls
    assess_module._RECORDED.clear()


def _made(path: Path, site: str) -> tuple[str, str, object]:
    """What the recorded side keeps of a page: its fingerprint (as JSON, key order included)
    and its measures."""
    recorded = assess_module._recorded(path, site)
    return recorded.template, json.dumps(recorded.fingerprint), recorded.measures


def test_a_recorded_page_comes_back_from_the_cache_as_it_was_made(tmp_path, monkeypatch, extractions):
    monkeypatch.setenv("PRESSGUARD_PARSE_CACHE", "off")
    fresh = {path: _made(path, path.parent.name) for path in SAMPLE}
    monkeypatch.setenv("PRESSGUARD_PARSE_CACHE", str(tmp_path / "cache"))
    assess_module._RECORDED.clear()
    filled = {path: _made(path, path.parent.name) for path in SAMPLE}
    assert filled == fresh
    made = len(extractions)
    assess_module._RECORDED.clear()  # a new run: only the disk remembers
    again = {path: _made(path, path.parent.name) for path in SAMPLE}
    assert again == fresh
    assert len(extractions) == made == 2 * len(SAMPLE)  # nothing extracted on the second run


def test_an_edited_cassette_is_made_again_never_served_stale(tmp_path, monkeypatch, extractions):
    monkeypatch.setenv("PRESSGUARD_PARSE_CACHE", str(tmp_path / "cache"))
    source = ROOT / "cassettes" / "destructoid" / "starfall-tactics-review-worth-the-wait.yaml"
    folder = tmp_path / "destructoid"
    folder.mkdir()
    copy = folder / source.name
    shutil.copy(source, copy)
    before = _made(copy, "destructoid")
    text = copy.read_text(encoding="utf-8")
    assert text.count("post-content") >= 1
    copy.write_text(text.replace("post-content", "story-text"), encoding="utf-8")  # a renamed body container
    assess_module._RECORDED.clear()
    after = _made(copy, "destructoid")
    monkeypatch.setenv("PRESSGUARD_PARSE_CACHE", "off")
    assess_module._RECORDED.clear()
    assert after == _made(copy, "destructoid") != before
    assert "story-text" in after[0] and "story-text" not in before[0]


def test_the_code_salt_changes_with_any_pressguard_source(tmp_path):
    package = tmp_path / "pressguard"
    (package / "extract").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "extract" / "layout.py").write_text("TITLE = 'h1'\n")
    first = parse_cache.code_salt(package)
    assert parse_cache.code_salt(package) == first
    (package / "extract" / "layout.py").write_text("TITLE = 'h2'\n")
    assert parse_cache.code_salt(package) != first
    (package / "extract" / "layout.py").rename(package / "extract" / "other.py")
    assert parse_cache.code_salt(package) != first


def test_another_site_is_another_entry_the_same_bytes_elsewhere_are_not(tmp_path, monkeypatch, extractions):
    monkeypatch.setenv("PRESSGUARD_PARSE_CACHE", str(tmp_path / "cache"))
    source = SAMPLE[0]
    twin = tmp_path / source.name
    shutil.copy(source, twin)
    made = _made(source, source.parent.name)
    assert _made(twin, source.parent.name) == made  # the same bytes elsewhere: read back
    assert len(extractions) == 1
    _made(source, "generic")
    assert len(extractions) == 2


def test_a_moved_checkout_reads_the_entries_made_before_the_move(tmp_path, monkeypatch, extractions):
    """The entries hold no path: a corpus moved (a CI checkout in another folder, a renamed
    clone) with the cache folder starts warm, and reads what a run there made afresh."""
    monkeypatch.setenv("PRESSGUARD_PARSE_CACHE", str(tmp_path / "cache"))
    before = tmp_path / "checkout" / "cassettes"
    for path in SAMPLE:
        (before / path.parent.name).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, before / path.parent.name / path.name)
    made = {path.name: _made(before / path.parent.name / path.name, path.parent.name) for path in SAMPLE}
    assert len(extractions) == len(SAMPLE)  # one extraction a page: its measures and fingerprint
    after = tmp_path / "moved" / "cassettes"
    after.parent.mkdir()
    before.rename(after)
    assess_module._RECORDED.clear()  # a new run
    moved = {path.name: _made(after / path.parent.name / path.name, path.parent.name) for path in SAMPLE}
    assert moved == made
    assert len(extractions) == len(SAMPLE)  # nothing extracted after the move
    monkeypatch.setenv("PRESSGUARD_PARSE_CACHE", "off")
    assess_module._RECORDED.clear()
    assert {path.name: _made(after / path.parent.name / path.name, path.parent.name) for path in SAMPLE} == made


def test_replay_gives_the_same_items_with_the_cache_cold_warm_and_off(cli, tmp_path):
    shutil.copytree(ROOT / "cassettes" / "destructoid", tmp_path / "cassettes" / "destructoid")
    cache = tmp_path / "cache"
    outputs = []
    for setting in ("off", str(cache), str(cache)):
        out = tmp_path / f"items-{len(outputs)}.jsonl"
        done = cli("replay", "-q", "-j", "1", "cassettes", "-o", out, env={"PRESSGUARD_PARSE_CACHE": setting})
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    assert len(outputs[0].splitlines()) == len(list((tmp_path / "cassettes" / "destructoid").glob("*.yaml")))
    assert list((cache / "derived").rglob("*.marshal"))  # the recorded side was stored


@pytest.fixture
def default_folder(tmp_path, monkeypatch):
    """PRESSGUARD_PARSE_CACHE unset, derived entries kept where the pytest plugin's replay keeps
    them (keep_derived_in), as a shard of the snapshot suite runs."""
    monkeypatch.delenv("PRESSGUARD_PARSE_CACHE", raising=False)
    folder = tmp_path / ".pressguard-cache"
    parse_cache.keep_derived_in(folder)
    yield folder
    parse_cache.keep_derived_in(None)


def _entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("derived/*/*/*.marshal"))


def test_unset_the_derived_entries_go_where_a_caller_said_off_nowhere(tmp_path, monkeypatch, default_folder):
    assert parse_cache.derived_folder() == default_folder
    assert parse_cache.cache_folder() is None  # parsed cassettes (as large as the files) stay uncached
    monkeypatch.setenv("PRESSGUARD_PARSE_CACHE", "off")
    assert parse_cache.derived_folder() is None
    monkeypatch.setenv("PRESSGUARD_PARSE_CACHE", str(tmp_path / "elsewhere"))
    assert parse_cache.derived_folder() == tmp_path / "elsewhere"
    parse_cache.keep_derived_in(None)
    monkeypatch.delenv("PRESSGUARD_PARSE_CACHE")
    assert parse_cache.derived_folder() is None  # nobody asked: nothing written (pressguard replay, assess())


def test_filling_the_cache_extracts_no_page_more_than_no_cache(monkeypatch, extractions, default_folder):
    """The profile measures every page of a site, the baseline fingerprints the few it reads:
    measures and fingerprints are entries of their own, so a cold run makes what a run without
    the cache makes, and a warm run extracts nothing."""
    site = "destructoid"
    paths = sorted((ROOT / "cassettes" / site).glob("*.yaml"))[:4]

    def a_run() -> list:
        assess_module._RECORDED.clear()
        measures = [assess_module.recorded_measures(path, site) for path in paths]  # the profile
        fingerprint = assess_module.recorded_fingerprint(paths[0], site)  # the baseline, one page
        return [measures, json.dumps(fingerprint)]

    monkeypatch.setenv("PRESSGUARD_PARSE_CACHE", "off")
    without = a_run()
    uncached = len(extractions)
    assert uncached == len(paths) + 1  # the fingerprinted page is extracted again, as it always was
    monkeypatch.delenv("PRESSGUARD_PARSE_CACHE")
    assert a_run() == without
    assert len(extractions) == 2 * uncached  # filling it: the same extractions
    assert len(_entries(default_folder)) == len(paths) + 1  # every page's measures, one fingerprint
    assert a_run() == without
    assert len(extractions) == 2 * uncached  # warm: none


def test_a_damaged_entry_is_ignored_with_a_one_line_warning_and_made_again(capsys, extractions, default_folder):
    path = SAMPLE[0]
    fresh = _made(path, path.parent.name)
    entries = _entries(default_folder)
    assert len(entries) == 2  # its measures and its fingerprint
    for entry, damage in zip(entries, (lambda b: b[:-7], lambda b: b[:-1] + bytes([b[-1] ^ 1]))):
        entry.write_bytes(damage(entry.read_bytes()))  # truncated; one bit flipped (marshal reads both)
    capsys.readouterr()
    assess_module._RECORDED.clear()
    assert _made(path, path.parent.name) == fresh
    warnings = capsys.readouterr().err.splitlines()
    assert len(warnings) == 2 and all("a damaged cache entry, ignored and made again" in w for w in warnings)
    assert {str(e) for e in entries} == {w.split(": ")[1] for w in warnings}  # each names its file
    assess_module._RECORDED.clear()
    made = len(extractions)
    assert _made(path, path.parent.name) == fresh  # written again, whole
    assert len(extractions) == made and not capsys.readouterr().err


def test_an_interrupted_write_leaves_no_entry_and_no_temporary_file(monkeypatch, extractions, default_folder):
    import os

    def interrupted(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", interrupted)
    path = SAMPLE[0]
    assert _made(path, path.parent.name)  # the value all the same
    monkeypatch.undo()
    assert not [p for p in default_folder.rglob("*") if p.is_file() and p.name != ".gitignore"]


def test_another_codes_entries_are_removed_when_the_first_of_this_code_is_written(monkeypatch, extractions,
                                                                                   default_folder):
    path = SAMPLE[0]
    monkeypatch.setattr(parse_cache, "_CODE_SALT", [b"0" * 40 + b"\n"])  # an older pressguard
    _made(path, path.parent.name)
    (old,) = (default_folder / "derived").iterdir()
    (default_folder / "derived" / "notes").mkdir()  # not an entry folder: left alone
    monkeypatch.undo()
    assess_module._RECORDED.clear()
    _made(path, path.parent.name)
    current = [p for p in (default_folder / "derived").iterdir() if p.name != "notes"]
    assert current != [old] and len(current) == 1 and len(_entries(default_folder)) == 2
    assert (default_folder / "derived" / "notes").is_dir()
    assert (default_folder / ".gitignore").read_text().splitlines()[-1] == "*"  # never committed


def test_a_folder_the_user_names_gets_no_gitignore(tmp_path, monkeypatch, extractions):
    folder = tmp_path / "project"  # PRESSGUARD_PARSE_CACHE=. in a project, say
    monkeypatch.setenv("PRESSGUARD_PARSE_CACHE", str(folder))
    _made(SAMPLE[0], SAMPLE[0].parent.name)
    assert len(_entries(folder)) == 2
    assert not (folder / ".gitignore").exists()


def test_the_code_salt_follows_the_decoders_version(tmp_path, monkeypatch):
    import w3lib

    package = tmp_path / "pressguard"
    package.mkdir()
    (package / "__init__.py").write_text("")
    first = parse_cache.code_salt(package)
    monkeypatch.setattr(w3lib, "__version__", "0.0.1")
    assert parse_cache.code_salt(package) != first
