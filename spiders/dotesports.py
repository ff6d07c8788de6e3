"""Dot Esports (dotesports.com): GAMURS shared blocks."""

from pressguard.scrapy.gamurs_spider import GamursSpider


class DotesportsSpider(GamursSpider):
    name = "dotesports"
    sections = ("valorant", "league-of-legends", "counter-strike", "fortnite")
