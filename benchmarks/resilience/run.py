"""Resilience benchmark: on template changes the project has never seen, is each verdict right?

    python benchmarks/resilience/run.py [--root PROJECT_ROOT] [--holdout | --holdout2 | ... | --holdout23 | --all]
                                        [--kinds a,b] [--pages N] [--json out.json]
    python benchmarks/resilience/run.py --compose [--seed S] [--count N]   # kinds combined (compose.py)

For each sampled shipped page and each mutation kind: mutate the page, assess it in-process
with the pressguard installed in the running interpreter (pressguard.verdict.assess.assess, the
site's template baseline from ROOT/cassettes), compare headline/dek/authors/published/body
with the right fields, and classify:

    survived        fields right, verdict healthy or drift
    broken rightly  verdict broken, and fields wrong or no right extraction exists
    false broken    fields right, verdict broken
    silent          fields wrong or no right extraction exists, verdict not broken

Also counted: broken verdicts where a failing check's message names no field.
Exit status 0 whatever the counts (it measures, it does not gate); 2 on bad usage.
"""

from __future__ import annotations

import argparse
import importlib
import json
import platform
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from base import RIGHT, AnyOf, Kind, Mutated, NotApplicable, Sample  # noqa: E402

FIELDS = ("headline", "dek", "authors", "published", "body")
OUTCOMES = ("survived", "broken rightly", "false broken", "silent")
FIELD_WORD = re.compile(r"\b(headline|dek|authors?|published|body)\b", re.I)


# the control: every sampled page as shipped, with its own fields as the right ones
UNCHANGED = Kind("unchanged", RIGHT, "the page as shipped", lambda s: Mutated(s.html, dict(s.expected)))


# The held-out sets, in the order they were written: (module, flag, what it is). holdout9 to
# holdout11 were written blind in one session; see README.md for which sets are tuned on.
HELD_OUT = (("holdout", "held-out"), ("holdout2", "second held-out"), ("holdout3", "third held-out"),
            ("holdout4", "fourth held-out"), ("holdout5", "fifth held-out"), ("holdout6", "sixth held-out"),
            ("holdout7", "seventh held-out"), ("holdout8", "eighth held-out"), ("holdout9", "ninth held-out"),
            ("holdout10", "tenth held-out"), ("holdout11", "eleventh held-out"),
            ("holdout12", "twelfth held-out"), ("holdout13", "thirteenth held-out"),
            ("holdout14", "fourteenth held-out"), ("holdout15", "fifteenth held-out"),
            ("holdout16", "sixteenth held-out"), ("holdout17", "seventeenth held-out"),
            ("holdout18", "eighteenth held-out"), ("holdout19", "nineteenth held-out"),
            ("holdout20", "twentieth held-out"), ("holdout21", "twenty-first held-out"),
            ("holdout22", "twenty-second held-out"), ("holdout23", "twenty-third held-out"))


def held_out_set(module: str) -> list:
    """A held-out set's kinds: holdoutN.py defines HOLDOUTN."""
    return getattr(importlib.import_module(module), module.upper())


def kinds_for(args):
    from mutations import TUNING
    # --all is the sets measured together since the first two held-out sets; the later sets
    # are run on their own so that each figure stays a separate measurement
    chosen = next((held_out_set(m) for m, _ in HELD_OUT if getattr(args, m)), None)
    if chosen is None:
        chosen = TUNING + held_out_set("holdout") + held_out_set("holdout2") if args.all else TUNING
    if args.kinds:
        every = {k.name: k for k in TUNING + [k for m, _ in HELD_OUT for k in held_out_set(m)]}
        names = [n.strip() for n in args.kinds.split(",") if n.strip()]
        unknown = [n for n in names if n not in every]
        if unknown:
            print(f"run.py: unknown kind(s) {', '.join(unknown)}; known: {', '.join(sorted(every))}",
                  file=sys.stderr)
            sys.exit(2)
        chosen = [every[n] for n in names]
    return chosen


# The sets --compose draws from: the tuning set and every held-out set already measured blind
# (a tuning set from then on). A set written sealed stays in SEALED until the lead has run it
# once, blind, on its own; only then may its kinds enter a combination.
SEALED: tuple = ("holdout23",)  # written blind on 2 December; holdout22 left it once measured
COMPOSED_SETS = tuple(m for m, _ in HELD_OUT if m not in SEALED)


