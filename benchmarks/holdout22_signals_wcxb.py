"""False alarms of holdout22's signals on real pages: a paywall's offer box after a paid part the
page serves whole, social tags stored percent-encoded, a byline run on at the dek's end, a month
that is the minute.

    python benchmarks/holdout22_signals_wcxb.py [--data ../shared/eval/wcxb-dev] [--limit N]

For every WCXB page (real sites' HTML; the pages are right, so a firing is a false alarm),
the page is extracted and, as the checks run them:

- markers.paywall_hides_nothing (paywall_markup_full_text_present: a paywall's offer box after
  the body withholds nothing when the part Google's paywalled-content markup, or the part's
  own class, names is served and read to the body's end): how many pages mark a paid part,
  and on how many the witness holds (each printed). It only lifts a finding, so a page it
  holds on is one whose paywall box is no longer a placeholder;
- meta.prose_content (og_tags_percent_encoded: a title or description tag decoded when it is
  clearly percent-encoded): every page where it changes a value, printed with the value;
- common.without_byline_tail (byline_run_on_from_standfirst): every standfirst slot (the
  generic reader's, generic.dek_slots) and the item's dek whose text ends in a byline it drops;
- date_order.minutes_for_month_finding (date_pattern_minutes_for_month): the pages it fires on,
  and how many state a time whose minute is the month at all.
"""

from __future__ import annotations

import sys

import wcxb_pages


def main(argv=None) -> int:
    from pressguard.extract import generic
    from pressguard.extract.common import without_byline_tail
    from pressguard.extract.meta import PROSE_KEYS, prose_content
    from pressguard.extract.page import page_for
    from pressguard.extract.text import node_text
    from pressguard.verdict.completeness_signals import iso_time
    from pressguard.verdict.date_order import minutes_for_month_finding
    from pressguard.verdict.markers import paywall_hides_nothing

    args = wcxb_pages.arguments(__doc__.splitlines()[0], argv)
    if args is None:
        return 2
    pages = marked = served = decoded = bylined = minute_months = month_findings = 0
    for pid, gt, raw, item in wcxb_pages.extracted(args):
        pages += 1
        c = wcxb_pages.context(item, raw)
        if c.page is None:
            continue
        if c.page.ld.paywalled_selectors():
            marked += 1
        if paywall_hides_nothing(c):
            served += 1
            print(f"{pid}: paywalled part served whole ({c.page.ld.paywalled_selectors()})")
        for meta in c.page.tree.css("meta[content]"):
            attrs = meta.attributes
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            content = (attrs.get("content") or "").strip()
            if key in PROSE_KEYS and prose_content(key, content) != content:
                decoded += 1
                print(f"{pid}: {key} {content[:80]!r} read as {prose_content(key, content)[:80]!r}")
                break
        deks = [(node, node_text(node)) for node, _ in generic.dek_slots(page_for(raw, gt["url"]))]
        deks += [(None, item["dek"])] if item.get("dek") else []
        cut = next(((text, without_byline_tail(text, node)) for node, text in deks
                    if without_byline_tail(text, node) != text), None)
        if cut is not None:
            bylined += 1
            print(f"{pid}: dek {cut[0][-80:]!r} read as ending {cut[1][-60:]!r}")
        published = iso_time(item.get("published"))
        if published is not None and published.minute == published.month:
            minute_months += 1
        finding = minutes_for_month_finding(c)
        if finding:
            month_findings += 1
            print(f"{pid}: {finding}")
    print(f"{pages} pages: paid part marked on {marked}, served whole and read to the end on {served}; "
          f"a title or description decoded from percent escapes on {decoded}; a byline dropped from a "
          f"standfirst on {bylined}; the minute as the month on {month_findings} (of {minute_months} "
          "whose minute is their month)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
