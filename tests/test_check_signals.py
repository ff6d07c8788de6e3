"""The checks that catch a wrong item whose other checks all pass: shipped pages changed
the way real redesigns change them (tests/page_mutations.py), run through assess() (the
real extraction, second opinion, fingerprint and site profile), must come out broken,
naming the field; the same kind of change that leaves every field right must not.

Also hand-made pages for the page-side signals: bylines in the wordings real sites use,
a metadata headline that differs from the visible one, text decoded twice.
"""

from __future__ import annotations

import json
import quopri
import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

import page_mutations as mutate
from pressguard.verdict.assess import _final_page, assess, template_baseline
from pressguard.cassettes.store import open_cassette
from pressguard.verdict.checks import run_checks
from pressguard.verdict.site_profile import _profile, profile_of
from pressguard.verdict import DRIFT_CHECKS

ROOT = Path(__file__).resolve().parent.parent
CASSETTES = ROOT / "cassettes"
FIELDS = ("headline", "dek", "authors", "published", "body")

# One page per kind of page, across sites and both Destructoid layouts; two of the sites
# (siliconera, progameguides) ship no JSON-LD wordCount, so the count is no help there.
PAGES = (
    "dotesports/red-kestrel-finally-explains-the-tiebreaker-rules-in-the-masters-qualifier",
    "destructoid/rogue-circuit-the-photo-mode-confirmed-for-playstation-5",
    "destructoid/rogue-circuit-the-photo-mode-confirmed-for-playstation-5--gamurs-blocks",
    "siliconera/cafe-stella-sisters-everything-we-know-about-the-collectors-edition-so-far",
    "progameguides/ironvale-review-its-less-grindy-and-better",
    "themarysue/the-complete-history-of-paper-moons-from-first-pitch-to-the-premiere",
    "twinfinite/all-moonlit-harvest-codes-august-2025",
)


def _page(name: str) -> tuple[str, str, str]:
    matches = sorted(CASSETTES.glob(name + "*.yaml"))
    path = next(p for p in matches if p.stem == name.split("/")[1]) if len(matches) > 1 else matches[0]
    url, body = _final_page(open_cassette(path))
    return path.parent.name, url, body.decode("utf-8")


def _assess(site: str, url: str, html: str) -> dict:
    item, _ = assess(html, url, site=site, baseline=template_baseline(str(CASSETTES), site))
    return item


def _healthy(name: str) -> tuple[str, str, str, dict]:
    """A shipped page and its item, which must be healthy: what a mutation test changes and
    compares with."""
    site, url, html = _page(name)
    right = _assess(site, url, html)
    assert right["verdict"] == "healthy", right["checks"]
    return site, url, html, right


@pytest.fixture(scope="module", params=PAGES, ids=lambda p: p.split("/")[1][:40])
def shipped(request):
    site, url, html = _page(request.param)
    right = _assess(site, url, html)
    assert right["verdict"] != "broken", right["checks"]
    return site, url, html, right


def _failing(item: dict) -> dict[str, str]:
    return {k: v for k, v in item["checks"].items() if v != "ok" and k not in DRIFT_CHECKS}


def _is_wrong(item: dict, right: dict) -> bool:
    return any(item[f] != right[f] for f in FIELDS)


def test_half_the_body_behind_a_lazy_load_placeholder_is_broken(shipped):
    site, url, html, right = shipped
    item = _assess(site, url, mutate.lazy_second_half(html, right))
    assert _is_wrong(item, right) and item["verdict"] == "broken", item["checks"]
    assert "placeholder" in item["checks"]["markers"] and "body" in item["checks"]["markers"]


def test_a_comment_thread_glued_after_the_last_paragraph_is_dropped_or_broken(shipped):
    site, url, html, right = shipped
    item = _assess(site, url, mutate.comments_glued(html, right))
    if not _is_wrong(item, right):  # an extractor that stops at the thread: right
        assert item["verdict"] != "broken", _failing(item)
        return
    assert item["verdict"] == "broken"
    msg = item["checks"]["markers"]
    assert msg.startswith(f"markers: {url}: expected body: article text only, found ")
    assert "(a comment thread)" in msg


def test_the_article_continuing_in_a_second_container_is_read_whole_or_broken(shipped):
    site, url, html, right = shipped
    item = _assess(site, url, mutate.second_container(html, right))
    if _is_wrong(item, right):  # the layout read only the first container
        assert item["verdict"] == "broken"
        assert "layout-free extraction also found" in item["checks"]["completeness"]
    else:  # an extractor that follows the continuation: right, and not broken
        assert item["verdict"] != "broken", _failing(item)


def test_the_second_opinion_reading_on_where_the_layout_stopped_fails_completeness():
    site, url, html = _page(PAGES[3])  # no JSON-LD wordCount: only the second opinion tells
    right = _assess(site, url, html)
    half = len(right["body"]) // 2
    item = dict(right, body=right["body"][:half])
    msg = run_checks(item, html=html, second_opinion=right)["completeness"]
    words = sum(len(p.split()) for p in item["body"])
    assert msg.startswith(f"completeness: {url}: expected body: the article text the layout-free "
                          f"extraction also found ({len(right['body']) - half} more paragraphs")
    assert msg.endswith(f"found {words} words in {half} paragraphs")
    assert run_checks(right, html=html, second_opinion=right)["completeness"] == "ok"


def test_json_ld_word_count_catches_a_cut_body_without_any_marker():
    site, url, html = _page(PAGES[0])
    right = _assess(site, url, html)
    cut = mutate.drop_second_half(html, right)  # no placeholder left at all
    item = _assess(site, url, cut)
    assert _is_wrong(item, right) and item["verdict"] == "broken"
    assert "(JSON-LD wordCount)" in item["checks"]["completeness"]
    assert item["checks"]["completeness"].startswith(f"completeness: {url}: expected body: about ")


# -- the same kinds of change, every field still right: not broken --------------------------

def test_lazy_images_and_ad_slots_inside_the_body_are_not_markers(shipped):
    site, url, html, right = shipped
    item = _assess(site, url, mutate.lazy_media_between_paragraphs(html, right))
    assert not _is_wrong(item, right)
    assert item["verdict"] != "broken", _failing(item)


def test_a_comment_section_after_the_article_is_not_in_the_body(shipped):
    site, url, html, right = shipped
    item = _assess(site, url, mutate.comment_section_after(html, right))
    assert not _is_wrong(item, right)
    assert item["verdict"] != "broken", _failing(item)


def test_a_reading_time_label_that_fits_the_body_is_fine(shipped):
    site, url, html, right = shipped
    words = sum(len(p.split()) for p in right["body"])
    minutes = max(1, round(words / 230))
    item = _assess(site, url, mutate.reading_time_label(html, right, minutes))
    assert not _is_wrong(item, right)
    assert item["checks"]["completeness"] == "ok"
    short = _assess(site, url, mutate.reading_time_label(html, right, minutes * 4 + 3))
    assert "min read), found" in short["checks"]["completeness"]


# -- the site profile ------------------------------------------------------------------------

def test_site_profile_is_learned_once_from_the_sites_cassettes():
    paths = sorted((CASSETTES / "siliconera").glob("*.yaml"))
    before = _profile.cache_info()
    prof = profile_of(paths, "siliconera")
    again = profile_of(paths, "siliconera")
    assert prof is again and _profile.cache_info().misses - before.misses <= 1
    assert prof.pages == len(paths)
    assert 100 < prof.min_words < prof.median_words
    assert prof.always("dek") and prof.always("published")
    assert profile_of(paths[:2], "siliconera") is None  # too few pages to say anything


def test_a_body_far_shorter_than_any_recorded_page_fails_completeness():
    site, url, html = _page(PAGES[3])
    right = _assess(site, url, html)
    prof = profile_of(sorted((CASSETTES / site).glob("*.yaml")), site)
    words = " ".join(right["body"]).split()
    short = dict(right, body=[" ".join(words[:40]) + ".", " ".join(words[40:80]) + "."])
    words = sum(len(p.split()) for p in short["body"])
    assert words < prof.min_words / 2
    msg = run_checks(short, site_profile=prof)["completeness"]
    assert msg == (f"completeness: {url}: expected body: at least {prof.min_words // 2} words (half the "
                   f"shortest of the site's {prof.pages} recorded pages), found {words}")
    # a short piece, but not absurdly short for the site, is not judged on length alone
    fine = dict(right, body=right["body"])
    assert run_checks(fine, site_profile=prof)["completeness"] == "ok"


def test_a_dek_every_recorded_page_has_and_the_page_shows_must_be_extracted():
    site, url, html = _page(PAGES[3])
    right = _assess(site, url, html)
    prof = profile_of(sorted((CASSETTES / site).glob("*.yaml")), site)
    msg = run_checks(dict(right, dek=None), html=html, site_profile=prof)["completeness"]
    assert "expected dek: the page's dek" in msg and msg.endswith("found none")
    assert run_checks(dict(right, dek=None), html=html)["completeness"] == "ok"  # no profile


# -- text decoded twice ---------------------------------------------------------------------

def test_a_page_decoded_twice_fails_text_quality_and_the_right_one_passes():
    site, url, html = _page("wegotthiscovered/cafe-lumiere-returns-zoe-rsteds-creme-brulee-event-brings-rewards")
    right = _assess(site, url, html)
    assert right["checks"]["text_quality"] == "ok"
    assert not right["headline"].isascii()  # Zoë Ørsted's crème brûlée: legitimate non-ASCII
    item = _assess(site, url, mutate.decoded_twice(html, right))
    assert item["headline"] != right["headline"] and item["verdict"] == "broken"
    msg = item["checks"]["text_quality"]
    assert msg.startswith(f"text_quality: {url}: expected text decoded once")
    assert "headline: mojibake" in msg


@pytest.mark.parametrize("text", [
    "São Paulo hosts the final", "Zoë Ørsted’s crème brûlée returns", "東京の天気は晴れ",
    "Привет мир, — said the Łódź team", "The bundle is 30% cheaper. 🎉", "NBA 2K25™ costs ½ price",
    "Pokémon Légendes: Z-A", "AT&T and R&D; teams met", "naïve café … ‘quoted’",
    "Paths such as C:\\users\\me and a \\n in a regex", "Type \\ then \u2018quote\u2019 and 'it' or \"it\"",
])
def test_legitimate_text_is_not_mojibake(text):
    item = {"url": "https://example.com/a", "headline": text, "body": [text + "."]}
    assert run_checks(item)["text_quality"] == "ok"


@pytest.mark.parametrize("text, why", [
    ("SÃ£o Paulo hosts the final", "mojibake"), ("Ten changes â€“ and more", "mojibake"),
    ("The hero\ufffds return", "U+FFFD"), ("Tom &amp; Jerry return", "'&amp;'"),
    ("Act one &#8211; the return", "'&#8211;'"), ("Line\x07 feed", "U+0007"),
    ("Price \x96 cheap", "mojibake"), ("Price \x1b cheap", "U+001B"),
    ("Review \\u2013 almost there", "undecoded escape"),
    # a save without wp_unslash: a backslash before every quote
    (r'It\'s \"almost\" there', "undecoded escape"), ("Zo\u00eb\\\u2019s return", "undecoded escape"),
])
def test_broken_text_names_the_field_and_the_problem(text, why):
    item = {"url": "https://example.com/a", "headline": "A fine headline", "body": ["Fine.", text]}
    msg = run_checks(item)["text_quality"]
    assert msg.startswith("text_quality: https://example.com/a: expected ")
    assert "body paragraph 2:" in msg and why in msg


# -- a mail import stored quoted-printable -------------------------------------------------------

@pytest.mark.parametrize("name", [
    "wegotthiscovered/cafe-lumiere-returns-zoe-rsteds-creme-brulee-event-brings-rewards",  # non-ASCII
    "progameguides/ironvale-review-its-less-grindy-and-better",  # ASCII only: soft breaks alone
])
def test_body_paragraphs_stored_quoted_printable_are_broken_naming_the_body(name):
    # a post-by-email gateway that stores the message's HTML part still encoded: each <p>'s
    # markup as the stdlib's encoder writes it (76-character lines, "=3D", "=E2=80=99")
    site, url, html, right = _healthy(name)
    item = _assess(site, url, mutate.body_paragraphs_edited(
        html, right, lambda inners, i: quopri.encodestring(inners[i].encode("utf-8")).decode("ascii")))
    assert item["verdict"] == "broken"
    msg = item["checks"]["text_quality"]
    assert "body paragraph" in msg and "quoted-printable" in msg


@pytest.mark.parametrize("text", [
    # a code listing printed as one paragraph: assignments at a line's spacing, spaced "="
    # (four "= " 72 to 75 characters apart)
    "const total = items.reduce((sum, item) => sum + item.price * item.qty, 0); "
    "const taxed = total * (1 + TAX_RATE) + shippingFor(order.address, 2); "
    "const rounded = Math.round(taxed * 100) / 100 + fees.handling(order, 1); "
    "if (rounded != expected) { log(rounded); }",
    "Set x= 5 in the config, then the launcher reads it as the default value for the server.",
    "E=mc2 is the famous one; the byte =A9 and =C3=28 are not valid UTF-8 sequences anyway.",
])
def test_equations_and_code_are_not_quoted_printable(text):
    item = {"url": "https://example.com/a", "headline": "A fine headline", "body": [text]}
    assert run_checks(item)["text_quality"] == "ok"


@pytest.mark.parametrize("text, why", [
    ("The event=E2=80=99s subtitle comes from the 2019 novel.", "'=E2=80=99' (decoded: '\u2019')"),
    (" ".join(quopri.encodestring(("Not everyone is convinced, and a vocal group has asked the studio "
                                   "for more time before the ranked mode. ") .encode() * 3).decode().split()),
     "soft line breaks"),
])
def test_quoted_printable_text_names_the_escape_or_the_soft_breaks(text, why):
    item = {"url": "https://example.com/a", "headline": "A fine headline", "body": ["Fine.", text]}
    msg = run_checks(item)["text_quality"]
    assert "body paragraph 2: " in msg and why in msg


# -- bylines in the wordings real sites use ----------------------------------------------------

PARAS = ["The studio confirmed the update on Tuesday, and players will see it next week.",
         "By the end of the month, the new maps arrive in every region, the team said."]


def _byline_page(byline: str) -> str:
    return ("<html><head><title>The update lands</title></head><body><article>"
            "<h1>The update lands next week</h1>" + byline + "<div class=\"content\">"
            + "".join(f"<p>{p}</p>" for p in PARAS) + "</div></article></body></html>")


@pytest.mark.parametrize("byline, name", [
    ('<p class="post-meta">Written by Jane Doe and Omar Haddad</p>', "Omar Haddad"),
    ('<div class="credit-line">Words by <a href="/u/jane">Jane Doe</a></div>', "Jane Doe"),
    ('<div class="meta">By Jane Doe, Omar Haddad and Li Wei | Aug 3, 2025</div>', "Li Wei"),
    ('<div class="entry-meta"><a href="/author/jane-doe/">Jane Doe</a> and '
     '<a href="/author/omar-haddad/">Omar Haddad</a></div>', "Omar Haddad"),
    ('<span class="meta">By Jane Doe, Senior Editor · Updated August 3, 2025</span>', "Jane Doe"),
    ('<p class="info">BY JANE DOE</p>', "JANE DOE"),
])
def test_empty_authors_fail_when_the_page_names_people_in_any_byline_wording(byline, name):
    item = {"url": "https://example.com/a", "headline": "The update lands next week", "authors": [],
            "body": PARAS}
    msg = run_checks(item, html=_byline_page(byline))["authors"]
    assert msg.startswith("authors: https://example.com/a: expected the person the page names (")
    assert name in msg and msg.endswith("found []")


@pytest.mark.parametrize("byline", [
    '<p class="post-meta">By The Editorial Team</p>',
    '<div class="tiles"><a href="/other-story/"><span>By Jane Doe</span></a></div>',
    "",
])
def test_no_person_named_means_empty_authors_are_fine(byline):
    item = {"url": "https://example.com/a", "headline": "The update lands next week", "authors": [],
            "body": PARAS}
    assert run_checks(item, html=_byline_page(byline))["authors"] == "ok"


