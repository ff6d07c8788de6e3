#!/usr/bin/env python3
"""Is the generic extractor linear in page size? Times parse and extraction separately on
synthetic worst cases: N nested divs, N nested byline divs, N sibling blocks.

    python benchmarks/generic_depth.py [N ...]      (default: 10000 20000)

Results: benchmarks/README-wcxb.md, "Linear time".
"""
from __future__ import annotations

import sys
import time

from pressguard.extract.generic import GENERIC
from pressguard.extract.page import Page

PARA = "<p>" + "Some words, here. " * 20 + "</p>"


def shapes(n: int) -> dict[str, str]:
    return {
        "nested divs": "<html><body><h1>A headline here</h1>" + "<div>" * n + PARA + "</div>" * n + "</body></html>",
        "nested byline divs": "<html><body><h1>A headline here</h1>"
                              + "<div class='author byline'>By Jane Doe, text." * n + "</div>" * n + "</body></html>",
        "sibling blocks": "<html><body><main><h1>A headline here</h1>"
                          + "<div class='c'><p>Some words, here in the text of the page.</p><time>May 3, 2024</time></div>" * n
                          + "</main></body></html>",
    }


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv] or [10_000, 20_000]
    print(f"{'shape':<20} {'N':>8} {'parse s':>8} {'extract s':>9}")
    for n in sizes:
        for name, html in shapes(n).items():
            t0 = time.perf_counter()
            # no page budget: it refuses pages nested deeper than 5,000 before extraction
            page = Page(html, "https://example.com/a", budget=None)
            t1 = time.perf_counter()
            GENERIC.run(page)
            t2 = time.perf_counter()
            print(f"{name:<20} {n:>8} {t1 - t0:8.2f} {t2 - t1:9.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
