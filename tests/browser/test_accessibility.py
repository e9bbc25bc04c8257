"""Accessible to every reader: axe-core finds nothing at WCAG 2.2 AA nor among its best practices, on any page
in either colour scheme, in every state of a widget (empty, answered, with a field's error, remembered, failed
to load) and on a filled "My plan"; results are announced; focus is always visible; every control has a name;
and at 320 px nothing scrolls sideways.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from .conftest import WarmContexts, Watch, new_context
from .reader import (
    APOLOGY,
    NO_CONTACT,
    QUIZ,
    WIDGET_PAGES,
    answer_quiz,
    days_ago,
    open_page,
    ready,
    site_pages,
    tab_to,
)
from .site_server import SiteServer

AXE = Axe()
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
STRICTEST = [*WCAG_22_AA, "best-practice"]


def violations(page: Page) -> list[str]:
    """axe-core's findings at WCAG 2.2 AA and its best practices, for the page as it is now, one line each.

    The page is read once its transitions are over: Material fades the header's title in and out as the reader
    scrolls, and text caught halfway through a fade has, for that instant, too little contrast."""
    page.wait_for_function("() => document.getAnimations().every((a) => a.playState !== 'running')")
    found = AXE.run(page, options={"runOnly": {"type": "tag", "values": STRICTEST}}).response["violations"]
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}" for v in found]


def show_results(page: Page, path: str) -> None:
    """Makes the page's widget show a full result, with a field message where the widget has them."""
    region = ready(page)
    if path == QUIZ:
        answer_quiz(page, {2: 4, 6: 1, 8: 0, 9: 1, 11: 0})
        expect(region.locator(".gw-band")).to_be_visible()
        expect(region.locator("svg.gw-picture[role=img]")).to_be_visible()  # axe checks the picture too
    elif path == NO_CONTACT:
        page.get_by_label("We both agreed on a break that ends on a date").check()
        page.get_by_label("Date of your last contact").fill(days_ago(9))
        expect(region.locator(".gw-download")).to_be_visible()
        expect(region.locator("svg.gw-picture[role=img]")).to_be_visible()
        page.get_by_label("Length of the break you agreed on, in days").fill("999")
        expect(page.locator("[data-gw-message=days]")).to_be_visible()
    elif path == APOLOGY:
        page.get_by_label("Lying").check()
        page.get_by_label("Your draft apology (optional)").fill("I lied, but you made me do it. Please forgive me.")
        expect(region.locator("mark")).to_have_count(2)
        expect(region.locator("svg.gw-picture[role=img]").first).to_be_visible()


@pytest.fixture(params=["light", "dark"])
def warm_scheme_page(request: pytest.FixtureRequest, warm_contexts: WarmContexts) -> Any:
    with warm_contexts.watched(color_scheme=request.param) as (context, watcher):
        page = context.new_page()
        page.scheme = request.param  # type: ignore[attr-defined]
        page.watcher = watcher  # type: ignore[attr-defined]
        yield page


@pytest.fixture
def page(warm_page: Page) -> Page:
    """What these tests check does not depend on a first visit: Python may start from the stored snapshot."""
    return warm_page


@pytest.fixture(params=["light", "dark"])
def scheme_page(request: pytest.FixtureRequest, browser: Browser, site: SiteServer) -> Any:
    context = new_context(browser, color_scheme=request.param)
    watcher = Watch(context, site.origin)
    page = context.new_page()
    page.scheme = request.param  # type: ignore[attr-defined]
    page.watcher = watcher  # type: ignore[attr-defined]
    yield page
    context.close()
    watcher.check()


def test_axe_finds_nothing_on_any_page(warm_scheme_page: Page, site: SiteServer):
    page = warm_scheme_page
    expected = "slate" if page.scheme == "dark" else "default"  # type: ignore[attr-defined]
    found: dict[str, list[str]] = {}
    for path in [*site_pages(site.directory), "no-such-page/"]:
        if path == "no-such-page/":
            page.watcher.allow("status of 404")  # type: ignore[attr-defined]  # the page itself is the 404
        open_page(page, site, path)
        page.wait_for_load_state("load")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", expected)
        found[path or "/"] = violations(page)
    assert {p: v for p, v in found.items() if v} == {}


