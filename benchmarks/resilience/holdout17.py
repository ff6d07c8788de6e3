"""The seventeenth held-out set (sealed): template changes and incidents none of the earlier kinds covers.

Same contract as the other sets (a Sample in, a Mutated out, each kind labelled). Written
blind: by someone who did not read the checks (pressguard/verdict/, pressguard/extract/), from
what block-editor and theme updates (lightbox figures, "By X in Section" bylines, spoiler
tags), reader and accessibility tools (bionic-reading emphasis, print-only mastheads), ad and
affiliate tech (link rewriters, paywall meters), consent managers (script auto-blocking),
translation plugins (per-string wrappers, a locale cache serving the wrong language), SEO plugins
(JSON-LD that disagrees with the page), co-author plugins, syndication, live blogs and partial
renders (a failed edge include, a middle fragment missing, a print view's first page) do to
article pages, not from what the checks look at. Measured by the lead only, once, at the end
of the session: the blind figure for them. Keep it out of tuning: a check changed because one
of these kinds failed turns its figure into a tuning figure.
"""

from __future__ import annotations

import html as htmllib
import re
from datetime import datetime, timedelta
from urllib.parse import quote

from anatomy import esc, insert, parse, prose_paragraphs, replace, slugify, squeeze
from base import NONE, RIGHT, Kind, Mutated, NotApplicable, Sample, published_at, register, required, rng_for, same
from holdout2 import _attrs, _inner, _refill, _scope
from holdout6 import _byline_box, _rewrite_byline
from holdout9 import MONTHS, _meta, _undated
from holdout16 import _reprint_visible_dates, _stamp_dates
from mutations import _attr, anatomy_of, author_link, edit_jsonld, site_name, walk_json

HOLDOUT17: list[Kind] = []

# holdout22 (sealed: not edited) imports these helpers from here under their old names
_esc = esc
_host = Sample.host.fget
_slug = slugify
_published = published_at
_rewrite_p = _refill


_TAG = re.compile(r"(<[^>]*>)")


def _map_text(inner: str, fn) -> str:
    """inner HTML with fn applied to each run of text between tags (tags kept as they are)."""
    return "".join(part if part.startswith("<") else fn(part) for part in _TAG.split(inner))



def _shown_elsewhere(html: str, value: str) -> None:
    """A kind that takes a field off the page is n/a where the same words are shown elsewhere
    (a dek that is also the first paragraph, a headline that is also a related-story tile):
    there the page would still show them, and the label could not be told apart."""
    tree = parse(html)
    for node in tree.css("script, style, noscript"):
        node.decompose()
    if tree.body is not None and squeeze(value).lower() in squeeze(tree.body.text(deep=True)).lower():
        raise NotApplicable("the field's words are shown elsewhere on the page")


def _later(sample: Sample, days: float) -> datetime:
    """A moment days after publication, kept before the page was fetched (an edit the
    recording could have seen)."""
    when = published_at(sample)
    later = when + timedelta(days=days)
    if sample.fetched_at:
        fetched = datetime.fromisoformat(sample.fetched_at.replace("Z", "+00:00"))
        if later >= fetched:
            later = when + (fetched - when) / 2
    return later.replace(microsecond=0)


# ------------------------------------------------- a right extraction exists

_FIGURES = (("A first look at the new area, captured on a mid-range PC.", "Image via the publisher's press kit"),
            ("The revised menu, as it appears after the update.", "Screenshot by the author"),
            ("Concept art shared during the announcement stream.", "Image courtesy of the studio"))


