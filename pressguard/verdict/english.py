"""Whether text reads as English: the common English words, their share in the body's prose
and in a dek, and whether a page is judged as English at all (it declares English and the
site's recorded pages read as English; any other language is not judged). Read by the
text_quality check, prose_flaws and the site profile.
"""

from __future__ import annotations

import re
from itertools import filterfalse
from typing import TYPE_CHECKING

from .wording import is_prose, norm, quote

if TYPE_CHECKING:  # annotations only
    from .page_hints import PageHints
    from .checks import _Context


# Common English words. Those of four letters or more say nothing about a story's subject
# (_TOPIC_SKIP); all of them together are a third of any English prose (text_quality).
COMMON_LONG = frozenset("""
    about after again also back been before being best come does each even ever every from
    have here into just know last like made make many more most much next only other over
    some such than that their them then there these they this those very want were what
    when where which while will with your
    """.split())
ENGLISH_COMMON = COMMON_LONG | frozenset("""
    a an the of to in on at by for as is are was be am it its he she we you i his her our
    my and or but not no so if who how all any one two do did has had can may up out new
    """.split())


# Prose in the page's declared language: English prose is about a third common words
# (30-39% on the shipped pages, codes lists included); filler text (lorem ipsum), a
# machine-garbled or wrong-language body shares almost none. Judged on 80+ words of prose
# paragraphs (sentences, not tables or lists) of a page that says it is English; any other
# or no declared language is not judged, nor a site whose own recorded pages are not all
# English prose (a theme's default lang="en-US" on another language's site).
ENGLISH_MIN_SHARE = 0.12
LANGUAGE_MIN_WORDS = 80
_WORD = re.compile(r"[^\W\d_]+")
_ASCII_WORD = re.compile(r"[a-z]+")


def _declared_language(page: "PageHints | None") -> str:
    """The page's language as it declares it (<html lang>, else og:locale), lower case."""
    if page is None:
        return ""
    root = page.tree.css_first("html")
    lang = (root.attributes.get("lang") or "") if root is not None else ""
    if not lang.strip():
        lang = (page.meta.get("og:locale") or [""])[0]
    return lang.strip().lower().replace("_", "-")


def _letter_words(low: str) -> list[str]:
    # on ASCII text the letters are [a-z] (lower-cased): a much cheaper class for the regex engine
    return _ASCII_WORD.findall(low) if low.isascii() else _WORD.findall(low)


def english_share(body: list[str], prose: list[bool] | None = None) -> tuple[float, list[str]] | None:
    """(the share of common English words, the words) of the body's prose paragraphs;
    None under LANGUAGE_MIN_WORDS words of prose. prose: is_prose of each paragraph, when
    the caller has read it."""
    words = [w for p, sentence in zip(body, prose if prose is not None else map(is_prose, body)) if sentence
             for w in _letter_words(p.lower())]
    if len(words) < LANGUAGE_MIN_WORDS:
        return None
    return sum(map(ENGLISH_COMMON.__contains__, words)) / len(words), words


def paragraph_counts(c: "_Context") -> list[tuple[int, int] | None]:
    """(common English words, letter words) of each body paragraph that is prose (None for
    the others), as english_share counts them, an ASCII paragraph read off its words
    (c.words_of: its letter words are those words, and the letter runs of the ones with
    digits or underscores); the words are not kept in order, only counted. Read once per
    item (c.english_counts): the body's English share and its foreign paragraphs both ask."""
    counts: list[tuple[int, int] | None] = []
    for p, sentence in zip(c.body, c.prose):
        if not sentence:
            counts.append(None)
            continue
        if p.isascii():  # p.lower() == p.casefold(): the words c.words_of read
            words = c.words_of(p)
            # the common words are all letters: counted among all the words, with no list
            # of the letter words made; those are the words less the others, plus the
            # others' letter runs
            others = list(filterfalse(str.isalpha, words))
            total = len(words) - len(others)
            common = sum(map(ENGLISH_COMMON.__contains__, words))
            for word in others:
                if not word.isdigit():
                    runs = _ASCII_WORD.findall(word)
                    total += len(runs)
                    common += sum(map(ENGLISH_COMMON.__contains__, runs))
            counts.append((common, total))
            continue
        letters = _letter_words(p.lower())
        counts.append((sum(map(ENGLISH_COMMON.__contains__, letters)), len(letters)))
    return counts


