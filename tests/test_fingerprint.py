"""The template fingerprint: equal for two articles of one template, and a redesign
(renamed classes, a moved byline, a new theme) names what appeared and vanished around
which field."""

from __future__ import annotations

import json

import pytest
from selectolax.lexbor import LexborHTMLParser

from pressguard.extract import extract_article
from pressguard.verdict.fingerprint import FIELDS, compare, component_class, fingerprint, node_classes


def _url(sim, site: str, kind: str) -> str:
    return next(u for u in sim.article_urls(site) if sim.article(u).kind == kind)


def _fp(sim, url: str, site: str, html: str | None = None) -> dict:
    html = html if html is not None else sim.get(url)
    return fingerprint(html, extract_article(html, url, site=site))


def _entry(diffs: list[dict], field: str) -> dict:
    found = [d for d in diffs if d["field"] == field]
    assert found, (field, [d["summary"] for d in diffs])
    return found[0]


@pytest.mark.parametrize("cls, want", [
    # generated, numbered, utility, WordPress layout/state: cosmetic, dropped
    ("post-12345", None),
    ("wp-container-core-group-is-layout-3", None),
    ("wp-block-group-is-layout-constrained", None),
    ("is-layout-flex", None), ("is-layout-constrained", None), ("wp-block-group", None),
    ("has-global-padding", None), ("alignwide", None), ("alignfull", None),
    ("css-1x9fq2a", None), ("sc-AxjAm", None), ("kPzRsT", None), ("jsx-3261731185", None),
    ("text-lg", None), ("md:flex", None), ("px-4", None), ("hover:underline", None),
    ("lg:w-1/2", None), ("font-bold", None), ("mx-auto", None), ("items-center", None),
    ("prose", None), ("-mt-4", None), ("i-amphtml-layout-responsive", None),
    ("Article_title__a8F3k", None), ("styles_body__3xYz1", None),  # CSS modules
    ("inner-wrapper", None), ("site-main", None), ("container", None),  # wrappers
    ("wp-block-gamurs-article-content-wrapper", None), ("post-header__inner", None),
    ("jK", None), ("a", None),  # mangled
    ("d-flex", None), ("container-fluid", None), ("justify-content-between", None),  # Bootstrap
    ("prose-lg", None), ("not-prose", None), ("astro-J7PV25F6", None), ("ng-star-inserted", None),
    # names of components: kept
    ("wp-block-gamurs-article-header__content--title", "wp-block-gamurs-article-header__content--title"),
    ("wp-block-gamurs-article-content", "wp-block-gamurs-article-content"),
    ("entry-content", "entry-content"), ("post-content", "post-content"),
    ("article-header__title", "article-header__title"), ("text-content", "text-content"),
    ("author-name", "author-name"), ("articleBody", "articleBody"),
    ("post-header--sticky", "post-header--sticky"), ("wrapped-story", "wrapped-story"),
])
def test_only_class_names_that_name_a_component_are_kept(cls, want):
    assert component_class(cls) == want


def test_per_post_wordpress_classes_are_dropped_from_body_and_article():
    tree = LexborHTMLParser('<body class="single single-post postid-991 single-format-video dto-theme">'
                            '<article class="post-991 post type-eg_reviews status-publish category-news '
                            'tag-rpg hentry entry"><p class="author-name">x</p></article></body>')
    assert node_classes(tree.body) == ["dto-theme", "single"]
    assert node_classes(tree.css_first("article")) == ["entry"]
    assert node_classes(tree.css_first("p")) == ["author-name"]  # only body/article lose them
    div = LexborHTMLParser('<div class="post-77 post type-post status-publish category-news hentry '
                           'entry-wrap story"><p class="author-name">x</p></div>')
    assert node_classes(div.css_first("div")) == ["story"]  # post_class() on a <div>
    assert node_classes(div.css_first("p")) == ["author-name"]


@pytest.mark.parametrize("site, kinds", [
    ("wegotthiscovered", ("news", "review", "guide", "coauthored", "long")),
    ("dotesports", ("news", "guide", "listicle")),
    ("destructoid", ("news", "review", "unicode")),
    ("siliconera", ("news", "review")),
])
def test_articles_of_one_template_compare_equal(sim, site, kinds):
    fps = [_fp(sim, _url(sim, site, k), site) for k in kinds]
    assert fps[0]["fields"]["headline"]["found"] and fps[0]["fields"]["body"]["found"]
    for other in fps[1:]:
        assert compare(fps[0], other) == []
        assert compare(other, fps[0]) == []


