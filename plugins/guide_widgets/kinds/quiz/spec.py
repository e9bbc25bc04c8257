"""A quiz's options: questions with weighted answers, result bands, and how many answers come first."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from guide_widgets.specs import Band, Items, Number, Problem, Text, WidgetSpec, optional


class Answer(WidgetSpec):
    label = Text()
    """The answer as the reader sees it (Markdown)."""
    weight = Number()
    """What choosing it adds to the score."""


class Question(WidgetSpec):
    text = Text()
    """The question (Markdown)."""
    answers = Items(Answer, min_items=2)
    """The answers to choose from, one per question."""


class Spec(WidgetSpec):
    """A quiz whose weighted answers add up to a score that picks a result band."""

    questions = Items(Question)
    """The questions, each with weighted answers."""
    bands = Items(Band, ascending="min")
    """Result texts by score: the share of the highest weight possible over the questions answered, in percent."""
    min_answered = optional(Number(minimum=1, integer=True))
    """How many answers before a result shows; all questions when left out."""

    @classmethod
    def problems(cls, spec: dict[str, Any]) -> Iterator[Problem]:
        asked, total = spec["min_answered"], len(spec["questions"])
        if asked is not None and asked > total:
            yield Problem(("min_answered",), f"'min_answered' is {asked}, but the quiz has {total} questions.",
                          "Lower 'min_answered' or add questions.")
