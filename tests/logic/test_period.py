"""The period tracker's maths. Plain functions and asserts: the same file runs under pytest and inside Pyodide."""

from guide_widgets.kinds.period.logic import calendar_event, end_date, evaluate, parse_days

from logic.english import context

STAGES = [{"from": 0, "text": "a"}, {"from": 40, "text": "b"}, {"from": 80, "text": "c"}, {"from": 100, "text": "d"}]
SPEC = {"days": 30, "stages": STAGES}


def shown(node):
    """The text a node shows, numbers as the page would show them in English."""
    if node["t"] == "text":
        return node["v"]
    if node["t"] == "number":
        return f"{node['v']:g}"
    if node["t"] == "date":
        return node["iso"]
    return "".join(shown(child) for child in node.get("c", []))


def run(today, start, days="30", broken=""):
    return evaluate(SPEC, {"start": start, "days": days, "broken": broken}, context("period", today))


def test_day_count_and_end_date():
    facts = run("2026-11-26", "2026-11-14")["facts"]
    assert (facts["day"], facts["days"], facts["left"], facts["ends"]) == (12, 30, 18, "2026-12-14")
    assert facts["stage"] == 1  # day 12 of 30 is 40%


def test_first_day_is_day_zero_and_ends_after_the_length():
    result = run("2026-11-26", "2026-11-26")
    assert result["facts"]["day"] == 0
    assert result["facts"]["ends"] == "2026-12-26"
    assert shown(result["view"][0]) == "Day 0 of 30: the first full day is tomorrow"


def test_period_over():
    facts = run("2027-01-01", "2026-11-26")["facts"]
    assert facts["done"] is True
    assert facts["left"] == 0
    assert facts["day"] == 30
    assert facts["stage"] == 3


def test_leap_day_and_month_ends():
    assert end_date(__import__("datetime").date(2028, 2, 28), 1).isoformat() == "2028-02-29"
    assert end_date(__import__("datetime").date(2028, 2, 28), 2).isoformat() == "2028-03-01"
    assert end_date(__import__("datetime").date(2027, 2, 28), 1).isoformat() == "2027-03-01"
    assert run("2026-02-01", "2026-01-31", days="30")["facts"]["ends"] == "2026-03-02"
    assert run("2028-02-29", "2028-01-30", days="30")["facts"]["day"] == 30


def test_daylight_saving_dates_are_plain_calendar_days():
    # Europe's clocks change on 2026-03-29 and 2026-10-25, America's on 2026-03-08 and 2026-11-01.
    for start, today, day in (("2026-03-28", "2026-03-30", 2), ("2026-10-24", "2026-10-26", 2),
                              ("2026-03-07", "2026-03-09", 2), ("2026-10-31", "2026-11-02", 2)):
        assert run(today, start)["facts"]["day"] == day


def test_full_year_length():
    facts = run("2026-11-26", "2026-11-26", days="365")["facts"]
    assert facts["ends"] == "2027-11-26"
    assert run("2028-01-01", "2028-01-01", days="365")["facts"]["ends"] == "2028-12-31"


def test_restart_counts_from_the_broken_day():
    facts = run("2026-11-26", "2026-11-01", broken="2026-11-20")["facts"]
    assert facts["restarted"] is True
    assert facts["day"] == 6
    assert facts["ends"] == "2026-12-20"


def test_stage_boundaries():
    # 30 days: 40% is day 12, 80% is day 24.
    stages = {day: run("2026-12-31", f"2026-12-{31 - day:02d}")["facts"]["stage"] for day in (11, 12, 23, 24)}
    assert stages == {11: 0, 12: 1, 23: 1, 24: 2}


def test_bad_input_gets_a_message_per_field_and_keeps_the_rest():
    result = run("2026-11-26", "", days="0")
    assert result["errors"] == {"start": "Enter the day the period began.",
                                "days": "Enter a whole number of days from 1 to 365."}
    assert run("2026-11-26", "2026-11-27")["errors"]["start"].startswith("This date is in the future")
    assert "days" in run("2026-11-26", "2026-11-01", days="366")["errors"]
    assert "days" in run("2026-11-26", "2026-11-01", days="2.5")["errors"]
    assert "days" in run("2026-11-26", "2026-11-01", days="abc")["errors"]
    before = run("2026-11-26", "2026-11-10", broken="2026-11-01")
    assert before["errors"] == {"broken": "This is before the start: a restart can only come after it."}
    assert "future" in run("2026-11-26", "2026-11-10", broken="2026-12-01")["errors"]["broken"]
    assert "real date" in run("2026-11-26", "2026-13-40")["errors"]["start"]


def test_days_parsing():
    assert [parse_days(v) for v in ("1", "365", " 30 ", "0", "366", "-3", "", "1e2")] == \
        [1, 365, 30, None, None, None, None, None]


