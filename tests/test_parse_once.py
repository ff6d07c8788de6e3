"""One lexbor parse per page: the extraction, the second opinion, the fingerprint and the
checks read one tree (issue #12, "parse once"), and a body checked right after it was
extracted is not parsed again.

Parses are counted by wrapping lexbor's parser class where pressguard modules bound it.
"""

import itertools
import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import selectolax.lexbor
from hypothesis import given, settings
from hypothesis import strategies as st

from pressguard.verdict.assess import TemplateBaseline, _final_page, assess, check_article
from pressguard.cassettes.store import open_cassette
from pressguard.verdict.checks import run_checks
from pressguard.extract import PageBudget, PageTooLarge, extract_article, extract_generic
from pressguard.verdict.fingerprint import fingerprint

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = ROOT / "cassettes"
# one page of each layout the shipped corpus holds
PAGES = [
    ("wegotthiscovered", next((CASSETTES / "wegotthiscovered").glob("*.yaml"))),
    ("destructoid", next(p for p in sorted((CASSETTES / "destructoid").glob("*.yaml"))
                         if "--gamurs-blocks" not in p.name)),
    ("destructoid", next((CASSETTES / "destructoid").glob("*--gamurs-blocks.yaml"))),
]
ORIGINAL = selectolax.lexbor.LexborHTMLParser
_COPIES = itertools.count()


def _page(path: Path) -> tuple[str, bytes]:
    return _final_page(open_cassette(path))


def _fresh(body: bytes) -> bytes:
    """The same page in new bytes of other content (an HTML comment appended): nothing
    parsed before can stand in for it."""
    return body + b"<!-- %d -->" % next(_COPIES)


@pytest.fixture
def parses(monkeypatch):
    """How many lexbor trees pressguard builds: every pressguard module's
    LexborHTMLParser is swapped for a counting subclass."""
    from collections import OrderedDict

    from pressguard.extract import page

    monkeypatch.setattr(page, "_RECENT", OrderedDict())  # nothing another test parsed
    count = [0]

    class Counting(ORIGINAL):
        def __init__(self, *args, **kwargs):
            count[0] += 1
            super().__init__(*args, **kwargs)

    for name, module in list(sys.modules.items()):
        if name.startswith("pressguard") and getattr(module, "LexborHTMLParser", None) is ORIGINAL:
            monkeypatch.setattr(module, "LexborHTMLParser", Counting)

    class Counter:
        @property
        def n(self):
            return count[0]

    return Counter()


@pytest.mark.parametrize("site,path", PAGES, ids=lambda x: getattr(x, "name", x))
def test_assess_builds_one_tree_per_page(parses, site, path):
    url, body = _page(path)
    body = _fresh(body)
    item, current = assess(body, url, site=site)
    assert parses.n == 1
    assert item["verdict"] == "healthy" and item["body"]
    assert current["fields"]["body"]["found"]


def test_assess_with_a_baseline_parses_each_recorded_page_once(parses, tmp_path):
    folder = tmp_path / "destructoid"
    folder.mkdir()
    recorded = sorted((CASSETTES / "destructoid").glob("*.yaml"))[:3]
    for p in recorded:
        shutil.copy(p, folder / p.name)
    baseline = TemplateBaseline("destructoid", sorted(folder.glob("*.yaml")))
    url, body = _page(PAGES[1][1])
    item, _ = assess(_fresh(body), url, site="destructoid", baseline=baseline)
    # the page, and each recorded page once for its extraction and fingerprint together
    assert parses.n == 1 + len(recorded)
    assert item["verdict"] == "healthy"
    assess(_fresh(body), url, site="destructoid", baseline=baseline)
    assert parses.n == 2 + len(recorded)  # the baseline is read once per process


