"""Record through Scrapy over real loopback HTTP, then replay through the real engine."""

import json

import yaml

from conftest import assert_one_line_error


def _load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _recorded_redirect(pages, cli, tmp_path, *, drop: int | None = None):
    """(old URL, cassette) of /old-engines/ recorded as its 301 hop and the article it leads
    to; drop: the index of an interaction (0 the hop, 1 the article) then cut from the cassette."""
    pages.article("/news/engines/")
    old = pages.add("/old-engines/", (301, {"Location": "/news/engines/"}, b""))
    assert cli("record", old, "--site", "generic").returncode == 0
    path = tmp_path / "cassettes" / "generic" / "old-engines.yaml"
    if drop is not None:
        data = _load(path)
        del data["interactions"][drop]
        path.write_text(yaml.safe_dump(data))
    return old, path


def test_record_writes_one_scrubbed_readable_cassette_per_page_with_its_redirect(pages, cli, tmp_path):
    pages.article("/news/engines/", **{"Content-Encoding": "gzip", "Set-Cookie": "sid=SECRET; Path=/"})
    old = pages.add("/old-engines/", (301, {"Location": "/news/engines/"}, b""))
    result = cli("record", old + "?session=SECRET&ref=home", "--site", "generic")
    assert result.returncode == 0, result.stderr
    cassette = tmp_path / "cassettes" / "generic" / "old-engines.yaml"
    assert "-> cassettes/generic/old-engines.yaml" in result.stdout
    data = _load(cassette)
    assert data["version"] == 1
    hops = data["interactions"]
    assert [h["response"]["status"]["code"] for h in hops] == [301, 200]
    assert hops[0]["request"]["uri"].endswith("/old-engines/?ref=home")
    assert hops[1]["request"]["uri"] == pages.base + "/news/engines/"
    text = cassette.read_text(encoding="utf-8")
    assert "SECRET" not in text
    assert "Set-Cookie" not in text and "Content-Encoding" not in text
    # decoded, readable, one HTML line per YAML line
    assert "      string: |" in text
    assert "        <main><article><h1>Engines of the future</h1>\n" in text
    meta = data["metadata"]["pressguard"]
    assert meta["source"] == "live" and meta["fetched_at"].endswith("+00:00")


