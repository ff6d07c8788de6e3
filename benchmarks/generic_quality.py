#!/usr/bin/env python3
"""Quality of the layout-free generic extractor against trafilatura, on real article pages.

Usage::

    python benchmarks/generic_quality.py --data benchmarks/_work/aeb [--limit N] [--out results.json]
                                         [--labels FILE] [--only NAME ...]

``--data DIR`` is a copy of scrapinghub/article-extraction-benchmark ("AEB"): 181 real article
pages from 126 publishers, laid out as

    DIR/ground-truth.json          {page_id: {"url": ..., "articleBody": ...}}
    DIR/html/<page_id>.html.gz     the page as downloaded (UTF-8)

(``.html`` files are read too). AEB has body truth only; headline and author truth come from
our own annotation, ``benchmarks/labels/article-extraction-benchmark-headline-authors.json``
(``{page_id: {"url", "headline", "authors", "note"?}}``, keys starting with "_" are
comments). Pages without a label count for the body metrics only. See
``benchmarks/README-generic.md`` for where the data comes from and the measured numbers.

Extractors compared (each turned into ``{"headline": str, "authors": [str], "body": [str]}``):

* ``generic``: ``pressguard.extract.generic.extract_generic(html, url)``. If it cannot be
  imported, it is reported as unavailable and the rest still runs.
* ``trafilatura``: ``trafilatura.bare_extraction(html, url=url, with_metadata=True,
  include_comments=False)`` (include_comments=False as AEB runs it); ``title`` is the
  headline, ``author`` split on ";" and "," is the author list, ``text`` split on newlines
  is the body.

Metrics (all implemented below, from scratch):

* **Body, token level** (the headline figure): both texts are tokenised into ``\\w+`` runs
  (Unicode word characters, case kept: the same tokeniser AEB uses), and compared as bags
  of tokens: ``tp = sum(min(count_true[t], count_pred[t]))``, ``P = tp / len(pred)``,
  ``R = tp / len(true)``, ``F1 = 2PR / (P + R)``, each computed per page and then averaged
  over pages (so a long article weighs as much as a short one). An empty or failed
  extraction scores P = R = F1 = 0.
* **Body, AEB shingles** (for comparison with AEB's published table): the same tokens,
  grouped into overlapping 4-token shingles and matched as bags; per-page precision and
  recall are averaged over pages and F1 is the harmonic mean of those two means, as AEB's
  ``evaluate.py`` does. (AEB skips a page in the precision mean when nothing was
  predicted; we follow that for this figure only.)
* **Headline exact**: share of labelled pages whose headline equals the truth after
  normalisation: Unicode NFKC, curly quotes and primes to ' and ", en/em dashes and minus
  to "-", whitespace runs to one space, stripped. Case is kept.
* **Authors exact**: share of labelled pages whose author list equals the truth, in order,
  after normalising each name (as headlines, plus case-folding, dropping periods so that
  "Sarah E. Needleman" equals "Sarah E Needleman", and trimming surrounding punctuation). ``authors_set_exact`` is the same ignoring order.
* **Invented authors**: labelled pages where the extractor returns a name that is not one
  of the truth authors, which includes every page whose truth is [] (the page names no
  person) but the extractor returns someone; that subset is reported on its own
  (``invented_on_no_author_pages`` of ``no_author_pages``). Total invented names are
  counted too.
* **pages/s**: pages divided by the wall time spent inside the extractor call only.
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
import traceback
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable, NoReturn

HERE = Path(__file__).resolve().parent
DEFAULT_LABELS = HERE / "labels" / "article-extraction-benchmark-headline-authors.json"
SHINGLE_N = 4


# --------------------------------------------------------------------------- data

def die(msg: str) -> NoReturn:
    """Bad usage or unreadable input: one line on stderr, exit status 2."""
    print(f"generic_quality: {msg}", file=sys.stderr)
    raise SystemExit(2)


class Page:
    __slots__ = ("page_id", "url", "html", "true_body", "label")

    def __init__(self, page_id: str, url: str, html: str, true_body: str, label: dict | None):
        self.page_id = page_id
        self.url = url
        self.html = html
        self.true_body = true_body
        self.label = label


def load_pages(data_dir: Path, labels_path: Path | None, limit: int | None) -> tuple[list[Page], int]:
    """Pages in page-id order (AEB ids are hashes, so this is a fixed arbitrary order).

    Returns the pages and the number of labels found in the labels file."""
    gt_path = data_dir / "ground-truth.json"
    if not gt_path.is_file():
        die(f"{gt_path} not found; --data must be a copy of "
            "scrapinghub/article-extraction-benchmark (ground-truth.json + html/), "
            "see benchmarks/README-generic.md")
    truth = json.loads(gt_path.read_text(encoding="utf-8"))
    labels: dict = {}
    if labels_path is not None:
        if not labels_path.is_file():
            die(f"labels file {labels_path} not found (--labels)")
        labels = {k: v for k, v in json.loads(labels_path.read_text(encoding="utf-8")).items()
                  if not k.startswith("_")}
    ids = sorted(truth)
    if limit is not None:
        ids = ids[:limit]
    pages = []
    for pid in ids:
        html = read_html(data_dir / "html", pid)
        pages.append(Page(pid, truth[pid].get("url", ""), html,
                          truth[pid].get("articleBody") or "", labels.get(pid)))
    return pages, len(labels)


def read_html(html_dir: Path, page_id: str) -> str:
    gz = html_dir / f"{page_id}.html.gz"
    if gz.is_file():
        with gzip.open(gz, "rt", encoding="utf-8", errors="replace") as f:
            return f.read()
    plain = html_dir / f"{page_id}.html"
    if plain.is_file():
        return plain.read_text(encoding="utf-8", errors="replace")
    die(f"no html for page {page_id} in {html_dir} (expected {page_id}.html.gz or .html)")


# --------------------------------------------------------------------------- tokens & text

TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def tokenize(text: str) -> list[str]:
    """Runs of Unicode word characters; punctuation and whitespace separate tokens.

    Language-independent (CJK text without spaces becomes long tokens, which still
    match when the same text is extracted). Case is kept."""
    return TOKEN_RE.findall(text or "")


def shingles(tokens: list[str], n: int = SHINGLE_N) -> Counter:
    """Overlapping n-token windows; a text shorter than n is one (short) shingle."""
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u00b4": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-",
    "\u2010": "-", "\u2011": "-",
})


def norm_text(s: str | None) -> str:
    """NFKC, one kind of quote and dash, single spaces, stripped (case kept)."""
    s = unicodedata.normalize("NFKC", s or "").translate(_QUOTES)
    return re.sub(r"\s+", " ", s).strip()


def norm_name(s: str | None) -> str:
    """A person name for comparison: norm_text, case-folded, periods dropped ("Sarah E.
    Needleman" == "Sarah E Needleman"), outer punctuation trimmed."""
    s = norm_text(s).casefold().replace(".", " ")
    return re.sub(r"\s+", " ", s).strip(" ,;:|-·•'\"()[]")


# --------------------------------------------------------------------------- metrics

def bag_match(true: Counter, pred: Counter) -> tuple[int, int, int]:
    """(tp, fp, fn) between two multisets: overlap counted min(count_true, count_pred)."""
    tp = sum(min(c, pred[k]) for k, c in true.items() if k in pred)
    return tp, sum(pred.values()) - tp, sum(true.values()) - tp


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1; an empty prediction (or empty truth) gives zeros."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def body_scores(true_text: str, pred_paragraphs: list[str]) -> dict:
    pred_text = "\n".join(pred_paragraphs)
    t_tok, p_tok = tokenize(true_text), tokenize(pred_text)
    p, r, f = prf(*bag_match(Counter(t_tok), Counter(p_tok)))
    tp, fp, fn = bag_match(shingles(t_tok), shingles(p_tok))
    return {"precision": p, "recall": r, "f1": f,
            "shingle_tp_fp_fn": [tp, fp, fn], "pred_tokens": len(p_tok), "true_tokens": len(t_tok)}


def aeb_shingle_summary(tp_fp_fns: list[list[int]]) -> dict:
    """AEB's aggregate: mean per-page P (pages with a prediction) and R, F1 of the means."""
    ps = [tp / (tp + fp) for tp, fp, fn in tp_fp_fns if tp + fp > 0]
    rs = [tp / (tp + fn) if tp + fn else 0.0 for tp, fp, fn in tp_fp_fns]
    p = statistics.mean(ps) if ps else 0.0
    r = statistics.mean(rs) if rs else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def headline_ok(true: str, pred: str | None) -> bool:
    return norm_text(true) == norm_text(pred)


def author_scores(true: list[str], pred: list[str]) -> dict:
    t = [norm_name(a) for a in true if norm_name(a)]
    p = [norm_name(a) for a in pred if norm_name(a)]
    invented = [a for a in p if a not in set(t)]
    return {"exact": t == p, "set_exact": set(t) == set(p), "invented": invented,
            "no_truth_author": not t}


# --------------------------------------------------------------------------- extractors

Extracted = dict  # {"headline": str, "authors": [str], "body": [str]}


def load_generic() -> tuple[Callable[[str, str], Extracted] | None, str]:
    try:
        from pressguard.extract.generic import extract_generic
    except Exception as exc:  # not written yet, or broken: report, do not crash
        return None, f"cannot import pressguard.extract.generic.extract_generic: {exc!r}"

    def run(html: str, url: str) -> Extracted:
        out = extract_generic(html, url) or {}
        body = out.get("body") or []
        if isinstance(body, str):
            body = body.split("\n")
        return {"headline": out.get("headline") or "", "authors": list(out.get("authors") or []),
                "body": [p for p in body if p and p.strip()]}
    return run, "pressguard (working tree)"


def split_authors(value: str | None) -> list[str]:
    """trafilatura joins several authors with '; ' (some sites give 'A, B'): split both."""
    return [a.strip() for a in re.split(r"[;,]", value or "") if a.strip()]


def load_trafilatura() -> tuple[Callable[[str, str], Extracted] | None, str]:
    try:
        import trafilatura
    except Exception as exc:
        return None, (f"cannot import trafilatura: {exc!r} (pip install 'trafilatura>=2' "
                      "lxml_html_clean)")

    def run(html: str, url: str) -> Extracted:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True,
                                          include_comments=False)
        if doc is None:
            return {"headline": "", "authors": [], "body": []}
        get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
        text = get("text") or ""
        return {"headline": get("title") or "", "authors": split_authors(get("author")),
                "body": [line for line in text.split("\n") if line.strip()]}
    return run, f"trafilatura {getattr(trafilatura, '__version__', '?')}"