def test_fingerprint_is_json_deterministic_and_names_the_template(sim):
    url = _url(sim, "wegotthiscovered", "news")
    html = sim.get(url)
    item = extract_article(html, url, site="wegotthiscovered")
    fp = fingerprint(html, item)
    assert json.loads(json.dumps(fp)) == fp
    assert fingerprint(html.encode("utf-8"), item) == fp
    assert fp["page"]["layout"] == "gamurs-blocks"
    assert not any("postid" in c for c in fp["page"]["body_classes"])
    assert fp["page"]["order"] == ["headline", "dek", "authors", "published", "body"]
    f = fp["fields"]
    assert f["headline"]["path"][0] == "h1.wp-block-gamurs-article-header__content--title"
    assert f["dek"]["path"][0] == "div.wp-block-gamurs-article-header__content--subtitle"
    assert "div.wp-block-gamurs-article-metadata__name" in f["authors"]["path"]
    assert f["published"]["path"][0].startswith("div.wp-block-gamurs-article-metadata__date-and-time")
    assert f["body"]["path"][0] == "div.entry-content.wp-block-gamurs-article-content"
    assert f["body"]["paragraphs"] == ["p[data-injectable]"]


def test_redesign_names_what_appeared_and_vanished_around_each_field(sim):
    site = "wegotthiscovered"
    url = _url(sim, site, "news")
    recorded = _fp(sim, _url(sim, site, "guide"), site)
    try:
        sim.set_template(site, "redesign")
        current = _fp(sim, url, site)
    finally:
        sim.reset()
    diffs = compare(recorded, current)
    assert {d["field"] for d in diffs} == {"page", *FIELDS}
    authors = _entry(diffs, "authors")
    assert ".wp-block-gamurs-article-metadata__author" in authors["vanished"]
    assert ".gm-article-metadata__author" in authors["appeared"]
    assert "place: after body" in authors["appeared"]  # the redesign moved the byline down
    assert "place: between dek and body" in authors["vanished"]
    assert authors["summary"].startswith(  # what became what, readable
        "authors: element a in div.wp-block-gamurs-article-metadata__author[data-author] became "
        "a in div.gm-article-metadata__author")
    assert authors["summary"].endswith("; moved after body (was between dek and body)")
    headline = _entry(diffs, "headline")
    assert ".gm-article-header__content--title" in headline["appeared"]
    assert ".wp-block-gamurs-article-header__content--title" in headline["vanished"]
    body = _entry(diffs, "body")
    assert ".entry-content" in body["vanished"] and ".gm-article__body" in body["appeared"]
    assert body["summary"].startswith("body: container div.entry-content.wp-block-gamurs-article-content "
                                      "became div.gm-article__body; inside ")
    print("\n".join(d["summary"] for d in diffs))
    assert "layout gamurs-blocks" in _entry(diffs, "page")["vanished"]


def test_destructoid_leaving_the_shared_blocks_is_a_template_change(sim):
    url = _url(sim, "destructoid", "news")
    recorded = _fp(sim, _url(sim, "destructoid", "review"), "destructoid")
    try:
        sim.set_template("destructoid", "gamurs-blocks")
        old_theme = _fp(sim, url, "destructoid")
    finally:
        sim.reset()
    page = _entry(compare(recorded, old_theme), "page")
    assert page["appeared"][0] == "layout gamurs-blocks" and page["vanished"][0] == "layout destructoid2025"


def _move_byline_below_body(html: str) -> str:
    tree = LexborHTMLParser(html)
    meta = tree.css_first("div.wp-block-gamurs-article-metadata")
    content = tree.css_first("div.entry-content")
    moved = LexborHTMLParser(meta.html).css_first("div.wp-block-gamurs-article-metadata")
    meta.decompose()
    content.insert_after(moved)
    return tree.html


def test_a_moved_byline_with_the_same_classes_is_a_change(sim):
    site = "twinfinite"
    url = _url(sim, site, "news")
    html = sim.get(url)
    recorded = _fp(sim, _url(sim, site, "review"), site)
    moved = _fp(sim, url, site, _move_byline_below_body(html))
    assert compare(recorded, _fp(sim, url, site, html)) == []
    diffs = compare(recorded, moved)
    assert {d["field"] for d in diffs} == {"authors", "published"}
    authors = _entry(diffs, "authors")
    assert authors["appeared"] == ["place: after body"]
    assert authors["vanished"] == ["place: between dek and body"]


def test_renamed_byline_classes_name_the_classes(sim):
    site = "gamepur"
    url = _url(sim, site, "news")
    html = sim.get(url)
    recorded = _fp(sim, _url(sim, site, "guide"), site)
    renamed = html.replace("wp-block-gamurs-article-metadata__name", "byline__names")
    diffs = compare(recorded, _fp(sim, url, site, renamed))
    assert [d["field"] for d in diffs] == ["authors"]
    assert diffs[0]["appeared"] == [".byline__names"]
    assert diffs[0]["vanished"] == [".wp-block-gamurs-article-metadata__name"]


