"""Each widget used with the mouse as a reader would, with results checked against the guide's own numbers.

The expected verdicts are worked out by hand from the weights and thresholds in docs/guide.md, with inputs
chosen on both sides of each threshold: moving any threshold by a few points turns one of these red.
"""

from __future__ import annotations

import datetime
import re
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
    # answers (question -> answer index), score worked out by hand, verdict. What each question can add to the
    # score's maximum (its heaviest weight): q1 1, q2 1, q3 0, q4 2, q5 2, q6 3, q7 0, q8 0, q9 1, q10 2, q11 3,
    # q12 3, q13 3, q14 3, q15 2 (q3, q7 and q8 have only "No." and an answer that settles the result). The
    # first four pick no answer that settles the result or sets a floor: the score alone decides.
    ({3: 0, 7: 0, 9: 0, 12: 0, 14: 1, 15: 2}, "0+0+0+0+1+2 of 0+0+1+3+3+2 = 3 of 9 = 33.3%",
     "No stop sign in your answers"),
    ({6: 0, 8: 0, 11: 2, 12: 0, 14: 0, 15: 2}, "0+0+3+0+0+2 of 3+0+3+3+3+2 = 5 of 14 = 35.7%",
     "Slow down and look again"),
    ({1: 1, 10: 2, 11: 2, 12: 1, 13: 1, 15: 2}, "1+1+3+1+1+2 of 1+2+3+3+3+2 = 9 of 14 = 64.3%",
     "Slow down and look again"),
    ({3: 0, 7: 0, 9: 0, 11: 2, 12: 1, 15: 2}, "0+0+0+3+1+2 of 0+0+1+3+3+2 = 6 of 9 = 66.7%",
     "It is time to step back"),
    # Every question with its heaviest weighed answer (the floors among them hold at "Slow down", below it) ...
    ({1: 1, 2: 2, 3: 0, 4: 1, 5: 1, 6: 1, 7: 0, 8: 0, 9: 1, 10: 3, 11: 2, 12: 2, 13: 2, 14: 2, 15: 2},
     "26 of 26", "It is time to step back"),
    # ... and with its lightest.
    ({1: 0, 2: 1, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0, 10: 1, 11: 0, 12: 0, 13: 0, 14: 0, 15: 0},
     "0 of 26", "No stop sign in your answers"),
]

# Every question answered with its lightest answer, but for the ones a test sets itself.
MILD = {1: 0, 2: 1, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0, 10: 1, 11: 0, 12: 0, 13: 0, 14: 0, 15: 0}


def test_quiz_verdicts_on_both_sides_of_each_threshold(page: Page, site: SiteServer):
    open_page(page, site, QUIZ)
    region = ready(page)
    expect(region.locator("p")).to_have_text(["0 of 15 questions answered.", "Answer 6 more questions to see a result."])
    for answers, score, verdict in QUIZ_CASES:
        answer_quiz(page, answers)
        expect(region.locator(".gw-headline")).to_have_text(f"Based on {len(answers)} of 15 answers.")
        expect_band(region, verdict)
        assert region.locator(".gw-band-title").inner_text() == verdict, f"{answers} scores {score}"


def test_a_stop_signal_settles_the_quiz_at_once_and_says_why(page: Page, site: SiteServer):
    open_page(page, site, QUIZ)
    region = ready(page)
    page.get_by_label("Sad, but all right.").check()
    expect(region.locator("p")).to_have_text(["1 of 15 questions answered.", "Answer 5 more questions to see a result."])
    page.get_by_label("They've blocked me.").check()
    expect_band(region, "It is time to step back")
    expect(region).to_contain_text("Because you said they blocked you.")
    expect(region).to_contain_text("That answer settles the result on its own, whatever your other answers are.")
    # However mild every other answer is, the "no" is not outvoted.
    answer_quiz(page, {**MILD, 2: 4})
    expect_band(region, "It is time to step back")
    link = region.get_by_role("link", name="Read about letting go with grace")
    expect(link).to_have_attribute("href", "#letting-go")
    help_lines = region.get_by_role("link", name="help lines", exact=True)
    expect(help_lines).to_have_attribute("href", "../safety-first/#help-lines")
    # Two stop signals: both are named.
    page.get_by_label("Yes, they're with someone new.").check()
    expect(region).to_contain_text("Because you said they're with someone new.")
    expect(region).to_contain_text("Those answers settle the result on their own, whatever your other answers are.")


