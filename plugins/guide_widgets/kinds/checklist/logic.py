"""A checklist: the share of scored items ticked picks a result band; groups can be needed, and summarised.

`tally()` and `respond()` are the two halves of `evaluate()`, so that a kind extending the checklist can add
what it finds (more that is missing, more to show) before the band is chosen.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple, NotRequired, TypedDict

from guide_widgets.logic import (
    BandSpec,
    Context,
    Node,
    Result,
    band,
    el,
    parts,
    reached,
    result,
    say,
    say_text,
)


class GroupSpec(TypedDict):
    """One of `groups` as `evaluate` gets it (spec.py's `Group`); the optional texts are None when left out."""

    legend: str
    items: list[str]
    scored: bool
    other: str | None
    needed: str | None
    summary: str | None


class ChecklistSpec(TypedDict):
    """A checklist's `spec`, as the build validated it (spec.py's `Spec`); a kind that extends the checklist
    extends this too (`class MySpec(ChecklistSpec)`)."""

    groups: list[GroupSpec]
    bands: list[BandSpec]
    strings: NotRequired[dict[str, Any]]  # the block's own words, if any (the logic reads `context.words`)


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


def tally(spec: ChecklistSpec, fields: dict[str, Any]) -> Tally:
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
        needed, summary_line = group.get("needed"), group.get("summary")
        if not picked and needed:
            missing.append(needed)
        if picked and summary_line:
            summary.append(summary_line.replace("{items}", ", ".join(picked)))
    return Tally(ticked, total, missing, summary)


def band_for(score: float, bands: list[BandSpec], blocked: bool) -> int:
    """The highest band the score reaches; never the last band while something is missing."""
    index = reached(bands, score)
    if blocked and index == len(bands) - 1 and index > 0:
        index -= 1
    return index


def respond(spec: ChecklistSpec, context: Context, counted: Tally, missing_more: Sequence[str] = (),
            blocked: bool = False, after: Sequence[Node] = (), **facts: Any) -> Result:
    """The result: headline, band, summary, what is still missing, then anything a kind adds."""
    missing = [*counted.missing, *missing_more]
    score = 100.0 * counted.ticked / counted.total if counted.total else 0.0
    chosen = band_for(score, spec["bands"], blocked or bool(missing))
    view: list[Node] = [el("p", *say(context, "ticked", ticked=counted.ticked, total=counted.total),
                           cls="gw-headline"),
                        parts(counted.ticked, counted.total,
                              say_text(context, "ticked", ticked=counted.ticked, total=counted.total)),
                        band(chosen)]
    if counted.summary:
        view.append(el("p", " ".join(counted.summary)))
    if missing:
        view.append(el("p", *say(context, "missing"), cls="gw-subhead"))
        view.append(el("ul", *(el("li", item) for item in missing)))
    view += after
    return result(view, checked=counted.ticked, band=chosen, missing=missing, **facts)


def evaluate(spec: ChecklistSpec, fields: dict[str, Any], context: Context) -> Result:
    return respond(spec, context, tally(spec, fields))
