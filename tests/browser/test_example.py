"""examples/savings in Chromium: a guide on another topic whose widget kind is the author's own.

The kind is written only against the public API (guide_widgets.specs, guide_widgets.logic); the engine gives
it the same frame as the built-in kinds: loading status, live region, messages at fields, no foreign requests.
"""

from __future__ import annotations

import re

from playwright.sync_api import Browser, expect

from .conftest import watched
from .reader import ready
from .site_server import SiteServer


def test_an_authors_own_widget_answers_in_the_browser(browser: Browser, example_site: SiteServer):
    with watched(browser, example_site.origin) as (context, _):
        page = context.new_page()
        page.goto(example_site.url + "the-monthly-amount/")
        region = ready(page)
        expect(region.locator(".gw-headline")).to_have_text("0% of 1,200 EUR saved")
        expect(region).to_contain_text("Enter a monthly amount to see when you get there.")

        page.get_by_label("Saved so far, in EUR").fill("600")
        page.get_by_label("Put aside each month, in EUR").fill("100")
        expect(region.locator(".gw-headline")).to_have_text("50% of 1,200 EUR saved")
        expect(region).to_contain_text("at 100 EUR a month that takes 6 months, until")
        expect(region.locator(".gw-band-title")).to_have_text("Halfway there")
        expect(region.get_by_role("img", name="50% saved: “Halfway there”.")).to_be_visible()
        expect(region.get_by_role("link", name="When a month goes wrong")).to_have_attribute(
            "href", "../staying-on-track/")

        page.get_by_label("Saved so far, in EUR").fill("-5")
        message = page.locator('[data-gw-message="saved"]')
        expect(message).to_have_text("Enter an amount of 0 or more.")
        expect(page.get_by_label("Saved so far, in EUR")).to_have_attribute("aria-invalid", "true")
        expect(page.get_by_label("Put aside each month, in EUR")).to_have_value("100")


def test_the_example_site_loads_nothing_from_elsewhere_and_its_archive_holds_the_authors_logic(
        browser: Browser, example_site: SiteServer):
    archives = list((example_site.directory / "assets" / "guide-widgets").glob("logic-*.zip"))
    assert len(archives) == 1
    with watched(browser, example_site.origin) as (context, watcher):
        page = context.new_page()
        page.goto(example_site.url)
        expect(page.locator("h1")).to_contain_text("Saving for something that matters")
        page.goto(example_site.url + "the-monthly-amount/")
        ready(page)
    assert any(url.endswith(archives[0].name) for url in watcher.urls), watcher.urls


ENGLISH = re.compile(r"\b(the|of|and|saved|month|months|until|enter|amount|goal|loading|python|try|again|your)\b",
                     re.IGNORECASE)


def test_the_example_in_german_has_no_english_word_left_in_its_widget(browser: Browser,
                                                                      german_example_site: SiteServer):
    with watched(browser, german_example_site.origin) as (context, _):
        page = context.new_page()
        page.goto(german_example_site.url + "der-monatsbetrag/")
        expect(page.locator("html")).to_have_attribute("lang", "de")
        widget = page.locator("[data-gw-kind]")
        region = ready(page)
        expect(region.locator(".gw-headline")).to_have_text("0 % von 1.200 EUR gespart")
        page.get_by_label("Bisher gespart, in EUR").fill("612.5")
        page.get_by_label("Monatlich zurückgelegt, in EUR").fill("100")
        expect(region.locator(".gw-headline")).to_have_text("51 % von 1.200 EUR gespart")
        expect(region).to_contain_text("Noch 587,5 EUR: Mit 100 EUR im Monat dauert das 6 Monate, bis")
        expect(region.locator("time")).to_contain_text(re.compile(r"(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|"
                                                                  r"Samstag|Sonntag), \d+\. \w+ 20\d\d"))
        page.get_by_label("Bisher gespart, in EUR").fill("-1")
        expect(page.locator('[data-gw-message="saved"]')).to_have_text("Geben Sie einen Betrag von 0 oder mehr ein.")
        words = widget.inner_text() + " ".join(widget.locator("[aria-label]").evaluate_all(
            "nodes => nodes.map(n => n.getAttribute('aria-label'))"))
        assert ENGLISH.findall(words) == [], words
