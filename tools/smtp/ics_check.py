"""Parses an iCalendar file from stdin with the third-party `icalendar` package and prints each
VEVENT as one JSON line (summary, start and end as UTC instants or dates, the TZID they were
written in, uid, sequence, status, location, description, the calendar's name and VTIMEZONE
ids, and a repeating event's starts as `dateutil` expands its RRULE and EXDATE), so the Rust
tests check our .ics files against parsers that are not ours.

usage: ics_check.py < event.ics
"""

import json
import sys
from datetime import datetime, time, timezone

from dateutil.rrule import rrulestr
from icalendar import Calendar


def instant(component, key):
    """A DATE as YYYYMMDD, a DATE-TIME with a zone as the UTC instant, a floating one as is."""
    prop = component.get(key)
    return None if prop is None else as_text(prop.dt)


def as_text(value):
    """A DATE as YYYYMMDD, a DATE-TIME with a zone as the UTC instant, a floating one as is."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.strftime("%Y%m%dT%H%M%S")
        return value.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    return value.strftime("%Y%m%d")


def as_datetime(value):
    """dateutil expands datetimes: a DATE becomes its midnight."""
    return value if isinstance(value, datetime) else datetime.combine(value, time())


def occurrences(event):
    """Every start of a repeating event, in the wall-clock time of its zone; None if it does
    not repeat."""
    rule = event.get("RRULE")
    if rule is None:
        return None
    first = event.get("DTSTART").dt
    dated = not isinstance(first, datetime)
    starts = rrulestr(rule.to_ical().decode(), dtstart=as_datetime(first), forceset=True)
    skipped = event.get("EXDATE")
    for group in skipped if isinstance(skipped, list) else [skipped] if skipped else []:
        for day in group.dts:
            starts.exdate(as_datetime(day.dt))
    return [as_text(s.date() if dated else s) for s in starts]


def zone_of(component, key):
    prop = component.get(key)
    return None if prop is None else prop.params.get("TZID")


def main():
    calendar = Calendar.from_ical(sys.stdin.buffer.read())
    zones = [str(z.get("TZID")) for z in calendar.walk("VTIMEZONE")]
    name = str(calendar.get("X-WR-CALNAME", ""))
    for event in calendar.walk("VEVENT"):
        print(json.dumps({
            "summary": str(event.get("SUMMARY", "")),
            "start": instant(event, "DTSTART"),
            "end": instant(event, "DTEND"),
            "tzid": zone_of(event, "DTSTART"),
            "uid": str(event.get("UID", "")),
            "sequence": int(event.get("SEQUENCE", 0)),
            "status": str(event.get("STATUS", "")),
            "location": str(event.get("LOCATION", "")),
            "description": str(event.get("DESCRIPTION", "")),
            "calendar": name,
            "zones": zones,
            "occurrences": occurrences(event),
        }, ensure_ascii=False))


if __name__ == "__main__":
    main()
