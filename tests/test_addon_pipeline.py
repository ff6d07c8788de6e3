"""pressguard.verdict.pipeline.HealthCheckPipeline: reading a project's items, keeping them intact."""

from __future__ import annotations

import dataclasses

import pytest
from scrapy import Spider
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from cassette_factory import article_html
from pressguard.scrapy.page_link import META_VERDICT, ledger_for
from pressguard.verdict.pipeline import HealthCheckPipeline

URL = "https://news.example/news/engines/"
MAPPING = {"headline": "title", "authors": "byline", "body": "content"}


class News(Spider):
    name = "news"


def pipeline(tmp_path, **settings) -> HealthCheckPipeline:
    crawler = get_crawler(News, {"PRESSGUARD_CASSETTES_DIR": str(tmp_path), **settings})
    crawler.spider = crawler._create_spider()
    crawler.stats.open_spider()
    return HealthCheckPipeline.from_crawler(crawler)


def page() -> HtmlResponse:
    return HtmlResponse(URL, body=article_html(canonical=URL).encode(), encoding="utf-8", request=Request(URL))


def test_string_fields_are_split_by_the_documented_rules(tmp_path):
    from itemadapter import ItemAdapter

    checker = pipeline(tmp_path, PRESSGUARD_FIELDS=MAPPING)
    item = {"title": "Engines", "byline": "Ada Lovelace and Charles Babbage; Mary Somerville & A. N. Other",
            "content": "First paragraph.\n\nSecond paragraph,\nthird line.\r\n  \n", "headline": "the kicker"}
    article = checker.article_of(ItemAdapter(item))
    assert article["headline"] == "Engines"  # the project's own `headline` field is not pressguard's
    assert article["authors"] == ["Ada Lovelace", "Charles Babbage", "Mary Somerville", "A. N. Other"]
    assert article["body"] == ["First paragraph.", "Second paragraph,", "third line."]
    assert checker.article_of(ItemAdapter({"link": URL, "headline": "x"})) is None  # headline maps to title


def test_unknown_field_names_are_refused_naming_them(tmp_path):
    with pytest.raises(ValueError, match=r"setting PRESSGUARD_FIELDS: byline, title not pressguard fields"):
        pipeline(tmp_path, PRESSGUARD_FIELDS={"title": "headline", "byline": "authors"})


@dataclasses.dataclass(frozen=True)
class Frozen:
    url: str
    title: str
    byline: str
    content: str


def test_a_frozen_item_is_passed_on_intact_with_its_verdict_beside_it(tmp_path):
    checker = pipeline(tmp_path, PRESSGUARD_FIELDS=MAPPING)
    response = page()
    body = "\n".join(" ".join(p.split()) for p in response.css(".article-body p").xpath("string()").getall())
    item = Frozen(URL, response.css("h1::text").get(), "Ada Lovelace", body)
    before = dataclasses.asdict(item)
    ledger_for(checker.crawler).link(item, response)
    assert checker.process_item(item) is item
    assert dataclasses.asdict(item) == before
    assert response.meta[META_VERDICT] == "healthy", response.meta
    stats = checker.crawler.stats.get_stats()
    assert stats["pressguard/verdict/healthy"] == 1 and stats["pressguard/verdict_not_in_item"] == 1


def test_a_dict_item_gets_checks_and_verdict_under_the_mapped_names(tmp_path):
    checker = pipeline(tmp_path, PRESSGUARD_FIELDS={**MAPPING, "checks": "qa", "verdict": "qa_verdict"})
    response = page()
    item = {"title": response.css("h1::text").get(), "byline": "Ada Lovelace",
            "content": "\n".join(" ".join(p.split()) for p in response.css(".article-body p").xpath("string()").getall())}
    ledger_for(checker.crawler).link(item, response)
    checker.process_item(item)
    assert item["qa_verdict"] == "healthy" and item["qa"]["body_length"] == "ok"
    assert "checks" not in item and "verdict" not in item


def test_an_item_with_no_page_is_counted_unchecked_not_lost(tmp_path):
    checker = pipeline(tmp_path)
    item = {"headline": "Yielded from start()", "body": ["No page behind it."]}
    assert checker.process_item(item) == {"headline": "Yielded from start()", "body": ["No page behind it."]}
    assert checker.crawler.stats.get_value("pressguard/unchecked") == 1
