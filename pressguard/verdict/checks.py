"""Snapshot-free health checks, run on every extracted item (the live crawl has no
snapshot to compare with, so each check judges the item on its own, against the page it
came from, or against an independent second extraction):

    run_checks(item, *, html=None, second_opinion=None, recorded_fingerprint=None,
               current_fingerprint=None, source_complete=True, site_profile=None, template_diffs=None)
        -> {check: "ok" | message}

html is the page's source or the extract.page.Page the item came from (then its one
parse, text index and JSON-LD are read, not made again).

Every check is always present, in the order of CHECKS. A message is one line:
``<check>: <item url>: expected <what>, found <what>`` (several findings of one check are
joined with "; "), and names the field it judges. Everything here is linear in the page's
size: ancestor walks are memoised per element.

headline     present, at most MAX_HEADLINE characters, not a URL slug, not one title given twice
             ("Title Title"), not the site's name (pressguard.sites
             titles, og:site_name, the JSON-LD publisher), not a generic page title ("Home",
             "Page not found", "Just a moment...", a CMS placeholder such as "Auto Draft"). With html: not a JSON-LD/og headline that
             differs from the visible <h1> (the visible one wins), and shown on the page
             outside teaser tiles and menus (a template that stopped printing it).
authors      every name person-like: 2-4 capitalised words (particles such as "de", "van"
             aside), no digits, "@", e-mails or URLs, not the site's name, not a collective
             ("Staff", "Team", "Editor" ...), not a photo credit, no avatar's initials glued
             to the name ("SBSana Brennan"). With html: the names must
             appear in the page's byline elements when the page has some (names taken from
             teaser tiles are not the author), and [] fails when a byline element, a JSON-LD
             Person, <meta name=author> or an author picture's alt names a person. Bylines
             are byline-marked elements, author-page links and short texts that open like
             one ("By A, B and C", "Written by A and B", "Words by A", roles and dates
             around them). Names with no byline on the page at all fail (metadata goes
             stale), nor names the byline credits only for another role ("Reviewed by",
             "Photography by"). Without html, [] fails when the second opinion found authors. (With html the second opinion's authors are not
             used alone: a layout-free extractor also reads the names on teaser tiles.)
body_length  at least MIN_WORDS words in at least MIN_PARAGRAPHS paragraphs.
boilerplate  no paragraph matches BOILERPLATE (one table: sign-up modal, reCAPTCHA, video
             player label, photo credits, affiliate disclosures, "Related:", review-box
             text, author bio openings, raw markup, raw CMS shortcodes such as "[/embed]"),
             nor opens with the bio of an author.
truncation   no word mangled by a stripped UI word: orphan suffixes standing alone ("from
             ing NATO", "is ed by"), determiner gaps ("over the of a", "reset your ."),
             a sentence that starts in lower case ("... X. to quote ..."); and, when
             source_complete, a last paragraph that ends with . ! ? or … (closing quotes,
             brackets and emoji allowed; a last list item, table cell or heading is exempt
             when html shows it).
agreement    independent sources agree: the headline with the second opinion's, with the
             JSON-LD headline and with og:title (normalised: entities, quotes, dashes,
             whitespace, case, a " - Site" suffix; agreeing = equal, one a prefix of the
             other, or word Jaccard >= HEADLINE_JACCARD); the body's word set with the
             second opinion's (Jaccard >= BODY_JACCARD, checked when either has a body);
             the authors with the JSON-LD Person names when both have some (same set,
             case-insensitive); the body with the JSON-LD articleBody (most of its words,
             its paragraphs in the same order); the body with the headline's subject
             (topic_share), on sites whose recorded pages all share at least TOPIC_TRUST of
             it (the profile); and no headline that is the JSON-LD / og:title (else the
             <title>) with a short labelled segment added (a dateline, a section) or that
             title cut with "…". A second opinion that saw no article (page_kind, no body)
             is no opinion on the body.
completeness the whole article is there: the body is not under half the shortest body of
             the site's recorded pages (site_profile: pressguard.verdict.site_profile), not far under
             the JSON-LD wordCount (or articleBody's length), nor under it by more than the
             site's recorded pages ever are (pressguard.verdict.coherence), not under what an "N min read"
             label implies; no publication time read from printed text alone on a site whose
             recorded pages state theirs in metadata (coherence); a dek every recorded page has and this page shows, and a date
             the page states, were extracted; the layout-free second opinion did not read
             on where the layout stopped (2+ paragraphs of prose the body lacks); the page
             itself: every item a listicle's headline promises ("10 things") among the
             body's numbered item headings, no subheading closing the body with
             nothing after it, no numbered item heading with the next heading right
             after it (an item whose text is missing), no "Part N" / "Step N" / "Chapter N" subheadings counting
             down (blocks rendered backwards); a published date that can be one (from 1995, at most a
             day after now: not a null date shown as 1970-01-01); a date on the fetch day
             while the pictures named after the article's slug sit in a WordPress upload
             folder (/uploads/YYYY/MM/) two months or more older; a dek that is no
             interface text (the boilerplate table) unrelated to the page's description,
             nor a list of SEO keywords, nor the headline printed again; not a later page of a split article (rel=prev, ?page=2, "Page 2 of 3"); a
             document that reaches </body></html> on a site whose recorded pages all do.
markers      no comment thread ("4 Comments", "user · 2 hours ago", "Reply"), paywall
             teaser ("Subscribe to continue reading") or lazy-load text ("Loading…") in a
             body paragraph; no placeholder element (skeleton, lazy, paywall classes,
             aria-busy, data-lazy-*; never ads, pictures or embeds) inside the body's
             container or right after it ("Load earlier updates" too); no body paragraph the
             page shows inside its comment section; no body given twice (REPEAT_MIN prose
             paragraphs repeated), no prose paragraph given again right after itself;
             not a site's legal page (a policy title and a "Last updated" line).
text_quality headline, dek, authors and body decoded once: no mojibake (ftfy), no U+FFFD,
             no undecoded entity (&#8211;, &amp;), no control character, no "?" standing for
             lost characters inside words (two or more: "don?t", "Lumi?re"); on a page that
             declares English, a body whose prose has the common English words prose has
             (not filler such as lorem ipsum), and a dek of 10+ words in English too;
             and a body free of a print or scan pipeline's flaws (pressguard.verdict.prose_flaws:
             line-end hyphens kept, OCR misreadings, a drop cap's letter lost);
             other languages are not judged.
metadata     the JSON-LD describes the article the page shows. Fails (a drift finding, never
             broken: pressguard.verdict.DRIFT_CHECKS) only when the JSON-LD is another
             article's: its headline, and its writer or date, differ from the page's while
             og:title (else <title>), the second opinion and the URL slug all name the
             visible headline. Then agreement leaves the JSON-LD out (the visible fields
             win); anything less stays agreement's finding about the headline.
template     fingerprint.compare(recorded, current) is empty. "ok" when there is no
             recorded fingerprint (nothing to compare with yet: the recorder stores one).
             When only html is given, the current fingerprint is computed from it.

Incidents (pressguard.verdict.incidents: what CMS, front-end and pipeline failures print
into the fields while the template stays put), each reported by the check of its field:
headline  a placeholder ("TK") or an unserialised value as the title; another story at the
          URL (a same-host canonical URL naming another slug, whose story the headline is; not a
          retitle, whose body names both titles' subjects);
          a headline whose other copies on the page keep the non-ASCII characters it lacks; one cut short (its URL slug reads on).
authors   [] where the byline credits a script's unserialised value ("[object Object]")
          or a photo agency.
completeness  a dek that is a placeholder or the body's opening cut with "[…]"; published read from an "Updated:" line on a page
          stating no publication date; no date on a site whose recorded pages all state one.
markers   the server's error output (PHP's "... in /path/x.php on line N", tracebacks),
          Markdown source printed as text, two or more empty <p> between prose paragraphs, redaction marks across the prose.
"""

from __future__ import annotations

import html as htmllib
from bisect import bisect_right
import re
import unicodedata
from datetime import datetime, timedelta, timezone
from functools import cached_property, lru_cache
from itertools import chain, filterfalse
from typing import Any

import ftfy
import ftfy.badness

from . import fingerprint as fp
from . import incidents
from . import coherence
from . import date_order
from ..extract.authors import names_a_credit
from ..extract.blocks import stamped_template, template_content, toggle_target
from ..extract.boilerplate import PatternTable, is_boilerplate_text
from ..extract.jsonld import JsonLd
from ..extract.page import Page, jsonld_of, parsed_of
from ..extract.text import READING_TIME, animated_label, node_text, same_line
from .page_scan import page_scan
from .site_profile import SiteProfile
from .social_title import social_title, title_says_otherwise
from .minified import minified_whole
from .markup_leaks import escaped_markup, lost_characters, unprocessed_includes
from . import prose_flaws
from ..sites import SITES, site_for_url

CHECKS = ("headline", "authors", "body_length", "boilerplate", "truncation", "agreement",
          "completeness", "markers", "text_quality", "metadata", "template")

MAX_HEADLINE = 300
MIN_WORDS = 80
MIN_PARAGRAPHS = 2
BODY_JACCARD = 0.5
HEADLINE_JACCARD = 0.75
# A metadata headline sharing a quarter of its words with the visible one (extracted) is a
# version of it; sharing less, it names another article.
STALE_JACCARD = 0.25
ARTICLE_BODY_SHARE = 0.6  # of the JSON-LD articleBody's distinct words found in the body

GENERIC_TITLES = frozenset(
    """home|homepage|home page|index|news|latest|latest news|blog|articles|article|untitled
    |page not found|not found|404|404 not found|error|access denied|forbidden
    |just a moment...|just a moment|attention required!|attention required
    |verify you are human|are you a robot?|log in|login|sign in|sign up|subscribe|search
    |search results|archives|archive|category|tag|author|reviews|guides|news & features
    |privacy policy|terms of service|cookie policy|about|about us|contact|contact us
    |loading...|loading|redirecting...|site maintenance
    |auto draft|(no title)|no title|untitled post|untitled document|new post|hello world!
    """.replace("\n", "").split("|")
)
GENERIC_TITLES = frozenset(t.strip() for t in GENERIC_TITLES)

# Words that make a byline a collective, a desk, a role or a credit, never a person.
NOT_PERSON = frozenset(
    """staff team editor editors editorial desk newsroom admin administrator contributors
    contributor guest writer writers reporter reporters correspondent wire agency
    getty images image photo photos photograph photography shutterstock alamy screenshot
    screengrab courtesy via credit credits associated press reuters afp unsplash""".split()
)
PARTICLES = frozenset(
    "van von der den de del della di da dos das du la le bin ibn al el ter ten mac st y e".split())

# name, pattern (case-insensitive, searched anywhere in every body paragraph): furniture
# glued into a paragraph. A whole paragraph of furniture is judged by the extractor's table
# (pressguard.extract.boilerplate.is_boilerplate_text), so both read the same list.
BOILERPLATE: tuple[tuple[str, str], ...] = (
    ("sign-up modal", r"create an? (gamurs )?account|create a gamurs\b|choose a unique name"
     r"|choose your preferences|choose how we communicate with you|^check your email\b"
     r"|an account confirmation link was sent|something went wrong\. try again"
     r"|your details are incorrect|reset instructions sent|enter the email address you used"
     r"|by signing up, you agree|if you used apple or google to create"),
    ("reCAPTCHA notice", r"recaptcha|protected by .{0,30}google"),
    ("video player label", r"\brecommended videos?\b"),
    ("photo credit", r"^(photo|image|screenshot|screengrab|screencap|footage|header image|featured image)s?"
     r"( credit)?\s*(by|via|courtesy of|:)\s|^(credit|source|courtesy of):?\s|\bgetty images\b"
     r"|/\s*(shutterstock|ap photo|afp|reuters)\b|\bphoto by [^.]{1,60}/"),
    ("affiliate disclosure", r"supported by (our|its) (audience|readers)|(earn|receive) a small commission"
     r"|we may earn (a|an)( \w+)? commission|^disclosure:|(article|post|page) (contains|includes)"
     r" affiliate links|affiliate policy"),
    ("related link", r"^related:"),
    ("review box", r"^reviewed on\b|this review is based on a (retail|review|pre-release|digital)"
     r" (build|copy|code)"),
    ("author bio", r"^author$|^image of [A-Z]|\bhas worked for multiple sites\b"
     r"|^\w+ has (?:worked|written) (?:for|as|at) .{0,80}\b(?:sites|publications|outlets|writer|editor)"
     r"|\bhas covered .{1,40} for \d+ years\b|\bwhen not writing\b"),
    ("tracking pixel / markup", r"scorecardresearch|<\s*(img|div|script|iframe|p|a)\b|&[a-z]+;|&#\d+;"),
    # a CMS shortcode printed raw (its plugin off): "[/embed]", "[caption id=...]"; never an
    # editor's bracket ("[sic]", "[This review is ...]", "[…]"): a closing tag or an attribute
    ("raw shortcode", r"\[/[a-z][a-z0-9_-]*\]|\[[a-z][a-z0-9_-]*(?:\s+[a-z][a-z0-9_-]*=(?:\"[^\"\]]*\"|'[^'\]]*'"
     r"|[^\s\]'\"]+))+\s*/?\]"),
)
_BOILERPLATE = PatternTable(BOILERPLATE, re.M)  # each pattern behind its literal pre-filter

# Stripped-word holes (the seed's failure mode).
ORPHAN_SUFFIXES = frozenset({"ing", "ings", "ed", "s", "tion", "tions", "ment", "ments"})
_TOKEN_STRIP = ",.;:!?()[]{}\"“”‘’«»"
_GAP = re.compile(
    r"(?=[tamyhio])"  # the first letters of the words below: the engine skips every other position
    r"(?:\b(?:the|a|an)\s+(?:of|to|in|for|on|at|by|with|from|into|than|the|a|an|and|or|but|is|are"
    r"|was|were|has|have)\b(?![\-\u2010\u2011'’])"
    r"|\b(?:the|a|an|your|our|their|my|his|her|its)\s+[.,;:!?])"
)
_LOWER_START = re.compile(r"([.!?])\s+([a-z][a-z]+)\b")  # not after a closing quote: “Why?” she asked
_ABBREV = frozenset(
    "e.g i.e etc vs approx ca cf no op vol ch pp st mr mrs ms dr jr sr fig al inc ltd".split())
