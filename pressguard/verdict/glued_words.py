"""Words glued at the edges of links and emphasis: an HTML minifier that trims every text node
(html-minifier's collapseWhitespace without conservativeCollapse, a CDN's or a cache plugin's
"minify HTML", a page builder's cleaner) or a CMS export that drops the spaces around inline
elements prints "There is<a>also a smaller</a>change", and the body reads "There isalso a
smallerchange". Every field is there and no check of its words alone can tell such a word
from a name; the trace is in the markup of the body's own paragraphs.

    glue_finding(c) -> str | None   (c: checks._Context) "body: ..."

Read on this page alone (no recorded page needed): in each body prose paragraph, every place
where an inline element starts or ends between two word characters is a word boundary (the
writer's space stands inside or outside the element); a glued one has no space at all. Not
every glued boundary is a lost space: a link or an emphasis around part of a word
("<a>Pokémon</a>s", "un<em>believ</em>able"), a drop cap, a label a stylesheet shows as a
block ("<strong>Filer Name</strong>There is ..."), a writer's one slip. So a glue counts only
when the word it makes is no English word, and the finding needs a rate: MIN_GLUED or more,
at least GLUED_SHARE of the body's word boundaries at inline edges, and one of them inside a
sentence (a lower-case word after the edge: a label's next line opens with a capital).
Superscripts, subscripts, word-break hints, code and edits (<sup>, <sub>, <wbr>, <code>,
<del>/<ins>) join what they touch on purpose and are no edge here; scripts written without
spaces (CJK, Thai) are not judged (only Latin, Greek and Cyrillic letters touch).
"""

from __future__ import annotations

import re

from ..extract.text import BLOCK_TAGS, EDGE, edge_marked_text, normalize
from .link_holes import PROSE_TAGS
from .wording import quote

# Phrasing elements whose edges a writer's spaces stand at.
INLINE_TAGS = frozenset("a abbr b bdi bdo big cite data dfn em font i mark q s small span strike strong "
                        "time tt u".split())
_INLINE_SEL = ",".join(sorted(INLINE_TAGS))
MIN_GLUED = 2  # one is a writer's slip; a link glued on both sides is already two
# of the body's word boundaries at inline edges: a minifier trimming both ends of every text node
# glues nearly all, one trimming one end (a template's whitespace control) about half
GLUED_SHARE = 0.4
# A run of edges (and the whitespace among them) between two characters of text.
_EDGE_RUN = re.compile(r"(?<=[^\s\x00])[\s\x00]*\x00[\s\x00]*(?=[^\s\x00])")
_WORD_AFTER = re.compile(r"(?:[^\W_]|\x00)*")
# an ending after a linked or emphasised word: the element wraps part of a word on purpose
_ENDINGS = frozenset(("s", "es", "ed", "d", "ing", "er", "ers"))
_SPACED_SCRIPTS = 0x0590  # below: Latin, Greek, Cyrillic, Armenian (words written apart)


def _spaced_script(ch: str) -> bool:
    """A letter or digit of a script whose words are written apart."""
    return ch.isalnum() and ord(ch) < _SPACED_SCRIPTS


def paragraph_edges(marked: str, vocab) -> tuple[int, list[tuple[str, bool]]]:
    """(word boundaries at inline edges, glued words) in one paragraph's edge_marked_text. A
    glued word is (the word the text reads there, whether a lower-case letter follows the
    edge), for a glue between two letters that makes no English word (vocab); a glue that
    makes one ("un<em>believ</em>able"), adds an ending ("<a>Pokémon</a>s"), follows a drop
    cap or touches a digit (a footnote's number) may be markup inside a word and is not
    counted as a boundary either."""
    boundaries = 0
    glued: list[tuple[str, bool]] = []
    for m in _EDGE_RUN.finditer(marked):
        before, after = marked[m.start() - 1], marked[m.end()]
        if not (_spaced_script(before) and _spaced_script(after)):
            continue  # punctuation ("<a>Sony</a>'s", "<a>link</a>."), or no spaces in the script
        if m.group().strip(EDGE):
            boundaries += 1  # the writer's space, inside or outside the element
            continue
        if not (before.isalpha() and after.isalpha()):
            continue
        start = m.start()
        while start and (marked[start - 1].isalnum() or marked[start - 1] == EDGE):
            start -= 1
        head, tail = marked[start:m.start()], _WORD_AFTER.match(marked, m.end()).group()
        if tail.split(EDGE, 1)[0] in _ENDINGS or (len(head.rsplit(EDGE, 1)[-1]) == 1 and before.isupper()):
            continue  # "<a>Pokémon</a>s", "<a>raid</a>ers"; a drop cap ("<span>K</span>ratos")
        word = (head + tail).replace(EDGE, "")
        if word.casefold() not in vocab:
            boundaries += 1
            glued.append((word, after.islower()))
    return boundaries, glued


def _inline_holders(container) -> list:
    """The paragraphs (PROSE_TAGS) inside container that hold an inline element, in page
    order: each inline element's nearest block, when that is one (one selector query: a
    query per paragraph costs more than the whole reading)."""
    seen: set[int] = set()
    holders = []
    for el in container.css(_INLINE_SEL):
        up = el.parent
        while up is not None and up.tag not in BLOCK_TAGS:
            up = up.parent
        if up is not None and up.tag in PROSE_TAGS and up.mem_id not in seen:
            seen.add(up.mem_id)
            holders.append(up)
    return holders


def body_edges(c) -> tuple[int, list[tuple[str, bool]]]:
    """paragraph_edges summed over the body's prose paragraphs inside its container (c:
    checks._Context): (word boundaries at inline edges, glued words)."""
    container = c.container
    prose = {p for p, sentence in zip(c.body_spaced, c.prose) if sentence} if container is not None else None
    if not prose:
        return 0, []
    from .prose_flaws import vocabulary  # (here: prose_flaws imports this module)

    vocab = vocabulary()
    boundaries = 0
    glued: list[tuple[str, bool]] = []
    # lexbor's text, spaces aside, first: most holders of a link are no body paragraph (menus,
    # boxes), and a paragraph's text differs from it only in spaces (at <br>, at block edges;
    # one holding a script or a control is passed over)
    squashed = {p.replace(" ", "") for p in prose}
    for block in _inline_holders(container):
        if normalize(block.text(deep=True)).replace(" ", "") not in squashed:
            continue
        marked = edge_marked_text(block, INLINE_TAGS)
        if normalize(marked.replace(EDGE, "")) not in prose:
            continue  # not a paragraph of the body (a caption, a box, a teaser)
        n, found = paragraph_edges(marked, vocab)
        boundaries += n
        glued += found
    return boundaries, glued


def glue_finding(c) -> str | None:
    """The body's finding when its prose paragraphs show words glued at inline edges at a
    minifier's rate (see the module docstring)."""
    boundaries, glued = body_edges(c)
    if len(glued) < MIN_GLUED or len(glued) < GLUED_SHARE * boundaries or not any(low for _, low in glued):
        return None
    words = list(dict.fromkeys(w for w, _ in glued))
    shown = ", ".join(quote(w, 30) for w in words[:4])
    return (f"body: words glued where a link or an emphasis meets the text, {shown} ({len(glued)} of the "
            f"{boundaries} word boundaries at inline elements in its prose have no space: the page's "
            f"spaces around inline elements were trimmed, by a minifier or an export)")
