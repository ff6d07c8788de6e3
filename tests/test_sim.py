"""The publisher simulator, over real HTTP on 127.0.0.1 (plain proxy, CONNECT tunnel,
origin-form), plus one real Scrapy crawl through it in a subprocess."""

from __future__ import annotations

import gzip
import html
import http.client
import json
import os
import re
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests
from selectolax.lexbor import LexborHTMLParser

import pressguard.sim
from pressguard.sim import Simulator
from pressguard.sim.app import App
from pressguard.sim.catalog import SEED_FILE
from pressguard.sim.content import SEED_URL
from pressguard.sites import SITES

TILE = "article.wp-block-gamurs-article-tile > a.wp-block-gamurs-article-tile__link"


@pytest.fixture(scope="module")
def sim():
    with Simulator() as s:
        yield s


@pytest.fixture(autouse=True)
def _reset(sim):
    sim.reset()
    yield
    sim.reset()


@pytest.fixture(scope="module")
def ca_file(sim, tmp_path_factory):
    path = tmp_path_factory.mktemp("ca") / "ca.pem"
    path.write_bytes(sim.ca_pem)
    return str(path)


@pytest.fixture()
def web(sim, ca_file):
    """requests through the simulator as proxy; trust_env off so the environment's CA bundle
    and proxy variables cannot override what the test sets."""
    s = requests.Session()
    s.trust_env = False
    s.proxies = {"http": sim.proxy_url, "https": sim.proxy_url}
    s.verify = ca_file
    s.max_redirects = 5
    yield s
    s.close()


def articles(sim, site, kind=None):
    arts = [sim.article(u) for u in sim.article_urls(site)]
    return [a for a in arts if kind is None or a.kind == kind]


def dom(text: str) -> LexborHTMLParser:
    return LexborHTMLParser(text)


# --- routing ---------------------------------------------------------------------------

def test_article_urls_are_real_domains_in_each_sites_shape(sim):
    shapes = {"wegotthiscovered": r"/(politics|movies|netflix|tv|gaming)/[a-z0-9-]+/",
              "dotesports": r"/[a-z-]+/news/[a-z0-9-]+", "twinfinite": r"/(reviews|guides|news)/[a-z0-9-]+/",
              "gamepur": r"/(news|guides|reviews)/[a-z0-9-]+", "siliconera": r"/[a-z0-9-]+/",
              "primagames": r"/(news|tips|reviews)/[a-z0-9-]+",
              "destructoid": r"/(reviews/)?[a-z0-9-]+/"}
    for name, site in SITES.items():
        urls = sim.article_urls(name)
        assert len(urls) >= 8 and len(set(urls)) == len(urls)
        for u in urls:
            parts = urlsplit(u)
            assert parts.scheme == "https" and parts.netloc == site.domain, u
            if name in shapes:
                assert re.fullmatch(shapes[name], parts.path), u
        dates = [sim.article(u).published for u in urls]
        assert dates == sorted(dates, reverse=True)  # newest first
    assert SEED_URL in sim.article_urls("wegotthiscovered")
    with pytest.raises(ValueError, match="wegotthiscovered"):
        sim.article_urls("nosuchsite")