_TERMINAL = ".!?…。！？"
_CLOSERS = "\"'”’»›)]}*_"


# -- text helpers ----------------------------------------------------------------------

@lru_cache(maxsize=4096)  # the same headline and site names are compared by several checks
def _norm(text: str | None) -> str:
    """For comparing titles: entities decoded, quotes/dashes unified, spaces collapsed,
    case folded."""
    if not text:
        return ""
    text = htmllib.unescape(htmllib.unescape(text))
    for a, b in fp.PUNCT_REPLACEMENTS:
        text = text.replace(a, b)
    return " ".join(text.split()).casefold().strip(" .")


_WORDS = re.compile(r"\w+")
_ASCII_WORDS = re.compile(r"[a-z0-9_]+")  # \w on case-folded ASCII text: a cheaper class


def _words(text: str) -> list[str]:
    low = text.casefold()
    return _ASCII_WORDS.findall(low) if low.isascii() else _WORDS.findall(low)


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if (a or b) else 1.0


def _first_three(finds: list[str]) -> str:
    """A check's findings for its one-line message: the first three, and how many more."""
    more = f" (+{len(finds) - 3} more)" if len(finds) > 3 else ""
    return "; ".join(finds[:3]) + more


def _quote(text: str, n: int = 80) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= n else text[: n - 1] + "…")


def _excerpt(text: str, start: int, end: int, pad: int = 25) -> str:
    a = text.rfind(" ", 0, max(0, start - pad))
    b = text.find(" ", min(len(text), end + pad))
    return _quote(text[a + 1 if a >= 0 else 0: b if b >= 0 else len(text)], 70)


# -- what the page itself says ------------------------------------------------------------

class PageHints:
    """Independent evidence from the raw page: site names, og:title, JSON-LD, bylines."""

    _BYLINE_SEL = ('[rel~="author"], [itemprop~="author"], [data-author], [data-byline], '
                   '[class*="byline"], [class*="Byline"], [class*="author-name"], '
                   '[class*="author__name"], [class*="metadata__name"], [class*="__author"], '
                   '[class*="post-author"], .author, a[href*="/author/"], a[href*="/authors/"], '
                   'a[href*="/writer/"], a[href*="/people/"]')

    def __init__(self, html: "str | bytes | Page", url: str) -> None:
        # the page the item was extracted from, parsed once (extract.page): its tree,
        # text index and JSON-LD are the extraction's and the fingerprint's too
        self._parsed = parsed_of(html)
        self.tree = self._parsed.tree
        self.url = url
        self._furniture_memo: dict[int, bool] = {}
        self.meta: dict[str, list[str]] = self._parsed.memo("checks:meta", _meta_values)

    @cached_property
    def ld(self) -> JsonLd:
        return jsonld_of(self._parsed, self.url)

    @cached_property
    def jsonld(self) -> tuple[list[str], list[str], list[str]]:
        """(the article's headline, its author names, organisation names), read by the
        project's one JSON-LD reader (pressguard.extract.jsonld)."""
        ld = self.ld
        headline = ld.headline()
        persons = [n for raw in ld.author_names() for n in _split_names(htmllib.unescape(raw))]
        orgs = [htmllib.unescape(n) for n in ld.organization_names()]
        return ([htmllib.unescape(headline)] if headline else []), persons, orgs

    @cached_property
    def site_names(self) -> list[str]:
        names = [s.title for s in SITES.values()]
        names += self.meta.get("og:site_name", []) + self.meta.get("application-name", [])
        names += self.jsonld[2]
        site = site_for_url(self.url)
        if site is not None:
            names += [site.title, site.domain, site.name]
        return [n for n in names if n]

    @cached_property
    def og_title(self) -> str:
        vals = self.meta.get("og:title") or self.meta.get("twitter:title") or []
        return vals[0] if vals else ""

    def _furniture_at(self, node) -> bool:
        """Is node, or an element above it, page furniture (fingerprint.in_furniture's
        rule)? Memoised per element, so asking for every node of a page is linear."""
        memo = self._furniture_memo
        path = []
        n = node
        while n is not None and n.tag not in ("body", "html") and n.mem_id not in memo:
            path.append(n)
            n = n.parent
        state = memo.get(n.mem_id, False) if n is not None else False
        for el in reversed(path):
            if not state:
                cls = (el.attributes.get("class") or "").lower()
                words = set(fp._CLASS_SPLIT.split(cls)) if cls else set()
                furniture = words & fp._FURNITURE_WORDS
                # an author card ("author-card", "byline-card") presents this page's author;
                # a card or tile naming anything else is a teaser of another page
                if furniture and furniture <= _CARD_WORDS and words & {"author", "authors", "byline"}:
                    furniture = set()
                state = el.tag in fp._FURNITURE_TAGS or bool(furniture)
            memo[el.mem_id] = state
        return state

    def _in_furniture(self, node) -> bool:
        return node.parent is not None and self._furniture_at(node.parent)

    def shows(self, text: str, *, author_boxes: bool = True) -> bool:
        """Is text visible on the page outside furniture (tiles, menus, sidebars), and
        outside author boxes when author_boxes is False?"""
        if fp.squash(text) not in self.index.full:
            return False
        found = self.index.locate(text, slack=4, extra=300)
        return not found or any(not self._in_furniture(el) and not _in_tile(el, self.url)
                                and (author_boxes or not _in_author_box(el)) for _, el in found)

    def locate(self, text: str):
        """The element text most likely came from (fingerprint._primary's choice, outside
        furniture first, then the first on the page), or None."""
        found = self.index.locate(text, slack=1.3, extra=30)
        if not found:
            return None
        return min(found, key=lambda pe: (self._in_furniture(pe[1]), pe[0]))[1]

    @cached_property
    def bylines(self) -> list[tuple[Any, str]]:
        """(element, text) of the byline elements outside furniture, outermost only:
        elements marked as bylines, author-page links, and short texts that read as one
        ("By A", "Written by A and B", "Words by A")."""
        body = self.tree.body
        if body is None:
            return []
        covered: set[int] = set()  # bylines taken, and candidates inside them
        picked = []
        # the byline selector's elements, from the page's one scan (verdict.page_scan)
        for node in [*page_scan(self._parsed).bylines, *self._text_bylines()]:
            if node.mem_id in covered:
                continue
            # inside a byline already taken? (candidates come in document order, outer first)
            if _inside_any(node, covered):
                covered.add(node.mem_id)
                continue
            cls = (node.attributes.get("class") or "").lower()
            if _NOT_BYLINE_CLASS.search(cls):
                continue
            if node.tag in ("img", "meta", "link") or self._in_furniture(node) or _in_tile(node):
                continue
            if self._in_another_article(node):
                continue
            covered.add(node.mem_id)
            text = " ".join(node.text(deep=True, separator=" ").split())
            if text and len(text) <= 200:
                picked.append((node, text))
        return picked

    @cached_property
    def _main_article(self):
        """The <article> element holding the page's first <h1>, or None."""
        h1 = self.tree.body.css_first("h1") if self.tree.body is not None else None
        return _enclosing(h1, "article") if h1 is not None else None

    def _in_another_article(self, node) -> bool:
        """Inside an <article> other than the page's own (the next story appended below,
        a comment rendered as an article)? Those bylines are not this article's. When the
        page's <h1> is in no <article> (a template that wraps the story in divs), an
        <article> is another story's when its own title comes before the byline in it."""
        own = _enclosing(node, "article")
        if own is None:
            return False
        main = self._main_article
        if main is not None:
            return own.mem_id != main.mem_id
        title = _title_before(own, node)
        # a story titled as the page's metadata titles it is this page's own
        return title is not None and not any(_titles_agree(title, t) for t in
                                             [self.og_title, *self.jsonld[0]] if t)

    def _text_bylines(self) -> list:
        """Elements whose text opens like a byline ("By", "Written by" ...), found from the
        page's text nodes in one pass; the element is the text's parent, or the one above
        when the names sit in sibling links ("By <a>A</a> and <a>B</a>")."""
        out = []
        index = self.index
        full = index.full
        for i, start in enumerate(index.starts):
            if not full.startswith(_BY_PREFIXES, start):  # squashed: cheaper than the node
                continue
            text_node = index.nodes[i][1]
            raw = (text_node.text_content or "").lstrip()
            if len(raw) > 200 or not _BY_OPENING.match(raw):
                continue
            el = text_node.parent
            for _ in range(3):
                if el is None or el.tag in ("body", "html"):
                    break
                text = " ".join(el.text(deep=True, separator=" ").split())
                if len(text) > 200:
                    break
                rest = _BY.sub("", text)
                if len(rest) >= 3:
                    if rest[0].isupper() and len(text.split()) <= 16:  # "By the end of ..." is prose
                        out.append(el)
                    break
                el = el.parent
        return out

    @cached_property
    def index(self) -> fp.TextIndex:
        return fp.text_index(self._parsed)

    @cached_property
    def reading_minutes(self) -> int | None:
        """The "N min read" label's N, if the page has one (found in the squashed page text,
        then read in the text node it sits in, where the words still have their spaces)."""
        index = self.index
        at = index.full.find("minread")
        if at < 0:
            at = index.full.find("minutesread")
        if at < 0:
            return None
        el = index.text_node_at(at).parent
        if not same_line(el, index.text_node_at(index.full.find("read", at))):
            return None  # "38 min" and a "Read the transcript" button after it: no label
        for _ in range(3):  # the number may sit in its own element: <b>5</b> min read
            if el is None:
                break
            m = READING_TIME.search(" ".join(el.text(deep=True, separator=" ").split())[:300])
            if m:
                return int(m.group(1))
            el = el.parent
        return None

    @cached_property
    def comment_sections(self) -> list:
        """The page's comment sections: elements whose class or id says so, the outermost
        of each nest (an element wrapping the article too is the caller's to skip, so the
        ones inside it are kept)."""
        body = self.tree.body
        if body is None:
            return []
        covered: set[int] = set()
        out = []
        for node in page_scan(self._parsed).comments:  # page_scan.COMMENT_SELECTOR's elements
            marker = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".lower()
            marker = _COMMENT_STATE.sub(" ", marker)
            if _COMMENT_WORDS.isdisjoint(fp._CLASS_SPLIT.split(marker)):
                continue
            if _inside_any(node, covered):
                covered.add(node.mem_id)
            elif node.css_first("h1") is None:  # else it wraps the article's head too
                covered.add(node.mem_id)
                out.append(node)
        return out

    @cached_property
    def description(self) -> str:
        vals = self.meta.get("og:description") or self.meta.get("description") or []
        return htmllib.unescape(vals[0]) if vals else ""

    @cached_property
    def visible_h1(self) -> str:
        """The text of the page's first <h1> outside furniture ("" if none)."""
        for h1 in page_scan(self._parsed).h1s:  # "body h1", from the page's one scan
            if self._in_furniture(h1):
                continue
            text = animated_label(h1, node_text(h1))  # an icon's <svg><title> is no headline text
            if len(text.split()) >= 3:
                return text
        return ""

    @cached_property
    def byline_persons(self) -> list[str]:
        names = []
        for _, text in self.bylines:
            names += [n for n in _split_names(text) if _person_problem(n, self.site_names) is None]
        return names

    @cached_property
    def avatar_persons(self) -> list[str]:
        """Names in the alt text of author pictures ("Image of Jorge Aguilar") next to where
        a byline was: a template that drops the byline's text often keeps the picture."""
        names = []
        body = self.tree.body
        for img in body.css("img[alt]") if body is not None else []:
            near = " ".join((n.attributes.get("class") or "") for n in (img, img.parent, img.parent.parent
                                                                        if img.parent is not None else None)
                            if n is not None).lower()
            if "author" not in near or "bio" in near or self._in_furniture(img) or _in_tile(img):
                continue
            alt = _AVATAR_WORDS.sub("", img.attributes.get("alt") or "")
            names += [n for n in _split_names(alt) if _person_problem(n, self.site_names) is None]
        return names

    @cached_property
    def hinted_persons(self) -> list[tuple[str, str]]:
        """(name, where) of every person the page names as its author."""
        out = [(n, "byline") for n in self.byline_persons]
        out += [(n, "author picture") for n in self.avatar_persons]
        out += [(n, "JSON-LD") for n in self.jsonld[1] if _person_problem(n, self.site_names) is None]
        for raw in self.meta.get("author", []):
            out += [(n, "meta author") for n in _split_names(raw)
                    if _person_problem(n, self.site_names) is None]
        return out


def _meta_values(tree) -> dict[str, list[str]]:
    """{property/name/itemprop: [content, ...]} of every <meta content> on the page."""
    meta: dict[str, list[str]] = {}
    for node in tree.css("meta[content]"):
        attrs = node.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key:
            meta.setdefault(key, []).append(" ".join((attrs.get("content") or "").split()))
    return meta


_AVATAR_WORDS = re.compile(r"^\s*(?:image|photo|picture|avatar|portrait|headshot)\s+of\s+|'s\s+avatar\s*$"
                           r"|\s+(?:avatar|profile (?:picture|photo)|headshot)\s*$", re.I)


def _in_author_box(node) -> bool:
    """Inside the box about the author (picture, bio, links) that ends many articles? It
    names the author of every article they wrote, not this page's byline."""
    n = node
    for _ in range(6):
        if n is None or n.tag in ("body", "article", "main"):
            return False
        words = set(fp._CLASS_SPLIT.split((n.attributes.get("class") or "").lower()))
        if "bio" in words or ("author" in words and words & {"box", "about", "card", "profile", "info"}):
            return True
        n = n.parent
    return False


_CARD_WORDS = frozenset({"card", "cards", "tile", "tiles"})


_TITLE_TAGS = frozenset({"h1", "h2", "h3"})


def _title_before(article, node) -> str | None:
    """The text of the heading that opens article before node (its title, then its
    byline), or None."""
    for el in article.traverse(include_text=False):
        if el.mem_id == node.mem_id:
            return None
        if el.tag in _TITLE_TAGS:
            text = " ".join(el.text(deep=True).split())
            if text:
                return None if _inside_any(node, {el.mem_id}) else text
    return None


