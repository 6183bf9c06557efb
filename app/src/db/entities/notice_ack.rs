//! A guardian's acknowledgement of a notice: who, when and for which child.

use sea_orm::entity::prelude::*;

/// A guardian's acknowledgement of a notice: who, when and for which child.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notice_ack")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub notice_id: i32,
    pub guardian_id: i32,
    pub pupil_id: i32,
    pub user_id: i32,
    pub acked_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
