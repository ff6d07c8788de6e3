"""Cheap tests the checks run before their expensive ones (issue #12 item 1: the checks
cost no more than the extraction they check). Each pre-filter may only skip work whose
answer is already known: these tests run the full test beside the pre-filter on varied
input and require the same answer, and show the skipped work is really skipped."""

from __future__ import annotations

import html as htmllib
import re
from urllib.parse import urljoin, urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st

from pressguard.extract.continuation import PAGE_PARAM
from pressguard.extract.page import page_for
from pressguard.verdict import checks, completeness_signals, english, incidents, markers, person_names, wording

URL = "https://example.com/news/a-story"


def _context(html: str, item: dict, url: str = URL) -> "checks._Context":
    return checks._Context({"url": url, **item}, page_for(html.encode(), url, site="example"),
                           None, None, None, True)


# -- the headline's lossy copies (incidents._lossy_copy) -------------------------------------

_NON_ASCII = "–—’é ü\u00ad\u200b“”"


def _alt_page(alts: list[str]) -> str:
    imgs = "".join(f'<img src="/i{i}.jpg" alt="{htmllib.escape(a)}">' for i, a in enumerate(alts))
    return f"<html><body><h1>x</h1>{imgs}<p>text</p></body></html>"


@st.composite
def _headline_and_copies(draw):
    """An ASCII headline of 3+ words, and alt texts that are often a copy of it with
    non-ASCII characters, apostrophes and whitespace put in (what the pattern allows),
    sometimes with a character changed or dropped (what it does not), around noise."""
    words = draw(st.lists(st.text("abcdeXY'9.", min_size=1, max_size=6), min_size=3, max_size=6))
    h = " ".join(words)
    copies = []
    for _ in range(draw(st.integers(1, 3))):
        out = []
        for ch in h:
            if ch == " ":
                out.append(draw(st.text(" \t\n" + _NON_ASCII, min_size=0, max_size=3)) or " ")
            else:
                if draw(st.integers(0, 39)) == 0:  # a change the pattern does not allow
                    ch = draw(st.sampled_from(["", "z", " ", "''"]))
                out.append(ch + draw(st.text(_NON_ASCII + "'", max_size=2)))
        noise = st.text("ab '" + _NON_ASCII, max_size=4)
        copies.append(draw(noise) + "".join(out) + draw(noise))
    return h, copies


@settings(max_examples=400, deadline=None)
@given(_headline_and_copies())
def test_the_lossy_copy_prefilter_never_skips_a_copy_the_pattern_finds(case):
    h, copies = case
    c = _context(_alt_page(copies), {"headline": h})
    filtered = incidents._lossy_copy(c, h)
    real = incidents._may_hold_copy
    try:
        incidents._may_hold_copy = lambda h, text: True  # the pattern on every page
        full = incidents._lossy_copy(c, h)
    finally:
        incidents._may_hold_copy = real
    assert filtered == full


def test_a_lossy_copy_is_still_found():
    h = "The studios new game is out"
    c = _context(_alt_page(["The studio’s new game — is out"]), {"headline": h})
    assert incidents._lossy_copy(c, h) == "The studio’s new game — is out"


def test_no_pattern_is_compiled_for_a_headline_no_copy_can_hold(monkeypatch):
    """The pattern is one per headline (compiled anew on every page: ~2 ms); a page whose
    non-ASCII copies cannot hold the headline does not compile it."""
    h = "Crimson Arcana gets a co-op campaign"
    c = _context(_alt_page(["Café menu – today", "Another story’s picture"]), {"headline": h})
    compiled = []
    real = re.compile
    monkeypatch.setattr(incidents.re, "compile", lambda p, *a: compiled.append(p) or real(p, *a))
    assert incidents._lossy_copy(c, h) is None
    assert compiled == []


# -- a first page's "next" link (completeness_signals.first_of_many) --------------------------------------

