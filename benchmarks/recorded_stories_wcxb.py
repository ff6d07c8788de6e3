"""False alarms of the recorded-story witness (pressguard.verdict.recorded_stories) on real pages.

    python benchmarks/recorded_stories_wcxb.py [--data ../shared/eval/wcxb-dev] [--limit N]

The witness judges a body against the other stories of its site's recorded pages. WCXB has
no site with more than 3 pages, so every WCXB page is taken as one site's recordings, the
harshest case: a page's paragraphs are looked up among all the other pages of every site.
Each page is extracted, the profile's story index is built from all of them as
site_profile builds it, and recorded_stories.story_finding runs on each page (its own
recording left out by its address or its headline, as for a page of the site). The pages are
right, so every firing is a false alarm; the pages sharing any keyed paragraph with another
page are listed too (what the single-paragraph case, which is not judged, would weigh).

Results (2 December 2026, both halves, 711 pages, pass --data /work/shared/eval/wcxb-dev from
a worktree): it fires on 0; two pages share keyed paragraphs with each other (3035 and 0463:
the same Public Domain Review story at its address with and without the closing slash, left
out as the page itself).
"""

from __future__ import annotations

import sys

import wcxb_pages


def main(argv=None) -> int:
    from pressguard.verdict.checks import _Context
    from pressguard.verdict.recorded_stories import keyed, story_finding
    from pressguard.verdict.site_profile import SiteProfile
    from pressguard.verdict.wording import is_prose

    args = wcxb_pages.arguments(__doc__.splitlines()[0], argv)
    if args is None:
        return 2
    pages = []
    for pid, gt, _html, item in wcxb_pages.extracted(args):
        body = [p for p in item.get("body") or [] if isinstance(p, str) and p.strip()]
        item = {"url": item.get("url") or gt["url"], "headline": item.get("headline") or "", "body": body}
        pages.append((pid, item, keyed(body, [is_prose(p) for p in body])))
    holders: dict[int, list[int]] = {}
    for n, (_, _, keys) in enumerate(pages):
        for _, key in keys:
            if n not in holders.setdefault(key, []):
                holders[key].append(n)
    profile = SiteProfile(site="wcxb", pages=len(pages), min_words=0, min_paragraphs=0, median_words=0,
                          with_dek=0, with_date=0, with_authors=0,
                          stories=tuple((item["url"], item["headline"]) for _, item, _ in pages),
                          story_paragraphs={k: tuple(v) for k, v in holders.items()})
    fired = sharing = 0
    for n, (pid, item, keys) in enumerate(pages):
        others = {h for _, key in keys for h in holders[key]} - {n}
        if others:
            sharing += 1
            print(f"{pid} shares keyed paragraphs with {', '.join(pages[h][0] for h in sorted(others))}")
        found = story_finding(_Context(item, None, None, None, None, True, profile))
        if found:
            fired += 1
            print(f"{pid} FIRES {item['url']}\n    {found}")
    print(f"{len(pages)} pages: {sharing} share a keyed paragraph with another page; the witness fires on {fired}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