def _enclosing(node, tag: str):
    """The nearest element above node with this tag (a bounded walk), or None."""
    n = node.parent
    for _ in range(_BYLINE_NESTING):
        if n is None or n.tag in ("body", "html"):
            return None
        if n.tag == tag:
            return n
        n = n.parent
    return None


def _inside_any(node, taken: set[int]) -> bool:
    """Is node inside one of the elements taken (by mem_id)? A bounded walk up keeps
    deep nesting linear."""
    n = node.parent
    for _ in range(_BYLINE_NESTING):
        if n is None:
            return False
        if n.mem_id in taken:
            return True
        n = n.parent
    return False


_AUTHOR_PAGE = re.compile(r"/(author|authors|people|profile|staff|writers?)/")


def _in_tile(node, own_url: str = "") -> bool:
    """Inside a link to another page (a teaser card)? Bylines are not links' children
    except their own author link; a permalink to the page itself (a headline many
    themes print as a link) is no teaser."""
    n = node.parent
    for _ in range(6):
        if n is None:
            return False
        href = n.attributes.get("href") or "" if n.tag == "a" else ""
        if (n.tag == "a" and not _AUTHOR_PAGE.search(href)
                and not (own_url and _same_page(href, own_url))):
            return True
        n = n.parent
    return False


def _same_page(href: str, url: str) -> bool:
    """Does href (absolute or root-relative) point at url, fragment and trailing slash aside?"""
    def key(u: str) -> str:
        u = u.split("#", 1)[0].rstrip("/")
        return u.split("://", 1)[-1].split("/", 1)[-1] if "://" in u else u.lstrip("/")
    return bool(href) and not href.startswith("#") and key(href) == key(url)


_NOT_BYLINE_CLASS = re.compile(r"avatar|image|img|photo|bio|box|description|about|social|follow|label")
_BYLINE_NESTING = 64  # how far up a byline candidate looks for a byline it is part of
_BY = re.compile(r"^\s*(?:(?:(?:written|posted|published|reviewed|edited|words|story|reporting|text"
                 r"|interview|analysis)\s+)?by\b|authors?\s*:)[:\s]*", re.I)
# A text node that opens a byline: "By", "Written by", "Words by", "Author:" (capital B
# for a bare "By", so a sentence's "by the way" in a short text is no byline).
_BY_OPENING = re.compile(r"(?i:(?:written|posted|published|reviewed|edited|words|story|reporting|text)"
                         r"\s+by\b|authors?\s*:)|By\b|BY\b")
_BY_PREFIXES = ("by", "author", "written", "posted", "published", "reviewed", "edited", "words", "story",
                "reporting", "text")
# Between names, and between a name and the role or date around it.
_SPLIT = re.compile(r"\s*(?:,|;|\||·|•|&|\band\b|\s[-–—]\s|\b(?:last\s+)?(?:updated|published|posted"
                    r"|on)\b)\s*", re.I)


def _split_names(text: str) -> list[str]:
    text = _BY.sub("", " ".join(text.split()))
    return [p.strip(" .:-–—") for p in _SPLIT.split(text) if p.strip(" .:-–—")]


@lru_cache(maxsize=4096)  # every name is compared with every one of the site's names
def _squash(s: str) -> str:
    return "".join(ch for ch in s.casefold() if ch.isalnum())


_DOMAIN = re.compile(r"\.(com|net|org)\b")


_CAPS_PREFIX = re.compile(r"([A-Z]{2,4})[a-z]")


def _initials_glued(words: list[str]) -> bool:
    """"SBSana Brennan": an initials avatar's letters printed right before the name with no
    space, so the name's own initials lead its first word (not "McKay", "DeShawn": one capital
    before the lower case)."""
    m = _CAPS_PREFIX.match(words[0]) if words else None
    if m is None:
        return False
    caps = m.group(1)
    rest = [words[0][len(caps) - 1:]] + words[1:]
    return caps[:-1] == "".join(w[0] for w in rest)[: len(caps) - 1] and len(rest) >= len(caps) - 1


def _person_problem(name: str, site_names) -> str | None:
    """None when name looks like a person's; else why not."""
    if not isinstance(name, str) or not name.strip():
        return "an empty name"
    name = " ".join(name.split())
    low = name.casefold()
    if "@" in name or "://" in name or low.startswith("www.") or _DOMAIN.search(low):
        return "an e-mail, handle or URL"
    key = _squash(name)
    for site in site_names:
        s = _squash(site)
        if s and (key == s or (len(s) >= 5 and s in key)):
            return "the site's name"
    if any(ch.isdigit() for ch in name):
        return "digits in a name"
    if name.endswith(_ELLIPSIS):
        return "a name cut short (an ellipsis at its end: a fixed-width byline truncated it)"
    words = name.split()
    lowered = [w.strip(".,'’()").casefold() for w in words]
    if any(w in NOT_PERSON for w in lowered):
        hit = next(w for w in lowered if w in NOT_PERSON)
        if hit in {"getty", "images", "image", "photo", "photos", "photograph", "photography",
                   "shutterstock", "alamy", "screenshot", "screengrab", "courtesy", "via",
                   "credit", "credits", "unsplash"}:
            return "a photo credit"
        return "a collective byline, not a person"
    core = [w for w, l in zip(words, lowered) if l not in PARTICLES]
    if _initials_glued(core):
        return f"initials glued to the name ({core[0]!r}: an avatar's text read into it)"
    if not 2 <= len(core) <= 4:
        return f"{len(core)} word{'s' if len(core) != 1 else ''}, not 2-4"
    cased = [w for w in core if any(ch.isupper() or ch.islower() for ch in w)]
    for w in cased:
        first = next((ch for ch in w if ch.isalpha()), "")
        if first and not first.isupper():
            return "a word not capitalised"
    return None


# -- the checks -------------------------------------------------------------------------

class _Context:
    def __init__(self, item, html, second_opinion, recorded, current, source_complete, profile=None,
                 template_diffs=None):
        self.item = item
        self.profile = profile
        self.url = item.get("url") or "?"
        # html may be the Page the item was extracted from: its tree is read, not a new parse
        self._source = html
        self.html = html.raw if isinstance(html, Page) and html.raw is not None else html
        self.second = second_opinion
        self.recorded = recorded
        self.current = current
        self.source_complete = source_complete
        self.body = [p for p in (item.get("body") or []) if isinstance(p, str) and p.strip()]
        self._para_words: dict[str, list[str]] = {}  # words_of's memo
        self.template_diffs: list[dict] | None = template_diffs  # compare(recorded, current), when known

    @cached_property
    def page(self) -> PageHints | None:
        return PageHints(self._source, self.url) if self._source is not None else None

    @cached_property
    def site_names(self) -> list[str]:
        if self.page is not None:
            return self.page.site_names
        names = [s.title for s in SITES.values()]
        site = site_for_url(self.url) or SITES.get(self.item.get("site") or "")
        if site is not None:
            names += [site.domain, site.name]
        return names

    # Views of the body several checks read, each made once per item.

    def words_of(self, para: str) -> list[str]:
        """_words(para), read once per item for each distinct paragraph: the body's word
        set, the second opinion's (mostly the same paragraphs), the topic words and the
        English share are all made from it. (A word never spans two paragraphs, and
        casefold maps characters one by one, so the words of the joined body are the
        paragraphs' words.)"""
        words = self._para_words.get(para)
        if words is None:
            words = self._para_words[para] = _words(para)
        return words

    @cached_property
    def body_words(self) -> set[str]:
        """The body's distinct words (_words)."""
        return set(chain.from_iterable(map(self.words_of, self.body)))

    @cached_property
    def body_spaced(self) -> list[str]:
        """Every body paragraph with its whitespace collapsed (" ".join(p.split()))."""
        return [" ".join(p.split()) for p in self.body]

    @cached_property
    def body_keys(self) -> list[str]:
        """Every body paragraph as the repeat tests compare it: spaced, case-folded."""
        return [p.casefold() for p in self.body_spaced]

    @cached_property
    def word_total(self) -> int:
        """The body's whitespace-separated words (_word_total)."""
        return _word_total(self.body)

    @cached_property
    def body_squashed(self) -> list[str]:
        """Every body paragraph squashed (fingerprint.squash), to be found in other text."""
        return [fp.squash(p) for p in self.body]

    @cached_property
    def body_squashed_text(self) -> str:
        """The whole body squashed: squash(" ".join(body)), as squash drops whitespace and
        maps characters one by one."""
        return "".join(self.body_squashed)

    def fail(self, check: str, expected: str, found: str) -> str:
        return f"{check}: {self.url}: expected {expected}, found {found}"


_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){3,}")  # four or more words: "half-life-3" is a title


def _said_twice(title: str) -> bool:
    """The same run of three words or more, twice in a row, making the whole title
    ("New York, New York" and "Talk Talk" are titles: their halves are shorter)."""
    words = [w for w in (_norm(x).strip(".,:;!?") for x in title.split()) if w]
    half = len(words) // 2
    return len(words) % 2 == 0 and half >= 3 and words[:half] == words[half:]


def check_headline(c: _Context) -> str:
    h = " ".join((c.item.get("headline") or "").split())
    if not h:
        return c.fail("headline", "a headline", "none")
    low = _norm(h)
    for site in c.site_names:
        if low == _norm(site):
            return c.fail("headline", "the article's headline", f"{_quote(h)} (the site's name)")
    if low in GENERIC_TITLES or low.rstrip("!.") in GENERIC_TITLES:
        return c.fail("headline", "the article's headline", f"{_quote(h)} (a generic page title)")
    if len(h) > MAX_HEADLINE:
        return c.fail("headline", f"a headline of at most {MAX_HEADLINE} characters",
                      f"{len(h)} characters: {_quote(h, 60)}")
    if _SLUG.fullmatch(h):
        # a title field mapped to the post's slug: words joined by hyphens, no space, lower case
        return c.fail("headline", "the article's headline", f"{_quote(h)} (a URL slug)")
    if _said_twice(h):
        # two title fields printed into one <h1>: "Title Title"
        return c.fail("headline", "the article's headline", f"{_quote(h, 70)} (the same title given twice)")
    if c.page is not None and c.page.tree.body is not None:
        # A metadata headline that differs from what readers see: the visible one wins.
        h1 = c.page.visible_h1
        if h1 and not _titles_agree(h, h1) and _norm(h1) not in {_norm(n) for n in c.site_names}:
            metas = [("JSON-LD", x) for x in c.page.jsonld[0][:1]]
            if c.page.og_title:
                metas.append(("og:title", _strip_site(htmllib.unescape(c.page.og_title), c.site_names)))
            for where, other in metas:
                if _titles_agree(h, other) and not _titles_agree(h1, other):
                    return c.fail("headline", f"the visible headline {_quote(h1, 70)} (the page's <h1>)",
                                  f"{_quote(h, 70)} (the {where} headline, which differs)")
        # The headline is what readers see: one found only in <title>, og:title or JSON-LD
        # is a template that stopped printing it (or printed another).
        if not c.page.shows(h):
            return c.fail("headline", "the headline the page shows",
                          f"{_quote(h)}, which the page shows nowhere outside teaser tiles and menus")
    return incidents.headline_finding(c) or "ok"


def check_authors(c: _Context) -> str:
    authors = c.item.get("authors")
    if authors is None:
        authors = []
    if not isinstance(authors, list):
        return c.fail("authors", "a list of person names", repr(authors))
    bad, why = [], []
    for name in authors:
        problem = _person_problem(name, c.site_names)
        if problem:
            bad.append(name)
            if problem not in why:
                why.append(problem)
    if bad:
        return c.fail("authors", "person names", f"{bad!r} ({'; '.join(why)})")
    page = c.page
    if not authors:
        if page is not None:
            hinted = page.hinted_persons
            if hinted:
                where = sorted({w for _, w in hinted})
                names = list(dict.fromkeys(n for n, _ in hinted))
                return c.fail("authors", f"the person the page names ({', '.join(names[:3])} in "
                                         f"{', '.join(where)})", "[]")
        elif c.second and c.second.get("authors"):
            return c.fail("authors", f"the author the second opinion found "
                                     f"({', '.join(map(str, c.second['authors'][:3]))})", "[]")
        return incidents.authors_finding(c) or "ok"
    if page is not None and page.tree.body is not None and not page.bylines and \
            not all(page.shows(a, author_boxes=False) for a in authors):
        # JSON-LD and <meta name=author> go stale; readers see the byline (marked as one,
        # or at least the names, outside tiles, menus and bio boxes)
        return c.fail("authors", f"a byline on the page naming {authors!r}",
                      "no byline on the page (only its metadata names them)")
    if page is not None and page.bylines:
        text = _squash(" ".join(t for _, t in page.bylines))
        # a byline may print "Surname, Given name" (a directory-style display setting)
        missing = [a for a in authors if _squash(a) not in text
                   and _squash(" ".join(a.split()[-1:] + a.split()[:-1])) not in text]
        if missing:
            shown = "; ".join(_quote(t, 50) for _, t in page.bylines[:2])
            return c.fail("authors", f"names from the page's byline ({shown})",
                          f"{missing!r} in no byline element")
        # a name the byline credits only for another job (reviewing, editing, pictures)
        # is no writer: the page names none
        texts = [" ".join(t.split()) for _, t in page.bylines]
        credited = [a for a in authors if _only_other_role(a, texts)]
        if credited and len(credited) == len(authors):
            return c.fail("authors", "the writer the byline names",
                          f"{credited!r}, credited in {_quote(texts[0], 60)} for another role "
                          "(not as the writer)")
    return "ok"


# Roles a byline credits besides writing; a translator is left out (sites credit translators
# as authors, and both readings are right).
_OTHER_ROLE = re.compile(r"(?:(?:reviewed|edited|fact[- ]?checked|checked|verified|updated|produced|"
                         r"illustrated|photographed)(?: and [a-z-]+)?|(?:photography|photos?|"
                         r"illustrations?|images?|video|graphics|design|editing)) by\s*:?\s*$", re.I)


def _only_other_role(name: str, texts: list[str]) -> bool:
    """Does every mention of name in the byline texts follow a non-writing role ("Reviewed
    by", "Photography by")?"""
    seen = False
    for text in texts:
        for start in _mentions(name, text):
            seen = True
            if not _OTHER_ROLE.search(text[max(0, start - 40): start]):
                return False
    return seen


