"""When something breaks, the reader is told plainly, the guide stays readable, and recovery works."""

from __future__ import annotations

import json
from typing import Any

from playwright.sync_api import BrowserContext, Page, expect

from .conftest import Watch
from .reader import (
    APOLOGY,
    NO_CONTACT,
    QUIZ,
    READY_MS,
    SNAPSHOT_DONE,
    answer_quiz,
    expect_band,
    open_page,
    ready,
    result,
    status,
)
from .site_server import SiteServer

LOAD_FAILED = "This tool could not start: the Python runtime files could not be loaded."
# The no-contact period's box for a break both agreed on (without it there is no end to count down to), and
# the length of that break.
AGREED_END = "We both agreed on a break that ends on a date"
LENGTH = "Length of the break you agreed on, in days"


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
        answer_quiz(page, {2: 2, 6: 1, 9: 2, 11: 2})
        page.get_by_role("button", name="Try again").click()
        expect(status(page)).to_contain_text(LOAD_FAILED, timeout=READY_MS)
    page.get_by_role("button", name="Try again").click()
    expect_band(result(page), "It is time to step back")
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
    page.get_by_label(AGREED_END).check()
    page.get_by_label(LENGTH).fill("12")
    context.unroute("**/*.wasm")
    page.get_by_role("button", name="Try again").click()
    expect(result(page).locator(".gw-headline")).to_have_text("Day 0 of 12: the first full day is tomorrow",
                                                             timeout=READY_MS)
    expect(page.get_by_label(LENGTH)).to_have_value("12")
    expect(page.get_by_label(AGREED_END)).to_be_checked()


def widget_worker(page: Page) -> Any:
    """The reader's Python worker (not Material's search worker, nor the one preparing a snapshot)."""
    workers = [w for w in page.workers if w.url.endswith("/guide-widgets/worker.js")]
    assert len(workers) == 1, [w.url for w in page.workers]
    return workers[0]


def boots(page: Page) -> int:
    """How many times the page has started Python for the reader (the page survives instant navigation)."""
    return int(page.evaluate("() => performance.getEntriesByName('guide-widgets:boot').length"))


def test_a_worker_that_dies_mid_session_is_replaced_on_the_next_answer(page: Page, site: SiteServer):
    open_page(page, site, QUIZ)
    region = ready(page)
    answer_quiz(page, {2: 0, 3: 0, 6: 0, 7: 0, 8: 0, 9: 0})  # 0 of 1 + 0 + 3 + 0 + 0 + 1 = 5
    expect_band(region, "No stop sign in your answers")
    assert boots(page) == 1
    widget_worker(page).evaluate("() => self.close()")  # gone without a word, as a crashed worker is
    page.locator("input[name=q11][value='2']").check()  # 3 of 5 + 3 = 8: 37.5%
    page.locator("input[name=q6][value='1']").check()  # 3 + 3 of 8 = 75%
    # Noticed after a few seconds without an answer; then Python boots again.
    expect(region.locator(".gw-band-title")).to_have_text("It is time to step back", timeout=READY_MS)
    expect(region.locator(".gw-headline")).to_have_text("Based on 7 of 15 answers.")
    assert boots(page) == 2
    expect(status(page)).to_be_empty()


def test_answers_given_before_python_is_ready_are_answered_when_it_is(page: Page, site: SiteServer):
    with site.held("/assets/pyodide/pyodide.asm.wasm") as wasm:
        open_page(page, site, APOLOGY)
        expect(status(page)).to_contain_text("Loading Python on your device… You can fill in the form meanwhile.")
        page.get_by_label("Infidelity").check()
        page.get_by_label("Insecure").check()
        for box in page.locator("input[name=g3]").all()[:5]:
            box.check()
        page.get_by_label("Your draft apology (optional)").fill("I cheated, but it was not that bad.")
        expect(result(page)).to_be_empty()
        wasm.set()
        region = ready(page)
    expect(region.locator(".gw-headline")).to_have_text("5 of 8 parts in place.")
    expect(region.locator("mark")).to_have_text(["it was not that bad"])
    expect(status(page)).to_be_empty()