def test_byline_detection_keeps_the_outermost_element_of_deep_nesting():
    deep = '<div class="byline">' * 3000 + "By Jane Doe" + "</div>" * 3000
    item = {"url": "https://example.com/a", "headline": "The update lands next week", "authors": [],
            "body": PARAS}
    from pressguard.verdict.page_hints import PageHints
    hints = PageHints(_byline_page(deep), item["url"])
    assert [t for _, t in hints.bylines] == ["By Jane Doe"]
    assert "Jane Doe" in run_checks(item, html=_byline_page(deep))["authors"]


# -- the visible headline wins ---------------------------------------------------------------

def test_a_metadata_headline_taken_instead_of_the_visible_one_fails_headline():
    page = ('<html><head><meta property="og:title" content="Old title from the CMS draft - Site">'
            '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Old title from the CMS'
            ' draft"}</script></head><body><h1>The update lands next week in every region</h1>'
            + "".join(f"<p>{p}</p>" for p in PARAS) + "</body></html>")
    item = {"url": "https://example.com/a", "headline": "Old title from the CMS draft", "body": PARAS}
    msg = run_checks(item, html=page)["headline"]
    assert msg.startswith("headline: https://example.com/a: expected the visible headline "
                          "'The update lands next week in every region' (the page's <h1>), found ")
    assert "(the JSON-LD headline, which differs)" in msg
    visible = dict(item, headline="The update lands next week in every region")
    assert run_checks(visible, html=page)["headline"] == "ok"


def test_body_text_from_the_page_comment_section_is_a_marker():
    comment = "Honestly I think the last update was better, but we will see how it plays out."
    page = ("<html><body><h1>The update lands next week</h1><div class=\"content\">"
            + "".join(f"<p>{p}</p>" for p in PARAS) + "</div><section id=\"comments\" class=\"comments-area\">"
            f"<div class=\"comment-body\"><p>{comment}</p></div></section></body></html>")
    item = {"url": "https://example.com/a", "headline": "The update lands next week", "body": PARAS}
    assert run_checks(item, html=page)["markers"] == "ok"
    msg = run_checks(dict(item, body=PARAS + [comment]), html=page)["markers"]
    assert "(text of the page's comment section) in paragraph 3" in msg


@pytest.mark.parametrize("furniture", ["Advertisement", "Tags: news, games, Nintendo", "Share this article",
                                       "Read more: The best games of the year"])
def test_a_paragraph_the_extractor_calls_furniture_is_boilerplate_in_the_body(furniture):
    item = {"url": "https://example.com/a", "headline": "The update lands next week",
            "body": PARAS[:1] + [furniture] + PARAS[1:]}
    msg = run_checks(item)["boilerplate"]
    assert msg.startswith("boilerplate: https://example.com/a: expected article text only in the body")
    assert "(furniture text) in paragraph 2" in msg


def test_a_verdict_subheading_is_article_text():
    item = {"url": "https://example.com/a", "headline": "The update lands next week",
            "body": PARAS[:1] + ["Verdict"] + PARAS[1:]}
    assert run_checks(item)["boilerplate"] == "ok"


def test_an_unmarked_load_button_in_place_of_the_second_half_is_broken():
    site, url, html = _page(PAGES[3])  # siliconera: no JSON-LD wordCount to compare with
    right = _assess(site, url, html)
    item = _assess(site, url, mutate.lazy_text_only(html, right))
    assert _is_wrong(item, right) and item["verdict"] == "broken"
    assert "text 'Show the rest of the article'" in item["checks"]["markers"]


def test_an_ad_slots_loading_label_is_no_placeholder():
    site, url, html = _page(PAGES[3])
    right = _assess(site, url, html)
    item = _assess(site, url, mutate.ad_label_between_paragraphs(html, right))
    assert not _is_wrong(item, right)
    assert item["verdict"] != "broken", _failing(item)


def test_names_with_no_byline_on_the_page_fail_unless_the_page_shows_them():
    meta_only = _byline_page("")
    item = {"url": "https://example.com/a", "headline": "The update lands next week",
            "authors": ["Jane Doe"], "body": PARAS}
    msg = run_checks(item, html=meta_only)["authors"]
    assert msg == ("authors: https://example.com/a: expected a byline on the page naming ['Jane Doe'], "
                   "found no byline on the page (only its metadata names them)")
    shown = _byline_page('<div class="x9f2k"><span>Jane Doe</span> · Aug 3, 2025</div>')
    assert run_checks(item, html=shown)["authors"] == "ok"
    in_bio = meta_only.replace("</article>", '<div class="author-bio"><p>Jane Doe writes about games.</p></div></article>')
    assert run_checks(item, html=in_bio)["authors"] != "ok"


def test_an_author_box_is_no_byline():
    box = _byline_page("").replace("</article>", '<div class="site-author-box"><a href="/about/jane">Jane Doe'
                                                  '</a><p>Jane covers games.</p></div></article>')
    item = {"url": "https://example.com/a", "headline": "The update lands next week",
            "authors": ["Jane Doe"], "body": PARAS}
    assert "no byline on the page" in run_checks(item, html=box)["authors"]


@pytest.mark.parametrize("text, kind", [
    ("4 Comments", "a comment thread"), ("pixelknight_92 · 2 hours ago", "a comment thread"),
    ("Reply", "a comment thread"), ("Log in to comment", "a comment thread"),
    ("Subscribe to continue reading.", "a paywall teaser"),
    ("This article is for subscribers only. Already a subscriber? Log in", "a paywall teaser"),
    ("Loading…", "a lazy-load placeholder"), ("Read the full story", "a lazy-load placeholder"),
    ("We value your privacy", "a consent or access wall"),
    ("This website uses cookies to improve your experience. Accept to continue.", "a consent or access wall"),
    # a consent platform's notice in the IAB framework's words, read into the body when the
    # template's body container changed
    ("Gamepur and our partners use cookies and similar technologies to store and access information on "
     "your device, to personalise ads and content and to measure audiences.", "a consent or access wall"),
    ("Store and/or access information on a device. Personalised advertising and content, advertising and "
     "content measurement, audience research and services development.", "a consent or access wall"),
    ("You must be 18 or older to view this content.", "a consent or access wall"),
    ("This video is not available in your country.", "a consent or access wall"),
])
def test_marker_texts_in_the_body_name_what_they_are(text, kind):
    item = {"url": "https://example.com/a", "headline": "The update lands next week", "body": PARAS + [text]}
    msg = run_checks(item)["markers"]
    assert msg.startswith("markers: https://example.com/a: expected body: article text only, found ")
    assert f"({kind}) in paragraph 3" in msg


@pytest.mark.parametrize("text", [
    "Players can reply to each other in the new chat, the studio said on Tuesday.",
    "The comments section of the patch notes filled up within two hours of the release.",
    "Subscribers to the season pass get the map two days early, the team confirmed.",
    "The loading screens are shorter now, and the full article on the patch is linked below.",
    "The studio said the game uses cookies as a reward item in the holiday event, like last year.",
    "Valve and our partners at the studio use cookies as the holiday event's prize item, the team said on Friday.",
    "Players can store and access their saved items on any device once cross-progression arrives in May.",
])
def test_prose_that_mentions_those_words_is_no_marker(text):
    item = {"url": "https://example.com/a", "headline": "The update lands next week", "body": PARAS + [text]}
    assert run_checks(item)["markers"] == "ok"


def test_a_container_holding_the_articles_text_is_no_placeholder_whatever_its_markup():
    site, url, html = _page(PAGES[3])
    right = _assess(site, url, html)
    page = mutate.continuation_marked(html, right)
    # the body as an extractor that follows the continuation reads it: all of it
    result = run_checks(dict(right), html=page, second_opinion=right)
    assert result["markers"] == "ok", result["markers"]


# a paywall's offer box after the body: withheld text only when the paid part is not served
_PAID = ["Observers have already started guessing what comes after the ranked mode, the studio said.",
         "A second update is planned for the autumn, although no firm date has been shared yet.",
         "The numbers tell a clearer story: engagement rose by 68 percent in the first week of play."]
_PAYWALL_LD = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "The update lands '
               'next week", "isAccessibleForFree": false, "hasPart": {"@type": "WebPageElement", '
               '"isAccessibleForFree": false, "cssSelector": ".meteredContent"}}</script>')
_OFFER = ('<div class="tp-container-inner paywall-offer" hidden><h3>Subscribe to keep reading</h3><p>Get '
          'unlimited access for $1 a week.</p><a href="/subscribe/">Subscribe now</a></div>')


def _paywalled_page(free: list[str], paid: list[str], part: str = "meteredContent", head: str = _PAYWALL_LD) -> str:
    """The body's container holds the free paragraphs and the paid part (or is the paid part,
    when nothing is free); the offer box follows it."""
    ps = lambda texts: "".join(f"<p>{p}</p>" for p in texts)  # noqa: E731
    content = f'<div class="entry-content">{ps(free)}<div class="{part}">{ps(paid)}</div></div>' if free \
        else f'<div class="entry-content {part}">{ps(paid)}</div>'
    return (f"<html><head><title>The update lands</title>{head}</head><body><article><h1>The update lands next "
            f"week</h1>{content}{_OFFER}</article></body></html>")


@pytest.mark.parametrize("part, head", [("meteredContent", _PAYWALL_LD), ("paywalled-content", "")])
def test_a_paywall_offer_after_its_paid_part_served_whole_withholds_nothing(part, head):
    """A metering script set to hide the paid part client-side (Google's paywalled-content
    markup naming it, or its own class): the text is all in the page, the box hides nothing."""
    item = {"url": "https://example.com/a", "headline": "The update lands next week", "body": PARAS + _PAID}
    assert run_checks(item, html=_paywalled_page(PARAS, _PAID, part, head))["markers"] == "ok"


@pytest.mark.parametrize("free, paid", [
    (PARAS, _PAID[:1]),  # the server cut the paid part to a teaser's line
    ([], PARAS + _PAID),  # the marked part is the whole body: the box a server-side cut fills
])
def test_a_paywall_offer_after_a_paid_part_cut_short_is_withheld_text(free, paid):
    item = {"url": "https://example.com/a", "headline": "The update lands next week", "body": free + paid}
    msg = run_checks(item, html=_paywalled_page(free, paid))["markers"]
    assert "a placeholder <div> (class 'tp-container-inner paywall-offer') right after" in msg, msg


def test_a_body_rendered_twice_is_broken_but_one_repeated_quote_is_not():
    from pressguard.verdict.markers import repeated_paragraphs

    prose = [f"Paragraph {i} says something long enough to be prose, with a full sentence or two here." for i in range(4)]
    assert repeated_paragraphs(prose + prose) == prose
    assert repeated_paragraphs(prose + prose[:1]) == []  # a pull quote repeating one paragraph
    assert repeated_paragraphs(["Step one", "Step one"] * 3) == []  # short lines repeat honestly
    # an earlier revision's shorter wording before the published one: each draft paragraph the
    # opening of its published paragraph (its last sentence not yet written)
    full = [p + f" A further sentence {i} was only added in the published revision." for i, p in enumerate(prose)]
    assert repeated_paragraphs(prose[:3] + full) == prose[:3]
    assert repeated_paragraphs(prose[:1] + full) == []  # a pull quote of one paragraph's opening
    # ... that opens two paragraphs (a sentence the writer used twice): still one pull quote
    assert repeated_paragraphs(prose[:1] + full[:1] + [full[0].replace("further", "second")]) == []
    # a paragraph that opens the same way but stops mid-sentence is not a whole earlier wording
    assert repeated_paragraphs([p[:-1] + "," for p in prose[:3]] + full) == []
    # a cache file written twice at once: the page up to a cut inside a word, then the page whole
    cut = prose[1][:-3]  # "... or two he"
    assert repeated_paragraphs([prose[0], cut] + prose) == [prose[0], cut]
    assert repeated_paragraphs([cut] + prose) == []  # a cut copy alone is no second rendering


def test_a_headline_printed_as_a_permalink_is_no_teaser_tile():
    from selectolax.lexbor import LexborHTMLParser

    from pressguard.verdict.page_hints import _in_tile

    tree = LexborHTMLParser('<h1><a href="/news/a-story/"><span class="t">A story</span></a></h1>'
                            '<div class="tiles"><a href="/news/other/"><span class="t">Other</span></a></div>')
    own, other = tree.css("span.t")
    assert not _in_tile(own, ("https://site.example/news/a-story",))  # a link to the page itself
    assert _in_tile(other, ("https://site.example/news/a-story",))  # a link to another page


def test_a_republished_storys_headline_linking_to_the_fetched_url_is_shown():
    """The canonical names the partner that first ran the story; the headline still links to
    the URL the page was fetched at: the page's own permalink, so the headline is shown."""
    from pressguard.extract.page import Page
    from pressguard.verdict.page_hints import PageHints

    html = ('<html><head><link rel="canonical" href="https://partner.example/culture/a-story/"></head>'
            '<body><h1><a href="https://site.example/news/a-story/" rel="bookmark">'
            '<span class="title-text">A story worth telling</span></a></h1><p>Text.</p></body></html>')
    page = Page(html, "https://site.example/news/a-story/")
    assert page.url == "https://partner.example/culture/a-story/"
    assert PageHints(page, page.url).shows("A story worth telling")
    # the same page given only its canonical URL cannot tell the permalink from a teaser
    assert not PageHints(html, page.url).shows("A story worth telling")


def test_an_author_card_is_a_byline_but_a_teaser_card_is_not():
    from pressguard.verdict.page_hints import PageHints

    html = ('<html><body><h1>A story</h1><div class="author-card"><a href="/author/ada-lovelace/">Ada Lovelace</a>'
            '<span class="author-card__role">Contributor</span></div>'
            '<div class="card"><a href="/news/other/">Other story</a><span class="byline">By Grace Hopper</span></div>'
            '</body></html>')
    hints = PageHints(html, "https://site.example/news/a-story/")
    assert hints.byline_persons == ["Ada Lovelace"]


def test_the_next_story_appended_below_lends_no_byline_to_a_staff_piece():
    from pressguard.verdict.page_hints import PageHints

    html = ('<html><body><article><h1>A staff piece</h1><p>Text of the piece.</p></article>'
            '<article class="next-story"><h2>The next story</h2><div class="byline">By Priya Raman</div>'
            '<p>Its text.</p></article></body></html>')
    assert PageHints(html, "https://site.example/news/a/").byline_persons == []
    own = html.replace('<p>Text of the piece.</p>', '<div class="byline">By Ada Lovelace</div><p>Text.</p>')
    assert PageHints(own, "https://site.example/news/a/").byline_persons == ["Ada Lovelace"]


def test_the_next_story_appended_to_a_page_without_article_elements_lends_no_byline():
    """A template that wraps its own story in divs (no <article>) followed by the next story
    as an <article>: the next story's byline is not this staff piece's."""
    from pressguard.verdict.page_hints import PageHints

    html = ('<html><head><meta property="og:title" content="A staff piece"></head><body><div class="post">'
            '<h1>A staff piece</h1><p>Text of the piece.</p></div>'
            '<article class="next-story"><header><h2>The next story</h2><p class="next__byline">By Priya Raman'
            '</p></header><p>Its text.</p></article></body></html>')
    assert PageHints(html, "https://site.example/news/a/").byline_persons == []
    # the page's own story in an <article> without the h1, titled as the page: its byline counts
    own = html.replace("<h2>The next story</h2>", "<h2>A staff piece</h2>")
    assert PageHints(own, "https://site.example/news/a/").byline_persons == ["Priya Raman"]


def test_a_next_story_appended_below_a_staff_piece_is_not_broken():
    site, url, html = _page("attackofthefanboy/ashen-frontier-release-schedule-times-and-what-to-expect")
    right = _assess(site, url, html)
    assert right["authors"] == []  # a staff piece
    page = mutate.next_story_after(html, right)
    item = _assess(site, url, page)
    assert not _is_wrong(item, right)
    assert item["verdict"] != "broken", _failing(item)


REVIEW = "progameguides/ironvale-review-its-less-grindy-and-better"  # no JSON-LD, subheadings


def test_a_collapsed_read_more_half_is_read_by_the_layout():
    """The text behind a "Read more" toggle is served in the page: the layout reads it
    (it dropped it, and nothing on a page without JSON-LD said more was meant)."""
    site, url, html = _page(REVIEW)
    right = _assess(site, url, html)
    item = _assess(site, url, mutate.read_more_collapsed(html, right))
    assert item["body"] == right["body"]
    assert item["verdict"] != "broken", _failing(item)


