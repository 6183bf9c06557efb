//! A comment on a post.

use sea_orm::entity::prelude::*;

/// A comment on a post; `hidden_at` is set while staff keep it from families.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "news_comment")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub post_id: i32,
    pub author_id: i32,
    pub body: String,
    pub created_at: DateTimeUtc,
    pub hidden_at: Option<DateTimeUtc>,
    pub hidden_by: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
