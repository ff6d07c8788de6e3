"""The fingerprint on real pages changed the way real templates change: cosmetic churn
(generated and utility classes, wrappers, AMP, attribute order, whitespace) is no change
at all; a structural change (a moved byline, a renamed block, a new container, a demoted
headline, another layout) is named with the field it touches.

Every change is a generic function (tests/template_transforms.py) applied to shipped
cassettes of several sites and both Destructoid layouts."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from pressguard.verdict.assess import TemplateBaseline, template_baseline
from pressguard.cassettes.store import find_cassettes
from pressguard.extract import extract_article
from pressguard.verdict.fingerprint import TextIndex, compare, fingerprint, parse
from shipped_pages import article_page
from template_transforms import CHURN, STRUCTURAL, Rewrite, body_in_main_section, css_modules, rewrite

ROOT = Path(__file__).resolve().parent.parent / "cassettes"
PAGES = (
    "wegotthiscovered/the-lantern-keepers-review-worth-the-wait",
    "dotesports/all-ashen-frontier-codes-august-2025",
    "twinfinite/cafe-lumiere-returns-zoe-rsteds-creme-brulee-event-brings-rewards",
    "siliconera/10-things-we-want-to-see-in-blade-of-the-ninth-moon-after-the-collectors-edition",
    "themarysue/all-crimson-arcana-codes-august-2025",
    "destructoid/starfall-tactics-review-worth-the-wait",  # destructoid2025
    "destructoid/starfall-tactics-review-worth-the-wait--gamurs-blocks",
)


@lru_cache(maxsize=None)
def _page(name: str) -> tuple[str, str, dict]:
    """(url, html, item) of a shipped cassette's article page."""
    url, html = article_page(name)
    return url, html, extract_article(html, url, site=name.split("/")[0])


def _fp(html: str, item: dict) -> dict:
    return fingerprint(html, item)


def _text(html: str) -> str:
    return TextIndex(parse(html)).full


def test_the_pages_exist_and_cover_both_destructoid_layouts():
    layouts = {_page(p)[2]["layout"] for p in PAGES}
    assert {"gamurs-blocks", "destructoid2025"} <= layouts
    assert len({p.split("/")[0] for p in PAGES}) >= 6


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("churn", sorted(CHURN) + ["body_in_main_section", "all_at_once"])
def test_cosmetic_churn_is_no_change(page, churn):
    url, html, item = _page(page)
    if churn == "body_in_main_section":
        changed = body_in_main_section(html, item)
    elif churn == "all_at_once":
        changed = body_in_main_section(html, item)
        for name in sorted(CHURN):
            changed = CHURN[name](changed)
    else:
        changed = CHURN[churn](html)
    assert changed != rewrite(html, Rewrite())  # the markup changed (serialised alike) ...
    assert _text(changed) == _text(html)  # ... and the text did not
    recorded, current = _fp(html, item), _fp(changed, item)
    assert compare(recorded, current) == [], [d["summary"] for d in compare(recorded, current)]
    assert compare(current, recorded) == []


@pytest.mark.parametrize("page", PAGES)
def test_the_next_css_modules_build_is_no_change(page):
    url, html, item = _page(page)
    build1, build2 = css_modules(html, build="1"), css_modules(html, build="2")
    assert build1 != build2
    assert compare(_fp(build1, item), _fp(build2, item)) == []


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("churn", ["css_modules", "tailwind", "wordpress_update", "wrapper_divs", "amp"])
def test_churned_page_matches_the_sites_recorded_cassettes(page, churn):
    """What the replay does: the churned page against the closest of the site's other
    recordings (not the page's own)."""
    url, html, item = _page(page)
    site = page.split("/")[0]
    others = [p for p in find_cassettes([ROOT / site]) if p.stem != page.split("/")[1]]
    baseline = TemplateBaseline(site, others)
    current = _fp(CHURN[churn](html), item)
    closest = baseline.closest(current)
    assert closest is not None and compare(closest, current) == []


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("change", sorted(STRUCTURAL))
def test_structural_change_is_named_with_its_field(page, change):
    url, html, item = _page(page)
    transform, field = STRUCTURAL[change]
    changed = transform(html, item)
    assert changed != rewrite(html, Rewrite())
    assert _text(changed) == _text(html) or change == "byline_below_body"
    diffs = compare(_fp(html, item), _fp(changed, item))
    entry = next((d for d in diffs if d["field"] == field), None)
    assert entry is not None, (field, [d["summary"] for d in diffs])
    assert entry["summary"].startswith(f"{field}: ")
    assert entry["appeared"] or entry["vanished"]
    if change == "body_container_renamed":
        assert ".article-body" in entry["appeared"]
        assert " became section.article-body" in entry["summary"]
        assert entry["summary"].startswith("body: container ")
    elif change == "byline_renamed":
        assert ".story-credit__person" in entry["appeared"]
        assert "story-credit__person" in entry["summary"]
    elif change == "body_in_new_container":
        assert entry["appeared"] == [".article-gate"] and entry["vanished"] == []
        assert entry["summary"].endswith("now inside div.article-gate")
    elif change == "byline_below_body":
        assert "place: after body" in entry["appeared"]
        assert "moved after body" in entry["summary"]
    elif change == "headline_demoted":
        assert "<h2>" in entry["appeared"] and "<h1>" in entry["vanished"]
    elif change == "paragraphs_as_divs":
        assert any(a.startswith("paragraph div.story-paragraph") for a in entry["appeared"])
        assert any(v.startswith("paragraph p") for v in entry["vanished"])
        assert " became div.story-paragraph" in entry["summary"]
    assert {d["field"] for d in diffs} <= {field, "published", "dek"}  # nothing unrelated


