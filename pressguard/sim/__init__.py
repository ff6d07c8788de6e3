"""The publisher simulator: a local stand-in for the live GAMURS sites.

A real HTTP server on 127.0.0.1 that behaves as an HTTP(S) forward proxy, so crawlers keep
the real URLs (https://wegotthiscovered.com/...) and only gain a proxy setting. It serves
every site of pressguard.sites with deterministic articles, lists, sitemaps and feeds,
switchable template versions and injectable faults. It never forwards to the real web.

    from pressguard.sim import Simulator
    with Simulator() as sim:
        sim.article_urls("wegotthiscovered")  # real-domain URLs, newest first
        sim.set_template("destructoid", "gamurs-blocks")
        sim.set_fault("dotesports", "429", retry_after=3, times=2)
        ...  # https_proxy=sim.proxy_url

Modules: server (HTTP, proxy, TLS), certs, app (routing and state), control (index page,
control API), catalog (a site's URL space), content (deterministic articles), variants
(per-site quirks), head (meta tags and JSON-LD), render_gamurs / render_destructoid
(templates), boilerplate (page furniture), discovery (robots, sitemaps, feed), faults,
response (wire-level response), cli (`pressguard sim`).
"""

from pressguard.sim.cli import main
from pressguard.sim.server import Simulator

__all__ = ["Simulator", "main"]
