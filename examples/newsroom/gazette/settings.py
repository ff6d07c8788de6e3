# Scrapy settings for the gazette project (as `scrapy startproject gazette` wrote them,
# trimmed to what is set).

BOT_NAME = "gazette"

SPIDER_MODULES = ["gazette.spiders"]
NEWSPIDER_MODULE = "gazette.spiders"

# Obey robots.txt rules
ROBOTSTXT_OBEY = True

FEED_EXPORT_ENCODING = "utf-8"

# Where the site lives; the spider also takes `-a base=URL`. The shipped
# recordings come from the example's own server on this port (`python serve_site.py`).
GAZETTE_BASE_URL = "http://127.0.0.1:8765"

# pressguard: cassettes (record / offline replay) and health checks on every article.
ADDONS = {"pressguard.Addon": 100}
# Our items name the article fields our own way.
PRESSGUARD_FIELDS = {"headline": "title", "authors": "byline", "body": "text"}
