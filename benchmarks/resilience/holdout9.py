"""The ninth held-out set (sealed): template changes and incidents none of the earlier kinds covers.

Same contract as the other sets (a Sample in, a Mutated out, each kind labelled). Written
blind: by someone who did not read the checks (pressguard/verdict/checks.py,
site_profile.py, fingerprint.py, assess.py), from what publishers' CMS migrations, CDNs,
vendors and newsrooms do to article pages, not from what the checks look at. Measured once
on main as it stood at the start of the session that wrote it (README.md), then by the lead
on that session's code. Keep it out of tuning: a check changed because one of these kinds
failed turns its figure into a tuning figure.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta

from anatomy import children, contains, insert, paragraphs, prose_paragraphs, replace, slugify, squeeze, text_of, wrap
from base import NONE, RIGHT, AnyOf, Kind, Mutated, NotApplicable, Sample, register, required, same
from holdout2 import _attrs, _body_index, _inner, _p_attrs, _refill, _scope
from mutations import _attr, anatomy_of, author_link, drop_jsonld_dates, edit_jsonld, join_names, rewrite_stored_text, \
    walk_json

HOLDOUT9: list[Kind] = []

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
MESES = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic")


def _visible_dates(a) -> list:
    """The article's visible date elements (outside the body): <time>, or an element
    carrying its date in a data-datetime attribute."""
    scope = _scope(a)
    return [n for n in scope.css("time, [data-datetime]") if not contains(a.body, n)]


def reprint_dates(a, reprint) -> int:
    """Each visible date printed as reprint(its text) says (None: left as it is), a
    data-datetime that is not an ISO day following it; how many were reprinted."""
    dated = 0
    for node in _visible_dates(a):
        new = reprint(text_of(node))
        if new is None:
            continue
        attrs = {k: v for k, v in node.attributes.items() if v is not None}
        if "data-datetime" in attrs and not re.match(r"\d{4}-\d\d-\d\d", attrs["data-datetime"]):
            attrs["data-datetime"] = new
        replace(node, f'<{node.tag}{"".join(f" {k}={chr(34)}{_attr(v)}{chr(34)}" for k, v in attrs.items())}>'
                      f'{new}</{node.tag}>')
        dated += 1
    return dated


def _article_jsonld(obj, fn):
    """fn on every JSON-LD node that describes the article (the one with a headline)."""
    return walk_json(obj, lambda d: fn(d) if "headline" in d else None)


def _meta(tree, *keys):
    """<meta> elements whose property or name is one of keys."""
    return [m for m in tree.css("meta[content]")
            if (m.attributes.get("property") or m.attributes.get("name") or "").lower() in keys]


def _undated(sample: Sample, html: str) -> str:
    """The page, unless the publication day is still stated on it somewhere (then the kind
    did not remove every statement of the date on this page: n/a, said so)."""
    if sample.expected["published"][:10] in html:
        raise NotApplicable("the publication day is still stated elsewhere on the page")
    return html


def wrap_children(node, open_tag: str):
    """Every child of node moved into one new element (open_tag) inside it; returns it."""
    kids = list(node.iter(include_text=True))
    tag = re.match(r"<\s*([a-zA-Z][\w-]*)", open_tag).group(1)
    (inner,) = insert(node, f"{open_tag}</{tag}>", "prepend")
    for kid in kids:
        inner.insert_child(kid, move=True)
    return inner


def _only_first_author(a) -> None:
    """The byline reduced to its first author: the other authors' elements and the separators
    between them (", ", " and ", an "and" span) removed."""
    rest = {n.mem_id for n in a.author_nodes[1:]}
    node = a.author_nodes[0].next
    while node is not None and rest:
        after = node.next
        said = squeeze(node.text_content if node.tag == "-text" else text_of(node)).lower()
        if node.mem_id in rest:
            rest.discard(node.mem_id)
        elif not re.fullmatch(r"(,|and|&|·|\|)*", said):
            break
        node.decompose()
        node = after
    for other in a.author_nodes[1:]:
        if other.mem_id in rest:  # not a sibling of the first: its own wrapper
            other.decompose()


def _cf_email(address: str, key: int) -> str:
    """Cloudflare's e-mail obfuscation: a key byte, then every byte XOR the key, in hex."""
    return f"{key:02x}" + "".join(f"{ord(ch) ^ key:02x}" for ch in address)


# ------------------------------------------------- a right extraction exists

