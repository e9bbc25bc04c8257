"""The manual (manual/, built with MkDocs and Material) and the README, its front door: the manual builds
--strict, its troubleshooting page quotes every message the plugin can show an author, and the README stays
short. (Its tutorial is followed as written by tests/browser/test_tutorial.py; its reference is checked by
tests/test_reference.py.)"""

from __future__ import annotations

import os
import re
import subprocess
import venv
from pathlib import Path

import pytest
from author_messages import fragments, message_templates
from conftest import ROOT, mkdocs_build, problems

MANUAL = ROOT / "manual"


def test_the_manual_builds_strict_with_nothing_from_another_origin(tmp_path: Path):
    site = tmp_path / "manual"
    result = mkdocs_build(MANUAL, site)
    assert result.returncode == 0, result.stderr
    assert problems(result) == []
    pages = {page.relative_to(site).as_posix() for page in site.rglob("index.html")}
    assert {"tutorial/index.html", "troubleshooting/index.html", "reference/index.html", "install/index.html",
            "writing/index.html", "publishing/index.html", "contributing/index.html", "benchmark/index.html"} <= pages
    # The API page is generated from the code: every public name of the authors' modules, and nothing else.
    api = (site / "api" / "index.html").read_text(encoding="utf-8")
    import importlib
    for module in ("guide_widgets.specs", "guide_widgets.logic", "guide_widgets.testing"):
        for name in importlib.import_module(module).__all__:
            assert f'id="{module}.{name}"' in api, (module, name)
    assert 'id="guide_widgets.logic.evaluate_json"' not in api and "guide_widgets.specs.parse_spec" not in api
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not re.search(r"""(?:src|href)=["']https?://(?!127\\.0\\.0\\.1)""", text.split("<body", 1)[0]), page
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, page


def test_every_page_of_the_manual_is_in_its_navigation_and_the_existing_site_page_is_found_from_the_front():
    import yaml

    config = yaml.safe_load((MANUAL / "mkdocs.yml").read_text(encoding="utf-8"))

    def pages(entries: list) -> list[str]:
        found: list[str] = []
        for entry in entries:
            value = next(iter(entry.values())) if isinstance(entry, dict) else entry
            found += pages(value) if isinstance(value, list) else [value]
        return found

    in_nav = pages(config["nav"])
    on_disk = sorted(path.relative_to(MANUAL / "docs").as_posix() for path in (MANUAL / "docs").rglob("*.md"))
    assert sorted(in_nav) == on_disk  # a page left out of the nav is found by no reader
    assert "existing-site.md" in (MANUAL / "docs" / "index.md").read_text(encoding="utf-8")
    assert "manual/docs/existing-site.md" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_troubleshooting_page_quotes_every_message_an_author_can_see():
    page = " ".join((MANUAL / "docs" / "troubleshooting.md").read_text(encoding="utf-8").split())
    templates = message_templates()
    assert len(templates) > 60  # the reading of the source found the messages
    missing = sorted({part for template in templates for part in fragments(template)
                      if " ".join(part.split()) not in page})
    assert missing == [], "manual/docs/troubleshooting.md does not quote these parts of messages:\n" + "\n".join(missing)


def test_the_message_reader_finds_a_new_message():
    """The check above can fail: a message added to the source is found."""
    import author_messages

    source = author_messages.PACKAGE / "_internal" / "widgets" / "blocks.py"
    tree_text = source.read_text(encoding="utf-8")
    assert "the widget has no title." in tree_text
    assert any("the widget has no title." in t for t in message_templates())
    assert fragments("…:…: the sky is green today. Fix: paint it …") == ["the sky is green today. Fix: paint it"]
    # Functions marked as wording messages are read too, whatever their names.
    assert any(t.startswith("Did you mean") for t in message_templates())


def test_the_readme_is_a_short_front_door_to_the_manual():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 150
    for page in ("install", "tutorial", "writing", "publishing", "troubleshooting", "reference"):
        assert f"manual/docs/{page}.md" in readme, page
    for link in re.findall(r"\]\((manual/docs/[\w-]+\.md)", readme):
        assert (ROOT / link).is_file(), link


def _readme_install_lines() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Install", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block, "the README's Install section has no sh block"
    return [line.split("#", 1)[0].strip() for line in block.group(1).splitlines() if line.strip()]


@pytest.mark.parametrize("way", ["index", "clone"])
def test_the_readmes_install_commands_work_as_written(way: str, dist: Path, tmp_path: Path):
    """Each line of the README's Install block, run as written in a fresh environment: from the index (the
    local wheel standing in for PyPI) and from a clone of this repository in ./guide-widgets."""
    index, clone = _readme_install_lines()
    line = index if way == "index" else clone
    assert line == ("python -m pip install mkdocs-guide-widgets" if way == "index"
                    else "python -m pip install ./guide-widgets")
    if way == "clone":
        cloned = subprocess.run(["git", "clone", "-q", str(ROOT), str(tmp_path / "guide-widgets")],
                                capture_output=True, text=True, check=False)
        assert cloned.returncode == 0, cloned.stderr
    env_dir = tmp_path / "env"
    venv.create(env_dir, with_pip=True)
    env = {"PATH": f"{env_dir / 'bin'}:/usr/bin:/bin", "HOME": os.environ.get("HOME", str(tmp_path)),
           "PIP_DISABLE_PIP_VERSION_CHECK": "1", **({"PIP_FIND_LINKS": str(dist)} if way == "index" else {})}
    ran = subprocess.run(["bash", "-c", line], cwd=tmp_path, env=env, capture_output=True, text=True,
                         check=False, timeout=900)
    assert ran.returncode == 0, ran.stdout[-2000:] + ran.stderr[-3000:]
    made = subprocess.run([str(env_dir / "bin" / "guide-widgets"), "new", "g"], cwd=tmp_path, env=env,
                          capture_output=True, text=True, check=False)
    assert made.returncode == 0, made.stderr
    plugin = subprocess.run([str(env_dir / "bin" / "python"), "-c", "from importlib.metadata import entry_points; "
                             "print([e.name for e in entry_points(group='mkdocs.plugins')])"],
                            env=env, capture_output=True, text=True, check=False)
    assert "guide_widgets" in plugin.stdout
