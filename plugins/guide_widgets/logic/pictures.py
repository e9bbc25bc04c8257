"""Pictures of a result: data the logic returns, which the page draws as small SVG with the theme's colours.

Each picture says with shapes what the result says with words, and carries a `label`, a sentence that says
the same for whoever does not see it (screen readers, the plan's download). The logic never writes markup:
a picture is a node like `el` or `date`, so a test can assert on it.
"""

from __future__ import annotations

from collections.abc import Sequence

from .view import Node


def scale(edges: Sequence[float], at: float | None, band: int, label: str, *, settled: bool = False) -> Node:
    """A score among result bands: one zone per band, from each band's lower edge (in percent, the first 0) to
    the next, the zone of the result drawn as chosen, and the score marked where it falls. `at` None (the
    score is not known yet) or `settled` (an answer decided the result whatever the score) shows the chosen
    zone only, without a mark.

        >>> scale([0, 40, 80], 64.5, 1, "64 of 100: in the middle band.")["zones"]
        [[0, 40], [40, 80], [80, 100]]
    """
    bounds = [*(float(edge) for edge in edges), 100.0]
    zones = [[_tidy(bounds[n]), _tidy(bounds[n + 1])] for n in range(len(edges))]
    return {"t": "scale", "zones": zones, "at": None if at is None or settled else _tidy(max(0.0, min(100.0, at))),
            "band": band, "settled": settled, "label": label}


def parts(done: int, total: int, label: str) -> Node:
    """Parts of a whole, each in place or not yet: `done` of `total` (a checklist's ticked items).

        >>> parts(3, 5, "3 of 5 parts in place.")["total"]
        5
    """
    return {"t": "parts", "done": max(0, min(done, total)), "total": max(total, 0), "label": label}


def days(elapsed: int, total: int | None, label: str, *, marks: Sequence[float] = ()) -> Node:
    """Days of a period: `elapsed` of `total`, today where the elapsed days end, and a tick at each of `marks`
    (in percent of the period: where a stage begins). `total` None is a period with no end: it only counts.

        >>> days(12, 30, "Day 12 of 30", marks=[0, 40, 80])["marks"]
        [40, 80]
        >>> days(45, None, "Day 45, with no end date")["total"] is None
        True
    """
    return {"t": "days", "elapsed": max(0, elapsed), "total": total,
            "marks": [_tidy(mark) for mark in marks if 0 < mark < 100], "label": label}


def bars(items: Sequence[tuple[str, float]], label: str, *, digits: int = 0) -> Node:
    """Figures side by side, as bars of one scale, each with its name and its value (written as `number`
    writes it, with at most `digits` decimals). An own kind's figures: months, amounts, counts.

        >>> bars([("Saved", 600), ("Still to save", 400)], "600 saved, 400 to go.")["items"][1]
        {'name': 'Still to save', 'value': 400}
    """
    return {"t": "bars", "items": [{"name": name, "value": value} for name, value in items], "label": label,
            "digits": digits}


def _tidy(value: float) -> float | int:
    """A number as JSON carries it best: whole numbers without their `.0`."""
    return int(value) if float(value).is_integer() else round(float(value), 2)
