"""From page records to the verdicts a reader wants: per site, per field, per incident.

Field status (per site and column of pages.COLUMNS), over the pages that reached it
(content columns count only pages that were fetched; the fetch column counts all):
    healthy   no page failed and the template did not change around it
    degraded  some pages failed, or the template changed while the values held
    broken    at least half the pages failed
    n/a       no page of the site got that far

A site with no page at all (nothing discovered, every fetch refused) is broken.

Incidents: failing pages grouped by (layout, failing checks, template change
signature), or by fetch failure kind, across sites: one redesign rolled out on
three sites of one layout is one incident that lists the three sites. Broken
extraction comes first, then fetch failures, then drift; within each, the widest.
"""

from __future__ import annotations

from collections import Counter

from .pages import COLUMNS, VERDICT_OF_STATUS

ORDER = {"healthy": 0, "n/a": 0, "degraded": 1, "broken": 2, "failed": 3}


def worst(statuses) -> str:
    out = "healthy"
    for status in statuses:
        if ORDER.get(status, 0) > ORDER[out]:
            out = status
    return out


def field_status(failing: int, drifted: int, total: int) -> str:
    if total == 0:
        return "n/a"
    if failing and failing * 2 >= total:
        return "broken"
    if failing or drifted:
        return "degraded"
    return "healthy"


def site_summary(name: str, pages: list[dict], meta: dict | None) -> dict:
    meta = meta or {}
    fetched = [p for p in pages if p["status"] != "fetch-failed"]
    fields = {}
    for column in COLUMNS:
        counted = pages if column == "fetch" else fetched
        failing = sum(1 for p in counted if p["fields"].get(column) == "broken")
        drifted = sum(1 for p in counted if p["fields"].get(column) == "drift")
        fields[column] = {
            "status": field_status(failing, drifted, len(counted)),
            "failing": failing,
            "drifted": drifted,
            "pages": len(counted),
        }
    problems = list(meta.get("problems") or [])
    status = worst(f["status"] for f in fields.values())
    if not pages:
        status = "broken"
        fields["fetch"]["status"] = "broken"
        problems.insert(0, nothing_crawled_reason(meta))
    counts = Counter(p["status"] for p in pages)
    return {
        "site": name,
        "status": status,
        "verdict": site_verdict(pages),
        "pages": len(pages),
        "healthy": counts["healthy"],
        "drifted": counts["drifted"],
        "broken": counts["broken"],
        "fetch_failed": counts["fetch-failed"],
        "fields": fields,
        "problems": problems,
        "discovered": meta.get("discovered"),
        "baseline_pages": meta.get("baseline_pages"),
        "finish_reason": meta.get("finish_reason"),
        "cause": nothing_crawled_cause(meta) if not pages else None,
        "stats": meta.get("stats") or {},
    }


def site_verdict(pages: list[dict]) -> str:
    """The worst page verdict (healthy < drift < broken); a site that gave no page is broken."""
    # a page record resumed from a jobdir written before records had a verdict: from its status
    verdicts = {p.get("verdict") or VERDICT_OF_STATUS[p["status"]] for p in pages}
    if not pages or "broken" in verdicts:
        return "broken"
    return "drift" if "drift" in verdicts else "healthy"


def nothing_crawled_cause(meta: dict) -> str:
    """The likeliest reason a site gave no page, as a short kind (incidents group by it)."""
    stats = meta.get("stats") or {}
    if stats.get("challenge_pages"):
        return "captcha"
    errors = {code: n for code, n in (stats.get("responses") or {}).items()
              if str(code).isdigit() and int(code) >= 400 and int(code) != 404}
    if errors:
        return "HTTP " + str(max(errors, key=errors.get))
    if stats.get("download_errors"):
        return "download errors"
    if stats.get("robots_forbidden"):
        return "robots.txt"
    if meta.get("finish_reason") not in (None, "finished"):
        return f"crawl ended: {meta['finish_reason']}"
    return "no articles discovered"


def nothing_crawled_reason(meta: dict) -> str:
    stats = meta.get("stats") or {}
    bits = []
    if stats.get("challenge_pages"):
        bits.append(f"{stats['challenge_pages']} answers were bot challenge pages (captcha)")
    if meta.get("discovered") is not None:
        bits.append(f"discovery found {meta['discovered']} article URLs")
    statuses = stats.get("responses") or {}
    if statuses:
        bits.append("responses " + ", ".join(f"HTTP {code} x{n}" for code, n in sorted(statuses.items())))
    if stats.get("download_errors"):
        bits.append(f"{stats['download_errors']} downloads failed")
    if stats.get("robots_forbidden"):
        bits.append(f"{stats['robots_forbidden']} requests forbidden by robots.txt")
    if meta.get("finish_reason") and meta["finish_reason"] != "finished":
        bits.append(f"crawl ended: {meta['finish_reason']}")
    return "nothing crawled" + (": " + "; ".join(bits) if bits else "")


def change_signature(changes: list[dict]) -> tuple:
    return tuple(sorted((c.get("field"), tuple(c.get("appeared") or ()), tuple(c.get("vanished") or ()))
                        for c in changes))


