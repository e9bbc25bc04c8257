"""A quiz's options: questions with weighted or decisive answers, result bands, and how many answers come first."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from guide_widgets.specs import Band, Items, Number, Problem, Text, WidgetSpec, did_you_mean, optional


class Answer(WidgetSpec):
    label = Text()
    """The answer as the reader sees it (Markdown)."""
    weight = optional(Number())
    """What choosing it adds to the score; an answer that `settles` the result or sets its floor (`at_least`)
    may leave it out, and then weighs as much as its question's heaviest answer."""
    settles = optional(Text())
    """The title of a band this answer leads to whatever the score: a red flag that no other answer can
    outweigh. It shows the result at once. When several answers settle, the latest of their bands (and of the
    score's) is shown."""
    at_least = optional(Text())
    """The title of the least serious band the result may show once this answer is chosen: a floor, so that
    answering more mild questions can never dilute a serious answer. A more serious score, or an answer that
    settles the result, still goes higher. Like `settles`, it shows the result at once."""
    because = optional(Text())
    """Why the answer settles the result or sets its floor, in words that follow "Because you said" (for
    example "they asked you to stop"); the answer's label is quoted when left out."""
    help = optional(Text())
    """Shown under the reason when this answer settles the result or sets its floor: help that fits this
    answer, such as a link to help lines (Markdown)."""


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
    result or sets its floor shows it at once (the score counts only once this many are answered)."""

    @classmethod
    def problems(cls, spec: dict[str, Any]) -> Iterator[Problem]:
        asked, total = spec["min_answered"], len(spec["questions"])
        if asked is not None and asked > total:
            yield Problem(("min_answered",), f"'min_answered' is {asked}, but the quiz has {total} questions.",
                          "Lower 'min_answered' or add questions.")
        titles = [band["title"] for band in spec["bands"]]
        for q, question in enumerate(spec["questions"], 1):
            for a, answer in enumerate(question["answers"], 1):
                yield from _answer_problems(("questions", q, "answers", a), q, a, answer, titles)


def _answer_problems(where: tuple[str | int, ...], q: int, a: int, answer: dict[str, Any],
                     titles: list[str]) -> Iterator[Problem]:
    settles, floor = answer["settles"], answer["at_least"]
    for name, title in (("settles", settles), ("at_least", floor)):
        if title is not None and title not in titles:
            yield Problem((*where, name), f"'{name}' names no band: '{title}'.",
                          f"{did_you_mean(title, titles)}Use the title of one of the bands: "
                          f"{', '.join(repr(t) for t in titles)}.")
    if settles is not None and floor is not None:
        yield Problem((*where, "at_least"), f"question {q}, answer {a} both settles the result and sets its floor.",
                      "Keep 'settles' if the answer decides the result on its own, or 'at_least' if the result "
                      "may still go higher; remove the other.")
    if floor is not None and titles and floor == titles[0]:
        yield Problem((*where, "at_least"), f"'at_least' names the mildest band, '{floor}': no result is milder, "
                      "so it changes nothing.", "Name a more serious band, or remove 'at_least'.")
    if answer["weight"] is None and settles is None and floor is None:
        yield Problem(where, f"question {q}, answer {a} has no 'weight'.",
                      "Give it 'weight: <number>', or 'settles: <band title>' if it decides the result.")
    for name in ("because", "help"):
        if answer[name] is not None and settles is None and floor is None:
            yield Problem((*where, name), f"'{name}' is only shown for an answer that settles the result or "
                          "sets its floor.", f"Add 'settles: <band title>' or 'at_least: <band title>', or "
                          f"remove '{name}'.")
