//! An iCalendar file exported from another calendar (Google, Outlook, a school's website):
//! every line is checked first, so a broken one is named by its line in the file; then the
//! `icalendar` crate reads it and each event becomes the event form's fields in the school's
//! time zone, so the form's own checks apply to it.

use super::{FileRows, LineProblem};
use crate::calendar::{EventCategory, EventFields};
use crate::i18n::Locale;
use crate::msg;
use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc};
use icalendar::{
    CalendarComponent, CalendarDateTime, Component, DatePerhapsTime, Event, EventLike,
};
use std::collections::HashMap;

/// Where each event starts in the file, and the first broken line, if any.
struct Outline {
    /// The line of each `BEGIN:VEVENT`, in order.
    events: Vec<u64>,
    problems: Vec<LineProblem>,
}

/// Checks the file line by line: it must open with `BEGIN:VCALENDAR`, every content line needs
/// a name and a ":" before its value, and every `BEGIN` its `END`. Folded lines (starting with a
/// space or tab) continue the line before.
fn outline(text: &str) -> Outline {
    let mut outline = Outline {
        events: Vec::new(),
        problems: Vec::new(),
    };
    let mut open: Vec<(String, u64)> = Vec::new();
    let mut seen_calendar = false;
    for (index, raw) in text.lines().enumerate() {
        let line = index as u64 + 1;
        let raw = raw.trim_end_matches('\r');
        if raw.is_empty() || raw.starts_with([' ', '\t']) {
            continue;
        }
        let name_end = raw.find([':', ';']).unwrap_or(raw.len());
        let name = &raw[..name_end];
        let well_formed = !name.is_empty()
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && raw[name_end..].contains(':');
        let value = raw[name_end..]
            .split_once(':')
            .map_or("", |(_, v)| v)
            .trim()
            .to_ascii_uppercase();
        if !seen_calendar {
            if !(well_formed && name.eq_ignore_ascii_case("BEGIN") && value == "VCALENDAR") {
                outline.problems.push(LineProblem::new(line, |l| {
                    msg!(l, "import-ics-not-calendar")
                }));
                return outline;
            }
            seen_calendar = true;
        }
        if !well_formed {
            outline
                .problems
                .push(LineProblem::new(line, |l| msg!(l, "import-ics-broken")));
            continue;
        }
        if name.eq_ignore_ascii_case("BEGIN") {
            if value == "VEVENT" && open.len() == 1 {
                outline.events.push(line);
            }
            open.push((value, line));
        } else if name.eq_ignore_ascii_case("END") {
            match open.pop() {
                Some((begun, _)) if begun == value => {}
                Some((begun, at)) => {
                    outline.problems.push(LineProblem::new(at, |l| {
                        msg!(l, "import-ics-unclosed", value = begun.as_str())
                    }));
                    return outline;
                }
                None => {
                    outline.problems.push(LineProblem::new(line, |l| {
                        msg!(l, "import-ics-unexpected-end", value = value.as_str())
                    }));
                    return outline;
                }
            }
        }
    }
    if let Some((begun, at)) = open.pop() {
        outline.problems.push(LineProblem::new(at, |l| {
            msg!(l, "import-ics-unclosed", value = begun.as_str())
        }));
    }
    outline
}

/// A time of the file as a local date and time in the school's zone. A floating time, or one
/// in a zone chrono-tz does not know (Outlook writes Windows names), is taken as the school's
/// own wall-clock time: the file is the school's calendar.
fn local(zone: &str, value: &CalendarDateTime) -> NaiveDateTime {
    let school = crate::dates::zone(zone);
    let in_school = |at: DateTime<Utc>| at.with_timezone(&school).naive_local();
    match value {
        CalendarDateTime::Floating(naive) => *naive,
        CalendarDateTime::Utc(at) => in_school(*at),
        CalendarDateTime::WithTimezone { date_time, tzid } => match tzid.parse::<chrono_tz::Tz>() {
            Ok(tz) => tz
                .from_local_datetime(date_time)
                .earliest()
                .map_or(*date_time, |t| in_school(t.with_timezone(&Utc))),
            Err(_) => *date_time,
        },
    }
}

