"""The eleventh held-out set (sealed): template changes and incidents none of the earlier kinds covers.

Same contract as the other sets (a Sample in, a Mutated out, each kind labelled). Written
blind: by someone who did not read the checks (pressguard/verdict/: checks.py, incidents,
site_profile.py, fingerprint.py, assess.py), from what publishers' commerce, data, graphics,
audio, localisation, SEO and CMS practice does to article pages, not from what the checks
look at. Measured once on main as it stood when this session's check changes had not yet
reached it (README.md), then by the lead on that session's code. Keep it out of tuning: a
check changed because one of these kinds failed turns its figure into a tuning figure.
"""

from __future__ import annotations

import re
from datetime import datetime

from anatomy import children, contains, insert, prose_paragraphs, slugify, squeeze, text_of
from base import NONE, RIGHT, AnyOf, Kind, Mutated, NotApplicable, Sample, published_as_stated, register, required, \
    rng_for, same
from holdout2 import _ago, _attrs, _scope
from holdout6 import _byline_box, _rewrite_byline
from holdout9 import MONTHS, _meta, _undated
from mutations import _attr, anatomy_of, author_link, content_children, drop_jsonld_dates, edit_jsonld, join_names, \
    site_name, walk_json

HOLDOUT11: list[Kind] = []


def _slug(text: str) -> str:
    return slugify(text) or "section"


def _headings(a) -> list:
    return [b for b in a.blocks if b.tag in ("h2", "h3")]


# ------------------------------------------------- a right extraction exists

