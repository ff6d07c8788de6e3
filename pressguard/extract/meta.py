"""<head> metadata in one pass: meta tags by name/property/itemprop, canonical, title."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote, urljoin, urlsplit

from .text import normalize


_HEAD_QUERY = "meta, link, title"
# The tags that hold words a reader sees (titles, descriptions), not addresses: a URL's
# escapes are its own
PROSE_KEYS = frozenset({"title", "description", "headline", "og:title", "og:description",
                        "twitter:title", "twitter:description"})
_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")


def prose_content(key: str, content: str) -> str:
    """A meta tag's text as written: a sharing plugin that stores its strings ready for share
    URLs and reuses them for the og:/twitter: tags writes them percent-encoded
    ("Rogue%20Circuit%3A%20..."). Decoded only when clearly so: a prose key, no space in the
    value, an escape in it, and UTF-8 behind the escapes; "100% Orange" stays as it is."""
    if key not in PROSE_KEYS or "%" not in content or _ESCAPE.search(content) is None \
            or any(ch.isspace() for ch in content):
        return content
    try:
        return unquote(content, errors="strict")
    except UnicodeDecodeError:
        return content


class Meta:
    """All <meta> values of a page, keys lowercased (``og:title``, ``author`` ...)."""

    def __init__(self, tree) -> None:
        self.values: dict[str, list[str]] = {}
        self.canonical = ""
        self.title = ""
        # <head> only when it holds any of them: a scan of the whole body is the slow part.
        # One query for the three tags (a query walks the whole scope in lexbor), read in
        # page order: the first canonical link and the first <title> count.
        head = tree.head
        found = head.css(_HEAD_QUERY) if head is not None else []
        if not found:
            found = tree.css(_HEAD_QUERY)
        title = None
        for node in found:
            tag = node.tag
            if tag == "meta":
                self._meta(node.attributes)
            elif tag == "link":
                if not self.canonical:
                    attrs = node.attributes
                    if "canonical" in (attrs.get("rel") or "").lower().split():
                        self.canonical = (attrs.get("href") or "").strip()
            elif title is None:
                title = node
        if title is not None:
            self.title = normalize(title.text())

    def _meta(self, attrs) -> None:
        content = attrs.get("content")
        if content is None:
            return
        content = normalize(content)
        if not content:
            return
        for key_attr in ("property", "name", "itemprop"):
            key = attrs.get(key_attr)
            if key:
                key = key.strip().lower()
                decoded = prose_content(key, content)
                self.values.setdefault(key, []).append(content if decoded is content else normalize(decoded))

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
