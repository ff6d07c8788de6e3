"""Compare two resilience runs case by case: what a change to the checks did, set by set.

    python benchmarks/resilience/compare.py BEFORE_DIR AFTER_DIR

Each folder holds `<set>.json` files written by `run.py --<set> --json DIR/<set>.json`. For every
set in both, prints each (kind, page) whose outcome or verdict changed, marking a REGRESSION
where a case became silent, false broken, unnamed or an error; then per set the silent count
(before -> after, by kind) and false broken. Exit 1 when any case regressed, 0 otherwise, 2 on
bad usage; so a branch can be gated on "0 regressions on every set".
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path


def _bad(case: dict) -> bool:
    return case["outcome"] in ("silent", "false broken", "error") or bool(case.get("unnamed"))


def _cases(path: Path) -> dict:
    return {(c["kind"], c["page"]): c for c in json.loads(path.read_text(encoding="utf-8"))["cases"]}


def _silent(cases: dict) -> Counter:
    return Counter(c["kind"] for c in cases.values() if c["outcome"] == "silent")


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not all(Path(a).is_dir() for a in argv):
        print("compare.py: usage: compare.py BEFORE_DIR AFTER_DIR (folders of run.py --json files)", file=sys.stderr)
        return 2
    before_dir, after_dir = map(Path, argv)
    regressions = 0
    sets = sorted(p.name for p in after_dir.glob("*.json") if (before_dir / p.name).exists())
    for name in sets:
        before, after = _cases(before_dir / name), _cases(after_dir / name)
        for key, new in after.items():
            old = before.get(key)
            if old is None or (old["outcome"], old.get("verdict")) == (new["outcome"], new.get("verdict")):
                continue
            regressed = _bad(new) and not _bad(old)
            regressions += regressed
            print(f"{'REGRESSION ' if regressed else ''}{name[:-5]} {key[0]} {key[1]}: "
                  f"{old['outcome']}/{old.get('verdict')} -> {new['outcome']}/{new.get('verdict')}")
    for name in sets:
        before, after = _cases(before_dir / name), _cases(after_dir / name)
        was, now = _silent(before), _silent(after)
        fb = sum(1 for c in after.values() if c["outcome"] == "false broken")
        kinds = ", ".join(f"{k} {n}" for k, n in now.most_common())
        print(f"{name[:-5]}: silent {sum(was.values())} -> {sum(now.values())}, false broken {fb}"
              + (f" ({kinds})" if kinds else ""))
    print(f"regressions: {regressions}")
    return 1 if regressions else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
