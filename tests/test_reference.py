"""The authors' reference is written from the spec classes, and agrees with what the build accepts."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml
from conftest import ROOT
from guide_widgets._internal.authoring.reference import (
    API_END,
    API_START,
    OPTIONS_END,
    OPTIONS_START,
    option_rows,
    readme_with_reference,
)
from guide_widgets._internal.config import GuideWidgetsConfig
from guide_widgets._internal.widgets.registry import builtin_kinds
from guide_widgets._internal.widgets.validation import SpecError, parse_spec

GOLDEN = ROOT / "tests" / "golden"


REFERENCE = ROOT / "manual" / "docs" / "reference.md"


def test_the_manuals_reference_is_what_the_spec_classes_say():
    readme = REFERENCE.read_text(encoding="utf-8")
    assert readme_with_reference(readme, builtin_kinds()) == readme, (
        "manual/docs/reference.md is out of date: run .venv/bin/guide-widgets reference --write "
        "manual/docs/reference.md")


def test_the_manual_documents_every_plugin_option_from_its_class():
    readme = REFERENCE.read_text(encoding="utf-8")
    section = readme.split(OPTIONS_START, 1)[1].split(OPTIONS_END, 1)[0]
    documented = re.findall(r"^\| `([\w.\[\]]+)` \|", section, re.M)
    assert documented == [name for name, *_ in option_rows(GuideWidgetsConfig)]
    assert {"guide", "pages_dir", "pyodide_dir", "strings", "widgets_dir", "informal", "plan_page"} <= set(documented)
    assert "node_modules" not in documented  # refused with a message naming pyodide_dir


def _sample(kind: str) -> dict:
    """The options of the golden block of a kind, as a dict."""
    body = (GOLDEN / f"{kind}.md").read_text(encoding="utf-8").split("\n", 1)[1].rsplit("///", 1)[0]
    return yaml.safe_load(body)


@pytest.mark.parametrize("kind", sorted(builtin_kinds()))
def test_every_documented_range_is_the_range_the_build_accepts(kind: str):
    spec_class = builtin_kinds()[kind].spec
    checked = 0
    for name, _type, _default, limits, _meaning in option_rows(spec_class):
        bounds = re.fullmatch(r"(-?[\d.]+) to (-?[\d.]+)", limits)
        if "." in name or not bounds:
            continue
        low, high = (float(b) for b in bounds.groups())
        for value, accepted in ((low, True), (high, True), (low - 1, False), (high + 1, False)):
            options = _sample(kind) | {name: int(value) if value == int(value) else value}
            if accepted:
                parse_spec(spec_class, yaml.safe_dump(options))
            else:
                with pytest.raises(SpecError, match=re.escape(limits)):
                    parse_spec(spec_class, yaml.safe_dump(options))
        checked += 1
    minimums = [row for row in option_rows(spec_class) if row[3].endswith(" or more") and "." not in row[0]]
    for name, *_rest in minimums:
        low = float(re.match(r"-?[\d.]+", _rest[2]).group(0))
        with pytest.raises(SpecError):
            parse_spec(spec_class, yaml.safe_dump(_sample(kind) | {name: int(low) - 1}))
        checked += 1
    assert checked or kind == "checklist"  # the checklist has no top-level number


def test_the_command_documents_an_authors_own_kinds_too():
    result = subprocess.run([sys.executable, "-m", "guide_widgets._internal.authoring.cli", "reference", "--widgets-dir",
                             "examples/savings/widgets"], capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    assert "### `/// savings-goal`" in result.stdout
    assert "| `goal` | number | required | 1 to 10000000 |" in result.stdout
    assert "### `/// period`" in result.stdout


def test_the_command_names_a_bad_kind():
    result = subprocess.run([sys.executable, "-m", "guide_widgets._internal.authoring.cli", "reference", "--widgets-dir", "docs"],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 1
    assert "guide-widgets: docs/stylesheets: the kind 'stylesheets' lacks spec.py, form.html, logic.py." in result.stderr


@pytest.mark.parametrize("module", ["guide_widgets._internal.widgets.validation", "guide_widgets.logic.view",
                                    "guide_widgets.logic.pictures",
                                    "guide_widgets.logic.bands"])
def test_every_example_of_the_widget_api_runs_as_the_reference_shows_it(module: str):
    """The examples in the reference's API section are these docstrings' doctests."""
    import doctest
    import importlib

    results = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert results.failed == 0
    assert results.attempted >= 1


def test_the_reference_documents_every_name_a_kind_may_import():
    import guide_widgets.logic as logic
    import guide_widgets.specs as specs

    section = REFERENCE.read_text(encoding="utf-8").split(API_START, 1)[1].split(API_END, 1)[0]
    headings = re.findall(r"^#### `(\w+)\(", section, re.M)
    assert sorted(headings) == sorted({*specs.__all__, *logic.__all__} - {"Node", "evaluate_json"})
    assert "#### `Number(minimum=None, maximum=None, integer=False, default=None)`" in section
