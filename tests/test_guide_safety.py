"""Our guide must never steer a reader against the other person's "no". These tests read the guide as it is
written (docs/guide.md) and the site as it is built, and hold it to what a careful counsellor would sign:
every stop signal settles the walk-away quiz, whatever else is answered; the safety page is reachable from
every place it matters; the calendar never counts down to contact."""

from __future__ import annotations

import datetime
import itertools
import re
from pathlib import Path

from conftest import ROOT
from guide_widgets.kinds.quiz.logic import evaluate
from guide_widgets.logic import Context
from guide_widgets.testing import Widget

GUIDE = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
LETTING_GO = "It is time to step back"
# The answers that are each, on their own, the other person's "no" (or a reason their safety forbids contact).
STOP_SIGNALS = {
    "They have not replied.",
    "They have asked me to stop, or blocked me.",
    "Yes, they are with someone new.",
}
STOP_QUESTIONS = {  # questions whose "Yes." is a stop signal
    "Have they said or shown that they are afraid of you?",
    "Does a court order, bail condition or the police limit your contact with them?",
}


def block(kind: str) -> str:
    """The YAML body of the guide's one block of this kind."""
    found = re.search(rf"^/// {kind} \|[^\n]*\n(.*?)^///$", GUIDE, flags=re.S | re.M)
    assert found, f"no '/// {kind}' block in docs/guide.md"
    return found.group(1)


def quiz_spec() -> dict:
    return Widget("quiz").spec(block("quiz"))


# What an English page sends with every request, on one day.
CONTEXT = Context(datetime.date(2026, 12, 2), "en", Widget("quiz").words)


def shown(node: dict) -> str:
    """The words a result node shows (numbers as written)."""
    if node["t"] == "text":
        return node["v"]
    if node["t"] == "number":
        return f"{node['v']:g}"
    return "".join(shown(child) for child in node.get("c", []))


def is_stop(question: dict, answer: dict) -> bool:
    return answer["label"] in STOP_SIGNALS or (question["text"] in STOP_QUESTIONS and answer["label"] == "Yes.")


def test_the_quiz_marks_exactly_the_stop_signals_as_decisive():
    spec = quiz_spec()
    decisive = {(q["text"], a["label"]) for q in spec["questions"] for a in q["answers"] if a["settles"]}
    stops = {(q["text"], a["label"]) for q in spec["questions"] for a in q["answers"] if is_stop(q, a)}
    assert len(stops) == len(STOP_SIGNALS) + len(STOP_QUESTIONS)  # every signal is still asked
    assert decisive == stops
    titles = [band["title"] for band in spec["bands"]]
    assert titles[-1] == LETTING_GO


def test_every_combination_with_a_stop_signal_leads_to_letting_go():
    spec = quiz_spec()
    questions = spec["questions"]
    letting_go = [band["title"] for band in spec["bands"]].index(LETTING_GO)
    choices = [[None, *range(len(q["answers"]))] for q in questions]  # None: the question left open
    combinations = with_stop = 0
    for picked in itertools.product(*choices):
        fields = {f"q{i + 1}": "" if a is None else str(a) for i, a in enumerate(picked)}
        stops = [questions[i]["answers"][a]["because"] for i, a in enumerate(picked)
                 if a is not None and is_stop(questions[i], questions[i]["answers"][a])]
        combinations += 1
        if not stops:
            continue
        with_stop += 1
        outcome = evaluate(spec, fields, CONTEXT)
        assert outcome["facts"]["band"] == letting_go, picked
        assert outcome["facts"]["settled"] is True, picked
        said = " ".join(shown(node) for node in outcome["view"])
        for reason in stops:
            assert f"Because you said {reason}." in said, picked
    assert combinations == 6 * 4 * 3 * 4 * 4 * 4 * 4 * 4  # each question open or answered
    assert with_stop > combinations / 2


def test_mild_answers_alone_never_say_go_ahead():
    spec = quiz_spec()
    mild = {f"q{i + 1}": "0" if i else "1" for i in range(len(spec["questions"]))}
    outcome = evaluate(spec, mild, CONTEXT)
    assert spec["bands"][outcome["facts"]["band"]]["title"] == "No stop sign in your answers"
    assert "not a sign to go ahead" in spec["bands"][0]["text"]


def page(built_site: Path, path: str) -> str:
    return (built_site / path / "index.html").read_text(encoding="utf-8")


def test_the_safety_page_is_linked_where_it_matters(built_site: Path):
    safety = page(built_site, "safety-first")
    assert "Numbers differ from country to country" in safety
    for line in ("999", "0808 802 4040", "116 123", "911", "1-800-799-7233", "988", "000", "13 11 14", "112"):
        assert line in safety, line
    assert 'href="safety-first/"' in page(built_site, ".")
    for path in ("taking-responsibility", "the-no-contact-rule", "re-establishing-contact"):
        assert 'href="../safety-first/"' in page(built_site, path), path
    quiz = page(built_site, "knowing-when-to-walk-away")
    bands = re.findall(r'<template data-gw-band="\d+">(.*?)</template>', quiz, flags=re.S)
    assert len(bands) == 3
    for band in bands:
        assert 'href="../safety-first/"' in band, band


def test_the_no_contact_calendar_never_counts_down_to_contact():
    period = Widget("period")
    spec = period.spec(block("period"))
    counted = period(spec, {"start": "2026-11-02", "days": "30", "broken": "", "no_end": []}, "2026-12-02")
    calendar = next(node for node in counted["view"] if node["t"] == "download")
    assert "check in with yourself" in calendar["content"]
    assert "End of" not in calendar["content"]
    asked = period(spec, {"start": "2026-11-02", "days": "30", "broken": "", "no_end": ["yes"]}, "2026-12-02")
    assert asked["facts"]["ends"] is None
    calendar = next(node for node in asked["view"] if node["t"] == "download")
    assert calendar["content"].count("DTSTART") == 1 and "DTSTART;VALUE=DATE:20261102" in calendar["content"]
    for stage in spec["stages"] + spec["no_end"]:
        assert "first message" not in stage["text"]


def test_when_to_stop_comes_before_how_to_make_contact():
    sections = re.findall(r"^## (.+)$", GUIDE, flags=re.M)
    assert sections.index("Knowing when to walk away") < sections.index("Re-establishing contact")
    assert sections.index("Safety first") == 0
