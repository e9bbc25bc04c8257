"""The same guide works wherever it is served: under a sub-path (a GitHub Pages project site) or at the root."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Request, expect

from .conftest import watched
from .reader import (
    NO_CONTACT,
    QUIZ,
    answer_quiz,
    bound,
    expect_band,
    open_page,
    python_workers,
    ready,
    site_pages,
)
from .site_server import SiteServer


@pytest.fixture(params=["site", "root_site"], ids=["sub-path", "root"])
def served(request: pytest.FixtureRequest) -> SiteServer:
    return request.getfixturevalue(request.param)


def not_aborted(request: Request) -> bool:
    # Leaving a page cancels what it was still loading (Python, for one): that is the reader's choice.
    return request.failure != "net::ERR_ABORTED"


def test_every_page_loads_everything_it_asks_for(browser: Browser, served: SiteServer):
    with watched(browser, served.origin) as (context, _):
        check_every_page(context, served)


def check_every_page(context: Any, served: SiteServer) -> None:
    failed: list[str] = []
    context.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    context.on("requestfailed", lambda r: failed.append(f"failed {r.url}") if not_aborted(r) else None)
    page = context.new_page()
    pages = site_pages(served.directory)
    for path in pages:
        response = page.goto(served.url + path)
        assert response is not None and response.status == 200, path
        expect(page.locator("link[rel=stylesheet]").first).to_be_attached()
        assert page.evaluate("() => getComputedStyle(document.body).getPropertyValue('--md-primary-fg-color')")
    open_page(page, served, QUIZ)
    region = ready(page)
    answer_quiz(page, {2: 0, 3: 0, 6: 0, 7: 0, 8: 0, 9: 0})
    expect_band(region, "No stop sign in your answers")
    assert failed == []
    assert len(pages) >= 12


def test_instant_navigation_and_links_between_sections(browser: Browser, served: SiteServer):
    with watched(browser, served.origin) as (context, _):
        page = context.new_page()
        follow_links(page, served)


def follow_links(page: Any, served: SiteServer) -> None:
    open_page(page, served, "")
    page.evaluate("() => { window.samePage = true; }")
    page.get_by_role("link", name="The no-contact rule").first.click()
    expect(page).to_have_url(served.url + NO_CONTACT)
    ready(page)
    page.get_by_role("link", name="Next").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Investing in yourself")
    assert page.evaluate("() => window.samePage === true"), "a link reloaded the page"


def test_a_missing_page_gets_the_sites_own_404_page(browser: Browser, served: SiteServer):
    with watched(browser, served.origin) as (context, watcher):
        watcher.allow("status of 404")  # the missing page itself
        check_not_found(context, served)


def check_not_found(context: Any, served: SiteServer, path: str = "no-such-section/") -> None:
    """The site's own 404 page at `path`, styled and with working links back."""
    failed: list[str] = []
    context.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page = context.new_page()
    response = page.goto(served.url + path)
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("404 - Not found")
    assert page.evaluate("() => getComputedStyle(document.body).getPropertyValue('--md-primary-fg-color')")
    page.get_by_role("link", name="Making amends").first.click()
    expect(page).to_have_url(served.url)
    assert failed == [served.url + path]


def test_a_page_without_widgets_loads_no_python(browser: Browser, site: SiteServer):
    with watched(browser, site.origin) as (context, watcher):
        page = context.new_page()
        open_page(page, site, "understanding-the-damage/")
        page.wait_for_load_state("load")
        bound(page)
        assert [url for url in watcher.urls if "/assets/pyodide/" in url or "logic-" in url] == []
        assert python_workers(page) == []
        # The loader is there all the same, for a widget page reached by instant navigation.
        page.get_by_role("link", name="Taking responsibility").first.click()
        ready(page)
