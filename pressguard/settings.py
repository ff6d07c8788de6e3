"""Scrapy settings for pressguard's spiders (scrapy.cfg points here)."""

from scrapy.settings import default_settings as _scrapy_defaults

BOT_NAME = "pressguard"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"
COMMANDS_MODULE = "pressguard.scrapy_commands"

# Cassettes sit where the network would: every downloader middleware runs above.
# Every scheme Scrapy can download goes through them (file, data, s3, ftp too):
# in replay nothing reaches the disk or the network, live they pass through.
DOWNLOAD_HANDLERS = {
    scheme: "pressguard.handler.CassetteDownloadHandler" for scheme in _scrapy_defaults.DOWNLOAD_HANDLERS_BASE
}
# In replay every DNS lookup is refused; record and live resolve as Scrapy does.
TWISTED_DNS_RESOLVER = "pressguard.network_block.ModeResolver"
PRESSGUARD_MODE = "replay"  # replay | record | live; replay never opens a socket
PRESSGUARD_CASSETTES_DIR = "cassettes"
PRESSGUARD_PAGE_SECONDS = 60  # time budget to assess one page; past it, a named failure
PRESSGUARD_NETWORK_HANDLER = "scrapy.core.downloader.handlers.http11.HTTP11DownloadHandler"

# Politeness for live and record runs; the spider turns these off in replay,
# where there is no server to be polite to and delays would only cost time.
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_TIMEOUT = 30
RETRY_TIMES = 2
USER_AGENT = "pressguard/0.1 (+scraper regression harness)"

# No way into a running process: Scrapy enables a telnet console and (2.13+) an
# HTTP remote-control server that runs Python code; neither in any mode.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
EXTENSIONS = {
    "scrapy.extensions.telnet.TelnetConsole": None,
    "scrapy.extensions.remote_control.RemoteControl": None,
}
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
