"""Bad input: one line naming the file or URL and what to do, exit 2, no traceback."""

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
