"""Page furniture every GAMURS page carries outside the article text.

It exists to be ignored: the login modal, reCAPTCHA notices, the comScore pixel, nav,
footer, global styles and inline scripts. It is also what makes a simulated page weigh
what a real one does (100-200 KB), so parsing speed measured here means something.
"""

from __future__ import annotations

import json
import random
from functools import lru_cache
from html import escape

from pressguard.sites import Site

# The GAMURS account modal, as the seed page has it (seed/README.md): the strings a naive
# scraper leaked into the article.
MODAL_ERROR = "Something went wrong. Try again, or contact support if the problem persists."
RECAPTCHA = ('This site is protected by reCAPTCHA and the Google <a href="https://policies.google'
             '.com/privacy">Privacy Policy</a> and <a href="https://policies.google.com/terms">'
             'Terms of Service</a> apply.')

COLORS = ["black", "cyan-bluish-gray", "white", "pale-pink", "vivid-red", "luminous-vivid-orange",
          "luminous-vivid-amber", "light-green-cyan", "vivid-green-cyan", "pale-cyan-blue",
          "vivid-cyan-blue", "vivid-purple", "primary", "secondary", "tertiary", "accent",
          "neutral-100", "neutral-200", "neutral-300", "neutral-400", "neutral-500",
          "neutral-600", "neutral-700", "neutral-800", "neutral-900", "brand", "brand-dark",
          "brand-light", "surface", "surface-alt", "ink", "ink-muted", "link", "link-hover",
          "success", "warning", "danger", "info", "highlight", "border"]


def _hex(rng: random.Random) -> str:
    return "#%06x" % rng.randrange(0x1000000)


@lru_cache(maxsize=256)  # pure functions of their arguments, hot on every page
def global_css(site: Site, prefix: str = "wp-block-gamurs-") -> str:
    """WordPress' global-styles-inline-css: long, repetitive, always inline."""
    rng = random.Random(f"css:{site.name}:{prefix}")
    out = [":root{"]
    for c in COLORS:
        out.append(f"--wp--preset--color--{c}: {_hex(rng)};")
    for i, c in enumerate(COLORS[:24]):
        out.append(f"--wp--preset--gradient--{c}-to-{COLORS[-i - 1]}: linear-gradient(135deg,"
                   f"{_hex(rng)} 0%,{_hex(rng)} 100%);")
    for size in ("small", "medium", "large", "x-large", "xx-large"):
        out.append(f"--wp--preset--font-size--{size}: clamp({rng.randint(12, 20)}px, "
                   f"{rng.randint(1, 3)}.{rng.randint(0, 9)}vw, {rng.randint(20, 48)}px);")
    out.append("}")
    for c in COLORS:
        out.append(f".has-{c}-color{{color: var(--wp--preset--color--{c}) !important;}}"
                   f".has-{c}-background-color{{background-color: var(--wp--preset--color--{c})"
                   f" !important;}}.has-{c}-border-color{{border-color: var(--wp--preset--color"
                   f"--{c}) !important;}}")
    blocks = ["article-header", "article-metadata", "article-content", "article-tile",
              "author-bio", "review-summary", "recommended-videos", "sidebar", "navigation",
              "footer", "newsletter", "breadcrumbs", "share-buttons", "related-articles",
              "affiliate-disclosure", "trending", "pagination", "modal"]
    for b in blocks:
        for el in ("", "__content", "__title", "__image", "__link", "__meta", "--featured",
                   "--horizontal", "--compact", "__wrapper", "__label", "__icon"):
            out.append(f".{prefix}{b}{el}{{display:{rng.choice(['flex', 'block', 'grid'])};"
                       f"gap:{rng.randint(2, 32)}px;margin:{rng.randint(0, 24)}px 0;"
                       f"padding:{rng.randint(0, 24)}px;font-size:{rng.randint(12, 22)}px;"
                       f"line-height:1.{rng.randint(2, 8)};color:var(--wp--preset--color--"
                       f"{rng.choice(COLORS)});}}")
    for bp in (480, 768, 1024, 1280):
        out.append(f"@media (min-width:{bp}px){{" + "".join(
            f".{prefix}{b}{{max-width:{bp - rng.randint(0, 80)}px;}}" for b in blocks) + "}")
    return "\n".join(out)


ICONS = ["search", "menu", "close", "user", "facebook", "x", "instagram", "youtube", "tiktok",
         "twitch", "discord", "reddit", "share", "link", "mail", "chevron-left",
         "chevron-right", "chevron-down", "star", "star-half", "play", "bell", "moon", "sun"]


