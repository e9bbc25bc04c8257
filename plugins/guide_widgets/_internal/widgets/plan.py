"""The "My plan" page the plugin adds: a read-only copy of every widget of the site, in the navigation's order.

Each copy is keyed to its original, shows the answers given there (in this visit, or remembered with consent)
and works out their result again with the same logic, so a result is never stale. It is filled in once every
page has been converted, when every widget is known.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from guide_widgets._internal.widgets.blocks import PlacedWidget
from guide_widgets._internal.widgets.registry import Kind
from guide_widgets._internal.widgets.render import PlanEntry, Renderer
from guide_widgets._internal.widgets.strings import Strings

PLAN = "plan"


def plan_markdown(frame: dict[str, Any]) -> str:
    return f"# {frame['plan_title']}\n\n{frame['plan_intro']}\n\n<!-- guide-widgets: {PLAN} -->\n"


@dataclass(frozen=True)
class PlanContext:
    renderer: Renderer
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
        copy = plan.renderer.widget(plan.kinds[widget.kind], f"plan-{number}", widget.title, widget.spec, hrefs,
                                    plan.strings, plan.language, key=widget.key, plan=True)
        entries.append(PlanEntry(plan.title_for(widget), plan.link_for(widget, "") or "#", copy))
    return plan.renderer.plan(entries, plan.strings)
