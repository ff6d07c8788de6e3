"""regex_prefix.Openings never turns away a text its patterns match, and does turn away
most prose (the reason it exists: boilerplate._TEXT_RE is tried on every paragraph)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pressguard.extract.boilerplate import _TEXT_PATTERNS, _TEXT_RE, _TEXT_OPENINGS
from pressguard.extract.regex_prefix import Openings

# Pieces of the furniture patterns' own words, so generated texts often match them
_PIECES = ["photo", "Photo", "credit", ": ", " ", "by ", "via ", "(", ")", "ad", "AD", "share",
           "this ", "The ", "article ", "was ", "originally ", "published ", "on ", "x", "1", "/",
           "3", " of ", "slide ", "© ", "all rights reserved", "www.", "http://", "{% ", "%}",
           "tags:", "\u212a", "\u017f", "İ", "é", "\t", "\n", "we ", "couldn't ", "load ",
           "the ", "content", "Related", "read more"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=10).map("".join))
def test_openings_never_turn_away_a_match(text):
    assert _TEXT_RE.match(text) is None or _TEXT_OPENINGS.may_match(text)


_SMALL = [r"ab?c", r"(x|yz)+q", r"\d{1,3}\s*/", r"(?:foo|bar)?baz", r"\bk", r"[^a]b", r"a*", r"\(?n"]
_SMALL_OPENINGS = {(p, f): Openings([p], f) for p in _SMALL for f in (0, re.I)}
_ALL_OPENINGS = {f: Openings(_SMALL[:-2], f) for f in (0, re.I)}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "c", "x", "y", "z", "q", "1", "22", " ", "/", "foo",
                                 "BAR", "baz", "K", "\u212a", "k", "(", "n"]), max_size=8).map("".join))
def test_openings_of_each_construct(text):
    """optional parts, repeats, classes, a word boundary, the Kelvin sign (matches "k"
    case-insensitively), each pattern alone and all together."""
    for flags in (0, re.I):
        for p in _SMALL:
            if re.match(p, text, flags):
                assert _SMALL_OPENINGS[p, flags].may_match(text), (p, flags)
        if re.match("|".join(_SMALL[:-2]), text, flags):
            assert _ALL_OPENINGS[flags].may_match(text)


def test_openings_turn_away_prose_and_keep_furniture():
    prose = ["The council met on Tuesday to discuss the harbour.", "In 2019, the club moved.",
             "Officials said the bridge would reopen.", "Rain is expected through Friday."]
    assert not any(_TEXT_OPENINGS.may_match(t) for t in prose)
    furniture = ["Photo: Jane Doe", "Advertisement", "Share this article", "3 / 12", "www.example.com",
                 "This article was originally published on The Conversation."]
    assert all(_TEXT_OPENINGS.may_match(t) and _TEXT_RE.match(t) for t in furniture)
    # a letter outside ASCII that the engine folds onto an ASCII one: the regex decides
    assert _TEXT_RE.match("\u017fhare") and _TEXT_OPENINGS.may_match("\u017fhare")
    assert Openings([r"a*"]).always  # an empty match: every text goes to the regex