@register(HOLDOUT9, RIGHT, """Cloudflare Rocket Loader switched on at the edge: every JavaScript
<script> gets its type rewritten to "<hash>-text/javascript" (so the browser skips it until
the loader runs it), the loader's own script and the Web Analytics beacon are added before
</body>. JSON-LD is not JavaScript and is left alone. Nothing the reader sees changes.""")
def rocket_loader_scripts(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    token = "c6f2d1e0b5a48d7e3b4d9c1a"
    rewritten = 0
    for script in tree.css("script"):
        kind = (script.attributes.get("type") or "text/javascript").lower()
        if kind in ("text/javascript", "application/javascript", "module"):
            script.attrs["type"] = f"{token}-{'module' if kind == 'module' else 'text/javascript'}"
            rewritten += 1
    if not rewritten:
        raise NotApplicable("no JavaScript on the page")
    insert(tree.body, f'<script src="/cdn-cgi/scripts/7d0fa10a/cloudflare-static/rocket-loader.min.js" '
                      f'data-cf-settings="{token}-|49" defer></script><script defer src="https://static.'
                      f'cloudflareinsights.com/beacon.min.js/vcd15cbe7" data-cf-beacon=\'{{"token": '
                      f'"4f1c9a2b7e", "r": 1}}\' crossorigin="anonymous"></script>', "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT9, RIGHT, """The byline gains the writer's e-mail link ("By Jane Doe · Email"),
and Cloudflare's e-mail obfuscation rewrites it at the edge: the page as served shows
"[email protected]" in a link to /cdn-cgi/l/email-protection (the address XOR-encoded in
data-cfemail) and loads the decoder script. The people named are the same: the right authors
are unchanged.""")
def cloudflare_email_in_byline(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    names = sample.expected["authors"]
    if a.byline is None or not names:
        raise NotApplicable("no byline (a staff piece)")
    host = sample.host.removeprefix("www.")
    address = ".".join(names[0].lower().split()) + "@" + host
    code = _cf_email(address, 0x5A)
    insert(a.byline, f'<span class="byline__email"> · <a href="/cdn-cgi/l/email-protection#{code}" '
                     f'title="Email {_attr(names[0])}"><span class="__cf_email__" data-cfemail="{code}">'
                     f'[email&#160;protected]</span></a></span>', "append")
    insert(tree.body, '<script data-cfasync="false" src="/cdn-cgi/scripts/5c5dd728/cloudflare-static/'
                      'email-decode.min.js"></script>', "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT9, RIGHT, """An image CDN in front of the site (Cloudflare Images style):
every <img> is wrapped in a <picture> with AVIF and WebP <source srcset> candidates served
through /cdn-cgi/image/width=...,format=.../<original>, and the <img> itself points at the
resized copy, with a srcset of its own. Text and structure around the images stay.""")
def image_cdn_picture_sources(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    imgs = required([i for i in tree.body.css("img") if i.attributes.get("src")], "no images on the page")
    for img in imgs:
        src = img.attributes["src"]
        if src.startswith("/"):
            src = f"https://{sample.host}{src}"

        def via(w, fmt):
            return f"/cdn-cgi/image/width={w},quality=80,format={fmt}/{src}"
        sets = {fmt: ", ".join(f"{via(w, fmt)} {w}w" for w in (480, 800, 1200)) for fmt in ("avif", "webp")}
        img.attrs["src"] = via(1200, "auto")
        img.attrs["srcset"] = ", ".join(f"{via(w, 'auto')} {w}w" for w in (480, 800, 1200))
        picture = wrap(img, '<picture class="cdn-picture">')
        insert(picture, f'<source type="image/avif" srcset="{sets["avif"]}" sizes="(max-width: 800px) 100vw, 800px">'
                        f'<source type="image/webp" srcset="{sets["webp"]}" sizes="(max-width: 800px) 100vw, 800px">',
               "prepend")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT9, RIGHT, """A move to Astro with the article body as an interactive island:
the body's blocks are rendered inside <astro-island> (uid, component-url, renderer-url,
client="visible", ssr) whose props attribute holds the serialised blocks (the article's text
again, HTML-escaped in an attribute), with Astro's island style and loader script. The
rendered text is the article, once.""")
def astro_island_props(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    blocks = [[0, {"type": [0, b.tag], "text": [0, text_of(b)]}] for b in a.blocks]
    props = json.dumps({"blocks": [1, blocks], "postId": [0, sample.slug[:40]]}, ensure_ascii=False)
    island = wrap_children(a.body, f'<astro-island uid="Z1hQn8s" prefix="r3" component-url="/_astro/'
                                   f'ArticleBody.B3x9Kq.js" component-export="default" renderer-url="/_'
                                   f'astro/client.4Qe1Lw.js" props="{_attr(props)}" ssr="" client="visible" '
                                   f'opts="{_attr(json.dumps({"name": "ArticleBody", "value": True}))}" '
                                   f'await-children="">')
    insert(island, '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>'
                   '<script>(()=>{var e=async t=>{await(await t())()};(self.Astro||(self.Astro={}))'
                   '.visible=e;window.dispatchEvent(new Event("astro:visible"));})();</script>', "before")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT9, RIGHT, """A WordPress site goes headless (WPGraphQL + Next.js): the page is
rendered by Next, everything inside <body> sits in <div id="__next">, the post (title,
excerpt, author, date, the content's HTML) is serialised again in <script id="__NEXT_DATA__"
type="application/json">, the theme's scripts give way to /_next/static chunks and a
<next-route-announcer>. The visible article is the same.""")
def nextjs_migration_state_blob(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    for script in tree.body.css("script"):
        if (script.attributes.get("type") or "").lower() != "application/ld+json":
            script.decompose()
    wrap_children(tree.body, '<div id="__next">')
    e = sample.expected
    post = {"title": e["headline"], "excerpt": f"<p>{e['dek']}</p>" if e["dek"] else "",
            "date": e["published"], "slug": sample.slug,
            "author": {"node": {"name": e["authors"][0] if e["authors"] else None}},
            "content": "".join(b.html for b in a.blocks)}
    data = {"props": {"pageProps": {"post": post, "__APOLLO_STATE__": {}}, "__N_SSP": True},
            "page": "/[...uri]", "query": {"uri": sample.url.split("/")[3:]}, "buildId": "k3Jd9xQ2",
            "isFallback": False, "gssp": True, "scriptLoader": []}
    text = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    insert(tree.body, f'<script id="__NEXT_DATA__" type="application/json">{text}</script>'
                      '<script src="/_next/static/chunks/webpack-8f1c2d.js" defer></script>'
                      '<script src="/_next/static/chunks/pages/%5B...uri%5D-3a9e.js" defer></script>'
                      '<next-route-announcer><p aria-live="assertive" id="__next-route-announcer__" '
                      'role="alert"></p></next-route-announcer>', "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT9, RIGHT, """A PHP 8 upgrade with display_errors left on in production: a
"Warning: Undefined array key" from a plugin printed before <!DOCTYPE> (so the page starts
with text, in quirks mode), and a "Deprecated: strlen(): Passing null ..." notice from the
theme's image block printed inside the body container, as PHP writes them (<br /> <b>...</b>
lines, no element of their own). Every field of the article is still printed, unchanged.""")
def php_warnings_printed(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    theme = re.sub(r"[^a-z0-9]+", "", sample.site.lower()) or "theme"
    paras = required(paragraphs(a), "fewer than two paragraphs", at_least=2)
    notice = ('<br />\n<b>Deprecated</b>:  strlen(): Passing null to parameter #1 ($string) of type '
              f'string is deprecated in <b>/var/www/html/wp-content/themes/{theme}/blocks/image.php</b> '
              'on line <b>42</b><br />\n')
    marker = "<php-notice-marker></php-notice-marker>"
    insert(paras[1], marker, "after")
    html = tree.html.replace(marker, notice, 1)
    warning = ('<br />\n<b>Warning</b>:  Undefined array key "sizes" in <b>/var/www/html/wp-content/'
               'plugins/lazy-media/lazy-media.php</b> on line <b>88</b><br />\n')
    return Mutated(warning + html, same(sample))


@register(HOLDOUT9, RIGHT, """Wire copy published under the staff byline: the first paragraph
opens with the wire's dateline in its own span ("SEOUL (Northwind Wire) — ..."), and the body
ends with the wire's rights line in italics ("Copyright 2025 Northwind Wire. All rights
reserved. This material may not be published, broadcast, rewritten or redistributed without
permission."). The rights line is the wire's notice, not article text; the dateline belongs to
the lead paragraph as printed (a body without it is accepted too).""")
def wire_dateline_and_rights_line(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "no prose paragraph")
    lead = prose[0]
    i = _body_index(sample, lead)
    dateline = "SEOUL (Northwind Wire) \u2014 "
    replace(lead, f'<p{_attrs(lead)}><span class="dateline">{dateline}</span>{_inner(lead)}</p>')
    insert(a.body, f'<p{_p_attrs(a)}><em>Copyright 2025 Northwind Wire. All rights reserved. This material '
                   f'may not be published, broadcast, rewritten or redistributed without permission.</em></p>',
           "append")
    body = list(sample.expected["body"])
    with_dateline = body[:i] + [dateline + body[i]] + body[i + 1:]
    return Mutated(tree.html, same(sample, body=AnyOf((with_dateline, body))))


SPANISH = {"Home": "Inicio", "Recommended Videos": "Vídeos recomendados", "Related:": "Relacionado:",
           "Share": "Compartir", "Sign in": "Iniciar sesión", "Comments": "Comentarios", "Author": "Autor",
           "Reviews": "Reseñas", "News": "Noticias", "Guides": "Guías", "Features": "Reportajes",
           "Search": "Buscar", "Newsletter": "Boletín", "Advertisement": "Publicidad",
           "Latest": "Lo último", "Trending": "Tendencias", "Privacy Policy": "Política de privacidad",
           "Contact": "Contacto", "About": "Quiénes somos", "Read more": "Leer más"}


def _spanish_date(text: str) -> str | None:
    """"Published: Aug 6, 2025 1:58 am" as the Spanish edition prints it: "Publicado: 6 ago 2025 1:58"."""
    m = re.search(r"(Published:?\s*|Updated:?\s*)?([A-Z][a-z]{2,8})\.? (\d{1,2}), (\d{4})"
                  r"(?:,? (\d{1,2}):(\d{2}) ?([ap]m))?", text, re.I)
    if not m:
        return None
    month = next((i for i, name in enumerate(MONTHS) if name.lower().startswith(m.group(2).lower()[:3])), None)
    if month is None:
        return None
    label = {"p": "Publicado: ", "u": "Actualizado: "}.get((m.group(1) or " ")[0].lower(), "")
    out = f"{label}{int(m.group(3))} {MESES[month]} {m.group(4)}"
    if m.group(5):
        hour = int(m.group(5)) % 12 + (12 if m.group(7).lower() == "pm" else 0)
        out += f" {hour}:{m.group(6)}"
    return text[:m.start()] + out + text[m.end():]


@register(HOLDOUT9, RIGHT, """The site opens a Spanish edition that runs the English articles
untranslated: the template's strings are translated (<html lang="es">, og:locale es_ES,
"Inicio", "Vídeos recomendados", "Relacionado:", "Compartir", "Comentarios" ...) and the
visible date is printed the Spanish way ("Publicado: 6 ago 2025 1:58", 24-hour clock); strings
missing from the translation file stay English (the byline's "By"). The article (headline,
dek, byline names, body) is the English one, unchanged; meta and JSON-LD times are
unchanged.""")
def interface_translated_spanish(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if tree.root is not None:
        tree.root.attrs["lang"] = "es"
    for meta in _meta(tree, "og:locale"):
        meta.attrs["content"] = "es_ES"
    for t in list(tree.body.traverse(include_text=True)):
        if t.tag == "-text" and (t.text_content or "").strip() in SPANISH:
            raw = t.text_content
            t.replace_with(raw.replace(raw.strip(), SPANISH[raw.strip()]))
    for node in tree.body.traverse(include_text=False):
        label = node.attributes.get("aria-label")
        if label in SPANISH:
            node.attrs["aria-label"] = SPANISH[label]
    dated = required(reprint_dates(a, _spanish_date), "no visible date in a format to translate")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT9, RIGHT, """A server-side A/B test of the article header (an experiment
platform rendering both arms, the control hidden): the template's own header block is kept
with the hidden attribute (data-variant="control"), and right after it the variant's header
(data-variant="b", other markup: <header class="exp-header"> with an <h1 class="exp-title">
and a <p class="exp-standfirst">) prints the same headline and dek. Readers see the variant;
the words are the same, so the right fields are unchanged.""")
def ab_test_header_variants(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    h = a.headline
    if h is None:
        raise NotApplicable("no headline element")
    # the header block: the smallest element holding headline and dek (the headline alone
    # when that element would hold the body too)
    block = h
    if a.dek is not None:
        node = h.parent
        while node is not None and node.tag not in ("body", "html") and not contains(node, a.dek):
            node = node.parent
        if node is not None and node.tag not in ("body", "html") and not contains(node, a.body):
            block = node
    # the variant prints whatever of the article's header the hidden control holds
    e = sample.expected
    parts = [f'<h1 class="exp-title">{_inner(h)}</h1>']
    if a.dek is not None and contains(block, a.dek):
        parts.append(f'<p class="exp-standfirst">{_inner(a.dek)}</p>')
    if a.byline is not None and contains(block, a.byline) and e["authors"]:
        links = [author_link(sample, n) for n in e["authors"]]
        parts.append(f'<p class="exp-byline">By {join_names(links)}</p>')
    for node in _visible_dates(a):
        if contains(block, node) and e["published"]:
            parts.append(f'<time class="exp-date" datetime="{_attr(e["published"])}">{text_of(node)}</time>')
    control = wrap(block, '<div data-experiment="article-header-q3" data-variant="control" hidden>')
    insert(control, '<header class="exp-header" data-experiment="article-header-q3" data-variant="b">'
                    + "".join(parts) + '</header>', "after")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT9, RIGHT, """A content-recommendation vendor (Taboola / Outbrain style) placed
