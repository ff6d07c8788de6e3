"""Pro Game Guides (progameguides.com): GAMURS shared blocks."""

from pressguard.scrapy.gamurs_spider import GamursSpider


class ProgameguidesSpider(GamursSpider):
    name = "progameguides"
    sections = ("roblox", "genshin-impact", "minecraft", "fortnite")
