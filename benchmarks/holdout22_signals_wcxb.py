"""False alarms of holdout22's signals on real pages: a paywall's offer box after a paid part the
page serves whole, social tags stored percent-encoded.

    python benchmarks/holdout22_signals_wcxb.py [--data ../shared/eval/wcxb-dev] [--limit N]

For every WCXB page (real sites' HTML; the pages are right, so a firing is a false alarm),
the page is extracted and, as the checks run them:

- markers.paywall_hides_nothing (paywall_markup_full_text_present: a paywall's offer box after
  the body withholds nothing when the part Google's paywalled-content markup, or the part's
  own class, names is served and read to the body's end): how many pages mark a paid part,
  and on how many the witness holds (each printed). It only lifts a finding, so a page it
  holds on is one whose paywall box is no longer a placeholder;
- meta.prose_content (og_tags_percent_encoded: a title or description tag decoded when it is
  clearly percent-encoded): every page where it changes a value, printed with the value.
"""

from __future__ import annotations

import sys

import wcxb_pages


def main(argv=None) -> int:
    from pressguard.extract.meta import PROSE_KEYS, prose_content
    from pressguard.verdict.markers import paywall_hides_nothing

    args = wcxb_pages.arguments(__doc__.splitlines()[0], argv)
    if args is None:
        return 2
    pages = marked = served = decoded = 0
    for pid, _gt, raw, item in wcxb_pages.extracted(args):
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
    print(f"{pages} pages: paid part marked on {marked}, served whole and read to the end on {served}; "
          f"a title or description decoded from percent escapes on {decoded}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
