"""Strategies every layout shares: the page's JSON-LD and <meta> tags."""

from __future__ import annotations

import html
import re
import unicodedata

from .authors import clean_authors
from .blocks import body_furniture, collect_blocks
from .boilerplate import strip_site_suffix
from .continuation import body_containers
from .dates import epoch_date, parse_date
from .page import Page
from .strategy import Declined, Final
from .text import READING_TIME, animated_label, letters, node_text, skip_blank


def headline_text(node, page: Page) -> str:
    """The headline an <h1> shows a reader: its aria-label when a text animation split it
    (text.animated_label), and without the site's name that a theme printing its document
    title in the h1 adds after a separator ("Title | Site"), a name the page gives
    elsewhere (og:site_name, its Organization)."""
    text = animated_label(node, node_text(node))
    end = text.lower()
    names = [n for n in page.site_names if len(n) < len(end) and end.endswith(n.lower())]
    if names:
        cut = strip_site_suffix(text, names)
        # the name alone goes (strip_site_suffix would also guess at unknown segments)
        if len(text) - len(cut) > min(map(len, names)) and _headline_like(cut):
            return cut
    return text


FLAG_MAX_WORDS = 3  # "Exclusive", "Breaking news", "Live updates": a story flag is a label of a few words
_FLAG_SEPARATORS = " :|-\u2013\u2014\u00b7\u2022"


def flag_before_title(h1, headline: str) -> str | None:
    """The headline without the element the h1 opens with, when that element is a short
    label (a story flag, a dateline) the headline starts with; else None."""
    first = skip_blank(h1.child)
    if first is None or first.tag.startswith("-"):
        return None  # the h1 opens with its text: no element set before the title
    label = node_text(first)
    if not label or len(label.split()) > FLAG_MAX_WORDS or not headline.startswith(label):
        return None
    rest = headline[len(label):].lstrip(_FLAG_SEPARATORS)
    return rest if rest and rest != headline else None


SUBTITLE_MIN_WORDS = 4  # a subtitle is a phrase or a sentence; "(Updated)" or a badge is not


def subtitle_after_title(h1, headline: str) -> tuple[str, str] | None:
    """(title, subtitle): the headline split before the element the h1 ends with, when that
    element's text is a phrase the headline ends with (Bootstrap's page header, <h1>Title
    <small>Standfirst</small></h1>, sets the standfirst inside the heading); else None."""
    last = skip_blank(h1.last_child, "prev")
    if last is None or last.tag.startswith("-"):
        return None  # the h1 ends with its own text: no element set after the title
    sub = node_text(last)
    if len(sub.split()) < SUBTITLE_MIN_WORDS or not headline.endswith(sub):
        return None
    title = headline[: len(headline) - len(sub)].rstrip(_FLAG_SEPARATORS)
    return (title, sub) if title else None


def title_of_h1(page: Page, headline: str) -> tuple[str, str | None]:
    """(headline, subtitle): the headline without the story flag its h1 opens with (an
    "Exclusive" or "Breaking" badge, a <mark> or pill element the template sets before the
    title per story) or the subtitle element it ends with, when the page's other copies of
    the title (JSON-LD headline, og:title) are the rest: they are written from the title
    field, the flag or the standfirst from another. The subtitle is that standfirst (None
    when none was split off). A headline whose flag the metadata keeps too ("Exclusive:
    ..." in og:title, as wire services write it) stays."""
    if not headline:
        return headline, None
    # og:title as written too: a title with a dash reads to strip_site_suffix as "Title – Site"
    copies = (headline_jsonld(page), headline_meta(page), page.meta.first("og:title", "twitter:title"))
    others = {_squash_headline(t) for t in copies if t}
    if not others or _squash_headline(headline) in others:
        return headline, None  # the copies agree already: most pages
    for h in page.all("h1"):
        rest = flag_before_title(h, headline)
        if rest and _squash_headline(rest) in others:
            return rest, None
        split = subtitle_after_title(h, headline)
        if split and _squash_headline(split[0]) in others:
            return split
    return headline, None


def headline_jsonld(page: Page) -> str:
    # a CMS writes its title field into the graph with the entities its editor stored
    # ("Review &#8211; verdict"): the reader's text is the decoded one
    return html.unescape(page.jsonld.headline())


def headline_meta(page: Page) -> str:
    raw = page.meta.first("og:title", "twitter:title", "title", "headline") or page.meta.title
    if not raw:
        return ""
    cut = strip_site_suffix(raw, page.site_names)
    if cut != raw and _slug_spells(page.url, raw.replace(cut, " ", 1)):
        return raw  # "Ironvale review – it's less grindy and better": the title's own dash
    return cut


