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
  The replay's shard processes block their own network in record mode none.
- `@pytest.mark.vcr` is not put on replay tests: it installs a vcrpy cassette
  in the test process, where nothing fetches (the replay runs in other
  processes), and in `rewrite` mode it would delete that cassette.
- `pressguard_replay`: the replay through the real Scrapy engine of the
  cassettes the session selected, in shard processes (pressguard.scrapy.shards,
  as `pressguard replay -j` runs them; Twisted's reactor runs once per process);
  `.get(cassette path)` -> {"url", "item", "error"}. The replay starts as soon as
  collection ends, before the first test, and streams: a test waits only until
  its own cassette's result is final (its run, the cassette's site in its shard,
  is over), not for the whole replay, so pytest's own work overlaps the replay's
  (each shard's last run is cut short, LAST_RUN: few tests are left when it ends).
  Without xdist, every selected cassette is replayed once, sharded over processes
  (`--pressguard-jobs N`, default as `pressguard replay -j`). Under pytest-xdist,
  the cassettes are split into one shard per worker by site
  (pressguard.scrapy.shards.plan); the workers write each replay test's shard down
  in the run's shared temporary folder, and under `--dist loadgroup` (what `-n N`
  alone now means) the controller's scheduler sends shard N's tests to worker gwN,
  which began replaying shard N as its collection ended. Whatever the `--dist`
  mode, a shard is replayed by the worker that claims it (a file created
  exclusively in that folder), once; a worker with a test of a shard another
  worker claimed reads that replay's results as they are written (shard-N.jsonl).
  A shard process that dies names each cassette it had not answered for: those
  tests fail with that line, the others keep their results. With `--record-mode`
  other than none, the selected cassettes are re-recorded at the first test that
  asks, then replayed.
- What the shards derive from the recorded cassettes (each site's template fingerprints
  and profile measures, cassettes.parse_cache.derived) is kept between runs in the
  rootdir's .pressguard-cache/ (DERIVED_CACHE), by the cassettes' bytes and pressguard's
  code: a run reads it instead of extracting every recorded page of each site again.
  PRESSGUARD_PARSE_CACHE names another folder, or "off".
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
import threading
import time
from pathlib import Path

import pytest
import pytest_recording  # noqa: F401  first: it marks vcr.matchers for assert rewriting, before .cassettes imports vcr

from ..cassettes.format import write_atomically
from ..cassettes.store import CACHE, first_url
from .snapshot_extension import ArticleSnapshotExtension
from ..verdict import FAIL_ON

CASSETTE_PARAM = "cassette"
# What the replay derives from the recorded cassettes (each site's template fingerprints and
# profile measures), kept between runs by the cassettes' bytes and pressguard's code
# (cassettes.parse_cache.derived), as pytest keeps .pytest_cache; PRESSGUARD_PARSE_CACHE
# names another folder, or "off"
DERIVED_CACHE = ".pressguard-cache"
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

        def _assign_work_unit(self, node) -> None:
            # shard N's tests to worker gwN first: it began replaying shard N as it collected
            own = f"{SHARD_GROUP}{_worker_number(node.gateway.id)}"
            if own in self.workqueue:
                self.workqueue.move_to_end(own, last=False)
            super()._assign_work_unit(node)

    return ShardScheduling(config, log)


GROUPS_FILE = "groups.json"
SHARD_GROUP = "pressguard-shard-"


def _worker_number(workerid: str) -> int:
    """xdist's worker "gw3" -> 3."""
    return int(workerid.removeprefix("gw") or 0)


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
            groups[item.nodeid] = f"{SHARD_GROUP}{shard_of[cassette]}"
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


@pytest.hookimpl(trylast=True)  # after every other plugin's selection (-k, --lf, deselect)
def pytest_collection_finish(session):
    """Start the replay as soon as the selected cassettes are known, before the first test:
    the shards replay while pytest runs the tests of what they have already given."""
    config = session.config
    if config.option.collectonly or RECORD_MODES[record_mode(config)] is not None:
        return  # nothing replays, or the cassettes are re-recorded first: at the first test
    if not selected_cassettes(session):
        return
    if getattr(config, "workerinput", None) is None:
        replays(config, session).start_all()
    else:  # a worker starts the shard of its own number; xdist may send it other shards' tests too
        replays(config, session).claim(_worker_number(config.workerinput["workerid"]))


REPLAYS = pytest.StashKey["Replays"]()
# cassettes in a shard's last run at most: the tests left to run once the replay is over
LAST_RUN = 25


def replays(config, session) -> "Replays":
    """The session's one Replays (made on first use, ended with the session)."""
    if REPLAYS not in config.stash:
        config.stash[REPLAYS] = Replays(config, session)
        config.add_cleanup(config.stash[REPLAYS].close)
    return config.stash[REPLAYS]


