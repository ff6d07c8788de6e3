"""Replay speed: pressguard cassettes vs Scrapy's HttpCacheMiddleware vs memory.

    .venv/bin/python benchmarks/replay_speed.py [--pages N] [--runs R] [--out results.json]

The same N generated article pages (100-200 KB each, one https URL each) are
crawled three ways, each crawl in a fresh Python process (Twisted's reactor
cannot restart), with the same trivial spider callback, the same project
settings (pressguard.scrapy.runner.project_settings: concurrency, middlewares) and
LOG_LEVEL WARNING, so that only the download layer differs:

  pressguard  PressguardSpider subclass, -a cassette=<folder>, PRESSGUARD_MODE=replay,
              the project's DOWNLOAD_HANDLERS: one vcrpy cassette (literal-block YAML)
              per page, opened through pressguard.cassettes.store (vcrpy Cassette.load);
              pressguard's parse cache (PRESSGUARD_PARSE_CACHE, kept in the scratch
              folder here) warm, as on every replay after the first
    -cold     the same, the parse cache emptied before each run (a first replay, a CI
              job without a kept cache)
    -nocache  the same, PRESSGUARD_PARSE_CACHE=off: every cassette parsed
  httpcache   Scrapy's HttpCacheMiddleware, FilesystemCacheStorage, DummyPolicy,
              HTTPCACHE_IGNORE_MISSING=False; the cache directory was filled by a real
              Scrapy crawl with HTTPCACHE_ENABLED (answered by pressguard replay); the
              http/https download handlers are replaced by one that raises, and the
              run fails unless httpcache/hit == N and there is no miss
  memory      a download handler answering from a dict of prebuilt HtmlResponse
              objects, loaded before the crawl starts: the floor for a handler
  memory-mw   (extra) the same dict answered from a downloader middleware at
              HttpCacheMiddleware's place: the path a cache hit takes

Each mode runs R times (default 3), interleaved, best run reported. "crawl" is
the wall time from process.crawl() to the reactor stopping, inside the child
(its CPU time too); "process" is the child's whole life as seen by this script
(interpreter start, imports, loading, crawl). Then more pressguard runs say
where its time goes: runs with timers around open_cassette and the YAML loader
(warm and cold), and cProfile runs from engine_started to spider_closed (warm
and nocache). See README-replay.md.

Generated data (and pressguard's parse cache for these runs) lives in
benchmarks/_work/replay_speed/ (git-ignored). It is rebuilt with --rebuild, when
the page count, generator version or library versions change, or when pressguard
no longer writes page 0's cassette byte for byte as it is on disk.
"""

from __future__ import annotations

import argparse
import cProfile
import html
import importlib.util
import json
import os
import platform
import pstats
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from machine import cpu_model

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / "_work" / "replay_speed"
GENERATOR_VERSION = 3
SPIDER_NAME = "replaybench"
MODES = ("pressguard", "pressguard-cold", "pressguard-nocache", "httpcache", "memory", "memory-mw")
PRESSGUARD_MODES = ("pressguard", "pressguard-cold", "pressguard-nocache")
MODE_NOTES = {
    "pressguard": "PressguardSpider, cassette folder, PRESSGUARD_MODE=replay, project DOWNLOAD_HANDLERS "
                  "(pressguard's parse cache warm, as on any replay after the first)",
    "pressguard-cold": "the same with pressguard's parse cache emptied before each run (first replay, fresh CI)",
    "pressguard-nocache": "the same with the parse cache off (PRESSGUARD_PARSE_CACHE=off): every cassette parsed",
    "httpcache": "HttpCacheMiddleware, FilesystemCacheStorage, DummyPolicy (all hits)",
    "memory": "download handler answering from a dict of prebuilt responses (the floor for a handler)",
    "memory-mw": "extra: downloader middleware answering from the same dict, the path a cache hit takes",
}
HOSTS = (
    "www.harbourline-news.example",
    "www.thecoastalreview.example",
    "gamespulse.example",
    "www.metrodaily.example",
    "www.valleyherald.example",
)
SECTIONS = ("news", "politics", "business", "tech", "culture", "sport", "gaming", "science", "opinion")
FETCHED_AT = "2025-11-20T09:30:00+00:00"

# --------------------------------------------------------------------------
# 1. Pages: deterministic, realistic news article HTML, 100-200 KB each
# --------------------------------------------------------------------------

_WORDS = (
    "the of and to in a is that for it as was with be by on not he this are or his from at which "
    "but have an they you were her she there been one all we their has would when if so no will "
    "council minister report market season players company analysis statement officials budget "
    "election policy investors researchers residents climate energy housing transport hospital "
    "school university court police league championship studio release update review trailer "
    "console developer community festival museum exhibition weather storm river harbour bridge "
    "according said told announced confirmed expected reported described warned added explained "
    "however meanwhile although because despite following earlier later recently currently "
    "significant major local national international regional independent previous potential "
    "café naïve résumé “critical” ‘early’ — – … façade Zürich São Paulo Malmö Kraków"
).split()
_FIRST = "Maya Daniel Sofia Tomás Aoife Liam Priya Jonas Chloé Mateo Hannah Kwame Ingrid Yusuf Elena Ravi".split()
_LAST = "Okafor Lindqvist Moreau Haddad Novak O'Brien Fernández Kowalski Nakamura Brennan Ødegaard Silva".split()


def _sentence(rng: random.Random, lo=8, hi=28) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randint(lo, hi))]
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice(".....?!")


def _title(rng: random.Random) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(6, 12))).capitalize()


