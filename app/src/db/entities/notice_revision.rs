//! An earlier version of a notice or one of its translations, kept when it is edited.

use sea_orm::entity::prelude::*;

/// An earlier version of a notice or one of its translations, kept when it is edited.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notice_revision")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub notice_id: i32,
    pub revision: i32,
    pub language: String,
    pub title: String,
    pub body_source: String,
    pub edited_by: Option<i32>,
    pub edited_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
