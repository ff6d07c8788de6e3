"""What CMS, front-end and pipeline incidents print into an article's fields.

A template change moves the fields; an incident fills them with something else while the
template stays put: the server's error output in the body, a copy-desk placeholder in the
standfirst, a script's unserialised object as the byline, Markdown printed unrendered, a
photo agency credited as the writer, another story cached at the URL, paragraph blocks that
render empty, an update time taken for the publication date, the CMS's automatic excerpt in
the standfirst, an anonymising filter's redaction marks across the prose, an editor's tracked
changes published unaccepted, an affiliate autolinker's buy buttons where the prose's names
were, a headline cut short by a length limit (its URL slug reads on), a template's variables
printed unreplaced ("%%title%% %%sep%%"), the social desk's share copy as the standfirst, a front end's
unserialised values in the prose ("[object Object]", "rose by NaN percent"), a hydration
payload (__NEXT_DATA__) cut short beside the body the server rendered first.

Each signal reads what the checks already compute (checks._Context: the item, its PageHints,
the site profile) and returns one-line findings naming the field they judge ("dek: ...",
"published: ..."; the body's go into the markers check's "expected body: article text
only"); pressguard.verdict.checks calls them from the check that judges that field. None of them fires on a page that shows its article as it should: the shapes
are the incidents' own (PHP's "in /path/file.php on line N", "[object Object]", "TK"),
never a word list of one page's text.
"""

from __future__ import annotations

import html as htmllib
import re
import unicodedata
from urllib.parse import urlsplit

from . import dek_source
from ..extract.boilerplate import PatternTable, is_commerce_call
from ..extract.common import title_words
from ..extract.page import hostname
from .fingerprint import node_classes, squash
from .page_scan import page_scan
from .person_names import person_problem, split_names
from .topic import slug_share, topic_share
from .wording import NEVER_LAST, quote

# PHP's display_errors output, as PHP prints it: "<b>Warning</b>:  message in <b>/path/x.php</b>
# on line <b>42</b>" (the tags gone in extracted text).
_PHP_ERROR = re.compile(r"\b(?:Warning|Notice|Deprecated|Fatal error|Parse error|Strict Standards|"
                        r"Catchable fatal error|Recoverable fatal error)\s*:\s.{1,400}?\sin\s+\S+\.php"
                        r"\s+on\s+line\s+\d+")
# Other runtimes' uncaught-error output printed into a page.
_TRACEBACK = re.compile(r"Traceback \(most recent call last\)|\bat [\w$.]+\([\w.]+\.java:\d+\)"
                        r"|Stack trace:\s*#0 ")

# Markdown source printed as text: an inline link, a heading's hashes, strong emphasis.
_MD_LINK = re.compile(r"\[[^\]\n]{1,200}\]\((?:https?://|/)[^)\s]*\)")
_MD_HEADING = re.compile(r"^#{1,6} \S")
_MD_STRONG = re.compile(r"(?<![\w*])\*\*[^*\s][^*]{0,200}?\*\*(?![\w*])")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*[^*\s][^*]{0,200}?(?<!\s)\*(?![\w*])")

# A front end's unserialised value where text belongs: JavaScript's String(object), an
# undefined or NaN printed as the whole of a name.
_UNSERIALISED = re.compile(r"\[object [A-Z]\w*\]")
_EMPTY_VALUE = frozenset({"undefined", "null", "nan", "none", "[object object]"})
# The same values printed into running text where a figure or an inline node was: NaN as a
# word (English never writes it so), undefined / null / Infinity only in a figure's place (a
# currency sign before, a percent after: "an undefined role" is English).
_UNSERIALISED_FIGURE = re.compile(r"(?<![\w-])NaN(?![\w-])"
                                  r"|[$£€¥]\s?(?:undefined|null|Infinity)\b"
                                  r"|\b(?:undefined|null|Infinity)\s?(?:%|percent\b|per cent\b)")

# The copy desk's notes, in a field or left in the sentences of a story published from the
# queue: "TKTK" anywhere, a "to come" mark in brackets ("[TK]", "[LINK TK]", "[PHOTO TK]") or
# a note addressed to the desk in capitals ("[ED: confirm ...]", "[CHECK: ...]", "[NOTE TO
# DESK: ...]"). An editor's note meant for readers is written "[Editor's note: ...]" or
# "[Ed.: ...]", and is no match.
_DESK_NOTE = re.compile(r"(?<![\w-])TK(?:TK)+(?![\w-])|\[(?:[A-Z]+ ){0,2}TK(?:TK)*\]"
                        r"|\[(?:ED|EDS|EDITORS?|CHECK|FACT[ -]?CHECK|CONFIRM|VERIFY|QUERY"
                        r"|NOTE TO (?:ED|EDS|EDITORS?|DESK|COPY(?: ?DESK)?))\s*[:?\u2014\u2013-][^\]]{0,200}\]")
# a bare "TK" in a line of a few words ("DEK TK", "HED TK"); in a longer title "TK" is a name
# ("TK Maxx opens ...").
_TK = re.compile(r"(?<![\w-])(?:TK){1,3}(?![\w-])")
TK_FIELD_MAX_WORDS = 3

# A template's variable printed unreplaced: an SEO plugin's "%%title%% %%sep%%", a Mustache or
# Liquid "{{ post.title }}", a JavaScript template literal's "${title}", a shortcode-style
# "[post_title]" (an underscore: "[Update]" and "[Video]" are editors' labels).
_TEMPLATE_VAR = re.compile(r"%%[a-z][a-z_]*%%|\{\{\s*[\w.$-]+\s*\}\}|\$\{[\w.$]+\}|\[[a-z]+_[a-z_]+\]")

_EMPTY_P = re.compile(r"<p(?:\s[^>]*)?>\s*</p>", re.I | re.A)
_EMPTY_P_BYTES = re.compile(_EMPTY_P.pattern.encode(), re.I)  # the page as served, undecoded
EMPTY_BLOCKS_MIN = 2  # one empty <p> is a spacer an editor left; two between prose are lost blocks

SLUG_MIN_WORDS = 3  # slugs of fewer subject words say nothing about which story they name
# a story's number in an ID-addressed URL ("/news/123456/slug", "-n123456", "_6123456_3210.html");
# five digits or more, so a year or a month folder of a dated URL is no ID
_STORY_ID = re.compile(r"\d{5,}")
OTHER_SLUG_SHARE = 0.34  # of the requested slug's words the canonical slug may share and be another


