"""The held-out set: kinds the checks are never tuned on, only reported on.

Same contract as mutations.py (a Sample in, a Mutated out, each kind labelled). Keep
these out of tuning: a check changed because a held-out kind failed turns the held-out
figure into a tuning figure.
"""

from __future__ import annotations


from anatomy import children, insert, parse, slugify, squeeze, text_of
from base import NONE, RIGHT, Kind, Mutated, NotApplicable, Sample, register, required, rng_for, same
from mutations import (_attr, add_classes, anatomy_of, author_link, content_children, edit_jsonld,
                       join_names, rewrite_text, site_name, typographic, walk_json)

HOLDOUT: list[Kind] = []


# ------------------------------------------------- a right extraction exists

@register(HOLDOUT, RIGHT, """A move to styled-components: every element gets generated
classes (sc-<hash> and a second random one) and many get data-testid attributes.""")
def styled_components_classes(sample: Sample) -> Mutated:
    tree = parse(sample.html)
    rng = rng_for(sample, "styled_components_classes")
    letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
    for node in tree.body.traverse(include_text=False):
        if node.tag in ("svg", "path", "symbol", "use"):
            continue
        add_classes(node, [f"sc-{''.join(rng.choice(letters) for _ in range(6))}",
                           "".join(rng.choice(letters) for _ in range(6))])
        if rng.random() < 0.3:
            node.attrs["data-testid"] = f"{node.tag}-{rng.randint(1, 999)}"
    return Mutated(tree.html, same(sample))


_PIXEL = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E"


