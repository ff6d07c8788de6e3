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
- `pressguard_replay`: the replay through the real Scrapy engine of the
  cassettes the session selected, in a `pressguard replay` subprocess (Twisted's
  reactor runs once per process); `.get(cassette path)` -> {"url", "item", "error"}.
  Without xdist, every selected cassette is replayed once, at the first test
  that asks, sharded over processes (`--pressguard-jobs N`, default as
  `pressguard replay -j`). Under pytest-xdist, the cassettes are split into one
  shard per worker by site (pressguard.scrapy.shards.plan); the workers write each
  replay test's shard down in the run's shared temporary folder, and under
  `--dist loadgroup` (what `-n N` alone now means) the controller's scheduler
  sends a shard's tests to one worker, which replays that shard's selected
  cassettes when its first test asks, once. Whatever the `--dist` mode, a
  worker first claims a shard (a file created exclusively in that folder); a
  worker whose test belongs to a shard another worker claimed waits for that
  replay's report: no cassette is replayed twice.
- `--pressguard-fail-on broken|drift` and the `pressguard_fail_on` fixture: which
  page verdict fails the health assertion (default broken).
- `article_snapshot.assert_match(item)`: syrupy's `snapshot`, stored as
  snapshots/<site>/<slug>.json, failing with a field-level report.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import pytest_recording  # noqa: F401  first: it marks vcr.matchers for assert rewriting, before .cassettes imports vcr

from ..cassettes.format import write_atomically
from ..cassettes.store import CACHE, first_url
from .snapshot_extension import ArticleSnapshotExtension
from ..verdict import FAIL_ON

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
    group.addoption(
        "--pressguard-jobs",
        type=int,
        default=None,
        metavar="N",
        help="replay the selected cassettes in N processes (default: as `pressguard replay -j`, the number "
             "of CPUs for a large corpus); under pytest-xdist each worker replays its own share in one",
    )


@pytest.hookimpl(wrapper=True)  # around xdist's own (tryfirst), which turns a bare -n into --dist load
def pytest_cmdline_main(config):
    """`-n N` without --dist: loadgroup, so each shard's tests go to the worker that replays it."""
    option = config.option
    if (getattr(option, "numprocesses", None) and getattr(option, "dist", None) == "no"
            and not getattr(option, "distload", False)):
        option.dist = "loadgroup"
    return (yield)


@pytest.hookimpl(optionalhook=True, tryfirst=True)  # before xdist's own choice
def pytest_xdist_make_scheduler(config, log):
    """Under --dist loadgroup (a bare -n included): whole shards to one worker each."""
    if config.getvalue("dist") != "loadgroup":
        return None
    return shard_scheduling(config, log)


def shard_scheduling(config, log, scope_of=None):
    """xdist's loadgroup scheduler, a replay test's group being its shard. Other tests keep
    xdist's loadgroup grouping, or, with scope_of, go together by scope_of(nodeid) (e.g. their
    file, for a suite whose module-scoped fixtures should be built on one worker only)."""
    from xdist.scheduler import LoadGroupScheduling

    class ShardScheduling(LoadGroupScheduling):
        """xdist's loadgroup, a replay test's group being its shard, as the workers wrote it
        down at collection (pytest 9 ignores the `nodeid@group` suffix xdist_group relies on)."""

        groups: dict[str, str] | None = None

        def _split_scope(self, nodeid: str) -> str:
            if self.groups is None:
                try:
                    self.groups = json.loads((_shared_folder(config, worker=False) / GROUPS_FILE).read_text())
                except (OSError, ValueError):
                    self.groups = {}  # no replay test collected: xdist's own groups
            group = self.groups.get(nodeid)
            if group:
                return group
            return scope_of(nodeid) if scope_of else super()._split_scope(nodeid)

    return ShardScheduling(config, log)


GROUPS_FILE = "groups.json"


def _shared_folder(config, worker: bool = True) -> Path:
    """The run's folder shared by the controller and its workers (the controller's basetemp)."""
    basetemp = Path(config._tmp_path_factory.getbasetemp())  # xdist reads it there too
    folder = (basetemp.parent if worker else basetemp) / "pressguard-replay"
    folder.mkdir(exist_ok=True)
    return folder


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


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Block the network for the tests that replay, and only for them; under xdist, write
    down the shard of each replay test, for the controller's scheduler."""
    workers = _xdist_workers(config)
    shard_of = _shard_of(cassettes_of(items), workers) if workers else {}
    config.stash[SHARD_OF] = shard_of
    groups = {}
    for item in items:
        if REPLAY_FIXTURE not in getattr(item, "fixturenames", ()):
            continue
        if item.get_closest_marker("block_network") is None:
            item.add_marker(pytest.mark.block_network)
        cassette = _cassette_of(item)
        if cassette in shard_of:
            groups[item.nodeid] = f"pressguard-shard-{shard_of[cassette]}"
    if groups:  # every worker collects the same and writes the same; the controller's scheduler reads it
        write_atomically(_shared_folder(config) / GROUPS_FILE, json.dumps(groups), durable=False)


SHARD_OF = pytest.StashKey[dict]()


def _xdist_workers(config) -> int:
    """The number of xdist workers if this process is one, else 0."""
    workerinput = getattr(config, "workerinput", None)
    return int(workerinput.get("workercount", 1)) if workerinput else 0


