"""The simulated sites' articles: deterministic text, authors, dates and URLs.

Everything is derived from random.Random seeded with strings (stable across runs and
PYTHONHASHSEED), so a page served today is byte-identical to the one served tomorrow and
cassettes recorded from the simulator never churn.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from pressguard.sites import SITES, Site

# Newest article of every site; everything else is older. Fixed, never "now".
BASE_DATE = datetime(2025, 8, 10, 14, 3, tzinfo=timezone.utc)
ARTICLES_PER_SITE = 30

SEED_URL = (
    "https://wegotthiscovered.com/politics/"
    "ukraine-is-ready-to-negotiate-but-not-to-surrender-rubio-pulls-out-as-peace-talks-falter/"
)

# The kinds every site has once (the "featured" set), then fillers alternate news/guide.
FEATURED_KINDS = ("news", "guide", "review", "coauthored", "staff", "long", "unicode", "listicle")


@dataclass(frozen=True)
class Author:
    slug: str
    name: str
    bio: str


@dataclass(frozen=True)
class Block:
    """One body element. kind: p h2 h3 ul ol figure ad video related disclosure retail."""

    kind: str
    text: str = ""
    items: tuple[str, ...] = ()
    id: str = ""
    link: tuple[str, str] | None = None  # (substring of text to link, href)
    credit: str = ""  # figure photo credit
    image: str = ""


@dataclass(frozen=True)
class Review:
    title: str
    text: str
    stars: float
    score: int  # out of 10
    pros: tuple[str, ...]
    cons: tuple[str, ...]
    platform: str


@dataclass
class Article:
    site: Site
    post_id: int
    kind: str
    section: str
    slug: str
    path: str
    headline: str
    dek: str
    authors: tuple[Author, ...]  # () = staff piece, no person named
    published: datetime
    modified: datetime
    image: str
    image_credit: str
    blocks: list[Block] = field(default_factory=list)
    review: Review | None = None
    tags: tuple[str, ...] = ()
    seed_file: bool = False  # served verbatim from data/wgtc-seed.html

    @property
    def url(self) -> str:
        return self.site.origin + self.path

    def expected_body(self) -> list[str]:
        """What a correct extraction returns as body: paragraphs, subheadings, list items;
        never captions, ads, Related/Disclosure lines, review box or retail-build notes."""
        out: list[str] = []
        for b in self.blocks:
            if b.kind in ("p", "h2", "h3"):
                out.append(b.text)
            elif b.kind in ("ul", "ol"):
                out.extend(b.items)
        return out

    def word_count(self) -> int:
        return sum(len(p.split()) for p in self.expected_body())


@dataclass(frozen=True)
class Profile:
    """How one site shapes its URLs and what it writes about."""

    sections: tuple[str, ...]  # first is the main news section
    article_path: dict[str, str]  # section (or "*") -> pattern with {section} {slug}
    list_path: str  # pattern with {section}
    review_section: str
    guide_section: str
    topic: str  # default text bank; some sections override (see SECTION_TOPIC)


PROFILES: dict[str, Profile] = {
    # WGTC: /<section>/<slug>/ with no /category/ prefix
    "wegotthiscovered": Profile(("politics", "movies", "netflix", "tv", "gaming"),
                                {"*": "/{section}/{slug}/"}, "/{section}/", "movies", "gaming",
                                "entertainment"),
    # Dot Esports: /<game>/news/<slug>, no trailing slash on articles
    "dotesports": Profile(("valorant", "league-of-legends", "counter-strike", "fortnite"),
                          {"*": "/{section}/news/{slug}"}, "/{section}/", "valorant", "fortnite",
                          "esports"),
    # Destructoid: /reviews/<slug>/ for reviews, /<slug>/ for everything else
    "destructoid": Profile(("news", "reviews", "guides"),
                           {"reviews": "/reviews/{slug}/", "*": "/{slug}/"}, "/{section}/",
                           "reviews", "guides", "games"),
    "twinfinite": Profile(("news", "reviews", "guides"), {"*": "/{section}/{slug}/"},
                          "/{section}/", "reviews", "guides", "games"),
    # Siliconera: flat /<slug>/, lists under WordPress' /category/
    "siliconera": Profile(("news", "reviews", "guides"), {"*": "/{slug}/"},
                          "/category/{section}/", "reviews", "guides", "anime"),
    "attackofthefanboy": Profile(("news", "guides", "reviews"), {"*": "/{section}/{slug}/"},
                                 "/{section}/", "reviews", "guides", "games"),
    # Gamepur: /news/<slug>, /guides/<slug>, no trailing slash
    "gamepur": Profile(("news", "guides", "reviews"), {"*": "/{section}/{slug}"},
                       "/{section}/", "reviews", "guides", "games"),
    # Prima Games: /news/<slug>, /tips/<slug>
    "primagames": Profile(("news", "tips", "reviews"), {"*": "/{section}/{slug}"},
                          "/{section}/", "reviews", "tips", "games"),
    "progameguides": Profile(("roblox", "genshin-impact", "minecraft", "fortnite"),
                             {"*": "/{section}/{slug}/"}, "/{section}/", "minecraft", "roblox",
                             "games"),
    "themarysue": Profile(("tv", "movies", "books", "gaming"), {"*": "/{slug}/"},
                          "/category/{section}/", "movies", "gaming", "entertainment"),
}

SECTION_TOPIC = {"politics": "politics", "movies": "entertainment", "netflix": "entertainment",
                 "tv": "entertainment", "books": "entertainment", "gaming": "games"}

# --- text banks -------------------------------------------------------------------------
# Fictional titles, studios and people: the simulator must not put invented quotes in the
# mouths of real people.
BANKS: dict[str, dict[str, list[str]]] = {
    "games": {
        "title": ["Starfall Tactics", "Ember Knights II", "Hollow Crown", "Neon Drift",
                  "Skyforge Legends", "Tidebound", "Ironvale", "Project Lumen",
                  "Crimson Arcana", "Moonlit Harvest", "Rogue Circuit", "Ashen Frontier"],
        "org": ["Northlight Forge", "Bluewater Interactive", "Kestrel Games",
                "Paper Lantern Studio", "Obsidian Bay", "Halcyon Works"],
        "person": ["director Mara Lindqvist", "producer Kenji Arakawa",
                   "lead designer Priya Raman", "community manager Tom Okafor",
                   "creative lead Sofia Brandt", "studio head Marcus Bell"],
        "thing": ["the new season", "the latest patch", "the ranked mode", "the crafting system",
                  "the co-op campaign", "the battle pass", "the photo mode", "the boss rush",
                  "the open beta", "the story expansion"],
        "where": ["PC", "PlayStation 5", "Xbox Series X|S", "Nintendo Switch 2"],
        "adj": ["faster", "friendlier", "more rewarding", "less grindy", "stranger", "tighter"],
    },
    "esports": {
        "title": ["the Champions Tour", "the Spring Split", "the Masters qualifier",
                  "the Major", "the Cash Cup", "the Challengers final"],
        "org": ["Team Vireo", "Northwind Esports", "Red Kestrel", "Solace Gaming",
                "Blue Harbor", "Ninefold"],
        "person": ["head coach Lars Moen", "team captain Ji-ho Park", "analyst Dana Ruiz",
                   "star duelist Mateo Silva", "support player Aiko Mori", "general manager Ben Cole"],
        "thing": ["the new map pool", "the agent balance patch", "the playoff format",
                  "the roster change", "the meta shift", "the group stage", "the economy rework",
                  "the tiebreaker rules"],
        "where": ["Berlin", "Seoul", "Los Angeles", "São Paulo"],
        "adj": ["sharper", "more aggressive", "more patient", "more consistent", "bolder"],
    },
    "anime": {
        "title": ["Blade of the Ninth Moon", "Cafe Stella Sisters", "Mecha Rondo",
                  "Spirit Lantern Tales", "Ougon Quest", "Idol Frontier"],
        "org": ["Atelier Kumo", "Studio Hoshizora", "Kanade Works", "Aozora Soft"],
        "person": ["producer Haruka Sato", "director Ren Takeda", "composer Yui Nishimura",
                   "writer Daichi Mori"],
        "thing": ["the Western release", "the collector's edition", "the demo",
                  "the localization", "the anime tie-in", "the soundtrack album",
                  "the new story arc", "the limited event"],
        "where": ["Japan", "North America", "Europe", "Nintendo Switch 2", "PC"],
        "adj": ["cozier", "more ambitious", "more faithful", "brighter", "darker"],
    },
    "entertainment": {
        "title": ["The Lantern Keepers", "Northbound", "Glass Harbor", "Wildwood Academy",
                  "The Last Signal", "Paper Moons", "Saltwater Kings", "Echo Park Nights"],
        "org": ["Netflix", "Silverline Pictures", "Harbor Road Studios", "Orchard Television"],
        "person": ["showrunner Elena Marsh", "director Sam Oduya", "star Clara Voss",
                   "producer Nate Holloway", "writer June Castillo", "actor Felix Grant"],
        "thing": ["the second season", "the finale", "the sequel", "the trailer",
                  "the casting news", "the spin-off", "the director's cut", "the premiere"],
        "where": ["Netflix", "theaters", "Prime Video", "Max", "Disney Plus"],
        "adj": ["darker", "funnier", "more intimate", "bigger", "stranger"],
    },
    "politics": {
        "title": ["the transit bill", "the budget package", "the housing plan",
                  "the trade agreement", "the climate accord", "the border compact"],
        "org": ["the Senate committee", "the state legislature", "the city council",
                "the regional assembly", "the transport ministry", "the finance office"],
        "person": ["Senator Dana Whitfield", "Governor Alan Price", "Mayor Rosa Delgado",
                   "Minister Petra Holm", "Representative Cole Baxter"],
        "thing": ["the final vote", "the compromise draft", "the funding deal",
                  "the public hearing", "the emergency session", "the revised proposal"],
        "where": ["the capital", "Port Ellison", "the northern districts", "Brookfield"],
        "adj": ["tougher", "narrower", "more cautious", "broader", "slower"],
    },
}

SENTENCES: list[str] = [
    "{Org} confirmed on Tuesday that {thing} will arrive in {where} later this month.",
    "According to {person}, the team spent most of the past year reworking {thing} from scratch.",
    "The announcement drew more than {n} thousand viewers and a flood of questions about {thing}.",
    "Early reactions suggest {thing} is {adj} than what came before, at least on paper.",
    "Not everyone is convinced, and a vocal group has asked {org} for more time before {thing}.",
    "{Org} has not said whether {thing} will change again before the end of the year.",
    "The published notes list {n} separate changes, most of them aimed at {title}.",
    "{Person} said the goal was to make {title} feel {adj} without losing what people liked.",
    "Observers have already started guessing what comes after {thing}.",
    "It is the biggest shake-up for {title} since launch, and it shows in the details.",
    "That timing matters, because {thing} lands only weeks after the last major change.",
    "For now, the safest bet is to wait for {thing} and judge the result in {where}.",
    "Critics point out that similar promises were made before, with mixed results.",
    "The response so far has been cautiously positive, if a little impatient.",
    "In a statement, {org} thanked everyone who sent feedback during {thing}.",
    "A second update is planned for the autumn, although no firm date has been shared.",
    "{Person} added that nothing about {title} is final until the last review is done.",
    "Several long-time followers said {thing} finally addresses their oldest complaint.",
    "The numbers tell a clearer story: engagement rose by {n} percent in the first week.",
    "What happens next depends largely on how {thing} is received in {where}.",
    "Still, {org} seems confident that {title} is heading in the right direction.",
    "Those who missed {thing} will get another chance when it returns next season.",
    "There is also a smaller change that few noticed: the schedule moved by a full week.",
    "{Person} was blunt about it, saying the old approach simply was not working.",
    "Support pages were updated overnight with a short explanation of {thing}.",
    "Some details leaked early, but the official version differs in a few key places.",
]

HEADLINES: dict[str, list[str]] = {
    "news": ["{Title}: {thing} confirmed for {where}", "{Org} delays {thing} for {title}",
             "{Title} gets {thing} next week, and fans have questions",
             "Why {thing} could change {title} for good",
             "{Org} finally explains {thing} in {title}",
             "{Title} is back in the spotlight after {thing}",
             "Everything {org} revealed about {thing}",
             "{Title} players can't stop talking about {thing}"],
    "coauthored": ["{Title}: everything we know about {thing} so far"],
    "staff": ["{Title} release schedule, times, and what to expect"],
    "long": ["The complete history of {title}, from first pitch to {thing}"],
    "listicle": ["10 things we want to see in {title} after {thing}"],
}

FIRST = ["Aisha", "Ben", "Carla", "Dmitri", "Elise", "Farah", "Gabe", "Hana", "Ivan", "Jess",
         "Kofi", "Lena", "Milo", "Nadia", "Oscar", "Paula", "Quinn", "Rhys", "Sana", "Theo"]
LAST = ["Morrow", "Castellan", "Whitaker", "Oyelaran", "Lindgren", "Tamura", "Brennan",
        "Salas", "Kowalski", "Ferreira", "Ashby", "Nakamura", "Quill", "Hartley"]

PHOTO_CREDITS = ["Photo by {name}/Getty Images", "Screenshot by {site}", "Image via {org}",
                 "Screengrab via {org}", "Photo by {name}/AFP via Getty Images"]


def slugify(text: str) -> str:
    """WordPress-like: accents folded, punctuation dropped, words joined by hyphens."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^\w\s-]", "", text.lower().replace("'", ""))
    return re.sub(r"[\s_-]+", "-", text).strip("-")


