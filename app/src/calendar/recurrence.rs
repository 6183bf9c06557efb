//! Repeating events (a weekly club): every n weeks until a day, with days skipped (half term).
//! The `rrule` crate expands the rule in the school's wall-clock time, so a 15:30 club stays at
//! 15:30 across clock changes; feeds carry the rule itself (RRULE, EXDATE) for calendar apps.

use crate::db::entities::event;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};

/// The most dates one repeating event may have: a weekly club over two school years fits, a
/// mistyped year does not.
pub const MOST_DATES: u16 = 100;
/// The longest gap between two dates, in weeks.
pub const MOST_WEEKS: u16 = 4;

/// How an event repeats.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Repeat {
    /// Every this many weeks (at least one).
    pub weeks: u16,
    /// The last day it may fall on, in the school's zone.
    pub until: NaiveDate,
    /// Days it does not happen, earliest first.
    pub skipped: Vec<NaiveDate>,
}

/// One time an event happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Occurrence {
    /// When it starts.
    pub starts_at: DateTime<Utc>,
    /// When it ends.
    pub ends_at: DateTime<Utc>,
}

impl Repeat {
    /// The stored rule of `event`, if it repeats; a rule that cannot be read is no rule.
    pub fn of(event: &event::Model) -> Option<Self> {
        let weeks = u16::try_from(event.repeat_weeks).ok().filter(|w| *w > 0)?;
        let until = event.repeat_until?;
        let skipped: Vec<String> = serde_json::from_str(&event.skipped_dates).unwrap_or_default();
        Some(Self {
            weeks,
            until,
            skipped: skipped
                .iter()
                .filter_map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                .collect(),
        })
    }

    /// The skipped days as stored.
    pub fn skipped_json(&self) -> String {
        let days: Vec<String> = self.skipped.iter().map(|d| d.to_string()).collect();
        serde_json::to_string(&days).unwrap_or_else(|_| "[]".into())
    }

    /// Whether the rule falls on `day` (skipped or not) for an event first on `first`.
    pub fn falls_on(&self, first: NaiveDate, day: NaiveDate) -> bool {
        let step = i64::from(self.weeks) * 7;
        day >= first && day <= self.until && (day - first).num_days() % step == 0
    }

    /// How many dates an event first on `first` has, skipped days left out: counted, not
    /// expanded, so a rule of ten thousand dates costs nothing to refuse.
    pub fn count(&self, first: NaiveDate) -> u64 {
        if self.until < first || self.weeks == 0 {
            return 1;
        }
        let step = u64::from(self.weeks) * 7;
        let all = (self.until - first).num_days().unsigned_abs() / step + 1;
        let mut skipped = self.skipped.clone();
        skipped.dedup();
        let off = skipped.iter().filter(|d| self.falls_on(first, **d)).count() as u64;
        all.saturating_sub(off)
    }
}

/// Every time `event` happens, earliest first: once, or each date of its rule.
pub fn occurrences(event: &event::Model, zone: &str) -> Vec<Occurrence> {
    expand(
        event.starts_at,
        event.ends_at,
        Repeat::of(event).as_ref(),
        zone,
    )
}

/// The times an event from `starts_at` to `ends_at` happens under `repeat` in `zone`: each
/// occurrence starts at the first one's wall-clock time and lasts as long on the clock.
pub fn expand(
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    repeat: Option<&Repeat>,
    zone: &str,
) -> Vec<Occurrence> {
    let once = vec![Occurrence { starts_at, ends_at }];
    let Some(repeat) = repeat else {
        return once;
    };
    let tz = crate::dates::zone(zone);
    let rule_zone = rrule::Tz::Tz(tz);
    let first = starts_at.with_timezone(&tz).naive_local();
    let length = ends_at.with_timezone(&tz).naive_local() - first;
    let at = |day: NaiveDate, time: NaiveTime| rule_zone.from_local_datetime(&day.and_time(time));
    // UNTIL is inclusive and, with a zoned start, must be UTC (RFC 5545 3.3.10).
    let Some(until) = at(repeat.until, NaiveTime::MIN)
        .earliest()
        .map(|midnight| (midnight + Duration::days(1)).with_timezone(&rrule::Tz::UTC))
    else {
        return once;
    };
    let rule = rrule::RRule::new(rrule::Frequency::Weekly)
        .interval(repeat.weeks)
        .until(until);
    let Ok(mut set) = rule.build(starts_at.with_timezone(&rule_zone)) else {
        return once;
    };
    for day in &repeat.skipped {
        if let Some(skipped) = at(*day, first.time()).earliest() {
            set = set.exdate(skipped);
        }
    }
    set.all(MOST_DATES)
        .dates
        .into_iter()
        .map(|start| {
            let end = tz
                .from_local_datetime(&(start.naive_local() + length))
                .earliest()
                .map_or(start.with_timezone(&Utc) + length, |e| {
                    e.with_timezone(&Utc)
                });
            Occurrence {
                starts_at: start.with_timezone(&Utc),
                ends_at: end,
            }
        })
        .collect()
}

