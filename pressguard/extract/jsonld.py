"""JSON-LD, as publishers really ship it.

Tolerates: several script blocks; a top-level list; ``@graph``; ``@id`` references
(Yoast puts the author Person elsewhere in the graph); ``@type`` as string or list;
author as string, list, object or reference; HTML comments or CDATA around the JSON;
trailing commas; raw newlines in strings; two objects pasted in one block; and plain
garbage (ignored). Never trusted more than the page itself: see the layouts.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterator

from .boilerplate import strip_site_suffix
from .text import normalize

ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "blogposting", "reportagenews", "analysisnewsarticle",
        "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "review",
        "techarticle", "scholarlyarticle", "liveblogposting", "report", "posting",
        "socialmediaposting", "advertisercontentarticle", "satiricalarticle",
    }
)
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_OPENERS = ("<!--", "//<![CDATA[", "// <![CDATA[", "<![CDATA[")
_CLOSERS = ("-->", "//]]>", "// ]]>", "]]>")


def _unwrap(text: str) -> str:
    """Drop the HTML comment / CDATA wrappers some CMSs put around the JSON."""
    text = text.strip()
    for opener in _OPENERS:
        if text.startswith(opener):
            text = text[len(opener):].lstrip()
            break
    for closer in _CLOSERS:
        if text.endswith(closer):
            text = text[: -len(closer)].rstrip()
            break
    return text


def _loads(text: str) -> list[Any]:
    """Every JSON value in text, leniently; [] when nothing parses."""
    text = _unwrap(text).rstrip(";").strip()
    if not text:
        return []
    decoder = json.JSONDecoder(strict=False)
    for attempt in (text, _TRAILING_COMMA.sub(r"\1", text)):
        values: list[Any] = []
        pos = 0
        try:
            while pos < len(attempt):
                while pos < len(attempt) and attempt[pos] in " \t\r\n;,":
                    pos += 1
                if pos >= len(attempt):
                    break
                value, pos = decoder.raw_decode(attempt, pos)
                values.append(value)
            return values
        except RecursionError:  # nested deeper than json's recursive decoder goes
            return values
        except ValueError:
            if values:
                return values
            continue
    return []


def types_of(node: dict) -> set[str]:
    t = node.get("@type")
    if isinstance(t, str):
        return {t.lower().rsplit("/", 1)[-1]}
    if isinstance(t, list):
        return {x.lower().rsplit("/", 1)[-1] for x in t if isinstance(x, str)}
    return set()


class _Emit:
    """A node to yield when the walk of _top reaches it again."""

    __slots__ = ("node",)

    def __init__(self, node: dict) -> None:
        self.node = node


class JsonLd:
    def __init__(self, tree, url: str = "") -> None:
        self.url = url
        self.nodes: list[dict] = []  # top-level and @graph nodes, in page order
        self.by_id: dict[str, dict] = {}
        self.errors = 0
        for script in tree.tags("script"):
            if (script.attributes.get("type") or "").strip().lower() != "application/ld+json":
                continue
            values = _loads(script.text(deep=True) or "")
            if not values:
                self.errors += 1
            for value in values:
                for node in self._top(value):
                    self.nodes.append(node)
        for node in self.nodes:
            self._index(node, 0)
        self.article = self._find_article()

    def _top(self, value: Any) -> Iterator[dict]:
        """Top-level and @graph nodes in page order (an explicit stack: a hostile page
        may nest lists and graphs as deep as the JSON decoder allows)."""
        stack: list[Any] = [value]
        while stack:
            value = stack.pop()
            if isinstance(value, list):
                stack.extend(reversed(value))
            elif isinstance(value, dict):
                graph = value.get("@graph")
                # the graph's nodes come before the node that holds them
                if types_of(value) or "@graph" not in value:
                    stack.append(_Emit(value))
                if isinstance(graph, (list, dict)):
                    stack.append(graph)
            elif isinstance(value, _Emit):
                yield value.node

    def _index(self, value: Any, depth: int) -> None:
        if depth > 12:
            return
        if isinstance(value, dict):
            ident = value.get("@id")
            if isinstance(ident, str) and (ident not in self.by_id or len(value) > len(self.by_id[ident])):
                self.by_id[ident] = value
            for v in value.values():
                self._index(v, depth + 1)
        elif isinstance(value, list):
            for v in value:
                self._index(v, depth + 1)

    def resolve(self, value: Any) -> Any:
        """Follow an ``{"@id": ...}`` reference to the full node, if the page has it."""
        if isinstance(value, dict):
            ident = value.get("@id")
            if isinstance(ident, str) and ident in self.by_id:
                full = self.by_id[ident]
                if full is not value:
                    merged = dict(full)
                    merged.update({k: v for k, v in value.items() if v not in (None, "")})
                    return merged
        return value

    def _about_page(self, node: dict) -> bool:
        """Does an article node say it is this page (url, @id or mainEntityOfPage)?"""
        if not self.url:
            return False
        want = self.url.split("#")[0].rstrip("/")
        refs = [node.get("url"), node.get("@id"), node.get("mainEntityOfPage")]
        for ref in refs:
            if isinstance(ref, dict):
                ref = ref.get("@id") or ref.get("url")
            if isinstance(ref, str) and ref.split("#")[0].rstrip("/") == want:
                return True
        return False

    def _find_article(self) -> dict | None:
        """The page's own article node: the one that names this page's URL if several do
        (a graph may also list related articles), else the first one."""
        articles = [n for n in self.nodes if types_of(n) & ARTICLE_TYPES]
        if not articles:
            # A WebPage whose mainEntity is the article
            for node in self.nodes:
                main = self.resolve(node.get("mainEntity"))
                if isinstance(main, dict) and types_of(main) & ARTICLE_TYPES:
                    articles.append(main)
        for node in articles:
            if self._about_page(node):
                return node
        return articles[0] if articles else None

    # -- fields -----------------------------------------------------------------

    def _article_str(self, *keys: str) -> str:
        if not self.article:
            return ""
        for key in keys:
            value = self.article.get(key)
            if isinstance(value, list) and value:
                value = value[0]
            if isinstance(value, str) and normalize(value):
                return normalize(value)
        return ""

    def headline(self) -> str:
        # an SEO plugin writes its title tag into the graph: "<headline> - <Site>", the
        # site's name being one its own Organization/WebSite nodes give
        raw = self._article_str("headline", "name", "alternativeHeadline")
        end = raw.rstrip().lower()
        names = [n for n in self.organization_names() if end.endswith(n.lower())]
        cut = strip_site_suffix(raw, names) if names else raw
        # only the name itself goes (strip_site_suffix would also guess at unknown segments)
        return cut if len(raw) - len(cut) > min(map(len, names), default=0) else raw

    def description(self) -> str:
        return self._article_str("description")

    def date_published(self) -> str:
        return self._article_str("datePublished", "dateCreated", "uploadDate")

    def author_names(self) -> list[str]:
        """Names of the article's authors that are (or may be) people, in order.

        Organizations are left out; strings are kept (the people filter judges them).
        """
        if not self.article:
            return []
        raw = self.article.get("author")
        if raw is None:
            raw = self.article.get("creator")
        items = raw if isinstance(raw, list) else [raw]
        names: list[str] = []
        for item in items:
            item = self.resolve(item)
            if isinstance(item, str):
                names.append(item)
            elif isinstance(item, dict):
                types = types_of(item)
                if types and "person" not in types:
                    continue
                name = item.get("name")
                if isinstance(name, list):
                    name = name[0] if name else None
                if isinstance(name, str):
                    names.append(name)
                elif isinstance(item.get("givenName"), str):
                    names.append(f"{item.get('givenName')} {item.get('familyName') or ''}")
        return [normalize(n) for n in names if isinstance(n, str) and normalize(n)]

    def paywalled_selectors(self) -> list[str]:
        """The cssSelector of each part of the article marked as not free (Google's
        paywalled-content markup: a hasPart WebPageElement with isAccessibleForFree false),
        in page order; [] when the article is free or marks no part."""
        if not self.article:
            return []
        parts = self.article.get("hasPart")
        out: list[str] = []
        for part in parts if isinstance(parts, list) else [parts]:
            part = self.resolve(part)
            if not isinstance(part, dict) or str(part.get("isAccessibleForFree", "")).strip().lower() != "false":
                continue
            sel = part.get("cssSelector")
            out += [x.strip() for x in (sel if isinstance(sel, list) else [sel]) if isinstance(x, str) and x.strip()]
        return out

    def organization_names(self) -> list[str]:
        """Publisher, Organization and WebSite names: never authors."""
        out: list[str] = []
        if self.article:
            pub = self.resolve(self.article.get("publisher"))
            if isinstance(pub, dict) and isinstance(pub.get("name"), str):
                out.append(pub["name"])
        for node in self.by_id.values():
            if types_of(node) & {"organization", "newsmediaorganization", "website", "corporation"}:
                if isinstance(node.get("name"), str):
                    out.append(node["name"])
        for node in self.nodes:
            if types_of(node) & {"organization", "newsmediaorganization", "website"}:
                if isinstance(node.get("name"), str):
                    out.append(node["name"])
        return [normalize(n) for n in out if normalize(n)]
