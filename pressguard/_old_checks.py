"""Snapshot-free health checks, run on every extracted item (the live crawl has no
snapshot to compare with, so each check judges the item on its own, against the page it
came from, or against an independent second extraction):

    run_checks(item, *, html=None, second_opinion=None, recorded_fingerprint=None,
               current_fingerprint=None, source_complete=True) -> {check: "ok" | message}

Every check is always present, in the order of CHECKS. A message is one line:
``<check>: <item url>: expected <what>, found <what>`` (several findings of one check are
joined with "; ").

headline     present, at most MAX_HEADLINE characters, not the site's name (pressguard.sites
             titles, og:site_name, the JSON-LD publisher), not a generic page title ("Home",
             "Page not found", "Just a moment...").
authors      every name person-like: 2-4 capitalised words (particles such as "de", "van"
             aside), no digits, "@", e-mails or URLs, not the site's name, not a collective
             ("Staff", "Team", "Editor" ...) and not a photo credit. With html: the names must
             appear in the page's byline elements when the page has some (names taken from
             teaser tiles are not the author), and [] fails when a byline element, a JSON-LD
             Person or <meta name=author> names a person. Without html, [] fails when the
             second opinion found authors. (With html the second opinion's authors are not
             used alone: a layout-free extractor also reads the names on teaser tiles.)
body_length  at least MIN_WORDS words in at least MIN_PARAGRAPHS paragraphs.
boilerplate  no paragraph matches BOILERPLATE (one table: sign-up modal, reCAPTCHA, video
             player label, photo credits, affiliate disclosures, "Related:", review-box
             text, author bio openings, raw markup), nor opens with the bio of an author.
truncation   no word mangled by a stripped UI word: orphan suffixes standing alone ("from
             ing NATO", "is ed by"), determiner gaps ("over the of a", "reset your ."),
             a sentence that starts in lower case ("... X. to quote ..."); and, when
             source_complete, a last paragraph that ends with . ! ? or … (closing quotes,
             brackets and emoji allowed; a last list item, table cell or heading is exempt
             when html shows it).
agreement    independent sources agree: the headline with the second opinion's, with the
             JSON-LD headline and with og:title (normalised: entities, quotes, dashes,
             whitespace, case, a " - Site" suffix; agreeing = equal, one a prefix of the
             other, or word Jaccard >= HEADLINE_JACCARD); the body's word set with the
             second opinion's (Jaccard >= BODY_JACCARD, checked when either has a body);
             the authors with the JSON-LD Person names when both have some (same set,
             case-insensitive).
template     fingerprint.compare(recorded, current) is empty. "ok" when there is no
             recorded fingerprint (nothing to compare with yet: the recorder stores one).
             When only html is given, the current fingerprint is computed from it.
"""

from __future__ import annotations

import html as htmllib
import json
import re
import unicodedata
from functools import cached_property
from typing import Any

from . import fingerprint as fp
from .sites import SITES, site_for_url

CHECKS = ("headline", "authors", "body_length", "boilerplate", "truncation", "agreement", "template")

MAX_HEADLINE = 300
MIN_WORDS = 80
MIN_PARAGRAPHS = 2
BODY_JACCARD = 0.5
HEADLINE_JACCARD = 0.75

GENERIC_TITLES = frozenset(
    """home|homepage|home page|index|news|latest|latest news|blog|articles|article|untitled
    |page not found|not found|404|404 not found|error|access denied|forbidden
    |just a moment...|just a moment|attention required!|attention required
    |verify you are human|are you a robot?|log in|login|sign in|sign up|subscribe|search
    |search results|archives|archive|category|tag|author|reviews|guides|news & features
    |privacy policy|terms of service|cookie policy|about|about us|contact|contact us
    |loading...|loading|redirecting...|site maintenance""".replace("\n", "").split("|")
)
GENERIC_TITLES = frozenset(t.strip() for t in GENERIC_TITLES)

# Words that make a byline a collective, a desk, a role or a credit, never a person.
NOT_PERSON = frozenset(
    """staff team editor editors editorial desk newsroom admin administrator contributors
    contributor guest writer writers reporter reporters correspondent wire agency
    getty images image photo photos photograph photography shutterstock alamy screenshot
    screengrab courtesy via credit credits associated press reuters afp unsplash""".split()
)
PARTICLES = frozenset(
    "van von der den de del della di da dos das du la le bin ibn al el ter ten mac st y e".split())

