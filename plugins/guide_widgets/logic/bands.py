"""Choosing an author's result text by threshold: the last item whose threshold the score has reached."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypedDict


class BandSpec(TypedDict):
    """The type of one of the author's result texts as `evaluate` gets it in `spec` (an item of `Items(Band)`):
    a dict of `min`, `title`, `text`, `link` and `link_text`, the last two None when left out. A TypedDict of a
    kind's spec says `bands: list[BandSpec]`."""

    min: float
    title: str
    text: str
    link: str | None
    link_text: str | None


def reached(items: Sequence[Mapping[str, Any]], score: float, key: str = "min") -> int:
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
