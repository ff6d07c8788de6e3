"""A publication date read with its day and month the wrong way round, or written a month
early, told by the month the article's own pictures were uploaded in; and a publication
exchanged with the last update, told by the dateline's own "Updated" line.

    swapped_finding(c) -> str | None       completeness's finding, naming published
    month_early_finding(c) -> str | None   the same for a zero-based month written back
    minutes_for_month_finding(c) -> str | None
                                           the same for the minute written as the month
    update_before_publication_finding(c) -> str | None
                                           the same for an update printed and stated before the
                                           publication (its own docstring says why both readings),
                                           or printed before it as the modification reads day first
    update_as_publication_finding(c) -> str | None
                                           the same for the item holding the dateline's update
    (c: checks._Context; its picture_months is own_picture_months(c.url, c.html), read once)

An import or a date field that reads "06/08/2025" month first turns 6 August into 8 June,
and every copy of the date on the page (the visible one, its datetime, the meta and the
JSON-LD) carries the same error: a plausible date, nothing on the page to compare with but
the pictures made for the article. WordPress keeps each upload in the folder of its month
(/uploads/2025/08/), and a picture named after the article's slug was made for it. When
every such picture was uploaded in one month, the stated date falls before that month, and
the same date read the other way round ("8 June" as "6 August") falls in it, the page's
own evidence reads the date the other way.

Only that direction is judged on the pictures alone. Pictures uploaded a month before the
publication (a draft prepared ahead) are ordinary, so a stated date after the pictures' month
proves nothing by itself; pictures uploaded months after the publication, in exactly the
month the swapped reading names, are what the error leaves. A stated date after the
pictures' month is judged when the headline names that month too ("All Ironvale codes
(August 2025)"): a page for August is not first published in September, and two statements
of the page then agree with the other reading. A title's month alone says nothing: a
roundup of a month is published after it (WCXB's 0078, "45 Deals Announced in October 2025",
published 3 November). The date's calendar day is the one its
stated offset gives, and a day the page prints within a day of it ("Jul 8, 2025" for
2025-07-09T02:06:00+00:00: a local date printed, the instant stated in UTC).

False alarms on real pages (WCXB dev, both halves, 711 pages, every page extracted and the
finding run on its item: benchmarks/silent_signals_wcxb.py): 0. Few real pages can be judged
at all: 526 state a date, 9 carry pictures named after their slug in a dated upload folder,
and on 2 of those 9 the stated date is before the pictures' month (pictures replaced after
publication are not rare), neither on a day whose swap lands in it. 3 headlines name a month
and year; none has pictures of its own.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import NamedTuple

from ..extract.dates import MONTH_NUMBERS, parse_date
from .completeness_signals import UPLOAD_SLUG_MIN_WORDS, iso_time
from . import coherence
from . import fingerprint as fp
from .coherence import _EDITED_STAMP, PRINTED_SLACK_DAYS, _date_elements
from .wording import quote, spaced_within

# "Aug 6, 2025", "August 6 2025", "6 August 2025": how pages print a date in English
_PRINTED = re.compile(r"\b(?:(?P<m1>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?\s+(?P<d1>\d{1,2}),?"
                      r"|(?P<d2>\d{1,2})\s+(?P<m2>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?,?)"
                      r"\s+(?P<y>(?:19|20)\d\d)\b", re.I)


def printed_days(text: str) -> list[date]:
    """The calendar days text prints in English ("Aug 6, 2025", "6 August 2025"), in order."""
    days = []
    for m in _PRINTED.finditer(text):
        month = MONTH_NUMBERS[m["m1" if m["m1"] else "m2"][:3].lower()]
        try:
            days.append(date(int(m["y"]), month, int(m["d1"] or m["d2"])))
        except ValueError:
            continue
    return days


def _calendar_days(when, raw: str) -> set[date]:
    """The day the instant falls on in its stated offset, and the days the page prints within
    a day of it (a local date beside an instant stated in UTC)."""
    return {when.date()} | {day for day in printed_days(raw) if abs(day - when.date()) <= timedelta(days=1)}


def _swapped(day: date) -> date | None:
    """The date with its day and month exchanged; None where that is no other date."""
    if day.day > 12 or day.day == day.month:
        return None
    return date(day.year, day.day, day.month)


# the upload folder right before a picture's name: "/uploads/2025/08/" (completeness_signals._UPLOAD's rule)
_FOLDER_BEFORE = re.compile(r"/uploads/((?:19|20)\d\d)/(0[1-9]|1[0-2])/\Z")
_FOLDER_BEFORE_BYTES = re.compile(_FOLDER_BEFORE.pattern.encode())
_FOLDER_LEN = len("/uploads/2025/08/")


def own_picture_months(url: str, html) -> tuple[str, set[tuple[int, int]]]:
    """The article's URL slug and the (year, month) upload folders of the pictures named
    after it (the re-dated-post finding's rule, completeness_signals._UPLOAD). Read at the slug's few
    occurrences in the source as it is (bytes or text), not by a pattern over the page."""
    slug = (url or "").split("?")[0].rstrip("/").rsplit("/", 1)[-1].lower()
    if len(slug.split("-")) < UPLOAD_SLUG_MIN_WORDS or not html or not slug.isascii():
        return slug, set()
    if isinstance(html, str):
        needle, folder_before = slug, _FOLDER_BEFORE
    else:
        needle, folder_before = slug.encode(), _FOLDER_BEFORE_BYTES
    months = set()
    at = html.find(needle)
    while at != -1:
        folder = folder_before.search(html[max(0, at - _FOLDER_LEN):at])
        if folder:
            months.add((int(folder[1]), int(folder[2])))
        at = html.find(needle, at + 1)
    return slug, months


# "August 2025" in a title
_TITLED = re.compile(r"\b(?P<m>january|february|march|april|may|june|july|august|september|october|november|"
                     r"december)\s+(?P<y>(?:19|20)\d\d)\b", re.I)


def _titled_month(headline: str) -> tuple[int, int] | None:
    """The month and year a headline names ("All Ironvale codes (August 2025)"), if one."""
    m = _TITLED.search(headline or "")
    if m is None:
        return None
    return int(m["y"]), MONTH_NUMBERS[m["m"][:3].lower()]


def swapped_finding(c) -> str | None:
    """published: a date before the month its own pictures were uploaded in (or after it,
    when the headline names that month too: a page for August's codes is not published in
    September), which read with day and month exchanged is a day of that month."""
    published = iso_time(c.item.get("published"))
    if published is None or all((published + timedelta(days=k)).day > 12 for k in (-1, 0, 1)):
        return None  # no day within one of it can be read as a month: the page is not read
    slug, months = c.picture_months
    if len(months) != 1:
        return None  # no pictures of its own, or pictures of several months: nothing to read
    (year, month), = months
    stated, pictured = date(published.year, published.month, 1), date(year, month, 1)
    if stated == pictured:
        return None
    titled = stated > pictured and _titled_month(c.item.get("headline") or "") == (year, month)
    if stated > pictured and not titled:
        return None  # stated after the pictures' month: a draft's pictures come first
    fetched = iso_time(getattr(c._source, "fetched_at", None))
    raw = c.html if isinstance(c.html, str) else c.html.decode("utf-8", "replace")
    for day in sorted(_calendar_days(published, raw)):
        other = _swapped(day)
        if other is None or (other.year, other.month) != (year, month):
            continue
        if fetched is not None and other > fetched.date():
            continue  # the other reading is later than the page itself: no date it can be
        also = f" and its headline names {other:%B %Y}" if titled else ""
        return (f"published: the publication date its own pictures place it in (uploaded in "
                f"{year}-{month:02d}: /uploads/{year}/{month:02d}/{slug}...{also}), found {c.item['published']}, "
                f"which read with day and month exchanged is {other.day} {other:%B %Y} (a date stored "
                "day first, read month first)")
    return None


# Pictures uploaded after the publication are a fix made in the days after it; every picture
# made for the article uploaded in the next month, this long after the stated day, is not.
MONTH_EARLY_MIN_DAYS = 14
_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/")


def _month_later(day: date) -> date | None:
    """The same day a month later; None where that month has no such day."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    try:
        return date(year, month, day.day)
    except ValueError:
        return None


def month_early_finding(c) -> str | None:
    """published: every date of the page a month early, as a front end that writes a
    JavaScript Date's zero-based month (getMonth()) back as a calendar month leaves it. The
    page's own evidence of the real month: the URL's date path (/2025/08/06/) the stated
    date is one month short of, or the pictures made for the article, all uploaded in the
    month after the stated one and at least MONTH_EARLY_MIN_DAYS after the stated day (a
    picture fixed in the days after publishing is ordinary), the same day a month later
    falling in that month and not after the page was fetched."""
    published = iso_time(c.item.get("published"))
    if published is None:
        return None
    stated = published.date()
    later = _month_later(stated)
    if later is None:
        return None
    fetched = iso_time(getattr(c._source, "fetched_at", None))
    if fetched is not None and later > fetched.date():
        return None  # a month later is after the page itself: no date it can be
    m = _URL_DATE.search(c.url or "")
    if m is not None:
        if date(int(m[1]), int(m[2]), int(m[3])) == later:
            return (f"published: the publication date its URL states ({m[0].strip('/')}), found "
                    f"{c.item['published']}, the same day a month early (a zero-based month written back)")
        return None  # the URL states the date: the pictures say no more
    slug, months = c.picture_months
    if months != {(later.year, later.month)}:
        return None  # no pictures of its own, pictures of several months, or of another month
    if (date(later.year, later.month, 1) - stated).days < MONTH_EARLY_MIN_DAYS:
        return None  # the next month's start is days away: a picture fixed after publishing
    return (f"published: the publication date its own pictures place it in (uploaded in "
            f"{later.year}-{later.month:02d}: /uploads/{later.year}/{later.month:02d}/{slug}..., at least "
            f"{(date(later.year, later.month, 1) - stated).days} days after the stated day), found "
            f"{c.item['published']}, which a month later is {later.day} {later:%B %Y} (a zero-based month "
            "written back)")


def minutes_for_month_finding(c) -> str | None:
    """published: a month that is the time's minute, as a date pattern written "yyyy-mm-dd"
    leaves every date of the page (in Java's and .NET's patterns "mm" is the minute, "MM" the
    month): the year, the day and the time right, the month nowhere on the page. The page's
    own evidence of the real month: the URL's date path (the same year and day in another
    month), or the pictures made for the article, all uploaded in one other month of the
    stated year. A minute equals the month by chance on one page in sixty, and pictures
    uploaded in another month are not rare (a draft's, a fix's): only both together."""
    published = iso_time(c.item.get("published"))
    if published is None or published.minute != published.month:
        return None
    m = _URL_DATE.search(c.url or "")
    if m is not None:
        year, month, day = int(m[1]), int(m[2]), int(m[3])
        if (year, day) != (published.year, published.day) or month == published.month:
            return None  # the URL states the date, and not this month's mistake
        return (f"published: the publication date its URL states ({m[0].strip('/')}), found "
                f"{c.item['published']}, whose month is its minute (a date pattern's \"mm\", the minute, "
                "where \"MM\", the month, belongs)")
    slug, months = c.picture_months
    if len(months) != 1:
        return None  # no pictures of its own, or pictures of several months: nothing to read
    (year, month), = months
    if year != published.year or month == published.month:
        return None
    try:
        other = published.replace(month=month)
    except ValueError:
        return None  # no such day in the pictures' month: not the stated day in another month
    fetched = iso_time(getattr(c._source, "fetched_at", None))
    if fetched is not None and other > fetched:
        return None  # the other reading is later than the page itself
    return (f"published: the publication month its own pictures place it in (uploaded in "
            f"{year}-{month:02d}: /uploads/{year}/{month:02d}/{slug}...), found {c.item['published']}, "
            f"whose month is its minute (a date pattern's \"mm\", the minute, where \"MM\", the month, belongs)")


# A dateline's own words for its stamps: "Published: Aug 6, 2025 1:34 am", "Last updated on
# 7 August 2025", "Posted", "Modified". The label, then an optional "on"/"at" and separator.
_STAMP_LABEL = re.compile(r"^\W*(?:(?P<pub>(?:first\s+)?published|posted)|(?P<upd>(?:last\s+)?"
                          r"(?:updated|modified|edited|revised)))\b\s*(?:on|at)?\s*[:\-\u2013\u2014]?\s*", re.I)
_CLOCK = re.compile(r"\d:\d\d")
STAMP_TEXT_MAX = 80  # a stamp's line: a label and a date, not a sentence of the article
DATELINE_TEXT_MAX = 400  # the box holding both stamps: a byline and its dates, not a section
# A printed clock beside an instant stated with an offset: the two differ by a time zone's
# offset, a whole number of quarter hours within UTC-12 and UTC+14.
_ZONE_SPAN = timedelta(hours=14)


class _Stamp(NamedTuple):
    kind: str  # "published", "updated", or "" for a date printed with no label
    node: object
    line: str  # the line as printed
    when: datetime  # a printed wall clock (read as UTC) or, from a datetime attribute, the instant
    clocked: bool  # a time of day is stated, not only the day
    printed: bool  # when is the printed wall clock, not the attribute's instant


def _labelled(node, line: str, m) -> _Stamp | None:
    """The stamp a line printed by node prints after its label (m: _STAMP_LABEL's match), or
    None when no date follows the label."""
    rest = line[m.end():]
    when = iso_time(parse_date(rest))
    if when is None:
        return None
    return _Stamp("published" if m["pub"] else "updated", node, line, when, bool(_CLOCK.search(rest)), True)


def _stamp(node) -> _Stamp | None:
    """The stamp a date element of the page's own prints, or None. The label is the
    element's own or the one of the short line it sits in ("<p>Updated: <time>...</time></p>");
    an unlabelled date is kept as such (the publication of a dateline that prints "Aug 6,
    2025 · Updated Aug 7, 2025"), but an update is only an update when its words say so (a
    <time class="updated"> whose label is hidden or drawn by CSS is neither)."""
    own = " ".join(node.text(deep=True).split())
    if len(own) > STAMP_TEXT_MAX:
        return None
    for el in (node, node.parent):
        line = own if el is node else " ".join(el.text(deep=True).split())
        if not line or len(line) > STAMP_TEXT_MAX:
            break
        m = _STAMP_LABEL.match(line)
        if m is not None:
            return _labelled(node, line, m)
    if _EDITED_STAMP.search(f"{own} {node.attributes.get('class') or ''}"):
        return None  # an update's stamp by its class, its label not in its text
    when = iso_time(parse_date(own))
    if when is not None:
        return _Stamp("", node, own, when, bool(_CLOCK.search(own)), True)
    when = iso_time(parse_date(node.attributes.get("datetime") or ""))
    if when is None or not own:
        return None
    return _Stamp("", node, own, when, bool(_CLOCK.search(node.attributes.get("datetime") or "")), False)


def _dateline_box(a, b):
    """The smallest element holding both nodes, if its text is a dateline's (short)."""
    n = fp._lca2(a, b)
    if n is None or not spaced_within(n.text(deep=True), DATELINE_TEXT_MAX):
        return None
    return n


def _states(stamp: _Stamp, published: datetime) -> bool:
    """Does the stamp state the instant published: the same minute (its printed wall clock
    in some time zone), or with no clock, its day within a day (a local date beside an
    instant stated in UTC)?"""
    if not stamp.clocked:
        return abs(stamp.when.date() - published.date()) <= timedelta(days=PRINTED_SLACK_DAYS)
    if not stamp.printed:
        return abs(stamp.when - published) < timedelta(minutes=1)
    gap = stamp.when.replace(tzinfo=None) - \
        published.astimezone(stamp.when.tzinfo).replace(tzinfo=None, second=0, microsecond=0)
    return abs(gap) <= _ZONE_SPAN and gap % timedelta(minutes=15) == timedelta(0)


def _before(update: _Stamp, publication: _Stamp) -> bool:
    """Does the update stamp state a time before the publication stamp? Both printed clocks
    (one zone, the dateline's) or both instants: by more than a minute. Otherwise by the
    day, a day's slack when one is printed and the other an instant (a local day)."""
    if update.clocked and publication.clocked and update.printed == publication.printed:
        return update.when < publication.when - timedelta(minutes=1)
    slack = timedelta(days=0 if update.printed == publication.printed else PRINTED_SLACK_DAYS)
    return update.when.date() < publication.when.date() - slack


def update_before_publication_finding(c) -> str | None:
    """published: the page's dateline prints its last update before its publication
    ("Published: Aug 6, 2025 6:34 am" over "Updated: Aug 6, 2025 1:34 am"), its metadata
    states that same update before the publication too, and the publication the item holds
    is the one the dateline prints. An import that mapped the old CMS's date columns the
    wrong way round (post_date from the last edit, post_modified from the publication)
    leaves every statement of the two dates exchanged.

    Two readings must agree, as neither alone tells the swap from real pages. The metadata
    alone: a scheduled post (saved, then published untouched hours or days later) states its
    last save before its publication (5 of WCXB's 711 dev pages), and so may a hidden <time
    class="updated">; but a theme that labels an "Updated" line prints it only for an edit
    after publishing. The printed line alone: a line set by hand or left stale (WCXB's 0283
    prints "Last Updated: January 31, 2024" beside a contact form on a post published in
    October) while the metadata orders the two rightly. Hence a labelled update line, in
    one short box with the publication's stamp, stating the metadata's modification.

    The same update line before the publication, stating the metadata's modification with
    day and month exchanged (the same minute, in the zone the dateline prints the publication
    in), is the other witness: an import that read "09/08/2025" month first rewrote every
    date but that line, and the publication read as the line reads comes before it."""
    published = iso_time(c.item.get("published"))
    page = c.page
    if published is None or page is None or page.tree.body is None:
        return None
    stated = stated_modifications(page)
    earlier = _day_month_exchanged(published)
    if not any(m < published - timedelta(minutes=1) or (earlier is not None and (other := _day_month_exchanged(m))
                                                         is not None and earlier <= other) for m in stated):
        return None  # no modification either reading can be about: the dateline is not read
    for pub, upd in dateline_pairs(own_stamps(page), published):
        if not _before(upd, pub):
            continue
        agreed = next((m for m in stated if m < published - timedelta(minutes=1) and _states(upd, m)), None)
        if agreed is not None:
            return (f"published: a publication no later than the page's own update "
                    f"({quote(upd.line, 50)}, its metadata's {agreed.isoformat()}), found {c.item['published']} "
                    f"(printed {quote(pub.line, 50)}): the dates of publication and last update exchanged")
        # The update line is the metadata's modification read with day and month exchanged,
        # printed in the dateline's own zone: the one statement an import that read dates
        # month first did not rewrite (a fragment or field of its own), and the publication,
        # read the same way, comes before it.
        for m in stated:
            other = _day_month_exchanged(m)
            if other is not None and earlier is not None and earlier <= other and _same_reading(upd, other, pub, published):
                return (f"published: the publication read as the page's own update line reads its dates "
                        f"({quote(upd.line, 50)}: its metadata's {m.isoformat()} with day and month exchanged), "
                        f"found {c.item['published']}, which read the same way is {earlier.day} {earlier:%B %Y} "
                        "(dates stored day first, read month first)")
    return None


# an update's label in the page's squashed (case-folded) text, for a look before any walk
_UPDATE_WORDS = ("updated", "modified", "edited", "revised")


def update_as_publication_finding(c) -> str | None:
    """published: the item holds the time the dateline's "Updated" line prints, not the
    earlier one its "Published" line prints beside it ("Published Apr 26, 2023 / Updated
    Aug 21, 2025", the JSON-LD's datePublished bound to the update field, as on WCXB's 0358).
    The lines are read from the page's own date elements and from the short box around its
    byline (a dateline's lines need not be date elements). A printed clock within 14 hours of
    an instant states it in some zone, so an update line with a clock must state the item's
    time as the metadata's modification too, and a "Published" line whose clock states the
    item's time in some zone is taken as its publication (an update that close is not judged).
    A "Published" line that another listed story's stamp explains (coherence's loop leak) is
    not the dateline's publication: that finding names the field instead."""
    published = iso_time(c.item.get("published"))
    page = c.page
    if published is None or page is None or page.tree.body is None:
        return None
    full = page.index.full
    if not any(w in full for w in _UPDATE_WORDS):
        return None  # no update's label in the page's text: nothing to read
    stamps = own_stamps(page) + _byline_box_stamps(page)
    pubs = [s for s in stamps if s.kind == "published"]
    # the item's time as the metadata's modification: what a printed clock must state (a clock
    # within 14 hours of any instant states it in some zone: alone it tells nothing)
    as_modified = [m for m in stated_modifications(page) if abs(m - published) < timedelta(minutes=1)]
    for upd in stamps:
        if upd.kind != "updated" or not _states(upd, published) or \
                (upd.clocked and not any(_states(upd, m) for m in as_modified)):
            continue
        for pub in pubs:
            if _before(pub, upd) and not _states(pub, published) and _dateline_box(pub.node, upd.node) is not None:
                if coherence.printed_date_finding(c):
                    return None  # the "Published" line is another listed story's (a loop's post printed)
                return (f"published: the publication the page's dateline prints ({quote(pub.line, 50)}), "
                        f"found {c.item['published']}, the time of its update line ({quote(upd.line, 50)})")
    return None


def _byline_box_stamps(page) -> list[_Stamp]:
    """The labelled stamps ("Published Apr 26, 2023", "Updated: Aug 21, 2025") in the box
    around each byline: its largest enclosing element whose text is a dateline's (short)."""
    stamps, boxes = [], set()
    for node, _text in page.bylines:
        box = node
        while box.parent is not None and box.parent.tag not in ("body", "html") and \
                spaced_within(box.parent.text(deep=True), DATELINE_TEXT_MAX):
            box = box.parent
        if box.mem_id in boxes:
            continue
        boxes.add(box.mem_id)
        for el in box.traverse():
            line = " ".join(el.text(deep=True).split())
            m = _STAMP_LABEL.match(line) if len(line) <= STAMP_TEXT_MAX else None
            stamp = _labelled(el, line, m) if m is not None else None
            if stamp is not None:
                stamps.append(stamp)
    return stamps


def _day_month_exchanged(when: datetime) -> datetime | None:
    """The instant with its day and month exchanged, in its own offset; None where that is no
    other date."""
    other = _swapped(when.date())
    return None if other is None else when.replace(month=other.month, day=other.day)


def _same_reading(stamp: _Stamp, instant: datetime, publication: _Stamp, published: datetime) -> bool:
    """Does the stamp print the instant as the dateline prints its publication: both printed
    clocks, the same zone offset from the instants; a printed day, the instant's own day."""
    if not stamp.clocked:
        return stamp.when.date() == instant.date()
    if not (stamp.printed and publication.printed and publication.clocked):
        return stamp.when == instant
    def wall(when: datetime, tz) -> datetime:  # an instant as a clock in tz prints it, to the minute
        return when.astimezone(tz).replace(tzinfo=None, second=0, microsecond=0)

    zone = wall(publication.when, publication.when.tzinfo) - wall(published, publication.when.tzinfo)
    return wall(stamp.when, stamp.when.tzinfo) - wall(instant, stamp.when.tzinfo) == zone


def stated_modifications(page) -> list[datetime]:
    """The last modifications the page's metadata states (article:modified_time,
    og:updated_time, the JSON-LD dateModified), read once per parsed page (both dateline
    findings read them)."""
    return page._parsed.memo("date_order:modifications", lambda _tree: [
        m for m in (iso_time(parse_date(v)) for v in [
            *page.meta.get("article:modified_time", ()), *page.meta.get("og:updated_time", ()),
            (page.ld.article or {}).get("dateModified")] if isinstance(v, str)) if m is not None])


def own_stamps(page) -> list[_Stamp]:
    """The stamps of the page's own date elements (furniture, tiles and other stories aside),
    read once per parsed page and URL (both dateline findings read them)."""
    return page._parsed.memo(("date_order:stamps", page.url), lambda _tree: [
        s for s in (_stamp(node) for node, elsewhere in _date_elements(page) if not elsewhere) if s])


def dateline_pairs(stamps: list[_Stamp], published: datetime):
    """(publication stamp, update stamp) for each labelled update line and each other stamp
    stating the instant published, the two in one short box (a dateline)."""
    updates = [s for s in stamps if s.kind == "updated"]
    for pub in stamps if updates else ():
        if pub.kind == "updated" or not _states(pub, published):
            continue  # not the publication the item holds
        for upd in updates:
            if _dateline_box(pub.node, upd.node) is not None:
                yield pub, upd
