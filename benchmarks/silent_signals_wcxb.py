"""False alarms of the day-month swap, dek-source, swapped-title, date-stamp, byline and auto-title signals on real pages.

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
- The bylines helper's signals (2 December 2026, both halves, 711 pages, 24 s): the loop-leak
  date stamp (coherence.printed_date_finding) fires on 0 of the 132 pages that print a stamp
  of their own beside a stated time (a stamp that only differs from the metadata would fire on
  5 of them: an original date beside a republished time, an event's date, a paper's date, which
  is why another listed story's date and writer are required); an author link showing its own
  slug (checks._slug_byline) fires on 0; the auto-title (incidents._auto_title) can judge none
  (no extracted headline ends in an ellipsis). The crowded byline needs a site profile, which
  WCXB has none of; what it would weigh: 6 pages credit 5+ people, the one real round-up among
  them (0079, 8 names) credited in full by its JSON-LD and meta author (so never judged), the
  others teaser or testimonial names read as authors, a paper's 5 authors, and a listing page.
- The dateline's update before its publication (date_order.update_before_publication_finding:
  a labelled "Updated" line earlier than the publication stamp beside it, in one short box,
  the publication stamp stating the item's time). 2 December 2026, both halves, 711 pages: 53
  pages print a labelled update line, 6 print it in a dateline beside the item's publication,
  and it fires on 0. One update line precedes the item's publication anywhere on its page
  (0283, "Last Updated: January 31, 2024" beside a contact form, on a post published in
  October 2024): what a rule on the update line alone would flag, hence the dateline box. The
  machine-readable rule (the publication later than the stated modification) would flag 9
  pages: 5 scheduled posts (saved, published untouched hours or days later), 3 whose times
  disagree by a zone's 5 hours, and 0358, whose JSON-LD states its update (Aug 21, 2025) as
  datePublished while its byline prints "Published Apr 26, 2023 / Updated Aug 21, 2025" (a
  wrong date the extraction takes from the JSON-LD; its update line is not after it).
- dek_source.swapped_finding (the title and the standfirst swapped: the headline is the page's
  description and the dek its title), 2 December 2026: 6 headlines are their page's
  description (5 also its title); it fires on 0.
- The item holding the dateline's update (date_order.update_as_publication_finding: the item's
  time is the labelled "Updated" line's, not the earlier labelled "Published" line's beside it;
  lines read from date elements and from the box around the byline). 2 December 2026: 3 pages
  print both labelled lines; it fires on 1, 0358 above, rightly: the ground truth's
  publish_date is 2023-04-26, the item's 2025-08-21 (the JSON-LD's datePublished is the update).
"""

from __future__ import annotations

import html as htmllib
import sys
from datetime import date, timedelta
from types import SimpleNamespace

import wcxb_pages


CROWDED = 5  # people a byline names: reported, with how many the page's metadata credits


