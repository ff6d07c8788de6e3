"""The template baseline: every template a site's cassettes hold counts, read lazily."""

import shutil
from pathlib import Path

from pressguard.verdict.assess import TemplateBaseline, _final_page
from pressguard.cassettes.store import open_cassette
from pressguard.extract import extract_article
from pressguard.verdict.fingerprint import compare, fingerprint

ROOT = Path(__file__).resolve().parent.parent
DESTRUCTOID = ROOT / "cassettes" / "destructoid"


def _current(path: Path) -> dict:
    url, body = _final_page(open_cassette(path))
    return fingerprint(body, extract_article(body, url, site="destructoid"))


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
    assert len(baseline.fingerprints) == 31


def test_a_page_that_matches_nothing_gets_the_closest_with_its_differences(tmp_path):
    baseline = TemplateBaseline("destructoid", sorted(DESTRUCTOID.glob("*--gamurs-blocks.yaml")))
    new_theme = _current(next(p for p in DESTRUCTOID.glob("*.yaml") if "--gamurs-blocks" not in p.name))
    recorded = baseline.closest(new_theme)
    assert recorded is not None
    assert compare(recorded, new_theme)  # drift is reported, not hidden
    assert len(baseline.fingerprints) == len(baseline)
    assert TemplateBaseline("destructoid", []).closest(new_theme) is None
