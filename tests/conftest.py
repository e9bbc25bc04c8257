"""Shared fixtures: the project's paths, sites built in this process (building.py), and one build with the
real `mkdocs` command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from building import mkdocs_build, problems

__all__ = ["FIXTURES", "ROOT", "make_project", "mkdocs_build", "problems"]

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*.html from the output")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """What a test recorded as its `summary` (record_property), printed at the end of the run: measurements
    such as the draft review's shares, from whichever worker process ran the test."""
    lines = {str(value): None for report in terminalreporter.stats.get("passed", [])
             for name, value in getattr(report, "user_properties", []) if name == "summary"}
    for line in lines:
        terminalreporter.write_line(line)


def mkdocs_command(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of `project` into `site`, the command a user runs, in its own process.

    Never with `-q`: MkDocs then drops warnings before `--strict` can count them."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        capture_output=True, text=True, env=env, check=False, cwd=project,
    )


def make_project(tmp_path: Path, guide: str, **files: str) -> Path:
    """A copy of the second fixture site with its guide (and any other docs file) replaced."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "second-guide", project)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    (project / "docs" / "guide.md").write_text(guide, encoding="utf-8")
    for name, text in files.items():
        path = project / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return project


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Our guide, built once for the whole session by the real command: the suite's one such build."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_command(ROOT, site)
    assert result.returncode == 0, result.stderr
    assert problems(result) == []
    return site


@pytest.fixture(scope="session")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel and sdist that `python -m build` makes of this checkout."""
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)],
                            capture_output=True, text=True, check=False, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out
