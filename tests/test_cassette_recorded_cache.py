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


def test_another_site_or_path_is_another_entry(tmp_path, monkeypatch, extractions):
    monkeypatch.setenv("PRESSGUARD_PARSE_CACHE", str(tmp_path / "cache"))
    source = SAMPLE[0]
    twin = tmp_path / source.name
    shutil.copy(source, twin)
    _made(source, source.parent.name)
    _made(twin, source.parent.name)  # the same bytes elsewhere: the path is the page's URL of last resort
    _made(source, "generic")
    assert len(extractions) == 3


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