def main(argv=None) -> int:
    from pressguard.extract.page import Page
    from pressguard.verdict import checks, coherence, date_order, dek_source, incidents
    from pressguard.verdict.person_names import person_problem, split_names, squash
    from pressguard.verdict.completeness_signals import iso_time
    from pressguard.verdict.topic import topic_words

    args = wcxb_pages.arguments(__doc__.splitlines()[0], argv)
    if args is None:
        return 2
    pages = dated = own = before = titled = fired = 0
    with_dek = described = 0
    unrelated = []
    deks = taglines = 0
    as_description = swap_fired = 0
    stamped = stamp_fired = slug_fired = ellipsed = auto_fired = 0
    update_lines = datelined = update_fired = meta_before = labelled_both = 0
    as_update_fired = []
    updated_before = []
    crowded = []
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
            finding = date_order.swapped_finding(SimpleNamespace(item=item, url=url, html=raw, _source=None,
                                                                   picture_months=(_slug, months)))
            if finding:
                fired += 1
                print(f"{pid}: date_order: {finding}")
        ctx = wcxb_pages.context(item, raw)
        if ctx.page is not None and ctx.page.tree.body is not None:
            # the loop-leak stamp: how many pages print a date stamp of their own beside a
            # stated time (what it can judge), and its firings
            if published is not None and (item.get("provenance") or {}).get("published") in ("meta", "jsonld") \
                    and coherence._date_stamp(ctx.page) is not None:
                stamped += 1
            # the dateline's update before its publication: pages printing a labelled update
            # line, pages whose dateline prints it beside the item's publication (what the
            # signal can judge), update lines anywhere before the item's publication, firings
            if published is not None:
                meta_before += any(m < published - timedelta(minutes=1)
                                   for m in date_order.stated_modifications(ctx.page))
                stamps = date_order.own_stamps(ctx.page)
                updates = [s for s in stamps if s.kind == "updated"]
                update_lines += bool(updates)
                updated_before += [f"{pid} ({s.line})" for s in updates if s.when.date() < published.date()]
                datelined += any(date_order.dateline_pairs(stamps, published))
                early_update = date_order.update_before_publication_finding(ctx)
                if early_update:
                    update_fired += 1
                    print(f"{pid}: update before publication: {early_update}")
                # the item holding the dateline's update: pages printing both labelled lines,
                # and firings with the ground truth's publish_date (a firing on a date the
                # ground truth also gives is a false alarm)
                both = {s.kind for s in stamps + date_order._byline_box_stamps(ctx.page)} >= {"published", "updated"}
                labelled_both += both
                as_update = date_order.update_as_publication_finding(ctx)
                if as_update:
                    truth = (gt["ground_truth"] or {}).get("publish_date") if isinstance(gt["ground_truth"], dict) else None
                    as_update_fired.append(f"{pid} (ground truth {truth}, item {published.date()})")
                    print(f"{pid}: update as publication: {as_update} [ground truth publish_date {truth}]")
            leaked = coherence.printed_date_finding(ctx)
            if leaked:
                stamp_fired += 1
                print(f"{pid}: printed date: {leaked}")
            headline = " ".join((item.get("headline") or "").split())
            if headline.endswith("\u2026"):
                ellipsed += 1
                auto = incidents._auto_title(ctx, headline)
                if auto:
                    auto_fired += 1
                    print(f"{pid}: auto-title: {auto[1]}")
            slugged = checks._slug_byline(ctx.page)
            if slugged:
                slug_fired += 1
                print(f"{pid}: slug byline: {slugged}")
            # the crowded byline needs a site profile (none here): how many people the page
            # credits, and whether its metadata credits as many (what lets a real round-up pass)
            shown = len(item.get("authors") or [])
            for _, text in ctx.page.bylines:
                shown = max(shown, len({squash(n) for n in split_names(text)
                                        if person_problem(n, ctx.site_names) is None}))
            if shown >= CROWDED:
                meta = [n for raw_name in ctx.page.meta.get("author", []) for n in split_names(raw_name)]
                backed = max(len(ctx.page.jsonld[1]), len(meta))
                crowded.append(f"{pid} ({shown} names, metadata {backed})")
        dek = item.get("dek")
        if ctx.page is not None:
            # the title and the standfirst swapped: how many headlines are the page's description
            # (what it can judge), and its firings (the title printed as the dek too)
            said = [d for d in ctx.page.meta.get("description", [])[:1] + ctx.page.meta.get("og:description", [])[:1]
                    + [ctx.page.ld.description()] if d]
            as_description += bool(item.get("headline")) and dek_source._is_one_of(item["headline"], said)
            swapped = dek_source.swapped_finding(ctx)
            if swapped:
                swap_fired += 1
                print(f"{pid}: swapped: {swapped}")
        if dek:
            deks += 1
            tagline = dek_source.tagline_finding(wcxb_pages.context(item, raw))
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
    print(f"title and standfirst swapped: fires on {swap_fired} of {as_description} headlines that are "
          "the page's description")
    print(f"printed date stamp of another listed story: fires on {stamp_fired} of {stamped} pages with a "
          f"stamp of their own beside a stated time; author link showing its slug: fires on {slug_fired}")
    print(f"auto-title (a paragraph's opening words cut with an ellipsis): fires on {auto_fired} of "
          f"{ellipsed} headlines ending in an ellipsis")
    print(f"update before publication: fires on {update_fired} of {datelined} pages whose dateline prints an "
          f"update line beside the item's publication ({update_lines} print an update line; printed before "
          f"the item's publication, anywhere on the page: {len(updated_before)} ({', '.join(updated_before)})); "
          f"{meta_before} pages' metadata states a modification before the publication")
    print(f"update as publication: fires on {len(as_update_fired)} of {labelled_both} pages printing both a "
          f"labelled publication and a labelled update line ({', '.join(as_update_fired)})")
    print(f"bylines naming {CROWDED}+ people: {len(crowded)} ({', '.join(crowded)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
