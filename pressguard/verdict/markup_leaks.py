"""What a page prints, or leaves out, when a layer between the stored post and the reader
did not do its work: markup a theme escaped instead of rendering, characters a database
connection could not hold ("?" in their place) or a conversion deleted (apostrophes gone from
contractions and possessives), Edge Side Includes an edge passed through unprocessed, a content
spinner's {word|synonym} choices no plugin rendered.

Each reads the extracted text (or, for ESI, the page's elements) and says in a few words
what it found; the checks put the field and the page around it.
"""

from __future__ import annotations

import re

from .english import ENGLISH_COMMON
from .wording import words

# An inline or block tag written out as text ("<em>Starfall</em> review"): a theme that
# escaped a field it used to print as HTML. Only real tag names, with a closing partner or
# attributes, so "a <b> c" in prose about maths or "<3" never match.
_ESCAPED_TAG = re.compile(
    r"<(em|i|b|strong|u|s|sup|sub|span|a|cite|mark|small|abbr|q|code)(?:\s[^<>]{0,200})?>"
    r"[^<>]{1,200}</\1\s*>", re.I)

# "?" where a letter was: "the studio?s", "S?o Paulo" (a database dump through a connection
# whose character set lacks the letter), or a dash: "review ? almost there". A question
# mark that ends a sentence is never followed by a lower-case letter and never stands
# alone between words; a URL's query ("page?id=3") is not prose and is left out.
_LOST_LETTER = re.compile(r"[^\W\d_]\?[a-z\u00df-\u00ff]")
_LOST_PUNCT = re.compile(r"\w \? \w")  # "2024 ? 2025": a dash that became "?"
# a URL's query, an address, code's ternary ("ready?go:wait"): not prose
_URLISH = re.compile(r"\S*(?:/|=|\.[a-z]{2,}\b|@)\S*\?\S*|\S*\?\S*(?:/|=|:\S)\S*", re.I)
LOST_MIN = 1  # a question mark never runs on into a lower-case letter, nor stands between words


# A whole field that is serialized block markup, printed as text: it opens with a block tag
# or an HTML comment (the block editor's "<!-- wp:paragraph -->" delimiters) and closes with
# the tag's end or a comment ("<!-- wp:paragraph --> <p>The studio ...</p> <!-- /wp:paragraph
# -->"): a field stored as markup (an excerpt filled from the post's blocks) that the theme
# escapes. The whole field, not a tag inside prose: an article about HTML quotes "<p>Hello</p>"
# in its sentences.
_BLOCK = r"p|div|h[1-6]|li|blockquote|figure|figcaption|section"
_MARKUP_FIELD = re.compile(
    rf"(?:<!--[^<>]{{0,200}}-->\s*)*<({_BLOCK})(?:\s[^<>]{{0,200}})?>.*</\1\s*>(?:\s*<!--[^<>]{{0,200}}-->)*"
    rf"|<!--[^<>]{{0,200}}-->.*<!--[^<>]{{0,200}}-->", re.I | re.S)


def escaped_markup(text: str) -> str | None:
    """Markup printed as text in a field, or None."""
    if "<" not in text:
        return None
    m = _ESCAPED_TAG.search(text)
    if m is not None:
        return f"markup printed as text {m.group(0)[:40]!r} (a tag the template escaped)"
    if text.lstrip().startswith("<") and _MARKUP_FIELD.fullmatch(text.strip()):
        return (f"markup printed as text {text.strip()[:40]!r} (the field stored as markup, "
                "which the template escaped)")
    return None


