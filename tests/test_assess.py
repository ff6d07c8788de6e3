"""The template baseline: every template a site's cassettes hold counts, read lazily."""

import json
import pickle
import shutil
from collections import OrderedDict
from pathlib import Path

import pytest

import pressguard.verdict.assess as assess_module

from pressguard.verdict.assess import TemplateBaseline, _final_page, recorded_fingerprint
from pressguard.cassettes.store import open_cassette
from pressguard.extract import extract_article
from pressguard.verdict.fingerprint import compare, fingerprint

ROOT = Path(__file__).resolve().parent.parent
DESTRUCTOID = ROOT / "cassettes" / "destructoid"


def _current(path: Path) -> dict:
    url, body = _final_page(open_cassette(path))
    return fingerprint(body, extract_article(body, url, site="destructoid"))


def _distinct(paths) -> set[str]:
    """The distinct fingerprints of these cassettes' pages, each made from its own extraction."""
    return {json.dumps(_current(p), sort_keys=True) for p in paths}


def test_a_template_recorded_after_many_pages_of_another_still_matches(tmp_path):
    old = sorted(DESTRUCTOID.glob("*--gamurs-blocks.yaml"))
    new = sorted(p for p in DESTRUCTOID.glob("*.yaml") if "--gamurs-blocks" not in p.name)
    folder = tmp_path / "destructoid"
    folder.mkdir()
    # many pages of the 2025 theme first, one page of the old shared blocks last
    for i in range(30):
        shutil.copy(new[i % len(new)], folder / f"a{i:02d}.yaml")
    shutil.copy(old[0], folder / "z-old-layout.yaml")
    baseline = TemplateBaseline("destructoid", sorted(folder.glob("*.yaml")))
    assert len(baseline) == 31

    assert compare(baseline.closest(_current(new[0])), _current(new[0])) == []
    assert len(baseline.fingerprints) == 1  # the first cassette already matched

    old_page = _current(old[1])
    assert compare(baseline.closest(old_page), old_page) == []  # found at the end
    assert baseline.read == 31
    # one per template: the copies of the 2025 theme repeat theirs
    assert len(baseline.fingerprints) == len(_distinct(folder.glob("*.yaml")))


def test_a_page_that_matches_nothing_gets_the_closest_with_its_differences(tmp_path):
    baseline = TemplateBaseline("destructoid", sorted(DESTRUCTOID.glob("*--gamurs-blocks.yaml")))
    new_theme = _current(next(p for p in DESTRUCTOID.glob("*.yaml") if "--gamurs-blocks" not in p.name))
    recorded = baseline.closest(new_theme)
    assert recorded is not None
    assert compare(recorded, new_theme)  # drift is reported, not hidden
    assert baseline.read == len(baseline)
    assert TemplateBaseline("destructoid", []).closest(new_theme) is None


# -- flat memory (issue #12 item 3): what is kept of the recorded pages does not grow with them


def _copies(tmp_path, sources, n) -> list[Path]:
    """n cassette files, copies of sources in turn: n recorded pages, few templates."""
    folder = tmp_path / "destructoid"
    folder.mkdir(exist_ok=True)
    paths = []
    for i in range(n):
        paths.append(folder / f"c{i:03d}.yaml")
        shutil.copy(sources[i % len(sources)], paths[-1])
    return paths


@pytest.fixture
def fresh_cache(monkeypatch):
    monkeypatch.setattr(assess_module, "_RECORDED", OrderedDict())
    monkeypatch.setattr(assess_module, "_FINGERPRINTS", OrderedDict(), raising=False)


def test_the_baseline_keeps_one_fingerprint_per_template_however_many_pages(tmp_path, fresh_cache):
    sources = sorted(DESTRUCTOID.glob("*.yaml"))[:4]
    paths = _copies(tmp_path, sources, 60)
    baseline = TemplateBaseline("destructoid", paths)
    nothing_like_it = {"version": 2, "page": {"layout": "elsewhere"}, "fields": {}}
    baseline.closest(nothing_like_it)  # matches none: every cassette is read
    assert baseline.read == 60
    assert 1 <= len(baseline.fingerprints) == len(_distinct(sources)) <= len(sources)


def _held_bytes() -> int:
    """What the recorded-page cache holds, serialised (an object shared by entries once)."""
    return len(pickle.dumps(list(assess_module._RECORDED.values()), protocol=pickle.HIGHEST_PROTOCOL))


def test_the_recorded_page_cache_keeps_no_item_and_shares_fingerprints(tmp_path, fresh_cache):
    paths = _copies(tmp_path, sorted(DESTRUCTOID.glob("*.yaml"))[:1], 40)
    recorded_fingerprint(paths[0], "destructoid")
    one = _held_bytes()
    for path in paths[1:]:
        recorded_fingerprint(path, "destructoid")
    assert len(assess_module._RECORDED) == 40
    # each further page adds its measures (a few hundred bytes: its address, headline and a key
    # per prose paragraph among them, recorded_stories), not its item (kilobytes of body) nor a fingerprint
    assert _held_bytes() - one < 39 * 600


def test_the_recorded_page_cache_is_bounded_in_entries(tmp_path, fresh_cache, monkeypatch):
    monkeypatch.setattr(assess_module, "RECORDED_MAX", 8)
    monkeypatch.setattr(assess_module, "FINGERPRINTS_MAX", 2)
    sources = sorted(DESTRUCTOID.glob("*.yaml"))[:4]
    paths = _copies(tmp_path, sources, 20)
    made = [recorded_fingerprint(p, "destructoid") for p in paths]
    assert len(assess_module._RECORDED) == 8
    assert len(assess_module._FINGERPRINTS) <= 2
    # what a cap evicted is made again, the same
    assert [recorded_fingerprint(p, "destructoid") for p in paths] == made


def test_the_profile_fingerprints_only_the_pages_the_baseline_reads(tmp_path, fresh_cache, monkeypatch):
    """The profile reads every page of the site, the baseline stops at the first recording
    that matches: a page read for the profile alone is not fingerprinted, and one the
    baseline reads later gets the fingerprint it would have had."""
    sources = sorted(DESTRUCTOID.glob("*.yaml"))[:4]
    paths = _copies(tmp_path, sources, 12)
    eager = [recorded_fingerprint(p, "destructoid") for p in paths]
    assess_module._RECORDED.clear()
    made = []
    real = assess_module.fingerprint
    monkeypatch.setattr(assess_module, "fingerprint", lambda *a, **k: made.append(1) or real(*a, **k))
    baseline = TemplateBaseline("destructoid", paths)
    assert baseline.closest(eager[0]) == eager[0] and baseline.read == 1
    assert baseline.profile is not None
    assert len(made) == 1  # the profile measured the other eleven without fingerprinting them
    nothing_like_it = {"version": 2, "page": {"layout": "elsewhere"}, "fields": {}}
    baseline.closest(nothing_like_it)  # matches none: the rest are read now
    assert baseline.read == 12 and len(made) == 12
    assert [recorded_fingerprint(p, "destructoid") for p in paths] == eager
    assert len(made) == 12
