"""The savings-goal widget, tested as the reader's browser runs it: in CPython and in the real Pyodide."""

from pathlib import Path

import pytest
from guide_widgets.specs import SpecError
from guide_widgets.testing import Widget

KIND = Path(__file__).resolve().parent.parent / "widgets" / "savings_goal"
SPEC = """
goal: 1200
currency: EUR
bands:
  - min: 0
    title: Just starting
    text: Start small.
  - min: 50
    title: Halfway there
    text: Keep going.
"""


@pytest.fixture(scope="module", params=["cpython", "pyodide"])
def goal(request):
    return Widget(KIND, pyodide=request.param == "pyodide")


def test_months_to_the_goal_and_the_date_it_is_reached(goal):
    answer = goal(goal.spec(SPEC), {"saved": "600", "monthly": "100"}, today="2026-11-28")
    assert answer["errors"] == {}
    assert answer["facts"] == {"percent": 50.0, "left": 600.0, "months": 6}
    assert {"t": "date", "iso": "2027-05-28"} in answer["view"][2]["c"]
    assert {"t": "band", "i": 1} in answer["view"]


def test_the_share_saved_is_drawn_among_the_goals_bands(goal):
    answer = goal(goal.spec(SPEC), {"saved": "300", "monthly": "100"}, today="2026-11-28")
    # The picture is data: where the bands lie, where the reader is, and a sentence that says the same.
    assert answer["view"][1] == {"t": "scale", "zones": [[0, 50], [50, 100]], "at": 25, "band": 0,
                                 "settled": False, "label": "25% saved: “Just starting”."}


def test_the_end_of_a_month_that_a_shorter_month_lacks(goal):
    answer = goal(goal.spec(SPEC), {"saved": "0", "monthly": "1200"}, today="2027-01-31")
    assert {"t": "date", "iso": "2027-02-28"} in answer["view"][2]["c"]


def test_a_bad_amount_is_marked_at_its_field_and_the_other_stays(goal):
    answer = goal(goal.spec(SPEC), {"saved": "lots", "monthly": "100"}, today="2026-11-28")
    assert answer["errors"] == {"saved": "Enter an amount of 0 or more."}


def test_a_goal_already_reached(goal):
    answer = goal(goal.spec(SPEC), {"saved": "5000", "monthly": ""}, today="2026-11-28")
    assert answer["facts"]["percent"] == 100.0
    assert answer["facts"]["months"] is None


def test_the_block_options_are_checked_as_the_build_checks_them():
    goal = Widget(KIND)
    with pytest.raises(SpecError) as caught:
        goal.spec("goal: 0\ncurrency: EUR\nbands:\n  - min: 0\n    title: A\n    text: B\n")
    assert str(caught.value) == "'goal': expected a number from 1 to 10000000, got 0. Fix: Give 'goal' a number from 1 to 10000000."
