"""Nothing leaves the device: no request to another origin, and what a reader types is kept nowhere.

The watch fixture (conftest.py) fails any test whose page or worker asks another origin for anything; the
first test here proves that it would notice, from inside a worker too.
"""

from __future__ import annotations

from typing import Any

from playwright.sync_api import BrowserContext, Page, expect

from .conftest import Watch
from .reader import APOLOGY, QUIZ, days_ago, open_page, ready, site_pages
from .site_server import SiteServer

# Text a reader might type, easy to find again anywhere it could have been kept.
SECRET = "Zq7 I lied about Marguerite"

LEAKY_PAGE = b"""<!doctype html><title>leak</title>
<script type="module">new Worker("leaky-worker.js", {type: "module"});</script>"""
LEAKY_WORKER = b"""fetch("http://198.51.100.7/from-a-worker").catch(() => {});"""


def test_the_watch_sees_a_request_a_worker_sends_elsewhere(browser: Any, site: SiteServer):
    site.extra[site.prefix + "leaky.html"] = ("text/html", LEAKY_PAGE)
    site.extra[site.prefix + "leaky-worker.js"] = ("text/javascript", LEAKY_WORKER)
    context = browser.new_context()
    watcher = Watch(context, site.origin)
    watcher.allow(".")  # the failed fetch may log; only the request matters here
    page = context.new_page()
    page.goto(site.url + "leaky.html")
    for _ in range(100):
        if watcher.foreign:
            break
        page.wait_for_timeout(100)
    context.close()
    assert watcher.foreign == ["http://198.51.100.7/from-a-worker"]


def fill_every_widget(page: Page, site: SiteServer) -> None:
    open_page(page, site, APOLOGY)
    region = ready(page)
    page.get_by_label("Something else (in your words)").fill(SECRET)
    page.get_by_label("Another feeling (in your words)").fill(SECRET)
    page.get_by_label("Your draft apology (optional)").fill(f"{SECRET}, but I am sorry.")
    page.keyboard.press("Enter")
    expect(region).to_contain_text(f"You will name: {SECRET}.")
    page.get_by_role("link", name="The no-contact rule", exact=True).first.click()
    region = ready(page)
    page.get_by_label("We both agreed on a break that ends on a date").check()
    page.get_by_label("Date of your last contact").fill(days_ago(17))
    page.get_by_label("Length of the break you agreed on, in days").fill("47")
    page.get_by_label("Length of the break you agreed on, in days").press("Enter")
    expect(region.locator(".gw-headline")).to_have_text("Day 17 of 47")
    open_page(page, site, QUIZ)
    region = ready(page)
    page.get_by_label("Yes, they're with someone new.").check()
    page.keyboard.press("Enter")


def stored_anywhere(context: BrowserContext, page: Page) -> str:
    """Everything the site could have kept on this device, as one string to search."""
    kept = page.evaluate("""async () => {
        const parts = [document.cookie, JSON.stringify({...localStorage}), JSON.stringify({...sessionStorage}),
                       location.href, JSON.stringify(history.state)];
        parts.push(JSON.stringify(await indexedDB.databases()));
        for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            for (const request of await cache.keys()) parts.push(request.url);
        }
        return parts.join("\\n");
    }""")
    return kept + "\n" + str(context.cookies())


def test_nothing_typed_leaves_the_page_or_stays_on_the_device(watch: tuple[BrowserContext, Watch],
                                                               site: SiteServer):
    context, watcher = watch
    page = context.new_page()
    for path in site_pages(site.directory):
        open_page(page, site, path)
        page.wait_for_load_state("load")
    fill_every_widget(page, site)
    # All requests went to the site itself (checked when the test ends), none carries what was typed ...
    assert watcher.urls, "the watch saw no requests at all"
    for url in watcher.urls:
        assert "Zq7" not in url and "Marguerite" not in url
        assert "?" not in url, "a form was sent"
    # ... and nothing of it was kept in cookies, storage, caches or the address.
    kept = stored_anywhere(context, page)
    for fragment in ("Zq7", "Marguerite", days_ago(17)):
        assert fragment not in kept
    assert context.cookies() == []

