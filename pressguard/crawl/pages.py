"""One crawled page -> one page record: its verdict, field by field.

A page record is plain JSON (it goes into report.json and the jobdir as is):

    site, url, status        healthy | drifted | broken | fetch-failed
    verdict                  healthy | drift | broken (pressguard.verdict's words; a page
                             that could not be fetched is broken: nothing was checked)
    layout, recorded_layout  the layout matched now, and that of the closest recorded page
    headline, authors, paragraphs, fetched_at, retries
    checks                   the item's {check: "ok" | message} (None when no item)
    failures                 [{check, fields, expected, found, message}] failing checks,
                             and the fetch failure as check "fetch"
    fields                   {column: "ok" | "drift" | "broken"} for COLUMNS
    template_changes         fingerprint.compare(recorded, current) entries
    fetch_error              None | {kind, message}
    cassette                 the captured cassette (cassettes/_captured/...) or None

Statuses: fetch-failed when the page could not be fetched or was not the page
(an HTTP error after retries, a bot challenge, a cut-off body); broken when a
content check failed; drifted when only the template changed around the fields;
healthy otherwise.
"""

from __future__ import annotations

import re

from pressguard.verdict.fingerprint import FIELDS
from pressguard.verdict import DRIFT_CHECKS

COLUMNS = ("fetch",) + FIELDS + ("page",)
STATUSES = ("healthy", "drifted", "broken", "fetch-failed")
# The page verdict (pressguard.verdict's words) of each status: a content check failing is
# broken and only the template changing is drift, as for the item's own verdict; a page
# that could not be fetched is broken, since none of its fields could be checked.
VERDICT_OF_STATUS = {"healthy": "healthy", "drifted": "drift", "broken": "broken", "fetch-failed": "broken"}

# Which field each content check judges.
CHECK_FIELDS = {
    "headline": ("headline",),
    "authors": ("authors",),
    "body_length": ("body",),
    "boilerplate": ("body",),
    "truncation": ("body",),
    "markers": ("body",),
    "metadata": ("headline",),  # the JSON-LD's headline against the visible one
}
# Checks that judge several fields name each one at the start of a finding
# ("...found headline 'x' (JSON-LD) for 'y'; body word overlap ...").
_NAMED_FIELD = re.compile(r"(?:^|; |expected |found )(headline|dek|authors|published|body)\b")

_MESSAGE = re.compile(r"^(?P<check>[\w-]+): (?P<url>\S+): expected (?P<rest>.*)$", re.S)

# Bot walls served with HTTP 200: Cloudflare, PerimeterX, DataDome, Akamai, generic.
_CHALLENGE_TITLES = ("just a moment...", "attention required!", "access denied", "are you a robot?",
                     "are you a robot", "please wait...", "security check")
_CHALLENGE_MARKERS = ("verify you are human", "challenge-platform", 'id="challenge-stage"', 'id="challenge-form"',
                      "cf-browser-verification", "px-captcha", "captcha-delivery.com",
                      "please verify you are a human")
_TITLE = re.compile(r"<title[^>]*>([^<]{0,200})</title>")


def is_challenge_page(html: bytes | str) -> bool:
    """A bot-challenge / captcha page instead of the article? (A reCAPTCHA notice in a
    sign-up form is not one.)"""
    if isinstance(html, bytes):
        html = html[:200_000].decode("utf-8", "replace")
    text = html[:200_000].lower()
    title = _TITLE.search(text)
    if title and " ".join(title.group(1).split()) in _CHALLENGE_TITLES:
        return True
    return any(marker in text for marker in _CHALLENGE_MARKERS)


def parse_check_message(message: str) -> dict:
    """{"check", "expected", "found"} from "<check>: <url>: expected <x>, found <y>"."""
    m = _MESSAGE.match(message or "")
    if not m:
        return {"check": None, "expected": "", "found": message or ""}
    expected, sep, found = m.group("rest").partition(", found ")
    if not sep:
        return {"check": m.group("check"), "expected": "", "found": expected}
    return {"check": m.group("check"), "expected": expected, "found": found}


def check_fields(check: str, message: str, changes: list[dict]) -> tuple[str, ...]:
    if check == "template":
        fields = tuple(dict.fromkeys(c["field"] for c in changes if c.get("field") in COLUMNS))
        return fields or ("page",)
    if check in CHECK_FIELDS:
        return CHECK_FIELDS[check]
    named = tuple(dict.fromkeys(m.group(1) for m in _NAMED_FIELD.finditer(message)))
    return named or ("body",)


def failures_from_checks(checks: dict, changes: list[dict]) -> list[dict]:
    out = []
    for check, verdict in (checks or {}).items():
        if verdict == "ok":
            continue
        parsed = parse_check_message(verdict)
        out.append({
            "check": check,
            "fields": list(check_fields(check, verdict, changes)),
            "expected": parsed["expected"],
            "found": parsed["found"],
            "message": verdict,
        })
    return out