def _slug(text: str, i: int) -> str:
    keep = "".join(c if c.isascii() and c.isalnum() else "-" for c in text.lower())
    return "-".join(p for p in keep.split("-") if p)[:70] + f"-{i}"


def page_url(i: int) -> str:
    rng = random.Random(f"url-{i}")
    host = HOSTS[i % len(HOSTS)]
    return (
        f"https://{host}/{rng.choice(SECTIONS)}/2025/{rng.randint(1, 11):02d}/"
        f"{_slug(_title(rng), i)}/"
    )


def _css(rng: random.Random, rules: int) -> str:
    props = ("margin:0 auto", "padding:.5rem 1rem", "display:flex", "color:#1a1a1a", "font-weight:700",
             "line-height:1.6", "grid-template-columns:repeat(12,1fr)", "background:var(--c-bg)",
             "border-bottom:1px solid #e5e5e5", "font-family:var(--font-serif)", "gap:1.25rem")
    out = []
    for n in range(rules):
        sel = rng.choice((".wp-block-", ".c-", ".o-", ".site-", ".article__", ".nav-")) + rng.choice(_WORDS[40:90])
        sel += rng.choice(("", ">a", ":hover", " .is-active", "__inner", "--wide"))
        out.append(f"{sel}{n}{{{';'.join(rng.sample(props, rng.randint(2, 5)))}}}")
        if n % 40 == 0:
            out.append(f"@media (min-width:{rng.choice((600, 782, 1024, 1280))}px){{.c-grid{n}{{gap:2rem}}}}")
    return "".join(out)


def _state_json(rng: random.Random, url: str, items: int) -> str:
    state = {
        "route": url,
        "ads": {"slots": [{"id": f"div-gpt-ad-{k}", "sizes": [[300, 250], [728, 90]], "targeting": {
            "pos": f"mid{k}", "kw": rng.sample(_WORDS[40:120], 4)}} for k in range(12)]},
        "related": [{"id": rng.randint(10**5, 10**6), "title": _title(rng), "url": page_url(rng.randint(0, 10**6)),
                     "image": f"https://cdn.example/img/{rng.getrandbits(48):012x}.jpg", "excerpt": _sentence(rng)}
                    for _ in range(items)],
        "flags": {f"feature_{k}": rng.random() < 0.5 for k in range(40)},
    }
    return json.dumps(state, ensure_ascii=False, separators=(",", ":"))


def _nav(rng: random.Random, host: str, links: int) -> str:
    lines = ['  <header class="site-header">', '    <nav class="nav-primary" aria-label="Main">', "      <ul>"]
    for k in range(links):
        sec = rng.choice(SECTIONS)
        label = " ".join(rng.choice(_WORDS[40:110]) for _ in range(rng.randint(1, 3))).title()
        lines.append(f'        <li class="menu-item menu-item-{k}"><a href="https://{host}/{sec}/{_slug(label, k)}/">{html.escape(label)}</a></li>')
    lines += ["      </ul>", "    </nav>", "  </header>"]
    return "\n".join(lines)


def _paragraph(rng: random.Random, host: str) -> str:
    parts = []
    for _ in range(rng.randint(2, 6)):
        s = html.escape(_sentence(rng), quote=False)
        r = rng.random()
        if r < 0.15:
            s = f'<a href="https://{host}/{rng.choice(SECTIONS)}/{rng.getrandbits(32):x}/">{s}</a>'
        elif r < 0.25:
            s = f"<em>{s}</em>"
        parts.append(s)
    trailing = " " if rng.random() < 0.1 else ""  # trailing spaces do occur in CMS output
    return "        <p>" + " ".join(parts) + "</p>" + trailing


