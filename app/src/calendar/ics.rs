//! Events as iCalendar (RFC 5545): one event for "Add to my calendar", or a family's live feed.
//! Text is escaped and folded by the `icalendar` crate. Timed events are written in the school's
//! wall-clock time with the zone's VTIMEZONE, so calendar apps keep them at the school's time
//! across clock changes; all-day events are dates.

use super::recurrence::Repeat;
use super::vevent_cache::{self, Key};
use super::{EventCategory, status};
use crate::db::entities::{event, event_translation};
use crate::i18n::Locale;
use chrono::{DateTime, Duration, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};

/// How often a subscribed calendar app is asked to fetch the feed again.
pub const REFRESH_HOURS: i64 = 1;

/// The text of an event in the language the reader gets.
pub struct IcsText<'a> {
    /// The title.
    pub title: &'a str,
    /// The description as its author wrote it (Markdown reads well as plain text).
    pub description: &'a str,
    /// The translation it comes from (its row, when written); `None` for the original.
    pub translation: Option<(i32, DateTime<Utc>)>,
}

impl<'a> IcsText<'a> {
    /// The event's text in `locale` where the school translated it, else as written.
    pub fn of(
        event: &'a event::Model,
        translations: Option<&'a Vec<event_translation::Model>>,
        locale: Locale,
    ) -> Self {
        match translations.and_then(|all| all.iter().find(|t| t.language == locale.tag())) {
            Some(t) => IcsText {
                title: &t.title,
                description: &t.description_source,
                translation: Some((t.id, t.updated_at)),
            },
            None => IcsText {
                title: &event.title,
                description: &event.description_source,
                translation: None,
            },
        }
    }
}

/// An event with the text its reader gets.
pub struct IcsEvent<'a> {
    /// The event.
    pub event: &'a event::Model,
    /// Its title and description in the reader's language.
    pub text: IcsText<'a>,
}

/// What a calendar file says about itself.
pub struct IcsCalendar<'a> {
    /// The school's IANA time zone.
    pub zone: &'a str,
    /// The reader's language (category names).
    pub locale: Locale,
    /// A subscribed feed's name, shown by calendar apps; `None` for a one-event download.
    pub feed_name: Option<&'a str>,
}

/// A calendar holding one event, as the `.ics` file to download.
pub fn one_event(event: &event::Model, text: IcsText<'_>, zone: &str, locale: Locale) -> String {
    let head = IcsCalendar {
        zone,
        locale,
        feed_name: None,
    };
    let e = IcsEvent { event, text };
    let mut file = CalendarFile::new(&head);
    if !event.all_day {
        file.zone_for(event.starts_at, event.last_ends_at);
    }
    let vevent = file.vevent(&e);
    file.push(&vevent);
    file.finish()
}

/// A calendar of `events`, with the VTIMEZONE their times refer to; each event's text is kept
/// for the next calendar that shows the same version of it ([`super::vevent_cache`]).
pub fn calendar(head: &IcsCalendar<'_>, events: &[IcsEvent<'_>]) -> String {
    let mut file = CalendarFile::new(head);
    let timed = events.iter().filter(|e| !e.event.all_day);
    if let (Some(first), Some(last)) = (
        timed.clone().map(|e| e.event.starts_at).min(),
        timed.map(|e| e.event.last_ends_at).max(),
    ) {
        file.zone_for(first, last);
    }
    let keys: Vec<Key> = events.iter().map(|e| file.key(e)).collect();
    for ((e, key), kept) in events.iter().zip(&keys).zip(vevent_cache::kept(&keys)) {
        let text = kept.unwrap_or_else(|| vevent_cache::keep(*key, file.vevent(e)));
        file.push(&text);
    }
    file.finish()
}

/// A calendar file being written: its head, the VTIMEZONE, the events, its end.
pub struct CalendarFile {
    text: String,
    zone: chrono_tz::Tz,
    locale: Locale,
    /// Each category's name once, not once per event: Fluent formatting is the costly part.
    names: Vec<String>,
}

impl CalendarFile {
    /// The calendar's head: its properties and, for a feed, its name and refresh interval.
    pub fn new(head: &IcsCalendar<'_>) -> Self {
        let zone = crate::dates::zone(head.zone);
        let mut calendar = Calendar::empty();
        calendar
            .append_property(("VERSION", "2.0"))
            .append_property(("PRODID", "-//Schoolgate//School calendar//EN"))
            .append_property(("CALSCALE", "GREGORIAN"))
            .append_property(("METHOD", "PUBLISH"));
        if let Some(name) = head.feed_name {
            // VALUE=TEXT has the crate escape the school's name like any other text.
            calendar
                .append_property(
                    Property::new("X-WR-CALNAME", name)
                        .add_parameter("VALUE", "TEXT")
                        .done(),
                )
                .append_property(("X-WR-TIMEZONE", zone.name()))
                .ttl(&Duration::hours(REFRESH_HOURS));
        }
        let mut text = calendar.done().to_string();
        text.truncate(text.len().saturating_sub(END.len()));
        CalendarFile {
            text,
            zone,
            locale: head.locale,
            names: EventCategory::ALL
                .iter()
                .map(|c| c.name(head.locale))
                .collect(),
        }
    }

