"""Each widget used with the mouse as a reader would, with results checked against the guide's own numbers.

The expected verdicts are worked out by hand from the weights and thresholds in docs/guide.md, with inputs
chosen on both sides of each threshold: moving any threshold by a few points turns one of these red.
"""

from __future__ import annotations

import datetime

import pytest
from playwright.sync_api import Page, expect

from .reader import APOLOGY, NO_CONTACT, QUIZ, answer_quiz, days_ago, expect_band, open_page, ready, today
from .site_server import SiteServer

QUIZ_CASES = [
    # answers (question -> answer index), score worked out by hand, verdict
    ({1: 0, 2: 0, 4: 2, 6: 1}, "4 of 12 = 33.3%", "Nothing here says stop"),
    ({1: 0, 2: 0, 3: 0, 4: 2, 5: 2}, "6 of 17 = 35.3%", "Slow down and look again"),
    ({1: 0, 2: 1, 3: 2, 4: 2, 5: 2}, "11 of 17 = 64.7%", "Slow down and look again"),
    ({1: 0, 2: 2, 4: 2, 6: 2}, "8 of 12 = 66.7%", "It may be time to let go"),
    ({1: 2, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2}, "19 of 19", "It may be time to let go"),
    ({1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0}, "0 of 19", "Nothing here says stop"),
]


def test_quiz_verdicts_on_both_sides_of_each_threshold(page: Page, site: SiteServer):
    open_page(page, site, QUIZ)
    region = ready(page)
    expect(region.locator("p")).to_have_text(["0 of 6 questions answered.", "Answer 4 more questions to see a result."])
    for answers, score, verdict in QUIZ_CASES:
        answer_quiz(page, answers)
        expect(region.locator(".gw-headline")).to_have_text(f"Based on {len(answers)} of 6 answers.")
        expect_band(region, verdict)
        assert region.locator(".gw-band-title").inner_text() == verdict, f"{answers} scores {score}"


def test_quiz_waits_for_enough_answers_and_follows_changes(page: Page, site: SiteServer):
    open_page(page, site, QUIZ)
    region = ready(page)
    page.get_by_label("They do not reply, or they have asked me to stop.").check()
    page.get_by_label("Still clearly angry or bitter toward me.").check()
    page.get_by_label("Yes, they are with someone new.").check()
    expect(region.locator("p")).to_have_text(["3 of 6 questions answered.", "Answer 1 more question to see a result."])
    expect(region.locator(".gw-band-title")).to_have_count(0)
    page.get_by_label("Mostly that I am afraid of being alone.").check()
    expect_band(region, "It may be time to let go")
    expect(region).to_contain_text("2 questions still open: your answers to them can change this result.")
    link = region.get_by_role("link", name="Read about letting go with grace")
    expect(link).to_have_attribute("href", "#letting-go")
    # Changing one answer changes the verdict: 4+3+4+0 of 14 is 78.6%, 0+3+4+0 of 14 is 50%.
    page.get_by_label("Who they are, and what we could build together.").check()
    expect_band(region, "It may be time to let go")
    page.get_by_label("They talk with me openly, even about hard things.").check()
    expect_band(region, "Slow down and look again")
    link = region.get_by_role("link", name="Revisit what you really want")
    expect(link).to_have_attribute("href", "../in-summary/")
    link.click()
    expect(page).to_have_url(site.url + "in-summary/")


def test_quiz_clear_button_empties_every_answer(page: Page, site: SiteServer):
    open_page(page, site, QUIZ)
    region = ready(page)
    answer_quiz(page, {1: 1, 2: 1, 3: 1, 4: 1})
    expect(region.locator(".gw-headline")).to_have_text("Based on 4 of 6 answers.")
    page.get_by_role("button", name="Clear my answers").click()
    expect(region).to_contain_text("0 of 6 questions answered.")
    assert page.locator("input[type=radio]:checked").count() == 0


NO_CONTACT_STAGES = [
    # days since last contact in a 100-day period -> the stage's opening words (stages start at 0, 40, 80 %)
    (39, "Day 39 of 100", "The first stretch is usually the hardest."),
    (40, "Day 40 of 100", "You are finding your footing."),
    (79, "Day 79 of 100", "You are finding your footing."),
    (80, "Day 80 of 100", "The end is close."),
    (99, "Day 99 of 100", "The end is close."),
    (100, "Done: all 100 days", "You kept to it."),
]


