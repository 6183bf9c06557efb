//! A school: its name and the settings every other table hangs off.

use sea_orm::entity::prelude::*;

/// One school. Every later table carries a `school_id` so a trust can host several.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "school")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub name: String,
    /// The language used when a guardian has not chosen one, as a BCP 47 tag.
    pub default_locale: String,
    /// IANA time zone name, for calendars and quiet hours.
    pub timezone: String,
    /// When staff are at work ("08:30"); messages outside wait for the next morning.
    pub staff_hours_start: String,
    /// When staff hours end ("16:00").
    pub staff_hours_end: String,
    /// The school's promise of notice for events, in school days.
    pub notice_period_days: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
