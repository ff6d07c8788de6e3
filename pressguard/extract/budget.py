"""The page budget: how big and how deeply nested a page may be before it is refused.

HTML parsing itself is quadratic in nesting depth (every ``<div>`` start tag looks down
the stack of open elements for a ``<p>`` to close: lexbor takes ~10 s for 40,000 nested
divs and ~50 s for 100,000), so depth is measured on the source, *before* the parser
sees it, by one linear scan of the tags that needs no tree and no recursion. A breach is
a named failure, ``PageTooLarge`` ("page too large: <url>: <what> (<figure> > <limit>)"),
never a hang.

The depth read from the source follows the parser's main rules: an end tag closes the
matching open element and everything opened inside it; a ``<p>``, ``<li>``, ``<dd>`` is
closed by the next one (or, for ``<p>``, by a block start tag) unless a table or list
stands between, so sloppy pages full of unclosed ``<p>`` and ``<span>`` are not deep;
table parts, options and ruby text (closed at the next sibling) are not counted.
Void elements, comments and the contents of ``<script>``/``<style>``/``<textarea>`` ...
never count; ``/>`` closes an element only inside ``<svg>``/``<math>``, as in HTML.
"""

from __future__ import annotations

import re
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass

# Defaults: 10 MB is ~50x a large article page; browsers cap the tree at 512 levels
# (Chromium's parser), real article pages stay under ~60.
MAX_HTML_BYTES = 10_000_000
MAX_DEPTH = 5_000


class PageTooLarge(ValueError):
    """A page over its size or depth budget: a named page failure, not an extraction."""

    def __init__(self, url: str, what: str, figure: int, limit: int) -> None:
        self.url, self.what, self.figure, self.limit = url, what, figure, limit
        super().__init__(f"page too large: {url}: {what} ({figure:,} > {limit:,})")


_VOID = frozenset(
    "area base br col embed hr img input link meta source track wbr param keygen "
    "basefont bgsound frame image".split()
)
# closed by the parser at the next row, cell, option ...: never nest by themselves
_OPTIONAL_END = frozenset(
    "option optgroup tr td th thead tbody tfoot colgroup caption rb rt rtc rp "
    "html head body".split()
)
_FOREIGN = frozenset({"svg", "math"})
# Elements that a later start tag closes, with what stands between (a "scope" boundary:
# a <p> inside a <table> is not closed by a <div> outside it), as the parser does: an
# unclosed <span> in each of 10,000 <p> is not 10,000 levels deep.
_DEFAULT_SCOPE = frozenset("applet marquee object template table svg math".split())
# the standard's "special" elements (those a <li> or <dd> never closes across), less the
# void and raw-text ones, which never are open here
_SPECIAL = frozenset(
    "address applet article aside blockquote button center dd details dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup li listing main "
    "marquee menu nav object ol p pre search section select summary table template ul "
    "svg math".split()
)
_GROUPS = {  # group: (members, boundaries, start tags that close an open member)
    "p": (frozenset({"p"}), _DEFAULT_SCOPE | {"button"}, frozenset(
        "address article aside blockquote center details dialog dir div dl fieldset "
        "figcaption figure footer form header hgroup hr main menu nav ol p pre listing "
        "search section summary table ul xmp h1 h2 h3 h4 h5 h6".split())),
    "li": (frozenset({"li"}), _SPECIAL - {"address", "div", "p", "li"}, frozenset({"li"})),
    "dd": (frozenset({"dd", "dt"}), _SPECIAL - {"address", "div", "p", "dd", "dt"},
           frozenset({"dd", "dt"})),
}
_GROUP_OF = {m: g for g, (members, _, _) in _GROUPS.items() for m in members}
_BOUNDARY_OF: dict[str, list[str]] = {}
for _g, (_, _bounds, _) in _GROUPS.items():
    for _b in _bounds:
        _BOUNDARY_OF.setdefault(_b, []).append(_g)
_CLOSERS: dict[str, list[str]] = {}
for _g, (_, _, _closers) in _GROUPS.items():
    for _c in _closers:
        _CLOSERS.setdefault(_c, []).append(_g)
# the start of a comment or a tag; everything else is looked up from there at C speed
# (one regex with a literal "<" first: sre then jumps from "<" to "<")
_START = re.compile(r"<(!--|/?[a-zA-Z][^\s/>]*)")
_START_B = re.compile(rb"<(!--|/?[a-zA-Z][^\s/>]*)")
# elements whose content is text, never tags
_RAW_TEXT = frozenset("script style textarea title xmp noembed noframes iframe plaintext".split())
_RAW_END: dict[tuple[str, bool], re.Pattern] = {}


def _raw_end(name: str, as_bytes: bool) -> re.Pattern:
    key = (name, as_bytes)
    if key not in _RAW_END:
        src = rf"</{name}[\s/>]"
        _RAW_END[key] = re.compile(src.encode("ascii") if as_bytes else src, re.I)
    return _RAW_END[key]


