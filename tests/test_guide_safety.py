"""Our guide must never steer a reader against the other person's "no". These tests read the guide as it is
written (docs/guide.md) and the site as it is built, and hold it to what a careful counsellor would sign:
every stop signal settles the walk-away quiz, whatever else is answered; the safety page is reachable from
every place it matters; the calendar never counts down to contact."""

from __future__ import annotations

import datetime
import itertools
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from guide_widgets.kinds.quiz.logic import evaluate, verdict
from guide_widgets.logic import Context
from guide_widgets.testing import Widget

GUIDE = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
LETTING_GO = "It is time to step back"
VIOLENCE = ("Did what you did include any of these: hitting, pushing, grabbing or blocking their way; breaking or "
            "punching things near them; threats; pressuring them into sex; or checking and controlling their phone, "
            "money, friends or movements?")
SLOW_DOWN = "Slow down and look again"
# The answers that are each, on their own, the other person's "no" (or a reason their safety, or the reader's,
# forbids contact), by question: they settle the result.
STOP_SIGNALS = {
    "Have they, or someone on their behalf, ever asked you for no contact, for space, or to stay away?": {"Yes."},
    "When you have reached out, how have they responded?": {"They haven't replied.", "They've blocked me.",
                                                            "They blocked me, then unblocked me without a word."},
    "After a no, a block, no reply or a request to stop something, have you contacted them anyway, for example "
    "with a new number or account, through friends or family, by turning up, or by doing what they asked you to "
    "stop?": {"Yes."},
    "Do you look at their profiles, or keep track of where they are or who they see?": {
        "I keep track of where they are or who they see (location sharing, an app, friends, or going past)."},
    VIOLENCE: {"Yes."},
    "Have they said or shown that they're afraid of you?": {"Yes."},
    "Have they, or people close to them, threatened you or been violent toward you?": {"Yes."},
    "Does a court order, bail condition or the police limit your contact with them?": {"Yes."},
    "Are they with someone new?": {"Yes, they're with someone new."},
    "How would you be without them?": {"I've thought about harming myself, or that I can't go on."},
}
# The worries a counsellor hears every day that must never come out mild: each sets a floor above the mildest band.
FLOORS = {
    "Do you look at their profiles, or keep track of where they are or who they see?": {
        "I look at their profiles or posts."},
    VIOLENCE: {"I'm not sure."},
    "Have they said or shown that they're afraid of you?": {"I'm not sure."},
    "How long ago did it end?": {"Less than a month ago."},
    "What draws you back to them?": {"Mostly loneliness, or fear of being alone."},
    "Do you feel you need something from them now, such as forgiveness, an answer, or to hear that they're okay?": {
        "Yes, and I keep needing it."},
    "How would you be without them?": {"I feel I need them to be okay."},
}
HELP_LINES = "#help-lines"
PROGRAMMES = "#when-the-harm-included-violence-or-control"


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


def test_the_quiz_settles_on_every_stop_signal_and_sets_a_floor_for_every_worry():
    spec = quiz_spec()
    titles = [band["title"] for band in spec["bands"]]
    assert titles[-1] == LETTING_GO and SLOW_DOWN in titles[1:-1]
    settling = {q["text"]: {a["label"] for a in q["answers"] if a["settles"]} for q in spec["questions"]}
    floors = {q["text"]: {a["label"] for a in q["answers"] if a["at_least"]} for q in spec["questions"]}
    assert {text: labels for text, labels in settling.items() if labels} == STOP_SIGNALS
    assert {text: labels for text, labels in floors.items() if labels} == FLOORS
    for question in spec["questions"]:
        for answer in question["answers"]:
            assert answer["settles"] in (None, LETTING_GO), answer
            assert answer["at_least"] in (None, SLOW_DOWN), answer


def test_violence_self_harm_and_watching_point_to_the_help_they_need():
    answers = [(q["text"], a) for q in quiz_spec()["questions"] for a in q["answers"]]
    needs = {  # (a words of the question, the answer's label) -> where its help must point
        ("hitting, pushing", "Yes."): PROGRAMMES, ("hitting, pushing", "I'm not sure."): PROGRAMMES,
        ("threatened you or been violent", "Yes."): HELP_LINES,
        ("afraid of you", "Yes."): PROGRAMMES, ("afraid of you", "I'm not sure."): PROGRAMMES,
        ("keep track", "I keep track of where they are"): PROGRAMMES,
        ("without them", "I've thought about harming myself"): HELP_LINES,
        ("without them", "I feel I need them to be okay."): HELP_LINES,
        ("contacted them anyway", "Yes."): HELP_LINES,
    }
    for (question, label), anchor in needs.items():
        found = [a for text, a in answers if question in text and a["label"].startswith(label)]
        assert len(found) == 1, (question, label)
        assert f"]({anchor})" in (found[0]["help"] or ""), (question, label)


