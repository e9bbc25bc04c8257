"""The draft review of the apology checklist, measured on a labelled set of drafts (tests/data/drafts.yml):
sincere apologies, and non-apologies from every family a reader might write (requests, pressure, shared blame,
minimising, conditionals, self-pity, excuses, blame, vagueness). It runs as the browser runs it, in CPython
and in the pinned Pyodide, and prints the two shares it holds at 90% or better."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from guide_widgets.testing import Widget

KIND = ROOT / "widgets" / "apology_checklist"
DRAFTS = yaml.safe_load((Path(__file__).parent / "data" / "drafts.yml").read_text(encoding="utf-8"))
SINCERE: list[str] = DRAFTS["sincere"]
NON_APOLOGIES: list[tuple[str, str]] = [(family, text) for family, texts in DRAFTS["non_apologies"].items()
                                        for text in texts]
OPTIONS = {"groups": [{"legend": "Parts", "items": ["a"]}], "bands": [{"min": 0, "title": "A", "text": "a"}]}
REQUEST = "This asks something of them."
PRESSURE = "This puts pressure on them"


@pytest.fixture(scope="module", params=["cpython", "pyodide"])
def reviewed(request) -> dict[str, list[str]]:
    """Each draft of the set -> the reasons of the passages the review marked in it."""
    widget = Widget(KIND, pyodide=request.param == "pyodide")
    spec = widget.spec(OPTIONS)
    drafts = SINCERE + [text for _, text in NON_APOLOGIES]
    return {draft: [finding[2] for finding in widget(spec, {"g1": [], "draft": draft}, "2026-12-02")["facts"]["findings"]]
            for draft in drafts}


def test_the_set_is_large_enough_and_covers_every_family():
    assert len(SINCERE) >= 40
    assert len(NON_APOLOGIES) >= 40
    families = {family for family, _ in NON_APOLOGIES}
    assert {"request", "pressure", "shared_blame", "minimising", "conditional", "self_pity"} <= families
    assert len(set(SINCERE) | {text for _, text in NON_APOLOGIES}) == len(SINCERE) + len(NON_APOLOGIES)


def test_non_apologies_are_marked_and_sincere_drafts_are_left_alone(reviewed, record_property):
    caught = [text for _, text in NON_APOLOGIES if reviewed[text]]
    clean = [text for text in SINCERE if not reviewed[text]]
    # Printed at the end of the run (tests/conftest.py), from whichever process ran this test.
    record_property("summary", f"draft review: {len(caught)} of {len(NON_APOLOGIES)} non-apologies marked "
                               f"({len(caught) / len(NON_APOLOGIES):.0%}); {len(clean)} of {len(SINCERE)} sincere "
                               f"drafts left unmarked ({len(clean) / len(SINCERE):.0%})")
    missed = [text for _, text in NON_APOLOGIES if not reviewed[text]]
    marked = {text: reviewed[text] for text in SINCERE if reviewed[text]}
    assert len(caught) / len(NON_APOLOGIES) >= 0.9, missed
    assert len(clean) / len(SINCERE) >= 0.9, marked


def test_requests_and_pressure_are_named_as_such(reviewed):
    for family, start in (("request", REQUEST), ("pressure", PRESSURE)):
        drafts = [text for name, text in NON_APOLOGIES if name == family]
        named = [text for text in drafts if any(reason.startswith(start) for reason in reviewed[text])]
        assert len(named) / len(drafts) >= 0.9, sorted(set(drafts) - set(named))


def test_a_draft_that_asks_for_anything_is_never_called_ready():
    widget = Widget(KIND)
    spec = widget.spec({"groups": [{"legend": "Parts", "items": ["a", "b"]}],
                        "bands": [{"min": 0, "title": "Not yet", "text": "a"},
                                  {"min": 100, "title": "Ready", "text": "b"}]})
    for _, draft in ((f, t) for f, t in NON_APOLOGIES if f == "request"):
        answer = widget(spec, {"g1": ["0", "1"], "draft": "I lied to you and you felt betrayed. " + draft}, "2026-12-02")
        assert answer["facts"]["band"] == 0, draft
