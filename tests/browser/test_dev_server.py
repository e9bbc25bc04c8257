"""`mkdocs serve` while an author writes: a rebuild that fails shows its messages on the page being viewed, with
the file, the line and the fix, and the page recovers by itself once the file is fixed."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from building import dev_server
from conftest import FIXTURES
from playwright.sync_api import Browser, expect

from .conftest import ROOT, watched

BAD_BLOCK = "\n/// checklist | Broken\ngroups:\n  - legend: L\n    itemz: [x]\n///\n"


@pytest.fixture
def dev_site(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`mkdocs serve` of a copy of the second fixture guide, on a free port: its address and its guide file."""
    project = tmp_path / "houseplants"
    shutil.copytree(FIXTURES / "second-guide", project)
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    with dev_server(project, "plants/sun.html") as server:
        yield server.url, project / "docs" / "guide.md"


def test_a_failed_rebuild_shows_its_messages_on_the_page_and_the_page_recovers_when_fixed(
        browser: Browser, dev_site: tuple[str, Path]):
    url, guide = dev_site
    good = guide.read_text(encoding="utf-8")
    lines = good.splitlines()
    sun = next(n for n, line in enumerate(lines, 1) if line.startswith("## ") and "sun" in line.lower())
    with watched(browser, url.rstrip("/")) as (context, watcher):
        watcher.allow("status of 404")  # the state is asked for while the server restarts its build
        page = context.new_page()
        page.goto(url + "plants/sun.html")
        expect(page.locator("#gw-build-error")).to_have_count(0)
        broken = lines[:sun] + BAD_BLOCK.splitlines() + lines[sun:]
        guide.write_text("\n".join(broken) + "\n", encoding="utf-8")
        panel = page.locator("#gw-build-error")
        expect(panel).to_be_visible(timeout=60_000)
        expect(panel).to_contain_text("The site did not build")
        expect(panel).not_to_contain_text("Aborted with")
        expect(panel).to_contain_text(
            f"docs/guide.md:{sun + 5}: widget '/// checklist': 'groups': item 1, unknown option 'itemz'. The "
            "options are: legend, items, scored, other, needed, summary. Fix: Did you mean 'items'? Correct the "
            "spelling, or remove 'itemz'.")
        # Another page of the site says so too.
        page.goto(url + "plants/watering.html")
        expect(page.locator("#gw-build-error")).to_be_visible()
        guide.write_text(good.replace("## ", "## ", 1), encoding="utf-8")
        expect(page.locator("#gw-build-error")).to_have_count(0, timeout=60_000)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
