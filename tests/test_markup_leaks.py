"""Signals for what a layer between the stored post and the reader failed to do
(pressguard/verdict/markup_leaks.py): markup a theme escaped, letters a database connection
turned into "?", Edge Side Includes an edge passed through. Each on a shipped page changed
that one way, through assess (the one parse, the extraction and every check), and the
same page unchanged as the control."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shipped_pages import article_page as _page, assess_page as _assess

from pressguard.verdict.markup_leaks import deleted_apostrophes, escaped_markup, lost_characters, unrendered_spintax, word_in

PAGES = ("wegotthiscovered/the-lantern-keepers-review-worth-the-wait",
         "destructoid/starfall-tactics-review-worth-the-wait",
         "twinfinite/cafe-lumiere-returns-zoe-rsteds-creme-brulee-event-brings-rewards")


def _failing(item: dict) -> dict:
    return {k: v for k, v in item["checks"].items() if v != "ok"}


@pytest.mark.parametrize("name", PAGES)
def test_the_pages_as_shipped_raise_none_of_these(name):
    item = _assess(name, _page(name)[1])
    assert item["checks"]["text_quality"] == "ok" and item["checks"]["completeness"] == "ok"
    assert item["verdict"] != "broken", _failing(item)


@pytest.mark.parametrize("name", PAGES)
def test_a_headline_printed_with_its_tags_escaped_is_broken_naming_the_headline(name):
    url, html = _page(name)
    h1 = re.search(r"(<h1[^>]*>)(.*?)(</h1>)", html, re.S)
    words = h1.group(2).split()
    escaped = f"&lt;em&gt;{' '.join(words[:2])}&lt;/em&gt; {' '.join(words[2:])}"
    item = _assess(name, html[: h1.start(2)] + escaped + html[h1.end(2):])
    assert item["headline"].startswith("<em>"), item["headline"]
    assert item["verdict"] == "broken"
    assert "headline: markup printed as text '<em>" in item["checks"]["text_quality"]


@pytest.mark.parametrize("name", PAGES)
def test_question_marks_for_letters_a_connection_lost_are_broken(name):
    url, html = _page(name)
    lost = html
    for ch in ("’", "–", "—", "&#8217;", "&#8211;", "&#8212;", "&rsquo;", "&ndash;"):
        lost = lost.replace(ch, "?")
    assert lost != html
    item = _assess(name, lost)
    assert item["verdict"] == "broken"
    assert "'?' in place of characters" in item["checks"]["text_quality"]


def test_question_marks_that_are_questions_or_urls_are_not_lost_letters():
    fields = [("headline", "Is this the end? Not quite"),
              ("body paragraph 1", "Why? Because the studio said so. What now?"),
              ("body paragraph 2", "See example.com/patch?id=3 and https://x.com/p?lang=en for notes."),
              ("body paragraph 3", "const state = ready?go:wait;")]
    assert lost_characters(fields) is None
    assert lost_characters([("body paragraph 1", "the studio?s first game")]).startswith("body paragraph 1:")
    assert lost_characters([("headline", "Project Lumen review ? almost there")]).startswith("headline:")


def test_tags_in_prose_are_not_escaped_markup():
    assert escaped_markup("If a < b and b > c, then a < c.") is None
    assert escaped_markup("We <3 this game") is None
    assert escaped_markup("<em>Starfall Tactics</em> review") is not None


@pytest.mark.parametrize("name", PAGES)
def test_an_esi_include_beside_the_body_is_broken_naming_the_body(name):
    url, html = _page(name)
    item = _assess(name, html)
    # after the paragraph that holds the body's second paragraph's first words
    second = item["body"][1][:30]
    at = html.index("</p>", html.index(second, html.index("<body"))) + len("</p>")
    esi = '<esi:include src="/esi/article-body/4471?part=2" onerror="continue"/>'
    changed = _assess(name, html[:at] + esi + html[at:])
    assert changed["verdict"] == "broken"
    assert "body: the whole article, found an unprocessed <esi:include" in changed["checks"]["completeness"]


@pytest.mark.parametrize("name", PAGES[:2])
def test_an_esi_include_in_the_footer_says_nothing_about_the_body(name):
    url, html = _page(name)
    at = html.rindex("</footer>")
    changed = _assess(name, html[:at] + '<esi:include src="/esi/footer-links"/>' + html[at:])
    assert changed["checks"]["completeness"] == "ok", changed["checks"]["completeness"]


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("comment", ['<!--esi <esi:include src="/esi/article-body/4471?part=2"/> -->',
                                     '<!-- esi:include src="/fragments/article/body/2" onerror="continue" -->'])
def test_an_esi_include_in_comment_form_beside_the_body_is_broken_naming_the_body(name, comment):
    # ESI's comment form passed through by an edge that did not process it
    url, html = _page(name)
    item = _assess(name, html)
    second = item["body"][1][:30]
    at = html.index("</p>", html.index(second, html.index("<body"))) + len("</p>")
    changed = _assess(name, html[:at] + comment + html[at:])
    assert changed["verdict"] == "broken"
    assert "body: the whole article, found an unprocessed <esi:include" in changed["checks"]["completeness"]


@pytest.mark.parametrize("name", PAGES[:2])
def test_an_ordinary_comment_beside_the_body_and_an_esi_comment_in_the_footer_say_nothing(name):
    url, html = _page(name)
    item = _assess(name, html)
    second = item["body"][1][:30]
    at = html.index("</p>", html.index(second, html.index("<body"))) + len("</p>")
    html = html[:at] + "<!-- /wp:paragraph -->" + html[at:]
    at = html.rindex("</footer>")
    changed = _assess(name, html[:at] + '<!-- esi:include src="/esi/footer-links" -->' + html[at:])
    assert changed["checks"]["completeness"] == "ok", changed["checks"]["completeness"]


# a name as the glued-possessive test finds it, in text of letters of several scripts, digits
# (decimal, superscript, other numerals), "_", spaces and punctuation
_NAMES = st.from_regex(r"\A[A-Z][a-z]{1,3} [A-Z][a-z]{2,3}\Z")
_PIECES = st.sampled_from(["", " ", "_", "a", "Z", "é", "ß", "名", "Ж", "0", "²", "Ⅻ", "٣", "'", "\u2019",
                           ".", "-", "\n", "\u00a0", "\u200b", "s", "es"])


@settings(max_examples=400, deadline=None)
@given(_NAMES, st.lists(st.one_of(_PIECES, _NAMES), max_size=12), st.lists(_PIECES, max_size=4))
def test_word_in_answers_as_the_regex_it_replaces(name, parts, around):
    text = "".join(parts)
    for extra in (text, "".join(around) + name + "".join(reversed(around)), text + name + text):
        assert word_in(name, extra) == (re.search(rf"\b{re.escape(name)}\b", extra) is not None), extra


def test_set_phrases_without_their_apostrophe_are_counted_whatever_their_case():
    """The set phrases are read case-blind ("DIRECTORS CUT"), behind the search for their end."""
    found = deleted_apostrophes([("headline", "The DIRECTORS CUT arrives"),
                                 ("body paragraph 1", "It lands on New Years Day with a Collectors edition.")])
    assert found is not None and found.startswith("headline: apostrophes deleted (3 words such as 'DIRECTORS CUT'")
    assert deleted_apostrophes([("headline", "The directors cutting room"), ("dek", "New Years Days")]) is None


@pytest.mark.parametrize("name", PAGES[:2])
def test_a_dek_printed_as_the_block_editors_serialized_markup_is_broken_naming_the_dek(name):
    # an excerpt stored as the post's first paragraph block, which the theme escapes
    url, html = _page(name)
    dek = _assess(name, html)["dek"]
    shown = re.search(r">\s*" + re.escape(dek) + r"\s*<", html)
    assert shown is not None
    markup = f"&lt;!-- wp:paragraph --&gt; &lt;p&gt;{dek}&lt;/p&gt; &lt;!-- /wp:paragraph --&gt;"
    item = _assess(name, html[: shown.start()] + f">{markup}<" + html[shown.end():])
    assert item["dek"].startswith("<!-- wp:paragraph -->"), item["dek"]
    assert item["verdict"] == "broken"
    assert "dek: markup printed as text '<!-- wp:paragraph -->" in item["checks"]["text_quality"]


def test_a_field_that_is_markup_is_escaped_markup_and_a_tag_quoted_in_prose_is_not():
    assert escaped_markup("<p>The studio confirmed the date.</p>") is not None
    assert escaped_markup("<!-- wp:paragraph -->The studio confirmed it.<!-- /wp:paragraph -->") is not None
    assert escaped_markup('<h2 class="wp-block-heading">What we know</h2>') is not None
    # an article about HTML quotes tags in its sentences (a real WCXB page does)
    assert escaped_markup("A smoke test of a valid HTML string, <p>Hello</p>. Then more") is None
    assert escaped_markup("Input: <table></table><li><table></table>") is None
    assert escaped_markup("<p> opens a paragraph and </p> closes it") is None


def test_a_spinners_choices_printed_in_the_body_are_broken_naming_the_paragraph():
    name = PAGES[0]
    url, html = _page(name)
    words = re.search(r"<p[^>]*>([A-Z][a-z]+ [a-z]+ [a-z]+) ", html)
    assert words is not None
    spun = html.replace(words.group(0), words.group(0) + "{quickly|rapidly|swiftly} ", 1)
    item = _assess(name, spun)
    assert item["verdict"] == "broken"
    assert "spintax printed as text '{quickly|rapidly|swiftly}'" in item["checks"]["text_quality"]


@pytest.mark.parametrize("text, prose", [
    ("The studio {confirmed|announced|revealed} the date on Tuesday.", True),
    ("{Best|Top} ten co-op games of the year", True),
])
def test_spintax_in_running_text_is_found(text, prose):
    assert unrendered_spintax(text, prose)


@pytest.mark.parametrize("text, prose", [
    ("Render it with {{ post.title | upper }} in the template, as the docs show.", True),  # a filter
    ("The grammar reads number = { digit | letter } and nothing more.", True),  # EBNF, spaced
    ("Let S = {x|x>0} be the positive reals, as the course defines them.", True),  # set-builder
    ("Usage: /etc/init.d/nginx {start|stop|restart}", False),  # a code line, not prose
    ("The studio {confirmed|announced} the date", False),
])
def test_templates_grammars_sets_and_code_are_not_spintax(text, prose):
    assert unrendered_spintax(text, prose) is None
