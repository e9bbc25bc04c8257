"""Readers who save data: Python waits until they come near a widget or use it, and says what it will cost."""

from __future__ import annotations

import re

from playwright.sync_api import BrowserContext, Page, expect

from .reader import NO_CONTACT, QUIZ, answer_quiz, bound, expect_band, open_page, python_workers, ready
from .site_server import SiteServer

SAVE_DATA = 'Object.defineProperty(navigator, "connection", {get: () => ({saveData: true, effectiveType: "4g"})});'
SLOW = 'Object.defineProperty(navigator, "connection", {get: () => ({saveData: false, effectiveType: "2g"})});'


def python_requests(site: SiteServer, since: int = 0) -> list[str]:
    """Requests for Python's files (the runtime, the logic) since the server had seen `since` requests."""
    return [path for path in site.requested[since:] if "/assets/pyodide/" in path or "/logic-" in path]


def open_saving_data(context: BrowserContext, site: SiteServer, connection: str, path: str) -> tuple[Page, int]:
    """Opens `path`, with the widget below the fold, in a browser reporting `connection`; and the number of
    requests the server had seen before."""
    context.add_init_script(connection)
    page = context.new_page()
    page.set_viewport_size({"width": 1000, "height": 600})
    since = len(site.requested)
    open_page(page, site, path)
    page.wait_for_load_state("load")
    return page, since


def test_saving_data_python_waits_for_the_reader_and_says_its_size(watch: tuple[BrowserContext, object],
                                                                    site: SiteServer):
    page, since = open_saving_data(watch[0], site, SAVE_DATA, QUIZ)
    status = page.locator("[data-gw-status]")
    expect(status).to_have_text(re.compile(
        r"To save data, this tool's Python \(about 4\.\d MB\) loads only once you use the form\."))
    bound(page)
    assert python_requests(site, since) == [], "Python started before the reader came near the widget"
    assert python_workers(page) == [], "a worker started before the reader came near the widget"
    # Coming near the widget starts it; the answers given meanwhile get their result.
    page.locator(".gw-widget").scroll_into_view_if_needed()
    region = ready(page)
    answer_quiz(page, {2: 2, 6: 1, 9: 2, 11: 2})
    expect_band(region, "It is time to step back")
    expect(status).to_be_empty()


def test_on_a_slow_connection_touching_the_form_starts_python(watch: tuple[BrowserContext, object],
                                                              site: SiteServer):
    page, since = open_saving_data(watch[0], site, SLOW, NO_CONTACT)
    bound(page)
    assert python_requests(site, since) == []
    assert python_workers(page) == []
    page.get_by_label("Length of the break you agreed on, in days").focus()
    expect(page.locator("[data-gw-result] .gw-headline")).to_contain_text("Day 0, with no end date", timeout=60_000)


def test_everyone_else_gets_the_early_start(page: Page, site: SiteServer):
    since = len(site.requested)
    open_page(page, site, QUIZ)
    page.wait_for_load_state("domcontentloaded")
    # The worker is asked for Python's files before the reader does anything at all.
    expect(page.locator("[data-gw-result]")).not_to_be_empty(timeout=60_000)
    assert any(path.endswith("pyodide.asm.wasm") for path in python_requests(site, since))