def _english_counts(c: "_Context") -> tuple[int, int]:
    """(common English words, letter words) of the body's prose paragraphs, as
    english_share counts them (paragraph_counts, summed)."""
    common = total = 0
    for counted in c.english_counts:
        if counted is not None:
            common += counted[0]
            total += counted[1]
    return common, total


def judged_as_english(c: "_Context") -> bool:
    """The site's own recorded pages read as English prose (else a declaration is a theme's
    default and says nothing), and the page declares English; or, on such a site, declares
    another language while its body reads as plainly English as prose does (twice the floor):
    a multilingual plugin's wrong default changes the declaration, not the words, and must
    not switch off the checks of the English text the page still carries."""
    prof = c.profile
    if prof is not None and prof.min_english_share is not None and prof.min_english_share < 2 * ENGLISH_MIN_SHARE:
        return False
    lang = _declared_language(c.page)
    if lang == "en" or lang.startswith("en-"):
        return True
    if prof is None or prof.min_english_share is None:
        return False  # no recorded pages to say the site is English: the declaration stands
    common, total = _english_counts(c)
    return total >= LANGUAGE_MIN_WORDS and common >= 2 * ENGLISH_MIN_SHARE * total


def not_english(c: "_Context") -> str | None:
    if not judged_as_english(c):
        return None
    lang = _declared_language(c.page)
    common, total = _english_counts(c)
    if total < LANGUAGE_MIN_WORDS or common / total >= ENGLISH_MIN_SHARE:
        return None  # (english_share's words are read only for a finding's message)
    measured = english_share(c.body, c.prose)
    if measured is None:
        return None
    share, words = measured
    if share >= ENGLISH_MIN_SHARE:
        return None
    return (f"body: {share:.0%} common English words in {len(words)} words of prose (the page "
            f"declares {lang}; English prose has {ENGLISH_MIN_SHARE:.0%} or more), from "
            f"{quote(' '.join(words[:8]), 50)}")


# Paragraphs in another language inside an English body (a per-string translation cache keyed
# without the locale serving another edition's paragraphs): each a sentence or more of prose
# with almost none of the common English words, at least FOREIGN_MIN_PARAGRAPHS of them, while
# the rest of the body reads as English. One quoted sentence in its original language is normal
# in reporting; two or more such paragraphs are another edition's text, and so is one that
# quotes nobody (a short body has room for one swapped paragraph): no quotation mark in it,
# and printed as the body's own text, not set apart as a quote or an embed (a <blockquote>, an
# embedded post's <figure>) nor marked as another language (lang="es").
# WCXB dev: none of the 693 pages judged as English has even one such paragraph, in the
# extraction or the ground truth (benchmarks/incident_signals_wcxb.py).
FOREIGN_MIN_WORDS = 12
FOREIGN_MIN_PARAGRAPHS = 2
_QUOTE_MARKS = frozenset('"\u201c\u201d\u00ab\u00bb\u201e\u2039\u203a\u300c\u300d')
_SET_APART = frozenset({"blockquote", "q", "figure", "aside", "cite"})


def _quotes_nobody(c: "_Context", p: str) -> bool:
    """Is p, a body paragraph, the article's own text: no quotation mark in it, and its element
    (found on the page) neither inside a quote or an embed nor marked as in another language?"""
    if not _QUOTE_MARKS.isdisjoint(p) or c.page is None:
        return False
    node = c.page.locate(p)
    if node is None:
        return False
    while node is not None and node.tag not in ("body", "html"):
        if node.tag in _SET_APART or node.attributes.get("lang"):
            return False
        node = node.parent
    return True
