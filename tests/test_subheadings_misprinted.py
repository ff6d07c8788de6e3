"""The body's subheadings and paragraphs not on the page as written
(pressguard/verdict/body_structure.subheading_misprinted, paragraphs_run_together): a
heading-anchor plugin printing a visible copy of each subheading in its anchor, a template
binding filling every heading block with the post's title, a post's plain text printed
without its paragraph filter (its paragraphs separated by blank lines only, which a browser
folds). Shipped pages, changed by hand, run through assess() (the real extraction, site
profile and checks).
"""

from __future__ import annotations

import html as html_lib
import re

from selectolax.lexbor import LexborHTMLParser

import page_mutations as mutate
from test_check_signals import _assess, _failing, _healthy

from pressguard.extract.text import skip_blank

REVIEW = "gamepur/project-lumen-review-almost-there"  # three subheadings between paragraphs
LONG = "primagames/the-complete-history-of-tidebound-from-first-pitch-to-the-ranked-mode"


def _headings_edited(html: str, right: dict, make) -> str:
    """Each subheading of the body rewritten as make(its text, its id, the element) inside
    its own tag."""
    html = mutate.serialized(html)
    tree = LexborHTMLParser(html)
    heads = [h for p in right["body"] if len(p) <= 150
             if (h := mutate._element_with_text(tree, p, "h2, h3, h4")) is not None]
    assert len(heads) >= 3
    for h in heads:
        text = html_lib.escape(h.text(deep=True))
        inner = make(text, h.attributes.get("id") or "s", h)
        html = mutate._replace_once(html, h.html, f"<{h.tag}>{inner}</{h.tag}>")
    return html


def _paragraphs_blank_lined(html: str, right: dict, keep_tags: bool) -> str:
    """Each run of body paragraphs printed with blank lines between them: as the text of
    their <p> elements (a classic-editor post without wpautop), or keep_tags, as the <p>
    elements themselves (pretty-printed markup)."""
    html = mutate.serialized(html)
    tree = LexborHTMLParser(html)
    paras = mutate._body_elements(tree, right)
    assert len(paras) >= 4
    runs, run = [], [paras[0]]
    for p in paras[1:]:
        nxt = skip_blank(run[-1].next)
        if nxt is not None and nxt.mem_id == p.mem_id:
            run.append(p)
        else:
            runs.append(run)
            run = [p]
    runs.append(run)
    for run in runs:
        if len(run) < 2:
            continue
        olds = [p.html for p in run]
        start, end = html.index(olds[0]), html.index(olds[-1]) + len(olds[-1])
        if html[start:end].replace("".join(olds), "") != "":
            continue  # something else stands between the paragraphs: leave the run
        raw = "\n\n".join(p.html if keep_tags else p.html[p.html.index(">") + 1: p.html.rindex("</")]
                          for p in run)
        html = html[:start] + "\n" + raw + "\n" + html[end:]
    return html


def test_subheadings_printed_twice_by_their_anchor_are_broken_naming_the_body():
    site, url, html, right = _healthy(REVIEW)
    item = _assess(site, url, _headings_edited(
        html, right, lambda text, ident, h: f'<a class="toc-anchor" href="#{ident}">{text}</a>{text}'))
    assert item["verdict"] == "broken", item["checks"]
    assert "twice in a row" in item["checks"]["completeness"] and "body:" in item["checks"]["completeness"]


def test_an_anchor_copy_hidden_for_screen_readers_or_a_permalink_mark_is_healthy():
    site, url, html, right = _healthy(REVIEW)
    for make in (lambda text, ident, h: f'<a href="#{ident}"><span class="screen-reader-text">{text}</span></a>{text}',
                 lambda text, ident, h: f'<a class="toc-anchor" href="#{ident}" aria-hidden="true">{text}</a>{text}',
                 lambda text, ident, h: f'{text}<a class="heading-anchor" href="#{ident}">#</a>'):
        item = _assess(site, url, _headings_edited(html, right, make))
        assert "twice" not in item["checks"]["completeness"], item["checks"]["completeness"]
        assert item["verdict"] != "broken", _failing(item)


