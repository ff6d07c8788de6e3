"""The sixth held-out set: template changes and newsroom incidents none of the first 119 kinds covers.

Same contract as the other sets (a Sample in, a Mutated out, each kind labelled). Written
before the fixes for holdout5's misses and run once before any of them: that first
measurement is recorded untouched in README.md. Keep it out of tuning: a check changed
because one of these kinds failed turns its figure into a tuning figure.
"""

from __future__ import annotations

from datetime import datetime, timezone

from anatomy import children, insert, long_paragraphs, paragraphs, replace
from base import NONE, RIGHT, Kind, Mutated, NotApplicable, Sample, register, required, same
from holdout2 import _attrs, _inner, _refill
from mutations import _attr, anatomy_of, author_link, edit_jsonld, join_names, walk_json

HOLDOUT6: list[Kind] = []


def _byline_box(sample: Sample, a):
    if a.byline is None or not sample.expected["authors"]:
        raise NotApplicable("no byline (a staff piece)")
    return a.byline


def _rewrite_byline(a, html: str) -> None:
    attrs = "".join(f' {k}="{_attr(v)}"' for k, v in a.byline.attributes.items() if v is not None)
    replace(a.byline, f"<div{attrs}>{html}</div>")


# ------------------------------------------------- a right extraction exists

