"""Raw byline strings -> person names.

People only: "By", "Written by", "Words by" ..., emails, @handles and URLs are
stripped; "A, B and C" / "A & B" are split; job titles after a name ("Jane Doe, Senior
Editor", "Jane Doe - Staff Writer", "Jane Doe | Senior Writer", "Jane Doe Senior Writer",
even glued on by markup: "Jane DoeSenior Writer"), dates ("Nov 3, 2026", "Updated 2 hours
ago") and "Follow" buttons go; page order is kept and duplicates dropped. Rejected
outright: the site's own name, "Staff", "Editorial Team" and other collective bylines, news agencies, photographers and
image credits, navigation labels, and anything that does not look like a name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from .dates import WRITTEN_DATE
from .text import normalize

_BY = re.compile(
    r"^(?:(?:written|words|posted|published|story|reporting|report|text|reviewed|edited|"
    r"compiled|updated|guide|article|guest\s+(?:post|article|column|essay|piece))\s+)?by\b[:\s]*",
    re.I,
)
# "By" in the languages of a site's other editions (Spanish/Portuguese "Por", French "Par",
# German "Von", Italian "Di", Dutch "Door"): a label only where a name of two words or more
# follows it, as a label stands before a whole name ("Von Miller", "Di Wang" are names)
BY_LABELS = frozenset("por par von di door".split())
# "By" glued to the first name by markup with no space ("By<a>Jane Doe</a>" reads
# "ByJane Doe"); case-sensitive, so "Byron" and "Byung-ho" stay names
_GLUED_BY = re.compile(r"^By(?=[A-Z][a-z])")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_HANDLE = re.compile(r"@\w{1,30}")  # also glued to a name: "Natasha Turak@NatashaTurak"
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.I)
_EMPTY_PARENS = re.compile(r"\(\s*[\W_]*\s*\)|\[\s*\]")
_SPLIT = re.compile(r"\s*(?:,|;|\||·|•|/|\s&\s|&|\s+and\s+|\s+und\s+|\s+et\s+|\s+y\s+|(?-i:\s+en?\s+))\s*", re.I)
_CREDIT = re.compile(
    r"getty|shutterstock|alamy|wireimage|\bphoto(?:s|graph|graphy)?\b|\bimages?\b|screenshot"
    r"|screengrab|courtesy|\bvia\b|\bcredit",
    re.I,
)


def names_a_credit(text: str) -> bool:
    """Does text hold an image credit's words ("Photo by", "Getty", "via", "Screengrab")?"""
    return _CREDIT.search(text) is not None


_TITLE_DASH = re.compile(r"\s+[\-\u2013\u2014]\s+")
# Italian "e" and Dutch "en" join names only in lower case ("Jane E Doe" has an initial)
# "and Ana Lima" (the last of "By A, B and C" when each name is its own element)
_LEADING_AND = re.compile(r"^(?:and|&|with|und|et|y|(?-i:en?))\s+", re.I)
# A profile button after the name: "Jane Doe Follow", "Jane Doe + Follow on X"
_FOLLOW_TAIL = re.compile(r"(?<=\S)\s*\+?\s*\b(?:follow|following|unfollow)\b.*$", re.I)
# A role or button glued to the name by markup with no space between the elements
# ("<a>Jane Doe</a><span>Senior Writer</span>" reads "Jane DoeSenior Writer")
_GLUED_TAIL = re.compile(
    r"(?<=[a-z\u00df-\u00ff])(?=(?:Senior|Staff|Lead|Managing|Associate|Contributing|Deputy"
    r"|Chief|Executive|Features?|News|Guides?|Reviews?|Freelance|Editor|Writer|Reporter"
    r"|Contributor|Columnist|Correspondent|Follow|Author)\b)"
)
# A meta line that prints the date before the byline, as starter themes' template tags do
# ("Posted on August 10, 2025 by Ben Ashby", "Published 10 Aug 2025 at 9:30 am | By ...", or
# with the separator a byline's parts are split on and no "by": "Posted on August 10, 2025 |
# Ben Ashby"): the names follow it (the date would otherwise read as a trailing date, and
# leave "Posted")
_DATE_THEN_BY = re.compile(
    r"^(?:(?:posted|published|updated|written|filed)\s+)?(?:on\s+)?" + WRITTEN_DATE
    + r"(?:\s*(?:,|at|@)?\s*\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?)?"
    + r"(?:\s*[,|·•\-\u2013\u2014]?\s*by\b[:\s]*|\s*[|·•]\s*)",
    re.I,
)
_TRAILING_DATE = re.compile(
    r"(?:^|\s+)last\s+updated\b.*$|\s+(?:on|published|updated|posted)\b.*$"
    r"|\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d.*$"
    r"|\s+\d+\s+(?:minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago.*$"
    r"|\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b.*$",
    re.I,
)

