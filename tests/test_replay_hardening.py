"""Issue #9: every cassette given ends as exactly one result, and replay is sealed.

Real files, the real `pressguard replay` and `scrapy crawl` in subprocesses,
the real Scrapy engine.
"""

import json
import os

import pytest

from cassette_factory import interaction, write_cassette

GOOD = "https://example.com/news/engines/"


def _fail_lines(result):
    return [line for line in result.stdout.splitlines() if line.startswith("FAIL ")]


def test_cassettes_whose_uri_is_not_a_url_are_named_and_the_rest_still_replayed(cli, tmp_path):
    folder = tmp_path / "c" / "generic"
    write_cassette(folder / "a-good.yaml", interaction(GOOD))
    write_cassette(folder / "b-empty.yaml", interaction(""))
    write_cassette(folder / "c-not-a-url.yaml", interaction("not-a-url"))
    write_cassette(folder / "d-port.yaml", interaction(":99999"))
    write_cassette(folder / "e-number.yaml", interaction(12345))
    write_cassette(folder / "f-good.yaml", interaction(GOOD.replace("engines", "mills")))
    (tmp_path / "items.jsonl").write_text("earlier items\n")
    (tmp_path / "report.json").write_text("earlier report")
    result = cli("replay", "c", "-o", "items.jsonl", "--report", "report.json")
    out = result.stdout + result.stderr
    assert result.returncode == 2, out
    assert "Traceback" not in out
    failed = _fail_lines(result)
    for name in ("b-empty", "c-not-a-url", "d-port", "e-number"):
        (line,) = [line for line in failed if f"c/generic/{name}.yaml" in line]
        assert "record it again" in line, line
    assert len(failed) == 4, result.stdout
    assert sum(line.startswith("ok ") for line in result.stdout.splitlines()) == 2, result.stdout
    assert "replayed 6 cassettes: 2 articles, 4 failing, 0 drifted; 6 results" in result.stdout
    # exit 2 (unreadable input) keeps the last good files
    assert (tmp_path / "items.jsonl").read_text() == "earlier items\n"
    assert (tmp_path / "report.json").read_text() == "earlier report"
    assert "items.jsonl, report.json left untouched" in result.stderr
    # with no earlier files to keep, the report is written and lists every cassette
    fresh = cli("replay", "c", "--report", "fresh.json")
    assert fresh.returncode == 2 and "left untouched" not in fresh.stderr
    report = json.loads((tmp_path / "fresh.json").read_text())
    assert len(report) == 6 and sum(bool(r["error"]) for r in report) == 4


def test_report_lists_every_cassette_and_a_failed_page_exits_1(cli, tmp_path):
    folder = tmp_path / "c"
    write_cassette(folder / "generic" / "good.yaml", interaction(GOOD))
    write_cassette(folder / "generic" / "gone.yaml", interaction(GOOD + "gone/", status=404, body="<h1>Not found</h1>"))
    # a page whose JSON-LD is 100k nested arrays (it raised RecursionError once; now an
    # unreadable block, and the page a broken item: no body)
    nested = '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"
    write_cassette(folder / "generic" / "nested.yaml", interaction(GOOD + "nested/", body=nested + "<h1>Nested</h1>"))
    result = cli("replay", "c", "--report", "report.json")
    assert result.returncode == 1, result.stdout + result.stderr
    report = json.loads((tmp_path / "report.json").read_text())
    assert sorted(r["cassette"] for r in report) == sorted(
        f"c/generic/{p}.yaml" for p in ("good", "gone", "nested")
    )
    assert [r["cassette"] for r in report if r["error"]] == ["c/generic/gone.yaml"]
    nested_item = next(r["item"] for r in report if r["cassette"] == "c/generic/nested.yaml")
    assert nested_item["verdict"] == "broken" and nested_item["checks"]["body_length"] != "ok"
    assert "Traceback" not in result.stdout + result.stderr
    assert "replayed 3 cassettes: 2 articles, 2 failing, 0 drifted; 3 results" in result.stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file; the non-text URI case covers the path")
def test_an_unreadable_cassette_is_named_and_the_next_one_replayed(cli, tmp_path):
    write_cassette(tmp_path / "c" / "generic" / "a.yaml", interaction(GOOD))
    locked = write_cassette(tmp_path / "c" / "generic" / "b.yaml", interaction(GOOD))
    write_cassette(tmp_path / "c" / "generic" / "c.yaml", interaction(GOOD))
    locked.chmod(0)
    result = cli("replay", "c")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    (line,) = _fail_lines(result)
    assert "c/generic/b.yaml" in line
    assert "replayed 3 cassettes: 2 articles, 1 failing" in result.stdout


# -- replay is sealed: no scheme reaches the disk, the network or DNS --------------------


