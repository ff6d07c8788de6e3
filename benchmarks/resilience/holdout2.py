"""The second held-out set: more kinds the checks are never tuned on, only reported on.

Same contract as mutations.py and holdout.py (a Sample in, a Mutated out, each kind
labelled). Written after the checks of issue #8 were tuned on the first two sets, from
what publisher redesigns and failures do, not from what the checks look at. Keep these out
of tuning too: a check changed because one of these kinds failed turns this figure into a
tuning figure.
"""

from __future__ import annotations

import re
from datetime import datetime

from anatomy import children, contains, insert, prose_paragraphs, replace, slugify, squeeze, text_of
from base import NONE, RIGHT, AnyOf, Kind, Mutated, NotApplicable, Sample, register, required, rng_for, same
from mutations import _attr, anatomy_of, author_link, rewrite_text, site_name, typographic

HOLDOUT2: list[Kind] = []

# holdout22 (sealed: not edited) imports it from here under its old name
_prose = prose_paragraphs


def _attrs(node, drop=()) -> str:
    return "".join(f' {k}="{_attr(v)}"' for k, v in node.attributes.items()
                   if v is not None and k not in drop)


def _inner(node) -> str:
    html = node.html
    return html[html.index(">") + 1: html.rindex("<")]


def _refill(node, inner: str) -> None:
    """node's content replaced by inner (HTML), its tag and attributes kept."""
    replace(node, f"<{node.tag}{_attrs(node)}>{inner}</{node.tag}>")


def _scope(a):
    """The article element (or the body container when the article is the whole <body>)."""
    return a.article if a.article is not None and a.article.tag != "body" else a.body


def _body_index(sample: Sample, node) -> int:
    said = squeeze(text_of(node))
    return next(i for i, b in enumerate(sample.expected["body"]) if squeeze(b) == said)


def _p_attrs(a, drop=()) -> str:
    """The attributes the template gives a body paragraph (data-injectable ...)."""
    paras = [p for p in a.blocks if p.tag == "p"]
    return _attrs(paras[0], drop) if paras else ""


# ------------------------------------------------- a right extraction exists

