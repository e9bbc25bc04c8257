"""A checklist's options: groups of items to tick, which of them count towards the score, result bands."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from guide_widgets.specs import Band, Items, Problem, Text, WidgetSpec, optional, switch


class Group(WidgetSpec):
    """One group of items to tick, under its own heading."""

    legend = Text()
    """The group's question or heading (Markdown)."""
    items_ = Items(Text())
    """The items to tick (Markdown)."""
    scored = switch(default=True)
    """Whether its items count towards the score; a group that does not can still be needed."""
    other = optional(Text())
    """The label of a field for something not in the list, in the reader's own words."""
    needed = optional(Text())
    """Shown as still missing while nothing in the group is ticked or written."""
    summary = optional(Text())
    """A sentence repeating what was picked, with `{items}` where the picks go."""


class Spec(WidgetSpec):
    """A checklist whose ticked items make a score that picks a result band."""

    groups = Items(Group)
    """The groups of items, in the order the form shows them."""
    bands = Items(Band, ascending="min")
    """Result texts by the share of scored items ticked, in percent; the last one only when nothing is missing."""

    @classmethod
    def problems(cls, spec: dict[str, Any]) -> Iterator[Problem]:
        if not any(group["scored"] for group in spec["groups"]):
            yield Problem(("groups",), "no group counts towards the score.",
                          "Leave 'scored' out (it is true) for at least one group.")
