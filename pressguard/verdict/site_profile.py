"""What a site's own recorded pages look like: the yardstick for a page's completeness.

    profile_of(paths, site) -> SiteProfile | None

Learned from the cassettes of cassettes/<site>/ (the pages the team has accepted as
right): how long their bodies are, whether they carry a dek, a date and authors (and how
many authors at most), and how
much of its headline's subject each body talks about (topic.topic_share), how much of
their prose is common English words (english.english_share), and whether their prose links
and shows holes where words stood (link_holes.link_habit), and how far their prose runs on
between two subheadings (body_structure.prose_run), and which of the recorded stories hold
each prose paragraph (recorded_stories: another story's body on record).
Computed once per process and site (lru_cache), lazily, on the first page that asks,
through the cassette cache the replay shares (pressguard.cassettes.store.CACHE).

The profile is a floor, not a mould: real sites publish short news pieces, so a page is
only judged against the shortest recorded body, with room to spare (pressguard.verdict.checks).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

MIN_PAGES = 3  # fewer recorded pages than this say nothing about the site
STATED = frozenset({"meta", "jsonld"})  # provenances of a time the page states in metadata


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
    # the least share of common English words in a recorded page's prose (english.english_share;
    # None: too few pages with enough prose to say)
    min_english_share: float | None = None
    # how many of the pages' documents end with their closing </html> (a page cut by a
    # timeout does not; a site whose template omits the optional end tags is not judged)
    with_html_end: int = 0
    # the least and the greatest ratio of a recorded page's body words to its JSON-LD
    # wordCount (coherence.wordcount_ratio; None: too few pages state a count)
    wordcount_span: tuple[float, float] | None = None
    wordcount_pages: int = 0
    # how many of the pages state their publication time machine-readably (meta, JSON-LD),
    # the time the extraction took (coherence.published_finding)
    with_stated_time: int = 0
    # how many of the pages print their description as their dek (dek_source.dek_finding)
    with_described_dek: int = 0
    # how many of the pages hold links inside their body's prose, and how many show holes
    # where words stood (link_holes.link_habit: a site whose pages show them is not judged)
    with_prose_links: int = 0
    with_link_holes: int = 0
    # the most words of prose any recorded page says in a row, between two lines that are
    # no sentence (body_structure.prose_run: a site's way of breaking its text up)
    max_prose_run: int = 0
    # the most authors any recorded page names (checks: a byline far above it lists people
    # who did not write the piece)
    max_authors: int = 0
    # the recorded stories, (URL, headline) each, and which of them hold each prose paragraph
    # (recorded_stories.paragraph_key -> their indices): another story's body is on record
    stories: tuple[tuple[str, str], ...] = ()
    story_paragraphs: dict = field(default_factory=dict, compare=False, hash=False)

    def always(self, field: str) -> bool:
        """Does every recorded page have this field (dek, published, authors), its
    document's end tag (html_end), or its publication time stated in metadata (stated_time)?"""
        have = {"dek": self.with_dek, "published": self.with_date, "authors": self.with_authors,
                "html_end": self.with_html_end, "stated_time": self.with_stated_time}
        return self.pages >= MIN_PAGES and have[field] == self.pages


def profile_of(paths, site: str) -> SiteProfile | None:
    """The profile of these cassettes (a site's folder), None when too few are readable."""
    return _profile(tuple(str(p) for p in paths or ()), site)


# What one recorded page tells the profile, made once per page when its extraction is at
# hand (pressguard.verdict.assess keeps it in place of the item, which is far larger):
# (words, paragraphs, has dek, has date, has authors, ends with </html>, topic share or
# None, English share or None, body words / JSON-LD wordCount or None, published read from
# metadata, dek is the page's description, links in the prose, holes in the prose, the
# longest run of prose, how many authors it names, its URL, its headline, the keys of its prose
# paragraphs: recorded_stories.paragraph_keys).
PageMeasures = tuple


