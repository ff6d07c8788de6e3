"""Interop both ways: vcrpy's own cassettes replay here; ours play in plain vcrpy."""

import json
import shutil

import requests
import vcr

from pages_server import ARTICLE


def test_a_cassette_vcrpy_recorded_around_requests_replays_through_a_spider(pages, cli, tmp_path):
    url = pages.article("/news/engines/", **{"Content-Encoding": "gzip"})
    target = tmp_path / "cassettes" / "generic" / "engines.yaml"
    with vcr.use_cassette(str(target), record_mode="once"):
        assert requests.get(url, timeout=10).status_code == 200
    assert "interactions" in target.read_text()
    pages.httpd.shutdown()  # the site is gone; only the cassette remains
    result = cli("replay", "cassettes/generic/engines.yaml", "-o", "items.jsonl", offline=True)
    assert result.returncode == 0, result.stdout + result.stderr
    item = json.loads((tmp_path / "items.jsonl").read_text())
    assert item["headline"] == "Engines of the future"
    assert item["authors"] == ["Ada Lovelace"]


def test_a_cassette_written_here_plays_in_plain_vcrpy_redirect_included(pages, cli, tmp_path):
    pages.article("/news/engines/")
    old = pages.add("/old-engines/", (301, {"Location": "/news/engines/"}, b""))
    assert cli("record", old, "--site", "generic").returncode == 0
    ours = tmp_path / "cassettes" / "generic" / "old-engines.yaml"
    copy = tmp_path / "copy.yaml"
    shutil.copy(ours, copy)
    pages.httpd.shutdown()
    with vcr.use_cassette(str(copy), record_mode="none") as cassette:
        response = requests.get(old, timeout=10)
    assert cassette.play_count == 2
    assert response.status_code == 200
    assert response.url == pages.base + "/news/engines/"
    assert response.text == ARTICLE.format(title="Engines of the future", canonical=pages.base + "/news/engines/")
    assert copy.read_bytes() == ours.read_bytes()  # vcrpy in "none" mode wrote nothing back