def test_replay_runs_offline_through_the_engine_and_follows_recorded_redirects(pages, cli, tmp_path):
    _recorded_redirect(pages, cli, tmp_path)
    asked = dict(pages.hits)
    result = cli("replay", "-o", "items.jsonl", offline=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert pages.hits == asked  # nothing reached the server again
    items = [json.loads(line) for line in (tmp_path / "items.jsonl").read_text().splitlines()]
    assert len(items) == 1
    item = items[0]
    assert item["url"] == pages.base + "/news/engines/"
    assert item["headline"] == "Engines of the future"
    assert item["authors"] == ["Ada Lovelace"]
    assert any("emphasis and a link that keeps" in p for p in item["body"])
    assert "replayed 1 cassettes: 1 articles, 0 failing" in result.stdout


def test_a_miss_fails_hard_naming_url_cassette_and_record_command(pages, cli, tmp_path):
    old, _ = _recorded_redirect(pages, cli, tmp_path, drop=1)  # the redirect target is gone
    result = cli("replay", offline=True)
    assert result.returncode == 2, result.stdout + result.stderr
    failure = [line for line in result.stdout.splitlines() if line.startswith("FAIL")]
    assert len(failure) == 1
    assert pages.base + "/news/engines/" in failure[0]
    assert "cassettes/generic/old-engines.yaml" in failure[0]
    assert f"pressguard record {old}" in failure[0]


def test_retried_request_keeps_only_the_final_answer(pages, cli, tmp_path):
    from pages_server import ARTICLE

    body = ARTICLE.format(title="Flaky", canonical=pages.base + "/flaky/").encode()
    url = pages.add("/flaky/", (503, {}, b"busy"), (200, {"Content-Type": "text/html; charset=utf-8"}, body))
    result = cli("record", url, "--site", "generic")
    assert result.returncode == 0, result.stderr
    assert pages.hits["/flaky/"] == 2
    hops = _load(tmp_path / "cassettes" / "generic" / "flaky.yaml")["interactions"]
    assert [h["response"]["status"]["code"] for h in hops] == [200]


def test_record_refuses_to_overwrite_and_keeps_both_with_name(pages, cli, tmp_path):
    url = pages.article("/news/engines/")
    assert cli("record", url).returncode == 0  # unknown domain: the generic spider
    path = tmp_path / "cassettes" / "generic" / "engines.yaml"
    before = path.read_text()
    again = cli("record", url)
    assert_one_line_error(again, "cassettes/generic/engines.yaml", "--overwrite", "--name")
    assert path.read_text() == before
    kept = cli("record", url, "--name", "engines-v2")
    assert kept.returncode == 0, kept.stderr
    assert (tmp_path / "cassettes" / "generic" / "engines-v2.yaml").is_file()
    assert path.read_text() == before
    assert cli("record", url, "--overwrite").returncode == 0


def test_record_of_an_unreachable_page_writes_nothing_and_says_so(cli, tmp_path):
    result = cli("record", "http://127.0.0.1:9/gone/", "--site", "generic")
    assert result.returncode == 2
    assert "127.0.0.1:9/gone/" in result.stderr and "nothing written" in result.stderr
    assert not (tmp_path / "cassettes" / "generic" / "gone.yaml").exists()


def test_an_error_page_is_recorded_as_evidence_and_reported(pages, cli, tmp_path):
    url = pages.add("/missing/", (404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>"))
    result = cli("record", url, "--site", "generic")
    assert result.returncode == 1
    assert "HTTP 404" in result.stdout
    assert (tmp_path / "cassettes" / "generic" / "missing.yaml").is_file()


def test_record_mode_once_keeps_an_existing_cassette_untouched(pages, cli, tmp_path):
    url = pages.article("/news/engines/")
    assert cli("record", url, "--site", "generic").returncode == 0
    path = tmp_path / "cassettes" / "generic" / "engines.yaml"
    before, hits = path.read_text(), pages.hits["/news/engines/"]
    pages.article("/news/engines/", title="Changed since")
    result = cli("record", url, "--site", "generic", "--record-mode", "once")
    assert result.returncode == 0, result.stderr
    assert pages.hits["/news/engines/"] == hits
    assert path.read_text() == before


def test_record_mode_new_episodes_fetches_only_what_the_cassette_lacks(pages, cli, tmp_path):
    old, path = _recorded_redirect(pages, cli, tmp_path, drop=1)
    hits = dict(pages.hits)
    result = cli("record", old, "--site", "generic", "--record-mode", "new_episodes")
    assert result.returncode == 0, result.stderr
    assert pages.hits["/old-engines/"] == hits["/old-engines/"]  # the recorded hop was replayed
    assert pages.hits["/news/engines/"] == hits["/news/engines/"] + 1
    hops = _load(path)["interactions"]
    assert [h["response"]["status"]["code"] for h in hops] == [301, 200]


def test_record_mode_new_episodes_keeps_a_new_first_hop_before_a_replayed_page(pages, cli, tmp_path):
    old, path = _recorded_redirect(pages, cli, tmp_path, drop=0)  # the cassette lacks the hop now
    hits = dict(pages.hits)
    assert cli("record", old, "--site", "generic", "--record-mode", "new_episodes").returncode == 0
    assert pages.hits["/old-engines/"] == hits["/old-engines/"] + 1
    assert pages.hits["/news/engines/"] == hits["/news/engines/"]
    codes = sorted(h["response"]["status"]["code"] for h in _load(path)["interactions"])
    assert codes == [200, 301]


# -- issue #9 item 7 ---------------------------------------------------------------------


def test_record_prints_the_url_scrubbed_as_written(pages, cli, tmp_path):
    pages.article("/news/engines/")
    missing = pages.add("/missing/", (404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>"))
    ok = cli("record", pages.base + "/news/engines/?session=SECRET1&ref=home", "--site", "generic")
    assert ok.returncode == 0, ok.stderr
    assert "/news/engines/?ref=home -> cassettes/generic/engines.yaml" in ok.stdout
    failed = cli("record", missing + "?access_token=SECRET2", "--site", "generic", "-v")  # Scrapy's log too
    assert failed.returncode == 1 and "HTTP 404" in failed.stdout, failed.stdout + failed.stderr
    assert "/missing/" in failed.stderr  # the log was on
    for result in (ok, failed):
        assert "SECRET" not in result.stdout + result.stderr
    assert "SECRET" not in "".join(p.read_text() for p in tmp_path.rglob("*.yaml"))


def test_record_of_a_challenge_page_answered_200_warns_and_exits_1(pages, cli, tmp_path):
    challenge = (b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
                 b"<div id=\"challenge-stage\">Verify you are human</div></body></html>")
    url = pages.add("/news/walled/", (200, {"Content-Type": "text/html; charset=utf-8"}, challenge))
    result = cli("record", url, "--site", "generic")
    assert result.returncode == 1, result.stdout + result.stderr
    (line,) = [line for line in result.stderr.splitlines() if line.strip()]
    assert url in line and "captcha/bot-challenge" in line and "cassettes/generic/walled.yaml" in line
    assert (tmp_path / "cassettes" / "generic" / "walled.yaml").is_file()  # kept as evidence


def test_a_cassette_body_shorter_than_its_content_length_is_reported_truncated(cli, tmp_path):
    from cassette_factory import article_html, interaction, write_cassette

    url = "https://example.com/news/cut/"
    whole = article_html(canonical=url).encode()
    headers = {"Content-Type": ["text/html; charset=utf-8"], "Content-Length": [str(len(whole))]}
    write_cassette(tmp_path / "c" / "generic" / "whole.yaml",
                   interaction("https://example.com/news/whole/", headers=headers, body=whole.decode()))
    write_cassette(tmp_path / "c" / "generic" / "cut.yaml",
                   interaction(url, headers=headers, body=whole[: len(whole) * 2 // 3].decode()))
    result = cli("replay", "c")
    assert result.returncode == 1, result.stdout + result.stderr
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("FAIL ")]
    assert "c/generic/cut.yaml" in line and f"{url}: truncated" in line and f"of the {len(whole)}" in line
    assert "replayed 2 cassettes: 1 articles, 1 failing" in result.stdout
