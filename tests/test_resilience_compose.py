"""The composed resilience set (benchmarks/resilience/compose.py): kinds applied one after
another to one page, labelled RIGHT only when every part is, drawn reproducibly and broadly."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks" / "resilience"))

import compose  # noqa: E402
import run  # noqa: E402
from base import NONE, RIGHT, AnyOf, Kind, Mutated, NotApplicable, Sample, same  # noqa: E402

PAGE = "destructoid/starfall-tactics-review-worth-the-wait"


@pytest.fixture(scope="module")
def sample() -> Sample:
    from pressguard.cassettes.store import open_cassette, recording_info
    from pressguard.extract import extract_article
    from pressguard.verdict.assess import _final_page

    site, slug = PAGE.split("/")
    cassette = open_cassette(ROOT / "cassettes" / site / f"{slug}.yaml")
    url, body = _final_page(cassette)
    fetched_at = recording_info(cassette).get("fetched_at")
    item = extract_article(body, url, site=site, fetched_at=fetched_at)
    return Sample(site, slug, url, body.decode("utf-8"), "text/html; charset=UTF-8", fetched_at,
                  {f: item[f] for f in run.FIELDS})


def _kind(name, label, fn):
    return Kind(name, label, name, fn)


# small kinds that record what they saw: the page each part gets is the previous part's page
APPEND = _kind("append", RIGHT, lambda s: Mutated(s.html.replace("</body>", "<p>x1</p></body>"), same(s)))
RENAME = _kind("rename", RIGHT, lambda s: Mutated(s.html, same(s, headline=AnyOf((s.expected["headline"], "Other")))))
CUT = _kind("cut", NONE, lambda s: Mutated(s.html.replace("x1", "cut"), None))
BYTES = _kind("bytes", RIGHT, lambda s: Mutated(s.html.encode("utf-16"), same(s), "text/html; charset=utf-16"))
NEVER = _kind("never", RIGHT, lambda s: (_ for _ in ()).throw(NotApplicable("no byline")))


def test_each_part_sees_the_page_the_part_before_left(sample):
    out = compose.composed([APPEND, CUT]).apply(sample)
    assert "<p>cut</p>" in out.html and out.expected is None


def test_right_only_when_every_part_is_right_and_alternatives_are_kept(sample):
    out = compose.composed([RENAME, APPEND]).apply(sample)
    assert compose.composed([RENAME, APPEND]).label == RIGHT
    assert compose.composed([APPEND, CUT]).label == NONE
    # APPEND left the headline as the page had it: RENAME's alternatives stay right
    assert out.expected["headline"] == AnyOf((sample.expected["headline"], "Other"))
    assert out.expected["body"] == sample.expected["body"]


def test_a_part_after_a_none_part_still_finds_the_fields(sample):
    seen = []
    spy = _kind("spy", RIGHT, lambda s: seen.append(s.expected) or Mutated(s.html, same(s)))
    out = compose.composed([CUT, spy]).apply(sample)
    assert out.expected is None and seen == [sample.expected]


def test_a_part_that_changes_the_bytes_goes_last(sample):
    out = compose.composed([BYTES, APPEND]).apply(sample)
    assert isinstance(out.html, bytes) and "x1" in out.html.decode("utf-16")
    assert out.content_type == "text/html; charset=utf-16"
    with pytest.raises(NotApplicable, match="two parts change the page's bytes"):
        compose.composed([BYTES, _kind("bytes2", RIGHT, BYTES.apply), APPEND]).apply(sample)


def test_a_part_not_applicable_makes_the_case_not_applicable(sample):
    with pytest.raises(NotApplicable, match="never: no byline"):
        compose.composed([APPEND, NEVER]).apply(sample)


def test_the_draw_is_reproducible_and_covers_every_kind():
    pool = [_kind(f"r{i}", RIGHT, APPEND.apply) for i in range(9)] + \
           [_kind(f"n{i}", NONE, CUT.apply) for i in range(4)]
    first = [[k.name for k in c] for c in compose.draw(pool, 20, seed=3)]
    assert first == [[k.name for k in c] for c in compose.draw(pool, 20, seed=3)]
    assert first != [[k.name for k in c] for c in compose.draw(pool, 20, seed=4)]
    assert len(first) == 20 and len({tuple(c) for c in first}) == 20
    assert {n for c in first for n in c} == {k.name for k in pool}
    assert any(len(c) == 3 for c in first)
    # a breakage is never drawn alone, nor two of one kind in a combination
    assert all(any(n.startswith("r") for n in c) and len(set(c)) == len(c) for c in first)


def test_a_part_labelled_by_extraction_keeps_the_fields_it_does_not_change(sample):
    """shift_jis_header_only reads its right fields with the extractor: after a part whose page
    the extractor misreads (here: the byline's names gone, the authors still claimed), only the
    fields the Shift_JIS part itself changes (the body's added paragraph) come from that reading."""
    from mutations import TUNING

    sjis = next(k for k in TUNING if k.name == "shift_jis_header_only")
    name = sample.expected["authors"][0]
    unnamed = _kind("unnamed", RIGHT, lambda s: Mutated(s.html.replace(name, "Staff"), same(s)))
    out = compose.composed([unnamed, sjis]).apply(sample)
    assert out.expected["authors"] == sample.expected["authors"]
    assert len(out.expected["body"]) == len(sample.expected["body"]) + 1


def test_a_later_part_failing_on_an_earlier_parts_page_is_not_applicable(sample):
    def fails(s):
        raise AttributeError("'NoneType' object has no attribute 'attributes'")

    with pytest.raises(NotApplicable, match="broken cannot edit the page append made"):
        compose.composed([APPEND, _kind("broken", RIGHT, fails)]).apply(sample)
    with pytest.raises(AttributeError):  # failing on a shipped page: the runner's error
        compose.composed([_kind("broken", RIGHT, fails), APPEND]).apply(sample)


def test_the_draw_never_takes_a_sealed_set():
    """A set written sealed is run once, blind, on its own: --compose draws from the sets named
    in run.COMPOSED_SETS only, never from every set run.py knows."""
    assert not set(run.SEALED) & set(run.COMPOSED_SETS)
    assert set(run.COMPOSED_SETS) <= {m for m, _ in run.HELD_OUT}
    assert "holdout21" in run.COMPOSED_SETS  # measured blind once (2 December): a tuning set since


def test_a_part_labelled_by_extraction_adds_only_its_own_paragraphs_to_a_misread_body(sample):
    """After a RIGHT part whose page the extractor misreads (a comment glued after the last
    paragraph, read into the body), shift_jis_header_only's right body is the right body with
    the paragraph it adds, not its reading with the comment."""
    from pressguard.extract import extract_article
    from mutations import TUNING

    sjis = next(k for k in TUNING if k.name == "shift_jis_header_only")
    last = sample.expected["body"][-1]
    comment = "<p>Great write-up, I have been waiting for this for months and it finally seems to be happening.</p>"
    glued = _kind("glued", RIGHT, lambda s: Mutated(s.html.replace(last + "</p>", last + "</p>" + comment, 1), same(s)))
    page = glued.apply(sample).html
    assert any("Great write-up" in p for p in extract_article(page, sample.url, site=sample.site)["body"])
    out = compose.composed([glued, sjis]).apply(sample)
    assert not any("Great write-up" in p for p in out.expected["body"])
    assert len(out.expected["body"]) == len(sample.expected["body"]) + 1


def test_a_later_part_is_given_the_field_as_the_page_prints_it(sample):
    """A RIGHT part whose page prints a field in another form (byline_all_caps: the names in
    capitals, its first alternative the names as written before) hands the next part that form:
    a breakage that rewrites the names it finds on the page then reaches the byline, instead of
    missing it and leaving the page naming the writer under a NONE label."""
    name = sample.expected["authors"][0]
    caps = _kind("caps", RIGHT, lambda s: Mutated(
        s.html.replace(f">{name}<", f">{name.upper()}<"),
        same(s, authors=AnyOf((s.expected["authors"], [a.upper() for a in s.expected["authors"]])))))
    assert f">{name}<" in sample.html
    seen = []
    spy = _kind("spy", RIGHT, lambda s: seen.append(s.expected["authors"]) or Mutated(s.html, same(s)))
    out = compose.composed([caps, spy]).apply(sample)
    assert seen == [[a.upper() for a in sample.expected["authors"]]]
    # the spy left the names as the page printed them: both alternatives stay right
    assert out.expected["authors"] == AnyOf((sample.expected["authors"], [a.upper() for a in sample.expected["authors"]]))
    # a part that printed a further alternative and left the first where it was (a co-reporter
    # credited after the byline): the first, whose places are all still there
    reporting = {"authors": AnyOf((["A B"], ["A B", "C D"]))}
    assert compose._plain(reporting, "<p>By A B</p><p>Additional reporting by C D</p>", "<p>By A B</p>") == \
        {"authors": ["A B"]}
    # a page printing no alternative anew: the first
    assert compose._plain({"authors": AnyOf((["A B"], ["C D"]))}, "<p>E F</p>", "<p>A B</p>") == {"authors": ["A B"]}


def test_a_copy_of_the_headline_before_the_h1_is_not_the_headline_a_later_part_edits(sample):
    """print_only_masthead prints the title in a print-only block at the top of <body>: a later
    breakage that edits the headline (an escaped title, the site's name in its place) must edit
    the <h1>, not that copy, or the page still shows the right headline under a NONE label."""
    from anatomy import locate, parse

    title = sample.expected["headline"]
    masthead = _kind("masthead", RIGHT, lambda s: Mutated(re.sub(
        r"<body[^>]*>", lambda m: m.group(0) + f'<div class="print-only"><p>{title}</p></div>', s.html, count=1), same(s)))
    page = masthead.apply(sample).html
    assert page.index(f"<p>{title}</p>") < page.index("<h1")
    anat = locate(parse(page), sample.expected)
    assert anat.headline.tag == "h1" and anat.headline.text().strip() == title


def test_the_h1_holding_the_title_and_a_subtitle_is_the_headline_a_later_part_edits(sample):
    """headline_small_subtitle_in_h1 prints the standfirst inside the <h1> (<small>): the <h1>
    no longer reads as the title alone, and a later breakage of the headline edited the first
    element that did, a related story's card, leaving the <h1> right under a NONE label."""
    from anatomy import locate, parse

    title, dek = sample.expected["headline"], sample.expected["dek"]
    page = re.sub(r"(<h1[^>]*>.*?)(</h1>)", lambda m: m.group(1) + f" <small>{dek}</small>" + m.group(2),
                  sample.html, count=1, flags=re.S)
    page = page.replace("</body>", f'<aside><a class="card"><h3>{title}</h3></a></aside></body>')
    anat = locate(parse(page), sample.expected)
    assert anat.headline.tag == "h1" and anat.headline.text().strip().startswith(title)


def test_a_body_emptied_under_wrappers_an_earlier_part_added_leaves_none_of_its_text(sample):
    """ab_variant_body_field_empty after content_visibility_chunks: the body's blocks sit in
    chunk wrappers, which the variant empties too (the article's text is not on the page)."""
    import holdout14

    kinds = {k.name: k for k in holdout14.HOLDOUT14}
    out = compose.composed([kinds["content_visibility_chunks"], kinds["ab_variant_body_field_empty"]]).apply(sample)
    assert out.expected is None
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", out.html))
    assert not any(" ".join(b.split()) in text for b in sample.expected["body"] if len(b.split()) >= 8)
