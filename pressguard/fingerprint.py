"""The template fingerprint: the markup around each extracted field.

A redesign can leave extraction "working" (the generic fallback still returns a headline
and a body) while the structure it came from is gone. The fingerprint records that
structure, so a template change is noticed even when every field still has a value:

    fingerprint(html, item) -> dict      JSON-serialisable, the same for every article of
                                         one template, whatever the articles say
    compare(recorded, current) -> list   [] for the same template, else one entry per
                                         changed field: {"field", "appeared", "vanished",
                                         "summary"}

For each field the element the value came from is located by its text (the element whose
text is the headline / dek, the element holding an author's name, the date element, the
lowest common container of the first body paragraphs), preferring elements outside page
furniture (teaser tiles, sidebars, author bio boxes hold the same names). Recorded per field:

    path     tag.classes[data-attrs] of the element and up to ANCESTORS ancestors
    classes  every class on that path (plus, for the body, on the paragraph elements and,
             for the other fields, inside the element)
    found    False when the value exists but no element holds it (JSON-LD/meta only)

Class names are normalised (``post-123`` -> ``post-#``, ``css-1x9fq2`` -> ``css-#``) and
WordPress' per-post classes on <body>/<article> (postid-, category-, tag-, format-, ...)
are dropped, so two articles of one template agree. The page part records the layout
name, the body classes and the document order of the fields (a byline moved below the
body is a change even when its classes are not).

A field whose value is empty is not compared for dek, authors and published (an article
may have no dek; a staff piece no author); an empty headline or body is (the template
lost them).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Any, Iterable

from selectolax.lexbor import LexborHTMLParser

from .decoding import parser_input

FIELDS = ("headline", "dek", "authors", "published", "body")
REQUIRED = frozenset({"headline", "body"})  # empty is a change; others may be empty
ANCESTORS = 4  # how far up the path goes above the located element
BODY_PARAGRAPHS = 6  # how many body paragraphs locate the body container
MIN_PARAGRAPH = 60  # characters; shorter paragraphs (list items, codes) are ambiguous
VERSION = 1

_SKIP_PARENTS = frozenset({"script", "style", "noscript", "template", "textarea", "title", "head"})
_HEADINGS = {"h1": 0, "h2": 1, "h3": 2, "h4": 3}
# Typographic punctuation -> ASCII, invisible characters out (for matching text).
PUNCT_REPLACEMENTS = (
    ("\u2018", "'"), ("\u2019", "'"), ("\u201a", "'"), ("\u201b", "'"), ("\u2032", "'"),
    ("\u201c", '"'), ("\u201d", '"'), ("\u201e", '"'), ("\u00ab", '"'), ("\u00bb", '"'),
    ("\u2013", "-"), ("\u2014", "-"), ("\u2012", "-"), ("\u2212", "-"),
    ("\u2026", "..."), ("\u00ad", ""), ("\u200b", ""), ("\ufeff", ""), ("\u2060", ""),
)

# Class words of page furniture that repeats the article's names and titles.
_FURNITURE_WORDS = frozenset(
    """tile tiles card cards related recirc sidebar rail aside nav navigation menu footer
    bio comment comments newsletter modal popup trending popular widget breadcrumb
    breadcrumbs recommended more latest share social""".split()
)
_FURNITURE_TAGS = frozenset({"aside", "nav", "footer"})
_CLASS_SPLIT = re.compile(r"[\s_\-]+")

# Class normalisation: numbers, ids and hashes out; WordPress per-post classes dropped.
_DIGITS = re.compile(r"\d")
_HASHY = re.compile(r"^(?=.*[a-z])(?=.*[A-Z0-9])[A-Za-z0-9]{5,}$")
_PER_POST = re.compile(
    r"^(?:(?:postid|page-id|parent-pageid|category|tag|format|single-format|status|type|author"
    r"|term|post_tag|single|tax)-.+|has-post-thumbnail|hentry|sticky|post-password-required)$"
)


# -- text --------------------------------------------------------------------------

def squash(text: str | None) -> str:
    """Text for matching: quotes and dashes unified, case folded, no whitespace at all
    (element text joins blocks without spaces, extracted text with one)."""
    if not text:
        return ""
    if not text.isascii():
        for a, b in PUNCT_REPLACEMENTS:
            if a in text:
                text = text.replace(a, b)
    return "".join(text.split()).casefold()


def parse(html: str | bytes, content_type: str | bytes | None = None) -> LexborHTMLParser:
    return LexborHTMLParser(parser_input(html, content_type))


# -- classes -------------------------------------------------------------------------

@lru_cache(maxsize=4096)
def norm_class(cls: str) -> str:
    """``post-12345`` -> ``post-#``, ``css-1x9fq2`` -> ``css-#``, ``sc-AxjAm`` -> ``sc-#``."""
    parts = re.split(r"([_\-]+)", cls)
    out = []
    for p in parts:
        if p and p[0] not in "_-" and (_DIGITS.search(p) or _HASHY.match(p)):
            out.append("#")
        else:
            out.append(p)
    return "".join(out)


