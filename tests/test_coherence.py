"""Coherence signals (pressguard/verdict/coherence.py): the body is all of this article's text
and only it. Shipped pages, changed by hand, run through assess() (the real extraction,
second opinion, fingerprint and the site profile learned from cassettes/<site>/): the wrong
body comes out broken naming it; the look-alike right page does not.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import replace

import pytest
from selectolax.lexbor import LexborHTMLParser

import page_mutations as mutate
from test_check_signals import CASSETTES, _assess, _failing, _healthy, _page
from pressguard.verdict.site_profile import profile_of

# sites whose JSON-LD states a wordCount, both Destructoid layouts among them
COUNTED = (
    "destructoid/rogue-circuit-the-photo-mode-confirmed-for-playstation-5",
    "destructoid/rogue-circuit-the-photo-mode-confirmed-for-playstation-5--gamurs-blocks",
    "attackofthefanboy/ashen-frontier-release-schedule-times-and-what-to-expect",
    "dotesports/cafe-lumiere-returns-zoe-rsteds-creme-brulee-event-brings-rewards",
)


@pytest.fixture(scope="module", params=COUNTED, ids=lambda p: p.split("/")[1][-34:])
def counted(request):
    site, url, html, right = _healthy(request.param)
    return site, url, mutate.serialized(html), right


def _prose_elements(html: str, right: dict) -> list:
    return [p for p in mutate._body_elements(LexborHTMLParser(html), right)
            if p.tag == "p" and len(p.text().split()) >= 12]


def _without(html: str, elements) -> str:
    for el in elements:
        html = mutate._replace_once(html, el.html, "")
    return html


def test_two_paragraphs_gone_from_the_middle_of_a_counted_body_is_broken_naming_the_body(counted):
    """Blocks the front end did not render: every sentence left is whole, nothing marks the
    hole; the CMS's own count, which the site's recorded pages match, says text is missing."""
    site, url, html, right = counted
    prose = _prose_elements(html, right)
    mid = len(prose) // 2
    item = _assess(site, url, _without(html, prose[mid - 1: mid + 1]))
    assert item["body"] != right["body"] and item["verdict"] == "broken", item["checks"]
    assert "body: about" in item["checks"]["completeness"], item["checks"]["completeness"]
    assert "JSON-LD wordCount" in item["checks"]["completeness"]


def test_another_storys_body_of_another_length_under_the_counted_headline_is_broken(counted):
    """A stale fragment cache: this story's headline and metadata, another story's body."""
    site, url, html, right = counted
    target = int(0.8 * sum(len(p.split()) for p in right["body"]))  # more than the old 70% floor
    weeks = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
             "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth")
    other, words = [], 0
    for week in weeks:
        if words >= target:
            break
        line = (f"In the {week} week of the Harbour Lights ranked season, players who finish in the "
                f"top tier receive a banner and weapon trims that cannot be earned any other way.")
        other.append(line)
        words += len(line.split())
    item = _assess(site, url, mutate.body_replaced(html, right, [("p", t) for t in other]))
    assert item["verdict"] == "broken", item["checks"]
    assert "body" in item["checks"]["completeness"], item["checks"]["completeness"]


def test_a_sentence_added_in_an_update_is_not_a_missing_or_foreign_text(counted):
    """An article updated with a sentence after the CMS counted it: a few words off the count
    is no other text."""
    site, url, html, right = counted
    first = _prose_elements(html, right)[0]
    added = first.html.replace("</p>", " Update: the studio has since confirmed the date.</p>")
    item = _assess(site, url, mutate._replace_once(html, first.html, added))
    assert item["body"][0].endswith("confirmed the date.")
    assert item["verdict"] != "broken", _failing(item)


def test_more_words_than_the_count_is_no_lost_text(counted):
    """A pull quote repeating a sentence, a paragraph added after the count was taken: the
    body is over the CMS's count, which says nothing of text lost."""
    site, url, html, right = counted
    first = _prose_elements(html, right)[0]
    quote = ("<p>Update: the studio has since confirmed the date, and said in a second statement that "
             "the patch notes will follow on the same day, with a fuller list of every change made.</p>")
    item = _assess(site, url, mutate._replace_once(html, first.html, first.html + quote * 2))
    assert len(item["body"]) == len(right["body"]) + 2
    assert "JSON-LD wordCount" not in item["checks"]["completeness"], item["checks"]["completeness"]


