import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from pages_server import PagesServer

ROOT = Path(__file__).resolve().parent.parent
OFFLINE = Path(__file__).resolve().parent / "offline_cli.py"


# -- the whole suite on every core -------------------------------------------------------
# Most of this suite's time is spent in the processes it starts (pressguard, scrapy, pytest),
# one after another; run whole, it uses every core (pytest-xdist, -n auto). Only the whole
# suite (no paths given: pyproject's testpaths): `pytest tests/test_x.py` stays in one
# process, where xdist's start-up would cost more than it saves. `-n 0`, `-n N` and
# `-p no:xdist` work as usual; xdist's workers are left alone (they run what they are sent).


@pytest.hookimpl(wrapper=True)  # outside the pressguard plugin's, which turns a bare -n into loadgroup
def pytest_cmdline_main(config):
    option = config.option
    if (config.pluginmanager.hasplugin("xdist") and getattr(option, "numprocesses", 0) is None
            and not hasattr(config, "workerinput") and config.args_source == pytest.Config.ArgsSource.TESTPATHS):
        option.numprocesses = "auto"
    return (yield)


# -- bytecode for the run's processes -----------------------------------------------------
# The suite starts a few hundred Python processes (pressguard, scrapy, pytest, xdist's workers),
# each importing pressguard. With PYTHONDONTWRITEBYTECODE set, as on these machines, each of
# them compiled pressguard's modules again: 0.17 s of CPU a process (measured: 1.14 against
# 0.97 s to import the replay's modules), some 40 s a run. The run's processes write bytecode as
# Python does by default, in __pycache__ beside the sources (.gitignore'd); the setting is
# back when the run ends. (A PYTHONPYCACHEPREFIX in a temporary folder would keep the tree
# clean but recompiles every installed package there, which cost more than it saved.)


def pytest_configure(config):
    if hasattr(config, "workerinput") or "PYTHONDONTWRITEBYTECODE" not in os.environ:
        return  # a worker has its controller's environment; or bytecode is written already
    setting = os.environ.pop("PYTHONDONTWRITEBYTECODE")
    config.add_cleanup(lambda: os.environ.__setitem__("PYTHONDONTWRITEBYTECODE", setting))


# The fixtures of conftest.py that start processes or servers: a file whose tests use them is
# one of the long ones.
PROCESS_FIXTURES = {"cli", "scrapy_cli", "sim", "pages", "pressguard_replay"}


def pytest_collection_modifyitems(config, items):
    """On xdist's workers, the long files first: the slow ones, then those starting processes,
    then the rest, each file's tests in their own order. xdist hands files out in this order
    (its reordering by test count is off, below), so the longest start first and the short
    ones fill in around them, instead of one long file starting last while the other worker idles."""
    if not hasattr(config, "workerinput"):
        return
    rank: dict[str, int] = {}
    for item in items:
        path = item.nodeid.split("::", 1)[0]
        if item.get_closest_marker("slow") is not None:
            rank[path] = 0
        elif PROCESS_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            rank[path] = min(rank.get(path, 1), 1)
        else:
            rank.setdefault(path, 2)
    items.sort(key=lambda item: rank[item.nodeid.split("::", 1)[0]])


# A pytest session a test starts, in a project of its own: without the plugins the test does
# not exercise. The cache is not the test's business; hypothesis's plugin imports all of
# hypothesis at every session's end (its summary), about a second of CPU a session with no
# bytecode written (PYTHONDONTWRITEBYTECODE), for tests that have no property to run.
INNER_PYTEST = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:hypothesispytest"]


def not_a_worker(env: dict) -> dict:
    """env for a pytest session a test starts: without pytest-xdist's worker variables, which
    an xdist worker of this suite passes on (syrupy reads PYTEST_XDIST_WORKER and would leave
    its snapshot report to a controller the inner session does not have)."""
    return {name: value for name, value in env.items() if not name.startswith("PYTEST_XDIST_")}


@pytest.hookimpl(optionalhook=True, tryfirst=True)  # before the pressguard plugin's scheduler
def pytest_xdist_make_scheduler(config, log):
    """A test file's tests on one worker (xdist's loadfile), so its module-scoped fixtures (the
    simulator, the crawls, parsed corpora) are built once (but ONE_BY_ONE's); the snapshot
    suite's tests by replay shard, as the pressguard plugin groups them."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from pressguard.testing.pytest_plugin import shard_scheduling

    config.option.loadscopereorder = False  # the order above, not the files with most tests first
    return shard_scheduling(config, log, scope_of=_unit_of)


# Files whose tests go to the workers one by one, not whole: each test is a few pytest sessions
# (and Scrapy runs) of its own, and the file whole (the workflow's: two minutes on an idle
# machine) would be one worker's tail. A module fixture of theirs (the workflow's accepted
# project) is then built on each worker that needs it.
ONE_BY_ONE = ("tests/test_snapshot_workflow.py", "tests/test_example_project.py")


def _unit_of(nodeid: str) -> str:
    path = nodeid.split("::", 1)[0]
    return nodeid if path in ONE_BY_ONE else path


@pytest.fixture(scope="module")
def sim():
    """The publisher simulator; sim.get(url) fetches a page's HTML through its proxy."""
    from pressguard.sim import Simulator

    with Simulator() as simulator:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": simulator.proxy_url}))

        def get(url: str) -> str:
            with opener.open("http://" + url.split("://", 1)[1], timeout=10) as response:
                return response.read().decode("utf-8")

        simulator.get = get
        yield simulator


@pytest.fixture
def pages():
    with PagesServer() as server:
        yield server


def _run(argv, cwd, env=None, offline=False):
    command = [sys.executable, str(OFFLINE)] if offline else [sys.executable, "-m", "pressguard.cli"]
    full_env = {**os.environ, **(env or {})}
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        if name not in (env or {}):
            full_env.pop(name, None)
    return subprocess.run(
        command + [str(a) for a in argv], cwd=cwd, env=full_env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def cli(tmp_path):
    """Run `pressguard ARGS` in tmp_path as a user would; returns CompletedProcess."""

    def run(*argv, env=None, offline=False, cwd=None):
        return _run(argv, cwd or tmp_path, env, offline)

    return run


@pytest.fixture
def scrapy_cli(tmp_path):
    """Run `scrapy ARGS` from the project folder (where scrapy.cfg is)."""

    def run(*argv):
        return subprocess.run(
            [sys.executable, "-m", "scrapy", *map(str, argv)], cwd=ROOT, capture_output=True, text=True, timeout=120
        )

    return run


def assert_one_line_error(result, *fragments, code=2, after_scrapy_log=False):
    """A clean failure: the exit code, one line on stderr naming the fragments, no traceback.

    `scrapy` itself logs its start-up banner before any command runs; with
    after_scrapy_log the reason must be the one line after that banner.
    """
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    if after_scrapy_log:
        lines = [line for line in lines if line.startswith("scrapy crawl:")]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert str(fragment) in lines[0], (fragment, lines[0])