@register(HOLDOUT2, RIGHT, """A Gutenberg pull quote (figure.wp-block-pullquote > blockquote)
added after the first paragraph, repeating a sentence from further down the article, as
editors do to break up long reads. The article's words are unchanged: the right body is
every paragraph, either without the quote or with its sentence once more where it sits.""")
def pullquote_repeats_sentence(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "fewer than two prose paragraphs", at_least=2)
    source = prose[len(prose) // 2 if len(prose) > 2 else 1]
    sentence = re.split(r"(?<=[.!?])\s+", text_of(source))[0]
    after = prose[0]
    insert(after, f'<figure class="wp-block-pullquote"><blockquote><p>{sentence}</p></blockquote>'
                  f'</figure>', "after")
    body = list(sample.expected["body"])
    at = _body_index(sample, after) + 1
    return Mutated(tree.html, same(sample, body=AnyOf((body, body[:at] + [sentence] + body[at:]))))


@register(HOLDOUT2, RIGHT, """The featured image moves from the article header into the body,
after the first paragraph, with its caption and credit (<figure><img><figcaption>), as
themes that print the lead image "below the intro" do. Captions are not article text: the
right fields are unchanged.""")
def lead_figure_moved_into_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    scope = _scope(a)
    figure = next((f for f in scope.css("figure") if not contains(a.body, f)
                   and f.css_first("img") is not None), None)
    if figure is None:
        raise NotApplicable("no lead figure outside the body")
    first = a.blocks[0] if a.blocks else None
    if first is None:
        raise NotApplicable("no body block")
    insert(first, figure.html, "after")
    figure.decompose()
    return Mutated(tree.html, same(sample))


@register(HOLDOUT2, RIGHT, """A byline redesign into author cards: for each author an avatar, the
name as a link, a role line and a Follow button, with no "By" anywhere. Same people, so
the right authors are unchanged.""")
def byline_author_cards(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.byline is None or not sample.expected["authors"]:
        raise NotApplicable("no byline (a staff piece)")
    host = sample.host
    cards = []
    for name in sample.expected["authors"]:
        slug = slugify(name)
        cards.append(f'<div class="author-card"><img class="author-card__avatar" width="48" '
                     f'height="48" alt="" src="https://{host}/wp-content/uploads/avatars/{slug}.jpg">'
                     f'<div class="author-card__body">{author_link(sample, name)}'
                     f'<span class="author-card__role">Contributor</span></div>'
                     f'<button class="author-card__follow" type="button">Follow</button></div>')
    insert(a.byline, f'<div class="author-cards">{"".join(cards)}</div>', "before")
    a.byline.decompose()
    return Mutated(tree.html, same(sample))


def _ago(published: str, fetched_at: str | None) -> str:
    then = datetime.fromisoformat(published.replace("Z", "+00:00"))
    now = datetime.fromisoformat(fetched_at.replace("Z", "+00:00")) if fetched_at else then
    hours = max(1, int((now - then).total_seconds() // 3600))
    for unit, size in (("year", 24 * 365), ("month", 24 * 30), ("day", 24), ("hour", 1)):
        if hours >= size:
            n = hours // size
            return f"{n} {unit}{'s' if n > 1 else ''} ago"
    return "1 hour ago"


@register(HOLDOUT2, RIGHT, """The visible date becomes relative text ("Published 1 year ago",
computed at render time) in a <time> element that keeps the exact time in its datetime
attribute; the meta and JSON-LD times are unchanged, so the right published time is too.""")
def date_relative_text(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    published = sample.expected["published"]
    scope = _scope(a)
    node = next((n for n in scope.css("time, [data-datetime]") if not contains(a.body, n)), None)
    if node is None or not published:
        raise NotApplicable("no visible date")
    cls = node.attributes.get("class")
    cls = f' class="{_attr(cls)}"' if cls else ""
    insert(node, f'<time{cls} datetime="{_attr(published)}" title="{_attr(published)}">Published '
                 f'{_ago(published, sample.fetched_at)}</time>', "before")
    node.decompose()
    return Mutated(tree.html, same(sample))


@register(HOLDOUT2, RIGHT, """A block theme groups the body by subheading: every heading and
the blocks after it go into their own <section class="article-section"> (the intro into
the first), so the body container holds sections, not paragraphs. Same text, same order.""")
def body_sections_per_subheading(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    kids = children(a.body)
    heads = required([k for k in kids if k.tag in ("h2", "h3") and squeeze(text_of(k))], "no subheadings in the body")
    groups, current = [], []
    for k in kids:
        if k.tag in ("h2", "h3") and current and squeeze(text_of(k)):
            groups.append(current)
            current = []
        current.append(k)
    groups.append(current)
    for n, group in enumerate(groups):
        (section,) = insert(group[0], f'<section class="article-section" id="section-{n + 1}">'
                                      f'</section>', "before")
        for k in group:
            section.insert_child(k, move=True)
    return Mutated(tree.html, same(sample))


@register(HOLDOUT2, RIGHT, """The SEO plugin is replaced by a theme that writes schema.org
microdata instead: no JSON-LD, no article:* meta, no meta author; itemscope/itemprop on the
article, headline, author, body and a datePublished meta. The visible page is unchanged.""")
def jsonld_to_microdata(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    for node in tree.css('script[type="application/ld+json"], meta[property^="article:"], '
                         'meta[name="author"]'):
        node.decompose()
    scope = _scope(a)
    scope.attrs["itemscope"] = ""
    scope.attrs["itemtype"] = "https://schema.org/NewsArticle"
    if a.headline is not None:
        a.headline.attrs["itemprop"] = "headline"
    if a.dek is not None:
        a.dek.attrs["itemprop"] = "description"
    for node, name in zip(a.author_nodes, sample.expected["authors"]):
        node.attrs["itemprop"] = "author"
        node.attrs["itemscope"] = ""
        node.attrs["itemtype"] = "https://schema.org/Person"
        insert(node, f'<meta itemprop="name" content="{_attr(name)}">', "prepend")
    a.body.attrs["itemprop"] = "articleBody"
    if sample.expected["published"]:
        insert(scope, f'<meta itemprop="datePublished" content="{_attr(sample.expected["published"])}">',
               "prepend")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT2, RIGHT, """The headline goes into <header class="entry-header"><hgroup>, with a
kicker line (the section name) above it and the dek below it inside the hgroup, as HTML's
hgroup pattern prescribes. Same headline, same dek.""")
def headline_in_hgroup(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    h = a.headline
    if h is None:
        raise NotApplicable("no headline element")
    meta = tree.css_first('meta[property="article:section"]')
    kicker = (meta.attributes.get("content") if meta is not None else None) or "News"
    dek = a.dek if a.dek is not None and a.dek.parent is not None and h.parent is not None \
        and a.dek.parent.mem_id == h.parent.mem_id else None
    (header,) = insert(h, '<header class="entry-header"><hgroup class="entry-hgroup">'
                          f'<p class="entry-kicker">{kicker}</p></hgroup></header>', "before")
    hgroup = header.child
    hgroup.insert_child(h, move=True)
    if dek is not None:
        hgroup.insert_child(dek, move=True)
    return Mutated(tree.html, same(sample))


@register(HOLDOUT2, RIGHT, """A sticky share rail (<aside> with Share, Facebook, X, Reddit,
Flipboard, Email, Copy link and a share count) rendered as the first child of the body
container, beside the text on desktop. The article text is unchanged.""")
def share_rail_in_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    url = _attr(sample.url)
    links = "".join(f'<li><a class="share-rail__link share-rail__link--{k.lower()}" href="{href}{url}" '
                    f'rel="noopener" target="_blank">{k}</a></li>' for k, href in (
                        ("Facebook", "https://www.facebook.com/sharer/sharer.php?u="),
                        ("X", "https://x.com/intent/post?url="),
                        ("Reddit", "https://www.reddit.com/submit?url="),
                        ("Flipboard", "https://share.flipboard.com/bookmarklet/popout?url="),
                        ("Email", "mailto:?body=")))
    insert(a.body, f'<aside class="share-rail is-sticky" aria-label="Share this article"><span '
                   f'class="share-rail__label">Share</span><ul class="share-rail__list">{links}</ul>'
                   f'<button class="share-rail__copy" type="button">Copy link</button><span '
                   f'class="share-rail__count">214 shares</span></aside>', "prepend")
    return Mutated(tree.html, same(sample))


_FALLBACK_TITLES = ("The best settings for a smoother frame rate right now",
                    "Everything announced at this week's showcase")


@register(HOLDOUT2, RIGHT, """An internal-linking plugin inserts "Also read:" lines (a bold label
and a link to another story on the site, taken from the page's story cards, in the body's
paragraph markup) after the first
and the third prose paragraphs. They are navigation, not article text: the right body is
the article's paragraphs only.""")
def also_read_links(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "no prose paragraph")
    host = sample.host
    headline = squeeze(sample.expected["headline"]).lower()
    titles, seen = [], set()
    for link in tree.body.css("a[href]"):
        href = link.attributes.get("href") or ""
        # story cards (a title element or an aria-label), not their bylines, not policy links
        title = link.css_first("h2, h3, h4, [class*=title]")
        said = link.attributes.get("aria-label") or (text_of(title) if title is not None else "")
        if host in href and len(said.split()) >= 5 and squeeze(said).lower() != headline \
                and not contains(a.body, link) and said not in seen:
            titles.append((href, said))
            seen.add(said)
        if len(titles) == 2:
            break
    for t in _FALLBACK_TITLES[len(titles):]:
        titles.append((f"https://{host}/news/{slugify(t)}/", t))
    attrs = _p_attrs(a, drop=("class",))
    for (href, title), after in zip(titles, (prose[0], prose[min(2, len(prose) - 1)])):
        insert(after, f'<p{attrs} class="also-read"><strong>Also read:</strong> '
                      f'<a href="{_attr(href)}">{title}</a></p>', "after")
    return Mutated(tree.html, same(sample))


# ------------------------------------------------- no right extraction exists

@register(HOLDOUT2, NONE, """A consent wall ("pay or okay") rendered server-side in place of the
article: "Before you continue to <site>", accept cookies or subscribe ad-free. The site's
chrome and the head's metadata (og:*, JSON-LD) are still served; the article is not.""")
def consent_wall_replaces_article(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    name = site_name(sample)
    target = _scope(a)
    insert(target, f'<div class="consent-wall" role="dialog" aria-modal="true"><h1 class='
                   f'"consent-wall__title">Before you continue to {name}</h1><p>We and our 842 '
                   f'partners store and access information on your device, such as cookies, to '
                   f'show you personalised ads and content and to measure how our site is used.</p>'
                   f'<p>Choose "Accept all" to continue reading with ads, or subscribe to {name} '
                   f'Ad-free for 2.99 a month.</p><button type="button">Accept all</button><button '
                   f'type="button">Subscribe</button><a href="/privacy/">Manage preferences</a>'
                   f'</div>', "before")
    target.decompose()
    return Mutated(tree.html, None)


@register(HOLDOUT2, NONE, """A maintenance page served with status 200 at the article's URL
(the host's maintenance mode, cached by the CDN as a normal answer): the site's name,
"We'll be right back", and nothing of the article.""")
def maintenance_page_200(sample: Sample) -> Mutated:
    name = site_name(sample)
    host = sample.host
    html = (f'<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8"><meta name="viewport" '
            f'content="width=device-width, initial-scale=1"><title>{name} | Down for maintenance'
            f'</title><meta name="robots" content="noindex"><style>body{{font-family:sans-serif;'
            f'text-align:center;padding:10vh 1rem}}</style></head><body class="maintenance-mode">'
            f'<main class="maintenance"><img class="maintenance__logo" src="https://{host}/logo.svg" '
            f'alt="{name}" width="180"><h1>We\'ll be right back</h1><p>{name} is down for '
            f'scheduled maintenance. We are making some improvements and expect to be back '
            f'online shortly.</p><p>Thank you for your patience.</p><p class="maintenance__'
            f'social">Follow <a href="https://x.com/{host.split(".")[0]}">@{host.split(".")[0]}</a> '
            f'for updates.</p></main></body></html>')
    return Mutated(html, None)


_OTHER_GAMES = ("Harbor Lights Online", "Gravel Kings Rally", "Nova Drift Tactics")
_OTHER_STORY = (
    "{game} will get its first ranked season next month, the developers confirmed in a short "
    "post on Thursday.",
    "The season adds a new placement system, with ten matches instead of five, and resets every "
    "player's rank at the start.",
    "Rewards",
    "Players who finish in the top tier will receive an animated banner and a set of weapon "
    "trims that cannot be earned any other way.",
    "The studio said that rewards from the beta season will carry over, although the old "
    "ranks will not.",
    "What players think",
    "Reactions on the official forum have been mixed, with many asking for better matchmaking "
    "before any new mode arrives.",
    "A community manager replied that matchmaking changes are planned for the same update and "
    "that more details will follow.",
    "The ranked season of {game} starts on the first Tuesday of next month on every platform.",
)


@register(HOLDOUT2, NONE, """A stale fragment cache: the page shows this story's headline,
byline and metadata but the body of another story (the fragment cached for the previous
article rendered by the same worker). Headline and body do not belong together: the page
is wrong and no right extraction exists.""")
def stale_cache_other_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    rng = rng_for(sample, "stale_cache_other_body")
    headline = sample.expected["headline"].lower()
    games = [g for g in _OTHER_GAMES if g.lower() not in headline]
    game = rng.choice(games)
    heading = next((b.tag for b in a.blocks if b.tag in ("h2", "h3")), "h2")
    attrs = _p_attrs(a)
    for node in children(a.body):
        node.decompose()
    parts = []
    for line in _OTHER_STORY:
        line = line.format(game=game)
        parts.append(f"<{heading}>{line}</{heading}>" if "." not in line else f"<p{attrs}>{line}</p>")
    insert(a.body, "".join(parts), "append")
    return Mutated(tree.html, None)


@register(HOLDOUT2, NONE, """A template rendering loop runs twice: every block of the body (the
paragraphs, headings, figures and ads) is printed a second time after the last one. The
page shows the article twice over; it is wrong as served, and only broken is right.""")
def body_rendered_twice(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    copies = "".join(k.html for k in children(a.body))
    insert(a.body, copies, "append")
    return Mutated(tree.html, None)


@register(HOLDOUT2, NONE, """The body container holds the site's privacy policy instead of the
article (a reusable block or a wrong post ID in the template): "Privacy Policy", "Last
updated", sections on what is collected. Headline, byline and metadata are the article's.""")
def privacy_policy_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    name = site_name(sample)
    attrs = _p_attrs(a)
    for node in children(a.body):
        node.decompose()
    policy = (
        ("h2", "Privacy Policy"),
        ("p", "Last updated: March 3, 2025"),
        ("p", f"This Privacy Policy describes how {name} and its affiliates collect, use and share "
              f"information about you when you use our websites, newsletters and apps."),
        ("h2", "Information we collect"),
        ("p", "We collect information you provide directly, such as your email address when you "
              "subscribe, and information collected automatically, such as your IP address, "
              "browser type and the pages you visit."),
        ("h2", "How we use information"),
        ("p", "We use the information to operate and improve our services, to personalise content "
              "and advertising, and to comply with our legal obligations."),
        ("h2", "Your choices"),
        ("p", "You can opt out of personalised advertising at any time through the Privacy "
              "Settings link in the footer of every page."),
        ("p", f"If you have questions about this policy, contact privacy@{sample.url.split('/')[2]}."),
    )
    insert(a.body, "".join(f"<{t}{attrs if t == 'p' else ''}>{s}</{t}>" for t, s in policy), "append")
    return Mutated(tree.html, None)


@register(HOLDOUT2, NONE, """A broken transcoding proxy: text stored as Windows-1252 was decoded
as UTF-8 with replacement, so every non-ASCII character (curly apostrophes, dashes,
non-breaking spaces, accents) shows as U+FFFD "\ufffd", everywhere in the page (headline,
dek, body, title, meta, JSON-LD). The page itself is wrong.""")
def replacement_chars_transcoder(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    for node in (a.headline, a.dek, a.body):
        if node is not None:
            rewrite_text(node, typographic)
    html = tree.html.replace("&nbsp;", "\u00a0")
    return Mutated("".join(ch if ord(ch) < 128 else "\ufffd" for ch in html), None)


@register(HOLDOUT2, NONE, """A template bug prints the site's name in the article's <h1> (the
site-title call instead of the post-title one). <title>, og:title and JSON-LD still carry
the story's headline, but the page shows none: broken, naming the headline.""")
def headline_is_site_name(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    h = a.headline
    if h is None:
        raise NotApplicable("no headline element")
    insert(h, f"<{h.tag}{_attrs(h)}>{site_name(sample)}</{h.tag}>", "before")
    h.decompose()
    return Mutated(tree.html, None)
