"""False alarms, on real pages, of the incident signals added for holdout15's silent kinds
(pressguard/verdict/incidents.py): unserialised values in the prose ("[object Object]",
"NaN", "$undefined"), template variables left in the headline or dek ("%%title%%",
"{{ post.title }}"), social share copy as the dek, a
__NEXT_DATA__ hydration payload cut short; and date_order.month_early_finding (a date a month
before the URL's date or the article's own pictures' month).

    python benchmarks/incident_signals_wcxb.py [--data ../shared/eval/wcxb-dev] [--limit N]

Every WCXB page (real sites' HTML; the pages are right, so a firing is a false alarm) is
extracted; the prose signal runs on the extraction's body and on the reference text (its
lines as paragraphs), the others on the extracted headline and dek. Every firing is printed.
Results are written down in benchmarks/resilience/README.md ("holdout15 after fixes").
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from pathlib import Path


def main(argv=None) -> int:
    from pressguard.extract import extract_article
    from pressguard.verdict import checks, date_order, incidents

    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=here.parent.parent / "shared" / "eval" / "wcxb-dev")
    ap.add_argument("--limit", type=int)
    args = ap.parse_args(argv)
    gt_dir, html_dir = args.data / "ground-truth", args.data / "html"
    if not gt_dir.is_dir() or not html_dir.is_dir():
        print(f"{args.data}: expected ground-truth/ and html/ folders (the wcxb-dev layout); pass --data",
              file=sys.stderr)
        return 2
    fired, seen = Counter(), Counter()
    t0 = time.process_time()
    for gt_path in sorted(gt_dir.glob("*.json.gz"))[: args.limit]:
        pid = gt_path.name.split(".")[0]
        gt = json.loads(gzip.decompress(gt_path.read_bytes()))
        html = gzip.decompress((html_dir / f"{pid}.html.gz").read_bytes())
        try:
            item = extract_article(html, gt["url"])
        except Exception as exc:  # a page the extraction refuses has no fields to judge
            print(f"{pid}: not extracted ({type(exc).__name__})")
            continue
        seen["pages"] += 1
        reference = [line.strip() for line in (gt["ground_truth"].get("main_content") or "").split("\n")
                     if line.strip()]
        for source, body in (("prose (extraction)", item.get("body") or []), ("prose (reference)", reference)):
            hit = incidents._unserialised_in_prose(body)
            if hit:
                fired[source] += 1
                print(f"{pid} {source}: {hit}")
        for field in ("headline", "dek"):
            text = item.get(field)
            if isinstance(text, str) and text.strip():
                seen[field] += 1
                var = incidents._template_variable(text)
                if var:
                    fired[f"template variable ({field})"] += 1
                    print(f"{pid} {field}: {var!r} in {text[:80]!r}")
        if item.get("published"):
            seen["dated"] += 1
            early = date_order.month_early_finding(checks._Context(item, html, None, None, None, True))
            if early:
                fired["month early (published)"] += 1
                print(f"{pid}: {early}")
        if b"__NEXT_DATA__" in html:
            seen["next"] += 1
            c = checks._Context(item, html, None, None, None, True)
            cut = incidents._payload_cut_short(c)
            if cut:
                fired["hydration payload cut short"] += 1
                print(f"{pid}: {cut}")
        dek = item.get("dek")
        if isinstance(dek, str) and dek.strip():
            share = incidents._share_copy(" ".join(dek.split()))
            if share:
                fired["share copy (dek)"] += 1
                print(f"{pid}: {share}")
    print(f"{seen['pages']} pages ({seen['headline']} with a headline, {seen['dek']} with a dek, {seen['next']} with a __NEXT_DATA__ payload, {seen['dated']} dated); "
          f"{time.process_time() - t0:.1f} s CPU")
    for name in ("prose (extraction)", "prose (reference)", "template variable (headline)",
                 "template variable (dek)", "share copy (dek)", "hydration payload cut short",
                 "month early (published)"):
        print(f"{name}: fires on {fired[name]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
