//! Events as iCalendar (RFC 5545), for "Add to my calendar". Text is escaped and folded by the
//! `icalendar` crate; times are UTC and all-day events are dates in the school's zone, so every
//! calendar app places them the same without needing the school's zone definition.

use super::{EventCategory, status};
use crate::db::entities::event;
use crate::i18n::Locale;
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};

/// The text of an event in the language the reader gets.
pub struct IcsText<'a> {
    /// The title.
    pub title: &'a str,
    /// The description as its author wrote it (Markdown reads well as plain text).
    pub description: &'a str,
}

/// A calendar holding one event, as the `.ics` file to download.
pub fn one_event(event: &event::Model, text: &IcsText<'_>, zone: &str, locale: Locale) -> String {
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property(("PRODID", "-//Schoolgate//School calendar//EN"))
        .append_property(("CALSCALE", "GREGORIAN"))
        .append_property(("METHOD", "PUBLISH"));
    calendar.push(vevent(event, text, zone, locale));
    calendar.done().to_string()
}

/// One VEVENT: stable UID, SEQUENCE raised on every change, CANCELLED once called off.
fn vevent(event: &event::Model, text: &IcsText<'_>, zone: &str, locale: Locale) -> Event {
    let mut vevent = Event::new();
    vevent
        .uid(&event.uid)
        .timestamp(event.updated_at)
        .last_modified(event.updated_at)
        .created(event.created_at)
        .sequence(u32::try_from(event.sequence).unwrap_or(0))
        .summary(text.title)
        .status(if event.status == status::CANCELLED {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        })
        .categories([EventCategory::from_code(&event.category)
            .unwrap_or_default()
            .name(locale)]);
    if !text.description.trim().is_empty() {
        vevent.description(text.description);
    }
    if !event.location.trim().is_empty() {
        vevent.location(&event.location);
    }
    if event.all_day {
        // DTEND of a date-valued event is the day after its last day.
        vevent
            .starts(crate::dates::local_day(zone, event.starts_at))
            .ends(
                crate::dates::local_day(zone, event.ends_at).max(
                    crate::dates::local_day(zone, event.starts_at) + chrono::Duration::days(1),
                ),
            );
    } else {
        vevent.starts(event.starts_at).ends(event.ends_at);
    }
    vevent.done()
}

/// A file name for an event's `.ics`: its title's letters and digits, never a path.
pub fn file_name(title: &str) -> String {
    let mut name: String = title
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    name.truncate(name.char_indices().nth(60).map_or(name.len(), |(i, _)| i));
    if name.is_empty() {
        name.push_str("event");
    }
    format!("{name}.ics")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn event(all_day: bool) -> event::Model {
        let at = |d, h| {
            Utc.with_ymd_and_hms(2026, 12, d, h, 0, 0)
                .single()
                .expect("valid")
        };
        event::Model {
            id: 7,
            school_id: 1,
            author_user_id: None,
            status: status::SCHEDULED.into(),
            category: "trip".into(),
            audience: "{}".into(),
            language: "en-GB".into(),
            title: "Trip; to the \"museum\", with lunch".into(),
            description_source: "Bring a coat,\nand a packed lunch.".into(),
            description_html: String::new(),
            location: "Museum of London".into(),
            all_day,
            starts_at: at(7, 9),
            ends_at: at(7, 15),
            public: false,
            short_notice: false,
            sequence: 2,
            uid: "abc@schoolgate".into(),
            created_at: at(1, 8),
            updated_at: at(2, 8),
            changed_at: None,
        }
    }

    #[test]
    fn text_is_escaped_and_times_are_utc() {
        let e = event(false);
        let text = IcsText {
            title: &e.title,
            description: &e.description_source,
        };
        let ics = one_event(&e, &text, "Europe/London", Locale::EnGb);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
        assert!(
            ics.contains("SUMMARY:Trip\\; to the \"museum\"\\, with lunch\r\n"),
            "{ics}"
        );
        assert!(
            ics.contains("DESCRIPTION:Bring a coat\\,\\nand a packed lunch."),
            "{ics}"
        );
        assert!(ics.contains("DTSTART:20261207T090000Z\r\n"), "{ics}");
        assert!(ics.contains("DTEND:20261207T150000Z\r\n"), "{ics}");
        assert!(ics.contains("UID:abc@schoolgate\r\n"), "{ics}");
        assert!(ics.contains("SEQUENCE:2\r\n"), "{ics}");
        assert!(ics.contains("STATUS:CONFIRMED\r\n"), "{ics}");
    }

    #[test]
    fn all_day_events_are_dates_and_cancelled_ones_say_so() {
        let mut e = event(true);
        e.status = status::CANCELLED.into();
        // An all-day event stored as local midnight to the next midnight (London is UTC in
        // December).
        e.starts_at = Utc
            .with_ymd_and_hms(2026, 12, 7, 0, 0, 0)
            .single()
            .expect("valid");
        e.ends_at = Utc
            .with_ymd_and_hms(2026, 12, 8, 0, 0, 0)
            .single()
            .expect("valid");
        let text = IcsText {
            title: "INSET day",
            description: "",
        };
        let ics = one_event(&e, &text, "Europe/London", Locale::EnGb);
        assert!(ics.contains("DTSTART;VALUE=DATE:20261207\r\n"), "{ics}");
        assert!(ics.contains("DTEND;VALUE=DATE:20261208\r\n"), "{ics}");
        assert!(ics.contains("STATUS:CANCELLED\r\n"), "{ics}");
        assert!(!ics.contains("DESCRIPTION"), "{ics}");
    }

    #[test]
    fn file_names_keep_letters_and_never_paths() {
        assert_eq!(file_name("Year 3 trip: museum"), "Year-3-trip-museum.ics");
        assert_eq!(file_name("../../etc/passwd"), "etc-passwd.ics");
        assert_eq!(file_name("三年级 参观"), "三年级-参观.ics");
        assert_eq!(file_name("!!!"), "event.ics");
    }
}
