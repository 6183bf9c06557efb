//! A digital form: its questions in each language, its audience's targets elsewhere.

use sea_orm::entity::prelude::*;

/// A form families answer (trip consent, medication, …), open between two times.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "form")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: i32,
    /// The template it was made from; also what its answers do.
    pub template: String,
    /// Answered once per family rather than once per child.
    pub per_family: bool,
    /// The language the school wrote it in.
    pub language: String,
    /// Its questions and wording, as JSON (`forms::definition::Definition`).
    pub definition: String,
    pub opens_at: DateTimeUtc,
    pub closes_at: DateTimeUtc,
    /// When a consent given on it lapses.
    pub consent_until: Option<DateTimeUtc>,
    pub created_by: i32,
    pub created_at: DateTimeUtc,
    /// When staff last reminded those who had not answered.
    pub last_reminded_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
