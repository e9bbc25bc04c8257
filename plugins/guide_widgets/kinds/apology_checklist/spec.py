"""The apology checklist's options: the parts of an apology, what was done, how it felt, the result bands."""

from __future__ import annotations

from guide_widgets.specs import Band, Items, Text, WidgetSpec, switch


class Spec(WidgetSpec):
    """The apology checklist."""

    parts = Items(Text())
    """The parts of a sincere apology the reader can tick; the result is the share ticked."""
    done = Items(Text())
    """Things the reader may have done, to tick (an 'in your words' field follows)."""
    felt = Items(Text())
    """How it may have made the other person feel, to tick (with an 'in your words' field)."""
    bands = Items(Band, ascending="min")
    """Result texts by the share of parts ticked, in percent."""
    draft = switch(default=True)
    """Offer a draft field whose text is checked for excuses and blame, on the device."""
