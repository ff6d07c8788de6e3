"""`pressguard sim [--port P]`: run the simulator in the foreground until SIGINT/SIGTERM."""

from __future__ import annotations

import argparse
import errno
import logging
import signal
import sys
import threading

DEFAULT_PORT = 8899


def main(argv: list[str] | None = None) -> int:
    from pressguard.sim.server import Simulator

    parser = argparse.ArgumentParser(
        prog="pressguard sim",
        description="Serve the simulated publisher sites as a local HTTP(S) proxy.")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"port to listen on (default {DEFAULT_PORT}; 0 = any free port)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every request")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad usage; keep that, but return it
        return int(exc.code or 0)
    if not 0 <= args.port <= 65535:
        print(f"pressguard sim: --port {args.port}: not a TCP port; choose one from 1 to 65535 "
              "(or 0 for any free port)", file=sys.stderr)
        return 2
    if args.verbose:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    sim = Simulator(host=args.host, port=args.port)
    try:
        sim.start()
    except (OSError, OverflowError) as exc:  # OverflowError: a port the OS cannot take
        if getattr(exc, "errno", None) == errno.EADDRINUSE:
            print(f"pressguard sim: port {args.port} on {args.host} is already in use; "
                  f"choose another with --port P (or --port 0 for any free port)",
                  file=sys.stderr)
        else:
            print(f"pressguard sim: cannot listen on {args.host}:{args.port}: {getattr(exc, 'strerror', None) or exc}",
                  file=sys.stderr)
        return 2

    stop = threading.Event()

    def _stop(signum, frame):
        stop.set()

    previous = {s: signal.signal(s, _stop) for s in (signal.SIGINT, signal.SIGTERM)}
    p = sim.proxy_url
    print(f"pressguard sim: serving {len(sim.app.catalogs)} simulated sites at {p} - use it as a "
          f"proxy: https_proxy={p} http_proxy={p} scrapy crawl wegotthiscovered "
          f"(index and control API: {p}/ ; Ctrl-C stops)", flush=True)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        sim.stop()
    return 0
