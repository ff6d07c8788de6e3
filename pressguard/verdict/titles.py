"""Headlines compared with other titles: agreement after normalising (equal, a prefix, or
most words shared), a site's name cut from a title's end, a title that adds or cuts a short
labelled segment (a dateline, a section, an ellipsis), and the shapes no headline has (a
generic page title, a URL slug, one title given twice, a search keyphrase made from the
title). Read by the headline, agreement and metadata checks, PageHints and social_title.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .wording import ELLIPSIS, jaccard, norm, quote, words


HEADLINE_JACCARD = 0.75

GENERIC_TITLES = frozenset(
    """home|homepage|home page|index|news|latest|latest news|blog|articles|article|untitled
    |page not found|not found|404|404 not found|error|access denied|forbidden
    |just a moment...|just a moment|attention required!|attention required
    |verify you are human|are you a robot?|log in|login|sign in|sign up|subscribe|search
    |search results|archives|archive|category|tag|author|reviews|guides|news & features
    |privacy policy|terms of service|cookie policy|about|about us|contact|contact us
    |loading...|loading|redirecting...|site maintenance
    |auto draft|(no title)|no title|untitled post|untitled document|new post|hello world!
    """.replace("\n", "").split("|")
)
GENERIC_TITLES = frozenset(t.strip() for t in GENERIC_TITLES)


SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){3,}")  # four or more words: "half-life-3" is a title


def said_twice(title: str) -> bool:
    """The same run of three words or more, twice in a row, making the whole title
    ("New York, New York" and "Talk Talk" are titles: their halves are shorter)."""
    words = [w for w in (norm(x).strip(".,:;!?") for x in title.split()) if w]
    half = len(words) // 2
    return len(words) % 2 == 0 and half >= 3 and words[:half] == words[half:]


@lru_cache(maxsize=1024)
def _site_suffix(name: str) -> "re.Pattern":
    """ " - Site" (any dash, bar or colon) at the end of a title."""
    return re.compile(r"\s*[\-\u2013\u2014|:·•]\s*" + re.escape(name) + r"\s*$", re.I)


def strip_site(title: str, site_names) -> str:
    for name in sorted({n for n in site_names if n}, key=len, reverse=True):
        cut = _site_suffix(name).sub("", title)
        if cut != title and cut:
            return cut
    return title
SEGMENT_MAX_WORDS = 4  # a dateline, a section or a site label; a reworded title is longer
_SEGMENT_SEP = re.compile(r"\s*[\-\u2013\u2014|:·•/]\s*")


def segment_difference(headline: str, other: str, removed: bool = True) -> str | None:
    """How headline differs from another source's title when that title is the headline
    with a short labelled segment added or cut off, or when the headline is the title cut
    short: "a cut ending in '…'", "an added leading segment 'LOS ANGELES —'". Word overlap
    calls such titles agreeing; they are different headlines all the same (a dateline or
    section printed into the h1, a card title's cut), and one of them is not the title.
    removed=False: a segment the other title has and the headline lacks is not judged (an
    og:title is an SEO title: "Title | News" after the site's name is cut)."""
    h, o = norm(headline), norm(other)
    if not h or not o or h == o:
        return None
    # a cut: the headline ends in an ellipsis and the other title goes on past it
    if headline.rstrip().endswith(ELLIPSIS):
        stem = h.rstrip(".\u2026 ")
        if len(stem) >= 10 and o.startswith(stem) and len(o) > len(stem) + 3:
            return f"a cut ending in {quote(headline[-20:].strip(), 24)}"
    for longer, shorter, what in ((h, o, "added"), (o, h, "removed")):
        if len(longer) <= len(shorter) or (what == "removed" and not removed):
            continue
        if longer.endswith(shorter):
            extra, side = longer[: len(longer) - len(shorter)], "leading"
        elif longer.startswith(shorter):
            extra, side = longer[len(shorter):], "trailing"
        else:
            continue
        # the segment stands apart from the title by a separator, and is a label, not a phrase
        sep = re.search(r"[\-\u2013\u2014|:·•/]\s*$" if side == "leading" else r"^\s*[\-\u2013\u2014|:·•/]",
                        extra)
        label = _SEGMENT_SEP.sub(" ", extra).strip()
        if sep and label and len(label.split()) <= SEGMENT_MAX_WORDS:
            return f"an {what} {side} segment {quote(label, 40)}"
    return None


def titles_agree(a: str, b: str) -> bool:
    na, nb = norm(a), norm(b)
    if na == nb or na.startswith(nb.rstrip(". ")) or nb.startswith(na.rstrip(". ")):
        return True
    return jaccard(set(words(na)), set(words(nb))) >= HEADLINE_JACCARD


# Words and single spaces only: no capital, no punctuation between words (a keyphrase's form)
_KEYPHRASE = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?(?: [^\W_](?:[\w'’-]*[^\W_])?)*")
KEYPHRASE_EXTRA = 2  # words a keyphrase adds to the title's ("guide", "2025", "news")
KEYPHRASE_MIN = 3  # of the title's words kept, and at least half of them


def keyphrase_of(headline: str, title: str) -> str | None:
    """How headline is a search keyphrase made from title rather than a headline, or None:
    the title's words in the title's order, all in lower case, its punctuation gone, some of
    its words dropped or up to KEYPHRASE_EXTRA added ("hollow crown review almost update" for
    "Hollow Crown review – almost there": an SEO plugin's "H1 override" printing the post's
    focus keyphrase as the visible <h1>, search terms being written that way). A headline,
    even a shortened one, keeps the capitals of the names it says; a site whose headlines are
    styled in lower case keeps the title's words: neither is one."""
    h = " ".join(headline.split())
    if title == title.lower() or h != h.lower() or not _KEYPHRASE.fullmatch(h):
        return None
    said, told = words(h), words(title)
    at, kept, added = 0, [], []
    for w in said:
        try:
            at = told.index(w, at) + 1
            kept.append(at - 1)
        except ValueError:
            added.append(w)
    if len(added) > KEYPHRASE_EXTRA or len(kept) < max(KEYPHRASE_MIN, len(told) / 2):
        return None
    kept_at = set(kept)
    dropped = [w for i, w in enumerate(told) if i not in kept_at]
    if not added:
        # the title in lower case, every word of it or of all but a labelled segment (a site's
        # name the page's site names miss, "... | Cultivating Health"): a style, not a keyphrase
        segments = [words(x) for x in _SEGMENT_SEP.split(title)]
        if not dropped or dropped in (segments[0], segments[-1]):
            return None
    parts = [f"dropped {', '.join(map(repr, dropped[:6]))}" if dropped else "",
             f"added {', '.join(map(repr, added))}" if added else ""]
    return "the title's words in lower case without its punctuation, " + " and ".join(p for p in parts if p)
