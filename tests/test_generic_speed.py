"""The generic extractor's shortcuts answer what the slower way they replace answers.

Each speed change of issue #10 reads something off the measuring pass (or searches once
where it searched twice); these tests compare each shortcut with the plain query on
generated pages, so a shortcut that drops or invents an element fails here, not as a
drifted WCXB figure. (The whole-corpus proof is benchmarks/generic_dump.py: every field of
every page of WCXB, AEB and the shipped cassettes before and after, byte for byte.)
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from pressguard.extract import extract_generic
from pressguard.extract.generic_authors import FAR_BYLINE
from pressguard.extract.blocks import BR
from pressguard.extract.generic_body import Layout
from pressguard.extract.page import _has_shadow_mark

# Elements the measuring pass reads, leaves out with their subtree (noscript, svg,
# button, dialog, select ...), or keeps as items (br, template); the tags asked about.
_WRAPPERS = ["div", "section", "article", "main", "p", "span", "a", "noscript", "svg", "button",
             "dialog", "template", "object", "video", "select", "ul", "li", "h1", "time"]
_ASKED = ["h1", "main", "time", "p", "div", "section", "li", "a", "span"]


@st.composite
def _markup(draw, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4 if depth < 4 else 0))):
        kind = draw(st.sampled_from(["text", "br", "element", "element", "element"]))
        if kind == "text":
            parts.append(draw(st.sampled_from(["word", " ", "By Ann Lee", "\n  ", "x, y"])))
        elif kind == "br":
            parts.append("<br>")
        else:
            tag = draw(st.sampled_from(_WRAPPERS))
            parts.append(f"<{tag}>{draw(_markup(depth + 1))}</{tag}>")
    return "".join(parts)


@settings(max_examples=300, deadline=None)
@given(_markup())
def test_named_is_the_tag_query(body):
    """Layout.named(tag) lists exactly the elements a selector query for the tag finds,
    in page order, or says it cannot (None) when the pass left one of them out."""
    tree = LexborHTMLParser(f"<html><head><title>t</title></head><body>{body}</body></html>")
    lay = Layout(tree.body)
    for tag in _ASKED:
        found = lay.named(tag)
        if found is not None:
            assert [lay.nodes[i].mem_id for i in found] == [n.mem_id for n in tree.css(tag)], tag


def test_named_declines_when_an_element_is_left_out():
    tree = LexborHTMLParser("<body><noscript><h1>Headline</h1></noscript><h1>Logo</h1>"
                            "<button><time>3 May</time></button></body>")
    lay = Layout(tree.body)
    assert lay.named("h1") is None and len(tree.css("h1")) == 2
    assert lay.named("time") is None
    assert lay.named("main") == []


def test_a_date_in_a_noscript_is_still_found():
    """published_dom skips the <time> queries only when the page holds no <time>: one
    the measuring pass did not see (in a <noscript>) is still read."""
    html = ("<html><head><title>Harbour closes</title></head><body><article>"
            "<h1>Harbour closes for winter</h1><noscript><time datetime='2024-05-01T08:00:00Z'>"
            "1 May</time></noscript><p>" + "The harbour closes, the council said. " * 8 + "</p>"
            "</article></body></html>")
    item = extract_generic(html, "https://example.org/news/harbour-closes")
    assert item["published"] == "2024-05-01T08:00:00+00:00"
    assert item["provenance"]["published"] == "generic"


_TEXTS = st.lists(st.lists(st.sampled_from(["a", "B", "y", " ", "by", "Written by ", "İ", "\x01", "Σ",
                                             "é", "\n"]), max_size=8).map("".join),
                  min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_own_text_matches_is_the_plain_search(texts):
    """own_text_matches finds the elements whose own text the pattern matches, however
    lower-casing moves the texts ("İ" lower-cased is two characters) and whatever the
    texts hold (the separator's own character)."""
    from html import escape

    body = "".join(f"<p>{escape(t)}</p>" for t in texts)
    lay = Layout(LexborHTMLParser(f"<body>{body}</body>").body)
    pattern = re.compile(r"written\s+by", re.I)
    assert lay.own_text_matches(pattern, "by") == [i for i, t in lay.texts if pattern.search(t)]
    assert lay.own_text_matches(FAR_BYLINE, "by") == [i for i, t in lay.texts if FAR_BYLINE.search(t)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["shadow", "root", "Root", "shadowroot", "shadowRoot", "box-shadow:",
                                 "ROOT", "x", "<template ", "shad", "owroot"]), max_size=10))
def test_shadow_mark_is_either_spelling(pieces):
    raw = "".join(pieces)
    for source in (raw, raw.encode()):
        marks = ("shadowroot", "shadowRoot") if isinstance(source, str) else (b"shadowroot", b"shadowRoot")
        assert _has_shadow_mark(source) == any(m in source for m in marks)


