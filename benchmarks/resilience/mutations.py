"""The tuning set: template changes and page failures the checks may be tuned on.

Each function takes a Sample (one shipped page and its right fields) and returns the
mutated page with its right fields (or None when no right extraction exists). The
edits are generic: they find the article's parts by their text (anatomy.locate), so
they apply to any layout. The held-out kinds are in holdout.py.
"""

from __future__ import annotations

import json
import re

from anatomy import children, insert, locate, parse, prose_paragraphs, slugify, squeeze, text_of, wrap
from base import NONE, RIGHT, AnyOf, Kind, Mutated, NotApplicable, Sample, register, required, rng_for, same

TUNING: list[Kind] = []


# ---------------------------------------------------------------- shared helpers

def anatomy_of(sample: Sample):
    """The parsed page and its parts; a page whose body cannot be found is not one a
    kind can change (the runner reports it as n/a)."""
    tree = parse(sample.html)
    anat = locate(tree, sample.expected)
    if anat.body is None:
        raise NotApplicable("the article body is not found in the page")
    return tree, anat


def content_children(container) -> list:
    """The container's element children that hold text (paragraphs, headings, lists...)."""
    return [c for c in children(container)
            if c.tag not in ("script", "style", "noscript") and squeeze(text_of(c))]


def paragraph_children(container) -> list:
    return [c for c in content_children(container) if c.tag == "p"]


def all_elements(tree):
    return list(tree.root.traverse(include_text=False)) if tree.root is not None else []


def add_classes(node, extra: list[str]) -> None:
    classes = (node.attributes.get("class") or "").split()
    node.attrs["class"] = " ".join(classes + [c for c in extra if c not in classes])


def site_name(sample: Sample) -> str:
    tree = parse(sample.html)
    meta = tree.css_first('meta[property="og:site_name"]')
    return (meta.attributes.get("content") if meta is not None else None) or sample.site


def edit_jsonld(tree, edit, ascii_only: bool = False) -> int:
    """Apply edit(obj) -> obj to every JSON-LD block; returns how many were rewritten.
    ascii_only: write non-ASCII characters as JSON \\u escapes (as some plugins do)."""
    count = 0
    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text())
        except ValueError:
            continue
        new = edit(data)
        attrs = "".join(f' {k}="{_attr(v)}"' for k, v in script.attributes.items() if v is not None)
        text = json.dumps(new, ensure_ascii=ascii_only).replace("</", "<\\/")
        insert(script, f"<script{attrs}>{text}</script>", "before")
        script.decompose()
        count += 1
    return count


def walk_json(obj, fn):
    """fn(dict) on every dict inside obj, depth first."""
    if isinstance(obj, dict):
        fn(obj)
        for v in obj.values():
            walk_json(v, fn)
    elif isinstance(obj, list):
        for v in obj:
            walk_json(v, fn)
    return obj

# the JSON-LD properties that state when a page's story was published or changed
JSONLD_DATES = ("datePublished", "dateModified", "dateCreated", "uploadDate")


def reprint_jsonld_dates(tree, reprint, keys=JSONLD_DATES) -> None:
    """Every JSON-LD date (a string under one of keys, at any depth) replaced by reprint(it)."""
    def fix(d):
        for key in keys:
            if isinstance(d.get(key), str):
                d[key] = reprint(d[key])
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))


def drop_jsonld_dates(tree, keys=JSONLD_DATES) -> None:
    """Every JSON-LD date (under one of keys, at any depth) removed."""
    def drop(d):
        for key in keys:
            d.pop(key, None)
    edit_jsonld(tree, lambda obj: walk_json(obj, drop))


_STORED_META = ("og:title", "og:description", "twitter:title", "twitter:description", "description")
_STORED_JSONLD = ("headline", "description", "articleBody", "alternativeHeadline")


def rewrite_stored_text(tree, a, fn) -> None:
    """A fault in the stored post (a lossy charset conversion, a double decoding) is in every
    copy of its text: the headline, dek and body as shown, <title>, the meta titles and
    descriptions, the JSON-LD's. Each text is rewritten with fn."""
    for node in (a.headline, a.dek, a.body):
        if node is not None:
            rewrite_text(node, fn)
    title = tree.css_first("title")
    if title is not None:
        rewrite_text(title, fn)
    for meta in tree.css("meta[content]"):
        key = (meta.attributes.get("property") or meta.attributes.get("name") or "").lower()
        if key in _STORED_META:
            meta.attrs["content"] = fn(meta.attributes.get("content") or "")

    def fix(d):
        for key in _STORED_JSONLD:
            if isinstance(d.get(key), str):
                d[key] = fn(d[key])
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))


