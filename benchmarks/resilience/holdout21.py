"""The twenty-first held-out set (sealed): template changes and incidents none of the earlier kinds covers.

Same contract as the other sets (a Sample in, a Mutated out, each kind labelled). Written blind:
by someone who did not read the checks (pressguard/verdict/, pressguard/extract/), from what
servers and front ends do to the bytes (a UTF-8 byte-order mark under an Apache default charset,
an ASCII-only output of numeric references), what redesigns and platform moves do to the header
(Webflow's generated classes, a definition list of metadata, a remediation script's ARIA heading,
ISO date stamps, a PHP date format with unescaped letters, affiliations after the writers' names)
and what plugins and accessibility work add around the text (text-to-speech sentence markers,
image descriptions, a series box, dates marked up in the prose, an update log), and from what
CMS, cache and migration faults (a keyword <h1> override, a form-encoded excerpt, an escaped
author link, published track changes, unspun spintax, a serializer that forgets text after inline
tags, the more-tag teaser on the single view, a tag whitelist without headings and lists, an
affiliate autolinker that swallows names, interleaved cache writes, a headless rich-text field
printed as JSON, social copy appended to the text) do to them, not from what the checks look at.
Measured by the lead only, once, at the end of the session: the blind figure for them. Keep it out
of tuning: a check changed because one of these kinds failed turns its figure into a tuning figure.
"""

from __future__ import annotations

import calendar
import codecs
import json
import re
from datetime import datetime, timedelta

from anatomy import contains, esc, insert, prose_paragraphs, replace, slugify, text_of
from base import NONE, RIGHT, Kind, Mutated, NotApplicable, Sample, published_at, register, required, rng_for, same
from holdout2 import _attrs, _inner, _p_attrs, _refill, _scope
from holdout6 import _byline_box
from holdout9 import MONTHS
from holdout11 import _EN_DATE
from holdout17 import _later, _map_text, _shown_elsewhere
from holdout18 import _STAFF, _local_offset, _month, _post_id
from holdout19 import _PLATFORMS, _body_lost, _header_dates
from holdout20 import _local
from mutations import _attr, anatomy_of, join_names, site_name

HOLDOUT21: list[Kind] = []

_RAW_SPAN = re.compile(r"(<(script|style)\b.*?</\2\s*>)", re.S | re.I)


def _half(hour: int) -> str:
    return "am" if hour < 12 else "pm"


def _clock(when) -> str:
    return f"{when.hour % 12 or 12}:{when.minute:02d} {_half(when.hour)}"


def _reprint_header_dates(tree, a, stamp_of) -> int:
    """Each printed date line of the header (outermost) reprinted with stamp_of(its _EN_DATE
    match) in place of the date (None: left as it is); how many were reprinted."""
    done = 0
    for node in _header_dates(tree, a):
        said = text_of(node)
        m = _EN_DATE.search(said)
        stamp = stamp_of(m) if m is not None else None
        if stamp is not None:
            _restamp(node, said, m, stamp)
            done += 1
    return done


def _restamp(node, said: str, m, stamp: str) -> None:
    """The date line reprinted with stamp in place of the matched date (the text around it kept),
    a human-readable data-datetime following the words (an ISO one kept)."""
    attrs = {k: v for k, v in node.attributes.items() if v is not None}
    new = f"{said[:m.start()]}{stamp}{said[m.end():]}"
    if "data-datetime" in attrs and not re.match(r"\d{4}-\d\d-\d\d", attrs["data-datetime"]):
        attrs["data-datetime"] = new
    replace(node, f'<{node.tag}{"".join(f" {k}={chr(34)}{_attr(v)}{chr(34)}" for k, v in attrs.items())}>'
                  f'{esc(new)}</{node.tag}>')


def _moment_of(m):
    """The naive local moment a matched date line prints (None: no time printed)."""
    if not m["hour"]:
        return None
    hour = int(m["hour"]) % 12 + (12 if m["half"].lower() == "p" else 0)
    return datetime(int(m["year"]), _month(m["month"]), int(m["day"]), hour, int(m["minute"]))


_SENTENCE_GAP = re.compile(r"(?<=[.!?]) (?=[A-Z“\"])")
_VOID = {"br", "img", "wbr", "hr", "input", "source"}


def _top_level_gaps(inner: str) -> list[int]:
    """Offsets in inner HTML of the spaces between sentences that sit outside every inline
    element (a sentence break inside a link is left alone)."""
    gaps, depth, at = [], 0, 0
    for part in re.split(r"(<[^>]*>)", inner):
        if part.startswith("<"):
            tag = re.match(r"</?\s*([a-zA-Z][\w-]*)", part)
            if tag and tag.group(1).lower() not in _VOID and not part.endswith("/>"):
                depth += -1 if part.startswith("</") else 1
        elif depth == 0:
            gaps += [at + g.start() for g in _SENTENCE_GAP.finditer(part)]
        at += len(part)
    return gaps


def _wordy(a) -> list:
    """The body's paragraphs of ten words or more (prose, whatever they end with: an emoji too)."""
    return [p for p in a.blocks if p.tag == "p" and len(text_of(p).split()) >= 10]


