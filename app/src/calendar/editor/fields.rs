//! The event form as typed: checked into an event with every problem listed (each in every
//! language), and filled from a stored event.

use crate::audience::Audience;
use crate::calendar::store::NewEvent;
use crate::calendar::{EventCategory, EventFields};
use crate::db::entities::{event, event_translation};
use crate::i18n::Locale;
use crate::msg;
use crate::notices::FormProblem;
use crate::notices::staff::compose::typed::{problem, typed_translations};
use crate::notices::store::TranslationInput;
use chrono::{Duration, NaiveDate, NaiveTime};

/// Longest title.
const MAX_TITLE_CHARS: usize = 200;
/// Longest description source.
const MAX_DESCRIPTION_CHARS: usize = 20_000;
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
    let title = typed.title.trim().to_string();
    if title.is_empty() {
        problems.push(problem("title", |l| msg!(l, "error-field-required")));
    } else if title.chars().count() > MAX_TITLE_CHARS {
        problems.push(problem("title", |l| msg!(l, "error-field-too-long")));
    }
    if typed.description.chars().count() > MAX_DESCRIPTION_CHARS {
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
    let language = Locale::from_tag(&typed.language).unwrap_or(fallback);
    let translations = typed_translations(&typed.translations, language);
    if translations.iter().any(|t| t.title.is_empty()) {
        problems.push(problem("translations", |l| {
            msg!(l, "event-translation-incomplete")
        }));
    }
    if translations.iter().any(|t| {
        t.title.chars().count() > MAX_TITLE_CHARS
            || t.body_source.chars().count() > MAX_DESCRIPTION_CHARS
    }) {
        problems.push(problem("translations", |l| msg!(l, "error-field-too-long")));
    }
    let (starts_at, ends_at) = span.unwrap_or_default();
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
        public: typed.public,
        short_notice: false,
    };
    (new, translations, problems)
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
        };
        let fields = from_event(&stored, &[], "Europe/London");
        assert_eq!(fields.start_date, "2027-03-10");
        assert_eq!(fields.start_time, "09:15");
        assert_eq!(fields.end_date, "2027-03-10");
        assert_eq!(fields.end_time, "15:00");
        assert_eq!(fields.year_groups, vec![4]);
    }
}