    /// The zone's VTIMEZONE for timed events from `first` to `last`. The crate has no VTIMEZONE
    /// component; it goes before the events, as RFC 5545 asks of a zone its events refer to.
    pub fn zone_for(&mut self, first: DateTime<Utc>, last: DateTime<Utc>) {
        self.text
            .push_str(&super::vtimezone::block(self.zone, first, last));
    }

    /// The key `e`'s text is kept under.
    pub fn key(&self, e: &IcsEvent<'_>) -> Key {
        Key::new(
            &e.event.uid,
            e.event.updated_at,
            e.event.sequence,
            e.text.translation,
            self.locale,
            self.zone.name(),
        )
    }

    /// `e` as a VEVENT.
    pub fn vevent(&self, e: &IcsEvent<'_>) -> String {
        // Writing to a String cannot fail.
        vevent(e, self.zone, &self.names)
            .try_into_string()
            .unwrap_or_default()
    }

    /// Adds an event's text.
    pub fn push(&mut self, vevent: &str) {
        self.text.push_str(vevent);
    }

    /// The whole file.
    pub fn finish(mut self) -> String {
        self.text.push_str(END);
        self.text
    }
}

const END: &str = "END:VCALENDAR\r\n";

/// A stored category's name among `names` (in [`EventCategory::ALL`]'s order).
fn category_name<'a>(names: &'a [String], code: &str) -> &'a str {
    let category = EventCategory::from_code(code).unwrap_or_default();
    EventCategory::ALL
        .iter()
        .position(|c| *c == category)
        .and_then(|i| names.get(i))
        .map_or("", String::as_str)
}

/// One VEVENT: stable UID, SEQUENCE raised on every change, CANCELLED once called off.
fn vevent(e: &IcsEvent<'_>, zone: chrono_tz::Tz, category_names: &[String]) -> Event {
    let (event, text) = (e.event, &e.text);
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
        .categories([category_name(category_names, &event.category)]);
    if !text.description.trim().is_empty() {
        vevent.description(text.description);
    }
    if !event.location.trim().is_empty() {
        vevent.location(&event.location);
    }
    if event.all_day {
        let day = |at: chrono::DateTime<chrono::Utc>| at.with_timezone(&zone).date_naive();
        let first = day(event.starts_at);
        // DTEND of a date-valued event is the day after its last day.
        vevent
            .starts(first)
            .ends(day(event.ends_at).max(first + Duration::days(1)));
    } else {
        let local = |at: chrono::DateTime<chrono::Utc>| at.with_timezone(&zone).naive_local();
        vevent
            .starts((local(event.starts_at), zone))
            .ends((local(event.ends_at), zone));
    }
    if let Some(repeat) = Repeat::of(event) {
        repeat_rule(&mut vevent, event, &repeat, zone);
    }
    vevent.done()
}

