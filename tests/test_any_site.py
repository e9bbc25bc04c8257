"""Widgets on a site that has no guide, or several: the handbook of manual/docs/existing-site.md (its steps
applied by tests/browser/existing_site.py) built in this process, and changed one way per test."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from browser.existing_site import the_site_after
from building import failed_build
from conftest import FIXTURES, ROOT, mkdocs_build, problems


@pytest.fixture
def handbook(tmp_path: Path) -> Path:
    return the_site_after(tmp_path / "handbook")


def built(project: Path, site: Path, **overrides: object) -> Path:
    result = mkdocs_build(project, site, **overrides)
    assert result.returncode == 0, result.stderr
    assert problems(result) == []
    return site


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_site_without_a_guide_splits_nothing_and_adds_only_the_plan(handbook: Path, tmp_path: Path):
    site = built(handbook, tmp_path / "site")
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html")) == [
        "borrowing/index.html", "budgeting/index.html", "debt/index.html", "glossary/index.html", "index.html",
        "my-plan/index.html"]
    debt = (site / "debt" / "index.html").read_text(encoding="utf-8")
    assert 'data-gw-kind="payoff"' in debt
    assert '<h1 id="paying-debt-down">Paying debt down' in debt  # the page's own headings, as written


def test_links_in_blocks_reach_this_page_other_pages_and_their_headings(handbook: Path, tmp_path: Path):
    site = built(handbook, tmp_path / "site")
    borrowing = (site / "borrowing" / "index.html").read_text(encoding="utf-8")
    assert borrowing.count('href="../glossary/#apr"') >= 2  # the page's own link, and the block's
    assert '<a href="#what-a-loan-costs">' in borrowing
    assert '<a href="../budgeting/#the-four-pots">' in borrowing
    plan = (site / "my-plan" / "index.html").read_text(encoding="utf-8")
    assert 'href="../borrowing/#what-a-loan-costs"' in plan  # from the plan, the same heading


@pytest.mark.parametrize(("link", "message"), [
    ('"#what-a-loan-cost"', "docs/borrowing.md:{line}: widget '/// quiz': the link '#what-a-loan-cost' points to "
                            "no heading of this page. Fix: Did you mean '#what-a-loan-costs'? Link to a heading "
                            "that this page has, by its anchor."),
    ("glossary.md#aprr", "docs/borrowing.md:{line}: widget '/// quiz': the link 'glossary.md#aprr' points to no "
                         "heading of glossary.md. Fix: Did you mean 'glossary.md#apr'? Link to a heading that glossary.md "
                         "has, by its anchor."),
    ("glosary.md#apr", "docs/borrowing.md:{line}: widget '/// quiz': the link 'glosary.md#apr' points to no page "
                       "of the site. Fix: Did you mean 'glossary.md#apr'? Link to a heading by its anchor: '#anchor' "
                       "on this page or in its guide, 'page.md#anchor' on another page."),
    ("nowhere.md", "docs/borrowing.md:{line}: widget '/// quiz': the link 'nowhere.md' points to no page of the "
                   "site. Fix: Link to a heading by its anchor: '#anchor' on this page or in its guide, "
                   "'page.md#anchor' on another page."),
])
def test_a_link_to_nowhere_stops_the_build_with_its_file_line_and_the_nearest_heading(
        handbook: Path, tmp_path: Path, link: str, message: str):
    page = handbook / "docs" / "borrowing.md"
    edit(page, 'link: "#what-a-loan-costs"', f"link: {link}")
    line = page.read_text(encoding="utf-8").splitlines().index(f"    link: {link}") + 1
    stderr = failed_build(handbook, tmp_path / "site")
    assert f"  {message.format(line=line)}" in stderr.splitlines()


def test_every_mistake_of_every_block_in_one_build(handbook: Path, tmp_path: Path):
    edit(handbook / "docs" / "borrowing.md", "min_answered: 2", "min_answerd: 2\ncolour: red")
    edit(handbook / "docs" / "borrowing.md", "        weight: 2\n", "        weight: lots\n")
    edit(handbook / "docs" / "debt.md", "apr: 22", "apr: 220")
    stderr = failed_build(handbook, tmp_path / "site")
    listed = [line for line in stderr.splitlines() if line.startswith("  docs/")]
    assert [line.split(": widget", 1)[0] for line in listed] == [
        f"  docs/borrowing.md:{n}" for n in _lines(handbook / "docs" / "borrowing.md", "weight: lots",
                                                   "min_answerd", "colour")] + [
        f"  docs/debt.md:{_lines(handbook / 'docs' / 'debt.md', 'apr: 220')[0]}"]
    assert "Did you mean 'min_answered'?" in listed[1]


def _lines(path: Path, *texts: str) -> list[int]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [next(n for n, line in enumerate(lines, 1) if text in line) for text in texts]


def test_the_policy_stands_on_widget_pages_only_unless_asked_everywhere(handbook: Path, tmp_path: Path):
    site = built(handbook, tmp_path / "site")
    policed = {p.parent.name for p in site.glob("*/index.html") if "Content-Security-Policy" in p.read_text()}
    assert policed == {"borrowing", "budgeting", "debt", "my-plan"}
    assert "Content-Security-Policy" not in (site / "index.html").read_text()
    assert "Content-Security-Policy" not in (site / "404.html").read_text()
    edit(handbook / "mkdocs.yml", "      widgets_dir: widgets", "      widgets_dir: widgets\n      policy: everywhere")
    site = built(handbook, tmp_path / "everywhere")
    for page in [*site.rglob("index.html"), site / "404.html"]:
        assert '<head><meta http-equiv="Content-Security-Policy"' in page.read_text(), page


def test_fonts_and_scripts_from_elsewhere_are_named_with_their_fix(handbook: Path, tmp_path: Path):
    edit(handbook / "mkdocs.yml", "  font: false", "  font:\n    text: Roboto")
    edit(handbook / "mkdocs.yml", "extra_css:", "extra_javascript:\n  - https://cdn.example.org/chart.js\n"
                                               "extra_css:")
    result = mkdocs_build(handbook, tmp_path / "site")
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert len(warnings) == 2
    assert warnings[0].startswith("WARNING -  guide_widgets: https://cdn.example.org/chart.js comes from another "
                                  "site, and the pages that keep the reader's answers on the device (")
    named = warnings[0].split("device (", 1)[1].split(")", 1)[0]
    assert named.endswith(" and 1 more") and len(named.split(", ")) == 3  # four pages: three named
    assert warnings[0].endswith("Fix: serve it from the site itself: add '- privacy' under 'plugins:' in "
                                "mkdocs.yml (Material then downloads it at build time and serves it from the site), "
                                "or copy it into the docs folder and link that copy. An analytics or tracking "
                                "script cannot run there: nothing on those pages may reach another site.")
    assert warnings[1].startswith("WARNING -  guide_widgets: https://fonts.googleapis.com/css comes from another")
    assert warnings[1].endswith("Fix: this is the theme's web font. Set 'font: false' under 'theme:' in mkdocs.yml "
                                "(the reader's own fonts are used), or add '- privacy' under 'plugins:' so that "
                                "Material serves the font from the site itself.")


def test_the_plan_follows_the_nav_and_its_address_the_language(handbook: Path, tmp_path: Path):
    site = built(handbook, tmp_path / "site")
    plan = (site / "my-plan" / "index.html").read_text(encoding="utf-8")
    entries = re.findall(r'<h2 id="plan-\d+-section"><a href="([^"]+)"', plan)
    assert entries == ["../budgeting/#gw-1", "../borrowing/#gw-1", "../debt/#gw-1"]  # the nav's order
    # In German the plan page is mein-plan/; a nav still naming my-plan.md is stopped with the fix.
    edit(handbook / "mkdocs.yml", "  font: false", "  font: false\n  language: de")
    edit(handbook / "widgets" / "payoff" / "strings.yml", "en:", "de:\n" + "".join(
        f"  {line}\n" for line in (handbook / "widgets" / "payoff" / "strings.yml").read_text().split("en:\n", 1)[1]
        .splitlines()) + "en:")
    stderr = failed_build(handbook, tmp_path / "de")
    assert ("ERROR   -  mkdocs.yml: the nav lists 'my-plan.md', the plan page's address in another language; in "
            "this site's language the plugin makes it 'mein-plan.md'. Fix: write 'mein-plan.md' in the nav, or set "
            "'plan_page: my-plan' under 'plugins: - guide_widgets:' in mkdocs.yml to keep the old address.") \
        in stderr
    edit(handbook / "mkdocs.yml", "my-plan.md", "mein-plan.md")
    result = mkdocs_build(handbook, tmp_path / "de")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "de" / "mein-plan" / "index.html").is_file()


def test_several_guides_each_split_into_their_own_folder(tmp_path: Path):
    project = tmp_path / "two"
    shutil.copytree(FIXTURES / "second-guide", project)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    docs = project / "docs"
    shutil.copy2(docs / "guide.md", docs / "herbs.md")
    edit(project / "mkdocs.yml", "      guide: guide.md\n      pages_dir: plants\n",
         "      guides:\n        - file: guide.md\n          pages_dir: plants\n        - file: herbs.md\n")
    site = built(project, tmp_path / "site")
    plants = sorted(p.name for p in (site / "plants").glob("*.html"))
    herbs = sorted(p.name for p in (site / "herbs").glob("*.html"))
    assert plants == ["index.html", "repotting.html", "sun.html", "watering.html"]
    assert herbs == plants
    assert (site / "my-plan.html").is_file()  # one plan for the site, at its root
    watering = (site / "herbs" / "watering.html").read_text(encoding="utf-8")
    assert 'href="sun.html#reading-the-leaves"' in watering  # links stay inside their own guide
