"""The live count on stderr for `replay` and `crawl`: done / total, rate, estimate.

A tqdm bar when stderr is a terminal; when it is not (a CI log, a file), one plain
line every few seconds and a last one at the end, so a log is not flooded with
carriage returns; nothing at all with -q. Never stdout: it carries the per-page
lines and the summary that scripts read.
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager

from tqdm import tqdm

EVERY = 5.0  # seconds between two plain lines when stderr is not a terminal


class Progress:
    def __init__(self, what: str, total: int = 0, unit: str = "page", quiet: bool = False, stream=None):
        self.what, self.unit, self.total, self.done = what, unit, total, 0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = not quiet
        self.started = self.shown = time.monotonic()
        self.bar = None
        if self.enabled and _is_terminal(self.stream):
            # a terminal that reports no size (a bare pty, a serial console) would get no
            # bar at all from tqdm (it hides bars below row 0): give it 80x24
            sized = all(_size(self.stream))
            self.bar = tqdm(total=total, desc=what, unit=unit, file=self.stream, leave=True,
                            dynamic_ncols=sized, ncols=None if sized else 80, nrows=None if sized else 24)

    def update(self, done: int, total: int | None = None) -> None:
        """Set the count (and, for a crawl that keeps finding pages, the total so far)."""
        if not self.enabled:
            return
        total = max(total if total is not None else self.total, done)
        if self.bar is not None:
            self.bar.total = total
            self.bar.update(done - self.bar.n)  # tqdm redraws at most every mininterval
        else:
            self.done, self.total = done, total
            now = time.monotonic()
            if done and now - self.shown >= EVERY:  # no count yet: no line (a failure says why)
                self.shown = now
                self._line(now)
        self.done, self.total = done, total

    def close(self) -> None:
        """The last count; nothing if nothing was counted (the failure line says why)."""
        if not self.enabled:
            return
        if self.bar is not None:
            self.bar.refresh()
            self.bar.close()
            self.bar = None
        elif self.done:
            self._line(time.monotonic())
        self.enabled = False

    @contextmanager
    def printing(self):
        """Print to the terminal without tearing the bar: it is cleared, then redrawn."""
        if self.bar is None:
            yield
        else:
            with tqdm.external_write_mode(file=sys.stdout):
                yield

    def _line(self, now: float) -> None:
        meter = tqdm.format_meter(self.done, self.total, now - self.started, prefix=self.what,
                                  unit=self.unit, ncols=0)
        try:
            print(meter, file=self.stream, flush=True)
        except (BrokenPipeError, ValueError):  # a closed stderr must not stop the run
            self.enabled = False


def _size(stream) -> tuple[int, int]:
    try:
        return tuple(os.get_terminal_size(stream.fileno()))
    except (AttributeError, OSError, ValueError):
        return (0, 0)


def _is_terminal(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
