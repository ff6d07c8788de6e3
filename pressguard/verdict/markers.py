"""What stands in the body, or around its container, that is no article text: a comment
thread, a paywall teaser, lazy-load or consent text (MARKERS), a placeholder element inside
or right after the body's container (a collapsed control that fetches the text it unfolds
too), paragraphs given twice or right after themselves, a
site's legal page, excerpt marks. Read by the markers check, the completeness check (the
second opinion's extra text is no marker) and incidents (the body's container).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from selectolax.lexbor import SelectolaxError

from . import fingerprint as fp
from ..extract.blocks import template_content, toggle_target
from ..extract.boilerplate import lowered
from .page_hints import COMMENT_WORDS
from .wording import quote

if TYPE_CHECKING:  # annotations only
    from .checks import _Context


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
     # a consent platform's notice in the IAB framework's words: "<Site> and our partners use
     # cookies ... to store and/or access information on your device"
     r"|\band our (?:\d+ )?(?:partners|vendors)\b[^.]{0,40}\buse cookies\b[^.]{0,60}\b(?:store|access)\b"
     r"|\bstore and(?:/or)? access information on (?:a|your) device\b"
     r"|you must be (?:at least )?(?:1[68]|21)(?: years old)?(?: or older)? to (?:view|access|see|enter)"
     r"|(?:confirm|verify) (?:your age|that you are (?:at least )?(?:1[68]|21))"
     r"|(?:is|are) not available in your (?:region|country|location)"),
)
_MARKERS = tuple((kind, re.compile(f"(?:{whole})\\Z", re.I), re.compile(anywhere, re.I))
                 for kind, whole, anywhere in MARKERS)
# each anywhere-pattern as searched in a lower-cased ASCII paragraph (most are): case-blind
# alternations cost sre several times more per character
_LOWERED = {kind: lowered(anywhere) for kind, _, anywhere in MARKERS}
# Words each kind's anywhere-pattern cannot match without: most paragraphs have none, and
# a substring test is far cheaper than the patterns.
_MARKER_GATES = {"a comment thread": ("ago",),
                 "a paywall teaser": ("subscri", "log in", "sign in", "register", "member", "limit",
                                      "unlock", "continue reading", "keep reading", "account"),
                 "a lazy-load placeholder": ("skeleton", "lazy"),
                 "a consent or access wall": ("cookie", "you must be", "your age", "that you are",
                                              "available in your", "access information")}
# Class/id words of an element that stands in for text still to come, or for text behind a
# wall, inside or right after the body's container. Ads, images, embeds, widgets and the next
# article's loader load lazily everywhere and say nothing about the text: their elements
# (_MEDIA_WORDS) are not looked at.
# (a paywall's own elements, its offer box and its meter, are named by _PAYWALL_WORDS/_PHRASES)
_PAYWALL_WORDS = frozenset("paywall regwall paywalled piano premium gated locked".split())
_PAYWALL_PHRASES = r"members?-only|subscribers?-only|premium-content|article-?lock"
_PLACEHOLDER_WORDS = frozenset(
    "skeleton shimmer placeholder lazy lazyload lazyloaded loading loader spinner truncated".split()) | _PAYWALL_WORDS
_STRONG_PLACEHOLDER_WORDS = frozenset(
    "skeleton placeholder paywall regwall paywalled piano gated locked truncated".split())
_PLACEHOLDER_PHRASES = re.compile(r"load-?more|continue-?reading|show-?more|" + _PAYWALL_PHRASES, re.I)
_PAYWALL_MARKER = re.compile(_PAYWALL_PHRASES, re.I)
_MEDIA_WORDS = frozenset(
    "ad ads adv advert advertisement advertising adslot adunit dfp gpt sponsor sponsored promo img "
    "image images photo picture figure media video player embed iframe gallery thumbnail avatar "
    "icon logo comment comments related recirc newsletter widget poll quiz form social tweet twitter "
    "instagram tiktok youtube map next infinite scroll feed recommended sidebar "
    # a consent tool's stand-in for a third-party embed until cookies are accepted
    "consent".split())
# Substrings every placeholder's markup has (its class, id or attribute words).
PLACEHOLDER_HINTS = ("skeleton", "shimmer", "placeholder", "lazy", "loading", "loader", "spinner",
                      "paywall", "regwall", "piano", "premium", "gated", "locked", "truncated",
                      "load", "more", "continue", "member", "subscriber", "lock", "aria-busy",
                      "data-remaining", "read", "show", "javascript", "aria-expanded")
_PLACEHOLDER_ATTRS = ("data-lazy", "data-load", "data-paywall", "data-src-content", "data-remaining")
PLACEHOLDER_MAX_TEXT = 200  # characters: more is the article's text, whatever the markup says
_MEDIA_SEL = "img, picture, video, iframe, svg, audio, figure, source"
_MEDIA_TAGS = frozenset({"img", "picture", "figure", "video", "iframe", "svg", "source", "audio",
                         "noscript", "script", "style", "a", "button", "ins"})


def marker_of(text: str, spaced: str | None = None, low: str | None = None,
               gates: "dict[str, tuple[str, ...]] | None" = None) -> str | None:
    """spaced: text with its whitespace collapsed, when known; low: spaced.lower(), when
    known; gates: _MARKER_GATES narrowed to the gates found in every text to be read
    (marker_gates_in), for a page's paragraphs read one by one."""
    t = " ".join(text.split()) if spaced is None else spaced
    if len(t) <= 80:
        for kind, whole, _ in _MARKERS:
            if whole.match(t):
                return kind
    if low is None:
        low = t.lower()
    gates = _MARKER_GATES if gates is None else gates
    ascii_text = t.isascii()
    for kind, _, anywhere in _MARKERS:
        for gate in gates[kind]:  # substring tests: cheaper than one regex of them all
            if gate in low:
                cased = _LOWERED[kind] if ascii_text else None
                if (cased.search(low) if cased is not None else anywhere.search(t)):
                    return kind
                break
    return None