EXTRACTORS = {"generic": load_generic, "trafilatura": load_trafilatura}


# --------------------------------------------------------------------------- run

def evaluate(name: str, run: Callable[[str, str], Extracted], pages: list[Page]) -> tuple[dict, dict]:
    per_page: dict[str, dict] = {}
    spent = 0.0
    errors = 0
    for page in pages:
        t0 = time.perf_counter()
        try:
            out = run(page.html, page.url)
            err = None
        except Exception as exc:
            out = {"headline": "", "authors": [], "body": []}
            err = "".join(traceback.format_exception_only(type(exc), exc)).strip()
            errors += 1
        spent += time.perf_counter() - t0
        rec = {"body": body_scores(page.true_body, out["body"])}
        if err:
            rec["error"] = err
        if page.label is not None:
            rec["headline"] = {"pred": out["headline"],
                               "ok": headline_ok(page.label["headline"], out["headline"])}
            rec["authors"] = {"pred": out["authors"], **author_scores(page.label["authors"], out["authors"])}
        per_page[page.page_id] = rec

    recs = list(per_page.values())
    labelled = [r for r in recs if "headline" in r]
    mean = lambda xs: statistics.mean(xs) if xs else 0.0  # noqa: E731
    summary = {
        "available": True,
        "pages": len(recs),
        "errors": errors,
        "body_precision": mean([r["body"]["precision"] for r in recs]),
        "body_recall": mean([r["body"]["recall"] for r in recs]),
        "body_f1": mean([r["body"]["f1"] for r in recs]),
        "body_empty_pages": sum(1 for r in recs if r["body"]["pred_tokens"] == 0),
        "aeb_shingle": aeb_shingle_summary([r["body"]["shingle_tp_fp_fn"] for r in recs]),
        "labelled_pages": len(labelled),
        "headline_exact": mean([float(r["headline"]["ok"]) for r in labelled]),
        "authors_exact": mean([float(r["authors"]["exact"]) for r in labelled]),
        "authors_set_exact": mean([float(r["authors"]["set_exact"]) for r in labelled]),
        "invented_author_pages": sum(1 for r in labelled if r["authors"]["invented"]),
        "no_author_pages": sum(1 for r in labelled if r["authors"]["no_truth_author"]),
        "invented_on_no_author_pages": sum(1 for r in labelled
                                           if r["authors"]["no_truth_author"] and r["authors"]["invented"]),
        "invented_author_names": sum(len(r["authors"]["invented"]) for r in labelled),
        "pages_per_s": len(recs) / spent if spent else 0.0,
        "seconds": spent,
    }
    return summary, per_page


