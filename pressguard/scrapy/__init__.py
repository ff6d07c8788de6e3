"""The Scrapy side: the add-on, the spiders' base, discovery, settings, the runner and commands."""