class _Writer:
    """Fills templates from one bank with a seeded RNG."""

    def __init__(self, rng: random.Random, topic: str):
        self.rng = rng
        self.bank = BANKS[topic]
        self._last: list[str] = []

    def fill(self, template: str) -> str:
        def repl(m: re.Match[str]) -> str:
            key = m.group(1)
            if key == "n":
                return str(self.rng.randint(3, 90))
            value = self.rng.choice(self.bank[key.lower()])
            return value[0].upper() + value[1:] if key[0].isupper() else value

        return re.sub(r"\{(\w+)\}", repl, template)

    def sentence(self) -> str:
        # Avoid repeating a template within the last few sentences: reads less robotic.
        while True:
            t = self.rng.choice(SENTENCES)
            if t not in self._last:
                self._last = (self._last + [t])[-8:]
                return self.fill(t)

    def paragraph(self, n: int | None = None) -> str:
        return " ".join(self.sentence() for _ in range(n or self.rng.randint(3, 5)))


def _authors_for(site: Site) -> list[Author]:
    rng = random.Random(f"authors:{site.name}")
    people = []
    for first, last in zip(rng.sample(FIRST, 4), rng.sample(LAST, 4)):
        name = f"{first} {last}"
        beat = rng.choice(["games", "entertainment news", "esports", "guides", "reviews"])
        years = rng.randint(3, 14)
        people.append(Author(slugify(name), name,
                             f"{first} has covered {beat} for {years} years and has written for "
                             f"{site.title} since {2025 - rng.randint(1, 6)}. When not writing, "
                             f"{first} is probably replaying an old favorite."))
    return people


