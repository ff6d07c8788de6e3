"""Prima Games (primagames.com): GAMURS shared blocks."""

from pressguard.scrapy.gamurs_spider import GamursSpider


class PrimagamesSpider(GamursSpider):
    name = "primagames"
    sections = ("news", "tips", "reviews")
