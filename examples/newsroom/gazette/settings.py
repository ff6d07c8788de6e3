# Scrapy settings for the gazette project (as `scrapy startproject gazette` wrote them,
# trimmed to what is set).

import os

BOT_NAME = "gazette"

SPIDER_MODULES = ["gazette.spiders"]
NEWSPIDER_MODULE = "gazette.spiders"

# Obey robots.txt rules
ROBOTSTXT_OBEY = True

FEED_EXPORT_ENCODING = "utf-8"

# Where the site lives (the spider also takes `-a base=URL`). The example's stand-in
# site (`python serve_site.py`) listens here; the shipped recordings come from it.
# Served elsewhere, set GAZETTE_BASE_URL in the environment, for every command.
GAZETTE_BASE_URL = os.environ.get("GAZETTE_BASE_URL", "http://127.0.0.1:8765")

# pressguard: cassettes (record / offline replay) and health checks on every article.
ADDONS = {"pressguard.Addon": 100}
# Our items name the article fields our own way.
PRESSGUARD_FIELDS = {"headline": "title", "authors": "byline", "body": "text"}