class ReplayStream:
    """One replay of some cassettes in shard processes, started at once; each cassette's
    result is handed over as soon as it is final (once its run, its site in its shard, is
    over: until then its page's failure can still be named), in the order given.

    With shared (an xdist worker's shard), the results also go, one JSON line each, to
    `lines`, for the other workers (ReplayFile); `done` is written when the replay is over,
    however it ended.
    """

    def __init__(self, cassettes: list[str], jobs: int | None, rootdir: Path, folder: Path, name: str,
                 block_network: bool, shared: bool):
        self.cassettes, self.rootdir, self.block_network = cassettes, rootdir, block_network
        self.jobs = jobs or _default_jobs(len(cassettes))
        self.results: dict[str, dict] = {}
        self.lines, self.done, self.log = folder / f"{name}.jsonl", folder / f"{name}.done", folder / f"{name}.log"
        self.error: str | None = None  # the replay could not run at all
        self.finished = False
        self.changed = threading.Condition()
        self.processes: list = []
        self.shared = shared  # other xdist workers read the results from `lines`
        self.out = None

    def start(self, owner: str) -> None:
        from ..scrapy import shards

        try:
            # the tests run in cassette order behind the replay: what they do after it is
            # each shard's last run, so that is kept short
            plan = shards.short_last_runs(shards.plan(self._by_site(), self.jobs), LAST_RUN)
            runs = [run for shard in plan for run in shard]
            if self.shared:
                self.out = open(self.lines, "w", encoding="utf-8")
            merger = shards.InOrder(self.cassettes, runs, self._give)
            overrides = {"LOG_ENABLED": False, "PRESSGUARD_MODE": "replay"}
            self.processes = shards.start_shards(plan, overrides, block_network=self.block_network,
                                                 cwd=str(self.rootdir), log=str(self.log),
                                                 derived_cache=str(self.rootdir / DERIVED_CACHE))
        except Exception as exc:  # noqa: BLE001 - every test of these cassettes fails with it
            self.error = f"pressguard replay did not run: {exc}"
            self._end(owner)
            return
        threading.Thread(target=self._collect, args=(shards, plan, merger, owner), daemon=True).start()

    def _by_site(self) -> dict:
        """The cassettes by the spider that replays them, as `pressguard replay` groups them,
        read from the Scrapy project of the rootdir (where the replay runs)."""
        from scrapy.spiderloader import SpiderLoader

        from ..scrapy import shards
        from ..scrapy.runner import project_settings
        from ..verdict.pipeline import project_fields

        here = os.getcwd()
        os.chdir(self.rootdir)
        try:
            settings = project_settings()
            try:  # the items carry the project's field names; a bad mapping would fail every page
                project_fields(settings)
            except ValueError as exc:
                raise ValueError(f"{exc}; fix it in the project's settings.py") from None
            spiders = set(SpiderLoader.from_settings(settings).list())
            return shards.group_by_site([Path(c) for c in self.cassettes], spiders)
        finally:
            os.chdir(here)

    def _collect(self, shards, plan, merger, owner: str) -> None:
        try:
            shards.collect(plan, self.processes, merger)
            merger.finish()
        except BaseException as exc:  # noqa: BLE001 - the tests still waiting fail with it
            self.error = f"pressguard replay stopped: {exc!r}; see {self.log}"
        finally:
            self._end(owner)

    def _give(self, result: dict) -> None:
        if self.out is not None:
            self.out.write(json.dumps(result, ensure_ascii=False) + "\n")
            self.out.flush()  # another worker may be reading it
        with self.changed:
            self.results[str(result["cassette"])] = result
            self.changed.notify_all()

    def _end(self, owner: str) -> None:
        if self.out is not None:
            self.out.close()
        if self.error:  # for the other workers waiting on these cassettes
            self.done.with_suffix(".error").write_text(self.error)
        self.done.write_text(owner)
        with self.changed:
            self.finished = True
            self.changed.notify_all()

    def wait_for(self, cassette: str) -> dict | None:
        with self.changed:
            while cassette not in self.results and not self.finished:
                self.changed.wait()
        if cassette not in self.results and self.error:
            pytest.fail(self.error, pytrace=False)
        return self.results.get(cassette)

    def stop(self) -> None:
        from ..scrapy.shards import stop

        stop(self.processes)


class ReplayFile:
    """Another xdist worker's ReplayStream, read from its lines as they are written."""

    def __init__(self, folder: Path, name: str, claim: Path):
        self.lines, self.done, self.claim = folder / f"{name}.jsonl", folder / f"{name}.done", claim
        self.error = folder / f"{name}.error"
        self.results: dict[str, dict] = {}
        self.offset = 0

    def wait_for(self, cassette: str) -> dict | None:
        while cassette not in self.results:
            over = self.done.exists()  # before reading: all its lines are written by then
            self._read()
            if cassette in self.results or over:
                break
            holder = self.claim.read_text().split()
            if len(holder) == 2 and not _alive(int(holder[1])) and not self.done.exists():
                pytest.fail(f"the xdist worker {holder[0]} replaying {cassette} died; "
                            "run again, or without -n to see why", pytrace=False)
            time.sleep(0.05)
        if cassette not in self.results and self.error.exists():
            pytest.fail(f"{self.error.read_text()} (in xdist worker {self.done.read_text()})", pytrace=False)
        return self.results.get(cassette)

    def _read(self) -> None:
        try:
            with open(self.lines, "rb") as handle:
                handle.seek(self.offset)
                data = handle.read()
        except FileNotFoundError:
            return
        end = data.rfind(b"\n") + 1  # a line still being written is read once it is whole
        self.offset += end
        for line in data[:end].splitlines():
            page = json.loads(line)
            self.results[str(page["cassette"])] = page


