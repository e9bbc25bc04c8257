"""The "My plan" page (answers and results in one place, print, download) and the offline copy of the guide."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from guide_widgets._internal.page.offline import write_offline_copy
from playwright.sync_api import Browser, BrowserContext, Page, expect

from .conftest import SUB_PATH, build_for, watched
from .reader import (
    APOLOGY,
    NO_CONTACT,
    QUIZ,
    answer_quiz,
    bound,
    days_ago,
    expect_band,
    open_page,
    python_workers,
    ready,
)
from .site_server import SiteServer

PLAN = "my-plan/"
OFFLINE = re.compile(r"Keep this guide for offline use \(\d+ MB\)")


def entry(page: Page, section: str) -> object:
    return page.locator("[data-gw-plan-entry]").filter(has=page.get_by_role("heading", level=2, name=section))


def test_an_empty_plan_says_where_to_start_and_loads_no_python(page: Page, site: SiteServer):
    before = site.count("pyodide.asm.wasm")  # the server counts for the whole session
    open_page(page, site, PLAN)
    expect(page.locator("[data-gw-plan-empty]")).to_have_text(
        "Nothing answered yet. Start with Taking responsibility: your answers appear here, with their results.")
    expect(page.locator("[data-gw-plan-actions]")).to_be_hidden()
    bound(page)
    assert site.count("pyodide.asm.wasm") == before
    assert python_workers(page) == []
    page.locator("[data-gw-plan-empty]").get_by_role("link", name="Taking responsibility").click()
    expect(page).to_have_url(site.url + APOLOGY + "#gw-1")  # straight to the first widget


def test_the_plan_gathers_this_visits_answers_and_results_in_guide_order(page: Page, site: SiteServer):
    open_page(page, site, APOLOGY)
    ready(page)
    page.get_by_label("Lying").check()
    page.get_by_label("Betrayed").check()
    for box in page.locator("input[name=g3]").all():
        box.check()
    page.get_by_label("Your draft apology (optional)").fill("I lied to you, but you made me.")
    page.get_by_role("link", name="Knowing when to walk away").first.click()  # instant navigation
    ready(page)
    answer_quiz(page, {2: 2, 6: 1, 9: 2, 11: 2})
    page.get_by_role("link", name="My plan").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("My plan")
    headings = page.locator("[data-gw-plan-entry] h2").all_inner_texts()
    assert headings == ["Taking responsibility", "The no-contact rule", "Knowing when to walk away"]
    apology, no_contact, quiz = (entry(page, h) for h in headings)
    expect(apology.locator("[data-gw-answers]")).to_contain_text("Lying")
    expect(apology.locator("[data-gw-answers]")).to_contain_text("I lied to you, but you made me.")
    expect(apology.locator("[data-gw-result]")).to_contain_text("You will name: Lying. They may have felt: Betrayed.")
    expect(apology.locator("[data-gw-result] mark")).to_have_text(["but you made me"])
    expect(no_contact).to_contain_text("Not answered yet.")
    expect(no_contact.locator("[data-gw-answers]")).to_be_empty()
    expect(quiz.locator("[data-gw-answers]")).to_contain_text("Still open")
    expect(quiz.locator("[data-gw-answers]")).to_contain_text("5. Did what you did include any of these")
    expect(quiz.locator("[data-gw-result] .gw-band-title")).to_have_text("It is time to step back")
    expect(page.locator("[data-gw-plan-empty]")).to_be_hidden()
    # Each entry leads back to its widget.
    quiz.get_by_role("link", name="Go to Knowing when to walk away").click()
    expect(page).to_have_url(site.url + QUIZ + "#gw-1")
    expect(page.locator("input[name=q2][value='2']")).to_be_checked()


def test_the_plan_downloads_as_markdown_and_prints_without_chrome(page: Page, site: SiteServer):
    open_page(page, site, NO_CONTACT)
    ready(page)
    page.get_by_label("We both agreed on a break that ends on a date").check()
    page.get_by_label("Date of your last contact").fill(days_ago(5))
    expect(page.locator("[data-gw-result] .gw-headline")).to_have_text("Day 5 of 30")
    page.get_by_role("link", name="My plan").first.click()
    no_contact = entry(page, "The no-contact rule")
    expect(no_contact.locator("[data-gw-result] .gw-headline")).to_have_text("Day 5 of 30")
    expect(no_contact.get_by_role("link", name=re.compile(r"check in with yourself \(\.ics\)"))).to_be_visible()
    with page.expect_download() as info:
        page.get_by_role("button", name="Download my plan").click()
    assert info.value.suggested_filename == "my-plan.md"
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert text.startswith("# My plan: Making amends\n")
    assert "## The no-contact rule\n" in text and "### Your no-contact period\n" in text
    assert "- Length of the break you agreed on, in days: 30\n" in text
    assert "- Your dates: We both agreed on a break that ends on a date\n" in text
    assert "Day 5 of 30" in text
    assert f"Section: {site.url}{NO_CONTACT}#gw-1" in text
    assert "Taking responsibility" not in text  # not answered, not in the file
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", "[data-gw-plan-actions]", ".gw-page-device"):
        expect(page.locator(chrome).first).to_be_hidden()
    expect(no_contact.locator("[data-gw-result]")).to_be_visible()
    expect(entry(page, "Taking responsibility")).to_be_hidden()
    # Every guide page prints without chrome too, with the reader's result and without the form's buttons.
    page.emulate_media(media="screen")
    open_page(page, site, NO_CONTACT)
    ready(page)
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".gw-device")).to_be_hidden()
    expect(page.locator("[data-gw-result]")).to_be_visible()


def test_remembered_answers_reach_the_plan_after_a_full_reload(page: Page, site: SiteServer):
    open_page(page, site, QUIZ)
    ready(page)
    page.get_by_label("Remember my answers on this device").check()
    answer_quiz(page, {2: 0, 3: 0, 6: 0, 7: 0, 8: 0, 9: 0})
    open_page(page, site, PLAN)  # a full page load: only storage can bring the answers here
    quiz = entry(page, "Knowing when to walk away")
    expect(quiz.locator(".gw-band-title")).to_have_text("No stop sign in your answers", timeout=60_000)
    # Material replays the page to late subscribers, so the page is bound twice on a full load: the second
    # binding must find the same answers, not an empty plan.
    expect(quiz.locator("[data-gw-answers] dd")).to_have_count(7)  # six answers, and the questions left open
    expect(quiz).not_to_have_attribute("data-gw-unanswered", "")
    expect(entry(page, "Taking responsibility")).to_have_attribute("data-gw-unanswered", "")
    expect(page.locator("[data-gw-plan-empty]")).to_be_hidden()
    expect(page.get_by_role("button", name="Download my plan")).to_be_visible()
    expect(page.get_by_role("button", name="Print")).to_be_visible()


# --- Offline ---------------------------------------------------------------------------------------------

def keep_offline(page: Page, site: SiteServer) -> None:
    open_page(page, site, "privacy/")
    page.get_by_label(OFFLINE).check()
    expect(page.locator("[data-gw-device-note]")).to_have_text(
        "This guide is kept on this device for offline use, and updated when the guide is.", timeout=120_000)


def test_without_asking_no_service_worker_is_registered(page: Page, site: SiteServer):
    before = site.count("guide-widgets-sw.js")  # other tests of the session may have asked for one
    for path in ("", QUIZ, "privacy/", PLAN):
        open_page(page, site, path)
        page.wait_for_load_state("load")
    assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
    assert site.count("guide-widgets-sw.js") == before


def test_offline_the_guide_reads_and_every_widget_answers(page: Page, site: SiteServer,
                                                          watch: tuple[BrowserContext, object]):
    context, watcher = watch
    keep_offline(page, site)
    context.set_offline(True)
    watcher.allow("ERR_INTERNET_DISCONNECTED")  # what a browser says about the network being gone
    watcher.allow("status of 404")  # the unknown address below
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Privacy")
    for path in ("understanding-the-damage/", "investing-in-yourself/", "in-summary/"):
        open_page(page, site, path)
        expect(page.locator("article h1")).not_to_be_empty()
    open_page(page, site, QUIZ)
    ready(page)
    answer_quiz(page, {2: 2, 6: 1, 9: 2, 11: 2})
    expect_band(page.locator("[data-gw-result]"), "It is time to step back")
    page.get_by_role("link", name="The no-contact rule").first.click()
    ready(page)
    page.get_by_label("Date of your last contact").fill(days_ago(3))
    expect(page.locator("[data-gw-result] .gw-headline")).to_have_text("Day 3, with no end date")
    open_page(page, site, APOLOGY)
    ready(page)
    page.get_by_label("Lying").check()
    expect(page.locator("[data-gw-result]")).to_contain_text("You will name: Lying.")
    response = page.goto(site.url + "no-such-page/")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("404 - Not found")
    # "Forget everything", offline too, removes the offline copy.
    open_page(page, site, "privacy/")
    page.get_by_role("button", name="Forget everything on this device").click()
    expect(page.locator("[data-gw-device-note]")).to_contain_text("the offline copy of the guide")
    assert page.evaluate("async () => (await navigator.serviceWorker.getRegistrations()).length") == 0
    assert not [name for name in page.evaluate("async () => await caches.keys()") if "offline" in name]


def page_wait(context: BrowserContext) -> None:
    """A moment with no page open, for the browser to swap service workers."""
    blank = context.new_page()
    blank.wait_for_timeout(500)
    blank.close()


@pytest.fixture
def changing_site(tmp_path: Path) -> Iterator[tuple[SiteServer, Path]]:
    """Our guide under its sub-path, whose build the test can replace with a newer one."""
    with SiteServer(SUB_PATH) as server:
        server.directory = build_for(server.url, tmp_path / "first")
        yield server, tmp_path


def test_a_new_build_replaces_the_offline_copy_once_no_old_page_is_open(browser: Browser, changing_site):
    site, folder = changing_site
    with watched(browser, site.origin) as (context, _):
        page = context.new_page()
        keep_offline(page, site)
        first = [n for n in page.evaluate("async () => await caches.keys()") if "offline" in n]
        # The author publishes a new build: a changed page, so a changed service worker.
        second = build_for(site.url, folder / "second")
        about = second / "about" / "index.html"
        about.write_text(about.read_text().replace("</article>", "<p id='new-build'>New.</p></article>"))
        write_offline_copy(second, [])
        site.directory = second
        page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).update()")
        for _ in range(240):
            if page.evaluate("async () => Boolean((await navigator.serviceWorker.getRegistration()).waiting)"):
                break
            page.wait_for_timeout(500)
        # While a page of the old build is open, it is the old build that answers: no mixing.
        open_page(page, site, "about/")
        expect(page.locator("#new-build")).to_have_count(0)
        # Once no page of the old build is open, the new copy takes over and the old one is dropped.
        page.close()
        for _ in range(60):
            page = context.new_page()
            open_page(page, site, "about/")
            names = [n for n in page.evaluate("async () => await caches.keys()") if "offline" in n]
            if names and first[0] not in names:
                break
            page.close()
            page_wait(context)
        assert len(names) == 1 and names != first, names
        expect(page.locator("#new-build")).to_have_count(1)
