"""report.html: the crawl at a glance, one self-contained file (inline CSS, no script).

Top to bottom: the verdict banner; a site x field matrix (healthy / degraded /
broken, with counts); the incidents (failures grouped across sites by layout,
failing checks and template change), each with what appeared and vanished in the
template and expected vs found; every failing page with its evidence; the healthy
pages folded away.
"""

from __future__ import annotations

from html import escape

from .pages import COLUMNS

CSS = """
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,
 "Noto Sans","DejaVu Sans",sans-serif;color:#1f2328;background:#f6f8fa}
main{max-width:1240px;margin:0 auto;padding:0 20px 40px}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:17px;margin:28px 0 10px;padding-bottom:4px;border-bottom:1px solid #d0d7de}
h3{font-size:15px;margin:0 0 8px}
h4{font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#57606a;margin:14px 0 6px}
code,.mono{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace}
a{color:#0969da}
.banner{padding:18px 20px;margin:16px 0 8px;border-radius:8px;color:#fff}
.banner .meta{opacity:.92;font-size:13px}
.banner.s-healthy{background:#1a7f37}.banner.s-degraded{background:#9a6700}
.banner.s-broken{background:#cf222e}.banner.s-failed{background:#6e1018}
.chips{margin-top:10px;display:flex;flex-wrap:wrap;gap:6px}
.chip{background:rgba(255,255,255,.18);border:1px solid rgba(255,255,255,.35);border-radius:12px;
 padding:1px 10px;font-size:12px}
.warn{background:#fff8c5;border:1px solid #d4a72c;color:#4d2d00;padding:10px 14px;border-radius:6px;margin:12px 0}
.err{background:#ffebe9;border:1px solid #ff8182;color:#6e1018;padding:10px 14px;border-radius:6px;margin:12px 0}
table{border-collapse:collapse;width:100%;background:#fff;border:1px solid #d0d7de}
table.fixed{table-layout:fixed}
th,td{padding:6px 8px;border-bottom:1px solid #eaeef2;text-align:left;vertical-align:top}
thead th{background:#f6f8fa;font-size:12px;color:#57606a;font-weight:600;white-space:nowrap}
tbody th{font-weight:600;white-space:nowrap}
td.wrap,td .wrap{overflow-wrap:anywhere;word-break:break-word}
.matrix td.cell{text-align:center;white-space:nowrap;font-size:12px;font-weight:600;border-left:1px solid #eaeef2}
.matrix .n{display:block;font-weight:400;font-size:11px;opacity:.8}
.s-healthy.cell,.pill.s-healthy{background:#dafbe1;color:#116329}
.s-degraded.cell,.pill.s-degraded{background:#fff8c5;color:#7d4e00}
.s-broken.cell,.pill.s-broken{background:#ffebe9;color:#a40e26}
.s-failed.cell,.pill.s-failed{background:#6e1018;color:#fff}
.s-na.cell{background:#f6f8fa;color:#8c959f;font-weight:400}
.pill{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;white-space:nowrap}
.pill.p-healthy{background:#dafbe1;color:#116329}.pill.p-drifted{background:#fff8c5;color:#7d4e00}
.pill.p-broken{background:#ffebe9;color:#a40e26}.pill.p-fetch-failed{background:#ffd8b5;color:#762c00}
.problems td{background:#fffbf0;color:#57606a;font-size:12px}
.legend{font-size:12px;color:#57606a;margin:6px 0 0}
.incident{background:#fff;border:1px solid #d0d7de;border-left:6px solid #cf222e;border-radius:6px;
 padding:14px 16px;margin:0 0 14px}
.incident.k-drift{border-left-color:#bf8700}.incident.k-fetch{border-left-color:#bc4c00}
.badge{display:inline-block;background:#24292f;color:#fff;border-radius:4px;padding:0 6px;font-size:12px;
 margin-right:6px;vertical-align:1px}
.sites .site{display:inline-block;background:#ddf4ff;color:#0550ae;border-radius:10px;padding:0 8px;
 margin:0 4px 2px 0;font-size:12px;font-weight:600}
.plus,.minus{display:inline-block;border-radius:4px;padding:0 5px;margin:0 4px 3px 0}
.plus{background:#dafbe1;color:#116329}.minus{background:#ffebe9;color:#a40e26}
.expected{color:#116329}.found{color:#a40e26}
.changes td:first-child,.evf td:first-child{white-space:nowrap;font-weight:600}
details{margin:8px 0}summary{cursor:pointer;color:#0969da}
ul.plain{margin:6px 0;padding-left:18px}
footer{margin-top:32px;color:#57606a;font-size:12px}
"""