# name, pattern (case-insensitive, searched in every body paragraph). One table.
BOILERPLATE: tuple[tuple[str, str], ...] = (
    ("sign-up modal", r"create an? (gamurs )?account|create a gamurs\b|choose a unique name"
     r"|choose your preferences|choose how we communicate with you|^check your email\b"
     r"|an account confirmation link was sent|something went wrong\. try again"
     r"|your details are incorrect|reset instructions sent|enter the email address you used"
     r"|by signing up, you agree|if you used apple or google to create"),
    ("reCAPTCHA notice", r"recaptcha|protected by .{0,30}google"),
    ("video player label", r"\brecommended videos?\b"),
    ("photo credit", r"^(photo|image|screenshot|screengrab|screencap|footage|header image|featured image)s?"
     r"( credit)?\s*(by|via|courtesy of|:)\s|^(credit|source|courtesy of):?\s|\bgetty images\b"
     r"|/\s*(shutterstock|ap photo|afp|reuters)\b|\bphoto by [^.]{1,60}/"),
    ("affiliate disclosure", r"supported by (our|its) (audience|readers)|(earn|receive) a small commission"
     r"|we may earn (a|an)( \w+)? commission|^disclosure:|(article|post|page) (contains|includes)"
     r" affiliate links|affiliate policy"),
    ("related link", r"^related:"),
    ("review box", r"^reviewed on\b|this review is based on a (retail|review|pre-release|digital)"
     r" (build|copy|code)"),
    ("author bio", r"^author$|^image of [A-Z]|\bhas worked for multiple sites\b"
     r"|^\w+ has (?:worked|written) (?:for|as|at) .{0,80}\b(?:sites|publications|outlets|writer|editor)"
     r"|\bhas covered .{1,40} for \d+ years\b|\bwhen not writing\b"),
    ("tracking pixel / markup", r"scorecardresearch|<\s*(img|div|script|iframe|p|a)\b|&[a-z]+;|&#\d+;"),
)
_BOILERPLATE = tuple((name, re.compile(p, re.I | re.M)) for name, p in BOILERPLATE)

# Stripped-word holes (the seed's failure mode).
ORPHAN_SUFFIXES = frozenset({"ing", "ings", "ed", "s", "tion", "tions", "ment", "ments"})
_TOKEN_STRIP = ",.;:!?()[]{}\"“”‘’«»"
_GAP = re.compile(
    r"\b(?:the|a|an)\s+(?:of|to|in|for|on|at|by|with|from|into|than|the|a|an|and|or|but|is|are"
    r"|was|were|has|have)\b(?![\-\u2010\u2011'’])"
    r"|\b(?:the|a|an|your|our|their|my|his|her|its)\s+[.,;:!?]"
)
_LOWER_START = re.compile(r"([.!?])\s+([a-z][a-z]+)\b")  # not after a closing quote: “Why?” she asked
_ABBREV = frozenset(
    "e.g i.e etc vs approx ca cf no op vol ch pp st mr mrs ms dr jr sr fig al inc ltd".split())
_TERMINAL = ".!?…。！？"
_CLOSERS = "\"'”’»›)]}*_"


# -- text helpers ----------------------------------------------------------------------

def _norm(text: str | None) -> str:
    """For comparing titles: entities decoded, quotes/dashes unified, spaces collapsed,
    case folded."""
    if not text:
        return ""
    text = htmllib.unescape(htmllib.unescape(text))
    for a, b in fp.PUNCT_REPLACEMENTS:
        text = text.replace(a, b)
    return " ".join(text.split()).casefold().strip(" .")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if (a or b) else 1.0


def _quote(text: str, n: int = 80) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= n else text[: n - 1] + "…")


def _excerpt(text: str, start: int, end: int, pad: int = 25) -> str:
    a = text.rfind(" ", 0, max(0, start - pad))
    b = text.find(" ", min(len(text), end + pad))
    return _quote(text[a + 1 if a >= 0 else 0: b if b >= 0 else len(text)], 70)


# -- what the page itself says ------------------------------------------------------------

