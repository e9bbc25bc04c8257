"""Each widget filled with the keyboard only: Tab to move, Space to tick, arrows within a group, Enter to send."""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import Page, expect

from .reader import APOLOGY, NO_CONTACT, QUIZ, expect_band, open_page, ready, tab_to, today
from .site_server import SiteServer


@pytest.fixture
def page(warm_page: Page) -> Page:
    """What these tests check does not depend on a first visit: Python may start from the stored snapshot."""
    return warm_page


def pick_radio(page: Page, question: int, choice: int) -> None:
    """From anywhere before question `question`: Tab into its group, Space for the first answer, arrows on."""
    tab_to(page, f"input[name=q{question}]")
    page.keyboard.press("Space")
    for _ in range(choice):
        page.keyboard.press("ArrowDown")


def test_quiz_by_keyboard(page: Page, site: SiteServer):
    open_page(page, site, QUIZ)
    region = ready(page)
    address = page.url
    for question, choice in {2: 2, 3: 0, 6: 0, 7: 0, 8: 0, 9: 1}.items():
        pick_radio(page, question, choice)
    # 1 + 0 + 0 + 0 + 0 + 1 of 1 + 0 + 3 + 0 + 0 + 1 = 40%
    expect(region.locator(".gw-headline")).to_have_text("Based on 6 of 15 answers.")
    expect_band(region, "Slow down and look again")
    expect(page.locator("input[name=q2][value='2']")).to_be_checked()
    # Arrow keys change the answer inside a group: "Yes, they're with someone new." settles it.
    page.keyboard.press("ArrowDown")
    expect_band(region, "It is time to step back")
    expect(region).to_contain_text("Because you said they're with someone new.")
    # Enter sends the form: the answers stay and the page does not go anywhere.
    page.keyboard.press("Enter")
    expect(page).to_have_url(address)
    expect_band(region, "It is time to step back")
    tab_to(page, "button.gw-reset")
    page.keyboard.press("Enter")
    expect(region.locator(".gw-headline")).to_have_text("0 of 15 questions answered.")


def test_no_contact_by_keyboard(page: Page, site: SiteServer, tmp_path):
    open_page(page, site, NO_CONTACT)
    region = ready(page)
    start = today() - datetime.timedelta(days=12)
    expect(region.locator(".gw-headline")).to_have_text("Day 0, with no end date: the first full day is tomorrow")
    # Space ticks the box for a break both agreed on: only then is there an end to count down to.
    tab_to(page, "input[name=has_end]")
    page.keyboard.press("Space")
    expect(page.locator("input[name=has_end]")).to_be_checked()
    expect(region.locator(".gw-headline")).to_have_text("Day 0 of 30: the first full day is tomorrow")
    tab_to(page, "input[name=start]")
    page.keyboard.type(f"{start:%m%d%Y}")  # en-US order: month, day, year
    expect(page.locator("input[name=start]")).to_have_value(start.isoformat())
    tab_to(page, "input[name=days]")  # a date field's month, day and year take a Tab each
    page.keyboard.press("Control+A")
    page.keyboard.type("20")
    page.keyboard.press("Enter")
    expect(region.locator(".gw-headline")).to_have_text("Day 12 of 20")
    expect(region).to_contain_text("8 days to go.")
    # Up and down arrows step the number: 21 days now.
    page.keyboard.press("ArrowUp")
    expect(region.locator(".gw-headline")).to_have_text("Day 12 of 21")
    ends = start + datetime.timedelta(days=21)
    tab_to(page, "a.gw-download")
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    saved = tmp_path / "event.ics"
    info.value.save_as(saved)
    assert f"DTSTART;VALUE=DATE:{ends:%Y%m%d}\r\n" in saved.read_bytes().decode("utf-8")


def test_apology_by_keyboard(page: Page, site: SiteServer):
    open_page(page, site, APOLOGY)
    region = ready(page)
    for selector in ["input[name=g1][value='1']", "input[name=g2][value='0']",
                     *(f"input[name=g3][value='{i}']" for i in range(8))]:
        tab_to(page, selector)
        page.keyboard.press("Space")
    expect(region.locator(".gw-headline")).to_have_text("8 of 8 parts in place.")
    expect_band(region, "The parts you checked are in place")
    tab_to(page, "textarea[name=draft]")
    page.keyboard.type("I lied to you, but I was stressed.")
    expect(region.locator("mark")).to_have_text(["I was stressed"])
    expect_band(region, "Getting there")
    # Space again on a ticked part unticks it.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    expect(region.locator(".gw-headline")).to_have_text("7 of 8 parts in place.")