def composed_plan(args, samples):
    """--compose: (combined kind, its pages) drawn from the tuning set and COMPOSED_SETS."""
    from compose import plan
    from mutations import TUNING
    pool = TUNING + [k for m in COMPOSED_SETS for k in held_out_set(m)]
    return plan(pool, samples, args.count, args.seed)


def load_samples(root: Path, per_site: int) -> list[Sample]:
    """per_site shipped pages of every site, taken in turn from each of the site's layouts
    (so both Destructoid layouts are in) and spread over the site's pages (so not every
    site gives the same kinds of article), in a fixed order."""
    from pressguard.verdict.assess import _final_page
    from pressguard.cassettes.store import open_cassette, recording_info
    from pressguard.extract.decoding import decode_html
    from pressguard.extract import extract_article

    samples = []
    sites = sorted(p for p in (root / "cassettes").iterdir() if p.is_dir() and not p.name.startswith("_"))
    for n, folder in enumerate(sites):
        by_layout: dict[str, list] = defaultdict(list)
        for path in sorted(folder.glob("*.yaml")):
            cassette = open_cassette(path)
            page = _final_page(cassette)
            if page is None:
                continue
            url, body = page
            fetched_at = recording_info(cassette).get("fetched_at")
            item = extract_article(body, url, site=folder.name, fetched_at=fetched_at)
            content_type = _final_headers(cassette).get("content-type")
            by_layout[item["layout"]].append(Sample(
                folder.name, path.stem, url, decode_html(body, content_type), content_type,
                fetched_at, {f: item[f] for f in FIELDS}))
        # each layout's pages rotated by the site's index, then every other one
        lists = []
        for layout in sorted(by_layout):
            pages = by_layout[layout]
            start = n % len(pages)
            rotated = pages[start:] + pages[:start]
            lists.append(rotated[::2] + rotated[1::2])
        picked = []
        while len(picked) < per_site and any(lists):
            for lst in lists:
                if lst and len(picked) < per_site:
                    picked.append(lst.pop(0))
        samples.extend(picked)
    return samples


def _final_headers(cassette) -> dict:
    for _request, response in reversed(cassette.data):
        if 200 <= int(response["status"]["code"]) < 300:
            return {k.lower(): (v[0] if isinstance(v, list) else v)
                    for k, v in (response.get("headers") or {}).items()}
    return {}


def norm(value):
    if isinstance(value, list):
        return [" ".join(str(v).split()) for v in value]
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None


def differing(item: dict, expected: dict) -> list[str]:
    out = []
    for f in FIELDS:
        want, got = expected[f], norm(item.get(f))
        options = want.values if isinstance(want, AnyOf) else (want,)
        if not any(norm(o) == got for o in options):
            out.append(f)
    return out


def failing_checks(item: dict) -> dict:
    return {k: v for k, v in (item.get("checks") or {}).items() if v != "ok"}


def run_case(kind, sample: Sample, baseline_of) -> dict:
    from pressguard.verdict.assess import assess

    case = {"kind": kind.name, "label": kind.label, "page": sample.page}
    try:
        mutated = kind.apply(sample)
    except NotApplicable as exc:
        case.update(outcome="n/a", reason=str(exc))
        return case
    except Exception as exc:  # a kind that cannot handle this page: reported, never dropped
        case.update(outcome="error", reason=f"{type(exc).__name__}: {exc}")
        return case
    html = mutated.html if isinstance(mutated.html, bytes) else mutated.html.encode("utf-8")
    item, _fp = assess(html, sample.url, site=sample.site, fetched_at=sample.fetched_at,
                       baseline=baseline_of(sample.site),
                       content_type=mutated.content_type or sample.content_type)
    verdict = item.get("verdict")
    right_exists = mutated.expected is not None
    diff = differing(item, mutated.expected) if right_exists else []
    fields_right = right_exists and not diff
    broken = verdict == "broken"
    outcome = ("false broken" if broken else "survived") if fields_right else \
              ("broken rightly" if broken else "silent")
    failing = failing_checks(item)
    unnamed = [k for k, msg in failing.items() if k != "template" and not FIELD_WORD.search(msg)]
    case.update(outcome=outcome, verdict=verdict, right_exists=right_exists, fields_right=fields_right,
                differs=diff, checks=failing, unnamed=unnamed if broken else [],
                found={f: item.get(f) for f in diff},
                item={f: item.get(f) for f in FIELDS},
                expected={f: (list(mutated.expected[f].values) if isinstance(mutated.expected[f], AnyOf)
                              else mutated.expected[f]) for f in diff})
    return case


