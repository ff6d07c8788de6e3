"""Every simulated article, extracted, equals the simulator's truth.

The publisher simulator knows what each of its ~30 articles per site says (headline, dek,
authors, body paragraphs); the extractor must return exactly that for every site in its
default template, and for Destructoid in the shared-blocks layout it used before 2025.
Kind "seed" is left out here: its truth is tests/fixtures/seed/ (test_extract_seed.py).

Two places where the truth is worth a word, both checked against the rendered page:
- Reviews: the body's "Verdict" subheading (``<h2 class="wp-block-heading">`` inside the
  article content, before the review box) is article text and is expected; the review
  box's own "Verdict"/"Pros"/"Cons" labels are not.
- Staff pieces: the byline names only the site ("By Twinfinite Staff"), so authors is
  [], although tiles of other articles, the JSON-LD publisher and <meta name=author> name
  people or the site elsewhere on the page.

Pages are rendered once per module through the simulator's proxy (about 330 pages).
"""

from __future__ import annotations

import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from pressguard.extract import extract_article
from pressguard.sim import Simulator
from pressguard.sites import SITES

FIELDS = ("headline", "authors", "dek", "body")
# (site, template version): every site in its default template, Destructoid also before 2025
CASES = [(name, None) for name in SITES] + [("destructoid", "gamurs-blocks")]


def _truth(article) -> dict:
    return {"headline": article.headline, "dek": article.dek,
            "authors": [p.name for p in article.authors],  # staff piece: () -> []
            "body": article.expected_body()}


@pytest.fixture(scope="module")
def corpus() -> dict:
    """{(site, version): [(url, kind, html bytes, truth), ...]}"""
    out: dict = {}
    with Simulator() as sim:
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({"http": sim.proxy_url}))

        def fetch(url: str) -> bytes:
            with opener.open(url.replace("https://", "http://"), timeout=30) as resp:
                return resp.read()

        for site, version in CASES:
            if version:
                sim.set_template(site, version)
            arts = [sim.article(u) for u in sim.article_urls(site)]
            arts = [a for a in arts if a.kind != "seed"]
            with ThreadPoolExecutor(4) as pool:
                pages = list(pool.map(fetch, [a.url for a in arts]))
            out[(site, version)] = [(a.url, a.kind, html, _truth(a)) for a, html in zip(arts, pages)]
            if version:
                sim.reset()
    return out


def _mismatches(item: dict, truth: dict) -> list[str]:
    out = []
    for field in FIELDS:
        got, want = item[field], truth[field]
        if got == want:
            continue
        if field == "body":
            extra = [p[:70] for p in got if p not in want]
            missing = [p[:70] for p in want if p not in got]
            out.append(f"body: extra {extra[:3]} missing {missing[:3]} "
                       f"({len(got)} paragraphs, want {len(want)})")
        else:
            out.append(f"{field}: got {got!r}, want {want!r} "
                       f"(from {item['provenance'][field]})")
    return out


@pytest.mark.parametrize("site,version", CASES,
                         ids=[f"{s}-{v}" if v else s for s, v in CASES])
def test_site_extracts_exactly(corpus, site, version):
    pages = corpus[(site, version)]
    assert len(pages) >= 25, f"{site}: only {len(pages)} articles"
    kinds = {kind for _, kind, _, _ in pages}
    assert {"news", "guide", "review", "coauthored", "staff", "long", "unicode", "listicle"} <= kinds
    failures = []
    for url, kind, html, truth in pages:
        item = extract_article(html, url, site=site)
        if version:
            assert item["layout"] == version
        problems = _mismatches(item, truth)
        if problems:
            failures.append(f"{url} [{kind}]\n    " + "\n    ".join(problems))
    assert not failures, f"{len(failures)} of {len(pages)} pages differ:\n" + "\n".join(failures)


def test_corpus_covers_the_hard_cases(corpus):
    """The two cases this file exists for are really in the pages, as described above."""
    reviews = [(html, truth) for pages in corpus.values() for _, kind, html, truth in pages
               if kind == "review"]
    assert len(reviews) == len(CASES)
    for html, truth in reviews:
        assert "Verdict" in truth["body"]
        page = html.decode("utf-8")
        heading = page.index('id="h-verdict">Verdict</h2>')
        content = max(page.rfind('class="entry-content', 0, heading), page.rfind('class="post-content', 0, heading))
        box = max(page.find('class="wp-block-gamurs-review-summary"'), page.find('class="review-box"'))
        assert 0 < content < heading < box, "the Verdict subheading sits in the body, before the box"
    staff = [(site, html, truth) for (site, _), pages in corpus.items()
             for _, kind, html, truth in pages if kind == "staff"]
    assert len(staff) == len(CASES)
    for site, html, truth in staff:
        assert truth["authors"] == []
        page = html.decode("utf-8")
        # the page does name people, in other articles' tiles and cards
        others = {p for pages in corpus.values() for _, _, _, t in pages for p in t["authors"]}
        assert sum(name in page for name in others) >= 2, site