/// A DATE or DATE-TIME value's day in the school's zone.
fn day_of(zone: &str, value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    if let Ok(day) = NaiveDate::parse_from_str(value, "%Y%m%d") {
        return Some(day);
    }
    let parsed = value
        .strip_suffix('Z')
        .and_then(|v| NaiveDateTime::parse_from_str(v, "%Y%m%dT%H%M%S").ok())
        .map(|naive| CalendarDateTime::Utc(Utc.from_utc_datetime(&naive)))
        .or_else(|| {
            NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S")
                .ok()
                .map(CalendarDateTime::Floating)
        })?;
    Some(local(zone, &parsed).date())
}

/// Reads an RRULE into the form's repeat fields: weekly, every 1–4 weeks, on the event's own
/// day, until a date or for a number of times. Anything else the portal cannot keep.
fn repeat_rule(rule: &str, zone: &str, first: NaiveDate, fields: &mut EventFields) -> bool {
    let parts: HashMap<String, String> = rule
        .split(';')
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.trim().to_ascii_uppercase(), v.trim().to_string()))
        .collect();
    let interval: u32 = match parts.get("INTERVAL").map(|v| v.parse()) {
        Some(Ok(n)) if n >= 1 => n,
        None => 1,
        Some(_) => return false,
    };
    let weeks = match parts.get("FREQ").map(String::as_str) {
        Some("WEEKLY") => interval,
        Some("DAILY") if interval.is_multiple_of(7) => interval / 7,
        _ => return false,
    };
    let own_day = chrono::Datelike::weekday(&first)
        .to_string()
        .to_ascii_uppercase();
    let only_own_day = parts
        .get("BYDAY")
        .is_none_or(|d| d.eq_ignore_ascii_case(&own_day[..2]));
    let known = ["FREQ", "INTERVAL", "UNTIL", "COUNT", "BYDAY", "WKST"];
    if !only_own_day || parts.keys().any(|k| !known.contains(&k.as_str())) {
        return false;
    }
    let until = match (parts.get("UNTIL"), parts.get("COUNT")) {
        (Some(until), None) => day_of(zone, until),
        (None, Some(count)) => count.parse::<i64>().ok().filter(|c| *c >= 1).map(|count| {
            first + Duration::weeks((count - 1).saturating_mul(i64::from(weeks)).min(5_000))
        }),
        _ => None,
    };
    let Some(until) = until else {
        return false;
    };
    fields.repeat_weeks = weeks.to_string();
    fields.repeat_until = until.to_string();
    true
}

/// The category an event's CATEGORIES name, else "Other".
fn category(event: &Event) -> EventCategory {
    let named: Vec<String> = event
        .multi_properties()
        .get("CATEGORIES")
        .into_iter()
        .flatten()
        .flat_map(|p| p.value().split(',').map(|v| v.trim().to_lowercase()))
        .collect();
    EventCategory::ALL
        .into_iter()
        .find(|c| {
            named.iter().any(|n| {
                *n == c.code()
                    || Locale::ALL
                        .into_iter()
                        .any(|l| c.name(l).to_lowercase() == *n)
            })
        })
        .unwrap_or_default()
}

