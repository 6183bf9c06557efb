//! What the staff calendar pages receive: the school's events as a list, and the event form as
//! typed (or as stored) with the audience the author may choose from — every message already
//! made for each shipped language, so the language menu switches the page without a request.

use super::EventCategory;
use crate::i18n::PerLocale;
use crate::notices::{AttachedFile, AudienceChoices, FormProblem};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The event form's fields exactly as typed, so a refused save shows them again unchanged.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventFields {
    /// The event, when it exists already: taken from the address posted to, never from the form.
    pub id: Option<i32>,
    /// Tag of the original language.
    pub language: String,
    /// Title in the original language.
    pub title: String,
    /// Description (Markdown) in the original language.
    pub description: String,
    /// Category code.
    pub category: String,
    /// Where, as typed.
    pub location: String,
    /// A whole day or days, without times.
    pub all_day: bool,
    /// First day (`YYYY-MM-DD`).
    pub start_date: String,
    /// Start time (`HH:MM`, school time).
    pub start_time: String,
    /// Last day; empty means the first day.
    pub end_date: String,
    /// End time.
    pub end_time: String,
    /// Repeats every this many weeks (`1`–`4`); empty for an event that happens once.
    pub repeat_weeks: String,
    /// The last day a repeating event may fall on (`YYYY-MM-DD`).
    pub repeat_until: String,
    /// Days a repeating event skips, as typed (one `YYYY-MM-DD` a line).
    pub skipped_dates: String,
    /// For every family.
    pub whole_school: bool,
    /// For staff only.
    pub staff_only: bool,
    /// Chosen year groups.
    pub year_groups: Vec<i32>,
    /// Chosen classes.
    pub classes: Vec<i32>,
    /// Chosen single pupils.
    pub pupils: Vec<i32>,
    /// On the school's public calendar.
    pub public: bool,
    /// The author saw the short-notice warning and publishes anyway.
    pub short_notice_ok: bool,
    /// Title and description per other language tag.
    pub translations: BTreeMap<String, (String, String)>,
    /// Files uploaded with an earlier post of this form, held until it is saved.
    pub held_files: Vec<i32>,
    /// Files ticked for removal.
    pub remove_files: Vec<i32>,
}

impl EventFields {
    /// Takes one form field as typed; unknown names are ignored.
    pub fn set(&mut self, name: &str, value: String) {
        let number = || value.trim().parse::<i32>().ok();
        match name {
            "language" => self.language = value,
            "title" => self.title = value,
            "description" => self.description = value,
            "category" => self.category = value,
            "location" => self.location = value,
            "all_day" => self.all_day = true,
            "start_date" => self.start_date = value,
            "start_time" => self.start_time = value,
            "end_date" => self.end_date = value,
            "end_time" => self.end_time = value,
            "repeat_weeks" => self.repeat_weeks = value,
            "repeat_until" => self.repeat_until = value,
            "skipped_dates" => self.skipped_dates = value,
            "whole_school" => self.whole_school = true,
            "staff_only" => self.staff_only = true,
            "year_group" => self.year_groups.extend(number()),
            "class" => self.classes.extend(number()),
            "pupil" => self.pupils.extend(number()),
            "public" => self.public = true,
            "short_notice_ok" => self.short_notice_ok = true,
            "held_file" => self.held_files.extend(number()),
            "remove_file" => self.remove_files.extend(number()),
            other => {
                if let Some(tag) = other.strip_prefix("title_") {
                    self.translations.entry(tag.to_string()).or_default().0 = value;
                } else if let Some(tag) = other.strip_prefix("description_") {
                    self.translations.entry(tag.to_string()).or_default().1 = value;
                }
            }
        }
    }
}

/// Everything the event form shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventForm {
    /// The fields.
    pub fields: EventFields,
    /// Called off: shown, no longer changed.
    pub cancelled: bool,
    /// What the audience picker offers.
    pub choices: AudienceChoices,
    /// Language tags whose translation is older than the original's text.
    pub stale: Vec<String>,
    /// "Reaches 58 families …" for the chosen audience.
    pub reach: Option<PerLocale<String>>,
    /// The event falls inside the school's notice period: saving needs the author's say-so.
    pub short_notice: Option<PerLocale<String>>,
    /// Problems from the last save.
    pub problems: Vec<FormProblem>,
    /// Notes from the last save ("Saved").
    pub notes: Vec<PerLocale<String>>,
    /// The event's files, then those held for this form (`fields.held_files`).
    pub files: Vec<AttachedFile>,
    /// Largest file in MB, for the hint.
    pub max_file_mb: u32,
    /// The words only this form uses.
    pub words: EventFormWords,
}

