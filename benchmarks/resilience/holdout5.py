"""The fifth held-out set: template changes and newsroom incidents none of the first 101 kinds covers.

Same contract as the other sets (a Sample in, a Mutated out, each kind labelled). Written
before the fixes for holdout4's silent kinds and run once before any of them: that first
measurement is recorded untouched in README.md. Keep it out of tuning: a check changed
because one of these kinds failed turns its figure into a tuning figure.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from anatomy import children, insert, paragraphs, replace, text_of
from base import NONE, RIGHT, AnyOf, Kind, Mutated, NotApplicable, Sample, register, required, rng_for, same
from holdout2 import _attrs, _inner, _p_attrs, _refill
from mutations import anatomy_of, edit_jsonld, rewrite_text, site_name, walk_json

HOLDOUT5: list[Kind] = []


# ------------------------------------------------- a right extraction exists

@register(HOLDOUT5, RIGHT, """A correction policy: an editor's note ("Correction, <date>: An
earlier version of this article misstated ...") in an <aside class="correction-notice"> at
the top of the article, just above the body. The note is the newsroom's, in its own box;
the article's paragraphs are the right body.""")
def correction_notice_prepended(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    insert(a.body, '<aside class="correction-notice" role="note"><strong>Correction:</strong> An '
                   'earlier version of this article misstated the release window. It has been '
                   'updated with the date the studio confirmed.</aside>', "before")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT5, RIGHT, """A tabloid-style redesign sets the headline in capitals in the
markup itself (the CMS upper-cases the title for the h1); og:title and JSON-LD keep the
title's case. The words are the same: the right headline is the title either way.""")
def headline_all_caps(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    h = a.headline
    title = sample.expected["headline"]
    if h is None or not title:
        raise NotApplicable("no headline element")
    rewrite_text(h, lambda t: t.upper())
    return Mutated(tree.html, same(sample, headline=AnyOf((title, title.upper()))))


@register(HOLDOUT5, RIGHT, """A photo-led story format: the byline also credits the photographer
("By A · Photography by Lena Ortiz"), the photographer's name linked to a /contributor/ page.
The photographer did not write the article: the right authors are unchanged.""")
def byline_photographer_credit(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.byline is None or not sample.expected["authors"]:
        raise NotApplicable("no byline (a staff piece)")
    host = sample.host
    insert(a.byline, f'<span class="byline__photo"> \u00b7 Photography by <a href="https://{host}'
                     f'/contributor/lena-ortiz/">Lena Ortiz</a></span>', "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT5, RIGHT, """A branded-content deal: a "Sponsored · Presented by Acme Games"
label strip with the sponsor's logo above the headline, and a disclosure line under the
byline area. The editorial fields are unchanged.""")
def sponsored_label_above_headline(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    anchor = a.headline if a.headline is not None else a.body
    insert(anchor, '<div class="sponsor-strip"><span class="sponsor-strip__label">Sponsored</span> '
                   '\u00b7 <span>Presented by <a href="https://acme.example/" rel="sponsored">'
                   '<img src="/img/acme.svg" alt="Acme Games"> Acme Games</a></span></div>', "before")
    insert(a.body, '<div class="sponsor-disclosure"><em>This content was produced in partnership '
                   'with Acme Games.</em></div>', "before")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT5, RIGHT, """Content pasted from an old desktop editor: every body paragraph's
text sits inside <font face="Georgia" size="3"> (and the headline inside <font size="5">).
Readers see the same text; the right fields are unchanged.""")
def font_tags_in_text(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    paras = required(paragraphs(a), "no paragraph")
    for p in paras:
        replace(p, f'<p{_attrs(p)}><font face="Georgia" size="3">{_inner(p)}</font></p>')
    h = a.headline
    if h is not None:
        _refill(h, f'<font size="5">{_inner(h)}</font>')
    return Mutated(tree.html, same(sample))


def _shift_iso(value: str) -> str | None:
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        return None
    return when.astimezone(timezone(timedelta(hours=9))).isoformat()


@register(HOLDOUT5, RIGHT, """The site moves its servers to Tokyo: JSON-LD and meta dates are
written in +09:00 (the same instant, another offset), the visible date unchanged. The right
date is the same moment, in either offset.""")
def dates_in_other_timezone(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    published = sample.expected["published"]
    shifted = _shift_iso(published) if published else None
    if shifted is None:
        raise NotApplicable("no zoned published date")
    changed = 0

    def fix(d):
        nonlocal changed
        for key in ("datePublished", "dateModified", "uploadDate"):
            if isinstance(d.get(key), str) and _shift_iso(d[key]):
                d[key] = _shift_iso(d[key])
                changed += 1
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))
    for meta in tree.css('meta[property="article:published_time"], meta[property="article:modified_time"]'):
        value = _shift_iso(meta.attributes.get("content") or "")
        if value:
            meta.attrs["content"] = value
            changed += 1
    for t in tree.css("time[datetime]"):
        value = _shift_iso(t.attributes.get("datetime") or "")
        if value:
            t.attrs["datetime"] = value
            changed += 1
    if not changed:
        raise NotApplicable("no machine-readable date to shift")
    return Mutated(tree.html, same(sample, published=AnyOf((published, shifted))))


@register(HOLDOUT5, RIGHT, """A photo gallery after the article (inside the article element):
six figures, each an image and a two-sentence caption, with "1 / 6" counters. The captions
are not the article's text; the right body is unchanged.""")
def gallery_captions_after_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    figs = "".join(
        f'<figure class="gallery__item"><img src="/uploads/gallery-{i}.jpg" alt="Screenshot {i}">'
        f'<figcaption><span class="gallery__count">{i} / 6</span> A screenshot from the game\'s '
        f'second act, shown at the studio\'s preview event. Image {i} of the press kit, used '
        f'with permission.</figcaption></figure>' for i in range(1, 7))
    insert(a.body, f'<section class="gallery" aria-label="Gallery"><h2>Gallery</h2>{figs}</section>',
           "after")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT5, RIGHT, """An SEO plugin caching bug: the page carries the JSON-LD of another
article from the same site (another headline, author, date and description), the visible
page unchanged. The visible article is the page's article: the right fields are unchanged.""")
def jsonld_of_other_article(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    names = set(sample.expected["authors"] or [])

    def fix(d):
        if d.get("@type") in ("NewsArticle", "Article", "BlogPosting", "ReviewNewsArticle", "Review"):
            d["headline"] = "The 10 Best Cozy Games to Play This Winter"
            d["name"] = d["headline"]
            if "description" in d:
                d["description"] = "From farming sims to puzzle boxes, these are our picks for the cold months."
            if "datePublished" in d:
                d["datePublished"] = "2023-12-02T09:00:00+00:00"
            d.pop("wordCount", None)
            d.pop("articleBody", None)
        if d.get("@type") == "Person" and d.get("name") in names:
            d["name"] = "Morgan Vale"
            d.pop("url", None)
        if isinstance(d.get("author"), str):
            d["author"] = "Morgan Vale"
    if not edit_jsonld(tree, lambda obj: walk_json(obj, fix)):
        raise NotApplicable("no JSON-LD")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT5, RIGHT, """An A/B headline test: the visible h1 shows variant B (another
wording of the title: "Everything you need to know: " + title), while og:title and JSON-LD
keep variant A. Readers see variant B: the right headline is the visible one.""")
def ab_test_headline_variant(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    h = a.headline
    title = sample.expected["headline"]
    if h is None or not title:
        raise NotApplicable("no headline element")
    variant = f"Everything you need to know: {title}"
    replace(h, f'<{h.tag}{_attrs(h)} data-variant="b">{variant}</{h.tag}>')
    return Mutated(tree.html, same(sample, headline=variant))


@register(HOLDOUT5, RIGHT, """A translated feature: the byline reads "By A, translated by Kenji
Mori" (the translator a linked name after a role word). The translator did not write the
article: the right authors are unchanged (or with the translator, as some sites credit).""")
def byline_translator_credit(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    authors = sample.expected["authors"]
    if a.byline is None or not authors:
        raise NotApplicable("no byline (a staff piece)")
    host = sample.host
    insert(a.byline, f'<span class="byline__translator">, translated by <a href="https://{host}'
                     f'/author/kenji-mori/">Kenji Mori</a></span>', "append")
    return Mutated(tree.html, same(sample, authors=AnyOf((authors, authors + ["Kenji Mori"]))))


@register(HOLDOUT5, RIGHT, """A sources box: numbered footnotes (<ol class="footnotes">, each a
source link with a short note) after the body, inside the article. Reference notes are not
the article's text: the right body is unchanged.""")
def footnotes_after_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    notes = "".join(f'<li id="fn{i}"><a href="https://source{i}.example/report">Source {i}</a>: '
                    f'company statement, retrieved this week. <a href="#ref{i}">\u21a9</a></li>'
                    for i in range(1, 5))
    insert(a.body, f'<section class="footnotes"><h2>Sources</h2><ol class="footnotes">{notes}</ol>'
                   f'</section>', "after")
    return Mutated(tree.html, same(sample))


# ------------------------------------------------- no right extraction exists

@register(HOLDOUT5, NONE, """An ad partner's interstitial served at the article URL with status
200: "Continue to <site>" button, a countdown ("You will be redirected in 5 seconds"), a big
ad slot, the article's headline as the page title. The article is not on the page.""")
def interstitial_continue_to_site(sample: Sample) -> Mutated:
    name = site_name(sample)
    title = sample.expected["headline"]
    html = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} - {name}'
            f'</title><meta property="og:title" content="{title}"><link rel="canonical" href="'
            f'{sample.url}"></head><body><div class="interstitial"><header><a class="logo" href="/">'
            f'{name}</a></header><p class="interstitial__note">Advertisement</p><div class="ad-slot" '
            f'id="div-gpt-ad-interstitial" style="min-height:600px"></div><p>You will be redirected '
            f'in <span id="count">5</span> seconds.</p><a class="button" href="{sample.url}?skip=1">'
            f'Continue to {name}</a></div><script>setTimeout(function(){{location.href="'
            f'{sample.url}?skip=1"}},5000)</script></body></html>')
    return Mutated(html, None)


@register(HOLDOUT5, NONE, """A CMS preview link leaked into the crawl list: a draft of the
article ("PREVIEW — this post is not published" banner, the first two paragraphs, then the
writer's placeholders "TK TK: add quote from the studio" and "[more to come]"). The
published article is not on the page.""")
def cms_preview_draft(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    paras = required(paragraphs(a), "fewer than three paragraphs", at_least=3)
    keep = {p.mem_id for p in paras[:2]}
    for node in children(a.body):
        if node.mem_id not in keep:
            node.decompose()
    attrs = _p_attrs(a)
    insert(a.body, f'<p{attrs}>TK TK: add quote from the studio</p><p{attrs}>[more to come]</p>',
           "append")
    insert(tree.body, '<div class="preview-banner" role="alert">PREVIEW \u2014 this post is not '
                      'published. Only editors can see this page.</div>', "prepend")
    return Mutated(tree.html, None)


def _scramble(text: str, rng) -> str:
    """Letters replaced by random letters, word lengths and punctuation kept: the
    obfuscated text some paywalls serve under a blur."""
    def swap(ch: str) -> str:
        if ch.isalpha():
            c = rng.choice("abcdefghijklmnopqrstuvwxyz")
            return c.upper() if ch.isupper() else c
        return ch
    return "".join(swap(ch) for ch in text)


@register(HOLDOUT5, NONE, """A paywall that serves the first paragraph in clear and the rest
scrambled under a CSS blur (<div class="paywall-blur">, letters replaced by random letters,
word lengths kept), with a "Subscribe to read" overlay. The article is not on the page.""")
def paywall_scrambled_rest(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    rng = rng_for(sample, "paywall_scrambled_rest")
    paras = required(paragraphs(a), "fewer than two paragraphs", at_least=2)
    for p in paras[1:]:
        replace(p, f'<p{_attrs(p)}>{_scramble(text_of(p), rng)}</p>')
    # the scrambled paragraphs behind a blur, the overlay after them
    insert(a.body, '<div class="paywall-overlay"><p>Subscribe to read the full story.</p><a '
                   'class="button" href="/subscribe/">Subscribe</a></div>', "append")
    return Mutated(tree.html, None)


@register(HOLDOUT5, NONE, """An origin timeout mid-response: the HTML document stops halfway
through the article body, in the middle of a tag (no closing tags, no footer), served with
status 200 by a proxy that does not check lengths. Nothing after the cut is on the page.""")
def html_cut_by_origin_timeout(sample: Sample) -> Mutated:
    html = sample.html
    body = required(sample.expected["body"] or [], "fewer than four body blocks", at_least=4)
    start = html.find(body[0][:25])
    end = html.find(body[-1][:25])
    if start < 0 or end <= start:
        raise NotApplicable("the body's first and last blocks are not found in the markup")
    # the first tag after the middle of the body's markup, cut a few bytes into it
    tag = html.find("<", start + (end - start) // 2)
    if tag < 0 or tag >= end:
        raise NotApplicable("no tag in the body's second half")
    return Mutated(html[:tag + 3], None)


@register(HOLDOUT5, NONE, """A scheduling bug publishes a post queued for later with its
planned date: the visible date, meta and JSON-LD datePublished are 120 days after the page
was fetched. A date in the future is no date the article was published.""")
def published_after_fetch(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    published = sample.expected["published"]
    if not published or not sample.fetched_at:
        raise NotApplicable("no published date or no fetch time")
    try:
        fetched = datetime.fromisoformat(sample.fetched_at.replace("Z", "+00:00"))
        old = datetime.fromisoformat(published.replace("Z", "+00:00"))
    except ValueError:
        raise NotApplicable("a date that does not parse")
    if fetched.tzinfo is None:
        fetched = fetched.replace(tzinfo=timezone.utc)
    future = (fetched + timedelta(days=120)).replace(microsecond=0)
    html = tree.html
    old_day = old.date().isoformat()
    new_day = future.date().isoformat()
    # every machine-readable spelling of the day (ISO dates in JSON-LD, meta, <time>)
    html = html.replace(old_day, new_day)
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
    for fmt_old, fmt_new in (
            (f"{months[old.month - 1]} {old.day}, {old.year}", f"{months[future.month - 1]} {future.day}, {future.year}"),
            (f"{months[old.month - 1][:3]} {old.day}, {old.year}", f"{months[future.month - 1][:3]} {future.day}, {future.year}")):
        html = html.replace(fmt_old, fmt_new)
    if new_day not in html:
        raise NotApplicable("no ISO date on the page")
    return Mutated(html, None)


@register(HOLDOUT5, NONE, """A user-profile migration drops display names: the byline, meta
author and JSON-LD author show the writer's login e-mail ("By jsmith@<site>"). The page no
longer names the person who wrote it: broken, naming authors.""")
def byline_login_email(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    names = sample.expected["authors"]
    if not a.author_nodes or not names:
        raise NotApplicable("no byline (a staff piece)")
    host = sample.host.removeprefix("www.")

    def email(name: str) -> str:
        parts = name.lower().split()
        return f"{parts[0][0]}{parts[-1]}@{host}" if parts else name

    pattern = "|".join(map(re.escape, names))
    for node in a.author_nodes:
        rewrite_text(node, lambda t: re.sub(pattern, lambda m: email(m.group(0)), t))
    for meta in tree.css('meta[name="author"]'):
        meta.attrs["content"] = email(names[0])

    def fix(d):
        if d.get("@type") == "Person" and isinstance(d.get("name"), str) and d["name"] in names:
            d["name"] = email(d["name"])
            d.pop("url", None)
        if isinstance(d.get("author"), str) and any(n in d["author"] for n in names):
            d["author"] = ", ".join(email(n) for n in names)
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))
    return Mutated(tree.html, None)


@register(HOLDOUT5, NONE, """A live-blog template applied to a finished article by a category
mix-up: only the three newest "updates" show (the article's last three paragraphs, each
under a "12:40 GMT" time stamp), with a "Load earlier updates" button; the rest loads by
script. Most of the article is not on the page.""")
def live_blog_latest_updates_only(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    paras = required(paragraphs(a), "fewer than five paragraphs", at_least=5)
    last = paras[-3:]
    stamps = ["12:40 GMT", "12:15 GMT", "11:52 GMT"]
    entries = "".join(f'<div class="live-update"><time class="live-update__time">{s}</time>'
                      f'<p{_attrs(p)}>{_inner(p)}</p></div>' for s, p in zip(stamps, reversed(last)))
    for node in children(a.body):
        node.decompose()
    insert(a.body, f'{entries}<button type="button" class="live-more" data-src="/wp-json/live/v1/'
                   f'updates?before=3">Load earlier updates</button>', "append")
    return Mutated(tree.html, None)


__all__ = ["HOLDOUT5"]