@pytest.mark.parametrize("slug", ["starfall-tactics-review-worth-the-wait",
                                  "rogue-circuit-the-photo-mode-confirmed-for-playstation-5",
                                  "all-project-lumen-codes-august-2025"])
def test_destructoid_layout_switch_reads_as_what_became_what(slug):
    new = _page(f"destructoid/{slug}")
    old = _page(f"destructoid/{slug}--gamurs-blocks")
    diffs = compare(_fp(old[1], old[2]), _fp(new[1], new[2]))
    page = next(d for d in diffs if d["field"] == "page")
    assert page["summary"].startswith("page: layout gamurs-blocks became destructoid2025")
    body = next(d for d in diffs if d["field"] == "body")
    assert body["summary"].startswith(
        "body: container div.entry-content.wp-block-gamurs-article-content became div.post-content")
    assert {d["field"] for d in diffs} >= {"page", "headline", "authors", "body"}


def test_template_check_passes_a_churned_page_against_the_shipped_baseline():
    """The page's verdict path: recorded baseline from cassettes/<site>/, churned page."""
    from pressguard.verdict.checks import run_checks

    url, html, item = _page("twinfinite/cafe-lumiere-returns-zoe-rsteds-creme-brulee-event-brings-rewards")
    changed = CHURN["wrapper_divs"](CHURN["tailwind"](CHURN["wordpress_update"](html)))
    current = _fp(changed, item)
    recorded = template_baseline(str(ROOT), "twinfinite").closest(current)
    assert run_checks(item, html=changed, recorded_fingerprint=recorded,
                      current_fingerprint=current)["template"] == "ok"


@pytest.mark.parametrize("page", [PAGES[0], PAGES[5]])
def test_a_page_nested_ten_thousand_divs_deep_fingerprints_the_same(page):
    """Anonymous nesting is churn too, at any depth, and must not recurse or walk to the
    root per question (benchmarks/fingerprint_depth.py times 100,000 levels; lexbor's own
    parse of such a page grows with depth squared, so the test stays at 10,000)."""
    url, html, item = _page(page)
    start = html.index(">", html.index("<body")) + 1
    end = html.rindex("</body>")
    depth = 10_000
    deep = html[:start] + "<div>" * depth + html[start:end] + "</div>" * depth + html[end:]
    tree = parse(deep)
    assert len(list(tree.css("div"))) > depth  # the parser kept the nesting
    assert compare(_fp(html, item), fingerprint(deep, item, tree=tree)) == []


@pytest.mark.parametrize("page", PAGES)
def test_a_renamed_byline_is_drift_against_the_sites_cassettes(page):
    """Through assess(), as replay runs it: the site's cassettes include pages without a
    byline (staff pieces), which must not vouch for a byline they never had."""
    from pressguard.verdict.assess import assess

    url, html, item = _page(page)
    site = page.split("/")[0]
    transform, field = STRUCTURAL["byline_renamed"]
    checked, _ = assess(transform(html, item), url, site=site, baseline=template_baseline(str(ROOT), site))
    assert all(checked[f] == item[f] for f in ("headline", "authors", "body"))
    assert checked["verdict"] == "drift", checked["checks"]
    assert "found authors: " in checked["checks"]["template"]


