"""The on-disk format: vcrpy's, with readable literal-block bodies, atomic writes, scrubbing."""

import random

import pytest
import yaml
from vcr.request import Request
from vcr.serializers import yamlserializer

from pressguard.cassettes.format import (
    LiteralBlockSerializer,
    AtomicFilesystemPersister,
    scrub_request,
    scrub_response,
    scrub_url,
)

PIECES = ["a", " ", "\n", "\t", "<p>", "é", "“", "😀", "  \n", "\n\n", " #", ": ", "- ", "|", ">", "'", '"',
          "\r", "\x00", "\u2028", "\ufeff", "%", "\n\t", "\n  ", "\x85"]


def test_any_text_round_trips_through_vcrpys_own_loader():
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 16)))
        dumped = LiteralBlockSerializer.serialize({"body": {"string": text}})
        assert yamlserializer.deserialize(dumped) == {"body": {"string": text}}, repr(text)


def test_html_with_trailing_spaces_is_a_literal_block_one_line_per_line():
    html = "<html>  \n<body>\n  <p>Hello “world”</p>\t\n</body>\n</html>\n"
    dumped = LiteralBlockSerializer.serialize({"string": html})
    assert dumped.startswith("string: |")
    assert "  <p>Hello “world”</p>\t\n" in dumped  # unescaped, one source line per line


def test_control_characters_stay_exact_in_a_quoted_string():
    text = "line one\r\nline two\x00\n"
    dumped = LiteralBlockSerializer.serialize({"s": text})
    assert "|" not in dumped.split(":", 1)[1][:3]
    assert yaml.safe_load(dumped) == {"s": text}


def test_failed_save_keeps_the_old_cassette_and_leaves_no_temp_file(tmp_path):
    path = tmp_path / "site" / "page.yaml"
    AtomicFilesystemPersister.save_cassette(path, {"requests": [], "responses": []}, LiteralBlockSerializer)
    before = path.read_text()

    class Exploding:
        @staticmethod
        def serialize(data):
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        AtomicFilesystemPersister.save_cassette(path, {"requests": [], "responses": []}, Exploding)
    assert path.read_text() == before
    assert [p.name for p in path.parent.iterdir()] == ["page.yaml"]


def test_scrub_request_drops_credentials_and_token_parameters():
    request = Request(
        "GET",
        "https://example.com/news/a/?page=2&access_token=SECRET&author=jo&X-Amz-Signature=SIG",
        None,
        {"Cookie": "sid=SECRET", "Authorization": "Bearer SECRET", "Referer": "https://example.com/?token=SECRET&q=1",
         "Accept": "text/html"},
    )
    scrubbed = scrub_request(request)
    assert "SECRET" not in scrubbed.uri and "SIG" not in scrubbed.uri
    assert dict(scrubbed.query) == {"page": "2", "author": "jo"}
    assert "Cookie" not in scrubbed.headers and "Authorization" not in scrubbed.headers
    assert scrubbed.headers["Referer"] == "https://example.com/?q=1"
    assert scrubbed.headers["Accept"] == "text/html"


def test_scrub_response_drops_set_cookie_and_stores_the_body_decoded():
    import gzip

    body = "<p>café</p>".encode()
    response = {
        "status": {"code": 301, "message": "Moved"},
        "headers": {"Set-Cookie": ["sid=SECRET"], "Content-Encoding": ["gzip"], "Transfer-Encoding": ["chunked"],
                    "Location": ["https://example.com/b/?session=SECRET"]},
        "body": {"string": gzip.compress(body)},
    }
    scrubbed = scrub_response(response)
    assert scrubbed["body"]["string"] == body
    assert {k.lower() for k in scrubbed["headers"]} == {"content-length", "location"}
    assert scrubbed["headers"]["Location"] == ["https://example.com/b/"]
    assert scrubbed["headers"]["Content-Length"] == [str(len(body))]


def test_scrub_url_keeps_ordinary_parameters():
    assert scrub_url("https://e.com/a?utm_source=x&page=3") == "https://e.com/a?utm_source=x&page=3"
    assert scrub_url("https://e.com/a?api_key=K&page=3") == "https://e.com/a?page=3"
