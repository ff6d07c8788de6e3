"""What pressguard itself keeps while assessing a growing corpus, in one process, no Scrapy.

    .venv/bin/python benchmarks/memory_growth.py CASSETTES_DIR [--every 500]

Assesses every cassette's final page under CASSETTES_DIR in order, each with its site's
template baseline (as the replay's spiders do), and every --every pages prints the memory
Python has allocated and still holds (tracemalloc), and what the per-process caches hold:
the recorded-page cache (pressguard.verdict.assess._RECORDED: entries, pickled bytes), the
shared fingerprints, the baselines' distinct fingerprints, the cassette cache's bytes.
A held size that keeps climbing with the pages is memory that grows with the corpus; the
replay's peak RSS is measured by benchmarks/suite_speed.py (--rows replay-j1).
CASSETTES_DIR: a corpus of distinct copies, e.g. WORK/suite-5000/cassettes built by
`benchmarks/suite_speed.py --sizes 5000 --rows replay-j1 --work WORK`.
"""

from __future__ import annotations

import argparse
import gc
import pickle
import sys
import tracemalloc
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cassettes", type=Path)
    parser.add_argument("--every", type=int, default=500, help="report every N pages (default 500)")
    args = parser.parse_args(argv)
    if not args.cassettes.is_dir():
        print(f"memory_growth: {args.cassettes}: not a folder of cassettes; build one with "
              "benchmarks/suite_speed.py --rows replay-j1", file=sys.stderr)
        return 2

    import pressguard.verdict.assess as assess_module
    from pressguard.cassettes.store import CACHE, CassetteError, find_cassettes

    paths = find_cassettes([args.cassettes])
    tracemalloc.start()
    print("| pages | held MB (tracemalloc) | recorded entries | recorded KB (pickled) "
          "| distinct fingerprints | baseline fingerprints | cassette cache MB |")
    print("|---|---|---|---|---|---|---|")
    failed = 0
    for n, path in enumerate(paths, 1):
        site = path.parent.name
        try:
            page = assess_module._final_page(CACHE.get(path))
        except CassetteError as error:
            print(f"memory_growth: {error}", file=sys.stderr)
            failed += 1
            continue
        if page is None:
            failed += 1
            continue
        url, body = page
        baseline = assess_module.template_baseline(str(args.cassettes), site)
        assess_module.assess(body, url, site=site, baseline=baseline)
        if n % args.every == 0 or n == len(paths):
            gc.collect()
            held = tracemalloc.get_traced_memory()[0]
            recorded = len(pickle.dumps(list(assess_module._RECORDED.values()), protocol=pickle.HIGHEST_PROTOCOL))
            kept = sum(len(b.fingerprints) for b in _baselines(assess_module))
            print(f"| {n} | {held / 2**20:.1f} | {len(assess_module._RECORDED)} | {recorded / 1024:.0f} "
                  f"| {len(getattr(assess_module, '_FINGERPRINTS', ()))} | {kept} | {CACHE.bytes / 2**20:.1f} |",
                  flush=True)
    if failed:
        print(f"memory_growth: {failed} cassette(s) had no page to assess", file=sys.stderr)
    return 0


def _baselines(assess_module):
    """The baselines template_baseline() has made in this process."""
    return [obj for obj in gc.get_objects() if isinstance(obj, assess_module.TemplateBaseline)]


if __name__ == "__main__":
    sys.exit(main())