@pytest.mark.parametrize("content_type", [None, b"text/html; charset=UTF-8"])
def test_check_article_after_extract_article_on_the_same_body_parses_nothing(parses, content_type):
    """The spider extracts, an item pipeline checks later: the pipeline's parse is saved."""
    site, path = PAGES[0]
    url, body = _page(path)
    body = _fresh(body)
    served = {"content_type": content_type} if content_type else {}
    item = extract_article(body, url, site=site, **served)
    assert parses.n == 1
    check_article(item, body, url, site=site, content_type=content_type)
    assert parses.n == 1
    # an equal body in another bytes object (another copy of the response) is the same page
    check_article(dict(item), bytes(bytearray(body)), url, site=site, content_type=content_type)
    assert parses.n == 1
    # the same judgement as assessing it in one go
    whole, _ = assess(_fresh(body), url, site=site)
    assert {k: item[k] for k in ("checks", "verdict")} == {k: whole[k] for k in ("checks", "verdict")}


def test_the_parse_cache_is_keyed_by_content_and_charset(parses):
    """Never stale: other bytes of the same length, or the same bytes served in another
    charset, are other pages."""
    page = ("<html><head><title>T</title></head><body><h1>Caf\u00e9 prices rise sharply again</h1>"
            "<p>x</p></body></html>")
    latin = page.encode("cp1252")
    url = "https://example.com/a"
    as_cp1252 = extract_article(latin, url, content_type="text/html; charset=windows-1252")
    assert as_cp1252["headline"] == "Caf\u00e9 prices rise sharply again"
    as_utf8 = extract_article(latin, url, content_type="text/html; charset=utf-8")
    assert parses.n == 2
    assert as_utf8["headline"] != as_cp1252["headline"]  # read as UTF-8: a U+FFFD
    other = latin.replace(b"rise", b"fall")
    assert len(other) == len(latin)
    assert "fall" in extract_article(other, url, content_type="text/html; charset=windows-1252")["headline"]
    assert parses.n == 3


def test_pages_that_share_the_cache_key_are_never_mistaken_for_each_other(parses):
    """The key samples a page (its length, start, middle and end), not all of it: two
    long pages that differ only between the samples share it, and each is still read as
    itself (a hit is compared in full)."""
    from pressguard.extract.page import _content_key

    url = "https://example.com/a"
    filler = "<p>" + "filler text " * 60 + "</p>"
    pages = [f"<html><body>{filler}<h1>Headline {w} of this page</h1>{filler}{filler}</body></html>"
             for w in ("rise", "fall")]
    assert len(pages[0]) == len(pages[1]) and _content_key(pages[0]) == _content_key(pages[1])
    for _ in range(2):
        assert "rise" in extract_article(pages[0], url)["headline"]
        assert "fall" in extract_article(pages[1], url)["headline"]
    assert parses.n == 4  # the two take turns in the cache
    extract_article(pages[1], url)
    assert parses.n == 4  # the last one read is kept


def test_the_parse_cache_is_bounded(parses):
    from pressguard.extract.page import RECENT_PAGES

    url = "https://example.com/a"
    pages = [f"<html><body><h1>Headline number {i} of many</h1><p>x</p></body></html>"
             for i in range(RECENT_PAGES + 1)]
    for html in pages:
        extract_article(html, url)
    assert parses.n == RECENT_PAGES + 1
    extract_article(pages[-1], url)  # recent: kept
    assert parses.n == RECENT_PAGES + 1
    extract_article(pages[0], url)  # the oldest was let go
    assert parses.n == RECENT_PAGES + 2


def test_a_page_no_longer_recent_is_freed_at_once(parses):
    """No reference cycle keeps a parsed page (its tree is megabytes of C memory the
    garbage collector does not see) alive once it has left the recent pages."""
    import gc
    import weakref

    from pressguard.extract.page import RECENT_PAGES, page_for

    site, path = PAGES[0]
    url, body = _page(path)
    gc.disable()
    try:
        page = page_for(_fresh(body), url, site=site)
        assess(page, url, site=site)
        kept = weakref.ref(page.parsed)
        del page
        for i in range(RECENT_PAGES):
            extract_article(f"<html><body><h1>Other page {i}</h1></body></html>", url)
        assert kept() is None
    finally:
        gc.enable()