def _second_part(url: str, href: str) -> bool:
    """_first_of_many's test of one link, written out in full (no pre-filter; PAGE_PARAM is the
    page-N query parameter continuation.article_page reads)."""
    here = urlsplit(url)
    path = here.path.rstrip("/")
    there = urlsplit(urljoin(url, href.strip()))
    if there.netloc != here.netloc:
        return False
    m = PAGE_PARAM.search("?" + there.query) if there.path.rstrip("/") == path else None
    return (m is not None and m.group(1) == "2") or there.path.rstrip("/") == path + "/2"


_URL_PART = st.text("ab2/.?#=&;:", max_size=8)
_HREF = st.one_of(
    st.sampled_from(["", "?", "#x", "https:", "http:", ".", "./", "..", "2", "/2", "?page=2", "?slide=2",
                     "//example.com/news/a-story/2", "?page=22", ";2", "#2", " ?page=2 "]),
    st.builds(lambda a, b: a + b, st.sampled_from(["", "?page=", "?paged=", "/", "../", "//example.com/",
                                                    "https://example.com/news/"]), _URL_PART))
_BASE = st.builds(lambda p, q: "https://example.com/news/" + p + q,
                  st.sampled_from(["a-story", "a-story/", "2", "a/2/", "a-2-story"]),
                  st.sampled_from(["", "?page=2", "?x=1", "?page=1&slide=2", "?2"]))


@settings(max_examples=500, deadline=None)
@given(url=_BASE, hrefs=st.lists(_HREF, min_size=1, max_size=4), rel=st.booleans())
def test_the_next_link_prefilter_never_skips_a_link_to_the_second_part(url, hrefs, rel):
    links = "".join(f'<a {"rel=next " if rel else ""}href="{htmllib.escape(h)}">Next page</a>' for h in hrefs)
    c = _context(f"<html><body><h1>x</h1><p>text</p>{links}</body></html>", {}, url=url)
    try:
        expected = next((f"a next link to {wording.quote(h.strip(), 60)}" for h in hrefs
                         if _second_part(url, h)), None)
    except ValueError:  # urljoin refuses the href: nothing to compare
        return
    assert completeness_signals.first_of_many(c.page, url) == expected


def test_links_without_a_2_are_not_resolved(monkeypatch):
    """A "Next" link whose href has no "2" (nor the page's query) cannot lead to page 2:
    it is not joined with the page's URL (on every shipped page ~130 links are read)."""
    from pressguard.extract import continuation  # where article_page joins a link with the page's URL

    links = "".join(f'<a href="/news/story-{w}/">Next story</a>' for w in "abcdefghijklmnopqrstuvwxyz")
    c = _context(f"<html><body><h1>x</h1><p>text</p>{links}<a href='?page=2'>Next</a></body></html>", {})
    joined = []
    real = continuation.urljoin
    monkeypatch.setattr(continuation, "urljoin", lambda *a: joined.append(a) or real(*a))
    assert completeness_signals.first_of_many(c.page, URL) == "a next link to '?page=2'"
    assert joined == [(URL, "?page=2")]


# -- a byline's other roles (person_names._mentions) ------------------------------------------------

@settings(max_examples=500, deadline=None)
@given(name=st.text("aAbB .ſK", min_size=0, max_size=4), text=st.text("aAbB .ſKé", max_size=30))
def test_a_names_mentions_are_where_the_case_insensitive_pattern_finds_them(name, text):
    assert list(person_names._mentions(name, text)) == [m.start() for m in re.finditer(re.escape(name), text, re.I)]


# -- the markers' gate words (markers.marker_of) -----------------------------------------------

_MARKER_BITS = ["2 hours ago", "user · 3 hours ago", "Subscribe to continue reading", "log in", "member",
                "Sign in to read the full story", "lazy", "skeleton", "[lazy-load]", "We use cookies to give you "
                "the best experience, accept", "cookie", "you must be 18 to view", "That you are", "account",
                "Already a subscriber? Log in", "Loading…", "Reply", "The match went on.", "Remember it.",
                "limit", "continue reading", "It is not available in your region"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_MARKER_BITS), min_size=1, max_size=5), min_size=1, max_size=6))
