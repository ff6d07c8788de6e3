"""Finding article URLs the way a publisher allows: sitemaps and listing pages.

Pure functions over fetched bytes, so the spider stays a thin scheduler and
these rules are testable on their own.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

from ..sites import on_domain

# Paths that are never articles on a WordPress news site.
_NOT_ARTICLE = re.compile(
    r"^/(?:author|authors|tag|tags|category|page|wp-content|wp-admin|wp-json|feed|search|"
    r"about|about-us|contact|privacy|privacy-policy|terms|terms-of-service|advertise|"
    r"editorial-policy|affiliate-policy|newsletter|sitemap|amp)(?:/|$)"
    r"|/page/\d+/?$|/feed/?$|\.(?:xml|jpe?g|png|gif|webp|svg|pdf|css|js)$",
    re.IGNORECASE,
)
# A post slug: lowercase words joined by hyphens, at least three of them.
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+){2,}$")

# Selectors of list tiles, most specific first; any article-shaped link on
# the page is the fallback that survives a redesign of the tiles.
_TILE_LINKS = (
    "a.wp-block-gamurs-article-tile__link",
    "div.posts a",
    "article a[href]",
    "main a[href]",
)


def looks_like_article(url: str, domain: str) -> bool:
    """True for an on-site post URL such as /section/some-article-slug/."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if not on_domain(host, domain):
        return False
    if parts.query or _NOT_ARTICLE.search(parts.path):
        return False
    segments = [s for s in parts.path.split("/") if s]
    return 1 <= len(segments) <= 4 and bool(_SLUG.match(segments[-1]))


_META_TAG = re.compile(rb"<meta\s[^>]*og:type[^>]*>", re.IGNORECASE)
_CONTENT = re.compile(rb"""content\s*=\s*["']([^"']*)""", re.IGNORECASE)


def declares_non_article(body: bytes) -> bool:
    """True when the page says it is something else (Yoast's og:type "website" on
    archives, "profile" on author pages). Pages that say nothing are kept: a bot
    challenge or a broken article must still reach the checks."""
    tag = _META_TAG.search(body[:200_000])  # the head, whatever the attribute order
    content = _CONTENT.search(tag.group(0)) if tag else None
    return bool(content) and content.group(1).strip().lower() != b"article"


class Sitemap(NamedTuple):
    children: list[str]  # child sitemaps (of an index)
    pages: list[tuple[str, str | None]]  # (page url, date or None)
    problem: str | None  # what was wrong with it, for the report; None when nothing was


_XML_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)""")


def parse_sitemap(body: bytes) -> Sitemap:
    """The child sitemaps and [(page url, date or None)] of a sitemap or index.

    Dates come from news:publication_date, else lastmod. A broken sitemap is not a
    broken crawl, but it is never dropped silently: `problem` says what was wrong.
    A UTF-8 sitemap with a byte that is not UTF-8 (a mis-encoded headline in a news
    sitemap) is read with that byte replaced by U+FFFD, so its URLs still count.
    """
    try:
        return Sitemap(*_read(ET.fromstring(body)), None)
    except ET.ParseError as exc:
        error = exc
    declared = _XML_DECLARED.match(body)
    if declared is None or declared.group(1).lower().replace(b"_", b"-") in (b"utf-8", b"utf8"):
        try:
            body.decode("utf-8")
        except UnicodeDecodeError as bad:
            where = f"undecodable byte 0x{body[bad.start]:02x} at offset {bad.start} (not UTF-8)"
            try:
                root = ET.fromstring(body.decode("utf-8", "replace"))
            except ET.ParseError as still:
                return Sitemap([], [], f"{where}, and not XML even with it replaced ({still}); no URLs read")
            children, pages = _read(root)
            return Sitemap(children, pages, f"{where}; read with it replaced by U+FFFD")
    return Sitemap([], [], f"not XML ({error}); no URLs read")


def _read(root) -> tuple[list[str], list[tuple[str, str | None]]]:
    children, pages = [], []
    for element in root:
        fields = {_local(child.tag): child for child in element.iter()}
        loc = (fields.get("loc").text or "").strip() if "loc" in fields else ""
        if not loc:
            continue
        if _local(element.tag) == "sitemap":
            children.append(loc)
        elif _local(element.tag) == "url":
            date = fields.get("publication_date", fields.get("lastmod"))
            pages.append((loc, (date.text or "").strip() or None if date is not None else None))
    return children, pages


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def wanted_child_sitemap(url: str) -> bool:
    """Post and news sitemaps hold articles; taxonomy, author and page ones don't."""
    name = urlsplit(url).path.rsplit("/", 1)[-1].lower()
    return not re.search(r"(category|tag|author|page|taxonom|user|attachment|video|image)", name)


def parse_listing(body: str, base_url: str) -> tuple[list[str], str | None]:
    """(article-candidate links in page order, next listing page or None)."""
    tree = LexborHTMLParser(body)
    links: list[str] = []
    for selector in _TILE_LINKS:
        nodes = tree.css(selector)
        if nodes:
            links = [urljoin(base_url, n.attributes.get("href") or "") for n in nodes]
            break
    seen: set[str] = set()
    ordered = [u for u in links if not (u in seen or seen.add(u))]
    next_node = tree.css_first('link[rel="next"]') or tree.css_first('a[rel="next"]')
    next_url = next_node.attributes.get("href") if next_node else None
    return ordered, urljoin(base_url, next_url) if next_url else None


def newest_first(candidates: dict[str, str | None]) -> list[str]:
    """URLs by date, newest first; undated ones after, in discovery order."""
    order = {url: i for i, url in enumerate(candidates)}

    def key(url: str):
        stamp = _timestamp(candidates[url])
        return (stamp is None, -(stamp or 0), order[url])

    return sorted(candidates, key=key)


def _timestamp(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None
