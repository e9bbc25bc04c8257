""""Did you mean …?" for the names an author types: options, kinds, string keys and anchors.

Anchors are compared as slugs: MkDocs' default slugify drops accents and umlauts ('Gespräch' becomes
'gesprach'), so an author who writes the heading's word as it reads is shown the slug that exists.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable

from guide_widgets._internal.errors import author_words


def _plain(text: str) -> str:
    """Lower case, accents and umlauts taken off, as a slug has them ('Gespräch' -> 'gesprach')."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def nearest(name: str, choices: Iterable[str]) -> str | None:
    """The choice an author most likely meant by `name`, or None when none is close."""
    options = [str(choice) for choice in choices if str(choice) != name]
    plain = {_plain(option): option for option in options}
    if (same := plain.get(_plain(name))) is not None and same != name:
        return same
    close = difflib.get_close_matches(_plain(name), list(plain), n=1, cutoff=0.75)
    return plain[close[0]] if close else None


@author_words
def did_you_mean(name: str, choices: Iterable[str], written: str = "'{}'") -> str:
    """"Did you mean 'x'? " (ready to begin a fix, its space included), or "" when nothing is close."""
    found = nearest(name, choices)
    return f"Did you mean {written.format(found)}? " if found is not None else ""