@register(HOLDOUT17, RIGHT, """A block-theme update that turns inline images into the editor's
lightbox figures (WordPress 6.4's "expand on click"): after the first and third prose
paragraphs, a <figure class="wp-block-image has-lightbox"> with an "Enlarge image" button, the
<img>, and a <figcaption> that holds a caption sentence and a separate credit span ("Image via
the publisher's press kit"). Captions and credits are the picture's, not the article's prose: the
right fields are unchanged.""")
def body_lightbox_figures_with_credits(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "no prose paragraph in the body")
    host = sample.host
    for n, p in enumerate(prose[0:3:2]):
        caption, credit = _FIGURES[n % len(_FIGURES)]
        insert(p, f'<figure class="wp-block-image size-large has-lightbox" data-wp-interactive="core/image">'
                  f'<button type="button" class="lightbox-trigger" aria-label="Enlarge image" aria-haspopup="dialog">'
                  f'<svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12"><path d="M0 0h5v2H2v3H0z"/></svg>'
                  f'</button><img src="https://{host}/wp-content/uploads/2025/08/inline-{n + 1}.jpg" alt="" '
                  f'width="1200" height="675" loading="lazy" decoding="async"><figcaption class="wp-element-caption">'
                  f'{esc(caption)} <span class="image-credit">{esc(credit)}</span></figcaption></figure>')
    return Mutated(tree.html, same(sample))


_SECTIONS = ("News", "Reviews", "Guides", "Features", "Culture")


@register(HOLDOUT17, RIGHT, """A theme that prints the post's primary category in the byline, the
way Medium-style and many news themes do: "By <author> in <a href="/category/news/">News</a>",
the section linked. The section is where the story is filed, not a writer: the right fields
are unchanged.""")
def byline_in_section_link(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    section = rng_for(sample, "byline_in_section_link").choice(_SECTIONS)
    names = " and ".join(author_link(sample, n) for n in sample.expected["authors"])
    _rewrite_byline(a, f'By {names} <span class="byline__in">in</span> <a class="byline__section" '
                       f'href="https://{sample.host}/category/{section.lower()}/" rel="category tag">{section}</a>')
    return Mutated(tree.html, same(sample))


@register(HOLDOUT17, RIGHT, """A print stylesheet's masthead (newspaper sites add a header that
only shows on paper): at the top of <body>, a <div class="print-only"> hidden on screen by a
media="print" style, holding the site's name, "Printed from" with the article's URL, and the
article's title again as the printout's running head. The page on screen is unchanged; the
right fields are unchanged.""")
def print_only_masthead(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if tree.body is None or tree.head is None:
        raise NotApplicable("no <head> or <body>")
    insert(tree.head, '<style media="screen">.print-only{display:none}</style>'
                      '<style media="print">.print-only{display:block}.site-header,.site-footer{display:none}</style>',
           "append")
    insert(tree.body, f'<div class="print-only" aria-hidden="true"><p class="print-only__site">'
                      f'{esc(site_name(sample))}</p><p class="print-only__source">Printed from '
                      f'{esc(sample.url)}</p><p class="print-only__title">{esc(sample.expected["headline"])}</p>'
                      f'</div>', "prepend")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT17, RIGHT, """A metered paywall's counter (the meter lets this visit through and
says so): just above the article text, a role="status" banner "You have 2 free articles left
this month", a "Subscribe for unlimited access" link and a dismiss button. The whole article
follows: the right fields are unchanged.""")
def paywall_meter_remaining_banner(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    left = rng_for(sample, "paywall_meter_remaining_banner").randint(1, 4)
    insert(a.body, f'<div class="meter-banner" role="status" data-meter-remaining="{left}"><p>You have '
                   f'<strong>{left}</strong> free article{"s" if left > 1 else ""} left this month.</p>'
                   f'<a class="meter-banner__cta" href="https://{sample.host}/subscribe/?src=meter">Subscribe '
                   f'for unlimited access</a><button type="button" class="meter-banner__close" aria-label="Dismiss">'
                   f'&times;</button></div>', "before")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT17, RIGHT, """An edge-side include that failed for one non-article fragment (the
"Trending" sidebar): the CDN inlined the origin's error page where the sidebar goes, after the
article: nginx's "<center><h1>504 Gateway Time-out</h1></center><hr><center>nginx</center>",
a second <h1> on the page. The article itself was rendered: the right fields are
unchanged.""")
def sidebar_include_gateway_timeout(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    error = ('<aside class="sidebar sidebar--trending" data-esi-src="/fragments/trending"><center><h1>504 '
             'Gateway Time-out</h1></center><hr><center>nginx</center></aside>')
    insert(_scope(a), error, "after")  # after the <article> (or the body container)
    return Mutated(tree.html, same(sample))


@register(HOLDOUT17, RIGHT, """An SEO plugin set to represent the site as an organisation (Yoast's
"Organization" schema with person authors switched off): every JSON-LD author becomes
{"@type": "Organization", "name": <site name>}. The visible byline still names the writers, and
the page is theirs: the right fields are unchanged.""")
def jsonld_author_site_organization(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    org = {"@type": "Organization", "name": site_name(sample), "url": f"https://{sample.host}/"}
    changed = []

    def fix(d):
        if "author" in d:
            d["author"] = dict(org)
            changed.append(1)
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))
    if not changed:
        raise NotApplicable("no JSON-LD author")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT17, RIGHT, """A "content freshness" SEO plugin that rewrites the structured data's
datePublished to the last edit (so search shows a recent date), leaving the visible date
stamp, the <time> element and the article:published_time meta on the original day. The
structured data disagrees with the page, and the page's own date is the publication date: the
right date is unchanged (see the README: the visible stamp decides).""")
def jsonld_date_published_freshness_bump(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    bumped = _later(sample, 11.3).isoformat(timespec="seconds")
    changed = []

    def fix(d):
        if isinstance(d.get("datePublished"), str):
            d["datePublished"] = bumped
            d["dateModified"] = bumped
            changed.append(1)
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))
    if not changed:
        raise NotApplicable("no JSON-LD datePublished")
    return Mutated(tree.html, same(sample))


