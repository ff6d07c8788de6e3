"""The checks' cheaper readings answer as the plain ones (issue #12 item 1: the checks cost no
more than the extraction). Each speed-only change reads the same thing another way; these
tests compare the two on the shipped pages and on generated input."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from pressguard.cassettes.store import open_cassette
from pressguard.extract import extract_article
from pressguard.extract.page import page_for
from pressguard.verdict import fingerprint as fp
from pressguard.verdict import page_scan as ps
from pressguard.verdict.assess import _final_page
from pressguard.verdict.page_hints import PageHints, _meta_values
from pressguard.verdict.wording import words
from test_page_scan import watched_tree

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = sorted((ROOT / "cassettes").glob("*/*.yaml"))


# -- the page's <meta content> values: the head searched, the body's from the page's walk ----

def _scanned_meta(tree) -> dict:
    scan = ps.PageScan()
    fp.TextIndex(tree, visit=scan.visit)
    return _meta_values(tree, scan.metas)


def test_the_meta_values_of_shipped_pages_are_the_whole_pages_search():
    for path in CASSETTES:
        tree = LexborHTMLParser(_final_page(open_cassette(path))[1])
        assert _scanned_meta(tree) == _meta_values(tree), path.name


_META_PARTS = ['<meta name="a" content="1">', '<META NAME="b" CONTENT="2">', '<meta property="og:title" content="">',
               '<meta name="c">', '<meta itemprop="author" content="Jane Doe">', "<div>", "</div>",
               '<span itemscope><meta itemprop="datePublished" content="2025-01-01"></span>',
               '<svg><meta name="s" content="svg"></svg>', '<template><meta name="t" content="tpl"></template>',
               '<noscript><meta name="n" content="ns"></noscript>', "<table><meta name=\"tb\" content=\"x\"></table>",
               "<p>text</p>"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_META_PARTS), max_size=8), st.lists(st.sampled_from(_META_PARTS), max_size=8),
       st.lists(st.sampled_from(_META_PARTS), max_size=4), st.booleans())
def test_the_meta_values_of_generated_markup_are_the_whole_pages_search(head, body, after, explicit_head):
    start = f"<html><head>{''.join(head)}</head>" if explicit_head else f"<html>{''.join(head)}"
    tree = LexborHTMLParser(f"{start}<body>{''.join(body)}</body>{''.join(after)}</html>")
    assert _scanned_meta(tree) == _meta_values(tree)


def test_the_meta_values_search_the_head_only():
    """The whole page is no longer searched for <meta content> (on the code before, the
    checks' dearest selector: ~0.1 ms a page)."""
    path = next(p for p in CASSETTES if "gamurs-blocks" in p.name)
    url, body = _final_page(open_cassette(path))
    page = page_for(body + b"<!-- watched meta -->", url, site=path.parent.name)
    calls: list[str] = []
    real = page.parsed.tree
    fp.text_index(page)  # the walk made before the tree is watched, as the fingerprint makes it
    watched = watched_tree(real, calls)
    page.parsed.tree = page.tree = watched
    hints = PageHints(page, url)
    assert hints.meta == _meta_values(real)
    assert hints.meta  # the page has meta values: the search was needed
    assert "meta[content]" not in calls


# -- the words of a text (wording.words: str.translate and split on ASCII text) ---------------

def _words_by_regex(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_the_words_of_ascii_text_are_the_regex_words(text):
    assert words(text) == _words_by_regex(text)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_the_words_of_any_text_are_the_regex_words(text):
    assert words(text) == _words_by_regex(text)


def test_the_words_of_shipped_bodies_are_the_regex_words():
    for path in CASSETTES[::3]:
        url, body = _final_page(open_cassette(path))
        item = extract_article(page_for(body, url, site=path.parent.name), url, site=path.parent.name)
        for para in item.get("body") or []:
            assert words(para) == _words_by_regex(para)
