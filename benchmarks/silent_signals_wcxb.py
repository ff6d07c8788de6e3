"""False alarms of the day-month swap and dek-source signals on real pages.

    python benchmarks/silent_signals_wcxb.py [--data ../shared/eval/wcxb-dev] [--limit N]

For every WCXB page (real sites' HTML; the pages are right, so a firing is a false alarm),
the page is extracted and:

- pressguard.verdict.date_order.swapped_finding runs on the item: every firing is printed,
  with how many pages the signal can judge at all (a date, pictures named after the slug in
  a dated upload folder, a date before their month, a headline naming a month);
- the dek is compared with the page's descriptions (dek_source.dek_is_description): how
  many pages print their description as their dek (the habit the site profile learns), and
  which deks share no subject word with the description and the headline (what the page
  alone would flag; dek_source judges only on a site with the habit, which WCXB, with no
  domain of 3 pages, never has).

Results (both halves, 711 pages, 1 December 2026): date_order fires on 0 (526 dated, 9 with
pictures of their own, 2 of them dated before their pictures' month, 3 headlines naming a
month); of 109 pages with a dek and a description, 62 print the description as the dek, and
8 deks share no subject word with description and headline: 6 are lines the extraction took
for a dek (a date and byline line, "Over 6,000 users."), 2 are right deks (0279, 4591).
7.9 s CPU.

- dek_source.tagline_finding (the site's tagline as the dek: a dek naming the site whose other
  subject words the story does not share) runs on every extracted dek. 2 December 2026: of 113
  deks, 4 name their site (iRunFar twice, Serious Eats, SoundGuys), sharing 62 to 100% of their
  other subject words with headline and body; it fires on 0.
"""

from __future__ import annotations

import html as htmllib
import sys
from datetime import date
from types import SimpleNamespace

import wcxb_pages


def main(argv=None) -> int:
    from pressguard.extract.page import Page
    from pressguard.verdict import checks, date_order, dek_source
    from pressguard.verdict.completeness_signals import iso_time
    from pressguard.verdict.topic import topic_words

    args = wcxb_pages.arguments(__doc__.splitlines()[0], argv)
    if args is None:
        return 2
    pages = dated = own = before = titled = fired = 0
    with_dek = described = 0
    unrelated = []
    deks = taglines = 0
    for pid, gt, raw, item in wcxb_pages.extracted(args):
        url = gt["url"]
        pages += 1
        published = iso_time(item.get("published"))
        if published is not None:
            dated += 1
            _slug, months = date_order.own_picture_months(url, raw)
            own += bool(months)
            if len(months) == 1:
                (y, m), = months
                before += date(published.year, published.month, 1) < date(y, m, 1)
            titled += date_order._titled_month(item.get("headline") or "") is not None
            finding = date_order.swapped_finding(SimpleNamespace(item=item, url=url, html=raw, _source=None))
            if finding:
                fired += 1
                print(f"{pid}: date_order: {finding}")
        dek = item.get("dek")
        if dek:
            deks += 1
            tagline = dek_source.tagline_finding(checks._Context(item, raw, None, None, None, True))
            if tagline:
                taglines += 1
                print(f"{pid}: tagline: {tagline}")
            page = Page(raw, url)
            said = [d for d in (page.meta.first("description"), page.meta.first("og:description"),
                                page.jsonld.description()) if d]
            if said:
                with_dek += 1
                if dek_source.dek_is_description(dek, page):
                    described += 1
                else:
                    words = topic_words(dek)
                    known = topic_words(" ".join(htmllib.unescape(d) for d in said) + " "
                                         + (item.get("headline") or ""))
                    if words and not words & known:
                        unrelated.append(pid)
    print(f"pages {pages}: date_order fired on {fired} ({dated} dated, {own} with pictures named after "
          f"their slug, {before} dated before their pictures' month, {titled} headlines naming a month)")
    print(f"deks: {with_dek} pages with a dek and a description, {described} print the description as "
          f"the dek; sharing no subject word with description and headline: {len(unrelated)} "
          f"({', '.join(unrelated)})")
    print(f"tagline as dek: fires on {taglines} of {deks} deks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