class PageHints:
    """Independent evidence from the raw page: site names, og:title, JSON-LD, bylines."""

    _BYLINE_SEL = ('[rel~="author"], [itemprop~="author"], [data-author], [data-byline], '
                   '[class*="byline"], [class*="Byline"], [class*="author-name"], '
                   '[class*="author__name"], [class*="metadata__name"], [class*="__author"], '
                   '[class*="post-author"], .author')

    def __init__(self, html: str | bytes, url: str) -> None:
        self.tree = fp.parse(html)
        self.url = url
        self.meta: dict[str, list[str]] = {}
        for node in self.tree.css("meta[content]"):
            attrs = node.attributes
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key:
                self.meta.setdefault(key, []).append(" ".join((attrs.get("content") or "").split()))

    @cached_property
    def jsonld(self) -> tuple[list[str], list[str], list[str]]:
        """(article headlines, article Person names, organisation names)."""
        headlines: list[str] = []
        persons: list[str] = []
        orgs: list[str] = []
        nodes: list[dict] = []

        def walk(v: Any, depth: int = 0) -> None:
            if depth > 6:
                return
            if isinstance(v, list):
                for x in v:
                    walk(x, depth + 1)
            elif isinstance(v, dict):
                nodes.append(v)
                if "@graph" in v:
                    walk(v["@graph"], depth + 1)

        for script in self.tree.css("script[type]"):
            if (script.attributes.get("type") or "").strip().lower() != "application/ld+json":
                continue
            try:
                walk(json.loads(script.text(deep=True) or "", strict=False))
            except ValueError:
                continue
        by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str)}

        def types(n: dict) -> set[str]:
            t = n.get("@type")
            t = [t] if isinstance(t, str) else (t if isinstance(t, list) else [])
            return {str(x).lower() for x in t}

        for n in nodes:
            t = types(n)
            if t & {"organization", "newsmediaorganization", "website", "corporation"}:
                if isinstance(n.get("name"), str):
                    orgs.append(htmllib.unescape(n["name"]))
            if not any("article" in x or x in ("review", "blogposting", "report") for x in t):
                continue
            if isinstance(n.get("headline"), str):
                headlines.append(htmllib.unescape(n["headline"]))
            pub = n.get("publisher")
            pub = by_id.get(pub.get("@id"), pub) if isinstance(pub, dict) else pub
            if isinstance(pub, dict) and isinstance(pub.get("name"), str):
                orgs.append(pub["name"])
            auth = n.get("author")
            for a in auth if isinstance(auth, list) else [auth]:
                if isinstance(a, dict) and "@id" in a and a["@id"] in by_id:
                    a = {**by_id[a["@id"]], **a}
                if isinstance(a, dict) and "person" in types(a) and isinstance(a.get("name"), str):
                    persons.append(htmllib.unescape(a["name"]))
                elif isinstance(a, str):  # "A, B" strings: people only if they look like it
                    persons += [p for p in _split_names(htmllib.unescape(a))]
        return headlines, persons, orgs

    @cached_property
    def site_names(self) -> list[str]:
        names = [s.title for s in SITES.values()]
        names += self.meta.get("og:site_name", []) + self.meta.get("application-name", [])
        names += self.jsonld[2]
        site = site_for_url(self.url)
        if site is not None:
            names += [site.title, site.domain, site.name]
        return [n for n in names if n]

    @cached_property
    def og_title(self) -> str:
        vals = self.meta.get("og:title") or self.meta.get("twitter:title") or []
        return vals[0] if vals else ""

    @cached_property
    def bylines(self) -> list[tuple[Any, str]]:
        """(element, text) of the byline elements outside furniture, outermost only."""
        out = []
        seen: set[int] = set()
        body = self.tree.body
        if body is None:
            return out
        for node in body.css(self._BYLINE_SEL):
            cls = (node.attributes.get("class") or "").lower()
            if re.search(r"avatar|image|img|photo|bio|box|description|about|social|follow|label", cls):
                continue
            if node.tag in ("img", "meta", "link") or fp.in_furniture(node) or _in_tile(node):
                continue
            parent, inner = node.parent, False
            while parent is not None:
                if parent.mem_id in seen:
                    inner = True
                    break
                parent = parent.parent
            if inner:
                continue
            text = " ".join(node.text(deep=True, separator=" ").split())
            if text and len(text) <= 200:
                seen.add(node.mem_id)
                out.append((node, text))
        return out

    @cached_property
    def byline_persons(self) -> list[str]:
        names = []
        for _, text in self.bylines:
            names += [n for n in _split_names(text) if _person_problem(n, self.site_names) is None]
        return names

    @cached_property
    def hinted_persons(self) -> list[tuple[str, str]]:
        """(name, where) of every person the page names as its author."""
        out = [(n, "byline") for n in self.byline_persons]
        out += [(n, "JSON-LD") for n in self.jsonld[1] if _person_problem(n, self.site_names) is None]
        for raw in self.meta.get("author", []):
            out += [(n, "meta author") for n in _split_names(raw)
                    if _person_problem(n, self.site_names) is None]
        return out


