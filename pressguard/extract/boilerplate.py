"""What is never article text: the furniture around and inside GAMURS bodies (and most
other publishers'), as element markers and as whole-paragraph text patterns.

Element markers are matched against class names cut into words at "-", "_" and spaces
(so ``wp-block-gamurs-author-bio__name`` has the words ``author`` and ``bio``), never
against substrings, so ``shadow`` is not an ad and ``icons`` is not ``cons``. Ids are
only looked at on containers: a subheading id like ``h-how-to-share-codes`` says nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .regex_prefix import Openings
from .text import BLOCK_TAGS, HEADINGS, SKIP_TAGS, skip_blank

# Class words that mark a whole subtree as furniture. Strong words name furniture and
# nothing else; weak words also turn up on layout wrappers ("pg-side-of-rail",
# "elementor-widget-container", "m-advertisement-off-canvas--pusher"), so inside a chosen
# article container they are furniture, but they never hide a whole page from the search
# for that container.
_STRONG_WORDS = frozenset(
    """
    sponsored sponsor promo promoted outbrain taboola ezoic nativo
    related recommended recirc trending popular newsletter subscribe subscription
    signup login signin register modal popup recaptcha grecaptcha captcha
    cookie cookies consent gdpr comment comments disqus breadcrumb breadcrumbs
    disclaimer disclosure affiliate byline author authors bio pagination pager
    nav navigation menu footer hidden poll polls survey transcript
    """.split()
)  # ("transcript": a podcast's or video's transcript is the episode's, not the article's; a page
# that is a transcript keeps it: a marked subtree holding most of the text. Not "podcast":
# an article about podcasting names its sections so)
_WEAK_WORDS = frozenset(
    """
    ad ads adv advert adverts advertisement advertising adslot adunit adsbygoogle dfp gpt
    jwplayer player videoplayer auth overlay dialog share sharing sharedaddy social
    sidebar rail widget widgets toc verdict score rating pros cons caption credit credits
    figcaption meta metadata tags categories tile tiles embed tweet button btn
    """.split()
)  # ("button", "btn": a link styled as a button, alone in its paragraph or box: the platform's
# call to act, "Subscribe now", "Share", "Buy on Amazon", not the writer's sentence)
# Layout modifiers say nothing about what an element is: "has-sidebar",
# "lm-grid--with-right-rail", "no-ads".
_MODIFIER = re.compile(r"(?:(?<=\s)|^|--)(?:has|with|without|no)-\S*")
# Class fragments of text kept in the markup for screen readers and hidden from view.
SCREEN_READER_CLASSES = r"screen-reader|sr-only|visually-hidden"
# Multi-word markers, matched as substrings of the lowercased class/id value.
_PHRASES = re.compile(
    r"review-summary|" + SCREEN_READER_CLASSES + r"|read-more|readmore|more-stories"
    r"|most-read|you-may-like|also-read|see-also|post-tags|table-of-contents|ez-toc"
    r"|wp-block-gamurs-(?:video|author|review|article-tile|affiliate|related|newsletter"
    r"|article-metadata|article-header|article-featured)"
)
_SPLIT = re.compile(r"[\s_\-]+")

SKIP_ROLES = frozenset(
    {"dialog", "alertdialog", "complementary", "navigation", "banner", "contentinfo",
     "search", "alert", "status", "note", "menu", "menubar", "toolbar",
     "tooltip"}  # a glossary's or footnote's popover, shown on hover: not the article's prose
)
# Tags that are furniture wherever they sit inside an article body.
SKIP_BLOCK_TAGS = frozenset({"aside", "nav", "footer", "header", "form", "figcaption", "ins", "h1"})
_ID_TAGS = frozenset({"div", "section", "aside", "nav", "ins", "footer", "form", "ul", "ol", "span"})
_NEVER = frozenset({"html", "body", "main", "article"})


@lru_cache(maxsize=8192)
def class_level(value: str) -> int:
    """How surely a class (or id) value names furniture: 2 surely, 1 maybe, 0 not.
    (Cached: a page repeats the same few dozen class values hundreds of times.)"""
    if not value:
        return 0
    low = value.lower()
    if _PHRASES.search(low):
        return 2
    words = set(_SPLIT.split(_MODIFIER.sub(" ", low)))
    if not _STRONG_WORDS.isdisjoint(words):
        return 2
    if not _WEAK_WORDS.isdisjoint(words):
        return 1
    return 0


def class_is_boilerplate(value: str) -> bool:
    """Does a class (or id) value name furniture?"""
    return class_level(value) > 0


_BOX_LABELS = frozenset({"pros", "cons", "the good", "the bad", "verdict", "the verdict", "score"})
_BOX_LABEL_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6", "strong", "b"})


def is_review_box(node) -> bool:
    """A review box without telling classes: a div whose first element is a heading
    reading "Pros", "Cons", "Verdict" ... (Destructoid's own theme does this)."""
    if node.tag not in ("div", "section"):
        return False
    child = skip_blank(node.child)
    if child is None or child.tag not in _BOX_LABEL_TAGS:
        return False
    label = " ".join(_text_up_to(child, _LABEL_MAX).split()).rstrip(":").lower()
    return label in _BOX_LABELS


_LABEL_MAX = 24  # longer than any box label


def _text_up_to(node, limit: int) -> str:
    """The start of node's inline text, read no further than limit characters or the
    first block inside (a label test must not read a whole subtree: on nested markup
    that is quadratic)."""
    parts: list[str] = []
    size = 0
    stack = [node.child] if node.child is not None else []
    while stack and size <= limit:
        n = stack.pop()
        if n.next is not None:
            stack.append(n.next)
        if n.tag == "-text":
            t = n.text_content or ""
            parts.append(t)
            size += len(t)
        elif n.tag in BLOCK_TAGS:  # a label is inline text: a block inside ends it
            break
        elif n.child is not None and not n.tag.startswith("-"):
            stack.append(n.child)
    return "".join(parts)


# A series plugin's box printed inside the post's content (hooked on the_content): which part
# of a series this post is ("This entry is part 2 of 5 in the series <a>X</a>", "This is post
# 1 of 3 in the series", "This article is part 4 of the X series:") or the series' other parts
# as links ("Articles in this series", "« Previous part: <a>...</a>"). It steers between
# posts; the article never reads so.
SERIES_BOX_MAX_CHARS = 300  # an announcement and a few parts' titles; more is the article's own box
SERIES_BOX_LINKS = 0.5  # of a box's text in links: a box of links (a list of the parts, a pager)
_SERIES_PART = re.compile(
    r"(?:this|the)\b.{0,30}?\b(?:part|post|entry|article|episode|instal+ment|chapter)\s+\S+\s+of\b"
    r".{0,120}?\bseries\b", re.I | re.S)
_SERIES_LINKS = re.compile(
    r".{0,40}?\b(?:(?:in|from|of)\s+(?:this|the)\s+series|(?:previous|prev|next)\s+(?:part|entry|"
    r"installment|instalment|episode|chapter))\b", re.I | re.S)


def series_box(node) -> bool:
    """A series plugin's box (see _SERIES_PART): a box of its own (a div or a section, never
    a paragraph: a writer's "This is the second part of my series" in a <p> is the article's
    note), short, holding a link, that opens by naming which part of a series this post is, or
    whose text is mostly links opening by naming the series' parts."""
    if node.tag not in ("div", "section"):
        return False
    read = _short_text(node, SERIES_BOX_MAX_CHARS)
    if read is None:
        return False
    text, linked = read
    if not linked:
        return False
    if _SERIES_PART.match(text) is not None:
        return True
    return linked >= SERIES_BOX_LINKS * len(text) and _SERIES_LINKS.match(text) is not None


def _short_text(node, limit: int) -> tuple[str, int] | None:
    """(node's text, whitespace collapsed, and how many of its characters are link text), or
    None when it holds more than limit characters: read no further than that (the layouts
    ask this of every unmarked box of a body, nested ones included)."""
    parts: list[str] = []
    size = linked = 0
    stack = [(node.child, False)] if node.child is not None else []
    while stack:
        n, in_link = stack.pop()
        if n.next is not None:
            stack.append((n.next, in_link))
        tag = n.tag
        if tag == "-text":
            t = " ".join((n.text_content or "").split())
            if t:
                parts.append(t)
                size += len(t) + 1
                if in_link:
                    linked += len(t)
                if size > limit + 1:
                    return None
        elif tag[0] != "-" and tag not in SKIP_TAGS and n.child is not None:
            stack.append((n.child, in_link or tag == "a"))
    return " ".join(parts), linked


def figure_furniture(node) -> bool:
    """A disclosure (<details>) inside a figure: the image's long description (an
    accessibility rewrite's "Image description" under each picture) or its data, the
    figure's own like its caption, not the article's prose. A <details> beside a figure
    (a chart's data table, a FAQ) is judged as any block is."""
    if node.tag != "details":
        return False
    up, depth = node.parent, 0
    while up is not None and depth < _FIGURE_DEPTH:
        if up.tag == "figure":
            return True
        up, depth = up.parent, depth + 1
    return False


_FIGURE_DEPTH = 3  # the figure itself, or a wrapper or two inside it (a figure never wraps a page)


def box_level(node) -> int:
    """furniture_level of an element its markup leaves unmarked: 1 a review box, 2 a series
    plugin's box, 0 neither."""
    if is_review_box(node):
        return 1
    return 2 if series_box(node) else 0


# An element placed far off the screen (position:absolute;left:-9999px): hidden link
# injections and old image-replacement tricks; no reader sees its text.
_OFF_SCREEN = re.compile(r"position:(?:absolute|fixed)\b.*?(?:left|top|text-indent):-\d{4,}(?:\.\d+)?px"
                         r"|(?:left|top|text-indent):-\d{4,}(?:\.\d+)?px.*?position:(?:absolute|fixed)\b")


def style_hides(style: str | None) -> bool:
    """Does an inline style keep the element from every reader: display:none,
    visibility:hidden, or positioned thousands of pixels off the screen? One reading for
    the template path (furniture_level) and the generic one (generic_body.marker_level):
    hidden spam must stay out of the body whichever path reads it."""
    if not style:
        return False
    if "none" in style or "hidden" in style:
        s = style.replace(" ", "").lower()
        if "display:none" in s or "visibility:hidden" in s:
            return True
    return "-" in style and _OFF_SCREEN.search(style.replace(" ", "").lower()) is not None


def furniture_level(node, *, by_tag: bool = True) -> int:
    """2: this element is surely furniture (a tag such as aside or nav, hidden, a dialog
    role, a strong class word, a figure's <details>, a series plugin's box); 1: maybe (a weak
    class word, a review box); 0: not.
    by_tag=False judges the element by its markup only (an <h1> known to be a section
    heading, not the page's title)."""
    tag = node.tag
    if by_tag and tag in SKIP_BLOCK_TAGS:
        return 2
    if tag in _NEVER:
        return 0
    if tag == "details" and figure_furniture(node):
        return 2
    attrs = node.attributes
    if not attrs:
        return box_level(node)
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return 2
    role = attrs.get("role")
    if role and role.lower() in SKIP_ROLES:
        return 2
    if style_hides(attrs.get("style")):
        return 2
    level = class_level(attrs.get("class") or "")
    if level < 2 and tag in _ID_TAGS:
        level = max(level, class_level(attrs.get("id") or ""))
    if level == 0:
        level = box_level(node)
    return level


def is_boilerplate_node(node) -> bool:
    """Is this element (with everything under it) furniture rather than article text?"""
    return furniture_level(node) > 0


# Class words of the furniture that closes an article: nothing after it is this article's
# text (an author box, the comments, related posts, pagination to the next story).
_END_WORDS = frozenset(
    """
    author authors bio comment comments disqus related recommended recirc pagination pager
    """.split()
)
_END_TAGS = frozenset({"footer", "header", "h1", "article"})


def ends_article(node) -> bool:
    """Does this element mark the end of the article before it (see _END_WORDS), or start
    another one (a header, an h1, an <article>)?"""
    if node.tag in _END_TAGS:
        return True
    attrs = node.attributes
    value = ((attrs.get("class") or "") + " " + (attrs.get("id") or "")).lower()
    if not value.strip():
        return False
    return not _END_WORDS.isdisjoint(_SPLIT.split(_MODIFIER.sub(" ", value)))


# A shop button's text, what affiliate plugins print on their buy buttons ("Check price on
# Amazon", "View deal", "Buy now", "Buy on Walmart"): a call to act, never the writer's sentence,
# so one inside a sentence is a button put where the writer's words were
# (pressguard.verdict.incidents: an autolinker's "replace keyword with button"). Not among the
# whole-paragraph patterns below: a product box's lone "Buy on Amazon" line is text to WCXB's
# annotators (pages 4130, 4431: 20 reference lines), and the extraction keeps it as they do.
COMMERCE_CALL = (
    r"(?:check|see|view|compare|get|find)(?: the)?(?: (?:latest|current|best|lowest|today'?s))?"
    r" (?:price|prices|deal|deals|offer|offers|availability)(?: (?:on|at|from|via) [^.!?]{1,30})?"
    r"|(?:buy|shop|order|pre-?order|view|see)(?: it| now| them)? (?:on|at|from)"
    r" (?:amazon|walmart|best buy|target|ebay|newegg|gamestop|steam)\b[^.!?]{0,20}"
    r"|(?:buy|shop|order|pre-?order) now|add to (?:cart|basket|bag)"
)

# Whole paragraphs that are furniture, by their text.
_TEXT_PATTERNS = [
    # Labels and widgets
    r"recommended videos?",
    r"advertisements?|ad|sponsored( content)?|continue reading below|story continues below"
    r"|scroll (down )?to continue( reading)?|article continues below( this ad)?",
    r"author|share( this( article)?)?:?|tags?:.*|filed under:.*",
    r"(related|disclosure|read more|read also|also read|see also|more|recommended|watch|"
    r"more from [^:]{1,40}|trending|don'?t miss|related stories|related articles)\s*:.*",
    r"image of .{1,80}",
    # a slideshow's or a gallery's counter on its own ("1 / 3", "Slide 2 of 5")
    r"((slide|photo|image|picture|page)\s+)?\d{1,3}\s*(/|of)\s*\d{1,3}",
    r"https?://\S+|www\.\S+",  # a bare URL: an embed that did not render
    r"\{%-?\s*[a-z_]\w*\b[^{}]*?-?%\}",  # a template statement ({% include x %}) left unrendered
    # A republisher's note on where the story first ran
    r"(this (article|story|piece|post) (was )?)?(originally|first) (published|appeared|ran)"
    r" (on|in|at|by) .{1,80}",
    # PHP's display_errors output printed between the blocks ("<b>Warning</b>: ... in
    # <b>/path/x.php</b> on line <b>42</b>"): the server's, not the writer's
    r"(warning|notice|deprecated|(catchable |recoverable )?fatal error|parse error|strict standards)"
    r"\s*:\s.{1,400}?\sin\s+\S+\.php\s+on\s+line\s+\d+",
    # A wire's or a syndicator's rights notice closing the copy
    r"(copyright|\(c\)|©)\s.{0,80}\ball rights reserved\b.*",
    r"(this|the) material may not be (published|reproduced)(, broadcast)?(, rewritten)?,? or redistributed.*",
    # Photo credits and captions
    r"\(?(photos?|images?|screenshots?|screengrabs?|screencaps?|footage|videos?|gifs?|"
    r"featured image|header image|credit|source)( credit)?\s*(by|via|from|courtesy of|:)\s.{1,140}",
    # an embed's credit line on its own ("via GIPHY" under the GIF, as the host's embed code
    # prints it beside its <iframe>): a source's name of one or two words, no sentence
    r"via\s+[^\s.,;:!?]+(\s+[^\s.,;:!?]+)?\.?",
    # a reading platform's own labels printed in the text (Medium's readers' "Top highlight"
    # over the paragraph they marked most, its image zoom hint)
    r"top highlight|press enter or click to view image in full size\.?",
    # Affiliate disclosures
    r"(this|the) (article|post|page|story|guide) (contains|includes|may contain|may include)"
    r" affiliate links.*",
    r"learn more about our affiliate policy\.?",
    # Reviews
    r"reviewed on:? .{1,80}",
    r"this review is based on a (retail|review|pre-release|preview|digital) (build|copy|code).*",
    r"(a )?(review|retail|press) (copy|code|key) (was |of the game was )?provided by.*",
    # Account modals, captchas, pixels
    r"something went wrong\. try again.*",
    r"create an? (gamurs )?account|choose a (unique name|username).*|choose your preferences"
    r"|choose how we communicate with you.*|check your email|reset (your )?password",
    r"an account confirmation link was sent.*|reset instructions sent.*"
    r"|enter the email address you used.*|if you used apple or google to create your account.*"
    r"|your details are incorrect.*|by signing up, you agree to.*",
    r"(sign up|subscribe) (for|to) (our|the) newsletter.*",
    # A widget's error state printed where its content should be
    r"((oops|sorry|whoops|uh[- ]oh)[!,.]*\s+)?(we|this (content|widget|section|module))\b.{0,30}"
    r"\b(couldn'?t|could not|can'?t|cannot|were unable to|failed to) (load|display|show|retrieve)"
    r" (this|the) (content|page|widget|section|module|video|story|article|comments)\b.*",
    r"please (refresh|reload) (the|this) page( (or|and) try again( later)?)?\.?",
]
_TEXT_RE = re.compile("(?:" + "|".join(f"(?:{p})" for p in _TEXT_PATTERNS) + r")\Z", re.I | re.S)
# Patterns that may start anywhere in the first N characters are slow to try on every
# paragraph, so each goes with words it cannot match without, looked for first.
_GATED = [
    (("getty", "shutterstock", "ap photo", "afp", "alamy", "wireimage", "filmmagic"),
     r".{0,140}(/|\(|\bvia )\s*(getty images|shutterstock|ap photo|afp|alamy|wireimage|"
     r"filmmagic|getty)\)?\.?"),
    (("supported by",), r".{0,80}\bis supported by (our|its) (audience|readers)\b.*"),
    (("we may earn",), r".{0,200}\bwe may earn (a small |an )?(affiliate )?commission\b.*"),
    (("recaptcha",), r".{0,60}this site is protected by recaptcha.*"),
]
_GATED_RE = [(gates, re.compile(f"(?:{p})\\Z", re.I | re.S)) for gates, p in _GATED]
_ANY_GATE = re.compile("|".join(re.escape(g) for gates, _ in _GATED for g in gates))


_COMMERCE_RE = re.compile(f"(?:{COMMERCE_CALL})\\Z", re.I)


def is_commerce_call(text: str) -> bool:
    """Is text (a link's, a paragraph's) the whole of a shop button's call to act?"""
    return len(text) <= 60 and _COMMERCE_RE.match(" ".join(text.split())) is not None


# What _TEXT_RE's matches can start with: most paragraphs start otherwise and skip it
_TEXT_OPENINGS = Openings(_TEXT_PATTERNS, re.I | re.S)


def _text_matches(text: str, low: str) -> bool:
    if _TEXT_OPENINGS.may_match(text) and _TEXT_RE.match(text) is not None:
        return True
    if _ANY_GATE.search(low) is None:
        return False
    for gates, rx in _GATED_RE:
        if any(g in low for g in gates) and rx.match(text) is not None:
            return True
    return False
# A review box's labels standing alone ("Pros", "Verdict:"). Only when they are not a
# subheading: an <h2>Verdict</h2> in the body, followed by the reviewer's closing
# paragraphs, is a section of the article; labels inside a review box go with the box
# (class words, is_review_box), and a flat "Pros" heading keeps its list items anyway.
_LABEL_RE = re.compile(r"(?:verdict|the verdict|final verdict|pros|cons|score|the good|the bad"
                       r"|final score)\s*:?\Z", re.I)
_CREDIT_MAX = 160
_LONG_MARKERS = ("supported by our audience", "supported by its readers", "commission",
                 "affiliate links", "recaptcha", "retail build", "review copy", "something went wrong",
                 ".php on line", "all rights reserved", "or redistributed")


def is_boilerplate_text(text: str, tag: str = "p") -> bool:
    """Is this whole paragraph furniture (a caption, a disclosure, a widget label ...)?
    tag: the element the paragraph came from (a subheading is never a bare review label)."""
    if not text:
        return True
    # "[This review is based on a retail build ...]", "(Disclosure: ...)": a note in
    # brackets is the same note
    if len(text) > 2 and text[0] + text[-1] in ("[]", "()"):
        text = text[1:-1].strip()
    # Long paragraphs are only furniture by the unambiguous patterns, never by a
    # credit-like tail: a 600-character paragraph ending in "via Netflix" is an article.
    # (Tested first: most article paragraphs are long, and the patterns are not cheap.)
    low = text.lower()
    if len(text) > _CREDIT_MAX:
        for marker in _LONG_MARKERS:
            if marker in low:
                break
        else:
            return False
        return _text_matches(text, low)
    if not _text_matches(text, low):
        return tag not in HEADINGS and _LABEL_RE.match(text) is not None
    return True


def bare_review_label(text: str) -> bool:
    """A review label alone ("Verdict", "The verdict"), with no colon introducing a value
    and nothing else of the table in it: the one paragraph is_boilerplate_text drops for its
    words alone, which a body written without <h2> uses as its section's title."""
    return not text.endswith(":") and _LABEL_RE.match(text) is not None and not _text_matches(text, text.lower())


def strip_site_suffix(title: str, site_names) -> str:
    """'Headline – Site' -> 'Headline' (also '|', '-', '—', ':' separators, site first or last)."""
    if not title:
        return title
    low = title.lower()
    if len(low) != len(title):  # a character whose lower case is longer: compare by regex
        return _strip_site_suffix_re(title, site_names)
    # string comparisons, not a regex compiled per site name: every page brings new names
    # and compiling them cost more than the rest of the headline search
    end = low.rstrip()
    start = low.lstrip()
    lead = len(low) - len(start)
    for name in sorted({n for n in site_names if n}, key=len, reverse=True):
        n = name.lower()
        if len(n) != len(name):
            return _strip_site_suffix_re(title, site_names)
        if end.endswith(n):
            head = title[: len(end) - len(n)].rstrip()
            if head and head[-1] in _SUFFIX_SEPARATORS and head[:-1].rstrip():
                return head[:-1].rstrip()
        if start.startswith(n):
            tail = title[lead + len(n):].lstrip()
            if tail and tail[0] in _SUFFIX_SEPARATORS and tail[1:].lstrip():
                return tail[1:].lstrip()
    return _strip_unknown_suffix(title)


_SUFFIX_SEPARATORS = "-\u2013\u2014|:·•"


def _strip_site_suffix_re(title: str, site_names) -> str:
    for name in sorted({n for n in site_names if n}, key=len, reverse=True):
        pat = re.compile(
            r"\s*[\-\u2013\u2014|:·•]\s*" + re.escape(name) + r"\s*\Z", re.I
        )
        stripped = pat.sub("", title)
        if stripped != title and stripped:
            return stripped
        pat = re.compile(r"\A\s*" + re.escape(name) + r"\s*[\-\u2013\u2014|:·•]\s*", re.I)
        stripped = pat.sub("", title)
        if stripped != title and stripped:
            return stripped
    return _strip_unknown_suffix(title)


def _strip_unknown_suffix(title: str) -> str:
    # Unknown site: drop a short trailing " | Something" segment.
    m = re.match(r"(.{15,}?)\s+[|\u2013\u2014]\s+[^|\u2013\u2014]{2,40}\Z", title)
    return m.group(1) if m else title


# -- searching a table of case-insensitive patterns, cheaply ------------------------------
# Most paragraphs match none of a table's patterns, and sre tries a case-insensitive
# pattern with no literal prefix at every position. So each pattern goes with the
# literal strings it cannot match without (read from the pattern itself), looked for
# first in the paragraph case-folded once: a pattern none of whose strings is there is
# not tried. The answer is the pattern's own, so the results are those of the plain loop.

try:  # the regex parser sre compiles from
    from re import _constants as _sre_c, _parser as _sre_parse
except ImportError:  # Python 3.10
    import sre_constants as _sre_c  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_REPEATS = tuple(getattr(_sre_c, n) for n in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                 if hasattr(_sre_c, n))


def fold(text: str) -> str:
    """text as the literal filter compares it: every character that sre's IGNORECASE
    matches with a needle's character folds to what that character folds to (casefold,
    with the Turkish dotted/dotless i brought back to i)."""
    folded = text.casefold()
    if not folded.isascii():
        folded = folded.replace("\u0131", "i").replace("\u0307", "")
    return folded


def _required(items) -> frozenset[str] | None:
    """Strings one of which every match of the parsed sequence contains (None: unknown).
    Of the sequence's literal runs and obligatory groups, the most selective one."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _sre_c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append(frozenset({"".join(run)}))
            run = []
        found = None
        if op is _sre_c.SUBPATTERN and not av[1] and not av[2]:  # no inline flag changes
            found = _required(av[3])
        elif op is _sre_c.BRANCH:
            branches = [_required(b) for b in av[1]]
            if all(b is not None for b in branches):
                found = frozenset().union(*branches)  # type: ignore[arg-type]
        elif op in _REPEATS and av[0] >= 1:
            found = _required(av[2])
        if found:
            options.append(found)
    if run:
        options.append(frozenset({"".join(run)}))
    if not options:
        return None
    return max(options, key=lambda needles: (min(map(len, needles)), -len(needles)))


def needles(pattern: str) -> frozenset[str] | None:
    """The folded literal strings a case-insensitive pattern cannot match without, one of
    which every match contains; None when the pattern has none worth looking for."""
    try:
        found = _required(_sre_parse.parse(pattern, re.I))
    except Exception:  # a construct this reading does not know: the pattern is always tried
        return None
    if not found:
        return None
    return frozenset(fold(n) for n in found)


def _caseless(code: int) -> bool:
    """Does a pattern's character match, case-blind, only ASCII characters of its own case
    (a capital matches its small letter; a non-ASCII character may match an ASCII letter:
    "\u017f" matches "s", "\u212a" matches "k")?"""
    ch = chr(code)
    if ch.isascii():
        return not "A" <= ch <= "Z"
    return not any(re.fullmatch(re.escape(ch), chr(a), re.I) for a in range(128))


def _lowerable(items) -> bool:
    """Does the parsed pattern match lower-cased ASCII text case-sensitively where it matches
    the text case-blind? Its characters and ranges hold no capital (nor any character an
    ASCII letter matches case-blind), and no group changes the flags."""
    for op, av in items:
        if op in (_sre_c.LITERAL, _sre_c.NOT_LITERAL):
            if not _caseless(av):
                return False
        elif op is _sre_c.IN:
            for o, a in av:
                if o is _sre_c.LITERAL and not _caseless(a):
                    return False
                if o is _sre_c.RANGE and (a[1] >= 128 or any(
                        a[0] <= c <= a[1] and not a[0] <= c + 32 <= a[1] for c in range(65, 91))):
                    return False
        elif op is _sre_c.SUBPATTERN:
            if av[1] or av[2] or not _lowerable(av[3]):
                return False
        elif op is _sre_c.BRANCH:
            if not all(_lowerable(b) for b in av[1]):
                return False
        elif op in _REPEATS:
            if not _lowerable(av[2]):
                return False
        elif op in (_sre_c.ASSERT, _sre_c.ASSERT_NOT):
            if not _lowerable(av[1]):
                return False
        elif op not in (_sre_c.AT, _sre_c.ANY, _sre_c.CATEGORY):
            return False  # a construct this reading does not know: searched case-blind
    return True


@lru_cache(maxsize=None)
def lowered(pattern: str, flags: int = 0) -> "re.Pattern[str] | None":
    """The case-insensitive pattern compiled case-sensitively, for ASCII text lower-cased: it
    matches there exactly where the pattern matches the text (a case-blind comparison costs sre
    more per character: 2-5x on a long alternation). None when lowering could change what it
    matches (_lowerable)."""
    try:
        parsed = _sre_parse.parse(pattern, flags & ~re.I)
    except Exception:
        return None
    return re.compile(pattern, flags & ~re.I) if _lowerable(parsed) else None


class PatternTable:
    """Named case-insensitive patterns, searched in order: first(text) is (name, match)
    of the first pattern that matches, or None, as the plain loop would say."""

    def __init__(self, table, flags: int = 0) -> None:
        self.entries = [(name, re.compile(p, flags | re.I), needles(p), lowered(p, flags))
                        for name, p in table]

    def narrowed(self, texts: list[str]) -> "PatternTable":
        """This table for searching texts only: each needle looked for once in all of them
        (folded together; fold reads character by character, so a needle in one text is
        in the whole), the entries none of whose needles is there dropped, the others
        keeping the needles that are. first() on any of texts answers as on this table."""
        folded = fold(" ".join(texts))
        table = PatternTable(())
        for name, pat, wanted, cased in self.entries:
            if wanted is not None:
                wanted = frozenset(n for n in wanted if n in folded)
                if not wanted:
                    continue
            table.entries.append((name, pat, wanted, cased))
        return table

    def first(self, text: str):
        folded = None
        ascii_text = text.isascii()
        for name, pat, wanted, cased in self.entries:
            if wanted is not None or (cased is not None and ascii_text):
                if folded is None:
                    folded = fold(text)  # (of ASCII text: text.lower())
            if wanted is not None:
                for needle in wanted:  # (a loop: cheaper than any() over a generator)
                    if needle in folded:
                        break
                else:
                    continue
            if cased is not None and ascii_text:
                m = cased.search(folded)
                if m is not None:  # the pattern's own match there, on the text itself
                    return name, pat.match(text, m.start())
                continue
            m = pat.search(text)
            if m is not None:
                return name, m
        return None
