"""What the Scrapy engine costs a replayed page outside the extraction and the checks
(issue #12, benchmarks/README-replay.md): counted, not timed.

One real `pressguard replay -j 1` over three sites' cassettes, in a subprocess whose
sitecustomize counts what each page makes the process do: the asyncio tasks it starts,
the times a spider callback's source is parsed, the times ItemAdapter is asked whether a
value is an item, and whether the collector's full passes still walk the process's
long-lived objects (gc.freeze) while the pages are replayed.
"""

import json
import os
import shutil

import pytest

from conftest import ROOT, _run

SITES = ("destructoid", "gamepur", "wegotthiscovered")

COUNT = """
import asyncio, atexit, gc, inspect, json, sys

counts = {{"tasks": 0, "sources": [], "is_item": 0, "frozen_while_replaying": [], "frozen_at_exit": None,
           "scrapy_debug_records": 0, "collections_while_replaying": 0, "threshold_at_exit": None}}

def _collected(phase, info):
    if phase == "start" and counts["frozen_while_replaying"]:  # (since the first cassette was opened)
        counts["collections_while_replaying"] += 1
gc.callbacks.append(_collected)

import logging
_make_record = logging.getLogRecordFactory()
def make_record(name, level, *args, **kwargs):
    if level == logging.DEBUG and name.startswith("scrapy.core."):  # the engine's and scraper's, per page
        counts["scrapy_debug_records"] += 1
    return _make_record(name, level, *args, **kwargs)
logging.setLogRecordFactory(make_record)

_create_task = asyncio.BaseEventLoop.create_task
def create_task(self, *args, **kwargs):
    counts["tasks"] += 1
    return _create_task(self, *args, **kwargs)
asyncio.BaseEventLoop.create_task = create_task

_getsource = inspect.getsource
def getsource(obj):
    counts["sources"].append(getattr(obj, "__qualname__", repr(obj)))
    return _getsource(obj)
inspect.getsource = getsource

import itemadapter
_is_item = itemadapter.ItemAdapter.is_item.__func__
def is_item(cls, obj):
    counts["is_item"] += 1
    return _is_item(cls, obj)
itemadapter.ItemAdapter.is_item = classmethod(is_item)

def _opened(event, args):
    # a cassette file opened once the crawl runs (the spider's start, the site profile)
    if event == "open" and str(args[0]).endswith(".yaml") and "twisted.internet.reactor" in sys.modules:
        counts["frozen_while_replaying"].append(gc.get_freeze_count())
sys.addaudithook(_opened)

def _write():
    counts["frozen_at_exit"] = gc.get_freeze_count()
    counts["threshold_at_exit"] = list(gc.get_threshold())
    with open({out!r}, "w") as handle:
        json.dump(counts, handle)
atexit.register(_write)
"""


@pytest.fixture(scope="module")
def replayed(tmp_path_factory):
    """(the replay's counts, its cassettes, its items) of one `pressguard replay -j 1 -o`."""
    tmp_path = tmp_path_factory.mktemp("engine-cost")
    for site in SITES:
        shutil.copytree(ROOT / "cassettes" / site, tmp_path / "cassettes" / site)
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    out = tmp_path / "counts.json"
    (hooks / "sitecustomize.py").write_text(COUNT.format(out=str(out)))
    # a PYTHONPATH already set stays behind the hook (to run the test against another checkout)
    path = os.pathsep.join([str(hooks), *filter(None, [os.environ.get("PYTHONPATH")])])
    result = _run(("replay", "-j", "1", "-q", "-o", "items.jsonl", "cassettes"), tmp_path, {"PYTHONPATH": path}, False)
    assert result.returncode == 0, result.stdout + result.stderr
    cassettes = sorted((tmp_path / "cassettes").rglob("*.yaml"))
    assert f"replayed {len(cassettes)} cassettes: {len(cassettes)} articles" in result.stdout
    items = [json.loads(line) for line in (tmp_path / "items.jsonl").read_text().splitlines()]
    return json.loads(out.read_text()), cassettes, items


def test_a_page_starts_a_few_asyncio_tasks_not_one_per_possible_item(replayed):
    # Scrapy processes a callback's output with CONCURRENT_ITEMS workers, each an asyncio
    # task, for every page; pressguard's spiders give one item a page (settings.py: 1).
    # Scrapy's default of 100 started about 109 tasks a page; now about 10.
    counts, cassettes, _ = replayed
    assert counts["tasks"] < 20 * len(cassettes), counts["tasks"]


def test_a_spider_callbacks_source_is_parsed_once_per_crawl_not_per_page(replayed):
    # Scrapy parses a generator callback's source to warn about a returned value, and
    # remembers the answer per callback object; every page's request now carries the same one.
    counts, _, _ = replayed
    assert sorted(counts["sources"]) == ["GamursSpider.parse_article"] * len(SITES), counts["sources"]


def test_items_are_made_plain_without_asking_itemadapter_about_every_paragraph(replayed):
    counts, cassettes, items = replayed
    # the old conversion asked about every value: each field, each paragraph, each author
    paragraphs = sum(len(item["body"]) for item in items)
    assert paragraphs > 10 * len(cassettes)
    assert counts["is_item"] <= len(cassettes), counts["is_item"]  # was about 43 a page


def test_the_long_lived_objects_are_frozen_while_pages_are_replayed_and_thawed_after(replayed):
    counts, _, _ = replayed
    assert counts["frozen_while_replaying"] and min(counts["frozen_while_replaying"]) > 0
    assert counts["frozen_at_exit"] == 0


class Byline(dict):
    """A dict that is not a plain dict (a project's own mapping type)."""


def test_a_replayed_item_is_made_plain_as_itemadapter_makes_it():
    import scrapy

    from pressguard.scrapy.runner import _as_dict

    class Author(scrapy.Item):
        name = scrapy.Field()

    item = {"headline": "h", "authors": [Author(name="A"), "B"], "body": ("p1", "p2"), "n": 3, "x": None,
            "nested": {"k": [Author(name="C")], "b": Byline(z=Author(name="D"))}, "flag": True, "f": 1.5}
    from itemadapter import ItemAdapter

    class Response:
        meta = {}

    made = _as_dict(item, Response())
    assert made == ItemAdapter(item).asdict()
    assert json.dumps(made) == json.dumps(ItemAdapter(item).asdict())
    assert type(made["body"]) is tuple and type(made["authors"][0]) is dict


def test_with_logging_off_scrapy_makes_no_debug_record_per_page(replayed):
    # `replay -q` shows no log; Scrapy's loggers still made a "Crawled" and a "Scraped from"
    # DEBUG record for every page (old: 2 a page), for no handler to show
    counts, cassettes, _ = replayed
    assert counts["scrapy_debug_records"] == 0


def test_the_collector_runs_less_than_once_a_page_and_its_thresholds_come_back(replayed):
    # a young collection every 700 net allocations ran about five times a page (old: 144
    # for these 28 pages), nearly all finding nothing: the pages' containers die by their
    # reference counts
    counts, cassettes, _ = replayed
    assert counts["collections_while_replaying"] < len(cassettes)
    import gc

    assert counts["threshold_at_exit"] == list(gc.get_threshold())  # the interpreter's own, restored