def _placeholder(text: str) -> bool:
    """Is the copy desk's mark in this line (a short line of TK, or a _DESK_NOTE)?"""
    return bool(_DESK_NOTE.search(text) or (len(text.split()) <= TK_FIELD_MAX_WORDS and _TK.search(text)))


def _template_variable(text: str) -> str | None:
    """A template variable left unreplaced in the text, or None."""
    if "%%" not in text and "{" not in text and "_" not in text:
        return None
    m = _TEMPLATE_VAR.search(text)
    return m.group(0) if m else None


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _quote(text: str, n: int = 60) -> str:
    """wording.quote, at this module's shorter default length."""
    return quote(text, n)


# -- body ------------------------------------------------------------------------------------

def body_findings(c) -> list[str]:
    """Server error output or unrendered Markdown in body paragraphs, paragraph blocks
    rendered empty: the page shows the incident in the article's text (the markers check
    reports these under "body")."""
    finds = []
    for i, para in enumerate(c.body, 1):
        # the literal each shape cannot match without, looked for first: most paragraphs have none
        m = ((" on line " in para and _PHP_ERROR.search(para))
             or (("Traceback" in para or "trace:" in para or ".java:" in para) and _TRACEBACK.search(para)))
        if m:
            finds.append(f"{_quote(m.group(0), 60)} (the server's error output, not article text) "
                         f"in body paragraph {i}")
            break
    printed = _unserialised_in_prose(c.body)
    if printed:
        finds.append(printed)
    markdown, emphasis = [], []
    for i, p in enumerate(c.body, 1):
        if "*" not in p and "](" not in p and not p.startswith("#"):
            continue
        if _MD_LINK.search(p) or _MD_HEADING.match(p) or _MD_STRONG.search(p):
            markdown.append(i)
        elif _MD_EMPHASIS.search(p):
            emphasis.append(i)
    if markdown or len(emphasis) >= 2:
        at = (markdown or emphasis)[0]
        finds.append(f"Markdown source printed as text ({len(markdown) + len(emphasis)} paragraphs, first "
                     f"{_quote(c.body[at - 1], 50)}) in body paragraph {at}")
    finds += filter(None, [emptied_paragraphs(c) or _ad_filled_paragraphs(c), _redacted_prose(c.body),
                           _rest_elsewhere(c), _writer_instructions(c.body, c.word_counts),
                           _own_address_in_prose(c), _desk_notes(c.body), _spam_links(c),
                           _tracked_changes(c), _buttons_in_sentences(c)])
    return finds


def _desk_notes(body) -> str | None:
    """body: desk notes printed in the paragraphs: the paragraphs are the draft, not the
    article as edited (the notes stand where words or checked figures were to come)."""
    hits = [(i, m.group(0)) for i, p in enumerate(body, 1) if "[" in p or "TKTK" in p
            for m in _DESK_NOTE.finditer(p)]
    if not hits:
        return None
    i, note = hits[0]
    return (f"{_quote(note, 50)} ({len(hits)} copy-desk note{'s' if len(hits) > 1 else ''} left in the "
            f"sentences: the draft's text, not the article as edited) from body paragraph {i}")


# -- text the paragraphs' own markup says is not the article as edited -------------------

_BLOCKS = frozenset({"p", "li", "blockquote"})
_SPACE = " \t\n\r\f\v\u00a0"
_OPENERS = "\"'‘“([«" + _SPACE  # what may stand between a word and a link opening a quote
_CLOSERS = "\"'’”)]»" + _SPACE


def _block_of(node, container):
    """The paragraph element (p, li, blockquote) holding node inside container, or None."""
    up = node.parent
    stop = container.mem_id
    while up is not None and up.mem_id != stop:
        if up.tag in _BLOCKS:
            return up
        up = up.parent
    return None


def _beside(node, block, forward: bool) -> str:
    """The text right before (after) node inside block: its nearest sibling with text,
    climbing out of the inline elements around node ("" at the block's edge)."""
    while node is not None and node.mem_id != block.mem_id:
        sib = node.next if forward else node.prev
        while sib is not None:
            text = sib.text_content if sib.tag == "-text" else sib.text(deep=True)
            if text and text.strip():
                return text
            sib = sib.next if forward else sib.prev
        node = node.parent
    return ""


def _paragraph_at(c, before: str, after: str = "") -> str:
    """' in body paragraph N' for the body paragraph holding the words around a spot of the
    page, or "" when none does."""
    tail, head = squash(before)[-24:], squash(after)[:16]
    for i, sq in enumerate(c.body_squashed, 1):
        if tail and tail in sq and head in sq:
            return f" in body paragraph {i}"
    return ""


# A track-changes editor's marks published with the text: a deletion (<del>, or <s> / <strike>)
# right beside the insertion that replaces it (<ins>: ICE's and LITE's "ice-del" / "ice-ins", a
# word processor's export), inside the article's paragraphs. A correction a newsroom shows on
# purpose strikes a word and writes the new one in plain text, once. Of WCXB's 711 real pages,
# 14 hold a <del>, <s> or <strike> (a word struck in a joke, old prices), none beside an <ins>.
TRACKED_MIN = 2


def _tracked_changes(c) -> str | None:
    """body: an editor's tracked changes published unaccepted (both wordings on the page)."""
    container = c.container
    if c.page is None or container is None:
        return None
    pairs = []
    # (the container searched, not the page's source for "<ins": AdSense's <ins> is on most
    # pages, and a search of a whole source cost more than the container's selector)
    for gone in container.css("del, s, strike"):
        nxt = gone.next
        while nxt is not None and nxt.tag == "-text" and not (nxt.text_content or "").strip():
            nxt = nxt.next
        if nxt is None or nxt.tag != "ins" or _block_of(gone, container) is None:
            continue
        pairs.append((gone, nxt))
    if len(pairs) < TRACKED_MIN:
        return None
    gone, new = pairs[0]
    old_words, new_words = " ".join(gone.text(deep=True).split()), " ".join(new.text(deep=True).split())
    where = _paragraph_at(c, _beside(gone, _block_of(gone, container), False) + " " + old_words)
    return (f"{len(pairs)} deletions printed beside the insertions replacing them inside the article's "
            f"paragraphs (e.g. {_quote(old_words, 30)} struck, {_quote(new_words, 30)} inserted: an "
            f"editor's tracked changes published unaccepted, the text neither version){where}")