def test_the_gates_narrowed_to_the_body_find_each_paragraphs_marker(paragraphs):
    body = [" ".join(bits) for bits in paragraphs]
    spaced = [" ".join(p.split()) for p in body]
    lows = [t.lower() for t in spaced]
    gates = markers.marker_gates_in(lows)
    assert [markers.marker_of(p, s, low, gates) for p, s, low in zip(body, spaced, lows)] == \
        [markers.marker_of(p) for p in body]


# -- the template check reads the closest recording's comparison -----------------------------

def test_the_page_is_compared_with_its_closest_recording_once(monkeypatch):
    """The baseline compares the page with its recordings to find the closest; the template
    check reported that comparison by comparing the two again."""
    from pathlib import Path

    from pressguard.cassettes.store import open_cassette
    from pressguard.verdict import assess as assess_module
    from pressguard.verdict import fingerprint as fp

    root = Path(__file__).resolve().parent.parent
    path = sorted((root / "cassettes").glob("*/*.yaml"))[0]
    site = path.parent.name
    url, body = assess_module._final_page(open_cassette(path))
    baseline = assess_module.TemplateBaseline(site, sorted(path.parent.glob("*.yaml")))
    list(baseline._candidates())  # every recording read before counting
    pairs = []
    real = fp.compare
    counting = lambda r, c: pairs.append((id(r), id(c))) or real(r, c)  # noqa: E731
    monkeypatch.setattr(assess_module, "compare", counting)
    monkeypatch.setattr(fp, "compare", counting)
    item, current = assess_module.assess(body + b"<!-- once -->", url, site=site, baseline=baseline)
    closest = baseline.closest(current)
    assert closest is not None and item["checks"]["template"] == "ok"
    assert pairs.count((id(closest), id(current))) == 2  # closest's search, and the one above



# -- work the page's one walk says is not needed (page_scan.childless_ps, includes) ------------

_PROSE = "<p>" + "The team shipped the update on time and the players noticed the change. " * 2 + "</p>"


def test_the_source_is_not_searched_for_empty_paragraphs_the_body_cannot_have(monkeypatch):
    """Fewer than two <p> with no child in the body: the empty-paragraph finding cannot be
    made, and the source (~120 KB a page) is not searched for one."""
    searched = []

    class Watched:
        def __init__(self, rx):
            self.rx = rx

        def search(self, raw):
            searched.append(len(raw))
            return self.rx.search(raw)

    monkeypatch.setattr(incidents, "_EMPTY_P_BYTES", Watched(incidents._EMPTY_P_BYTES))
    monkeypatch.setattr(incidents, "_EMPTY_P", Watched(incidents._EMPTY_P))
    body = [" ".join(_PROSE[3:-4].split())] * 4
    one_empty = f"<html><body><h1>x</h1><article>{_PROSE * 3}<p></p>{_PROSE}</article></body></html>"
    c = _context(one_empty, {"body": body})
    assert incidents.emptied_paragraphs(c) is None
    assert searched == []
    two_empty = one_empty.replace("<p></p>", "<p></p><p></p>")
    c = _context(two_empty, {"body": body})
    incidents.emptied_paragraphs(c)
    assert searched  # the source is searched where the body can hold the finding


def test_a_page_with_no_edge_side_include_is_not_walked_for_one(monkeypatch):
    walked = []
    monkeypatch.setattr(checks, "unprocessed_includes", lambda *a: walked.append(a) or None)
    body = ["The team shipped the update on time and the players noticed the change here."] * 4
    page = f"<html><body><h1>A headline of the page</h1>{''.join(f'<p>{p}</p>' for p in body)}</body></html>"
    item = {"url": URL, "headline": "A headline of the page", "body": body, "authors": []}
    checks.run_checks(item, html=page_for(page.encode(), URL, site="example"))
    assert walked == []
    with_esi = page.replace("</h1>", "</h1><esi:include src='/part'/>")
    checks.run_checks(item, html=page_for(with_esi.encode(), URL, site="example"))
    assert len(walked) == 1


