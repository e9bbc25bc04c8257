"""Guides that are wrong, built with `mkdocs build --strict`: what stops the build (no sections, clashing or
empty slugs, an unclosed fence, a missing guide or extension, a page in the way, a bad widget block or page
marker), and the message that names the file, the line and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from building import failed_build
from conftest import make_project, problems


@pytest.mark.parametrize(("guide", "message"), [
    ("# T\n\nJust an introduction.\n",
     "ERROR   -  docs/guide.md:1: the guide has no sections. "
     "Fix: Start each section with a '## Heading' line below the title."),
    ("# T\n\n## Twice {#twice}\n\n## Again {#twice}\n",
     "ERROR   -  docs/guide.md:5: the section 'Again' has the slug 'twice', already used by the section on "
     "line 3. Fix: Rename it, or give it its own slug: ## Again {#another-slug}"),
    ("# T\n\n## ???\n",
     "ERROR   -  docs/guide.md:3: the heading '???' gives an empty URL slug. "
     "Fix: Add letters or digits to it, or give it a slug: ## ??? {#my-slug}"),
])
def test_bad_guides_stop_the_build_with_file_line_and_fix(tmp_path: Path, guide: str, message: str):
    stderr = failed_build(make_project(tmp_path, guide), tmp_path / "site")
    assert message in stderr


def test_every_problem_in_the_guide_is_reported_in_one_build(tmp_path: Path):
    guide = "## Early\n\n# T\n\n## ???\n\n## Fine\n\n## !!!\n"
    stderr = failed_build(make_project(tmp_path, guide), tmp_path / "site")
    assert ("ERROR   -  The guide cannot be split into pages:\n"
            "  docs/guide.md:5: the heading '???' gives an empty URL slug. Fix: Add letters or digits to it, or "
            "give it a slug: ## ??? {#my-slug}\n"
            "  docs/guide.md:9: the heading '!!!' gives an empty URL slug. Fix: Add letters or digits to it, or "
            "give it a slug: ## !!! {#my-slug}") in stderr


def test_a_fence_never_closed_fails_a_strict_build_at_its_line(tmp_path: Path):
    guide = "# T\n\n## A\n\n```python\nprint(1)\n\n## B\n\nText.\n"
    stderr = failed_build(make_project(tmp_path, guide), tmp_path / "site")
    assert problems(stderr) == [
        "WARNING -  guide_widgets: docs/guide.md:5: this code fence is never closed, so Markdown shows it and "
        "everything after it as plain text. Fix: Close it with a line of the same backticks or tildes."]


def test_missing_guide_file_stops_the_build(tmp_path: Path):
    project = make_project(tmp_path, "")
    (project / "docs" / "guide.md").unlink()
    stderr = failed_build(project, tmp_path / "site")
    assert ("ERROR   -  docs/guide.md: the guide document was not found. Fix: create it, or set 'guide:' under "
            "'plugins: - guide_widgets:' in mkdocs.yml to the guide's path inside docs_dir (or remove 'guide:' to "
            "add widgets to the site's own pages).") in stderr


def test_a_page_that_would_overwrite_an_existing_file_stops_the_build(tmp_path: Path):
    project = make_project(tmp_path, "# T\n\n## About\n", **{"plants/about.md": "# Mine\n"})
    stderr = failed_build(project, tmp_path / "site")
    assert "ERROR   -  docs/guide.md:3: the page for 'About' would be docs/plants/about.md, which already exists." \
        in stderr


def test_missing_prerequisite_extension_is_named(tmp_path: Path):
    project = make_project(tmp_path, "# T\n\n## A\n")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - attr_list\n", ""))
    stderr = failed_build(project, tmp_path / "site")
    assert ("guide_widgets needs the Markdown extension 'attr_list': it reads explicit slugs such as "
            "'## Heading {#my-slug}'. Fix: add '- attr_list' under markdown_extensions in mkdocs.yml.") \
        in stderr


def test_a_bad_widget_in_the_guide_stops_the_build_at_its_guide_line(tmp_path: Path):
    guide = ("# T\n\n## A\n\nText.\n\n## B\n\n/// period | Days\ndays: 0\nstages:\n  - from: 0\n    text: x\n"
             "///\n")
    stderr = failed_build(make_project(tmp_path, guide), tmp_path / "site")
    assert ("docs/guide.md:10: widget '/// period': 'days': expected a whole number from 1 to 365, got 0. "
            "Fix: Give 'days' a whole number from 1 to 365.") in stderr


def test_a_bad_widget_on_an_ordinary_page_names_that_page(tmp_path: Path):
    page = "---\ntitle: Extra\n---\n\n# Extra\n\n/// walk-away | Q\n///\n"
    stderr = failed_build(make_project(tmp_path, "# T\n\n## A\n", **{"extra.md": page}), tmp_path / "site")
    assert "docs/extra.md:7: unknown block '/// walk-away'." in stderr


def test_an_unknown_page_marker_stops_the_build_naming_its_line(tmp_path: Path):
    project = make_project(tmp_path, "# T\n\n## A\n", **{"about.md": "# About\n\nText.\n\n<!-- guide-widgets: stored-item -->\n"})
    stderr = failed_build(project, tmp_path / "site")
    assert ("docs/about.md:5: unknown marker '<!-- guide-widgets: stored-item -->'. Fix: write "
            "'<!-- guide-widgets: stored-items -->' or '<!-- guide-widgets: this-device -->'.") in stderr
