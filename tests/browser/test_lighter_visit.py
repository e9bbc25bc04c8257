"""A lighter first visit: Python boots with the reduced standard library the build made, and a widget whose
logic needs more still answers, from the full one."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FIXTURES
from playwright.sync_api import Browser, expect

from .conftest import ROOT, build_for, watched
from .reader import QUIZ, answer_quiz, expect_band, open_page, ready
from .site_server import SiteServer

MEDIAN_KIND = {
    "spec.py": '''from guide_widgets.specs import Text, WidgetSpec


class Spec(WidgetSpec):
    """The median of some numbers."""

    unit = Text()
''',
    "form.html": '''{% extends "_widget.html" %}
{% block fields %}
<div class="gw-field">
<label for="{{ id }}-numbers">Numbers, separated by spaces</label>
<input type="text" id="{{ id }}-numbers" name="numbers">
</div>
{% endblock %}
''',
    # `statistics` is imported only once there is something to work out: the recording never sees it.
    "logic.py": '''from guide_widgets.logic import el, result


def evaluate(spec, fields, today):
    numbers = [float(n) for n in str(fields.get("numbers", "")).split()]
    if not numbers:
        return result([el("p", "No numbers yet.")])
    import statistics

    return result([el("p", f"Median: {statistics.median(numbers):g} {spec['unit']}", cls="gw-headline")])
''',
}


def test_python_boots_with_the_reduced_standard_library(browser: Browser, site: SiteServer):
    since = len(site.requested)  # the server keeps what the whole session asked for
    with watched(browser, site.origin) as (context, _):
        page = context.new_page()
        open_page(page, site, QUIZ)
        answer_quiz(page, {2: 2, 6: 1, 9: 2, 11: 2})
        expect_band(ready(page), "It is time to step back")
    asked = [path.rsplit("/", 1)[1] for path in site.requested[since:] if "/assets/pyodide/python_stdlib" in path]
    assert asked and all(name.startswith("python_stdlib-") for name in asked), asked
    reduced = site.directory / "assets" / "pyodide" / asked[0]
    assert reduced.stat().st_size < 0.4 * (site.directory / "assets" / "pyodide" / "python_stdlib.zip").stat().st_size


@pytest.fixture
def median_site(tmp_path: Path) -> Iterator[SiteServer]:
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "second-guide", project)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    for name, text in MEDIAN_KIND.items():
        (project / "widgets" / "median").mkdir(parents=True, exist_ok=True)
        (project / "widgets" / "median" / name).write_text(text, encoding="utf-8")
    guide = project / "docs" / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8") + "\n/// median | The middle value\nunit: cm\n///\n",
                     encoding="utf-8")
    extra = "plugins:\n  - guide_widgets:\n      pages_dir: plants\n      widgets_dir: widgets\n"
    with SiteServer("/plants-site/") as server:
        server.directory = build_for(server.url, tmp_path / "site", project, extra)
        yield server


def test_a_module_outside_the_reduced_archive_falls_back_to_the_full_one(browser: Browser, median_site: SiteServer):
    site = median_site
    with watched(browser, site.origin) as (context, _):
        page = context.new_page()
        page.goto(site.url + "plants/repotting.html")  # the guide's last section: the period, then the median
        region = page.locator("#gw-2 [data-gw-result]")
        expect(region).to_have_text("No numbers yet.", timeout=60_000)
        page.get_by_label("Numbers, separated by spaces").fill("3 1 7")
        expect(region.locator(".gw-headline")).to_have_text("Median: 3 cm", timeout=60_000)
        page.get_by_label("Numbers, separated by spaces").fill("3 1 7 10")
        expect(region.locator(".gw-headline")).to_have_text("Median: 5 cm")
        expect(page.locator("#gw-2 [data-gw-status]")).to_be_empty()
    asked = [path.rsplit("/", 1)[1] for path in site.requested if "/assets/pyodide/python_stdlib" in path]
    assert asked[0].startswith("python_stdlib-") and "python_stdlib.zip" in asked, asked