def _combinations(spec: dict):
    """Every combination of the answers that settle or set a floor (one per question, or none), each with the
    rest of the quiz left open, answered as mildly as it can be, or as heavily as it can be without a
    decisive answer: (the chosen answer of each question answered, the settling answers, the floor answers)."""
    questions = spec["questions"]
    marked = [[None, *(a for a, answer in enumerate(q["answers"]) if answer["settles"] or answer["at_least"])]
              for q in questions]
    plain = [[a for a, answer in enumerate(q["answers"]) if not (answer["settles"] or answer["at_least"])]
             for q in questions]
    mild = [min(options, key=lambda a, q=q: q["answers"][a]["weight"]) for q, options in zip(questions, plain, strict=True)]
    heavy = [max(options, key=lambda a, q=q: q["answers"][a]["weight"]) for q, options in zip(questions, plain, strict=True)]
    for picked in itertools.product(*marked):
        chosen_marks = {index: choice for index, choice in enumerate(picked) if choice is not None}
        answers = [questions[i]["answers"][a] for i, a in chosen_marks.items()]
        stops = [answer for answer in answers if answer["settles"]]
        floors = [answer for answer in answers if answer["at_least"]]
        for rest in (None, mild, heavy):
            chosen = dict(chosen_marks) if rest is None else {index: picked[index] if picked[index] is not None
                                                             else rest[index] for index in range(len(questions))}
            yield chosen, stops, floors


def test_every_combination_of_stop_signals_and_floors_leads_where_it_must():
    spec = quiz_spec()
    titles = [band["title"] for band in spec["bands"]]
    letting_go, slow_down = titles.index(LETTING_GO), titles.index(SLOW_DOWN)
    combinations = with_stop = with_floor = worded = 0
    for number, (chosen, stops, floors) in enumerate(_combinations(spec)):
        combinations += 1
        found = verdict(spec, chosen)
        if stops:
            with_stop += 1
            assert found.band == letting_go and found.deciding, chosen
        elif floors:
            with_floor += 1
            assert found.band >= slow_down and found.floor == slow_down, chosen
        # The words, for every combination with at most one marked answer and a fixed sixtieth of the others.
        if len(stops) + len(floors) > 1 and number % 60:
            continue
        worded += 1
        outcome = evaluate(spec, {f"q{q + 1}": str(a) for q, a in chosen.items()}, CONTEXT)
        assert outcome["facts"]["band"] == found.band, chosen
        said = " ".join(shown(node) for node in outcome["view"] if node["t"] not in ("band", "part"))
        parts = [node["n"] for node in outcome["view"] if node["t"] == "part"]
        if stops:
            for answer in stops:
                assert f"Because you said {answer['because']}." in said, chosen
            assert len(parts) == sum(1 for answer in stops if answer["help"]), chosen
        elif floors and found.band == slow_down:
            for answer in floors:
                assert f"Because you said {answer['because']}." in said, chosen
            assert "at least this serious" in said, chosen
        elif not floors:
            assert "Because you said" not in said, chosen
    # Every marked answer, or none, for each question that has one, times three ways to answer the rest.
    assert combinations == 2 ** 8 * 3 ** 4 * 4 * 3
    assert with_stop > combinations * 0.9 and with_floor > 0 and worded > combinations / 60


def test_mild_answers_alone_never_say_go_ahead():
    spec = quiz_spec()
    mild = {f"q{i + 1}": "0" for i in range(len(spec["questions"]))}
    outcome = evaluate(spec, mild, CONTEXT)
    assert spec["bands"][outcome["facts"]["band"]]["title"] == "No stop sign in your answers"
    assert "isn't a sign to go ahead" in spec["bands"][0]["text"]
    assert "Contact is theirs to start" in spec["bands"][0]["text"]


def page(built_site: Path, path: str) -> str:
    return (built_site / path / "index.html").read_text(encoding="utf-8")


def test_the_safety_page_is_linked_where_it_matters(built_site: Path):
    safety = page(built_site, "safety-first")
    assert "Numbers differ from country to country" in safety
    for line in ("999", "0808 802 4040", "116 123", "911", "1-800-799-7233", "988", "000", "13 11 14", "112",
                 "1300 766 491", "111", "0800 456 450", "1737", "211", "0800 111 0 111"):
        assert line in safety, line
    assert 'href="safety-first/"' in page(built_site, ".")
    for path in ("taking-responsibility", "the-no-contact-rule", "if-they-get-in-touch", "knowing-when-to-walk-away"):
        assert 'href="../safety-first/' in page(built_site, path), path
    quiz = page(built_site, "knowing-when-to-walk-away")
    bands = re.findall(r'<template data-gw-band="\d+">(.*?)</template>', quiz, flags=re.S)
    assert len(bands) == 3
    for band in bands:
        assert 'href="../safety-first/#help-lines"' in band, band
    parts = re.findall(r'<template data-gw-part="(q\d+-\d+)">(.*?)</template>', quiz, flags=re.S)
    assert len(parts) == sum(1 for q in quiz_spec()["questions"] for a in q["answers"] if a["help"])
    assert any('href="../safety-first/#help-lines"' in html for _, html in parts)
    assert any('href="../safety-first/#when-the-harm-included-violence-or-control"' in html for _, html in parts)


