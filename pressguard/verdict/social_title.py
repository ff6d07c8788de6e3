"""A title written for social feeds is not a second headline.

SEO plugins have a "social title" field (Yoast, Rank Math) that social desks fill with a
rewrite for sharing ("Why everyone is talking about X right now"); og:title, twitter:title
and often <title> then read it while the page's <h1> and the CMS's article record keep the
story's title. That og:title says something else is no finding about the headline when the
headline is the visible <h1> and a record the CMS keeps of the story's title names it too:
the JSON-LD headline, or, on a page without one, the URL's slug (written from the title at
publication) naming the headline and not the og:title. A stale header fragment (another
story's title in the h1 under this story's metadata) fails that test: neither the JSON-LD
nor the slug names the h1.
"""

from __future__ import annotations

import re

from .titles import titles_agree
from .topic import SLUG_SUPPORT, slug_share
from .wording import norm, quote


def social_title(c, headline: str, og_title: str, sources) -> bool:
    """Is og_title a social rewrite of the page's headline (see the module docstring)?
    c: checks._Context; sources: agreement's [(where, title)] for the page."""
    visible = c.page.visible_h1 if c.page is not None else ""
    if not visible or not titles_agree(headline, visible):
        return False
    ld = [title for where, title in sources if where == "JSON-LD"]
    if ld:
        return titles_agree(headline, ld[0])
    mine, theirs = slug_share(c.url, headline), slug_share(c.url, og_title)
    return mine is not None and theirs is not None and mine >= SLUG_SUPPORT and theirs <= mine / 2


# "Kicker: title", "Game review – verdict": a leading part, then a colon or a spaced dash
_LEADING_PART = re.compile(r"^(.{3,80}?)(?::| [\-\u2013\u2014]) (.+)$")


def title_says_otherwise(c, headline: str, title: str) -> str | None:
    """The opposite case: the page's own title (og:title, else <title> less the site's name),
    on a page with no JSON-LD headline, shows that the h1 is not the story's title. Either
    the h1 is the title's part after a separator and the page shows the leading part
    nowhere (a header that renders "Kicker: Title" as two fields, one of them dropped), or
    the URL's slug names the title and shares no subject word with the h1 (another story's
    headline in a cached header fragment). A title reworded for search or for the feeds
    keeps the story's subject, and a kicker the page prints above the h1 is shown: neither
    fires. Returns the finding's wording, or None."""
    if c.page is None or not headline or not title:
        return None
    lost = _kicker_lost(c, headline, title)
    if lost:
        return f"headline {quote(headline, 60)} missing the leading part {quote(lost, 40)} of the page's title " \
               f"{quote(title, 60)}, a part the page shows nowhere"
    if titles_agree(headline, title):
        return None
    mine, theirs = slug_share(c.url, headline), slug_share(c.url, title)
    if mine == 0 and theirs is not None and theirs >= SLUG_SUPPORT:
        return f"headline {quote(headline, 60)} sharing no word with the URL, which names the page's title " \
               f"{quote(title, 60)}"
    return None


def _kicker_lost(c, headline: str, title: str) -> str | None:
    m = _LEADING_PART.match(title)
    if m is None or norm(m.group(2)) != norm(headline) or c.page.shows(m.group(1)):
        return None
    return m.group(1)
