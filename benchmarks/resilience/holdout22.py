"""The twenty-second held-out set (sealed): template changes and incidents none of the earlier kinds covers.

Same contract as the other sets (a Sample in, a Mutated out, each kind labelled). Written blind:
by someone who did not read the checks (pressguard/verdict/, pressguard/extract/) nor any held-out
figure, from what newer WordPress does to the markup (a block theme's single template, the
Interactivity API's image lightbox and speculation rules, a query loop block placed in the content,
block delimiters printed by a headless front end, texturize switched off), what plugins and edge
services add (a search plugin's term highlighting, an adaptive-images optimiser's placeholders,
Google's paywalled-content markup over a CSS-only paywall, an AI-summary toggle, icon-font glyphs,
bidirectional marks from an RTL-aware date component, share strings stored percent-encoded), and
from what imports, caches and front ends break (a Git-based CMS's merge conflict, an embed pasted
without its closing tag, an anti-scraping font cipher, afternoon times imported on a 12-hour clock,
a minutes-for-month date pattern, PHP printing an array in the standfirst, an avatar-only byline,
a title whose line break was stripped, Windows-1252 punctuation turned into C1 controls, a Mac
Roman misreading, ligatures lost in a PDF paste, a partial range response cached as the page), not
from what the checks look at. Measured by the lead only, once, at the end of the session: the blind
figure for them. Keep it out of tuning: a check changed because one of these kinds failed turns its
figure into a tuning figure.
"""

from __future__ import annotations

import base64
import json
import re
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

from anatomy import contains, insert, parse, replace, squeeze, text_of, wrap
from base import NONE, RIGHT, Kind, Mutated, NotApplicable, Sample, register, rng_for, same
from holdout2 import _attrs, _inner, _p_attrs, _prose, _scope
from holdout6 import _byline_box
from holdout9 import MONTHS
from holdout17 import _esc, _host, _map_text, _published, _rewrite_p, _slug
from holdout18 import _local_offset, _printed
from holdout19 import _header_dates
from holdout20 import _local, _slot
from holdout21 import _clock, _moment_of, _reprint_header_dates
from mutations import anatomy_of, edit_jsonld, join_names, rewrite_stored_text, site_name, walk_json

HOLDOUT22: list[Kind] = []


def _figures(a) -> list:
    """The article's figures that hold an image."""
    return [f for f in _scope(a).css("figure") if f.css_first("img") is not None]


def _visible_texts(tree):
    """The text nodes of <body> a reader sees (not those of scripts, styles or templates)."""
    if tree.body is None:
        return
    for t in list(tree.body.traverse(include_text=True)):
        if t.tag != "-text" or not t.text_content:
            continue
        parent = t.parent
        if parent is not None and parent.tag in ("script", "style", "noscript", "template", "textarea"):
            continue
        yield t


def _rewrite_page_text(tree, fn) -> None:
    """fn on every visible text of <body>, on <title>, on the meta titles and descriptions and on
    every string of the JSON-LD: a change in how the whole site prints its text."""
    for t in _visible_texts(tree):
        new = fn(t.text_content)
        if new != t.text_content:
            t.replace_with(new)
    title = tree.css_first("title")
    if title is not None and title.text():
        title_text = title.text()
        if fn(title_text) != title_text:
            replace(title, f"<title>{_esc(fn(title_text))}</title>")
    for meta in tree.css("meta[content]"):
        key = (meta.attributes.get("property") or meta.attributes.get("name") or "").lower()
        if key in ("og:title", "og:description", "twitter:title", "twitter:description", "description"):
            meta.attrs["content"] = fn(meta.attributes.get("content") or "")

    def fix(d):
        for k, v in list(d.items()):
            if isinstance(v, str):
                d[k] = fn(v)
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))


def _mapped(sample: Sample, fn) -> dict:
    """The right fields with fn applied to the headline, the dek and every body block."""
    e = sample.expected
    return same(sample, headline=fn(e["headline"]) if e["headline"] else e["headline"],
                dek=fn(e["dek"]) if e["dek"] else e["dek"], body=[fn(b) for b in e["body"]])


_ISO = re.compile(r"(?P<date>\d{4}-\d\d-\d\d)T(?P<hm>\d\d:\d\d)(?P<rest>(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)")


