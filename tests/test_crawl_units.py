"""`pressguard crawl` pieces without a network: Retry-After, page records, incidents,
JUnit, the HTML report, the webhook payload, the jobdir state."""

from __future__ import annotations

import asyncio
import os
import json
import time
import xml.etree.ElementTree as ET
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser

import pytest
from scrapy import Request
from scrapy.http import Response
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from pressguard.crawl import summary
from pressguard.crawl.html_report import render_html
from pressguard.crawl.middlewares import RetryAfterMiddleware, StagingMiddleware, parse_retry_after
from pressguard.crawl.pages import (
    classify_error,
    is_challenge_page,
    page_from_failure,
    page_from_item,
    parse_check_message,
)
from pressguard.crawl.report import render_junit
from pressguard.crawl.state import JobState
from pressguard.crawl.webhook import build_payload, public_url
from pressguard.cassettes.handler import META_CASSETTE

URL = "https://wegotthiscovered.com/politics/some-article-slug-here/"


# -- Retry-After --------------------------------------------------------------------------

def test_retry_after_seconds_dates_and_garbage():
    assert parse_retry_after(b"7") == 7.0
    assert parse_retry_after(" 0 ") == 0.0
    now = time.time()
    later = format_datetime(datetime.fromtimestamp(now + 30, timezone.utc), usegmt=True)
    assert 28 <= parse_retry_after(later, now=now) <= 31
    past = format_datetime(datetime.fromtimestamp(now, timezone.utc) - timedelta(hours=1), usegmt=True)
    assert parse_retry_after(past, now=now) == 0.0
    for bad in (None, b"", b"soon", b"-3", b"1.5e9x"):
        assert parse_retry_after(bad) is None


def _middleware(**settings):
    crawler = get_crawler(settings_dict={"RETRY_TIMES": 2, **settings})
    return RetryAfterMiddleware.from_crawler(crawler)


def _response(status, retry_after=None, request=None):
    headers = {"Retry-After": retry_after} if retry_after is not None else {}
    return Response(URL, status=status, headers=headers, request=request)


def test_retry_after_waits_only_when_retry_middleware_will_retry():
    mw = _middleware(PRESSGUARD_RETRY_AFTER_MAX=60)
    request = Request(URL)
    assert mw.delay_for(request, _response(429, "3")) == 3.0
    assert mw.delay_for(request, _response(503, "4")) == 4.0
    assert mw.delay_for(request, _response(429, "3600")) == 60.0  # capped
    assert mw.delay_for(request, _response(429)) == 0.0  # no header: Scrapy's own retry
    assert mw.delay_for(request, _response(200, "3")) == 0.0
    assert mw.delay_for(request, _response(404, "3")) == 0.0  # not a retried status
    assert mw.delay_for(Request(URL, meta={"dont_retry": True}), _response(429, "3")) == 0.0
    # the last retry is used up: RetryMiddleware gives up, so waiting would be wasted
    assert mw.delay_for(Request(URL, meta={"retry_times": 2}), _response(429, "3")) == 0.0
    assert mw.delay_for(Request(URL, meta={"retry_times": 2, "max_retry_times": 5}), _response(429, "3")) == 3.0
    assert _middleware(RETRY_ENABLED=False).delay_for(request, _response(429, "3")) == 0.0


def test_retry_after_really_waits_before_handing_the_response_on():
    mw = _middleware(PRESSGUARD_RETRY_AFTER_MAX=0.3)
    mw.crawler.stats = MemoryStatsCollector(mw.crawler)
    request = Request(URL)
    response = _response(429, "5", request)
    started = time.monotonic()
    out = asyncio.run(mw.process_response(request, response))
    assert out is response
    assert time.monotonic() - started >= 0.28  # it really waited; the cap shows in the stats below
    assert mw.crawler.stats.get_value("pressguard/retry_after/waits") == 1
    assert mw.crawler.stats.get_value("pressguard/retry_after/seconds") == pytest.approx(0.3)