@pytest.mark.parametrize("path", WIDGET_PAGES)
def test_axe_finds_nothing_in_any_state_of_a_widget(warm_scheme_page: Page, site: SiteServer, path: str):
    page = warm_scheme_page
    open_page(page, site, path)
    found = {"empty": violations(page)}
    show_results(page, path)  # answered, with a field's error where the widget has them
    found["answered"] = violations(page)
    page.get_by_label("Remember my answers on this device").check()
    expect(page.locator("[data-gw-device-note]")).not_to_be_empty()
    found["remembered"] = violations(page)
    page.get_by_role("link", name="My plan").first.click()
    expect(page.locator("[data-gw-plan-entry] [data-gw-result]:not(:empty)").first).to_be_visible(timeout=60_000)
    if path != NO_CONTACT:  # left with a field's error, that answer has no result to draw
        expect(page.locator("[data-gw-plan-entry] svg.gw-picture[role=img]").first).to_be_visible()
    found["plan"] = violations(page)
    assert {state: v for state, v in found.items() if v} == {}


def test_axe_finds_nothing_when_a_widget_failed_to_load(scheme_page: Page, site: SiteServer):
    page = scheme_page
    page.watcher.allow("status of 404")  # type: ignore[attr-defined]  # the runtime file taken away on purpose
    with site.missing("/assets/pyodide/pyodide.mjs"):
        open_page(page, site, QUIZ)
        expect(page.get_by_role("button", name="Try again")).to_be_visible(timeout=60_000)
        assert violations(page) == []


@pytest.mark.parametrize("path", WIDGET_PAGES)
def test_results_are_announced_through_a_live_region(page: Page, site: SiteServer, path: str):
    open_page(page, site, path)
    region = page.locator("[data-gw-result]")
    expect(region).to_have_attribute("aria-live", "polite")
    expect(page.locator("[data-gw-status]")).to_have_attribute("role", "status")
    # The region is in the page from the start and is filled in place: a screen reader hears each change.
    region.evaluate("element => { element.gwMarker = 'same node'; }")
    ready(page)
    show_results(page, path)
    assert region.evaluate("element => element.gwMarker") == "same node"
    expect(region).not_to_be_empty()


FOCUS_STYLE = """() => {
    const element = document.activeElement;
    if (!element || element === document.body) return null;
    // A visually hidden input (a styled checkbox or toggle) shows its focus on a label: its own, or the one
    // right after it (Material's colour-scheme toggle).
    const next = element.nextElementSibling;
    const shapes = [element, ...(element.labels || []), ...(next && next.tagName === "LABEL" ? [next] : [])];
    const shown = shapes.some((shape) => {
        const style = getComputedStyle(shape);
        return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
    });
    return {what: element.outerHTML.slice(0, 160), shown};
}"""


@pytest.mark.parametrize("path", ["", *WIDGET_PAGES])
def test_focus_is_always_visible(page: Page, site: SiteServer, path: str):
    open_page(page, site, path)
    if path:
        show_results(page, path)
    page.locator("body").click(position={"x": 1, "y": 1})
    seen: list[str] = []
    hidden: list[str] = []
    for _ in range(300):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_STYLE)
        if focus is None or focus["what"] in seen:
            break
        seen.append(focus["what"])
        if not focus["shown"]:
            hidden.append(focus["what"])
    assert len(seen) > 10, "Tab reached almost nothing"
    assert hidden == []


@pytest.mark.parametrize("path", WIDGET_PAGES)
def test_every_control_has_a_name(page: Page, site: SiteServer, path: str):
    open_page(page, site, path)
    show_results(page, path)
    controls = page.locator(".gw-widget :is(input, textarea, select, button, a, progress)")
    assert controls.count() >= 3
    for index in range(controls.count()):
        expect(controls.nth(index)).to_have_accessible_name(re.compile(r"\w"))


def test_nothing_scrolls_sideways_at_320_pixels(warm_contexts: WarmContexts, site: SiteServer):
    wide: dict[str, int] = {}
    with warm_contexts.watched(viewport={"width": 320, "height": 640}) as (context, _):
        page = context.new_page()
        for path in site_pages(site.directory):
            open_page(page, site, path)
            if path in WIDGET_PAGES:
                show_results(page, path)
            else:
                page.wait_for_load_state("load")
            width = page.evaluate("() => document.documentElement.scrollWidth")
            if width > 320:
                wide[path] = width
    assert wide == {}


def test_keyboard_reaches_the_widget_from_the_skip_link(page: Page, site: SiteServer):
    open_page(page, site, QUIZ)
    ready(page)
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Enter")
    tab_to(page, "input[name=q1]")
