"""A site's files and shape, built with `mkdocs build --strict`: a second guide with `pages_dir` and an extra
page, the landing page (intro, front matter, badges), the plan page renamed or left out, a site without
widgets, and a new author's first project (`guide-widgets new`)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from build_helpers import served_page, with_plugin_options
from building import failed_build
from conftest import FIXTURES, ROOT, make_project, mkdocs_build, problems
from guide_widgets._internal.pins import PYODIDE_VERSION


def test_second_guide_with_pages_dir_and_an_extra_page(tmp_path: Path):
    project = tmp_path / "second"
    shutil.copytree(FIXTURES / "second-guide", project)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    assert problems(result) == []
    assert sorted(p.name for p in (site / "plants").glob("*.html")) == [
        "index.html", "my-plan.html", "repotting.html", "sun.html", "watering.html"]
    watering = (site / "plants" / "watering.html").read_text()
    assert 'href="sun.html"' in watering
    assert 'href="sun.html#reading-the-leaves"' in watering
    assert "<h2 id=\"how-often\">" in watering
    assert "## Not a section" in watering
    repotting = (site / "plants" / "repotting.html").read_text()
    assert 'href="index.html#keeping-houseplants-alive"' in repotting
    assert 'href="watering.html#how-often"' in repotting  # a widget's band link, resolved at build time
    assert (site / "about.html").is_file()
    assert (site / "plants" / "index.html").read_text().count('class="md-nav__link') >= 4


def test_intro_text_goes_to_the_landing_page(tmp_path: Path):
    project = make_project(tmp_path, "# T\n\nWelcome, reader.\n\n## A\n\nText.\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    landing = (tmp_path / "site" / "plants" / "index.html").read_text()
    assert "Welcome, reader." in landing
    assert 'href="a.html"' in landing


def test_front_matter_and_badges_before_the_title_go_to_the_landing_page(tmp_path: Path):
    guide = ("---\ntitle: Plant care\ndescription: Keeping houseplants alive.\n# not the title\n---\n"
             "<!-- badges: keep them short -->\n[![Checked](badge.svg)](https://example.org)\n\n"
             "# Keeping plants\n\nWelcome.\n\n## Light\n\nBright.\n")
    project = make_project(tmp_path, guide, **{"badge.svg": '<svg xmlns="http://www.w3.org/2000/svg"/>'})
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    landing = (tmp_path / "site" / "plants" / "index.html").read_text()
    assert "<title>Plant care - Houseplant care</title>" in landing
    assert '<meta name="description" content="Keeping houseplants alive.">' in landing
    assert '<img alt="Checked" src="../badge.svg"' in landing
    assert landing.index('alt="Checked"') < landing.index('<h1 id="keeping-plants">Keeping plants')
    assert "not the title" not in landing and "title: Plant care" not in landing
    assert '<a href="light.html"' in landing


def test_the_plan_page_can_be_renamed_or_left_out_and_never_takes_a_sections_address(tmp_path: Path):
    guide = (FIXTURES / "second-guide" / "docs" / "guide.md").read_text(encoding="utf-8")
    project = with_plugin_options(make_project(tmp_path / "a", guide), "en", "      plan_page: ''\n")
    assert mkdocs_build(project, tmp_path / "none").returncode == 0
    assert not (tmp_path / "none" / "plants" / "my-plan.html").exists()
    project = with_plugin_options(make_project(tmp_path / "b", guide), "en", "      plan_page: repotting\n")
    stderr = failed_build(project, tmp_path / "clash")
    assert ("docs/plants/repotting.md: the \"My plan\" page would take this address, which a page already has. "
            "Fix: set 'plan_page:'") in stderr


def test_a_site_without_widgets_has_no_plan_page_and_ships_no_python(tmp_path: Path):
    site = tmp_path / "site"
    result = mkdocs_build(make_project(tmp_path, "# T\n\nIntro.\n\n## A\n\nText.\n\n## B\n\nMore.\n"), site)
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (site / "plants").iterdir()) == ["a.html", "b.html", "index.html"]
    assert not (site / "assets" / "pyodide").exists()
    assert not list((site / "assets" / "guide-widgets").glob("logic-*.zip"))
    for page in site.rglob("*.html"):
        text = page.read_text()
        # No runtime facts in the head: the starter has nothing to boot (and the files are not there).
        assert '<meta name="guide-widgets"' not in text and "data-gw-kind" not in text and "my-plan" not in text, page


# --- A new author's first project ---------------------------------------------------------------------------

def test_a_new_project_builds_strict_and_serves_on_the_first_try(tmp_path: Path):
    project = tmp_path / "my guide"
    made = subprocess.run([sys.executable, "-m", "guide_widgets._internal.authoring.cli", "new", str(project)], capture_output=True,
                          text=True, check=False)
    assert made.returncode == 0, made.stderr
    assert sorted(p.name for p in project.iterdir()) == [".github", ".gitignore", "README.md", "docs", "mkdocs.yml",
                                                         "package-lock.json", "package.json"]
    assert json.loads((project / "package.json").read_text())["dependencies"] == {"pyodide": PYODIDE_VERSION}
    # The lock file `npm ci` needs pins what this repository's own lock pins for Pyodide, and the folder's name.
    lock, ours = (json.loads(path.read_text()) for path in (project / "package-lock.json", ROOT / "package-lock.json"))
    assert lock["name"] == lock["packages"][""]["name"] == "my-guide"
    assert {name: entry for name, entry in lock["packages"].items() if name} == \
        {name: ours["packages"][name] for name in lock["packages"] if name}, \
        "the starter's package-lock.json is stale: regenerate it with npm install --package-lock-only"
    workflow = (project / ".github" / "workflows" / "pages.yml").read_text()
    assert f'"mkdocs-guide-widgets=={metadata.version("mkdocs-guide-widgets")}"' in workflow
    (project / "node_modules").symlink_to(ROOT / "node_modules")  # what `npm ci` puts there
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    assert problems(result) == []
    kinds = {kind for page in site.rglob("index.html") for kind in re.findall(r'data-gw-kind="([^"]+)"',
                                                                              page.read_text())}
    assert kinds == {"checklist", "period", "quiz"}
    for page in site.rglob("index.html"):  # the built-in kinds speak of no topic of their own
        assert not re.search(r"apolog|contact|walk.away", page.read_text(), re.IGNORECASE), page

    page, _ = served_page(project, "keeping-track/")
    assert '<label for="gw-1-start">The day you started</label>' in page


def test_new_refuses_a_folder_that_is_not_empty(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("mine")
    result = subprocess.run([sys.executable, "-m", "guide_widgets._internal.authoring.cli", "new", str(tmp_path)], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 1
    assert result.stderr == f"guide-widgets: {tmp_path} is not an empty folder. Fix: name a new folder, or an empty one.\n"
    assert (tmp_path / "notes.txt").read_text() == "mine"
