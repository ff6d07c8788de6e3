"""What a publishing platform or an embed code prints among the writer's paragraphs, and a
headline whose words are boxes set apart by margins: the extraction must give the writer's
fields, read through assess() on shipped pages (the template path) and through the generic
extractor on a hand-made page (the layout-free path).

* an embed's credit line standing alone ("via GIPHY", printed by Giphy's embed code beside its
  <iframe>);
* a reading platform's label printed in the body (Medium's "Top highlight");
* the platform's buttons as paragraphs (Substack's <p class="button-wrapper"> holding one link
  styled as a button: "Subscribe now", "Share");
* an image's long description (a <details> inside its figure, the element its aria-describedby
  names) and a series plugin's boxes in the content ("This entry is part 3 of 7 in the series",
  the other parts' links);
* a headline animated word by word (one inline-block <span> per word, no space between them,
  the gaps being the spans' right margins).
"""

from __future__ import annotations

import pytest

import page_mutations as mutate
from pressguard.extract import extract_generic
from pressguard.extract.text import node_text
from selectolax.lexbor import LexborHTMLParser
from test_check_signals import PAGES, _assess, _failing, _h1_rewritten, _page

NAMES = [PAGES[0], PAGES[1], PAGES[4]]
IDS = ["gamurs", "destructoid2025", "progameguides"]

GIPHY = ('<div style="width:100%;height:0;padding-bottom:56%;position:relative;"><iframe '
         'src="https://giphy.com/embed/xT9IgG50Fb7Mi0prBC" width="100%" height="100%" style="position:absolute" '
         'frameBorder="0" class="giphy-embed" allowFullScreen></iframe></div><p><a '
         'href="https://giphy.com/gifs/gaming-celebrate-xT9IgG50Fb7Mi0prBC">via GIPHY</a></p>')
TOP_HIGHLIGHT = '<div class="top-highlight"><span>Top highlight</span></div>'


def _button(text: str, href: str) -> str:
    """A Substack button as its editor writes it into the post's text."""
    return (f'<p class="button-wrapper" data-attrs="{{&quot;url&quot;:&quot;{href}&quot;}}" '
            f'data-component-name="ButtonCreateButton"><a class="button primary" href="{href}">'
            f'<span>{text}</span></a></p>')


def _right(name: str):
    site, url, html = _page(name)
    right = _assess(site, url, html)
    assert right["verdict"] == "healthy", right["checks"]
    return site, url, html, right


@pytest.mark.parametrize("name", NAMES, ids=IDS)
def test_platform_lines_between_paragraphs_are_not_body_text(name):
    """The GIF's credit line, Medium's label and Substack's buttons, each where the platform puts
    it: the body is the writer's paragraphs, the page healthy or drifting, never broken."""
    site, url, html, right = _right(name)
    changed = mutate.after_paragraph(html, right, 1, GIPHY + _button("Subscribe now", "https://x.example/subscribe?"))
    changed = mutate.after_paragraph(changed, right, 2, TOP_HIGHLIGHT)
    changed = mutate.after_paragraph(changed, right, 3, _button("Share", url + "?action=share"))
    item = _assess(site, url, changed)
    assert item["body"] == right["body"]
    assert item["verdict"] != "broken", _failing(item)


@pytest.mark.parametrize("name", NAMES[:2], ids=IDS[:2])
def test_the_writers_own_lines_that_look_alike_stay_in_the_body(name):
    """The writer's sentences opening with the same words ("Via the Shop tab ...", "Subscribe
    now to ..."), a source named in a sentence, and a plain link paragraph: article text."""
    site, url, html, right = _right(name)
    own = ["Via the Shop tab, players can now trade their old tokens for the new season's cosmetics.",
           "Subscribe now to the studio's newsletter if you want the patch notes before anyone else.",
           "The top highlight of the showcase was the co-op campaign, which ran for forty minutes."]
    snippet = "".join(f"<p>{t}</p>" for t in own) + '<p><a href="https://example.com/notes">the full patch notes</a></p>'
    item = _assess(site, url, mutate.after_paragraph(html, right, 1, snippet))
    at = item["body"].index(own[0])
    assert item["body"][at:at + 4] == own + ["the full patch notes"]


