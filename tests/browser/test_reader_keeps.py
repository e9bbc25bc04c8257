"""The reader keeps their work: answers remembered only with consent, "Forget everything", the list of what
the site stores, and storage that is blocked, full, old or shared with another guide on the same domain."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from .conftest import SUB_PATH, build_for, watched
from .reader import (
    APOLOGY,
    NO_CONTACT,
    QUIZ,
    answer_quiz,
    days_ago,
    expect_band,
    open_page,
    ready,
    wait_until,
)
from .site_server import SiteServer

REMEMBER = "Remember my answers on this device"
FORGET = "Forget everything on this device"
ANSWERS_KEY = f"{SUB_PATH}guide-widgets.answers"
CONSENT_KEY = f"{SUB_PATH}guide-widgets.remember"


def device_note(page: Page) -> object:
    return page.locator("[data-gw-device-note]").first


def stored_keys(page: Page) -> list[str]:
    """Our keys in localStorage (the theme keeps its light/dark setting beside them on every visit)."""
    return page.evaluate("() => Object.keys(localStorage).filter(k => !k.endsWith('.__palette')).sort()")


def remember(page: Page) -> None:
    page.get_by_label(REMEMBER).first.check()
    expect(device_note(page)).to_contain_text("From now on your answers are remembered on this device")


def test_nothing_is_stored_until_the_reader_asks_and_then_every_widget_remembers(page: Page, site: SiteServer):
    open_page(page, site, QUIZ)
    region = ready(page)
    answer_quiz(page, {2: 2, 6: 1, 9: 2, 11: 2})
    expect_band(region, "It is time to step back")
    assert stored_keys(page) == []  # answered, but not asked to remember: nothing kept
    remember(page)
    assert stored_keys(page) == sorted([ANSWERS_KEY, CONSENT_KEY])
    # Already given answers were kept at once; a reload brings them back, with the result.
    page.reload()
    region = ready(page)
    expect_band(region, "It is time to step back")
    assert page.locator("input[name=q2][value='2']").is_checked()
    expect(page.get_by_label(REMEMBER)).to_be_checked()
    expect(device_note(page)).to_contain_text("remembered on this device, in every tool")
    # One tick applies to the whole guide: another widget remembers without asking again.
    open_page(page, site, NO_CONTACT)
    ready(page)
    expect(page.get_by_label(REMEMBER)).to_be_checked()
    page.get_by_label("We both agreed on a break that ends on a date").check()
    page.get_by_label("Date of your last contact").fill(days_ago(12))
    expect(page.locator("[data-gw-result] .gw-headline")).to_have_text("Day 12 of 30")
    page.reload()
    expect(ready(page).locator(".gw-headline")).to_have_text("Day 12 of 30")
    assert page.get_by_label("Date of your last contact").input_value() == days_ago(12)
    expect(page.get_by_label("We both agreed on a break that ends on a date")).to_be_checked()


def test_answers_follow_instant_navigation_within_a_visit_without_being_stored(page: Page, site: SiteServer):
    open_page(page, site, QUIZ)
    ready(page)
    answer_quiz(page, {2: 0, 3: 0, 6: 0, 7: 0, 8: 0, 9: 0})
    page.evaluate("() => { window.samePage = true; }")
    page.get_by_role("link", name="In summary").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("In summary")
    page.go_back()
    region = ready(page)
    expect_band(region, "No stop sign in your answers")
    assert page.locator("input[name=q9][value='0']").is_checked()
    assert page.evaluate("() => window.samePage === true"), "the navigation reloaded the page"
    assert stored_keys(page) == []


def test_turning_remembering_off_removes_the_saved_answers(page: Page, site: SiteServer):
    open_page(page, site, QUIZ)
    ready(page)
    remember(page)
    answer_quiz(page, {2: 1, 6: 1, 8: 1, 9: 1})
    page.get_by_label(REMEMBER).uncheck()
    expect(device_note(page)).to_have_text("No longer remembered: the answers saved on this device were removed.")
    assert stored_keys(page) == []
    page.reload()
    ready(page)
    assert page.locator("input[type=radio]:checked").count() == 0
    expect(page.get_by_label(REMEMBER)).not_to_be_checked()


def test_forget_everything_removes_answers_snapshot_and_palette_and_empties_every_widget(page: Page, site: SiteServer):
    open_page(page, site, QUIZ)
    ready(page)
    remember(page)
    answer_quiz(page, {2: 2, 6: 1, 9: 2, 11: 2})
    page.get_by_title("Switch to dark mode").click()
    # The snapshot for the next visit is made a little after Python is ready.
    wait_until(page, f"""async () => (await caches.keys()).includes("guide-widgets-python {SUB_PATH}")
                          && (await (await caches.open("guide-widgets-python {SUB_PATH}")).keys()).length > 0""")
    page.get_by_role("button", name=FORGET).click()
    expect(device_note(page)).to_have_text(
        "Removed from this device: your remembered answers, your choice to remember them, your light or dark "
        "choice, the ready-started copy of Python. Every tool is empty again.")
    assert page.locator(".gw-widget input[type=radio]:checked").count() == 0
    expect(page.locator("[data-gw-result]")).to_contain_text("0 of 15 questions answered.")
    assert stored_keys(page) == []
    assert page.evaluate("async () => await caches.keys()") == []
    expect(page.get_by_label(REMEMBER)).not_to_be_checked()
    # Forgetting twice: there is nothing left, and it says so.
    page.get_by_role("button", name=FORGET).click()
    expect(device_note(page)).to_have_text("Nothing was stored on this device. Every tool is empty again.")


def _everything_stored(page: Page) -> list[str]:
    """Every name the site has in this browser: storage keys, caches, service workers, databases, cookies."""
    return page.evaluate("""async () => [
        ...Object.keys(localStorage), ...Object.keys(sessionStorage), ...await caches.keys(),
        ...(await navigator.serviceWorker.getRegistrations()).map(r => new URL(r.active.scriptURL).pathname),
        ...(await indexedDB.databases()).map(d => d.name),
        ...document.cookie.split(";").map(c => c.trim()).filter(Boolean)]""")


def test_the_privacy_page_lists_everything_the_site_stores(page: Page, site: SiteServer):
    open_page(page, site, "privacy/")
    listed = [re.escape(name).replace("…", ".+") for name in
              page.locator("[data-gw-stored] tbody tr td:first-child").all_inner_texts()]
    assert len(listed) == 6
    # Use everything that stores: remembering, the snapshot, the offline copy, the light/dark switch.
    page.get_by_title("Switch to dark mode").click()
    page.get_by_label(re.compile(r"Keep this guide for offline use \(\d+ MB\)")).check()
    expect(device_note(page)).to_have_text("This guide is kept on this device for offline use, and updated when "
                                           "the guide is.", timeout=120_000)
    open_page(page, site, APOLOGY)
    ready(page)
    remember(page)
    page.get_by_label("Lying").check()
    wait_until(page, f"""async () => (await caches.keys()).includes("guide-widgets-python {SUB_PATH}")
                          && (await (await caches.open("guide-widgets-python {SUB_PATH}")).keys()).length > 0""")
    stored = _everything_stored(page)
    assert len(stored) == 6, stored
    for name in stored:
        assert any(re.fullmatch(pattern, name) for pattern in listed), f"{name} is stored but not listed"


@pytest.fixture
def blocked_context(browser: Browser, site: SiteServer) -> Iterator[tuple[BrowserContext, object]]:
    """A browser whose storage is blocked, as in some private windows: touching localStorage throws."""
    with watched(browser, site.origin) as (context, watcher):
        context.add_init_script("""Object.defineProperty(window, "localStorage", {
            get() { throw new DOMException("The operation is insecure.", "SecurityError"); } });""")
        yield context, watcher


def test_blocked_storage_says_so_and_the_widget_works(blocked_context, site: SiteServer):
    context, watcher = blocked_context
    watcher.allow("The operation is insecure")  # the theme's own palette code trips over the blocked storage
    page = context.new_page()
    open_page(page, site, QUIZ)
    region = ready(page)
    page.get_by_label(REMEMBER).click()
    expect(device_note(page)).to_contain_text("does not let the guide store anything")
    expect(page.get_by_label(REMEMBER)).not_to_be_checked()
    answer_quiz(page, {2: 2, 6: 1, 9: 2, 11: 2})
    expect_band(region, "It is time to step back")


def test_full_storage_keeps_the_answers_on_the_page_and_says_they_are_not_remembered(page: Page, site: SiteServer):
    open_page(page, site, QUIZ)
    region = ready(page)
    remember(page)
    page.evaluate(f"""() => {{
        const real = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {{
            if (key === "{ANSWERS_KEY}") throw new DOMException("full", "QuotaExceededError");
            return real.call(this, key, value);
        }}; }}""")
    answer_quiz(page, {2: 2, 6: 1, 9: 2, 11: 2})
    expect(device_note(page)).to_contain_text("no room left for the guide's data")
    expect_band(region, "It is time to step back")
    assert page.locator("input[type=radio]:checked").count() == 4


@pytest.mark.parametrize("stored", [
    '{"format": 1, "widgets": {"knowing-when-to-walk-away/#gw-1": {"fields": {"q1": "2", "q2": "9", "q99": "1"}}}}',
    '{"format": 0, "answers": [1, 2, 3]}',
    "not json at all {",
])
def test_old_or_damaged_stored_answers_are_left_out_with_a_quiet_note(page: Page, site: SiteServer, stored: str):
    open_page(page, site, "")
    page.evaluate("([consent, key, value]) => { localStorage.setItem(consent, 'yes'); localStorage.setItem(key, value); }",
                  [CONSENT_KEY, ANSWERS_KEY, stored])
    open_page(page, site, QUIZ)
    region = ready(page)
    expect(device_note(page)).to_have_text("Some remembered answers did not fit this version of the guide and were "
                                           "left out.")
    # What still fits is back (q1 here); the rest is empty, and the widget answers as usual.
    assert page.locator("input[name=q1][value='2']").is_checked() == stored.startswith('{"format": 1')
    assert page.locator("input[name=q2]:checked").count() == 0
    answer_quiz(page, {2: 2, 6: 1, 9: 2, 11: 2})
    expect_band(region, "It is time to step back")
    # Saving again replaces what could not be read with the reader's current answers.
    data = json.loads(page.evaluate("key => localStorage.getItem(key)", ANSWERS_KEY))
    assert data["widgets"]["knowing-when-to-walk-away/#gw-1"]["fields"]["q9"] == "2"


@pytest.fixture(scope="module")
def two_guides(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SiteServer]:
    """Our guide under /making-amends/ and the example under /saving/, on one origin."""
    root = Path(__file__).resolve().parents[2]
    with SiteServer(SUB_PATH) as server:
        server.directory = build_for(server.url, tmp_path_factory.mktemp("guide-a"))
        neighbour = server.origin + "/saving/"
        server.neighbours["/saving/"] = build_for(neighbour, tmp_path_factory.mktemp("guide-b"),
                                                  root / "examples" / "savings")
        yield server


def test_two_guides_on_one_domain_never_mix_or_forget_each_other(browser: Browser, two_guides: SiteServer):
    with watched(browser, two_guides.origin) as (context, _):
        page = context.new_page()
        open_page(page, two_guides, QUIZ)
        ready(page)
        remember(page)
        answer_quiz(page, {2: 2, 6: 1, 9: 2, 11: 2})
        page.goto(two_guides.origin + "/saving/the-monthly-amount/")
        ready(page)
        expect(page.get_by_label(REMEMBER)).not_to_be_checked()  # the other guide's consent is not this one's
        page.get_by_role("button", name=FORGET).click()
        expect(device_note(page)).to_contain_text("Every tool is empty again.")
        assert sorted(stored_keys(page)) == sorted([ANSWERS_KEY, CONSENT_KEY])
        open_page(page, two_guides, QUIZ)
        ready(page)
        assert page.locator("input[name=q2][value='2']").is_checked()
