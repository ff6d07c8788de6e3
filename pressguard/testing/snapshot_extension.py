"""syrupy extension for article snapshots: snapshots/<site>/<slug>.json.

One file per cassette, keys sorted, one body paragraph per line, so a git
diff points at the paragraph that changed; a failing comparison is reported
field by field (article_diff) instead of as one truncated line.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from syrupy.extensions.json import JSONSnapshotExtension

from .article_diff import describe_changes


class ArticleSnapshotExtension(JSONSnapshotExtension):
    #: where snapshots live; the pytest plugin points it at <rootdir>/snapshots
    root = Path("snapshots")

    @staticmethod
    def cassette_of(test_location) -> Path | None:
        """The cassette a test is parametrized with; None for other tests."""
        callspec = getattr(test_location.item, "callspec", None)
        value = callspec.params.get("cassette") if callspec else None
        return _as_path(value) if value else None

    @classmethod
    def dirname(cls, *, test_location) -> str:
        cassette = cls.cassette_of(test_location)
        if cassette is None:  # syrupy asks about every test it sees
            return super().dirname(test_location=test_location)
        return _site_folder(cls.root, cassette)

    @classmethod
    def discovery_dirname(cls, *, test_location) -> str:
        return cls.dirname(test_location=test_location)

    @classmethod
    def get_snapshot_name(cls, *, test_location, index=0) -> str:
        cassette = cls.cassette_of(test_location)
        if cassette is None:
            return super().get_snapshot_name(test_location=test_location, index=index)
        return cassette.stem

    @classmethod
    def matches_test_location(cls, *, test_location, snapshot_location: str) -> bool:
        path = Path(snapshot_location)
        return path.parent == Path(cls.dirname(test_location=test_location)) and path.stem == cls.get_snapshot_name(
            test_location=test_location
        )

    #: False when the test gave no matcher of its own (ArticleSnapshot says so): syrupy
    #: still passes its wrapper, which for plain JSON data hands every value back as it is
    matcher_given = True

    def serialize(self, data, *, exclude=None, include=None, matcher=None) -> str:
        if exclude or include or (matcher and self.matcher_given) or not _plain_json(data):
            data = self._filter(data=data, depth=0, path=(), exclude=exclude, include=include, matcher=matcher)
        # else syrupy's _filter would rebuild the same dicts and lists (a replayed item is
        # json.loads' output): json.dumps writes them as they are, byte for byte the same
        return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"

    def diff_lines(self, serialized_data, snapshot_data):
        try:
            expected, found = json.loads(snapshot_data), json.loads(serialized_data)
        except (TypeError, ValueError):  # not ours to explain: fall back to the line diff
            yield from super().diff_lines(serialized_data, snapshot_data)
            return
        yield f"page {found.get('url') or expected.get('url')}: extraction differs from its snapshot"
        for line in describe_changes(expected, found, body_field=body_field()):
            yield "  " + line


# syrupy asks a test's snapshot folder a dozen times per test (locating, reading, reporting)
@lru_cache(maxsize=None)
def _as_path(value) -> Path:
    return Path(value)


@lru_cache(maxsize=None)
def _site_folder(root: Path, cassette: Path) -> str:
    return str(root / cassette.parent.name)


def _plain_json(data, depth: int = 0) -> bool:
    """Only str-keyed dicts, lists, str, int, float, bool and None, shallower than syrupy's
    depth limit: what syrupy's _filter hands back unchanged in all but type."""
    if data is None or isinstance(data, (str, int, float)):
        return True
    if depth >= JSONSnapshotExtension._max_depth:
        return False
    if type(data) is dict:
        return all(type(key) is str and _plain_json(value, depth + 1) for key, value in data.items())
    if type(data) is list:
        return all(_plain_json(value, depth + 1) for value in data)
    return False


def body_field() -> str:
    """The project's name for the body (its PRESSGUARD_FIELDS), read from the Scrapy project
    around the current folder, as the replay read it: its paragraphs are diffed one by one."""
    from ..verdict.pipeline import project_fields
    from ..scrapy.runner import project_settings

    try:
        return project_fields(project_settings())["body"]
    except ValueError:  # a bad mapping already failed the replay, naming the setting
        return "body"
