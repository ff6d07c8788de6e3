"""pressguard: keeps news-publisher Scrapy spiders honest.

Data flows one way: cassette -> download handler -> Scrapy engine -> spider
-> extractor -> item -> checks -> snapshot / report.

`pressguard.Addon` is the Scrapy add-on (`ADDONS = {"pressguard.Addon": 100}`);
it is imported on first use, so `import pressguard` does not import Scrapy.
"""

__version__ = "0.1.0"


def __getattr__(name: str):
    if name == "Addon":
        from .addon import Addon

        return Addon
    raise AttributeError(f"module 'pressguard' has no attribute {name!r}")
