"""A quiz: weighted answers add up to a score, and the score picks one of the author's result bands.

Questions may be left open. The quiz gives no verdict until `min_answered` questions have answers; the
score is the share of the highest possible weight among the questions answered so far.

Two kinds of answer weigh more than any number: an answer may settle the result (`settles: <band title>`), a
red flag that no number of mild answers can outvote, or set its floor (`at_least: <band title>`), the least
serious band the result may show. Either shows the result at once, however few questions are answered, and
the result says which answer put it there. The band shown is the most serious of the score's (once enough is
answered), the floors' and the settled ones', so a serious answer is never diluted by mild ones.
"""

from __future__ import annotations

from typing import Any, Literal, NamedTuple, NotRequired, TypedDict

from guide_widgets.logic import (
    BandSpec,
    Context,
    Node,
    Result,
    band,
    el,
    part,
    reached,
    result,
    say,
    say_text,
    scale,
)


class AnswerSpec(TypedDict):
    """One of a question's `answers` as `evaluate` gets it (spec.py's `Answer`): all but `label` None when left
    out."""

    label: str
    weight: float | None
    settles: str | None
    at_least: str | None
    because: str | None
    help: str | None


class QuestionSpec(TypedDict):
    """One of `questions` as `evaluate` gets it (spec.py's `Question`)."""

    text: str
    answers: list[AnswerSpec]


class QuizSpec(TypedDict):
    """A quiz's `spec`, as the build validated it (spec.py's `Spec`); `min_answered` is None when left out."""

    questions: list[QuestionSpec]
    bands: list[BandSpec]
    min_answered: int | None
    strings: NotRequired[dict[str, Any]]  # the block's own words, if any (the logic reads `context.words`)


class Marked(NamedTuple):
    """A chosen answer that settles the result or sets its floor."""

    band: int
    question: int
    answer: int
    spec: AnswerSpec


def answers_of(spec: QuizSpec, fields: dict[str, Any], context: Context) -> tuple[dict[int, int], dict[str, str]]:
    """The chosen answer index per question index, and messages for values that are not answers."""
    chosen: dict[int, int] = {}
    errors: dict[str, str] = {}
    for index, question in enumerate(spec["questions"]):
        name = f"q{index + 1}"
        raw = str(fields.get(name) or "").strip()
        if not raw:
            continue
        if raw.isdigit() and int(raw) < len(question["answers"]):
            chosen[index] = int(raw)
        else:
            errors[name] = say_text(context, "choose")
    return chosen, errors


def _heaviest(question: QuestionSpec) -> float:
    """The most a question can add to the score: its heaviest weight (a decisive answer without one weighs as much)."""
    return max((float(weight) for a in question["answers"] if (weight := a.get("weight")) is not None), default=0.0)


def score(spec: QuizSpec, chosen: dict[int, int]) -> float:
    """Percent of the highest weight possible over the answered questions (0 when nothing counts)."""
    got = best = 0.0
    for q, a in chosen.items():
        question = spec["questions"][q]
        heaviest = _heaviest(question)
        weight = question["answers"][a].get("weight")
        got += heaviest if weight is None else float(weight)
        best += heaviest
    return 100.0 * got / best if best > 0 else 0.0


def marked(spec: QuizSpec, chosen: dict[int, int], option: Literal["settles", "at_least"]) -> list[Marked]:
    """Every chosen answer with `option` (`settles` or `at_least`) naming a band, in question order."""
    titles = {item.get("title"): index for index, item in enumerate(spec["bands"])}
    found = []
    for q, a in sorted(chosen.items()):
        answer = spec["questions"][q]["answers"][a]
        title = answer.get(option)
        if title is not None and title in titles:
            found.append(Marked(titles[title], q, a, answer))
    return found


def settled(spec: QuizSpec, chosen: dict[int, int]) -> list[Marked]:
    """The chosen answers that settle the result."""
    return marked(spec, chosen, "settles")


