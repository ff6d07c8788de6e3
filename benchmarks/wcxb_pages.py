"""The WCXB development pages as the signal scripts read them (`*_signals_wcxb.py`,
`prose_flaws_wcxb.py`): one argument parser (--data, --limit), one reading of each page and its
ground truth, one extraction, so every script counts a signal's firings on the same pages.

The pages are real and their fields right, so every firing of a signal on them is a false alarm.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "wcxb-dev"


def arguments(description: str, argv=None) -> argparse.Namespace | None:
    """--data and --limit; None (after a one-line error) when --data is not a wcxb-dev folder."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int)
    args = ap.parse_args(argv)
    if not (args.data / "ground-truth").is_dir() or not (args.data / "html").is_dir():
        print(f"{args.data}: expected ground-truth/ and html/ folders (the wcxb-dev layout); pass --data",
              file=sys.stderr)
        return None
    return args


def extracted(args: argparse.Namespace):
    """(page id, ground truth, raw html, extracted item) for each page, in name order; a page
    the extraction refuses is printed as such and not yielded (it has no fields to judge)."""
    from pressguard.extract import extract_article

    for gt_path in sorted((args.data / "ground-truth").glob("*.json.gz"))[: args.limit]:
        pid = gt_path.name.split(".")[0]
        gt = json.loads(gzip.decompress(gt_path.read_bytes()))
        html = gzip.decompress((args.data / "html" / f"{pid}.html.gz").read_bytes())
        try:
            item = extract_article(html, gt["url"])
        except Exception as exc:  # the extraction's refusal is a finding of its own, not this script's
            print(f"{pid}: not extracted ({type(exc).__name__})")
            continue
        yield pid, gt, html, item


def context(item: dict, html):
    """The checks' reading of one page (checks._Context) as a first visit sees it: no second
    opinion, no recorded template, no baseline of the site."""
    from pressguard.verdict.checks import _Context

    return _Context(item, html, None, None, None, True)


def reference_paragraphs(gt: dict) -> list[str]:
    """The ground truth's main text as paragraphs (its non-blank lines)."""
    return [line.strip() for line in (gt["ground_truth"].get("main_content") or "").split("\n") if line.strip()]
