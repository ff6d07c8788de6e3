"""A tiny scripted HTTP server on 127.0.0.1 for handler and CLI tests.

Each path answers from a queue of scripted responses (the last one repeats),
so a test can make a page fail once and then succeed, redirect, gzip, or set
cookies, and can count what was asked for.
"""

from __future__ import annotations

import gzip
import threading
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

# each story its own text (the title in two of its paragraphs): two stories with one body
# are another story's body under a headline (pressguard.verdict.recorded_stories)
ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} – Local News</title>
<meta property="og:site_name" content="Local News">
<link rel="canonical" href="{canonical}"></head>
<body><header><nav><a href="/">Home</a> <a href="/news/">News</a></nav></header>
<main><article><h1>{title}</h1>
<p class="byline">By <a rel="author" href="/author/ada/">Ada Lovelace</a></p>
<div class="article-body">
<p>The first paragraph of the article says something   \nworth reading about engines, at length and with care for detail ({title}).</p>
<p>A second paragraph follows with <em>emphasis</em> and a <a href="/x">link</a> that keeps its spaces intact.</p>
<p>The third paragraph explains why the engine mattered: it could be programmed with punched cards,
borrowed from the Jacquard loom, and it separated the store from the mill, much as memory and processor
are separated in every computer built since ({title}).</p>
<p>The last paragraph closes the piece with a complete sentence about analytical engines and the notes that
described how one might compute Bernoulli numbers with them.</p>
</div></article></main><footer>© Local News</footer></body></html>
"""


class PagesServer:
    def __init__(self):
        self.script: dict[str, list[tuple[int, dict, bytes]]] = {}
        self.hits: dict[str, int] = defaultdict(int)
        self.seen_headers: list[dict] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                path = self.path if not self.path.startswith("http") else urlsplit(self.path).path
                key = path.split("?")[0]
                server.hits[key] += 1
                server.seen_headers.append(dict(self.headers))
                queue = server.script.get(key) or [(404, {}, b"not found")]
                status, headers, body = queue.pop(0) if len(queue) > 1 else queue[0]
                if headers.get("Content-Encoding") == "gzip":
                    body = gzip.compress(body)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        # shutdown() waits for the loop to look at its flag: every poll_interval (0.5 s by
        # default), paid at the end of every test that used a server
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def add(self, path: str, *responses: tuple[int, dict, bytes]) -> str:
        self.script[path] = list(responses)
        return self.base + path

    def article(self, path: str, title: str = "Engines of the future", **headers) -> str:
        body = ARTICLE.format(title=title, canonical=self.base + path).encode("utf-8")
        head = {"Content-Type": "text/html; charset=utf-8", **headers}
        return self.add(path, (200, head, body))

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
