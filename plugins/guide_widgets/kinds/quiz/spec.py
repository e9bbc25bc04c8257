"""A quiz's options: questions with weighted or decisive answers, result bands, and how many answers come first."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from guide_widgets.specs import Band, Items, Number, Problem, Text, WidgetSpec, optional
from guide_widgets.suggest import did_you_mean


class Answer(WidgetSpec):
    label = Text()
    """The answer as the reader sees it (Markdown)."""
    weight = optional(Number())
    """What choosing it adds to the score; an answer that `settles` the result may leave it out."""
    settles = optional(Text())
    """The title of a band this answer leads to whatever the score: a red flag that no other answer can
    outweigh. When several answers settle, the latest of their bands (and of the score's) is shown."""
    because = optional(Text())
    """Why the answer settles it, in words that follow "Because you said" (for example "they asked you to
    stop"); the answer's label is quoted when left out."""


class Question(WidgetSpec):
    text = Text()
    """The question (Markdown)."""
    answers = Items(Answer, min_items=2)
    """The answers to choose from, one per question."""


class Spec(WidgetSpec):
    """A quiz whose weighted answers add up to a score that picks a result band, unless an answer settles it."""

    questions = Items(Question)
    """The questions, each with weighted answers."""
    bands = Items(Band, ascending="min")
    """Result texts by score: the share of the highest weight possible over the questions answered, in percent.
    List them from the mildest to the most serious: a decisive answer never leads to a milder band than the
    score."""
    min_answered = optional(Number(minimum=1, integer=True))
    """How many answers before a result shows; all questions when left out. An answer that settles the
    result shows it at once."""

    @classmethod
    def problems(cls, spec: dict[str, Any]) -> Iterator[Problem]:
        asked, total = spec["min_answered"], len(spec["questions"])
        if asked is not None and asked > total:
            yield Problem(("min_answered",), f"'min_answered' is {asked}, but the quiz has {total} questions.",
                          "Lower 'min_answered' or add questions.")
        titles = [band["title"] for band in spec["bands"]]
        for q, question in enumerate(spec["questions"], 1):
            for a, answer in enumerate(question["answers"], 1):
                where = ("questions", q, "answers", a)
                settles = answer["settles"]
                if settles is not None and settles not in titles:
                    yield Problem((*where, "settles"), f"'settles' names no band: '{settles}'.",
                                  f"{did_you_mean(settles, titles)}Use the title of one of the bands: "
                                  f"{', '.join(repr(t) for t in titles)}.")
                if answer["weight"] is None and settles is None:
                    yield Problem(where, f"question {q}, answer {a} has no 'weight'.",
                                  "Give it 'weight: <number>', or 'settles: <band title>' if it decides the result.")
                if answer["because"] is not None and settles is None:
                    yield Problem((*where, "because"), "'because' is only shown for an answer that settles "
                                  "the result.", "Add 'settles: <band title>' or remove 'because'.")
