"""The eighteenth held-out set (sealed): template changes and incidents none of the earlier kinds covers.

Same contract as the other sets (a Sample in, a Mutated out, each kind labelled). Written
blind: by someone who did not read the checks (pressguard/verdict/, pressguard/extract/), from
what theme updates (a "Posted on ... by ..." meta line, section headings as <h1>, a Yoast
breadcrumb ending in the title, a trending rail under the header, a loop that leaks another
post's byline and date, a standfirst slot mapped to the author's bio), typography and editor
plugins (wp-Typography spans, hard-wrapped pasted text, an all-pages view of a paginated post,
pattern overrides lost), legacy migrations (a table layout, an importer's zero dates, a slashed
save, empty titles), SEO plugins (articleBody in the JSON-LD), caching and partial renders (a
logged-in editor's page cached with the admin bar, the Internet Archive's copy served when the
origin is down, a gzipped SSI fragment, a fragment cached under another post), co-author and
translation plugins (a whole staff in the byline, a wrong declared locale), PHP files saved with
a BOM, stale charset metas and WordPress's own password form do to article pages, not from what
the checks look at. Measured by the lead only, once, at the end of the session: the blind
figure for them. Keep it out of tuning: a check changed because one of these kinds failed
turns its figure into a tuning figure.
"""

from __future__ import annotations

import gzip
import json
import re
import zlib
from datetime import datetime, timedelta

from anatomy import children, contains, esc, insert, prose_paragraphs, replace, slugify, squeeze, text_of
from base import NONE, RIGHT, Kind, Mutated, NotApplicable, Sample, published_at, register, required, rng_for, same
from holdout2 import _attrs, _inner, _refill
from holdout6 import _byline_box, _rewrite_byline
from holdout9 import MONTHS, _meta, _undated
from holdout11 import _EN_DATE
from holdout15 import _date_lines
from holdout17 import _later, _map_text, _shown_elsewhere
from mutations import _attr, anatomy_of, author_link, edit_jsonld, reprint_jsonld_dates, rewrite_stored_text, \
    site_name, walk_json

HOLDOUT18: list[Kind] = []


def _post_id(sample: Sample) -> str:
    """The post's id as the page states it (shortlink, post-123 class), else a stable stand-in."""
    m = re.search(r"[?&]p=(\d+)", sample.html) or re.search(r"\bpost-(\d+)\b", sample.html)
    return m.group(1) if m else str(300000 + zlib.crc32(sample.url.encode()) % 99999)


def _before_body(tree, a, nodes) -> list:
    """The nodes that come before the body container in document order (the header's dates,
    not the dates of tiles and "Updated" lines further down)."""
    order = {n.mem_id: i for i, n in enumerate(tree.root.traverse(include_text=False))}
    start = order.get(a.body.mem_id, 0)
    return [n for n in nodes if order.get(n.mem_id, start) < start and not contains(a.body, n)]


def _local_offset(sample: Sample, a, tree) -> timedelta:
    """How far the page's printed times are from UTC (the header's first printed date with a
    time, against the right publication time), to the quarter hour; zero if none is printed."""
    published = published_at(sample).replace(tzinfo=None)
    for node in _before_body(tree, a, _date_lines(a)):
        m = _EN_DATE.search(text_of(node))
        if m is None or not m["hour"]:
            continue
        month = _month(m["month"])
        hour = int(m["hour"]) % 12 + (12 if m["half"].lower() == "p" else 0)
        local = datetime(int(m["year"]), month, int(m["day"]), hour, int(m["minute"]))
        quarters = round((local - published).total_seconds() / 900)
        return timedelta(minutes=15 * quarters)
    return timedelta(0)


def _month(name: str) -> int:
    return next(i + 1 for i, full in enumerate(MONTHS) if full.lower().startswith(name.lower()[:3]))


def _printed(m, when: datetime) -> str:
    """when (local) printed the way the match m printed its date: the same label, a short or
    long month name, with a time only if m had one."""
    month = MONTHS[when.month - 1]
    out = f"{m['label'] or ''}{month[:3] if len(m['month'].rstrip('.')) <= 3 else month} {when.day}, {when.year}"
    if m["hour"]:
        out += f" {when.hour % 12 or 12}:{when.minute:02d} {'am' if when.hour < 12 else 'pm'}"
    return out


_ISO = re.compile(r"-?\d{4}-\d\d-\d\d")


def _redate(node, printed: str | None, iso: str) -> None:
    """A date element's words replaced by printed (None: its words kept) and its
    machine-readable attributes by iso (a human-readable data-datetime by printed)."""
    attrs = {}
    for k, v in node.attributes.items():
        if v is None:
            continue
        if k in ("datetime", "data-datetime"):
            v = iso if _ISO.match(v) else (printed or v)
        attrs[k] = v
    inner = esc(printed) if printed is not None else _inner(node)
    replace(node, f'<{node.tag}{"".join(f" {k}={chr(34)}{_attr(v)}{chr(34)}" for k, v in attrs.items())}>'
                  f'{inner}</{node.tag}>')


