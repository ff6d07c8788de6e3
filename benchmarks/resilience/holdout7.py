"""The seventh held-out set: template changes and newsroom incidents none of the first 135 kinds covers.

Same contract as the other sets (a Sample in, a Mutated out, each kind labelled). Written
before the fix for holdout6's localised byline label and run once before any fix: that
first measurement is recorded untouched in README.md. Keep it out of tuning: a check
changed because one of these kinds failed turns its figure into a tuning figure.
"""

from __future__ import annotations

from anatomy import children, insert, long_paragraphs, paragraphs, replace, text_of
from base import NONE, RIGHT, Kind, Mutated, NotApplicable, Sample, register, required, same
from holdout2 import _attrs, _inner, _refill
from mutations import anatomy_of, author_link, edit_jsonld

HOLDOUT7: list[Kind] = []


def _plain(node) -> bool:
    """A node whose content is text only (no child element): safe to rewrite word by word."""
    return not children(node)


# ------------------------------------------------- a right extraction exists

@register(HOLDOUT7, RIGHT, """A designer balances a long headline over two lines: the <h1>
gets a <br> in the middle ("Half of the title <br>the other half"). A reader sees the same
words; the right headline is unchanged.""")
def headline_split_by_line_break(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    h = a.headline
    words = (sample.expected["headline"] or "").split()
    if h is None or len(words) < 4 or not _plain(h):
        raise NotApplicable("no plain headline of four words or more")
    half = len(words) // 2
    _refill(h, f'{" ".join(words[:half])} <br>{" ".join(words[half:])}')
    return Mutated(tree.html, same(sample))


@register(HOLDOUT7, RIGHT, """An SEO plugin switch (Yoast style): the JSON-LD becomes one @graph
of WebPage, WebSite, Organization, BreadcrumbList, Person and the article, the article
naming its author and publisher by {"@id": ...} references to the graph's Person and
Organization nodes. Same facts: the fields are unchanged.""")
def jsonld_graph_with_id_references(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    host = sample.host
    people: list[dict] = []

    def regraph(data):
        nodes = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        out = []
        for node in nodes:
            if not isinstance(node, dict):
                continue
            node = dict(node)
            node.pop("@context", None)
            authors = node.get("author")
            if isinstance(authors, (dict, list)):
                refs = []
                for person in authors if isinstance(authors, list) else [authors]:
                    if isinstance(person, dict) and person.get("name"):
                        pid = f"https://{host}/#/schema/person/{len(people) + 1}"
                        people.append({**person, "@id": pid})
                        refs.append({"@id": pid})
                node["author"] = refs if isinstance(authors, list) else (refs[0] if refs else authors)
            if isinstance(node.get("publisher"), dict):
                out.append({**node["publisher"], "@id": f"https://{host}/#organization"})
                node["publisher"] = {"@id": f"https://{host}/#organization"}
            node["isPartOf"] = {"@id": f"{sample.url}#webpage"}
            out.append(node)
        out += [{"@type": "WebPage", "@id": f"{sample.url}#webpage", "url": sample.url},
                {"@type": "WebSite", "@id": f"https://{host}/#website", "url": f"https://{host}/"},
                {"@type": "BreadcrumbList", "itemListElement": [
                    {"@type": "ListItem", "position": 1, "name": "Home", "item": f"https://{host}/"}]}]
        return {"@context": "https://schema.org", "@graph": out + people}

    if not edit_jsonld(tree, regraph):
        raise NotApplicable("no JSON-LD")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT7, RIGHT, """Affiliate programmes: a disclosure ("When you purchase through links
on our site, we may earn an affiliate commission. Here's how it works.") opens the body
container in <p class="affiliate-disclosure"><small>. It is the site's, not the article's.""")
def affiliate_disclosure_prepended(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    insert(a.body, '<p class="affiliate-disclosure"><small>When you purchase through links on our '
                   'site, we may earn an affiliate commission. <a href="/about/affiliates/">Here\'s '
                   'how it works</a>.</small></p>', "prepend")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT7, RIGHT, """An in-read ad unit injected inside a paragraph (between two
sentences) as an inline element: <ins class="inread-ad"> holding the ad's <iframe>. The
paragraph's words are unchanged and the right body.""")
def inread_ad_inside_paragraph(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    paras = [p for p in long_paragraphs(a) if _plain(p) and ". " in text_of(p)]
    if not paras:
        raise NotApplicable("no plain prose paragraph of two sentences")
    p = paras[len(paras) // 2]
    inner = _inner(p)
    cut = inner.index(". ") + 2
    replace(p, f'<p{_attrs(p)}>{inner[:cut]}<ins class="inread-ad" data-slot="inread-1">'
                f'<iframe src="https://ads.example/inread?slot=1" title="Advertisement" width="300" '
                f'height="250"></iframe></ins>{inner[cut:]}</p>')
    return Mutated(tree.html, same(sample))


@register(HOLDOUT7, RIGHT, """A web-components front end: each body paragraph is rendered as a
custom element <rich-text-paragraph> (no <p> inside), the way Lit/Stencil templates
print them. A reader sees the same paragraphs.""")
def paragraphs_as_custom_elements(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    paras = required(paragraphs(a), "fewer than two paragraphs", at_least=2)
    for p in paras:
        replace(p, f'<rich-text-paragraph{_attrs(p)}>{_inner(p)}</rich-text-paragraph>')
    return Mutated(tree.html, same(sample))


@register(HOLDOUT7, RIGHT, """A writer's unclosed <em> in the first paragraph: the CMS saves
"<em>" with no "</em>", so the browser's parser carries the italics into every following
paragraph (the HTML adoption rules reopen <em> in each). The text is unchanged.""")
def unclosed_inline_tag(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    paras = required([p for p in long_paragraphs(a) if _plain(p)], "fewer than two plain prose paragraphs", at_least=2)
    p = paras[0]
    words = _inner(p).split(" ")
    k = len(words) // 2
    html = tree.html
    old = p.html
    new = f'<p{_attrs(p)}>{" ".join(words[:k])} <em>{" ".join(words[k:])}</p>'
    if html.count(old) != 1:
        raise NotApplicable("the paragraph's markup is not unique")
    return Mutated(html.replace(old, new), same(sample))


@register(HOLDOUT7, RIGHT, """A byline template regression drops the separators between author
links, and the space after the label: "By<a>Jane Doe</a><a>John Roe</a>" (no comma, no
"and", no space). Each name is still its own link to its author page: the right authors
are unchanged.""")
def byline_links_unseparated(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    names = sample.expected["authors"]
    if a.byline is None or not names:
        raise NotApplicable("no byline (a staff piece)")
    attrs = _attrs(a.byline)
    replace(a.byline, f'<div{attrs}>By{"".join(author_link(sample, n) for n in names)}</div>')
    return Mutated(tree.html, same(sample))


@register(HOLDOUT7, RIGHT, """A reading-experience update: a "6 min read" line with a word count
and a reading-progress bar (<progress>) between the byline and the body container, and
"Share" / "Save" buttons beside it. The fields are unchanged.""")
def reading_time_and_progress(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    words = sum(len(b.split()) for b in sample.expected["body"] or [])
    insert(a.body, f'<div class="reading-meta"><span class="reading-time">{max(1, words // 230)} min read'
                   f'</span> <span class="word-count">{words} words</span><progress class="reading-'
                   f'progress" max="100" value="0"></progress><button type="button">Share</button>'
                   f'<button type="button">Save</button></div>', "before")
    return Mutated(tree.html, same(sample))


# ------------------------------------------------- no right extraction exists

@register(HOLDOUT7, NONE, """A feed-excerpt filter applied to the article template: every body
paragraph is cut after its first sentence and ends in "[…]". Most of the article's text is
not on the page.""")
def every_paragraph_clipped(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    paras = [p for p in long_paragraphs(a) if ". " in text_of(p)]
    if len(paras) < 2:
        raise NotApplicable("fewer than two prose paragraphs of two sentences")
    for p in paras:
        first = text_of(p).split(". ")[0]
        replace(p, f'<p{_attrs(p)}>{first}. [\u2026]</p>')
    return Mutated(tree.html, None)


@register(HOLDOUT7, NONE, """A template change prints the title twice in the <h1> (the SEO title
field and the post title, both filled): "Title Title". The headline shown is not the
article's headline: broken, naming the headline.""")
def headline_doubled(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    h = a.headline
    title = sample.expected["headline"]
    if h is None or not title or not _plain(h):
        raise NotApplicable("no plain headline")
    _refill(h, f'{_inner(h)} {_inner(h)}')
    return Mutated(tree.html, None)


@register(HOLDOUT7, NONE, """The standfirst slot is fed from the meta description, which the SEO
plugin cuts at 60 characters mid-word with "...": the dek reads "The studio confirmed the
new season wi...". The page's dek is wrong: broken, naming the dek.""")
def dek_cut_mid_word(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    dek = sample.expected["dek"]
    if a.dek is None or not dek or len(dek) < 80:
        raise NotApplicable("no dek of 80 characters or more")
    cut = dek[:60]
    if cut.endswith(" ") or dek[60] == " ":
        cut = dek[:58]
    _refill(a.dek, f'{cut.rstrip()}...')
    return Mutated(tree.html, None)


@register(HOLDOUT7, NONE, """An age gate for mature-rated games: the body container holds "This
content is intended for mature audiences. Please enter your date of birth to continue."
with day/month/year selects and an "Enter" button. The article is not on the page.""")
def age_gate_replaces_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    for node in children(a.body):
        node.decompose()
    insert(a.body, '<div class="age-gate"><h2>Age verification</h2><p>This content is intended for '
                   'mature audiences. Please enter your date of birth to continue.</p><form><select '
                   'name="day"><option>Day</option></select><select name="month"><option>Month</option>'
                   '</select><select name="year"><option>Year</option></select><button type="submit">'
                   'Enter</button></form></div>', "append")
    return Mutated(tree.html, None)


@register(HOLDOUT7, NONE, """Server rendering fails over to the client shell: the body container
holds only skeleton placeholders (empty <div class="skeleton skeleton--line"> bars and an
aria-busy wrapper) that the script was to fill. The article's text is not on the page.""")
def skeleton_loader_body(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    for node in children(a.body):
        node.decompose()
    bars = "".join('<div class="skeleton skeleton--line"></div>' for _ in range(12))
    insert(a.body, f'<div class="article-skeleton" aria-busy="true" aria-label="Loading">'
                   f'<div class="skeleton skeleton--image"></div>{bars}</div>', "append")
    return Mutated(tree.html, None)


@register(HOLDOUT7, NONE, """A newsroom turns the story into a video package and the template
swaps the text for the player: the body container holds a video iframe and one caption line
("Watch: <headline>"). The article's text is not on the page.""")
def body_replaced_by_video_embed(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    headline = sample.expected["headline"] or "the story"
    for node in children(a.body):
        node.decompose()
    insert(a.body, f'<figure class="video-embed"><iframe src="https://player.example/embed/8812" '
                   f'width="640" height="360" allowfullscreen title="Video player"></iframe>'
                   f'<figcaption>Watch: {headline}</figcaption></figure>', "append")
    return Mutated(tree.html, None)


__all__ = ["HOLDOUT7"]
