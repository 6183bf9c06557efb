//! A term-dates file (CSV or iCalendar) waiting between its preview and the office's "Import".

use sea_orm::entity::prelude::*;

/// A term-dates file waiting between its preview and the office's "Import".
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "calendar_upload")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub token: String,
    pub school_id: i32,
    pub user_id: i32,
    pub format: String,
    pub data: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
