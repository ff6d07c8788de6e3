"""Where an article's parts sit in a page, found from what the page says, not from selectors.

A mutation has to edit "the headline", "the byline", "the body container" of any page,
whatever its template. Selectors would tie the benchmark to the layouts it measures, so
the parts are found by their text instead: the element whose text is the expected
headline, the smallest ancestor of the first body block that also holds the last one,
the element around the author's name that starts with "By". The expected fields are the
extraction of the unmutated page, which is exact on the shipped cassettes.

Also the small DOM helpers the mutations share (lexbor through selectolax).
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

FIELDS = ("headline", "dek", "authors", "published", "body")
_SPACE = re.compile(r"\s+")


def squeeze(text: str | None) -> str:
    """Text with every whitespace run removed: inline tags and line breaks in the
    markup put spaces where the extracted text has none, and the other way round."""
    return _SPACE.sub("", text or "")


def text_of(node: LexborNode | None) -> str:
    return " ".join((node.text(deep=True) if node is not None else "").split())


def esc(text: str) -> str:
    """Text made safe inside an element (quotes left as they are: they are text there)."""
    return htmllib.escape(text, quote=False)


def slugify(text: str) -> str:
    """text as a URL slug: lower case, each run of other characters one hyphen, none at the ends."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def parse(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html)


def fragment(html: str) -> list[LexborNode]:
    """The top-level nodes of an HTML snippet, to insert (copied) into another tree."""
    body = LexborHTMLParser(f"<!DOCTYPE html><html><body>{html}</body></html>").body
    return list(body.iter(include_text=False)) if body is not None else []


def insert(node: LexborNode, html: str, where: str = "after") -> list[LexborNode]:
    """Insert an HTML snippet before/after node or as its last children ("append") or
    first children ("prepend"); returns the inserted nodes as they sit in node's tree."""
    nodes = fragment(html)
    if where == "after":
        anchor = node
        for new in nodes:
            anchor.insert_after(new)
            anchor = anchor.next
        placed = _following(node, len(nodes))
    elif where == "before":
        for new in nodes:
            node.insert_before(new)
        placed = _preceding(node, len(nodes))
    elif where == "append":
        for new in nodes:
            node.insert_child(new)
        placed = _last_children(node, len(nodes))
    elif where == "prepend":
        first = node.child
        if first is None:
            return insert(node, html, "append")
        for new in nodes:
            first.insert_before(new)
        placed = _preceding(first, len(nodes))
    else:
        raise ValueError(where)
    return placed


def _following(node, n):
    out, cur = [], node.next
    while cur is not None and len(out) < n:
        out.append(cur)
        cur = cur.next
    return out


def _preceding(node, n):
    out, cur = [], node.prev
    while cur is not None and len(out) < n:
        out.append(cur)
        cur = cur.prev
    return out[::-1]


def _last_children(node, n):
    kids = list(node.iter(include_text=True))
    return kids[-n:]


def wrap(node: LexborNode, open_tag: str) -> LexborNode:
    """Put node inside a new element (open_tag like '<div class="x">'); returns it."""
    tag = re.match(r"<\s*([a-zA-Z][\w-]*)", open_tag).group(1)
    (wrapper,) = insert(node, f"{open_tag}</{tag}>", "before")
    wrapper.insert_child(node, move=True)
    return wrapper


def replace(node: LexborNode, html: str) -> None:
    """node replaced by html."""
    insert(node, html, "before")
    node.decompose()


def paragraphs(anatomy) -> list[LexborNode]:
    """The <p> blocks of the article's body."""
    return [p for p in anatomy.blocks if p.tag == "p"]


def long_paragraphs(anatomy) -> list[LexborNode]:
    """The body's <p> blocks of twelve words or more: its paragraphs of text, not a one-line
    credit, caption or "Related:" link."""
    return [p for p in paragraphs(anatomy) if len(text_of(p).split()) >= 12]


def prose_paragraphs(anatomy) -> list[LexborNode]:
    """The body's prose: its long paragraphs that end a sentence."""
    return [p for p in long_paragraphs(anatomy) if text_of(p).endswith((".", "!", "?"))]


def children(node: LexborNode) -> list[LexborNode]:
    return [c for c in node.iter(include_text=False)]


@dataclass
class Anatomy:
    """The article's parts in one parsed tree (None where the page has no such part)."""

    tree: LexborHTMLParser
    headline: LexborNode | None = None
    dek: LexborNode | None = None
    byline: LexborNode | None = None          # the box whose text reads "By <authors>"
    author_nodes: list[LexborNode] = field(default_factory=list)
    body: LexborNode | None = None            # smallest element holding every body block
    blocks: list[LexborNode] = field(default_factory=list)  # body's children holding a block

    @property
    def article(self) -> LexborNode | None:
        """The element around headline and body (an <article>, or their common ancestor)."""
        if self.body is None:
            return None
        node = self.body.parent
        while node is not None and node.tag not in ("article", "main", "body"):
            node = node.parent
        return node


