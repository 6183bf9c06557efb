"""Parses an iCalendar file from stdin with the third-party `icalendar` package and prints each
VEVENT as one JSON line (summary, start and end as UTC instants or dates, the TZID they were
written in, uid, sequence, status, location, description, and the calendar's name and
VTIMEZONE ids), so the Rust tests check our .ics files against a parser that is not ours.

usage: ics_check.py < event.ics
"""

import json
import sys
from datetime import datetime, timezone

from icalendar import Calendar


def instant(component, key):
    """A DATE as YYYYMMDD, a DATE-TIME with a zone as the UTC instant, a floating one as is."""
    prop = component.get(key)
    if prop is None:
        return None
    value = prop.dt
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value.strftime("%Y%m%dT%H%M%S")
        return value.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    return value.strftime("%Y%m%d")


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
        }, ensure_ascii=False))


if __name__ == "__main__":
    main()