@register(HOLDOUT6, RIGHT, """A text-to-speech vendor's player: "Listen to this article" with a
play button, a duration ("6 min"), speed choices (1x 1.5x 2x) and a "Powered by" line, placed
at the top of the body container. The article's paragraphs are unchanged.""")
def listen_audio_player(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    insert(a.body, '<div class="tts-player" data-vendor="speakly"><button type="button" '
                   'aria-label="Play">&#9654;</button><span class="tts-player__title">Listen to this '
                   'article</span><span class="tts-player__duration">6 min</span><span class='
                   '"tts-player__speed">1x 1.5x 2x</span><small>Powered by Speakly</small></div>',
           "prepend")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT6, RIGHT, """An AI-summary plugin: a "Key takeaways" box (a heading and three
short bullets) at the top of the body container, above the first paragraph. The box is the
plugin's; the article's paragraphs are the right body.""")
def key_takeaways_box(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    insert(a.body, '<div class="key-takeaways" role="note"><h2>Key takeaways</h2><ul>'
                   '<li>The studio confirmed the details this week.</li>'
                   '<li>Players can expect more news before launch.</li>'
                   '<li>Our full breakdown follows below.</li></ul>'
                   '<small>Summary generated with AI and reviewed by our editors.</small></div>',
           "prepend")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT6, RIGHT, """Localisation of the interface: the site's Spanish edition shares
the English articles, and its template prints the byline's label in Spanish ("Por A y B").
Same people: the right authors are unchanged.""")
def byline_localised_label(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    names = [author_link(sample, n) for n in sample.expected["authors"]]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " y " + names[-1]
    _rewrite_byline(a, f'<span class="byline__label">Por</span> {joined}')
    return Mutated(tree.html, same(sample))


@register(HOLDOUT6, RIGHT, """A consent tool blocks third-party embeds until consent: between
body paragraphs, two placeholders ("This content is hosted by a third party. To view it,
accept Marketing cookies." and a button) where a video and a post were embedded. The
article's paragraphs are unchanged.""")
def consent_placeholders_for_embeds(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    paras = required(paragraphs(a), "fewer than three paragraphs", at_least=3)
    box = ('<div class="consent-placeholder" data-provider="{p}"><p class="consent-placeholder__text">'
           'This content is hosted by a third party ({p}). To view it, accept Marketing cookies.</p>'
           '<button type="button">Accept and show content</button></div>')
    insert(paras[0], box.format(p="YouTube"), "after")
    insert(paras[len(paras) // 2], box.format(p="X"), "after")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT6, RIGHT, """An accessibility overhaul: every link inside the body's paragraphs
gets a visually hidden hint (<span class="sr-only">(opens in a new tab)</span>) and the body
starts with a visually hidden heading (<h2 class="visually-hidden">Article text</h2>). A
sighted reader sees the same text; the right body is the paragraphs as shown.""")
def screen_reader_hints(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    links = required([link for p in paragraphs(a) for link in p.css("a")], "no link in the body's paragraphs")
    for link in links:
        insert(link, '<span class="sr-only"> (opens in a new tab)</span>', "append")
        link.attrs["target"] = "_blank"
    insert(a.body, '<h2 class="visually-hidden">Article text</h2>', "prepend")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT6, RIGHT, """An update stamp: the article was revised, so the template adds
"Updated <fetch day>" beside the visible date and JSON-LD/meta gain a dateModified of that
day. The publication date is unchanged, and is the right published time.""")
def updated_stamp_added(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if not sample.expected["published"] or not sample.fetched_at:
        raise NotApplicable("no published date or no fetch time")
    when = datetime.fromisoformat(sample.fetched_at.replace("Z", "+00:00"))
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    iso = when.replace(microsecond=0).isoformat()
    shown = when.strftime("%B %d, %Y").replace(" 0", " ")
    anchor = a.byline if a.byline is not None else (a.headline if a.headline is not None else a.body)
    insert(anchor, f'<p class="updated-stamp">Updated <time datetime="{iso}">{shown}</time></p>', "after")
    head = tree.css_first("head")
    if head is not None:
        insert(head, f'<meta property="article:modified_time" content="{iso}">', "append")

    def fix(d):
        if d.get("@type") in ("NewsArticle", "Article", "BlogPosting", "ReviewNewsArticle", "Review"):
            d["dateModified"] = iso
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))
    return Mutated(tree.html, same(sample))


@register(HOLDOUT6, RIGHT, """The site launches translated editions: hreflang alternates in the
head and a language switcher ("English · Español · Deutsch · 日本語", the current one marked)
above the headline. This page is still the English article; the fields are unchanged.""")
def language_switcher_added(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    host = sample.host
    path = "/" + sample.url.split("/", 3)[3] if sample.url.count("/") >= 3 else "/"
    head = tree.css_first("head")
    if head is not None:
        insert(head, "".join(f'<link rel="alternate" hreflang="{lang}" href="https://{host}{pre}{path}">'
                             for lang, pre in (("en", ""), ("es", "/es"), ("de", "/de"), ("ja", "/ja"))),
               "append")
    anchor = a.headline if a.headline is not None else a.body
    insert(anchor, '<nav class="lang-switcher" aria-label="Language"><a aria-current="true" href="#">'
                   'English</a> \u00b7 <a href="/es/">Espa\u00f1ol</a> \u00b7 <a href="/de/">Deutsch</a>'
                   ' \u00b7 <a href="/ja/">\u65e5\u672c\u8a9e</a></nav>', "before")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT6, RIGHT, """A syndicated republication done right: the canonical link points
to the original publisher's page, and a note "This article was originally published on
Harbor Daily." (with a link) opens the body container, in its own <p class="republish-note">
<em>. The story and its byline are unchanged; the note is not the article's text.""")
def republished_with_origin_note(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    slug = sample.url.rstrip("/").split("/")[-1]
    canonical = tree.css_first('link[rel="canonical"]')
    if canonical is not None:
        canonical.attrs["href"] = f"https://harbordaily.example/culture/{slug}/"
    insert(a.body, f'<p class="republish-note"><em>This article was originally published on '
                   f'<a href="https://harbordaily.example/culture/{slug}/">Harbor Daily</a>.</em></p>',
           "prepend")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT6, RIGHT, """An inclusion update: authors' pronouns printed after their names in
the byline ("By Jane Doe (she/her)"), in a <span class="pronouns">. The pronouns are not part
of the name: the right authors are unchanged.""")
def byline_pronouns(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    pronouns = ["she/her", "he/him", "they/them"]
    names = sample.expected["authors"]
    parts = [f'{author_link(sample, n)} <span class="pronouns">({pronouns[i % 3]})</span>'
             for i, n in enumerate(names)]
    _rewrite_byline(a, "By " + join_names(parts))
    return Mutated(tree.html, same(sample))


# ------------------------------------------------- no right extraction exists

@register(HOLDOUT6, NONE, """Geo-blocking after a regulation change: visitors from the crawler's
region get the site's chrome, the article's header (headline, byline, date) and, where the
body was, "This content is not available in your region. We are working to make it
available as soon as possible." The article is not on the page.""")
def geo_blocked_notice(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    for node in children(a.body):
        node.decompose()
    insert(a.body, '<div class="geo-block"><h2>Unavailable in your region</h2><p>This content is not '
                   'available in your region. We are working to make it available as soon as '
                   'possible.</p><p>Error code: GEO-451</p></div>', "append")
    return Mutated(tree.html, None)


@register(HOLDOUT6, NONE, """A CMS field-mapping bug prints the post's URL slug as its title:
the <h1> (and og:title, <title>, JSON-LD headline) read "best-cozy-games-winter" style
text. No headline on the page: broken, naming the headline.""")
def headline_is_url_slug(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    h = a.headline
    title = sample.expected["headline"]
    if h is None or not title:
        raise NotApplicable("no headline element")
    slug = sample.url.rstrip("/").split("/")[-1]
    if not slug or "-" not in slug:
        raise NotApplicable("no hyphenated slug")
    if title in tree.html:
        # every copy of the title (h1, <title>, og:title, JSON-LD) is the slug
        return Mutated(tree.html.replace(title, slug), None)
    # a title written with entities in the markup: at least the visible headline
    _refill(h, slug)
    return Mutated(tree.html, None)


@register(HOLDOUT6, NONE, """A CMS upgrade writes each post's last-save time into its publication
date: the visible date, article:published_time and JSON-LD datePublished all say the day the
page was fetched. The article's publication date is nowhere on the page.""")
def published_reset_to_fetch_day(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    published = sample.expected["published"]
    if not published or not sample.fetched_at:
        raise NotApplicable("no published date or no fetch time")
    try:
        old = datetime.fromisoformat(published.replace("Z", "+00:00"))
        new = datetime.fromisoformat(sample.fetched_at.replace("Z", "+00:00"))
    except ValueError:
        raise NotApplicable("a date that does not parse")
    if new.tzinfo is None:
        new = new.replace(tzinfo=timezone.utc)
    if old.date() == new.date():
        raise NotApplicable("published on the fetch day")
    html = tree.html.replace(old.date().isoformat(), new.date().isoformat())
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
    for o, n in ((f"{months[old.month - 1]} {old.day}, {old.year}", f"{months[new.month - 1]} {new.day}, {new.year}"),
                 (f"{months[old.month - 1][:3]} {old.day}, {old.year}", f"{months[new.month - 1][:3]} {new.day}, {new.year}")):
        html = html.replace(o, n)
    if new.date().isoformat() not in html:
        raise NotApplicable("no ISO date on the page")
    return Mutated(html, None)


@register(HOLDOUT6, NONE, """An AI-summary experiment replaces the article for some visitors:
the body container holds a "Summary" heading, three bullet points paraphrasing the story and
a "Read the full article" button that loads the text by script. The article is not on the
page.""")
def ai_summary_replaces_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    headline = sample.expected["headline"] or "this story"
    for node in children(a.body):
        node.decompose()
    insert(a.body, f'<div class="ai-summary"><h2>Summary</h2><ul><li>{headline}: the essentials in '
                   f'brief.</li><li>The studio shared new details with players this week.</li><li>'
                   f'More updates are expected in the coming months.</li></ul><button type="button" '
                   f'class="ai-summary__more" data-src="/api/article/full">Read the full article'
                   f'</button></div>', "append")
    return Mutated(tree.html, None)


@register(HOLDOUT6, NONE, """An SEO plugin's field lands in the standfirst slot: the dek shows
the post's focus keywords ("games, news, release date, trailer, studio, update") instead of
its summary. The page's dek is wrong: broken, naming the dek.""")
def dek_shows_seo_keywords(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.dek is None or not sample.expected["dek"]:
        raise NotApplicable("no dek on the page")
    replace(a.dek, f'<{a.dek.tag}{_attrs(a.dek)}>games, news, release date, trailer, studio, update'
                    f'</{a.dek.tag}>')
    return Mutated(tree.html, None)


@register(HOLDOUT6, NONE, """A fact-checking workflow's template shows the reviewing editor in
the byline's place ("Reviewed by Sam Reyes, Standards Editor") and drops the writer from the
byline, meta author and JSON-LD author (now the editor, as "reviewedBy" and "author"). The
page no longer says who wrote the article: broken, naming authors.""")
def byline_reviewer_only(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    names = set(sample.expected["authors"])
    _rewrite_byline(a, f'Reviewed by {author_link(sample, "Sam Reyes")}, Standards Editor')
    for meta in tree.css('meta[name="author"]'):
        meta.attrs["content"] = "Sam Reyes"

    def fix(d):
        if d.get("@type") == "Person" and d.get("name") in names:
            d["name"] = "Sam Reyes"
            d.pop("url", None)
        if isinstance(d.get("author"), str):
            d["author"] = "Sam Reyes"
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))
    html = tree.html
    for n in names:
        html = html.replace(f">{n}<", ">Sam Reyes<")
    return Mutated(html, None)


@register(HOLDOUT6, NONE, """A collaborative editor's merge glitch: one paragraph of the body is
saved three times in a row (the middle prose paragraph, repeated twice more right after
itself). The article as served repeats itself; no right extraction exists.""")
def paragraph_stuttered(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    paras = required(long_paragraphs(a), "fewer than three prose paragraphs", at_least=3)
    p = paras[len(paras) // 2]
    copy = f'<p{_attrs(p)}>{_inner(p)}</p>'
    insert(p, copy + copy, "after")
    return Mutated(tree.html, None)


__all__ = ["HOLDOUT6"]