# Spintax: a content-spinning tool's "{confirmed|announced|revealed}", which a plugin turns into
# one of the words at render time; with the plugin off the braces print. Each choice is words of
# letters, with no space at the braces or pipes (a template's "{{ x | filter }}" and a grammar's
# "{ letter | digit }" have them; set-builder "{x|x>0}" and code have other characters), and
# the braces stand in running text, between words (a command's "nginx {start|stop}" in a code
# line is no prose: a body paragraph is judged only when it reads as prose).
_CHOICE = r"[^\W\d_](?:[\w'’-]|\s(?=[^\W\d_]))*"
_SPINTAX = re.compile(rf"(?<![{{\w])\{{{_CHOICE}(?:\|{_CHOICE})+\}}(?![}}\w])")
# WCXB's 711 real pages: no visible text of any holds one (even allowing any characters but
# braces and pipes in the choices), nor does any extracted field


def unrendered_spintax(text: str, prose: bool = True) -> str | None:
    """A content spinner's choices printed as text ("{confirmed|announced}"), or None. prose:
    the text reads as running text (a headline, a dek, a body paragraph that is_prose)."""
    if not prose or "|" not in text or "{" not in text:
        return None
    m = _SPINTAX.search(text)
    if m is None:
        return None
    return (f"spintax printed as text {m.group(0)[:50]!r} (a content spinner's word choices, which "
            "no plugin rendered into one)")


def lost_characters(fields: list[tuple[str, object]]) -> str | None:
    """'?' standing for letters and punctuation across a page's (field, text) pairs:
    "<field>: <what>" naming the first field it is in, or None."""
    hits: list[tuple[str, str]] = []
    for field, text in fields:
        if not isinstance(text, str) or "?" not in text:
            continue
        prose = _URLISH.sub(" ", text)
        for rx in (_LOST_LETTER, _LOST_PUNCT):
            for m in rx.finditer(prose):
                i = m.start()
                hits.append((field, prose[max(0, i - 12): m.end() + 12].strip()))
    if len(hits) < LOST_MIN:
        return None
    field, where = hits[0]
    return (f"{field}: '?' in place of characters the text had ({len(hits)} times, e.g. "
            f"{where!r}; a database connection that could not hold them)")


# Apostrophes deleted with every character ASCII cannot hold (a feed tool's "iconv -c", an
# export through a Latin-1-only connection): a contraction run together ("dont", "theyre") or
# a name's possessive glued to it ("lead designer Priya Ramans ideas" where the text also
# names "Priya Raman"). Edited English writes neither. Judged only on text holding no
# apostrophe at all (text that kept some lost none), with two or more such words.
_RUN_TOGETHER = frozenset("dont doesnt didnt isnt wasnt arent werent couldnt wouldnt shouldnt havent hasnt "
                          "hadnt theyre youre theyve youve weve thats whats theres heres shes "
                          # possessives that are no word without their apostrophe
                          "childrens womens todays tonights everyones someones anyones nobodys".split())
_LOWER_WORD = re.compile(r"\b[a-z]{4,9}\b")
# possessive set phrases English writes with their apostrophe ("the director's cut", "a
# collector's edition", "New Year's Eve")
_SET_PHRASE = re.compile(r"\b(?:directors cut|collectors edition|new years (?:eve|day)|valentines day|"
                         r"mothers day|fathers day)\b", re.I)
# what every set phrase ends with: a case-blind pattern opening with \b and six words has no
# literal to skip to, so each text is first searched for this shorter one (several times faster)
_SET_PHRASE_END = re.compile(r"s (?:cut|edition|eve|day)\b", re.I)
# a two-word name, its possessive's "s" glued on, before a lower-case word ("Priya Ramans
# ideas"); a single capitalised word may be a plural opening a sentence ("Humans remain"), and
# a plural name goes on with a verb or a function word ("Skincare Sets are"): not counted
# (spelled to open with its capital, the \b after it as a look behind: the engine skips to
# each capital instead of trying every position)
_GLUED_POSSESSIVE = re.compile(r"([A-Z](?<!\w[A-Z])[a-z]+ [A-Z][a-z]{2,})s ([a-z]+)")
_APOSTROPHES = ("'", "\u2019", "\u02bc")
DELETED_MIN = 2


