"""The example project (examples/newsroom), used end to end as its README says:
record from the loopback site with the add-on, replay offline with `scrapy crawl`
and with the project's own pytest suite (network blocked), then a template change
on one story, re-recorded, turns the suite red naming the field.

Every step runs real processes in a copy of the project under tmp_path: the
example's own site server, `scrapy crawl`, `pytest`.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "newsroom"
SPIDER = "gazette"
STORIES = ("library-extension-approved", "river-path-flood-repairs", "harvest-market-returns")
LISTING = "index"  # the front page: links to the stories, no article of its own

pytestmark = pytest.mark.slow  # a dozen Scrapy and pytest processes

# Runs `scrapy` with every outbound connection refused (loopback too), so a
# replay that reached for the network would fail instead of quietly going live.
OFFLINE_SCRAPY = """
import sys
from pressguard.network_block import block_network
block_network()
from scrapy.cmdline import execute
sys.argv[0] = "scrapy"
execute()
"""

# An unrelated test of the user's, in the same pytest run as the replay tests:
# it must still reach a socket on 127.0.0.1 (network blocking is for replay tests only).
UNRELATED_TEST = """
import socket
import threading


def test_an_unrelated_test_can_still_use_a_loopback_socket():
    server = socket.create_server(("127.0.0.1", 0))
    threading.Thread(target=lambda: server.accept()[0].sendall(b"hello"), daemon=True).start()
    with socket.create_connection(server.getsockname(), timeout=5) as client:
        assert client.recv(5) == b"hello"
    server.close()


def test_a_replay_test_gets_no_network(pressguard_replay):
    server = socket.create_server(("127.0.0.1", 0))
    try:
        socket.create_connection(server.getsockname(), timeout=5)
    except Exception as refused:
        assert "network" in str(refused).lower(), refused
    else:
        raise AssertionError("a replay test could open a socket")
    finally:
        server.close()
"""


def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")}
    env.pop("SCRAPY_SETTINGS_MODULE", None)  # the project's scrapy.cfg decides
    return env


def run(project: Path, *argv, timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *map(str, argv)], cwd=project, env=_env(), capture_output=True, text=True, timeout=timeout
    )


def scrapy(project: Path, *argv, offline=False) -> subprocess.CompletedProcess:
    if offline:
        return run(project, "-c", OFFLINE_SCRAPY, *argv)
    return run(project, "-m", "scrapy", *argv)


def pytest_in(project: Path, *argv) -> subprocess.CompletedProcess:
    return run(project, "-m", "pytest", "-p", "no:cacheprovider", "-q", *argv)


def items_of(path: Path) -> dict[str, dict]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {item["url"].rstrip("/").rsplit("/", 1)[-1]: item for item in items}


def without_verdict(item: dict) -> dict:
    return {k: v for k, v in item.items() if k not in ("checks", "verdict")}


class SiteServer:
    """The example's own `python serve_site.py --port 0`, as a user starts it."""

    def __init__(self, project: Path):
        self.process = subprocess.Popen(
            [sys.executable, "serve_site.py", "--port", "0"],
            cwd=project, env=_env(), stdout=subprocess.PIPE, text=True,
        )
        self.url = self.process.stdout.readline().strip()
        assert self.url.startswith("http://127.0.0.1:"), self.url

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.process.stdout.close()


@pytest.fixture
def project(tmp_path):
    """A copy of the example as a user would start it: no recordings, no snapshots yet."""
    copy = tmp_path / "newsroom"
    shutil.copytree(EXAMPLE, copy, ignore=shutil.ignore_patterns(
        "cassettes", "snapshots", "__pycache__", ".pytest_cache", "*.jsonl"))
    return copy


@pytest.fixture
def shipped(tmp_path):
    """A copy of the example as shipped: its recordings and snapshots included."""
    copy = tmp_path / "shipped"
    shutil.copytree(EXAMPLE, copy, ignore=shutil.ignore_patterns("__pycache__", ".pytest_cache", "*.jsonl"))
    return copy


def test_shipped_recordings_replay_green_offline_and_only_replay_tests_lose_the_network(shipped):
    folder = shipped / "cassettes" / SPIDER
    assert sorted(p.stem for p in folder.glob("*.yaml")) == sorted([LISTING, *STORIES])
    for cassette in folder.glob("*.yaml"):  # honest about where they come from
        assert "source: simulator" in cassette.read_text(encoding="utf-8"), cassette

    sealed = pytest_in(shipped, "--block-network")
    assert sealed.returncode == 0, sealed.stdout + sealed.stderr
    assert f"{2 * len(STORIES) + 1} passed" in sealed.stdout, sealed.stdout

    # Without --block-network only the replay tests are refused a socket.
    (shipped / "tests" / "test_unrelated.py").write_text(UNRELATED_TEST)
    mixed = pytest_in(shipped)
    assert mixed.returncode == 0, mixed.stdout + mixed.stderr
    assert f"{2 * len(STORIES) + 3} passed" in mixed.stdout, mixed.stdout