def test_a_floor_shows_the_result_at_once_and_mild_answers_do_not_lower_it(page: Page, site: SiteServer):
    open_page(page, site, QUIZ)
    region = ready(page)
    page.get_by_label("I feel I need them to be okay.").check()
    expect(region.locator(".gw-headline")).to_have_text("Based on 1 of 15 answers.")
    expect_band(region, "Slow down and look again")
    expect(region).to_contain_text("Because you said you feel you need them to be okay.")
    expect(region).to_contain_text("With that answer the result is at least this serious, however you answer the rest.")
    expect(region).to_contain_text("14 questions still open: your answers to them can change this result.")
    # The floor's own help, under its reason.
    help_line = region.get_by_role("link", name="help line", exact=True)
    expect(help_line).to_have_attribute("href", "../safety-first/#help-lines")
    # Mild answers everywhere else: 3 of 26 = 11.5% would say "No stop sign", but the floor holds.
    answer_quiz(page, {**MILD, 14: 2})
    expect(region.locator(".gw-headline")).to_have_text("Based on 15 of 15 answers.")
    expect_band(region, "Slow down and look again")
    expect(region).to_contain_text("Because you said you feel you need them to be okay.")
    # A floor is the least the result may be: heavy answers elsewhere still take it further,
    # 1+1+3+1+3+2 of 1+1+3+3+3+2 = 11 of 13 = 84.6%, and then the floor no longer explains it.
    answer_quiz(page, {1: 1, 2: 2, 11: 2, 12: 1, 14: 2, 15: 2})
    expect_band(region, "It is time to step back")
    expect(region).not_to_contain_text("Because you said")
    expect(region).not_to_contain_text("at least this serious")


def test_quiz_waits_for_enough_answers_and_follows_changes(page: Page, site: SiteServer):
    open_page(page, site, QUIZ)
    region = ready(page)
    page.get_by_label("They reply, but keep it short or practical.").check()
    page.get_by_label("Still clearly angry or bitter toward me.").check()
    page.get_by_label("Partly that I miss having someone.").check()
    page.get_by_label("We kept clashing over the same things, and nothing has changed.").check()
    page.get_by_label("They asked me to stop one thing (a kind of message, a topic, visits), and I have kept to it.").check()
    expect(region.locator("p")).to_have_text(["5 of 15 questions answered.", "Answer 1 more question to see a result."])
    expect(region.locator(".gw-band-title")).to_have_count(0)
    page.get_by_label("One to three months ago.").check()
    expect_band(region, "It is time to step back")  # 1+3+1+2+1+1 of 1+3+3+2+1+2 = 9 of 12: 75%
    expect(region).to_contain_text("9 questions still open: your answers to them can change this result.")
    # Changing one answer changes the verdict: 1+3+0+2+1+1 of 12 is 66.7%, 1+0+0+2+1+1 of 12 is 41.7%.
    page.get_by_label("Who they are, and what we could build together.").check()
    expect_band(region, "It is time to step back")
    page.get_by_label("Calmer; they can talk about it without it boiling over.").check()
    expect_band(region, "Slow down and look again")
    link = region.get_by_role("link", name="Look again at your own reasons")
    expect(link).to_have_attribute("href", "#your-reasons")
    link.click()
    expect(page).to_have_url(site.url + "knowing-when-to-walk-away/#your-reasons")


def test_quiz_clear_button_empties_every_answer(page: Page, site: SiteServer):
    open_page(page, site, QUIZ)
    region = ready(page)
    answer_quiz(page, {1: 1, 2: 1, 3: 0, 9: 1, 11: 1, 15: 1})
    expect(region.locator(".gw-headline")).to_have_text("Based on 6 of 15 answers.")
    page.get_by_role("button", name="Clear my answers").click()
    expect(region).to_contain_text("0 of 15 questions answered.")
    assert page.locator("input[type=radio]:checked").count() == 0


NO_CONTACT_STAGES = [
    # days since last contact in an agreed 100-day break -> the stage's opening words (stages start at 0, 40, 80 %)
    (39, "Day 39 of 100", "The first stretch is usually the hardest."),
    (40, "Day 40 of 100", "You're finding your footing."),
    (79, "Day 79 of 100", "You're finding your footing."),
    (80, "Day 80 of 100", "The end of your agreed break is close."),
    (99, "Day 99 of 100", "The end of your agreed break is close."),
    (100, "Done: all 100 days", "You kept to it."),
]

AGREED_END = "We both agreed on a break that ends on a date"
LENGTH = "Length of the break you agreed on, in days"
RESTART = "If you broke it: the day contact happened again (optional)"