def _iso_moment(m) -> datetime:
    """A matched ISO stamp as an aware moment (a stamp without an offset read as UTC)."""
    text = m.group(0).replace("Z", "+00:00")
    when = datetime.fromisoformat(re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", text))
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


# ------------------------------------------------- a right extraction exists

_STRAIGHT = (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2013", "-"),
             ("\u2026", "..."))


def _straight(text: str) -> str:
    for curly, plain in _STRAIGHT:
        text = text.replace(curly, plain)
    return text


@register(HOLDOUT22, RIGHT, """A "disable smart quotes" setting (a performance or "clean output"
plugin that removes WordPress's wptexturize filter, or add_filter('run_wptexturize', '__return_false')
in the theme): the stored text always had the straight characters the writers typed, and the site
no longer curls them on output, so every visible text, <title>, the meta titles and descriptions and
the JSON-LD print straight quotes and apostrophes, the hyphen typed where texturize set an en dash
(" - "), and "..." for the ellipsis. The words are the same, and the page shows them so everywhere: the right headline, dek and
body are the straight-quoted text.""")
def wptexturize_disabled_straight_quotes(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    e = sample.expected
    if all(_straight(x) == x for x in [e["headline"] or "", e["dek"] or ""] + e["body"]):
        raise NotApplicable("no curly quote, spaced en dash or ellipsis in the article's text")
    _rewrite_page_text(tree, _straight)
    return Mutated(tree.html, _mapped(sample, _straight))


_STOP = {"the", "and", "for", "with", "from", "after", "what", "about", "everything", "things", "want",
         "know", "review", "almost", "there", "times", "expect", "schedule", "release", "codes", "this"}


@register(HOLDOUT22, RIGHT, """A search plugin's "highlight query terms in documents" option
(Relevanssi-style): a reader arriving from the site search (?highlight=term1+term2) gets the post
with every whole-word occurrence of the search terms, in the title and the content, wrapped in
<mark class="search-highlight">. The terms are two words of the title (the words readers search
for: the game's name). The words and their spaces are unchanged: the right fields are
unchanged.""")
def search_term_highlight_marks(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z0-9]{3,}", sample.expected["headline"]) if w.lower() not in _STOP]
    if not words:
        raise NotApplicable("no searchable word in the headline")
    terms = list(dict.fromkeys(w.lower() for w in words))[:2]
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in terms) + r")\b", re.I)

    def mark(text: str) -> str:
        return pattern.sub(lambda m: f'<mark class="search-highlight">{m.group(0)}</mark>', text)
    changed = 0
    for node in [a.headline] + [b for b in a.blocks if b.tag in ("p", "h2", "h3", "li", "ul", "ol", "blockquote")]:
        inner = _inner(node)
        new = _map_text(inner, mark)
        if new != inner:
            _rewrite_p(node, new)
            changed += 1
    if not changed:
        raise NotApplicable("the terms are not in the page's text")
    return Mutated(tree.html, same(sample))


_LOOP_TITLES = ("Every patch note for the new season, explained", "The best loadouts to use after the update",
                "How to unlock the photo mode early", "All the rewards in this week's event",
                "Our favourite moments from the showcase")


