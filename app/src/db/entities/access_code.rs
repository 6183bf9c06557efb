//! A one-time code: sign-up for a guardian, or a password reset; stored hashed.

use sea_orm::entity::prelude::*;

/// A one-time code: sign-up for a guardian, or a password reset; stored hashed.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "access_code")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: i32,
    pub guardian_id: Option<i32>,
    pub user_id: Option<i32>,
    pub purpose: String,
    pub code_hash: String,
    pub expires_at: DateTimeUtc,
    pub used_at: Option<DateTimeUtc>,
    pub failed_attempts: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