SLUG_TAIL_MIN_WORDS = 2  # a one-word tail ("Review") may be in a slug by chance


def title_words(text: str) -> list[str]:
    """A title's words as a slugifier writes them: accents folded, apostrophes dropped."""
    folded = unicodedata.normalize("NFKD", text.lower().replace("'", "").replace("\u2019", ""))
    return [w for w in re.split(r"[^a-z0-9]+", folded.encode("ascii", "ignore").decode()) if w]


def _slug_spells(url: str, segment: str) -> bool:
    """Does the URL's slug, made from the whole title, spell the segment a site-name guess
    cut off? Then it was the title's (a site's name is not in its articles' slugs)."""
    words = title_words(segment)
    if len(words) < SLUG_TAIL_MIN_WORDS:
        return False
    path = [p for p in (url or "").split("?")[0].split("/") if p]
    slug = "-" + "-".join(w for w in re.split(r"[^a-z0-9]+", path[-1].lower()) if w) + "-" if path else ""
    return f"-{'-'.join(words)}-" in slug


def authors_jsonld(page: Page) -> list[str]:
    return clean_authors(page.jsonld.author_names(), page.site_names)


def authors_meta(page: Page) -> list[str]:
    meta = page.meta
    raw = meta.all("author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
                   "dcterms.creator", "byl")
    if meta.first("twitter:label1").lower() in ("written by", "author", "by"):
        raw += meta.all("twitter:data1")
    raw = [r for r in raw if "://" not in r and not r.startswith("/")]
    return clean_authors(raw, page.site_names)


def published_meta(page: Page) -> str | None:
    for key in ("article:published_time", "og:published_time", "datepublished",
                "parsely-pub-date", "sailthru.date", "publish-date", "pubdate",
                "dc.date.issued", "dc.date", "dcterms.created", "date"):
        value = page.meta.first(key)
        if value:
            parsed = parse_date(value, page.fetched_at) or epoch_date(value)
            if parsed:
                return parsed
    # schema.org microdata in the body (<time itemprop=datePublished datetime=...>, <meta
    # itemprop=... content=...>): machine-readable, with its offset, unlike the visible text
    node = page.first('[itemprop="datePublished"]')
    if node is not None:
        attrs = node.attributes
        return parse_date(attrs.get("datetime") or attrs.get("content"), page.fetched_at)
    return None


def published_jsonld(page: Page) -> str | None:
    return parse_date(page.jsonld.date_published(), page.fetched_at)


# A byline names a handful of people; reading the text of every byline-like node of a
# hostile page (thousands, nested) would be quadratic.
MAX_BYLINE_NODES = 20


def byline_authors(raw: list[str], page: Page):
    """People named by a template's byline texts. A byline that is there but names
    no person ("X Staff") is the answer, []: nothing else on the page may stand in."""
    names = clean_authors(raw, page.site_names, allow_single=True)
    if not names and any(raw):
        return Final([])
    return names


def _squash_headline(text: str) -> str:
    # entities a CMS leaves in JSON-LD (&#8217;), case, punctuation and spacing aside
    return letters(html.unescape(text))


def _headline_like(visible: str) -> bool:
    """Is the h1 a headline rather than a section label ("Silksong", "Game Reviews")?"""
    return len(visible.split()) >= 3


def _unless_h1_disagrees(strategy):
    """The strategy's headline, Declined when the page's visible h1 says something else:
    what the reader sees is the headline (the checks report the disagreement)."""
    from . import generic

    def fn(page: Page):
        value = strategy(page)
        if not value:
            return value
        visible = generic.headline_generic(page)
        if visible and _squash_headline(visible) != _squash_headline(value) and _headline_like(visible):
            return Declined(value)
        return value

    fn.__name__ = strategy.__name__
    fn.__doc__ = strategy.__doc__
    return fn


_TRAILING_READING = re.compile(r"\s*[·•|–—]\s*" + READING_TIME.pattern + r"\s*$", re.I)


# "... the open beta. By Ben Ashby": the label with a capital (not the word "by" in a
# sentence), then the rest of the text, which must be names only
_BYLINE_TAIL = re.compile(r"\s+By\s+(?P<names>[^.!?\u2026:;()]{2,100})$")
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)]*$")
_NAME_JOINERS = re.compile(r"(?:\s|,|&|\band\b)*", re.I)