_CAPWORD = re.compile(r"(?<=[a-z,] )([A-Z][a-z]{4,}(?: [A-Z][a-z]+)?)\b")


_NOT_PRODUCTS = set(MONTHS) | {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def _affiliate(url: str, page: str) -> str:
    return f"https://go.shoplinkr.net/v2/?pub=48213X1592&amp;url={quote(url, safe='')}&amp;sref={quote(page, safe='')}"


@register(HOLDOUT17, RIGHT, """An affiliate link-rewriting script run server-side (the commerce
vendors' "auto-affiliate" products): every link in the body goes through the vendor's redirect
(href="https://go.shoplinkr.net/v2/?pub=...&url=<original>", rel="sponsored nofollow",
data-affiliate attributes), and unlinked product-like names in prose paragraphs are auto-linked
to a shop search. Link targets change, the words do not: the right fields are unchanged.""")
def affiliate_autolinker_rewrites_links(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    done = 0
    for link in a.body.css("a[href]"):
        href = link.attributes.get("href") or ""
        if href.startswith("http"):
            link.attrs["href"] = htmllib.unescape(_affiliate(href, sample.url))
            link.attrs["rel"] = "sponsored nofollow noopener"
            link.attrs["data-affiliate"] = "rewritten"
            done += 1
    for p in prose_paragraphs(a)[1::2]:
        inner = _inner(p)
        m = _CAPWORD.search(inner)
        while m is not None and (inner.rfind("<", 0, m.start()) > inner.rfind(">", 0, m.start())
                                 or m.group(1).split()[0] in _NOT_PRODUCTS
                                 or "<a" in inner[max(0, inner.rfind("<", 0, m.start())):m.start()]):
            m = _CAPWORD.search(inner, m.end())
        if m is None:
            continue
        shop = _affiliate(f"https://shop.example.com/search?q={quote(m.group(1))}", sample.url)
        _refill(p, f'{inner[:m.start()]}<a href="{shop}" class="autolink" rel="sponsored nofollow" '
                      f'data-affiliate="auto">{m.group(1)}</a>{inner[m.end():]}')
        done += 1
    if not done:
        raise NotApplicable("no link and no product-like name in the body")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT17, RIGHT, """A consent manager in automatic blocking mode (Cookiebot-style
auto-blocking rewrites every script it does not recognise until consent): every <script> of
the page, the JSON-LD blocks included, gets type="text/plain" and data-cookieconsent=
"statistics" (the original type kept in data-type). The structured data is no longer live; the
visible article is unchanged: the right fields are unchanged.""")
def consent_autoblock_scripts_plain(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    scripts = required(tree.css("script"), "no script on the page")
    for s in scripts:
        s.attrs["data-type"] = s.attributes.get("type") or "text/javascript"
        s.attrs["type"] = "text/plain"
        s.attrs["data-cookieconsent"] = "statistics"
    if tree.head is not None:
        insert(tree.head, '<script id="Cookiebot" src="https://consent.example-cmp.com/uc.js" '
                          'data-cbid="5f1c2a9e-0d4b-4c1e-9a77-3b2d8e61f0c4" data-blockingmode="auto"></script>',
               "prepend")
    return Mutated(tree.html, same(sample))


_WORDS = re.compile(r"(?<![&#\w])([A-Za-z]{4,})")


@register(HOLDOUT17, RIGHT, """A reading-assistance toggle saved as on (bionic-reading style
plugins that bold the first half of each word to guide the eye): in every prose paragraph,
each word of four letters or more is split into <b class="br-fix">Pla</b>yers. The letters
and their order are the same: the right fields are unchanged.""")
def bionic_reading_word_stems(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "no prose paragraph in the body")

    def stems(text: str) -> str:
        return _WORDS.sub(lambda m: f'<b class="br-fix">{m.group(1)[:(len(m.group(1)) + 1) // 2]}</b>'
                                    f'{m.group(1)[(len(m.group(1)) + 1) // 2:]}', text)
    for p in prose:
        _refill(p, _map_text(_inner(p), stems))
    return Mutated(tree.html, same(sample))


@register(HOLDOUT17, RIGHT, """Inline spoiler tags (community and entertainment sites blur a
sentence until it is tapped): in every third prose paragraph the last sentence is wrapped in
<span class="spoiler" role="button" tabindex="0" aria-expanded="false" aria-label="Spoiler,
activate to reveal">. The words are on the page, blurred by CSS: the right fields are
unchanged.""")
def inline_spoiler_sentences(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    done = 0
    for p in prose_paragraphs(a)[1::3]:
        inner = _inner(p)
        cuts = [m.end() for m in re.finditer(r"[.!?]\s+(?=[A-Z\"“])", inner)]
        if not cuts or "<" in inner[cuts[-1]:]:
            continue
        start = cuts[-1]
        _refill(p, f'{inner[:start]}<span class="spoiler" role="button" tabindex="0" aria-expanded="false" '
                      f'aria-label="Spoiler, activate to reveal">{inner[start:]}</span>')
        done += 1
    if not done:
        raise NotApplicable("no paragraph ending in a plain sentence after another")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT17, RIGHT, """A date stamp that drops the year for the current year (as social
and many news front ends print "Aug 6, 1:58 AM"): every visible date loses its year, the time
kept; the <time datetime>, meta and JSON-LD are unchanged. The right date is unchanged.""")
def visible_date_year_dropped(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)

    def short(m, month, hour):
        out = f"{m['label'] or ''}{MONTHS[month - 1][:3]} {int(m['day'])}"
        if hour is not None:
            out += f", {hour % 12 or 12}:{m['minute']} {'AM' if hour < 12 else 'PM'}"
        return out
    if not _reprint_visible_dates(a, short):
        raise NotApplicable("no visible date in English words")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT17, RIGHT, """A translation plugin installed on the English site (TranslatePress-
style: every translatable string is wrapped so the plugin can swap it): each body paragraph's
content goes inside a <trp-span data-trp-translate-id="N" data-trp-node-group="Content">, the
headline and byline get data-trp-translate-id attributes, and hreflang alternates for /es/ and
/de/ appear in <head>. The English words are the same: the right fields are unchanged.""")
def translation_plugin_string_wrappers(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    n = 0
    for block in a.blocks:
        if block.tag not in ("p", "h2", "h3", "h4"):
            continue
        n += 1
        _refill(block, f'<trp-span data-trp-translate-id="{400 + n}" data-trp-node-group="Content">'
                          f'{_inner(block)}</trp-span>')
    for node in (a.headline, a.byline):
        if node is not None:
            n += 1
            node.attrs["data-trp-translate-id"] = str(400 + n)
    if not n:
        raise NotApplicable("no paragraph to wrap")
    if tree.head is not None:
        path = "/" + "/".join(sample.url.split("/")[3:])
        host = sample.host
        insert(tree.head, f'<link rel="alternate" hreflang="es-ES" href="https://{host}/es{path}">'
                          f'<link rel="alternate" hreflang="de-DE" href="https://{host}/de{path}">', "append")
    return Mutated(tree.html, same(sample))


_VARIANT_DEKS = ("Here is what changed, what did not, and why it matters more than it seems.",
                 "The short version: more than you think, and sooner than expected.",
                 "We went through every detail so you do not have to.")


@register(HOLDOUT17, RIGHT, """A server-side A/B test of the standfirst only (an editor trying
two summaries): the page carries both, the live one (data-exp-variant="a") and the other
(data-exp-variant="b", a different sentence) right after it with the hidden attribute. Readers
see the original: the right fields are unchanged.""")
def ab_test_dek_variant_hidden(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.dek is None:
        raise NotApplicable("no dek on the page")
    variant = rng_for(sample, "ab_test_dek_variant_hidden").choice(_VARIANT_DEKS)
    a.dek.attrs["data-exp-variant"] = "a"
    insert(a.dek, f'<{a.dek.tag}{_attrs(a.dek, drop=("data-exp-variant", "id"))} data-exp-variant="b" hidden>'
                  f'{esc(variant)}</{a.dek.tag}>')
    return Mutated(tree.html, same(sample))


# ------------------------------------------------- no right extraction exists

@register(HOLDOUT17, NONE, """A migration that left the posts' excerpt field empty, with a theme
that then falls back to the site's default description: the standfirst reads the site's
tagline ("<site>: the latest news, reviews, guides and more, every day."), and so do the meta
and Open Graph descriptions and the JSON-LD description. The article's standfirst is nowhere on
the page; no right extraction exists.""")
def dek_site_default_description(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.dek is None:
        raise NotApplicable("no dek on the page")
    tagline = f"{site_name(sample)}: the latest news, reviews, guides and more, every day."
    _refill(a.dek, esc(tagline))
    for meta in _meta(tree, "description", "og:description", "twitter:description"):
        meta.attrs["content"] = tagline

    def fix(d):
        if isinstance(d.get("description"), str):
            d["description"] = tagline
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))
    _shown_elsewhere(tree.html, sample.expected["dek"])
    return Mutated(tree.html, None)


@register(HOLDOUT17, NONE, """A co-author plugin whose guest-author profiles lost their display
names in a migration, so the template prints the profile's login slug: "By cap-carla-kowalski"
linked to /author/cap-carla-kowalski/. Meta and JSON-LD keep the names. The page shows no
author's name; no right extraction exists.""")
def byline_guest_author_slug_shown(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    host = sample.host
    slugs = [f'<a href="https://{host}/author/cap-{slugify(n)}/" rel="author">cap-{slugify(n)}</a>'
             for n in sample.expected["authors"]]
    _rewrite_byline(a, "By " + ", ".join(slugs))
    return Mutated(tree.html, None)


@register(HOLDOUT17, NONE, """An author-profile plugin update that reset "Display name publicly as"
to the first name: the byline, the author meta and the JSON-LD author all read only the
writer's first name ("By Carla"). The page no longer names its writer in full; no right
extraction exists.""")
def byline_first_name_only(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    names = sample.expected["authors"]
    if any(len(n.split()) < 2 for n in names):
        raise NotApplicable("a one-word author name")
    firsts = {n: n.split()[0] for n in names}
    _rewrite_byline(a, "By " + " and ".join(f'<a href="https://{sample.host}/author/{slugify(n)}/" rel="author">'
                                            f'{esc(firsts[n])}</a>' for n in names))
    for meta in _meta(tree, "author", "article:author", "twitter:data1", "parsely-author"):
        said = meta.attributes.get("content") or ""
        for n, f in firsts.items():
            said = said.replace(n, f)
        meta.attrs["content"] = said

    def fix(d):
        if d.get("@type") == "Person" and d.get("name") in firsts:
            d["name"] = firsts[d["name"]]
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))
    return Mutated(tree.html, None)


@register(HOLDOUT17, NONE, """A CMS upgrade whose new template shows only the last-modified
stamp ("Updated Aug 17, 2025") and whose SEO layer writes only dateModified and
article:modified_time: every statement of the publication date is gone, the <time> elements
carry the later edit. The page no longer states when it was published; no right extraction
exists.""")
def published_replaced_by_modified_only(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    later = _later(sample, 9.4)
    iso = later.isoformat(timespec="seconds")
    printed = f"Updated {MONTHS[later.month - 1][:3]} {later.day}, {later.year}"
    _stamp_dates(tree, a, iso, printed)
    for meta in tree.css("meta[content]"):
        key = (meta.attributes.get("property") or meta.attributes.get("name") or "").lower()
        if re.match(r"\d{4}-\d\d-\d\d", meta.attributes.get("content") or ""):
            if "modified" in key or "updated" in key:
                meta.attrs["content"] = iso
            else:
                meta.decompose()

    def fix(d):
        if any(isinstance(d.get(k), str) for k in ("datePublished", "dateCreated", "dateModified")):
            for k in ("datePublished", "dateCreated", "uploadDate"):
                d.pop(k, None)
            d["dateModified"] = iso
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))
    return Mutated(_undated(sample, tree.html), None)


@register(HOLDOUT17, NONE, """A body assembled from edge-side fragments (long articles split for
caching) where the middle fragment timed out and the edge dropped it silently: the middle third
of the body's blocks is missing, an HTML comment where it was, and the text runs on from the
first third to the last. No right extraction exists.""")
def body_middle_fragment_missing(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    blocks = required(a.blocks, "too few body blocks to lose a middle part", at_least=4)
    start, end = len(blocks) // 3, (2 * len(blocks)) // 3
    insert(blocks[start], '<!-- esi:include src="/fragments/article/body/2" onerror="continue" -->', "before")
    for block in blocks[start:end]:
        block.decompose()
    return Mutated(tree.html, None)


_SPANISH = ("El estudio confirmó el martes que la actualización llegará en las próximas semanas, aunque no dio una "
            "fecha concreta.",
            "Los jugadores que se perdieron el evento anterior tendrán otra oportunidad, según explicó el equipo en "
            "un comunicado.",
            "Todavía quedan muchas preguntas sin respuesta, y la comunidad ya ha empezado a especular sobre lo que "
            "vendrá después.",
            "La directora del proyecto dijo que el objetivo era mantener lo que la gente apreciaba sin perder el "
            "ritmo.",
            "Por ahora, lo más prudente es esperar a la versión final y juzgar el resultado con calma.")


@register(HOLDOUT17, NONE, """A translation plugin's string cache keyed without the language (a
known failure of per-string caches behind a page cache): from the second half of the body on,
every other paragraph is served from the Spanish edition's cache, Spanish sentences in place of
the English paragraphs. The English text of those paragraphs is not on the page; no right
extraction exists.""")
def body_paragraphs_from_other_locale_cache(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = prose_paragraphs(a)
    chosen = required(prose[len(prose) // 2::2], "no prose paragraph in the body")
    rng = rng_for(sample, "body_paragraphs_from_other_locale_cache")
    for p in chosen:
        replace(p, f'<p{_attrs(p)} data-trp-lang="es_ES">{esc(rng.choice(_SPANISH))}</p>')
    return Mutated(tree.html, None)


@register(HOLDOUT17, NONE, """A block-editor conversion that turned a paragraph opening with a
link into an embed block (the classic-to-blocks converter treats it as a bare URL line): that
paragraph is replaced by a WordPress embed card, a blockquote with the linked story's title and
an iframe, and its sentences are gone. A paragraph of the article is missing; no right
extraction exists.""")
def paragraph_swallowed_by_auto_embed(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "too few prose paragraphs", at_least=2)
    p = prose[len(prose) // 2]
    host = sample.host
    rng = rng_for(sample, "paragraph_swallowed_by_auto_embed")
    secret = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(10))
    title = "Everything we know so far"
    link = f"https://{host}/everything-we-know-so-far/"
    replace(p, f'<figure class="wp-block-embed is-type-wp-embed is-provider-{slugify(site_name(sample))} '
               f'wp-block-embed-{slugify(site_name(sample))}"><div class="wp-block-embed__wrapper">'
               f'<blockquote class="wp-embedded-content" data-secret="{secret}"><a href="{link}">{title}</a>'
               f'</blockquote><iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" '
               f'title="&#8220;{title}&#8221; &#8212; {esc(site_name(sample))}" src="{link}embed/#?secret={secret}" '
               f'data-secret="{secret}" width="600" height="338" frameborder="0" scrolling="no"></iframe></div>'
               f'</figure>')
    return Mutated(tree.html, None)


@register(HOLDOUT17, NONE, """A designed title treatment (feature templates that set the headline
as artwork) whose image shipped with the uploader's default alt text: the <h1> holds only an
<img alt="Featured image">. <title> and og:title keep the title. The page shows no headline
text; no right extraction exists.""")
def headline_as_image_generic_alt(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    h = a.headline
    replace(h, f'<{h.tag}{_attrs(h)}><img class="title-art" src="https://{sample.host}/wp-content/uploads/2025/08/'
               f'title-art.png" alt="Featured image" width="1400" height="220"></{h.tag}>')
    _shown_elsewhere(tree.html, sample.expected["headline"])
    return Mutated(tree.html, None)


_ORIGINS = ("This story originally appeared on {p}. Read the full article there.",
            "This article was first published by {p}; the rest of it is on their site.",
            "Originally published at {p}. Continue reading at the source.")
_PARTNERS = ("The Northfield Courier", "Pixel Ledger", "Harbor Daily News")


@register(HOLDOUT17, NONE, """Syndicated copy under a licence that only allows an excerpt: the
partner's feed delivers the first two blocks of the story, followed by an origin line in
varied wording ("This story originally appeared on <partner>. Read the full article there.")
with a link. The rest of the article is not on the page; no right extraction exists.""")
def syndicated_excerpt_with_origin_line(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    blocks = required(a.blocks, "too few body blocks", at_least=4)
    rng = rng_for(sample, "syndicated_excerpt_with_origin_line")
    partner = rng.choice(_PARTNERS)
    line = rng.choice(_ORIGINS).format(p=f'<a href="https://www.{slugify(partner).replace("-", "")}.com/" '
                                         f'rel="noopener">{partner}</a>')
    insert(blocks[1], f'<p class="syndication-origin"><em>{line}</em></p>')
    for block in blocks[2:]:
        block.decompose()
    return Mutated(tree.html, None)


@register(HOLDOUT17, NONE, """A print-friendly view served at the article's URL (a print plugin's
rewrite rule that matched too broadly): the page is the print layout's first sheet, the
first third of the body, then "Page 1 of 3" and a "Next page ›" link. The rest of the body is
not on the page; no right extraction exists.""")
def print_view_first_page_only(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    blocks = required(a.blocks, "too few body blocks", at_least=4)
    keep = max(2, len(blocks) // 3)
    insert(blocks[keep - 1], f'<nav class="print-pager"><span>Page 1 of 3</span> <a href="{_attr(sample.url)}'
                             f'?print=1&amp;pg=2" rel="next">Next page ›</a></nav>')
    for block in blocks[keep:]:
        block.decompose()
    return Mutated(tree.html, None)


_UPDATE_TITLES = ("Update: servers are back online after a two-hour outage",
                  "Latest: the developer has responded to the criticism",
                  "Update 4:12 PM: more details from the livestream")


@register(HOLDOUT17, NONE, """A live-coverage template that writes its newest entry's title into
the page heading (live blogs promote the latest update): the <h1> reads that entry's title
("Update: servers are back online after a two-hour outage"), not the article's. <title> and
og:title keep the title. The page's headline is another text; no right extraction exists.""")
def headline_replaced_by_latest_update_title(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    h = a.headline
    title = rng_for(sample, "headline_replaced_by_latest_update_title").choice(_UPDATE_TITLES)
    _refill(h, esc(title))
    _shown_elsewhere(tree.html, sample.expected["headline"])
    return Mutated(tree.html, None)