def _mentions(name: str, text: str):
    """Where name stands in text, case-insensitively (re.finditer's matches of it): ASCII
    text by str.find, with no pattern compiled per name (~60 us each)."""
    if not (name.isascii() and text.isascii()):
        yield from (m.start() for m in re.finditer(re.escape(name), text, re.I))
        return
    low, key = text.lower(), name.lower()
    at = low.find(key)
    while at >= 0:
        yield at
        at = low.find(key, at + max(len(key), 1))


def check_body_length(c: _Context) -> str:
    kind = c.item.get("page_kind")  # the layout-free extractor saw no article on the page
    if kind:
        return c.fail("body_length", "an article page with a body",
                      f"a {kind} page, not an article (no body taken from it)")
    words = c.word_total
    if words < MIN_WORDS or len(c.body) < MIN_PARAGRAPHS:
        return c.fail("body_length", f">= {MIN_WORDS} words in >= {MIN_PARAGRAPHS} body paragraphs",
                      f"{words} words in {len(c.body)} paragraphs")
    return "ok"


def check_boilerplate(c: _Context) -> str:
    hits = []
    first_names = {a.split()[0] for a in c.item.get("authors") or [] if isinstance(a, str) and a.split()}
    table = _BOILERPLATE.narrowed(c.body)  # each literal looked for once in the body
    for i, para in enumerate(c.body, 1):
        found = table.first(para)
        if found is not None:
            name, m = found
            hits.append(f"{_excerpt(para, m.start(), m.end())} ({name}) in paragraph {i}")
        else:
            # the extractor's own whole-paragraph furniture (one table: extract.boilerplate);
            # read as a subheading's text, since a kept "Verdict" heading is article text
            if is_boilerplate_text(para, "h2"):
                hits.append(f"{_quote(para, 60)} (furniture text) in paragraph {i}")
                continue
            first = para.split(" ", 1)[0]
            if first in first_names and re.match(
                    r"\S+(?: \S+)? (?:has|is|was)\b.{0,120}\b(?:writer|editor|journalist|reporter|"
                    r"covered|written for|worked for)\b", para):
                hits.append(f"{_quote(para, 60)} (author bio) in paragraph {i}")
    if hits:
        return c.fail("boilerplate", "article text only in the body", _first_three(hits))
    return "ok"


# A whole whitespace-delimited token that is an orphan suffix once _TOKEN_STRIP is
# stripped from its ends (the suffixes' letters are not in it): one search per paragraph
# instead of a look at every token.
_ORPHAN_TOKEN = re.compile(
    r"(?<!\S)[%s]*(?:%s)[%s]*(?!\S)" % (re.escape(_TOKEN_STRIP),
                                      "|".join(sorted(ORPHAN_SUFFIXES, key=len, reverse=True)),
                                      re.escape(_TOKEN_STRIP)))