def test_the_page_budget_is_measured_once_per_page(monkeypatch):
    """Size and depth are read from the source once, not by every reader."""
    calls = []
    measure = PageBudget.check
    monkeypatch.setattr(PageBudget, "check", lambda self, html, url: calls.append(url) or measure(self, html, url))
    site, path = PAGES[0]
    url, body = _page(path)
    body = _fresh(body)
    assess(body, url, site=site)
    assert calls == [url]
    other = _fresh(body)
    item = extract_article(other, url, site=site)
    check_article(item, other, url, site=site)
    assert calls == [url, url]


def test_a_page_parsed_without_a_budget_is_still_measured_against_one():
    """The fingerprint reads pages without a budget; the extraction of the same page,
    parsed by then, must still refuse it when it is over the extraction's budget."""
    html = "<html><body>" + "<div>" * 50 + "<p>deep</p>" + "</div>" * 50 + "</body></html>"
    url = "https://example.com/deep"
    fingerprint(html, {"headline": "deep"})
    with pytest.raises(PageTooLarge, match="element nesting depth"):
        extract_article(html, url, budget=PageBudget(max_depth=20))
    with pytest.raises(PageTooLarge, match="element nesting depth"):
        extract_generic(html, url, budget=PageBudget(max_depth=20))


def _consumers(page, url, site):
    """Every reader of a page, each result as JSON text (byte-comparable)."""
    return {
        "article": lambda: extract_article(page, url, site=site),
        "generic": lambda: extract_generic(page, url, site=site),
        "fingerprint": lambda: fingerprint(page, extract_article(page, url, site=site)),
        "checks": lambda: run_checks(extract_article(page, url, site=site), html=page,
                                     second_opinion=extract_generic(page, url, site=site)),
    }


@pytest.mark.parametrize("site,path", PAGES, ids=lambda x: getattr(x, "name", x))
def test_readers_of_one_tree_do_not_change_each_others_results(site, path):
    """Each reader gives on a shared tree, in either order, what it gives on a tree of its
    own; and the tree reads the same after all of them."""
    from pressguard.extract.page import page_for

    url, body = _page(path)
    alone = {}
    for name in _consumers(None, url, site):
        page = page_for(_fresh(body), url, site=site)
        alone[name] = json.dumps(_consumers(page, url, site)[name](), sort_keys=True)
    for order in (list(alone), list(reversed(alone))):
        page = page_for(_fresh(body), url, site=site)
        before = page.tree.html
        readers = _consumers(page, url, site)
        shared = {name: json.dumps(readers[name](), sort_keys=True) for name in order}
        assert shared == alone, order
        assert page.tree.html == before


def test_the_items_lists_are_the_items_own():
    """The extraction and the second opinion may read the same cached paragraphs; a
    pipeline that edits the item's body in place must not edit the second opinion's."""
    from pressguard.extract.page import page_for

    url, body = _page(PAGES[0][1])
    page = page_for(_fresh(body), url, site="generic")
    item = extract_article(page, url, site="generic")
    second = extract_generic(page, url, site="generic")
    assert item["body"] == second["body"]
    item["body"].append("An extra paragraph.")
    assert extract_generic(page, url, site="generic")["body"] == second["body"] != item["body"]