def join_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def author_link(sample: Sample, name: str) -> str:
    slug = slugify(name)
    host = sample.host
    return f'<a href="https://{host}/author/{slug}/" rel="author">{name}</a>'


def hash5(rng) -> str:
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
                   for _ in range(5))


# ------------------------------------------------- a right extraction exists

@register(TUNING, RIGHT, """A move to CSS modules / a component library: every element gets a
generated class (Component_part__hash) beside its old ones. Nothing the reader sees changes.""")
def css_module_hashes(sample: Sample) -> Mutated:
    tree = parse(sample.html)
    rng = rng_for(sample, "css_module_hashes")
    for node in tree.body.traverse(include_text=False):
        classes = (node.attributes.get("class") or "").split()
        if not classes:
            continue
        base = re.sub(r"[^A-Za-z0-9]+", " ", classes[0]).title().replace(" ", "")[:24] or "Box"
        add_classes(node, [f"{base}_root__{hash5(rng)}"])
    return Mutated(tree.html, same(sample))


TAILWIND = ("flex", "items-center", "gap-4", "mt-6", "mb-4", "text-lg", "md:text-xl", "font-semibold",
            "leading-7", "text-gray-900", "dark:text-gray-100", "max-w-prose", "mx-auto", "px-4",
            "lg:px-8", "space-y-4", "prose", "prose-lg", "rounded-lg", "shadow-sm", "w-full",
            "grid", "grid-cols-12", "col-span-8", "hover:underline", "tracking-tight")


@register(TUNING, RIGHT, """A restyle with Tailwind: utility classes added to every element
(flex, mt-6, md:text-xl, dark:text-gray-100 ...). Text and structure stay.""")
def tailwind_utilities(sample: Sample) -> Mutated:
    tree = parse(sample.html)
    rng = rng_for(sample, "tailwind_utilities")
    for node in tree.body.traverse(include_text=False):
        if node.tag in ("div", "p", "h1", "h2", "h3", "span", "a", "section", "article", "main",
                        "header", "figure", "ul", "li"):
            add_classes(node, rng.sample(TAILWIND, rng.randint(2, 5)))
    return Mutated(tree.html, same(sample))


