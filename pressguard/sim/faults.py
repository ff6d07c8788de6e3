"""Injected failures: what a live crawl meets on a bad day.

One fault per target (a site, or None = every site); a site's own fault wins over the
global one. `times=N` limits a fault to the first N requests it applies to, so retry
logic can be tested (fail twice, then succeed). robots.txt is never faulted, so a
crawler that obeys robots does not silently eat the `times` budget.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

from pressguard.sim.response import Response

# kind -> {param: default}; every kind also takes times=N and path=PREFIX.
KINDS: dict[str, dict[str, float | int | None]] = {
    "429": {"retry_after": 5},
    "503": {"retry_after": None},
    "slow": {"delay": 2.0},
    # held until the test calls release_holds() (or `timeout` seconds pass): a page that
    # is in flight for exactly as long as a test needs, whatever the machine's speed
    "hold": {"timeout": 30.0},
    "redirect": {"status": 301},
    "redirect-loop": {"status": 301},
    "captcha": {},
    "truncated": {"fraction": 0.5},
    "wrong-charset": {},
    "no-charset": {},
    "bad-byte": {},  # one byte that is not UTF-8 (0xE9, a Latin-1 e-acute) in a UTF-8 body
}
COMMON = ("times", "path")


@dataclass
class Fault:
    kind: str
    params: dict = field(default_factory=dict)
    remaining: int | None = None  # None = until cleared
    path: str | None = None  # only paths starting with this
    hits: int = 0
    released: threading.Event = field(default_factory=threading.Event)  # fault "hold"

    def describe(self) -> dict:
        return {"kind": self.kind, **self.params, "times_left": self.remaining,
                "path": self.path, "hits": self.hits}


def _number(name: str, value):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    try:
        return int(value)
    except (TypeError, ValueError):
        try:
            return float(value)
        except (TypeError, ValueError):
            raise ValueError(f"fault parameter {name}={value!r} must be a number") from None


def make_fault(kind: str, params: dict) -> Fault:
    if kind not in KINDS:
        raise ValueError(f"unknown fault kind {kind!r}; valid: {', '.join(KINDS)}")
    allowed = KINDS[kind]
    unknown = set(params) - set(allowed) - set(COMMON)
    if unknown:
        raise ValueError(f"fault {kind!r} takes {', '.join(list(allowed) + list(COMMON))}; "
                         f"got {', '.join(sorted(unknown))}")
    values = {k: (_number(k, params[k]) if k in params and params[k] is not None else d)
              for k, d in allowed.items()}
    times = params.get("times")
    if times is not None:
        times = int(_number("times", times))
        if times < 1:
            raise ValueError("times must be >= 1")
    if kind in ("redirect", "redirect-loop") and values["status"] not in (301, 302, 307, 308):
        raise ValueError("redirect status must be 301, 302, 307 or 308")
    if kind == "truncated" and not 0 <= values["fraction"] < 1:
        raise ValueError("truncated fraction must be in [0, 1)")
    return Fault(kind, values, times, params.get("path") or None)


class FaultTable:
    def __init__(self):
        self._lock = threading.Lock()
        self._faults: dict[str | None, Fault] = {}
        self._held: list[threading.Event] = []  # holds of faults whose `times` ran out

    def set(self, site: str | None, fault: Fault) -> None:
        with self._lock:
            replaced = self._faults.get(site)
            if replaced is not None and replaced.kind == "hold":
                self._held.append(replaced.released)
            self._faults[site] = fault

    def clear(self) -> None:
        self.release_holds()
        with self._lock:
            self._faults.clear()

    def release_holds(self) -> None:
        """Let every request held by a "hold" fault (now or later) be answered."""
        with self._lock:
            for f in self._faults.values():
                f.released.set()
            for event in self._held:
                event.set()
            self._held.clear()

    def snapshot(self) -> dict:
        with self._lock:
            return {("*" if k is None else k): f.describe() for k, f in self._faults.items()}

    def take(self, site: str, path: str, is_article: bool) -> Fault | None:
        """The fault that applies to this request, consuming one of its `times`."""
        if path == "/robots.txt":
            return None
        with self._lock:
            for key in (site, None):
                f = self._faults.get(key)
                if f is None or (f.path and not path.startswith(f.path)):
                    continue
                if f.kind == "redirect" and not is_article:
                    continue  # only an article can move to a new slug
                f.hits += 1
                if f.remaining is not None:
                    f.remaining -= 1
                    if f.remaining <= 0:
                        del self._faults[key]
                        if f.kind == "hold":
                            self._held.append(f.released)
                return f
        return None


# --- what each fault does to a request --------------------------------------------------

def short_circuit(f: Fault, domain: str, scheme: str, path: str, query: str,
                  moved_path: str | None) -> Response | None:
    """Faults that replace the page entirely."""
    if f.kind == "429":
        return Response.text(429, "429 Too Many Requests\n", headers=[
            ("Retry-After", str(int(f.params["retry_after"])))])
    if f.kind == "503":
        h = [] if f.params["retry_after"] is None else [
            ("Retry-After", str(int(f.params["retry_after"])))]
        return Response(503, b"<html><head><title>503 Service Temporarily Unavailable</title>"
                             b"</head><body><center><h1>503 Service Temporarily Unavailable</h1>"
                             b"</center><hr><center>nginx</center></body></html>\n", headers=h)
    if f.kind == "captcha":
        return Response.text(200, captcha_page(domain), "text/html; charset=UTF-8",
                             headers=[("Cache-Control", "private, no-store")])
    if f.kind == "redirect" and moved_path:
        return _redirect(int(f.params["status"]), f"{scheme}://{domain}{moved_path}")
    if f.kind == "redirect-loop":
        # The classic AMP-plugin loop: /x/ -> /x/?amp=1 -> /x/ -> ...
        target = path if "amp=1" in query.split("&") else path + "?amp=1"
        return _redirect(int(f.params["status"]), f"{scheme}://{domain}{target}")
    return None


def _redirect(status: int, location: str) -> Response:
    return Response(status, b"", headers=[("Location", location),
                                          ("X-Redirect-By", "WordPress")])


def transform(f: Fault, resp: Response) -> Response:
    """Faults that damage a page that was rendered normally."""
    if f.kind == "slow":
        resp.delay = float(f.params["delay"])
    elif f.kind == "hold":
        resp.hold, resp.hold_timeout = f.released, float(f.params["timeout"])
    elif f.kind == "truncated":
        resp.truncate = float(f.params["fraction"])
    elif f.kind == "wrong-charset" and resp.content_type.startswith(("text/", "application/")):
        # windows-1252 bytes under a utf-8 label: curly quotes turn into invalid bytes
        text = resp.body.decode("utf-8")
        resp.body = text.encode("cp1252", errors="replace")
        resp.content_type = resp.content_type.split(";")[0] + "; charset=UTF-8"
    elif f.kind == "no-charset" and resp.content_type.startswith(("text/", "application/")):
        resp.content_type = resp.content_type.split(";")[0]
        resp.body = re.sub(rb'<meta\s+charset="?[\w-]+"?\s*/?>\s*', b"", resp.body,
                           flags=re.IGNORECASE)
        resp.body = re.sub(rb'encoding="UTF-8"', b"", resp.body, count=1)
    elif f.kind == "bad-byte" and resp.content_type.startswith(("text/", "application/")):
        # in the first element's text (a sitemap's <news:title>, a page's <title>), where a
        # mis-encoded headline lands; before the first "</" when there is no such element
        at = resp.body.find(b"</news:title>")
        at = at if at >= 0 else resp.body.find(b"</title>")
        at = at if at >= 0 else max(resp.body.find(b"</"), 0)
        resp.body = resp.body[:at] + b"\xe9" + resp.body[at:]
    return resp


def captcha_page(domain: str) -> str:
    return ("<!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment...</title>"
            "<meta http-equiv=\"refresh\" content=\"360\"><meta name=\"robots\" "
            "content=\"noindex,nofollow\"></head><body><div class=\"main-wrapper\" role=\"main\">"
            f"<div class=\"main-content\"><h1 class=\"zone-name-title h1\">{domain}</h1>"
            "<h2 class=\"h2\">Verify you are human by completing the action below.</h2>"
            "<div id=\"challenge-stage\"><label><input type=\"checkbox\"> Verify you are human"
            f"</label></div><p>{domain} needs to review the security of your connection before "
            "proceeding.</p></div></div><div class=\"footer\">Performance &amp; security by "
            "Cloudflare</div></body></html>")