def marker_gates_in(lows: list[str]) -> dict[str, tuple[str, ...]]:
    """_MARKER_GATES less the gates none of lows (lower-cased texts) holds, in their order:
    a text's first gate of a kind is then the same, and the ~20 substring tests a
    paragraph are a few."""
    joined = "\n".join(lows)  # (no gate spans a line break)
    return {kind: tuple(g for g in gates if g in joined) for kind, gates in _MARKER_GATES.items()}


def placeholder(node, strong: bool = False) -> str | None:
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
    """What placeholder reads in an element's class and id (lower case, non-empty):
    _MEDIA, the placeholder's "class ..." reason, or None. Memoised by value."""
    reading = _MARKER_READINGS.get((marker, strong), _UNREAD)
    if reading is not _UNREAD:
        return reading
    words = set(fp._CLASS_SPLIT.split(marker))
    if not _MEDIA_WORDS.isdisjoint(words):
        reading = _MEDIA
    elif (_STRONG_PLACEHOLDER_WORDS if strong else _PLACEHOLDER_WORDS) & words \
            or _PLACEHOLDER_PHRASES.search(marker):
        reading = f"class {quote(marker, 40)}"
    else:
        reading = None
    if len(_MARKER_READINGS) >= _MARKER_READINGS_MAX:
        _MARKER_READINGS.clear()
    _MARKER_READINGS[(marker, strong)] = reading
    return reading


# An attribute holding the address a control fetches what it unfolds from: data-src,
# data-url, data-endpoint, htmx's hx-get ... (never href: a link that navigates)
_FETCH_ATTRS = ("data-", "hx-")
_FETCH_ADDRESS = re.compile(r"(?:https?:)?/\S*\Z")
_PICTURE_ADDRESS = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg)\b", re.I)


