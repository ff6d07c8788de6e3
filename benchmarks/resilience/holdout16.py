"""The sixteenth held-out set (sealed): template changes and incidents none of the earlier kinds covers.

Same contract as the other sets (a Sample in, a Mutated out, each kind labelled). Written
blind: by someone who did not read the checks (pressguard/verdict/, pressguard/extract/), from
what localised templates (French and Korean date stamps, Arabic-Indic digits), reader features
(glossary tooltips, "By the numbers" stat boxes, highlighted key sentences, a save button in the
title row, a clamped standfirst with "Show more"), magazine credits (a definition list of roles,
verified-author badges, follow buttons) and failures (unresolved i18n keys and missing translations, JSON
unicode escapes printed literally, an erased account's placeholder byline, an
unrendered template literal in the byline, a two-digit year
expanded into the wrong century, Unix seconds read as milliseconds, an ad-block recovery wall,
a migration cut at the first apostrophe, a "not yet translated" edition) do to article pages,
not from what the checks look at. Measured by the lead only, once, at the end of the session:
the blind figure for them. Keep it out of tuning: a check changed because one of these kinds
failed turns its figure into a tuning figure.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from anatomy import esc, insert, prose_paragraphs, replace, text_of
from base import NONE, RIGHT, Kind, Mutated, NotApplicable, Sample, published_at, register, required, rng_for, same
from holdout2 import _attrs, _inner, _refill
from holdout6 import _byline_box, _rewrite_byline
from holdout9 import MONTHS, _meta, _undated
from holdout11 import _EN_DATE
from holdout15 import _date_lines
from mutations import _attr, anatomy_of, author_link, edit_jsonld, reprint_jsonld_dates, site_name, walk_json

HOLDOUT16: list[Kind] = []


def _reprint_visible_dates(a, reprint) -> int:
    """Each visible date line whose text holds an English date, the date printed as
    reprint(match) says (machine-readable attributes kept); how many were reprinted."""
    dated = 0
    for node in _date_lines(a):
        said = text_of(node)
        m = _EN_DATE.search(said)
        if m is None:
            continue
        month = next((i for i, name in enumerate(MONTHS) if name.lower().startswith(m["month"].lower()[:3])), None)
        if month is None:
            continue
        hour = None
        if m["hour"]:
            hour = int(m["hour"]) % 12 + (12 if m["half"].lower() == "p" else 0)
        new = said[:m.start()] + reprint(m, month + 1, hour) + said[m.end():]
        attrs = {k: (new if k == "data-datetime" and not re.match(r"\d{4}-\d\d-\d\d", v) else v)
                 for k, v in node.attributes.items() if v is not None}
        replace(node, f'<{node.tag}{"".join(f" {k}={chr(34)}{_attr(v)}{chr(34)}" for k, v in attrs.items())}>'
                      f'{esc(new)}</{node.tag}>')
        dated += 1
    return dated


def _label(m, names: dict) -> str:
    return names.get((m["label"] or "").strip(" :").lower(), "")


# ------------------------------------------------- a right extraction exists

_FR_MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
              "octobre", "novembre", "décembre")


@register(HOLDOUT16, RIGHT, """A French-language edition sharing the English articles (the template
localised, the text not, as Canadian and Swiss publishers run bilingual sites): every visible date
is printed the French way, day first with the month in words and a 24-hour clock ("Publié le 6
août 2025 à 1 h 58"), the same local moment as before. Meta and JSON-LD times are unchanged: the
right date is unchanged.""")
def dates_french_long(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)

    def fr(m, month, hour):
        out = f"{_label(m, {'published': 'Publié le ', 'updated': 'Mis à jour le '})}" \
              f"{int(m['day'])} {_FR_MONTHS[month - 1]} {m['year']}"
        return out + (f" à {hour} h {m['minute']}" if hour is not None else "")
    if not _reprint_visible_dates(a, fr):
        raise NotApplicable("no visible date in English words")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT16, RIGHT, """A Korean edition's header as Korean news sites print it: the
"input" and "modified" stamps with dotted numeric dates and a 24-hour clock ("입력 2025.08.06
01:58", "수정 ..."), the same local moment as before. Meta and JSON-LD times are unchanged: the
right date is unchanged.""")
def dates_korean_input_stamp(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)

    def ko(m, month, hour):
        out = f"{_label(m, {'published': '입력 ', 'updated': '수정 '}) or '입력 '}" \
              f"{m['year']}.{month:02d}.{int(m['day']):02d}"
        return out + (f" {hour:02d}:{m['minute']}" if hour is not None else "")
    if not _reprint_visible_dates(a, ko):
        raise NotApplicable("no visible date in English words")
    return Mutated(tree.html, same(sample))


_AR_MONTHS = ("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
              "أكتوبر", "نوفمبر", "ديسمبر")
_AR_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@register(HOLDOUT16, RIGHT, """An Arabic edition's date stamps (Gulf and Egyptian publishers'
English-and-Arabic sites share one template): every visible date printed in Arabic with
Arabic-Indic digits and the Gregorian month name ("نُشر في ٦ أغسطس ٢٠٢٥ - ١:٥٨ ص"), the
same moment. Meta and JSON-LD times are unchanged: the right date is unchanged.""")
def dates_arabic_indic_digits(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)

    def ar(m, month, hour):
        out = f"{_label(m, {'published': 'نُشر في ', 'updated': 'آخر تحديث '})}" \
              f"{int(m['day'])} {_AR_MONTHS[month - 1]} {m['year']}"
        if hour is not None:
            out += f" - {hour % 12 or 12}:{m['minute']} {'ص' if hour < 12 else 'م'}"
        return out.translate(_AR_DIGITS)
    if not _reprint_visible_dates(a, ar):
        raise NotApplicable("no visible date in English words")
    return Mutated(tree.html, same(sample))


# a capitalised term inside a sentence (a name or a term of art), not a sentence's first word
_WORD = re.compile(r"(?<=[a-z,] )((?:[A-Z][a-z]+ )*[A-Z][a-z]{4,})\b(?<!day)")


@register(HOLDOUT16, RIGHT, """A glossary feature (explainer sites mark jargon so a hover or tap
shows its definition): in the prose paragraphs, the first capitalised term inside a sentence becomes a
<button class="glossary-term" aria-describedby=...> holding the same word, and the definitions
are tooltips (role="tooltip", hidden until hovered) rendered in a portal at the end of the
<body>, outside the article. The paragraphs read the same: the right fields are unchanged.""")
def glossary_term_tooltips(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    marked = []
    for i, p in enumerate(prose_paragraphs(a)):
        inner = _inner(p)
        m = _WORD.search(inner)
        # only a word in plain text (not inside a tag or an attribute)
        while m is not None and (inner.rfind("<", 0, m.start()) > inner.rfind(">", 0, m.start())
                                 or m.group(1).split()[-1] in MONTHS):
            m = _WORD.search(inner, m.end())
        if m is None:
            continue
        term = m.group(1)
        button = (f'<button type="button" class="glossary-term" aria-describedby="glossary-{i}">'
                  f'{term}</button>')
        replace(p, f"<p{_attrs(p)}>{inner[:m.start()]}{button}{inner[m.end():]}</p>")
        marked.append((i, term))
    if not marked or tree.body is None:
        raise NotApplicable("no capitalised term in plain prose")
    tips = "".join(f'<div role="tooltip" id="glossary-{i}" class="glossary-tooltip" hidden>'
                   f'<strong>{term}</strong>: see our glossary for what this term means.</div>'
                   for i, term in marked)
    insert(tree.body, f'<div class="tooltip-portal">{tips}</div>', "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT16, RIGHT, """A "By the numbers" stat box (data desks' explainers pull figures
into big-number callouts): after the first prose paragraph, an <aside class="stat-box"> with a
heading "By the numbers" and three big numbers with labels ("3 / platforms at launch", "2025 /
release year", "1 / in the series"). The box is a graphic, not the article's prose: the right
fields are unchanged.""")
def stat_box_by_the_numbers(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "no prose paragraph in the body")
    stats = (("3", "platforms at launch"), ("2025", "release year"), ("1", "in the series"))
    cells = "".join(f'<div class="stat-box__item"><span class="stat-box__number">{n}</span>'
                    f'<span class="stat-box__label">{label}</span></div>' for n, label in stats)
    insert(prose[0], f'<aside class="stat-box" aria-label="Key figures"><h4 class="stat-box__title">'
                     f'By the numbers</h4>{cells}</aside>')
    return Mutated(tree.html, same(sample))


@register(HOLDOUT16, RIGHT, """An "AI highlights" reading aid (a vendor marks the story's key
sentences): in every other prose paragraph, the first sentence is wrapped in <mark
class="key-sentence" data-highlight-score=...>. Inline markup over the same words: the right
fields are unchanged.""")
def key_sentences_highlighted(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    rng = rng_for(sample, "key_sentences_highlighted")
    done = 0
    for p in prose_paragraphs(a)[::2]:
        inner = _inner(p)
        m = re.search(r"[.!?](?=\s)", inner)
        if m is None or "<" in inner[:m.end()]:
            continue
        replace(p, f'<p{_attrs(p)}><mark class="key-sentence" data-highlight-score="{rng.random():.2f}">'
                   f'{inner[:m.end()]}</mark>{inner[m.end():]}</p>')
        done += 1
    if not done:
        raise NotApplicable("no paragraph opening with a plain sentence")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT16, RIGHT, """A title-row redesign that puts the reader's actions in the heading
(a "Save" bookmark button and a "Share" button, each an icon with a visible label, inside the
<h1> after the title text, as app-like news sites do). The title is the same words: the right
fields are unchanged.""")
def headline_save_share_buttons(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    icon = '<svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16"><path d="M3 1h10v14l-5-4-5 4z"/></svg>'
    insert(a.headline, f'<span class="title-actions"><button type="button" class="save-article">{icon}'
                       f'<span>Save</span></button><button type="button" class="share-article">{icon}'
                       f'<span>Share</span></button></span>', "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT16, RIGHT, """A clamped standfirst (a mobile-first header shows two lines of
the dek and a toggle): the dek element gets class "dek--clamped" with a CSS line clamp and, as
its last child, a <button aria-expanded="false">Show more</button>. The whole dek is in the
page, the button is the template's: the right fields are unchanged.""")
def dek_clamped_show_more(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.dek is None:
        raise NotApplicable("no dek on the page")
    a.dek.attrs["class"] = ((a.dek.attributes.get("class") or "") + " dek--clamped").strip()
    a.dek.attrs["style"] = "-webkit-line-clamp:2;display:-webkit-box;overflow:hidden"
    insert(a.dek, '<button type="button" class="dek__toggle" aria-expanded="false">Show more</button>', "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT16, RIGHT, """A long-read credits block in place of the byline (magazine
features list every contributor by role): a <dl class="credits"> with "Words" over the
writers' names (linked to their pages), "Illustration" over an illustrator and "Design" over a
designer. The writers are the authors; the other roles are not bylines: the right fields are
unchanged.""")
def byline_credits_roles_list(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    words = "".join(f"<dd>{author_link(sample, n)}</dd>" for n in sample.expected["authors"])
    _rewrite_byline(a, f'<dl class="credits"><dt>Words</dt>{words}<dt>Illustration</dt><dd>Maya Lindqvist</dd>'
                       f'<dt>Design</dt><dd>Tomás Okafor</dd></dl>')
    return Mutated(tree.html, same(sample))


@register(HOLDOUT16, RIGHT, """A trust badge after each author's name (newsrooms taking part in
verified-journalist programmes): an inline <svg role="img"> whose <title> reads "Verified
journalist", plus a "Staff" pill, after every name in the byline. The names are the same: the
right fields are unchanged.""")
def byline_verified_badges(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    badge = ('<svg role="img" class="verified" width="12" height="12" viewBox="0 0 12 12"><title>Verified '
             'journalist</title><circle cx="6" cy="6" r="6"/></svg><span class="pill">Staff</span>')
    names = [f"{author_link(sample, n)} {badge}" for n in sample.expected["authors"]]
    _rewrite_byline(a, "By " + ", ".join(names))
    return Mutated(tree.html, same(sample))


@register(HOLDOUT16, RIGHT, """Paragraph permalinks (blogs and long-read templates let readers link
to one paragraph): every prose paragraph gets an id and, as its last child, <a
class="para-permalink" href="#p-N" aria-label="Link to this paragraph">¶</a>, shown on hover.
The mark is the template's, the words are the writer's: the right fields are unchanged.""")
def paragraph_pilcrow_permalinks(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "no prose paragraph in the body")
    for n, p in enumerate(prose, 1):
        p.attrs["id"] = f"p-{n}"
        insert(p, f'<a class="para-permalink" href="#p-{n}" aria-label="Link to this paragraph">¶</a>', "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT16, RIGHT, """Follow buttons in the byline (news apps' "follow this author" feature
moved to the web): after each author's name, a <button class="follow" aria-pressed="false">
with a plus icon and the word "Follow", and the byline's "By" kept. The names are the same: the
right fields are unchanged.""")
def byline_follow_author_buttons(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    plus = '<svg aria-hidden="true" width="10" height="10" viewBox="0 0 10 10"><path d="M4 0h2v10H4zM0 4h10v2H0z"/></svg>'
    names = [f'<span class="byline__author">{author_link(sample, n)} <button type="button" class="follow" '
             f'aria-pressed="false">{plus}Follow</button></span>' for n in sample.expected["authors"]]
    _rewrite_byline(a, "By " + " ".join(names))
    return Mutated(tree.html, same(sample))


# ------------------------------------------------- no right extraction exists

@register(HOLDOUT16, NONE, """A front-end release whose locale bundle failed to load (i18next and
vue-i18n print the key when a translation is missing): the <h1> reads the key
"article.header.title" instead of the title. <title>, og:title and JSON-LD keep the title. The
page shows no headline; no right extraction exists.""")
def headline_i18n_key_unresolved(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    h = a.headline
    _refill(h, "article.header.title")
    return Mutated(tree.html, None)


@register(HOLDOUT16, NONE, """A template that JSON-encodes the title for a data attribute and
then prints the encoded string as text: every non-ASCII character of the <h1> shows as its
literal escape ("Sony\\u2019s new handheld \\u2014 hands-on"). The page's headline is corrupted
(as mojibake is); no right extraction exists.""")
def headline_unicode_escapes_literal(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    said = text_of(a.headline)
    if all(ord(c) < 128 for c in said):
        raise NotApplicable("the headline is all ASCII")
    escaped = "".join(c if ord(c) < 128 else f"\\u{ord(c):04x}" for c in said)
    h = a.headline
    _refill(h, esc(escaped))
    return Mutated(tree.html, None)


@register(HOLDOUT16, NONE, """A Rails front end whose new locale file lacks the standfirst key:
the dek slot prints I18n's missing-translation span, 'translation missing:
en.articles.show.standfirst'. The meta description keeps the summary. The page no longer shows
the article's standfirst; no right extraction exists.""")
def dek_translation_missing(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.dek is None:
        raise NotApplicable("no dek on the page")
    replace(a.dek, f'<{a.dek.tag}{_attrs(a.dek)}><span class="translation_missing" '
                   f'title="translation missing: en.articles.show.standfirst">Standfirst</span></{a.dek.tag}>')
    return Mutated(tree.html, None)


@register(HOLDOUT16, NONE, """An author's account erased on request (a data-protection deletion
that anonymises the user record instead of reassigning the posts): the byline reads "By
[deleted user]" with no link, and the author meta and JSON-LD author read "[deleted user]" too.
The page no longer names who wrote it; no right extraction exists.""")
def byline_erased_account(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    names = set(sample.expected["authors"])
    _rewrite_byline(a, 'By <span class="author author--deleted">[deleted user]</span>')
    for meta in _meta(tree, "author", "article:author", "twitter:creator", "parsely-author"):
        meta.attrs["content"] = "[deleted user]"

    def fix(d):
        if d.get("@type") == "Person" and d.get("name") in names:
            d["name"] = "[deleted user]"
            d.pop("url", None)
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))
    return Mutated(tree.html, None)


def _stamp_dates(tree, a, iso: str, printed: str) -> None:
    """Every date element's machine-readable time set to iso, and every visible date line
    (its attributes kept) to read printed."""
    for node in tree.css("time, [data-datetime]"):
        for key in ("datetime", "data-datetime"):
            if node.attributes.get(key):
                node.attrs[key] = iso
    for node in _date_lines(a):
        _refill(node, esc(printed))


def _redate(sample: Sample, when: datetime, printed: str) -> Mutated:
    """Every statement of the publication (and update) date on the page set to when: time
    attributes, meta, JSON-LD and the visible date lines (printed)."""
    tree, a = anatomy_of(sample)
    published = required(sample.expected["published"], "no publication date")
    iso = when.isoformat(timespec="seconds")
    _stamp_dates(tree, a, iso, printed)
    for meta in tree.css("meta[content]"):
        if re.match(r"\d{4}-\d\d-\d\d", meta.attributes.get("content") or ""):
            meta.attrs["content"] = iso
    reprint_jsonld_dates(tree, lambda _: iso)
    return Mutated(_undated(sample, tree.html), None)


@register(HOLDOUT16, NONE, """A migration that exported dates as "MM/DD/YY" and re-imported them
with a parser that puts two-digit years below 69 in the 1900s... and one that puts them all
there: every date on the page (visible, time attributes, meta, JSON-LD) is the same day and time
a century earlier ("Aug 6, 1925"). The page's date is wrong; no right extraction exists.""")
def published_two_digit_year_wrong_century(sample: Sample) -> Mutated:
    when = published_at(sample)
    old = when.replace(year=when.year - 100)
    return _redate(sample, old, f"{MONTHS[old.month - 1][:3]} {old.day}, {old.year}")


@register(HOLDOUT16, NONE, """A front end that passes the API's Unix time in seconds to a date
library expecting milliseconds (new Date(seconds)): every date on the page reads a moment in the
third week of January 1970 ("Jan 21, 1970"), in the visible stamp, the time attributes, meta
and JSON-LD (the SSR layer writes them from the same value). The page's date is wrong; no right
extraction exists.""")
def published_seconds_read_as_milliseconds(sample: Sample) -> Mutated:
    seconds = published_at(sample).timestamp()
    wrong = datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(milliseconds=seconds)
    return _redate(sample, wrong, f"{MONTHS[wrong.month - 1][:3]} {wrong.day}, {wrong.year}")


@register(HOLDOUT16, NONE, """An ad-block recovery wall (the recovery vendors' "looks like you're
using an ad blocker" dialog) rendered server-side into the article body slot for a visitor the
edge flagged: "We noticed you're using an ad blocker", two buttons ("Allow ads on {site}",
"Subscribe for an ad-free experience") and "I've disabled my ad blocker". Headline and byline
stay; the body is gone. No right extraction exists.""")
def body_adblock_recovery_wall(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    name = site_name(sample)
    replace(a.body, f'<div class="ab-recovery" role="dialog" aria-modal="true"><h2>We noticed you\'re using an '
                    f'ad blocker</h2><p>{esc(name)} is supported by advertising. Please allow ads on our site '
                    f'or subscribe to keep reading.</p><button type="button">Allow ads on {esc(name)}</button>'
                    f'<button type="button">Subscribe for an ad-free experience</button>'
                    f'<a href="#" class="ab-recovery__retry">I\'ve disabled my ad blocker</a></div>')
    return Mutated(tree.html, None)


_APOSTROPHE = re.compile(r"['’]")


@register(HOLDOUT16, NONE, """A migration script that built its INSERT statements by string
concatenation: the stored body ends at its first apostrophe (the quote closed the SQL string, the
rest was dropped as a syntax error was swallowed), so the page's body stops mid-sentence where the
first "it's" or "player's" was. No right extraction exists.""")
def body_cut_at_first_apostrophe(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    blocks = a.blocks
    for i, block in enumerate(blocks[:-1]):
        inner = _inner(block)
        text_positions = [m.start() for m in _APOSTROPHE.finditer(inner)
                          if inner.rfind("<", 0, m.start()) <= inner.rfind(">", 0, m.start())]
        if not text_positions:
            continue
        cut = text_positions[0]
        _refill(block, inner[:cut])
        for later in blocks[i + 1:]:
            later.decompose()
        return Mutated(tree.html, None)
    raise NotApplicable("no apostrophe in the body before its last block")


@register(HOLDOUT16, NONE, """A translated edition whose article arrived before its translation
(a regional site that publishes the headline and metadata first and fills the text when the
translators finish): the body slot holds only a notice, "This article is not yet available in
your language. The translation will appear here shortly." and a link "Read the original
article". The body is not on the page; no right extraction exists.""")
def body_translation_pending_notice(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    replace(a.body, f'<div class="translation-pending" lang="en"><p>This article is not yet available in your '
                    f'language. The translation will appear here shortly.</p><p><a href="{_attr(sample.url)}" '
                    f'hreflang="x-default">Read the original article</a></p></div>')
    return Mutated(tree.html, None)


@register(HOLDOUT16, NONE, """A headless-CMS front end whose content-delivery API answered the
body request with a quota error while the header came from the edge cache: the body slot prints
the API's error payload ("Error 429: Too Many Requests. You have exceeded the rate limit of the
Content Delivery API for this space. Please retry your request after 60 seconds." and a request
id). The body is not on the page; no right extraction exists.""")
def body_cms_api_quota_error(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    rng = rng_for(sample, "body_cms_api_quota_error")
    replace(a.body, f'<div class="rich-text rich-text--error"><p>Error 429: Too Many Requests. You have exceeded '
                    f'the rate limit of the Content Delivery API for this space. Please retry your request after '
                    f'60 seconds.</p><p><code>X-Request-Id: {rng.getrandbits(64):016x}</code></p></div>')
    return Mutated(tree.html, None)


@register(HOLDOUT16, NONE, """A byline component whose template string was written with plain
quotes instead of backticks (a JavaScript template literal that never interpolates, shipped
because the build's type checks pass on any string): the byline reads, literally, "By
${author.displayName}". The author meta and JSON-LD keep the names. The page shows no author;
no right extraction exists.""")
def byline_template_literal_unrendered(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    _rewrite_byline(a, '<span class="byline__authors">By ${author.displayName}</span>')
    return Mutated(tree.html, None)
