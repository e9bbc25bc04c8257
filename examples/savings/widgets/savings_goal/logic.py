"""How far a savings goal is, and when a monthly amount reaches it. Standard library only."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from guide_widgets.logic import band, el, progress, reached, result
from guide_widgets.logic import date as date_node


def amount(value: object) -> float | None:
    """A non-negative amount from a form field ('' counts as 0); None when it is not a number."""
    text = str(value if value is not None else "").strip().replace(",", ".")
    if not text:
        return 0.0
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) and number >= 0 else None


def months_later(start: date, months: int) -> date:
    """The same day `months` calendar months later (the last day of the month when that day is missing)."""
    year, month = divmod(start.month - 1 + months, 12)
    year, month = start.year + year, month + 1
    for day in (start.day, 30, 29, 28):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    raise ValueError("no such month")  # unreachable: every month has a 28th


def evaluate(spec: dict[str, Any], fields: dict[str, Any], today: str) -> dict[str, Any]:
    goal, currency = spec["goal"], spec["currency"]
    saved, monthly = amount(fields.get("saved")), amount(fields.get("monthly"))
    errors = {name: "Enter an amount of 0 or more." for name, value in (("saved", saved), ("monthly", monthly))
              if value is None}
    if saved is None or monthly is None:
        return result([el("p", "Correct the marked field to see your plan.")], errors)

    percent = min(100.0, 100.0 * saved / goal)
    left = max(0.0, goal - saved)
    view = [el("p", f"{percent:.0f}% of {goal:g} {currency} saved", cls="gw-headline"),
            progress(round(percent), 100, f"{percent:.0f}% saved")]
    months = None
    if left == 0:
        view.append(el("p", "You have reached your goal."))
    elif monthly > 0:
        months = math.ceil(left / monthly)
        reached_on = months_later(date.fromisoformat(today), months)
        view.append(el("p", f"{left:g} {currency} to go: at {monthly:g} {currency} a month that takes "
                            f"{months} month{'s' * (months != 1)}, until ", date_node(reached_on.isoformat()), "."))
    else:
        view.append(el("p", f"{left:g} {currency} to go. Enter a monthly amount to see when you get there."))
    view.append(band(reached(spec["bands"], percent)))
    return result(view, percent=round(percent, 2), left=left, months=months)
