"""The thirteenth held-out set (sealed): template changes and incidents none of the earlier kinds covers.

Same contract as the other sets (a Sample in, a Mutated out, each kind labelled). Written
blind: by someone who did not read the checks (pressguard/verdict/), from what front-end
migrations (GSAP text animation, Emotion server rendering, React streaming, scrollytelling
templates), SEO and glossary plugins, guest-post and hCard bylines, Google's translate
widget, Word pastes, newsletter gates and date-format bugs do to article pages, not from
what the checks look at. Measured once on main as it stood (README.md): the blind figure
for them. Keep it out of tuning: a check changed because one of these kinds failed turns
its figure into a tuning figure.
"""

from __future__ import annotations

import html as htmllib
import re
from datetime import datetime, timedelta

from anatomy import children, contains, esc, insert, prose_paragraphs, replace, slugify, text_of, wrap
from base import NONE, RIGHT, Kind, Mutated, NotApplicable, Sample, published_as_stated, register, required, rng_for, \
    same
from holdout2 import _attrs, _inner, _refill
from holdout6 import _byline_box, _rewrite_byline
from holdout9 import _meta, _visible_dates, wrap_children
from holdout11 import _EN_DATE
from mutations import anatomy_of, author_link, content_children, edit_jsonld, join_names, rewrite_text, \
    site_name, walk_json

HOLDOUT13: list[Kind] = []

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
_TAG = re.compile(r"(<[^>]*>)")


def _hash(rng, n: int = 6) -> str:
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(n))


def _wrap_first(node_html: str, term: str, open_tag: str, close_tag: str) -> str | None:
    """node_html with the first occurrence of term (case-insensitive) in its text, not in a
    tag, wrapped in open_tag ... close_tag; None when the text does not hold the term."""
    parts = _TAG.split(node_html)
    for i, part in enumerate(parts):
        if part.startswith("<"):
            continue
        m = re.search(rf"\b{re.escape(term)}\b", part, re.I)
        if m:
            parts[i] = part[:m.start()] + open_tag + m.group(0) + close_tag + part[m.end():]
            return "".join(parts)
    return None


def _header_date(a):
    """The article's own visible date: the first visible date element before the body
    container (story cards further down carry other stories' dates)."""
    for node in _visible_dates(a):
        if _EN_DATE.search(text_of(node)):
            return node
    raise NotApplicable("no visible date in the article header")


def _printed(when: datetime, like: str) -> str:
    """when printed the way the matched date text like is printed ("Aug 6, 2025 1:34 am")."""
    m = _EN_DATE.search(like)
    month = MONTHS[when.month - 1]
    out = f"{month if len(m['month']) > 3 else month[:3]} {when.day}, {when.year}"
    if m["hour"]:
        out += f" {(when.hour % 12) or 12}:{when.minute:02d} {'pm' if when.hour >= 12 else 'am'}"
    return out


def _parse_printed(text: str) -> tuple[datetime, re.Match]:
    m = _EN_DATE.search(text)
    month = next((i for i, name in enumerate(MONTHS) if name.lower().startswith(m["month"].lower()[:3])), None)
    if month is None:
        raise NotApplicable(f"a visible date that does not parse: {m.group(0)!r}")
    hour = minute = 0
    if m["hour"]:
        hour = int(m["hour"]) % 12 + (12 if m["half"].lower() == "p" else 0)
        minute = int(m["minute"])
    return datetime(int(m["year"]), month + 1, int(m["day"]), hour, minute), m


def _reprint(node, fn) -> None:
    """The date element node printed anew: its text and date attributes rewritten with fn."""
    attrs = {k: fn(v) if k in ("datetime", "data-datetime") else v
             for k, v in node.attributes.items() if v is not None}
    replace(node, f'<{node.tag}{"".join(f" {k}={chr(34)}{htmllib.escape(v)}{chr(34)}" for k, v in attrs.items())}>'
                  f'{esc(fn(text_of(node)))}</{node.tag}>')


