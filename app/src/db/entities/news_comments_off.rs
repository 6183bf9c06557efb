//! Comments closed on one post or on every post of a class.

use sea_orm::entity::prelude::*;

/// Comments closed: on the post `post_id`, or on every post of the class `class_id`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "news_comments_off")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: i32,
    pub post_id: Option<i32>,
    pub class_id: Option<i32>,
    pub set_by: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
