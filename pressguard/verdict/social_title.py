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


def social_title(c, headline: str, og_title: str, sources) -> bool:
    """Is og_title a social rewrite of the page's headline (see the module docstring)?
    c: checks._Context; sources: agreement's [(where, title)] for the page."""
    from . import checks as k  # checks calls this module: imported when first used

    visible = c.page.visible_h1 if c.page is not None else ""
    if not visible or not k._titles_agree(headline, visible):
        return False
    ld = [title for where, title in sources if where == "JSON-LD"]
    if ld:
        return k._titles_agree(headline, ld[0])
    mine, theirs = k._slug_share(c.url, headline), k._slug_share(c.url, og_title)
    return mine is not None and theirs is not None and mine >= k.SLUG_SUPPORT and theirs <= mine / 2
