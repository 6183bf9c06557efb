//! A parent or carer as the school records them.

use sea_orm::entity::prelude::*;

/// A parent or carer as the school records them.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "guardian")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: i32,
    pub mis_id: String,
    pub name: String,
    pub email: Option<String>,
    pub email_alt: Option<String>,
    pub phone: Option<String>,
    pub phone_alt: Option<String>,
    pub preferred_locale: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