def node_classes(node) -> list[str]:
    """The node's normalised classes, per-post WordPress classes dropped on body/article."""
    raw = (node.attributes.get("class") or "").split()
    per_post = node.tag in ("body", "article")
    out = set()
    for c in raw:
        if per_post and (_PER_POST.match(c) or c in ("post", "page")):
            continue
        out.add(norm_class(c))
    return sorted(out)


def step(node) -> str:
    """One path step: tag, normalised classes, data-* attribute names."""
    attrs = node.attributes
    data = sorted(k for k in attrs if k.startswith("data-"))
    return node.tag + "".join("." + c for c in node_classes(node)) + "".join(f"[{d}]" for d in data)


def in_furniture(node) -> bool:
    """Is node inside teaser tiles, sidebars, bio boxes, nav, footers ...?"""
    node = node.parent if node is not None else None
    while node is not None and node.tag not in ("body", "html"):
        if node.tag in _FURNITURE_TAGS:
            return True
        cls = (node.attributes.get("class") or "").lower()
        if cls and not _FURNITURE_WORDS.isdisjoint(_CLASS_SPLIT.split(cls)):
            return True
        node = node.parent
    return False


# -- locating values -----------------------------------------------------------------

class TextIndex:
    """The page's visible text, squashed, as one string in document order, with the
    text node behind every offset: a value is found with str.find, however many inline
    elements (links, emphasis) it spans."""

    def __init__(self, tree) -> None:
        self.tree = tree
        self.nodes: list[tuple[int, Any]] = []  # (document position, text node)
        self.starts: list[int] = []  # offset of each text node in self.full
        parts: list[str] = []
        offset = 0
        root = tree.body
        if root is not None:
            for pos, node in enumerate(root.traverse(include_text=True)):
                if node.tag != "-text":
                    continue
                parent = node.parent
                if parent is None or parent.tag in _SKIP_PARENTS:
                    continue
                s = squash(node.text_content)
                if s:
                    self.nodes.append((pos, node))
                    self.starts.append(offset)
                    parts.append(s)
                    offset += len(s)
        self.full = "".join(parts)
        self._sizes: dict[int, int] = {}

    def _size(self, el) -> int:
        key = el.mem_id
        if key not in self._sizes:
            self._sizes[key] = len(squash(el.text(deep=True)))
        return self._sizes[key]

    def locate(self, value: str, *, slack: float = 1.5, extra: int = 40) -> list[tuple[int, Any]]:
        """[(position, element)] in document order: for every occurrence of value in the
        page's text, the lowest element holding all of it, unless that element holds
        much more text than value (then it is a container, not the value's element)."""
        target = squash(value)
        if not target:
            return []
        budget = len(target) * slack + extra
        found: dict[int, tuple[int, Any]] = {}
        full, starts, nodes = self.full, self.starts, self.nodes
        o = full.find(target)
        while o != -1:
            i = bisect_right(starts, o) - 1
            j = bisect_right(starts, o + len(target) - 1) - 1
            el = nodes[i][1].parent if i == j else _lca([nodes[i][1], nodes[j][1]])
            if el is not None and el.mem_id not in found and self._size(el) <= budget:
                found[el.mem_id] = (nodes[i][0], el)
            o = full.find(target, o + 1)
        return sorted(found.values(), key=lambda pe: pe[0])


