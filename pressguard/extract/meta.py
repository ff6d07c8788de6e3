"""<head> metadata in one pass: meta tags by name/property/itemprop, canonical, title."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from .text import normalize


class Meta:
    """All <meta> values of a page, keys lowercased (``og:title``, ``author`` ...)."""

    def __init__(self, tree) -> None:
        self.values: dict[str, list[str]] = {}
        # <head> only when there is one: a scan of the whole body is the slow part
        head = tree.head
        root = head if head is not None and head.css_first("meta, link, title") is not None else tree
        for node in root.css("meta"):
            attrs = node.attributes
            content = attrs.get("content")
            if content is None:
                continue
            content = normalize(content)
            if not content:
                continue
            for key_attr in ("property", "name", "itemprop"):
                key = attrs.get(key_attr)
                if key:
                    self.values.setdefault(key.strip().lower(), []).append(content)
        self.canonical = ""
        for link in root.css('link[rel]'):
            rels = (link.attributes.get("rel") or "").lower().split()
            if "canonical" in rels and not self.canonical:
                self.canonical = (link.attributes.get("href") or "").strip()
        title = root.css_first("title")
        self.title = normalize(title.text()) if title is not None else ""

    def first(self, *keys: str) -> str:
        for key in keys:
            vals = self.values.get(key)
            if vals:
                return vals[0]
        return ""

    def all(self, *keys: str) -> list[str]:
        out: list[str] = []
        for key in keys:
            out.extend(self.values.get(key, ()))
        return out

    def canonical_url(self, base: str) -> str:
        """The canonical URL made absolute against base; "" if absent or not http(s)."""
        if not self.canonical:
            return ""
        return _absolute_http(base, self.canonical)


@lru_cache(maxsize=1024)
def _absolute_http(base: str, ref: str) -> str:
    url = urljoin(base, ref)
    if urlsplit(url).scheme not in ("http", "https"):
        return ""
    return url
