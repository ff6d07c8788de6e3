"""Byline text read as person names: a byline's opening ("By", "Written by", "Author:"), its
names split apart, whether a name is a person's (not the site, a desk, a photo credit, an
avatar's initials glued on), and the roles a byline credits besides writing. Read by the
page's bylines (page_hints.PageHints), the authors and agreement checks, and incidents.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..extract.text import letters
from .wording import ELLIPSIS


# Words that make a byline a collective, a desk, a role or a credit, never a person.
NOT_PERSON = frozenset(
    """staff team editor editors editorial desk newsroom admin administrator contributors
    contributor guest writer writers reporter reporters correspondent wire agency
    getty images image photo photos photograph photography shutterstock alamy screenshot
    screengrab courtesy via credit credits associated press reuters afp unsplash
    posted published updated modified filed""".split()
)
# a meta line's labels ("Posted on DATE", "Last updated", "Filed Under"): no name is made of them
_META_LABELS = frozenset("posted published updated modified filed".split())
PARTICLES = frozenset(
    "van von der den de del della di da dos das du la le bin ibn al el ter ten mac st y e".split())
BY = re.compile(r"^\s*(?:(?:(?:written|posted|published|reviewed|edited|words|story|reporting|text"
                 r"|interview|analysis)\s+)?by\b|authors?\s*:)[:\s]*", re.I)
# A text node that opens a byline: "By", "Written by", "Words by", "Author:" (capital B
# for a bare "By", so a sentence's "by the way" in a short text is no byline).
BY_OPENING = re.compile(r"(?i:(?:written|posted|published|reviewed|edited|words|story|reporting|text)"
                         r"\s+by\b|authors?\s*:)|By\b|BY\b")
BY_PREFIXES = ("by", "author", "written", "posted", "published", "reviewed", "edited", "words", "story",
                "reporting", "text")
# Between names, and between a name and the role or date around it.
_SPLIT = re.compile(r"\s*(?:,|;|\||·|•|&|\band\b|\s[-–—]\s|\b(?:last\s+)?(?:updated|published|posted"
                    r"|on)\b)\s*", re.I)


def split_names(text: str) -> list[str]:
    text = BY.sub("", " ".join(text.split()))
    return [p.strip(" .:-–—") for p in _SPLIT.split(text) if p.strip(" .:-–—")]


@lru_cache(maxsize=4096)  # every name is compared with every one of the site's names
def squash(s: str) -> str:
    return letters(s)


_DOMAIN = re.compile(r"\.(com|net|org)\b")


_CAPS_PREFIX = re.compile(r"([A-Z]{2,4})[a-z]")


def _initials_glued(words: list[str]) -> bool:
    """"SBSana Brennan": an initials avatar's letters printed right before the name with no
    space, so the name's own initials lead its first word (not "McKay", "DeShawn": one capital
    before the lower case)."""
    m = _CAPS_PREFIX.match(words[0]) if words else None
    if m is None:
        return False
    caps = m.group(1)
    rest = [words[0][len(caps) - 1:]] + words[1:]
    return caps[:-1] == "".join(w[0] for w in rest)[: len(caps) - 1] and len(rest) >= len(caps) - 1


def person_problem(name: str, site_names) -> str | None:
    """None when name looks like a person's; else why not."""
    if not isinstance(name, str) or not name.strip():
        return "an empty name"
    name = " ".join(name.split())
    low = name.casefold()
    if "@" in name or "://" in name or low.startswith("www.") or _DOMAIN.search(low):
        return "an e-mail, handle or URL"
    key = squash(name)
    for site in site_names:
        s = squash(site)
        if s and (key == s or (len(s) >= 5 and s in key)):
            return "the site's name"
    if any(ch.isdigit() for ch in name):
        return "digits in a name"
    if name.endswith(ELLIPSIS):
        return "a name cut short (an ellipsis at its end: a fixed-width byline truncated it)"
    words = name.split()
    lowered = [w.strip(".,'’()").casefold() for w in words]
    if any(w in NOT_PERSON for w in lowered):
        hit = next(w for w in lowered if w in NOT_PERSON)
        if hit in {"getty", "images", "image", "photo", "photos", "photograph", "photography",
                   "shutterstock", "alamy", "screenshot", "screengrab", "courtesy", "via",
                   "credit", "credits", "unsplash"}:
            return "a photo credit"
        if hit in _META_LABELS:
            return "a date or category label, not a person"
        return "a collective byline, not a person"
    core = [w for w, l in zip(words, lowered) if l not in PARTICLES]
    if _initials_glued(core):
        return f"initials glued to the name ({core[0]!r}: an avatar's text read into it)"
    if not 2 <= len(core) <= 4:
        return f"{len(core)} word{'s' if len(core) != 1 else ''}, not 2-4"
    cased = [w for w in core if any(ch.isupper() or ch.islower() for ch in w)]
    for w in cased:
        first = next((ch for ch in w if ch.isalpha()), "")
        if first and not first.isupper():
            return "a word not capitalised"
    return None


# Roles a byline credits besides writing; a translator is left out (sites credit translators
# as authors, and both readings are right).
_OTHER_ROLE = re.compile(r"(?:(?:reviewed|edited|fact[- ]?checked|checked|verified|updated|produced|"
                         r"illustrated|photographed)(?: and [a-z-]+)?|(?:photography|photos?|"
                         r"illustrations?|images?|video|graphics|design|editing)) by\s*:?\s*$", re.I)


def only_other_role(name: str, texts: list[str]) -> bool:
    """Does every mention of name in the byline texts follow a non-writing role ("Reviewed
    by", "Photography by")?"""
    seen = False
    for text in texts:
        for start in _mentions(name, text):
            seen = True
            if not _OTHER_ROLE.search(text[max(0, start - 40): start]):
                return False
    return seen


def _mentions(name: str, text: str):
    """Where name stands in text, case-insensitively (re.finditer's matches of it): ASCII
    text by str.find, with no pattern compiled per name (~60 us each)."""
    if not (name.isascii() and text.isascii()):
        yield from (m.start() for m in re.finditer(re.escape(name), text, re.I))
        return
    low, key = text.lower(), name.lower()
    at = low.find(key)
    while at >= 0:
        yield at
        at = low.find(key, at + max(len(key), 1))
