//! One target of a notice's audience (school, year group, class or pupil), for the board query.

use sea_orm::entity::prelude::*;

/// One target of a notice's audience (school, year group, class or pupil), for the board query.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notice_target")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub notice_id: i32,
    pub kind: String,
    pub target_id: i32,
    pub pinned: bool,
    pub publish_at: DateTimeUtc,
    pub expires_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
