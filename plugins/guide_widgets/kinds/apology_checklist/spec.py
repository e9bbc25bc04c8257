"""The apology checklist's options: the parts of an apology, what was done, how it felt, the result bands."""

from __future__ import annotations

from guide_widgets.specs import Band, Items, Text, WidgetSpec, switch


class Spec(WidgetSpec):
    """The apology checklist."""

    parts = Items(Text())
    done = Items(Text())
    felt = Items(Text())
    bands = Items(Band, ascending="min")
    draft = switch(default=True)
