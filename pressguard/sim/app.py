"""The simulator's brain, free of sockets: given a request, which response.

Requests for a site domain go to that site's catalog (through the fault table); requests
for the simulator itself go to the control API; anything else is a 502, because the
simulator never forwards to the real web.
"""

from __future__ import annotations

import threading
from urllib.parse import urlsplit

from pressguard.sim import catalog as cat
from pressguard.sim import control
from pressguard.sim import faults
from pressguard.sim.response import PIXEL, Response, maybe_gzip, wordpress_headers
from pressguard.sites import SITES, Site

LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


class App:
    def __init__(self):
        self.catalogs = {name: cat.SiteCatalog(site) for name, site in SITES.items()}
        self.faults = faults.FaultTable()
        self._lock = threading.Lock()
        self.templates = {name: cat.default_version(site) for name, site in SITES.items()}
        self.port = 0  # set by the server once bound, to recognise requests for ourselves

    # -- state -------------------------------------------------------------------------
    def site(self, name: str) -> Site:
        if name not in SITES:
            raise ValueError(f"unknown site {name!r}; valid: {', '.join(SITES)}")
        return SITES[name]

    def set_template(self, name: str, version: str) -> None:
        site = self.site(name)
        v = cat.normalize_version(site, version)
        with self._lock:
            self.templates[name] = v

    def set_fault(self, name: str | None, kind: str, **params) -> None:
        if name is not None:
            self.site(name)
        self.faults.set(name, faults.make_fault(kind, params))

    def reset(self) -> None:
        self.faults.clear()
        with self._lock:
            for name, site in SITES.items():
                self.templates[name] = cat.default_version(site)

    def article_urls(self, name: str) -> list[str]:
        self.site(name)
        return [a.url for a in self.catalogs[name].articles]

    # -- requests ----------------------------------------------------------------------
    @staticmethod
    def site_for_host(host: str) -> tuple[Site | None, bool]:
        """(site, is_www) for a Host value without port."""
        host = host.lower().rstrip(".")
        for site in SITES.values():
            if host == site.domain:
                return site, False
            if host == "www." + site.domain:
                return site, True
        return None, False

    def is_self(self, host: str, port: int | None) -> bool:
        return host.lower() in LOCAL_HOSTS and port in (None, self.port)

    def handle(self, method: str, target: str, headers, scheme: str,
               tunnel_host: str | None = None, body: bytes = b"") -> Response:
        """target is the request-target (absolute-form or origin-form)."""
        if target.startswith(("http://", "https://")):
            parts = urlsplit(target)
            scheme, host, port = parts.scheme, parts.hostname or "", parts.port
            path, query = parts.path or "/", parts.query
        else:
            hostport = tunnel_host or headers.get("Host", "")
            parts = urlsplit("//" + hostport)
            try:
                host, port = parts.hostname or "", parts.port
            except ValueError:
                host, port = hostport, None
            path, _, query = target.partition("?")
        site, www = self.site_for_host(host)
        if site is None:
            if tunnel_host is None and self.is_self(host, port):
                return control.handle(self, method, path, query, body)
            return unknown_host(host)
        if www:  # the real sites canonicalise www. to the apex
            location = f"https://{site.domain}{target_path(path, query)}"
            return Response(301, b"", headers=[("Location", location)])
        resp = self._site_response(site, scheme, path, query, method)
        return maybe_gzip(resp, headers.get("Accept-Encoding", ""))

    def _site_response(self, site: Site, scheme: str, path: str, query: str,
                       method: str) -> Response:
        catalog = self.catalogs[site.name]
        if method not in ("GET", "HEAD"):
            return Response.text(405, "Method Not Allowed\n", headers=[("Allow", "GET, HEAD")])
        art = catalog.find_article(path)
        is_original_article = art is not None and art.path in catalog.by_path
        fault = self.faults.take(site.name, path, is_original_article)
        if fault is not None:
            moved = catalog.moved(art).path if is_original_article else None
            early = faults.short_circuit(fault, site.domain, scheme, path, query, moved)
            if early is not None:
                early.headers.append(("X-Pressguard-Fault", fault.kind))
                return early
        if path.startswith("/wp-content/uploads/"):
            return Response(200, PIXEL, "image/gif", compressible=False)
        with self._lock:
            version = self.templates[site.name]
        page = catalog.page(path, version)
        if page.kind == "redirect":
            loc = page.location.replace("https://", f"{scheme}://", 1)
            resp = Response(page.status, b"", headers=[("Location", target_path(loc, query)),
                                                       ("X-Redirect-By", "WordPress")])
        else:
            body = page.raw if page.raw is not None else page.text.encode("utf-8")
            resp = Response(page.status, body, page.content_type,
                            wordpress_headers(site.domain, page.kind, path))
            if page.kind in ("article", "list"):
                resp.headers.append(("X-Pressguard-Template", version))
        if fault is not None:
            resp = faults.transform(fault, resp)
            resp.headers.append(("X-Pressguard-Fault", fault.kind))
        return resp


def target_path(path: str, query: str) -> str:
    return path + ("?" + query if query else "")


def unknown_host(host: str) -> Response:
    known = ", ".join(s.domain for s in SITES.values())
    return Response.text(
        502, f"502 Bad Gateway: pressguard simulator has no site for host {host!r}. The "
             f"simulator never forwards to the real web; it serves only: {known} (and www.), "
             f"plus its own index and control API on 127.0.0.1.\n", close=True)
