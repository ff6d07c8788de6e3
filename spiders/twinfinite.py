"""Twinfinite (twinfinite.net): GAMURS shared blocks."""

from pressguard.scrapy.gamurs_spider import GamursSpider


class TwinfiniteSpider(GamursSpider):
    name = "twinfinite"
    sections = ("news", "reviews", "guides")
