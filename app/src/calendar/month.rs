//! The month view's data: a Monday-first grid of the month's days, each with the reader's
//! events on it (a guardian's for the chosen child or all children, staff the school's), and
//! every heading already written in each shipped language.

use super::{CalendarViews, MonthDay, MonthEntry, MonthFilter, MonthView, reader, store};
use crate::access::{Capability, authorize};
use crate::audience::Membership;
use crate::db::entities::event;
use crate::db::entities::{class, year_group};
use crate::error::AppError;
use crate::i18n::{Locale, PerLocale};
use crate::state::app_state;
use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

/// How far from today the view goes, either way.
pub const MONTHS_AWAY: u32 = 24;
/// The most events one month shows.
const MONTH_LIMIT: u64 = 500;

/// The first day of the month `value` names (`2027-01`), or of `today`'s month when it names
/// none, or one more than [`MONTHS_AWAY`] months away.
pub fn month_of(value: Option<&str>, today: NaiveDate) -> NaiveDate {
    let this = today.with_day(1).unwrap_or(today);
    let asked =
        value.and_then(|v| NaiveDate::parse_from_str(&format!("{}-01", v.trim()), "%Y-%m-%d").ok());
    match asked {
        Some(first) if within(first, this) => first,
        _ => this,
    }
}

fn within(first: NaiveDate, this: NaiveDate) -> bool {
    let earliest = this.checked_sub_months(Months::new(MONTHS_AWAY));
    let latest = this.checked_add_months(Months::new(MONTHS_AWAY));
    earliest.is_some_and(|e| first >= e) && latest.is_some_and(|l| first <= l)
}

/// The weeks of `first`'s month, Monday first; days of the months around it are `None`.
pub fn grid(first: NaiveDate) -> Vec<[Option<NaiveDate>; 7]> {
    let mut weeks = Vec::new();
    let mut week = [None; 7];
    let mut day = first;
    while day.month() == first.month() {
        let column = day.weekday().num_days_from_monday() as usize;
        week[column] = Some(day);
        if column == 6 {
            weeks.push(week);
            week = [None; 7];
        }
        day = match day.succ_opt() {
            Some(next) => next,
            None => break,
        };
    }
    if week.iter().any(Option::is_some) {
        weeks.push(week);
    }
    weeks
}

/// The month's address value (`2027-01`).
fn key(first: NaiveDate) -> String {
    first.format("%Y-%m").to_string()
}

/// The last day a time from `starts_at` to `ends_at` covers: an all-day event ends at the
/// midnight after it.
fn last_day(zone: &str, starts_at: DateTime<Utc>, ends_at: DateTime<Utc>) -> NaiveDate {
    let first = crate::dates::local_day(zone, starts_at);
    crate::dates::local_day(zone, ends_at - Duration::seconds(1)).max(first)
}

/// The calendar's two views' names in each language.
pub fn views() -> CalendarViews {
    CalendarViews {
        list: PerLocale::build(|l| crate::msg!(l, "calendar-agenda-view")),
        month: PerLocale::build(|l| crate::msg!(l, "calendar-month-view")),
    }
}

