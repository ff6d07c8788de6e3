"""The page budget: how big and how deeply nested a page may be before it is refused.

HTML parsing itself is quadratic in nesting depth (every ``<div>`` start tag looks down
the stack of open elements for a ``<p>`` to close: lexbor takes ~10 s for 40,000 nested
divs and ~50 s for 100,000), so depth is measured on the source, *before* the parser
sees it, by one linear scan of the tags that needs no tree and no recursion. A breach is
a named failure, ``PageTooLarge`` ("page too large: <url>: <what> (<figure> > <limit>)"),
never a hang.

The depth read from the source counts the elements that really nest: start tags of
elements whose end tag may not be left out, minus their end tags (an end tag closes the
matching open element and everything opened inside it, as the parser does). Elements whose
end tag is optional (``p``, ``li``, ``td``, ``option`` ...) are not counted: the parser
closes them at the next sibling, so sloppy pages full of unclosed ``<p>`` are not deep.
Void elements, comments and the contents of ``<script>``/``<style>``/``<textarea>`` ...
never count; ``/>`` closes an element only inside ``<svg>``/``<math>``, as in HTML.
"""

from __future__ import annotations

import re
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
# end tag optional, or closed by the parser at the next sibling: never nest by themselves
_OPTIONAL_END = frozenset(
    "p li dt dd option optgroup tr td th thead tbody tfoot colgroup caption rb rt rtc rp "
    "html head body".split()
)
_FOREIGN = frozenset({"svg", "math"})
# one token: a comment, a raw-text element with its whole content, or a tag
_TOKEN_SRC = (
    r"<!--.*?(?:-->|\Z)"
    r"|<(script|style|textarea|title|xmp|noembed|noframes|iframe|plaintext)\b[^>]*>.*?(?:</\1\s*>|\Z)"
    r"|<(/?)([a-zA-Z][^\s/>]*)[^>]*?(/?)>"
)
_TOKEN = re.compile(_TOKEN_SRC, re.S | re.I)
_TOKEN_B = re.compile(_TOKEN_SRC.encode("ascii"), re.S | re.I)


def source_depth(html: str | bytes) -> int:
    """The deepest nesting of elements in an HTML source, read without parsing it
    (see the module docstring). Linear in the source."""
    # stack of open tag names, plus how many of each are open, so an end tag with no
    # open element of its name is ignored at once instead of searching the stack
    stack: list[str] = []
    open_count: dict[str, int] = {}
    foreign = 0
    deepest = 0
    as_bytes = isinstance(html, bytes)
    for m in (_TOKEN_B if as_bytes else _TOKEN).finditer(html):
        name = m.group(3)
        if name is None:  # comment or raw-text element
            continue
        name = (name.decode("latin-1") if as_bytes else name).lower()
        if name in _VOID or name in _OPTIONAL_END:
            continue
        if m.group(2):  # end tag: close it and what was opened inside it
            if not open_count.get(name):
                continue
            while True:
                top = stack.pop()
                open_count[top] -= 1
                if top in _FOREIGN:
                    foreign -= 1
                if top == name:
                    break
            continue
        if m.group(4) and (foreign or name in _FOREIGN):  # <path/>: self-closed
            continue
        stack.append(name)
        open_count[name] = open_count.get(name, 0) + 1
        if name in _FOREIGN:
            foreign += 1
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
        # it: "<" not followed by "/" bounds them, counted at C speed (real article pages
        # have 500-4,000), so the scan below runs only on unusually large pages
        lt, end = (b"<", b"</") if isinstance(html, bytes) else ("<", "</")
        if html.count(lt) - html.count(end) <= self.max_depth:
            return
        depth = source_depth(html)
        if depth > self.max_depth:
            raise PageTooLarge(url, "element nesting depth", depth, self.max_depth)


DEFAULT_BUDGET = PageBudget()
