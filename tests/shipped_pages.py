"""A shipped cassette's article page by name ("site/slug"), and its assessment as a replay
makes it (the site's recorded pages as the template baseline), for tests that change a
real page and look at the verdict."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pressguard.cassettes.store import open_cassette
from pressguard.verdict.assess import _final_page, assess, template_baseline

CASSETTES = Path(__file__).resolve().parent.parent / "cassettes"


@lru_cache(maxsize=None)
def article_page(name: str) -> tuple[str, str]:
    """(url, html) of the cassette's last 2xx answer: the page the spider reads."""
    found = _final_page(open_cassette(CASSETTES / f"{name}.yaml"))
    if found is None:
        raise AssertionError(f"{name}: no article page")
    url, body = found
    return url, body.decode("utf-8")


def assess_page(name: str, html: str) -> dict:
    """The item `assess` gives `html` served at the named page's URL."""
    url, _ = article_page(name)
    site = name.split("/")[0]
    item, _fp = assess(html, url, site=site, baseline=template_baseline(str(CASSETTES), site))
    return item
