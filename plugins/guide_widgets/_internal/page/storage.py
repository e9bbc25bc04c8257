"""Everything the site may keep in the reader's browser: one table, read by the code that stores and by the
privacy page that lists it, so the two cannot drift apart.

Nothing here is written until the reader asks (remembering answers, keeping the guide offline), except the
Python snapshot, which holds no reader input, and the theme's own light/dark choice. Names that live in
origin-wide storage carry the site's path (`{scope}`), so two guides on one domain never mix or remove each
other's data. The script fills `{scope}` in from its own address; the privacy page from `site_url`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StoredItem:
    key: str
    """The item's name in code, and the suffix of its strings (`holds_<key>`, `remove_<key>`, `forgot_<key>`)."""
    name: str
    """Its name in the browser; `{scope}` is the site's path, `{build}` a build's id."""
    where: str
    """`local` (localStorage), `cache` (Cache Storage) or `worker` (a service worker registration)."""


STORED_ITEMS = (
    StoredItem("consent", "{scope}guide-widgets.remember", "local"),
    StoredItem("answers", "{scope}guide-widgets.answers", "local"),
    StoredItem("snapshot", "guide-widgets-python {scope}", "cache"),
    StoredItem("offline", "guide-widgets-offline {scope} {build}", "cache"),
    StoredItem("worker", "{scope}guide-widgets-sw.js", "worker"),
    StoredItem("palette", "{scope}.__palette", "local"),  # Material's own key for the light/dark choice
)

SERVICE_WORKER = "guide-widgets-sw.js"
"""The offline copy's script, at the site's root so that its scope is the whole site."""


def storage_names() -> dict[str, str]:
    """key -> name, as the browser script receives them."""
    return {item.key: item.name for item in STORED_ITEMS}


def stored_items(scope: str) -> list[dict[str, str]]:
    """Every stored item as the privacy page lists it: its name for a site under `scope`, where, and its key."""
    return [{"name": item.name.replace("{scope}", scope).replace("{build}", "…"), "where": item.where,
             "key": item.key} for item in STORED_ITEMS]
