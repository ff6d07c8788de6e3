"""The generic extractor's authors: the byline of this article, and only people.

Order of trust:

1. Names the page declares in its structured data (the JSON-LD article's author, meta
   author tags) that are also *shown* on the page: declared and visible is the byline.
   A declared name the page never shows (a CMS account, an SEO default) is not used.
2. Otherwise the byline elements of the article (see ``generic.authors_dom``), read
   innermost first, so a byline wrapper's "Name, Role · date · Fact checked by X" does
   not add the role, the date or the checker; text after "reviewed by", "fact checked
   by", "edited by" ... names someone who did not write the article.
3. With no byline markup: a plain-text byline right after the headline ("By", "Par",
   "Publicado por", a label element glued to the name, a byline after the date), read
   line by line (co-authors one per line, the role line dropped); then a link to the
   author's page whose text is that page's name; then a strong form ("Written by") in
   an author box anywhere in the article.
"""

from __future__ import annotations

import re

from .authors import BY_LABELS, TITLE_HEAD_WORDS, clean_authors
from .blocks import collect_blocks
from .dates import parse_date
from .generic_body import layout_of
from .text import BLOCK_TAGS, node_text

# Another role than writing: what follows names a reviewer, checker or editor.
OTHER_ROLE = re.compile(
    r"\b(?:(?:medically|expert|fact|legally|clinically)[\s-]+)?(?:reviewed|checked|verified|edited|"
    r"illustrated|photographed|approved)\s+by\b|\bfact[\s-]?check(?:ed|er)?\b|\breviewer\b",
    re.I,
)
# A leading label that is not part of the name ("Author Jane Doe", "Written by").
_LABEL = re.compile(r"^(?:author|autor|auteur|written\s+by|posted\s+by|by)\s*[:\-]?\s+", re.I)
# Role words that end a byline piece ("Joe Kindness Founder", "Community Expert").
_ROLE_TAIL = frozenset(TITLE_HEAD_WORDS | {
    "expert", "founder", "cofounder", "co-founder", "ceo", "coordinator", "reviewer", "lead",
    "specialist", "manager", "director", "strategist", "consultant", "owner", "president",
})


def shown_on_page(page, names: list[str]) -> list[str]:
    """The names that the page's visible text shows (whitespace and case ignored)."""
    if page.tree.body is None:
        return []
    key = "generic:visible"
    text = page._cache.get(key)
    if text is None:
        text = page._cache[key] = layout_of(page).squeezed_text()
    return [n for n in names if "".join(n.lower().split()) in text]


_DECLARED_LABEL = re.compile(r"^(?:\w+\s+)?by\s+", re.I)


def declared_visible(page) -> list[str]:
    """Structured-data author names that the page also shows. A declared author (JSON-LD
    or meta) of two words or more is kept even when it is also the site's name: a personal
    site is named after its author ("Myles Katherine" on myleskatherine.com); a one-word
    site name ("Venteur") is not a person."""
    meta = page.meta
    ld = list(page.jsonld.author_names())
    raw = ld + meta.all("author", "article:author", "parsely-author", "sailthru.author",
                        "dc.creator", "dcterms.creator", "byl")
    # a declared author field sometimes carries its byline label ("Analysis by X, Role")
    raw = [_DECLARED_LABEL.sub("", r) for r in raw if "://" not in r and not r.startswith("/")]
    names = clean_authors(raw, page.site_names, allow_single=True)
    seen = {n.lower() for n in names}
    for n in clean_authors(raw, (), allow_single=True):
        if len(n.split()) >= 2 and n.lower() not in seen:
            seen.add(n.lower())
            names.append(n)
    if not names:
        return []
    return shown_on_page(page, names)


def byline_head(text: str) -> str:
    """A byline text up to where it starts naming other roles; its label dropped."""
    m = OTHER_ROLE.search(text)
    if m is not None:
        text = text[: m.start()]
    return _LABEL.sub("", text.strip())


