"""A headline's subject words (its words of four letters or more, and its URL slug's) and how
many of them a body or a title uses: a body under another story's headline names other
things. Read by the agreement check (topic_share against the site profile), the metadata
check, social_title, incidents and the site profile.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import filterfalse

from .english import COMMON_LONG


_TOPIC_SKIP = COMMON_LONG
TOPIC_MIN_WORDS = 3  # fewer subject words in a headline ("Verdict") say nothing
TOPIC_TRUST = 0.5  # a site whose recorded bodies share less with their headlines is not judged
TOPIC_SHARE = 0.34  # a body sharing under a third of the site's least is another story's


_TOPIC_WORD = re.compile(r"[^\W\d_]{4,}")
_ASCII_TOPIC_WORD = re.compile(r"[a-z]{4,}")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _uncombined(m: "re.Match") -> str:
    return "".join(ch for ch in m.group(0) if not unicodedata.combining(ch))


def _url_slug(url: str) -> str:
    """The URL's last path segment as words ("/news/man-wins-prize/" -> "man wins prize")."""
    return (url or "").split("?")[0].rstrip("/").rsplit("/", 1)[-1].replace("-", " ")


def topic_words(text: str) -> set[str]:
    """Words of four letters or more, case and accents folded ("Café" and the slug's "cafe")."""
    low = text.casefold()
    if low.isascii():  # nothing to decompose: the letters are [a-z]
        return set(_ASCII_TOPIC_WORD.findall(low)) - _TOPIC_SKIP
    folded = unicodedata.normalize("NFKD", low)
    if not folded.isascii():  # an ASCII character is never a combining mark
        folded = _NON_ASCII.sub(_uncombined, folded)
    return set(_TOPIC_WORD.findall(folded)) - _TOPIC_SKIP


def topic_share(headline: str | None, url: str, body: list[str], *,
                body_words: set[str] | None = None) -> float | None:
    """The share of the headline's subject words (the headline's and the URL slug's) that
    the body uses; None for a headline of too few such words. A story's body names what
    its headline names; another story's body (a stale fragment cache, a wrong post ID)
    does not. Sites differ (a listicle's headline words may all be in it, a pun headline
    none), so the check compares with the site's own recorded pages (site_profile)."""
    topic = topic_words(headline or "") | topic_words(_url_slug(url))
    if len(topic) < TOPIC_MIN_WORDS:
        return None
    if body_words is not None and all(map(str.isascii, body)):
        # body_words: the body's words, already read (the checks' _Context.body_words)
        return len(_topic_words_among(topic, body_words)) / len(topic)
    # paragraph by paragraph (a word never spans two): most are ASCII, read the cheap way
    said = set().union(*map(topic_words, body))
    return len(topic & said) / len(topic)


def _topic_words_among(topic: set[str], words: set[str]) -> set[str]:
    """The words of topic an ASCII text uses (topic & its topic_words), read off the
    text's words: in ASCII text a run of 4+ letters is one of its words, or a run inside
    a word with digits or underscores ("covid19")."""
    said = topic & words
    rest = topic - said
    if rest:
        for word in filterfalse(str.isalpha, words):
            said |= rest.intersection(_ASCII_TOPIC_WORD.findall(word))
    return said


SLUG_SUPPORT = 0.5  # of the URL slug's subject words the visible headline must use


def slug_share(url: str, title: str) -> float | None:
    words = topic_words(_url_slug(url))
    if len(words) < TOPIC_MIN_WORDS:
        return None
    return len(words & topic_words(title)) / len(words)