# The measuring pass against the plain walk it replaces (a tag name and a parent lookup per
# node): tag ids looked up once a page, and a first child's parent taken from the walk.
_PASS_TAGS = ["div", "p", "a", "span", "x-card", "clippath", "script", "template", "noscript", "li",
              "svg", "br", "table", "td", "button"]
_PASS_LEAVES = ["word", " ", "\n  ", "<!--note-->", "<br>", "<svg><clipPath><path/></clipPath>x</svg>",
                "<math><mi>x</mi></math>", "<clippath>c</clippath>", "<X-Card>k</X-Card>", "<img src=x>"]


@st.composite
def _pass_markup(draw, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4 if depth < 4 else 0))):
        if draw(st.booleans()):
            parts.append(draw(st.sampled_from(_PASS_LEAVES)))
        else:
            tag = draw(st.sampled_from(_PASS_TAGS))
            parts.append(f"<{tag}>{draw(_pass_markup(depth + 1))}</{tag}>")
    return "".join(parts)


def _plain_pass(root):
    """(tags, parents, reading-order items as (parent, text or tag), tags left out) by a
    tag name and a parent lookup for every node, as the pass was first written."""
    from pressguard.extract.generic_body import _UNREAD
    from pressguard.extract.text import prose_button_text

    index, tags, parents, items, unread = {root.mem_id: 0}, [root.tag], [-1], [], set()
    walk = root.traverse(include_text=True, skip_empty=True)
    next(walk)
    for node in walk:
        tag = node.tag
        up = node.parent
        pidx = index.get(up.mem_id, -1) if up is not None else -1
        if tag == "-text":
            if pidx >= 0:
                items.append((pidx, node.text_content))
            continue
        if tag == "button":
            t = prose_button_text(node)
            if t and pidx >= 0:
                items.append((pidx, t))
            continue
        if tag[0] == "-" or tag in _UNREAD:
            continue
        if pidx < 0:
            unread.add(tag)
        elif tag in ("br", "template"):
            items.append((pidx, tag))
        else:
            index[node.mem_id] = len(tags)
            tags.append(tag)
            parents.append(pidx)
    return tags, parents, items, unread


@settings(max_examples=400, deadline=None)
@given(_pass_markup())
def test_measuring_pass_reads_the_tree_as_the_plain_walk(body):
    """Layout's tags, parents, items and left-out tags equal the plain walk's: an SVG
    clipPath shares its tag id with an HTML clippath, custom elements' ids are the page's."""
    tree = LexborHTMLParser(f"<html><body>{body}</body></html>")
    lay = Layout(tree.body)
    tags, parents, items, unread = _plain_pass(tree.body)
    assert lay.tags == tags
    assert lay.parent == parents
    assert [(p, "br" if t is BR else "template" if t is None else t)
            for p, t in zip(lay.item_parent, lay.item_text)] == items
    assert lay._unread == unread
    assert lay.in_link == [any(tags[a] == "a" for a in _ancestry(parents, i)) for i in range(len(tags))]


def _ancestry(parents, i):
    while i >= 0:
        yield i
        i = parents[i]


def test_measuring_pass_parent_of_a_first_child_after_a_left_out_element():
    """A first child follows its parent in the walk, also when the element visited before
    it was left out (a script) or an item (a <br>): the parent is the one visited last."""
    tree = LexborHTMLParser("<body><div><script>x</script><p><b>bold</b> text<br><i>i</i></p>"
                            "<svg><clipPath/></svg><clippath><u>u</u></clippath></div></body>")
    lay = Layout(tree.body)
    assert lay.tags == ["body", "div", "p", "b", "i", "clippath", "u"]
    assert lay.parent == [-1, 0, 1, 2, 2, 1, 5]
    assert lay._unread == {"clipPath"}


def test_the_text_node_tag_id_is_lexbors_constant():
    from selectolax.lexbor import LexborHTMLParser

    from pressguard.extract.generic_body import _TEXT_ID
    text = LexborHTMLParser("<p>x</p>").css_first("p").first_child
    assert text.tag == "-text" and text.tag_id == _TEXT_ID


# Attribute values for the byline query: cased and case-folded spellings, a non-ASCII
# letter whose lower case is ASCII-like (Kelvin sign, dotted I), an entity, other words.
_BYLINE_VALUES = ["author", "Author", "AUTHOR", "byline", "Byline", "BYLINE", "byLine", "me",
                  "post-author", "author-name Byline", "\u212Aauthor", "BYL\u0130NE", "auth&#111;r",
                  "x", ""]
_BYLINE_PLAIN = ('[rel~="author"], [itemprop~="author"], [class*="byline"], [class*="author"], '
                 '[class*="Byline"], [class*="Author"]')


@st.composite
def _byline_markup(draw, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 3 if depth < 3 else 0))):
        tag = draw(st.sampled_from(["div", "span", "a", "p", "meta"]))
        attrs = ""
        for name in draw(st.lists(st.sampled_from(["class", "rel", "itemprop", "id"]), max_size=3)):
            value = " ".join(draw(st.lists(st.sampled_from(_BYLINE_VALUES), max_size=3)))
            attrs += f' {name}="{value}"'
        parts.append(f"<{tag}{attrs}>{draw(_byline_markup(depth + 1))}</{tag}>")
    return "".join(parts)


