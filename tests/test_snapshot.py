"""The Python made ready at build time: nothing of the build machine in it, and a build without Node still works."""

from __future__ import annotations

import gzip
import io
import secrets
import shutil
import zipfile
from pathlib import Path

import pytest
from guide_widgets._internal.pins import PREPARED_EXTRA_MB
from guide_widgets._internal.runtime import snapshot as snapshot_module
from guide_widgets._internal.runtime.archive import logic_archive
from guide_widgets._internal.runtime.pyodide import find_pyodide
from guide_widgets._internal.runtime.snapshot import code_only_archive, prepared_python, read_snapshot
from guide_widgets._internal.runtime.stdlib import reduced_stdlib
from guide_widgets._internal.widgets.registry import builtin_kinds

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def inputs():
    pyodide = find_pyodide(ROOT / "node_modules" / "pyodide")
    name, data = logic_archive(builtin_kinds().values())
    return pyodide, name, data, reduced_stdlib(pyodide.folder, name, data)


def test_nothing_of_the_build_machine_reaches_the_prepared_python(inputs, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch):
    pyodide, name, data, stdlib = inputs
    # A CI machine has tokens in its environment, and paths that name its user and project.
    token, path_mark = secrets.token_hex(16), f"build-{secrets.token_hex(6)}"
    for variable in ("GITHUB_TOKEN", "ACTIONS_ID_TOKEN_REQUEST_TOKEN", "PYPI_API_TOKEN"):
        monkeypatch.setenv(variable, token)
    home = tmp_path / f"home-{path_mark}"
    work = tmp_path / f"work-{path_mark}"
    home.mkdir()
    work.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GUIDE_WIDGETS_CACHE", str(tmp_path / f"cache-{path_mark}"))
    monkeypatch.chdir(work)
    prepared = prepared_python(pyodide, name, data, stdlib)
    assert prepared.note == ""
    raw = gzip.decompress(prepared.data)
    memory, _, runs, body = read_snapshot(raw)
    assert memory == prepared.memory and sum(end - start for start, end in runs) == len(body)
    for needle in (token, path_mark, str(ROOT), str(tmp_path), "GITHUB", "snapshot_make", "make.mjs"):
        assert needle.encode() not in raw, needle
    # What Python was given instead: the browser's program name and Pyodide's home, and nothing of Node's.
    assert b"./this.program" in raw and b"/home/pyodide" in raw


def test_it_is_made_once_and_then_taken_from_the_cache(inputs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    pyodide, name, data, stdlib = inputs
    monkeypatch.setenv("GUIDE_WIDGETS_CACHE", str(tmp_path / "cache"))
    first = prepared_python(pyodide, name, data, stdlib)
    monkeypatch.setattr(shutil, "which", lambda _: None)  # no Node now: only the cache can answer
    again = prepared_python(pyodide, name, data, stdlib)
    assert again.data == first.data and again.name == first.name and again.note == ""


def test_without_node_the_build_says_why_and_first_visits_start_python_as_before(
        inputs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    pyodide, name, data, stdlib = inputs
    monkeypatch.setenv("GUIDE_WIDGETS_CACHE", str(tmp_path / "empty-cache"))
    monkeypatch.setattr(snapshot_module.shutil, "which", lambda _: None)
    prepared = prepared_python(pyodide, name, data, stdlib)
    assert prepared.facts() is None and prepared.data == b""
    assert prepared.note == ("Node.js is not installed; first visits start Python in the reader's browser instead "
                             f"(slower, {PREPARED_EXTRA_MB:.1f} MB less to download). Fix: install Node.js 20 or newer, or set "
                             "'ready_python: false' under guide_widgets in mkdocs.yml.")


def test_the_build_time_library_keeps_every_line_where_it_was(inputs):
    *_, stdlib = inputs
    assert stdlib.data is not None
    stripped = code_only_archive(stdlib.data)
    with zipfile.ZipFile(io.BytesIO(stdlib.data)) as before, zipfile.ZipFile(io.BytesIO(stripped)) as after:
        assert before.namelist() == after.namelist()
        for entry in before.namelist():
            if entry.endswith(".py"):
                old, new = before.read(entry).decode(), after.read(entry).decode()
                assert old.count("\n") == new.count("\n"), entry
                try:
                    compile(old, entry, "exec")
                except SyntaxError:  # Python 3.14's own syntax, which this Python cannot read: left as it is
                    assert new == old, entry
                    continue
                compile(new, entry, "exec")
    assert len(stripped) < 0.8 * len(stdlib.data)