# A shop button's label (extract.boilerplate.COMMERCE_CALL) inside a sentence of the article: an
# affiliate autolinker that swaps a name it knows for its buy button ("will arrive in [Check price
# on Amazon] later this month"), so the sentence lost the name. A button is written as a label,
# capitalised; between a sentence's words (no full stop or colon before it, the sentence going on
# after it) it stands where a word was. A writer's own link ("you can buy it on Amazon") is no
# label. WCXB's 711 real pages: no shop button inside a sentence (their buttons stand alone in
# their paragraphs or after a sentence's end).
def _buttons_in_sentences(c) -> str | None:
    """body: shop buttons standing in the article's sentences where words were."""
    container = c.container
    if c.page is None or container is None:
        return None
    hits = []
    for link in container.css("a"):
        label = link.text(deep=True)
        if not label or len(label) > 80 or not label.lstrip()[:1].isupper():  # a capitalised label
            continue
        label = " ".join(label.split())
        if not is_commerce_call(label):
            continue
        block = _block_of(link, container)
        if block is None:
            continue
        before = _beside(link, block, False).rstrip(_OPENERS)
        after = _beside(link, block, True).lstrip(_CLOSERS)
        if before[-1:].isalnum() or before[-1:] == ",":
            if after[:1].islower() or after[:1] in (".", ",", ";", "!", "?"):
                hits.append((label, before, after))
    if not hits:
        return None
    label, before, after = hits[0]
    around = f"{' '.join(before.split()[-4:])} [{label}] {' '.join(after.split()[:4])}"
    return (f"{len(hits)} shop button{'s' if len(hits) > 1 else ''} standing in the article's sentences "
            f"where words were ({_quote(around, 70)}: an affiliate autolinker that replaced names with its "
            f"buy buttons){_paragraph_at(c, before, after)}")