def test_the_source_is_searched_for_an_esi_comment_only_when_the_body_has_a_comment_naming_one(monkeypatch):
    """An include in ESI's comment form is looked for in the source (a regex over ~120 KB)
    only when the page's walk met a comment holding "esi:include"; the finding needs one."""
    searched = []
    real = checks.esi_comment
    monkeypatch.setattr(checks, "esi_comment", lambda html: searched.append(1) or real(html))
    body = ["The team shipped the update on time and the players noticed the change here."] * 4
    page = f"<html><body><h1>A headline of the page</h1>{''.join(f'<p>{p}</p>' for p in body)}</body></html>"
    item = {"url": URL, "headline": "A headline of the page", "body": body, "authors": []}
    checks.run_checks(item, html=page_for(page.replace("</h1>", "</h1><!-- esi: a note -->").encode(), URL,
                                          site="example"))
    assert searched == []
    with_esi = page.replace("</h1>", "</h1><!--esi <esi:include src='/part'/> -->")
    result = checks.run_checks(item, html=page_for(with_esi.encode(), URL, site="example"))
    assert searched == [1]
    assert "unprocessed <esi:include" in result["completeness"], result["completeness"]


def _selectors_run(path) -> tuple[list[str], dict]:
    """The selectors run over a shipped page's tree and body while it is checked."""
    from test_page_scan import watched_tree

    from pressguard.cassettes.store import open_cassette
    from pressguard.extract import extract_article, extract_generic
    from pressguard.verdict import fingerprint as fp
    from pressguard.verdict.assess import _final_page

    url, body = _final_page(open_cassette(path))
    site = path.parent.name
    page = page_for(body + b"<!-- watched selectors -->", url, site=site)
    item = extract_article(page, url, site=site)
    second = extract_generic(page, url, site=site)
    calls: list[str] = []
    real = page.parsed.tree

    current = fp.fingerprint(page, item)
    page.parsed.tree = page.tree = watched_tree(real, calls)
    return calls, checks.run_checks(item, html=page, second_opinion=second, current_fingerprint=current)


def test_a_page_whose_metadata_states_its_date_is_not_searched_for_time_elements():
    """The update-time signal reads <time datetime> only when neither the JSON-LD nor
    article:published_time states a date; and the "next page" links looked at are only
    those whose href holds a "2"."""
    from pathlib import Path

    path = next(p for p in sorted((Path(__file__).resolve().parent.parent / "cassettes").glob("*/*.yaml"))
                if "gamurs-blocks" in p.name)
    calls, result = _selectors_run(path)
    assert result["completeness"] == "ok"
    assert "time[datetime]" not in calls
    assert 'a[href], link[rel~="next"][href]' not in calls
    # a body with no <link>: the split-page links are the head's and the scan's, no search of the page
    assert 'link[rel~="prev"], link[rel~="previous"]' not in calls
    assert 'a[href*="2"], link[rel~="next"][href*="2"]' not in calls
    assert calls  # (the watch works)


# -- a placeholder's class, read once per value (markers._marker_reading) --------------------

def _marker_reading_in_full(marker: str, strong: bool):
    """_placeholder's reading of a class and id value, as it read it on every element."""
    from pressguard.verdict import fingerprint as fp

    words = set(fp._CLASS_SPLIT.split(marker))
    if not markers._MEDIA_WORDS.isdisjoint(words):
        return markers._MEDIA
    hit = (markers._STRONG_PLACEHOLDER_WORDS if strong else markers._PLACEHOLDER_WORDS) & words
    return f"class {wording.quote(marker, 40)}" if hit or markers._PLACEHOLDER_PHRASES.search(marker) else None


_MARKER_WORDS = ["skeleton", "lazy", "loader", "ad", "image", "load-more", "members-only", "article-lock",
                 "entry", "content", "x", "premium", "spinner", "consent", "continue_reading", "sk"]


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(_MARKER_WORDS), min_size=1, max_size=4),
       seps=st.lists(st.sampled_from([" ", "-", "_", "  ", "\t"]), min_size=4, max_size=4),
       strong=st.booleans())
def test_a_class_values_reading_is_the_same_read_again(words, seps, strong):
    marker = "".join(w + s for w, s in zip(words, seps)).strip()
    assert markers._marker_reading(marker, strong) == _marker_reading_in_full(marker, strong)
    assert markers._marker_reading(marker, strong) == _marker_reading_in_full(marker, strong)  # (memoised)


