"""The body's structure against the page's headings: every item a listicle's headline
promises, no numbered item heading with nothing under it, no subheading closing the body,
no "Part N" / "Step N" subheadings counting down, no prose running on far longer without a
break than the site's recorded pages ever do, no paragraphs or lines that the page runs
together. Read by the completeness check.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import fingerprint as fp
from ..extract.blocks import article_furniture, stamped_template, template_content
from ..extract.boilerplate import SCREEN_READER_CLASSES, style_hides
from ..extract.text import BLOCK_TAGS, SUBHEADINGS, skip_blank
from .wording import excerpt, is_prose, quote

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


# What hides an element from view while it stays in the markup: a subheading's copy for
# screen readers is meant to be there, unseen.
_HIDING_CLASS = re.compile(SCREEN_READER_CLASSES + r"|offscreen|(?:^|\s)hidden(?:\s|$)", re.I)


def _shown_text(node) -> str:
    """The text of node a reader sees: without the elements the markup hides."""
    parts = []
    for kid in node.iter(include_text=True):
        if kid.tag == "-text":
            parts.append(kid.text_content or "")
            continue
        attrs = kid.attributes or {}
        if "hidden" in attrs or attrs.get("aria-hidden") == "true" or style_hides(attrs.get("style")) \
                or _HIDING_CLASS.search(attrs.get("class") or ""):
            continue
        parts.append(_shown_text(kid))
    return "".join(parts)


HEADLINE_REPEATS_MIN = 2  # real pages name one section as the post (a newsletter's, a blog's closing one)
DOUBLED_MIN_WORDS = 5  # a subheading the extraction reads twice: "Bora Bora" is a name, not a misprint


def subheading_misprinted(c: "_Context") -> str | None:
    """Subheadings of the body that the page does not show as written: one printed twice in
    a row (a heading-anchor or TOC plugin putting a visible copy of the heading in its
    anchor, which the extraction drops as the TOC's, or keeps), or the article's headline
    standing among the body's paragraphs in place of several subheadings (a template
    binding or a pattern filling every heading block with the post's title, which the
    extraction drops as the title's repeat)."""
    short = {sq: p for p, sq in zip(c.body, c.body_squashed) if len(p) <= LIST_ITEM_MAX}
    headline = fp.squash(c.item.get("headline"))
    doubled = []
    for heading in c.page.tree.css(_SUBHEADING_SELECTOR):
        shown = " ".join(_shown_text(heading).split())
        words = fp.squash(shown)
        half = len(words) // 2
        if half and words[:half] == words[half:]:
            if words[:half] in short:  # the page shows what the item has, and again
                return (f"body: the subheading {quote(short[words[:half]], 40)} printed once, "
                        f"found it twice in a row ({quote(shown, 60)})")
            if words in short:
                doubled.append(shown)
                if len(doubled) >= 2 or len(shown.split()) >= DOUBLED_MIN_WORDS:
                    return (f"body: its subheadings printed once, found {quote(shown, 60)}"
                            f"{' and others' if len(doubled) > 1 else ''} twice in a row")
    box = c.container if headline else None
    if box is None:
        return None
    # every subheading of the body's container prints the headline (an FAQ may ask the
    # headline's question twice, beside other subheadings; a body may open on its title)
    heads = [h for h in box.css(_SUBHEADING_SELECTOR)
             if not _in_box_furniture(h, box, c.page.title_h1)]  # a review box's "Pros" is the box's
    shown = [" ".join(_shown_text(h).split()) for h in heads]
    if not shown or any(fp.squash(h) != headline for h in shown):
        return None
    if len(shown) >= HEADLINE_REPEATS_MIN or (c.body_squashed and _after(heads[0], box, c.body_squashed[0])):
        return (f"body: its subheadings, found the headline {quote(shown[0], 40)} printed as "
                f"{'each of the ' + str(len(shown)) if len(shown) > 1 else 'the'} subheading"
                f"{'s' if len(shown) > 1 else ''} among its paragraphs")
    return None


def _after(node, box, first: str) -> bool:
    """Does the text of box before node hold first (a squashed paragraph)?"""
    before = []
    n = node
    while n is not None and n.mem_id != box.mem_id:
        sib = n.prev
        while sib is not None:
            before.append(fp.squash(sib.text(deep=True)) if sib.tag != "-text" else fp.squash(sib.text_content))
            if first in before[-1]:
                return True
            sib = sib.prev
        n = n.parent
    return first in "".join(reversed(before))


# A sentence's end, a blank line, and the next sentence, in the source: two paragraphs of
# plain text (a classic-editor post printed without its paragraph filter, a plain-text
# import) that a browser folds into one block, as blank lines are only whitespace in HTML.
_BLANK_LINE = r"[.!?][^\n<>]{0,3}[ \t]*\r?\n[ \t]*\r?\n[ \t]*([^\s<][^\n<]{15,80})"
_BLANK_LINE_STR, _BLANK_LINE_BYTES = re.compile(_BLANK_LINE), re.compile(_BLANK_LINE.encode())
# The blank line alone, which every match holds: led by a literal "\n", the regex engine skips
# to it fast, where _BLANK_LINE tries every character; most pages have no blank line at all.
_BLANK_SPLIT, _BLANK_SPLIT_BYTES = re.compile(r"\n[ \t]*\r?\n"), re.compile(rb"\n[ \t]*\r?\n")
RUN_PIECE_MIN_WORDS = 8  # each side of the blank line a sentence or more, not a stray line
_KEEPS_WHITESPACE = ("pre", "textarea", "code", "xmp")


def paragraphs_run_together(c: "_Context") -> str | None:
    """A body paragraph the page prints from text whose source separates paragraphs by a
    blank line only, outside <pre>: the browser shows them as one block, so the article's
    paragraphs are not on the page (wpautop switched off, Markdown left unrendered)."""
    html = c.html
    if not isinstance(html, (str, bytes)):
        return None
    text = isinstance(html, str)
    if (_BLANK_SPLIT if text else _BLANK_SPLIT_BYTES).search(html) is None:
        return None
    found = (_BLANK_LINE_STR if text else _BLANK_LINE_BYTES).findall(html)
    if not found:
        return None
    # the opening words after each blank line, to pick the body paragraphs worth locating
    openings = {fp.squash(o if isinstance(o, str) else o.decode("utf-8", "ignore"))[:20] for o in found[:200]}
    texts = [sq for sq, n, prose in zip(c.body_squashed, c.word_counts, c.prose)
             if prose and n >= 2 * RUN_PIECE_MIN_WORDS and any(o and o in sq for o in openings)]
    box = c.container if texts else None
    if box is None or any(a.tag in _KEEPS_WHITESPACE or "pre" in ((a.attributes or {}).get("style") or "")
                          for a in (box, *_ancestors(box))):
        return None
    # the text the body's container holds outside any paragraph element: where such a
    # post's raw text stands
    for kid in box.iter(include_text=True):
        if kid.tag != "-text":
            continue
        pieces = [" ".join(t.split()) for t in _BLANK_SPLIT.split((kid.text_content or "").strip())]
        pieces = [t for t in pieces if t]
        for first, second in zip(pieces, pieces[1:]):
            if min(len(first.split()), len(second.split())) < RUN_PIECE_MIN_WORDS:
                continue
            if any(fp.squash(first) in t and fp.squash(second) in t for t in texts):
                return (f"body: its paragraphs apart, found {len(pieces)} paragraphs the source separates "
                        f"by blank lines only printed as one block ({quote(second, 50)} runs on from "
                        f"{quote(first[-40:], 40)})")
    return None


# A line's last word (a sentence's end, a heading's or a list item's last word in lower case)
# with the next line's capitalised first word right after it: "at a glanceThose", "next
# season.The". Names written so ("iPhone", "theScore", "McDonald") are one such join at most.
_LINES_GLUED = re.compile(r"(?<![^\W\d_])[a-zà-öø-ÿß]{3,}[.!?…]?(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿß])")
LINES_GLUED_MIN = 2
# Elements whose text is a line of its own: text in none of them stands bare in a box
_LINE_TAGS = frozenset(("p", "li", "blockquote", "pre", "td", "th", "dd", "dt", "figcaption", "caption",
                        "summary", "legend", "listing", "xmp", "address")) | SUBHEADINGS | {"h1"}


def lines_run_together(c: "_Context") -> str | None:
    """Subheadings and list items run into one another: text standing bare in the body's
    container or a box of it (in no paragraph, heading or list element) that reads as
    LINES_GLUED_MIN or more lines glued with no space ("Key details at a glanceThose who
    missed ... next season.The published notes ..."), and that the body holds. A sanitizer
    whose tag whitelist lacks headings and lists (a kses filter) strips their tags and keeps
    their text; where the source had no whitespace between them, readers see the lines
    glued. Bare text that is a sentence or a paragraph of a site that sets none in <p>
    (a <br>-separated post) has spaces where its sentences meet."""
    box = c.container
    if box is None or box.tag in ("body", "html"):
        return None
    for node in box.traverse(include_text=True):
        if node.tag != "-text" or node.parent is None:
            continue
        parent = node.parent.tag
        if parent not in BLOCK_TAGS or parent in _LINE_TAGS:
            continue
        text = " ".join((node.text_content or "").split())
        glued = list(_LINES_GLUED.finditer(text)) if len(text) >= 40 else []
        if len(glued) < LINES_GLUED_MIN or fp.squash(text) not in c.body_squashed_text:
            continue
        first = glued[0]
        return (f"body: its subheadings and list items as lines of their own, found {len(glued)} lines run "
                f"into the next with no space, in text standing bare in the body's container "
                f"({excerpt(text, first.start(), first.end() + 1)}: their elements stripped, the text kept)")
    return None


def _in_box_furniture(node, box, title) -> bool:
    """Is node in an element of box that the extraction skips (blocks.article_furniture)?"""
    for up in _ancestors(node):
        if up.mem_id == box.mem_id:
            return False
        if article_furniture(up, title):
            return True
    return False


def _ancestors(el):
    """The elements el stands in, nearest first."""
    up = el.parent
    while up is not None:
        yield up
        up = up.parent


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