/// RRULE and EXDATE of a repeating event, in the form its DTSTART takes: dates for an all-day
/// event; for a timed one UNTIL in UTC (RFC 5545 3.3.10) and skipped times on the school's clock.
fn repeat_rule(vevent: &mut Event, event: &event::Model, repeat: &Repeat, zone: chrono_tz::Tz) {
    let start = event.starts_at.with_timezone(&zone).naive_local();
    let until = if event.all_day {
        repeat.until.format("%Y%m%d").to_string()
    } else {
        let midnight = crate::dates::start_of_day(zone.name(), repeat.until + Duration::days(1));
        (midnight - Duration::seconds(1))
            .format("%Y%m%dT%H%M%SZ")
            .to_string()
    };
    vevent.add_property(
        "RRULE",
        format!("FREQ=WEEKLY;INTERVAL={};UNTIL={until}", repeat.weeks),
    );
    for day in repeat
        .skipped
        .iter()
        .filter(|d| repeat.falls_on(start.date(), **d))
    {
        let skipped = if event.all_day {
            Property::new("EXDATE", day.format("%Y%m%d").to_string())
                .add_parameter("VALUE", "DATE")
                .done()
        } else {
            let at = day.and_time(start.time()).format("%Y%m%dT%H%M%S");
            Property::new("EXDATE", at.to_string())
                .add_parameter("TZID", zone.name())
                .done()
        };
        vevent.append_multi_property(skipped);
    }
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
            repeat_weeks: 0,
            repeat_until: None,
            skipped_dates: "[]".into(),
            last_ends_at: at(7, 15),
        }
    }

    #[test]
    fn a_kept_event_text_is_written_again_for_each_new_version() {
        let mut e = event(false);
        e.uid = "kept-text-test@schoolgate".into();
        let feed = |e: &event::Model, translation: Option<(&str, (i32, DateTime<Utc>))>| {
            let text = match translation {
                Some((title, version)) => IcsText {
                    title,
                    description: "",
                    translation: Some(version),
                },
                None => IcsText {
                    title: &e.title,
                    description: &e.description_source,
                    translation: None,
                },
            };
            let head = IcsCalendar {
                zone: "Europe/London",
                locale: Locale::ZhCn,
                feed_name: Some("Riverside"),
            };
            calendar(&head, &[IcsEvent { event: e, text }])
        };
        let first = feed(&e, None);
        assert_eq!(feed(&e, None), first, "the kept text");
        // A change, as the store makes it: a new version.
        e.location = "Castle Hill".into();
        e.updated_at += Duration::minutes(1);
        e.sequence += 1;
        assert!(feed(&e, None).contains("LOCATION:Castle Hill\r\n"));
        e.status = status::CANCELLED.into();
        e.updated_at += Duration::minutes(1);
        e.sequence += 1;
        assert!(feed(&e, None).contains("STATUS:CANCELLED\r\n"));
        // A translation, then the same translation written again (a new row).
        let at = e.updated_at;
        assert!(feed(&e, Some(("旅行", (7, at)))).contains("SUMMARY:旅行\r\n"));
        assert!(feed(&e, Some(("郊游", (8, at)))).contains("SUMMARY:郊游\r\n"));
    }

    #[test]
    fn text_is_escaped_and_times_are_utc() {
        let e = event(false);
        let text = IcsText {
            title: &e.title,
            description: &e.description_source,
            translation: None,
        };
        let ics = one_event(&e, text, "Europe/London", Locale::EnGb);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
        assert!(
            ics.contains("SUMMARY:Trip\\; to the \"museum\"\\, with lunch\r\n"),
            "{ics}"
        );
        assert!(
            ics.contains("DESCRIPTION:Bring a coat\\,\\nand a packed lunch."),
            "{ics}"
        );
        // 09:00 UTC is 09:00 in London in December, written as London time with its zone.
        assert!(
            ics.contains("DTSTART;TZID=Europe/London:20261207T090000\r\n"),
            "{ics}"
        );
        assert!(
            ics.contains("DTEND;TZID=Europe/London:20261207T150000\r\n"),
            "{ics}"
        );
        let zone_at = ics.find("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n");
        assert!(
            zone_at.is_some_and(|z| ics.find("BEGIN:VEVENT").is_some_and(|e| z < e)),
            "{ics}"
        );
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
            translation: None,
        };
        let ics = one_event(&e, text, "Europe/London", Locale::EnGb);
        assert!(!ics.contains("VTIMEZONE"), "dates need no zone: {ics}");
        assert!(ics.contains("DTSTART;VALUE=DATE:20261207\r\n"), "{ics}");
        assert!(ics.contains("DTEND;VALUE=DATE:20261208\r\n"), "{ics}");
        assert!(ics.contains("STATUS:CANCELLED\r\n"), "{ics}");
        assert!(!ics.contains("DESCRIPTION"), "{ics}");
    }

    #[test]
    fn a_repeating_event_carries_its_rule_and_skipped_days() {
        let mut e = event(false);
        e.repeat_weeks = 2;
        e.repeat_until = chrono::NaiveDate::from_ymd_opt(2027, 1, 18);
        // 21 December is a date of the rule; 22 December is not and is left out.
        e.skipped_dates = r#"["2026-12-21","2026-12-22"]"#.into();
        let text = IcsText {
            title: "Chess club",
            description: "",
            translation: None,
        };
        let ics = one_event(&e, text, "Europe/London", Locale::EnGb);
        assert!(
            ics.contains("RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20270118T235959Z\r\n"),
            "{ics}"
        );
        assert!(
            ics.contains("EXDATE;TZID=Europe/London:20261221T090000\r\n"),
            "{ics}"
        );
        assert!(!ics.contains("20261222"), "{ics}");
        e.all_day = true;
        let text = IcsText {
            title: "Chess club",
            description: "",
            translation: None,
        };
        let ics = one_event(&e, text, "Europe/London", Locale::EnGb);
        assert!(
            ics.contains("RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20270118\r\n"),
            "{ics}"
        );
        assert!(ics.contains("EXDATE;VALUE=DATE:20261221\r\n"), "{ics}");
    }

    #[test]
    fn file_names_keep_letters_and_never_paths() {
        assert_eq!(file_name("Year 3 trip: museum"), "Year-3-trip-museum.ics");
        assert_eq!(file_name("../../etc/passwd"), "etc-passwd.ics");
        assert_eq!(file_name("三年级 参观"), "三年级-参观.ics");
        assert_eq!(file_name("!!!"), "event.ics");
    }
}
