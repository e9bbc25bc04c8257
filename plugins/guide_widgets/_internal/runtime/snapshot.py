"""A Python made ready at build time, which a first-time reader's worker restores instead of starting Python.

The build boots the pinned Pyodide in Node (node/snapshot_make.mjs) with the site's own runtime files, the
reduced standard library (without docstrings) and the logic archive, imports the logic and every module the
logic was recorded to use, and writes Python's memory without what the browser has anyway. The file is
gzipped here, once, and served as it is (`python-ready-<hash>.gz`): its size is the same on every host, and
the worker unpacks it with the browser's own DecompressionStream.

A reader's Python restored from it needs no standard library (everything it uses is imported), so it boots
with the archive of whatever was left unimported, normally an empty one: a module imported later that is not
in it fails as it would with the reduced archive, and the page starts a worker with the full library.

Nothing of the build machine may reach the file every reader downloads: Node runs with an empty environment,
in a new empty folder that holds copies of the runtime files, and Pyodide is given the browser's own
program name and a fixed environment (snapshot_make.mjs). A test builds with a secret in the environment
and checks the file for it and for the build's paths.

Making it takes a few seconds, so the result is kept in a cache folder, keyed by everything that goes into
it. Without Node, or when making it fails, every reader boots Python as before and the build says why.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import json
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from guide_widgets._internal.cache import cache_folder, keep, used
from guide_widgets._internal.pins import FULL_STDLIB, PREPARED_EXTRA_MB, PYODIDE_VERSION
from guide_widgets._internal.runtime.archive import python_code_only
from guide_widgets._internal.runtime.pyodide import Pyodide, link_or_copy
from guide_widgets._internal.runtime.stdlib import (
    Stdlib,
    archive_name,
    reduced_archive,
    run_node,
)

MAKER = Path(__file__).resolve().parent / "node" / "snapshot_make.mjs"
WRITER = MAKER.with_name("snapshot_file.mjs")
KEPT = 6
"""How many made-ready Pythons the build's cache keeps (about 2.7 MB each): the most recently made or used."""
"""The prepared file's writer, which MAKER imports (the file's form: snapshot_format.md)."""
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json")
MAGIC = b"GWPYSNP1"


@dataclass(frozen=True)
class Prepared:
    """The build-time snapshot and the standard-library archive a Python restored from it boots with."""

    name: str = ""
    """The snapshot's file name, in the runtime's folder (empty: none was made)."""
    data: bytes = b""
    """The file as served: gzipped."""
    memory: int = 0
    """How long Python's memory is, for the worker to set aside before the file has arrived."""
    stdlib_name: str = ""
    stdlib_data: bytes = b""
    """The archive of the recorded modules the snapshot did not import (normally none)."""
    note: str = ""
    """Why there is none, for the build's log."""

    def facts(self) -> dict[str, object] | None:
        """What a widget page tells the worker about it (runtime.page_runtime)."""
        if not self.name:
            return None
        return {"file": self.name, "stdlib": self.stdlib_name, "memory": self.memory, "bytes": len(self.data)}