def test_scrapy_crawl_replay_parses_the_page_once(tmp_path):
    """Through the real Scrapy engine: the page, the template baseline (that same cassette)
    and the site profile cost one parse in all."""
    site, path = PAGES[0]
    folder = tmp_path / "cassettes" / site
    folder.mkdir(parents=True)
    cassette = folder / path.name
    shutil.copy(path, cassette)
    counted, out = tmp_path / "parses.txt", tmp_path / "out.jsonl"
    runner = textwrap.dedent(f"""
        import atexit, sys
        import selectolax.lexbor as lexbor
        count = [0]
        class Counting(lexbor.LexborHTMLParser):
            def __init__(self, *args, **kwargs):
                count[0] += 1
                super().__init__(*args, **kwargs)
        lexbor.LexborHTMLParser = Counting  # before pressguard imports it
        atexit.register(lambda: open({str(counted)!r}, "w").write(str(count[0])))
        from scrapy.cmdline import execute
        execute(sys.argv)
    """)
    result = subprocess.run(
        [sys.executable, "-c", runner, "crawl", site, "-a", f"cassette={cassette}",
         "-s", f"PRESSGUARD_CASSETTES_DIR={tmp_path / 'cassettes'}", "-O", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    (item,) = [json.loads(line) for line in out.read_text().splitlines()]
    assert item["verdict"] == "healthy" and item["checks"]["template"] == "ok"
    assert counted.read_text() == "1"


# -- the boilerplate check's table: a literal pre-filter, the same answers -----------------

def _plain_first(table, text):
    for name, pattern in table:
        m = re.search(pattern, text, re.I | re.M)
        if m:
            return name, m.span()
    return None


def _table_first(table, text):
    found = table.first(text)
    return None if found is None else (found[0], found[1].span())


def test_folding_agrees_with_ignorecase_for_every_character():
    """A character that IGNORECASE matches with a needle's character must fold to what
    that character folds to, or the pre-filter would skip a pattern that matches
    ("SİGN UP", the Kelvin sign, the long s)."""
    from pressguard.extract.boilerplate import fold

    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    for ch in map(chr, range(0x20, 0x7F)):
        for other in re.findall(re.escape(ch), every, re.I):
            assert fold(other) == fold(ch), (ch, hex(ord(other)))


TRICKY = ["SİGN", "ſubscribe", "\u212a", "ı", "İ", "<", "&amp;", "&#8211;", "Getty Images", "Photo by ",
          "Create an account", "reCAPTCHA", "Related:", "Reviewed on", "has worked for multiple sites",
          "Image of Jo", "Disclosure:", "we may earn a commission", "\n", "Author", " / AFP", "x",
          "BY SİGNİNG UP, YOU AGREE", "when not wrıtıng", "ſupported by our readers"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(TRICKY), st.text(max_size=8)), max_size=12), st.booleans())
def test_the_boilerplate_table_answers_as_the_plain_loop(parts, upper):
    from pressguard.verdict.checks import _BOILERPLATE, BOILERPLATE

    text = "".join(parts)
    text = text.upper() if upper else text
    assert _table_first(_BOILERPLATE, text) == _plain_first(BOILERPLATE, text)


def test_the_boilerplate_table_answers_as_the_plain_loop_on_the_corpus():
    from pressguard.verdict.checks import _BOILERPLATE, BOILERPLATE

    texts = []
    for site, path in PAGES:
        url, body = _page(path)
        texts += extract_article(body, url, site=site)["body"]
    texts += [t.upper() for t in texts] + [t.replace("i", "\u0131") for t in texts]
    texts += ["Photo by Jane Doe / Getty Images", "This site is protected by reCAPTCHA and the Google",
              "CREATE AN ACCOUNT", "Jane has worked for multiple sites", "<img src=x>", "&amp; more"]
    found = [_plain_first(BOILERPLATE, t) for t in texts]
    assert sum(f is not None for f in found) >= 6
    assert [_table_first(_BOILERPLATE, t) for t in texts] == found


def test_the_site_profile_is_looked_up_once_per_baseline(monkeypatch, tmp_path):
    """What the checks need from the recorded cassettes is made once, not per page:
    looking the profile up by the site's list of paths costs as much as the site has
    cassettes, on every page."""
    import pressguard.verdict.assess as assess_module

    calls = []
    profile_of = assess_module.profile_of
    monkeypatch.setattr(assess_module, "profile_of", lambda paths, site: calls.append(site) or profile_of(paths, site))
    folder = tmp_path / "destructoid"
    folder.mkdir()
    for p in sorted((CASSETTES / "destructoid").glob("*.yaml"))[:3]:
        shutil.copy(p, folder / p.name)
    baseline = TemplateBaseline("destructoid", sorted(folder.glob("*.yaml")))
    url, body = _page(PAGES[1][1])
    first, _ = assess(_fresh(body), url, site="destructoid", baseline=baseline)
    second, _ = assess(_fresh(body), url, site="destructoid", baseline=baseline)
    assert calls == ["destructoid"]
    assert first["checks"] == second["checks"] and first["verdict"] == "healthy"


