"""Destructoid's own 2025 theme (docs/gamurs.md "Destructoid's own theme").

h1, p.post-summary, a.author-name, span.post-modified, div.post-content > p, a review box
with div.verdict > strong, div.score…, Pros/Cons h4 + ul, body classes single-post or
single-eg_reviews, a Disqus counter and the .dto-rail-column. "redesign" and "broken" are
derived from this theme (not from the shared blocks) when Destructoid is on it.
"""

from __future__ import annotations

from html import escape

from pressguard.sim import boilerplate as bp
from pressguard.sim.content import PROFILES, Article, Block
from pressguard.sim.head import human_date, iso, meta_tags
from pressguard.sim.render_gamurs import broken_payload, inline
from pressguard.sim.variants import Variant

# Destructoid's own theme writes its head its own way: graph JSON-LD, object authors.
DTO = Variant("graph", "object", False, True, True, False, True, False, False, False, "p1",
              "{title} Staff", " - ")

CURRENT = {"title": "post-title", "summary": "post-summary", "author": "author-name",
           "date": "post-modified", "content": "post-content", "main": "dto-main-column",
           "rail": "dto-rail-column", "posts": "posts", "meta": "post-meta"}
# The hypothetical next redesign: every hook renamed.
REDESIGN = {"title": "dto-article__title", "summary": "dto-article__dek",
            "author": "dto-byline__name", "date": "dto-byline__date",
            "content": "dto-article__body", "main": "dto-main", "rail": "dto-aside",
            "posts": "dto-cards", "meta": "dto-byline"}


def _block(b: Block, i: int) -> str:
    if b.kind == "p":
        return f"<p>{inline(b.text, b.link)}</p>"
    if b.kind in ("h2", "h3"):
        return f'<{b.kind} id="{b.id}">{inline(b.text)}</{b.kind}>'
    if b.kind in ("ul", "ol"):
        return f"<{b.kind}>" + "".join(f"<li>{inline(x)}</li>" for x in b.items) + f"</{b.kind}>"
    if b.kind == "figure":
        cap = (inline(b.text) + " " if b.text else "") + escape(b.credit)
        return (f'<figure class="wp-block-image"><img loading="lazy" src="{escape(b.image)}" '
                f'width="1024" height="576" alt=""><figcaption>{cap}</figcaption></figure>')
    if b.kind == "ad":
        return f'<div class="dto-ad dto-ad--incontent" data-slot="incontent-{i}"></div>'
    if b.kind == "video":
        return ('<div class="dto-video"><p class="dto-video__label">Recommended Videos</p>'
                '<div class="dto-video__player" data-player="jw"></div></div>')
    if b.kind == "related":
        return (f'<p><strong>Related:</strong> <a href="{escape(b.link[1])}">'
                f"{inline(b.text)}</a></p>")
    if b.kind == "disclosure":
        return f"<p><em>{inline(b.text)}</em></p>"
    if b.kind == "retail":  # a plain direct-child <p>, exactly where body selectors look
        return f"<p><em>[{inline(b.text)}]</em></p>"
    raise ValueError(f"unknown block kind {b.kind}")


def _review_box(a: Article) -> str:
    r = a.review
    label = {6: "Good", 7: "Good", 8: "Great", 9: "Superb"}.get(r.score, "Fair")
    return (f'<div class="review-box"><div class="score score-{r.score}">'
            f'<span class="score__number">{r.score}</span><span class="score__label">{label}'
            f'</span></div><div class="verdict"><strong>{escape(r.text)}</strong></div>'
            f'<div class="pros"><h4>Pros</h4><ul>'
            + "".join(f"<li>{escape(x)}</li>" for x in r.pros)
            + '</ul></div><div class="cons"><h4>Cons</h4><ul>'
            + "".join(f"<li>{escape(x)}</li>" for x in r.cons) + "</ul></div></div>")


def card(a: Article) -> str:
    """div.posts a > h3: the list markup of the 2025 theme."""
    return (f'<a class="post-card" href="{escape(a.url)}"><img loading="lazy" '
            f'src="{escape(a.image)}" width="320" height="180" alt=""><h3>'
            f'{escape(a.headline, quote=False)}</h3><span class="post-card__meta">'
            f'{escape(", ".join(p.name for p in a.authors) or a.site.title)}</span></a>')


def _page(a_site, head: str, body_class: str, main: str, rail: str, page_type: str,
          post_id=None) -> str:
    sections = PROFILES[a_site.name].sections
    return ('<!doctype html>\n<html lang="en-US">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
            f'{head}\n<link rel="alternate" type="application/rss+xml" href="{a_site.origin}/feed/">'
            f'\n<style id="dto-inline-css">{bp.global_css(a_site, "dto-")}</style>\n</head>\n'
            f'<body class="{body_class}">\n{bp.svg_sprite(a_site)}<div id="page" class="dto-site">'
            f'{bp.header(a_site, sections, "dto-nav")}'
            f'<div class="dto-ad dto-ad--leaderboard gamurs-ad-container"></div>'
            f'<div class="dto-layout">{main}{rail}</div>{bp.footer(a_site, sections)}</div>\n'
            f'{bp.auth_modal(a_site)}\n{bp.comscore()}\n'
            f'<script>var disqus_config=function(){{this.page.identifier="{post_id or ""}";}};'
            f'</script><script id="dsq-count-scr" src="//destructoid.disqus.com/count.js" async>'
            f'</script>\n{bp.inline_scripts(a_site, post_id, page_type)}\n</body>\n</html>\n')


