"""Every recorded page of our spiders, replayed offline through our own spider
(pressguard's add-on answers from cassettes/<spider>/), compared with its snapshot
(snapshots/<spider>/<slug>.json) and judged by pressguard's health checks.

    pytest                      # replay and compare; the replay tests get no network
    pytest --snapshot-update    # accept the changes (and new recordings)

A page is an article (its item), a listing (a page our spider only follows links
from, such as the front page: its snapshot is how many pages it led to) or a named
failure (a page that gave neither an article nor a link: it fails both tests).
"""

from pathlib import Path

import pytest

from pressguard.verdict import fails

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = sorted(p.relative_to(ROOT) for p in (ROOT / "cassettes").glob("*/*.yaml"))


def page_id(cassette: Path) -> str:
    return f"{cassette.parent.name}/{cassette.stem}"


def _replayed(pressguard_replay, cassette) -> dict:
    """The page's result from the replay report: an article's item, or a listing's links count."""
    result = pressguard_replay.get(str(cassette))
    assert result is not None, f"{cassette}: the replay produced nothing for this cassette"
    assert result["error"] is None, result["error"]
    if result["kind"] == "listing":
        return {"kind": "listing", "url": result["url"], "led_to": result["led_to"]}
    return result["item"]


@pytest.mark.parametrize("cassette", CASSETTES, ids=page_id)
def test_extraction_matches_snapshot(cassette, pressguard_replay, article_snapshot):
    article_snapshot.assert_match(_replayed(pressguard_replay, cassette))


@pytest.mark.parametrize("cassette", CASSETTES, ids=page_id)
def test_health_checks_pass(cassette, pressguard_replay, pressguard_fail_on):
    page = _replayed(pressguard_replay, cassette)
    if page.get("kind") == "listing":
        assert page["led_to"] > 0, page  # a listing leads somewhere, or it would be a failure
        return
    failing = [message for message in page["checks"].values() if message != "ok"]
    assert not fails(page["verdict"], pressguard_fail_on), f"{page['verdict']}: " + "\n".join(failing)


def test_every_snapshot_has_its_cassette():
    """A snapshot whose recording is gone is an orphan: delete it (or restore the recording)."""
    wanted = {page_id(c) for c in CASSETTES}
    orphans = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "snapshots").glob("*/*.json"))
               if page_id(p) not in wanted]
    assert not orphans, f"snapshots without a recording: {orphans}"
