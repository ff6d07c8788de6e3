"""Layout templates on real-looking pages: GAMURS shared blocks and Destructoid's own theme."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pressguard.extract import detect_layout, extract_article, extract_candidates, extract_generic
from pressguard.extract.page import Page

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
DOTE_URL = "https://dotesports.com/roblox/news/anime-vanguards-codes"
TWIN_URL = "https://twinfinite.net/reviews/lumen-drift-review/"
DTOID_URL = "https://www.destructoid.com/reviews/review-hollow-cartographer/"


def load(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def codes() -> dict:
    return extract_article(load("dotesports-codes-coauthors.html"), DOTE_URL + "?utm_medium=social")


# -- shared blocks: a codes guide by two authors ------------------------------------

def test_coauthors_in_page_order_with_non_ascii_names(codes):
    assert codes["authors"] == ["Zoë Ferreira-Núñez", "Kacper Wiśniewski"]
    assert codes["provenance"]["authors"] == "template"


def test_relative_canonical_made_absolute(codes):
    assert codes["url"] == DOTE_URL
    assert codes["site"] == "dotesports"


def test_headline_dek_entities_and_nbsp(codes):
    assert codes["headline"] == "All Anime Vanguards codes (August 2025)"
    assert codes["dek"] == "Free gems, rerolls and trait crystals—while they last."


CODES = [
    "UPDATE4 – Redeem for 2,000 gems and 10 trait rerolls (New)",
    "SORRYFORDELAY – Redeem for 1,500 gems",
    "VANGUARDS100K Redeem for 500 gems",
    "RELEASE – Redeem for 1,000 gems",
    "ANIMEV – Redeem for 5 trait crystals",
    "THANKYOU – Redeem for 750 gems",
]


def test_code_list_split_by_ad_slots_stays_one_list(codes):
    body = codes["body"]
    start = body.index("Active codes") + 1
    assert body[start:start + len(CODES)] == CODES
    assert body[start + len(CODES)] == "Expired codes"


def test_subheadings_and_list_items_are_paragraphs(codes):
    body = codes["body"]
    assert body[1:3] == ["All Anime Vanguards codes", "Active codes"]
    assert "How to redeem Anime Vanguards codes" in body  # its id says "share": ignored
    assert body[-4:-1] == [
        "Launch Anime Vanguards in Roblox.",
        "Press the Settings button on the left side of the screen.",
        "Type a code into the box and hit Redeem.",
    ]
    assert body[-1].startswith("If a code doesn’t work") and "Łódź-based" in body[-1]


def test_codes_page_boilerplate_dropped(codes):
    text = "\n".join(codes["body"])
    for banned in ("Advertisement", "Continue reading below", "Recommended Videos", "Related:",
                   "Blox Fruits", "Screenshot by", "Disclosure", "commission", "Zoë covers", "Author"):
        assert banned not in text, banned


def test_generic_is_a_second_opinion_on_the_codes_page(codes):
    item = extract_generic(load("dotesports-codes-coauthors.html"), DOTE_URL)
    assert item["body"] == codes["body"]
    assert item["headline"] == codes["headline"]
    assert item["authors"] == codes["authors"]


# -- shared blocks: a review with a collective byline ------------------------------

def test_staff_byline_gives_no_authors():
    item = extract_article(load("twinfinite-review-staff.html"), TWIN_URL)
    # template "Twinfinite Staff", JSON-LD Organization, meta author = the site: nobody.
    # The byline is there and names no person: that is the answer, from the template.
    assert item["authors"] == []
    assert item["provenance"]["authors"] == "template"


def test_staff_byline_wins_over_names_elsewhere():
    """A staff byline stays [] even when JSON-LD, meta and the page's tiles name people."""
    html = load("twinfinite-review-staff.html").replace(
        "</head>", '<meta name="author" content="Jane Roe"></head>', 1)
    html = html.replace("</main>", '<div class="wp-block-gamurs-article-tile"><a href="/x/">'
                        '<h3>Another story with a long enough title</h3>'
                        '<div class="author">Mark Tile</div></a></div></main>', 1)
    item = extract_article(html, TWIN_URL)
    assert item["authors"] == []
    assert item["provenance"]["authors"] == "template"
    cands = dict(extract_candidates(html, TWIN_URL)["authors"])
    assert cands["template"] == [] and cands["meta"] == ["Jane Roe"]


