"""The pinned Pyodide: its version, the files a browser needs from it, finding and installing them.

The files come from the npm package: `guide-widgets setup` downloads it from the npm registry, checks it
against the pinned integrity and unpacks it into node_modules/pyodide (no Node needed); `npm ci` (the
starter's package-lock.json) or `npm install --save-exact pyodide@<version>` put the same files there; any
folder holding the same pinned files does too. A folder of another version or build is refused with one line
naming the fix, in commands the author has.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guide_widgets._internal.pins import (
    PYODIDE_FILES,
    PYODIDE_INTEGRITY,
    PYODIDE_SIZES,
    PYODIDE_VERSION,
)

PYODIDE_DIR = "assets/pyodide"


class RuntimeMissing(RuntimeError):
    """Pyodide is not installed as pinned; the message is one line naming the command that fixes it."""


@dataclass(frozen=True)
class Pyodide:
    folder: Path
    lock_info: dict[str, Any]

    def files(self) -> list[Path]:
        return [self.folder / name for name in PYODIDE_FILES]


SETUP = "guide-widgets setup"
"""The command that installs the pinned Pyodide: it comes with the plugin, so every author has it."""
NPM_INSTALL = f"npm install --save-exact pyodide@{PYODIDE_VERSION}"
"""The same with npm, for a project that keeps its packages with npm."""
NPM_REGISTRY = "https://registry.npmjs.org"


def _install_fix(folder: Path) -> str:
    """How to put the pinned Pyodide into `folder`, in commands this project has: `npm ci` where its lock file
    pins Pyodide, else the plugin's own command."""
    project = folder.parent.parent if folder.parent.name == "node_modules" else folder.parent
    lock = project / "package-lock.json"
    try:
        pinned = '"node_modules/pyodide"' in lock.read_text(encoding="utf-8")
    except OSError:
        pinned = False
    if pinned:
        return f"run `npm ci` in the project folder (or `{SETUP}`)"
    return f"run `{SETUP}` in the folder of mkdocs.yml"


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
    fix = _install_fix(folder) if npm else (f"copy the files of Pyodide {PYODIDE_VERSION} ({', '.join(PYODIDE_FILES)}, "
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


_REGISTRY_SETTINGS = ("npm_config_registry", "NPM_CONFIG_REGISTRY")
"""Where npm reads another registry from, as npm spells it (and in capitals)."""


class InstallFailed(RuntimeError):
    """The pinned Pyodide could not be downloaded or did not match its integrity; the message names the fix."""


def install_pyodide(folder: Path, registry: str | None = None) -> None:
    """Downloads the pinned Pyodide package from the npm registry (`registry`, else $npm_config_registry, else
    npm's own), checks it against the pinned integrity and unpacks it into `folder`, replacing what was there."""
    configured = next((os.environ[name] for name in _REGISTRY_SETTINGS if os.environ.get(name)), None)
    base = (registry or configured or NPM_REGISTRY).rstrip("/")
    url = f"{base}/pyodide/-/pyodide-{PYODIDE_VERSION}.tgz"
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            data = response.read()
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise InstallFailed(f"{url} could not be downloaded ({reason}). Fix: check the connection and run "
                            f"`{SETUP}` again, or install it with npm: `{NPM_INSTALL}`.") from exc
    algorithm, _, expected = PYODIDE_INTEGRITY.partition("-")
    if base64.b64encode(hashlib.new(algorithm, data).digest()).decode() != expected:
        raise InstallFailed(f"{url} is not the Pyodide {PYODIDE_VERSION} package npm publishes (its {algorithm} "
                            f"differs). Fix: run `{SETUP}` again; if it says this again, the registry serves "
                            "another file: use npm's own registry.")
    folder.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=folder.parent) as scratch:
        unpacked = Path(scratch)
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            _unpack(archive, unpacked)
        if folder.exists():
            shutil.rmtree(folder)
        (unpacked / "package").rename(folder)


def _unpack(archive: tarfile.TarFile, target: Path) -> None:
    """The archive's regular files and folders under `target`, and nothing that would land outside it (the
    checksum vouches for the package; this keeps a Python without tarfile's filters as safe)."""
    root = target.resolve()
    for member in archive.getmembers():
        path = (target / member.name).resolve()
        if not path.is_relative_to(root) or not (member.isfile() or member.isdir()):
            continue
        if member.isdir():
            path.mkdir(parents=True, exist_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        source = archive.extractfile(member)
        assert source is not None
        with source, path.open("wb") as out:
            shutil.copyfileobj(source, out)