@register(TUNING, RIGHT, """A grid system or a page builder adds layout wrappers: the headline,
dek, byline, body and the whole article each inside one or two new divs.""")
def extra_wrapper_divs(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    for node, opens in ((a.article, ['<div class="container">', '<div class="row">']),
                        (a.headline, ['<div class="headline-wrap">']),
                        (a.dek, ['<div class="dek-wrap">']),
                        (a.byline, ['<div class="meta-row">', '<div class="col">']),
                        (a.body, ['<div class="col-12 col-lg-8">', '<div class="article-body-wrap">'])):
        if node is None or node.tag in ("body", "html"):
            continue
        for open_tag in opens:
            wrap(node, open_tag)
    return Mutated(tree.html, same(sample))


@register(TUNING, RIGHT, """A theme rewrite puts the article body into <main><section>: the old
<main> becomes a <div> and the body container moves into a new main > section.""")
def body_in_main_section(sample: Sample) -> Mutated:
    html = re.sub(r"<main(?=[\s>])", '<div data-was="main"', sample.html)
    html = re.sub(r"</main\s*>", "</div>", html)
    tree = parse(html)
    a = locate(tree, sample.expected)
    if a.body is not None:
        section = wrap(a.body, '<section class="article-section">')
        wrap(section, '<main id="main-content" class="site-main">')
    return Mutated(tree.html, same(sample))


@register(TUNING, RIGHT, """A WordPress core update renames layout classes (is-layout-constrained
-> is-layout-flow), adds wp-container-core-group-is-layout-N classes and wraps blocks in a
wp-block-group. Nothing the reader sees changes.""")
def wp_core_update_wrappers(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    rng = rng_for(sample, "wp_core_update_wrappers")
    for node in tree.body.traverse(include_text=False):
        classes = (node.attributes.get("class") or "").split()
        if not classes:
            continue
        new = [c.replace("is-layout-constrained", "is-layout-flow") for c in classes]
        if any(c.startswith(("wp-block", "is-layout")) for c in classes):
            new.append(f"wp-container-core-group-is-layout-{rng.randint(1, 40)}")
            new.append("wp-block-group-is-layout-flow")
        node.attrs["class"] = " ".join(new)
    for node in (a.body, a.headline.parent if a.headline is not None else None):
        if node is not None and node.tag not in ("body", "html"):
            wrap(node, f'<div class="wp-block-group is-layout-constrained '
                       f'wp-container-core-group-is-layout-{rng.randint(1, 40)} '
                       f'wp-block-group-is-layout-constrained">')
    return Mutated(tree.html, same(sample))


@register(TUNING, RIGHT, """An AMP version served at the canonical URL: <html amp>, <amp-img>
instead of <img>, the AMP runtime script and boilerplate style, no other scripts.""")
def amp_markup(sample: Sample) -> Mutated:
    tree = parse(sample.html)
    tree.root.attrs["amp"] = ""
    for img in tree.css("img"):
        keep = {k: v for k, v in img.attributes.items() if k in ("src", "width", "height", "alt", "class")}
        keep.setdefault("width", "1200")
        keep.setdefault("height", "675")
        attrs = "".join(f' {k}="{_attr(v)}"' for k, v in keep.items() if v is not None)
        insert(img, f'<amp-img{attrs} layout="responsive"></amp-img>', "before")
        img.decompose()
    for script in tree.css("script"):
        if (script.attributes.get("type") or "") != "application/ld+json":
            script.decompose()
    head = tree.head
    if head is not None:
        insert(head, '<script async src="https://cdn.ampproject.org/v0.js"></script>'
                     '<style amp-boilerplate>body{visibility:hidden}</style>', "append")
    return Mutated(tree.html, same(sample))


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;")


@register(TUNING, RIGHT, """A new HTML serializer writes attributes in another order on every
element (class after id, data-* first ...).""")
def attribute_order_shuffled(sample: Sample) -> Mutated:
    tree = parse(sample.html)
    rng = rng_for(sample, "attribute_order_shuffled")
    for node in tree.root.traverse(include_text=False):
        items = list(node.attributes.items())
        if len(items) < 2:
            continue
        rng.shuffle(items)
        for k, _ in items:
            del node.attrs[k]
        for k, v in items:
            node.attrs[k] = v if v is not None else ""
    return Mutated(tree.html, same(sample))


_BLOCK = {"html", "head", "body", "div", "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
          "section", "article", "header", "footer", "main", "nav", "aside", "figure", "figcaption",
          "table", "thead", "tbody", "tr", "td", "th", "meta", "link", "title", "script", "style",
          "form", "blockquote", "svg", "symbol", "path", "noscript", "iframe", "br", "hr"}
_RAW = re.compile(r"(<(script|style|pre|textarea)\b.*?</\2\s*>)", re.S | re.I)
_GAP = re.compile(r"(</?)([a-zA-Z][\w-]*)([^<>]*>)(\s+)(?=<(/?)([a-zA-Z][\w-]*))")


def _gap(m) -> str:
    """Whitespace between two tags: dropped next to a block-level tag, else one space."""
    if m.group(2).lower() in _BLOCK or m.group(6).lower() in _BLOCK:
        return m.group(1) + m.group(2) + m.group(3)
    return m.group(1) + m.group(2) + m.group(3) + " "


@register(TUNING, RIGHT, """An HTML minifier at the CDN: comments gone, whitespace runs collapsed,
whitespace between block-level tags removed (kept as one space between inline ones, so no
words run together).""")
def minified_whitespace(sample: Sample) -> Mutated:
    # split() with two groups gives: text, raw element, its tag name, text, ...
    parts = _RAW.split(sample.html)
    out = []
    for i, chunk in enumerate(parts):
        if i % 3 == 1:
            out.append(chunk)  # script/style/pre/textarea, untouched
        elif i % 3 == 0:
            chunk = re.sub(r"<!--(?!\[).*?-->", "", chunk, flags=re.S)
            chunk = re.sub(r"\s+", " ", chunk)
            out.append(_GAP.sub(_gap, chunk))
    return Mutated("".join(out).strip(), same(sample))


@register(TUNING, RIGHT, """A new ad partner: ad slots (a div with a GPT script and an
"Advertisement" label) between every other pair of body paragraphs.""")
def ad_slots_between_paragraphs(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    for n, node in enumerate(content_children(a.body)[1::2]):
        insert(node, f'<div class="ad-slot ad-slot--inline" id="div-gpt-ad-{n}" '
                     f'data-ad-unit="/2179/{sample.site}/incontent_{n}"><span class="ad-label">'
                     f'Advertisement</span><script>googletag.cmd.push(function(){{'
                     f'googletag.display("div-gpt-ad-{n}")}});</script></div>', "after")
    return Mutated(tree.html, same(sample))


@register(TUNING, RIGHT, """A newsletter sign-up box placed mid-article, inside the body
container (heading, pitch, email form, legal line). The article text is unchanged around it.""")
def newsletter_box_in_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    kids = content_children(a.body)
    name = site_name(sample)
    insert(kids[len(kids) // 2], f'<div class="newsletter-signup"><h3>Never miss a story</h3>'
           f'<p>Get the best of {name} delivered to your inbox every week.</p>'
           f'<form class="newsletter-form" action="/subscribe"><input type="email" '
           f'placeholder="Email address"><button type="submit">Sign up</button></form>'
           f'<p class="newsletter-legal">By subscribing you agree to our Terms of Use and '
           f'Privacy Policy.</p></div>', "after")
    return Mutated(tree.html, same(sample))


@register(TUNING, RIGHT, """The SEO plugin is switched off: no JSON-LD at all. The visible page
is unchanged.""")
def jsonld_removed(sample: Sample) -> Mutated:
    tree = parse(sample.html)
    for script in tree.css('script[type="application/ld+json"]'):
        script.decompose()
    return Mutated(tree.html, same(sample))


def stale_title(headline: str) -> str:
    words = headline.split()
    return " ".join(words[: max(3, len(words) // 2)]) + " – everything we know"


@register(TUNING, RIGHT, """The editor retitled the story; the SEO plugin's JSON-LD still has the
old headline. The visible h1 is the headline (it is what readers see), so the right headline
is the h1.""")
def jsonld_headline_stale(sample: Sample) -> Mutated:
    tree = parse(sample.html)
    old = stale_title(sample.expected["headline"])

    def edit(obj):
        return walk_json(obj, lambda d: d.__setitem__("headline", old) if "headline" in d else None)
    edit_jsonld(tree, edit)
    return Mutated(tree.html, same(sample))


@register(TUNING, RIGHT, """A byline redesign: the "By <name>" markup becomes plain text
"Written by A and B" with author links. Same people, so the right authors are unchanged.""")
def byline_written_by(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    authors = sample.expected["authors"]
    if a.byline is None:
        raise NotApplicable("no byline (a staff piece)")
    new = "Written by " + join_names([author_link(sample, n) for n in authors])
    attrs = "".join(f' {k}="{_attr(v)}"' for k, v in a.byline.attributes.items() if v is not None)
    insert(a.byline, f"<div{attrs}>{new}</div>", "before")
    a.byline.decompose()
    return Mutated(tree.html, same(sample))


@register(TUNING, RIGHT, """The byline moves to the end of the article (below the body), as
some redesigns do on mobile-first templates.""")
def byline_below_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.byline is None:
        raise NotApplicable("no byline (a staff piece)")
    a.body.insert_after(a.byline, move=True)
    return Mutated(tree.html, same(sample))


@register(TUNING, RIGHT, """The template drops the standfirst (dek). The page no longer shows
one; its own meta description is still there, so either no dek or the meta description
(the page's own summary) is right.""")
def dek_removed(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.dek is None:
        raise NotApplicable("no dek")
    a.dek.decompose()
    meta = tree.css_first('meta[name="description"]') or tree.css_first('meta[property="og:description"]')
    summary = " ".join((meta.attributes.get("content") or "").split()) if meta is not None else ""
    return Mutated(tree.html, same(sample, dek=AnyOf((None, summary) if summary else (None,))))


@register(TUNING, RIGHT, """The body block's class is renamed (entry-content ->
entry-body, post-content -> post-body): the same container under a new name.""")
def body_class_renamed(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    classes = (a.body.attributes.get("class") or "").split()
    renamed = [c.replace("content", "body") if "content" in c else c + "-v2" for c in classes]
    a.body.attrs["class"] = " ".join(renamed or ["article-body"])
    return Mutated(tree.html, same(sample))


@register(TUNING, RIGHT, """The article continues in a second container of the same kind after
a mid-article ad ("continued" block), as paginated or ad-split templates do. Both halves are
the article, so the right body is every paragraph.""")
def body_continues_in_sibling(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    kids = children(a.body)
    content = content_children(a.body)
    cut = kids.index(content[len(content) // 2]) if content else len(kids) // 2
    attrs = "".join(f' {k}="{_attr(v)}"' for k, v in a.body.attributes.items() if v is not None)
    tag = a.body.tag
    placed = insert(a.body, f'<div class="ad-break"><div class="ad-slot"></div></div>'
                            f'<{tag}{attrs} data-continued="true"></{tag}>', "after")
    second = placed[-1]
    for node in kids[cut:]:
        second.insert_child(node, move=True)
    return Mutated(tree.html, same(sample))


@register(TUNING, RIGHT, """A "Related posts" block added right after the body container
(heading and a list of links to other stories).""")
def related_posts_after_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    host = sample.host
    items = "".join(f'<li><a href="https://{host}/{slug}/">{title}</a></li>' for slug, title in (
        ("best-deals-this-week", "The best deals this week"),
        ("release-calendar", "Every release date you need to know this month"),
        ("patch-notes-roundup", "All the patch notes in one place")))
    insert(a.body, f'<div class="related-posts"><h3>Related Posts</h3><ul>{items}</ul></div>', "after")
    return Mutated(tree.html, same(sample))


COMMENTS = (("gamer_42", "2 hours ago", "Finally! I have been waiting for this since launch."),
            ("NightOwl", "3 hours ago", "Not convinced. They said the same thing last year."),
            ("kestrel_fan", "5 hours ago", "Does anyone know if this is coming to consoles too?"),
            ("mod_team", "1 day ago", "Please keep the discussion civil, thanks everyone."))


def comment_thread_html() -> str:
    items = "".join(
        f'<li class="comment"><article class="comment-body"><footer class="comment-meta">'
        f'<b class="fn">{user}</b> · <time>{when}</time></footer><div class="comment-content">'
        f'<p>{text}</p></div><div class="reply"><a class="comment-reply-link" href="#">Reply</a>'
        f'</div></article></li>' for user, when, text in COMMENTS)
    return (f'<section id="comments" class="comments-area"><h2 class="comments-title">'
            f'{len(COMMENTS)} Comments</h2><ol class="comment-list">{items}</ol></section>')


@register(TUNING, RIGHT, """Comments move from a third-party widget to native WordPress
comments: a <section id="comments"> after the article, outside the body container.""")
def comments_section_after_article(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    anchor = a.article if a.article is not None and a.article.tag != "body" else a.body
    insert(anchor, comment_thread_html(), "after")
    return Mutated(tree.html, same(sample))


@register(TUNING, RIGHT, """A comment thread glued after the last paragraph inside the body
container, with the body's own paragraph markup ("4 Comments", "user · 2 hours ago",
comment texts). Labelled "right exists": the thread is recognisable as a thread by its
text (a count heading, user · time lines, a Reply under each), so a careful reader or
extractor can end the article before it. The right body is the article's paragraphs
only; a body that includes the thread is wrong and must be caught.""")
def comments_glued_in_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    paras = paragraph_children(a.body)
    attrs = ""
    if paras:
        attrs = "".join(f' {k}="{_attr(v)}"' for k, v in paras[-1].attributes.items() if v is not None)
    lines = [f"<p{attrs}>{len(COMMENTS)} Comments</p>"]
    for user, when, text in COMMENTS:
        lines += [f"<p{attrs}>{user} · {when}</p>", f"<p{attrs}>{text}</p>", f"<p{attrs}>Reply</p>"]
    insert(a.body, "".join(lines), "append")
    return Mutated(tree.html, same(sample))


@register(TUNING, RIGHT, """A registration wall's modal rendered into the body container
(server-side, not injected later): "Create a free account", sign-in buttons, legal line.
Labelled "right exists": the modal is its own element with dialog markup and none of the
article's text, so the right body is the article's paragraphs without it; a body that
includes the modal text is wrong and must be caught.""")
def signup_modal_in_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    kids = content_children(a.body)
    name = site_name(sample)
    insert(kids[min(2, len(kids) - 1)],
           f'<div class="signup-modal" role="dialog" aria-modal="true"><h2>Create a free account '
           f'to keep reading</h2><p>Join {name} for free and get unlimited access to every '
           f'article, guide and review.</p><button type="button">Continue with Google</button>'
           f'<button type="button">Continue with email</button><p>Already have an account? '
           f'<a href="/login/">Sign in</a></p></div>', "after")
    return Mutated(tree.html, same(sample))


JAPANESE = "開発チームは、来月のアップデートで新しいモードを追加すると発表した。"
_SJIS_SAFE = {"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "...", "\u00a0": " "}


@register(TUNING, RIGHT, """A Japanese-language page (a quoted original statement in the
body) served as Shift_JIS, labelled only in the Content-Type header: no <meta charset>.
Browsers honour the header, so a right extraction exists: the fields of the same page read
as Shift_JIS (the body gains the Japanese paragraph).""")
def shift_jis_header_only(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    kids = content_children(a.body)
    attrs = ""
    paras = paragraph_children(a.body)
    if paras:
        attrs = "".join(f' {k}="{_attr(v)}"' for k, v in paras[0].attributes.items() if v is not None)
    insert(kids[0], f"<p{attrs}>「{JAPANESE}」</p>", "after")
    for meta in tree.css("meta[charset]"):
        meta.decompose()
    for meta in tree.css("meta[http-equiv]"):
        if (meta.attributes.get("http-equiv") or "").lower() == "content-type":
            meta.decompose()
    # characters Shift_JIS lacks: JSON \u escapes in JSON-LD, character references in HTML
    edit_jsonld(tree, lambda obj: obj, ascii_only=True)
    text = tree.html
    for bad, good in _SJIS_SAFE.items():
        text = text.replace(bad, good)
    data = text.encode("shift_jis", "xmlcharrefreplace")
    from pressguard.extract import extract_article  # the right fields of the page as meant
    right = extract_article(data.decode("shift_jis"), sample.url, site=sample.site,
                            fetched_at=sample.fetched_at)
    return Mutated(data, {f: right[f] for f in sample.expected},
                   content_type="text/html; charset=shift_jis")


# ------------------------------------------------- no right extraction exists

@register(TUNING, NONE, """A bot-protection interstitial ("Just a moment...", "Checking if the
site connection is secure") served with status 200 instead of the article.""")
def bot_challenge_200(sample: Sample) -> Mutated:
    host = sample.host
    html = (f'<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8"><title>Just a moment...'
            f'</title><meta name="robots" content="noindex,nofollow"><meta name="viewport" '
            f'content="width=device-width,initial-scale=1"></head><body><div class="main-wrapper" '
            f'role="main"><div class="main-content"><h1 class="zone-name-title h1">{host}</h1>'
            f'<h2 class="h2" id="challenge-running">Checking if the site connection is secure</h2>'
            f'<noscript><div class="h2"><span id="challenge-error-text">Enable JavaScript and '
            f'cookies to continue</span></div></noscript><div id="challenge-body-text" '
            f'class="core-msg spacer">{host} needs to review the security of your connection '
            f'before proceeding.</div></div></div><div class="footer" role="contentinfo"><div '
            f'class="ray-id">Ray ID: <code>7f1c2a9b8d3e4f50</code></div><div id="footer-text">'
            f'Performance &amp; security by the CDN</div></div><script>(function(){{window._cf_chl_opt'
            f'={{cType:"managed"}};}})();</script></body></html>')
    return Mutated(html, None)


@register(TUNING, NONE, """A metered paywall: the body cut after two paragraphs, then
"Subscribe to continue reading". The article is not on the page.""")
def paywall_teaser(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    kids = children(a.body)
    kept = 0
    for node in kids:
        if kept >= 2:
            node.decompose()
        elif node.tag == "p" and squeeze(text_of(node)):
            kept += 1
    name = site_name(sample)
    insert(a.body, f'<div class="paywall-prompt"><p>Subscribe to continue reading</p><p>Get '
                   f'unlimited access to {name} for $1 a week. Cancel anytime.</p><a class="button" '
                   f'href="/subscribe/">Subscribe</a></div>', "append")
    return Mutated(tree.html, None)


@register(TUNING, NONE, """The second half of the body is left to client-side loading: a
lazy-load placeholder with skeleton lines where the paragraphs were. Half the article is
not in the page.""")
def lazy_placeholder_second_half(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    kids = children(a.body)
    content = content_children(a.body)
    cut = kids.index(content[len(content) // 2])
    for node in kids[cut:]:
        node.decompose()
    skeleton = "".join('<div class="skeleton skeleton-line"></div>' for _ in range(6))
    insert(a.body, f'<div class="lazy-placeholder" data-src="/wp-json/content/v1/part?page=2" '
                   f'aria-busy="true">{skeleton}</div>', "append")
    return Mutated(tree.html, None)


@register(TUNING, NONE, """A cache or proxy cut the response: the body ends mid-sentence in a
paragraph past its middle, and nothing of the article follows.""")
def truncated_mid_sentence(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    kids = children(a.body)
    # a prose paragraph of the article (not a "Related:" line or a disclosure, which
    # are not in the right body anyway)
    paras = required(prose_paragraphs(a), "no prose paragraph to cut")
    target = paras[len(paras) // 2]
    words = text_of(target).split()
    cut_text = " ".join(words[: max(3, len(words) // 2)]).rstrip(".,;:!?")
    attrs = "".join(f' {k}="{_attr(v)}"' for k, v in target.attributes.items() if v is not None)
    insert(target, f"<{target.tag}{attrs}>{cut_text}</{target.tag}>", "before")
    for node in kids[kids.index(target):]:
        node.decompose()
    return Mutated(tree.html, None)


def typographic(text: str) -> str:
    """The text as a CMS with smart punctuation stores it (so double decoding shows)."""
    out = text.replace("'", "\u2019").replace(" - ", " \u2013 ")
    if out.isascii():
        out = out.replace(" ", "\u00a0", 1)  # a non-breaking space the editor typed
    return out


def double_decoded(text: str) -> str:
    """UTF-8 bytes read as Windows-1252 (bytes it lacks read as Latin-1): mojibake."""
    data = text.encode("utf-8")
    out = []
    for b in data:
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(bytes([b]).decode("latin-1"))
    return "".join(out)


def rewrite_text(node, fn) -> None:
    """fn on every text node under node."""
    for t in list(node.traverse(include_text=True)):
        if t.tag == "-text" and t.text_content and t.text_content.strip():
            t.replace_with(fn(t.text_content))


def rewrite_prose(a, fn) -> int:
    """fn on the text of every prose paragraph of the body; how many paragraphs it changed
    (none: the kind has nothing to change on this page)."""
    changed = 0
    for p in prose_paragraphs(a):
        before = text_of(p)
        rewrite_text(p, fn)
        changed += text_of(p) != before
    return changed


@register(TUNING, NONE, """Text decoded twice by the CMS (UTF-8 read as Windows-1252 and saved
again): "â€™", "â€“", "Â " in the headline, dek and every body paragraph, and so in every
copy of them (<title>, meta descriptions, JSON-LD). The page itself is wrong; no right
extraction exists.""")
def mojibake_double_decoded(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    rewrite_stored_text(tree, a, lambda s: double_decoded(typographic(s)))
    return Mutated(tree.html, None)


@register(TUNING, NONE, """The visible byline is gone (a template change dropped it) while
JSON-LD still names the author. Labelled "no right extraction": the page no longer says
who wrote it, and JSON-LD alone is not the page's byline (it goes stale: see
jsonld_headline_stale), so the authors field cannot be confirmed; the page must be
flagged (broken, naming authors).""")
def byline_removed_jsonld_author(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.byline is None:
        raise NotApplicable("no byline (a staff piece)")
    a.byline.decompose()
    return Mutated(tree.html, None)


@register(TUNING, NONE, """The headline element renders empty (the title moved to a field the
template no longer prints). og:title and JSON-LD still carry it, but the page shows no
headline: broken, naming the headline.""")
def headline_emptied(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    h = a.headline
    attrs = "".join(f' {k}="{_attr(v)}"' for k, v in h.attributes.items() if v is not None)
    insert(h, f"<{h.tag}{attrs}></{h.tag}>", "before")
    h.decompose()
    return Mutated(tree.html, None)