def test_review_box_and_disclaimers_excluded():
    item = extract_article(load("twinfinite-review-staff.html"), TWIN_URL)
    assert item["body"] == [
        "Lumen Drift opens with a lighthouse keeper, a broken lamp and an ocean that glows when you "
        "are not looking at it. It never explains itself, and it is better for it.",
        "Puzzles are built around light bending through glass floats. Early ones are gentle; by the "
        "fourth island you are juggling three beams, a tide timer and a grumpy gull.",
        "Is Lumen Drift worth it?",
        "At twelve dollars and six hours, yes. It is short, it is kind, and its final puzzle is one "
        "of the best I have solved this year.",
    ]
    assert item["dek"] is None
    assert item["published"] == "2025-03-02T09:00:00-05:00"
    assert item["provenance"]["published"] == "jsonld"


# -- JSON-LD that disagrees, is partial, or is broken -------------------------------

def test_template_wins_when_jsonld_disagrees():
    html = load("dotesports-codes-coauthors.html")
    html = html.replace('"headline":"All Anime Vanguards codes (August 2025)"',
                        '"headline":"Anime Vanguards codes (July 2025)"')
    html = html.replace('"name":"Kacper Wiśniewski"', '"name":"Someone Else"')
    cands = extract_candidates(html, DOTE_URL)
    assert ("jsonld", "Anime Vanguards codes (July 2025)") in cands["headline"]
    assert ("jsonld", ["Zoë Ferreira-Núñez", "Someone Else"]) in cands["authors"]
    item = extract_article(html, DOTE_URL)
    assert item["headline"] == "All Anime Vanguards codes (August 2025)"
    assert item["authors"] == ["Zoë Ferreira-Núñez", "Kacper Wiśniewski"]
    assert item["provenance"]["headline"] == item["provenance"]["authors"] == "template"


def test_malformed_jsonld_is_ignored_and_template_still_works():
    html = load("dotesports-codes-coauthors.html")
    html = html.replace('"@graph":[', '"@graph":[[[{', 1)  # broken beyond repair
    page = Page(html, DOTE_URL)
    assert page.jsonld.article is None and page.jsonld.errors == 1
    item = extract_article(html, DOTE_URL)
    assert item["authors"] == ["Zoë Ferreira-Núñez", "Kacper Wiśniewski"]
    assert item["published"] == "2025-08-10T14:03:00+00:00"


def test_jsonld_and_meta_take_over_when_the_byline_block_is_gone():
    html = load("dotesports-codes-coauthors.html")
    html = re.sub(r'<div class="wp-block-gamurs-article-metadata__name">.*?</div>\s*</div>',
                  "</div>", html, flags=re.S)
    item = extract_article(html, DOTE_URL)
    assert item["authors"] == ["Zoë Ferreira-Núñez", "Kacper Wiśniewski"]  # @id ref resolved
    assert item["provenance"]["authors"] == "jsonld"
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S)
    item = extract_article(html, DOTE_URL)
    assert item["authors"] == ["Zoë Ferreira-Núñez"]
    assert item["provenance"]["authors"] == "meta"


def test_template_date_text_when_no_machine_date():
    html = load("twinfinite-review-staff.html")
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S)
    item = extract_article(html, TWIN_URL)
    assert item["published"] == "2025-03-02T09:00:00+00:00"  # zone-less text read as UTC
    assert item["provenance"]["published"] == "template"


# -- Destructoid's own theme --------------------------------------------------------

@pytest.fixture(scope="module")
def dtoid() -> dict:
    return extract_article(load("destructoid2025-review.html"), DTOID_URL)


