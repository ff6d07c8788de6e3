"""pressguard: keeps news-publisher Scrapy spiders honest.

Data flows one way, and the package is cut the same way, one stage a folder:

    cassettes/  the recorded pages: file format, store, routing, the download handler
    scrapy/     the Scrapy side: the add-on, pressguard's spiders, the runner, commands
    extract/    one parse per page, the site layouts and the layout-free extractor
    verdict/    the item pipeline: second opinion, fingerprint, checks, the verdict
    testing/    the pytest plugin and the article snapshots
    crawl/      the scheduled crawl and its reports;  sim/  the publisher simulator

`pressguard.Addon` is the Scrapy add-on (`ADDONS = {"pressguard.Addon": 100}`);
it is imported on first use, so `import pressguard` does not import Scrapy.
"""

__version__ = "0.1.0"


def __getattr__(name: str):
    if name == "Addon":
        from .scrapy.addon import Addon

        return Addon
    raise AttributeError(f"module 'pressguard' has no attribute {name!r}")
