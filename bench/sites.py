"""The sites the benchmark serves, and what it measures of them without a browser: our guide at the host's
address, the same guide without the ready Python, the bare Pyodide page, the build of a guide of over 100 KB,
and our own scripts' and styles' gzipped weight. The scaled builds are in bench/builds.py."""

from __future__ import annotations

import gzip
import re
import shutil
import statistics
from pathlib import Path
from typing import Any

import yaml
from guide_widgets._internal.page.bundle import starter_script
from guide_widgets._internal.pins import PYODIDE_FILES

from .builds import mkdocs
from .common import ROOT

BARE = Path(__file__).resolve().parent / "bare"
# Our code that every widget page loads (plan.js only on "My plan"; start.js is inlined in every page's head).
# widgets.js is served with the modules it imports bundled in (runtime.py), the site's facts among them.
OWN_ASSETS = ("widgets.js", "worker.js", "widgets.css")


def our_config(site_url: str) -> str:
    return (ROOT / "mkdocs.yml").read_text(encoding="utf-8") + f"\nsite_url: {site_url}\n"


def without_ready_python(site_url: str) -> str:
    """Our guide as built with `ready_python: false`: every first visit starts Python itself."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "guide_widgets" in plugin:
            plugin["guide_widgets"] = {**(plugin["guide_widgets"] or {}), "ready_python": False}
    config["site_url"] = site_url
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    return yaml.safe_dump(config, sort_keys=False)


def bare_site(folder: Path) -> Path:
    """The bare page (bench/bare/) in `folder`, with the pinned Pyodide's runtime files and lock file."""
    shutil.copytree(BARE, folder)
    (folder / "pyodide").mkdir()
    for name in (*PYODIDE_FILES, "pyodide-lock.json"):
        shutil.copy2(ROOT / "node_modules" / "pyodide" / name, folder / "pyodide" / name)
    return folder


LONG_GUIDE_SOURCE = ROOT / "tests" / "fixtures" / "corpus" / "garden" / "docs" / "guide.md"


def long_guide_project(folder: Path, size: int = 100_000) -> str:
    """A guide of at least `size` bytes: the 60 KB FAQ of the test corpus, its sections repeated under new
    slugs, as one docs folder with the plugin and the site's Markdown extensions."""
    text = LONG_GUIDE_SOURCE.read_text(encoding="utf-8")
    head, _, sections = text.partition("\n## ")
    body, copy = head, 0
    while len(body.encode()) < size:
        copy += 1
        body += "\n## " + re.sub(r"\{#([\w-]+)\}", rf"{{#\1-{copy}}}", sections)
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "guide.md").write_text(body, encoding="utf-8")
    (folder / "node_modules").symlink_to(ROOT / "node_modules")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("site_url")
    config["plugins"] = ["search", {"guide_widgets": {"guide": "guide.md"}}]  # the FAQ has no widgets
    config["markdown_extensions"] += ["footnotes", "abbr"]
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    config["extra_css"] = []
    return yaml.safe_dump(config, sort_keys=False)


def bench_long_guide(runs: int, work: Path) -> dict[str, Any]:
    folder = work / "long-guide"
    config = long_guide_project(folder)
    times = [mkdocs(config, folder, work / f"long-{run}") for run in range(runs)]
    return {"long_guide_s": statistics.median(times),
            "long_guide_kb": (folder / "docs" / "guide.md").stat().st_size / 1000}


def own_assets_gzip_kb(site: Path) -> float:
    folder = site / "assets" / "guide-widgets"
    inlined = len(gzip.compress(starter_script().encode(), 9))
    return (inlined + sum(len(gzip.compress((folder / name).read_bytes(), 9)) for name in OWN_ASSETS)) / 1024
