"""Attack of the Fanboy (attackofthefanboy.com): GAMURS shared blocks."""

from pressguard.scrapy.gamurs_spider import GamursSpider


class AttackofthefanboySpider(GamursSpider):
    name = "attackofthefanboy"
    sections = ("news", "guides", "reviews")
