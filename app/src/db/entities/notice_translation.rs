//! A notice in another language, with the revision of the original it follows.

use sea_orm::entity::prelude::*;

/// A notice in another language, with the revision of the original it follows.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notice_translation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub notice_id: i32,
    pub language: String,
    pub title: String,
    pub body_source: String,
    pub body_html: String,
    /// The body as plain text, cut for the board; made when the body is saved.
    pub excerpt: String,
    pub source_revision: i32,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
