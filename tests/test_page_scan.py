"""The page scan (pressguard.verdict.page_scan): the checks' byline candidates, comment
sections and the fingerprint's date elements come from the text index's one walk, and
are exactly what lexbor's selector lists give (issue #12 item 1: the checks cost no more
than the extraction they check)."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from pressguard.cassettes.store import open_cassette
from pressguard.extract import extract_article, extract_generic
from pressguard.extract.page import page_for
from pressguard.verdict import fingerprint as fp
from pressguard.verdict import page_scan as ps
from pressguard.verdict.assess import _final_page
from pressguard.verdict.page_hints import PageHints
from pressguard.verdict.checks import run_checks

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = sorted((ROOT / "cassettes").glob("*/*.yaml"))
# the selector lists the scan answers, as their readers spell them
LISTS = {"bylines": PageHints._BYLINE_SEL, "comments": ps.COMMENT_SELECTOR, "dates": fp._DATE_SEL}


def _lexbor_and_scan(html) -> dict:
    tree = LexborHTMLParser(html)
    scan = ps.PageScan()
    fp.TextIndex(tree, visit=scan.visit)
    found = {name: ([n.mem_id for n in tree.body.css(sel)], [n.mem_id for n in getattr(scan, name)])
             for name, sel in LISTS.items()}
    found["h1s"] = ([n.mem_id for n in tree.css(ps.H1_SELECTOR)], [n.mem_id for n in scan.h1s])
    found["alt_imgs"] = ([n.mem_id for n in tree.body.css("img[alt]")], [n.mem_id for n in scan.alt_imgs])
    found["prose_blocks"] = ([n.mem_id for n in tree.body.css("p, li, blockquote")],
                             [n.mem_id for n in scan.prose_blocks])
    return found


def test_the_scan_lists_what_the_checks_selectors_list():
    """The checks' byline selector is the one the scan implements (a selector changed in
    checks.py and not here would make the scan answer another question)."""
    assert PageHints._BYLINE_SEL == ps.BYLINE_SELECTOR
    assert fp._DATE_SEL == ps.DATE_SELECTOR


@pytest.mark.parametrize("path", CASSETTES, ids=lambda p: p.stem[:40])
def test_the_scan_finds_what_lexbor_finds_on_every_shipped_page(path):
    found = _lexbor_and_scan(_final_page(open_cassette(path))[1])
    for name, (lexbor, scan) in found.items():
        assert scan == lexbor, name
    assert found["bylines"][0] and found["dates"][0]  # the corpus exercises both lists


_ATTRS = {
    "class": ["byline", "Byline", "BYLINE", "author", "Author", "AUTHOR", "x author", "author\x0bx",
              "x\x0cauthor", "x\u00a0author", "post-author", "c__author", "author-name", "meta author__name",
              "metadata__name", "comments", "Comment-list", "disqus_thread", "replies", "date", "updated-time",
              "x", "", "authorship", "author\tbox"],
    "id": ["comments", "respond", "disqus", "xomment", "COMMENT", "main", ""],
    "rel": ["author", "AUTHOR", "nofollow author", "author\x0bx", "authors"],
    "itemprop": ["author", "Author", "name author", "datePublished", "datepublished", "dateModified"],
    "href": ["/author/jane", "/AUTHOR/x", "https://x.com/authors/a", "/writer/b", "/people/c", "/news/d"],
    "data-author": ["", "Jane"],
    "data-byline": [""],
    "datetime": ["", "2024-01-01"],
    "data-datetime": ["x"],
    "alt": ["", "Jane Doe"],
}
_TAGS = ["div", "span", "a", "p", "time", "section", "li", "svg", "h1", "template", "img", "image", "blockquote"]


@st.composite
def _elements(draw, depth=0):
    tag = draw(st.sampled_from(_TAGS))
    names = draw(st.lists(st.sampled_from(sorted(_ATTRS)), max_size=3, unique=True))
    attrs = "".join(f' {n}="{draw(st.sampled_from(_ATTRS[n]))}"' for n in names)
    kids = draw(st.lists(_elements(depth + 1), max_size=3)) if depth < 3 else []
    return f"<{tag}{attrs}>t{''.join(kids)}</{tag}>"


@settings(max_examples=300, deadline=None)
@given(doctype=st.sampled_from(["", "<!DOCTYPE html>"]), body_attrs=st.sampled_from(["", ' class="author"']),
       parts=st.lists(_elements(), min_size=1, max_size=4))
def test_the_scan_finds_what_lexbor_finds_on_generated_markup(doctype, body_attrs, parts):
    """Case (rel is case-insensitive, a quirks-mode class too), whitespace (only ASCII
    whitespace separates words), several selectors on one element (listed once each),
    the body element itself."""
    found = _lexbor_and_scan(f"{doctype}<html><body{body_attrs}>{''.join(parts)}</body></html>")
    for name, (lexbor, scan) in found.items():
        assert scan == lexbor, name


class _BodyWatch:
    """The page's <body> node, recording the selectors run on it."""

    def __init__(self, node, calls):
        self._node, self._calls = node, calls

    def css(self, selector):
        self._calls.append(selector)
        return self._node.css(selector)

    def css_first(self, selector, *args, **kwargs):
        self._calls.append(selector)
        return self._node.css_first(selector, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._node, name)