def report(cases: list[dict], kinds, out=sys.stdout) -> dict:
    per_kind: dict[str, Counter] = {k.name: Counter() for k in kinds}
    for c in cases:
        per_kind[c["kind"]][c["outcome"]] += 1
        if c["outcome"] == "survived" and c["verdict"] == "drift":
            per_kind[c["kind"]]["(drift)"] += 1
        if c.get("unnamed"):
            per_kind[c["kind"]]["unnamed"] += 1
    labels = {k.name: k.label for k in kinds}
    cols = ("survived", "(drift)", "broken rightly", "false broken", "silent", "unnamed", "n/a", "error")
    width = max(len(k.name) for k in kinds)
    head = f"{'kind':<{width}}  {'label':<19} " + " ".join(f"{c:>{_w(c)}}" for c in cols)
    print(head, file=out)
    print("-" * len(head), file=out)
    total = Counter()
    for name, counts in per_kind.items():
        total.update(counts)
        print(f"{name:<{width}}  {labels[name]:<19} " + " ".join(f"{counts[c]:>{_w(c)}}" for c in cols), file=out)
    print("-" * len(head), file=out)
    print(f"{'total':<{width}}  {'':<19} " + " ".join(f"{total[c]:>{_w(c)}}" for c in cols), file=out)
    right = [c for c in cases if c.get("fields_right")]
    false_broken = sum(1 for c in right if c["outcome"] == "false broken")
    rate = false_broken / len(right) if right else 0.0
    broken = [c for c in cases if c.get("verdict") == "broken"]
    print(f"\ncases {len(cases)} (n/a {total['n/a']}, error {total['error']}); fields right in {len(right)}; "
          f"false broken {false_broken} = {rate:.1%} of those (target <= 2%); "
          f"silent {total['silent']} (target 0); broken {len(broken)}, "
          f"of which naming no field {total['unnamed']} (target 0)", file=out)
    for title, outcome in (("silent", "silent"), ("false broken", "false broken")):
        listed = [c for c in cases if c["outcome"] == outcome]
        if listed:
            print(f"\n{title} ({len(listed)}):", file=out)
        for c in listed:
            print(f"  {c['kind']}  {c['page']}  verdict={c['verdict']}  "
                  f"differs={','.join(c['differs']) or ('-' if c['right_exists'] else 'no right extraction')}",
                  file=out)
            for f in c["differs"]:
                print(f"      {f}: {describe(f, c['expected'][f], c['found'][f])}", file=out)
            if not c["right_exists"]:
                seen = c["item"]
                last = seen["body"][-1] if seen["body"] else ""
                print(f"      item: headline {_short(seen['headline'], 60)}, authors {seen['authors']}, "
                      f"{len(seen['body'])} paragraphs, the last ending {_short(last[-60:], 62)}", file=out)
            for k, msg in c["checks"].items():
                print(f"      check {k}: {_short(msg, 200)}", file=out)
    skipped = [c for c in cases if c["outcome"] in ("n/a", "error")]
    if skipped:
        print(f"\nnot assessed ({len(skipped)}):", file=out)
        for c in skipped:
            print(f"  {c['outcome']}  {c['kind']}  {c['page']}: {c['reason']}", file=out)
    unnamed: dict[str, list] = defaultdict(list)
    for c in cases:
        for k in c.get("unnamed", []):
            unnamed[k].append(c)
    if unnamed:
        print("\nbroken, with a failing check whose message names no field:", file=out)
        for k, listed in sorted(unnamed.items()):
            kinds_hit = Counter(c["kind"] for c in listed)
            print(f"  {k}: {len(listed)} cases ({', '.join(f'{n} x{m}' for n, m in kinds_hit.items())}); "
                  f"e.g. {_short(listed[0]['checks'][k], 200)}", file=out)
    return {"per_kind": {k: dict(v) for k, v in per_kind.items()}, "total": dict(total),
            "fields_right": len(right), "false_broken_rate": rate}


def _w(col: str) -> int:
    return max(len(col), 6)


