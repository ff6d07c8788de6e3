"""Is this page an article at all? Listings, forums, product and service pages get an
honest answer instead of an invented body and author.

Two kinds of evidence, both conservative (measured on WCXB's article pages, where none
may fire):

* the page's own JSON-LD, when it names no article: a Product, a CollectionPage, a
  SearchResultsPage, a forum thread (DiscussionForumPosting, QAPage), a ProfilePage;
  og:type "product";
* structure: the article container holds little prose while the page is a run of
  headline-sized links (teaser cards): a listing, unless the page says it is one article
  (a short story beside many teasers is still a story): it declares so (JSON-LD, og:type),
  or its URL's last segment spells its headline ("/Man-stabbed-in-Berlin-608399").
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

from .generic_body import TEASER_LINK  # a link this long reads like another article's headline
from .jsonld import types_of

_JSONLD_KINDS = {
    "product": "product", "productgroup": "product", "offer": "product",
    "collectionpage": "listing", "searchresultspage": "listing",
    "discussionforumposting": "forum", "qapage": "forum",
    "profilepage": "profile",
}
_MIN_TEASERS = 8       # a listing has many of them
_MAX_PROSE = 500       # and its best container holds little prose of its own


def _jsonld_kind(page) -> str | None:
    if page.jsonld.article is not None:
        return None
    for node in page.jsonld.nodes:
        for t in types_of(node):
            kind = _JSONLD_KINDS.get(t)
            if kind:
                return kind
    og = (page.meta.first("og:type") or "").lower()
    if og.startswith("product"):
        return "product"
    return None


def _listing(lay, prose_chars: int) -> bool:
    """Little prose, many headline-sized links: a page of teasers."""
    if prose_chars >= _MAX_PROSE:
        return False
    teasers = teaser_chars = 0
    for i, tag in enumerate(lay.tags):
        if tag == "a" and lay.deep[i] >= TEASER_LINK:
            teasers += 1
            teaser_chars += lay.deep[i]
    return teasers >= _MIN_TEASERS and teaser_chars > 2 * prose_chars


def page_kind(page, lay, prose_chars: int, headline: str = "") -> str | None:
    """None for an article, else what the page is: "product", "listing", "forum",
    "profile"."""
    kind = _jsonld_kind(page)
    if kind:
        return kind
    if lay is not None and not _declares_article(page) and not url_names_headline(page.given_url, headline) \
            and _listing(lay, prose_chars):
        return "listing"
    return None


def slug(text: str) -> str:
    """"Tomás Ó Briain" -> "tomas-o-briain": text as a URL segment spells it."""
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


_MIN_SLUG_WORDS = 4     # "/news/berlin" or "/man-stabbed/" is a section or a tag, not a headline
_SLUG_SHARE = 0.6       # slugs drop a few small words ("a", "the") or cut the headline short


def url_names_headline(url: str, headline: str) -> bool:
    """Does the URL's last path segment spell the headline? Then the page is that one
    article: a listing's URL names a section, a tag or a page number."""
    words = slug(headline).split("-") if headline else []
    if len(words) < _MIN_SLUG_WORDS:
        return False
    segments = [seg for seg in urlsplit(url).path.split("/") if seg]
    if not segments:
        return False
    in_url = set(slug(segments[-1].rsplit(".", 1)[0]).split("-"))
    shared = sum(1 for w in words if w in in_url)
    return shared >= _MIN_SLUG_WORDS and shared >= _SLUG_SHARE * len(words)


def _declares_article(page) -> bool:
    """The page says it is one article (a JSON-LD article, og:type "article"): then a
    short story among many teaser links is still an article, not a listing."""
    return page.jsonld.article is not None or (page.meta.first("og:type") or "").lower() == "article"