def test_plain_proxy_absolute_form_with_urllib(sim):
    opener = urllib.request.build_opener(urllib.request.ProxyHandler(
        {"http": sim.proxy_url, "https": sim.proxy_url}))
    url = sim.article_urls("wegotthiscovered")[0].replace("https://", "http://")
    with opener.open(url, timeout=10) as r:
        body = r.read()
        assert r.status == 200
        assert r.headers["X-Pressguard-Simulator"] == "1"
        assert r.headers["Set-Cookie"].startswith("gamurs_session=")
    assert 100_000 <= len(body) <= 200_000
    page = body.decode("utf-8")
    tree = dom(page)
    a = sim.article(url.replace("http://", "https://"))
    assert html.unescape(tree.css_first("h1.wp-block-gamurs-article-header__content--title").text()) == a.headline
    assert tree.css_first("div.wp-block-gamurs-article-header__content--subtitle").text() == a.dek
    assert [n.text() for n in tree.css("div.wp-block-gamurs-article-metadata__name div[data-author]")] == [
        p.name for p in a.authors]
    assert tree.css_first(".wp-block-gamurs-article-metadata__date-and-time").attributes[
        "data-datetime"].startswith("Published: Aug ")
    assert tree.css("div.entry-content.wp-block-gamurs-article-content p[data-injectable]")
    assert tree.css_first("main > div[data-id]") is not None
    for boiler in ("Recommended Videos", "Create a GAMURS account", "Choose a unique name",
                   "protected by reCAPTCHA", "sb.scorecardresearch.com", "is supported by our audience",
                   'alt="Image of ', "sidebar-container", "gamurs-ad-container", "<noscript>",
                   "<strong>Related:</strong>"):
        assert boiler in page, boiler


def test_connect_tunnel_verified_tls_and_keepalive(sim, ca_file):
    ctx = ssl.create_default_context(cafile=ca_file)  # really verifies chain and hostname
    conn = http.client.HTTPSConnection("127.0.0.1", sim.port, context=ctx, timeout=10)
    conn.set_tunnel("www.dotesports.com", 443)
    conn.request("GET", "/robots.txt")
    r = conn.getresponse()
    assert r.status == 301 and r.getheader("Location") == "https://dotesports.com/robots.txt"
    r.read()
    conn.close()
    conn = http.client.HTTPSConnection("127.0.0.1", sim.port, context=ctx, timeout=10)
    conn.set_tunnel("dotesports.com", 443)
    for path in ("/robots.txt", urlsplit(sim.article_urls("dotesports")[1]).path, "/feed/"):
        conn.request("GET", path)  # same socket every time: keep-alive inside the tunnel
        r = conn.getresponse()
        assert r.status == 200 and r.getheader("X-Pressguard-Simulator") == "1"
        r.read()
    sock = conn.sock
    conn.request("GET", "/")
    conn.getresponse().read()
    assert conn.sock is sock
    conn.close()


def test_requests_https_and_origin_form(sim, web):
    url = sim.article_urls("themarysue")[2]
    r = web.get(url)
    assert r.status_code == 200 and "wp-block-gamurs-article-content" in r.text
    # origin-form: a client that talks to the simulator directly, naming the site in Host
    conn = http_client(sim)
    conn.request("GET", urlsplit(url).path, headers={"Host": "themarysue.com"})
    r2 = conn.getresponse()
    assert r2.status == 200 and r2.read() == r.content


def http_client(sim) -> http.client.HTTPConnection:
    return http.client.HTTPConnection("127.0.0.1", sim.port, timeout=10)


def test_unknown_host_is_502_and_nothing_goes_out(sim, web, monkeypatch):
    seen = []
    real_connect = socket.socket.connect

    def spy(self, address):
        seen.append(address)
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", spy)
    r = web.get("http://example.com/", allow_redirects=False)
    assert r.status_code == 502 and "never forwards to the real web" in r.text
    assert r.headers["X-Pressguard-Simulator"] == "1"
    conn = http_client(sim)
    conn.request("CONNECT", "example.com:443")
    r2 = conn.getresponse()
    assert r2.status == 502 and b"never forwards" in r2.read()
    conn = http_client(sim)
    conn.request("GET", "/", headers={"Host": "news.example.org"})
    assert conn.getresponse().status == 502
    assert seen and all(addr[0] == "127.0.0.1" for addr in seen), seen


# --- discovery -------------------------------------------------------------------------