/// When the last time ends; `ends_at` when every date is skipped.
pub fn last_end(
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    repeat: Option<&Repeat>,
    zone: &str,
) -> DateTime<Utc> {
    expand(starts_at, ends_at, repeat, zone)
        .last()
        .map_or(ends_at, |o| o.ends_at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn london(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        crate::dates::zone("Europe/London")
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .single()
            .expect("a London time")
            .with_timezone(&Utc)
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a date")
    }

    #[test]
    fn a_weekly_club_keeps_its_wall_clock_time_across_the_october_clock_change() {
        // Tuesdays 15:30–16:30 from 6 October 2026; the clocks go back on 25 October; half term
        // (27 October) is skipped.
        let repeat = Repeat {
            weeks: 1,
            until: day(2026, 11, 10),
            skipped: vec![day(2026, 10, 27)],
        };
        let all = expand(
            london(2026, 10, 6, 15, 30),
            london(2026, 10, 6, 16, 30),
            Some(&repeat),
            "Europe/London",
        );
        let utc: Vec<String> = all
            .iter()
            .map(|o| o.starts_at.format("%m-%d %H:%M").to_string())
            .collect();
        assert_eq!(
            utc,
            [
                "10-06 14:30",
                "10-13 14:30",
                "10-20 14:30",
                "11-03 15:30",
                "11-10 15:30"
            ]
        );
        assert!(
            all.iter()
                .all(|o| o.ends_at - o.starts_at == Duration::hours(1))
        );
        assert_eq!(repeat.count(day(2026, 10, 6)), 5);
        assert_eq!(
            last_end(
                all[0].starts_at,
                all[0].ends_at,
                Some(&repeat),
                "Europe/London"
            ),
            london(2026, 11, 10, 16, 30)
        );
    }

    #[test]
    fn every_other_week_and_all_day_events_land_on_their_days() {
        let repeat = Repeat {
            weeks: 2,
            until: day(2027, 2, 1),
            skipped: Vec::new(),
        };
        let all = expand(
            london(2027, 1, 4, 0, 0),
            london(2027, 1, 5, 0, 0),
            Some(&repeat),
            "Europe/London",
        );
        let days: Vec<NaiveDate> = all
            .iter()
            .map(|o| crate::dates::local_day("Europe/London", o.starts_at))
            .collect();
        assert_eq!(days, [day(2027, 1, 4), day(2027, 1, 18), day(2027, 2, 1)]);
        assert!(repeat.falls_on(day(2027, 1, 4), day(2027, 1, 18)));
        assert!(!repeat.falls_on(day(2027, 1, 4), day(2027, 1, 11)));
    }

    #[test]
    fn ten_thousand_dates_are_counted_without_being_expanded() {
        let repeat = Repeat {
            weeks: 1,
            until: day(2026, 9, 7) + Duration::weeks(9_999),
            skipped: vec![day(2026, 9, 14), day(2026, 9, 15)],
        };
        // One skipped day is a date of the rule, the other is not.
        assert_eq!(repeat.count(day(2026, 9, 7)), 9_999);
        let once = expand(
            london(2026, 9, 7, 9, 0),
            london(2026, 9, 7, 10, 0),
            None,
            "Europe/London",
        );
        assert_eq!(once.len(), 1);
    }
}
