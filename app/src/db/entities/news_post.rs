//! A post to the newsfeed.

use sea_orm::entity::prelude::*;

/// A post to the school story, a class story (`class_id`) or pupils' portfolios.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "news_post")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: i32,
    pub author_id: i32,
    pub story: String,
    pub class_id: Option<i32>,
    pub academic_year_id: i32,
    pub body_source: String,
    pub body_html: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// The language the post was written in (a locale tag).
    pub language: String,
    /// Raised each time the original text is edited.
    pub revision: i32,
    pub edited_by: Option<i32>,
    pub edited_at: Option<DateTimeUtc>,
    /// Set while the post is kept at the top of the feed.
    pub pinned_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
