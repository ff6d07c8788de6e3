"""`pressguard crawl` end to end: the real command in a subprocess, crawling the publisher
simulator on 127.0.0.1 through --proxy, with the shipped cassettes as the template baseline.

Five crawls run at once against one simulator, each on its own sites (faults and
templates are per site, so they cannot disturb each other): healthy, redesign/broken
templates, 429 + captcha, 503 + truncated, a site that answers only 503. Then an
interrupted crawl is resumed from its --jobdir, and a SIGTERM leaves a valid report.

No outcome here depends on the machine's speed: a crawl is interrupted while the
simulator holds one of its pages back (fault "hold") and only after the report shows
the pages before it assessed; the page is let go once the report says "interrupted".
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from pressguard.cassettes.store import first_url, open_cassette
from pressguard.verdict.checks import CHECKS
from pressguard.crawl.webhook import public_url
from pressguard.sim import Simulator
from pressguard.sites import SITES

ROOT = Path(__file__).resolve().parent.parent
# Fast but still polite: AutoThrottle on, robots.txt obeyed, retries and timeouts as shipped.
FAST = ["-s", "AUTOTHROTTLE_START_DELAY=0.05"]

pytestmark = pytest.mark.slow


def _env():
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("http_proxy", "https_proxy", "all_proxy", "no_proxy")}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _workdir(base: Path, sites: list[str]) -> Path:
    """A project-like folder: cassettes/<site>/ copied from the shipped corpus (the baseline)."""
    base.mkdir(parents=True)
    for site in sites:
        shutil.copytree(ROOT / "cassettes" / site, base / "cassettes" / site)
    return base


def _crawl_command(sim, sites, *extra, limit=2):
    argv = [sys.executable, "-m", "pressguard.cli", "crawl", "--limit", str(limit), "--proxy", sim.proxy_url, *FAST]
    for site in sites:
        argv += ["--site", site]
    return argv + [str(a) for a in extra]


# Timeouts below only keep a hung crawl from hanging the suite; they are far above what any
# of these crawls needs on a busy machine, and no assertion depends on how long anything took.
HANG = 600


def _pressguard(cwd, *argv, timeout=HANG):
    return subprocess.run([sys.executable, "-m", "pressguard.cli", *map(str, argv)], cwd=cwd, env=_env(),
                          capture_output=True, text=True, timeout=timeout)


def _path(url: str) -> str:
    return urlsplit(url).path


class Run:
    def __init__(self, name, cwd, proc):
        self.name, self.cwd, self.proc = name, cwd, proc
        self.returncode = self.stdout = self.stderr = None

    def wait(self, timeout=HANG):
        self.stdout, self.stderr = self.proc.communicate(timeout=timeout)
        self.returncode = self.proc.returncode
        return self

    @property
    def report(self) -> dict:
        return json.loads((self.cwd / "reports" / "report.json").read_text(encoding="utf-8"))

    def captured(self, site) -> list[Path]:
        return sorted((self.cwd / "cassettes" / "_captured" / site).glob("*.yaml"))

    def page(self, url) -> dict:
        return next(p for p in self.report["pages"] if p["url"] == url)

    def __repr__(self):
        return f"<{self.name} exit {self.returncode}\n{self.stdout}\n{self.stderr}>"


class Receiver:
    """A tiny webhook endpoint on 127.0.0.1 that keeps what was posted."""

    def __init__(self):
        posts = self.posts = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                posts.append((self.headers.get("Content-Type"), body))
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/services/T000/B000/secret-token"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()  # close() waits for a poll

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def _dead_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def sim():
    with Simulator() as s:
        hits = s.hits = []  # (time, host, path) of every request the sites answer
        handle = s.app.handle

        def logged(method, target, headers, scheme, tunnel_host=None, body=b""):
            hits.append((time.monotonic(), tunnel_host or urlsplit(target).hostname, _path(target)))
            return handle(method, target, headers, scheme, tunnel_host, body)

        s.app.handle = logged
        yield s


@pytest.fixture(scope="module")
def hooks():
    ok, receiver = Receiver(), Receiver()
    yield {"healthy": ok, "broken": receiver}
    ok.close()
    receiver.close()


@pytest.fixture(scope="module")
def runs(sim, hooks, tmp_path_factory):
    """The five crawls, started together and awaited."""
    base = tmp_path_factory.mktemp("crawls")
    newest = {site: sim.article_urls(site)[:2] for site in
              ("gamepur", "primagames", "progameguides", "attackofthefanboy")}
    sim.set_template("wegotthiscovered", "redesign")
    sim.set_template("twinfinite", "redesign")
    sim.set_template("dotesports", "broken")
    sim.set_fault("gamepur", "429", retry_after=2, times=1, path=_path(newest["gamepur"][0]))
    sim.set_fault("primagames", "captcha", path=_path(newest["primagames"][1]))
    sim.set_fault("progameguides", "503", path=_path(newest["progameguides"][0]))
    sim.set_fault("attackofthefanboy", "truncated", path=_path(newest["attackofthefanboy"][1]))
    sim.set_fault("themarysue", "503")
    plan = {
        "healthy": (["siliconera", "destructoid"], ["--webhook", hooks["healthy"].url]),
        "drift": (["wegotthiscovered", "twinfinite", "dotesports"], ["--webhook", hooks["broken"].url]),
        "faults": (["gamepur", "primagames"], ["--webhook", f"http://127.0.0.1:{_dead_port()}/hook"]),
        "faults2": (["progameguides", "attackofthefanboy"], []),
        "unreachable": (["themarysue"], []),
    }
    started = {}
    for name, (sites, extra) in plan.items():
        cwd = _workdir(base / name, sites)
        proc = subprocess.Popen(_crawl_command(sim, sites, *extra), cwd=cwd, env=_env(), text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        started[name] = Run(name, cwd, proc)
    try:
        done = {name: run.wait() for name, run in started.items()}
    finally:
        for run in started.values():
            if run.proc.poll() is None:
                run.proc.kill()
        sim.reset()
    done["newest"] = newest
    return done


def _junit(run) -> ET.Element:
    return ET.fromstring((run.cwd / "reports" / "junit.xml").read_bytes())


# -- healthy ------------------------------------------------------------------------------

def test_healthy_crawl_exits_0_reports_healthy_and_captures_nothing(runs, hooks, sim):
    run = runs["healthy"]
    assert run.returncode == 0, run
    for site in ("siliconera", "destructoid"):  # robots.txt asked for before anything else
        first = next(path for _, host, path in sim.hits if host == SITES[site].domain)
        assert first == "/robots.txt"
    report = run.report
    assert report["status"] == "healthy" and report["complete"] is True and report["exit_code"] == 0
    assert report["totals"]["pages"] == 4 and report["totals"]["healthy"] == 4
    for site in ("siliconera", "destructoid"):
        info = report["sites"][site]
        assert info["status"] == "healthy" and info["pages"] == 2
        assert {f["status"] for f in info["fields"].values()} == {"healthy"}
        assert info["stats"]["requests"] > 2  # robots.txt, sitemaps, listings, articles
    assert report["incidents"] == []
    assert not (run.cwd / "cassettes" / "_captured").exists() or not any(
        (run.cwd / "cassettes" / "_captured").rglob("*.yaml"))
    assert not list((run.cwd / "cassettes").glob(".crawl-staging-*"))  # staging cleaned up
    root = _junit(run)
    assert root.get("tests") == "4" and root.get("failures") == "0" and root.get("errors") == "0"
    assert "pressguard crawl: Healthy" in (run.cwd / "reports" / "report.html").read_text(encoding="utf-8")
    assert hooks["healthy"].posts == []  # healthy: no webhook post
    assert report["webhook"] is None


# -- template changes ---------------------------------------------------------------------

def test_redesign_and_broken_templates_are_reported_and_captured(runs):
    run = runs["drift"]
    assert run.returncode == 1, run
    report = run.report
    assert report["complete"] is True and report["status"] == "broken"
    sites = report["sites"]
    assert sites["dotesports"]["status"] == "broken"
    assert sites["dotesports"]["fields"]["body"]["status"] == "broken"
    for site in ("wegotthiscovered", "twinfinite"):
        assert sites[site]["status"] in ("degraded", "broken")
        assert sites[site]["fields"]["page"]["status"] != "healthy"
        assert all(p["status"] != "healthy" for p in report["pages"] if p["site"] == site)
    # every failing page is captured, as a real vcrpy cassette, under _captured/<site>/
    for site in ("wegotthiscovered", "twinfinite", "dotesports"):
        captured = run.captured(site)
        assert len(captured) == 2, (site, captured)
        for path in captured:
            cassette = open_cassette(path)  # vcrpy's own Cassette class loads it
            assert first_url(cassette).startswith(f"https://{SITES[site].domain}/")
            assert "gamurs_session" not in path.read_text(encoding="utf-8")  # scrubbed like every recording
    for page in report["pages"]:
        assert page["cassette"].startswith(f"cassettes/_captured/{page['site']}/")
        assert (run.cwd / page["cassette"]).is_file()


def test_one_redesign_on_two_sites_is_one_incident_with_its_template_change(runs):
    incidents = runs["drift"].report["incidents"]
    redesign = [i for i in incidents if set(i["sites"]) == {"wegotthiscovered", "twinfinite"}]
    assert len(redesign) == 1, [i["title"] for i in incidents]
    incident = redesign[0]
    assert len(incident["pages"]) == 4
    changed = {c["field"] for c in incident["template_changes"]}
    assert "body" in changed
    body = next(c for c in incident["template_changes"] if c["field"] == "body")
    assert ".wp-block-gamurs-article-content" in body["vanished"] and body["appeared"]
    broken = [i for i in incidents if i["sites"] == ["dotesports"]]
    assert broken and broken[0]["kind"] == "breakage" and "body_length" in broken[0]["checks"]
    assert incidents[0] is broken[0]  # broken extraction is listed first


def test_replaying_a_captured_cassette_reproduces_the_failure_offline(runs):
    run = runs["drift"]
    report = run.report
    pages = {site: next(p for p in report["pages"] if p["site"] == site) for site in ("dotesports", "wegotthiscovered")}
    assert "body_length" in {f["check"] for f in pages["dotesports"]["failures"]}
    assert {f["check"] for f in pages["wegotthiscovered"]["failures"]} == {"template"}
    cassettes = [p["cassette"] for p in pages.values()]
    result = _pressguard(run.cwd, "replay", "--block-network", *cassettes)
    assert result.returncode == 1, result  # the broken page fails; drift alone would not
    lines = {line.split(" ", 1)[0]: line for line in result.stdout.splitlines()}
    flagged = {}
    for line in result.stdout.splitlines():
        word, _, rest = line.partition(" ")
        if word in ("FAIL", "drift"):
            flagged[rest.strip().split(": ", 1)[0]] = (word, rest)
    assert set(flagged) == set(cassettes), lines
    assert flagged[pages["dotesports"]["cassette"]][0] == "FAIL"
    assert flagged[pages["wegotthiscovered"]["cassette"]][0] == "drift"
    for page in pages.values():
        line = "; " + flagged[page["cassette"]][1].split(": ", 1)[1]
        replay_failed = {name for name in CHECKS if f"; {name}: {name}: " in line or f": {name}: {name}: " in line}
        assert replay_failed == {f["check"] for f in page["failures"]}, line  # the same checks fail
    strict = _pressguard(run.cwd, "replay", "--block-network", "--fail-on", "drift",
                         pages["wegotthiscovered"]["cassette"])
    assert strict.returncode == 1 and strict.stdout.startswith("FAIL "), strict


def test_junit_and_webhook_on_breakage(runs, hooks):
    run = runs["drift"]
    root = _junit(run)
    # drift alone no longer fails (issue #8): the 2 broken dotesports pages are failures, the 4
    # redesigned ones pass and say in their system-out what changed around which field
    assert root.get("tests") == "6" and root.get("failures") == "2" and root.get("errors") == "0"
    messages = [f.get("message") for f in root.iter("failure")]
    assert len(messages) == 2
    assert all(m.startswith("body_length (body): expected >= 80 words") and ", found 0 words" in m for m in messages)
    drifted = [case for case in root.iter("testcase") if case.find("system-out") is not None]
    assert len(drifted) == 4 and all(case.find("failure") is None for case in drifted)
    assert all("template drift" in case.find("system-out").text and "body:" in case.find("system-out").text
               for case in drifted), [case.find("system-out").text for case in drifted]
    assert {p["verdict"] for p in run.report["pages"] if p["site"] != "dotesports"} == {"drift"}
    assert {p["verdict"] for p in run.report["pages"] if p["site"] == "dotesports"} == {"broken"}
    assert run.report["verdict"] == "broken"
    assert len(hooks["broken"].posts) == 1
    content_type, body = hooks["broken"].posts[0]
    assert content_type.startswith("application/json")
    payload = json.loads(body)
    assert payload["text"].startswith("pressguard crawl: BROKEN")
    text = json.dumps(payload["blocks"])
    assert "dotesports" in text and "twinfinite, wegotthiscovered" in text
    assert run.report["webhook"] == {"ok": True, "status": 200, "error": None, "target": public_url(hooks["broken"].url)}
    assert "secret-token" not in (run.cwd / "reports" / "report.json").read_text()


def test_report_html_renders_in_headless_chromium(runs, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        pytest.skip("chromium is not installed here (apt-get install chromium); the CI runner may lack it")
    html = runs["drift"].cwd / "reports" / "report.html"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'p'}",
             "--window-size=1280,2000"]
    # The DOM as the browser built it (a screenshot for people: the same flags with --screenshot=x.png).
    dom = subprocess.run([chromium, *flags, "--dump-dom", html.as_uri()], capture_output=True, text=True,
                         timeout=60).stdout
    assert "pressguard crawl: Broken" in dom
    assert dom.count('class="incident ') == len(runs["drift"].report["incidents"])
    assert "wegotthiscovered" in dom and "twinfinite" in dom and "expected" in dom


# -- faults -------------------------------------------------------------------------------

def test_429_with_retry_after_is_waited_for_and_recovers(runs, sim):
    run = runs["faults"]
    url = runs["newest"]["gamepur"][0]
    page = run.page(url)
    assert page["status"] == "healthy" and page["retries"] == 1
    stats = run.report["sites"]["gamepur"]["stats"]
    assert stats["retry_after_waits"] == 1 and stats["responses"]["429"] == 1
    times = [t for t, host, path in sim.hits if host == "gamepur.com" and path == _path(url)]
    assert len(times) == 2 and times[1] - times[0] >= 1.9  # Retry-After: 2 honoured
    assert run.captured("gamepur") == []


def test_captcha_page_is_a_fetch_failure_captured_and_replayable(runs):
    run = runs["faults"]
    page = run.page(runs["newest"]["primagames"][1])
    assert page["status"] == "fetch-failed" and page["fetch_error"]["kind"] == "captcha"
    assert run.report["sites"]["primagames"]["status"] != "healthy"
    assert page["cassette"] and (run.cwd / page["cassette"]).is_file()
    result = _pressguard(run.cwd, "replay", page["cassette"], "--block-network")
    assert result.returncode == 1 and "headline" in result.stdout


def test_webhook_failure_is_reported_not_fatal(runs):
    run = runs["faults"]
    assert run.returncode == 1, run
    assert "Traceback" not in run.stderr
    hook = run.report["webhook"]
    assert hook["ok"] is False and hook["error"]
    assert "webhook failed" in run.stderr


def test_persistent_503_and_truncated_pages_are_reported(runs):
    run = runs["faults2"]
    assert run.returncode == 1, run
    report = run.report
    assert report["status"] != "healthy" and report["complete"] is True
    failed = run.page(runs["newest"]["progameguides"][0])
    assert failed["status"] == "fetch-failed" and failed["fetch_error"]["kind"] == "HTTP 503"
    assert failed["cassette"]  # the 503 answer is the evidence
    result = _pressguard(run.cwd, "replay", failed["cassette"], "--block-network")
    assert result.returncode == 1 and "HTTP 503" in result.stdout
    cut = run.page(runs["newest"]["attackofthefanboy"][1])
    assert cut["status"] == "fetch-failed" and cut["fetch_error"]["kind"] == "truncated"
    assert cut["cassette"] is None  # no whole answer to keep
    assert report["sites"]["attackofthefanboy"]["fields"]["fetch"]["status"] == "broken"  # 1 of 2 pages
    kinds = {i["title"] for i in report["incidents"]}
    assert "HTTP 503 on progameguides" in kinds and "truncated on attackofthefanboy" in kinds
    assert _junit(run).get("errors") == "2"


def test_a_site_that_only_answers_503_means_nothing_crawled_exit_2(runs):
    run = runs["unreachable"]
    assert run.returncode == 2, run
    report = run.report
    assert report["status"] == "failed" and report["pages"] == []
    info = report["sites"]["themarysue"]
    assert info["status"] == "broken" and "HTTP 503" in info["problems"][0]
    assert report["incidents"][0]["title"] == "nothing crawled (HTTP 503) on themarysue"
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "nothing crawled" in lines[0] and "Traceback" not in run.stderr


# -- interruption -------------------------------------------------------------------------

def _read_report(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # not written yet


def _wait_for_report(path: Path, proc, what: str, ready, timeout=HANG) -> dict:
    """The report once `ready(doc)` holds. The timeout only keeps a broken crawl from hanging
    the suite: every wait here is for an event the crawl itself causes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        doc = _read_report(path)
        if doc is not None and ready(doc):
            return doc
        if proc.poll() is not None:
            raise AssertionError(f"the crawl ended (exit {proc.returncode}) before {what}: {proc.communicate()}")
        time.sleep(0.05)
    raise AssertionError(f"no {what} in {path}")


