"""The offline copy's service worker, as the build writes it: every file listed, an id that follows content."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import ROOT, mkdocs_build
from guide_widgets._internal.page.offline import SIZE_TOKEN, build_id, site_files, write_offline_copy

SCRIPT = "guide-widgets-sw.js"


def facts(site: Path) -> dict:
    text = (site / SCRIPT).read_text(encoding="utf-8")
    return json.loads(re.search(r"const FACTS = (\{.*?\});", text).group(1))


def test_the_worker_lists_every_file_of_the_site_and_the_pages_state_the_size(built_site: Path):
    listed = set(facts(built_site)["files"])
    on_disk = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*") if p.is_file()} - {SCRIPT}
    as_asked = {("./" if f == "index.html" else f.removesuffix("index.html")) for f in on_disk}
    assert listed == as_asked
    assert "assets/pyodide/pyodide.asm.wasm" in listed and "my-plan/" in listed and "404.html" in listed
    megabytes = sum(p.stat().st_size for p in built_site.rglob("*") if p.is_file() and p.name != SCRIPT) / 1e6
    privacy = (built_site / "privacy" / "index.html").read_text(encoding="utf-8")
    assert SIZE_TOKEN not in privacy
    assert f"Keep this guide for offline use ({int(megabytes) + 1} MB)" in privacy


def test_the_build_id_is_the_same_for_the_same_content_and_changes_with_it(tmp_path: Path):
    first, second = tmp_path / "first", tmp_path / "second"
    assert mkdocs_build(ROOT, first).returncode == 0
    assert mkdocs_build(ROOT, second).returncode == 0
    assert facts(first)["build"] == facts(second)["build"]  # a rebuild of the same guide: readers keep their copy
    about = second / "about" / "index.html"
    about.write_text(about.read_text(encoding="utf-8") + "<!-- changed -->", encoding="utf-8")
    write_offline_copy(second, [])
    assert facts(second)["build"] != facts(first)["build"]
    # A file the theme did not ship is hashed wherever it sits, even among the theme's folders.
    own = second / "assets" / "javascripts" / "extra.js"
    own.write_text("1", encoding="utf-8")
    before = build_id(second, site_files(second), [])
    own.write_text("2", encoding="utf-8")
    assert build_id(second, site_files(second), []) != before
