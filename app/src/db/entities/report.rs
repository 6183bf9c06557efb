//! One pupil's report in a cycle: a PDF in the file store.

use sea_orm::entity::prelude::*;

/// One pupil's report in a cycle.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "report")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: i32,
    pub cycle_id: i32,
    pub pupil_id: i32,
    /// The file store's key.
    pub file_key: String,
    /// The name it was uploaded as.
    pub file_name: String,
    pub size: i32,
    /// The SHA-256 of its bytes, in hex.
    pub sha256: String,
    /// `staged`, `current`, `replaced` or `withdrawn` (`reports::report_state`).
    pub state: String,
    pub uploaded_by: i32,
    pub uploaded_at: DateTimeUtc,
    /// The report this one corrects.
    pub replaces_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