_LABEL = {"healthy": "healthy", "degraded": "degraded", "broken": "broken", "failed": "failed", "n/a": "n/a"}
_ICON = {"healthy": "\u2714", "degraded": "\u25b2", "broken": "\u2716", "failed": "\u2716", "n/a": "\u2013"}
DASH = "\u2013"
_COLUMN_LABEL = {"page": "page layout"}
_PAGE_LABEL = {"healthy": "healthy", "drifted": "drifted", "broken": "broken", "fetch-failed": "not fetched"}


def _e(value) -> str:
    return escape("" if value is None else str(value))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _css_status(status: str) -> str:
    return "s-na" if status == "n/a" else f"s-{status}"


def _clip(text: str, n: int = 400) -> str:
    text = text or ""
    return text if len(text) <= n else text[: n - 1] + "\u2026"


def _banner(doc: dict) -> str:
    t = doc["totals"]
    status = doc["status"]
    when = doc.get("finished_at") or doc.get("updated_at")
    opts = doc["options"]
    meta = (f"started {_e(doc['started_at'])} \u00b7 {'finished' if doc.get('finished_at') else 'last update'} "
            f"{_e(when)} \u00b7 {t['sites']} site{'s' if t['sites'] != 1 else ''} \u00b7 newest "
            f"{_e(opts['limit'])} per site")
    if opts.get("proxy"):
        meta += f" \u00b7 via proxy {_e(opts['proxy'])}"
    n_inc = len(doc["incidents"])
    chips = [_plural(t["pages"], "page"), f"{t['healthy']} healthy", f"{t['drifted']} drifted",
             f"{t['broken']} broken", f"{t['fetch_failed']} not fetched", f"{t['captured']} captured",
             _plural(n_inc, "incident")]
    if status == "interrupted":  # a stop from outside is no verdict on the sites
        verdict = f"Interrupted ({_e(doc['interrupted'])})"
        css = _css_status("degraded")
    else:
        verdict = {"healthy": "Healthy", "degraded": "Degraded", "broken": "Broken", "failed": "Crawl failed"}[status]
        css = _css_status(status)
        if not doc["complete"] and status != "failed":
            verdict += " so far (incomplete)"
    page_verdict = doc.get("verdict")
    if page_verdict:
        fail_on = doc["options"].get("fail_on", "broken")
        failing = page_verdict == "broken" or (page_verdict == "drift" and fail_on == "drift")
        meta += (f" \u00b7 worst page verdict: {_e(page_verdict)}"
                 f" ({'fails' if failing else 'does not fail'} this crawl, --fail-on {_e(fail_on)})")
    if doc.get("run_id"):
        meta += f" \u00b7 run {_e(doc['run_id'])}"
    return (f'<header class="banner {css}"><h1>pressguard crawl: {verdict}</h1>'
            f'<div class="meta">{meta}</div><div class="chips">'
            + "".join(f'<span class="chip">{_e(c)}</span>' for c in chips) + "</div></header>")


def _notices(doc: dict) -> str:
    out = []
    if not doc["complete"]:
        if doc.get("interrupted"):
            why = f"the crawl was interrupted ({_e(doc['interrupted'])})"
            if doc.get("finished_at") is None:
                why += " and is finishing the pages in flight"
        elif doc.get("finished_at") is None:
            why = "the crawl is still running (or was killed)"
        else:
            why = "the crawl did not finish"
        out.append(f'<div class="warn"><b>Incomplete report:</b> {why}; it covers only the pages assessed so far.'
                   + (f" Resume with <code>--jobdir {_e(doc['options']['jobdir'])}</code>." if doc["options"].get("jobdir") else "")
                   + "</div>")
    if doc.get("resumed_pages"):
        out.append(f'<div class="warn">Resumed crawl: {doc["resumed_pages"]} pages were assessed before the '
                   "interruption and are included.</div>")
    if doc.get("error"):
        out.append(f'<div class="err"><b>The crawl itself failed:</b> {_e(doc["error"])}</div>')
    hook = doc.get("webhook")
    if hook and not hook.get("ok"):
        out.append(f'<div class="err"><b>Webhook not delivered:</b> {_e(hook.get("error"))}</div>')
    return "".join(out)


