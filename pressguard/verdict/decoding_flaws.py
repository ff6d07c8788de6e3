"""What a wrong decoding leaves in a field's text: mojibake (ftfy), U+FFFD, an undecoded HTML
entity, a JSON/JavaScript escape printed as text ("review \\u2013 almost there": a payload
string written into the page unparsed) or a backslash before a quote ("it\\'s", "\\"Yes\\"": a
WordPress save without wp_unslash), a control character. Read by the text_quality check, on
every field. The \\u escape fires on none of WCXB's 711 real pages (fields or reference text);
the backslashed quote is in 1 page's reference text (4591, "\\”By breaking", itself a
backslash left before a quote on the live page).
"""

from __future__ import annotations

import html as htmllib
import re

import ftfy
import ftfy.badness

from .wording import excerpt


_ENTITY = re.compile(r"&(?:#\d{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});")


# \u2013, as JSON and JavaScript strings write it; \" and \', as an unparsed string literal or a
# save that was never unslashed leaves them (prose never puts a backslash before a quote)
_ESCAPE = re.compile(r"\\u[0-9a-fA-F]{4}|\\[\"'\u2018\u2019\u201c\u201d]")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # C0 but tab, LF, CR; DEL; C1


def text_problem(text: str) -> str | None:
    if "\ufffd" in text:
        i = text.index("\ufffd")
        return f"a replacement character U+FFFD in {excerpt(text, i, i + 1, 15)}"
    if not text.isascii():
        # is_bad is ftfy's quick test for mojibake sequences; fix_encoding (slower) then
        # says what the text reads decoded once
        bad = ftfy.badness.is_bad(text)
        fixed = ftfy.fix_encoding(text) if bad else text
        if fixed != text or bad:
            i = next((k for k, (a, b) in enumerate(zip(text, fixed)) if a != b), 0)
            return f"mojibake {excerpt(text, i, i + 2, 15)}" + (
                f" (decoded once: {excerpt(fixed, i, i + 1, 15)})" if fixed != text else "")
    if "&" in text:
        for m in _ENTITY.finditer(text):
            if htmllib.unescape(m.group(0)) != m.group(0):
                return f"an undecoded HTML entity {m.group(0)!r} in {excerpt(text, m.start(), m.end(), 15)}"
    if "\\" in text:
        m = _ESCAPE.search(text)
        if m:
            return f"an undecoded escape {m.group(0)!r} in {excerpt(text, m.start(), m.end(), 15)}"
    m = _CONTROL.search(text)
    if m:
        i, ch = m.start(), m.group(0)
        return f"a control character U+{ord(ch):04X} in {excerpt(text, i, i + 1, 15)}"
    return None
