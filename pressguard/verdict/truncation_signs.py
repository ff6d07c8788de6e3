"""Signs that words were cut out of the body's text: orphan suffixes standing alone ("from ing
NATO"), determiner gaps ("over the of a"), a sentence that starts in lower case, a paragraph
cut after an inline element ("Not everyone <a>is convinced, and</a></p>"); and the last
paragraphs that may end without a full stop (a list item, a table cell or a heading on the
page). Read by the truncation check.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .wording import NEVER_LAST

if TYPE_CHECKING:  # annotations only
    from .checks import _Context


# Stripped-word holes (the seed's failure mode).
ORPHAN_SUFFIXES = frozenset({"ing", "ings", "ed", "s", "tion", "tions", "ment", "ments"})
TOKEN_STRIP = ",.;:!?()[]{}\"“”‘’«»"
GAP = re.compile(
    r"(?=[tamyhio])"  # the first letters of the words below: the engine skips every other position
    r"(?:\b(?:the|a|an)\s+(?:of|to|in|for|on|at|by|with|from|into|than|the|a|an|and|or|but|is|are"
    r"|was|were|has|have)\b(?![\-\u2010\u2011'’])"
    r"|\b(?:the|a|an|your|our|their|my|his|her|its)\s+[.,;:!?])"
)
LOWER_START = re.compile(r"([.!?])\s+([a-z][a-z]+)\b")  # not after a closing quote: “Why?” she asked
ABBREV = frozenset(
    "e.g i.e etc vs approx ca cf no op vol ch pp st mr mrs ms dr jr sr fig al inc ltd".split())


# A whole whitespace-delimited token that is an orphan suffix once TOKEN_STRIP is
# stripped from its ends (the suffixes' letters are not in it): one search per paragraph
# instead of a look at every token.
_ORPHAN_TOKEN = re.compile(
    r"(?<!\S)[%s]*(?:%s)[%s]*(?!\S)" % (re.escape(TOKEN_STRIP),
                                      "|".join(sorted(ORPHAN_SUFFIXES, key=len, reverse=True)),
                                      re.escape(TOKEN_STRIP)))


def orphans(para: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _ORPHAN_TOKEN.finditer(para):
        raw = m.group(0)
        tok = raw.strip(TOKEN_STRIP)
        if tok not in ORPHAN_SUFFIXES:
            continue
        if raw[0] in "'’" or "-" in raw:  # "’s", hyphenated
            continue
        before = para[: m.start()].rstrip()
        if before.endswith(("'", "’", "-")):
            continue
        out.append((m.start(), m.end(), f"orphan suffix {tok!r}"))
    return out


def last_is_exempt(c: _Context, last: str) -> bool:
    """The last paragraph is a list item, a table row or a heading on the page."""
    if c.page is None:
        return False
    found = c.page.index.locate(last, slack=1.2, extra=20)
    return any(el.tag in ("li", "td", "th", "dd", "dt", "h2", "h3", "h4", "h5", "h6") or
               (el.parent is not None and el.parent.tag == "li") for _, el in found)


# Elements inside a paragraph's run of text whose end a migration's serializer cut after (not
# glued_words.INLINE_TAGS: that set is of elements whose edges a writer's spaces stand at)
CLOSING_INLINE_TAGS = frozenset({"a", "em", "strong", "b", "i", "u", "span", "mark", "small", "code", "abbr", "cite", "q",
                         "sup", "sub", "s", "del", "ins", "time"})
CUT_MIN_WORDS = 3  # a sentence's start, not a label


def cut_after_inline(c: _Context, para: str) -> str | None:
    """A paragraph that stops, with no punctuation, on a word no sentence ends on
    (wording.NEVER_LAST: "and", "the", "of" ...) at the end of an inline element closing its
    <p>, text before it: "Not everyone <a>is convinced, and</a></p>". What a migration that
    rebuilt paragraphs from the old markup and kept no text after an inline element (each
    child serialised without its tail) prints. A paragraph ending on a link's words otherwise
    ("Read our full review") is common on real pages and says nothing; "and" ends no sentence."""
    end = para.rstrip()
    if not end or not end[-1].isalnum() or c.page is None:
        return None
    words = end.split()
    last = words[-1].strip(TOKEN_STRIP).casefold()
    if len(words) < CUT_MIN_WORDS or last not in NEVER_LAST:
        return None
    el = c.page.locate(para)
    if el is None or el.tag != "p":
        return None
    kids = [k for k in el.iter(include_text=True)
            if not (k.tag == "-text" and not (k.text_content or "").strip()) and k.tag != "-comment"]
    if len(kids) < 2 or kids[-1].tag not in CLOSING_INLINE_TAGS:
        return None
    return f"{last!r} closing the paragraph's last <{kids[-1].tag}>, no punctuation (the text after it lost)"