# -- the checks' own work: each view of the body made once per item (issue #12 item 1) ---

from pressguard.verdict import checks as checks_mod  # noqa: E402
from pressguard.verdict import (completeness_signals, decoding_flaws, english, markers, page_hints,  # noqa: E402
                                person_names, topic, truncation_signs, wording)
from pressguard.verdict import fingerprint as fp_mod  # noqa: E402

_PROSE = [  # 50+ distinct words: enough for the JSON-LD articleBody to be compared with the body
    "The studio spent four long years rebuilding the engine that powers its racing series.",
    "Lead programmer Dana Whitfield said the old renderer could not draw wet asphalt convincingly.",
    "Her team replaced the lighting model first, then rewrote how tyres deform under braking.",
    "Testers noticed the difference immediately, especially during night races in heavy rain.",
    "Modders will get access to the new toolkit shortly after launch, according to the publisher.",
    "Console versions arrive together with the desktop release, which avoids staggered patches.",
    "Pricing has not been announced, but preorders open next month through every major storefront.",
]
_ARTICLE_PAGE = """<html lang="en"><head><title>The studio rebuilt its engine</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "The studio rebuilt its engine", "url": "https://example.com/engine"%s}</script></head>
<body><article><h1>The studio rebuilt its engine</h1><p class="byline">By Jane Doe</p>
<div class="entry-content">%s</div></article>
<section class="comments"><p>%s</p><p>Great read, thanks!</p></section></body></html>"""


def _article_page(article_body: bool) -> str:
    body = "".join(f"<p>{p}</p>" for p in _PROSE)
    stored = ', "articleBody": ' + json.dumps("\n\n".join(_PROSE)) if article_body else ""
    return _ARTICLE_PAGE % (stored, body, _PROSE[3])


def _run_checks_counting(monkeypatch, module, name, wanted, article_body=True):
    """run_checks on the article page (its text index built before counting) and how many
    times module.name was called with an argument in wanted."""
    url = "https://example.com/engine"
    html = _article_page(article_body)
    item = extract_article(html, url, site="example")
    assert item["body"] == _PROSE  # the page is what the counts below assume
    second = extract_generic(html, url, site="example")
    fingerprint(html, item)  # builds the page's text index: squash calls on text nodes not counted
    calls = []
    original = getattr(module, name)

    def counting(text, *args, **kwargs):
        if text in wanted:
            calls.append(text)
        return original(text, *args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    if name == "_squash":
        person_names.squash.cache_clear()
    result = run_checks(item, html=html, second_opinion=second)
    return result, calls, second


def test_the_checks_read_the_bodys_words_once(monkeypatch):
    """agreement compares the body's word set with the second opinion's and with the JSON-LD
    articleBody, text_quality counts its English words: each paragraph is read into words
    once (_words), whoever reads it, the second opinion's copy of it included."""
    result, calls, second = _run_checks_counting(monkeypatch, checks_mod, "words", set(_PROSE))
    assert result["agreement"] == "ok" and result["text_quality"] == "ok"  # both read the words
    assert set(second["body"]) & set(_PROSE)  # the second opinion read paragraphs of the body
    assert sorted(calls) == sorted(_PROSE)


def test_the_checks_squash_each_body_paragraph_once(monkeypatch):
    """The second opinion's extra paragraphs and the comment-section test both look for the
    body's paragraphs squashed: each is squashed once per item. (Counted on the 4th and 5th
    of 7 paragraphs: the body's container is located by the first three and the last two,
    and with no JSON-LD articleBody no paragraph order is checked; the second opinion's
    copies of them are not squashed again.)"""
    result, calls, second = _run_checks_counting(monkeypatch, fp_mod, "squash", {_PROSE[3], _PROSE[4]},
                                            article_body=False)
    assert "comment section" in result["markers"]  # the comment-section test ran, and found its copy
    assert set(_PROSE[3:5]) <= set(second["body"])  # the second opinion has them too
    for para in _PROSE[3:5]:
        assert calls.count(para) == 1


_STRIP = ",.;:!?()[]{}\"“”‘’«»"


def _orphans_token_by_token(para: str) -> list:
    """The orphan-suffix rule read literally: every whitespace-delimited token, stripped."""
    out = []
    for m in re.finditer(r"\S+", para):
        raw = m.group(0)
        if raw.strip(_STRIP) not in truncation_signs.ORPHAN_SUFFIXES or raw[0] in "'’" or "-" in raw:
            continue
        if para[: m.start()].rstrip().endswith(("'", "’", "-")):
            continue
        out.append((m.start(), m.end(), f"orphan suffix {raw.strip(_STRIP)!r}"))
    return out


_TOKENS = ["ing", "ings", "ed", "s", "tion", "ments", "’s", "'s", "(ing)", "“s”", "-ing", "x-ing",
           "ing,", "sing", "ED", "the", "«ed»", "’", "-", "\u00a0", " ", "\t", "\n", "word"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_TOKENS), st.text(max_size=5)), max_size=14))
