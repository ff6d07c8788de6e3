"""The GAMURS shared-blocks theme (docs/gamurs.md "Shared blocks").

Versions: "current" is the confirmed markup; "redesign" renames every class, moves the
byline after the body and adds wrappers (same words, so a generic extractor still works
while the template selectors do not); "broken" ships the body as JSON for a script to
render, leaving the body container empty, which is how a silent half-outage looks.
"""

from __future__ import annotations

import json
from html import escape

from pressguard.sim import boilerplate as bp
from pressguard.sim.content import PROFILES, Article, Block
from pressguard.sim.head import human_date, meta_tags
from pressguard.sim.variants import VARIANTS, Variant

_TEXTURIZE = {"’": "&#8217;", "‘": "&#8216;", "“": "&#8220;", "”": "&#8221;", "–": "&#8211;",
              "—": "&#8212;", "…": "&#8230;"}


class Names:
    """Class names of one template version; the redesign swaps them all."""

    def __init__(self, version: str):
        self.redesign = version == "redesign"
        self.p = "gm-" if self.redesign else "wp-block-gamurs-"
        self.content = "gm-article__body prose" if self.redesign else \
            "entry-content wp-block-gamurs-article-content"
        self.injectable = "" if self.redesign else ' data-injectable="true"'
        self.author_attr = "data-byline" if self.redesign else "data-author"
        self.heading = "gm-heading" if self.redesign else "wp-block-heading"
        self.list = "gm-list" if self.redesign else "wp-block-list"
        self.ad = "gm-ad-slot" if self.redesign else "gamurs-ad-slot"

    def __call__(self, suffix: str) -> str:
        return self.p + suffix


def inline(text: str, link: tuple[str, str] | None = None, texturize: bool = False) -> str:
    """Escaped paragraph text, one phrase linked, curly punctuation as entities if the site
    runs wptexturize-style output (same text once decoded)."""
    out = escape(text, quote=False)
    if link:
        anchor = escape(link[0], quote=False)
        out = out.replace(anchor, f'<a href="{escape(link[1])}">{anchor}</a>', 1)
    if texturize:
        out = "".join(_TEXTURIZE.get(ch, ch) for ch in out)
    return out


def _bare(url: str) -> str:
    return escape(url.split("?", 1)[0])


def tile(a: Article, n: Names, mod: str = "vertical") -> str:
    """article.tile > a.tile__link (class value with the trailing space real pages have)."""
    t = n("article-tile")
    author = ", ".join(p.name for p in a.authors) or a.site.title
    return (f'<article class="{t} {t}--{mod}" data-post-id="{a.post_id}">'
            f'<a class="{t}__link " href="{escape(a.url)}" aria-label="{escape(a.headline)}">'
            f'<div class="{t}__image"><img loading="lazy" decoding="async" width="400" '
            f'height="225" src="{escape(a.image)}" alt="{escape(a.headline)}" srcset="'
            f'{_bare(a.image)}?w=400 400w, {_bare(a.image)}?w=800 800w"></div>'
            f'<div class="{t}__content"><div class="{t}__content-article-info">'
            f'<div class="{t}__content-article-info-category">{escape(a.section.title())}</div>'
            f'<div class="{t}__content-article-info-title">{escape(a.headline, quote=False)}</div>'
            f'<div class="{t}__content-article-info-author">{escape(author)}</div>'
            f'<time class="{t}__content-article-info-date" datetime="{a.published.isoformat()}">'
            f'{human_date(a.published, "")}</time></div></div></a></article>')


def video_block(n: Names) -> str:
    return (f'<div class="{n("recommended-videos")}"><p class="{n("recommended-videos")}__title">'
            f'Recommended Videos</p><div class="gamurs-video-player" data-player-id="gamurs-jw" '
            f'data-playlist="https://cdn.jwplayer.com/v2/playlists/GaMuRs01"></div></div>')


