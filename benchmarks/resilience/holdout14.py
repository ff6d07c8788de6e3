"""The fourteenth held-out set (sealed): template changes and incidents none of the earlier kinds covers.

Same contract as the other sets (a Sample in, a Mutated out, each kind labelled). Written
blind: by someone who did not read the checks (pressguard/verdict/, pressguard/extract/), from
what design-system rollouts (icon headings, text-wrap balancers, popover author cards, date
badges, standfirst rows), accessibility fixes (screen-reader bylines), CMS migrations (Ghost
cards, explainer accordions), performance work (content-visibility chunks), ad tech (native
units, in-read injectors), localisation (dual Hijri dates), editorial formats (podcast
transcripts) and failures (a narrowed title column, a half-deployed front end, excerpt
fallbacks, stale fragments, design-system placeholders, a server time zone, an A/B arm without
its body, an over-matching privacy filter, an anti-AI-crawler gate) do to article pages, not
from what the checks look at. Measured by the lead only, once, at the end of the session: the
blind figure for them. Keep it out of tuning: a check changed because one of these kinds
failed turns its figure into a tuning figure.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta

from anatomy import children, contains, esc, insert, prose_paragraphs, replace, slugify, squeeze, text_of, wrap
from base import NONE, RIGHT, Kind, Mutated, NotApplicable, Sample, register, required, rng_for, same
from holdout2 import _attrs, _inner, _refill
from holdout6 import _byline_box, _rewrite_byline
from holdout9 import MONTHS, _meta, _undated, _visible_dates
from holdout11 import _EN_DATE
from holdout13 import _header_date, _parse_printed, _printed
from mutations import _attr, anatomy_of, author_link, edit_jsonld, join_names, rewrite_prose, rewrite_text, site_name, \
    walk_json

HOLDOUT14: list[Kind] = []


def _lead_figure(tree, a):
    """The article's lead image: the first <figure> outside the body container, before it."""
    for fig in tree.css("figure"):
        if contains(a.body, fig):
            continue
        return fig
    return None


def _following_until(node, stop_ids: set) -> list:
    """node's next element siblings up to (not including) the first whose mem_id is in stop_ids."""
    out, cur = [], node.next
    while cur is not None:
        if cur.tag != "-text":
            if cur.mem_id in stop_ids:
                break
            out.append(cur)
        cur = cur.next
    return out


# ------------------------------------------------- a right extraction exists

