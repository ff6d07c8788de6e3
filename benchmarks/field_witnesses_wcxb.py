"""False alarms, on real pages, of the field witnesses added for the single-field corruptions
holdout11 and holdout14 left silent: a witness of a field elsewhere in the page that
contradicts the extracted field.

    python benchmarks/field_witnesses_wcxb.py [--data ../shared/eval/wcxb-dev] [--limit N]

- authors: the author picture in the byline's box names none of the byline's names, on a page
  whose metadata names no writer and which links no author page under a byline name
  (checks._picture_disagrees, part of agreement).

Result (711 pages, 2 December 2026): 30 pages with authors and an author picture in the
byline's box, 13 of them naming no writer in metadata; fires on 0. (Without the gate on
metadata, the picture disagrees with right bylines on 3 of the 30: a reviewer's picture, a
picture of other staff, an alt reading "Author <name>": the picture alone is no witness.)
- headline: a picture's alt is the headline and reads on, inside its last word or word by word as
  the URL slug reads on past it (incidents._cut_against_picture, part of headline). Result: 12
  pages have an alt that is the headline and goes on (" banner", " | Site", " Header Image",
  " 4"), none inside a word nor as the slug does; fires on 0.

Every WCXB page (real sites' HTML; the pages are right, so a firing is a false alarm) is
extracted and each witness judged on the item; every firing is printed, with how many pages
each witness can judge at all.
"""

from __future__ import annotations

import sys
import time
from collections import Counter

import wcxb_pages


def main(argv=None) -> int:
    from pressguard.verdict import checks, incidents
    from pressguard.verdict.person_names import person_problem

    args = wcxb_pages.arguments(__doc__.splitlines()[0], argv)
    if args is None:
        return 2
    fired, seen = Counter(), Counter()
    t0 = time.process_time()
    for pid, gt, html, item in wcxb_pages.extracted(args):
        seen["pages"] += 1
        c = wcxb_pages.context(item, html)
        h = " ".join((item.get("headline") or "").split())
        if h:
            seen["headline"] += 1
            cut = incidents._cut_against_picture(c, h)
            if cut:
                fired["headline: cut against a picture's alt"] += 1
                print(f"{pid}: {cut}")
        authors = [a for a in item.get("authors") or [] if isinstance(a, str)]
        if authors and c.page.byline_pictures:
            seen["byline pictures"] += 1
            ld = [n for n in c.page.jsonld[1] if person_problem(n, c.site_names) is None]
            if not ld and not c.page.meta.get("author"):
                seen["byline pictures, no writer in metadata"] += 1
                hit = checks._picture_disagrees(c, authors)
                if hit:
                    fired["authors: author picture"] += 1
                    print(f"{pid}: {hit}")
    print(f"{seen['pages']} pages; {seen['byline pictures']} with authors and an author picture in the "
          f"byline's box, {seen['byline pictures, no writer in metadata']} of them naming no writer in "
          f"metadata; {time.process_time() - t0:.1f} s CPU")
    for name in ("authors: author picture", "headline: cut against a picture's alt"):
        print(f"{name}: fires on {fired[name]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
