//! A news post in another language, with the revision of the original it follows.

use sea_orm::entity::prelude::*;

/// A news post in another language, with the revision of the original it follows.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "news_post_translation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub post_id: i32,
    pub language: String,
    pub body_source: String,
    pub body_html: String,
    pub source_revision: i32,
    pub updated_by: i32,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
