"""The options of a `/// savings-goal` block: the amount to save, its currency, and result texts."""

from guide_widgets.specs import Band, Items, Number, Text, WidgetSpec


class Spec(WidgetSpec):
    """A savings goal: how much is saved, how much to put aside each month, and when the goal is reached."""

    goal = Number(minimum=1, maximum=10_000_000)
    currency = Text()
    bands = Items(Band, ascending="min")
