"""A response as it goes on the wire, and the header habits of a WordPress VIP origin."""

from __future__ import annotations

import gzip
import hashlib
import threading
from dataclasses import dataclass, field

MARK = ("X-Pressguard-Simulator", "1")  # on every response: recorders label cassettes by it

# 1x1 transparent GIF: what /wp-content/uploads/ returns, so image fetches do not 404.
PIXEL = (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00"
         b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")


@dataclass
class Response:
    status: int
    body: bytes = b""
    content_type: str = "text/html; charset=UTF-8"
    headers: list[tuple[str, str]] = field(default_factory=list)
    delay: float = 0.0  # seconds to wait before answering (fault "slow")
    truncate: float | None = None  # send only this fraction, then close (fault "truncated")
    close: bool = False
    hold: "threading.Event | None" = None  # answer only once this is set (fault "hold")
    hold_timeout: float = 0.0
    compressible: bool = True

    @classmethod
    def text(cls, status: int, text: str, content_type: str = "text/plain; charset=UTF-8",
             **kw) -> "Response":
        return cls(status, text.encode("utf-8"), content_type, **kw)


def wordpress_headers(domain: str, kind: str, path: str) -> list[tuple[str, str]]:
    h = [("X-Powered-By", "WordPress VIP <https://wpvip.com>"),
         ("Cache-Control", "max-age=300, must-revalidate"),
         ("Link", f'<https://{domain}/wp-json/>; rel="https://api.w.org/"'),
         ("X-Frame-Options", "SAMEORIGIN")]
    if kind == "article":
        # A session cookie on article pages, as the real sites set one; recorders must scrub
        # it. Derived from the path, not random, so replays stay byte-identical.
        token = hashlib.sha1(f"{domain}{path}".encode()).hexdigest()
        h.append(("Set-Cookie", f"gamurs_session={token}; Path=/; Domain=.{domain}; "
                                f"Max-Age=1800; HttpOnly; SameSite=Lax"))
    return h


def accepts_gzip(accept_encoding: str) -> bool:
    for part in accept_encoding.split(","):
        token, _, params = part.strip().partition(";")
        if token.strip().lower() in ("gzip", "x-gzip", "*"):
            q = params.strip().lower()
            try:
                return not q.startswith("q=") or float(q[2:]) > 0
            except ValueError:
                return True
    return False


def maybe_gzip(resp: Response, accept_encoding: str) -> Response:
    """Compress like the real origins do when asked. mtime=0 keeps bytes deterministic."""
    if resp.compressible and resp.body and accepts_gzip(accept_encoding):
        resp.body = gzip.compress(resp.body, mtime=0)
        resp.headers.append(("Content-Encoding", "gzip"))
    if resp.compressible:
        resp.headers.append(("Vary", "Accept-Encoding"))
    return resp
