//! How a guardian wants e-mail for one category: instant, daily digest or off.

use sea_orm::entity::prelude::*;

/// How a guardian wants e-mail for one category: instant, daily digest or off.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notification_preference")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub guardian_id: i32,
    pub category: String,
    pub mode: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
