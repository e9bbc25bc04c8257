"""How far a savings goal is, and when a monthly amount reaches it. Standard library only."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from guide_widgets.logic import Context, band, el, reached, result, say, say_text, scale
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


def evaluate(spec: dict[str, Any], fields: dict[str, Any], context: Context) -> dict[str, Any]:
    goal, currency = spec["goal"], spec["currency"]
    saved, monthly = amount(fields.get("saved")), amount(fields.get("monthly"))
    errors = {name: say_text(context, "bad_amount") for name, value in (("saved", saved), ("monthly", monthly))
              if value is None}
    if saved is None or monthly is None:
        return result([el("p", say_text(context, "fix_field"))], errors)

    percent = min(100.0, 100.0 * saved / goal)
    left = max(0.0, goal - saved)
    shown = round(percent)
    bands = spec["bands"]
    chosen = reached(bands, percent)
    # The share saved among the goal's bands, drawn: a picture the page makes from this data, with a label
    # that says the same for whoever does not see it.
    picture = scale([b["min"] for b in bands], percent, chosen,
                    say_text(context, "saved_label_bar", percent=shown, band=bands[chosen]["title"]))
    view = [el("p", *say(context, "headline", percent=shown, goal=goal, currency=currency), cls="gw-headline"),
            picture]
    months = None
    if left == 0:
        view.append(el("p", *say(context, "reached")))
    elif monthly > 0:
        months = math.ceil(left / monthly)
        reached_on = months_later(context.today, months)
        view.append(el("p", *say(context, "to_go", count=months, left=left, monthly=monthly, currency=currency,
                                 date=date_node(reached_on.isoformat()))))
    else:
        view.append(el("p", *say(context, "no_monthly", left=left, currency=currency)))
    view.append(band(chosen))
    return result(view, percent=round(percent, 2), left=left, months=months)