def test_no_scheme_reaches_the_disk_the_network_or_dns_in_replay(scrapy_cli, tmp_path):
    import socket
    import threading

    secret = tmp_path / "secret.txt"
    secret.write_text("<h1>LOCAL SECRET</h1><p>" + "private words " * 50 + "</p>")
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(0.2)
    accepted = []
    done = threading.Event()

    def accept():
        while not done.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                pass

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    port = listener.getsockname()[1]
    urls = [f"file://{secret}", "s3://pressguard-bucket/key", f"ftp://127.0.0.1:{port}/x",
            "ftp://pressguard-probe.invalid/x", "gopher://pressguard-probe.invalid/x"]
    out = tmp_path / "out.jsonl"
    try:
        result = scrapy_cli("crawl", "generic", "-a", "url=" + ",".join(urls), "-O", out)
        data = scrapy_cli("crawl", "generic", "-a", "url=data:text/html;base64,PGgxPkxPQ0FMPC9oMT4=", "-O", out)
    finally:
        done.set()
        thread.join()
        listener.close()
    assert accepted == []  # not one TCP connection
    assert result.returncode == 2, result.stderr[-3000:]
    assert "LOCAL SECRET" not in out.read_text() + result.stderr
    assert "DNS lookup failed" not in result.stderr
    for url in urls[:4]:
        assert f"{url}: no cassette named for this request" in result.stderr, url
    assert "Unsupported URL scheme 'gopher'" in result.stderr  # no handler at all: a named failure
    assert data.returncode == 2 and "no cassette named for this request" in data.stderr, data.stderr[-3000:]


def test_scrapy_resolver_refuses_every_lookup_in_replay_only(tmp_path):
    import subprocess
    import sys

    script = tmp_path / "resolve.py"
    script.write_text('''
import sys
import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.utils.defer import maybe_deferred_to_future
from pressguard.scrapy.runner import project_settings

class Resolve(scrapy.Spider):
    name = "resolve"
    async def start(self):
        from twisted.internet import reactor
        try:
            print("resolved", await maybe_deferred_to_future(reactor.resolve("localhost")))
        except Exception as exc:
            print("refused", exc)
        return
        yield

process = CrawlerProcess(project_settings({"PRESSGUARD_MODE": sys.argv[1], "LOG_ENABLED": False}))
process.crawl(Resolve)
process.start()
''')
    seen = {}
    for mode in ("replay", "live"):
        run = subprocess.run([sys.executable, str(script), mode], capture_output=True, text=True, timeout=60)
        seen[mode] = run.stdout.strip()
    assert "localhost: DNS lookups are refused in replay" in seen["replay"], seen
    assert seen["replay"].startswith("refused "), seen
    assert seen["live"] == "resolved 127.0.0.1", seen


def test_no_remote_control_or_telnet_console_in_replay_or_record(cli, pages, tmp_path):
    url = pages.article("/news/engines/")
    record = cli("record", url, "--site", "generic", "-v")
    replay = cli("replay", "-v")
    for result in (record, replay):
        assert result.returncode == 0, result.stderr[-2000:]
        enabled = result.stderr.split("Enabled extensions:", 1)[1].split("]", 1)[0]
        assert "CoreStats" in enabled
        assert "RemoteControl" not in enabled and "TelnetConsole" not in enabled, enabled
        assert "Telnet console listening" not in result.stderr


def test_block_network_refuses_name_lookups_too(tmp_path):
    import subprocess
    import sys

    code = (
        "import socket\n"
        "from pressguard.cassettes.network_block import block_network\n"
        "block_network()\n"
        "print(socket.getaddrinfo('127.0.0.1', 80)[0][4][0])\n"  # a literal asks no DNS server
        "for lookup in (lambda: socket.getaddrinfo('pressguard-probe.invalid', 80),\n"
        "               lambda: socket.gethostbyname('pressguard-probe.invalid')):\n"
        "    try:\n"
        "        lookup()\n"
        "    except OSError as exc:\n"
        "        print(exc)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    lines = run.stdout.splitlines()
    assert lines[0] == "127.0.0.1", run
    assert lines[1:] == ["network blocked during replay: name lookup of 'pressguard-probe.invalid' refused; "
                         "replay answers from cassettes only (re-record with --record-mode=all)"] * 2, run


def test_remote_control_and_telnet_are_off_in_every_mode():
    from scrapy.utils.conf import build_component_list

    from pressguard.scrapy.runner import project_settings

    for mode in ("replay", "record", "live"):
        settings = project_settings({"PRESSGUARD_MODE": mode, "PRESSGUARD_CRAWL_STAGING": "x"})
        enabled = build_component_list(settings.getwithbase("EXTENSIONS"))
        assert not [e for e in enabled if "remote_control" in str(e) or "telnet" in str(e)], (mode, enabled)
        assert not settings.getbool("REMOTE_CONTROL_ENABLED") and not settings.getbool("TELNETCONSOLE_ENABLED")


def test_a_page_over_the_budget_is_a_named_failure_not_a_hang(cli, tmp_path):
    """40k nested divs took 19 s for one replayed page; the page budget refuses it by name."""
    deep = "<div>" * 40_000 + "<h1>Deep</h1><p>" + "word " * 100 + ".</p>" + "</div>" * 40_000
    folder = tmp_path / "c" / "generic"
    write_cassette(folder / "deep.yaml", interaction(GOOD + "deep/", body="<html><body>" + deep + "</body></html>"))
    write_cassette(folder / "good.yaml", interaction(GOOD))
    result = cli("replay", "c")
    assert result.returncode == 1, result.stdout + result.stderr
    fails = _fail_lines(result)
    assert len(fails) == 1 and "c/generic/deep.yaml" in fails[0], result.stdout
    assert "page too large" in fails[0] and "nesting depth (40,001 > 5,000)" in fails[0], fails[0]
    assert "Traceback" not in result.stdout + result.stderr
    assert "2 results (1 articles, 1 named failures)" in result.stdout
