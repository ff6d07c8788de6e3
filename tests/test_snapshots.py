"""The regression suite: every shipped cassette, replayed through the real engine,
against its snapshot (snapshots/<site>/<slug>.json) and the health checks.

`pytest --snapshot-update` accepts changes; a new cassette fails until its
snapshot is accepted; `--record-mode=all` re-records the selected cassettes.
"""

from pathlib import Path

import pytest
from syrupy.matchers import path_type

from pressguard.cassettes.store import find_cassettes
from pressguard.verdict import fails

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = [p.relative_to(ROOT) for p in find_cassettes([ROOT / "cassettes"])]
IDS = [f"{p.parent.name}/{p.stem}" for p in CASSETTES]


def volatile_fields(item: dict):
    """syrupy matcher for values that legitimately change when a page is re-recorded:
    a date the page only gives relative to the fetch ("2 hours ago")."""
    provenance = item.get("provenance") or {}
    fields = [field for field, strategy in provenance.items() if str(strategy).endswith("/relative")]
    return path_type({field: (str,) for field in fields}) if fields else None


def test_relative_dates_are_matched_by_type_not_value():
    matcher = volatile_fields({"provenance": {"published": "template/relative", "headline": "template"}})
    assert matcher(data="2026-01-01T10:00:00+00:00", path=(("published", str),)) != "2026-01-01T10:00:00+00:00"
    assert matcher(data="A headline", path=(("headline", str),)) == "A headline"
    assert volatile_fields({"provenance": {"published": "meta"}}) is None


@pytest.mark.parametrize("cassette", CASSETTES, ids=IDS)
def test_cassette_matches_snapshot_and_is_healthy(cassette, pressguard_replay, article_snapshot, pressguard_fail_on):
    """One test per cassette (pytest's per-test cost paid once per page): the article against
    its snapshot, and its verdict; when both fail, both are reported."""
    result = pressguard_replay.get(str(cassette))
    assert result is not None, f"{cassette}: the replay produced nothing for this cassette"
    assert result["error"] is None, result["error"]
    item = result["item"]
    problems = []
    try:
        article_snapshot.assert_match(item, matcher=volatile_fields(item))
    except pytest.fail.Exception as mismatch:
        problems.append(str(mismatch))
    if fails(item["verdict"], pressguard_fail_on):
        failing = "\n".join(f"  {name}: {message}" for name, message in item["checks"].items() if message != "ok")
        problems.append(f"health: {cassette}: verdict {item['verdict']} (fails on {pressguard_fail_on}); "
                        f"failing checks:\n{failing}")
    if problems:
        pytest.fail("\n\n".join(problems), pytrace=False)


def test_every_snapshot_has_its_cassette():
    """A snapshot whose cassette is gone is an orphan: delete it (or restore the cassette)."""
    snapshots = ROOT / "snapshots"
    wanted = {(p.parent.name, p.stem) for p in CASSETTES}
    orphans = [str(p.relative_to(ROOT)) for p in sorted(snapshots.rglob("*.json")) if (p.parent.name, p.stem) not in wanted]
    assert not orphans, f"snapshots without a cassette: {orphans}"
