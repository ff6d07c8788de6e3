#!/usr/bin/env python3
"""Extraction speed and field accuracy on the simulated GAMURS corpus, four extractors.

Usage::

    python benchmarks/extraction_speed.py [--repeat 3] [--limit N] [--only NAME ...]
                                          [--out results.json] [--check]

Pages: every article the publisher simulator (``pressguard.sim.Simulator``) serves, ten
sites in their default templates (nine on the GAMURS shared blocks, Destructoid on its
2025 theme), about 30 each, except the WGTC seed article (its truth is a separate file).
They are fetched once through the simulator's local proxy, and every extractor then gets
the same ``(html, url)`` pairs, ``html`` as the response's bytes (what a Scrapy callback
has in ``response.body``; each extractor decodes them as it does by itself). Truth is the simulator's own:
``headline``, ``dek``, ``authors`` (a staff piece names no person: []) and
``expected_body()`` (paragraphs, subheadings and list items, no furniture).

Extractors, each turned into ``{"headline", "dek", "authors", "body": [paragraphs]}``:

* ``pressguard``: ``pressguard.extract.extract_article(html, url)`` (layout detected from
  the markup, the template strategies of docs/gamurs.md, JSON-LD/meta/generic fallbacks).
* ``generic``: ``pressguard.extract.extract_generic(html, url)``, no layout knowledge.
* ``trafilatura``: ``trafilatura.bare_extraction(html, url=url, with_metadata=True,
  include_comments=False)``: ``title``, ``description`` (as the dek), ``author`` split on
  ";" and ",", ``text`` split into lines. Its defaults otherwise (precision/recall
  balanced, no fast mode), as a user calls it. The target is set against this one.
* ``traf-fast``: the same with ``fast=True`` (no fallback extractors), for reference.
* ``parsel``: the extractor a Scrapy user writes from docs/gamurs.md's confirmed selectors with
  parsel (lxml + XPath), see ``parsel_extract`` below: headline, dek, byline names and the
  body parts in document order, whitespace normalised, and the boilerplate paragraphs
  docs/gamurs.md names ("Related:", "Disclosure:", affiliate and retail-build notes) dropped.
  No site-name or staff filtering of bylines, no generic fallback.

Speed: the pages are cut into chunks of ``--chunk`` (20) pages. Each round runs every
extractor over chunk 1, then every extractor over chunk 2, and so on (a ``gc.collect()``
starts each round), so all extractors meet the machine's load at nearly the same moments
(on a shared VM the load comes and goes within seconds). Only the time inside the
extractor call counts. For each extractor and chunk the fastest of the ``--repeat``
rounds is kept, as ``timeit`` does, and ``pages/s`` is pages divided by the sum of those
wall times; ``median`` uses each chunk's median round instead; ``CPU p/s`` is
``pages/s`` with process CPU time instead of wall time. One untimed warm-up pass over 10
pages comes first.

Accuracy (from the first round's output; every round returns the same):

* headline / dek / authors exact: share of pages whose value equals the truth after
  whitespace is collapsed (case, quotes and dashes kept); authors compared as lists, in
  order.
* body exact: the paragraph list equals the truth's, paragraph by paragraph.
* body F1: token-bag F1 per page (tokens are ``\\w+`` runs, as in generic_quality.py),
  averaged over pages; an empty extraction scores 0.

``--check`` exits 1 unless pressguard is at least 20x trafilatura's pages/s and no worse
than trafilatura on any accuracy figure (the target of the issue). Exit 2: bad usage or
the simulator could not be started.
"""
from __future__ import annotations

import argparse
import gc
import json
import platform
import re
import statistics
import sys
import time
import traceback
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Iterable

from machine import cpu_model

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # the working tree's pressguard, even if not installed

TARGET_RATIO = 20.0
TOKEN_RE = re.compile(r"\w+", re.UNICODE)
_WS = re.compile(r"\s+")

Extracted = dict  # {"headline": str, "dek": str | None, "authors": [str], "body": [str]}


# --------------------------------------------------------------------------- pages

def load_pages(limit: int | None) -> list[dict]:
    """[{"url", "site", "kind", "html", "truth"}] for every non-seed simulated article."""
    from pressguard.sim import Simulator
    from pressguard.sites import SITES

    pages: list[dict] = []
    with Simulator() as sim:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": sim.proxy_url}))

        def fetch(url: str) -> bytes:
            with opener.open(url.replace("https://", "http://"), timeout=60) as resp:
                return resp.read()

        arts = [(site, sim.article(u)) for site in SITES for u in sim.article_urls(site)]
        arts = [(site, a) for site, a in arts if a.kind != "seed"]
        if limit is not None:
            arts = arts[:limit]
        with ThreadPoolExecutor(4) as pool:
            htmls = list(pool.map(fetch, [a.url for _, a in arts]))
    for (site, a), html in zip(arts, htmls):
        pages.append({"url": a.url, "site": site, "kind": a.kind, "html": html,
                      "truth": {"headline": a.headline, "dek": a.dek,
                                "authors": [p.name for p in a.authors],
                                "body": a.expected_body()}})
    return pages