def render_block(b: Block, n: Names, v: Variant, ad_index: int) -> str:
    tx = v.texturize
    if b.kind == "p":
        return f"<p{n.injectable}>{inline(b.text, b.link, tx)}</p>"
    if b.kind in ("h2", "h3"):
        return f'<{b.kind} class="{n.heading}" id="{b.id}">{inline(b.text, None, tx)}</{b.kind}>'
    if b.kind in ("ul", "ol"):
        items = []
        for it in b.items:
            head, sep, rest = it.partition(" – ")
            # code lists bold the code itself, as guide writers do
            body = (f"<strong>{inline(head)}</strong>{sep}{inline(rest, None, tx)}"
                    if sep and head.isupper() else inline(it, None, tx))
            items.append(f"<li>{body}</li>")
        return f'<{b.kind} class="{n.list}">{"".join(items)}</{b.kind}>'
    if b.kind == "figure":
        cap = inline(b.text, None, tx) + (" " if b.text else "") + f"<em>{escape(b.credit)}</em>"
        return (f'<figure class="wp-block-image size-large"><img loading="lazy" decoding="async" '
                f'width="1024" height="576" src="{escape(b.image)}" alt="" srcset="'
                f'{_bare(b.image)}?w=640 640w, {escape(b.image)} 1024w" sizes="(max-width: '
                f'1024px) 100vw, 1024px"><figcaption class="wp-element-caption">{cap}'
                f'</figcaption></figure>')
    if b.kind == "ad":
        return (f'<div class="{n.ad} {n.ad}--incontent" id="incontent-{ad_index}" '
                f'data-ad-unit="/22794528/incontent_{ad_index}" data-lazy="true"></div>')
    if b.kind == "video":
        return video_block(n)
    if b.kind == "related":
        return (f'<p{n.injectable}><strong>Related:</strong> '
                f'<a href="{escape(b.link[1])}">{inline(b.text, None, tx)}</a></p>')
    if b.kind in ("disclosure", "retail"):
        return f'<p{n.injectable}><em>{inline(b.text, None, tx)}</em></p>'
    raise ValueError(f"unknown block kind {b.kind}")


def review_box(a: Article, n: Names) -> str:
    r = a.review
    c = n("review-summary")
    stars = "".join(f'<svg class="icon"><use href="#icon-star{"-half" if i + 0.5 == r.stars else ""}">'
                    f"</use></svg>" for i in range(int(r.stars + 0.5)))
    pros = "".join(f"<li>{escape(x)}</li>" for x in r.pros)
    cons = "".join(f"<li>{escape(x)}</li>" for x in r.cons)
    return (f'<div class="{c}"><div class="{c}__title">{escape(r.title)}</div>'
            f'<div class="{c}__text">{escape(r.text)}</div>'
            f'<div class="{c}__star-rating" aria-label="{r.stars} out of 5 stars">{stars}</div>'
            f'<div class="{c}__number-rating">{r.score}/10</div>'
            f'<div class="{c}__pros-wrapper"><h4>Pros</h4><ul>{pros}</ul></div>'
            f'<div class="{c}__cons-wrapper"><h4>Cons</h4><ul>{cons}</ul></div>'
            f'<div class="{c}__disclaimer">Reviewed on {escape(r.platform)}</div></div>')


def byline(a: Article, n: Names, v: Variant) -> str:
    m = n("article-metadata")
    people = []
    authors = a.authors or ()
    if authors:
        for p in authors:
            name = (f'<a href="{a.site.origin}/author/{p.slug}/">{escape(p.name)}</a>'
                    if v.byline_link else escape(p.name))
            cls = f'class="{m}__author"'
            attr = f'{n.author_attr}="{p.slug}"'
            people.append(f"<div {attr} {cls}>{name}</div>" if v.data_first
                          else f"<div {cls} {attr}>{name}</div>")
    else:  # staff piece: only the site in the byline, never a person
        label = v.staff_label.format(title=a.site.title)
        people.append(f'<div {n.author_attr}="{a.site.name}" class="{m}__author">'
                      f"{escape(label)}</div>")
    names = f'<span class="{m}__and"> and </span>'.join(people)
    if v.byline_wrapper:
        names = f'<div class="{m}__name-inner">{names}</div>'
    avatars = "".join(f'<img class="{m}__avatar" width="40" height="40" alt="{escape(p.name)}" '
                      f'src="{a.site.origin}/wp-content/uploads/avatars/{p.slug}.jpg?w=80">'
                      for p in authors)
    when = human_date(a.published)
    updated = ("" if a.modified == a.published else
               f'<div class="{m}__updated">{human_date(a.modified, "Updated: ")}</div>')
    return (f'<div class="{m}"><div class="{m}__author-images">{avatars}</div>'
            f'<div class="{m}__content"><div class="{m}__name"><span class="{m}__by">By</span> '
            f'{names}</div><div class="{m}__date-and-time" data-datetime="{when}">{when}</div>'
            f'{updated}</div><div class="{m}__share"><button aria-label="Share"><svg class="icon">'
            f'<use href="#icon-share"></use></svg></button></div></div>')