SEED_AUTHOR = Author("jorge-aguilar", "Jorge Aguilar",
                     "Jorge is a writer and editor covering news and politics.")


def _figure(w: _Writer, rng: random.Random, site: Site, slug: str, i: int,
            credit_only: bool = False) -> Block:
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    credit = rng.choice(PHOTO_CREDITS).format(name=name, site=site.title,
                                              org=rng.choice(w.bank["org"]))
    caption = "" if credit_only else w.sentence()
    return Block("figure", text=caption, credit=credit,
                 image=f"{site.origin}/wp-content/uploads/2025/08/{slug}-{i}.jpg?w=1024")


def _codes(rng: random.Random, n: int) -> list[str]:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    rewards = ["500 Gems", "a free spin", "2x XP for 30 minutes", "1,000 Coins", "a rare skin",
               "three Lucky Boosts", "an exclusive emote", "250 Crystals"]
    return [f"{''.join(rng.choice(alphabet) for _ in range(rng.randint(8, 12)))} – Redeem for "
            f"{rng.choice(rewards)}" for _ in range(n)]


def _body(kind: str, w: _Writer, rng: random.Random, site: Site, slug: str,
          related: tuple[str, str] | None) -> tuple[list[Block], Review | None]:
    """Body blocks for one article kind. Boilerplate blocks are placed where real pages
    have them: video after the first paragraph, ad slots between blocks, credits in
    figures, Related/Disclosure lines among the paragraphs."""
    b: list[Block] = []
    review = None
    title = rng.choice(w.bank["title"])

    def p(n: int | None = None, link: bool = False) -> Block:
        text = w.paragraph(n)
        lk = None
        if link:
            words = text.split()
            anchor = " ".join(words[2:5])
            lk = (anchor, f"{site.origin}/tag/{slugify(anchor)}/")
        return Block("p", text=text, link=lk)

    def h(level: int, text: str) -> Block:
        return Block(f"h{level}", text=text, id="h-" + slugify(text))

    b.append(p(link=True))
    b.append(Block("video"))
    if kind == "guide":
        codes = _codes(rng, 12)
        b += [p(3), h(2, f"All active {title} codes"),
              Block("ul", items=tuple(codes[:6])), Block("ad"),  # the ad splits the list
              Block("ul", items=tuple(codes[6:10])),
              Block("disclosure", text=f"This article includes affiliate links, which may "
                                       f"provide small compensation to {site.title}."),
              h(2, f"Expired {title} codes"), Block("ul", items=tuple(codes[10:])),
              h(2, f"How to redeem codes in {title}"),
              Block("ol", items=("Launch the game and open the main menu.",
                                 "Select the Shop icon, then the Codes tab.",
                                 "Type or paste a code exactly as shown above.",
                                 "Press Redeem and collect your reward from the mailbox.")),
              _figure(w, rng, site, slug, 1),
              h(3, f"Why is my {title} code not working?"), p(3)]
    elif kind == "review":
        for i in range(6):
            b.append(p())
            if i == 1:
                b.append(h(2, "A strong start"))
            if i == 2:
                b.append(_figure(w, rng, site, slug, 1))
            if i == 3:
                b += [Block("ad"), h(2, "Where it stumbles")]
        b.append(h(2, "Verdict"))
        b.append(p(3))
        score = rng.randint(6, 9)
        review = Review(title=title, text=w.sentence(), stars=score / 2, score=score,
                        pros=("Gorgeous art direction", "Tight, responsive controls",
                              "A soundtrack worth buying separately"),
                        cons=("Uneven difficulty in the final act", "Menus are cluttered"),
                        platform=rng.choice(w.bank["where"]))
        if site.name == "destructoid":
            b.append(Block("retail", text="This review is based on a retail build of the game "
                                          "provided by the publisher."))
        else:
            b.append(Block("disclosure", text="Disclosure: The publisher provided a copy for "
                                              "review."))
    elif kind == "long":
        for chapter in range(8):
            b.append(h(2 if chapter % 3 else 3, f"Part {chapter + 1}: " +
                       w.fill(rng.choice(["{Title} and {thing}", "How {org} changed course",
                                          "The road to {where}", "What {person} got right"]))))
            for j in range(5):
                b.append(p(rng.randint(5, 6)))
                if j == 2 and chapter % 2 == 0:
                    b.append(Block("ad"))
            if chapter == 3:
                b.append(_figure(w, rng, site, slug, 1))
                b.append(Block("ul", items=tuple(w.sentence() for _ in range(4))))
    elif kind == "listicle":
        b.append(p())
        for i in range(10):
            b.append(h(3, f"{i + 1}. " + w.fill(rng.choice(
                ["A real fix for {thing}", "{Title} on {where}", "More of {person}'s ideas",
                 "A {adj} endgame", "Fewer delays for {thing}"]))))
            b.append(p(2))
            if i == 4:
                b.append(Block("ad"))
        b.append(_figure(w, rng, site, slug, 1))
    else:  # news, coauthored, staff, unicode
        n = 7 if kind != "news" else rng.randint(5, 7)
        for i in range(n):
            b.append(p(link=(i == 3)))
            if i == 1:
                b.append(_figure(w, rng, site, slug, 1, credit_only=(kind == "news")))
            if i == 2:
                b.append(h(2, w.fill(rng.choice(["What {person} said", "What it means for {title}",
                                                 "When does {thing} start?"]))))
            if i == 4 and kind == "coauthored":
                b += [h(3, "Key details at a glance"),
                      Block("ul", items=tuple(w.sentence() for _ in range(4)))]
            if i == 4:
                b.append(Block("ad"))
    if related:
        # "Related:" goes after the third block, where the in-body recirculation widget sits.
        b.insert(4, Block("related", text=related[0], link=(related[0], related[1])))
    return b, review