def test_a_hidden_element_no_toggle_opens_stays_out_of_the_body():
    site, url, html = _page(REVIEW)
    right = _assess(site, url, html)
    page = mutate.read_more_collapsed(html, right).replace('aria-controls="rest-of-story"', "", 1)
    item = _assess(site, url, page)
    assert len(item["body"]) < len(right["body"])


def test_a_collapsed_original_in_another_language_is_not_more_of_the_article():
    """A translation that keeps its original folded behind a toggle (<div lang="fr" hidden>)
    holds another version of the article, not its continuation: the body is the visible
    paragraphs only, while a same-language fold is still read (the test above)."""
    site, url, html = _page(REVIEW)
    right = _assess(site, url, html)
    original = ('<button aria-controls="original-fr" aria-expanded="false">Lire la version originale</button>'
                '<div id="original-fr" lang="fr" hidden><p>Les développeurs ont confirmé la nouvelle lors '
                "d'une présentation en ligne mardi soir, et la mise à jour sera gratuite.</p><p>Elle arrive "
                "le mois prochain sur toutes les plateformes annoncées par le studio.</p></div>")
    last = right["body"][-1]
    tree = LexborHTMLParser(html)
    node = next(n for n in tree.css("p") if " ".join(n.text().split()) == " ".join(last.split()))
    item = _assess(site, url, mutate._replace_once(html, node.html, node.html + original))
    assert item["body"] == right["body"]
    assert item["verdict"] != "broken", _failing(item)


def test_a_body_grouped_in_sections_per_subheading_is_read_to_its_last_section():
    """The last section is headed "Verdict": alone that reads as a review box, but it is a
    section like its siblings, so it is the article's."""
    site, url, html = _page(REVIEW)
    right = _assess(site, url, html)
    assert "Verdict" in right["body"]
    item = _assess(site, url, mutate.sections_per_subheading(html, right))
    assert item["body"] == right["body"]
    assert item["verdict"] != "broken", _failing(item)


PRIVACY = [("h2", "Privacy Policy"), ("p", "Last updated: March 3, 2025"),
           ("p", "This Privacy Policy describes how we and our affiliates collect, use and share information "
                 "about you when you use our websites, newsletters and apps."),
           ("h2", "Information we collect"),
           ("p", "We collect information you provide directly, such as your email address when you subscribe, "
                 "and information collected automatically, such as your IP address and the pages you visit."),
           ("h2", "How we use information"),
           ("p", "We use the information to operate and improve our services, to personalise content and "
                 "advertising, and to comply with our legal obligations."),
           ("p", "You can opt out of personalised advertising at any time through the settings link in the "
                 "footer of every page."),
           ("p", "If you have questions about this policy, write to the address on our contact page.")]


def test_a_privacy_policy_in_place_of_the_body_is_broken_naming_the_body():
    site, url, html = _page(REVIEW)
    right = _assess(site, url, html)
    item = _assess(site, url, mutate.body_replaced(html, right, PRIVACY))
    assert item["verdict"] == "broken", item["checks"]
    assert "legal page" in item["checks"]["markers"] and "body" in item["checks"]["markers"]


@pytest.mark.parametrize("body", [
    ["Privacy Policy", "The studio changed its privacy policy on Monday, and players noticed at once."],
    ["Last updated: March 3, 2025", "The patch notes list every change made to the ranked mode this week."],
])
def test_a_story_about_a_policy_is_no_legal_page(body):
    from pressguard.verdict.markers import legal_page

    assert legal_page(body) is None


OTHER_STORY = [("p", "Harbor Lights Online will get its first ranked season next month, the developers confirmed "
                     "in a short post on Thursday."),
               ("p", "The season adds a new placement system, with ten matches instead of five, and resets every "
                     "player's rank at the start."),
               ("h2", "Rewards"),
               ("p", "Players who finish in the top tier will receive an animated banner and a set of weapon trims "
                     "that cannot be earned any other way."),
               ("p", "The studio said that rewards from the beta season will carry over, although the old ranks "
                     "will not, and that more details will follow."),
               ("p", "Reactions on the official forum have been mixed, with many asking for better matchmaking "
                     "before any new mode arrives."),
               ("p", "A community manager replied that matchmaking changes are planned for the same update."),
               ("p", "The ranked season starts on the first Tuesday of next month on every platform.")]
STORED = "dotesports/red-kestrel-finally-explains-the-tiebreaker-rules-in-the-masters-qualifier"


@pytest.mark.parametrize("stored", ["whole", "excerpt"])
def test_a_body_that_is_the_json_ld_article_body_or_holds_its_excerpt_agrees(stored):
    site, url, html = _page(STORED)
    right = _assess(site, url, html)
    text = " ".join(right["body"])
    if stored == "excerpt":
        text = " ".join(text.split()[:90]) + " …"
    item = _assess(site, url, mutate.with_article_body(html, text))
    assert item["checks"]["agreement"] == "ok", item["checks"]["agreement"]
    assert item["verdict"] != "broken"


def test_another_storys_body_under_the_json_ld_article_body_is_broken_naming_the_body():
    """A stale fragment cache: this page's metadata (its articleBody too), another story's body."""
    site, url, html = _page(STORED)
    right = _assess(site, url, html)
    page = mutate.body_replaced(mutate.with_article_body(html, " ".join(right["body"])), right, OTHER_STORY)
    item = _assess(site, url, page)
    assert item["verdict"] == "broken", item["checks"]
    assert "articleBody" in item["checks"]["agreement"] and "body" in item["checks"]["agreement"]


def _coherent_page(body: list[str]) -> tuple[dict, str]:
    headline = "Ironvale patch brings a ranked ladder and two new maps"
    url = "https://site.example/news/ironvale-patch-brings-a-ranked-ladder-and-two-new-maps/"
    html = (f"<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>"
            f'<div class="byline">By Ada Lovelace</div><div class="content">'
            + "".join(f"<p>{p}</p>" for p in body) + "</div></article></body></html>")
    item = {"url": url, "headline": headline, "dek": None, "authors": ["Ada Lovelace"],
            "published": None, "body": body}
    return item, html


IRONVALE = ["The new Ironvale patch is out today, and it brings the ranked ladder players have asked for since launch.",
            "Two new maps join the rotation: a flooded harbour and a mountain pass with narrow bridges.",
            "The ladder resets every season, and the top tier earns a banner that cannot be bought.",
            "The developers said more maps are planned for the patch after this one, later in the year."]


def _profile_with(share):
    from pressguard.verdict.site_profile import SiteProfile

    return SiteProfile(site="example", pages=8, min_words=50, min_paragraphs=3, median_words=400,
                       with_dek=0, with_date=0, with_authors=8, min_topic_share=share)


def test_a_body_about_another_story_disagrees_with_the_headline_on_a_site_whose_pages_agree():
    other = [text for tag, text in OTHER_STORY if tag == "p"]
    item, html = _coherent_page(other)
    result = run_checks(item, html=html, site_profile=_profile_with(0.8))
    assert "subject words" in result["agreement"] and "body" in result["agreement"], result["agreement"]
    right, html = _coherent_page(IRONVALE)
    assert run_checks(right, html=html, site_profile=_profile_with(0.8))["agreement"] == "ok"


def test_headline_topic_is_not_judged_on_a_site_whose_recorded_pages_do_not_agree():
    other = [text for tag, text in OTHER_STORY if tag == "p"]
    item, html = _coherent_page(other)
    assert run_checks(item, html=html, site_profile=_profile_with(0.2))["agreement"] == "ok"
    assert run_checks(item, html=html, site_profile=_profile_with(None))["agreement"] == "ok"


def test_topic_share_reads_the_headline_and_the_url_slug_with_accents_folded():
    from pressguard.verdict.topic import topic_share

    body = ["The Cafe Lumiere event is back with a creme brulee recipe and new rewards."]
    assert topic_share("“Café Lumière” returns: crème brûlée rewards", "https://s.example/cafe-lumiere-returns/",
                       body) == pytest.approx(5 / 6)  # cafe lumiere creme brulee rewards returns: all but "returns"
    assert topic_share("Verdict", "https://s.example/verdict/", body) is None  # too few subject words


def test_the_site_profile_learns_the_least_topic_share_of_its_recorded_pages():
    from pressguard.verdict.topic import topic_share
    from pressguard.verdict.assess import recorded_page

    paths = sorted((CASSETTES / "dotesports").glob("*.yaml"))
    prof = profile_of(paths, "dotesports")
    shares = []
    for p in paths:
        item = recorded_page(str(p), "dotesports")[2]
        share = topic_share(item["headline"], item["url"], item["body"])
        if share is not None:
            shares.append(share)
    assert prof.min_topic_share == min(shares)


LISTICLE = "siliconera/10-things-we-want-to-see-in-blade-of-the-ninth-moon-after-the-collectors-edition"


def test_a_listicle_cut_between_two_items_misses_the_items_its_headline_promises():
    """No JSON-LD count on this site; the headline's "10 things" and the numbered item
    headings say the body stops at item 4."""
    site, url, html = _page(LISTICLE)
    right = _assess(site, url, html)
    fifth = next(i for i, p in enumerate(right["body"]) if p.startswith("5."))
    item = _assess(site, url, mutate.cut_after_block(html, right, right["body"][fifth - 1]))
    assert item["verdict"] == "broken", item["checks"]
    assert "the 10 items the headline promises" in item["checks"]["completeness"]
    assert "body" in item["checks"]["completeness"]


def test_a_body_ending_at_a_subheading_misses_the_section_it_opens():
    site, url, html = _page(LISTICLE)
    right = _assess(site, url, html)
    item = _assess(site, url, mutate.cut_after_block(html, right, next(p for p in right["body"] if p.startswith("3."))))
    assert item["verdict"] == "broken", item["checks"]
    assert "last subheading" in item["checks"]["completeness"]


def test_subheadings_printed_as_h1_after_the_headline_stay_in_the_body(shipped):
    """A block pattern that resets the heading blocks' level prints the body's subheadings as
    <h1>s after the headline: they are the article's subheadings, read as before."""
    site, url, html, right = shipped
    if not LexborHTMLParser(html).css_first("h2.wp-block-heading, .post-content h2, .post-content h3"):
        pytest.skip("no subheading in the body")
    item = _assess(site, url, mutate.subheadings_retagged(html, right, "h1"))
    assert item["body"] == right["body"]
    assert item["verdict"] != "broken", _failing(item)


def test_a_body_ending_at_a_subheading_printed_as_h1_misses_the_section_it_opens():
    """The structure checks see an <h1> after the headline as the subheading it is."""
    site, url, html = _page(LISTICLE)
    right = _assess(site, url, html)
    h1s = mutate.subheadings_retagged(html, right, "h1")
    item = _assess(site, url, mutate.cut_after_block(h1s, right, next(p for p in right["body"] if p.startswith("3."))))
    assert item["verdict"] == "broken", item["checks"]
    assert "last subheading" in item["checks"]["completeness"]


def test_numbered_steps_in_a_list_are_no_listicle_items_and_a_closing_heading_over_a_video_is_fine():
    headline = "10 best settings for a smoother frame rate"
    body = ["These are the settings that help most on older machines, tested over two weeks of play.",
            "1. Open the graphics menu", "2. Turn shadows down to medium",
            "Each change is small on its own, but together they add up to a much smoother game.",
            "Watch the comparison"]
    html = (f"<html><body><article><h1>{headline}</h1><div class='content'><p>{body[0]}</p><ol><li>{body[1]}</li>"
            f"<li>{body[2]}</li></ol><p>{body[3]}</p><h2>{body[4]}</h2><iframe src='https://video.example/1'>"
            f"</iframe></div></article></body></html>")
    item = {"url": "https://s.example/guides/best-settings/", "headline": headline, "dek": None,
            "authors": [], "published": None, "body": body}
    assert run_checks(item, html=html)["completeness"] == "ok"


# -- furniture named by a component's tag or an aria-label ---------------------------------

SPONSOR_UNIT = ('<sponsor-unit data-placement="inline"><p>Presented by Northwind Bank: open an account '
                'in minutes and earn a bonus on your first deposit this month.</p></sponsor-unit>')
CONSENT_REGION = ('<section role="region" aria-label="Privacy consent"><p>We and our vendors store and read '
                  'information on your device to show you relevant offers and measure how the site is used.'
                  '</p><button type="button">Agree</button><button type="button">Settings</button></section>')


@pytest.mark.parametrize("snippet", [SPONSOR_UNIT, CONSENT_REGION], ids=["custom-element", "aria-label"])
def test_furniture_named_by_its_component_tag_or_aria_label_stays_out_of_the_body(shipped, snippet):
    """A component names itself (<sponsor-unit>), a region says what it is to screen readers
    (aria-label="Privacy consent"): both are read against the class-word table."""
    site, url, html, right = shipped
    item = _assess(site, url, mutate.after_paragraph(html, right, 1, snippet))
    assert item["body"] == right["body"]
    assert item["verdict"] != "broken", _failing(item)


def test_a_custom_element_or_aria_label_that_names_no_furniture_is_read():
    from pressguard.extract.blocks import article_furniture
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser('<div><story-quote><p>Quoted text.</p></story-quote>'
                            '<section aria-label="Chapter two"><p>More.</p></section>'
                            '<ad-unit></ad-unit><div aria-label="Cookie notice"></div></div>')
    quote, chapter, ad, notice = tree.css("story-quote, section, ad-unit, div[aria-label]")
    assert not article_furniture(quote) and not article_furniture(chapter)
    assert article_furniture(ad) and article_furniture(notice)


# -- invisible bidi controls ------------------------------------------------------------

def test_bidi_isolates_and_marks_around_byline_names_are_no_part_of_the_authors(shipped):
    """A template made safe for right-to-left editions wraps names in isolates (RLI/PDI,
    U+2067/U+2069) and a right-to-left mark: readers see the same names."""
    site, url, html, right = shipped
    if not right["authors"]:
        pytest.skip("a staff piece: no byline")
    page = mutate.serialized(html)
    for name in right["authors"]:
        page = page.replace(f">{name}<", f">\u2067{name}\u2069\u200f<")
    assert page != mutate.serialized(html)
    item = _assess(site, url, page)
    assert item["authors"] == right["authors"]
    assert item["verdict"] != "broken", _failing(item)


def test_normalize_drops_bidi_controls_but_keeps_joiners():
    from pressguard.extract.text import normalize

    assert normalize("\u2068Ada\u2069 \u202bLovelace\u202c\u061c") == "Ada Lovelace"
    family = "\U0001F468\u200d\U0001F469\u200d\U0001F467"  # one emoji, joined by ZWJ
    assert normalize(f"A {family} and \u200cnon-joiner") == f"A {family} and \u200cnon-joiner"


# -- a published date that cannot be one ------------------------------------------------

@pytest.mark.parametrize("year", ["1925", "2925"], ids=["two-digit-year-read-as-1925", "year-typed-2925"])
def test_a_published_date_before_the_web_or_far_in_the_future_is_broken_naming_published(shipped, year):
    site, url, html, right = shipped
    if not right["published"]:
        pytest.skip("no date on the page")
    day = right["published"][:10]
    page = html.replace(day, year + day[4:])
    item = _assess(site, url, page)
    assert item["published"].startswith(year)
    assert item["verdict"] == "broken", item["checks"]
    assert "published" in item["checks"]["completeness"], item["checks"]["completeness"]


def test_implausible_dates_are_judged_against_1995_and_a_day_after_now():
    from datetime import datetime, timezone

    from pressguard.verdict.completeness_signals import implausible_date

    now = datetime(2026, 3, 1, 12, tzinfo=timezone.utc)
    assert "1970-01-01" in implausible_date("1970-01-01T00:00:00+00:00", now)
    assert "2026-03-03" in implausible_date("2026-03-03T00:00:00Z", now)
    assert implausible_date("2026-03-02T06:00:00+00:00", now) is None  # a time zone ahead
    assert implausible_date("1995-06-01", now) is None
    assert implausible_date("sometime last week", now) is None


# -- prose in the page's declared language ----------------------------------------------

FILLER = ("Cras mattis consectetur purus sit amet fermentum, vivamus sagittis lacus vel augue laoreet "
          "rutrum faucibus dolor auctor. Donec ullamcorper nulla non metus auctor fringilla, nullam quis "
          "risus eget urna mollis ornare vel eu leo.")


