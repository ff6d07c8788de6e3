"""syrupy extension for article snapshots: snapshots/<site>/<slug>.json.

One file per cassette, keys sorted, one body paragraph per line, so a git
diff points at the paragraph that changed; a failing comparison is reported
field by field (article_diff) instead of as one truncated line.
"""

from __future__ import annotations

import json
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
        return Path(value) if value else None

    @classmethod
    def dirname(cls, *, test_location) -> str:
        cassette = cls.cassette_of(test_location)
        if cassette is None:  # syrupy asks about every test it sees
            return super().dirname(test_location=test_location)
        return str(cls.root / cassette.parent.name)

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

    def serialize(self, data, *, exclude=None, include=None, matcher=None) -> str:
        data = self._filter(data=data, depth=0, path=(), exclude=exclude, include=include, matcher=matcher)
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


def body_field() -> str:
    """The project's name for the body (its PRESSGUARD_FIELDS), read from the Scrapy project
    around the current folder, as the replay read it: its paragraphs are diffed one by one."""
    from ..verdict.pipeline import project_fields
    from ..scrapy.runner import project_settings

    try:
        return project_fields(project_settings())["body"]
    except ValueError:  # a bad mapping already failed the replay, naming the setting
        return "body"
