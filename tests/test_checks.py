"""The snapshot-free health checks: every failure mode of the seed article is caught,
healthy items (the seed's expected extraction, simulator articles) pass.

Planted failures live in fixtures/checks/planted.json; each case names the checks that
must fail and what their message must say, and every other check must stay "ok".
"""

from __future__ import annotations

import copy
import html as htmllib
import json
import re
from pathlib import Path

import pytest

from pressguard.verdict.checks import CHECKS, run_checks
from pressguard.extract import extract_article, extract_generic
from pressguard.verdict import fingerprint as fp
from pressguard.verdict.fingerprint import fingerprint

HERE = Path(__file__).parent
ROOT = HERE.parent
EXPECTED = HERE / "fixtures" / "seed" / "wgtc-article-expected.json"
AS_SCRAPED = HERE / "fixtures" / "seed" / "wgtc-article-as-scraped.txt"
SEED_HTML = ROOT / "pressguard" / "sim" / "data" / "wgtc-seed.html"
PLANTED = json.loads((HERE / "fixtures" / "checks" / "planted.json").read_text(encoding="utf-8"))["cases"]


@pytest.fixture(scope="module")
def seed_item() -> dict:
    exp = json.loads(EXPECTED.read_text(encoding="utf-8"))
    item = {k: exp[k] for k in ("url", "site", "headline", "dek", "authors", "body")}
    item.update(layout="gamurs-blocks", published="2025-04-23T14:52:10+00:00")
    return item


@pytest.fixture(scope="module")
def seed_html() -> str:
    return SEED_HTML.read_text(encoding="utf-8")


def _assert_only(result: dict, failing: dict[str, list[str]], url: str) -> None:
    assert list(result) == list(CHECKS)
    for check in CHECKS:
        if check in failing:
            msg = result[check]
            assert msg != "ok", check
            assert msg.startswith(f"{check}: {url}: expected "), msg
            assert "\n" not in msg
            for fragment in failing[check]:
                assert fragment in msg, (fragment, msg)
        else:
            assert result[check] == "ok", (check, result[check])


def test_check_names_are_the_contract():
    assert CHECKS == ("headline", "authors", "body_length", "boilerplate", "truncation",
                      "agreement", "completeness", "markers", "text_quality", "metadata", "template")


def test_seed_expected_item_is_healthy(seed_item):
    assert run_checks(seed_item) == {c: "ok" for c in CHECKS}


def test_seed_page_with_every_source_is_healthy(seed_item, seed_html):
    extracted = extract_article(seed_html, seed_item["url"])
    second = extract_generic(seed_html, seed_item["url"])
    result = run_checks(seed_item, html=seed_html, second_opinion=second,
                        recorded_fingerprint=fingerprint(seed_html, extracted),
                        current_fingerprint=fingerprint(seed_html, seed_item))
    assert result == {c: "ok" for c in CHECKS}


def _plant(case: dict, item: dict, seed_html: str):
    item = copy.deepcopy(item)
    item.update(case.get("set", {}))
    for old, new in case.get("replace", []):
        hits = [i for i, p in enumerate(item["body"]) if old in p]
        assert hits, f"planting {case['name']}: {old!r} not in the body"
        item["body"][hits[0]] = item["body"][hits[0]].replace(old, new)
    for index, text in case.get("insert_body", []):
        item["body"].insert(index, text)
    if "keep_body" in case:
        item["body"] = item["body"][: case["keep_body"]]
    html = None
    if case.get("html") == "seed":
        html = seed_html
        for old, new in case.get("html_replace", []):
            assert old in html, f"planting {case['name']}: {old!r} not in the seed page"
            html = html.replace(old, new)
    return item, html


@pytest.mark.parametrize("case", PLANTED, ids=[c["name"] for c in PLANTED])
def test_planted_failure_is_caught(case, seed_item, seed_html):
    item, html = _plant(case, seed_item, seed_html)
    result = run_checks(item, html=html)
    _assert_only(result, case["fail"], item["url"])


def test_as_scraped_seed_text_fails_boilerplate_and_truncation(seed_item):
    lines = [l.strip() for l in AS_SCRAPED.read_text(encoding="utf-8").splitlines() if l.strip()]
    item = dict(seed_item, body=lines[3:])  # past the pixel/title, headline and dek lines
    result = run_checks(item)
    assert "sign-up modal" in result["boilerplate"] or "reCAPTCHA" in result["boilerplate"]
    assert "more)" in result["boilerplate"]  # many paragraphs of furniture, not one
    assert "more)" in result["truncation"]
    for check in ("headline", "authors", "body_length", "agreement", "template"):
        assert result[check] == "ok", check


