"""The tenth held-out set (sealed): template changes and incidents none of the earlier kinds covers.

Same contract as the other sets (a Sample in, a Mutated out, each kind labelled). Written
blind: by someone who did not read the checks (pressguard/verdict/: checks.py, incidents,
site_profile.py, fingerprint.py, assess.py), from what publishers' front-end frameworks,
editors, plugins, CDNs, databases and migrations do to article pages, not from what the
checks look at. Measured once on main as it stood at the start of the session that wrote
it (README.md), then by the lead on that session's code. Keep it out of tuning: a check
changed because one of these kinds failed turns its figure into a tuning figure.
"""

from __future__ import annotations

import base64
import json
import re
from datetime import datetime, timedelta

from anatomy import children, contains, insert, prose_paragraphs, replace, squeeze, text_of, wrap
from base import NONE, RIGHT, AnyOf, Kind, Mutated, NotApplicable, Sample, published_as_stated, register, required, \
    rng_for, same
from holdout2 import _attrs, _body_index, _inner, _p_attrs, _scope
from holdout9 import MONTHS, _meta, reprint_dates, wrap_children
from mutations import _attr, anatomy_of, content_children, rewrite_stored_text, rewrite_text, site_name

HOLDOUT10: list[Kind] = []


def _raw(tree, placements) -> str:
    """The page with raw markup or text put at DOM positions: [(node, where, raw), ...].
    For what the DOM cannot hold as served (a template's content, bare text between
    blocks, an unclosed tag, the end of a cut document): a marker element is inserted,
    then swapped for the raw string in the serialised page."""
    for n, (node, where, _raw_text) in enumerate(placements):
        insert(node, f"<h10-mark-{n}></h10-mark-{n}>", where)
    html = tree.html
    for n, (_node, _where, raw_text) in enumerate(placements):
        html = html.replace(f"<h10-mark-{n}></h10-mark-{n}>", raw_text, 1)
    return html


