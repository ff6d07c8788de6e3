"""What a site's own recorded pages look like: the yardstick for a page's completeness.

    profile_of(paths, site) -> SiteProfile | None

Learned from the cassettes of cassettes/<site>/ (the pages the team has accepted as
right): how long their bodies are, whether they carry a dek, a date and authors, and how
much of its headline's subject each body talks about (checks.topic_share), and how much of
their prose is common English words (checks.english_share).
Computed once per process and site (lru_cache), lazily, on the first page that asks,
through the cassette cache the replay shares (pressguard.cassettes.store.CACHE).

The profile is a floor, not a mould: real sites publish short news pieces, so a page is
only judged against the shortest recorded body, with room to spare (pressguard.verdict.checks).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

MIN_PAGES = 3  # fewer recorded pages than this say nothing about the site


@dataclass(frozen=True)
class SiteProfile:
    site: str
    pages: int
    min_words: int
    min_paragraphs: int
    median_words: int
    with_dek: int  # how many of the pages have a dek
    with_date: int
    with_authors: int
    # the least share of a recorded page's headline words found in its body (None: too
    # few pages with a headline of a few subject words to say)
    min_topic_share: float | None = None
    # the least share of common English words in a recorded page's prose (checks.english_share;
    # None: too few pages with enough prose to say)
    min_english_share: float | None = None
    # how many of the pages' documents end with their closing </html> (a page cut by a
    # timeout does not; a site whose template omits the optional end tags is not judged)
    with_html_end: int = 0

    def always(self, field: str) -> bool:
        """Does every recorded page have this field (dek, published, authors), or its
    document's end tag (html_end)?"""
        have = {"dek": self.with_dek, "published": self.with_date, "authors": self.with_authors,
                "html_end": self.with_html_end}
        return self.pages >= MIN_PAGES and have[field] == self.pages


def profile_of(paths, site: str) -> SiteProfile | None:
    """The profile of these cassettes (a site's folder), None when too few are readable."""
    return _profile(tuple(str(p) for p in paths or ()), site)


@lru_cache(maxsize=64)
def _profile(paths: tuple[str, ...], site: str) -> SiteProfile | None:
    from .assess import recorded_page  # shared with the template baseline
    from .checks import english_share, topic_share

    from .checks import document_ends

    words, paragraphs, dek, date, authors, topics, english, ends = [], [], 0, 0, 0, [], [], 0
    for path in paths:
        recorded = recorded_page(path, site)
        if recorded is None:
            continue  # an unreadable cassette: replaying it reports it
        item = recorded[2]
        texts = [p for p in item.get("body") or [] if isinstance(p, str) and p.strip()]
        if not texts:
            continue  # a recorded error page is no yardstick
        words.append(sum(len(p.split()) for p in texts))
        paragraphs.append(len(texts))
        dek += bool(item.get("dek"))
        date += bool(item.get("published"))
        authors += bool(item.get("authors"))
        ends += document_ends(recorded[1])
        share = topic_share(item.get("headline"), item.get("url") or path, texts)
        if share is not None:
            topics.append(share)
        measured = english_share(texts)
        if measured is not None:
            english.append(measured[0])
    if len(words) < MIN_PAGES:
        return None
    ordered = sorted(words)
    return SiteProfile(site=site, pages=len(words), min_words=ordered[0],
                       min_paragraphs=min(paragraphs), median_words=ordered[len(ordered) // 2],
                       with_dek=dek, with_date=date, with_authors=authors,
                       min_topic_share=min(topics) if len(topics) >= MIN_PAGES else None,
                       min_english_share=min(english) if len(english) >= MIN_PAGES else None,
                       with_html_end=ends)