def _rail(others: list[Article], k: dict) -> str:
    return (f'<aside class="{k["rail"]}"><div class="dto-rail__block"><h2>Trending</h2>'
            f'<div class="{k["posts"]}">' + "".join(card(o) for o in others[:8]) +
            f'</div></div><div class="dto-ad dto-ad--rail"></div><div class="dto-rail__block">'
            f'<h2>Popular</h2><div class="{k["posts"]}">' + "".join(card(o) for o in others[8:20])
            + f'</div></div>'
            f'{bp.newsletter(others[0].site) if others else ""}</aside>')


def render_article(a: Article, version: str, others: list[Article]) -> str:
    k = REDESIGN if version == "redesign" else CURRENT
    site = a.site
    is_review = a.review is not None
    if a.authors:
        names = " and ".join(f'<a class="{k["author"]}" href="{site.origin}/author/{p.slug}/">'
                             f"{escape(p.name)}</a>" for p in a.authors)
    else:
        names = f'<a class="{k["author"]}" href="{site.origin}/">{escape(site.title)} Staff</a>'
    avatars = "".join(f'<img class="author-avatar" width="36" height="36" alt="{escape(p.name)}" '
                      f'src="{site.origin}/wp-content/uploads/avatars/{p.slug}.jpg">'
                      for p in a.authors)
    meta = (f'<div class="{k["meta"]}"><div class="post-authors">{avatars}<span class="by">By'
            f'</span> {names}</div><span class="{k["date"]}" data-datetime="{iso(a.modified)}">'
            f'{human_date(a.modified, "")}</span><a class="disqus-comment-count" href="'
            f'{escape(a.url)}#disqus_thread" data-disqus-identifier="{a.post_id}">Comments</a></div>')
    body = "".join(_block(b, i) for i, b in enumerate(a.blocks) if b.kind != "retail")
    if is_review:
        body += _review_box(a)
    body += "".join(_block(b, 0) for b in a.blocks if b.kind == "retail")
    if version == "broken":
        content = f'<div class="{k["content"]}" data-hydrate="1"></div>' + broken_payload(a)
    else:
        content = f'<div class="{k["content"]}">{body}</div>'
    bio = "".join(f'<div class="dto-author-box"><img alt="Image of {escape(p.name)}" src="'
                  f'{site.origin}/wp-content/uploads/avatars/{p.slug}.jpg"><div><span class="dto-'
                  f'author-box__label">Author</span><a class="dto-author-box__name" href="'
                  f'{site.origin}/author/{p.slug}/">{escape(p.name)}</a><p>{escape(p.bio)}</p>'
                  f"</div></div>" for p in a.authors)
    header = (f'<header class="post-header"><div class="post-categories"><a href="{site.origin}/'
              f'{a.section}/">{escape(a.section.title())}</a></div><h1 class="{k["title"]}">'
              f'{escape(a.headline, quote=False)}</h1><p class="{k["summary"]}">'
              f"{escape(a.dek, quote=False)}</p>" + ("" if version == "redesign" else meta)
              + "</header>")
    figure = (f'<figure class="post-featured-image"><img src="{escape(a.image)}" width="1200" '
              f'height="675" alt=""><figcaption>{escape(a.image_credit)}</figcaption></figure>')
    disclosure = (f'<p class="dto-affiliate">{escape(site.title)} is supported by our audience. '
                  f"When you purchase through links on our site, we may earn a small commission."
                  f"</p>")
    inner = header + figure + content + (meta if version == "redesign" else "") + disclosure + bio
    if version == "redesign":
        inner = f'<div class="dto-article__frame"><div class="dto-article__inner">{inner}</div></div>'
    related = [o for o in others if o is not a][:6]
    main = (f'<main class="{k["main"]}" id="main"><article id="post-{a.post_id}" class="post-'
            f'{a.post_id} post type-{"eg_reviews" if is_review else "post"}">{inner}'
            f'<div id="disqus_thread"></div></article><section class="dto-related"><h2>More from '
            f'Destructoid</h2><div class="{k["posts"]}">' + "".join(card(o) for o in related)
            + "</div></section></main>")
    body_class = (f"single single-{'eg_reviews' if is_review else 'post'} postid-{a.post_id} "
                  f"dto-theme")
    head = meta_tags(a, DTO, "Review" if is_review else "Article")
    return _page(site, head, body_class, main, _rail(others[::-1], k), "article", a.post_id)


def render_list(site, heading: str, arts: list[Article], canonical: str, next_url: str | None,
                prev_url: str | None, trending: list[Article], version: str) -> str:
    k = REDESIGN if version == "redesign" else CURRENT
    head = [f"<title>{escape(heading)} - {escape(site.title)}</title>",
            f'<link rel="canonical" href="{escape(canonical)}">']
    if prev_url:
        head.append(f'<link rel="prev" href="{escape(prev_url)}">')
    if next_url:
        head.append(f'<link rel="next" href="{escape(next_url)}">')
    pager = "".join(f'<a class="dto-pager__{c}" href="{escape(u)}">{t}</a>' for c, u, t in
                    (("prev", prev_url, "Previous"), ("next", next_url, "Next")) if u)
    main = (f'<main class="{k["main"]}" id="main"><h1 class="dto-archive__title">{escape(heading)}'
            f'</h1><div class="{k["posts"]}">' + "".join(card(a) for a in arts) +
            f'</div><nav class="dto-pager">{pager}</nav></main>')
    return _page(site, "\n".join(head), "archive blog dto-theme", main,
                 _rail(trending + arts[::-1], k), "archive")


def render_404(site) -> str:
    return _page(site, "<title>Page not found - Destructoid</title>", "error404 dto-theme",
                 '<main class="dto-main-column"><h1>Page not found</h1><p>Nothing here.</p></main>',
                 "", "404")
