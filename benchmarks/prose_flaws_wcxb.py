"""False alarms of the prose-quality signals (pressguard.verdict.prose_flaws) on real pages.

    python benchmarks/prose_flaws_wcxb.py [--data ../shared/eval/wcxb-dev] [--limit N]

For every WCXB page (real sites' HTML with a hand-made reference of the main text), the
signals run twice on the page as it declares its language (only pages judged English are
judged): on pressguard's own extraction of the page, and on the reference text (its lines
as paragraphs: real prose as its writers wrote it). Every firing is printed with its
message, then the counts per signal. Real pages should give none: each firing is a false
alarm to explain, or a page that really prints its text wrongly.

Words lost with their links (link_holes) are judged against the site's recorded pages,
which a WCXB page has none of; its page-side evidence is counted on the extraction instead:
pages whose body prose shows holes, and pages where it would fire on a site whose recorded
pages all link inside their prose (holes, and no link left in the prose): the worst case.
Words glued at inline edges (glued_words) fire on a rate; the pages whose body prose shows
any such glue are listed too, with their counts: how near the real pages come to it.
"""

from __future__ import annotations

import sys
import time
from collections import Counter

import wcxb_pages

SIGNALS = {"line-end hyphens": "line-end hyphens", "OCR": "misread (OCR)", "drop cap": "drop cap",
           "lost opening": "opening words lost",
           "word filter": "a word filter starred", "glued words": "words glued where"}


def main(argv=None) -> int:
    from pressguard.verdict import english, glued_words, link_holes, prose_flaws

    args = wcxb_pages.arguments(__doc__.splitlines()[0], argv)
    if args is None:
        return 2
    fired = {"extraction": Counter(), "reference": Counter()}
    judged = Counter()
    holed = unlinked_holed = 0
    glue_pages = glue_many = 0
    pages = 0
    t0 = time.process_time()
    for pid, gt, html, item in wcxb_pages.extracted(args):
        url = gt["url"]
        pages += 1
        reference = wcxb_pages.reference_paragraphs(gt)
        for source, body in (("extraction", item.get("body") or []), ("reference", reference)):
            c = wcxb_pages.context({"url": url, "body": body}, html)
            if not english.judged_as_english(c):
                continue
            judged[source] += 1
            if source == "extraction":
                linked, holes = link_holes.link_habit(c.page, c.body)
                holed += holes > 0
                if holes and not linked:
                    unlinked_holed += 1
                    print(f"{pid} link holes {url}\n    {holes} holes, no link in the prose")
                boundaries, glued = glued_words.body_edges(c)
                if glued:
                    glue_pages += 1
                    glue_many += len(glued) >= glued_words.MIN_GLUED
                    print(f"{pid} glued words {url}\n    {len(glued)} of {boundaries} word boundaries at inline "
                          f"edges glued: {', '.join(w for w, _ in glued[:5])}")
            for finding in prose_flaws.body_findings(c):
                name = next(k for k, v in SIGNALS.items() if v in finding)
                fired[source][name] += 1
                print(f"{pid} {source:10} {url}\n    {finding[:300]}")
    cpu = time.process_time() - t0
    print(f"\n{pages} WCXB pages, {cpu:.1f} s CPU")
    for source in fired:
        counts = ", ".join(f"{k} {fired[source][k]}" for k in SIGNALS)
        print(f"{source}: {judged[source]} pages judged English; fired: {counts}")
    print(f"link holes (extraction): {holed} pages show holes in their prose; {unlinked_holed} would "
          f"fire on a site whose recorded pages all link inside their prose (holes and no link left)")
    print(f"glued words (extraction): {glue_pages} pages show a glued word at an inline edge in their prose, "
          f"{glue_many} of them {glued_words.MIN_GLUED}+")
    return 0


if __name__ == "__main__":
    sys.exit(main())