def render_page(i: int) -> str:
    """One article page, 100-200 KB of UTF-8, the same for the same i."""
    rng = random.Random(f"page-{i}")
    url = page_url(i)
    host = url.split("/")[2]
    target = rng.randint(100_000, 200_000)
    title = _title(rng)
    dek = _sentence(rng)
    authors = [f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" for _ in range(rng.choice((1, 1, 1, 2)))]
    published = f"2025-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:00+00:00"
    image = f"https://cdn.example/uploads/2025/{rng.getrandbits(48):012x}.jpg"
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "NewsArticle", "headline": title, "description": dek, "datePublished": published,
             "dateModified": published, "author": [{"@type": "Person", "name": a} for a in authors],
             "image": {"@type": "ImageObject", "url": image, "width": 1200, "height": 675},
             "publisher": {"@type": "Organization", "name": host, "logo": {"@type": "ImageObject", "url": f"https://{host}/logo.png"}},
             "mainEntityOfPage": url, "articleSection": rng.choice(SECTIONS), "keywords": rng.sample(_WORDS[40:120], 8)},
            {"@type": "BreadcrumbList", "itemListElement": [
                {"@type": "ListItem", "position": p + 1, "name": n, "item": f"https://{host}/{n}/"}
                for p, n in enumerate(rng.sample(SECTIONS, 3))]},
        ],
    }
    head = [
        "<!DOCTYPE html>",
        '<html lang="en-GB" class="no-js">',
        "<head>",
        '  <meta charset="UTF-8">',
        '  <meta name="viewport" content="width=device-width, initial-scale=1">',
        f"  <title>{html.escape(title)} | {host}</title>",
        f'  <meta name="description" content="{html.escape(dek)}">',
        f'  <link rel="canonical" href="{url}">',
        f'  <meta property="og:title" content="{html.escape(title)}">',
        f'  <meta property="og:description" content="{html.escape(dek)}">',
        f'  <meta property="og:url" content="{url}">',
        f'  <meta property="og:image" content="{image}">',
        '  <meta property="og:type" content="article">',
        f'  <meta property="article:published_time" content="{published}">',
        '  <meta name="twitter:card" content="summary_large_image">',
        *(f'  <meta name="author" content="{html.escape(a)}">' for a in authors),
        *(f'  <link rel="preload" href="https://{host}/wp-content/themes/news/assets/{rng.getrandbits(40):010x}.js" as="script">'
          for _ in range(rng.randint(8, 20))),
        f"  <style id=\"critical-css\">{_css(rng, rng.randint(250, 500))}</style>",
        f'  <script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>',
        "  <script>",
        "\twindow.dataLayer = window.dataLayer || [];",
        f"\tdataLayer.push({json.dumps({'pageType': 'article', 'author': authors, 'section': ld['@graph'][0]['articleSection']}, ensure_ascii=False)});",
        "\t(function(w,d,s){var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;"
        "j.src='https://tags.example/gtm.js';f.parentNode.insertBefore(j,f);})(window,document,'script');",
        "  </script>",
        "</head>",
        f'<body class="post-template-default single single-post postid-{100000 + i}">',
    ]
    body = [_nav(rng, host, rng.randint(60, 140))]
    body += [
        '  <main id="main" class="site-main">',
        '    <article class="article">',
        f'      <h1 class="article__title">{html.escape(title)}</h1>',
        f'      <p class="article__dek">{html.escape(dek)}</p>',
        '      <div class="article__byline">By ' + " and ".join(
            f'<a rel="author" href="https://{host}/author/{_slug(a, 0)}/">{html.escape(a)}</a>' for a in authors)
        + f' <time datetime="{published}">{published[:10]}</time></div>',
        f'      <figure class="wp-block-image"><img src="{image}" srcset="{image}?w=480 480w, {image}?w=960 960w, '
        f'{image}?w=1200 1200w" sizes="(max-width: 782px) 100vw, 960px" alt="{html.escape(_sentence(rng, 4, 9))}" '
        'width="1200" height="675"><figcaption>' + html.escape(_sentence(rng)) + "</figcaption></figure>",
        '      <div class="article__body entry-content">',
    ]
    tail_sidebar = ['    <aside class="sidebar">', '      <h2>Trending</h2>', '      <ol class="trending">']
    for _ in range(10):
        t = _title(rng)
        tail_sidebar.append(
            f'        <li><a href="https://{host}/{rng.choice(SECTIONS)}/{_slug(t, rng.randint(0, 999))}/">'
            f'<img loading="lazy" src="https://cdn.example/thumb/{rng.getrandbits(40):010x}.jpg" width="160" height="90" alt="">'
            f"{html.escape(t)}</a></li>")
    tail_sidebar += ["      </ol>", '      <form class="newsletter" action="/subscribe" method="post">'
                     '<label for="nl-email">Get the morning briefing</label><input id="nl-email" type="email" name="email">'
                     '<button type="submit">Sign up</button></form>', "    </aside>", "  </main>"]
    footer = ['  <footer class="site-footer">']
    for col in range(4):
        footer.append(f'    <div class="footer-col footer-col-{col}"><ul>' + "".join(
            f'<li><a href="https://{host}/{s}/">{s.title()}</a></li>' for s in rng.sample(SECTIONS, 6)) + "</ul></div>")
    footer += [f"    <p class=\"copyright\">&copy; 2025 {host}. All rights reserved.</p>", "  </footer>",
               f'  <script id="__STATE__" type="application/json">{_state_json(rng, url, rng.randint(20, 60))}</script>',
               '  <script src="https://tags.example/ads.js" async></script>', "</body>", "</html>", ""]

    fixed = "\n".join(head + body + tail_sidebar + footer)
    size = len(fixed.encode("utf-8")) + 40
    paragraphs = []
    n = 0
    while size < target:
        n += 1
        if n % 7 == 0:
            block = f"        <h2>{html.escape(_title(rng))}</h2>"
        elif n % 11 == 0:
            block = ('        <div class="ad-slot" id="div-gpt-ad-' + str(n) + '" data-sizes="[[300,250],[728,90]]">'
                     "</div>")
        elif n % 13 == 0:
            block = f"        <blockquote><p>{html.escape(_sentence(rng))}</p></blockquote>"
        else:
            block = _paragraph(rng, host)
        paragraphs.append(block)
        size += len(block.encode("utf-8")) + 1
    body += paragraphs + ["      </div>", "    </article>"]
    return "\n".join(head + body + tail_sidebar + footer)


def response_headers(i: int, body_len: int) -> dict[str, list[str]]:
    rng = random.Random(f"headers-{i}")
    return {
        "Server": ["nginx"],
        "Date": ["Thu, 20 Nov 2025 09:30:00 GMT"],
        "Content-Type": ["text/html; charset=UTF-8"],
        "Content-Length": [str(body_len)],
        "Vary": ["Accept-Encoding"],
        "Cache-Control": ["max-age=300, must-revalidate"],
        "Link": [f"<https://{HOSTS[i % len(HOSTS)]}/wp-json/wp/v2/posts/{100000 + i}>; rel=\"alternate\"; type=\"application/json\""],
        "X-Cache": [rng.choice(("HIT", "MISS"))],
        "Age": [str(rng.randint(0, 300))],
        "Strict-Transport-Security": ["max-age=31536000"],
        "X-Frame-Options": ["SAMEORIGIN"],
        "Set-Cookie": [f"session={rng.getrandbits(64):016x}; Path=/; HttpOnly; Secure"],  # scrubbed on record
    }