# --------------------------------------------------------------------------- extractors

def load_pressguard() -> tuple[Callable[[str, str], Extracted], str]:
    from pressguard.extract import extract_article

    def run(html: bytes, url: str) -> Extracted:
        return extract_article(html, url)
    return run, "pressguard extract_article (working tree)"


def load_generic() -> tuple[Callable[[str, str], Extracted], str]:
    from pressguard.extract import extract_generic

    def run(html: bytes, url: str) -> Extracted:
        return extract_generic(html, url)
    return run, "pressguard extract_generic (working tree)"


def split_authors(value: str | None) -> list[str]:
    """trafilatura joins several authors with '; ' (some sites give 'A, B'): split both."""
    return [a.strip() for a in re.split(r"[;,]", value or "") if a.strip()]


def load_trafilatura(fast: bool = False) -> tuple[Callable[[str, str], Extracted], str]:
    import trafilatura

    def run(html: bytes, url: str) -> Extracted:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                          include_comments=False, fast=fast)
        if doc is None:
            return {"headline": "", "dek": None, "authors": [], "body": []}
        get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
        text = get("text") or ""
        return {"headline": get("title") or "", "dek": get("description"),
                "authors": split_authors(get("author")),
                "body": [line for line in text.split("\n") if line.strip()]}
    return run, f"trafilatura {trafilatura.__version__}" + (" fast=True" if fast else "")


# The parsel extractor a user writes from docs/gamurs.md (confirmed selectors only).
_G_HEADLINE = "h1.wp-block-gamurs-article-header__content--title"
_G_DEK = "div.wp-block-gamurs-article-header__content--subtitle"
_G_BYLINE = "div.wp-block-gamurs-article-metadata__name [data-author]"
_G_BODY_XPATH = (
    "//div[contains(concat(' ', normalize-space(@class), ' '), ' wp-block-gamurs-article-content ')]"
    "//*[self::p[@data-injectable] or self::h2[contains(@class, 'wp-block-heading')]"
    " or self::h3[contains(@class, 'wp-block-heading')]"
    " or self::li[parent::ul[contains(@class, 'wp-block-list')] or parent::ol[contains(@class, 'wp-block-list')]]]"
)
_D_BODY_XPATH = ("//div[contains(concat(' ', normalize-space(@class), ' '), ' post-content ')]"
                 "/*[self::p or self::h2 or self::h3] | "
                 "//div[contains(concat(' ', normalize-space(@class), ' '), ' post-content ')]"
                 "/*[self::ul or self::ol]/li")
_SKIP_PREFIXES = ("Related:", "Disclosure:", "This article includes affiliate links",
                  "[This review is based on a retail build", "This review is based on a retail build")


def _text(sel) -> str:
    """A node's text, whitespace collapsed (what ``normalize-space(string(.))`` gives)."""
    return _WS.sub(" ", sel.xpath("string(.)").get() or "").strip()


def parsel_extract(html: bytes, url: str) -> Extracted:
    from parsel import Selector

    sel = Selector(body=html, encoding="utf-8")
    if sel.css(_G_HEADLINE):  # the shared blocks
        headline = _text(sel.css(_G_HEADLINE)[0])
        dek_nodes = sel.css(_G_DEK)
        authors = [_text(n) for n in sel.css(_G_BYLINE)]
        body_nodes = sel.xpath(_G_BODY_XPATH)
    else:  # Destructoid's own theme
        h1 = sel.css("h1")
        headline = _text(h1[0]) if h1 else ""
        dek_nodes = sel.css("p.post-summary")
        authors = [_text(n) for n in sel.css("article a.author-name")]
        body_nodes = sel.xpath(_D_BODY_XPATH)
    body = [t for t in (_text(n) for n in body_nodes)
            if t and not t.startswith(_SKIP_PREFIXES)]
    return {"headline": headline, "dek": _text(dek_nodes[0]) if dek_nodes else None,
            "authors": [a for a in authors if a], "body": body}


def load_parsel() -> tuple[Callable[[str, str], Extracted], str]:
    import parsel
    return parsel_extract, f"parsel {parsel.__version__} (docs/gamurs.md selectors, in this script)"