def without_byline_tail(text: str, node=None) -> str:
    """The standfirst without a byline run on at its end, as magazine headers set it ("... the
    open beta. By Ben Ashby", the credit in small capitals): "By" after the standfirst's
    last sentence, or opening its own last element (node's), and names only after it.
    "... is set by Ada Lovelace" or "By Friday, it ends." is the standfirst's own."""
    m = _BYLINE_TAIL.search(text)
    if m is None or not text[:m.start()].strip():
        return text
    set_apart = _SENTENCE_END.search(text[:m.start()]) is not None
    if not set_apart and node is not None:
        last = skip_blank(node.last_child, "prev")
        set_apart = last is not None and last.tag != "-text" and node_text(last) == text[m.start():].strip()
    if not set_apart:
        return text
    rest = m["names"]
    names = clean_authors([rest])
    for name in names:
        rest = rest.replace(name, " ", 1)
    if not names or not _NAME_JOINERS.fullmatch(rest):
        return text
    return text[:m.start()].rstrip()


def dek_text(node) -> str:
    """The standfirst element's text without the reading time a standfirst row prints at
    its end ("... the old menu is gone. · 6 min read"): the template's, not the dek's. Only
    a label set apart (a separator, or its own element last in the dek) goes: "a quick
    5 min read" closing a sentence is the sentence. A byline run on at its end goes too."""
    text = node_text(node)
    if node is None or not text:
        return text
    m = _TRAILING_READING.search(text)
    if m:
        return text[:m.start()].rstrip()
    text = without_byline_tail(text, node)
    last = skip_blank(node.last_child, "prev")
    if last is None or last.tag == "-text":
        return text
    label = node_text(last)
    if READING_TIME.fullmatch(label) and text.endswith(label):
        return text[:-len(label)].rstrip()
    return text


DEK_NEIGHBOURS = 3  # elements after the headline (and after its wrapper) where a standfirst sits
_NOT_SHOWN = frozenset({"style", "script", "link", "noscript", "template", "meta"})


def dek_described(page: Page) -> str | None:
    """The standfirst when the template's own selector finds none: the element right after
    the headline (style and script elements aside: CSS-in-JS writes a <style> before every
    component) whose text is the page's description (meta, og:description or JSON-LD),
    as themes fill both from the same excerpt field. Read by text, so it holds whatever
    classes a front-end migration gives the element."""
    from . import generic, generic_body  # generic builds on this module

    h = generic._title_node(page)
    if not h:
        return None
    lay = generic_body.layout_of(page)
    texts = []
    for start in (h[0], h[0].parent):
        sib, seen = (start.next if start is not None else None), 0
        while sib is not None and seen < DEK_NEIGHBOURS:
            if not sib.tag.startswith("-") and sib.tag not in _NOT_SHOWN:
                seen += 1
                text = lay.short_text(sib, 600)  # a standfirst is short: no reading a whole article
                if text:
                    texts.append(text)
            sib = sib.next
    if not texts:
        return None
    described = {_squash_headline(d) for d in (page.meta.first("description", "og:description"),
                                               page.jsonld.description()) if d}
    return next((t for t in texts if _squash_headline(t) in described), None)


def template_body(page: Page, selector: str, headline, dek) -> list[str]:
    """A template's body: the blocks of its content container (and the parts that continue
    it), less the page's furniture, filtered as the generic body is against the item's own
    headline and dek (headline, dek: the layout's field functions, read only when there is a
    container)."""
    from . import generic  # generic builds on this module

    container = page.first(selector)
    if container is None:
        return []
    parts = body_containers(container)
    skip = body_furniture(page, parts)
    blocks = [b for part in parts for b in collect_blocks(part, skip)]
    return generic.filter_blocks(blocks, headline(page), dek(page), link_filter=False)


def template_fields(*, headline, dek, authors, published, body) -> dict:
    """Strategy lists of a template layout: its own selectors for each field, with the
    shared JSON-LD, meta and generic strategies in the order every template uses."""
    from . import generic  # generic builds on this module

    return {
        "headline": [("template", headline), ("jsonld", _unless_h1_disagrees(headline_jsonld)),
                     ("meta", _unless_h1_disagrees(headline_meta)),
                     ("generic", generic.headline_generic)],
        "dek": [("template", dek), ("meta", dek_described), ("generic", generic.dek_generic)],
        "authors": [("template", authors), ("jsonld", authors_jsonld),
                    ("meta", authors_meta), ("generic", generic.authors_dom)],
        "published": [("meta", published_meta), ("jsonld", published_jsonld),
                      ("template", published), ("generic", generic.published_dom)],
        "body": [("template", body), ("generic", generic.body_generic)],
    }
