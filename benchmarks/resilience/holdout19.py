"""The nineteenth held-out set (sealed): template changes and incidents none of the earlier kinds covers.

Same contract as the other sets (a Sample in, a Mutated out, each kind labelled). Written blind:
by someone who did not read the checks (pressguard/verdict/, pressguard/extract/), from what
page builders (an Elementor post-info widget, a header placed after the text by a CSS grid,
separator and spacer blocks), design systems (icon-font ligatures, a Bootstrap subtitle inside
the <h1>, title artwork), legacy stacks (an ASP.NET WebForms form around the page, an XHTML
template, a file saved as UTF-16, a charset declared too late), URL and caching plugins
(root-relative links under <base>, an auto-refresh meta), a verdict-first review template, and
from what server and CDN faults (a REST response cached at the page's URL, chunk sizes leaked
into the body, a text/plain Content-Type), naive minifiers and importers (trimmed text nodes,
links turned into bare URLs, a first paragraph promoted to standfirst), template typos (an
unclosed <textarea>) and field mix-ups (title and standfirst swapped, block markup in the
excerpt, tags in the byline, publication and update dates swapped) do to article pages, not from
what the checks look at. Measured by the lead only, once, at the end of the session: the blind
figure for them. Keep it out of tuning: a check changed because one of these kinds failed turns
its figure into a tuning figure.
"""

from __future__ import annotations

import base64
import json
import re
from datetime import datetime, timezone

from anatomy import children, contains, esc, insert, parse, replace, slugify, squeeze, text_of
from base import NONE, RIGHT, Kind, Mutated, NotApplicable, Sample, published_at, register, required, rng_for, same
from holdout2 import _attrs, _inner, _refill
from holdout6 import _byline_box, _rewrite_byline
from holdout9 import MONTHS, _meta
from holdout11 import _EN_DATE
from holdout15 import _date_lines
from holdout17 import _map_text, _shown_elsewhere
from holdout18 import _before_body, _local_offset, _month, _post_id, _printed, _redate
from mutations import _attr, anatomy_of, reprint_jsonld_dates

HOLDOUT19: list[Kind] = []

_RAW = re.compile(r"(<(script|style|pre|textarea)\b.*?</\2\s*>)", re.S | re.I)


def _outside_raw(html: str, fn) -> str:
    """html with fn applied to every stretch outside <script>, <style>, <pre> and <textarea>
    (what a minifier or a serializer rewrites; their contents are left as they are)."""
    parts = _RAW.split(html)
    out = []
    i = 0
    while i < len(parts):
        out.append(fn(parts[i]))
        if i + 1 < len(parts):
            out.append(parts[i + 1])  # the raw element, untouched
        i += 3
    return "".join(out)


def _header_dates(tree, a, box=None) -> list:
    """The visible date lines before the body (the header's), outermost only, outside box."""
    dates = [n for n in _before_body(tree, a, _date_lines(a))
             if box is None or (not contains(box, n) and n.mem_id != box.mem_id)]
    return [n for n in dates if not any(o.mem_id != n.mem_id and contains(o, n) for o in dates)]


def _body_lost(html: str | bytes, sample: Sample) -> bool:
    """Whether some block of the right body is no longer the text of any element of the page
    (the kind's damage reached the article's text, not only tags or the page's chrome)."""
    text = html.decode("utf-8", errors="replace") if isinstance(html, bytes) else html
    tree = parse(text)
    if tree.body is None:
        return True
    for node in tree.css("script, style, textarea, noscript"):
        node.decompose()
    said = " ".join(tree.body.text(deep=True).split())
    return not all(" ".join(b.split()) in said for b in sample.expected["body"])


# ------------------------------------------------- a right extraction exists

