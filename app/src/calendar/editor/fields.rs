//! The event form as typed: checked into an event with every problem listed (each in every
//! language), and filled from a stored event.

use crate::audience::Audience;
use crate::calendar::recurrence::{self, Repeat};
use crate::calendar::store::NewEvent;
use crate::calendar::{EventCategory, EventFields};
use crate::db::entities::{event, event_translation};
use crate::i18n::Locale;
use crate::msg;
use crate::notices::FormProblem;
use crate::notices::staff::compose::typed::{
    MAX_BODY_CHARS, MAX_TITLE_CHARS, checked_title, problem, typed_translations,
};
use crate::notices::store::TranslationInput;
use chrono::{Duration, NaiveDate, NaiveTime};

/// Longest place.
const MAX_LOCATION_CHARS: usize = 200;
/// Longest event: a term's closure fits, a typo of a year does not.
const MAX_DAYS: i64 = 120;

/// The chosen audience.
pub fn audience(fields: &EventFields) -> Audience {
    Audience::ticked(
        fields.whole_school,
        fields.staff_only,
        &fields.year_groups,
        &fields.classes,
        &fields.pupils,
    )
}

fn date(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok()
}

fn time(value: &str) -> Option<NaiveTime> {
    let value = value.trim();
    NaiveTime::parse_from_str(value, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(value, "%H:%M:%S"))
        .ok()
}

/// A local date and time in the school's zone as an instant; a time a clock change skips reads
/// as the first valid one after it.
fn instant(zone: &str, day: NaiveDate, at: NaiveTime) -> Option<chrono::DateTime<chrono::Utc>> {
    use chrono::TimeZone;
    let zone = crate::dates::zone(zone);
    let local = day.and_time(at);
    (0..3).find_map(|hour| {
        zone.from_local_datetime(&(local + Duration::hours(hour)))
            .earliest()
            .map(|t| t.with_timezone(&chrono::Utc))
    })
}

/// Reads the typed values into an event and lists every problem. `fallback` is the language of
/// an unknown tag; the audience is checked against the author's grants by the caller.
pub fn read(
    typed: &EventFields,
    zone: &str,
    fallback: Locale,
) -> (NewEvent, Vec<TranslationInput>, Vec<FormProblem>) {
    let mut problems = Vec::new();
    let title = checked_title(&typed.title, &mut problems);
    if typed.description.chars().count() > MAX_BODY_CHARS {
        problems.push(problem("description", |l| msg!(l, "error-field-too-long")));
    }
    let location = typed.location.trim().to_string();
    if location.chars().count() > MAX_LOCATION_CHARS {
        problems.push(problem("location", |l| msg!(l, "error-field-too-long")));
    }
    let audience = audience(typed);
    if audience.is_empty() {
        problems.push(problem("audience", |l| msg!(l, "event-audience-required")));
    }
    let first = if typed.start_date.trim().is_empty() {
        problems.push(problem("start_date", |l| msg!(l, "error-field-required")));
        None
    } else {
        let parsed = date(&typed.start_date);
        if parsed.is_none() {
            problems.push(problem("start_date", |l| msg!(l, "error-field-date")));
        }
        parsed
    };
    let last = if typed.end_date.trim().is_empty() {
        first
    } else {
        let parsed = date(&typed.end_date);
        if parsed.is_none() {
            problems.push(problem("end_date", |l| msg!(l, "error-field-date")));
        }
        parsed
    };
    let mut span = None;
    if typed.all_day {
        if let (Some(first), Some(last)) = (first, last) {
            span = Some((
                crate::dates::start_of_day(zone, first),
                crate::dates::start_of_day(zone, last + Duration::days(1)),
            ));
        }
    } else {
        let mut clock = |field: &'static str, value: &str| {
            if value.trim().is_empty() {
                problems.push(problem(field, |l| msg!(l, "event-time-required")));
                return None;
            }
            let parsed = time(value);
            if parsed.is_none() {
                problems.push(problem(field, |l| msg!(l, "event-time-invalid")));
            }
            parsed
        };
        let (starts, ends) = (
            clock("start_time", &typed.start_time),
            clock("end_time", &typed.end_time),
        );
        if let (Some(first), Some(last), Some(starts), Some(ends)) = (first, last, starts, ends) {
            span = instant(zone, first, starts).zip(instant(zone, last, ends));
        }
    }
    if let Some((starts_at, ends_at)) = span {
        if ends_at <= starts_at {
            problems.push(problem("end_date", |l| msg!(l, "event-end-before-start")));
        } else if ends_at - starts_at > Duration::days(MAX_DAYS) {
            let days = MAX_DAYS.to_string();
            problems.push(problem("end_date", |l| {
                msg!(l, "event-too-long", days = days.as_str())
            }));
        }
    }
    let repeat = repeat(typed, first, last, &mut problems);
    let language = Locale::from_tag(&typed.language).unwrap_or(fallback);
    let translations = typed_translations(&typed.translations, language);
    if translations.iter().any(|t| t.title.is_empty()) {
        problems.push(problem("translations", |l| {
            msg!(l, "event-translation-incomplete")
        }));
    }
    if translations.iter().any(|t| {
        t.title.chars().count() > MAX_TITLE_CHARS || t.body_source.chars().count() > MAX_BODY_CHARS
    }) {
        problems.push(problem("translations", |l| msg!(l, "error-field-too-long")));
    }
    let (starts_at, ends_at) = span.unwrap_or_default();
    let last_ends_at = recurrence::last_end(starts_at, ends_at, repeat.as_ref(), zone);
    let new = NewEvent {
        category: EventCategory::from_code(&typed.category).unwrap_or_default(),
        audience,
        language: language.tag().to_string(),
        title,
        description_source: typed.description.clone(),
        location,
        all_day: typed.all_day,
        starts_at,
        ends_at,
        repeat,
        last_ends_at,
        public: typed.public,
        short_notice: false,
    };
    (new, translations, problems)
}