/// The audience filter of a whole-school reader's month `month`, with `chosen` (`y<id>`, `c<id>`)
/// read against the school's year groups and this year's classes, and the memberships whose
/// events it shows: a class's or year group's, never a single pupil's. An unknown value shows
/// every event.
async fn audience_filter<C: sea_orm::ConnectionTrait>(
    db: &C,
    school_id: i32,
    chosen: Option<&str>,
    month: String,
) -> Result<(MonthFilter, Option<Vec<Membership>>), AppError> {
    let groups = year_group::Entity::find()
        .filter(year_group::Column::SchoolId.eq(school_id))
        .order_by_asc(year_group::Column::Position)
        .all(db)
        .await?;
    let classes = match crate::audience::resolve::current_year(db, school_id).await? {
        Some(year) => {
            class::Entity::find()
                .filter(class::Column::SchoolId.eq(school_id))
                .filter(class::Column::AcademicYearId.eq(year.id))
                .order_by_asc(class::Column::Name)
                .all(db)
                .await?
        }
        None => Vec::new(),
    };
    let member = |year_group_id, class_id| Membership {
        pupil_id: 0,
        school_id,
        year_group_id,
        class_id,
    };
    let chosen = chosen.unwrap_or_default().trim();
    let mut narrowed = None;
    let mut choices = vec![(
        String::new(),
        PerLocale::build(|l| crate::msg!(l, "calendar-month-filter-all")),
    )];
    for group in &groups {
        let value = format!("y{}", group.id);
        if value == chosen {
            let mut memberships = vec![member(group.id, None)];
            memberships.extend(
                classes
                    .iter()
                    .filter(|c| c.year_group_id == group.id)
                    .map(|c| member(group.id, Some(c.id))),
            );
            narrowed = Some(memberships);
        }
        choices.push((value, PerLocale::build(|_| group.name.clone())));
    }
    for class in &classes {
        let value = format!("c{}", class.id);
        if value == chosen {
            narrowed = Some(vec![member(class.year_group_id, Some(class.id))]);
        }
        choices.push((value, PerLocale::build(|_| class.name.clone())));
    }
    let filter = MonthFilter {
        month,
        label: PerLocale::build(|l| crate::msg!(l, "calendar-month-filter")),
        show: PerLocale::build(|l| crate::msg!(l, "calendar-month-filter-show")),
        choices,
        chosen: if narrowed.is_some() {
            chosen.to_string()
        } else {
            String::new()
        },
    };
    Ok((filter, narrowed))
}

