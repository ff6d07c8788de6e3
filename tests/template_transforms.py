"""Template changes applied to any page: each function takes a page's HTML (and, for the
structural ones, the article item extracted from it) and returns the changed HTML.

They work on the parsed tree through one serializer (``rewrite``), never on one site's
class names, so the same change can be applied to every shipped cassette. The cosmetic
ones leave every field's text where it was; the structural ones move, rename or re-house
the element a field comes from."""

from __future__ import annotations

import hashlib
import re
import html as htmllib
from typing import Callable

from selectolax.lexbor import LexborHTMLParser

from pressguard.verdict.fingerprint import TextIndex, _lca

VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
RAW = frozenset({"script", "style"})


class Rewrite:
    """Hooks of one rewrite; every default leaves the page as it is."""

    def tag(self, node) -> str:
        return node.tag

    def attrs(self, node, items: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
        return items

    def wrappers(self, node) -> list[str]:
        """Opening tags of elements to put around node (outermost first), closed as div/section/main."""
        return []

    def inner_wrappers(self, node) -> list[str]:
        """Opening tags of elements to put around node's content."""
        return []

    def skip(self, node) -> bool:
        """Leave node out here (it is moved elsewhere by after())."""
        return False

    def after(self, node) -> list:
        """Nodes to write right after node."""
        return []

    def before_element(self, depth: int) -> str:
        """Text between elements (whitespace policy)."""
        return ""

    def keep_text(self, text: str) -> bool:
        return True

    def unwrap(self, node) -> bool:
        """Write node's content without node itself."""
        return False


def _open_close(opening: str) -> tuple[str, str]:
    name = opening[1:].split(None, 1)[0].rstrip(">")
    return opening, f"</{name}>"


def rewrite(page, hooks: Rewrite) -> str:
    """Serialise page (HTML, or a tree the hooks found their nodes in) through hooks."""
    tree = LexborHTMLParser(page) if isinstance(page, str) else page
    out: list[str] = ["<!DOCTYPE html>"]

    def write(node, depth: int, raw: bool = False) -> None:
        if node.tag == "-text":
            text = node.text_content or ""
            if raw:
                out.append(text)
            elif hooks.keep_text(text):
                out.append(htmllib.escape(text, quote=False))
            return
        if node.tag in ("_comment", "-comment", "!comment"):
            return
        if hooks.skip(node):
            return
        if hooks.unwrap(node):
            for child in node.iter(include_text=True):
                write(child, depth)
            return
        wraps = [_open_close(w) for w in hooks.wrappers(node)]
        for opening, _ in wraps:
            out.append(hooks.before_element(depth) + opening)
        tag = hooks.tag(node)
        items = [(k, v) for k, v in node.attributes.items()]
        attrs = "".join(f" {k}" if v is None else f' {k}="{htmllib.escape(v, quote=True)}"'
                        for k, v in hooks.attrs(node, items))
        out.append(f"{hooks.before_element(depth)}<{tag}{attrs}>")
        if tag not in VOID:
            inner = [_open_close(w) for w in hooks.inner_wrappers(node)]
            for opening, _ in inner:
                out.append(opening)
            for child in node.iter(include_text=True):
                write(child, depth + 1, raw=node.tag in RAW)
            for _, closing in reversed(inner):
                out.append(closing)
            out.append(f"</{tag}>")
        for _, closing in reversed(wraps):
            out.append(closing)
        for moved in hooks.after(node):
            write(moved, depth)

    write(tree.root, 0)
    return "".join(out)


def _hash(*parts: str, n: int = 5) -> str:
    """A deterministic build-hash-like token with digits and both cases (a8F3k)."""
    h = hashlib.sha1("|".join(parts).encode()).hexdigest()
    return "".join(c.upper() if i % 2 else c for i, c in enumerate(h[:n - 1])) + str(len(parts[0]) % 10)


def _classes(items) -> list[str]:
    return next((v.split() for k, v in items if k == "class" and v), [])


def _set_classes(items, classes: list[str]):
    rest = [(k, v) for k, v in items if k != "class"]
    return rest + [("class", " ".join(classes))] if classes else rest


def _in_body(node) -> bool:
    while node is not None:
        if node.tag == "body":
            return True
        node = node.parent
    return False


def _is_element(node) -> bool:
    return node.tag not in ("-text", "_comment", "html", "head", "body", "-document", "#document") and _in_body(node)


# -- cosmetic churn: every field keeps its text and its element --------------------------

class _AddClasses(Rewrite):
    def __init__(self, make: Callable[[object, list[str]], list[str]]):
        self.make = make

    def attrs(self, node, items):
        if not _is_element(node) or node.tag in RAW:
            return items
        classes = _classes(items)
        return _set_classes(items, classes + self.make(node, classes))


def css_modules(html: str, build: str = "") -> str:
    """A build with CSS modules: every element gets a <File>_<name>__<hash> class; another
    build of the same template gets other hashes."""
    return rewrite(html, _AddClasses(lambda n, cls: [
        f"{n.tag.capitalize()}_{(cls[0] if cls else n.tag).split('-')[0]}__{_hash(build, n.tag, *cls)}"]))


def styled_components(html: str) -> str:
    """styled-components and emotion: sc-<hash> <hash> css-<hash> on every element."""
    return rewrite(html, _AddClasses(lambda n, cls: [
        "sc-" + _hash(n.tag, *cls).replace("0", "x"), "kPzRsT", "css-" + _hash("css", n.tag, *cls).lower()]))


def tailwind(html: str) -> str:
    """Utility classes everywhere, variants and arbitrary values included."""
    utilities = ["text-lg", "md:flex", "px-4", "hover:underline", "lg:w-1/2", "font-bold", "mx-auto",
                 "items-center", "leading-tight", "max-w-prose", "bg-white", "rounded-lg", "w-[42rem]"]
    return rewrite(html, _AddClasses(lambda n, cls: utilities[len(n.tag) % 4:][:6]))


class _WordPressUpdate(Rewrite):
    """A WordPress core update: layout classes renamed and added, block groups around blocks."""

    def attrs(self, node, items):
        if not _is_element(node):
            return items
        classes = [c.replace("is-layout-constrained", "is-layout-flow") for c in _classes(items)]
        if node.tag in ("div", "main", "section", "article"):
            classes += [f"wp-container-core-group-is-layout-{len(node.tag) + 3}", "has-global-padding",
                        "is-layout-constrained", "wp-block-group-is-layout-constrained"]
        return _set_classes(items, classes)

    def wrappers(self, node):
        if _is_element(node) and node.tag in ("div", "main", "article") and _classes(node.attributes.items()):
            return ['<div class="wp-block-group alignwide has-global-padding is-layout-constrained '
                    'wp-container-core-group-is-layout-7">']
        return []


def wordpress_update(html: str) -> str:
    return rewrite(html, _WordPressUpdate())


class _Wrappers(Rewrite):
    """Wrappers: around every classed block a <name>-wrapper div and an anonymous one,
    inside it a utility-classed div; a span inside headings, a div around each paragraph."""

    def wrappers(self, node):
        if not _is_element(node):
            return []
        if node.tag == "p":
            return ["<div>"]
        classes = (node.attributes.get("class") or "").split()
        if node.tag in ("div", "header", "main", "article", "section") and classes:
            return [f'<div class="{classes[0]}-wrapper">', "<div>"]
        return []

    def inner_wrappers(self, node):
        if _is_element(node) and node.tag in ("h1", "h2"):
            return ["<span>"]
        classes = (node.attributes.get("class") or "").split()
        if _is_element(node) and node.tag in ("div", "section") and classes:
            return [f'<div class="{classes[0]}__inner flex flex-col gap-4">']
        return []


def wrapper_divs(html: str) -> str:
    return rewrite(html, _Wrappers())


class _Around(Rewrite):
    """Elements around one node of the tree."""

    def __init__(self, target, openings: list[str]):
        self.target, self.openings = target.mem_id, openings

    def wrappers(self, node):
        return self.openings if node.mem_id == self.target else []


def body_in_main_section(html: str, item: dict) -> str:
    """The article body moved into <main><section> (its container unchanged)."""
    tree = LexborHTMLParser(html)
    return rewrite(tree, _Around(body_container(tree, item), ["<main>", "<section>"]))


class _Amp(Rewrite):
    """AMP-style markup: <html amp>, amp-img, i-amphtml classes and layout attributes."""

    def tag(self, node):
        return "amp-img" if node.tag == "img" else node.tag

    def attrs(self, node, items):
        if node.tag == "html":
            return items + [("amp", None)]
        if node.tag == "img":
            return items + [("layout", "responsive"),
                            ("class", "i-amphtml-element i-amphtml-layout-responsive")]
        if _is_element(node) and node.tag == "div":
            return _set_classes(items, _classes(items) + ["i-amphtml-layout-container"])
        return items


def amp(html: str) -> str:
    return rewrite(html, _Amp())


class _Modifiers(Rewrite):
    """BEM modifier classes added to every named element (a state, a variant)."""

    def attrs(self, node, items):
        classes = _classes(items)
        if not _is_element(node) or not classes:
            return items
        return _set_classes(items, classes + [f"{classes[0]}--featured"])


def bem_modifiers(html: str) -> str:
    return rewrite(html, _Modifiers())


_WRAPPERISH = re.compile(r"wrapper|container|inner|wp-block-group|is-layout|^has-|^align|^wp-container")


class _Unwrap(Rewrite):
    """Layout wrappers removed: every <div> without a class or whose classes all name a
    wrapper or a layout group."""

    def unwrap(self, node):
        if not _is_element(node) or node.tag != "div":
            return False
        classes = (node.attributes.get("class") or "").lower().split()
        return all(_WRAPPERISH.search(c) for c in classes)


def unwrap_wrappers(html: str) -> str:
    return rewrite(html, _Unwrap())


class _AttributeOrder(Rewrite):
    def attrs(self, node, items):
        items = [(k, " ".join(reversed(v.split())) if k == "class" and v else v) for k, v in items]
        return list(reversed(items))


def attribute_order(html: str) -> str:
    """Attributes and class tokens in reverse order."""
    return rewrite(html, _AttributeOrder())


class _Minify(Rewrite):
    def keep_text(self, text):
        return bool(text.strip())


def minify(html: str) -> str:
    """No whitespace between tags."""
    return rewrite(html, _Minify())


class _Pretty(Rewrite):
    def before_element(self, depth):
        return "\n" + "  " * depth


def pretty(html: str) -> str:
    """Every element on its own indented line."""
    return rewrite(html, _Pretty())


CHURN = {
    "css_modules": css_modules,
    "styled_components": styled_components, "tailwind": tailwind,
    "wordpress_update": wordpress_update, "wrapper_divs": wrapper_divs, "amp": amp,
    "attribute_order": attribute_order, "bem_modifiers": bem_modifiers, "unwrap_wrappers": unwrap_wrappers, "minify": minify, "pretty": pretty,
}


# -- locating a field's element, as a template change would see it ----------------------

def body_container(tree, item: dict):
    """The lowest element holding the body's first paragraphs."""
    index = TextIndex(tree)
    found = [index.locate(p, slack=1.1, extra=10) for p in item["body"][:4]]
    els = [f[0][1] for f in found if f]
    return _lca(els) if len(els) > 1 else els[0].parent


def _holds(node, value: str) -> bool:
    from pressguard.verdict.fingerprint import squash

    return squash(value) in squash(node.text(deep=True))


def byline_block(tree, item: dict):
    """The largest element holding the first author's name but neither the headline nor
    the body (the byline with whatever sits beside it: avatar, date, share buttons)."""
    node = TextIndex(tree).locate(item["authors"][0], slack=1.0, extra=40)[0][1]
    while node.parent is not None and node.parent.tag != "body" \
            and not _holds(node.parent, item["headline"]) \
            and not _holds(node.parent, item["body"][0]):
        node = node.parent
    return node


# -- structural changes ------------------------------------------------------------------

class _Move(Rewrite):
    """One node written right after another instead of where it was."""

    def __init__(self, moved, anchor):
        self.moved, self.anchor_id = moved, anchor.mem_id

    def skip(self, node):
        return node.mem_id == self.moved.mem_id and not getattr(self, "_writing", False)

    def after(self, node):
        if node.mem_id != self.anchor_id:
            return []
        self._writing = True
        return [self.moved]


def byline_below_body(html: str, item: dict) -> str:
    """The byline block moved right after the body's container."""
    tree = LexborHTMLParser(html)
    return rewrite(tree, _Move(byline_block(tree, item), body_container(tree, item)))


class _Rename(Rewrite):
    """One element's tag and classes replaced."""

    def __init__(self, target, tag: str | None, classes: list[str]):
        self.target, self.new_tag, self.classes = target.mem_id, tag, classes

    def tag(self, node):
        return self.new_tag or node.tag if node.mem_id == self.target else node.tag

    def attrs(self, node, items):
        return _set_classes(items, self.classes) if node.mem_id == self.target else items


def body_container_renamed(html: str, item: dict) -> str:
    """The body's container becomes <section class="article-body"> (a renamed block)."""
    tree = LexborHTMLParser(html)
    return rewrite(tree, _Rename(body_container(tree, item), "section", ["article-body"]))


def byline_renamed(html: str, item: dict) -> str:
    """The byline's named element gets another component name."""
    tree = LexborHTMLParser(html)
    index = TextIndex(tree)
    node = index.locate(item["authors"][0], slack=1.0, extra=40)[0][1]
    from pressguard.verdict.fingerprint import node_classes

    while not node_classes(node):
        node = node.parent
    return rewrite(tree, _Rename(node, None, ["story-credit__person"]))


def body_in_new_container(html: str, item: dict) -> str:
    """The body's container put inside a new named block (a members-only gate)."""
    tree = LexborHTMLParser(html)
    return rewrite(tree, _Around(body_container(tree, item), ['<div class="article-gate">']))


def headline_demoted(html: str, item: dict) -> str:
    """The headline's <h1> becomes an <h2> with the same classes."""
    tree = LexborHTMLParser(html)
    index = TextIndex(tree)
    node = next(el for _, el in index.locate(item["headline"], slack=1.2, extra=20) if el.tag == "h1")
    return rewrite(tree, _Rename(node, "h2", (node.attributes.get("class") or "").split()))


class _Paragraphs(Rewrite):
    """Every paragraph inside one container rewritten as another element."""

    def __init__(self, container, opening_tag: str, classes: list[str]):
        self.container, self.new_tag, self.classes = container.mem_id, opening_tag, classes

    def _mine(self, node):
        return node.tag == "p" and node.parent is not None and node.parent.mem_id == self.container

    def tag(self, node):
        return self.new_tag if self._mine(node) else node.tag

    def attrs(self, node, items):
        return _set_classes(items, self.classes) if self._mine(node) else items


def paragraphs_as_divs(html: str, item: dict) -> str:
    """The body's <p> elements become <div class="story-paragraph">."""
    tree = LexborHTMLParser(html)
    return rewrite(tree, _Paragraphs(body_container(tree, item), "div", ["story-paragraph"]))


STRUCTURAL = {
    "byline_below_body": (byline_below_body, "authors"),
    "body_container_renamed": (body_container_renamed, "body"),
    "byline_renamed": (byline_renamed, "authors"),
    "body_in_new_container": (body_in_new_container, "body"),
    "headline_demoted": (headline_demoted, "headline"),
    "paragraphs_as_divs": (paragraphs_as_divs, "body"),
}
