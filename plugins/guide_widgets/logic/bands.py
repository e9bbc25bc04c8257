"""Choosing an author's result text by threshold: the last item whose threshold the score has reached."""

from __future__ import annotations

from typing import Any


def reached(items: list[dict[str, Any]], score: float, key: str = "min") -> int:
    """The position of the last item whose `key` ("min") the score reaches; items ascend from 0, so there is
    always one. With `band(...)`, the author's result text for a score.

    >>> reached([{"min": 0}, {"min": 50}, {"min": 80}], 64.5)
    1
    """
    chosen = 0
    for index, item in enumerate(items):
        if score >= item[key]:
            chosen = index
    return chosen
