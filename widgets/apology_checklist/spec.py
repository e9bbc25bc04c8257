"""The apology checklist: the built-in checklist, plus a draft apology read on the reader's device."""

from guide_widgets.kinds.checklist.spec import Spec as Checklist
from guide_widgets.specs import Text, optional, switch


class Spec(Checklist):
    """A checklist for an apology, whose draft is checked for excuses and blame without leaving the device."""

    draft = switch(default=True)
    """Offer a field for a draft apology, checked on the device for excuses and blame."""

    crisis = optional(Text())
    """Shown above the review when a draft uses the writer's own safety as leverage ("you won't have to worry
    about me much longer"): where to find crisis lines, as Markdown with a link."""
