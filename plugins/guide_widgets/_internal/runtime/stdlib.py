"""A reduced standard-library archive: only the files Pyodide's start-up and the widget logic load.

Pyodide's `python_stdlib.zip` is about 2.5 MB, of which a widget page's Python loads under a third. The build
boots the pinned Pyodide in Node the way the browser's worker does (node/stdlib_record.mjs), imports the logic,
lets every kind answer, makes a snapshot, and lists the archive's files that Python loaded. Those files make
`python_stdlib-<hash>.zip`, which the worker boots with (Pyodide's `stdLibURL`). The full archive stays in the
site: a worker whose logic imports anything else starts again with it, so a missing module costs time, never
an answer.

Recording takes a few seconds, so its result is kept in a cache folder, keyed by the Pyodide version, the
logic archive (whose name carries its hash) and the recorder itself: rebuilds reuse it. Without Node, the site
ships the full archive only, and the build says so.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from guide_widgets._internal.cache import cache_folder, keep, used
from guide_widgets._internal.pins import FULL_STDLIB, PYODIDE_VERSION
from guide_widgets._internal.runtime.archive import ZIP_TIME

RECORDER = Path(__file__).resolve().parent / "node" / "stdlib_record.mjs"
KEPT = 6
"""How many reduced standard libraries the build's cache keeps: the most recently made or used."""


@dataclass(frozen=True)
class Stdlib:
    name: str
    """The archive the worker boots with: the reduced one, or the full one when it could not be made."""
    data: bytes | None
    """The reduced archive's bytes (None: the full one is used)."""
    note: str = ""
    """Why the full archive is used, for the build's log."""


def _key(logic_name: str) -> str:
    recorder = hashlib.sha256(RECORDER.read_bytes()).hexdigest()[:12]
    return hashlib.sha256(f"{PYODIDE_VERSION} {logic_name} {recorder}".encode()).hexdigest()[:20]


def run_node(arguments: list[str], what: str, **options: Any) -> dict[str, Any]:
    """The JSON a Node script prints on its last line (`arguments`: the script and its arguments; `options`
    go to subprocess.run). Raises RuntimeError when there is no Node or the script fails, saying `what` it
    was doing."""
    node = shutil.which("node")
    if node is None:
        raise RuntimeError("Node.js is not installed")
    done = subprocess.run([node, *arguments], capture_output=True, text=True, timeout=300, check=False, **options)
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed: {(done.stderr or done.stdout).strip()[-500:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def record_files(pyodide_folder: Path, logic_bytes: bytes, requests: list[str] | None = None,
                 stdlib_url: str | None = None) -> list[str]:
    """The archive entries Python loads for this logic, from a run of the recorder (raises on failure)."""
    with tempfile.TemporaryDirectory(prefix="guide-widgets-") as folder:
        logic = Path(folder) / "logic.zip"
        logic.write_bytes(logic_bytes)
        asked = Path(folder) / "requests.json"
        asked.write_text(json.dumps(requests or []), encoding="utf-8")
        arguments = [str(RECORDER), str(pyodide_folder.resolve()), str(logic), str(asked)]
        report = run_node(arguments + ([stdlib_url] if stdlib_url else []), "recording the modules")
    return list(report["files"])


def reduced_archive(full: Path, files: list[str]) -> bytes:
    """The full archive's entries for `files` (and their packages' folders), as a reproducible zip."""
    wanted = set(files)
    folders = {"/".join(name.split("/")[:depth]) + "/" for name in wanted for depth in range(1, name.count("/") + 1)}
    buffer = io.BytesIO()
    with zipfile.ZipFile(full) as source, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for info in source.infolist():
            if info.filename in wanted or info.filename in folders:
                entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
                entry.compress_type = zipfile.ZIP_STORED if info.is_dir() else zipfile.ZIP_DEFLATED
                entry.external_attr = info.external_attr
                archive.writestr(entry, b"" if info.is_dir() else source.read(info))
    return buffer.getvalue()


def archive_name(data: bytes) -> str:
    return f"python_stdlib-{hashlib.sha256(data).hexdigest()[:12]}.zip"


def reduced_stdlib(pyodide_folder: Path, logic_name: str, logic_bytes: bytes) -> Stdlib:
    """The reduced archive for this logic, from the cache or recorded now; the full one if that fails."""
    cached = cache_folder("stdlib") / f"{_key(logic_name)}.zip"
    if cached.is_file():
        data = cached.read_bytes()
        used(cached)
        return Stdlib(archive_name(data), data)
    try:
        files = record_files(pyodide_folder, logic_bytes)
    except (RuntimeError, OSError, subprocess.TimeoutExpired, ValueError) as exc:
        return Stdlib(FULL_STDLIB, None, f"{exc}; the site ships Pyodide's full standard library ({FULL_STDLIB}), which "
                                  "works the same but is larger. Fix: install Node.js 20 or newer.")
    data = reduced_archive(pyodide_folder / FULL_STDLIB, files)
    keep(cached, data, most=KEPT)
    return Stdlib(archive_name(data), data)