def _filler_page(html: str, right: dict) -> str:
    return mutate.body_paragraphs_edited(html, right, lambda inners, i: FILLER)


def test_filler_text_in_place_of_the_body_is_broken_naming_the_body(shipped):
    """Staging filler deployed to production: the same number of paragraphs, sentences and
    all, but no English in them, on a page that says it is English."""
    site, url, html, right = shipped
    item = _assess(site, url, _filler_page(html, right))
    assert item["verdict"] == "broken", item["checks"]
    assert "body" in item["checks"]["text_quality"] and "common English words" in item["checks"]["text_quality"]


def test_a_page_in_another_or_no_declared_language_is_not_judged_on_english_words():
    site, url, html = _page(REVIEW)
    right = _assess(site, url, html)
    filler = _filler_page(html, right)
    assert 'lang="en' in filler
    assert 'og:locale" content="en_US"' in filler
    for lang, locale in (('lang="la"', "la_VA"), ("", "")):
        page = filler.replace('lang="en-US"', lang, 1).replace('og:locale" content="en_US"',
                                                              f'og:locale" content="{locale}"')
        item = _assess(site, url, page)
        assert item["checks"]["text_quality"] == "ok", item["checks"]["text_quality"]


# -- the body's order against the text the CMS stored -------------------------------------

def _shuffled_page(html: str, right: dict) -> str:
    """Pairs of neighbouring body paragraphs swapped (1<->2, 3<->4 ...), a merge of cached
    fragments gone wrong; every word stays on the page."""
    def swap(inners, i):
        j = i + 1 if i % 2 == 0 else i - 1
        return inners[j] if j < len(inners) else inners[i]
    return mutate.body_paragraphs_edited(html, right, swap)


def test_paragraphs_out_of_the_order_the_cms_stored_them_are_broken_naming_the_body():
    site, url, html = _page(STORED)
    right = _assess(site, url, html)
    stored = mutate.with_article_body(html, "\n\n".join(right["body"]))
    item = _assess(site, url, _shuffled_page(stored, right))
    assert item["body"] != right["body"] and sorted(item["body"]) == sorted(right["body"])
    assert item["verdict"] == "broken", item["checks"]
    assert "order" in item["checks"]["agreement"] and "body" in item["checks"]["agreement"]
    # in order, the same stored text agrees; without a stored text the order is not judged
    assert _assess(site, url, stored)["checks"]["agreement"] == "ok"
    assert "order" not in _assess(site, url, _shuffled_page(html, right))["checks"]["agreement"]


# -- the article's rest folded into a <details> or a <template> ----------------------------

@pytest.mark.parametrize("fold", ["details", "template"])
def test_the_rest_of_the_article_folded_into_details_or_a_stamped_template_is_read(fold):
    """The text is served in the page: a closed <details> (its <summary> is the control, not
    a paragraph), or a <template> a "Keep reading" link stamps in (data-target)."""
    site, url, html = _page(REVIEW)
    right = _assess(site, url, html)
    if fold == "details":
        page = mutate.rest_folded(html, right, '<details class="fold"><summary>Expand</summary>', "</details>")
    else:
        page = mutate.rest_folded(html, right, '<template id="more-text">', "</template>",
                                  before='<a href="#more-text" class="keep" data-target="#more-text">Keep reading</a>')
    item = _assess(site, url, page)
    assert item["body"] == right["body"]
    assert item["verdict"] != "broken", _failing(item)


def test_an_faq_of_details_keeps_its_questions_and_a_template_nothing_stamps_stays_out():
    from pressguard.extract.blocks import article_furniture, collect_blocks
    from selectolax.lexbor import LexborHTMLParser

    faq = LexborHTMLParser("<div><details><summary>Is it on Switch?</summary><p>Yes.</p><p>Since May.</p>"
                           "</details><details><summary>Is there co-op?</summary><p>No.</p></details>"
                           "<template id='t'><p>Never shown.</p></template></div>").css_first("div")
    texts = [b.text for b in collect_blocks(faq, article_furniture)]
    assert texts == ["Is it on Switch?", "Yes.", "Since May.", "Is there co-op?", "No."]


def test_english_words_are_not_judged_on_a_site_whose_recorded_pages_are_not_english_prose():
    """A Spanish site that kept its theme's lang="en-US": its own accepted pages say the
    declared language is not to be trusted there."""
    from dataclasses import replace

    site, url, html = _page(REVIEW)
    right = _assess(site, url, html)
    filler = _filler_page(html, right)
    english_site = profile_of(sorted((CASSETTES / site).glob("*.yaml")), site)
    assert english_site.min_english_share >= 0.25  # the shipped pages: 28-39%
    item = dict(right, body=_assess(site, url, filler)["body"])
    assert "common English" in run_checks(item, html=filler, site_profile=english_site)["text_quality"]
    spanish_site = replace(english_site, min_english_share=0.03)
    assert run_checks(item, html=filler, site_profile=spanish_site)["text_quality"] == "ok"


# -- a headline that is the title plus a dateline or a section, or the title cut short -----

def test_a_title_with_a_short_labelled_segment_added_or_cut_short_differs():
    from pressguard.verdict.titles import segment_difference

    title = "Rogue Circuit: the photo mode confirmed for PlayStation 5"
    assert "leading" in segment_difference("LOS ANGELES \u2014 " + title, title)
    assert "trailing" in segment_difference(title + " | Reviews", title)
    assert "cut" in segment_difference("Rogue Circuit: the photo mode\u2026", title)
    assert "cut" in segment_difference("Rogue Circuit: the photo mode...", title)
    assert segment_difference(title, title) is None
    assert segment_difference(title, "LOS ANGELES \u2014 " + title, removed=False) is None
    # a reworded title (a phrase, not a label) and a title that only shares words are not segments
    assert segment_difference("Everything you need to know now: " + title, title) is None
    assert segment_difference("Rogue Circuit photo mode confirmed", title) is None


def test_a_dateline_printed_into_the_h1_is_broken_naming_the_headline(shipped):
    site, url, html, right = shipped
    item = _assess(site, url, mutate.headline_text(html, right, "LONDON \u2014 " + right["headline"]))
    assert item["headline"] != right["headline"]
    assert item["verdict"] == "broken", item["checks"]
    assert "headline" in item["checks"]["agreement"] and "LONDON" in item["checks"]["agreement"]


def test_a_headline_cut_with_an_ellipsis_is_broken_naming_the_headline(shipped):
    site, url, html, right = shipped
    if len(right["headline"]) < 50:
        pytest.skip("a short headline")
    cut = right["headline"][:40].rsplit(" ", 1)[0] + "\u2026"
    item = _assess(site, url, mutate.headline_text(html, right, cut))
    assert item["headline"] == cut
    assert item["verdict"] == "broken", item["checks"]
    assert "headline" in item["checks"]["agreement"] and "cut" in item["checks"]["agreement"]


# -- a dek slot printing interface text ---------------------------------------------------

def test_an_error_widget_in_the_dek_slot_is_broken_naming_the_dek(shipped):
    site, url, html, right = shipped
    if not right["dek"]:
        pytest.skip("no dek on the page")
    error = "Oops! We couldn't load this content. Please refresh the page or try again later."
    item = _assess(site, url, mutate.dek_text(html, right, error))
    assert item["dek"] != right["dek"]
    assert item["verdict"] == "broken", item["checks"]
    assert "dek" in item["checks"]["completeness"], item["checks"]["completeness"]


def test_error_text_is_furniture_and_sentences_that_start_alike_are_not():
    from pressguard.extract.boilerplate import is_boilerplate_text

    assert is_boilerplate_text("Sorry, we couldn't load the comments.")
    assert is_boilerplate_text("Please reload the page and try again.")
    # the table names a widget's content, not anything a writer could not load
    assert not is_boilerplate_text("We couldn't load the save file from the first game, so we started over.")
    assert not is_boilerplate_text("We couldn't be happier with how the final boss turned out.")
    assert not is_boilerplate_text("Please refresh your memory with our guide before the raid.")


# -- a later page of a split article ------------------------------------------------------

@pytest.mark.parametrize("signal", ["label", "rel_prev"])
def test_a_later_page_of_a_split_article_is_broken_naming_the_body(shipped, signal):
    site, url, html, right = shipped
    page = mutate.pager_added(html, right, label="Page 2 of 3") if signal == "label" else \
        mutate.pager_added(html, right, rel_prev=True)
    item = _assess(site, url, page)
    assert item["verdict"] == "broken", item["checks"]
    assert "body" in item["checks"]["completeness"] and "later page" in item["checks"]["completeness"]


def test_a_split_article_shown_whole_with_its_page_labels_is_the_whole_article(shipped):
    """A "view all" of a split post labels where pages 2 and 3 began and links to the paged
    view above the text: the labels of two later pages say the page holds them all (no later
    page), and the line that switches views is not a paragraph of the article."""
    site, url, html, right = shipped
    if len(right["body"]) < 6:
        pytest.skip("too few paragraphs for three pages")
    item = _assess(site, url, mutate.all_pages_shown(html, right))
    assert item["body"] == right["body"]
    assert item["verdict"] != "broken", _failing(item)


def test_the_first_page_of_a_split_article_is_no_later_page(shipped):
    site, url, html, right = shipped
    item = _assess(site, url, mutate.pager_added(html, right, label="Page 1 of 3"))
    assert "later page" not in item["checks"]["completeness"], item["checks"]["completeness"]


def test_labels_of_two_later_pages_say_all_pages_are_shown_but_a_pagers_links_do_not():
    from pressguard.verdict import completeness_signals
    from pressguard.verdict.page_hints import PageHints

    url = "https://s.example/news/a-split-story/"
    shown = ("<p>First part.</p><div role='separator'><span>Page 2 of 3</span></div><p>Second part.</p>"
             "<div role='separator'><span>Page 3 of 3</span></div><p>Third part.</p>")
    pager = (f"<p>Second part.</p><nav><span>Page 2 of 3</span> <a href='{url}'>Page 1 of 3</a> "
             f"<a href='{url}3/'>Page 3 of 3</a></nav>")
    for body, want in ((shown, None), (pager, "'Page 2 of 3' on the page")):
        page = PageHints(f"<html><body><article>{body}</article></body></html>", url)
        assert completeness_signals.later_page(page, url) == want, body


# -- a second opinion that saw no article ---------------------------------------------------

def test_a_second_opinion_that_saw_no_article_is_no_opinion_on_the_body():
    """The layout-free extraction named a page with a collapsed "Read more" half a listing
    and took no body: the layout's body is not compared with nothing. A second opinion
    with no body and no such verdict still disagrees (it found the page empty)."""
    site, url, html = _page(REVIEW)
    right = _assess(site, url, html)
    listing = {"headline": right["headline"], "body": [], "page_kind": "listing"}
    checks = run_checks(right, html=html, second_opinion=listing)
    assert checks["agreement"] == "ok", checks["agreement"]
    empty = {"headline": right["headline"], "body": []}
    assert "second opinion" in run_checks(right, html=html, second_opinion=empty)["agreement"]


# -- a document cut off before its end tags -------------------------------------------------

def test_a_document_cut_mid_body_is_broken_naming_the_body_on_a_site_whose_pages_end():
    from dataclasses import replace

    from pressguard.verdict.completeness_signals import document_ends

    site, url, html = _page(REVIEW)  # no JSON-LD wordCount to count the missing words by
    right = _assess(site, url, html)
    cut = mutate.cut_mid_body(html, right)
    assert document_ends(html) and not document_ends(cut)
    item = _assess(site, url, cut)
    assert item["body"] != right["body"]
    assert item["verdict"] == "broken", item["checks"]
    assert "body" in item["checks"]["completeness"] and "cut off" in item["checks"]["completeness"]
    # a site whose template omits the optional end tags is not judged on them
    prof = profile_of(sorted((CASSETTES / site).glob("*.yaml")), site)
    assert prof.always("html_end")
    loose = replace(prof, with_html_end=prof.pages - 1)
    assert "cut off" not in run_checks(item, html=cut, site_profile=loose)["completeness"]


# -- metadata of another article: a finding about the metadata, not a broken field -------------

OTHER_TITLE = "The 10 Best Cozy Games to Play This Winter"


def test_jsonld_of_another_article_is_drift_naming_the_headline_not_a_broken_field(shipped):
    """An SEO plugin's cache serves another post's JSON-LD (headline, author, date) on this page.
    The page shows its own article, which og:title (or <title>), the second opinion and the
    URL slug all name: the fields are right, the metadata is what is wrong (drift, with a
    `metadata` finding naming the headline), not an agreement failure of the fields."""
    site, url, html, right = shipped
    if '"headline"' not in html:
        pytest.skip("no JSON-LD headline on this page")
    item = _assess(site, url, mutate.jsonld_of_another_article(html, OTHER_TITLE, "Morgan Vale",
                                                                "2023-12-02T09:00:00+00:00"))
    assert {f: item.get(f) for f in FIELDS} == {f: right.get(f) for f in FIELDS}
    assert _failing(item) == {}, _failing(item)
    assert item["verdict"] == "drift"
    assert "metadata" in item["checks"]["metadata"] and "(headline)" in item["checks"]["metadata"]
    assert OTHER_TITLE in item["checks"]["metadata"]


def test_another_writers_byline_under_another_articles_jsonld_is_broken_naming_the_authors(shipped):
    """Two leaks at once: an SEO cache serves another post's JSON-LD, and a query loop that did
    not restore the post prints another writer in the byline. The foreign JSON-LD is no witness
    of this article's writers, but the head's meta author still is, and names none of them."""
    site, url, html, right = shipped
    head, sep, rest = html.partition("</head>")
    if '"headline"' not in html or not right.get("authors") or 'name="author"' not in head:
        pytest.skip("no JSON-LD headline, no byline or no meta author on this page")
    html = mutate.jsonld_of_another_article(head + sep + rest.replace(right["authors"][0], "Tomas Varga"),
                                            OTHER_TITLE, "Morgan Vale")
    item = _assess(site, url, html)
    assert item["authors"] != right["authors"]
    assert item["verdict"] == "broken", item["checks"]
    assert "authors" in item["checks"]["agreement"] and "(meta author)" in item["checks"]["agreement"], \
        item["checks"]["agreement"]


def test_a_lone_differing_jsonld_headline_stays_an_agreement_failure(shipped):
    """Only the title differs (writer and date are the page's): that is the JSON-LD headline
    disagreeing with the visible one, agreement's finding about the headline, not another
    article's metadata."""
    site, url, html, right = shipped
    if '"headline"' not in html or not right.get("authors"):
        pytest.skip("no JSON-LD headline or no authors on this page")
    author = right["authors"][0]
    item = _assess(site, url, mutate.jsonld_of_another_article(html, OTHER_TITLE, author))
    assert item["checks"]["metadata"] == "ok"
    assert item["verdict"] == "broken" and "(JSON-LD)" in item["checks"]["agreement"]


def test_a_visible_headline_of_another_story_stays_broken_when_the_url_names_the_jsonld_one(shipped):
    """The mirror case: the page shows another story's title (h1 and og:title) while the URL
    and the JSON-LD name this one. Nothing backs the visible title, so the disagreement is
    still a field failure (agreement, naming the headline), never metadata drift."""
    site, url, html, right = shipped
    if '"headline"' not in html:
        pytest.skip("no JSON-LD headline on this page")
    changed = mutate.headline_text(html, right, OTHER_TITLE).replace(
        f'property="og:title" content="', f'property="og:title" content="{OTHER_TITLE} | ', 1)
    item = _assess(site, url, changed)
    assert item["verdict"] == "broken"
    assert item["checks"]["metadata"] == "ok"
    assert "headline" in item["checks"]["agreement"] or "headline" in item["checks"]["headline"]


@pytest.mark.parametrize("label", ["Load earlier updates", "Show older posts", "Load previous entries"])
def test_a_body_whose_earlier_part_loads_on_click_is_broken_naming_the_body(label):
    """A live-blog view of a finished article: the last three paragraphs served, a button
    that fetches the earlier ones. On a site with no JSON-LD wordCount the three whole
    paragraphs pass every length check; the button's words say the rest is not served, and
    its own class ("live-more") makes it no furniture."""
    for page in (PAGES[3], PAGES[4]):  # siliconera, progameguides: no JSON-LD wordCount
        site, url, html = _page(page)
        right = _assess(site, url, html)
        item = _assess(site, url, mutate.earlier_part_behind_button(html, right, label))
        assert _is_wrong(item, right) and item["verdict"] == "broken", (page, item["checks"])
        assert label in item["checks"]["markers"] and "body" in item["checks"]["markers"]


