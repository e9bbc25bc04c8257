"""Beyond MkDocs 1.x: ProperDocs, the maintained fork, builds the guide with the plugin unchanged, and the
output is the same site as MkDocs makes: the same files, the same articles, the same widgets."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

ARTICLE = re.compile(r"<article.*?</article>", re.DOTALL)


def _build(tool: str, site: Path) -> None:
    result = subprocess.run([sys.executable, "-m", tool, "build", "--strict", "-d", str(site)], cwd=ROOT,
                            capture_output=True, text=True, check=False, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr


def test_properdocs_builds_the_same_site(tmp_path: Path):
    mkdocs, properdocs = tmp_path / "mkdocs", tmp_path / "properdocs"
    _build("mkdocs", mkdocs)
    _build("properdocs", properdocs)
    files = sorted(p.relative_to(mkdocs).as_posix() for p in mkdocs.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(properdocs).as_posix() for p in properdocs.rglob("*") if p.is_file())
    pages = [name for name in files if name.endswith(".html")]
    widgets = 0
    for name in pages:
        ours, theirs = ((site / name).read_text(encoding="utf-8") for site in (mkdocs, properdocs))
        assert ARTICLE.findall(ours) == ARTICLE.findall(theirs), name
        widgets += ours.count("data-gw-kind=")
    assert widgets == 6  # the three of the guide, and their copies on the "My plan" page
    for name in files:
        if name.startswith(("assets/guide-widgets/", "assets/pyodide/")):
            assert (mkdocs / name).read_bytes() == (properdocs / name).read_bytes(), name