# --------------------------------------------------------------------------
# 2. On disk: pressguard cassettes, raw pages; Scrapy's cache by a real crawl
# --------------------------------------------------------------------------

REQUEST_HEADERS = {  # what Scrapy sends, as the record mode would keep it
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "en",
    "User-Agent": "pressguard/0.1 (+scraper regression harness)",
    "Accept-Encoding": "gzip, deflate, br, zstd",
}


def _write_page(args: tuple[int, str]) -> tuple[str, str, int]:
    """Render page i; keep the HTML and write its cassette the way record mode does."""
    i, work = args
    return _write_page_to(i, Path(work), Path(work) / "cassettes")


def _write_page_to(i: int, work_dir: Path, cassettes_dir: Path) -> tuple[str, str, int]:
    from vcr.cassette import Cassette
    from vcr.record_mode import RecordMode
    from vcr.request import Request as VcrRequest

    from pressguard.cassettes.store import METADATA_KEY, cassette_options, cassette_path_for

    url = page_url(i)
    body = render_page(i).encode("utf-8")
    (work_dir / "html" / f"{i:05d}.html").write_bytes(body)
    path = cassette_path_for(cassettes_dir, url.split("/")[2], url)
    cassette = Cassette(**cassette_options(path, RecordMode.ALL))
    cassette.get_metadata(METADATA_KEY, {
        "fetched_at": FETCHED_AT, "source": "simulator",
        "recorder": "benchmarks/replay_speed.py", "note": "generated benchmark page",
    })
    # append() runs the project's scrub hooks (Set-Cookie dropped, Content-Length recomputed).
    cassette.append(
        VcrRequest("GET", url, None, dict(REQUEST_HEADERS)),
        {"status": {"code": 200, "message": "OK"}, "headers": response_headers(i, len(body)), "body": {"string": body}},
    )
    cassette._save(force=True)  # vcrpy's save through pressguard's serializer and atomic persister
    return url, str(path), len(body)


def _inputs_stamp(n: int) -> dict:
    import scrapy
    import vcr
    import yaml

    return {"pages": n, "generator": GENERATOR_VERSION,
            "scrapy": scrapy.__version__, "vcrpy": vcr.__version__, "pyyaml": yaml.__version__}


def _same_format(work: Path) -> bool:
    """Does pressguard still write page 0's cassette byte for byte as it is on disk?"""
    pages = json.loads((work / "pages.json").read_text())
    sample = work / "format-check"
    shutil.rmtree(sample, ignore_errors=True)
    (sample / "html").mkdir(parents=True)
    try:
        _, path, _ = _write_page_to(0, sample, sample / "cassettes")
        return Path(path).read_bytes() == Path(pages[0]["cassette"]).read_bytes()
    finally:
        shutil.rmtree(sample, ignore_errors=True)


def build_data(n: int, rebuild: bool) -> Path:
    work = WORK / f"n{n}"
    stamp_path = work / "stamp.json"
    stamp = _inputs_stamp(n)
    if not rebuild and stamp_path.exists() and json.loads(stamp_path.read_text()) == stamp and _same_format(work):
        print(f"data: reusing {work.relative_to(ROOT)} (same pages, versions and cassette bytes)", flush=True)
        return work
    if work.exists():
        shutil.rmtree(work)
    (work / "html").mkdir(parents=True)
    t0 = time.perf_counter()
    from multiprocessing import Pool

    with Pool(os.cpu_count() or 1) as pool:
        pages = pool.map(_write_page, [(i, str(work)) for i in range(n)], chunksize=8)
    (work / "pages.json").write_text(json.dumps([{"url": u, "cassette": c, "bytes": b} for u, c, b in pages], indent=0))
    sizes = [b for _, _, b in pages]
    assert len({u for u, _, _ in pages}) == n, "page URLs must be distinct"
    print(f"data: {n} pages, {min(sizes) / 1e3:.0f}-{max(sizes) / 1e3:.0f} KB (mean {sum(sizes) / n / 1e3:.0f} KB), "
          f"cassettes written in {time.perf_counter() - t0:.1f}s", flush=True)
    # Scrapy's own cache, filled by a crawl with HTTPCACHE_ENABLED; the pages are answered
    # by pressguard replay (the same bytes a live download of them gave when recorded).
    t0 = time.perf_counter()
    result = run_child("fill", work, n)
    assert result["stats"].get("httpcache/firsthand") == n, result["stats"]
    print(f"data: Scrapy HTTPCACHE_DIR filled by a crawl in {time.perf_counter() - t0:.1f}s "
          f"({result['stats'].get('httpcache/store', n)} responses stored)", flush=True)
    stamp_path.write_text(json.dumps(stamp, indent=1))
    return work


# --------------------------------------------------------------------------
# 3. The crawls, each in its own process
# --------------------------------------------------------------------------


def parse_cache_dir(work: Path, cold: bool = False) -> Path:
    """pressguard's parse cache (PRESSGUARD_PARSE_CACHE) for these runs: kept in the scratch folder."""
    return work / ("parse-cache-cold" if cold else "parse-cache")