def _orphans(para: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _ORPHAN_TOKEN.finditer(para):
        raw = m.group(0)
        tok = raw.strip(_TOKEN_STRIP)
        if tok not in ORPHAN_SUFFIXES:
            continue
        if raw[0] in "'’" or "-" in raw:  # "’s", hyphenated
            continue
        before = para[: m.start()].rstrip()
        if before.endswith(("'", "’", "-")):
            continue
        out.append((m.start(), m.end(), f"orphan suffix {tok!r}"))
    return out


def _last_is_exempt(c: _Context, last: str) -> bool:
    """The last paragraph is a list item, a table row or a heading on the page."""
    if c.page is None:
        return False
    found = c.page.index.locate(last, slack=1.2, extra=20)
    return any(el.tag in ("li", "td", "th", "dd", "dt", "h2", "h3", "h4", "h5", "h6") or
               (el.parent is not None and el.parent.tag == "li") for _, el in found)


def check_truncation(c: _Context) -> str:
    finds = []
    for i, para in enumerate(c.body, 1):
        # an orphan suffix stands between spaces or _TOKEN_STRIP's marks: it is one of the
        # paragraph's words (c.words_of, case-folded: a superset)
        spots = [] if ORPHAN_SUFFIXES.isdisjoint(c.words_of(para)) else _orphans(para)
        spots += [(m.start(), m.end(), "a missing word") for m in _GAP.finditer(para)]
        for m in _LOWER_START.finditer(para):
            prev = para[: m.start(1)].rsplit(" ", 1)[-1].strip(_TOKEN_STRIP).casefold()
            if prev.rstrip(".") in _ABBREV or len(prev) <= 1 or "." in prev:
                continue
            spots.append((m.start(2), m.end(2), "a sentence starting in lower case"))
        for start, end, why in sorted(spots)[:2]:
            finds.append(f"{_excerpt(para, start, end)} ({why}) in paragraph {i}")
    if c.source_complete and c.body:
        last = c.body[-1].rstrip()
        end = last
        while end and (end[-1] in _CLOSERS or unicodedata.category(end[-1])[0] in "SZCM"):
            end = end[:-1].rstrip()
        if end and end[-1] not in _TERMINAL and not _last_is_exempt(c, last):
            finds.append(f"last paragraph ending {_quote(last[-40:], 45)} (no terminal punctuation)")
    if finds:
        return c.fail("truncation", "whole words and a complete last sentence in the body",
                      _first_three(finds))
    return "ok"


@lru_cache(maxsize=1024)
def _site_suffix(name: str) -> "re.Pattern":
    """ " - Site" (any dash, bar or colon) at the end of a title."""
    return re.compile(r"\s*[\-\u2013\u2014|:·•]\s*" + re.escape(name) + r"\s*$", re.I)


def _strip_site(title: str, site_names) -> str:
    for name in sorted({n for n in site_names if n}, key=len, reverse=True):
        cut = _site_suffix(name).sub("", title)
        if cut != title and cut:
            return cut
    return title


_ELLIPSIS = ("\u2026", "...")
SEGMENT_MAX_WORDS = 4  # a dateline, a section or a site label; a reworded title is longer
_SEGMENT_SEP = re.compile(r"\s*[\-\u2013\u2014|:·•/]\s*")


def _segment_difference(headline: str, other: str, removed: bool = True) -> str | None:
    """How headline differs from another source's title when that title is the headline
    with a short labelled segment added or cut off, or when the headline is the title cut
    short: "a cut ending in '…'", "an added leading segment 'LOS ANGELES —'". Word overlap
    calls such titles agreeing; they are different headlines all the same (a dateline or
    section printed into the h1, a card title's cut), and one of them is not the title.
    removed=False: a segment the other title has and the headline lacks is not judged (an
    og:title is an SEO title: "Title | News" after the site's name is cut)."""
    h, o = _norm(headline), _norm(other)
    if not h or not o or h == o:
        return None
    # a cut: the headline ends in an ellipsis and the other title goes on past it
    if headline.rstrip().endswith(_ELLIPSIS):
        stem = h.rstrip(".\u2026 ")
        if len(stem) >= 10 and o.startswith(stem) and len(o) > len(stem) + 3:
            return f"a cut ending in {_quote(headline[-20:].strip(), 24)}"
    for longer, shorter, what in ((h, o, "added"), (o, h, "removed")):
        if len(longer) <= len(shorter) or (what == "removed" and not removed):
            continue
        if longer.endswith(shorter):
            extra, side = longer[: len(longer) - len(shorter)], "leading"
        elif longer.startswith(shorter):
            extra, side = longer[len(shorter):], "trailing"
        else:
            continue
        # the segment stands apart from the title by a separator, and is a label, not a phrase
        sep = re.search(r"[\-\u2013\u2014|:·•/]\s*$" if side == "leading" else r"^\s*[\-\u2013\u2014|:·•/]",
                        extra)
        label = _SEGMENT_SEP.sub(" ", extra).strip()
        if sep and label and len(label.split()) <= SEGMENT_MAX_WORDS:
            return f"an {what} {side} segment {_quote(label, 40)}"
    return None


def _titles_agree(a: str, b: str) -> bool:
    na, nb = _norm(a), _norm(b)
    if na == nb or na.startswith(nb.rstrip(". ")) or nb.startswith(na.rstrip(". ")):
        return True
    return _jaccard(set(_words(na)), set(_words(nb))) >= HEADLINE_JACCARD


# -- topic: does the body talk about what the headline says? ------------------------------

# Common English words. Those of four letters or more say nothing about a story's subject
# (_TOPIC_SKIP); all of them together are a third of any English prose (text_quality).
_COMMON_LONG = frozenset("""
    about after again also back been before being best come does each even ever every from
    have here into just know last like made make many more most much next only other over
    some such than that their them then there these they this those very want were what
    when where which while will with your
    """.split())
ENGLISH_COMMON = _COMMON_LONG | frozenset("""
    a an the of to in on at by for as is are was be am it its he she we you i his her our
    my and or but not no so if who how all any one two do did has had can may up out new
    """.split())
_TOPIC_SKIP = _COMMON_LONG
TOPIC_MIN_WORDS = 3  # fewer subject words in a headline ("Verdict") say nothing
TOPIC_TRUST = 0.5  # a site whose recorded bodies share less with their headlines is not judged
TOPIC_SHARE = 0.34  # a body sharing under a third of the site's least is another story's


_TOPIC_WORD = re.compile(r"[^\W\d_]{4,}")
_ASCII_TOPIC_WORD = re.compile(r"[a-z]{4,}")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _uncombined(m: "re.Match") -> str:
    return "".join(ch for ch in m.group(0) if not unicodedata.combining(ch))


def _url_slug(url: str) -> str:
    """The URL's last path segment as words ("/news/man-wins-prize/" -> "man wins prize")."""
    return (url or "").split("?")[0].rstrip("/").rsplit("/", 1)[-1].replace("-", " ")


def _topic_words(text: str) -> set[str]:
    """Words of four letters or more, case and accents folded ("Café" and the slug's "cafe")."""
    low = text.casefold()
    if low.isascii():  # nothing to decompose: the letters are [a-z]
        return set(_ASCII_TOPIC_WORD.findall(low)) - _TOPIC_SKIP
    folded = unicodedata.normalize("NFKD", low)
    if not folded.isascii():  # an ASCII character is never a combining mark
        folded = _NON_ASCII.sub(_uncombined, folded)
    return set(_TOPIC_WORD.findall(folded)) - _TOPIC_SKIP


def topic_share(headline: str | None, url: str, body: list[str], *,
                body_words: set[str] | None = None) -> float | None:
    """The share of the headline's subject words (the headline's and the URL slug's) that
    the body uses; None for a headline of too few such words. A story's body names what
    its headline names; another story's body (a stale fragment cache, a wrong post ID)
    does not. Sites differ (a listicle's headline words may all be in it, a pun headline
    none), so the check compares with the site's own recorded pages (site_profile)."""
    topic = _topic_words(headline or "") | _topic_words(_url_slug(url))
    if len(topic) < TOPIC_MIN_WORDS:
        return None
    if body_words is not None and all(map(str.isascii, body)):
        # body_words: the body's _words, already read (the checks' _Context.body_words)
        return len(_topic_words_among(topic, body_words)) / len(topic)
    # paragraph by paragraph (a word never spans two): most are ASCII, read the cheap way
    said = set().union(*map(_topic_words, body))
    return len(topic & said) / len(topic)


def _topic_words_among(topic: set[str], words: set[str]) -> set[str]:
    """The words of topic an ASCII text uses (topic & its _topic_words), read off the
    text's _words: in ASCII text a run of 4+ letters is one of its words, or a run inside
    a word with digits or underscores ("covid19")."""
    said = topic & words
    rest = topic - said
    if rest:
        for word in filterfalse(str.isalpha, words):
            said |= rest.intersection(_ASCII_TOPIC_WORD.findall(word))
    return said


def check_agreement(c: _Context) -> str:
    issues = []
    h = c.item.get("headline") or ""
    sources = []
    if c.second is not None and c.second.get("headline"):
        sources.append(("second opinion", c.second["headline"]))
    if c.page is not None:
        sources += [("JSON-LD", x) for x in c.page.jsonld[0][:1]]
        if c.page.og_title:
            sources.append(("og:title", _strip_site(htmllib.unescape(c.page.og_title), c.site_names)))
    visible = c.page.visible_h1 if c.page is not None else ""
    # JSON-LD that describes another article is a finding about the metadata (check
    # `metadata`), not about the fields the page shows, which every other source confirms
    foreign = _foreign_jsonld(c) is not None
    if foreign:
        sources = [(where, other) for where, other in sources if where != "JSON-LD"]
    if h:
        for where, other in sources:
            # checked before the stale-title allowance: a title that is the headline less a
            # dateline or an ellipsis cut shares most of its words, yet one of them is wrong
            seg = _segment_difference(h, other, removed=where == "JSON-LD") \
                if where != "second opinion" else None
            if seg:
                issues.append(f"headline {_quote(h, 60)} differing from the {where} title "
                              f"{_quote(other, 60)} by {seg}")
                continue
            said = title_says_otherwise(c, h, other) if where == "og:title" and not any(w == "JSON-LD" for w, _ in sources) else None
            if said:
                issues.append(said)  # the page's title shows that the h1 is not the story's (social_title.py)
                continue
            if where != "second opinion" and visible and _titles_agree(h, visible) and \
                    _jaccard(set(_words(_norm(other))), set(_words(_norm(h)))) >= STALE_JACCARD:
                continue  # an older version of the visible headline (a stale draft, an SEO title)
            if where == "og:title" and social_title(c, h, other, sources):
                continue  # a title rewritten for social feeds (social_title.py)
            if not _titles_agree(h, other):
                issues.append(f"headline {_quote(other, 60)} ({where}) for {_quote(h, 60)}")
        if c.page is not None and not any(where != "second opinion" for where, _ in sources):
            # no metadata title: the <title> (less the site's name) is the CMS's title too;
            # judged for an added segment or a cut only, never for wording (an SEO title)
            node = c.page.tree.css_first("title")
            title = _strip_site(htmllib.unescape(" ".join(node.text().split())), c.site_names) \
                if node is not None else ""
            seg = _segment_difference(h, title, removed=False) if title else None
            if seg:
                issues.append(f"headline {_quote(h, 60)} differing from the <title> "
                              f"{_quote(title, 60)} by {seg}")
            elif title and (said := title_says_otherwise(c, h, title)):
                issues.append(said)
    if c.second is not None:
        mine = c.body_words
        theirs = set(chain.from_iterable(c.words_of(p) for p in c.second.get("body") or [] if isinstance(p, str)))
        # a second opinion that saw no article (it named the page a listing, an error page)
        # took no body to compare: it is no opinion on the body, and the body's own checks
        # (length, completeness, markers) judge a page that really is no article
        no_opinion = not theirs and bool(c.second.get("page_kind"))
        if (mine or theirs) and not no_opinion:
            j = _jaccard(mine, theirs)
            if j < BODY_JACCARD:
                issues.append(f"body word overlap {j:.2f} with the second opinion "
                              f"({len(theirs)} distinct words vs {len(mine)}; need >= {BODY_JACCARD})")
    if c.page is not None and c.body:
        # the article's text as the CMS stored it: an excerpt of it is fine (containment, not
        # overlap), another story's text under this page's metadata is not
        ab = (c.page.ld.article or {}).get("articleBody")
        stored = set(_words(htmllib.unescape(ab))) if isinstance(ab, str) else set()
        if len(stored) >= MIN_WORDCOUNT:
            share = len(stored & c.body_words) / len(stored)
            if share < ARTICLE_BODY_SHARE:
                issues.append(f"body holding {share:.0%} of the words of the JSON-LD articleBody "
                              f"(need >= {ARTICLE_BODY_SHARE:.0%}; it opens {_quote(ab, 40)})")
            else:
                shuffled = _order_against(c.body, htmllib.unescape(ab))
                if shuffled:
                    issues.append(shuffled)
    prof = c.profile
    if prof is not None and prof.min_topic_share is not None and prof.min_topic_share >= TOPIC_TRUST \
            and c.body:
        share = topic_share(c.item.get("headline"), c.url, c.body, body_words=c.body_words)
        if share is not None and share < prof.min_topic_share * TOPIC_SHARE:
            issues.append(f"body sharing {share:.0%} of the headline's subject words (each of the "
                          f"site's {prof.pages} recorded pages shares >= {prof.min_topic_share:.0%})")
    authors = [a for a in c.item.get("authors") or [] if isinstance(a, str)]
    if c.page is not None and authors and not foreign:
        ld = [n for n in c.page.jsonld[1] if _person_problem(n, c.site_names) is None]
        if ld and {_squash(a) for a in authors} != {_squash(n) for n in ld}:
            issues.append(f"authors {ld!r} (JSON-LD) for {authors!r}")
        elif not ld:
            # no JSON-LD person: the meta author is the CMS's record of the writer; a byline
            # that shares no name with it names someone else (a cached fragment of another story)
            meta = [n for raw in c.page.meta.get("author", []) for n in _split_names(raw)
                    if _person_problem(n, c.site_names) is None]
            if meta and not {_squash(a) for a in authors} & {_squash(n) for n in meta}:
                issues.append(f"authors {meta!r} (meta author) for {authors!r}")
    if issues:
        return f"agreement: {c.url}: expected sources to agree, found " + "; ".join(issues)
    return "ok"


ORDER_MIN_PARAGRAPHS = 3  # prose paragraphs found in the stored text, to judge an order
ORDER_MAX_INVERSIONS = 0.2  # of neighbouring pairs stored the other way round


def _order_against(body: list[str], stored: str) -> str | None:
    """The body's prose paragraphs must come in the order the CMS stored them (a fragment
    cache that merges blocks out of order keeps every word). Only paragraphs found whole in
    the stored text are placed; with fewer than ORDER_MIN_PARAGRAPHS the order is not judged."""
    text = fp.squash(stored)
    placed = []
    for i, p in enumerate(body, 1):
        if _is_prose(p):
            at = text.find(fp.squash(p))
            if at >= 0:
                placed.append((at, i, p))
    if len(placed) < ORDER_MIN_PARAGRAPHS:
        return None
    swapped = [(a, b) for a, b in zip(placed, placed[1:]) if b[0] < a[0]]
    if len(swapped) < 2 or len(swapped) < ORDER_MAX_INVERSIONS * (len(placed) - 1):
        return None
    a, b = swapped[0]
    return (f"body paragraphs in another order than the JSON-LD articleBody ({len(swapped)} of "
            f"{len(placed) - 1} neighbours swapped; paragraph {a[1]} {_quote(a[2], 30)} comes "
            f"after paragraph {b[1]} {_quote(b[2], 30)} there)")


# -- metadata: does the page's structured data describe the article the page shows? --------

SLUG_SUPPORT = 0.5  # of the URL slug's subject words the visible headline must use


def _slug_share(url: str, title: str) -> float | None:
    words = _topic_words(_url_slug(url))
    if len(words) < TOPIC_MIN_WORDS:
        return None
    return len(words & _topic_words(title)) / len(words)


def _foreign_jsonld(c: "_Context") -> str | None:
    """The JSON-LD headline when the page's JSON-LD is another article's (an SEO plugin's
    cache serving one post's graph on another post: its title and its writer or date are
    not the page's), else None. The visible headline wins
    only when everything else backs it: og:title (else <title>) and the second opinion agree with it, and
    the URL's slug names it and not the JSON-LD headline. A page whose visible article is
    the foreign one (another edition, another story under cached metadata) fails that test
    (its slug names the JSON-LD headline), and the field checks judge it as before."""
    h = c.item.get("headline") or ""
    if c.page is None or not h or not c.page.jsonld[0]:
        return None
    ld = c.page.jsonld[0][0]
    if _titles_agree(h, ld) or _segment_difference(h, ld):
        return None
    # the page's own title: og:title, else the <title> less the site's name
    node = c.page.tree.css_first("title") if not c.page.og_title else None
    og = c.page.og_title or (" ".join(node.text().split()) if node is not None else "")
    og = _strip_site(htmllib.unescape(og), c.site_names)
    if not og or not _titles_agree(h, og) or _segment_difference(h, og, removed=False):
        return None
    if c.second is not None and c.second.get("headline") and not _titles_agree(h, c.second["headline"]):
        return None
    mine, theirs = _slug_share(c.url, h), _slug_share(c.url, ld)
    if mine is None or theirs is None or mine < SLUG_SUPPORT or theirs > mine / 2:
        return None
    # another article's graph differs in more than its title: its writer or its date too
    # (a lone differing JSON-LD headline stays agreement's finding about the headline)
    authors = {_squash(a) for a in c.item.get("authors") or [] if isinstance(a, str)}
    persons = {_squash(n) for n in c.page.jsonld[1]}
    other_writer = bool(authors and persons and not authors & persons)
    if not other_writer and not _other_day(c.item.get("published"), c.page.ld.date_published()):
        return None
    return ld


def _other_day(a, b) -> bool:
    """Are a and b two dates more than a day apart (False when either does not parse)?"""
    try:
        x, y = (datetime.fromisoformat(str(v).strip().replace("Z", "+00:00")) for v in (a, b))
    except (TypeError, ValueError):
        return False
    if (x.tzinfo is None) != (y.tzinfo is None):
        x, y = x.replace(tzinfo=None), y.replace(tzinfo=None)
    return abs(x - y) > timedelta(days=1)


def check_metadata(c: "_Context") -> str:
    ld = _foreign_jsonld(c)
    if ld is None:
        return "ok"
    return c.fail("metadata", "the JSON-LD to describe the page's article (headline)",
                  f"the JSON-LD headline {_quote(ld, 60)} for the headline {_quote(c.item.get('headline'), 60)} "
                  f"that og:title and the URL name")


def check_template(c: _Context) -> str:
    if not c.recorded:
        return "ok"  # nothing recorded yet to compare with
    current = c.current
    if current is None:
        if c.page is None:
            return c.fail("template", "the recorded template",
                          "no current fingerprint or html to compute one")
        current = fp.fingerprint(c.page._parsed, c.item)
    diffs = c.template_diffs if c.template_diffs is not None and current is c.current \
        else fp.compare(c.recorded, current)
    if diffs:
        return c.fail("template", "the recorded template", " | ".join(d["summary"] for d in diffs))
    return "ok"


# -- completeness: is the whole article there? --------------------------------------------

PROFILE_SHARE = 0.5  # a body shorter than half the site's shortest recorded one is cut
WORDCOUNT_SHARE = 0.7  # JSON-LD wordCount is approximate (captions, lists, headings)
WORDCOUNT_SLACK = 40  # words: short pieces are never judged on a few words
MIN_WORDCOUNT = 50  # a smaller JSON-LD wordCount is a placeholder, not a count
READING_WPM_FLOOR = 100  # "N min read": at least (N-1) * this many words
SECOND_EXTRA_WORDS = 40  # the second opinion's text outside the body worth a finding
SECOND_EXTRA_SHARE = 0.2


def _word_total(paragraphs) -> int:
    return sum(len(p.split()) for p in paragraphs)


def _int(value) -> int | None:
    if isinstance(value, list) and value:
        value = value[0]
    try:
        return int(str(value).replace(",", "").strip())
    except (TypeError, ValueError):
        return None


def _count_finding(words: int, expected: int, where: str) -> str | None:
    """Only too few words: a count above the metadata's is as often the metadata's fault (an
    excerpt in articleBody, a count from an older revision); text glued from outside the
    article is the markers' and boilerplate's to find."""
    if words < expected * WORDCOUNT_SHARE and expected - words >= WORDCOUNT_SLACK:
        return f"body: about {expected} words ({where}), found {words}"
    return None


def _is_prose(p: str) -> bool:
    """A sentence or more: 12+ words ending like a sentence."""
    return p.rstrip(_CLOSERS + " ")[-1:] in _TERMINAL and len(p.split()) >= 12  # the cheap test first


def _second_opinion_extra(c: "_Context") -> list[str]:
    """Paragraphs of article prose the layout-free extractor read that the body lacks."""
    if not c.second:
        return []
    mine = set(c.body_squashed)
    mine_text = c.body_squashed_text
    known = dict(zip(c.body, c.body_squashed))  # most of the second opinion's paragraphs are the body's
    extra = []
    for p in c.second.get("body") or []:
        if not isinstance(p, str) or not p.strip():
            continue
        s = known.get(p)
        if s is None:
            s = fp.squash(p)
        if s in mine or s in mine_text or _marker_of(p):
            continue
        extra.append(p)
    return extra


_LISTICLE = re.compile(r"^\W*(?:the\s+|our\s+)?(\d{1,2})\s+[^\W\d]")  # "10 things ...", "The 15 best ..."
_ITEM = re.compile(r"^\W*(?:#|no\.\s*)?(\d{1,2})[.):]\s+\S", re.I)  # "5. More of ...", "#3: The ..."
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
LIST_ITEM_MAX = 150  # characters: an item's heading, not a paragraph that opens with a number


def _heading_on_page(c: "_Context", text: str):
    """The heading element the page shows text in, or None."""
    for _, el in c.page.index.locate(text, slack=1.2, extra=20):
        n = el
        for _ in range(3):  # the text may sit in a <strong> or <a> inside the heading
            if n is None:
                break
            if n.tag in _HEADINGS:
                return n
            n = n.parent
    return None


def _heading_in_templates(c: "_Context", text: str) -> bool:
    """Is text a heading in a <template> the page stamps in on a click (the layouts read
    those as article text; the page's text index does not see inside templates)?"""
    wanted = fp.squash(text)
    for template in c.page.tree.css("template[id]"):
        if stamped_template(template):
            content = template_content(template)
            if any(fp.squash(h.text(deep=True)) == wanted for h in content.css(",".join(_HEADINGS))):
                return True
    return False


def _listicle_gap(c: "_Context") -> str | None:
    """A headline that promises N items ("10 things ...") over a body whose numbered item
    headings stop short of N (a body cut between two items)."""
    m = _LISTICLE.match(c.item.get("headline") or "")
    if not m or not 3 <= int(m.group(1)) <= 50:
        return None
    promised = int(m.group(1))
    numbers = []
    for p in c.body:
        item = _ITEM.match(p) if len(p) <= LIST_ITEM_MAX else None
        if item and (_heading_on_page(c, p) is not None or _heading_in_templates(c, p)):
            numbers.append(int(item.group(1)))
    if len(numbers) < 2 or set(range(1, promised + 1)) <= set(numbers):
        return None
    return (f"body: the {promised} items the headline promises, found numbered items "
            f"{min(numbers)}-{max(numbers)} ({len(set(numbers))} of them)")


def _empty_item(c: "_Context") -> str | None:
    """A numbered item heading ("4. A faster endgame") followed at once by the next heading:
    the item's text is missing (blocks the page failed to render). An item that is a picture,
    a video or a list stands on that element."""
    for p in c.body:
        if len(p) > LIST_ITEM_MAX or not _ITEM.match(p):
            continue
        heading = _heading_on_page(c, p)
        if heading is None:
            continue
        n = heading.next
        while n is not None and (n.tag == "-comment" or (n.tag == "-text" and not (n.text_content or "").strip())):
            n = n.next
        # a deeper subheading under the item ("1. Zelda" then "Why we love it") is its content
        if n is not None and n.tag in _HEADINGS and n.tag <= heading.tag:
            return f"body: the text of each numbered item, found {_quote(p, 40)} with nothing under it"
    return None


# Labels of a sequence read in one direction only: parts, steps and chapters are never
# counted down (a "10. ... 1." list may be a countdown; episodes and rounds may be listed
# newest first).
_SEQUENCE = re.compile(r"^\W*(part|step|chapter|phase|stage)\s+(\d{1,3})\b", re.I)
SEQUENCE_MIN = 3


def _sequence_reversed(c: "_Context") -> str | None:
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


def _heading_at_the_end(c: "_Context") -> str | None:
    """The body's last block is a subheading with nothing after it in its container: the
    section it opens is missing (a heading followed by a video, a table or a list is the
    section's own)."""
    if not c.body:
        return None
    last = c.body[-1]
    heading = _heading_on_page(c, last) if len(last) <= LIST_ITEM_MAX else None
    if heading is None:
        return None
    n = heading.next
    while n is not None:
        if not n.tag.startswith("-") and n.tag not in ("script", "style", "noscript", "template"):
            return None
        if n.tag == "-text" and (n.text_content or "").strip():
            return None
        n = n.next
    return f"body: the section under the last subheading {_quote(last, 40)}, found the body ending at it"


# Dates a news article can carry: nothing was published on the web as news before 1995
# (a null date rendered as 1970-01-01, a two-digit year read as 1925), and nothing is
# published more than a day after the moment it is judged (a scheduled date leaked, a
# year typed wrong). The fetch time is not passed to the checks, so the clock is the
# bound: a page fetched earlier passes it more easily, never less.
EARLIEST_PUBLISHED = datetime(1995, 1, 1, tzinfo=timezone.utc)
FUTURE_SLACK = timedelta(days=1)


def _keyword_list(text: str) -> bool:
    """A comma-separated run of 4+ short terms (1-3 words, no sentence, no "and"), as SEO
    plugins store focus keywords: "games, news, release date, trailer". A standfirst is a
    sentence; a list of terms joined by "and" ("Dragons, castles, swords and magic") is not
    judged."""
    items = [" ".join(i.split()) for i in text.split(",")]
    return len(items) >= KEYWORDS_MIN and all(
        i and len(i.split()) <= 3 and re.fullmatch(r"[^\W\d_][\w'’ &-]*", i)
        and not re.match(r"(?:and|or|&)\b", i, re.I) for i in items)


KEYWORDS_MIN = 4


def _implausible_date(published, now: datetime | None = None) -> str | None:
    if not isinstance(published, str) or not published.strip():
        return None
    try:
        when = datetime.fromisoformat(published.strip().replace("Z", "+00:00"))
    except ValueError:
        return None  # not a date the checks can read: nothing to judge
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = now or datetime.now(timezone.utc)
    if when < EARLIEST_PUBLISHED:
        return f"published: a date from {EARLIEST_PUBLISHED:%Y} on, found {published}"
    if when > now + FUTURE_SLACK:
        return f"published: a date no later than a day after {now:%Y-%m-%d}, found {published}"
    return None


# A WordPress upload lives in the folder of the month it was uploaded (/uploads/2025/08/):
# a picture named after the article's own slug was made for it, so it is not years older
# than the article. A publication date on the fetch day (what a fresh story has, and what a
# CMS writing each post's last-save time into its date gives) is judged against them.
_UPLOAD = re.compile(r"/uploads/((?:19|20)\d\d)/(0[1-9]|1[0-2])/([a-z0-9][a-z0-9-]*)")
UPLOAD_SLUG_MIN_WORDS = 3  # "review.jpg" is named after nothing in particular
UPLOAD_AGE_DAYS = 62  # a draft and its pictures may wait a month or two, not longer
FETCH_DAY = timedelta(hours=36)


def _iso_time(value) -> datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=timezone.utc)