def test_destructoid2025_detected(dtoid):
    assert dtoid["layout"] == "destructoid2025"
    assert detect_layout(Page(load("destructoid2025-review.html"), DTOID_URL).tree) == "destructoid2025"
    assert dtoid["site"] == "destructoid"


def test_destructoid2025_fields(dtoid):
    assert dtoid["headline"] == "Review: Hollow Cartographer"
    assert dtoid["dek"] == "Mapping the dark is a lonely, lovely job"
    assert dtoid["authors"] == ["Chris Moyse"]  # not the rail's "Eric Van Allen"
    assert dtoid["published"] == "2026-01-14T16:00:00+00:00"
    assert {dtoid["provenance"][f] for f in ("headline", "dek", "authors", "body")} == {"template"}


def test_destructoid2025_body_without_review_furniture(dtoid):
    body = dtoid["body"]
    assert body[0].startswith("Somewhere under a city") and "Hollow Cartographer asks" in body[0]
    assert "A map worth keeping" in body
    assert body[-1].startswith("Performance on Steam Deck")
    assert "you lose the journal entry it came from — and with it" in body[3]
    text = "\n".join(body)
    for banned in ("Verdict", "8.5", "Pros", "Cons", "Mapping is the game", "Late-game backtracking",
                   "retail build", "Advertisement", "Image via", "Metroidvania", "Comments"):
        assert banned not in text, banned


def test_destructoid2025_template_date_when_meta_missing():
    html = load("destructoid2025-review.html").replace("article:published_time", "x-removed")
    html = re.sub(r'<script type="application/ld\+json">.*?</script>', "", html, flags=re.S)
    item = extract_article(html, DTOID_URL)
    assert item["published"] == "2026-01-14T11:00:00-05:00"  # "11:00 AM EST"
    assert item["provenance"]["published"] == "template"


def test_shared_blocks_page_not_mistaken_for_destructoid2025():
    html = load("dotesports-codes-coauthors.html")
    assert detect_layout(Page(html, DOTE_URL).tree) == "gamurs-blocks"
    assert detect_layout(Page((FIXTURES / "generic-blog-br.html").read_bytes(), "https://x.example/").tree) == "generic"


def test_template_keeps_linked_list_items_and_drops_embeds():
    extra = (
        '<h3 class="wp-block-heading" id="h-where">Where to find more codes</h3>'
        '<ul class="wp-block-list"><li><a href="https://www.roblox.com/groups/1">Kitsune Studio Roblox group</a></li>'
        '<li><a href="https://discord.gg/x">Anime Vanguards Discord</a></li></ul>'
        '<figure class="wp-block-embed is-type-video wp-block-embed-youtube"><div class="wp-block-embed__wrapper">'
        "https://www.youtube.com/watch?v=abc123</div></figure>"
        "<p>https://www.youtube.com/watch?v=def456</p>"
    )
    html = load("dotesports-codes-coauthors.html").replace("<p data-injectable=\"\">Disclosure:", extra + "<p data-injectable=\"\">Disclosure:")
    body = extract_article(html, DOTE_URL)["body"]
    i = body.index("Where to find more codes")
    assert body[i + 1:i + 3] == ["Kitsune Studio Roblox group", "Anime Vanguards Discord"]
    assert not any("youtube.com" in p for p in body)


# -- bylines in the wordings real sites use (issue #8) --------------------------------

SLOTS_GAMURS = "gamurs-news-slots.html"
SLOTS_DTOID = "destructoid2025-news-slots.html"
SLOTS_GAMURS_URL = "https://twinfinite.net/news/silksong-patch-1-0-2-bilewater/"
SLOTS_DTOID_URL = "https://www.destructoid.com/nintendo-switch-2-direct-next-week/"
_M = "wp-block-gamurs-article-metadata"


def fill(name: str, slot: str, markup: str) -> str:
    """The fixture with the markup between <!--slot--> and <!--/slot--> replaced (or, for
    a slot with no end marker, inserted at <!--slot-->)."""
    html = load(name)
    start = f"<!--{slot}-->"
    end = f"<!--/{slot}-->"
    assert start in html, slot
    if end in html:
        return re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: markup, html, count=1, flags=re.S)
    return html.replace(start, markup, 1)


