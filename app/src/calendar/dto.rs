//! What the calendar pages receive from the server: typed data with every translation an event
//! has and every date and time already formatted for each shipped language, so switching
//! language in the browser needs no request and the wasm carries no calendar data.

use super::EventCategory;
use crate::i18n::PerLocale;
use crate::notices::Written;
use crate::sanitized::SanitizedHtml;
use serde::{Deserialize, Serialize};

/// An event's title (and, on its own page, description) in one language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventText {
    /// The language's tag.
    pub language: String,
    /// The title.
    pub title: String,
    /// The description, sanitized; empty in the agenda, which shows titles only.
    pub description: SanitizedHtml,
}

impl Written for EventText {
    fn language(&self) -> &str {
        &self.language
    }
}

/// What the calendar shows of an event, in the agenda and on its page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventFacts {
    /// The event's id.
    pub id: i32,
    /// The original first, then every translation (with descriptions on the event's page only).
    pub texts: Vec<EventText>,
    /// Its category.
    pub category: EventCategory,
    /// "09:30 to 15:00", "All day", or the span of a multi-day event, in each language.
    pub when: PerLocale<String>,
    /// Where, as the school wrote it; empty when not said.
    pub location: String,
    /// The reader's children it concerns, by first name; empty for staff.
    pub children: Vec<String>,
    /// Called off.
    pub cancelled: bool,
    /// Its date, time or place changed after it was published.
    pub changed: bool,
    /// Published inside the school's notice period.
    pub short_notice: bool,
    /// How it repeats ("Every week until 15 July 2027"), on the event's page only.
    pub repeats: Option<PerLocale<String>>,
}

/// One day of the agenda.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaDay {
    /// "Monday 7 December 2026" in each language.
    pub date: PerLocale<String>,
    /// The day's events, earliest first, all-day ones on top.
    pub entries: Vec<EventFacts>,
}

/// The upcoming events, grouped by day.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agenda {
    /// The two views' names.
    pub views: CalendarViews,
    /// From today on, earliest first.
    pub days: Vec<AgendaDay>,
}

/// One event as its page shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDetail {
    /// What the agenda shows too, with the descriptions.
    pub facts: EventFacts,
    /// The access-checked `.ics` address for "Add to my calendar".
    pub ics_href: String,
    /// Files on the event (a letter, a kit list), as access-checked links.
    pub files: Vec<crate::notices::AttachmentLink>,
}

/// An event on a day of the month view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthEntry {
    /// The event's id.
    pub id: i32,
    /// Its title in the original language, then each translation.
    pub texts: Vec<EventText>,
    /// Its start time ("09:30", school time); empty for an all-day event.
    pub time: String,
    /// Called off.
    pub cancelled: bool,
}

/// A day of the month view; a day of the months around it has `day` 0.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthDay {
    /// The day of the month (1–31); 0 for a blank cell.
    pub day: u32,
    /// `2027-01-14`, for the link to the day's events.
    pub key: String,
    /// "Thursday 14 January 2027" in each language.
    pub label: Option<PerLocale<String>>,
    /// It is today, in the school's zone.
    pub today: bool,
    /// The reader's events on that day, earliest first.
    pub entries: Vec<MonthEntry>,
}

/// The names of the calendar's two views, in each language. They come with the page's data rather
/// than from the browser's catalogue, which every visitor downloads with the main module.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarViews {
    /// "List".
    pub list: PerLocale<String>,
    /// "Month".
    pub month: PerLocale<String>,
}

/// A month of the reader's calendar.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthView {
    /// The two views' names.
    pub views: CalendarViews,
    /// "Previous month", "Next month" and "No events this month." in each language.
    pub labels: [PerLocale<String>; 3],
    /// "January 2027" in each language.
    pub title: PerLocale<String>,
    /// The seven short day names, Monday first, each in every language.
    pub weekdays: Vec<PerLocale<String>>,
    /// The weeks, Monday first.
    pub weeks: Vec<Vec<MonthDay>>,
    /// The month before (`2026-12`), when the view goes that far.
    pub previous: Option<String>,
    /// The month after.
    pub next: Option<String>,
    /// Staff narrow the month to one year group's or class's events; parents have the child
    /// switcher instead.
    pub filter: Option<MonthFilter>,
}

/// The staff month view's audience filter: a year group or a class, with the whole school's
/// events that reach it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthFilter {
    /// The month shown (`2027-01`), kept when the filter changes.
    pub month: String,
    /// "Events for".
    pub label: PerLocale<String>,
    /// "Show", the button of a page without JavaScript.
    pub show: PerLocale<String>,
    /// The choices, value first: "" for every event, `y<id>` a year group, `c<id>` a class.
    pub choices: Vec<(String, PerLocale<String>)>,
    /// The value chosen; "" for every event.
    pub chosen: String,
}

/// A private feed address, in the two forms calendar apps take.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedAddress {
    /// `https://…/calendar/feed/<token>.ics`, for "add calendar from URL".
    pub https: String,
    /// The same as `webcal://…`, which phones open straight in their calendar app.
    pub webcal: String,
}

/// The calendar subscription page: whether the account has a feed address, and the address
/// itself only on the answer that made it (only its hash is kept).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subscription {
    /// When the current address was made, in each language; `None` when there is none.
    pub since: Option<PerLocale<String>>,
    /// The address just made.
    pub fresh: Option<FeedAddress>,
    /// The address was just turned off.
    pub stopped: bool,
}