@settings(max_examples=400, deadline=None)
@given(_byline_markup())
def test_byline_matches_are_the_cased_query(body):
    """generic._byline_matches gives the nodes (and the duplicates: one per selector a
    node matches) that lexbor gives for the cased six-selector list it replaces."""
    from pressguard.extract.generic import _byline_matches

    tree = LexborHTMLParser(f"<html><body>{body}</body></html>")
    got = [n.mem_id for n in _byline_matches(tree.body)]
    assert got == [n.mem_id for n in tree.body.css(_BYLINE_PLAIN)]


def test_byline_matches_on_the_fixture_pages():
    from pathlib import Path

    from pressguard.extract.generic import _byline_matches

    pages = sorted((Path(__file__).parent / "fixtures").rglob("*.html"))
    assert pages
    for path in pages:
        tree = LexborHTMLParser(path.read_bytes())
        if tree.body is not None:
            got = [n.mem_id for n in _byline_matches(tree.body)]
            assert got == [n.mem_id for n in tree.body.css(_BYLINE_PLAIN)], path.name


def _article_page_resolved(href: str, url: str):
    """continuation.article_page as written before its digit test: every link resolved."""
    from urllib.parse import urljoin, urlsplit

    from pressguard.extract.continuation import PAGE_PARAM, article_address

    url = article_address(url)
    here = urlsplit(url or "")
    there = urlsplit(urljoin(url or "", (href or "").strip()))
    if there.netloc != here.netloc:
        return None
    path, other = here.path.rstrip("/"), there.path.rstrip("/")
    if other == path:
        m = PAGE_PARAM.search("?" + there.query)
        return int(m.group(1)) if m else None
    tail = other[len(path) + 1:] if other.startswith(path + "/") else ""
    return int(tail) if tail.isdigit() and len(tail) <= 3 else None


_URL_PIECES = ["https://ex.com", "http://ex.com", "//ex.com", "https://other.org", "/", "news",
               "story", "2", "12", "۳", "amp", ".", "..", "?", "page=", "slide=", "&", "#", "top",
               "x", " ", "-", "3"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_URL_PIECES), max_size=9).map("".join),
       st.sampled_from(["https://ex.com/news/story/", "https://ex.com/news/story",
                        "https://ex.com/news/story/?page=2", "https://ex.com/news/story/amp/",
                        "https://ex.com/news/story?amp=1&pg=3", "https://ex.com/", ""]))
def test_article_page_skips_only_links_that_cannot_be_a_page(href, url):
    # the digit test answers without resolving the link: only where resolving it would say
    # None (a page number is digits the link or the page's own query writes)
    from pressguard.extract.continuation import article_page

    try:
        expected = _article_page_resolved(href, url)
    except ValueError:  # a malformed link: resolving it raises, the test may answer None first
        return
    assert article_page(href, url) == expected


def _meta_by_three_queries(tree):
    """extract.meta.Meta's reading before its one query: meta, link[rel], title asked apart."""
    from pressguard.extract.text import normalize

    values: dict = {}
    head = tree.head
    root = head if head is not None and head.css_first("meta, link, title") is not None else tree
    for node in root.css("meta"):
        attrs = node.attributes
        content = normalize(attrs.get("content")) if attrs.get("content") is not None else ""
        if content:
            for key_attr in ("property", "name", "itemprop"):
                if attrs.get(key_attr):
                    values.setdefault(attrs[key_attr].strip().lower(), []).append(content)
    canonical = ""
    for link in root.css("link[rel]"):
        if "canonical" in (link.attributes.get("rel") or "").lower().split() and not canonical:
            canonical = (link.attributes.get("href") or "").strip()
    title = root.css_first("title")
    return values, canonical, normalize(title.text()) if title is not None else ""


_HEAD_PARTS = ['<meta name="author" content="Ann Lee">', '<meta property="og:title" content=" T  1 ">',
               '<meta name="x" content="">', '<meta itemprop="Name" name="n" content="v">',
               '<link rel="canonical" href=" /a ">', '<link rel="Canonical alternate" href="/b">',
               '<link href="/c">', '<link rel="stylesheet" href="/s.css">', "<title> One </title>",
               "<title>Two</title>", "<svg><title>Icon</title></svg>", "<p>text</p>"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_HEAD_PARTS), max_size=6), st.lists(st.sampled_from(_HEAD_PARTS), max_size=6))
def test_meta_from_one_query_is_the_three_queries(head, body):
    from pressguard.extract.meta import Meta

    tree = LexborHTMLParser(f"<html><head>{''.join(head)}</head><body>{''.join(body)}</body></html>")
    meta = Meta(tree)
    assert (meta.values, meta.canonical, meta.title) == _meta_by_three_queries(tree)
