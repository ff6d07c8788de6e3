"""The publishers pressguard knows: spider name -> real domain and layout family.

One table, read by the spiders (allowed domains, start URLs), by the recorder
(which site a URL belongs to) and by the simulator (which hosts it serves).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Site:
    name: str  # spider name, also the cassettes/<name>/ folder
    domain: str  # registrable domain without "www."
    title: str  # the name the site shows; never an author

    @property
    def origin(self) -> str:
        return f"https://{self.domain}"


SITES: dict[str, Site] = {
    s.name: s
    for s in (
        Site("wegotthiscovered", "wegotthiscovered.com", "We Got This Covered"),
        Site("dotesports", "dotesports.com", "Dot Esports"),
        Site("destructoid", "destructoid.com", "Destructoid"),
        Site("twinfinite", "twinfinite.net", "Twinfinite"),
        Site("siliconera", "siliconera.com", "Siliconera"),
        Site("attackofthefanboy", "attackofthefanboy.com", "Attack of the Fanboy"),
        Site("gamepur", "gamepur.com", "Gamepur"),
        Site("primagames", "primagames.com", "Prima Games"),
        Site("progameguides", "progameguides.com", "Pro Game Guides"),
        Site("themarysue", "themarysue.com", "The Mary Sue"),
    )
}


def on_domain(host: str, domain: str) -> bool:
    """Is host the domain or a subdomain of it ("www.dotesports.com" on "dotesports.com")?"""
    return host == domain or host.endswith("." + domain)


def is_http_url(url: str) -> bool:
    """An http(s) address with a host (what record fetches, extract resolves against, and
    crawl's webhook and proxy are)."""
    try:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:  # "http://[::1": an unclosed IPv6 bracket
        return False


def site_for_url(url: str) -> Site | None:
    """The known site whose domain (or a subdomain of it) serves url."""
    host = (urlsplit(url).hostname or "").lower()
    for site in SITES.values():
        if on_domain(host, site.domain):
            return site
    return None
