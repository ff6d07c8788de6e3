"""Assessing one fetched page: extract it, get a second opinion, run the checks.

This is the step between the spider and the item: the layout extraction, the
layout-free extraction as an independent second opinion, the template
fingerprint compared with the ones the site's cassettes were recorded with,
and the snapshot-free health checks, whose verdicts go into item["checks"].
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from .cassettes import CACHE, CassetteError, find_cassettes
from .checks import run_checks
from .extract import extract_article
from .extract.generic import extract_generic
from .fingerprint import compare, fingerprint

logger = logging.getLogger(__name__)


def assess(html: str | bytes, url: str, *, site: str, fetched_at: str | None = None,
           baseline: list[dict] | None = None) -> tuple[dict, dict]:
    """(item with its checks, the page's template fingerprint)."""
    item = extract_article(html, url, site=site, fetched_at=fetched_at)
    second = extract_generic(html, url, site=site, fetched_at=fetched_at)
    current = fingerprint(html, item)
    item["checks"] = run_checks(
        item,
        html=html,
        second_opinion=second,
        recorded_fingerprint=closest(baseline or [], current),
        current_fingerprint=current,
    )
    return item, current


def closest(recorded: list[dict], current: dict) -> dict | None:
    """The recorded fingerprint that differs least from current (None if none)."""
    if not recorded:
        return None
    return min(recorded, key=lambda fp: len(compare(fp, current)))


# Enough pages to cover the templates a site serves; a corpus of thousands
# would otherwise be extracted twice.
BASELINE_PAGES = 16


@lru_cache(maxsize=64)
def template_baseline(cassettes_dir: str, site: str) -> tuple[dict, ...]:
    """Fingerprints of the site's recorded pages (cassettes/<site>/, not _captured)."""
    folder = Path(cassettes_dir) / site
    if not folder.is_dir():
        return ()
    fingerprints = []
    for path in find_cassettes([folder])[:BASELINE_PAGES]:
        try:
            cassette = CACHE.get(path)  # shared with the replay that follows
        except CassetteError:
            continue  # replaying that cassette reports it
        page = _final_page(cassette)
        if page is None:
            continue
        url, body = page
        item = extract_article(body, url, site=site)
        fingerprints.append(fingerprint(body, item))
    logger.debug("template baseline for %s: %d pages", site, len(fingerprints))
    return tuple(fingerprints)


def _final_page(cassette) -> tuple[str, bytes] | None:
    """The URL and body of the last successful answer in a cassette."""
    for request, response in reversed(cassette.data):
        if 200 <= int(response["status"]["code"]) < 300:
            body = (response.get("body") or {}).get("string") or b""
            return request.uri, body if isinstance(body, bytes) else body.encode("utf-8")
    return None
