"""The small, safe vocabulary in which widget logic describes a result for the page.

Logic returns a list of nodes; the page's script turns them into DOM elements with `textContent` only,
so a reader's own text can never become markup. Each helper returns one node as a plain dict.
"""

from __future__ import annotations

from typing import Any

Node = dict[str, Any]


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


def progress(value: int, maximum: int, label: str) -> Node:
    return {"t": "progress", "value": value, "max": maximum, "label": label}


def band(index: int) -> Node:
    """One of the author's result texts, rendered into the page at build time, by its position."""
    return {"t": "band", "i": index}


def download(label: str, filename: str, mime: str, content: str) -> Node:
    """A link that saves `content` as a file made in the browser."""
    return {"t": "download", "label": label, "filename": filename, "mime": mime, "content": content}


def result(view: list[Node], errors: dict[str, str] | None = None, **facts: Any) -> dict[str, Any]:
    """A widget's answer: what to show, messages for bad fields, and facts tests can read."""
    return {"view": view, "errors": errors or {}, "facts": facts}