def test_staging_middleware_names_one_cassette_per_article_page(tmp_path):
    class Spider:
        name = "wegotthiscovered"

        def parse_article(self, response):
            pass

        def parse_listing(self, response):
            pass

    spider = Spider()
    crawler = get_crawler(settings_dict={"PRESSGUARD_CRAWL_STAGING": str(tmp_path)})
    crawler.spider = spider
    mw = StagingMiddleware.from_crawler(crawler)
    first = Request("https://wegotthiscovered.com/movies/same-slug-here/", callback=spider.parse_article)
    second = Request("https://wegotthiscovered.com/tv/same-slug-here/", callback=spider.parse_article)
    listing = Request("https://wegotthiscovered.com/movies/", callback=spider.parse_listing)
    for request in (first, second, listing):
        mw.process_request(request)
    assert first.meta[META_CASSETTE] == str(tmp_path / "wegotthiscovered" / "same-slug-here.yaml")
    assert second.meta[META_CASSETTE] == str(tmp_path / "wegotthiscovered" / "same-slug-here-2.yaml")
    assert META_CASSETTE not in listing.meta  # discovery pages are not evidence
    retry = first.replace(dont_filter=True)
    mw.process_request(retry)
    assert retry.meta[META_CASSETTE] == first.meta[META_CASSETTE]
    stale = Request(first.url, callback=spider.parse_article, meta={META_CASSETTE: "/old/run/x/y.yaml"})
    mw.process_request(stale)  # resumed from a jobdir: a new staging folder
    assert stale.meta[META_CASSETTE] == first.meta[META_CASSETTE]


# -- page records -------------------------------------------------------------------------

def _checks(**failing):
    names = ("headline", "authors", "body_length", "boilerplate", "truncation", "agreement", "template")
    return {n: failing.get(n, "ok") for n in names}


def _item(url=URL, layout="gamurs-blocks", **failing):
    return {"url": url, "site": "wegotthiscovered", "layout": layout, "headline": "A headline",
            "authors": ["Ada Lovelace"], "body": ["p1", "p2"], "checks": _checks(**failing)}


BODY_CHANGE = {"field": "body", "appeared": [".prose"], "vanished": [".entry-content"],
               "summary": "body: appeared .prose; vanished .entry-content"}


def test_check_messages_split_into_expected_and_found():
    msg = f"body_length: {URL}: expected >= 80 words in >= 2 paragraphs, found 3 words in 1 paragraphs"
    assert parse_check_message(msg) == {"check": "body_length", "expected": ">= 80 words in >= 2 paragraphs",
                                        "found": "3 words in 1 paragraphs"}
    assert parse_check_message("odd text")["found"] == "odd text"


def test_page_statuses_and_fields():
    healthy = page_from_item("wegotthiscovered", _item(), changes=[], challenge=False)
    assert healthy["status"] == "healthy" and set(healthy["fields"].values()) == {"ok"}

    drift_msg = f"template: {URL}: expected the recorded template, found body: appeared .prose"
    drifted = page_from_item("wegotthiscovered", _item(template=drift_msg), changes=[BODY_CHANGE], challenge=False)
    assert drifted["status"] == "drifted"
    assert drifted["fields"]["body"] == "drift" and drifted["fields"]["headline"] == "ok"

    broken = page_from_item("wegotthiscovered", _item(
        body_length=f"body_length: {URL}: expected >= 80 words in >= 2 paragraphs, found 0 words in 0 paragraphs",
        agreement=f"agreement: {URL}: expected sources to agree, found headline 'X' (JSON-LD) for 'Y'"),
        changes=[], challenge=False)
    assert broken["status"] == "broken"
    assert broken["fields"]["body"] == "broken" and broken["fields"]["headline"] == "broken"
    assert {f["check"]: f["fields"] for f in broken["failures"]} == {"body_length": ["body"],
                                                                     "agreement": ["headline"]}

    captcha = page_from_item("wegotthiscovered", _item(), changes=[], challenge=True)
    assert captcha["status"] == "fetch-failed" and captcha["fetch_error"]["kind"] == "captcha"

    failed = page_from_failure("wegotthiscovered", URL, f"{URL}: HTTP 503")
    assert failed["status"] == "fetch-failed" and failed["fetch_error"]["kind"] == "HTTP 503"
    assert failed["fields"]["fetch"] == "broken"


