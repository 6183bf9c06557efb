//! An earlier text of a news post or of one of its translations, kept when it is edited.

use sea_orm::entity::prelude::*;

/// An earlier text of a news post or of one of its translations, kept when it is edited.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "news_post_revision")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub post_id: i32,
    pub revision: i32,
    pub language: String,
    pub body_source: String,
    pub written_by: i32,
    pub written_at: DateTimeUtc,
    pub replaced_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
