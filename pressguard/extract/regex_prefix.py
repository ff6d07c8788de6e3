"""Which openings a regex can match at all, derived from its patterns: a cheap test that
lets text that cannot match skip the regex (a big case-insensitive alternation costs
microseconds per text, and almost every paragraph of an article fails it).

``Openings(patterns, flags)`` walks each pattern's parse tree and collects the strings,
lower-cased, that every match must start with (up to ``depth`` characters; a wildcard or a
wide class ends a string there). ``may_match(text)`` is False only when the text starts
with none of them, so it never turns away a text the regex would match: characters are
judged by the regex engine itself (each element's ASCII members, found by trying all 128),
and a text whose opening is not ASCII (case folding there is the engine's business: the
Kelvin sign matches "k") always goes to the regex.
"""

from __future__ import annotations

import re

try:  # the standard library's own parser (sre_parse before 3.11)
    from re import _compiler as _sre_compile
    from re import _parser as _sre_parse
    from re._constants import (ANY, ASSERT, ASSERT_NOT, AT, BRANCH, IN, LITERAL, MAX_REPEAT,
                               MIN_REPEAT, NOT_LITERAL, SUBPATTERN)
except ImportError:  # pragma: no cover
    import sre_compile as _sre_compile
    import sre_parse as _sre_parse
    from sre_constants import (ANY, ASSERT, ASSERT_NOT, AT, BRANCH, IN, LITERAL, MAX_REPEAT,
                               MIN_REPEAT, NOT_LITERAL, SUBPATTERN)

_WIDE = 16          # a class with more ASCII members than this ends an opening
_MAX_OPENINGS = 4096  # more openings than this: shorten them instead
_CHARS: dict = {}  # (flags, a character element) -> its ASCII characters (_chars)


class Openings:
    """The openings of a set of patterns compiled with flags (see the module's doc)."""

    def __init__(self, patterns, flags: int = 0, depth: int = 6) -> None:
        self.depth = depth
        self._flags = flags
        self._patterns = list(patterns)
        self._by_len: list | None = None  # derived on first use: ~0.2 s, not at import

    @property
    def always(self) -> bool:
        """Any text can match (some opening is empty): the regex is always asked."""
        return self._table()[0]

    def _table(self) -> tuple[bool, list]:
        if self._by_len is None:
            found: set[str] = set()
            for p in self._patterns:
                found |= {s for s, _ in self._seq(_sre_parse.parse(p, self._flags), {("", True)})}
            by_len: dict[int, set[str]] = {}
            for s in found:
                by_len.setdefault(len(s), set()).add(s)
            self._always = "" in found
            # the shortest openings' length, and every opening cut to it: one set lookup
            # turns away most texts before the lengths are tried one by one
            self._lead = min(by_len) if by_len else 0
            self._starts = {s[: self._lead] for s in found}
            self._by_len = sorted(by_len.items())
        return self._always, self._by_len

    def may_match(self, text: str) -> bool:
        """False only when no pattern can match text from its start."""
        by_len = self._by_len
        if by_len is None:
            by_len = self._table()[1]
        if self._always:
            return True
        head = text[: self.depth]
        if not head.isascii():
            return True
        head = head.lower()
        if head[: self._lead] not in self._starts:
            return False
        for n, strings in by_len:
            if head[:n] in strings:
                return True
        return False

    # -- derivation: sets of (opening, open): an open one may still grow ---------------

    def _chars(self, item) -> str | None:
        """The ASCII characters (lower-cased) one character element matches, by the
        engine; None when it is wider than _WIDE."""
        key = (self._flags, repr(item))
        if key in _CHARS:
            return _CHARS[key]
        state = _sre_parse.State()
        state.flags = self._flags
        rx = _sre_compile.compile(_sre_parse.SubPattern(state, [item]), self._flags)
        chars = {chr(c).lower() for c in range(128) if rx.fullmatch(chr(c))}
        _CHARS[key] = found = "".join(sorted(chars)) if len(chars) <= _WIDE else None
        return found

    def _seq(self, items, starts: set) -> set:
        cur = starts
        for item in items:
            if not any(grow and len(s) < self.depth for s, grow in cur):
                break
            cur = self._item(item, cur)
        return cur

    def _item(self, item, cur: set) -> set:
        op, av = item
        if op in (AT, ASSERT, ASSERT_NOT):  # zero-width: only narrows what matches
            return cur
        if op in (LITERAL, NOT_LITERAL, IN, ANY):
            chars = self._chars(item)
            if chars is None:
                return _close(cur)
            out = set()
            for s, grow in cur:
                if not grow or len(s) >= self.depth:
                    out.add((s, False))
                else:  # no ASCII character at all: on an ASCII opening this path fails
                    out |= {(s + c, len(s) + 1 < self.depth) for c in chars}
            return _capped(out, self.depth)
        if op == SUBPATTERN:
            return self._seq(av[-1], cur)
        if op == BRANCH:
            out = set()
            for alt in av[1]:
                out |= self._seq(alt, cur)
            return _capped(out, self.depth)
        if op in (MAX_REPEAT, MIN_REPEAT):
            low, high, body = av
            out, reps = set(), cur
            for i in range(self.depth + 2):
                if i >= low:
                    out |= reps
                if i >= high:
                    return _capped(out, self.depth)
                nxt = self._seq(body, reps)
                if nxt == reps:  # nothing grows any more
                    return _capped(out | nxt, self.depth)
                reps = nxt
            return _capped(out | _close(reps), self.depth)
        return _close(cur)  # anything else (a back-reference ...): the openings end here


def _close(cur: set) -> set:
    return {(s, False) for s, _ in cur}


def _capped(cur: set, depth: int) -> set:
    """cur, or its openings shortened until there are at most _MAX_OPENINGS of them."""
    while len(cur) > _MAX_OPENINGS and depth > 0:
        depth -= 1
        cur = {(s[:depth], False) if len(s) > depth else (s, g) for s, g in cur}
    return cur
