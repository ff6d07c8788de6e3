"""Composed changes: two or three existing kinds applied one after another to the same page.

A real redesign rarely ships one change: a new wrapper, a new byline widget and a lazy-loader
arrive together. The sets written so far are tuned on one kind at a time, so a check that
misreads two harmless changes together, or a breakage that a harmless change hides from its
check, stays unseen. This set draws combinations of the kinds of the tuning set and of
holdout..holdout19 (never a set kept blind) with a seeded random source, and applies each to a
few of the sampled pages (run.COMPOSED_SETS names the sets drawn from; a sealed set never is):

- each part sees the page and the right fields the part before it left (a new Sample built from
  the previous Mutated); a part whose right fields are None (no right extraction) leaves the
  fields before it, so that the later parts still find the article's parts by their text
- the parts that change the page's bytes (an encoding, a framing) go last: a chain with two of
  them cannot be built and counts as n/a
- RIGHT only if every part leaves a right extraction (the right fields are the last part's, with
  an earlier part's alternatives kept for the fields the later parts leave alone); NONE if any
  part leaves none; a part that does not apply to the page makes the case n/a

Every kind appears at least once: the RIGHT kinds first each get a NONE partner (the breakage a
harmless change may hide) or another RIGHT kind (two harmless changes a check may misread
together), then more pairs and triples are drawn until there are `count` combinations.
"""

from __future__ import annotations

import html as htmllib
import random
from dataclasses import replace

from base import NONE, RIGHT, AnyOf, Kind, Mutated, NotApplicable, Sample

FIELDS = ("headline", "dek", "authors", "published", "body")

# Kinds whose right fields are the extractor's reading of the page they make (the extractor is
# exact on a shipped page): after another part, the extractor's reading of that part's page may
# be wrong, so only the fields this part changes (its page read against the page it was given)
# are taken from it.
LABELLED_BY_EXTRACTION = frozenset({"shift_jis_header_only"})


def _plain(expected: dict, page: str, given: str | None = None) -> dict:
    """The right fields with one value each, for a later part to find the article's parts by:
    an alternative's first, unless the part rewrote some of the places that printed it (the page
    prints it fewer times than the page the part was given) and printed another alternative
    anew: then that one, the form the field now has (byline_all_caps's names in capitals; its
    first alternative, the names as written before, is still in the author picture's alt text:
    a later part looking for those would miss the byline and leave the writer named)."""
    text = htmllib.unescape(page)
    old = htmllib.unescape(given) if given is not None else ""

    def pieces(value) -> list:
        return value if isinstance(value, list) else [value]

    def rewritten(value) -> bool:
        return any(isinstance(v, str) and v and text.count(v) < old.count(v) for v in pieces(value))

    def anew(value) -> bool:
        return all(isinstance(v, str) and v in text for v in pieces(value)) and \
            any(isinstance(v, str) and v and text.count(v) > old.count(v) for v in pieces(value))

    def one(v):
        if not isinstance(v, AnyOf):
            return v
        first = v.values[0]
        if given is None or not rewritten(first):
            return first
        return next((o for o in v.values[1:] if anew(o)), first)

    return {f: one(v) for f, v in expected.items()}


def chain(parts: list[Kind], sample: Sample) -> Mutated:
    """The parts applied one after another to sample (NotApplicable if any part is)."""
    order, moved = list(parts), None
    while True:
        try:
            return _apply(order, sample)
        except _BytesTooEarly as exc:
            # the part that changed the bytes goes last; a second one cannot follow it
            if moved is not None:
                raise NotApplicable(f"two parts change the page's bytes ({moved.name}, "
                                    f"{order[exc.index].name})") from None
            moved = order.pop(exc.index)
            order.append(moved)


class _BytesTooEarly(Exception):
    def __init__(self, index: int):
        self.index = index


def _apply(order: list[Kind], sample: Sample) -> Mutated:
    current, right, right_exists, content_type = sample, dict(sample.expected), True, None
    for i, kind in enumerate(order):
        try:
            mutated = kind.apply(current)
        except NotApplicable as exc:
            raise NotApplicable(f"{kind.name}: {exc}") from None
        except Exception as exc:
            if i == 0:
                raise  # a kind failing on a shipped page: the runner reports it as an error
            # a kind written for shipped pages, given one an earlier part made unusual (no
            # headline text left to edit): the combination cannot be built
            raise NotApplicable(f"{kind.name} cannot edit the page {order[i - 1].name} made "
                                f"({type(exc).__name__}: {exc})") from None
        if isinstance(mutated.html, bytes) and i < len(order) - 1:
            raise _BytesTooEarly(i)
        if kind.name in LABELLED_BY_EXTRACTION and i > 0 and mutated.expected is not None and right_exists:
            mutated = replace(mutated, expected=_own_changes(current, mutated.expected))
        content_type = mutated.content_type or content_type
        if mutated.expected is None:
            right_exists = False
            carried = current.expected
        else:
            before = current.expected if right_exists else None  # the fields this part was given
            # a field this part left as it was keeps the earlier part's alternatives
            right = {f: (right[f] if before is not None and not isinstance(v, AnyOf) and v == before[f]
                         else v) for f, v in mutated.expected.items()}
            carried = _plain(mutated.expected, _text(mutated.html), current.html)
        if i < len(order) - 1:
            current = replace(current, html=mutated.html, expected=carried,
                              content_type=mutated.content_type or current.content_type)
    return Mutated(mutated.html, right if right_exists else None, content_type)


