"""The pressguard Scrapy add-on: `ADDONS = {"pressguard.Addon": 100}` in any project.

One line gives a project's spiders, whatever they are built on, what pressguard's own
spiders get: the cassette download handler for every scheme, DNS refused in replay,
no telnet console or remote control, cassette routing (routing.py), the recording of
one cassette per page, the items linked to their pages (page_link.py) and the health
check pipeline (pipeline.py).

Everything is set at Scrapy's "addon" priority, below "project": a setting the project
names itself wins, and so does `-s`. Component dictionaries (handlers, middlewares,
pipelines, extensions) are merged key by key, so a project's own entries stay.
"""

from __future__ import annotations

from pathlib import Path

from scrapy.exceptions import UsageError
from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings
from scrapy.settings.default_settings import DOWNLOAD_HANDLERS_BASE
from scrapy.utils.conf import closest_scrapy_cfg

MODES = ("replay", "record", "live")  # the handler's modes, checked here first
HANDLER = "pressguard.cassettes.handler.CassetteDownloadHandler"
ROUTING_MIDDLEWARE = "pressguard.cassettes.routing.CassetteRoutingMiddleware"
PAGE_LINK_MIDDLEWARE = "pressguard.scrapy.page_link.PageLinkMiddleware"
PIPELINE = "pressguard.verdict.pipeline.HealthCheckPipeline"

#: just above the download handler: it sees the request the handler will answer, and
#: its process_exception sees the handler's failures first
ROUTING_ORDER = 950
#: closest to the spider: every item the callback yields passes it first
PAGE_LINK_ORDER = 1000
#: after a project's own cleaning pipelines (Scrapy's examples use 300)
PIPELINE_ORDER = 900

#: defaults, overridable by the project's settings or -s
DEFAULTS = {
    "PRESSGUARD_MODE": "replay",  # replay | record | live; replay never opens a socket
    "PRESSGUARD_PAGE_SECONDS": 60,  # time budget to check one page; past it, a named failure
    "PRESSGUARD_NETWORK_HANDLER": "scrapy.core.downloader.handlers.http11.HTTP11DownloadHandler",
    "PRESSGUARD_FIELDS": {},  # pressguard field -> the project's item field, e.g. {"headline": "title"}
    # No way into a running process: Scrapy's telnet console and (2.13+) its HTTP
    # remote-control server, which runs Python code; neither in any mode.
    "TELNETCONSOLE_ENABLED": False,
    "REMOTE_CONTROL_ENABLED": False,
    # In replay every name lookup is refused; record and live resolve as Scrapy does.
    "TWISTED_DNS_RESOLVER": "pressguard.cassettes.network_block.ModeResolver",
}
DISABLED_EXTENSIONS = ("scrapy.extensions.telnet.TelnetConsole", "scrapy.extensions.remote_control.RemoteControl")
#: politeness that only costs time in replay (and robots.txt is not in any cassette)
OFF_IN_REPLAY = ("ROBOTSTXT_OBEY", "AUTOTHROTTLE_ENABLED")


class Addon:
    """Scrapy add-on; see the module docstring and docs/addon.md."""

    def update_settings(self, settings: BaseSettings) -> None:
        mode = settings.get("PRESSGUARD_MODE") or DEFAULTS["PRESSGUARD_MODE"]
        if mode not in MODES:
            # stops the crawl: without the handler a replay would go to the network
            # (pressguard's `scrapy crawl` checks it first and says it in one line)
            raise UsageError(f"setting PRESSGUARD_MODE={mode!r}: use one of {', '.join(MODES)}")
        for name, value in DEFAULTS.items():
            settings.set(name, value, priority="addon")
        settings.set("PRESSGUARD_CASSETTES_DIR", str(project_root() / "cassettes"), priority="addon")
        _merge(settings, "DOWNLOAD_HANDLERS", {scheme: HANDLER for scheme in DOWNLOAD_HANDLERS_BASE})
        _merge(settings, "DOWNLOADER_MIDDLEWARES", {ROUTING_MIDDLEWARE: ROUTING_ORDER})
        _merge(settings, "SPIDER_MIDDLEWARES", {PAGE_LINK_MIDDLEWARE: PAGE_LINK_ORDER})
        _merge(settings, "ITEM_PIPELINES", {PIPELINE: PIPELINE_ORDER})
        _merge(settings, "EXTENSIONS", dict.fromkeys(DISABLED_EXTENSIONS))
        if mode == "replay":
            # Over the project's own True (startproject writes ROBOTSTXT_OBEY = True):
            # a robots.txt request would be a cassette miss. -s still wins.
            for name in OFF_IN_REPLAY:
                settings.set(name, False, priority="spider")


def project_root() -> Path:
    """The folder of the closest scrapy.cfg (from the current folder up), else the current folder."""
    cfg = closest_scrapy_cfg()
    return Path(cfg).parent if cfg else Path.cwd()


def _merge(settings: BaseSettings, name: str, entries: dict) -> None:
    """Add entries the setting does not name yet; the project's own keys win.

    Kept at the setting's own priority (as Scrapy's set_in_component_priority_dict
    does), or "addon" for a setting nobody set, so later layers still override it."""
    current = settings.getdict(name)
    # a component may be named by its import path or by the class itself
    named = {key if isinstance(key, str) else f"{key.__module__}.{key.__qualname__}" for key in current}
    merged = dict(current)
    for key, value in entries.items():
        if key not in named:
            merged[key] = value
    settings.set(name, merged, priority=max(settings.getpriority(name) or 0, SETTINGS_PRIORITIES["addon"]))