SUBSTACK_PAGE = """<!doctype html><html><head><title>Why the co-op campaign matters - Field Notes</title>
<meta property="og:title" content="Why the co-op campaign matters"></head><body>
<header><a href="/">Field Notes</a></header>
<article><h1 class="post-title">Why the co-op campaign matters</h1>
<div class="available-content"><div dir="auto" class="body markup">
<p>Kestrel Games confirmed on Tuesday that the co-op campaign will arrive later this month, after a
year in which the studio rebuilt most of its mission tools from scratch.</p>
<p>Several long-time players said the campaign finally addresses their oldest complaint, that the
missions felt built for one player and stretched for two.</p>
{button}
{giphy}
<p id="8f3a" class="pw-post-body-paragraph">The published notes list 52 separate changes, most of them aimed at
the way enemies react when two players split up and flank them.</p>
{highlight}
<p id="1c9e" class="pw-post-body-paragraph"><mark class="pw-highlight">What happens next depends largely on how
the first weekend goes, and on whether the servers hold up under the load.</mark></p>
<p>A second update is planned for the autumn, although no firm date has been shared.</p>
</div></div>
<div class="subscription-widget-wrap-editor"><div class="subscription-widget show-subscribe"><div class="preamble">
<p class="cta-caption">Thanks for reading Field Notes! Subscribe for free to receive new posts and support my
work.</p></div><form class="subscription-widget-subscribe"><input type="email" name="email">
<input type="submit" value="Subscribe"></form></div></div>
</article></body></html>"""
SUBSTACK_TEXT = [
    "Kestrel Games confirmed on Tuesday that the co-op campaign will arrive later this month, after a year in "
    "which the studio rebuilt most of its mission tools from scratch.",
    "Several long-time players said the campaign finally addresses their oldest complaint, that the missions "
    "felt built for one player and stretched for two.",
    "The published notes list 52 separate changes, most of them aimed at the way enemies react when two "
    "players split up and flank them.",
    "What happens next depends largely on how the first weekend goes, and on whether the servers hold up "
    "under the load.",
    "A second update is planned for the autumn, although no firm date has been shared.",
]


def test_the_generic_extractor_leaves_out_buttons_credit_lines_and_labels():
    page = SUBSTACK_PAGE.format(button=_button("Subscribe now", "https://fieldnotes.example/subscribe?"),
                                giphy=GIPHY, highlight=TOP_HIGHLIGHT)
    item = extract_generic(page.encode(), "https://fieldnotes.example/p/why-the-co-op-campaign-matters")
    assert item["body"] == SUBSTACK_TEXT
    plain = SUBSTACK_PAGE.format(button="", giphy="", highlight="")
    assert extract_generic(plain.encode(), "https://fieldnotes.example/p/x")["body"] == SUBSTACK_TEXT


# -- a headline whose words are boxes -------------------------------------------------------

def _word_spans(title: str, style: str = "display:inline-block;margin-right:0.25em;opacity:1;transform:none") -> str:
    return "".join(f'<span class="headline__word" style="{style}">{w}</span>' for w in title.split())


@pytest.mark.parametrize("name", NAMES, ids=IDS)
def test_a_headline_animated_word_by_word_reads_as_its_words(name):
    """React's title.split(" ").map(...) into inline-block spans spaced by their margins, no
    space in the markup: the headline is the same words, spaced, and the page is not broken."""
    site, url, html, right = _right(name)
    title = right["headline"]
    item = _assess(site, url, _h1_rewritten(html, title, _word_spans(title)))
    assert item["headline"] == title
    assert item["verdict"] != "broken", _failing(item)