def test_a_short_article_that_really_is_short_matches_its_own_count(counted):
    """A short piece whose CMS counts its short body: the count is met, nothing is missing."""
    site, url, html, right = counted
    prose = _prose_elements(html, right)
    gone = prose[2:]
    html = _without(html, gone)
    words = sum(len(p.split()) for p in right["body"]) - sum(len(p.text().split()) for p in gone)
    html = re.sub(r'"wordCount":\s*"?\d+"?', f'"wordCount": {words}', html)
    item = _assess(site, url, html)
    assert "JSON-LD wordCount" not in item["checks"]["completeness"], item["checks"]["completeness"]


def test_a_site_whose_pages_miss_their_own_counts_is_judged_only_outside_its_span(counted):
    """The span is the site's: a CMS that counts captions and headings too gives every
    recorded page a lower ratio, and a page within that spread is not judged."""
    from pressguard.verdict import coherence

    site, url, html, right = counted
    prof = profile_of(sorted((CASSETTES / site).glob("*.yaml")), site)
    assert prof.wordcount_span is not None and prof.wordcount_pages >= 3
    assert prof.wordcount_span[0] >= 0.95  # the simulator's CMS counts exactly what it prints

    class _C:  # what wordcount_finding reads of the checks' context
        def __init__(self, profile, words):
            self.profile, self.word_total, self.body = profile, words, ["x"]
            self.page = type("P", (), {"ld": type("L", (), {"article": {"wordCount": 500}})()})()

    assert coherence.wordcount_finding(_C(prof, 420)) is not None
    wide = replace(prof, wordcount_span=(0.8, 1.0))
    assert coherence.wordcount_finding(_C(wide, 420)) is None  # inside a spread the site has
    assert coherence.wordcount_finding(_C(replace(prof, wordcount_span=None), 420)) is None


def test_a_sentence_gone_from_a_site_that_matches_its_counts_to_the_word_is_broken(counted):
    """One sentence of a paragraph not on the page (a block converted into an embed, a
    paragraph served from another locale's shorter cache): on a site each of whose recorded
    pages matches its count exactly, a sentence's words short of the count are missing."""
    site, url, html, right = counted
    prof = profile_of(sorted((CASSETTES / site).glob("*.yaml")), site)
    assert prof.wordcount_span[1] - prof.wordcount_span[0] < 0.005  # every recorded page to the word
    para = next(p for p in _prose_elements(html, right) if len(p.text().split(". ")) >= 2
                and 10 <= len(p.text().split(". ")[0].split()) <= 25)
    rest = " ".join(para.text().split()).split(". ", 1)[1]
    gone = f"<p>{htmllib.escape(rest, quote=False)}</p>"  # the paragraph less its first sentence
    item = _assess(site, url, mutate._replace_once(html, para.html, gone))
    assert len(item["body"]) == len(right["body"]) and item["verdict"] == "broken", item["checks"]
    assert "JSON-LD wordCount" in item["checks"]["completeness"], item["checks"]["completeness"]


def test_a_few_words_off_an_exact_count_or_a_sentence_off_a_looser_one_is_not_judged(counted):
    """A site that counts to the word loses a subheading's words visibly; three words are a
    word split differently, and a site whose pages stray by a percent is judged wider."""
    from pressguard.verdict import coherence

    site, url, html, right = counted
    prof = profile_of(sorted((CASSETTES / site).glob("*.yaml")), site)

    class _C:  # what wordcount_finding reads of the checks' context
        def __init__(self, profile, words, count=500):
            self.profile, self.word_total, self.body = profile, words, ["x"]
            self.page = type("P", (), {"ld": type("L", (), {"article": {"wordCount": count}})()})()

    exact = replace(prof, wordcount_span=(1.0, 1.0))
    assert coherence.wordcount_finding(_C(exact, 485)) is not None  # a sentence short
    assert coherence.wordcount_finding(_C(exact, 493)) is not None  # a subheading's words short
    assert coherence.wordcount_finding(_C(exact, 497)) is None  # within 1%
    assert coherence.wordcount_finding(_C(exact, 196, 200)) is None  # 2%, but four words: a split
    # a site whose pages already stray from their counts by a percent is judged past its span and 3%
    assert coherence.wordcount_finding(_C(replace(prof, wordcount_span=(0.99, 1.0)), 485)) is None


