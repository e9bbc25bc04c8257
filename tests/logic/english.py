"""A built-in kind's English strings, as a page in English sends them to the logic in its context.

In CPython they are read from the kind's strings.yml; under Pyodide, where there is no YAML parser, from the
english.json that tests/test_logic_in_pyodide.py writes beside these files.
"""

import json
from datetime import date
from pathlib import Path

from guide_widgets.logic import Context

HERE = Path(__file__).resolve().parent


def english(kind_folder: str) -> dict:
    saved = HERE / "english.json"
    if saved.exists():
        return json.loads(saved.read_text(encoding="utf-8"))[kind_folder]
    import yaml  # CPython only: the tests' own environment

    path = HERE.parents[1] / "plugins" / "guide_widgets" / "kinds" / kind_folder / "strings.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))["en"]


def context(kind_folder: str, today: str) -> Context:
    """What an English page sends with a request on the reader's day `today` (YYYY-MM-DD)."""
    return Context(date.fromisoformat(today), "en", english(kind_folder))