def test_fetch_errors_are_classified():
    assert classify_error(f"{URL}: HTTP 429") == "HTTP 429"
    assert classify_error(f"{URL}: ResponseDataLossError") == "truncated"
    assert classify_error(f"Getting {URL} took longer than 30.0 seconds.") == "timeout"
    assert classify_error(f"{URL}: max redirections reached") == "redirect loop"
    assert classify_error(f"{URL}: Forbidden by robots.txt") == "robots.txt"
    assert classify_error(f"{URL}: spider error ValueError: x") == "spider error"


def test_challenge_pages_are_recognised_but_recaptcha_notices_are_not():
    from pressguard.sim.faults import captcha_page

    assert is_challenge_page(captcha_page("dotesports.com").encode())
    article = b"<html><title>Codes</title><p>This site is protected by reCAPTCHA and the Google Privacy</p>"
    assert not is_challenge_page(article)


# -- summary and incidents ----------------------------------------------------------------

def _drifted(site, url):
    msg = f"template: {url}: expected the recorded template, found body: appeared .prose"
    item = _item(url=url, layout="generic", template=msg)
    return page_from_item(site, item, changes=[BODY_CHANGE], challenge=False, recorded_layout="gamurs-blocks")


def test_one_redesign_on_several_sites_is_one_incident():
    pages = [
        _drifted("wegotthiscovered", URL),
        _drifted("twinfinite", "https://twinfinite.net/guides/a-b-c/"),
        _drifted("twinfinite", "https://twinfinite.net/guides/d-e-f/"),
        page_from_item("dotesports", _item(url="https://dotesports.com/x/news/a-b-c"), changes=[], challenge=False),
        page_from_failure("gamepur", "https://gamepur.com/news/a-b-c", "https://gamepur.com/news/a-b-c: HTTP 503"),
        page_from_failure("siliconera", "https://siliconera.com/a-b-c/", "https://siliconera.com/a-b-c/: HTTP 503"),
    ]
    sites = ["wegotthiscovered", "twinfinite", "dotesports", "gamepur", "siliconera", "themarysue"]
    meta = {"themarysue": {"stats": {"responses": {"200": 1, "503": 12}}, "discovered": 0}}
    verdict = summary.build(pages, meta, sites)
    assert verdict["status"] == "broken"
    by_title = {i["title"]: i for i in verdict["incidents"]}
    drift = by_title["gamurs-blocks \u2192 generic: template changed on 2 sites"]
    assert drift["sites"] == ["twinfinite", "wegotthiscovered"] and len(drift["pages"]) == 3
    assert drift["template_changes"] == [BODY_CHANGE]
    assert by_title["HTTP 503 on 2 sites"]["sites"] == ["gamepur", "siliconera"]
    assert by_title["nothing crawled (HTTP 503) on themarysue"]["kind"] == "fetch"
    s = verdict["sites"]
    assert s["dotesports"]["status"] == "healthy"
    assert s["wegotthiscovered"]["status"] == "degraded"
    assert s["wegotthiscovered"]["fields"]["body"] == {"status": "degraded", "failing": 0, "drifted": 1, "pages": 1}
    assert s["gamepur"]["fields"]["fetch"]["status"] == "broken"
    assert s["gamepur"]["fields"]["headline"]["status"] == "n/a"
    assert s["themarysue"]["status"] == "broken" and "HTTP 503 x12" in s["themarysue"]["problems"][0]


def test_field_status_thresholds():
    assert summary.field_status(0, 0, 3) == "healthy"
    assert summary.field_status(1, 0, 3) == "degraded"
    assert summary.field_status(0, 3, 3) == "degraded"
    assert summary.field_status(2, 0, 3) == "broken"
    assert summary.field_status(0, 0, 0) == "n/a"


def _doc(pages, sites, complete=True):
    verdict = summary.build(pages, {}, sites)
    return {"report_version": 1, "versions": {"pressguard": "0", "scrapy": "0"}, "complete": complete,
            "interrupted": None if complete else "shutdown", "error": None, "started_at": "2025-08-10T00:00:00+00:00",
            "updated_at": "2025-08-10T00:01:00+00:00", "finished_at": "2025-08-10T00:01:00+00:00",
            "options": {"sites": sites, "limit": 3, "cassettes": "cassettes", "captured": "cassettes/_captured",
                        "proxy": None, "jobdir": None},
            "resumed_pages": 0, "status": verdict["status"], "exit_code": 1, "totals": verdict["totals"],
            "sites": verdict["sites"], "incidents": verdict["incidents"], "pages": pages, "webhook": None}


