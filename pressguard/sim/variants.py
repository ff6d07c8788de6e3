"""How the simulated sites differ from each other, the way the real ones do.

Same CMS, same blocks, yet each site has its own head tags, JSON-LD habits, attribute
order and the odd wrapper div. Spiders that only pass on one site's quirks fail here.
None of these knobs touches the confirmed selectors of docs/gamurs.md in the "current" version:
wrappers only go where a descendant (not child) selector crosses them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Variant:
    jsonld: str  # "graph" (Yoast @graph) | "bare" (one NewsArticle) | "partial" | "none"
    author_form: str  # JSON-LD author: "object" | "string" | "list"
    entity_headline: bool  # JSON-LD headline keeps HTML entities (&#8217;) the h1 does not
    og: bool  # og:* meta tags present
    meta_author: bool  # <meta name="author">
    data_first: bool  # <div data-author=.. class=..> instead of class first
    byline_link: bool  # author name inside <a href=/author/..> or bare text
    byline_wrapper: bool  # extra div between metadata__name and div[data-author]
    content_wrapper: bool  # extra div around the entry-content
    texturize: bool  # curly punctuation written as numeric entities (wptexturize output)
    video_after: str  # "Recommended Videos" after the "dek" or after paragraph one ("p1")
    staff_label: str  # byline of a staff piece; {title} = site title
    title_sep: str  # <title> separator


VARIANTS: dict[str, Variant] = {
    "wegotthiscovered": Variant("graph", "object", True, True, True, False, True, False, False,
                                True, "p1", "{title} Staff", " – "),
    "dotesports": Variant("graph", "list", False, True, False, True, False, True, False,
                          False, "dek", "{title}", " - "),
    "destructoid": Variant("bare", "string", True, True, True, False, True, False, True,
                           True, "p1", "{title} Staff", " – "),
    "twinfinite": Variant("partial", "object", False, True, True, True, True, False, False,
                          True, "dek", "{title} Staff", " | "),
    "siliconera": Variant("none", "object", False, False, True, False, True, True, False,
                          False, "p1", "{title}", " - "),
    "attackofthefanboy": Variant("bare", "object", False, True, False, False, False, False,
                                 True, True, "p1", "{title} Staff", " | "),
    "gamepur": Variant("graph", "string", False, True, True, True, True, False, False,
                       False, "dek", "{title} Staff", " - "),
    "primagames": Variant("graph", "list", True, True, True, False, True, True, True,
                          True, "p1", "{title}", " | "),
    "progameguides": Variant("none", "object", False, True, False, True, False, False, False,
                             False, "dek", "{title} Staff", " - "),
    "themarysue": Variant("partial", "list", True, False, True, False, True, False, True,
                          True, "p1", "{title}", " | "),
}
