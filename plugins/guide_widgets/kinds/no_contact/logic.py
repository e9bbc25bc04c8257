"""The no-contact calculator: which day of the period this is, what is left, and when it ends.

Dates are calendar days in the reader's own time zone (the page sends its local `today`), so the
arithmetic is plain date arithmetic: no clock times, no UTC, nothing that daylight saving can shift.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from guide_widgets.logic import Node, band, download, el, progress, reached, result
from guide_widgets.logic import date as date_node

MIN_DAYS, MAX_DAYS = 1, 365


def parse_date(value: object) -> date | None:
    """A date from an ISO 'YYYY-MM-DD' string, or None if it is not one."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        return None


def parse_days(value: object) -> int | None:
    """A length in whole days within 1..365, or None."""
    text = str(value).strip() if isinstance(value, str | int) and not isinstance(value, bool) else ""
    if not text.isdigit():
        return None
    days = int(text)
    return days if MIN_DAYS <= days <= MAX_DAYS else None


def end_date(start: date, days: int) -> date:
    """The day the period is over: `days` full days after the last contact."""
    return start + timedelta(days=days)


def calendar_event(ends: date, today: date, days: int) -> str:
    """An all-day iCalendar event on the end date, made entirely from the reader's own input."""
    stamp = today.strftime("%Y%m%dT000000Z")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//guide-widgets//no-contact//EN",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        f"UID:no-contact-{ends:%Y%m%d}-{days}d@guide-widgets",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{ends:%Y%m%d}",
        f"DTEND;VALUE=DATE:{ends + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:End of the {days}-day no-contact period",
        "DESCRIPTION:Check in with yourself before you decide on any first message.",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(lines) + "\r\n"


def _read(fields: dict[str, Any], today: date) -> tuple[date | None, int | None, date | None, dict[str, str]]:
    errors: dict[str, str] = {}
    raw_start = str(fields.get("start") or "").strip()
    start = parse_date(raw_start)
    if not raw_start:
        errors["start"] = "Enter the date of your last contact."
    elif start is None:
        errors["start"] = "Enter a real date, for example 2026-11-26."
    elif start > today:
        errors["start"] = "This date is in the future: enter the day you last had contact."

    days = parse_days(fields.get("days", ""))
    if days is None:
        errors["days"] = f"Enter a whole number of days from {MIN_DAYS} to {MAX_DAYS}."

    raw_broken = str(fields.get("broken") or "").strip()
    broken = parse_date(raw_broken) if raw_broken else None
    if raw_broken and broken is None:
        errors["broken"] = "Enter a real date, for example 2026-11-26, or leave this empty."
    elif broken is not None and broken > today:
        errors["broken"] = "This date is in the future: enter the day contact was broken, or leave it empty."
    elif broken is not None and start is not None and broken < start:
        errors["broken"] = "This is before your last contact: a restart can only come after it."
    return start, days, broken, errors


def evaluate(spec: dict[str, Any], fields: dict[str, Any], today_iso: str) -> dict[str, Any]:
    today = parse_date(today_iso)
    if today is None:
        raise ValueError(f"the page sent an invalid date for today: {today_iso!r}")
    start, days, broken, errors = _read(fields, today)
    if errors or start is None or days is None:
        return result([el("p", "Correct the marked field to see your countdown.")], errors)

    begin = broken or start
    elapsed = (today - begin).days
    ends = end_date(begin, days)
    day = min(elapsed, days)
    left = days - day
    done = elapsed >= days
    stage = reached(spec["stages"], 100.0 * day / days, key="from")

    if done:
        headline = f"Done: all {days} days"
        when: list[Node | str] = ["Your no-contact period ended on ", date_node(ends.isoformat()), "."]
    else:
        headline = f"Day {day} of {days}" if day else f"Day 0 of {days}: the first full day is tomorrow"
        left_text = "1 day left" if left == 1 else f"{left} days left"
        when = [f"{left_text}. The period ends on ", date_node(ends.isoformat()), "."]

    view: list[Node] = [
        el("p", headline, cls="gw-headline"),
        progress(day, days, f"Day {day} of {days}"),
        el("p", *when),
    ]
    if broken is not None:
        view.append(el("p", "Counting again from ", date_node(broken.isoformat()),
                       ", the day contact was broken."))
    view.append(band(stage))
    view.append(download("Add the end date to your calendar (.ics)", f"no-contact-ends-{ends.isoformat()}.ics",
                         "text/calendar", calendar_event(ends, today, days)))
    return result(view, day=day, days=days, left=left, ends=ends.isoformat(), stage=stage, done=done,
                  restarted=broken is not None)