def test_junit_has_one_testcase_per_page_with_field_expected_found():
    broken = page_from_item("wegotthiscovered", _item(
        body_length=f"body_length: {URL}: expected >= 80 words in >= 2 paragraphs, found 0 words\x0b in 0"),
        changes=[], challenge=False)
    broken["cassette"] = "cassettes/_captured/wegotthiscovered/some-article-slug-here.yaml"
    ok = page_from_item("wegotthiscovered", _item(url=URL + "x/"), changes=[], challenge=False)
    doc = _doc([broken, ok], ["wegotthiscovered", "gamepur"])
    root = ET.fromstring(render_junit(doc).encode())
    assert root.get("tests") == "3" and root.get("failures") == "1" and root.get("errors") == "1"
    cases = root.findall(".//testcase")
    failure = cases[0].find("failure")
    assert failure.get("message").startswith("body_length (body): expected >= 80 words")
    assert "found 0 words" in failure.get("message")
    assert "pressguard replay cassettes/_captured/wegotthiscovered/some-article-slug-here.yaml" in failure.text
    assert cases[1].find("failure") is None
    assert cases[2].get("name") == "gamepur (discovery)" and cases[2].find("error") is not None


class _Balance(HTMLParser):
    VOID = {"meta", "br", "col", "img", "input", "link", "hr"}

    def __init__(self):
        super().__init__()
        self.stack, self.errors, self.tags = [], [], set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append((tag, list(self.stack[-3:])))
        else:
            self.stack.pop()


def test_html_report_is_self_contained_balanced_and_escaped():
    evil = _item(headline=f"headline: {URL}: expected the article's headline, found '<img src=x>'")
    evil["headline"] = "<script>alert(1)</script>"
    page = page_from_item("wegotthiscovered", evil, changes=[BODY_CHANGE], challenge=False)
    doc = _doc([page], ["wegotthiscovered"], complete=False)
    html = render_html(doc)
    parser = _Balance()
    parser.feed(html)
    assert parser.errors == [] and parser.stack == []
    assert "script" not in parser.tags and "img" not in parser.tags and "link" not in parser.tags
    assert "<style>" in html and "Incomplete report" in html
    assert "&lt;img src=x&gt;" in html


def test_webhook_payload_is_slack_shaped_and_targets_hide_secrets():
    doc = _doc([_drifted("wegotthiscovered", URL), _drifted("twinfinite", "https://twinfinite.net/a/b-c-d/")],
               ["wegotthiscovered", "twinfinite"])
    payload = build_payload(doc, {"html": "reports/report.html"})
    assert payload["text"].startswith("pressguard crawl: DEGRADED")
    assert payload["blocks"][0]["type"] == "header"
    assert all(len(b.get("text", {}).get("text", "")) <= 3000 for b in payload["blocks"])
    assert any("twinfinite, wegotthiscovered" in b.get("text", {}).get("text", "") for b in payload["blocks"])
    json.dumps(payload)
    assert public_url("https://user:pw@hooks.slack.com/services/T0/B0/SECRET?x=1") == "https://hooks.slack.com"


def test_jobstate_survives_a_torn_last_line(tmp_path):
    state = JobState(tmp_path / "job")
    state.start({"started_at": "t0", "sites": ["wegotthiscovered"]})
    state.append({"site": "wegotthiscovered", "url": URL, "status": "healthy"})
    with open(tmp_path / "job" / "pressguard-pages.jsonl", "a") as handle:
        handle.write('{"site": "wegotthiscovered", "url": "https://')  # killed mid-write
    run, pages = state.load()
    assert run["started_at"] == "t0" and [p["url"] for p in pages] == [URL]
    (tmp_path / "job" / "wegotthiscovered").mkdir()
    state.clear(["wegotthiscovered"])
    assert sorted(p.name for p in (tmp_path / "job").iterdir()) == []


# -- verdicts, unfinished reports, the report lock, Slack escaping -------------------------