def _in_tile(node) -> bool:
    """Inside a link to another page (a teaser card)? Bylines are not links' children
    except their own author link."""
    n = node.parent
    for _ in range(6):
        if n is None:
            return False
        if n.tag == "a" and not re.search(r"/(author|authors|people|profile|staff|writers?)/",
                                          n.attributes.get("href") or ""):
            return True
        n = n.parent
    return False


_BY = re.compile(r"^\s*(?:(?:written|posted|published|reviewed|edited|words|story)\s+)?by\b[:\s]*", re.I)
_SPLIT = re.compile(r"\s*(?:,|;|\||·|•|&|\band\b)\s*", re.I)


def _split_names(text: str) -> list[str]:
    text = _BY.sub("", " ".join(text.split()))
    return [p.strip(" .:-–—") for p in _SPLIT.split(text) if p.strip(" .:-–—")]


def _squash(s: str) -> str:
    return "".join(ch for ch in s.casefold() if ch.isalnum())


def _person_problem(name: str, site_names) -> str | None:
    """None when name looks like a person's; else why not."""
    if not isinstance(name, str) or not name.strip():
        return "an empty name"
    name = " ".join(name.split())
    low = name.casefold()
    if "@" in name or "://" in name or low.startswith("www.") or re.search(r"\.(com|net|org)\b", low):
        return "an e-mail, handle or URL"
    key = _squash(name)
    for site in site_names:
        s = _squash(site)
        if s and (key == s or (len(s) >= 5 and s in key)):
            return "the site's name"
    if any(ch.isdigit() for ch in name):
        return "digits in a name"
    words = name.split()
    lowered = [w.strip(".,'’()").casefold() for w in words]
    if any(w in NOT_PERSON for w in lowered):
        hit = next(w for w in lowered if w in NOT_PERSON)
        if hit in {"getty", "images", "image", "photo", "photos", "photograph", "photography",
                   "shutterstock", "alamy", "screenshot", "screengrab", "courtesy", "via",
                   "credit", "credits", "unsplash"}:
            return "a photo credit"
        return "a collective byline, not a person"
    core = [w for w, l in zip(words, lowered) if l not in PARTICLES]
    if not 2 <= len(core) <= 4:
        return f"{len(core)} word{'s' if len(core) != 1 else ''}, not 2-4"
    cased = [w for w in core if any(ch.isupper() or ch.islower() for ch in w)]
    for w in cased:
        first = next((ch for ch in w if ch.isalpha()), "")
        if first and not first.isupper():
            return "a word not capitalised"
    return None


# -- the checks -------------------------------------------------------------------------

class _Context:
    def __init__(self, item, html, second_opinion, recorded, current, source_complete):
        self.item = item
        self.url = item.get("url") or "?"
        self.html = html
        self.second = second_opinion
        self.recorded = recorded
        self.current = current
        self.source_complete = source_complete
        self.body = [p for p in (item.get("body") or []) if isinstance(p, str) and p.strip()]

    @cached_property
    def page(self) -> PageHints | None:
        return PageHints(self.html, self.url) if self.html is not None else None

    @cached_property
    def site_names(self) -> list[str]:
        if self.page is not None:
            return self.page.site_names
        names = [s.title for s in SITES.values()]
        site = site_for_url(self.url) or SITES.get(self.item.get("site") or "")
        if site is not None:
            names += [site.domain, site.name]
        return names

    def fail(self, check: str, expected: str, found: str) -> str:
        return f"{check}: {self.url}: expected {expected}, found {found}"


def check_headline(c: _Context) -> str:
    h = " ".join((c.item.get("headline") or "").split())
    if not h:
        return c.fail("headline", "a headline", "none")
    low = _norm(h)
    for site in c.site_names:
        if low == _norm(site):
            return c.fail("headline", "the article's headline", f"{_quote(h)} (the site's name)")
    if low in GENERIC_TITLES or low.rstrip("!.") in GENERIC_TITLES:
        return c.fail("headline", "the article's headline", f"{_quote(h)} (a generic page title)")
    if len(h) > MAX_HEADLINE:
        return c.fail("headline", f"a headline of at most {MAX_HEADLINE} characters",
                      f"{len(h)} characters: {_quote(h, 60)}")
    return "ok"


