"""The twenty-third held-out set (sealed): template changes and incidents none of the earlier kinds covers.

Same contract as the other sets (a Sample in, a Mutated out, each kind labelled). Written blind:
by someone who did not read the checks (pressguard/verdict/, pressguard/extract/) nor any held-out
set's analysis, from what publishers' stacks now add to an article page (a gift-link banner, an AI
answer engine under the story, C2PA Content Credentials pins on the pictures, a games-database card,
a release countdown, WordPress 6.3's footnotes block, a mobile copy of the header, a readability
tool that gives every sentence its own paragraph, markup pasted from a chatbot, entity markup and
related-story lists in the JSON-LD, an ICU message that groups the year's digits), from what
migrations and imports break (a CSV import cutting the standfirst at its first comma, a
spreadsheet round trip turning the date into a serial number, a content field stored JSON-encoded,
a short-text field's 256-character limit, RSS CDATA markers kept in titles, an entity typed into a
display name, a Google Docs export with its comment anchors, a hero partial that leaves the
featured image as the current post), and from what edge services and vendors do (a worker that
strips "ad" elements by a substring selector, a UTF-16 label on UTF-8 bytes, a homoglyph
watermark, an AI excerpt tool's chat preamble), not from what the checks look at. Measured by the
lead only, once, at the end of the session: the blind figure for them. Keep it out of tuning: a
check changed because one of these kinds failed turns its figure into a tuning figure.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import datetime, timedelta, timezone

from anatomy import contains, esc, insert, parse, replace, slugify, squeeze, text_of
from base import NONE, RIGHT, AnyOf, Kind, Mutated, NotApplicable, Sample, published_at, register, rng_for, same
from holdout2 import _attrs, _inner, _prose, _refill
from holdout6 import _byline_box
from holdout9 import MONTHS, _meta, _undated, _visible_dates
from holdout11 import _EN_DATE
from holdout17 import _map_text, _shown_elsewhere
from holdout18 import _before_body, _month
from holdout19 import _header_dates
from holdout21 import _moment_of, _restamp, _top_level_gaps
from holdout22 import _figures, _visible_texts
from mutations import _attr, add_classes, anatomy_of, edit_jsonld, walk_json

HOLDOUT23: list[Kind] = []


_NOT_NAMES = {"Every", "Best", "What", "Where", "When", "How", "Why", "Here", "This", "These", "Review"}


def _game_of(sample: Sample) -> str:
    """The game (or show) the story is about, as its headline names it: the first run of two or
    more capitalised words, else its first capitalised word of four letters or more that is not a
    function word ("Ironvale review ...")."""
    headline = sample.expected["headline"] or ""
    m = re.search(r"(?<![\w’'])([A-Z][\w’']+(?: (?:of the |of |the )?[A-Z][\w’']+)+)", headline)
    if m:
        return re.sub(r"^All ", "", m.group(1))
    words = [w for w in re.findall(r"[A-Z][a-z]{3,}", headline) if w not in _NOT_NAMES]
    if not words:
        raise NotApplicable("the headline names no game")
    return words[0]


def _fetched(sample: Sample) -> datetime:
    """When the page was recorded (UTC); the publication time where the recording states none."""
    if sample.fetched_at:
        when = datetime.fromisoformat(sample.fetched_at.replace("Z", "+00:00"))
        return when if when.tzinfo else when.replace(tzinfo=timezone.utc)
    return published_at(sample)


def _long_date(when: datetime) -> str:
    return f"{MONTHS[when.month - 1]} {when.day}, {when.year}"


def _article_nodes(obj) -> list[dict]:
    """The article nodes of a JSON-LD document (an @type ending in Article or Posting, or a Review)."""
    found = []

    def pick(d):
        kinds = d.get("@type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if any(isinstance(k, str) and (k.endswith("Article") or k.endswith("Posting") or k == "Review")
               for k in kinds):
            found.append(d)
    walk_json(obj, pick)
    return found


def _text(html: str) -> str:
    """The text an inner-HTML snippet shows, whitespace collapsed."""
    body = parse(f"<!DOCTYPE html><html><body><div>{html}</div></body></html>").body
    return " ".join(body.text(deep=True).split()) if body is not None else ""


# ------------------------------------------------- a right extraction exists

_SENDERS = ("Maya Lindqvist", "Owen Castellanos", "Priya Raman", "Tobias Wren", "Hannah Okoro")


@register(HOLDOUT23, RIGHT, """A gift-link banner (the "gift this article" feature subscription
platforms such as Piano and the big newsrooms offer: a subscriber shares a link that opens the story
for someone else, and the page says who sent it): above the headline, a role="status" banner with
the sender's avatar, "<name> gifted you this article", "Enjoy free access to this story and the
rest of the site for 7 days", a "Subscribe" link and a dismiss button. The sender is a reader, not
a writer, and the banner is the platform's: the right fields are unchanged.""")
def gift_article_banner_names_sender(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    sender = rng_for(sample, "gift_article_banner_names_sender").choice(_SENDERS)
    insert(a.headline, f'<div class="gift-banner" role="status"><img class="gift-banner__avatar" width="32" '
                       f'height="32" alt="" src="https://{sample.host}/wp-content/plugins/gift-links/avatar-'
                       f'{slugify(sender)}.png"><p class="gift-banner__text"><strong>{sender}</strong> gifted you '
                       f'this article.</p><p class="gift-banner__note">Enjoy free access to this story and the '
                       f'rest of the site for 7 days.</p><a class="gift-banner__cta" href="https://{sample.host}'
                       f'/subscribe/?ref=gift">Subscribe</a><button type="button" class="gift-banner__close" '
                       f'aria-label="Dismiss">×</button></div>', "before")
    return Mutated(tree.html, same(sample))


_HANDLES = ("Ashy", "Vex", "Kite", "Nova", "Rook", "Jinx", "Moth", "Pike")


@register(HOLDOUT23, RIGHT, """Esports writers' handles in their display names (esports desks
credit writers by the names the scene knows them by, as casters and players are: Given "Handle"
Family): each writer's profile now has the handle in double quotes between the given and the family
name, and the site prints that display name everywhere it names the writer (the byline, the author
box, avatar alt texts, the meta author and the JSON-LD author). The page names the same person as it
now writes the name: the right authors are the names as displayed (or as they were, without the
handle).""")
def byline_display_name_with_gamertag(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    names = sample.expected["authors"]
    if any(len(n.split()) < 2 for n in names):
        raise NotApplicable("a writer's name is one word (no given and family name)")
    rng = rng_for(sample, "byline_display_name_with_gamertag")
    handles = rng.sample(_HANDLES, len(names))
    shown = {n: f'{n.split()[0]} "{h}" {" ".join(n.split()[1:])}' for n, h in zip(names, handles)}

    def rename(text: str) -> str:
        for old, new in shown.items():
            text = text.replace(old, new)
        return text
    for t in list(_visible_texts(tree)):
        new = rename(t.text_content)
        if new != t.text_content:
            t.replace_with(new)
    for img in tree.css("img[alt]"):
        img.attrs["alt"] = rename(img.attributes.get("alt") or "")
    for meta in _meta(tree, "author", "twitter:data1"):
        meta.attrs["content"] = rename(meta.attributes.get("content") or "")

    def fix(d):
        if isinstance(d.get("name"), str):
            d["name"] = rename(d["name"])
        if isinstance(d.get("author"), str):
            d["author"] = rename(d["author"])
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))
    return Mutated(tree.html, same(sample, authors=AnyOf(([shown[n] for n in names], list(names)))))


