"""Date strings -> ISO 8601 with offset.

Understands ISO 8601 (``Z``, ``+0000``, date only), the human text of bylines
("Published: Aug 10, 2025 10:03 am", "August 10, 2025 at 10:03 AM EDT", "10 August 2025"),
and relative text ("2 hours ago", "yesterday", "just now") resolved against the fetch
time. A time without a zone is taken as UTC; relative text without a fetch time, or a
date that cannot be read, gives None rather than a guess.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone

from .text import normalize

_PREFIX = re.compile(
    r"^(?:(?:first\s+)?published|posted|updated|last\s+updated|modified|date|on)\s*(?:on|at)?\s*[:\-–—]?\s*",
    re.I,
)
MONTH_NUMBERS = {  # an English month's name or abbreviation, lower-cased -> its number
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_TZ = {
    "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "et": -5, "cst": -6, "cdt": -5,
    "ct": -6, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7, "pt": -8, "bst": 1, "ist": 5.5,
    "cet": 1, "cest": 2, "eet": 2, "eest": 3, "aest": 10, "aedt": 11, "jst": 9, "kst": 9,
}
_MONTH = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_TIME = (
    r"(?:\s*(?:,|at|@|-|–|—)?\s*(?P<h>\d{1,2})(?::(?P<mi>\d{2}))?(?::(?P<s>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?"
    r"(?:\s*\(?(?P<tz>[a-z]{1,5}|[+-]\d{2}:?\d{2})\)?)?)?"
)
_MDY = re.compile(r"^(?:[a-z]+,?\s+)?" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})" + _TIME, re.I)
_DMY = re.compile(r"^(?:[a-z]+,?\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<y>\d{4})" + _TIME, re.I)
_ISO_OFFSET = re.compile(r"([+-]\d{2})(\d{2})$")
_RELATIVE = re.compile(
    r"^(?:an?|one|(?P<n>\d+))\s*(?P<unit>s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)\s+ago$",
    re.I,
)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def _to_iso(dt: datetime) -> str:
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.isoformat(timespec="seconds")


def parse_iso(text: str) -> datetime | None:
    s = text.strip()
    if not re.match(r"^\d{4}-\d{2}-\d{2}", s):
        return None
    s = s.replace(" ", "T", 1) if re.match(r"^\d{4}-\d{2}-\d{2} \d", s) else s
    if s.endswith(("Z", "z")):
        s = s[:-1] + "+00:00"
    s = _ISO_OFFSET.sub(r"\1:\2", s)
    # Python < 3.11 only takes 0, 3 or 6 fraction digits
    s = re.sub(r"\.(\d+)", lambda m: "." + (m.group(1) + "000000")[:6], s)
    try:
        dt = datetime.fromisoformat(s)
    except ValueError:
        try:
            return datetime.combine(date.fromisoformat(s[:10]), time(0), timezone.utc)
        except ValueError:
            return None
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


def _fetched(fetched_at: str | None) -> datetime | None:
    return parse_iso(fetched_at) if fetched_at else None


def _human(s: str) -> datetime | None:
    m = _MDY.match(s) or _DMY.match(s)
    if not m:
        return None
    try:
        day = date(int(m.group("y")), MONTH_NUMBERS[m.group("mon").lower().rstrip(".")], int(m.group("d")))
    except (ValueError, KeyError):
        return None
    hour = minute = second = 0
    if m.group("h") is not None and (m.group("mi") is not None or m.group("ampm")):
        hour, minute = int(m.group("h")), int(m.group("mi") or 0)
        second = int(m.group("s") or 0)
        ampm = (m.group("ampm") or "").replace(".", "").lower()
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour > 23 or minute > 59 or second > 59:
            return None
    tz = timezone.utc
    tzname = (m.group("tz") or "").lower()
    if tzname:
        if tzname[0] in "+-":
            sign = 1 if tzname[0] == "+" else -1
            digits = tzname[1:].replace(":", "")
            tz = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
        elif tzname in _TZ:
            tz = timezone(timedelta(hours=_TZ[tzname]))
    return datetime.combine(day, time(hour, minute, second), tz)


class RelativeDate(str):
    """An ISO date worked out from text such as "2 hours ago" and the fetch time:
    it changes whenever the page is fetched again."""


_EPOCH = re.compile(r"\d{10}(?:\d{3})?")  # Unix time in seconds, or JavaScript's milliseconds
EPOCH_YEARS = (1995, 2100)  # a publication time: not 1970 (a zero), not a stray ID read as one


def epoch_date(value: str | None) -> str | None:
    """ISO 8601 (UTC) for a machine field holding Unix time ("1754459880" or JavaScript's
    "1754459880000", as a front end passing the CMS's timestamps to its SEO component
    writes them), or None. Only for fields that hold a time: in text a long number is not one."""
    s = (value or "").strip()
    if not _EPOCH.fullmatch(s):
        return None
    seconds = int(s) / 1000 if len(s) == 13 else int(s)
    dt = datetime.fromtimestamp(seconds, tz=timezone.utc)
    return _to_iso(dt) if EPOCH_YEARS[0] <= dt.year < EPOCH_YEARS[1] else None


def parse_date(text: str | None, fetched_at: str | None = None) -> str | None:
    """ISO 8601 with offset for a date string, or None when it cannot be read."""
    s = normalize(text)
    if not s:
        return None
    dt = parse_iso(s)
    if dt is not None:
        return _to_iso(dt)
    s = _PREFIX.sub("", s).strip()
    dt = parse_iso(s) or _human(s)
    if dt is not None:
        return _to_iso(dt)
    low = s.lower().rstrip(".")
    now = _fetched(fetched_at)
    if now is None:
        return None
    if low in ("just now", "now", "moments ago", "a moment ago", "seconds ago"):
        return RelativeDate(_to_iso(now))
    if low in ("yesterday",):
        return RelativeDate(_to_iso(now - timedelta(days=1)))
    m = _RELATIVE.match(low)
    if m:
        n = int(m.group("n") or 1)
        unit = m.group("unit").lower()[0]
        if unit == "m" and m.group("unit").lower().startswith("mo"):
            return None
        return RelativeDate(_to_iso(now - timedelta(seconds=n * _UNITS[unit])))
    return None


# a written date in a longer text: "Aug 10, 2025", "10th of August 2025", "2025-08-10T09:00Z"
WRITTEN_DATE = (
    r"(?:" + _MONTH.replace("?P<mon>", "?:") + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH.replace("?P<mon>", "?:") + r",?\s+\d{4}|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?)"
)
_SEARCH = re.compile(r"\b" + WRITTEN_DATE, re.I)
_SEARCH_REL = re.compile(r"\b(?:just now|yesterday|(?:an?|one|\d+)\s*(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|weeks?)\s+ago)\b", re.I)


def search_date(text: str | None, fetched_at: str | None = None) -> str | None:
    """The first readable date anywhere in a longer text ("Posted on March 3, 2024 by ...")."""
    s = normalize(text)
    if not s:
        return None
    m = _SEARCH.search(s)
    if m:
        # extend over a time that follows the date
        parsed = parse_date(s[m.start():m.end() + 24], fetched_at) or parse_date(m.group(0), fetched_at)
        if parsed:
            return parsed
    m = _SEARCH_REL.search(s)
    if m:
        return parse_date(m.group(0), fetched_at)
    return None
