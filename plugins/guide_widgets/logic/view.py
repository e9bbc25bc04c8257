"""The small, safe vocabulary in which widget logic describes a result for the page.

Logic returns a list of nodes; the page's script turns them into DOM elements with `textContent` only,
so a reader's own text can never become markup. Each helper returns one node as a plain dict.
"""

from __future__ import annotations

import re
from typing import Any, TypedDict

from .context import Context

Node = dict[str, Any]
"""One piece of a result's view, as the page gets it: a mapping with its type under "t" (an element from `el`,
text, a date, a number, a picture...), made by this module's functions and never written by hand."""
Words = Context | dict[str, Any]
"""Where `say` finds the kind's words: the `context` (or, in kinds written before it, the `spec`)."""


def el(tag: str, *children: Node | str, cls: str = "", **attrs: Any) -> Node:
    """An element the page shows: `tag` one of p, ul, ol, li, strong, em, span, mark, q, div; `children` text
    (shown as text, never as markup) and other nodes; `cls` its class; other keywords become its attributes.

        >>> el("p", "Day ", number(3), cls="gw-headline")
        {'t': 'p', 'c': [{'t': 'text', 'v': 'Day '}, {'t': 'number', 'v': 3, 'digits': 2}], 'cls': 'gw-headline'}
    """
    node: Node = {"t": tag, "c": [text(c) if isinstance(c, str) else c for c in children]}
    if cls:
        node["cls"] = cls
    node.update(attrs)
    return node


def text(value: str) -> Node:
    """Text, shown as it is (a reader's own words included: never read as markup). `el` makes it from a str.

        >>> text("<b>not bold</b>")
        {'t': 'text', 'v': '<b>not bold</b>'}
    """
    return {"t": "text", "v": value}


def date(iso: str) -> Node:
    """A date (YYYY-MM-DD) the page shows with its weekday, written the way the page's language writes dates.

        >>> date("2026-12-04")
        {'t': 'date', 'iso': '2026-12-04'}
    """
    return {"t": "date", "iso": iso}


def number(value: float, digits: int = 2) -> Node:
    """A number the page shows the way the page's language writes it, with at most `digits` decimals (12.5 is
    "12.5" in English, "12,5" in German and French).

        >>> number(1234.5, 1)
        {'t': 'number', 'v': 1234.5, 'digits': 1}
    """
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
    """A sentence from the kind's strings (`strings.yml`, in the page's language), its `{places}` filled:
    numbers become `number` nodes (shown in the page's language), nodes stay nodes, anything else becomes text.
    A string with `one:` and `other:` forms is chosen by `count`. Use as `el("p", *say(context, "key", ...))`.

        >>> from datetime import date as day
        >>> context = Context(day(2026, 12, 4), "en", {"left": {"one": "{count} day left", "other": "{count} days left"}})
        >>> say(context, "left", count=3)
        [{'t': 'number', 'v': 3, 'digits': 0}, ' days left']
    """
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
    """The same sentence as plain text (for a field's message, a label or a file's contents), numbers written
    the way the page's language writes them.

        >>> from datetime import date as day
        >>> say_text(Context(day(2026, 12, 4), "de", {"rate": "Etwa {liter} Liter"}), "rate", liter=2.8)
        'Etwa 2,8 Liter'
    """
    comma = _words(context)[1] in DECIMAL_COMMA
    def written(value: Any) -> str:
        if isinstance(value, float) and not value.is_integer():
            shown = f"{value:.2f}".rstrip("0")
            return shown.replace(".", ",") if comma else shown
        return str(int(value)) if isinstance(value, float) else str(value)
    return _PLACE.sub(lambda m: written(values[m.group(1)]), _string(context, key, values))


DECIMAL_COMMA = {"de", "fr", "es", "it", "nl", "pt", "pl", "cs", "da", "sv", "nb", "fi", "ru", "tr"}


def progress(value: int, maximum: int, label: str) -> Node:
    """A progress bar, `value` of `maximum`, named `label` for screen readers.

        >>> progress(3, 10, "Day 3 of 10")
        {'t': 'progress', 'value': 3, 'max': 10, 'label': 'Day 3 of 10'}
    """
    return {"t": "progress", "value": value, "max": maximum, "label": label}


def band(index: int) -> Node:
    """One of the author's result texts (the items of the options `Spec.RESULTS` names, "bands" unless set),
    rendered into the page at build time with their links, shown by position; `reached` picks the position.

        >>> band(1)
        {'t': 'band', 'i': 1}
    """
    return {"t": "band", "i": index}


def part(name: str) -> Node:
    """A piece of the author's Markdown that the kind's form rendered at build time as
    `part_template(name, text)`: shown here by its name (links and emphasis kept).

        >>> part("crisis")
        {'t': 'part', 'n': 'crisis'}
    """
    return {"t": "part", "n": name}


def download(label: str, filename: str, mime: str, content: str) -> Node:
    """A link that saves `content` as a file, made in the reader's browser (nothing is sent anywhere).

        >>> download("Add to calendar", "end.ics", "text/calendar", "BEGIN:VCALENDAR")["filename"]
        'end.ics'
    """
    return {"t": "download", "label": label, "filename": filename, "mime": mime, "content": content}


class Result(TypedDict):
    """The type of what `evaluate` returns (`-> Result`), as `result` makes it: a dict of `view` (the nodes to
    show), `errors` (a message by field name) and `facts` (by name). The page gets it as JSON, as it is."""

    view: list[Node]
    errors: dict[str, str]
    facts: dict[str, Any]


def result(view: list[Node], errors: dict[str, str] | None = None, **facts: Any) -> Result:
    """What `evaluate` returns: the nodes to show, a message for each field whose value is wrong (shown next to
    it; the other answers stay), and facts that tests (and the plan) can read.

        >>> result([el("p", "Correct the marked field.")], {"weight": "Enter 1 to 400."}, kilos=None)["errors"]
        {'weight': 'Enter 1 to 400.'}
    """
    return {"view": view, "errors": errors or {}, "facts": facts}
