"""`pressguard crawl`: the scheduled live check of the sites, with its report.

Modules, in the order the data flows:
    command      options and their checks, exit codes
    job          runs the spiders live in one Scrapy process, page by page
    middlewares  Retry-After before retries; a staging cassette per article page
    evidence     record into staging, move failing pages' cassettes to _captured/
    pages        one page -> a page record (status, failures, template changes)
    summary      per site / per field verdicts, incidents across sites
    report       report.json, junit.xml (and html_report: report.html), atomically
    webhook      Slack-compatible summary on breakage
    state        --jobdir: pages already assessed, for resume
"""

from .command import main

__all__ = ["main"]