def test_a_paragraph_given_again_right_after_itself_is_broken_naming_the_body(shipped):
    """An editor's merge glitch saves one prose paragraph twice in a row: every other check
    passes (one repeated paragraph was allowed as a pull quote); no article says a whole
    paragraph twice in a row."""
    site, url, html, right = shipped
    item = _assess(site, url, mutate.paragraph_said_twice(html, right))
    assert item["verdict"] == "broken", item["checks"]
    assert "given again right after itself" in item["checks"]["markers"]


@pytest.mark.parametrize("title", ["best-cozy-games-to-play-this-winter", "ironvale-review-its-less-grindy-and-better"])
def test_a_headline_that_is_a_url_slug_is_broken_naming_the_headline(title):
    item = {"url": "https://example.com/news/a/", "headline": title, "body": PARAS}
    assert run_checks(item)["headline"] == f"headline: https://example.com/news/a/: expected the article's " \
                                           f"headline, found '{title}' (a URL slug)"
    for fine in ("Half-Life 3 confirmed", "half-life-3", "Spider-Man: the re-re-release"):
        assert run_checks(dict(item, headline=fine))["headline"] == "ok"


def test_a_consent_tools_stand_in_for_an_embed_is_no_placeholder_of_text(shipped):
    """A consent tool blocks a third-party embed until consent: its box between paragraphs
    ("consent-placeholder", "accept Marketing cookies") stands in for a video, not for the
    article's text, which is all there: no marker, fields unchanged."""
    site, url, html, right = shipped
    box = ('<div class="consent-placeholder" data-provider="YouTube"><p class="consent-placeholder__text">'
           'This content is hosted by a third party (YouTube). To view it, accept Marketing cookies.</p>'
           '<button type="button">Accept and show content</button></div>')
    item = _assess(site, url, mutate.after_paragraph(html, right, 0, box))
    assert not _is_wrong(item, right)
    assert item["checks"]["markers"] == "ok" and item["verdict"] != "broken", _failing(item)


def test_a_republishers_note_is_furniture_and_a_story_about_a_first_release_is_not(shipped):
    """A republished story opens with "This article was originally published on <site>."
    in a paragraph of its own: the republisher's note, not the article's text (the body is
    the article's paragraphs, as shipped)."""
    from pressguard.extract.boilerplate import is_boilerplate_text

    assert is_boilerplate_text("This article was originally published on Harbor Daily.")
    assert is_boilerplate_text("Originally appeared in The Northwind Wire")
    assert not is_boilerplate_text("The game originally appeared on the Wii in 2008, and the remaster keeps "
                                   "every level.")
    site, url, html, right = shipped
    note = '<p class="republish-note"><em>This article was originally published on Harbor Daily.</em></p>'
    item = _assess(site, url, mutate.after_paragraph(html, right, 0, note))
    assert not _is_wrong(item, right), item["body"][:3]
    assert item["verdict"] != "broken", _failing(item)


def test_a_dek_of_seo_keywords_is_broken_naming_the_dek(shipped):
    """An SEO plugin's focus keywords in the standfirst slot: a list of terms, not a
    summary (it may share words with the page's description, so the interface-text rule
    does not see it)."""
    from pressguard.verdict.completeness_signals import keyword_list

    assert keyword_list("games, news, release date, trailer, studio, update")
    assert not keyword_list("Dragons, castles, swords and magic: the season's best fantasy games")
    assert not keyword_list("Swords, shields, spells, and a dragon")
    assert not keyword_list("The studio confirmed the date, the price, the editions, and the trailer.")
    site, url, html, right = shipped
    if not right.get("dek"):
        pytest.skip("no dek on this page")
    item = _assess(site, url, mutate.dek_text(html, right, "games, news, release date, trailer, studio, update"))
    assert item["verdict"] == "broken" and "(a list of keywords, not a summary)" in item["checks"]["completeness"]


def test_a_byline_crediting_only_a_reviewer_is_broken_naming_authors():
    """A fact-checking template shows the reviewing editor in the byline's place ("Reviewed
    by Sam Reyes"): the page no longer names the writer, whatever the metadata says."""
    def page(byline: str) -> str:
        return ('<html><body><article><h1>The update lands next week in every region</h1>'
                f'<div class="byline">{byline}</div>' + "".join(f"<p>{p}</p>" for p in PARAS)
                + "</article></body></html>")
    item = {"url": "https://example.com/a", "headline": "The update lands next week in every region",
            "authors": ["Sam Reyes"], "body": PARAS}
    msg = run_checks(item, html=page("Reviewed by <a href='/author/sam-reyes/'>Sam Reyes</a>, Standards Editor"))
    assert msg["authors"].startswith("authors: https://example.com/a: expected the writer the byline names")
    assert "for another role" in msg["authors"]
    for fine in ("By <a href='/author/sam-reyes/'>Sam Reyes</a>",
                 "By Sam Reyes · Reviewed by <a href='/author/jo-park/'>Jo Park</a>",
                 "Written by Sam Reyes and reviewed by Jo Park"):
        assert run_checks(item, html=page(fine))["authors"] == "ok", fine


@pytest.mark.parametrize("label, joiner", [("Por", "y"), ("Par", "et"), ("Von", "und"), ("Di", "e"),
                                           ("Door", "en")])
def test_a_byline_label_in_another_language_is_not_read_into_the_name(shipped, label, joiner):
    """A site's Spanish (French, German, Italian, Dutch) edition prints the byline's label
    in its language, in its own element before the names: the same people wrote it."""
    site, url, html, right = shipped
    if not right["authors"]:
        pytest.skip("a staff piece: no byline")
    item = _assess(site, url, mutate.byline_relabelled(html, right, label, joiner))
    assert item["authors"] == right["authors"], item["authors"]
    assert item["verdict"] != "broken", item["checks"]


# -- a byline naming far more people than the site's pages ever credit --------------------

_STAFF = ["Ingrid Falk", "Tomas Varga", "Rosa Delacroix", "Maren Holt", "Amara Nwosu",
          "Hugo Lindell", "Dev Malhotra", "Keira Dunmore", "Felix Carrow", "Leila Moreau"]


def test_a_byline_listing_the_whole_staff_is_broken_naming_authors(shipped):
    """A co-authors query that lost its post filter: the byline lists every profile of the
    site, the writer among them; the site's recorded pages credit one or two people."""
    site, url, html, right = shipped
    if not right["authors"]:
        pytest.skip("a staff piece: no byline")
    crowd = dict(right, authors=_STAFF[:5] + right["authors"] + _STAFF[5:])
    item = _assess(site, url, mutate.byline_relabelled(html, crowd, "By", "and"))
    assert item["verdict"] == "broken", item["checks"]
    msg = item["checks"]["authors"]
    assert msg.startswith(f"authors: {url}: expected the piece's writers (at most "), msg
    assert f"found a byline naming {len(crowd['authors'])} people" in msg, msg


def test_a_byline_of_a_few_co_writers_is_no_crowd(shipped):
    site, url, html, right = shipped
    if not right["authors"]:
        pytest.skip("a staff piece: no byline")
    pair = dict(right, authors=right["authors"][:1] + _STAFF[:2])
    item = _assess(site, url, mutate.byline_relabelled(html, pair, "By", "and"))
    assert item["checks"]["authors"] == "ok", item["checks"]["authors"]


def test_a_staff_round_up_its_metadata_credits_in_full_is_no_crowd():
    """A real round-up ("Our staff's games of the year") credits a dozen writers in the
    byline and in its JSON-LD alike: the CMS's own record backs the count."""
    from pressguard.verdict.site_profile import SiteProfile

    names = _STAFF + ["Sam Reyes", "Jo Park"]
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                     "headline": "The update lands next week in every region",
                     "author": [{"@type": "Person", "name": n} for n in names]})
    byline = ", ".join(f"<a href='/author/{'-'.join(n.lower().split())}/'>{n}</a>" for n in names)

    def page(script: str) -> str:
        return (f'<html><head>{script}</head><body><article><h1>The update lands next week in every '
                f'region</h1><div class="byline">By {byline}</div>' + "".join(f"<p>{p}</p>" for p in PARAS)
                + "</article></body></html>")
    item = {"url": "https://example.com/a", "headline": "The update lands next week in every region",
            "authors": names, "body": PARAS}
    prof = SiteProfile(site="example", pages=8, min_words=50, min_paragraphs=3, median_words=400,
                       with_dek=0, with_date=0, with_authors=8, max_authors=2)
    backed = run_checks(item, html=page(f'<script type="application/ld+json">{ld}</script>'), site_profile=prof)
    assert backed["authors"] == "ok", backed["authors"]
    alone = run_checks(item, html=page('<meta name="author" content="Sam Reyes">'), site_profile=prof)
    assert "found a byline naming 12 people" in alone["authors"], alone["authors"]
    assert run_checks(item, html=page(""))["authors"] == "ok"  # no profile: nothing to compare with


@pytest.mark.parametrize("label", ["Posted on Aug 9, 2025 by", "Posted on Aug 9, 2025 |"])
def test_a_dateline_before_the_names_is_not_read_as_the_name(shipped, label):
    """A theme switch to a starter theme's meta line prints the date before the byline
    ("Posted on Aug 9, 2025 by <a>A</a>", or with a bar and no "by", as themes that separate
    the date from the byline do): the names after it wrote the piece."""
    site, url, html, right = shipped
    if not right["authors"]:
        pytest.skip("a staff piece: no byline")
    item = _assess(site, url, mutate.byline_relabelled(html, right, label, "and"))
    assert item["authors"] == right["authors"], item["authors"]
    assert item["verdict"] != "broken", item["checks"]


def test_a_name_that_starts_like_a_byline_label_is_kept_whole():
    from pressguard.extract.authors import clean_authors

    assert clean_authors(["Von Miller"], allow_single=True) == ["Von Miller"]
    assert clean_authors(["Di Wang"], allow_single=True) == ["Di Wang"]
    assert clean_authors(["Von der Leyen Ursula"], allow_single=True) == ["Von der Leyen Ursula"]
    assert clean_authors(["Por Sana Brennan y Quinn Hartley"]) == ["Sana Brennan", "Quinn Hartley"]
    # Italian "e" and Dutch "en" join names in lower case only: "E" is a middle initial
    assert clean_authors(["Jane E Doe"]) == ["Jane E Doe"]
    assert clean_authors(["Di Elise Ashby e Paula Tamura"]) == ["Elise Ashby", "Paula Tamura"]


def test_a_title_printed_twice_in_the_h1_is_broken_naming_the_headline(shipped):
    """A template that prints the SEO title field and the post title into one <h1>:
    "Title Title" is no article's headline."""
    from pressguard.verdict.titles import said_twice

    assert said_twice("Rogue Circuit is out now. Rogue Circuit is out now.")
    assert not said_twice("New York, New York")
    assert not said_twice("Talk Talk")
    assert not said_twice("Run, run, run: run, run, run and the rest")
    site, url, html, right = shipped
    twice = f'{right["headline"]} {right["headline"]}'
    item = _assess(site, url, mutate.headline_text(html, right, twice))
    assert item["verdict"] == "broken", item["checks"]
    assert "(the same title given twice)" in item["checks"]["headline"]


def test_a_dek_cut_short_with_an_ellipsis_is_broken_naming_the_dek(shipped):
    """The standfirst slot fed from a description an SEO plugin cut at 60 characters
    ("The studio confirmed the new season wi..."): the page's description goes on."""
    site, url, html, right = shipped
    if not right.get("dek") or len(right["dek"]) < 80:
        pytest.skip("no dek of 80 characters or more")
    item = _assess(site, url, mutate.dek_text(html, right, right["dek"][:58].rstrip() + "..."))
    assert item["verdict"] == "broken", item["checks"]
    assert "dek: the whole standfirst" in item["checks"]["completeness"]
    # a dek that ends in an ellipsis of its own, the page's description saying the same, is fine
    teaser = right["dek"].rstrip(".") + "..."
    fine = _assess(site, url, mutate.dek_text(html, right, teaser))
    assert "dek:" not in fine["checks"]["completeness"], fine["checks"]


def test_paragraphs_rendered_as_custom_elements_are_read_one_paragraph_each(shipped):
    """A web-components front end prints each paragraph as <rich-text-paragraph>: the
    same paragraphs, not one run of text; an inline component inside a paragraph's text
    still does not split it."""
    from pressguard.extract.blocks import collect_blocks
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser("<div><p>Rated <star-rating>4 of 5</star-rating> by critics.</p>"
                            "<rich-text-paragraph>One.</rich-text-paragraph>"
                            "<rich-text-paragraph>Two.</rich-text-paragraph></div>")
    assert [b.text for b in collect_blocks(tree.css_first("div"))] == \
        ["Rated 4 of 5 by critics.", "One.", "Two."]
    site, url, html, right = shipped
    item = _assess(site, url, mutate.paragraphs_retagged(html, right, "rich-text-paragraph"))
    assert item["body"] == right["body"]
    assert item["verdict"] != "broken", item["checks"]


def test_a_by_label_glued_to_the_name_is_not_read_into_it(shipped):
    """A template regression drops the space after the label: "By<a>Jane Doe</a>" reads
    "ByJane Doe"; "Byron" is a name all the same."""
    from pressguard.extract.authors import clean_authors

    assert clean_authors(["Byron Lee"]) == ["Byron Lee"]
    assert clean_authors(["ByJane Doe"]) == ["Jane Doe"]
    site, url, html, right = shipped
    if not right["authors"]:
        pytest.skip("a staff piece: no byline")
    item = _assess(site, url, mutate.byline_relabelled(html, right, "By", "and", gap=""))
    assert item["authors"] == right["authors"], item["authors"]


def test_paragraphs_each_cut_with_an_excerpt_mark_are_broken_naming_the_body(shipped):
    """A feed-excerpt filter on the article template: every paragraph cut after its first
    sentence and marked "[…]". One quotation that elides a passage is no such cut."""
    site, url, html, right = shipped

    def clip(inners, i):
        text = inners[i]
        return (text.split(". ")[0] + ". [\u2026]") if ". " in text else text

    item = _assess(site, url, mutate.body_paragraphs_edited(html, right, clip))
    if item["body"] == right["body"]:
        pytest.skip("no paragraph of two sentences to clip")
    assert item["verdict"] == "broken", item["checks"]
    assert "(an excerpt of each paragraph, not the article)" in item["checks"]["markers"]
    assert "body" in item["checks"]["markers"]
    once = _assess(site, url, mutate.body_paragraphs_edited(
        html, right, lambda inners, i: inners[i] + (" [...]" if i == 0 else "")))
    assert "excerpt" not in once["checks"]["markers"], once["checks"]


def test_a_cms_placeholder_title_is_broken_naming_the_headline(shipped):
    """A workflow that publishes the CMS's auto-draft revision shows its default title
    ("Auto Draft", "(no title)"): no article's headline."""
    assert run_checks({"url": "https://example.com/a/", "headline": "(no title)"})["headline"] != "ok"
    assert run_checks({"url": "https://example.com/a/", "headline": "Auto draft picks for week three"}
                      )["headline"] == "ok"
    site, url, html, right = shipped
    item = _assess(site, url, mutate.headline_text(html, right, "Auto Draft"))
    assert item["verdict"] == "broken", item["checks"]
    assert "(a generic page title)" in item["checks"]["headline"]


def test_a_dek_that_prints_the_headline_again_is_broken_naming_the_dek(shipped):
    """The standfirst slot fed from the title field: the page shows its headline twice and
    no summary."""
    site, url, html, right = shipped
    if not right.get("dek"):
        pytest.skip("no dek")
    item = _assess(site, url, mutate.dek_text(html, right, right["headline"].upper()))
    assert item["verdict"] == "broken", item["checks"]
    assert "dek: the article's standfirst" in item["checks"]["completeness"]
    assert "found the headline printed again" in item["checks"]["completeness"]


