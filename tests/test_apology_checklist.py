"""This guide's own widget kind, the apology checklist (widgets/apology_checklist): the built-in checklist
extended with a draft review. Tested through the public helper, as any author tests a kind: each answer in
CPython and again in the pinned Pyodide under Node."""

from __future__ import annotations

import sys

import pytest
from conftest import ROOT
from guide_widgets.testing import Widget

KIND = ROOT / "widgets" / "apology_checklist"
OPTIONS = {
    "groups": [
        {"legend": "Done", "items": ["Infidelity", "Lying", "Emotional neglect"], "scored": False,
         "other": "Else", "needed": "Name what you did.", "summary": "You will name: {items}."},
        {"legend": "Felt", "items": ["Betrayed", "Unloved", "Insecure"], "scored": False,
         "other": "Else", "needed": "Name how it made them feel.", "summary": "They may have felt: {items}."},
        {"legend": "Parts", "items": ["a", "b", "c", "d"]},
    ],
    "bands": [{"min": 0, "title": "A", "text": "a"}, {"min": 50, "title": "B", "text": "b"},
              {"min": 100, "title": "C", "text": "c"}],
}


@pytest.fixture(scope="module", params=["cpython", "pyodide"])
def apology(request):
    return Widget(KIND, pyodide=request.param == "pyodide")


def run(widget, parts=(), done=(), felt=(), draft="", done_other="", felt_other=""):
    fields = {"g3": [str(p) for p in parts], "g1": [str(d) for d in done], "g2": [str(f) for f in felt],
              "draft": draft, "g1_other": done_other, "g2_other": felt_other}
    return widget(widget.spec(OPTIONS), fields, "2026-11-26")


def found(draft):
    Widget(KIND)  # puts the kind's logic where the browser would import it from
    review_draft = sys.modules["guide_kinds.apology_checklist.logic"].review_draft
    return [draft[f.start:f.end].lower() for f in review_draft(draft).findings]


def test_excuse_and_blame_patterns_are_found_where_they_are():
    assert found("I'm sorry you feel that way.") == ["sorry you feel that"]
    assert found("I lied, but you made me do it.") == ["but you made me do it"]
    assert found("Sorry for everything.") == ["sorry for everything"]
    assert found("I'm sorry if you were hurt.") == ["sorry if"]
    assert found("Call me if you want.") == ["call me if you want"]
    assert found("I'm sorry if you were hurt, but we both made mistakes.") == ["sorry if", "we both made"]
    assert found("You never listened to me.") == ["you never listened"]
    assert found("I was just stressed at work.") == ["i was just stressed"]


def test_words_reported_or_denied_are_not_what_the_draft_says():
    assert found("I used to tell you it was your fault. It never was. I hit you, and I'm sorry.") == []
    assert found("I won't say 'sorry if you were hurt', because you were. I lied, and I'm sorry.") == []
    assert found("I was never going to hurt myself. I said it so you'd stay. I'm sorry.") == []
    assert found("You don't need to reply to this. I cheated, and I'm sorry.") == []
    assert found("I'm in therapy, not so you'll take me back but because I need to change.") == []


def test_curly_apostrophes_and_case_do_not_hide_patterns():
    assert found("I\u2019m SORRY YOU FELT that way") == ["sorry you felt that"]


def test_words_that_only_contain_a_pattern_are_not_flagged():
    assert found("I butchered the butter and the rebuttal.") == []
    assert found("Nothing to see; the 'if' word alone: iffy.") == []


def test_names_action_and_impact(apology):
    both = run(apology, draft="I lied to you for months, and I know you felt betrayed and alone.")
    assert both["facts"]["names_action"] and both["facts"]["names_impact"]
    assert both["facts"]["findings"] == []
    vague = run(apology, draft="Things happened and I regret it.")
    assert not vague["facts"]["names_action"] and not vague["facts"]["names_impact"]


def test_readiness_band_and_what_is_missing(apology):
    nothing = run(apology)
    assert nothing["facts"]["band"] == 0
    assert "Name what you did." in nothing["facts"]["missing"]
    assert "Name how it made them feel." in nothing["facts"]["missing"]
    half = run(apology, parts=(0, 1), done=(1,), felt=(0,))
    assert half["facts"]["band"] == 1
    assert half["facts"]["missing"] == ["c", "d"]
    ready = run(apology, parts=(0, 1, 2, 3), done=(1,), felt=(0,),
                draft="I lied to you for months. I know you felt betrayed. I am sorry.")
    assert ready["facts"]["band"] == 2
    assert ready["facts"]["missing"] == []


def test_a_draft_with_excuses_keeps_the_top_band_back(apology):
    result = run(apology, parts=(0, 1, 2, 3), done=(1,), felt=(0,),
                 draft="I lied to you and you felt betrayed, but you made me do it.")
    assert result["facts"]["band"] == 1
    assert [f[2] for f in result["facts"]["findings"]] == ["This hands the blame for what you did to them."]
    assert result["facts"]["families"] == ["blame"]


def test_other_answers_count_as_named(apology):
    result = run(apology, parts=(0,), done_other="I read their messages", felt_other="Watched")
    assert "Name what you did." not in result["facts"]["missing"]
    sentences = [node["c"][0]["v"] for node in result["view"] if node.get("c") and node["c"][0].get("t") == "text"]
    assert "You will name: I read their messages. They may have felt: Watched." in sentences


def test_marked_draft_keeps_every_character_of_the_reader_text(apology):
    draft = "<img src=x onerror=alert(1)> please 😀 שלום answer me"
    result = run(apology, draft=draft)
    marked = next(n for n in result["view"] if n.get("cls") == "gw-draft")

    def flatten(node):
        return node["v"] if node["t"] == "text" else "".join(flatten(c) for c in node["c"])

    assert flatten(marked) == draft
    assert [c["t"] for c in marked["c"]].count("mark") == 2


def test_empty_and_large_drafts(apology):
    assert run(apology, draft="   ")["facts"]["findings"] == []
    big = ("I lied to you, but I was drunk. I am sorry you feel hurt. " * 2000)[:100_000]
    result = run(apology, draft=big)
    assert len(big) == 100_000
    assert len(result["facts"]["findings"]) > 3000  # an excuse and a feeling in each of about 1700 sentences


def test_unknown_checkbox_values_are_ignored(apology):
    assert run(apology, parts=(0, 9, "x"))["facts"]["checked"] == 1
