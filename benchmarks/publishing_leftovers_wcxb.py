"""False alarms, on real pages, of three signals for what a publishing tool left in the text
(holdout21): a content spinner's choices printed unrendered ("{confirmed|announced}",
markup_leaks.unrendered_spintax, in the headline, the dek, the body's prose and the reference
text), an editor's tracked changes published unaccepted (incidents._tracked_changes: deletions
beside the insertions replacing them in the body's paragraphs) and shop buttons standing in
the article's sentences (incidents._buttons_in_sentences: an autolinker's buy button where a
name was).

    python benchmarks/publishing_leftovers_wcxb.py [--data ../shared/eval/wcxb-dev] [--limit N]

Every WCXB page (real sites' HTML; the pages are right, so a firing is a false alarm) is
extracted and each signal run as the checks run it. Every firing is printed, with how many
pages each signal could judge at all (a brace and a pipe in a field; a <del>/<s> in the page;
a link reading like a shop button inside a paragraph of the body's container).

Results (both halves, 711 pages, 2 December 2026): spintax fires on 0 (extracted fields and
reference lines); tracked changes on 0; shop buttons in sentences on 0. Written down in
benchmarks/resilience/README.md (holdout21's visible-text corruptions).
"""

from __future__ import annotations

import sys
import time
from collections import Counter

import wcxb_pages


def main(argv=None) -> int:
    from pressguard.extract.boilerplate import is_commerce_call
    from pressguard.verdict import incidents, markup_leaks
    from pressguard.verdict.wording import is_prose

    args = wcxb_pages.arguments(__doc__.splitlines()[0], argv)
    if args is None:
        return 2
    fired, seen = Counter(), Counter()
    t0 = time.process_time()
    for pid, gt, html, item in wcxb_pages.extracted(args):
        seen["pages"] += 1
        body = [p for p in item.get("body") or [] if isinstance(p, str)]
        texts = [(f, item.get(f), True) for f in ("headline", "dek")]
        texts += [("body", p, is_prose(p)) for p in body]
        texts += [("reference", p, is_prose(p)) for p in wcxb_pages.reference_paragraphs(gt)]
        for field, text, prose in texts:
            if isinstance(text, str) and "{" in text and "|" in text:
                seen["spintax"] += 1
                hit = markup_leaks.unrendered_spintax(text, prose)
                if hit:
                    fired["spintax"] += 1
                    print(f"{pid} {field}: {hit}")
        c = wcxb_pages.context(item, html)
        if b"<del" in html or b"<s>" in html or b"<strike" in html:
            seen["tracked"] += 1
        tracked = incidents._tracked_changes(c)
        if tracked:
            fired["tracked"] += 1
            print(f"{pid}: {tracked}")
        if c.container is not None and any(is_commerce_call(" ".join(a.text(deep=True).split()))
                                           for a in c.container.css("p a, li a, blockquote a")):
            seen["buttons"] += 1
        buttons = incidents._buttons_in_sentences(c)
        if buttons:
            fired["buttons"] += 1
            print(f"{pid}: {buttons}")
    print(f"{seen['pages']} pages; {time.process_time() - t0:.1f} s CPU")
    for name, what in (("spintax", "texts with a brace and a pipe"), ("tracked", "pages with a <del>, <s> or <strike>"),
                       ("buttons", "pages with a shop button's label in a paragraph of the body")):
        print(f"{name}: fires on {fired[name]} ({seen[name]} {what})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
