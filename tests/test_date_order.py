"""A publication date with its day and month swapped (pressguard/verdict/date_order.py):
shipped pages whose every statement of the date is changed by hand, run through assess()
(the real extraction, second opinion, fingerprint and site profile). The swap that the
article's own pictures (WordPress /uploads/YYYY/MM/<slug>...) contradict is broken naming
published; look-alike dates the pictures do not contradict are not judged.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

import page_mutations as mutate
from test_check_signals import _assess, _healthy, _page

# pages published on the 6th or 7th of August 2025, their pictures uploaded that month:
# both Destructoid layouts, and sites with and without JSON-LD
DATED = (
    "destructoid/10-things-we-want-to-see-in-skyforge-legends-after-the-crafting-system",
    "attackofthefanboy/10-things-we-want-to-see-in-crimson-arcana-after-the-co-op-campaign",
    "siliconera/10-things-we-want-to-see-in-blade-of-the-ninth-moon-after-the-collectors-edition",
    "progameguides/the-complete-history-of-crimson-arcana-from-first-pitch-to-the-photo-mode",
)


@pytest.fixture(scope="module", params=DATED, ids=lambda p: p.split("/")[0])
def dated(request):
    site, url, html, right = _healthy(request.param)
    published = datetime.fromisoformat(right["published"]).date()
    assert published.day <= 12 and published.day != published.month
    slug = url.rstrip("/").rsplit("/", 1)[-1]
    assert f"/uploads/{published.year}/{published.month:02d}/{slug}" in html
    return site, url, html, right, published


def test_a_date_with_day_and_month_swapped_before_its_own_pictures_is_broken_naming_published(dated):
    """An import that read "06/08/2025" month first: every copy of the date says 8 June, while
    the pictures made for the article were uploaded in August, the month the date names read
    day first."""
    site, url, html, right, published = dated
    swapped = date(published.year, published.day, published.month)
    item = _assess(site, url, mutate.dates_moved(html, published, swapped))
    assert item["published"].startswith(swapped.isoformat()), item["published"]
    assert item["verdict"] == "broken", item["checks"]
    assert "published:" in item["checks"]["completeness"]
    assert "day and month exchanged" in item["checks"]["completeness"], item["checks"]["completeness"]


@pytest.mark.parametrize("moved_to", [date(2025, 6, 9), date(2025, 9, 8), date(2025, 8, 3)],
                         ids=["months-before-other-swap", "after-the-pictures-month", "same-month"])
def test_a_date_the_pictures_do_not_contradict_read_the_other_way_is_not_judged(dated, moved_to):
    """A story published in June whose pictures were replaced in August (its date read the
    other way round is in September); one published on 8 September with pictures uploaded in
    August for the draft (read the other way, 9 August, but a draft's pictures come first);
    one published on the 3rd of the pictures' month: none is a date read the wrong way."""
    site, url, html, right, published = dated
    item = _assess(site, url, mutate.dates_moved(html, published, moved_to))
    assert item["published"].startswith(moved_to.isoformat()), item["published"]
    assert "day and month exchanged" not in item["checks"]["completeness"], item["checks"]
    assert item["verdict"] != "broken", item["checks"]


def test_the_shipped_pages_dates_are_not_judged(dated):
    site, url, html, right, published = dated
    assert "day and month exchanged" not in right["checks"]["completeness"]


TITLED = ("destructoid/all-project-lumen-codes-august-2025", "themarysue/all-crimson-arcana-codes-august-2025")


@pytest.mark.parametrize("name", TITLED, ids=lambda p: p.split("/")[0])
def test_a_swapped_date_after_the_month_its_pictures_and_headline_name_is_broken_naming_published(name):
    """A codes page for August 2025, its pictures uploaded in August, stated as published on
    8 September: read day first, 9 August, the month the page itself names twice."""
    site, url, html = _page(name)
    right = _assess(site, url, html)
    assert right["verdict"] == "healthy" and "August 2025" in right["headline"], right["checks"]
    published = datetime.fromisoformat(right["published"]).date()
    assert published.month == 8 and published.day <= 12
    swapped = date(published.year, published.day, published.month)
    item = _assess(site, url, mutate.dates_moved(html, published, swapped))
    assert item["verdict"] == "broken", item["checks"]
    assert "its headline names August 2025" in item["checks"]["completeness"], item["checks"]["completeness"]
    # a September date whose other reading is not in August: a late roundup of the month
    late = _assess(site, url, mutate.dates_moved(html, published, date(published.year, 9, 3)))
    assert "day and month exchanged" not in late["checks"]["completeness"], late["checks"]


# -- every date a month early (a JavaScript Date's zero-based month written back) -------------------

def _month_early(day: date) -> date:
    return date(day.year - (day.month == 1), (day.month - 2) % 12 + 1, day.day)


def test_every_date_a_month_before_its_own_pictures_month_is_broken_naming_published(dated):
    """6 August written as 6 July everywhere; the pictures made for the article were uploaded
    in August, more than three weeks after the stated day."""
    site, url, html, right, published = dated
    early = _month_early(published)
    item = _assess(site, url, mutate.dates_moved(html, published, early))
    assert item["published"].startswith(early.isoformat()), item["published"]
    assert item["verdict"] == "broken", item["checks"]
    assert "published:" in item["checks"]["completeness"]
    assert "zero-based month" in item["checks"]["completeness"], item["checks"]["completeness"]


def test_a_date_days_before_the_pictures_month_is_not_a_month_early(dated):
    """Published on 27 July, its pictures fixed in the first days of August: ordinary."""
    site, url, html, right, published = dated
    moved = date(published.year, published.month - 1, 27)
    item = _assess(site, url, mutate.dates_moved(html, published, moved))
    assert item["published"].startswith(moved.isoformat()), item["published"]
    assert "zero-based" not in item["checks"]["completeness"], item["checks"]
    assert item["verdict"] != "broken", item["checks"]


def test_a_date_a_month_before_the_urls_date_is_broken_and_the_urls_own_day_is_not(dated):
    site, url, html, right, published = dated
    host, slug = url.split("/")[2], url.rstrip("/").rsplit("/", 1)[-1]
    dated_url = f"https://{host}/{published:%Y/%m/%d}/{slug}/"
    early = _month_early(published)
    item = _assess(site, dated_url, mutate.dates_moved(html.replace(url, dated_url), published, early))
    assert "zero-based month" in item["checks"]["completeness"], item["checks"]["completeness"]
    right_item = _assess(site, dated_url, html.replace(url, dated_url))
    assert "zero-based" not in right_item["checks"]["completeness"], right_item["checks"]["completeness"]


def test_the_shipped_pages_dates_are_not_a_month_early(dated):
    site, url, html, right, published = dated
    assert "zero-based" not in right["checks"]["completeness"]
