#!/usr/bin/env python3
"""Every page's generic item, written as JSON: for proving that a speed change changes no
result (dump before, dump after, compare the files byte for byte).

Usage::

    python benchmarks/generic_dump.py OUT.json [--wcxb /work/shared/eval/wcxb-dev]
                                               [--aeb /work/shared/eval/aeb] [--no-cassettes]
    cmp before.json after.json   # or: python benchmarks/generic_dump.py --diff before.json after.json

Pages dumped, each keyed by where it comes from:

* ``wcxb/<id>``: both halves of WCXB's development article pages, ``extract_generic(html,
  url)`` on the page's bytes, as ``wcxb_quality.py`` runs it;
* ``aeb/<id>``: the article-extraction benchmark, on the page's text, as
  ``generic_quality.py`` runs it;
* ``cassette/<site>/<slug>``: each shipped cassette's article page, the second opinion as a
  replay makes it: the layout extraction first, then ``extract_generic`` on the same Page
  (``verdict.assess.check_article``), so the two share the page's caches as in a replay.

A page that raises is dumped as its error's type and message: a result like any other.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generic_quality import load_pages as aeb_pages  # noqa: E402
from wcxb_quality import load_pages as wcxb_pages  # noqa: E402

CASSETTES = HERE.parent / "cassettes"


def _run(fn) -> dict:
    try:
        return fn()
    except Exception as exc:  # a failure is a result to compare too
        return {"error": f"{type(exc).__name__}: {exc}"}


def cassette_pages():
    """(name, url, site, body) of each shipped cassette's article page: the last 2xx
    answer, as the spider reads it."""
    from pressguard.cassettes.store import open_cassette

    for path in sorted(CASSETTES.rglob("*.yaml")):
        name = str(path.relative_to(CASSETTES).with_suffix(""))
        cassette = open_cassette(path)
        for request, response in reversed(cassette.data):
            if 200 <= int(response["status"]["code"]) < 300:
                yield name, request.uri, name.split("/")[0], response["body"]["string"]
                break
        else:
            yield name, None, None, None


def dump(wcxb: Path | None, aeb: Path | None, cassettes: bool) -> dict:
    from pressguard.extract import extract_article
    from pressguard.extract.generic import extract_generic
    from pressguard.extract.page import page_for

    out: dict[str, dict] = {}
    if wcxb is not None:
        for page in wcxb_pages(wcxb, "all", None):
            out[f"wcxb/{page['id']}"] = _run(lambda: extract_generic(page["html"], page["url"]))
    if aeb is not None:
        pages, _ = aeb_pages(aeb, None, None)
        for page in pages:
            out[f"aeb/{page.page_id}"] = _run(lambda: extract_generic(page.html, page.url))
    if cassettes:
        for name, url, site, body in cassette_pages():
            if url is None:
                out[f"cassette/{name}"] = {"error": "no 2xx answer"}
                continue

            def second():
                page = page_for(body, url, site=site)
                extract_article(page, url, site=site)
                return extract_generic(page, url, site=site)
            out[f"cassette/{name}"] = _run(second)
    return out


def diff(a: Path, b: Path) -> int:
    before, after = json.loads(a.read_text()), json.loads(b.read_text())
    changed = 0
    for key in sorted(set(before) | set(after)):
        x, y = before.get(key), after.get(key)
        if x == y:
            continue
        changed += 1
        if x is None or y is None:
            print(f"{key}: only in {'after' if x is None else 'before'}")
            continue
        for field in sorted(set(x) | set(y)):
            if x.get(field) != y.get(field):
                print(f"{key}: {field}: {json.dumps(x.get(field))[:200]} -> {json.dumps(y.get(field))[:200]}")
    print(f"{len(before)} pages before, {len(after)} after, {changed} changed")
    return 1 if changed else 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, nargs="?")
    ap.add_argument("--wcxb", type=Path, default=Path("/work/shared/eval/wcxb-dev"))
    ap.add_argument("--aeb", type=Path, default=Path("/work/shared/eval/aeb"))
    ap.add_argument("--no-cassettes", action="store_true")
    ap.add_argument("--diff", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args(argv)
    if args.diff:
        return diff(*args.diff)
    if args.out is None:
        ap.error("give OUT.json, or --diff BEFORE AFTER")
    items = dump(args.wcxb, args.aeb, not args.no_cassettes)
    args.out.write_text(json.dumps(items, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    print(f"{args.out}: {len(items)} pages, {sum('error' in v for v in items.values())} errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
