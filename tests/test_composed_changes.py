"""Two template changes at once, on shipped pages (benchmarks/resilience --compose): a change
that is harmless alone must not hide a breakage from its check, and two harmless changes
together must not read as a breakage."""

from __future__ import annotations

import pytest

from page_mutations import after_paragraph, serialized
from shipped_pages import article_page, assess_page

GAMURS = "twinfinite/cafe-lumiere-returns-zoe-rsteds-creme-brulee-event-brings-rewards"

# the "pharma hack": a link block positioned off the screen between two paragraphs
SPAM = ('<div style="position: absolute; left: -9999px; top: -9999px">Best online casino bonus 2025: '
        '<a href="https://spin.example/">free spins no deposit</a>, <a href="https://pills.example/">buy '
        'cheap pills online without prescription</a>. Fast payouts for players from every country.</div>')


def _renamed_body(html: str) -> str:
    """The body container's classes renamed by a theme update (entry-content -> entry-body)."""
    html = serialized(html)
    assert html.count("entry-content") == 1
    return html.replace("entry-content", "entry-body").replace("wp-block-gamurs-article-content",
                                                                "wp-block-gamurs-article-body")


@pytest.mark.parametrize("renamed", [False, True])
def test_hidden_spam_stays_out_of_the_body_whichever_path_reads_it(renamed):
    """Hidden link spam is furniture on the template path; with the body's container renamed
    the body is read by the generic path, which must hide it too (one style_hides)."""
    _url, html = article_page(GAMURS)
    shipped = assess_page(GAMURS, html)
    changed = after_paragraph(_renamed_body(html) if renamed else html, shipped, 1, SPAM)
    item = assess_page(GAMURS, changed)
    assert not any("casino" in p for p in item["body"])
    assert item["body"] == shipped["body"]
    assert item["verdict"] in ("healthy", "drift")


def _view_all_note(html: str, url: str) -> str:
    """A single-view plugin's note at the top of the body: "Showing all 3 pages" with a link to
    the paged view of the same article (<url>1/)."""
    html = serialized(html)
    assert html.count('<div class="entry-content') == 1
    at = html.index(">", html.index('<div class="entry-content')) + 1
    note = (f'<div class="single-view-note">Showing all 3 pages. <a href="{url}1/">Read one page at a '
            'time</a></div>')
    return html[:at] + note + html[at:]


@pytest.mark.parametrize("amp", [False, True])
def test_a_view_all_note_stays_out_of_the_body_when_the_canonical_names_the_amp_copy(amp):
    """An AMP plugin and an SEO plugin that disagree point the canonical at <url>amp/: the
    note's link to the paged view still names the article's own address (one segment up), so
    it is the article's pager, not a sentence of it."""
    url, html = article_page(GAMURS)
    shipped = assess_page(GAMURS, html)
    changed = _view_all_note(html, url)
    if amp:
        changed = changed.replace(f'rel="canonical" href="{url}"', f'rel="canonical" href="{url}amp/"', 1)
        assert f'href="{url}amp/"' in changed
    item = assess_page(GAMURS, changed)
    assert item["body"] == shipped["body"]
    assert item["verdict"] in ("healthy", "drift")


@pytest.mark.parametrize("url, address", [
    ("https://x.example/news/story/amp/", "https://x.example/news/story/"),
    ("https://x.example/news/story/?amp=1", "https://x.example/news/story/"),
    ("https://x.example/news/story/?amp&utm=a", "https://x.example/news/story/?utm=a"),
    ("https://x.example/news/story/", "https://x.example/news/story/"),
    ("https://x.example/news/champ-wins/?camp=1", "https://x.example/news/champ-wins/?camp=1"),
])
def test_an_amp_copys_address_names_the_article_above_it(url, address):
    from pressguard.extract.continuation import article_address

    assert article_address(url) == address


_CF_EMAIL = ('<span class="byline__email"> · <a href="/cdn-cgi/l/email-protection#5a2832232974" title="Email">'
             '<span class="__cf_email__" data-cfemail="5a2832232974">[email&#160;protected]</span></a></span>')


def _emailed_byline(html: str, name: str) -> str:
    """The byline's e-mail link beside the name, as Cloudflare's obfuscation serves it."""
    old = f">{name}</a></div>"
    assert html.count(old) == 1
    return html.replace(old, old + _CF_EMAIL, 1)


@pytest.mark.parametrize("credit", [False, True])
def test_a_photo_credit_byline_is_judged_without_the_contact_link_beside_it(credit):
    """A feed importer credits the lead image's agency as the author (byline, meta, JSON-LD):
    broken naming the authors, with or without an obfuscated e-mail link beside the name;
    the e-mail link beside the real writer is no finding."""
    _url, html = article_page(GAMURS)
    shipped = assess_page(GAMURS, html)
    name = shipped["authors"][0]
    changed = _emailed_byline(serialized(html), name)
    if credit:
        changed = changed.replace(name, "Getty Images")
    item = assess_page(GAMURS, changed)
    if credit:
        assert item["verdict"] == "broken", item["checks"]
        assert "(a photo credit, not a writer)" in item["checks"]["authors"], item["checks"]["authors"]
    else:
        assert item["authors"] == shipped["authors"] and item["verdict"] != "broken", item["checks"]
