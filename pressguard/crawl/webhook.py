"""--webhook URL: a Slack-compatible summary ({"text", "blocks"}) when the crawl found
breakage. Any failure to deliver is returned (and shown in the report), never raised.

The post goes out directly or through the proxy the environment named before the
crawl started, never through --proxy (that one leads to the sites being watched).

Page text is hostile input here: a headline of `<!channel> <https://ev.il/x|Fix now>`
must not ping a channel with someone else's link. So every text that comes from the
report (page text, URLs, paths, class names, problems) goes through `slack_escape`
(`&`, `<`, `>` as Slack requires), and what a page said (expected/found, template
changes) is sent as plain_text, never as mrkdwn. Only pressguard's own words carry
markup (*bold*, `code`).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from urllib.parse import urlsplit

TIMEOUT = 10
_SECTION_LIMIT = 2900  # Slack rejects section texts over 3000 characters
_MAX_INCIDENTS = 8
_ORIGINAL_PROXIES = urllib.request.getproxies()  # before the crawl sets http(s)_proxy


def public_url(url: str | None) -> str | None:
    """A URL without credentials, path or query (they may hold secrets): scheme://host[:port]."""
    if not url:
        return None
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return f"{parts.scheme}://{host}"


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def slack_escape(text) -> str:
    """Text Slack shows as written: its three control characters escaped, so no <!channel>,
    <@user> or <url|label> can come out of it."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _plain(text: str) -> dict:
    return {"type": "plain_text", "text": _clip(slack_escape(text), _SECTION_LIMIT), "emoji": False}


def build_payload(doc: dict, paths: dict | None = None) -> dict:
    t = doc["totals"]
    status = doc["status"].upper()
    bad_sites = [(s, v) for s, v in doc["sites"].items() if v["status"] != "healthy"]
    text = (f"pressguard crawl: {status}: {len(bad_sites)} of {t['sites']} sites need attention; "
            f"{t['broken']} broken, {t['drifted']} drifted, {t['fetch_failed']} not fetched of {t['pages']} pages; "
            f"{len(doc['incidents'])} incident{'s' if len(doc['incidents']) != 1 else ''}")
    if not doc["complete"]:
        text += " (incomplete crawl)"
    lines = []
    for site, info in bad_sites:
        fields = [f"{c} {f['status']}" for c, f in info["fields"].items() if f["status"] in ("degraded", "broken")]
        line = f"*{slack_escape(site)}*: {slack_escape(info['status'])}"
        if fields:
            line += " (" + slack_escape(", ".join(fields)) + ")"
        if info["problems"]:
            line += f"; {slack_escape(info['problems'][0])}"
        lines.append(line)
    blocks = [
        {"type": "header", "text": {"type": "plain_text", "text": _clip(f"pressguard crawl: {status}", 150)}},
        {"type": "section", "text": {"type": "mrkdwn", "text": _clip("\n".join(lines) or text, _SECTION_LIMIT)}},
    ]
    for inc in doc["incidents"][:_MAX_INCIDENTS]:
        head = (f"*{slack_escape(inc['id'])}* {slack_escape(inc['title'])}\nsites: "
                f"{slack_escape(', '.join(inc['sites']))} ({len(inc['pages'])} pages)")
        cassette = next((p["cassette"] for p in inc["pages"] if p.get("cassette")), None)
        if cassette:
            head += f"\nreplay: `pressguard replay {slack_escape(cassette)}`"
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": _clip(head, _SECTION_LIMIT)}})
        # what the pages said: plain text, never markup
        said = []
        changes = "; ".join(c["summary"] for c in inc["template_changes"][:3])
        if changes:
            said.append(f"template: {changes}")
        ex = inc["examples"][0]
        for f in ex["failures"][:2]:
            if f["check"] == "template":
                continue
            said.append(f"{f['check']}: expected {f['expected'] or '-'}, found {f['found']}")
        if said:
            blocks.append({"type": "section", "text": _plain("\n".join(said))})
    if len(doc["incidents"]) > _MAX_INCIDENTS:
        blocks.append({"type": "context", "elements": [
            {"type": "mrkdwn", "text": f"and {len(doc['incidents']) - _MAX_INCIDENTS} more incidents in the report"}]})
    where = f"report: {paths['html']}" if paths else "see the crawl report"
    blocks.append({"type": "context", "elements": [
        {"type": "mrkdwn", "text": _clip(slack_escape(f"{where} \u00b7 started {doc['started_at']}"), 300)}]})
    return {"text": text, "blocks": blocks}


def post_summary(url: str, doc: dict, paths: dict | None = None) -> dict:
    """{"ok", "status", "error", "target"}; target is scheme://host only (webhook URLs hold secrets)."""
    payload = json.dumps(build_payload(doc, paths)).encode("utf-8")
    request = urllib.request.Request(url, data=payload, method="POST",
                                     headers={"Content-Type": "application/json; charset=utf-8",
                                              "User-Agent": "pressguard-crawl"})
    opener = urllib.request.build_opener(urllib.request.ProxyHandler(_ORIGINAL_PROXIES))
    result = {"ok": False, "status": None, "error": None, "target": public_url(url)}
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            result["status"] = response.status
            result["ok"] = 200 <= response.status < 300
            if not result["ok"]:
                result["error"] = f"HTTP {response.status} from {result['target']}"
    except urllib.error.HTTPError as exc:
        result["status"] = exc.code
        result["error"] = f"HTTP {exc.code} from {result['target']}"
    except (urllib.error.URLError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        result["error"] = f"{result['target']}: {reason}"
    return result
