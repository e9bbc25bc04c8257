"""What the page tells a widget's logic besides the author's options and the reader's answers."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any


class Context:
    """The third argument of `evaluate(spec, fields, context)`.

    - `today`: the reader's own date (their device's calendar day, in their time zone), a `date`;
    - `language`: the page's language, as `theme.language` sets it ("en", "de");
    - `words`: the kind's strings in that language, with the site's and the block's own overrides, by name.
      `say(context, "key", ...)` puts them into sentences.

    The author's options stay in `spec`, untouched: an option may have any name.
    """

    __slots__ = ("language", "today", "words")  # a plain class: dataclasses would cost the browser an import

    def __init__(self, today: date, language: str = "en", words: Mapping[str, Any] | None = None) -> None:
        self.today = today
        self.language = language
        self.words: Mapping[str, Any] = words or {}

    @classmethod
    def from_request(cls, request: Mapping[str, Any]) -> Context:
        """The context as the page sends it: `today` as YYYY-MM-DD, `language`, `words`."""
        try:
            today = date.fromisoformat(str(request["today"]))
        except (KeyError, ValueError) as exc:
            raise ValueError(f"the page sent no valid date for today: {request.get('today')!r}") from exc
        return cls(today, str(request.get("language") or "en"), request.get("words") or {})

    def __repr__(self) -> str:
        return f"Context(today={self.today!r}, language={self.language!r}, words=<{len(self.words)} strings>)"
