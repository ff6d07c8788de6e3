"""Realistic template changes applied to a shipped page's HTML, for the checks' tests.

Each function takes the page's HTML and the item extracted from it (the right answer)
and returns the changed HTML. They work on any layout: the body's container is found
from the item's paragraphs, not from class names."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from pressguard.verdict import fingerprint as fp


def _body_elements(tree, item) -> list:
    index = fp.TextIndex(tree)
    out = []
    for p in item["body"]:
        hit = fp._primary(index.locate(p, slack=1.3, extra=30))
        if hit is not None and hit[1].tag == "p":
            out.append(hit[1])
    return out


def serialized(html: str | bytes) -> str:
    """The page as lexbor writes it back, so elements' .html are substrings of it."""
    return LexborHTMLParser(html).html


def _replace_once(html: str, old: str, new: str) -> str:
    assert html.count(old) >= 1, old[:80]
    return html.replace(old, new, 1)


def lazy_second_half(html: str, item: dict) -> str:
    """The second half of the paragraphs replaced by a lazy-load placeholder."""
    html = serialized(html)
    tree = LexborHTMLParser(html)
    paras = _body_elements(tree, item)
    half = paras[len(paras) // 2:]
    first, rest = half[0].html, [p.html for p in half[1:]]
    html = _replace_once(html, first, '<div class="article-lazy-placeholder" data-lazy-src="/wp-json/'
                                      'gamurs/v1/rest-of-article"><span>Loading…</span></div>')
    for other in rest:
        html = _replace_once(html, other, "")
    return html


COMMENTS = [
    "4 Comments",
    "pixelknight_92 · 2 hours ago",
    "Great write-up, I have been waiting for this for months and it finally seems to be happening.",
    "Reply",
    "Marta L. · 1 hour ago",
    "Honestly I think the last update was better, but we will see how it plays out next week.",
    "Reply",
]


def comments_glued(html: str, item: dict) -> str:
    """A comment thread after the last paragraph, with the same paragraph markup."""
    html = serialized(html)
    tree = LexborHTMLParser(html)
    last = _body_elements(tree, item)[-1].html
    return _replace_once(html, last, last + "".join(f"<p>{t}</p>" for t in COMMENTS))


def second_container(html: str, item: dict) -> str:
    """The article continues in a second sibling container after the middle paragraph."""
    html = serialized(html)
    tree = LexborHTMLParser(html)
    paras = _body_elements(tree, item)
    container = fp._lca(paras)
    middle = paras[len(paras) // 2]
    outer = container.html
    cut = outer.index(middle.html)
    tag = container.tag
    new = outer[:cut] + f"</{tag}><{tag} class=\"article-body-continued\">" + outer[cut:]
    return _replace_once(html, outer, new)


def decoded_twice(html: str, item: dict) -> str:
    """The page's UTF-8 text read as cp1252 once more (mojibake everywhere)."""
    return html.encode("utf-8").decode("cp1252", errors="replace")


def drop_second_half(html: str, item: dict) -> str:
    """The second half of the paragraphs gone, nothing in their place."""
    html = serialized(html)
    tree = LexborHTMLParser(html)
    paras = _body_elements(tree, item)
    for p in paras[len(paras) // 2:]:
        html = _replace_once(html, p.html, "")
    return html


def _after_second_paragraph(html: str, item: dict, added: str) -> str:
    """added right after the body's second paragraph."""
    html = serialized(html)
    second = _body_elements(LexborHTMLParser(html), item)[1].html
    return _replace_once(html, second, second + added)


def lazy_media_between_paragraphs(html: str, item: dict) -> str:
    """Lazily loaded pictures and an ad slot between the second and third paragraphs."""
    return _after_second_paragraph(html, item, (
        '<figure class="wp-block-image"><img class="lazyload" loading="lazy" data-src="/a.jpg" alt="">'
        '</figure><div class="ad-slot lazy-ad" data-lazy-ad="incontent" aria-busy="true"></div>'
        '<div class="lazyload-wrapper"><img src="/b.jpg" alt="A screenshot of the new map"></div>'))


def comment_section_after(html: str, item: dict) -> str:
    """A comment section right after the body's container (outside it)."""
    html = serialized(html)
    tree = LexborHTMLParser(html)
    container = fp._lca(_body_elements(tree, item))
    section = ('<section id="comments" class="comments-area"><h2>4 Comments</h2>'
               + "".join(f"<p>{t}</p>" for t in COMMENTS)
               + '<button class="load-more">Load more comments</button>'
               '<div class="comments-lazy" data-lazy-comments="1">Loading…</div></section>')
    return _replace_once(html, container.html, container.html + section)


def reading_time_label(html: str, item: dict, minutes: int) -> str:
    """An "N min read" label under the headline."""
    html = serialized(html)
    tree = LexborHTMLParser(html)
    h1 = tree.css_first("h1").html
    return _replace_once(html, h1, h1 + f'<span class="reading-time">{minutes} min read</span>')


def lazy_text_only(html: str, item: dict) -> str:
    """The second half replaced by an unmarked button that loads it."""
    html = serialized(html)
    tree = LexborHTMLParser(html)
    paras = _body_elements(tree, item)
    half = paras[len(paras) // 2:]
    html = _replace_once(html, half[0].html, "<div><button>Show the rest of the article</button></div>")
    for other in half[1:]:
        html = _replace_once(html, other.html, "")
    return html


def ad_label_between_paragraphs(html: str, item: dict) -> str:
    """An ad slot with its "Continue reading below" label between two paragraphs."""
    return _after_second_paragraph(html, item, '<div class="ad-container"><span>Advertisement</span>'
                                               '<div>Continue reading below</div><div>Loading…</div></div>')


def continuation_marked(html: str, item: dict) -> str:
    """The article continues in a sibling container marked data-continued (both read)."""
    return second_container(html, item).replace('class="article-body-continued"',
                                                'class="article-body-continued lazy-section" data-continued="true"'
                                                ' data-lazy-section="2"', 1)


def _container(tree, item):
    return fp._lca(_body_elements(tree, item))


def _element_children(node) -> list:
    return [c for c in node.iter(include_text=False)]


def next_story_after(html: str, item: dict) -> str:
    """The next story (its own <article>: title, byline, paragraphs) rendered after the body's
    container, as infinite scroll rendered server-side does."""
    html = serialized(html)
    tree = LexborHTMLParser(html)
    container = _container(tree, item)
    story = ('<article class="next-story"><header><h2>Fans queue for hours at the preview</h2>'
             '<p class="next-story__byline">By Priya Raman</p></header><div class="next-story__body">'
             '<p>Fans lined up for hours on Saturday to get a first look at the new expansion.</p>'
             '<p>The developers said the reaction surprised them and promised more news soon.</p></div></article>')
    return _replace_once(html, container.html, container.html + story)


def read_more_collapsed(html: str, item: dict) -> str:
    """The second half of the body's container folded into a hidden element that a
    "Read more" button just before it opens (aria-controls)."""
    return rest_folded(html, item, '<div class="collapsible" id="rest-of-story" hidden>', "</div>",
                       before='<button class="toggle" aria-controls="rest-of-story" '
                              'aria-expanded="false">Read more</button>')


def sections_per_subheading(html: str, item: dict) -> str:
    """Every subheading and the blocks after it in a <section class="article-section"> of
    its own (the intro in the first), inside the body's container."""
    html = serialized(html)
    tree = LexborHTMLParser(html)
    container = _container(tree, item)
    groups: list[list[str]] = [[]]
    for k in _element_children(container):
        if k.tag in ("h2", "h3") and groups[-1]:
            groups.append([])
        groups[-1].append(k.html)
    assert len(groups) > 1, "no subheading in the body"
    inner = "".join(f'<section class="article-section">{"".join(g)}</section>' for g in groups)
    outer = container.html
    new = outer[: outer.index(">") + 1] + inner + outer[outer.rindex("</"):]
    return _replace_once(html, outer, new)


def body_replaced(html: str, item: dict, blocks: list[tuple[str, str]]) -> str:
    """The body container's content replaced by other blocks ((tag, text) pairs) in the
    body's own paragraph markup."""
    html = serialized(html)
    tree = LexborHTMLParser(html)
    paras = _body_elements(tree, item)
    container = fp._lca(paras)
    attrs = "".join(f' {k}="{v}"' for k, v in paras[0].attributes.items() if v is not None)
    inner = "".join(f"<p{attrs}>{t}</p>" if tag == "p" else f"<{tag}>{t}</{tag}>" for tag, t in blocks)
    outer = container.html
    new = outer[: outer.index(">") + 1] + inner + outer[outer.rindex("</"):]
    return _replace_once(html, outer, new)


def with_article_body(html: str, text: str) -> str:
    """The page's JSON-LD article given an articleBody (as SEO plugins that print it do)."""
    import json

    html = serialized(html)
    tree = LexborHTMLParser(html)
    for script in tree.css('script[type="application/ld+json"]'):
        data = json.loads(script.text())
        nodes = data.get("@graph", [data]) if isinstance(data, dict) else data
        article = next((n for n in nodes if isinstance(n, dict) and "Article" in str(n.get("@type"))), None)
        if article is not None:
            article["articleBody"] = text
            return _replace_once(html, script.text(), json.dumps(data).replace("</", "<\\/"))
    raise AssertionError("no JSON-LD article on the page")


def cut_after_block(html: str, item: dict, text: str) -> str:
    """Everything in the body's container after the element showing text removed: the body
    cut cleanly between two blocks, every sentence complete, no marker."""
    html = serialized(html)
    tree = LexborHTMLParser(html)
    container = _container(tree, item)
    kids = _element_children(container)
    wanted = fp.squash(text)
    at = next(i for i, k in enumerate(kids) if fp.squash(k.text(deep=True)) == wanted)
    new = container.html
    for k in kids[at + 1:]:
        new = new.replace(k.html, "", 1)
    return _replace_once(html, container.html, new)


def after_paragraph(html: str, item: dict, index: int, snippet: str) -> str:
    """snippet inserted right after the body paragraph number index (0-based)."""
    html = serialized(html)
    tree = LexborHTMLParser(html)
    para = _body_elements(tree, item)[index].html
    return _replace_once(html, para, para + snippet)


def body_paragraphs_edited(html: str, item: dict, edit) -> str:
    """Each body <p>'s inner HTML replaced by edit(inners, index), inners being every body
    <p>'s inner HTML in page order (so an edit may move one paragraph's text to another)."""
    html = serialized(html)
    tree = LexborHTMLParser(html)
    outers = [p.html for p in _body_elements(tree, item)]
    inners = [o[o.index(">") + 1: o.rindex("</")] for o in outers]
    # placeholders first: a paragraph given another's text must not be found as that other
    for i, outer in enumerate(outers):
        html = _replace_once(html, outer, f"\x00{i}\x00")
    for i, outer in enumerate(outers):
        new = outer[: outer.index(">") + 1] + edit(inners, i) + outer[outer.rindex("</"):]
        html = html.replace(f"\x00{i}\x00", new, 1)
    return html


def rest_folded(html: str, item: dict, open_tag: str, close_tag: str, before: str = "") -> str:
    """The body container's children from the middle body paragraph on, moved inside
    open_tag ... close_tag (a <details>, a <template>), with before (a toggle) in front."""
    html = serialized(html)
    tree = LexborHTMLParser(html)
    container = _container(tree, item)
    kids = _element_children(container)
    middle = _body_elements(tree, item)[len(item["body"]) // 2]
    cut = next(i for i, k in enumerate(kids) if k.mem_id == middle.mem_id)
    rest = "".join(k.html for k in kids[cut:])
    new = container.html
    for k in kids[cut:]:
        new = new.replace(k.html, "", 1)
    close = new.rindex("</")
    new = new[:close] + before + open_tag + rest + close_tag + new[close:]
    return _replace_once(html, container.html, new)


def _element_with_text(tree, text: str, tags: str):
    """The first element of tags whose whole text is text (whitespace-insensitive)."""
    want = "".join(text.split())
    return next((n for n in tree.css(tags) if "".join(n.text(deep=True).split()) == want), None)


def headline_text(html: str, item: dict, new_text: str) -> str:
    """The visible headline element's text replaced by new_text (its tag and attributes kept)."""
    html = serialized(html)
    h = _element_with_text(LexborHTMLParser(html), item["headline"], "h1, h2")
    assert h is not None, item["headline"]
    outer = h.html
    return _replace_once(html, outer, outer[: outer.index(">") + 1] + new_text + outer[outer.rindex("</"):])


def dek_text(html: str, item: dict, new_text: str) -> str:
    """The visible dek element's text replaced by new_text."""
    html = serialized(html)
    tree = LexborHTMLParser(html)
    d = _element_with_text(tree.body, item["dek"], "p, div, h2, span")
    assert d is not None, item["dek"]
    outer = d.html
    return _replace_once(html, outer, outer[: outer.index(">") + 1] + new_text + outer[outer.rindex("</"):])


def pager_added(html: str, item: dict, label: str = "", rel_prev: bool = False) -> str:
    """A pager after the body (label such as "Page 2 of 3" in a span of its own) and/or a
    <link rel="prev"> in the head, as a CMS's split-article template writes them."""
    html = serialized(html)
    url = item["url"].rstrip("/")
    if label:
        tree = LexborHTMLParser(html)
        container = _container(tree, item)
        pager = (f'<nav class="post-pages"><span class="page-of">{label}</span> <a href="{url}/">1</a>'
                 f' <a href="{url}/3/">3</a></nav>')
        html = _replace_once(html, container.html, container.html + pager)
    if rel_prev:
        html = _replace_once(html, "</head>", f'<link rel="prev" href="{url}/"></head>')
    return html


def cut_mid_body(html: str, item: dict) -> str:
    """The document cut a few bytes into the first tag after the middle body paragraph's
    text, as a response stopped by an origin timeout (no end tags after it)."""
    middle = item["body"][len(item["body"]) // 2]
    at = html.find(middle[:20])
    assert at >= 0, middle[:40]
    tag = html.index("<", at)
    return html[:tag + 3]


def jsonld_of_another_article(html: str, headline: str, author: str, published: str | None = None) -> str:
    """The page's JSON-LD article rewritten as another post's (an SEO plugin's cache serving
    one post's graph on another): another headline, name, author (and date, if given)."""
    import json

    html = serialized(html)
    tree = LexborHTMLParser(html)
    for script in tree.css('script[type="application/ld+json"]'):
        data = json.loads(script.text())
        nodes = data.get("@graph", [data]) if isinstance(data, dict) else data
        article = next((n for n in nodes if isinstance(n, dict) and "Article" in str(n.get("@type"))), None)
        if article is None:
            continue
        article["headline"] = article["name"] = headline
        if published and "datePublished" in article:
            article["datePublished"] = published
        people = [n for n in nodes if isinstance(n, dict) and n.get("@type") == "Person"]
        people += [a for a in (article.get("author") if isinstance(article.get("author"), list)
                               else [article.get("author")]) if isinstance(a, dict)]
        for person in people:
            person["name"] = author
        if isinstance(article.get("author"), str):
            article["author"] = author
        return _replace_once(html, script.text(), json.dumps(data).replace("</", "<\\/"))
    raise AssertionError("no JSON-LD article on the page")


def earlier_part_behind_button(html: str, item: dict, label: str, keep: int = 3) -> str:
    """Only the last `keep` body blocks served, a button that fetches the earlier ones after
    them (a live-blog view of a finished article)."""
    html = serialized(html)
    tree = LexborHTMLParser(html)
    blocks = _body_elements(tree, item)
    for gone in blocks[:-keep]:
        html = _replace_once(html, gone.html, "")
    last = blocks[-1].html
    # the control's class names what it does ("live-more"), as live-blog plugins write it
    return _replace_once(html, last, last + f'<button type="button" class="live-more" '
                                          f'data-src="/api/updates?before=3">{label}</button>')


def paragraph_said_twice(html: str, item: dict) -> str:
    """The middle prose paragraph of the body saved once more right after itself."""
    html = serialized(html)
    paras = [p for p in _body_elements(LexborHTMLParser(html), item)
             if p.tag == "p" and len(p.text(deep=True)) >= 80]
    middle = paras[len(paras) // 2].html
    return _replace_once(html, middle, middle + middle)


def byline_relabelled(html: str, item: dict, label: str, joiner: str, gap: str = " ") -> str:
    """The byline box (the element around the "By" label) rewritten as another edition's
    template prints it: "<span>Por</span> <a>A</a> y <a>B</a>", the label in its own element
    (gap: what stands between the label and the first name)."""
    html = serialized(html)
    tree = LexborHTMLParser(html)
    by = next((n for n in tree.css("span, div") if n.text(deep=True).strip() == "By"), None)
    assert by is not None and by.parent is not None, "no 'By' label on the page"
    box = by.parent
    links = [f'<a href="/author/{"-".join(n.lower().split())}/">{n}</a>' for n in item["authors"]]
    names = links[0] if len(links) == 1 else ", ".join(links[:-1]) + f" {joiner} " + links[-1]
    outer = box.html
    return _replace_once(html, outer, outer[: outer.index(">") + 1]
                         + f'<span class="byline__label">{label}</span>{gap}{names}' + outer[outer.rindex("</"):])


def paragraphs_retagged(html: str, item: dict, tag: str) -> str:
    """Every body <p> printed as another element (a web component's <rich-text-paragraph>),
    its attributes and content kept."""
    html = serialized(html)
    tree = LexborHTMLParser(html)
    for p in _body_elements(tree, item):
        outer = p.html
        html = _replace_once(html, outer, f"<{tag}{outer[2: outer.index('>')]}>"
                             f"{outer[outer.index('>') + 1: outer.rindex('</')]}</{tag}>")
    return html


def dates_moved(html: str, old, new) -> str:
    """Every statement of the day old (ISO, "August 9, 2025", "Aug 9, 2025") made new, as a
    CMS that rewrites a post's dates does."""
    html = serialized(html)
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
    html = html.replace(old.isoformat(), new.isoformat())
    for fmt in (lambda d: f"{months[d.month - 1]} {d.day}, {d.year}", lambda d: f"{months[d.month - 1][:3]} {d.day}, {d.year}"):
        html = html.replace(fmt(old), fmt(new))
    return html


def section_emptied(html: str, item: dict, heading: str) -> str:
    """The paragraphs between the heading whose text is heading and the next heading
    removed (blocks the page failed to render): the heading stands over nothing."""
    html = serialized(html)
    tree = LexborHTMLParser(html)
    h = _element_with_text(tree, heading, "h2, h3, h4")
    assert h is not None, heading
    n = h.next
    while n is not None and n.tag not in ("h2", "h3", "h4", "h5", "h6"):
        if n.tag == "p":
            html = _replace_once(html, n.html, "")
        n = n.next
    return html


def subheadings_retagged(html: str, item: dict, tag: str) -> str:
    """Every <h2>-<h6> in the body's container printed as another element (a block pattern
    that reset the heading blocks' level to <h1>), its attributes and content kept."""
    html = serialized(html)
    tree = LexborHTMLParser(html)
    heads = _container(tree, item).css("h2, h3, h4, h5, h6")
    assert heads, "no subheading in the body"
    for h in heads:
        outer = h.html
        html = _replace_once(html, outer, f"<{tag}{outer[3: outer.index('>')]}>"
                             f"{outer[outer.index('>') + 1: outer.rindex('</')]}</{tag}>")
    return html


def all_pages_shown(html: str, item: dict) -> str:
    """A split post shown whole ("view all"): a line at the top of the body that links to the
    paged view, and a "Page N of 3" label where pages 2 and 3 began."""
    html = serialized(html)
    tree = LexborHTMLParser(html)
    paras = _body_elements(tree, item)
    assert len(paras) >= 3, "too few paragraphs for three pages"
    url = item["url"].rstrip("/")
    for n, p in ((3, paras[2 * len(paras) // 3]), (2, paras[len(paras) // 3])):
        html = _replace_once(html, p.html, f'<p class="nextpage-label"><strong>Page {n} of 3</strong></p>' + p.html)
    first = paras[0].html
    return _replace_once(html, first, f'<p class="view-switch">You are viewing the whole article. '
                                      f'<a href="{url}/1/">Switch to paged view</a></p>' + first)