def drop_roles(names: list[str]) -> list[str]:
    """"Joe Kindness Founder" -> "Joe Kindness"; "Community Expert" -> dropped."""
    out: list[str] = []
    seen: set[str] = set()
    for name in names:
        words = name.split()
        while words and words[-1].lower().strip(".,") in _ROLE_TAIL:
            words.pop()
        if len(words) < 1 or (len(words) == 1 and len(name.split()) > 1):
            continue
        clean = " ".join(words)
        if clean.lower() not in seen:
            seen.add(clean.lower())
            out.append(clean)
    return out


# A plain-text byline: a short element that starts with a byline word, in several
# languages, with no byline class to find it by ("Par Jeanne Martin", "Von Jan Weber",
# "责任编辑：王小明", "Credit: Ana Ruiz", "By Sam Lee | Senior Writer | May 3").
# the localised labels are the layout extraction's (authors.BY_LABELS), one list for both
_BY_WORDS = "|".join(["by", *sorted(BY_LABELS), "av", "przez", "words", r"texte?", r"written\s+by"])
# "Publicado por", "Publié par", "Scritto da", "Geschrieben von", "Posted by"
_PUBLISHED_BY = (r"(?:posted|published|publicad[oa]|escrit[oa]|publiée?|écrit|pubblicato|scritto|"
                 r"geschrieben|veröffentlicht)\s+(?:by|por|par|da|von)")
PLAIN_BYLINE = re.compile(
    rf"^(?:(?:{_BY_WORDS}|{_PUBLISHED_BY})(?:\s*[:：]\s*|\s+)"
    r"|(?:责任编辑|編集|作者|记者|記者)\s*[:：]?\s*)(.+)$",
    re.I,
)
CREDIT_BYLINE = re.compile(r"^credit\s*[:：]\s*(.+)$", re.I)
NEAR = 120           # elements after the headline to look at
_BYLINE_MAX = 100    # characters: longer is a sentence, not a byline
_PIECE = re.compile(r"\s+[|·•●⋅]\s+|\s+[-–—]\s+|\s*[|·•●⋅]\s*")


def plain_byline(lay, start: int, end: int) -> list[str]:
    """The raw byline text of the first short element after the headline that starts
    with a byline word; "Credit: X" only when there is no such element. Several
    different bylines (a list of resources, each "By ...") name nobody in particular."""
    found: list[str] = []
    credits: list[str] = []
    limit = min(end, start + NEAR)
    deep, size = lay.deep, lay.size
    for i in range(start, limit):
        if deep[i] > _BYLINE_MAX or deep[i] < 4 or size[i] > 12:
            continue
        if i + 1 < limit and size[i] == size[i + 1] + 1 and deep[i] == deep[i + 1]:
            continue  # a wrapper around one element and its text: the inner one is read next
        text = lay.short_text(lay.nodes[i], _BYLINE_MAX)
        if not text:
            continue
        if lay.size[i] > 1:
            node = lay.nodes[i]
            if PLAIN_BYLINE.match(text) or BYLINE_LABEL.match(text):
                text = _byline_text(node) or _after_label_element(node, text) or text
            else:
                text = _after_leading_time(node, text) or text
        m = PLAIN_BYLINE.match(text)
        target = found
        if m is None:
            m = CREDIT_BYLINE.match(text)
            target = credits
        if m is None:
            continue
        # "Sam Lee | Senior Writer | May 3": the name is the first piece
        name = byline_head(_PIECE.split(m.group(1))[0])
        if name and name not in target:
            target.append(name)
    found = found or credits
    return found[:1] if len(found) <= 2 else []


# A byline label standing alone on its line ("Written by:", "Authors"), the names below it.
BYLINE_LABEL = re.compile(rf"^(?:{_BY_WORDS}|authors?|autor(?:en)?|auteurs?)\s*[:：]?\s*", re.I)


def lines_of(node) -> list[str]:
    """The element's text line by line, split where a block element (div, li, p ...)
    starts: a byline's name, its role and its date are often lines of their own."""
    return [b.text for b in collect_blocks(node)]


