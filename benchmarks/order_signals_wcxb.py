"""How often candidate signals of a body out of order or stripped of its subheadings fire on
real, healthy pages (holdout3's paragraphs_out_of_order, holdout13's
headings_dropped_by_converter).

    python benchmarks/order_signals_wcxb.py [--data ../shared/eval/wcxb-dev] [--limit N]

For every WCXB page (real sites' HTML; the pages are right, so a firing is a false alarm),
the page is extracted and the body's subheadings are found on the page
(PageHints.heading_of: a short body paragraph shown in a subheading). Counted:

- outline: the body's first subheading is deeper than a later one (an <h3> before the first
  <h2>), which a body rendered backwards shows (a section's <h3> comes before its <h2>);
- no subheading: bodies of at least N words with no subheading at all, which is what a
  converter that drops headings leaves;
- table of contents (pressguard.verdict.outline.toc_order_finding, the one that is a check):
  a list of jump links naming 3+ of the body's subheadings, most of its steps backwards;
- numbering: numbered item headings ("1. ...", "#3: ...") whose sequence is neither counting
  up nor counting down by one, a restart at 1 aside (items shuffled).

Results (711 pages, 1 December 2026; 597 with a subheading): outline fires on 49 (8.2%:
"Key takeaways" <h3> boxes above <h2> sections, <h4> sidebars, mixed levels), so a page's
outline is no evidence of order; no subheading: 94 of 683 bodies of 300+ words, 30 of 461
of 1,200+, 15 of 270 of 2,000+ (long reads and news without subheadings are normal, so a
page alone says nothing; the site's recorded pages cannot be measured here: no WCXB domain
has three pages); numbering: 9 of 159 pages with 3+ numbered item headings break the
sequence, 7 of them with a skip or a repeat (an item numbered twice, a heading the extraction
did not take) and 2 with a step back that is no restart (0046 "2, 4, 6, 3, 7"; 4218, nested
numbered lists). None of the three is near 0 on real pages, so none is a check. The table of
contents fires on 0 (88 pages have jump links reaching 3+ of their body's subheadings; a
first reading that took every jump link on the page and fired on two backward steps fired
on 3: "back to top" and in-text links, hence one list and most steps). It catches none of
the simulator's pages, which print no table of contents. 18.8 s wall, 9.5 s CPU.
"""

from __future__ import annotations

import sys

import wcxb_pages

LENGTHS = (300, 800, 1200, 2000)


def numbering_broken(numbers: list[int]) -> bool:
    """Counting up or down by one, restarting at 1 (two lists on a page) or at the top of a
    new countdown, is in order; any other step is a shuffle."""
    return any(b not in (a + 1, a - 1, 1) for a, b in zip(numbers, numbers[1:]))


def numbering_steps_back(numbers: list[int]) -> bool:
    """The stricter reading: a step back that is neither a restart at 1 nor a countdown's
    (a skip or a repeat is a slip, not a shuffle)."""
    return any(b < a and b not in (a - 1, 1) for a, b in zip(numbers, numbers[1:]))


def main(argv=None) -> int:
    from pressguard.verdict import body_structure as bs
    from pressguard.verdict.outline import toc_order_finding

    args = wcxb_pages.arguments(__doc__.splitlines()[0], argv)
    if args is None:
        return 2
    pages = with_heads = outline = numbered = broken = back = toc_fired = 0
    long_pages = {n: [0, 0] for n in LENGTHS}
    for pid, _gt, raw, item in wcxb_pages.extracted(args):
        pages += 1
        c = wcxb_pages.context(item, raw)
        levels, numbers = [], []
        for p in c.body:
            heading = c.page.heading_of(p) if len(p) <= bs.LIST_ITEM_MAX else None
            if heading is None:
                continue
            levels.append(int(heading.tag[1]))
            m = bs._ITEM.match(p)
            if m:
                numbers.append(int(m.group(1)))
        finding = toc_order_finding(c)
        if finding:
            toc_fired += 1
            print(f"{pid}: outline: {finding}")
        words = sum(len(p.split()) for p in c.body)
        for n in LENGTHS:
            if words >= n:
                long_pages[n][0] += 1
                long_pages[n][1] += not levels
        if levels:
            with_heads += 1
            if levels[0] > min(levels):
                outline += 1
        if len(numbers) >= 3:
            numbered += 1
            if numbering_broken(numbers):
                broken += 1
                back += numbering_steps_back(numbers)
                print(f"{pid}: numbering {numbers}")
    print(f"pages {pages}: {with_heads} with a subheading; outline (first subheading deeper than a "
          f"later one) fires on {outline}")
    print("no subheading: " + ", ".join(f"{bad} of {total} bodies of {n}+ words"
                                         for n, (total, bad) in long_pages.items()))
    print(f"numbering: {numbered} pages with 3+ numbered item headings, out of sequence on {broken}, "
          f"{back} of them stepping back (no restart)")
    print(f"table of contents (outline.toc_order_finding, the check): fires on {toc_fired}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
