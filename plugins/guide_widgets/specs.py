"""What a widget kind's `spec.py` declares its options with, the way MkDocs plugins declare their config.

    from guide_widgets.specs import Band, Items, Number, Text, WidgetSpec, optional

    class Spec(WidgetSpec):
        goal = Number(minimum=1)
        \"\"\"The amount to save.\"\"\"
        bands = Items(Band, ascending="min")

An option whose YAML name is a Python keyword or a mapping method (`from`, `items`) is written with a trailing
underscore (`from_` is `from:`). `Problem` reports a check across options from `WidgetSpec.problems`, and
`did_you_mean` words a suggestion for a name that was misspelt. `SpecError` is what a bad block raises (its
`line`, `problem` and `fix`), in the build and in `guide_widgets.testing.Widget.spec`. The validation itself is
the engine's.
"""

from guide_widgets._internal.suggest import did_you_mean
from guide_widgets._internal.widgets.validation import (
    Anchor,
    Band,
    Items,
    Number,
    OptionError,
    Problem,
    SpecError,
    Text,
    WidgetSpec,
    optional,
    renamed,
    switch,
)

__all__ = ["Anchor", "Band", "Items", "Number", "OptionError", "Problem", "SpecError", "Text", "WidgetSpec", "did_you_mean",
           "optional", "renamed", "switch"]
