"""The simulator's own pages on 127.0.0.1: an index of the sites and a small control API,
so a running `pressguard sim` can be switched from another process (curl, a test)."""

from __future__ import annotations

import json
from html import escape
from urllib.parse import parse_qs

from pressguard.sim import catalog as cat
from pressguard.sim.faults import COMMON, KINDS
from pressguard.sim.response import Response
from pressguard.sites import SITES

USAGE = """Control API (POST; answers JSON):
  POST /_sim/template?site=S&version=V
  POST /_sim/fault?site=S&kind=K[&times=N][&path=/prefix/][&retry_after=..|delay=..|...]
       (omit site, or site=*, for every site)
  POST /_sim/reset          clear faults, templates back to defaults
  GET  /_sim/state          current templates and faults
"""


def _json(status: int, obj) -> Response:
    return Response.text(status, json.dumps(obj, indent=1) + "\n", "application/json")


def handle(app, method: str, path: str, query: str, body: bytes) -> Response:
    params = {k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()}
    if method == "POST" and body and not query:  # also accept a form-encoded body
        params = {k: v[-1] for k, v in parse_qs(body.decode("latin-1")).items()}
    if path in ("/", "/index.html") and method in ("GET", "HEAD"):
        return Response.text(200, index_page(app), "text/html; charset=UTF-8")
    if path == "/_sim/state" and method in ("GET", "HEAD"):
        return _json(200, state(app))
    if path.startswith("/_sim/"):
        if method != "POST":
            return _json(405, {"ok": False, "error": f"use POST for {path}", "usage": USAGE})
        try:
            if path == "/_sim/template":
                app.set_template(params.get("site", ""), params.get("version", ""))
            elif path == "/_sim/fault":
                site = params.pop("site", None)
                kind = params.pop("kind", "")
                app.set_fault(None if site in (None, "", "*", "all") else site, kind, **params)
            elif path == "/_sim/reset":
                app.reset()
            else:
                return _json(404, {"ok": False, "error": f"no control endpoint {path}",
                                   "usage": USAGE})
        except (ValueError, TypeError) as exc:
            return _json(400, {"ok": False, "error": str(exc)})
        return _json(200, {"ok": True, **state(app)})
    return Response.text(404, f"not found: {path}\n\n{USAGE}")


def state(app) -> dict:
    return {"templates": dict(app.templates), "faults": app.faults.snapshot()}


def index_page(app) -> str:
    rows = []
    for name, site in SITES.items():
        c = app.catalogs[name]
        versions = ", ".join(cat.valid_versions(site))
        rows.append(f"<tr><td>{name}</td><td><a href=\"{site.origin}/\">{site.domain}</a></td>"
                    f"<td>{len(c.articles)}</td><td>{escape(app.templates[name])}</td>"
                    f"<td>{versions}</td></tr>")
    faults = "".join(f"<li>{escape(k)}: {escape(json.dumps(v))}</li>"
                     for k, v in app.faults.snapshot().items()) or "<li>none</li>"
    kinds = "".join(f"<li><code>{k}</code> {', '.join(list(p) + list(COMMON))}</li>"
                    for k, p in KINDS.items())
    proxy = f"http://127.0.0.1:{app.port}"
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>pressguard simulator"
            "</title></head><body><h1>pressguard publisher simulator</h1>"
            f"<p>Use it as an HTTP(S) proxy: <code>https_proxy={proxy} http_proxy={proxy} "
            "scrapy crawl wegotthiscovered</code>. URLs stay the real ones; nothing is ever "
            "forwarded to the real web. Every response carries "
            "<code>X-Pressguard-Simulator: 1</code>.</p>"
            "<table border=\"1\"><tr><th>site</th><th>domain</th><th>articles</th>"
            "<th>template</th><th>versions</th></tr>" + "".join(rows) + "</table>"
            f"<h2>Active faults</h2><ul>{faults}</ul><h2>Fault kinds</h2><ul>{kinds}</ul>"
            f"<pre>{escape(USAGE)}</pre></body></html>")
