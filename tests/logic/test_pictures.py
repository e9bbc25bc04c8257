"""Pictures of a result as the logic returns them: data a test can read, each with the sentence that says the
same for whoever does not see it. (Run in CPython and, by tests/test_logic_in_pyodide.py, in Pyodide.)"""

from guide_widgets.kinds.checklist.logic import evaluate as checklist
from guide_widgets.logic import bars, days, parts, scale

from .english import context

CHECKLIST = {"groups": [{"legend": "L", "items": ["A", "B", "C", "D"], "scored": True}],
             "bands": [{"min": 0, "title": "Not yet", "text": "t"}, {"min": 100, "title": "Ready", "text": "t"}]}


def test_a_checklist_shows_its_parts_in_place_and_not_yet():
    answer = checklist(CHECKLIST, {"g1": ["0", "2"]}, context("checklist", "2026-12-05"))
    picture = next(node for node in answer["view"] if node["t"] == "parts")
    assert (picture["done"], picture["total"]) == (2, 4)
    assert picture["label"] == "2 of 4 ticked."


def test_a_scale_keeps_its_mark_on_the_scale_and_drops_it_when_an_answer_settles():
    assert scale([0, 50], 140.0, 1, "x")["at"] == 100
    assert scale([0, 50], -3, 0, "x")["at"] == 0
    assert scale([0, 50], 70.5, 1, "x", settled=True)["at"] is None
    assert scale([0, 35, 65], 12.345, 0, "x")["zones"] == [[0, 35], [35, 65], [65, 100]]


def test_days_and_parts_never_draw_more_than_there_is():
    assert parts(9, 4, "x")["done"] == 4
    assert days(-2, 30, "x")["elapsed"] == 0
    assert days(3, 30, "x", marks=[0, 50, 100])["marks"] == [50]


def test_bars_carry_their_names_and_values_for_the_words_beside_them():
    picture = bars([("Saved", 600), ("To go", 400.5)], "600 saved, 400.5 to go.", digits=1)
    assert picture["items"] == [{"name": "Saved", "value": 600}, {"name": "To go", "value": 400.5}]
    assert (picture["label"], picture["digits"]) == ("600 saved, 400.5 to go.", 1)