def test_home_paginates_with_rel_next_and_lists_every_article(sim, web):
    url, pages, seen = "https://wegotthiscovered.com/", [], []
    while url:
        r = web.get(url)
        assert r.status_code == 200
        tree = dom(r.text)
        pages.append(url)
        links = tree.css(TILE)
        assert links and all(a.attributes["class"].endswith(" ") for a in links)
        seen += [a.attributes["href"] for a in tree.css(f"div.wp-block-gamurs-article-list {TILE}")]
        nxt = tree.css_first('head link[rel="next"]')
        url = nxt.attributes["href"] if nxt else None
        assert len(pages) < 10
    assert pages[1] == "https://wegotthiscovered.com/page/2/"
    assert seen == sim.article_urls("wegotthiscovered")
    assert dom(web.get(pages[-1]).text).css_first('link[rel="prev"]') is not None
    # the seed is linked from the first home page (Trending), not only from page 4
    assert SEED_URL in web.get("https://wegotthiscovered.com/").text
    # section pages follow each site's shape; WordPress pagination under them
    assert web.get("https://wegotthiscovered.com/politics/").status_code == 200
    assert web.get("https://siliconera.com/category/news/").status_code == 200
    r = web.get("https://twinfinite.net/guides/")
    nxt = dom(r.text).css_first('link[rel="next"]').attributes["href"]
    assert nxt == "https://twinfinite.net/guides/page/2/" and web.get(nxt).status_code == 200
    assert web.get("https://twinfinite.net/guides/page/9/").status_code == 404
    r = web.get("https://twinfinite.net/guides", allow_redirects=False)  # redirect_canonical
    assert r.status_code == 301 and r.headers["Location"] == "https://twinfinite.net/guides/"


def test_robots_sitemaps_news_sitemap_and_feed(sim, web):
    robots = web.get("https://gamepur.com/robots.txt").text
    assert "Disallow: /wp-admin/" in robots
    assert "Sitemap: https://gamepur.com/sitemap_index.xml" in robots
    index = web.get("https://gamepur.com/sitemap_index.xml").text
    maps = re.findall(r"<loc>([^<]+)</loc>", index)
    assert "https://gamepur.com/post-sitemap.xml" in maps and "https://gamepur.com/news-sitemap.xml" in maps
    posts = web.get("https://gamepur.com/post-sitemap.xml")
    assert posts.headers["Content-Type"].startswith("application/xml")
    locs = set(re.findall(r"<url><loc>([^<]+)</loc>", posts.text))
    assert set(sim.article_urls("gamepur")) <= locs
    news = web.get("https://gamepur.com/news-sitemap.xml").text
    assert 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' in news
    assert re.search(r"<news:publication_date>2025-08-10T14:03:00\+00:00</news:publication_date>", news)
    feed = web.get("https://gamepur.com/feed/")
    assert feed.headers["Content-Type"].startswith("application/rss+xml")
    links = re.findall(r"<item><title>[^<]*</title><link>([^<]+)</link>", feed.text)
    assert links == sim.article_urls("gamepur")[:10]
    assert SEED_URL in web.get("https://wegotthiscovered.com/post-sitemap.xml").text


def test_gzip_only_when_asked_and_deterministic(sim):
    path = urlsplit(sim.article_urls("primagames")[0]).path
    conn = http_client(sim)
    conn.request("GET", path, headers={"Host": "primagames.com", "Accept-Encoding": "gzip"})
    r = conn.getresponse()
    zipped = r.read()
    assert r.getheader("Content-Encoding") == "gzip" and len(zipped) < 60_000
    conn.request("GET", path, headers={"Host": "primagames.com", "Accept-Encoding": "identity"})
    r = conn.getresponse()
    plain = r.read()
    assert r.getheader("Content-Encoding") is None
    assert gzip.decompress(zipped) == plain
    # a second, independent simulator renders the same bytes: no hidden randomness
    other = App()
    assert other.article_urls("primagames") == sim.article_urls("primagames")
    assert other.catalogs["primagames"].page(path, "current").text.encode() == plain


# --- content ---------------------------------------------------------------------------