def author_bio(a: Article, n: Names) -> str:
    c = n("author-bio")
    return "".join(
        f'<div class="{c}"><div class="{c}__label">Author</div><img class="{c}__avatar" '
        f'width="80" height="80" alt="Image of {escape(p.name)}" src="{a.site.origin}/wp-content/'
        f'uploads/avatars/{p.slug}.jpg?w=160"><a class="{c}__name" href="{a.site.origin}/author/'
        f'{p.slug}/">{escape(p.name)}</a><p class="{c}__bio">{escape(p.bio)}</p></div>'
        for p in a.authors)


def affiliate(a: Article, n: Names) -> str:
    return (f'<div class="{n("affiliate-disclosure")}"><p>{escape(a.site.title)} is supported by '
            f"our audience. When you purchase through links on our site, we may earn a small "
            f'commission. <a href="{a.site.origin}/affiliate-policy/">Learn more about our '
            f"Affiliate Policy</a></p></div>")


def sidebar(others: list[Article], n: Names, site) -> str:
    tiles = "".join(tile(o, n, "compact") for o in others[:8])
    return (f'<aside class="{n("sidebar")}"><div class="sidebar-container">'
            f'<h3 class="{n("sidebar")}__title">Trending</h3>{tiles}'
            f'{bp.ad_container("sidebar", site)}{bp.newsletter(site)}</div></aside>')


def page(site, head: str, body_class: str, main: str, page_type: str, post_id=None,
         prefix: str = "wp-block-gamurs-") -> str:
    sections = PROFILES[site.name].sections
    return ('<!DOCTYPE html>\n<html lang="en-US" prefix="og: https://ogp.me/ns#">\n<head>\n'
            '<meta charset="UTF-8">\n<meta name="viewport" content="width=device-width, '
            f'initial-scale=1">\n{head}\n'
            f'<link rel="alternate" type="application/rss+xml" title="{escape(site.title)} » Feed" '
            f'href="{site.origin}/feed/">\n<link rel="https://api.w.org/" href="{site.origin}'
            f'/wp-json/">\n<link rel="preconnect" href="https://securepubads.g.doubleclick.net">\n'
            f'<style id="global-styles-inline-css">{bp.global_css(site, prefix)}</style>\n</head>\n'
            f'<body class="{body_class}">\n{bp.svg_sprite(site)}<div class="wp-site-blocks">'
            f'{bp.header(site, sections, prefix + "navigation")}{bp.ad_container("header", site)}'
            f'{main}{bp.footer(site, sections)}</div>\n{bp.auth_modal(site)}\n{bp.comscore()}\n'
            f'{bp.inline_scripts(site, post_id, page_type)}\n</body>\n</html>\n')


def broken_payload(a: Article) -> str:
    """The body as a hydration payload: the text is in the page, but not in the DOM."""
    blocks = [{"type": b.kind, "text": b.text, "items": list(b.items), "id": b.id}
              for b in a.blocks if b.kind in ("p", "h2", "h3", "ul", "ol", "figure")]
    data = json.dumps({"postId": a.post_id, "blocks": blocks}, ensure_ascii=False)
    data = data.replace("</", "<\\/")  # keep "</script>" inside strings from ending the tag
    return (f'<script type="application/json" id="gamurs-article-data">'
            f'{data}</script><script>window.__hydrateArticle&&'
            f'window.__hydrateArticle("gamurs-article-data");</script>')