def _text(page: str | bytes) -> str:
    """A page as text to search (a part that changes the bytes goes last: nothing reads its page
    after it but the runner)."""
    return page if isinstance(page, str) else page.decode("utf-8", "replace")


def _own_changes(given: Sample, read: dict) -> dict:
    """A part labelled by extraction: the given page's right fields, changed where the extractor
    reads the part's page differently from the given page, by that difference: the part's
    reading where the extractor read the given page right; where it misread it (an earlier part
    it cannot follow), the paragraphs the part adds put into the right body, else the case
    cannot be labelled (NotApplicable)."""
    from difflib import SequenceMatcher

    from pressguard.extract import extract_article
    from run import differing, norm

    before = extract_article(given.html, given.url, site=given.site, fetched_at=given.fetched_at)
    out = dict(given.expected)
    for f in differing(before, read):
        right = given.expected[f]  # (a carried Sample's fields have one value each)
        if norm(before[f]) == norm(right):
            out[f] = read[f]  # the extractor was right on the given page: its new reading is too
            continue
        was, now = norm(before[f] or []), norm(read[f] or [])
        ops = SequenceMatcher(a=was, b=now, autojunk=False).get_opcodes() if f == "body" else []
        if f != "body" or any(op not in ("equal", "insert") for op, *_ in ops):
            raise NotApplicable(f"the extractor misread the page before this part ({f}): its own "
                                "change cannot be told apart")
        body, wanted = list(right), norm(right)
        for op, i1, _i2, j1, j2 in reversed(ops):
            if op == "insert":
                if wanted[:i1] != was[:i1]:
                    raise NotApplicable("the extractor misread the body before this part's insertion")
                body[i1:i1] = read[f][j1:j2]
        out[f] = body
    return out


def composed(parts: list[Kind]) -> Kind:
    label = NONE if any(k.label == NONE for k in parts) else RIGHT
    why = " + ".join(f"[{k.name}] {k.why}" for k in parts)
    return Kind("+".join(k.name for k in parts), label, why, lambda s, _p=tuple(parts): chain(list(_p), s))


def draw(pool: list[Kind], count: int, seed: int) -> list[list[Kind]]:
    """count combinations of pool's kinds, every kind in at least one (if count allows)."""
    rng = random.Random(seed)
    right = [k for k in pool if k.label == RIGHT]
    none = [k for k in pool if k.label == NONE]
    rng.shuffle(right)
    rng.shuffle(none)
    combos: list[list[Kind]] = []
    # every NONE kind after a RIGHT one; the RIGHT kinds left over in pairs of two
    for n, r in zip(none, right):
        combos.append([r, n])
    rest_right = right[len(none):]
    rest_none = none[len(right):]
    for i in range(0, len(rest_right) - 1, 2):
        combos.append(rest_right[i:i + 2])
    if len(rest_right) % 2:
        combos.append([rest_right[-1], rng.choice(right[:-1] or right)])
    for n in rest_none:
        combos.append([rng.choice(right), n] if right else [n])
    seen = {tuple(k.name for k in c) for c in combos}
    # then more: two harmless changes, two harmless and a breakage, three harmless
    shapes = ((RIGHT, RIGHT), (RIGHT, RIGHT, NONE), (RIGHT, RIGHT, RIGHT), (RIGHT, NONE))
    tries = 0
    while len(combos) < count and tries < count * 20:
        tries += 1
        shape = shapes[len(combos) % len(shapes)]
        picked = []
        for label in shape:
            options = [k for k in (right if label == RIGHT else none) if k not in picked]
            if not options:
                break
            picked.append(rng.choice(options))
        key = tuple(k.name for k in picked)
        if len(picked) == len(shape) and key not in seen:
            seen.add(key)
            combos.append(picked)
    rng.shuffle(combos)
    return combos[:count] if count < len(combos) else combos


def plan(pool: list[Kind], samples: list[Sample], count: int, seed: int, per_combo: int = 2):
    """(composed kind, the pages it is applied to) for count combinations; the pages of one
    combination come from different sites."""
    rng = random.Random(seed + 1)
    by_site: dict[str, list[Sample]] = {}
    for s in samples:
        by_site.setdefault(s.site, []).append(s)
    sites = sorted(by_site)
    out = []
    for parts in draw(pool, count, seed):
        chosen = rng.sample(sites, min(per_combo, len(sites)))
        out.append((composed(parts), [rng.choice(by_site[site]) for site in chosen]))
    return out