def test_orphan_suffixes_are_found_as_a_token_by_token_reading_finds_them(parts):
    para = " ".join(parts)
    assert truncation_signs.orphans(para) == _orphans_token_by_token(para)


def _control_character_by_loop(text: str) -> int | None:
    for i, ch in enumerate(text):
        if ch < " " and ch not in "\t\n\r" or "\x7f" <= ch <= "\x9f":
            return i
    return None


def test_the_control_character_pattern_is_the_character_rule():
    """_CONTROL finds exactly the characters the rule names (C0 but tab, LF, CR; DEL; C1)."""
    for code in range(0x3000):
        ch = chr(code)
        assert (decoding_flaws._CONTROL.search("ab" + ch) is not None) == \
            (_control_character_by_loop("ab" + ch) is not None), hex(code)


# -- one reading of the body's words, shared: the same answers as reading it afresh ------

_WORDY = st.lists(st.one_of(
    st.sampled_from(["The", "covid19", "PS5", "snake_case", "don't", "Jane's", "Café", "ß", "ΣΑΣ", "\u212a",
                     "İstanbul", "2024", "4k", "the", "over", "reading", "naïve", "x_y_zzzz", "Straße", "ǅ",
                     "about", "Elden", "ring"]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8)), max_size=30)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_WORDY.map(" ".join), _WORDY.map(lambda words: " ".join(words) + ".")), max_size=5),
       st.lists(_WORDY.map(" ".join), max_size=3),
       _WORDY.map(" ".join), st.sampled_from(["https://x.com/news/covid19-reading-elden-ring", "https://x.com/a"]))
def test_the_shared_words_are_a_fresh_reading_of_the_body(body, second_body, headline, url):
    """The body's word set (made from each paragraph's words, once), the second opinion's,
    the headline's subject words in the body and the English word counts equal what a
    fresh reading of the joined text, or of each paragraph, gives."""
    c = checks_mod._Context({"url": url, "body": body, "headline": headline}, None,
                            {"body": second_body}, None, None, True)
    assert c.body_words == set(wording.words(" ".join(c.body)))
    theirs = set(itertools.chain.from_iterable(map(c.words_of, second_body)))
    assert theirs == set(wording.words(" ".join(second_body)))
    assert topic.topic_share(headline, url, c.body, body_words=c.body_words) == \
        topic.topic_share(headline, url, c.body)
    words = [w for p in c.body if wording.is_prose(p) for w in english._letter_words(p.lower())]
    assert english._english_counts(c) == (sum(map(english.ENGLISH_COMMON.__contains__, words)), len(words))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.one_of(st.sampled_from(TRICKY), st.text(max_size=8)), max_size=8).map("".join),
                min_size=1, max_size=5), st.booleans())
