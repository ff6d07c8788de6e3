"""Words lost with their links: a converter or sanitizer that removes <a> elements with
their text leaves sentences with holes ("Not everyone  a vocal group has asked ...").

    link_habit(page, body[, prose]) -> (linked paragraphs, holes)   what one page shows (anything with .tree)
    hole_finding(c) -> str | None                          (c: checks._Context) "body: ..."

The extracted body hides the hole (whitespace is collapsed), and what is left often reads
as a grammatical sentence; the trace is in the page's own text: two spaces where a word
stood between two words, or a word standing before the sentence's punctuation with a space
between. Real writers type double spaces too (after a full stop, mostly: not counted here;
mid-sentence on a few pages), so a hole alone never decides. The finding needs the site's
habit, learned from its recorded pages (site_profile.SiteProfile.with_prose_links,
with_link_holes): nearly every recorded page (LINKING_SHARE) carries links inside its prose
and none shows such a hole, while this page's prose carries no link at all and shows one.
"""

from __future__ import annotations

import re

from ..extract.text import SKIP_TAGS, normalize
from .page_scan import page_scan
from .wording import is_prose

# Two or more spaces inside one text between a word (or a comma) and a word: the place of a
# removed inline element. After . ! ? : a double space is a typist's sentence spacing.
_HOLE = re.compile(r"(?:(?<=[A-Za-z])|(?<=[A-Za-z],))  +(?=[A-Za-z])|(?<=[a-z])  +(?=[.,;:])")
PROSE_TAGS = ("p", "li", "blockquote")
MIN_PAGES = 3  # recorded pages, to know a site's habit
LINKING_SHARE = 0.8  # of them linking inside their prose: the site's way (a short item may not)


def _texts(node):
    """node's text nodes, outside the elements no reader sees (scripts, controls)."""
    for sub in node.traverse(include_text=True):
        if sub.tag == "-text":
            up = sub.parent
            if up is not None and up.tag not in SKIP_TAGS:
                yield sub.text_content or ""


def link_habit(page, body: list[str], prose: list[bool] | None = None, blocks: list | None = None
               ) -> tuple[int, int]:  # page: a parsed page or its hints
    """(paragraphs of the body's prose holding a link with text, holes in the body's prose)
    on this page; (0, 0) when the body's container is not found. prose: is_prose of each
    paragraph, when the caller has read it; blocks: the body's PROSE_TAGS elements in
    document order (the page scan's), when known."""
    prose = _prose_set(body, prose)
    if page is None or not prose:
        return 0, 0
    return _habit(prose, _block_texts(page, blocks))


def _prose_set(body: list[str], prose: list[bool] | None) -> set[str]:
    """The body's prose paragraphs, normalized (as an element's text is compared)."""
    return {normalize(p) for p, sentence in zip(body, prose if prose is not None else map(is_prose, body))
            if sentence}


def _block_texts(page, blocks: list | None) -> list[tuple]:
    """(element, lexbor's whole text of it) for the page's PROSE_TAGS elements, in document
    order; blocks: the body's, from the page scan, when known. [] for a page with no root."""
    root = page.tree.body or page.tree.root
    if root is None:
        return []
    # (the scan walks the body: a page without one is searched from its root)
    elements = blocks if blocks is not None and page.tree.body is not None else root.css(",".join(PROSE_TAGS))
    return [(el, el.text(deep=True)) for el in elements]


def _habit(prose: set[str], texts: list[tuple]) -> tuple[int, int]:
    """link_habit's counts, from the body's normalized prose and the page's _block_texts."""
    found = []
    # Dropping text nodes never lengthens a normalized text, so an element whose whole text
    # (lexbor's, skipped elements' too) is shorter than the shortest paragraph is none of
    # them: the Python walk is paid only for elements that may be (most <li> are menu items)
    shortest = min(map(len, prose))
    for el, text in texts:
        if len(text) < shortest:
            continue
        raw = list(_texts(el))
        if normalize("".join(raw)) in prose:  # else not a paragraph of the body (a caption, a box)
            found.append((el, raw))
    linked = holes = 0
    for el, raw in _in_container(found):
        if any(a.text(deep=True).strip() for a in el.css("a")):
            linked += 1
        holes += sum(len(_HOLE.findall(t)) for t in raw if "  " in t or " ." in t or " ," in t or
                     " ;" in t or " :" in t)
    return linked, holes


def _in_container(found: list) -> list:
    """The (element, texts) of found inside the deepest element holding more than half of
    them: the body's container, told by its own paragraphs (a copy of one elsewhere on the
    page, a teaser's or a print view's, stays out). Locating the container by the page's
    text index would build it, which the recorded side never pays for."""
    if len(found) < 3:
        return found
    counts: dict[int, int] = {}
    depths: dict[int, int] = {}
    chains = []
    for el, _ in found:
        chain = []
        n = el.parent
        while n is not None:
            chain.append(n.mem_id)
            n = n.parent
        chains.append(chain)
        for depth, key in enumerate(reversed(chain)):
            counts[key] = counts.get(key, 0) + 1
            depths[key] = depth
    container = max((key for key, k in counts.items() if k * 2 > len(found)), key=depths.__getitem__)
    return [pair for pair, chain in zip(found, chains) if container in chain]


def hole_finding(c) -> str | None:
    """The body's finding when this page's prose has lost its links with their words: holes
    in it, no link left in it, on a site whose recorded pages all link inside their prose and
    show no such hole."""
    prof = c.profile
    if prof is None or prof.pages < MIN_PAGES or prof.with_prose_links < LINKING_SHARE * prof.pages \
            or prof.with_link_holes:
        return None
    if c.page is None:
        return None
    texts = _block_texts(c.page, page_scan(c.page._parsed).prose_blocks)
    # Every hole is two spaces in one text node, and a text node's text stands whole in its
    # element's lexbor text: a page whose prose elements print no double space (most) has no
    # hole, and needs none of its paragraphs located
    if not any("  " in text for _, text in texts):
        return None
    prose = _prose_set(c.body, c.prose)
    linked, holes = _habit(prose, texts) if prose else (0, 0)
    if linked or not holes:
        return None
    return (f"body: the article's whole sentences, found {holes} hole{'s' if holes > 1 else ''} where words "
            f"stood in its prose (double spaces between words, a space before punctuation) and no link "
            f"left in it, where {prof.with_prose_links} of the site's {prof.pages} recorded pages link inside "
            f"their prose and none shows such a hole (links removed with their text)")
