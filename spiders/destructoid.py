"""Destructoid (destructoid.com): its own theme destructoid2025 since 2025, shared blocks before."""

from pressguard.scrapy.gamurs_spider import GamursSpider


class DestructoidSpider(GamursSpider):
    name = "destructoid"
    sections = ("news", "reviews", "guides")
