"""Serve the example site (site/) on 127.0.0.1, a stand-in for the Gazette's real site.

    python serve_site.py              # http://127.0.0.1:8765 (GAZETTE_BASE_URL in settings.py)
    python serve_site.py --port 0     # any free port; pass the printed URL as -a base=URL

Prints the site's URL on the first line, then serves until interrupted.
"""

import argparse
import functools
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SITE = Path(__file__).resolve().parent / "site"


class SiteHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".html": "text/html; charset=utf-8"}

    def end_headers(self):
        # Recorded cassettes then say they came from this local stand-in (metadata
        # source: simulator, and a note naming it), not from the real publisher.
        self.send_header("X-Pressguard-Simulator", "gazette example site")
        super().end_headers()

    def log_message(self, format, *args):
        pass


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (0: any free port)")
    args = parser.parse_args(argv)
    handler = functools.partial(SiteHandler, directory=str(SITE))
    try:
        server = ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    except OSError as error:
        print(f"serve_site.py: cannot listen on 127.0.0.1:{args.port}: {error.strerror}; "
              "pass --port 0 for any free port", file=sys.stderr)
        return 2
    print(f"http://127.0.0.1:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