def _primary(matches: list[tuple[int, Any]], headings: bool = False):
    """The match the value most likely came from: outside furniture, a heading for
    headlines, then the first in the document."""
    if not matches:
        return None

    def rank(pe):
        pos, el = pe
        return (in_furniture(el), _HEADINGS.get(el.tag, 9) if headings else 0, pos)

    return min(matches, key=rank)


def _path(node) -> list[str]:
    out = []
    for _ in range(ANCESTORS + 1):
        if node is None or node.tag in ("body", "html", "-document", "#document"):
            break
        out.append(step(node))
        node = node.parent
    return out


def _path_classes(node, *, inside: bool = True) -> set[str]:
    classes: set[str] = set()
    n = node
    for _ in range(ANCESTORS + 1):
        if n is None or n.tag in ("body", "html", "-document", "#document"):
            break
        classes.update(node_classes(n))
        n = n.parent
    if inside and node is not None:
        for d in node.traverse():
            if d.mem_id != node.mem_id:
                classes.update(node_classes(d))
    return classes


def _field_fp(node, pos: int, extra_classes: Iterable[str] = (), inside: bool = True) -> dict:
    classes = _path_classes(node, inside=inside) | set(extra_classes)
    return {"found": True, "path": _path(node), "classes": sorted(classes), "pos": pos}


_NOT_FOUND = {"found": False, "path": [], "classes": [], "pos": None}


def _lca(nodes: list) -> Any:
    chains = []
    for n in nodes:
        chain = []
        while n is not None and n.tag not in ("html", "-document", "#document"):
            chain.append(n)
            n = n.parent
        chains.append(chain[::-1])
    common = None
    for level in zip(*chains):
        if all(x.mem_id == level[0].mem_id for x in level):
            common = level[0]
        else:
            break
    return common


_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_DATE_SEL = "time, [datetime], [data-datetime], [itemprop=datePublished], [class*=date], [class*=time]"


def _date_tokens(iso: str) -> list[str]:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", iso or "")
    if not m:
        return []
    from datetime import date, timedelta

    d0 = date(int(m[1]), int(m[2]), int(m[3]))
    out = []
    for delta in (-1, 0, 1):  # the page shows local time, the item UTC
        d = d0 + timedelta(days=delta)
        mon = _MONTHS[d.month - 1]
        out += [d.isoformat(), f"{mon}{d.day},{d.year}", f"{d.day}{mon}", f"{d.month}/{d.day}/{d.year}"]
    return out


def _locate_date(tree, published: str):
    """The visible date element: the first one (outside furniture) whose text or date
    attribute shows the published day, else the first date element at all."""
    body = tree.body
    if body is None:
        return None
    tokens = _date_tokens(published)
    first = None
    for node in body.css(_DATE_SEL):
        if in_furniture(node):
            continue
        attrs = node.attributes
        text = squash(node.text(deep=True))
        if len(text) > 80 or node.tag in ("body", "main", "article"):
            continue
        hay = text + " " + " ".join(squash(attrs.get(k))
                                    for k in ("datetime", "data-datetime", "content") if attrs.get(k))
        hay = hay.replace("sept", "sep")
        if tokens and any(t in hay for t in tokens):
            return node
        if first is None and (node.tag == "time" or "datetime" in attrs or "data-datetime" in attrs):
            first = node
    return first


# -- the fingerprint -----------------------------------------------------------------