def _substitute(blocks, pattern, make, per_block: int | None = None) -> int:
    """Each match of pattern in the text runs of blocks (their tags left as they are) replaced by
    make(match, index of the block), at most per_block times in a block; how many blocks changed."""
    changed = 0
    for i, block in enumerate(blocks):
        count = 0

        def one(m):
            nonlocal count
            if per_block is not None and count >= per_block:
                return m.group(0)
            count += 1
            return make(m, i)
        new = _map_text(_inner(block), lambda text: pattern.sub(one, text))
        if count:
            _refill(block, new)
            changed += 1
    return changed


# ------------------------------------------------- a right extraction exists

@register(HOLDOUT21, RIGHT, """Theme files saved with a UTF-8 byte-order mark, served by an Apache
whose configuration still carries the old distribution default "AddDefaultCharset ISO-8859-1":
every response says Content-Type: text/html; charset=ISO-8859-1, while the bytes are UTF-8 and
start with the BOM (the <meta charset="UTF-8"> is unchanged). Browsers sniff the byte-order mark
before anything else (it wins over the header), so the page reads correctly: the right fields are
unchanged.""")
def utf8_bom_overrides_latin1_header(sample: Sample) -> Mutated:
    return Mutated(codecs.BOM_UTF8 + sample.html.encode("utf-8"), same(sample), "text/html; charset=ISO-8859-1")


def _ncr(text: str) -> str:
    return re.sub(r"[^\x00-\x7f]", lambda m: f"&#{ord(m.group(0))};", text)


def _js_escape(text: str) -> str:
    """Non-ASCII characters of a script as \\u escapes (surrogate pairs above the BMP), as an
    ASCII-only output filter writes them; valid in JSON and JavaScript strings."""
    def esc(m):
        data = m.group(0).encode("utf-16-be")
        return "".join(f"\\u{int.from_bytes(data[i:i + 2], 'big'):04x}" for i in range(0, len(data), 2))
    return re.sub(r"[^\x00-\x7f]", esc, text)


def _css_escape(text: str) -> str:
    return re.sub(r"[^\x00-\x7f]", lambda m: f"\\{ord(m.group(0)):06x}", text)


@register(HOLDOUT21, RIGHT, """An "ASCII-safe output" setting of an old CMS (or an output filter
calling htmlentities-style encoding on the whole response, as legacy stacks do to survive any
charset): every character above ASCII is written as a numeric character reference (&#8217;,
&#233;) in the text and the attributes, as a \\u escape inside scripts and JSON-LD and a CSS
escape inside styles; the page is pure ASCII, its <meta> and the Content-Type header say
ISO-8859-1. The references decode to the same characters: the right fields are unchanged.""")
def ascii_ncr_page_labelled_latin1(sample: Sample) -> Mutated:
    html = re.sub(r"<meta\s+charset=[\"']?[\w-]+[\"']?\s*/?>", '<meta charset="ISO-8859-1">', sample.html,
                  count=1, flags=re.I)
    parts = _RAW_SPAN.split(html)
    out = []
    for i in range(0, len(parts), 3):
        out.append(_ncr(parts[i]))
        if i + 1 < len(parts):
            raw = parts[i + 1]
            out.append(_css_escape(raw) if parts[i + 2].lower() == "style" else _js_escape(raw))
    data = "".join(out).encode("ascii")
    return Mutated(data, same(sample), "text/html; charset=ISO-8859-1")