def test_instant_navigation_to_a_second_widget_page_boots_python_once(page: Page, site: SiteServer):
    open_page(page, site, APOLOGY)
    ready(page)
    page.evaluate("() => { window.samePage = true; }")
    page.locator(".md-nav--primary").get_by_role("link", name="The no-contact rule").click()
    expect(page).to_have_url(site.url + NO_CONTACT)
    region = ready(page)
    expect(region.locator(".gw-headline")).to_contain_text("Day 0, with no end date")
    page.locator(".md-nav--primary").get_by_role("link", name="Knowing when to walk away").click()
    expect(page).to_have_url(site.url + QUIZ)
    region = ready(page)
    answer_quiz(page, {2: 2, 6: 1, 9: 2, 11: 2})
    expect_band(region, "It is time to step back")
    assert page.evaluate("() => window.samePage === true"), "a link reloaded the page"
    assert boots(page) == 1
    widget_worker(page)  # exactly one
    # Back to the first page: its widget works again with the same Python.
    page.go_back()
    page.go_back()
    expect(page).to_have_url(site.url + APOLOGY)
    region = ready(page)
    page.get_by_label("Lying").check()
    expect(region).to_contain_text("You will name: Lying.")
    assert boots(page) == 1


SNAPSHOT_KEYS = """async () => {
    const cache = await caches.open("guide-widgets-python /making-amends/");
    return (await cache.keys()).map((request) => new URL(request.url).pathname);
}"""


def visit_until_snapshot_stored(page: Page, site: SiteServer) -> str:
    """A first visit: a plain boot, then the snapshot for the next visit. Returns the snapshot's cache key."""
    open_page(page, site, QUIZ)
    ready(page)
    expect(page.locator("[data-gw-kind]")).to_have_attribute("data-gw-boot", "plain")
    page.wait_for_function(f"() => ({SNAPSHOT_DONE})().length", timeout=READY_MS)
    assert page.evaluate(SNAPSHOT_DONE)[0]["stored"] is True
    keys = page.evaluate(SNAPSHOT_KEYS)
    logic = page.locator('meta[name="guide-widgets"]').get_attribute("content") or ""
    assert len(keys) == 1 and "/314.0.7/" in keys[0] and keys[0].split("/")[-1] in logic, keys
    return keys[0]


def test_a_repeat_visit_starts_from_the_stored_snapshot_and_answers_right(page: Page, site: SiteServer):
    key = visit_until_snapshot_stored(page, site)
    page.reload()
    region = ready(page)
    expect(page.locator("[data-gw-kind]")).to_have_attribute("data-gw-boot", "snapshot")
    answer_quiz(page, {3: 0, 7: 0, 9: 0, 11: 2, 12: 1, 15: 2})  # 6 of 9
    expect_band(region, "It is time to step back")
    assert page.evaluate(SNAPSHOT_DONE) == [], "a snapshot boot made another snapshot"
    # Python's memory is about half empty, and the empty part is not written to the reader's disk.
    stored, memory = page.evaluate(f"""async () => {{
        const entry = await (await caches.open("guide-widgets-python /making-amends/")).match("{key}");
        return [(await entry.arrayBuffer()).byteLength, Number(entry.headers.get("x-snapshot-bytes"))];
    }}""")
    assert memory > 20_000_000 and stored < 0.7 * memory, (stored, memory)


BAD_SNAPSHOTS = {
    # what is stored under the key -> (bytes, the length the entry claims, where its runs of bytes go)
    "not a snapshot": ("new Uint8Array(4096).fill(7)", "4096", None),
    "cut short": ("new Uint8Array(4096)", "31457424", None),
    "runs longer than the bytes": ("new Uint8Array(4096).fill(7)", "31457424", "0-65536"),
    "runs past the end": ("new Uint8Array(65536).fill(7)", "4096", "0-65536"),
}