def _person(slug: str, inner: str) -> str:
    return f'<div class="{_M}__author" data-author="{slug}">{inner}</div>'


def _link(slug: str, name: str) -> str:
    return f'<a href="https://twinfinite.net/author/{slug}/">{name}</a>'


@pytest.mark.parametrize(
    "markup, want",
    [
        (f'Written by {_person("priya-raman", _link("priya-raman", "Priya Raman"))} and '
         f'{_person("dan-okafor", _link("dan-okafor", "Dan Okafor"))}', ["Priya Raman", "Dan Okafor"]),
        (f'Words by {_link("priya-raman", "Priya Raman")}', ["Priya Raman"]),
        (f'{_person("a", "By Priya Raman,")} {_person("b", "Dan Okafor")} {_person("c", "and Léa Moreau")}',
         ["Priya Raman", "Dan Okafor", "Léa Moreau"]),
        (f'{_link("priya-raman", "Priya Raman")} and {_link("dan-okafor", "Dan Okafor")}',
         ["Priya Raman", "Dan Okafor"]),
        (f'By {_link("priya-raman", "Priya Raman")} | Senior Writer | Nov 3, 2026', ["Priya Raman"]),
        (_person("priya-raman", "By Priya Raman, Staff Writer"), ["Priya Raman"]),
        (f'{_person("priya-raman", "Priya Raman")} — Updated 2 hours ago', ["Priya Raman"]),
        # a role in its own element, glued to the name by the markup ("Priya RamanSenior Writer")
        (_person("priya-raman", _link("priya-raman", "Priya Raman")
                 + f'<span class="{_M}__role">Senior Writer</span>'), ["Priya Raman"]),
        (_person("priya-raman", _link("priya-raman", "Priya Raman")
                 + f' <span class="{_M}__role">Senior Staff Writer</span>'), ["Priya Raman"]),
        # a profile button after the name
        (_person("priya-raman", _link("priya-raman", "Priya Raman")
                 + '<span class="follow-author">Follow</span>'), ["Priya Raman"]),
        (f'{_person("priya-raman", _link("priya-raman", "Priya Raman") + " <span>+ Follow</span>")}'
         f'<span class="{_M}__and"> and </span>{_person("dan-okafor", _link("dan-okafor", "Dan Okafor"))}',
         ["Priya Raman", "Dan Okafor"]),
    ],
)
def test_gamurs_byline_wordings_give_the_people_in_order(markup, want):
    item = extract_article(fill(SLOTS_GAMURS, "byline", markup), SLOTS_GAMURS_URL)
    assert item["authors"] == want
    assert item["provenance"]["authors"] == "template"


@pytest.mark.parametrize(
    "markup, want",
    [
        ('<div class="post-authors">Written by <a class="author-name" href="/author/chris-moyse/">Chris Moyse'
         '</a> and <a class="author-name" href="/author/zoe-lane/">Zoe Lane</a></div>', ["Chris Moyse", "Zoe Lane"]),
        ('<span class="author-name">By Chris Moyse, Jordan Devore and Zoe Lane</span>',
         ["Chris Moyse", "Jordan Devore", "Zoe Lane"]),
        ('<a class="author-name" href="/author/chris-moyse/"><span>Chris Moyse</span>'
         '<span class="author-role">Senior Editor</span></a>', ["Chris Moyse"]),
        ('<span class="author-name">By Chris Moyse | Senior Writer | Nov 3, 2026</span>', ["Chris Moyse"]),
        ('<a class="author-name" href="/author/chris-moyse/">Chris Moyse</a><span class="author-name">'
         'Follow</span>', ["Chris Moyse"]),
        ('<span class="author-name">Chris Moyse — Updated 2 hours ago</span>', ["Chris Moyse"]),
    ],
)
def test_destructoid_byline_wordings_give_the_people_in_order(markup, want):
    item = extract_article(fill(SLOTS_DTOID, "byline", markup), SLOTS_DTOID_URL)
    assert item["authors"] == want
    assert item["provenance"]["authors"] == "template"


