//! Someone who can sign in: a guardian or a member of staff.

use sea_orm::entity::prelude::*;

/// Someone who can sign in: a guardian or a member of staff.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "user_account")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: i32,
    pub email: String,
    pub password_hash: Option<String>,
    pub status: String,
    pub guardian_id: Option<i32>,
    pub staff_id: Option<i32>,
    pub selected_pupil_id: Option<i32>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
