"""holdout21's signals on small pages: a search keyphrase printed as the visible headline
(checks._keyphrase_headline, titles.keyphrase_of) and subheadings and list items run together
in bare text (body_structure.lines_run_together). The third, a cache file's cut copy, is in
test_check_signals' repeated-paragraphs test."""

from __future__ import annotations

import json

from pressguard.verdict.checks import run_checks
from pressguard.verdict.titles import keyphrase_of

URL = "https://site.example/reviews/hollow-crown-review-almost-there/"
TITLE = "Hollow Crown review – almost there"
PROSE = [f"Paragraph {i} of the review says enough to be prose, with a whole sentence or two in it." for i in range(4)]


def _page(h1: str, title: str = TITLE, body: str = "", site: str = "Site Example") -> str:
    ld = json.dumps({"@context": "https://schema.org", "@type": "Article", "headline": title})
    paras = body or "".join(f"<p>{p}</p>" for p in PROSE)
    return (f'<html><head><title>{title} | {site}</title><meta property="og:title" content="{title}">'
            f'<meta property="og:site_name" content="{site}"><script type="application/ld+json">{ld}</script>'
            f'</head><body><article><h1>{h1}</h1><div class="entry-content">{paras}</div></article></body></html>')


def _item(headline: str, body: list[str]) -> dict:
    return {"url": URL, "headline": headline, "dek": None, "authors": [], "published": None, "body": body}


def test_a_keyphrase_is_the_titles_words_lower_cased_some_dropped_or_added():
    assert keyphrase_of("hollow crown review almost update", TITLE) == \
        "the title's words in lower case without its punctuation, dropped 'there' and added 'update'"
    assert keyphrase_of("10 things want see crimson arcana co op campaign guide",
                        "10 things we want to see in Crimson Arcana after the co-op campaign")
    assert keyphrase_of("Hollow Crown review almost update", TITLE) is None  # names keep their capitals
    assert keyphrase_of("hollow crown review – almost there", TITLE) is None  # a lower-case style
    assert keyphrase_of("hollow crown review almost there", TITLE) is None  # every word: a style
    assert keyphrase_of("hollow crown review", TITLE) is None  # the title's first segment
    # a site's lower-case headlines beside a title carrying the site's name
    assert keyphrase_of("10 ways meditation can improve your health",
                        "10 ways meditation can improve your health | Cultivating Health") is None
    assert keyphrase_of("hollow crown patch notes leaked guide news", TITLE) is None  # 3 words added


def test_a_keyphrase_printed_as_the_h1_is_broken_naming_the_headline():
    h1 = "hollow crown review almost update"
    msg = run_checks(_item(h1, PROSE), html=_page(h1))["headline"]
    assert msg.startswith("headline:") and "search keyphrase" in msg and repr(TITLE) in msg, msg
    # the metadata disagreeing among themselves say nothing of what the h1 was made from
    other = _page(h1).replace(f'content="{TITLE}"', 'content="Why everyone is talking about Hollow Crown"')
    assert run_checks(_item(h1, PROSE), html=other)["headline"] == "ok"
    # the title in the h1, and a shorter h1 a site writes in lower case, are headlines
    assert run_checks(_item(TITLE, PROSE), html=_page(TITLE))["headline"] == "ok"
    low = "hollow crown review – almost there"
    assert run_checks(_item(low, PROSE), html=_page(low))["headline"] == "ok"


GLUED = ("Key details at a glanceThose who missed the new season will get another chance next season."
         "The published notes list 51 separate changes.Early reactions suggest the mode is less grindy.")


def test_lines_run_together_in_bare_text_are_broken_naming_the_body():
    body = f"<p>{PROSE[0]}</p><p>{PROSE[1]}</p>{GLUED}<p>{PROSE[2]}</p><p>{PROSE[3]}</p>"
    msg = run_checks(_item(TITLE, PROSE[:2] + [GLUED] + PROSE[2:]), html=_page(TITLE, body=body))["completeness"]
    assert "body: its subheadings and list items" in msg and "glanceThose" in msg, msg


def test_glued_sentences_in_a_paragraph_or_one_name_in_bare_text_are_healthy():
    # a writer's or a source's missing spaces inside a <p>: real pages have them (22 of WCXB's 711)
    body = f"<p>{PROSE[0]}</p><p>{PROSE[1]}</p><p>{GLUED}</p><p>{PROSE[2]}</p><p>{PROSE[3]}</p>"
    assert run_checks(_item(TITLE, PROSE[:2] + [GLUED] + PROSE[2:]), html=_page(TITLE, body=body))["completeness"] == "ok"
    # a subheading left bare between paragraphs reads as its own line: the body is as the page shows it
    line = "What it means for Hollow Crown and the newly announced theScore partnership"
    body = f"<p>{PROSE[0]}</p><p>{PROSE[1]}</p>{line}<p>{PROSE[2]}</p><p>{PROSE[3]}</p>"
    assert run_checks(_item(TITLE, PROSE[:2] + [line] + PROSE[2:]), html=_page(TITLE, body=body))["completeness"] == "ok"