@register(HOLDOUT22, RIGHT, """A Query Loop block placed by the editors inside the post content
(block-editor sites reuse a saved "More like this" pattern in the middle of long articles):
after the middle block of the body, a group with a "More like this" heading and a
<ul class="wp-block-post-template"> of three posts, each an <h3 class="wp-block-post-title"> link,
a post-date block with its <time>, an author-name block and a post-excerpt paragraph ending in
"Read more". The loop's stories are not the article: the right fields are unchanged.""")
def query_loop_block_mid_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if len(a.blocks) < 4:
        raise NotApplicable("a body of fewer than four blocks")
    rng = rng_for(sample, "query_loop_block_mid_body")
    host = _host(sample)
    when = _published(sample)
    staff = ("Nadia Ferro", "Tom Okafor", "Lena Brooks")
    items = []
    for n, title in enumerate(rng.sample(_LOOP_TITLES, 3)):
        day = when - timedelta(days=n + 1, hours=rng.randint(1, 9))
        items.append(
            f'<li class="wp-block-post post-{rng.randint(100000, 999999)} post type-post status-publish">'
            f'<h3 class="wp-block-post-title"><a href="https://{host}/{_slug(title)}/" target="_self">{title}</a></h3>'
            f'<div class="wp-block-post-date"><time datetime="{day:%Y-%m-%dT%H:%M:%S+00:00}">'
            f'{MONTHS[day.month - 1]} {day.day}, {day.year}</time></div>'
            f'<div class="wp-block-post-author-name">{staff[n]}</div>'
            f'<div class="wp-block-post-excerpt"><p class="wp-block-post-excerpt__excerpt">Here is what changed, '
            f'what stayed the same and what players should do first. </p><p class="wp-block-post-excerpt__more-text">'
            f'<a class="wp-block-post-excerpt__more-link" href="https://{host}/{_slug(title)}/">Read more</a></p></div></li>')
    block = (f'<div class="wp-block-group more-on-this-game is-layout-constrained"><h2 class="wp-block-heading">'
             f'More like this</h2><div class="wp-block-query is-layout-flow"><ul class="wp-block-post-template '
             f'is-layout-flow">{"".join(items)}</ul></div></div>')
    insert(a.blocks[len(a.blocks) // 2], block, "after")
    return Mutated(tree.html, same(sample))


_LIGHTBOX_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="12" height="12" fill="none" viewBox="0 0 12 12">'
                 '<path fill="#fff" d="M2 0a2 2 0 0 0-2 2v2h1.5V2a.5.5 0 0 1 .5-.5h2V0H2Z"/></svg>')


@register(HOLDOUT22, RIGHT, """A WordPress core update with "Expand on click" switched on for
images (the Interactivity API's lightbox) and speculative loading (WordPress 6.8's
<script type="speculationrules">): every image figure of the article gets the lightbox's
directives (data-wp-interactive="core/image", a data-wp-context JSON, data-wp-on-async--click on the
image), an "Enlarge" button with an icon inside the figure, the lightbox's dialog overlay (with a
"Close" button) is printed at the end of <body>, and <head> gains the import map, the module
scripts and the speculation rules. The text is unchanged: the right fields are unchanged.""")
def wp_interactivity_image_lightbox(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    figures = _figures(a)
    if not figures:
        raise NotApplicable("no figure with an image in the article")
    rng = rng_for(sample, "wp_interactivity_image_lightbox")
    for fig in figures:
        uid = "".join(rng.choice("0123456789abcdef") for _ in range(13))
        fig.attrs["data-wp-interactive"] = "core/image"
        fig.attrs["data-wp-context"] = json.dumps({"imageId": uid})
        classes = (fig.attributes.get("class") or "").split()
        fig.attrs["class"] = " ".join(classes + ["wp-lightbox-container"])
        img = fig.css_first("img")
        img.attrs["data-wp-on-async--click"] = "actions.showLightbox"
        img.attrs["data-wp-on-async--load"] = "callbacks.setButtonStyles"
        insert(img, f'<button class="lightbox-trigger" type="button" aria-haspopup="dialog" aria-label="Enlarge" '
                    f'data-wp-init="callbacks.initTriggerButton" data-wp-on-async--click="actions.showLightbox" '
                    f'data-wp-style--right="state.imageButtonRight" data-wp-style--top="state.imageButtonTop">'
                    f'{_LIGHTBOX_SVG}</button>', "after")
    insert(tree.body, '<div class="wp-lightbox-overlay zoom" data-wp-interactive="core/image" data-wp-context=\'{}\' '
                      'data-wp-bind--role="state.roleAttribute" data-wp-bind--aria-label="state.currentImage.ariaLabel" '
                      'data-wp-bind--aria-modal="state.ariaModal" data-wp-class--active="state.overlayEnabled" '
                      'tabindex="-1"><button type="button" aria-label="Close" style="fill: #000" class="close-button">'
                      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" '
                      'focusable="false"><path d="m13.06 12 6.47-6.47-1.06-1.06L12 10.94 5.53 4.47 4.47 5.53 10.94 12l-6.47 '
                      '6.47 1.06 1.06L12 13.06l6.47 6.47 1.06-1.06L13.06 12Z"></path></svg></button>'
                      '<div class="lightbox-image-container"><figure data-wp-bind--class="state.currentImage.figureClassNames">'
                      '<img data-wp-bind--alt="state.currentImage.alt" data-wp-bind--src="state.currentImage.currentSrc">'
                      '</figure></div><div class="scrim" style="background-color: #fff" aria-hidden="true"></div></div>',
           "append")
    host = _host(sample)
    head = tree.head
    if head is not None:
        insert(head, f'<script type="importmap" id="wp-importmap">{{"imports":{{"@wordpress/interactivity":'
                     f'"https://{host}/wp-includes/js/dist/script-modules/interactivity/index.min.js?ver=55aebb6e0a16726baffb"}}}}'
                     f'</script><script type="module" src="https://{host}/wp-includes/js/dist/script-modules/block-library/'
                     f'image/view.min.js?ver=ff354d5368d64857fef0" id="@wordpress/block-library/image/view-js-module"></script>'
                     f'<script type="speculationrules">{{"prefetch":[{{"source":"document","where":{{"and":[{{"href_matches":'
                     f'"\\/*"}},{{"not":{{"href_matches":["\\/wp-*.php","\\/wp-admin\\/*"]}}}}]}},"eagerness":"conservative"}}]}}'
                     f'</script>', "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT22, RIGHT, """Google's paywalled-content markup over a client-side paywall (a
metering service such as Piano or Zephr set to "CSS hide" so that crawlers and subscribers get the
whole text): the article's JSON-LD gains "isAccessibleForFree": false and a hasPart WebPageElement
with cssSelector ".paywalled-content"; the body's blocks from the third on are wrapped in
<div class="paywalled-content">, and after the body container the meter's offer box ("Subscribe to
keep reading", a button, "Already a subscriber? Sign in") sits hidden until the script decides to
show it. The whole text is in the page as served: the right fields are unchanged.""")
def paywall_markup_full_text_present(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    kids = [c for c in a.body.iter(include_text=False)]
    if len(a.blocks) < 4:
        raise NotApplicable("a body of fewer than four blocks")
    third = a.blocks[2]
    start = next(i for i, c in enumerate(kids) if c.mem_id == third.mem_id)
    wrapper = wrap(kids[start], '<div class="paywalled-content">')
    for c in kids[start + 1:]:
        wrapper.insert_child(c, move=True)
    host = _host(sample)
    insert(a.body, f'<div class="tp-container-inner paywall-offer" hidden data-meter="article"><h3>Subscribe to keep '
                   f'reading</h3><p>Get unlimited access to {_esc(site_name(sample))} for $1 a week.</p><a class="button" '
                   f'href="https://{host}/subscribe/">Subscribe now</a><p class="paywall-offer__signin">Already a '
                   f'subscriber? <a href="https://{host}/login/">Sign in</a></p></div>', "after")

    def mark(obj):
        def one(d):
            if str(d.get("@type", "")).endswith("Article"):
                d["isAccessibleForFree"] = False
                d["hasPart"] = {"@type": "WebPageElement", "isAccessibleForFree": False,
                                "cssSelector": ".paywalled-content"}
        walk_json(obj, one)
        return obj
    edit_jsonld(tree, mark)
    return Mutated(tree.html, same(sample))


@register(HOLDOUT22, RIGHT, """A header redesign that runs the byline on from the standfirst, as
magazine layouts set it ("... the open beta. By Ben Ashby" in one paragraph, the credit in small
capitals): the dek element becomes <p class="standfirst"> holding the standfirst's words and, after
them, <span class="standfirst__byline">By <a rel="author">Name</a></span>; the byline's old box is
gone (the date line stays). The standfirst and the writers are the same, only run together: the
right fields are unchanged.""")
def byline_run_on_from_standfirst(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    box = _byline_box(sample, a)
    if a.dek is None or contains(a.dek, box) or contains(box, a.dek) or contains(a.dek, a.headline):
        raise NotApplicable("no standfirst element apart from the byline")
    host = _host(sample)
    names = [f'<a rel="author" href="https://{host}/author/{_slug(n)}/">{_esc(n)}</a>' for n in sample.expected["authors"]]
    replace(a.dek, f'<p class="standfirst">{_inner(a.dek)} <span class="standfirst__byline">By '
                   f'{join_names(names)}</span></p>')
    box.decompose()
    return Mutated(tree.html, same(sample))


@register(HOLDOUT22, RIGHT, """An icon font whose glyphs sit in the markup itself (Fontello's or
IcoMoon's "codepoint" output, as older themes ship it: <i class="icon-user" aria-hidden="true">&#xe800;</i>):
a header redesign puts a person icon before the byline and a clock icon before each date line, each
a private-use character in the text. The glyphs are pictures, not words: the right fields are
unchanged.""")
def icon_font_codepoints_in_meta(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    done = 0
    if a.byline is not None and sample.expected["authors"]:
        insert(a.byline, '<i class="icon-user" aria-hidden="true">\ue800</i> ', "prepend")
        done += 1
    for node in _header_dates(tree, a, a.byline):
        insert(node, '<i class="icon-clock" aria-hidden="true">\ue81b</i> ', "prepend")
        done += 1
    if not done:
        raise NotApplicable("no byline and no printed date line in the header")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT22, RIGHT, """A date component shared with the network's Hebrew and Arabic
editions (Intl.DateTimeFormat wrapped for right-to-left pages, as RTL-aware design systems do):
every printed date of the header is isolated with U+2068 FIRST STRONG ISOLATE ... U+2069 POP
DIRECTIONAL ISOLATE and a U+200E LEFT-TO-RIGHT MARK follows its day and its time ("Published:
⁨Aug 10, 2025‎ 10:03 am‎⁩"), invisible in an English page. The same moment is printed: the right
fields are unchanged.""")
def date_lines_with_bidi_marks(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)

    def marked(m) -> str:
        day = f"{m['month']} {m['day']}, {m['year']}"
        if m["hour"]:
            return f"{m['label'] or ''}\u2068{day}\u200e {m['hour']}:{m['minute']} {m['half']}m\u200e\u2069"
        return f"{m['label'] or ''}\u2068{day}\u200e\u2069"
    if not _reprint_header_dates(tree, a, marked):
        raise NotApplicable("no printed date line in the header")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT22, RIGHT, """A social-sharing plugin that stores its share strings ready for
share URLs and reuses them for the Open Graph tags it takes over from the SEO plugin: og:title,
og:description, twitter:title and twitter:description hold the percent-encoded text
("Rogue%20Circuit%3A%20the%20photo%20mode..."). The visible headline and standfirst, <title> and the
JSON-LD are unchanged: the right fields are unchanged.""")
def og_tags_percent_encoded(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    done = 0
    for meta in tree.css("meta[content]"):
        key = (meta.attributes.get("property") or meta.attributes.get("name") or "").lower()
        if key in ("og:title", "og:description", "twitter:title", "twitter:description"):
            meta.attrs["content"] = quote(meta.attributes.get("content") or "", safe="")
            done += 1
    if not done:
        raise NotApplicable("no Open Graph or Twitter title or description")
    return Mutated(tree.html, same(sample))


def _block_name(node) -> tuple[str, str]:
    """The block-editor comment that delimits a body block: (opening, closing)."""
    if node.tag in ("h2", "h3", "h4"):
        return f'<!-- wp:heading {{"level":{node.tag[1]}}} -->', "<!-- /wp:heading -->"
    if node.tag in ("ul", "ol"):
        return ('<!-- wp:list {"ordered":true} -->' if node.tag == "ol" else "<!-- wp:list -->"), "<!-- /wp:list -->"
    if node.tag == "figure":
        return '<!-- wp:image {"sizeSlug":"large"} -->', "<!-- /wp:image -->"
    if node.tag == "blockquote":
        return "<!-- wp:quote -->", "<!-- /wp:quote -->"
    if node.tag == "table":
        return "<!-- wp:table -->", "<!-- /wp:table -->"
    return "<!-- wp:paragraph -->", "<!-- /wp:paragraph -->"


@register(HOLDOUT22, RIGHT, """A headless front end that prints the post's raw post_content from
the REST API's "raw" field (or a theme calling get_post_field('post_content') without the_content's
filters): the block editor's delimiter comments stay in the page around every block of the body
(<!-- wp:paragraph -->, <!-- wp:heading {"level":2} -->, <!-- wp:image {"sizeSlug":"large"} --> and
their closing comments), and the blocks' own markup is as before. Comments are not shown: the right
fields are unchanged.""")
def block_delimiter_comments_in_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    kids = [c for c in a.body.iter(include_text=False) if c.tag not in ("script", "style")]
    if not kids:
        raise NotApplicable("an empty body container")
    slots = {}
    for n, node in enumerate(kids):
        opening, closing = _block_name(node)
        slots[_slot(node, 2 * n, "before")] = opening + "\n"
        slots[_slot(node, 2 * n + 1, "after")] = "\n" + closing + "\n\n"
    html = tree.html
    for placeholder, comment in slots.items():
        html = html.replace(placeholder, comment, 1)
    return Mutated(html, same(sample))


@register(HOLDOUT22, RIGHT, """An "AI summary" toggle added under the standfirst (as publishers
trialling generated summaries put them, collapsed by default): a <details class="ai-summary"> with
"✨ Summarize this article" as its summary, three short bullet points restating the story and the
line "This summary was generated with AI and checked by our editors." The summary is the
experiment's, not the article's text, and the standfirst is where it was: the right fields are
unchanged.""")
def ai_summary_toggle_under_dek(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    anchor = a.dek if a.dek is not None and not contains(a.dek, a.headline) else a.headline
    if anchor is None or contains(a.body, anchor):
        raise NotApplicable("no standfirst or headline element")
    game = sample.expected["headline"].split(":")[0].split(" review")[0][:40]
    bullets = (f"{game} is getting another round of changes, and the studio has shared the first details.",
               "Players have mixed feelings, and the developers say more is coming soon.",
               "The timing and the platforms could still change before launch.")
    items = "".join(f"<li>{_esc(b)}</li>" for b in bullets)
    insert(anchor, f'<details class="ai-summary"><summary><span aria-hidden="true">✨</span> Summarize this article'
                   f'</summary><div class="ai-summary__body"><ul>{items}</ul><p class="ai-summary__disclaimer">This '
                   f'summary was generated with AI and checked by our editors.</p></div></details>', "after")
    return Mutated(tree.html, same(sample))


def _placeholder_svg(width: str, height: str) -> str:
    svg = f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" />'
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


@register(HOLDOUT22, RIGHT, """An adaptive-images optimiser (ShortPixel Adaptive Images or
Optimole style) switched on: every <img> of the page is served with an inline SVG placeholder of its
size as src (data:image/svg+xml;base64,...), the real address moved to data-src with the CDN's
resizing URL, srcset to data-srcset, and a data-spai marker; the script swaps them in. Captions,
alt texts and the text are unchanged: the right fields are unchanged.""")
def adaptive_images_svg_placeholders(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    imgs = [i for i in tree.css("img") if i.attributes.get("src")]
    if not imgs:
        raise NotApplicable("no image in the page")
    for img in imgs:
        src = img.attributes.get("src") or ""
        width = img.attributes.get("width") or "800"
        height = img.attributes.get("height") or "450"
        img.attrs["data-src"] = f"https://cdn.shortpixel.ai/spai/q_lossy+w_{width}+to_webp+ret_img/{src.split('://', 1)[-1]}"
        img.attrs["src"] = _placeholder_svg(width, height)
        if img.attributes.get("srcset"):
            img.attrs["data-srcset"] = img.attributes.get("srcset")
            del img.attrs["srcset"]
        img.attrs["data-spai"] = "1"
    return Mutated(tree.html, same(sample))


@register(HOLDOUT22, RIGHT, """A move to a block theme (full-site editing, the single template
built from core blocks as Twenty Twenty-Four's is): the title becomes <h1 class="wp-block-post-title">,
the standfirst the post-excerpt block (<div class="wp-block-post-excerpt"><p
class="wp-block-post-excerpt__excerpt">), the byline a row of "By" and one post-author-name block per
writer (no "By" inside the blocks, names as links), the date the post-date block (<div
class="wp-block-post-date"><time datetime=...>August 10, 2025</time>, the day only), and the body
container <div class="entry-content wp-block-post-content is-layout-constrained">. Meta and JSON-LD
are unchanged: the right fields are unchanged.""")
def block_theme_single_template(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None or a.headline.tag != "h1":
        raise NotApplicable("no <h1> headline")
    local = _local(sample, a, tree)
    offset = _local_offset(sample, a, tree)
    minutes = int(offset.total_seconds() // 60)
    zone = f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    host = _host(sample)
    dates = _header_dates(tree, a, a.byline)
    names = sample.expected["authors"]
    date_block = (f'<div class="wp-block-post-date"><time datetime="{local:%Y-%m-%dT%H:%M:%S}{zone}">'
                  f'{MONTHS[local.month - 1]} {local.day}, {local.year}</time></div>')
    authors = "".join(f'<div class="wp-block-post-author-name"><a href="https://{host}/author/{_slug(n)}/" '
                      f'target="_self" class="wp-block-post-author-name__link">{_esc(n)}</a></div>' for n in names)
    row = (f'<div class="wp-block-group is-nowrap is-layout-flex wp-block-group-is-layout-flex">'
           + (f'<p class="has-small-font-size">By</p>{authors}<p class="has-small-font-size">·</p>' if names else "")
           + f'{date_block}</div>')
    if a.byline is not None and names and not contains(a.byline, a.headline) and not contains(a.byline, a.body):
        replace(a.byline, row)
    elif names:
        raise NotApplicable("the byline is not an element of its own")
    else:
        insert(a.dek if a.dek is not None and not contains(a.dek, a.headline) else a.headline, row, "after")
    for node in dates:
        node.decompose()
    if a.dek is not None and not contains(a.dek, a.headline) and not contains(a.headline, a.dek):
        replace(a.dek, f'<div class="wp-block-post-excerpt"><p class="wp-block-post-excerpt__excerpt">{_inner(a.dek)}</p></div>')
    replace(a.headline, f'<h1 class="wp-block-post-title">{_inner(a.headline)}</h1>')
    a.body.attrs["class"] = "entry-content wp-block-post-content is-layout-constrained wp-block-post-content-is-layout-constrained"
    return Mutated(tree.html, same(sample))


# ------------------------------------------------- no right extraction exists

def _reworded(text: str) -> str:
    """An editor's second version of a paragraph: a figure changed and the last sentence cut."""
    sentences = re.split(r"(?<=[.!?]) ", text)
    out = " ".join(sentences[:-1]) if len(sentences) > 1 else text
    return re.sub(r"\b(\d+)\b", lambda m: str(int(m.group(1)) + 7), out, count=1)


@register(HOLDOUT22, NONE, """A Git-based CMS (Decap CMS or TinaCMS over a Hugo or Jekyll repository)
merging two editors' changes to the same story: the Markdown file is committed with the conflict
markers in it and the site builds it as it is, so the body shows "<<<<<<< HEAD", one editor's
version of a paragraph, "=======", the other version, and ">>>>>>> <branch>" where that paragraph
was. The page holds two versions of the text and neither is marked as the article's: no right
extraction exists.""")
def merge_conflict_markers_in_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = _prose(a)
    if len(prose) < 3:
        raise NotApplicable("fewer than three prose paragraphs")
    p = prose[len(prose) // 2]
    attrs = _p_attrs(a)
    rng = rng_for(sample, "merge_conflict_markers_in_body")
    branch = f"cms/posts/{_slug(sample.expected['headline'])[:40]}-{rng.randint(1000, 9999)}"
    mine = _reworded(text_of(p))
    replace(p, f"<p{attrs}>&lt;&lt;&lt;&lt;&lt;&lt;&lt; HEAD</p><p{attrs}>{_esc(mine)}</p><p{attrs}>=======</p>"
               f"<p{attrs}>{_inner(p)}</p><p{attrs}>&gt;&gt;&gt;&gt;&gt;&gt;&gt; {branch}</p>")
    return Mutated(tree.html, None)


@register(HOLDOUT22, NONE, """An embed pasted into the post without its closing tag (an editor
copies a video's <iframe ...> embed code into a Custom HTML block and the selection misses
"</iframe>"): an <iframe> is a raw-text element, so everything after it, the rest of the article,
the footer and the scripts, becomes the iframe's fallback text, which browsers never show. Readers
see the article up to the embed and nothing after it: no right extraction exists.""")
def unclosed_iframe_embed_swallows_rest(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = _prose(a)
    if len(prose) < 3:
        raise NotApplicable("fewer than three prose paragraphs")
    rng = rng_for(sample, "unclosed_iframe_embed_swallows_rest")
    vid = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") for _ in range(11))
    slot = _slot(prose[1], 0, "after")
    html = tree.html.replace(slot, f'<div class="wp-block-html"><iframe width="560" height="315" '
                                   f'src="https://www.youtube.com/embed/{vid}" title="YouTube video player" '
                                   f'frameborder="0" allow="accelerometer; autoplay; clipboard-write; encrypted-media" '
                                   f'allowfullscreen>', 1)
    shown = parse(html)
    for node in shown.css("iframe, script, style, noscript"):
        node.decompose()
    said = " ".join(shown.body.text(deep=True).split()) if shown.body is not None else ""
    if all(" ".join(b.split()) in said for b in sample.expected["body"]):
        raise NotApplicable("nothing of the body follows the embed")
    return Mutated(html, None)


_LOWER = "abcdefghijklmnopqrstuvwxyz"


@register(HOLDOUT22, NONE, """An anti-copying font cipher (as content-protection plugins and some
publishers do against scrapers: the text served with its letters substituted one for one, and a
per-page web font whose glyphs draw each substituted letter as the original one): every body block's
letters are enciphered in the markup ("Gwd yumbwvw..."), the body container gets the cipher font
through an inline @font-face. A reader with the font sees the article, but the page's text is not
the article's: no right extraction exists.""")
def font_cipher_body_text(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if not a.blocks:
        raise NotApplicable("no body block")
    rng = rng_for(sample, "font_cipher_body_text")
    shuffled = list(_LOWER)
    rng.shuffle(shuffled)
    table = str.maketrans(_LOWER + _LOWER.upper(), "".join(shuffled) + "".join(shuffled).upper())
    for block in a.blocks:
        _rewrite_p(block, _map_text(_inner(block), lambda t: _translate_outside_entities(t, table)))
    font = "".join(rng.choice(_LOWER) for _ in range(8))
    a.body.attrs["style"] = f"font-family: 'cx-{font}', serif"
    data = base64.b64encode(bytes(rng.randrange(256) for _ in range(96))).decode()
    head = tree.head
    if head is not None:
        insert(head, f"<style>@font-face{{font-family:'cx-{font}';src:url(data:font/woff2;base64,{data}) "
                     f"format('woff2');}}</style>", "append")
    return Mutated(tree.html, None)


def _translate_outside_entities(text: str, table) -> str:
    return "".join(part if part.startswith("&") else part.translate(table)
                   for part in re.split(r"(&[#\w]+;)", text))


@register(HOLDOUT22, NONE, """A migration whose importer parsed the old CMS's export dates with a
12-hour pattern and no meridiem ("hh:mm" where the export said "08:52 PM"; WP All Import or a
custom script with the wrong format string): every afternoon time is stored 12 hours early, so the
printed date line ("1:55 am"), <time datetime>, article:published_time and the JSON-LD all say the
same wrong moment, twelve hours before the story went up. The publication time is not on the page:
no right extraction exists (pages published before noon, local time, are not affected).""")
def published_pm_lost_in_import(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    local = _local(sample, a, tree)
    if local.hour < 12:
        raise NotApplicable("published before noon (local time): the import keeps it")
    published = _published(sample)

    def stamp(m):
        when = _moment_of(m)
        return _printed(m, when - timedelta(hours=12)) if when is not None else None
    _reprint_header_dates(tree, a, stamp)
    html = tree.html
    changed = 0

    def shift(m):
        nonlocal changed
        try:
            when = _iso_moment(m)
        except ValueError:
            return m.group(0)
        if when != published:
            return m.group(0)
        changed += 1
        new = when.astimezone(when.tzinfo) - timedelta(hours=12)
        return f"{new:%Y-%m-%d}T{new:%H:%M}{m['rest']}"
    html = _ISO.sub(shift, html)
    if not changed:
        raise NotApplicable("no machine-readable publication time")
    return Mutated(html, None)


@register(HOLDOUT22, NONE, """A date helper with the classic pattern mistake "yyyy-mm-dd" (minutes
where the month belongs; Java's SimpleDateFormat or a .NET format string in the publishing
service that renders the site) used for every date of the page: <time datetime>,
article:published_time, the JSON-LD dates and the printed date line ("mm/dd/yyyy h:mm a",
"03/10/2025 10:03 am" for August 10) all carry the minute of the hour in the month's place. The
day, year and time are right but the month is nowhere on the page: no right extraction exists.""")
def date_pattern_minutes_for_month(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    local = _local(sample, a, tree)

    def stamp(m):
        when = _moment_of(m)
        if when is None:  # a line of the day only: the same helper, the stored minute in the month's place
            return f"{m['label'] or ''}{local.minute:02d}/{int(m['day']):02d}/{m['year']}"
        return f"{m['label'] or ''}{when.minute:02d}/{when.day:02d}/{when.year} {_clock(when)}"
    _reprint_header_dates(tree, a, stamp)
    changed = 0

    def wrong(m):
        nonlocal changed
        changed += 1
        year, _month, day = m["date"].split("-")
        return f"{year}-{m['hm'][3:5]}-{day}T{m['hm']}{m['rest']}"
    html = _ISO.sub(wrong, tree.html)
    if not changed:
        raise NotApplicable("no machine-readable date")
    return Mutated(html, None)


@register(HOLDOUT22, NONE, """A theme update that changed the standfirst's ACF field to a "group"
field (the subtitle and its display options) while the header template still echoes it: PHP
prints an array as the word "Array", so the standfirst slot reads "Array" on every article. The
SEO plugin's description is a separate field and keeps the summary. The page no longer shows its
standfirst: no right extraction exists.""")
def dek_prints_php_array(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.dek is None or not sample.expected["dek"] or contains(a.dek, a.headline) or contains(a.headline, a.dek):
        raise NotApplicable("no standfirst element")
    replace(a.dek, f"<{a.dek.tag}{_attrs(a.dek)}>Array</{a.dek.tag}>")
    return Mutated(tree.html, None)


_AUTHOR_BOX = re.compile(r"author[-_]{0,2}(bio|box|card|info)\b|about-the-author", re.I)
_OTHER_STORIES = re.compile(r"tile|card|related|recirc|more-stories|river|widget", re.I)


@register(HOLDOUT22, NONE, """A header and footer redesign around an avatar stack (the writers'
photos, overlapping, each linked to the author page, the names left to a tooltip the script fills
in): the "By <names>" box and the author box after the article are gone, and the photos carry
alt="" as decorative images, so this story's writers are named only in the links' addresses, the
image file names, the meta author and the JSON-LD (the tiles of other stories still credit theirs).
The page no longer says who wrote it: no right extraction exists.""")
def byline_avatar_stack_without_names(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    box = _byline_box(sample, a)
    if contains(box, a.headline) or contains(box, a.body):
        raise NotApplicable("the byline holds the article")
    names = sample.expected["authors"]
    host = _host(sample)
    lowered = {n.lower() for n in names}
    for img in tree.css("img"):
        alt = (img.attributes.get("alt") or "").strip().lower()
        if alt in lowered or any(alt.endswith(f" {n}") for n in lowered):
            img.attrs["alt"] = ""
    for node in list(tree.body.traverse(include_text=False)):
        if _AUTHOR_BOX.search(node.attributes.get("class") or "") and not contains(node, a.body) \
                and not contains(node, box) and node.parent is not None:
            if not any(_AUTHOR_BOX.search(p.attributes.get("class") or "") for p in _ancestors(node)):
                node.decompose()
    avatars = "".join(f'<a class="avatar-stack__item" href="https://{host}/author/{_slug(n)}/" data-tooltip>'
                      f'<img class="avatar" width="32" height="32" alt="" src="https://{host}/wp-content/uploads/'
                      f'avatars/{_slug(n)}.jpg?w=64"></a>' for n in names)
    replace(box, f'<div class="avatar-stack">{avatars}</div>')
    for t in _visible_texts(tree):
        if any(n in (t.text_content or "").lower() for n in lowered) \
                and not any(_OTHER_STORIES.search(p.attributes.get("class") or "") for p in _ancestors(t)):
            raise NotApplicable("the names are shown elsewhere on the page")
    return Mutated(tree.html, None)


def _ancestors(node):
    node = node.parent
    while node is not None and node.tag not in ("body", "html"):
        yield node
        node = node.parent


def _glued(headline: str) -> str | None:
    """The headline with the space nearest its middle (between two words of letters) removed."""
    gaps = [m.start() for m in re.finditer(r"(?<=[A-Za-z]) (?=[A-Za-z])", headline)]
    if not gaps:
        return None
    mid = min(gaps, key=lambda g: abs(g - len(headline) / 2))
    return headline[:mid] + headline[mid + 1:]


@register(HOLDOUT22, NONE, """Line breaks typed into titles (editors balance long headlines with
"<br>" in the title field, without a space, since the break stands for it) and a new theme that
prints the title through wp_strip_all_tags() everywhere, as does the SEO plugin: the tag goes and
nothing takes its place, so the two words around the break run together in the <h1>, <title>,
og:title and the JSON-LD ("the photomode confirmed"). The title as written is not on the page: no
right extraction exists.""")
def headline_break_stripped_words_glued(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    headline = sample.expected["headline"]
    glued = _glued(headline or "")
    if glued is None or a.headline is None:
        raise NotApplicable("no headline with two words to join")

    def fn(text: str) -> str:
        return text.replace(headline, glued)
    _rewrite_page_text(tree, fn)
    if text_of(a.headline) == " ".join(headline.split()) or _glued_missing(tree, glued):
        raise NotApplicable("the headline's text is split over elements")
    return Mutated(tree.html, None)


def _glued_missing(tree, glued: str) -> bool:
    h1 = tree.css_first("h1")
    return h1 is None or squeeze(glued) not in squeeze(h1.text(deep=True))


_C1 = {"\u2018": "\u0091", "\u2019": "\u0092", "\u201c": "\u0093", "\u201d": "\u0094", "\u2013": "\u0096",
       "\u2014": "\u0097", "\u2026": "\u0085", "\u2022": "\u0095", "\u2122": "\u0099"}


def _c1(text: str) -> str:
    return "".join(_C1.get(c, c) for c in text)


@register(HOLDOUT22, NONE, """A feed import that read Windows-1252 text as ISO-8859-1 (a CSV from the
old CMS loaded by an import plugin with the default Latin-1 setting): the curly quotes, dashes and
ellipses (bytes 0x85, 0x91-0x97 in Windows-1252) became the C1 control characters U+0085, U+0091 to
U+0097, which were then stored and served as UTF-8. Browsers show them as nothing or as boxes ("Its
official", "review  almost there"), in the headline, dek and body and in every copy of them (<title>,
meta, JSON-LD). The page's own text is damaged: no right extraction exists.""")
def cp1252_punctuation_as_c1_controls(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    e = sample.expected
    if all(_c1(x) == x for x in [e["headline"] or "", e["dek"] or ""] + e["body"]):
        raise NotApplicable("no curly quote, dash or ellipsis in the article's text")
    rewrite_stored_text(tree, a, _c1)
    return Mutated(tree.html, None)


def _mac_roman(text: str) -> str:
    """UTF-8 bytes read as Mac OS Roman (the bytes it cannot map kept as they were)."""
    if text.isascii():
        return text
    return text.encode("utf-8").decode("mac_roman")


@register(HOLDOUT22, NONE, """Copy exported from a Mac-based editorial system (an InCopy or
FileMaker workflow whose export is read as Mac OS Roman by the import script) and saved as UTF-8:
every non-ASCII character shows as its UTF-8 bytes in Mac Roman ("‚Äô" for an apostrophe, "‚Äì" for
an en dash, "√©" for é), in the headline, dek and body and in every stored copy (<title>, meta,
JSON-LD). The page's own text is damaged: no right extraction exists.""")
def mac_roman_mojibake(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    e = sample.expected
    if all(x.isascii() for x in [e["headline"] or "", e["dek"] or ""] + e["body"]):
        raise NotApplicable("the article's text is plain ASCII")
    rewrite_stored_text(tree, a, _mac_roman)
    return Mutated(tree.html, None)


_LIGATURE = re.compile(r"ffi|ffl|ff|fi|fl")


@register(HOLDOUT22, NONE, """A story pasted from a studio's PDF press release (the release set
with typographic ligatures and a font without a ToUnicode map, so copying drops each ligature):
every "fi", "fl", "ff", "ffi" and "ffl" is missing from the body's text ("the rst week", "ofcial",
"a eets"), and the story was published so. The article's words are not on the page: no right
extraction exists.""")
def pdf_paste_ligatures_dropped(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    changed = 0
    for block in a.blocks:
        inner = _inner(block)
        new = _map_text(inner, lambda t: _LIGATURE.sub("", t))
        if new != inner:
            _rewrite_p(block, new)
            changed += 1
    if changed < 2:
        raise NotApplicable("fewer than two body blocks with a ligature")
    return Mutated(tree.html, None)


@register(HOLDOUT22, NONE, """A partial response cached as the whole page (a CDN that caches a
206 answer to a range request, or nginx's slice module with a stale slice, and serves it for plain
requests with status 200): the page starts at a byte offset in the middle of the article, inside a
paragraph a third of the way through the body, so there is no <head>, no headline, byline or date,
and the body starts mid-sentence. The article is not on the page: no right extraction exists.""")
def range_response_cached_as_page(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = _prose(a)
    if len(prose) < 3:
        raise NotApplicable("fewer than three prose paragraphs")
    p = prose[len(prose) // 3]
    slot = _slot(p, 0, "prepend")
    html = tree.html
    at = html.index(slot) + len(slot)
    text = html[at:]
    # cut inside the paragraph's first text run, at a word boundary past its first few words
    m = re.match(r"[^<]*?(?:\S+\s+){4}", text)
    cut = at + (m.end() if m else 0)
    return Mutated(html[cut:], None)
