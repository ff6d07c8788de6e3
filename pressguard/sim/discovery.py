"""What crawlers discover articles from: robots.txt, Yoast sitemaps, Google News sitemap,
the RSS feed. Same URLs and dates as the pages, so a sitemap-driven crawl and a
list-driven crawl find the same articles."""

from __future__ import annotations

from datetime import timedelta
from email.utils import format_datetime
from html import escape

from pressguard.sim.content import Article
from pressguard.sim.head import iso
from pressguard.sites import Site

XSL = '<?xml-stylesheet type="text/xsl" href="//{domain}/main-sitemap.xsl"?>'


def robots(site: Site) -> str:
    return (f"# robots.txt for {site.domain}\n"
            "User-agent: *\n"
            "Disallow: /wp-admin/\n"
            "Allow: /wp-admin/admin-ajax.php\n"
            "Disallow: /?s=\n"
            "Disallow: /search/\n\n"
            "User-agent: GPTBot\n"
            "Disallow: /\n\n"
            f"Sitemap: {site.origin}/sitemap_index.xml\n"
            f"Sitemap: {site.origin}/news-sitemap.xml\n")


def sitemap_index(site: Site, articles: list[Article]) -> str:
    last = iso(max(a.modified for a in articles))
    maps = "".join(f"<sitemap><loc>{site.origin}/{name}</loc><lastmod>{last}</lastmod></sitemap>"
                   for name in ("post-sitemap.xml", "category-sitemap.xml", "news-sitemap.xml"))
    return ('<?xml version="1.0" encoding="UTF-8"?>' + XSL.format(domain=site.domain) +
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{maps}</sitemapindex>\n")


def post_sitemap(site: Site, articles: list[Article]) -> str:
    # Yoast lists posts oldest first; crawlers must not assume sitemap order is recency.
    urls = "".join(
        f"<url><loc>{escape(a.url)}</loc><lastmod>{iso(a.modified)}</lastmod>"
        f"<image:image><image:loc>{escape(a.image)}</image:loc></image:image></url>"
        for a in sorted(articles, key=lambda a: a.published))
    return ('<?xml version="1.0" encoding="UTF-8"?>' + XSL.format(domain=site.domain) +
            '<urlset xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1" '
            'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{site.origin}/</loc></url>{urls}</urlset>\n")


def category_sitemap(site: Site, list_urls: list[str]) -> str:
    urls = "".join(f"<url><loc>{escape(u)}</loc></url>" for u in list_urls)
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>\n')


def news_sitemap(site: Site, articles: list[Article]) -> str:
    """Google News sitemap: only the last 48 hours (relative to the newest article)."""
    newest = max(a.published for a in articles)
    recent = [a for a in articles if newest - a.published <= timedelta(hours=48)]
    items = "".join(
        f"<url><loc>{escape(a.url)}</loc><news:news><news:publication><news:name>"
        f"{escape(site.title)}</news:name><news:language>en</news:language></news:publication>"
        f"<news:publication_date>{iso(a.published)}</news:publication_date>"
        f"<news:title>{escape(a.headline)}</news:title></news:news></url>" for a in recent)
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            f"{items}</urlset>\n")


def feed(site: Site, articles: list[Article]) -> str:
    """WordPress RSS 2.0: the ten newest posts, excerpt in description, creator per post."""
    items = []
    for a in articles[:10]:
        creator = ", ".join(p.name for p in a.authors) or site.title
        first = next((b.text for b in a.blocks if b.kind == "p"), "")
        items.append(
            f"<item><title>{escape(a.headline)}</title><link>{escape(a.url)}</link>"
            f"<dc:creator><![CDATA[{creator}]]></dc:creator>"
            f"<pubDate>{format_datetime(a.published)}</pubDate>"
            f"<category><![CDATA[{a.section.replace('-', ' ').title()}]]></category>"
            f'<guid isPermaLink="false">{site.origin}/?p={a.post_id}</guid>'
            f"<description><![CDATA[{a.dek}]]></description>"
            f"<content:encoded><![CDATA[<p>{escape(first)}</p>]]></content:encoded></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:atom="http://www.w3.org/2005/Atom" '
            'xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"><channel>'
            f"<title>{escape(site.title)}</title>"
            f'<atom:link href="{site.origin}/feed/" rel="self" type="application/rss+xml"/>'
            f"<link>{site.origin}/</link><description>{escape(site.title)}</description>"
            f"<lastBuildDate>{format_datetime(articles[0].modified)}</lastBuildDate>"
            "<language>en-US</language><sy:updatePeriod>hourly</sy:updatePeriod>"
            f"{''.join(items)}</channel></rss>\n")
