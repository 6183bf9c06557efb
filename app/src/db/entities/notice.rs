//! A notice: its content in the original language, its audience and its state.

use sea_orm::entity::prelude::*;

/// A notice: its content in the original language, its audience and its state.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notice")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: i32,
    pub author_user_id: Option<i32>,
    pub status: String,
    pub category: String,
    /// The audience as JSON (`crate::audience::Audience`); `notice_target` indexes it.
    pub audience: String,
    pub language: String,
    pub title: String,
    pub body_source: String,
    pub body_html: String,
    /// The body as plain text, cut for the board; made when the body is saved.
    pub excerpt: String,
    pub ack_required: bool,
    pub ack_by: Option<Date>,
    pub publish_at: Option<DateTimeUtc>,
    pub expires_at: Option<DateTimeUtc>,
    pub pinned: bool,
    pub revision: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub withdrawn_at: Option<DateTimeUtc>,
    pub last_reminded_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