def word_in(words: str, text: str) -> bool:
    """re.search(rf"\\b{re.escape(words)}\\b", text) for words that begin and end with a word
    character (\\w: a letter, a digit or "_"), without a pattern per name: a regex opening with
    \\b has no literal to skip to, so it is tried at every position of the text (about a
    millisecond on a long article), where str.find skips to each occurrence."""
    size, end = len(text), len(words)
    at = text.find(words)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + end] if at + end < size else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            return True
        at = text.find(words, at + 1)
    return False


def deleted_apostrophes(fields: list[tuple[str, object]], words_of=words) -> str | None:
    """Contractions and possessives whose apostrophes were deleted, across a page's (field,
    text) pairs: "<field>: <what>" naming the first field one is in, or None. words_of: a
    text's case-folded words (wording.words), read once per item by the checks: a run-together
    word is one of them, so a text none of whose words is one is not searched for them."""
    texts = [(f, t) for f, t in fields if isinstance(t, str) and t]
    if not texts or any(a in t for _, t in texts for a in _APOSTROPHES):
        return None
    whole = "\n".join(t for _, t in texts)
    hits: list[tuple[str, str]] = []
    for field, text in texts:
        if not _RUN_TOGETHER.isdisjoint(words_of(text)):
            hits += [(field, w) for w in _LOWER_WORD.findall(text) if w in _RUN_TOGETHER]
        if _SET_PHRASE_END.search(text):
            hits += [(field, m.group(0)) for m in _SET_PHRASE.finditer(text)]
        for m in _GLUED_POSSESSIVE.finditer(text):
            # the name stands alone elsewhere in the page's text: "Priya Raman was" beside
            # "Priya Ramans ideas"
            if m.group(2) not in ENGLISH_COMMON and word_in(m.group(1), whole):
                hits.append((field, m.group(0)))
    if len(hits) < DELETED_MIN:
        return None
    field, where = hits[0]
    return (f"{field}: apostrophes deleted ({len(hits)} words such as {where!r}, and none in the "
            "text; a conversion that dropped the characters ASCII cannot hold)")


_ESI_COMMENT = re.compile(rb"<!--\s*esi[\s:]")


def esi_comment(html) -> bool:
    """Does the source hold an include in ESI's comment form (the page's walk sees no element)?"""
    raw = html.encode("utf-8", "replace") if isinstance(html, str) else (html or b"")
    # no b"esi" pre-test: the three letters are in many words ("design", "resize") and the
    # pattern's literal "<!--" is skipped to faster than the pre-test scans the page
    return _ESI_COMMENT.search(raw) is not None


def unprocessed_includes(html, tree, body: list[str]) -> str | None:
    """An <esi:include> left in the page beside the article's own paragraphs: the edge did
    not fetch the fragment, so the part of the article it stands for is not on the page.
    One around other furniture (a rail, a header) says nothing about the body."""
    if not html or (b"esi:" if isinstance(html, bytes) else "esi:") not in html:
        return None
    root = tree.body
    if root is None or not body:
        return None
    starts = [" ".join(p.split())[:40] for p in body if isinstance(p, str) and len(p) >= 40]
    if not starts:
        return None
    for node in root.traverse(include_text=True):
        # an include left in ESI's comment form (<!--esi <esi:include .../> -->, or a bare
        # "<!-- esi:include ... -->") is as unprocessed as the tag: the edge passed it through
        if node.tag == "-comment":
            said = node.html or ""
            if "esi:include" not in said:
                continue
        elif node.tag not in ("esi:include", "esi:eval"):
            continue
        parent = node.parent
        near = " ".join((parent.text(deep=True) if parent is not None else "").split())
        if any(s in near for s in starts):
            src = node.attributes.get("src") or "" if node.tag != "-comment" else \
                (re.search(r'src="([^"]*)"', node.html or "") or re.search("()", "")).group(1)
            return f"body: the whole article, found an unprocessed <esi:include src={src[:50]!r}> where the article goes on"
    return None
