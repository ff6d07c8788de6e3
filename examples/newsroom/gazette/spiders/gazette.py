"""The Millbrook Gazette: the front page's latest stories, one item per story.

A plain Scrapy spider; nothing in it knows about pressguard.
"""

import scrapy


def clean(text: str) -> str:
    return " ".join(text.split())


class GazetteSpider(scrapy.Spider):
    name = "gazette"

    def __init__(self, base=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.base = base  # -a base=URL wins over the GAZETTE_BASE_URL setting

    async def start(self):
        base = self.base or self.settings.get("GAZETTE_BASE_URL")
        yield scrapy.Request(base.rstrip("/") + "/", callback=self.parse)

    def parse(self, response):
        for href in response.css("section.latest .story-card__title a::attr(href)").getall():
            yield response.follow(href, callback=self.parse_story)

    def parse_story(self, response):
        yield {
            "url": response.url,
            "title": clean(response.css("h1.story-title::text").get(default="")),
            "byline": [clean(name) for name in response.css(".story-meta .by a.author::text").getall()],
            "published": response.css(".story-meta time::attr(datetime)").get(),
            "text": [
                clean("".join(p.css("::text").getall()))
                for p in response.css("div.story-body > p")
            ],
        }