def layout_label(page: dict) -> str:
    """The page's layout as the report names it: "gamurs-blocks", or "gamurs-blocks -> generic"
    when the page no longer matches the layout its site was recorded with."""
    now, then = page.get("layout") or "?", page.get("recorded_layout")
    return f"{then} \u2192 {now}" if then and then != now else now


def incident_key(page: dict) -> tuple:
    if page["status"] == "fetch-failed":
        return ("fetch", page["fetch_error"]["kind"])
    checks = sorted({f["check"] for f in page["failures"]})
    return (layout_label(page), tuple(checks), change_signature(page["template_changes"]))


def incidents(pages: list[dict], site_summaries: dict[str, dict] | None = None) -> list[dict]:
    out = _page_incidents(pages) + _site_incidents(site_summaries or {})
    severity = {"breakage": 0, "fetch": 1, "drift": 2}
    out.sort(key=lambda i: (severity[i["kind"]], -len(i["sites"]), -len(i["pages"]), i["title"]))
    for n, incident in enumerate(out, 1):
        incident["id"] = f"I{n}"
    return out


def _site_incidents(site_summaries: dict[str, dict]) -> list[dict]:
    """Sites that gave no page at all, grouped by cause."""
    groups: dict[str, list[str]] = {}
    for site, info in site_summaries.items():
        if info["pages"] == 0:
            groups.setdefault(info.get("cause") or "nothing crawled", []).append(site)
    out = []
    for cause, sites in groups.items():
        where = f"{len(sites)} sites" if len(sites) > 1 else sites[0]
        out.append({
            "kind": "fetch",
            "layout": None,
            "checks": [f"fetch: {cause}"],
            "sites": sorted(sites),
            "pages": [],
            "template_changes": [],
            "examples": [{"site": site, "url": None, "cassette": None, "failures": [{
                "check": "fetch", "fields": ["fetch"], "expected": "article pages to crawl",
                "found": "; ".join(site_summaries[site]["problems"][:1]),
                "message": "; ".join(site_summaries[site]["problems"][:1])}]} for site in sorted(sites)],
            "title": f"nothing crawled ({cause}) on {where}",
        })
    return out


def _page_incidents(pages: list[dict]) -> list[dict]:
    groups: dict[tuple, list[dict]] = {}
    for page in pages:
        if page["status"] == "healthy":
            continue
        groups.setdefault(incident_key(page), []).append(page)
    out = []
    for key, members in groups.items():
        first = members[0]
        sites = sorted({p["site"] for p in members})
        fetch = key[0] == "fetch"
        checks = [f"fetch: {key[1]}"] if fetch else list(key[1])
        if fetch:
            kind = "fetch"
        elif any(p["status"] == "broken" for p in members):
            kind = "breakage"
        else:
            kind = "drift"
        examples = []
        for site in sites:  # one example page per site, with what it expected and found
            page = next(p for p in members if p["site"] == site)
            examples.append({"site": site, "url": page["url"], "cassette": page["cassette"],
                             "failures": page["failures"]})
        layout = None if fetch else key[0]
        out.append({
            "kind": kind,
            "layout": layout,
            "checks": checks,
            "sites": sites,
            "pages": [{"site": p["site"], "url": p["url"], "cassette": p["cassette"]} for p in members],
            # a page that is not the article (captcha, error page) says nothing about the template
            "template_changes": [] if fetch else first["template_changes"],
            "examples": examples,
            "title": _title(kind, layout, checks, sites, first),
        })
    return out


def _title(kind: str, layout: str | None, checks: list[str], sites: list[str], first: dict) -> str:
    where = f"{len(sites)} sites" if len(sites) > 1 else sites[0]
    if kind == "fetch":
        return f"{first['fetch_error']['kind']} on {where}"
    what = ", ".join(checks) if checks else "template"
    verb = "template changed" if kind == "drift" else f"{what} failing"
    return f"{layout or 'unknown layout'}: {verb} on {where}"


def overall(site_summaries: dict[str, dict], pages: list[dict]) -> str:
    if not pages:
        return "failed"
    return worst(s["status"] for s in site_summaries.values())


def build(pages: list[dict], site_meta: dict[str, dict], sites: list[str]) -> dict:
    """{"status", "sites": {...}, "incidents": [...], "totals": {...}}."""
    by_site = {site: [p for p in pages if p["site"] == site] for site in sites}
    summaries = {site: site_summary(site, by_site[site], site_meta.get(site)) for site in sites}
    counts = Counter(p["status"] for p in pages)
    verdicts = {info["verdict"] for info in summaries.values()}
    return {
        "status": overall(summaries, pages),
        "verdict": "broken" if "broken" in verdicts or not sites else "drift" if "drift" in verdicts else "healthy",
        "sites": summaries,
        "incidents": incidents(pages, summaries),
        "totals": {
            "sites": len(sites),
            "pages": len(pages),
            "healthy": counts["healthy"],
            "drifted": counts["drifted"],
            "broken": counts["broken"],
            "fetch_failed": counts["fetch-failed"],
            "captured": sum(1 for p in pages if p.get("cassette")),
        },
    }
