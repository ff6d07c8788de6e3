#!/usr/bin/env python3
"""Extraction time against page depth and width: is it linear, and is the budget kept?

Usage::

    python benchmarks/deep_nesting.py [--unbounded-max 10000] [--repeat 1]

Pages: the WGTC seed article (pressguard/sim/data/wgtc-seed.html, a real GAMURS page)

* deep: its whole <body> content wrapped in N nested <div>s, N = 1k, 2.5k, 5k (the
  default depth budget), 10k, 40k, 100k;
* inner: N nested ``<div><h3>`` pairs inside the article body (2N levels), N = 1k, 2.4k
  (the deepest under the budget): nesting where the body walk and its filters run;
* wide: N extra article paragraphs (~200 bytes each, siblings in the article body), N =
  1k, 5k, 20k, 45k (the last is ~9.5 MB, just under the 10 MB size budget).

For each page, with the default budget (pressguard.extract.DEFAULT_BUDGET):

* ``extract``: ``extract_article(html, url)``; "refused" when it raised PageTooLarge;
* ``assess``: ``pressguard.verdict.assess.assess(html, url, site=...)`` (extraction, the generic
  second opinion, fingerprint, checks), and the same four steps timed one by one
  (``layout``, ``generic``, ``fingerprint``, ``checks``) to show which part dominates.

Then, for deep pages up to ``--unbounded-max`` levels, the same with ``budget=None``
(what a page under a raised budget costs): ``parse`` is lexbor's parse alone,
``extract`` is extract_article with the parse included.

Times are wall seconds, the fastest of ``--repeat`` runs. Results: benchmarks/README-hardening.md.
"""

from __future__ import annotations

import argparse
import platform
import re
import sys
import time
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pressguard.verdict.assess import assess  # noqa: E402
from pressguard.verdict.checks import run_checks  # noqa: E402
from pressguard.extract import PageTooLarge, extract_article, extract_generic  # noqa: E402
from pressguard.verdict.fingerprint import fingerprint  # noqa: E402

SEED = ROOT / "pressguard" / "sim" / "data" / "wgtc-seed.html"
URL = ("https://wegotthiscovered.com/politics/"
       "ukraine-is-ready-to-negotiate-but-not-to-surrender-rubio-pulls-out-as-peace-talks-falter/")
SITE = "wegotthiscovered"
PARAGRAPH = ("<p>The delegation met again on Thursday, and both sides said the talks had "
             "moved forward, though neither would say how far, or on which of the points "
             "that had kept them apart since the spring.</p>\n")


def deep(html: str, n: int) -> str:
    start = html.index(">", html.index("<body")) + 1
    end = html.rindex("</body>")
    return html[:start] + "<div>" * n + html[start:end] + "</div>" * n + html[end:]


def inner(html: str, n: int) -> str:
    m = re.search(r'<div class="[^"]*wp-block-gamurs-article-content[^"]*">', html)
    if m is None:
        raise SystemExit("seed page changed: no article content block")
    nest = "<div><h3>Part " * n + "the deepest" + "</h3></div>" * n
    return html[: m.end()] + nest + html[m.end():]


def wide(html: str, n: int) -> str:
    m = re.search(r'<div class="[^"]*wp-block-gamurs-article-content[^"]*">', html)
    if m is None:
        raise SystemExit("seed page changed: no article content block")
    return html[: m.end()] + PARAGRAPH * n + html[m.end():]


def timed(fn, repeat: int):
    best, result = None, None
    for _ in range(repeat):
        t = time.perf_counter()
        try:
            result = fn()
        except PageTooLarge as exc:
            result = exc
        elapsed = time.perf_counter() - t
        best = elapsed if best is None else min(best, elapsed)
    return best, result


def steps(html: str) -> dict[str, float]:
    """assess()'s four steps, each timed (the same calls assess makes)."""
    out = {}
    t = time.perf_counter()
    item = extract_article(html, URL, site=SITE)
    out["layout"] = time.perf_counter() - t
    t = time.perf_counter()
    second = extract_generic(html, URL, site=SITE)
    out["generic"] = time.perf_counter() - t
    t = time.perf_counter()
    current = fingerprint(html, item)
    out["fingerprint"] = time.perf_counter() - t
    t = time.perf_counter()
    run_checks(item, html=html, second_opinion=second, recorded_fingerprint=None,
               current_fingerprint=current)
    out["checks"] = time.perf_counter() - t
    return out


def fmt(seconds: float, result) -> str:
    tag = " refused" if isinstance(result, PageTooLarge) else ""
    return f"{seconds:8.3f}{tag}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--unbounded-max", type=int, default=10_000,
                    help="deepest page to time without the budget (100000 takes minutes)")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args(argv)
    seed = SEED.read_text(encoding="utf-8")
    print(f"# {platform.platform()}, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print("page            size KB   extract    assess |   layout  generic  fingerpr   checks")
    pages = [(f"deep {n:>6}", deep(seed, n)) for n in (0, 1000, 2500, 5000, 10_000, 40_000, 100_000)]
    pages += [(f"inner {n:>5}", inner(seed, n)) for n in (1000, 2400)]
    pages += [(f"wide {n:>6}", wide(seed, n)) for n in (1000, 5000, 20_000, 45_000)]
    for name, html in pages:
        te, re_ = timed(lambda: extract_article(html, URL, site=SITE), args.repeat)
        ta, ra = timed(lambda: assess(html, URL, site=SITE), args.repeat)
        line = f"{name}  {len(html) // 1024:8d}  {fmt(te, re_)}  {fmt(ta, ra)}"
        if not isinstance(re_, PageTooLarge):
            s = steps(html)
            line += " | " + " ".join(f"{s[k]:8.3f}" for k in ("layout", "generic", "fingerprint", "checks"))
        print(line, flush=True)
    print("\nwithout the budget (budget=None): lexbor's parse alone, then extract_article")
    print("depth        parse   extract")
    for n in (1000, 2500, 5000, 10_000, 20_000, 40_000, 100_000):
        if n > args.unbounded_max:
            break
        html = deep(seed, n)
        tp, _ = timed(lambda: LexborHTMLParser(html), args.repeat)
        te, _ = timed(lambda: extract_article(html, URL, site=SITE, budget=None), args.repeat)
        print(f"{n:>6}  {tp:10.3f}  {te:8.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
