"""The widget logic tests again, under the real pinned Pyodide in Node, from the archive the site ships."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from guide_widgets._internal.authoring.testing import Widget, pyodide_python
from guide_widgets._internal.pins import PYODIDE_BUILTIN_MODULES, PYODIDE_STDLIB_MODULES, PYODIDE_STDLIB_SIZE
from guide_widgets._internal.runtime.archive import logic_archive
from guide_widgets._internal.runtime.stdlib import record_files, reduced_archive, reduced_stdlib
from guide_widgets._internal.widgets.registry import builtin_kinds
from guide_widgets._internal.widgets.strings import catalogue

PYODIDE = ROOT / "node_modules" / "pyodide"


def _logic_tests_in_pyodide(tmp_path: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """tests/logic under the pinned Pyodide in Node, on the built-in kinds' logic archive; `extra` may name a
    reduced standard-library archive to boot with."""
    kinds = builtin_kinds()
    name, data = logic_archive(kinds.values())
    archive = tmp_path / name
    archive.write_bytes(data)
    english = tmp_path / "english.json"
    english.write_text(json.dumps({kind.folder.name: catalogue(kind.folder / "strings.yml").get("en", {})
                                   for kind in kinds.values()}))
    node = shutil.which("node")
    assert node, "Node.js 20+ is needed for this test: install it (scripts/setup says how)"
    return subprocess.run([node, str(ROOT / "tests" / "pyodide" / "run_logic_tests.mjs"), str(archive),
                           str(english), *extra], capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)


def _run_logic_tests(tmp_path: Path, *extra: str) -> list[str]:
    result = _logic_tests_in_pyodide(tmp_path, *extra)
    lines = result.stdout.strip().splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines[-2].startswith("pyodide 314.0.7, python 3.14")
    assert lines[-2].endswith("on emscripten")
    logic_tests = sum(text.count("\ndef test_") for text in
                      (p.read_text() for p in (ROOT / "tests" / "logic").glob("test_*.py")))
    assert lines[-1] == f"{logic_tests} passed, 0 failed"
    return lines


def test_logic_tests_pass_under_pyodide_without_network(tmp_path: Path):
    _run_logic_tests(tmp_path)


def test_logic_tests_pass_with_only_the_reduced_standard_library(tmp_path: Path):
    kinds = builtin_kinds()
    name, data = logic_archive(kinds.values())
    reduced = reduced_stdlib(PYODIDE, name, data)
    assert reduced.data is not None, reduced.note
    assert len(reduced.data) < 0.4 * (PYODIDE / "python_stdlib.zip").stat().st_size
    archive = tmp_path / reduced.name
    archive.write_bytes(reduced.data)
    lines = _run_logic_tests(tmp_path, str(archive))
    assert not [line for line in lines if line.startswith("OUTSIDE")]


def test_an_import_outside_the_reduced_archive_is_caught_by_the_check(tmp_path: Path):
    # The same check, with a module only the logic uses (the period kind's dates) cut from the reduced archive:
    # Python still boots, the tests still pass (the harness finds it in the full archive), and the check objects.
    files = record_files(PYODIDE, logic_archive(builtin_kinds().values())[1])
    assert "datetime.py" in files
    cut = reduced_archive(PYODIDE / "python_stdlib.zip", [f for f in files if f != "datetime.py"])
    archive = tmp_path / "cut.zip"
    archive.write_bytes(cut)
    result = _logic_tests_in_pyodide(tmp_path, str(archive))
    assert result.returncode != 0
    assert "OUTSIDE datetime" in result.stdout.splitlines(), result.stdout + result.stderr


def test_the_list_of_modules_compiled_into_pyodide_is_pyodides_own():
    # An author's logic may import these although python_stdlib.zip lacks them: the build trusts this list.
    assert frozenset(pyodide_python("sorted(__import__('sys').builtin_module_names)")) == PYODIDE_BUILTIN_MODULES


def test_the_test_helper_answers_alike_in_cpython_and_pyodide():
    spec = {"days": 30, "stages": [{"from": 0, "text": "Hold on."}]}
    fields = {"start": "2026-11-01", "days": "30", "broken": ""}
    in_cpython = Widget("period")
    in_pyodide = Widget("period", pyodide=True)
    assert in_pyodide(in_pyodide.spec(spec), fields, "2026-11-28") == in_cpython(in_cpython.spec(spec), fields,
                                                                                    "2026-11-28")


def test_the_test_helper_finds_pyodide_where_told_and_names_the_fix_for_the_old_option(tmp_path: Path):
    told = Widget("period", pyodide=True, pyodide_dir=PYODIDE)
    spec = told.spec({"days": 30, "stages": [{"from": 0, "text": "Hold on."}]})
    assert told(spec, {"start": "2026-11-01", "days": "30"}, "2026-11-28")["facts"]["day"] == 27
    with pytest.warns(DeprecationWarning, match=r"Fix: write pyodide_dir='.*node_modules/pyodide'"):
        Widget("period", node_modules=ROOT / "node_modules")
    with pytest.raises(Exception, match="nowhere does not exist: copy the files of Pyodide"):
        Widget("period", pyodide=True, pyodide_dir=tmp_path / "nowhere")


def test_the_list_of_standard_library_modules_is_the_archives():
    stdlib = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"
    assert stdlib.stat().st_size == PYODIDE_STDLIB_SIZE
    with zipfile.ZipFile(stdlib) as archive:
        names = {name.split("/", 1)[0].removesuffix(".py").removesuffix(".pyc") for name in archive.namelist()}
    assert names == PYODIDE_STDLIB_MODULES
