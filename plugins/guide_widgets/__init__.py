"""guide_widgets: one guide document in, a multi-page MkDocs site with in-browser Python widgets out.

What authors may import, each module's `__all__`: `guide_widgets.specs` (the options a kind's `spec.py`
declares), `guide_widgets.logic` (what a kind's `logic.py` uses, `Context` among it), the built-in kinds'
options and logic (`guide_widgets.kinds.<kind>.spec.Spec` and `.logic`, to build on) and
`guide_widgets.testing` (`Widget`). Everything else is the engine's and may change between releases.

This file stays empty of imports: the `logic` subpackage ships to the browser inside this package name.
"""
