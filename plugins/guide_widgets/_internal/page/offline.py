"""The offline copy a reader may ask for: a service worker, written at the site's root once the site is built.

It holds the list of every file of this build and an id made from their contents. When the reader asks, the
browser installs it, and it stores every file in a cache named with the site's path and that id (all or
nothing: one missing file and nothing is kept). From then on it answers every request from that cache, so a
page never mixes two builds; a request for anything else goes to the network, and a page address it does not
know gets the stored 404 page when the network is gone. A new build is a new script: the browser installs it
beside the old one, and it takes over, dropping the old copy, once no page of the old build is open.
Nothing here runs for readers who did not ask: the pages never register it on their own.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import math
from pathlib import Path

from guide_widgets._internal.page.storage import SERVICE_WORKER, storage_names
from guide_widgets._internal.pins import PYODIDE_VERSION
from guide_widgets._internal.runtime.pyodide import PYODIDE_DIR

SIZE_TOKEN = "\u27e6gw-offline-mb\u27e7"
"""Where a page says how big the offline copy is; replaced once the whole site is written."""

_SCRIPT = Path(__file__).parent / "assets" / "offline-worker.js"


def site_files(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file() and p.name != SERVICE_WORKER)


def build_id(site: Path, files: list[Path], theme_dirs: list[Path]) -> str:
    """A short id of this build's content: every file's name, and the content of every file that no version
    stands for. The pinned Pyodide (the build checked it) and files copied unchanged from the theme (the same
    name and size as in the installed theme) are named by their version: hashing Pyodide's 13 MB and the
    theme's scripts on every build would slow every build down."""
    digest = hashlib.sha256(f"{PYODIDE_VERSION} {_theme_versions()}".encode())
    for path in files:
        relative = path.relative_to(site).as_posix()
        digest.update(relative.encode() + b"\0")
        if relative.startswith(f"{PYODIDE_DIR}/") or _from_theme(path, relative, theme_dirs):
            continue
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def _from_theme(path: Path, relative: str, theme_dirs: list[Path]) -> bool:
    size = path.stat().st_size
    for folder in theme_dirs:
        original = folder / relative
        if original.is_file() and original.stat().st_size == size:
            return True
    return False


def _theme_versions() -> str:
    try:
        return importlib.metadata.version("mkdocs-material")
    except importlib.metadata.PackageNotFoundError:
        return ""


def offline_megabytes(files: list[Path]) -> int:
    return max(1, math.ceil(sum(p.stat().st_size for p in files) / 1_000_000))


def write_offline_copy(site: Path, pages_with_size: list[Path], theme_dirs: list[Path] | None = None,
                       first: list[Path] | None = None) -> None:
    """Fills in the size where pages state it, then writes the service worker for this build. `theme_dirs`
    are the theme's folders (config.theme.dirs): files copied unchanged from there need no hashing. The
    worker lists the pages in `first` (the navigation's order) before every other file."""
    files = site_files(site)
    place = {path: index for index, path in enumerate(first or [])}
    listed = sorted(files, key=lambda path: place.get(path, len(place)))
    megabytes = str(offline_megabytes(files))
    for page in pages_with_size:
        page.write_text(page.read_text(encoding="utf-8").replace(SIZE_TOKEN, megabytes), encoding="utf-8")
    names = storage_names()
    facts = {
        "build": build_id(site, files, [Path(d) for d in theme_dirs or []]),
        "cache": names["offline"],
        "files": [_address(p.relative_to(site).as_posix()) for p in listed],
    }
    script = _SCRIPT.read_text(encoding="utf-8").replace("/*FACTS*/null", json.dumps(facts, separators=(",", ":")))
    (site / SERVICE_WORKER).write_text(script, encoding="utf-8")


def _address(relative: str) -> str:
    """The address a page is asked for by: `x/` for `x/index.html`."""
    if relative == "index.html":
        return "./"
    return relative[: -len("index.html")] if relative.endswith("/index.html") else relative
