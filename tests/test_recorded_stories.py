"""Another recorded story's text in the body (pressguard/verdict/recorded_stories.py): the site's
recorded pages hold other stories word for word; a body that is mostly one of them, under this
page's headline, is a stale fragment cache's. Shipped pages changed by hand run through assess()
(the profile learned from cassettes/<site>/); the look-alikes are judged on a profile made by hand.
"""

from __future__ import annotations

import html as htmllib

import pytest

import page_mutations as mutate
from test_check_signals import _assess, _healthy
from pressguard.verdict.checks import _Context
from pressguard.verdict.recorded_stories import TAKEN_MIN, paragraph_keys, story_finding
from pressguard.verdict.site_profile import SiteProfile
from pressguard.verdict.wording import is_prose

# the two sites whose pages state no JSON-LD wordCount (the count cannot tell there), and
# one that states it; each page given another of its site's recorded stories
SWAPS = (
    ("progameguides/ironvale-review-its-less-grindy-and-better",
     "progameguides/ashen-frontier-is-back-in-the-spotlight-after-the-story-expansion"),
    ("siliconera/spirit-lantern-tales-review-almost-there",
     "siliconera/idol-frontier-release-schedule-times-and-what-to-expect"),
    ("twinfinite/moonlit-harvest-review-worth-the-wait",
     "twinfinite/why-the-story-expansion-could-change-hollow-crown-for-good"),
)


@pytest.mark.parametrize("page, other", SWAPS, ids=lambda p: p.split("/")[1][:30])
def test_another_recorded_storys_body_under_this_headline_is_broken_naming_the_body(page, other):
    site, url, html, right = _healthy(page)
    _, _, _, theirs = _healthy(other)
    blocks = [("p", htmllib.escape(p, quote=False)) for p in theirs["body"]]
    item = _assess(site, url, mutate.body_replaced(html, right, blocks))
    assert item["verdict"] == "broken", item["checks"]
    found = item["checks"]["agreement"]
    assert "body: this story's text" in found and theirs["headline"][:30] in found, found


@pytest.mark.parametrize("page", [p for p, _ in SWAPS], ids=lambda p: p.split("/")[1][:30])
def test_a_recorded_page_is_not_another_story_to_itself(page):
    """The page's own recording holds every one of its paragraphs: it is this story."""
    _healthy(page)


def _profile(stories: list[tuple[str, str, list[str]]]) -> SiteProfile:
    """A profile of recorded stories (url, headline, body) as site_profile builds it."""
    holders: dict[int, list[int]] = {}
    for n, (_, _, body) in enumerate(stories):
        for key in paragraph_keys(body, [is_prose(p) for p in body]):
            holders.setdefault(key, []).append(n)
    return SiteProfile(site="example", pages=len(stories), min_words=50, min_paragraphs=3, median_words=400,
                       with_dek=0, with_date=0, with_authors=0,
                       stories=tuple((u, h) for u, h, _ in stories),
                       story_paragraphs={k: tuple(v) for k, v in holders.items()})


def _para(subject: str, n: int) -> str:
    return (f"Paragraph {n} about {subject} says something long enough to be a real paragraph of prose, "
            f"with its own words in it and a full stop at the end of its only sentence number {n}.")


def _finding(profile: SiteProfile, headline: str, body: list[str], url="https://example.com/news/this/"):
    item = {"url": url, "headline": headline, "body": body}
    return story_finding(_Context(item, None, None, None, None, True, profile))


HARBOR = [_para("the harbor festival", n) for n in range(6)]
MINE = [_para("the mayor's budget", n) for n in range(6)]
RECORDED = [("https://example.com/news/harbor/", "Harbor festival returns with fireworks", HARBOR),
            ("https://example.com/news/rail/", "Rail line reopens after repairs", [_para("the rail line", n) for n in range(6)])]


def test_a_body_mostly_another_recorded_story_is_found_naming_that_story():
    found = _finding(_profile(RECORDED), "Mayor presents the city budget", HARBOR[:4] + MINE[:2])
    assert found and found.startswith("body:") and "Harbor festival returns" in found, found


def test_one_shared_background_paragraph_is_no_other_story():
    """A desk reuses a background paragraph across a running story's follow-ups."""
    assert TAKEN_MIN >= 2
    assert _finding(_profile(RECORDED), "Mayor presents the city budget", MINE[:5] + HARBOR[:1]) is None


def test_a_paragraph_several_recorded_stories_print_is_the_sites_boilerplate():
    shared = [_para("the newsletter sign-up", n) for n in range(4)]
    recorded = [(u, h, b + shared) for u, h, b in RECORDED]
    assert _finding(_profile(recorded), "Mayor presents the city budget", MINE[:2] + shared) is None


def test_the_page_itself_recorded_or_a_story_of_the_same_subject_is_not_another_story():
    recorded = RECORDED + [("https://example.com/news/this", "Mayor presents the city budget", MINE)]
    # its own recording, by address (less the closing slash) or by a headline that agrees
    assert _finding(_profile(recorded), "Mayor presents the city budget", MINE) is None
    assert _finding(_profile(recorded), "Mayor presents the city budget", MINE, url="https://example.com/x/") is None
    # next month's page of the same subject, its text mostly kept
    monthly = [("https://example.com/codes-august/", "All Harbor Quest codes August 2025", HARBOR)]
    assert _finding(_profile(monthly), "All Harbor Quest codes September 2025", HARBOR) is None
