"""Small vcrpy cassettes written by hand, for tests that need odd ones.

The same format `pressguard record` writes (version 1, interactions,
metadata), built with plain YAML so a test can put anything in any field.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from pages_server import ARTICLE


def article_html(title: str = "Engines of the future", canonical: str = "https://example.com/a/") -> str:
    return ARTICLE.format(title=title, canonical=canonical)


def interaction(uri, status=200, headers=None, body=None) -> dict:
    headers = {"Content-Type": ["text/html; charset=utf-8"]} if headers is None else headers
    return {
        "request": {"method": "GET", "uri": uri, "body": None, "headers": {}},
        "response": {
            "status": {"code": status, "message": ""},
            "headers": headers,
            "body": {"string": article_html(canonical=str(uri)) if body is None else body},
        },
    }


def write_cassette(path: Path, *interactions: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"version": 1, "interactions": list(interactions)}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path