def run_child(mode: str, work: Path, n: int, profile: Path | None = None, instrument: bool = False) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode, "--work", str(work), "--pages", str(n)]
    if profile:
        cmd += ["--profile", str(profile)]
    if instrument:
        cmd += ["--instrument"]
    env = dict(os.environ, PRESSGUARD_PARSE_CACHE=str(parse_cache_dir(work, cold=mode == "pressguard-cold")))
    if mode == "pressguard-nocache":
        env["PRESSGUARD_PARSE_CACHE"] = "off"
    if mode == "pressguard-cold":
        shutil.rmtree(env["PRESSGUARD_PARSE_CACHE"], ignore_errors=True)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env)
    total = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-3000:] + proc.stderr[-5000:])
        raise SystemExit(f"child {mode} failed with exit code {proc.returncode}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["process_s"] = total
    return result


def _child_main(mode: str, work: Path, n: int, profile: Path | None, instrument: bool = False) -> None:
    import scrapy
    from scrapy import signals
    from scrapy.core.downloader.handlers.base import BaseDownloadHandler
    from scrapy.crawler import CrawlerProcess
    from scrapy.http import HtmlResponse, Headers

    from pressguard.scrapy.runner import project_settings
    from pressguard.scrapy.spider import PressguardSpider

    pages = json.loads((work / "pages.json").read_text())[:n]
    urls = [p["url"] for p in pages]

    def parse(self, response):  # the one callback every mode uses
        yield {"url": response.url, "len": len(response.body)}

    class CassetteSpider(PressguardSpider):
        name = SPIDER_NAME
        parse_article = parse

    class UrlSpider(scrapy.Spider):
        name = SPIDER_NAME
        parse_article = parse

        async def start(self):
            for url in urls:  # as PressguardSpider.article_request builds them
                yield scrapy.Request(url, callback=self.parse_article, errback=self.page_failed, dont_filter=True)

        def page_failed(self, failure):
            self.logger.error("%s: %r", failure.request.url, failure.value)

    class NoNetworkHandler(BaseDownloadHandler):
        """httpcache mode: every page must come from the cache; a download is an error."""

        async def download_request(self, request):
            raise RuntimeError(f"{request.url}: not in the HTTP cache, and this benchmark opens no socket")

    class MemoryHandler(BaseDownloadHandler):
        """memory mode: prebuilt responses from a dict filled before the crawl starts."""

        responses: dict = {}

        async def download_request(self, request):
            return self.responses[request.url]

    class MemoryMiddleware:
        """memory-mw mode: the same dict, answered from process_request as a cache hit is."""

        def process_request(self, request, spider=None):
            return MemoryHandler.responses[request.url]

    overrides = {
        "LOG_LEVEL": "WARNING",
        "ROBOTSTXT_OBEY": False,  # PressguardSpider turns these off in replay; same for all modes
        "AUTOTHROTTLE_ENABLED": False,
    }
    kwargs: dict = {}
    spider_cls: type = UrlSpider
    cache = {
        "HTTPCACHE_DIR": str(work / "httpcache"),
        "HTTPCACHE_STORAGE": "scrapy.extensions.httpcache.FilesystemCacheStorage",
        "HTTPCACHE_POLICY": "scrapy.extensions.httpcache.DummyPolicy",
        "HTTPCACHE_IGNORE_MISSING": False,
        "HTTPCACHE_EXPIRATION_SECS": 0,
    }
    if mode in (*PRESSGUARD_MODES, "fill"):
        spider_cls, kwargs = CassetteSpider, {"cassette": str(work / "cassettes")}
        overrides["PRESSGUARD_MODE"] = "replay"  # project DOWNLOAD_HANDLERS: the cassette handler
        if mode == "fill":
            overrides.update(cache, HTTPCACHE_ENABLED=True)
    elif mode == "httpcache":
        overrides.update(cache, HTTPCACHE_ENABLED=True,
                         DOWNLOAD_HANDLERS={"http": NoNetworkHandler, "https": NoNetworkHandler})
    elif mode in ("memory", "memory-mw"):
        if mode == "memory":
            overrides["DOWNLOAD_HANDLERS"] = {"http": MemoryHandler, "https": MemoryHandler}
        else:  # at HttpCacheMiddleware's place in the chain (900)
            overrides["DOWNLOADER_MIDDLEWARES"] = {MemoryMiddleware: 900}
            overrides["DOWNLOAD_HANDLERS"] = {"http": NoNetworkHandler, "https": NoNetworkHandler}
        for i, page in enumerate(pages):  # loaded before the crawl starts: not timed
            body = (work / "html" / f"{i:05d}.html").read_bytes()
            headers = Headers({k: v for k, v in response_headers(i, len(body)).items() if k != "Set-Cookie"})
            MemoryHandler.responses[page["url"]] = HtmlResponse(
                url=page["url"], status=200, headers=headers, body=body, flags=["memory"], protocol="HTTP/1.1")
    else:
        raise SystemExit(f"unknown mode {mode}")

    timers = {"open_cassette_s": 0.0, "yaml_parse_s": 0.0, "opened": 0}
    if instrument:  # an extra, untimed run: how much of the crawl's CPU goes to opening cassettes
        from vcr.serializers import yamlserializer

        from pressguard.cassettes import store as cassettes

        def timed(fn, key, count=False):
            def wrapper(*a, **kw):
                c = time.process_time()
                try:
                    return fn(*a, **kw)
                finally:
                    timers[key] += time.process_time() - c
                    timers["opened"] += count
            return wrapper

        cassettes.open_cassette = timed(cassettes.open_cassette, "open_cassette_s", count=True)
        yamlserializer.deserialize = timed(yamlserializer.deserialize, "yaml_parse_s")

    settings = project_settings(overrides)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(spider_cls)
    seen = {"items": 0, "bytes": 0}
    marks: dict[str, float] = {}

    def item_scraped(item, response, spider):
        seen["items"] += 1
        seen["bytes"] += item["len"]

    crawler.signals.connect(item_scraped, signal=signals.item_scraped)
    # The profile covers the engine's run (engine_started to spider_closed), where the
    # per-page work is; crawler construction and Scrapy's lazy imports stay out of it.
    profiler = cProfile.Profile() if profile else None

    def engine_started():
        marks["engine_started"] = time.perf_counter()
        if profiler:
            profiler.enable()

    def spider_closed(spider):
        if profiler:
            profiler.disable()
        marks["spider_closed"] = time.perf_counter()

    crawler.signals.connect(engine_started, signal=signals.engine_started)
    crawler.signals.connect(spider_closed, signal=signals.spider_closed)

    rss_before = _rss_mb()
    t0, c0 = time.perf_counter(), time.process_time()
    process.crawl(crawler, **kwargs)
    process.start()
    t1, c1 = time.perf_counter(), time.process_time()
    if profiler:
        profiler.dump_stats(str(profile))
    stats = {k: v for k, v in crawler.stats.get_stats().items() if isinstance(v, (int, float, str))}
    print(json.dumps({
        "mode": mode,
        "crawl_s": t1 - t0,
        "crawl_cpu_s": c1 - c0,  # CPU time of the crawl: less sensitive to other load on the machine
        "engine_s": marks.get("spider_closed", t1) - marks.get("engine_started", t0),
        "items": seen["items"],
        "bytes": seen["bytes"],
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "rss_before_crawl_mb": rss_before,
        "timers": timers if instrument else None,
        "stats": stats,
    }, default=str))


def _rss_mb() -> float:
    try:
        return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError):
        return float("nan")


