"""The twelfth held-out set (sealed): template changes and incidents none of the earlier kinds covers.

Same contract as the other sets (a Sample in, a Mutated out, each kind labelled). Written
blind: by someone who did not read the checks (pressguard/verdict/: checks.py, incidents,
site_profile.py, fingerprint.py, assess.py), from what fact-check desks, live and weather
desks, print-archive conversions, embargo workflows, staging pipelines, Thai and academic
publishers and viewer wrappers do to article pages, not from what the checks look at.
Measured once on main as it stood after this session's check changes (README.md): the
blind figure for them. Keep it out of tuning: a check changed because one of these kinds
failed turns its figure into a tuning figure.
"""

from __future__ import annotations

import re

from anatomy import children, contains, insert, prose_paragraphs, squeeze, text_of
from base import NONE, RIGHT, Kind, Mutated, NotApplicable, Sample, published_as_stated, register, required, rng_for, \
    same
from holdout2 import _scope
from holdout6 import _byline_box, _rewrite_byline
from holdout9 import _meta
from holdout11 import _EN_DATE
from mutations import _attr, anatomy_of, author_link, content_children, edit_jsonld, join_names, rewrite_prose, \
    site_name, walk_json

HOLDOUT12: list[Kind] = []


def _empty_body(a, html: str) -> None:
    """The body container's children replaced by html (the template slot filled with
    something else)."""
    for node in children(a.body):
        node.decompose()
    insert(a.body, html, "append")


# ------------------------------------------------- a right extraction exists