/// Words only the event form uses, made on the server in each language, so the browser's
/// catalogue (which every parent downloads) does not carry them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventFormWords {
    /// "The event was not saved. Please correct:", above the problems of a refused save.
    pub not_saved: PerLocale<String>,
    /// The repeat fields' words.
    pub repeat: RepeatLabels,
    /// "Write a notice about this event", for a stored event whose author may publish notices.
    pub announce: Option<PerLocale<String>>,
}

/// The repeat fields' words.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepeatLabels {
    /// "Repeats".
    pub legend: PerLocale<String>,
    /// The choices, value first: "" for "Does not repeat", then "1" for "Every week"…
    pub choices: Vec<(String, PerLocale<String>)>,
    /// "Last date".
    pub until: PerLocale<String>,
    /// "Skip these dates".
    pub skipped: PerLocale<String>,
    /// How to write the skipped dates.
    pub skipped_hint: PerLocale<String>,
}

impl EventForm {
    /// The event exists: its audience is fixed, and changing its date, time or place tells every
    /// family it reaches.
    pub fn existing(&self) -> bool {
        self.fields.id.is_some()
    }
}

/// One event in the staff list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffEventRow {
    /// The event's id.
    pub id: i32,
    /// Its title in the original language.
    pub title: String,
    /// Its category.
    pub category: EventCategory,
    /// The day it starts and its times ("Monday 7 December, 09:30 to 15:00"), in each language.
    pub when: PerLocale<String>,
    /// Whom it is for ("Year 3, 3A"), in each language.
    pub audience: PerLocale<String>,
    /// The author may change it.
    pub editable: bool,
    /// Called off.
    pub cancelled: bool,
    /// Published inside the notice period.
    pub short_notice: bool,
}

/// The staff calendar: the school's upcoming events.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffCalendar {
    /// Upcoming events, earliest first.
    pub events: Vec<StaffEventRow>,
    /// The school's public calendar address, for its website.
    pub public_feed: String,
    /// "Import term dates", for staff who may import a file of events for the whole school.
    pub import: Option<PerLocale<String>>,
}

/// The term-dates import page (`/admin/calendar/import`): choose a CSV or iCalendar file, see
/// every event it would add or every problem it has, then import all of it or nothing. Its words
/// come with it, made on the server in each language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarImport {
    /// The page's words.
    pub words: ImportWords,
    /// Where the office is in importing.
    pub step: ImportStep,
}

/// Where the office is in importing a file of events.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportStep {
    /// Choosing a file.
    #[default]
    Choose,
    /// The file was checked: every event it would add, or every line that stops it.
    Checked {
        /// "12 events to add; 2 already on the calendar", or how many problems stop it.
        summary: PerLocale<String>,
        /// The kept file the "Import" button posts back: only when there is nothing to correct.
        upload: Option<String>,
        /// The events, in the file's order.
        rows: Vec<ImportRow>,
        /// What stops the import, by line (0: the whole file).
        problems: Vec<crate::roster::office_dto::RowProblem>,
    },
    /// Imported: how many events were added.
    Imported {
        /// "12 events imported."
        summary: PerLocale<String>,
    },
}

/// One event of a checked file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportRow {
    /// Where it starts in the file.
    pub line: u32,
    /// The event as the staff calendar lists it (no id yet).
    pub event: StaffEventRow,
    /// An event with the same title and start is on the calendar: it is left out.
    pub already: bool,
}

/// The import page's words, each in every language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportWords {
    /// The page's heading.
    pub title: PerLocale<String>,
    /// What the page does.
    pub intro: PerLocale<String>,
    /// The CSV file's columns.
    pub csv_help: PerLocale<String>,
    /// What an iCalendar file's events become.
    pub ics_help: PerLocale<String>,
    /// The file field's label.
    pub file: PerLocale<String>,
    /// "Import these events".
    pub import: PerLocale<String>,
    /// "Already on the calendar".
    pub already: PerLocale<String>,
    /// "Back to the school calendar".
    pub back: PerLocale<String>,
}
