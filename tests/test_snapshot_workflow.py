"""The snapshot suite's workflow, run as a developer would in a project of their own:
new cassettes fail until accepted, --snapshot-update accepts, a changed field fails
with a field-level report, an orphaned snapshot fails, the network is blocked for the
replay tests only, --record-mode=all re-records from the (simulated) live site, and all of
it with pytest-recording (whose options the plugin shares) and pytest-xdist installed."""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import INNER_PYTEST, not_a_worker

ROOT = Path(__file__).resolve().parent.parent
SEED_SLUG = "ukraine-is-ready-to-negotiate-but-not-to-surrender-rubio-pulls-out-as-peace-talks-falter"
SUITE = (ROOT / "tests" / "test_snapshots.py").read_text()

pytestmark = pytest.mark.slow  # each test runs a whole pytest session in a subprocess


def _one_cassette_project(folder: Path) -> Path:
    (folder / "tests").mkdir()
    (folder / "tests" / "test_snapshots.py").write_text(SUITE)
    (folder / "pytest.ini").write_text("[pytest]\ntestpaths = tests\n")
    cassettes = folder / "cassettes" / "wegotthiscovered"
    cassettes.mkdir(parents=True)
    shutil.copy(ROOT / "cassettes" / "wegotthiscovered" / f"{SEED_SLUG}.yaml", cassettes)
    return folder


@pytest.fixture
def project(tmp_path):
    """A project with one cassette (the seed article) and the snapshot suite."""
    return _one_cassette_project(tmp_path)


@pytest.fixture(scope="module")
def accepted_once(tmp_path_factory):
    """The same project after `pytest --snapshot-update` (one pytest session and replay for
    every test here that starts from an accepted snapshot; test_new_cassette_fails_until_accepted
    checks that acceptance itself)."""
    folder = _one_cassette_project(tmp_path_factory.mktemp("accepted"))
    update = pytest_in(folder, "--snapshot-update")
    assert update.returncode == 0, update.stdout + update.stderr
    assert (folder / "snapshots" / "wegotthiscovered" / f"{SEED_SLUG}.json").is_file()
    return folder


@pytest.fixture
def accepted(accepted_once, tmp_path):
    """A copy of the accepted project of the test's own, to change as it likes."""
    shutil.copytree(accepted_once, tmp_path, dirs_exist_ok=True)
    return tmp_path


