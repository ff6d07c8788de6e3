"""False alarms, on real pages, of the incident signals added for holdout15's silent kinds
(pressguard/verdict/incidents.py): unserialised values in the prose ("[object Object]",
"NaN", "$undefined"), template variables left in the headline or dek ("%%title%%",
"{{ post.title }}"), social share copy as the dek, a
__NEXT_DATA__ hydration payload cut short; and date_order.month_early_finding (a date a month
before the URL's date or the article's own pictures' month); and incidents._update_time_as_published
(published read from an "Updated" stamp on a page stating no publication date: 8 of 526 dated
pages, the same 8 before and after holdout17's change that reads a stamp's carried time and
no longer counts update-labelled date elements as statements of publication; each of the 8
prints only "Updated <day>" and states no publication date, so its published is the update);
and english.foreign_paragraphs (2+ prose paragraphs in another language in an English body, or
one with no quotation mark in it since 2 December: not one such paragraph on any page):
0 of 693 pages judged as English (a share of English's common words alone fired on 30: list
lines and spec sheets, hence the other language's own function words); and
incidents._rest_elsewhere (a line after the body linking to another site for the rest of the
story): 0 of 711; incidents._auto_title (a headline that is the lede's first words cut off
with an ellipsis, the URL slug sharing at most a fifth of its words: holdout18): 0 of 711;
markup_leaks.esi_comment (an include in ESI's comment form, read by
unprocessed_includes): no WCXB page holds one, so it fires on 0; decoding_flaws' escapes
(\\u2013, a backslash before a quote) in any field or reference line.

    python benchmarks/incident_signals_wcxb.py [--data ../shared/eval/wcxb-dev] [--limit N]

Every WCXB page (real sites' HTML; the pages are right, so a firing is a false alarm) is
extracted; the prose signal runs on the extraction's body and on the reference text (its
lines as paragraphs), the others on the extracted headline and dek. Every firing is printed.
Results are written down in benchmarks/resilience/README.md ("holdout15 after fixes").
"""

from __future__ import annotations

import sys
import time
from collections import Counter

import wcxb_pages


def main(argv=None) -> int:
    from pressguard.verdict import date_order, decoding_flaws, english, incidents, markup_leaks

    args = wcxb_pages.arguments(__doc__.splitlines()[0], argv)
    if args is None:
        return 2
    fired, seen = Counter(), Counter()
    t0 = time.process_time()
    for pid, gt, html, item in wcxb_pages.extracted(args):
        seen["pages"] += 1
        reference = wcxb_pages.reference_paragraphs(gt)
        for source, body in (("prose (extraction)", item.get("body") or []), ("prose (reference)", reference)):
            hit = incidents._unserialised_in_prose(body)
            if hit:
                fired[source] += 1
                print(f"{pid} {source}: {hit}")
        # decoding_flaws' escapes (\\u2013, a backslashed quote) in any extracted field or reference line
        fields = [item.get("headline"), item.get("dek")] + list(item.get("body") or []) + list(reference)
        escape = next((p for t in fields if isinstance(t, str) and "\\" in t
                       for p in [decoding_flaws.text_problem(t)] if p and "escape" in p), None)
        if escape:
            fired["escape in a field"] += 1
            print(f"{pid}: {escape}")
        foreign = english.foreign_paragraphs(wcxb_pages.context(item, html))
        if foreign:
            fired["paragraphs in another language"] += 1
            print(f"{pid}: {foreign}")
        if markup_leaks.esi_comment(html):
            seen["esi"] += 1
            page = wcxb_pages.context(item, html).page
            esi = markup_leaks.unprocessed_includes(html, page.tree, item.get("body") or [])
            if esi:
                fired["ESI include in a comment"] += 1
                print(f"{pid}: {esi}")
        elsewhere = incidents._rest_elsewhere(wcxb_pages.context(item, html))
        if elsewhere:
            fired["rest elsewhere (excerpt)"] += 1
            print(f"{pid}: {elsewhere}")
        for field in ("headline", "dek"):
            text = item.get(field)
            if isinstance(text, str) and text.strip():
                seen[field] += 1
                if field == "headline":
                    auto = incidents._auto_title(wcxb_pages.context(item, html), " ".join(text.split()))
                    if auto:
                        fired["auto-title (headline)"] += 1
                        print(f"{pid}: {auto}")
                var = incidents._template_variable(text)
                if var:
                    fired[f"template variable ({field})"] += 1
                    print(f"{pid} {field}: {var!r} in {text[:80]!r}")
        if item.get("published"):
            seen["dated"] += 1
            c = wcxb_pages.context(item, html)
            early = date_order.month_early_finding(c)
            if early:
                fired["month early (published)"] += 1
                print(f"{pid}: {early}")
            updated = incidents._update_time_as_published(c)
            if updated:
                fired["update time as published"] += 1
                print(f"{pid}: {updated}")
        if b"__NEXT_DATA__" in html:
            seen["next"] += 1
            c = wcxb_pages.context(item, html)
            cut = incidents._payload_cut_short(c)
            if cut:
                fired["hydration payload cut short"] += 1
                print(f"{pid}: {cut}")
        dek = item.get("dek")
        if isinstance(dek, str) and dek.strip():
            share = incidents._share_copy(" ".join(dek.split()))
            if share:
                fired["share copy (dek)"] += 1
                print(f"{pid}: {share}")
    print(f"{seen['pages']} pages ({seen['headline']} with a headline, {seen['dek']} with a dek, {seen['next']} with a __NEXT_DATA__ payload, {seen['dated']} dated); "
          f"{time.process_time() - t0:.1f} s CPU")
    for name in ("prose (extraction)", "prose (reference)", "template variable (headline)",
                 "template variable (dek)", "share copy (dek)", "hydration payload cut short",
                 "month early (published)", "update time as published", "paragraphs in another language", "rest elsewhere (excerpt)", "ESI include in a comment",
                 "escape in a field", "auto-title (headline)"):
        print(f"{name}: fires on {fired[name]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
