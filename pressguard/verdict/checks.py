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

This module holds the contract (CHECKS, run_checks, _Context: the item and the views of its
body every check shares) and one function a check; what the checks read lives beside it,
one module an idea:

page_hints           what the page says apart from the extraction (PageHints: meta, JSON-LD,
                     site names, visible h1, bylines, author pictures, comment sections)
person_names         byline text read as person names (authors, agreement, PageHints)
titles               headlines compared with other titles (headline, agreement, metadata)
topic                a headline's subject words in a body or a URL (agreement, metadata)
recorded_stories     another recorded story's paragraphs in the body (agreement)
truncation_signs     words cut out of the body, a last paragraph that may end open (truncation)
completeness_signals counts, dates, split pages and the document's end (completeness)
body_structure       listicle items, empty items, closing and reversed headings, lines run
                     together (completeness)
outline              the body's subheadings against the page's table of contents (completeness)
markers              comment, paywall, lazy-load and consent text, placeholder elements,
                     repeated paragraphs, legal pages (markers)
english              common English words, and whether a page is judged as English (text_quality)
decoding_flaws       mojibake, U+FFFD, entities, escapes, control characters (text_quality)
wording              normalising, words, prose and quoting, shared by all of them (a leaf)

headline     present, at most MAX_HEADLINE characters, not a URL slug, not one title given twice
             ("Title Title"), not the site's name (pressguard.sites
             titles, og:site_name, the JSON-LD publisher), not a generic page title ("Home",
             "Page not found", "Just a moment...", a CMS placeholder such as "Auto Draft"). With html: not a JSON-LD/og headline that
             differs from the visible <h1> (the visible one wins), and shown on the page
             outside teaser tiles and menus (a template that stopped printing it), not the
             <h1>'s subtitle element read into it, not the page's description with its title
             printed as the dek (the two fields swapped, dek_source), not a search keyphrase
             made from the title the JSON-LD, og:title and <title> agree on (the title's
             words in lower case, unpunctuated, some dropped or added: titles.keyphrase_of).
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
             "Photography by"), nor a byline naming far more people (CROWD_FACTOR times,
             CROWD_MARGIN more) than any of the site's recorded pages credits (the profile)
             unless the JSON-LD or meta author credits as many (a co-authors query that lists
             the whole staff). Without html, [] fails when the second opinion found authors. (With html the second opinion's authors are not
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
             case-insensitive), else with the meta author, else with the author picture in the
             byline's box (no shared name, and no author-page link under a byline name: a
             cached or placeholder byline); the body with the JSON-LD articleBody (most of its words,
             its paragraphs in the same order); the body with the headline's subject
             (topic_share), on sites whose recorded pages all share at least TOPIC_TRUST of
             it (the profile); the body not mostly, word for word, another story the site's
             recorded pages hold (recorded_stories: a stale fragment cache); and no headline that is the JSON-LD / og:title (else the
             <title>) with a short labelled segment added (a dateline, a section) or that
             title cut with "…". A second opinion that saw no article (page_kind, no body)
             is no opinion on the body.
