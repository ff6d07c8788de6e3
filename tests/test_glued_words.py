"""Words glued at the edges of links and emphasis (pressguard/verdict/glued_words.py): a
minifier or an export that trims the spaces around inline elements makes the body read
"There isalso a smallerchange". Shipped pages and a realistic article minified that way are
broken naming the body and the glued words; the same pages as served, and real markup that
joins text to an element on purpose (punctuation, possessives, markup inside a word, drop
caps, superscripts, a label set as a block, CJK text, one writer's slip) are not."""

from __future__ import annotations

import re

import pytest
from shipped_pages import article_page as _page, assess_page as _assess

from pressguard.extract.text import EDGE, edge_marked_text, node_text
from pressguard.verdict.assess import assess
from pressguard.verdict.glued_words import INLINE_TAGS, paragraph_edges
from pressguard.verdict.prose_flaws import vocabulary

PAGES = ("gamepur/project-lumen-review-almost-there",
         "dotesports/the-champions-tour-release-schedule-times-and-what-to-expect",
         "themarysue/the-lantern-keepers-everything-we-know-about-the-spin-off-so-far")

# text between two tags, outside scripts and styles: its edges' whitespace is what a trimming
# minifier removes
_RAW = re.compile(r"(<(script|style)\b.*?</\2>)|>([^<]*)<", re.S | re.I)


def _trim_text_nodes(html: str) -> str:
    return _RAW.sub(lambda m: m.group(1) or f">{m.group(3).strip()}<", html)


@pytest.mark.parametrize("name", PAGES)
def test_a_page_whose_text_nodes_were_trimmed_is_broken_naming_the_body_and_the_glued_words(name):
    html = _page(name)[1]
    item = _assess(name, _trim_text_nodes(html))
    assert item["verdict"] == "broken"
    found = item["checks"]["text_quality"]
    assert re.search(r"body: words glued where a link or an emphasis meets the text, '[A-Za-z]+'", found), found
    assert re.search(r"\(\d+ of the \d+ word boundaries at inline elements", found)


@pytest.mark.parametrize("name", PAGES)
def test_the_pages_as_served_are_not(name):
    item = _assess(name, _page(name)[1])
    assert item["checks"]["text_quality"] == "ok", item["checks"]["text_quality"]


# -- a realistic article on a site pressguard knows nothing of (the layout-free extraction) --

URL = "https://www.examplegamer.net/news/2025/05/ironvale-patch-notes/"