# "Justin McCurry in Tokyo", "A and B in Los Angeles": where the writers filed from, after the
# last name (newspaper bylines); one to three capitalised words ending the byline
_LOCATION_TAIL = re.compile(r"(?<=\S)\s+in\s+(?:[A-Z][\w.'\u2019-]*)(?:\s+[A-Z][\w.'\u2019-]*){0,2}\s*$")

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
# A name piece ending in one of these is a job title ("AP Auto Writer", "Business Columnist").
TITLE_HEAD_WORDS = frozenset(
    """
    writer editor columnist correspondent reporter contributor producer critic intern analyst
    journalist photographer host editor-at-large anchor blogger author staffer
    """.split()
)
# Post-nominal credentials: "Ilana Muhlstein, MS, RDN".
CREDENTIALS = frozenset(
    "ms ma mba md phd ph.d. rd rdn ld cpt cscs rn np pa jd mph msc bsc cde facs esq cfa cfp".split()
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
    view all recent stories story watch listen video videos see profile bio
    posted published updated modified filed
    """.split()
)  # (the last line: a meta line's labels, "Posted on DATE", "Filed under X", left once the date goes)
PARTICLES = frozenset(
    "van von der den de del della di da dos das du la le bin ibn al el ter ten mac st y e".split()
)
_STAFF_PHRASES = frozenset(
    {"staff", "editorial team", "editorial staff", "the editors", "editors", "guest author",
     "admin", "anonymous", "unknown", "team", "news desk", "newsdesk", "web desk"}
)


def _has_case(word: str) -> bool:
    return any(ch.isupper() or ch.islower() for ch in word)


_GLUED = re.compile(r"[a-z\u00df-\u00ff]{3,}[A-Z]")  # "GarberFOXBusiness" (but McCoy, LeBron, MacKenzie)


def _looks_like_name(name: str, allow_single: bool) -> bool:
    if not name or len(name) > 60 or any(map(str.isdigit, name)):
        return False
    words = name.split()
    if not words or len(words) > 6:
        return False
    if len(words) == 1 and not allow_single:
        return False
    lowered = [w.strip(".,'’()").lower() for w in words]
    if lowered[0] == "the" or not NOT_PERSON_WORDS.isdisjoint(lowered):
        return False
    if JOB_WORDS.issuperset(lowered):
        return False
    if lowered[-1].split("-")[-1] in TITLE_HEAD_WORDS or lowered[-1] in TITLE_HEAD_WORDS:
        return False
    if len(words) == 1 and (lowered[0] in CREDENTIALS or (words[0].isupper() and len(words[0]) <= 5)):
        return False
    for w in lowered:
        if w.endswith(("'s", "’s")):
            return False
    if _GLUED.search(name) is not None:
        return False
    caps = [w.isupper() and len(w) >= 3 for w in words]
    if any(caps) and not all(caps) and not _surname_in_capitals(words, caps):
        return False  # "CNN Business", "Kevin McCoy USA TODAY" (tail cut earlier)
    if not any(map(str.isalpha, name)):  # isalpha: Unicode category L*
        return False
    cased = [w for w in words if _has_case(w)]
    if not cased:  # caseless scripts (CJK, Arabic ...): trust the source
        return True
    for w, low in zip(words, lowered):
        if low in PARTICLES or not _has_case(w):
            continue
        for ch in w:
            if ch.isalpha():
                if not ch.isupper():
                    return False
                break
    return True


def _surname_in_capitals(words: list[str], caps: list[bool]) -> bool:
    """"Carla KOWALSKI": the European press's and wire services' style, given names as
    written and the surname (the last word, the only one in capitals) in capitals."""
    return len(words) >= 2 and caps[-1] and not any(caps[:-1]) \
        and all(w[:1].isupper() and not w.isupper() for w in words[:-1])


def _squash(s: str) -> str:
    return "".join(filter(str.isalnum, s.lower()))  # (filter: no Python step per character)


def _clean_piece(piece: str, site_keys: set[str]) -> str:
    piece = normalize(piece).strip(" \t-–—:,.;|()[]\"'“”")
    if ":" in piece:  # "Text: Jane Doe", "Текст: Венера Ерофеева"
        piece = piece.rsplit(":", 1)[1]
    piece = _BY.sub("", normalize(piece))
    piece = _LEADING_AND.sub("", piece)
    piece = _FOLLOW_TAIL.sub("", piece)
    words = piece.split()
    # "Por Jane Doe": a localised byline label before a name ("Von der Leyen" keeps its particle)
    if len(words) >= 3 and words[0].lower() in BY_LABELS and words[1].lower() not in PARTICLES \
            and words[1][:1].isupper():
        words = words[1:]
    # "Jane Doe Senior Staff Writer": a job title after the name, with no separator
    words = _without_role_tail(words)
    # "Kevin McCoy USA TODAY": an all-caps tail after a mixed-case name is the outlet
    while len(words) > 2 and words[-1].isupper() and len(words[-1]) >= 2 and not words[0].isupper():
        words.pop()
    # "Elliot Brownstein Florida Today": the site's name as a tail
    for cut in (1, 2, 3):
        if len(words) > cut + 1 and _squash(" ".join(words[-cut:])) in site_keys:
            words = words[:-cut]
            break
    # "Sean Martin Sean Martin": the same name twice
    half = len(words) // 2
    if len(words) % 2 == 0 and half and words[:half] == words[half:]:
        words = words[:half]
    piece = " ".join(words)
    # "Jane Doe - Senior Editor" / "Jane Doe – Staff Writer"
    parts = _TITLE_DASH.split(piece)
    if len(parts) > 1:
        piece = parts[0]
    return normalize(piece).strip(" \t-–—:,.;|()\"'“”")


def _without_role_tail(words: list[str]) -> list[str]:
    """The words before a trailing job title of two or more job words that ends in a
    title head ("Senior Writer", "Staff Writer", "Managing Editor"), when at least two
    words of a name are left. A one-word tail is not cut: "AP Auto Writer" and "Michael
    Hiltzik Business Columnist" are not names with a role after them, they are rejected."""
    if len(words) < 4 or words[-1].lower().strip(".,") not in TITLE_HEAD_WORDS:
        return words
    cut = len(words) - 1
    while cut > 2 and (words[cut - 1].lower() in JOB_WORDS or words[cut - 1].lower() in TITLE_HEAD_WORDS):
        cut -= 1
    return words[:cut] if len(words) - cut >= 2 else words


@lru_cache(maxsize=512)
def _reject_sets(reject: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """(lowercased names never accepted, squashed site names) for a reject list; cached,
    as a site's pages pass the same list again and again."""
    rejected = {normalize(r).lower() for r in reject if r} | _STAFF_PHRASES
    site_keys = {_squash(r) for r in reject if r and _squash(r)}
    return frozenset(rejected), frozenset(site_keys)


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
    rejected, site_keys = _reject_sets(tuple(reject))
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
        text = _GLUED_TAIL.sub(" | ", text)
        text = _BY.sub("", _DATE_THEN_BY.sub("", _GLUED_BY.sub("", normalize(text))))
        text = _TRAILING_DATE.sub("", text)
        text = _LOCATION_TAIL.sub("", text)
        for piece in _SPLIT.split(text):
            name = _clean_piece(piece, site_keys)
            if not name:
                continue
            key = name.lower()
            if key in rejected or key in seen or _squash(name) in site_keys:
                continue
            if not _looks_like_name(name, allow_single):
                continue
            seen.add(key)
            out.append(name)
    return out
