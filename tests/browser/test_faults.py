"""When something breaks, the reader is told plainly, the guide stays readable, and recovery works."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import BrowserContext, Page, expect

from .conftest import Watch
from .reader import (
    APOLOGY,
    NO_CONTACT,
    QUIZ,
    READY_MS,
    answer_quiz,
    expect_band,
    open_page,
    ready,
    result,
    status,
)
from .site_server import SiteServer

LOAD_FAILED = "This tool could not start: the Python runtime files could not be loaded."


def test_a_missing_runtime_file_is_reported_and_retry_works_once_it_is_back(watch: tuple[BrowserContext, Watch],
                                                                            site: SiteServer):
    context, watcher = watch
    watcher.allow("status of 404|pyodide.mjs")
    page = context.new_page()
    with site.missing("/assets/pyodide/pyodide.mjs"):
        open_page(page, site, QUIZ)
        expect(status(page)).to_contain_text(LOAD_FAILED, timeout=READY_MS)
        expect(status(page)).to_contain_text("The guide itself still works.")
        # The guide stays readable and the form stays usable meanwhile.
        expect(page.get_by_role("heading", name="Signs that the door is closed")).to_be_visible()
        answer_quiz(page, {1: 2, 2: 2, 3: 2, 4: 2})
        page.get_by_role("button", name="Try again").click()
        expect(status(page)).to_contain_text(LOAD_FAILED, timeout=READY_MS)
    page.get_by_role("button", name="Try again").click()
    expect_band(result(page), "It may be time to let go")
    expect(status(page)).to_be_empty()


def test_a_blocked_webassembly_file_is_reported_and_retry_works_once_it_is_allowed(
        watch: tuple[BrowserContext, Watch], site: SiteServer):
    context, watcher = watch
    watcher.allow("wasm|WebAssembly|ERR_BLOCKED|ERR_FAILED|Failed to load")
    context.route("**/*.wasm", lambda route: route.abort("blockedbyclient"))
    page = context.new_page()
    open_page(page, site, NO_CONTACT)
    expect(status(page)).to_contain_text("This tool could not start: the Python runtime could not be loaded",
                                         timeout=READY_MS)
    page.get_by_label("Length of the period, in days").fill("12")
    context.unroute("**/*.wasm")
    page.get_by_role("button", name="Try again").click()
    expect(result(page).locator(".gw-headline")).to_have_text("Day 0 of 12: the first full day is tomorrow",
                                                             timeout=READY_MS)
    expect(page.get_by_label("Length of the period, in days")).to_have_value("12")


def widget_worker(page: Page) -> Any:
    workers = [w for w in page.workers if w.url.endswith("/guide-widgets/worker.js")]
    assert len(workers) == 1, [w.url for w in page.workers]
    return workers[0]


def test_a_worker_that_dies_mid_session_is_replaced_on_the_next_answer(page: Page, site: SiteServer):
    open_page(page, site, QUIZ)
    region = ready(page)
    answer_quiz(page, {1: 0, 2: 0, 3: 0, 4: 0})
    expect_band(region, "Nothing here says stop")
    booted = site.count("pyodide.asm.wasm")
    widget_worker(page).evaluate("() => self.close()")  # gone without a word, as a crashed worker is
    page.locator("input[name=q3][value='2']").check()  # 4 of 14 = 28.6%: still nothing says stop
    page.locator("input[name=q1][value='2']").check()  # 8 of 14 = 57%
    # Noticed after a few seconds without an answer; then Python boots again.
    expect(region.locator(".gw-band-title")).to_have_text("Slow down and look again", timeout=READY_MS)
    expect(region.locator(".gw-headline")).to_have_text("Based on 4 of 6 answers.")
    assert site.count("pyodide.asm.wasm") == booted + 1
    expect(status(page)).to_be_empty()


def test_answers_given_before_python_is_ready_are_answered_when_it_is(page: Page, site: SiteServer):
    with site.held("/assets/pyodide/pyodide.asm.wasm") as wasm:
        open_page(page, site, APOLOGY)
        expect(status(page)).to_contain_text("Loading Python on your device… You can fill in the form meanwhile.")
        page.get_by_label("Infidelity").check()
        page.get_by_label("Insecure").check()
        for box in page.locator("input[name=parts]").all()[:5]:
            box.check()
        page.get_by_label("Your draft apology (optional)").fill("I cheated, but it was not that bad.")
        expect(result(page)).to_be_empty()
        wasm.set()
        region = ready(page)
    expect(region.locator(".gw-headline")).to_have_text("5 of 6 parts in place.")
    expect(region.locator("mark")).to_have_text(["but", "it was not that bad"])
    expect(status(page)).to_be_empty()


def test_instant_navigation_to_a_second_widget_page_boots_python_once(page: Page, site: SiteServer):
    booted = site.count("pyodide.asm.wasm")
    open_page(page, site, APOLOGY)
    ready(page)
    page.evaluate("() => { window.samePage = true; }")
    page.locator(".md-nav--primary").get_by_role("link", name="The no-contact rule").click()
    expect(page).to_have_url(site.url + NO_CONTACT)
    region = ready(page)
    expect(region.locator(".gw-headline")).to_contain_text("Day 0 of 30")
    page.locator(".md-nav--primary").get_by_role("link", name="Knowing when to walk away").click()
    expect(page).to_have_url(site.url + QUIZ)
    region = ready(page)
    answer_quiz(page, {1: 2, 2: 2, 3: 2, 4: 2})
    expect_band(region, "It may be time to let go")
    assert page.evaluate("() => window.samePage === true"), "a link reloaded the page"
    assert site.count("pyodide.asm.wasm") == booted + 1
    widget_worker(page)  # exactly one
    # Back to the first page: its widget works again with the same Python.
    page.go_back()
    page.go_back()
    expect(page).to_have_url(site.url + APOLOGY)
    region = ready(page)
    page.get_by_label("Lying").check()
    expect(region).to_contain_text("You will name: Lying.")
    assert site.count("pyodide.asm.wasm") == booted + 1
