"""Scrapy settings for pressguard's spiders (scrapy.cfg points here).

pressguard's own spiders use the same add-on as any project (pressguard/scrapy/addon.py):
cassette handler, routing, item links, health-check pipeline, DNS refused in replay,
no telnet console or remote control, PRESSGUARD_* defaults.
"""

BOT_NAME = "pressguard"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"
COMMANDS_MODULE = "pressguard.scrapy.commands"

ADDONS = {"pressguard.Addon": 100}

# Politeness for live and record runs; the add-on turns robots.txt and AutoThrottle
# off in replay, where there is no server to be polite to and delays only cost time.
ROBOTSTXT_OBEY = True
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_TIMEOUT = 30
RETRY_TIMES = 2
USER_AGENT = "pressguard/0.1 (+scraper regression harness)"

# pressguard's spiders yield one item per page, and its pipeline is synchronous: Scrapy's
# default (100) starts 100 asyncio tasks for every page's output to process one item, about
# 0.9 ms of a replayed page's CPU (benchmarks/README-replay.md).
CONCURRENT_ITEMS = 1

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
