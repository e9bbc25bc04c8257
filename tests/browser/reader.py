"""What a reader does on a page, in a few words each: open a widget page, answer, read the result."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from .site_server import SiteServer

# Python boots in a few seconds here; a slow, busy CI machine gets generous room.
READY_MS = 60_000

# What each "snapshot-done" the worker sent said (stored or not, and why): a plain or prepared boot sends one.
SNAPSHOT_DONE = "() => performance.getEntriesByName('guide-widgets:snapshot-done').map(m => m.detail)"

# The guide's widget pages, by the widget they hold.
APOLOGY = "taking-responsibility/"
NO_CONTACT = "the-no-contact-rule/"
QUIZ = "knowing-when-to-walk-away/"
WIDGET_PAGES = (APOLOGY, NO_CONTACT, QUIZ)


def site_pages(built_site: Path) -> list[str]:
    """Every page of the built site, as paths relative to its root ("" is the landing page)."""
    pages = []
    for index in built_site.rglob("index.html"):
        relative = index.parent.relative_to(built_site).as_posix()
        if not relative.startswith("assets"):
            pages.append("" if relative == "." else relative + "/")
    return sorted(pages)


def result(page: Page) -> Locator:
    return page.locator("[data-gw-result]")


def status(page: Page) -> Locator:
    return page.locator("[data-gw-status]")


def open_page(page: Page, site: SiteServer, path: str) -> None:
    page.goto(site.url + path)


def ready(page: Page) -> Locator:
    """Waits until the page's widget has shown its first result, and returns the result region."""
    region = result(page)
    expect(region).not_to_be_empty(timeout=READY_MS)
    return region


def bound(page: Page) -> None:
    """Waits until widgets.js has bound the page (`data-gw-bound` on the root element): every way Python could
    start on it (the head's starter, then a widget) has been taken or passed by."""
    expect(page.locator("html[data-gw-bound]")).to_have_count(1, timeout=READY_MS)


def python_workers(page: Page) -> list[str]:
    """The page's workers that run Python (Material's search has a worker of its own)."""
    return [worker.url for worker in page.workers if worker.url.endswith("/guide-widgets/worker.js")]


def answer_quiz(page: Page, answers: dict[int, int]) -> None:
    """Clears the quiz, then picks answer index `a` for question number `q` (1-based), with the mouse."""
    page.get_by_role("button", name="Clear my answers").click()
    for question, choice in answers.items():
        page.locator(f"input[name=q{question}][value='{choice}']").check()


def days_ago(days: int) -> str:
    return (today() - datetime.timedelta(days=days)).isoformat()


def today() -> datetime.date:
    """Today as the page sees it: contexts run with timezone_id UTC."""
    return datetime.datetime.now(datetime.UTC).date()


def tab_to(page: Page, selector: str, limit: int = 250) -> None:
    """Presses Tab until the element matching `selector` has focus: proof that the keyboard reaches it."""
    for _ in range(limit):
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} was not reached with {limit} presses of Tab")


def expect_band(region: Locator, title: str) -> None:
    """The result shows the band `title`: as soon as Python answers, which may be a boot away on a busy machine."""
    expect(region.locator(".gw-band-title")).to_have_text(re.compile(re.escape(title)), timeout=READY_MS)


def wait_until(page: Page, script: str, timeout_ms: int = 120_000) -> None:
    """Waits until the async function `script` answers true in the page (wait_for_function would take the
    promise it returns as a true answer)."""
    waited = 0
    while not page.evaluate(script):
        assert waited < timeout_ms, f"still false after {timeout_ms} ms: {script}"
        page.wait_for_timeout(250)
        waited += 250
