"""Is the dek the page shows this story's standfirst? Read against the site's habit of
printing its description as its dek.

    dek_is_description(dek, page) -> bool   what the site profile counts per recorded page
    dek_finding(c) -> str | None            completeness's finding, naming dek
    tagline_finding(c) -> str | None        completeness's finding, naming dek: the site's tagline
    swapped_finding(c) -> str | None        the headline check's finding: title and standfirst swapped

Many themes fill the standfirst under the headline and the meta description from one excerpt
field, so on such a site every page's dek is its description, word for word. When a page of
such a site shows a dek that shares almost none of its subject words with the description it
still states (nor with its headline), the slot holds other text: another story's standfirst
from a fragment cached without the post ID, a field mapped to the wrong post. The page itself
cannot tell this (real sites often write the dek apart from the description), so the habit is
the site's, learned from its recorded pages (pressguard.verdict.site_profile: with_described_dek):
judged only where every one of 3+ recorded pages has a dek that is its description.

An editor who rewrites the standfirst after the description was written keeps most of its
subject words (a rewording, an added clause): only a dek sharing at most a quarter of its
subject words with the description and the headline together is judged.

False alarms on real pages: none can fire on WCXB (no domain there has 3 pages, so no site
has a profile). What the pages do say about the habit: of the 109 pages with both an
extracted dek and a description, 62 print the description as the dek (the habit is common);
of the 47 others, 8 share no subject word with their description and headline, 2 of them
right deks (pages 0279 and 4591; the rest are date or byline lines taken for a dek): on a
site without the habit such deks are normal, which is why the page alone is not judged
(benchmarks/silent_signals_wcxb.py).
"""

from __future__ import annotations

import html as htmllib
import re

from ..extract.boilerplate import fold
from .topic import topic_words
from .wording import quote

# a standfirst sharing this little of its subject with the description and the headline is
# about something else (another story's was 0 to 12% on every case measured)
SHARED_MAX = 0.25
MIN_DEK_WORDS = 4  # subject words: a short label ("Updated") is no standfirst to compare


def _said(page) -> list[str]:
    """The page's descriptions as stated: meta description, og:description, the JSON-LD
    article's."""
    return [d for d in (page.meta.first("description"), page.meta.first("og:description"),
                        page.jsonld.description()) if d]


def _is_one_of(dek: str, said: list[str]) -> bool:
    from ..extract.common import _squash_headline

    spaced = " ".join(dek.split())
    if any(" ".join(htmllib.unescape(d).split()) == spaced for d in said):
        return True  # as stated, whitespace aside: the common case, read without squashing
    squashed = _squash_headline(dek)
    return any(_squash_headline(d) == squashed for d in said)


def dek_is_description(dek, page) -> bool:
    """Is this dek one of the page's descriptions (entities, case, punctuation aside)?"""
    return isinstance(dek, str) and bool(dek.strip()) and _is_one_of(dek, _said(page))


def dek_finding(c) -> str | None:
    """dek: on a site whose recorded pages all print their description as their dek, a dek
    that is not this page's description and shares almost none of its subject words with it
    or the headline: another story's standfirst."""
    from ..extract.page import Page, page_for

    dek, prof = c.item.get("dek"), c.profile
    if not isinstance(dek, str) or not dek.strip() or prof is None or c._source is None:
        return None
    if not prof.always("dek") or prof.with_described_dek != prof.pages:
        return None
    page = c._source if isinstance(c._source, Page) else page_for(c._source, c.url, budget=None)
    said = _said(page)
    if not said or _is_one_of(dek, said):
        return None
    words = topic_words(dek)
    if len(words) < MIN_DEK_WORDS:
        return None
    known = topic_words(" ".join(htmllib.unescape(d) for d in said) + " " + (c.item.get("headline") or ""))
    shared = len(words & known) / len(words)
    if shared > SHARED_MAX:
        return None
    return (f"dek: this story's standfirst, its description {quote(htmllib.unescape(said[0]), 60)} (each of "
            f"the site's {prof.pages} recorded pages prints its description as its dek), found {quote(dek, 60)}, "
            f"which shares {shared:.0%} of its subject words with the description and the headline")

# A dek naming its publisher shares most of its other subject words with its story when it is
# a standfirst (62 to 100% on the 4 WCXB dev deks that name their site), at most a third when
# it is the site-wide tagline (the words a tagline lists: news, reviews, latest)
TAGLINE_SHARED_MAX = 0.5


def tagline_finding(c) -> str | None:
    """dek: the site's own tagline in the standfirst's slot (a theme that falls back to the
    site-wide description when a post's excerpt is lost): the dek names the publisher, and
    what else it says shares almost none of its subject words with the headline and the body.
    A standfirst is about its story; one naming its publisher ("Polygon's review ...") still
    shares the story's words. Judged on the page alone, whatever the site's habit."""
    dek = c.item.get("dek")
    if not isinstance(dek, str) or not dek.strip():
        return None
    folded = fold(dek)  # a name the case-blind search finds is in the folded dek (boilerplate.fold)
    named = [n for n in c.site_names if len(n) >= 4 and fold(n) in folded
             and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", dek, re.I)]
    if not named:
        return None
    words = topic_words(dek) - topic_words(" ".join(named))
    if len(words) < MIN_DEK_WORDS - 1:
        return None
    story = topic_words(" ".join([c.item.get("headline") or ""] + [p for p in c.body if isinstance(p, str)]))
    shared = len(words & story) / len(words)
    if shared > TAGLINE_SHARED_MAX:
        return None
    return (f"dek: this story's standfirst, found {quote(dek, 60)}: it names the site ({quote(named[0], 30)}) "
            f"and shares {shared:.0%} of its other subject words with the headline and the body (the site's "
            "tagline, not a summary)")


def swapped_finding(c) -> str | None:
    """headline: the title and the standfirst printed the wrong way round (a header template
    that maps the excerpt to the heading and the title to the standfirst's slot): the headline
    is the page's description word for word and the dek is its title as the metadata states it
    (JSON-LD headline, og:title, else the <title> less the site's name). A headline that is the
    description happens on real pages (6 of 711 WCXB dev pages, one with another <title>); one
    with the title shown as its dek at once, on none of them (benchmarks/silent_signals_wcxb.py)."""
    from .titles import strip_site

    h, dek, page = c.item.get("headline"), c.item.get("dek"), c.page
    if page is None or not isinstance(h, str) or not isinstance(dek, str) or not h.strip() or not dek.strip():
        return None
    said = [d for d in (page.meta.get("description", [])[:1] + page.meta.get("og:description", [])[:1]
                        + [page.ld.description()]) if d]
    if not said or not _is_one_of(h, said) or _is_one_of(dek, [h]):
        return None
    titles = [("JSON-LD headline", t) for t in page.jsonld[0][:1]]
    if page.og_title:
        titles.append(("og:title", strip_site(htmllib.unescape(page.og_title), c.site_names)))
    if not titles:
        node = page.tree.css_first("title")
        text = strip_site(htmllib.unescape(" ".join(node.text().split())), c.site_names) if node is not None else ""
        titles = [("<title>", text)] if text else []
    where = next((w for w, t in titles if _is_one_of(dek, [t])), None)
    if where is None:
        return None
    return c.fail("headline", f"the title {quote(dek, 70)} (the page's {where})",
                  f"{quote(h, 70)}, the page's description, with the title printed as the dek (the two fields swapped)")