@lru_cache(maxsize=256)  # pure functions of their arguments, hot on every page
def svg_sprite(site: Site) -> str:
    rng = random.Random(f"svg:{site.name}")
    out = ['<svg xmlns="http://www.w3.org/2000/svg" style="display:none" aria-hidden="true">']
    for icon in ICONS:
        d = " ".join(f"{rng.choice('MLCQ')}{rng.randint(0, 24)}.{rng.randint(0, 99)} "
                     f"{rng.randint(0, 24)}.{rng.randint(0, 99)}" for _ in range(28))
        out.append(f'<symbol id="icon-{icon}" viewBox="0 0 24 24"><path d="{d}Z"/></symbol>')
    out.append("</svg>")
    return "".join(out)


def nav_links(site: Site, sections: tuple[str, ...]) -> list[tuple[str, str]]:
    """The mega menu: sections plus the evergreen hubs every GAMURS site links."""
    extra = ["Guides", "Codes", "Tier Lists", "Reviews", "Features", "Esports", "Anime",
             "Movies", "TV", "Deals", "Quizzes", "Videos", "About Us", "Contact",
             "Editorial Policy", "Jobs"]
    links = [(s.replace("-", " ").title(), f"{site.origin}/{s}/") for s in sections]
    for i, e in enumerate(extra):
        for sub in ("", " News", " Explained", " Hub"):
            links.append((e + sub, f"{site.origin}/{e.lower().replace(' ', '-')}"
                                   f"{'/' + sub.strip().lower() if sub else ''}/"))
    return links


def header(site: Site, sections: tuple[str, ...], cls: str = "wp-block-gamurs-navigation") -> str:
    items = "".join(f'<li class="{cls}__item"><a class="{cls}__link" href="{escape(u)}">'
                    f"{escape(t)}</a></li>" for t, u in nav_links(site, sections))
    return (f'<header class="wp-block-template-part site-header"><div class="{cls}">'
            f'<a class="{cls}__logo" href="{site.origin}/" aria-label="{escape(site.title)}">'
            f'<svg class="icon"><use href="#icon-menu"></use></svg>'
            f'<span class="screen-reader-text">{escape(site.title)}</span></a>'
            f'<nav aria-label="Main"><ul class="{cls}__menu">{items}</ul></nav>'
            f'<button class="{cls}__search" aria-label="Search"><svg class="icon"><use '
            f'href="#icon-search"></use></svg></button><button class="{cls}__login" '
            f'data-modal-open="gamurs-auth">Sign in</button></div></header>')


def auth_modal(site: Site) -> str:
    """The sign-up/login modal: hidden, but in the DOM of every page."""
    def step(key: str, title: str, text: str, fields: str) -> str:
        return (f'<div class="gamurs-auth__step" data-step="{key}"><h2 class="gamurs-auth__title">'
                f'{title}</h2><p class="gamurs-auth__text">{text}</p>{fields}'
                f'<p class="gamurs-auth__error" hidden>{MODAL_ERROR}</p>'
                f'<p class="gamurs-auth__recaptcha">{RECAPTCHA}</p></div>')

    email = ('<label>Email<input type="email" name="email" autocomplete="email"></label>'
             '<label>Password<input type="password" name="password"></label>'
             '<button type="submit" class="gamurs-auth__submit">Continue</button>')
    return (
        '<div id="gamurs-auth" class="gamurs-modal gamurs-auth" role="dialog" aria-modal="true" '
        'hidden><div class="gamurs-modal__inner"><button class="gamurs-modal__close" '
        'aria-label="Close">×</button>'
        + step("login", "Sign in", "Your details are incorrect, or aren't in our system yet. "
               "Please try again, or sign up if you're new here.", email)
        + step("signup", "Create a GAMURS account", "By signing up, you agree to our "
               '<a href="/privacy-policy/">Privacy Policy</a> and <a href="/terms-of-service/">'
               "Terms of Service</a>.", email)
        + step("username", "Choose a username",
               "Choose a unique name using 3-30 alphanumeric characters.",
               '<label>Username<input name="username" minlength="3" maxlength="30"></label>')
        + step("preferences", "Choose your preferences",
               "Choose how we communicate with you, opt out at anytime.",
               '<label><input type="checkbox" name="newsletter" checked> Newsletter</label>')
        + step("verify", "Check your email", "An account confirmation link was sent to your "
               "email. Don't forget to check your spam!", "")
        + step("reset", "Reset your password", "Enter the email address you used when you "
               "joined and we'll send you instructions to reset your password. If you used "
               "Apple or Google to create your account, this process will create a password "
               "for your existing account.", email)
        + step("reset-sent", "Reset instructions sent", "Reset instructions sent. If you have "
               "an account with us, you will receive an email within a few minutes.", "")
        + "</div></div>")