def _cassette_of(item) -> str | None:
    callspec = getattr(item, "callspec", None)
    if callspec and CASSETTE_PARAM in callspec.params:
        return str(callspec.params[CASSETTE_PARAM])
    return None


def cassettes_of(items) -> list[str]:
    """The cassettes these tests replay, each once, in test order."""
    return list(dict.fromkeys(c for c in map(_cassette_of, items) if c is not None))


def selected_cassettes(session) -> list[str]:
    return cassettes_of(session.items)


def _shard_of(cassettes: list[str], workers: int) -> dict[str, int]:
    """cassette -> its shard: one shard per worker, a site's cassettes together."""
    from ..scrapy.shards import plan

    by_site: dict[str, list[str]] = {}
    for cassette in cassettes:
        by_site.setdefault(Path(cassette).parent.name, []).append(cassette)
    return {path: index for index, shard in enumerate(plan(by_site, workers)) for _, paths in shard for path in paths}


class Replays:
    """The replayed results of the session's cassettes: .get(cassette) -> {"url", "item", "error"}.

    Replays on first use: everything selected (no xdist), or the asking cassette's
    shard (an xdist worker), claimed so that no other worker replays it too.
    """

    def __init__(self, request, tmp_path_factory):
        self.config = request.config
        self.session = request.session
        self.rootdir = Path(request.config.rootpath)
        self.results: dict[str, dict] = {}
        self.replayed: set = set()  # shards (or "all") this process has results for
        workerinput = getattr(self.config, "workerinput", None)
        self.worker = workerinput.get("workerid") if workerinput else None
        if self.worker is None:
            self.folder = tmp_path_factory.mktemp("replay")
        else:
            self.folder = _shared_folder(request.config)

    def get(self, cassette: str, default=None):
        cassette = str(cassette)
        if cassette not in self.results:
            self._replay_for(cassette)
        return self.results.get(cassette, default)

    def __getitem__(self, cassette: str) -> dict:
        result = self.get(cassette)
        if result is None:
            raise KeyError(cassette)
        return result

    def __contains__(self, cassette) -> bool:
        return self.get(cassette) is not None

    def _replay_for(self, cassette: str) -> None:
        selected = selected_cassettes(self.session)
        if self.worker is None:
            if "all" not in self.replayed:
                self.replayed.add("all")
                self._replay(selected, self.folder / "report.json", self.config.getoption("--pressguard-jobs"))
            return
        shard = self.config.stash.get(SHARD_OF, {}).get(cassette)
        if shard is None or shard in self.replayed:
            return
        self.replayed.add(shard)
        mine = [c for c in selected if self.config.stash[SHARD_OF].get(c) == shard]
        report, done = self.folder / f"shard-{shard}.json", self.folder / f"shard-{shard}.done"
        try:  # the claim: whoever creates the file replays the shard
            claim = os.open(self.folder / f"shard-{shard}.claim", os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            self._wait_for(done, shard)
            if not report.exists():
                pytest.fail(f"the replay of these cassettes failed in xdist worker {done.read_text()}; "
                            "see that worker's first failing test", pytrace=False)
            self._load(report)
            return
        os.write(claim, f"{self.worker} {os.getpid()}".encode())
        os.close(claim)
        try:
            self._replay(mine, report, 1)
        finally:  # the waiting workers learn it is over, however it ended
            done.write_text(self.worker)

    def _wait_for(self, done: Path, shard: int) -> None:
        claim = self.folder / f"shard-{shard}.claim"
        while not done.exists():
            time.sleep(0.05)
            holder = claim.read_text().split()
            if len(holder) == 2 and not _alive(int(holder[1])) and not done.exists():
                pytest.fail(f"the xdist worker {holder[0]} replaying shard {shard} of the cassettes died; "
                            "run again, or without -n to see why", pytrace=False)

    def _load(self, report: Path) -> None:
        for page in json.loads(report.read_text(encoding="utf-8")):
            self.results[page["cassette"]] = page

    def _replay(self, cassettes: list[str], report: Path, jobs: int | None) -> None:
        if not cassettes:
            return
        mode = RECORD_MODES[record_mode(self.config)]
        if mode is not None:
            _record(cassettes, mode, self.rootdir)
        command = [sys.executable, "-m", "pressguard.cli", "replay", "-q", "--report", str(report)]
        if jobs is not None:
            command += ["-j", str(jobs)]
        if mode is None:
            command.append("--block-network")
        done = subprocess.run(command + cassettes, cwd=self.rootdir, capture_output=True, text=True)
        if not report.exists():
            pytest.fail(f"pressguard replay did not run: {done.stderr.strip() or done.stdout.strip()}", pytrace=False)
        self._load(report)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@pytest.fixture(scope="session")
def pressguard_replay(request, tmp_path_factory) -> Replays:
    return Replays(request, tmp_path_factory)


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


@pytest.fixture(scope="session")  # one value for the run: not set up again for every test
def pressguard_fail_on(request) -> str:
    """The verdict that fails a page's health assertion (--pressguard-fail-on)."""
    return request.config.getoption("--pressguard-fail-on")


@pytest.fixture
def article_snapshot(snapshot) -> ArticleSnapshot:
    return ArticleSnapshot(snapshot)
