"""The manual's page "Add widgets to an existing site", followed as written: a five-page Material handbook with its
own nav, palette and features (tests/fixtures/existing-site), its environment holding only Material, gets the
plugin (the local wheel standing in for PyPI), Pyodide by `guide-widgets setup`, a quiz, a checklist and a kind
of its own, builds `--strict` without a warning, and answers in Chromium with a clean console. Only
`mkdocs serve`, which runs until stopped, is left out (the dev server has tests of its own)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from importlib import metadata
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import build_for, watched
from .existing_site import page_steps, shell_script, the_site_before
from .reader import ready
from .site_server import SiteServer

POLICY = 'meta[http-equiv="Content-Security-Policy"]'


def test_the_page_leaves_out_only_what_runs_until_stopped():
    steps, skipped = page_steps()
    assert skipped == ["mkdocs serve"]
    commands = "".join(step.text for step in steps if not step.path)
    assert commands.splitlines() == ["python -m pip install mkdocs-guide-widgets", "guide-widgets setup", "mkdir -p widgets",
                                     "mkdocs build --strict"]
    assert [(step.path, step.how) for step in steps if step.path] == [
        ("mkdocs.yml", "append"), ("mkdocs.yml", "under"), ("docs/borrowing.md", "append"),
        ("docs/budgeting.md", "append"), ("widgets/payoff/spec.py", "write"), ("widgets/payoff/form.html", "write"),
        ("widgets/payoff/logic.py", "write"), ("widgets/payoff/strings.yml", "write"), ("docs/debt.md", "append"),
        ("mkdocs.yml", "end of")]


@pytest.fixture(scope="module")
def followed(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The handbook after the page's steps, run by bash in the site's own environment (Material only, at
    first), and what the last command, the build, printed."""
    folder = the_site_before(tmp_path_factory.mktemp("existing") / "handbook")
    node = Path(shutil.which("node") or "/usr/bin/node").parent
    home = os.environ.get("HOME", str(folder))
    env = {"PATH": f"{node}:/usr/local/bin:/usr/bin:/bin", "HOME": home, "PIP_FIND_LINKS": str(dist),
           "PIP_DISABLE_PIP_VERSION_CHECK": "1", "LANG": "C.UTF-8", "NO_MKDOCS_2_WARNING": "1"}
    material = metadata.version("mkdocs-material")
    before = (f"python3 -m venv .venv\n. .venv/bin/activate\n"
              f"python -m pip install --quiet mkdocs-material=={material}\n")
    script = shell_script(page_steps()[0]).replace("set -eo pipefail\n", f"set -eo pipefail\n{before}", 1)
    ran = subprocess.run(["bash", "-c", script], cwd=folder, env=env, capture_output=True, text=True, check=False,
                         timeout=1500)
    assert ran.returncode == 0, ran.stdout[-4000:] + ran.stderr[-4000:]
    build = ran.stderr[ran.stderr.rindex("INFO    -  Cleaning site directory"):]
    return folder, build


def test_the_site_builds_strict_with_its_own_nav_and_nothing_orphaned(followed: tuple[Path, str]):
    folder, said = followed
    site = folder / "site"
    assert "WARNING" not in said and "ERROR" not in said
    assert "nav does not list it" not in said  # the page's last step listed it
    assert sorted(p.parent.name for p in site.glob("*/index.html")) == [
        "borrowing", "budgeting", "debt", "glossary", "my-plan"]
    assert (folder / "node_modules" / "pyodide" / "pyodide.asm.wasm").is_file()
    home = (site / "index.html").read_text(encoding="utf-8")
    nav = home.split("md-nav--primary", 1)[1].split("md-sidebar--secondary", 1)[0]
    # The site's own nav, as it was, with the plan page where the author listed it.
    assert re.findall(r'<a href="([^"]*)" class="md-nav__link', nav) == [
        ".", "budgeting/", "borrowing/", "debt/", "glossary/", "my-plan/"]
    search = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert sorted(set(re.findall(r'"location":"([\w-]*/?)(?:#|")', search))) == [
        "", "borrowing/", "budgeting/", "debt/", "glossary/", "my-plan/"]
    # The policy stands on the pages with widgets and the plan; the others are as they were.
    for name, has in (("borrowing", True), ("budgeting", True), ("debt", True), ("my-plan", True),
                      ("glossary", False)):
        page = (site / name / "index.html").read_text(encoding="utf-8")
        assert ("Content-Security-Policy" in page) is has, name
    assert "Content-Security-Policy" not in home
    borrowing = (site / "borrowing" / "index.html").read_text(encoding="utf-8")
    assert 'href="../glossary/#apr"' in borrowing  # written glossary.md#apr in the block's text
    assert 'href="#what-a-loan-costs"' in borrowing
    assert 'href="../budgeting/#the-four-pots"' in borrowing