def fetched_on_expand(node, tree) -> str | None:
    """A collapsed control (aria-expanded="false") that fetches what it unfolds from an
    address in its attributes and unfolds nothing the page serves: a lazy accordion, a
    "lite" template's section loader. Inside the body's container, the text it stands for
    is not in the HTML. A toggle whose target holds text (a FAQ's answer) folds served text."""
    attrs = node.attributes
    if not attrs or attrs.get("aria-expanded") != "false" or node.tag in _MEDIA_TAGS - {"a", "button"}:
        return None
    address = next((f"{key}={quote(value.strip(), 40)}" for key, value in attrs.items()
                    if key.startswith(_FETCH_ATTRS) and value and _FETCH_ADDRESS.match(value.strip())
                    and not _PICTURE_ADDRESS.search(value)), None)
    if address is None:
        return None
    target = toggle_target(node) or attrs.get("aria-controls")
    if target and '"' not in target:
        folded = tree.css_first(f'[id="{target}"]')
        if folded is not None and folded.tag == "template":
            folded = template_content(folded)
        if folded is not None and (folded.text(deep=True) or "").strip():
            return None
    return f'aria-expanded="false", fetching {address}'


_LAZY_WHOLE = next(whole for kind, whole, _ in _MARKERS if kind == "a lazy-load placeholder")


def lazy_text(text_node, inside: bool) -> str | None:
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
    return f"text {quote(text, 30)}"


def opens_served_text(el, tree) -> bool:
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


def paywall_box(node) -> bool:
    """Do node's class and id name a paywall (not a skeleton or a loader)?"""
    marker = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}".lower()
    return not _PAYWALL_WORDS.isdisjoint(fp._CLASS_SPLIT.split(marker)) or bool(_PAYWALL_MARKER.search(marker))


def paywall_hides_nothing(c: "_Context") -> bool:
    """Does the page serve the part its paywall covers, and the body read it to the end?
    Google's paywalled-content markup names that part (the article's hasPart, not free, with
    a cssSelector); a metering script set to hide it client-side (Piano, Zephr) serves it
    whole and adds its offer box after it, which then withholds nothing; without the markup,
    the part's own class says it ("paywalled-content"). A paywall that cut the text
    server-side serves the part empty, a teaser, or not at all."""
    page = c.page
    if page is None or len(c.body) < 3:
        return False
    parts = []
    for selector in page.ld.paywalled_selectors():
        try:
            parts += page.tree.css(selector)
        except SelectolaxError:  # a selector selectolax cannot read: no witness
            continue
    last = page.locate(c.body[-1])
    if last is None:
        return False
    # without the markup, the element the paywall's own class words name, around the body's end
    n = last
    for _ in range(fp.MAX_CLIMB):
        if n is None or n.tag in ("body", "html"):
            break
        if n.attributes and paywall_box(n):
            parts.append(n)
        n = n.parent
    parts = [p for p in parts if len(p.text(deep=True) or "") > PLACEHOLDER_MAX_TEXT]
    if not parts:
        return False

    def in_part(text: str) -> bool:
        el = page.locate(text)
        return el is not None and any(el.mem_id == p.mem_id or fp._inside(el, p) for p in parts)
    # the free opening before the part, the body's last paragraph and the one before it in
    # it (more than a teaser's line): a part that holds the whole body is as often the box a
    # server-side paywall fills with the teaser
    return not in_part(c.body[0]) and in_part(c.body[-1]) and in_part(c.body[-2])


def body_container(c: "_Context"):
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


def following(node, limit: int):
    """The next element siblings of node (at most limit)."""
    out = []
    n = node.next
    while n is not None and len(out) < limit:
        if n.tag not in ("-text", "-comment"):
            out.append(n)
        n = n.next
    return out