@pytest.mark.parametrize("name, url, markup", [
    (SLOTS_GAMURS, SLOTS_GAMURS_URL, f'Written by {_person("twinfinite", "Twinfinite Staff")}'),
    (SLOTS_DTOID, SLOTS_DTOID_URL, '<a class="author-name" href="/">Destructoid Staff</a> | Nov 3, 2026'),
])
def test_a_staff_byline_in_a_new_wording_still_names_nobody(name, url, markup):
    # JSON-LD (Destructoid) names a person; the byline that is there and names nobody wins
    item = extract_article(fill(name, "byline", markup), url)
    assert item["authors"] == []
    assert item["provenance"]["authors"] == "template"


# -- the visible headline wins over JSON-LD and og:title (issue #8) -------------------

VISIBLE_GAMURS = "Hollow Knight: Silksong patch 1.0.2 fixes the Bilewater save bug"
SEO_GAMURS = "Silksong patch 1.0.2 finally fixes the Bilewater save bug"  # JSON-LD and og:title


@pytest.mark.parametrize("h1", [
    # a redesign renames the headline's class: the template selector stops matching
    f'<h1 class="gm-article-header__title">{VISIBLE_GAMURS}</h1>',
    f'<h1 class="wp-block-post-title has-x-large-font-size">{VISIBLE_GAMURS}</h1>',
    f'<h1 class="gm-title"><span>Hollow Knight:</span> Silksong patch 1.0.2 fixes the Bilewater '
    f'save&nbsp;bug</h1>',
])
def test_gamurs_visible_h1_wins_when_the_template_headline_is_gone(h1):
    html = fill(SLOTS_GAMURS, "headline", h1)
    # a logo h1 before it does not count
    html = html.replace('<nav>', '<h1 class="site-logo"><a href="/">Twinfinite</a></h1><nav>', 1)
    item = extract_article(html, SLOTS_GAMURS_URL)
    assert item["headline"] == VISIBLE_GAMURS
    cands = dict(extract_candidates(html, SLOTS_GAMURS_URL)["headline"])
    assert cands["jsonld"] == cands["meta"] == SEO_GAMURS  # the disagreement is still visible


def test_gamurs_template_headline_wins_over_jsonld():
    item = extract_article(load(SLOTS_GAMURS), SLOTS_GAMURS_URL)
    assert item["headline"] == VISIBLE_GAMURS
    assert item["provenance"]["headline"] == "template"


def test_destructoid_visible_h1_wins_over_jsonld_and_og():
    item = extract_article(load(SLOTS_DTOID), SLOTS_DTOID_URL)
    assert item["headline"] == "Nintendo confirms a Switch 2 Direct for next week"
    assert item["provenance"]["headline"] == "template"


def test_jsonld_headline_still_stands_in_when_the_page_has_no_h1():
    html = fill(SLOTS_GAMURS, "headline", f'<div class="gm-title">{VISIBLE_GAMURS}</div>')
    item = extract_article(html, SLOTS_GAMURS_URL)
    assert item["headline"] == SEO_GAMURS
    assert item["provenance"]["headline"] == "jsonld"


# -- an article continued in a second container (issue #8) ---------------------------

PART_TWO = ["Patch 1.0.2 is live now on PC, and console versions follow over the next two "
            "days as certification clears, Team Cherry said in its notes.",
            "Known issues",
            "Some players still report the map pin for the Mist vanishing after a reload; the "
            "studio says a fix is in testing."]


def _gamurs_part_two(open_tag: str, close_tag: str) -> str:
    return (f'{open_tag}<p data-injectable="true">{PART_TWO[0]}</p>'
            f'<h2 class="wp-block-heading" id="h-known-issues">{PART_TWO[1]}</h2>'
            f'<p data-injectable="true">{PART_TWO[2]}</p>{close_tag}')