def test_every_site_has_all_article_kinds(sim):
    for name in SITES:
        kinds = {a.kind for a in articles(sim, name)}
        assert {"news", "guide", "review", "coauthored", "staff", "long", "unicode",
                "listicle"} <= kinds, name
        assert max(a.word_count() for a in articles(sim, name)) >= 3000


def test_article_kinds_markup(sim, web):
    get = lambda a: web.get(a.url).text  # noqa: E731
    guide = articles(sim, "twinfinite", "guide")[0]
    page = get(guide)
    assert re.search(r'</ul><div class="gamurs-ad-slot[^"]*"[^>]*></div><ul class="wp-block-list">', page)
    assert re.search(r'<h2 class="wp-block-heading" id="h-all-active-[a-z0-9-]+-codes">', page)
    review = articles(sim, "twinfinite", "review")[0]
    tree = dom(get(review))
    for part in ("__title", "__text", "__star-rating", "__number-rating", "__disclaimer"):
        assert tree.css_first(f".wp-block-gamurs-review-summary{part}") is not None, part
    assert len(tree.css(".wp-block-gamurs-review-summary__pros-wrapper li")) == 3
    co = articles(sim, "twinfinite", "coauthored")[0]
    tree = dom(get(co))
    assert len(tree.css("div.wp-block-gamurs-article-metadata__name div[data-author]")) == 2
    assert len(tree.css("div.wp-block-gamurs-author-bio")) == 2
    staff = articles(sim, "twinfinite", "staff")[0]
    tree = dom(get(staff))
    byline = [n.text() for n in tree.css("div.wp-block-gamurs-article-metadata__name div[data-author]")]
    assert byline == ["Twinfinite Staff"] and staff.authors == ()
    long = articles(sim, "twinfinite", "long")[0]
    assert long.word_count() >= 3000
    text = html.unescape(dom(get(long)).css_first("div.entry-content").text())
    assert long.expected_body()[-1] in text
    uni = articles(sim, "twinfinite", "unicode")[0]
    page = get(uni)
    assert "🎉" in page and "“Café Lumière”" in html.unescape(page) and "『月の喫茶店』" in page
    news = articles(sim, "twinfinite", "news")[0]
    page = get(news)
    assert re.search(r"<figcaption[^>]*>.*?(Photo by|Screenshot by|Image via|Screengrab via)", page)
    assert re.search(r'<h2 class="wp-block-heading" id="h-[a-z0-9-]+">', page)
    sim.set_template("destructoid", "gamurs-blocks")
    d_review = articles(sim, "destructoid", "review")[0]
    assert "This review is based on a retail build" in get(d_review)


def test_sites_differ_like_real_sites(sim, web):
    def head_of(name, kind="review"):
        return web.get(articles(sim, name, kind)[0].url).text

    wgtc, dot, sil = head_of("wegotthiscovered"), head_of("dotesports"), head_of("siliconera")
    assert '"@graph"' in wgtc and "application/ld+json" not in sil
    assert re.search(r'<div data-author="[^"]+" class=', dot)
    assert re.search(r'<div class="[^"]+" data-author=', wgtc)
    assert 'property="og:title"' in wgtc and 'property="og:title"' not in sil
    ld = json.loads(re.search(r'application/ld\+json[^>]*>(.*?)</script>', wgtc).group(1))
    h1 = html.unescape(re.search(r"<h1[^>]*>(.*?)</h1>", wgtc).group(1))
    ld_headline = ld["@graph"][0]["headline"]
    assert ld_headline != h1 and html.unescape(ld_headline) == h1  # differs by entities only
    sim.set_template("destructoid", "gamurs-blocks")
    bare = json.loads(re.search(r'application/ld\+json[^>]*>(.*?)</script>', head_of("destructoid")).group(1))
    assert bare["@type"] == "NewsArticle" and isinstance(bare["author"], str)


