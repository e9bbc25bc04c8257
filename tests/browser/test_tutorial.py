"""The manual's tutorial, followed as written: every shell command and every file it shows, in order, from an
empty folder (the local wheel standing in for PyPI), to a built German site whose own widget answers in
Chromium. Commands it marks as running until stopped (`mkdocs serve`, `guide-widgets preview`) or needing
GitHub (the push) are the only ones left out: the dev server, the preview and the workflow have tests of
their own."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from playwright.sync_api import Browser, expect

from .conftest import ROOT, watched
from .existing_site import fenced_blocks
from .reader import ready
from .site_server import SiteServer

TUTORIAL = ROOT / "manual" / "docs" / "tutorial.md"
SKIPPED = re.compile(r"<!-- tutorial: (runs until stopped|needs GitHub) -->\n$")


def tutorial_script() -> tuple[str, list[str]]:
    """The tutorial as one shell script (its commands, and its files written with here-documents), and the
    commands it leaves out."""
    blocks, skipped = fenced_blocks(TUTORIAL, SKIPPED)
    script = ["set -eo pipefail"]
    for language, body, caption in blocks:
        if language == "sh":
            script.append(body)
            continue
        paths = re.findall(r"`([\w./-]+)`", caption)
        assert caption.endswith(":") and paths, f"a {language} block with no file named before it:\n{caption}"
        path, append = paths[-1], "At the end of" in caption
        script.append(f"mkdir -p \"$(dirname '{path}')\"\ncat {'>>' if append else '>'} '{path}' <<'GW_TUTORIAL'\n"
                      f"{body}GW_TUTORIAL")
    return "\n".join(script) + "\n", skipped


def test_the_tutorial_leaves_out_only_what_runs_until_stopped_or_needs_github():
    script, skipped = tutorial_script()
    assert [line.split()[0] for line in skipped] == ["mkdocs", "guide-widgets", "git", "git", "git", "git", "git"]
    assert script.count("cat > ") == 6 and script.count("cat >> ") == 1  # mkdocs.yml, 4 kind files, a test; the guide
    assert "python -m pip install mkdocs-guide-widgets" in script


def test_the_tutorial_as_written_ends_with_a_german_site_whose_own_widget_answers(dist: Path, browser: Browser,
                                                                                  tmp_path: Path):
    script, _ = tutorial_script()
    folder = tmp_path / "empty"
    folder.mkdir()
    node = Path(shutil.which("node") or "/usr/bin/node").parent
    env = {"PATH": f"{node}:/usr/local/bin:/usr/bin:/bin", "HOME": os.environ.get("HOME", str(tmp_path)),
           "PIP_FIND_LINKS": str(dist), "PIP_DISABLE_PIP_VERSION_CHECK": "1", "LANG": "C.UTF-8"}
    ran = subprocess.run(["bash", "-c", script], cwd=folder, env=env, capture_output=True, text=True,
                         check=False, timeout=1500)
    assert ran.returncode == 0, ran.stdout[-4000:] + ran.stderr[-4000:]
    assert "3 passed" in ran.stdout  # the tutorial's own tests, in CPython and in Pyodide
    site = folder / "mein-leitfaden" / "site"
    assert (site / "mein-plan" / "index.html").is_file()
    with SiteServer("/") as served:
        served.directory = site
        with watched(browser, served.origin) as (context, _):
            page = context.new_page()
            page.goto(served.url + "genug-trinken/")
            region = ready(page)
            expect(region).to_contain_text("Gib dein Gewicht ein")
            page.get_by_label("Dein Gewicht, in Kilogramm").fill("80")
            expect(region.locator(".gw-headline")).to_have_text("Etwa 2,8 Liter am Tag")
            expect(region.locator(".gw-band-title")).to_have_text("Eine ordentliche Menge")
            page.get_by_label("Dein Gewicht, in Kilogramm").fill("0")
            expect(page.locator("#gw-1-gewicht-message")).to_have_text("Gib ein Gewicht von 1 bis 400 Kilogramm ein.")
            expect(page.get_by_role("link", name="Mein Plan").first).to_be_visible()