def print_table(results: dict, n_pages: int, n_labelled: int) -> None:
    cols = [("body P", "body_precision", "{:.3f}"), ("body R", "body_recall", "{:.3f}"),
            ("body F1", "body_f1", "{:.3f}"), ("AEB-F1", None, "{:.3f}"),
            ("headline", "headline_exact", "{:.1%}"), ("authors", "authors_exact", "{:.1%}"),
            ("invented", "invented_author_pages", "{}"), ("pages/s", "pages_per_s", "{:.1f}")]
    print(f"{n_pages} pages (body truth), {n_labelled} with headline/author labels")
    print(f"{'extractor':<12}" + "".join(f"{c:>10}" for c, _, _ in cols))
    for name, res in results.items():
        if not res.get("available"):
            print(f"{name:<12}  unavailable: {res.get('reason')}")
            continue
        cells = []
        for _, key, fmt in cols:
            val = res["aeb_shingle"]["f1"] if key is None else res[key]
            cells.append(fmt.format(val))
        print(f"{name:<12}" + "".join(f"{c:>10}" for c in cells))
        if res["errors"]:
            print(f"{'':<12}  ({res['errors']} pages raised; scored as empty)")
    print("body P/R/F1: token-bag, mean per page; AEB-F1: 4-token shingles, F1 of mean P and R; "
          "headline/authors: exact after normalisation, share of labelled pages; "
          "invented: labelled pages with a returned name not among the truth authors")