def test_no_contact_days_and_stages(page: Page, site: SiteServer):
    open_page(page, site, NO_CONTACT)
    region = ready(page)
    # Unless both agreed on an end, no contact has none: nothing to count down to.
    expect(region.locator(".gw-headline")).to_have_text("Day 0, with no end date: the first full day is tomorrow")
    page.get_by_label(AGREED_END).check()
    expect(region).to_contain_text("Day 0 of 30: the first full day is tomorrow")
    start, days = page.get_by_label("Date of your last contact"), page.get_by_label(LENGTH)
    start.fill(days_ago(10))
    expect(region.locator(".gw-headline")).to_have_text("Day 10 of 30")
    expect(region).to_contain_text("20 days to go. Your agreed 30 days are complete on")
    ends = today() + datetime.timedelta(days=20)
    expect(region.locator("time")).to_have_attribute("datetime", ends.isoformat())
    days_picture = region.get_by_role("img", name="Day 10 of 30")  # the days drawn: 10 of 30 gone, today marked
    expect(days_picture).to_have_count(1)
    expect(days_picture.locator("rect.gw-elapsed")).to_have_attribute("width", re.compile(r"^32\.[0-9]+$"))
    days.fill("100")
    for ago, headline, stage in NO_CONTACT_STAGES:
        start.fill(days_ago(ago))
        expect(region.locator(".gw-headline")).to_have_text(headline)
        expect(region.locator(".gw-band")).to_contain_text(stage)
    expect(region).to_contain_text(f"The 100 days of your agreed break were complete on {ends_text(page, days_ago(0))}")


def ends_text(page: Page, iso: str) -> str:
    """The date as the page writes it (the reader's locale, here en-US)."""
    return page.evaluate("""iso => { const [y, m, d] = iso.split("-").map(Number);
        return new Date(y, m - 1, d).toLocaleDateString(undefined,
            {weekday: "long", year: "numeric", month: "long", day: "numeric"}); }""", iso)


def test_no_contact_restart_after_broken_contact(page: Page, site: SiteServer):
    open_page(page, site, NO_CONTACT)
    region = ready(page)
    page.get_by_label(AGREED_END).check()
    page.get_by_label("Date of your last contact").fill(days_ago(20))
    expect(region.locator(".gw-headline")).to_have_text("Day 20 of 30")
    page.get_by_label(RESTART).fill(days_ago(3))
    expect(region.locator(".gw-headline")).to_have_text("Day 3 of 30")
    expect(region).to_contain_text("Counting again from")
    # Without an agreed end, the count starts again too.
    page.get_by_label(AGREED_END).uncheck()
    expect(region.locator(".gw-headline")).to_have_text("Day 3, with no end date")
    expect(region).to_contain_text("Counting again from")


@pytest.mark.parametrize(("field", "value", "message"), [
    (LENGTH, "400", "Enter a whole number of days from 1 to 365."),
    (LENGTH, "0", "Enter a whole number of days from 1 to 365."),
    (LENGTH, "", "Enter a whole number of days from 1 to 365."),
    ("Date of your last contact", "future", "This date is in the future: enter the day you last had contact."),
    (RESTART, "before", "This is before your last contact: a restart can only come after it."),
])
def test_no_contact_bad_input_is_marked_at_its_field_and_keeps_the_rest(page: Page, site: SiteServer,
                                                                        field: str, value: str, message: str):
    open_page(page, site, NO_CONTACT)
    region = ready(page)
    agreed = page.get_by_label(AGREED_END)
    start, days = page.get_by_label("Date of your last contact"), page.get_by_label(LENGTH)
    broken = page.get_by_label(RESTART)
    agreed.check()
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
    # Nothing the reader typed or ticked elsewhere is lost.
    expected = {"Date of your last contact": days_ago(10), LENGTH: "45", RESTART: ""}
    expected[field] = typed
    expect(start).to_have_value(expected["Date of your last contact"])
    expect(days).to_have_value(expected[LENGTH])
    expect(broken).to_have_value(expected[RESTART])
    expect(agreed).to_be_checked()
    # Correcting the field clears its message and brings the countdown back.
    bad.fill({LENGTH: "45", "Date of your last contact": days_ago(10)}.get(field, ""))
    expect(slot).to_be_hidden()
    expect(bad).not_to_have_attribute("aria-invalid", "true")
    expect(region.locator(".gw-headline")).to_have_text("Day 10 of 45")