def check_authors(c: _Context) -> str:
    authors = c.item.get("authors")
    if authors is None:
        authors = []
    if not isinstance(authors, list):
        return c.fail("authors", "a list of person names", repr(authors))
    bad, why = [], []
    for name in authors:
        problem = _person_problem(name, c.site_names)
        if problem:
            bad.append(name)
            if problem not in why:
                why.append(problem)
    if bad:
        return c.fail("authors", "person names", f"{bad!r} ({'; '.join(why)})")
    page = c.page
    if not authors:
        if page is not None:
            hinted = page.hinted_persons
            if hinted:
                where = sorted({w for _, w in hinted})
                names = list(dict.fromkeys(n for n, _ in hinted))
                return c.fail("authors", f"the person the page names ({', '.join(names[:3])} in "
                                         f"{', '.join(where)})", "[]")
        elif c.second and c.second.get("authors"):
            return c.fail("authors", f"the author the second opinion found "
                                     f"({', '.join(map(str, c.second['authors'][:3]))})", "[]")
        return "ok"
    if page is not None and page.bylines:
        text = _squash(" ".join(t for _, t in page.bylines))
        missing = [a for a in authors if _squash(a) not in text]
        if missing:
            shown = "; ".join(_quote(t, 50) for _, t in page.bylines[:2])
            return c.fail("authors", f"names from the page's byline ({shown})",
                          f"{missing!r} in no byline element")
    return "ok"


def check_body_length(c: _Context) -> str:
    words = sum(len(p.split()) for p in c.body)
    if words < MIN_WORDS or len(c.body) < MIN_PARAGRAPHS:
        return c.fail("body_length", f">= {MIN_WORDS} words in >= {MIN_PARAGRAPHS} paragraphs",
                      f"{words} words in {len(c.body)} paragraphs")
    return "ok"


def check_boilerplate(c: _Context) -> str:
    hits = []
    first_names = {a.split()[0] for a in c.item.get("authors") or [] if isinstance(a, str) and a.split()}
    for i, para in enumerate(c.body, 1):
        for name, pat in _BOILERPLATE:
            m = pat.search(para)
            if m:
                hits.append(f"{_excerpt(para, m.start(), m.end())} ({name}) in paragraph {i}")
                break
        else:
            first = para.split(" ", 1)[0]
            if first in first_names and re.match(
                    r"\S+(?: \S+)? (?:has|is|was)\b.{0,120}\b(?:writer|editor|journalist|reporter|"
                    r"covered|written for|worked for)\b", para):
                hits.append(f"{_quote(para, 60)} (author bio) in paragraph {i}")
    if hits:
        more = f" (+{len(hits) - 3} more)" if len(hits) > 3 else ""
        return c.fail("boilerplate", "article text only", "; ".join(hits[:3]) + more)
    return "ok"


def _orphans(para: str) -> list[tuple[int, int, str]]:
    out = []
    for m in re.finditer(r"\S+", para):
        raw = m.group(0)
        tok = raw.strip(_TOKEN_STRIP)
        if tok not in ORPHAN_SUFFIXES:
            continue
        if raw[0] in "'’" or "-" in raw:  # "’s", hyphenated
            continue
        before = para[: m.start()].rstrip()
        if before.endswith(("'", "’", "-")):
            continue
        out.append((m.start(), m.end(), f"orphan suffix {tok!r}"))
    return out


def _last_is_exempt(c: _Context, last: str) -> bool:
    """The last paragraph is a list item, a table row or a heading on the page."""
    if c.page is None:
        return False
    index = fp.TextIndex(c.page.tree)
    found = index.locate(last, slack=1.2, extra=20)
    return any(el.tag in ("li", "td", "th", "dd", "dt", "h2", "h3", "h4", "h5", "h6") or
               (el.parent is not None and el.parent.tag == "li") for _, el in found)