EXTRACTORS = {"pressguard": load_pressguard, "generic": load_generic,
              "trafilatura": load_trafilatura,
              "traf-fast": lambda: load_trafilatura(fast=True), "parsel": load_parsel}


# --------------------------------------------------------------------------- accuracy

def _ws(s: str | None) -> str:
    return _WS.sub(" ", s or "").strip()


def token_f1(truth: list[str], pred: list[str]) -> float:
    t = Counter(TOKEN_RE.findall("\n".join(truth)))
    p = Counter(TOKEN_RE.findall("\n".join(pred)))
    tp = sum(min(c, p[k]) for k, c in t.items() if k in p)
    if not tp:
        return 0.0
    prec, rec = tp / sum(p.values()), tp / sum(t.values())
    return 2 * prec * rec / (prec + rec)


def score(truth: dict, out: Extracted) -> dict:
    body = [_ws(p) for p in out.get("body") or [] if _ws(p)]
    return {
        "headline": _ws(out.get("headline")) == _ws(truth["headline"]),
        "dek": _ws(out.get("dek")) == _ws(truth["dek"]),
        "authors": [_ws(a) for a in out.get("authors") or []] == [_ws(a) for a in truth["authors"]],
        "body_exact": body == [_ws(p) for p in truth["body"]],
        "body_f1": token_f1(truth["body"], body),
    }


# --------------------------------------------------------------------------- run

def run_round(run: Callable, pages: list[dict], keep: bool) -> tuple[float, float, list, int]:
    """(wall seconds, CPU seconds) spent inside the extractor over all pages, its outputs
    (when keep) and the number of pages that raised."""
    wall = cpu = 0.0
    outs = []
    errors = 0
    for page in pages:
        w0, c0 = time.perf_counter(), time.process_time()
        try:
            out = run(page["html"], page["url"])
        except Exception as exc:  # scored as empty, counted
            out = {"headline": "", "dek": None, "authors": [], "body": [],
                   "error": "".join(traceback.format_exception_only(type(exc), exc)).strip()}
            errors += 1
        cpu += time.process_time() - c0
        wall += time.perf_counter() - w0
        if keep:
            outs.append(out)
    return wall, cpu, outs, errors


def summarize(pages: list[dict], outs: list, times: list[list[float]], cpus: list[list[float]],
              errors: int) -> tuple[dict, list]:
    """times/cpus: [round][chunk] seconds. Speed from the fastest round of each chunk."""
    scores = [score(p["truth"], o) for p, o in zip(pages, outs)]
    n = len(pages)
    mean = lambda key: sum(float(s[key]) for s in scores) / n  # noqa: E731
    by_chunk = list(zip(*times))
    best = sum(min(c) for c in by_chunk)
    median = sum(statistics.median(c) for c in by_chunk)
    best_cpu = sum(min(c) for c in zip(*cpus))
    summary = {
        "pages": n, "errors": errors,
        "pages_per_s": n / best, "pages_per_s_median": n / median,
        "ms_per_page": 1000 * best / n, "cpu_pages_per_s": n / best_cpu,
        "round_seconds": [sum(r) for r in times], "round_cpu_seconds": [sum(r) for r in cpus],
        "headline_exact": mean("headline"), "dek_exact": mean("dek"),
        "authors_exact": mean("authors"), "body_exact": mean("body_exact"),
        "body_f1": mean("body_f1"),
    }
    misses = [{"url": p["url"], "kind": p["kind"],
               "wrong": [k for k in ("headline", "dek", "authors", "body_exact") if not s[k]],
               "body_f1": round(s["body_f1"], 4),
               "authors": o.get("authors"), "headline": o.get("headline")}
              for p, o, s in zip(pages, outs, scores)
              if not all(s[k] for k in ("headline", "dek", "authors", "body_exact"))]
    return summary, misses


COLS = [("pages/s", "pages_per_s", "{:.1f}"), ("median", "pages_per_s_median", "{:.1f}"),
        ("ms/page", "ms_per_page", "{:.2f}"), ("CPU p/s", "cpu_pages_per_s", "{:.1f}"), ("headline", "headline_exact", "{:.1%}"),
        ("dek", "dek_exact", "{:.1%}"), ("authors", "authors_exact", "{:.1%}"),
        ("body =", "body_exact", "{:.1%}"), ("body F1", "body_f1", "{:.4f}")]