# A paragraph short of English words is often a list line or a spec sheet ("Services Offered:
# Payroll, compliance ..."): it is another language's prose only when that language's own
# function words make a good share of it, as English's do of English prose. The most
# frequent function words of the languages an English page's other editions are most often in.
OTHER_COMMON = {lang: frozenset(words.split()) for lang, words in {
    "es": "el la los las que de del en y por para con una un es se no lo su al como más pero sus le ya fue este ha",
    "fr": "le la les de des du un une et est en que qui dans pour pas sur au avec ce il elle ne se sont par plus",
    "de": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es an als wird",
    "it": "il di che la e un una per non sono del della con si le da gli lo nel alla è più",
    "pt": "o a os as de do da em um uma que não para com por se mais na no dos das ao é",
}.items()}
OTHER_MIN_SHARE = 0.25


def _other_language(p: str, counted: tuple[int, int]) -> bool:
    """Is p prose in another language: few of English's common words, many of another's?
    counted: p's (common English words, letter words) (paragraph_counts)."""
    english, total = counted
    if total < FOREIGN_MIN_WORDS or english >= ENGLISH_MIN_SHARE * total:
        return False  # (most paragraphs: their letter words are listed only past this)
    words = _letter_words(p.lower())
    return any(sum(map(common.__contains__, words)) >= OTHER_MIN_SHARE * len(words) for common in OTHER_COMMON.values())


def foreign_paragraphs(c: "_Context") -> str | None:
    """body: FOREIGN_MIN_PARAGRAPHS or more prose paragraphs in another language (or one that
    quotes nobody) on a page judged as English whose other paragraphs read as English."""
    if not judged_as_english(c):
        return None
    foreign = [(i, p) for i, (p, counted) in enumerate(zip(c.body, c.english_counts), 1)
               if counted is not None and _other_language(p, counted)]
    if not foreign or (len(foreign) < FOREIGN_MIN_PARAGRAPHS and not _quotes_nobody(c, foreign[0][1])):
        return None
    rest = [p for i, p in enumerate(c.body, 1) if i not in {j for j, _ in foreign}]
    measured = english_share(rest)
    if measured is None or measured[0] < 2 * ENGLISH_MIN_SHARE:
        return None  # a body not mostly English prose: no English edition to compare with
    i, p = foreign[0]
    return (f"body: {len(foreign)} paragraph{'s' * (len(foreign) > 1)} in another language (under {ENGLISH_MIN_SHARE:.0%} common "
            f"English words; the page and the rest of the body read as English), from paragraph {i} {quote(p, 50)}")


DEK_LANGUAGE_MIN_WORDS = 10  # a sentence: a shorter dek ("Gorgeous, tight, forgettable") says little


def dek_not_english(c: "_Context") -> str | None:
    """A standfirst in another language on a page that declares English and describes
    itself in English (another edition's field leaking into the template)."""
    dek = c.item.get("dek")
    if not isinstance(dek, str):
        return None
    words = _letter_words(dek.lower())
    if len(words) < DEK_LANGUAGE_MIN_WORDS:
        return None
    if not judged_as_english(c):
        return None
    share = sum(map(ENGLISH_COMMON.__contains__, words)) / len(words)
    if share >= ENGLISH_MIN_SHARE:
        return None
    # a list of names and titles can be short of common words in any language: judged only
    # against the page's own description, when that is another text and reads as English
    desc = c.page.description if c.page is not None else ""
    desc_words = _letter_words(desc.lower())
    if not desc_words or norm(desc) == norm(dek) or \
            sum(map(ENGLISH_COMMON.__contains__, desc_words)) / len(desc_words) < ENGLISH_MIN_SHARE:
        return None
    return (f"dek: {share:.0%} common English words in {quote(dek, 50)} (the page declares "
            f"{_declared_language(c.page)} "
            f"and describes itself in English: {quote(desc, 40)})")
