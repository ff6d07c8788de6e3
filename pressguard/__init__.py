"""pressguard: keeps news-publisher Scrapy spiders honest.

Data flows one way: cassette -> download handler -> Scrapy engine -> spider
-> extractor -> item -> checks -> snapshot / report.
"""

__version__ = "0.1.0"