def test_a_dek_in_another_language_on_an_english_page_is_broken_naming_the_dek(shipped):
    """Another edition's translated standfirst leaking into the English template."""
    site, url, html, right = shipped
    if not right.get("dek"):
        pytest.skip("no dek")
    german = ("Die ersten Reaktionen deuten darauf hin, dass die Änderung ehrgeiziger ausfällt "
              "als erwartet, obwohl noch viele Einzelheiten fehlen.")
    item = _assess(site, url, mutate.dek_text(html, right, german))
    assert item["verdict"] == "broken", item["checks"]
    assert "dek: " in item["checks"]["text_quality"] and "common English words" in item["checks"]["text_quality"]
    assert right["checks"]["text_quality"] == "ok"  # the shipped English dek passes


def test_question_marks_standing_in_for_characters_are_broken_naming_the_field(shipped):
    """A charset conversion that writes "?" for every character it lacks: "Lumi?re d?but",
    "don?t", "Obsidian?Bay" (a non-breaking space). A question mark ending a question, or
    in a URL, is no such thing; nor is one odd "?" alone."""
    base = {"url": "https://example.com/a/", "headline": "Why? Because it works", "authors": [],
            "body": ["Is it out? Yes. See example.com/?page=2 for more, or ask: what?"]}
    assert run_checks(base)["text_quality"] == "ok"
    assert run_checks({**base, "body": ["The Caf? opens."]})["text_quality"] == "ok"
    assert "'?' in place of characters" in run_checks(
        {**base, "body": ["The Lumi?re event's d?but opens."]})["text_quality"]
    site, url, html, right = shipped

    def convert(inners, i):
        text = inners[i]
        if "<" in text or " " not in text:
            return text
        return text.replace(" ", "\u00a0", 1).encode("ascii", "replace").decode("ascii")
    item = _assess(site, url, mutate.body_paragraphs_edited(html, right, convert))
    assert item["verdict"] == "broken", item["checks"]
    assert "body paragraph" in item["checks"]["text_quality"] and "in place of characters" in \
        item["checks"]["text_quality"]


def test_an_initials_avatar_glued_to_the_name_is_broken_naming_the_authors(shipped):
    """An initials avatar ("BA") printed right before the name with no space: "BABen Ashby"
    is no person's name. Names that lead with two capitals of their own are kept."""
    from pressguard.verdict.person_names import person_problem

    assert "initials" in (person_problem("SBSana Brennan", []) or "")
    assert "initials" in (person_problem("JDJane van Doe", []) or "")
    for name in ("McKay Jones", "DeShawn Smith", "JJ Abrams", "LeBron James", "MacKenzie Scott",
                 "Ben Ashby", "DJ Khaled Brown"):
        assert person_problem(name, []) is None, name
    site, url, html, right = shipped
    if len(right["authors"]) != 1:
        pytest.skip("not a single-author byline")
    initials = "".join(w[0] for w in right["authors"][0].split())
    try:
        changed = mutate.byline_relabelled(html, right, "By", "and",
                                           gap=f' <span class="avatar" aria-hidden="true">{initials}</span>')
    except AssertionError:
        pytest.skip("no 'By' label element on this page")
    item = _assess(site, url, changed)
    if item["authors"] == right["authors"]:  # an extractor that leaves the avatar out: right
        assert item["verdict"] != "broken", _failing(item)
        return
    assert item["verdict"] == "broken", item["checks"]
    assert "initials glued to the name" in item["checks"]["authors"]


def test_a_raw_shortcode_in_the_body_is_broken_naming_the_body(shipped):
    """A shortcode plugin switched off prints its codes as text: "[tooltip text=...]" and
    "[/tooltip]" in a paragraph. An editor's brackets ("[sic]", "[…]", "[Update: ...]")
    are article text."""
    ok = {"url": "https://example.com/a/", "headline": "A title here", "authors": [],
          "body": ["He said it [sic] twice.", "The rest [\u2026]", "[Update: the studio replied.]"]}
    assert run_checks(ok)["boilerplate"] == "ok"
    site, url, html, right = shipped

    def tooltip(inners, i):
        text = inners[i]
        if i != 1 or "<" in text:
            return text
        words = text.split(" ")
        return " ".join(words[:3]) + ' [tooltip text="More"]' + " ".join(words[3:6]) + "[/tooltip] " \
            + " ".join(words[6:])
    item = _assess(site, url, mutate.body_paragraphs_edited(html, right, tooltip))
    if item["body"] == right["body"]:
        pytest.skip("the second body paragraph carries markup")
    assert item["verdict"] == "broken", item["checks"]
    assert "(raw shortcode)" in item["checks"]["boilerplate"]


def test_a_reader_poll_inside_the_body_is_not_read_as_article_text(shipped):
    """An engagement vendor's poll between paragraphs (a question, answers, a Vote button):
    its question is no paragraph of the article."""
    site, url, html, right = shipped
    poll = ('<div class="article-poll" data-poll="77"><p>Which platform will you play it on?</p><form>'
            '<label><input type="radio" name="p"> PC</label><label><input type="radio" name="p"> '
            'Console</label><button type="submit">Vote</button></form><p>388 votes</p></div>')
    item = _assess(site, url, mutate.after_paragraph(html, right, 1, poll))
    assert item["body"] == right["body"]
    assert item["verdict"] != "broken", _failing(item)


def test_a_publication_date_reset_to_the_fetch_day_is_broken_naming_published(shipped):
    """A CMS upgrade writes each post's last-save time into its publication date: every date
    on the page says the day it was fetched, while the pictures named after the article were
    uploaded (WordPress's /uploads/YYYY/MM/ folder) months before. A fresh story fetched the
    day it was published, its pictures uploaded that month, is fine."""
    from datetime import date, datetime

    site, url, html, right = shipped
    published = datetime.fromisoformat(right["published"]).date()
    fetched = date(2026, 11, 25)
    slug = url.rstrip("/").rsplit("/", 1)[-1]
    if f"{published.year}/{published.month:02d}/{slug}" not in html:
        pytest.skip("no picture named after the slug in its month's upload folder")
    reset = mutate.dates_moved(html, published, fetched)
    baseline = template_baseline(str(CASSETTES), site)
    item, _ = assess(reset, url, site=site, fetched_at=f"{fetched.isoformat()}T18:00:00+00:00", baseline=baseline)
    assert item["verdict"] == "broken", item["checks"]
    assert "published: the date the article was first published" in item["checks"]["completeness"]
    # the same page with its pictures uploaded that month: a fresh story
    fresh = reset.replace(f"/uploads/{published.year}/{published.month:02d}/",
                          f"/uploads/{fetched.year}/{fetched.month:02d}/")
    item, _ = assess(fresh, url, site=site, fetched_at=f"{fetched.isoformat()}T18:00:00+00:00", baseline=baseline)
    assert "first published" not in item["checks"]["completeness"], item["checks"]
    # the shipped page fetched on its own publication day
    item, _ = assess(html, url, site=site, fetched_at=right["published"], baseline=baseline)
    assert "first published" not in item["checks"]["completeness"], item["checks"]


def test_a_byline_printed_surname_first_names_the_same_person():
    """A directory-style display setting prints "By Doe, Jane; Haddad, Omar": the authors
    Jane Doe and Omar Haddad are the byline's, not names missing from it."""
    item = {"url": "https://example.com/a", "headline": "The update lands next week",
            "authors": ["Jane Doe", "Omar Haddad"], "body": PARAS}
    page = _byline_page('<div class="byline">By <a href="/author/jane-doe/">Doe, Jane</a>; '
                        '<a href="/author/omar-haddad/">Haddad, Omar</a></div>')
    assert run_checks(item, html=page)["authors"] == "ok"
    other = dict(item, authors=["Jane Doe", "Li Wei"])
    assert "in no byline element" in run_checks(other, html=page)["authors"]


def test_parts_counting_down_are_broken_naming_the_body(shipped):
    """A fragment-cache merge renders the body's blocks backwards: its "Part N" sections
    count down (Part 8, Part 7, ...), which parts, steps and chapters never do; a "10. ...
    1." list may be a countdown and is not judged."""
    site, url, html, right = shipped
    parts = [p for p in right["body"] if p.startswith("Part ")]
    if len(parts) < 3:
        pytest.skip("no 'Part N' sections")
    html = mutate.serialized(html)
    tree = LexborHTMLParser(html)
    blocks = [n for n in tree.css("h2, h3, p") if " ".join(n.text(deep=True).split()) in right["body"]]
    container = blocks[0].parent
    kids = [k for k in container.iter(include_text=False) if any(k.mem_id == b.mem_id for b in blocks)]
    outers = [k.html for k in kids]
    new = container.html
    for i, outer in enumerate(outers):
        new = new.replace(outer, f"\x00{i}\x00", 1)
    for i, outer in enumerate(reversed(outers)):
        new = new.replace(f"\x00{i}\x00", outer, 1)
    item = _assess(site, url, html.replace(container.html, new, 1))
    assert item["verdict"] == "broken", item["checks"]
    assert "body: its parts in order (part 1 first)" in item["checks"]["completeness"]
    assert "completeness" not in _failing(right)
    countdown = {"url": "https://example.com/a", "headline": "The 3 best maps", "authors": [],
                 "body": ["3. Harbor", PARAS[0], "2. Dunes", PARAS[1], "1. Ridge", PARAS[0]]}
    page = ("<html><body><article><h1>The 3 best maps</h1><div>" + "".join(
        f"<h2>{b}</h2>" if b[0].isdigit() else f"<p>{b}</p>" for b in countdown["body"]) + "</div></article></body></html>")
    assert "body:" not in run_checks(countdown, html=page)["completeness"]


def test_a_numbered_item_with_nothing_under_it_is_broken_naming_the_body():
    """Blocks the page failed to render leave a listicle's item heading standing over nothing,
    the next item's heading right after it; every other item keeps its text."""
    site, url, html = _page("wegotthiscovered/10-things-we-want-to-see-in-hollow-crown-after-the-co-op-campaign")
    right = _assess(site, url, html)
    assert right["verdict"] != "broken" and "completeness" not in _failing(right)
    item_heading = next(p for p in right["body"] if p.startswith("4. "))
    item = _assess(site, url, mutate.section_emptied(html, right, item_heading))
    assert len(item["body"]) < len(right["body"])
    assert item["verdict"] == "broken", item["checks"]
    assert "body: the text of each numbered item" in item["checks"]["completeness"]
    assert "with nothing under it" in item["checks"]["completeness"]


def test_a_dek_listing_names_is_not_judged_as_another_language():
    """A standfirst that is a list of titles ("Zelda, Mario Kart World, ...") has few common
    words; when it is the page's own description it is not another language's text."""
    dek = ("Zelda, Mario Kart World, Donkey Kong Bananza and Metroid Prime Beyond lead "
           "Nintendo's holiday lineup")
    item = {"url": "https://example.com/a", "headline": "The update lands next week", "authors": [],
            "dek": dek, "body": PARAS}
    page = _byline_page("").replace("<head>", f'<head><meta name="description" content="{dek}">')
    page = page.replace("<html>", '<html lang="en">')
    assert run_checks(item, html=page)["text_quality"] == "ok"


def test_a_dek_equal_to_a_title_the_page_describes_itself_with_is_not_judged():
    """A page whose own description is its title (no summary written) gives that title as the
    dek when read from metadata: no standfirst slot printed the headline."""
    item = {"url": "https://example.com/a", "headline": "The update lands next week", "authors": [],
            "dek": "The update lands next week", "body": PARAS}
    page = _byline_page("").replace("<head>", '<head><meta name="description" content="The update lands next week">')
    assert "dek:" not in run_checks(item, html=page)["completeness"]
    told = _byline_page("").replace("<head>", '<head><meta name="description" content="Maps, modes and a date.">')
    assert "found the headline printed again" in run_checks(item, html=told)["completeness"]


def test_paragraphs_out_of_the_stored_order_are_judged_only_where_their_place_is_one():
    """The body's order against the JSON-LD articleBody: paragraphs stored the other way round
    are found; a sentence the stored text holds twice (a line the writer used in two paragraphs,
    repeated as pull quotes) has no one place, and placing it at its first copy is no swap."""
    from pressguard.verdict.checks import _order_against

    paras = [f"Paragraph {i} of the piece says one thing at length, and then another." for i in range(6)]
    line = "There is also a smaller change that few noticed: the schedule moved by a week."
    stored = "\n".join([paras[0], line + " " + paras[1], paras[2], paras[3], line + " " + paras[4], paras[5]])
    assert _order_against(paras, stored, [True] * 6) is None
    assert "another order" in _order_against(paras[::-1], stored, [True] * 6)
    quoted = [paras[0], paras[1], paras[2], line, paras[3], line, paras[5], line]
    assert _order_against(quoted, stored, [True] * len(quoted)) is None


def test_a_dek_glued_to_the_headline_is_broken_naming_the_dek():
    """A standfirst slot fed from a header block's text with no separator between its parts:
    the headline, then the summary run on without a space. A dek that opens with the headline's
    words and goes on after a separator (a colon, a space) is a dek."""
    headline = "The update lands next week"
    item = {"url": "https://example.com/a", "headline": headline, "authors": [], "body": PARAS,
            "dek": headline + "Maps, modes and a date for the next season."}
    assert "the headline glued to it" in run_checks(item, html=_byline_page(""))["completeness"]
    for dek in (headline + ": maps, modes and a date.", headline + " with maps, modes and a date."):
        assert "glued" not in run_checks({**item, "dek": dek}, html=_byline_page(""))["completeness"]


def test_a_numbered_item_with_a_deeper_subheading_under_it_is_not_empty():
    """"1. Harbor" (h2) followed by "Why we love it" (h3) is an item with sections; "1. Harbor"
    followed at once by "2. Dunes" (h2) is an item with no text."""
    def page(blocks):
        return ("<html><body><article><h1>The 2 best maps</h1><div>" + "".join(
            f"<{tag}>{text}</{tag}>" for tag, text in blocks) + "</div></article></body></html>")
    nested = [("h2", "1. Harbor"), ("h3", "Why we love it"), ("p", PARAS[0]), ("h2", "2. Dunes"), ("p", PARAS[1])]
    item = {"url": "https://example.com/a", "headline": "The 2 best maps", "authors": [],
            "body": [t for _, t in nested]}
    assert "numbered item" not in run_checks(item, html=page(nested))["completeness"]
    hollow = [("h2", "1. Harbor"), ("h2", "2. Dunes"), ("p", PARAS[1]), ("p", PARAS[0])]
    item = dict(item, body=[t for _, t in hollow])
    assert "with nothing under it" in run_checks(item, html=page(hollow))["completeness"]


# -- the first slide or page of an article split over several ------------------------------

def _pager_after_body(html: str, item: dict, pager: str) -> str:
    tree = LexborHTMLParser(mutate.serialized(html))
    container = mutate._container(tree, item)
    return mutate._replace_once(tree.html, container.html, container.html + pager)


@pytest.mark.parametrize("href, rel", [("?slide=2", ' rel="next"'), ("?page=2", ""), ("2/", "")])
def test_the_first_slide_with_a_next_link_to_its_second_is_broken_naming_the_body(href, rel):
    """A listicle turned slideshow: the article's URL shows slide 1 and a "Next slide" link to
    its own ?slide=2; the rest of the article is on other pages."""
    site, url, html = _page(PAGES[4])
    right = _assess(site, url, html)
    base = url.split("?")[0].rstrip("/") + "/"
    item = _assess(site, url, _pager_after_body(html, right, f'<nav class="slideshow-pager"><span>1 / 4</span>'
                                                          f'<a{rel} href="{base}{href}">Next slide</a></nav>'))
    assert item["verdict"] == "broken", item["checks"]
    assert "body" in item["checks"]["completeness"] and "first page only" in item["checks"]["completeness"]


@pytest.mark.parametrize("pager", ['<a rel="next" href="https://{host}/news/another-story-entirely/">Next story</a>',
                                   '<a href="{base}?slide=2"><img src="/thumb-2.jpg" alt=""></a>',
                                   '<a href="{base}?replytocom=2">Next</a>'])
def test_a_next_story_link_or_a_thumbnail_is_no_split_article(pager):
    site, url, html = _page(PAGES[4])
    right = _assess(site, url, html)
    base = url.split("?")[0].rstrip("/") + "/"
    item = _assess(site, url, _pager_after_body(html, right, pager.format(base=base, host=url.split("/")[2])))
    assert "first page only" not in item["checks"]["completeness"], item["checks"]["completeness"]


