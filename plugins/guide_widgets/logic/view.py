"""The small, safe vocabulary in which widget logic describes a result for the page.

Logic returns a list of nodes; the page's script turns them into DOM elements with `textContent` only,
so a reader's own text can never become markup. Each helper returns one node as a plain dict.
"""

from __future__ import annotations

import re
from typing import Any

from .context import Context

Node = dict[str, Any]
Words = Context | dict[str, Any]
"""Where `say` finds the kind's words: the `context` (or, in kinds written before it, the `spec`)."""


def el(tag: str, *children: Node | str, cls: str = "", **attrs: Any) -> Node:
    """An element (one of the tags the page's renderer allows) holding text and other nodes."""
    node: Node = {"t": tag, "c": [text(c) if isinstance(c, str) else c for c in children]}
    if cls:
        node["cls"] = cls
    node.update(attrs)
    return node


def text(value: str) -> Node:
    return {"t": "text", "v": value}


def date(iso: str) -> Node:
    """A calendar date the page shows with weekday in the reader's own locale."""
    return {"t": "date", "iso": iso}


def number(value: float, digits: int = 2) -> Node:
    """A number the page shows in the page's language (12.5 is "12,5" in German)."""
    return {"t": "number", "v": value, "digits": digits}


_PLACE = re.compile(r"\{(\w+)\}")


def _words(source: Words) -> tuple[Any, str]:
    if isinstance(source, Context):
        return source.words, source.language
    return source["strings"], source.get("lang", "en")  # a kind written before Context: its spec carried them


def _string(source: Words, key: str, values: dict[str, Any]) -> str:
    """The kind's string `key` in the page's language; a pair of `one`/`other` forms is chosen by `count`."""
    found = _words(source)[0][key]
    if isinstance(found, dict):
        found = found["one" if values.get("count") == 1 else "other"]
    return str(found)


def say(context: Words, key: str, **values: Any) -> list[Node | str]:
    """A sentence from the kind's strings, its `{places}` filled: numbers become `number` nodes (shown in the
    page's language), nodes stay nodes, everything else becomes text. Use as `el("p", *say(context, "key"))`."""
    parts: list[Node | str] = []
    template = _string(context, key, values)
    last = 0
    for match in _PLACE.finditer(template):
        parts.append(template[last:match.start()])
        value = values[match.group(1)]
        if isinstance(value, dict):
            parts.append(value)
        elif isinstance(value, int | float) and not isinstance(value, bool):
            parts.append(number(value, 0 if isinstance(value, int) else 2))
        else:
            parts.append(str(value))
        last = match.end()
    parts.append(template[last:])
    return [part for part in parts if part != ""]


def say_text(context: Words, key: str, **values: Any) -> str:
    """The same sentence as plain text (for labels and file contents), numbers written in the page's language."""
    comma = _words(context)[1] in DECIMAL_COMMA
    def written(value: Any) -> str:
        if isinstance(value, float) and not value.is_integer():
            shown = f"{value:.2f}".rstrip("0")
            return shown.replace(".", ",") if comma else shown
        return str(int(value)) if isinstance(value, float) else str(value)
    return _PLACE.sub(lambda m: written(values[m.group(1)]), _string(context, key, values))


DECIMAL_COMMA = {"de", "fr", "es", "it", "nl", "pt", "pl", "cs", "da", "sv", "nb", "fi", "ru", "tr"}


def progress(value: int, maximum: int, label: str) -> Node:
    return {"t": "progress", "value": value, "max": maximum, "label": label}


def band(index: int) -> Node:
    """One of the author's result texts, rendered into the page at build time, by its position."""
    return {"t": "band", "i": index}


def part(name: str) -> Node:
    """A piece of the author's Markdown that the kind's form rendered at build time as
    `part_template(name, text)`: shown here by its name (links and emphasis kept)."""
    return {"t": "part", "n": name}


def download(label: str, filename: str, mime: str, content: str) -> Node:
    """A link that saves `content` as a file made in the browser."""
    return {"t": "download", "label": label, "filename": filename, "mime": mime, "content": content}


def result(view: list[Node], errors: dict[str, str] | None = None, **facts: Any) -> dict[str, Any]:
    """A widget's answer: what to show, messages for bad fields, and facts tests can read."""
    return {"view": view, "errors": errors or {}, "facts": facts}
