"""Fingerprint time against nesting depth: a shipped page's article wrapped in N nested
<div>s (and, separately, its first body paragraph wrapped in N nested <span>s).

    .venv/bin/python benchmarks/fingerprint_depth.py [DEPTH ...]     (default 1000 10000 40000 100000)

First line: fingerprint() per page over every shipped cassette (parsed trees given). Then one
line per depth and shape: seconds for fingerprint() given the parsed tree, and,
separately, for lexbor's parse of the page (extraction is not timed: the item comes from the
unwrapped page, which has the same text)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from pressguard.verdict.assess import _final_page
from pressguard.cassettes.store import CACHE
from pressguard.extract import extract_article
from pressguard.verdict.fingerprint import fingerprint, parse

CASSETTE = Path(__file__).resolve().parent.parent / "cassettes/wegotthiscovered/the-lantern-keepers-review-worth-the-wait.yaml"


def wrapped(html: str, depth: int, where: str) -> str:
    if where == "article":  # the whole article inside depth anonymous divs
        start = html.index("<body")
        start = html.index(">", start) + 1
        end = html.rindex("</body>")
        return html[:start] + "<div>" * depth + html[start:end] + "</div>" * depth + html[end:]
    start = html.index("<p ", html.index("entry-content"))  # one paragraph, depth spans deep
    start = html.index(">", start) + 1
    end = html.index("</p>", start)
    return html[:start] + "<span>" * depth + html[start:end] + "</span>" * depth + html[end:]


def corpus() -> None:
    pages = []
    for path in sorted(CASSETTE.parent.parent.glob("*/*.yaml")):
        url, body = _final_page(CACHE.get(path))
        pages.append((parse(body), body, extract_article(body, url, site=path.parent.name)))
    t0 = time.perf_counter()
    for _ in range(3):
        for tree, body, item in pages:
            fingerprint(body, item, tree=tree)
    per_page = (time.perf_counter() - t0) / 3 / len(pages)
    print(f"shipped corpus: {per_page * 1000:.2f} ms per page ({len(pages)} pages, 3 rounds)", flush=True)


def main(depths: list[int]) -> None:
    corpus()
    url, body = _final_page(CACHE.get(CASSETTE))
    html = body.decode("utf-8")
    item = extract_article(html, url, site="wegotthiscovered")
    base = fingerprint(html, item)
    for where in ("article", "paragraph"):
        for depth in depths:
            page = wrapped(html, depth, where)
            t0 = time.perf_counter()
            tree = parse(page)
            t1 = time.perf_counter()
            fp = fingerprint(page, item, tree=tree)
            t2 = time.perf_counter()
            same = "same fingerprint" if fp == base else "fingerprint differs"
            print(f"{where:9} depth {depth:>6}: fingerprint {t2 - t1:7.3f} s, lexbor parse {t1 - t0:7.2f} s"
                  f"  ({len(page) / 1e3:.0f} KB, {same})", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000, 40000, 100000])
