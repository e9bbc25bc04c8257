"""Each widget used with the mouse as a reader would, with results checked against the guide's own numbers.

The expected verdicts are worked out by hand from the weights and thresholds in docs/guide.md, with inputs
chosen on both sides of each threshold: moving any threshold by a few points turns one of these red.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from .reader import APOLOGY, NO_CONTACT, QUIZ, answer_quiz, days_ago, expect_band, open_page, ready, today
from .site_server import SiteServer


@pytest.fixture
def page(warm_page: Page) -> Page:
    """What these tests check does not depend on a first visit: Python may start from the stored snapshot."""
    return warm_page

QUIZ_CASES = [
    # answers (question -> answer index), score worked out by hand, verdict. Heaviest answers that do not
    # settle the result: q1 1, q2 3, q3 0, q4 1, q5 3, q6 3, q7 3, q8 2.
    ({4: 0, 6: 0, 7: 1, 8: 2}, "0+0+1+2 of 1+3+3+2 = 3 of 9 = 33.3%", "No stop sign in your answers"),
    ({2: 0, 5: 0, 6: 0, 7: 2, 8: 2}, "0+0+0+3+2 of 3+3+3+3+2 = 5 of 14 = 35.7%", "Slow down and look again"),
    ({2: 0, 5: 1, 6: 2, 7: 2, 8: 2}, "0+1+3+3+2 of 14 = 9 of 14 = 64.3%", "Slow down and look again"),
    ({4: 0, 6: 1, 7: 2, 8: 2}, "0+1+3+2 of 1+3+3+2 = 6 of 9 = 66.7%", "It is time to step back"),
    ({1: 2, 2: 1, 3: 0, 4: 1, 5: 2, 6: 2, 7: 2, 8: 2}, "16 of 16", "It is time to step back"),
    ({1: 1, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0}, "0 of 16", "No stop sign in your answers"),
]


def test_quiz_verdicts_on_both_sides_of_each_threshold(page: Page, site: SiteServer):
    open_page(page, site, QUIZ)
    region = ready(page)
    expect(region.locator("p")).to_have_text(["0 of 8 questions answered.", "Answer 4 more questions to see a result."])
    for answers, score, verdict in QUIZ_CASES:
        answer_quiz(page, answers)
        expect(region.locator(".gw-headline")).to_have_text(f"Based on {len(answers)} of 8 answers.")
        expect_band(region, verdict)
        assert region.locator(".gw-band-title").inner_text() == verdict, f"{answers} scores {score}"


def test_a_stop_signal_settles_the_quiz_at_once_and_says_why(page: Page, site: SiteServer):
    open_page(page, site, QUIZ)
    region = ready(page)
    page.get_by_label("Sad, but all right.").check()
    expect(region.locator("p")).to_have_text(["1 of 8 questions answered.", "Answer 3 more questions to see a result."])
    page.get_by_label("They have asked me to stop, or blocked me.").check()
    expect_band(region, "It is time to step back")
    expect(region).to_contain_text("Because you said they asked you to stop or blocked you.")
    expect(region).to_contain_text("That answer settles the result on its own, whatever your other answers are.")
    # However mild every other answer is, the "no" is not outvoted.
    answer_quiz(page, {1: 4, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0})
    expect_band(region, "It is time to step back")
    link = region.get_by_role("link", name="Read about letting go with grace")
    expect(link).to_have_attribute("href", "#letting-go")
    safety = region.get_by_role("link", name="Safety first")
    expect(safety).to_have_attribute("href", "../safety-first/")
    # Two stop signals: both are named.
    page.get_by_label("Yes, they are with someone new.").check()
    expect(region).to_contain_text("Because you said they are with someone new.")
    expect(region).to_contain_text("Those answers settle the result on their own, whatever your other answers are.")


def test_quiz_waits_for_enough_answers_and_follows_changes(page: Page, site: SiteServer):
    open_page(page, site, QUIZ)
    region = ready(page)
    page.get_by_label("They reply, but keep it short or practical.").check()
    page.get_by_label("Still clearly angry or bitter toward me.").check()
    page.get_by_label("Mostly that I am afraid of being alone.").check()
    expect(region.locator("p")).to_have_text(["3 of 8 questions answered.", "Answer 1 more question to see a result."])
    expect(region.locator(".gw-band-title")).to_have_count(0)
    page.get_by_label("I feel I need them to be okay.").check()
    expect_band(region, "It is time to step back")  # 1+3+3+3 of 1+3+3+3: 100%
    expect(region).to_contain_text("4 questions still open: your answers to them can change this result.")
    # Changing one answer changes the verdict: 1+0+3+3 of 10 is 70%, 1+0+0+3 of 10 is 40%.
    page.get_by_label("Calmer; they can talk about it without it boiling over.").check()
    expect_band(region, "It is time to step back")
    page.get_by_label("Who they are, and what we could build together.").check()
    expect_band(region, "Slow down and look again")
    link = region.get_by_role("link", name="Look again at your own reasons")
    expect(link).to_have_attribute("href", "#your-reasons")
    link.click()
    expect(page).to_have_url(site.url + "knowing-when-to-walk-away/#your-reasons")


def test_quiz_clear_button_empties_every_answer(page: Page, site: SiteServer):
    open_page(page, site, QUIZ)
    region = ready(page)
    answer_quiz(page, {1: 1, 2: 1, 3: 0, 4: 1})
    expect(region.locator(".gw-headline")).to_have_text("Based on 4 of 8 answers.")
    page.get_by_role("button", name="Clear my answers").click()
    expect(region).to_contain_text("0 of 8 questions answered.")
    assert page.locator("input[type=radio]:checked").count() == 0


NO_CONTACT_STAGES = [
    # days since last contact in a 100-day period -> the stage's opening words (stages start at 0, 40, 80 %)
    (39, "Day 39 of 100", "The first stretch is usually the hardest."),
    (40, "Day 40 of 100", "You are finding your footing."),
    (79, "Day 79 of 100", "You are finding your footing."),
    (80, "Day 80 of 100", "The end of your period is close."),
    (99, "Day 99 of 100", "The end of your period is close."),
    (100, "Done: all 100 days", "You kept to it."),
]


def test_no_contact_days_and_stages(page: Page, site: SiteServer):
    open_page(page, site, NO_CONTACT)
    region = ready(page)
    expect(region).to_contain_text("Day 0 of 30: the first full day is tomorrow")
    start, days = page.get_by_label("Date of your last contact"), page.get_by_label("Length of the period, in days")
    start.fill(days_ago(10))
    expect(region.locator(".gw-headline")).to_have_text("Day 10 of 30")
    expect(region).to_contain_text("20 days to go. Your 30 days are complete on")
    ends = today() + datetime.timedelta(days=20)
    expect(region.locator("time")).to_have_attribute("datetime", ends.isoformat())
    expect(region.locator("progress")).to_have_attribute("aria-label", "Day 10 of 30")
    days.fill("100")
    for ago, headline, stage in NO_CONTACT_STAGES:
        start.fill(days_ago(ago))
        expect(region.locator(".gw-headline")).to_have_text(headline)
        expect(region.locator(".gw-band")).to_contain_text(stage)
    expect(region).to_contain_text(f"Your 100 days of no contact were complete on {ends_text(page, days_ago(0))}")


def ends_text(page: Page, iso: str) -> str:
    """The date as the page writes it (the reader's locale, here en-US)."""
    return page.evaluate("""iso => { const [y, m, d] = iso.split("-").map(Number);
        return new Date(y, m - 1, d).toLocaleDateString(undefined,
            {weekday: "long", year: "numeric", month: "long", day: "numeric"}); }""", iso)


def test_no_contact_restart_after_broken_contact(page: Page, site: SiteServer):
    open_page(page, site, NO_CONTACT)
    region = ready(page)
    page.get_by_label("Date of your last contact").fill(days_ago(20))
    expect(region.locator(".gw-headline")).to_have_text("Day 20 of 30")
    page.get_by_label("If you broke it: the day contact happened again (optional)").fill(days_ago(3))
    expect(region.locator(".gw-headline")).to_have_text("Day 3 of 30")
    expect(region).to_contain_text("Counting again from")


@pytest.mark.parametrize(("field", "value", "message"), [
    ("Length of the period, in days", "400", "Enter a whole number of days from 1 to 365."),
    ("Length of the period, in days", "0", "Enter a whole number of days from 1 to 365."),
    ("Length of the period, in days", "", "Enter a whole number of days from 1 to 365."),
    ("Date of your last contact", "future", "This date is in the future: enter the day you last had contact."),
    ("If you broke it: the day contact happened again (optional)", "before",
     "This is before your last contact: a restart can only come after it."),
])
def test_no_contact_bad_input_is_marked_at_its_field_and_keeps_the_rest(page: Page, site: SiteServer,
                                                                        field: str, value: str, message: str):
    open_page(page, site, NO_CONTACT)
    region = ready(page)
    start, days = page.get_by_label("Date of your last contact"), page.get_by_label("Length of the period, in days")
    broken = page.get_by_label("If you broke it: the day contact happened again (optional)")
    start.fill(days_ago(10))
    days.fill("45")
    expect(region.locator(".gw-headline")).to_have_text("Day 10 of 45")
    typed = {"future": (today() + datetime.timedelta(days=2)).isoformat(), "before": days_ago(12)}.get(value, value)
    bad = page.get_by_label(field)
    bad.fill(typed)
    slot = page.locator(f"#{bad.get_attribute('aria-describedby', timeout=1000).split()[-1]}")
    expect(slot).to_have_text(message)
    expect(bad).to_have_attribute("aria-invalid", "true")
    expect(region).to_have_text("Correct the marked field to see your countdown.")
    # Nothing the reader typed elsewhere is lost.
    expected = {"Date of your last contact": days_ago(10), "Length of the period, in days": "45",
                "If you broke it: the day contact happened again (optional)": ""}
    expected[field] = typed
    expect(start).to_have_value(expected["Date of your last contact"])
    expect(days).to_have_value(expected["Length of the period, in days"])
    expect(broken).to_have_value(expected["If you broke it: the day contact happened again (optional)"])
    # Correcting the field clears its message and brings the countdown back.
    bad.fill({"Length of the period, in days": "45", "Date of your last contact": days_ago(10)}.get(field, ""))
    expect(slot).to_be_hidden()
    expect(bad).not_to_have_attribute("aria-invalid", "true")
    expect(region.locator(".gw-headline")).to_have_text("Day 10 of 45")


def test_no_contact_calendar_file_is_a_day_to_check_in_with_yourself(page: Page, site: SiteServer, tmp_path):
    open_page(page, site, NO_CONTACT)
    region = ready(page)
    page.get_by_label("Date of your last contact").fill(days_ago(5))
    page.get_by_label("Length of the period, in days").fill("21")
    ends = today() + datetime.timedelta(days=16)
    expect(region).to_contain_text("16 days to go. Your 21 days are complete on")
    expect(region).to_contain_text("a day to check in with yourself, not a day to write.")
    calendar = downloaded(page, region.get_by_role("link", name="Add a day to check in with yourself (.ics)"),
                          f"no-contact-check-in-{ends.isoformat()}.ics", tmp_path)
    assert f"DTSTART;VALUE=DATE:{ends:%Y%m%d}\r\n" in calendar
    assert f"DTEND;VALUE=DATE:{ends + datetime.timedelta(days=1):%Y%m%d}\r\n" in calendar
    assert "SUMMARY:21 days of no contact: a day to check in with yourself\r\n" in calendar
    assert calendar.startswith("BEGIN:VCALENDAR\r\n") and calendar.endswith("END:VCALENDAR\r\n")


def downloaded(page: Page, link: Locator, filename: str, folder: Path) -> str:
    """Clicks a download link named `filename` and returns the file as saved (iCalendar lines end in CRLF)."""
    expect(link).to_have_attribute("download", filename)
    with page.expect_download() as info:
        link.click()
    assert info.value.suggested_filename == filename
    saved = folder / filename
    info.value.save_as(saved)
    return saved.read_bytes().decode("utf-8")


def test_no_contact_they_asked_for_has_no_end_date(page: Page, site: SiteServer, tmp_path):
    open_page(page, site, NO_CONTACT)
    region = ready(page)
    page.get_by_label("Date of your last contact").fill(days_ago(45))
    expect(region.locator(".gw-headline")).to_have_text("Done: all 30 days")
    page.get_by_label("They asked me for no contact, or blocked me").check()
    expect(region.locator(".gw-headline")).to_have_text("Day 45, with no end date")
    expect(region).to_contain_text("Their request has no end date. These days are your own time to heal, not a wait.")
    expect(region.locator(".gw-band")).to_contain_text("You have kept to their wish.")
    expect(region.locator("progress")).to_have_count(0)
    expect(region).not_to_contain_text("complete on")
    calendar = downloaded(page, region.get_by_role("link", name="Add the day no contact began to your calendar (.ics)"),
                          f"no-contact-began-{days_ago(45)}.ics", tmp_path)
    assert calendar.count("BEGIN:VEVENT") == 1
    assert f"DTSTART;VALUE=DATE:{days_ago(45).replace('-', '')}" in calendar
    assert "SUMMARY:No contact began (their request has no end date)" in calendar
    # Unticked, the count is back.
    page.get_by_label("They asked me for no contact, or blocked me").uncheck()
    expect(region.locator(".gw-headline")).to_have_text("Done: all 30 days")


def check_parts(page: Page, count: int) -> None:
    boxes = page.locator("input[name=g3]")
    for index in range(boxes.count()):
        boxes.nth(index).set_checked(index < count)


def test_apology_bands_follow_the_parts_in_place(page: Page, site: SiteServer):
    open_page(page, site, APOLOGY)
    region = ready(page)
    expect(region.locator(".gw-headline")).to_have_text("0 of 8 parts in place.")
    expect_band(region, "Not ready yet")
    page.get_by_label("Lying").check()
    page.get_by_label("Betrayed").check()
    check_parts(page, 3)  # 37.5%
    expect(region.locator(".gw-headline")).to_have_text("3 of 8 parts in place.")
    expect_band(region, "Not ready yet")
    check_parts(page, 4)  # 50%
    expect_band(region, "Getting there")
    check_parts(page, 8)  # 100%, nothing missing
    expect_band(region, "Ready, if contact is welcome")
    expect(region).to_contain_text("You will name: Lying. They may have felt: Betrayed.")
    # Every part ticked, but what was done is no longer named: not ready to offer yet.
    page.get_by_label("Lying").uncheck()
    expect_band(region, "Getting there")
    expect(region.locator("li")).to_have_text(["Name what you did."])
    page.get_by_label("Something else (in your words)").fill("Missing her birthday")
    expect_band(region, "Ready, if contact is welcome")
    expect(region).to_contain_text("You will name: Missing her birthday.")


def test_apology_draft_is_reviewed_and_marked_as_text(page: Page, site: SiteServer):
    open_page(page, site, APOLOGY)
    region = ready(page)
    check_parts(page, 8)
    page.get_by_label("Infidelity").check()
    page.get_by_label("Unloved").check()
    draft = page.get_by_label("Your draft apology (optional)")
    draft.fill("I lied to you, but you made me.")
    expect(region.locator("mark")).to_have_text(["but", "you made me"])
    expect(region.locator(".gw-draft")).to_have_text("I lied to you, but you made me.")
    expect_band(region, "Getting there")
    expect(region).to_contain_text("Your draft does not yet say what it did to them.")
    draft.fill("I lied to you for months. It broke your trust and left you feeling alone.")
    expect(region).to_contain_text("None of the patterns this check knows were found.")
    expect(region.locator("mark")).to_have_count(0)
    expect_band(region, "Ready, if contact is welcome")
    # A draft that asks for anything is never called ready, and says why.
    draft.fill("I lied to you for months and you felt betrayed. Please forgive me.")
    expect(region.locator("mark")).to_have_text(["Please"])
    expect(region.locator(".gw-findings")).to_contain_text("This asks something of them.")
    expect_band(region, "Getting there")