def watched_tree(real, calls: list):
    """`real` (a parsed tree) recording in `calls` every selector run on it or on its body."""

    class Watched(LexborHTMLParser):
        @property
        def head(self):  # (the head's searches are not recorded: a search of the head is no page's)
            return real.head

        @property
        def body(self):
            node = real.body
            return _BodyWatch(node, calls) if node is not None else None

        def css(self, selector):
            calls.append(selector)
            return real.css(selector)

        def css_first(self, selector, *args, **kwargs):
            calls.append(selector)
            return real.css_first(selector, *args, **kwargs)

        def __getattr__(self, name):
            return getattr(real, name)

    return Watched.__new__(Watched)


def test_the_fingerprint_and_the_checks_run_no_selector_list_over_the_body():
    """The byline, comment-section, date and h1 selectors are not run over the page:
    their elements come from the text index's walk (on the code before the scan, each
    was a lexbor pass of its own)."""
    path = next(p for p in CASSETTES if "gamurs-blocks" in p.name)
    url, body = _final_page(open_cassette(path))
    site = path.parent.name
    page = page_for(body + b"<!-- watched -->", url, site=site)
    item = extract_article(page, url, site=site)
    second = extract_generic(page, url, site=site)
    calls: list[str] = []
    real = page.parsed.tree

    page.parsed.tree = page.tree = watched_tree(real, calls)
    checks = run_checks(item, html=page, second_opinion=second, current_fingerprint=fp.fingerprint(page, item))
    assert item["published"] and item["authors"]  # the date and the bylines were looked for
    assert checks["authors"] == "ok"
    assert not {*LISTS.values(), ps.H1_SELECTOR, "img[alt]"} & set(calls), calls
    assert calls  # (the watch works: other selectors are still run)
    assert checks["headline"] == "ok"  # the visible <h1> was read
    assert ps.page_scan(page) is ps.page_scan(page.parsed)  # made once per parsed page


def _walked(tree) -> dict:
    """The scan's element lists that are no selector's, read by a walk of their own."""
    els = list(tree.body.traverse()) if tree.body is not None else []
    return {"childless_ps": [n.mem_id for n in els if n.tag == "p" and n.child is None],
            "includes": [n.mem_id for n in els if n.tag in ("esi:include", "esi:eval")]}


def _scanned(tree) -> dict:
    scan = ps.PageScan()
    fp.TextIndex(tree, visit=scan.visit)
    return {name: [n.mem_id for n in getattr(scan, name)] for name in ("childless_ps", "includes")}


@pytest.mark.parametrize("path", CASSETTES[::7], ids=lambda p: p.stem[:40])
def test_the_scan_lists_the_childless_paragraphs_and_includes_of_shipped_pages(path):
    tree = LexborHTMLParser(_final_page(open_cassette(path))[1])
    assert _scanned(tree) == _walked(tree)


_P_PARTS = ["<p></p>", "<p> </p>", "<P>&nbsp;</P>", "<p/>", "<p><br></p>", "<p>text</p>", "<p class=x></p>",
            "<esi:include src='/a'/>", "<ESI:Include src=b></ESI:Include>", "<esi:eval/>", "<esi:remove>x</esi:remove>",
            "<div>", "</div>", "<template><p></p></template>", "<svg><p></p></svg>", "<table><p></p></table>"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_P_PARTS), max_size=12))
def test_the_scan_lists_the_childless_paragraphs_and_includes_of_generated_markup(parts):
    tree = LexborHTMLParser(f"<html><body>{''.join(parts)}</body></html>")
    assert _scanned(tree) == _walked(tree)


# -- a recorded page's fingerprint, made without the scan ---------------------------------


@pytest.mark.parametrize("path", CASSETTES, ids=lambda p: f"{p.parent.name}/{p.stem[:40]}")
def test_a_fingerprint_made_without_the_page_scan_is_the_one_made_with_it(path):
    """The recorded side fingerprints its pages with scan=False (no check reads them): the
    text index walked alone and the dates from lexbor's selector list give, key for key and
    in the same order, the fingerprint the scanned page gives."""
    url, body = _final_page(open_cassette(path))
    site = path.parent.name
    item = extract_article(body, url, site=site)
    import json

    assert json.dumps(fp.fingerprint(body, item, scan=False)) == json.dumps(fp.fingerprint(body, item))