def test_every_country_in_the_help_table_has_every_column_or_says_why_not():
    table = GUIDE.split("### Help lines", 1)[1].split("###", 1)[0]
    assert "checked in December 2026" in table
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in table.splitlines()
            if line.startswith("|") and not line.startswith("| ---")]
    header, countries = rows[0], rows[1:]
    assert [row[0] for row in countries] == ["United Kingdom", "Ireland", "United States", "Canada", "Australia",
                                             "New Zealand", "Germany"]
    for row in countries:
        assert len(row) == len(header) and all(row), row
        behaviour = row[2]
        assert re.search(r"\d", behaviour) or behaviour.startswith("No national"), row


def test_the_no_contact_period_names_an_end_only_for_a_break_both_agreed():
    period = Widget("period")
    spec = period.spec(block("period"))
    silent = period(spec, {"start": "2026-11-02", "days": "30", "broken": ""}, "2026-12-02")
    assert silent["facts"]["ends"] is None and silent["facts"]["no_end"] is True
    calendar = next(node for node in silent["view"] if node["t"] == "download")
    assert calendar["content"].count("DTSTART") == 1 and "DTSTART;VALUE=DATE:20261102" in calendar["content"]
    agreed = period(spec, {"start": "2026-11-02", "days": "30", "broken": "", "has_end": ["yes"]}, "2026-12-02")
    assert agreed["facts"]["ends"] == "2026-12-02"
    calendar = next(node for node in agreed["view"] if node["t"] == "download")
    assert "check in with yourself" in calendar["content"]
    assert "End of" not in calendar["content"]
    for stage in spec["stages"] + spec["no_end"]:
        assert "first message" not in stage["text"]
    assert "both agreed" in spec["strings"]["end_label"]


def test_when_to_stop_comes_before_how_to_make_contact():
    sections = re.findall(r"^## (.+)$", GUIDE, flags=re.M)
    assert sections.index("Knowing when to walk away") < sections.index("If they get in touch")
    assert sections.index("Safety first") == 0


READERS = yaml.safe_load((Path(__file__).parent / "data" / "readers.yml").read_text(encoding="utf-8"))["readers"]
BAND_OF_LEVEL = {0: "No stop sign in your answers", 1: SLOW_DOWN, 2: LETTING_GO}


@pytest.mark.parametrize("half", ["development", "held-out"])
def test_readers_we_never_wrote_for_get_a_result_at_least_as_serious_as_a_counsellor_would_give(
        half: str, record_property):
    spec = quiz_spec()
    titles = [band["title"] for band in spec["bands"]]
    readers = [reader for reader in READERS if reader["half"] == half]
    safe = exact = 0
    milder = []
    for reader in readers:
        fields = {}
        for name, label in reader["answers"].items():
            labels = [answer["label"] for answer in spec["questions"][int(name[1:]) - 1]["answers"]]
            assert label in labels, f"{reader['id']}: the quiz no longer offers {label!r} for {name}: answer again"
            fields[name] = str(labels.index(label))
        band = evaluate(spec, fields, CONTEXT)["facts"]["band"]
        least = titles.index(BAND_OF_LEVEL[reader["least_level"]])
        safe += band is not None and band >= least
        exact += band == least
        if band is None or band < least:
            milder.append(reader["id"])
    record_property("summary", f"walk-away quiz, {half} readers: {safe} of {len(readers)} get a result at least as "
                               f"serious as a counsellor's ({safe / len(readers):.0%}), {exact} exactly theirs")
    assert len(readers) >= 40
    # Only ids: the held-out readers themselves stay unseen, even in a failure's message.
    assert safe / len(readers) >= (0.85 if half == "held-out" else 0.95), milder


def test_no_result_calls_an_apology_ready_or_complete():
    spec = Widget(ROOT / "widgets" / "apology_checklist").spec(block("apology-checklist"))
    words = (ROOT / "widgets" / "apology_checklist" / "strings.yml").read_text(encoding="utf-8")
    texts = [band["title"] + " " + band["text"] for band in spec["bands"]] + [words]
    for text in texts:
        assert not re.search(r"(?<!not )\bready\b|every part|\bcomplete\b", text, flags=re.I), text
    top = spec["bands"][-1]["text"]
    assert "checked" in top and "whether they want to hear from you" in top
    assert "[help lines](#help-lines)" in spec["crisis"]
