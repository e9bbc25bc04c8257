"""The widget logic tests again, under the real pinned Pyodide in Node, from the archive the site ships."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

from conftest import ROOT
from guide_widgets.registry import (
    PYODIDE_BUILTIN_MODULES,
    PYODIDE_STDLIB_MODULES,
    PYODIDE_STDLIB_SIZE,
    builtin_kinds,
)
from guide_widgets.runtime import logic_archive
from guide_widgets.strings import catalogue
from guide_widgets.testing import Widget, pyodide_python


def test_logic_tests_pass_under_pyodide_without_network(tmp_path: Path):
    kinds = builtin_kinds()
    name, data = logic_archive(kinds.values())
    archive = tmp_path / name
    archive.write_bytes(data)
    english = tmp_path / "english.json"
    english.write_text(json.dumps({kind.folder.name: catalogue(kind.folder / "strings.yml").get("en", {})
                                   for kind in kinds.values()}))
    node = shutil.which("node")
    assert node, "Node.js 20+ is needed for this test: install it (scripts/setup says how)"
    result = subprocess.run([node, str(ROOT / "tests" / "pyodide" / "run_logic_tests.mjs"), str(archive),
                             str(english)],
                            capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
    lines = result.stdout.strip().splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines[-2].startswith("pyodide 314.0.7, python 3.14")
    assert lines[-2].endswith("on emscripten")
    logic_tests = sum(text.count("\ndef test_") for text in
                      (p.read_text() for p in (ROOT / "tests" / "logic").glob("test_*.py")))
    assert lines[-1] == f"{logic_tests} passed, 0 failed"


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


def test_the_list_of_standard_library_modules_is_the_archives():
    stdlib = ROOT / "node_modules" / "pyodide" / "python_stdlib.zip"
    assert stdlib.stat().st_size == PYODIDE_STDLIB_SIZE
    with zipfile.ZipFile(stdlib) as archive:
        names = {name.split("/", 1)[0].removesuffix(".py").removesuffix(".pyc") for name in archive.namelist()}
    assert names == PYODIDE_STDLIB_MODULES