def test_destructoid_2025_theme_is_default_and_switchable(sim, web):
    review = articles(sim, "destructoid", "review")[0]
    assert urlsplit(review.url).path.startswith("/reviews/")
    tree = dom(web.get(review.url).text)
    assert "single-eg_reviews" in tree.body.attributes["class"]
    assert tree.css_first("h1").text() == review.headline
    assert tree.css_first("p.post-summary").text() == review.dek
    assert [a.text() for a in tree.css("a.author-name")] == [p.name for p in review.authors]
    assert tree.css_first("span.post-modified") is not None
    assert tree.css_first("div.verdict > strong").text() == review.review.text
    assert tree.css_first('div[class^="score"]') is not None
    assert [h.text() for h in tree.css("div.review-box h4")] == ["Pros", "Cons"]
    paras = [p.text() for p in tree.css("div.post-content > p")]
    assert paras[-1].startswith("[This review is based on a retail build")
    assert tree.css_first(".dto-rail-column") and tree.css_first(".disqus-comment-count")
    assert tree.css_first("div.wp-block-gamurs-article-content") is None
    news = articles(sim, "destructoid", "news")[0]
    assert "single-post" in dom(web.get(news.url).text).body.attributes["class"]
    lists = dom(web.get("https://destructoid.com/").text)
    assert len(lists.css("div.posts a h3")) >= 10
    sim.set_template("destructoid", "gamurs-blocks")
    tree = dom(web.get(review.url).text)
    assert tree.css_first("div.entry-content.wp-block-gamurs-article-content") is not None
    assert tree.css_first("p.post-summary") is None
    with pytest.raises(ValueError, match="destructoid2025, gamurs-blocks, redesign, broken"):
        sim.set_template("destructoid", "v3")
    with pytest.raises(ValueError, match="current, redesign, broken"):
        sim.set_template("gamepur", "destructoid2025")


def test_redesign_and_broken_change_markup_not_words(sim, web):
    a = articles(sim, "wegotthiscovered", "coauthored")[0]
    current = web.get(a.url).text
    sim.set_template("wegotthiscovered", "redesign")
    redesign = web.get(a.url)
    assert redesign.headers["X-Pressguard-Template"] == "redesign"
    r = redesign.text
    assert "wp-block-gamurs-article-header__content--title" not in r and "data-injectable" not in r
    assert "wp-block-gamurs-article-tile" not in r and "entry-content" not in r
    assert r.index("gm-article__body") < r.index("gm-article-metadata__name")  # byline after body
    new_text = dom(r).css_first(".gm-article__body").text()
    old_text = dom(current).css_first("div.entry-content").text()
    for para in a.expected_body():
        assert para in new_text and para in old_text
    sim.set_template("wegotthiscovered", "broken")
    b = web.get(a.url).text
    tree = dom(b)
    assert tree.css_first("div.entry-content").text().strip() == ""
    data = json.loads(tree.css_first('script[type="application/json"]').text())
    assert [x["text"] for x in data["blocks"] if x["type"] == "p"][0] == a.expected_body()[0]
    sim.set_template("destructoid", "broken")
    d = dom(web.get(articles(sim, "destructoid", "news")[0].url).text)
    assert d.css_first("div.post-content").text() == "" and d.css_first("h1").text()


# --- faults ----------------------------------------------------------------------------

def test_fault_429_with_retry_after_and_times(sim, web):
    url = sim.article_urls("gamepur")[0]
    sim.set_fault("gamepur", "429", retry_after=7, times=2)
    r = web.get(url)
    assert r.status_code == 429 and r.headers["Retry-After"] == "7"
    assert web.get("https://gamepur.com/robots.txt").status_code == 200  # robots never faulted
    assert web.get(url).status_code == 429
    assert web.get(url).status_code == 200  # budget spent: recovered
    assert web.get(sim.article_urls("primagames")[0]).status_code == 200  # other sites fine