def test_broken_body_is_a_change_even_with_every_class_in_place(sim):
    site = "primagames"
    url = _url(sim, site, "news")
    recorded = _fp(sim, _url(sim, site, "guide"), site)
    try:
        sim.set_template(site, "broken")
        html = sim.get(url)
    finally:
        sim.reset()
    item = extract_article(html, url, site=site)
    diffs = compare(recorded, fingerprint(html, item))
    assert [d["field"] for d in diffs] == ["body"]
    assert ".entry-content" in diffs[0]["vanished"]
    # a body read from the hydration payload is text in no element: still a change
    healthy = sim.article(url).expected_body()
    diffs = compare(recorded, fingerprint(html, dict(item, body=healthy)))
    assert [d["field"] for d in diffs] == ["body"]
    assert "value no longer in any element" in diffs[0]["summary"]


def test_empty_optional_fields_are_not_changes(sim):
    site = "wegotthiscovered"
    url = _url(sim, site, "news")
    html = sim.get(url)
    item = extract_article(html, url, site=site)
    recorded = fingerprint(html, item)
    assert compare(recorded, fingerprint(html, dict(item, dek=None, authors=[], published=None))) == []
    assert [d["field"] for d in compare(recorded, fingerprint(html, dict(item, headline="")))] == ["headline"]

def test_names_in_page_furniture_do_not_locate_the_byline():
    para1 = "Words of the article go here, many of them. " * 4
    para2 = "More words of the article follow, again and again. " * 4
    html = ("<html><body><aside class='sidebar'><article class='card'><div class='card__author'>"
            "Jane Doe</div></article></aside><main><article class='story'><h1 class='story__title'>"
            "A headline long enough to be one</h1><div class='story__byline'>By <a href='/author/jd/'>"
            f"Jane Doe</a></div><div class='story__body'><p>{para1}</p><p>{para2}</p></div>"
            "</article></main></body></html>")
    item = {"layout": "generic", "headline": "A headline long enough to be one", "authors": ["Jane Doe"],
            "body": [para1.strip(), para2.strip()]}
    fp = fingerprint(html, item)
    assert fp["fields"]["authors"]["path"][:2] == ["a", "div.story__byline"]
    assert fp["fields"]["body"]["path"][0] == "div.story__body"
    assert fp["page"]["order"] == ["headline", "authors", "body"]


def test_fingerprints_of_another_version_are_not_compared_field_by_field():
    fp = {"version": 1, "page": {"layout": "x", "body_classes": [], "order": []}, "fields": {}}
    diffs = compare(dict(fp, version=0), fp)
    assert [d["field"] for d in diffs] == ["page"] and "record the baseline again" in diffs[0]["summary"]
    assert compare(fp, fp) == []


def _shipped_pages():
    from pathlib import Path

    from pressguard.cassettes.store import open_cassette
    from pressguard.verdict.assess import _final_page

    root = Path(__file__).resolve().parent.parent / "cassettes"
    for path in sorted(root.glob("*/*.yaml"))[::7]:
        url, body = _final_page(open_cassette(path))
        yield path.parent.name, url, body


def test_the_fields_climbs_read_each_ancestor_once(monkeypatch):
    """The fields of a page share most of their ancestors: what a climb reads of an
    element (its classes) is read once per fingerprint, not once per field and again for
    the context (issue #12 item 1). At most three reads an element: the climb's, its path
    step's and _climb's look at an inline wrapper."""
    from collections import Counter

    import pressguard.verdict.fingerprint as fp_module

    for site, url, body in _shipped_pages():
        item = extract_article(body, url, site=site)
        reads = Counter()
        original = fp_module.node_classes

        def counting(node):
            reads[node.mem_id] += 1
            return original(node)

        monkeypatch.setattr(fp_module, "node_classes", counting)
        fingerprint(body, item)
        monkeypatch.setattr(fp_module, "node_classes", original)
        assert reads and max(reads.values()) <= 3, (url, reads.most_common(3))


def test_a_shared_ancestry_gives_each_field_what_a_fresh_one_gives():
    from pressguard.verdict.fingerprint import _Ancestry, _field_fp

    for site, url, body in _shipped_pages():
        tree = LexborHTMLParser(body)
        shared = _Ancestry()
        for el in tree.css("h1, p, time, a, span")[:80]:
            assert _field_fp(el, 0, shared) == _field_fp(el, 0)