by the theme's content filter at the end of the body container: "You May Like" with
"Sponsored Links by Taboola", then four sponsored cards (thumbnail, a clickbait headline, a
one-sentence description, "Brand | Sponsored"). The vendor's feed is not the article: the
right body is the article's paragraphs.""")
def sponsored_feed_in_body_end(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    cards = (("Gamers Are Ditching Their Consoles for This $49 Handheld", "This tiny device plays "
              "thousands of classic games and the reviews are glowing from people who tried it.", "RetroPocket"),
             ("The One Chair Every Streamer Swears By After a Long Session", "Designed with physiotherapists, "
              "it is the upgrade your back has been asking for since you started gaming.", "ErgoNest"),
             ("Here's What a New Roof Should Cost You in 2025", "Homeowners are surprised to learn how little "
              "a full replacement can cost when they compare local quotes first.", "RoofQuotes"),
             ("Play This City-Builder for One Minute and See Why Everyone Is Hooked", "No install needed: "
              "build your empire right in the browser and challenge friends tonight.", "Empires Online"))
    items = "".join(f'<div class="videoCube trc_spotlight_item syndicatedItem"><a class="item-thumbnail-href" '
                    f'href="https://trc.taboola.example/click?i={n}" rel="nofollow sponsored" target="_blank">'
                    f'<span class="thumbBlock" style="background-image:url(https://images.taboola.example/t{n}.jpg)">'
                    f'</span><span class="video-label video-title">{title}</span><span class="video-description">'
                    f'{desc}</span><span class="branding">{brand} | Sponsored</span></a></div>'
                    for n, (title, desc, brand) in enumerate(cards, 1))
    insert(a.body, f'<div id="taboola-below-article-thumbnails" class="trc_related_container tbl-feed-container">'
                   f'<div class="trc_header_ext"><span class="trc_header_left">You May Like</span><a class='
                   f'"trc_attribution" href="https://popup.taboola.example/en/">Sponsored Links by Taboola</a>'
                   f'</div>{items}</div>', "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT9, RIGHT, """The SEO plugin is swapped for a minimal schema template: the
article's JSON-LD becomes a BlogPosting, its author a plain string of the names joined by
commas (not Person objects), its datePublished / dateModified the site's local wall-clock time
without an offset ("2025-08-06T01:58:00"), its image a bare URL. The visible page and the
article:* meta times are unchanged, so the right fields are too.""")
def jsonld_loose_schema_org(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    names = sample.expected["authors"]
    if not _meta(tree, "article:published_time"):
        raise NotApplicable("no article:published_time meta: the JSON-LD time is the page's only exact one")

    def naive_local(value):
        try:
            when = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            return value
        if when.tzinfo is not None:
            when = (when - timedelta(hours=4)).replace(tzinfo=None)  # US Eastern, summer
        return when.isoformat()

    def loosen(node):
        node["@type"] = "BlogPosting"
        if names:
            node["author"] = ", ".join(names)
        for key in ("datePublished", "dateModified"):
            if key in node:
                node[key] = naive_local(node[key])
        image = node.get("image")
        if isinstance(image, dict) and image.get("url"):
            node["image"] = image["url"]
    changed = []
    edit_jsonld(tree, lambda obj: _article_jsonld(obj, lambda d: (loosen(d), changed.append(1))))
    if not changed:
        raise NotApplicable("no article JSON-LD")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT9, RIGHT, """A hacked site (the "pharma hack" / casino link injection): the
attacker's plugin adds hidden spam to the post content, a block of links positioned off-screen
between two paragraphs (style="position:absolute;left:-9999px") and a display:none span at the
end of the last paragraph. A reader (and a browser) sees the same article: the right fields
are unchanged, without the spam.""")
def seo_spam_hidden_links(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    paras = required([p for p in paragraphs(a) if text_of(p)], "fewer than three paragraphs", at_least=3)
    insert(paras[1], '<div style="position:absolute;left:-9999px;top:-9999px">Best online casino bonus 2025: '
                     '<a href="https://spin-royale.example/">free spins no deposit</a>, <a href="https://'
                     'pills.example/">buy cheap viagra online without prescription</a>, <a href="https://'
                     'replica.example/">replica watches</a>. Fast payouts and licensed slots for players '
                     'from every country.</div>', "after")
    last = paras[-1]
    replace(last, f'<p{_attrs(last)}>{_inner(last)}<span style="display:none"> <a href="https://loans.example/">'
                  f'payday loans same day approval</a></span></p>')
    return Mutated(tree.html, same(sample))


@register(HOLDOUT9, RIGHT, """An accessibility overlay (UserWay / accessiBe style) added by one
script tag: a "Skip to main content" link and the vendor's widget ("Accessibility menu" button,
a hidden list of adjustments, an "Accessibility statement" line) at the top of <body>, and the
vendor's remediation attributes on the article (data-uw-rm-* and role/aria-level on the
subheadings, tabindex on the body container). The article reads the same.""")
def accessibility_overlay_widget(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    a.body.attrs["id"] = a.body.attributes.get("id") or "main-content"
    a.body.attrs["tabindex"] = "-1"
    for n, block in enumerate(a.blocks):
        block.attrs["data-uw-styling-context"] = "true"
        if block.tag in ("h2", "h3", "h4"):
            block.attrs["role"] = "heading"
            block.attrs["aria-level"] = block.tag[1]
            block.attrs["data-uw-rm-heading"] = "level"
    for link in a.body.css("a[href]"):
        link.attrs["data-uw-rm-brl"] = "PR"
        link.attrs["aria-label"] = f"{text_of(link)} - open in a new tab" if text_of(link) else "link"
    insert(tree.body, f'<a class="uw-skip-link" href="#{_attr(a.body.attributes["id"])}">Skip to main content</a>'
                      '<div class="uwy userway_p1" id="userwayAccessibilityIcon" role="region" aria-label='
                      '"Accessibility menu"><button type="button" class="uai" aria-expanded="false">'
                      'Accessibility</button><ul class="uw-menu" hidden><li>Bigger text</li><li>Text spacing'
                      '</li><li>High contrast</li><li>Dyslexia friendly</li><li>Pause animations</li><li>'
                      'Reading mask</li></ul><p class="uw-statement">This site uses an accessibility interface. '
                      '<a href="/accessibility-statement/">Accessibility statement</a></p></div>', "prepend")
    return Mutated(tree.html, same(sample))


# ------------------------------------------------- no right extraction exists

OTHER_STORY = {
    "headline": "Harbor Lights delays its console release to next spring after a rough beta",
    "dek": "The studio says the extra months will go to performance and save-file fixes players reported.",
    "author": "Priya Natarajan",
    "slug": "harbor-lights-delays-its-console-release-to-next-spring-after-a-rough-beta",
    "body": (
        ("p", "Lantern Yard Games has pushed the console version of Harbor Lights back to next spring, "
              "the studio announced in a short post on Thursday evening."),
        ("p", "The delay follows a closed beta that ran for two weeks and drew complaints about long "
              "loading times, stuttering in the harbour district and saves that failed to sync."),
        ("p", "Studio director Ines Calloway wrote that the team would rather miss the holiday window "
              "than ship a version that breaks the first evening someone plays it."),
        ("h2", "What the beta players reported"),
        ("p", "Most of the feedback centred on the night market, where dozens of lanterns and crowds "
              "are simulated at once. Testers on older hardware saw the frame rate halve there."),
        ("p", "A smaller group lost progress when switching between the handheld and docked modes, a "
              "bug the studio says it has reproduced and already fixed in an internal build."),
        ("p", "The PC version is unaffected and remains on track for its October date, with the beta "
              "save files carrying over to the full game."),
        ("p", "Players who pre-ordered on console will be offered a refund or an exclusive boat skin "
              "if they keep their order, according to the studio's support page."),
    ),
}


@register(HOLDOUT9, NONE, """A redirect map written for a CMS migration points this URL at
another story (a slug collision in the import), and the CDN caches the target as this URL's
answer with status 200: the page is another article of the same site in the same template
(its headline, dek, byline, date, body, <title>, canonical URL, og:* and JSON-LD all the other
story's). This URL's article is not on the page.""")
def other_article_at_url(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    e = sample.expected
    other = OTHER_STORY
    # the body: the other story's blocks in this template's paragraph markup
    for node in children(a.body):
        node.decompose()
    p_attrs = _p_attrs(a)
    insert(a.body, "".join(f"<p{p_attrs}>{text}</p>" if tag == "p" else f"<{tag}>{text}</{tag}>"
                           for tag, text in other["body"]), "append")
    if len(a.author_nodes) > 1:
        _only_first_author(a)
    html = tree.html
    old_url = sample.url
    new_url = old_url.rstrip("/").rsplit("/", 1)[0] + "/" + other["slug"] + ("/" if old_url.endswith("/") else "")
    try:
        when = datetime.fromisoformat(e["published"].replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        raise NotApplicable("no published date that parses")
    earlier = when - timedelta(days=3)
    pairs = [(old_url, new_url), (sample.slug, other["slug"]), (e["headline"], other["headline"])]
    if e["dek"]:
        pairs.append((e["dek"], other["dek"]))
    pairs += [(name, other["author"]) for name in e["authors"]]
    pairs += [(slugify(name), "priya-natarajan") for name in e["authors"]]
    pairs.append((e["published"][:10], earlier.date().isoformat()))
    pairs += [(f"{fmt(when)}", f"{fmt(earlier)}") for fmt in (
        lambda d: f"{MONTHS[d.month - 1][:3]} {d.day}, {d.year}", lambda d: f"{MONTHS[d.month - 1]} {d.day}, {d.year}")]
    for old, new in pairs:
        if old:
            html = html.replace(old, new).replace(_attr(old), _attr(new))
            html = html.replace(json.dumps(old)[1:-1], json.dumps(new)[1:-1])
    return Mutated(html, None)


@register(HOLDOUT9, NONE, """A story published with the newsroom's placeholder still in the
standfirst field: the dek under the headline reads "DEK TK" (TK: "to come", the copy desk's
mark for copy not written yet). The SEO description is a separate field and keeps the
summary, but the page's dek is wrong: broken, naming the dek.""")
def dek_tk_placeholder(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.dek is None or not sample.expected["dek"]:
        raise NotApplicable("no dek on the page")
    _refill(a.dek, "DEK TK")
    return Mutated(tree.html, None)


@register(HOLDOUT9, NONE, """An "evergreen content" SEO setting switched on site-wide (hide the
dates of posts so that they look current in search results): the visible date is removed from
the article header, and article:published_time, article:modified_time and the JSON-LD
datePublished / dateModified are dropped. The page no longer says when the article was
published: broken, naming the date.""")
def dates_hidden_evergreen(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if not sample.expected["published"]:
        raise NotApplicable("no published date")
    for node in _visible_dates(a):
        node.decompose()
    for meta in _meta(tree, "article:published_time", "article:modified_time", "og:updated_time",
                      "date", "pubdate", "datepublished"):
        meta.decompose()
    drop_jsonld_dates(tree)
    return Mutated(_undated(sample, tree.html), None)


@register(HOLDOUT9, NONE, """A front end's date formatting fails on the CMS's new date format (a
JavaScript Date built from a string it cannot parse): the visible date reads "Invalid Date",
the article:published_time / modified_time meta say "Invalid Date" too, and the JSON-LD dates
are null. The page states no publication date: broken, naming the date.""")
def published_invalid_date(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if not sample.expected["published"]:
        raise NotApplicable("no published date")
    for node in _visible_dates(a):
        attrs = {k: v for k, v in node.attributes.items() if v is not None}
        for key in ("data-datetime", "datetime"):
            if key in attrs:
                attrs[key] = "Invalid Date"
        label = "Published: " if text_of(node).lower().startswith("published") else ""
        replace(node, f'<{node.tag}{"".join(f" {k}={chr(34)}{_attr(v)}{chr(34)}" for k, v in attrs.items())}>'
                      f'{label}Invalid Date</{node.tag}>')
    for meta in _meta(tree, "article:published_time", "article:modified_time", "og:updated_time"):
        meta.attrs["content"] = "Invalid Date"

    def null(d):
        for key in ("datePublished", "dateModified"):
            if key in d:
                d[key] = None
    edit_jsonld(tree, lambda obj: walk_json(obj, null))
    return Mutated(_undated(sample, tree.html), None)


@register(HOLDOUT9, NONE, """A headless content API starts returning empty content for some
paragraph blocks (a serializer bug on blocks edited after the migration): every third prose
paragraph from the second on renders as an empty <p> with the template's attributes. The
article's other paragraphs, headings and the end are there; those paragraphs are not.""")
def paragraph_blocks_render_empty(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = prose_paragraphs(a)
    gone = required(prose[1:-1:3], "fewer than six prose paragraphs", at_least=2)
    for p in gone:
        replace(p, f"<p{_attrs(p)}></p>")
    return Mutated(tree.html, None)


@register(HOLDOUT9, NONE, """A front-end migration passes the author object where the template
expects its name: the byline reads "By [object Object]", and the meta author and the JSON-LD
author's name (built from the same value) say "[object Object]" too. The page no longer names
who wrote it: broken, naming authors.""")
def byline_object_object(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    names = sample.expected["authors"]
    if a.byline is None or not names:
        raise NotApplicable("no byline (a staff piece)")
    html = tree.html
    for name in names:
        html = html.replace(name, "[object Object]").replace(_attr(name), "[object Object]")
    return Mutated(html, None)


@register(HOLDOUT9, NONE, """A feed importer maps the photo-credit column to the post author:
every imported story is credited to its lead image's agency, in the byline ("By Getty
Images"), the meta author and the JSON-LD author. The writer is named nowhere on the page:
broken, naming authors.""")
def byline_is_photo_credit(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    names = sample.expected["authors"]
    if a.byline is None or not a.author_nodes or not names:
        raise NotApplicable("no byline (a staff piece)")
    credit = "Getty Images"
    _only_first_author(a)
    html = tree.html
    for name in names:
        html = html.replace(name, credit).replace(_attr(name), credit)
    return Mutated(html, None)


def _markdown(inner_html: str) -> str:
    """Inline HTML as the Markdown source it was rendered from."""
    out = re.sub(r'<a\b[^>]*href="([^"]*)"[^>]*>(.*?)</a>', r"[\2](\1)", inner_html, flags=re.S)
    out = re.sub(r"<(strong|b)\b[^>]*>(.*?)</\1>", r"**\2**", out, flags=re.S)
    out = re.sub(r"<(em|i)\b[^>]*>(.*?)</\1>", r"*\2*", out, flags=re.S)
    return re.sub(r"<[^>]+>", "", out)


@register(HOLDOUT9, NONE, """A move to a headless CMS whose rich-text field is Markdown, printed
by the new front end without the Markdown renderer: every block of the body shows its source
("[link text](https://...)", "**Related:**", "## Subheading", "*emphasis*") as plain text in a
paragraph. The page shows markup in the article: the body as served is not the article's
text; broken, naming the body.""")
def body_markdown_unrendered(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    changed = 0
    for block in children(a.body):
        if block.tag == "p":
            source = _markdown(_inner(block))
        elif block.tag in ("h2", "h3", "h4"):
            source = "#" * int(block.tag[1]) + " " + _markdown(_inner(block))
        elif block.tag in ("ul", "ol"):
            source = "\n".join(f"- {_markdown(_inner(li))}" for li in block.css("li"))
        else:
            continue
        if block.tag == "p" and source != _inner(block) and len(text_of(block).split()) >= 12:
            changed += 1
        replace(block, f"<p{_attrs(block) if block.tag == 'p' else ''}>{source}</p>")
    if not changed:
        raise NotApplicable("no prose paragraph with a link or emphasis")
    return Mutated(tree.html, None)


def _ascii_only(text: str) -> str:
    """The text as stored (smart apostrophes and dashes) after "iconv -c" to ASCII."""
    smart = text.replace("'", "\u2019").replace(" - ", " \u2013 ")
    return smart.encode("ascii", "ignore").decode("ascii")


@register(HOLDOUT9, NONE, """An export/import through a feed tool that transcodes with
"iconv -c" (drop what ASCII cannot hold): every non-ASCII character of the stored post is
deleted, curly apostrophes and dashes ("the studio's" -> "the studios"), accented letters
("São Paulo" -> "So Paulo"), in the headline, dek, body and every copy of them (<title>, meta
descriptions, JSON-LD); the stored text has the smart apostrophes and dashes a CMS writes (as
for mojibake_double_decoded). The page's text is wrong as served.""")
def non_ascii_stripped(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    e = sample.expected
    said = [e["headline"] or "", e["dek"] or ""] + list(e["body"] or [])
    if all(squeeze(_ascii_only(s)) == squeeze(s) for s in said):
        raise NotApplicable("no character but spaces that ASCII cannot hold in the article's text")
    rewrite_stored_text(tree, a, _ascii_only)
    return Mutated(tree.html, None)


__all__ = ["HOLDOUT9"]