def test_each_widget_answers_in_chromium_and_instant_navigation_brings_the_policy(
        followed: tuple[Path, str], browser: Browser):
    with SiteServer("/") as served:
        # Built for its address, as the publishing workflow builds it: Material's instant navigation takes over
        # only the links that the sitemap lists, with full addresses made from site_url.
        served.directory = build_for(served.url, followed[0] / "published", followed[0])
        sitemap = (served.directory / "sitemap.xml").read_text(encoding="utf-8")
        assert sorted(re.findall(r"<loc>([^<]*)</loc>", sitemap)) == [  # every page, and nothing else
            served.url + path for path in ("", "borrowing/", "budgeting/", "debt/", "glossary/", "my-plan/")]
        with watched(browser, served.origin) as (context, _):
            page = context.new_page()
            # A reader arrives on a page without widgets, which carries no policy. Instant navigation to a page
            # with widgets opens that page anew, with its policy; from then on the visit keeps it.
            page.goto(served.url + "glossary/")
            expect(page.locator(POLICY)).to_have_count(0)
            nav(page, "Borrowing")  # the tab: its first page
            expect(page).to_have_url(served.url + "borrowing/")
            expect(page.locator(POLICY)).to_have_count(1)
            region = ready(page)
            page.get_by_label("Probably not").check()
            page.get_by_label("No", exact=True).first.check()
            expect(region.locator(".gw-band-title")).to_have_text("Wait")
            expect(region.get_by_role("link", name="APR")).to_have_attribute("href", "../glossary/#apr")

            nav(page, "Budgeting")
            region = ready(page)
            for item in ("Every bill that falls due this month is in the first pot.",
                         "The smallest payment of every debt is in the second pot.",
                         "Something goes into savings, however small."):
                page.get_by_label(item).check()
            expect(region.locator(".gw-band-title")).to_have_text("A start")
            page.get_by_label("I look at what is left in each pot once a week.").check()
            expect(region.locator(".gw-band-title")).to_have_text("Ready")
            expect(region.get_by_role("link", name="the next section")).to_have_attribute("href", "#looking-back")

            nav(page, "Borrowing")
            nav(page, "Paying debt down")
            expect(page).to_have_url(served.url + "debt/")
            region = ready(page)
            expect(region).to_contain_text("Enter what you owe and what you pay each month")
            expect(page.get_by_label("The debt's APR, in percent")).to_have_value("22")
            page.get_by_label("What you owe now").fill("1200")
            page.get_by_label("What you pay each month").fill("10")
            expect(region.locator(".gw-headline")).to_contain_text("never shrinks")
            page.get_by_label("What you pay each month").fill("100")
            expect(region.locator(".gw-headline")).to_have_text("Paid off in 14 months")
            expect(region).to_contain_text("in interest")
            page.get_by_label("The debt's APR, in percent").fill("400")
            expect(page.locator("#gw-1-apr-message")).to_have_text("Enter a rate from 0 to 100.")
            expect(page.get_by_label("What you owe now")).to_have_value("1200")  # the other answers stay
            page.get_by_label("The debt's APR, in percent").fill("22")
            expect(region.locator(".gw-headline")).to_have_text("Paid off in 14 months")

            # The plan gathers them in the order of the site's own nav, not of the files' names.
            nav(page, "My plan")
            expect(page.locator("[data-gw-plan-entry] h2")).to_have_text(
                ["Budgeting", "Before you borrow", "Paying debt down"])


def nav(page: Page, title: str) -> None:
    """Follows the site's own tabs or nav to a page, as a reader clicks them (an instant navigation)."""
    links = page.locator(".md-tabs, .md-nav--primary").get_by_role("link", name=title, exact=True)
    links.locator("visible=true").first.click()
