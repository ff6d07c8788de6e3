"""False alarms of the prose-quality signals (pressguard.verdict.prose_flaws) on real pages.

    python benchmarks/prose_flaws_wcxb.py [--data ../shared/eval/wcxb-dev] [--limit N]

For every WCXB page (real sites' HTML with a hand-made reference of the main text), the
signals run twice on the page as it declares its language (only pages judged English are
judged): on pressguard's own extraction of the page, and on the reference text (its lines
as paragraphs: real prose as its writers wrote it). Every firing is printed with its
message, then the counts per signal. Real pages should give none: each firing is a false
alarm to explain, or a page that really prints its text wrongly.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path

SIGNALS = {"line-end hyphens": "line-end hyphens", "OCR": "misread (OCR)", "drop cap": "drop cap"}


def main(argv=None) -> int:
    from pressguard.extract import extract_article
    from pressguard.verdict import checks, english, prose_flaws

    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=here.parent / "shared" / "eval" / "wcxb-dev")
    ap.add_argument("--limit", type=int)
    args = ap.parse_args(argv)
    gt_dir, html_dir = args.data / "ground-truth", args.data / "html"
    if not gt_dir.is_dir() or not html_dir.is_dir():
        print(f"{args.data}: expected ground-truth/ and html/ folders (the wcxb-dev layout); "
              f"pass --data", file=sys.stderr)
        return 2
    fired = {"extraction": Counter(), "reference": Counter()}
    judged = Counter()
    pages = sorted(gt_dir.glob("*.json.gz"))[: args.limit]
    t0 = time.process_time()
    for gt_path in pages:
        pid = gt_path.name.split(".")[0]
        gt = json.loads(gzip.decompress(gt_path.read_bytes()))
        html = gzip.decompress((html_dir / f"{pid}.html.gz").read_bytes())
        url = gt["url"]
        try:
            item = extract_article(html, url)
        except Exception as exc:  # a page the extraction refuses is no prose to judge
            print(f"{pid}: not extracted ({type(exc).__name__})")
            continue
        reference = [line.strip() for line in (gt["ground_truth"].get("main_content") or "").split("\n")
                     if line.strip()]
        for source, body in (("extraction", item.get("body") or []), ("reference", reference)):
            c = checks._Context({"url": url, "body": body}, html, None, None, None, True)
            if not english.judged_as_english(c):
                continue
            judged[source] += 1
            for finding in prose_flaws.body_findings(c):
                name = next(k for k, v in SIGNALS.items() if v in finding)
                fired[source][name] += 1
                print(f"{pid} {source:10} {url}\n    {finding[:300]}")
    cpu = time.process_time() - t0
    print(f"\n{len(pages)} WCXB pages, {cpu:.1f} s CPU")
    for source in fired:
        counts = ", ".join(f"{k} {fired[source][k]}" for k in SIGNALS)
        print(f"{source}: {judged[source]} pages judged English; fired: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
