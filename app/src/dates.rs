//! Dates and times formatted for the reader's language and the school's time zone, on the server,
//! so the wasm carries no calendar data. The patterns are translators' messages.

use crate::i18n::Locale;
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
    at.with_timezone(&zone(timezone))
        .format_localized(&pattern, chrono_locale(locale))
        .to_string()
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