@register(HOLDOUT, RIGHT, """A lazy-loading image plugin: every <img> gets a placeholder src,
the real one in data-src, and a <noscript> copy of the original image after it.""")
def lazy_images_noscript(sample: Sample) -> Mutated:
    tree = parse(sample.html)
    for img in tree.body.css("img"):
        original = img.html
        src = img.attributes.get("src") or ""
        img.attrs["data-src"] = src
        img.attrs["src"] = _PIXEL
        add_classes(img, ["lazyload"])
        insert(img, f"<noscript>{original}</noscript>", "after")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT, RIGHT, """The headline becomes a permalink: the h1's text inside
<a href=URL><span class="title-text">, as many themes print it.""")
def headline_linked_span(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    h = a.headline
    if h is None:
        raise NotApplicable("no headline element")
    inner = h.html[h.html.index(">") + 1: h.html.rindex("<")]
    attrs = "".join(f' {k}="{_attr(v)}"' for k, v in h.attributes.items() if v is not None)
    insert(h, f'<{h.tag}{attrs}><a href="{_attr(sample.url)}" rel="bookmark">'
              f'<span class="title-text">{inner}</span></a></{h.tag}>', "before")
    h.decompose()
    return Mutated(tree.html, same(sample))


@register(HOLDOUT, RIGHT, """A byline with a new wording, a role and a date around the names:
"Words by A, Senior Editor · Updated <date>". Same people, so the same authors.""")
def byline_words_by_with_role(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.byline is None:
        raise NotApplicable("no byline (a staff piece)")
    names = join_names([author_link(sample, n) for n in sample.expected["authors"]])
    role = "Senior Editor" if len(sample.expected["authors"]) == 1 else "Staff Writers"
    attrs = "".join(f' {k}="{_attr(v)}"' for k, v in a.byline.attributes.items() if v is not None)
    insert(a.byline, f'<div{attrs}><span class="byline-prefix">Words by</span> {names}, '
                     f'<span class="byline-role">{role}</span> · <span class="byline-updated">'
                     f'Updated Aug 7, 2025</span></div>', "before")
    a.byline.decompose()
    return Mutated(tree.html, same(sample))


CO_AUTHORS = ("Mina Castell", "Owen Brightwater")


@register(HOLDOUT, RIGHT, """Two co-authors added to the byline in the template's own author
markup ("By A, B and C") and to JSON-LD. The right authors are the three people.""")
def coauthors_added(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.byline is None or not a.author_nodes:
        raise NotApplicable("no byline (a staff piece)")
    first = a.author_nodes[-1]
    old_name = sample.expected["authors"][-1]
    old_slug = slugify(old_name)
    anchor = first
    for n, name in enumerate(CO_AUTHORS):
        slug = slugify(name)
        copy = first.html.replace(old_name, name).replace(old_slug, slug)
        anchor.insert_after(" and " if n == len(CO_AUTHORS) - 1 else ", ")
        (anchor,) = insert(anchor.next, copy, "after")
    people = list(sample.expected["authors"]) + list(CO_AUTHORS)

    def edit(obj):
        def add(d):
            author = d.get("author")
            if author is None or d.get("@type") == "Person":
                return
            current = author if isinstance(author, list) else [author]
            strings = all(isinstance(a, str) for a in current)
            d["author"] = current + [n if strings else {"@type": "Person", "name": n} for n in CO_AUTHORS]
        return walk_json(obj, add)
    edit_jsonld(tree, edit)
    return Mutated(tree.html, same(sample, authors=people))


@register(HOLDOUT, RIGHT, """A table-of-contents plugin puts a "Table of Contents" box (links
to the article's headings) at the top of the body container.""")
def table_of_contents(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    heads = required([h for h in children(a.body) if h.tag in ("h2", "h3")], "no headings in the body")
    items = "".join(f'<li><a href="#{h.attributes.get("id") or "h"}">{text_of(h)}</a></li>' for h in heads)
    insert(a.body, f'<div id="ez-toc-container" class="ez-toc-v2"><div class="ez-toc-title-container">'
                   f'<p class="ez-toc-title">Table of Contents</p><span class="ez-toc-toggle">Toggle'
                   f'</span></div><nav><ul class="ez-toc-list">{items}</ul></nav></div>', "prepend")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT, RIGHT, """A headless-CMS renderer writes paragraphs as
<div class="paragraph"> instead of <p>. Same text, same order.""")
def paragraphs_as_divs(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    paras = [p for p in children(a.body) if p.tag == "p"]
    for p in paras:
        inner = p.html[p.html.index(">") + 1: p.html.rindex("<")]
        insert(p, f'<div class="paragraph">{inner}</div>', "before")
        p.decompose()
    return Mutated(tree.html, same(sample))


@register(HOLDOUT, RIGHT, """The author box moves inside the body container, after the last
paragraph ("About A", a short bio). The article text is unchanged.""")
def author_bio_in_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    authors = required(sample.expected["authors"], "no author")
    name = authors[0]
    insert(a.body, f'<div class="author-box"><img alt="Image of {name}" src="/avatar.jpg">'
                   f'<p class="author-box__name">About {name}</p><p class="author-box__bio">{name} '
                   f'has covered games and entertainment for six years, with a soft spot for '
                   f'strategy games.</p></div>', "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT, RIGHT, """A consent-management platform: a cookie banner ("We value your
privacy", Accept All / Reject All) at the top of <body>, outside the article.""")
def cookie_consent_banner(sample: Sample) -> Mutated:
    tree = parse(sample.html)
    name = site_name(sample)
    insert(tree.body, f'<div id="consent-banner" role="dialog" aria-label="Cookie consent">'
                      f'<h2>We value your privacy</h2><p>{name} and our partners use cookies to '
                      f'store and access information on your device for personalised ads and '
                      f'content, measurement and audience research.</p><button>Accept All</button>'
                      f'<button>Reject All</button><a href="/privacy/">Manage options</a></div>',
           "prepend")
    return Mutated(tree.html, same(sample))


# ------------------------------------------------- no right extraction exists

@register(HOLDOUT, NONE, """A soft 404: the URL answers 200 with the site's "Page not found"
page in the site's own chrome (no article, no article metadata).""")
def soft_404_page(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    for node in tree.css('script[type="application/ld+json"], meta[property^="og:"], '
                         'meta[property^="article:"], meta[name="description"], link[rel="canonical"]'):
        node.decompose()
    title = tree.css_first("title")
    name = site_name(sample)
    if title is not None:
        insert(title, f"<title>Page not found - {name}</title>", "before")
        title.decompose()
    target = a.article if a.article is not None and a.article.tag != "body" else a.body
    insert(target, f'<div class="error-404 not-found"><h1 class="page-title">Page not found</h1>'
                   f'<p>Sorry, the page you were looking for could not be found. It may have been '
                   f'moved or deleted.</p><form role="search" action="/"><input type="search" '
                   f'name="s" placeholder="Search {name}"><button>Search</button></form></div>',
           "before")
    target.decompose()
    return Mutated(tree.html, None)


@register(HOLDOUT, NONE, """A client-side rendering failure: the body container holds only an
error boundary's message ("Something went wrong ..."); headline, byline and metadata render.""")
def error_boundary_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    for node in children(a.body):
        node.decompose()
    insert(a.body, '<div class="error-boundary" role="alert"><p>Something went wrong while '
                   'loading this article.</p><p>Please refresh the page or try again later.</p>'
                   '<button type="button">Try again</button></div>', "append")
    return Mutated(tree.html, None)


@register(HOLDOUT, NONE, """HTML entities escaped twice by an import script: readers see
"&#8217;" and "&#8211;" literally in the headline and the body. The page itself is wrong.""")
def entities_double_escaped(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)

    def escaped(s: str) -> str:
        return "".join(f"&#{ord(ch)};" if ord(ch) > 127 else ch for ch in typographic(s))
    for node in (a.headline, a.body):
        if node is not None:
            rewrite_text(node, escaped)
    return Mutated(tree.html, None)


@register(HOLDOUT, NONE, """A UTF-8 page served with "Content-Type: text/html;
charset=iso-8859-1" and no <meta charset> (a misconfigured CDN). Browsers honour the header
and show mojibake; the page as served is wrong, so no right extraction exists.""")
def utf8_served_as_latin1(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    for node in (a.headline, a.body):
        if node is not None:
            rewrite_text(node, typographic)
    for meta in tree.css("meta[charset]"):
        meta.decompose()
    for meta in tree.css("meta[http-equiv]"):
        if (meta.attributes.get("http-equiv") or "").lower() == "content-type":
            meta.decompose()
    # the CMS writes a non-breaking space as the character, not as &nbsp; (lexbor's choice)
    html = tree.html.replace("&nbsp;", "\u00a0")
    return Mutated(html.encode("utf-8"), None, content_type="text/html; charset=iso-8859-1")


# ------------------------------------------------- added second: the article's extent

@register(HOLDOUT, RIGHT, """The article continues after a "Continue reading below" divider in
a sibling container with a class of its own (<div class="article-continued">). Both halves
are the article: the right body is every paragraph.""")
def article_continued_other_class(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    kids = children(a.body)
    content = content_children(a.body)
    cut = kids.index(content[len(content) // 2])
    placed = insert(a.body, '<p class="continue-divider">Continue reading below</p>'
                            '<div class="article-continued"></div>', "after")
    for node in kids[cut:]:
        placed[-1].insert_child(node, move=True)
    return Mutated(tree.html, same(sample))


@register(HOLDOUT, RIGHT, """A "Read more" collapse: the second half of the body sits in the
page inside a collapsed element (hidden, aria-expanded=false) with a Read more button. The
text is served, so the right body is every paragraph.""")
def read_more_collapsed(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    kids = children(a.body)
    content = content_children(a.body)
    cut = kids.index(content[len(content) // 2])
    placed = insert(kids[cut], '<div class="read-more" id="read-more-body" hidden '
                               'aria-expanded="false"></div>', "before")
    for node in kids[cut:]:
        placed[0].insert_child(node, move=True)
    insert(placed[0], '<button class="read-more-toggle" aria-controls="read-more-body">'
                      'Read more</button>', "before")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT, RIGHT, """Infinite scroll rendered server-side: the next story (its own
<article> with headline, byline and paragraphs) follows this one. The right fields are
this page's article only.""")
def next_article_appended(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    anchor = a.article if a.article is not None and a.article.tag != "body" else a.body
    paras = "".join(f"<p>{t}</p>" for t in (
        "Fans lined up for hours on Saturday to get a first look at the new expansion.",
        "The developers said the reaction surprised them, and promised more news next month.",
        "A second hands-on event is planned for the autumn, although no date has been set."))
    insert(anchor, f'<article class="next-article" data-infinite-scroll="1"><header><h2 '
                   f'class="next-article__title">Fans queue for hours at the expansion preview</h2>'
                   f'<p class="next-article__byline">By Priya Raman</p></header><div '
                   f'class="next-article__body">{paras}</div></article>', "after")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT, NONE, """An app-only teaser: the body stops after three paragraphs with an
ellipsis and "Read the full story in the app"; the rest is not in the page.""")
def app_teaser_ellipsis(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    kept = 0
    for node in children(a.body):
        if kept >= 3:
            node.decompose()
        elif node.tag == "p" and squeeze(text_of(node)):
            kept += 1
    insert(a.body, '<p class="app-teaser">…</p><p class="app-teaser"><a href="/app/">Read the '
                   'full story in the app</a></p>', "append")
    return Mutated(tree.html, None)


# ------------------------------------------------- added third: dates, a clean cut, a widget

@register(HOLDOUT, RIGHT, """The visible date is reformatted ("August 6, 2025") and loses its
machine-readable attribute; the meta and JSON-LD publication time are unchanged, so the
right published time is unchanged.""")
def visible_date_reformatted(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    scope = a.article if a.article is not None else tree.body
    node = scope.css_first("[data-datetime], time[datetime]")
    if node is None or not sample.expected["published"]:
        raise NotApplicable("no visible date")
    y, m, d = sample.expected["published"][:10].split("-")
    months = ("January February March April May June July August September October November "
              "December").split()
    attrs = "".join(f' {k}="{_attr(v)}"' for k, v in node.attributes.items()
                    if v is not None and k not in ("datetime", "data-datetime"))
    insert(node, f"<{node.tag}{attrs}>{months[int(m) - 1]} {int(d)}, {y}</{node.tag}>", "before")
    node.decompose()
    return Mutated(tree.html, same(sample))


@register(HOLDOUT, NONE, """The body cut cleanly at a paragraph boundary: the first 40% of the
article, every sentence complete, no marker of what is missing (a truncated response that
happened to end between tags). JSON-LD still describes the whole article.""")
def body_cut_at_paragraph_boundary(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    kids = children(a.body)
    content = content_children(a.body)
    keep = content[max(2, int(len(content) * 0.4)) - 1]
    for node in kids[kids.index(keep) + 1:]:
        node.decompose()
    return Mutated(tree.html, None)


@register(HOLDOUT, RIGHT, """A third-party comment widget's text glued inside the body container
with the body's paragraph markup ("Join the conversation", "12 Comments", "Sort by: Newest",
user names, "Like · Reply · 3d"). Labelled like comments_glued_in_body: the thread is
recognisable by its text, so the right body is the article's paragraphs only.""")
def comment_widget_glued(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    paras = [p for p in children(a.body) if p.tag == "p"]
    attrs = "".join(f' {k}="{_attr(v)}"' for k, v in paras[-1].attributes.items()
                    if v is not None) if paras else ""
    lines = ["Join the conversation", "12 Comments", "Sort by: Newest"]
    for user, text, when in (("pixel_pilgrim", "Can't wait for this, the last one was great.", "3d"),
                             ("Marta K.", "Hope they fix the servers before launch this time.", "2d"),
                             ("quietstorm", "Anyone know the file size?", "1d")):
        lines += [user, text, f"Like · Reply · {when}"]
    insert(a.body, "".join(f"<p{attrs}>{line}</p>" for line in lines), "append")
    return Mutated(tree.html, same(sample))
