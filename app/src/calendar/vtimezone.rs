//! The school's time zone as an iCalendar VTIMEZONE (RFC 5545 §3.6.5), so timed events can be
//! written in the school's wall-clock time and every calendar app places them right across clock
//! changes. Built from the IANA data chrono-tz carries: the offset in force at the start of the
//! span, then one observance per change inside it, written out as explicit onsets (no RRULE to
//! get wrong when a country changes its rules).

use chrono::{DateTime, Duration, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

/// One period of a single offset.
#[derive(Debug, PartialEq, Eq)]
struct Observance {
    /// Local time of the onset, in the offset in force before it.
    onset: NaiveDateTime,
    /// Offset before the onset, in seconds east of UTC.
    from: i32,
    /// Offset from the onset on.
    to: i32,
    /// The zone's abbreviation ("GMT", "BST"), when it has one.
    name: Option<String>,
    /// Summer time rather than standard time.
    daylight: bool,
}

/// The offset in force at `at`, in seconds, with its name and whether it is summer time.
fn offset_at(zone: Tz, at: DateTime<Utc>) -> (i32, Option<String>, bool) {
    let offset = zone.offset_from_utc_datetime(&at.naive_utc());
    let name = offset
        .abbreviation()
        .filter(|n| {
            !n.is_empty()
                && n.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-')
        })
        .map(str::to_string);
    (
        offset.fix().local_minus_utc(),
        name,
        offset.dst_offset() != Duration::zero(),
    )
}

/// The first second after `before` (in the old offset) and no later than `after` with a new
/// offset: a bisection over whole seconds, as zone changes fall on them.
fn change_between(zone: Tz, before: DateTime<Utc>, after: DateTime<Utc>) -> DateTime<Utc> {
    let old = offset_at(zone, before).0;
    let at = |seconds: i64| DateTime::from_timestamp(seconds, 0).unwrap_or(after);
    let (mut low, mut high) = (before.timestamp(), after.timestamp());
    while high - low > 1 {
        let middle = low + (high - low) / 2;
        if offset_at(zone, at(middle)).0 == old {
            low = middle;
        } else {
            high = middle;
        }
    }
    at(high)
}

/// The observances covering `from`..`to`: the one in force at `from`, then each change, found
/// by stepping a day at a time (zones do not change twice in a day).
fn observances(zone: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<Observance> {
    let start = from - Duration::days(1);
    let end = to.max(from) + Duration::days(1);
    let (offset, name, daylight) = offset_at(zone, start);
    let mut all = vec![Observance {
        onset: start.naive_utc() + Duration::seconds(offset.into()),
        from: offset,
        to: offset,
        name,
        daylight,
    }];
    let mut at = start;
    let mut current = offset;
    while at < end {
        let next = at + Duration::days(1);
        let (offset, _, _) = offset_at(zone, next);
        if offset != current {
            let change = change_between(zone, at, next);
            let (to, name, daylight) = offset_at(zone, change);
            all.push(Observance {
                onset: change.naive_utc() + Duration::seconds(current.into()),
                from: current,
                to,
                name,
                daylight,
            });
            current = to;
        }
        at = next;
    }
    all
}

/// "+0100", "-0330": an offset as iCalendar writes it.
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let seconds = seconds.unsigned_abs();
    let (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if rest == 0 {
        format!("{sign}{hours:02}{minutes:02}")
    } else {
        format!("{sign}{hours:02}{minutes:02}{rest:02}")
    }
}

/// The VTIMEZONE for `zone` over `from`..`to`, as content lines each ending in CRLF. Every value
/// is a number, a date or the IANA name, so none needs escaping.
pub fn block(zone: Tz, from: DateTime<Utc>, to: DateTime<Utc>) -> String {
    let mut out = format!("BEGIN:VTIMEZONE\r\nTZID:{}\r\n", zone.name());
    for o in observances(zone, from, to) {
        let kind = if o.daylight { "DAYLIGHT" } else { "STANDARD" };
        out.push_str(&format!(
            "BEGIN:{kind}\r\nDTSTART:{}\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\n",
            o.onset.format("%Y%m%dT%H%M%S"),
            utc_offset(o.from),
            utc_offset(o.to),
        ));
        if let Some(name) = o.name {
            out.push_str(&format!("TZNAME:{name}\r\n"));
        }
        out.push_str(&format!("END:{kind}\r\n"));
    }
    out.push_str("END:VTIMEZONE\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, 0, 0)
            .single()
            .expect("valid")
    }

    #[test]
    fn london_changes_at_one_in_the_morning_utc() {
        let all = observances(
            chrono_tz::Europe::London,
            utc(2026, 9, 1, 0),
            utc(2027, 6, 1, 0),
        );
        let changes: Vec<_> = all
            .iter()
            .skip(1)
            .map(|o| (o.onset.to_string(), o.from, o.to, o.daylight))
            .collect();
        assert_eq!(
            changes,
            vec![
                // Clocks go back at 02:00 BST on 25 October 2026 ...
                ("2026-10-25 02:00:00".to_string(), 3600, 0, false),
                // ... and forward at 01:00 GMT on 28 March 2027.
                ("2027-03-28 01:00:00".to_string(), 0, 3600, true),
            ]
        );
        assert_eq!(all[0].to, 3600, "September is summer time");
        assert!(all[0].daylight);
    }

    #[test]
    fn the_block_names_the_zone_and_each_change() {
        let text = block(
            chrono_tz::Europe::London,
            utc(2026, 10, 1, 0),
            utc(2026, 12, 1, 0),
        );
        assert!(
            text.starts_with("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n"),
            "{text}"
        );
        assert!(text.contains("BEGIN:STANDARD\r\nDTSTART:20261025T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nTZNAME:GMT\r\nEND:STANDARD\r\n"), "{text}");
        assert!(text.ends_with("END:VTIMEZONE\r\n"), "{text}");
    }

    #[test]
    fn zones_without_summer_time_have_one_observance() {
        let all = observances(
            chrono_tz::Asia::Shanghai,
            utc(2026, 1, 1, 0),
            utc(2027, 1, 1, 0),
        );
        assert_eq!(all.len(), 1);
        assert_eq!((all[0].from, all[0].to), (8 * 3600, 8 * 3600));
        assert_eq!(utc_offset(-(3 * 3600 + 1800)), "-0330");
        assert_eq!(utc_offset(5 * 3600 + 45 * 60), "+0545");
    }
}
