"""Discovery rules: which URLs are articles, sitemap and listing parsing, newest first."""

from pressguard.scrapy.discovery import (
    declares_non_article,
    looks_like_article,
    newest_first,
    parse_listing,
    parse_sitemap,
    wanted_child_sitemap,
)


def test_article_urls_by_shape():
    domain = "wegotthiscovered.com"
    assert looks_like_article("https://wegotthiscovered.com/politics/rubio-pulls-out-as-talks-falter/", domain)
    assert looks_like_article("https://www.wegotthiscovered.com/peace-talks-falter-again/", domain)
    for url in (
        "https://wegotthiscovered.com/politics/",
        "https://wegotthiscovered.com/author/jorge-aguilar-smith/",
        "https://wegotthiscovered.com/politics/page/2/",
        "https://wegotthiscovered.com/wp-content/uploads/2025/04/some-big-photo.jpg",
        "https://elsewhere.com/politics/rubio-pulls-out-as-talks-falter/",
        "https://wegotthiscovered.com/politics/rubio-pulls-out-as-talks-falter/?amp=1",
    ):
        assert not looks_like_article(url, domain), url


def test_sitemap_index_and_news_sitemap():
    index = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://e.com/post-sitemap.xml</loc></sitemap>
    <sitemap><loc>https://e.com/category-sitemap.xml</loc></sitemap></sitemapindex>"""
    children, pages, problem = parse_sitemap(index)
    assert problem is None
    assert children == ["https://e.com/post-sitemap.xml", "https://e.com/category-sitemap.xml"]
    assert pages == []
    assert [c for c in children if wanted_child_sitemap(c)] == ["https://e.com/post-sitemap.xml"]
    news = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
      xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
    <url><loc>https://e.com/a-b-c/</loc><news:news><news:publication_date>2025-08-10T14:03:00+00:00</news:publication_date></news:news></url>
    <url><loc>https://e.com/d-e-f/</loc><lastmod>2025-08-11T09:00:00Z</lastmod></url></urlset>"""
    assert parse_sitemap(news)[1] == [("https://e.com/a-b-c/", "2025-08-10T14:03:00+00:00"),
                                      ("https://e.com/d-e-f/", "2025-08-11T09:00:00Z")]
    assert parse_sitemap(news).problem is None
    broken = parse_sitemap(b"<urlset><url><loc>broken")
    assert (broken.children, broken.pages) == ([], [])
    assert broken.problem.startswith("not XML (") and "no URLs read" in broken.problem


NEWS = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        '<url><loc>https://e.com/a-b-c/</loc><news:news><news:publication_date>2025-08-10T14:03:00+00:00'
        '</news:publication_date><news:title>{title}</news:title></news:news></url>'
        '<url><loc>https://e.com/d-e-f/</loc></url></urlset>')


def test_one_undecodable_byte_is_reported_and_the_sitemap_still_read():
    good = NEWS.format(title="Caf\u00e9 owners rally").encode("utf-8")
    bad = NEWS.format(title="Caf\u00e9 owners rally").encode("cp1252")  # one 0xE9 in a UTF-8 sitemap
    assert bad.count(b"\xe9") == 1
    read = parse_sitemap(bad)
    assert read.pages == parse_sitemap(good).pages == [("https://e.com/a-b-c/", "2025-08-10T14:03:00+00:00"),
                                                       ("https://e.com/d-e-f/", None)]
    at = bad.index(b"\xe9")
    assert read.problem == (f"undecodable byte 0xe9 at offset {at} (not UTF-8); "
                            "read with it replaced by U+FFFD")
    # a byte that breaks the markup itself: nothing to read, and it says so
    hopeless = parse_sitemap(b"<urlset><url><loc>https://e.com/a-b-c/</loc></url\xe9></urlset>")
    assert hopeless.pages == [] and "not XML even with it replaced" in hopeless.problem


def test_listing_tiles_and_rel_next():
    html = """<html><head><link rel="next" href="/news/page/2/"></head><body>
    <article class="wp-block-gamurs-article-tile"><a class="wp-block-gamurs-article-tile__link " href="/news/a-b-c/">A</a></article>
    <article class="wp-block-gamurs-article-tile"><a class="wp-block-gamurs-article-tile__link " href="/news/a-b-c/">A again</a></article>
    <article class="wp-block-gamurs-article-tile"><a class="wp-block-gamurs-article-tile__link " href="https://e.com/news/d-e-f/">D</a></article>
    </body></html>"""
    links, next_url = parse_listing(html, "https://e.com/news/")
    assert links == ["https://e.com/news/a-b-c/", "https://e.com/news/d-e-f/"]
    assert next_url == "https://e.com/news/page/2/"


def test_newest_first_with_undated_last_in_discovery_order():
    candidates = {"u1": None, "u2": "2025-08-10T10:00:00+00:00", "u3": "2025-08-11T10:00:00Z", "u4": None}
    assert newest_first(candidates) == ["u3", "u2", "u1", "u4"]


def test_pages_that_declare_another_type_are_not_articles():
    assert declares_non_article(b'<meta property="og:type" content="website">')
    assert declares_non_article(b"<meta content='profile' property='og:type'>")  # attribute order varies
    assert not declares_non_article(b'<meta property="og:type" content="article">')
    assert not declares_non_article(b"<html><body><h1>Verify you are human</h1></body></html>")
