"""A reader's first visit in real Chromium: each widget filled in on the built site, results read back."""

from __future__ import annotations

import datetime
import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect, sync_playwright

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
READY_MS = 60_000


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def base_url(built_site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(built_site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    assert Path(CHROMIUM).exists(), "Chromium is missing: scripts/test installs it (apt-get install chromium)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, base_url: str) -> Iterator[Page]:
    context = browser.new_context()
    opened = context.new_page()
    opened.foreign: list[str] = []  # type: ignore[attr-defined]
    opened.problems: list[str] = []  # type: ignore[attr-defined]
    opened.on("request", lambda r: None if r.url.startswith((base_url, "data:", "blob:"))
              else opened.foreign.append(r.url))  # type: ignore[attr-defined]
    opened.on("console", lambda m: opened.problems.append(m.text) if m.type == "error" else None)  # type: ignore[attr-defined]
    opened.on("pageerror", lambda e: opened.problems.append(str(e)))  # type: ignore[attr-defined]
    yield opened
    assert opened.foreign == []  # type: ignore[attr-defined]
    assert opened.problems == []  # type: ignore[attr-defined]
    context.close()


def result_of(page: Page) -> Any:
    return page.locator("[data-gw-result]")


def test_walk_away_quiz_gives_a_verdict_only_after_enough_answers(page: Page, base_url: str):
    page.goto(f"{base_url}/knowing-when-to-walk-away/")
    result = result_of(page)
    expect(result).to_contain_text("Answer 4 more questions to see a result.", timeout=READY_MS)
    page.get_by_label("They do not reply, or they have asked me to stop.").check()
    page.get_by_label("Still clearly angry or bitter toward me.").check()
    page.get_by_label("Yes, they are with someone new.").check()
    expect(result).to_contain_text("Answer 1 more question")
    page.get_by_label("Mostly that I am afraid of being alone.").check()
    expect(result).to_contain_text("It may be time to let go")
    expect(result).to_contain_text("2 questions still open")
    expect(result.get_by_role("link", name="Read about letting go with grace")).to_have_attribute("href", "#letting-go")
    page.get_by_role("button", name="Clear my answers").click()
    expect(result).to_contain_text("Answer 4 more questions")


def test_no_contact_calculator_counts_days_and_keeps_answers_on_bad_input(page: Page, base_url: str):
    page.goto(f"{base_url}/the-no-contact-rule/")
    result = result_of(page)
    expect(result).to_contain_text("Day 0 of 30", timeout=READY_MS)
    ten_days_ago = (datetime.date.today() - datetime.timedelta(days=10)).isoformat()
    page.get_by_label("Date of your last contact").fill(ten_days_ago)
    expect(result).to_contain_text("Day 10 of 30")
    expect(result).to_contain_text("20 days left")
    ends = datetime.date.today() + datetime.timedelta(days=20)
    expect(result.locator("time")).to_have_attribute("datetime", ends.isoformat())
    expect(result.locator("progress")).to_have_attribute("aria-label", "Day 10 of 30")
    download = result.get_by_role("link", name="Add the end date to your calendar (.ics)")
    expect(download).to_have_attribute("download", f"no-contact-ends-{ends.isoformat()}.ics")

    page.get_by_label("Length of the period, in days").fill("400")
    expect(page.locator("[data-gw-message=days]")).to_have_text("Enter a whole number of days from 1 to 365.")
    expect(page.get_by_label("Length of the period, in days")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Date of your last contact")).to_have_value(ten_days_ago)
    page.get_by_label("Length of the period, in days").fill("14")
    expect(page.locator("[data-gw-message=days]")).to_be_hidden()
    expect(result).to_contain_text("Day 10 of 14")


def test_apology_checklist_marks_excuses_in_the_draft_as_text(page: Page, base_url: str):
    page.goto(f"{base_url}/taking-responsibility/")
    result = result_of(page)
    expect(result).to_contain_text("0 of 6 parts in place.", timeout=READY_MS)
    page.get_by_label("Lying").check()
    page.get_by_label("Betrayed").check()
    for box in page.locator("input[name=parts]").all()[:3]:
        box.check()
    expect(result).to_contain_text("3 of 6 parts in place.")
    expect(result).to_contain_text("Getting there")
    draft = "I lied to you, but <img src=x onerror=alert(1)> you made me."
    page.get_by_label("Your draft apology (optional)").fill(draft)
    expect(result.locator("mark")).to_have_count(2)
    expect(result.locator(".gw-draft")).to_have_text(draft)
    assert result.locator("img").count() == 0


def test_a_missing_runtime_file_is_reported_with_a_retry_that_works(browser: Any, base_url: str):
    context = browser.new_context()
    broken = context.new_page()
    context.route("**/assets/pyodide/pyodide.mjs", lambda route: route.fulfill(status=404, body="gone"))
    broken.goto(f"{base_url}/knowing-when-to-walk-away/")
    status = broken.locator("[data-gw-status]")
    expect(status).to_contain_text("This tool could not start: the Python runtime files could not be loaded.",
                                   timeout=READY_MS)
    expect(broken.get_by_role("heading", name="Signs that the door is closed")).to_be_visible()
    broken.get_by_label("Yes, they are with someone new.").check()  # still usable as a form meanwhile
    context.unroute("**/assets/pyodide/pyodide.mjs")
    broken.get_by_role("button", name="Try again").click()
    expect(broken.locator("[data-gw-result]")).to_contain_text("1 of 6 questions answered.", timeout=READY_MS)
    expect(status).to_be_empty()
    context.close()
