"""A quiz: weighted answers add up to a score, and the score picks one of the author's result bands.

Questions may be left open. The quiz gives no verdict until `min_answered` questions have answers; the
score is the share of the highest possible weight among the questions answered so far.

An answer may instead settle the result (`settles: <band title>`): a red flag that no number of mild answers
can outvote. It shows its band at once, whatever the score and however few questions are answered, and the
result says which answer decided it. Several decisive answers lead to the latest (most serious) of their
bands, and never to a milder band than the score's.
"""

from __future__ import annotations

from typing import Any

from guide_widgets.logic import Context, Node, band, el, reached, result, say, say_text


def answers_of(spec: dict[str, Any], fields: dict[str, Any], context: Context) -> tuple[dict[int, int], dict[str, str]]:
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


def _weight(question: dict[str, Any], answer: dict[str, Any]) -> float:
    """An answer's weight; a decisive answer without one counts as the question's heaviest."""
    weight = answer.get("weight")
    if weight is not None:
        return float(weight)
    return max((float(a["weight"]) for a in question["answers"] if a.get("weight") is not None), default=0.0)


def score(spec: dict[str, Any], chosen: dict[int, int]) -> float:
    """Percent of the highest weight possible over the answered questions (0 when nothing counts)."""
    questions = spec["questions"]
    got = sum(_weight(questions[q], questions[q]["answers"][a]) for q, a in chosen.items())
    best = sum(max(_weight(questions[q], answer) for answer in questions[q]["answers"]) for q in chosen)
    return 100.0 * got / best if best > 0 else 0.0


def settled(spec: dict[str, Any], chosen: dict[int, int]) -> list[tuple[int, dict[str, Any]]]:
    """(band index, answer) for every chosen answer that settles the result, in question order."""
    titles = [item.get("title") for item in spec["bands"]]
    found = []
    for q, a in sorted(chosen.items()):
        answer = spec["questions"][q]["answers"][a]
        if answer.get("settles") is not None and answer["settles"] in titles:
            found.append((titles.index(answer["settles"]), answer))
    return found


def _reasons(context: Context, decisive: list[dict[str, Any]]) -> list[Node]:
    lines = [el("p", *(say(context, "because", reason=answer["because"]) if answer.get("because")
                       else say(context, "because_answer", answer=answer["label"])))
             for answer in decisive]
    lines.append(el("p", *say(context, "settled", count=len(decisive))))
    return lines


def evaluate(spec: dict[str, Any], fields: dict[str, Any], context: Context) -> dict[str, Any]:
    chosen, errors = answers_of(spec, fields, context)
    total = len(spec["questions"])
    needed = spec.get("min_answered") or total
    open_count = total - len(chosen)
    decisive = settled(spec, chosen)
    if len(chosen) < needed and not decisive:
        more = needed - len(chosen)
        view: list[Node] = [el("p", *say(context, "answered", answered=len(chosen), total=total), cls="gw-headline"),
                            el("p", *say(context, "answer_more", count=more))]
        return result(view, errors, answered=len(chosen), remaining=open_count, band=None, score=None,
                      settled=False)
    percent = score(spec, chosen)
    chosen_band = max([reached(spec["bands"], percent), *(index for index, _ in decisive)])
    deciding = [answer for index, answer in decisive if index == chosen_band]
    view = [el("p", *say(context, "based_on", answered=len(chosen), total=total), cls="gw-headline")]
    if deciding:
        view += _reasons(context, deciding)
    view.append(band(chosen_band))
    if open_count and not deciding:
        view.append(el("p", *say(context, "still_open", count=open_count)))
    return result(view, errors, answered=len(chosen), remaining=open_count, band=chosen_band,
                  score=round(percent, 2), settled=bool(deciding))
