"""Any publisher without a layout of its own: replay its cassettes with the generic extractor."""

from pressguard.scrapy.spider import PressguardSpider


class GenericSpider(PressguardSpider):
    name = "generic"
