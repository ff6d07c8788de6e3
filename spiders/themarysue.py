"""The Mary Sue (themarysue.com): GAMURS shared blocks."""

from pressguard.scrapy.gamurs_spider import GamursSpider


class ThemarysueSpider(GamursSpider):
    name = "themarysue"
    sections = ("tv", "movies", "books", "gaming")
    listing_path = "/category/{section}/"
