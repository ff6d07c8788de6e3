"""Text a page prints wrongly while every structural check passes: prose that a print or
scan pipeline mangled on its way to the web.

    body_findings(c) -> list[str]   (c: checks._Context; one "body: ..." line per signal)

- line-end hyphens: a typeset column's breaks kept as "transfor- mation" (the word whole
  is a word, its halves are not what the sentence says);
- OCR misreadings: lower-case words that are no English word but become a common one when
  a recogniser's usual confusion ("rn" for "m", "1" for "l", "c" for "e", "b" for "h") is
  undone ("cornpany", "1ike", "tbe");
- a lost drop cap: a section's first paragraph opening in lower case ("he studio
  announced", "second update is planned") on a page whose paragraphs open with capitals, and
  a paragraph inside a section opening on a piece of a word ("ll change again": an edge
  rewriter that kept only a text node's last chunk);
- words lost with their links (link_holes.hole_finding: holes in the page's prose on a site
  whose recorded pages link inside theirs);
- words glued at inline elements' edges (glued_words.glue_finding: a minifier or an export
  trimmed the spaces around links and emphasis, read in the body paragraphs' markup).

Each is judged against what real prose does: suspended hyphens ("pre- and post-match")
join no word; names, game titles and slang are unknown words that no single OCR confusion
turns into a common one; a brand with an inner capital ("iPhone") is no lower-case start.
Only pages judged English are judged (english.judged_as_english), against English's word
frequencies from wordfreq (its "small" list: the ~29,000 words at or above 1 per million),
read once per process, on its first English page.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import glued_words, link_holes
from .english import judged_as_english
from .wording import is_prose, quote

# "transfor- mation": letters, a hyphen, one space, lower-case letters. A hyphen before a
# conjunction is a suspended one ("pre- and post-match", "first- or second-person").
_SPLIT = re.compile(r"(?<![\w-])([A-Za-z]*[a-z])- ([a-z]+)\b")
_SUSPENDED = frozenset({"and", "or", "nor", "to", "through", "than", "versus", "vs", "but", "as"})
LINE_END_MIN = 3  # one or two can be a writer's slip ("some- thing"); three are a print column's

# A recogniser's usual confusions: (what it printed, what the page said).
OCR_CONFUSIONS = (("rn", "m"), ("cl", "d"), ("vv", "w"), ("li", "h"), ("1", "l"), ("1", "i"),
                  ("0", "o"), ("5", "s"), ("c", "e"), ("e", "c"), ("b", "h"), ("h", "b"),
                  ("l", "i"), ("i", "l"))
OCR_MIN = 3  # distinct misread words: a typo or two is every writer's
OCR_SHARE = 0.02  # of the body's distinct lower-case words
_OCR_LETTERS = frozenset("".join(seen for seen, _ in OCR_CONFUSIONS))
_TOKEN = re.compile(r"(?<![\w'’-])[a-z][a-z0-9]{2,}(?![\w'’-])")  # a whole lower-case word

_OPENING = re.compile(r"[a-z]+(?=[\s,;:.!?'’])")  # a lower-case first word ("iPhone" is not one)
_QUOTES = "\"'“‘«(["


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, float]:
    """English words and their frequencies (wordfreq's small list), apostrophe words also
    by their parts ("doesn't": "doesn", "t"), as a paragraph's \\w+ words split them."""
    from wordfreq import get_frequency_dict

    words = dict(get_frequency_dict("en", wordlist="small"))
    for word, freq in list(words.items()):
        if "'" in word:
            for part in word.split("'"):
                if part and part not in words:
                    words[part] = freq
    return words


def line_end_hyphens(body: list[str], page_words: set[str]) -> str | None:
    """Words broken by a typesetter's line-end hyphen and a space ("camp- aign"), three or
    more: the word joined up is English (or the page's own), and no conjunction follows."""
    splits: list[str] = []
    vocab = None
    for para in body:
        if "- " not in para:
            continue
        for m in _SPLIT.finditer(para):
            head, tail = m.groups()
            if tail in _SUSPENDED:
                continue
            vocab = vocab if vocab is not None else vocabulary()
            joined = (head + tail).lower()
            if joined in vocab or joined in page_words:
                splits.append(m.group(0))
    if len(splits) < LINE_END_MIN:
        return None
    return (f"body: {len(splits)} words split by line-end hyphens, such as "
            f"{', '.join(map(repr, splits[:3]))} (a print column's breaks kept in the text, where "
            f"prose has whole words)")


@lru_cache(maxsize=1 << 16)  # a site's names and titles come back page after page
def _undone(word: str) -> str | None:
    """The common word an OCR confusion in word stands for, or None."""
    vocab = vocabulary()
    for seen, meant in OCR_CONFUSIONS:
        at = word.find(seen)
        while at >= 0:
            fixed = word[:at] + meant + word[at + len(seen):]
            if fixed in vocab:
                return fixed
            at = word.find(seen, at + 1)
    return None


def ocr_misreadings(body: list[str], body_words: set[str]) -> str | None:
    """Lower-case words that are no English word and become one when one recogniser's
    confusion is undone, OCR_MIN or more and OCR_SHARE of the body's distinct words."""
    vocab = vocabulary()
    # (the set difference tests each word against the dict in C; the order of the unknown
    # words is read nowhere: they are counted, and their misreadings sorted)
    unknown = [w for w in body_words.difference(vocab) if len(w) >= 3 and w[0].isalpha()
               and not _OCR_LETTERS.isdisjoint(w)]
    if len(unknown) < OCR_MIN:
        return None
    misread = {}
    for word in unknown:
        fixed = _undone(word)
        if fixed is not None:
            misread[word] = fixed
    if len(misread) < OCR_MIN:
        return None
    # only words the body prints in lower case: a name ("Barb", "Kirnan") is not a misreading
    text = "\n".join(body)
    lower = {m.group(0) for m in _TOKEN.finditer(text)}
    misread = {w: f for w, f in misread.items() if w in lower}
    if len(misread) < OCR_MIN or len(misread) < OCR_SHARE * len(lower):
        return None
    shown = ", ".join(f"{w!r} for {f!r}" for w, f in sorted(misread.items())[:3])
    return (f"body: {len(misread)} words a text recogniser misread (OCR), such as {shown}, among "
            f"{len(lower)} distinct lower-case words (where prose has English words)")


# name particles before a capitalised name ("de Blasio said", "van Gogh's"): a lower-case
# opening that is right
_PARTICLE = re.compile(r"(?:d[aeiou]|del|della|der|des|dos|das|van|von|le|la|el|al|bin|ibn|ten|ter|y)\s+[A-Z]")
# a paragraph written in lower case throughout ("hi, i'm dana. i write ..."): the writer's style
_LOWER_STYLE = re.compile(r"[.!?]\s+[a-z]|(?<!\w)i(?=\s|['’]m\b)")
CAPITAL_SHARE = 0.8  # of the paragraphs that open with a letter, opening with a capital: the page's way
_ADDRESS = re.compile(r"[a-z]+(?:\.\w|://)")  # "x.com", "will.i.am", "https://..."


def _restored(rest: str, page_words: set[str]) -> str | None:
    """The word a lower-case opening fragment is with one letter in front: a commoner English
    word than the fragment, or, for a fragment that is none, a word the page uses ("estrel"
    on a page naming Kestrel)."""
    vocab = vocabulary()
    own = vocab.get(rest, 0.0)
    best = max("abcdefghijklmnopqrstuvwxyz", key=lambda letter: vocab.get(letter + rest, 0.0))
    if vocab.get(best + rest, 0.0) > own:
        return best + rest
    if own == 0.0:
        return next((letter + rest for letter in "abcdefghijklmnopqrstuvwxyz" if letter + rest in page_words), None)
    return None


# English's one- and two-letter words, and the abbreviations prose opens on: any other short
# lower-case opening is a piece of a word ("ll change again", "t few noticed")
_SHORT_WORDS = frozenset(
    "a i ad ah am an as at aw ax be by do eh go ha he hi hm if in is it me my no of oh ok on or ow ox so to "
    "uh um up us we ya yo vs pm mr ms dr st km kg cm mm ml ft lb oz mb gb kb tv pc id ex".split())
_CLOSING = "\"'”’)]»"


def _cut_opening(para: str, word: str, others: list[str]) -> str | None:
    """What makes a lower-case opening word the end of a word whose start was lost: a short
    one English has no such word for, or a longer one that is no English word, that no other
    paragraph uses (a name the writer spells in lower case comes back) and that ends an
    English word ("usly": "seriously"; a coined "unigram" ends none). An elision ("l'abeille")
    is a whole word."""
    if para[len(word): len(word) + 1] in "'’":
        return None
    if len(word) <= 2:
        return None if word in _SHORT_WORDS else f"{word!r} is no word"
    vocab = vocabulary()
    if word in vocab or any(re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", p, re.I) for p in others):
        return None
    whole = next((w for w in vocab if len(w) > len(word) and w.endswith(word)), None)
    return f"{word!r} is no word, the end of one such as {whole!r}" if whole else None


def lost_initial(body: list[str], page_words: set[str], prose: list[bool] | None = None) -> str | None:
    """A paragraph that opens a section (the body's first prose paragraph, or one right after
    a heading) in lower case, "he studio announced", "second update is planned", on a page
    whose other prose paragraphs open with a capital: its first letter, or its one-letter
    first word, was set apart as a drop cap and lost. Past the first paragraph only a
    fragment that one letter in front makes a word counts (after a heading or a list a
    sentence may run on: "which means ..."). A brand with an inner capital ("iPhone"), a
    name particle ("de Blasio"), an address ("x.com") is no such opening; a writer who
    writes in lower case opens every paragraph so. prose: is_prose of each paragraph, when
    the caller has read it."""
    opened = [p.lstrip(_QUOTES)[:1] for p in body]
    lettered = sum(ch.isalpha() for ch in opened)
    capitals = sum(ch.isupper() for ch in opened)
    if lettered < 4 or capitals < CAPITAL_SHARE * (lettered - 1):
        return None
    seen_prose = after_prose = ended = False
    for k, (para, sentence) in enumerate(zip(body, prose if prose is not None else map(is_prose, body))):
        first, opens_section, after_sentence = sentence and not seen_prose, sentence and not after_prose, ended
        # a line ending on a comma runs on into the next ("We've been levelling up our skills," /
        # "as well as browsing the source ..."): no section opens there
        seen_prose, after_prose = seen_prose or sentence, sentence or para.rstrip()[-1:] in ",;"
        ended = sentence and para.rstrip().rstrip(_CLOSING)[-1:] in ".!?"
        if not para[:1].islower() or not (opens_section or after_sentence):
            continue
        m = _OPENING.match(para)
        if m is None or _PARTICLE.match(para) or _ADDRESS.match(para) or _LOWER_STYLE.search(para):
            continue
        if not opens_section:
            cut = _cut_opening(para, m.group(0), [p for j, p in enumerate(body) if j != k])
            if cut:
                return (f"body: a paragraph opening on a fragment, {quote(para, 40)} ({cut}, after a "
                        f"paragraph that ended its sentence: its opening words lost; {capitals} of the "
                        f"{lettered} paragraphs that open with a letter open with a capital)")
            continue
        guess = _restored(m.group(0), page_words)
        if guess is None and not first:
            continue
        lost = f"as {guess.capitalize()!r}" if guess else "or a one-letter first word"
        return (f"body: a paragraph opening on a fragment, {quote(para, 40)} (its first letter lost, "
                f"{lost}: a drop cap the import left out; {capitals} of the {lettered} paragraphs that "
                f"open with a letter open with a capital)")
    return None


def body_findings(c) -> list[str]:
    """The prose-quality findings on c's body (checks._Context), each one line naming the body."""
    prose = [p for p, sentence in zip(c.body, c.prose) if sentence]
    if not prose or not judged_as_english(c):
        return []
    finds = [line_end_hyphens(prose, c.body_words) if any("- " in p for p in prose) else None,
             lost_initial(c.body, c.body_words, c.prose) if any(p[:1].islower() for p in prose) else None,
             ocr_misreadings(prose, c.body_words), link_holes.hole_finding(c),
             masked_word_parts(c.body) if any("**" in p for p in c.body) else None, glued_words.glue_finding(c)]
    return [f for f in finds if f]


# A word filter that stars what it matches inside words (the Scunthorpe problem: an ad
# partner's "brand safety" worker, a comment filter run over the article): "pa**" for "pass",
# "rew**ding" for "rewarding". A writer stars a swear word ("f***", "s**t", "a**hole"); a
# starred word that no swear word fits but a common English word does (one letter a star) is
# a filter's. Two stars or more: one is a footnote mark or a name's ("E*Trade").
_STARRED = re.compile(r"(?<![\w*])([A-Za-z]+)(\*{2,})([A-Za-z]*)(?![\w*])")
_SWEARING = ("fuck", "fucking", "fucked", "fucker", "motherfucker", "shit", "shitty", "bullshit", "cunt",
             "bitch", "ass", "asshole", "arse", "arsehole", "dick", "dickhead", "piss", "pissed", "bastard",
             "damn", "goddamn", "hell", "cock", "twat", "wank", "wanker", "bollocks", "crap", "prick",
             "slut", "whore", "pussy", "tits", "nigger", "nigga", "faggot", "fag", "retard", "porn", "sex")
_INFLECTIONS = ("", "s", "es", "ed", "ing", "er", "ers", "y")


def masked_word_parts(paragraphs: list[str]) -> str | None:
    """A common English word with part of it starred, which no swear word fits. Read in every
    paragraph, a list item's short step too: a filter stars words wherever they stand."""
    vocab = None
    for i, para in enumerate(paragraphs, 1):
        for m in _STARRED.finditer(para):
            head, stars, tail = m.group(1).lower(), m.group(2), m.group(3).lower()
            if not tail and re.search(rf"(?<![\w*]){re.escape(stars)}[A-Za-z]", para[: m.start()]):
                continue  # the stars close a Markdown emphasis the paragraph opened: "**picks up mic**"
            writer = re.compile(re.escape(head) + r"[a-z]+" + re.escape(tail))
            if any(writer.fullmatch(w + end) for w in _SWEARING for end in _INFLECTIONS):
                continue
            vocab = vocab if vocab is not None else vocabulary()
            fits = re.compile(re.escape(head) + "[a-z]" * len(stars) + re.escape(tail))
            word = next((w for w in vocab if len(w) == len(m.group(0)) and fits.fullmatch(w)), None)
            if word:
                return (f"body: {quote(m.group(0), 30)} (a word filter starred part of a word, "
                        f"{word!r} fits; the words are not as written) in body paragraph {i}")
    return None