def print_table(results: dict, n_pages: int, kb: float) -> None:
    print(f"{n_pages} simulated GAMURS article pages, mean {kb:.0f} KB")
    print(f"{'extractor':<12}" + "".join(f"{c:>10}" for c, _, _ in COLS))
    for name, res in results.items():
        print(f"{name:<12}" + "".join(f"{fmt.format(res[key]):>10}" for _, key, fmt in COLS)
              + (f"   ({res['errors']} pages raised)" if res["errors"] else ""))
    if "trafilatura" in results:
        base = results["trafilatura"]
        print("speed vs trafilatura (best wall / best CPU): " + ", ".join(
            f"{name} {res['pages_per_s'] / base['pages_per_s']:.1f}x"
            f" / {res['cpu_pages_per_s'] / base['cpu_pages_per_s']:.1f}x"
            for name, res in results.items() if name != "trafilatura"))


def check_target(results: dict) -> list[str]:
    if "pressguard" not in results or "trafilatura" not in results:
        return ["--check needs both pressguard and trafilatura"]
    pg, tr = results["pressguard"], results["trafilatura"]
    problems = []
    ratio = pg["pages_per_s"] / tr["pages_per_s"]
    if ratio < TARGET_RATIO:
        problems.append(f"pressguard is {ratio:.1f}x trafilatura's pages/s, target {TARGET_RATIO:.0f}x")
    for key in ("headline_exact", "dek_exact", "authors_exact", "body_exact", "body_f1"):
        if pg[key] < tr[key]:
            problems.append(f"pressguard {key} {pg[key]:.4f} < trafilatura {tr[key]:.4f}")
    return problems


def machine() -> dict:
    cpu = cpu_model() or platform.processor() or ""
    import os
    return {"python": platform.python_version(), "platform": platform.platform(),
            "cpu": cpu, "cpus": os.cpu_count()}


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5, help="timed rounds (fastest kept per chunk)")
    ap.add_argument("--chunk", type=int, default=20, help="pages per chunk (see the docstring)")
    ap.add_argument("--limit", type=int, help="only the first N pages")
    ap.add_argument("--only", nargs="+", choices=list(EXTRACTORS), help="run only these")
    ap.add_argument("--out", type=Path, help="write the summary and every miss as JSON")
    ap.add_argument("--check", action="store_true",
                    help=f"exit 1 unless pressguard >= {TARGET_RATIO:.0f}x trafilatura and as accurate")
    args = ap.parse_args(list(argv) if argv is not None else None)
    if args.repeat < 1 or args.chunk < 1 or (args.limit is not None and args.limit < 1):
        ap.error("--repeat, --chunk and --limit must be positive")

    try:
        pages = load_pages(args.limit)
    except Exception as exc:
        print(f"extraction_speed: could not render the simulated pages: {exc!r}", file=sys.stderr)
        return 2
    names = args.only or list(EXTRACTORS)
    runs, versions = {}, {}
    for name in names:
        runs[name], versions[name] = EXTRACTORS[name]()
        run_round(runs[name], pages[:10], keep=False)  # warm-up: imports, regex caches

    chunks = [pages[i:i + args.chunk] for i in range(0, len(pages), args.chunk)]
    times: dict[str, list[list[float]]] = {n: [] for n in names}
    cpus: dict[str, list[list[float]]] = {n: [] for n in names}
    outs: dict[str, list] = {n: [] for n in names}
    errors: dict[str, int] = {n: 0 for n in names}
    for r in range(args.repeat):
        gc.collect()  # each round starts from a clean heap (not each chunk: the first call
        # after a collection pays for fresh allocator arenas, about 1 ms)
        for name in names:
            times[name].append([])
            cpus[name].append([])
        for chunk in chunks:
            for name in names:
                wall, cpu, out, err = run_round(runs[name], chunk, keep=(r == 0))
                times[name][r].append(wall)
                cpus[name][r].append(cpu)
                if r == 0:
                    outs[name] += out
                    errors[name] += err

    results, misses = {}, {}
    for name in names:
        results[name], misses[name] = summarize(pages, outs[name], times[name], cpus[name],
                                                errors[name])
        results[name]["version"] = versions[name]
    kb = sum(len(p["html"]) for p in pages) / len(pages) / 1024
    print_table(results, len(pages), kb)
    info = machine()
    print(f"Python {info['python']}, {info['cpus']} CPUs ({info['cpu']}), {args.repeat} rounds "
          f"over {len(chunks)} chunks of {args.chunk} pages; pages/s and CPU p/s from the fastest "
          f"round of each chunk, median from the median round of each chunk")

    if args.out:
        args.out.write_text(json.dumps(
            {"machine": info, "pages": len(pages), "mean_kb": kb, "repeat": args.repeat,
             "chunk": args.chunk,
             "extractors": results, "misses": misses}, ensure_ascii=False, indent=1),
            encoding="utf-8")
        print(f"wrote {args.out}")
    if args.check:
        problems = check_target(results)
        for p in problems:
            print(f"target missed: {p}")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
