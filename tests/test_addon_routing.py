"""pressguard.cassettes.routing.CassetteIndex: which cassette answers a request."""

from __future__ import annotations

import pytest
from vcr.request import Request

from cassette_factory import interaction, write_cassette
from pressguard.cassettes.routing import AmbiguousCassette, CassetteIndex

SITE = "https://news.example"


def get(url: str) -> Request:
    return Request("GET", url, None, {})


def test_a_page_recorded_for_its_own_url_wins_over_a_redirect_hop_through_it(tmp_path):
    folder = tmp_path / "news"
    moved = write_cassette(folder / "old.yaml",
                           interaction(f"{SITE}/old/", status=301, headers={"Location": [f"{SITE}/new/"]}, body=""),
                           interaction(f"{SITE}/new/"))
    direct = write_cassette(folder / "new.yaml", interaction(f"{SITE}/new/"))
    index = CassetteIndex(folder, [])
    assert index.route(get(f"{SITE}/new/")) == str(direct)
    assert index.route(get(f"{SITE}/old/")) == str(moved)
    assert index.route(get(f"{SITE}/new/?page=2")) is None  # the query is part of the match, as in vcrpy


def test_two_recordings_of_a_url_need_a_choice(tmp_path):
    folder = tmp_path / "news"
    before = write_cassette(folder / "a-before.yaml", interaction(f"{SITE}/a/"))
    after = write_cassette(folder / "a-after.yaml", interaction(f"{SITE}/a/"))
    with pytest.raises(AmbiguousCassette) as raised:
        CassetteIndex(folder, []).route(get(f"{SITE}/a/"))
    assert str(raised.value) == (f"{SITE}/a/: recorded in 2 cassettes, {after} and {before}; "
                                 "pass -a cassette=PATH to choose the one to replay")
    assert CassetteIndex(folder, [before]).route(get(f"{SITE}/a/")) == str(before)
    # the same file named another way is still one cassette
    relative = before.relative_to(tmp_path)
    import os

    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert CassetteIndex(folder.resolve(), [relative]).route(get(f"{SITE}/a/")) == str(relative)
    finally:
        os.chdir(cwd)


def test_a_miss_says_where_it_looked_and_what_it_could_not_read(tmp_path):
    folder = tmp_path / "news"
    write_cassette(folder / "a.yaml", interaction(f"{SITE}/a/"))
    (folder / "b.yaml").write_text("interactions: [\n")
    index = CassetteIndex(folder, [])
    assert index.route(get(f"{SITE}/b/")) is None
    assert index.describe_miss() == (
        f"none of the 1 cassettes in {folder} recorded it "
        f"(1 unreadable: {folder / 'b.yaml'}: unreadable YAML at line 2; fix the file or record it again)")
