"""Raw byline strings -> person names.

People only: "By", emails, @handles and URLs are stripped; "A, B and C" / "A & B" are
split; job titles after a name ("Jane Doe, Senior Editor", "Jane Doe - Staff Writer")
go; page order is kept and duplicates dropped. Rejected outright: the site's own name,
"Staff", "Editorial Team" and other collective bylines, news agencies, photographers and
image credits, navigation labels, and anything that does not look like a name.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from .text import normalize

_BY = re.compile(
    r"^(?:(?:written|words|posted|published|story|reporting|report|text|reviewed|edited|"
    r"compiled|updated|guide|article)\s+)?by\b[:\s]*",
    re.I,
)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_HANDLE = re.compile(r"(?<![\w.])@\w{1,30}")
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.I)
_EMPTY_PARENS = re.compile(r"\(\s*[\W_]*\s*\)|\[\s*\]")
_SPLIT = re.compile(r"\s*(?:,|;|\||·|•|/|\s&\s|&|\s+and\s+|\s+und\s+|\s+et\s+|\s+y\s+)\s*", re.I)
_CREDIT = re.compile(
    r"getty|shutterstock|alamy|wireimage|\bphoto(?:s|graph|graphy)?\b|\bimages?\b|screenshot"
    r"|screengrab|courtesy|\bvia\b|\bcredit",
    re.I,
)
_TITLE_DASH = re.compile(r"\s+[\-\u2013\u2014]\s+")
_TRAILING_DATE = re.compile(
    r"\s+(?:on|published|updated|posted|last updated)\b.*$"
    r"|\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d.*$"
    r"|\s+\d+\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago.*$",
    re.I,
)

JOB_WORDS = frozenset(
    """
    editor editors senior staff writer writers contributor contributors reporter reporters
    correspondent managing news guides guide lead freelance freelancer associate deputy chief
    columnist critic producer contributing assistant executive features feature reviews
    review editorial director head intern journalist analyst host photographer
    photographers photo photos videographer designer illustrator creative content
    gaming esports entertainment tv film movies politics sports tech technology
    specialist manager coordinator strategist seo social media community commerce
    affiliate deals shopping culture weekend night morning breaking update updates
    """.split()
)
# Words that make a "name" a collective, an agency, a credit or page furniture.
NOT_PERSON_WORDS = frozenset(
    """
    staff team editorial editors desk newsroom wire wires admin administrator
    contributors contributor guest press associated reuters afp bloomberg agency agencies
    getty images image photo photos photograph photography shutterstock alamy screenshot
    screenshots screengrab courtesy via credit credits source sources unsplash
    home menu search login logout sign subscribe newsletter share comments comment
    reviews guides news movies tv gaming politics more read latest trending
    about contact privacy terms policy cookie cookies account follow
    facebook twitter instagram youtube tiktok linkedin email
    inc llc ltd media group network studios entertainment magazine daily times post journal
    company corporation productions publishing digital official
    """.split()
)
PARTICLES = frozenset(
    "van von der den de del della di da dos das du la le bin ibn al el ter ten mac st y e".split()
)
_STAFF_PHRASES = frozenset(
    {"staff", "editorial team", "editorial staff", "the editors", "editors", "guest author",
     "admin", "anonymous", "unknown", "team", "news desk", "newsdesk", "web desk"}
)


def _has_case(word: str) -> bool:
    return any(ch.isupper() or ch.islower() for ch in word)


def _looks_like_name(name: str, allow_single: bool) -> bool:
    if not name or len(name) > 60 or any(ch.isdigit() for ch in name):
        return False
    words = name.split()
    if not words or len(words) > 6:
        return False
    if len(words) == 1 and not allow_single:
        return False
    lowered = [w.strip(".,'’()").lower() for w in words]
    if any(w in NOT_PERSON_WORDS for w in lowered):
        return False
    if all(w in JOB_WORDS for w in lowered):
        return False
    if not any(unicodedata.category(ch).startswith("L") for ch in name):
        return False
    cased = [w for w in words if _has_case(w)]
    if not cased:  # caseless scripts (CJK, Arabic ...): trust the source
        return True
    for w, low in zip(words, lowered):
        if not _has_case(w) or low in PARTICLES:
            continue
        first = next((ch for ch in w if ch.isalpha()), "")
        if first and not first.isupper():
            return False
    return True


def _clean_piece(piece: str) -> str:
    piece = normalize(piece).strip(" \t-–—:,.;|()[]\"'“”")
    piece = _BY.sub("", piece)
    # "Jane Doe - Senior Editor" / "Jane Doe – Staff Writer"
    parts = _TITLE_DASH.split(piece)
    if len(parts) > 1:
        piece = parts[0]
    return normalize(piece).strip(" \t-–—:,.;|()\"'“”")


def clean_authors(
    raw: Iterable[str],
    reject: Iterable[str] = (),
    *,
    allow_single: bool = False,
) -> list[str]:
    """Person names from raw byline strings, in order, deduplicated.

    reject: names that are never authors on this page (site titles, og:site_name, the
    JSON-LD publisher). allow_single: accept one-word names (only for sources that are
    known to hold a name, such as a template's byline element).
    """
    rejected = {normalize(r).lower() for r in reject if r}
    rejected |= _STAFF_PHRASES
    out: list[str] = []
    seen: set[str] = set()
    for text in raw:
        text = normalize(text)
        if not text:
            continue
        low = text.lower()
        if low in rejected or _CREDIT.search(text):
            continue
        text = _URL.sub(" ", text)
        text = _EMAIL.sub(" ", text)
        text = _HANDLE.sub(" ", text)
        text = _EMPTY_PARENS.sub(" ", text)
        text = _BY.sub("", normalize(text))
        text = _TRAILING_DATE.sub("", text)
        for piece in _SPLIT.split(text):
            name = _clean_piece(piece)
            if not name:
                continue
            key = name.lower()
            if key in rejected or key in seen:
                continue
            if not _looks_like_name(name, allow_single):
                continue
            seen.add(key)
            out.append(name)
    return out