def _matrix(doc: dict) -> str:
    head = "".join(f"<th>{_e(_COLUMN_LABEL.get(c, c))}</th>" for c in COLUMNS)
    rows = []
    for site, info in doc["sites"].items():
        cells = []
        for column in COLUMNS:
            f = info["fields"][column]
            status = f["status"]
            if status == "n/a" or not f["pages"]:
                n = "no page"
            elif f["failing"] or f["drifted"]:
                bits = []
                if f["failing"]:
                    bits.append(f"{f['failing']}/{f['pages']} failing")
                if f["drifted"]:
                    bits.append(f"{f['drifted']}/{f['pages']} drifted")
                n = ", ".join(bits)
            else:
                n = f"{f['pages']}/{f['pages']} ok"
            cells.append(f'<td class="cell {_css_status(status)}">{_ICON[status]} {_LABEL[status]}'
                         f'<span class="n">{_e(n)}</span></td>')
        status = info["status"]
        rows.append(f'<tr><th>{_e(site)}</th><td class="cell {_css_status(status)}">{_ICON[status]} '
                    f'{_LABEL[status]}<span class="n">{info["pages"]} pages</span></td>' + "".join(cells) + "</tr>")
        if info["problems"]:
            rows.append(f'<tr class="problems"><td colspan="{len(COLUMNS) + 2}">'
                        + "<br>".join(_e(p) for p in info["problems"]) + "</td></tr>")
    return ('<h2>Sites and fields</h2><table class="matrix"><thead><tr><th>site</th><th>site status</th>'
            + head + "</tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
            '<p class="legend">\u2714 healthy: no page failed. \u25b2 degraded: some pages failed, or the template '
            "changed around the field while its value held. \u2716 broken: the field failed on at least half the "
            "pages. <i>fetch</i>: the page could be fetched and was the article; <i>page layout</i>: the layout "
            "matched and the page-level template.</p>")


def _changes_table(changes: list[dict]) -> str:
    if not changes:
        return ""
    rows = []
    for c in changes:
        appeared = "".join(f'<code class="plus">+ {_e(a)}</code>' for a in c.get("appeared") or [])
        vanished = "".join(f'<code class="minus">\u2212 {_e(v)}</code>' for v in c.get("vanished") or [])
        note = ""
        summary = c.get("summary") or ""
        if not appeared and not vanished:
            note = f'<span class="mono">{_e(summary)}</span>'
        rows.append(f"<tr><td>{_e(c.get('field'))}</td><td>{appeared or DASH}</td>"
                    f"<td>{vanished or DASH}{note}</td></tr>")
    return ('<h4>What changed in the template (recorded \u2192 now)</h4><table class="changes"><thead><tr>'
            "<th>field</th><th>appeared</th><th>vanished</th></tr></thead><tbody>" + "".join(rows)
            + "</tbody></table>")


def _evf_rows(site: str | None, failures: list[dict], skip_template: bool) -> list[str]:
    rows = []
    for f in failures:
        if skip_template and f["check"] == "template":
            continue
        where = f"<td>{_e(site)}</td>" if site is not None else ""
        rows.append(f"<tr>{where}<td>{_e(f['check'])}<br><small>{_e(', '.join(f['fields']))}</small></td>"
                    f'<td class="wrap expected">{_e(_clip(f["expected"]))}</td>'
                    f'<td class="wrap found">{_e(_clip(f["found"]))}</td></tr>')
    return rows


def _incidents(doc: dict) -> str:
    incidents = doc["incidents"]
    if not incidents:
        return "<h2>Incidents</h2><p>None: every page assessed is healthy.</p>" if doc["pages"] else ""
    out = [f"<h2>Incidents ({len(incidents)})</h2>"]
    for inc in incidents:
        sites = "".join(f'<span class="site">{_e(s)}</span>' for s in inc["sites"])
        n = len(inc["pages"])
        kind = {"breakage": "broken extraction", "drift": "template drift", "fetch": "fetch failure"}[inc["kind"]]
        head = (f'<article class="incident k-{inc["kind"]}" id="{_e(inc["id"])}"><h3><span class="badge">{_e(inc["id"])}</span>'
                f'{_e(inc["title"])}</h3><div class="sites">{kind} \u00b7 {_plural(len(inc["sites"]), "site")}: {sites}')
        if n:
            head += f" \u00b7 {_plural(n, 'page')}"
        if inc.get("layout"):
            head += f' \u00b7 layout <code>{_e(inc["layout"])}</code>'
        head += "</div>"
        body = [_changes_table(inc["template_changes"])]
        rows = []
        for ex in inc["examples"]:
            rows += _evf_rows(ex["site"], ex["failures"], skip_template=bool(inc["template_changes"])
                              or inc["kind"] == "fetch")
        if rows:
            body.append(f'<h4>Expected vs found{" (one page per site)" if n else ""}</h4><table class="evf"><thead><tr><th>site</th>'
                        '<th>check / field</th><th>expected</th><th>found</th></tr></thead><tbody>'
                        + "".join(rows) + "</tbody></table>")
        items = []
        if not inc["pages"]:
            out.append(head + "".join(body) + "</article>")
            continue
        for p in inc["pages"]:
            evidence = (f' \u2014 <code>pressguard replay {_e(p["cassette"])}</code>' if p.get("cassette")
                        else " \u2014 no cassette (no answer to keep)")
            items.append(f'<li class="wrap"><b>{_e(p["site"])}</b> <a href="{_e(p["url"])}">{_e(p["url"])}</a>'
                         f"{evidence}</li>")
        body.append(f"<details><summary>{n} page{'s' if n != 1 else ''} and how to replay them</summary>"
                    f'<ul class="plain">{"".join(items)}</ul></details>')
        out.append(head + "".join(body) + "</article>")
    return "".join(out)