def _published_after_own_pictures(c: "_Context") -> str | None:
    """A publication date on the day the page was fetched, while the pictures named after
    this article's slug were uploaded months before: the date is a later save's, not the
    publication's (a CMS upgrade that rewrites dates, a re-dated post)."""
    published = _iso_time(c.item.get("published"))
    fetched = _iso_time(getattr(c._source, "fetched_at", None))
    if published is None or fetched is None or abs(fetched - published) > FETCH_DAY:
        return None
    slug = (c.url or "").split("?")[0].rstrip("/").rsplit("/", 1)[-1].lower()
    if len(slug.split("-")) < UPLOAD_SLUG_MIN_WORDS or not c.html:
        return None
    raw = c.html if isinstance(c.html, str) else c.html.decode("utf-8", "replace")
    if slug not in raw:
        return None
    months = sorted((int(y), int(m)) for y, m, name in _UPLOAD.findall(raw) if name.startswith(slug))
    if not months:
        return None
    year, month = months[-1]  # the newest of them: every picture made for it is older
    uploaded_by = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=timezone.utc)  # the month's end
    if published - uploaded_by < timedelta(days=UPLOAD_AGE_DAYS):
        return None
    return (f"published: the date the article was first published (its own pictures were uploaded "
            f"in {year}-{month:02d}: /uploads/{year}/{month:02d}/{slug}...), found {c.item['published']}, "
            f"the day the page was fetched")


_PAGE_OF = re.compile(r"\bpage\s+(\d{1,3})\s*(?:of|/)\s*(\d{1,3})\b", re.I)
_PAGE_PARAM = re.compile(r"[?&](?:page|paged|pg|slide)=(\d{1,3})\b", re.I)
_NEXT_TEXT = re.compile(r"\s*next\b", re.I)


def _first_of_many(page: "PageHints", url: str) -> str | None:
    """A "next" link from this page to its own second part (?page=2, ?slide=2, <url>/2/): the
    article goes on on other pages (a slideshow's slide 1, a split post's page 1), so the body
    here is its first part only. A link to another article, or a page with none, says nothing."""
    from urllib.parse import urljoin, urlsplit

    here = urlsplit(url or "")
    path = here.path.rstrip("/")
    # a "2" in the joined URL's query or after its path comes from the href (or the
    # query from this URL's, which a bare "?" or "#x" keeps): links without one, whose
    # joined URL has no "2" (neither ?page=2 nor <url>/2), are not read
    links = 'a[href], link[rel~="next"][href]' if "2" in here.query else \
        'a[href*="2"], link[rel~="next"][href*="2"]'
    for node in page.tree.css(links):
        href = (node.attributes.get("href") or "").strip()
        if node.tag == "a" and "next" not in (node.attributes.get("rel") or "").lower().split() and \
                not _NEXT_TEXT.match(node.text(deep=True) or ""):
            continue
        there = urlsplit(urljoin(url, href))
        if there.netloc != here.netloc:
            continue
        m = _PAGE_PARAM.search("?" + there.query) if there.path.rstrip("/") == path else None
        second = (m is not None and m.group(1) == "2") or there.path.rstrip("/") == path + "/2"
        if second:
            return f"a next link to {_quote(href, 60)}"
    return None


def _later_page(page: "PageHints", url: str) -> str | None:
    """What says this is a later page of an article split over several (a CMS "nextpage"
    split, a pager): then the body is that page's part only. None on a first or only page."""
    for link in page.tree.css('link[rel~="prev"], link[rel~="previous"]'):
        if link.attributes.get("href"):
            return f"a rel=prev link to {_quote(link.attributes['href'], 60)}"
    m = _PAGE_PARAM.search(url or "")
    if m and int(m.group(1)) >= 2:
        return f"page {m.group(1)} in the URL"
    # a pager's "Page 2 of 3": a text node of its own (a label, not a sentence of prose)
    for node in _nodes_opening_with(page.index, "page"):
        text = node.text_content or ""
        if "age" not in text or len(text) > 40:
            continue
        m = _PAGE_OF.match(text.strip())
        if m and 2 <= int(m.group(1)) <= int(m.group(2)):
            return f"{_quote(m.group(0), 30)} on the page"
    return None


def _nodes_opening_with(index: "fp.TextIndex", start: str):
    """The index's text nodes whose squashed text opens with start (lower case, no
    space), in document order: found with str.find in the squashed page, not by reading
    every node's text."""
    full, starts, nodes = index.full, index.starts, index.nodes
    at = full.find(start)
    while at >= 0:
        i = bisect_right(starts, at) - 1
        if starts[i] == at:
            yield nodes[i][1]
        at = full.find(start, at + 1)


_HTML_END = re.compile(rb"</html\s*>|</body\s*>", re.I)
_TAIL = 4096  # the end tags sit in the document's last bytes (after them: whitespace, a comment)


def document_ends(html: str | bytes | None) -> bool:
    """Does the document reach its closing </body> or </html>? A response cut by an origin
    timeout or a proxy stops wherever the bytes stopped (mid-tag, mid-paragraph): the
    parser closes the open elements, and the part after the cut is simply not there."""
    if not html:
        return False
    tail = html[-_TAIL:]
    if isinstance(tail, str):
        tail = tail.encode("utf-8", "replace")
    return _HTML_END.search(tail) is not None or minified_whole(html)


def check_completeness(c: "_Context") -> str:
    """Each finding reads "<field>: <expected>, found <found>"."""
    finds: list[str] = []
    odd_date = _implausible_date(c.item.get("published"))
    if odd_date:
        finds.append(odd_date)
    redated = _published_after_own_pictures(c)
    if redated:
        finds.append(redated)
    finds += filter(None, [date_order.swapped_finding(c)])
    words = c.word_total
    prof = c.profile
    # (a) the site's own recorded pages
    if prof is not None and c.body and words < prof.min_words * PROFILE_SHARE:
        finds.append(f"body: at least {int(prof.min_words * PROFILE_SHARE)} words (half the "
                     f"shortest of the site's {prof.pages} recorded pages), found {words}")
    page = c.page
    if page is not None:
        # (b) the page's own signals
        art = page.ld.article or {}
        wc = _int(art.get("wordCount"))
        if wc is not None and wc >= MIN_WORDCOUNT:
            f = _count_finding(words, wc, "JSON-LD wordCount")
            if f:
                finds.append(f)
        finds += filter(None, [coherence.wordcount_finding(c), coherence.published_finding(c)])
        ab = art.get("articleBody")
        if isinstance(ab, str) and len(ab.split()) >= MIN_WORDCOUNT and wc is None:
            f = _count_finding(words, len(ab.split()), "JSON-LD articleBody")
            if f:
                finds.append(f)
        minutes = page.reading_minutes
        if minutes is not None and minutes >= 3:
            floor = (minutes - 1) * READING_WPM_FLOOR
            if words < floor:
                finds.append(f"body: at least {floor} words (the page says "
                             f"{minutes} min read), found {words}")
        desc = page.description
        # a dek every recorded page has, shown on this page, but not extracted
        if prof is not None and prof.always("dek") and not c.item.get("dek") and len(desc) >= 20:
            sq = fp.squash(desc)
            if page.index.full.find(sq) >= 0 and sq not in fp.squash(" ".join(c.body)):
                finds.append(f"dek: the page's dek {_quote(desc, 60)} (every one of the "
                             f"site's {prof.pages} recorded pages has a dek), found none")
        dek = c.item.get("dek")
        if isinstance(dek, str) and dek.strip() and is_boilerplate_text(" ".join(dek.split())):
            # a standfirst slot that printed a widget's error state or a label; the page's own
            # summary, when it has one, says what the dek is about, and this one does not
            shared = _topic_words(dek) & _topic_words(desc) if desc else set()
            if not shared or names_a_credit(dek):  # a photo credit names the studio the story is about
                finds.append(f"dek: the article's standfirst{' (the page describes it as ' + _quote(desc, 50) + ')' if desc else ''}, "
                             f"found {_quote(dek, 60)} (interface text, not a summary)")
        if isinstance(dek, str) and desc and dek.rstrip().endswith(_ELLIPSIS):
            # the standfirst slot fed from a description an SEO plugin cut short: the page's
            # own description goes on past the ellipsis
            stem = _norm(dek).rstrip(".\u2026 ")
            if len(stem) >= 20 and _norm(desc).startswith(stem) and len(_norm(desc)) > len(stem) + 3:
                finds.append(f"dek: the whole standfirst {_quote(desc, 60)} (the page's description), "
                             f"found a cut ending in {_quote(dek[-20:].strip(), 24)}")
        headline = c.item.get("headline")
        if isinstance(dek, str) and isinstance(headline, str) and dek.strip() and _norm(dek) == _norm(headline) \
                and not (desc and _norm(desc) == _norm(dek)):
            # the standfirst slot fed from the title field: the page's summary is not shown (a
            # page whose own description is its title has no other summary to show)
            finds.append(f"dek: the article's standfirst{' (the page describes it as ' + _quote(desc, 50) + ')' if desc and _norm(desc) != _norm(dek) else ''}, "
                         f"found the headline printed again ({_quote(dek, 50)})")
        if isinstance(dek, str) and _keyword_list(dek):
            # the SEO plugin's focus keywords printed in the standfirst slot
            finds.append(f"dek: the article's standfirst, found {_quote(dek, 60)} (a list of "
                         "keywords, not a summary)")
        if prof is not None and prof.always("html_end") and not document_ends(c.html):
            tail = c.html[-40:]
            tail = tail.decode("utf-8", "replace") if isinstance(tail, bytes) else tail
            finds.append(f"body: the whole document (every one of the site's {prof.pages} recorded "
                         f"pages ends with </body></html>), found a document cut off at "
                         f"{_quote(' '.join(tail.split()), 40)}")
        if page_scan(page._parsed).includes:  # (the elements its walk looks for, from the page's one walk)
            finds += filter(None, [unprocessed_includes(c.html, page.tree, c.body)])
        later = _later_page(page, c.url)
        if later:
            finds.append(f"body: the whole article, found one later page of it ({later})")
        first = None if later else _first_of_many(page, c.url)
        if first:
            finds.append(f"body: the whole article, found its first page only ({first})")
        stated = page.ld.date_published() or (page.meta.get("article:published_time") or [""])[0]
        if not c.item.get("published") and stated:
            finds.append(f"published: the date the page states ({stated}), found none")
        # the page's own structure: the items a listicle's headline promises, a section
        # its last subheading opens
        finds += filter(None, (_listicle_gap(c), _heading_at_the_end(c), _empty_item(c), _sequence_reversed(c)))
    if prof is not None and prof.always("published") and not c.item.get("published"):
        finds.append(f"published: the publication date (every one of the site's {prof.pages} recorded "
                     "pages states one), found none on this page")
    # (c) the layout-free second opinion reads on where the layout stopped
    extra = _second_opinion_extra(c)
    extra_words = _word_total(extra)
    if len(extra) >= 2 and extra_words >= max(SECOND_EXTRA_WORDS, SECOND_EXTRA_SHARE * words) and \
            any(_is_prose(p) for p in extra):  # article text, not a list of teaser titles
        finds.append(f"body: the article text the layout-free extraction also found "
                     f"({len(extra)} more paragraphs, {extra_words} words, from {_quote(extra[0], 50)}), "
                     f"found {words} words in {len(c.body)} paragraphs")
    finds += incidents.completeness_findings(c)
    if finds:
        return f"completeness: {c.url}: expected " + "; ".join(finds)
    return "ok"


# -- markers: furniture that is not article text, inside the body --------------------------

