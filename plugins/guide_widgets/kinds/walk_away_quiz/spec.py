"""The walk-away quiz's options: questions with weighted answers, result bands, answers needed first."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from guide_widgets.specs import Band, Items, Number, Problem, Text, WidgetSpec, optional


class Answer(WidgetSpec):
    label = Text()
    weight = Number()


class Question(WidgetSpec):
    text = Text()
    answers = Items(Answer, min_items=2)


class Spec(WidgetSpec):
    """The walk-away signs quiz."""

    questions = Items(Question)
    bands = Items(Band, ascending="min")
    min_answered = optional(Number(minimum=1, integer=True))

    @classmethod
    def problems(cls, spec: dict[str, Any]) -> Iterator[Problem]:
        asked, total = spec["min_answered"], len(spec["questions"])
        if asked is not None and asked > total:
            yield Problem(("min_answered",), f"'min_answered' is {asked}, but the quiz has {total} questions.",
                          "Lower 'min_answered' or add questions.")