def test_fault_503_global_and_site_precedence(sim, web):
    sim.set_fault(None, "503")
    assert web.get(sim.article_urls("siliconera")[0]).status_code == 503
    assert web.get("https://dotesports.com/").status_code == 503
    sim.set_fault("dotesports", "captcha")
    r = web.get("https://dotesports.com/")
    assert r.status_code == 200 and "Verify you are human" in r.text and TILE not in r.text
    assert "wp-block-gamurs-article-tile" not in r.text
    sim.clear_faults()
    assert web.get(sim.article_urls("siliconera")[0]).status_code == 200
    with pytest.raises(ValueError, match="429, 503, slow"):
        sim.set_fault(None, "teapot")
    with pytest.raises(ValueError, match="delay"):
        sim.set_fault(None, "slow", seconds=3)


def test_fault_slow(sim, web):
    sim.set_fault("themarysue", "slow", delay=0.4)
    t = time.monotonic()
    assert web.get(sim.article_urls("themarysue")[0]).status_code == 200
    assert time.monotonic() - t >= 0.4


def test_fault_redirect_is_a_real_hop_to_a_new_slug(sim, web):
    a = articles(sim, "twinfinite", "news")[0]
    sim.set_fault("twinfinite", "redirect")
    r = web.get(a.url, allow_redirects=False)
    assert r.status_code == 301
    new = r.headers["Location"]
    assert new.startswith("https://twinfinite.net/news/") and new != a.url
    final = web.get(a.url)
    assert final.status_code == 200 and final.url == new and [h.status_code for h in final.history] == [301]
    assert dom(final.text).css_first("h1").text() == html.unescape(a.headline)
    assert web.get("https://twinfinite.net/").status_code == 200  # lists do not move


def test_fault_redirect_loop(sim, web):
    sim.set_fault("twinfinite", "redirect-loop")
    with pytest.raises(requests.TooManyRedirects):
        web.get(sim.article_urls("twinfinite")[0])


def test_fault_truncated(sim):
    sim.set_fault("siliconera", "truncated", times=1)
    conn = http_client(sim)
    conn.request("GET", urlsplit(sim.article_urls("siliconera")[0]).path,
                 headers={"Host": "siliconera.com"})
    r = conn.getresponse()
    promised = int(r.getheader("Content-Length"))
    with pytest.raises(http.client.IncompleteRead) as exc:
        r.read()
    assert 0 < len(exc.value.partial) < promised


def test_fault_wrong_and_missing_charset(sim, web):
    uni = articles(sim, "attackofthefanboy", "unicode")[0]
    good = web.get(uni.url).content
    sim.set_fault("attackofthefanboy", "wrong-charset")
    r = web.get(uni.url)
    assert r.headers["Content-Type"].lower().endswith("charset=utf-8")
    with pytest.raises(UnicodeDecodeError):
        r.content.decode("utf-8")
    assert "Café" in r.content.decode("cp1252") and b"\x93" in r.content
    sim.set_fault("attackofthefanboy", "no-charset")
    r = web.get(uni.url)
    assert r.headers["Content-Type"] == "text/html"
    assert not re.search(rb"<meta charset", r.content, re.I)
    assert "Zoë" in r.content.decode("utf-8") and len(good) > len(r.content)


# --- control API, CLI ------------------------------------------------------------------

