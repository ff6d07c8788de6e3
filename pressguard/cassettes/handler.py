"""The cassette download handler: where the network would be, for every scheme.

vcrpy patches HTTP client libraries, and Scrapy's Twisted downloads are not
one of them, so this handler plays vcrpy's Cassette directly. It sits at the
bottom of the downloader: every downloader middleware (retry, redirect,
decompression, cookies) still runs above it exactly as it would live.

Modes (setting PRESSGUARD_MODE):
  replay  answer from the cassette named in request.meta; never open a socket
          or a file, whatever the scheme (file, data, s3, ftp, http, https);
          a request the cassette lacks fails loudly (CassetteMiss)
  record  download through Scrapy's own HTTP handler, then keep each hop in the
          page's cassette, scrubbed, saved atomically when the page is complete;
          PRESSGUARD_RECORD_MODE follows vcrpy's record modes: `all` (default)
          records the page afresh, `new_episodes` replays what the cassette has
          and records only what it lacks, `once` records pages with no cassette
          yet and replays the others
  live    plain downloads, no cassettes (the scheduled crawl)
Outside replay, a scheme other than http(s) goes to Scrapy's own handler for it.
"""

from __future__ import annotations

import http
import inspect
import logging
from datetime import datetime, timezone
from pathlib import Path

import scrapy
from scrapy.core.downloader.handlers.base import BaseDownloadHandler
from scrapy.exceptions import NotConfigured, NotSupported
from scrapy.http import Headers, Response
from scrapy.responsetypes import responsetypes
from scrapy.settings.default_settings import DOWNLOAD_HANDLERS_BASE
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler, load_object
from vcr.cassette import Cassette
from vcr.errors import UnhandledHTTPRequestError
from vcr.record_mode import RecordMode
from vcr.request import Request as VcrRequest

from .. import __version__
from .format import scrub_request
from .store import (
    CACHE,
    METADATA_KEY,
    CassetteError,
    cassette_options,
    cassette_path_for,
    recording_info,
)

logger = logging.getLogger(__name__)
# vcrpy logs every interaction, whole page bodies included, at INFO.
logging.getLogger("vcr").setLevel(logging.WARNING)

MODES = ("replay", "record", "live")
RECORD_MODES = ("all", "new_episodes", "once")
META_CASSETTE = "pressguard_cassette"  # request.meta: the cassette a page belongs to
META_FETCHED_AT = "pressguard_fetched_at"  # request.meta: when the page was fetched
META_ROUTE_MISS = "pressguard_route_miss"  # request.meta: where routing looked for a cassette, in vain
#: on every response of a local stand-in for a live site: "1" from pressguard's simulator,
#: a stand-in's own name from any other (the example project's serve_site.py)
SIMULATOR_HEADER = b"X-Pressguard-Simulator"
PRESSGUARD_SIMULATOR = "1"
SIMULATED_NOTE = (
    "Recorded from the pressguard publisher simulator on 127.0.0.1, which stands in for "
    "the live site; not a capture of the real publisher."
)
STAND_IN_NOTE = (
    "Recorded from {name} on {host}, a local stand-in for the live site (it says so in its "
    "X-Pressguard-Simulator header); not a capture of the real publisher."
)
_STAND_IN_NAME = 80  # characters of a stand-in's self-given name kept in the note


class CassetteMiss(Exception):
    """A replayed request has no recorded answer; str() says how to record it."""


class CassetteTruncated(Exception):
    """A recorded body shorter than its Content-Length: half a page, not a page."""