# -- a byline naming someone the page's meta author does not --------------------------------

def _byline_renamed(html: str, old: str, new: str) -> str:
    """The visible byline's name swapped (a cached byline fragment of another story); the
    head's <meta name="author"> still names the writer."""
    head, body = html.split("</head>", 1)
    return head + "</head>" + body.replace(old, new)


def test_a_byline_sharing_no_name_with_the_meta_author_fails_agreement_naming_authors():
    site, url, html = _page(PAGES[6])  # twinfinite: a meta author, no JSON-LD person
    right = _assess(site, url, html)
    writer = right["authors"][0]
    assert f'<meta name="author" content="{writer}">' in html
    item = _assess(site, url, _byline_renamed(html, writer, "Marcus Ellery"))
    assert item["authors"] == ["Marcus Ellery"] and item["verdict"] == "broken", item["checks"]
    assert "authors" in item["checks"]["agreement"] and "meta author" in item["checks"]["agreement"]


def test_a_byline_with_the_meta_author_and_a_co_author_agrees():
    site, url, html = _page(PAGES[6])
    right = _assess(site, url, html)
    writer = right["authors"][0]
    item = _assess(site, url, _byline_renamed(html, f">{writer}<", f">{writer}</a> and <a href=\"/author/tove-lindahl/\">Tove Lindahl<"))
    assert item["authors"] == [writer, "Tove Lindahl"]
    assert "meta author" not in item["checks"]["agreement"], item["checks"]["agreement"]


# -- a byline naming someone the author picture beside it does not ---------------------------

_PGG_BYLINE = '<div data-author="sana-brennan" class="wp-block-gamurs-article-metadata__author">Sana Brennan</div>'


def test_a_byline_sharing_no_name_with_its_author_picture_fails_agreement_naming_authors():
    """progameguides states its writer in no metadata (no JSON-LD person, no meta author); the
    byline's text is another story's cached fragment, the writer's picture beside it stays."""
    site, url, html = _page(PAGES[4])
    assert _PGG_BYLINE in html and 'name="author"' not in html
    item = _assess(site, url, html.replace(
        _PGG_BYLINE, '<div data-author="marcus-ellery" class="wp-block-gamurs-article-metadata__author">Marcus Ellery</div>'))
    assert item["authors"] == ["Marcus Ellery"] and item["verdict"] == "broken", item["checks"]
    assert "authors" in item["checks"]["agreement"] and "author picture" in item["checks"]["agreement"]


@pytest.mark.parametrize("byline", [
    # a co-author added: the pictured writer is still one of the names
    _PGG_BYLINE + ' and <a href="/author/tove-lindahl/">Tove Lindahl</a>',
    # the pictured person credited for another role: no other writer
    '<div class="wp-block-gamurs-article-metadata__author">Marcus Ellery</div> · Reviewed by Sana Brennan',
    # a partner's writer linked to their author page: that page backs the byline, not the picture
    '<a href="https://progameguides.com/author/dana-whitfield/">Dana Whitfield</a>, Northwind Wire'])
def test_a_byline_agreeing_with_its_author_picture_or_crediting_it_passes(byline):
    site, url, html = _page(PAGES[4])
    item = _assess(site, url, html.replace(_PGG_BYLINE, byline))
    assert "author picture" not in item["checks"]["agreement"], item["checks"]["agreement"]



def test_an_amp_pages_author_picture_still_names_the_writer_a_byline_of_initials_drops():
    """An AMP page prints its pictures as <amp-img alt>: the author picture beside a byline
    that shows initials only ("By S.B.", no person) still names the writer, as an <img> does."""
    site, url, html = _page(PAGES[4])
    initials = _PGG_BYLINE.replace(">Sana Brennan<", ">S.B.<")
    for picture in (html, re.sub(r"<img\b", "<amp-img", html)):
        item = _assess(site, url, picture.replace(_PGG_BYLINE, initials))
        assert item["authors"] == [] and item["verdict"] == "broken", item["checks"]
        assert "Sana Brennan in author picture" in item["checks"]["authors"], item["checks"]


@pytest.mark.parametrize("meta", ["Posted on March 3, 2025", "Published 3 Mar 2025", "Last updated March 3, 2025",
                                  "Updated: 2 hours ago", "Posted in Guides", "Filed Under"])
def test_a_byline_holding_only_a_date_or_category_label_gives_no_author(meta):
    """A theme's meta line printed where the byline goes, with no "by NAME": its label
    ("Posted", "Last", "Filed Under") is no author, and the writer the page shows elsewhere
    (the author picture) is named as missing rather than a label passing for them."""
    site, url, html = _page(PAGES[4])
    item = _assess(site, url, html.replace(
        _PGG_BYLINE, f'<div class="wp-block-gamurs-article-metadata__author">{meta}</div>'))
    assert item["authors"] == [], item["authors"]
    assert item["verdict"] == "broken" and "Sana Brennan" in item["checks"]["authors"], item["checks"]
    assert "Filed Under" not in item["checks"]["authors"]


def test_a_scraper_giving_a_meta_label_as_its_author_is_broken_naming_authors():
    """An older scraper's byline split returns "Filed Under" (two capitalised words): the
    verdict names it, not silent."""
    base = {"url": "https://example.com/a/", "headline": "A headline", "body": ["Text of the piece."]}
    for label in (["Filed Under"], ["Last Updated"], ["Posted"]):
        assert "person names" in run_checks({**base, "authors": label})["authors"], label
    assert "a date or category label" in run_checks({**base, "authors": ["Filed Under"]})["authors"]
    assert run_checks({**base, "authors": ["Ana Lima"]})["authors"] == "ok"

# -- the headline as a reader sees it: split by a text animation, the site's name after it -----

def _h1_rewritten(html: str, headline: str, inner: str, attrs: str = "") -> str:
    """html with the <h1> that shows headline holding inner instead (its own attributes kept)."""
    tree = LexborHTMLParser(html)
    h1 = next(h for h in tree.css("h1") if " ".join(h.text().split()) == headline)
    opening = h1.html[: h1.html.index(">")]
    return html.replace(h1.html, f"{opening}{attrs}>{inner}</h1>", 1) if h1.html in html else \
        mutate._replace_once(tree.html, h1.html, f"{opening}{attrs}>{inner}</h1>")


def _split_text(title: str) -> str:
    """GSAP SplitText's markup: one inline-block element per word and per character."""
    style = "position:relative;display:inline-block;"
    return " ".join(f'<div class="split-word" aria-hidden="true" style="{style}">'
                    + "".join(f'<div class="split-char" style="{style}">{ch}</div>' for ch in word) + "</div>"
                    for word in title.split(" "))


@pytest.mark.parametrize("name", [PAGES[0], PAGES[1], PAGES[4]], ids=["gamurs", "destructoid2025", "progameguides"])
def test_a_headline_split_per_character_by_a_text_animation_reads_from_its_aria_label(name):
    site, url, html = _page(name)
    right = _assess(site, url, html)
    title = right["headline"]
    item = _assess(site, url, _h1_rewritten(html, title, _split_text(title), f' aria-label="{title}"'))
    assert item["headline"] == title, item["headline"]
    assert item["verdict"] != "broken", _failing(item)


def test_an_aria_label_that_is_not_the_h1s_letters_is_not_the_headline():
    """A look-alike: an h1 labelled for screen readers with other words keeps its own text."""
    site, url, html = _page(PAGES[0])
    right = _assess(site, url, html)
    title = right["headline"]
    item = _assess(site, url, _h1_rewritten(html, title, title, ' aria-label="Article headline"'))
    assert item["headline"] == title


@pytest.mark.parametrize("name", [PAGES[0], PAGES[1]], ids=["gamurs", "destructoid2025"])
def test_the_sites_name_after_a_separator_in_the_h1_is_not_part_of_the_headline(name):
    site, url, html = _page(name)
    right = _assess(site, url, html)
    title = right["headline"]
    site_title = {"dotesports": "Dot Esports", "destructoid": "Destructoid"}[site]
    item = _assess(site, url, _h1_rewritten(html, title, f'{title}<span class="sep"> | </span>'
                                                        f'<span class="site">{site_title}</span>'))
    assert item["headline"] == title, item["headline"]
    assert item["verdict"] != "broken", _failing(item)


def test_a_headline_ending_in_words_after_a_dash_that_are_not_the_sites_name_keeps_them():
    site, url, html = _page(PAGES[0])
    right = _assess(site, url, html)
    title = right["headline"]
    item = _assess(site, url, _h1_rewritten(html, title, f"{title} – a Dot Esports guide"))
    assert item["headline"] == f"{title} – a Dot Esports guide"


# -- og:title rewritten for social feeds ---------------------------------------------------

def _social_titles(html: str, social: str) -> str:
    """og:title, twitter:title and <title> set to a social desk's rewrite (Yoast's social title)."""
    tree = LexborHTMLParser(html)
    for meta in tree.css('meta[property="og:title"], meta[name="twitter:title"]'):
        meta.attrs["content"] = social
    title = tree.css_first("title")
    title.replace_with(LexborHTMLParser(f"<title>{social} | Site</title>").head.css_first("title"))
    return tree.html


@pytest.mark.parametrize("name", [PAGES[0], PAGES[4]], ids=["with-jsonld", "slug-only"])
def test_a_social_title_in_og_title_is_not_a_wrong_headline(name):
    """og:title reads a rewrite for the feeds; the h1 and the CMS's record of the title (the
    JSON-LD headline, or on a page without one the URL's slug) keep the story's title."""
    site, url, html = _page(name)
    right = _assess(site, url, html)
    subject = " ".join(right["headline"].split()[:2])
    item = _assess(site, url, _social_titles(html, f"Why everyone is talking about {subject} right now"))
    assert item["headline"] == right["headline"]
    assert item["verdict"] != "broken", _failing(item)


@pytest.mark.parametrize("content, text", [
    ("Rogue%20Circuit%3A%20the%20photo%20mode", "Rogue Circuit: the photo mode"),
    ("%E2%80%9CCaf%C3%A9%20Lumi%C3%A8re%E2%80%9D%20returns", "\u201cCaf\u00e9 Lumi\u00e8re\u201d returns"),
    ("100% Orange: the %20 rule", "100% Orange: the %20 rule"),  # a space in it: written as it reads
    ("Sale%FFnow", "Sale%FFnow"),  # no UTF-8 behind the escape
])
def test_a_percent_encoded_social_title_is_read_as_written(content, text):
    from pressguard.extract.meta import Meta
    from pressguard.verdict.page_hints import PageHints

    html = f'<html><head><meta property="og:title" content="{content}"></head><body><p>x</p></body></html>'
    assert Meta(LexborHTMLParser(html)).first("og:title") == text
    assert PageHints(html, "https://example.com/a").og_title == text


def test_social_tags_stored_percent_encoded_agree_with_the_headline():
    """A sharing plugin's share strings reused for og:/twitter: titles and descriptions: the
    same words as the h1 and the standfirst, escaped for a share URL."""
    from urllib.parse import quote

    site, url, html = _page(PAGES[4])
    tree = LexborHTMLParser(html)
    for meta in tree.css('meta[property^="og:"], meta[name^="twitter:"]'):
        key = meta.attributes.get("property") or meta.attributes.get("name")
        if key.endswith((":title", ":description")):
            meta.attrs["content"] = quote(meta.attributes.get("content") or "", safe="")
    item = _assess(site, url, tree.html)
    assert item["verdict"] != "broken", _failing(item)


def test_another_storys_headline_in_the_h1_under_this_storys_og_title_stays_broken():
    """The look-alike: a stale header fragment puts another story's headline in the h1; og:title
    and the slug name this story, so og:title's disagreement is a finding about the headline."""
    site, url, html = _page(PAGES[4])  # no JSON-LD headline: og:title and the slug tell
    right = _assess(site, url, html)
    item = _assess(site, url, _h1_rewritten(html, right["headline"],
                                            "The best co-op games to play with friends this weekend"))
    assert item["verdict"] == "broken" and "headline" in item["checks"]["agreement"], item["checks"]


# -- a CSS-in-JS migration: generated classes, a <style> before every component -----------

def test_a_dek_whose_class_a_css_in_js_migration_replaced_is_read_by_the_description():
    """Emotion's server rendering: the standfirst loses its class for css-<hash> and a <style>
    comes before it; its text is still the page's description, right after the h1."""
    for name in (PAGES[0], PAGES[1]):
        site, url, html = _page(name)
        right = _assess(site, url, html)
        assert right["dek"]
        tree = LexborHTMLParser(html)
        node = next(n for n in tree.body.traverse() if n.tag in ("p", "div") and
                    " ".join(n.text().split()) == right["dek"])
        changed = mutate._replace_once(tree.html, node.html,
                                       f'<style data-emotion="css 1x2y3z">.css-1x2y3z{{color:#444}}</style>'
                                       f'<{node.tag} class="css-1x2y3z">{node.text()}</{node.tag}>')
        item = _assess(site, url, changed)
        assert item["dek"] == right["dek"], (name, item["dek"])
        assert item["verdict"] != "broken", _failing(item)


def test_a_line_after_the_headline_that_is_not_the_description_is_no_dek():
    from pressguard.extract import extract_article

    page = ('<html><head><title>A headline of some words</title><meta name="description" content="The studio '
            'said the season starts in the autumn, with a ranked mode."></head><body><article><h1>A headline of '
            'some words</h1><div class="css-1a2b3c">Sponsored by the publisher of the game</div><div class='
            '"entry-content"><p>' + "Words of the article that runs on. " * 40 + '</p></div></article></body></html>')
    assert extract_article(page, "https://e.example/news/a/")["dek"] is None


def test_a_json_ld_headline_with_the_editors_entities_reads_decoded():
    """The h1's class changed (no template headline): the JSON-LD headline the CMS wrote with
    entities (&#8211;) is read as the text it stands for."""
    site, url, html = _page(PAGES[0])
    right = _assess(site, url, html)
    title = right["headline"]
    assert f'"headline":"{title}"' in html
    changed = html.replace("wp-block-gamurs-article-header__content--title", "css-9k8j7h")
    changed = changed.replace(f'"headline":"{title}"', f'"headline":"&#{ord(title[0])};{title[1:]}"')
    item = _assess(site, url, changed)
    assert item["headline"] == title, item["headline"]
    assert item["verdict"] != "broken", _failing(item)


# -- a byline cut to a fixed width -------------------------------------------------------

def test_a_byline_name_cut_short_with_an_ellipsis_is_broken_naming_authors():
    """A fixed-width byline component truncating on the server: "By Sana Bren…". On a page with
    no JSON-LD person to compare with (progameguides), the name itself tells."""
    site, url, html = _page(PAGES[4])
    right = _assess(site, url, html)
    writer = right["authors"][0]
    assert len(writer) > 10
    head, body = html.split("</head>", 1)
    item = _assess(site, url, head + "</head>" + body.replace(f">{writer}<", f">{writer[:9]}…<"))
    assert item["authors"] == [f"{writer[:9]}…"] and item["verdict"] == "broken", item["checks"]
    assert "authors" in item["checks"]["authors"] and "cut short" in item["checks"]["authors"]


def test_a_name_with_an_ellipsis_inside_or_none_is_a_name():
    from pressguard.verdict.person_names import person_problem

    assert person_problem("Sana Bren…", []) is not None
    assert person_problem("Sana Brennan", []) is None and person_problem("J. R. Hartley", []) is None


# -- the standfirst slot fed from the featured image's caption --------------------------------

def _dek_replaced(html: str, dek: str, new: str) -> str:
    tree = LexborHTMLParser(html)
    node = next(n for n in tree.body.traverse() if n.tag in ("p", "div") and " ".join(n.text().split()) == dek)
    return mutate._replace_once(tree.html, node.html, node.html.replace(node.text(), new))


def test_a_photo_credit_in_the_dek_slot_naming_the_storys_studio_is_broken_naming_dek():
    """"Screengrab via <studio>": the credit names the studio the page's description is about,
    and is still a credit, not a summary."""
    site, url, html = _page(PAGES[0])
    right = _assess(site, url, html)
    desc = LexborHTMLParser(html).css_first('meta[name="description"]').attributes["content"]
    studio = " ".join(w for w in desc.split() if w[:1].isupper())[:40].split()[-1]
    item = _assess(site, url, _dek_replaced(html, right["dek"], f"Screengrab via {studio}"))
    assert item["verdict"] == "broken" and "dek" in item["checks"]["completeness"], item["checks"]