def _unicode_blocks(site: Site) -> tuple[str, str, list[Block]]:
    """Curly quotes, accents, emoji, CJK: the page every charset bug shows up on."""
    head = "“Café Lumière” returns: Zoë Ørsted’s crème brûlée event brings 🎉 rewards"
    dek = "Naïve résumé-builders, rejoice — the façade of the old menu is finally gone…"
    paras = [
        "It’s official: the “Café Lumière” event is back, and this time Zoë Ørsted’s "
        "pâtisserie sits at the center of the map. José Núñez, who designed the original, "
        "said the team “wanted it to feel like coming home” — and it does. 🎮",
        "The event runs for three weeks. Players earn Crème Brûlée tokens by finishing daily "
        "tasks, then trade them for cosmetics such as the Déjà Vu scarf, the Señorita hat, "
        "and a café-au-lait colour scheme. Yes, the naïve little mascot returns too. ☕️",
        "Japanese players will recognise the collaboration: the event’s subtitle, "
        "『月の喫茶店』 (“The Moon Café”), comes from the 2019 novel that inspired it. "
        "The localisation team kept the original kanji on the shop sign.",
        "Some players asked whether the Ünterberg route would return; the answer is “not yet”. "
        "Łukasz Żółć from the community team wrote that it’s ‘being polished’ — 🔥 was the "
        "most common reply.",
        "Prices are unchanged: 1,200 tokens for the full set, or 450 for the scarf alone. "
        "That’s roughly 30% cheaper than last year’s ‘Fête d’Été’ bundle. 🎉",
    ]
    blocks = [Block("p", text=paras[0]), Block("video"), Block("p", text=paras[1]),
              Block("figure", text="Zoë Ørsted’s café at dusk.",
                    credit=f"Screenshot by {site.title}",
                    image=f"{site.origin}/wp-content/uploads/2025/08/cafe-lumiere.jpg?w=1024"),
              Block("h2", text="Rewards — and what they cost", id="h-rewards-and-what-they-cost"),
              Block("p", text=paras[2]), Block("ad"), Block("p", text=paras[3]),
              Block("h3", text="Prices at a glance 💶", id="h-prices-at-a-glance"),
              Block("ul", items=("Full set – 1,200 tokens", "Déjà Vu scarf – 450 tokens",
                                 "Señorita hat – 300 tokens")),
              Block("p", text=paras[4])]
    return head, dek, blocks