@register(HOLDOUT14, RIGHT, """A members' programme marks subscriber stories in the headline, as
the design system's "premium" icon does on news sites with a membership tier: the <h1> starts
with an inline <svg role="img"> whose <title> reads "Members only" (its accessible name), the
title itself in a <span class="headline__text">. A reader sees a small badge and the same
title: the right headline is unchanged.""")
def headline_premium_icon_svg_title(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    h = a.headline
    replace(h, f'<{h.tag}{_attrs(h)}><svg class="icon icon--members" role="img" aria-labelledby="members-icon-title"'
               f' width="18" height="18" viewBox="0 0 18 18" focusable="false"><title id="members-icon-title">Members'
               f' only</title><path d="M9 1l2.5 5 5.5.8-4 3.9.9 5.5L9 13.6 4.1 16.2l.9-5.5-4-3.9 5.5-.8z"/></svg> '
               f'<span class="headline__text">{_inner(h)}</span></{h.tag}>')
    return Mutated(tree.html, same(sample))


@register(HOLDOUT14, RIGHT, """A headline balanced with React Wrap Balancer (as Next.js sites did
before CSS text-wrap: balance shipped everywhere): the title inside the <h1> goes into <span
data-br=":R1:" data-brr="1" style="display:inline-block;..."> and the component's inline
<script> (self.__wrap_b(":R1:",1), which resizes the span on load) is printed inside the
<h1>, right after it. A reader sees the same title: the right headline is unchanged.""")
def headline_wrap_balancer_script(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    h = a.headline
    script = ('self.__wrap_n=self.__wrap_n||(self.CSS&&CSS.supports("text-wrap","balance")?1:2);'
              'self.__wrap_b=(e,t,n)=>{n=n||document.querySelector(`[data-br="${e}"]`);let s=n.parentElement,'
              'r=h=>n.style.maxWidth=h+"px";n.style.maxWidth="";let o=s.clientWidth,u=s.clientHeight,a=o/2-.25,'
              'l=o+.5,d;if(o){for(r(a),r(Math.max(n.scrollWidth,a));a+1<l;)d=Math.round((a+l)/2),r(d),'
              's.clientHeight===u?l=d:a=d;r(l*t+o*(1-t))}};self.__wrap_b(":R1:",1)')
    replace(h, f'<{h.tag}{_attrs(h)}><span data-br=":R1:" data-brr="1" style="display:inline-block;vertical-align:'
               f'top;text-decoration:inherit;text-wrap:balance">{_inner(h)}</span><script>{script}</script>'
               f'</{h.tag}>')
    return Mutated(tree.html, same(sample))


@register(HOLDOUT14, RIGHT, """A header redesign that orders the top of the story headline, lead
image, standfirst (as several news design systems do): the lead image moves to right under
the <h1>, and the dek, now <div class="c-standfirst"><p>...</p></div>, follows the image and
its caption instead of sitting under the headline. Same dek, in another place: the right
fields are unchanged.""")
def dek_below_lead_image(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.dek is None or a.headline is None:
        raise NotApplicable("no dek on the page")
    fig = _lead_figure(tree, a)
    if fig is None:
        raise NotApplicable("no lead image outside the body")
    dek_html = _inner(a.dek)
    a.dek.decompose()
    a.headline.insert_after(fig, move=True)
    insert(a.headline.next, f'<div class="c-standfirst"><p>{dek_html}</p></div>', "after")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT14, RIGHT, """A standfirst row from a design-system rollout: the reading time is
printed at the end of the dek element itself, in its own span with a clock icon ("<svg
aria-hidden>" and "· 6 min read", from the body's word count at 230 words a minute), as
magazine templates set it on one line with the summary. The dek's sentence is unchanged and
the reading time is the template's: the right fields are unchanged.""")
def dek_with_reading_time_inline(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.dek is None:
        raise NotApplicable("no dek on the page")
    words = sum(len(b.split()) for b in sample.expected["body"])
    minutes = max(1, round(words / 230))
    insert(a.dek, f'<span class="standfirst__meta"> <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12">'
                  f'<circle cx="6" cy="6" r="5"/></svg> · {minutes} min read</span>', "append")
    return Mutated(tree.html, same(sample))


ROLES = ("Staff Writer", "Senior Editor", "Contributing Writer", "News Editor")


@register(HOLDOUT14, RIGHT, """Author cards as native popovers (the HTML popover attribute, as
design systems adopted it in 2024): each name in the byline becomes a <button popovertarget>
with the name, followed inside the byline box by its card, <div popover> with the photo, the
name again, a role ("Staff Writer at <site>"), a one-line beat, "More from <name>" and a
Follow button, hidden until the name is clicked. The same people wrote it: the right authors
are unchanged.""")
def byline_author_popover_card(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    names = sample.expected["authors"]
    if len(a.author_nodes) != len(names):
        raise NotApplicable("not every author has an element of its own in the byline")
    site, host = esc(site_name(sample)), sample.host
    for i, (name, unit) in enumerate(zip(names, a.author_nodes), start=1):
        slug = slugify(name)
        replace(unit, f'<span class="author-popover"><button type="button" class="author-popover__trigger" '
                      f'popovertarget="author-card-{i}" aria-haspopup="dialog">{esc(name)}</button><div '
                      f'id="author-card-{i}" class="author-card" popover><img class="author-card__photo" src="https:'
                      f'//{host}/wp-content/uploads/avatars/{slug}.jpg" width="64" height="64" alt=""><p class='
                      f'"author-card__name">{esc(name)}</p><p class="author-card__role">{ROLES[(i - 1) % len(ROLES)]}'
                      f' at {site}</p><p class="author-card__beat">Covers releases, patches and the people who make '
                      f'them.</p><a class="author-card__more" href="https://{host}/author/{slug}/">More from '
                      f'{esc(name)}</a> <button type="button" class="author-card__follow">Follow</button></div>'
                      f'</span>')
    return Mutated(tree.html, same(sample))


@register(HOLDOUT14, RIGHT, """An accessibility audit's fix for an icon-led byline: the visible
"By" becomes a decorative <span aria-hidden="true">, and a visually hidden sentence for screen
readers, <span class="visually-hidden">Article written by A and B.</span>, is added at the
start of the byline box, so the names are in the byline twice in the markup (once hidden,
once shown). The same people: the right authors are unchanged.""")
def byline_screen_reader_duplicate(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    box = _byline_box(sample, a)
    for node in box.traverse(include_text=True):
        if node.tag == "-text" and (node.text_content or "").strip().lower() == "by":
            parent = node.parent
            if parent is not None and parent.mem_id != box.mem_id and text_of(parent).lower() == "by":
                parent.attrs["aria-hidden"] = "true"
            else:
                replace(node, '<span aria-hidden="true">By</span>')
            break
    insert(box, f'<span class="visually-hidden">Article written by {esc(join_names(sample.expected["authors"]))}.'
                f'</span>', "prepend")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT14, RIGHT, """A date component from a design-system rollout that prints the
header date as a calendar badge: <div class="date-badge" aria-label="<the date as before>">
with the month in capitals, the day, the year and the time each in its own span ("AUG" "06"
"2025" "1:34 AM"), in place of the old date element (its data attributes gone). The meta and
JSON-LD times are unchanged, and the badge shows the same moment: the right fields are
unchanged.""")
def date_calendar_badge_parts(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    node = _header_date(a)
    said = text_of(node)
    local, m = _parse_printed(said)
    label = '<span class="date-badge__label">Published</span>' if (m["label"] or "").lower().startswith("pub") else ""
    when = f'<span class="date-badge__time">{(local.hour % 12) or 12}:{local.minute:02d} ' \
           f'{"PM" if local.hour >= 12 else "AM"}</span>' if m["hour"] else ""
    replace(node, f'<div class="date-badge" aria-label="{_attr(said)}">{label}<span class="date-badge__month">'
                  f'{MONTHS[local.month - 1][:3].upper()}</span><span class="date-badge__day">{local.day:02d}'
                  f'</span><span class="date-badge__year">{local.year}</span>{when}</div>')
    return Mutated(tree.html, same(sample))


HIJRI_MONTHS = ("Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Awwal", "Jumada al-Thani",
                "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qadah", "Dhu al-Hijjah")


def _tdiv(a: int, b: int) -> int:
    """Integer division truncated toward zero, as the published algorithm is written."""
    return int(a / b)


def hijri(year: int, month: int, day: int) -> tuple[int, int, int]:
    """(year, month, day) of the tabular Islamic calendar for a Gregorian date (the civil
    arithmetic calendar many sites print beside the Gregorian date)."""
    jd = (_tdiv(1461 * (year + 4800 + _tdiv(month - 14, 12)), 4)
          + _tdiv(367 * (month - 2 - 12 * _tdiv(month - 14, 12)), 12)
          - _tdiv(3 * _tdiv(year + 4900 + _tdiv(month - 14, 12), 100), 4) + day - 32075)
    rest = jd - 1948440 + 10632
    cycle = _tdiv(rest - 1, 10631)
    rest = rest - 10631 * cycle + 354
    j = _tdiv(10985 - rest, 5316) * _tdiv(50 * rest, 17719) + _tdiv(rest, 5670) * _tdiv(43 * rest, 15238)
    rest = rest - _tdiv(30 - j, 15) * _tdiv(17719 * j, 50) - _tdiv(j, 16) * _tdiv(15238 * j, 43) + 29
    h_month = _tdiv(24 * rest, 709)
    h_day = rest - _tdiv(709 * h_month, 24)
    return 30 * cycle + j - 30, h_month, h_day


@register(HOLDOUT14, RIGHT, """A Gulf edition's date line (English-language newsrooms in Saudi
Arabia and the Emirates print both calendars): after the header date, in its own span, the
same day in the Hijri calendar, "· 12 Safar 1447 AH". The Gregorian date, the meta and
JSON-LD times are unchanged; the Hijri date names the same day: the right fields are
unchanged.""")
def date_with_hijri_equivalent(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    node = _header_date(a)
    local, _m = _parse_printed(text_of(node))
    y, mth, d = hijri(local.year, local.month, local.day)
    insert(node, f'<span class="date-hijri"> · {d} {HIJRI_MONTHS[mth - 1]} {y} AH</span>', "append")
    return Mutated(tree.html, same(sample))


BOOKMARKS = (
    ("Every confirmed guest for the autumn showcase so far",
     "The organisers have named eleven studios so far, with two more slots kept back for surprises on the night."),
    ("The best settings for a smoother frame rate on handhelds",
     "A few toggles make a bigger difference than any other change, and none of them costs much in image quality."),
    ("Patch notes explained: every change in the winter update",
     "The update touches nearly every system in the game, from matchmaking to the crafting menus and the economy."),
)


@register(HOLDOUT14, RIGHT, """A migration to Ghost: links to other stories that editors put in
the text become Koenig bookmark cards (<figure class="kg-card kg-bookmark-card"> with the
linked story's title, its one-sentence description, the site's icon and name, the linked
story's author and a thumbnail) after the first and the third prose paragraphs. The cards are
previews of other stories, not this article's text: the right fields are unchanged.""")
def ghost_bookmark_cards(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "fewer than two prose paragraphs", at_least=2)
    host, site = sample.host, esc(site_name(sample))
    start = rng_for(sample, "ghost_bookmark_cards").randrange(len(BOOKMARKS))
    for n, after in enumerate((prose[0], prose[min(2, len(prose) - 1)])):
        title, description = BOOKMARKS[(start + n) % len(BOOKMARKS)]
        slug = slugify(title)
        insert(after, f'<figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="https://'
                      f'{host}/news/{slug}/"><div class="kg-bookmark-content"><div class="kg-bookmark-title">{title}'
                      f'</div><div class="kg-bookmark-description">{description}</div><div class="kg-bookmark-'
                      f'metadata"><img class="kg-bookmark-icon" src="https://{host}/favicon.png" alt=""><span class='
                      f'"kg-bookmark-author">{site}</span><span class="kg-bookmark-publisher">News desk</span></div>'
                      f'</div><div class="kg-bookmark-thumbnail"><img src="https://{host}/content/images/2025/08/'
                      f'{slug}.jpg" alt="" onerror="this.style.display = \'none\'"></div></a></figure>', "after")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT14, RIGHT, """An explainer template (guides moved to an FAQ-style layout for
search): every subheading of the body becomes the <summary> of a <details class="faq-item">
(the first open, the others closed), the blocks up to the next subheading its answer, and an
FAQPage JSON-LD block is added (each subheading a Question, the first paragraph under it the
accepted answer). The text is served, in its order: the right fields are unchanged.""")
def explainer_faq_accordions(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    heads = required([b for b in a.blocks if b.tag in ("h2", "h3", "h4")], "no subheading in the body")
    stops = {h.mem_id for h in heads}
    questions = []
    for i, h in enumerate(heads):
        answer = _following_until(h, stops)
        first = next((n for n in answer if n.tag == "p" and text_of(n)), None)
        questions.append({"@type": "Question", "name": text_of(h),
                          "acceptedAnswer": {"@type": "Answer", "text": text_of(first) if first is not None else ""}})
        (details,) = insert(h, f'<details class="faq-item"{" open" if i == 0 else ""}><summary class="faq-item__'
                               f'question"></summary><div class="faq-item__answer"></div></details>', "before")
        summary, body = details.child, details.child.next
        summary.insert_child(h, move=True)
        for node in answer:
            body.insert_child(node, move=True)
    head = tree.head if tree.head is not None else tree.body
    faq = json.dumps({"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": questions},
                     ensure_ascii=False).replace("</", "<\\/")
    insert(head, f'<script type="application/ld+json" class="faq-schema">{faq}</script>', "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT14, RIGHT, """Rendering performance work on long reads: the body container's
children are grouped, four at a time and regardless of subheadings, into <div class="cv-chunk"
style="content-visibility:auto;contain-intrinsic-size:auto 900px"> so that the browser skips
laying out what is off screen. Nothing the reader sees changes: the right fields are
unchanged.""")
def content_visibility_chunks(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    kids = required(children(a.body), "fewer than five children in the body container", at_least=5)
    for start in range(0, len(kids), 4):
        group = kids[start:start + 4]
        chunk = wrap(group[0], '<div class="cv-chunk" style="content-visibility:auto;contain-intrinsic-size:auto '
                               '900px">')
        for node in group[1:]:
            chunk.insert_child(node, move=True)
    return Mutated(tree.html, same(sample))


@register(HOLDOUT14, RIGHT, """A native-advertising partner's in-article unit (Nativo / "paid
post" style, placed by the ad server after the middle prose paragraph): a "Sponsored" label,
a thumbnail, the advertiser's headline, a two-sentence teaser in a <p> and "Presented by
Northwind Hardware", all one link with rel="sponsored". The unit is the advertiser's, not
the article's: the right fields are unchanged.""")
def native_paid_post_mid_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "fewer than two prose paragraphs", at_least=2)
    after = prose[(len(prose) - 1) // 2]
    insert(after, '<div class="ntv-unit" data-ntv-placement="in-article" data-ntv-adid="1184402"><span class="ntv-'
                  'unit__label">Sponsored</span><a class="ntv-unit__link" href="https://ads.northwind-hardware.example'
                  '/campaign/quiet-keys?utm_source=native" rel="sponsored noopener" target="_blank"><img class="ntv-'
                  'unit__thumb" src="https://cdn.ntv.example/creative/1184402.jpg" width="160" height="90" alt="">'
                  '<h4 class="ntv-unit__title">Why streamers are switching to silent mechanical keyboards</h4><p '
                  'class="ntv-unit__teaser">Long sessions are easier on the ears, and on the people in the next room. '
                  'We asked five creators what changed after they made the switch.</p><span class="ntv-unit__'
                  'sponsor">Presented by Northwind Hardware</span></a></div>', "after")
    return Mutated(tree.html, same(sample))


TRANSCRIPT = (
    ("HOST", "Welcome back to the show. This week we are talking about the games that surprised us this summer."),
    ("GUEST", "Thanks for having me. Honestly, I did not expect half of them to land as well as they did."),
    ("HOST", "Let's start with the one everybody keeps asking us about in the comments."),
    ("GUEST", "Right, and I think the short answer is that the team listened, and the long answer is the patch notes."),
    ("HOST", "We will put a link to those in the episode notes. After the break, your questions."),
)


@register(HOLDOUT14, RIGHT, """A newsroom podcast promoted under its stories (the site's weekly
show): after the body container, inside the article, a <section class="podcast-episode"> with
"Listen: The <site> Podcast", the episode number and length, an <audio> player and a
<details> "Read the transcript" holding the episode's transcript (HOST: / GUEST: lines). The
transcript is the episode's, not the article's: the right fields are unchanged.""")
def podcast_transcript_after_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    host, site = sample.host, esc(site_name(sample))
    lines = "".join(f"<p><strong>{who}:</strong> {said}</p>" for who, said in TRANSCRIPT)
    insert(a.body, f'<section class="podcast-episode"><h2 class="podcast-episode__title">Listen: The {site} Podcast'
                   f'</h2><p class="podcast-episode__meta">Episode 112 · 38 min</p><audio controls preload="none" '
                   f'src="https://{host}/podcast/episode-112.mp3"></audio><details class="podcast-episode__transcript">'
                   f'<summary>Read the transcript</summary>{lines}</details></section>', "after")
    return Mutated(tree.html, same(sample))


# ------------------------------------------------- no right extraction exists

TITLE_COLUMN = 50


@register(HOLDOUT14, NONE, """A schema migration that narrowed the title column (a new CMS
database with title VARCHAR(50), imported with MySQL's strict mode off, which truncates
instead of failing): every title longer than fifty characters is stored cut, mid-word and
without a mark, so the <h1>, <title>, og:title, twitter:title and the JSON-LD headline all
read the cut title. The page no longer carries the article's headline; no right extraction
exists.""")
def headline_cut_by_column_limit(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    headline = sample.expected["headline"] or ""
    if a.headline is None or len(headline) <= TITLE_COLUMN:
        raise NotApplicable(f"the headline fits in {TITLE_COLUMN} characters")
    cut = headline[:TITLE_COLUMN]

    def shorten(text: str) -> str:
        return text.replace(headline, cut)
    rewrite_text(a.headline, shorten)
    title = tree.css_first("title")
    if title is not None:
        rewrite_text(title, shorten)
    for meta in _meta(tree, "og:title", "twitter:title"):
        meta.attrs["content"] = shorten(meta.attributes.get("content") or "")

    def fix(d):
        for key in ("headline", "name", "alternativeHeadline"):
            if isinstance(d.get(key), str):
                d[key] = shorten(d[key])
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))
    return Mutated(tree.html, None)


@register(HOLDOUT14, NONE, """A half-deployed front end: the new header component (built against
the new content API, which returns title and excerpt as objects with a "rendered" key) went
live while the API still returns plain strings, so title.rendered and excerpt.rendered are
undefined and the template prints "undefined" in the <h1> and in the standfirst. The <head>,
still rendered by the old template, keeps the title and description. The page shows neither
headline nor dek; no right extraction exists.""")
def header_fields_undefined_half_deploy(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    for node in (a.headline, a.dek):
        if node is not None:
            _refill(node, "undefined")
    return Mutated(tree.html, None)


def _auto_excerpt(sample: Sample, words: int = 55) -> str:
    """WordPress's excerpt of a post without a hand-written one: the content's first 55 words
    (tags stripped, blocks run together) and " […]"."""
    text = " ".join(" ".join(sample.expected["body"]).split()[:words])
    return f"{text} […]"


@register(HOLDOUT14, NONE, """A migration that lost the hand-written standfirsts (the excerpt
field was not mapped): the theme and the SEO plugin fall back to WordPress's automatic
excerpt, so the dek under the headline, the meta description, og:description,
twitter:description and the JSON-LD description all read the body's first 55 words and " […]".
The page no longer carries the article's standfirst; no right extraction exists.""")
def dek_auto_excerpt_fallback(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.dek is None:
        raise NotApplicable("no dek on the page")
    excerpt = _auto_excerpt(sample)
    dek = sample.expected["dek"]
    _refill(a.dek, esc(excerpt))
    for meta in _meta(tree, "description", "og:description", "twitter:description"):
        meta.attrs["content"] = excerpt

    def fix(d):
        if isinstance(d.get("description"), str) and squeeze(d["description"]) == squeeze(dek):
            d["description"] = excerpt
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))
    return Mutated(tree.html, None)


OTHER_DEKS = (
    "The studio says the servers will stay up through the weekend, but progress from the test will not carry over.",
    "A shorter campaign, a bigger map and a much better photo mode: here is what changed since the last preview.",
    "Fans have been asking for the feature since launch, and the developers finally have a date for it.",
)


@register(HOLDOUT14, NONE, """A CDN edge serving a stale header fragment (the standfirst is an
edge-side include cached under a key without the post ID): under this story's headline the
page shows another story's standfirst, while the meta description and JSON-LD, rendered by the
origin, keep this story's. The standfirst the page shows is not the article's; no right
extraction exists.""")
def dek_fragment_other_story(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.dek is None:
        raise NotApplicable("no dek on the page")
    other = OTHER_DEKS[rng_for(sample, "dek_fragment_other_story").randrange(len(OTHER_DEKS))]
    _refill(a.dek, esc(other))
    return Mutated(tree.html, None)


@register(HOLDOUT14, NONE, """A design-system byline component shipped with its Storybook
default props: where the new data mapping misses the author field, the component falls back
to its placeholder, "By Jane Doe" with the placeholder avatar and a link to "#", on every
story. The SEO plugin's meta author and JSON-LD still name the writers. The byline names
someone who did not write the story; no right extraction exists.""")
def byline_design_system_placeholder(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    if "Jane Doe" in sample.expected["authors"]:
        raise NotApplicable("the writer's name is the placeholder's")
    _rewrite_byline(a, '<img class="byline__avatar" src="/static/design-system/avatar-placeholder.svg" width="40" '
                       'height="40" alt=""><span class="byline__label">By</span> <a class="byline__author" href="#">'
                       'Jane Doe</a>')
    return Mutated(tree.html, None)


@register(HOLDOUT14, NONE, """A new author component that reads the wrong field of the author
profile (the job title where the display name was): every name in the byline prints as the
writer's role, "By Staff Writer", "By Senior Editor and Contributing Writer", still linked to
the author pages. The meta author and JSON-LD keep the names. The byline names nobody; no
right extraction exists.""")
def byline_job_title_in_name_slot(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    names = sample.expected["authors"]
    start = rng_for(sample, "byline_job_title_in_name_slot").randrange(len(ROLES))
    roles = [ROLES[(start + i) % len(ROLES)] for i in range(len(names))]
    _rewrite_byline(a, '<span class="byline__label">By</span> '
                       + join_names([author_link(sample, n).replace(f">{n}</a>", f">{r}</a>")
                                     for n, r in zip(names, roles)]))
    return Mutated(tree.html, None)


SERVER_SHIFT = timedelta(hours=-8)
IMPORTED_BEFORE_FETCH = timedelta(days=2)
_ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")


def _iso(when: datetime) -> str:
    return when.isoformat(timespec="seconds")


def _moved_iso(value: str, delta: timedelta) -> str:
    """An ISO time moved by delta, its offset kept (the value itself when it does not parse)."""
    try:
        return _iso(datetime.fromisoformat(value.replace("Z", "+00:00")) + delta)
    except ValueError:
        return value


@register(HOLDOUT14, NONE, """A migration to a new host in Singapore whose import script read the
exported UTC publication times as local times (PHP's default time zone on the new server):
every post's publication time is eight hours early, in the visible dates,
article:published_time, the JSON-LD datePublished and the story cards' <time> elements, so a
story published before 08:00 UTC now says the day before; the modification times are those of
the import (two days before the crawl), as WordPress sets them on insert. Applied where the
publication day changes (n/a where that day is still stated on the page). The page no longer
states when the article was published; no right extraction exists.""")
def published_server_zone_across_midnight(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if not sample.fetched_at:
        raise NotApplicable("no fetch time to date the import")
    imported = datetime.fromisoformat(sample.fetched_at.replace("Z", "+00:00")) - IMPORTED_BEFORE_FETCH
    published = sample.expected["published"]
    modified = {m.attributes.get("content") for m in _meta(tree, "article:modified_time", "og:updated_time")}
    modified.discard(published)
    for node in _visible_dates(a):
        said = text_of(node)
        m = _EN_DATE.search(said)
        if m is None or not m["hour"]:
            continue
        local, _m = _parse_printed(said)
        iso = next((v for k, v in node.attributes.items() if k in ("datetime", "data-datetime") and v
                    and _ISO.match(v)), None)
        if iso in modified:  # the header prints the last modification: now the import's
            offset = local - datetime.fromisoformat(iso.replace("Z", "+00:00")).replace(tzinfo=None)
            new_local, new_iso = imported.replace(tzinfo=None) + offset, _iso(imported)
        else:
            new_local, new_iso = local + SERVER_SHIFT, iso and _moved_iso(iso, SERVER_SHIFT)
        moved = said[:m.start()] + (m["label"] or "") + _printed(new_local, m.group(0)) + said[m.end():]
        attrs = {k: (moved if v == said else new_iso if v == iso else v)
                 for k, v in node.attributes.items() if v is not None}
        replace(node, f'<{node.tag}{"".join(f" {k}={chr(34)}{_attr(v)}{chr(34)}" for k, v in attrs.items())}>'
                      f'{esc(moved)}</{node.tag}>')
    for meta in _meta(tree, "article:published_time"):
        meta.attrs["content"] = _moved_iso(meta.attributes.get("content") or "", SERVER_SHIFT)
    for meta in _meta(tree, "article:modified_time", "og:updated_time"):
        meta.attrs["content"] = _iso(imported)

    def redate(d):
        if isinstance(d.get("datePublished"), str):
            d["datePublished"] = _moved_iso(d["datePublished"], SERVER_SHIFT)
        if isinstance(d.get("dateModified"), str):
            d["dateModified"] = _iso(imported)
    edit_jsonld(tree, lambda obj: walk_json(obj, redate))
    return Mutated(_undated(sample, tree.html), None)


@register(HOLDOUT14, NONE, """A server-side A/B test of a new article layout whose variant reads
the body from a new field (content_v2) that only posts edited after the launch have: for the
visitors in arm B, older posts render the body container with nothing of the article in it,
only what the theme's filters inject there (the recommended-video player, the in-content ad
slots), and data-experiment="article-layout-v2" data-bucket="B" on the container. Headline,
byline and metadata render. The article's text is not on the page; no right extraction
exists.""")
def ab_variant_body_field_empty(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    texts = [squeeze(b) for b in sample.expected.get("body") or []]

    def empty(container) -> None:
        for node in children(container):
            if node.tag in ("p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "figure", "table", "pre") \
                    or any(node.mem_id == b.mem_id for b in a.blocks):
                node.decompose()
            elif any(t and t in squeeze(text_of(node)) for t in texts):
                # a wrapper an earlier change put around the blocks (content-visibility chunks):
                # the article's text inside it is gone too
                empty(node)
    empty(a.body)
    a.body.attrs["data-experiment"] = "article-layout-v2"
    a.body.attrs["data-bucket"] = "B"
    return Mutated(tree.html, None)


@register(HOLDOUT14, NONE, """An in-read ad injector (the ad partner's server-side content
filter) that sets the inner HTML of its target paragraphs instead of inserting after them:
every third prose paragraph, from the third on, keeps its <p> and its attributes but holds
only the ad ("Advertisement" and the partner's <ins> slot). Those paragraphs of the article
are gone from the page; no right extraction exists.""")
def ad_injector_overwrote_paragraphs(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = prose_paragraphs(a)
    targets = required(prose[2::3], "fewer than three prose paragraphs")
    for n, p in enumerate(targets, start=1):
        replace(p, f'<p{_attrs(p)}><span class="inread-label">Advertisement</span><ins class="inread-slot" '
                   f'data-ad-client="pub-4471902" data-ad-slot="inread-{n}" style="display:block;min-height:250px">'
                   f'</ins></p>')
    return Mutated(tree.html, None)


_PROPER_PAIR = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)? [A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")


@register(HOLDOUT14, NONE, """A privacy-compliance plugin meant to anonymise personal names in
user comments, hooked onto the post content as well (its regular expression takes any two
capitalised words in a row for a person's name): in the body's prose, every such pair, people
and studios and games alike, reads "[name redacted]". The article's text is not on the page
as written; no right extraction exists.""")
def privacy_filter_redacted_names(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if not rewrite_prose(a, lambda s: _PROPER_PAIR.sub("[name redacted]", s)):
        raise NotApplicable("no two capitalised words in a row in the prose")
    return Mutated(tree.html, None)


@register(HOLDOUT14, NONE, """A publisher's gate against AI crawlers (bot management set to
challenge suspected scrapers on article content only, as news sites did from 2024): for the
crawler, the page keeps its header, byline and metadata, and the body container holds "Verify
you are human to keep reading", a sentence saying the publisher protects its journalism from
automated scraping, a Cloudflare Turnstile widget and a "Having trouble? Contact us" line.
The article's text is not on the page; no right extraction exists.""")
def ai_crawler_gate_in_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    for node in children(a.body):
        node.decompose()
    site = esc(site_name(sample))
    insert(a.body, f'<div class="reader-verification" role="region" aria-label="Verification"><h2>Verify you are '
                   f'human to keep reading</h2><p>{site} protects its journalism from automated scraping. Complete the '
                   f'check below and the article will load.</p><div class="cf-turnstile" data-sitekey='
                   f'"0x4AAAAAAAB7xQ2mK9pL3rVd" data-callback="onReaderVerified"></div><script src="https://'
                   f'challenges.cloudflare.com/turnstile/v0/api.js" async defer></script><p class="reader-'
                   f'verification__help">Having trouble? <a href="/contact/">Contact us</a>.</p></div>', "append")
    return Mutated(tree.html, None)