@pytest.fixture(scope="module")
def gamurs_part_one() -> list[str]:
    return extract_article(load(SLOTS_GAMURS), SLOTS_GAMURS_URL)["body"]


@pytest.mark.parametrize("markup", [
    # div.entry-content twice, an ad slot between them
    '<div class="gamurs-ad-slot" data-slot="content"><span>Advertisement</span></div>'
    + _gamurs_part_two('<div class="entry-content wp-block-gamurs-article-content">', "</div>"),
    # a redesign splitting the body into sections: same paragraph markup, a new class
    _gamurs_part_two('<section class="wp-block-gamurs-article-content__more">', "</section>"),
    # with an empty spacer and a video block between the parts
    '<div class="wp-block-spacer" style="height:24px" aria-hidden="true"></div>'
    '<div class="wp-block-gamurs-video-player"><div>Recommended Videos</div></div>'
    + _gamurs_part_two('<div class="entry-content wp-block-gamurs-article-content">', "</div>"),
])
def test_gamurs_body_continued_in_a_sibling_container_is_read_whole(markup, gamurs_part_one):
    item = extract_article(fill(SLOTS_GAMURS, "continuation", markup), SLOTS_GAMURS_URL)
    assert item["body"] == gamurs_part_one + PART_TWO
    assert item["provenance"]["body"] == "template"


def test_gamurs_body_continued_after_the_wrapper_of_its_container(gamurs_part_one):
    html = load(SLOTS_GAMURS)
    start = html.index('<div class="entry-content')
    end = html.index("<!--continuation-->")
    html = (html[:start] + '<div class="content-wrap">' + html[start:end] + "</div>"
            + '<div class="gamurs-ad-slot" data-slot="content"></div>'
            + _gamurs_part_two('<div class="entry-content wp-block-gamurs-article-content">', "</div>")
            + html[end:])
    item = extract_article(html, SLOTS_GAMURS_URL)
    assert item["body"] == gamurs_part_one + PART_TWO


@pytest.mark.parametrize("slot, markup", [
    # a comment thread right after the body, marked as comments
    ("continuation", '<div id="comments" class="comments-area"><h3>4 Comments</h3>'
                     '<div class="comment"><p data-injectable="true">hkfan · 2 hours ago</p>'
                     '<p data-injectable="true">Finally! Lost two hours to this bug last week and '
                     'nearly dropped the game over it.</p></div></div>'),
    # an unmarked thread: plain paragraphs, not the article's markup
    ("continuation", '<div class="x9f2a"><p>hkfan · 2 hours ago</p><p>Finally! Lost two hours to '
                     'this bug last week and nearly dropped the game over it.</p></div>'),
    # an article body after the author bio is the next article, not this one's rest
    ("after-bio", _gamurs_part_two('<div class="entry-content wp-block-gamurs-article-content">', "</div>")),
    # the next article of an infinite scroll, its own header first
    ("continuation", '<div class="wp-block-gamurs-article-header"><h1 class="wp-block-gamurs-article-'
                     'header__content--title">Another story</h1></div>'
                     + _gamurs_part_two('<div class="entry-content wp-block-gamurs-article-content">', "</div>")),
])
def test_gamurs_siblings_that_are_not_the_article_are_never_glued(slot, markup, gamurs_part_one):
    item = extract_article(fill(SLOTS_GAMURS, slot, markup), SLOTS_GAMURS_URL)
    assert item["body"] == gamurs_part_one


DTOID_PART_TWO = ["Nintendo has not said whether the show will cover the delayed Metroid remaster, "
                  "which was last seen in a trailer eighteen months ago.",
                  "We will be covering the Direct live as it happens."]


