"""What the benchmark's parts share: where the sites are served, how long a visit may wait, the JavaScript
handed to both browsers (bench/js/), and how a boot's steps are summed up."""

from __future__ import annotations

import statistics
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
JS = Path(__file__).resolve().parent / "js"
PREFIX = "/making-amends/"
PLAIN_PREFIX = "/making-amends-without-ready-python/"  # the same guide built with `ready_python: false`
LATENCY_PAGE = "the-no-contact-rule/"
TIMEOUT_MS = 120_000


def script(name: str) -> str:
    """The JavaScript of bench/js/`name`: one function expression, which Playwright calls with its argument
    and WebDriver scripts wrap in a call of their own."""
    return (JS / name).read_text(encoding="utf-8").strip()


MARKS_JS = script("marks.js")
NAVIGATION_JS = script("navigation.js")


def store_steps(entries: list[dict[str, Any]]) -> dict[str, float]:
    """Where storing the snapshot's time goes, medians (ms): opening the cache, packing, writing."""
    return {step: statistics.median(e.get(step) or 0 for e in entries) for step in ("open", "pack", "put")}


def boot_steps(entries: list[dict[str, Any]],
               steps: tuple[str, ...] = ("runtime", "download", "python", "logic", "memory")) -> dict[str, float]:
    """Where a boot's time goes, medians (ms): the wasm's download, Pyodide's start (compiling and, on a
    repeat visit, restoring included), the logic's import; with the prepared Python, also its download and
    filling it in."""
    return {step: statistics.median((e["detail"] or {}).get(step) or 0 for e in entries) for step in steps}
