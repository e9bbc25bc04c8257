"""Choosing an author's result text by threshold: the last item whose threshold the score has reached."""

from __future__ import annotations

from typing import Any


def reached(items: list[dict[str, Any]], score: float, key: str = "min") -> int:
    """Index of the last item with `item[key] <= score`; items ascend from 0, so there is always one."""
    chosen = 0
    for index, item in enumerate(items):
        if score >= item[key]:
            chosen = index
    return chosen