def _wait_for_pages(report: Path, n: int, proc) -> dict:
    return _wait_for_report(report, proc, f"{n} pages", lambda doc: len(doc["pages"]) >= n)


def _stop(proc, sig, report: Path, sim) -> tuple[str, str]:
    """Signal the crawl, wait until its report says it was interrupted, then let the page the
    simulator holds (the one in flight) go, so the graceful stop can finish it."""
    proc.send_signal(sig)
    _wait_for_report(report, proc, "interrupted", lambda doc: doc["interrupted"] == sig.name)
    sim.release_holds()
    return proc.communicate(timeout=HANG)


def _spawn(argv, cwd):
    argv = argv + ["-s", f"DOWNLOAD_TIMEOUT={HANG}"]  # a held page is not a timeout
    return subprocess.Popen(argv, cwd=cwd, env=_env(), text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_interrupted_crawl_leaves_a_valid_partial_report_and_resumes_from_jobdir(sim, tmp_path):
    site = "wegotthiscovered"
    cwd = _workdir(tmp_path / "resume", [site])
    urls = sim.article_urls(site)[:4]
    report = cwd / "reports" / "report.json"
    sim.set_fault(site, "hold", timeout=HANG, path=_path(urls[1]))  # in flight while the signal lands
    argv = _crawl_command(sim, [site], "--jobdir", "job", "-s", "CONCURRENT_REQUESTS=1", limit=4)
    proc = _spawn(argv, cwd)
    try:
        _wait_for_pages(report, 1, proc)
        out, err = _stop(proc, signal.SIGINT, report, sim)
    finally:
        if proc.poll() is None:
            proc.kill()
        sim.reset()
    assert proc.returncode == 2, (out, err)
    assert "Traceback" not in err
    partial = json.loads(report.read_text(encoding="utf-8"))
    assert partial["complete"] is False and partial["interrupted"] == "SIGINT" and partial["exit_code"] == 2
    assert partial["status"] == "interrupted"
    # one request at a time: the page before the signal and the one in flight, no more
    assert [p["url"] for p in partial["pages"]] == urls[:2]
    first = urls[:2]
    junit = ET.fromstring((cwd / "reports" / "junit.xml").read_bytes())
    assert [e.get("type") for e in junit.iter("error")] == ["interrupted"]
    assert "Incomplete report" in (cwd / "reports" / "report.html").read_text(encoding="utf-8")
    assert (cwd / "job" / "pressguard-pages.jsonl").is_file()

    resumed = _pressguard(cwd, *_crawl_command(sim, [site], "--jobdir", "job", limit=4)[3:])
    assert resumed.returncode == 0, resumed
    assert f"{len(first)} pages already assessed" in resumed.stdout
    doc = json.loads(report.read_text(encoding="utf-8"))
    assert doc["complete"] is True and doc["resumed_pages"] == len(first)
    assert sorted(p["url"] for p in doc["pages"]) == sorted(urls)
    assert not list(_junit_errors(cwd))
    assert not (cwd / "job" / "pressguard-pages.jsonl").exists()  # finished: nothing left to resume


def _junit_errors(cwd: Path):
    return ET.fromstring((cwd / "reports" / "junit.xml").read_bytes()).iter("error")


def test_resume_finishes_a_site_whose_discovery_was_cut_short(sim, tmp_path):
    site = "gamepur"
    cwd = _workdir(tmp_path / "discovery", [site])
    report = cwd / "reports" / "report.json"
    sim.set_fault(site, "hold", timeout=HANG, path="/post-sitemap.xml")  # discovery is still running when the signal lands
    argv = _crawl_command(sim, [site], "--jobdir", "job", limit=2)
    before = len(sim.hits)  # earlier crawls of this module asked for it too
    proc = _spawn(argv, cwd)
    try:
        deadline = time.monotonic() + HANG
        while not any(host == SITES[site].domain and path == "/post-sitemap.xml"
                      for _, host, path in sim.hits[before:]):
            assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
            time.sleep(0.05)
        out, err = _stop(proc, signal.SIGINT, report, sim)
    finally:
        if proc.poll() is None:
            proc.kill()
        sim.reset()
    assert proc.returncode == 2, (out, err)
    partial = json.loads(report.read_text(encoding="utf-8"))
    assert partial["status"] == "interrupted" and partial["pages"] == []
    assert partial["sites"][site]["verdict"] == "broken"  # nothing seen yet; the crawl's status says why

    resumed = _pressguard(cwd, *_crawl_command(sim, [site], "--jobdir", "job", limit=2)[3:])
    assert resumed.returncode == 0, resumed
    doc = json.loads(report.read_text(encoding="utf-8"))
    assert doc["complete"] is True and doc["status"] == "healthy"
    assert sorted(p["url"] for p in doc["pages"]) == sorted(sim.article_urls(site)[:2])  # the newest, as always
    assert not (cwd / "job" / "pressguard-run.json").exists()


def test_sigterm_says_interrupted_exits_2_and_posts_no_webhook(sim, tmp_path):
    """The documented cron line ends an overlong crawl with `timeout -s TERM`: that is no breakage."""
    site = "siliconera"
    cwd = _workdir(tmp_path / "term", [site])
    urls = sim.article_urls(site)[:3]
    report = cwd / "reports" / "report.json"
    hook = Receiver()
    sim.set_template(site, "broken")  # what it saw before the signal was broken, and still no post
    sim.set_fault(site, "hold", timeout=HANG, path=_path(urls[1]))
    proc = _spawn(_crawl_command(sim, [site], "--webhook", hook.url, "-s", "CONCURRENT_REQUESTS=1", limit=3), cwd)
    try:
        _wait_for_pages(report, 1, proc)
        out, err = _stop(proc, signal.SIGTERM, report, sim)
    finally:
        if proc.poll() is None:
            proc.kill()
        sim.reset()
        hook.close()
    assert proc.returncode == 2, (out, err)
    assert "Traceback" not in err and "interrupted (SIGTERM)" in err
    doc = json.loads(report.read_text(encoding="utf-8"))
    assert doc["complete"] is False and doc["finished_at"] and doc["exit_code"] == 2
    assert doc["status"] == "interrupted" and doc["interrupted"] == "SIGTERM"
    assert [p["url"] for p in doc["pages"]] == urls[:2] and {p["verdict"] for p in doc["pages"]} == {"broken"}
    assert hook.posts == [] and doc["webhook"] is None
    root = ET.fromstring((cwd / "reports" / "junit.xml").read_bytes())
    unfinished = [case for case in root.iter("testcase") if case.get("name") == "crawl (unfinished)"]
    assert len(unfinished) == 1 and unfinished[0].find("error").get("type") == "interrupted"
    html = (cwd / "reports" / "report.html").read_text(encoding="utf-8")
    assert "pressguard crawl: Interrupted (SIGTERM)" in html and "pressguard crawl: Broken" not in html


def test_one_out_folder_one_crawl_and_a_killed_crawl_never_reads_green(sim, tmp_path):
    site = "destructoid"
    cwd = _workdir(tmp_path / "lock", [site])
    urls = sim.article_urls(site)[:2]
    report = cwd / "reports" / "report.json"
    sim.set_fault(site, "hold", timeout=HANG, path=_path(urls[1]))
    first = _spawn(_crawl_command(sim, [site], "-s", "CONCURRENT_REQUESTS=1", limit=2), cwd)
    try:
        doc = _wait_for_pages(report, 1, first)
        second = _pressguard(cwd, *_crawl_command(sim, [site], limit=2)[3:])
        assert second.returncode == 2, second
        lines = [line for line in second.stderr.splitlines() if line.strip()]
        assert lines == [f"pressguard crawl: --out reports: another crawl (pid {first.pid}) is writing its report "
                         "there; wait for it to finish or pass another --out"], second.stderr
        after = json.loads(report.read_text(encoding="utf-8"))
        assert after["run_id"] == doc["run_id"]  # the refused crawl wrote nothing there
        first.send_signal(signal.SIGKILL)  # no chance to write anything more
        first.communicate(timeout=HANG)
    finally:
        if first.poll() is None:
            first.kill()
        sim.reset()
    root = ET.fromstring((cwd / "reports" / "junit.xml").read_bytes())
    assert root.get("errors") == "1" and root.find("properties/property").get("value") == doc["run_id"]
    error = next(root.iter("error"))
    assert error.get("type") == "unfinished" and "has not finished" in error.get("message")
    # the lock died with the process: the next crawl runs
    again = _pressguard(cwd, *_crawl_command(sim, [site], limit=1)[3:])
    assert again.returncode == 0, again
    assert list(_junit_errors(cwd)) == []


# -- verdicts, webhook text, settings, sitemaps --------------------------------------------

def test_drift_alone_exits_0_without_webhook_unless_fail_on_drift(sim, tmp_path):
    site = "wegotthiscovered"
    cwd = _workdir(tmp_path / "drift", [site])
    hook = Receiver()
    sim.set_template(site, "redesign")
    try:
        lenient = _pressguard(cwd, *_crawl_command(sim, [site], "--webhook", hook.url, limit=1)[3:])
        doc = json.loads((cwd / "reports" / "report.json").read_text(encoding="utf-8"))
        junit = ET.fromstring((cwd / "reports" / "junit.xml").read_bytes())
        strict = _pressguard(cwd, *_crawl_command(sim, [site], "--webhook", hook.url, "--fail-on", "drift",
                                                  "--out", "strict", limit=1)[3:])
    finally:
        sim.reset()
        hook.close()
    assert lenient.returncode == 0, lenient
    page = doc["pages"][0]
    assert page["verdict"] == "drift" and page["status"] == "drifted" and doc["verdict"] == "drift"
    assert doc["exit_code"] == 0 and doc["webhook"] is None
    assert page["cassette"]  # still captured for a look
    assert junit.get("failures") == "0" and "body:" in junit.find(".//system-out").text
    assert strict.returncode == 1, strict
    strict_doc = json.loads((cwd / "strict" / "report.json").read_text(encoding="utf-8"))
    assert strict_doc["options"]["fail_on"] == "drift" and strict_doc["exit_code"] == 1
    assert ET.fromstring((cwd / "strict" / "junit.xml").read_bytes()).get("failures") == "1"
    assert len(hook.posts) == 1  # only the strict crawl notified


def test_page_text_cannot_ping_a_channel_or_plant_a_link_in_the_webhook(tmp_path):
    site = "siliconera"
    hostile = "<!channel> <https://ev.il/x|Fix now>"
    hook = Receiver()
    with Simulator() as fresh:  # its own pages: the headline is set before any is rendered
        url = fresh.article_urls(site)[0]
        # too long a headline fails its check, whose message quotes the page's text
        fresh.article(url).headline = hostile + " & " + "a very long headline " * 16
        cwd = _workdir(tmp_path / "hook", [site])
        result = _pressguard(cwd, "crawl", "--limit", "1", "--proxy", fresh.proxy_url, *FAST, "--site", site,
                             "--webhook", hook.url)
    hook.close()
    assert result.returncode == 1, result
    page = json.loads((cwd / "reports" / "report.json").read_text(encoding="utf-8"))["pages"][0]
    assert hostile in page["failures"][0]["found"]  # the page text did reach the report
    assert len(hook.posts) == 1
    payload = json.loads(hook.posts[0][1])
    texts = [payload["text"]] + [json.dumps(block, ensure_ascii=False) for block in payload["blocks"]]
    sent = "\n".join(texts)
    assert "&lt;!channel&gt; &lt;https://ev.il/x|Fix now&gt; &amp; a very long" in sent
    assert "<!channel>" not in sent and "<https://ev.il" not in sent and "<!" not in sent
    said = [b for b in payload["blocks"] if "ev.il" in json.dumps(b)]
    assert said and all(b["text"]["type"] == "plain_text" for b in said)  # page text is never markup


def test_a_setting_scrapy_cannot_use_is_one_line_and_exit_2(sim, tmp_path):
    site = "siliconera"
    cwd = _workdir(tmp_path / "settings", [site])
    # an int setting given a fraction passes the up-front check; Scrapy refuses it at start-up
    result = _pressguard(cwd, *_crawl_command(sim, [site], "-s", "CONCURRENT_REQUESTS=2.5", limit=1)[3:])
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr and "Unhandled error" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "the crawl failed" in lines[0] and "2.5" in lines[0], lines
    doc = json.loads((cwd / "reports" / "report.json").read_text(encoding="utf-8"))
    assert doc["error"] and doc["status"] != "interrupted" and doc["exit_code"] == 2


def test_a_sitemap_with_one_undecodable_byte_is_a_finding_and_still_read(sim, tmp_path):
    site = "primagames"
    cwd = _workdir(tmp_path / "badbyte", [site])
    sim.set_fault(site, "bad-byte", path="/news-sitemap.xml")
    try:
        result = _pressguard(cwd, *_crawl_command(sim, [site], limit=1)[3:])
    finally:
        sim.reset()
    assert result.returncode == 0, result
    info = json.loads((cwd / "reports" / "report.json").read_text(encoding="utf-8"))["sites"][site]
    problem = f"sitemap https://{SITES[site].domain}/news-sitemap.xml: undecodable byte 0xe9 at offset "
    assert any(p.startswith(problem) and p.endswith("read with it replaced by U+FFFD") for p in info["problems"]), info


# -- usage --------------------------------------------------------------------------------

def test_unknown_site_exits_2_with_one_line(tmp_path):
    (tmp_path / "cassettes").mkdir()
    result = _pressguard(tmp_path, "crawl", "--site", "nosuchsite", "--proxy", "http://127.0.0.1:9")
    assert result.returncode == 2, result
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == ["pressguard crawl: unknown site 'nosuchsite'; choose from: " + ", ".join(SITES)]
    assert not (tmp_path / "reports").exists()


@pytest.mark.parametrize("argv, fragment", [
    (["--limit", "0"], "--limit 0: must be at least 1"),
    (["--proxy", "127.0.0.1:8899"], "--proxy '127.0.0.1:8899': not an http(s) URL"),
    (["--webhook", "hooks.example/x"], "--webhook 'hooks.example/x': not an http(s) URL"),
    (["--webhook", "http://[::1/hook"], "--webhook 'http://[::1/hook': not an http(s) URL"),  # unclosed IPv6 bracket
    (["--cassettes", "missing-folder"], "--cassettes missing-folder: no such folder"),
    (["-s", "NOEQUALS"], "-s 'NOEQUALS': expected NAME=VALUE"),
    (["-s", "DOWNLOAD_TIMEOUT=abc"], "-s DOWNLOAD_TIMEOUT=abc: DOWNLOAD_TIMEOUT must be a number; pass e.g."),
    (["-s", "ROBOTSTXT_OBEY=maybe"], "-s ROBOTSTXT_OBEY=maybe: ROBOTSTXT_OBEY must be true or false"),
    (["-s", "DEFAULT_REQUEST_HEADERS=x"], "DEFAULT_REQUEST_HEADERS must be a JSON object"),
    (["--fail-on", "everything"], "argument --fail-on: invalid choice: 'everything'"),
    (["--limit", "many"], "argument --limit: invalid int value: 'many'"),
])
def test_bad_arguments_exit_2_with_one_line(tmp_path, monkeypatch, capsys, argv, fragment):
    from pressguard.crawl import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / "cassettes").mkdir()
    assert main(argv) == 2
    lines = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(lines) == 1 and fragment in lines[0] and lines[0].startswith("pressguard crawl: "), lines
    assert not (tmp_path / "reports").exists()
