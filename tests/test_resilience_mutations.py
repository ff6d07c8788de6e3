"""The resilience benchmark's mutation kinds do what their labels say (benchmarks/resilience).

Each kind, applied to shipped pages of both layouts (and a staff piece without a byline):
changes the page, leaves parseable HTML, and is consistent with its label: a "right exists"
kind keeps every right field findable in the page it makes; a "no right extraction" kind
leaves some part of the shipped article no longer on the page intact. The runner's
classification is checked on unmutated pages, whose verdict the snapshot suite keeps healthy.
"""

from __future__ import annotations

import codecs
import functools
import json
import re
import sys
import unicodedata
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks" / "resilience"))

import run  # noqa: E402
from anatomy import squeeze  # noqa: E402
from base import NONE, RIGHT, AnyOf, Kind, Mutated, NotApplicable  # noqa: E402
from holdout import HOLDOUT  # noqa: E402
from holdout2 import HOLDOUT2  # noqa: E402
from holdout3 import HOLDOUT3  # noqa: E402
from holdout4 import HOLDOUT4  # noqa: E402
from holdout5 import HOLDOUT5  # noqa: E402
from holdout6 import HOLDOUT6  # noqa: E402
from holdout7 import HOLDOUT7  # noqa: E402
from holdout8 import HOLDOUT8  # noqa: E402
from holdout9 import HOLDOUT9  # noqa: E402
from holdout10 import HOLDOUT10  # noqa: E402
from holdout11 import HOLDOUT11  # noqa: E402
from holdout12 import HOLDOUT12  # noqa: E402
from holdout13 import HOLDOUT13  # noqa: E402
from holdout14 import HOLDOUT14  # noqa: E402
from holdout15 import HOLDOUT15  # noqa: E402
from holdout16 import HOLDOUT16  # noqa: E402
from holdout17 import HOLDOUT17  # noqa: E402
from holdout18 import HOLDOUT18  # noqa: E402
from holdout19 import HOLDOUT19  # noqa: E402
from holdout20 import HOLDOUT20  # noqa: E402
from holdout21 import HOLDOUT21  # noqa: E402
from holdout22 import HOLDOUT22  # noqa: E402
from holdout23 import HOLDOUT23  # noqa: E402
from mutations import TUNING  # noqa: E402

PAGES = (  # gamurs-blocks, Destructoid's own theme, a staff piece (no byline)
    "dotesports/10-things-we-want-to-see-in-the-spring-split-after-the-tiebreaker-rules",
    "destructoid/starfall-tactics-review-worth-the-wait",
    "twinfinite/hollow-crown-release-schedule-times-and-what-to-expect",
)
# read only for a kind that applies to none of PAGES: a codes page, a list among the article's text
LIST_PAGE = "themarysue/all-crimson-arcana-codes-august-2025"


def _sample(page: str):
    from pressguard.verdict.assess import _final_page
    from pressguard.cassettes.store import open_cassette, recording_info
    from pressguard.extract import extract_article

    site, slug = page.split("/")
    cassette = open_cassette(ROOT / "cassettes" / site / f"{slug}.yaml")
    url, body = _final_page(cassette)
    fetched_at = recording_info(cassette).get("fetched_at")
    item = extract_article(body, url, site=site, fetched_at=fetched_at)
    return run.Sample(site, slug, url, body.decode("utf-8"), "text/html; charset=UTF-8", fetched_at,
                      {f: item[f] for f in run.FIELDS})


@pytest.fixture(scope="module")
def samples():
    return [_sample(p) for p in PAGES]


@pytest.fixture(scope="module")
def list_sample():
    return _sample(LIST_PAGE)


# Each kind's page made from the first of PAGES, made once: the label, JSON-LD and
# reproducibility tests all read it (each made it again: some 40 s of the suite's CPU).
_MADE: dict = {}