/// One event as the form's fields, or the problem that stops it.
fn fields_of(event: &Event, zone: &str) -> Result<EventFields, LineProblemText> {
    let mut fields = EventFields {
        title: event.get_summary().unwrap_or_default().to_string(),
        description: event.get_description().unwrap_or_default().to_string(),
        location: event.get_location().unwrap_or_default().to_string(),
        category: category(event).code().to_string(),
        whole_school: true,
        ..EventFields::default()
    };
    let start = event.get_start().ok_or(LineProblemText::NoStart)?;
    let first = match &start {
        DatePerhapsTime::Date(day) => {
            fields.all_day = true;
            let last = match event.get_end() {
                // An all-day DTEND is the day after the last.
                Some(DatePerhapsTime::Date(end)) if end > *day => end - Duration::days(1),
                _ => *day,
            };
            fields.start_date = day.to_string();
            fields.end_date = last.to_string();
            *day
        }
        DatePerhapsTime::DateTime(at) => {
            let starts = local(zone, at);
            let ends = match event.get_end() {
                Some(DatePerhapsTime::DateTime(end)) => local(zone, &end),
                Some(DatePerhapsTime::Date(end)) => end.and_time(chrono::NaiveTime::MIN),
                None => starts,
            };
            fields.start_date = starts.date().to_string();
            fields.start_time = starts.format("%H:%M").to_string();
            fields.end_date = ends.date().to_string();
            fields.end_time = ends.format("%H:%M").to_string();
            starts.date()
        }
    };
    if let Some(rule) = event.property_value("RRULE") {
        if !repeat_rule(rule, zone, first, &mut fields) {
            return Err(LineProblemText::Repeat);
        }
        let skipped: Vec<String> = event
            .multi_properties()
            .get("EXDATE")
            .into_iter()
            .flatten()
            .flat_map(|p| p.value().split(',').filter_map(|v| day_of(zone, v)))
            .map(|d| d.to_string())
            .collect();
        fields.skipped_dates = skipped.join(" ");
    }
    Ok(fields)
}

/// Why an event of the file cannot become an event of the portal.
enum LineProblemText {
    NoStart,
    Repeat,
}

/// The events of an iCalendar file in the school's zone, each as the form's fields with the
/// line it starts on, and every problem found reading it. A changed date of a repeating event
/// (RECURRENCE-ID) becomes its own event and a skipped date of the series; cancelled events are
/// left out.
pub fn read(text: &str, zone: &str) -> FileRows {
    let mut rows = FileRows::default();
    let outline = outline(text);
    if !outline.problems.is_empty() {
        rows.problems = outline.problems;
        return rows;
    }
    let unfolded = icalendar::parser::unfold(text);
    let calendar: icalendar::Calendar = match icalendar::parser::read_calendar(&unfolded) {
        Ok(parsed) => parsed.into(),
        Err(err) => {
            tracing::debug!(%err, "an iCalendar file could not be read");
            rows.problems
                .push(LineProblem::new(1, |l| msg!(l, "import-ics-unreadable")));
            return rows;
        }
    };
    let events: Vec<&Event> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    let mut series: HashMap<String, usize> = HashMap::new();
    let mut moved: Vec<(String, NaiveDate)> = Vec::new();
    for (event, line) in events.iter().zip(outline.events.iter().copied()) {
        if event
            .property_value("STATUS")
            .is_some_and(|s| s.eq_ignore_ascii_case("CANCELLED"))
        {
            continue;
        }
        let uid = event.get_uid().unwrap_or_default().to_string();
        match fields_of(event, zone) {
            Ok(fields) => {
                if let Some(instead) = event.property_value("RECURRENCE-ID") {
                    if let Some(day) = day_of(zone, instead) {
                        moved.push((uid, day));
                    }
                } else if !fields.repeat_weeks.is_empty() && !uid.is_empty() {
                    series.insert(uid, rows.events.len());
                }
                rows.events.push((line, fields));
            }
            Err(LineProblemText::NoStart) => rows
                .problems
                .push(LineProblem::new(line, |l| msg!(l, "import-ics-no-start"))),
            Err(LineProblemText::Repeat) => rows
                .problems
                .push(LineProblem::new(line, |l| msg!(l, "import-ics-repeat"))),
        }
    }
    for (uid, day) in moved {
        if let Some(index) = series.get(&uid) {
            let skipped = &mut rows.events[*index].1.skipped_dates;
            if !skipped.is_empty() {
                skipped.push(' ');
            }
            skipped.push_str(&day.to_string());
        }
    }
    rows
}