def build_site(site: Site) -> list[Article]:
    """All articles of one site, newest first."""
    prof = PROFILES[site.name]
    authors = _authors_for(site)
    site_idx = list(SITES).index(site.name)
    arts: list[Article] = []
    used: set[str] = set()
    kinds = list(FEATURED_KINDS) + [("news", "guide")[i % 2] for i in range(
        ARTICLES_PER_SITE - len(FEATURED_KINDS))]
    # Interleave featured kinds with fillers so every kind is on the first home page.
    order = []
    for i, k in enumerate(kinds[len(FEATURED_KINDS):]):
        if i < len(FEATURED_KINDS):
            order.append(kinds[i])
        order.append(k)
    published = BASE_DATE
    news_sections = [s for s in prof.sections if s not in (prof.review_section,)] or [
        prof.sections[0]]
    for seq, kind in enumerate(order):
        arng = random.Random(f"article:{site.name}:{seq}")
        if kind == "review":
            section = prof.review_section
        elif kind == "guide":
            section = prof.guide_section
        elif seq % 3 == 0:
            section = prof.sections[0]  # main section gets most: it paginates
        else:
            section = arng.choice(news_sections)
        topic = SECTION_TOPIC.get(section, prof.topic)
        if kind in ("guide", "review") and topic in ("esports", "politics"):
            topic = "games"  # codes and reviews are about games even on esports sites
        w = _Writer(arng, topic)
        dek = ""
        if kind == "unicode":
            headline, dek, blocks = _unicode_blocks(site)
            review = None
        else:
            if kind == "guide":
                headline = w.fill("All {title} codes (August 2025)")
            elif kind == "review":
                headline = w.fill("{Title} review – " + arng.choice(
                    ["a {adj} return", "worth the wait", "almost there", "it's {adj} and better"]))
            else:
                headline = w.fill(arng.choice(HEADLINES[kind if kind in HEADLINES else "news"]))
            related = None
            if arts:
                prev = arts[arng.randrange(len(arts))]
                related = (prev.headline, prev.url)
            blocks, review = _body(kind, w, arng, site, slugify(headline), related)
        if not dek:
            dek = w.sentence()
        slug = slugify(headline)
        while slug in used:
            slug += "-2"
        used.add(slug)
        pattern = prof.article_path.get(section, prof.article_path["*"])
        if kind == "coauthored":
            byline = tuple(arng.sample(authors, 2))
        elif kind == "staff":
            byline = ()
        else:
            byline = (authors[seq % len(authors)],)
        modified = published + timedelta(hours=arng.choice([0, 0, 2, 5]))
        image = f"{site.origin}/wp-content/uploads/2025/08/{slug}.jpg?w=1200"
        credit = _figure(w, arng, site, slug, 0).credit
        arts.append(Article(site, 100000 * (site_idx + 1) + 7000 + seq * 13, kind, section, slug,
                            pattern.format(section=section, slug=slug), headline, dek, byline,
                            published, modified, image, credit, blocks, review,
                            tags=(section, slugify(w.fill("{title}")))))
        published -= timedelta(hours=7, minutes=arng.randint(0, 50))
    # The newest article had nothing older to link when built; give it its "Related:" line.
    arts[0].blocks.insert(4, Block("related", text=arts[1].headline,
                                   link=(arts[1].headline, arts[1].url)))
    if site.name == "wegotthiscovered":
        arts.append(_seed_article(site, site_idx))
        arts.sort(key=lambda a: a.published, reverse=True)
    return arts


def _seed_article(site: Site, site_idx: int) -> Article:
    """The project's founding example. Served from data/wgtc-seed.html when that file exists
    (see server); otherwise this generated stand-in with the same URL, headline and byline."""
    rng = random.Random("seed-article")
    w = _Writer(rng, "politics")
    slug = SEED_URL.rstrip("/").rsplit("/", 1)[1]
    published = datetime(2025, 4, 23, 14, 3, tzinfo=timezone.utc)
    blocks, _ = _body("news", w, rng, site, slug, None)
    return Article(site, 100000 * (site_idx + 1) + 99, "seed", "politics", slug,
                   f"/politics/{slug}/",
                   "“Ukraine is ready to negotiate – but not to surrender”: Rubio pulls out as "
                   "peace talks falter",
                   "Ukraine resists territorial concessions in faltering peace talks.",
                   (SEED_AUTHOR,), published, published,
                   f"{site.origin}/wp-content/uploads/2025/04/rubio.jpg?w=1200",
                   "Photo by Andrew Harnik/Getty Images", blocks, None, ("politics",))