# -- the English word counts (english._english_counts) -----------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["the", "The", "of", "and", "x2", "covid19", "2024", "snake_case",
                                          "a_b", "Café", "über", "is", "word", "it's", "end.", "a1b2the"]),
                         min_size=10, max_size=30).map(lambda ws: " ".join(ws) + "."), min_size=1, max_size=5))
def test_the_english_counts_are_english_shares_counts(body):
    c = checks._Context({"url": URL, "body": body}, None, None, None, None, True)
    prose = [p for p in body if wording.is_prose(p)]
    words = [w for p in prose for w in english._letter_words(p.lower())]
    assert english._english_counts(c) == (sum(map(english.ENGLISH_COMMON.__contains__, words)), len(words))


# -- clean text (extract.text.normalize) -------------------------------------------------------

@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from(list("ab .\t\n\u00a0\u200b\ufeff\u00ad\u2060\u200e\u202a\u2069é\u3000")), max_size=20))
def test_normalize_reads_as_the_full_substitution(text):
    from pressguard.extract import text as text_module

    assert text_module.normalize(text) == " ".join(text_module._INVISIBLE.sub("", text).split())


def test_an_ascii_text_is_not_searched_for_invisible_characters(monkeypatch):
    """Every invisible character is non-ASCII: most of a page's texts (every node's text
    passes here, in the extraction and the second opinion) skip the pattern."""
    from pressguard.extract import text as text_module

    searched = []

    class Watched:
        def search(self, t):
            searched.append(t)
            return None

        def sub(self, repl, t):
            return t

    monkeypatch.setattr(text_module, "_INVISIBLE", Watched())
    assert text_module.normalize("  A plain   ASCII text ") == "A plain ASCII text"
    assert searched == []
    text_module.normalize("soft\u00adhyphen")
    assert searched == ["soft\u00adhyphen"]


# -- a hacked site's spam terms (incidents._spam_links) ---------------------------------------

_SPAM_PIECES = ["free spins", "No Deposit", "online casino", "Viagra", "cheap keys", "payday loan",
                "buy tiktok likes", "followers", "free ", "online ", " ", ". ", "ſpins", "K", "ı", "the news"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_SPAM_PIECES), max_size=8).map("".join), min_size=1, max_size=5))
def test_the_spam_terms_narrowed_to_the_body_find_each_paragraphs_term(paragraphs):
    terms = incidents._SPAM_TABLE.narrowed(paragraphs)
    for p in paragraphs:
        assert bool(terms.entries and terms.first(p)) == bool(incidents._SPAM_TERM.search(p))


def test_a_body_holding_no_spam_terms_literal_is_not_searched_for_the_terms():
    assert not incidents._SPAM_TABLE.narrowed(["A council vote on the bus lanes.", "Parking is free."]).entries


# -- deleted apostrophes (markup_leaks.deleted_apostrophes) -----------------------------------

_APOSTROPHE_PIECES = ["dont", "Dont", "theyre", "childrens", "DONT", "dontt", "_dont", "dont_", "9dont", "ſhes",
                      "Priya Ramans ideas", "Priya Raman", "é", "Ramans", "Humans remain", " ", ", ", ".", "\n",
                      "K", "ı", "İ", "straße", "Ab Cdes x", "xAb Cdes x", "_Ab Cdes x"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_APOSTROPHE_PIECES), max_size=10).map("".join))
def test_a_text_whose_words_hold_no_run_together_word_has_none_to_find(text):
    from pressguard.verdict import markup_leaks

    found = [w for w in markup_leaks._LOWER_WORD.findall(text) if w in markup_leaks._RUN_TOGETHER]
    assert not found or not markup_leaks._RUN_TOGETHER.isdisjoint(wording.words(text))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_APOSTROPHE_PIECES), max_size=10).map("".join))
def test_the_glued_possessive_led_by_its_capital_matches_as_the_word_boundary_form(text):
    from pressguard.verdict import markup_leaks

    boundary = re.compile(r"\b([A-Z][a-z]+ [A-Z][a-z]{2,})s ([a-z]+)")
    assert [(m.span(), m.groups()) for m in markup_leaks._GLUED_POSSESSIVE.finditer(text)] == \
        [(m.span(), m.groups()) for m in boundary.finditer(text)]


