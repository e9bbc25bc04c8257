"""The no-contact calculator's options: the suggested length of the period and what to say along the way."""

from __future__ import annotations

from guide_widgets.specs import Anchor, Items, Number, Text, WidgetSpec, optional, renamed


@renamed(from_="from")  # `from` is a Python keyword; the YAML key stays `from`
class Stage(WidgetSpec):
    """One stage of the period, from `from` percent of it onwards."""

    from_ = Number(minimum=0, maximum=100)
    text = Text()
    link = optional(Anchor())
    link_text = optional(Text())


class Spec(WidgetSpec):
    """The no-contact calculator."""

    RESULTS = "stages"

    days = Number(minimum=1, maximum=365, integer=True, default=30)
    stages = Items(Stage, ascending="from")
