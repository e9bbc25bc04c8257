"""Pyodide, self-hosted: the runtime files the build copies (with the reduced standard library and the Python
made ready at build time), the pinned version, Pyodide missing, of another version or from a folder of
the author's (`pyodide_dir`), and the bytes a reader is told Python downloads."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
from building import failed_build
from conftest import FIXTURES, ROOT, make_project, mkdocs_build
from guide_widgets._internal.pins import PYODIDE_FILES, PYODIDE_VERSION


def test_pyodide_runtime_files_are_copied_under_one_folder(built_site: Path):
    copied = sorted(p.name for p in (built_site / "assets" / "pyodide").iterdir())
    reduced = [name for name in copied if re.fullmatch(r"python_stdlib-[0-9a-f]{12}\.zip", name)]
    # The standard library the widgets use (stdlib.py), beside the full one, and the Python made ready at build
    # time with the archive it boots with (snapshot.py: what it left unimported, here nothing).
    assert len(reduced) == 2
    prepared = [name for name in copied if re.fullmatch(r"python-ready-[0-9a-f]{12}\.gz", name)]
    assert copied == sorted([*PYODIDE_FILES, *reduced, *prepared]) and len(prepared) == 1
    source = ROOT / "node_modules" / "pyodide"
    for name in PYODIDE_FILES:
        assert (built_site / "assets" / "pyodide" / name).read_bytes() == (source / name).read_bytes()


def test_package_json_pins_the_version_the_plugin_checks():
    assert json.loads((ROOT / "package.json").read_text())["dependencies"]["pyodide"] == PYODIDE_VERSION
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert lock["packages"]["node_modules/pyodide"]["version"] == PYODIDE_VERSION


def _fake_node_modules(tmp_path: Path, version: str | None) -> Path:
    folder = tmp_path / "node_modules" / "pyodide"
    folder.mkdir(parents=True)
    if version:
        (folder / "package.json").write_text(json.dumps({"version": version}))
    return folder


def _with_pyodide_dir(project: Path, folder: Path | str) -> None:
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("pages_dir: plants", f"pages_dir: plants\n      pyodide_dir: {folder}"))


@pytest.mark.parametrize(("version", "npm", "message"), [
    (None, False, f"ERROR   -  Pyodide {PYODIDE_VERSION} is not installed in {{folder}}: run `guide-widgets setup` in "
                  "the folder of mkdocs.yml."),
    ("0.26.0", False, f"ERROR   -  Pyodide 0.26.0 is installed in {{folder}}, but this site needs {PYODIDE_VERSION}: "
                      "run `guide-widgets setup` in the folder of mkdocs.yml."),
    ("0.26.0", True, f"ERROR   -  Pyodide 0.26.0 is installed in {{folder}}, but this site needs {PYODIDE_VERSION}: "
                     "run `npm ci` in the project folder (or `guide-widgets setup`)."),
])
def test_missing_or_wrong_pyodide_stops_the_build_in_one_line(tmp_path: Path, version, npm, message):
    """The fix names a command the author has: the plugin's own, or npm's where the project pins Pyodide with it."""
    project = make_project(tmp_path, "# T\n\n## A\n\n/// period | P\nstages:\n  - {from: 0, text: a}\n///\n")
    modules = _fake_node_modules(tmp_path, version)
    if npm:
        shutil.copy2(ROOT / "package-lock.json", modules.parent.parent / "package-lock.json")
    _with_pyodide_dir(project, modules)
    stderr = failed_build(project, tmp_path / "site")
    assert message.format(folder=modules) in stderr.splitlines()


def _pyodide_copy(folder: Path) -> Path:
    """The pinned files in a folder of their own, as an author who vendors them (no package.json, no npm)."""
    folder.mkdir(parents=True)
    for name in (*PYODIDE_FILES, "pyodide-lock.json"):
        shutil.copy2(ROOT / "node_modules" / "pyodide" / name, folder / name)
    return folder


def test_pyodide_can_come_from_any_folder_holding_the_pinned_files(tmp_path: Path):
    project = make_project(tmp_path, (FIXTURES / "second-guide" / "docs" / "guide.md").read_text(encoding="utf-8"))
    (project / "node_modules").unlink()  # no npm package at all: only the folder the option names
    vendored = _pyodide_copy(tmp_path / "vendor" / "pyodide-314")
    _with_pyodide_dir(project, "../vendor/pyodide-314")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert 'data-gw-kind="period"' in (tmp_path / "site" / "plants" / "repotting.html").read_text()
    for name in PYODIDE_FILES:
        assert (tmp_path / "site" / "assets" / "pyodide" / name).read_bytes() == (vendored / name).read_bytes()


@pytest.mark.parametrize(("change", "complaint"), [
    ("remove", "Pyodide in {folder} lacks python_stdlib.zip"),
    ("truncate", "The Pyodide files in {folder} are not those of Pyodide 314.0.7 (python_stdlib.zip differ)"),
])
def test_a_pyodide_folder_with_missing_or_other_files_stops_the_build_in_one_line(tmp_path: Path, change, complaint):
    project = make_project(tmp_path, "# T\n\n## A\n")
    vendored = _pyodide_copy(tmp_path / "vendor")
    stdlib = vendored / "python_stdlib.zip"
    if change == "remove":
        stdlib.unlink()
    else:
        stdlib.write_bytes(stdlib.read_bytes()[:1000])
    _with_pyodide_dir(project, vendored)
    stderr = failed_build(project, tmp_path / "site")
    errors = [line for line in stderr.splitlines() if line.startswith("ERROR")]
    assert errors == [f"ERROR   -  {complaint.format(folder=vendored)}: copy the files of Pyodide {PYODIDE_VERSION} "
                      f"({', '.join(PYODIDE_FILES)}, pyodide-lock.json) into it, or point pyodide_dir at "
                      "node_modules/pyodide."]


def test_the_old_node_modules_option_names_its_replacement(tmp_path: Path):
    project = make_project(tmp_path, "# T\n\n## A\n")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("pages_dir: plants", "pages_dir: plants\n      node_modules: node_modules"))
    stderr = failed_build(project, tmp_path / "site")
    assert "the option 'node_modules' is now 'pyodide_dir', the Pyodide folder itself. Fix: write " \
           "'pyodide_dir: <your node_modules>/pyodide' under guide_widgets in mkdocs.yml." in stderr


def test_the_download_a_reader_is_told_about_is_what_a_static_host_sends():
    import gzip

    from guide_widgets._internal.pins import PYODIDE_GZIP_SIZES

    for name, size in PYODIDE_GZIP_SIZES.items():
        sent = len(gzip.compress((ROOT / "node_modules" / "pyodide" / name).read_bytes(), 6))
        # zlib's level 6, as Python has it; a host's gzip differs by well under 1 %.
        assert sent == size, f"{name}: {sent} bytes gzipped, the constant says {size}"


def test_widget_pages_state_the_bytes_python_downloads(built_site: Path):
    # The site's facts, as the build wrote them into the widget script; a widget page's head has those it boots with.
    script = (built_site / "assets" / "guide-widgets" / "widgets.js").read_text(encoding="utf-8")
    runtime = json.loads(re.search(r"const facts = (\{.*\});", script).group(1))
    page = (built_site / "knowing-when-to-walk-away" / "index.html").read_text(encoding="utf-8")
    head = json.loads(html.unescape(re.search(r'<meta name="guide-widgets" content="([^"]+)"', page).group(1)))
    assert head == {**{key: runtime[key] for key in ("version", "logic", "stdlib", "fullStdlib", "lock", "prepared")},
                    "storage": {"snapshot": runtime["storage"]["snapshot"]}}
    stdlib = built_site / "assets" / "pyodide" / runtime["stdlib"]
    logic = built_site / "assets" / "guide-widgets" / runtime["logic"]
    from guide_widgets._internal.pins import PYODIDE_GZIP_SIZES
    assert runtime["download"] == sum(PYODIDE_GZIP_SIZES.values()) + stdlib.stat().st_size + logic.stat().st_size
    assert 4_000_000 < runtime["download"] < 4_700_000
    # The prepared Python: its file as the host sends it (already gzipped), and the archive it boots with.
    prepared = runtime["prepared"]
    assert prepared["bytes"] == (built_site / "assets" / "pyodide" / prepared["file"]).stat().st_size
    assert (built_site / "assets" / "pyodide" / prepared["stdlib"]).is_file()
    assert 2_000_000 < prepared["bytes"] < 3_200_000 and prepared["memory"] > 30_000_000