def code_only_archive(data: bytes) -> bytes:
    """The archive with its Python files' docstrings and comments blanked (runtime.python_code_only): what the
    build-time Python imports, so that its memory holds none of that text. Line numbers stay as they were."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for info in source.infolist():
            content = source.read(info)
            if info.filename.endswith(".py"):
                with contextlib.suppress(UnicodeDecodeError):  # a file in another encoding goes as it is
                    content = python_code_only(content)
            archive.writestr(info, content)
    return buffer.getvalue()


def _key(logic_name: str, stdlib_name: str) -> str:
    maker = hashlib.sha256(MAKER.read_bytes() + WRITER.read_bytes() + Path(__file__).read_bytes()).hexdigest()[:12]
    return hashlib.sha256(f"{PYODIDE_VERSION} {logic_name} {stdlib_name} {maker}".encode()).hexdigest()[:20]


def make_snapshot(pyodide: Pyodide, stdlib: bytes, logic: bytes) -> tuple[bytes, dict[str, object]]:
    """The raw snapshot file (not gzipped) and the maker's report; raises RuntimeError on failure."""
    with tempfile.TemporaryDirectory(prefix="guide-widgets-") as work:
        folder = Path(work)
        runtime = folder / "runtime"
        runtime.mkdir()
        for name in RUNTIME_FILES:
            link_or_copy(pyodide.folder / name, runtime / name)
        shutil.copyfile(MAKER, folder / "make.mjs")
        shutil.copyfile(WRITER, folder / WRITER.name)
        (folder / "stdlib.zip").write_bytes(stdlib)
        (folder / "logic.zip").write_bytes(logic)
        home = folder / "home"
        home.mkdir()
        # Relative paths from an empty folder, and no environment at all: the Python inside sees none of it
        # (snapshot_make.mjs gives it the browser's program name and a fixed environment), and Node needs none.
        report = run_node(["make.mjs", "runtime", "stdlib.zip", "logic.zip", "snapshot.bin"], "making the ready Python",
                          cwd=folder, env={"HOME": str(home)})
        return (folder / "snapshot.bin").read_bytes(), report


def prepared_python(pyodide: Pyodide, logic_name: str, logic_bytes: bytes, stdlib: Stdlib) -> Prepared:
    """The ready Python for this logic and reduced standard library, from the cache or made now."""
    if stdlib.data is None:
        return Prepared(note="there is no reduced standard library to make it from")
    folder = cache_folder("snapshot")
    key = _key(logic_name, stdlib.name)
    cached, about = folder / f"{key}.gz", folder / f"{key}.json"
    if cached.is_file() and about.is_file():
        data = cached.read_bytes()
        report = json.loads(about.read_text(encoding="utf-8"))
        used(cached)
    else:
        try:
            raw, report = make_snapshot(pyodide, code_only_archive(stdlib.data), logic_bytes)
        except (RuntimeError, OSError, subprocess.TimeoutExpired, ValueError) as exc:
            return Prepared(note=f"{exc}; first visits start Python in the reader's browser instead (slower, "
                                 f"{PREPARED_EXTRA_MB:.1f} MB less to download). Fix: install Node.js 20 or "
                                 "newer, or set 'ready_python: false' under guide_widgets in mkdocs.yml.")
        data = gzip.compress(raw, compresslevel=9, mtime=0)
        keep(cached, data)
        keep(about, json.dumps(report).encode(), most=KEPT)
    with zipfile.ZipFile(io.BytesIO(stdlib.data)) as archive:
        recorded = [name for name in archive.namelist() if not name.endswith("/")]
    imported = set(report.get("files", []))
    rest = reduced_archive(pyodide.folder / FULL_STDLIB, [name for name in recorded if name not in imported])
    return Prepared(name=f"python-ready-{hashlib.sha256(data).hexdigest()[:12]}.gz", data=data,
                    memory=int(report["memory"]), stdlib_name=archive_name(rest), stdlib_data=rest)


def read_snapshot(data: bytes) -> tuple[int, int, list[tuple[int, int]], bytes]:
    """A raw snapshot file's parts: memory length, base end, runs and their bytes (for tests and tools; the
    file's form: snapshot_format.md)."""
    if data[:8] != MAGIC:
        raise ValueError("not a ready-Python snapshot")
    memory, base_end, count = (int.from_bytes(data[8 + 4 * i:12 + 4 * i], "little") for i in range(3))
    words = data[20:20 + 8 * count]
    runs = [(int.from_bytes(words[8 * i:8 * i + 4], "little"), int.from_bytes(words[8 * i + 4:8 * i + 8], "little"))
            for i in range(count)]
    return memory, base_end, runs, data[20 + 8 * count:]

