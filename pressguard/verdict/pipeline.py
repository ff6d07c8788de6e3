"""The health-check item pipeline: checks and a verdict for any spider's article items.

For every item that carries article fields (a headline or a body, under the names
PRESSGUARD_FIELDS maps), the page it came from (page_link.py) is judged with
assess.check_article, against the site's recorded templates, within the page's
time budget. Items with no article fields (a listing page's links) pass untouched.

Field rules, for items named differently from pressguard's own:
  PRESSGUARD_FIELDS = {"headline": "title", "authors": "byline", "body": "content"}
  maps pressguard's names (headline, dek, authors, published, body, url, and the
  results checks, verdict) to the item's. A body given as one string is split into
  paragraphs at line breaks; authors given as one string are split at commas,
  semicolons, "&" and the word "and". A missing url is the response's. A failing
  check's message names both: "expected body (item field 'content'): ...".

Results go into the item when it takes new keys (a dict, a scrapy.Item declaring the
fields); otherwise the item is left as it is and the verdict goes to the stats, the
log and response.meta (runner.py reports it). A broken verdict counts
`pressguard/check_failed` (the exit code) and logs one ERROR line.
"""

from __future__ import annotations

import logging
import re

from itemadapter import ItemAdapter

from ..cassettes.handler import META_FETCHED_AT
from ..scrapy.page_link import META_CHECKS, META_VERDICT, cassette_of, ledger_for

logger = logging.getLogger(__name__)

ARTICLE_FIELDS = ("url", "headline", "dek", "authors", "published", "body")
RESULT_FIELDS = ("checks", "verdict")
_PARAGRAPH_BREAK = re.compile(r"\s*(?:\r\n|\r|\n)\s*")
_AUTHOR_SEPARATOR = re.compile(r"\s*(?:[,;&]|\band\b)\s*", re.IGNORECASE)


def project_fields(settings) -> dict[str, str]:
    """pressguard's field name -> the project's item field (PRESSGUARD_FIELDS), for every field."""
    mapping = settings.getdict("PRESSGUARD_FIELDS")
    unknown = sorted(set(mapping) - set(ARTICLE_FIELDS) - set(RESULT_FIELDS))
    if unknown:
        raise ValueError(
            f"setting PRESSGUARD_FIELDS: {', '.join(unknown)} not pressguard fields; "
            f"map these: {', '.join(ARTICLE_FIELDS + RESULT_FIELDS)}"
        )
    return {name: mapping.get(name, name) for name in ARTICLE_FIELDS + RESULT_FIELDS}


def name_item_fields(message: str, check: str, fields: dict[str, str]) -> str:
    """A check's message with the project's name beside each pressguard field it names.

    "completeness: <url>: expected body: ..." -> "... expected body (item field 'text'): ...".
    A check named after a field that its words do not repeat (authors: "expected person
    names") gets the field named first: "expected authors (item field 'byline'): person names".
    """
    renamed = {name: own for name, own in fields.items() if own != name and name in ARTICLE_FIELDS}
    head, expected, detail = message.partition(": expected ")
    if not expected:  # not the "<check>: <url>: expected <x>, found <y>" form: leave it be
        return message
    named = False
    for name, own in renamed.items():
        detail, found = re.subn(rf"\b{name}\b", f"{name} (item field {own!r})", detail, count=1)
        named |= name == check and found
    if check in renamed and not named:
        detail = f"{check} (item field {renamed[check]!r}): {detail}"
    return f"{head}{expected}{detail}"


def article_fields(item: dict, fields: dict[str, str]) -> dict | None:
    """item's fields under pressguard's names (fields: project_fields), body and authors as
    lists; None when it has no headline or body."""
    article = dict(item)
    for name in ARTICLE_FIELDS:
        own = fields[name]
        if own != name:
            article.pop(name, None)  # the project's field of that name means something else
            if own in article:
                article[name] = article[own]
    if not (article.get("headline") or article.get("body")):
        return None
    if isinstance(article.get("body"), str):
        article["body"] = [p for p in _PARAGRAPH_BREAK.split(article["body"].strip()) if p]
    if isinstance(article.get("authors"), str):
        article["authors"] = [a for a in _AUTHOR_SEPARATOR.split(article["authors"].strip()) if a]
    return article


class HealthCheckPipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.ledger = ledger_for(crawler)
        settings = crawler.settings
        #: pressguard's field name -> the item's
        self.fields = project_fields(settings)
        self.cassettes_dir = settings.get("PRESSGUARD_CASSETTES_DIR", "cassettes")
        self.page_seconds = settings.getfloat("PRESSGUARD_PAGE_SECONDS", 60)

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item, spider=None):
        response = self.ledger.unlink(item)
        adapter = ItemAdapter(item)
        article = self.article_of(adapter)
        if article is None:
            self.crawler.stats.inc_value("pressguard/not_article")
            return item  # no article fields: not this pipeline's
        if response is None:
            # yielded by start(), or replaced by an earlier pipeline: no page to judge it by
            self.crawler.stats.inc_value("pressguard/unchecked")
            logger.warning("%s: item not checked: no response linked to it (yielded by start(), "
                           "or replaced by an earlier pipeline)", article.get("url"))
            return item
        cassette = cassette_of(response)
        if cassette is not None:
            self.ledger.articles.add(cassette)
        checks = self.check(article, response)
        if checks is None:
            return item  # over the page budget: that page's named failure
        verdict = article["verdict"]
        checks = {name: message if message == "ok" else name_item_fields(message, name, self.fields)
                  for name, message in checks.items()}
        self._store(item, adapter, response, checks, verdict)
        self.crawler.stats.inc_value(f"pressguard/verdict/{verdict}")
        if verdict == "broken":
            self.crawler.stats.inc_value("pressguard/check_failed")
            failing = "; ".join(m for m in checks.values() if m != "ok")  # each message names its check
            logger.error("%s: broken: %s", response.url, " ".join(failing.splitlines()))
        return item

    def article_of(self, adapter: ItemAdapter) -> dict | None:
        """The item's fields under pressguard's names; None when it has no headline or body."""
        return article_fields(dict(adapter.items()), self.fields)

    def check(self, article: dict, response) -> dict | None:
        """article's checks (article gets checks and verdict), or None after naming a page over budget."""
        from .assess import check_article, template_baseline  # the heavy part, loaded on first item
        from ..extract import PageTooLarge, time_budget

        url = article.get("url") or response.url
        article["url"] = url
        spider = self.crawler.spider
        baseline = template_baseline(str(self.cassettes_dir), spider.name)
        try:
            with time_budget(self.page_seconds, response.url):
                check_article(
                    article, response.body, url, site=spider.name,
                    fetched_at=response.meta.get(META_FETCHED_AT), baseline=baseline,
                    content_type=response.headers.get("Content-Type"),
                )
        except PageTooLarge as exc:  # over the size/depth/time budget: named, never a hang
            self.ledger.fail(response.url, cassette_of(response), str(exc))
            return None
        return article["checks"]

    def _store(self, item, adapter: ItemAdapter, response, checks: dict, verdict: str) -> None:
        response.meta[META_CHECKS] = checks
        response.meta[META_VERDICT] = verdict
        checks_field, verdict_field = self.fields["checks"], self.fields["verdict"]
        before = adapter.get(checks_field)
        try:
            adapter[checks_field] = checks
            adapter[verdict_field] = verdict
        except (KeyError, AttributeError, TypeError):
            # a scrapy.Item without the fields, a frozen dataclass: the item stays as it was
            if adapter.get(checks_field) is checks:  # took one field, not the other
                _restore(adapter, checks_field, before)
            self.crawler.stats.inc_value("pressguard/verdict_not_in_item")
            logger.info("%s: verdict %s (kept in the stats and the log: %s cannot take fields %r, %r)",
                        response.url, verdict, type(item).__name__, checks_field, verdict_field)


def _restore(adapter: ItemAdapter, field: str, value) -> None:
    try:
        if value is None:
            del adapter[field]
        else:
            adapter[field] = value
    except (KeyError, AttributeError, TypeError):
        pass
