"""Another recorded story's text in the body: the site's own recorded pages as witnesses.

A stale fragment cache (the body cached for the previous post a worker rendered), a wrong post
ID in a block's query, a CMS that loads a revision of another post: the page shows this story's
headline, byline and metadata around another story's body. When that other story is one of the
site's recorded pages (cassettes/<site>/), its paragraphs are on record word for word, which no
topic measure can match: the witness holds on sites whose headlines share few words with their
bodies too (puns, listicles), where topic.topic_share is not trusted.

    paragraph_keys(body, prose) -> frozenset[int]   what the profile keeps of a recorded body
    story_finding(c) -> str | None                  agreement's finding, naming the body

Only a body most of whose prose is one other recorded story's is judged. A single shared
paragraph is no witness: desks reuse a background paragraph across a running story's follow-ups,
and a site prints the same boilerplate paragraph under many stories (a paragraph several other
recorded stories hold is left out as such). The page's own recordings (its URL, or a headline
that agrees with its own) and a story under a headline of the same subject (next month's codes
page, an update republished under a new address) are not another story.
"""

from __future__ import annotations

import hashlib

from .fingerprint import squash
from .titles import titles_agree
from .topic import topic_words
from .wording import quote

KEY_MIN_WORDS = 15  # a paragraph shorter than this may recur by chance ("More details soon.")
TAKEN_MIN = 2  # paragraphs of the other story, at least
TAKEN_SHARE = 0.5  # of the body's keyed prose paragraphs
RECURRING = 2  # other recorded stories holding a paragraph: the site's boilerplate, not a story's
SAME_SUBJECT = 0.5  # more of the headline's subject words another story's headline shares: the same subject


def paragraph_key(squashed: str) -> int:
    """A stable key of a squashed paragraph (fingerprint.squash): the same in every process, as
    the profile's measures may be stored on disk (cassettes.parse_cache)."""
    return int.from_bytes(hashlib.blake2b(squashed.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "big")


def keyed(body: list[str], prose: list[bool], squashed: list[str] | None = None,
          word_counts: list[int] | None = None) -> list[tuple[int, int]]:
    """(paragraph index, key) of each prose paragraph of KEY_MIN_WORDS words or more.
    squashed, word_counts: each paragraph's squash and len(para.split()), when the caller
    has read them."""
    out = []
    for i, (para, sentence) in enumerate(zip(body, prose)):
        if sentence and (word_counts[i] if word_counts is not None else len(para.split())) >= KEY_MIN_WORDS:
            out.append((i, paragraph_key(squashed[i] if squashed is not None else squash(para))))
    return out


def paragraph_keys(body: list[str], prose: list[bool]) -> frozenset[int]:
    """The keys of a recorded body's prose paragraphs (site_profile.page_measures)."""
    return frozenset(key for _, key in keyed(body, prose))


def bare_url(url: str | None) -> str:
    """An address as a story's identity: no scheme, "www.", query, fragment or closing slash."""
    u = (url or "").split("#")[0].split("?")[0]
    u = u.split("://", 1)[-1]
    return u.removeprefix("www.").rstrip("/").casefold()


def story_finding(c) -> str | None:
    """body: most of its prose paragraphs are, word for word, the paragraphs of one other story
    of the site's recorded pages (c.profile.stories), a story under a headline of another subject."""
    prof = c.profile
    if prof is None or not prof.story_paragraphs or not c.body:
        return None
    headline = c.item.get("headline") or ""
    # the address asked for as well as the item's (a canonical link can name another page)
    own = {bare_url(c.url), bare_url(getattr(c._source, "given_url", None))}
    subject = topic_words(headline)
    others: dict[int, list[int]] = {}
    paragraphs = keyed(c.body, c.prose, c.body_squashed, c.word_counts)
    if len(paragraphs) < TAKEN_MIN:
        return None
    mine: dict[int, bool] = {}  # _own_story of each recorded story met, asked once (the page's own
    #                             recording holds every one of its paragraphs)

    def foreign(s: int) -> bool:
        if s not in mine:
            mine[s] = _own_story(prof.stories[s], own, headline)
        return not mine[s]

    for i, key in paragraphs:
        holders = [s for s in prof.story_paragraphs.get(key, ()) if foreign(s)]
        if 0 < len(holders) < RECURRING:
            others.setdefault(holders[0], []).append(i)
    if not others:
        return None
    story, taken = max(others.items(), key=lambda kv: len(kv[1]))
    if len(taken) < max(TAKEN_MIN, TAKEN_SHARE * len(paragraphs)):
        return None
    url, title = prof.stories[story]
    if subject and len(subject & topic_words(title)) > SAME_SUBJECT * len(subject):
        return None  # a story of the same subject (a monthly page, an update at a new address)
    return (f"body: this story's text, found {len(taken)} of its {len(paragraphs)} prose paragraphs word for "
            f"word those of another story the site's recorded pages hold, {quote(title, 60)} ({url}), "
            f"from paragraph {taken[0] + 1} {quote(c.body[taken[0]], 40)} (another story's body under "
            f"this headline)")


def _own_story(story: tuple[str, str], own: set[str], headline: str) -> bool:
    """Is a recorded story this page itself (its address, or a headline that agrees with its own)?"""
    url, title = story
    return bare_url(url) in own or bool(headline and title and titles_agree(headline, title))
