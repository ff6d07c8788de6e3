"""A response whose Content-Type is no page a browser renders (a server whose MIME mapping
lost its HTML entry serves the same bytes as text/plain): the verdict is broken, naming the
fields, though every field extracts from the unchanged bytes. Through assess (the real path),
on shipped pages, with the same bytes served as HTML as the control."""

from __future__ import annotations

import pytest
from shipped_pages import CASSETTES, article_page

from pressguard.extract.decoding import not_rendered
from pressguard.verdict.assess import assess, template_baseline

NAME = "wegotthiscovered/the-lantern-keepers-review-worth-the-wait"


def _assess(content_type):
    url, html = article_page(NAME)
    site = NAME.split("/")[0]
    item, _fp = assess(html.encode("utf-8"), url, site=site, content_type=content_type,
                       baseline=template_baseline(str(CASSETTES), site))
    return item


@pytest.mark.parametrize("content_type", ["text/plain; charset=UTF-8", b"application/json",
                                          "application/octet-stream"])
def test_the_page_served_as_another_type_is_broken_naming_the_fields(content_type):
    item = _assess(content_type)
    assert item["headline"] and item["body"]  # the bytes still extract
    assert item["verdict"] == "broken"
    message = item["checks"]["markers"]
    assert message.startswith("markers: ") and "headline, body" in message
    assert "Content-Type " + not_rendered(content_type) in message


@pytest.mark.parametrize("content_type", [None, "text/html; charset=UTF-8", b"TEXT/HTML",
                                          "application/xhtml+xml", "", "unknown/unknown"])
def test_the_page_served_as_html_or_with_a_type_to_sniff_is_not(content_type):
    item = _assess(content_type)
    assert item["checks"]["markers"] == "ok"
    assert item["verdict"] != "broken"