class CassetteDownloadHandler(BaseDownloadHandler):
    lazy = False

    def __init__(self, crawler):
        super().__init__(crawler)
        settings = crawler.settings
        self.mode = settings.get("PRESSGUARD_MODE", "replay")
        if self.mode not in MODES:
            raise NotConfigured(f"PRESSGUARD_MODE={self.mode!r}; use one of {', '.join(MODES)}")
        self.cassettes_dir = Path(settings.get("PRESSGUARD_CASSETTES_DIR", "cassettes"))
        record_mode = settings.get("PRESSGUARD_RECORD_MODE", "all")
        if record_mode not in RECORD_MODES:
            raise NotConfigured(f"PRESSGUARD_RECORD_MODE={record_mode!r}; use one of {', '.join(RECORD_MODES)}")
        self.record_mode = RecordMode(record_mode)
        self._network = None
        if self.mode != "replay":  # replay must not even build a network client
            network_cls = load_object(settings["PRESSGUARD_NETWORK_HANDLER"])
            self._network = build_from_crawler(network_cls, crawler)
        #: Scrapy's handlers for the other schemes, built on first use outside replay
        self._other_schemes: dict[str, BaseDownloadHandler] = {}
        self._recording: dict[Path, Cassette] = {}

    async def download_request(self, request: scrapy.Request) -> Response:
        if self.mode == "replay":
            return self._replay(request)
        if self.mode == "record" and self.record_mode != RecordMode.ALL:
            kept = self._play_recorded(request)
            if kept is not None:
                return kept
        response = await self._network_for(request).download_request(request)
        if self.mode == "record":
            self._record(request, response)
        return response

    async def close(self) -> None:
        # A redirect chain cut short (max hops, offsite) still keeps what it fetched.
        for path in list(self._recording):
            self._save(path)
        for network in [self._network, *self._other_schemes.values()]:
            if network is not None:
                closing = network.close()  # FTP's close() is still a plain function
                if inspect.isawaitable(closing):
                    await closing

    def _network_for(self, request: scrapy.Request) -> BaseDownloadHandler:
        scheme = urlparse_cached(request).scheme
        if scheme in ("http", "https"):
            return self._network
        if scheme not in self._other_schemes:
            try:
                handler_cls = load_object(DOWNLOAD_HANDLERS_BASE[scheme])
                self._other_schemes[scheme] = build_from_crawler(handler_cls, self.crawler)
            except (KeyError, NotConfigured) as exc:
                raise NotSupported(f"Unsupported URL scheme {scheme!r}: {exc}") from None
        return self._other_schemes[scheme]

    # -- replay ---------------------------------------------------------------

    def _replay(self, request: scrapy.Request) -> Response:
        path = request.meta.get(META_CASSETTE)
        origin = request.meta.get("redirect_urls", [request.url])[0]
        if not path:
            self._count("pressguard/cassette_miss")
            searched = request.meta.get(META_ROUTE_MISS)  # set by pressguard.cassettes.routing
            if not hasattr(self.crawler.spider, "cassette_paths"):  # not one of pressguard's spiders
                how = f"record the crawl with `scrapy crawl {self.crawler.spider.name} -s PRESSGUARD_MODE=record`"
            else:
                how = f"record it with `pressguard record {origin}`"
            raise CassetteMiss(
                f"{request.url}: no cassette named for this request"
                f"{f' and {searched}' if searched else ''} (replay never uses the network); "
                f"{how} or run with -s PRESSGUARD_MODE=live"
            )
        try:
            cassette = CACHE.get(path)
        except CassetteError:
            self._count("pressguard/cassette_unreadable")
            raise
        try:
            recorded = cassette.play_response(_vcr_request(request))
        except UnhandledHTTPRequestError:
            self._count("pressguard/cassette_miss")
            raise CassetteMiss(
                f"{request.url}: not in cassette {path}; record the page again with "
                f"`pressguard record {origin} --overwrite`"
            ) from None
        info = recording_info(cassette)
        if info.get("fetched_at"):
            request.meta[META_FETCHED_AT] = info["fetched_at"]
        response = _scrapy_response(request, recorded)
        declared = _declared_length(request, response)
        if declared is not None and len(response.body) < declared:
            self._count("pressguard/cassette_truncated")
            raise CassetteTruncated(
                f"{request.url}: truncated: cassette {path} holds {len(response.body)} bytes of the "
                f"{declared} its Content-Length declares; record the page again with "
                f"`pressguard record {origin} --overwrite`"
            )
        self._count("pressguard/replayed")
        return response

    # -- record ---------------------------------------------------------------

    def _record_path(self, request: scrapy.Request) -> Path | None:
        origin = request.meta.get("redirect_urls", [request.url])[0]
        if origin.endswith("/robots.txt"):
            return None  # crawl politeness, not a page of the site
        return Path(
            request.meta.get(META_CASSETTE)
            or cassette_path_for(self.cassettes_dir, self.crawler.spider.name, origin)
        )

    def _play_recorded(self, request: scrapy.Request) -> Response | None:
        """once / new_episodes: the recorded answer if the page's cassette has one."""
        path = self._record_path(request)
        if path is None or not (path in self._recording or path.exists()):
            return None
        cassette = self._recording.get(path)
        if cassette is None:
            cassette = Cassette.load(**cassette_options(path, self.record_mode))
            self._recording[path] = cassette
        try:
            recorded = cassette.play_response(_vcr_request(request))
        except UnhandledHTTPRequestError:
            if self.record_mode == RecordMode.ONCE and len(cassette):
                raise CassetteMiss(
                    f"{request.url}: not in cassette {path}, and record mode `once` never adds to an "
                    "existing cassette; use new_episodes or all"
                ) from None
            return None
        self._count("pressguard/kept")
        if not _is_redirect_status(recorded["status"]["code"]):
            if cassette.dirty:  # an earlier hop of this page was new
                self._save(path)
            else:
                self._recording.pop(path)
        return _scrapy_response(request, recorded)

    def _record(self, request: scrapy.Request, response: Response) -> None:
        path = self._record_path(request)
        if path is None:
            return
        cassette = self._recording.get(path)
        if cassette is None:
            # Never loaded from disk: recording replaces the page as a whole.
            cassette = self._recording[path] = Cassette(**cassette_options(path, RecordMode.ALL))
        if not len(cassette):
            now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
            request.meta[META_FETCHED_AT] = now
            cassette.get_metadata(METADATA_KEY, _recording_metadata(response, now))
        vcr_request = scrub_request(_vcr_request(request))
        # A retried request replaces its earlier answer instead of shadowing it.
        cassette.data = [
            (old, answer) for old, answer in cassette.data if old.uri != vcr_request.uri
        ]
        cassette.append(vcr_request, _vcr_response(response))
        if not _is_redirect(response):
            self._save(path)

    def _save(self, path: Path) -> None:
        cassette = self._recording.pop(path)
        cassette._save(force=True)  # vcrpy's save, through the atomic persister
        self._count("pressguard/recorded")
        logger.info("recorded %s", path)

    def _count(self, key: str) -> None:
        if self.crawler.stats:
            self.crawler.stats.inc_value(key)


