"""Assessing one fetched page: extract it, get a second opinion, run the checks.

This is the step between the spider and the item: the layout extraction, the
layout-free extraction as an independent second opinion, the template
fingerprint compared with the ones the site's cassettes were recorded with,
and the snapshot-free health checks, whose verdicts go into item["checks"].
"""

from __future__ import annotations

from collections import OrderedDict
from functools import cached_property, lru_cache
from pathlib import Path

from ..cassettes.store import CACHE, CassetteError, find_cassettes
from .checks import run_checks
from ..extract import extract_article
from ..extract.page import Page, page_for
from ..extract.generic import extract_generic
from .fingerprint import compare, fingerprint
from .site_profile import SiteProfile, profile_of
from . import verdict_of


def assess(html: str | bytes, url: str, *, site: str, fetched_at: str | None = None,
           baseline: "TemplateBaseline | None" = None,
           content_type: str | bytes | None = None) -> tuple[dict, dict]:
    """(item with its checks and verdict, the page's template fingerprint).

    content_type is the HTTP Content-Type header the page was served with: its charset
    decides how the bytes are read (pressguard.extract.decoding). The page is parsed once, and
    the extraction, the second opinion, the fingerprint and the checks read that tree."""
    page = page_for(html, url, site=site, fetched_at=fetched_at, content_type=content_type)
    item = extract_article(page, url, site=site, fetched_at=fetched_at)
    return item, check_article(item, page, url, site=site, fetched_at=fetched_at, baseline=baseline)


def check_article(item: dict, html: "str | bytes | Page", url: str, *, site: str,
                  fetched_at: str | None = None, baseline: "TemplateBaseline | None" = None,
                  content_type: str | bytes | None = None) -> dict:
    """Judge an extracted item against the page it came from: the layout-free second
    opinion, the template fingerprint and the health checks go into item["checks"],
    their verdict into item["verdict"]. Returns the page's template fingerprint.

    The item may come from any extractor (a project's own spider): only its article
    fields (headline, dek, authors, published, body, url) are read. html is the page's
    source (a body extracted a moment ago is not parsed again: extract.page.parse_page)
    or the Page it was extracted from."""
    page = page_for(html, url, site=site, fetched_at=fetched_at, content_type=content_type)
    second = extract_generic(page, url, site=site, fetched_at=fetched_at)
    current = fingerprint(page, item)
    item["checks"] = run_checks(
        item,
        html=page,
        second_opinion=second,
        recorded_fingerprint=baseline.closest(current) if baseline is not None else None,
        current_fingerprint=current,
        site_profile=baseline.profile if baseline is not None else None,
    )
    item["verdict"] = verdict_of(item["checks"])
    return current


class TemplateBaseline:
    """The templates a site's cassettes were recorded with, read only as far as needed.

    Fingerprinting every cassette up front would extract a large corpus twice;
    a fixed sample could miss a template the site really served (Destructoid
    before and after its move). So cassettes are fingerprinted one by one,
    in order, until one matches the page asked about; a page that matches none
    has been compared with them all.
    """

    def __init__(self, site: str, paths: list[Path]):
        self.site = site
        self.paths = tuple(paths)  # all of them, for the site profile (pressguard.verdict.site_profile)
        self._pending = list(paths)
        self._count = len(paths)
        self.fingerprints: list[dict] = []

    def __len__(self) -> int:
        return self._count

    @cached_property
    def profile(self) -> "SiteProfile | None":
        """The site profile of these cassettes (pressguard.verdict.site_profile), made on the first
        page that asks and kept: looking it up by the list of paths costs, per page, as
        much as the site has cassettes."""
        return profile_of(self.paths, self.site)

    def closest(self, current: dict) -> dict | None:
        """The recorded fingerprint that differs least from current (None if none); the
        first one that does not differ at all ends the search.

        compare() skips an optional field the recording lacks (a staff piece has no
        byline), so a recording that lacks a field current has is no witness for that
        field's template: recordings that have all of current's fields come first."""
        best, best_key = None, None
        for recorded in self._candidates():
            key = (len(_missing_fields(recorded, current)), len(compare(recorded, current)))
            if best_key is None or key < best_key:
                best, best_key = recorded, key
                if key == (0, 0):
                    break
        return best

    def _candidates(self):
        """The fingerprints read so far, then the rest of the cassettes, one by one."""
        yield from self.fingerprints
        while self._pending:
            # popped only once read: a page's time budget may interrupt the reading
            recorded = self._fingerprint(self._pending[0])
            self._pending.pop(0)
            if recorded is not None:
                self.fingerprints.append(recorded)
                yield recorded

    def _fingerprint(self, path: Path) -> dict | None:
        return recorded_fingerprint(path, self.site)


def _missing_fields(recorded: dict, current: dict) -> list[str]:
    """Fields current has that recorded has no value for."""
    rf, cf = recorded.get("fields", {}), current.get("fields", {})
    return [f for f, v in cf.items() if v is not None and rf.get(f) is None]


@lru_cache(maxsize=64)
def template_baseline(cassettes_dir: str, site: str) -> TemplateBaseline:
    """The baseline of cassettes/<site>/ (not _captured), one per process and site."""
    folder = Path(cassettes_dir) / site
    return TemplateBaseline(site, find_cassettes([folder]) if folder.is_dir() else [])


def recorded_page(path: Path | str, site: str) -> tuple[str, bytes, dict] | None:
    """(url, body, item) of a recorded cassette's page, extracted with the site's layout;
    None when the cassette is unreadable (replaying it reports that) or holds no page.
    The template baseline and the site profile both read the site's cassettes: the
    extraction is kept (items are small) so each is extracted once per process."""
    recorded = _recorded(path, site)
    return None if recorded is None else recorded[:3]


def recorded_fingerprint(path: Path | str, site: str) -> dict | None:
    """The template fingerprint of a recorded cassette's page (None as recorded_page),
    made once per process and page, from the tree its extraction read when that was a
    moment ago (extract.page.parse_page)."""
    recorded = _recorded(path, site)
    if recorded is None:
        return None
    url, body, item, kept = recorded
    if "fingerprint" not in kept:
        kept["fingerprint"] = fingerprint(body, item)
    return kept["fingerprint"]


def _recorded(path: Path | str, site: str) -> tuple[str, bytes, dict, dict] | None:
    """(url, body, item, what is kept for this page) of a recorded cassette."""
    try:
        page = _final_page(CACHE.get(Path(path)))  # the cassette cache the replay shares
    except CassetteError:
        return None
    if page is None:
        return None
    url, body = page
    key = (str(path), site, url, len(body), hash(body))  # the page, not the bytes: kept small
    kept = _RECORDED.get(key)
    if kept is None:
        kept = {"item": extract_article(body, url, site=site)}
        _RECORDED[key] = kept
        if len(_RECORDED) > 4096:
            _RECORDED.popitem(last=False)
    return url, body, kept["item"], kept


_RECORDED: OrderedDict[tuple, dict] = OrderedDict()  # per recorded page: its item, its fingerprint


def _final_page(cassette) -> tuple[str, bytes] | None:
    """The URL and body of the last successful answer in a cassette."""
    for request, response in reversed(cassette.data):
        if 200 <= int(response["status"]["code"]) < 300:
            body = (response.get("body") or {}).get("string") or b""
            return request.uri, body if isinstance(body, bytes) else body.encode("utf-8")
    return None
