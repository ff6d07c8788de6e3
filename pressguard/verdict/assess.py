"""Assessing one fetched page: extract it, get a second opinion, run the checks.

This is the step between the spider and the item: the layout extraction, the
layout-free extraction as an independent second opinion, the template
fingerprint compared with the ones the site's cassettes were recorded with,
and the snapshot-free health checks, whose verdicts go into item["checks"].
"""

from __future__ import annotations

import json
from collections import OrderedDict
from functools import cached_property, lru_cache
from pathlib import Path

from ..cassettes import parse_cache
from ..cassettes.store import CACHE, CassetteError, find_cassettes
from .checks import run_checks
from ..extract import extract_article
from ..extract.page import Page, page_for
from ..extract.generic import extract_generic
from .fingerprint import compare, fingerprint
from .site_profile import SiteProfile, page_measures, profile_of
from . import verdict_of


# What the checks compare with the second opinion (its page_kind too): its dek, authors
# and date are never read when the checks have the page (checks.check_authors asks the
# page itself for the persons it names), so they are not extracted (a fifth of its time)
SECOND_OPINION_FIELDS = ("headline", "body")


def assess(html: str | bytes, url: str, *, site: str, fetched_at: str | None = None,
           baseline: "TemplateBaseline | None" = None,
           content_type: str | bytes | None = None) -> tuple[dict, dict]:
    """(item with its checks and verdict, the page's template fingerprint).

    content_type is the HTTP Content-Type header the page was served with: its charset
    decides how the bytes are read (pressguard.extract.decoding). The page is parsed once, and
    the extraction, the second opinion, the fingerprint and the checks read that tree."""
    page = page_for(html, url, site=site, fetched_at=fetched_at, content_type=content_type)
    item = extract_article(page, url, site=site, fetched_at=fetched_at)
    return item, check_article(item, page, url, site=site, fetched_at=fetched_at, baseline=baseline,
                               content_type=content_type)


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
    second = extract_generic(page, url, site=site, fetched_at=fetched_at, fields=SECOND_OPINION_FIELDS)
    current = fingerprint(page, item)
    # the closest recording and its differences from this page, compared once (the
    # template check reads them instead of comparing again)
    recorded, diffs = baseline.closest_compared(current) if baseline is not None else (None, None)
    item["checks"] = run_checks(
        item,
        html=page,
        second_opinion=second,
        recorded_fingerprint=recorded,
        current_fingerprint=current,
        site_profile=baseline.profile if baseline is not None else None,
        template_diffs=diffs,
        content_type=content_type,
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

    Only distinct fingerprints are kept: most of a site's pages share one template, so
    what the baseline holds grows with the site's templates, not with its cassettes (a
    repeat has the same differences from any page as its first occurrence, which closest()
    already weighed, so dropping it changes no answer).
    """

    def __init__(self, site: str, paths: list[Path]):
        self.site = site
        self.paths = tuple(paths)  # all of them, for the site profile (pressguard.verdict.site_profile)
        self.read = 0  # how many of paths have been fingerprinted (the next one to read)
        self.fingerprints: list[dict] = []  # distinct, in the order first read
        self._templates: set[str] = set()  # their canonical forms (_RecordedPage.template)

    def __len__(self) -> int:
        return len(self.paths)

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
        return self.closest_compared(current)[0]

    def closest_compared(self, current: dict) -> tuple[dict | None, list[dict] | None]:
        """(closest(current), compare(it, current)); (None, None) when nothing is recorded."""
        best, best_key, best_diffs = None, None, None
        for recorded in self._candidates():
            diffs = compare(recorded, current)
            key = (len(_missing_fields(recorded, current)), len(diffs))
            if best_key is None or key < best_key:
                best, best_key, best_diffs = recorded, key, diffs
                if key == (0, 0):
                    break
        return best, best_diffs

    def _candidates(self):
        """The fingerprints read so far, then the rest of the cassettes, one by one."""
        yield from self.fingerprints
        while self.read < len(self.paths):
            # counted only once read: a page's time budget may interrupt the reading
            recorded = _recorded(self.paths[self.read], self.site)
            self.read += 1
            if recorded is not None and recorded.template not in self._templates:
                self._templates.add(recorded.template)
                self.fingerprints.append(recorded.fingerprint)
                yield recorded.fingerprint


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
    Extracted afresh on each call: what the baseline and the profile need of a recorded
    page is kept (recorded_fingerprint, recorded_measures), its item is not."""
    page = _recorded_source(path)
    if page is None:
        return None
    url, body = page
    return url, body, extract_article(body, url, site=site)


