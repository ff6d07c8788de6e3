"""The small readings of text every check shares: titles normalised for comparing (norm),
words and their overlap, a paragraph that reads as prose, and the quoting of texts in a
check's one-line message. A leaf: the checks and the modules they call import it, and it
imports none of them but the fingerprint's punctuation table (no import cycle, no name
read at call time).
"""

from __future__ import annotations

import html as htmllib
import re
from functools import lru_cache

from . import fingerprint as fp


# What ends a sentence, and what may stand after its mark (quotes, brackets, emphasis)
TERMINAL = ".!?…。！？"
CLOSERS = "\"'”’»›)]}*_"
# Words no title and no sentence ends on (a determiner, a conjunction, a preposition that
# wants its object, a possessive): text stopping at one was cut there ("... about the")
NEVER_LAST = frozenset("the a an of to and or but for from with after before into than your our their its "
                       "my his her these those via".split())


@lru_cache(maxsize=4096)  # the same headline and site names are compared by several checks
def norm(text: str | None) -> str:
    """For comparing titles: entities decoded, quotes/dashes unified, spaces collapsed,
    case folded."""
    if not text:
        return ""
    text = htmllib.unescape(htmllib.unescape(text))
    for a, b in fp.PUNCT_REPLACEMENTS:
        text = text.replace(a, b)
    return " ".join(text.split()).casefold().strip(" .")


_WORDS = re.compile(r"\w+")


# Every ASCII character but [a-z0-9_] made a space: the \w runs of case-folded ASCII text are
# then its whitespace-separated parts (str.translate and str.split: cheaper than findall)
_ASCII_NON_WORDS = str.maketrans({chr(i): " " for i in range(128) if not re.fullmatch(r"[a-z0-9_]", chr(i))})


def words(text: str) -> list[str]:
    low = text.casefold()
    return low.translate(_ASCII_NON_WORDS).split() if low.isascii() else _WORDS.findall(low)


def spaced_within(text: str, limit: int) -> bool:
    """len(" ".join(text.split())) <= limit, without splitting the whole of a long text (a
    byline's ancestors climbed to a dateline's size end on one holding the whole article):
    the spaced text of text's start is the start of text's spaced text."""
    if len(text) <= limit:
        return True  # spacing never lengthens a text
    if len(text) > 2 * limit and len(" ".join(text[:2 * limit].split())) > limit:
        return False
    return len(" ".join(text.split())) <= limit


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if (a or b) else 1.0


def first_three(finds: list[str]) -> str:
    """A check's findings for its one-line message: the first three, and how many more."""
    more = f" (+{len(finds) - 3} more)" if len(finds) > 3 else ""
    return "; ".join(finds[:3]) + more


def quote(text: str, n: int = 80) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= n else text[: n - 1] + "…")


def excerpt(text: str, start: int, end: int, pad: int = 25) -> str:
    a = text.rfind(" ", 0, max(0, start - pad))
    b = text.find(" ", min(len(text), end + pad))
    return quote(text[a + 1 if a >= 0 else 0: b if b >= 0 else len(text)], 70)


ELLIPSIS = ("\u2026", "...")


def word_total(paragraphs) -> int:
    return sum(len(p.split()) for p in paragraphs)


def is_prose(p: str, word_count: int | None = None) -> bool:
    """A sentence or more: 12+ words ending like a sentence (an emoji after its full stop
    aside, as social-minded writers sign off a paragraph: "... and it does. 🎮"). word_count:
    len(p.split()), when the caller has counted them."""
    end = p.rstrip(CLOSERS + " ")[-1:]
    if end not in TERMINAL:  # the cheap test first
        if end.isascii() or _EMOJI_TAIL.sub("", p).rstrip(CLOSERS + " ")[-1:] not in TERMINAL:
            return False
    return (len(p.split()) if word_count is None else word_count) >= 12


# pictographs, their variation selectors and joiners, and the space before them, at a text's end
_EMOJI_TAIL = re.compile(r"[\s\u200d\ufe0e\ufe0f\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff]+$")