def comscore() -> str:
    return ('<script>var _comscore = _comscore || []; _comscore.push({ c1: "2", c2: "36750692", '
            'options: { enableFirstPartyCookie: true } });</script><noscript><img '
            'src="https://sb.scorecardresearch.com/p?c1=2&amp;c2=36750692&amp;cv=3.6.0&amp;cj=1" '
            'alt="" width="1" height="1"></noscript>')


def footer(site: Site, sections: tuple[str, ...]) -> str:
    cols = []
    for heading, names in (("Sections", [s.replace("-", " ").title() for s in sections]),
                           ("Company", ["About Us", "Contact", "Careers", "Advertise"]),
                           ("Policies", ["Privacy Policy", "Terms of Service",
                                         "Editorial Policy", "Affiliate Policy",
                                         "Cookie Settings", "Accessibility"])):
        lis = "".join(f'<li><a href="{site.origin}/{n.lower().replace(" ", "-")}/">{n}</a></li>'
                      for n in names)
        cols.append(f'<div class="footer__col"><h4>{heading}</h4><ul>{lis}</ul></div>')
    social = "".join(f'<a class="footer__social" href="https://{n}.com/{site.name}" '
                     f'aria-label="{n}"><svg class="icon"><use href="#icon-{n}"></use></svg></a>'
                     for n in ("facebook", "x", "instagram", "youtube", "tiktok", "discord"))
    return (f'<footer class="wp-block-template-part site-footer"><div class="footer__inner">'
            f'{"".join(cols)}<div class="footer__social-row">{social}</div>'
            f'<p class="footer__copyright">Copyright © 2025 {escape(site.title)}. All rights '
            f'reserved. {escape(site.title)} is part of the GAMURS Group.</p>'
            f'<p class="footer__recaptcha">{RECAPTCHA}</p></div></footer>')


def newsletter(site: Site) -> str:
    return (f'<div class="gamurs-newsletter"><h3>Get the {escape(site.title)} newsletter</h3>'
            f'<p>The best stories, once a day. No spam, unsubscribe anytime.</p>'
            f'<form><input type="email" placeholder="Your email"><button>Sign up</button></form>'
            f'<p class="gamurs-newsletter__recaptcha">{RECAPTCHA}</p></div>')


def ad_container(slot: str, site: Site) -> str:
    return (f'<div class="gamurs-ad-container gamurs-ad-container--{slot}">'
            f'<div id="gamurs-ad-{slot}" class="gamurs-ad-unit" data-ad-unit="/22794528/'
            f'{site.name}/{slot}" data-sizes="[[728,90],[970,250],[320,50]]"></div></div>')


@lru_cache(maxsize=256)  # pure functions of their arguments, hot on every page
def inline_scripts(site: Site, post_id: int | None, page_type: str) -> str:
    """Ad, analytics and consent config as real pages inline them (JSON blobs, loaders)."""
    rng = random.Random(f"js:{site.name}:{page_type}")
    slots = [{"id": f"gamurs-ad-{i}", "unit": f"/22794528/{site.name}/slot-{i}",
              "sizes": [[300, 250], [728, 90], [320, 50]], "lazy": i > 2,
              "targeting": {"pos": str(i), "kw": [f"kw{rng.randint(0, 999)}" for _ in range(6)]}}
             for i in range(40)]
    config = {"site": site.name, "domain": site.domain, "postId": post_id, "pageType": page_type,
              "ads": {"slots": slots, "refresh": 30, "prebid": {"timeout": 1200, "bidders": [
                  {"bidder": b, "params": {"placementId": rng.randint(10**6, 10**7)}}
                  for b in ("appnexus", "rubicon", "openx", "pubmatic", "ix", "triplelift",
                            "sovrn", "sharethrough", "criteo", "gumgum")]}},
              "analytics": {"ga4": "G-" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")
                                                  for _ in range(10)), "comscore": "36750692"},
              "consent": {"tcf": True, "gpp": True, "regions": ["us", "eu", "uk", "ca"]}}
    blob = json.dumps(config, separators=(",", ":"))
    return (f'<script id="gamurs-config">window.gamursConfig = {blob};</script>'
            '<script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({"gtm.start":new Date().getTime()'
            ',event:"gtm.js"});var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;'
            'j.src="https://www.googletagmanager.com/gtm.js?id="+i;f.parentNode.insertBefore(j,f);'
            '})(window,document,"script","dataLayer","GTM-GAMURS");</script>'
            '<script>document.querySelectorAll("[data-modal-open]").forEach(function(b){'
            'b.addEventListener("click",function(){document.getElementById("gamurs-auth")'
            '.hidden=false;});});</script>'
            f'<script async src="https://{site.domain}/wp-content/themes/gamurs/build/main.js?ver=4.'
            f'{rng.randint(0, 99)}"></script>')
