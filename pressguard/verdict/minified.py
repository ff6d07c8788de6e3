"""A minifier's output: a document whose end is left off on purpose, not cut off.

HTML minifiers (html-minifier-terser's removeOptionalTags, removeAttributeQuotes) drop the end
tags the HTML standard lets a document omit, </body></html> among them, and the quotes
around attribute values that need none. Browsers build the same document, so a missing
</html> is no sign of a cut when the whole document is written that way. A response cut by a
timeout or a proxy keeps the origin's quoting and stops wherever the bytes stopped, often
mid-tag or mid-text; one cut after a complete tag of a quoted document is still a cut.
"""

from __future__ import annotations

import re

_HEAD = 4096  # the document's start: its <html>, <meta> and <link> tags are enough
_TAIL = 512
# attribute values a minifier may write without quotes (no space, slash, quote, = or <>)
_START_TAG = re.compile(rb"<[A-Za-z][^<>]*>")
_BARE = re.compile(rb"\s[\w:-]+=[A-Za-z0-9_.:#-]+(?=[\s>])")
_QUOTED_BARE_ABLE = re.compile(rb"""\s[\w:-]+=(["'])[A-Za-z0-9_.:#-]+\1""")
_ENDS_AT_A_TAG = re.compile(rb"</?[A-Za-z][^<>]*>\s*\Z")
MIN_BARE = 3  # unquoted values in the head: a policy, not a one-off hand edit
BARE_SHARE = 0.9  # of the values that could be unquoted, the share that is


def minified_whole(html: str | bytes | None) -> bool:
    """Is this a minifier's complete document: its start written the minifier's way
    (attribute values unquoted wherever they may be) and its last bytes a complete tag?"""
    if not html:
        return False
    head, tail = html[:_HEAD], html[-_TAIL:]
    if isinstance(head, str):
        head, tail = head.encode("utf-8", "replace"), tail.encode("utf-8", "replace")
    if _ENDS_AT_A_TAG.search(tail) is None:
        return False
    # a tag may hold several values: count per value, not per tag
    tags = _START_TAG.findall(head)
    bare = sum(len(_BARE.findall(t)) for t in tags)
    quoted = sum(len(_QUOTED_BARE_ABLE.findall(t)) for t in tags)
    return bare >= MIN_BARE and bare >= BARE_SHARE * (bare + quoted)
