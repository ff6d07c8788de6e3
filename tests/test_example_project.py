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

from conftest import INNER_PYTEST, not_a_worker

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "newsroom"
SPIDER = "gazette"
STORIES = ("library-extension-approved", "river-path-flood-repairs", "harvest-market-returns")
LISTING = "index"  # the front page: links to the stories, no article of its own
# the example's suite: a snapshot and a health test per page (the listing's snapshot is
# how many pages it led to), one for orphaned snapshots
SUITE_TESTS = 2 * (len(STORIES) + 1) + 1

pytestmark = pytest.mark.slow  # a dozen Scrapy and pytest processes

# Runs `scrapy` with every outbound connection refused (loopback too), so a
# replay that reached for the network would fail instead of quietly going live.
OFFLINE_SCRAPY = """
import sys
from pressguard.cassettes.network_block import block_network
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


def _env(site: str | None = None) -> dict:
    env = not_a_worker({k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy")})
    env.pop("SCRAPY_SETTINGS_MODULE", None)  # the project's scrapy.cfg decides
    env.pop("GAZETTE_BASE_URL", None)
    if site:
        env["GAZETTE_BASE_URL"] = site  # the example's settings read it (the port changes)
    return env


def run(project: Path, *argv, site=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *map(str, argv)], cwd=project, env=_env(site), capture_output=True, text=True, timeout=300
    )


def scrapy(project: Path, *argv, site=None, offline=False) -> subprocess.CompletedProcess:
    if offline:
        return run(project, "-c", OFFLINE_SCRAPY, *argv, site=site)
    return run(project, "-m", "scrapy", *argv, site=site)


def pytest_in(project: Path, *argv, site=None) -> subprocess.CompletedProcess:
    return run(project, *INNER_PYTEST[1:], "-q", *argv, site=site)


def items_of(path: Path) -> dict[str, dict]:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {item["url"].rstrip("/").rsplit("/", 1)[-1]: item for item in items}


def without_verdict(item: dict) -> dict:
    return {k: v for k, v in item.items() if k not in ("checks", "verdict")}


class SiteServer:
    """The example's own `python serve_site.py --port 0`, as a user starts it."""

    def __init__(self, project: Path, port: int = 0):
        self.process = subprocess.Popen(
            [sys.executable, "serve_site.py", "--port", str(port)],
            cwd=project, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        self.url = self.process.stdout.readline().strip()  # its first line, once it listens
        if not self.url.startswith("http://127.0.0.1:"):
            self.process.kill()
            pytest.fail(f"serve_site.py did not start: {self.url!r} {self.process.communicate()[1]!r}")
        self.port = int(self.url.rsplit(":", 1)[1])

    def stop(self) -> None:
        self.process.terminate()
        self.process.communicate(timeout=30)


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
    for cassette in folder.glob("*.yaml"):  # honest about where they come from: the example's own server
        text = cassette.read_text(encoding="utf-8")
        assert "source: simulator" in text and "note: Recorded from 'gazette example site' on 127.0.0.1:8765" in text
        assert "pressguard publisher simulator" not in text, cassette

    # `pressguard replay` of the project's folder: the front page is a listing, not a failure
    replay = run(shipped, ROOT / "tests" / "offline_cli.py", "replay", f"cassettes/{SPIDER}/", "--report", "report.json")
    assert replay.returncode == 0, replay.stdout + replay.stderr
    report = {Path(r["cassette"]).stem: r for r in json.loads((shipped / "report.json").read_text(encoding="utf-8"))}
    assert report[LISTING]["kind"] == "listing" and report[LISTING]["led_to"] == len(STORIES), report[LISTING]
    assert [p for p in STORIES if report[p]["kind"] == "article"] == list(STORIES), report
    assert f"LIST cassettes/{SPIDER}/{LISTING}.yaml  led to 3 pages" in replay.stdout, replay.stdout
    assert "replayed 4 cassettes: 3 articles, 1 listings, 0 failing, 0 drifted" in replay.stdout, replay.stdout

    sealed = pytest_in(shipped, "--block-network")
    assert sealed.returncode == 0, sealed.stdout + sealed.stderr
    assert f"{SUITE_TESTS} passed" in sealed.stdout, sealed.stdout

    # Without --block-network only the replay tests are refused a socket.
    (shipped / "tests" / "test_unrelated.py").write_text(UNRELATED_TEST)
    mixed = pytest_in(shipped)
    assert mixed.returncode == 0, mixed.stdout + mixed.stderr
    assert f"{SUITE_TESTS + 2} passed" in mixed.stdout, mixed.stdout


def cut_body_in_two(page: Path) -> None:
    """The site's redesign: the story body's second half moves to a container of a new
    class, after an ad slot; the spider's `div.story-body > p` now gets half the story."""
    html = page.read_text(encoding="utf-8")
    fourth = html.index("<p>", html.index('<div class="story-body">'))
    for _ in range(3):
        fourth = html.index("<p>", fourth + 1)
    html = (html[:fourth] + '</div>\n  <div class="ad-slot">Advertisement</div>\n  <div class="story-body-continued">\n    '
            + html[fourth:])
    page.write_text(html, encoding="utf-8")


def move_byline(page: Path) -> None:
    """Another redesign: the byline leaves the story's meta line for a credit line above
    the body; the spider's `.story-meta .by a.author` now finds nobody."""
    html = page.read_text(encoding="utf-8")
    start = html.index('<span class="by">')
    end = html.index("</span>", start) + len("</span>")
    byline = html[start:end].replace('<span class="by">', '<p class="credit">').replace("</span>", "</p>")
    html = html[:start] + html[end:]
    body = html.index('<div class="story-body">')
    page.write_text(html[:body] + byline + "\n  " + html[body:], encoding="utf-8")


def test_record_replay_offline_snapshot_then_a_template_change_goes_red(project):
    cassettes = project / "cassettes" / SPIDER
    server = SiteServer(project)
    site = server.url
    try:
        recorded = scrapy(project, "crawl", SPIDER, "-s", "PRESSGUARD_MODE=record", "-O", "recorded.jsonl", site=site)
    finally:
        server.stop()
    assert recorded.returncode == 0, recorded.stderr[-3000:]
    # (a) one cassette per page the spider fetched (robots.txt is not a page)
    assert sorted(p.stem for p in cassettes.glob("*.yaml")) == sorted([LISTING, *STORIES])
    live = items_of(project / "recorded.jsonl")
    assert set(live) == set(STORIES)
    assert live["river-path-flood-repairs"]["byline"] == ["Maria Okafor", "Tom Lindqvist"]

    # (b) the server is gone and every socket refused: `scrapy crawl` replays from the cassettes
    replayed = scrapy(project, "crawl", SPIDER, "-O", "replayed.jsonl", site=site, offline=True)
    assert replayed.returncode == 0, replayed.stderr[-3000:]
    offline = items_of(project / "replayed.jsonl")
    assert {k: without_verdict(v) for k, v in offline.items()} == {k: without_verdict(v) for k, v in live.items()}
    assert {k: v["verdict"] for k, v in offline.items()} == dict.fromkeys(STORIES, "healthy")

    # (c) the project's own suite: new recordings fail until accepted, then green with no network
    new = pytest_in(project, "--block-network", site=site)
    assert new.returncode == 1 and "Snapshot 'river-path-flood-repairs' does not exist!" in new.stdout, new.stdout
    accepted = pytest_in(project, "--snapshot-update", site=site)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    stored = json.loads((project / "snapshots" / SPIDER / "river-path-flood-repairs.json").read_text(encoding="utf-8"))
    assert stored["byline"] == ["Maria Okafor", "Tom Lindqvist"] and len(stored["text"]) == 7
    green = pytest_in(project, "--block-network", site=site)
    assert green.returncode == 0, green.stdout + green.stderr
    assert f"{SUITE_TESTS} passed" in green.stdout, green.stdout

    # (d) the site's template changes on two stories; re-recorded, the suite goes red naming the fields
    cut_body_in_two(project / "site" / "news" / "river-path-flood-repairs" / "index.html")
    move_byline(project / "site" / "news" / "library-extension-approved" / "index.html")
    server = SiteServer(project, port=server.port)  # the same address, as the recordings name it
    try:
        rerecorded = scrapy(project, "crawl", SPIDER, "-s", "PRESSGUARD_MODE=record", site=site)
    finally:
        server.stop()
    assert rerecorded.returncode == 0, rerecorded.stderr[-3000:]
    assert "story-body-continued" in (cassettes / "river-path-flood-repairs.yaml").read_text(encoding="utf-8")
    red = pytest_in(project, "--block-network", site=site)
    assert red.returncode == 1, red.stdout + red.stderr
    failed = sorted(line.split(" ")[1] for line in red.stdout.splitlines() if line.startswith("FAILED "))
    assert failed == [
        "tests/test_snapshots.py::test_extraction_matches_snapshot[gazette/library-extension-approved]",
        "tests/test_snapshots.py::test_extraction_matches_snapshot[gazette/river-path-flood-repairs]",
        "tests/test_snapshots.py::test_health_checks_pass[gazette/library-extension-approved]",
        "tests/test_snapshots.py::test_health_checks_pass[gazette/river-path-flood-repairs]",
    ], red.stdout
    # the snapshot diffs name the project's fields, its body (`text`) paragraph by paragraph
    assert "  text: 7 paragraphs expected, 3 found" in red.stdout, red.stdout
    assert "    lost ¶4: " in red.stdout, red.stdout
    assert '  byline: expected ["Helen Marsh"], found []' in red.stdout
    # counted in the failure reports only: with CI set, pytest repeats whole messages in its summary
    reports = red.stdout.split("short test summary info")[0]
    assert reports.count('verdict: expected "healthy", found "broken"') == 2, red.stdout
    # the health checks name pressguard's field and the project's: the body (text), the authors (byline)
    body = red.stdout[red.stdout.index("_ test_health_checks_pass[gazette/river-path-flood-repairs] _"):]
    assert "broken: " in body and "/news/river-path-flood-repairs/: expected body (item field 'text'): " in body
    authors = red.stdout[red.stdout.index("_ test_health_checks_pass[gazette/library-extension-approved] _"):]
    assert (f"broken: authors: {site}/news/library-extension-approved/: expected authors "
            "(item field 'byline'): ") in authors

    # and the crawl itself says so: the item's verdict, the check naming the body, an ERROR line
    crawled = scrapy(project, "crawl", SPIDER, "-O", "after.jsonl", site=site, offline=True)
    after = items_of(project / "after.jsonl")
    assert len(after["river-path-flood-repairs"]["text"]) == 3
    assert after["river-path-flood-repairs"]["verdict"] == "broken"
    failing = [m for m in after["river-path-flood-repairs"]["checks"].values() if m != "ok"]
    assert any(f": {site}/news/river-path-flood-repairs/: expected body (item field 'text'): " in m
               for m in failing), failing
    assert after["library-extension-approved"]["byline"] == []
    assert {k: v["verdict"] for k, v in after.items()} == {
        "library-extension-approved": "broken", "river-path-flood-repairs": "broken", "harvest-market-returns": "healthy"}
    assert f"ERROR: {site}/news/river-path-flood-repairs/: broken: " in crawled.stderr
    assert (f"ERROR: {site}/news/library-extension-approved/: broken: authors: {site}/news/library-extension-"
            "approved/: expected authors (item field 'byline'): ") in crawled.stderr, crawled.stderr[-3000:]