def test_every_subheading_printing_the_headline_is_broken_naming_the_body():
    site, url, html, right = _healthy(REVIEW)
    title = html_lib.escape(right["headline"])
    item = _assess(site, url, _headings_edited(html, right, lambda text, ident, h: title))
    assert item["verdict"] == "broken", item["checks"]
    assert "the headline" in item["checks"]["completeness"] and "body:" in item["checks"]["completeness"]


def test_one_subheading_repeating_the_headline_is_healthy():
    """Real pages do this (a newsletter's section named as the post, a blog's closing section
    under the post's title): only a headline in place of several subheadings is judged."""
    site, url, html, right = _healthy(REVIEW)
    title = html_lib.escape(right["headline"])
    done = []

    def once_between_paragraphs(text, ident, h):
        before = skip_blank(h.prev, "prev")
        if done or before.tag != "p" or " ".join(before.text(deep=True).split()) not in right["body"]:
            return text
        done.append(h)
        return title

    item = _assess(site, url, _headings_edited(html, right, once_between_paragraphs))
    assert done
    assert "the headline" not in item["checks"]["completeness"], item["checks"]["completeness"]
    assert item["verdict"] != "broken", _failing(item)


def test_paragraphs_separated_by_blank_lines_only_are_broken_naming_the_body():
    site, url, html, right = _healthy(LONG)
    item = _assess(site, url, _paragraphs_blank_lined(html, right, keep_tags=False))
    assert item["verdict"] == "broken", item["checks"]
    assert "blank lines only" in item["checks"]["completeness"] and "body:" in item["checks"]["completeness"]


def test_paragraph_elements_with_blank_lines_between_them_are_healthy():
    """Pretty-printed markup: the blank lines stand between <p> elements, not in a text."""
    site, url, html, right = _healthy(LONG)
    item = _assess(site, url, _paragraphs_blank_lined(html, right, keep_tags=True))
    assert "blank lines" not in item["checks"]["completeness"], item["checks"]["completeness"]
    assert item["verdict"] != "broken", _failing(item)


def test_subheadings_printed_twice_in_their_own_text_are_broken_naming_the_body():
    """The copy in an element the extraction keeps: the item's subheadings read twice."""
    site, url, html, right = _healthy(LONG)
    item = _assess(site, url, _headings_edited(html, right, lambda text, ident, h: f"<span>{text}</span>{text}"))
    assert item["verdict"] == "broken", item["checks"]
    assert "twice in a row" in item["checks"]["completeness"], item["checks"]["completeness"]


def _only_subheading(html: str, right: dict, before_first_paragraph: bool) -> str:
    """The body's subheadings dropped and one <h2> printing the headline: where the first
    subheading stood (after the opening paragraphs), or above the body's first paragraph."""
    html = mutate.serialized(html)
    tree = LexborHTMLParser(html)
    heads = [h for p in right["body"] if len(p) <= 150
             if (h := mutate._element_with_text(tree, p, "h2, h3, h4")) is not None]
    title = f"<h2>{html_lib.escape(right['headline'])}</h2>"
    first = mutate._body_elements(tree, right)[0].html
    for n, h in enumerate(heads):
        html = mutate._replace_once(html, h.html, title if n == 0 and not before_first_paragraph else "")
    return mutate._replace_once(html, first, title + first) if before_first_paragraph else html


def test_the_only_subheading_printing_the_headline_after_the_opening_is_broken():
    site, url, html, right = _healthy(REVIEW)
    item = _assess(site, url, _only_subheading(html, right, before_first_paragraph=False))
    assert item["verdict"] == "broken", item["checks"]
    assert "the headline" in item["checks"]["completeness"], item["checks"]["completeness"]


def test_a_body_opening_on_its_title_is_healthy():
    site, url, html, right = _healthy(REVIEW)
    tree = LexborHTMLParser(mutate.serialized(html))
    heads = {p for p in right["body"] if len(p) <= 150
             and mutate._element_with_text(tree, p, "h2, h3, h4") is not None}
    html = _only_subheading(html, right, before_first_paragraph=True)
    # the look-alike's CMS counts what it prints: its subheadings were never written
    printed = sum(len(p.split()) for p in right["body"] if p not in heads)
    html = re.sub(r'"wordCount":\s*"?\d+"?', f'"wordCount": {printed}', html)
    item = _assess(site, url, html)
    assert "the headline" not in item["checks"]["completeness"], item["checks"]["completeness"]
    assert item["verdict"] != "broken", _failing(item)