/// The signed-in user's month `month` (`2027-01`; this month when `None`), for staff narrowed to
/// `audience` when it names one of the school's year groups or classes.
pub async fn view(month: Option<String>, audience: Option<String>) -> Result<MonthView, AppError> {
    let granted = authorize(Capability::CalendarRead)?;
    let actor = granted.actor;
    let state = app_state()?;
    let zone = actor.zone.clone();
    let today = crate::dates::local_day(&zone, Utc::now());
    let first = month_of(month.as_deref(), today);
    let next = first.checked_add_months(Months::new(1)).unwrap_or(first);
    let last = next.pred_opt().unwrap_or(first);
    let (from, to) = (
        crate::dates::start_of_day(&zone, first),
        crate::dates::start_of_day(&zone, next),
    );
    let (filter, narrowed) = if actor.reads_whole_school(granted.scope) {
        let (filter, narrowed) =
            audience_filter(&state.db, actor.school_id, audience.as_deref(), key(first)).await?;
        (Some(filter), narrowed)
    } else {
        (None, None)
    };
    let events: Vec<event::Model> = match &narrowed {
        Some(memberships) => {
            store::upcoming_for(
                &state.db,
                actor.school_id,
                memberships,
                from,
                Some(to),
                MONTH_LIMIT,
            )
            .await?
        }
        None => {
            reader::upcoming(
                &state.db,
                &actor,
                granted.scope,
                &actor.chosen_memberships(),
                from,
                Some(to),
                MONTH_LIMIT,
            )
            .await?
        }
    };
    let ids: Vec<i32> = events.iter().map(|e| e.id).collect();
    let mut translations = store::translations(&state.db, &ids).await?;
    let mut on_day: std::collections::BTreeMap<NaiveDate, Vec<MonthEntry>> = Default::default();
    for event in &events {
        let texts = reader::titles(event, translations.remove(&event.id));
        // A weekly club is on each of its days this month.
        for occurrence in super::recurrence::occurrences(event, &zone)
            .into_iter()
            .filter(|o| o.starts_at < to && o.ends_at > from)
        {
            let time = if event.all_day {
                String::new()
            } else {
                crate::dates::time(&zone, occurrence.starts_at)
            };
            let mut day = crate::dates::local_day(&zone, occurrence.starts_at).max(first);
            let end = last_day(&zone, occurrence.starts_at, occurrence.ends_at).min(last);
            while day <= end {
                on_day.entry(day).or_default().push(MonthEntry {
                    id: event.id,
                    texts: texts.clone(),
                    time: time.clone(),
                    cancelled: event.status == super::status::CANCELLED,
                });
                day = match day.succ_opt() {
                    Some(d) => d,
                    None => break,
                };
            }
        }
    }
    // Each day earliest first, all-day events on top ("" sorts before any time).
    for entries in on_day.values_mut() {
        entries.sort_by(|a, b| a.time.cmp(&b.time));
    }
    let weeks = grid(first)
        .into_iter()
        .map(|week| {
            week.into_iter()
                .map(|day| match day {
                    None => MonthDay::default(),
                    Some(d) => MonthDay {
                        day: d.day(),
                        key: d.format("%Y-%m-%d").to_string(),
                        label: Some(PerLocale::build(|l| crate::dates::day(l, d))),
                        today: d == today,
                        entries: on_day.remove(&d).unwrap_or_default(),
                    },
                })
                .collect()
        })
        .collect();
    // Any Monday: the week's seven short names in each language.
    let monday = first - Duration::days(first.weekday().num_days_from_monday() as i64);
    let weekdays = (0..7)
        .map(|i| {
            let d = monday + Duration::days(i);
            PerLocale::build(|l: Locale| crate::dates::weekday(l, d))
        })
        .collect();
    let previous = first
        .checked_sub_months(Months::new(1))
        .filter(|p| within(*p, today.with_day(1).unwrap_or(today)));
    let following = Some(next).filter(|n| within(*n, today.with_day(1).unwrap_or(today)));
    Ok(MonthView {
        views: views(),
        labels: [
            PerLocale::build(|l| crate::msg!(l, "calendar-month-previous")),
            PerLocale::build(|l| crate::msg!(l, "calendar-month-next")),
            PerLocale::build(|l| crate::msg!(l, "calendar-month-empty")),
        ],
        title: PerLocale::build(|l| crate::dates::month(l, first)),
        weekdays,
        weeks,
        previous: previous.map(key),
        next: following.map(key),
        filter,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
    }

    #[test]
    fn the_grid_starts_on_monday_and_holds_every_day_once() {
        // February 2027 starts on a Monday and has 28 days: four whole weeks.
        let weeks = grid(day(2027, 2, 1));
        assert_eq!(weeks.len(), 4);
        assert_eq!(weeks[0][0], Some(day(2027, 2, 1)));
        // December 2026 starts on a Tuesday and ends on a Thursday.
        let weeks = grid(day(2026, 12, 1));
        assert_eq!(weeks.len(), 5);
        assert_eq!(weeks[0][0], None);
        assert_eq!(weeks[0][1], Some(day(2026, 12, 1)));
        assert_eq!(weeks[4][3], Some(day(2026, 12, 31)));
        assert_eq!(weeks[4][4], None);
        let days: usize = weeks.iter().map(|w| w.iter().flatten().count()).sum();
        assert_eq!(days, 31);
    }

    #[test]
    fn a_month_is_read_from_its_address_within_two_years() {
        let today = day(2026, 11, 30);
        assert_eq!(month_of(Some("2027-01"), today), day(2027, 1, 1));
        assert_eq!(month_of(None, today), day(2026, 11, 1));
        assert_eq!(month_of(Some("2027-13"), today), day(2026, 11, 1));
        assert_eq!(month_of(Some("<script>"), today), day(2026, 11, 1));
        assert_eq!(month_of(Some("2031-01"), today), day(2026, 11, 1));
        assert_eq!(month_of(Some("2024-11"), today), day(2024, 11, 1));
    }
}
