"""The Content-Security-Policy every page carries, as a meta tag first in its head.

Scripts may come from the site itself, plus the inline scripts the theme writes into that very page, allowed
one by one by the SHA-256 of their text. WebAssembly may compile ('wasm-unsafe-eval', which Pyodide needs);
string eval never may. Nothing is allowed from another origin. The hashes are taken from the finished HTML, so
whatever the theme or its overrides emit is covered exactly, and nothing else.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re

# Types under which a browser runs a <script> (anything else, like application/json, is data).
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}

_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
# A script element's text is raw: it runs to the first "</script", whatever it contains. That makes a pattern
# exact here, and it is many times faster than a full HTML parse of every page.
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script", re.IGNORECASE | re.DOTALL)
_ATTRIBUTE = re.compile(r"""([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def _runs_inline(attributes: str) -> bool:
    values = {m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or ""
              for m in _ATTRIBUTE.finditer(attributes)}
    return "src" not in values and html.unescape(values.get("type", "")).strip().lower() in _SCRIPT_TYPES


def inline_script_hashes(page_html: str) -> list[str]:
    """CSP sources ('sha256-...') for the page's inline scripts, in order, without repeats."""
    texts = [m.group(2) for m in _SCRIPT.finditer(page_html) if _runs_inline(m.group(1))]
    hashes = ("'sha256-" + base64.b64encode(hashlib.sha256(t.encode("utf-8")).digest()).decode() + "'"
              for t in texts)
    return list(dict.fromkeys(hashes))


def policy(script_hashes: list[str]) -> str:
    """The policy text for a page whose inline scripts have these hashes."""
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'wasm-unsafe-eval'", *script_hashes],
        "worker-src": ["'self'"],
        "connect-src": ["'self'"],
        # The theme's icons are inline SVG and data: URIs in its stylesheet.
        "img-src": ["'self'", "data:"],
        "style-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def at_head_start(page_html: str, tags: str) -> str:
    """The page with `tags` inserted as the first thing inside <head> (unchanged if it has no head)."""
    head = _HEAD.search(page_html)
    if head is None:
        return page_html
    return page_html[:head.end()] + tags + page_html[head.end():]


_CHARSET = re.compile(r"<meta\s+charset\b[^>]*>", re.IGNORECASE)


def early_in_head(page_html: str, tags: str) -> str:
    """The page with `tags` inserted right after its charset declaration (before the theme's stylesheets, so
    that an inline script there runs without waiting for them), or first in <head> if it declares none."""
    head = _HEAD.search(page_html)
    if head is None:
        return page_html
    charset = _CHARSET.search(page_html, head.end(), page_html.find("</head>", head.end()))
    at = charset.end() if charset else head.end()
    return page_html[:at] + tags + page_html[at:]


def with_policy(page_html: str) -> str:
    """The page with its policy as the first element of <head> (a policy only covers what follows it)."""
    # Single quotes need no escaping inside a double-quoted attribute; keeping them makes the policy readable.
    content = html.escape(policy(inline_script_hashes(page_html)), quote=False).replace('"', "&quot;")
    return at_head_start(page_html, f'<meta http-equiv="Content-Security-Policy" content="{content}">')


_WIDGET_PAGE = re.compile(r'data-gw-(?:kind|plan-root|stored|page-device)\b')


def has_widgets(page_html: str) -> bool:
    """Whether a page has a widget, the plan, or the controls of what this device keeps: the pages that carry
    the policy unless an author asks for it everywhere."""
    return _WIDGET_PAGE.search(page_html) is not None


# What a page asks another origin for that the policy would refuse: scripts, stylesheets and fonts (and the
# icons and preloads a <link> names), images, frames and media. A preconnect fetches nothing and is left alone.
_ELEMENT = re.compile(r"<(script|link|img|iframe|source|video|audio)\b([^>]*)>", re.IGNORECASE)
_FETCHING_RELS = {"stylesheet", "preload", "modulepreload", "icon", "shortcut", "apple-touch-icon", "manifest"}
_EXTERNAL = re.compile(r"^(?:https?:)?//[^/]", re.IGNORECASE)


def blocked_urls(page_html: str) -> list[str]:
    """The addresses on other origins that the page's scripts, styles, fonts, images or frames would load."""
    found = []
    for match in _ELEMENT.finditer(page_html):
        tag, attributes = match.group(1).lower(), match.group(2)
        values = {m.group(1).lower(): html.unescape(m.group(2) or m.group(3) or m.group(4) or "")
                  for m in _ATTRIBUTE.finditer(attributes)}
        if tag == "link":
            if not _FETCHING_RELS & set(values.get("rel", "").lower().split()):
                continue
            url = values.get("href", "")
        else:
            url = values.get("src", "")
        if _EXTERNAL.match(url):
            found.append(url.split("?", 1)[0].split("#", 1)[0])
    return list(dict.fromkeys(found))


_FONT_HOSTS = ("fonts.googleapis.com", "fonts.gstatic.com")


def blocked_fix(url: str) -> str:
    """How an author keeps what `url` gives the site, with the policy in place."""
    if any(host in url for host in _FONT_HOSTS):
        return ("this is the theme's web font. Set 'font: false' under 'theme:' in mkdocs.yml (the reader's own "
                "fonts are used), or add '- privacy' under 'plugins:' so that Material serves the font from the "
                "site itself.")
    return ("serve it from the site itself: add '- privacy' under 'plugins:' in mkdocs.yml (Material then "
            "downloads it at build time and serves it from the site), or copy it into the docs folder and link "
            "that copy. An analytics or tracking script cannot run there: nothing on those pages may reach "
            "another site.")