@register(HOLDOUT12, RIGHT, """A fact-check desk's rating card (ClaimReview pages, as PolitiFact,
Full Fact and AFP Fact Check print them) at the top of the body container: "Claim:" with the
claim in quotes, who made it and where, a rating badge image and "Our rating: Missing
context", a "How we rate claims" link; plus a ClaimReview JSON-LD block in <head> with the
claim, the rating and the reviewing organisation. The card summarises the piece; the
writer's headline, byline, date and paragraphs are unchanged.""")
def fact_check_rating_card(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    host = sample.host
    insert(a.body, '<aside class="fc-card" aria-label="Fact check"><div class="fc-card__claim"><span class='
                   '"fc-card__label">Claim:</span> <q>The update was cancelled and refunds are being issued.</q>'
                   '<span class="fc-card__source">Viral post on X, shared 12,000 times</span></div><div class='
                   f'"fc-card__rating"><img src="https://{host}/static/ratings/missing-context.svg" alt="Missing '
                   'context" width="96" height="96"><span class="fc-card__verdict">Our rating: Missing context'
                   '</span></div><a class="fc-card__how" href="/how-we-rate-claims/">How we rate claims</a></aside>',
           "prepend")
    head = tree.head if tree.head is not None else tree.body
    review = ('{"@context":"https://schema.org","@type":"ClaimReview","url":"' + sample.url + '",'
              '"claimReviewed":"The update was cancelled and refunds are being issued.",'
              '"itemReviewed":{"@type":"Claim","author":{"@type":"Organization","name":"Viral post on X"}},'
              '"author":{"@type":"Organization","name":"' + site_name(sample).replace('"', "'") + '"},'
              '"reviewRating":{"@type":"Rating","ratingValue":3,"bestRating":5,"worstRating":1,'
              '"alternateName":"Missing context"}}')
    insert(head, f'<script type="application/ld+json">{review}</script>', "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT12, RIGHT, """A severe-weather alert banner that local news sites switch on
site-wide during storms: a role="alert" strip at the top of <body> ("Weather alert: Winter
storm warning in effect until 6 PM Tuesday. School closings and live radar."), a link and a
dismiss button. It sits above the site header, outside the article: the right fields are
unchanged.""")
def weather_alert_banner(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    insert(tree.body, '<div class="alert-banner alert-banner--weather" role="alert" data-alert-id="wx-20250114">'
                      '<span class="alert-banner__icon" aria-hidden="true">&#9888;</span><strong>Weather alert:'
                      '</strong> Winter storm warning in effect until 6 PM Tuesday. <a href="/weather/closings/">'
                      'School closings and live radar</a><button type="button" class="alert-banner__close" '
                      'aria-label="Dismiss alert">&times;</button></div>', "prepend")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT12, RIGHT, """A video embed converted to a click-to-load facade for speed
(lite-youtube-embed, as performance plugins do): after the second content block, a
<lite-youtube> custom element with the thumbnail as a background image, a play link whose
only text is a visually hidden "Play Video: Official trailer", and no <iframe> until the
reader clicks. Nothing of the article's text changes.""")
def lite_youtube_facade(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    content = required(content_children(a.body), "fewer than three content blocks in the body", at_least=3)
    vid = "".join(rng_for(sample, "lite_youtube_facade").choice("abcdefghijkmnopqrstuvwxyzABCDEFGH0123456789_-")
                  for _ in range(11))
    insert(content[1], f'<lite-youtube videoid="{vid}" playlabel="Play: Official trailer" params="rel=0" style='
                       f'"background-image:url(\'https://i.ytimg.com/vi/{vid}/hqdefault.jpg\');"><a href="https:'
                       f'//www.youtube.com/watch?v={vid}" class="lty-playbtn" title="Play Video"><span class="lyt-'
                       f'visually-hidden">Play Video: Official trailer</span></a></lite-youtube>', "after")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT12, RIGHT, """A deploy pipeline that renders pages with the staging
environment's base URL (a misconfigured SITE_URL after a migration): the canonical link,
og:url and every JSON-LD url / @id point at staging.<host> instead of the live host. An SEO
bug, not a content one: the article on the page is exactly the one shipped.""")
def staging_host_in_canonical(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    host = sample.host
    bare = host[4:] if host.startswith("www.") else host
    staging = f"staging.{bare}"
    changed = 0
    for link in tree.css('link[rel="canonical"]'):
        link.attrs["href"] = (link.attributes.get("href") or sample.url).replace(host, staging)
        changed += 1
    for meta in _meta(tree, "og:url", "twitter:url"):
        meta.attrs["content"] = (meta.attributes.get("content") or sample.url).replace(host, staging)
        changed += 1

    def restage(d):
        for key in ("url", "@id"):
            if isinstance(d.get(key), str) and host in d[key]:
                d[key] = d[key].replace(host, staging)
    changed += edit_jsonld(tree, lambda obj: walk_json(obj, restage))
    if not changed:
        raise NotApplicable("no canonical link, og:url or JSON-LD to carry the host")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT12, RIGHT, """Bylines with each writer's social handles, as newsrooms added when
staff moved off one network: "By <name> (@handle · @handle@mastodon.social)" with the handles
in their own links. The names, and so the authors, are unchanged.""")
def byline_social_handles(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    parts = []
    for name in sample.expected["authors"]:
        handle = re.sub(r"[^a-z0-9]", "", name.lower())[:15] or "staff"
        parts.append(f'{author_link(sample, name)} <span class="byline__social">(<a href="https://x.com/{handle}" '
                     f'rel="me">@{handle}</a> &middot; <a href="https://mastodon.social/@{handle}" rel="me">'
                     f'@{handle}@mastodon.social</a>)</span>')
    _rewrite_byline(a, "By " + join_names(parts))
    return Mutated(tree.html, same(sample))


THAI_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")


def _thai_date(m) -> str:
    """"Aug 6, 2025 1:34 am" as a Thai edition prints it: the Buddhist Era year (2025 + 543)."""
    month = next((i for i, name in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                              "oct", "nov", "dec")) if m["month"].lower().startswith(name)), None)
    if month is None:
        return m.group(0)
    label = {"p": "เผยแพร่: ", "u": "อัปเดต: "}.get((m["label"] or " ")[0].lower(), "")
    out = f"{label}{int(m['day'])} {THAI_MONTHS[month]} {int(m['year']) + 543}"
    if m["hour"]:
        out += f" {int(m['hour']) % 12 + (12 if m['half'].lower() == 'p' else 0):02d}:{m['minute']} น."
    return out


@register(HOLDOUT12, RIGHT, """A Thai edition that runs the English articles: the header's dates
printed the Thai way, in the Buddhist Era ("6 ส.ค. 2568", 2025 + 543, with "น." after the
time), <html lang="th">; the machine-readable dates (datetime attributes, meta, JSON-LD) are
the CMS's and keep the Gregorian ISO date. A reader of the edition reads the same day: the
right fields are unchanged.""")
def dates_buddhist_era(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    said = 0
    for t in list(_scope(a).traverse(include_text=True)):
        if t.tag == "-text" and t.text_content and not contains(a.body, t) and _EN_DATE.search(t.text_content):
            t.replace_with(_EN_DATE.sub(_thai_date, t.text_content))
            said += 1
    if not said:
        raise NotApplicable("no printed date in the article header")
    tree.root.attrs["lang"] = "th"
    return Mutated(tree.html, same(sample))


ORIGINAL_FR = (
    "Cet article a d'abord été publié dans notre édition française.",
    "Les développeurs ont confirmé la nouvelle lors d'une présentation en ligne mardi soir.",
    "La mise à jour sera disponible gratuitement pour tous les joueurs.",
)


@register(HOLDOUT12, RIGHT, """A translated article that keeps the original (as multilingual
newsrooms publish translations): after the translated paragraphs, a "Lire la version
originale" toggle button and the French original in a <div hidden lang="fr"> inside the body
container, shown only when the reader clicks. Hidden text is not what the page shows: the
right body is the visible paragraphs, unchanged.""")
def translation_original_hidden(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    paras = "".join(f"<p>{p}</p>" for p in ORIGINAL_FR)
    insert(a.body, '<button type="button" class="translation-toggle" aria-expanded="false" aria-controls='
                   '"original-fr">Lire la version originale (Français)</button><div id="original-fr" class='
                   f'"translation-original" lang="fr" hidden>{paras}</div>', "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT12, RIGHT, """A "Cite this article" box after the body, as academic and
explainer publishers (The Conversation, Nature's news pages) add: an APA-style reference
repeating the authors as "Surname, I.", the year, the headline in italics, the site and the
URL, with a "Copy citation" button. It restates the article's metadata; it is not the
article: the right fields are unchanged.""")
def cite_this_article_box(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    when = published_as_stated(sample)
    names = sample.expected["authors"] or [site_name(sample)]
    cited = []
    for name in names:
        words = name.split()
        cited.append(f"{words[-1]}, {' '.join(w[0] + '.' for w in words[:-1])}".strip().rstrip(",")
                     if len(words) > 1 else name)
    insert(a.body, f'<section class="cite-box" aria-labelledby="cite-title"><h2 id="cite-title" class="cite-box__'
                   f'title">Cite this article</h2><div class="cite-box__ref">{", ".join(cited)} ({when.year}). <i>'
                   f'{sample.expected["headline"]}</i>. {site_name(sample)}. {_attr(sample.url)}</div><button '
                   f'type="button" class="cite-box__copy">Copy citation</button></section>', "after")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT12, RIGHT, """Live-coverage styling applied to a regular article (the live
template's "Key events" rail, which newsrooms reuse on developing stories): a <nav> at the
top of the body container listing three moments, each a link to an anchor with a time
("2h ago") and the opening words of a paragraph further down with an ellipsis. Navigation,
not text: the right fields are unchanged.""")
def key_events_rail(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "fewer than three prose paragraphs", at_least=3)
    picks = (prose[0], prose[len(prose) // 2], prose[-1])
    items = "".join(f'<li><a href="#block-{n}"><time>{h}h ago</time> {" ".join(text_of(p).split()[:7])}&hellip;</a></li>'
                    for n, (h, p) in enumerate(zip((5, 3, 1), picks), start=1))
    insert(a.body, f'<nav class="key-events" aria-label="Key events"><h2 class="key-events__title">Key events</h2>'
                   f'<ol class="key-events__list">{items}</ol></nav>', "prepend")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT12, RIGHT, """An engagement row merged into the byline box (a comments vendor's
count and a follow button the redesign put next to the names): "By A and B · 37 Comments ·
Follow". The names, and so the authors, are unchanged.""")
def byline_with_comment_count(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    names = [author_link(sample, n) for n in sample.expected["authors"]]
    _rewrite_byline(a, f'By {join_names(names)} <span class="byline__sep">&middot;</span> <a class="byline__'
                       f'comments" href="#comments" data-comment-count="37">37 Comments</a> <span class="byline__'
                       f'sep">&middot;</span> <button type="button" class="byline__follow">Follow</button>')
    return Mutated(tree.html, same(sample))


# ------------------------------------------------- no right extraction exists

_LONG_WORD = re.compile(r"[A-Za-z]{8,}")


def _hyphenated_at_line_ends(text: str, width: int = 58) -> str:
    """A print column's line breaks kept as "word- rest": every long word that crosses a
    multiple of width characters is split with the typesetter's hyphen and a space."""
    out, col, mark = [], 0, width
    for word in text.split(" "):
        col += len(word) + 1
        m = _LONG_WORD.fullmatch(word.strip(".,;:!?\"'()")) if col >= mark else None
        if m:
            w, half = m.group(0), len(m.group(0)) // 2
            word = word.replace(w, f"{w[:half]}- {w[half:]}", 1)
            mark += width
        out.append(word)
    return " ".join(out)


@register(HOLDOUT12, NONE, """Print-to-web conversion of an archive or print-edition story (the
text taken from the typeset pages): the typesetter's end-of-line hyphens kept as "transfor-
mation" with a space, in every prose paragraph, stored that way by the CMS. The page itself
no longer carries the article's words; no right extraction exists.""")
def print_line_end_hyphens(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if not rewrite_prose(a, _hyphenated_at_line_ends):
        raise NotApplicable("no long word at a line end in the prose")
    return Mutated(tree.html, None)


OCR_SWAPS = (("m", "rn"), ("l", "1"), ("e", "c"), ("h", "b"), ("o", "0"), ("i", "l"))


@register(HOLDOUT12, NONE, """An archive story digitised from a scan (OCR) and published
uncorrected: the recogniser's usual confusions ("m" read as "rn", "l" as "1", "e" as "c",
"h" as "b") in about one word in eight of every prose paragraph. The page's text is not the
article's; no right extraction exists.""")
def ocr_errors_in_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    rng = rng_for(sample, "ocr_errors_in_body")

    def misread(text: str) -> str:
        words = text.split(" ")
        for i, w in enumerate(words):
            swaps = [(x, y) for x, y in OCR_SWAPS if x in w[1:]]
            if len(w) > 3 and swaps and rng.random() < 0.125:
                x, y = rng.choice(swaps)
                at = w.index(x, 1)
                words[i] = w[:at] + y + w[at + 1:]
        return " ".join(words)
    if not rewrite_prose(a, misread):
        raise NotApplicable("no word the recogniser would misread")
    return Mutated(tree.html, None)


@register(HOLDOUT12, NONE, """A print-layout import that lost the drop cap: the print edition set
the first letter as a separate drop-cap frame, the importer kept the text frame only, so the
first paragraph reads "he studio announced..." (no CSS ::first-letter, no image: the letter is
simply gone). The page no longer carries the article's first word; no right extraction
exists.""")
def drop_cap_letter_lost(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "no prose paragraph")
    first = prose[0]
    page, said = squeeze(text_of(tree.body)).lower(), squeeze(text_of(first)).lower()
    at = page.find(said)
    if at > 0 and page[at - 1] == said[0]:
        raise NotApplicable("the text before the first paragraph ends with its first letter: "
                            "the page's running text would still read the lost word")
    for t in first.traverse(include_text=True):
        if t.tag == "-text" and t.text_content and t.text_content.strip():
            text = t.text_content
            lead = len(text) - len(text.lstrip())
            if not text[lead].isalpha():
                raise NotApplicable("the first paragraph does not start with a letter")
            t.replace_with(text[:lead] + text[lead + 1:])
            return Mutated(tree.html, None)
    raise NotApplicable("no text in the first prose paragraph")


@register(HOLDOUT12, NONE, """A story turned into a live page and then closed: when live
coverage ends, the live template replaces the posts with "This live coverage has ended",
a "Catch up on the latest" link and an empty "Key moments" list, under the story's own
headline and byline. The article's text is not on the page.""")
def live_coverage_ended(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _empty_body(a, '<div class="live-ended"><p class="live-ended__notice"><strong>This live coverage has ended.'
                   '</strong> Thanks for following along.</p><p><a href="/news/">Catch up on the latest in our news '
                   'hub</a>.</p><h2 class="live-ended__moments">Key moments</h2><ol class="key-moments"></ol></div>')
    return Mutated(tree.html, None)


@register(HOLDOUT12, NONE, """A browser-support gate (served with 200 to user agents the front
end does not recognise, crawlers included): the body container holds "Your browser is not
supported", a sentence asking to update to the latest Chrome, Firefox, Safari or Edge, and
download links. The article's text is not on the page.""")
def unsupported_browser_gate(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _empty_body(a, '<div class="browser-gate" role="alert"><h2>Your browser is not supported</h2><p>For the best '
                   'experience on our site, please update to the latest version of one of these browsers.</p><ul '
                   'class="browser-gate__list"><li><a href="https://www.google.com/chrome/">Chrome</a></li><li><a '
                   'href="https://www.mozilla.org/firefox/">Firefox</a></li><li><a href="https://www.apple.com/'
                   'safari/">Safari</a></li><li><a href="https://www.microsoft.com/edge">Edge</a></li></ul></div>')
    return Mutated(tree.html, None)


@register(HOLDOUT12, NONE, """An AMP viewer wrapper recorded instead of the article (a cached
google.com/amp/s/ link in the feed): the viewer's shell page, its header bar with the
publisher's host and a close button, the article's headline only in <title>, and the
article itself inside an <iframe> pointing at the AMP cache. The page carries no body, byline
or date; no right extraction exists.""")
def amp_viewer_shell(sample: Sample) -> Mutated:
    host = sample.host
    path = sample.url.split("/", 3)[3] if sample.url.count("/") >= 3 else ""
    cache = host.replace("-", "--").replace(".", "-")
    title = sample.expected["headline"] or site_name(sample)
    html = (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title><meta name='
            f'"viewport" content="width=device-width,initial-scale=1"><link rel="canonical" href="{_attr(sample.url)}">'
            f'</head><body class="amp-viewer"><header class="amp-viewer__bar"><button type="button" class='
            f'"amp-viewer__close" aria-label="Close">&times;</button><span class="amp-viewer__host">{host}</span>'
            f'<a class="amp-viewer__share" href="{_attr(sample.url)}">Share</a></header><main><iframe class='
            f'"amp-viewer__frame" src="https://{cache}.cdn.ampproject.org/v/s/{host}/{path}amp/?amp_js_v=0.1&amp;'
            f'usqp=mq331AQA" title="{title}" allow="fullscreen" sandbox="allow-scripts allow-same-origin '
            f'allow-popups"></iframe></main></body></html>')
    return Mutated(html, None)


@register(HOLDOUT12, NONE, """An embargoed story published by the scheduler with the embargo
placeholder still in the body (newsrooms load wire stories under embargo with a holding
text): "EMBARGOED UNTIL 09:00 ET: story text will be released at embargo time. Do not
publish." and "[STORY TEXT TO COME]". The article's text is not on the page.""")
def embargo_placeholder_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _empty_body(a, '<p class="embargo-note"><strong>EMBARGOED UNTIL 09:00 ET:</strong> story text will be released '
                   'at embargo time. Do not publish.</p><p>[STORY TEXT TO COME]</p>')
    return Mutated(tree.html, None)


@register(HOLDOUT12, NONE, """The print page as a PDF in place of the text (regional papers
publishing the e-edition page): the body container holds a pdf.js-style toolbar ("Page 1
of 4", zoom buttons, "Download PDF") and an <object type="application/pdf"> whose fallback
says the browser cannot display PDFs. The article's text is not in the HTML.""")
def pdf_viewer_replaces_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    pdf = f"https://{sample.host}/e-edition/{squeeze(sample.slug)[:40]}.pdf"
    _empty_body(a, f'<div class="pdf-embed"><div class="pdf-embed__toolbar"><span class="pdf-embed__pages">Page 1 '
                   f'of 4</span><button type="button">Zoom out</button><button type="button">Zoom in</button><a '
                   f'href="{pdf}" download>Download PDF</a></div><object data="{pdf}" type="application/pdf" '
                   f'width="100%" height="900"><p>Your browser cannot display PDFs. <a href="{pdf}">Download the '
                   f'PDF</a> to read this story.</p></object></div>')
    return Mutated(tree.html, None)


DISQUS_COMMENTS = (
    ("gamer_dad_77", "3 hours ago", "Honestly this is the best news I have heard all week, cannot wait to try it."),
    ("Lyra Voss", "2 hours ago", "Does anyone know if this is coming to the older consoles as well or only the new ones?"),
    ("nightowl", "1 hour ago", "Same thing happened last year and they walked it back within a month. We will see."),
)


@register(HOLDOUT12, NONE, """A comments plugin mounted in the article's slot (a theme update that
moved the plugin's shortcode to the content hook and dropped the content): the body container
holds a Disqus-style thread, "3 Comments", a sort menu, and each comment's author, age and
text in <p>, under the article's headline and byline. The article's text is not on the page.""")
def comments_plugin_in_body_slot(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    posts = "".join(f'<li class="post"><div class="post-byline"><span class="author">{who}</span> &middot; '
                    f'<span class="post-meta">{when}</span></div><div class="post-message"><p>{said}</p></div>'
                    f'<div class="post-actions"><a href="#">Reply</a> <a href="#">Share</a></div></li>'
                    for who, when, said in DISQUS_COMMENTS)
    _empty_body(a, f'<div id="disqus_thread"><div class="thread-header"><span class="comment-count">3 Comments</span>'
                   f'<select class="sort"><option>Best</option><option>Newest</option></select></div><ul class='
                   f'"post-list">{posts}</ul></div>')
    return Mutated(tree.html, None)