def test_a_damaged_snapshot_falls_back_to_a_plain_boot_and_is_replaced(watch: tuple[BrowserContext, Watch],
                                                                       site: SiteServer):
    context, watcher = watch
    watcher.allow("[Ss]napshot")  # Pyodide may report the refused snapshot on the console
    page = context.new_page()
    key = visit_until_snapshot_stored(page, site)
    for body, claimed, runs in BAD_SNAPSHOTS.values():
        headers = {"x-snapshot-bytes": claimed, **({"x-snapshot-runs": runs} if runs else {})}
        page.evaluate(f"""async () => {{
            const cache = await caches.open("guide-widgets-python /making-amends/");
            await cache.put("{key}", new Response({body}, {{headers: {json.dumps(headers)}}}));
        }}""")
        page.reload()
        region = ready(page)
        expect(page.locator("[data-gw-kind]")).to_have_attribute("data-gw-boot", "plain")
        answer_quiz(page, {3: 0, 7: 0, 9: 0, 12: 0, 14: 1, 15: 2})  # 3 of 9
        expect_band(region, "No stop sign in your answers")
        # A good snapshot takes the damaged one's place.
        page.wait_for_function(f"() => ({SNAPSHOT_DONE})().length", timeout=READY_MS)
        assert page.evaluate(SNAPSHOT_DONE)[0]["stored"] is True
    page.reload()
    ready(page)
    expect(page.locator("[data-gw-kind]")).to_have_attribute("data-gw-boot", "snapshot")


def test_a_quick_reader_who_leaves_a_second_after_the_first_answer_gets_a_fast_next_visit(page: Page,
                                                                                          site: SiteServer):
    # A reader moving between widget pages by full page loads: each page is left soon after it answers.
    open_page(page, site, QUIZ)
    ready(page)
    expect(page.locator("[data-gw-kind]")).to_have_attribute("data-gw-boot", "plain")
    page.wait_for_timeout(1000)
    open_page(page, site, NO_CONTACT)
    ready(page)
    expect(page.locator("[data-gw-kind]")).to_have_attribute("data-gw-boot", "snapshot")
    # The snapshot was made before the first answer, so it holds none: its making is one step of the boot.
    open_page(page, site, APOLOGY)
    ready(page)
    expect(page.locator("[data-gw-kind]")).to_have_attribute("data-gw-boot", "snapshot")


def open_with_widget_script_held(page: Page, site: SiteServer, path: str, until: str) -> None:
    """Opens `path` with widgets.js held back (a slow connection, say) until the worker the head's starter
    began has sent a message of type `until`; then lets the script through."""
    held: list[Any] = []
    page.route("**/assets/guide-widgets/widgets.js", lambda route: held.append(route))
    page.goto(site.url + path, wait_until="domcontentloaded")  # "load" would wait for the held script
    page.wait_for_function("type => (window.guideWidgetsStart.early?.messages || []).some(m => m.type === type)",
                           arg=until, timeout=READY_MS)
    assert len(held) == 1 and page.locator("[data-gw-kind]").get_attribute("data-gw-state") != "answered"
    held[0].continue_()


def test_python_starts_from_the_head_before_the_widget_script_arrives(page: Page, site: SiteServer):
    # Python boots without the widget script; the script takes the worker over, its messages included.
    open_with_widget_script_held(page, site, NO_CONTACT, "ready")
    page.get_by_label(AGREED_END).check()
    page.get_by_label(LENGTH).fill("30")
    expect(result(page).locator(".gw-headline")).to_have_text("Day 0 of 30: the first full day is tomorrow",
                                                             timeout=READY_MS)
    assert boots(page) == 1
    assert page.evaluate("() => window.guideWidgetsStart.early") is None, "the early worker was not taken over"


def test_a_failure_before_the_widget_script_arrives_is_reported_and_retry_works(
        watch: tuple[BrowserContext, Watch], site: SiteServer):
    context, watcher = watch
    watcher.allow("status of 404|pyodide.mjs")
    page = context.new_page()
    with site.missing("/assets/pyodide/pyodide.mjs"):
        open_with_widget_script_held(page, site, NO_CONTACT, "failed")
        expect(status(page)).to_contain_text(LOAD_FAILED, timeout=READY_MS)
        page.get_by_label(AGREED_END).check()
        page.get_by_label(LENGTH).fill("12")
    page.get_by_role("button", name="Try again").click()
    expect(result(page).locator(".gw-headline")).to_have_text("Day 0 of 12: the first full day is tomorrow",
                                                             timeout=READY_MS)
