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


def _chunked(body: bytes, size: int) -> bytes:
    out = bytearray()
    for at in range(0, len(body), size):
        chunk = body[at:at + size]
        out += f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    return bytes(out + b"0\r\n\r\n")


def _assess_bytes(body: bytes):
    url, _html = article_page(NAME)
    site = NAME.split("/")[0]
    item, _fp = assess(body, url, site=site, content_type="text/html; charset=UTF-8",
                       baseline=template_baseline(str(CASSETTES), site))
    return item


@pytest.mark.parametrize("size", [4096, 8000])
def test_a_page_still_chunk_framed_is_broken_naming_the_body(size):
    # a proxy that chunk-encoded a response already chunked: one framing stays in the page
    _url, html = article_page(NAME)
    item = _assess_bytes(_chunked(html.encode("utf-8"), size))
    assert item["verdict"] == "broken"
    assert item["checks"]["markers"].startswith("markers: ")
    assert "body: " in item["checks"]["markers"] and f"chunk size '{size:x}'" in item["checks"]["markers"]


def test_a_page_that_opens_with_a_number_line_is_not_chunk_framed():
    _url, html = article_page(NAME)
    # a number and a line break before the doctype, but no size line it confirms
    item = _assess_bytes(b"1000\r\n" + html.encode("utf-8"))
    assert item["checks"]["markers"] == "ok"