def recorded_fingerprint(path: Path | str, site: str) -> dict | None:
    """The template fingerprint of a recorded cassette's page (None as recorded_page)."""
    recorded = _recorded(path, site)
    return None if recorded is None else recorded.fingerprint


def recorded_measures(path: Path | str, site: str) -> "tuple | None":
    """What the site profile reads of a recorded cassette's page
    (pressguard.verdict.site_profile.page_measures); None as recorded_page, or for a page
    with no body text."""
    # measured alone: the baseline asks for the fingerprint only of the pages it reads
    recorded = _recorded(path, site, fingerprinted=False)
    return None if recorded is None else recorded.measures


class _RecordedPage:
    """What is kept of one recorded page: its fingerprint (shared with every page of the
    same template, see _FINGERPRINTS) and its profile measures; a few hundred bytes where
    the extracted item was tens of kilobytes. template and fingerprint are None until the
    baseline reads the page: the profile reads every page of a site, the baseline mostly
    one or two (it stops at the first recording that matches), so a page read for the
    profile alone is not fingerprinted."""

    __slots__ = ("template", "fingerprint", "measures")

    def __init__(self, template: str, fingerprint: dict, measures: "tuple | None"):
        self.template, self.fingerprint, self.measures = template, fingerprint, measures


# Per recorded page, what the baseline and the profile need of it, so each recorded page
# is extracted and fingerprinted once per process (both read every cassette of a site).
# Bounded in entries; each entry is small, and the fingerprints are shared.
RECORDED_MAX = 4096
_RECORDED: OrderedDict[tuple, _RecordedPage] = OrderedDict()
# One object per distinct fingerprint, by its canonical JSON (a site's pages mostly share
# one template, so thousands of entries hold a handful of fingerprints)
FINGERPRINTS_MAX = 1024
_FINGERPRINTS: OrderedDict[str, tuple[str, dict]] = OrderedDict()


def _recorded_source(path: Path | str) -> tuple[str, bytes] | None:
    try:
        return _final_page(CACHE.get(Path(path)))  # the cassette cache the replay shares
    except CassetteError:
        return None


def _recorded(path: Path | str, site: str, *, fingerprinted: bool = True) -> _RecordedPage | None:
    """What is kept of a recorded cassette's page, made on first use: one extraction, and
    the profile measures and (unless fingerprinted is False) the fingerprint from the tree
    it read (extract.page.parse_page). A page measured without its fingerprint is extracted
    again if the fingerprint is asked for later (rarely: see _RecordedPage).
    With a cache of derived entries (cassettes.parse_cache.derived_folder: the pytest
    plugin's replay, or PRESSGUARD_PARSE_CACHE), what was made for the same cassette bytes
    on an earlier run is read instead."""
    if parse_cache.derived_folder() is not None:
        return _recorded_stored(path, site, fingerprinted)
    page = _recorded_source(path)
    if page is None:
        return None
    url, body = page
    key = (str(path), site, url, len(body), hash(body))  # the page, not the bytes: kept small
    kept = _RECORDED.get(key)
    if kept is None:
        kept = _keep(key, *_measured(site, url, body, fingerprinted=fingerprinted))
    elif fingerprinted and kept.fingerprint is None:
        kept.template, kept.fingerprint = _shared_fingerprint(
            _fingerprint(body, extract_article(body, url, site=site)))
    return kept


