"""pressguard.Addon in a plain Scrapy project whose spider is not pressguard's.

tests/fixtures/addon_project is such a project: scrapy.cfg, settings with the ADDONS
line and a field mapping, and a CSS-selector spider that reads a listing page on the
loopback pages server and follows it to two article pages. Every crawl here is a real
`scrapy crawl` subprocess in that project; replays run with every socket refused.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from pages_server import PagesServer

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "addon_project"
ARTICLES = {"/news/engines/": "Engines of the future", "/news/looms/": "Looms and punched cards"}
STAND_IN = "newsproj test stand-in"
# the listing links to the looms article by an old address that redirects to it
LINKS = ["/news/engines/", "/news/old-looms/"]
# Runs `scrapy ARGS`, with every outbound connection (loopback too) refused when asked.
SCRAPY = (
    "import sys\n"
    "if sys.argv[1] == 'offline':\n"
    "    from pressguard.cassettes.network_block import block_network\n"
    "    block_network()\n"
    "from scrapy.cmdline import execute\n"
    "execute(['scrapy', *sys.argv[2:]])\n"
)


def scrapy(cwd: Path, *args, offline: bool = True) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items()
           if k.lower() not in ("http_proxy", "https_proxy") and not k.startswith("SCRAPY_")}
    return subprocess.run([sys.executable, "-c", SCRAPY, "offline" if offline else "online", *map(str, args)],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def items_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def listing(links) -> bytes:
    anchors = "".join(f'<li><a class="story" href="{href}">{href}</a></li>' for href in links)
    return f"<!DOCTYPE html><html><body><h1>News</h1><ul>{anchors}</ul></body></html>".encode()


@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    """The fixture project after `scrapy crawl news -s PRESSGUARD_MODE=record`, server gone."""
    project = tmp_path_factory.mktemp("recorded") / "newsproj"
    shutil.copytree(FIXTURE, project)
    with PagesServer() as server:
        (project / "newsproj" / "site_base.py").write_text(f"BASE = {server.base!r}\n")
        server.add("/news/", (200, {"Content-Type": "text/html; charset=utf-8"}, listing(LINKS)))
        server.add("/news/old-looms/", (301, {"Location": f"{server.base}/news/looms/"}, b""))
        for path, title in ARTICLES.items():
            # the engines page comes from a stand-in that names itself, as serve_site.py does
            stand_in = {"X-Pressguard-Simulator": STAND_IN} if path == "/news/engines/" else {}
            server.article(path, title, **stand_in)
        result = scrapy(project, "crawl", "news", "-s", "PRESSGUARD_MODE=record",
                        "-o", "recorded.jsonl", offline=False)
        hits = dict(server.hits)
    return project, server.base, result, hits


@pytest.fixture
def project(recorded, tmp_path) -> tuple[Path, str]:
    """A fresh copy of the recorded project for one test: (its folder, the base URL it recorded)."""
    source, base, result, _hits = recorded
    assert result.returncode == 0, result.stderr[-3000:]
    copy = tmp_path / "newsproj"
    shutil.copytree(source, copy)
    return copy, base


def test_record_writes_one_cassette_per_page_under_the_project_root(recorded):
    project, base, result, hits = recorded
    assert result.returncode == 0, result.stderr[-3000:]
    assert hits.get("/robots.txt") == 1  # the project's ROBOTSTXT_OBEY is kept live ...
    cassettes = sorted(p.relative_to(project).as_posix() for p in project.rglob("*.yaml"))
    # ... and robots.txt is not a page
    assert cassettes == ["cassettes/news/engines.yaml", "cassettes/news/news.yaml", "cassettes/news/old-looms.yaml"]
    text = (project / "cassettes/news/old-looms.yaml").read_text()  # the page, its redirect hop included
    assert f"uri: {base}/news/old-looms/" in text and f"uri: {base}/news/looms/" in text
    assert "code: 301" in text and "Looms and punched cards" in text


def test_a_cassette_from_a_stand_in_server_names_that_server(recorded):
    project, base, result, hits = recorded
    assert result.returncode == 0, result.stderr[-3000:]
    metadata = {name: yaml.safe_load((project / f"cassettes/news/{name}.yaml").read_text())["metadata"]["pressguard"]
                for name in ("engines", "news")}
    host = base.split("://", 1)[1]
    assert metadata["engines"]["source"] == "simulator"
    assert metadata["engines"]["note"] == (
        f"Recorded from {STAND_IN!r} on {host}, a local stand-in for the live site (it says so in its "
        "X-Pressguard-Simulator header); not a capture of the real publisher.")
    assert "pressguard publisher simulator" not in metadata["engines"]["note"]
    assert metadata["news"]["source"] == "live" and "note" not in metadata["news"]  # no header: said live


def test_plain_scrapy_crawl_replays_offline_with_the_same_items_and_verdicts(project):
    folder, base = project
    # from a subfolder: the cassettes are the project's, found through scrapy.cfg
    result = scrapy(folder / "newsproj", "crawl", "news", "-o", "../replayed.jsonl")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "network blocked" not in result.stderr and "Error downloading" not in result.stderr
    recorded, replayed = items_of(folder / "recorded.jsonl"), items_of(folder / "replayed.jsonl")
    key = lambda item: json.dumps(item, sort_keys=True)  # noqa: E731
    assert sorted(map(key, replayed)) == sorted(map(key, recorded))
    articles = sorted((i for i in replayed if "title" in i), key=lambda i: i["url"])
    links = [i for i in replayed if "link" in i]
    assert [a["title"] for a in articles] == ["Engines of the future", "Looms and punched cards"]
    for article in articles:  # the project's field names kept, pressguard's results added
        assert set(article) == {"url", "title", "byline", "content", "checks", "verdict"}, article
        assert article["verdict"] == "healthy", article["checks"]
        assert article["byline"] == "Ada Lovelace" and article["checks"]["body_length"] == "ok"
    assert sorted(links, key=key) == [{"link": f"{base}{path}"} for path in LINKS]  # untouched
    assert "'pressguard/replayed': 4" in result.stderr  # three pages, one of them through a redirect


def test_the_field_mapping_decides_what_is_an_article(project):
    folder, base = project
    result = scrapy(folder, "crawl", "news", "-s", "PRESSGUARD_FIELDS={}", "-o", "out.jsonl")
    assert result.returncode == 0, result.stderr[-3000:]
    # pressguard's own names (headline, body) are not this project's: nothing checked
    assert not [item for item in items_of(folder / "out.jsonl") if "checks" in item]
    bad = scrapy(folder, "crawl", "news", "-s", 'PRESSGUARD_FIELDS={"title": "headline"}')
    assert bad.returncode != 0
    assert "setting PRESSGUARD_FIELDS: title not pressguard fields" in bad.stderr


def test_a_url_in_two_cassettes_fails_naming_both_unless_one_is_chosen(project):
    folder, base = project
    first = folder / "cassettes/news/old-looms.yaml"
    second = first.with_name("old-looms-redesign.yaml")
    second.write_text(first.read_text().replace("Looms and punched cards", "Looms, the second take!"))
    result = scrapy(folder, "crawl", "news", "-o", "out.jsonl")
    assert result.returncode == 2, result.stderr[-3000:]
    assert (f"{base}/news/old-looms/: recorded in 2 cassettes, {second} and {first}; "
            "pass -a cassette=PATH to choose the one to replay") in result.stderr
    assert [i["title"] for i in items_of(folder / "out.jsonl") if "title" in i] == ["Engines of the future"]

    chosen = scrapy(folder, "crawl", "news", "-a", f"cassette={second}", "-o", "chosen.jsonl")
    assert chosen.returncode == 0, chosen.stderr[-3000:]
    titles = sorted(i["title"] for i in items_of(folder / "chosen.jsonl") if "title" in i)
    assert titles == ["Engines of the future", "Looms, the second take!"]


def test_a_page_in_no_cassette_fails_loudly_and_opens_no_socket(project):
    folder, base = project
    (folder / "cassettes/news/old-looms.yaml").unlink()
    result = scrapy(folder, "crawl", "news", "-o", "out.jsonl")
    assert result.returncode == 2, result.stderr[-3000:]
    assert (f"{base}/news/old-looms/: no cassette named for this request and none of the 2 cassettes in "
            f"{folder / 'cassettes' / 'news'} recorded it (replay never uses the network); record the crawl "
            "with `scrapy crawl news -s PRESSGUARD_MODE=record`") in result.stderr
    assert "network blocked" not in result.stderr  # refused by the handler, not by the socket guard
    assert [i["title"] for i in items_of(folder / "out.jsonl") if "title" in i] == ["Engines of the future"]


def test_an_item_class_without_room_for_the_verdict_keeps_its_fields(project):
    folder, base = project
    result = scrapy(folder, "crawl", "news", "-a", "kind=item", "-o", "out.jsonl")
    assert result.returncode == 0, result.stderr[-3000:]
    articles = [i for i in items_of(folder / "out.jsonl") if "title" in i]
    assert len(articles) == 2 and all(set(a) == {"url", "title", "byline", "content"} for a in articles)
    assert "'pressguard/verdict/healthy': 2" in result.stderr
    assert f"{base}/news/looms/: verdict healthy (kept in the stats and the log" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_body_cut_by_a_template_change_is_broken_naming_the_body(project):
    folder, base = project
    cassette = folder / "cassettes/news/old-looms.yaml"
    text = cassette.read_text()
    # the redesign moves the article's second half out of the container the spider reads
    changed = text.replace("<p>The third paragraph", '</div><div class="article-more"><p>The third paragraph')
    assert changed != text
    cassette.write_text(changed)
    result = scrapy(folder, "crawl", "news", "-o", "out.jsonl")
    assert result.returncode == 1, result.stderr[-3000:]
    looms = next(i for i in items_of(folder / "out.jsonl") if i.get("url") == f"{base}/news/looms/")
    assert looms["verdict"] == "broken"
    failing = {name: message for name, message in looms["checks"].items() if message != "ok"}
    # the checks that judge the body say so, by pressguard's name and the project's, and what went missing
    assert failing["completeness"].startswith(
        f"completeness: {base}/news/looms/: expected body (item field 'content'): "), failing
    assert "The third paragraph" in failing["completeness"]
    assert "body (item field 'content') paragraphs" in failing["body_length"]
    # one ERROR line, each failing check's message once (not "body_length: body_length: ...")
    assert f"ERROR: {base}/news/looms/: broken: {failing['body_length']}; " in result.stderr, result.stderr[-3000:]


def test_pressguard_replay_in_the_project_replays_through_its_spider(project):
    folder, base = project
    orphan = folder / "cassettes/news/orphan.yaml"
    # a page the spider never links to (same length: the recorded Content-Length still holds)
    orphan.write_text((folder / "cassettes/news/engines.yaml").read_text().replace("/news/engines/", "/news/enginez/"))
    result = subprocess.run([sys.executable, str(Path(__file__).parent / "offline_cli.py"), "replay",
                             "cassettes/news/", "--report", "report.json"],
                            cwd=folder, capture_output=True, text=True, timeout=120)
    report = {Path(r["cassette"]).name: r for r in json.loads((folder / "report.json").read_text())}
    assert sorted(report) == ["engines.yaml", "news.yaml", "old-looms.yaml", "orphan.yaml"], result.stdout
    for name in ("engines.yaml", "old-looms.yaml"):
        assert report[name]["item"]["verdict"] == "healthy", report[name]
        assert report[name]["item"]["title"]
    assert "not reached by spider news's crawl" in report["orphan.yaml"]["error"]
    # the listing led to the two stories: a result of its own, not a failure
    assert report["news.yaml"]["kind"] == "listing" and report["news.yaml"]["error"] is None, report["news.yaml"]
    assert report["news.yaml"]["led_to"] == 2 and report["news.yaml"]["url"] == f"{base}/news/"
    assert result.returncode == 1, result.stdout + result.stderr  # the orphan


def offline_replay(folder: Path, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(Path(__file__).parent / "offline_cli.py"), "replay", *args],
                          cwd=folder, capture_output=True, text=True, timeout=120)


def test_pressguard_replay_of_a_project_folder_names_its_listing_page_and_passes(project):
    folder, base = project
    result = offline_replay(folder, "cassettes/news/")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert f"LIST cassettes/news/news.yaml  led to 2 pages  {base}/news/" in lines, result.stdout
    assert not [line for line in lines if line.startswith("FAIL")], result.stdout
    assert ("replayed 3 cassettes: 2 articles, 1 listings, 0 failing, 0 drifted; "
            "3 results (2 articles, 1 listings, 0 named failures)") in lines, result.stdout


def test_pressguard_replay_refuses_a_bad_field_mapping_in_one_line(project):
    folder, base = project
    with (folder / "newsproj" / "settings.py").open("a") as settings:
        settings.write('PRESSGUARD_FIELDS = {"title": "headline"}\n')
    result = offline_replay(folder, "cassettes/news/", "-o", "out.jsonl")
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.strip() == (
        "pressguard replay: setting PRESSGUARD_FIELDS: title not pressguard fields; map these: url, headline, "
        "dek, authors, published, body, checks, verdict; fix it in the project's settings.py"), result.stderr
    assert not (folder / "out.jsonl").exists()


def test_an_article_page_that_stops_giving_an_item_still_fails(project):
    folder, base = project
    cassette = folder / "cassettes/news/engines.yaml"
    text = cassette.read_text()
    # a redesign renames what the spider reads (same length: the Content-Length holds):
    # its callback now yields an item with no title and no content, and no request
    changed = text.replace("<h1>", "<h6>").replace("</h1>", "</h6>").replace("article-body", "article-main")
    assert changed != text
    cassette.write_text(changed)
    result = offline_replay(folder, "cassettes/news/", "--report", "report.json")
    assert result.returncode == 1, result.stdout + result.stderr
    report = {Path(r["cassette"]).name: r for r in json.loads((folder / "report.json").read_text())}
    assert report["engines.yaml"]["kind"] == "failure" and report["engines.yaml"]["item"] is None
    assert ("cassettes/news/engines.yaml: its page (HTTP 200) gave no item with article fields (headline or "
            "body) and no request to follow in spider news's crawl") in report["engines.yaml"]["error"]
    assert report["news.yaml"]["kind"] == "listing"
    assert "replayed 3 cassettes: 1 articles, 1 listings, 1 failing" in result.stdout, result.stdout


def test_pressguard_replay_reports_the_verdict_an_item_class_could_not_hold(project):
    folder, base = project
    with (folder / "newsproj" / "settings.py").open("a") as settings:
        settings.write('NEWS_ITEM_KIND = "item"\n')
    result = subprocess.run([sys.executable, str(Path(__file__).parent / "offline_cli.py"), "replay",
                             "cassettes/news/engines.yaml", "cassettes/news/old-looms.yaml", "-o", "out.jsonl"],
                            cwd=folder, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    items = items_of(folder / "out.jsonl")  # the articles: the listing's link items are not pages
    assert sorted((i["title"], i["verdict"]) for i in items) == [
        ("Engines of the future", "healthy"), ("Looms and punched cards", "healthy")]
    assert all(set(i) == {"url", "title", "byline", "content", "checks", "verdict"} for i in items)


def test_a_page_over_the_time_budget_is_named_and_its_item_kept_unchecked(project):
    folder, base = project
    # no machine checks a page within 0.1 ms: the budget, not the speed, decides
    result = scrapy(folder, "crawl", "news", "-s", "PRESSGUARD_PAGE_SECONDS=0.0001", "-o", "out.jsonl")
    assert result.returncode == 1, result.stderr[-3000:]
    for path in ("/news/engines/", "/news/looms/"):
        assert (f"ERROR: page too slow: {base}{path}: assessing it took over 0.0001 s "
                "(the page time budget, setting PRESSGUARD_PAGE_SECONDS)") in result.stderr
    assert "Traceback" not in result.stderr
    articles = [i for i in items_of(folder / "out.jsonl") if "title" in i]
    assert len(articles) == 2 and not [a for a in articles if "verdict" in a]
