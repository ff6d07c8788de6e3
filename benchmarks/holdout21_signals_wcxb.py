"""False alarms of holdout21's three signals on real pages: a search keyphrase as the headline,
subheadings and list items run together in bare text, a page cut mid-word then written again.

    python benchmarks/holdout21_signals_wcxb.py [--data ../shared/eval/wcxb-dev] [--limit N]

For every WCXB page (real sites' HTML; the pages are right, so a firing is a false alarm),
the page is extracted and, as the checks run them:

- checks._keyphrase_headline (holdout21's headline_seo_keyword_h1_override: the headline a
  search keyphrase made from the title the JSON-LD headline, og:title and <title> agree on);
  how many headlines are all lower case, the only ones it reads further;
- body_structure.lines_run_together (kses_whitelist_strips_headings_and_lists: bare text in
  the body's container reading as lines glued with no space);
- markers.repeated_paragraphs (cache_file_interleaved_writes: a paragraph cut mid-word as the
  opening of its whole copy now counts): the pages it fires on, each printed.

Results (711 pages, 2 December 2026): the keyphrase fires on 0 of 9 all-lower-case headlines
(it fired on 2, one site's lower-case headlines beside a title ending "| Cultivating Health",
a site name the page's names miss, before a dropped labelled segment alone stopped counting);
lines_run_together on 0 (a sentence's end or a lower-case word glued to a capitalised one
stands twice or more in one body paragraph of 22 pages, code and sloppy sources among them:
hence bare text only, twice or more in one text); repeated_paragraphs on the same 10 pages as before the change.
"""

from __future__ import annotations

import sys

import wcxb_pages


def main(argv=None) -> int:
    from pressguard.verdict import checks
    from pressguard.verdict.body_structure import LINES_GLUED_MIN, _LINES_GLUED, lines_run_together
    from pressguard.verdict.markers import repeated_paragraphs

    args = wcxb_pages.arguments(__doc__.splitlines()[0], argv)
    if args is None:
        return 2
    pages = lower = keyphrase = glued = in_text = repeated = 0
    for pid, _gt, raw, item in wcxb_pages.extracted(args):
        pages += 1
        c = wcxb_pages.context(item, raw)
        if c.page is None:
            continue
        h = " ".join((item.get("headline") or "").split())
        if h and h == h.lower():
            lower += 1
            found = checks._keyphrase_headline(c, h)
            if found:
                keyphrase += 1
                print(f"{pid}: keyphrase {h!r}: {found}")
        # what a rule on the item's text alone would flag: the joins in any body paragraph
        in_text += any(len(_LINES_GLUED.findall(p)) >= LINES_GLUED_MIN for p in c.body_spaced)
        finding = lines_run_together(c)
        if finding:
            glued += 1
            print(f"{pid}: {finding}")
        if repeated_paragraphs(c.body, c.body_keys):
            repeated += 1
            print(f"{pid}: repeated paragraphs")
    print(f"{pages} pages: keyphrase headline {keyphrase} (of {lower} lower-case headlines), "
          f"lines run together {glued} (joins in a body paragraph's text, anywhere: {in_text}), "
          f"repeated paragraphs {repeated}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
