//! Dates and times formatted for the reader's language and the school's time zone, on the server,
//! so the wasm carries no calendar data. The patterns are translators' messages.

use crate::i18n::{Locale, PerLocale};
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// chrono's month and day names for a locale.
fn chrono_locale(locale: Locale) -> chrono::Locale {
    match locale {
        Locale::EnGb => chrono::Locale::en_GB,
        Locale::ZhCn => chrono::Locale::zh_CN,
        Locale::Ar => chrono::Locale::ar_EG,
    }
}

/// The school's zone; an unknown name falls back to UTC rather than failing a page.
pub fn zone(name: &str) -> Tz {
    name.parse().unwrap_or(Tz::UTC)
}

/// "23 November 2026" in the reader's language.
pub fn date(locale: Locale, day: NaiveDate) -> String {
    let pattern = crate::msg!(locale, "format-date");
    day.format_localized(&pattern, chrono_locale(locale))
        .to_string()
}

/// "23 November 2026, 14:05" in the reader's language and the school's zone.
pub fn date_time(locale: Locale, timezone: &str, at: DateTime<Utc>) -> String {
    let pattern = crate::msg!(locale, "format-date-time");
    local_date_time(locale, &pattern, at.with_timezone(&zone(timezone)))
}

fn local_date_time(locale: Locale, pattern: &str, at: DateTime<Tz>) -> String {
    at.format_localized(pattern, chrono_locale(locale))
        .to_string()
}

/// [`date_time`] in every shipped language for many moments in one school's zone, with the zone
/// and each language's pattern read once rather than for every moment (a board has twenty).
pub struct DateTimes {
    zone: Tz,
    patterns: PerLocale<String>,
}

impl DateTimes {
    /// For moments shown in the school's zone `timezone`.
    pub fn new(timezone: &str) -> Self {
        Self {
            zone: zone(timezone),
            patterns: PerLocale::build(|locale| crate::msg!(locale, "format-date-time")),
        }
    }

    /// `at` in every shipped language.
    pub fn every_language(&self, at: DateTime<Utc>) -> PerLocale<String> {
        let at = at.with_timezone(&self.zone);
        PerLocale::build(|locale| {
            let pattern = self.patterns.get(locale).map_or("", String::as_str);
            local_date_time(locale, pattern, at)
        })
    }
}

/// "Monday 7 December 2026" in the reader's language: an agenda's day heading.
pub fn day(locale: Locale, day: NaiveDate) -> String {
    let pattern = crate::msg!(locale, "format-day");
    day.format_localized(&pattern, chrono_locale(locale))
        .to_string()
}

/// "January 2027" in the reader's language: a month view's heading.
pub fn month(locale: Locale, first: NaiveDate) -> String {
    let pattern = crate::msg!(locale, "format-month");
    first
        .format_localized(&pattern, chrono_locale(locale))
        .to_string()
}

/// "Mon" in the reader's language: a month view's column heading.
pub fn weekday(locale: Locale, day: NaiveDate) -> String {
    day.format_localized("%a", chrono_locale(locale))
        .to_string()
}

/// "14:05" in the school's zone.
pub fn time(timezone: &str, at: DateTime<Utc>) -> String {
    at.with_timezone(&zone(timezone))
        .format("%H:%M")
        .to_string()
}

/// The calendar day `at` falls on in the school's zone.
pub fn local_day(timezone: &str, at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&zone(timezone)).date_naive()
}

/// The moment `day` begins in the school's zone (the first valid instant, should a clock change
/// skip midnight).
pub fn start_of_day(timezone: &str, day: NaiveDate) -> DateTime<Utc> {
    let zone = zone(timezone);
    (0..4)
        .find_map(|hour| {
            day.and_hms_opt(hour, 0, 0)
                .and_then(|t| zone.from_local_datetime(&t).earliest())
        })
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| day.and_time(chrono::NaiveTime::MIN).and_utc())
}

/// The value of an `<input type="datetime-local">` for `at` in the school's zone.
pub fn input_value(timezone: &str, at: DateTime<Utc>) -> String {
    at.with_timezone(&zone(timezone))
        .format("%Y-%m-%dT%H:%M")
        .to_string()
}

/// Reads an `<input type="datetime-local">` value as a time in the school's zone.
pub fn parse_input(timezone: &str, value: &str) -> Option<DateTime<Utc>> {
    let local = NaiveDateTime::parse_from_str(value.trim(), "%Y-%m-%dT%H:%M").ok()?;
    zone(timezone)
        .from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_in_each_language_and_the_school_zone() {
        let at = Utc
            .with_ymd_and_hms(2026, 11, 23, 6, 5, 0)
            .single()
            .expect("valid");
        assert_eq!(
            date_time(Locale::EnGb, "Europe/London", at),
            "23 November 2026, 06:05"
        );
        assert_eq!(
            date_time(Locale::ZhCn, "Asia/Shanghai", at),
            "2026年11月23日 14:05"
        );
        assert!(date_time(Locale::Ar, "Asia/Dubai", at).contains("نوفمبر"));
        let day = NaiveDate::from_ymd_opt(2026, 3, 4).expect("valid");
        assert_eq!(date(Locale::EnGb, day), "4 March 2026");
        assert_eq!(super::day(Locale::EnGb, day), "Wednesday 4 March 2026");
        assert_eq!(super::day(Locale::ZhCn, day), "2026年3月4日 星期三");
        assert_eq!(time("Europe/London", at), "06:05");
        let many = DateTimes::new("Asia/Shanghai").every_language(at);
        for locale in Locale::ALL {
            assert_eq!(
                many.text(locale),
                date_time(locale, "Asia/Shanghai", at),
                "{locale:?}"
            );
        }
    }

    #[test]
    fn days_begin_at_local_midnight_across_the_clock_change() {
        // London's clocks go back on 25 October 2026: midnight is 23:00 UTC before, 00:00 after.
        let before = NaiveDate::from_ymd_opt(2026, 10, 24).expect("valid");
        let after = NaiveDate::from_ymd_opt(2026, 10, 26).expect("valid");
        assert_eq!(
            start_of_day("Europe/London", before),
            Utc.with_ymd_and_hms(2026, 10, 23, 23, 0, 0)
                .single()
                .expect("valid")
        );
        assert_eq!(
            start_of_day("Europe/London", after),
            Utc.with_ymd_and_hms(2026, 10, 26, 0, 0, 0)
                .single()
                .expect("valid")
        );
        assert_eq!(
            local_day("Europe/London", start_of_day("Europe/London", before)),
            before
        );
    }

    #[test]
    fn reads_form_times_in_the_school_zone() {
        let at = parse_input("Asia/Shanghai", "2026-11-23T14:05").expect("parses");
        assert_eq!(
            at,
            Utc.with_ymd_and_hms(2026, 11, 23, 6, 5, 0)
                .single()
                .expect("valid")
        );
        assert_eq!(input_value("Asia/Shanghai", at), "2026-11-23T14:05");
        assert!(parse_input("UTC", "yesterday").is_none());
    }
}
