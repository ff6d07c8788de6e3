"""The fifteenth held-out set (sealed): template changes and incidents none of the earlier kinds covers.

Same contract as the other sets (a Sample in, a Mutated out, each kind labelled). Written
blind: by someone who did not read the checks (pressguard/verdict/, pressguard/extract/), from
what headless-CMS migrations (Sanity Portable Text blocks, rich-text renderers that concatenate
nodes, partial server rendering), web components (a slotted headline), engagement features
(paragraph comment bubbles, shareable quote cards, spoiler shields, story flags), feature
templates (title and standfirst over the hero image), wire and newspaper bylines (reporting and
editing credits, "<name> in <city>"), localised and machine date formats (German dotted dates,
epoch milliseconds), listicle cards and failures (unfilled SEO title variables, a loading
placeholder in the headline, lorem ipsum and social copy in the standfirst, author IDs and
comma-split names in the byline, zero-based months, a Persian calendar conversion stored as
Gregorian, a web story in place of the article, a truncated hydration payload, "[object
Object]" and "NaN" in the prose) do to article pages, not from what the checks look at.
Measured by the lead only, once, at the end of the session: the blind figure for them. Keep it
out of tuning: a check changed because one of these kinds failed turns its figure into a tuning
figure.
"""

from __future__ import annotations

import json
import re
from datetime import datetime

from anatomy import children, contains, esc, insert, prose_paragraphs, replace, slugify, squeeze, text_of
from base import NONE, RIGHT, Kind, Mutated, NotApplicable, Sample, register, required, rng_for, same
from holdout2 import _attrs, _inner, _refill, _scope
from holdout6 import _byline_box, _rewrite_byline
from holdout9 import MONTHS, _meta, _undated, _visible_dates, wrap_children
from holdout11 import _EN_DATE
from holdout13 import _header_date
from holdout14 import _lead_figure
from mutations import _attr, anatomy_of, author_link, join_names, reprint_jsonld_dates, rewrite_prose, site_name

HOLDOUT15: list[Kind] = []


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"'])")


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(" ".join(text.split())) if s]


def _epoch_ms(iso: str) -> int:
    return int(datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp() * 1000)


def _date_lines(a) -> list:
    """The article's visible dates: its date elements, and the elements outside the body whose
    whole text is a printed date ("Updated: Aug 6, 2025 5:49 am" in a plain <div>)."""
    found = _visible_dates(a)
    for node in _scope(a).traverse(include_text=False):
        if node.tag in ("script", "style") or contains(a.body, node) or any(True for _ in node.iter()):
            continue
        said = text_of(node)
        m = _EN_DATE.search(said)
        if m is not None and m.group(0).strip() == said.strip() \
                and not any(f.mem_id == node.mem_id or contains(f, node) for f in found):
            found.append(node)
    return found


# ------------------------------------------------- a right extraction exists

@register(HOLDOUT15, RIGHT, """A migration to Sanity with its Portable Text renderer: every prose
paragraph of the body becomes a block <div class="pt-block" data-block-key=... data-style=
"normal"> holding one <span data-span-key=...> per text run (here one per sentence, as the
editor's marks and pasted text split them), no <p> left for prose; headings keep their tags.
A reader sees the same paragraphs: the right fields are unchanged.""")
def sanity_portable_text_blocks(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "no prose paragraph in the body")
    rng = rng_for(sample, "sanity_portable_text_blocks")
    for p in prose:
        sentences = _sentences(text_of(p))
        last = len(sentences) - 1
        runs = "".join(f'<span data-span-key="{rng.getrandbits(40):010x}">{esc(s)}{" " if i < last else ""}</span>'
                       for i, s in enumerate(sentences))
        replace(p, f'<div class="pt-block" data-block-key="{rng.getrandbits(40):010x}" data-style="normal">'
                   f'{runs}</div>')
    return Mutated(tree.html, same(sample))


