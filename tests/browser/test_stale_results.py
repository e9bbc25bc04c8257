"""Typing fast never leaves an old answer on screen: the result shown matches what is in the fields."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .reader import APOLOGY, NO_CONTACT, days_ago, open_page, ready, tab_to


def settled(page: Page, selector: str, text: str) -> None:
    """The result shows `text`, and still does a moment later (no late, stale answer replaces it)."""
    expect(page.locator(selector)).to_have_text(text)
    page.wait_for_timeout(600)
    expect(page.locator(selector)).to_have_text(text, timeout=1)


def test_fast_typing_in_the_days_field(page: Page, site):
    open_page(page, site, NO_CONTACT)
    ready(page)
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
    expect(region.locator("mark")).to_have_text(["but", "you made me", "If you felt hurt", "sorry you feel"])
    for _ in range(len(" I am sorry you feel that way.")):
        page.keyboard.press("Backspace")
    settled(page, "[data-gw-result] .gw-draft", "I lied to you, but you made me angry. If you felt hurt,")
    expect(region.locator("mark")).to_have_text(["but", "you made me", "If you felt hurt"])
