"""Scrapy settings for pressguard's spiders (scrapy.cfg points here)."""

BOT_NAME = "pressguard"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"
COMMANDS_MODULE = "pressguard.scrapy_commands"

# Cassettes sit where the network would: every downloader middleware runs above.
DOWNLOAD_HANDLERS = {
    "http": "pressguard.handler.CassetteDownloadHandler",
    "https": "pressguard.handler.CassetteDownloadHandler",
}
PRESSGUARD_MODE = "replay"  # replay | record | live; replay never opens a socket
PRESSGUARD_CASSETTES_DIR = "cassettes"
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

TELNETCONSOLE_ENABLED = False
FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