def test_no_contact_calendar_file_is_a_day_to_check_in_with_yourself(page: Page, site: SiteServer, tmp_path):
    open_page(page, site, NO_CONTACT)
    region = ready(page)
    page.get_by_label(AGREED_END).check()
    page.get_by_label("Date of your last contact").fill(days_ago(5))
    page.get_by_label(LENGTH).fill("21")
    ends = today() + datetime.timedelta(days=16)
    expect(region).to_contain_text("16 days to go. Your agreed 21 days are complete on")
    expect(region).to_contain_text("a day to check in with yourself, not a day you're owed a reply.")
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


def test_no_contact_without_an_agreed_end_has_no_end_date(page: Page, site: SiteServer, tmp_path):
    open_page(page, site, NO_CONTACT)
    region = ready(page)
    start = page.get_by_label("Date of your last contact")
    # The stages without an end: 29 of the 30 days is still the first stretch, 30 is kept.
    start.fill(days_ago(29))
    expect(region.locator(".gw-headline")).to_have_text("Day 29, with no end date")
    expect(region.locator(".gw-band")).to_contain_text("Their silence or their request is the answer.")
    start.fill(days_ago(30))
    expect(region.locator(".gw-headline")).to_have_text("Day 30, with no end date")
    expect(region.locator(".gw-band")).to_contain_text("You've kept to it.")
    start.fill(days_ago(45))
    expect(region.locator(".gw-headline")).to_have_text("Day 45, with no end date")
    expect(region).to_contain_text("No end date: no contact lasts until they change it themselves. These days are "
                                   "your own time to heal, not a wait.")
    expect(region.locator(".gw-band")).to_contain_text("You've kept to it.")
    # With no end, the days only count: the track has no end to reach.
    expect(region.get_by_role("img", name="Day 45, with no end date").locator("rect.gw-track-open")).to_have_count(1)
    expect(region).not_to_contain_text("complete on")
    calendar = downloaded(page, region.get_by_role("link", name="Add the day no contact began to your calendar (.ics)"),
                          f"no-contact-began-{days_ago(45)}.ics", tmp_path)
    assert calendar.count("BEGIN:VEVENT") == 1
    assert f"DTSTART;VALUE=DATE:{days_ago(45).replace('-', '')}" in calendar
    assert "SUMMARY:No contact began (it has no end date)" in calendar
    # Ticked, an agreed break counts down (and is over after its 30 days); unticked, it has no end again.
    page.get_by_label(AGREED_END).check()
    expect(region.locator(".gw-headline")).to_have_text("Done: all 30 days")
    page.get_by_label(AGREED_END).uncheck()
    expect(region.locator(".gw-headline")).to_have_text("Day 45, with no end date")


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
    expect_band(region, "The parts you checked are in place")
    expect(region).to_contain_text("You will name: Lying. They may have felt: Betrayed.")
    # Every part ticked, but what was done is no longer named: not ready to offer yet.
    page.get_by_label("Lying").uncheck()
    expect_band(region, "Getting there")
    expect(region.locator("li")).to_have_text(["Name what you did."])
    page.get_by_label("Something else (in your words)").fill("Missing her birthday")
    expect_band(region, "The parts you checked are in place")
    expect(region).to_contain_text("You will name: Missing her birthday.")


def test_apology_draft_is_reviewed_and_marked_as_text(page: Page, site: SiteServer):
    open_page(page, site, APOLOGY)
    region = ready(page)
    check_parts(page, 8)
    page.get_by_label("Infidelity").check()
    page.get_by_label("Unloved").check()
    draft = page.get_by_label("Your draft apology (optional)")
    draft.fill("I lied to you, but you made me.")
    expect(region.locator("mark")).to_have_text(["but you made me"])
    expect(region.locator(".gw-draft")).to_have_text("I lied to you, but you made me.")
    expect(region.locator(".gw-findings")).to_contain_text("This hands the blame for what you did to them.")
    expect_band(region, "Getting there")
    draft.fill("I lied, but it was not that bad.")
    expect(region.locator("mark")).to_have_text(["it was not that bad"])
    expect(region.locator(".gw-draft")).to_have_text("I lied, but it was not that bad.")
    expect_band(region, "Getting there")
    expect(region).to_contain_text("Your draft does not yet say what it did to them.")
    draft.fill("I lied to you for months. It broke your trust and left you feeling alone.")
    expect(region).to_contain_text("The check found none of what it looks for")
    expect(region.locator("mark")).to_have_count(0)
    expect_band(region, "The parts you checked are in place")
    # A draft that asks for anything is never called ready, and says why.
    draft.fill("I lied to you for months and you felt betrayed. Please forgive me.")
    expect(region.locator("mark")).to_have_text(["Please forgive me"])
    expect(region.locator(".gw-findings")).to_contain_text("This asks something of them.")
    expect_band(region, "Getting there")