def test_cut_end_is_fine_when_the_source_itself_was_cut(seed_item, seed_html):
    case = next(c for c in PLANTED if c["name"] == "cut-mid-sentence")
    item, _ = _plant(case, seed_item, seed_html)
    assert run_checks(item, source_complete=False)["truncation"] == "ok"
    assert "no terminal punctuation" in run_checks(item, source_complete=True)["truncation"]


def test_closing_quote_and_emoji_after_the_full_stop_are_complete(seed_item):
    body = seed_item["body"][:-1]
    for last in ("He said: “Ukraine will not surrender.”", "The bundle is 30% cheaper. 🎉",
                 "It ends here (for now.)"):
        assert run_checks(dict(seed_item, body=body + [last]))["truncation"] == "ok", last
    assert run_checks(dict(seed_item, body=body + ["He said: “Ukraine will not"]))["truncation"] != "ok"


def test_a_paragraph_cut_after_its_link_on_a_word_no_sentence_ends_on_is_truncation(seed_item):
    """A migration that kept no text after a paragraph's first inline element: the paragraph
    stops on "and" at the end of its link, no punctuation. A paragraph that ends on a link's
    words otherwise ("Read our full review") or a list item ending on "and" is no such sign."""
    body = seed_item["body"]
    cut, link_line = "Not everyone is convinced, and", "Read our full Hollow Crown review"

    def page(extra: str) -> str:
        return "<html><body><div>" + "".join(f"<p>{p}</p>" for p in body[:2]) + extra \
            + "".join(f"<p>{p}</p>" for p in body[2:]) + "</div></body></html>"
    item = dict(seed_item, body=body[:2] + [cut] + body[2:])
    found = run_checks(item, html=page('<p>Not everyone <a href="/t/x">is convinced, and</a></p>'))["truncation"]
    assert "'and' closing the paragraph's last <a>" in found and "paragraph 3" in found
    assert run_checks(item, html=page("<ul><li>Not everyone <a href=\"/t/x\">is convinced, and</a></li></ul>"))[
        "truncation"] == "ok"
    item = dict(seed_item, body=body[:2] + [link_line] + body[2:])
    assert run_checks(item, html=page(f'<p>Read our full <a href="/r">Hollow Crown review</a></p>'))[
        "truncation"] == "ok"


def test_last_list_item_is_exempt_only_when_the_page_shows_a_list(seed_item):
    body = seed_item["body"] + ["Launch the game and open the Codes tab"]
    html_list = ("<html><body><div>" + "".join(f"<p>{p}</p>" for p in seed_item["body"])
                 + "<ul><li>Launch the game and open the Codes tab</li></ul></div></body></html>")
    html_para = html_list.replace("<ul><li>", "<p>").replace("</li></ul>", "</p>")
    item = dict(seed_item, body=body)
    assert run_checks(item, html=html_list)["truncation"] == "ok"
    assert "no terminal punctuation" in run_checks(item, html=html_para)["truncation"]
    assert "no terminal punctuation" in run_checks(item)["truncation"]


def test_ordinary_prose_is_neither_a_hole_nor_boilerplate(seed_item):
    body = list(seed_item["body"])
    body[1] += (" The in-game store and the on-screen map were fixed. James’ s-shaped path"
                " and the by-election in 2024 drew the ’s crowd. “Why now?” she asked, e.g. in"
                " the 3 p.m. briefing. Images from the trailer show a city; he shared an image"
                " via Twitter.")
    result = run_checks(dict(seed_item, body=body))
    assert result["truncation"] == "ok" and result["boilerplate"] == "ok", result


def test_second_opinion_body_must_overlap(seed_item):
    lines = [l.strip() for l in AS_SCRAPED.read_text(encoding="utf-8").splitlines() if l.strip()][:25]
    other = dict(seed_item, body=lines)  # the modal text only: nothing like the article
    msg = run_checks(seed_item, second_opinion=other)["agreement"]
    assert "body word overlap" in msg and "second opinion" in msg
    assert run_checks(seed_item, second_opinion=dict(seed_item))["agreement"] == "ok"


