//! An uploaded MIS export waiting between its preview and the office's "Import".

use sea_orm::entity::prelude::*;

/// An uploaded MIS export waiting between its preview and the office's "Import".
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "roster_upload")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub school_id: i32,
    pub user_id: i32,
    pub data: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
