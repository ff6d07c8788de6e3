"""Bad input: one line naming the file or URL and what to do, exit 2, no traceback."""

import json

import pytest

from conftest import assert_one_line_error


def test_replay_missing_path(cli):
    assert_one_line_error(cli("replay", "nope/"), "nope", "no such file or folder")


def test_replay_empty_folder(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    assert_one_line_error(cli("replay", "empty"), "empty", "pressguard record")


@pytest.mark.parametrize(
    "content, reason",
    [
        ("interactions: [\n", "unreadable YAML at line 2"),
        ("- just\n- a list\n", "not a vcrpy cassette"),
        ("version: 1\ninteractions: []\n", "cassette holds no interactions"),
    ],
)
def test_replay_bad_cassette_is_bad_input(cli, tmp_path, content, reason):
    (tmp_path / "bad.yaml").write_text(content)
    result = cli("replay", "bad.yaml")
    assert result.returncode == 2, result.stdout + result.stderr
    assert f"FAIL bad.yaml: {reason}" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_replay_output_folder_missing_writes_nothing(cli, tmp_path):
    (tmp_path / "c.yaml").write_text("version: 1\ninteractions: []\n")
    assert_one_line_error(cli("replay", "c.yaml", "-o", "no/dir/items.jsonl"), "no/dir/items.jsonl", "does not exist")


def test_record_unknown_site(cli):
    assert_one_line_error(cli("record", "https://example.com/a/", "--site", "nosuch"), "nosuch", "generic")


def test_record_not_a_url(cli):
    assert_one_line_error(cli("record", "example.com/a"), "example.com/a", "http")


def test_extract_missing_file(cli):
    assert_one_line_error(cli("extract", "page.html", "--url", "https://e.com/a"), "page.html", "no such file")


def test_scrapy_crawl_unknown_spider(scrapy_cli):
    result = scrapy_cli("crawl", "nosuch")
    assert_one_line_error(result, "nosuch", "generic", "wegotthiscovered", after_scrapy_log=True)
    assert result.stderr.rstrip().endswith("wegotthiscovered")  # the reason is the last word said


def test_scrapy_crawl_missing_cassette(scrapy_cli, tmp_path):
    missing = tmp_path / "gone.yaml"
    result = scrapy_cli("crawl", "generic", "-a", f"cassette={missing}")
    assert_one_line_error(result, str(missing), "no such", after_scrapy_log=True)


# -- issue #9 item 7: one line, not a traceback ------------------------------------------


def test_extract_url_with_an_unclosed_ipv6_bracket(cli, tmp_path):
    (tmp_path / "page.html").write_text("<html><body><h1>Hi</h1><p>words</p></body></html>")
    assert_one_line_error(cli("extract", "page.html", "--url", "http://[::1"), "http://[::1", "not an http(s) URL")


def test_extract_deeply_nested_json_ld(cli, tmp_path):
    nested = "[" * 100_000 + "]" * 100_000
    (tmp_path / "page.html").write_text(f'<script type="application/ld+json">{nested}</script><h1>Hi</h1>')
    result = cli("extract", "page.html", "--url", "https://e.com/a/")
    # a JSON-LD block too deep to decode is an unreadable block: the page itself still extracts
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert json.loads(result.stdout)["headline"] == "Hi"


@pytest.mark.parametrize(
    "content, what",
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n", "a PDF"),
        (b'{"headline": "<b>not a page</b>", "body": []}', "JSON"),
        (bytes(range(256)) * 4, "binary data"),
        (b"just some words, no markup at all", "without any HTML tag"),
    ],
)
def test_extract_refuses_input_that_is_not_html(cli, tmp_path, content, what):
    (tmp_path / "page.html").write_bytes(content)
    result = cli("extract", "page.html", "--url", "https://e.com/a/")
    assert_one_line_error(result, "page.html", what, "not an HTML page")
    assert result.stdout == ""


def test_record_name_must_be_a_slug_not_a_path(cli, tmp_path):
    result = cli("record", "https://example.com/a/", "--name", "../../x")
    assert_one_line_error(result, "--name", "../../x", "not a slug")
    assert not list(tmp_path.rglob("*.yaml"))


def test_sim_port_out_of_range(cli):
    assert_one_line_error(cli("sim", "--port", "99999"), "--port 99999", "65535")


def test_replay_into_a_closed_pipe_ends_quietly(tmp_path):
    """`pressguard replay | head -1`: the reader is gone before replay prints; no traceback."""
    import os
    import subprocess
    import sys

    from cassette_factory import interaction, write_cassette

    for name in ("a", "b", "c"):
        write_cassette(tmp_path / "c" / "generic" / f"{name}.yaml", interaction(f"https://example.com/news/{name}/"))
    read_end, write_end = os.pipe()
    os.close(read_end)  # closed before the command starts: its first write meets a broken pipe
    try:
        result = subprocess.run([sys.executable, "-m", "pressguard.cli", "replay", "c"], cwd=tmp_path,
                                stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write_end)
    assert "BrokenPipe" not in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr
