"""The installable package: `python -m build` makes a wheel and an sdist that carry everything the plugin needs,
the metadata passes `twine check`, and the wheel installed into a fresh virtual environment, in an empty
folder, builds a guide `--strict`."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT

PACKAGE = ROOT / "plugins" / "guide_widgets"


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    result = subprocess.run([sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", str(out), str(ROOT)],
                            capture_output=True, text=True, check=False, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


def _shipped() -> set[str]:
    """Every file of the package that git tracks, as the wheel should hold it."""
    listed = subprocess.run(["git", "ls-files", str(PACKAGE)], capture_output=True, text=True, cwd=ROOT,
                            check=True).stdout.split()
    return {Path(name).relative_to("plugins").as_posix() for name in listed}


def test_the_wheel_carries_every_file_of_the_plugin(dist: Path):
    wheel = next(dist.glob("guide_widgets-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert _shipped() <= names, sorted(_shipped() - names)
    assert any(name.endswith("entry_points.txt") for name in names)


def test_the_metadata_passes_twine_check(dist: Path):
    result = subprocess.run([sys.executable, "-m", "twine", "check", "--strict", *map(str, dist.iterdir())],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_wheel_installed_in_a_fresh_environment_builds_a_guide(dist: Path, tmp_path: Path):
    env = tmp_path / "env"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    wheel = next(dist.glob("guide_widgets-*.whl"))
    install = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                              str(wheel)], capture_output=True, text=True, check=False, timeout=900)
    assert install.returncode == 0, install.stderr[-3000:]
    project = tmp_path / "empty" / "guide"
    shutil.copytree(FIXTURES / "second-guide", project)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    build = subprocess.run([str(python), "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
                           cwd=project, capture_output=True, text=True, check=False,
                           env={"PATH": str(env / "bin"), "NO_MKDOCS_2_WARNING": "1", "HOME": str(tmp_path)})
    assert build.returncode == 0, build.stderr
    page = (tmp_path / "site" / "plants" / "repotting.html").read_text()
    assert 'data-gw-kind="period"' in page
    assert str(ROOT / "plugins") not in page
    made = subprocess.run([str(env / "bin" / "guide-widgets"), "new", str(tmp_path / "starter")],
                          capture_output=True, text=True, check=False)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "starter" / "docs" / "guide.md").is_file()
