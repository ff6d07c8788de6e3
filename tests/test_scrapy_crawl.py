"""`scrapy crawl <site> -a cassette=PATH -O out.jsonl`: the same replay, Scrapy's own way."""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = json.loads((ROOT / "tests" / "fixtures" / "seed" / "wgtc-article-expected.json").read_text())
SEED_CASSETTE = ROOT / "cassettes" / "wegotthiscovered" / (SEED["url"].rstrip("/").rsplit("/", 1)[-1] + ".yaml")


def test_seed_cassette_replays_through_scrapy_crawl_to_the_expected_article(scrapy_cli, tmp_path):
    out = tmp_path / "out.jsonl"
    result = scrapy_cli("crawl", "wegotthiscovered", "-a", f"cassette={SEED_CASSETTE}", "-O", out)
    assert result.returncode == 0, result.stderr[-2000:]
    (item,) = [json.loads(line) for line in out.read_text().splitlines()]
    for field in ("url", "site", "headline", "dek", "authors", "body"):
        assert item[field] == SEED[field], field
    assert item["layout"] == "gamurs-blocks"
    text = "\n".join(item["body"])
    assert not [s for s in SEED["must_not_contain"] if s in text]


def test_scrapy_crawl_exits_2_on_a_cassette_miss(scrapy_cli, tmp_path):
    cassette = tmp_path / "page.yaml"
    text = SEED_CASSETTE.read_text()
    # a recorded redirect whose target is not in the cassette
    cassette.write_text(text.replace("code: 200", "code: 301", 1).replace(
        "    headers:\n", "    headers:\n      Location:\n      - https://wegotthiscovered.com/elsewhere/\n", 2))
    result = scrapy_cli("crawl", "wegotthiscovered", "-a", f"cassette={cassette}", "-O", tmp_path / "o.jsonl")
    assert result.returncode == 2, result.stderr[-2000:]
    assert "https://wegotthiscovered.com/elsewhere/: not in cassette" in result.stderr


def test_scrapy_crawl_goes_on_past_a_corrupt_cassette_and_exits_2(scrapy_cli, tmp_path):
    import sys

    sys.path.insert(0, str(ROOT / "tests"))
    from cassette_factory import interaction, write_cassette

    folder = tmp_path / "c"
    write_cassette(folder / "a.yaml", interaction("https://example.com/news/a/"))
    (folder / "b.yaml").write_text("interactions: [\n")  # unreadable YAML
    write_cassette(folder / "c.yaml", interaction("not-a-url"))
    write_cassette(folder / "d.yaml", interaction("https://example.com/news/d/"))
    out = tmp_path / "out.jsonl"
    result = scrapy_cli("crawl", "generic", "-a", f"cassette={folder}", "-O", out)
    assert result.returncode == 2, result.stderr[-2000:]
    assert sorted(json.loads(line)["url"] for line in out.read_text().splitlines()) == [
        "https://example.com/news/a/", "https://example.com/news/d/"]
    assert f"{folder / 'b.yaml'}: unreadable YAML at line 2" in result.stderr
    assert f"{folder / 'c.yaml'}: its recorded URI 'not-a-url' is not an http(s) URL" in result.stderr
    assert "Traceback" not in result.stderr


def test_scrapy_crawl_names_a_url_that_is_not_one_and_fetches_the_rest(scrapy_cli, tmp_path):
    out = tmp_path / "out.jsonl"
    result = scrapy_cli("crawl", "generic", "-a", "url=not-a-url,https://example.com/news/a/", "-O", out)
    assert result.returncode == 2, result.stderr[-2000:]
    assert "not-a-url: not a URL Scrapy can fetch" in result.stderr
    # the second page was still asked for (and, in replay with no cassette, is a named miss)
    assert "https://example.com/news/a/: no cassette named for this request" in result.stderr
    assert "Traceback" not in result.stderr


def test_scrapy_crawl_names_a_page_over_the_budget_and_goes_on(scrapy_cli, tmp_path):
    import sys

    sys.path.insert(0, str(ROOT / "tests"))
    from cassette_factory import interaction, write_cassette

    deep = "<div>" * 6_000 + "<h1>Deep</h1>" + "</div>" * 6_000  # over the page budget
    write_cassette(tmp_path / "c" / "deep.yaml", interaction("https://example.com/news/deep/", body=deep))
    write_cassette(tmp_path / "c" / "fine.yaml", interaction("https://example.com/news/fine/"))
    out = tmp_path / "out.jsonl"
    result = scrapy_cli("crawl", "generic", "-a", f"cassette={tmp_path / 'c'}", "-O", out)
    assert result.returncode == 1, result.stderr[-2000:]
    assert "page too large: https://example.com/news/deep/: element nesting depth" in result.stderr
    assert [json.loads(line)["url"] for line in out.read_text().splitlines()] == ["https://example.com/news/fine/"]


def test_a_page_over_its_time_budget_is_a_named_failure(scrapy_cli, tmp_path):
    """A page that takes longer than PRESSGUARD_PAGE_SECONDS to assess is named, never a hang
    (a 0.1 ms budget: parsing a page twice, fingerprinting and checking it take longer)."""
    import sys

    sys.path.insert(0, str(ROOT / "tests"))
    from cassette_factory import interaction, write_cassette

    write_cassette(tmp_path / "c" / "page.yaml", interaction("https://example.com/news/page/"))
    result = scrapy_cli("crawl", "generic", "-a", f"cassette={tmp_path / 'c'}", "-s", "PRESSGUARD_PAGE_SECONDS=0.0001",
                        "-O", tmp_path / "out.jsonl")
    assert result.returncode == 1, result.stderr[-2000:]
    assert "page too slow: https://example.com/news/page/: assessing it took over 0.0001 s" in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "out.jsonl").read_text() == ""
