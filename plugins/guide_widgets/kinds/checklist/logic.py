"""A checklist: the share of scored items ticked picks a result band; groups can be needed, and summarised.

`tally()` and `respond()` are the two halves of `evaluate()`, so that a kind extending the checklist can add
what it finds (more that is missing, more to show) before the band is chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from guide_widgets.logic import Context, Node, band, el, reached, result, say


class Tally(NamedTuple):
    ticked: int
    total: int
    missing: list[str]
    summary: list[str]


def picks(fields: dict[str, Any], name: str, items: list[str]) -> list[str]:
    """The items ticked in a group, in the list's order, then the reader's own words if any."""
    raw = fields.get(name) or []
    chosen = sorted({int(v) for v in raw if str(v).isdigit() and int(v) < len(items)})
    other = str(fields.get(f"{name}_other") or "").strip()
    return [items[i] for i in chosen] + ([other] if other else [])


def tally(spec: dict[str, Any], fields: dict[str, Any]) -> Tally:
    ticked = total = 0
    missing: list[str] = []
    summary: list[str] = []
    for number, group in enumerate(spec["groups"], 1):
        picked = picks(fields, f"g{number}", group["items"])
        if group["scored"]:
            listed = set(picked)
            total += len(group["items"])
            ticked += sum(1 for item in group["items"] if item in listed)
            missing += [item for item in group["items"] if item not in listed]
        if not picked and group.get("needed"):
            missing.append(group["needed"])
        if picked and group.get("summary"):
            summary.append(group["summary"].replace("{items}", ", ".join(picked)))
    return Tally(ticked, total, missing, summary)


def band_for(score: float, bands: list[dict[str, Any]], blocked: bool) -> int:
    """The highest band the score reaches; never the last band while something is missing."""
    index = reached(bands, score)
    if blocked and index == len(bands) - 1 and index > 0:
        index -= 1
    return index


def respond(spec: dict[str, Any], context: Context, counted: Tally, missing_more: Sequence[str] = (),
            blocked: bool = False, after: Sequence[Node] = (), **facts: Any) -> dict[str, Any]:
    """The result: headline, band, summary, what is still missing, then anything a kind adds."""
    missing = [*counted.missing, *missing_more]
    score = 100.0 * counted.ticked / counted.total if counted.total else 0.0
    chosen = band_for(score, spec["bands"], blocked or bool(missing))
    view: list[Node] = [el("p", *say(context, "ticked", ticked=counted.ticked, total=counted.total),
                           cls="gw-headline"), band(chosen)]
    if counted.summary:
        view.append(el("p", " ".join(counted.summary)))
    if missing:
        view.append(el("p", *say(context, "missing"), cls="gw-subhead"))
        view.append(el("ul", *(el("li", item) for item in missing)))
    view += after
    return result(view, checked=counted.ticked, band=chosen, missing=missing, **facts)


def evaluate(spec: dict[str, Any], fields: dict[str, Any], context: Context) -> dict[str, Any]:
    return respond(spec, context, tally(spec, fields))