def _write_changed_cassette(src: Path, dest: Path, html: str) -> None:
    """src with its article page's body replaced by html (Content-Length to match)."""
    import yaml

    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    for interaction in reversed(data["interactions"]):
        response = interaction["response"]
        if 200 <= int(response["status"]["code"]) < 300:
            response["body"]["string"] = html
            for name in list(response["headers"]):
                if name.lower() == "content-length":
                    response["headers"][name] = [str(len(html.encode("utf-8")))]
            break
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_replay_through_scrapy_calls_churn_healthy_and_a_new_container_drift(cli, tmp_path):
    """The real path: `pressguard replay` (Scrapy engine, offline) of changed recordings of
    a page, with the site's shipped cassettes as the baseline."""
    import json
    import shutil

    page = "twinfinite/cafe-lumiere-returns-zoe-rsteds-creme-brulee-event-brings-rewards"
    url, html, item = _page(page)
    shutil.copytree(ROOT / "twinfinite", tmp_path / "cassettes" / "twinfinite")
    churned = html
    for name in ("wordpress_update", "tailwind", "css_modules", "wrapper_divs", "minify"):
        churned = CHURN[name](churned)
    src = ROOT / f"{page}.yaml"
    _write_changed_cassette(src, tmp_path / "changed" / "churn" / "twinfinite" / "page.yaml", churned)
    _write_changed_cassette(src, tmp_path / "changed" / "gate" / "twinfinite" / "page.yaml",
                            STRUCTURAL["body_in_new_container"][0](html, item))
    verdicts = {}
    for kind in ("churn", "gate"):
        result = cli("replay", f"changed/{kind}/twinfinite/page.yaml", "-o", f"{kind}.jsonl", offline=True)
        assert result.returncode == 0, (kind, result.stdout, result.stderr)
        out, = [json.loads(line) for line in (tmp_path / f"{kind}.jsonl").read_text().splitlines()]
        assert all(out[f] == item[f] for f in ("headline", "authors", "body")), kind
        verdicts[kind] = (out["verdict"], out["checks"]["template"])
    assert verdicts["churn"] == ("healthy", "ok")
    assert verdicts["gate"][0] == "drift"
    assert verdicts["gate"][1].endswith("found body: now inside div.article-gate")


def _minify(html: str) -> str:
    """What html-minifier-terser's removeOptionalTags and removeAttributeQuotes do to a page:
    </p> and </li> left off where the standard allows, values without spaces unquoted, and
    the document's </body></html> gone (scripts and styles kept as they are)."""
    import re

    out = []
    for n, chunk in enumerate(re.split(r"(<(?:script|style)\b.*?</(?:script|style)>)", html, flags=re.S | re.I)):
        if n % 2 == 0:
            chunk = re.sub(r"</p>(\s*)(?=<(?:p|div|h[1-6]|ul|ol|figure)\b|</(?:div|article|section)>)", r"\1", chunk)
            chunk = re.sub(r"</li>(\s*)(?=<li\b|</[ou]l>)", r"\1", chunk)
            chunk = re.sub(r"</body>\s*</html>\s*$", "", chunk, flags=re.I)
        chunk = re.sub(r"<[a-zA-Z][^<>]*>", lambda m: re.sub(
            r'(\s[\w:-]+)="([A-Za-z0-9_.:#-]+)"', r"\1=\2", m.group(0)), chunk)
        out.append(chunk)
    return "".join(out)


@pytest.mark.parametrize("page", [PAGES[0], PAGES[2], PAGES[5]])
def test_a_minified_page_without_its_optional_end_tags_is_the_same_page(page):
    """A minifier's document ends without </body></html>: every site's recorded pages end
    with them, yet this page is not cut off, and nothing about its fields is broken."""
    from pressguard.verdict.assess import assess

    url, html, item = _page(page)
    site = page.split("/")[0]
    minified = _minify(html)
    assert minified.rstrip().endswith("</script>") and ' class="' not in minified.split("<body")[0]
    out, _ = assess(minified, url, site=site, baseline=template_baseline(str(ROOT), site))
    assert {f: out[f] for f in ("headline", "authors", "body")} == {f: item[f] for f in ("headline", "authors", "body")}
    assert out["checks"]["completeness"] == "ok", out["checks"]["completeness"]
    assert out["verdict"] != "broken", out["checks"]


@pytest.mark.parametrize("page", [PAGES[0], PAGES[5]])
def test_a_quoted_page_cut_after_a_complete_tag_is_still_cut(page):
    """The origin's own (quoted) markup stopping after a complete tag, before </body>: the
    minifier's allowance needs the minifier's style, so this is still a cut document."""
    from pressguard.verdict.assess import assess

    url, html, item = _page(page)
    site = page.split("/")[0]
    cut = html[: html.rindex("</footer>") + len("</footer>")] if "</footer>" in html else \
        html[: html.rindex("</script>") + len("</script>")]
    out, _ = assess(cut, url, site=site, baseline=template_baseline(str(ROOT), site))
    assert "cut off" in out["checks"]["completeness"], out["checks"]["completeness"]
