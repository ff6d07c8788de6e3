"""The wire: a threaded HTTP/1.1 server that also behaves as a forward proxy.

- absolute-form requests (GET http://site/x HTTP/1.1) are served by host, as a proxy would;
- CONNECT site:443 is answered 200, then the same socket is wrapped in TLS (certs.py) and
  HTTP/1.1 is served inside the tunnel, keep-alive included;
- origin-form requests are served by their Host header (site domains or the control API).
Nothing here ever opens an outbound connection.
"""

from __future__ import annotations

import logging
import socket
import socketserver
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from pressguard.sim.app import App, unknown_host
from pressguard.sim.certs import make_certs, server_context
from pressguard.sim.content import Article
from pressguard.sim.response import MARK, Response
from pressguard.sites import SITES

log = logging.getLogger("pressguard.sim")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive by default, like the real origins
    server_version = "nginx"
    sys_version = ""
    disable_nagle_algorithm = True  # headers and body go out in separate writes
    timeout = 30  # idle keep-alive connections are dropped after this many seconds
    tunnel_host: str | None = None
    scheme = "http"
    server: "_Server"

    def setup(self):
        super().setup()
        self.server.track(self.connection)

    def finish(self):
        try:
            super().finish()
        except OSError:
            pass
        if self.tunnel_host is not None:
            try:
                self.connection.close()  # socketserver only closes the pre-TLS socket object
            except OSError:
                pass
        self.server.untrack(self.connection)

    def version_string(self):
        return self.server_version

    def send_response(self, code, message=None):
        super().send_response(code, message)
        self.send_header(*MARK)  # every response, errors and CONNECT included

    def log_message(self, format, *args):  # noqa: A002 (stdlib signature)
        log.info("%s %s", self.tunnel_host or self.client_address[0], format % args)

    # -- proxy tunnel ------------------------------------------------------------------
    def do_CONNECT(self):
        host = self.path.rpartition(":")[0].strip("[]").lower() or self.path.lower()
        site, _ = App.site_for_host(host)
        if site is None:
            self._send(unknown_host(host))
            return
        self.send_response(200, "Connection established")
        self.end_headers()
        try:
            tls = self.server.ssl_context.wrap_socket(self.connection, server_side=True)
        except (ssl.SSLError, OSError) as exc:
            log.debug("TLS handshake with %s failed: %s", self.client_address, exc)
            self.close_connection = True
            return
        self.server.untrack(self.connection)
        self.server.track(tls)
        self.connection = self.request = tls
        self.rfile = tls.makefile("rb", self.rbufsize)
        self.wfile = socketserver._SocketWriter(tls)  # what StreamRequestHandler uses
        self.tunnel_host = host
        self.scheme = "https"
        self.close_connection = False  # keep reading requests, now inside the tunnel

    # -- plain requests ----------------------------------------------------------------
    def _serve(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        try:
            resp = self.server.app.handle(self.command, self.path, self.headers, self.scheme,
                                          self.tunnel_host, body)
        except Exception:  # a bug here must not look like a network fault to the client
            log.exception("simulator failed on %s %s", self.command, self.path)
            resp = Response.text(500, "pressguard simulator internal error (see its log)\n")
        self._send(resp, head=self.command == "HEAD")

    do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = do_OPTIONS = do_PATCH = _serve

    def _send(self, resp: Response, head: bool = False) -> None:
        if resp.delay:
            time.sleep(resp.delay)
        if resp.hold is not None:
            resp.hold.wait(resp.hold_timeout)
        self.send_response(resp.status)
        self.send_header("Content-Type", resp.content_type)
        self.send_header("Content-Length", str(len(resp.body)))
        for name, value in resp.headers:
            self.send_header(name, value)
        if resp.close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if head:
            return
        body = resp.body
        if resp.truncate is not None:
            # Promise the full length, deliver part, hang up: a real mid-transfer failure.
            body = body[:int(len(body) * resp.truncate)]
            self.close_connection = True
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address, app: App, ssl_context: ssl.SSLContext):
        self.app = app
        self.ssl_context = ssl_context
        self._conns: set = set()
        self._conns_lock = threading.Lock()
        super().__init__(address, _Handler)

    def server_bind(self):
        # HTTPServer.server_bind calls getfqdn(), a DNS lookup that can hang offline.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]

    def track(self, conn):
        with self._conns_lock:
            self._conns.add(conn)

    def untrack(self, conn):
        with self._conns_lock:
            self._conns.discard(conn)

    def close_all(self):
        with self._conns_lock:
            conns, self._conns = list(self._conns), set()
        for c in conns:
            try:
                c.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def handle_error(self, request, client_address):
        exc = sys.exc_info()[1]
        if isinstance(exc, (OSError, ssl.SSLError)):  # client went away: not our problem
            log.debug("connection from %s ended: %s", client_address, exc)
        else:
            log.exception("error serving %s", client_address)


class Simulator:
    """The publisher simulator. `with Simulator() as sim:` or start()/stop()."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0):
        self.host = host
        self._requested_port = port
        self.app = App()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._certs = None

    # -- lifecycle ---------------------------------------------------------------------
    def start(self) -> "Simulator":
        if self._server is not None:
            return self
        self._certs = make_certs([s.domain for s in SITES.values()])
        server = _Server((self.host, self._requested_port), self.app, server_context(self._certs))
        self._server = server
        self.app.port = server.server_address[1]
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                                        name=f"pressguard-sim-{self.app.port}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.close_all()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> "Simulator":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("Simulator is not running; call start() first")
        return self._server.server_address[1]

    @property
    def proxy_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def ca_pem(self) -> bytes:
        """PEM of the CA that signed the tunnel certificate (for clients that verify)."""
        if self._certs is None:
            raise RuntimeError("Simulator is not running; call start() first")
        return self._certs.ca_pem

    # -- content and switches ----------------------------------------------------------
    def article_urls(self, site_name: str) -> list[str]:
        """Absolute real-domain article URLs of one site, newest first."""
        return self.app.article_urls(site_name)

    def article(self, url: str) -> Article:
        """The article behind a URL, with expected_body(), for tests that check extraction."""
        for c in self.app.catalogs.values():
            for a in c.articles:
                if a.url == url:
                    return a
        raise KeyError(f"no simulated article at {url}")

    def set_template(self, site_name: str, version: str) -> None:
        self.app.set_template(site_name, version)

    def set_fault(self, site_name: str | None, kind: str, **params) -> None:
        self.app.set_fault(site_name, kind, **params)

    def clear_faults(self) -> None:
        self.app.faults.clear()

    def release_holds(self) -> None:
        """Answer every request a "hold" fault is holding back."""
        self.app.faults.release_holds()

    def reset(self) -> None:
        """Clear faults and put every site back on its default template."""
        self.app.reset()