def test_control_api_switches_a_running_simulator(sim, web):
    base = sim.proxy_url
    direct = requests.Session()
    direct.trust_env = False
    assert "wegotthiscovered.com" in direct.get(base + "/").text
    r = direct.post(base + "/_sim/template", params={"site": "gamepur", "version": "redesign"})
    assert r.status_code == 200 and r.json()["templates"]["gamepur"] == "redesign"
    assert "gm-article__body" in web.get(sim.article_urls("gamepur")[0]).text
    r = direct.post(base + "/_sim/fault", params={"site": "gamepur", "kind": "429",
                                                  "retry_after": "2", "times": "1"})
    assert r.status_code == 200 and r.json()["faults"]["gamepur"]["kind"] == "429"
    assert web.get("https://gamepur.com/").status_code == 429
    direct.post(base + "/_sim/fault", params={"kind": "503"})  # no site: all sites
    assert web.get("https://siliconera.com/").status_code == 503
    assert direct.post(base + "/_sim/fault", params={"kind": "nope"}).status_code == 400
    assert direct.post(base + "/_sim/template", params={"site": "x", "version": "y"}).status_code == 400
    assert direct.get(base + "/_sim/reset").status_code == 405
    assert direct.post(base + "/_sim/reset").json() == {
        "ok": True, "templates": {n: ("destructoid2025" if n == "destructoid" else "current")
                                  for n in SITES}, "faults": {}}
    assert web.get("https://siliconera.com/").status_code == 200


def test_seed_article_served(sim, web):
    r = web.get(SEED_URL)
    assert r.status_code == 200
    if SEED_FILE.is_file():
        assert r.content == SEED_FILE.read_bytes()
    else:
        assert "Rubio pulls out as peace talks falter" in html.unescape(r.text)


def test_cli_port_in_use_and_sigterm(sim, capsys):
    assert pressguard.sim.main(["--port", str(sim.port)]) == 2
    err = capsys.readouterr().err.strip()
    assert "already in use" in err and "\n" not in err
    proc = subprocess.Popen([sys.executable, "-m", "pressguard.sim", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        proxy = re.search(r"https_proxy=(http://127\.0\.0\.1:\d+)", line).group(1)
        assert "scrapy crawl" in line
        direct = requests.Session()
        direct.trust_env = False  # an outer http_proxy must not swallow this request
        assert direct.get(proxy + "/_sim/state", timeout=5).json()["faults"] == {}
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=5) == 0
    finally:
        proc.kill()


SPIDER = '''
import scrapy

class SimSpider(scrapy.Spider):
    name = "simcheck"
    start_urls = ["https://wegotthiscovered.com/", "http://dotesports.com/feed/"]
    custom_settings = {"ROBOTSTXT_OBEY": True, "LOG_LEVEL": "WARNING", "RETRY_ENABLED": False}

    def parse(self, response):
        if response.url.endswith("/feed/"):
            yield {"kind": "feed", "url": response.url, "status": response.status}
            return
        tiles = response.css(
            "article.wp-block-gamurs-article-tile > a.wp-block-gamurs-article-tile__link::attr(href)")
        for href in tiles.getall()[:3]:
            yield response.follow(href, self.parse_article)

    def parse_article(self, response):
        yield {"kind": "article", "url": response.url,
               "headline": response.css("h1.wp-block-gamurs-article-header__content--title::text").get(),
               "authors": response.css(
                   "div.wp-block-gamurs-article-metadata__name div[data-author] ::text").getall(),
               "simulated": response.headers.get("X-Pressguard-Simulator", b"").decode()}
'''


def test_real_scrapy_crawl_through_the_proxy(sim, tmp_path):
    (tmp_path / "simspider.py").write_text(SPIDER)
    env = {k: v for k, v in os.environ.items() if k.lower() not in ("no_proxy", "all_proxy")}
    env.update(https_proxy=sim.proxy_url, http_proxy=sim.proxy_url)
    scrapy = Path(sys.executable).with_name("scrapy")
    proc = subprocess.run([str(scrapy), "runspider", "simspider.py", "-O", "out.jsonl"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-2000:]
    items = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text().splitlines()]
    arts = [i for i in items if i["kind"] == "article"]
    assert len(arts) == 3, proc.stderr[-2000:]
    for item in arts:
        a = sim.article(item["url"])
        byline = [p.name for p in a.authors] or ["We Got This Covered Staff"]
        assert item["simulated"] == "1" and item["authors"] == byline
        assert html.unescape(item["headline"]) == a.headline
    assert [i["status"] for i in items if i["kind"] == "feed"] == [200]
