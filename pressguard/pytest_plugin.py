"""pytest plugin: cassette replay for the snapshot suite, built on pytest-recording.

pytest-recording owns the options a vcrpy user already knows; pressguard reads
them instead of defining its own (two plugins defining `--record-mode` stop
pytest from starting):

- `--record-mode` (none | once | new_episodes | all | rewrite; default none)
  re-records the cassettes of the selected tests from the live site before
  replaying them, with vcrpy's meaning of each mode per cassette; `rewrite`
  (pytest-recording's "delete and record afresh") is pressguard's `all`.
- Network blocking is per test, as pytest-recording scopes it: every test that
  uses `pressguard_replay` gets pytest-recording's `block_network` mark, so it
  is refused any connection but to `--allowed-hosts` (or `vcr_config`'s
  `allowed_hosts`); other tests in the same run keep the network unless they
  ask for blocking themselves (`--block-network`, `@pytest.mark.block_network`).
  The replay subprocess runs with `pressguard replay --block-network` in
  record mode none.
- `@pytest.mark.vcr` is not put on replay tests: it installs a vcrpy cassette
  in the test process, where nothing fetches (the replay runs in a
  subprocess), and in `rewrite` mode it would delete that cassette.
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
import pytest_recording  # noqa: F401  first: it marks vcr.matchers for assert rewriting, before .cassettes imports vcr

from .cassettes import CACHE, first_url
from .snapshot_extension import ArticleSnapshotExtension
from .verdict import FAIL_ON

CASSETTE_PARAM = "cassette"
REPLAY_FIXTURE = "pressguard_replay"
RECORDING_PLUGIN = "recording"  # pytest-recording's entry-point name
# pytest-recording's record modes -> `pressguard record --record-mode`
# (None: replay only). `rewrite` throws the old recording away, as `all` does.
RECORD_MODES = {"none": None, "once": "once", "new_episodes": "new_episodes", "all": "all", "rewrite": "all"}


def pytest_addoption(parser):
    group = parser.getgroup("pressguard")
    group.addoption(
        "--pressguard-fail-on",
        choices=FAIL_ON,
        default="broken",
        help="which page verdict fails the health assertion: broken (default), or drift too",
    )


def pytest_configure(config):
    if not config.pluginmanager.hasplugin(RECORDING_PLUGIN):
        raise pytest.UsageError(
            "pressguard's pytest plugin reads pytest-recording's --record-mode and --block-network, "
            "but pytest-recording is not loaded: install it (pip install pytest-recording) "
            "and do not disable it with -p no:recording"
        )
    ArticleSnapshotExtension.root = Path(config.rootpath) / "snapshots"


def record_mode(config) -> str:
    """pytest-recording's --record-mode; unset means none, as pytest-recording reads it."""
    return config.getoption("--record-mode") or "none"


def pytest_collection_modifyitems(config, items):
    """Block the network for the tests that replay, and only for them."""
    for item in items:
        if REPLAY_FIXTURE in getattr(item, "fixturenames", ()) and item.get_closest_marker("block_network") is None:
            item.add_marker(pytest.mark.block_network)


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
    mode = RECORD_MODES[record_mode(request.config)]
    if mode is not None:
        _record(cassettes, mode, rootdir)
    report = tmp_path_factory.mktemp("replay") / "report.json"
    command = [sys.executable, "-m", "pressguard.cli", "replay", "-q", "--report", str(report), *cassettes]
    if mode is None:
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
