"""A quiz: weighted answers add up to a score, and the score picks one of the author's result bands.

Questions may be left open. The quiz gives no verdict until `min_answered` questions have answers; the
score is the share of the highest possible weight among the questions answered so far.
"""

from __future__ import annotations

from typing import Any

from guide_widgets.logic import Node, band, el, reached, result, say, say_text


def answers_of(spec: dict[str, Any], fields: dict[str, Any]) -> tuple[dict[int, int], dict[str, str]]:
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
            errors[name] = say_text(spec, "choose")
    return chosen, errors


def score(spec: dict[str, Any], chosen: dict[int, int]) -> float:
    """Percent of the highest weight possible over the answered questions (0 when nothing counts)."""
    questions = spec["questions"]
    got = sum(questions[q]["answers"][a]["weight"] for q, a in chosen.items())
    best = sum(max(answer["weight"] for answer in questions[q]["answers"]) for q in chosen)
    return 100.0 * got / best if best > 0 else 0.0


def evaluate(spec: dict[str, Any], fields: dict[str, Any], today: str) -> dict[str, Any]:
    chosen, errors = answers_of(spec, fields)
    total = len(spec["questions"])
    needed = spec.get("min_answered") or total
    open_count = total - len(chosen)
    if len(chosen) < needed:
        more = needed - len(chosen)
        view: list[Node] = [el("p", *say(spec, "answered", answered=len(chosen), total=total), cls="gw-headline"),
                            el("p", *say(spec, "answer_more", count=more))]
        return result(view, errors, answered=len(chosen), remaining=open_count, band=None, score=None)
    percent = score(spec, chosen)
    chosen_band = reached(spec["bands"], percent)
    view = [el("p", *say(spec, "based_on", answered=len(chosen), total=total), cls="gw-headline"), band(chosen_band)]
    if open_count:
        view.append(el("p", *say(spec, "still_open", count=open_count)))
    return result(view, errors, answered=len(chosen), remaining=open_count, band=chosen_band,
                  score=round(percent, 2))
