"""A publication date with its day and month swapped (pressguard/verdict/date_order.py):
shipped pages whose every statement of the date is changed by hand, run through assess()
(the real extraction, second opinion, fingerprint and site profile). The swap that the
article's own pictures (WordPress /uploads/YYYY/MM/<slug>...) contradict is broken naming
published; look-alike dates the pictures do not contradict are not judged.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest
from selectolax.lexbor import LexborHTMLParser

from pressguard.verdict.assess import assess

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


# -- the minute written as the month (a date pattern's "mm" for "MM") ----------------------------

def _minutes_for_month(published: str, url: str = "https://e.example/news/a-story-of-many-words/",
                       months=frozenset({(2025, 8)})) -> str | None:
    from types import SimpleNamespace

    from pressguard.verdict.date_order import minutes_for_month_finding

    c = SimpleNamespace(item={"published": published}, url=url, picture_months=("a-story-of-many-words", set(months)),
                        _source=SimpleNamespace(fetched_at="2025-11-25T23:48:49+00:00"))
    return minutes_for_month_finding(c)


def test_a_month_that_is_the_minute_beside_pictures_of_another_month_is_broken_naming_published():
    """10 August 2025 at 14:03 written with "yyyy-mm-dd": 10 March, 14:03; the pictures made
    for the article were uploaded in August."""
    found = _minutes_for_month("2025-03-10T14:03:00+00:00")
    assert found is not None and found.startswith("published: ") and "/uploads/2025/08/" in found, found
    dated = _minutes_for_month("2025-03-10T14:03:00+00:00", url="https://e.example/2025/08/10/a-story/")
    assert dated is not None and "2025/08/10" in dated, dated


@pytest.mark.parametrize("published, url, months", [
    ("2025-03-10T14:04:00+00:00", "https://e.example/news/a-story-of-many-words/", {(2025, 8)}),  # minute is not the month
    ("2025-08-10T14:08:00+00:00", "https://e.example/news/a-story-of-many-words/", {(2025, 8)}),  # the pictures' month
    ("2025-03-10T14:03:00+00:00", "https://e.example/news/a-story-of-many-words/", {(2025, 8), (2025, 3)}),
    ("2025-03-10T14:03:00+00:00", "https://e.example/news/a-story-of-many-words/", set()),  # no pictures of its own
    ("2025-03-10T14:03:00+00:00", "https://e.example/2025/03/10/a-story/", {(2025, 8)}),  # the URL states March
])
def test_a_minute_equal_to_the_month_alone_is_not_judged(published, url, months):
    assert _minutes_for_month(published, url, months) is None


# -- a dateline whose last update comes before its publication ---------------------------------

# gamurs-blocks pages that print "Published: ..." and "Updated: ..." lines, on three sites
DATELINED = (
    "attackofthefanboy/10-things-we-want-to-see-in-crimson-arcana-after-the-co-op-campaign",
    "primagames/cafe-lumiere-returns-zoe-rsteds-creme-brulee-event-brings-rewards",
    "twinfinite/all-moonlit-harvest-codes-august-2025",
)
_LINE = re.compile(r">(Published|Updated): ([^<]+)<")


def _dateline(html: str) -> dict[str, str]:
    return {m[1]: m[2] for m in _LINE.finditer(html)}


def _exchanged(html: str, a: str, b: str) -> str:
    """Every copy of the strings a and b exchanged, as an import that read the publication
    column as the last update and the update column as the publication writes them."""
    return html.replace(a, "\0").replace(b, a).replace("\0", b)


@pytest.fixture(scope="module", params=DATELINED, ids=lambda p: p.split("/")[0])
def datelined(request):
    site, url, html, right = _healthy(request.param)
    lines = _dateline(html)
    modified = re.search(r'article:modified_time" content="([^"]+)"', html)[1]
    assert set(lines) == {"Published", "Updated"} and modified != right["published"]
    return site, url, html, right, lines, modified


def test_publication_and_update_exchanged_is_broken_naming_published(datelined):
    """The page states its last edit as the publication and the publication as the edit, in
    the dateline, its machine-readable times, the meta tags and the JSON-LD: "Published" then
    prints a time after "Updated"."""
    site, url, html, right, lines, modified = datelined
    html = _exchanged(_exchanged(html, right["published"], modified), lines["Published"], lines["Updated"])
    item = _assess(site, url, html)
    assert item["published"] == modified, item["published"]
    assert item["verdict"] == "broken", item["checks"]
    found = item["checks"]["completeness"]
    assert "published: a publication no later than the page's own update" in found, found
    assert f"update ('Updated: {lines['Published']}', its metadata's {right['published']})" in found, found
    assert f"found {modified}" in found, found


def test_a_publication_rewritten_after_its_update_line_is_broken_naming_published(datelined):
    """The publication moved a month on everywhere it is stated (the metadata, the dateline),
    the "Updated" line left as it was: an update printed a month before the publication."""
    site, url, html, right, lines, modified = datelined
    published = datetime.fromisoformat(right["published"])
    later = published.replace(month=published.month + 1)
    html = html.replace(right["published"], later.isoformat()).replace(
        f"Published: {lines['Published']}", "Published: " + lines["Published"].replace("Aug", "Sep"))
    item = _assess(site, url, html)
    assert item["published"] == later.isoformat()
    assert item["verdict"] == "broken", item["checks"]
    assert f"page's own update ('Updated: {lines['Updated']}', its metadata's {modified})" \
        in item["checks"]["completeness"], item["checks"]["completeness"]


def test_an_update_line_before_the_publication_its_metadata_orders_rightly_is_not_judged(datelined):
    """A byline whose "Updated" line is set by hand, or left from an older revision, days
    before the publication, while the metadata states a modification after it: the line is
    wrong, not the publication (the metadata and the dateline's "Published" agree)."""
    site, url, html, right, lines, modified = datelined
    day = datetime.fromisoformat(right["published"]).date() - timedelta(days=3)
    item = _assess(site, url, html.replace(f"Updated: {lines['Updated']}", f"Updated: {day:%b %-d, %Y}"))
    assert item["published"] == right["published"]
    assert "update" not in item["checks"]["completeness"], item["checks"]["completeness"]
    assert item["verdict"] != "broken", item["checks"]


def test_a_scheduled_post_that_prints_no_update_line_is_not_judged(datelined):
    """A post scheduled at night and published untouched in the morning: its metadata and
    JSON-LD state the last save hours before the publication (as WordPress leaves it), the
    theme prints the update in a hidden <time class="updated"> with no label, as
    GeneratePress and Twenty Seventeen do, and no "Updated" line."""
    site, url, html, right, lines, modified = datelined
    published = datetime.fromisoformat(right["published"])
    saved = (published - timedelta(hours=9)).isoformat()
    html = html.replace(modified, saved)
    tree = LexborHTMLParser(html)
    upd = tree.css_first('[class$="__updated"]')
    html = html.replace(upd.html, f'<time class="updated" datetime="{saved}" hidden>'
                                  f'{(published - timedelta(hours=9)):%b %-d, %Y %-I:%M %p}</time>')
    item = _assess(site, url, html)
    assert item["published"] == right["published"]
    assert "update" not in item["checks"]["completeness"], item["checks"]["completeness"]
    assert item["verdict"] != "broken", item["checks"]


def test_a_last_updated_line_outside_the_dateline_is_not_judged(datelined):
    """A "Last Updated" line set by hand in a box of its own, months before the publication
    (a real page, WCXB's 0283, prints "Last Updated: January 31, 2024" beside a contact
    form on a post published in October): not the dateline's update, not judged."""
    site, url, html, right, lines, modified = datelined
    item_before = _assess(site, url, html)
    box = ('<aside class="sidebar-note"><div class="leadform-widget"><span>Last Updated: January 31, 2024</span>'
           '<h4>Get in Touch</h4><p>Tell us about your project and our team will get back to you.</p></div></aside>')
    item = _assess(site, url, html.replace("</article>", box + "</article>", 1))
    assert "update" not in item["checks"]["completeness"], item["checks"]["completeness"]
    assert item["verdict"] == item_before["verdict"] != "broken", item["checks"]


# pages published on the 9th or 10th of August: their dates read day first are later ones
LATER_READINGS = ("attackofthefanboy/project-lumen-review-almost-there",
                  "siliconera/cafe-stella-sisters-players-cant-stop-talking-about-the-limited-event")
_SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _read_month_first(html: str, right: dict, modified: str, lines: dict, update_line_too: bool) -> str:
    """The publication and the modification with day and month exchanged in the metadata, the
    JSON-LD and the dateline's "Published" line (an import that read 09/08/2025 month first);
    the "Updated" line too, or left as it was (a fragment the import did not rewrite)."""
    def other(iso: str) -> str:
        when = datetime.fromisoformat(iso)
        return when.replace(month=when.day, day=when.month).isoformat()

    def printed(line: str) -> str:
        m = re.match(r"([A-Z][a-z]{2}) (\d{1,2}), (\d{4})(.*)", line)
        month, day = _SHORT_MONTHS.index(m[1]) + 1, int(m[2])
        return f"{_SHORT_MONTHS[day - 1]} {month}, {m[3]}{m[4]}"

    html = html.replace(right["published"], other(right["published"])).replace(modified, other(modified))
    html = html.replace(f"Published: {lines['Published']}", f"Published: {printed(lines['Published'])}")
    if update_line_too:
        html = html.replace(f"Updated: {lines['Updated']}", f"Updated: {printed(lines['Updated'])}")
    return html


@pytest.mark.parametrize("name", LATER_READINGS, ids=lambda p: p.split("/")[0])
def test_dates_read_month_first_beside_an_update_line_read_day_first_are_broken_naming_published(name):
    """Every date of the page read month first (9 August stated as 8 September) but the
    dateline's "Updated" line, which prints the metadata's modification the other way round,
    before the stated publication: the page's own witness of how its dates read."""
    site, url, html, right = _healthy(name)
    lines = _dateline(html)
    modified = re.search(r'article:modified_time" content="([^"]+)"', html)[1]
    item = _assess(site, url, _read_month_first(html, right, modified, lines, update_line_too=False))
    assert item["published"] != right["published"] and item["published"][5:7] in ("09", "10")
    assert item["verdict"] == "broken", item["checks"]
    found = item["checks"]["completeness"]
    published = datetime.fromisoformat(right["published"])
    assert f"update line reads its dates ('Updated: {lines['Updated']}'" in found, found
    assert f"which read the same way is {published.day} August 2025" in found, found
    # every statement read month first, the update line too: nothing on the page says otherwise
    every = _assess(site, url, _read_month_first(html, right, modified, lines, update_line_too=True))
    assert "update line" not in every["checks"]["completeness"], every["checks"]["completeness"]
    # the update line left, the modification moved on otherwise (no reading of the line): not judged
    moved = _read_month_first(html, right, modified, lines, update_line_too=False)
    later = (datetime.fromisoformat(modified) + timedelta(days=45)).isoformat()
    swapped_modified = datetime.fromisoformat(modified)
    moved = moved.replace(swapped_modified.replace(month=swapped_modified.day, day=swapped_modified.month).isoformat(), later)
    other = _assess(site, url, moved)
    assert "update line" not in other["checks"]["completeness"], other["checks"]["completeness"]


def test_the_shipped_datelines_are_not_judged(datelined):
    site, url, html, right, lines, modified = datelined
    assert "update" not in right["checks"]["completeness"]


_STORY = ("<p>The studio confirmed on Tuesday that the next season of the game arrives in the autumn, "
          "with a new map, two new characters and a ranked mode rebuilt from the ground up.</p>"
          "<p>Players who bought the season pass will get early access a week before everyone else, "
          "the studio said, and the rewards earned in the old ranked mode carry over.</p>"
          "<p>Its director told us that the team spent most of the year listening to the community "
          "and that the feedback shaped almost every change in this season.</p>"
          "<p>The new map is set in a flooded city, and the studio says it is the largest it has built, "
          "with routes over rooftops and through the canals for the faster characters.</p>"
          "<p>Both new characters were shown in a short trailer on Tuesday evening. One heals her team from "
          "a distance; the other sets traps that slow anyone who walks into them.</p>"
          "<p>The ranked mode now places players after five matches instead of ten, and a loss early in a "
          "season costs fewer points than it did, a change players asked for since the launch.</p>"
          "<p>The studio did not give a price for the season pass, but said that it will cost the same as "
          "the last one and that everything in it can also be earned by playing.</p>")


def _news_page(dateline: str, published: str, modified: str) -> str:
    return ('<html><head><title>The next season arrives in the autumn | Example News</title>'
            f'<meta property="article:published_time" content="{published}">'
            f'<meta property="article:modified_time" content="{modified}"></head><body>'
            '<header class="site-header"><a href="/">Example News</a></header><main><article>'
            '<h1>The next season arrives in the autumn</h1>'
            f'<div class="byline">By <a href="/author/ada-lovelace/">Ada Lovelace</a></div>{dateline}'
            f'<div class="article-body">{_STORY}</div></article></main></body></html>')


_PUBLISHED_TIME = '<time class="published" datetime="2025-08-12T09:00:00-04:00">Aug. 12, 2025</time>'


@pytest.mark.parametrize("dateline, modified, judged", [
    (f'<div class="dateline">{_PUBLISHED_TIME} <span class="updated">Updated Aug. 3, 2025</span></div>',
     "2025-08-03T12:00:00-04:00", True),
    ('<div class="dateline"><p>Published <time datetime="2025-08-12T09:00:00-04:00">August 12, 2025 9:00 am</time>'
     '</p><p>Last updated <time datetime="2025-08-12T03:10:00-04:00">August 12, 2025 3:10 am</time></p></div>',
     "2025-08-12T03:10:00-04:00", True),
    # the update after the publication, or on its day with no clock printed: nothing to say
    (f'<div class="dateline">{_PUBLISHED_TIME} <span class="updated">Updated Aug. 14, 2025</span></div>',
     "2025-08-14T12:00:00-04:00", False),
    (f'<div class="dateline">{_PUBLISHED_TIME} <span class="updated">Updated Aug. 12, 2025</span></div>',
     "2025-08-12T08:40:00-04:00", False),
    # an update line before the publication while the metadata states a later modification
    (f'<div class="dateline">{_PUBLISHED_TIME} <span class="updated">Updated Aug. 3, 2025</span></div>',
     "2025-08-13T10:00:00-04:00", False),
    # a post scheduled the evening before and published untouched: its metadata states the last
    # save before the publication; the theme prints no update line for it
    (f'<div class="dateline">{_PUBLISHED_TIME}</div>', "2025-08-11T22:15:00-04:00", False),
], ids=["day-before", "clock-before", "after", "same-day", "line-only", "scheduled"])
def test_a_news_page_dateline_is_judged_only_when_its_update_comes_first(dateline, modified, judged):
    """A page no layout knows (the generic extraction): "Aug. 12, 2025 · Updated Aug. 3" is
    an update before the publication the metadata states; an update after it, or a scheduled
    post's earlier save stated only in its metadata, is ordinary."""
    url = "https://news.example.com/2025/08/12/next-season-autumn/"
    item, _ = assess(_news_page(dateline, "2025-08-12T09:00:00-04:00", modified), url, site="news.example.com")
    assert item["published"] == "2025-08-12T09:00:00-04:00", item["published"]
    found = item["checks"]["completeness"]
    assert ("page's own update" in found) == judged, found
    assert (item["verdict"] == "broken") == judged, item["checks"]
    if judged:
        assert "published: a publication no later than" in found


# -- the item holding the dateline's update as its publication ----------------------------------

def test_metadata_stating_the_update_as_the_publication_is_broken_naming_published(datelined):
    """article:published_time and the JSON-LD datePublished bound to the post's modification
    (a schema plugin's field mapping), the dateline printing both lines rightly: the item
    holds the "Updated" line's time, not the "Published" one's."""
    site, url, html, right, lines, modified = datelined
    # the last edit two days after the publication (within a day, a printed clock and an
    # instant agree in some time zone whichever line is read: not judged)
    when = datetime.fromisoformat(modified) + timedelta(days=2)
    edited = when.isoformat()
    updated_line = f"Updated: {lines['Updated'].replace(f' {when.day - 2},', f' {when.day},')}"
    html = html.replace(modified, edited).replace(f"Updated: {lines['Updated']}", updated_line)
    html = html.replace(f'article:published_time" content="{right["published"]}"',
                        f'article:published_time" content="{edited}"')
    html = re.sub(r'("datePublished":\s*")[^"]+"', lambda m: m[1] + edited + '"', html)
    item = _assess(site, url, html)
    assert item["published"] == edited, item["published"]
    assert item["verdict"] == "broken", item["checks"]
    found = item["checks"]["completeness"]
    assert f"published: the publication the page's dateline prints ('Published: {lines['Published']}')" in found, found
    assert f"the time of its update line ('{updated_line}')" in found, found


_SITELINE = ('<div class="post_meta"><div class="post_meta-author"><a href="https://www.linkedin.com/in/ada-lovelace/">'
             'By <span>Ada Lovelace</span></a></div><div class="post_meta-info">Published&ensp;<span>Apr 26, 2023</span>'
             '</div><div class="post_meta-info">Updated&ensp;<span>Aug 21, 2025</span></div>'
             '<div class="post_meta-info">Reading time&ensp;<span>15 minutes</span></div></div>')


@pytest.mark.parametrize("ld_published, judged", [("Aug 21, 2025", True), ("Apr 26, 2023", False)],
                         ids=["update-as-publication", "publication"])
def test_a_json_ld_publication_that_is_the_dateline_update_is_broken_naming_published(ld_published, judged):
    """A page builder's hand-written JSON-LD whose datePublished is bound to the "Updated"
    field (as on WCXB's 0358): the byline's box prints "Published Apr 26, 2023" and "Updated
    Aug 21, 2025" in plain elements; the item holds the update."""
    url = "https://www.example-builder.com/blog/next-season-autumn"
    ld = ('{"@context": "https://schema.org", "@type": "BlogPosting", "headline": "The next season arrives '
          f'in the autumn", "datePublished": "{ld_published}", "dateModified": "Aug 20, 2025", '
          '"author": {"@type": "Person", "name": "Ada Lovelace"}}')
    page = (f'<html><head><title>The next season arrives in the autumn</title>'
            f'<script type="application/ld+json">{ld}</script></head><body><main><article>'
            f'<h1>The next season arrives in the autumn</h1>{_SITELINE}'
            f'<div class="article-body">{_STORY}</div></article></main></body></html>')
    item, _ = assess(page, url, site="example-builder.com")
    assert item["published"].startswith("2025-08-21" if judged else "2023-04-26"), item["published"]
    found = item["checks"]["completeness"]
    assert ("the publication the page's dateline prints ('Published Apr 26, 2023')" in found) == judged, found
    assert (item["verdict"] == "broken") == judged, item["checks"]


def test_a_published_line_that_is_a_listed_storys_stamp_is_left_to_the_loop_leak_finding():
    """A dateline printing dates only, its "Published" line a "Trending" loop's last story's
    (Aug 2, the writer's other story) and its "Updated" line on the item's own day: the item is
    right and the line is another post's; the finding that names it is the loop leak's, not
    the update-as-publication one."""
    from test_check_signals import _loop_leaked

    site, url, html, right = _healthy("progameguides/ironvale-review-its-less-grindy-and-better")
    leaked = _loop_leaked(html, right, right["authors"][0])
    leaked = re.sub(r"(Published: [A-Z][a-z]{2} \d{1,2}, \d{4}) \d{1,2}:\d\d [ap]m", r"\1", leaked)
    leaked = re.sub(r"(Updated: [A-Z][a-z]{2} \d{1,2}, \d{4}) \d{1,2}:\d\d [ap]m", r"\1", leaked)
    item = _assess(site, url, leaked)
    assert item["published"] == right["published"]
    found = item["checks"]["completeness"]
    assert "another story the page lists" in found, found
    assert "the time of its update line" not in found, found