@register(HOLDOUT15, RIGHT, """Paragraph-level comments (the annotation feature Medium and Quartz
made familiar, added by an engagement vendor): at the end of every prose paragraph, inside its
<p>, a small button with a speech-bubble icon and the number of comments on that paragraph
("3"; "+" where there are none), aria-label "N comments on this paragraph". The count is the
widget's, not the writer's: the right fields are unchanged.""")
def paragraph_comment_bubbles(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "no prose paragraph in the body")
    rng = rng_for(sample, "paragraph_comment_bubbles")
    for p in prose:
        count = rng.choice((0, 0, 1, 2, 3, 5, 12))
        insert(p, f'<button type="button" class="para-comments" aria-label="{count} comments on this paragraph">'
                  f'<svg aria-hidden="true" width="14" height="14" viewBox="0 0 14 14"><path d="M1 1h12v9H5l-4 3z"/>'
                  f'</svg><span class="para-comments__count">{count or "+"}</span></button>', "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT15, RIGHT, """A shareable quote card (the social desk's image cards, generated
from a sentence of the story): after the second prose paragraph, a <figure class="quote-card">
whose image is the card (its alt text the quoted sentence and the site's name) and whose
caption is a "Share this quote" button. The sentence is the article's own, further down; the
card is a picture of it: the right fields are unchanged.""")
def quote_card_share_image(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "fewer than three prose paragraphs", at_least=3)
    quoted = _sentences(text_of(prose[-1]))[0]
    host, slug = sample.host, slugify(sample.expected["headline"] or sample.slug)[:60]
    alt = _attr(f"“{quoted}” — {site_name(sample)}")
    insert(prose[1], f'<figure class="quote-card"><img src="https://{host}/wp-content/uploads/quote-cards/{slug}-1.png"'
                     f' width="1080" height="1080" loading="lazy" alt="{alt}">'
                     f'<figcaption><button type="button" class="quote-card__share">Share this quote</button>'
                     f'</figcaption></figure>', "after")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT15, RIGHT, """A spoiler shield, as games and TV sites put on stories about
endings and leaks: at the top of the body container a note ("Spoiler warning: this article
discusses story details. Show anyway"), and every block of the body inside <div
class="spoiler-shield" data-revealed="false" style="filter:blur(8px)"> until the reader clicks.
The whole text is in the page: the right fields are unchanged.""")
def spoiler_shield_wraps_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    wrap_children(a.body, '<div class="spoiler-shield" data-revealed="false" style="filter:blur(8px)">')
    insert(a.body, '<div class="spoiler-warning" role="note"><strong>Spoiler warning:</strong> this article discusses '
                   'story details. <button type="button" class="spoiler-warning__reveal">Show anyway</button></div>',
           "prepend")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT15, RIGHT, """A headline as a web component with a declarative shadow root (a
design system built on Lit or Stencil): the <h1> becomes <article-headline level="1">, whose
shadow root holds its style and <h1 part="title"><slot></slot></h1>, and the title itself is
the element's light-DOM text, slotted into that <h1>. No <h1> in the light DOM; a reader sees
the same title: the right headline is unchanged.""")
def headline_slotted_web_component(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    h = a.headline
    # a template's content is not kept by the DOM lexbor serialises: a marker element takes
    # the headline's place, then gives it up to the raw markup in the serialised page
    insert(h, "<h15-headline-mark></h15-headline-mark>", "before")
    raw = (f'<article-headline level="1"{_attrs(h)}><template shadowrootmode="open"><style>:host{{display:block}}'
           f'h1{{font:700 2.25rem/1.15 var(--font-display);margin:0}}</style><h1 part="title"><slot></slot></h1>'
           f'</template>{_inner(h)}</article-headline>')
    h.decompose()
    return Mutated(tree.html.replace("<h15-headline-mark></h15-headline-mark>", raw, 1), same(sample))


@register(HOLDOUT15, RIGHT, """Story flags (the "Exclusive" / "Breaking" labels newsrooms set per
story): the <h1> starts with <mark class="story-flag story-flag--exclusive">Exclusive</mark>,
styled as a red pill, with a visually hidden ": " after it for screen readers, then the title.
The flag is the template's; the title is unchanged: the right headline is unchanged.""")
def headline_story_flag_badge(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    insert(a.headline, '<mark class="story-flag story-flag--exclusive">Exclusive</mark><span class="visually-hidden">'
                       ': </span> ', "prepend")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT15, RIGHT, """A feature template with the title over the picture (as magazine
and long-read templates set their heroes): the lead image becomes a full-width <figure
class="hero hero--overlay"> whose <figcaption class="hero__overlay"> holds the <h1>, the
standfirst as <p class="hero__dek"> and the photo credit in a small <span class="hero__credit">,
in place of the old headline, dek and image. Same title and standfirst, set over the image: the
right fields are unchanged.""")
def hero_overlay_title_and_dek(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    fig = _lead_figure(tree, a)
    img = fig.css_first("img") if fig is not None else None
    if img is None:
        raise NotApplicable("no lead image outside the body")
    if contains(fig, a.headline) or (a.dek is not None and contains(fig, a.dek)):
        raise NotApplicable("the headline or dek is already inside the lead figure")
    caption = fig.css_first("figcaption")
    credit = f'<span class="hero__credit">{_inner(caption)}</span>' if caption is not None and text_of(caption) else ""
    dek = f'<p class="hero__dek">{_inner(a.dek)}</p>' if a.dek is not None else ""
    h = a.headline
    insert(h, f'<figure class="hero hero--overlay">{img.html}<figcaption class="hero__overlay"><{h.tag}{_attrs(h)}>'
              f'{_inner(h)}</{h.tag}>{dek}{credit}</figcaption></figure>', "before")
    for node in (h, a.dek, fig):
        if node is not None:
            node.decompose()
    return Mutated(tree.html, same(sample))


_PROPER_PAIR = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b")
_LAST_WORDS = re.compile(r"\w[\w'’-]*(?: [\w'’-]+){2}(?=[.!?…]?$)")


@register(HOLDOUT15, RIGHT, """A standfirst with links (as the Guardian's standfirsts link to the
story's background): the dek's text goes into a <p> (a <span> where the dek is itself a <p>)
and its first name of two capitalised words (a studio, a person, a team; else its last three
words) becomes a link to the site's tag page. Same words: the right dek is unchanged.""")
def dek_rich_text_links(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.dek is None:
        raise NotApplicable("no dek on the page")
    text = text_of(a.dek)
    # the name the desk links; failing one, the dek's closing words (its topic, as a rule)
    m = _PROPER_PAIR.search(text, 1) or _LAST_WORDS.search(text)  # from 1: not the sentence's capital
    if m is None:
        raise NotApplicable("no words to link in the dek")
    inner = (f'{esc(text[:m.start()])}<a href="https://{sample.host}/tag/{slugify(m.group(0))}/" '
             f'data-link-name="standfirst">{esc(m.group(0))}</a>{esc(text[m.end():])}')
    box = "span" if a.dek.tag == "p" else "p"
    _refill(a.dek, f'<{box} class="standfirst__text">{inner}</{box}>')
    return Mutated(tree.html, same(sample))


EDITORS = ("Priya Raman", "Tomasz Wielgus", "Helen Achterberg")


@register(HOLDOUT15, RIGHT, """A wire-agency credit line in the byline's place (as Reuters prints
"Reporting by ...; Editing by ..."): the byline box reads "Reporting by A and B; Editing by
<an editor>", every name linked to its author page. The editor checked the copy and did not
write it: the right authors are the reporters, unchanged.""")
def byline_reporting_editing_credits(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    names = sample.expected["authors"]
    editor = EDITORS[rng_for(sample, "byline_reporting_editing_credits").randrange(len(EDITORS))]
    if editor in names:
        raise NotApplicable("the editor is one of the writers")
    _rewrite_byline(a, '<span class="credit-line__label">Reporting by</span> '
                       + join_names([author_link(sample, n) for n in names])
                       + f'; <span class="credit-line__label">Editing by</span> {author_link(sample, editor)}')
    return Mutated(tree.html, same(sample))


CITIES = ("Seoul", "London", "Los Angeles", "Stockholm", "Tokyo")


@register(HOLDOUT15, RIGHT, """A newspaper-style byline with the writer's location and no "By"
(as the Guardian prints "Justin McCurry in Tokyo"): the byline box reads "A in Seoul" (or "A
and B in London"), the names linked. The city says where they filed from: the right authors
are unchanged.""")
def byline_name_in_city(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    city = CITIES[rng_for(sample, "byline_name_in_city").randrange(len(CITIES))]
    _rewrite_byline(a, join_names([author_link(sample, n) for n in sample.expected["authors"]])
                       + f' <span class="byline__location">in {city}</span>')
    return Mutated(tree.html, same(sample))


@register(HOLDOUT15, RIGHT, """A headless front end that passes the CMS's numeric timestamps
straight into its SEO component: article:published_time and article:modified_time now hold
epoch milliseconds ("1754459880000"), and the header's date element carries
data-timestamp="<ms>" in place of its date attributes. Its visible text and the JSON-LD dates
are unchanged: the right date is unchanged.""")
def dates_epoch_milliseconds(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    published = required(sample.expected["published"], "no publication date")
    node = _header_date(a)
    iso = next((v for k, v in node.attributes.items() if k in ("datetime", "data-datetime") and v
                and re.match(r"\d{4}-\d\d-\d\dT", v)), published)
    keep = "".join(f' {k}="{_attr(v)}"' for k, v in node.attributes.items()
                   if v is not None and k not in ("datetime", "data-datetime"))
    replace(node, f'<{node.tag}{keep} data-timestamp="{_epoch_ms(iso)}">{_inner(node)}</{node.tag}>')
    changed = 0
    for meta in _meta(tree, "article:published_time", "article:modified_time", "og:updated_time"):
        try:
            meta.attrs["content"] = str(_epoch_ms(meta.attributes.get("content") or ""))
            changed += 1
        except ValueError:
            continue
    if not changed:
        raise NotApplicable("no article time meta")
    return Mutated(tree.html, same(sample))


_GERMAN_LABEL = {"published": "Veröffentlicht am ", "updated": "Aktualisiert am "}


def _german(text: str) -> str | None:
    m = _EN_DATE.search(text)
    if m is None:
        return None
    month = next((i for i, name in enumerate(MONTHS) if name.lower().startswith(m["month"].lower()[:3])), None)
    if month is None:
        return None
    label = _GERMAN_LABEL.get((m["label"] or "").strip(" :").lower(), "")
    out = f"{label}{int(m['day']):02d}.{month + 1:02d}.{m['year']}"
    if m["hour"]:
        hour = int(m["hour"]) % 12 + (12 if m["half"].lower() == "p" else 0)
        out += f", {hour:02d}:{int(m['minute']):02d} Uhr"
    return text[:m.start()] + out + text[m.end():]


@register(HOLDOUT15, RIGHT, """A German-language edition sharing the English articles (the
template localised, the text not): every visible date is printed the German way, day first
with dots and a 24-hour clock ("Veröffentlicht am 06.08.2025, 01:58 Uhr"), the same local
moment as before. Meta and JSON-LD times are unchanged: the right date is unchanged.""")
def dates_german_dotted(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    dated = 0
    for node in _date_lines(a):
        new = _german(text_of(node))
        if new is None:
            continue
        attrs = {k: (new if k == "data-datetime" and not re.match(r"\d{4}-\d\d-\d\d", v) else v)
                 for k, v in node.attributes.items() if v is not None}
        replace(node, f'<{node.tag}{"".join(f" {k}={chr(34)}{_attr(v)}{chr(34)}" for k, v in attrs.items())}>'
                      f'{esc(new)}</{node.tag}>')
        dated += 1
    if not dated:
        raise NotApplicable("no visible date in English words")
    return Mutated(tree.html, same(sample))


_NUMBERED = re.compile(r"^(\d{1,2}[.)])\s+(.+)$")


@register(HOLDOUT15, RIGHT, """A listicle template that turns each numbered item into a card (as
list-heavy sites do for ranked lists): every subheading that starts with its number ("3. ...")
goes into <div class="listicle-item"> with the number in its own <span
class="listicle-item__number">, and an image of the item (its alt text the item's title)
right under the heading. The headings read the same and the images carry no text: the right
fields are unchanged.""")
def listicle_item_cards(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    items = [b for b in a.blocks if b.tag in ("h2", "h3", "h4") and _NUMBERED.match(text_of(b))]
    if len(items) < 3:
        raise NotApplicable("fewer than three numbered subheadings")
    host = sample.host
    for n, h in enumerate(items, start=1):
        number, title = _NUMBERED.match(text_of(h)).groups()
        replace(h, f'<div class="listicle-item" id="item-{n}"><{h.tag}{_attrs(h)}><span class="listicle-item__number">'
                   f'{number}</span> {esc(title)}</{h.tag}><figure class="listicle-item__media"><img src='
                   f'"https://{host}/wp-content/uploads/listicles/{slugify(title)[:50]}.jpg" width="800" height="450" '
                   f'loading="lazy" alt="{_attr(title)}"></figure></div>')
    return Mutated(tree.html, same(sample))


# ------------------------------------------------- no right extraction exists

@register(HOLDOUT15, NONE, """A theme option "use the SEO title as the page heading" left on after
the SEO plugin was deactivated: the theme prints the stored SEO-title meta raw, so the <h1> and
<title> read Yoast's unfilled variables, "%%title%% %%sep%% %%sitename%%". og:title and the
JSON-LD (another plugin's) keep the title. The page shows no headline; no right extraction
exists.""")
def headline_seo_title_variables(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    raw = "%%title%% %%sep%% %%sitename%%"
    _refill(a.headline, raw)
    title = tree.css_first("title")
    if title is not None:
        replace(title, f"<title>{raw}</title>")
    return Mutated(tree.html, None)


@register(HOLDOUT15, NONE, """Server rendering that gave up waiting for the title (a streaming
front end whose header data source timed out, so the Suspense fallback was serialised into the
page and never replaced): the <h1> holds the skeleton "Loading…" in <span class="skeleton-text">
with aria-busy="true". <title>, og:title and JSON-LD keep the title. The page shows no
headline; no right extraction exists.""")
def headline_loading_fallback(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    h = a.headline
    replace(h, f'<{h.tag}{_attrs(h)} aria-busy="true"><span class="skeleton-text">Loading…</span></{h.tag}>')
    return Mutated(tree.html, None)


LOREM_DEK = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore."


@register(HOLDOUT15, NONE, """A new header component deployed with its design-system sample
content where the standfirst field is empty (the story's summary field not yet migrated): under
the headline the dek reads "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do
eiusmod tempor incididunt ut labore." The meta description and JSON-LD keep the summary. The
page no longer shows the article's standfirst; no right extraction exists.""")
def dek_lorem_ipsum_sample(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.dek is None:
        raise NotApplicable("no dek on the page")
    _refill(a.dek, LOREM_DEK)
    return Mutated(tree.html, None)


@register(HOLDOUT15, NONE, """A field-mapping change that feeds the standfirst slot from the social
desk's share-copy field: under the headline the dek reads the post written for social networks
("🚨 NEW: <headline> 👀 Full story below 👇 #<section> #Gaming"). The meta description keeps
the summary. The page no longer shows the article's standfirst; no right extraction exists.""")
def dek_is_social_share_copy(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.dek is None:
        raise NotApplicable("no dek on the page")
    section = next((m.attributes.get("content") for m in _meta(tree, "article:section")), None) or "News"
    tag = re.sub(r"[^A-Za-z0-9]", "", section.title()) or "News"
    copy = f"🚨 NEW: {sample.expected['headline']} 👀 Full story below 👇 #{tag} #Gaming"
    _refill(a.dek, esc(copy))
    return Mutated(tree.html, None)


@register(HOLDOUT15, NONE, """A headless front end that prints the REST API's author field as it
comes (the user's numeric ID; the name needs the _embed parameter the new query dropped): the
byline reads "By 48213" (several authors: "By 48213 and 51007"), each linked to /author/<id>/.
The meta author and JSON-LD keep the names. The byline names nobody; no right extraction
exists.""")
def byline_numeric_author_id(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    rng = rng_for(sample, "byline_numeric_author_id")
    host = sample.host
    ids = [str(rng.randrange(1000, 99999)) for _ in sample.expected["authors"]]
    _rewrite_byline(a, '<span class="byline__label">By</span> '
                       + join_names([f'<a href="https://{host}/author/{i}/" rel="author">{i}</a>' for i in ids]))
    return Mutated(tree.html, None)


@register(HOLDOUT15, NONE, """A user import from the newsroom's directory stored display names
surname first ("Kowalski, Carla"), and the byline component splits the author string on commas
to list co-authors: the byline reads "By Kowalski and Carla" (each half a link of its own;
several authors: "By Kowalski, Carla, Ashby and Ben"). The meta author and JSON-LD keep the
names. The byline names no one who wrote the story; no right extraction exists.""")
def byline_split_on_comma(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    names = sample.expected["authors"]
    if any(len(n.split()) < 2 for n in names):
        raise NotApplicable("a one-word author name has no surname to split off")
    halves = [part for n in names for part in (n.split()[-1], " ".join(n.split()[:-1]))]
    _rewrite_byline(a, '<span class="byline__label">By</span> '
                       + join_names([author_link(sample, h) for h in halves]))
    return Mutated(tree.html, None)


_ISO_DAY = re.compile(r"\b(\d{4})-(\d\d)-(\d\d)(?=T|\b)")


def _redate_everywhere(sample: Sample, tree, a, move) -> str:
    """Every date of the article (the visible dates, their attributes, the article:* and
    og:updated_time meta, the JSON-LD dates) rewritten with move(year, month, day) -> (year,
    month, day) by one piece of code, as a fault in the stored dates or in the one date helper
    does; the page, provided the publication day is no longer stated on it."""
    def iso(value: str) -> str:
        return _ISO_DAY.sub(lambda m: "%04d-%02d-%02d" % move(int(m[1]), int(m[2]), int(m[3])), value)

    def printed(text: str) -> str | None:
        m = _EN_DATE.search(text)
        if m is None:
            return None
        month = next((i for i, name in enumerate(MONTHS) if name.lower().startswith(m["month"].lower()[:3])), None)
        if month is None:
            return None
        y, mo, d = move(int(m["year"]), month + 1, int(m["day"]))
        name = MONTHS[mo - 1] if len(m["month"]) > 3 else MONTHS[mo - 1][:3]
        return text[:m.start("month")] + f"{name} {d}, {y}" + text[m.end("year"):]

    for node in _date_lines(a):
        new = printed(text_of(node))
        attrs = {k: (iso(v) if k in ("datetime", "data-datetime", "content") else v)
                 for k, v in node.attributes.items() if v is not None}
        if new is None and attrs == {k: v for k, v in node.attributes.items() if v is not None}:
            continue
        if new is not None and attrs.get("data-datetime") == text_of(node):
            attrs["data-datetime"] = new
        replace(node, f'<{node.tag}{"".join(f" {k}={chr(34)}{_attr(v)}{chr(34)}" for k, v in attrs.items())}>'
                      f'{esc(new) if new is not None else _inner(node)}</{node.tag}>')
    for meta in _meta(tree, "article:published_time", "article:modified_time", "og:updated_time"):
        meta.attrs["content"] = iso(meta.attributes.get("content") or "")
    reprint_jsonld_dates(tree, iso)
    return _undated(sample, tree.html)


def _month_zero_based(year: int, month: int, day: int) -> tuple[int, int, int]:
    if month == 1:
        raise NotApplicable("a January date: the zero-based month would print as 00")
    return year, month - 1, day


@register(HOLDOUT15, NONE, """A front end's date helper that builds dates from JavaScript's
getMonth() without the + 1 (months count from zero there): every date it prints is a month
early, in the visible dates, article:published_time and article:modified_time and the JSON-LD
dates ("Aug 6, 2025" reads "Jul 6, 2025", "2025-08-06" reads "2025-07-06"). Applied where no
other statement of the publication day is left (n/a otherwise, and on January dates). The page
no longer states when the article was published; no right extraction exists.""")
def published_month_zero_based(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if not sample.expected["published"]:
        raise NotApplicable("no publication date")
    return Mutated(_redate_everywhere(sample, tree, a, _month_zero_based), None)


def gregorian_to_jalali(gy: int, gm: int, gd: int) -> tuple[int, int, int]:
    """(year, month, day) of the Solar Hijri (Persian) calendar for a Gregorian date (the
    arithmetic form Persian date plugins use)."""
    days_before = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
    gy2 = gy + 1 if gm > 2 else gy
    days = (355666 + 365 * gy + (gy2 + 3) // 4 - (gy2 + 99) // 100 + (gy2 + 399) // 400 + gd
            + days_before[gm - 1])
    jy = -1595 + 33 * (days // 12053)
    days %= 12053
    jy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        jy += (days - 1) // 365
        days = (days - 1) % 365
    if days < 186:
        return jy, 1 + days // 31, 1 + days % 31
    return jy, 7 + (days - 186) // 30, 1 + (days - 186) % 30


@register(HOLDOUT15, NONE, """A Persian-calendar plugin (installed for the site's Persian edition)
that converts post dates in the database on save, then switched off: the stored dates hold
Solar Hijri numbers that everything else reads as Gregorian, so 6 August 2025 is "May 15, 1404"
on the page and "1404-05-15" in article:published_time and the JSON-LD, as every other date of
the page. Applied where no other statement of the publication day is left. The page no longer
states when the article was published; no right extraction exists.""")
def published_jalali_stored_as_gregorian(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if not sample.expected["published"]:
        raise NotApplicable("no publication date")
    return Mutated(_redate_everywhere(sample, tree, a, gregorian_to_jalali), None)


@register(HOLDOUT15, NONE, """A Web Stories plugin set to replace the article with its story
version: the body container holds an <amp-story> whose pages each show a full-bleed image and
one sentence, the first of each prose paragraph, in the story's vertical layer (with a "Read
more" outlink on the last page). The header, byline and metadata render. The rest of every
paragraph is not on the page; no right extraction exists.""")
def web_story_replaces_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = prose_paragraphs(a)
    if not any(len(_sentences(text_of(p))) > 1 for p in prose):
        raise NotApplicable("no prose paragraph of more than one sentence")
    host, slug = sample.host, slugify(sample.slug)[:50]
    pages = "".join(f'<amp-story-page id="page-{n}"><amp-story-grid-layer template="fill"><amp-img src="https://{host}'
                    f'/wp-content/uploads/stories/{slug}-{n}.jpg" width="720" height="1280" layout="responsive" alt="">'
                    f'</amp-img></amp-story-grid-layer><amp-story-grid-layer template="vertical" class="caption-layer">'
                    f'<p class="story-text">{esc(_sentences(text_of(p))[0])}</p></amp-story-grid-layer>'
                    f'</amp-story-page>' for n, p in enumerate(prose, start=1))
    for node in children(a.body):
        node.decompose()
    insert(a.body, f'<amp-story standalone title="{_attr(sample.expected["headline"] or "")}" publisher="'
                   f'{_attr(site_name(sample))}" poster-portrait-src="https://{host}/wp-content/uploads/stories/{slug}-'
                   f'1.jpg">{pages}<amp-story-page-outlink layout="nodisplay"><a href="{_attr(sample.url)}">Read more'
                   f'</a></amp-story-page-outlink></amp-story>', "append")
    return Mutated(tree.html, None)


PAYLOAD_LIMIT = 2048


@register(HOLDOUT15, NONE, """Partial server rendering with a payload cut short: the front end
renders the first 40% of the body's blocks on the server and the rest on the client from the
__NEXT_DATA__ JSON, and an edge worker that rewrites HTML with a fixed buffer cuts that inline
script after 2 KB, mid-string (the JSON does not parse, so nothing hydrates). The page shows
the header and the first part of the body, then an empty <div id="post-rest">. The rest of
the article is not on the page; no right extraction exists.""")
def hydration_payload_truncated(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    blocks = required(a.blocks, "fewer than five blocks in the body", at_least=5)
    keep = max(2, int(len(blocks) * 0.4))
    rest = blocks[keep:]
    rest_html = "".join(b.html for b in rest)
    for b in rest:
        b.decompose()
    insert(a.body, '<div id="post-rest" data-hydrate="client"></div>', "append")
    payload = ('{"props":{"pageProps":{"post":{"id":' + str(rng_for(sample, "hydration_payload_truncated")
                                                               .randrange(10000, 99999))
               + ',"slug":' + json.dumps(sample.slug) + ',"contentRest":' + json.dumps(rest_html, ensure_ascii=False))
    cut = payload[:PAYLOAD_LIMIT] if len(payload) > PAYLOAD_LIMIT else payload[:len(payload) * 2 // 3]
    script = cut.replace("</", "<\\/")
    insert(tree.body, f'<script id="__NEXT_DATA__" type="application/json">{script}</script>', "append")
    return Mutated(tree.html, None)


_INLINE = ("a", "em", "strong", "i", "b", "span", "code")


@register(HOLDOUT15, NONE, """A rich-text renderer in a headless migration that joins a
paragraph's children with string concatenation: plain text survives, but every inline node (a
link, an emphasis, a bold run) is an object, so it prints "[object Object]" where the linked or
emphasised words were. The page no longer carries those sentences as written; no right
extraction exists.""")
def inline_nodes_object_object(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    changed = 0
    for p in a.blocks:
        if p.tag != "p":
            continue
        for node in list(p.iter(include_text=False)):
            if node.tag in _INLINE and squeeze(text_of(node)):
                node.replace_with("[object Object]")
                changed += 1
    if not changed:
        raise NotApplicable("no inline markup in the body's paragraphs")
    return Mutated(tree.html, None)


_FIGURE = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?(?![\w])")


@register(HOLDOUT15, NONE, """A units-and-currency localisation plugin (it rewrites figures in the
text for the reader's region) whose rates service stopped answering: every figure it finds in
the prose paragraphs ("59 separate changes", "37 thousand viewers", "$29.99") prints as "NaN".
The article's figures are not on the page; no right extraction exists.""")
def prose_figures_nan(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if not rewrite_prose(a, lambda s: _FIGURE.sub("NaN", s)):
        raise NotApplicable("no figures in the prose")
    return Mutated(tree.html, None)