def page_measures(item: dict, html: str | bytes, where: str) -> "PageMeasures | None":
    """The measures of one recorded page's extracted item; None for a page with no body
    text (a recorded error page is no yardstick). where: its URL if the item has none."""
    from ..extract.page import page_for
    from .completeness_signals import document_ends
    from .english import english_share
    from .topic import topic_share
    from .coherence import wordcount_ratio
    from .dek_source import dek_is_description
    from .link_holes import link_habit
    from .body_structure import prose_run
    from .wording import is_prose
    from .recorded_stories import paragraph_keys

    texts = [p for p in item.get("body") or [] if isinstance(p, str) and p.strip()]
    if not texts:
        return None
    counts = [len(p.split()) for p in texts]
    prose = list(map(is_prose, texts, counts))  # read once: the English share, the links and the run ask
    english = english_share(texts, prose)
    words = sum(counts)
    # the page the extraction has just parsed (extract.page keeps it while it is recent)
    page = page_for(html, item.get("url") or where, budget=None)
    counted = wordcount_ratio(words, page.jsonld.article)
    linked, holes = link_habit(page, texts, prose)  # the parsed page: hints would scan it
    return (words, len(texts), bool(item.get("dek")),
            bool(item.get("published")), bool(item.get("authors")), document_ends(html),
            topic_share(item.get("headline"), item.get("url") or where, texts),
            None if english is None else english[0], counted,
            (item.get("provenance") or {}).get("published") in STATED,
            dek_is_description(item.get("dek"), page), linked > 0, holes > 0, prose_run(texts, counts, prose),
            len(item.get("authors") or ()), item.get("url") or where, item.get("headline") or "",
            paragraph_keys(texts, prose))


@lru_cache(maxsize=64)
def _profile(paths: tuple[str, ...], site: str) -> SiteProfile | None:
    from .assess import recorded_measures  # shared with the template baseline
    from .recorded_stories import bare_url

    # running counts and minima, page by page: only the word counts are kept whole (the median)
    words, min_paragraphs, dek, date, authors, ends = [], None, 0, 0, 0, 0
    topics = english = 0
    min_topic = min_english = None
    counted = []
    stated = described = linking = holed = longest_run = most_authors = 0
    stories, holders, numbered = [], {}, {}
    for path in paths:
        measured = recorded_measures(path, site)
        if measured is None:
            continue  # an unreadable cassette (replaying it reports it), or no body text
        n_words, n_paragraphs, has_dek, has_date, has_authors, has_end, topic, share, ratio, in_meta, \
            dek_described, links, holes, run, n_authors, url, headline, keys = measured
        # a story recorded twice (before and after a redesign) is one story
        story = numbered.setdefault(bare_url(url), len(numbered))
        if story == len(stories):
            stories.append((url, headline))
        for key in keys:
            if story not in holders.setdefault(key, []):
                holders[key].append(story)
        longest_run = max(longest_run, run)
        most_authors = max(most_authors, n_authors)
        linking += links
        holed += holes
        stated += in_meta
        described += dek_described
        words.append(n_words)
        min_paragraphs = n_paragraphs if min_paragraphs is None else min(min_paragraphs, n_paragraphs)
        dek += has_dek
        date += has_date
        authors += has_authors
        ends += has_end
        if topic is not None:
            topics += 1
            min_topic = topic if min_topic is None else min(min_topic, topic)
        if share is not None:
            english += 1
            min_english = share if min_english is None else min(min_english, share)
        if ratio is not None:
            counted.append(ratio)
    if len(words) < MIN_PAGES:
        return None
    ordered = sorted(words)
    return SiteProfile(site=site, pages=len(words), min_words=ordered[0],
                       min_paragraphs=min_paragraphs, median_words=ordered[len(ordered) // 2],
                       with_dek=dek, with_date=date, with_authors=authors,
                       min_topic_share=min_topic if topics >= MIN_PAGES else None,
                       min_english_share=min_english if english >= MIN_PAGES else None,
                       with_html_end=ends,
                       wordcount_span=(min(counted), max(counted)) if len(counted) >= MIN_PAGES else None,
                       wordcount_pages=len(counted), with_stated_time=stated, with_described_dek=described,
                       with_prose_links=linking, with_link_holes=holed, max_prose_run=longest_run,
                       max_authors=most_authors, stories=tuple(stories),
                       story_paragraphs={k: tuple(v) for k, v in holders.items()})