def _default_jobs(cassettes: int) -> int:
    from ..scrapy.shards import default_jobs

    return default_jobs(cassettes)


class Replays:
    """The replayed results of the session's cassettes: .get(cassette) -> {"url", "item", "error"}.

    Without xdist, every selected cassette is replayed once, started when collection ends
    (or at the first test, after re-recording them). An xdist worker replays shards, each
    claimed (a file created exclusively in the run's shared folder) so that no other worker
    replays it too: its own shard at collection's end, another when a test of that shard
    reaches it unclaimed; a shard claimed elsewhere is read from that worker's lines.
    """

    def __init__(self, config, session):
        self.config, self.session = config, session
        self.rootdir = Path(config.rootpath)
        workerinput = getattr(config, "workerinput", None)
        self.worker = workerinput.get("workerid") if workerinput else None
        if self.worker is None:
            self.folder = config._tmp_path_factory.mktemp("replay")
        else:
            self.folder = _shared_folder(config)
        self.streams: dict[object, ReplayStream | ReplayFile] = {}  # "all" or a shard -> its results

    def get(self, cassette: str, default=None):
        cassette = str(cassette)
        stream = self._stream_for(cassette)
        result = stream.wait_for(cassette) if stream is not None else None
        return default if result is None else result

    def __getitem__(self, cassette: str) -> dict:
        result = self.get(cassette)
        if result is None:
            raise KeyError(cassette)
        return result

    def __contains__(self, cassette) -> bool:
        return self.get(cassette) is not None

    def _stream_for(self, cassette: str):
        if self.worker is None:
            if "all" not in self.streams:
                self.start_all()
            return self.streams["all"] if cassette in self.streams["all"].cassettes else None
        shard = self.config.stash.get(SHARD_OF, {}).get(cassette)
        if shard is None:
            return None
        if shard not in self.streams:
            self.claim(shard)
        return self.streams[shard]

    def start_all(self) -> None:
        selected = selected_cassettes(self.session)
        self._record_first(selected)
        self.streams["all"] = stream = ReplayStream(
            selected, self.config.getoption("--pressguard-jobs"), self.rootdir, self.folder, "report",
            block_network=self._blocked(), shared=False)
        stream.start(owner="pytest")

    def claim(self, shard: int) -> None:
        """Replay this shard here if no other worker has claimed it, else read it from that worker."""
        shard_of = self.config.stash.get(SHARD_OF, {})
        mine = [c for c in selected_cassettes(self.session) if shard_of.get(c) == shard]
        if not mine or shard in self.streams:
            return
        name = f"shard-{shard}"
        claim = self.folder / f"{name}.claim"
        try:  # whoever creates the file replays the shard
            handle = os.open(claim, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            self.streams[shard] = ReplayFile(self.folder, name, claim)
            return
        os.write(handle, f"{self.worker} {os.getpid()}".encode())
        os.close(handle)
        self._record_first(mine)
        self.streams[shard] = stream = ReplayStream(mine, 1, self.rootdir, self.folder, name,
                                                    block_network=self._blocked(), shared=True)
        stream.start(owner=self.worker)

    def _record_first(self, cassettes: list[str]) -> None:
        mode = RECORD_MODES[record_mode(self.config)]
        if mode is not None and cassettes:
            _record(cassettes, mode, self.rootdir)

    def _blocked(self) -> bool:
        return RECORD_MODES[record_mode(self.config)] is None

    def close(self) -> None:
        """The session is over (or stopped, -x): no shard goes on replaying."""
        for stream in self.streams.values():
            if isinstance(stream, ReplayStream):
                stream.stop()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@pytest.fixture(scope="session")
def pressguard_replay(request) -> Replays:
    return replays(request.config, request.session)


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
        # syrupy wraps whatever matcher there is, or none; the extension skips its filter only for none
        assertion.extension.matcher_given = matcher is not None or assertion.matcher is not None
        if not assertion == item:  # syrupy records the comparison (and --snapshot-update)
            pytest.fail("\n".join(assertion.get_assert_diff()), pytrace=False)


@pytest.fixture(scope="session")  # one value for the run: not set up again for every test
def pressguard_fail_on(request) -> str:
    """The verdict that fails a page's health assertion (--pressguard-fail-on)."""
    return request.config.getoption("--pressguard-fail-on")


@pytest.fixture
def article_snapshot(snapshot) -> ArticleSnapshot:
    return ArticleSnapshot(snapshot)
