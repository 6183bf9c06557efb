"""Parses an iCalendar file from stdin with the third-party `icalendar` package and prints each
VEVENT as one JSON line (summary, start, end, uid, sequence, status, location, description), so
the Rust tests check our .ics files against a parser that is not ours.

usage: ics_check.py < event.ics
"""

import json
import sys

from icalendar import Calendar


def when(component, key):
    value = component.get(key)
    return None if value is None else value.to_ical().decode()


def main():
    calendar = Calendar.from_ical(sys.stdin.buffer.read())
    for event in calendar.walk("VEVENT"):
        print(json.dumps({
            "summary": str(event.get("SUMMARY", "")),
            "start": when(event, "DTSTART"),
            "end": when(event, "DTEND"),
            "uid": str(event.get("UID", "")),
            "sequence": int(event.get("SEQUENCE", 0)),
            "status": str(event.get("STATUS", "")),
            "location": str(event.get("LOCATION", "")),
            "description": str(event.get("DESCRIPTION", "")),
        }, ensure_ascii=False))


if __name__ == "__main__":
    main()
