"""Another story's standfirst in the dek (pressguard/verdict/dek_source.py): shipped pages,
whose sites print their description as their dek on every recorded page, changed by hand and
run through assess() (the real extraction, second opinion, fingerprint and the site profile
learned from cassettes/<site>/). Another story's standfirst is broken naming dek; an editor's
rewording of this story's is not, nor another standfirst on a site without the habit.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

import page_mutations as mutate
from test_check_signals import CASSETTES, _assess, _healthy
from pressguard.verdict.checks import run_checks
from pressguard.verdict.site_profile import profile_of

# both Destructoid layouts, a site with JSON-LD and sites without it
PAGES = (
    "destructoid/rogue-circuit-the-photo-mode-confirmed-for-playstation-5",
    "destructoid/rogue-circuit-the-photo-mode-confirmed-for-playstation-5--gamurs-blocks",
    "dotesports/the-champions-tour-release-schedule-times-and-what-to-expect",
    "siliconera/spirit-lantern-tales-review-almost-there",
    "progameguides/ironvale-review-its-less-grindy-and-better",
)
OTHER_STANDFIRST = ("The ferry operator says crossings will resume on Monday, although the winter "
                    "timetable keeps two sailings fewer than last year.")


@pytest.fixture(scope="module", params=PAGES, ids=lambda p: p.split("/")[1][-30:])
def shown(request):
    site, url, html, right = _healthy(request.param)
    assert right["dek"], right
    return site, url, html, right


def test_the_sites_recorded_pages_print_their_description_as_their_dek(shown):
    site = shown[0]
    prof = profile_of(sorted((CASSETTES / site).glob("*.yaml")), site)
    assert prof.with_described_dek == prof.pages >= 3


def test_another_storys_standfirst_in_the_dek_is_broken_naming_dek(shown):
    """A stale edge fragment: under this headline another story's standfirst, while the meta
    description and the JSON-LD keep this story's."""
    site, url, html, right = shown
    item = _assess(site, url, mutate.dek_text(html, right, OTHER_STANDFIRST))
    assert item["dek"] == OTHER_STANDFIRST
    assert item["verdict"] == "broken", item["checks"]
    assert "dek: this story's standfirst" in item["checks"]["completeness"], item["checks"]["completeness"]


def test_an_editors_rewording_of_the_standfirst_is_not_another_storys(shown):
    """The dek rewritten after the description was: most of its subject words stay."""
    site, url, html, right = shown
    reworded = right["dek"].rstrip(".") + ", and here is everything else we know so far."
    item = _assess(site, url, mutate.dek_text(html, right, reworded))
    assert item["dek"] == reworded
    assert "dek: this story's standfirst" not in item["checks"]["completeness"], item["checks"]
    assert item["verdict"] != "broken", item["checks"]


def test_a_dek_apart_from_the_description_is_not_judged_on_a_site_without_the_habit(shown):
    """Real sites often write the dek apart from the description: only a site whose every
    recorded page prints its description as its dek is judged."""
    site, url, html, right = shown
    changed = mutate.dek_text(html, right, OTHER_STANDFIRST)
    item = _assess(site, url, changed)
    prof = profile_of(sorted((CASSETTES / site).glob("*.yaml")), site)
    fields = {k: v for k, v in item.items() if k not in ("checks", "verdict")}
    habitless = replace(prof, with_described_dek=prof.pages - 1)
    assert "dek: this story's standfirst" not in run_checks(fields, html=changed, site_profile=habitless)["completeness"]
    assert "dek: this story's standfirst" in run_checks(fields, html=changed, site_profile=prof)["completeness"]