def source_depth(html: str | bytes) -> int:
    """The deepest nesting of elements in an HTML source, read without parsing it
    (see the module docstring). Linear in the source: every step is O(1) amortized."""
    stack: list[str] = []
    # how many of each name are open, so an end tag with no open element of its name
    # is ignored at once instead of searching the stack
    open_count: dict[str, int] = {}
    # per group: how many of its scope boundaries are open, and for each open member
    # the boundary count when it opened (it is in scope while that count is unchanged)
    bounds = {g: 0 for g in _GROUPS}
    members: dict[str, list[int]] = {g: [] for g in _GROUPS}
    foreign = 0
    deepest = 0

    def pop_to(name: str) -> None:
        nonlocal foreign
        while True:
            top = stack.pop()
            open_count[top] -= 1
            if top in _FOREIGN:
                foreign -= 1
            for g in _BOUNDARY_OF.get(top, ()):
                bounds[g] -= 1
            g = _GROUP_OF.get(top)
            if g is not None:
                members[g].pop()
            if top == name:
                return

    as_bytes = isinstance(html, bytes)
    gt, slash, comment_end = (b">", b"/", b"-->") if as_bytes else (">", "/", "-->")
    n = len(html)
    pos = 0  # tokens before pos are inside a comment, a tag or raw text: not tags
    for m in (_START_B if as_bytes else _START).finditer(html):
        if m.start() < pos:
            continue
        token = m.group(1)
        if token == "!--" or token == b"!--":
            end = html.find(comment_end, m.end())
            pos = n if end < 0 else end + 3
            continue
        close = html.find(gt, m.end())
        pos = n if close < 0 else close + 1
        self_closed = close > 0 and html[close - 1:close] == slash
        if as_bytes:
            token = token.decode("latin-1")
        is_end = token[0] == "/"
        name = (token[1:] if is_end else token).lower()
        if name in _RAW_TEXT and not is_end:
            found = _raw_end(name, as_bytes).search(html, pos)
            pos = n if found is None else found.start()
            continue
        if name in _VOID or name in _OPTIONAL_END or name in _RAW_TEXT:
            continue
        if is_end:  # end tag: close it and what was opened inside it
            if open_count.get(name):
                pop_to(name)
            continue
        for g in _CLOSERS.get(name, ()):  # <p> closes an open <p>, <li> an open <li> ...
            opened = members[g]
            if opened and opened[-1] == bounds[g]:
                # the innermost open member of the group: pop up to and including it
                while True:
                    top = stack[-1]
                    pop_to(top)
                    if _GROUP_OF.get(top) == g:
                        break
        if self_closed and (foreign or name in _FOREIGN):  # <path/>: self-closed
            continue
        stack.append(name)
        open_count[name] = open_count.get(name, 0) + 1
        if name in _FOREIGN:
            foreign += 1
        for g in _BOUNDARY_OF.get(name, ()):
            bounds[g] += 1
        g = _GROUP_OF.get(name)
        if g is not None:
            members[g].append(bounds[g])
        if len(stack) > deepest:
            deepest = len(stack)
    return deepest


def _size_bytes(html: str | bytes, limit: int) -> int:
    if isinstance(html, bytes):
        return len(html)
    if len(html) * 4 <= limit:  # no str this short can be over the limit in UTF-8
        return len(html)
    return len(html.encode("utf-8", "surrogatepass"))


@dataclass(frozen=True)
class PageBudget:
    """Limits for one page. check() raises PageTooLarge on the first breach."""

    max_bytes: int = MAX_HTML_BYTES
    max_depth: int = MAX_DEPTH

    def check(self, html: str | bytes, url: str) -> None:
        size = _size_bytes(html, self.max_bytes)
        if size > self.max_bytes:
            raise PageTooLarge(url, "HTML size in bytes", size, self.max_bytes)
        # a page with fewer start tags than the depth limit cannot be nested deeper than
        # it: every open element was opened by a start tag, a "<" not followed by "/".
        # The "<" are counted first (C speed, ~0.13 ms for 200 KB; real article pages have
        # 1,000-5,000); over the limit, "<" less "</" (a tighter bound: about half the
        # tags of a page are end tags; "</" costs ~0.3 ms to count, so only then), and
        # only over that the scan below (several ms on such a page).
        lt, end = (b"<", b"</") if isinstance(html, bytes) else ("<", "</")
        tags = html.count(lt)
        if tags <= self.max_depth or tags - html.count(end) <= self.max_depth:
            return
        depth = source_depth(html)
        if depth > self.max_depth:
            raise PageTooLarge(url, "element nesting depth", depth, self.max_depth)


DEFAULT_BUDGET = PageBudget()


class PageTooSlow(PageTooLarge):
    """A page whose assessment ran past its time budget."""

    def __init__(self, url: str, seconds: float) -> None:
        self.url, self.what, self.figure, self.limit = url, "seconds to assess", None, seconds
        ValueError.__init__(self, f"page too slow: {url}: assessing it took over {seconds:g} s "
                                  "(the page time budget, setting PRESSGUARD_PAGE_SECONDS)")


class _Expired(BaseException):
    """Raised by the timer inside the block: a BaseException, so no `except ValueError`
    or `except Exception` on the way (cassette loading, fallbacks) can swallow it;
    time_budget turns it into PageTooSlow at the block's edge."""


@contextmanager
def time_budget(seconds: float | None, url: str):
    """Raise PageTooSlow from the block once it has run `seconds` (wall clock).

    Size and depth bound the work, but a pathological page within them (megabytes of
    sibling paragraphs) can still take long: this is the last bound, so a page never
    holds a run up. A real timer (SIGALRM), so it needs the main thread of a POSIX
    process, where Scrapy's callbacks run; elsewhere, and with seconds <= 0 or None,
    it is off. The timer interrupts between Python bytecodes, so one long C call (one
    parse) finishes first.
    """
    usable = (seconds and seconds > 0 and hasattr(signal, "setitimer")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return
    fired = []

    def expired(signum, frame):
        fired.append(True)
        raise _Expired

    previous = signal.signal(signal.SIGALRM, expired)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)  # inside: it may fire before the yield
        yield
    except _Expired:
        raise PageTooSlow(url, seconds) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if fired:  # the block caught it after all (a bare except): the budget still ran out
        raise PageTooSlow(url, seconds)