def _byline_text(node) -> str:
    """A byline element read line by line: the byline line's own name, the role and
    date lines after it dropped ("By Sam Lee" / "Senior Writer"); or, under a label
    alone on its line, the names of the lines below it, one co-author each ("Written
    by:" / "Emily Walker" / "Casey McDevitt")."""
    lines = lines_of(node)
    if len(lines) < 2:
        return ""
    if PLAIN_BYLINE.match(lines[0]) or CREDIT_BYLINE.match(lines[0]):
        return lines[0]
    label = BYLINE_LABEL.match(lines[0])
    if label is not None and label.end() == len(lines[0]):
        return "By: " + ", ".join(lines[1:])
    return ""


def _first_element(node):
    child = node.child
    while child is not None and child.tag in ("-text", "-comment") and not (child.text_content or "").strip():
        child = child.next
    return child


# The strong forms of a byline, trusted anywhere in the article (an author box after the
# body): "Written by", "Article by", "Posted by" ... but not a bare "By", which teaser
# cards and photo credits use too.
FAR_BYLINE = re.compile(r"\b(?:written|article|story|posted|published)\s+by\b", re.I)


def far_byline(lay, start: int, end: int) -> list[str]:
    """Raw byline texts in elements [start, end) that use a strong byline form: its own
    line ("Written by Cassidy Horton"), or a label line with the name in the element that
    follows ("Article by" / "Matias Heikkilä"). Different names: nobody in particular."""
    found: list[str] = []
    for i in lay.own_text_matches(FAR_BYLINE, "by"):
        if not start <= i < end:
            continue
        if lay.deep[i] > _BYLINE_MAX or lay.size[i] > 12:
            continue
        text = lay.short_text(lay.nodes[i], _BYLINE_MAX) or ""
        label = FAR_BYLINE.match(text)
        if label is None:
            continue
        rest = text[label.end():].strip(" :：")
        if not rest:  # the label alone: the name is the next element
            nxt = lay.nodes[i].next
            while nxt is not None and nxt.tag.startswith("-"):
                nxt = nxt.next
            j = lay.index.get(nxt.mem_id) if nxt is not None else None
            rest = (lay.short_text(nxt, 60) or "") if j is not None and lay.deep[j] <= 60 else ""
        name = byline_head(_PIECE.split(rest)[0]) if rest else ""
        if name and name not in found:
            found.append(name)
    return found if len(found) == 1 else []


def _after_label_element(node, text: str) -> str:
    """A byline whose label is an element of its own, glued to the name in the text
    ("<span>By</span><span>Daryl Austin</span>" reads "ByDaryl Austin"): the label and
    the rest, apart."""
    first = _first_element(node)
    if first is None or first.tag.startswith("-"):
        return ""
    label = node_text(first)
    m = BYLINE_LABEL.match(label)
    if not label or m is None or m.end() != len(label) or not text.startswith(label):
        return ""
    rest = "By " + text[len(label):].strip()
    return rest if PLAIN_BYLINE.match(rest) else ""


_NUMERIC_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?")


def _after_leading_time(node, text: str) -> str:
    """A byline that follows the date on the same line ("<time>03/01/2017</time> by Agatha
    Caleo", "<b>05/10/2018</b> - Publicado por: Clarissa Borba"): the text after the
    leading date element when it reads as a byline."""
    child = _first_element(node)
    if child is None or child.tag.startswith("-") or child.tag in BLOCK_TAGS:
        return ""  # a date on a line of its own: the byline, if any, is another line
    stamp = node_text(child)
    if not stamp or not text.startswith(stamp):
        return ""
    if child.tag != "time" and not (_NUMERIC_DATE.fullmatch(stamp) or parse_date(stamp)):
        return ""
    rest = text[len(stamp):].lstrip(" ,|·•-–—")
    return rest if PLAIN_BYLINE.match(rest) else ""


# A Chinese/Japanese personal name: 2-4 Han characters (the Latin name filter in
# authors.py judges capitalised words and cannot read these).
CJK_NAME = re.compile(r"[\u4e00-\u9fff]{2,4}")


def plain_names(raw: list[str], site_names) -> list[str]:
    """Person names from plain-byline texts."""
    names = drop_roles(clean_authors(raw, site_names, allow_single=False))
    return names or [r for r in raw if CJK_NAME.fullmatch(r)]