def _recorded_stored(path: Path | str, site: str, fingerprinted: bool) -> _RecordedPage | None:
    """_recorded through the cache of derived entries: keyed by the cassette file's bytes, so
    a page made on an earlier run costs a file read, neither its YAML nor its extraction.
    The measures and the fingerprint are entries of their own, each made when first asked
    for, as _recorded makes them: a run that fills the cache extracts no page more than a
    run without it (the profile measures every page, the baseline fingerprints one or two)."""
    try:
        stat = Path(path).stat()
    except OSError:  # as _recorded_source: unreadable, replaying it reports that
        return None
    # in this process, the file as the cassette cache knows it (store.CassetteCache): read
    # and hashed once, though the baseline and the profile both ask
    key = ("file", str(path), site, stat.st_dev, stat.st_ino, stat.st_mtime_ns, stat.st_size)
    kept = _RECORDED.get(key)
    if kept is not None and (kept.fingerprint is not None or not fingerprinted):
        return kept
    try:
        raw = Path(path).read_bytes()
    except OSError:
        return None
    # the bytes and the site are all an entry is made from (no path: a moved or copied
    # checkout reads the entries its corpus made elsewhere)
    context = site
    extracted: list[tuple] = []  # the page's one extraction, if an entry has to be made

    def extraction() -> tuple | None:
        if not extracted:
            page = _recorded_source(path)
            extracted.append(None if page is None else (*page, extract_article(page[1], page[0], site=site)))
        return extracted[0]

    if kept is None:
        def measure() -> tuple:
            page = extraction()
            return () if page is None else (page_measures(page[2], page[1], page[0]),)

        made = parse_cache.derived(raw, f"recorded measures|{context}", measure)
        if not made:
            return None
        kept = _keep(key, None, made[0])
    if fingerprinted:
        def fingerprinted_page() -> tuple:
            page = extraction()
            return () if page is None else (_fingerprint(page[1], page[2]),)

        made = parse_cache.derived(raw, f"recorded fingerprint|{context}", fingerprinted_page)
        if made:
            kept.template, kept.fingerprint = _shared_fingerprint(made[0])
    return kept


def _measured(site: str, url: str, body: bytes, *,
              fingerprinted: bool = True) -> tuple["dict | None", "tuple | None"]:
    """(template fingerprint or None when not fingerprinted, profile measures) of a
    recorded page: its one extraction. The page's URL of last resort (an item with none)
    is the recorded request's, not the file's path: what is made of a cassette depends
    on its bytes and site only, so the cache of derived entries need not key by path."""
    item = extract_article(body, url, site=site)
    return (_fingerprint(body, item) if fingerprinted else None), page_measures(item, body, url)


def _fingerprint(body: bytes, item: dict) -> dict:
    # no page scan: no check reads a recorded page (its dates from lexbor's selector instead)
    return fingerprint(body, item, scan=False)


def _keep(key: tuple, made: "dict | None", measures: "tuple | None") -> _RecordedPage:
    template, shared = _shared_fingerprint(made) if made is not None else (None, None)
    kept = _RECORDED[key] = _RecordedPage(template, shared, measures)
    if len(_RECORDED) > RECORDED_MAX:
        _RECORDED.popitem(last=False)
    return kept


def _shared_fingerprint(made: dict) -> tuple[str, dict]:
    """(canonical JSON, the one kept object equal to made)."""
    template = json.dumps(made, sort_keys=True, separators=(",", ":"))
    shared = _FINGERPRINTS.get(template)
    if shared is None:
        shared = _FINGERPRINTS[template] = (template, made)
        if len(_FINGERPRINTS) > FINGERPRINTS_MAX:
            _FINGERPRINTS.popitem(last=False)
    else:
        _FINGERPRINTS.move_to_end(template)
    return shared


def _final_page(cassette) -> tuple[str, bytes] | None:
    """The URL and body of the last successful answer in a cassette."""
    for request, response in reversed(cassette.data):
        if 200 <= int(response["status"]["code"]) < 300:
            body = (response.get("body") or {}).get("string") or b""
            return request.uri, body if isinstance(body, bytes) else body.encode("utf-8")
    return None
