"""What the checks and the fingerprint look for among a page's elements, found in one walk.

The checks want the byline candidates, the comment sections and the <h1>s of a page, the
fingerprint its date elements; each was a CSS selector list run over the whole body by
lexbor (0.07-0.4 ms a page apiece: lexbor tries every selector of a list on every element).
The text index's walk (fingerprint.TextIndex) passes every element already, so it hands
each to this module, which reads its attributes once and answers all four lists exactly as
lexbor's selector lists answer them: the same elements, in document order, each once per
selector of the list it matches (tests/test_page_scan.py compares them on the corpus and
on generated markup). Made once per parsed page, with its text index (page_scan()).
The same walk lists the body's childless <p> elements and its Edge Side Includes, so the
signals that look for those skip a page that has none (instead of a search of the source),
its <meta content> elements and its pictures with alt text.

How lexbor reads the selectors used here (checked against it, not assumed):
``[a~="w"]`` and ``.w`` split the value at ASCII whitespace (space, tab, LF, FF, CR);
values compare case-sensitively, except ``rel`` on HTML elements (not SVG's: an HTML
attribute whose values are case-insensitive) and class selectors in a quirks-mode document
(for the rare element whose rel or class differs from "author" only in case, lexbor itself
is asked: about the element for rel, once per document for its mode); ``body.css()``
includes the body element.
"""

from __future__ import annotations

import re

from . import fingerprint as fp

# The selector lists the scan stands for (the checks' and the fingerprint's; for reading
# and for the tests: the scan below implements them).
BYLINE_SELECTOR = ('[rel~="author"], [itemprop~="author"], [data-author], [data-byline], '
                   '[class*="byline"], [class*="Byline"], [class*="author-name"], '
                   '[class*="author__name"], [class*="metadata__name"], [class*="__author"], '
                   '[class*="post-author"], .author, a[href*="/author/"], a[href*="/authors/"], '
                   'a[href*="/writer/"], a[href*="/people/"]')
COMMENT_SELECTOR = ('[class*="omment"], [id*="omment"], [class*="disqus"], [id*="disqus"], '
                    '[class*="replies"], [id*="respond"]')
DATE_SELECTOR = "time, [datetime], [data-datetime], [itemprop=datePublished], [class*=date], [class*=time]"
H1_SELECTOR = "body h1"  # (run on the document: the body's h1 elements)

_BYLINE_CLASS_PARTS = ("byline", "Byline", "author-name", "author__name", "metadata__name", "__author",
                       "post-author")
_AUTHOR_HREF_PARTS = ("/author/", "/authors/", "/writer/", "/people/")
_COMMENT_CLASS_PARTS = ("omment", "disqus", "replies")
_COMMENT_ID_PARTS = ("omment", "disqus", "respond")
_DATE_CLASS_PARTS = ("date", "time")
# attributes looked at beyond class, id and a link's href; most elements have none of them
_OTHER_ATTRS = frozenset({"rel", "itemprop", "data-author", "data-byline", "datetime", "data-datetime"})
# the tags visit() files an element under by its tag alone (every other element is filed,
# if at all, by its attributes)
_FILED_BY_TAG = frozenset({"h1", "p", "li", "blockquote", "esi:include", "esi:eval", "-comment",
                           "meta", "img", "amp-img", "a", "link", "script"})
_ASCII_SPACE = re.compile(r"[ \t\n\x0c\r]+")


def _tokens(value: str) -> list[str]:
    """A space-separated attribute value's words, as selectors split it (ASCII whitespace)."""
    return [t for t in _ASCII_SPACE.split(value) if t]


def _class_reading(value: str) -> tuple[int, int, int, bool]:
    """(byline selectors, comment selectors, date selectors a class value matches by
    itself, whether ``.author`` is for lexbor to say: a word that is "author" in
    another case, which matches in a quirks-mode document only)."""
    byline = sum(part in value for part in _BYLINE_CLASS_PARTS)
    words = _tokens(value) if "author" in value.lower() else []
    ask = False
    if "author" in words:
        byline += 1
    elif any(w.isascii() and w.lower() == "author" for w in words):
        ask = True
    comment = sum(part in value for part in _COMMENT_CLASS_PARTS)
    date = sum(part in value for part in _DATE_CLASS_PARTS)
    reading = (byline, comment, date, ask)
    return _NOTHING if reading == _NOTHING else reading


_NOTHING = (0, 0, 0, False)  # the one object for a class value no selector reads