def fingerprint(html: str | bytes, item: dict, *, tree=None) -> dict:
    """The structure around each extracted field of item on this page (see module doc)."""
    tree = tree if tree is not None else parse(html)
    index = TextIndex(tree)
    fields: dict[str, Any] = {}

    headline = item.get("headline") or ""
    if headline:
        p = _primary(index.locate(headline, slack=1.2, extra=20), headings=True)
        fields["headline"] = _field_fp(p[1], p[0]) if p else dict(_NOT_FOUND)
    else:
        fields["headline"] = None

    dek = item.get("dek") or ""
    if dek:
        p = _primary(index.locate(dek, slack=1.2, extra=20))
        fields["dek"] = _field_fp(p[1], p[0]) if p else dict(_NOT_FOUND)
    else:
        fields["dek"] = None

    authors = [a for a in (item.get("authors") or []) if isinstance(a, str) and a.strip()]
    if authors:
        located = [p for p in (_primary(index.locate(a, slack=1.0, extra=40)) for a in authors) if p]
        if located:
            paths = sorted({tuple(_path(el)) for _, el in located})
            classes: set[str] = set()
            for _, el in located:
                classes |= _path_classes(el)
            fields["authors"] = {"found": True, "path": list(paths[0]),
                                 "paths": [list(p) for p in paths], "classes": sorted(classes),
                                 "pos": min(pos for pos, _ in located)}
        else:
            fields["authors"] = dict(_NOT_FOUND)
    else:
        fields["authors"] = None

    published = item.get("published") or ""
    if published:
        node = _locate_date(tree, published)
        fields["published"] = _field_fp(node, _doc_pos(index, node)) if node is not None \
            else dict(_NOT_FOUND)
    else:
        fields["published"] = None

    body = [b for b in (item.get("body") or []) if isinstance(b, str)]
    if body:
        paras = [b for b in body if len(b) >= MIN_PARAGRAPH][:BODY_PARAGRAPHS] or body[:BODY_PARAGRAPHS]
        located = [p for p in (_primary(index.locate(b, slack=1.1, extra=10)) for b in paras) if p]
        if located:
            els = [el for _, el in located]
            container = _lca(els) if len(els) > 1 else els[0].parent
            para_steps = sorted({step(el) for el in els})
            para_classes = set()
            for el in els:
                para_classes.update(node_classes(el))
            fp = _field_fp(container, min(pos for pos, _ in located), para_classes, inside=False)
            fp["paragraphs"] = para_steps
            fields["body"] = fp
        else:
            fields["body"] = dict(_NOT_FOUND)
    else:
        fields["body"] = None

    order = sorted((f for f in FIELDS if fields[f] and fields[f].get("found")),
                   key=lambda f: fields[f]["pos"])
    for f in FIELDS:
        if fields[f]:
            fields[f].pop("pos", None)
    body_node = tree.body
    return {
        "version": VERSION,
        "page": {
            "layout": item.get("layout"),
            "body_classes": node_classes(body_node) if body_node is not None else [],
            "order": order,
        },
        "fields": fields,
    }


def _doc_pos(index: TextIndex, node) -> int:
    """Document position of node: that of its first text node (else of the next one)."""
    ids = {d.mem_id for d in node.traverse(include_text=True)}
    for pos, tnode in index.nodes:
        if tnode.mem_id in ids:
            return pos
    return 10**9


# -- comparing -----------------------------------------------------------------------

def _tokens(fp: dict) -> set[str]:
    toks = {"." + c for c in fp.get("classes", ())}
    for path in fp.get("paths") or [fp.get("path") or []]:
        for s in path:
            toks.add("<" + s.split(".", 1)[0].split("[", 1)[0] + ">")
            toks.update("[" + a for a in s.split("[")[1:])
    for s in fp.get("paragraphs", ()):
        toks.add("paragraph " + s)
    return toks


def _short(items: list[str], n: int = 5) -> str:
    return ", ".join(items[:n]) + (f" (+{len(items) - n} more)" if len(items) > n else "")


def _entry(field: str, appeared: list[str], vanished: list[str], note: str = "") -> dict:
    bits = []
    if appeared:
        bits.append(f"appeared {_short(appeared)}")
    if vanished:
        bits.append(f"vanished {_short(vanished)}")
    if note:
        bits.append(note)
    return {"field": field, "appeared": appeared, "vanished": vanished,
            "summary": f"{field}: " + "; ".join(bits)}


