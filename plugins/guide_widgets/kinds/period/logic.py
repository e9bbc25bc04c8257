"""A dated period: which day of it this is, what is left, when it ends, a restart, and a calendar file.

A period can also have no end (the `no_end` option offers the reader a box for it; with `open_ended`, the box
says instead that it has one): then the widget counts the reader's own days, names no end date, and its
calendar file marks the day it began, nothing after.

Dates are calendar days in the reader's own time zone (the page sends its local date: `context.today`), so the
arithmetic is plain date arithmetic: no clock times, no UTC, nothing that daylight saving can shift.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, NotRequired, TypedDict

from guide_widgets.logic import Context, Node, Result, band, download, el, reached, result, say, say_text
from guide_widgets.logic import date as date_node
from guide_widgets.logic import days as days_picture

MIN_DAYS, MAX_DAYS = 1, 365
"""The lengths a reader may enter, in days: the block's `days` option (spec.py), the form's field and the
messages take them from here."""

StageSpec = TypedDict("StageSpec", {"from": float, "text": str, "link": str | None, "link_text": str | None})
"""One of `stages` (or `no_end`) as `evaluate` gets it (spec.py's `Stage`): `from` is a Python keyword, hence
this way of writing it."""


class PeriodSpec(TypedDict):
    """A period's `spec`, as the build validated it (spec.py's `Spec`); `no_end` is None when left out."""

    days: int
    stages: list[StageSpec]
    no_end: list[StageSpec] | None
    open_ended: bool
    strings: NotRequired[dict[str, Any]]  # the block's own words, if any (the logic reads `context.words`)


def parse_date(value: object) -> date | None:
    """A date from an ISO 'YYYY-MM-DD' string, or None if it is not one."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def parse_days(value: object) -> int | None:
    """A length in whole days from MIN_DAYS to MAX_DAYS, or None."""
    text = str(value).strip() if isinstance(value, str | int) and not isinstance(value, bool) else ""
    if not text.isdigit():
        return None
    days = int(text)
    return days if MIN_DAYS <= days <= MAX_DAYS else None


def end_date(start: date, days: int) -> date:
    """The day the period is over: `days` full days after it began."""
    return start + timedelta(days=days)


def calendar_event(on: date, today: date, days: int, summary: str) -> str:
    """An all-day iCalendar event on one day, made entirely from the reader's own input."""
    stamp = today.strftime("%Y%m%dT000000Z")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//guide-widgets//period//EN",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        f"UID:period-{on:%Y%m%d}-{days}d@guide-widgets",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{on:%Y%m%d}",
        f"DTEND;VALUE=DATE:{on + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{_ical_text(summary)}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(lines) + "\r\n"


def _ical_text(text: str) -> str:
    """Text as an iCalendar value: backslashes, commas, semicolons and line breaks escaped."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _read(fields: dict[str, Any], context: Context) -> tuple[date | None, int | None, date | None, dict[str, str]]:
    errors: dict[str, str] = {}
    today = context.today
    example = today.isoformat()
    raw_start = str(fields.get("start") or "").strip()
    start = parse_date(raw_start)
    if not raw_start:
        errors["start"] = say_text(context, "start_missing")
    elif start is None:
        errors["start"] = say_text(context, "date_invalid", example=example)
    elif start > today:
        errors["start"] = say_text(context, "start_future")

    days = parse_days(fields.get("days", ""))
    if days is None:
        errors["days"] = say_text(context, "days_invalid", min=MIN_DAYS, max=MAX_DAYS)

    raw_broken = str(fields.get("broken") or "").strip()
    broken = parse_date(raw_broken) if raw_broken else None
    if raw_broken and broken is None:
        errors["broken"] = say_text(context, "restart_invalid", example=example)
    elif broken is not None and broken > today:
        errors["broken"] = say_text(context, "restart_future")
    elif broken is not None and start is not None and broken < start:
        errors["broken"] = say_text(context, "restart_before")
    return start, days, broken, errors


def has_no_end(spec: PeriodSpec, fields: dict[str, Any]) -> bool:
    """Whether the reader's period runs without an end: they ticked that it has none, or (`open_ended`) did
    not tick that it has one."""
    if not spec.get("no_end"):
        return False
    if spec.get("open_ended"):
        return "yes" not in (fields.get("has_end") or [])
    return "yes" in (fields.get("no_end") or [])


def evaluate(spec: PeriodSpec, fields: dict[str, Any], context: Context) -> Result:
    today = context.today
    start, days, broken, errors = _read(fields, context)
    if errors or start is None or days is None:
        return result([el("p", say_text(context, "fix_field"))], errors)

    begin = broken or start
    if has_no_end(spec, fields):
        return _without_end(spec, context, begin, days, broken)
    elapsed = (today - begin).days
    ends = end_date(begin, days)
    day = min(elapsed, days)
    left = days - day
    done = elapsed >= days
    stage = reached(spec["stages"], 100.0 * day / days, key="from")
    end = date_node(ends.isoformat())

    if done:
        headline, when = say(context, "done", days=days), say(context, "ended_on", date=end, days=days)
    else:
        headline = say(context, "day_of", day=day, days=days) if day else say(context, "day_zero", days=days)
        when = say(context, "days_left", count=left, date=end, days=days)

    view: list[Node] = [
        el("p", *headline, cls="gw-headline"),
        days_picture(day, days, say_text(context, "day_of", day=day, days=days) if day else
                     say_text(context, "day_zero", days=days), marks=[stage["from"] for stage in spec["stages"]]),
        el("p", *when),
    ]
    if broken is not None:
        view.append(el("p", *say(context, "restarted", date=date_node(broken.isoformat()))))
    view.append(band(stage))
    view.append(download(say_text(context, "calendar"), f"{say_text(context, 'calendar_file')}-{ends.isoformat()}.ics",
                         "text/calendar", calendar_event(ends, today, days, say_text(context, "event", days=days))))
    return result(view, day=day, days=days, left=left, ends=ends.isoformat(), stage=stage, done=done,
                  restarted=broken is not None)


def _without_end(spec: PeriodSpec, context: Context, begin: date, days: int, broken: date | None) -> Result:
    """The reader's own days, with no end date and nothing to count down to (`has_no_end`: `no_end` is set)."""
    today = context.today
    day = (today - begin).days
    assert spec["no_end"] is not None
    stage = len(spec["stages"]) + reached(spec["no_end"], 100.0 * min(day, days) / days, key="from")
    headline = say(context, "no_end_day", day=day) if day else say(context, "no_end_day_zero")
    view: list[Node] = [el("p", *headline, cls="gw-headline"),
                        days_picture(day, None, say_text(context, "no_end_day", day=day) if day else
                                     say_text(context, "no_end_day_zero")),
                        el("p", *say(context, "no_end_note"))]
    if broken is not None:
        view.append(el("p", *say(context, "restarted", date=date_node(broken.isoformat()))))
    view.append(band(stage))
    filename = f"{say_text(context, 'no_end_calendar_file')}-{begin.isoformat()}.ics"
    view.append(download(say_text(context, "no_end_calendar"), filename, "text/calendar",
                         calendar_event(begin, today, days, say_text(context, "no_end_event"))))
    return result(view, day=day, days=None, left=None, ends=None, stage=stage, done=False,
                  restarted=broken is not None, no_end=True)