_STUDIOS = ("Kestrel Games", "Bluewater Interactive", "Northlight Forge", "Studio Hoshizora", "Obsidian Bay")
_PUBLISHERS = ("Harbor Entertainment", "Lumen Publishing", "Tidewater Games")


@register(HOLDOUT23, RIGHT, """A games-database card in the text (games sites link their stories to
a database of games, IGN-style "object cards" or a plugin fed by IGDB, and print the game's card
after the opening paragraph): an <aside class="game-card"> with the cover art, the game's name as an
<h3>, a <dl> of Developer, Publisher, Platforms, Genre and "Release date" (a <time datetime> of the
game's launch, weeks after the story), and "Buy on Steam" / "Add to wishlist" buttons. The card is
the database's, not the writer's text, and its date is the game's: the right fields are
unchanged.""")
def game_info_card_mid_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if len(a.blocks) < 3:
        raise NotApplicable("a body of fewer than three blocks")
    rng = rng_for(sample, "game_info_card_mid_body")
    game = _game_of(sample)
    launch = published_at(sample) + timedelta(days=rng.randint(30, 160))
    card = (f'<aside class="game-card" data-igdb-id="{rng.randint(100000, 299999)}"><img class="game-card__cover" '
            f'width="90" height="120" alt="{_attr(game)} cover art" src="https://{sample.host}/wp-content/uploads/'
            f'games/{slugify(game)}-cover.jpg"><div class="game-card__info"><h3 class="game-card__title">{esc(game)}'
            f'</h3><dl class="game-card__facts"><dt>Developer</dt><dd>{rng.choice(_STUDIOS)}</dd><dt>Publisher</dt>'
            f'<dd>{rng.choice(_PUBLISHERS)}</dd><dt>Platforms</dt><dd>PC, PlayStation 5, Xbox Series X|S</dd>'
            f'<dt>Genre</dt><dd>Action RPG</dd><dt>Release date</dt><dd><time datetime="{launch:%Y-%m-%d}">'
            f'{_long_date(launch)}</time></dd></dl><div class="game-card__buttons"><a class="button" rel="sponsored" '
            f'href="https://store.steampowered.com/app/{rng.randint(1000000, 2999999)}/">Buy on Steam</a>'
            f'<button type="button" class="button button--ghost">Add to wishlist</button></div></div></aside>')
    insert(a.blocks[0], card, "after")
    return Mutated(tree.html, same(sample))


_QUESTIONS = ("What exactly is changing, and when?", "Is it worth coming back for if I stopped playing?",
              "How does this compare with the last update?", "Will it come to Nintendo Switch 2?")


