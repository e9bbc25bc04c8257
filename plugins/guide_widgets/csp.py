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
from html.parser import HTMLParser

# Types under which a browser runs a <script> (anything else, like application/json, is data).
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}

_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)


class _InlineScripts(HTMLParser):
    """Collects the text of every inline script a browser would run."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.texts: list[str] = []
        self._inside: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        values = {name: value or "" for name, value in attrs}
        runs = values.get("type", "").strip().lower() in _SCRIPT_TYPES
        self._inside = [] if runs and "src" not in values else None

    def handle_data(self, data: str) -> None:
        if self._inside is not None:
            self._inside.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._inside is not None:
            self.texts.append("".join(self._inside))
            self._inside = None


def inline_script_hashes(page_html: str) -> list[str]:
    """CSP sources ('sha256-...') for the page's inline scripts, in order, without repeats."""
    parser = _InlineScripts()
    parser.feed(page_html)
    parser.close()
    hashes = ("'sha256-" + base64.b64encode(hashlib.sha256(t.encode("utf-8")).digest()).decode() + "'"
              for t in parser.texts)
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


def with_policy(page_html: str) -> str:
    """The page with its policy as the first element of <head> (a policy only covers what follows it)."""
    head = _HEAD.search(page_html)
    if head is None:
        return page_html
    # Single quotes need no escaping inside a double-quoted attribute; keeping them makes the policy readable.
    content = html.escape(policy(inline_script_hashes(page_html)), quote=False).replace('"', "&quot;")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    return page_html[:head.end()] + meta + page_html[head.end():]
