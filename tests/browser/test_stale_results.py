"""Typing fast never leaves an old answer on screen: the result shown matches what is in the fields."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .reader import APOLOGY, NO_CONTACT, READY_MS, days_ago, open_page, ready, tab_to


@pytest.fixture
def page(warm_page: Page) -> Page:
    """What these tests check does not depend on a first visit: Python may start from the stored snapshot."""
    return warm_page


def settled(page: Page, selector: str, text: str) -> None:
    """Once the widget has no question open (`data-gw-busy` gone: no answer can still arrive), it shows `text`:
    no late, stale answer replaced the one for the final input."""
    expect(page.locator("[data-gw-kind][data-gw-busy]")).to_have_count(0, timeout=READY_MS)
    expect(page.locator(selector)).to_have_text(text, timeout=1)


def test_fast_typing_in_the_days_field(page: Page, site):
    open_page(page, site, NO_CONTACT)
    ready(page)
    page.get_by_label("We both agreed on a break that ends on a date").check()
    page.get_by_label("Date of your last contact").fill(days_ago(3))
    tab_to(page, "input[name=days]")
    for attempt in ("365", "12", "7", "240", "45"):
        page.keyboard.press("Control+A")
        page.keyboard.type(attempt)  # one input event per key, no pause between them
    settled(page, "[data-gw-result] .gw-headline", "Day 3 of 45")
    page.keyboard.press("Backspace")
    page.keyboard.type("2")
    settled(page, "[data-gw-result] .gw-headline", "Day 3 of 42")


def test_fast_typing_in_the_draft(page: Page, site):
    open_page(page, site, APOLOGY)
    region = ready(page)
    draft_text = "I lied to you, but you made me angry. If you felt hurt, I am sorry you feel that way."
    page.get_by_label("Your draft apology (optional)").click()
    page.keyboard.type(draft_text)
    settled(page, "[data-gw-result] .gw-draft", draft_text)
    expect(region.locator("mark")).to_have_text(["but you made me angry", "If you felt hurt", "sorry you feel that"])
    for _ in range(len(" I am sorry you feel that way.")):
        page.keyboard.press("Backspace")
    settled(page, "[data-gw-result] .gw-draft", "I lied to you, but you made me angry. If you felt hurt,")
    expect(region.locator("mark")).to_have_text(["but you made me angry", "If you felt hurt"])