def locate(tree: LexborHTMLParser, expected: dict) -> Anatomy:
    anat = Anatomy(tree)
    if tree.body is None:
        return anat
    finder = _Finder(tree.body)
    # the <h1> holding the headline, else the first element that does: a copy printed before it
    # (a print-only masthead, a breadcrumb ending with the title) is not the headline a later
    # change edits (on every shipped page the first is the <h1>)
    title = squeeze(expected.get("headline"))
    chains = list(finder.all(title))
    chain = next((c for c in chains if any(n.tag == "h1" for n in c)), None)
    if chain:
        anat.headline = next(n for n in chain if n.tag == "h1")
    else:
        # an <h1> that opens with the title and holds the standfirst as its secondary text
        # (<h1>Title <small>Standfirst</small></h1>) is the headline before any other copy
        lead = next((h for h in tree.body.css("h1") if title and squeeze(text_of(h)).startswith(title)), None)
        anat.headline = lead if lead is not None else chains[0][0] if chains else None
    blocks = [squeeze(b) for b in expected.get("body") or []]
    if blocks:
        anat.body = finder.container(blocks[0], blocks[-1])
        if anat.body is not None:
            wanted = set(blocks)
            anat.blocks = [c for c in children(anat.body) if squeeze(text_of(c)) in wanted]
    dek = squeeze(expected.get("dek"))
    if dek:
        for chain in finder.all(dek):
            if anat.body is None or not contains(anat.body, chain[0]):
                anat.dek = chain[0]
                break
    authors = expected.get("authors") or []
    if authors:
        anat.byline, anat.author_nodes = _byline(finder, authors)
    return anat


class _Finder:
    """Elements by their squeezed text, found from the text nodes up (cheap: no element's
    whole text is computed unless a text node inside it starts the wanted text)."""

    def __init__(self, root):
        self.texts = []
        for t in root.traverse(include_text=True):
            if t.tag == "-text":
                parent = t.parent
                if parent is not None and parent.tag in ("script", "style"):
                    continue
                text = squeeze(t.text_content)
                if text:
                    self.texts.append((t, text))

    def all(self, wanted: str, depth: int = 8):
        """For each element whose squeezed text is wanted (document order): the chain of
        nested elements with that same text, deepest first."""
        if not wanted:
            return
        seen = set()
        for t, text in self.texts:
            if not wanted.startswith(text):
                continue
            node, chain = t.parent, []
            for _ in range(depth):
                if node is None or node.tag in ("body", "html"):
                    break
                said = squeeze(text_of(node))
                if said == wanted:
                    chain.append(node)
                elif chain or len(said) > len(wanted):
                    break
                node = node.parent
            if chain and chain[0].mem_id not in seen:
                seen.add(chain[0].mem_id)
                yield chain

    def first(self, wanted: str):
        return next(self.all(wanted), None)

    def container(self, first: str, last: str):
        """The smallest element holding the element of text first and the text last."""
        for chain in self.all(first):
            node = chain[-1].parent
            while node is not None and node.tag not in ("body", "html"):
                if last in squeeze(text_of(node)):
                    return node
                node = node.parent
        return None


def contains(outer, inner) -> bool:
    node = inner.parent
    while node is not None:
        if node.mem_id == outer.mem_id:
            return True
        node = node.parent
    return False


def _byline(finder: _Finder, authors):
    """(the "By ..." box, the nodes holding each author's name) of the first byline."""
    names = [squeeze(a) for a in authors]
    for chain in finder.all(names[0]):
        node, steps = chain[-1].parent, 0
        while node is not None and steps < 4:
            said = squeeze(text_of(node)).lower()
            if said.startswith("by") and all(n.lower() in said for n in names):
                return node, _name_units(node, names)
            node, steps = node.parent, steps + 1
    # a byline without "By": the largest element around the first name that holds
    # nothing but the names (and their separators)
    for chain in finder.all(names[0]):
        node = chain[-1]
        while node.parent is not None and _only_names(node.parent, names):
            node = node.parent
        if all(n.lower() in squeeze(text_of(node)).lower() for n in names):
            return node, _name_units(node, names)
    return None, []


def _name_units(box, names) -> list:
    """For each name, the element the template repeats per author: the deepest element
    around the name that says "author" in an attribute (class="author-name",
    data-author=...; not href), else the deepest element holding the name."""
    units = []
    finder = _Finder(box)
    for n in names:
        chain = finder.first(n)
        if not chain:
            continue
        marked = [e for e in chain if any("author" in f"{k} {v or ''}".lower()
                                          for k, v in e.attributes.items() if k != "href")]
        units.append(marked[0] if marked else chain[0])
    return units


def _only_names(node, names) -> bool:
    rest = squeeze(text_of(node)).lower()
    for n in names:
        rest = rest.replace(n.lower(), "")
    return not re.sub(r"and|[,&·|]", "", rest)
