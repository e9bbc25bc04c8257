"""The draft review of the apology checklist, measured as it must hold for readers we never wrote for.

The corpus comes in two halves (tests/data/):
- `drafts_dev.yml`, the development half: the review's rules are changed only by looking at it;
- `drafts_held_out.yml`, the held-out half: written from the same brief (drafts_brief.md) by a helper who never
  saw the rules, committed before they changed, and only scored.
Both halves' shares are printed; the held-out shares are the ones that must reach 85% of non-apologies marked
and 90% of sincere drafts left unmarked. A non-apology marks its bad passage in [[...]]; the brackets are taken
out before the draft is reviewed.

Then what must never pass is tested exhaustively, family by family, with templated variants: any request for a
reply, a meeting, forgiveness, unblocking or a second chance; any deadline; any mention of being near them; any
threat, to them or to oneself (which also shows the crisis lines). Everything runs through the same door as in
the browser, in CPython; the pinned Pyodide must then answer a fixed sample of all of it exactly as CPython did
(CPython is the oracle: the same logic, the same answers). The review's model must be what the development
half trains (tests/draft_model.py).
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT
from guide_widgets.testing import Widget

KIND = ROOT / "widgets" / "apology_checklist"
DATA = Path(__file__).parent / "data"
OPTIONS = {"groups": [{"legend": "Parts", "items": ["a"]}], "bands": [{"min": 0, "title": "A", "text": "a"}],
           "crisis": "Please call a crisis line: [help lines](#help-lines)."}
HELD_OUT_MARKED, HELD_OUT_CLEAN = 0.85, 0.90


def _half(name: str) -> tuple[list[str], list[tuple[str, str]]]:
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    sincere = [entry["text"] for entry in data["sincere"]]
    non_apologies = [(entry["family"], entry["text"].replace("[[", "").replace("]]", ""))
                     for entry in data["non_apologies"]]
    return sincere, non_apologies


HALVES = {"development": _half("drafts_dev.yml"), "held-out": _half("drafts_held_out.yml")}
FAMILIES = {"request", "deadline", "proximity", "threat_self", "threat_other", "pressure", "changed_so",
            "moral_pressure", "promises", "minimising", "blame", "shared_blame", "conditional", "feelings", "self_pity",
            "excuse", "vague"}


@pytest.fixture(scope="module")
def widget() -> Widget:
    return Widget(KIND)


def answer(widget: Widget, draft: str) -> dict[str, Any]:
    return widget(widget.spec(OPTIONS), {"g1": [], "draft": draft}, "2026-12-04")


@pytest.fixture(scope="module")
def reviewed(widget: Widget) -> dict[str, dict[str, Any]]:
    """Every draft of both halves -> the facts of its answer."""
    drafts = {text for sincere, non in HALVES.values() for text in [*sincere, *(t for _, t in non)]}
    return {draft: answer(widget, draft)["facts"] for draft in sorted(drafts)}


def test_the_corpus_is_large_and_its_halves_are_apart():
    (dev_sincere, dev_non), (held_sincere, held_non) = HALVES["development"], HALVES["held-out"]
    assert len(dev_sincere) + len(held_sincere) >= 300 and len(dev_non) + len(held_non) >= 300
    assert len(held_sincere) >= 120 and len(held_non) >= 140
    assert {family for family, _ in dev_non} == FAMILIES == {family for family, _ in held_non}
    dev = set(dev_sincere) | {text for _, text in dev_non}
    held = set(held_sincere) | {text for _, text in held_non}
    assert not dev & held
    assert len(held) == len(held_sincere) + len(held_non)  # no draft twice


@pytest.mark.parametrize("half", HALVES)
def test_each_half_marks_non_apologies_and_leaves_sincere_drafts_alone(half: str, reviewed, record_property):
    sincere, non_apologies = HALVES[half]
    caught = [text for _, text in non_apologies if reviewed[text]["findings"]]
    clean = [text for text in sincere if not reviewed[text]["findings"]]
    complete = [text for text in clean if reviewed[text]["names_action"] and reviewed[text]["names_impact"]]
    marked_share, clean_share = len(caught) / len(non_apologies), len(clean) / len(sincere)
    # Printed at the end of the run (tests/conftest.py), from whichever process ran this test.
    record_property("summary", f"draft review, {half} half: {len(caught)} of {len(non_apologies)} non-apologies "
                               f"marked ({marked_share:.0%}); {len(clean)} of {len(sincere)} sincere drafts left "
                               f"unmarked ({clean_share:.0%}), {len(complete) / len(sincere):.0%} also seen to name "
                               "the act and its effect")
    if half == "held-out":
        # Only the totals: the held-out drafts themselves stay unseen, even in a failure's message.
        assert marked_share >= HELD_OUT_MARKED and clean_share >= HELD_OUT_CLEAN, (marked_share, clean_share)
    else:
        # The rules were tuned, and the model trained, on this half: less means a change broke something.
        assert marked_share >= 0.92, [text for _, text in non_apologies if text not in caught][:20]
        assert clean_share >= 0.96, [text for text in sincere if text not in clean][:20]


def test_the_shipped_model_is_what_the_development_half_trains():
    import draft_model

    source = draft_model.LOGIC.read_text(encoding="utf-8")
    shipped = draft_model._BLOCK.search(source)
    assert shipped is not None and shipped.group(0) == draft_model.trained(), (
        "run: python tests/draft_model.py --write")


def test_pyodide_reviews_every_sampled_draft_exactly_as_cpython_does(widget: Widget):
    drafts = [text for sincere, non in HALVES.values() for text in [*sincere, *(t for _, t in non)]]
    drafts += [draft for family in NEVER_PASS.values() for draft in family]
    sample = drafts[::25]
    assert len(sample) >= 150
    browser = Widget(KIND, pyodide=True)
    spec = widget.spec(OPTIONS)
    for draft in sample:
        fields = {"g1": [], "draft": draft}
        assert browser(spec, fields, "2026-12-04") == widget(spec, fields, "2026-12-04"), draft


# --- What must never pass --------------------------------------------------------------------------------------

OPENINGS = ["", "I lied to you for months and you felt foolish for trusting me. I'm sorry. ",
            "i cheated and i made u feel like u were going mad. im sorry. "]


def variants(templates: list[str], **slots: list[str]) -> list[str]:
    """Every template with every combination of its slots, after every opening, as written and in lower case."""
    drafts = []
    for template in templates:
        names = [name for name in slots if "{" + name + "}" in template]
        for values in itertools.product(*(slots[name] for name in names)):
            filled = template.format(**dict(zip(names, values, strict=True)))
            for opening in OPENINGS:
                drafts += [opening + filled, (opening + filled).lower()]
    return drafts


NEVER_PASS = {
    "a request": variants(
        ["{please}{verb} me{when}.", "Could you {verb} me{when}?", "I'd really like you to {verb} me{when}.",
         "I hope you can {verb} me{when}.", "All I ask is that you {verb} me{when}.", "{please}give me {chance}.",
         "I'm asking you for {chance}.", "Would you give us {chance}?", "{please}let me {see}.", "Can we {meet}?",
         "I'd love to {meet} sometime.", "Let me know if you'd {meet}.", "It would mean the world if we could {meet}.",
         "{please}unblock me so I can explain.", "Maybe we could {meet}.", "If you ever want to {meet}, I'm here."],
        please=["", "Please ", "pls ", "Just "],
        verb=["answer", "forgive", "call", "text", "write to", "reply to", "unblock", "meet"],
        when=["", " when you can", " one last time"],
        chance=["another chance", "a second chance", "one more chance", "five minutes"],
        see=["see you", "explain", "talk to you", "make it up to you"],
        meet=["meet", "talk", "have a coffee", "start again", "try again"]),
    "a deadline": variants(
        ["If I don't hear from you by {day}, {then}.", "I need an answer by {day}.", "You have until {day} to decide.",
         "I'll wait until {day} for your reply.", "Tell me before {day} whether {then}.",
         "After {day} it will be too late for us."],
        day=["Friday", "tonight", "midnight", "the 14th", "the end of the month", "Christmas", "Sunday night"],
        then=["I'll take that as your answer", "I'll assume it's over", "we try again"]),
    "being near them": variants(
        ["I'm {outside}.", "I'll be {at} on {day}.", "I {passed} last night.", "I'm waiting {outside} until you come "
         "out.", "I've moved to your {area}."],
        outside=["outside", "outside your flat", "parked across the road", "downstairs", "at your work"],
        at=["at the café where we met", "at your sister's wedding", "outside your work", "at our usual table"],
        day=["Saturday", "Friday at seven"], passed=["drove past your house", "walked past yours",
                                                    "went by your work"],
        area=["street", "town", "gym", "building"]),
    "a threat to them": variants(
        ["If you {do}, I'll {then}.", "If you {do} I will {then}."],
        do=["don't answer", "go to the police", "keep ignoring me", "tell anyone", "post about me"],
        then=["tell everyone your secret", "show your boss the photos", "go for full custody",
              "send your messages to your family", "make you regret it"]),
    "blame said outright": variants(
        ["{lead}{it} {was} {your} fault.", "{lead}you {were} the reason I {did}.", "{lead}{it} {was} all on you.",
         "I {did}, and {it} {was} {your} fault."],
        lead=["", "But ", "Honestly, ", "And "], it=["it", "that", "all of this"], was=["was", "is"],
        your=["your", "your own", "ur"], were=["were", "are"], did=["did it", "lied", "cheated", "snapped"]),
    "a threat to themselves": variants(
        ["If you don't answer, {harm}.", "{harm}.", "Without you {harm}.", "{harm}, and it's because of you."],
        harm=["I'll kill myself", "you won't have to worry about me much longer", "I don't see the point in living",
              "I won't be here tomorrow", "I'm going to end it all", "I've got the pills here",
              "I might as well not be here", "I want to die", "I'll hurt myself"]),
}


@pytest.mark.parametrize("family", NEVER_PASS)
def test_what_must_never_pass_is_marked_every_time(family: str, widget: Widget):
    drafts = NEVER_PASS[family]
    assert len(drafts) >= 120
    spec = widget.spec(OPTIONS)
    missed = [draft for draft in drafts
              if not widget(spec, {"g1": [], "draft": draft}, "2026-12-04")["facts"]["findings"]]
    assert missed == []


def test_a_threat_to_oneself_shows_the_crisis_lines_every_time(widget: Widget):
    spec = widget.spec(OPTIONS)
    for draft in NEVER_PASS["a threat to themselves"]:
        result = widget(spec, {"g1": [], "draft": draft}, "2026-12-04")
        assert result["facts"]["crisis"] is True, draft
        assert {"t": "part", "n": "crisis"} in result["view"], draft


def test_saying_no_reply_is_needed_asks_for_nothing(widget: Widget):
    for ending in ("You don't need to reply.", "No need to answer this.", "Please don't feel you have to write back.",
                   "I'm not asking you to forgive me.", "I won't contact you again.", "you dont have to answer",
                   "I'm not asking for a reply, or for anything.", "You owe me nothing, including a reply."):
        draft = f"I lied to you about the money for a year, and you felt you couldn't trust me. I'm sorry. {ending}"
        assert answer(widget, draft)["facts"]["findings"] == [], ending
