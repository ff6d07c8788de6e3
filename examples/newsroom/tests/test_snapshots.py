"""Every recorded page of our spiders, replayed offline through our own spider
(pressguard's add-on answers from cassettes/<spider>/), compared with its snapshot
(snapshots/<spider>/<slug>.json) and judged by pressguard's health checks.

    pytest                      # replay and compare; the replay tests get no network
    pytest --snapshot-update    # accept the changes (and new recordings)
"""

from pathlib import Path

import pytest

from pressguard.verdict import fails

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = sorted(p.relative_to(ROOT) for p in (ROOT / "cassettes").glob("*/*.yaml"))
IDS = [f"{p.parent.name}/{p.stem}" for p in CASSETTES]


def _replayed(pressguard_replay, cassette) -> dict:
    result = pressguard_replay.get(str(cassette))
    assert result is not None, f"{cassette}: the replay produced nothing for this cassette"
    assert result["error"] is None, result["error"]
    return result["item"]


@pytest.mark.parametrize("cassette", CASSETTES, ids=IDS)
def test_extraction_matches_snapshot(cassette, pressguard_replay, article_snapshot):
    article_snapshot.assert_match(_replayed(pressguard_replay, cassette))


@pytest.mark.parametrize("cassette", CASSETTES, ids=IDS)
def test_health_checks_pass(cassette, pressguard_replay, pressguard_fail_on):
    item = _replayed(pressguard_replay, cassette)
    failing = [message for message in item["checks"].values() if message != "ok"]
    assert not fails(item["verdict"], pressguard_fail_on), f"{item['verdict']}: " + "\n".join(failing)
