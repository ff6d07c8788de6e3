"""How often the body-structure signals fire on real, healthy pages: text fetched by a
collapsed control (holdout18's sections_collapsed_to_first_block), prose running on without a
break (holdout13's headings_dropped_by_converter), and one that was tried and left out, a
subheading with the next subheading right after it (holdout8's invalid_blocks_dropped).

    python benchmarks/structure_signals_wcxb.py [--data ../shared/eval/wcxb-dev] [--limit N]

For every WCXB page (real sites' HTML; the pages are right, so a firing is a false alarm),
the page is extracted and:

- markers.fetched_on_expand runs on every element of the body's container (markers.body_container),
  as the markers check runs it; elements anywhere in the page that it would read are counted too;
- body_structure.prose_run: the bodies whose longest run of prose reaches RUN_MIN_WORDS (what
  the page alone would flag; run_finding judges only against the site's recorded pages, which
  no WCXB domain has three of);
- a subheading of the body (PageHints.heading_of) whose next element is a subheading of the
  same or a higher level (PageHints.is_subheading): a section with nothing under it;
- body_structure.subheading_misprinted (holdout20's subheadings_doubled_by_toc_anchor and
  block_bindings_subheadings_show_title) and body_structure.paragraphs_run_together
  (holdout20's wpautop_disabled_paragraphs_run_together), as the completeness check runs them.

Results (711 pages, 2 December 2026): fetched_on_expand fires on 0 (1 page carries a
control it would read, outside the body: a navigation dropdown with a data-href); 17 bodies
run 1,200+ words of prose without a break (long reads and news: why only the site's habit
decides); a subheading with the next right after it on 19 of 597 pages with a subheading
("Want to learn more?" over a box's own heading, stacked headings, a "1." heading over its
title: not a check). 8.6 s CPU. subheading_misprinted and paragraphs_run_together (2 December
2026): 0 of 711 (the headline as subheadings fired on 3 pages when one such subheading was
enough, and on 1 FAQ asking the headline's question twice when two were: hence every
subheading of the container, a lone one only after the body's first paragraph; the source's blank-line test reaches 10 pages whose blank lines
stand between paragraph elements).
"""

from __future__ import annotations

import sys

import wcxb_pages


def main(argv=None) -> int:
    from pressguard.extract.text import skip_blank
    from pressguard.verdict import body_structure as bs
    from pressguard.verdict.markers import body_container, fetched_on_expand

    args = wcxb_pages.arguments(__doc__.splitlines()[0], argv)
    if args is None:
        return 2
    pages = fired = anywhere = long_runs = with_heads = empty = misprinted = run_together = 0
    for pid, _gt, raw, item in wcxb_pages.extracted(args):
        pages += 1
        c = wcxb_pages.context(item, raw)
        if c.page is None:
            continue
        tree = c.page.tree
        if any(fetched_on_expand(el, tree) for el in tree.css('[aria-expanded="false"]')):
            anywhere += 1
        container = body_container(c)
        if container is not None and container.tag not in ("body", "html"):
            hit = next((why for el in container.traverse() if (why := fetched_on_expand(el, tree))), None)
            if hit:
                fired += 1
                print(f"{pid}: fetched on expand: {hit}")
        run = bs.prose_run(c.body)
        if run >= bs.RUN_MIN_WORDS:
            long_runs += 1
        for name, signal in (("misprinted subheading", bs.subheading_misprinted),
                             ("paragraphs run together", bs.paragraphs_run_together)):
            why = signal(c)
            if why:
                misprinted += signal is bs.subheading_misprinted
                run_together += signal is bs.paragraphs_run_together
                print(f"{pid}: {name}: {why}")
        heads = [(p, h) for p in c.body if len(p) <= bs.LIST_ITEM_MAX and (h := c.page.heading_of(p)) is not None]
        with_heads += bool(heads)
        for p, h in heads:
            n = skip_blank(h.next)
            if n is not None and c.page.is_subheading(n) and n.tag <= h.tag:
                empty += 1
                print(f"{pid}: empty section under {p[:50]!r} ({h.tag}, then {n.tag})")
                break
    print(f"pages {pages}: fetched_on_expand fires on {fired} (a control it reads anywhere in the page: {anywhere})")
    print(f"prose running {bs.RUN_MIN_WORDS}+ words without a break: {long_runs} bodies")
    print(f"a subheading right over the next: {empty} of {with_heads} pages with a subheading")
    print(f"subheading_misprinted fires on {misprinted}, paragraphs_run_together on {run_together}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
