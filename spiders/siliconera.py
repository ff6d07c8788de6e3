"""Siliconera (siliconera.com): GAMURS shared blocks."""

from pressguard.scrapy.gamurs_spider import GamursSpider


class SiliconeraSpider(GamursSpider):
    name = "siliconera"
    sections = ("news", "reviews", "guides")
    listing_path = "/category/{section}/"
