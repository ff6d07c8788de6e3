"""pytest plugin: cassette replay for the snapshot suite, pytest-recording's flags.

- `--record-mode` (none | once | new_episodes | all; default none) re-records
  the cassettes of the selected tests from the live site before replaying
  them, with vcrpy's meaning of each mode.
- In `none` mode the network is blocked for the whole test process (loopback
  excepted, for local test servers) and for the replay, so a test that
  reaches for the live web fails with a message saying so.
- `pressguard_replay`: one replay through the real Scrapy engine for every
  cassette the session selected, in a subprocess (Twisted's reactor runs once
  per process); maps cassette path -> {"url", "item", "error"}.
- `--pressguard-fail-on broken|drift` and the `pressguard_fail_on` fixture: which
  page verdict fails the health assertion (default broken).
- `article_snapshot.assert_match(item)`: syrupy's `snapshot`, stored as
  snapshots/<site>/<slug>.json, failing with a field-level report.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .cassettes import CACHE, first_url
from .network_block import block_network, unblock_network
from .snapshot_extension import ArticleSnapshotExtension
from .verdict import FAIL_ON

RECORD_MODES = ("none", "once", "new_episodes", "all")
CASSETTE_PARAM = "cassette"


def pytest_addoption(parser):
    group = parser.getgroup("pressguard")
    group.addoption(
        "--record-mode",
        choices=RECORD_MODES,
        default="none",
        help="re-record the selected tests' cassettes from the live sites first (default: none)",
    )
    group.addoption(
        "--pressguard-fail-on",
        choices=FAIL_ON,
        default="broken",
        help="which page verdict fails the health assertion: broken (default), or drift too",
    )


def pytest_configure(config):
    ArticleSnapshotExtension.root = Path(config.rootpath) / "snapshots"


@pytest.fixture(scope="session", autouse=True)
def _network_blocked_in_replay(request):
    if request.config.getoption("--record-mode") != "none":
        yield
        return
    block_network(allow_loopback=True)
    yield
    unblock_network()


def selected_cassettes(session) -> list[str]:
    seen: dict[str, None] = {}
    for item in session.items:
        callspec = getattr(item, "callspec", None)
        if callspec and CASSETTE_PARAM in callspec.params:
            seen[str(callspec.params[CASSETTE_PARAM])] = None
    return list(seen)


@pytest.fixture(scope="session")
def pressguard_replay(request, tmp_path_factory) -> dict[str, dict]:
    cassettes = selected_cassettes(request.session)
    if not cassettes:
        return {}
    rootdir = Path(request.config.rootpath)
    mode = request.config.getoption("--record-mode")
    if mode != "none":
        _record(cassettes, mode, rootdir)
    report = tmp_path_factory.mktemp("replay") / "report.json"
    command = [sys.executable, "-m", "pressguard.cli", "replay", "-q", "--report", str(report), *cassettes]
    if mode == "none":
        command.append("--block-network")
    done = subprocess.run(command, cwd=rootdir, capture_output=True, text=True)
    if not report.exists():
        pytest.fail(f"pressguard replay did not run: {done.stderr.strip() or done.stdout.strip()}", pytrace=False)
    results = {}
    for page in json.loads(report.read_text(encoding="utf-8")):
        results[page["cassette"]] = page
    return results


def _record(cassettes: list[str], mode: str, rootdir: Path) -> None:
    """Re-record each cassette in place (same site folder, same name)."""
    for cassette in cassettes:
        path = rootdir / cassette
        url = first_url(CACHE.get(path))
        command = [
            sys.executable, "-m", "pressguard.cli", "record", url,
            "--site", path.parent.name, "--cassettes", str(path.parent.parent),
            "--name", path.stem, "--record-mode", mode, "--overwrite",
        ]
        done = subprocess.run(command, cwd=rootdir, capture_output=True, text=True)
        if done.returncode != 0:
            pytest.fail(f"re-recording {cassette} failed: {done.stderr.strip() or done.stdout.strip()}", pytrace=False)


class ArticleSnapshot:
    """syrupy's snapshot assertion for articles, failing with the whole report.

    pytest truncates a long assertion explanation; a field-by-field report is
    useless cut short, so a mismatch fails with it in full instead.
    """

    def __init__(self, snapshot):
        self._snapshot = snapshot.use_extension(ArticleSnapshotExtension)

    def assert_match(self, item: dict, *, matcher=None) -> None:
        assertion = self._snapshot(matcher=matcher)
        if not assertion == item:  # syrupy records the comparison (and --snapshot-update)
            pytest.fail("\n".join(assertion.get_assert_diff()), pytrace=False)


@pytest.fixture
def pressguard_fail_on(request) -> str:
    """The verdict that fails a page's health assertion (--pressguard-fail-on)."""
    return request.config.getoption("--pressguard-fail-on")


@pytest.fixture
def article_snapshot(snapshot) -> ArticleSnapshot:
    return ArticleSnapshot(snapshot)