def _made(kind: Kind, samples):
    """kind.apply(samples[0]), remembered (a NotApplicable too)."""
    sample = samples[0]
    if kind.name not in _MADE:
        try:
            _MADE[kind.name] = kind.apply(sample)
        except NotApplicable as reason:
            _MADE[kind.name] = reason
    made = _MADE[kind.name]
    if isinstance(made, NotApplicable):
        raise made.with_traceback(None)
    return made


def _decoded(mutated) -> str:
    """The page as a browser reads it: bytes in the charset of their Content-Type."""
    if isinstance(mutated.html, str):
        return mutated.html
    # a UTF-8 byte-order mark wins over the header's charset, as browsers sniff it first
    if mutated.html.startswith(codecs.BOM_UTF8):
        return mutated.html[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    ct = mutated.content_type or ""
    # a browser replaces bytes its charset cannot decode (a chunk boundary inside a character)
    return mutated.html.decode(ct.split("charset=")[-1] if "charset=" in ct else "utf-8", errors="replace")


def _shown_text(mutated) -> str:
    """_visible_text of the page, or, for a response a browser does not render as HTML
    (text/plain, JSON), its source as the reader sees it."""
    mime = (mutated.content_type or "text/html").split(";")[0].strip().lower()
    if mime not in ("text/html", "application/xhtml+xml"):
        return squeeze(_decoded(mutated)).lower()
    return _visible_text(_decoded(mutated))


def _visible_text(html: str) -> str:
    """The squeezed, lower-cased text a reader sees or can open (no scripts, styles,
    attributes; a <template>'s content counts, as a "Continue reading" button shows it),
    without invisible format characters (soft hyphens, zero-width spaces, bidi marks) and
    without screen-reader-only text (the sr-only / visually-hidden utility classes)."""
    tree = LexborHTMLParser(html)
    for node in tree.css("script, style, noscript, svg, .sr-only, .visually-hidden"):
        node.decompose()
    text = tree.body.text(deep=True) if tree.body is not None else ""
    # a heading set as an image states its words in the alt text (what a screen reader reads)
    text += " ".join(img.attributes.get("alt") or "" for img in tree.css("h1 img, h2 img"))
    for template in tree.css("template"):
        inner = template.html[template.html.index(">") + 1: template.html.rindex("<")]
        text += " " + LexborHTMLParser(f"<body>{inner}</body>").body.text(deep=True)
    return _NON_ASCII.sub(_unless_format, squeeze(text)).lower()


_NON_ASCII = re.compile(r"[^\x00-\x7f]")  # no ASCII character is a format character (Cf)


def _unless_format(match) -> str:
    return "" if unicodedata.category(match.group()) == "Cf" else match.group()


@functools.lru_cache(maxsize=8)
def _shipped(html: str):
    """The shipped page's visible text, spaced text and element texts, which every "no right
    extraction" kind's page is compared with: computed once a page, not once a kind."""
    return _visible_text(html), _spaced_text(html), _element_texts(html)


def _spaced_text(html: str) -> str:
    """The page's text with its spaces (runs collapsed, lower-cased)."""
    tree = LexborHTMLParser(html)
    for node in tree.css("script, style, noscript, svg"):
        node.decompose()
    return " ".join((tree.body.text(deep=True) if tree.body is not None else "").split()).lower()


def _element_texts(html: str) -> set:
    """The squeezed, lower-cased whole text of every element of the page's <body>."""
    tree = LexborHTMLParser(html)
    for node in tree.css("script, style, noscript, svg"):
        node.decompose()
    if tree.body is None:
        return set()
    return {squeeze(n.text(deep=True)).lower() for n in tree.body.traverse(include_text=False)}


def _blocks_unwrapped(sample, html: str) -> bool:
    """Whether a block of the body that was the whole text of an element in the shipped page
    no longer is in html."""
    before, after = _shipped(sample.html)[2], _element_texts(html)
    blocks = [squeeze(b).lower() for b in sample.expected["body"]]
    return any(b in before and b not in after for b in blocks)


def _article_run(text: str, parts) -> int:
    """How long the stretch of text is from the body's first block to the end of its last
    (-1 when either is not in the text)."""
    blocks = [squeeze(v).lower() for f, v in parts if f == "body" and squeeze(v)]
    if not blocks:
        return -1
    start, end = text.find(blocks[0]), text.rfind(blocks[-1])
    return end + len(blocks[-1]) - start if start >= 0 and end >= 0 else -1


def _moment(value: str):
    from datetime import datetime, timezone
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def _stamped(html: str):
    """The moment the page's article:published_time meta states (None: no such meta)."""
    meta = LexborHTMLParser(html).css_first('meta[property="article:published_time"]')
    return _moment(meta.attributes.get("content") or "") if meta is not None else None


def _findable(value, text: str) -> bool:
    return squeeze(value).lower() in text


def _right_parts(expected: dict) -> list[tuple[str, str]]:
    first = lambda v: v.values[0] if isinstance(v, AnyOf) else v  # noqa: E731
    parts = [("headline", first(expected["headline"]))]
    dek = expected["dek"]
    if dek and not isinstance(dek, AnyOf):
        parts.append(("dek", dek))
    parts += [("authors", a) for a in first(expected["authors"])]
    body = expected["body"]
    parts += [("body", p) for p in (body.values[0] if isinstance(body, AnyOf) else body)]
    return parts


ALL = TUNING + HOLDOUT + HOLDOUT2 + HOLDOUT3 + HOLDOUT4 + HOLDOUT5 + HOLDOUT6 + HOLDOUT7 + HOLDOUT8 + HOLDOUT9 + HOLDOUT10 + HOLDOUT11 + HOLDOUT12 + HOLDOUT13 + HOLDOUT14 + HOLDOUT15 + HOLDOUT16 + HOLDOUT17 + HOLDOUT18 + HOLDOUT19 + HOLDOUT20 + HOLDOUT21 + HOLDOUT22 + HOLDOUT23


def test_the_sets_are_big_enough_and_disjoint():
    assert len(TUNING) >= 20 and len(HOLDOUT) >= 8 and len(HOLDOUT2) >= 10 and len(HOLDOUT3) >= 15 \
        and len(HOLDOUT4) >= 15 and len(HOLDOUT5) >= 15 and len(HOLDOUT6) >= 15 and len(HOLDOUT7) >= 12 \
        and len(HOLDOUT8) >= 14 and len(HOLDOUT9) >= 18 and len(HOLDOUT10) >= 18 and len(HOLDOUT11) >= 18 \
        and len(HOLDOUT12) >= 18 and len(HOLDOUT13) >= 20 and len(HOLDOUT14) >= 20 \
        and len(HOLDOUT15) >= 24 and len(HOLDOUT16) >= 20 and len(HOLDOUT17) >= 24 \
        and len(HOLDOUT18) >= 24 and len(HOLDOUT19) >= 24 and len(HOLDOUT20) >= 24 \
        and len(HOLDOUT21) >= 24 and len(HOLDOUT22) >= 24 and len(HOLDOUT23) >= 24
    names = [k.name for k in ALL]
    assert len(names) == len(set(names)), "a kind is in both sets, or twice"
    assert all(k.label in (RIGHT, NONE) and k.why for k in ALL)
    assert {k.label for k in TUNING} == {RIGHT, NONE}
    assert {k.label for k in HOLDOUT} == {RIGHT, NONE}
    assert {k.label for k in HOLDOUT2} == {RIGHT, NONE}
    assert {k.label for k in HOLDOUT3} == {RIGHT, NONE}
    assert {k.label for k in HOLDOUT4} == {RIGHT, NONE}
    assert {k.label for k in HOLDOUT5} == {RIGHT, NONE}
    assert {k.label for k in HOLDOUT6} == {RIGHT, NONE}
    assert {k.label for k in HOLDOUT7} == {RIGHT, NONE}
    assert {k.label for k in HOLDOUT8} == {RIGHT, NONE}
    assert {k.label for k in HOLDOUT9} == {RIGHT, NONE}
    assert {k.label for k in HOLDOUT10} == {RIGHT, NONE}
    assert {k.label for k in HOLDOUT11} == {RIGHT, NONE}
    assert {k.label for k in HOLDOUT12} == {RIGHT, NONE}
    assert {k.label for k in HOLDOUT13} == {RIGHT, NONE}
    assert {k.label for k in HOLDOUT14} == {RIGHT, NONE}
    assert {k.label for k in HOLDOUT15} == {RIGHT, NONE}
    assert {k.label for k in HOLDOUT16} == {RIGHT, NONE}
    assert {k.label for k in HOLDOUT17} == {RIGHT, NONE}
    assert {k.label for k in HOLDOUT18} == {RIGHT, NONE}
    assert {k.label for k in HOLDOUT19} == {RIGHT, NONE}
    assert {k.label for k in HOLDOUT20} == {RIGHT, NONE}
    assert {k.label for k in HOLDOUT21} == {RIGHT, NONE}
    assert {k.label for k in HOLDOUT22} == {RIGHT, NONE}
    assert {k.label for k in HOLDOUT23} == {RIGHT, NONE}


@pytest.mark.parametrize("kind", ALL, ids=lambda k: k.name)
def test_kind_changes_the_page_and_keeps_its_label(kind: Kind, samples, request):
    applied = 0
    for sample in [*samples, None]:
        if sample is None:  # after PAGES: LIST_PAGE, for a kind none of them has the part for
            if applied:
                break
            sample = request.getfixturevalue("list_sample")
        try:
            mutated = _made(kind, samples) if sample is samples[0] else kind.apply(sample)
        except NotApplicable:
            continue
        applied += 1
        assert isinstance(mutated, Mutated)
        raw = mutated.html if isinstance(mutated.html, bytes) else mutated.html.encode("utf-8")
        # a kind may change only the response's Content-Type (the bytes as they were)
        assert raw != sample.html.encode("utf-8") or mutated.content_type not in (None, sample.content_type), \
            f"{kind.name} left {sample.page} unchanged"
        text = _shown_text(mutated)
        assert text, f"{kind.name} on {sample.page}: no text in the mutated page"
        if kind.label == RIGHT:
            assert mutated.expected is not None
            assert set(mutated.expected) == set(run.FIELDS)
            missing = [(f, v) for f, v in _right_parts(mutated.expected) if not _findable(v, text)]
            assert not missing, f"{kind.name} on {sample.page}: right field text not on the page: {missing[:2]}"
        else:
            assert mutated.expected is None
            # "By <first author>" counts as the byline: the name alone is also in bio boxes
            parts = _right_parts(sample.expected)
            parts = [(f, f"by{v}" if f == "authors" else v) for f, v in parts]
            gone = [f for f, v in parts if not _findable(v, text)]
            # or the article (or its headline) is on the page more than once (a body rendered twice)
            shipped, shipped_words, _ = _shipped(sample.html)
            repeated = [v for f, v in parts if f in ("body", "headline") and v
                        and text.count(squeeze(v).lower()) > shipped.count(squeeze(v).lower())]
            # or its paragraphs no longer in their order, or its date no longer on the page
            at = [text.find(squeeze(v).lower()) for f, v in parts if f == "body"]
            reordered = at != sorted(at)
            published = sample.expected["published"]
            undated = bool(published) and published[:10] not in _decoded(mutated)
            # or its headline and standfirst no longer in their order (the fields shown in each
            # other's place), or the page's own publication stamp now another moment
            top = [text.find(squeeze(v).lower()) for f, v in parts if f in ("headline", "dek")]
            reordered = reordered or top != sorted(top)
            restamped = bool(published) and _stamped(_decoded(mutated)) not in (None, _moment(published))
            # or words of a paragraph or of the headline run together (squeezed text cannot see
            # it), or markup shown as text where the shipped page showed none
            words = _spaced_text(_decoded(mutated))
            glued = any(" ".join(v.split()).lower() not in words for f, v in parts if f in ("body", "headline"))
            markup = text.count("<") > shipped.count("<")
            # or a writer's name no longer printed as written after "By" (its words run together),
            # a block of the body no longer the whole text of an element (paragraphs run into one
            # text, words added inside one), or text added inside the article's run of blocks
            said = [f"by {' '.join(n.split()).lower()}" for n in sample.expected["authors"]]
            renamed = any(n in shipped_words and n not in words for n in said)
            unwrapped = _blocks_unwrapped(sample, _decoded(mutated))
            intruded = _article_run(text, parts) > _article_run(shipped, parts)
            assert gone or repeated or reordered or undated or restamped or glued or markup \
                or renamed or unwrapped or intruded, \
                f"{kind.name} on {sample.page}: the whole shipped article is still on the page, once"
    assert applied, f"{kind.name} applies to none of {(*PAGES, LIST_PAGE)}"


@pytest.mark.parametrize("kind", ALL, ids=lambda k: k.name)
def test_jsonld_stays_valid_json(kind: Kind, samples):
    try:
        mutated = _made(kind, samples)
    except NotApplicable:
        pytest.skip("not applicable to this page")
    for script in LexborHTMLParser(_decoded(mutated)).css('script[type="application/ld+json"]'):
        try:
            json.loads(script.text())
        except ValueError:
            if mutated.expected is None and isinstance(mutated.html, bytes):
                pytest.skip("a fault in the response's bytes: the JSON-LD is as damaged as the rest")
            raise


def test_mutations_are_reproducible(samples):
    for kind in ALL:  # made again, the page the other tests read (or made now) is the same
        try:
            first = _made(kind, samples)
        except NotApplicable:
            continue
        assert kind.apply(samples[0]).html == first.html, kind.name


def _identity(label):
    return Kind("identity", label, "the page as shipped",
                lambda s: Mutated(s.html, dict(s.expected) if label == RIGHT else None))


def test_runner_classifies_an_unmutated_page(samples):
    """A shipped page is healthy (the snapshot suite asserts it): unchanged with a right
    extraction it survives; labelled as having none, a healthy verdict is silent."""
    from pressguard.verdict.assess import template_baseline

    baseline = lambda site: template_baseline(str(ROOT / "cassettes"), site)  # noqa: E731
    kept = run.run_case(_identity(RIGHT), samples[1], baseline)
    assert (kept["outcome"], kept["differs"]) == ("survived", [])
    wrong = run.run_case(_identity(NONE), samples[1], baseline)
    assert wrong["outcome"] == "silent"


def test_runner_compares_fields_after_whitespace_and_alternatives():
    expected = {"headline": "A  title", "dek": AnyOf((None, "Sum")), "authors": ["A B"],
                "published": "2025", "body": ["One  two", "three"]}
    item = {"headline": "A title", "dek": None, "authors": ["A  B"], "published": "2025",
            "body": ["One two", "three"]}
    assert run.differing(item, expected) == []
    assert run.differing(dict(item, dek="Other", body=["One two"]), expected) == ["dek", "body"]


def test_reserialising_alone_changes_no_field(samples):
    """Mutations write the page back through lexbor: that alone must not move a field, or
    the benchmark would blame the kind for the serializer."""
    from anatomy import parse
    from pressguard.extract import extract_article

    for sample in samples:
        item = extract_article(parse(sample.html).html, sample.url, site=sample.site,
                               fetched_at=sample.fetched_at)
        assert run.differing(item, sample.expected) == [], sample.page


@pytest.mark.parametrize("args, says", [
    (["--kinds", "no_such_kind"], "unknown kind(s) no_such_kind"),
    (["--root", "/nonexistent/project"], "/nonexistent/project/cassettes is not a folder"),
    (["--pages", "0"], "--pages must be at least 1"),
])
def test_runner_bad_usage_exits_2_with_one_line(args, says, tmp_path):
    import subprocess

    out = tmp_path / "cases.json"
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "resilience" / "run.py"), *args,
                           "--json", str(out)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert says in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert not out.exists()