@register(HOLDOUT21, RIGHT, """A redesign that prints unambiguous machine-style stamps for an
international readership (as developer-facing and some European news sites do): every date line
of the article header reads "2025-08-10 14:03 UTC" (ISO order, 24-hour clock, converted to UTC;
a line that printed no time shows the day only, "2025-08-10"), labels such as "Published:" kept.
Meta and JSON-LD are unchanged and the stamp names the same moment: the right fields are
unchanged.""")
def dates_printed_iso_utc(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    offset = _local_offset(sample, a, tree)

    def iso(m) -> str:
        when = _moment_of(m)
        if when is None:
            return f"{m['label'] or ''}{int(m['year']):04d}-{_month(m['month']):02d}-{int(m['day']):02d}"
        return f"{m['label'] or ''}{when - offset:%Y-%m-%d %H:%M} UTC"
    done = required(_reprint_header_dates(tree, a, iso), "no printed date line in the header")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT21, RIGHT, """A theme update that changed the header's date format to "M j, Y at
g:i a" without escaping the word "at" (PHP's date() reads the letters as format characters: "a"
prints am/pm and "t" the number of days in the month), so every date line with a time reads
"Aug 10, 2025 am31 10:03 am" (labels kept). The day and the time are still printed right, and
meta and JSON-LD are unchanged: the right fields are unchanged.""")
def date_format_unescaped_at_letters(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)

    def unescaped(m) -> str | None:
        when = _moment_of(m)
        if when is None:
            return None
        days = calendar.monthrange(when.year, when.month)[1]
        return f"{m['label'] or ''}{m['month'].rstrip('.')} {when.day}, {when.year} {_half(when.hour)}{days} {_clock(when)}"
    done = required(_reprint_header_dates(tree, a, unescaped), "no date line with a time in the header")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT21, RIGHT, """An accessibility-minded redesign that marks the article's metadata
up as a description list (as design systems such as GOV.UK's summary list do): where the byline
was, <dl class="article-meta"> with <dt>Written by</dt> and a <dd> of the linked names (joined with
commas and "and", no "By"), then <dt>Published</dt> and a <dd> holding <time datetime=...>
"August 10, 2025 at 10:03 am"</time> in the site's zone; the old byline and date lines are gone.
Meta and JSON-LD are unchanged. Same writers, same moment: the right fields are unchanged.""")
def meta_as_definition_list(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    box = _byline_box(sample, a)
    local = _local(sample, a, tree)
    offset = _local_offset(sample, a, tree)
    minutes = int(offset.total_seconds() // 60)
    zone = f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    for node in _header_dates(tree, a, box):
        node.decompose()
    host = sample.host
    names = [f'<a rel="author" href="https://{host}/author/{slugify(n)}/">{esc(n)}</a>' for n in sample.expected["authors"]]
    replace(box, f'<dl class="article-meta"><dt class="article-meta__term">Written by</dt><dd class="article-meta__authors">'
                 f'{join_names(names)}</dd><dt class="article-meta__term">Published</dt><dd class="article-meta__date">'
                 f'<time datetime="{local:%Y-%m-%dT%H:%M:%S}{zone}">{MONTHS[local.month - 1]} {local.day}, {local.year} at '
                 f'{_clock(local)}</time></dd></dl>')
    return Mutated(tree.html, same(sample))


@register(HOLDOUT21, RIGHT, """Contributor affiliations in the byline, as outlets that publish
experts and freelancers print them (The Conversation's style): each writer's name is followed by a
superscript reference number (<sup class="affiliation-ref">1</sup>), and under the byline a small
list gives each number's affiliation ("1 Staff Writer, <site>", "2 Contributor"). The numbers and
affiliations are not part of the names: the right fields are unchanged.""")
def byline_affiliation_superscripts(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    box = _byline_box(sample, a)
    if not a.author_nodes:
        raise NotApplicable("the names are not elements of the byline")
    site = site_name(sample)
    for n, unit in enumerate(a.author_nodes, 1):
        insert(unit, f'<sup class="affiliation-ref"><a href="#affiliation-{n}">{n}</a></sup>', "after")
    roles = [f"Staff Writer, {esc(site)}"] + ["Contributor"] * (len(a.author_nodes) - 1)
    items = "".join(f'<li id="affiliation-{n}"><sup>{n}</sup> {r}</li>' for n, r in enumerate(roles, 1))
    insert(box, f'<ol class="author-affiliations">{items}</ol>', "after")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT21, RIGHT, """A text-to-speech vendor's sentence markers (BeyondWords-style
players highlight the sentence being read): the player's empty mount element opens the body, and
inside every body paragraph each sentence is wrapped in <span data-beyondwords-marker="<uuid>">,
the spaces between sentences left between the spans. The words and their spaces are the same:
the right fields are unchanged.""")
def tts_sentence_marker_spans(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    rng = rng_for(sample, "tts_sentence_marker_spans")
    done = 0
    for p in [b for b in a.blocks if b.tag == "p"]:
        inner = _inner(p)
        cuts = [0] + _top_level_gaps(inner) + [len(inner)]
        pieces = []
        for start, end in zip(cuts, cuts[1:]):
            piece = inner[start:end].strip(" ")
            if not piece:
                continue
            uid = "-".join("".join(rng.choice("0123456789abcdef") for _ in range(k)) for k in (8, 4, 4, 4, 12))
            pieces.append(f'<span data-beyondwords-marker="{uid}">{piece}</span>')
        if pieces:
            _refill(p, " ".join(pieces))
            done += 1
    if not done:
        raise NotApplicable("no body paragraph")
    insert(a.body, '<div class="beyondwords-player" data-beyondwords-player="true" contenteditable="false"></div>',
           "prepend")
    return Mutated(tree.html, same(sample))


_DESCRIPTIONS = ("A wide shot of a sunlit town square; the game's menu is open on the left and a quest marker "
                 "glows above a fountain.",
                 "Two characters stand on a rooftop at dusk; the interface shows a health bar and a map in the "
                 "top corner.",
                 "A close-up of a character select screen with six portraits in a row and a highlighted button.")


@register(HOLDOUT21, RIGHT, """An accessibility rewrite that gives every image a long description
(as accessibility guidelines ask for informative images): inside each figure of the article, after
the image and its caption, a closed <details class="image-description"> with <summary>Image
description</summary> and a paragraph describing the picture. The descriptions are the images',
not the article's text: the right fields are unchanged.""")
def figure_long_descriptions_details(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    figures = [f for f in _scope(a).css("figure") if f.css_first("img") is not None]
    if not figures:
        raise NotApplicable("no figure with an image in the article")
    for n, fig in enumerate(figures):
        insert(fig, f'<details class="image-description"><summary>Image description</summary><p>'
                    f'{_DESCRIPTIONS[n % len(_DESCRIPTIONS)]}</p></details>', "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT21, RIGHT, """A move to Webflow's CMS with a template built in the Designer, so
every class is Webflow's generated name: the title in <h1 class="heading-2">, the standfirst in
<p class="paragraph-3">, then a collection list of the writers (<div role="list"
class="w-dyn-items">, one <a class="link-block-3 w-inline-block"> per writer holding <div
class="text-block-4">Name</div>, no "By") and the date as <div class="text-block-5">August 10,
2025</div> (the day only, no element for machines); the old byline and date lines are gone, the
body container is <div class="rich-text-block w-richtext">, <html> carries data-wf-page and
data-wf-site. Meta and JSON-LD are unchanged: the right fields are unchanged.""")
def webflow_cms_generic_classes(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None or a.headline.tag != "h1":
        raise NotApplicable("no <h1> headline")
    rng = rng_for(sample, "webflow_cms_generic_classes")
    local = _local(sample, a, tree)
    host = sample.host
    for node in _header_dates(tree, a, a.byline):
        node.decompose()
    names = sample.expected["authors"]
    if a.byline is not None and names and not contains(a.byline, a.headline):
        a.byline.decompose()
    writers = "".join(f'<div role="listitem" class="w-dyn-item"><a href="https://{host}/authors/{slugify(n)}" '
                      f'class="link-block-3 w-inline-block"><div class="text-block-4">{esc(n)}</div></a></div>'
                      for n in names)
    listed = (f'<div role="list" class="w-dyn-list"><div role="list" class="w-dyn-items">{writers}</div></div>'
              if names else "")
    meta = (f'<div class="div-block-7">{listed}<div class="text-block-5">{MONTHS[local.month - 1]} {local.day}, '
            f'{local.year}</div></div>')
    dek = sample.expected["dek"]
    if a.dek is not None and not contains(a.dek, a.headline) and not contains(a.headline, a.dek):
        replace(a.dek, f'<p class="paragraph-3">{_inner(a.dek)}</p>{meta}')
    elif dek:
        raise NotApplicable("the standfirst is not an element of its own")
    else:
        insert(a.headline, meta, "after")
    h = a.headline
    replace(h, f'<h1 class="heading-2">{_inner(h)}</h1>')
    a.body.attrs["class"] = "rich-text-block w-richtext"
    hexes = "".join(rng.choice("0123456789abcdef") for _ in range(24))
    tree.root.attrs["data-wf-page"] = hexes
    tree.root.attrs["data-wf-site"] = hexes[::-1]
    return Mutated(tree.html, same(sample))


_SERIES = ("The Road to Launch", "Patch Watch 2025", "Summer Showcase Coverage")
_SERIES_POSTS = ("Everything announced at the summer showcase", "The best settings for the new update",
                 "What the latest patch changes for new players", "Our hands-on impressions so far")


@register(HOLDOUT21, RIGHT, """A series plugin (Organize Series-style, hooked on the_content) that
prints its boxes inside the post's content: at the top of the body container "This entry is part 2
of 5 in the series <series link>", and at the bottom a series navigation line with the previous and
next parts' titles as links ("« Previous part" ... "Next part »"). The boxes are the plugin's, not
the article's text: the right fields are unchanged.""")
def series_navigation_box_in_content(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    rng = rng_for(sample, "series_navigation_box_in_content")
    host = sample.host
    series = rng.choice(_SERIES)
    total = rng.randint(4, 7)
    part = rng.randint(2, total - 1)
    prev, nxt = rng.sample(_SERIES_POSTS, 2)
    link = f'<a href="https://{host}/series/{slugify(series)}/" class="series-{rng.randint(100, 999)}">{series}</a>'
    insert(a.body, f'<div class="seriesmeta">This entry is part {part} of {total} in the series {link}</div>', "prepend")
    insert(a.body, f'<div class="seriesbox"><div class="series-nav-left"><a href="https://{host}/{slugify(prev)}/">'
                   f'« Previous part: {prev}</a></div><div class="series-nav-right"><a href="https://{host}/'
                   f'{slugify(nxt)}/">Next part: {nxt} »</a></div></div>', "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT21, RIGHT, """A remediation script's output (the accessibility vendors' server-side
"fixes", or a page builder's heading widget set to a <div>): the story's title is no longer an
<h1> but <div class="post-title" role="heading" aria-level="1">, which assistive technology
announces as the page's level-one heading; the page has no <h1> left. <title>, og:title and the
JSON-LD are unchanged. The title is the same: the right fields are unchanged.""")
def headline_aria_heading_role_not_h1(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    h = a.headline
    if h is None or h.tag != "h1":
        raise NotApplicable("no <h1> headline")
    classes = " ".join(filter(None, [h.attributes.get("class"), "post-title"]))
    replace(h, f'<div{_attrs(h, drop=("class",))} class="{_attr(classes)}" role="heading" aria-level="1">'
               f'{_inner(h)}</div>')
    return Mutated(tree.html, same(sample))


_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_PERIODS = (("later this month", "month"), ("the end of the year", "year"), ("last year", "last year"), ("next season", "next year"), ("the autumn", "autumn"))


@register(HOLDOUT21, RIGHT, """An entity-tagging plugin (it marks up dates, people and places in
the text for search engines) that wraps the time expressions of the prose in <time> elements with
a machine-readable value: weekday names ("on <time datetime="2025-08-05" class="entity
entity--date">Tuesday</time>", the last such day before publication) and periods ("later this
month" as 2025-08, "the end of the year" as 2025, "last year" as 2024, "the autumn" as 2025-09). The words are
unchanged, and the article's own date is where it was: the right fields are unchanged.""")
def inline_dates_marked_up_in_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    when = published_at(sample)
    day = when.date()

    def value(token: str) -> str:
        for phrase, kind in _PERIODS:
            if token == phrase:
                return {"month": f"{day:%Y-%m}", "year": f"{day:%Y}", "last year": f"{day.year - 1}",
                        "next year": f"{day.year + 1}", "autumn": f"{day.year}-09"}[kind]
        back = (day.weekday() - list(calendar.day_name).index(token)) % 7 or 7
        return f"{day - timedelta(days=back):%Y-%m-%d}"
    pattern = re.compile(_WEEKDAY.pattern + "|" + "|".join(re.escape(p) for p, _ in _PERIODS))
    done = _substitute([b for b in a.blocks if b.tag in ("p", "li")], pattern,
                       lambda m, _: f'<time datetime="{value(m.group(0))}" class="entity entity--date">{m.group(0)}</time>')
    if not done:
        raise NotApplicable("no weekday or period named in the text")
    return Mutated(tree.html, same(sample))


_CHANGES = ("Added a statement from the publisher.", "Corrected the spelling of a name.",
            "Updated with the confirmed release window.", "Clarified a detail in the fourth paragraph.")


@register(HOLDOUT21, RIGHT, """A transparency policy's update log (as newsrooms now keep one per
story): after the body, inside the article, <section class="update-history"> with an <h3>"Update
history"</h3> and a list of dated changes, newest first, each a <time datetime=...> in the site's
zone ("Aug 11, 2025 9:12 am") and what changed ("Added a statement from the publisher."). The log
is the newsroom's, not the article's text, and the publication is unchanged (the meta's
modification time is not bumped, as CMSs often leave it): the right fields are unchanged.""")
def update_history_log_after_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    rng = rng_for(sample, "update_history_log_after_body")
    offset = _local_offset(sample, a, tree)
    items = []
    for days, change in zip((1.7, 0.6), rng.sample(_CHANGES, 2)):
        moment = _later(sample, days)
        local = moment.replace(tzinfo=None) + offset
        items.append(f'<li><time datetime="{moment:%Y-%m-%dT%H:%M:%SZ}">{MONTHS[local.month - 1][:3]} {local.day}, '
                     f'{local.year} {_clock(local)}</time> — {change}</li>')
    insert(a.body, f'<section class="update-history"><h3>Update history</h3><ul>{"".join(items)}</ul></section>', "after")
    return Mutated(tree.html, same(sample))


# ------------------------------------------------- no right extraction exists

_STOP = {"a", "an", "the", "of", "for", "to", "in", "on", "and", "is", "its", "it", "are", "what", "we", "about", "so",
         "far", "after", "from", "with", "by", "how", "why", "this", "that", "at", "as", "but", "not", "be", "our",
         "you", "your", "all", "every", "more", "less", "than", "it’s", "it's", "there", "gets", "returns"}


@register(HOLDOUT21, NONE, """An SEO plugin's "H1 override" field (separate from the title, as some
SEO suites offer it) filled in by a search team with the story's target keywords, which the theme
now prints in the <h1>: "rogue circuit photo mode confirmed playstation 5 news", lower-case, no
function words. <title>, og:title and the JSON-LD keep the story's title. The page's heading is a
keyword string, not the story's headline; no right extraction exists.""")
def headline_seo_keyword_h1_override(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    h = a.headline
    if h is None:
        raise NotApplicable("no headline element")
    rng = rng_for(sample, "headline_seo_keyword_h1_override")
    words = [w for w in re.findall(r"[\w’'|]+", sample.expected["headline"].lower()) if w not in _STOP]
    keywords = " ".join(dict.fromkeys(words)) + " " + rng.choice(("news", "guide", "update", "2025"))
    _refill(h, esc(keywords))
    html = tree.html
    _shown_elsewhere(html, sample.expected["headline"])
    return Mutated(html, None)


def _form_encoded(text: str) -> str:
    from urllib.parse import quote_plus
    return quote_plus(text)


@register(HOLDOUT21, NONE, """Excerpts saved through a new editorial app whose API client
form-encodes a field that the CMS's REST endpoint then stores as it came (a JSON body sent with
the wrong Content-Type, a classic integration bug): the standfirst reads
"Not+everyone+is+convinced%2C+and+a+vocal+group..." on the page (spaces as "+", punctuation and
accented letters as %XX). The SEO plugin's meta description, kept in its own field, has the
words. The standfirst as shown is not the article's; no right extraction exists.""")
def dek_stored_form_urlencoded(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    dek = sample.expected["dek"]
    if not dek or a.dek is None or (a.headline is not None and (contains(a.dek, a.headline) or contains(a.headline, a.dek))):
        raise NotApplicable("no standfirst element")
    d = a.dek
    _refill(d, esc(_form_encoded(dek)))
    html = tree.html
    _shown_elsewhere(html, dek)
    return Mutated(html, None)


@register(HOLDOUT21, NONE, """A theme update that wrapped the byline's author link in an escaping
function (esc_html( get_the_author_posts_link() ), the "escape late" advice applied to a function
that returns markup): every byline prints the link's source as text, "By <a
href="https://site/author/ben-ashby/" title="Posts by Ben Ashby" rel="author">Ben Ashby</a>".
Meta and JSON-LD keep the names. The byline shows markup, not the writers' names as a byline;
no right extraction exists.""")
def byline_author_link_markup_escaped(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    if not a.author_nodes:
        raise NotApplicable("the names are not elements of the byline")
    host = sample.host
    for unit, name in zip(a.author_nodes, sample.expected["authors"]):
        source = (f'<a href="https://{host}/author/{slugify(name)}/" title="Posts by {name}" '
                  f'rel="author">{name}</a>')
        tag = "span" if unit.tag == "a" else unit.tag
        replace(unit, f'<{tag}{_attrs(unit, drop=("href", "rel"))}>{esc(source)}</{tag}>')
    return Mutated(tree.html, None)


_SYNONYMS = {"confirmed": ("announced", "revealed", "verified"), "statement": ("press release", "announcement"),
             "feedback": ("comments", "input"), "reworking": ("rebuilding", "overhauling", "revamping"),
             "biggest": ("largest", "most significant"), "questions": ("queries", "inquiries"),
             "details": ("particulars", "specifics"), "complaint": ("grievance", "gripe"),
             "promises": ("pledges", "commitments"), "rewarding": ("satisfying", "gratifying"),
             "separate": ("distinct", "individual"), "major": ("significant", "big"),
             "impatient": ("restless", "eager"), "official": ("formal", "authorised"),
             "chance": ("opportunity", "shot"), "blunt": ("frank", "direct"), "guessing": ("speculating",),
             "clearer": ("sharper", "plainer"), "planned": ("scheduled", "expected"), "smaller": ("minor", "lesser"),
             "problem": ("issue", "setback"), "officials": ("representatives", "envoys"),
             "suggested": ("proposed", "put forward"), "rewards": ("prizes", "bonuses"),
             "unchanged": ("the same", "steady"), "cheaper": ("less expensive", "lower"),
             "recognise": ("spot", "identify"), "asked": ("wondered", "enquired")}
_SYNONYM_WORD = re.compile(r"\b(" + "|".join(_SYNONYMS) + r")\b")


@register(HOLDOUT21, NONE, """A story edited in a track-changes editor (NYT's ICE-style tracking,
or a Word document with tracked changes imported as it was) and published without accepting the
changes: in the first, the middle and the last prose paragraph a word is shown twice over, the
reporter's word in <del class="ice-del"> (struck through) and the editor's replacement right
after it in <ins class="ice-ins"> (underlined), each with the editor's data-username and a
timestamp. Readers see both wordings run together; no right extraction exists.""")
def tracked_changes_published_visible(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(_wordy(a), "no prose paragraph")
    rng = rng_for(sample, "tracked_changes_published_visible")
    stamp = int(published_at(sample).timestamp() * 1000) - 5400000
    editor = rng.choice(_STAFF)

    def track(m, n: int) -> str:
        word, at = m.group(0), stamp + n * 61000
        return (f'<del class="ice-del ice-cts-1" data-cid="{2 * n + 1}" data-userid="7" data-username="{editor}" '
                f'data-time="{at}">{word}</del><ins class="ice-ins ice-cts-1" data-cid="{2 * n + 2}" data-userid="7" '
                f'data-username="{editor}" data-time="{at + 4000}">{_SYNONYMS[word][0]}</ins>')
    chosen = list(dict.fromkeys((prose[0], prose[len(prose) // 2], prose[-1])))
    done = required(_substitute(chosen, _SYNONYM_WORD, track, per_block=1), "no tracked word in the prose")
    return Mutated(tree.html, None)


@register(HOLDOUT21, NONE, """Posts "refreshed" for search by a contractor's content tool that
writes spintax ({word|synonym|synonym}) and relies on a spinning plugin to pick one variant at
render time; the plugin was deactivated in a clean-up, so in every other prose paragraph two
words print as raw spintax: "Kestrel Games {confirmed|announced|revealed} on Tuesday that ...".
The paragraphs as served are not the article's sentences; no right extraction exists.""")
def spintax_unrendered_in_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    done = _substitute(_wordy(a)[::2], _SYNONYM_WORD,
                       lambda m, _: "{" + "|".join((m.group(0),) + _SYNONYMS[m.group(0)]) + "}", per_block=2)
    if not done:
        raise NotApplicable("no spun word in the prose")
    return Mutated(tree.html, None)


@register(HOLDOUT21, NONE, """A content-migration script that rebuilt each paragraph from the old
markup with lxml the way beginners write it (the paragraph's .text, then each child element
serialised without its .tail): the text that followed any inline element inside a paragraph (a
link, an emphasis, a bold label) is lost, so such paragraphs stop right after their first link,
mid-sentence ("Not everyone is convinced, and"), and keep only the linked words of the rest. The
paragraphs as published are not the article's; no right extraction exists.""")
def serializer_drops_text_after_inline_tags(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    done = 0
    for p in [b for b in a.blocks if b.tag == "p"]:
        kids = list(p.iter(include_text=True))
        first = next((i for i, k in enumerate(kids) if k.tag != "-text"), None)
        if first is None or not any(k.tag == "-text" and k.text_content.strip() for k in kids[first:]):
            continue
        for k in kids[first:]:
            if k.tag == "-text":
                k.decompose()
        done += 1
    if not done:
        raise NotApplicable("no paragraph with text after an inline element")
    html = tree.html
    if not _body_lost(html, sample):
        raise NotApplicable("no article text followed an inline element")
    return Mutated(html, None)


@register(HOLDOUT21, NONE, """A theme's custom single-post template that runs the post through a
secondary loop without setting WordPress's global $more, so the_content() honours the <!--more-->
tag on the article's own page: the body stops after its first two blocks, followed by the more
link, "Continue reading "<title>" →", pointing at this same URL with #more-<post id>. The
rest of the article is not on the page; no right extraction exists.""")
def more_tag_teaser_on_single_view(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    blocks = required(a.blocks, "too few body blocks", at_least=4)
    # the teaser is the first two blocks; whatever sat after them (ads, players, the rest) is cut
    last = blocks[1].mem_id
    passed = False
    for child in list(a.body.iter(include_text=True)):
        if passed:
            child.decompose()
        passed = passed or child.mem_id == last
    title = esc(sample.expected["headline"])
    insert(a.body, f'<p><a href="{_attr(sample.url)}#more-{_post_id(sample)}" class="more-link">Continue reading'
                   f'<span class="screen-reader-text"> "{title}"</span> <span class="meta-nav">&rarr;</span></a></p>',
           "append")
    return Mutated(tree.html, None)


@register(HOLDOUT21, NONE, """A security hardening plugin that filters post content through a tag
whitelist (wp_kses with a custom allowed list of p, a, strong, em, img, figure and figcaption),
switched on site-wide: every subheading, list and quote tag in the body is removed and only their
text is kept, so subheadings print as bare text run into the paragraphs around them and the items
of every list run together with no break ("...the main menu.Select the Shop icon..."). The body's
structure and words are not on the page as written; no right extraction exists.""")
def kses_whitelist_strips_headings_and_lists(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    stripped = [n for n in a.body.css("h2, h3, h4, h5, h6, ul, ol, li, blockquote")]
    # Only a list's items run together: a subheading's text left bare between two paragraphs still
    # prints as a line of its own and reads back as the same paragraph, and a list outside the
    # article's text (a review's pros and cons) is not in the body, so without two items of one
    # list among the body's paragraphs every field stays right and the label would be wrong.
    body = {" ".join(p.split()) for p in sample.expected["body"]}
    if not any(sum(" ".join(li.text().split()) in body for li in lst.css("li")) >= 2
               for lst in a.body.css("ul, ol")):
        raise NotApplicable("no list of two or more items in the body's text")
    order = {n.mem_id: i for i, n in enumerate(a.body.traverse(include_text=False))}
    for node in sorted(stripped, key=lambda n: -order.get(n.mem_id, 0)):
        node.unwrap()
    return Mutated(tree.html, None)


_NAME_RUN = re.compile(r"[A-ZÀ-Þ][\w’'À-ÿ]*(?: (?:[A-ZÀ-Þ0-9][\w’'À-ÿ]*|of|the))*[\w’'À-ÿ]")
_NOT_NAMES = {"All", "What", "How", "Why", "When", "Where", "Who", "Which", "The", "A", "An", "Expired", "Key"}


def _product_names(sample: Sample) -> set:
    """The names of games and shows the page is about, as an autolinker's keyword list holds them:
    the runs of capitalised words of the headline (leading "All", "The" and question words
    dropped), and the JSON-LD keywords that are names ("ashen-frontier")."""
    names = set()
    for text in (sample.expected["headline"],):
        for run in _NAME_RUN.findall(text.strip("“”\"")):
            words = run.split()
            while words and words[0] in _NOT_NAMES:
                words = words[1:]
            while words and words[-1] in ("of", "the"):
                words = words[:-1]
            if words and len(" ".join(words)) > 5:
                names.add(" ".join(words))
    for m in re.finditer(r'"keywords":\s*\[([^\]]*)\]', sample.html):
        for slug in re.findall(r'"([a-z0-9]+(?:-[a-z0-9]+)+)"', m.group(1)):
            names.add(" ".join(w.capitalize() for w in slug.split("-") if w != "the"))
    return names


@register(HOLDOUT21, NONE, """An affiliate autolinker (Amazon-button plugins' "replace keyword with
button" mode, switched on in a monetisation push) that swaps each keyword it knows in the prose
for its buy button instead of linking the word: platform names and the games and shows named in
the title and the post's tags become "<a class="aawp-button" rel="sponsored">Check price on Amazon</a>", so sentences read
"... will arrive in Check price on Amazon later this month". The keywords are gone from the text;
no right extraction exists.""")
def affiliate_autolinker_replaces_names_with_buttons(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    keywords = sorted(set(_PLATFORMS) | _product_names(sample), key=len, reverse=True)
    pattern = re.compile(r"(?<![\w|])(" + "|".join(re.escape(k) for k in keywords) + r")(?![\w|])")
    button = ('<a class="aawp-button aawp-button--amazon" href="https://www.amazon.com/dp/B0{n:07d}?tag=affil-20" '
              'rel="sponsored nofollow noopener" target="_blank">Check price on Amazon</a>')
    done = _substitute(_wordy(a), pattern, lambda m, _: button.format(n=len(m.group(0)) * 7919 % 10000000))
    if not done:
        raise NotApplicable("no keyword in the prose")
    return Mutated(tree.html, None)


@register(HOLDOUT21, NONE, """A file-based page cache that writes its cache files without a lock or
an atomic rename: two workers regenerating the same page at once wrote into one file, the first
stopping partway (inside a paragraph of the body, mid-word) and the second appending the whole
page after it. The file served holds the page up to the cut, then the whole page again (its
doctype and <html> ignored by the parser, its header, headline, byline and body shown a second
time inside the cut paragraph). The article as served is cut and repeated; no right extraction
exists.""")
def cache_file_interleaved_writes(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "no prose paragraph")
    html = tree.html
    p = prose[len(prose) // 2]
    at = html.find(p.html)
    text = next((m for m in re.finditer(r">([^<]{40,})<", p.html)), None)
    if at < 0 or text is None:
        raise NotApplicable("the paragraph's text is not found in the page")
    cut = text.start(1) + len(text.group(1)) // 2
    while cut < text.end(1) and not p.html[cut].isalpha():
        cut += 1
    return Mutated(html[:at + cut] + html, None)


def _rich_text(node) -> dict | None:
    """A body block as a headless CMS's rich-text JSON node (Contentful's document shape)."""
    text = text_of(node)
    if not text:
        return None
    leaf = {"nodeType": "text", "value": text, "marks": [], "data": {}}
    if node.tag in ("h2", "h3", "h4"):
        return {"nodeType": f"heading-{node.tag[1]}", "data": {}, "content": [leaf]}
    if node.tag in ("ul", "ol"):
        items = [{"nodeType": "list-item", "data": {}, "content": [
            {"nodeType": "paragraph", "data": {}, "content": [dict(leaf, value=text_of(li))]}]} for li in node.css("li")]
        return {"nodeType": "unordered-list" if node.tag == "ul" else "ordered-list", "data": {}, "content": items}
    return {"nodeType": "paragraph", "data": {}, "content": [leaf]}


@register(HOLDOUT21, NONE, """A move to a headless CMS whose front end had no renderer yet for the
new rich-text field type and fell back to printing the value ({JSON.stringify(body)}): the body
container holds the field's JSON document as text, {"nodeType":"document","data":{},"content":
[{"nodeType":"paragraph",...,"value":"<the paragraph>"...}]}, paragraphs, headings and lists as
nodes of it. The article's words are inside the JSON; the page shows data, not the article's
paragraphs; no right extraction exists.""")
def headless_rich_text_printed_as_json(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    nodes = required([n for n in (_rich_text(b) for b in a.blocks) if n is not None], "no body block")
    doc = json.dumps({"nodeType": "document", "data": {}, "content": nodes}, ensure_ascii=False, separators=(",", ":"))
    body = a.body
    _refill(body, esc(doc))
    return Mutated(tree.html, None)


@register(HOLDOUT21, NONE, """A social auto-posting plugin's share message (the copy written for the
site's X and Facebook posts) echoed into the content by a template part meant to print it into a
meta tag: after the last block of the body, in the body's own paragraph markup, "🔥 <title> is
here. Everything you need to know 👇 #gaming #news", with the link. The paragraph is not the
article's text, and nothing sets it apart; no right extraction exists.""")
def social_post_copy_appended_to_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if not a.blocks:
        raise NotApplicable("no body block")
    rng = rng_for(sample, "social_post_copy_appended_to_body")
    title = sample.expected["headline"].rstrip(".")
    tags = " ".join(rng.sample(("#gaming", "#news", "#games", "#esports", "#update", "#gamingnews"), 3))
    copy = (f'🔥 {esc(title)} — here is everything you need to know 👇 {tags} '
            f'<a href="{_attr(sample.url)}?utm_source=social&amp;utm_medium=auto">{esc(sample.url)}</a>')
    insert(a.blocks[-1], f"<p{_p_attrs(a)}>{copy}</p>", "after")
    return Mutated(tree.html, None)
