"""The vocabulary of widget logic, and the worker's door into it.

A widget kind's `logic.py` imports what it needs from here: `Context` is the type of `evaluate`'s third
argument (the reader's day, the page's language, the kind's words), `Result` that of what it returns and
`BandSpec` that of a result text in its spec (`Items(Band)`); `el`, `text`, `date`, `progress`, `band`,
`part`, `download` and `result` describe what the page shows (see `view`), `scale`, `parts`, `days` and `bars`
are pictures of a result (see `pictures`), `say` puts the kind's words into sentences, and `reached` picks a
result band by threshold. (`evaluate_json` is the worker's door, not for a kind's logic.) Everything here is stdlib-only and runs unchanged in CPython (tests) and in Pyodide (the
reader's browser, in a Web Worker). The browser's logic archive adds a generated `guide_widgets_registry`
module naming each kind's logic module; `evaluate_json` finds kinds through it.
"""

from __future__ import annotations

import importlib
import json
from typing import Any

from .bands import BandSpec, reached
from .context import Context
from .pictures import bars, days, parts, scale
from .view import Node, Result, band, date, download, el, number, part, progress, result, say, say_text, text

__all__ = ["BandSpec", "Context", "Node", "Result", "band", "bars", "date", "days", "download", "el", "number", "part",
           "parts", "progress", "reached", "result", "say", "say_text", "scale", "text"]

REGISTRY = "guide_widgets_registry"


def evaluate_json(request: str) -> str:
    """The worker's door: a JSON request {widget, spec, fields, today, language, words} in, a JSON result out."""
    data = json.loads(request)
    kinds: dict[str, str] = importlib.import_module(REGISTRY).KINDS
    if data["widget"] not in kinds:
        raise ValueError(f"unknown widget kind {data['widget']!r}")
    module: Any = importlib.import_module(kinds[data["widget"]])
    context = Context.from_request(data)
    if takes_context(module.evaluate):
        return json.dumps(module.evaluate(data["spec"], data["fields"], context))
    # A kind written before Context: `evaluate(spec, fields, today)`, with its words and the page's language in
    # its spec and today as YYYY-MM-DD (the build says how to update it, see registry.py).
    spec = {**data["spec"], "strings": context.words, "lang": context.language}
    return json.dumps(module.evaluate(spec, data["fields"], data["today"]))


def takes_context(evaluate: Any) -> bool:
    """Whether a kind's `evaluate` takes `context` as its third argument (rather than the older `today`)."""
    code = getattr(evaluate, "__code__", None)
    return code is not None and code.co_argcount >= 3 and code.co_varnames[2] == "context"