@register(HOLDOUT11, RIGHT, """Commerce content on a news page (affiliate programmes): a product
box after the second block of the body, as deal and review sites print them: an "Our pick"
badge, the product's image and name, a star rating with a review count, two pros, the old
and the current price with the saving, two retailer buttons ("$49.99 at Amazon", "$54.99 at
Best Buy", rel="sponsored") and a "Prices checked ..." note in a <p>. The box is the
commerce team's widget, not the writer's text: the right fields are unchanged.""")
def affiliate_product_box(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    content = required(content_children(a.body), "fewer than three content blocks in the body", at_least=3)
    when = published_as_stated(sample)
    host = sample.host
    insert(content[1], f'<div class="product-box product-box--featured" data-vendor="amazon" data-product-id='
                       f'"B0C7X2K9QZ"><span class="product-box__badge">Our pick</span><img class="product-box__img" '
                       f'src="https://{host}/wp-content/uploads/2025/07/nimbus-pro-controller.jpg" alt="Nimbus Pro '
                       f'wireless controller" width="160" height="160" loading="lazy"><div class="product-box__info">'
                       f'<h3 class="product-box__title">Nimbus Pro Wireless Controller</h3><div class="product-box__'
                       f'rating" aria-label="4.5 out of 5 stars">&#9733;&#9733;&#9733;&#9733;&#189; <span>(2,314 '
                       f'reviews)</span></div><ul class="product-box__pros"><li>Hall-effect sticks, no drift</li><li>'
                       f'40-hour battery</li></ul><div class="product-box__price"><s class="price--was">$69.99</s> '
                       f'<span class="price--now">$49.99</span> <span class="price--save">Save 29%</span></div><a '
                       f'class="product-box__cta" href="https://www.amazon.com/dp/B0C7X2K9QZ?tag={host.split(".")[0]}'
                       f'-20" rel="sponsored nofollow noopener" target="_blank">$49.99 at Amazon</a><a class="product-'
                       f'box__cta product-box__cta--alt" href="https://www.bestbuy.com/site/6541234.p?ref=affiliate" '
                       f'rel="sponsored nofollow noopener" target="_blank">$54.99 at Best Buy</a></div><p class='
                       f'"product-box__note">Prices checked on {MONTHS[when.month - 1]} {when.day}, {when.year}. We '
                       f'may earn a commission when you buy through these links.</p></div>', "after")
    return Mutated(tree.html, same(sample))


SLIDE_CAPTIONS = (
    "The harbor district at night, one of the new areas added this season.",
    "Character portraits from the updated roster screen.",
    "A close look at the reworked map, with the new routes marked in gold.",
)


@register(HOLDOUT11, RIGHT, """A slideshow split over the article (a gallery block the editor
spreads through the text to keep readers scrolling): after the first, the middle and the
third-quarter prose paragraph, one slide each: a "1 / 3" counter, an image, a caption
sentence in its own <p> inside the <figcaption>, an image credit, Previous / Next buttons.
Captions describe the pictures; they are not the article's text: the right fields are
unchanged.""")
def slideshow_split_over_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "fewer than four prose paragraphs", at_least=4)
    anchors = (prose[0], prose[len(prose) // 2], prose[(3 * len(prose)) // 4])
    host = sample.host
    for n, (anchor, caption) in enumerate(zip(anchors, SLIDE_CAPTIONS), start=1):
        insert(anchor, f'<figure class="slideshow__slide" data-slide="{n}" data-gallery="g-1"><div class="slideshow'
                       f'__counter">{n} / 3</div><img src="https://{host}/wp-content/uploads/2025/08/gallery-{n}.jpg" '
                       f'alt="" width="1200" height="675" loading="lazy"><figcaption class="slideshow__caption"><p>'
                       f'{caption}</p><span class="slideshow__credit">Image via the publisher</span></figcaption>'
                       f'<div class="slideshow__nav"><button type="button" class="slideshow__prev">Previous</button>'
                       f'<button type="button" class="slideshow__next">Next</button></div></figure>', "after")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT11, RIGHT, """An interactive chart from the graphics desk (Datawrapper embed)
after the middle block of the body: the chart's title and description, the <iframe>, a
<noscript> image fallback, a "Source: SteamDB · Get the data · Created with Datawrapper"
line and a fallback paragraph "This interactive graphic requires JavaScript. View it here.",
then the embed's resize script. The graphic is not the writer's prose: the right fields are
unchanged.""")
def interactive_graphic_fallback(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    content = required(content_children(a.body), "fewer than four content blocks in the body", at_least=4)
    chart = "aB3xQ"
    insert(content[len(content) // 2],
           f'<div class="datawrapper-embed" data-chart="{chart}"><h4 class="chart-title">Peak players since '
           f'launch</h4><p class="chart-desc">Peak concurrent players on Steam, by week</p><iframe title="Peak '
           f'players since launch" aria-label="Line chart" id="datawrapper-chart-{chart}" src="https://datawrapper.'
           f'dwcdn.net/{chart}/2/" scrolling="no" frameborder="0" style="width:0;min-width:100%!important;border:'
           f'none;" height="420" data-external="1"></iframe><noscript><img src="https://datawrapper.dwcdn.net/'
           f'{chart}/full.png" alt="Line chart of peak concurrent players by week"></noscript><p class="chart-'
           f'source">Source: SteamDB &middot; <a href="https://datawrapper.dwcdn.net/{chart}/dataset.csv">Get the '
           f'data</a> &middot; Created with Datawrapper</p><p class="chart-fallback">This interactive graphic '
           f'requires JavaScript. <a href="https://datawrapper.dwcdn.net/{chart}/2/">View it here</a>.</p></div>'
           '<script type="text/javascript">!function(){"use strict";window.addEventListener("message",(function(a)'
           '{if(void 0!==a.data["datawrapper-height"]){var e=document.querySelectorAll("iframe");for(var t in a.'
           'data["datawrapper-height"])for(var r=0;r<e.length;r++)if(e[r].contentWindow===a.source){var i=a.data'
           '["datawrapper-height"][t]+"px";e[r].style.height=i}}}))}();</script>', "after")
    return Mutated(tree.html, same(sample))


STANDINGS = (("Team Vireo", 9, 2), ("Blue Harbor", 8, 3), ("Northlight", 7, 4), ("Kestrel Five", 5, 6),
             ("Obsidian Bay", 3, 8))


@register(HOLDOUT11, RIGHT, """A live sports data widget (a data provider's standings table, as
esports and sports desks embed them): an <aside class="data-widget"> after the second block
of the body with a "Standings" heading, a table of five teams (wins, losses, points), a
"Full table" link and a "Data provided by Sportradar. Updated 2 minutes ago." line. The
widget is the provider's feed, not the article: the right fields are unchanged.""")
def sports_standings_widget(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    content = required(content_children(a.body), "fewer than three content blocks in the body", at_least=3)
    rows = "".join(f"<tr><td>{n}</td><td>{team}</td><td>{w}</td><td>{l}</td><td>{3 * w}</td></tr>"
                   for n, (team, w, l) in enumerate(STANDINGS, start=1))
    insert(content[1], f'<aside class="data-widget data-widget--standings" role="complementary" data-provider='
                       f'"sportradar" data-competition="spring-split"><h4 class="data-widget__title">Standings</h4>'
                       f'<table class="data-widget__table"><thead><tr><th>#</th><th>Team</th><th>W</th><th>L</th>'
                       f'<th>Pts</th></tr></thead><tbody>{rows}</tbody></table><a class="data-widget__more" href='
                       f'"/standings/spring-split/">Full table</a><p class="data-widget__credit">Data provided by '
                       f'Sportradar. Updated 2 minutes ago.</p></aside>', "after")
    return Mutated(tree.html, same(sample))


_EN_DATE = re.compile(r"\b(?P<label>Published:?\s*|Updated:?\s*)?(?P<month>[A-Z][a-z]{2,8})\.? (?P<day>\d{1,2}), "
                      r"(?P<year>\d{4})(?:,? (?P<hour>\d{1,2}):(?P<minute>\d{2}) ?(?P<half>[ap])\.?m\.?)?", re.I)


def _japanese_dates(text: str) -> str:
    """"Published: Aug 6, 2025 1:34 am" as a Japanese edition prints it: "公開日：2025年8月6日 01:34"."""
    def ja(m):
        month = next((i for i, name in enumerate(MONTHS) if name.lower().startswith(m["month"].lower()[:3])), None)
        if month is None:
            return m.group(0)
        label = {"p": "公開日：", "u": "更新日："}.get((m["label"] or " ")[0].lower(), "")
        out = f"{label}{m['year']}年{month + 1}月{int(m['day'])}日"
        if m["hour"]:
            hour = int(m["hour"]) % 12 + (12 if m["half"].lower() == "p" else 0)
            out += f" {hour:02d}:{m['minute']}"
        return out
    return _EN_DATE.sub(ja, text)


@register(HOLDOUT11, RIGHT, """A Japanese edition that runs the English articles untranslated
(regional editions sharing one article database): <html lang="ja">, og:locale ja_JP, the
byline printed the Japanese way: the label "文：" (text:) before the names and the ideographic
comma "、" between them ("文：A、B"), and the article header's dates printed as "公開日：2025年8月6日
01:34" (machine-readable attributes kept). Same people, same article: the right fields are
unchanged.""")
def byline_japanese_edition(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    names = [author_link(sample, n) for n in sample.expected["authors"]]
    _rewrite_byline(a, f'<span class="byline__label">文：</span>{"、".join(names)}')
    tree.root.attrs["lang"] = "ja"
    for meta in _meta(tree, "og:locale"):
        meta.attrs["content"] = "ja_JP"
    for t in list(_scope(a).traverse(include_text=True)):
        if t.tag == "-text" and t.text_content and not contains(a.body, t) and _EN_DATE.search(t.text_content):
            t.replace_with(_japanese_dates(t.text_content))
    return Mutated(tree.html, same(sample))


ARABIC_COAUTHOR = "ليلى حداد"


@register(HOLDOUT11, RIGHT, """A bilingual newsroom (Arabic and English desks) credits its Arabic
desk's co-author with her name in Arabic script, isolated for right-to-left text as HTML
prescribes (<bdi dir="rtl" lang="ar">ليلى حداد</bdi>), in the template's own author markup
after the existing names ("By A and ليلى حداد"), and in JSON-LD. The right authors are the
existing people and the co-author, her name as written.""")
def coauthor_arabic_script(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.byline is None or not a.author_nodes:
        raise NotApplicable("no byline (a staff piece)")
    last = a.author_nodes[-1]
    old_name = sample.expected["authors"][-1]
    copy = (last.html.replace(_slug(old_name), "layla-haddad")
            .replace(f">{old_name}<", f'><bdi dir="rtl" lang="ar">{ARABIC_COAUTHOR}</bdi><')
            .replace(old_name, ARABIC_COAUTHOR))
    last.insert_after(" and ")
    insert(last.next, copy, "after")

    def add(d):
        author = d.get("author")
        if author is None or d.get("@type") == "Person":
            return
        current = author if isinstance(author, list) else [author]
        d["author"] = current + [ARABIC_COAUTHOR if all(isinstance(x, str) for x in current)
                                 else {"@type": "Person", "name": ARABIC_COAUTHOR}]
    edit_jsonld(tree, lambda obj: walk_json(obj, add))
    return Mutated(tree.html, same(sample, authors=list(sample.expected["authors"]) + [ARABIC_COAUTHOR]))


@register(HOLDOUT11, RIGHT, """An AMP plugin and an SEO plugin that disagree (a common WordPress
misconfiguration): the canonical link and og:url point at the page's AMP copy
(".../amp/"), and a <link rel="amphtml"> to the same URL is added. Search engines get a wrong
canonical; the page a reader sees is the same article: the right fields are unchanged.""")
def canonical_to_amp_copy(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    amp = sample.url.split("?")[0].rstrip("/") + "/amp/"
    canonical = tree.css_first('link[rel="canonical"]')
    if canonical is not None:
        canonical.attrs["href"] = amp
    elif tree.head is not None:
        insert(tree.head, f'<link rel="canonical" href="{_attr(amp)}">', "append")
    for meta in _meta(tree, "og:url"):
        meta.attrs["content"] = amp
    if tree.head is not None:
        insert(tree.head, f'<link rel="amphtml" href="{_attr(amp)}">', "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT11, RIGHT, """A byline that credits extra reporting, as wire-fed and breaking
news desks do: "By A, with additional reporting by Kenji Mori", the contributor a linked
name after the phrase. Whether a contributor is an author is a house rule (sites differ), so
the right authors are the byline's writers, with or without the contributor.""")
def byline_additional_reporting(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    names = list(sample.expected["authors"])
    writers = join_names([author_link(sample, n) for n in names])
    _rewrite_byline(a, f'By {writers}, with additional reporting by {author_link(sample, "Kenji Mori")}')
    return Mutated(tree.html, same(sample, authors=AnyOf((names, names + ["Kenji Mori"]))))


@register(HOLDOUT11, RIGHT, """An SEO plugin's schema type set to "HowTo" for the guides category
(Rank Math / Yoast let editors pick a post's schema type): the article's JSON-LD node becomes
a HowTo (name, description, totalTime, a HowToStep per body section, the steps' text cut to
their first sentence), with no author, datePublished or articleBody. The visible page and the
meta tags are unchanged: the right fields are unchanged.""")
def schema_type_howto(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    body = sample.expected["body"]
    steps = [{"@type": "HowToStep", "position": n, "name": " ".join(t.split()[:6]),
              "text": re.split(r"(?<=[.!?])\s", t, maxsplit=1)[0]}
             for n, t in enumerate(body[:8], start=1)]
    changed = []

    def howto(d):
        if "headline" not in d:
            return
        name, desc, ident = d.get("headline"), d.get("description"), d.get("@id")
        d.clear()
        d.update({"@type": "HowTo", "name": name, "description": desc, "totalTime": "PT10M", "step": steps})
        if ident:
            d["@id"] = ident
        changed.append(1)
    edit_jsonld(tree, lambda obj: walk_json(obj, howto))
    if not changed:
        raise NotApplicable("no article node in JSON-LD")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT11, RIGHT, """An opinion columnist template (an author page's hero reused over
the article): above the headline a "columnist" block with the writer's photo, "Opinion ·
Columnist" kicker, the name as a linked <h2>, a two-sentence bio that names the writer and
the site, a Follow link and an article count. The byline and the article are unchanged: the
right fields are unchanged.""")
def opinion_columnist_header(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    names = sample.expected["authors"]
    if not names or a.headline is None:
        raise NotApplicable("no author (a staff piece) or no headline element")
    name, site = names[0], site_name(sample)
    first = name.split()[0]
    insert(a.headline, f'<section class="columnist-hero"><img class="columnist-hero__photo" src="https://'
                       f'{sample.host}/wp-content/uploads/authors/{_slug(name)}.jpg" alt="{_attr(name)}" width="96" '
                       f'height="96"><div class="columnist-hero__text"><p class="columnist-hero__kicker">Opinion '
                       f'&middot; Columnist</p><h2 class="columnist-hero__name">{author_link(sample, name)}</h2><p '
                       f'class="columnist-hero__bio">{name} writes a weekly column on the business of games for '
                       f'{site}. Before that, {first} covered studios and publishers for ten years.</p><a class='
                       f'"columnist-hero__follow" href="/author/{_slug(name)}/feed/">Follow {first}</a> <span '
                       f'class="columnist-hero__count">312 articles</span></div></section>', "before")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT11, RIGHT, """A sticky header done by cloning: the theme's script-free sticky
header prints the site header a second time at the top of <body> (the same logo, navigation
and search, with class "site-header--sticky", aria-hidden="true"), shown once the reader has
scrolled. Nothing of the article is repeated: the right fields are unchanged.""")
def sticky_header_clone(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    scope = _scope(a)
    header = next((h for h in tree.body.css("header, nav")
                   if not contains(scope, h) and not (a.headline is not None and contains(h, a.headline))
                   and squeeze(text_of(h))), None)
    if header is None:
        raise NotApplicable("no site header or navigation outside the article")
    classes = ((header.attributes.get("class") or "") + " site-header--sticky").strip()
    attrs = _attrs(header, ("class", "id", "aria-hidden"))
    inner = header.html[header.html.index(">") + 1: header.html.rindex("<")]
    insert(tree.body, f'<{header.tag}{attrs} class="{_attr(classes)}" aria-hidden="true">{inner}</{header.tag}>',
           "prepend")
    return Mutated(tree.html, same(sample))


# ------------------------------------------------- no right extraction exists

@register(HOLDOUT11, NONE, """A feed importer that strips links with a regular expression
(<a ...>...</a> removed, the linked words with it), as syndication and scraping tools do
to drop affiliate and internal links: every link inside the body's paragraphs is gone with
its text, leaving sentences with holes ("the studio confirmed on  that the  will ...").
The paragraphs as served are not the article's text: broken, naming the body.""")
def links_stripped_with_text(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    changed = 0
    for p in [b for b in a.blocks if b.tag == "p"]:
        if not p.css("a") or not squeeze(text_of(p)):
            continue
        inner = p.html[p.html.index(">") + 1: p.html.rindex("<")]
        stripped = re.sub(r"<a\b[^>]*>.*?</a>", "", inner, flags=re.S)
        if squeeze(stripped) == squeeze(inner):
            continue
        insert(p, f"<p{_attrs(p)}>{stripped}</p>", "before")
        p.decompose()
        changed += 1
    if not changed:
        raise NotApplicable("no link inside a body paragraph")
    return Mutated(tree.html, None)


@register(HOLDOUT11, NONE, """A rate-limit block answered with status 200 (the edge's rate-limiting
rule set to serve its block page as a normal answer): Cloudflare's "Error 1015" page, "You are
being rate limited", "The owner of this website (<host>) has banned you temporarily from
accessing this website.", a Ray ID. Nothing of the article.""")
def rate_limited_page_200(sample: Sample) -> Mutated:
    host = sample.host
    rng = rng_for(sample, "rate_limited_page_200")
    ray = "".join(rng.choice("0123456789abcdef") for _ in range(16))
    html = (f'<!DOCTYPE html><html lang="en-US"><head><title>Access denied | {host} used Cloudflare to restrict '
            f'access</title><meta charset="UTF-8"><meta name="robots" content="noindex, nofollow"><meta name='
            f'"viewport" content="width=device-width,initial-scale=1"><link rel="stylesheet" id="cf_styles-css" '
            f'href="/cdn-cgi/styles/cf.errors.css"></head><body><div id="cf-wrapper"><div id="cf-error-details" '
            f'class="cf-error-details-wrapper"><div class="cf-wrapper cf-header cf-error-overview"><h1><span '
            f'class="cf-error-type" data-translate="error">Error</span> <span class="cf-error-code">1015</span>'
            f'</h1><span class="cf-error-desc" data-translate="error_desc">Ray ID: {ray} &bull; 2025-08-10 '
            f'09:14:02 UTC</span><h2 class="cf-subheadline" data-translate="error_subheadline">You are being rate '
            f'limited</h2></div><section></section><div class="cf-section cf-wrapper"><div class="cf-columns two">'
            f'<div class="cf-column"><h2 data-translate="what_happened">What happened?</h2><p>The owner of this '
            f'website ({host}) has banned you temporarily from accessing this website.</p></div></div></div><div '
            f'class="cf-error-footer cf-wrapper"><p><span class="cf-footer-item">Cloudflare Ray ID: <strong>{ray}'
            f'</strong></span> <span class="cf-footer-separator">&bull;</span> <span class="cf-footer-item">'
            f'Performance &amp; security by <a href="https://www.cloudflare.com/5xx-error-landing" target="_blank">'
            f'Cloudflare</a></span></p></div></div></div></body></html>')
    return Mutated(html, None)


@register(HOLDOUT11, NONE, """A "redirect 404s to search" plugin answering 200: the article's URL
(moved in a migration, its redirect missing) shows the site's search template for the slug's
words: "Search results for: <slug words>", "Sorry, but nothing matched your search terms.
Please try again with some different keywords.", a search form and a "Popular right now"
list. The head is the search page's (its own title, no article metadata). No article.""")
def soft_404_search_results(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    words = " ".join(w for w in sample.slug.replace("--", "-").split("-") if w)[:60]
    name = site_name(sample)
    scope = _scope(a)
    insert(scope, f'<main id="primary" class="site-main search-results"><header class="page-header"><h1 class='
                  f'"page-title">Search results for: <span>{words}</span></h1></header><section class="no-results '
                  f'not-found"><div class="page-content"><p>Sorry, but nothing matched your search terms. Please '
                  f'try again with some different keywords.</p><form role="search" method="get" class="search-form"'
                  f' action="/"><label><span class="screen-reader-text">Search for:</span><input type="search" '
                  f'class="search-field" value="{_attr(words)}" name="s"></label><input type="submit" class='
                  f'"search-submit" value="Search"></form></div></section><aside class="popular-posts"><h2>Popular '
                  f'right now</h2><ul><li><a href="/guides/night-market-tips/">Night market tips for the first '
                  f'week</a></li><li><a href="/news/harbor-lights-delay/">Harbor Lights delays its console release'
                  f'</a></li></ul></aside></main>', "before")
    scope.decompose()
    for node in tree.css('script[type="application/ld+json"]') + _meta(
            tree, "article:published_time", "article:modified_time", "article:author", "author", "description",
            "og:description", "twitter:description"):
        node.decompose()
    for meta in _meta(tree, "og:title", "twitter:title"):
        meta.attrs["content"] = f"You searched for {words} | {name}"
    for meta in _meta(tree, "og:type"):
        meta.attrs["content"] = "website"
    title = tree.css_first("title")
    if title is not None:
        insert(title, f"<title>You searched for {words} | {name}</title>", "before")
        title.decompose()
    return Mutated(tree.html, None)


def _first_sentences(text: str) -> str:
    """The text without its last sentence (an earlier draft of a paragraph), or None."""
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z0-9“\"])", text)
    return " ".join(parts[:-1]) if len(parts) > 1 else None


@register(HOLDOUT11, NONE, """CMS revision leftovers: an autosave merged into the published post
by a "restore revision" bug, so the stored content is an earlier draft of the first 60% of the
article (every other paragraph a shorter wording, its last sentence not yet written; headings
and the rest as they were) followed by the whole published article. The page shows the
article's opening twice, in two versions: it is wrong as served, and only broken is right.""")
def stale_revision_prepended(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    content = required(content_children(a.body), "fewer than four content blocks in the body", at_least=4)
    draft, edited = [], 0
    for n, block in enumerate(content[: max(3, (len(content) * 3) // 5)]):
        shorter = _first_sentences(text_of(block)) if block.tag == "p" and n % 2 else None
        if shorter:
            draft.append(f"<p{_attrs(block)}>{shorter}</p>")
            edited += 1
        else:
            draft.append(block.html)
    if not edited:
        raise NotApplicable("no paragraph of two sentences to have an earlier wording")
    insert(content[0], "".join(draft), "before")
    return Mutated(tree.html, None)


OTHER_WRITERS = ("Marcus Ellery", "Tove Lindahl", "Iris Okafor")


@register(HOLDOUT11, NONE, """A stale byline fragment: the theme caches the article header's
byline part per template (an object-cache key without the post ID), so the page shows the
byline of the story rendered before it ("By Marcus Ellery", linked to his author page),
while the meta author and JSON-LD still name this story's writer. The byline readers see
names someone who did not write it: no right extraction exists; broken, naming authors.""")
def byline_fragment_other_author(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    names = sample.expected["authors"]
    if a.byline is None or not a.author_nodes or not names:
        raise NotApplicable("no byline (a staff piece)")
    others = [o for o in OTHER_WRITERS if o not in names]
    if len(others) < len(names):
        raise NotApplicable("more authors than stand-in writers")
    html = a.byline.html
    for name, other in zip(names, others):
        html = html.replace(_slug(name), _slug(other)).replace(name, other)
    if any(name in html for name in names):
        raise NotApplicable("the byline's names could not be swapped in its markup")
    insert(a.byline, html, "before")
    a.byline.decompose()
    return Mutated(tree.html, None)


@register(HOLDOUT11, NONE, """A listicle turned into a slideshow for page views (each section a
slide, one slide per page load): the article's URL shows slide 1 only: the blocks before
the second subheading, then a "1 / N" counter and a "Next slide" link to ?slide=2. The
other sections are not on the page.""")
def slideshow_first_slide_only(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    heads = required(_headings(a), "fewer than two subheadings in the body", at_least=2)
    kids = children(a.body)
    for node in kids[kids.index(heads[1]):]:
        node.decompose()
    base = sample.url.split("?")[0]
    insert(a.body, f'<nav class="slideshow-pager" aria-label="Slides"><span class="slideshow-pager__count">1 / '
                   f'{len(heads)}</span><a class="slideshow-pager__next" rel="next" href="{_attr(base)}?slide=2">'
                   f'Next slide</a></nav>', "append")
    return Mutated(tree.html, None)


@register(HOLDOUT11, NONE, """A table-of-contents plugin on a long post hitting PHP's PCRE
backtrack limit: its preg_replace over the content returns null, and the_content is left
with only the plugin's box ("Table of Contents", a toggle, links to the article's
subheadings); none of the article's paragraphs is printed. Headline, byline and metadata
render.""")
def toc_only_pcre_limit(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    heads = required(_headings(a), "fewer than two subheadings in the body", at_least=2)
    items = "".join(f'<li class="ez-toc-page-1 ez-toc-heading-level-2"><a class="ez-toc-link ez-toc-heading-{n}" '
                    f'href="#{_slug(text_of(h))}" title="{_attr(text_of(h))}">{text_of(h)}</a></li>'
                    for n, h in enumerate(heads, start=1))
    for node in children(a.body):
        node.decompose()
    insert(a.body, f'<div id="ez-toc-container" class="ez-toc-v2_0_73 counter-hierarchy ez-toc-counter ez-toc-grey">'
                   f'<div class="ez-toc-title-container"><p class="ez-toc-title">Table of Contents</p><span class='
                   f'"ez-toc-title-toggle"><a href="#" class="ez-toc-pull-right ez-toc-btn ez-toc-btn-xs ez-toc-btn-'
                   f'default ez-toc-toggle" aria-label="Toggle Table of Content">Toggle</a></span></div><nav><ul '
                   f'class="ez-toc-list ez-toc-list-level-1">{items}</ul></nav></div>', "append")
    return Mutated(tree.html, None)


@register(HOLDOUT11, NONE, """A front end whose date component prints only relative time ("3 days
ago", computed when the page was rendered and then cached, no datetime attribute), released
together with a client-side SEO component that did not ship: no article:published_time meta,
no JSON-LD datePublished or dateModified. The page no longer says when the article was
published, and the relative words are stale by the time anyone reads them.""")
def published_relative_only(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    published = required(sample.expected["published"], "no published date")
    when = published_as_stated(sample)
    month = MONTHS[when.month - 1]
    day_said = re.compile(rf"\b(?:{month}|{month[:3]}\.?) {when.day}, {when.year}(?:,? \d{{1,2}}:\d{{2}} ?[ap]\.?m\.?)?",
                          re.I)
    ago = _ago(published, sample.fetched_at)
    scope = _scope(a)
    said = 0
    # the article's own date statements (outside the body): printed as relative time only
    for t in list(scope.traverse(include_text=True)):
        if t.tag == "-text" and t.text_content and day_said.search(t.text_content) and not contains(a.body, t):
            t.replace_with(day_said.sub(ago, t.text_content))
            said += 1
    for node in scope.css("[datetime], [data-datetime]"):
        for key in ("datetime", "data-datetime"):
            value = node.attributes.get(key) or ""
            if value.startswith(published[:10]) or day_said.search(value):
                del node.attrs[key]
    if not said:
        raise NotApplicable("no printed publication date in the article header")
    for meta in _meta(tree, "article:published_time", "article:modified_time", "og:updated_time",
                      "datepublished", "datemodified", "date", "pubdate", "publish-date"):
        meta.decompose()
    drop_jsonld_dates(tree)
    html = _undated(sample, tree.html)
    if day_said.search(text_of(tree.body)):
        raise NotApplicable("the publication day is still printed in the page's text")
    return Mutated(html, None)


@register(HOLDOUT11, NONE, """An audio-first story format applied to a text article: the body
container holds the audio player ("Listen to the full story", 14 min), a chapter list whose
titles are the article's subheadings with time stamps, and a "Read the transcript" button
that loads the text by script; none of the article's paragraphs is on the page.""")
def audio_player_replaces_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    heads = [text_of(h) for h in _headings(a)] or ["Introduction"]
    chapters = "".join(f'<li><button type="button" data-seek="{90 * n}"><span class="chapter__time">'
                       f'{(90 * n) // 60:02d}:{(90 * n) % 60:02d}</span> {h}</button></li>'
                       for n, h in enumerate(heads))
    for node in children(a.body):
        node.decompose()
    host = sample.host
    insert(a.body, f'<div class="audio-story" data-audio-id="{_slug(sample.slug)[:40]}"><audio controls preload='
                   f'"none" src="https://media.{host}/audio/{_slug(sample.slug)[:40]}.mp3"></audio><p class="audio-'
                   f'story__title">Listen to the full story</p><span class="audio-story__duration">14 min</span><ol '
                   f'class="audio-story__chapters">{chapters}</ol><button type="button" class="audio-story__'
                   f'transcript" data-transcript-src="/api/transcripts/{_slug(sample.slug)[:40]}">Read the '
                   f'transcript</button></div>', "append")
    return Mutated(tree.html, None)


__all__ = ["HOLDOUT11"]