def _article(paragraphs: list[str]) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ironvale patch 1.2 brings the boss rush back - Example Gamer</title>
<meta property="og:title" content="Ironvale patch 1.2 brings the boss rush back">
</head><body>
<header class="site-header"><a href="/">Example Gamer</a> <nav><a href="/news/">News</a> <a href="/reviews/">Reviews</a></nav></header>
<main><article>
<h1>Ironvale patch 1.2 brings the boss rush back</h1>
<div class="byline">By <a href="/author/jane-doe/" rel="author">Jane Doe</a> <time datetime="2025-05-14T09:00:00+00:00">May 14, 2025</time></div>
<div class="entry-content">
{body}
</div></article></main>
<footer><p>Copyright 2025 Example Gamer. All rights reserved.</p></footer>
</body></html>"""


SPACED = [
    "The studio behind <a href='/tag/ironvale/'>Ironvale</a> confirmed on Tuesday that the boss rush is coming "
    "back in patch 1.2, after a <em>long</em> absence that players never quite forgave.",
    "According to the <a href='https://example.org/notes'>official patch notes</a>, the mode returns with "
    "three new arenas and a <strong>weekly leaderboard</strong> that resets every Monday morning.",
    "Not everyone is convinced, and a vocal group on the <a href='/forums/'>community forums</a> has asked "
    "for more time to test the <em>ranked</em> changes before they reach every player.",
    "The patch also fixes the save bug that hit <a href='/tag/ps5/'>PlayStation 5</a> owners last month, "
    "which the developers called <q>the worst week</q> in the game's short history.",
    "Critics point out that similar promises were made before, with <a href='/reviews/ironvale/'>mixed "
    "results</a> at launch, and that the roadmap has slipped by a full season already.",
    "We will update this story when the patch goes live on <span class='platform'>PC</span> and consoles "
    "later this week, along with any changes the studio makes in the meantime.",
]


def _assess_generic(paragraphs: list[str]) -> dict:
    item, _fp = assess(_article(paragraphs), URL, site="examplegamer")
    return item


def test_a_realistic_article_is_not():
    item = _assess_generic(SPACED)
    assert item["checks"]["text_quality"] == "ok", item["checks"]["text_quality"]


def test_the_same_article_minified_is_broken_naming_the_body():
    item = _assess_generic([_trim_text_nodes(f"<p>{p}</p>")[3:-4] for p in SPACED])
    found = item["checks"]["text_quality"]
    assert item["verdict"] == "broken"
    assert ("body: words glued where a link or an emphasis meets the text, 'behindIronvaleconfirmed', "
            "'alongabsence'") in found, found


def test_the_same_article_with_one_end_of_each_text_node_trimmed_is_broken():
    # a template's whitespace control ("{{- ... }}") trimming only what precedes each tag: the
    # spaces after elements stay, and an element after punctuation glues no word
    quoting = ("Fans asked the studio, \u201c<em>when</em> will it ship?\u201d and (<a href='/faq/'>again</a> and "
               "again) the answer was the same, so the <a href='/tag/ironvale/'>Ironvale</a> team wrote a long post.")
    item = _assess_generic([re.sub(r"\s+<", "<", p) for p in SPACED + [quoting]])
    found = item["checks"]["text_quality"]
    assert item["verdict"] == "broken"
    assert "body: words glued where a link or an emphasis meets the text, 'behindIronvale'" in found, found
    assert "(10 of the 22 word boundaries" in found, found


def _plain(paragraph: str) -> str:
    return re.sub(r"<[^>]+>", "", paragraph)


def test_the_only_link_of_the_body_glued_on_both_sides_is_broken():
    # a minifier on an article with one link: both its sides glued, and no spaced edge anywhere
    glued = [SPACED[0].replace("behind <a href='/tag/ironvale/'>Ironvale</a> confirmed",
                               "behind<a href='/tag/ironvale/'>Ironvale</a>confirmed").replace("<em>long</em>", "long")]
    found = _assess_generic(glued + [_plain(p) for p in SPACED[1:]])["checks"]["text_quality"]
    assert "'behindIronvaleconfirmed' (2 of the 2 word boundaries" in found, found


def test_one_writers_slip_among_spaced_links_is_not():
    slipped = SPACED[2].replace("the <a href='/forums/'>community forums</a>", "the<a href='/forums/'>community forums</a>")
    item = _assess_generic(SPACED[:2] + [slipped] + SPACED[3:])
    assert "thecommunity forums" in " ".join(item["body"])
    assert item["checks"]["text_quality"] == "ok", item["checks"]["text_quality"]


LOOK_ALIKES = [
    # punctuation right after or before an element, possessives, brackets, quotes
    "Sony's rival <a href='/tag/nintendo/'>Nintendo</a>'s new console, the <a href='/switch-2/'>Switch 2</a>, "
    "sold out (<a href='https://example.org/source'>source</a>) in hours, said \u201c<em>everyone</em>\u201d.",
    # markup inside a word: a link around part of a word, emphasis inside a word, a drop cap
    "<span class='dropcap'>T</span>he <a href='/tag/pokemon/'>Pok\u00e9mon</a>s everyone wanted were "
    "<em>un</em>believably rare, and the <a href='/tag/raid/'>raid</a>ers knew it long before the event.",
    # superscripts, subscripts, word-break hints, footnotes, code
    "The H<sub>2</sub>O bottle costs 10<sup>3</sup> coins, an extra<wbr>ordinarily steep price for a "
    "consumable item<sup><a href='#fn1'>1</a></sup> that the <code>inventory</code> screen hides away.",
    # labels a stylesheet shows as blocks, glued to the next line's capital
    "<strong class='label'>Price</strong>The deluxe edition costs more than the standard one and includes "
    "the season pass, two costumes and the soundtrack on a separate disc.",
]


@pytest.mark.parametrize("spaced", [3, 0], ids=["among spaced links", "alone"])
def test_look_alikes_of_glue_are_not(spaced):
    item = _assess_generic(SPACED[:spaced] + LOOK_ALIKES + [_plain(p) for p in SPACED[spaced:]])
    assert "PriceThe deluxe" in " ".join(item["body"])
    assert item["checks"]["text_quality"] == "ok", item["checks"]["text_quality"]


@pytest.mark.parametrize("marked, boundaries, glued", [
    ("There is\x00also a smaller\x00change that few noticed.", 2, ["isalso", "smallerchange"]),
    ("There is \x00also a smaller\x00 change that few noticed.", 2, []),
    ("\x00Sony\x00's rival and the \x00link\x00.", 1, []),  # punctuation at an edge: no boundary
    ("The \x00un\x00believable part of the \x00raid\x00ers.", 2, []),  # glues making words: not counted
    ("\x00K\x00ratos and the \x00Pok\u00e9mon\x00s return.", 1, []),  # a drop cap, an ending
    ("\u4efb\u5929\u5802\x00\u306e\x00\u30b2\u30fc\u30e0\u3067\u3059\u3002", 0, []),  # CJK: no spaces written
    ("Read it in\x002024\x00or later.", 0, []),  # digits: a footnote's number, a year
])
def test_paragraph_edges(marked, boundaries, glued):
    n, found = paragraph_edges(marked, vocabulary())
    assert (n, [w for w, _ in found]) == (boundaries, glued)


def test_edge_marked_text_reads_as_node_text_with_the_edges_marked():
    from selectolax.lexbor import LexborHTMLParser

    p = LexborHTMLParser("<p>A <a href='/x'><em>linked</em> phrase</a>, H<sub>2</sub>O<br>and "
                         "<span>more</span><script>x()</script>.</p>").css_first("p")
    marked = edge_marked_text(p, INLINE_TAGS)
    assert marked.count(EDGE) == 6
    assert " ".join(marked.replace(EDGE, "").split()) == node_text(p)
