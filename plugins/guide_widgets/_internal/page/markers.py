"""The pages' own pieces about the reader's device, from markers any page may hold in its Markdown:

- `<!-- guide-widgets: stored-items -->` becomes the table of everything the site may store (storage.py);
- `<!-- guide-widgets: this-device -->` becomes the controls: remember answers, keep the guide offline,
  forget everything.

(`<!-- guide-widgets: plan -->` is the plan page's own, filled in once every widget is known.)
"""

from __future__ import annotations

import re

from guide_widgets._internal.page.storage import stored_items
from guide_widgets._internal.widgets.plan import PLAN
from guide_widgets._internal.widgets.render import Renderer
from guide_widgets._internal.widgets.strings import FRAME, Strings

MARKER = re.compile(r"<!--\s*guide-widgets:\s*([\w-]*)\s*-->")
PAGE_MARKERS = ("stored-items", "this-device")


class MarkerError(ValueError):
    """A marker naming nothing the plugin knows; the message names the line and the fix."""


def fill_markers(page_html: str, source: str, markdown: str, strings: Strings, scope: str,
                 renderer: Renderer) -> str:
    """The page with its markers replaced (the plan's is left for later), rendered by the build's `renderer`."""
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
            return renderer.stored_items(frame, stored_items(scope))
        if name == "this-device":
            count += 1
            return renderer.device(strings, f"gw-device-{count}", offline=True)
        return match.group(0)

    return MARKER.sub(replace, page_html)
