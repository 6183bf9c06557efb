//! A photo on a post, stored at several widths.

use sea_orm::entity::prelude::*;

/// A photo on a post, or held for its uploader's form (`post_id` empty) until it is published.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "news_photo")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: i32,
    pub post_id: Option<i32>,
    pub uploaded_by: i32,
    pub position: i32,
    pub width: i32,
    pub height: i32,
    pub widths: String,
    pub storage_keys: String,
    /// The WebP of each width, in the order of `widths`; `None` for photos kept as JPEG only.
    pub webp_keys: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