/// Reads the repeat fields of an event from `first` to `last`: every 1–4 weeks until a day on
/// or after the first, skipping days of the rule, at most [`recurrence::MOST_DATES`] dates.
fn repeat(
    typed: &EventFields,
    first: Option<NaiveDate>,
    last: Option<NaiveDate>,
    problems: &mut Vec<FormProblem>,
) -> Option<Repeat> {
    let weeks = typed.repeat_weeks.trim();
    if weeks.is_empty() || weeks == "0" {
        return None;
    }
    let Some(weeks) = weeks
        .parse::<u16>()
        .ok()
        .filter(|w| (1..=recurrence::MOST_WEEKS).contains(w))
    else {
        problems.push(problem("repeat_weeks", |l| {
            msg!(l, "event-repeat-weeks-invalid")
        }));
        return None;
    };
    if first.is_some() && last != first {
        problems.push(problem("repeat_weeks", |l| msg!(l, "event-repeat-one-day")));
    }
    let until = if typed.repeat_until.trim().is_empty() {
        problems.push(problem("repeat_until", |l| msg!(l, "error-field-required")));
        None
    } else {
        let parsed = date(&typed.repeat_until);
        match (parsed, first) {
            (None, _) => problems.push(problem("repeat_until", |l| msg!(l, "error-field-date"))),
            (Some(until), Some(first)) if until < first => problems
                .push(problem("repeat_until", |l| {
                    msg!(l, "event-repeat-until-before")
                })),
            _ => {}
        }
        parsed
    };
    let mut skipped = Vec::new();
    for value in typed
        .skipped_dates
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|v| !v.is_empty())
    {
        let Some(day) = date(value) else {
            problems.push(problem("skipped_dates", |l| {
                msg!(l, "event-repeat-skipped-invalid", value = value)
            }));
            continue;
        };
        skipped.push(day);
    }
    skipped.sort_unstable();
    skipped.dedup();
    let (Some(until), Some(first)) = (until, first) else {
        return None;
    };
    let repeat = Repeat {
        weeks,
        until,
        skipped,
    };
    for day in repeat
        .skipped
        .iter()
        .filter(|d| !repeat.falls_on(first, **d))
    {
        let value = day.to_string();
        problems.push(problem("skipped_dates", |l| {
            msg!(l, "event-repeat-skipped-off", value = value.as_str())
        }));
    }
    let count = repeat.count(first);
    if count == 0 {
        problems.push(problem("skipped_dates", |l| {
            msg!(l, "event-repeat-none-left")
        }));
    } else if count > u64::from(recurrence::MOST_DATES) {
        let (count, most) = (count.to_string(), recurrence::MOST_DATES.to_string());
        problems.push(problem("repeat_until", |l| {
            msg!(
                l,
                "event-repeat-too-many",
                count = count.as_str(),
                most = most.as_str()
            )
        }));
    }
    Some(repeat)
}

