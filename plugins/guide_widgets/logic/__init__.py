"""Widget logic: pure, stdlib-only functions from a reader's input to a result.

The same files run in CPython (the tests) and in Pyodide (the reader's browser, inside a Web Worker).
`evaluate()` is the one entry point: it picks the widget kind's module and returns its result.
"""

from __future__ import annotations

import json
from typing import Any

from . import apology, no_contact, walk_away

KINDS = {
    "no-contact": no_contact.evaluate,
    "apology-checklist": apology.evaluate,
    "walk-away-quiz": walk_away.evaluate,
}


def evaluate(kind: str, spec: dict[str, Any], fields: dict[str, Any], today: str) -> dict[str, Any]:
    """Evaluate one widget: `fields` are the form's values by name, `today` the reader's local date."""
    if kind not in KINDS:
        raise ValueError(f"unknown widget kind {kind!r}")
    return KINDS[kind](spec, fields, today)


def evaluate_json(request: str) -> str:
    """The worker's door: a JSON request {widget, spec, fields, today} in, a JSON result out."""
    data = json.loads(request)
    return json.dumps(evaluate(data["widget"], data["spec"], data["fields"], data["today"]))
