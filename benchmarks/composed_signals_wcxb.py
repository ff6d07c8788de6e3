"""False alarms, on real pages, of the readings added for the composed resilience set
(benchmarks/resilience/compose.py, `run.py --compose`):

- incidents.dek_slot_finding: the element a page marks as its standfirst printing no summary
  (a placeholder, keywords, a photo credit, interface text) on a page whose item has
  no dek. The check asks only on a site every recorded page of which has a dek; WCXB pages
  have no recorded pages, so it is asked here on every page without a dek (the worst case).
- the agreement check's meta author on a page whose JSON-LD describes another article
  (checks._foreign_jsonld): the byline sharing no name with the meta author.
- english.judged_as_english on a page declaring another language: its body read as English
  as plainly as prose is (twice the floor). The check asks only on a site whose recorded
  pages are all English prose; here: how many pages declaring another language read so.

Added after the sweep of seeds 13-24:

- incidents.dek_slot_finding's slot printing the headline again (passed the item's headline).
- the dek glued to the headline (a slot fed from a block's text with no separator: "... and
  betterWhat happens next"): the completeness check's reading of the item's dek.
- markers.repeated_paragraphs reading a paragraph given again as the opening of a later one (an
  earlier revision's shorter wording before the published paragraph, at one distance): the
  pages where it fires and whole repeats alone would not, on the extracted bodies and on the
  ground truth's own paragraphs.
- the page scan's <amp-img alt> read as a picture (an AMP page's author picture and headline
  picture): every failing check on a page holding an <amp-img> is printed.

Added after holdout20 and holdout21 joined the draw (seeds 1 and 12):

- incidents.authors_finding on an item without authors whose byline credits a photo agency
  beside other text that names no person (an AI-use badge, a reading time): every firing is
  printed, and those the photo credit alone (every name a credit) would not have made.

    python benchmarks/composed_signals_wcxb.py [--data ../shared/eval/wcxb-dev] [--limit N]

Every WCXB development page is extracted (real pages, right fields: a firing is a false
alarm, or for the last one a page the reading newly judges); every firing is printed.
"""

from __future__ import annotations

import sys
from collections import Counter

import wcxb_pages


def _whole_repeats(body: list[str]) -> list[str]:
    """markers.repeated_paragraphs as it was before the openings were read: whole repeats only."""
    from pressguard.verdict.markers import REPEAT_MIN, REPEAT_MIN_CHARS

    seen, repeated = set(), []
    for para in body:
        key = " ".join(para.split()).casefold()
        if len(para) >= REPEAT_MIN_CHARS and key in seen and para not in repeated:
            repeated.append(para)
        seen.add(key)
    return repeated if len(repeated) >= REPEAT_MIN else []


def main(argv=None) -> int:
    from pressguard.extract.page import Page
    from pressguard.verdict import checks, english, incidents
    from pressguard.verdict.markers import repeated_paragraphs
    from pressguard.verdict.person_names import person_problem, split_names

    args = wcxb_pages.arguments(__doc__.splitlines()[0], argv)
    if args is None:
        return 2
    seen, fired = Counter(), Counter()
    for pid, gt, html, item in wcxb_pages.extracted(args):
        seen["pages"] += 1
        c = wcxb_pages.context(item, html)
        page = c.page
        if page is None:
            continue
        if not item.get("dek"):
            seen["pages without a dek"] += 1
            hit = incidents.dek_slot_finding(Page(None, c.url, parsed=page._parsed), page.description,
                                             item.get("headline"))
            if hit:
                fired["dek slot"] += 1
                print(f"{pid} dek slot: {hit}")
        if item.get("authors") and checks._foreign_jsonld(c) is not None:
            seen["pages with another article's JSON-LD and authors"] += 1
            agreement = checks.check_agreement(c)
            if "(meta author)" in agreement:
                fired["meta author under foreign JSON-LD"] += 1
                print(f"{pid} agreement: {agreement}")
        lang = english._declared_language(page)
        if lang and not (lang == "en" or lang.startswith("en-")):
            seen["pages declaring another language"] += 1
            common, total = english._english_counts(c)
            if total >= english.LANGUAGE_MIN_WORDS and common >= 2 * english.ENGLISH_MIN_SHARE * total:
                fired["another language declared, English read"] += 1
                print(f"{pid} declares {lang}, reads English: {common}/{total} common words")
        if item.get("dek") and "the headline glued to it" in checks.check_completeness(c):
            fired["the dek glued to the headline"] += 1
            print(f"{pid} dek glued: {item['dek'][:100]!r}")
        for what, body in (("extracted body", item.get("body") or []),
                           ("ground truth", wcxb_pages.reference_paragraphs(gt))):
            if repeated_paragraphs(body) and not _whole_repeats(body):
                fired[f"a paragraph given again after its opening ({what})"] += 1
                print(f"{pid} {what}: {repeated_paragraphs(body)[0][:100]!r}")
        if not item.get("authors"):
            seen["pages without authors"] += 1
            hit = incidents.authors_finding(c)
            if hit:
                alone = any(names and all(person_problem(n, c.site_names) == "a photo credit" for n in names)
                            for names in (split_names(t) for _, t in page.bylines))
                fired["authors: a photo credit in the byline" + ("" if alone else ", beside no person")] += 1
                print(f"{pid} authors: {hit}")
        if b"<amp-img" in html:
            seen["pages with an <amp-img>"] += 1
            failing = {k: v for k, v in checks.run_checks(item, html=html).items() if v != "ok"}
            if failing:
                fired["pages with an <amp-img> and a failing check"] += 1
                print(f"{pid} amp-img: {failing}")
    print(f"\n{dict(seen)}")
    print(f"fired: {dict(fired) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
