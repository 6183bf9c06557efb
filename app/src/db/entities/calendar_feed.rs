//! An account's private calendar subscription address, kept as the hash of its token.

use sea_orm::entity::prelude::*;

/// An account's private calendar subscription address, kept as the hash of its token.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "calendar_feed")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: i32,
    /// SHA-256 of the token in the address, in hex.
    pub token_hash: String,
    /// The language tag the feed was made in.
    pub language: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