# What the link-injection hacks of a compromised site write (casino, pharma, game-key and
# loan spam). One such term is a story's subject ("an online casino", "payday loans"); a
# sentence holding two, one of them the words of a link to another site, is an advert for it.
_SPAM_TERM = re.compile(
    r"\b(?:free spins|no deposit(?: bonus)?|online (?:slots?|casinos?|pokies)|casino bonus|sports? betting odds"
    r"|(?:buy|cheap|generic) (?:viagra|cialis|levitra)|viagra|cialis|levitra|without (?:a )?prescription"
    r"|online pharmacy|no human verification|(?:v-?bucks|robux|gems?|coins?) generator|free (?:v-?bucks|robux)"
    r"|cheap (?:game |steam |cd )?keys|cd keys|payday loans?|essay writing service|replica watches"
    r"|buy (?:instagram |tiktok |youtube )?(?:followers|likes))\b", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
SPAM_TERMS_MIN = 2
# the terms behind their literal pre-filter: the alternation has no prefix for the engine to
# skip to, so searching every paragraph cost more than the rest of the body's findings
_SPAM_TABLE = PatternTable((("spam term", _SPAM_TERM.pattern),))


def _spam_links(c) -> str | None:
    """body: a sentence of spam (SPAM_TERMS_MIN of its terms) around a link to another
    site whose words are one of them: a hacked site's plugin writes its adverts into the
    article's paragraphs. Read in the body's text first (most bodies hold no term), then
    in the container's links."""
    terms = _SPAM_TABLE.narrowed(c.body)  # the terms' literals looked for once in the body
    spam = [(i, s) for i, p in enumerate(c.body, 1) if terms.entries and terms.first(p)
            for s in _SENTENCE_END.split(p) if len({m.group(0).lower() for m in _SPAM_TERM.finditer(s)})
            >= SPAM_TERMS_MIN]
    if not spam or c.page is None:
        return None
    container = c.container
    if container is None:
        return None
    host = _bare_host(c.url)
    anchors = [_squeeze(a.text(deep=True) or "") for a in container.css("a[href]")
               if _bare_host(a.attributes.get("href") or "") not in ("", host)]
    anchors = [t for t in anchors if _SPAM_TERM.search(t)]
    for i, sentence in spam:
        if any(t in sentence for t in anchors):
            n = sum(1 for _, s in spam if any(t in s for t in anchors))
            return (f"{_quote(sentence, 60)} ({n} spam sentence{'s' if n > 1 else ''} linking to another "
                    f"site: a hack's adverts written into the article's text) from body paragraph {i}")
    return None


# An address of the page's own site standing in a sentence where its words stood: a post
# imported from a plain-text copy (a newsletter archive, an email export) whose links' words
# were replaced by their addresses, then made links again on import ("Not everyone
# https://site/tag/is-convinced/ a vocal group has asked"). Writers print an address after a
# word that introduces it ("visit", "at", "see", a colon) or end a sentence with it; one
# between two words of a running sentence is no writer's.
_ADDRESS_IN_SENTENCE = re.compile(r"(?<=[A-Za-z,] )https?://([^\s/]+)/\S*(?= [a-z])")
_INTRODUCES_ADDRESS = frozenset({"at", "visit", "see", "via", "to", "on", "from", "here", "site",
                                 "website", "page", "link", "url", "address", "go", "read", "and", "or"})


def _own_address_in_prose(c) -> str | None:
    """The site's own address in the middle of a running sentence of the body, where the
    linked words were: the article's words are not on the page."""
    host = _bare_host(c.url)
    if not host:
        return None
    for i, p in enumerate(c.body, 1):
        if "://" not in p:  # the literal the shape cannot match without: most paragraphs have none
            continue
        for m in _ADDRESS_IN_SENTENCE.finditer(p):
            before = p[:m.start()].split()
            if (m.group(1).lower().removeprefix("www.") == host
                    and before[-1].strip(",").lower() not in _INTRODUCES_ADDRESS):
                return (f"{_quote(p[max(0, m.start() - 30):m.end() + 20], 90)} (the site's own address "
                        f"in a running sentence, where the linked words were) in body paragraph {i}")
    return None


# A template's default text, written to the author who fills it in (a block pattern whose
# overrides were lost, a theme's demo content, a newsroom template's prompts): an imperative
# writing verb opening the paragraph, about the writing itself ("Add a summary here", "Start
# with the news in one sentence", "Write your intro here", "Body text goes here"). A story
# tells readers what to do with a game or a code ("Enter the code in the box"), never what to
# put in the story. One such line can be a guide's step that happens to read so; a template's
# defaults come as several.
# (Two patterns, the opening matched at the paragraph's start and the slot's line behind its
# literal pre-filter: as one alternation, sre tried the second at every character.)
_INSTRUCTION = re.compile(
    r"(?:please\s+)?(?:add|write|insert|enter|type|paste|put|place|describe|summari[sz]e|explain|start|"
    r"begin|open|lead|introduce|replace|use|include|give|tell|keep|mention)\b"
    r"(?=[^.!?]{0,120}?\b(?:here|(?:in )?(?:one|a|two|three|a few|short) (?:sentences?|paragraphs?|lines?)|"
    r"placeholder|(?:your|this|the) (?:text|copy|headline|intro|introduction|summary|standfirst|lede|story|article)|"
    r"(?:the|your) readers?|to (?:the )?readers?)\b)", re.I)
_GOES_HERE = PatternTable((("slot", r"\b(?:text|copy|content|headline|title|summary|caption|intro|body) goes here\b"),))
INSTRUCTIONS_MIN = 2
INSTRUCTION_MAX_WORDS = 40  # a prompt is a line; a paragraph of a story runs on


def _writer_instructions(body, counts: list[int]) -> str | None:
    """body: two or more paragraphs that instruct the writer what to write (a template's
    default text printed where the article's paragraphs were): those paragraphs of the
    article are not on the page. counts: each paragraph's len(p.split())."""
    told = [i for i, (p, n) in enumerate(zip(body, counts), 1)
            if n <= INSTRUCTION_MAX_WORDS and (_INSTRUCTION.match(p.strip()) or _GOES_HERE.first(p.strip()))]
    if len(told) < INSTRUCTIONS_MIN:
        return None
    return (f"{len(told)} paragraphs instructing the writer, first {_quote(body[told[0] - 1], 60)} "
            f"(a template's default text where the article's paragraphs were) from body paragraph {told[0]}")


# A line sending the reader to another site for the rest: the body is the excerpt a licence or a
# feed allows. A credit alone ("This article originally appeared on ...") ends whole reprints too:
# only a line saying the rest, the full story, is there counts.
_REST_ELSEWHERE = re.compile(r"\b(?:read|continue reading|see)\b[^.;]{0,40}\b(?:full|whole|rest|remainder|complete)"
                             r"\b|\bthe rest of (?:it|the (?:article|story|piece))\b|\bcontinue reading\b", re.I)
ORIGIN_LINE_MAX = 200


def _bare_host(url: str) -> str:
    """The URL's host without a leading "www.": the site, however a link writes it ("" for a
    relative link)."""
    return hostname(url).removeprefix("www.")


def _rest_elsewhere(c) -> str | None:
    """body: as the body's last paragraph or right after it, a short line linking to another
    site and saying the rest of the story is there (syndicated copy cut to an excerpt)."""
    if c.page is None or not c.body:
        return None
    last = c.page.locate(c.body[-1])
    if last is None:
        return None
    host = _bare_host(c.url)
    # the line itself may have been read into the body as its last paragraph
    n, seen = last, -1
    while n is not None and seen < 2:
        if n.tag not in ("-text", "-comment"):
            seen += 1
            text = " ".join((n.text(deep=True) or "").split())
            hosts = {_bare_host(a.attributes.get("href") or "")
                     for a in n.css("a[href]")} - {"", host}
            if text and len(text) <= ORIGIN_LINE_MAX and hosts and _REST_ELSEWHERE.search(text):
                return (f"the whole article, found {len(c.body)} paragraphs and then {_quote(text, 60)} "
                        f"(the rest is on {sorted(hosts)[0]}: an excerpt) after the body")
        n = n.next
    return None


def _unserialised_in_prose(body) -> str | None:
    """A front end's unserialised values in the prose: "[object Object]" where a link or an
    emphasis was (a rich-text renderer joining nodes as strings), "NaN" where a figure was (a
    number formatter fed nothing). The words they stand for are not on the page."""
    hits = []
    for i, p in enumerate(body, 1):
        # the literals each shape cannot match without, looked for first: most paragraphs have none
        if "[object " in p or "NaN" in p or "undefined" in p or "null" in p or "Infinity" in p:
            m = _UNSERIALISED.search(p) or _UNSERIALISED_FIGURE.search(p)
            if m:
                hits.append((i, m.group(0)))
    if not hits:
        return None
    i, value = hits[0]
    return (f"{_quote(value, 20)} in {len(hits)} paragraph{'s' if len(hits) > 1 else ''} (a script's "
            f"unserialised value where the article's words or figures were) from body paragraph {i}")


# "[name redacted]", "[redacted]", "[name removed]": what an anonymising filter writes in
# place of the words it takes for personal data
_REDACTION = re.compile(r"\[(?:[\w-]+ ){0,2}(?:redacted|removed|withheld|anonymi[sz]ed)\]", re.I)
REDACTED_PARAGRAPHS_MIN = 3  # a story quoting a redacted document shows a mark or two, in its quotes
REDACTED_MIN = 4


def _redacted_prose(body) -> str | None:
    """Redaction marks across the prose: a filter meant for comments or user data ran over
    the article and replaced its words (names, studios, titles); the text is not as written."""
    hits = [(i, len(_REDACTION.findall(p))) for i, p in enumerate(body, 1) if "]" in p]
    hits = [(i, n) for i, n in hits if n]
    total = sum(n for _, n in hits)
    if len(hits) < REDACTED_PARAGRAPHS_MIN or total < REDACTED_MIN:
        return None
    mark = _REDACTION.search(body[hits[0][0] - 1]).group(0)
    return (f"{_quote(mark, 30)} {total} times in {len(hits)} paragraphs (a filter replaced words of "
            f"the article's prose) from body paragraph {hits[0][0]}")


def emptied_paragraphs(c) -> str | None:
    """Empty <p> elements standing between prose paragraphs in the body's container: blocks
    the CMS or its API rendered without their text."""
    if c.page is None or len(page_scan(c.page._parsed).childless_ps) < EMPTY_BLOCKS_MIN:
        return None  # fewer <p> with no child in the whole body than a finding counts
    raw = c.html
    if raw is None or not (_EMPTY_P_BYTES if isinstance(raw, bytes) else _EMPTY_P).search(raw):
        return None  # no empty <p> anywhere: nothing to look for in the container
    container = c.container
    if container is None or container.tag in ("body", "html"):
        return None
    kids = [k for k in container.iter(include_text=False)]
    texts = [_squeeze(k.text(deep=True) or "") for k in kids]
    empty = 0
    prose = sum(1 for k, t in zip(kids, texts) if k.tag == "p" and len(t.split()) >= 8)
    for n, kid in enumerate(kids):
        # no child node at all: a spacer an editor types holds a &nbsp; or a <br>
        if kid.tag != "p" or kid.child is not None:
            continue
        if any(texts[:n]) and any(texts[n + 1:]):  # between the article's blocks, not at an edge
            empty += 1
    if prose < 2:
        return None
    if empty >= EMPTY_BLOCKS_MIN:
        return (f"{empty} empty paragraph elements between the article's paragraphs in the body's "
                "container (blocks rendered without their text: the body lacks them)")
    return None


# An ad slot's markup: AdSense's <ins>, an ad server's frame, an element an ad class or an ad
# data attribute names
_AD_HINTS = (b"<ins", b"data-ad", b"gpt-ad", b"adsbygoogle", b"advert")
_AD_CLASS = re.compile(r"(?:^|[\s_-])(?:ads?|advert|advertisement|adsbygoogle|gpt-ad|ad-slot|ad-unit)(?:[\s_-]|$)", re.I)
AD_LABEL_MAX_WORDS = 2  # "Advertisement", "Sponsored content": the slot's label, no sentence


def _holds_ad(node) -> bool:
    for el in node.iter(include_text=False):
        if el.tag in ("ins", "iframe") or any(k.startswith("data-ad") for k in el.attributes) or \
                _AD_CLASS.search(f"{el.attributes.get('class') or ''} {el.attributes.get('id') or ''}"):
            return True
        if _holds_ad(el):
            return True
    return False


def _paragraph_markup(node) -> frozenset:
    """A paragraph element's markup as its template writes it: its attributes with the class
    reduced to the component classes (fingerprint.node_classes), so that a build's per-element
    hashes (css-<hash> of CSS-in-JS, utilities) do not make each paragraph's markup its own."""
    attrs = node.attributes
    if "class" not in attrs:
        return frozenset(attrs.items())
    kept = {(k, v) for k, v in attrs.items() if k != "class"}
    classes = node_classes(node)
    if classes:
        kept.add(("class", " ".join(classes)))
    return frozenset(kept)


def _ad_filled_paragraphs(c) -> str | None:
    """Paragraph elements of the article, with the very markup of its prose paragraphs (a
    site's own paragraph class or data attributes), holding an ad slot and no text but its
    label, between prose paragraphs: an ad injector that set the paragraphs' content instead
    of inserting after them. Their text is not on the page. A site's own ad slots are
    elements of their own; a pasted ad wrapped in a bare <p> carries no paragraph markup."""
    raw = c.html
    if c.page is None or raw is None:
        return None
    container = c.container
    if container is None or container.tag in ("body", "html"):
        return None
    kids = [k for k in container.iter(include_text=False)]
    # the paragraph elements' words first, split no further than a label's length: without
    # two of them as short as an ad's label, nothing can be filled (the elements' texts and
    # the markup are not read)
    if sum(1 for k in kids if k.tag == "p" and len((k.text(deep=True) or "").split(None, AD_LABEL_MAX_WORDS))
           <= AD_LABEL_MAX_WORDS) < EMPTY_BLOCKS_MIN:
        return None
    texts = [_squeeze(k.text(deep=True) or "") for k in kids]
    marks = [_paragraph_markup(k) for k, t in zip(kids, texts) if k.tag == "p" and len(t.split()) >= 8]
    if len(marks) < 3:
        return None
    mark = max(set(marks), key=marks.count)
    if not mark or marks.count(mark) * 3 < len(marks) * 2:
        return None  # bare paragraphs, or no markup most of them share
    filled = [n for n, (k, t) in enumerate(zip(kids, texts))
              if k.tag == "p" and _paragraph_markup(k) == mark and len(t.split()) <= AD_LABEL_MAX_WORDS
              and any(texts[:n]) and any(texts[n + 1:])]
    if len(filled) < EMPTY_BLOCKS_MIN:
        return None
    # the source searched for an ad's markup last: every page passes it (news pages name ads
    # somewhere), and five searches of the whole source cost more than the container's reading
    data = raw if isinstance(raw, bytes) else raw.encode("utf-8", "ignore")
    if not any(h in data for h in _AD_HINTS):
        return None
    filled = [n for n in filled if _holds_ad(kids[n])]
    if len(filled) < EMPTY_BLOCKS_MIN:
        return None
    return (f"{len(filled)} of the article's paragraph elements holding only an ad slot between its "
            "paragraphs (an ad injector wrote over their text: the body lacks them)")


# -- authors ---------------------------------------------------------------------------------

_CONTACT = re.compile(r"\[email\s*protected\]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|e-?mail(?: me| the author)?|contact",
                      re.I)


def authors_finding(c) -> str | None:
    """authors [] where the page's byline credits no person but an incident's value: a
    script's unserialised object, or a photo agency (a credit column mapped to the author)."""
    if c.item.get("authors") or c.page is None:
        return None
    for _, text in c.page.bylines:
        # a contact link beside the names ("· Email", an address, Cloudflare's "[email protected]"
        # where it obfuscates one) names nobody: the names are judged without it
        names = [n for n in split_names(text) if not _CONTACT.fullmatch(" ".join(n.split()))]
        if not names:
            continue
        odd = [n for n in names if _UNSERIALISED.search(n) or n.casefold() in _EMPTY_VALUE]
        if odd:
            return c.fail("authors", "the writer the byline names",
                          f"{_quote(text, 50)} (a script's unserialised value, not a name)")
        # a photo agency and no person: what else the byline box prints beside the credit (an
        # AI-use badge, a reading time) is no writer either
        problems = [person_problem(n, c.site_names) for n in names]
        if "a photo credit" in problems and None not in problems:
            return c.fail("authors", "the writer the byline names",
                          f"{_quote(text, 50)} (a photo credit, not a writer)")
    for raw in c.page.meta.get("author", []) + c.page.jsonld[1]:
        if _UNSERIALISED.search(raw):
            return c.fail("authors", "the writer the page names",
                          f"{_quote(raw, 40)} (a script's unserialised value) as its author")
    return None


# -- headline --------------------------------------------------------------------------------

def _slug_words(url: str) -> list[str]:
    path = [p for p in urlsplit(url).path.split("/") if p]
    return [w for w in re.split(r"[^a-z0-9]+", path[-1].lower()) if w and not w.isdigit()] if path else []


def headline_finding(c) -> str | None:
    """A headline that is a placeholder or an unserialised value, or the page is another
    story: its canonical URL, on the same host, names another slug than the URL asked for,
    and the visible headline is the canonical story's."""
    h = _squeeze(c.item.get("headline") or "")
    if h and (_UNSERIALISED.search(h) or _placeholder(h)):
        return c.fail("headline", "the article's headline", f"{_quote(h)} (a placeholder, not a title)")
    var = h and _template_variable(h)
    if var:
        return c.fail("headline", "the article's headline",
                      f"{_quote(h)} (the template's variable {_quote(var, 30)} printed unreplaced)")
    stripped = _lossy_copy(c, h)
    if stripped:
        return c.fail("headline", f"{_quote(stripped, 70)} (as the page's other copies of the headline "
                      "write it)", f"{_quote(h, 70)} (its non-ASCII characters deleted)")
    cut = _cut_headline(h, c.url) or _cut_against_picture(c, h) or _auto_title(c, h)
    if cut:
        return c.fail("headline", *cut)
    asked = getattr(getattr(c, "_source", None), "given_url", None)
    if not asked or not h or asked == c.url:
        return None
    a, b = urlsplit(asked), urlsplit(c.url)
    if a.netloc.removeprefix("www.") != b.netloc.removeprefix("www."):
        return None  # a syndicated copy names its original: not this incident
    if set(_STORY_ID.findall(a.path)) & set(_STORY_ID.findall(b.path)):
        return None  # the same story number: retitled, its old slug still answered (ID-addressed sites do)
    mine, theirs = set(_slug_words(asked)), set(_slug_words(c.url))
    if len(mine) < SLUG_MIN_WORDS or len(theirs) < SLUG_MIN_WORDS:
        return None
    shared = len(mine & theirs) / len(mine)
    if shared > OTHER_SLUG_SHARE:
        return None  # the same story's slug, edited
    on_canonical, on_asked = slug_share(c.url, h), slug_share(asked, h)
    if on_canonical is None or on_asked is None or on_canonical <= on_asked:
        return None
    if _retitled(c, asked, h):
        return None  # the body tells both titles' story: this one, retitled, its old slug still answered
    return c.fail("headline", f"the article at {asked}",
                  f"{_quote(h)}, the story its canonical URL {c.url} names (another article served at this URL)")


CUT_MIN_WORDS = 4  # of the headline the slug must spell out before it reads on


def _unnumbered(words: list[str]) -> list[str]:
    """A title's words less its bare numbers, as _slug_words reads a slug."""
    return [w for w in words if not w.isdigit()]


def _cut_headline(h: str, url: str) -> tuple[str, str] | None:
    """A headline cut short (a title column narrower than the title, a length limit): the URL
    slug, made from the whole title, spells the headline out word for word and reads on,
    and the headline stops inside the slug's next word ("... for PlaySt" under
    ".../for-playstation-5") or on a word no title ends with ("... about the" under
    ".../about-the-spin-off-so-far"). A headline shortened by an editor ends on a word."""
    if not h or h[-1] in ".!?…)\"'\u201d\u2019":
        return None
    slug = _slug_words(url or "")  # the one slug reader; the headline's words read as it reads
    words = _unnumbered(title_words(h))
    n = len(words)
    if n < CUT_MIN_WORDS or len(slug) < n or slug[:n - 1] != words[:-1]:
        return None
    last, whole = words[-1], slug[n - 1]
    if whole != last and whole.startswith(last) and whole not in (last + "s", last + "es"):  # "game" of "games": a word
        how = f"stopping inside the word {whole!r}"
    elif whole == last and last in NEVER_LAST and len(slug) > n:  # the slug's words read on past it
        how = f"ending on {last!r}"
    else:
        return None
    return (f"the article's whole headline (its URL slug reads on: {'-'.join(slug[n - 1:n + 3])!r})",
            f"{_quote(h, 70)}, {how} (cut short)")


AUTO_MIN_WORDS = 6  # of the lede an auto-title repeats: fewer is a headline that happens to open it
AUTO_SLUG_MAX = 0.2  # share of the slug's words in an auto-title: the slug was made from the real title


def _auto_title(c, h: str) -> tuple[str, str] | None:
    """A headline filled from the body (a CMS auto-title): the opening words of a paragraph
    (the content's first, which the extraction may have read past: a lede in a block it
    skips) cut off with an ellipsis, the cut word's comma or colon dropped, while the URL
    slug, made from the real title, shares next to none of its words. An editor's headline
    is not a paragraph's first words."""
    if not h.endswith("\u2026") or not c.body:
        return None
    words = h[:-1].split()
    if len(words) < AUTO_MIN_WORDS:
        return None
    n = len(words)
    for i, para in enumerate(c.body, 1):
        opening = _squeeze(para).split()
        if len(opening) > n and opening[:n - 1] == words[:-1] \
                and opening[n - 1].rstrip(",;:") == words[-1].rstrip(",;:"):
            break
    else:
        return None
    share = slug_share(c.url, h)
    if share is None or share > AUTO_SLUG_MAX:
        return None
    return ("the article's own headline (its URL slug names another title)",
            f"{_quote(h, 70)}, the opening words of the body's paragraph {i} (an auto-title)")


def _cut_against_picture(c, h: str) -> tuple[str, str] | None:
    """A headline cut short where the page's pictures kept the whole title: an image's alt (an
    upload's alt is filled from the title when it is made) is the headline and reads on, inside
    the headline's last word ("... after the bos" / "... after the boss rush"), or word by word
    as the URL slug, also made from the whole title, reads on past the headline's words. An
    alt that merely goes on ("<title> banner", "<title> | Site") is captioning, not the title."""
    page = c.page
    if len(h.split()) < CUT_MIN_WORDS or page is None or page.tree.body is None or h[-1] in ".!?…":
        return None
    # the slug's words as the other slug readers take them (no bare numbers: a slugifier may
    # drop or keep a title's "10"), the headline's read the same way
    slug = _slug_words(c.url or "")
    words = _unnumbered(title_words(h))
    for img in page.alt_imgs:
        alt = _squeeze(htmllib.unescape(img.attributes.get("alt") or ""))
        if len(alt) <= len(h) or not alt.startswith(h) or page._in_furniture(img):
            continue
        rest = alt[len(h):]
        if rest[0].isalnum():
            whole = h.rsplit(" ", 1)[-1] + rest.split(" ", 1)[0]
            return (f"the article's whole headline (the page's picture is titled {_quote(alt, 70)})",
                    f"{_quote(h, 70)}, stopping inside the word {_quote(whole, 30)} (cut short)")
        more = _unnumbered(title_words(rest))[:2]
        if rest[0] == " " and len(more) == 2 and slug[:len(words)] == words and \
                slug[len(words):len(words) + 2] == more:
            return (f"the article's whole headline (the page's picture is titled {_quote(alt, 70)}, and "
                    f"its URL slug reads on the same: {'-'.join(slug[len(words):len(words) + 3])!r})",
                    f"{_quote(h, 70)} (cut short)")
    return None


RETITLE_SUPPORT = 0.5  # of each title's subject words the body uses, for one story under both


def _retitled(c, asked: str, h: str) -> bool:
    """A story retitled, answered 200 under its old slug with a canonical URL naming the new
    one: the body names the old slug's subject as well as the new headline's. Another story
    served at the URL does not tell the asked one's (its own body), or its headline is not
    the body's (a cached header over this story's text)."""
    if not c.body:
        return False
    old = topic_share(None, asked, c.body, body_words=c.body_words)
    new = topic_share(h, c.url, c.body, body_words=c.body_words)
    return old is not None and new is not None and min(old, new) >= RETITLE_SUPPORT


_NON_ASCII = "[^\\x00-\\x7f]"


def _strings(value) -> list[str]:
    """Every string in a JSON value (an explicit stack: nesting is the page's to choose)."""
    found, stack = [], [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            found.append(v)
        elif isinstance(v, dict):
            stack.extend(reversed(list(v.values())))
        elif isinstance(v, list):
            stack.extend(reversed(v))
    return found


def _may_hold_copy(h: str, text: str) -> bool:
    """Can _lossy_copy's pattern for the ASCII headline h match in text? What it matches,
    less its non-ASCII characters, apostrophes and whitespace, is h less its spaces and
    apostrophes, so that must be a substring of text read the same way (str methods
    only: no pattern to compile)."""
    key = h.replace(" ", "").replace("'", "")
    return key in "".join(text.encode("ascii", "ignore").decode("ascii").replace("'", "").split())


def _lossy_copy(c, h: str) -> str | None:
    """A copy of the headline elsewhere on the page (an image's alt, the JSON-LD's page name
    or breadcrumb) that is the headline plus non-ASCII characters the headline lacks (dashes,
    curly apostrophes, accented letters): a transcoding that deleted what ASCII cannot hold
    reached the headline and missed that copy."""
    page = c.page
    if not h.isascii() or len(h.split()) < 3 or page is None or page.tree.body is None:
        return None
    copies = [img.attributes.get("alt") or "" for img in page.alt_imgs]
    copies += _strings(page.ld.nodes)  # the JSON-LD as the page's one reader decoded it
    copies = [htmllib.unescape(t) if "&" in t else t for t in copies if not t.isascii()]
    if not copies:
        return None
    text = "\n".join(copies)
    if not _may_hold_copy(h, text):
        return None  # the pattern below is one per headline: compiling it costs ~2 ms
    parts = [f"{_NON_ASCII}*"]
    for ch in h:
        # a space may have held a dash; a letter may be followed by what was deleted after it
        # (an accented letter, the apostrophe a CMS stores curly: "it’s" -> "its")
        parts.append(f"(?:\\s|{_NON_ASCII})+" if ch == " " else re.escape(ch) + f"(?:{_NON_ASCII}|')*")
    pattern = re.compile("".join(parts))
    for m in pattern.finditer(text):
        # invisible format characters (soft hyphens, zero-width spaces) are no characters a
        # reader misses: the extraction drops them on purpose
        copy = _squeeze("".join(ch for ch in m.group(0) if unicodedata.category(ch) != "Cf"))
        if not copy.isascii() and \
                _squeeze(copy.encode("ascii", "ignore").decode()).replace("'", "") == h.replace("'", ""):
            return copy
    return None


# -- completeness: dek, date ------------------------------------------------------------------

# A standfirst is a sentence. One or two words in its slot are a label ("Standfirst",
# "Summary") or a locale key's humanised name: none of WCXB's 113 extracted deks has under
# three words, the shortest of the shipped cassettes' has eight.
DEK_MIN_WORDS = 3


def _not_a_summary(text: str) -> str | None:
    """Why a standfirst slot's text is no summary (the judgments the dek itself gets: a
    placeholder, keywords, a photo credit, interface text), or None."""
    from ..extract.authors import names_a_credit
    from ..extract.boilerplate import is_boilerplate_text
    from .completeness_signals import keyword_list

    d = _squeeze(text)
    if _UNSERIALISED.search(d) or _placeholder(d):
        return "a placeholder left in the field"
    if keyword_list(d):
        return "a list of keywords"
    if names_a_credit(d):
        return "a photo credit"
    if is_boilerplate_text(d):
        return "interface text"
    # (a short line alone is not judged here: a one- or two-word standfirst slot on a page
    # without a dek can be a series name, as on WCXB page 0476)
    return None


def dek_slot_finding(page, desc: str | None, headline: str | None = None) -> str | None:
    """(page: the extract.page.Page the item was read from) The element the page marks as its
    standfirst (extract.generic.dek_slots) showing what is no summary (or the headline printed
    again: the slot fed from the title field), on a page whose item has no dek: the extraction
    passed over the slot (its generic reading skips labels, credits and a copy of the title, as
    it should on a page without a dek), so the dek's own judgments never saw what the page
    prints there. The caller asks only on a site every recorded page of which has a dek. On
    WCXB's 598 development pages without a dek it fires on none
    (benchmarks/composed_signals_wcxb.py)."""
    from ..extract.generic import dek_slots

    title = _squeeze(headline).casefold() if headline else None
    for _node, text in dek_slots(page):
        shown = " ".join(text.split())
        if not shown:
            continue
        why = "the headline printed again" if shown.casefold() == title else _not_a_summary(shown)
        if why is None:
            return None  # a sentence in the slot: not a broken standfirst this reading names
        described = f" (the page describes it as {_quote(desc, 50)})" if desc else ""
        return (f"dek: the article's standfirst{described}, found its slot showing {_quote(shown)} "
                f"({why}), read as no dek")
    return None


def completeness_findings(c) -> list[str]:
    """A placeholder standfirst; an update time read as the publication date."""
    finds = []
    dek = c.item.get("dek")
    if isinstance(dek, str) and dek.strip():
        d = _squeeze(dek)
        if _UNSERIALISED.search(d) or _placeholder(d):
            finds.append(f"dek: the article's standfirst, found {_quote(d)} (a placeholder left in "
                         "the field, not a summary)")
        elif _template_variable(d):
            finds.append(f"dek: the article's standfirst, found {_quote(d)} (the template's variable "
                         f"{_quote(_template_variable(d), 30)} printed unreplaced)")
        elif len(d.split()) < DEK_MIN_WORDS:
            finds.append(f"dek: the article's standfirst, found {_quote(d)} (a label or an untranslated "
                         "key in the dek's slot, not a summary)")
        else:
            finds += filter(None, [_share_copy(d)])
    excerpt = _automatic_excerpt(dek, c.body)
    if excerpt:
        finds.append(excerpt)
    updated = _update_time_as_published(c)
    if updated:
        finds.append(updated)
    finds += filter(None, [dek_source.dek_finding(c), dek_source.tagline_finding(c), _payload_cut_short(c)])
    return finds


_NEXT_DATA = "__NEXT_DATA__"


def _payload_cut_short(c) -> str | None:
    """body: the page's hydration payload (Next.js's __NEXT_DATA__, one JSON object) cut
    short: the server stopped writing mid-value, so the part of the article the client was
    to render from it never arrives, and the body holds what the server rendered first. A
    whole JSON object ends with its closing brace: the end is read, not the payload parsed."""
    raw = c.html
    if c.page is None or raw is None or c.page.tree.body is None:
        return None
    head = c.page.tree.head
    if head is not None and head.css_first(f"script#{_NEXT_DATA}") is None and \
            not any((n.attributes.get("id") or "").lower() == _NEXT_DATA.lower()
                    for n in page_scan(c.page._parsed).id_scripts):
        return None  # no such script in the head, nor in the body (the page's walk): no search of the source
    if (_NEXT_DATA.encode() if isinstance(raw, bytes) else _NEXT_DATA) not in raw:
        return None
    node = c.page.tree.css_first(f"script#{_NEXT_DATA}")
    payload = (node.text(deep=True) or "").rstrip() if node is not None else ""
    if not payload or payload.endswith("}"):
        return None
    return (f"body: the whole article, found {len(c.body)} paragraphs beside the page's {_NEXT_DATA} "
            f"payload cut short mid-value (ending {_quote(payload[-30:], 30)}: the rest of the page's "
            "data never arrived)")


# A post written for social networks: its emoji (pictographs, not the letters-like symbols a
# headline may carry), hashtags, and the call to follow a link ("full story below 👇", "link in
# bio"). A standfirst has at most one of these shapes; share copy has two or three.
_PICTOGRAPH = re.compile("[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2B55]")
_HASHTAG = re.compile(r"(?<![\w&#/])#[A-Za-z]\w{1,40}")
_CALL_TO_FOLLOW = re.compile(r"\b(?:(?:full|whole) (?:story|article|details)|more|details|read more|"
                             r"link)\s+(?:below|in (?:the )?(?:bio|comments)|👇|⬇)|\blink in bio\b|"
                             r"\bswipe up\b|\btap the link\b", re.I)
SHARE_SHAPES_MIN = 2


def _share_copy(dek: str) -> str | None:
    """dek: the social desk's share copy printed as the standfirst (a field mapping fed the
    standfirst from the social post)."""
    shapes = [name for name, found in (
        ("emoji", len(_PICTOGRAPH.findall(dek)) >= 2),
        ("hashtags", bool(_HASHTAG.search(dek))),
        ("a call to follow a link", bool(_CALL_TO_FOLLOW.search(dek)))) if found]
    if len(shapes) < SHARE_SHAPES_MIN:
        return None
    return (f"dek: the article's standfirst, found {_quote(dek)} (social share copy: "
            f"{' and '.join(shapes)}, not a summary)")


_EXCERPT_MORE = re.compile(r"\s*(?:\[(?:…|\.\.\.)\]|…|\.\.\.)\s*$")
EXCERPT_MIN_WORDS = 15  # a standfirst that opens like the lede for a few words is written so


def _automatic_excerpt(dek, body) -> str | None:
    """A dek that is the body's first words cut with "[…]" or "…": the CMS's automatic
    excerpt (WordPress: 55 words and " […]") printed where no standfirst was written."""
    if not isinstance(dek, str) or not body:
        return None
    m = _EXCERPT_MORE.search(dek)
    if m is None:
        return None
    words = dek[:m.start()].split()
    opening = " ".join(p for p in body if isinstance(p, str)).split()[:len(words)]
    if len(words) < EXCERPT_MIN_WORDS or [w.casefold() for w in words] != [w.casefold() for w in opening]:
        return None
    return (f"dek: the article's standfirst, found the body's first {len(words)} words cut with "
            f"{_quote(m.group(0).strip(), 10)} (the CMS's automatic excerpt, not a summary)")


_UPDATE_LABEL = re.compile(r"^\s*(?:last\s+)?(?:updated|modified|edited)\b", re.I)
_DATE_ATTRS = ("datetime", "data-datetime")


def _update_labelled(node) -> bool:
    """A date element whose own words say it is the update stamp ("Updated Aug 17, 2025"): its
    machine-readable time is the last edit, whatever element carries it."""
    return bool(_UPDATE_LABEL.match(node.text(deep=True) or ""))


def _update_time_as_published(c) -> str | None:
    """published read from the page's "Updated:" line (its text, or the time its element
    carries) when the page states no publication date anywhere (no article:published_time, no
    JSON-LD datePublished, no date element of its own but update stamps): the update time is
    not when the article was published."""
    from ..extract.dates import parse_date

    page, published = c.page, c.item.get("published")
    if page is None or not published or page.tree.body is None:
        return None
    def stated():
        yield page.ld.date_published()
        yield from page.meta.get("article:published_time", [])
        # the date elements (a selector over the body) only when the metadata states none; an
        # update stamp states the last edit, not the publication
        for node in page.tree.body.css("time[datetime], [data-datetime]"):
            if not _update_labelled(node):
                yield from (node.attributes.get(k) for k in _DATE_ATTRS)

    if any(parse_date(s) for s in stated() if isinstance(s, str)):
        return None  # a date the page states ("Invalid Date" is none)
    for node in page.tree.body.traverse(include_text=True):
        if node.tag != "-text":
            continue
        raw = node.text_content or ""
        if len(raw) > 80 or not _UPDATE_LABEL.match(raw):
            continue
        carried = [node.parent.attributes.get(k) for k in _DATE_ATTRS] if node.parent is not None else []
        if parse_date(raw.strip(), c.item.get("fetched_at")) == published or \
                any(parse_date(s) == published for s in carried if s):
            return (f"published: the publication date, found {published}, the time of the page's "
                    f"{_quote(raw, 40)} line (the page states no publication date)")
    return None