def _recording_metadata(response: Response, fetched_at: str) -> dict:
    simulated = SIMULATOR_HEADER in response.headers
    info = {
        "fetched_at": fetched_at,
        "source": "simulator" if simulated else "live",
        "recorder": f"pressguard {__version__}, Scrapy {scrapy.__version__}",
    }
    if simulated:
        info["note"] = _simulated_note(response)
    return info


def _simulated_note(response: Response) -> str:
    """Which stand-in answered: pressguard's simulator, or the server the header names."""
    value = response.headers.get(SIMULATOR_HEADER) or b""
    # a header is any server's bytes: one printable line, kept short, in the cassette
    name = " ".join("".join(ch for ch in value.decode("utf-8", "replace") if ch.isprintable()).split())
    if name in ("", PRESSGUARD_SIMULATOR):
        return SIMULATED_NOTE
    if len(name) > _STAND_IN_NAME:
        name = name[: _STAND_IN_NAME - 1] + "…"
    host = urlparse_cached(response).netloc or "an unnamed host"
    return STAND_IN_NOTE.format(name=repr(name), host=host)


def _is_redirect(response: Response) -> bool:
    return _is_redirect_status(response.status) and b"Location" in response.headers


def _is_redirect_status(status: int) -> bool:
    return 300 <= int(status) < 400


def _vcr_request(request: scrapy.Request) -> VcrRequest:
    headers = {
        key.decode("latin-1"): values[-1].decode("latin-1")
        for key, values in request.headers.items()
        if values
    }
    return VcrRequest(request.method, request.url, request.body or None, headers)


def _vcr_response(response: Response) -> dict:
    try:
        message = http.HTTPStatus(response.status).phrase
    except ValueError:
        message = ""
    headers = {
        key.decode("latin-1"): [value.decode("latin-1") for value in values]
        for key, values in response.headers.items()
    }
    return {
        "status": {"code": response.status, "message": message},
        "headers": headers,
        "body": {"string": response.body},
    }


def _declared_length(request: scrapy.Request, response: Response) -> int | None:
    """The body length the recorded headers promise, when they promise one.

    Bodies are stored decoded, so a recorded gzip page is longer than its
    Content-Length, never shorter: shorter means the recording was cut.
    """
    value = response.headers.get(b"Content-Length")
    if value is None or request.method == "HEAD" or response.status in (204, 304) or response.status < 200:
        return None
    try:
        return int(value.strip())
    except ValueError:
        return None


def _header_bytes(value) -> bytes:
    if isinstance(value, bytes):
        return value
    try:
        return str(value).encode("latin-1")
    except UnicodeEncodeError:
        return str(value).encode("utf-8")


def _scrapy_response(request: scrapy.Request, recorded: dict) -> Response:
    headers = Headers()
    for name, values in (recorded.get("headers") or {}).items():
        if not isinstance(values, (list, tuple)):
            values = [values]
        headers.setlist(name, [_header_bytes(v) for v in values])
    body = (recorded.get("body") or {}).get("string") or b""
    if isinstance(body, str):
        body = body.encode("utf-8")
    respcls = responsetypes.from_args(headers=headers, url=request.url, body=body)
    return respcls(
        url=request.url,
        status=int(recorded["status"]["code"]),
        headers=headers,
        body=body,
        flags=["cassette"],
        protocol="HTTP/1.1",
    )