_WEIGHT = {"headline": 3, "body": 3}


def _moved(rorder: list[str], corder: list[str]) -> dict[str, tuple[str, str]]:
    """Fields whose place among the others changed: those outside a heaviest common
    subsequence of the two orders -> (what they followed then, what they follow now).
    Headline and body weigh more, so a byline moved below the body is reported as the
    byline moving, not as the body moving up."""
    common = set(rorder) & set(corder)
    r = [f for f in rorder if f in common]
    c = [f for f in corder if f in common]
    n, m = len(r), len(c)
    table = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            table[i][j] = (table[i + 1][j + 1] + _WEIGHT.get(r[i], 1) if r[i] == c[j]
                           else max(table[i + 1][j], table[i][j + 1]))
    keep, i, j = set(), 0, 0
    while i < n and j < m:
        if r[i] == c[j]:
            keep.add(r[i])
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1

    def place(order: list[str], f: str) -> str:
        k = order.index(f)
        before = next((x for x in reversed(order[:k]) if x in keep), None)
        after = next((x for x in order[k + 1:] if x in keep), None)
        if before and after:
            return f"between {before} and {after}"
        return f"after {before}" if before else (f"before {after}" if after else "alone")

    return {f: (place(r, f), place(c, f)) for f in c if f not in keep}


def compare(recorded: dict, current: dict) -> list[dict]:
    """[] when both fingerprints describe the same template; else one entry per field
    (and "page") naming what appeared and vanished around it."""
    if recorded.get("version") != current.get("version"):
        return [_entry("page", [f"fingerprint version {current.get('version')}"],
                       [f"fingerprint version {recorded.get('version')}"],
                       "recorded by another fingerprint version: record the baseline again")]
    out: list[dict] = []
    rp, cp = recorded.get("page", {}), current.get("page", {})
    appeared, vanished = [], []
    if rp.get("layout") and cp.get("layout") and rp.get("layout") != cp.get("layout"):
        appeared.append(f"layout {cp.get('layout')}")
        vanished.append(f"layout {rp.get('layout')}")
    rb, cb = set(rp.get("body_classes", ())), set(cp.get("body_classes", ()))
    appeared += sorted("body." + c for c in cb - rb)
    vanished += sorted("body." + c for c in rb - cb)
    if appeared or vanished:
        out.append(_entry("page", appeared, vanished))

    rf, cf = recorded.get("fields", {}), current.get("fields", {})
    moved = _moved(rp.get("order", []), cp.get("order", []))
    for field in FIELDS:
        r, c = rf.get(field), cf.get(field)
        if r is None and c is None:
            continue
        if r is None or c is None:
            if field not in REQUIRED:
                continue
            if c is None:
                out.append(_entry(field, [], sorted(_tokens(r)), "no value on this page"))
            else:  # recorded empty, now present: the recording was broken, not this page
                continue
            continue
        if r.get("found") and not c.get("found"):
            out.append(_entry(field, [], sorted(_tokens(r)), "value no longer in any element"))
            continue
        if not r.get("found") and c.get("found"):
            out.append(_entry(field, sorted(_tokens(c)), [], "value now in an element"))
            continue
        appeared, vanished, note = [], [], ""
        if r.get("found"):
            rt, ct = _tokens(r), _tokens(c)
            appeared, vanished = sorted(ct - rt), sorted(rt - ct)
            if not appeared and not vanished and (r.get("path") != c.get("path")
                                                  or r.get("paths") != c.get("paths")):
                note = (f"path {' < '.join(c.get('path', []))}"
                        f" (was {' < '.join(r.get('path', []))})")
        if field in moved:
            was, now = moved[field]
            appeared.append(f"place: {now}")
            vanished.append(f"place: {was}")
        if appeared or vanished or note:
            out.append(_entry(field, appeared, vanished, note))
    return out