completeness the whole article is there: the body is not under half the shortest body of
             the site's recorded pages (site_profile: pressguard.verdict.site_profile), not far under
             the JSON-LD wordCount (or articleBody's length), nor under it by more than the
             site's recorded pages ever are (pressguard.verdict.coherence), not under what an "N min read"
             label implies; no publication time read from printed text alone on a site whose
             recorded pages state theirs in metadata (coherence), nor a printed date stamp
             on neither the stated publication's day nor its modification's that is the day
             and writer of another story the page lists (coherence: a loop's post printed); a
             dek every recorded page has and this page shows, and a date
             the page states, were extracted; the layout-free second opinion did not read
             on where the layout stopped (2+ paragraphs of prose the body lacks); the page
             itself: every item a listicle's headline promises ("10 things") among the
             body's numbered item headings, no subheading closing the body with
             nothing after it, no numbered item heading with the next heading right
             after it (an item whose text is missing), no "Part N" / "Step N" / "Chapter N" subheadings counting
             down (blocks rendered backwards), no subheadings in another order than the
             page's table of contents lists them (outline); a published date that can be one (from 1995, at most a
             day after now: not a null date shown as 1970-01-01); a date on the fetch day
             while the pictures named after the article's slug sit in a WordPress upload
             folder (/uploads/YYYY/MM/) two months or more older; no date whose day and
             month read swapped lands in those pictures' month, no date a month before
             them or before the URL's date, no month that is the time's minute while the
             URL's date or those pictures name another month, no dateline whose labelled "Updated" line
             precedes the publication it prints while the metadata states that update
             before the publication too, or states it with day and month exchanged; no
             publication that is the time of the dateline's "Updated" line, not of its
             "Published" line (date_order); on a site whose
             recorded pages all print their description as the dek, no dek that shares
             almost nothing with this page's description and headline (dek_source); a dek that is no
             interface text (the boilerplate table) unrelated to the page's description,
             nor a list of SEO keywords, nor the headline printed again; not a later page of a split article (rel=prev, ?page=2, "Page 2 of 3"); a
             document that reaches </body></html> on a site whose recorded pages all do; no
             prose running on without a break (a subheading, a label) for RUN_RATIO times as
             long as on any of the site's RUN_MIN_PAGES+ recorded pages and RUN_MIN_WORDS+
             (body_structure.run_finding: subheadings dropped); no subheadings and list
             items run into one another in bare text of the body's container
             (body_structure.lines_run_together: their tags stripped, the text kept).
markers      no comment thread ("4 Comments", "user · 2 hours ago", "Reply"), paywall
             teaser ("Subscribe to continue reading") or lazy-load text ("Loading…") in a
             body paragraph; no placeholder element (skeleton, lazy, paywall classes,
             aria-busy, data-lazy-*; never ads, pictures or embeds) inside the body's
             container or right after it ("Load earlier updates" too), nor a collapsed control
             in the container that fetches what it unfolds from an address (aria-expanded="false"
             with a data-*/hx-* URL, no served text to unfold: markers.fetched_on_expand); no body paragraph the
             page shows inside its comment section; no body given twice (REPEAT_MIN prose
             paragraphs repeated, whole or after an earlier revision's shorter wording or a copy
             cut inside a word), no prose paragraph given again right after itself;
             not a site's legal page (a policy title and a "Last updated" line). First, a
             response served with a Content-Type no browser renders as a page (text/plain,
             JSON, octet-stream: decoding.not_rendered) fails naming the headline and body,
             and a document still carrying chunked framing (decoding.chunk_framing) the body.
text_quality headline, dek, authors and body decoded once: no mojibake (ftfy), no U+FFFD,
             no undecoded entity (&#8211;, &amp;), no control character, no markup printed
             as text (an escaped tag, or a whole field of serialized block markup), no content
             spinner's choices printed unrendered in running text ("{confirmed|announced}"), no "?" standing for
             lost characters inside words (two or more: "don?t", "Lumi?re"), no apostrophes deleted
             (text with none at all, and two or more contractions or possessives run together:
             "dont", "a collectors edition", "Priya Ramans ideas" beside "Priya Raman"); on a page that
             declares English, a body whose prose has the common English words prose has
             (not filler such as lorem ipsum) and no 2+ paragraphs of another language's prose
             (english.foreign_paragraphs: another edition's cached text), and a dek of 10+ words in English too;
             and a body free of a print or scan pipeline's flaws (pressguard.verdict.prose_flaws:
             line-end hyphens kept, OCR misreadings, a drop cap's letter lost, words lost
             with their links: pressguard.verdict.link_holes, words glued where a minifier
             trimmed the spaces at links' and emphasis' edges: pressguard.verdict.glued_words);
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
headline  a placeholder ("TK"), an unserialised value or a template variable ("%%title%%") as
          the title; another story at the
          URL (a same-host canonical URL naming another slug, whose story the headline is; not a
          retitle, whose body names both titles' subjects);
          a headline whose other copies on the page keep the non-ASCII characters it lacks; one cut short (its URL slug reads on, or a picture's alt titles
          it further: inside its last word, or on as the slug does).
authors   [] where the byline credits a script's unserialised value ("[object Object]")
          or a photo agency.
completeness  a dek that is a placeholder, a template variable, social share copy, the body's opening cut with "[…]"
          or the site's tagline (it names the site, and the story shares little else of it: dek_source);
          a __NEXT_DATA__ payload cut short (body); published read from an "Updated:" line (its text or the time its element carries) on a page
          stating no publication date (update stamps are no statement of it); no date on a site whose recorded pages all state one.
markers   the server's error output (PHP's "... in /path/x.php on line N", tracebacks),
          Markdown source printed as text, two or more empty <p> between prose paragraphs (or two or
          more with the prose paragraphs' own markup holding only an ad slot), redaction marks across the prose,
          a line after the body sending readers to another site for the rest (a syndicated excerpt),
          unserialised values in the prose ("[object Object]", "NaN", "$undefined"), two or more
          paragraphs instructing the writer (a template's default text: "Add the key facts here"),
          an editor's tracked changes published unaccepted (2+ deletions each beside the insertion
          replacing it in the body's paragraphs), a shop button's label ("Check price on Amazon",
          extract.boilerplate.COMMERCE_CALL) standing between a sentence's words (an autolinker's
          button where a name was).
"""

from __future__ import annotations

import html as htmllib
import re
import unicodedata
from datetime import datetime, timedelta
from functools import cached_property
from itertools import chain

from . import fingerprint as fp
from . import incidents
from . import dek_source
from . import coherence
from . import date_order
from . import recorded_stories
from ..extract.authors import names_a_credit
from ..extract.boilerplate import PatternTable, is_boilerplate_text
from ..extract.common import flag_before_title, subtitle_after_title
from ..extract.decoding import chunk_framing, not_rendered
from ..extract.page import Page
from .page_scan import page_scan
from .site_profile import MIN_PAGES as MIN_PROFILE_PAGES, SiteProfile
from .social_title import social_title, title_says_otherwise
from .markup_leaks import (deleted_apostrophes, esi_comment, escaped_markup, lost_characters, unprocessed_includes,
                           unrendered_spintax)
from . import prose_flaws
from ..sites import SITES, site_for_url
# each check's readings, one module an idea (the docstring above says which)
from .wording import CLOSERS, ELLIPSIS, TERMINAL, excerpt, first_three, is_prose, jaccard, norm, quote, word_total, words
from .person_names import only_other_role, person_problem, split_names, squash
from .titles import GENERIC_TITLES, SLUG, keyphrase_of, said_twice, segment_difference, strip_site, titles_agree
from .english import dek_not_english, foreign_paragraphs, not_english, paragraph_counts
from .topic import SLUG_SUPPORT, TOPIC_SHARE, TOPIC_TRUST, slug_share, topic_share, topic_words
from .page_hints import PageHints
from .truncation_signs import (ABBREV, GAP, LOWER_START, ORPHAN_SUFFIXES, TOKEN_STRIP, cut_after_inline,
                               last_is_exempt, orphans)
from .markers import (CLIPPED, PLACEHOLDER_HINTS, body_container, fetched_on_expand, following, in_comments,
                      lazy_text, legal_page, marker_gates_in, marker_of, opens_served_text, paywall_box,
                      paywall_hides_nothing, placeholder,
                      repeated_paragraphs, stutter)
from .body_structure import empty_item, heading_at_the_end, listicle_gap, run_finding, sequence_reversed, \
    subheading_misprinted, paragraphs_run_together, lines_run_together
from .outline import toc_order_finding
from .completeness_signals import (MIN_WORDCOUNT, PROFILE_SHARE, READING_WPM_FLOOR, SECOND_EXTRA_SHARE,
                                   SECOND_EXTRA_WORDS, as_int, count_finding, document_ends, first_of_many,
                                   implausible_date, keyword_list, later_page, published_after_own_pictures,
                                   second_opinion_extra)
from .decoding_flaws import text_problem


CHECKS = ("headline", "authors", "body_length", "boilerplate", "truncation", "agreement",
          "completeness", "markers", "text_quality", "metadata", "template")

MAX_HEADLINE = 300
MIN_WORDS = 80
MIN_PARAGRAPHS = 2
BODY_JACCARD = 0.5
# A metadata headline sharing a quarter of its words with the visible one (extracted) is a
# version of it; sharing less, it names another article.
STALE_JACCARD = 0.25
ARTICLE_BODY_SHARE = 0.6  # of the JSON-LD articleBody's distinct words found in the body

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


class _Context:
    def __init__(self, item, html, second_opinion, recorded, current, source_complete, profile=None,
                 template_diffs=None, content_type=None):
        self.item = item
        self.content_type = content_type
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
        """words(para), read once per item for each distinct paragraph: the body's word
        set, the second opinion's (mostly the same paragraphs), the topic words and the
        English share are all made from it. (A word never spans two paragraphs, and
        casefold maps characters one by one, so the words of the joined body are the
        paragraphs' words.)"""
        found = self._para_words.get(para)
        if found is None:
            found = self._para_words[para] = words(para)
        return found

    @cached_property
    def body_words(self) -> set[str]:
        """The body's distinct words (words)."""
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
    def word_counts(self) -> list[int]:
        """Every body paragraph's whitespace-separated words, counted once (len(p.split()))."""
        return [len(p.split()) for p in self.body]

    @cached_property
    def word_total(self) -> int:
        """The body's whitespace-separated words (word_total)."""
        return sum(self.word_counts)

    @cached_property
    def prose(self) -> list[bool]:
        """is_prose of every body paragraph, read once per item: the English counts, the
        foreign paragraphs, the prose flaws, the link holes, the prose run and the JSON-LD's
        order all read the body's prose."""
        return list(map(is_prose, self.body, self.word_counts))

    @cached_property
    def english_counts(self) -> list[tuple[int, int] | None]:
        """english.paragraph_counts: each prose paragraph's common English and letter words."""
        return paragraph_counts(self)

    @cached_property
    def container(self):
        """The element holding the body's paragraphs (markers.body_container), located once
        per item: the placeholder, emptied and ad-filled paragraph looks all start from it."""
        return body_container(self)

    @cached_property
    def picture_months(self) -> tuple[str, set[tuple[int, int]]]:
        """date_order.own_picture_months of the page, read once per item: the swapped-date and
        the month-early findings both ask (each a search of the whole source)."""
        return date_order.own_picture_months(self.url, self.html)

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


def check_headline(c: _Context) -> str:
    h = " ".join((c.item.get("headline") or "").split())
    if not h:
        return c.fail("headline", "a headline", "none")
    low = norm(h)
    for site in c.site_names:
        if low == norm(site):
            return c.fail("headline", "the article's headline", f"{quote(h)} (the site's name)")
    if low in GENERIC_TITLES or low.rstrip("!.") in GENERIC_TITLES:
        return c.fail("headline", "the article's headline", f"{quote(h)} (a generic page title)")
    if len(h) > MAX_HEADLINE:
        return c.fail("headline", f"a headline of at most {MAX_HEADLINE} characters",
                      f"{len(h)} characters: {quote(h, 60)}")
    if SLUG.fullmatch(h):
        # a title field mapped to the post's slug: words joined by hyphens, no space, lower case
        return c.fail("headline", "the article's headline", f"{quote(h)} (a URL slug)")
    if said_twice(h):
        # two title fields printed into one <h1>: "Title Title"
        return c.fail("headline", "the article's headline", f"{quote(h, 70)} (the same title given twice)")
    if c.page is not None and c.page.tree.body is not None:
        keyphrase = _keyphrase_headline(c, h)
        if keyphrase:
            return c.fail("headline", f"the article's headline ({keyphrase[0]}: {quote(keyphrase[1], 70)})",
                          f"{quote(h, 70)}, {keyphrase[2]} (a search keyphrase, not a headline)")
        # A metadata headline that differs from what readers see: the visible one wins.
        h1 = c.page.visible_h1
        if h1 and not titles_agree(h, h1) and norm(h1) not in {norm(n) for n in c.site_names} \
                and not _h1_less_label(c, h1, h):
            metas = [("JSON-LD", x) for x in c.page.jsonld[0][:1]]
            if c.page.og_title:
                metas.append(("og:title", strip_site(htmllib.unescape(c.page.og_title), c.site_names)))
            for where, other in metas:
                if titles_agree(h, other) and not titles_agree(h1, other):
                    return c.fail("headline", f"the visible headline {quote(h1, 70)} (the page's <h1>)",
                                  f"{quote(h, 70)} (the {where} headline, which differs)")
        sub = _subtitle_in_h1(c, h)
        if sub:
            return c.fail("headline", f"the title {quote(sub[0], 70)} (the page's {sub[1]})",
                          f"{quote(h, 70)}: the <h1>'s last element {quote(sub[2], 50)} read into it (a subtitle)")
        # The headline is what readers see: one found only in <title>, og:title or JSON-LD
        # is a template that stopped printing it (or printed another).
        if not c.page.shows(h):
            return c.fail("headline", "the headline the page shows",
                          f"{quote(h)}, which the page shows nowhere outside teaser tiles and menus")
    return dek_source.swapped_finding(c) or incidents.headline_finding(c) or "ok"


def _keyphrase_headline(c: _Context, h: str) -> tuple[str, str, str] | None:
    """(where, title, how) when the headline is a search keyphrase made from the title on
    which the page's other statements of it agree (titles.keyphrase_of): the JSON-LD
    headline, og:title and <title> (less the site's name), each the page states, agreeing with
    one another. The visible headline wins over metadata that differs, but not when it is no
    headline: the metadata then says what the keyphrase was made from."""
    if h != h.lower():
        return None  # keyphrase_of's first test, before the page's titles are read
    titles = [("the JSON-LD headline", x) for x in c.page.jsonld[0][:1]]
    if c.page.og_title:
        titles.append(("og:title", strip_site(htmllib.unescape(c.page.og_title), c.site_names)))
    node = c.page.tree.css_first("title")
    if node is not None and node.text().strip():
        titles.append(("<title>", strip_site(htmllib.unescape(" ".join(node.text().split())), c.site_names)))
    if not titles or not all(titles_agree(titles[0][1], t) for _, t in titles[1:]):
        return None
    how = keyphrase_of(h, titles[0][1])
    if not how:
        return None
    named = [w for w, _ in titles]
    where = ", ".join(named[:-1]) + " and " + named[-1] + " agree on" if len(named) > 1 else named[0]
    return where, titles[0][1], how


def _subtitle_in_h1(c: _Context, h: str) -> tuple[str, str, str] | None:
    """(title, where, subtitle) when the headline is the page's metadata title followed by
    the text of the element an <h1> ends with: a template (Bootstrap's <h1>Title <small>..)
    that sets the standfirst inside the heading, read whole into the headline (the layouts
    split it off, extract.common.title_of_h1; an item from another spider may not)."""
    metas = [("JSON-LD headline", x) for x in c.page.jsonld[0][:1]]
    if c.page.og_title:
        metas.append(("og:title", strip_site(htmllib.unescape(c.page.og_title), c.site_names)))
    nh = norm(h)
    for where, title in metas:
        nt = norm(title)
        if not nt or not nh.startswith(nt) or nh == nt:
            continue
        for node in page_scan(c.page._parsed).h1s:
            split = subtitle_after_title(node, h)
            if split and norm(split[0]) == nt:
                return title, where, split[1]
    return None


def _h1_less_label(c: _Context, h1: str, h: str) -> bool:
    """Is the headline the visible h1 without the label element it opens with (a story flag,
    a dateline) or the subtitle element it ends with? The extraction leaves those out when
    the page's other copies of the title are the rest (extract.common.title_of_h1)."""
    if h1.endswith(h):
        return any(flag_before_title(node, h1) == h for node in page_scan(c.page._parsed).h1s)
    if h1.startswith(h):
        return any((subtitle_after_title(node, h1) or ("",))[0] == h for node in page_scan(c.page._parsed).h1s)
    return False


def check_authors(c: _Context) -> str:
    authors = c.item.get("authors")
    if authors is None:
        authors = []
    if not isinstance(authors, list):
        return c.fail("authors", "a list of person names", repr(authors))
    bad, why = [], []
    for name in authors:
        problem = person_problem(name, c.site_names)
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
        text = squash(" ".join(t for _, t in page.bylines))
        # a byline may print "Surname, Given name" (a directory-style display setting)
        missing = [a for a in authors if squash(a) not in text
                   and squash(" ".join(a.split()[-1:] + a.split()[:-1])) not in text]
        if missing:
            shown = "; ".join(quote(t, 50) for _, t in page.bylines[:2])
            return c.fail("authors", f"names from the page's byline ({shown})",
                          f"{missing!r} in no byline element")
        # a name the byline credits only for another job (reviewing, editing, pictures)
        # is no writer: the page names none
        texts = [" ".join(t.split()) for _, t in page.bylines]
        credited = [a for a in authors if only_other_role(a, texts)]
        if credited and len(credited) == len(authors):
            return c.fail("authors", "the writer the byline names",
                          f"{credited!r}, credited in {quote(texts[0], 60)} for another role "
                          "(not as the writer)")
        slugged = _slug_byline(page)
        if slugged:
            return c.fail("authors", f"the writer's name in the byline (the page's metadata or author box "
                                     f"names {', '.join(authors)})", slugged)
    return _crowded_byline(c, authors) or "ok"


# an author page's address slug ("cap-carla-kowalski", "jane_doe"): lower case words joined
_LOGIN_SLUG = re.compile(r"[a-z0-9]+(?:[-_.][a-z0-9]+)+")


def _slug_byline(page: PageHints) -> str | None:
    """A byline whose author link reads its own address's slug: a profile whose display name
    was lost (a migration, a co-authors plugin's guest profile) shows its login. No byline
    prints a writer's name that way; the squashed text still holds the name's letters, so
    the names-in-the-byline test alone passes it."""
    for node, text in page.bylines:
        links = [node] if node.tag == "a" else node.css("a[href]")
        for link in links:
            shown = " ".join(link.text(deep=True).split())
            slug = (link.attributes.get("href") or "").split("?")[0].rstrip("/").rsplit("/", 1)[-1]
            if shown and shown == slug and _LOGIN_SLUG.fullmatch(shown):
                return f"{quote(text, 50)} (its author link {shown!r} shows the profile's address, not a name)"
    return None


# A byline naming more people than CROWD_FACTOR times the most any of the site's recorded
# pages names (and CROWD_MARGIN more) is no list of writers: a co-authors query that lost its
# post filter prints every profile of the site. Generous: a real staff round-up adds a few.
CROWD_FACTOR, CROWD_MARGIN = 3, 4


def _crowded_byline(c: _Context, authors: list[str]) -> str | None:
    """authors: the byline (or the authors) names far more people than any recorded page of
    the site ever had, and no metadata (JSON-LD, meta author) names as many."""
    prof, page = c.profile, c.page
    if prof is None or page is None or prof.with_authors < MIN_PROFILE_PAGES:
        return None
    limit = max(prof.max_authors * CROWD_FACTOR, prof.max_authors + CROWD_MARGIN)
    shown, where = len(authors), ", ".join(authors)
    for _, text in page.bylines:
        names = {squash(n) for n in split_names(text) if person_problem(n, c.site_names) is None}
        if len(names) > shown:
            shown, where = len(names), text
    if shown <= limit:
        return None
    meta = [n for raw in page.meta.get("author", []) for n in split_names(raw)]
    backed = max(len(set(map(squash, page.jsonld[1]))), len(set(map(squash, meta))))
    if backed >= shown:  # the CMS's own record credits them all: a real round-up
        return None
    return c.fail("authors", f"the piece's writers (at most {prof.max_authors} on any of the site's "
                             f"{prof.with_authors} recorded pages with a byline; the metadata names {backed})",
                  f"a byline naming {shown} people ({quote(where, 60)})")


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
            hits.append(f"{excerpt(para, m.start(), m.end())} ({name}) in paragraph {i}")
        else:
            # the extractor's own whole-paragraph furniture (one table: extract.boilerplate);
            # read as a subheading's text, since a kept "Verdict" heading is article text
            if is_boilerplate_text(para, "h2"):
                hits.append(f"{quote(para, 60)} (furniture text) in paragraph {i}")
                continue
            first = para.split(" ", 1)[0]
            if first in first_names and re.match(
                    r"\S+(?: \S+)? (?:has|is|was)\b.{0,120}\b(?:writer|editor|journalist|reporter|"
                    r"covered|written for|worked for)\b", para):
                hits.append(f"{quote(para, 60)} (author bio) in paragraph {i}")
    if hits:
        return c.fail("boilerplate", "article text only in the body", first_three(hits))
    return "ok"


def check_truncation(c: _Context) -> str:
    finds = []
    for i, para in enumerate(c.body, 1):
        # an orphan suffix stands between spaces or TOKEN_STRIP's marks: it is one of the
        # paragraph's words (c.words_of, case-folded: a superset)
        spots = [] if ORPHAN_SUFFIXES.isdisjoint(c.words_of(para)) else orphans(para)
        spots += [(m.start(), m.end(), "a missing word") for m in GAP.finditer(para)]
        for m in LOWER_START.finditer(para):
            prev = para[: m.start(1)].rsplit(" ", 1)[-1].strip(TOKEN_STRIP).casefold()
            if prev.rstrip(".") in ABBREV or len(prev) <= 1 or "." in prev:
                continue
            spots.append((m.start(2), m.end(2), "a sentence starting in lower case"))
        for start, end, why in sorted(spots)[:2]:
            finds.append(f"{excerpt(para, start, end)} ({why}) in paragraph {i}")
        cut = cut_after_inline(c, para)
        if cut:
            finds.append(f"{quote(para[-40:], 45)} ({cut}) in paragraph {i}")
    if c.source_complete and c.body:
        last = c.body[-1].rstrip()
        end = last
        while end and (end[-1] in CLOSERS or unicodedata.category(end[-1])[0] in "SZCM"):
            end = end[:-1].rstrip()
        if end and end[-1] not in TERMINAL and not last_is_exempt(c, last):
            finds.append(f"last paragraph ending {quote(last[-40:], 45)} (no terminal punctuation)")
    if finds:
        return c.fail("truncation", "whole words and a complete last sentence in the body",
                      first_three(finds))
    return "ok"


def check_agreement(c: _Context) -> str:
    issues = []
    h = c.item.get("headline") or ""
    sources = []
    if c.second is not None and c.second.get("headline"):
        sources.append(("second opinion", c.second["headline"]))
    if c.page is not None:
        sources += [("JSON-LD", x) for x in c.page.jsonld[0][:1]]
        if c.page.og_title:
            sources.append(("og:title", strip_site(htmllib.unescape(c.page.og_title), c.site_names)))
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
            seg = segment_difference(h, other, removed=where == "JSON-LD") \
                if where != "second opinion" else None
            if seg:
                issues.append(f"headline {quote(h, 60)} differing from the {where} title "
                              f"{quote(other, 60)} by {seg}")
                continue
            said = title_says_otherwise(c, h, other) if where == "og:title" and not any(w == "JSON-LD" for w, _ in sources) else None
            if said:
                issues.append(said)  # the page's title shows that the h1 is not the story's (social_title.py)
                continue
            if where != "second opinion" and visible and titles_agree(h, visible) and \
                    jaccard(set(words(norm(other))), set(words(norm(h)))) >= STALE_JACCARD:
                continue  # an older version of the visible headline (a stale draft, an SEO title)
            if where == "og:title" and social_title(c, h, other, sources):
                continue  # a title rewritten for social feeds (social_title.py)
            if not titles_agree(h, other):
                issues.append(f"headline {quote(other, 60)} ({where}) for {quote(h, 60)}")
        if c.page is not None and not any(where != "second opinion" for where, _ in sources):
            # no metadata title: the <title> (less the site's name) is the CMS's title too;
            # judged for an added segment or a cut only, never for wording (an SEO title)
            node = c.page.tree.css_first("title")
            title = strip_site(htmllib.unescape(" ".join(node.text().split())), c.site_names) \
                if node is not None else ""
            seg = segment_difference(h, title, removed=False) if title else None
            if seg:
                issues.append(f"headline {quote(h, 60)} differing from the <title> "
                              f"{quote(title, 60)} by {seg}")
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
            j = jaccard(mine, theirs)
            if j < BODY_JACCARD:
                issues.append(f"body word overlap {j:.2f} with the second opinion "
                              f"({len(theirs)} distinct words vs {len(mine)}; need >= {BODY_JACCARD})")
    if c.page is not None and c.body:
        # the article's text as the CMS stored it: an excerpt of it is fine (containment, not
        # overlap), another story's text under this page's metadata is not
        ab = (c.page.ld.article or {}).get("articleBody")
        stored = set(words(htmllib.unescape(ab))) if isinstance(ab, str) else set()
        if len(stored) >= MIN_WORDCOUNT:
            share = len(stored & c.body_words) / len(stored)
            if share < ARTICLE_BODY_SHARE:
                issues.append(f"body holding {share:.0%} of the words of the JSON-LD articleBody "
                              f"(need >= {ARTICLE_BODY_SHARE:.0%}; it opens {quote(ab, 40)})")
            else:
                shuffled = _order_against(c.body, htmllib.unescape(ab), c.prose)
                if shuffled:
                    issues.append(shuffled)
    prof = c.profile
    if prof is not None and prof.min_topic_share is not None and prof.min_topic_share >= TOPIC_TRUST \
            and c.body:
        share = topic_share(c.item.get("headline"), c.url, c.body, body_words=c.body_words)
        if share is not None and share < prof.min_topic_share * TOPIC_SHARE:
            issues.append(f"body sharing {share:.0%} of the headline's subject words (each of the "
                          f"site's {prof.pages} recorded pages shares >= {prof.min_topic_share:.0%})")
    issues += filter(None, [recorded_stories.story_finding(c)])
    authors = [a for a in c.item.get("authors") or [] if isinstance(a, str)]
    if c.page is not None and authors:
        # JSON-LD that describes another article is no witness of this one's writers; the
        # meta author and the byline's picture still are (a cached byline fragment of another
        # story must not hide behind a cached graph of a third)
        ld = [] if foreign else [n for n in c.page.jsonld[1] if person_problem(n, c.site_names) is None]
        if ld and {squash(a) for a in authors} != {squash(n) for n in ld}:
            issues.append(f"authors {ld!r} (JSON-LD) for {authors!r}")
        elif not ld:
            # no JSON-LD person: the meta author is the CMS's record of the writer; a byline
            # that shares no name with it names someone else (a cached fragment of another story)
            meta = [n for raw in c.page.meta.get("author", []) for n in split_names(raw)
                    if person_problem(n, c.site_names) is None]
            if meta and not {squash(a) for a in authors} & {squash(n) for n in meta}:
                issues.append(f"authors {meta!r} (meta author) for {authors!r}")
            elif not meta:
                issues += filter(None, [_picture_disagrees(c, authors)])
    if issues:
        return f"agreement: {c.url}: expected sources to agree, found " + "; ".join(issues)
    return "ok"


def _picture_disagrees(c: "_Context", authors: list[str]) -> str | None:
    """On a page whose metadata names no writer: the author picture in the byline's box names
    none of the authors. The picture comes with the writer's profile, the byline's text from
    wherever it was cached or defaulted (another story's fragment, a component's placeholder)."""
    shown = squash(" ".join(t for _, t in c.page.bylines))
    # a picture of someone the byline credits (a reviewer, an editor) is no other writer
    pictures = [n for n in dict.fromkeys(c.page.byline_pictures) if squash(n) not in shown]
    if not pictures or {squash(a) for a in authors} & {squash(n) for n in pictures}:
        return None
    # an author page the page links to under a byline name backs the byline: the picture is outvoted
    slugs = {re.sub(r"[^a-z0-9]+", "-", a.casefold()).strip("-") for a in authors}
    for link in c.page.tree.css('a[href*="/author"]'):
        path = (link.attributes.get("href") or "").split("?")[0].rstrip("/")
        if path.rsplit("/", 1)[-1] in slugs:
            return None
    return f"authors {pictures!r} (the author picture beside the byline) for {authors!r}"


ORDER_MIN_PARAGRAPHS = 3  # prose paragraphs found in the stored text, to judge an order
ORDER_MAX_INVERSIONS = 0.2  # of neighbouring pairs stored the other way round


def _order_against(body: list[str], stored: str, prose: list[bool]) -> str | None:
    """The body's prose paragraphs must come in the order the CMS stored them (a fragment
    cache that merges blocks out of order keeps every word). Only paragraphs found whole in
    the stored text are placed, each where it stands there once (a sentence the text holds twice,
    as a pull quote repeats one, has no one place); with fewer than ORDER_MIN_PARAGRAPHS the
    order is not judged. prose: is_prose of each paragraph."""
    text = fp.squash(stored)
    placed = []
    for i, (p, is_sentence) in enumerate(zip(body, prose), 1):
        if is_sentence:
            sq = fp.squash(p)
            at = text.find(sq)
            if at >= 0 and text.find(sq, at + 1) < 0:
                placed.append((at, i, p))
    if len(placed) < ORDER_MIN_PARAGRAPHS:
        return None
    swapped = [(a, b) for a, b in zip(placed, placed[1:]) if b[0] < a[0]]
    if len(swapped) < 2 or len(swapped) < ORDER_MAX_INVERSIONS * (len(placed) - 1):
        return None
    a, b = swapped[0]
    return (f"body paragraphs in another order than the JSON-LD articleBody ({len(swapped)} of "
            f"{len(placed) - 1} neighbours swapped; paragraph {a[1]} {quote(a[2], 30)} comes "
            f"after paragraph {b[1]} {quote(b[2], 30)} there)")


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
    if titles_agree(h, ld) or segment_difference(h, ld):
        return None
    # the page's own title: og:title, else the <title> less the site's name
    node = c.page.tree.css_first("title") if not c.page.og_title else None
    og = c.page.og_title or (" ".join(node.text().split()) if node is not None else "")
    og = strip_site(htmllib.unescape(og), c.site_names)
    if not og or not titles_agree(h, og) or segment_difference(h, og, removed=False):
        return None
    if c.second is not None and c.second.get("headline") and not titles_agree(h, c.second["headline"]):
        return None
    mine, theirs = slug_share(c.url, h), slug_share(c.url, ld)
    if mine is None or theirs is None or mine < SLUG_SUPPORT or theirs > mine / 2:
        return None
    # another article's graph differs in more than its title: its writer or its date too
    # (a lone differing JSON-LD headline stays agreement's finding about the headline)
    authors = {squash(a) for a in c.item.get("authors") or [] if isinstance(a, str)}
    persons = {squash(n) for n in c.page.jsonld[1]}
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
                  f"the JSON-LD headline {quote(ld, 60)} for the headline {quote(c.item.get('headline'), 60)} "
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


def check_completeness(c: "_Context") -> str:
    """Each finding reads "<field>: <expected>, found <found>"."""
    finds: list[str] = []
    odd_date = implausible_date(c.item.get("published"))
    if odd_date:
        finds.append(odd_date)
    redated = published_after_own_pictures(c)
    if redated:
        finds.append(redated)
    # the minute read as the month last: a date the dateline's own lines explain is theirs
    finds += filter(None, [date_order.swapped_finding(c) or date_order.month_early_finding(c)
                           or date_order.update_before_publication_finding(c)
                           or date_order.update_as_publication_finding(c)
                           or date_order.minutes_for_month_finding(c)])
    words = c.word_total
    prof = c.profile
    # (a) the site's own recorded pages
    if prof is not None and c.body and words < prof.min_words * PROFILE_SHARE:
        finds.append(f"body: at least {int(prof.min_words * PROFILE_SHARE)} words (half the "
                     f"shortest of the site's {prof.pages} recorded pages), found {words}")
    finds += filter(None, [run_finding(c)])
    page = c.page
    if page is not None:
        # (b) the page's own signals
        art = page.ld.article or {}
        wc = as_int(art.get("wordCount"))
        if wc is not None and wc >= MIN_WORDCOUNT:
            f = count_finding(words, wc, "JSON-LD wordCount")
            if f:
                finds.append(f)
        finds += filter(None, [coherence.wordcount_finding(c), coherence.published_finding(c),
                               coherence.printed_date_finding(c)])
        ab = art.get("articleBody")
        if isinstance(ab, str) and len(ab.split()) >= MIN_WORDCOUNT and wc is None:
            f = count_finding(words, len(ab.split()), "JSON-LD articleBody")
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
                finds.append(f"dek: the page's dek {quote(desc, 60)} (every one of the "
                             f"site's {prof.pages} recorded pages has a dek), found none")
        if prof is not None and prof.always("dek") and not c.item.get("dek"):
            # ... or printing no summary in its standfirst slot, which the extraction passed over
            source = c._source if isinstance(c._source, Page) else Page(None, c.url, parsed=page._parsed)
            finds += filter(None, [incidents.dek_slot_finding(source, desc, c.item.get("headline"))])
        dek = c.item.get("dek")
        if isinstance(dek, str) and dek.strip() and is_boilerplate_text(" ".join(dek.split())):
            # a standfirst slot that printed a widget's error state or a label; the page's own
            # summary, when it has one, says what the dek is about, and this one does not
            shared = topic_words(dek) & topic_words(desc) if desc else set()
            if not shared or names_a_credit(dek):  # a photo credit names the studio the story is about
                finds.append(f"dek: the article's standfirst{' (the page describes it as ' + quote(desc, 50) + ')' if desc else ''}, "
                             f"found {quote(dek, 60)} (interface text, not a summary)")
        if isinstance(dek, str) and desc and dek.rstrip().endswith(ELLIPSIS):
            # the standfirst slot fed from a description an SEO plugin cut short: the page's
            # own description goes on past the ellipsis
            stem = norm(dek).rstrip(".\u2026 ")
            if len(stem) >= 20 and norm(desc).startswith(stem) and len(norm(desc)) > len(stem) + 3:
                finds.append(f"dek: the whole standfirst {quote(desc, 60)} (the page's description), "
                             f"found a cut ending in {quote(dek[-20:].strip(), 24)}")
        headline = c.item.get("headline")
        if isinstance(dek, str) and isinstance(headline, str) and dek.strip():
            said, titled = norm(dek), norm(headline)
            if said == titled and not (desc and norm(desc) == said):
                # the standfirst slot fed from the title field: the page's summary is not shown (a
                # page whose own description is its title has no other summary to show)
                finds.append(f"dek: the article's standfirst{' (the page describes it as ' + quote(desc, 50) + ')' if desc else ''}, "
                             f"found the headline printed again ({quote(dek, 50)})")
            elif len(titled) >= 10 and said.startswith(titled) and said[len(titled):][:1].isalnum():
                # the slot fed from a block's text with no separator between its parts: the headline
                # glued to the next words ("... and betterWhat happens next ...")
                cut = len(headline.rstrip())
                finds.append(f"dek: the article's standfirst, found the headline glued to it "
                             f"({quote(dek, 80)}: {quote(dek[max(0, cut - 12):cut + 12], 30)})")
        if isinstance(dek, str) and keyword_list(dek):
            # the SEO plugin's focus keywords printed in the standfirst slot
            finds.append(f"dek: the article's standfirst, found {quote(dek, 60)} (a list of "
                         "keywords, not a summary)")
        if prof is not None and prof.always("html_end") and not document_ends(c.html):
            tail = c.html[-40:]
            tail = tail.decode("utf-8", "replace") if isinstance(tail, bytes) else tail
            finds.append(f"body: the whole document (every one of the site's {prof.pages} recorded "
                         f"pages ends with </body></html>), found a document cut off at "
                         f"{quote(' '.join(tail.split()), 40)}")
        # (the elements and comments its walk looks for, from the page's one walk; a comment
        # holding "esi:include" counts only in ESI's comment form, a search of the source)
        scan = page_scan(page._parsed)
        if scan.includes or (scan.esi_comments and esi_comment(c.html)):
            finds += filter(None, [unprocessed_includes(c.html, page.tree, c.body)])
        later = later_page(page, c.url)
        if later:
            finds.append(f"body: the whole article, found one later page of it ({later})")
        first = None if later else first_of_many(page, c.url)
        if first:
            finds.append(f"body: the whole article, found its first page only ({first})")
        stated = page.ld.date_published() or (page.meta.get("article:published_time") or [""])[0]
        if not c.item.get("published") and stated:
            finds.append(f"published: the date the page states ({stated}), found none")
        # the page's own structure: the items a listicle's headline promises, a section
        # its last subheading opens
        finds += filter(None, (listicle_gap(c), heading_at_the_end(c), empty_item(c), sequence_reversed(c),
                                    toc_order_finding(c), subheading_misprinted(c),
                                    paragraphs_run_together(c), lines_run_together(c)))
    if prof is not None and prof.always("published") and not c.item.get("published"):
        finds.append(f"published: the publication date (every one of the site's {prof.pages} recorded "
                     "pages states one), found none on this page")
    # (c) the layout-free second opinion reads on where the layout stopped
    extra = second_opinion_extra(c)
    extra_words = word_total(extra)
    if len(extra) >= 2 and extra_words >= max(SECOND_EXTRA_WORDS, SECOND_EXTRA_SHARE * words) and \
            any(is_prose(p) for p in extra):  # article text, not a list of teaser titles
        finds.append(f"body: the article text the layout-free extraction also found "
                     f"({len(extra)} more paragraphs, {extra_words} words, from {quote(extra[0], 50)}), "
                     f"found {words} words in {len(c.body)} paragraphs")
    finds += incidents.completeness_findings(c)
    if finds:
        return f"completeness: {c.url}: expected " + "; ".join(finds)
    return "ok"


def check_markers(c: "_Context") -> str:
    served = not_rendered(c.content_type)
    if served is not None:
        # the fields are read from a source no browser renders: none of them is shown as such
        return c.fail("markers", "headline, body: a page served as HTML (text/html)",
                      f"Content-Type {served}: browsers show the response as {served}, not the article")
    size = chunk_framing(c.html if isinstance(c.html, (str, bytes)) else None)
    if size is not None:
        return c.fail("markers", "body: the page's text as served",
                      f"the response's chunked framing left in the document (it opens with a chunk size "
                      f"{size!r} that the next size line confirms): size lines and line breaks cut "
                      "into the text wherever a chunk ends")
    finds = []
    lows = [t.lower() for t in c.body_spaced]
    gates = marker_gates_in(lows)  # each gate looked for once in the body
    for i, (para, spaced, low) in enumerate(zip(c.body, c.body_spaced, lows), 1):
        kind = marker_of(para, spaced, low, gates)
        if kind:
            finds.append(f"{quote(para, 50)} ({kind}) in paragraph {i}")
    legal = legal_page(c.body)
    if legal:
        finds.append(legal)
    repeated = repeated_paragraphs(c.body, c.body_keys)
    if repeated:
        finds.append(f"{len(repeated)} paragraphs given twice (again whole, or after a shorter wording of "
                     f"their opening), first {quote(repeated[0], 50)} (the body rendered more than once)")
    clipped = [p for p in c.body if CLIPPED.search(p)]
    if len(clipped) >= 2:
        # a feed-excerpt filter on the article template: each paragraph cut, marked "[…]"
        finds.append(f"{len(clipped)} paragraphs cut short with an excerpt mark, first "
                     f"{quote(clipped[0], 50)} (an excerpt of each paragraph, not the article)")
    again = stutter(c.body, c.body_keys)
    if again is not None:
        finds.append(f"paragraph {again + 1} {quote(c.body[again], 50)} given again right after "
                     "itself (an editor's or a cache's glitch)")
    container = c.container
    if container is not None and container.tag not in ("body", "html"):
        budget = 5000  # elements: the container and what follows it, never the whole page
        for root in [container] + following(container, 1):
            hit = None
            markup = (root.html or "").lower()
            if not any(w in markup for w in PLACEHOLDER_HINTS):
                continue  # one look at the markup instead of every element's attributes
            for node in root.traverse(include_text=True):
                budget -= 1
                if budget < 0:
                    break
                if node.tag == "-text":
                    why = lazy_text(node, root is container)
                    # a control's own class names what it does ("load-more", "live-more"):
                    # whether it sits in furniture is its surroundings' question
                    own = node.parent
                    around = own.parent if own is not None and own.tag in ("button", "a") else own
                    if why and not (around is not None and c.page._furniture_at(around)) \
                            and not in_comments(node.parent) \
                            and not opens_served_text(node.parent, c.page.tree):
                        hit = (node.parent, why)
                        break
                    continue
                why = placeholder(node, strong=root is not container) \
                    or (fetched_on_expand(node, c.page.tree) if root is container else None)
                if why and not c.page._in_furniture(node) and not in_comments(node) \
                        and not opens_served_text(node, c.page.tree) \
                        and not (paywall_box(node) and paywall_hides_nothing(c)):
                    hit = (node, why)
                    break
            if hit is not None:
                node, why = hit
                text = " ".join((node.text(deep=True) or "").split())
                where = "inside" if root is container else "right after"
                finds.append(f"a placeholder <{node.tag}> ({why}) {where} the body's container"
                             + (f" reading {quote(text, 40)}" if text else ""))
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
                finds.append(f"{quote(hit[1], 50)} (text of the page's comment section) in paragraph {hit[0]}")
                break
    finds += incidents.body_findings(c)
    if finds:
        return c.fail("markers", "body: article text only", first_three(finds))
    return "ok"


def check_text_quality(c: "_Context") -> str:
    finds = []
    foreign = not_english(c) or foreign_paragraphs(c)
    if foreign:
        finds.append(foreign)
    foreign_dek = dek_not_english(c)
    if foreign_dek:
        finds.append(foreign_dek)
    fields = [("headline", c.item.get("headline")), ("dek", c.item.get("dek"))]
    fields += [("authors", a) for a in c.item.get("authors") or []]
    fields += [(f"body paragraph {i}", p) for i, p in enumerate(c.body, 1)]
    # running text: the headline, the dek and the body's prose (a body's code line may write a
    # command's "{start|stop}"); the authors are names
    prose = [True, True] + [False] * (len(fields) - 2 - len(c.body)) + c.prose
    for (field, text), running in zip(fields, prose):
        if isinstance(text, str) and text:
            problem = text_problem(text) or escaped_markup(text) or unrendered_spintax(text, running)
            if problem:
                finds.append(f"{field}: {problem}")
    finds += filter(None, [lost_characters(fields) or deleted_apostrophes(fields, c.words_of)])
    finds += prose_flaws.body_findings(c)
    if finds:
        return c.fail("text_quality", "text decoded once, in the page's language, without entities "
                      "or control characters",
                      first_three(finds))
    return "ok"


_RUN = {"headline": check_headline, "authors": check_authors, "body_length": check_body_length,
        "boilerplate": check_boilerplate, "truncation": check_truncation,
        "agreement": check_agreement, "completeness": check_completeness, "markers": check_markers,
        "text_quality": check_text_quality, "metadata": check_metadata, "template": check_template}


def run_checks(item: dict, *, html: "str | bytes | Page | None" = None, second_opinion: dict | None = None,
               recorded_fingerprint: dict | None = None, current_fingerprint: dict | None = None,
               source_complete: bool = True, site_profile: "SiteProfile | None" = None,
               template_diffs: list[dict] | None = None,
               content_type: str | bytes | None = None) -> dict[str, str]:
    """{check: "ok" | one-line message} for every check in CHECKS, in that order.
    template_diffs: fingerprint.compare(recorded_fingerprint, current_fingerprint), when the
    caller has it (assess.TemplateBaseline.closest_compared): not compared again.
    content_type: the Content-Type header the page was served with, when known."""
    c = _Context(item, html, second_opinion, recorded_fingerprint, current_fingerprint, source_complete,
                 site_profile, template_diffs, content_type)
    return {name: _RUN[name](c) for name in CHECKS}
