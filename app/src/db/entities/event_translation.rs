//! An event's title and description in another language.

use sea_orm::entity::prelude::*;

/// An event's title and description in another language.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "event_translation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub event_id: i32,
    pub language: String,
    pub title: String,
    pub description_source: String,
    pub description_html: String,
    /// The event's `sequence` the translation was written for; older means it may be stale.
    pub source_sequence: i32,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