def describe(field: str, expected, found) -> str:
    """What differs, readably: for the body, the counts and the first differing paragraph."""
    if field != "body" or not isinstance(expected, list) or not isinstance(found, list) \
            or (expected and isinstance(expected[0], list)):
        return f"expected {_short(expected)} found {_short(found)}"
    i = next((i for i, (e, f) in enumerate(zip(expected, found)) if norm(e) != norm(f)),
             min(len(expected), len(found)))
    e = expected[i] if i < len(expected) else "(nothing)"
    f = found[i] if i < len(found) else "(nothing)"
    return (f"{len(expected)} paragraphs expected, {len(found)} found; first difference at #{i + 1}: "
            f"expected {_short(e, 80)} found {_short(f, 80)}")


def _short(value, limit=120) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value
    return text if len(text) <= limit else text[: limit - 1] + "…"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=HERE.parent.parent,
                    help="project root whose cassettes/ are the pages and the baselines")
    group = ap.add_mutually_exclusive_group()
    for module, what in HELD_OUT:
        group.add_argument(f"--{module}", action="store_true", help=f"the {what} set only ({module}.py)")
    group.add_argument("--all", action="store_true", help="tuning and the first two held-out sets")
    group.add_argument("--compose", action="store_true",
                       help="pairs and triples of the tuning and held-out kinds applied together (compose.py)")
    ap.add_argument("--seed", type=int, default=1, help="--compose: the seed of the draw (default 1)")
    ap.add_argument("--count", type=int, default=360, help="--compose: how many combinations (default 360)")
    ap.add_argument("--kinds", help="comma-separated kind names (overrides the set)")
    ap.add_argument("--pages", type=int, default=2, help="pages per site (default 2)")
    ap.add_argument("--json", type=Path, help="write every case to this file")
    ap.add_argument("--describe", action="store_true",
                    help="print the chosen kinds with their labels and reasons (markdown) and exit")
    args = ap.parse_args(argv)
    if args.describe and not args.compose:
        for kind in kinds_for(args):
            print(f"- `{kind.name}` ({kind.label}): {kind.why}")
        return 0
    if not (args.root / "cassettes").is_dir():
        print(f"run.py: {args.root}/cassettes is not a folder; pass --root PROJECT_ROOT", file=sys.stderr)
        return 2
    if args.pages < 1:
        print("run.py: --pages must be at least 1", file=sys.stderr)
        return 2
    if args.count < 1:
        print("run.py: --count must be at least 1", file=sys.stderr)
        return 2
    if args.compose and args.kinds:
        print("run.py: --compose draws its own kinds; --kinds does not apply", file=sys.stderr)
        return 2
    kinds = None if args.compose else kinds_for(args)

    import pressguard
    from pressguard.verdict.assess import template_baseline

    started = time.perf_counter()
    samples = load_samples(args.root, args.pages)
    cassettes = str(args.root / "cassettes")
    planned = composed_plan(args, samples) if args.compose else [(k, samples) for k in kinds]
    if args.describe:
        for kind, pages in planned:
            print(f"- `{kind.name}` ({kind.label}) on {', '.join(s.page for s in pages)}")
        return 0
    kinds = [k for k, _ in planned]
    # the unmutated pages first: a kind's counts mean little if its pages start unhealthy
    control = Counter()
    for sample in samples:
        case = run_case(UNCHANGED, sample, lambda site: template_baseline(cassettes, site))
        control[f"{case['verdict']}{'' if case['fields_right'] else ' (fields differ)'}"] += 1
    cases = []
    for kind, pages in planned:
        for sample in pages:
            cases.append(run_case(kind, sample, lambda site: template_baseline(cassettes, site)))
    elapsed = time.perf_counter() - started
    shape = (f"{len(kinds)} combinations (seed {args.seed}) on {sum(len(p) for _, p in planned)} pages"
             if args.compose else f"{len(kinds)} kinds")
    print(f"pressguard from {Path(pressguard.__file__).parent}; pages from {args.root / 'cassettes'}: "
          f"{len(samples)} pages of {len({s.site for s in samples})} sites x {shape}; "
          f"{elapsed:.1f} s on {platform.python_implementation()} {platform.python_version()}")
    print(f"unmutated pages: {', '.join(f'{v} {k}' for k, v in sorted(control.items()))}\n")
    summary = report(cases, kinds)
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "cases": cases}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