@pytest.mark.parametrize("inner, text", [
    # boxes that touch (no margin): a per-letter split, an ad box inside a word
    ('<span style="display:inline-block">Iron</span><span style="display:inline-block">vale</span> returns', "Ironvale returns"),
    ('eve<span class="ad" style="display:inline-block;width:300px;height:250px"></span>ryone', "everyone"),
    # a margin on a box's top or bottom, or a zero margin, sets no words apart
    ('<span style="display:inline-block;margin-top:4px">Iron</span><span style="display:inline-block;margin:0">vale</span>', "Ironvale"),
    # a side margin on a plain inline span: not a box, no boundary drawn by this rule
    ('<span style="margin-right:2px">Iron</span>vale', "Ironvale"),
    # a side margin in the shorthand ("0 .25em", "0 4px 0 0") sets the boxes apart
    ('<span style="display:inline-block;margin:0 .25em">New</span><span style="display:inline-block;margin:0 4px 0 0">season</span>', "New season"),
])
def test_only_boxes_set_apart_by_a_side_margin_are_separate_words(inner, text):
    assert node_text(LexborHTMLParser(f"<h1>{inner}</h1>").css_first("h1")) == text


# -- a figure's long description, a series plugin's boxes ----------------------------------

LONG_DESCRIPTION = ('<figure class="wp-block-image"><img src="https://example.com/shot.jpg" alt="">'
                    '<figcaption>The new map, as shown at the showcase.</figcaption>'
                    '<details class="image-description"><summary>Image description</summary><p>Two characters '
                    'stand on a rooftop at dusk; the interface shows a health bar and a map in the corner.</p>'
                    '</details></figure>')
DESCRIBED_BY = ('<figure><img src="https://example.com/chart.png" alt="Sales chart" aria-describedby="chart-desc">'
                '</figure><div id="chart-desc"><p>A bar chart with three bars rising from left to right, the last '
                'twice as tall as the first.</p></div>')
SERIES_PART = ('<div class="seriesmeta">This entry is part 3 of 7 in the series <a href="https://example.com/'
               'series/road-to-launch/">The Road to Launch</a></div>')
SERIES_PARTS = ('<div class="parts"><h4>Articles in this series</h4><ul><li><a href="https://example.com/one/">'
                'Everything announced at the showcase</a></li><li><a href="https://example.com/two/">Our hands-on '
                'impressions so far</a></li></ul></div>')


@pytest.mark.parametrize("name", NAMES[:2], ids=IDS[:2])
def test_figure_descriptions_and_series_boxes_are_not_body_text(name):
    """An accessibility rewrite's long description in a <details> inside each figure, a chart's
    description named by its aria-describedby, a series plugin's "part 3 of 7" line and its
    list of the other parts: the body is the writer's paragraphs, the page not broken."""
    site, url, html, right = _right(name)
    changed = mutate.after_paragraph(html, right, 0, SERIES_PART)
    changed = mutate.after_paragraph(changed, right, 1, LONG_DESCRIPTION)
    changed = mutate.after_paragraph(changed, right, 2, DESCRIBED_BY + SERIES_PARTS)
    item = _assess(site, url, changed)
    assert item["body"] == right["body"]
    assert item["verdict"] != "broken", _failing(item)


def test_the_generic_extractor_leaves_out_figure_descriptions_and_series_boxes_not_the_writers_notes():
    """The same furniture through the layout-free path; the writer's own series note (a
    paragraph), a <details> beside a figure (a chart's data, as WCXB's 0243 prints it) and a
    sentence about the series in a div stay."""
    note = "This is the second part of my series on the road to launch; the first covered the studio."
    data = "Data: the three numbers behind the chart, by quarter, as the studio reported them."
    about = ("In the first part of this series we followed the studio through its first year; "
             "<a href=\"https://example.com/one/\">read it here</a> before you go on, it sets up the rest.")
    extra = [f"<p><em>{note}</em></p>", SERIES_PART, LONG_DESCRIPTION,
             f"<details><summary>Show the data</summary><p>{data}</p></details>",
             DESCRIBED_BY + SERIES_PARTS, f"<div>{about}</div>"]
    page = SUBSTACK_PAGE.format(button="".join(extra), giphy="", highlight="")
    body = extract_generic(page.encode(), "https://fieldnotes.example/p/why-the-co-op-campaign-matters")["body"]
    about_text = node_text(LexborHTMLParser(f"<div>{about}</div>").css_first("div"))
    assert body == SUBSTACK_TEXT[:2] + [note, "Show the data", data, about_text] + SUBSTACK_TEXT[2:]