def check_run(result: dict, n: int, expected_bytes: int) -> None:
    stats, mode = result["stats"], result["mode"]
    problems = []
    if result["items"] != n or result["bytes"] != expected_bytes:
        problems.append(f"{result['items']} items / {result['bytes']} bytes, expected {n} / {expected_bytes}")
    if stats.get("log_count/ERROR"):
        problems.append(f"{stats['log_count/ERROR']} errors logged")
    if mode in PRESSGUARD_MODES and stats.get("pressguard/replayed") != n:
        problems.append(f"pressguard/replayed={stats.get('pressguard/replayed')}")
    if mode == "httpcache" and (stats.get("httpcache/hit") != n or stats.get("httpcache/miss")):
        problems.append(f"httpcache/hit={stats.get('httpcache/hit')} miss={stats.get('httpcache/miss')}")
    if mode != "httpcache" and any(k.startswith("httpcache/") for k in stats):
        problems.append("HTTP cache unexpectedly active")
    if problems:
        raise SystemExit(f"{mode}: run is not valid: " + "; ".join(problems))


# --------------------------------------------------------------------------
# 4. Where pressguard's replay time goes
# --------------------------------------------------------------------------


def _classify(key: tuple) -> str:
    path, _, name = key
    text = f"{path} {name}".replace("\\", "/")
    for needle, group in (("yaml", "PyYAML / libyaml (parse)"), ("/vcr/", "vcrpy"), ("/pressguard/", "pressguard"),
                          ("/scrapy/", "Scrapy"), ("/twisted/", "Twisted"), ("/w3lib/", "w3lib"),
                          ("/pathlib", "pathlib / os"), ("posix.", "pathlib / os"), ("_io.", "file I/O"),
                          ("/asyncio/", "asyncio")):
        if needle in text:
            return group
    return "other (stdlib, builtins)"


def summarise_profile(path: Path, top: int = 15) -> dict:
    st = pstats.Stats(str(path))
    raw = st.stats  # {(file, line, func): (primitive calls, calls, tottime, cumtime, callers)}
    total = st.total_tt

    def find(file_end: str, func: str) -> dict:
        for (f, line, name), (cc, nc, tt, ct, _) in raw.items():
            if f.replace("\\", "/").endswith(file_end) and name == func:
                return {"calls": nc, "cum_s": ct, "share": ct / total}
        return {"calls": 0, "cum_s": 0.0, "share": 0.0}

    groups: dict[str, float] = {}
    for key, (cc, nc, tt, ct, _) in raw.items():
        group = _classify(key)
        groups[group] = groups.get(group, 0.0) + tt
    functions = sorted(raw.items(), key=lambda kv: kv[1][2], reverse=True)[:top]
    return {
        "profiled_total_s": total,
        "by_package_tottime": {k: {"s": v, "share": v / total} for k, v in sorted(groups.items(), key=lambda kv: -kv[1])},
        "key_functions": {
            "yaml.load (YAML parse)": find("yaml/__init__.py", "load"),
            "pressguard open_cassette (read + parse + vcrpy objects)": find("pressguard/cassettes/store.py", "open_cassette"),
            "pressguard parse_cache.load (hash, cached or fresh parse)": find("pressguard/cassettes/parse_cache.py", "load"),
            "pressguard CassetteCache.get": find("pressguard/cassettes/store.py", "get"),
            "handler _replay (per request)": find("pressguard/cassettes/handler.py", "_replay"),
            "handler _scrapy_response": find("pressguard/cassettes/handler.py", "_scrapy_response"),
            "vcrpy Cassette.play_response": find("vcr/cassette.py", "play_response"),
        },
        "top_tottime": [
            {"function": f"{Path(f).name}:{line}({name})" if f != "~" else name, "calls": nc, "tottime_s": tt, "cumtime_s": ct}
            for (f, line, name), (cc, nc, tt, ct, _) in functions
        ],
    }


