"""The third held-out set: template changes and CMS incidents none of the first 65 kinds covers.

Same contract as mutations.py, holdout.py and holdout2.py (a Sample in, a Mutated out, each
kind labelled). Written before any of the fixes for the remaining silent kinds of issue #8,
from what publisher redesigns and CMS incidents do, not from what the checks look at; its
first run is recorded untouched in README.md. Keep it out of tuning: a check changed because
one of these kinds failed turns its figure into a tuning figure.
"""

from __future__ import annotations

import json
import re

from anatomy import children, contains, insert, prose_paragraphs, slugify, text_of
from base import NONE, RIGHT, AnyOf, Kind, Mutated, NotApplicable, Sample, register, required, rng_for, same
from holdout2 import _attrs, _p_attrs, _scope
from mutations import anatomy_of, content_children, edit_jsonld, reprint_jsonld_dates, site_name, walk_json

HOLDOUT3: list[Kind] = []


def _second_half(a):
    """The body container's children from the middle content block on."""
    kids = children(a.body)
    content = required(content_children(a.body), "fewer than two content blocks in the body", at_least=2)
    return kids[kids.index(content[len(content) // 2]):]


def _invisible(text: str, rng) -> str:
    """Soft hyphens inside long words and zero-width spaces after slashes and dashes, as a
    hyphenation / typography plugin writes them: the reader sees the same text."""
    def hyphenate(m):
        word = m.group(0)
        cut = rng.randint(3, len(word) - 3)
        return word[:cut] + "\u00ad" + word[cut:]
    out = re.sub(r"[A-Za-z]{9,}", hyphenate, text)
    return out.replace("/", "/\u200b").replace("\u2014", "\u2014\u200b")


# ------------------------------------------------- a right extraction exists

@register(HOLDOUT3, RIGHT, """An ad partner's web component: between every other pair of prose
paragraphs an <ad-slot> custom element with a declarative shadow root (its own style, an
"Advertisement" label, a slot) and a slotted sponsored link ("Sponsored: ..."). The article
text is unchanged around the slots.""")
def ad_slot_shadow_dom(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "fewer than two prose paragraphs", at_least=2)
    for n, p in enumerate(prose[:-1:2]):
        insert(p, f'<ad-slot data-slot="mid-{n + 1}" data-sizes="300x250,728x90"><template '
                  f'shadowrootmode="open"><style>:host{{display:block;min-height:250px}}</style>'
                  f'<div class="label">Advertisement</div><slot></slot></template><a '
                  f'href="https://ads.partner.example/click?slot=mid-{n + 1}" rel="sponsored">'
                  f'Sponsored: The gaming chair pros use, now 30% off</a></ad-slot>', "after")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT3, RIGHT, """A "Continue reading" button, with the rest of the article served in
the page inside a <template> element that a script stamps into the body on click (a
lighter first render). The text is served in the page, so the right body is every
paragraph.""")
def continue_reading_template(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    rest = _second_half(a)
    (button,) = insert(rest[0], '<button class="continue-reading" type="button" '
                                'data-template="article-rest">Continue reading</button>', "before")
    (template,) = insert(button, '<template id="article-rest"></template>', "after")
    html = "".join(node.html for node in rest)
    for node in rest:
        node.decompose()
    # lexbor keeps a template's children in its content fragment: write them as markup
    page = tree.html.replace('<template id="article-rest"></template>',
                             f'<template id="article-rest">{html}</template>', 1)
    return Mutated(page, same(sample))


@register(HOLDOUT3, RIGHT, """Half the article in an accordion: the second half of the body goes
into <details class="article-more"><summary>Show full article</summary> ... </details>,
closed by default. The text is served, so the right body is every paragraph.""")
def accordion_half_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    rest = _second_half(a)
    (details,) = insert(rest[0], '<details class="article-more"><summary>Show full article'
                                 '</summary></details>', "before")
    for node in rest:
        details.insert_child(node, move=True)
    return Mutated(tree.html, same(sample))


@register(HOLDOUT3, RIGHT, """The template prints the standfirst again as the body's first
paragraph (a "lead" paragraph, as many CMS imports do). The dek is unchanged; the right body
is the article's paragraphs, with or without the repeated dek at its start.""")
def dek_repeated_as_first_paragraph(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    dek = sample.expected["dek"]
    if not dek or not a.blocks:
        raise NotApplicable("no dek")
    insert(a.blocks[0], f'<p{_p_attrs(a, drop=("class",))} class="lead">{dek}</p>', "before")
    body = list(sample.expected["body"])
    return Mutated(tree.html, same(sample, body=AnyOf((body, [dek] + body))))


@register(HOLDOUT3, RIGHT, """A hyphenation / typography plugin: soft hyphens (U+00AD) inside long
words and zero-width spaces after slashes and dashes, in the headline and every body
paragraph. Readers see the same text; the right fields are the text without the invisible
characters.""")
def soft_hyphens_zero_width(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    rng = rng_for(sample, "soft_hyphens_zero_width")
    for node in [a.headline, *a.blocks]:
        if node is None:
            continue
        for t in list(node.traverse(include_text=True)):
            if t.tag == "-text" and t.text_content and t.text_content.strip():
                t.replace_with(_invisible(t.text_content, rng))
    return Mutated(tree.html, same(sample))


@register(HOLDOUT3, RIGHT, """A theme made bidi-safe for its Arabic and Hebrew editions wraps every
author name and the visible date in directional marks (U+2068 FIRST STRONG ISOLATE ...
U+2069, and an U+200E LEFT-TO-RIGHT MARK after each name). Readers see the same byline; the
right authors are unchanged.""")
def bidi_isolates_in_byline(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if not a.author_nodes:
        raise NotApplicable("no byline (a staff piece)")
    for node in a.author_nodes:
        for t in list(node.traverse(include_text=True)):
            if t.tag == "-text" and t.text_content and t.text_content.strip():
                t.replace_with(f"\u2068{t.text_content}\u2069\u200e")
    scope = _scope(a)
    for node in scope.css("time"):
        if not contains(a.body, node):
            for t in list(node.traverse(include_text=True)):
                if t.tag == "-text" and t.text_content and t.text_content.strip():
                    t.replace_with(f"\u2068{t.text_content}\u2069")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT3, RIGHT, """A redesign puts the section name in the page's <h1> (a section
masthead, "Counter-Strike") and demotes the story's title to an <h2 class="entry-title">
right below it. The story's title is still the headline the reader sees over the article;
the right fields are unchanged.""")
def section_name_in_h1(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    h = a.headline
    if h is None or h.tag != "h1":
        raise NotApplicable("no <h1> headline")
    meta = tree.css_first('meta[property="article:section"]')
    section = (meta.attributes.get("content") if meta is not None else None) or "News"
    insert(h, f'<h1 class="section-masthead">{section}</h1>', "before")
    insert(h, f'<h2{_attrs(h, drop=("class",))} class="entry-title">{h.html[h.html.index(">") + 1:h.html.rindex("<")]}'
              f'</h2>', "before")
    h.decompose()
    return Mutated(tree.html, same(sample))


@register(HOLDOUT3, RIGHT, """A newsletter pitch written by the CMS into the body in the body's
own paragraph markup (same tag, same attributes, no box around it): "Sign up for the <site>
newsletter ..." and a "Subscribe now" link line, after the second prose paragraph. It is
not the author's text: the right body is the article's paragraphs only.""")
def newsletter_pitch_same_markup(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "fewer than two prose paragraphs", at_least=2)
    name = site_name(sample)
    attrs = _p_attrs(a)
    insert(prose[1], f'<p{attrs}>Sign up for the {name} newsletter to get the biggest stories, '
                     f'guides and deals in your inbox every morning.</p><p{attrs}><a href="/newsletter/">'
                     f'Subscribe now</a></p>', "after")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT3, RIGHT, """A consent platform's notice rendered server-side as the first child
of the body container (a region with a paragraph on cookies and partners, Accept and Manage
buttons), instead of an overlay outside the article. The article text is unchanged.""")
def cookie_notice_in_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    name = site_name(sample)
    insert(a.body, f'<div class="cmp-notice" role="region" aria-label="Cookie notice"><p>{name} and '
                   f'our partners use cookies and similar technologies to store and access '
                   f'information on your device, to personalise ads and content and to measure '
                   f'audiences.</p><button type="button">Accept</button><button type="button">'
                   f'Manage options</button></div>', "prepend")
    return Mutated(tree.html, same(sample))


# ------------------------------------------------- no right extraction exists

@register(HOLDOUT3, NONE, """A move to a client-rendered byline: the visible byline and the
JSON-LD author are gone, the name only in the framework's state blob (<script
id="__NEXT_DATA__" type="application/json">), which the client-side render failed to show.
The page does not say who wrote it: broken, naming authors.""")
def byline_in_app_state_only(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.byline is None or not sample.expected["authors"]:
        raise NotApplicable("no byline (a staff piece)")
    a.byline.decompose()
    for node in tree.css('meta[name="author"]'):
        node.decompose()

    def drop_author(d):
        d.pop("author", None)
    edit_jsonld(tree, lambda obj: walk_json(obj, drop_author))
    state = {"props": {"pageProps": {"post": {"slug": sample.slug, "authors": [
        {"name": n, "slug": slugify(n)}
        for n in sample.expected["authors"]]}}}, "page": "/[...slug]"}
    insert(tree.body, f'<script id="__NEXT_DATA__" type="application/json">'
                      f'{json.dumps(state)}</script>', "append")
    return Mutated(tree.html, None)


@register(HOLDOUT3, NONE, """An image-only body: the story is published as a slideshow of
infographics (figures with an image and a short "Slide N of M" caption) and none of the
article's prose is on the page. Headline, byline and metadata are the article's.""")
def image_only_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    host = sample.host
    for node in children(a.body):
        node.decompose()
    slides = "".join(f'<figure class="slide"><img src="https://{host}/wp-content/uploads/'
                     f'{sample.slug}-slide-{n}.png" alt="" width="1200" height="675"><figcaption>'
                     f'Slide {n} of 6</figcaption></figure>' for n in range(1, 7))
    insert(a.body, slides, "append")
    return Mutated(tree.html, None)


@register(HOLDOUT3, NONE, """A routing bug serves a listing (the section's latest stories: cards
with title, excerpt and author) at the article's URL, with status 200. The head still has
the article's cached metadata; the page shows no article.""")
def listing_under_article_url(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    host = sample.host
    meta = tree.css_first('meta[property="article:section"]')
    section = (meta.attributes.get("content") if meta is not None else None) or "News"
    cards = []
    for n, (title, excerpt, author) in enumerate((
            ("Patch notes: every change in this week's update", "The update rebalances three "
             "maps and fixes the long-standing audio bug on consoles.", "Jordan Pike"),
            ("The best budget headsets you can buy right now", "Good sound does not have to "
             "cost much: these are the ones we keep coming back to.", "Sam Okafor"),
            ("Everything we know about the next season so far", "Dates, rewards and the new "
             "ranked rules, collected in one place and updated as news arrives.", "Lena Hart"),
            ("Developer interview: building a world in four years", "The lead designer talks "
             "about the cuts they made and the one idea they refused to drop.", "Jordan Pike"))):
        slug = slugify(title)
        cards.append(f'<article class="card"><a href="https://{host}/news/{slug}/"><h2 '
                     f'class="card__title">{title}</h2></a><p class="card__excerpt">{excerpt}</p>'
                     f'<p class="card__byline">By {author}</p></article>')
    target = _scope(a)
    insert(target, f'<section class="archive"><h1 class="archive__title">{section}</h1><p '
                   f'class="archive__intro">The latest {section} news, guides and reviews.</p>'
                   f'{"".join(cards)}<a class="archive__more" href="/page/2/">Load more</a>'
                   f'</section>', "before")
    target.decompose()
    return Mutated(tree.html, None)


@register(HOLDOUT3, NONE, """A CDN error page answered with status 200 (the origin timed out and
the edge's error template was cached as a normal answer): "Error 522", "Connection timed
out", the browser / edge / host diagram in text, a Ray ID. Nothing of the article.""")
def cdn_error_page_200(sample: Sample) -> Mutated:
    host = sample.host
    html = (f'<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8"><title>{host} | 522: '
            f'Connection timed out</title><meta name="robots" content="noindex, nofollow"></head>'
            f'<body><div id="cf-wrapper"><div id="cf-error-details"><header><h1><span '
            f'class="error-type">Connection timed out</span> <span class="code-label">Error code '
            f'522</span></h1><p>Visit the CDN status page for more information.</p><p>2025-11-30 '
            f'21:04:17 UTC</p></header><div class="cf-error-overview"><div class="cf-column">'
            f'<h3>You</h3><p>Browser</p><p>Working</p></div><div class="cf-column"><h3>Edge</h3>'
            f'<p>Working</p></div><div class="cf-column"><h3>{host}</h3><p>Host</p><p>Error</p>'
            f'</div></div><section><h2>What happened?</h2><p>The initial connection between the '
            f'edge and the origin web server timed out. As a result, the web page can not be '
            f'displayed.</p><h2>What can I do?</h2><p>If you are a visitor of this website, please '
            f'try again in a few minutes.</p></section><footer><p>Ray ID: <strong>8e5f2c1d9a7b3c40'
            f'</strong> · Your IP: <span>203.0.113.9</span></p></footer></div></div></body></html>')
    return Mutated(html, None)


@register(HOLDOUT3, NONE, """A fragment-cache merge bug renders the body's blocks out of order
(the paragraphs in reverse, headings and all). Every word is on the page, but the article
as served does not read: no right extraction exists.""")
def paragraphs_out_of_order(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    content = required(content_children(a.body), "fewer than three content blocks", at_least=3)
    html = [c.html for c in content]
    for node, new in zip(content, reversed(html)):
        insert(node, new, "before")
    for node in content:
        node.decompose()
    return Mutated(tree.html, None)


_EPOCH = "1970-01-01T00:00:00+00:00"


@register(HOLDOUT3, NONE, """A migration lost the publication dates: a null date rendered as the
Unix epoch everywhere the page states it (the visible date "January 1, 1970", the
article:published_time meta, JSON-LD datePublished). The page's date is wrong: broken,
naming the date.""")
def published_epoch_zero(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    published = required(sample.expected["published"], "no publication date")
    day = published[:10]
    for node in tree.css("time, [data-datetime]"):
        for key in ("datetime", "data-datetime"):
            if node.attributes.get(key):
                node.attrs[key] = _EPOCH
        for t in list(node.traverse(include_text=True)):
            if t.tag == "-text" and t.text_content and t.text_content.strip():
                t.replace_with("January 1, 1970")
                break
    for meta in tree.css("meta[content]"):
        if (meta.attributes.get("content") or "").startswith(day):
            meta.attrs["content"] = _EPOCH
    reprint_jsonld_dates(tree, lambda _: _EPOCH)
    return Mutated(tree.html, None)


@register(HOLDOUT3, NONE, """A template change escapes the stored rich text: every inline tag
inside the body's paragraphs (links, emphasis) shows literally as markup ("<a
href=...>...</a>"), as when a field moves from a raw to an escaped output. The page shows
code in the article: broken, naming the body.""")
def inline_markup_escaped(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    changed = 0
    for p in a.blocks:
        if p.tag != "p" or p.css_first("a, em, strong, i, b") is None:
            continue
        inner = p.html[p.html.index(">") + 1: p.html.rindex("<")]
        escaped = inner.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        insert(p, f"<p{_attrs(p)}>{escaped}</p>", "before")
        p.decompose()
        changed += 1
    if not changed:
        raise NotApplicable("no inline markup in the body's paragraphs")
    return Mutated(tree.html, None)


@register(HOLDOUT3, NONE, """An import lost the post authors: every byline shows the CMS's default
account ("By admin"), and the JSON-LD author and meta author say the same. The page no
longer names who wrote it: broken, naming authors.""")
def byline_default_admin(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if not a.author_nodes or not sample.expected["authors"]:
        raise NotApplicable("no byline (a staff piece)")
    names = sample.expected["authors"]
    first, rest = a.author_nodes[0], a.author_nodes[1:]
    for t in list(first.traverse(include_text=True)):
        if t.tag == "-text" and t.text_content and t.text_content.strip():
            t.replace_with(t.text_content.replace(names[0], "admin"))
    for node in rest:
        node.decompose()
    for link in tree.css('a[href*="/author/"]'):
        link.attrs["href"] = re.sub(r"/author/[^/]+/", "/author/admin/", link.attributes.get("href") or "")
    for meta in tree.css('meta[name="author"]'):
        meta.attrs["content"] = "admin"

    def fix(d):
        if d.get("@type") == "Person" and isinstance(d.get("name"), str) and d["name"] in names:
            d["name"] = "admin"
            d.pop("url", None)
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))
    return Mutated(tree.html, None)


_LOREM = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
          "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud "
          "exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure "
          "dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. "
          "Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt "
          "mollit anim id est laborum.").split()


@register(HOLDOUT3, NONE, """Staging content deployed to production: the body's paragraphs are
lorem ipsum placeholder text of about the same lengths (headings kept), under the real
headline, byline and metadata. The article is not on the page.""")
def lorem_ipsum_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    rng = rng_for(sample, "lorem_ipsum_body")
    paras = required([p for p in a.blocks if p.tag == "p"], "no paragraph in the body")
    for p in paras:
        n = max(6, len(text_of(p).split()))
        start = rng.randrange(len(_LOREM))
        words = [_LOREM[(start + i) % len(_LOREM)] for i in range(n)]
        text = " ".join(words).rstrip(".,") + "."
        insert(p, f"<p{_attrs(p)}>{text[0].upper()}{text[1:]}</p>", "before")
        p.decompose()
    return Mutated(tree.html, None)


@register(HOLDOUT3, NONE, """A theme update breaks the template engine's variables in the article
header: the headline and the dek print their raw placeholders ("{{ post.title }}",
"{{ post.excerpt }}") while the body renders. No headline on the page: broken, naming the
headline.""")
def template_placeholders_unrendered(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    h = a.headline
    if h is None:
        raise NotApplicable("no headline element")
    insert(h, f"<{h.tag}{_attrs(h)}>{{{{ post.title }}}}</{h.tag}>", "before")
    h.decompose()
    if a.dek is not None:
        insert(a.dek, f"<{a.dek.tag}{_attrs(a.dek)}>{{{{ post.excerpt | striptags }}}}</{a.dek.tag}>",
               "before")
        a.dek.decompose()
    return Mutated(tree.html, None)
