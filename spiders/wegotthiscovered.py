"""We Got This Covered (wegotthiscovered.com): GAMURS shared blocks."""

from pressguard.scrapy.gamurs_spider import GamursSpider


class WegotthiscoveredSpider(GamursSpider):
    name = "wegotthiscovered"
    sections = ("politics", "movies", "netflix", "tv", "gaming")
