//! The school's promise of notice: events are announced so many school days ahead. A school day
//! is a weekday that no closure or INSET day on the school's own calendar covers, so holidays
//! entered as closures (and the term dates they bound) are not counted.

use super::{EventCategory, status};
use crate::db::entities::event;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc, Weekday};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use std::collections::HashSet;

/// Ten school days: "at least two weeks before".
pub const DEFAULT_DAYS: i32 = 10;

/// Whether an event on `day`, announced on `today`, comes with fewer than `period` school days'
/// notice: the school days after today up to and including the event's day. A day already past
/// is a record of what happened, not an announcement.
pub fn is_short(
    today: NaiveDate,
    day: NaiveDate,
    period: i32,
    closed: &HashSet<NaiveDate>,
) -> bool {
    if period <= 0 || day < today {
        return false;
    }
    let mut given = 0;
    let mut next = today;
    while next < day {
        next = match next.succ_opt() {
            Some(d) => d,
            None => return false,
        };
        let weekday = !matches!(next.weekday(), Weekday::Sat | Weekday::Sun);
        if weekday && !closed.contains(&next) {
            given += 1;
            if given >= period {
                return false;
            }
        }
    }
    true
}

/// The days from `from` to `to` (inclusive) that the school's scheduled closures and INSET days
/// cover, in its zone.
pub async fn closed_days<C: ConnectionTrait>(
    db: &C,
    school_id: i32,
    zone: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<HashSet<NaiveDate>, DbErr> {
    let mut closed = HashSet::new();
    if to < from {
        return Ok(closed);
    }
    let (start, end) = (
        crate::dates::start_of_day(zone, from),
        crate::dates::start_of_day(zone, to + Duration::days(1)),
    );
    let codes = [EventCategory::Closure.code(), EventCategory::Inset.code()];
    let closures = event::Entity::find()
        .filter(event::Column::SchoolId.eq(school_id))
        .filter(event::Column::Status.eq(status::SCHEDULED))
        .filter(event::Column::Category.is_in(codes))
        .filter(event::Column::StartsAt.lt(end))
        .filter(event::Column::LastEndsAt.gt(start))
        .all(db)
        .await?;
    for time in closures
        .iter()
        .flat_map(|closure| super::recurrence::occurrences(closure, zone))
    {
        let first = crate::dates::local_day(zone, time.starts_at).max(from);
        let last = last_day(zone, time.starts_at, time.ends_at).min(to);
        let mut day = first;
        while day <= last {
            closed.insert(day);
            day = match day.succ_opt() {
                Some(d) => d,
                None => break,
            };
        }
    }
    Ok(closed)
}

/// The last day an event covers: an all-day event ends at the midnight after it.
fn last_day(zone: &str, starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> NaiveDate {
    let first = crate::dates::local_day(zone, starts_at);
    crate::dates::local_day(zone, ends_at - Duration::seconds(1)).max(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
    }

    #[test]
    fn counts_weekdays_after_today_up_to_the_event() {
        let none = HashSet::new();
        // Monday 30 November 2026.
        let today = day(2026, 11, 30);
        // Thursday: three school days ahead.
        assert!(is_short(today, day(2026, 12, 3), DEFAULT_DAYS, &none));
        // Friday week: nine school days.
        assert!(is_short(today, day(2026, 12, 11), DEFAULT_DAYS, &none));
        // Monday fortnight: ten school days, the promise kept.
        assert!(!is_short(today, day(2026, 12, 14), DEFAULT_DAYS, &none));
        // Today itself is no notice at all; yesterday is a record, not an announcement.
        assert!(is_short(today, today, DEFAULT_DAYS, &none));
        assert!(!is_short(today, day(2026, 11, 29), DEFAULT_DAYS, &none));
        assert!(!is_short(today, today, 0, &none));
    }

    #[test]
    fn closures_and_inset_days_are_not_school_days() {
        let today = day(2026, 11, 30);
        // An INSET day on Friday 11 December leaves the Monday fortnight one day short.
        let inset: HashSet<NaiveDate> = [day(2026, 12, 11)].into_iter().collect();
        assert!(is_short(today, day(2026, 12, 14), DEFAULT_DAYS, &inset));
        assert!(!is_short(today, day(2026, 12, 15), DEFAULT_DAYS, &inset));
    }
}