def test_the_recorded_side_runs_no_page_scan(monkeypatch):
    import pressguard.verdict.assess as assess_module

    made = []
    real = ps.PageScan

    class CountedScan(real):
        __slots__ = ()

        def __init__(self):
            made.append(1)
            super().__init__()

    monkeypatch.setattr(ps, "PageScan", CountedScan)
    monkeypatch.setenv("PRESSGUARD_PARSE_CACHE", "off")
    assess_module._RECORDED.clear()
    try:
        for path in CASSETTES[::11]:
            assert assess_module.recorded_fingerprint(path, path.parent.name) is not None
    finally:
        assess_module._RECORDED.clear()
    assert made == []


# -- the whole-page searches the scan narrows (links, numbered links, a hydration script, ESI comments)


_PREV = 'link[rel~="prev"], link[rel~="previous"]'
_NEXT = 'link[rel~="next"][href*="2"]'


def _narrowed(html) -> dict:
    """(lexbor's whole-page answer, the narrowed answer) for each search the scan narrows."""
    from types import SimpleNamespace

    from pressguard.extract.page import parsed_of

    parsed = parsed_of(html)
    tree = parsed.tree
    page = SimpleNamespace(tree=tree, _parsed=parsed)
    scan = ps.page_scan(parsed)
    ids = lambda nodes: [n.mem_id for n in nodes]  # noqa: E731
    body = tree.body
    found = {"prev links": (ids(tree.css(_PREV)), ids(ps.links_matching(page, _PREV))),
             "numbered links": (ids(tree.css(f'a[href*="2"], {_NEXT}')), ids(ps.numbered_links(page, _NEXT)))}
    if body is not None:
        walked = list(body.traverse(include_text=True))
        found["numbered anchors"] = (ids(body.css('a[href*="2"]')), ids(scan.numbered_anchors))
        found["jump anchors"] = (ids(tree.css('a[href^="#"]')), ids(scan.jump_anchors))
        found["id scripts"] = (ids(body.css("script[id]")), ids(scan.id_scripts))
        found["esi comments"] = (ids(n for n in walked if n.tag == "-comment" and "esi:include" in (n.html or "")),
                                 ids(scan.esi_comments))
        found["links"] = (ids(body.css("link")), ids(scan.links))
    return found


@pytest.mark.parametrize("path", CASSETTES, ids=lambda p: p.stem[:40])
def test_the_narrowed_searches_find_what_the_whole_page_search_finds_on_shipped_pages(path):
    for name, (lexbor, narrowed) in _narrowed(_final_page(open_cassette(path))[1]).items():
        assert narrowed == lexbor, name


_LINK_PARTS = ['<link rel="prev" href="/a">', '<link rel="PREV previous" href="/2">', '<link rel=next href="?page=2">',
               '<link rel="next" href="/x">', '<a href="/p/2/">next</a>', '<a href="/x">2</a>', "<a href>2</a>",
               '<a rel="next" href="?p=2">', '<svg><a href="/2">x</a></svg>', "<!-- esi:include src=/a -->",
               "<!--esi <esi:include src='/b'/> -->", "<!-- other -->", '<script id="__NEXT_DATA__">{}</script>',
               "<script id=x></script>", "<script>1</script>", "<div>", "</div>", "<p>text</p>",
               '<template><link rel="prev" href="/t"></template>', "<noscript><link rel=prev href=/n></noscript>",
               '<a href="#part-2">Part 2</a>', '<a href="#">top</a>', '<a href=" #x">x</a>', "<ul><li><a href=#a>a</a></ul>",
               "<noscript><a href=#n>n</a></noscript>"]


@settings(max_examples=300, deadline=None)
@given(doctype=st.sampled_from(["", "<!DOCTYPE html>"]), head=st.lists(st.sampled_from(_LINK_PARTS), max_size=4),
       between=st.lists(st.sampled_from(_LINK_PARTS), max_size=2), body=st.lists(st.sampled_from(_LINK_PARTS), max_size=8),
       after=st.lists(st.sampled_from(_LINK_PARTS), max_size=2))
def test_the_narrowed_searches_find_what_the_whole_page_search_finds_on_generated_markup(doctype, head, between,
                                                                                         body, after):
    """<link>s in the head, between it and the body, in the body, after it; links, comments
    and scripts the head cannot hold (the parser moves them to the body)."""
    html = (f"{doctype}<html><head>{''.join(head)}</head>{''.join(between)}<body>{''.join(body)}</body>"
            f"{''.join(after)}</html>")
    for name, (lexbor, narrowed) in _narrowed(html).items():
        assert narrowed == lexbor, name
