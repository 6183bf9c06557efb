//! A round of reports for some year groups (an end-of-term report, an assessment's results).

use sea_orm::entity::prelude::*;

/// A round of reports for some year groups, published to their families all at once.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "report_cycle")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: i32,
    pub name: String,
    /// `term`, `progress`, `assessment`, `statutory` or `other` (`reports::kind`).
    pub kind: String,
    pub academic_year_id: i32,
    /// The year groups' ids, as a JSON array.
    pub year_groups: String,
    /// `draft`, `published` or `withdrawn` (`reports::cycle_state`).
    pub state: String,
    /// What the last upload could not take, as JSON, until published or discarded.
    pub problems: Option<String>,
    pub created_by: i32,
    pub created_at: DateTimeUtc,
    pub published_by: Option<i32>,
    /// When families see it: set on publishing, possibly ahead.
    pub published_at: Option<DateTimeUtc>,
    /// When the office last reminded families who had not opened their reports.
    pub last_reminded_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