def render_article(a: Article, version: str, others: list[Article]) -> str:
    v = VARIANTS[a.site.name]
    n = Names(version)
    site = a.site
    blocks = a.blocks
    video_in_header = v.video_after == "dek"
    body_parts = []
    for i, b in enumerate(blocks):
        if b.kind == "video" and video_in_header:
            continue
        body_parts.append(render_block(b, n, v, i))
    if a.review:
        body_parts.append(review_box(a, n))
    if version == "broken":
        content = (f'<div class="{n.content}" data-hydrate="article-body"></div>'
                   + broken_payload(a))
    else:
        content = f'<div class="{n.content}">{"".join(body_parts)}</div>'
    if v.content_wrapper or n.redesign:
        content = f'<div class="{n("article-content-wrapper")}">{content}</div>'
    h = n("article-header")
    figure = (f'<figure class="{h}__image"><img decoding="async" width="1200" height="675" '
              f'src="{escape(a.image)}" alt="{escape(a.headline)}" fetchpriority="high">'
              f'<figcaption class="{h}__caption">{escape(a.image_credit)}</figcaption></figure>')
    header = (f'<div class="{h}">{figure}<div class="{h}__content">'
              f'<div class="{h}__content--category"><a href="{site.origin}/{a.section}/">'
              f'{escape(a.section.replace("-", " ").title())}</a></div>'
              f'<h1 class="{h}__content--title">{inline(a.headline, None, v.texturize)}</h1>'
              f'<div class="{h}__content--subtitle">{inline(a.dek, None, v.texturize)}</div>'
              f'</div></div>')
    if n.redesign:
        header = (f'<div class="gm-article__hero"><div class="gm-article__hero-inner">{header}'
                  '</div></div>')
    meta = byline(a, n, v)
    related = [o for o in others if o is not a][:6]
    parts = [f'<nav class="{n("breadcrumbs")}"><a href="{site.origin}/">Home</a> » '
             f'<a href="{site.origin}/{a.section}/">{escape(a.section.title())}</a></nav>',
             header, video_block(n) if video_in_header else "",
             "" if n.redesign else meta, content,
             meta if n.redesign else "",  # the redesign moves the byline below the body
             affiliate(a, n), author_bio(a, n),
             f'<div class="{n("related-articles")}"><h2>More from {escape(site.title)}</h2>'
             + "".join(tile(o, n, "horizontal") for o in related) + "</div>"]
    article = (f'<div data-id="{a.post_id}" class="{n("article")} post-{a.post_id}">'
               + "".join(parts) + "</div>")
    main = (f'<main class="wp-block-group is-layout-constrained">{article}'
            f'{sidebar(related[::-1] + others[-4:], n, site)}</main>')
    if n.redesign:
        main = f'<div class="gm-layout"><div class="gm-layout__inner">{main}</div></div>'
    body_class = (f"post-template-default single single-post postid-{a.post_id} "
                  f"single-format-standard wp-embed-responsive")
    return page(site, meta_tags(a, v), body_class, main, "article", a.post_id, n.p)


def render_list(site, heading: str, arts: list[Article], canonical: str, next_url: str | None,
                prev_url: str | None, trending: list[Article], version: str) -> str:
    """Home, section and paginated archive pages: tiles plus rel=next/prev in the head."""
    n = Names(version)
    v = VARIANTS[site.name]
    title = f"{heading}{v.title_sep}{site.title}"
    head = [f"<title>{escape(title)}</title>", f'<link rel="canonical" href="{escape(canonical)}">']
    if prev_url:
        head.append(f'<link rel="prev" href="{escape(prev_url)}">')
    if next_url:
        head.append(f'<link rel="next" href="{escape(next_url)}">')
    if v.og:
        head.append(f'<meta property="og:title" content="{escape(title)}">')
    feat = "".join(tile(a, n, "featured") for a in trending)
    tiles = "".join(tile(a, n, "horizontal") for a in arts)
    pager = ""
    if prev_url or next_url:
        pager = ('<nav class="wp-block-query-pagination" aria-label="Pagination">'
                 + (f'<a class="prev page-numbers" href="{escape(prev_url)}">Previous</a>'
                    if prev_url else "")
                 + (f'<a class="next page-numbers" href="{escape(next_url)}">Next</a>'
                    if next_url else "") + "</nav>")
    main = (f'<main class="wp-block-group"><div class="{n("archive")}">'
            f'<h1 class="{n("archive")}__title">{escape(heading)}</h1>'
            + (f'<section class="{n("trending")}"><h2>Trending</h2>{feat}</section>' if feat else "")
            + f'<div class="{n("article-list")}">{tiles}</div>{pager}</div>'
            f'{sidebar(trending + arts[::-1], n, site)}</main>')
    return page(site, "\n".join(head), "archive blog", main, "archive", None, n.p)


def render_404(site) -> str:
    n = Names("current")
    main = ('<main class="wp-block-group"><h1>Page not found</h1><p>The page you were looking '
            'for could not be found. It might have been removed, renamed, or did not exist in '
            'the first place.</p></main>')
    return page(site, f"<title>Page not found{VARIANTS[site.name].title_sep}"
                      f"{escape(site.title)}</title>", "error404", main, "404", None, n.p)