# (kind, whole-paragraph pattern (short paragraphs), pattern searched anywhere). Case-insensitive.
MARKERS: tuple[tuple[str, str, str], ...] = (
    ("a comment thread",
     r"\d[\d,.]*k?\s+(?:comments?|replies|responses)|(?:comments?|replies|responses)\s*[(:]?\s*\d+\)?"
     r"|(?:reply|report|like|flag|share)(?:\s*[·•|]\s*(?:reply|report|like|flag|share|edit|delete))*"
     r"|(?:leave|post|add|write) a (?:comment|reply|response)\.?|(?:log|sign) in to (?:comment|reply"
     r"|join the (?:discussion|conversation))\.?|(?:show|load|view) (?:\d+ )?more (?:comments|replies)"
     r"|view \d+ repl(?:y|ies)|sort by:? ?(?:newest|oldest|best|top|popular).{0,20}"
     r"|join the (?:discussion|conversation)\.?|be the first to comment\.?|comments are closed\.?"
     r"|\S{1,40}\s+\d+\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago",
     r"\s[·•]\s*\d+\s*(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b"
     r"|^@?[\w.\-]{2,30}\s*[·•]\s*\d+\s*\w+\s+ago\b"),
    ("a paywall teaser",
     r"(?:subscribe|sign up|register|log in|sign in)(?: now)?(?: to (?:continue|keep) reading)?\.?"
     r"|(?:subscribers|members) only\.?",
     r"subscribe (?:now |today )?to (?:continue|keep) reading|(?:subscribe|log in|sign in|register) to "
     r"(?:read|unlock|continue|access) (?:the|this|the full|the rest of)|this (?:article|story|content"
     r"|post|piece) is (?:only )?(?:available )?(?:for|to) (?:paid |premium )?(?:subscribers|members)"
     r"|already (?:a|have an?) (?:subscriber|account|member)\??\s*(?:log|sign) in"
     r"|to continue reading,? (?:please )?(?:subscribe|log in|sign in|register|create)"
     r"|you(?:'ve|’ve| have) reached your (?:free )?(?:article|story|monthly) limit"
     r"|unlock (?:this|the full) (?:article|story)|become a (?:member|subscriber) to (?:read|continue)"
     r"|create a free account to (?:continue|keep) reading|the rest of this (?:article|story) is"
     r" (?:for|available to|only for) (?:subscribers|members)"),
    ("a lazy-load placeholder",
     r"loading(?:\.\.\.|…)?|(?:please wait|content is) loading.{0,30}|load(?:ing)? more(?: content)?"
     r"|(?:continue|keep) reading(?:\.\.\.|…)?|read (?:the )?full (?:article|story)|show (?:the )?"
     r"(?:full|more|rest of the) (?:article|story)|click to (?:expand|read more)|(?:expand|show) (?:full )?"
     r"article|(?:please )?enable javascript.{0,60}|javascript (?:is )?required.{0,60}"
     r"|read (?:the )?(?:full|more|rest)(?: of (?:the|this) (?:article|story))?(?:\.\.\.|…)?"
     # a live or paginated-by-script body: the earlier part is fetched on click
     r"|(?:load|show|see|view) (?:the )?(?:earlier|older|previous)(?: (?:updates|posts|entries|"
     r"paragraphs|parts?))?(?:\.\.\.|…)?",
     r"\bskeleton\b|\[lazy[- ]?load|data-lazy|lazy-?placeholder"),
    ("a consent or access wall",
     r"(?:accept|reject|allow) all(?: cookies)?|manage (?:cookie )?(?:preferences|settings)"
     r"|we value your privacy\.?",
     r"\b(?:we|this (?:site|website)) uses? cookies\b.{0,80}\b(?:experience|consent|accept|agree)"
     r"|by (?:clicking|continuing)[^.]{0,60}\byou (?:agree|consent) to (?:our|the) use of cookies"
     r"|you must be (?:at least )?(?:1[68]|21)(?: years old)?(?: or older)? to (?:view|access|see|enter)"
     r"|(?:confirm|verify) (?:your age|that you are (?:at least )?(?:1[68]|21))"
     r"|(?:is|are) not available in your (?:region|country|location)"),
)
_MARKERS = tuple((kind, re.compile(f"(?:{whole})\\Z", re.I), re.compile(anywhere, re.I))
                 for kind, whole, anywhere in MARKERS)
# Words each kind's anywhere-pattern cannot match without: most paragraphs have none, and
# a substring test is far cheaper than the patterns.
_MARKER_GATES = {"a comment thread": ("ago",),
                 "a paywall teaser": ("subscri", "log in", "sign in", "register", "member", "limit",
                                      "unlock", "continue reading", "keep reading", "account"),
                 "a lazy-load placeholder": ("skeleton", "lazy"),
                 "a consent or access wall": ("cookie", "you must be", "your age", "that you are",
                                              "available in your")}
# Class/id words of an element that stands in for text still to come, or for text behind a
# wall, inside or right after the body's container. Ads, images, embeds, widgets and the next
# article's loader load lazily everywhere and say nothing about the text: their elements
# (_MEDIA_WORDS) are not looked at.
_PLACEHOLDER_WORDS = frozenset(
    "skeleton shimmer placeholder lazy lazyload lazyloaded loading loader spinner paywall "
    "regwall paywalled piano premium gated locked truncated".split())
_STRONG_PLACEHOLDER_WORDS = frozenset(
    "skeleton placeholder paywall regwall paywalled piano gated locked truncated".split())
_PLACEHOLDER_PHRASES = re.compile(r"load-?more|continue-?reading|show-?more|members?-only"
                                  r"|subscribers?-only|premium-content|article-?lock", re.I)
_MEDIA_WORDS = frozenset(
    "ad ads adv advert advertisement advertising adslot adunit dfp gpt sponsor sponsored promo img "
    "image images photo picture figure media video player embed iframe gallery thumbnail avatar "
    "icon logo comment comments related recirc newsletter widget poll quiz form social tweet twitter "
    "instagram tiktok youtube map next infinite scroll feed recommended sidebar "
    # a consent tool's stand-in for a third-party embed until cookies are accepted
    "consent".split())
# Substrings every placeholder's markup has (its class, id or attribute words).
_PLACEHOLDER_HINTS = ("skeleton", "shimmer", "placeholder", "lazy", "loading", "loader", "spinner",
                      "paywall", "regwall", "piano", "premium", "gated", "locked", "truncated",
                      "load", "more", "continue", "member", "subscriber", "lock", "aria-busy",
                      "data-remaining", "read", "show", "javascript")
_PLACEHOLDER_ATTRS = ("data-lazy", "data-load", "data-paywall", "data-src-content", "data-remaining")
PLACEHOLDER_MAX_TEXT = 200  # characters: more is the article's text, whatever the markup says
_MEDIA_SEL = "img, picture, video, iframe, svg, audio, figure, source"
_MEDIA_TAGS = frozenset({"img", "picture", "figure", "video", "iframe", "svg", "source", "audio",
                         "noscript", "script", "style", "a", "button", "ins"})


def _marker_of(text: str, spaced: str | None = None, low: str | None = None,
               gates: "dict[str, tuple[str, ...]] | None" = None) -> str | None:
    """spaced: text with its whitespace collapsed, when known; low: spaced.lower(), when
    known; gates: _MARKER_GATES narrowed to the gates found in every text to be read
    (_marker_gates_in), for a page's paragraphs read one by one."""
    t = " ".join(text.split()) if spaced is None else spaced
    if len(t) <= 80:
        for kind, whole, _ in _MARKERS:
            if whole.match(t):
                return kind
    if low is None:
        low = t.lower()
    gates = _MARKER_GATES if gates is None else gates
    for kind, _, anywhere in _MARKERS:
        for gate in gates[kind]:  # substring tests: cheaper than one regex of them all
            if gate in low:
                if anywhere.search(t):
                    return kind
                break
    return None


def _marker_gates_in(lows: list[str]) -> dict[str, tuple[str, ...]]:
    """_MARKER_GATES less the gates none of lows (lower-cased texts) holds, in their order:
    a text's first gate of a kind is then the same, and the ~20 substring tests a
    paragraph are a few."""
    joined = "\n".join(lows)  # (no gate spans a line break)
    return {kind: tuple(g for g in gates if g in joined) for kind, gates in _MARKER_GATES.items()}


def _placeholder(node, strong: bool = False) -> str | None:
    """The telling class or attribute of an element that stands in for missing text.
    strong: only the words that name withheld article text (a skeleton, a paywall), not a
    loader or spinner, which after an article is as often the next article's."""
    if node.tag in _MEDIA_TAGS:
        return None
    attrs = node.attributes
    if not attrs:
        return None
    marker = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".strip().lower()
    why = None
    if marker:
        reading = _marker_reading(marker, strong)
        if reading is _MEDIA:
            return None
        why = reading
    if strong and why is None:
        return None
    if why is None and attrs.get("aria-busy") == "true":
        why = 'aria-busy="true"'
    if why is None:
        for key in attrs:
            if key.startswith(_PLACEHOLDER_ATTRS) and _MEDIA_WORDS.isdisjoint(fp._CLASS_SPLIT.split(key)):
                why = f"[{key}]"
                break
    # a wrapper that lazily loads a picture or an embed ("lazyload-wrapper") is no text;
    # an element holding text is the text itself (a continuation, a revealed section)
    if why is not None and (node.css_first(_MEDIA_SEL) is not None
                            or len(node.text(deep=True) or "") > PLACEHOLDER_MAX_TEXT):
        return None
    return why


_MEDIA = "media"  # _marker_reading's answer for a media element's marker
# Per (marker, strong): a body's container repeats a few class values on every element
_MARKER_READINGS: dict[tuple[str, bool], str | None] = {}
_MARKER_READINGS_MAX = 16384
_UNREAD = object()


def _marker_reading(marker: str, strong: bool) -> str | None:
    """What _placeholder reads in an element's class and id (lower case, non-empty):
    _MEDIA, the placeholder's "class ..." reason, or None. Memoised by value."""
    reading = _MARKER_READINGS.get((marker, strong), _UNREAD)
    if reading is not _UNREAD:
        return reading
    words = set(fp._CLASS_SPLIT.split(marker))
    if not _MEDIA_WORDS.isdisjoint(words):
        reading = _MEDIA
    elif (_STRONG_PLACEHOLDER_WORDS if strong else _PLACEHOLDER_WORDS) & words \
            or _PLACEHOLDER_PHRASES.search(marker):
        reading = f"class {_quote(marker, 40)}"
    else:
        reading = None
    if len(_MARKER_READINGS) >= _MARKER_READINGS_MAX:
        _MARKER_READINGS.clear()
    _MARKER_READINGS[(marker, strong)] = reading
    return reading


_LAZY_WHOLE = next(whole for kind, whole, _ in _MARKERS if kind == "a lazy-load placeholder")


def _lazy_text(text_node, inside: bool) -> str | None:
    """A text standing alone inside the body's container that says the rest is still to
    load ("Loading…", "Continue reading", "Read the full article"), outside ads, widgets
    and furniture (an ad's "Continue reading below" is not one)."""
    if not inside:
        return None
    raw = text_node.text_content or ""
    if len(raw) > 60 or not raw.strip():
        return None
    text = " ".join(raw.split())
    if not _LAZY_WHOLE.match(text):
        return None
    n = text_node.parent
    for _ in range(3):
        if n is None:
            break
        marker = f"{n.attributes.get('class') or ''} {n.attributes.get('id') or ''}".lower()
        if n.tag in _MEDIA_TAGS - {"a", "button"} or not _MEDIA_WORDS.isdisjoint(fp._CLASS_SPLIT.split(marker)):
            return None
        n = n.parent
    return f"text {_quote(text, 30)}"


def _opens_served_text(el, tree) -> bool:
    """Is el (or an element up to two levels above) a toggle that unfolds text served in
    the page (``<button aria-controls="more">Read more</button>`` and ``#more`` holding
    the rest)? Then "Read more" folds the article rather than standing in for it: whether
    the folded text reached the body is completeness's question, not a marker."""
    for _ in range(3):
        if el is None:
            return False
        target = toggle_target(el) or el.attributes.get("aria-controls")
        if target:
            folded = tree.css_first(f'[id="{target}"]') if '"' not in target else None
            if folded is not None and folded.tag == "template":  # stamped in on click
                folded = template_content(folded)
            return folded is not None and len(folded.text(deep=True) or "") > PLACEHOLDER_MAX_TEXT
        el = el.parent
    return False


def _body_container(c: "_Context"):
    """The element holding the body's paragraphs (None when its text is not on the page)."""
    page = c.page
    if page is None or not c.body:
        return None
    picks = c.body[:3] + c.body[-2:] if len(c.body) > 5 else c.body
    els = []
    for p in picks:
        el = page.locate(p)
        if el is not None:
            els.append(el)
    if not els:
        return None
    return fp._lca(els) if len(els) > 1 else els[0].parent


def _following(node, limit: int):
    """The next element siblings of node (at most limit)."""
    out = []
    n = node.next
    while n is not None and len(out) < limit:
        if n.tag not in ("-text", "-comment"):
            out.append(n)
        n = n.next
    return out


_COMMENT_WORDS = frozenset({"comment", "comments", "disqus", "replies", "reply", "respond"})
# class words that say whether a page has comments, not that the element holds them
_COMMENT_STATE = re.compile(r"(?:^|\s)(?:has|with|no|without)-\S*|comments?-(?:open|closed)")


def _in_comments(node) -> bool:
    n, depth = node, 0
    while n is not None and depth < 10 and n.tag not in ("body", "html", "main"):
        marker = f"{n.attributes.get('class') or ''} {n.attributes.get('id') or ''}".lower().strip()
        if marker and not _COMMENT_WORDS.isdisjoint(fp._CLASS_SPLIT.split(marker)):
            return True
        n, depth = n.parent, depth + 1
    return False


REPEAT_MIN_CHARS = 80  # a sentence-long paragraph; short lines (list items, labels) repeat honestly
REPEAT_MIN = 2  # one repeated paragraph can be a pull quote; two are a template loop


def _repeated_paragraphs(body: list[str], keys: list[str] | None = None) -> list[str]:
    """Prose paragraphs that stand in the body more than once, in body order. keys: the
    paragraphs spaced and case-folded (_Context.body_keys), when known."""
    seen: set[str] = set()
    repeated: list[str] = []
    for i, para in enumerate(body):
        if len(para) < REPEAT_MIN_CHARS:
            continue
        key = " ".join(para.split()).casefold() if keys is None else keys[i]
        if key in seen and para not in repeated:
            repeated.append(para)
        seen.add(key)
    return repeated if len(repeated) >= REPEAT_MIN else []