# ------------------------------------------------- a right extraction exists

@register(HOLDOUT13, RIGHT, """A headline animated with GSAP's SplitText (as magazine redesigns
do for a reveal on load): the <h1> gets aria-label with the title, and its text is split into
one inline-block <div aria-hidden="true"> per word, each holding one inline-block <div> per
character, the spaces left as text between the word divs. A reader sees the same title: the
right headline is unchanged.""")
def headline_split_text_animation(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    title = text_of(a.headline)
    style = "position:relative;display:inline-block;"
    words = " ".join(f'<div class="split-word" aria-hidden="true" style="{style}">'
                     + "".join(f'<div class="split-char" style="{style}">{esc(ch)}</div>' for ch in word)
                     + "</div>" for word in title.split(" "))
    replace(a.headline, f'<{a.headline.tag}{_attrs(a.headline, ("aria-label",))} aria-label="{htmllib.escape(title)}">'
                        f'{words}</{a.headline.tag}>')
    return Mutated(tree.html, same(sample))


@register(HOLDOUT13, RIGHT, """A social title set in the SEO plugin (Yoast's "Social title"
and the SEO title field, as social desks fill them for sharing): og:title and twitter:title
read a rewrite for the feeds ("Why everyone is talking about <subject> right now"), <title>
the same with the site's name; the visible <h1> and the JSON-LD headline keep the story's
title. The headline readers see is the <h1>: the right fields are unchanged.""")
def social_title_rewritten(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    headline = required(sample.expected["headline"], "no headline")
    subject = headline.split(":")[0] if ":" in headline else " ".join(headline.split()[:4])
    social = f"Why everyone is talking about {subject.strip()} right now"
    metas = _meta(tree, "og:title", "twitter:title")
    for meta in metas:
        meta.attrs["content"] = social
    head = tree.head if tree.head is not None else tree.body
    if not any((m.attributes.get("name") or "") == "twitter:title" for m in metas):
        insert(head, f'<meta name="twitter:title" content="{htmllib.escape(social)}">', "append")
    title = tree.css_first("title")
    if title is not None:
        replace(title, f"<title>{esc(social)} | {esc(site_name(sample))}</title>")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT13, RIGHT, """The site's name printed after the title inside the <h1> ("<title>
| <site>"), as themes do that call the document-title function in the header template instead
of the post title. og:title and JSON-LD keep the title alone. The words after the separator
are the site's name, not the story's: a careful reader reads the same headline, so the right
headline is unchanged.""")
def headline_with_site_suffix(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    insert(a.headline, f'<span class="title-sep"> | </span><span class="title-site">{esc(site_name(sample))}'
                       f'</span>', "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT13, RIGHT, """The standfirst set as a subtitle heading: the theme's new header
prints the dek as <h2 class="entry-subtitle"> right under the <h1> (in place of its old
element), as many news themes mark subtitles up. Same text in the same place: the right dek
is unchanged.""")
def dek_as_h2_subtitle(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.dek is None:
        raise NotApplicable("no dek on the page")
    replace(a.dek, f'<h2 class="entry-subtitle">{_inner(a.dek)}</h2>')
    return Mutated(tree.html, same(sample))


@register(HOLDOUT13, RIGHT, """A guest post (industry people writing for the site): the byline
reads "Guest post by A" with the names linked, and a note after the article text, outside
the body container, says "A is a guest contributor ... the views here are the author's own".
The same people wrote it: the right authors, and the body, are unchanged.""")
def byline_guest_post(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    names = sample.expected["authors"]
    _rewrite_byline(a, f'<span class="byline__label">Guest post by</span> '
                       f'{join_names([author_link(sample, n) for n in names])}')
    who = f"{join_names(names)} {'is a guest contributor' if len(names) == 1 else 'are guest contributors'}"
    insert(a.body, f'<div class="guest-author-note"><p><em>{esc(who)}. {esc(site_name(sample))} welcomes guest '
                   f'posts from people who work in the games industry; the views here are the author\'s own.</em>'
                   f'</p></div>', "after")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT13, RIGHT, """An hCard byline from a theme that marks authors up as microformats
(older WordPress frameworks, IndieWeb themes): "By" followed, for each author, by <address
class="author vcard"> holding <a class="url fn n"> with the given name and the family name in
their own spans (given-name, family-name). The same people: the right authors are unchanged.""")
def byline_hcard_microformat(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    cards = []
    for name in sample.expected["authors"]:
        given, _, family = name.partition(" ")
        link = re.sub(r">[^<]*</a>$", ">", author_link(sample, name)).replace('rel="author"', 'class="url fn n" '
                                                                                             'rel="author"')
        parts = f'<span class="given-name">{esc(given)}</span>' + (
            f' <span class="family-name">{esc(family)}</span>' if family else "")
        cards.append(f'<address class="author vcard">{link}{parts}</a></address>')
    _rewrite_byline(a, f'<span class="byline__by">By</span> {join_names(cards)}')
    return Mutated(tree.html, same(sample))


@register(HOLDOUT13, RIGHT, """A template that prints only the last update: the article header's
date reads "Updated <day, time>" (two days after publication, when the story was revised),
its datetime attribute that moment, and article:modified_time and JSON-LD dateModified say
the same; article:published_time and JSON-LD datePublished keep the publication time, as
many news sites do. The page still states when it was published: the right fields are
unchanged.""")
def date_only_updated_visible(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    published = published_as_stated(sample)
    node = _header_date(a)
    delta = timedelta(days=2, hours=3, minutes=12)
    local, _m = _parse_printed(text_of(node))
    updated_iso = (published + delta).isoformat()

    def reprint(value: str) -> str:
        if re.match(r"\d{4}-\d\d-\d\dT", value):
            return updated_iso
        if _EN_DATE.search(value):
            return f"Updated: {_printed(local + delta, value)}"
        return value
    _reprint(node, reprint)
    for meta in _meta(tree, "article:modified_time", "og:updated_time"):
        meta.attrs["content"] = updated_iso

    def modified(d):
        if "datePublished" in d or "headline" in d:
            d["dateModified"] = updated_iso
    edit_jsonld(tree, lambda obj: walk_json(obj, modified))
    return Mutated(tree.html, same(sample))


GLOSSARY = (
    ("boss rush", "A game mode in which the player fights a series of bosses back to back, usually with little "
                  "or no chance to recover between the fights."),
    ("ranked mode", "A competitive mode in which wins and losses move a player up or down a ladder of skill "
                    "tiers that is reset at the start of every season."),
    ("open beta", "A test period open to every player before launch, used to stress the servers and to gather "
                  "feedback on balance, performance and bugs."),
    ("photo mode", "A feature that pauses the game and frees the camera so that players can frame, filter and "
                   "save screenshots of the scene in front of them."),
    ("co-op campaign", "A story mode that two or more players can play together, each of them controlling a "
                       "character, either online or on the same screen."),
    ("story expansion", "Paid additional content that continues the main game's story after launch, with new "
                        "areas, new characters and new quests to complete."),
    ("new season", "A period of several weeks in a live-service game that brings new rewards, a new battle pass "
                   "and, more often than not, a round of balance changes."),
    ("crafting system", "The set of rules by which players combine the materials they have gathered into new "
                        "items, equipment, upgrades or consumables."),
    ("limited event", "An in-game event that runs for a short time only, with its own challenges and rewards "
                      "that disappear from the game once the event is over."),
)


@register(HOLDOUT13, RIGHT, """A glossary plugin (tooltip glossaries such as CM Tooltip Glossary or
Glossary by Codeat): the first mention of up to three game terms in the prose gets a dotted
underline (<span class="glossary-term" tabindex="0" aria-describedby=...>), and the definitions
are rendered as popovers at the end of the body container (<div class="glossary-popover"
role="tooltip">, each a "<term> A game mode in which ..." sentence), positioned by script and
hidden until hovered. The definitions are the plugin's, not the article's: the right fields
are unchanged.""")
def glossary_popovers_in_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    used, n = [], 0
    for p in prose_paragraphs(a):
        for term, definition in GLOSSARY:
            if len(used) >= 3 or any(term == t for t, _ in used):
                continue
            new = _wrap_first(p.html, term, f'<span class="glossary-term" tabindex="0" aria-describedby='
                                            f'"glossary-{n + 1}">', "</span>")
            if new is not None:
                n += 1
                used.append((term, definition))
                replace(p, new)
                break
    if not used:
        raise NotApplicable("no glossary term in the prose")
    popovers = "".join(f'<div class="glossary-popover" role="tooltip" id="glossary-{i}"><strong>{term.capitalize()}'
                       f'</strong> {definition}</div>' for i, (term, definition) in enumerate(used, start=1))
    insert(a.body, popovers, "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT13, RIGHT, """A story moved to the newsroom's scrollytelling template (the
Pudding / Datawrapper "scroller" layout): every block of the body goes into its own <div
class="scrolly__step" data-step="N">, the steps into a <div class="scrolly__text">, and a
sticky <figure class="scrolly__sticky" aria-hidden="true"> with a server-rendered SVG chart
(axis labels "2023", "2024", "2025" as <text>) comes first in the body container. The
article's blocks are unchanged, in order: the right fields are unchanged.""")
def scrollytelling_steps(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    blocks = required(content_children(a.body), "fewer than two content blocks in the body", at_least=2)
    for n, block in enumerate(blocks, start=1):
        wrap(block, f'<div class="scrolly__step" data-step="{n}">')
    wrap_children(a.body, '<div class="scrolly__text">')
    insert(a.body, '<figure class="scrolly__sticky" aria-hidden="true"><svg viewBox="0 0 400 300" width="400" '
                   'height="300" role="img"><g class="axis"><text x="20" y="40">2023</text><text x="20" y="140">2024'
                   '</text><text x="20" y="240">2025</text></g><path class="line" d="M60 240 L200 140 L340 40" '
                   'fill="none" stroke="currentColor"></path></svg></figure>', "prepend")
    a.body.attrs["class"] = ((a.body.attributes.get("class") or "") + " scrolly").strip()
    return Mutated(tree.html, same(sample))


_REACT_RC = ('$RC=function(b,c,e){c=document.getElementById(c);c.parentNode.removeChild(c);var a=document.'
             'getElementById(b);if(a){b=a.previousSibling;if(e)b.data="$!",a.setAttribute("data-dgst",e);else{e=b.'
             'parentNode;a=b.nextSibling;var f=0;do{if(a&&8===a.nodeType){var d=a.data;if("/$"===d)if(0===f)break;'
             'else f--;else"$"!==d&&"$?"!==d&&"$!"!==d||f++}d=a.nextSibling;e.removeChild(a);a=d}while(a);for(;c.'
             'firstChild;)e.insertBefore(c.firstChild,a);b.data="$"}b._reactRetry&&b._reactRetry()}};'
             '$RC("B:0","S:0")')


@register(HOLDOUT13, RIGHT, """A move to React 18 streaming server rendering with the article
body in a Suspense boundary: where the body's blocks were, the body container holds the
boundary's fallback (<!--$?--><template id="B:0"></template> and a skeleton of empty grey
lines <!--/$-->); the blocks themselves arrive later in the same response, in <div hidden
id="S:0"> at the end of <body>, followed by React's $RC script that swaps them into place.
The whole article is served in the page: the right fields are unchanged.""")
def react_streaming_suspense_swap(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if tree.body is None or not children(a.body):
        raise NotApplicable("an empty body container")
    segment = wrap_children(a.body, '<div hidden id="S:0">')
    tree.body.insert_child(segment, move=True)
    insert(segment, f"<script>{_REACT_RC}</script>", "after")
    insert(a.body, '<div id="h13-suspense-boundary"></div>', "append")
    fallback = ('<!--$?--><template id="B:0"></template><div class="article-skeleton" aria-busy="true"><div class='
                '"skeleton-line"></div><div class="skeleton-line"></div><div class="skeleton-line skeleton-line--'
                'short"></div></div><!--/$-->')
    page = tree.html.replace('<div id="h13-suspense-boundary"></div>', fallback, 1)
    return Mutated(page, same(sample))


@register(HOLDOUT13, RIGHT, """A component library migration to Emotion (CSS-in-JS) with default
server rendering: the headline, dek, byline, body container and every block of the body lose
their old classes for generated ones (css-<hash>), and Emotion writes each component's rules in
a <style data-emotion="css <hash>"> element placed right before the element it styles, so the
body container holds a style element before every block. Nothing the reader sees changes.""")
def emotion_ssr_inline_styles(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    rng = rng_for(sample, "emotion_ssr_inline_styles")
    rules = ("margin:0 0 1.5rem;font-size:1.125rem;line-height:1.7;", "font-size:2.25rem;font-weight:800;",
             "color:#4a4a4a;font-size:1.25rem;", "display:flex;gap:0.5rem;align-items:center;",
             "max-width:720px;margin:0 auto;")
    nodes = [n for n in (a.headline, a.dek, a.byline, a.body) if n is not None] + list(a.blocks)
    for node in nodes:
        h = _hash(rng)
        node.attrs["class"] = f"css-{h}"
        insert(node, f'<style data-emotion="css {h}">.css-{h}{{{rng.choice(rules)}}}</style>', "before")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT13, RIGHT, """A heading-anchors plugin (as long-read and guide sites add for
deep links): every subheading of the body gets an id and, at its end, a permalink
<a class="heading-anchor" href="#id" aria-label="Permalink to this section">#</a> shown on
hover. The "#" is the link's icon, not the heading's text: the right fields are
unchanged.""")
def heading_anchor_links(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    heads = required([b for b in a.blocks if b.tag in ("h2", "h3", "h4")], "no subheading in the body")
    for n, h in enumerate(heads, start=1):
        anchor = h.attributes.get("id") or f"section-{n}"
        h.attrs["id"] = anchor
        insert(h, f'<a class="heading-anchor" href="#{anchor}" aria-label="Permalink to this section">#</a>',
               "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT13, RIGHT, """Google's website translator added for international readers: the
widget (<div id="google_translate_element"> with a "Select Language" menu and "Powered by
Google Translate") above the headline in the article header, its element.js loader and init
script at the end of <body>, and the authors' names wrapped in <span class="notranslate"
translate="no"> so that the machine translation leaves them alone. The page is still the
English original: the right fields are unchanged.""")
def translate_widget_notranslate(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None or tree.body is None:
        raise NotApplicable("no headline element")
    options = "".join(f'<option value="{code}">{name}</option>' for code, name in
                      (("es", "Spanish"), ("fr", "French"), ("de", "German"), ("ja", "Japanese"), ("pt", "Portuguese")))
    insert(a.headline, f'<div id="google_translate_element"><div class="skiptranslate goog-te-gadget" dir="ltr"><div '
                       f'id=":0.targetLanguage"><select class="goog-te-combo" aria-label="Language Translate Widget">'
                       f'<option value="">Select Language</option>{options}</select></div>Powered by <span style='
                       f'"white-space:nowrap"><a class="VIpgJd-ZVi9od-l4eHX-hSRGPd" href="https://translate.google.'
                       f'com"><img src="https://www.gstatic.com/images/branding/googlelogo/1x/googlelogo_color_42x16dp.'
                       f'png" width="37" height="14" alt="Google Translate"> Translate</a></span></div></div>', "before")
    for unit in a.author_nodes:
        wrap(unit, '<span class="notranslate" translate="no">')
    insert(tree.body, '<script>function googleTranslateElementInit(){new google.translate.TranslateElement({pageLanguage:'
                      '"en",autoDisplay:false},"google_translate_element")}</script><script src="https://translate.'
                      'google.com/translate_a/element.js?cb=googleTranslateElementInit"></script>', "append")
    return Mutated(tree.html, same(sample))


# ------------------------------------------------- no right extraction exists

@register(HOLDOUT13, NONE, """A date-format bug in an import (dates exported as 06/08/2025 and
read back month first): the publication day and month are swapped everywhere the page states
them, the visible date ("Aug 6, 2025" becomes "Jun 8, 2025"), its datetime attribute,
article:published_time and the JSON-LD dates (the modified time moved by the same error): a
plausible date, months before or after the real one.
The page no longer states when the article was published; no right extraction exists.""")
def published_day_month_swapped(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    published = published_as_stated(sample)
    node = _header_date(a)
    local, _m = _parse_printed(text_of(node))
    if local.day > 12:
        raise NotApplicable("published after the 12th: the day cannot be read as a month")
    if local.day == local.month:
        raise NotApplicable("day and month are the same number")
    # the stored (local) date is the one read wrongly; the UTC copies are derived from it
    offset = published.replace(tzinfo=None) - local

    def swap(utc: datetime) -> datetime:
        day = utc.replace(tzinfo=None) - offset
        return day.replace(month=day.day, day=day.month) + offset

    def reprint(value: str) -> str:
        if _EN_DATE.search(value):
            return _EN_DATE.sub(lambda m: (m["label"] or "") + _printed(swap(published) - offset, m.group(0)),
                                value, count=1)
        return _swap_iso(re.match(r"(\d{4}-\d\d-\d\dT[\d:]+)(.*)", value), swap, published) or value
    _reprint(node, reprint)
    page = re.sub(r'(?<=content=")(\d{4}-\d\d-\d\dT[\d:]+)(?=[^"]*")|(?<=":")(\d{4}-\d\d-\d\dT[\d:]+)',
                  lambda m: _swap_iso(m, swap, published) or m.group(0), tree.html)
    return Mutated(page, None)


def _swap_iso(m, swap, published) -> str | None:
    """The ISO time in m (the article's own: within two days of publication) swapped."""
    if m is None:
        return None
    text = m.group(0)
    stamp = text[:19] if len(text) >= 19 else text
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    if abs(when - published.replace(tzinfo=None)) > timedelta(days=2):
        return None
    # the import rewrote the post's other dates (modified) by the same error
    return (when + (swap(published) - published.replace(tzinfo=None))).isoformat() + text[len(stamp):]


@register(HOLDOUT13, NONE, """A field-mapping change in the theme's header: the standfirst slot
is fed from the featured image's caption field, so under the headline the page shows the photo
credit ("Photo by ... /Getty Images", "Screengrab via ...") where the dek was. The meta
description still holds the old dek, but the page no longer shows one; no right extraction
exists.""")
def dek_is_image_caption(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.dek is None:
        raise NotApplicable("no dek on the page")
    caption = next((c for c in tree.css("figcaption") if not contains(a.body, c) and text_of(c)), None)
    if caption is None:
        raise NotApplicable("no featured image caption outside the body")
    _refill(a.dek, esc(text_of(caption)))
    return Mutated(tree.html, None)


OTHER_HEADLINES = ("Patch notes explained: every change in the winter update",
                   "The best co-op games to play with friends this weekend",
                   "Every confirmed guest for the autumn showcase so far")


@register(HOLDOUT13, NONE, """A stale header fragment (a fragment cache keyed per template, not
per post): the <h1> shows the headline of the story rendered before this one (another news
story of the site), while <title>, og:title and the JSON-LD keep this story's title and the
body is this story's. The headline the page shows is not the
article's; no right extraction exists.""")
def headline_fragment_other_story(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    other = OTHER_HEADLINES[rng_for(sample, "headline_fragment_other_story").randrange(len(OTHER_HEADLINES))]
    _refill(a.headline, esc(other))
    return Mutated(tree.html, None)


@register(HOLDOUT13, NONE, """Text pasted from Microsoft Word with its conditional comment half
kept: after the first prose paragraph the stored post holds "<!--[if gte mso 9]><xml>
<o:OfficeDocumentSettings>..." whose closing "-->" the editor's cleanup removed, so the
browser reads everything up to the next "-->" in the page as a comment. The rest of the
article is not shown; no right extraction exists.""")
def word_conditional_comment_unclosed(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = prose_paragraphs(a)
    if not prose or prose[0] is a.blocks[-1]:
        raise NotApplicable("no prose paragraph with blocks after it")
    insert(prose[0], '<span id="h13-word-paste"></span>', "after")
    opener = ('<!--[if gte mso 9]><xml> <o:OfficeDocumentSettings> <o:AllowPNG/> </o:OfficeDocumentSettings> '
              '</xml><![endif]')
    page = tree.html.replace('<span id="h13-word-paste"></span>', opener, 1)
    return Mutated(page, None)


@register(HOLDOUT13, NONE, """A content migration whose converter drops heading blocks (the old
CMS's subheadings were a custom "section title" component the converter does not map): every
subheading of the body is gone, the paragraphs and lists between them run on. On listicles
and guides the headings are the list's entries; the page no longer carries the article;
no right extraction exists.""")
def headings_dropped_by_converter(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    heads = required([b for b in a.blocks if b.tag in ("h2", "h3", "h4")], "no subheading in the body")
    for h in heads:
        h.decompose()
    return Mutated(tree.html, None)


@register(HOLDOUT13, NONE, """A newsletter-exclusive gate (stories reserved for the site's free
newsletter, as publishers run to grow their lists): the body shows the first paragraph, then a
box "Keep reading with <site> Insider", a line saying the story is exclusive to newsletter
subscribers, an e-mail field and an "Unlock the story" button. The rest of the article is not
in the page; no right extraction exists.""")
def newsletter_exclusive_gate(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    blocks = required(content_children(a.body), "fewer than three content blocks in the body", at_least=3)
    keep = blocks[0]
    for node in children(a.body):
        if node.mem_id != keep.mem_id:
            node.decompose()
    site = esc(site_name(sample))
    insert(a.body, f'<div class="newsletter-gate"><h3 class="newsletter-gate__title">Keep reading with {site} Insider'
                   f'</h3><p>This story is exclusive to subscribers of our free Insider newsletter. Enter your email '
                   f'to unlock the rest of it and get the next one in your inbox.</p><form class="newsletter-gate__'
                   f'form" action="/newsletter/unlock/" method="post"><input type="email" name="email" placeholder='
                   f'"Email address" required><button type="submit">Unlock the story</button></form><p class='
                   f'"newsletter-gate__legal">By signing up you agree to our Terms of Use and Privacy Policy.</p>'
                   f'</div>', "append")
    return Mutated(tree.html, None)


@register(HOLDOUT13, NONE, """A byline component with a fixed width that truncates names on the
server (mb_strimwidth to ten characters, "…" added): a name longer than that prints as "By
Elise Whit…", the full name only in the link's title attribute, the meta author and the
JSON-LD. The page's byline no longer names the writer; no right extraction exists.""")
def byline_name_truncated_ellipsis(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    cut = 0
    for name, unit in zip(sample.expected["authors"], a.author_nodes):
        if len(name) <= 10:
            continue
        short = name[:9].rstrip() + "…"
        rewrite_text(unit, lambda s, name=name, short=short: s.replace(name, short))
        link = unit if unit.tag == "a" else unit.css_first("a")
        if link is not None:
            link.attrs["title"] = name
        cut += 1
    if not cut:
        raise NotApplicable("every author's name fits in ten characters")
    return Mutated(tree.html, None)


@register(HOLDOUT13, NONE, """An import that lost the post authors on a theme whose fallback is
the site's staff account: every byline reads "By <site> Staff", and the meta author and the
JSON-LD author say the same. The page no longer names the people who wrote it; no right
extraction exists.""")
def byline_fallback_site_staff(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    staff = f"{site_name(sample)} Staff"
    slug = slugify(staff)
    _rewrite_byline(a, f'<span class="byline__by">By</span> <a href="https://{sample.host}/author/'
                       f'{slug}/" rel="author">{esc(staff)}</a>')
    for meta in _meta(tree, "author", "article:author", "twitter:data1"):
        meta.attrs["content"] = staff

    def restaff(d):
        if "author" in d:
            d["author"] = {"@type": "Person", "name": staff}
    edit_jsonld(tree, lambda obj: walk_json(obj, restaff))
    return Mutated(tree.html, None)


@register(HOLDOUT13, NONE, """A story published as an interactive (the graphics desk's template)
whose text is rendered by script from the desk's data file: the body container holds the
mount point, a static image and the fallback "This story is an interactive experience. It
needs JavaScript and an up-to-date browser to display." with a link to a static version. The
article's text is not in the page; no right extraction exists.""")
def interactive_fallback_only(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    for node in children(a.body):
        node.decompose()
    slug = re.sub(r"[^a-z0-9]+", "-", sample.slug.lower())[:60]
    host = sample.host
    insert(a.body, f'<div class="interactive-embed" data-story="{slug}" data-src="https://{host}/interactives/{slug}'
                   f'/data.json"><div id="interactive-root"></div><div class="interactive-fallback"><img src="https:/'
                   f'/{host}/interactives/{slug}/fallback.png" alt="" width="1200" height="800"><p>This story is an '
                   f'interactive experience. It needs JavaScript and an up-to-date browser to display.</p><p><a href='
                   f'"https://{host}/interactives/{slug}/?view=static">View the static version</a></p></div></div>',
           "append")
    return Mutated(tree.html, None)


_KICKER_SEPARATOR = re.compile(r"^(.{3,60}?)(?::| [–—-]) (.+)$")


@register(HOLDOUT13, NONE, """A header component that reads "Kicker: Title" as two fields (the
part before the first colon or dash an eyebrow label, the rest the title) in a redesign whose
eyebrow slot is not rendered: the <h1> shows only the part after the separator ("worth the
wait" for "Starfall Tactics review – worth the wait"); <title>, og:title and JSON-LD keep the
whole title. The headline the page shows is not the article's; no right extraction exists.""")
def headline_kicker_part_dropped(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    m = _KICKER_SEPARATOR.match(text_of(a.headline))
    if m is None:
        raise NotApplicable("no colon or dash in the headline")
    _refill(a.headline, esc(m.group(2)))
    return Mutated(tree.html, None)


@register(HOLDOUT13, NONE, """A syndicated story whose licence ran out (wire and partner content
is licensed for a period; when it lapses the partner's feed withdraws it and the CMS shows a
notice): the page keeps the story's headline, dek, byline and date, and the body container
holds "This content is no longer available. The licence for this story has expired." with a
link to the site's latest news. The article's text is not on the page; no right extraction
exists.""")
def syndication_licence_expired(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    for node in children(a.body):
        node.decompose()
    insert(a.body, '<div class="syndication-notice" role="status"><p><strong>This content is no longer available.'
                   '</strong> The licence for this story has expired.</p><p><a href="/news/">Read the latest news'
                   '</a></p></div>', "append")
    return Mutated(tree.html, None)
