"""The pages' own pieces about the reader's device, and the "My plan" page the plugin adds.

Any page may hold two markers, written as HTML comments in its Markdown:

- `<!-- guide-widgets: stored-items -->` becomes the table of everything the site may store (storage.py);
- `<!-- guide-widgets: this-device -->` becomes the controls: remember answers, keep the guide offline,
  forget everything.

The plan page gathers a read-only copy of every widget of the site, in guide order. Each copy is keyed to its
original, shows the answers given there (in this visit, or remembered with consent) and works out their
result again with the same logic, so a result is never stale. It is filled in once every page has been
converted, when every widget is known.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from guide_widgets._internal.page.storage import stored_items
from guide_widgets._internal.widgets.blocks import PlacedWidget
from guide_widgets._internal.widgets.registry import Kind
from guide_widgets._internal.widgets.render import (
    PlanEntry,
    render_device,
    render_plan,
    render_stored_items,
    render_widget,
)
from guide_widgets._internal.widgets.strings import FRAME, Strings

PLAN = "plan"
MARKER = re.compile(r"<!--\s*guide-widgets:\s*([\w-]*)\s*-->")
PAGE_MARKERS = ("stored-items", "this-device")


class MarkerError(ValueError):
    """A marker naming nothing the plugin knows; the message names the line and the fix."""


def plan_markdown(frame: dict[str, Any]) -> str:
    return f"# {frame['plan_title']}\n\n{frame['plan_intro']}\n\n<!-- guide-widgets: {PLAN} -->\n"


def fill_markers(page_html: str, source: str, markdown: str, strings: Strings, scope: str) -> str:
    """The page with its markers replaced (the plan's is left for later)."""
    frame = strings[FRAME]
    problems = []
    for match in MARKER.finditer(markdown):
        if match.group(1) not in (*PAGE_MARKERS, PLAN):
            line = markdown.count("\n", 0, match.start()) + 1
            problems.append(f"{source}:{line}: unknown marker '{match.group(0)}'. Fix: write "
                            + " or ".join(f"'<!-- guide-widgets: {name} -->'" for name in PAGE_MARKERS) + ".")
    if problems:
        raise MarkerError("\n".join(problems))
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        name = match.group(1)
        if name == "stored-items":
            return render_stored_items(frame, stored_items(scope))
        if name == "this-device":
            count += 1
            return render_device(strings, f"gw-device-{count}", offline=True)
        return match.group(0)

    return MARKER.sub(replace, page_html)


@dataclass(frozen=True)
class PlanContext:
    kinds: dict[str, Kind]
    strings: Strings
    language: str
    link_for: Callable[[PlacedWidget, str], str | None]
    """The link from the plan page to a widget's page (with "#id" for the widget), or to one of its anchors."""
    title_for: Callable[[PlacedWidget], str]


def plan_html(placed: list[PlacedWidget], plan: PlanContext) -> str:
    """The plan's entries, one per widget, with the controls for downloading, printing and this device."""
    entries = []
    for number, widget in enumerate(placed, start=1):
        hrefs = {anchor: plan.link_for(widget, anchor) or "#" for anchor in widget.links}
        copy = render_widget(plan.kinds[widget.kind], f"plan-{number}", widget.title, widget.spec, hrefs,
                             plan.strings, plan.language, key=widget.key, plan=True)
        entries.append(PlanEntry(plan.title_for(widget), plan.link_for(widget, "") or "#", copy))
    return render_plan(entries, plan.strings)