def main(argv: Iterable[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True,
                    help="copy of article-extraction-benchmark (ground-truth.json + html/)")
    ap.add_argument("--labels", type=Path, default=DEFAULT_LABELS,
                    help=f"headline/author labels (default: {DEFAULT_LABELS.relative_to(HERE.parent)})")
    ap.add_argument("--limit", type=int, help="only the first N pages in page-id order")
    ap.add_argument("--out", type=Path, help="write summary and per-page results as JSON")
    ap.add_argument("--only", nargs="+", choices=sorted(EXTRACTORS), help="run only these extractors")
    args = ap.parse_args(list(argv) if argv is not None else None)
    if args.limit is not None and args.limit <= 0:
        ap.error("--limit must be positive")

    # the working tree's pressguard, even when it is not installed
    sys.path.insert(0, str(HERE.parent))
    pages, n_labels = load_pages(args.data, args.labels, args.limit)
    n_labelled = sum(1 for p in pages if p.label is not None)

    results: dict[str, dict] = {}
    per_page: dict[str, dict] = {}
    for name in (args.only or list(EXTRACTORS)):
        run, version = EXTRACTORS[name]()
        if run is None:
            results[name] = {"available": False, "reason": version}
            continue
        summary, pp = evaluate(name, run, pages)
        summary["version"] = version
        results[name] = summary
        per_page[name] = pp

    print_table(results, len(pages), n_labelled)
    if args.out:
        payload = {
            "dataset": {"name": "scrapinghub/article-extraction-benchmark", "dir": str(args.data),
                        "pages": len(pages), "labelled_pages": n_labelled,
                        "labels_file": str(args.labels), "labels_in_file": n_labels},
            "metrics": {"tokenizer": TOKEN_RE.pattern, "shingle_n": SHINGLE_N,
                        "body": "token-bag P/R/F1 per page, mean over pages; empty extraction = 0",
                        "aeb_shingle": "AEB evaluate.py aggregation over 4-token shingles"},
            "extractors": results,
            "urls": {p.page_id: p.url for p in pages},
            "per_page": per_page,
        }
        args.out.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