_SEVERITY = {"broken": 0, "fetch-failed": 1, "drifted": 2, "healthy": 3}


def _failing_pages(doc: dict) -> str:
    failing = [p for p in doc["pages"] if p["status"] != "healthy"]
    if not failing:
        return ""
    incident_of = {(p["site"], p["url"]): inc["id"] for inc in doc["incidents"] for p in inc["pages"]}
    failing.sort(key=lambda p: (_SEVERITY[p["status"]], p["site"], p["url"]))
    rows = []
    for p in failing:
        failures = [f for f in p["failures"] if f["check"] != "template"]
        lines = "".join(
            f'<div><b>{_e(f["check"])}</b> ({_e(", ".join(f["fields"]))}): '
            + (f'expected <span class="expected">{_e(_clip(f["expected"], 200))}</span>, ' if f["expected"] else "")
            + f'found <span class="found">{_e(_clip(f["found"], 300))}</span></div>'
            for f in failures
        )
        if p["template_changes"] and p["status"] != "fetch-failed":
            fields = ", ".join(dict.fromkeys(c["field"] for c in p["template_changes"]))
            lines += f"<div><b>template</b> changed around: {_e(fields)}</div>"
        incident = incident_of.get((p["site"], p["url"]))
        if incident:
            lines += f'<div><small>see <a href="#{_e(incident)}">{_e(incident)}</a></small></div>'
        evidence = f'<code class="wrap">{_e(p["cassette"])}</code>' if p.get("cassette") else DASH
        layout = p.get("layout") or ""
        if p.get("recorded_layout") and p["recorded_layout"] != layout:
            layout = f"{p['recorded_layout']} \u2192 {layout}"
        rows.append(f'<tr><td>{_e(p["site"])}</td><td class="wrap"><a href="{_e(p["url"])}">{_e(p["url"])}</a>'
                    f'<br><small>{_e(layout)}</small></td>'
                    f'<td><span class="pill p-{_e(p["status"])}">{_e(_PAGE_LABEL[p["status"]])}</span></td>'
                    f'<td class="wrap">{lines}</td><td class="wrap">{evidence}</td></tr>')
    return (f"<h2>Failing pages ({len(failing)})</h2><table class=\"fixed\"><colgroup><col style=\"width:11%\">"
            '<col style="width:27%"><col style="width:9%"><col style="width:33%"><col style="width:20%"></colgroup>'
            "<thead><tr><th>site</th><th>page</th><th>status</th>"
            "<th>what failed: expected vs found</th><th>captured cassette</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table>")


def _healthy_pages(doc: dict) -> str:
    healthy = [p for p in doc["pages"] if p["status"] == "healthy"]
    if not healthy:
        return ""
    rows = "".join(
        f'<tr><td>{_e(p["site"])}</td><td class="wrap"><a href="{_e(p["url"])}">{_e(p["url"])}</a></td>'
        f'<td class="wrap">{_e(p.get("headline"))}</td><td>{_e(", ".join(p.get("authors") or []))}</td>'
        f'<td>{_e(p.get("paragraphs"))}</td><td>{_e(p.get("layout"))}</td></tr>'
        for p in healthy
    )
    return (f"<h2>Healthy pages ({len(healthy)})</h2><details><summary>show the {len(healthy)} healthy pages"
            "</summary><table><thead><tr><th>site</th><th>page</th><th>headline</th><th>authors</th>"
            "<th>paragraphs</th><th>layout</th></tr></thead><tbody>" + rows + "</tbody></table></details>")


def render_html(doc: dict) -> str:
    v = doc.get("versions") or {}
    title = f"pressguard crawl: {doc['status']}"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body><main>"
        + _banner(doc) + _notices(doc) + _matrix(doc) + _incidents(doc) + _failing_pages(doc) + _healthy_pages(doc)
        + f'<footer>pressguard {_e(v.get("pressguard"))} \u00b7 Scrapy {_e(v.get("scrapy"))} \u00b7 '
        "report.json and junit.xml sit next to this file \u00b7 captured cassettes in "
        f'<code>{_e(doc["options"]["captured"])}</code>; replay one from the project root with '
        "<code>pressguard replay PATH</code></footer></main></body></html>\n"
    )
