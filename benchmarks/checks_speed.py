"""How much the health checks cost per page, and that they stay linear on deep pages.

    .venv/bin/python benchmarks/checks_speed.py [--rounds 5]

1. The shipped corpus: for every cassette, assess() (extraction, second opinion,
   fingerprint, checks) and run_checks() alone, best of --rounds, in ms per page.
2. Deep pages: 10k / 20k / 40k nested <div>s (plain, and every one a byline), the
   checks timed on an already parsed page (PageHints built from the parse, so lexbor's
   own parse, which is superlinear on such nesting, is reported apart).

Results, with the machine and the commit: benchmarks/README-checks.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pressguard import checks  # noqa: E402
from pressguard.assess import _final_page, assess, template_baseline  # noqa: E402
from pressguard.cassettes import open_cassette  # noqa: E402
from pressguard.extract import extract_article, extract_generic  # noqa: E402
from pressguard.fingerprint import fingerprint  # noqa: E402
from pressguard.site_profile import profile_of  # noqa: E402


def corpus(rounds: int) -> dict:
    cassettes = ROOT / "cassettes"
    pages = []
    for path in sorted(cassettes.glob("*/*.yaml")):
        url, body = _final_page(open_cassette(path))
        site = path.parent.name
        base = template_baseline(str(cassettes), site)
        item = extract_article(body, url, site=site)
        current = fingerprint(body, item)
        pages.append((site, url, body, base, item, extract_generic(body, url, site=site), current,
                      base.closest(current), profile_of(base.paths, site)))
    best_assess = best_checks = float("inf")
    for _ in range(rounds):
        t = time.perf_counter()
        for site, url, body, base, *_ in pages:
            assess(body, url, site=site, baseline=base)
        best_assess = min(best_assess, (time.perf_counter() - t) / len(pages))
        t = time.perf_counter()
        for site, url, body, base, item, second, current, recorded, prof in pages:
            checks.run_checks(item, html=body, second_opinion=second, recorded_fingerprint=recorded,
                              current_fingerprint=current, site_profile=prof)
        best_checks = min(best_checks, (time.perf_counter() - t) / len(pages))
    return {"pages": len(pages), "assess_ms": round(best_assess * 1000, 2),
            "run_checks_ms": round(best_checks * 1000, 2)}


def deep(depth: int, bylines: bool) -> dict:
    paras = "".join(f"<p>Paragraph {i} of the article, long enough to count as prose here.</p>"
                    for i in range(12))
    if bylines:
        inner = '<div class="byline">' * depth + "By Jane Doe" + "</div>" * depth
        html = f"<html><body><h1>The update lands next week</h1>{inner}<div>{paras}</div></body></html>"
    else:
        html = ("<html><body>" + "<div>" * depth + "<h1>The update lands next week</h1>"
                '<span class="byline">By Jane Doe</span>' + paras + "</div>" * depth + "</body></html>")
    item = {"url": "https://example.com/a", "headline": "The update lands next week", "authors": [],
            "body": [f"Paragraph {i} of the article, long enough to count as prose here." for i in range(12)]}
    t = time.perf_counter()
    hints = checks.PageHints(html, item["url"])
    parse = time.perf_counter() - t
    original = checks.PageHints
    checks.PageHints = lambda *_a, **_k: hints  # the checks on the page parsed above
    try:
        t = time.perf_counter()
        result = checks.run_checks(item, html=html)
        run = time.perf_counter() - t
    finally:
        checks.PageHints = original
    return {"depth": depth, "bylines": bylines, "parse_s": round(parse, 3), "checks_s": round(run, 3),
            "authors": result["authors"][:60]}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    print(json.dumps(corpus(args.rounds)))
    for bylines in (False, True):
        for depth in (10_000, 20_000, 40_000):
            print(json.dumps(deep(depth, bylines)))


if __name__ == "__main__":
    main()