@pytest.mark.parametrize("markup, glued", [
    ('<div class="post-content">' + "".join(f"<p>{p}</p>" for p in DTOID_PART_TWO) + "</div>", True),
    ('<div class="ad-unit"><ins class="adsbygoogle"></ins></div><div class="post-content post-content--more">'
     + "".join(f"<p>{p}</p>" for p in DTOID_PART_TWO) + "</div>", True),
    # a comment thread with the same bare <p> markup: not a continuation
    ('<div class="dto-discussion"><p>metroidfan · 3 hours ago</p><p>Please let it be the Metroid '
     'remaster, I have waited long enough for this one.</p></div>', False),
])
def test_destructoid_body_continued_in_a_sibling_container(markup, glued):
    first = extract_article(load(SLOTS_DTOID), SLOTS_DTOID_URL)["body"]
    item = extract_article(fill(SLOTS_DTOID, "continuation", markup), SLOTS_DTOID_URL)
    assert item["body"] == (first + DTOID_PART_TWO if glued else first)


def test_a_section_label_h1_does_not_replace_the_jsonld_headline():
    html = fill(SLOTS_GAMURS, "headline", '<h1 class="gm-section">Silksong</h1>')
    item = extract_article(html, SLOTS_GAMURS_URL)
    assert item["headline"] == SEO_GAMURS
    assert item["provenance"]["headline"] == "jsonld"


# -- subheadings printed as <h1> (issue #8) ------------------------------------------

_SUBHEAD = '<h2 class="wp-block-heading" id="h-what-else-changed">What else changed</h2>'


def test_gamurs_body_h1_after_the_headline_is_a_subheading():
    html = load(SLOTS_GAMURS)
    right = extract_article(html, SLOTS_GAMURS_URL)["body"]
    assert "What else changed" in right
    item = extract_article(html.replace(_SUBHEAD, _SUBHEAD.replace("h2", "h1")), SLOTS_GAMURS_URL)
    assert item["body"] == right


@pytest.mark.parametrize("logo", ["", '<h1 class="site-title"><a href="/">Twinfinite</a></h1>'])
def test_the_headline_h1_printed_inside_the_body_is_not_body(logo):
    """The headline's <h1> moved into the body container (alone, or after a logo's <h1>):
    the title, not a subheading of the article."""
    html = load(SLOTS_GAMURS)
    right = extract_article(html, SLOTS_GAMURS_URL)
    m = re.search(r"<!--headline-->(.*?)<!--/headline-->", html, re.S)
    moved = html.replace(m.group(0), "").replace('<header class="site-header">', '<header class="site-header">' + logo)
    start = moved.index('<div class="entry-content wp-block-gamurs-article-content">')
    start = moved.index(">", start) + 1
    moved = moved[:start] + m.group(1) + moved[start:]
    item = extract_article(moved, SLOTS_GAMURS_URL)
    assert item["headline"] == right["headline"]
    assert item["body"] == right["body"]


def test_destructoid_body_h1_after_the_headline_is_a_subheading(dtoid):
    html = load("destructoid2025-review.html")
    assert "A map worth keeping" in dtoid["body"]
    item = extract_article(html.replace("<h2>A map worth keeping</h2>", "<h1>A map worth keeping</h1>"), DTOID_URL)
    assert item["body"] == dtoid["body"]
    assert item["headline"] == dtoid["headline"]


# -- a body inside a layout table, pager lines inside a body (issue #8) -----------------

_GAMURS_BODY = '<div class="entry-content wp-block-gamurs-article-content">'


def _body_wrapped(html: str, before: str, after: str) -> str:
    """The fixture with the body container's content between before and after."""
    start = html.index(_GAMURS_BODY) + len(_GAMURS_BODY)
    end = html.index("<!--continuation-->")
    end = html.rindex("</div>", start, end)
    return html[:start] + before + html[start:end] + after + html[end:]