def test_the_boilerplate_table_narrowed_to_a_body_answers_as_the_whole_table(texts, upper):
    """The boilerplate check looks for every literal once in the whole body
    (PatternTable.narrowed), then tries each paragraph with what is left: the same first
    match for every paragraph as the whole table and the plain loop."""
    from pressguard.verdict.checks import _BOILERPLATE, BOILERPLATE

    texts = [t.upper() for t in texts] if upper else texts
    narrowed = _BOILERPLATE.narrowed(texts)
    for text in texts:
        assert _table_first(narrowed, text) == _table_first(_BOILERPLATE, text) == _plain_first(BOILERPLATE, text)


def test_a_body_without_a_tables_literals_drops_their_patterns():
    from pressguard.verdict.checks import _BOILERPLATE

    narrowed = _BOILERPLATE.narrowed(_PROSE)
    assert len(narrowed.entries) < len(_BOILERPLATE.entries)
    assert "sign-up modal" not in {name for name, _, _ in narrowed.entries}


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_TOKENS), st.text(max_size=5)), max_size=14))
def test_a_paragraph_with_an_orphan_suffix_has_it_among_its_words(parts):
    """truncation reads _orphans only for paragraphs one of whose words (_words, the
    shared reading) is a suffix: every paragraph with an orphan has one."""
    para = " ".join(parts)
    if truncation_signs.orphans(para):
        assert not truncation_signs.ORPHAN_SUFFIXES.isdisjoint(wording.words(para))


def test_the_text_nodes_opening_with_a_word_are_found_in_the_squashed_page():
    """_later_page reads only the text nodes whose squashed text opens with "page" (found
    in the index's squashed page), the same nodes, in the same order, as reading every
    node; a pager's "Page 2 of 3" is one."""
    html = ("<html><body><p>Homepage news</p><nav><span> Page 2 of 3</span><b>PAGE</b>1</nav>"
            "<p>The page 4 of the report</p><p>page</p><p>Pages</p></body></html>")
    pages = [html] + [_page(path)[1] for _, path in PAGES]
    for source in pages:
        index = fp_mod.TextIndex(selectolax.lexbor.LexborHTMLParser(source))
        every = [node for _, node in index.nodes if fp_mod.squash(node.text_content).startswith("page")]
        assert list(completeness_signals._nodes_opening_with(index, "page")) == every
    index = fp_mod.TextIndex(selectolax.lexbor.LexborHTMLParser(html))
    assert [n.text_content for n in completeness_signals._nodes_opening_with(index, "page")] == \
        [" Page 2 of 3", "PAGE", "page", "Pages"]
    page = page_hints.PageHints(html, "https://example.com/a")
    assert completeness_signals.later_page(page, "https://example.com/a") == "'Page 2 of 3' on the page"


def test_the_markers_shared_views_of_the_body_are_the_paragraphs_own():
    """markers reads each paragraph spaced and case-folded once (_Context.body_spaced,
    body_keys): the same answers as each test reading the paragraphs itself."""
    bodies = [extract_article(_page(path)[1], _page(path)[0], site=site)["body"] for site, path in PAGES]
    bodies.append(["A  paragraph\u00a0long enough to be prose, repeated " * 3] * 2 + ["Loading\u2026", "4 Comments"])
    for body in bodies:
        c = checks_mod._Context({"url": "https://example.com/a", "body": body}, None, None, None, None, True)
        assert [markers.marker_of(p, s) for p, s in zip(c.body, c.body_spaced)] == \
            [markers.marker_of(p) for p in c.body]
        assert markers.repeated_paragraphs(c.body, c.body_keys) == markers.repeated_paragraphs(c.body)
        assert markers.stutter(c.body, c.body_keys) == markers.stutter(c.body)
    assert markers.stutter(bodies[-1]) == 0