def test_calendar_event_is_an_all_day_event_on_the_end_date():
    import datetime
    ics = calendar_event(datetime.date(2026, 12, 26), datetime.date(2026, 11, 26), 30, "End; of, it")
    lines = ics.split("\r\n")
    assert "DTSTART;VALUE=DATE:20261226" in lines
    assert "DTEND;VALUE=DATE:20261227" in lines
    assert lines[0] == "BEGIN:VCALENDAR"
    assert "SUMMARY:End\\; of\\, it" in lines
    assert ics.endswith("END:VCALENDAR\r\n")
    download = run("2026-11-26", "2026-11-26")["view"][-1]
    assert download["t"] == "download"
    assert download["filename"] == "period-ends-2026-12-26.ics"
    assert "SUMMARY:End of the 30-day period" in download["content"]
    assert "DTSTART;VALUE=DATE:20261226" in download["content"]


OPEN = {**SPEC, "no_end": [{"from": 0, "text": "own days"}, {"from": 100, "text": "still yours"}]}


def without_end(today, start, broken="", days="30", ticked=True):
    return evaluate(OPEN, {"start": start, "days": days, "broken": broken, "no_end": ["yes"] if ticked else []},
                    context("period", today))


def test_a_period_with_no_end_counts_the_readers_own_days_and_names_no_end_date():
    result = without_end("2026-11-26", "2026-11-14")
    facts = result["facts"]
    assert (facts["day"], facts["ends"], facts["left"], facts["no_end"]) == (12, None, None, True)
    texts = [shown(node) for node in result["view"] if node["t"] not in ("band", "download", "days")]
    assert texts == ["Day 12, with no end date", "There is nothing to count down to: these days are yours."]
    picture = next(node for node in result["view"] if node["t"] == "days")  # it counts, towards no end
    assert (picture["elapsed"], picture["total"], picture["label"]) == (12, None, "Day 12, with no end date")
    assert not any("left" in text or "ends" in text for text in texts)


def test_with_no_end_the_stages_follow_the_suggested_length_and_the_last_one_stays():
    # The no-end stages come after the four ordinary ones in the page's list of result texts.
    assert without_end("2026-11-26", "2026-11-14")["facts"]["stage"] == 4
    assert without_end("2026-12-14", "2026-11-14")["facts"]["stage"] == 5  # day 30 of a suggested 30
    assert without_end("2027-11-14", "2026-11-14")["facts"]["stage"] == 5  # a year on: no "done"
    assert without_end("2027-11-14", "2026-11-14")["facts"]["done"] is False


def test_with_no_end_the_calendar_file_marks_the_first_day_and_nothing_after():
    result = without_end("2026-11-26", "2026-11-14", broken="2026-11-20")
    file = next(node for node in result["view"] if node["t"] == "download")
    assert file["filename"] == "period-began-2026-11-20.ics"
    assert file["content"].count("BEGIN:VEVENT") == 1
    assert "DTSTART;VALUE=DATE:20261120" in file["content"]
    assert "SUMMARY:The day this period began (it has no end date)" in file["content"]
    assert file["label"] == "Add the day it began to your calendar (.ics)"


def test_the_box_unticked_or_not_offered_keeps_the_countdown():
    assert without_end("2026-11-26", "2026-11-14", ticked=False)["facts"]["ends"] == "2026-12-14"
    plain = evaluate(SPEC, {"start": "2026-11-14", "days": "30", "broken": "", "no_end": ["yes"]}, context("period", "2026-11-26"))
    assert plain["facts"]["ends"] == "2026-12-14"


def test_with_no_end_bad_dates_are_still_marked_at_their_field():
    result = without_end("2026-11-26", "2026-12-01")
    assert result["errors"] == {"start": "This date is in the future: enter the day the period began."}


OPEN_ENDED = {**OPEN, "open_ended": True}


def test_an_open_ended_period_has_no_end_unless_the_reader_says_it_has_one():
    today = context("period", "2026-11-26")
    silent = evaluate(OPEN_ENDED, {"start": "2026-11-14", "days": "30", "broken": ""}, today)
    assert (silent["facts"]["ends"], silent["facts"]["no_end"]) == (None, True)
    agreed = evaluate(OPEN_ENDED, {"start": "2026-11-14", "days": "30", "broken": "", "has_end": ["yes"]}, today)
    assert agreed["facts"]["ends"] == "2026-12-14"
    assert "no_end" not in agreed["facts"]
    # The other box means nothing to an open-ended period: only saying it has an end gives it one.
    ticked = evaluate(OPEN_ENDED, {"start": "2026-11-14", "days": "30", "broken": "", "no_end": []}, today)
    assert ticked["facts"]["ends"] is None