@pytest.mark.parametrize("table", [
    '<table role="presentation" class="story-table" width="100%">',  # ARIA says it is layout
    '<table width="100%" cellpadding="0" border="0">',  # a cell holding the story's blocks says so
])
def test_a_body_inside_a_layout_table_reads_block_by_block(table):
    """A legacy CMS's story table around the body, with a column of links beside it: the
    cell's paragraphs and subheadings are the body, the links column is not."""
    html = load(SLOTS_GAMURS)
    right = extract_article(html, SLOTS_GAMURS_URL)["body"]
    side = ('<td class="story-side" valign="top"><a href="#top">Back to top</a><br>'
            '<a href="mailto:?subject=Story">Email</a> | <a href="#print">Print</a></td>')
    item = extract_article(_body_wrapped(html, f'{table}<tbody><tr><td valign="top">',
                                         f'</td>{side}</tr></tbody></table>'), SLOTS_GAMURS_URL)
    assert item["body"] == right
    assert extract_generic(_body_wrapped(html, f'{table}<tr><td>', f'</td>{side}</tr></table>'),
                           SLOTS_GAMURS_URL)["body"] == extract_generic(html, SLOTS_GAMURS_URL)["body"]


def test_a_data_table_row_stays_one_paragraph_when_a_cell_holds_paragraphs():
    """A table with header cells is data, whatever its cells hold: each row one paragraph."""
    table = ('<table><tr><th>Boss</th><th>Change</th></tr><tr><td>Last Judge</td><td><p>Ten percent '
             'less health</p><p>in phase two</p></td></tr></table>')
    html = _body_wrapped(load(SLOTS_GAMURS), "", table)
    body = extract_article(html, SLOTS_GAMURS_URL)["body"]
    assert body[-2:] == ["Boss | Change", "Last Judge | Ten percent less health in phase two"]


@pytest.mark.parametrize("line", [
    'Showing all 2 pages. <a href="{url}1/">Read one page at a time</a>',
    '<a href="{url}?page=2">Continue to page 2</a>',
])
def test_a_line_linking_to_the_articles_other_pages_is_not_body(line):
    """A split post's view switch or page link printed inside the body steers between the
    article's pages: not a paragraph of it (layout and generic alike)."""
    html = load(SLOTS_GAMURS)
    right = extract_article(html, SLOTS_GAMURS_URL)["body"]
    second = extract_generic(html, SLOTS_GAMURS_URL)["body"]
    changed = _body_wrapped(html, f'<div class="note">{line.format(url=SLOTS_GAMURS_URL)}</div>', "")
    assert extract_article(changed, SLOTS_GAMURS_URL)["body"] == right
    assert extract_generic(changed, SLOTS_GAMURS_URL)["body"] == second


def test_a_sentence_linking_to_another_page_of_the_article_is_body():
    """Prose that links to the article's next page is still prose (a pager line is short)."""
    sentence = ("The full list of balance changes, with every number the studio published, is on "
                f'<a href="{SLOTS_GAMURS_URL}2/">the second page of this article</a> for anyone who wants it.')
    html = _body_wrapped(load(SLOTS_GAMURS), "", f'<p data-injectable="true">{sentence}</p>')
    assert extract_article(html, SLOTS_GAMURS_URL)["body"][-1].startswith("The full list of balance changes")


def test_destructoid_teaser_card_bylines_inside_the_article_are_not_authors():
    card = ('<div class="dto-more"><a href="/news/silksong-dlc/"><h3>Silksong\'s first DLC has a '
            'date and a price</h3><span class="author-name">Eric Van Allen</span></a></div>')
    item = extract_article(fill(SLOTS_DTOID, "continuation", card), SLOTS_DTOID_URL)
    assert item["authors"] == ["Chris Moyse"]


def test_destructoid_continuation_ignores_wordpress_layout_classes():
    # the first part carries layout utilities a WordPress update adds, the second not
    first = extract_article(load(SLOTS_DTOID), SLOTS_DTOID_URL)["body"]
    html = fill(SLOTS_DTOID, "continuation",
                '<div class="post-content">' + "".join(f"<p>{p}</p>" for p in DTOID_PART_TWO) + "</div>")
    html = html.replace('<div class="post-content">',
                        '<div class="post-content is-layout-constrained wp-container-core-post-content-is-layout-2">', 1)
    assert extract_article(html, SLOTS_DTOID_URL)["body"] == first + DTOID_PART_TWO