def _latest_first(tree, nodes) -> list:
    """nodes without repeats, in reverse document order: an element inside another comes
    before it, so rewriting one never leaves the other pointing at a removed node."""
    order = {n.mem_id: i for i, n in enumerate(tree.root.traverse(include_text=False))}
    unique = {n.mem_id: n for n in nodes}
    return sorted(unique.values(), key=lambda n: -order.get(n.mem_id, -1))


def _set_text(node, text: str) -> None:
    for kid in list(node.iter(include_text=True)):
        kid.decompose()
    node.insert_child(text)


# ------------------------------------------------- a right extraction exists

@register(HOLDOUT18, RIGHT, """A theme switch to a starter-theme meta line (underscores-style
template tags, as Twenty-X and countless child themes print it): the byline and the date become
one line, "Posted on <a rel="bookmark"><time class="entry-date published" datetime=...>August 10,
2025</time></a> by <span class="author vcard"><a class="url fn n">Ben Ashby</a></span>", where
the byline was; the header's separate date line is gone, the date printed without a time in the
site's zone and the ISO moment in the <time>. Meta and JSON-LD are unchanged. Same writer, same
moment: the right fields are unchanged.""")
def posted_on_by_author_meta_line(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    box = _byline_box(sample, a)
    when = published_at(sample)
    local = when.replace(tzinfo=None) + _local_offset(sample, a, tree)
    iso = sample.expected["published"]
    dates = [n for n in _before_body(tree, a, _date_lines(a)) if not contains(box, n) and n.mem_id != box.mem_id]
    for node in dates:
        if not any(o.mem_id != node.mem_id and contains(o, node) for o in dates):
            node.decompose()
    authors = " and ".join(f'<span class="author vcard"><a class="url fn n" href="https://{sample.host}/author/'
                           f'{slugify(n)}/">{esc(n)}</a></span>' for n in sample.expected["authors"])
    _rewrite_byline(a, f'<span class="posted-on">Posted on <a href="{_attr(sample.url)}" rel="bookmark"><time '
                       f'class="entry-date published" datetime="{iso}">{MONTHS[local.month - 1]} {local.day}, '
                       f'{local.year}</time></a></span><span class="byline"> by {authors}</span>')
    return Mutated(tree.html, same(sample))


_TYPO = re.compile(r"(?P<entity>&(?!amp;)#?\w+;)|(?P<amp>&amp;)|(?P<caps>\b[A-Z][A-Z0-9]+\b)"
                   r"|(?P<num>\b\d[\d,.]*\d\b|\b\d\b)|(?P<brk>[|/])")


def _typography(text: str) -> str:
    def one(m):
        if m["entity"]:
            return m["entity"]
        if m["amp"]:
            return '<span class="amp">&amp;</span>'
        if m["caps"]:
            return f'<span class="caps">{m["caps"]}</span>'
        if m["num"]:
            return f'<span class="numbers">{m["num"]}</span>'
        return f"{m['brk']}<wbr>"
    return _TYPO.sub(one, text)


@register(HOLDOUT18, RIGHT, """A typography plugin switched on (wp-Typography's CSS hooks and
line-break hints, applied to the title and the content): every run of capitals ("PC", "XP",
redeem codes) goes into <span class="caps">, every number into <span class="numbers">, every
ampersand into <span class="amp">, and a <wbr> follows each slash and vertical bar ("Xbox Series
X|<wbr>S"), in the headline, the dek and every body block. Only tags are added: the right
fields are unchanged.""")
def typography_plugin_spans(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    nodes = [n for n in (a.headline, a.dek) if n is not None]
    nodes += [b for b in a.blocks if b.tag in ("p", "h2", "h3", "h4", "h5", "li")]
    nodes += a.body.css("li")
    done = 0
    for node in nodes:
        inner = _inner(node)
        new = _map_text(inner, _typography)
        if new != inner:
            _refill(node, new)
            done += 1
    if not done:
        raise NotApplicable("no capitals, number, ampersand or slash in the article's text")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT18, RIGHT, """Two PHP files of the theme saved by an editor with a UTF-8 byte-order
mark (a classic WordPress fault: each included file echoes its BOM before anything else): the
response starts with two BOMs and a blank line before <!DOCTYPE html>. Browsers drop the first
as the encoding's signature; the second sends the page into quirks mode and shows an empty
line at the top. The page is otherwise byte for byte the same: the right fields are
unchanged.""")
def php_bom_before_doctype(sample: Sample) -> Mutated:
    raw = sample.html.encode("utf-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        raise NotApplicable("the page already starts with a byte-order mark")
    return Mutated(b"\xef\xbb\xbf\xef\xbb\xbf\n" + raw, same(sample), "text/html; charset=UTF-8")


@register(HOLDOUT18, RIGHT, """A migration from a legacy newspaper CMS whose importer kept the old
layout table around each story: the body container now holds <table role="presentation"
class="story-table"> with one row, the article's blocks (paragraphs, headings, lists, figures,
ads) in the first cell and a narrow second cell with "Back to top" and share links. Same blocks,
same order: the right fields are unchanged.""")
def body_in_layout_table(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    kids = list(a.body.iter(include_text=True))
    (table,) = insert(a.body, '<table class="story-table" role="presentation" width="100%" cellpadding="0" '
                              'cellspacing="0" border="0"><tbody><tr><td class="story-text" valign="top" '
                              'width="640"></td><td class="story-aside" valign="top" width="160"><a href="#top">'
                              'Back to top</a><br><a href="mailto:?subject=Story">Email</a> | <a href="#print">'
                              'Print</a></td></tr></tbody></table>', "prepend")
    cell = table.css_first("td.story-text")
    for kid in kids:
        cell.insert_child(kid, move=True)
    return Mutated(tree.html, same(sample))


_TRENDING = ("Patch notes explained: every change in the latest update",
             "The best settings for smooth performance on handhelds",
             "Five things we learned from the developer livestream",
             "Every confirmed platform and price so far",
             "Our favourite indie releases of the month")
_STAFF = ("Nadia Okonkwo", "Tomas Varga", "Leila Moreau", "Ingrid Falk", "Dev Malhotra", "Rosa Delacroix",
          "Hugo Lindell", "Amara Nwosu", "Felix Carrow", "Maren Holt", "Keira Dunmore", "Yara Benali")


def _day(when: datetime) -> str:
    return f"{MONTHS[when.month - 1][:3]} {when.day}, {when.year}"


def _trending(sample: Sample, kind: str, offset: timedelta):
    """A "Trending" rail of four other stories of the site (title, writer, date before this
    one's, printed in the page's zone): its HTML and the items as (title, writer, UTC moment)."""
    rng = rng_for(sample, kind)
    titles = rng.sample(_TRENDING, 4)
    writers = rng.sample([n for n in _STAFF if n not in sample.expected["authors"]], 4)
    when = published_at(sample)
    items = [(t, w, (when - timedelta(hours=9 + 17 * i, minutes=13 * i + 4)).replace(second=0, microsecond=0))
             for i, (t, w) in enumerate(zip(titles, writers))]
    host = sample.host
    lis = "".join(f'<li class="trending__item"><a href="https://{host}/{slugify(t)}/"><span class="trending__rank">'
                  f'{i + 1}</span><span class="trending__title">{esc(t)}</span></a><span class="trending__by">By '
                  f'{esc(w)}</span> <time datetime="{d.isoformat()}">{_day(d + offset)}</time></li>'
                  for i, (t, w, d) in enumerate(items))
    return (f'<aside class="trending" aria-label="Trending"><h2 class="trending__label">Trending</h2>'
            f'<ol class="trending__list">{lis}</ol></aside>'), items


@register(HOLDOUT18, RIGHT, """A mobile-first redesign that moves the "Trending" rail from the
sidebar to just under the article header, before the text: an <aside> with a "Trending"
heading and four other stories, each with its title, "By <writer>" and a <time> date. Other
stories' writers and dates sit between the byline and the body; the article is unchanged: the
right fields are unchanged.""")
def trending_rail_under_header(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    published_at(sample)
    rail, _items = _trending(sample, "trending_rail_under_header", _local_offset(sample, a, tree))
    insert(a.body, rail, "before")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT18, RIGHT, """A block-theme pattern migration that reset the heading blocks'
level (or a sectioning-era template where each section gets its own top-level heading): every
subheading of the body becomes an <h1> with its classes and id kept, so the page has several
<h1>s after the headline. Same words, same order: the right fields are unchanged.""")
def body_subheadings_as_h1(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    heads = required([b for b in a.blocks if b.tag in ("h2", "h3", "h4", "h5", "h6")], "no subheading in the body")
    for h in heads:
        _rewrite_as(h, "h1")
    return Mutated(tree.html, same(sample))


def _rewrite_as(node, tag: str) -> None:
    replace(node, f"<{tag}{_attrs(node)}>{_inner(node)}</{tag}>")


@register(HOLDOUT18, RIGHT, """A structured-data plugin that adds the article's text to the
JSON-LD (Schema Pro / Newspack style): the Article node gains "articleBody", the post's
content with its tags stripped, blocks separated by blank lines, and a "wordCount". The visible
page is unchanged: the right fields are unchanged.""")
def jsonld_article_body_added(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    text = "\n\n".join(sample.expected["body"])
    added = []

    def fix(d):
        if "headline" in d and "articleBody" not in d:
            d["articleBody"] = text
            d["wordCount"] = len(text.split())
            added.append(1)
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))
    if not added:
        raise NotApplicable("no JSON-LD node describing the article")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT18, RIGHT, """A page cache that stored a logged-in editor's view (a cookie left
out of the cache key): WordPress's admin bar at the top of <body> ("Howdy, Maren Holt" with her
avatar, "Edit Post", "+ New", a comment count, "Log Out"), body classes admin-bar and logged-in,
the admin-bar stylesheet, and after the article the theme's "Edit" link whose screen-reader
text repeats the title. An editor's name and the title sit outside the article; the article is
unchanged: the right fields are unchanged.""")
def cached_logged_in_admin_bar(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if tree.body is None or tree.head is None:
        raise NotApplicable("no <head> or <body>")
    host, pid = sample.host, _post_id(sample)
    editor = next(n for n in ("Maren Holt", "Felix Carrow") if n not in sample.expected["authors"])
    insert(tree.head, f"<link rel='stylesheet' id='admin-bar-css' href='https://{host}/wp-includes/css/admin-bar.min.css"
                      f"?ver=6.6.2' media='all'><style media=\"screen\">html {{ margin-top: 32px !important; }}</style>",
           "append")
    tree.body.attrs["class"] = f"{tree.body.attributes.get('class') or ''} admin-bar logged-in".strip()
    edit = f"https://{host}/wp-admin/post.php?post={pid}&amp;action=edit"
    insert(tree.body, f'<div id="wpadminbar" class="nojq"><div class="quicklinks" id="wp-toolbar" role="navigation" '
                      f'aria-label="Toolbar"><ul role="menu" id="wp-admin-bar-root-default" class="ab-top-menu">'
                      f'<li id="wp-admin-bar-site-name"><a class="ab-item" href="https://{host}/wp-admin/">'
                      f'{esc(site_name(sample))}</a></li><li id="wp-admin-bar-comments"><a class="ab-item" '
                      f'href="https://{host}/wp-admin/edit-comments.php"><span class="ab-label">12</span><span '
                      f'class="screen-reader-text comments-in-moderation-text">12 Comments in moderation</span></a></li>'
                      f'<li id="wp-admin-bar-new-content"><a class="ab-item" href="https://{host}/wp-admin/post-new.php">'
                      f'<span class="ab-label">New</span></a></li><li id="wp-admin-bar-edit"><a class="ab-item" '
                      f'href="{edit}">Edit Post</a></li></ul><ul role="menu" id="wp-admin-bar-top-secondary" '
                      f'class="ab-top-secondary ab-top-menu"><li id="wp-admin-bar-my-account" class="with-avatar"><a '
                      f'class="ab-item" href="https://{host}/wp-admin/profile.php">Howdy, <span class="display-name">'
                      f'{editor}</span><img alt="" src="https://secure.gravatar.com/avatar/0?s=26&amp;d=mm" '
                      f'class="avatar avatar-26 photo" height="26" width="26"></a></li><li id="wp-admin-bar-logout">'
                      f'<a class="ab-item" href="https://{host}/wp-login.php?action=logout">Log Out</a></li></ul></div>'
                      f'</div>', "prepend")
    insert(a.body, f'<footer class="entry-footer"><span class="edit-link"><a class="post-edit-link" href="{edit}">Edit'
                   f'<span class="screen-reader-text"> "{esc(sample.expected["headline"])}"</span></a></span></footer>',
           "after")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT18, RIGHT, """An editor's "view all" setting for a post split with page breaks
(a single-view plugin for <!--nextpage--> posts): every page is printed on one view, a "Page 2
of 3" / "Page 3 of 3" separator where each page began, a "Showing all 3 pages" note with a link
to the paged view above the text, and the page links ("Pages: 1 2 3 All") after it. Every block
is on the page once, in order: the right fields are unchanged.""")
def all_pages_view_with_page_markers(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    blocks = required(a.blocks, "too few body blocks for three pages", at_least=6)
    url = sample.url.rstrip("/")
    n = len(blocks)
    for page, at in ((2, n // 3), (3, (2 * n) // 3)):
        insert(blocks[at], f'<div class="page-break-marker" role="separator"><span>Page {page} of 3</span></div>',
               "before")
    insert(a.body, f'<div class="single-view-note">Showing all 3 pages. <a href="{_attr(url)}/1/">Read one page at '
                   f'a time</a></div>', "prepend")
    insert(a.body, f'<nav class="page-links"><span class="page-links-title">Pages:</span> <a href="{_attr(url)}/1/">'
                   f'1</a> <a href="{_attr(url)}/2/">2</a> <a href="{_attr(url)}/3/">3</a> <span class="current">All'
                   f'</span></nav>', "after")
    return Mutated(tree.html, same(sample))


def _hard_wrap(inner: str, width: int = 72) -> str:
    """inner HTML with a <br> in place of the space where each line would pass width columns
    (tags take no columns), as a plain-text source wrapped at 72 characters reads."""
    out, col = [], 0
    for part in re.split(r"(<[^>]*>)", inner):
        if part.startswith("<"):
            out.append(part)
            continue
        pieces = part.split(" ")
        for i, word in enumerate(pieces):
            if i:
                if col + 1 + len(word) > width and word:
                    out.append("<br>\n")
                    col = 0
                else:
                    out.append(" ")
                    col += 1
            out.append(word)
            col += len(word)
    return "".join(out)


@register(HOLDOUT18, RIGHT, """An editor update whose paste handler keeps the hard line breaks of
plain-text sources (the writer drafts in a text editor that wraps at 72 columns): every prose
paragraph carries a <br> where each of its lines ended, so it shows as ragged short lines; the
paragraphs are still separate <p>s. The reader sees the same paragraphs and words: the right
fields are unchanged.""")
def pasted_text_hard_line_breaks(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "no prose paragraph in the body")
    done = 0
    for p in prose:
        inner = _inner(p)
        new = _hard_wrap(inner)
        if new != inner:
            _refill(p, new)
            done += 1
    if not done:
        raise NotApplicable("no paragraph longer than a line")
    return Mutated(tree.html, same(sample))


_ARCHIVE = "https://web.archive.org/web/"


@register(HOLDOUT18, RIGHT, """The origin is down and the CDN's "Always Online" serves the Internet
Archive's copy at the article's URL: the Wayback Machine's toolbar at the top of <body> ("The
Wayback Machine", the URL, the capture count and date), its scripts and styles in <head>, every
absolute link, image, script and stylesheet URL (the canonical link included) rewritten to
web.archive.org/web/<timestamp>/..., and the archive's closing comment. The copy is the
article: the right fields are unchanged.""")
def archived_copy_wayback_toolbar(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if tree.body is None or tree.head is None:
        raise NotApplicable("no <head> or <body>")
    when = _later(sample, 1.22)
    ts = when.strftime("%Y%m%d%H%M%S")
    flags = {"img": "im_", "script": "js_", "iframe": "if_"}
    for node in tree.css("a[href], link[href], img[src], script[src], iframe[src]"):
        flag = "cs_" if "stylesheet" in (node.attributes.get("rel") or "") else flags.get(node.tag, "")
        for key in ("href", "src"):
            value = node.attributes.get(key)
            if value and value.startswith(("http://", "https://")) and not value.startswith(_ARCHIVE):
                node.attrs[key] = f"{_ARCHIVE}{ts}{flag}/{value}"
    insert(tree.head, f'<script src="//archive.org/includes/athena.js" type="text/javascript"></script><script '
                      f'type="text/javascript">__wm.init("https://web.archive.org/web");</script><link rel="stylesheet" type="text/css" href="https://web-static.'
                      f'archive.org/_static/css/banner-styles.css?v=S1zqJCYt">', "prepend")
    insert(tree.body, f'<!-- BEGIN WAYBACK TOOLBAR INSERT --><div id="wm-ipp-base" lang="en" style="display:block;" '
                      f'dir="ltr"><div id="wm-ipp"><div id="wm-ipp-inside"><a id="wm-logo" href="https://web.archive'
                      f'.org/web/">The Wayback Machine</a> - <a class="wm-url" href="{_ARCHIVE}{ts}/{_attr(sample.url)}">'
                      f'{esc(sample.url)}</a> <span class="wm-capinfo">7 captures</span> <span class="wm-capdate">'
                      f'{when.day} {MONTHS[when.month - 1][:3]} {when.year}</span></div></div></div>'
                      f'<!-- END WAYBACK TOOLBAR INSERT -->', "prepend")
    retrieved = when + timedelta(hours=20, minutes=41)
    insert(tree.body, f'<!-- FILE ARCHIVED ON {when:%H:%M:%S} {MONTHS[when.month - 1][:3]} {when.day:02d}, '
                      f'{when.year} AND RETRIEVED FROM THE INTERNET ARCHIVE ON {retrieved:%H:%M:%S} '
                      f'{MONTHS[retrieved.month - 1][:3]} {retrieved.day:02d}, {retrieved.year}. '
                      f'JAVASCRIPT APPENDED BY WAYBACK MACHINE, COPYRIGHT INTERNET ARCHIVE. -->', "append")
    return Mutated(tree.html, same(sample))


@register(HOLDOUT18, RIGHT, """A multilingual plugin misconfigured after an update (its default
language set to the wrong one): the English page declares <html lang="de-DE">, og:locale
de_DE, a Content-Language meta and JSON-LD inLanguage "de-DE". Only the declaration is wrong:
every word is the English article's, so the right fields are unchanged.""")
def declared_language_wrong_locale(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    html_el = tree.css_first("html")
    if html_el is None or tree.head is None:
        raise NotApplicable("no <html> or <head>")
    html_el.attrs["lang"] = "de-DE"
    for meta in _meta(tree, "og:locale"):
        meta.attrs["content"] = "de_DE"
    insert(tree.head, '<meta http-equiv="Content-Language" content="de-DE">', "append")

    def fix(d):
        if "inLanguage" in d:
            d["inLanguage"] = "de-DE"
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))
    return Mutated(tree.html, same(sample))


@register(HOLDOUT18, RIGHT, """An old header template brought back in a redesign with its
hard-coded <meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"> in place of
<meta charset="UTF-8">, while the server still sends Content-Type: text/html; charset=UTF-8
and the bytes are UTF-8. The HTTP header wins (browsers decode the page as UTF-8, so it reads
correctly): the right fields are unchanged.""")
def stale_meta_charset_latin1(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if tree.head is None:
        raise NotApplicable("no <head>")
    stale = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    metas = [m for m in tree.css("meta") if "charset" in m.attributes
             or (m.attributes.get("http-equiv") or "").lower() == "content-type"]
    if metas:
        insert(metas[0], stale, "before")
        for m in metas:
            m.decompose()
    else:
        insert(tree.head, stale, "prepend")
    return Mutated(tree.html, same(sample), "text/html; charset=UTF-8")


@register(HOLDOUT18, RIGHT, """An SEO plugin's breadcrumbs switched on with the post title as the
last crumb (Yoast's default trail: "Home » News » <the article's title>", the last crumb a
<span class="breadcrumb_last" aria-current="page">), in place of the theme's own trail or
above the headline, and a BreadcrumbList JSON-LD whose last item is named with the title. The
title is shown twice, once as a crumb: the right fields are unchanged.""")
def breadcrumb_trail_ends_with_title(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None or tree.head is None:
        raise NotApplicable("no headline element")
    host = sample.host
    section_meta = _meta(tree, "article:section")
    section = (section_meta[0].attributes.get("content") if section_meta else None) or "News"
    title = sample.expected["headline"]
    trail = (f'<nav class="yoast-breadcrumbs" aria-label="Breadcrumb"><span><span><a href="https://{host}/">Home</a>'
             f'</span> » <span><a href="https://{host}/{slugify(section)}/">{esc(section)}</a></span> » <span '
             f'class="breadcrumb_last" aria-current="page">{esc(title)}</span></span></nav>')
    old = next((n for n in tree.css("nav") if "breadcrumb" in f"{n.attributes.get('class')} "
                f"{n.attributes.get('aria-label')}".lower()), None)
    if old is not None:
        insert(old, trail, "before")
        old.decompose()
    else:
        insert(a.headline, trail, "before")
    crumbs = {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": 1, "name": "Home", "item": f"https://{host}/"},
        {"@type": "ListItem", "position": 2, "name": section, "item": f"https://{host}/{slugify(section)}/"},
        {"@type": "ListItem", "position": 3, "name": title}]}
    data = json.dumps(crumbs, ensure_ascii=False).replace("</", "<\\/")
    insert(tree.head, f'<script type="application/ld+json" class="yoast-schema-breadcrumb">{data}</script>', "append")
    return Mutated(tree.html, same(sample))


# ------------------------------------------------- no right extraction exists

@register(HOLDOUT18, NONE, """A "Trending" ticker added between the title and the meta line whose
query loop does not restore the global post (WordPress's missing wp_reset_postdata()): the
template tags that follow print the last trending story's writer and date, so the byline reads
"By <that story's writer>" and the visible date (and its <time>/data-datetime) is that story's,
while the head's meta and JSON-LD, printed before the loop, still carry the right ones. The
page shows another story's byline and date over this article; no right extraction exists.""")
def trending_loop_leaks_byline_and_date(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    offset = _local_offset(sample, a, tree)
    dates = _before_body(tree, a, _date_lines(a))
    rail, items = _trending(sample, "trending_loop_leaks_byline_and_date", offset)
    _title, writer, when = items[-1]
    for node in _latest_first(tree, dates):
        m = _EN_DATE.search(text_of(node))
        printed = None
        if m is not None:
            said = text_of(node)
            printed = said[:m.start()] + _printed(m, when.replace(tzinfo=None) + offset) + said[m.end():]
        _redate(node, printed, when.isoformat())
    _rewrite_byline(a, "By " + author_link(sample, writer))
    anchor = a.dek if a.dek is not None and not contains(a.body, a.dek) else a.headline
    if anchor is None:
        raise NotApplicable("no headline element")
    insert(anchor, rail, "after")
    return Mutated(tree.html, None)


_QUOTES = re.compile(r"(['\"‘’“”])")


@register(HOLDOUT18, NONE, """A custom editor endpoint (or importer) that saves WordPress's slashed
request data without wp_unslash(): every quote and apostrophe of the stored post gets a
backslash ("the studio\\'s", "said \\"soon\\"", shown as "studio\\’s" once texturized), in the
title, the excerpt and the content, and so in every copy of them (<title>, meta descriptions,
JSON-LD). The text as published is not on the page; no right extraction exists.""")
def unslashed_save_backslashed_quotes(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    stored = [sample.expected["headline"] or "", sample.expected["dek"] or ""] + list(sample.expected["body"])
    if not any(_QUOTES.search(t) for t in stored):
        raise NotApplicable("no quote or apostrophe in the headline, dek or body")
    rewrite_stored_text(tree, a, lambda text: _QUOTES.sub(r"\\\1", text))
    return Mutated(tree.html, None)


@register(HOLDOUT18, NONE, """A "lite" mobile template that lazy-loads each section's remainder on
tap (the server sends only each section's opening block and a "Show full section" button that
fetches the rest from an API): under every subheading, everything after the first block
(paragraphs, lists, figures) is missing from the HTML. The intro before the first subheading
is whole. Most sections of the article are not on the page; no right extraction exists.""")
def sections_collapsed_to_first_block(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    heads = {h.mem_id for h in a.blocks if h.tag in ("h2", "h3", "h4", "h5", "h6")}
    if not heads:
        raise NotApplicable("no subheading in the body")
    pid = _post_id(sample)
    in_section, kept, section, dropped, last_kept = False, False, 0, [], {}
    for node in children(a.body):
        if node.mem_id in heads:
            in_section, kept, section = True, False, section + 1
            continue
        if not in_section or node.tag in ("script", "style") or not squeeze(text_of(node)):
            continue
        if not kept:
            kept = True
            last_kept[section] = node
        else:
            dropped.append((section, node))
    if not dropped:
        raise NotApplicable("every section is a single block")
    for sec in sorted({s for s, _ in dropped}):
        insert(last_kept[sec], f'<button type="button" class="section-expand" aria-expanded="false" data-src="/wp-json/'
                               f'lite/v1/posts/{pid}/sections/{sec}">Show full section</button>', "after")
    for _sec, node in dropped:
        node.decompose()
    return Mutated(tree.html, None)


@register(HOLDOUT18, NONE, """A header template whose standfirst slot was remapped to the wrong
field in a theme update (the author's "Biographical Info" instead of the post's excerpt): the
dek reads the writer's bio ("Ben has covered reviews for 5 years ..."), the page's own bio
text where it has one. The meta and Open Graph descriptions keep the excerpt, but the page no
longer shows the article's standfirst; no right extraction exists.""")
def dek_shows_author_bio(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    if a.dek is None:
        raise NotApplicable("no dek on the page")
    first = sample.expected["authors"][0].split()[0]
    bio = next((text_of(p) for p in tree.css("p") if text_of(p).startswith(f"{first} has ")), None)
    bio = bio or f"{first} has written about games and entertainment for {site_name(sample)} since 2021."
    _refill(a.dek, esc(bio))
    _shown_elsewhere(tree.html, sample.expected["dek"])
    return Mutated(tree.html, None)


_RAW_TEXT = re.compile(r"<(!--|script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)", re.I)


@register(HOLDOUT18, NONE, """The article body assembled by server-side includes at the web server
(nginx `ssi on`) from an upstream that answers gzip-compressed: the include's bytes are inlined
still compressed, so the body container holds binary gzip data (starting \\x1f\\x8b), shown as
replacement characters and stray symbols, while the header, byline and the rest of the page
render. The article's text is not on the page; no right extraction exists.""")
def ssi_body_fragment_gzipped(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    inner = _inner(a.body)
    garbage = gzip.compress(inner.encode("utf-8"), mtime=0).decode("utf-8", errors="replace").replace("\x00", "\ufffd")
    if _RAW_TEXT.search(garbage):
        raise NotApplicable("the compressed bytes happen to open a comment or raw-text element")
    for kid in list(a.body.iter(include_text=True)):
        kid.decompose()
    insert(a.body, "<ssi-gz-slot></ssi-gz-slot>", "append")
    return Mutated(tree.html.replace("<ssi-gz-slot></ssi-gz-slot>", garbage), None)


_OTHER_STORY = (("p", "Copperline Studios confirmed on Monday that Ember Rally will add two new tracks in the next "
                       "season, both set in the northern coastal circuit."),
                ("p", "The team said the handling model was rebuilt for the wet-weather events, which players had "
                       "called unpredictable since the launch."),
                ("h", "What changes for Ember Rally players"),
                ("p", "Time trial leaderboards will be reset with the update, and the old records moved to a "
                       "separate hall of fame page."),
                ("p", "Copperline also promised fewer loading screens between stages, although no numbers were "
                       "shared during the stream."),
                ("p", "Ember Rally is available now, and the season starts at the end of the month for everyone "
                       "who owns the base game."))


@register(HOLDOUT18, NONE, """A body assembled from two cached fragments (long articles split for
the edge cache) where the second fragment's cache key lost the post ID: the first half of the
body is this article, and from the middle on the page carries the second half of another story
of the site (a racing game's update: its paragraphs and a subheading), in the same markup. The
rest of this article is not on the page; no right extraction exists.""")
def body_second_half_from_other_fragment(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    blocks = required(a.blocks, "too few body blocks to split in two", at_least=4)
    half = len(blocks) // 2
    heading = next((b.tag for b in blocks if b.tag in ("h2", "h3")), "h2")
    p_attrs = next((_attrs(b, drop=("id",)) for b in blocks if b.tag == "p"), "")
    parts = [f"<{heading}>{esc(t)}</{heading}>" if kind == "h" else f"<p{p_attrs}>{esc(t)}</p>"
             for kind, t in _OTHER_STORY[:max(2, min(len(_OTHER_STORY), len(blocks) - half))]]
    kids = children(a.body)
    at = next(i for i, k in enumerate(kids) if k.mem_id == blocks[half - 1].mem_id)
    for kid in kids[at + 1:]:  # the whole second fragment: its blocks, figures, ads and links
        kid.decompose()
    insert(blocks[half - 1], "<!-- fragment: /fragments/article/body/2 (cache hit) -->" + "".join(parts), "after")
    return Mutated(tree.html, None)


_PATTERN_DEFAULTS = ("Start with the news in one sentence: who did what, and when.",
                     "Add the context here: why it matters to readers and what happened before.")


@register(HOLDOUT18, NONE, """A post built from a synced "News article" pattern with overridable
paragraphs (WordPress 6.6 pattern overrides), whose override values were lost in an
export/import: the overridable intro paragraphs render the pattern's default text ("Start with
the news in one sentence: who did what, and when.", "Add the context here: ..."), the rest of
the body as written. The article's opening is not on the page; no right extraction exists.""")
def pattern_overrides_lost_default_text(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    prose = required(prose_paragraphs(a), "too few prose paragraphs", at_least=2)
    for p, text in zip(prose, _PATTERN_DEFAULTS):
        replace(p, f'<p{_attrs(p)} data-pattern-override="intro">{esc(text)}</p>')
    return Mutated(tree.html, None)


_NO_EXCERPT = "There is no excerpt because this is a protected post."


@register(HOLDOUT18, NONE, """A post given a password (an embargo setting, or by mistake): WordPress
core prefixes the title shown on the page with "Protected: " (<title> and og:title keep it
bare), replaces the content with its password form ("This
content is password protected. To view it please enter your password below:", a Password field
and an Enter button), and the excerpt with "There is no excerpt because this is a protected
post." (the dek and the descriptions). The article is not on the page; no right extraction
exists.""")
def password_protected_post_form(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    h = a.headline
    _refill(h, f"Protected: {_inner(h)}")
    if a.dek is not None:
        _refill(a.dek, _NO_EXCERPT)
    for meta in _meta(tree, "description", "og:description", "twitter:description"):
        meta.attrs["content"] = _NO_EXCERPT
    pid = _post_id(sample)
    for kid in list(a.body.iter(include_text=True)):
        kid.decompose()
    insert(a.body, f'<form action="https://{sample.host}/wp-login.php?action=postpass" class="post-password-form" '
                   f'method="post"><p>This content is password protected. To view it please enter your password '
                   f'below:</p><p><label for="pwbox-{pid}">Password: <input name="post_password" id="pwbox-{pid}" '
                   f'type="password" spellcheck="false" size="20"></label> <input type="submit" name="Submit" '
                   f'value="Enter"></p></form>', "append")
    return Mutated(tree.html, None)


@register(HOLDOUT18, NONE, """A co-authors plugin update whose author query lost its post filter
(the post ID missing from the taxonomy query), so the byline lists every guest-author profile
of the site: "By Nadia Okonkwo, Tomas Varga, Leila Moreau, <the writer>, ... and Yara Benali",
a dozen linked names with the real writers among them. Meta and JSON-LD keep the writers, but
the byline no longer says who wrote the piece; no right extraction exists.""")
def byline_lists_whole_staff(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    _byline_box(sample, a)
    rng = rng_for(sample, "byline_lists_whole_staff")
    names = [n for n in _STAFF if n not in sample.expected["authors"]]
    rng.shuffle(names)
    names = names[:10]
    for i, writer in enumerate(sample.expected["authors"]):
        names.insert(3 + 3 * i, writer)
    links = [author_link(sample, n) for n in names]
    _rewrite_byline(a, "By " + ", ".join(links[:-1]) + " and " + links[-1])
    return Mutated(tree.html, None)


@register(HOLDOUT18, NONE, """An import that left the posts' title field empty, with a theme that
then titles an untitled post from the first words of its content (as many themes and feed
readers do): the <h1>, <title>, og:title, twitter:title and the JSON-LD headline read the body's
first ten words and "…". The article's headline is nowhere on the page; no right extraction
exists.""")
def headline_auto_title_from_first_words(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    if a.headline is None:
        raise NotApplicable("no headline element")
    prose = required(prose_paragraphs(a), "no prose paragraph in the body")
    auto = " ".join(text_of(prose[0]).split()[:10]).rstrip(",;:") + "…"
    h = a.headline
    _refill(h, esc(auto))
    title = tree.css_first("title")
    if title is not None:
        _set_text(title, f"{auto} – {site_name(sample)}")
    for meta in _meta(tree, "og:title", "twitter:title"):
        meta.attrs["content"] = auto

    def fix(d):
        if isinstance(d.get("headline"), str):
            d["headline"] = auto
    edit_jsonld(tree, lambda obj: walk_json(obj, fix))
    _shown_elsewhere(tree.html, sample.expected["headline"])
    return Mutated(tree.html, None)


_ZERO_ISO = "-0001-11-30T00:00:00+00:00"


@register(HOLDOUT18, NONE, """A database-level import that left every post's GMT date columns at
MySQL's zero date, with a theme update that formats dates from those columns: PHP reads
"0000-00-00 00:00:00" as 30 November of year -1, so every date on the page (the article's
stamp, the related stories', each <time datetime> and data-datetime) reads "Nov 30, -0001",
and article:published_time / modified_time and the JSON-LD dates are "-0001-11-30T00:00:00+00:00".
The page no longer states when the article was published; no right extraction exists.""")
def published_zero_gmt_date(sample: Sample) -> Mutated:
    tree, a = anatomy_of(sample)
    published_at(sample)
    zero = datetime(2000, 11, 30)  # only its month and day are printed; the year is written as -0001
    for node in _latest_first(tree, _date_lines(a) + tree.css("time, [data-datetime]")):
        said = text_of(node)
        m = _EN_DATE.search(said)
        printed = None
        if m is not None:
            printed = said[:m.start()] + _printed(m, zero).replace(", 2000", ", -0001") + said[m.end():]
        _redate(node, printed, _ZERO_ISO)
    for meta in tree.css("meta[content]"):
        if re.match(r"\d{4}-\d\d-\d\dT", meta.attributes.get("content") or ""):
            meta.attrs["content"] = _ZERO_ISO
    reprint_jsonld_dates(tree, lambda _: _ZERO_ISO)
    return Mutated(_undated(sample, tree.html), None)