/// The form's fields for a stored event, its days and times in the school's zone.
pub fn from_event(
    event: &event::Model,
    translations: &[event_translation::Model],
    zone: &str,
) -> EventFields {
    let audience = crate::calendar::store::audience_of(event);
    let local = |at| crate::dates::zone(zone).from_utc_datetime(&chrono::DateTime::naive_utc(&at));
    use chrono::TimeZone;
    let (starts, ends) = (local(event.starts_at), local(event.ends_at));
    let last_day = if event.all_day {
        (ends - Duration::seconds(1))
            .date_naive()
            .max(starts.date_naive())
    } else {
        ends.date_naive()
    };
    let clock = |t: chrono::DateTime<chrono_tz::Tz>| {
        if event.all_day {
            String::new()
        } else {
            t.format("%H:%M").to_string()
        }
    };
    let repeat = Repeat::of(event);
    EventFields {
        id: Some(event.id),
        language: event.language.clone(),
        title: event.title.clone(),
        description: event.description_source.clone(),
        category: event.category.clone(),
        location: event.location.clone(),
        all_day: event.all_day,
        start_date: starts.date_naive().format("%Y-%m-%d").to_string(),
        start_time: clock(starts),
        end_date: last_day.format("%Y-%m-%d").to_string(),
        end_time: clock(ends),
        repeat_weeks: repeat
            .as_ref()
            .map(|r| r.weeks.to_string())
            .unwrap_or_default(),
        repeat_until: event
            .repeat_until
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        skipped_dates: repeat
            .map(|r| {
                r.skipped
                    .iter()
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default(),
        whole_school: audience.whole_school,
        staff_only: audience.staff_only,
        year_groups: audience.year_groups,
        classes: audience.classes,
        pupils: audience.pupils,
        public: event.public,
        short_notice_ok: false,
        translations: translations
            .iter()
            .map(|t| {
                (
                    t.language.clone(),
                    (t.title.clone(), t.description_source.clone()),
                )
            })
            .collect(),
        held_files: Vec::new(),
        remove_files: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn trip() -> EventFields {
        let mut fields = EventFields::default();
        for (name, value) in [
            ("language", "en-GB"),
            ("title", "Year 3 trip to the museum"),
            ("category", "trip"),
            ("start_date", "2027-03-10"),
            ("start_time", "09:15"),
            ("end_time", "15:00"),
            ("year_group", "4"),
            ("class", "7"),
            ("year_group", "4"),
            ("title_zh-CN", "三年级博物馆之旅"),
        ] {
            fields.set(name, value.to_string());
        }
        fields
    }

    #[test]
    fn a_timed_event_is_read_in_the_school_zone() {
        let (event, translations, problems) = read(&trip(), "Europe/London", Locale::EnGb);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(event.starts_at.to_rfc3339(), "2027-03-10T09:15:00+00:00");
        assert_eq!(event.ends_at.to_rfc3339(), "2027-03-10T15:00:00+00:00");
        assert_eq!(event.audience.year_groups, vec![4]);
        assert_eq!(event.audience.classes, vec![7]);
        assert_eq!(event.category, EventCategory::Trip);
        assert_eq!(translations.len(), 1);
        assert_eq!(translations[0].language, Locale::ZhCn);
    }

    #[test]
    fn an_all_day_span_ends_at_the_midnight_after_its_last_day() {
        let mut fields = trip();
        fields.set("all_day", "on".into());
        fields.set("end_date", "2027-03-12".into());
        // Summer time: London is an hour ahead of UTC.
        fields.set("start_date", "2027-04-07".into());
        fields.set("end_date", "2027-04-09".into());
        let (event, _, problems) = read(&fields, "Europe/London", Locale::EnGb);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(event.starts_at.to_rfc3339(), "2027-04-06T23:00:00+00:00");
        assert_eq!(event.ends_at.to_rfc3339(), "2027-04-09T23:00:00+00:00");
    }

    #[test]
    fn every_problem_is_listed_in_every_language() {
        let mut fields = trip();
        fields.title = "  ".into();
        fields.end_time = "08:00".into();
        fields
            .translations
            .insert("ar".into(), (String::new(), "نص".into()));
        let (_, _, problems) = read(&fields, "Europe/London", Locale::EnGb);
        let names: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(names, ["title", "end_date", "translations"]);
        for p in &problems {
            for locale in Locale::ALL {
                assert!(!p.text.text(locale).is_empty(), "{} in {locale:?}", p.field);
            }
        }
        assert_eq!(
            problems[1].text.text(Locale::EnGb),
            "The event must end after it starts."
        );
    }

    #[test]
    fn a_weekly_club_is_read_and_its_mistakes_are_named() {
        let mut club = trip();
        club.category = "club".into();
        club.repeat_weeks = "1".into();
        club.repeat_until = "2027-05-05".into();
        club.skipped_dates = "2027-03-31\n 2027-04-07,".into();
        let (event, _, problems) = read(&club, "Europe/London", Locale::EnGb);
        assert!(problems.is_empty(), "{problems:?}");
        let repeat = event.repeat.expect("it repeats");
        assert_eq!(repeat.skipped.len(), 2);
        // Eight Wednesdays from 10 March to 5 May, two skipped; the last ends at 15:00 BST.
        assert_eq!(
            repeat.count(NaiveDate::from_ymd_opt(2027, 3, 10).expect("day")),
            7
        );
        assert_eq!(event.last_ends_at.to_rfc3339(), "2027-05-05T14:00:00+00:00");

        club.skipped_dates = "2027-03-11 someday".into();
        club.repeat_until = "2027-03-01".into();
        let (_, _, problems) = read(&club, "Europe/London", Locale::EnGb);
        let names: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(names, ["repeat_until", "skipped_dates", "skipped_dates"]);
        assert!(
            problems[1].text.text(Locale::EnGb).contains("someday"),
            "{problems:?}"
        );

        // Ten thousand weeks: refused with the count, nothing expanded.
        club.skipped_dates.clear();
        club.repeat_until = "2218-11-04".into();
        let (_, _, problems) = read(&club, "Europe/London", Locale::EnGb);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            problems[0].text.text(Locale::EnGb),
            "This would put 10001 dates on the calendar; a repeating event can have at most 100. Choose an earlier last date."
        );

        club.repeat_weeks = "9".into();
        let (_, _, problems) = read(&club, "Europe/London", Locale::EnGb);
        assert_eq!(problems[0].field, "repeat_weeks");
    }

    #[test]
    fn missing_and_impossible_dates_and_times_are_named() {
        let mut fields = trip();
        fields.start_date = "2027-02-30".into();
        fields.start_time = String::new();
        fields.end_time = "25:00".into();
        fields.year_groups.clear();
        fields.classes.clear();
        let (_, _, problems) = read(&fields, "Europe/London", Locale::EnGb);
        let names: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(names, ["audience", "start_date", "start_time", "end_time"]);
    }

    #[test]
    fn a_stored_event_fills_the_form_as_it_was_typed() {
        let (new, _, _) = read(&trip(), "Europe/London", Locale::EnGb);
        let now = chrono::Utc::now();
        let stored = event::Model {
            id: 9,
            school_id: 1,
            author_user_id: None,
            status: "scheduled".into(),
            category: new.category.code().into(),
            audience: serde_json::to_string(&new.audience).expect("json"),
            language: new.language.clone(),
            title: new.title.clone(),
            description_source: String::new(),
            description_html: String::new(),
            location: String::new(),
            all_day: false,
            starts_at: new.starts_at,
            ends_at: new.ends_at,
            public: false,
            short_notice: false,
            sequence: 0,
            uid: "x".into(),
            created_at: now,
            updated_at: now,
            changed_at: None,
            repeat_weeks: 0,
            repeat_until: None,
            skipped_dates: "[]".into(),
            last_ends_at: chrono::Utc::now(),
        };
        let fields = from_event(&stored, &[], "Europe/London");
        assert_eq!(fields.start_date, "2027-03-10");
        assert_eq!(fields.start_time, "09:15");
        assert_eq!(fields.end_date, "2027-03-10");
        assert_eq!(fields.end_time, "15:00");
        assert_eq!(fields.year_groups, vec![4]);
    }
}
