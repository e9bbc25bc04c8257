"""A dated period's options: the length the guide suggests, and what to say along the way."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from guide_widgets.kinds.period.logic import MAX_DAYS, MIN_DAYS
from guide_widgets.specs import Anchor, Items, Number, Problem, Text, WidgetSpec, optional, switch


class Stage(WidgetSpec):
    """One stage of the period, from `from` percent of it onwards."""

    from_ = Number(minimum=0, maximum=100)
    """Where the stage begins, in percent of the period; the first stage has 0."""
    text = Text()
    """What to say during this stage (Markdown)."""
    link = optional(Anchor())
    """A heading or a page to point to: `#anchor`, `page.md#anchor`."""
    link_text = optional(Text())
    """The link's words; "Read more" when left out."""


class Spec(WidgetSpec):
    """A dated period: the day of it, the days left, the end date with a calendar file, and a restart."""

    RESULTS = ("stages", "no_end")

    days = Number(minimum=MIN_DAYS, maximum=MAX_DAYS, integer=True, default=30)
    """The period the guide suggests, in days; the reader can change it."""
    stages = Items(Stage, ascending="from")
    """What to say at each point of the period."""
    no_end = optional(Items(Stage, ascending="from"))
    """Offer a box for a period with no end (say, because the other person asked for it): when ticked, the
    widget counts the reader's own days, names no end date, and its calendar file marks the first day only.
    These stages are what to say then, `from` counting in percent of `days` (it never ends, so the last one
    stays)."""
    open_ended = switch(default=False)
    """Turn the box around: the period has no end unless the reader ticks that it has one (the kind's
    `end_label`), for a wait that is not theirs to end unless both agreed on a date. Needs `no_end`."""

    @classmethod
    def problems(cls, spec: dict[str, Any]) -> Iterator[Problem]:
        if spec["open_ended"] and not spec["no_end"]:
            yield Problem(("open_ended",), "'open_ended' needs 'no_end': the stages to show while the period has "
                          "no end.", "Add 'no_end:' with its stages, or remove 'open_ended'.")
