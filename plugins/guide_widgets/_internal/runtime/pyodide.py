"""The pinned Pyodide: its version, the files a browser needs from it, and finding them on this machine.

The files come from the npm package that `npm install pyodide@<version>` (or the starter's `npm ci`) puts in
node_modules, or from any folder holding the same pinned files. A folder of another version or build is
refused with one line naming the fix.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guide_widgets._internal.pins import PYODIDE_FILES, PYODIDE_SIZES, PYODIDE_VERSION

PYODIDE_DIR = "assets/pyodide"


class RuntimeMissing(RuntimeError):
    """Pyodide is not installed as pinned; the message is one line naming the command that fixes it."""


@dataclass(frozen=True)
class Pyodide:
    folder: Path
    lock_info: dict[str, Any]

    def files(self) -> list[Path]:
        return [self.folder / name for name in PYODIDE_FILES]


DEFAULT_PYODIDE_DIR = "node_modules/pyodide"
_NPM_FIX = "run `npm ci` in the project folder (or ./scripts/setup)"


def link_or_copy(source: Path, target: Path) -> None:
    """`target` as a hard link to `source` (the runtime's files never change, and linking 13 MB is free),
    or a copy where the two are on different file systems."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    try:
        target.hardlink_to(source)
    except OSError:
        shutil.copyfile(source, target)


def find_pyodide(folder: Path) -> Pyodide:
    """The Pyodide files in `folder`, checked to be the pinned version's: the npm package that `npm ci`
    installs, or any folder holding the same files. A problem is one line that names its fix."""
    npm = (folder / "package.json").is_file() or (folder.name == "pyodide" and folder.parent.name == "node_modules")
    fix = _NPM_FIX if npm else (f"copy the files of Pyodide {PYODIDE_VERSION} ({', '.join(PYODIDE_FILES)}, "
                                f"pyodide-lock.json) into it, or point pyodide_dir at node_modules/pyodide")
    if npm:
        try:
            installed = json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]
        except (OSError, ValueError, KeyError):
            raise RuntimeMissing(f"Pyodide {PYODIDE_VERSION} is not installed in {folder}: {fix}.") from None
        if installed != PYODIDE_VERSION:
            raise RuntimeMissing(f"Pyodide {installed} is installed in {folder}, but this site needs "
                                 f"{PYODIDE_VERSION}: {fix}.")
    elif not folder.is_dir():
        raise RuntimeMissing(f"The Pyodide folder {folder} does not exist: {fix}.")
    missing = [name for name in (*PYODIDE_FILES, "pyodide-lock.json") if not (folder / name).is_file()]
    if missing:
        raise RuntimeMissing(f"Pyodide in {folder} lacks {', '.join(missing)}: {fix}.")
    other = [name for name, size in PYODIDE_SIZES.items() if (folder / name).stat().st_size != size]
    if other or f'"{PYODIDE_VERSION}"'.encode() not in (folder / "pyodide.mjs").read_bytes():
        raise RuntimeMissing(f"The Pyodide files in {folder} are not those of Pyodide {PYODIDE_VERSION} "
                             f"({', '.join(other or ['pyodide.mjs'])} differ): {fix}.")
    lock = json.loads((folder / "pyodide-lock.json").read_text(encoding="utf-8"))
    return Pyodide(folder=folder, lock_info=lock["info"])
