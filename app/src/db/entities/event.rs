//! A school event on the calendar: its content in the original language, when and where it
//! happens, its audience and its state.

use sea_orm::entity::prelude::*;

/// A school event on the calendar.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: i32,
    pub author_user_id: Option<i32>,
    /// `scheduled` or `cancelled`.
    pub status: String,
    pub category: String,
    /// The audience as JSON (`crate::audience::Audience`); `event_target` indexes it.
    pub audience: String,
    pub language: String,
    pub title: String,
    pub description_source: String,
    pub description_html: String,
    /// Where it happens; empty when the school did not say.
    pub location: String,
    /// A whole day (or days): `starts_at` is the first day's and `ends_at` the day after the
    /// last day's midnight in the school's zone.
    pub all_day: bool,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    /// Shown on the school's public calendar (no pupil names ever are).
    pub public: bool,
    /// Published inside the school's notice period.
    pub short_notice: bool,
    /// iCalendar SEQUENCE: raised whenever the date, time or place changes, or it is cancelled.
    pub sequence: i32,
    /// iCalendar UID, stable for the event's life.
    pub uid: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// When its date, time or place last changed after publishing.
    pub changed_at: Option<DateTimeUtc>,
    /// Repeats every this many weeks (a club); 0 for an event that happens once.
    pub repeat_weeks: i32,
    /// The last day a repeating event may fall on, in the school's zone.
    pub repeat_until: Option<Date>,
    /// Days a repeating event does not happen (half term): a JSON list of `YYYY-MM-DD`.
    pub skipped_dates: String,
    /// When its last occurrence ends (`ends_at` for an event that happens once): the end the
    /// calendar's range queries use.
    pub last_ends_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