def test_second_opinion_headline_must_agree_modulo_quotes_dashes_and_site_suffix(seed_item):
    same = dict(seed_item, headline='"Ukraine is ready to negotiate - but not to surrender": Rubio '
                                    "pulls out as peace talks falter")
    assert run_checks(seed_item, second_opinion=same)["agreement"] == "ok"
    other = dict(seed_item, headline="Recommended Videos")
    msg = run_checks(seed_item, second_opinion=other)["agreement"]
    assert "'Recommended Videos' (second opinion)" in msg


def test_empty_authors_fail_without_html_when_the_second_opinion_names_someone(seed_item):
    item = dict(seed_item, authors=[])
    assert "Jorge Aguilar" in run_checks(item, second_opinion=seed_item)["authors"]
    assert run_checks(item, second_opinion=dict(seed_item, authors=[]))["authors"] == "ok"


def test_template_needs_a_recording(seed_item, seed_html):
    assert run_checks(seed_item, html=seed_html)["template"] == "ok"
    recorded = fingerprint(seed_html, seed_item)
    renamed = seed_html.replace("wp-block-gamurs-article-metadata", "gm-byline")
    msg = run_checks(seed_item, html=renamed, recorded_fingerprint=recorded)["template"]
    assert msg.startswith(f"template: {seed_item['url']}: expected the recorded template, found authors:")
    assert ".gm-byline__name" in msg and ".wp-block-gamurs-article-metadata__name" in msg


# -- real pages from the simulator ------------------------------------------------------

def _by_kind(sim, site: str, *kinds: str) -> list[str]:
    urls = sim.article_urls(site)
    return [next(u for u in urls if sim.article(u).kind == k) for k in kinds]


def _run(sim, url: str, site: str, recorded: dict | None):
    html = sim.get(url)
    item = extract_article(html, url, site=site)
    return item, html, run_checks(item, html=html, second_opinion=extract_generic(html, url, site=site),
                                  recorded_fingerprint=recorded, current_fingerprint=fingerprint(html, item))


SITES = ("wegotthiscovered", "dotesports", "destructoid", "twinfinite", "primagames", "themarysue")


@pytest.mark.parametrize("site", SITES)
def test_healthy_simulator_articles_pass(sim, site):
    first, *others = _by_kind(sim, site, "news", "review", "coauthored", "guide")
    html = sim.get(first)
    recorded = fingerprint(html, extract_article(html, first, site=site))
    for url in others:
        _, _, result = _run(sim, url, site, recorded)
        assert result == {c: "ok" for c in CHECKS}, (url, result)


def test_staff_piece_names_no_person_so_tile_names_are_not_its_authors(sim):
    url, = _by_kind(sim, "twinfinite", "staff")
    html = sim.get(url)
    item = dict(extract_generic(html, url, site="twinfinite"), layout="gamurs-blocks")
    staff = dict(item, authors=[])
    assert run_checks(staff, html=html)["authors"] == "ok"
    tiles = dict(item, authors=["Quinn Nakamura", "Oscar Ferreira"])  # names on teaser tiles
    msg = run_checks(tiles, html=html)["authors"]
    assert "'By Twinfinite Staff'" in msg and "in no byline element" in msg


@pytest.mark.parametrize("site", ("wegotthiscovered", "destructoid"))
def test_redesign_and_broken_templates_are_caught(sim, site):
    url, other = _by_kind(sim, site, "news", "guide")
    html = sim.get(other)
    recorded = fingerprint(html, extract_article(html, other, site=site))
    try:
        sim.set_template(site, "redesign")
        _, _, result = _run(sim, url, site, recorded)
        assert result["template"] != "ok"
        for field in ("headline:", "authors:", "body:"):
            assert field in result["template"], (field, result["template"])
        sim.set_template(site, "broken")
        item, html, result = _run(sim, url, site, recorded)
        assert "body:" in result["template"]
        emptied = run_checks(dict(item, body=[]), html=html)  # what a DOM-only extractor returns
        assert emptied["body_length"].endswith("found 0 words in 0 paragraphs")
    finally:
        sim.reset()


