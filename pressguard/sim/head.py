"""<head> metadata: canonical, Open Graph, article times, JSON-LD, in each site's habit.

Spiders are told to never trust these alone (docs/gamurs.md marks them inferred), so the
simulator makes them present, absent, partial or subtly different from the visible page.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from html import escape

from pressguard.sim.content import Article
from pressguard.sim.variants import Variant

# Every simulated date falls in US summer time; the sites display New York time.
EDT = timezone(timedelta(hours=-4), "EDT")

# What wptexturize and WordPress' esc_html leave in JSON-LD on some sites.
_ENTITIES = {"&": "&amp;", "’": "&#8217;", "‘": "&#8216;", "“": "&#8220;", "”": "&#8221;",
             "–": "&#8211;", "—": "&#8212;", "'": "&#039;", "…": "&#8230;"}


def human_date(dt: datetime, prefix: str = "Published: ") -> str:
    """'Published: Aug 10, 2025 10:03 am', as the GAMURS metadata block shows it."""
    local = dt.astimezone(EDT)
    hour = local.hour % 12 or 12
    return f"{prefix}{local:%b} {local.day}, {local.year} {hour}:{local:%M} " + (
        "am" if local.hour < 12 else "pm")


def iso(dt: datetime) -> str:
    return dt.isoformat(timespec="seconds")


def entity_encode(text: str) -> str:
    return "".join(_ENTITIES.get(ch, ch) for ch in text)


def meta_tags(a: Article, v: Variant, article_type: str = "NewsArticle") -> str:
    site = a.site
    out = [f"<title>{escape(a.headline, quote=False)}{v.title_sep}{escape(site.title)}</title>",
           f'<meta name="description" content="{escape(a.dek)}">',
           '<meta name="robots" content="index, follow, max-image-preview:large, '
           'max-snippet:-1, max-video-preview:-1">',
           f'<link rel="canonical" href="{escape(a.url)}">',
           f'<link rel="shortlink" href="{site.origin}/?p={a.post_id}">']
    if v.og:
        out += ['<meta property="og:locale" content="en_US">',
                '<meta property="og:type" content="article">',
                f'<meta property="og:title" content="{escape(a.headline)}">',
                f'<meta property="og:description" content="{escape(a.dek)}">',
                f'<meta property="og:url" content="{escape(a.url)}">',
                f'<meta property="og:site_name" content="{escape(site.title)}">',
                f'<meta property="og:image" content="{escape(a.image)}">',
                '<meta property="og:image:width" content="1200">',
                '<meta property="og:image:height" content="675">',
                '<meta name="twitter:card" content="summary_large_image">']
    out += [f'<meta property="article:published_time" content="{iso(a.published)}">',
            f'<meta property="article:modified_time" content="{iso(a.modified)}">',
            f'<meta property="article:section" content="{escape(a.section.title())}">']
    if v.meta_author:
        names = ", ".join(p.name for p in a.authors) or site.title
        out.append(f'<meta name="author" content="{escape(names)}">')
    ld = jsonld(a, v, article_type)
    if ld:
        out.append(ld)
    return "\n".join(out)


def _person(a: Article, p) -> dict:
    return {"@type": "Person", "name": p.name, "url": f"{a.site.origin}/author/{p.slug}/"}


def _authors(a: Article, form: str):
    if not a.authors:  # staff piece: the organization, which spiders must not call an author
        org = {"@type": "Organization", "name": a.site.title, "url": a.site.origin + "/"}
        return a.site.title if form == "string" else ([org] if form == "list" else org)
    if form == "string":
        return ", ".join(p.name for p in a.authors)
    if form == "list":
        return [_person(a, p) for p in a.authors]
    people = [_person(a, p) for p in a.authors]
    return people[0] if len(people) == 1 else people


def jsonld(a: Article, v: Variant, article_type: str = "NewsArticle") -> str:
    if v.jsonld == "none":
        return ""
    site = a.site
    headline = entity_encode(a.headline) if v.entity_headline else a.headline
    art: dict = {"@type": article_type, "@id": f"{a.url}#article", "headline": headline,
                 "description": a.dek, "datePublished": iso(a.published),
                 "dateModified": iso(a.modified), "mainEntityOfPage": {"@id": a.url},
                 "wordCount": a.word_count(), "articleSection": [a.section.title()],
                 "keywords": list(a.tags), "inLanguage": "en-US",
                 "image": {"@type": "ImageObject", "url": a.image, "width": 1200, "height": 675},
                 "author": _authors(a, v.author_form),
                 "publisher": {"@type": "Organization", "name": site.title,
                               "url": site.origin + "/",
                               "logo": {"@type": "ImageObject",
                                        "url": f"{site.origin}/wp-content/uploads/logo.png"}}}
    if article_type == "Review" and a.review:
        art["itemReviewed"] = {"@type": "VideoGame", "name": a.review.title}
        art["reviewRating"] = {"@type": "Rating", "ratingValue": a.review.score, "bestRating": 10}
    if v.jsonld == "partial":  # real pages drop fields when a plugin misbehaves
        for k in ("author", "dateModified", "description"):
            art.pop(k)
    if v.jsonld == "bare":
        doc = {"@context": "https://schema.org", **art}
    else:
        art["isPartOf"] = {"@id": a.url}
        art["publisher"] = {"@id": f"{site.origin}/#organization"}
        doc = {"@context": "https://schema.org", "@graph": [
            art,
            {"@type": "WebPage", "@id": a.url, "url": a.url, "name": a.headline,
             "datePublished": iso(a.published), "inLanguage": "en-US",
             "breadcrumb": {"@id": f"{a.url}#breadcrumb"}},
            {"@type": "BreadcrumbList", "@id": f"{a.url}#breadcrumb", "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Home", "item": site.origin + "/"},
                {"@type": "ListItem", "position": 2, "name": a.section.title(),
                 "item": f"{site.origin}/{a.section}/"},
                {"@type": "ListItem", "position": 3, "name": a.headline}]},
            {"@type": "WebSite", "@id": f"{site.origin}/#website", "url": site.origin + "/",
             "name": site.title, "publisher": {"@id": f"{site.origin}/#organization"}},
            {"@type": "Organization", "@id": f"{site.origin}/#organization", "name": site.title,
             "url": site.origin + "/", "sameAs": [f"https://x.com/{site.name}",
                                                  f"https://www.facebook.com/{site.name}"]}]}
    text = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return f'<script type="application/ld+json" class="yoast-schema-graph">{text}</script>'
