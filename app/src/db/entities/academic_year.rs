//! A school year, e.g. 2026/27; exactly one per school is current.

use sea_orm::entity::prelude::*;

/// A school year, e.g. 2026/27; exactly one per school is current.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "academic_year")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: i32,
    pub name: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub is_current: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