def _middle_block(a):
    """The body's content block at about the middle (never the first or the last)."""
    content = required(content_children(a.body), "fewer than four content blocks in the body", at_least=4)
    return content, content[len(content) // 2]


def _post_id(sample: Sample) -> str:
    m = re.search(r"\?p=(\d+)", sample.html) or re.search(r'post-(\d+)', sample.html)
    return m.group(1) if m else "4471"


# ------------------------------------------------- a right extraction exists

SOCIAL_POSTS = (
    ("twitter", "Huge thanks to everyone who played this weekend. We read every report, and the first "
                "round of fixes is already in testing. More news very soon.", "Lantern Yard Games",
     "lanternyard"),
    ("bluesky", "Honestly the best change this year. The schedule finally makes sense and the matches "
                "feel fair again. Can't wait for the next split.", "Mika Sato", "mikasato.bsky.social"),
)


@register(HOLDOUT10, RIGHT, """Social posts embedded in the article, as newsrooms quote studios
and players: after the first prose paragraph an X/Twitter embed (<blockquote
class="twitter-tweet"> with the post's text in a <p lang="en">, then "— Name (@handle)" and
the post's date as a link, and platform.twitter.com/widgets.js), and further down a Bluesky
embed (<blockquote class="bluesky-embed" data-bluesky-uri=...> with the same shape and
embed.bsky.app's script). The posts are quoted material: the right body is the article's
paragraphs, with or without the two posts' texts where they sit.""")
def social_post_embeds(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "fewer than three prose paragraphs", at_least=3)
    when = published_as_stated(sample) - timedelta(days=1)
    day = f"{MONTHS[when.month - 1]} {when.day}, {when.year}"
    anchors = (prose[0], prose[len(prose) // 2])
    body = list(sample.expected["body"])
    with_posts = list(body)
    for (network, text, name, handle), anchor in sorted(zip(SOCIAL_POSTS, anchors),
                                                          key=lambda pair: -_body_index(sample, pair[1])):
        i = _body_index(sample, anchor)
        with_posts.insert(i + 1, text)
        if network == "twitter":
            embed = (f'<blockquote class="twitter-tweet" data-dnt="true"><p lang="en" dir="ltr">{text}</p>'
                     f'&mdash; {name} (@{handle}) <a href="https://twitter.com/{handle}/status/'
                     f'1953012345678901234?ref_src=twsrc%5Etfw">{day}</a></blockquote>'
                     f'<script async src="https://platform.twitter.com/widgets.js" charset="utf-8"></script>')
        else:
            embed = (f'<blockquote class="bluesky-embed" data-bluesky-uri="at://did:plc:4xk2q7m/app.bsky.feed.'
                     f'post/3lvq2x7kz2s2a" data-bluesky-cid="bafyreih3k2q"><p lang="en">{text}</p>&mdash; '
                     f'{name} (<a href="https://bsky.app/profile/did:plc:4xk2q7m?ref_src=embed">@{handle}</a>) '
                     f'<a href="https://bsky.app/profile/did:plc:4xk2q7m/post/3lvq2x7kz2s2a?ref_src=embed">'
                     f'{day} at 4:03 PM</a></blockquote><script async src="https://embed.bsky.app/static/'
                     f'embed.js" charset="utf-8"></script>')
        insert(anchor, embed, "after")
    return Mutated(tree.html, same(sample, body=AnyOf((body, with_posts))))


@register(HOLDOUT10, RIGHT, """A dark-mode theme release: <html class="dark" data-theme="dark"
style="color-scheme: dark">, <meta name="color-scheme"> and two media-dependent theme-color
metas, a blocking inline script in <head> that sets the theme from localStorage before paint,
a theme toggle button at the top of <body> ("Switch to light mode"), the logo and every image
of the article inside a <picture> with a (prefers-color-scheme: dark) source. The words on the
page are the same.""")
def dark_mode_theme_markup(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    root = tree.root
    root.attrs["class"] = " ".join(((root.attributes.get("class") or "") + " dark").split())
    root.attrs["data-theme"] = "dark"
    root.attrs["style"] = "color-scheme: dark"
    if tree.head is not None:
        insert(tree.head, '<meta name="color-scheme" content="dark light">'
                          '<meta name="theme-color" content="#ffffff" media="(prefers-color-scheme: light)">'
                          '<meta name="theme-color" content="#0f1115" media="(prefers-color-scheme: dark)">'
                          '<script>try{var t=localStorage.getItem("theme")||(matchMedia("(prefers-color-scheme:'
                          ' dark)").matches?"dark":"light");document.documentElement.dataset.theme=t;document.'
                          'documentElement.classList.toggle("dark",t==="dark")}catch(e){}</script>', "append")
    insert(tree.body, '<button type="button" class="theme-toggle" aria-pressed="true" data-theme-toggle>'
                      '<svg class="icon" aria-hidden="true"><use href="#icon-sun"></use></svg>'
                      '<span class="theme-toggle__label">Switch to light mode</span></button>', "prepend")
    scope = _scope(a)
    for img in scope.css("img"):
        src = img.attributes.get("src")
        if not src or (img.parent is not None and img.parent.tag == "picture"):
            continue
        dark = re.sub(r"(\.\w+)(\?|$)", r"-dark\1\2", src, count=1)
        picture = wrap(img, '<picture class="theme-aware">')
        insert(picture, f'<source media="(prefers-color-scheme: dark)" srcset="{_attr(dark)}">', "prepend")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT10, RIGHT, """A move to web components rendered on the server with Lit SSR: the
body container's blocks are printed inside an <article-body defer-hydration> custom element,
in a declarative shadow root (<template shadowrootmode="open"> with the component's <style>),
each block between Lit's <!--lit-part--> / <!--/lit-part--> markers, and the hydration support
module loaded. Browsers attach the shadow root while parsing and show the same article; the
words are served in the page, so the right fields are unchanged.""")
def lit_ssr_declarative_shadow_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    kids = list(a.body.iter(include_text=True))
    parts = "".join(f"<!--lit-part Qx7{n:03d}-->{k.html}<!--/lit-part-->" if k.tag != "-text"
                    else (k.text_content or "") for n, k in enumerate(kids))
    for kid in kids:
        kid.decompose()
    shadow = ('<article-body defer-hydration><template shadowrootmode="open" shadowroot="open"><style>'
              ':host{display:block}p{margin:0 0 1.25em;line-height:1.7}h2,h3{margin:2em 0 .75em}</style>'
              f'<!--lit-part vJ3w2b8Kx1s=-->{parts}<!--/lit-part--></template></article-body>')
    html = _raw(tree, [(a.body, "append", shadow)])
    html = html.replace("</body>", '<script type="module" src="/static/lit/experimental-hydrate-support.js">'
                                   '</script></body>', 1)
    return Mutated(html, same(sample))


def _vue_hash(rng) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(8))


@register(HOLDOUT10, RIGHT, """A move to Nuxt (Vue server-side rendering): everything inside
<body> sits in <div id="__nuxt">, every element of a component carries its scoped-style
attribute (data-v-1a2b3c4d, one per component: header, article, body, sidebar ...), Vue's
fragment markers <!--[--> <!--]--> surround the body's v-for blocks and <!----> stands where a
v-if is false, and the post (title, excerpt, author, date, the content's HTML) is serialised
again in <script type="application/json" id="__NUXT_DATA__" data-ssr="true">. The visible
article is the same.""")
def nuxt_ssr_scoped_attrs(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    rng = rng_for(sample, "nuxt_ssr_scoped_attrs")
    components: dict[str, str] = {}
    scope = _scope(a)
    for node in tree.body.traverse(include_text=False):
        if node.tag in ("body", "script", "style", "svg", "path", "symbol", "use"):
            continue
        # one scoped-style hash per component: the body, the rest of the article, and
        # elsewhere the block named by the element's first class (or its tag)
        if node.mem_id == a.body.mem_id or contains(a.body, node):
            key = "body"
        elif node.mem_id == scope.mem_id or contains(scope, node):
            key = "article"
        else:
            key = ((node.attributes.get("class") or "").split() or [node.tag])[0].split("__")[0]
        if key not in components:
            components[key] = _vue_hash(rng)
        node.attrs[f"data-v-{components[key]}"] = ""
    e = sample.expected
    payload = [{"data": 1, "state": 9}, {"post": 2}, {"title": 3, "excerpt": 4, "author": 5, "date": 6,
                                                     "content": 7, "slug": 8},
               e["headline"], e["dek"] or "", (e["authors"] or [None])[0], e["published"],
               "".join(b.html for b in a.blocks), sample.slug, {}]
    data = json.dumps(payload, ensure_ascii=False).replace("</", "<\\/")
    placements = []
    if a.blocks:
        placements += [(a.blocks[0], "before", "<!--[-->"), (a.blocks[-1], "after", "<!--]-->")]
    if a.headline is not None:
        placements.append((a.headline, "after", "<!---->"))
    html = _raw(tree, placements)
    body_open = re.search(r"<body\b[^>]*>", html)
    end = html.rindex("</body>")
    html = (html[:body_open.end()] + '<div id="__nuxt"><!--[-->' + html[body_open.end():end] + "<!--]--></div>"
            f'<script type="application/json" id="__NUXT_DATA__" data-ssr="true">{data}</script>'
            '<script>window.__NUXT__={};window.__NUXT__.config={public:{},app:{baseURL:"/",buildId:"7c1e9a2f",'
            'buildAssetsDir:"/_nuxt/",cdnURL:""}}</script><script type="module" src="/_nuxt/entry.B1q9xK2d.js"'
            ' crossorigin></script>' + html[end:])
    return Mutated(html, same(sample))


LIQUID_TAGS = ('{% include newsletter-inline.html list="daily" %}', '{% youtube "Xk3v9Qp2LmA" %}',
               '{% include related-posts.html tag="news" limit=3 %}')


@register(HOLDOUT10, RIGHT, """A migration from Jekyll to WordPress: the posts' Markdown was
converted, but their Liquid tags were not, so WordPress prints them verbatim, each in a
paragraph of its own (wpautop) in the body's paragraph markup: "{% include newsletter-inline.html
list="daily" %}" after the second block, "{% youtube "..." %}" mid-article, "{% include
related-posts.html ... %}" at the end. The tags are the old site's template instructions, not
article text: the right body is the article's paragraphs.""")
def jekyll_liquid_tags_in_content(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    content, middle = _middle_block(a)
    p_attrs = _p_attrs(a)
    for anchor, tag in ((content[1], LIQUID_TAGS[0]), (middle, LIQUID_TAGS[1]), (content[-1], LIQUID_TAGS[2])):
        insert(anchor, f"<p{p_attrs}>{tag.replace('&', '&amp;').replace('<', '&lt;')}</p>", "after")
    return Mutated(tree.html, same(sample))


def _docs_guid(rng) -> str:
    hexes = "0123456789abcdef"
    return "-".join("".join(rng.choice(hexes) for _ in range(n)) for n in (8, 4, 4, 4, 12))


@register(HOLDOUT10, RIGHT, """A newsroom that writes in Google Docs and pastes into the CMS: the
pasted markup comes along. The body's blocks sit inside Docs' <b style="font-weight:normal;"
id="docs-internal-guid-..."> wrapper, every paragraph gets dir="ltr" and inline line-height /
margin styles with its text in <span style="font-size:11pt;font-family:Arial;color:#000000;
font-weight:400;...">, headings the same with a bigger font, and the blank lines between
paragraphs become <p>&nbsp;</p> spacers. Not bold, not different words: the right fields are
unchanged.""")
def google_docs_paste_markup(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    rng = rng_for(sample, "google_docs_paste_markup")
    span = ('<span style="font-size:{size}pt;font-family:Arial,sans-serif;color:#000000;background-color:'
            'transparent;font-weight:{weight};font-style:normal;font-variant:normal;text-decoration:none;'
            'vertical-align:baseline;white-space:pre-wrap;">')
    changed = 0
    for block in list(a.blocks):
        if block.tag == "p":
            style = ' dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"'
            replace(block, f"<p{_attrs(block, ('dir', 'style'))}{style}>{span.format(size=11, weight=400)}"
                           f"{_inner(block)}</span></p>")
            changed += 1
        elif block.tag in ("h2", "h3", "h4"):
            style = ' dir="ltr" style="line-height:1.38;margin-top:18pt;margin-bottom:6pt;"'
            replace(block, f"<{block.tag}{_attrs(block, ('dir', 'style'))}{style}>"
                           f"{span.format(size=16 if block.tag == 'h2' else 14, weight=400)}{_inner(block)}"
                           f"</span></{block.tag}>")
    if not changed:
        raise NotApplicable("no paragraph in the body")
    for p in [c for c in children(a.body) if c.tag == "p"][:-1]:
        insert(p, "<p>&nbsp;</p>", "after")
    wrap_children(a.body, f'<b style="font-weight:normal;" id="docs-internal-guid-{_docs_guid(rng)}">')
    return Mutated(tree.html, same(sample))


@register(HOLDOUT10, RIGHT, """Two SEO plugins active at once after a migration (the old one
not switched off): next to the site's JSON-LD, the second plugin prints its own @graph in
<script class="rank-math-schema">: an Article whose headline is the SEO title with the site's
name appended ("<headline> - <Site>"), whose author is the plugin's default ("<Site> Staff"),
whose datePublished is the same instant written in the site's local offset (-04:00), plus
Organization, WebSite and BreadcrumbList nodes. The visible page is unchanged: the right
fields are the visible ones.""")
def second_seo_plugin_jsonld(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    e = sample.expected
    site = site_name(sample)
    host = sample.host
    when = published_as_stated(sample)
    local = (when - timedelta(hours=4)).replace(tzinfo=None).isoformat() + "-04:00"
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "Organization", "@id": f"https://{host}/#organization", "name": site, "url": f"https://{host}/"},
        {"@type": "WebSite", "@id": f"https://{host}/#website", "url": f"https://{host}/", "name": site,
         "publisher": {"@id": f"https://{host}/#organization"}},
        {"@type": "BreadcrumbList", "@id": f"{sample.url}#breadcrumb", "itemListElement": [
            {"@type": "ListItem", "position": 1, "item": {"@id": f"https://{host}/", "name": "Home"}},
            {"@type": "ListItem", "position": 2, "item": {"@id": sample.url, "name": f"{e['headline']} - {site}"}}]},
        {"@type": "Article", "@id": f"{sample.url}#richSnippet", "headline": f"{e['headline']} - {site}",
         "description": e["dek"] or "", "datePublished": local, "dateModified": local,
         "author": {"@type": "Person", "name": f"{site} Staff", "url": f"https://{host}/author/staff/"},
         "publisher": {"@id": f"https://{host}/#organization"}, "inLanguage": "en-US",
         "mainEntityOfPage": {"@id": sample.url}},
    ]}
    text = json.dumps(graph, ensure_ascii=False).replace("</", "<\\/")
    target = tree.head if tree.head is not None else tree.body
    insert(target, f'<script type="application/ld+json" class="rank-math-schema">{text}</script>', "append")
    return Mutated(tree.html, same(sample))


CAPTIONS = ("Players line up for the open beta at the studio's booth on Saturday. (Photo: Nadia Lindgren "
            "for {site})", "The new season's key art, released on Tuesday. (Image: press kit)")


@register(HOLDOUT10, RIGHT, """A rollback from the block editor to the classic editor: every image
in the body is printed the classic [caption] way, <div id="attachment_N" class="wp-caption
aligncenter" style="width: 1034px"> with the <img> and the caption in a <p class="wp-caption-text">
(a paragraph element, not a <figcaption>), with a credit in brackets; a page without an image
in its body gets one after its second prose paragraph. Captions are not the article's text:
the right body is the article's paragraphs.""")
def classic_caption_divs(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    site = site_name(sample)
    figures = [f for f in a.body.css("figure") if f.css_first("img") is not None]
    n = 4471
    for fig in figures:
        img = fig.css_first("img")
        cap = fig.css_first("figcaption")
        caption = _inner(cap) if cap is not None and text_of(cap) else CAPTIONS[1]
        src = img.attributes.get("src") or ""
        replace(fig, f'<div id="attachment_{n}" style="width: 1034px" class="wp-caption aligncenter"><img '
                     f'aria-describedby="caption-attachment-{n}" class="size-large wp-image-{n}" src="{_attr(src)}"'
                     f' alt="" width="1024" height="576"><p id="caption-attachment-{n}" class="wp-caption-text">'
                     f'{caption}</p></div>')
        n += 1
    if not figures:
        prose = prose_paragraphs(a)
        if len(prose) < 2:
            raise NotApplicable("no image in the body and fewer than two prose paragraphs")
        host = sample.host
        insert(prose[1], f'<div id="attachment_{n}" style="width: 1034px" class="wp-caption aligncenter"><img '
                         f'aria-describedby="caption-attachment-{n}" class="size-large wp-image-{n}" src="https://'
                         f'{host}/wp-content/uploads/2025/08/beta-booth.jpg" alt="" width="1024" height="576"><p id='
                         f'"caption-attachment-{n}" class="wp-caption-text">{CAPTIONS[0].format(site=site)}</p></div>',
               "after")
    return Mutated(tree.html, same(sample))


_US_DATE = re.compile(r"([A-Z][a-z]{2,8})\.? (\d{1,2}), (\d{4})(?:,? (\d{1,2}):(\d{2}) ?([ap]m))?", re.I)


def _uk_date(text: str) -> str | None:
    """"Published: Aug 6, 2025 1:58 am" (US Eastern) as the UK edition prints the same instant:
    "Published: 06/08/2025, 06:58 BST" (day first, 24-hour clock, UK summer time)."""
    m = _US_DATE.search(text)
    if not m:
        return None
    month = next((i for i, name in enumerate(MONTHS) if name.lower().startswith(m.group(1).lower()[:3])), None)
    if month is None:
        return None
    hour, minute = 12, 0
    if m.group(4):
        hour = int(m.group(4)) % 12 + (12 if m.group(6).lower() == "pm" else 0)
        minute = int(m.group(5))
    when = datetime(int(m.group(3)), month + 1, int(m.group(2)), hour, minute)
    if not 3 < when.month < 11:
        return None  # outside both summers the offset differs: not this kind's page
    uk = when + timedelta(hours=5)  # EDT (UTC-4) to BST (UTC+1)
    out = f"{uk:%d/%m/%Y}" + (f", {uk:%H:%M} BST" if m.group(4) else "")
    return text[:m.start()] + out + text[m.end():]


@register(HOLDOUT10, RIGHT, """A UK edition of a US site (regional editions sharing one article
database): <html lang="en-GB">, og:locale en_GB, an edition switcher ("UK edition · Switch to
US") above the header, and the visible date printed the British way, day first and in UK time
("Published: 06/08/2025, 06:58 BST" for "Aug 6, 2025 1:58 am" Eastern). The meta and JSON-LD
times are unchanged (the same instant), so the right published time is unchanged; so are the
other fields.""")
def uk_edition_day_first_dates(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if tree.root is not None:
        tree.root.attrs["lang"] = "en-GB"
    for meta in _meta(tree, "og:locale"):
        meta.attrs["content"] = "en_GB"
    dated = required(reprint_dates(a, _uk_date), "no visible date in a US format to print the British way")
    insert(tree.body, '<div class="edition-bar" role="region" aria-label="Edition"><span class="edition-bar__'
                      'current">UK edition</span> · <a href="?edition=us" hreflang="en-US">Switch to US</a></div>',
           "prepend")
    return Mutated(tree.html, same(sample))


PRINT_HEADLINES = ("The Long Wait Is Over", "A Season of Second Chances", "Patch Notes, Read Closely",
                   "Fans Ask for More Time", "What the Beta Taught Them")


@register(HOLDOUT10, RIGHT, """A newspaper group's print-edition line, as printed under stories
that also ran in the paper: after the body container, inside the article, "A version of this
article appears in print on <the next day>, Section C, Page 4 of the National edition with the
headline: <the print headline>. Order Reprints | Today's Paper | Subscribe". The print
headline is shorter and different from the web one, and the day is the print day. The web
article is unchanged: the right fields are too.""")
def print_edition_headline_line(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    rng = rng_for(sample, "print_edition_headline_line")
    day = published_as_stated(sample) + timedelta(days=1)
    weekday = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[day.weekday()]
    printed = rng.choice(PRINT_HEADLINES)
    insert(a.body, f'<div class="print-info" data-testid="print-info"><p class="print-info__line">A version of '
                   f'this article appears in print on {weekday}, {MONTHS[day.month - 1]} {day.day}, {day.year}, '
                   f'Section C, Page 4 of the National edition with the headline: {printed}. <a href="/reprints/">'
                   f'Order Reprints</a> | <a href="/todays-paper/">Today\'s Paper</a> | <a href="/subscribe/">'
                   f'Subscribe</a></p></div>', "after")
    return Mutated(tree.html, same(sample))


_RAW_BLOCK = re.compile(r"(<(script|style|pre|textarea)\b.*?</\2\s*>)", re.S | re.I)
_P_CLOSE = re.compile(r"</p>(\s*)(?=<(?:p|h[1-6]|div|ul|ol|dl|figure|blockquote|section|aside|table|hr|header|"
                      r"footer|nav|form|pre|address|details|fieldset|main|menu)\b|</(?:div|article|section|main|"
                      r"aside|header|footer|blockquote|figure|li|td|body)>)", re.I)
_LI_CLOSE = re.compile(r"</li>(\s*)(?=<li\b|</[ou]l>)", re.I)
_QUOTED = re.compile(r'(\s[\w:-]+)="([A-Za-z0-9_.:#-]+)"')
_EMPTY_BOOL = re.compile(r'\s(defer|async|hidden|disabled|checked|selected|readonly|required|multiple|'
                         r'autofocus|novalidate|allowfullscreen|nomodule|open)=""', re.I)
_REDUNDANT = re.compile(r'\s(?:type="text/javascript"|type="text/css"|method="get")', re.I)


@register(HOLDOUT10, RIGHT, """An aggressive HTML minifier at the CDN (html-minifier-terser with
removeOptionalTags, removeAttributeQuotes, collapseBooleanAttributes,
removeRedundantAttributes, useShortDoctype): end tags the HTML standard lets a document omit
are gone (</p> before a block or a closing container, </li> before the next item,
</body></html>), attribute values without spaces or slashes lose their quotes (class=post-title),
boolean attributes lose their empty value, type="text/javascript" goes, comments go. Whitespace
is left as it was. Browsers build the same document: the right fields are unchanged.""")
def minifier_optional_tags_unquoted(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)  # the page must be one whose parts are found
    parts = _RAW_BLOCK.split(sample.html)
    out = []
    for i, chunk in enumerate(parts):
        if i % 3 == 2:
            continue  # the tag name captured by the split
        if i % 3 == 1:
            # a raw element: its own start tag is minified, its content left alone
            head_end = chunk.index(">") + 1
            start = _REDUNDANT.sub("", _EMPTY_BOOL.sub(lambda m: " " + m.group(1), chunk[:head_end]))
            out.append(_QUOTED.sub(r"\1=\2", start) + chunk[head_end:])
            continue
        chunk = re.sub(r"<!--(?!\[).*?-->", "", chunk, flags=re.S)
        chunk = _P_CLOSE.sub(r"\1", chunk)
        chunk = _LI_CLOSE.sub(r"\1", chunk)
        chunk = re.sub(r"</body>\s*</html>\s*$", "", chunk, flags=re.I)
        chunk = re.sub(r"<!DOCTYPE html[^>]*>", "<!doctype html>", chunk, flags=re.I)
        chunk = re.sub(r"<[a-zA-Z][^<>]*>", lambda m: _QUOTED.sub(
            r"\1=\2", _REDUNDANT.sub("", _EMPTY_BOOL.sub(lambda b: " " + b.group(1), m.group(0)))), chunk)
        out.append(chunk)
    html = "".join(out)
    if html == sample.html:
        raise NotApplicable("nothing for the minifier to remove")
    return Mutated(html, same(sample))


def _surname_capitals(name: str) -> str:
    words = name.split()
    return " ".join(words[:-1] + [words[-1].upper()]) if words else name


@register(HOLDOUT10, RIGHT, """A byline style from the European press (and wire services): the
surname printed in capitals after the given name ("By Carla KOWALSKI", "By Ben ASHBY and Dana
RUIZ"), in the byline's own markup; the meta author and JSON-LD keep the names as they were.
Same people: the right authors are the names as displayed, or as written elsewhere on the
page.""")
def byline_surname_in_capitals(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    names = sample.expected["authors"]
    if a.byline is None or not a.author_nodes or not names:
        raise NotApplicable("no byline (a staff piece)")
    shown = [_surname_capitals(n) for n in names]
    if shown == names:
        raise NotApplicable("the surnames are already in capitals")
    for node, name in zip(a.author_nodes, names):
        rewrite_text(node, lambda t, name=name: t.replace(name.split()[-1], name.split()[-1].upper()))
    return Mutated(tree.html, same(sample, authors=AnyOf((shown, list(names)))))


# ------------------------------------------------- no right extraction exists

def _as_latin1_connection(text: str) -> str:
    """The stored text (with the smart apostrophes and dashes a CMS writes) after a dump
    through a connection whose character set cannot hold them: each such character a "?"."""
    smart = text.replace("'", "\u2019").replace(" - ", " \u2013 ")
    return "".join(ch if ch.isascii() else "?" for ch in smart)


@register(HOLDOUT10, NONE, """A database move that dumps through a connection with the wrong
character set (the classic WordPress migration: mysqldump with a latin1 / ascii default, the
import into utf8mb4): every character the connection could not hold is stored as "?", so
readers see "the studio?s", "S?o Paulo", "2024 ? 2025" in the headline, dek and body, and in
every copy of them (<title>, meta descriptions, JSON-LD); the stored text had the smart
apostrophes and dashes a CMS writes. The page's text is wrong as served.""")
def db_charset_question_marks(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    e = sample.expected
    said = [e["headline"] or "", e["dek"] or ""] + list(e["body"] or [])
    if all(_as_latin1_connection(s) == s for s in said):
        raise NotApplicable("no character in the article's text that the connection would lose")
    rewrite_stored_text(tree, a, _as_latin1_connection)
    return Mutated(tree.html, None)


@register(HOLDOUT10, NONE, """An affiliate-link plugin (ThirstyAffiliates style) deactivated
during a migration: its shortcodes stay in the stored posts and print as text, so every link
inside the body's prose paragraphs reads "[thirstylink ids="4471"]link text[/thirstylink]",
and the plugin's stand-alone "[thirstylink_disclosure]" line is printed before the first
paragraph. The paragraphs as served are not the article's text (the page shows markup
inside them): broken, naming the body.""")
def affiliate_shortcodes_unrendered(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    changed = 0
    n = 4471
    for p in prose_paragraphs(a):
        links = p.css("a")
        if not links:
            continue
        def shortcode(m):
            nonlocal n
            n += 1
            return f'[thirstylink ids="{n - 1}"]{m.group(1)}[/thirstylink]'
        inner = re.sub(r"<a\b[^>]*>(.*?)</a>", shortcode, _inner(p), flags=re.S)
        replace(p, f"<p{_attrs(p)}>{inner}</p>")
        changed += 1
    if not changed:
        raise NotApplicable("no link inside a prose paragraph")
    first = content_children(a.body)[0]
    insert(first, f"<p{_p_attrs(a)}>[thirstylink_disclosure]</p>", "before")
    return Mutated(tree.html, None)


@register(HOLDOUT10, NONE, """A PHP fatal error in the middle of the article: an inline
call-to-action template part calls an ACF function after ACF was deactivated, so PHP stops
with "Fatal error: Uncaught Error: Call to undefined function get_field() in
.../template-parts/content-inline-cta.php:14", its stack trace, and nothing after it (no more
paragraphs, no closing tags, no footer), as PHP sends it with status 200 once output has
started. Half the article is not on the page.""")
def php_fatal_error_mid_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _content, middle = _middle_block(a)
    theme = re.sub(r"[^a-z0-9]+", "", sample.site.lower()) or "theme"
    fatal = ("<br />\n<b>Fatal error</b>:  Uncaught Error: Call to undefined function get_field() in "
             f"/var/www/html/wp-content/themes/{theme}/template-parts/content-inline-cta.php:14\n"
             "Stack trace:\n"
             "#0 /var/www/html/wp-includes/template.php(812): require()\n"
             f"#1 /var/www/html/wp-content/themes/{theme}/inc/content-filters.php(57): load_template('/var/www/html/w...', false, Array)\n"
             "#2 /var/www/html/wp-includes/class-wp-hook.php(324): {closure}('<p data-injecta...')\n"
             "#3 /var/www/html/wp-includes/plugin.php(205): WP_Hook->apply_filters('<p data-injecta...', Array)\n"
             "#4 {main}\n"
             f"  thrown in <b>/var/www/html/wp-content/themes/{theme}/template-parts/content-inline-cta.php</b>"
             " on line <b>14</b><br />\n")
    insert(middle, "<h10-cut></h10-cut>", "before")
    html = tree.html
    return Mutated(html[:html.index("<h10-cut></h10-cut>")] + fatal, None)


@register(HOLDOUT10, NONE, """An article retracted by the newsroom: the page stays up at its URL
with its headline, dek, byline and date, but the body is replaced by the editor's note
("Editor's note: This article has been removed. After publication, <Site> learned that it
relied on claims we could not verify, and it did not meet our editorial standards. We regret
the error."). The article's text is no longer on the page: broken, naming the body.""")
def article_retracted_notice(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    for node in children(a.body):
        node.decompose()
    insert(a.body, f'<p{_p_attrs(a)}><strong>Editor\u2019s note:</strong> This article has been removed. After '
                   f'publication, {site_name(sample)} learned that it relied on claims we could not verify, and it '
                   f'did not meet our editorial standards. We regret the error.</p>', "append")
    return Mutated(tree.html, None)


_TITLE_RUN = re.compile(r"\b[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)+")


@register(HOLDOUT10, NONE, """Game titles italicised in headlines (editors type
"<em>Starfall Tactics</em> review" into the title field), and a new theme that escapes the
title when it prints the <h1> (esc_html where the old one printed the HTML): the visible
headline reads "<em>Starfall Tactics</em> review – worth the wait", tags and all, while the
SEO plugin strips tags for <title>, og:title and JSON-LD. The headline shown is not the
article's headline: broken, naming the headline.""")
def headline_italics_tags_escaped(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    h = a.headline
    if h is None:
        raise NotApplicable("no headline element")
    m = required(_TITLE_RUN.search(text_of(h)), "no run of capitalised words (a title) in the headline")
    run = m.group(0)
    done = []

    def escape(t):
        if done or run not in t:
            return t
        done.append(1)
        return t.replace(run, f"<em>{run}</em>", 1)  # a text node: serialised as &lt;em&gt;
    rewrite_text(h, escape)
    if not done:
        raise NotApplicable("the title run is split over several text nodes")
    return Mutated(tree.html, None)


@register(HOLDOUT10, NONE, """A CDN migration to an edge that does not process Edge Side
Includes: the origin assembles long articles from ESI fragments (the part after the first
in-content ad, the related-stories rail), and the new edge passes the tags through untouched.
Browsers ignore the unknown <esi:include src="/esi/article-body/N?part=2" onerror="continue"/>
element, so the page ends the article at the middle of its body with nothing visible in place
of the rest. Half the article is not on the page.""")
def esi_fragments_not_processed(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    kids = children(a.body)
    _content, middle = _middle_block(a)
    post = _post_id(sample)
    # the fragment's blocks are what the edge was to fetch: gone, the tag in their place
    for node in kids[kids.index(middle):]:
        node.decompose()
    return Mutated(_raw(tree, [
        (a.body, "append", f'<esi:include src="/esi/article-body/{post}?part=2" onerror="continue"/>'),
        (a.body, "after", f'<esi:include src="/esi/related/{post}?limit=4" onerror="continue"/>')]), None)


@register(HOLDOUT10, NONE, """A members-only article behind an encrypting paywall (the rest of
the text shipped as ciphertext for the subscriber's browser to decrypt): the first two prose
paragraphs in clear, then <div class="paywall-encrypted" data-encrypted-content="<base64>"
data-key-id="..." hidden>, and a prompt ("This story is exclusive to <Site>+ members. Already
a member? Log in", "See plans"). The rest of the article is not readable on the page.""")
def paywall_rest_encrypted_blob(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "fewer than three prose paragraphs", at_least=3)
    kids = children(a.body)
    keep_to = kids.index(prose[1])
    rest = kids[keep_to + 1:]
    if not any(squeeze(text_of(n)) for n in rest):
        raise NotApplicable("nothing after the second prose paragraph")
    rng = rng_for(sample, "paywall_rest_encrypted_blob")
    size = sum(len(n.html) for n in rest)
    cipher = base64.b64encode(bytes(rng.randrange(256) for _ in range(min(size, 6000)))).decode("ascii")
    for node in rest:
        node.decompose()
    site = site_name(sample)
    insert(a.body, f'<div class="paywall-encrypted" data-encrypted-content="{cipher}" data-key-id="k-2025-08-a" '
                   f'data-alg="AES-GCM" hidden></div><div class="paywall-prompt"><p class="paywall-prompt__title">'
                   f'This story is exclusive to {site}+ members</p><p class="paywall-prompt__login">Already a '
                   f'member? <a href="/account/login/">Log in</a></p><a class="paywall-prompt__cta" href="/plus/">'
                   f'See plans</a></div>', "append")
    return Mutated(tree.html, None)


@register(HOLDOUT10, NONE, """A content import (a WXR export from the old CMS run through a
migration script) that stops at the first shortcode it cannot convert: the stored post ends
with the raw "[gallery ids="4471,4472,4473" columns="3" size="large" link="file"]" line, in
a paragraph of its own where the gallery was, around the middle of the article, and nothing
of the article follows. The page renders that stored post as it is: half the article is not
on the page.""")
def import_stopped_at_shortcode(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    kids = children(a.body)
    _content, middle = _middle_block(a)
    for node in kids[kids.index(middle):]:
        node.decompose()
    insert(a.body, f'<p{_p_attrs(a)}>[gallery ids="4471,4472,4473" columns="3" size="large" link="file"]</p>',
           "append")
    return Mutated(tree.html, None)


@register(HOLDOUT10, NONE, """An author-archive template part wired into the single-post
template by mistake (the author loop's the_content() reads the author's description): the
article page keeps its header (headline, dek, byline, date) but the body container holds the
author's profile, a two-paragraph bio ("<Name> is a staff writer at <Site> ...") and a
"Latest from <Name>" list of three other stories. The article's text is not on the page:
broken, naming the body.""")
def author_bio_replaces_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    names = required(sample.expected["authors"], "no author to print the profile of (a staff piece)")
    name, site = names[0], site_name(sample)
    first = name.split()[0]
    for node in children(a.body):
        node.decompose()
    p_attrs = _p_attrs(a)
    insert(a.body, f"<p{p_attrs}>{name} is a staff writer at {site}, covering news, guides and reviews since "
                   f"2019. Before joining {site}, {first} wrote for several regional outlets and spent three years "
                   f"in games retail, which explains a lasting soft spot for strategy games and long patch notes.</p>"
                   f"<p{p_attrs}>When not writing, {first} can usually be found replaying old tactics games or "
                   f"arguing about tier lists. Follow {first} on X and Bluesky for news as it breaks.</p>"
                   f"<h3>Latest from {name}</h3><ul class=\"author-latest\"><li><a href=\"/news/harbor-lights-"
                   f"delay/\">Harbor Lights delays its console release to next spring</a></li><li><a href=\"/guides/"
                   f"night-market-tips/\">Night market tips for the first week</a></li><li><a href=\"/reviews/"
                   f"tidebound-review/\">Tidebound review: a quiet storm</a></li></ul>", "append")
    return Mutated(tree.html, None)


__all__ = ["HOLDOUT10"]
