"""The eighth held-out set: template changes and newsroom incidents none of the first 149 kinds covers.

Same contract as the other sets (a Sample in, a Mutated out, each kind labelled). Written
before any fix of the session that measures it, and run once before those fixes: that
first measurement is recorded untouched in README.md. A check changed because one of these
kinds failed turns its figure into a tuning figure.
"""

from __future__ import annotations

import json

from anatomy import children, insert, long_paragraphs, paragraphs, replace, text_of
from base import NONE, RIGHT, AnyOf, Kind, Mutated, NotApplicable, Sample, register, required, same
from holdout2 import _attrs, _inner, _refill
from holdout6 import _byline_box, _rewrite_byline
from mutations import anatomy_of, author_link, edit_jsonld, rewrite_stored_text, rewrite_text, typographic, walk_json

HOLDOUT8: list[Kind] = []


def _set_meta(tree, keys: tuple, value: str) -> None:
    for meta in tree.css("meta[content]"):
        key = (meta.attributes.get("property") or meta.attributes.get("name") or "").lower()
        if key in keys:
            meta.attrs["content"] = value


# ------------------------------------------------- a right extraction exists

@register(HOLDOUT8, RIGHT, """A move to web components: the body container becomes a custom
element whose content is served inside a declarative shadow root (<article-body><template
shadowrootmode="open"> ... the paragraphs ... </template></article-body>), which browsers
render as the element's shadow tree. The reader sees the same article.""")
def body_in_declarative_shadow_root(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    # a string edit: lexbor keeps a <template>'s content only when it parses it
    html, old = tree.html, a.body.html
    if html.count(old) != 1:
        raise NotApplicable("the body container's markup is not unique")
    new = (f'<{a.body.tag}{_attrs(a.body)}><article-body><template shadowrootmode="open"><style>'
           f':host{{display:block}}</style>{_inner(a.body)}</template></article-body></{a.body.tag}>')
    return Mutated(html.replace(old, new), same(sample))


@register(HOLDOUT8, RIGHT, """A byline redesign without photos: each author's avatar becomes a
circle with their initials (<span class="avatar avatar--initials" aria-hidden="true">BA</span>)
printed right before the name. The initials are a picture, not part of the name: the right
authors are unchanged.""")
def byline_avatar_initials(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    names = sample.expected["authors"]
    parts = []
    for n in names:
        initials = "".join(w[0] for w in n.split() if w[:1].isalpha()).upper()
        parts.append(f'<span class="avatar avatar--initials" aria-hidden="true">{initials}</span>'
                     f'{author_link(sample, n)}')
    _rewrite_byline(a, "By " + ", ".join(parts))
    return Mutated(tree.html, same(sample))


@register(HOLDOUT8, RIGHT, """A CMS migration's converter writes the body's subheadings as bold
paragraphs (<p><strong>Where it stumbles</strong></p>) instead of <h2>/<h3>, as many
Google-Docs-to-CMS pipelines do. The reader sees the same lines in the same order: the
right body is unchanged (subheadings are paragraphs of the body).""")
def subheadings_as_bold_paragraphs(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    heads = required([b for b in a.blocks if b.tag in ("h2", "h3", "h4")], "no subheading in the body")
    for h in heads:
        replace(h, f"<p><strong>{_inner(h)}</strong></p>")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT8, RIGHT, """An engagement vendor's reader poll placed inside the body after the
second prose paragraph: a question, four answers as radio buttons, a "Vote" button and a
"1,204 votes · Poll closes in 3 days" line. The poll is the vendor's: the article's paragraphs
are the right body.""")
def reader_poll_in_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(long_paragraphs(a), "fewer than three prose paragraphs", at_least=3)
    answers = ("Love them", "They need more work", "I don't play it", "Too early to tell")
    labels = "".join(f'<label class="poll__answer"><input type="radio" name="poll-5521" value="{i}"> '
                     f'{t}</label>' for i, t in enumerate(answers))
    insert(prose[1], '<div class="reader-poll" data-poll-id="5521"><p class="poll__question">What do you '
                     f'think of the changes announced this week?</p><form>{labels}<button type="submit">'
                     'Vote</button></form><p class="poll__meta">1,204 votes · Poll closes in 3 days</p></div>')
    return Mutated(tree.html, same(sample))


@register(HOLDOUT8, RIGHT, """An SEO plugin update writes the JSON-LD author as a plain string
("author": "Ben Ashby", a list of strings for several) instead of Person objects, as schema.org
allows. The visible byline is unchanged: the right fields are unchanged.""")
def jsonld_author_as_plain_string(sample: Sample) -> Mutated:
    tree, _a = anatomy_of(sample)
    changed = []

    def flatten(d):
        author = d.get("author")
        people = author if isinstance(author, list) else [author]
        names = [p.get("name") for p in people if isinstance(p, dict) and p.get("@type") == "Person"]
        if names and len(names) == len(people):
            d["author"] = names if isinstance(author, list) and len(names) > 1 else names[0]
            changed.append(names)
    edit_jsonld(tree, lambda obj: walk_json(obj, flatten))
    if not changed:
        raise NotApplicable("no JSON-LD Person author")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT8, RIGHT, """A move to Next.js with server rendering: the page is unchanged, and
the framework adds its hydration state at the end of <body> (<script id="__NEXT_DATA__"
type="application/json">) holding the post: title, excerpt, author and the body's HTML.
Scripts are not shown: the right fields are unchanged.""")
def next_data_blob_with_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    post = {"title": sample.expected["headline"], "excerpt": sample.expected["dek"] or "",
            "author": {"name": ", ".join(sample.expected["authors"])},
            "date": sample.expected["published"], "content": "".join(k.html for k in children(a.body))}
    state = {"props": {"pageProps": {"post": post}}, "page": "/[...slug]", "buildId": "b7Zk2", "isFallback": False}
    text = json.dumps(state, ensure_ascii=False).replace("</", "<\\/")
    insert(tree.body, f'<script id="__NEXT_DATA__" type="application/json">{text}</script>', "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT8, RIGHT, """A brand refresh sets bylines in capitals in the markup itself (the
theme upper-cases the author display name: "BY BEN ASHBY"). The same people: the right authors
are the names either as written before or as printed in capitals.""")
def byline_all_caps(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    box = _byline_box(sample, a)
    rewrite_text(box, str.upper)
    names = sample.expected["authors"]
    return Mutated(tree.html, same(sample, authors=AnyOf((names, [n.upper() for n in names]))))


@register(HOLDOUT8, RIGHT, """A directory-style name setting after a CMS user import: bylines show
"Surname, Given name" ("By Ashby, Ben"; several authors separated by semicolons). The same
people: the right authors are the names as written before, or as the page prints them
("Ashby, Ben"), never the halves as two people.""")
def byline_surname_first(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    names = sample.expected["authors"]
    if any(len(n.split()) != 2 for n in names):
        raise NotApplicable("an author name that is not two words")
    flipped = [f"{n.split()[1]}, {n.split()[0]}" for n in names]
    host = sample.host
    links = [f'<a href="https://{host}/author/{n.lower().replace(" ", "-")}/" rel="author">{f}</a>'
             for n, f in zip(names, flipped)]
    _rewrite_byline(a, "By " + "; ".join(links))
    return Mutated(tree.html, same(sample, authors=AnyOf((names, flipped))))


# ------------------------------------------------- no right extraction exists

@register(HOLDOUT8, NONE, """A publishing workflow bug makes WordPress publish the post's
auto-draft revision: the title is the CMS's default "Auto Draft" in the <h1>, <title>, og:title
and the JSON-LD headline, over the article's body. The page shows no headline of the story:
broken, naming the headline.""")
def headline_wordpress_auto_draft(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    h = a.headline
    if h is None:
        raise NotApplicable("no headline element")
    _refill(h, "Auto Draft")
    title = tree.css_first("title")
    if title is not None:
        replace(title, "<title>Auto Draft</title>")
    _set_meta(tree, ("og:title", "twitter:title"), "Auto Draft")

    def retitle(d):
        if isinstance(d.get("headline"), str):
            d["headline"] = "Auto Draft"
    edit_jsonld(tree, lambda obj: walk_json(obj, retitle))
    return Mutated(tree.html, None)


@register(HOLDOUT8, NONE, """A template regression feeds the standfirst slot from the title field:
the dek prints the headline again under the <h1>. The meta description still holds the
summary, but the page's dek is gone: broken, naming the dek.""")
def dek_repeats_headline(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.dek is None or not sample.expected["dek"]:
        raise NotApplicable("no dek")
    _refill(a.dek, f'{sample.expected["headline"]}')
    return Mutated(tree.html, None)


@register(HOLDOUT8, NONE, """A shortcode plugin is deactivated after an update: its shortcodes print
as raw text in the body: an "[embed]https://www.youtube.com/watch?v=...[/embed]" line after the
first paragraph and inline "[highlight color="yellow"] ... [/highlight]" around a phrase in two
paragraphs. Readers see the CMS's source: the body as served is wrong.""")
def shortcodes_unrendered(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = [p for p in long_paragraphs(a) if not children(p)]
    if len(prose) < 3:
        raise NotApplicable("fewer than three plain prose paragraphs")
    for p in prose[1:3]:
        words = _inner(p).split(" ")
        k = len(words) // 3
        replace(p, f'<p{_attrs(p)}>{" ".join(words[:k])} [highlight color="yellow"]{" ".join(words[k:2 * k])}'
                   f'[/highlight] {" ".join(words[2 * k:])}</p>')
    first = long_paragraphs(a)[0]
    insert(first, "<p>[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]</p>")
    return Mutated(tree.html, None)


@register(HOLDOUT8, NONE, """An over-eager HTML sanitizer added to the content pipeline strips every
link from the body, text and all: sentences lose the words that were linked ("Obsidian Bay
that the story expansion will arrive ..."). The article's text is not on the page whole.""")
def link_text_stripped(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    linked = [p for p in long_paragraphs(a) if p.css_first("a") is not None
              and len(text_of(p)) - sum(len(text_of(x)) for x in p.css("a")) > 40]
    if not linked:
        raise NotApplicable("no prose paragraph with a link inside a sentence")
    for p in long_paragraphs(a):
        for link in p.css("a"):
            link.decompose()
    return Mutated(tree.html, None)


@register(HOLDOUT8, NONE, """A database charset conversion (utf8mb4 to latin1 and back, done
wrong) turns every character outside ASCII into a literal "?" in the stored text: curly
apostrophes, dashes, non-breaking spaces and accents, in the headline, dek and body and so in
<title>, the meta descriptions and JSON-LD ("review ? worth the wait", "don?t"). The page
itself is wrong.""")
def charset_conversion_question_marks(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    rewrite_stored_text(tree, a, lambda s: "".join(ch if ord(ch) < 128 else "?" for ch in typographic(s)))
    return Mutated(tree.html, None)


@register(HOLDOUT8, NONE, """A localisation leak: the shared template takes the standfirst from the
Spanish edition's translation, so the English article shows a Spanish dek ("Las primeras
reacciones sugieren ..."). The meta description stays English. The page's dek is not this
page's: broken, naming the dek.""")
def dek_from_other_locale(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.dek is None or not sample.expected["dek"]:
        raise NotApplicable("no dek")
    replace(a.dek, f'<{a.dek.tag}{_attrs(a.dek)}>Las primeras reacciones sugieren que el cambio es más '
                   f'ambicioso de lo que se esperaba, aunque todavía faltan muchos detalles por '
                   f'confirmar.</{a.dek.tag}>')
    return Mutated(tree.html, None)


@register(HOLDOUT8, NONE, """A block-editor update fails to validate two blocks of the post (the
middle two prose paragraphs, which carry inline markup the new schema rejects), and the front end
silently renders nothing for them. The rest of the body renders; the article as served has a
hole in the middle.""")
def invalid_blocks_dropped(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(long_paragraphs(a), "fewer than five prose paragraphs", at_least=5)
    mid = len(prose) // 2
    for p in prose[mid - 1: mid + 1]:
        p.decompose()
    return Mutated(tree.html, None)


__all__ = ["HOLDOUT8"]