def pytest_in(project, *args, env=None):
    import os

    full_env = not_a_worker({k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")})
    full_env.update(env or {})
    return subprocess.run(
        [*INNER_PYTEST, "-q", *args],
        cwd=project, capture_output=True, text=True, timeout=300, env=full_env,
    )


def test_pytest_starts_beside_pytest_recording_and_takes_its_record_modes(project):
    """Both plugins load; --record-mode is pytest-recording's option, with all its values."""
    for mode in ("none", "once", "new_episodes", "all", "rewrite"):
        result = pytest_in(project, f"--record-mode={mode}", "--collect-only")
        assert result.returncode == 0, (mode, result.stdout + result.stderr)
        assert f"test_cassette_matches_snapshot_and_is_healthy[wegotthiscovered/{SEED_SLUG}]" in result.stdout
    plugins = pytest_in(project, "--collect-only", "--trace-config")
    assert "pytest_recording" in plugins.stdout and "pressguard.testing.pytest_plugin" in plugins.stdout
    bogus = pytest_in(project, "--record-mode=sometimes", "--collect-only")
    assert bogus.returncode == 4 and "--record-mode: invalid choice: 'sometimes'" in bogus.stderr


def test_without_pytest_recording_the_plugin_says_what_to_do(project):
    result = pytest_in(project, "-p", "no:recording", "--collect-only")
    assert result.returncode == 4, result.stdout + result.stderr
    assert "pytest-recording is not loaded: install it (pip install pytest-recording)" in result.stderr


def test_the_suite_passes_under_xdist(accepted):
    result = pytest_in(accepted, "-n", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout  # one test per cassette, and the two others


def test_what_the_replay_derives_from_the_recorded_cassettes_is_kept_between_runs(accepted):
    """The site's template fingerprints and profile measures go to the rootdir's
    .pressguard-cache, by the cassettes' bytes and pressguard's code: the next run reads them
    (nothing written again), a damaged entry is made again with a one-line warning in the
    replay's log, and PRESSGUARD_PARSE_CACHE=off keeps nothing."""
    cache = accepted / ".pressguard-cache"
    assert list(cache.glob("derived/*/*/*.marshal"))  # made by the --snapshot-update run
    shutil.rmtree(cache)  # made in another folder: a recorded page's path is part of its key
    result = pytest_in(accepted)
    assert result.returncode == 0, result.stdout + result.stderr
    entries = sorted(cache.glob("derived/*/*/*.marshal"))
    assert len(entries) == 2  # the one cassette's measures and fingerprint
    assert (cache / ".gitignore").is_file()

    def stamps():
        return {entry: (entry.stat().st_ino, entry.stat().st_mtime_ns) for entry in entries}

    before = stamps()
    result = pytest_in(accepted)
    assert result.returncode == 0, result.stdout + result.stderr
    assert stamps() == before  # read back, not made again
    entries[0].write_bytes(entries[0].read_bytes()[:-2])
    result = pytest_in(accepted, f"--basetemp={accepted / 'run'}")
    assert result.returncode == 0, result.stdout + result.stderr
    log = (accepted / "run" / "replay0" / "report.log").read_text()
    assert f"pressguard: {entries[0]}: a damaged cache entry, ignored and made again" in log.splitlines()
    assert stamps()[entries[0]] != before[entries[0]] and stamps()[entries[1]] == before[entries[1]]
    shutil.rmtree(cache)
    result = pytest_in(accepted, env={"PRESSGUARD_PARSE_CACHE": "off"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert not cache.exists()


def test_under_xdist_each_worker_replays_only_its_share_and_no_cassette_twice(project):
    """Two local workers, three sites: each cassette is replayed exactly once in the whole run
    (the replay reports in the run's shared temporary folder list every cassette once), by the
    worker that runs its test, and every test passes as without xdist. (Which worker gets which
    shard is xdist's scheduling, so it is not asserted.)"""
    for site in ("gamepur", "destructoid"):
        shutil.copytree(ROOT / "cassettes" / site, project / "cassettes" / site)
    cassettes = sorted(str(p.relative_to(project)) for p in (project / "cassettes").rglob("*.yaml"))
    assert pytest_in(project, "--snapshot-update").returncode == 0
    plain = pytest_in(project, "--pressguard-jobs", "2")  # no xdist: the one replay, in two processes
    assert plain.returncode == 0, plain.stdout
    basetemp = project / "basetemp"
    result = pytest_in(project, "-n", "2", "-v", "-v", f"--basetemp={basetemp}")  # -q -v -v: one line per test
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(cassettes) + 2} passed" in result.stdout
    assert f"{len(cassettes)} snapshots passed" in result.stdout and "unused" not in result.stdout
    ran_on = {f"cassettes/{site}/{slug}.yaml": worker for worker, site, slug in re.findall(
        r"\[(gw\d)\].*PASSED tests/test_snapshots.py::test_cassette_matches_snapshot_and_is_healthy"
        r"\[([\w-]+)/([\w.-]+)\]", result.stdout)}
    assert sorted(ran_on) == cassettes, result.stdout
    replayed = []
    for report in sorted((basetemp / "pressguard-replay").glob("shard-*.jsonl")):
        worker = report.with_suffix(".done").read_text()
        shard = [json.loads(line)["cassette"] for line in report.read_text().splitlines()]
        assert {ran_on[c] for c in shard} == {worker}  # replayed where its tests ran, nowhere else
        replayed += shard
    assert sorted(replayed) == cassettes  # every cassette, none twice
    assert len(list((basetemp / "pressguard-replay").glob("shard-*.jsonl"))) == 2  # one shard per worker

    explicit = pytest_in(project, "-n", "2", "--dist", "load", f"--basetemp={basetemp}")  # a shard's tests on both
    assert explicit.returncode == 0, explicit.stdout + explicit.stderr
    replayed = [json.loads(line)["cassette"] for report in (basetemp / "pressguard-replay").glob("shard-*.jsonl")
                for line in report.read_text().splitlines()]
    assert sorted(replayed) == cassettes

    # accepted afresh under xdist: the same snapshot files, byte for byte, as accepted in one process
    accepted = {str(p.relative_to(project)): p.read_bytes() for p in (project / "snapshots").rglob("*.json")}
    assert len(accepted) == len(cassettes)
    shutil.rmtree(project / "snapshots")
    again = pytest_in(project, "-n", "2", "--snapshot-update")
    assert again.returncode == 0, again.stdout + again.stderr
    assert {str(p.relative_to(project)): p.read_bytes() for p in (project / "snapshots").rglob("*.json")} == accepted


def test_new_cassette_fails_until_accepted_then_changes_fail_field_by_field(project):
    first = pytest_in(project)
    assert first.returncode == 1, first.stdout
    assert f"Snapshot '{SEED_SLUG}' does not exist!" in first.stdout
    accepted = pytest_in(project, "--snapshot-update")
    assert accepted.returncode == 0, accepted.stdout
    snapshot = project / "snapshots" / "wegotthiscovered" / f"{SEED_SLUG}.json"
    stored = json.loads(snapshot.read_text())
    assert stored["authors"] == ["Jorge Aguilar"]
    assert snapshot.read_text().count("\n") > len(stored["body"])  # one paragraph per line
    assert pytest_in(project).returncode == 0

    stored["authors"] = ["Someone Else"]
    stored["body"][1] = stored["body"][1].replace("disagree over the terms", "disagree over the")
    del stored["body"][4]
    snapshot.write_text(json.dumps(stored, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    changed = pytest_in(project)
    assert changed.returncode == 1
    out = changed.stdout
    assert f"test_cassette_matches_snapshot_and_is_healthy[wegotthiscovered/{SEED_SLUG}]" in out
    assert 'authors: expected ["Someone Else"], found ["Jorge Aguilar"]' in out
    assert "body: 9 paragraphs expected, 10 found" in out
    assert "changed ¶2 (similarity 0.9" in out and "disagree over the terms" in out
    assert "added ¶5:" in out


def test_a_changed_and_broken_page_fails_once_with_both_reports(accepted):
    """One test per cassette: a page whose byline lost its author differs from its snapshot
    and is broken; the one failing test says both, the verdict and the failing check."""
    project = accepted
    cassette = project / "cassettes" / "wegotthiscovered" / f"{SEED_SLUG}.yaml"
    cassette.write_text(cassette.read_text().replace(
        'jorge-aguilar/">Jorge Aguilar</a>', 'jorge-aguilar/">Sign up for our newsletter</a>'))
    result = pytest_in(project)
    out = result.stdout
    assert result.returncode == 1, out
    assert "1 failed, 2 passed" in out
    assert f"FAILED tests/test_snapshots.py::test_cassette_matches_snapshot_and_is_healthy[wegotthiscovered/{SEED_SLUG}]" in out
    assert 'authors: expected ["Jorge Aguilar"], found []' in out  # the snapshot's report
    assert (f"health: cassettes/wegotthiscovered/{SEED_SLUG}.yaml: verdict broken (fails on broken); "
            "failing checks:") in out
    assert "authors: authors: https://wegotthiscovered.com/" in out and "expected the person the page names" in out
    assert "snapshot_extension" not in out  # no traceback into the plugin


def test_orphaned_snapshot_fails(accepted):
    project = accepted
    shutil.copy(project / "snapshots" / "wegotthiscovered" / f"{SEED_SLUG}.json",
                project / "snapshots" / "wegotthiscovered" / "gone.json")
    result = pytest_in(project)
    assert result.returncode == 1
    assert "snapshots without a cassette: ['snapshots/wegotthiscovered/gone.json']" in result.stdout


REACHES_OUT = """
import socket

def test_replay_test_cannot_reach_the_web(pressguard_replay):
    socket.create_connection(("192.0.2.1", 80), timeout=1)

def test_replay_test_reaches_loopback_only_if_allowed(pressguard_replay):
    with socket.create_server(("127.0.0.1", 0)) as server:
        socket.create_connection(server.getsockname(), timeout=5).close()
"""

UNRELATED = """
import _socket
import socket

def test_an_unrelated_test_keeps_the_network():
    assert socket.socket.connect is _socket.socket.connect, "socket.connect is patched"
    assert socket.socket.connect_ex is _socket.socket.connect_ex, "socket.connect_ex is patched"
    with socket.create_server(("127.0.0.1", 0)) as server:
        with socket.create_connection(server.getsockname(), timeout=5) as client:
            accepted, _ = server.accept()
            accepted.sendall(b"ok")
            assert client.recv(2) == b"ok"
            accepted.close()
"""

VCR_CONFIG_ALLOWS_LOOPBACK = """
import pytest

@pytest.fixture
def vcr_config():
    return {"allowed_hosts": [r"127\\.0\\.0\\.1$"]}
"""



def test_network_is_blocked_only_for_the_tests_that_replay(project):
    """pytest-recording's per-test blocking: the replay tests are refused the web (and loopback
    unless --allowed-hosts or vcr_config lets it), while a test elsewhere in the same run keeps its sockets.
    The unrelated test sorts after the replay tests, so a block left over from them would show."""
    (project / "tests" / "test_reaches_out.py").write_text(REACHES_OUT)
    (project / "tests" / "unrelated").mkdir()
    (project / "tests" / "unrelated" / "test_local_server.py").write_text(UNRELATED)
    assert pytest_in(project, "--snapshot-update").returncode == 1  # the two reaching tests fail

    result = pytest_in(project, "-rA")
    out = result.stdout
    assert result.returncode == 1, out
    assert "FAILED tests/test_reaches_out.py::test_replay_test_cannot_reach_the_web" in out
    assert "Network is disabled for host '192.0.2.1'" in out
    assert "FAILED tests/test_reaches_out.py::test_replay_test_reaches_loopback_only_if_allowed" in out
    assert "Network is disabled for host '127.0.0.1'" in out
    assert "PASSED tests/unrelated/test_local_server.py::test_an_unrelated_test_keeps_the_network" in out
    assert f"PASSED tests/test_snapshots.py::test_cassette_matches_snapshot_and_is_healthy[wegotthiscovered/{SEED_SLUG}]" in out

    allowed = pytest_in(project, "-rA", "--allowed-hosts=127\\.0\\.0\\.1")
    out = allowed.stdout
    assert "FAILED tests/test_reaches_out.py::test_replay_test_cannot_reach_the_web" in out
    assert "PASSED tests/test_reaches_out.py::test_replay_test_reaches_loopback_only_if_allowed" in out
    assert "PASSED tests/unrelated/test_local_server.py::test_an_unrelated_test_keeps_the_network" in out

    (project / "tests" / "conftest.py").write_text(VCR_CONFIG_ALLOWS_LOOPBACK)
    configured = pytest_in(project, "-rA").stdout
    assert "FAILED tests/test_reaches_out.py::test_replay_test_cannot_reach_the_web" in configured
    assert "PASSED tests/test_reaches_out.py::test_replay_test_reaches_loopback_only_if_allowed" in configured


@pytest.mark.parametrize("mode", ["all", "rewrite"])  # pytest-recording's rewrite is pressguard's all
def test_record_mode_all_re_records_the_selected_cassettes_from_the_live_site(accepted, mode):
    from pressguard.sim import Simulator

    project = accepted
    cassette = project / "cassettes" / "wegotthiscovered" / f"{SEED_SLUG}.yaml"
    before = cassette.read_text()
    with Simulator() as sim:
        env = {"http_proxy": sim.proxy_url, "https_proxy": sim.proxy_url}
        result = pytest_in(project, f"--record-mode={mode}", "-k", "matches_snapshot", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    after = cassette.read_text()
    assert after != before  # a new fetch time
    assert "fetched_at" in after and "source: simulator" in after


# -- the replay streams into the tests ------------------------------------------------------
# A project of two sites with spiders of its own (pressguard's generic extraction), replayed
# in one shard process, first site "early", then "late". The late spider waits, before it
# asks for its page, for a file the test of the early page writes: a test that ran only
# after the whole replay would never let it start (it gives up after two minutes and asks
# for nothing, so its page is a named failure instead of a hang).

STREAM_SPIDERS = """
import os
import time
from pathlib import Path

from pressguard.scrapy.spider import PressguardSpider


class EarlySpider(PressguardSpider):
    name = "early"


class LateSpider(PressguardSpider):
    name = "late"

    async def start(self):
        if os.environ.get("LATE_SPIDER_DIES"):
            os._exit(3)  # the shard process dies before answering for the late page
        for _ in range(1200):
            if Path("early-page-tested").exists():
                break
            time.sleep(0.1)
        else:
            Path("late-spider-gave-up").write_text("")
            return  # the early page's test never ran: ask for nothing
        async for request in super().start():
            yield request
"""

STREAM_TESTS = """
import os
from pathlib import Path

import pytest

CASSETTES = ["cassettes/early/one.yaml", "cassettes/late/two.yaml"]


@pytest.mark.parametrize("cassette", CASSETTES)
def test_page(cassette, pressguard_replay):
    result = pressguard_replay.get(cassette)
    assert result["error"] is None, result["error"]
    assert result["item"]["headline"]
    if "early" in cassette:
        assert not os.environ.get("EARLY_PAGE_FAILS"), "the early page fails"
        Path("early-page-tested").write_text("")
"""


@pytest.fixture
def streaming_project(tmp_path):
    from cassette_factory import article_html, interaction, write_cassette

    (tmp_path / "scrapy.cfg").write_text("[settings]\ndefault = streamproject.settings\n")
    package = tmp_path / "streamproject"
    (package / "spiders").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "settings.py").write_text('SPIDER_MODULES = ["streamproject.spiders"]\n'
                                         'ADDONS = {"pressguard.Addon": 100}\n')
    (package / "spiders" / "__init__.py").write_text(STREAM_SPIDERS)
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_pages.py").write_text(STREAM_TESTS)
    (tmp_path / "pytest.ini").write_text("[pytest]\ntestpaths = tests\n")
    for site, name, title in (("early", "one", "The early story"), ("late", "two", "The late story")):
        url = f"https://{site}.example.org/news/{name}/"
        write_cassette(tmp_path / "cassettes" / site / f"{name}.yaml",
                       interaction(url, body=article_html(title, canonical=url)))
    return tmp_path


def test_a_page_is_tested_as_soon_as_it_is_replayed_while_later_pages_still_replay(streaming_project):
    """The early page's test runs (and writes its file) while the same shard process is still
    before the late page: the late spider starts only once that file is there."""
    result = pytest_in(streaming_project, "-rA", "--pressguard-jobs", "1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PASSED tests/test_pages.py::test_page[cassettes/early/one.yaml]" in result.stdout
    assert "PASSED tests/test_pages.py::test_page[cassettes/late/two.yaml]" in result.stdout
    assert (streaming_project / "early-page-tested").exists()


def test_with_twisted_reactor_already_imported_the_shards_are_spawned_and_stream_the_same(streaming_project):
    """A project whose conftest imports Twisted's reactor (pytest-twisted does): no shard can be
    forked from the pytest process then (each installs its own reactor), so each is a fresh
    `python -m pressguard.scrapy.shards` in the project's folder: the same results, streamed."""
    (streaming_project / "tests" / "conftest.py").write_text("from twisted.internet import reactor  # noqa: F401\n")
    result = pytest_in(streaming_project, "-rA", "--pressguard-jobs", "1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "PASSED tests/test_pages.py::test_page[cassettes/late/two.yaml]" in result.stdout


def test_a_shard_that_dies_fails_its_remaining_pages_by_name_and_the_rest_pass(streaming_project):
    result = pytest_in(streaming_project, "-rA", "--pressguard-jobs", "1", env={"LATE_SPIDER_DIES": "1"})
    out = result.stdout
    assert result.returncode == 1, out + result.stderr
    assert "PASSED tests/test_pages.py::test_page[cassettes/early/one.yaml]" in out
    assert "FAILED tests/test_pages.py::test_page[cassettes/late/two.yaml]" in out
    assert ("cassettes/late/two.yaml: its replay process (shard 1 of 1) ended with exit code 3 "
            "before answering for it") in out


def test_a_session_stopped_early_ends_the_replay_still_running(streaming_project):
    """-x after the early page's test fails: the session ends at once, ending the shard that
    is still waiting before the late page (it never gets to give up), without a traceback."""
    result = pytest_in(streaming_project, "-x", "--pressguard-jobs", "1", env={"EARLY_PAGE_FAILS": "1"})
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "1 failed" in out and "stopping after 1 failures" in out
    assert "Traceback" not in out and "Error" not in out.replace("AssertionError", "")
    assert not (streaming_project / "late-spider-gave-up").exists()
