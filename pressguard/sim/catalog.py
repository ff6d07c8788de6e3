"""One simulated site's URL space: which path is which page, in which template version.

Routing mimics WordPress: query strings are ignored, a missing trailing slash (or an extra
one) is a 301 to the canonical form, lists paginate as /<list>/page/N/.
"""

from __future__ import annotations

import dataclasses
import threading
from dataclasses import dataclass
from pathlib import Path

from pressguard.sim import discovery
from pressguard.sim import render_destructoid
from pressguard.sim import render_gamurs
from pressguard.sim.content import PROFILES, Article, build_site
from pressguard.sites import Site

PER_PAGE = 10  # WordPress' posts_per_page default
SEED_FILE = Path(__file__).parent / "data" / "wgtc-seed.html"
MOVED_SUFFIX = "-updated"  # where the "redirect" fault sends an article (a renamed slug)

VERSIONS = ("current", "redesign", "broken")
DESTRUCTOID_VERSIONS = ("destructoid2025", "gamurs-blocks", "redesign", "broken")


def valid_versions(site: Site) -> tuple[str, ...]:
    return DESTRUCTOID_VERSIONS if site.name == "destructoid" else VERSIONS


def default_version(site: Site) -> str:
    return valid_versions(site)[0]


def normalize_version(site: Site, version: str) -> str:
    """Accept the documented names plus the obvious aliases; ValueError otherwise."""
    aliases = ({"current": "destructoid2025"} if site.name == "destructoid"
               else {"gamurs-blocks": "current"})
    v = aliases.get(version, version)
    if v not in valid_versions(site):
        raise ValueError(f"unknown template version {version!r} for {site.name}; valid: "
                         + ", ".join(valid_versions(site)))
    return v


@dataclass
class Page:
    status: int
    content_type: str
    text: str = ""
    kind: str = "page"  # article | list | robots | sitemap | feed | notfound | redirect
    location: str = ""
    raw: bytes | None = None  # served verbatim (the seed file)


class SiteCatalog:
    def __init__(self, site: Site):
        self.site = site
        self.profile = PROFILES[site.name]
        self.articles = build_site(site)  # newest first
        self.by_path = {a.path: a for a in self.articles}
        # path -> (heading, articles on the page, page number, page count)
        self.lists: dict[str, tuple[str, list[Article], int, int]] = {}
        self._add_list("/", "Latest News", self.articles)
        for section in self.profile.sections:
            arts = [a for a in self.articles if a.section == section]
            if arts:
                self._add_list(self.profile.list_path.format(section=section),
                               section.replace("-", " ").title(), arts)
        self._moved = {self.moved(a).path: a for a in self.articles}
        clash = set(self.by_path) & set(self.lists)
        assert not clash, f"article and list share a path: {clash}"
        self._cache: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()

    def _add_list(self, base: str, heading: str, arts: list[Article]) -> None:
        pages = max(1, -(-len(arts) // PER_PAGE))
        for n in range(1, pages + 1):
            path = base if n == 1 else f"{base}page/{n}/"
            self.lists[path] = (heading, arts[(n - 1) * PER_PAGE:n * PER_PAGE], n, pages)

    def list_url(self, base: str, n: int) -> str:
        return self.site.origin + (base if n == 1 else f"{base}page/{n}/")

    def trending(self) -> list[Article]:
        # Fixed picks; WGTC's always lead with the seed article so its home links it.
        picks = [a for a in self.articles if a.kind == "seed"]
        return (picks + [a for a in self.articles[8:14] if a.kind != "seed"])[:4]

    def moved(self, a: Article) -> Article:
        """The same article after a slug rename (target of the "redirect" fault)."""
        new = a.slug + MOVED_SUFFIX
        return dataclasses.replace(a, slug=new, path=a.path.replace(a.slug, new))

    def find_article(self, path: str) -> Article | None:
        a = self.by_path.get(path)
        if a is None and path in self._moved:
            return self.moved(self._moved[path])
        return a

    def canonical_path(self, path: str) -> str | None:
        """WordPress redirect_canonical: the slash-variant that exists, if any."""
        alt = path[:-1] if path.endswith("/") else path + "/"
        if alt in self.by_path or alt in self.lists or self.find_article(alt):
            return alt
        return None

    # -- rendering ---------------------------------------------------------------------
    def _render(self, key: tuple[str, str], make) -> str:
        with self._lock:
            hit = self._cache.get(key)
        if hit is None:
            hit = make()
            with self._lock:
                self._cache[key] = hit
        return hit

    def page(self, path: str, version: str) -> Page:
        site = self.site
        html = "text/html; charset=UTF-8"
        if path == "/robots.txt":
            return Page(200, "text/plain; charset=UTF-8", discovery.robots(site), "robots")
        xml = "application/xml; charset=UTF-8"
        if path == "/sitemap_index.xml":
            return Page(200, xml, discovery.sitemap_index(site, self.articles), "sitemap")
        if path == "/post-sitemap.xml":
            return Page(200, xml, discovery.post_sitemap(site, self.articles), "sitemap")
        if path == "/category-sitemap.xml":
            bases = [p for p in self.lists if "/page/" not in p and p != "/"]
            return Page(200, xml, discovery.category_sitemap(
                site, [site.origin + p for p in bases]), "sitemap")
        if path == "/news-sitemap.xml":
            return Page(200, xml, discovery.news_sitemap(site, self.articles), "sitemap")
        if path in ("/feed/", "/feed"):
            return Page(200, "application/rss+xml; charset=UTF-8",
                        discovery.feed(site, self.articles), "feed")
        art = self.find_article(path)
        if art is not None:
            if art.kind == "seed" and SEED_FILE.is_file():
                return Page(200, html, kind="article", raw=SEED_FILE.read_bytes())
            others = [o for o in self.articles if o.path != art.path and o.kind != "seed"]
            renderer = self._renderer(version)
            return Page(200, html, self._render(
                (path, version), lambda: renderer.render_article(art, self._tv(version), others)),
                "article")
        if path in self.lists:
            heading, arts, n, pages = self.lists[path]
            base = path if n == 1 else path[: path.index("page/")]
            nxt = self.list_url(base, n + 1) if n < pages else None
            prev = self.list_url(base, n - 1) if n > 1 else None
            trending = self.trending() if base == "/" else []
            renderer = self._renderer(version)
            return Page(200, html, self._render((path, version), lambda: renderer.render_list(
                site, heading, arts, site.origin + path, nxt, prev, trending, self._tv(version))),
                "list")
        alt = self.canonical_path(path)
        if alt:
            return Page(301, html, "", "redirect", location=site.origin + alt)
        return Page(404, html, self._renderer(version).render_404(site), "notfound")

    def _renderer(self, version: str):
        if self.site.name == "destructoid" and version != "gamurs-blocks":
            return render_destructoid
        return render_gamurs

    @staticmethod
    def _tv(version: str) -> str:
        """Theme-internal version: both themes call their own default "current"."""
        return "current" if version in ("destructoid2025", "gamurs-blocks") else version

