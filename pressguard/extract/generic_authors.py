"""The generic extractor's authors: the byline of this article, and only people.

Order of trust:

1. Names the page declares in its structured data (the JSON-LD article's author, meta
   author tags) that are also *shown* on the page: declared and visible is the byline.
   A declared name the page never shows (a CMS account, an SEO default) is not used.
2. Otherwise the byline elements of the article (see ``generic.authors_dom``), read
   innermost first, so a byline wrapper's "Name, Role · date · Fact checked by X" does
   not add the role, the date or the checker; text after "reviewed by", "fact checked
   by", "edited by" ... names someone who did not write the article.
"""

from __future__ import annotations

import re

from .authors import TITLE_HEAD_WORDS, clean_authors
from .text import node_text

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


def visible_text(page) -> str:
    """The body's text, lowercased, once per page (for "is this name shown?")."""
    key = "generic:visible"
    text = page._cache.get(key)
    if text is None:
        body = page.tree.body
        text = node_text(body).lower() if body is not None else ""
        page._cache[key] = text
    return text  # type: ignore[return-value]


def declared_visible(page) -> list[str]:
    """Structured-data author names that the page also shows."""
    meta = page.meta
    raw = list(page.jsonld.author_names())
    raw += meta.all("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                    "dcterms.creator", "byl")
    raw = [r for r in raw if "://" not in r and not r.startswith("/")]
    names = clean_authors(raw, page.site_names, allow_single=True)
    if not names:
        return []
    shown = visible_text(page)
    return [n for n in names if n.lower() in shown]


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
