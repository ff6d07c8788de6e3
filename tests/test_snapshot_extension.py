"""The article snapshot extension writes exactly what syrupy's own filtering would have it
write: its shortcut for plain JSON data (a replayed item) changes no byte of any snapshot."""

import json
from collections import namedtuple
from pathlib import Path

import pytest

from pressguard.testing.snapshot_extension import ArticleSnapshotExtension

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = sorted((ROOT / "snapshots").rglob("*.json"))
Point = namedtuple("Point", "y x")


def filtered(data, matcher=None) -> str:
    """What the extension wrote before the shortcut: syrupy's _filter, then json.dumps."""
    data = ArticleSnapshotExtension._filter(data=data, depth=0, path=(), matcher=matcher)
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def test_every_shipped_snapshot_serializes_as_syrupys_filter_would():
    assert SNAPSHOTS
    extension = ArticleSnapshotExtension()
    for path in SNAPSHOTS:
        item = json.loads(path.read_text(encoding="utf-8"))
        assert extension.serialize(item) == filtered(item) == path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize("odd", [
    {"point": Point(1, 2)},  # syrupy: a dict of its fields; json.dumps: a list
    {"keys": {1: "a", "b": 2}},  # syrupy drops a key that is not a string; json.dumps writes "1"
    {"tags": {"b", "a"}},  # syrupy sorts a set into a list; json.dumps refuses it
    {"pair": ("a", ["b"])},
    {"deep": json.loads("[" * 120 + "]" * 120)},  # past syrupy's depth limit
], ids=["namedtuple", "int-key", "set", "tuple", "deep"])
def test_data_that_is_not_plain_json_goes_through_syrupys_filter(odd):
    assert ArticleSnapshotExtension().serialize(odd) == filtered(odd)


def test_a_matcher_still_applies():
    def matcher(data, path):
        return "<date>" if path and path[-1][0] == "published" else data

    item = {"published": "2026-01-01T10:00:00+00:00", "headline": "A headline"}
    assert ArticleSnapshotExtension().serialize(item, matcher=matcher) == filtered(item, matcher)
    assert '"published": "<date>"' in filtered(item, matcher)
