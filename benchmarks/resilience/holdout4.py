"""The fourth held-out set: template changes and CMS/CDN incidents none of the first 84 kinds covers.

Same contract as the other sets (a Sample in, a Mutated out, each kind labelled). Written
before the fixes for holdout3's silent kinds and run once before any of them: that first
measurement is recorded untouched in README.md. Keep it out of tuning: a check changed
because one of these kinds failed turns its figure into a tuning figure.
"""

from __future__ import annotations

import json
import re

from anatomy import children, insert, paragraphs, squeeze, text_of
from base import NONE, RIGHT, Kind, Mutated, NotApplicable, Sample, register, required, rng_for, same
from holdout2 import _attrs, _inner, _p_attrs, _scope
from mutations import anatomy_of, content_children, edit_jsonld, rewrite_text, site_name, walk_json

HOLDOUT4: list[Kind] = []


# ------------------------------------------------- a right extraction exists

@register(HOLDOUT4, RIGHT, """A print stylesheet's companion: the whole article body copied once
more into a <div class="print-version" hidden> at the end of <body> (outside the article),
which only the print view shows. The article is unchanged; the right body is its paragraphs
once.""")
def print_version_duplicate(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    copy = "".join(c.html for c in content_children(a.body))
    insert(tree.body, f'<div class="print-version" hidden aria-hidden="true">'
                      f'<h1>{sample.expected["headline"]}</h1>{copy}</div>', "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT4, RIGHT, """A rich-text field rendered by an old editor: all the body's prose
paragraphs become <span>s inside ONE <p>, separated by <br><br>. The reader sees the same
paragraphs, so the right body is every paragraph (each span one paragraph).""")
def paragraphs_as_br_spans(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    paras = required(paragraphs(a), "fewer than two paragraphs", at_least=2)
    # only a run of consecutive paragraphs is merged (headings keep their place)
    kids = children(a.body)
    start = kids.index(paras[0])
    run = []
    for node in kids[start:]:
        if node.tag != "p":
            break
        run.append(node)
    if len(run) < 2:
        raise NotApplicable("no two consecutive paragraphs")
    merged = "<br><br>".join(f"<span>{_inner(p)}</span>" for p in run)
    insert(run[0], f"<p{_attrs(run[0])}>{merged}</p>", "before")
    for p in run:
        p.decompose()
    return Mutated(tree.html, same(sample))


@register(HOLDOUT4, RIGHT, """A syndicated copy: the story comes from a wire partner, so the byline
names the partner's writer ("By Dana Whitfield, Northwind Wire"), a "This story originally
appeared on Northwind Wire" note follows the body, and JSON-LD and meta author say the same.
The page says who wrote it: the right authors are the partner's writer.""")
def syndicated_partner_byline(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if not a.author_nodes or not sample.expected["authors"]:
        raise NotApplicable("no byline (a staff piece)")
    names = sample.expected["authors"]
    partner = "Dana Whitfield"
    first, rest = a.author_nodes[0], a.author_nodes[1:]
    rewrite_text(first, lambda t: t.replace(names[0], partner))
    for node in rest:
        node.decompose()
    if a.byline is not None:
        insert(a.byline, '<span class="syndication-source">, Northwind Wire</span>', "append")
    for link in tree.css('a[href*="/author/"]'):
        link.attrs["href"] = re.sub(r"/author/[^/]+/", "/author/dana-whitfield/", link.attributes.get("href") or "")
    for meta in tree.css('meta[name="author"]'):
        meta.attrs["content"] = partner

    def fix(d):
        if d.get("@type") == "Person" and isinstance(d.get("name"), str) and d["name"] in names:
            d["name"] = partner
            d.pop("url", None)
        # an author given as a plain name (or names) rather than a Person
        if isinstance(d.get("author"), str) and any(n in d["author"] for n in names):
            d["author"] = partner  # "A" or "A, B": the page's writers as one string
        elif isinstance(d.get("author"), list) and any(isinstance(x, str) and x in names for x in d["author"]):
            d["author"] = [partner]
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))
    insert(a.body, '<p class="syndication-note"><em>This story originally appeared on '
                   '<a href="https://northwindwire.example/">Northwind Wire</a>.</em></p>', "after")
    return Mutated(tree.html, same(sample, authors=[partner]))


@register(HOLDOUT4, RIGHT, """An SEO plugin update escapes the JSON-LD strings twice: apostrophes,
dashes and emoji in the JSON-LD headline and description read "&amp;#8217;", "&amp;#x1F3AE;".
Only the metadata is wrong; the visible page is unchanged, so the right fields are
unchanged.""")
def jsonld_entities_double_escaped(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)

    def esc(text: str) -> str:
        out = text.replace("'", "&amp;#8217;").replace("\u2019", "&amp;#8217;").replace("\u2013", "&amp;#8211;")
        out = out.replace(" ", " &amp;#x1F3AE; ", 1) if "&amp;" not in out else out
        return out

    def fix(d):
        for key in ("headline", "name", "description", "alternativeHeadline"):
            if isinstance(d.get(key), str) and d.get("@type") not in ("Person", "Organization"):
                d[key] = esc(d[key])
    if not edit_jsonld(tree, lambda obj: walk_json(obj, fix)):
        raise NotApplicable("no JSON-LD")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT4, RIGHT, """A magazine-style drop cap: the first letter of the first paragraph in
<span class="dropcap">T</span> followed by the rest of the word, as print
redesigns do. Readers see the same words; the right body is unchanged.""")
def drop_cap_first_letter(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    paras = required(paragraphs(a), "no paragraph")
    p = paras[0]
    inner = _inner(p)
    m = required(re.match(r"([A-Za-z])", inner), "the first paragraph does not start with a letter")
    insert(p, f'<p{_attrs(p)}><span class="dropcap">{m.group(1)}</span>{inner[1:]}</p>', "before")
    p.decompose()
    return Mutated(tree.html, same(sample))


@register(HOLDOUT4, RIGHT, """A sticky reading bar: a header strip repeating the headline (in a
<div class="sticky-title">) with share buttons and a progress bar, placed at the top of
<body> above the site header. The article is unchanged.""")
def sticky_title_bar(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    insert(tree.body, f'<div class="reading-bar" role="banner"><div class="sticky-title">'
                      f'{sample.expected["headline"]}</div><div class="reading-bar__share">'
                      f'<button type="button">Share</button><button type="button">Copy link'
                      f'</button></div><progress class="reading-bar__progress" max="100" '
                      f'value="0"></progress></div>', "prepend")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT4, RIGHT, """A move to React server rendering: adjacent text nodes are separated
by the hydration marker <!-- --> inside headline, dek and paragraphs ("sentence. <!-- -->Next"),
as ReactDOMServer writes them. Readers see the same text; the right fields are unchanged.""")
def react_hydration_comments(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    page = tree.html
    changed = 0
    for node in [a.headline, a.dek, *a.blocks]:
        if node is None or node.tag not in ("p", "h1", "h2", "h3", "div"):
            continue
        html = node.html
        # only in text between tags, never inside a tag's attributes
        parts = re.split(r"(<[^>]*>)", html)
        done = 0
        for i, part in enumerate(parts):
            if part.startswith("<") or done >= 2:
                continue
            parts[i], n = re.subn(r"(\w[.,:]?) (\w)", r"\1 <!-- -->\2", part, count=2 - done)
            done += n
        new = "".join(parts)
        if new != html and html in page:
            page = page.replace(html, new, 1)
            changed += 1
    if not changed:
        raise NotApplicable("no text to split")
    return Mutated(page, same(sample))


@register(HOLDOUT4, RIGHT, """A typography plugin (French-style spacing rules applied site-wide)
writes non-breaking spaces (U+00A0) after short words and before colons, question and
exclamation marks in the headline and body. Readers see the same words; the right fields
are unchanged (a non-breaking space is a space).""")
def nbsp_typography(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)

    def nbsp(text: str) -> str:
        out = re.sub(r"\b(a|an|the|of|to|in|on|at|by|is|it|and) ", "\\1\u00a0", text)
        return re.sub(r" ([:?!])", "\u00a0\\1", out)
    for node in [a.headline, *a.blocks]:
        if node is not None:
            rewrite_text(node, nbsp)
    return Mutated(tree.html, same(sample))


@register(HOLDOUT4, RIGHT, """A wire-style dateline moves into the headline element: <h1><span
class="dateline">LOS ANGELES —</span> Headline</h1>. The dateline is its own marked-up span;
the story's title is unchanged, and is the right headline.""")
def dateline_in_headline(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    h = a.headline
    if h is None:
        raise NotApplicable("no headline element")
    insert(h, f'<{h.tag}{_attrs(h)}><span class="dateline">LOS ANGELES \u2014</span> {_inner(h)}'
              f'</{h.tag}>', "before")
    h.decompose()
    return Mutated(tree.html, same(sample))


# ------------------------------------------------- no right extraction exists

def _initials(name: str) -> str:
    return "".join(part[0].upper() + "." for part in name.split() if part[:1].isalpha())


@register(HOLDOUT4, NONE, """A privacy setting turned on site-wide shows bylines as initials only
("By J.S."), in the byline, the meta author and the JSON-LD author. The page no longer names
a person who wrote it: broken, naming authors.""")
def byline_initials_only(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    names = sample.expected["authors"]
    if not a.author_nodes or not names:
        raise NotApplicable("no byline (a staff piece)")
    for node in a.author_nodes:
        rewrite_text(node, lambda t: re.sub("|".join(map(re.escape, names)),
                                            lambda m: _initials(m.group(0)), t))
    for meta in tree.css('meta[name="author"]'):
        meta.attrs["content"] = _initials(names[0])

    def fix(d):
        if d.get("@type") == "Person" and isinstance(d.get("name"), str) and d["name"] in names:
            d["name"] = _initials(d["name"])
            d.pop("url", None)
        if isinstance(d.get("author"), str) and any(n in d["author"] for n in names):
            d["author"] = ", ".join(_initials(n) for n in names)
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))
    return Mutated(tree.html, None)


@register(HOLDOUT4, NONE, """A new template without its stylesheet truncates the headline in
the markup itself (the server cuts the title at 40 characters and adds "…", meant as a
card title); og:title and JSON-LD keep the full title. The page shows a cut headline: no
right extraction of the headline exists on the page; broken, naming the headline.""")
def headline_truncated_ellipsis(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    h = a.headline
    title = sample.expected["headline"]
    if h is None or len(title) < 50:
        raise NotApplicable("no headline element, or a short headline")
    cut = title[:40].rsplit(" ", 1)[0] + "\u2026"
    for node in tree.body.css("h1, h2, .breadcrumb, nav, span, a"):
        if squeeze(text_of(node)) == squeeze(title) and node.child is not None:
            rewrite_text(node, lambda t: t.replace(title, cut))
    rewrite_text(h, lambda t: t.replace(title, cut))
    if squeeze(title) in squeeze(text_of(tree.body)):
        # the title split over inline elements: write the cut title as the h1's text
        insert(h, f"<{h.tag}{_attrs(h)}>{cut}</{h.tag}>", "before")
        h.decompose()
    return Mutated(tree.html, None)


_GERMAN = ("Das Update bringt zahlreiche Änderungen, die vor allem erfahrene Spieler freuen dürften.",
           "Nach Angaben der Entwickler soll die neue Saison noch in diesem Monat beginnen.",
           "Wer die Kampagne bereits abgeschlossen hat, findet im Endspiel neue Herausforderungen.",
           "Die Community reagierte gemischt auf die Ankündigung, viele wünschen sich mehr Inhalte.",
           "Im Test überzeugte vor allem die Grafik, während die Steuerung manchmal hakt.",
           "Alle weiteren Details findet ihr in unserer Übersicht, die wir laufend aktualisieren.")


@register(HOLDOUT4, NONE, """A geo-routing change serves the German edition at the English URL:
<html lang="de">, og:locale de_DE, a German headline, dek and body (a translation, other
words, other length), under the English page's cached JSON-LD. The English article is not
on the page.""")
def language_edition_switched(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    rng = rng_for(sample, "language_edition_switched")
    html = tree.css_first("html")
    if html is not None:
        html.attrs["lang"] = "de-DE"
    for meta in tree.css('meta[property="og:locale"]'):
        meta.attrs["content"] = "de_DE"
    if a.headline is not None:
        insert(a.headline, f"<{a.headline.tag}{_attrs(a.headline)}>Alles, was ihr über das neue "
                           f"Update wissen müsst</{a.headline.tag}>", "before")
        a.headline.decompose()
    if a.dek is not None:
        insert(a.dek, f"<{a.dek.tag}{_attrs(a.dek)}>Die wichtigsten Neuerungen im Überblick."
                      f"</{a.dek.tag}>", "before")
        a.dek.decompose()
    for p in paragraphs(a):
        text = " ".join(rng.sample(_GERMAN, 3))
        insert(p, f"<p{_attrs(p)}>{text}</p>", "before")
        p.decompose()
    for h in a.blocks:
        if h.tag in ("h2", "h3") and h.parent is not None:
            insert(h, f"<{h.tag}{_attrs(h)}>Weitere Details</{h.tag}>", "before")
            h.decompose()
    return Mutated(tree.html, None)


@register(HOLDOUT4, NONE, """A paginated article template: the URL now shows page 2 of 3 (the
CMS's "nextpage" split applied by default after a plugin update): the body holds only the
middle third of the article, with a "Page 2 of 3" pager (Previous / 1 2 3 / Next). The
whole article is not on the page.""")
def paginated_page_two(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    content = required(content_children(a.body), "fewer than three content blocks", at_least=3)
    third = len(content) // 3
    keep = content[third: len(content) - third] or content[third:third + 1]
    for node in content:
        if all(node.mem_id != k.mem_id for k in keep):
            node.decompose()
    url = sample.url.rstrip("/")
    insert(a.body, f'<nav class="post-pagination" aria-label="Article pages"><span class="page-of">'
                   f'Page 2 of 3</span><a class="prev" href="{url}/">Previous</a> <a href="{url}/">1'
                   f'</a> <span aria-current="page">2</span> <a href="{url}/3/">3</a> <a class="next" '
                   f'href="{url}/3/">Next</a></nav>', "append")
    head = tree.css_first("head")
    if head is not None:
        insert(head, f'<link rel="prev" href="{url}/"><link rel="next" href="{url}/3/">', "append")
    return Mutated(tree.html, None)


@register(HOLDOUT4, NONE, """An empty-shell single-page app: the server sends the page chrome and
an empty <div id="app"></div> where the article was; the article (headline, byline, body)
sits only in a JSON state blob (<script id="__INITIAL_STATE__" type="application/json">)
that the client-side render failed to turn into a page. The page as served shows no
article; the spider gets nothing it can trust.""")
def spa_shell_json_only(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    scope = _scope(a)
    exp = sample.expected
    state = {"article": {"title": exp["headline"], "dek": exp["dek"], "authors": exp["authors"],
                         "published": exp["published"], "blocks": [{"type": "paragraph", "text": b}
                                                                    for b in exp["body"]]}}
    blob = json.dumps(state).replace("</", "<\\/")
    insert(scope, f'<div id="app" data-server-rendered="false"></div><script id="__INITIAL_STATE__" '
                  f'type="application/json">{blob}</script>', "before")
    scope.decompose()
    return Mutated(tree.html, None)


@register(HOLDOUT4, NONE, """A failing recommendation service: the standfirst slot renders the
error widget's text instead of the dek ("Oops! We couldn't load this content. Please refresh
the page or try again later."). The body renders. The dek is wrong: broken, naming the
dek.""")
def error_widget_in_dek(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.dek is None or not sample.expected["dek"]:
        raise NotApplicable("no dek on the page")
    insert(a.dek, f"<{a.dek.tag}{_attrs(a.dek)}>Oops! We couldn't load this content. Please refresh "
                  f"the page or try again later.</{a.dek.tag}>", "before")
    a.dek.decompose()
    return Mutated(tree.html, None)


@register(HOLDOUT4, NONE, """A theme change prints the post excerpt in place of the content: the
body is the first 55 words of the article followed by the CMS's "[…]" more-marker and a
"Continue reading" link to the same URL. The article is not on the page.""")
def excerpt_in_place_of_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    words = required(" ".join(sample.expected["body"]).split(), "a body shorter than the excerpt", at_least=80)
    excerpt = " ".join(words[:55])
    for node in children(a.body):
        node.decompose()
    insert(a.body, f'<p{_p_attrs(a)}>{excerpt} [\u2026]</p><p class="more-link-wrap"><a class='
                   f'"more-link" href="{sample.url}">Continue reading</a></p>', "append")
    return Mutated(tree.html, None)


@register(HOLDOUT4, NONE, """A CDN redirect rule answered with status 200 and a meta-refresh stub:
"Redirecting…", <meta http-equiv="refresh" content="0; url=...">, a "click here if you are
not redirected" link. Nothing of the article.""")
def meta_refresh_stub_200(sample: Sample) -> Mutated:
    target = sample.url.rstrip("/") + "/?amp=1"
    name = site_name(sample)
    html = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Redirecting\u2026'
            f'</title><meta http-equiv="refresh" content="0; url={target}"><link rel="canonical" '
            f'href="{sample.url}"><meta name="robots" content="noindex"></head><body><h1>Redirecting'
            f'\u2026</h1><p>You are being redirected to {name}. <a href="{target}">Click here if you '
            f'are not redirected</a>.</p></body></html>')
    return Mutated(html, None)

