"""The widget logic tests again, under the real pinned Pyodide in Node, from the archive the site ships."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from conftest import ROOT
from guide_widgets.registry import builtin_kinds
from guide_widgets.runtime import logic_archive


def test_logic_tests_pass_under_pyodide_without_network(tmp_path: Path):
    name, data = logic_archive(builtin_kinds().values())
    archive = tmp_path / name
    archive.write_bytes(data)
    node = shutil.which("node")
    assert node, "Node.js 20+ is needed for this test: install it (scripts/setup says how)"
    result = subprocess.run([node, str(ROOT / "tests" / "pyodide" / "run_logic_tests.mjs"), str(archive)],
                            capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
    lines = result.stdout.strip().splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines[-2].startswith("pyodide 314.0.7, python 3.14")
    assert lines[-2].endswith("on emscripten")
    logic_tests = sum(text.count("\ndef test_") for text in
                      (p.read_text() for p in (ROOT / "tests" / "logic").glob("test_*.py")))
    assert lines[-1] == f"{logic_tests} passed, 0 failed"