@register(HOLDOUT23, RIGHT, """An AI answer engine licensed from a publisher-AI vendor (Gist
Answers, Taboola's Deeper Dive and the like, which news sites added in 2025) mounted by the theme's
content filter at the end of the body container: an "Ask about this story" heading, three suggested
questions as buttons, a question field with an "Ask" button, and the line "Answers are generated by
AI from this site's reporting and may contain mistakes." It is the vendor's widget, not the
article's text: the right fields are unchanged.""")
def ask_ai_answers_widget_after_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    rng = rng_for(sample, "ask_ai_answers_widget_after_body")
    asks = "".join(f'<li><button type="button" class="ai-answers__suggestion">{esc(q)}</button></li>'
                   for q in rng.sample(_QUESTIONS, 3))
    insert(a.body, f'<div class="ai-answers" data-vendor="answers-widget" data-post-url="{_attr(sample.url)}">'
                   f'<h2 class="ai-answers__title">Ask about this story</h2><ul class="ai-answers__suggestions">'
                   f'{asks}</ul><form class="ai-answers__form" role="search"><input type="text" name="q" '
                   f'placeholder="Ask a question about this story" aria-label="Your question"><button type="submit">'
                   f'Ask</button></form><p class="ai-answers__disclaimer">Answers are generated by AI from this '
                   f'site\'s reporting and may contain mistakes.</p></div>', "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT23, RIGHT, """Copy pasted from an AI chat assistant (writers draft or tidy text in
ChatGPT and paste the answer into the block editor, which keeps the markup the chat page put on the
clipboard): every block of the body and every link and emphasis inside it carries the chat
renderer's data-start / data-end character offsets, and a horizontal rule with its own offsets
(the chat answer's "---" separator) sits before every subheading. Attributes and rules only: the
right fields are unchanged.""")
def chatgpt_paste_data_offsets(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    at = 0
    for block in list(a.blocks):
        length = len(text_of(block))
        for inline in block.css("a, strong, em, b, i, code"):
            start = at + max(0, text_of(block).find(text_of(inline)))
            inline.attrs["data-start"] = str(start)
            inline.attrs["data-end"] = str(start + len(text_of(inline)))
        block.attrs["data-start"] = str(at)
        block.attrs["data-end"] = str(at + length)
        if block.tag in ("h2", "h3", "h4") and block.mem_id != a.blocks[0].mem_id:
            insert(block, f'<hr data-start="{at}" data-end="{at + 3}">', "before")
        at += length + 2
    return Mutated(tree.html, same(sample))


_FOOTNOTES = ("Figures from the studio's investor call earlier this month.",
              "The studio confirmed the date to us by e-mail; it has not announced it publicly.",
              "Player counts as reported by SteamDB on the day of writing.")


@register(HOLDOUT23, RIGHT, """WordPress's footnotes block (core since 6.3, and the way editors now
cite sources): in two prose paragraphs, a numbered reference at the end (<sup data-fn="<uuid>"
class="fn"><a href="#<uuid>" id="<uuid>-link">1</a></sup>), and the footnotes block appended to
the post content, <ol class="wp-block-footnotes"> with each note and a "↩︎" back link. The notes
are the sources, not the prose: the right body is the article's paragraphs, either without the
reference numbers or with them where they sit.""")
def wp_footnotes_block_refs(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = _prose(a)
    if len(prose) < 2:
        raise NotApplicable("fewer than two prose paragraphs")
    picks = [prose[0], prose[len(prose) // 2]] if len(prose) > 2 else prose[:2]
    rng = rng_for(sample, "wp_footnotes_block_refs")
    ids = [str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in picks]
    with_refs = list(sample.expected["body"])
    notes = []
    for n, (p, fid) in enumerate(zip(picks, ids), start=1):
        said = text_of(p)
        i = next(i for i, b in enumerate(sample.expected["body"]) if squeeze(b) == squeeze(said))
        with_refs[i] = f"{sample.expected['body'][i]}{n}"
        _refill(p, f'{_inner(p)}<sup data-fn="{fid}" class="fn"><a href="#{fid}" id="{fid}-link">{n}</a></sup>')
        notes.append(f'<li id="{fid}">{esc(_FOOTNOTES[n - 1])} <a href="#{fid}-link" aria-label="Jump to '
                     f'footnote reference {n}">↩︎</a></li>')
    insert(a.body, f'<ol class="wp-block-footnotes">{"".join(notes)}</ol>', "append")
    return Mutated(tree.html, same(sample, body=AnyOf((list(sample.expected["body"]), with_refs))))


@register(HOLDOUT23, RIGHT, """An entity-linking SEO plugin (WordLift-style knowledge-graph
markup, as publishers add for search features) enriches the article's JSON-LD node: "about" gets
the game as a VideoGame entity with its own "datePublished" (the game's release day, long before
the story), "author" (the developer, an Organization), "publisher" and "gamePlatform", and
"mentions" gets two Person entities (a producer and a director with their job titles). The
article's own headline, author and dates are unchanged, and so is the visible page: the right fields
are unchanged.""")
def jsonld_about_videogame_entity(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    rng = rng_for(sample, "jsonld_about_videogame_entity")
    game = _game_of(sample)
    released = published_at(sample) - timedelta(days=rng.randint(200, 900))
    hits = []

    def enrich(obj):
        for node in _article_nodes(obj):
            node["about"] = [{"@type": "VideoGame", "@id": f"https://data.{sample.host}/entity/{slugify(game)}",
                              "name": game, "datePublished": f"{released:%Y-%m-%d}",
                              "author": {"@type": "Organization", "name": rng.choice(_STUDIOS)},
                              "publisher": {"@type": "Organization", "name": rng.choice(_PUBLISHERS)},
                              "gamePlatform": ["PC", "PlayStation 5", "Xbox Series X"],
                              "sameAs": f"https://www.wikidata.org/wiki/Q{rng.randint(100000000, 130000000)}"}]
            node["mentions"] = [{"@type": "Person", "name": "Kenji Arakawa", "jobTitle": "Producer"},
                                {"@type": "Person", "name": "Sofia Brandt", "jobTitle": "Creative Director"}]
            hits.append(node)
        return obj
    edit_jsonld(tree, enrich)
    if not hits:
        raise NotApplicable("no article node in the JSON-LD")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT23, RIGHT, """A release countdown block (countdown-timer plugins, as games and
entertainment sites put them in launch and event stories): after the second block of the body, a
<div class="countdown-timer" data-target="<ISO moment>"> with "<game> launches in", the days,
hours, minutes and seconds left when the page was rendered (in big digits, each with its unit),
and the launch moment as a <time datetime> ("September 12, 2025 at 5:00 pm UTC"). The timer is the
plugin's, and its date is the launch's: the right fields are unchanged.""")
def release_countdown_timer_mid_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if len(a.blocks) < 3:
        raise NotApplicable("a body of fewer than three blocks")
    rng = rng_for(sample, "release_countdown_timer_mid_body")
    game = _game_of(sample)
    rendered = max(_fetched(sample), published_at(sample))
    launch = (rendered + timedelta(days=rng.randint(12, 80))).replace(hour=17, minute=0, second=0, microsecond=0)
    left = launch - rendered
    hours, rest = divmod(left.seconds, 3600)
    units = "".join(f'<span class="countdown-timer__unit"><b>{v:02d}</b> {u}</span>'
                    for v, u in ((left.days, "days"), (hours, "hours"), (rest // 60, "minutes"), (rest % 60, "seconds")))
    insert(a.blocks[1], f'<div class="countdown-timer" data-target="{launch:%Y-%m-%dT%H:%M:%SZ}"><p class='
                        f'"countdown-timer__label">{esc(game)} launches in</p><div class="countdown-timer__units">'
                        f'{units}</div><p class="countdown-timer__date"><time datetime="{launch:%Y-%m-%dT%H:%M:%SZ}">'
                        f'{_long_date(launch)} at 5:00 pm UTC</time></p></div>', "after")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT23, RIGHT, """A front end's date line built with an ICU message whose year is a
plain number argument ("Published: {month} {day}, {year}" in FormatJS / ICU MessageFormat, where a
number is formatted with the locale's digit grouping unless the message says otherwise): every
date line of the article header prints the year as "2,025" ("Published: Aug 10, 2,025 10:03 am"),
the machine-readable attributes, meta and JSON-LD unchanged. A reader reads the same day: the right
fields are unchanged.""")
def visible_year_icu_number_grouping(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)

    def grouped(m):
        year = m["year"]
        return m.group(0).replace(year, f"{int(year):,}", 1) if len(year) == 4 else None
    done = 0
    for node in _header_dates(tree, a):
        said = text_of(node)
        m = _EN_DATE.search(said)
        stamp = grouped(m) if m is not None else None
        if stamp is not None:
            _restamp(node, said, m, stamp)
            done += 1
    if not done:
        raise NotApplicable("no printed date line in the article header")
    return Mutated(tree.html, same(sample))


_RELATED = ("Every patch note for the new season, explained", "The best loadouts to use after the update",
            "How to unlock the photo mode early", "All the rewards in this week's event",
            "Our favourite moments from the showcase")
_STAFF = ("Nadia Ferro", "Tom Okafor", "Lena Brooks", "Marcus Ellery")


@register(HOLDOUT23, RIGHT, """A related-posts plugin that describes its list in structured data
(ItemList markup for "related stories" carousels, printed in <head> before the SEO plugin's own
block): a JSON-LD ItemList whose ListItems are four NewsArticle nodes of other stories of the site,
each with its headline, url, image, datePublished and author (a Person). The page's own JSON-LD
and the visible page are unchanged: the right fields are unchanged.""")
def jsonld_related_articles_itemlist(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    rng = rng_for(sample, "jsonld_related_articles_itemlist")
    when = published_at(sample)
    items = []
    for n, title in enumerate(rng.sample(_RELATED, 4), start=1):
        day = when - timedelta(days=n, hours=rng.randint(1, 9))
        url = f"https://{sample.host}/news/{slugify(title)}/"
        items.append({"@type": "ListItem", "position": n, "item": {
            "@type": "NewsArticle", "headline": title, "url": url,
            "image": f"https://{sample.host}/wp-content/uploads/{day:%Y/%m}/{slugify(title)}.jpg",
            "datePublished": day.strftime("%Y-%m-%dT%H:%M:%S+00:00"),
            "author": {"@type": "Person", "name": _STAFF[n - 1]}}})
    block = json.dumps({"@context": "https://schema.org", "@type": "ItemList", "name": "Related stories",
                        "itemListElement": items}, ensure_ascii=False).replace("</", "<\\/")
    script = f'<script type="application/ld+json" class="related-posts-schema">{block}</script>'
    first = tree.css_first('script[type="application/ld+json"]')
    if first is not None:
        insert(first, script, "before")
    elif tree.head is not None:
        insert(tree.head, script, "append")
    else:
        raise NotApplicable("no <head>")
    return Mutated(tree.html, same(sample))


_PHOTOGRAPHERS = ("Ines Moreau", "Daniel Achterberg", "Ruth Kamau", "Felix Ortega")


@register(HOLDOUT23, RIGHT, """Content Credentials on the pictures (C2PA provenance, which cameras,
Adobe's tools and some image CDNs now sign and which newsrooms display): every figure of the
article gets the "cr" pin, a button over the image, and its popover (the HTML popover attribute)
with "Content Credentials", "Produced by <photographer>", "Issued by Adobe Inc.", "Signed" with a
<time datetime> a few days before the story, "App or device used: Adobe Photoshop 26.8", "AI tool
used: None" and an "Inspect" link to the verify site. The credentials are the images', not the
article's: the right fields are unchanged.""")
def content_credentials_badges_on_images(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    figures = _figures(a)
    if not figures:
        raise NotApplicable("no figure with an image")
    rng = rng_for(sample, "content_credentials_badges_on_images")
    for n, figure in enumerate(figures):
        signed = published_at(sample) - timedelta(days=rng.randint(1, 6), hours=rng.randint(1, 20))
        pid = f"c2pa-{n + 1}"
        img = figure.css_first("img")
        insert(img, f'<div class="c2pa-pin"><button type="button" class="c2pa-pin__button" popovertarget="{pid}" '
                    f'aria-label="Content Credentials">cr</button><div class="c2pa-pin__popover" id="{pid}" popover>'
                    f'<p class="c2pa-pin__title">Content Credentials</p><dl><dt>Produced by</dt><dd>'
                    f'{rng.choice(_PHOTOGRAPHERS)}</dd><dt>Issued by</dt><dd>Adobe Inc.</dd><dt>Signed</dt><dd><time '
                    f'datetime="{signed:%Y-%m-%dT%H:%M:%S+00:00}">{MONTHS[signed.month - 1][:3]} {signed.day}, '
                    f'{signed.year}</time></dd><dt>App or device used</dt><dd>Adobe Photoshop 26.8</dd><dt>AI tool '
                    f'used</dt><dd>None</dd></dl><a href="https://contentcredentials.org/verify?source='
                    f'{_attr(img.attributes.get("src") or "")}">Inspect</a></div></div>', "after")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT23, RIGHT, """A header printed twice for two breakpoints (responsive themes built on
Bootstrap-style display utilities render a mobile and a desktop variant of the same component and
hide one with CSS): the article header block (the title, the standfirst and whatever sits with
them, the byline where it is inside) is printed once more right before itself with "d-md-none article-header--mobile",
and the original gets "d-none d-md-block". The same words in the same place on any screen: the
right fields are unchanged.""")
def responsive_header_printed_twice(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    # the outermost element around the title that holds no part of the body: the header block
    outer = a.headline
    while outer.parent is not None and outer.parent.tag not in ("body", "html", "main", "article") \
            and not contains(outer.parent, a.body):
        outer = outer.parent
    if outer.mem_id == a.headline.mem_id or (a.dek is not None and not contains(outer, a.dek)):
        raise NotApplicable("no header block around the title and the standfirst apart from the body")
    copy = outer.html
    (twin,) = insert(outer, copy, "before")
    add_classes(twin, ["d-md-none", "article-header--mobile"])
    add_classes(outer, ["d-none", "d-md-block"])
    return Mutated(tree.html, same(sample))


@register(HOLDOUT23, RIGHT, """A "mobile readability" setting that gives every sentence its own
paragraph (readability plugins and AI editing tools that enforce short paragraphs, and newsroom
house styles for phones): every prose paragraph of two or more sentences is printed as one <p> per
sentence, each with the paragraph's attributes, links and emphasis kept inside their sentence.
The page shows one-sentence paragraphs with the same words in the same order: the right body is
those paragraphs.""")
def paragraphs_split_per_sentence_for_mobile(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    split = {}
    for p in _prose(a):
        inner = _inner(p)
        gaps = _top_level_gaps(inner)
        if not gaps:
            continue
        pieces, start = [], 0
        for g in gaps:
            pieces.append(inner[start:g])
            start = g + 1
        pieces.append(inner[start:])
        said = squeeze(text_of(p))
        split[said] = [_text(piece) for piece in pieces]
        replace(p, "".join(f"<p{_attrs(p)}>{piece}</p>" for piece in pieces))
    if not split:
        raise NotApplicable("no paragraph of two sentences")
    body = []
    for b in sample.expected["body"]:
        body.extend(split.pop(squeeze(b), [b]))
    return Mutated(tree.html, same(sample, body=body))


# ------------------------------------------------- no right extraction exists

@register(HOLDOUT23, NONE, """A hero-image partial that leaves the featured image as the current
post (a theme update's partial sets up the attachment's post data to print its caption and credit,
get_post( get_post_thumbnail_id() ) and setup_postdata(), and never calls wp_reset_postdata()):
the <h1> printed after it shows the attachment's title, which WordPress took from the uploaded
file's name, a Mac screenshot's ("Screenshot 2025-08-08 at 10.42.17"). <title>, og:title and the
JSON-LD, printed before the partial, keep the story's title. The headline the page shows is not the
article's: no right extraction exists.""")
def headline_shows_featured_image_attachment_title(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    rng = rng_for(sample, "headline_shows_featured_image_attachment_title")
    shot = published_at(sample) - timedelta(days=rng.randint(1, 3), minutes=rng.randint(30, 600))
    _refill(a.headline, f"Screenshot {shot:%Y-%m-%d} at {shot.hour}.{shot.minute:02d}.{rng.randint(10, 59)}")
    _shown_elsewhere(tree.html, sample.expected["headline"])
    return Mutated(tree.html, None)


@register(HOLDOUT23, NONE, """A CSV import that cut the standfirsts at their first comma (the
posts exported from the old CMS to CSV without quoting the text fields, and imported with WP All
Import-style column mapping): the excerpt column holds only the standfirst's words up to its first
comma, the rest spilled into the next, unmapped column, and the theme prints the excerpt under the
headline ("Not everyone is convinced"). The SEO plugin's description came from its own column and
keeps the whole sentence in the meta and JSON-LD. The standfirst the page shows is not the
article's: no right extraction exists.""")
def dek_cut_at_first_comma_csv_import(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    dek = sample.expected["dek"]
    if a.dek is None or not dek or "," not in dek:
        raise NotApplicable("no standfirst with a comma")
    head = dek.split(",", 1)[0].strip()
    if len(head.split()) < 2:
        raise NotApplicable("the standfirst's first comma comes after its first word")
    _refill(a.dek, esc(head))
    _shown_elsewhere(tree.html, dek)
    return Mutated(tree.html, None)


@register(HOLDOUT23, NONE, """Post content stored JSON-encoded (a headless migration's import script
wrote the API's JSON string value into post_content without decoding it, a classic integration
slip): the old CMS separated paragraphs with blank lines, which are now the two-character
sequences "\\n\\n" in one long line, straight double quotes are "\\"", and wpautop finds no line
break to make paragraphs from, so every run of paragraphs between two headings, figures or lists is
printed as one <p> holding the paragraphs joined by a literal "\\n\\n". The article's paragraphs
are not on the page as written: no right extraction exists.""")
def content_json_escaped_newlines_literal(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    runs, run = [], []
    for block in a.blocks:
        if block.tag == "p":
            run.append(block)
            continue
        if len(run) > 1:
            runs.append(run)
        run = []
    if len(run) > 1:
        runs.append(run)
    if not runs:
        raise NotApplicable("no two paragraphs in a row")

    def escaped(text: str) -> str:
        return text.replace('"', '\\"')
    for run in runs:
        joined = "\\n\\n".join(_map_text(_inner(p), escaped) for p in run)
        _refill(run[0], joined)
        for p in run[1:]:
            p.decompose()
    return Mutated(tree.html, None)


@register(HOLDOUT23, NONE, """A display name typed with an HTML entity (writers and editors put a
non-breaking space into their profile's display name, "Ben&nbsp;Ashby", so that the old theme,
which printed it raw, never broke the byline between given and family name) and a theme update
that escapes it (esc_html on output, as the new theme and the SEO plugin both do): the byline, the
author box, the meta author and the JSON-LD author all read "Ben&nbsp;Ashby", the entity as text.
The page does not print the writer's name: no right extraction exists.""")
def byline_display_name_entity_printed(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    names = sample.expected["authors"]
    if any(" " not in n for n in names):
        raise NotApplicable("a writer's name is one word")
    shown = {n: n.replace(" ", "&nbsp;", 1) for n in names}

    def rename(text: str) -> str:
        for old, new in shown.items():
            text = text.replace(old, new)
        return text
    for t in list(_visible_texts(tree)):
        new = rename(t.text_content)
        if new != t.text_content:
            t.replace_with(new)
    for meta in _meta(tree, "author"):
        meta.attrs["content"] = rename(meta.attributes.get("content") or "")

    def fix(d):
        if isinstance(d.get("name"), str) and d.get("@type") in ("Person", None):
            d["name"] = rename(d["name"])
        if isinstance(d.get("author"), str):
            d["author"] = rename(d["author"])
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))
    return Mutated(tree.html, None)


def _excel_serial(local: datetime) -> str:
    """A naive local moment as a spreadsheet's date serial (days since 30 December 1899, the time
    as the fraction), as Excel and Google Sheets store it."""
    days = (local - datetime(1899, 12, 30)).total_seconds() / 86400
    return f"{days:.4f}".rstrip("0").rstrip(".")


@register(HOLDOUT23, NONE, """A spreadsheet round trip of the posts (an export to Google Sheets or
Excel to fix categories in bulk, re-imported with an import plugin): the newsroom's "display date"
field, which the theme's date line and the site's schema plugin both print, came back as the
spreadsheet's date serial number, so the header reads "Published: 45879.4188" (its data-datetime
and datetime the same number), article:published_time and the JSON-LD datePublished hold the
number, and the re-import updated every post, so the modification time, "Updated" line included,
is the import's, two days before the crawl. The page no longer states when the article was
published: no right extraction exists.""")
def visible_date_excel_serial_number(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    published = published_at(sample)
    imported = (_fetched(sample) - timedelta(days=2)).replace(microsecond=0)
    if imported <= published:
        raise NotApplicable("the page was recorded within two days of publication")
    lines = _header_dates(tree, a)
    local_published = None
    for node in lines:
        m = _EN_DATE.search(text_of(node))
        if m is not None and not (m["label"] or "").strip().lower().startswith("updated") and _moment_of(m):
            local_published = _moment_of(m)
            break
    # the site's zone, as its own date line shows it: the import's time is printed in it too
    offset = local_published - published.replace(tzinfo=None) if local_published else timedelta(0)
    shown_import = imported.replace(tzinfo=None) + offset
    done = 0
    for node in lines:
        said = text_of(node)
        m = _EN_DATE.search(said)
        if m is None:
            continue
        label = (m["label"] or "").strip().lower()
        if label.startswith("updated"):
            stamp = f"{m['label']}{MONTHS[shown_import.month - 1][:3]} {shown_import.day}, {shown_import.year} " \
                    f"{shown_import.hour % 12 or 12}:{shown_import.minute:02d} {'am' if shown_import.hour < 12 else 'pm'}"
            iso = imported.strftime("%Y-%m-%dT%H:%M:%S+00:00")
        else:
            local = _moment_of(m) or datetime(int(m["year"]), _month(m["month"]), int(m["day"]))
            stamp = f"{m['label'] or ''}{_excel_serial(local)}"
            iso = _excel_serial(local)
        for key in ("datetime", "data-datetime"):
            if node.attributes.get(key):
                node.attrs[key] = iso
        _restamp(node, said, m, stamp)
        done += 1
    if not done:
        raise NotApplicable("no printed date line in the article header")
    serial = _excel_serial(local_published or published.replace(tzinfo=None))
    for node in _before_body(tree, a, _visible_dates(a)):
        for key in ("datetime", "data-datetime"):
            if (node.attributes.get(key) or "")[:10] == sample.expected["published"][:10]:
                node.attrs[key] = serial
    for meta in _meta(tree, "article:published_time", "og:published_time", "datepublished"):
        meta.attrs["content"] = serial
    for meta in _meta(tree, "article:modified_time", "og:updated_time"):
        meta.attrs["content"] = imported.strftime("%Y-%m-%dT%H:%M:%S+00:00")

    def fix(d):
        if isinstance(d.get("datePublished"), str):
            d["datePublished"] = serial
        if isinstance(d.get("dateModified"), str):
            d["dateModified"] = imported.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))
    return Mutated(_undated(sample, tree.html), None)


_SHORT_TEXT_LIMIT = 256


@register(HOLDOUT23, NONE, """A migration to a headless CMS whose content model made each paragraph
a "short text" field (Contentful's Symbol type holds at most 256 characters), with a migration
script that truncated values to pass validation (value.slice(0, 256)) and stored them as plain
text: every body paragraph longer than 256 characters stops at its 256th character, mid-word and
without a mark, and loses its links and emphasis (the words inside them kept). The article's
paragraphs are not on the page whole: no right extraction exists.""")
def paragraphs_cut_at_short_text_limit(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    cut = 0
    for p in [b for b in a.blocks if b.tag == "p"]:
        said = text_of(p)
        if len(said) > _SHORT_TEXT_LIMIT:
            _refill(p, esc(said[:_SHORT_TEXT_LIMIT]))
            cut += 1
    if not cut:
        raise NotApplicable("no paragraph longer than 256 characters")
    return Mutated(tree.html, None)


@register(HOLDOUT23, NONE, """A response labelled UTF-16 whose bytes are UTF-8 (an IIS / ASP.NET
front end put before the site with responseEncoding="utf-16" in its web.config, which rewrites the
header without re-encoding the body): Content-Type: text/html; charset=utf-16, no byte-order mark.
A charset given by the transport layer is binding, so browsers decode every pair of bytes as one
UTF-16 code unit and show a page of CJK-looking characters, no markup, no article. No right
extraction exists.""")
def utf8_page_labelled_utf16(sample: Sample) -> Mutated:
    raw = sample.html.encode("utf-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        raise NotApplicable("the page starts with a byte-order mark, which would win over the label")
    return Mutated(raw, None, content_type="text/html; charset=utf-16")


_HOMOGLYPHS = {"a": "а", "e": "е", "o": "о", "c": "с", "p": "р", "x": "х", "i": "і", "y": "у"}


@register(HOLDOUT23, NONE, """A homoglyph watermark (canary-trap fingerprinting, as leak-tracing and
anti-piracy services mark the copies they serve, one variant per reader or per syndication
partner): in every prose paragraph about one Latin letter in six of a, e, o, c, p, x, i and y is
replaced by its Cyrillic look-alike (а е о с р х і у), a pattern fixed per copy. Readers see the
same letters; the text is not the article's words (a search or a spell check no longer finds
them), as with a font cipher: no right extraction exists.""")
def homoglyph_watermark_in_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = _prose(a)
    if not prose:
        raise NotApplicable("no prose paragraph")
    rng = rng_for(sample, "homoglyph_watermark_in_body")

    def mark(text: str) -> str:
        return "".join(_HOMOGLYPHS[ch] if ch in _HOMOGLYPHS and rng.random() < 1 / 6 else ch for ch in text)
    for p in prose:
        _refill(p, _map_text(_inner(p), mark))
    return Mutated(tree.html, None)


@register(HOLDOUT23, NONE, """An edge worker meant to strip ads (a "lite" or ad-free variant served
to subscribers and crawlers, written with HTMLRewriter and the selector [class*="ad"]) that removes
every element whose class merely contains the letters "ad": "header", "heading", "loading",
"badge", "shadow", "thread", "breadcrumb", "lead" and "gradient" as well as the ad slots. What the
selector matched is gone with all it held (here the article header's title or standfirst or byline,
or the body's subheadings, as the template's class names fall). The article is not on the page
whole: no right extraction exists.""")
def edge_ad_stripper_substring_class_selector(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    matched = [n for n in tree.root.traverse(include_text=False)
               if n.tag not in ("html", "head", "body") and "ad" in (n.attributes.get("class") or "")]
    if not matched:
        raise NotApplicable("no class holds the letters")
    # the outermost matches only: removing one removes what it holds
    outermost = [n for n in matched if not any(m.mem_id != n.mem_id and contains(m, n) for m in matched)]
    for node in outermost:
        node.decompose()
    html = tree.html
    after = parse(html)
    for node in after.css("script, style, noscript"):
        node.decompose()
    shown = squeeze(after.body.text(deep=True) if after.body is not None else "")
    e = sample.expected
    parts = [e["headline"], e["dek"]] + list(e["body"]) + [f"By{n}" for n in e["authors"]]
    if all(squeeze(p) in shown for p in parts if p):
        raise NotApplicable("the selector matched no part of the article")
    return Mutated(html, None)


@register(HOLDOUT23, NONE, """Titles imported from a feed with their CDATA markers (a network site
that takes its stories from the partner CMS's RSS feed with a feed-to-post plugin whose parser
reads <title> with a regular expression instead of an XML parser): the stored title is
"<![CDATA[<the title>]]>", printed escaped as text in the <h1> and carried into <title>, og:title,
twitter:title and the JSON-LD headline. The headline the page shows is the feed's markup around
the title: no right extraction exists.""")
def headline_feed_import_cdata_markers(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    title = sample.expected["headline"]

    def wrapped(text: str) -> str:
        return text.replace(title, f"<![CDATA[{title}]]>") if title in text else text
    _refill(a.headline, esc(f"<![CDATA[{title}]]>"))
    node = tree.css_first("title")
    if node is not None and title in node.text():
        replace(node, f"<title>{esc(wrapped(node.text()))}</title>")
    for meta in _meta(tree, "og:title", "twitter:title"):
        meta.attrs["content"] = wrapped(meta.attributes.get("content") or "")

    def fix(d):
        if isinstance(d.get("headline"), str):
            d["headline"] = wrapped(d["headline"])
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))
    return Mutated(tree.html, None)


@register(HOLDOUT23, NONE, """An AI excerpt tool run in bulk over the archive (the "generate
excerpts with AI" plugins that fill empty or old excerpts, switched on for every post) that saved
the chat model's reply as it came, preamble and all: the excerpt field, which the theme prints as
the standfirst and the SEO plugin's description template (%%excerpt%%) reads, is now "Sure! Here's
a one-sentence summary of the article: ..." with a generic summary, in the dek, the meta and Open
Graph descriptions and the JSON-LD description. The article's standfirst is nowhere on the page: no
right extraction exists.""")
def dek_ai_excerpt_with_chatbot_preamble(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    dek = sample.expected["dek"]
    if a.dek is None or not dek:
        raise NotApplicable("no standfirst")
    game = _game_of(sample)
    summary = (f"Sure! Here's a one-sentence summary of the article: The piece explains what is changing in "
               f"{game}, why some players are unhappy, and what the developers say comes next.")
    _refill(a.dek, esc(summary))
    for meta in _meta(tree, "description", "og:description", "twitter:description"):
        meta.attrs["content"] = summary

    def fix(d):
        if isinstance(d.get("description"), str) and squeeze(d["description"]) == squeeze(dek):
            d["description"] = summary
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))
    _shown_elsewhere(tree.html, dek)
    return Mutated(tree.html, None)


_DOCS_COMMENTS = ("Is this figure confirmed? Can we link the source?",
                  "Check the spelling of the studio's name with their press page.",
                  "Do we have a date for this yet, or should we cut it?")


@register(HOLDOUT23, NONE, """A story filed as a Google Docs HTML export (File > Download > Web page,
which newsrooms import into the CMS) with the editors' comments still in the document: Docs writes
each comment's anchor into the text as a bracketed letter link (<sup><a href="#cmnt1"
id="cmnt_ref1">[a]</a></sup>) after the commented words, and the comments themselves after the
text, each a <div> with a paragraph "[a]<comment>" and one with the commenter's name. Here one
comment each after the first sentence of the first, the middle and the last prose paragraph, the
comments printed after the last block, inside the body container. The article as published carries
the desk's comments: no right extraction exists.""")
def google_docs_comment_anchors_exported(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = _prose(a)
    if len(prose) < 3:
        raise NotApplicable("fewer than three prose paragraphs")
    picks = [prose[0], prose[len(prose) // 2], prose[-1]]
    rng = rng_for(sample, "google_docs_comment_anchors_exported")
    threads = []
    for n, p in enumerate(picks, start=1):
        letter = "abc"[n - 1]
        inner = _inner(p)
        gaps = _top_level_gaps(inner)
        at = gaps[0] if gaps else len(inner)
        anchor = f'<sup><a href="#cmnt{n}" id="cmnt_ref{n}">[{letter}]</a></sup>'
        _refill(p, inner[:at] + anchor + inner[at:])
        threads.append(f'<div class="docs-comment"><p><a href="#cmnt_ref{n}" id="cmnt{n}">[{letter}]</a>'
                       f'{esc(_DOCS_COMMENTS[n - 1])}</p><p>{rng.choice(_STAFF)}</p></div>')
    insert(a.blocks[-1], "".join(threads), "after")
    return Mutated(tree.html, None)
