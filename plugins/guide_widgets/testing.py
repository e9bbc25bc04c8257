"""Test a widget kind exactly as a reader's browser runs it, with pytest: in CPython, or in the real Pyodide.

    from guide_widgets.testing import Widget

    goal = Widget("widgets/savings_goal")          # your kind's folder, or a built-in kind's name
    spec = goal.spec("goal: 1200\\ncurrency: EUR\\nbands: ...")   # a block's body, checked as the build does
    answer = goal(spec, {"saved": "600", "monthly": "100"}, today="2026-11-28")
    assert answer["facts"]["months"] == 6

`Widget(..., pyodide=True)` makes the same calls in the pinned Pyodide under Node, from the same logic archive
the site ships; `WidgetLogicError` is what a call raises when the logic fails, as the page would show it.
"""

from guide_widgets._internal.authoring.testing import Widget, WidgetLogicError

__all__ = ["Widget", "WidgetLogicError"]