def test_a_metadata_finding_is_drift_in_the_item_and_in_the_crawl_record():
    """The metadata check (another article's JSON-LD) is a drift check: the item's verdict
    and the crawl's page record agree that the page drifted, naming the headline column."""
    from pressguard.crawl.pages import page_from_item
    from pressguard.verdict import verdict_of

    checks = {name: "ok" for name in CHECKS}
    checks["metadata"] = ("metadata: https://example.com/a: expected the JSON-LD to describe the page's "
                          "article (headline), found the JSON-LD headline 'Other' for the headline 'Mine' "
                          "that og:title and the URL name")
    item = {"url": "https://example.com/a", "headline": "Mine", "body": ["x"], "checks": checks}
    assert verdict_of(checks) == "drift"
    record = page_from_item("example", item, changes=[], challenge=False)
    assert record["status"] == "drifted" and record["verdict"] == "drift"
    assert record["fields"]["headline"] == "drift"


_SEED_H1 = re.compile(r"(<h1 [^>]*>)[^<]*(</h1>)")


def _h1_as(seed_html: str, inner: str) -> str:
    out, n = _SEED_H1.subn(lambda m: m.group(1) + inner + m.group(2), seed_html)
    assert n == 1
    return out


def test_headline_lettered_as_an_image_is_the_heading_text(seed_item, seed_html):
    # a feature title set as artwork: the <h1> holds only an image whose alt is the title
    # (what a screen reader reads), so the page still shows the headline where it was
    alt = htmllib.escape(seed_item["headline"])
    art = _h1_as(seed_html, f'<a href="/feature/"><img class="title-art" src="/t.svg" alt="{alt}"></a>')
    recorded = fingerprint(seed_html, seed_item)
    result = run_checks(seed_item, html=art, recorded_fingerprint=recorded,
                        current_fingerprint=fingerprint(art, seed_item))
    assert result["headline"] == "ok" and result["template"] == "ok", result


def test_image_alt_is_no_heading_text_beside_text_or_elsewhere(seed_item, seed_html):
    alt = htmllib.escape(seed_item["headline"])
    # an alt that is not the title: the headline is shown nowhere
    other = _h1_as(seed_html, '<img src="/t.svg" alt="Our summer feature">')
    assert "shows nowhere" in run_checks(seed_item, html=other)["headline"]
    # a heading with text of its own: the image beside it is decoration, its alt no text
    beside = _h1_as(seed_html, f'Live <img src="/t.svg" alt="{alt}">')
    assert "shows nowhere" in run_checks(seed_item, html=beside)["headline"]
    # an image outside any heading: its alt is no text the page shows
    loose = _h1_as(seed_html, "").replace("<h1 ", f'<figure><img src="/t.svg" alt="{alt}"></figure><h1 ', 1)
    assert "shows nowhere" in run_checks(seed_item, html=loose)["headline"]


_SEED_BYLINE = re.compile(r'<div class="wp-block-gamurs-article-metadata__name">\s*<div data-author[^>]*>'
                          r'(<a [^>]*>[^<]*</a>)</div>\s*</div>')


def _byline_in(seed_html: str, wrapper: str) -> str:
    # wrapper: "<open tags>{}<close tags>" around the author link (no data-author, no byline class)
    out, n = _SEED_BYLINE.subn(lambda m: wrapper.format(m.group(1)), seed_html)
    assert n == 1
    return out


def test_byline_in_a_page_builder_widget_is_the_byline(seed_item, seed_html):
    # Elementor's "Post Info" widget: every block of its templates is an "elementor-widget",
    # the byline too; the names sit in an icon list, no "By"
    el = _byline_in(seed_html, '<div class="elementor-element elementor-widget elementor-widget-post-info">'
                               '<div class="elementor-widget-container"><ul class="elementor-icon-list-items">'
                               '<li class="elementor-icon-list-item"><span class="elementor-icon-list-text">{}'
                               '</span></li></ul></div></div>')
    assert run_checks(seed_item, html=el)["authors"] == "ok"


def test_names_only_in_a_sidebar_widget_are_no_byline(seed_item, seed_html):
    # a sidebar's widget ("widget widget_text"), naming the writer: furniture, not a byline
    side = _byline_in(seed_html, '<section class="widget widget_text"><div class="textwidget">'
                                 '<p>Our writers: <span>{}</span></p></div></section>')
    assert "no byline on the page" in run_checks(seed_item, html=side)["authors"]
    assert fp.furniture_words("widget widget_text") == {"widget"}
    assert fp.furniture_words("elementor-widget elementor-widget-post-info") == set()
    assert fp.furniture_words("elementor-widget elementor-widget-sidebar") == {"sidebar"}
