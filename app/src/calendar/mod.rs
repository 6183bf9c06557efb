//! The calendar: school events (term dates, closures, trips, parents' evenings, clubs…) targeted
//! like notices, shown to each family for their own children, in their language, and downloadable
//! as iCalendar.
//!
//! Parents' pages are one lazily loaded route (`pages`) on typed data (`dto`), staff's another
//! (`staff_pages`, `editor_dto`); the server side is `reader` (what a signed-in user may see),
//! `editor` (staff adding, changing and cancelling events), `notice_period` (the school's promise
//! of notice), `recurrence` (repeating events), `store` (the tables), `attachments` (files on
//! events), `ics`, `vevent_cache` and `vtimezone` (iCalendar), `download` (one event's `.ics` and
//! files) and `feed` (each account's private live feed).

#[cfg(feature = "ssr")]
pub mod attachments;
#[cfg(feature = "ssr")]
pub mod demo;
#[cfg(feature = "ssr")]
pub mod download;
pub mod dto;
#[cfg(feature = "ssr")]
pub mod editor;
pub mod editor_dto;
#[cfg(feature = "ssr")]
pub mod feed;
#[cfg(feature = "ssr")]
pub mod feed_cache;
#[cfg(feature = "ssr")]
pub mod ics;
pub mod import_page;
#[cfg(feature = "ssr")]
pub mod month;
pub mod month_page;
#[cfg(feature = "ssr")]
pub mod notice_period;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod public_feed;
#[cfg(feature = "ssr")]
pub mod reader;
#[cfg(feature = "ssr")]
pub mod recurrence;
pub mod staff_pages;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod vevent_cache;
#[cfg(feature = "ssr")]
pub mod vtimezone;

pub use dto::*;
pub use editor_dto::*;

use crate::error::AppError;
use crate::i18n::Locale;
use crate::page_data::PageData;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// An event's state.
pub mod status {
    /// On the calendar.
    pub const SCHEDULED: &str = "scheduled";
    /// Called off; kept on the calendar, marked, so families who planned for it see why.
    pub const CANCELLED: &str = "cancelled";
}

/// What kind of event, as schools group their calendars.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventCategory {
    /// Start and end of terms and half terms.
    TermDates,
    /// Holidays and closures.
    Closure,
    /// Staff training days: no school for pupils.
    Inset,
    /// A school trip.
    Trip,
    /// Parents' evenings and meetings.
    ParentsEvening,
    /// Clubs and activities.
    Club,
    /// Tests and assessments.
    Assessment,
    /// Assemblies, coffee mornings, fairs.
    Community,
    /// Anything else.
    #[default]
    Other,
}

impl EventCategory {
    /// Every category, in the order forms list them.
    pub const ALL: [EventCategory; 9] = [
        EventCategory::TermDates,
        EventCategory::Closure,
        EventCategory::Inset,
        EventCategory::Trip,
        EventCategory::ParentsEvening,
        EventCategory::Club,
        EventCategory::Assessment,
        EventCategory::Community,
        EventCategory::Other,
    ];

    /// The stable code stored in the database.
    pub fn code(self) -> &'static str {
        match self {
            EventCategory::TermDates => "term-dates",
            EventCategory::Closure => "closure",
            EventCategory::Inset => "inset",
            EventCategory::Trip => "trip",
            EventCategory::ParentsEvening => "parents-evening",
            EventCategory::Club => "club",
            EventCategory::Assessment => "assessment",
            EventCategory::Community => "community",
            EventCategory::Other => "other",
        }
    }

    /// The category for a stored code.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }

    /// The category's name in `locale`.
    pub fn name(self, locale: Locale) -> String {
        match self {
            EventCategory::TermDates => crate::msg!(locale, "event-category-term-dates"),
            EventCategory::Closure => crate::msg!(locale, "event-category-closure"),
            EventCategory::Inset => crate::msg!(locale, "event-category-inset"),
            EventCategory::Trip => crate::msg!(locale, "event-category-trip"),
            EventCategory::ParentsEvening => {
                crate::msg!(locale, "event-category-parents-evening")
            }
            EventCategory::Club => crate::msg!(locale, "event-category-club"),
            EventCategory::Assessment => crate::msg!(locale, "event-category-assessment"),
            EventCategory::Community => crate::msg!(locale, "event-category-community"),
            EventCategory::Other => crate::msg!(locale, "event-category-other"),
        }
    }
}

/// A month of the signed-in user's calendar ([`MonthView`]): `month` is `2027-01`, this month
/// when it is missing or out of range; staff may narrow it to `audience` (`y<id>` a year group,
/// `c<id>` a class), which a family's calendar ignores.
#[server(endpoint = "calendar/month", output = crate::codec::Answer)]
pub async fn load_month(
    month: Option<String>,
    audience: Option<String>,
) -> Result<PageData, AppError> {
    crate::page_data::answer(month::view(month, audience).await)
}

/// The school's upcoming events for staff who put events on the calendar ([`StaffCalendar`]).
#[server(endpoint = "calendar/staff", output = crate::codec::Answer)]
pub async fn load_staff_calendar() -> Result<PageData, AppError> {
    crate::page_data::answer(editor::list::load().await)
}

/// The event form ([`EventForm`]): empty for a new event, else the stored event `id` the
/// signed-in member of staff may change.
#[server(endpoint = "calendar/form", output = crate::codec::Answer)]
pub async fn load_event_form(id: Option<i32>) -> Result<PageData, AppError> {
    crate::page_data::answer(editor::load(id).await)
}

/// The term-dates import page ([`CalendarImport`]): the file picker, or what the post this page
/// answers came to.
#[server(endpoint = "calendar/import", output = crate::codec::Answer)]
pub async fn load_calendar_import() -> Result<PageData, AppError> {
    crate::page_data::answer(editor::import::page().await)
}
