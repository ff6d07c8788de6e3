"""The body's structure against the page's headings: every item a listicle's headline
promises, no numbered item heading with nothing under it, no subheading closing the body,
no "Part N" / "Step N" subheadings counting down, no prose running on far longer without a
break than the site's recorded pages ever do. Read by the completeness check.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import fingerprint as fp
from ..extract.blocks import stamped_template, template_content
from ..extract.text import SUBHEADINGS, skip_blank
from .wording import is_prose, quote

if TYPE_CHECKING:  # annotations only
    from .checks import _Context


_LISTICLE = re.compile(r"^\W*(?:the\s+|our\s+)?(\d{1,2})\s+[^\W\d]")  # "10 things ...", "The 15 best ..."
_ITEM = re.compile(r"^\W*(?:#|no\.\s*)?(\d{1,2})[.):]\s+\S", re.I)  # "5. More of ...", "#3: The ..."
_SUBHEADING_SELECTOR = ",".join(sorted(SUBHEADINGS))
LIST_ITEM_MAX = 150  # characters: an item's heading, not a paragraph that opens with a number


def _heading_in_templates(c: "_Context", text: str) -> bool:
    """Is text a heading in a <template> the page stamps in on a click (the layouts read
    those as article text; the page's text index does not see inside templates)?"""
    wanted = fp.squash(text)
    for template in c.page.tree.css("template[id]"):
        if stamped_template(template):
            content = template_content(template)
            if any(fp.squash(h.text(deep=True)) == wanted for h in content.css(_SUBHEADING_SELECTOR)):
                return True
    return False


def listicle_gap(c: "_Context") -> str | None:
    """A headline that promises N items ("10 things ...") over a body whose numbered item
    headings stop short of N (a body cut between two items)."""
    m = _LISTICLE.match(c.item.get("headline") or "")
    if not m or not 3 <= int(m.group(1)) <= 50:
        return None
    promised = int(m.group(1))
    numbers = []
    for p in c.body:
        item = _ITEM.match(p) if len(p) <= LIST_ITEM_MAX else None
        if item and (c.page.heading_of(p) is not None or _heading_in_templates(c, p)):
            numbers.append(int(item.group(1)))
    if len(numbers) < 2 or set(range(1, promised + 1)) <= set(numbers):
        return None
    return (f"body: the {promised} items the headline promises, found numbered items "
            f"{min(numbers)}-{max(numbers)} ({len(set(numbers))} of them)")


def empty_item(c: "_Context") -> str | None:
    """A numbered item heading ("4. A faster endgame") followed at once by the next heading:
    the item's text is missing (blocks the page failed to render). An item that is a picture,
    a video or a list stands on that element."""
    for p in c.body:
        if len(p) > LIST_ITEM_MAX or not _ITEM.match(p):
            continue
        heading = c.page.heading_of(p)
        if heading is None:
            continue
        n = skip_blank(heading.next)
        # a deeper subheading under the item ("1. Zelda" then "Why we love it") is its content
        if n is not None and c.page.is_subheading(n) and n.tag <= heading.tag:
            return f"body: the text of each numbered item, found {quote(p, 40)} with nothing under it"
    return None


# Labels of a sequence read in one direction only: parts, steps and chapters are never
# counted down (a "10. ... 1." list may be a countdown; episodes and rounds may be listed
# newest first).
_SEQUENCE = re.compile(r"^\W*(part|step|chapter|phase|stage)\s+(\d{1,3})\b", re.I)
SEQUENCE_MIN = 3


def sequence_reversed(c: "_Context") -> str | None:
    """The body's "Part N" / "Step N" / "Chapter N" subheadings counting down: the blocks
    are out of order (a fragment-cache merge, a template loop run backwards)."""
    seen: dict[str, list[int]] = {}
    for p in c.body:
        m = _SEQUENCE.match(p) if len(p) <= LIST_ITEM_MAX else None
        if m:
            seen.setdefault(m.group(1).lower(), []).append(int(m.group(2)))
    for label, numbers in seen.items():
        if len(numbers) >= SEQUENCE_MIN and all(a > b for a, b in zip(numbers, numbers[1:])):
            return (f"body: its {label}s in order ({label} {min(numbers)} first), found {label} "
                    f"{numbers[0]}, then {', '.join(map(str, numbers[1:4]))}{' ...' if len(numbers) > 4 else ''}")
    return None


def heading_at_the_end(c: "_Context") -> str | None:
    """The body's last block is a subheading with nothing after it in its container: the
    section it opens is missing (a heading followed by a video, a table or a list is the
    section's own)."""
    if not c.body:
        return None
    last = c.body[-1]
    heading = c.page.heading_of(last) if len(last) <= LIST_ITEM_MAX else None
    if heading is None:
        return None
    n = heading.next
    while n is not None:
        if not n.tag.startswith("-") and n.tag not in ("script", "style", "noscript", "template"):
            return None
        if n.tag == "-text" and (n.text_content or "").strip():
            return None
        n = n.next
    return f"body: the section under the last subheading {quote(last, 40)}, found the body ending at it"


def prose_run(body: list[str], counts: list[int] | None = None, prose: list[bool] | None = None) -> int:
    """The most words the body says in a row of prose paragraphs: what runs between two
    lines that are no sentence (a subheading, a label, a list entry, whatever its markup:
    the text alone tells, so the recorded side needs no page for it). counts, prose: each
    paragraph's len(p.split()) and is_prose, when the caller has read them."""
    counts = counts if counts is not None else [len(p.split()) for p in body]
    best = run = 0
    for n, sentence in zip(counts, prose if prose is not None else map(is_prose, body, counts)):
        if sentence:
            run += n
            best = max(best, run)
        else:
            run = 0
    return best


# A converter or sanitizer that drops heading blocks leaves the whole article one run of
# prose. Real sites print long stories without subheadings too, so a page is judged only
# against its own site's habit, learned from enough recorded pages, and only far past it.
RUN_MIN_PAGES = 5
RUN_RATIO = 3  # times the longest run any recorded page of the site shows
RUN_MIN_WORDS = 1200  # a long news story runs so on any site


def run_finding(c: "_Context") -> str | None:
    """body: prose running on without a subheading or any other break for three times as
    long as on any of the site's recorded pages: the article's subheadings are gone."""
    prof = c.profile
    if prof is None or prof.pages < RUN_MIN_PAGES or not prof.max_prose_run:
        return None
    run = prose_run(c.body, c.word_counts, c.prose)
    if run < max(RUN_MIN_WORDS, RUN_RATIO * prof.max_prose_run):
        return None
    return (f"body: its subheadings (none of the site's {prof.pages} recorded pages says more than "
            f"{prof.max_prose_run} words of prose without one), found {run} words of prose in a row")
