"""What a wrong decoding leaves in a field's text: mojibake (ftfy), U+FFFD, an undecoded HTML
entity, a JSON/JavaScript escape printed as text ("review \\u2013 almost there": a payload
string written into the page unparsed) or a backslash before a quote ("it\\'s", "\\"Yes\\"": a
WordPress save without wp_unslash), quoted-printable escapes and soft line breaks, a control
character. Read by the text_quality check, on every field. The \\u escape fires on none of WCXB's 711 real pages (fields or reference text);
the backslashed quote is in 1 page's reference text (4591, "\\”By breaking", itself a
backslash left before a quote on the live page). Undecoded quoted-printable (a MIME part stored
as received) fires on none of them either (reference lines, nor any p/li/td/pre/span of the
pages' HTML: code listings' regularly spaced "a = b" are what its glued-"=" rule leaves out).
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

# Quoted-printable left undecoded (a MIME part stored as received, as broken post-by-email
# gateways and mail imports do): a UTF-8 character as its escaped bytes, a lead byte then its
# continuation bytes ("=E2=80=99" for an apostrophe; validated by decoding them), and soft line
# breaks, an "=" closing every encoded line of at most 76 characters, read "= " once the newline
# is whitespace ("more t= ime ... co= mes"). One "= " is an equation; a run of them at a line
# length's spacing is the encoding.
_QP_CHAR = re.compile(r"=[C-F][0-9A-F](?:=[89AB][0-9A-F]){1,3}")
_QP_SOFT_BREAK = re.compile(r"=\s")
_QP_LINE = range(60, 80)  # spacing of consecutive soft breaks: 76-character lines, shorter where
#                            an escape did not fit at a line's end, +1 for the newline's space
_QP_RUN = 3  # soft breaks in a row at that spacing


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
    if "=" in text:
        problem = _quoted_printable(text)
        if problem:
            return problem
    m = _CONTROL.search(text)
    if m:
        i, ch = m.start(), m.group(0)
        return f"a control character U+{ord(ch):04X} in {excerpt(text, i, i + 1, 15)}"
    return None


def _quoted_printable(text: str) -> str | None:
    for m in _QP_CHAR.finditer(text):
        try:
            char = bytes.fromhex(m.group(0).replace("=", "")).decode("utf-8")
        except UnicodeDecodeError:
            continue
        return (f"an undecoded quoted-printable escape {m.group(0)!r} (decoded: {char!r}) in "
                f"{excerpt(text, m.start(), m.end(), 15)}")
    breaks = [m.start() for m in _QP_SOFT_BREAK.finditer(text)]
    run = 1
    for k in range(1, len(breaks)):
        run = run + 1 if breaks[k] - breaks[k - 1] in _QP_LINE else 1
        chain = breaks[k - run + 1: k + 1]
        # most breaks fall inside or at the end of a word ("t= ime", "most= of"); code's
        # "a = b" and "x != y", as regularly spaced in a listing, keep a space before the "="
        if run >= _QP_RUN and sum(text[i - 1].isalpha() for i in chain if i) >= _QP_RUN - 1:
            return (f"quoted-printable soft line breaks ('=' every {breaks[k] - breaks[k - 1]} characters) "
                    f"in {excerpt(text, chain[0], chain[0] + 1, 15)}")
    return None
