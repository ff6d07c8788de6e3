"""The twentieth held-out set (sealed): template changes and incidents none of the earlier kinds covers.

Same contract as the other sets (a Sample in, a Mutated out, each kind labelled). Written blind:
by someone who did not read the checks (pressguard/verdict/, pressguard/extract/), from what
platform moves (a Ghost Casper header, Substack's button paragraphs, Drupal's field templates, a
Medium-style highlight), experiment and ad scripts (an anti-flicker snippet, an ad unit placed
by character count, a Giphy embed), analytics vendors' head tags, React's word-by-word headline
spans, a site title printed as an <h1>, newspaper-style date stamps, AI-assistance disclosures
and a macOS export's Unicode normalisation do to article pages, and from what server and import
faults (a legacy Windows-1252 origin behind a server that labels everything UTF-8, a post-by-
email gateway that stores its HTML quoted-printable, an edge worker that keeps the last chunk of
each text node), theme and plugin regressions (wpautop switched off, block bindings on every
heading, a table-of-contents anchor that repeats each subheading, a first paragraph skipped as a
"duplicate" of the excerpt, display names built without a space, month-precision dates), a
hacked site's visible spam and editors' mistakes (desk notes left in sentences, a paragraph of
another story pasted in) do to them, not from what the checks look at. Measured by the lead
only, once, at the end of the session: the blind figure for them. Keep it out of tuning: a check
changed because one of these kinds failed turns its figure into a tuning figure.
"""

from __future__ import annotations

import math
import quopri
import re
import unicodedata
from datetime import date

from anatomy import contains, esc, insert, parse, prose_paragraphs, replace, slugify, squeeze, text_of, wrap
from base import NONE, RIGHT, AnyOf, Kind, Mutated, NotApplicable, Sample, published_at, register, required, rng_for, \
    same
from holdout2 import _attrs, _inner, _p_attrs, _refill
from holdout6 import _byline_box
from holdout9 import MONTHS, _meta, _undated, wrap_children
from holdout11 import _EN_DATE
from holdout15 import _date_lines
from holdout17 import _map_text, _shown_elsewhere
from holdout18 import _local_offset, _month
from holdout19 import _header_dates
from mutations import _attr, anatomy_of, reprint_jsonld_dates, rewrite_stored_text, rewrite_text, site_name

HOLDOUT20: list[Kind] = []

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ZONES = {-7: "PDT", -6: "MDT", -5: "CDT", -4: "EDT", 0: "GMT", 1: "BST", 2: "CEST", 9: "JST"}


def _local(sample: Sample, a, tree):
    """The publication moment in the site's own zone (as its header prints it), naive."""
    return published_at(sample).replace(tzinfo=None) + _local_offset(sample, a, tree)


def _slot(node, n: int, where: str = "before") -> str:
    """A placeholder element put next to node, to be swapped for raw markup (text with no element
    around it, which the DOM helpers cannot insert) once the tree is serialised."""
    insert(node, f"<x-slot-{n}></x-slot-{n}>", where)
    return f"<x-slot-{n}></x-slot-{n}>"


def _ordinal(day: int) -> str:
    return "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


# ------------------------------------------------- a right extraction exists