def floors(spec: QuizSpec, chosen: dict[int, int]) -> list[Marked]:
    """The chosen answers that set the least serious band the result may show."""
    return marked(spec, chosen, "at_least")


def _reasons(context: Context, answers: list[Marked], closing: str) -> list[Node]:
    lines: list[Node] = []
    for found in answers:
        answer = found.spec
        lines.append(el("p", *(say(context, "because", reason=answer["because"]) if answer.get("because")
                               else say(context, "because_answer", answer=answer["label"]))))
        if answer.get("help"):
            lines.append(part(f"q{found.question + 1}-{found.answer}"))
    lines.append(el("p", *say(context, closing, count=len(answers))))
    return lines


class Verdict(NamedTuple):
    """Where a set of answers leads, before any words are put to it."""

    band: int | None
    """The band shown; None while too few questions are answered and no answer settles or sets a floor."""
    score: float | None
    """The score, once enough questions are answered."""
    deciding: list[Marked]
    """The answers that settle the result at the band shown."""
    holding: list[Marked]
    """The floors that hold the result at the band shown (when nothing settles it there)."""
    floor: int | None
    """The least serious band the chosen floors allow."""


def verdict(spec: QuizSpec, chosen: dict[int, int]) -> Verdict:
    """The band a set of chosen answers leads to: the most serious of the score's (once enough questions are
    answered), the floors' and the settled ones'."""
    needed = spec.get("min_answered") or len(spec["questions"])
    decisive, floor = settled(spec, chosen), floors(spec, chosen)
    enough = len(chosen) >= needed
    lowest = max((found.band for found in floor), default=None)
    if not enough and not decisive and not floor:
        return Verdict(None, None, [], [], None)
    percent = score(spec, chosen)
    chosen_band = max(reached(spec["bands"], percent) if enough else 0, lowest or 0,
                      *(found.band for found in decisive))
    deciding = [found for found in decisive if found.band == chosen_band]
    holding = [found for found in floor if found.band == chosen_band] if not deciding else []
    return Verdict(chosen_band, round(percent, 2) if enough else None, deciding, holding, lowest)


def _scale(spec: QuizSpec, found: Verdict, context: Context) -> Node:
    """The bands as a scale, the result's band chosen and the score marked (not where an answer settles it)."""
    assert found.band is not None
    title = str(spec["bands"][found.band].get("title") or "")
    if found.deciding:
        label = say_text(context, "scale_settled", band=title)
    elif found.score is None:
        label = say_text(context, "scale_floor_only", band=title)
    elif found.holding:
        label = say_text(context, "scale_floor", score=round(found.score), band=title)
    else:
        label = say_text(context, "scale", score=round(found.score), band=title)
    return scale([item["min"] for item in spec["bands"]], found.score, found.band, label,
                 settled=bool(found.deciding))


def evaluate(spec: QuizSpec, fields: dict[str, Any], context: Context) -> Result:
    chosen, errors = answers_of(spec, fields, context)
    total = len(spec["questions"])
    open_count = total - len(chosen)
    found = verdict(spec, chosen)
    if found.band is None:
        more = (spec.get("min_answered") or total) - len(chosen)
        view: list[Node] = [el("p", *say(context, "answered", answered=len(chosen), total=total), cls="gw-headline"),
                            el("p", *say(context, "answer_more", count=more))]
        return result(view, errors, answered=len(chosen), remaining=open_count, band=None, score=None,
                      settled=False, floor=None)
    view = [el("p", *say(context, "based_on", answered=len(chosen), total=total), cls="gw-headline"),
            _scale(spec, found, context)]
    if found.deciding:
        view += _reasons(context, found.deciding, "settled")
    elif found.holding:
        view += _reasons(context, found.holding, "floor")
    view.append(band(found.band))
    if open_count and not found.deciding:
        view.append(el("p", *say(context, "still_open", count=open_count)))
    return result(view, errors, answered=len(chosen), remaining=open_count, band=found.band, score=found.score,
                  settled=bool(found.deciding), floor=found.floor)