/// The property a form field is read from, to name it beside a problem.
pub fn property(field: &str) -> &str {
    match field {
        "title" => "SUMMARY",
        "description" => "DESCRIPTION",
        "location" => "LOCATION",
        "start_date" | "start_time" | "all_day" => "DTSTART",
        "end_date" | "end_time" => "DTEND",
        "repeat_weeks" | "repeat_until" => "RRULE",
        "skipped_dates" => "EXDATE",
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZONE: &str = "Europe/London";

    fn calendar(events: &str) -> String {
        format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n{events}END:VCALENDAR\r\n")
    }

    #[test]
    fn reads_days_times_and_a_weekly_club_in_the_schools_zone() {
        let file = calendar(
            "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Half term\\, autumn\r\nDTSTART;VALUE=DATE:20271025\r\n\
             DTEND;VALUE=DATE:20271030\r\nCATEGORIES:Closure\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Chess club\r\nDTSTART:20270915T143000Z\r\n\
             DTEND:20270915T153000Z\r\nRRULE:FREQ=WEEKLY;UNTIL=20271215T235959Z\r\n\
             EXDATE:20271027T143000Z\r\nLOCATION:Library\r\n DESK\r\nEND:VEVENT\r\n",
        );
        let rows = read(&file, ZONE);
        assert!(rows.problems.is_empty(), "{:?}", rows.problems);
        let (line, half_term) = &rows.events[0];
        assert_eq!(*line, 4);
        assert_eq!(half_term.title, "Half term, autumn");
        assert!(half_term.all_day);
        assert_eq!(
            (half_term.start_date.as_str(), half_term.end_date.as_str()),
            ("2027-10-25", "2027-10-29")
        );
        assert_eq!(half_term.category, "closure");
        let (line, club) = &rows.events[1];
        assert_eq!(*line, 11);
        // 14:30 UTC is 15:30 in London in September (BST).
        assert_eq!(
            (club.start_time.as_str(), club.end_time.as_str()),
            ("15:30", "16:30")
        );
        assert_eq!(
            (club.repeat_weeks.as_str(), club.repeat_until.as_str()),
            ("1", "2027-12-15")
        );
        assert_eq!(club.skipped_dates, "2027-10-27");
        assert_eq!(club.location, "LibraryDESK");
    }

    #[test]
    fn a_broken_line_is_named_by_its_line_in_the_file() {
        let file = calendar(
            "BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Sports day\r\nthis line lost its name\r\n\
             DTSTART;VALUE=DATE:20270610\r\nEND:VEVENT\r\n",
        );
        let rows = read(&file, ZONE);
        assert!(rows.events.is_empty());
        let lines: Vec<u64> = rows.problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![7]);
    }

    #[test]
    fn an_unclosed_event_and_a_repeat_it_cannot_keep_are_problems() {
        let unclosed = calendar("BEGIN:VEVENT\r\nSUMMARY:A\r\n");
        assert_eq!(read(&unclosed, ZONE).problems[0].line, 4);
        let monthly = calendar(
            "BEGIN:VEVENT\r\nUID:m\r\nSUMMARY:Coffee morning\r\nDTSTART:20270104T090000\r\n\
             DTEND:20270104T100000\r\nRRULE:FREQ=MONTHLY;COUNT=5\r\nEND:VEVENT\r\n",
        );
        let rows = read(&monthly, ZONE);
        assert!(rows.events.is_empty());
        assert_eq!(rows.problems[0].line, 4);
        assert!(read("Title,start_date\n", ZONE).problems[0].line == 1);
    }

    #[test]
    fn a_moved_date_of_a_series_becomes_its_own_event_and_a_skipped_date() {
        let file = calendar(
            "BEGIN:VEVENT\r\nUID:s\r\nSUMMARY:Choir\r\nDTSTART:20270106T150000\r\n\
             DTEND:20270106T160000\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\nEND:VEVENT\r\n\
             BEGIN:VEVENT\r\nUID:s\r\nRECURRENCE-ID:20270113T150000\r\nSUMMARY:Choir\r\n\
             DTSTART:20270114T150000\r\nDTEND:20270114T160000\r\nEND:VEVENT\r\n",
        );
        let rows = read(&file, ZONE);
        assert!(rows.problems.is_empty(), "{:?}", rows.problems);
        assert_eq!(rows.events[0].1.repeat_until, "2027-01-27");
        assert_eq!(rows.events[0].1.skipped_dates, "2027-01-13");
        assert_eq!(rows.events[1].1.start_date, "2027-01-14");
        assert!(rows.events[1].1.repeat_weeks.is_empty());
    }
}
