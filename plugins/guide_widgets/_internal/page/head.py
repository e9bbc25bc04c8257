"""What a page's head gets from us: the site's facts on widget pages, the starter, our module.

The facts tell the page's script and the worker which files to fetch and boot with (the logic archive, the
standard library, the Python made ready at build time), the frame's words and what may be stored.
"""

from __future__ import annotations

import html
import posixpath
from typing import Any

from guide_widgets._internal.data import compact_json
from guide_widgets._internal.page.storage import storage_names
from guide_widgets._internal.pins import FULL_STDLIB, PYODIDE_GZIP_SIZES, PYODIDE_SIZES, PYODIDE_VERSION
from guide_widgets._internal.runtime.pyodide import Pyodide


def download_size(stdlib: bytes | None, logic_bytes: int) -> int:
    """Bytes that starting Python downloads, as a server that compresses sends them: the runtime, the standard
    library (reduced, or Pyodide's whole archive when `stdlib` is None) and the logic archive."""
    stdlib_bytes = len(stdlib) if stdlib is not None else PYODIDE_SIZES[FULL_STDLIB]
    return sum(PYODIDE_GZIP_SIZES.values()) + stdlib_bytes + logic_bytes


def page_runtime(pyodide: Pyodide, logic_name: str, frame_strings: dict[str, Any], stdlib: str,
                 download: int, prepared: dict[str, Any] | None) -> dict[str, Any]:
    """What a widget page tells its script and the worker: file names (the logic archive, the standard-library
    archive to boot with), the Pyodide facts to check and boot with, the frame's words in the page's language,
    the names of what it may store (storage.py), how many bytes starting Python downloads, and the Python made
    ready at build time, if there is one (snapshot.py: its file, the archive it boots with, its size)."""
    return {"version": PYODIDE_VERSION, "logic": logic_name, "stdlib": stdlib, "fullStdlib": FULL_STDLIB,
            "lock": pyodide.lock_info, "strings": frame_strings, "storage": storage_names(), "download": download,
            "prepared": prepared}


def boot_facts(facts: dict[str, Any]) -> dict[str, Any]:
    """The part of the site's facts that the head's starter boots Python with (start.js): a widget page carries
    these in its head, and facts.js carries them all (words included) once for the site."""
    return {**{key: facts[key] for key in ("version", "logic", "stdlib", "fullStdlib", "lock", "prepared")},
            "storage": {"snapshot": facts["storage"]["snapshot"]}}


def head_tags(script_url: str, runtime: dict[str, Any] | None, starter: str) -> str:
    """What every page's head gets, early (after the charset, before the stylesheets): on widget pages the
    site's facts, then the inline starter (start.js: it starts Python at once on a widget page, and is how
    python.js starts any later worker; `starter` is its text, from `starter_script`; it learns where our
    assets are from its `data-assets`), then our module (with what it imports bundled in, see `bundled`).

    The module is async: it runs as soon as it has arrived, binds the widgets once the document is ready,
    and again after each of Material's instant page changes.
    """
    tags = ""
    if runtime is not None:
        tags += f'<meta name="guide-widgets" content="{html.escape(compact_json(runtime))}">'
    assets = posixpath.dirname(script_url) + "/"
    tags += f'<script data-assets="{html.escape(assets)}">{starter}</script>'
    tags += f'<script type="module" async src="{html.escape(script_url)}"></script>'
    return tags
