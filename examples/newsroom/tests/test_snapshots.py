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

# Recorded pages that are not articles: the spider follows their links and yields
# no item. Named here, so an article page that stops giving an item still fails.
LISTING_PAGES = {"gazette/index"}


def page_id(cassette: Path) -> str:
    return f"{cassette.parent.name}/{cassette.stem}"


ARTICLES = [c for c in CASSETTES if page_id(c) not in LISTING_PAGES]
LISTINGS = [c for c in CASSETTES if page_id(c) in LISTING_PAGES]


def _replayed(pressguard_replay, cassette) -> dict:
    result = pressguard_replay.get(str(cassette))
    assert result is not None, f"{cassette}: the replay produced nothing for this cassette"
    assert result["error"] is None, result["error"]
    return result["item"]


@pytest.mark.parametrize("cassette", ARTICLES, ids=page_id)
def test_extraction_matches_snapshot(cassette, pressguard_replay, article_snapshot):
    article_snapshot.assert_match(_replayed(pressguard_replay, cassette))


@pytest.mark.parametrize("cassette", ARTICLES, ids=page_id)
def test_health_checks_pass(cassette, pressguard_replay, pressguard_fail_on):
    item = _replayed(pressguard_replay, cassette)
    failing = [message for message in item["checks"].values() if message != "ok"]
    assert not fails(item["verdict"], pressguard_fail_on), f"{item['verdict']}: " + "\n".join(failing)


@pytest.mark.parametrize("cassette", LISTINGS, ids=page_id)
def test_listing_page_replays_without_an_article(cassette, pressguard_replay):
    result = pressguard_replay.get(str(cassette))
    assert result is not None, f"{cassette}: the replay produced nothing for this cassette"
    assert result["item"] is None, f"{cassette}: a listing page gave an article: {result['item']}"
    assert "gave no item with article fields" in (result["error"] or ""), result["error"]


def test_every_snapshot_has_its_cassette():
    """A snapshot whose recording is gone is an orphan: delete it (or restore the recording)."""
    wanted = {page_id(c) for c in ARTICLES}
    orphans = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "snapshots").glob("*/*.json"))
               if page_id(p) not in wanted]
    assert not orphans, f"snapshots without a recording: {orphans}"