def classify_error(error: str) -> str:
    """A short kind for a fetch failure message (from the spider's errback)."""
    m = re.search(r"\bHTTP (\d{3})\b", error)
    if m:
        return f"HTTP {m.group(1)}"
    low = error.lower()
    if "dataloss" in low or "data loss" in low or "_dataloss" in low:
        return "truncated"
    if "timeout" in low or "took longer than" in low:
        return "timeout"
    if "robots.txt" in low:
        return "robots.txt"
    if "redirect" in low:
        return "redirect loop"
    if "dnslookup" in low or "dns lookup" in low:
        return "DNS"
    if "connection" in low or "connect" in low:
        return "connection"
    if "spider error" in low:
        return "spider error"
    return "error"


_FETCH_EXPECTED = {
    "truncated": "the whole page",
    "captcha": "the article page",
    "timeout": "an answer within the download timeout",
    "robots.txt": "a page robots.txt lets the crawler fetch",
    "redirect loop": "a redirect that ends at a page",
    "spider error": "the spider to parse the page",
}


_FETCH_FOUND = {
    "truncated": "the connection closed before the whole body arrived",
    "timeout": "no complete answer in time",
    "redirect loop": "redirects that never end",
}


def fetch_failure(kind: str, message: str) -> dict:
    expected = _FETCH_EXPECTED.get(kind, "HTTP 200 with the article" if kind.startswith("HTTP") else "the page")
    found = message
    if kind in _FETCH_FOUND:
        found = f"{_FETCH_FOUND[kind]} ({message})"
    return {"check": "fetch", "fields": ["fetch"], "expected": expected, "found": found, "message": message}


def page_from_item(site: str, item: dict, *, changes: list[dict], challenge: bool,
                   retries: int = 0, cassette: str | None = None, recorded_layout: str | None = None) -> dict:
    """The record of a page that produced an item."""
    checks = dict(item.get("checks") or {})
    failures = failures_from_checks(checks, changes)
    fetch_error = None
    url = item.get("url")
    if challenge:
        msg = f"{url}: HTTP 200 but a bot challenge page (captcha), not the article"
        fetch_error = {"kind": "captcha", "message": msg}
        failures.insert(0, fetch_failure("captcha", msg))
    record = {
        "site": site,
        "url": url,
        "status": "healthy",
        "layout": item.get("layout"),
        "recorded_layout": recorded_layout,
        "headline": item.get("headline"),
        "authors": item.get("authors") or [],
        "paragraphs": len(item.get("body") or []),
        "fetched_at": item.get("fetched_at"),
        "retries": retries,
        "checks": checks,
        "failures": failures,
        "template_changes": changes,
        "fetch_error": fetch_error,
        "cassette": cassette,
    }
    return _finish(record)


def page_from_failure(site: str, url: str, error: str, *, cassette: str | None = None) -> dict:
    """The record of a page that gave no item (HTTP error, timeout, cut-off body ...)."""
    kind = classify_error(error)
    record = {
        "site": site,
        "url": url,
        "status": "fetch-failed",
        "layout": None,
        "recorded_layout": None,
        "headline": None,
        "authors": [],
        "paragraphs": 0,
        "fetched_at": None,
        "retries": None,
        "checks": None,
        "failures": [fetch_failure(kind, error)],
        "template_changes": [],
        "fetch_error": {"kind": kind, "message": error},
        "cassette": cassette,
    }
    return _finish(record)


def _finish(record: dict) -> dict:
    fields = {column: "ok" for column in COLUMNS}
    for change in record["template_changes"]:
        column = change.get("field") if change.get("field") in COLUMNS else "page"
        fields[column] = "drift"
    content_failed = False
    for failure in record["failures"]:
        if failure["check"] == "template":
            continue  # already counted as drift, field by field
        if failure["check"] in DRIFT_CHECKS:  # metadata around a right field: drift (pressguard.verdict)
            for column in failure["fields"]:
                fields[column] = "drift" if fields[column] == "ok" else fields[column]
            continue
        for column in failure["fields"]:
            fields[column] = "broken"
        if failure["check"] != "fetch":
            content_failed = True
    template_failed = any(f["check"] in DRIFT_CHECKS for f in record["failures"])
    if template_failed and not record["template_changes"]:
        fields["page"] = "drift" if fields["page"] == "ok" else fields["page"]
    record["fields"] = fields
    if record["fetch_error"]:
        record["status"] = "fetch-failed"
    elif content_failed:
        record["status"] = "broken"
    elif template_failed or record["template_changes"]:
        record["status"] = "drifted"
    else:
        record["status"] = "healthy"
    record["verdict"] = VERDICT_OF_STATUS[record["status"]]
    return record


def needs_evidence(record: dict) -> bool:
    return record["status"] != "healthy"


def summary_line(record: dict) -> str:
    """One line for the terminal and for JUnit: field/expected/found of each failure."""
    parts = []
    for failure in record["failures"]:
        label = failure["check"]
        if failure["fields"] and failure["fields"] != [failure["check"]]:
            label += f" ({', '.join(failure['fields'])})"
        if failure["expected"]:
            parts.append(f"{label}: expected {failure['expected']}, found {failure['found']}")
        else:
            parts.append(f"{label}: {failure['found']}")
    if not parts and record["template_changes"]:
        parts = [c["summary"] for c in record["template_changes"]]
    return "; ".join(parts)