def _id_reading(value: str) -> int:
    return sum(part in value for part in _COMMENT_ID_PARTS)


# Per class / id value (a page repeats a few dozen values hundreds of times; a site its
# pages' values). Plain dicts, emptied when full: cheaper per element than lru_cache.
_READINGS_MAX = 16384
_CLASS_READINGS: dict[str, tuple[int, int, int, bool]] = {}
_ID_READINGS: dict[str, int] = {}


class PageScan:
    """The byline candidates, comment-section candidates and date elements of a page (see
    the module docstring), each a list of elements in document order, an element as many
    times as it matches selectors of the list. Filled by the text index's walk, which
    calls visit() on every element (fingerprint.text_index): only the elements found are
    kept (keeping every element the walk passes made the garbage collector's passes
    cost more than the scan)."""

    __slots__ = ("bylines", "comments", "dates", "h1s", "childless_ps", "includes", "esi_comments", "metas",
                 "alt_imgs", "links", "numbered_anchors", "jump_anchors", "id_scripts", "prose_blocks", "visit")

    def __init__(self) -> None:
        self.bylines: list = []
        self.comments: list = []
        self.dates: list = []
        self.h1s: list = []  # the body's <h1> elements (``body h1``)
        # the body's <p> elements with no child node (no text, not even a space): the
        # markers' emptied paragraphs are some of them (a test on the walk, instead of a
        # regex over the whole source)
        self.childless_ps: list = []
        # the body's unprocessed Edge Side Includes (<esi:include>, <esi:eval>), for
        # markup_leaks.unprocessed_includes: most pages have none, and its walk is not made
        self.includes: list = []
        # its comments that hold "esi:include" (an include in ESI's comment form), for the same
        # signal: the source is searched for that form only when the body has such a comment
        self.esi_comments: list = []
        # the body's <meta content> elements (microdata), for the checks' meta values: the
        # head's are found by a search of the head, instead of one of the whole page
        self.metas: list = []
        # the body's <img alt> elements (``body.css("img[alt]")``; an AMP page's <amp-img alt>
        # too, the same picture as AMP prints it): the author pictures, and the headline's
        # signals that read pictures' alt text, each searched the body for them
        self.alt_imgs: list = []
        # the body's <link> elements (most pages have none: their rel=prev / rel=next links
        # are then the head's, searched alone), its <a> elements with a "2" in their href
        # (``a[href*="2"]``: the links that may lead to an article's second page) and its
        # <script> elements with an id (a hydration payload's): each a whole-page selector
        # of the checks, otherwise
        self.links: list = []
        self.numbered_anchors: list = []
        self.jump_anchors: list = []  # its <a href="#..."> (``a[href^="#"]``: a table of contents' links)
        self.id_scripts: list = []
        # the body's <p>, <li> and <blockquote> elements (``body.css("p, li, blockquote")``):
        # where the link holes' reading looks for the body's prose paragraphs
        self.prose_blocks: list = []
        self.visit = _visitor(self)


