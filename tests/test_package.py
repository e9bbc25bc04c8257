"""The installable package: `python -m build` makes a wheel and an sdist that carry everything the plugin needs,
and the metadata passes `twine check`. (tests/browser/test_publishing.py installs the wheel into a fresh
virtual environment, builds a guide with it and opens its widget.)"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "plugins" / "guide_widgets"


def _shipped() -> set[str]:
    """Every file of the package that git tracks, as the wheel should hold it."""
    listed = subprocess.run(["git", "ls-files", str(PACKAGE)], capture_output=True, text=True, cwd=ROOT,
                            check=True).stdout.split()
    return {Path(name).relative_to("plugins").as_posix() for name in listed}


def test_the_wheel_carries_every_file_of_the_plugin(dist: Path):
    wheel = next(dist.glob("mkdocs_guide_widgets-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert _shipped() <= names, sorted(_shipped() - names)
    assert any(name.endswith("entry_points.txt") for name in names)


def test_the_metadata_passes_twine_check(dist: Path):
    result = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *map(str, dist.iterdir())],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