def time_cassette_loading(work: Path, n: int) -> dict:
    """Without Scrapy: what opening one cassette costs, and how much of it is YAML."""
    import yaml
    from vcr.serializers import yamlserializer

    from pressguard.cassettes.store import open_cassette

    paths = [Path(p["cassette"]) for p in json.loads((work / "pages.json").read_text())[:n]]

    def per_page_ms(fn, items) -> float:
        c = time.process_time()
        for item in items:
            fn(item)
        return (time.process_time() - c) / len(items) * 1e3

    warm = os.environ.get("PRESSGUARD_PARSE_CACHE", "")
    try:
        raw = [p.read_bytes() for p in paths]
        out = {
            "read_ms": per_page_ms(Path.read_bytes, paths),
            "yaml_parse_ms": per_page_ms(yamlserializer.deserialize, raw),  # vcrpy's loader, bytes in
        }
        os.environ["PRESSGUARD_PARSE_CACHE"] = "off"
        out["open_cassette_parse_cache_off_ms"] = per_page_ms(open_cassette, paths)
        os.environ["PRESSGUARD_PARSE_CACHE"] = warm
        out["open_cassette_parse_cache_warm_ms"] = per_page_ms(open_cassette, paths)
    finally:
        os.environ["PRESSGUARD_PARSE_CACHE"] = warm
    out["loader"] = yamlserializer._BaseLoader.__name__ + (" (libyaml)" if yaml.__with_libyaml__ else " (pure Python)")
    return out


# --------------------------------------------------------------------------
# 5. Report
# --------------------------------------------------------------------------


def machine() -> dict:
    import scrapy
    import twisted
    import vcr
    import yaml

    import pressguard

    return {
        "nproc": os.cpu_count(), "cpu": cpu_model(), "python": platform.python_version(), "platform": platform.platform(),
        "scrapy": scrapy.__version__, "twisted": twisted.__version__, "vcrpy": vcr.__version__,
        "pyyaml": yaml.__version__, "pyyaml_with_libyaml": bool(yaml.__with_libyaml__),
        "pressguard": str(Path(pressguard.__file__).parent), "pressguard_commit": _git_head(),
        "pressguard_parse_cache": importlib.util.find_spec("pressguard.cassettes.parse_cache") is not None,
    }