def check_truncation(c: _Context) -> str:
    finds = []
    for i, para in enumerate(c.body, 1):
        spots = _orphans(para)
        spots += [(m.start(), m.end(), "a missing word") for m in _GAP.finditer(para)]
        for m in _LOWER_START.finditer(para):
            prev = para[: m.start(1)].rsplit(" ", 1)[-1].strip(_TOKEN_STRIP).casefold()
            if prev.rstrip(".") in _ABBREV or len(prev) <= 1 or "." in prev:
                continue
            spots.append((m.start(2), m.end(2), "a sentence starting in lower case"))
        for start, end, why in sorted(spots)[:2]:
            finds.append(f"{_excerpt(para, start, end)} ({why}) in paragraph {i}")
    if c.source_complete and c.body:
        last = c.body[-1].rstrip()
        end = last
        while end and (end[-1] in _CLOSERS or unicodedata.category(end[-1])[0] in "SZCM"):
            end = end[:-1].rstrip()
        if end and end[-1] not in _TERMINAL and not _last_is_exempt(c, last):
            finds.append(f"last paragraph ending {_quote(last[-40:], 45)} (no terminal punctuation)")
    if finds:
        more = f" (+{len(finds) - 3} more)" if len(finds) > 3 else ""
        return c.fail("truncation", "whole words and a complete last sentence", "; ".join(finds[:3]) + more)
    return "ok"


def _strip_site(title: str, site_names) -> str:
    for name in sorted({n for n in site_names if n}, key=len, reverse=True):
        pat = re.compile(r"\s*[\-\u2013\u2014|:·•]\s*" + re.escape(name) + r"\s*$", re.I)
        cut = pat.sub("", title)
        if cut != title and cut:
            return cut
    return title


def _titles_agree(a: str, b: str) -> bool:
    na, nb = _norm(a), _norm(b)
    if na == nb or na.startswith(nb.rstrip(". ")) or nb.startswith(na.rstrip(". ")):
        return True
    return _jaccard(set(_words(na)), set(_words(nb))) >= HEADLINE_JACCARD


def check_agreement(c: _Context) -> str:
    issues = []
    h = c.item.get("headline") or ""
    sources = []
    if c.second is not None and c.second.get("headline"):
        sources.append(("second opinion", c.second["headline"]))
    if c.page is not None:
        sources += [("JSON-LD", x) for x in c.page.jsonld[0][:1]]
        if c.page.og_title:
            sources.append(("og:title", _strip_site(htmllib.unescape(c.page.og_title), c.site_names)))
    if h:
        for where, other in sources:
            if not _titles_agree(h, other):
                issues.append(f"headline {_quote(other, 60)} ({where}) for {_quote(h, 60)}")
    if c.second is not None:
        mine = set(_words(" ".join(c.body)))
        theirs = set(_words(" ".join(p for p in c.second.get("body") or [] if isinstance(p, str))))
        if mine or theirs:
            j = _jaccard(mine, theirs)
            if j < BODY_JACCARD:
                issues.append(f"body word overlap {j:.2f} with the second opinion "
                              f"({len(theirs)} distinct words vs {len(mine)}; need >= {BODY_JACCARD})")
    authors = [a for a in c.item.get("authors") or [] if isinstance(a, str)]
    if c.page is not None and authors:
        ld = [n for n in c.page.jsonld[1] if _person_problem(n, c.site_names) is None]
        if ld and {_squash(a) for a in authors} != {_squash(n) for n in ld}:
            issues.append(f"authors {ld!r} (JSON-LD) for {authors!r}")
    if issues:
        return f"agreement: {c.url}: expected sources to agree, found " + "; ".join(issues)
    return "ok"


def check_template(c: _Context) -> str:
    if not c.recorded:
        return "ok"  # nothing recorded yet to compare with
    current = c.current
    if current is None:
        if c.page is None:
            return c.fail("template", "the recorded template",
                          "no current fingerprint or html to compute one")
        current = fp.fingerprint(c.html, c.item, tree=c.page.tree)
    diffs = fp.compare(c.recorded, current)
    if diffs:
        return c.fail("template", "the recorded template", " | ".join(d["summary"] for d in diffs))
    return "ok"


_RUN = {"headline": check_headline, "authors": check_authors, "body_length": check_body_length,
        "boilerplate": check_boilerplate, "truncation": check_truncation,
        "agreement": check_agreement, "template": check_template}


def run_checks(item: dict, *, html: str | bytes | None = None, second_opinion: dict | None = None,
               recorded_fingerprint: dict | None = None, current_fingerprint: dict | None = None,
               source_complete: bool = True) -> dict[str, str]:
    """{check: "ok" | one-line message} for every check in CHECKS, in that order."""
    c = _Context(item, html, second_opinion, recorded_fingerprint, current_fingerprint, source_complete)
    return {name: _RUN[name](c) for name in CHECKS}