@register(HOLDOUT20, RIGHT, """A move to Ghost with its default theme (Casper): the article header
becomes Casper's, a primary-tag link above <h1 class="article-title">, the standfirst as <p
class="article-excerpt">, then the byline block: a list of round author avatars (each an <img>
whose alt is the writer's name), the names as links inside an <h4 class="author-name">, and a
meta row with the day only ("6 Aug 2025" in <time class="byline-meta-date" datetime="2025-08-06">,
no time) and "• 4 min read"; the old byline and date lines are gone and the body container's
class is "gh-content gh-canvas". Meta and JSON-LD are unchanged. Same title, standfirst, writers,
day and text: the right fields are unchanged.""")
def ghost_casper_article_header(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    local = _local(sample, a, tree)
    host = sample.host
    names = sample.expected["authors"]
    for node in _header_dates(tree, a, a.byline):
        node.decompose()
    if a.dek is not None and not contains(a.dek, a.headline) and not contains(a.headline, a.dek):
        a.dek.decompose()
    if a.byline is not None and names and not contains(a.byline, a.headline):
        a.byline.decompose()
    words = sum(len(b.split()) for b in sample.expected["body"])
    byline = ""
    if names:
        avatars = "".join(f'<li class="author-list-item"><a href="https://{host}/author/{slugify(n)}/" class="author-avatar">'
                          f'<img class="author-profile-image" src="https://{host}/content/images/size/w100/2025/'
                          f'{slugify(n)}.jpg" alt="{_attr(n)}"></a></li>' for n in names)
        links = ", ".join(f'<a href="https://{host}/author/{slugify(n)}/">{esc(n)}</a>' for n in names)
        byline = (f'<div class="article-byline"><section class="article-byline-content"><ul class="author-list">'
                  f'{avatars}</ul><div class="article-byline-meta"><h4 class="author-name">{links}</h4>')
    else:
        byline = '<div class="article-byline"><section class="article-byline-content"><div class="article-byline-meta">'
    byline += (f'<div class="byline-meta-content"><time class="byline-meta-date" datetime="{local:%Y-%m-%d}">'
               f'{local.day} {MONTHS[local.month - 1][:3]} {local.year}</time><span class="byline-reading-time">'
               f'<span class="bull">&bull;</span> {max(1, math.ceil(words / 230))} min read</span></div></div>'
               f'</section></div>')
    dek = f'<p class="article-excerpt">{esc(sample.expected["dek"])}</p>' if sample.expected["dek"] else ""
    replace(a.headline, f'<header class="article-header gh-canvas"><section class="article-tag post-card-tags">'
                        f'<span class="post-card-primary-tag"><a href="https://{host}/tag/news/">News</a></span>'
                        f'</section><h1 class="article-title">{_inner(a.headline)}</h1>{dek}{byline}</header>')
    a.body.attrs["class"] = "gh-content gh-canvas"
    return Mutated(tree.html, same(sample))


@register(HOLDOUT20, RIGHT, """A move to Substack: the body's blocks sit in <div
class="available-content"><div dir="auto" class="body markup">, and the platform's buttons are
paragraphs of the text as Substack writes them, <p class="button-wrapper" data-attrs=...> holding
one link styled as a button: "Subscribe now" after the second block, "Share" after the middle one;
after the last block the subscription widget, whose caption is a <p class="cta-caption"> ("Thanks
for reading <site>! Subscribe for free to receive new posts and support my work.") above an e-mail
form. Buttons and widget are the platform's, not the writer's: the right fields are unchanged.""")
def substack_button_wrapper_paragraphs(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    blocks = required(a.blocks, "too few body blocks", at_least=4)
    host, site = sample.host, site_name(sample)

    def button(text: str, href: str) -> str:
        attrs = _attr(f'{{"url":"{href}","text":"{text}","action":null,"class":null}}')
        return (f'<p class="button-wrapper" data-attrs="{attrs}" data-component-name="ButtonCreateButton">'
                f'<a class="button primary" href="{_attr(href)}"><span>{text}</span></a></p>')
    insert(blocks[1], button("Subscribe now", f"https://{host}/subscribe?"), "after")
    insert(blocks[len(blocks) // 2], button("Share", f"{sample.url}?utm_source=substack&utm_medium=email"
                                                     f"&utm_content=share&action=share"), "after")
    insert(blocks[-1], f'<div class="subscription-widget-wrap-editor" data-component-name="SubscribeWidgetToDOM">'
                       f'<div class="subscription-widget show-subscribe"><div class="preamble"><p class="cta-caption">'
                       f'Thanks for reading {esc(site)}! Subscribe for free to receive new posts and support my '
                       f'work.</p></div><form class="subscription-widget-subscribe"><input type="email" name="email" '
                       f'placeholder="Type your email…"><input type="submit" value="Subscribe"></form></div></div>',
           "after")
    wrap_children(a.body, '<div class="available-content">')
    inner = a.body.css_first("div.available-content")
    wrap_children(inner, '<div dir="auto" class="body markup">')
    return Mutated(tree.html, same(sample))


@register(HOLDOUT20, RIGHT, """A move to Drupal 10 with its field templates: the title inside the
<h1> sits in <span class="field field--name-title field--type-string field--label-hidden">, the
standfirst and the body each in a field wrapper whose label is printed visually hidden (<div
class="field__label visually-hidden">Summary</div>, "Body") before a <div class="field__item">,
and the byline becomes the authors field with an inline label, "Author" (or "Authors") in a
<div class="field__label"> followed by one <div class="field__item"> per linked name, no "By".
Same title, standfirst, writers and text: the right fields are unchanged.""")
def drupal_field_wrappers_with_labels(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    names = sample.expected["authors"]
    if a.byline is not None and names:
        host = sample.host
        items = "".join(f'<div class="field__item"><a href="https://{host}/user/{slugify(n)}" hreflang="en">{esc(n)}</a>'
                        f'</div>' for n in names)
        replace(a.byline, f'<div class="field field--name-field-authors field--type-entity-reference '
                          f'field--label-inline clearfix"><div class="field__label">{"Authors" if len(names) > 1 else "Author"}'
                          f'</div><div class="field__items">{items}</div></div>')
    for node, name, label in ((a.dek, "field-summary", "Summary"), (a.body, "body", "Body")):
        if node is None or (node is a.dek and (contains(node, a.headline) or contains(a.headline, node))):
            continue
        item = wrap(node, '<div class="field__item">')
        wrap(item, f'<div class="field field--name-{name} field--type-text-long field--label-visually_hidden">')
        insert(item, f'<div class="field__label visually-hidden">{label}</div>', "before")
    h = a.headline
    replace(h, f'<{h.tag}{_attrs(h)}><span class="field field--name-title field--type-string field--label-hidden">'
               f'{_inner(h)}</span></{h.tag}>')
    return Mutated(tree.html, same(sample))


@register(HOLDOUT20, RIGHT, """An experimentation tool's anti-flicker snippet (Google Optimize's
and VWO's pattern, pasted at the top of <head> as their docs ask): <html> gets class
"async-hide", a style rule sets .async-hide to opacity 0, and an inline script removes the class
when the experiment has loaded or after four seconds; the tool's loader script and a
data-experiment attribute on <body> come with it. The page is hidden for an instant, never
changed: the right fields are unchanged.""")
def ab_test_anti_flicker_snippet(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if tree.head is None or tree.body is None:
        raise NotApplicable("no <head>")
    root = tree.root
    root.attrs["class"] = " ".join(filter(None, [root.attributes.get("class"), "async-hide"]))
    insert(tree.head, "<style>.async-hide { opacity: 0 !important }</style><script>(function(a,s,y,n,c,h,i,d,e)"
                      "{s.className+=' '+y;h.start=1*new Date;h.end=i=function(){s.className=s.className.replace("
                      "RegExp(' ?'+y),'')};(a[n]=a[n]||[]).hide=h;setTimeout(function(){i();h.end=null},c);"
                      "h.timeout=c;})(window,document.documentElement,'async-hide','dataLayer',4000,"
                      "{'OPT-K7Q2M9X':true});</script><script async src=\"https://dev.visualwebsiteoptimizer.com/"
                      "j.php?a=734192&amp;u=" + _attr(sample.url) + "&amp;vn=2.1\"></script>", "prepend")
    tree.body.attrs["data-experiment"] = "article-header-v3:control"
    return Mutated(tree.html, same(sample))


@register(HOLDOUT20, RIGHT, """A theme that prints the site's title as an <h1> on every page (older
WordPress themes did, and many still do): a header at the top of <body> with <h1
class="site-title"> holding the logo image (its alt the site's name) and the name as text in a
link to the home page, and a tagline under it, so the page has two <h1>s and the site's comes
first in the source. The story's title keeps its own <h1>: the right fields are unchanged.""")
def site_title_in_h1_before_headline(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if tree.body is None:
        raise NotApplicable("no <body>")
    site, host = site_name(sample), sample.host
    insert(tree.body, f'<header class="site-branding"><h1 class="site-title"><a href="https://{host}/" rel="home">'
                      f'<img class="custom-logo" src="https://{host}/wp-content/uploads/logo.svg" alt="{_attr(site)}" '
                      f'width="180" height="40"><span class="site-title__text">{esc(site)}</span></a></h1>'
                      f'<p class="site-description">Games news, reviews and guides</p></header>', "prepend")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT20, RIGHT, """A newspaper-style date stamp from a print group's redesign: every
date line of the article header reads "Wednesday, August 6<sup>th</sup> 2025 · 1:58 a.m. EDT"
(weekday, month in full, the day's ordinal suffix in a <sup>, the time with a.m./p.m. and the
zone's abbreviation; labels such as "Published:" kept), in the site's own zone, and the lines
lose their machine-readable attributes. Meta and JSON-LD times are unchanged, and the stamp
names the same moment: the right fields are unchanged.""")
def date_ordinal_newspaper_stamp(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    offset = _local_offset(sample, a, tree)
    hours = offset.total_seconds() / 3600
    zone = _ZONES.get(int(hours)) if hours == int(hours) else None
    zone = zone or f"UTC{'+' if hours >= 0 else '-'}{abs(hours):g}"
    done = 0
    for node in _header_dates(tree, a):
        said = text_of(node)
        m = _EN_DATE.search(said)
        if m is None:
            continue
        month, day, year = _month(m["month"]), int(m["day"]), int(m["year"])
        weekday = _WEEKDAYS[date(year, month, day).weekday()]
        stamp = f"{esc(m['label'] or '')}{weekday}, {MONTHS[month - 1]} {day}<sup>{_ordinal(day)}</sup> {year}"
        if m["hour"]:
            stamp += f" · {int(m['hour'])}:{m['minute']} {m['half'].lower()}.m. {zone}"
        attrs = {k: v for k, v in node.attributes.items() if v is not None and k not in ("datetime", "data-datetime")}
        tag = "span" if node.tag == "time" else node.tag
        replace(node, f'<{tag}{"".join(f" {k}={chr(34)}{_attr(v)}{chr(34)}" for k, v in attrs.items())}>'
                      f'{esc(said[:m.start()])}{stamp}{esc(said[m.end():])}</{tag}>')
        done += 1
    if not done:
        raise NotApplicable("no printed date line in the header")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT20, RIGHT, """A GIF embedded with Giphy's own embed code, pasted by the writer into
an HTML block after the second block of the body: a padded <div> holding the <iframe
class="giphy-embed">, then Giphy's credit line as a bare paragraph, <p><a
href="https://giphy.com/gifs/...">via GIPHY</a></p>, as the copied code has it. The credit is the
embed's, not the writer's: the right fields are unchanged.""")
def giphy_embed_via_line(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if len(a.blocks) < 3:
        raise NotApplicable("too few body blocks")
    rng = rng_for(sample, "giphy_embed_via_line")
    gid = "".join(rng.choice("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(18))
    insert(a.blocks[1], f'<div style="width:100%;height:0;padding-bottom:56%;position:relative;"><iframe '
                        f'src="https://giphy.com/embed/{gid}" width="100%" height="100%" style="position:absolute" '
                        f'frameBorder="0" class="giphy-embed" allowFullScreen></iframe></div><p><a '
                        f'href="https://giphy.com/gifs/gaming-celebrate-{gid}">via GIPHY</a></p>', "after")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT20, RIGHT, """Analytics and newsletter vendors' tags added to <head> by a
marketing-stack rollout: Parse.ly's (parsely-title, parsely-link, parsely-type, parsely-pub-date,
one parsely-author per writer, parsely-section), Sailthru's (sailthru.author with the names
joined, sailthru.date as "YYYY-MM-DD HH:MM:SS"), Dublin Core (DC.title, DC.creator as "Surname,
Given", DC.date.issued as the day only), while the SEO plugin's article:author now holds the
writers' profile URLs and <meta name="author"> is gone. The visible page is unchanged: the right
fields are unchanged.""")
def head_meta_vendor_tags(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if tree.head is None:
        raise NotApplicable("no <head>")
    e = sample.expected
    when = published_at(sample)
    names = e["authors"]
    for meta in _meta(tree, "author"):
        meta.decompose()
    for meta in _meta(tree, "article:author"):
        meta.decompose()
    tags = [("parsely-title", e["headline"]), ("parsely-link", sample.url), ("parsely-type", "post"),
            ("parsely-pub-date", when.strftime("%Y-%m-%dT%H:%M:%SZ")), ("parsely-section", "News")]
    tags += [("parsely-author", n) for n in names]
    tags += [("sailthru.date", when.strftime("%Y-%m-%d %H:%M:%S")), ("DC.title", e["headline"]),
             ("DC.date.issued", when.strftime("%Y-%m-%d"))]
    if names:
        tags.append(("sailthru.author", ", ".join(names)))
        tags += [("DC.creator", ", ".join(reversed(n.rsplit(" ", 1)))) for n in names]
    html = "".join(f'<meta name="{k}" content="{_attr(v)}">' for k, v in tags)
    html += "".join(f'<meta property="article:author" content="https://www.facebook.com/{slugify(n).replace("-", ".")}">'
                    for n in names)
    insert(tree.head, html, "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT20, RIGHT, """An AI-use disclosure added to bylines after a newsroom adopted
drafting tools (as publishers now label such stories): at the end of the byline box, after a
"·", a pill "With AI assistance" (an icon and the words) and a link "How we use AI" to the
site's policy page. The writers are the same people: the right fields are unchanged.""")
def byline_ai_assistance_disclosure(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    box = _byline_box(sample, a)
    insert(box, f'<span class="byline__ai"> <span class="byline__sep" aria-hidden="true">·</span> <span class="ai-badge">'
                f'<svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12"><circle cx="6" cy="6" r="5"></circle>'
                f'</svg> With AI assistance</span> <a class="ai-policy-link" href="https://{sample.host}/ai-policy/">How '
                f'we use AI</a></span>', "append")
    return Mutated(tree.html, same(sample))


def _nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@register(HOLDOUT20, RIGHT, """Posts exported from a newsroom's Mac-based editing tool and imported
as they came: the stored title, excerpt and content are in Unicode normalisation form D, every
accented letter written as its base letter followed by a combining accent ("é" as "e" + U+0301),
and so in every copy of them (<title>, meta descriptions, JSON-LD). Browsers draw the same
letters, and the two forms are canonically the same text: the right fields are the same words in
either form.""")
def text_nfd_decomposed_by_import(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    e = sample.expected
    changed = {}
    for f in ("headline", "dek"):
        if e[f] and _nfd(e[f]) != e[f]:
            changed[f] = AnyOf((_nfd(e[f]), e[f]))
    if any(_nfd(b) != b for b in e["body"]):
        changed["body"] = AnyOf(([_nfd(b) for b in e["body"]], e["body"]))
    if not changed:
        raise NotApplicable("no accented letter in the article's text")
    rewrite_stored_text(tree, a, _nfd)
    return Mutated(tree.html, same(sample, **changed))


@register(HOLDOUT20, RIGHT, """A Medium-style reading platform's markup: every body paragraph gets
a generated id and Medium's class (pw-post-body-paragraph), the most highlighted paragraph
carries its readers' highlight (its text in <mark class="pw-highlight">) under a small "Top
highlight" label printed just before it inside the body, and after the body a response bar
with the clap and response counts ("1.2K", "37") and a Share button. Labels and counts are the
platform's: the right fields are unchanged.""")
def medium_top_highlight_and_claps(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "too few prose paragraphs", at_least=2)
    rng = rng_for(sample, "medium_top_highlight_and_claps")
    top = prose[len(prose) // 2]
    top_text = squeeze(text_of(top))
    for p in [b for b in a.blocks if b.tag == "p"]:
        p.attrs["id"] = "".join(rng.choice("0123456789abcdef") for _ in range(4))
        p.attrs["class"] = " ".join(filter(None, [p.attributes.get("class"), "pw-post-body-paragraph"]))
        if squeeze(text_of(p)) == top_text:
            top = p
    _refill(top, f'<mark class="pw-highlight">{_inner(top)}</mark>')
    top = next(p for p in a.body.css("p") if squeeze(text_of(p)) == top_text)
    insert(top, '<div class="top-highlight"><span>Top highlight</span></div>', "before")
    insert(a.body, '<div class="post-footer-actions"><button aria-label="clap">👏</button><span class="clap-count">'
                   '1.2K</span><button aria-label="responses">💬</button><span class="response-count">37</span>'
                   '<button aria-label="Share">Share</button></div>', "after")
    return Mutated(tree.html, same(sample))


_LONG_WORD = re.compile(r"[A-Za-z]{7,}")


@register(HOLDOUT20, RIGHT, """An in-content ad injector that places its units by character count
(after every N characters of text, as some ad plugins' "insert after N characters" setting
does): in every third prose paragraph the unit, an inline-block <ins class="ad-inline"> (its
"Advertisement" label drawn by CSS) holding the ad's 300x250 <iframe>, lands inside a word near
the paragraph's middle, splitting it ("eve<ins>...</ins>ryone") around a box as large as the
ad. The unit is its own element and carries no text; the words are the same: the right fields
are unchanged.""")
def ad_unit_inserted_mid_word(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "no prose paragraph")
    # the unit's "Advertisement" label is drawn by its stylesheet (::before), as ad units' labels are
    unit = ('<ins class="ad-inline" data-ad-slot="inline-{n}" data-label="Advertisement" style="display:inline-block;'
            'width:300px;height:250px"><iframe src="https://ads.example-network.com/serve?slot=inline-{n}" width="300" '
            'height="250" title="Advertisement" frameborder="0" scrolling="no"></iframe></ins>')
    done = 0
    for n, p in enumerate(prose[::3]):
        inner = _inner(p)
        half = len(inner) // 2
        parts = re.split(r"(<[^>]*>)", inner)
        at, pos, hit = 0, None, None
        for i, part in enumerate(parts):
            if not part.startswith("<"):
                for m in _LONG_WORD.finditer(part):
                    if at + m.start() >= half:
                        pos, hit = i, m
                        break
            if hit is not None:
                break
            at += len(part)
        if hit is None:
            continue
        cut = hit.start() + 3
        parts[pos] = parts[pos][:cut] + unit.format(n=n + 1) + parts[pos][cut:]
        _refill(p, "".join(parts))
        done += 1
    if not done:
        raise NotApplicable("no long word in the second half of a paragraph")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT20, RIGHT, """A React headline animation written the usual way
(title.split(" ").map(word => <span style={{display: "inline-block", marginRight: "0.25em"}}>)):
every word of the <h1> is its own inline-block <span class="headline__word">, with no space
between the spans in the markup; the gaps between the words are the spans' right margins. A
reader sees the same words, spaced: the right headline is unchanged.""")
def headline_word_spans_css_gaps(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    h = a.headline
    if h is None:
        raise NotApplicable("no headline element")
    words = sample.expected["headline"].split()
    spans = "".join(f'<span class="headline__word" style="display:inline-block;margin-right:0.25em;opacity:1;'
                    f'transform:none">{esc(w)}</span>' for w in words)
    _refill(h, spans)
    return Mutated(tree.html, same(sample))


# ------------------------------------------------- no right extraction exists

def _text_intact(html: str | bytes, sample: Sample) -> bool:
    """Whether the headline, the dek and every block of the body are still text of the page as a
    browser decodes it (bytes as UTF-8), outside scripts and styles."""
    text = html.decode("utf-8", errors="replace") if isinstance(html, bytes) else html
    tree = parse(text)
    if tree.body is None:
        return False
    for node in tree.css("script, style, textarea, noscript"):
        node.decompose()
    said = squeeze(tree.body.text(deep=True))
    e = sample.expected
    return all(squeeze(t) in said for t in [e["headline"] or "", e["dek"] or ""] + e["body"])


@register(HOLDOUT20, NONE, """A legacy origin whose templates and database are in Windows-1252
(its pages say so, <meta charset="windows-1252">), moved behind a new front server configured to
label every text/html response "charset=utf-8" (nginx's charset directive added site-wide,
which labels without converting). The HTTP header wins over the meta, so browsers decode the
Windows-1252 bytes as UTF-8: every curly quote, dash, accented letter or non-breaking space of
the article shows as a replacement character (characters Windows-1252 lacks were stored as
numeric references and survive). The article's text as shown is broken; no right extraction
exists.""")
def cp1252_bytes_served_as_utf8(sample: Sample) -> Mutated:
    html = re.sub(r"<meta\s+charset=[\"']?[\w-]+[\"']?\s*/?>", '<meta charset="windows-1252">', sample.html,
                  count=1, flags=re.I)
    html = re.sub(r"(<meta\s+http-equiv=[\"']?content-type[\"']?\s+content=[\"'][^\"']*charset=)[\w-]+",
                  r"\1windows-1252", html, flags=re.I)
    data = html.encode("cp1252", errors="xmlcharrefreplace")
    if _text_intact(data, sample):
        raise NotApplicable("the article's text has no character Windows-1252 writes as a byte above 127")
    return Mutated(data, None, "text/html; charset=utf-8")


@register(HOLDOUT20, NONE, """An author component rewritten for a new front end that builds the
display name from the profile's given and family names with a template string that lost its
space (`${first}${last}`): every byline reads "By BenAshby" ("By SanaQuill and FarahTamura"),
still linked to the author pages; the meta author and the JSON-LD, written by the SEO plugin from
the display-name field, keep the names. The byline does not print the writer's name; no right
extraction exists.""")
def byline_given_family_no_space(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    box = _byline_box(sample, a)
    names = required([n for n in sample.expected["authors"] if " " in n], "no name with a space in it")

    def glue(text: str) -> str:
        for n in names:
            text = text.replace(n, n.replace(" ", ""))
        return text
    rewrite_text(box, glue)
    if not any(n.replace(" ", "") in text_of(box) for n in names):
        raise NotApplicable("the names are not text of the byline")
    return Mutated(tree.html, None)


@register(HOLDOUT20, NONE, """A theme update that switches off wpautop for post content (a
"cleaner markup" option: remove_filter('the_content', 'wpautop')) on a site whose older posts
were written in the classic editor, stored without <p> tags, paragraphs separated only by blank
lines: the paragraphs are printed as raw text in the body container, and the browser folds the
blank lines into spaces, so each run of paragraphs between two headings, lists or figures shows
as one block of text. The article's paragraphs are not on the page; no right extraction
exists.""")
def wpautop_disabled_paragraphs_run_together(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    runs, run = [], []
    for b in a.blocks:
        if b.tag == "p" and b.parent is not None and b.parent.mem_id == a.body.mem_id:
            run.append(b)
            continue
        if len(run) > 1:
            runs.append(run)
        run = []
    if len(run) > 1:
        runs.append(run)
    if not runs:
        raise NotApplicable("no two body paragraphs in a row")
    swaps = {}
    for n, run in enumerate(runs):
        swaps[_slot(run[0], n)] = "\n" + "\n\n".join(_inner(p).strip() for p in run) + "\n"
        for p in run:
            p.decompose()
    html = tree.html
    for slot, raw in swaps.items():
        html = html.replace(slot, raw)
    return Mutated(html, None)


_DESK_NOTES = ("[ED: confirm the date with the publisher's PR before this goes live]",
               "[LINK TK]", "[CHECK: is this the right figure? {initials}]")


@register(HOLDOUT20, NONE, """A story published straight from the copy desk's queue with the
editors' notes still in it (bracketed desk notes are how newsrooms flag what to check, and
stories go live with them): inside the first, the middle and the last prose paragraph, after
a sentence, "[ED: confirm the date with the publisher's PR before this goes live]", "[LINK TK]"
and "[CHECK: is this the right figure? —<writer's initials>]", as plain text in the sentences.
The paragraphs as published carry the desk's notes; no right extraction exists.""")
def editor_notes_left_in_sentences(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "too few prose paragraphs", at_least=3)
    names = sample.expected["authors"]
    initials = "—" + ("".join(w[0] for w in names[0].split()) if names else "desk")
    done = 0
    for p, note in zip((prose[0], prose[len(prose) // 2], prose[-1]), _DESK_NOTES):
        note = esc(note.format(initials=initials))
        state = {"done": False}

        def add(text: str) -> str:
            if state["done"]:
                return text
            m = re.search(r"[.!?] (?=[A-Z“\"])", text)
            if m is None:
                return text
            state["done"] = True
            return text[:m.end()] + note + " " + text[m.end():]
        new = _map_text(_inner(p), add)
        if state["done"]:
            _refill(p, new)
            done += 1
    if not done:
        raise NotApplicable("no sentence break inside a paragraph's text")
    return Mutated(tree.html, None)


_ISO_MOMENT = re.compile(r"\b(\d{4})-(\d\d)-\d\d(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?")


@register(HOLDOUT20, NONE, """A date setting switched to "month and year" site-wide (as magazines
date their issues): every date line of the article prints "August 2025" (labels kept, no day,
no time), and the SEO layer, which reads the same formatted value, writes "2025-08" in
article:published_time, article:modified_time, the <time> attributes and the JSON-LD dates.
Applied where the publication day is stated nowhere else on the page. The page no longer says
on which day the article was published; no right extraction exists.""")
def published_month_precision_only(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    published_at(sample)

    def month_only(value: str) -> str:
        return _ISO_MOMENT.sub(lambda m: f"{m[1]}-{m[2]}", value)
    done = 0
    for node in _date_lines(a):
        said = text_of(node)
        m = _EN_DATE.search(said)
        attrs = {k: (month_only(v) if k in ("datetime", "content") else v)
                 for k, v in node.attributes.items() if v is not None}
        printed = None
        if m is not None:
            printed = f"{said[:m.start()]}{m['label'] or ''}{MONTHS[_month(m['month']) - 1]} {m['year']}{said[m.end():]}"
            if "data-datetime" in attrs:
                attrs["data-datetime"] = month_only(attrs["data-datetime"]) if _ISO_MOMENT.match(
                    attrs["data-datetime"]) else printed
        elif "data-datetime" in attrs:
            attrs["data-datetime"] = month_only(attrs["data-datetime"])
        replace(node, f'<{node.tag}{"".join(f" {k}={chr(34)}{_attr(v)}{chr(34)}" for k, v in attrs.items())}>'
                      f'{esc(printed) if printed is not None else _inner(node)}</{node.tag}>')
        done += 1
    for meta in _meta(tree, "article:published_time", "article:modified_time", "og:updated_time"):
        meta.attrs["content"] = month_only(meta.attributes.get("content") or "")
    reprint_jsonld_dates(tree, month_only, ("datePublished", "dateModified", "dateCreated"))
    if not done:
        raise NotApplicable("no date line on the page")
    return Mutated(_undated(sample, tree.html), None)


_FOREIGN = ("Harbor Lights Online's winter update, meanwhile, adds a fishing league and two new islands on "
            "Thursday, and Saltmarsh Games says cross-play between consoles is finally through certification.")


@register(HOLDOUT20, NONE, """A copy-paste slip while the writer worked on two stories at once: in
the middle of the body, after the middle prose paragraph, a paragraph of another story of the
site (about another studio's game, in the body's own paragraph markup, with no label or
separator). The page shows the article with a foreign paragraph inside it; no right extraction
exists.""")
def foreign_paragraph_pasted_mid_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "too few prose paragraphs", at_least=2)
    insert(prose[len(prose) // 2], f"<p{_p_attrs(a)}>{esc(_FOREIGN)}</p>", "after")
    return Mutated(tree.html, None)


_CHUNK = 4096
_RAW_SPAN = re.compile(r"<(script|style|textarea|title)\b.*?</\1\s*>", re.S | re.I)


@register(HOLDOUT20, NONE, """An edge worker added to retouch the text on its way out (typographic
quotes, with HTMLRewriter's text handler) written as if each call received a whole text node:
the handler replaces the chunk it is called with and removes the chunks before it, so wherever
the edge received a text node in two pieces (a network chunk boundary, here every 4 KB of the
response, falls inside it) only the last piece is left. Long paragraphs of the article lose
their opening words up to the boundary, mid-word ("ring the co-op campaign..."). The
article's text is not on the page whole; no right extraction exists.""")
def edge_worker_keeps_last_text_chunk(sample: Sample) -> Mutated:
    html = sample.html
    start = re.search(r"<body\b", html, re.I)
    if start is None:
        raise NotApplicable("no <body>")
    raw = [m.span() for m in _RAW_SPAN.finditer(html)]
    out, at = [], 0
    for m in re.finditer(r">([^<]+)<", html[start.start():]):
        s, e = m.start(1) + start.start(), m.end(1) + start.start()
        cut = (e - 1) // _CHUNK * _CHUNK  # the last chunk boundary before the node's end
        if cut <= s or any(r0 <= s < r1 for r0, r1 in raw):
            continue
        out.append(html[at:s])
        at = cut
    out.append(html[at:])
    mutated = "".join(out)
    if _text_intact(mutated, sample):
        raise NotApplicable("no chunk boundary falls inside the article's text")
    return Mutated(mutated, None)


def _quoted_printable(html: str) -> str:
    """html as a MIME part's quoted-printable body: "=" and bytes above 127 as =XX escapes, and
    a soft line break ("=" and a newline) wherever a line would pass 76 characters."""
    return quopri.encodestring(html.encode("utf-8")).decode("ascii")


@register(HOLDOUT20, NONE, """Posts published through a post-by-email gateway (the newsroom files
from the road by e-mail) whose MIME decoding broke in an update: the HTML part of each message
is stored still quoted-printable encoded, so in every prose paragraph each line longer than 76
characters ends in a soft line break ("=" and a newline, shown as "= " inside words: "reworking
the boss ru= sh"), every "=" of the markup is "=3D" (links keep their words, with broken
addresses) and every non-ASCII byte is an escape ("=E2=80=99" for an apostrophe). The
paragraphs as published are not the article's text; no right extraction exists.""")
def quoted_printable_email_import(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "no prose paragraph")
    for p in prose:
        _refill(p, _quoted_printable(_inner(p)))
    html = tree.html
    if _text_intact(html, sample):
        raise NotApplicable("no paragraph long enough for a soft line break")
    return Mutated(html, None)


@register(HOLDOUT20, NONE, """A table-of-contents plugin update that changed how it adds its anchors
to the body's subheadings: it now wraps a copy of the heading's text in the anchor it inserts
(meant as screen-reader text, printed without its hiding class), so every subheading of the body
reads twice ("Where it stumblesWhere it stumbles", one copy in <a class="toc-anchor">). The
body's subheadings are not on the page as written; no right extraction exists.""")
def subheadings_doubled_by_toc_anchor(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    heads = required([b for b in a.blocks if b.tag in ("h2", "h3", "h4")], "no subheading in the body")
    for h in heads:
        anchor = h.attributes.get("id") or slugify(text_of(h))
        replace(h, f'<{h.tag}{_attrs(h)}><a class="toc-anchor" id="toc-{_attr(anchor)}" href="#{_attr(anchor)}">'
                   f'{esc(text_of(h))}</a>{_inner(h)}</{h.tag}>')
    return Mutated(tree.html, None)


_SPAM = (' Looking for deals? Get <a href="https://keys-outlet-cheap.shop/">cheap game keys</a> and a free V-Bucks '
         'generator with no human verification at keys-outlet-cheap.shop today.',
         ' Best <a href="https://slot-royale-777.bet/">online slots 2025</a>: claim 200 free spins, no deposit needed.')


@register(HOLDOUT20, NONE, """A hacked site (an injected plugin rewriting post content on output, as
the spam-link hacks do), this time visible: at the end of every third prose paragraph the
attacker's sentence with its link, "Looking for deals? Get cheap game keys and a free V-Bucks
generator ..." or "Best online slots 2025: claim 200 free spins ...", in the paragraph's own
text, not hidden. The paragraphs as served carry the attacker's words; no right extraction
exists.""")
def hacked_visible_spam_sentences(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "no prose paragraph")
    for n, p in enumerate(prose[::3]):
        _refill(p, _inner(p).rstrip() + _SPAM[n % len(_SPAM)])
    return Mutated(tree.html, None)


@register(HOLDOUT20, NONE, """A block-bindings mistake after a pattern update (WordPress 6.5 lets a
block's content be bound to a data source): the theme binds the heading block's content to the
post's title, meant for the pattern's title slot, and the binding reaches every heading block of
the post, so each subheading of the body prints the article's title (tags, classes and ids
kept). The body's subheadings are not on the page; no right extraction exists.""")
def block_bindings_subheadings_show_title(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    heads = required([b for b in a.blocks if b.tag in ("h2", "h3", "h4")], "no subheading in the body")
    title = esc(sample.expected["headline"])
    for h in heads:
        replace(h, f'<{h.tag}{_attrs(h)} data-wp-bind="core/post-title">{title}</{h.tag}>')
    return Mutated(tree.html, None)


@register(HOLDOUT20, NONE, """A theme function meant to skip the body's first paragraph when it
repeats the excerpt (some imports put the standfirst at the top of the content) whose
comparison is broken (a similar_text() percentage compared with the wrong operand), so it skips
the first paragraph of every post: the body starts at its second block, nothing marking the gap.
The article's opening paragraph is not on the page; no right extraction exists.""")
def first_paragraph_dropped_as_excerpt_duplicate(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    first = a.blocks[0] if a.blocks else None
    if first is None or first.tag != "p" or len(a.blocks) < 3:
        raise NotApplicable("the body does not open with a paragraph")
    said = sample.expected["body"][0]
    first.decompose()
    _shown_elsewhere(tree.html, said)
    return Mutated(tree.html, None)
