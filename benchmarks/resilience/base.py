"""What a mutation kind is: a labelled, generic edit of one page's HTML.

Every kind carries its label:

    RIGHT  a right extraction exists: the page still shows the article, and the
           mutation says which fields are right (usually the unmutated page's fields)
    NONE   no right extraction exists: the page is not the article, or is a wrong copy
           of it (challenge page, paywall teaser, cut or lazy-loaded body, mojibake in
           the page itself); the only right verdict is broken
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Callable

RIGHT = "right exists"
NONE = "no right extraction"


@dataclass(frozen=True)
class AnyOf:
    """A field with more than one right value (e.g. no dek, or the page's own summary)."""

    values: tuple


@dataclass(frozen=True)
class Sample:
    """One unmutated page and its right fields (the extraction of the page as shipped)."""

    site: str
    slug: str
    url: str
    html: str                  # the page as served, decoded (the shipped pages are UTF-8)
    content_type: str | None   # the Content-Type header it was served with
    fetched_at: str | None
    expected: dict             # headline, dek, authors, published, body

    @property
    def page(self) -> str:
        return f"{self.site}/{self.slug}"

    @property
    def host(self) -> str:
        """The host of the page's URL (www. kept), for the links and assets a kind writes."""
        return self.url.split("/")[2]


@dataclass
class Mutated:
    """A mutated page: the HTML (text, or bytes in some encoding), the right fields
    (None: no right extraction exists), and the Content-Type header to serve it with
    (None: the sample's own)."""

    html: str | bytes
    expected: dict | None
    content_type: str | None = None


class NotApplicable(Exception):
    """The page lacks what the kind changes (no byline to reword on a staff piece):
    the runner counts it as "n/a" for that kind, never silently."""


@dataclass(frozen=True)
class Kind:
    name: str
    label: str          # RIGHT or NONE
    why: str            # what real sites do that this imitates, and why the label
    apply: Callable[[Sample], Mutated] = field(repr=False)


def register(into: list[Kind], label: str, why: str):
    """Decorator: add a mutation function to a list of kinds, named after the function."""
    assert label in (RIGHT, NONE)

    def deco(fn):
        into.append(Kind(fn.__name__, label, " ".join(why.split()), fn))
        return fn

    return deco


def rng_for(sample: Sample, kind: str) -> random.Random:
    """A random source fixed by page and kind: a run is reproducible."""
    return random.Random(zlib.crc32(f"{kind}|{sample.url}".encode()))


def required(found, reason: str, at_least: int | None = None):
    """found (a part of the page, or a list of parts) if the page has it, at_least of them when
    given; else the kind does not apply to this page, for reason (counted n/a, never silently)."""
    if (len(found) < at_least) if at_least is not None else not found:
        raise NotApplicable(reason)
    return found


def published_at(sample: Sample) -> datetime:
    """The page's publication time, in UTC where it states no zone; n/a on a page without one."""
    published = sample.expected["published"]
    if not published:
        raise NotApplicable("no publication date")
    when = datetime.fromisoformat(published.replace("Z", "+00:00"))
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def published_as_stated(sample: Sample) -> datetime:
    """The page's publication time as stated (no zone added where it gives none); n/a where
    there is none or it does not parse."""
    try:
        return datetime.fromisoformat(sample.expected["published"].replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        raise NotApplicable("no published date that parses")


def same(sample: Sample, **changes) -> dict:
    """The sample's right fields, with changes."""
    out = dict(sample.expected)
    out.update(changes)
    return out


__all__ = ["RIGHT", "NONE", "AnyOf", "Sample", "Mutated", "Kind", "NotApplicable", "register", "rng_for", "same",
           "required", "published_at", "published_as_stated", "replace"]