def test_each_page_record_carries_its_verdict_and_drift_alone_fails_only_under_fail_on_drift():
    healthy = page_from_item("wegotthiscovered", _item(), changes=[], challenge=False)
    drifted = _drifted("twinfinite", "https://twinfinite.net/guides/a-b-c/")
    broken = page_from_item("dotesports", _item(
        url="https://dotesports.com/x/news/a-b-c",
        body_length="body_length: https://dotesports.com/x/news/a-b-c: expected >= 80 words, found 0 words"),
        changes=[], challenge=False)
    failed = page_from_failure("gamepur", "https://gamepur.com/news/a-b-c", "https://gamepur.com/news/a-b-c: HTTP 503")
    assert [p["verdict"] for p in (healthy, drifted, broken, failed)] == ["healthy", "drift", "broken", "broken"]
    assert summary.build([healthy, drifted], {}, ["wegotthiscovered", "twinfinite"])["verdict"] == "drift"
    assert summary.build([healthy, drifted, broken], {}, ["wegotthiscovered", "twinfinite", "dotesports"])["verdict"] == "broken"
    # a site that gave no page at all is broken, whatever the others did
    assert summary.build([healthy], {}, ["wegotthiscovered", "themarysue"])["verdict"] == "broken"

    lenient = _doc([drifted], ["twinfinite"])
    root = ET.fromstring(render_junit(lenient).encode())
    assert root.get("failures") == "0" and "body:" in root.find(".//system-out").text
    strict = _doc([drifted], ["twinfinite"])
    strict["options"]["fail_on"] = "drift"
    assert ET.fromstring(render_junit(strict).encode()).get("failures") == "1"


def test_junit_of_a_crawl_still_running_or_killed_is_never_green():
    ok = page_from_item("wegotthiscovered", _item(), changes=[], challenge=False)
    doc = _doc([ok], ["wegotthiscovered"], complete=False)
    doc["interrupted"], doc["finished_at"] = None, None  # what a kill -9 leaves: the last in-progress write
    root = ET.fromstring(render_junit(doc).encode())
    assert root.get("errors") == "1" and root.get("tests") == "2"
    error = next(root.iter("error"))
    assert error.get("type") == "unfinished" and "has not finished" in error.get("message")
    doc["interrupted"], doc["finished_at"] = "SIGTERM", "2025-08-10T00:02:00+00:00"
    error = next(ET.fromstring(render_junit(doc).encode()).iter("error"))
    assert error.get("type") == "interrupted" and "SIGTERM" in error.get("message")
    assert "testcase" in render_junit(_doc([ok], ["wegotthiscovered"])) and \
        ET.fromstring(render_junit(_doc([ok], ["wegotthiscovered"])).encode()).get("errors") == "0"


def test_the_report_folder_takes_one_crawl_at_a_time(tmp_path):
    from pressguard.crawl.report import FolderBusy, report_lock

    with report_lock(tmp_path) as path:
        assert path.read_text().strip() == str(os.getpid())
        with pytest.raises(FolderBusy, match=rf"--out {tmp_path}: another crawl \(pid {os.getpid()}\)"):
            with report_lock(tmp_path):
                pass
    with report_lock(tmp_path):  # released on exit
        pass


def test_slack_escape_and_page_text_only_as_plain_text():
    from pressguard.crawl.webhook import slack_escape

    assert slack_escape("<!channel> <https://ev.il/x|Fix now> & co") == \
        "&lt;!channel&gt; &lt;https://ev.il/x|Fix now&gt; &amp; co"
    hostile = "<!here> <https://ev.il/x|Fix now>"
    page = page_from_item("wegotthiscovered", _item(
        headline=f"headline: {URL}: expected a headline of at most 300 characters, found 400 characters: '{hostile}'"),
        changes=[BODY_CHANGE], challenge=False)
    page["cassette"] = "cassettes/_captured/wegotthiscovered/<!channel>.yaml"
    payload = build_payload(_doc([page], ["wegotthiscovered"]))
    sent = json.dumps(payload)
    assert "<!" not in sent and "<https" not in sent and "&lt;!here&gt;" in sent
    for block in payload["blocks"]:
        if "ev.il" in json.dumps(block):
            assert block["text"]["type"] == "plain_text"


def test_a_page_record_resumed_without_a_verdict_gets_one_from_its_status():
    old = _drifted("twinfinite", "https://twinfinite.net/guides/a-b-c/")
    del old["verdict"]  # a jobdir written before page records had one
    assert summary.build([old], {}, ["twinfinite"])["sites"]["twinfinite"]["verdict"] == "drift"
