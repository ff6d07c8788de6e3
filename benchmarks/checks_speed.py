"""How much the health checks cost per page, and that they stay linear on deep pages.

    .venv/bin/python benchmarks/checks_speed.py [--rounds 5] [--copies N] [--no-deep] [--cpu]
    .venv/bin/python benchmarks/checks_speed.py --per-check [--rounds 5] [--copies N]

1. The shipped corpus (or N distinct copies of it, --copies: each body gets its own
   HTML comment, so no page is a copy another reader parsed already): for every page,
   assess() as a whole, and its stages one by one, best of --rounds, in ms per page:
   extraction (parse + layout extraction), second opinion (extract_generic),
   fingerprint, checks (the baseline's closest fingerprint, the site profile, run_checks).
   Where pressguard has extract.page.page_for (one parse per page), the stages share the
   page as assess() does; before that, each stage parses the body itself, as assess() did.
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

from pressguard.verdict import checks, page_hints  # noqa: E402
from pressguard.verdict.assess import _final_page, assess, template_baseline  # noqa: E402
from pressguard.cassettes.store import open_cassette  # noqa: E402
from pressguard.extract import extract_article, extract_generic  # noqa: E402
from pressguard.verdict.fingerprint import fingerprint  # noqa: E402
from pressguard.verdict.site_profile import profile_of  # noqa: E402

try:  # the fields of the second opinion the checks read (issue #12); before, it extracted all
    from pressguard.verdict.assess import SECOND_OPINION_FIELDS  # noqa: E402
    _SECOND = {"fields": SECOND_OPINION_FIELDS}
except ImportError:
    _SECOND = {}

try:  # one parse per page (issue #12); absent before
    from pressguard.extract.page import page_for  # noqa: E402
except ImportError:
    page_for = None

STAGES = ("extraction", "second_opinion", "fingerprint", "checks")


def _pages(copies: int) -> list[tuple[str, str, bytes]]:
    cassettes = ROOT / "cassettes"
    shipped = []
    for path in sorted(cassettes.glob("*/*.yaml")):
        url, body = _final_page(open_cassette(path))
        shipped.append((path.parent.name, url, body))
    if not copies:
        return shipped
    return [(site, url, body + b"<!-- copy %d -->" % i)
            for i, (site, url, body) in ((i, shipped[i % len(shipped)]) for i in range(copies))]


def _closest(base, current) -> tuple:
    """(the closest recording, run_checks's extra arguments) as assess() gets them: with
    the recording's differences, compared once, where the baseline gives them."""
    if hasattr(base, "closest_compared"):
        recorded, diffs = base.closest_compared(current)
        return recorded, {"template_diffs": diffs}
    return base.closest(current), {}


def _stages(site, url, body, base, clock) -> dict:
    """assess()'s work on one page, stage by stage: {stage: seconds}."""
    t0 = clock()
    page = page_for(body, url, site=site) if page_for is not None else body
    item = extract_article(page, url, site=site)
    t1 = clock()
    second = extract_generic(page, url, site=site, **_SECOND)
    t2 = clock()
    current = fingerprint(page, item)
    t3 = clock()
    recorded, compared = _closest(base, current)
    item["checks"] = checks.run_checks(item, html=page, second_opinion=second,
                                       recorded_fingerprint=recorded,
                                       current_fingerprint=current,
                                       site_profile=profile_of(base.paths, site), **compared)
    t4 = clock()
    return {"extraction": t1 - t0, "second_opinion": t2 - t1, "fingerprint": t3 - t2, "checks": t4 - t3}


def corpus(rounds: int, copies: int = 0, clock=time.perf_counter) -> dict:
    cassettes = ROOT / "cassettes"
    pages = _pages(copies)
    bases = {site: template_baseline(str(cassettes), site) for site in {p[0] for p in pages}}
    for site, url, body in _pages(0):  # every baseline read and profile made before timing
        base = bases[site]
        base.closest(fingerprint(body, extract_article(body, url, site=site)))
        profile_of(base.paths, site)
        for _ in base._candidates():
            pass
    best_assess = float("inf")
    best = {s: float("inf") for s in STAGES}
    for _ in range(rounds):
        t = clock()
        for site, url, body in pages:
            assess(body, url, site=site, baseline=bases[site])
        best_assess = min(best_assess, (clock() - t) / len(pages))
        total = dict.fromkeys(STAGES, 0.0)
        for site, url, body in pages:
            for stage, seconds in _stages(site, url, body, bases[site], clock).items():
                total[stage] += seconds
        for stage in STAGES:
            best[stage] = min(best[stage], total[stage] / len(pages))
    ms = {s: round(best[s] * 1000, 2) for s in STAGES}
    judging = ms["second_opinion"] + ms["fingerprint"] + ms["checks"]
    return {"pages": len(pages), "one_parse": page_for is not None, "assess_ms": round(best_assess * 1000, 2),
            **{f"{s}_ms": v for s, v in ms.items()},
            "checks_over_extraction": round(judging / ms["extraction"], 2),  # second opinion + fingerprint + checks
            "checks_only_over_extraction": round(ms["checks"] / ms["extraction"], 2),
            "checks_and_fingerprint_over_extraction": round((ms["checks"] + ms["fingerprint"]) / ms["extraction"], 2)}


def per_check(rounds: int, copies: int = 0, clock=time.process_time) -> dict:
    """The checks' cost one by one, in ms per page (best of rounds): each page extracted,
    given its second opinion and fingerprinted as assess() does, then run_checks's
    checks timed apart, in CHECKS order, so whatever a check builds for the others
    (PageHints, the body's container, word sets) is paid by the first that asks, as in a
    run. "fingerprint" is the template fingerprint of the page (paid before the checks)."""
    cassettes = ROOT / "cassettes"
    pages = _pages(copies)
    bases = {site: template_baseline(str(cassettes), site) for site in {p[0] for p in pages}}
    for site, url, body in _pages(0):  # every baseline read and profile made before timing
        for _ in bases[site]._candidates():
            pass
        profile_of(bases[site].paths, site)
    names = ("fingerprint", "closest", *checks.CHECKS)
    best = dict.fromkeys(names, float("inf"))
    compiled = _CompileCount()  # patterns compiled while the checks run, first round (first sight)
    for round_ in range(rounds):
        compiled.on = round_ == 0
        total = dict.fromkeys(names, 0.0)
        for site, url, body in pages:
            page = page_for(body + b" ", url, site=site)  # a parse of its own: nothing memoised yet
            item = extract_article(page, url, site=site)
            second = extract_generic(page, url, site=site, **_SECOND)
            t = clock()
            current = fingerprint(page, item)
            t1 = clock()
            recorded, compared = _closest(bases[site], current)
            t2 = clock()
            total["fingerprint"] += t1 - t
            total["closest"] += t2 - t1
            c = checks._Context(item, page, second, recorded, current, True, profile_of(bases[site].paths, site))
            for name, value in compared.items():
                setattr(c, name, value)
            compiled.inside = True
            for name in checks.CHECKS:
                t = clock()
                checks._RUN[name](c)
                total[name] += clock() - t
            compiled.inside = False
        for name in names:
            best[name] = min(best[name], total[name] / len(pages))
    compiled.restore()
    ms = {n: round(best[n] * 1000, 3) for n in names}
    return {"pages": len(pages), "per_check_ms": ms,
            "checks_ms": round(sum(v for n, v in ms.items() if n in checks.CHECKS), 3),
            # a pattern made from a page's own text (a headline, a name) is compiled on every
            # new page; later rounds find it in re's cache, so only the first round shows it
            "first_round_compiles_per_page": round(compiled.count / len(pages), 3),
            "first_round_compile_ms_per_page": round(compiled.seconds * 1000 / len(pages), 3)}


class _CompileCount:
    """Counts the regular expressions compiled (re's cache missed) while inside is set."""

    def __init__(self) -> None:
        import re

        self.count, self.seconds, self.on, self.inside = 0, 0.0, True, False
        self._compiler = re._compiler
        self._real = real = re._compiler.compile

        def compile(*args, **kwargs):
            t = time.process_time()
            try:
                return real(*args, **kwargs)
            finally:
                if self.on and self.inside:
                    self.count += 1
                    self.seconds += time.process_time() - t

        re._compiler.compile = compile

    def restore(self) -> None:
        self._compiler.compile = self._real


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
    hints = page_hints.PageHints(html, item["url"])
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
    ap.add_argument("--copies", type=int, default=0, help="N distinct copies of the shipped corpus")
    ap.add_argument("--no-deep", action="store_true", help="skip the deep-nesting pages")
    ap.add_argument("--cpu", action="store_true",
                    help="time the corpus in process CPU time (steadier than wall time on a shared machine)")
    ap.add_argument("--per-check", action="store_true",
                    help="only the checks one by one (and the fingerprint), CPU time")
    args = ap.parse_args()
    if args.per_check:
        print(json.dumps({"clock": "cpu", **per_check(args.rounds, args.copies)}))
        return
    clock = time.process_time if args.cpu else time.perf_counter
    print(json.dumps({"clock": "cpu" if args.cpu else "wall", **corpus(args.rounds, args.copies, clock)}))
    if args.no_deep:
        return
    for bylines in (False, True):
        for depth in (10_000, 20_000, 40_000):
            print(json.dumps(deep(depth, bylines)))


if __name__ == "__main__":
    main()