def test_a_dek_that_is_a_sentence_with_via_in_it_is_a_dek():
    site, url, html = _page(PAGES[0])
    right = _assess(site, url, html)
    dek = "The expansion arrives via Game Pass next week, with the ranked mode a month later."
    item = _assess(site, url, _dek_replaced(html, right["dek"], dek))
    assert item["dek"] == dek
    assert "interface text" not in item["checks"]["completeness"], item["checks"]["completeness"]


# -- on a page with no JSON-LD headline, the page's own title tells a wrong h1 ---------------

def test_an_h1_holding_only_the_part_after_the_kicker_is_broken_naming_headline():
    """"Ironvale review – it's less grindy and better" rendered as two fields, the first not
    at all: og:title keeps the whole title, and the page shows its leading part nowhere."""
    site, url, html = _page(PAGES[4])  # progameguides: og:title, no JSON-LD headline
    right = _assess(site, url, html)
    kicker, rest = right["headline"].split(" – ", 1)
    item = _assess(site, url, _h1_rewritten(html, right["headline"], rest))
    assert item["verdict"] == "broken" and "leading part" in item["checks"]["agreement"], item["checks"]
    # the look-alike: a magazine header that prints the kicker above the h1 shows it
    shown = _h1_rewritten(html, right["headline"], rest).replace(
        f">{rest}</h1>", f">{rest}</h1><span class=\"kicker\">{kicker}</span>", 1)
    item = _assess(site, url, shown)
    assert "leading part" not in item["checks"]["agreement"], item["checks"]["agreement"]


def test_another_storys_h1_under_a_title_the_slug_names_is_broken_naming_headline():
    site, url, html = _page(PAGES[3])  # siliconera: no og:title, no JSON-LD; <title> and the slug tell
    right = _assess(site, url, html)
    item = _assess(site, url, _h1_rewritten(html, right["headline"],
                                            "Patch notes explained: every change in the winter update"))
    assert item["verdict"] == "broken" and "headline" in item["checks"]["agreement"], item["checks"]
    # the look-alike: an h1 worded otherwise than <title> that keeps the story's subject
    subject = " ".join(right["headline"].split()[:3])
    item = _assess(site, url, _h1_rewritten(html, right["headline"], f"What we know so far about {subject}"))
    assert "sharing no word" not in item["checks"]["agreement"], item["checks"]["agreement"]


# -- holdout14: a podcast box under the story, an icon's <svg><title> in the h1 --------------

def _podcast_box(transcript_class: str = "podcast-episode__transcript") -> str:
    lines = "".join(f"<p><strong>{who}:</strong> {said}</p>" for who, said in (
        ("HOST", "Welcome back to the show, this week we talk about the summer's surprises and the patches."),
        ("GUEST", "Thanks for having me, honestly I did not expect half of them to land as well as they did."),
        ("HOST", "Let us start with the one everybody keeps asking about in the comments under every video."),
        ("GUEST", "The short answer is that the team listened, and the long answer is in the patch notes again."),
        ("HOST", "We will put a link to those in the episode notes, and after the break we take your questions."),
    ))
    return (f'<section class="podcast-episode"><h2>Listen: The Weekly Podcast</h2><p>Episode 112 · 38 min</p>'
            f'<audio controls src="https://example.com/ep112.mp3"></audio><details class="{transcript_class}">'
            f'<summary>Read the transcript</summary>{lines}</details></section>')


def test_a_podcast_episode_and_its_transcript_after_the_body_are_not_the_article():
    """Its "38 min" beside a "Read the transcript" button is no reading time, and its
    transcript is the episode's text, not the article continuing."""
    site, url, html = _page(PAGES[0])
    right = _assess(site, url, html)
    assert html.count("</article>") >= 1
    at = html.rindex("</article>")
    item = _assess(site, url, html[:at] + _podcast_box() + html[at:])
    assert not _is_wrong(item, right)
    assert item["verdict"] != "broken", _failing(item)


def test_a_reading_time_split_over_inline_elements_still_counts():
    """The look-alike of the podcast box: "<b>9</b> <span>min</span> <span>read</span>" in
    one line is a reading-time label, and a short body under it is cut."""
    site, url, html = _page(PAGES[0])
    right = _assess(site, url, html)
    at = html.index("<h1")
    label = '<div class="meta"><b>40</b> <span>min</span> <span>read</span></div>'
    item = _assess(site, url, html[:at] + label + html[at:])
    assert "min read), found" in item["checks"]["completeness"], item["checks"]["completeness"]


def test_an_icons_svg_title_inside_the_h1_is_not_headline_text():
    page = ('<html><head><meta property="og:title" content="The update lands next week in every region - Site">'
            '<script type="application/ld+json">{"@type":"NewsArticle","headline":"The update lands next week'
            ' in every region"}</script></head><body><h1><svg role="img"><title>Members only</title>'
            '<path d="M0 0"/></svg> <span>The update lands next week in every region</span></h1>'
            + "".join(f"<p>{p}</p>" for p in PARAS) + "</body></html>")
    item = {"url": "https://example.com/a", "headline": "The update lands next week in every region", "body": PARAS}
    assert run_checks(item, html=page)["headline"] == "ok"
    # the look-alike: the text beside the icon is still read, and another title there fails
    other = page.replace("<span>The update lands next week in every region</span>",
                         "<span>Patch notes for the winter season explained</span>")
    assert "the visible headline 'Patch notes for the winter" in run_checks(item, html=other)["headline"]


def _auto_excerpt(body: list[str], words: int = 55, more: str = " […]") -> str:
    return " ".join(" ".join(body).split()[:words]) + more


@pytest.mark.parametrize("more", [" […]", " [...]", "…"])
def test_a_dek_that_is_the_bodys_opening_cut_with_an_ellipsis_is_broken_naming_dek(more):
    site, url, html = _page(PAGES[0])
    right = _assess(site, url, html)
    item = _assess(site, url, _dek_replaced(html, right["dek"], _auto_excerpt(right["body"], more=more)))
    assert item["verdict"] == "broken" and "automatic excerpt" in item["checks"]["completeness"], item["checks"]
    assert item["checks"]["completeness"].startswith("completeness: ") and "expected dek: " in item["checks"]["completeness"]


def test_a_dek_that_opens_like_the_lede_or_ends_in_an_ellipsis_is_a_dek():
    site, url, html = _page(PAGES[0])
    right = _assess(site, url, html)
    for dek in (_auto_excerpt(right["body"], words=10),  # a few words of the lede: written so
                "The studio kept quiet about the date, and the fans noticed…"):  # an ellipsis alone
        item = _assess(site, url, _dek_replaced(html, right["dek"], dek))
        assert "automatic excerpt" not in item["checks"]["completeness"], item["checks"]["completeness"]


def test_redaction_marks_across_the_prose_are_broken_naming_body():
    body = [f"The studio [name redacted] confirmed the update with [name redacted] on Tuesday, paragraph {n}."
            for n in range(4)]
    msg = run_checks({"url": "https://example.com/a", "headline": "The update lands next week", "body": body})["markers"]
    assert "'[name redacted]' 8 times in 4 paragraphs" in msg and "expected body" in msg, msg
    # the look-alike: a story quoting a redacted court filing twice
    quoted = ["The filing says the account belonged to [redacted] until March, the court heard on Tuesday.",
              "A second page, also marked [redacted], lists the payments the studio made that spring."] + PARAS
    assert run_checks({"url": "https://example.com/a", "headline": "The update lands next week",
                       "body": quoted})["markers"] == "ok"


@pytest.mark.parametrize("headline, how", [
    ("Rogue Circuit: the photo mode confirmed for PlaySt", "stopping inside the word 'playstation'"),
    ("The Lantern Keepers: everything we know about the", "ending on 'the'"),
])
def test_a_headline_its_url_slug_reads_on_from_mid_word_is_broken_naming_headline(headline, how):
    url = {"PlaySt": "https://e.example/news/rogue-circuit-the-photo-mode-confirmed-for-playstation-5/",
           "the": "https://e.example/news/the-lantern-keepers-everything-we-know-about-the-spin-off-so-far/"}[
        headline.split()[-1]]
    msg = run_checks({"url": url, "headline": headline, "body": PARAS})["headline"]
    assert msg.startswith(f"headline: {url}: expected the article's whole headline") and how in msg, msg


@pytest.mark.parametrize("headline", [
    "Rogue Circuit photo mode confirmed",  # an editor's shorter title: it ends on a word
    "The 10 best game",  # "game" under "the-10-best-games-of-2025": a word, in the singular
    "Here is why",  # a title may end on "why"
])
def test_a_headline_shorter_than_its_slug_that_ends_on_a_word_is_fine(headline):
    url = {"Rogue": "https://e.example/news/rogue-circuit-photo-mode-confirmed-for-playstation-5/",
           "The": "https://e.example/news/the-10-best-games-of-2025/",
           "Here": "https://e.example/news/here-is-why-the-servers-went-down/"}[headline.split()[0]]
    assert run_checks({"url": url, "headline": headline, "body": PARAS})["headline"] == "ok"


def test_subheadings_in_another_order_than_the_table_of_contents_are_broken_naming_the_body():
    """The page's own table of contents (jump links to the subheadings) records the article's
    order: a body whose sections come in reverse is broken, naming the body; the same page in
    the TOC's order, and a page with one swapped pair (a TOC edited by hand), are not."""
    heads = ["Where it started", "What changed", "What comes next", "Our verdict"]
    toc = "".join(f'<li><a href="#s{i}">{h}</a></li>' for i, h in enumerate(heads))

    def page(order):
        blocks = "".join(f'<h2 id="s{i}">{heads[i]}</h2><p>{PARAS[i % len(PARAS)]}</p>' for i in order)
        return (f"<html><body><article><h1>The update lands next week</h1><nav><ul>{toc}</ul></nav>"
                f"<div>{blocks}</div></article></body></html>")

    def item(order):
        body = [x for i in order for x in (heads[i], PARAS[i % len(PARAS)])]
        return {"url": "https://example.com/a", "headline": "The update lands next week", "authors": [],
                "body": body}

    reversed_order = [3, 2, 1, 0]
    found = run_checks(item(reversed_order), html=page(reversed_order))["completeness"]
    assert "body: its subheadings in the order the page's table of contents lists them" in found
    for order in ([0, 1, 2, 3], [1, 0, 2, 3]):
        assert "table of contents" not in run_checks(item(order), html=page(order))["completeness"]

def _picture_page(headline: str, alt: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return (f'<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>'
            f'<figure><img src="/wp-content/uploads/2025/08/lead.jpg" alt="{alt}"></figure>'
            f'<div class="entry-content">{paras}</div></article></body></html>')


@pytest.mark.parametrize("headline, alt, url, how", [
    # cut inside a word the slug's plural rule cannot tell from a word ("bos" of "boss")
    ("10 things we want to see in Ironvale after the bos", "10 things we want to see in Ironvale after the boss rush",
     "https://e.example/guides/10-things-we-want-to-see-in-ironvale-after-the-boss-rush/", "inside the word 'boss'"),
    # cut on a word: the picture's title and the slug read on with the same words
    ("Moonlit Harvest: everything we know about the new", "Moonlit Harvest: everything we know about the new season so far",
     "https://e.example/news/moonlit-harvest-everything-we-know-about-the-new-season-so-far", "reads on the same"),
])
def test_a_headline_its_picture_titles_further_is_broken_naming_headline(headline, alt, url, how):
    msg = run_checks({"url": url, "headline": headline, "body": PARAS}, html=_picture_page(headline, alt))["headline"]
    assert msg.startswith(f"headline: {url}: expected the article's whole headline") and how in msg, msg


@pytest.mark.parametrize("alt", [
    "Moonlit Harvest: everything we know about the new banner",  # captioning the title, not the slug's words
    "Moonlit Harvest: everything we know about the new | Gamepur",
    "Moonlit Harvest: everything we know about the new",  # the picture titled as the headline
])
def test_a_picture_titled_as_the_headline_or_captioned_after_it_is_fine(alt):
    headline = "Moonlit Harvest: everything we know about the new"
    url = "https://e.example/news/moonlit-harvest-everything-we-know-about-the-new-season"  # an editor's shorter title
    assert run_checks({"url": url, "headline": headline, "body": PARAS},
                      html=_picture_page(headline, alt))["headline"] == "ok"


# -- a date stamp and byline printed from another story's post ------------------------------

_STAMP = re.compile(r"Published: [A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d\d [ap]m")


def _loop_leaked(html: str, right: dict, writer: str) -> str:
    """The shipped page as a "Trending" list before its header leaves it when the list's
    loop does not restore the page's post: the stamp prints the list's last story's date
    (the byline is left as it is: the writer is given), the <head> keeps the page's own."""
    html = mutate.serialized(html)
    assert _STAMP.search(html), "no 'Published:' stamp on this page"
    html = _STAMP.sub("Published: Aug 2, 2025 9:15 am", html)
    aside = ('<aside class="trending" aria-label="Trending"><ol><li><a href="https://example.com/other/">'
             'Every confirmed platform and price so far</a> <span>By ' + writer + '</span> '
             '<time datetime="2025-08-02T13:15:00+00:00">Aug 2, 2025</time></li></ol></aside>')
    return re.sub(r"(<body[^>]*>)", lambda m: m[1] + aside, html, count=1)


def test_a_stamp_and_writer_of_a_story_the_page_lists_are_broken_naming_published():
    site, url, html, right = _healthy("progameguides/ironvale-review-its-less-grindy-and-better")
    item = _assess(site, url, _loop_leaked(html, right, right["authors"][0]))
    assert item["verdict"] == "broken", item["checks"]
    msg = item["checks"]["completeness"]
    assert "expected published: the date the page prints over the article" in msg, msg
    assert "'Published: Aug 2, 2025 9:15 am' (2025-08-02), the date and writer of another story" in msg, msg


def test_a_stamp_that_only_differs_from_the_metadata_is_not_judged():
    """An original date printed beside a republished time, or a listed story of that day by
    someone else: real pages do both, and neither is another post's stamp."""
    site, url, html, right = _healthy("progameguides/ironvale-review-its-less-grindy-and-better")
    item = _assess(site, url, _loop_leaked(html, right, "Sam Reyes"))
    assert "another story" not in item["checks"]["completeness"], item["checks"]["completeness"]
    item = _assess(site, url, _STAMP.sub("Published: Aug 2, 2025 9:15 am", mutate.serialized(html)))
    assert "another story" not in item["checks"]["completeness"], item["checks"]["completeness"]


# -- a byline printing its author page's slug ------------------------------------------------

def test_a_byline_showing_the_profiles_login_slug_is_broken_naming_authors():
    """A guest-author profile that lost its display name prints its login ("By
    cap-rosa-delacroix"); the author box further down still names the writer, so the
    extraction does, and the squashed byline holds the name's letters."""
    site, url, html, right = _healthy("destructoid/rogue-circuit-the-photo-mode-confirmed-for-playstation-5")
    slug = "cap-" + "-".join(right["authors"][0].lower().split())
    item = _assess(site, url, mutate.byline_relabelled(html, dict(right, authors=[slug]), "By", "and"))
    assert item["verdict"] == "broken", item["checks"]
    assert item["checks"]["authors"].startswith(f"authors: {url}: expected the writer's name in the byline"), \
        item["checks"]["authors"]


def test_an_author_link_showing_a_name_is_no_slug_and_one_showing_its_slug_is():
    def page(link: str) -> str:
        return ('<html><body><article><h1>The update lands next week in every region</h1>'
                f'<div class="byline">By {link}</div>' + "".join(f"<p>{p}</p>" for p in PARAS)
                + "</article></body></html>")
    item = {"url": "https://example.com/a", "headline": "The update lands next week in every region",
            "authors": ["Sam Reyes"], "body": PARAS}
    assert run_checks(item, html=page("<a href='/author/sam-reyes/'>Sam Reyes</a>"))["authors"] == "ok"
    slugged = run_checks(item, html=page("<a href='/author/sam-reyes/'>sam-reyes</a>"))["authors"]
    assert "shows the profile's address, not a name" in slugged, slugged