def in_comments(node) -> bool:
    n, depth = node, 0
    while n is not None and depth < 10 and n.tag not in ("body", "html", "main"):
        marker = f"{n.attributes.get('class') or ''} {n.attributes.get('id') or ''}".lower().strip()
        if marker and not COMMENT_WORDS.isdisjoint(fp._CLASS_SPLIT.split(marker)):
            return True
        n, depth = n.parent, depth + 1
    return False


REPEAT_MIN_CHARS = 80  # a sentence-long paragraph; short lines (list items, labels) repeat honestly
REPEAT_MIN = 2  # one repeated paragraph can be a pull quote; two are a template loop


def repeated_paragraphs(body: list[str], keys: list[str] | None = None) -> list[str]:
    """Prose paragraphs that stand in the body more than once, in the order found: again whole,
    or as the opening of a later paragraph that goes on past its last sentence (an earlier
    revision's shorter wording rendered before the published paragraph) or past a cut inside
    a word (_opens: a copy of the page cut partway, then the page whole). An opening counts only
    as part of a copy of the body: REPEAT_MIN paragraphs given again at one distance (the draft's
    length) — a sentence that opens a short paragraph and, elsewhere, a longer one (a pull quote,
    a list's lines) is no second rendering. keys: the paragraphs spaced and case-folded
    (_Context.body_keys), when known."""
    if keys is None:
        keys = [" ".join(p.split()).casefold() for p in body]
    first: dict[str, int] = {}  # a prose paragraph's key: where it first stands
    openings: dict[str, list[int]] = {}  # a prose paragraph's first REPEAT_MIN_CHARS: where
    repeated: list[str] = []
    again: list[tuple[int, int]] = []  # (earlier, later) of each paragraph given again
    opened: list[tuple[int, int]] = []  # ... of each earlier wording and its published paragraph
    for i, para in enumerate(body):
        if len(para) < REPEAT_MIN_CHARS:
            continue
        key = keys[i]
        if key in first:
            if para not in repeated:
                repeated.append(para)
            again.append((first[key], i))
            continue
        first[key] = i
        opened += [(e, i) for e in openings.get(key[:REPEAT_MIN_CHARS], ()) if _opens(keys[e], key)]
        openings.setdefault(key[:REPEAT_MIN_CHARS], []).append(i)
    if opened:
        distances = Counter(j - i for i, j in again + opened)
        for i, j in opened:
            if distances[j - i] >= REPEAT_MIN and body[i] not in repeated:
                repeated.append(body[i])
    return repeated if len(repeated) >= REPEAT_MIN else []


_SENTENCE_ENDS = frozenset('.!?"”')


def _opens(earlier: str, later: str) -> bool:
    """Does the later paragraph (a key) open with the earlier one and go on: an earlier
    wording whose last sentence is whole, or a copy cut inside a word (a cache file's first
    write stopped partway, the whole page written after it). A paragraph that merely stops
    mid-sentence at a word's end is neither."""
    if len(later) <= len(earlier) or not later.startswith(earlier):
        return False
    if earlier[-1] in _SENTENCE_ENDS:
        return later[len(earlier)] == " "
    return earlier[-1].isalnum() and later[len(earlier)].isalnum()


def stutter(body: list[str], keys: list[str] | None = None) -> int | None:
    """The index of a prose paragraph that the next paragraph repeats word for word. A pull
    quote repeats a sentence somewhere else; no article says a whole paragraph twice in a row.
    keys: as repeated_paragraphs'."""
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


def legal_page(body: list[str]) -> str | None:
    short = [" ".join(p.split()) for p in body if len(p) <= LEGAL_LINE_MAX]
    title = next((p for p in short if _LEGAL_TITLE.match(p)), None)
    date = next((p for p in short if _LEGAL_DATE.match(p)), None)
    return f"{quote(title, 30)} and {quote(date, 40)} (a legal page, not an article)" \
        if title and date else None


# The excerpt mark a feed or teaser filter leaves where it cut a text: "[…]", "[...]"
CLIPPED = re.compile(r"\[(?:\u2026|\.\.\.)\]\s*$")
