"""Gamepur (gamepur.com): GAMURS shared blocks."""

from pressguard.scrapy.gamurs_spider import GamursSpider


class GamepurSpider(GamursSpider):
    name = "gamepur"
    sections = ("news", "guides", "reviews")