def test_no_contact_days_and_stages(page: Page, site: SiteServer):
    open_page(page, site, NO_CONTACT)
    region = ready(page)
    expect(region).to_contain_text("Day 0 of 30: the first full day is tomorrow")
    start, days = page.get_by_label("Date of your last contact"), page.get_by_label("Length of the period, in days")
    start.fill(days_ago(10))
    expect(region.locator(".gw-headline")).to_have_text("Day 10 of 30")
    expect(region).to_contain_text("20 days left. The period ends on")
    ends = today() + datetime.timedelta(days=20)
    expect(region.locator("time")).to_have_attribute("datetime", ends.isoformat())
    expect(region.locator("progress")).to_have_attribute("aria-label", "Day 10 of 30")
    days.fill("100")
    for ago, headline, stage in NO_CONTACT_STAGES:
        start.fill(days_ago(ago))
        expect(region.locator(".gw-headline")).to_have_text(headline)
        expect(region.locator(".gw-band")).to_contain_text(stage)
    expect(region).to_contain_text(f"Your no-contact period ended on {ends_text(page, days_ago(0))}")


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


def test_no_contact_calendar_file_has_the_end_date(page: Page, site: SiteServer, tmp_path):
    open_page(page, site, NO_CONTACT)
    region = ready(page)
    page.get_by_label("Date of your last contact").fill(days_ago(5))
    page.get_by_label("Length of the period, in days").fill("21")
    ends = today() + datetime.timedelta(days=16)
    link = region.get_by_role("link", name="Add the end date to your calendar (.ics)")
    expect(link).to_have_attribute("download", f"no-contact-ends-{ends.isoformat()}.ics")
    with page.expect_download() as info:
        link.click()
    saved = tmp_path / "event.ics"
    info.value.save_as(saved)
    calendar = saved.read_bytes().decode("utf-8")  # as saved: iCalendar lines end in CRLF
    assert info.value.suggested_filename == f"no-contact-ends-{ends.isoformat()}.ics"
    assert f"DTSTART;VALUE=DATE:{ends:%Y%m%d}\r\n" in calendar
    assert f"DTEND;VALUE=DATE:{ends + datetime.timedelta(days=1):%Y%m%d}\r\n" in calendar
    assert "SUMMARY:End of the 21-day no-contact period\r\n" in calendar
    assert calendar.startswith("BEGIN:VCALENDAR\r\n") and calendar.endswith("END:VCALENDAR\r\n")


def check_parts(page: Page, count: int) -> None:
    boxes = page.locator("input[name=g3]")
    for index in range(boxes.count()):
        boxes.nth(index).set_checked(index < count)


def test_apology_bands_follow_the_parts_in_place(page: Page, site: SiteServer):
    open_page(page, site, APOLOGY)
    region = ready(page)
    expect(region.locator(".gw-headline")).to_have_text("0 of 6 parts in place.")
    expect_band(region, "Not ready yet")
    page.get_by_label("Lying").check()
    page.get_by_label("Betrayed").check()
    check_parts(page, 2)  # 33%
    expect(region.locator(".gw-headline")).to_have_text("2 of 6 parts in place.")
    expect_band(region, "Not ready yet")
    check_parts(page, 3)  # 50%
    expect_band(region, "Getting there")
    check_parts(page, 6)  # 100%, nothing missing
    expect_band(region, "Ready, when the time is right")
    expect(region).to_contain_text("You will name: Lying. They may have felt: Betrayed.")
    # Every part ticked, but what was done is no longer named: not ready to offer yet.
    page.get_by_label("Lying").uncheck()
    expect_band(region, "Getting there")
    expect(region.locator("li")).to_have_text(["Name what you did."])
    page.get_by_label("Something else (in your words)").fill("Missing her birthday")
    expect_band(region, "Ready, when the time is right")
    expect(region).to_contain_text("You will name: Missing her birthday.")


def test_apology_draft_is_reviewed_and_marked_as_text(page: Page, site: SiteServer):
    open_page(page, site, APOLOGY)
    region = ready(page)
    check_parts(page, 6)
    page.get_by_label("Infidelity").check()
    page.get_by_label("Unloved").check()
    draft = page.get_by_label("Your draft apology (optional)")
    draft.fill("I lied to you, but you made me.")
    expect(region.locator("mark")).to_have_text(["but", "you made me"])
    expect(region.locator(".gw-draft")).to_have_text("I lied to you, but you made me.")
    expect_band(region, "Getting there")
    expect(region).to_contain_text("Your draft does not yet say what it did to them.")
    draft.fill("I lied to you for months. It broke your trust and left you feeling alone.")
    expect(region).to_contain_text("No excuse or blame patterns found in your draft.")
    expect(region.locator("mark")).to_have_count(0)
    expect_band(region, "Ready, when the time is right")