def test_a_page_with_no_word_count_is_not_judged_by_one():
    site, url, html = _page("siliconera/cafe-stella-sisters-everything-we-know-about-the-collectors-edition-so-far")
    prof = profile_of(sorted((CASSETTES / site).glob("*.yaml")), site)
    assert prof.wordcount_span is None  # the site states no count: nothing learned


# -- a publication time the page states nowhere ------------------------------------------------

from test_incidents import PAGES as DATED, _undated  # noqa: E402


@pytest.fixture(scope="module", params=DATED, ids=lambda p: p.split("/")[1][-34:])
def dated(request):
    site, url, html, right = _healthy(request.param)
    return site, url, mutate.serialized(html), right


def test_a_time_read_from_printed_text_on_a_page_stating_none_is_broken_naming_published(dated):
    """The metadata's times gone (a client-side SEO component that did not ship) and the
    header's machine-readable attributes with them: the time left is printed text with no
    zone, on a site whose recorded pages all state theirs in metadata."""
    site, url, html, right = dated
    item = _assess(site, url, _undated(html, right))
    assert item["published"], "the printed date is still read"
    assert item["verdict"] == "broken", item["checks"]
    assert "published: the publication time the page states" in item["checks"]["completeness"]


def _metadata_times_gone(html: str) -> str:
    html = re.sub(r'<meta[^>]+(?:published_time|modified_time)[^>]*>', "", html)
    return re.sub(r'"date(?:Published|Modified)":\s*"[^"]*",?', "", html)


def test_the_time_kept_as_microdata_is_stated(dated):
    """The SEO plugin replaced by microdata: <meta itemprop="datePublished"> in the article
    states the time, with its offset."""
    site, url, html, right = dated
    html = _metadata_times_gone(html)
    h1 = LexborHTMLParser(html).css_first("h1")
    stamp = f'<meta itemprop="datePublished" content="{right["published"]}">'
    item = _assess(site, url, mutate._replace_once(html, h1.html, h1.html + stamp))
    assert item["published"] == right["published"]
    assert "published: the publication time" not in item["checks"]["completeness"], item["checks"]
    assert item["verdict"] != "broken", _failing(item)


def test_the_same_time_in_a_time_element_with_its_offset_is_stated():
    """Metadata gone, the header's <time datetime> giving the exact time with its offset (the
    Destructoid layout reads it): the page states the time it took."""
    site, url, html = _page(DATED[0])
    right = _assess(site, url, html)
    html = _metadata_times_gone(mutate.serialized(html))
    h1 = LexborHTMLParser(html).css_first("h1")
    stamp = f'<time datetime="{right["published"]}">{right["published"][:10]}</time>'
    item = _assess(site, url, mutate._replace_once(html, h1.html, h1.html + stamp))
    assert item["published"] == right["published"]
    assert "published: the publication time" not in item["checks"]["completeness"], item["checks"]
    assert item["verdict"] != "broken", _failing(item)


def test_a_site_whose_pages_do_not_all_state_a_time_in_metadata_is_not_judged(dated):
    from pressguard.verdict import coherence

    site, url, html, right = dated
    prof = profile_of(sorted((CASSETTES / site).glob("*.yaml")), site)
    assert prof.always("stated_time")

    class _C:
        def __init__(self, profile):
            self.profile, self.item, self.url = profile, {"published": "2025-08-07T22:06:00+00:00"}, url
            self._source = _undated(html, right)

    assert coherence.published_finding(_C(prof)) is not None
    assert coherence.published_finding(_C(replace(prof, with_stated_time=prof.pages - 1))) is None