# -- a long text's spaced length (wording.spaced_within) ---------------------------------------

@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from("ab \t\n\u00a0\u2003."), max_size=60), st.integers(0, 25))
def test_spaced_within_reads_as_the_spaced_texts_length(text, limit):
    assert wording.spaced_within(text, limit) == (len(" ".join(text.split())) <= limit)


# -- case-blind patterns searched case-sensitively in lower-cased ASCII text (boilerplate.lowered)

def _lowered_tables():
    from pressguard.extract.boilerplate import lowered

    yield from ((pat, cased) for _, pat, _, cased in checks._BOILERPLATE.entries + incidents._SPAM_TABLE.entries
                if cased is not None)
    yield from ((anywhere, markers._LOWERED[kind]) for kind, _, anywhere in markers._MARKERS)
    assert lowered(r"[0-_]") is None and lowered(r"\x41") is None and lowered("(?-i:a)b") is None
    assert lowered("\u017f") is None and lowered("\u212a") is None and lowered("[A-Z]") is None


_ASCII_BITS = [bit for bit in _MARKER_BITS + _SPAM_PIECES if bit.isascii()] + [
    "Photo by Ann Lee/", "PHOTO CREDIT: AP", "We may earn a commission", "[/embed]", "[caption id=x]",
    "&amp;", "<IMG src", "Related: x", "Create an account", "\n", "Protected by reCAPTCHA and Google"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ASCII_BITS), max_size=8).map(" ".join))
def test_a_lowered_pattern_matches_lower_cased_ascii_text_where_the_pattern_matches(text):
    for pat, cased in _lowered_tables():
        m, n = pat.search(text), cased.search(text.lower())
        assert (m and m.span()) == (n and n.span())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_ASCII_BITS + ["ſ", "é", "K"]), max_size=8).map(" ".join))
def test_a_pattern_tables_first_match_is_the_plain_loops(text):
    table = checks._BOILERPLATE
    plain = next(((name, m.span(), m.group(0)) for name, pat, _, _ in table.entries
                  if (m := pat.search(text)) is not None), None)
    found = table.narrowed([text]).first(text)
    assert (found and (found[0], found[1].span(), found[1].group(0))) == plain


# -- a template's prompts to the writer (incidents._writer_instructions) -----------------------

_PROMPT_BITS = ["Add", "write", "a summary", "here", "Body text", "goes here", "GOES HERE", "goeſ here", "the",
                "in one sentence", "readers", ".", "Please", "use", "Title", "text goes", "here.", "é", "  "]
_ONE_PROMPT_PATTERN = re.compile(incidents._INSTRUCTION.pattern.replace("(?:please", "^(?:please", 1)
                                 + r"|\b(?:text|copy|content|headline|title|summary|caption|intro|body) goes here\b",
                                 re.I)  # the single alternation searched before the split


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PROMPT_BITS), max_size=9).map(" ".join))
def test_the_prompt_opening_and_its_slot_line_find_what_one_alternation_found(text):
    split = bool(incidents._INSTRUCTION.match(text) or incidents._GOES_HERE.first(text))
    assert split == bool(_ONE_PROMPT_PATTERN.search(text))


# -- a text's letters and digits (extract.text.letters) -----------------------------------------

@settings(max_examples=500, deadline=None)
@given(st.text(max_size=40))
def test_letters_keeps_what_isalnum_keeps_of_the_case_folded_text(text):
    from pressguard.extract.text import letters

    assert letters(text) == "".join(ch for ch in text.casefold() if ch.isalnum())


# -- the site's names in a standfirst (dek_source.tagline_finding) ------------------------------

@settings(max_examples=500, deadline=None)
@given(st.text("aAkKsSſıİé ß.-", max_size=6), st.text("aAkKsSſıİé ß.-", max_size=20))
def test_a_name_the_case_blind_search_finds_is_in_the_folded_text(name, text):
    from pressguard.extract.boilerplate import fold

    if re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I):
        assert fold(name) in fold(text)
