"""The one decoding policy: page bytes -> text, for extraction, fingerprint and checks.

In order: a byte-order mark; the charset of the HTTP Content-Type header, when the
page was served with one (decoded by w3lib, as Scrapy's response.text is, so a page
labelled only in its header is never read as something else); valid UTF-8 (legacy
encodings almost never form valid UTF-8, and pages mislabelled in <meta> abound);
the <meta charset>; cp1252. Never raises.
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

from w3lib.encoding import html_to_unicode, http_content_type_encoding

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_UTF8 = frozenset({"utf-8", "ascii"})


def _header_encoding(content_type: str | bytes | None) -> str | None:
    if isinstance(content_type, bytes):
        content_type = content_type.decode("latin-1")
    return http_content_type_encoding(content_type) if content_type else None


@lru_cache(maxsize=256)  # a crawl sees a handful of Content-Type values
def header_charset(content_type: str | bytes | None) -> str | None:
    """The codec the Content-Type header names (canonical name), None when it names none."""
    declared = _header_encoding(content_type) if content_type is not None else None
    return _canonical(declared) if declared else None


# Media types a browser shows as a page: HTML, and XML (an XHTML document served as XML
# renders as one). No type, or one saying it is unknown, is sniffed: the page renders.
_RENDERED = frozenset({"text/html", "application/xhtml+xml", "application/xml", "text/xml"})
_SNIFFED = frozenset({"", "unknown/unknown", "application/unknown", "*/*"})


@lru_cache(maxsize=256)
def not_rendered(content_type: str | bytes | None) -> str | None:
    """The media type of a Content-Type a browser does not render as a page (text/plain shows
    the source as text, JSON as data, octet-stream is downloaded), else None: a server whose
    MIME mapping lost its HTML entry serves the same bytes that no reader sees as an article."""
    if content_type is None:
        return None
    if isinstance(content_type, bytes):
        content_type = content_type.decode("latin-1")
    essence = content_type.split(";", 1)[0].strip().lower()
    if essence in _RENDERED or essence in _SNIFFED or essence.endswith("+xml") or "/" not in essence:
        return None
    return essence


# A chunk's size line: hexadecimal digits (an extension after ";" allowed), then CRLF
_CHUNK_SIZE = {bytes: re.compile(rb"([0-9A-Fa-f]{1,8})(?:;[^\r\n]{0,64})?\r\n"),
               str: re.compile(r"([0-9A-Fa-f]{1,8})(?:;[^\r\n]{0,64})?\r\n")}


def chunk_framing(raw: str | bytes | None) -> str | None:
    """The first size line when the document still carries HTTP chunked framing, else None: it
    opens with a chunk's size line and the next size line stands exactly that many bytes later
    (a proxy that chunk-encoded a response already chunked; the client removes one framing, and
    the other lands in the page as text, inside tags and words, every chunk). Read at the
    document's start only: no markup opens with a size line that its own length confirms."""
    if not raw:
        return None
    pattern = _CHUNK_SIZE[type(raw)]
    first = pattern.match(raw)
    if first is None:
        return None
    end = first.end() + int(first.group(1), 16)
    crlf = b"\r\n" if isinstance(raw, bytes) else "\r\n"
    if raw[end:end + 2] != crlf or pattern.match(raw, end + 2) is None:
        return None
    return first.group(1) if isinstance(raw, str) else first.group(1).decode("ascii")


def reads_as_utf8(charset: str | None) -> bool:
    """Does a page served with this header charset (header_charset) read as UTF-8 bytes
    when they are valid UTF-8? (No charset, UTF-8 or ASCII: parser_input passes them.)"""
    return charset is None or charset in _UTF8


def decode_html(html: str | bytes, content_type: str | bytes | None = None) -> str:
    """Bytes -> text by the policy above."""
    if isinstance(html, str):
        return html
    if content_type is not None and _header_encoding(content_type):
        return html_to_unicode(content_type if isinstance(content_type, str)
                               else content_type.decode("latin-1"), html)[1]
    if html.startswith(b"\xef\xbb\xbf"):
        return html[3:].decode("utf-8", "replace")
    if html.startswith((b"\xff\xfe", b"\xfe\xff")):
        return html.decode("utf-16", "replace")
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _CHARSET.search(html[:4096])
    if m:
        try:
            return html.decode(m.group(1).decode("ascii").lower(), "strict")
        except (LookupError, UnicodeDecodeError):
            pass
    return html.decode("cp1252", "replace")


def parser_input(html: str | bytes, content_type: str | bytes | None = None) -> str | bytes:
    """What lexbor gets: text as decode_html reads it, but valid UTF-8 bytes that the
    policy reads as UTF-8 are passed as they are (lexbor reads bytes as UTF-8, so
    decoding them only for selectolax to encode them again is wasted work)."""
    if not isinstance(html, bytes):
        return html
    if not reads_as_utf8(header_charset(content_type)):
        return decode_html(html, content_type)
    if html.startswith((b"\xff\xfe", b"\xfe\xff")):
        return decode_html(html)
    data = html[3:] if html.startswith(b"\xef\xbb\xbf") else html
    if data.isascii():
        return data
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return decode_html(html, content_type)
    return data


def _canonical(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name.lower()