def _stutter(body: list[str], keys: list[str] | None = None) -> int | None:
    """The index of a prose paragraph that the next paragraph repeats word for word. A pull
    quote repeats a sentence somewhere else; no article says a whole paragraph twice in a row.
    keys: as _repeated_paragraphs'."""
    if keys is None:
        keys = [" ".join(p.split()).casefold() for p in body]
    for i in range(len(body) - 1):
        if len(body[i]) >= REPEAT_MIN_CHARS and keys[i] == keys[i + 1]:
            return i
    return None


# A site's legal page in place of the article (a reusable block, a wrong post ID): its
# title and its "Last updated" line, each a short paragraph of its own. Either alone can
# be a subheading of a story about a policy; together they are the policy page itself.
_LEGAL_TITLE = re.compile(r"(?:(?:privacy|cookies?|data protection) (?:policy|notice|statement)"
                          r"|terms (?:of (?:service|use)|and conditions)|(?:end[- ])?user (?:licen[cs]e )?"
                          r"agreement|legal notice|impressum)\Z", re.I)
_LEGAL_DATE = re.compile(r"(?:last (?:updated|modified|revised)|effective(?: date| as of)?|updated on)"
                         r"\s*:?\s*\S.{0,40}\Z", re.I)
LEGAL_LINE_MAX = 60  # characters: a title or a date line, never a sentence of prose


def _legal_page(body: list[str]) -> str | None:
    short = [" ".join(p.split()) for p in body if len(p) <= LEGAL_LINE_MAX]
    title = next((p for p in short if _LEGAL_TITLE.match(p)), None)
    date = next((p for p in short if _LEGAL_DATE.match(p)), None)
    return f"{_quote(title, 30)} and {_quote(date, 40)} (a legal page, not an article)" \
        if title and date else None


# The excerpt mark a feed or teaser filter leaves where it cut a text: "[…]", "[...]"
_CLIPPED = re.compile(r"\[(?:\u2026|\.\.\.)\]\s*$")


def check_markers(c: "_Context") -> str:
    finds = []
    lows = [t.lower() for t in c.body_spaced]
    gates = _marker_gates_in(lows)  # each gate looked for once in the body
    for i, (para, spaced, low) in enumerate(zip(c.body, c.body_spaced, lows), 1):
        kind = _marker_of(para, spaced, low, gates)
        if kind:
            finds.append(f"{_quote(para, 50)} ({kind}) in paragraph {i}")
    legal = _legal_page(c.body)
    if legal:
        finds.append(legal)
    repeated = _repeated_paragraphs(c.body, c.body_keys)
    if repeated:
        finds.append(f"{len(repeated)} paragraphs given twice, first {_quote(repeated[0], 50)} "
                     "(the body rendered more than once)")
    clipped = [p for p in c.body if _CLIPPED.search(p)]
    if len(clipped) >= 2:
        # a feed-excerpt filter on the article template: each paragraph cut, marked "[…]"
        finds.append(f"{len(clipped)} paragraphs cut short with an excerpt mark, first "
                     f"{_quote(clipped[0], 50)} (an excerpt of each paragraph, not the article)")
    stutter = _stutter(c.body, c.body_keys)
    if stutter is not None:
        finds.append(f"paragraph {stutter + 1} {_quote(c.body[stutter], 50)} given again right after "
                     "itself (an editor's or a cache's glitch)")
    container = _body_container(c)
    if container is not None and container.tag not in ("body", "html"):
        budget = 5000  # elements: the container and what follows it, never the whole page
        for root in [container] + _following(container, 1):
            hit = None
            markup = (root.html or "").lower()
            if not any(w in markup for w in _PLACEHOLDER_HINTS):
                continue  # one look at the markup instead of every element's attributes
            for node in root.traverse(include_text=True):
                budget -= 1
                if budget < 0:
                    break
                if node.tag == "-text":
                    why = _lazy_text(node, root is container)
                    # a control's own class names what it does ("load-more", "live-more"):
                    # whether it sits in furniture is its surroundings' question
                    own = node.parent
                    around = own.parent if own is not None and own.tag in ("button", "a") else own
                    if why and not (around is not None and c.page._furniture_at(around)) \
                            and not _in_comments(node.parent) \
                            and not _opens_served_text(node.parent, c.page.tree):
                        hit = (node.parent, why)
                        break
                    continue
                why = _placeholder(node, strong=root is not container)
                if why and not c.page._in_furniture(node) and not _in_comments(node) \
                        and not _opens_served_text(node, c.page.tree):
                    hit = (node, why)
                    break
            if hit is not None:
                node, why = hit
                text = " ".join((node.text(deep=True) or "").split())
                where = "inside" if root is container else "right after"
                finds.append(f"a placeholder <{node.tag}> ({why}) {where} the body's container"
                             + (f" reading {_quote(text, 40)}" if text else ""))
                break
    if c.page is not None and c.body:
        # paragraphs the page shows inside a comment section
        first = c.body_squashed[0]
        for section in c.page.comment_sections:
            text = fp.squash(section.text(deep=True))
            if first in text:
                continue  # a wrapper around the article and its comments, not a comment section
            hit = next(((i, p) for i, (p, sq) in enumerate(zip(c.body, c.body_squashed), 1)
                        if len(p) >= 20 and sq in text), None)
            if hit is not None:
                finds.append(f"{_quote(hit[1], 50)} (text of the page's comment section) in paragraph {hit[0]}")
                break
    finds += incidents.body_findings(c)
    if finds:
        return c.fail("markers", "body: article text only", _first_three(finds))
    return "ok"


# -- text quality: text decoded right, once ------------------------------------------------

_ENTITY = re.compile(r"&(?:#\d{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # C0 but tab, LF, CR; DEL; C1


def _text_problem(text: str) -> str | None:
    if "\ufffd" in text:
        i = text.index("\ufffd")
        return f"a replacement character U+FFFD in {_excerpt(text, i, i + 1, 15)}"
    if not text.isascii():
        # is_bad is ftfy's quick test for mojibake sequences; fix_encoding (slower) then
        # says what the text reads decoded once
        bad = ftfy.badness.is_bad(text)
        fixed = ftfy.fix_encoding(text) if bad else text
        if fixed != text or bad:
            i = next((k for k, (a, b) in enumerate(zip(text, fixed)) if a != b), 0)
            return f"mojibake {_excerpt(text, i, i + 2, 15)}" + (
                f" (decoded once: {_excerpt(fixed, i, i + 1, 15)})" if fixed != text else "")
    if "&" in text:
        for m in _ENTITY.finditer(text):
            if htmllib.unescape(m.group(0)) != m.group(0):
                return f"an undecoded HTML entity {m.group(0)!r} in {_excerpt(text, m.start(), m.end(), 15)}"
    m = _CONTROL.search(text)
    if m:
        i, ch = m.start(), m.group(0)
        return f"a control character U+{ord(ch):04X} in {_excerpt(text, i, i + 1, 15)}"
    return None


# Prose in the page's declared language: English prose is about a third common words
# (30-39% on the shipped pages, codes lists included); filler text (lorem ipsum), a
# machine-garbled or wrong-language body shares almost none. Judged on 80+ words of prose
# paragraphs (sentences, not tables or lists) of a page that says it is English; any other
# or no declared language is not judged, nor a site whose own recorded pages are not all
# English prose (a theme's default lang="en-US" on another language's site).
ENGLISH_MIN_SHARE = 0.12
LANGUAGE_MIN_WORDS = 80
_WORD = re.compile(r"[^\W\d_]+")
_ASCII_WORD = re.compile(r"[a-z]+")


def _declared_language(page: "PageHints | None") -> str:
    """The page's language as it declares it (<html lang>, else og:locale), lower case."""
    if page is None:
        return ""
    root = page.tree.css_first("html")
    lang = (root.attributes.get("lang") or "") if root is not None else ""
    if not lang.strip():
        lang = (page.meta.get("og:locale") or [""])[0]
    return lang.strip().lower().replace("_", "-")


def _letter_words(low: str) -> list[str]:
    # on ASCII text the letters are [a-z] (lower-cased): a much cheaper class for the regex engine
    return _ASCII_WORD.findall(low) if low.isascii() else _WORD.findall(low)


def english_share(body: list[str]) -> tuple[float, list[str]] | None:
    """(the share of common English words, the words) of the body's prose paragraphs;
    None under LANGUAGE_MIN_WORDS words of prose."""
    words = [w for p in body if _is_prose(p) for w in _letter_words(p.lower())]
    if len(words) < LANGUAGE_MIN_WORDS:
        return None
    return sum(map(ENGLISH_COMMON.__contains__, words)) / len(words), words


def _english_counts(c: "_Context") -> tuple[int, int]:
    """(common English words, letter words) of the body's prose paragraphs, as
    english_share counts them, an ASCII paragraph read off its words (c.words_of: its
    letter words are those words, and the letter runs of the ones with digits or
    underscores); the words are not kept in order, only counted."""
    common = total = 0
    for p in c.body:
        if not _is_prose(p):
            continue
        if p.isascii():  # p.lower() == p.casefold(): the words c.words_of read
            words = c.words_of(p)
            # the common words are all letters: counted among all the words, with no list
            # of the letter words made; those are the words less the others, plus the
            # others' letter runs
            others = list(filterfalse(str.isalpha, words))
            total += len(words) - len(others)
            common += sum(map(ENGLISH_COMMON.__contains__, words))
            for word in others:
                if not word.isdigit():
                    runs = _ASCII_WORD.findall(word)
                    total += len(runs)
                    common += sum(map(ENGLISH_COMMON.__contains__, runs))
            continue
        letters = _letter_words(p.lower())
        total += len(letters)
        common += sum(map(ENGLISH_COMMON.__contains__, letters))
    return common, total


def _judged_as_english(c: "_Context") -> bool:
    """The page declares English, and the site's own recorded pages read as English prose
    (else the declaration is a theme's default and says nothing)."""
    lang = _declared_language(c.page)
    if not (lang == "en" or lang.startswith("en-")):
        return False
    prof = c.profile
    return prof is None or prof.min_english_share is None or prof.min_english_share >= 2 * ENGLISH_MIN_SHARE


def _not_english(c: "_Context") -> str | None:
    if not _judged_as_english(c):
        return None
    lang = _declared_language(c.page)
    common, total = _english_counts(c)
    if total < LANGUAGE_MIN_WORDS or common / total >= ENGLISH_MIN_SHARE:
        return None  # (english_share's words are read only for a finding's message)
    measured = english_share(c.body)
    if measured is None:
        return None
    share, words = measured
    if share >= ENGLISH_MIN_SHARE:
        return None
    return (f"body: {share:.0%} common English words in {len(words)} words of prose (the page "
            f"declares {lang}; English prose has {ENGLISH_MIN_SHARE:.0%} or more), from "
            f"{_quote(' '.join(words[:8]), 50)}")


DEK_LANGUAGE_MIN_WORDS = 10  # a sentence: a shorter dek ("Gorgeous, tight, forgettable") says little


def _dek_not_english(c: "_Context") -> str | None:
    """A standfirst in another language on a page that declares English and describes
    itself in English (another edition's field leaking into the template)."""
    dek = c.item.get("dek")
    if not isinstance(dek, str):
        return None
    words = _letter_words(dek.lower())
    if len(words) < DEK_LANGUAGE_MIN_WORDS:
        return None
    if not _judged_as_english(c):
        return None
    share = sum(map(ENGLISH_COMMON.__contains__, words)) / len(words)
    if share >= ENGLISH_MIN_SHARE:
        return None
    # a list of names and titles can be short of common words in any language: judged only
    # against the page's own description, when that is another text and reads as English
    desc = c.page.description if c.page is not None else ""
    desc_words = _letter_words(desc.lower())
    if not desc_words or _norm(desc) == _norm(dek) or \
            sum(map(ENGLISH_COMMON.__contains__, desc_words)) / len(desc_words) < ENGLISH_MIN_SHARE:
        return None
    return (f"dek: {share:.0%} common English words in {_quote(dek, 50)} (the page declares "
            f"{_declared_language(c.page)} "
            f"and describes itself in English: {_quote(desc, 40)})")


def check_text_quality(c: "_Context") -> str:
    finds = []
    foreign = _not_english(c)
    if foreign:
        finds.append(foreign)
    foreign_dek = _dek_not_english(c)
    if foreign_dek:
        finds.append(foreign_dek)
    fields = [("headline", c.item.get("headline")), ("dek", c.item.get("dek"))]
    fields += [("authors", a) for a in c.item.get("authors") or []]
    fields += [(f"body paragraph {i}", p) for i, p in enumerate(c.body, 1)]
    for field, text in fields:
        if isinstance(text, str) and text:
            problem = _text_problem(text) or escaped_markup(text)
            if problem:
                finds.append(f"{field}: {problem}")
    finds += filter(None, [lost_characters(fields)])
    finds += prose_flaws.body_findings(c)
    if finds:
        return c.fail("text_quality", "text decoded once, in the page's language, without entities "
                      "or control characters",
                      _first_three(finds))
    return "ok"


_RUN = {"headline": check_headline, "authors": check_authors, "body_length": check_body_length,
        "boilerplate": check_boilerplate, "truncation": check_truncation,
        "agreement": check_agreement, "completeness": check_completeness, "markers": check_markers,
        "text_quality": check_text_quality, "metadata": check_metadata, "template": check_template}


def run_checks(item: dict, *, html: "str | bytes | Page | None" = None, second_opinion: dict | None = None,
               recorded_fingerprint: dict | None = None, current_fingerprint: dict | None = None,
               source_complete: bool = True, site_profile: "SiteProfile | None" = None,
               template_diffs: list[dict] | None = None) -> dict[str, str]:
    """{check: "ok" | one-line message} for every check in CHECKS, in that order.
    template_diffs: fingerprint.compare(recorded_fingerprint, current_fingerprint), when the
    caller has it (assess.TemplateBaseline.closest_compared): not compared again."""
    c = _Context(item, html, second_opinion, recorded_fingerprint, current_fingerprint, source_complete,
                 site_profile, template_diffs)
    return {name: _RUN[name](c) for name in CHECKS}