def _visitor(scan: PageScan):
    """visit(element, tag): file the element under the scan's lists whose selectors it
    matches. (A closure: its names are read faster than attributes or globals, element by
    element.)"""
    bylines, comments, dates, h1s, childless_ps = scan.bylines, scan.comments, scan.dates, scan.h1s, scan.childless_ps
    includes, esi_comments, metas, alt_imgs = scan.includes, scan.esi_comments, scan.metas, scan.alt_imgs
    links, numbered_anchors, id_scripts, prose_blocks = scan.links, scan.numbered_anchors, scan.id_scripts, \
        scan.prose_blocks
    jump_anchors = scan.jump_anchors
    class_readings, id_readings = _CLASS_READINGS, _ID_READINGS
    if len(class_readings) > _READINGS_MAX:
        class_readings.clear()
    if len(id_readings) > _READINGS_MAX:
        id_readings.clear()
    other_attrs, nothing, filed_by_tag = _OTHER_ATTRS, _NOTHING, _FILED_BY_TAG
    quirks: list[bool] = []  # does ".author" match "Author" in this document (quirks mode)?

    # Most elements match nothing: they cost the attribute read, two lookups and a set
    # test (a lexbor node's property costs ~0.1-0.3 us, so each one read counts)
    def visit(node, tag: str) -> None:
        filed = tag in filed_by_tag  # one set test spares the others the tag comparisons below
        if filed:
            if tag == "h1":
                h1s.append(node)
            elif tag == "p":
                prose_blocks.append(node)
                if node.child is None:
                    childless_ps.append(node)
            elif tag == "li" or tag == "blockquote":
                prose_blocks.append(node)
            elif tag == "esi:include" or tag == "esi:eval":
                includes.append(node)
            elif tag == "-comment":  # (no attributes: nothing else to file it under)
                if "esi:include" in (node.html or ""):
                    esi_comments.append(node)
                return
        attrs = node.attributes
        if filed:
            if tag == "meta":
                if "content" in attrs:
                    metas.append(node)
            elif tag == "img" or tag == "amp-img":
                if "alt" in attrs:
                    alt_imgs.append(node)
            elif tag == "a":
                href = attrs.get("href")
                if href:
                    if "2" in href:
                        numbered_anchors.append(node)
                    if href[0] == "#":
                        jump_anchors.append(node)
            elif tag == "link":
                links.append(node)
            elif tag == "script" and "id" in attrs:
                id_scripts.append(node)
        if not attrs:
            if tag == "time":
                dates.append(node)
            return
        cls = attrs.get("class")
        if cls:
            reading = class_readings.get(cls)
            if reading is None:
                reading = class_readings[cls] = _class_reading(cls)
            if reading is nothing and len(attrs) == 1 and tag != "time":
                return  # the most common element: a class and nothing else
        else:
            reading = nothing
        ident = attrs.get("id")
        if ident:
            found = id_readings.get(ident)
            if found is None:
                found = id_readings[ident] = _id_reading(ident)
        else:
            found = 0
        if reading is nothing and not found and tag != "time" and other_attrs.isdisjoint(attrs):
            if tag != "a":
                return
            href = attrs.get("href")  # a link: to an author's page?
            if not href or not ("/author" in href or "/writer/" in href or "/people/" in href):
                return
        byline, comment, date, ask = reading
        if ask:
            if not quirks:  # the document's mode, asked of lexbor once
                quirks.append(_matches_itself(node, ".author"))
            byline += quirks[0]
        comment += found
        value = attrs.get("rel")
        if value:
            words = _tokens(value)
            if "author" in words:
                byline += 1
            elif any(w.isascii() and w.lower() == "author" for w in words) \
                    and _matches_itself(node, '[rel~="author"]'):  # case-insensitive on HTML elements only
                byline += 1
        value = attrs.get("itemprop")
        if value:
            if "author" in _tokens(value):
                byline += 1
            if value == "datePublished":
                date += 1
        byline += ("data-author" in attrs) + ("data-byline" in attrs)
        date += ("datetime" in attrs) + ("data-datetime" in attrs) + (tag == "time")
        value = attrs.get("href")
        if value and tag == "a":
            byline += sum(part in value for part in _AUTHOR_HREF_PARTS)
        if byline:
            bylines.extend([node] * byline)
        if comment:
            comments.extend([node] * comment)
        if date:
            dates.extend([node] * date)

    return visit


def _matches_itself(node, selector: str) -> bool:
    """Does node itself match selector? (lexbor's css_matches says whether anything in
    node's subtree does; node.css lists node too.)"""
    key = node.mem_id
    return any(found.mem_id == key for found in node.css(selector))


def page_scan(page) -> PageScan:
    """The scan of a parsed page (extract.page.Page or Parsed), made once, on the walk of
    its text index (fingerprint.text_index)."""
    return fp.text_index(page).scan


def links_matching(page, selector: str) -> list:
    """page.tree.css(selector) (page: the checks' PageHints) for a selector matching <link>
    elements only: the head searched alone when the page scan met no <link> in the body
    (most pages: a whole-page search costs ~0.1 ms), else the whole page."""
    tree = page.tree
    head = tree.head
    if head is None or tree.body is None or page_scan(page._parsed).links:
        return tree.css(selector)
    return head.css(selector)


def numbered_links(page, link_selector: str) -> list:
    """page.tree.css('a[href*="2"], ' + link_selector), link_selector matching <link>
    elements only: the head's, then the body's <a> with a "2" in their href from the page
    scan, in document order (an <a> is never the head's), when the body has no <link>."""
    tree = page.tree
    head = tree.head
    selector = f'a[href*="2"], {link_selector}'
    scan = page_scan(page._parsed)
    if head is None or tree.body is None or scan.links:
        return tree.css(selector)
    return [*head.css(selector), *scan.numbered_anchors]