@register(HOLDOUT19, RIGHT, """A mobile-first redesign built on a CSS grid that places the story's
header by grid area: in the HTML the header block (the section link, the <h1>, the standfirst,
the byline and the date line, with whatever sits beside them in the header) now comes after the
body, in a <div class="article__top" style="order:-1"> that the grid shows first. Readers see
the same page in the same order; nothing was reworded: the right fields are unchanged.""")
def article_header_after_body_in_source(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    parts = [n for n in (a.headline, a.dek, a.byline) if n is not None] + _header_dates(tree, a)
    outer = a.body.parent
    while outer is not None and not contains(outer, a.headline):
        outer = outer.parent
    if outer is None or outer.tag in ("body", "html"):
        raise NotApplicable("headline and body share no container below <body>")
    kids = children(outer)
    at = next(i for i, k in enumerate(kids) if k.mem_id == a.body.mem_id or contains(k, a.body))
    moved = [k for k in kids[:at] if any(k.mem_id == p.mem_id or contains(k, p) for p in parts)]
    if not moved or any(contains(m, a.body) for m in moved):
        raise NotApplicable("the header is not a sibling branch of the body")
    (slot,) = insert(kids[at], '<div class="article__top" style="order:-1;grid-area:top"></div>', "after")
    for node in moved:
        slot.insert_child(node, move=True)
    outer.attrs["style"] = "display:grid;grid-template-areas:'top' 'body'"
    return Mutated(tree.html, same(sample))


@register(HOLDOUT19, RIGHT, """A move to a page builder (Elementor Pro's single-post template)
whose "Post Info" widget replaces the theme's byline and date line: an inline icon list under
the title, <ul class="elementor-icon-list-items elementor-post-info">, one item per writer (an
icon and the linked name, no "By"), then the date ("August 10, 2025", a <time> with no datetime
attribute), the time ("10:03 am") and a comments item ("No Comments"), in the site's zone. Meta
and JSON-LD are unchanged. Same writers, same moment: the right fields are unchanged.""")
def elementor_post_info_icon_list(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    box = _byline_box(sample, a)
    local = published_at(sample).replace(tzinfo=None) + _local_offset(sample, a, tree)
    for node in _header_dates(tree, a, box):
        node.decompose()
    host = sample.host

    def item(kind: str, icon: str, inner: str, prop: str) -> str:
        return (f'<li class="elementor-icon-list-item elementor-repeater-item-{kind[:3]}{len(inner) % 97:02d}" '
                f'itemprop="{prop}"><span class="elementor-icon-list-icon"><i aria-hidden="true" class="fas '
                f'fa-{icon}"></i></span><span class="elementor-icon-list-text elementor-post-info__item '
                f'elementor-post-info__item--type-{kind}">{inner}</span></li>')
    items = [item("author", "user-circle", f'<a href="https://{host}/author/{slugify(n)}/">{esc(n)}</a>', "author")
             for n in sample.expected["authors"]]
    items.append(item("date", "calendar", f"<time>{MONTHS[local.month - 1]} {local.day}, {local.year}</time>",
                      "datePublished"))
    items.append(item("time", "clock", f"<time>{local.hour % 12 or 12}:{local.minute:02d} "
                                       f"{'am' if local.hour < 12 else 'pm'}</time>", "dateCreated"))
    items.append(item("comments", "comment-dots", f'<a href="{_attr(sample.url)}#respond">No Comments</a>',
                      "commentCount"))
    replace(box, '<div class="elementor-element elementor-widget elementor-widget-post-info" data-widget_type='
                 '"post-info.default"><div class="elementor-widget-container"><ul class="elementor-inline-items '
                 f'elementor-icon-list-items elementor-post-info">{"".join(items)}</ul></div></div>')
    return Mutated(tree.html, same(sample))


def _icon(name: str) -> str:
    return f'<span class="material-symbols-outlined" aria-hidden="true" translate="no">{name}</span>'


@register(HOLDOUT19, RIGHT, """A design-system rollout that uses Google's Material Symbols icon
font, whose icons are ligatures: the icon is written as its name in the markup and the font
draws it as a glyph. The byline box starts with <span class="material-symbols-outlined"
aria-hidden="true">person</span>, every header date line with "schedule", and a row of icon
buttons ("bookmark", "share") follows the byline. Readers see icons, not the words: the right
fields are unchanged.""")
def material_symbol_ligatures_in_meta(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    done = 0
    for node in _header_dates(tree, a, a.byline):
        insert(node, _icon("schedule") + " ", "prepend")
        done += 1
    if a.byline is not None and sample.expected["authors"]:
        insert(a.byline, _icon("person") + " ", "prepend")
        insert(a.byline, f'<div class="article-actions"><button type="button" aria-label="Save">{_icon("bookmark")}'
                         f'</button><button type="button" aria-label="Share">{_icon("share")}</button></div>', "after")
        done += 1
    if not done:
        raise NotApplicable("no byline and no date line in the header")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT19, RIGHT, """A header rebuilt on Bootstrap's page-header pattern: the standfirst
is printed inside the <h1> as its secondary text, <h1>Title <small class="text-body-secondary
subtitle">Standfirst</small></h1>, shown on its own line in a smaller, lighter type; the old
standfirst element is gone. og:title, <title> and the meta description are unchanged. The reader
sees the title and under it the standfirst: the right fields are unchanged.""")
def headline_small_subtitle_in_h1(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None or a.dek is None or contains(a.dek, a.headline) or contains(a.headline, a.dek):
        raise NotApplicable("no headline and separate dek element")
    dek = esc(text_of(a.dek))
    h = a.headline
    a.dek.decompose()
    replace(h, f'<{h.tag}{_attrs(h)}>{_inner(h)} <small class="text-body-secondary subtitle" '
               f'style="display:block">{dek}</small></{h.tag}>')
    return Mutated(tree.html, same(sample))


@register(HOLDOUT19, RIGHT, """A feature template that sets the title as artwork (a lettered SVG
made by the design desk) with the title as its alt text, as accessibility rules require: the
<h1> holds only <img class="title-art" src=".../<slug>-title.svg" alt="<the title>">. <title>
and og:title are unchanged. The heading's text, as any screen reader reads it, is the title:
the right fields are unchanged.""")
def headline_as_svg_image_with_alt(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    h = a.headline
    art = f"https://{sample.host}/wp-content/uploads/2025/08/{slugify(sample.expected['headline'])[:60]}-title.svg"
    replace(h, f'<{h.tag}{_attrs(h)}><img class="title-art" src="{art}" alt="{_attr(sample.expected["headline"])}" '
               f'width="960" height="180" decoding="async"></{h.tag}>')
    return Mutated(tree.html, same(sample))


@register(HOLDOUT19, RIGHT, """A template saved as "Unicode" by a Windows editor and served from an
IIS front end: the page is UTF-16 (little-endian, with its byte-order mark) and the response
says Content-Type: text/html; charset=utf-16, while the markup keeps its old <meta
charset="UTF-8">. Browsers decode by the byte-order mark, which wins over the header and the
meta, so the page reads correctly: the right fields are unchanged.""")
def served_as_utf16_with_bom(sample: Sample) -> Mutated:
    return Mutated(b"\xff\xfe" + sample.html.encode("utf-16-le"), same(sample), "text/html; charset=utf-16")


_PRELOADS = ("wp-content/themes/theme/assets/fonts/inter-var.woff2", "wp-content/themes/theme/assets/fonts/"
             "source-serif-4-var.woff2", "wp-content/themes/theme/assets/css/critical.min.css",
             "wp-content/themes/theme/assets/js/app.min.js", "wp-content/uploads/2025/08/hero-1200.avif")


@register(HOLDOUT19, RIGHT, """A performance plugin that writes its preload hints at the very top
of <head> (a comment with its version, dns-prefetch and preconnect links to nine ad and font
hosts, preloads of fonts, the critical CSS and the hero image), pushing <meta charset="UTF-8">
past the first 1024 bytes, while the server's Content-Type says only "text/html" with no
charset. The prescan misses the meta, but the parser meets it and switches to UTF-8 (browsers
reload as UTF-8 at once): the page reads correctly, and the right fields are unchanged.""")
def meta_charset_after_first_1024_bytes(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if tree.head is None:
        raise NotApplicable("no <head>")
    for m in tree.css("meta"):
        if "charset" in m.attributes or (m.attributes.get("http-equiv") or "").lower() == "content-type":
            m.decompose()
    host = sample.host
    hosts = ("fonts.gstatic.com", "securepubads.g.doubleclick.net", "c.amazon-adsystem.com", "cdn.jwplayer.com",
             "www.googletagmanager.com", "static.criteo.net", "ib.adnxs.com", "fastlane.rubiconproject.com",
             "cdn.cookielaw.org")
    hints = "".join(f'<link rel="dns-prefetch" href="//{h}"><link rel="preconnect" href="https://{h}" crossorigin>'
                    for h in hosts)
    hints += "".join(f'<link rel="preload" href="https://{host}/{p}" as="{_as(p)}"'
                     f'{" crossorigin" if p.endswith("woff2") else ""}>' for p in _PRELOADS)
    insert(tree.head, f"<!-- Optimized by Perfmatters 2.3.4: preload and preconnect hints -->{hints}"
                      '<meta charset="UTF-8">', "prepend")
    html = tree.html
    if len(html[:html.lower().index("<meta charset")].encode("utf-8")) <= 1024:
        raise NotApplicable("the charset meta still sits within the first 1024 bytes")
    return Mutated(html, same(sample), "text/html")


def _as(path: str) -> str:
    return {"woff2": "font", "css": "style", "js": "script"}.get(path.rsplit(".", 1)[-1], "image")


@register(HOLDOUT19, RIGHT, """A move to an ASP.NET WebForms CMS: everything inside <body> sits in
one <form method="post" id="aspnetForm"> (the framework's page form, so any inner form tags are
dropped), which opens with hidden __VIEWSTATE (a few kilobytes of base64), __VIEWSTATEGENERATOR
and __EVENTVALIDATION inputs and the WebResource.axd and ScriptResource.axd scripts, and the
body container gets a generated id (ctl00_MainContent_ArticleBody). Nothing the reader sees
changes: the right fields are unchanged.""")
def aspnet_webforms_form_wrapper(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if tree.body is None:
        raise NotApplicable("no <body>")
    rng = rng_for(sample, "aspnet_webforms_form_wrapper")
    state = base64.b64encode(bytes(rng.randrange(256) for _ in range(3600))).decode()
    valid = base64.b64encode(bytes(rng.randrange(256) for _ in range(240))).decode()
    kids = list(tree.body.iter(include_text=True))
    slug = sample.url.rstrip("/").rsplit("/", 1)[-1]
    (form,) = insert(tree.body, f'<form method="post" action="./{_attr(slug)}" id="aspnetForm"></form>', "prepend")
    for kid in kids:
        form.insert_child(kid, move=True)
    insert(form, f'<div class="aspNetHidden"><input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="">'
                 f'<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value=""><input type="hidden" '
                 f'name="__VIEWSTATE" id="__VIEWSTATE" value="{state}"></div><script src="/WebResource.axd?d=pynGkm'
                 f'cFUV13He1Qd6_TZA2&amp;t=638459201234567890" type="text/javascript"></script><script src="/Script'
                 f'Resource.axd?d=NJmAwtEo3Ipnlaxl6CMhvg2&amp;t=ffffffffb201fd3f" type="text/javascript"></script>'
                 f'<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR"'
                 f' value="CA0B0334"><input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" '
                 f'value="{valid}"></div>', "prepend")
    if "id" not in a.body.attributes:
        a.body.attrs["id"] = "ctl00_MainContent_ArticleBody"
    return Mutated(tree.html, same(sample))


_VOID = re.compile(r"<(br|img|meta|link|hr|input|source|wbr)\b([^<>]*?)\s*/?>", re.I)


@register(HOLDOUT19, RIGHT, """A theme from the XHTML era brought back in a redesign: the page
starts with an XML declaration (<?xml version="1.0" encoding="UTF-8"?>) and the XHTML 1.0
Transitional doctype, <html> carries xmlns and xml:lang, and every void element is written
self-closed (<br />, <img ... />, <meta ... />). It is still served as text/html, so browsers
parse it as HTML (the declaration is a bogus comment): the right fields are unchanged.""")
def xhtml_transitional_prolog(sample: Sample) -> Mutated:
    html = sample.html
    doctype = re.match(r"\s*<!DOCTYPE[^>]*>", html, re.I)
    if doctype is None:
        raise NotApplicable("no doctype")
    html = html[doctype.end():]
    m = re.search(r"<html\b([^>]*)>", html, re.I)
    if m is None:
        raise NotApplicable("no <html> tag")
    lang = re.search(r'\blang="([^"]*)"', m.group(1))
    extra = ' xmlns="http://www.w3.org/1999/xhtml"' + (f' xml:lang="{lang.group(1)}"' if lang else "")
    html = html[:m.start()] + f"<html{extra}{m.group(1)}>" + html[m.end():]
    html = _outside_raw(html, lambda part: _VOID.sub(lambda v: f"<{v.group(1)}{v.group(2)} />", part))
    prolog = ('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
              '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">')
    return Mutated(prolog + html, same(sample))


@register(HOLDOUT19, RIGHT, """A "relative URLs" plugin (switched on for a staging-to-production
workflow): every link, image and script address on the site's own host loses its scheme and
host (href="/news/", src="/wp-content/uploads/..."), the canonical link included, and a <base
href="https://<host>/"> opens <head>. Addresses on other hosts are unchanged. Nothing the reader
sees changes: the right fields are unchanged.""")
def relative_urls_with_base_href(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if tree.head is None:
        raise NotApplicable("no <head>")
    prefixes = (f"https://{sample.host}", f"http://{sample.host}")
    done = 0
    for node in tree.css("a[href], link[href], img[src], script[src], iframe[src], source[src]"):
        for key in ("href", "src"):
            value = node.attributes.get(key)
            if value and value.startswith(prefixes):
                rest = value.split("/", 3)[3] if value.count("/") >= 3 else ""
                node.attrs[key] = "/" + rest
                done += 1
    if not done:
        raise NotApplicable("no address on the site's own host")
    insert(tree.head, f'<base href="https://{sample.host}/">', "prepend")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT19, RIGHT, """Auto-refresh switched on for article pages (news sites refresh
stories every few minutes so that readers left on a page see updates and ads re-render):
<meta http-equiv="refresh" content="300"> in <head>, with no URL, so the page reloads itself
after five minutes, and a small script that pauses it while the reader scrolls. The page is the
article: the right fields are unchanged.""")
def auto_refresh_meta_every_five_minutes(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if tree.head is None:
        raise NotApplicable("no <head>")
    charset = next((m for m in tree.css("meta") if "charset" in m.attributes), None)
    tag = '<meta http-equiv="refresh" content="300">'
    if charset is not None:
        insert(charset, tag, "after")
    else:
        insert(tree.head, tag, "prepend")
    insert(tree.head, "<script>window.addEventListener('scroll',function(){window.__refreshPaused=Date.now()},"
                      "{passive:true});</script>", "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT19, RIGHT, """A "verdict first" redesign of the review template (as review sites
now lead with the score): the review summary card (the game's name, the summary line, the star
and number ratings, "Pros" and "Cons" lists, "Reviewed on ...") moves from the end of the text
to the top of the body container, above the first paragraph. The card is the template's
summary, not the review's text, and every paragraph keeps its place: the right fields are
unchanged.""")
def review_summary_card_moved_first(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    card = next((k for k in children(a.body)
                 if any(text_of(h) == "Pros" for h in k.css("h2, h3, h4, h5, strong"))
                 and not any(b.mem_id == k.mem_id or contains(k, b) for b in a.blocks)), None)
    if card is None:
        raise NotApplicable("no review summary card in the body")
    first = children(a.body)[0]
    if first.mem_id == card.mem_id:
        raise NotApplicable("the card already opens the body")
    first.insert_before(card)
    return Mutated(tree.html, same(sample))


@register(HOLDOUT19, RIGHT, """Separator and spacer blocks added by an editor's new house style
(the block editor's core/separator and core/spacer): a wide <hr class="wp-block-separator"> before
every subheading of the body, a 32-pixel <div class="wp-block-spacer" aria-hidden="true"> after
the first block, and a dotted separator (<hr class="wp-block-separator is-style-dots">, drawn as
three dots) before the last block. Only rules and blank space are added inside the text: the
right fields are unchanged.""")
def separator_and_spacer_blocks(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    blocks = required(a.blocks, "too few body blocks", at_least=3)
    for b in blocks[1:]:
        if b.tag in ("h2", "h3", "h4"):
            insert(b, '<hr class="wp-block-separator has-alpha-channel-opacity is-style-wide">', "before")
    insert(blocks[0], '<div style="height:32px" aria-hidden="true" class="wp-block-spacer"></div>', "after")
    insert(blocks[-1], '<hr class="wp-block-separator has-alpha-channel-opacity is-style-dots">', "before")
    return Mutated(tree.html, same(sample))


# ------------------------------------------------- no right extraction exists

@register(HOLDOUT19, NONE, """A CDN cache that ignores the Accept header (no "Vary: Accept"), after a
headless app fetched the post from the same URL asking for JSON: the article's URL answers with
the WordPress REST API's JSON for the post (Content-Type: application/json), id, dates, slug,
title.rendered, content.rendered (the body's HTML as an escaped string), excerpt.rendered, a
numeric author id and _links. A browser shows the JSON text; the page is not the article page,
and no writer's name is in it. No right extraction exists.""")
def rest_api_json_cached_at_url(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    pid = int(_post_id(sample))
    when = published_at(sample)
    local = when.replace(tzinfo=None) + _local_offset(sample, a, tree)
    host = sample.host
    slug = sample.url.rstrip("/").rsplit("/", 1)[-1]
    rng = rng_for(sample, "rest_api_json_cached_at_url")
    texturize = lambda t: esc(t).replace("’", "&#8217;").replace("–", "&#8211;")  # noqa: E731
    post = {"id": pid, "date": local.isoformat(), "date_gmt": when.replace(tzinfo=None).isoformat(),
            "guid": {"rendered": f"https://{host}/?p={pid}"}, "modified": local.isoformat(),
            "modified_gmt": when.replace(tzinfo=None).isoformat(), "slug": slug, "status": "publish",
            "type": "post", "link": sample.url, "title": {"rendered": texturize(sample.expected["headline"])},
            "content": {"rendered": _inner(a.body), "protected": False},
            "excerpt": {"rendered": f"<p>{texturize(sample.expected['dek'] or '')}</p>\n", "protected": False},
            "author": rng.randrange(40, 900), "featured_media": pid + 1, "comment_status": "open",
            "ping_status": "closed", "sticky": False, "template": "", "format": "standard", "meta": {"footnotes": ""},
            "categories": [rng.randrange(2, 60)], "tags": sorted(rng.sample(range(100, 4000), 3)),
            "_links": {"self": [{"href": f"https://{host}/wp-json/wp/v2/posts/{pid}"}],
                       "collection": [{"href": f"https://{host}/wp-json/wp/v2/posts"}]}}
    # PHP's json_encode escapes slashes by default, as the REST API's responses show
    body = json.dumps(post, ensure_ascii=False, separators=(",", ":")).replace("/", "\\/")
    return Mutated(body, None, "application/json; charset=UTF-8")


@register(HOLDOUT19, NONE, """A proxy that chunk-encodes a response it had already received chunked
(a misconfigured "Transfer-Encoding: chunked" passed through twice): the page the client
decodes still carries the inner chunk framing, a hexadecimal size line ("1000") and CRLFs every
4096 bytes, wherever the boundary falls: inside tags, inside words of the article's paragraphs,
in the middle of a multibyte character (shown as replacement characters), and "0" at the end.
The article's text as served is broken where the boundaries cut it; no right extraction
exists.""")
def chunked_encoding_sizes_leaked(sample: Sample) -> Mutated:
    raw = sample.html.encode("utf-8")
    size = 4096
    out = bytearray()
    for at in range(0, len(raw), size):
        chunk = raw[at:at + size]
        out += f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    out += b"0\r\n\r\n"
    if not _body_lost(bytes(out), sample):
        raise NotApplicable("no chunk boundary falls inside the article's text")
    return Mutated(bytes(out), None)


@register(HOLDOUT19, NONE, """A share bar added between the byline and the text with an "Embed this
story" box whose template has a typo in the closing tag (</texarea>): the <textarea> never
closes, so the browser reads everything after it, up to the next </textarea> on the page (the
comment form's) or the end, as the box's text: the article body shows as HTML source inside a
small text box, and nothing of it renders as text. No right extraction exists.""")
def unclosed_textarea_in_share_bar(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    host, pid = sample.host, _post_id(sample)
    insert(a.body, "<textarea-typo-slot></textarea-typo-slot>", "before")
    bar = (f'<div class="share-embed"><label for="embed-code-{pid}">Embed this story</label><textarea '
           f'id="embed-code-{pid}" readonly rows="2">&lt;iframe src="https://{host}/embed/{pid}/" width="600" '
           f'height="400" frameborder="0"&gt;&lt;/iframe&gt;</texarea></div>')
    html = tree.html.replace("<textarea-typo-slot></textarea-typo-slot>", bar)
    if not _body_lost(html, sample):
        raise NotApplicable("the body still renders as text")
    return Mutated(html, None)


@register(HOLDOUT19, NONE, """A migration that imported posts from the newsletter service's
plain-text archive (the HTML part was not exported): every link's words were replaced by its
address in the plain text, and WordPress's make_clickable turned each address back into a link
on import, so the body's sentences read "... a vocal group has asked https://<host>/tag/... for
more time" where the linked words stood. The linked words are nowhere in the text; no right
extraction exists.""")
def link_text_replaced_by_url(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    done = 0
    for block in a.blocks:
        links = [l for l in block.css("a[href]") if squeeze(text_of(l))]
        if not links:
            continue
        for link in links:
            href = link.attributes.get("href") or ""
            replace(link, f'<a href="{_attr(href)}" rel="nofollow">{esc(href)}</a>')
            done += 1
    if not done:
        raise NotApplicable("no link in the body's text")
    return Mutated(tree.html, None)


@register(HOLDOUT19, NONE, """A header template update that maps the fields the wrong way round:
the <h1> prints the post's excerpt and the standfirst slot under it prints the title. <title>,
og:title and the JSON-LD headline still carry the title, the meta description the excerpt. The
page's headline is the standfirst's sentence and the title is shown as a standfirst: neither
field is shown as itself. No right extraction exists.""")
def headline_and_dek_swapped(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None or a.dek is None or contains(a.dek, a.headline) or contains(a.headline, a.dek):
        raise NotApplicable("no headline and separate dek element")
    h, d = a.headline, a.dek
    title, dek = esc(sample.expected["headline"]), esc(sample.expected["dek"])
    _refill(d, title)
    _refill(h, dek)
    return Mutated(tree.html, None)


@register(HOLDOUT19, NONE, """A migration that filled the posts' excerpt field with the block
editor's serialized markup (the first paragraph block, comments and all), with a theme that
escapes the excerpt: the standfirst reads, as text, "<!-- wp:paragraph --> <p>The studio
confirmed ...</p> <!-- /wp:paragraph -->". The meta description (stripped by the SEO plugin)
keeps the words. The standfirst as shown is markup, not the article's standfirst; no right
extraction exists.""")
def dek_block_markup_printed(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.dek is None:
        raise NotApplicable("no dek on the page")
    d = a.dek
    shown = esc(f"<!-- wp:paragraph -->\n<p>{sample.expected['dek']}</p>\n<!-- /wp:paragraph -->")
    _refill(d, shown)
    return Mutated(tree.html, None)


@register(HOLDOUT19, NONE, """A theme option switched on site-wide in an update ("use the first
paragraph as the standfirst", as magazine themes offer it for posts without an excerpt, applied
to every post): the standfirst slot under the headline prints the body's first paragraph in
large type, and the body starts at its second paragraph. The post's own standfirst is no longer
on the page (the meta description still has it); no right extraction exists.""")
def first_paragraph_promoted_to_standfirst(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.dek is None or contains(a.body, a.dek):
        raise NotApplicable("no dek on the page")
    first = next((b for b in a.blocks if b.tag == "p"), None)
    if first is None or first.mem_id != a.blocks[0].mem_id or len(a.blocks) < 2:
        raise NotApplicable("the body does not open with a paragraph")
    d = a.dek
    replace(d, f'<{d.tag}{_attrs(d)} data-standfirst="first-paragraph">{_inner(first)}</{d.tag}>')
    first.decompose()
    _shown_elsewhere(tree.html, sample.expected["dek"])
    return Mutated(tree.html, None)


@register(HOLDOUT19, NONE, """A server whose MIME mapping lost its HTML entry (an nginx
"default_type text/plain" reached after a config refactor dropped the include of mime.types for
the pretty-permalink location): the page's bytes are unchanged but the response says
Content-Type: text/plain; charset=UTF-8, and browsers do not sniff a text/plain answer as HTML:
readers see the page's source code as plain text. The article is not rendered; no right
extraction exists.""")
def served_as_text_plain(sample: Sample) -> Mutated:
    return Mutated(sample.html, None, "text/plain; charset=UTF-8")


def _trim_text_nodes(part: str) -> str:
    return re.sub(r">([^<]+)<", lambda m: ">" + m.group(1).strip() + "<", part)


@register(HOLDOUT19, NONE, """A naive HTML minifier added to the theme's output buffer (a "minify
HTML" snippet that trims every text node): the whitespace at the edges of every run of text
between two tags is removed, so words run into the links and emphasis around them ("Not
everyoneis convinced, anda vocal group", "ByBen Ashby"). Unlike a careful minifier, it does not
keep one space between inline elements. Sentences of the article read with glued words; no
right extraction exists.""")
def minifier_trims_every_text_node(sample: Sample) -> Mutated:
    html = _outside_raw(sample.html, _trim_text_nodes)
    if not _body_lost(html, sample):
        raise NotApplicable("no inline element inside the body's text")
    return Mutated(html, None)


_UNSAFE = re.compile(r"ass|hell|tit|damn|crap|kill|die|sex|war|gun|shot|dead|anal|drug", re.I)


def _masked(text: str) -> str:
    return _UNSAFE.sub(lambda m: m.group(0)[0] + "*" * (len(m.group(0)) - 1), text)


@register(HOLDOUT19, NONE, """An ad partner's "brand safety" edge worker (it masks unsafe words in
the served HTML so that the page classifies as safe for advertisers) that matches its word list
inside words, the Scunthorpe problem: every "ass", "war", "anal", "tit", "die", "shot",
"dead", "gun", "hell" (and the like) in the page's text is starred after its first letter
("battle pa**", "rew**ding", "A***yst", "subt**le", "screens***", "sh***"), in the headline, the
standfirst, the byline and the body, but not in <head> or attributes. The article's words are
not on the page as written; no right extraction exists.""")
def brand_safety_masks_word_parts(sample: Sample) -> Mutated:
    html = sample.html
    at = re.search(r"<body\b", html, re.I)
    if at is None:
        raise NotApplicable("no <body>")
    html = html[:at.start()] + _outside_raw(html[at.start():], lambda part: _map_text(part, _masked))
    if not _body_lost(html, sample):
        raise NotApplicable("no listed word inside the article's text")
    return Mutated(html, None)


_PLATFORMS = ("PlayStation 5", "Xbox Series X|S", "Nintendo Switch 2", "Nintendo Switch", "PC", "Netflix",
              "Steam Deck")


@register(HOLDOUT19, NONE, """A taxonomy mix-up after a co-authors plugin was replaced: the byline
template lists the terms of the wrong taxonomy (the post's tags instead of its author terms), so
it reads "By <section>, <platform> and <platform>", each linked to /tag/<slug>/ with rel="tag".
Meta and JSON-LD keep the writers. The byline names no person who wrote the piece; no right
extraction exists.""")
def byline_taxonomy_shows_post_tags(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    section = next((m.attributes.get("content") for m in _meta(tree, "article:section")), None) or "News"
    body = " ".join(sample.expected["body"])
    tags = [section] + [p for p in _PLATFORMS if p in body and p != section]
    if ":" in sample.expected["headline"]:
        tags.insert(1, sample.expected["headline"].split(":")[0].strip("“”\" "))
    tags = list(dict.fromkeys(tags))[:3]
    host = sample.host
    links = [f'<a href="https://{host}/tag/{slugify(t)}/" rel="tag">{esc(t)}</a>' for t in tags]
    names = links[0] if len(links) == 1 else ", ".join(links[:-1]) + " and " + links[-1]
    _rewrite_byline(a, f'<span class="byline__label">By</span> {names}')
    return Mutated(tree.html, None)


def _moment(value: str) -> datetime | None:
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


@register(HOLDOUT19, NONE, """An import script that mapped the old CMS's date columns the wrong
way round (post_date from last_modified, post_modified from first_published): the page
states the last update as the publication and the publication as the update, in the header's
"Published" and "Updated" lines (their <time> and data-datetime too), article:published_time
and article:modified_time, and the JSON-LD datePublished and dateModified. The page says the
article was published when it was last edited; no right extraction exists.""")
def published_and_modified_swapped(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    published = published_at(sample)
    modified = next((_moment(m.attributes.get("content") or "") for m in _meta(tree, "article:modified_time")), None)
    if modified is None or abs((modified - published).total_seconds()) < 60:
        raise NotApplicable("no last update apart from the publication")
    offset = _local_offset(sample, a, tree)
    swap = {published: modified, modified: published}

    def other(value: str) -> str:
        when = _moment(value)
        if when is None or when not in swap:
            return value
        return swap[when].astimezone(when.tzinfo).isoformat()

    done = 0
    for node in _header_dates(tree, a):
        said = text_of(node)
        m = _EN_DATE.search(said)
        printed = None
        if m is not None and m["hour"]:
            hour = int(m["hour"]) % 12 + (12 if m["half"].lower() == "p" else 0)
            local = datetime(int(m["year"]), _month(m["month"]), int(m["day"]), hour, int(m["minute"]))
            utc = (local - offset).replace(tzinfo=timezone.utc)
            target = next((swap[k] for k in swap if abs((k - utc).total_seconds()) < 60), None)
            if target is not None:
                printed = said[:m.start()] + _printed(m, target.replace(tzinfo=None) + offset) + said[m.end():]
        iso = next((v for k, v in node.attributes.items() if k in ("datetime", "data-datetime") and v
                    and _moment(v) is not None), None)
        if printed is None and iso is None:
            continue
        _redate(node, printed, other(iso) if iso else "")
        done += 1
    for meta in _meta(tree, "article:published_time", "article:modified_time", "og:updated_time"):
        meta.attrs["content"] = other(meta.attributes.get("content") or "")
    reprint_jsonld_dates(tree, other, ("datePublished", "dateModified"))
    if not done:
        raise NotApplicable("no header date line to swap")
    return Mutated(tree.html, None)
