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


def test_report_lists_every_cassette_and_a_failed_page_exits_1(cli, tmp_path):
    folder = tmp_path / "c"
    write_cassette(folder / "generic" / "good.yaml", interaction(GOOD))
    write_cassette(folder / "generic" / "gone.yaml", interaction(GOOD + "gone/", status=404, body="<h1>Not found</h1>"))
    # a page whose extraction raises (RecursionError on 100k nested JSON-LD arrays)
    nested = '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"
    write_cassette(folder / "generic" / "nested.yaml", interaction(GOOD + "nested/", body=nested + "<h1>Nested</h1>"))
    result = cli("replay", "c", "--report", "report.json")
    assert result.returncode == 1, result.stdout + result.stderr
    report = json.loads((tmp_path / "report.json").read_text())
    assert sorted(r["cassette"] for r in report) == sorted(
        f"c/generic/{p}.yaml" for p in ("good", "gone", "nested")
    )
    assert [r["cassette"] for r in report if r["error"]] == ["c/generic/gone.yaml", "c/generic/nested.yaml"]
    assert "Traceback" not in result.stdout + result.stderr
    assert "replayed 3 cassettes: 1 articles, 2 failing, 0 drifted; 3 results" in result.stdout


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