def _git_head() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "pressguard"], cwd=ROOT, capture_output=True, text=True)
        return head.stdout.strip() + (" + uncommitted changes in pressguard/" if dirty.stdout.strip() else "")
    except OSError:
        return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=500, help="number of distinct pages (default 500)")
    parser.add_argument("--runs", type=int, default=3, help="runs per mode, best reported (default 3)")
    parser.add_argument("--out", type=Path, default=WORK / "results.json", help="JSON results file")
    parser.add_argument("--rebuild", action="store_true", help="regenerate pages, cassettes and cache")
    parser.add_argument("--no-profile", action="store_true", help="skip the cProfile and instrumented runs")
    parser.add_argument("--child", choices=(*MODES, "fill"), help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--instrument", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:  # absolute: Scrapy puts a relative HTTPCACHE_DIR under the project's .scrapy/
        _child_main(args.child, args.work.resolve(), args.pages, args.profile, args.instrument)
        return 0
    if args.pages < 1 or args.runs < 1:
        parser.error("--pages and --runs must be at least 1")

    started = time.perf_counter()
    load_before = os.getloadavg()
    n = args.pages
    info = machine()
    print(f"machine: {info['nproc']} CPUs ({info['cpu']}), Python {info['python']}, Scrapy {info['scrapy']}, "
          f"vcrpy {info['vcrpy']}, PyYAML {info['pyyaml']} (libyaml: {info['pyyaml_with_libyaml']}), "
          f"load average {load_before[0]:.2f}", flush=True)
    print(f"pressguard: {info['pressguard']} (commit {info['pressguard_commit']}; "
          f"parse cache: {'yes' if info['pressguard_parse_cache'] else 'none'})", flush=True)
    work = WORK / f"n{n}"
    # pressguard's parse cache goes to the scratch folder, not ~/.cache, for every process here.
    os.environ["PRESSGUARD_PARSE_CACHE"] = str(parse_cache_dir(work))
    work = build_data(n, args.rebuild)
    pages = json.loads((work / "pages.json").read_text())
    expected_bytes = sum(p["bytes"] for p in pages)
    from pressguard.cassettes.store import open_cassette

    for page in pages:  # fill (or check) the warm parse cache before anything is timed
        open_cassette(page["cassette"])

    runs: dict[str, list[dict]] = {m: [] for m in MODES}
    for r in range(args.runs):
        order = MODES[r % len(MODES):] + MODES[: r % len(MODES)]  # rotate: no mode always runs first
        for mode in order:
            result = run_child(mode, work, n)
            check_run(result, n, expected_bytes)
            runs[mode].append(result)
            print(f"run {r + 1}/{args.runs} {mode:<15} crawl {result['crawl_s']:5.2f}s (CPU {result['crawl_cpu_s']:5.2f}s)  "
                  f"process {result['process_s']:5.2f}s  {n / result['crawl_s']:6.1f} pages/s  "
                  f"peak RSS {result['peak_rss_mb']:4.0f} MB", flush=True)

    rows = {}
    for m in MODES:
        best = min(runs[m], key=lambda res: res["crawl_s"])
        rows[m] = {
            "crawl_s": best["crawl_s"], "pages_per_s": n / best["crawl_s"], "engine_s": best["engine_s"],
            "median_crawl_s": sorted(res["crawl_s"] for res in runs[m])[len(runs[m]) // 2],
            "process_s": min(res["process_s"] for res in runs[m]),
            "crawl_cpu_s": min(res["crawl_cpu_s"] for res in runs[m]),
            "peak_rss_mb": max(res["peak_rss_mb"] for res in runs[m]),
            "all_crawl_s": [round(res["crawl_s"], 3) for res in runs[m]],
            "all_crawl_cpu_s": [round(res["crawl_cpu_s"], 3) for res in runs[m]],
            "what": MODE_NOTES[m],
        }

    def ratio(a: str, b: str, key: str = "crawl_s") -> float:
        return rows[b][key] / rows[a][key]  # = pages/s of a / pages/s of b

    pairs = [(m, other) for m in PRESSGUARD_MODES for other in ("httpcache", "memory")]
    cpu_ratios = {f"{a}/{b}": ratio(a, b, "crawl_cpu_s") for a, b in pairs}
    pairs += [("pressguard", "pressguard-nocache"), ("pressguard-cold", "pressguard-nocache"),
              ("httpcache", "memory"), ("memory-mw", "memory")]
    ratios = {f"{a}/{b}": ratio(a, b) for a, b in pairs}

    loading = time_cassette_loading(work, n)
    profiles: dict[str, dict] = {}
    instrumented: dict[str, dict] = {}
    if not args.no_profile:
        for mode in ("pressguard", "pressguard-cold"):
            res = run_child(mode, work, n, instrument=True)
            instrumented[mode] = {"crawl_cpu_s": res["crawl_cpu_s"], **res["timers"]}
        for mode in ("pressguard", "pressguard-nocache"):  # the default, and where YAML shows
            prof_path = work / f"{mode}.prof"
            run_child(mode, work, n, profile=prof_path)
            profiles[mode] = summarise_profile(prof_path)
    load_after = os.getloadavg()

    size_mb = expected_bytes / 1e6
    print()
    print(f"{n} pages, {size_mb:.1f} MB of HTML (mean {expected_bytes / n / 1e3:.0f} KB); best of {args.runs} runs per mode")
    print()
    print("| mode | crawl s | pages/s | MB/s | crawl CPU s | median crawl s | process s | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for m in MODES:
        row = rows[m]
        print(f"| {m} | {row['crawl_s']:.2f} | {row['pages_per_s']:.0f} | {size_mb / row['crawl_s']:.1f} | "
              f"{row['crawl_cpu_s']:.2f} | {row['median_crawl_s']:.2f} | {row['process_s']:.2f} | {row['peak_rss_mb']:.0f} |")
    print()
    medians = {name: rows[name.split("/")[1]]["median_crawl_s"] / rows[name.split("/")[0]]["median_crawl_s"]
               for name in ratios}
    for name, value in ratios.items():
        cpu = f", CPU time {cpu_ratios[name]:.2f}" if name in cpu_ratios else ""
        print(f"speed ratio {name}: {value:.2f} (medians {medians[name]:.2f}{cpu})")
    print("(ratio of pages/s, best runs unless said; above 1 the first is faster)")
    for mode in PRESSGUARD_MODES:
        verdict = "met" if ratios[f"{mode}/httpcache"] >= 1 else "MISSED"
        print(f"target, {mode} at least as fast as Scrapy's HTTP cache: {verdict}")
    print()
    print(f"opening one cassette outside Scrapy (CPU): read {loading['read_ms']:.2f} ms, "
          f"YAML parse {loading['yaml_parse_ms']:.2f} ms ({loading['loader']}), open_cassette "
          f"{loading['open_cassette_parse_cache_off_ms']:.2f} ms with the parse cache off, "
          f"{loading['open_cassette_parse_cache_warm_ms']:.2f} ms warm")
    for mode, t in instrumented.items():
        cpu = t["crawl_cpu_s"]
        print(f"{mode}, instrumented run ({t['opened']} cassettes opened, crawl CPU {cpu:.2f}s): "
              f"open_cassette {t['open_cassette_s']:.2f}s ({100 * t['open_cassette_s'] / cpu:.0f}%), "
              f"of which YAML parse {t['yaml_parse_s']:.2f}s ({100 * t['yaml_parse_s'] / cpu:.0f}%)")
    for mode, summary in profiles.items():
        total = summary["profiled_total_s"]
        print(f"cProfile of one {mode} crawl, engine start to spider close ({total:.2f}s under the profiler):")
        for name, f in summary["key_functions"].items():
            print(f"  {name:<58} {f['cum_s']:6.2f}s {100 * f['share']:5.1f}%  calls {f['calls']}")
        print("  own time by package: " + ", ".join(
            f"{group} {100 * g['share']:.0f}%" for group, g in summary["by_package_tottime"].items() if g["share"] >= 0.01))
        print("  top functions by own time:")
        for f in summary["top_tottime"][:8]:
            print(f"    {f['tottime_s']:6.3f}s  {f['calls']:>7}  {f['function']}")

    out = {
        "command": " ".join(["python", "benchmarks/replay_speed.py", *(sys.argv[1:] if argv is None else argv)]),
        "machine": info, "load_average_before_after": [load_before[0], load_after[0]],
        "pages": n, "html_bytes": expected_bytes, "runs_per_mode": args.runs,
        "results": rows, "ratios_pages_per_s": ratios, "ratios_medians": medians, "ratios_cpu": cpu_ratios,
        "target_met": {m: ratios[f"{m}/httpcache"] >= 1 for m in PRESSGUARD_MODES},
        "cassette_loading_outside_scrapy": loading,
        "instrumented_runs": instrumented,
        "profiles": profiles,
        "benchmark_wall_s": time.perf_counter() - started,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=1))
    print(f"\nwrote {args.out} ({out['benchmark_wall_s']:.0f}s in all; load average {load_before[0]:.2f} -> {load_after[0]:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
