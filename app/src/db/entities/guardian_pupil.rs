//! The link between a guardian and a pupil, with what it allows.

use sea_orm::entity::prelude::*;

/// The link between a guardian and a pupil, with what it allows.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "guardian_pupil")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub guardian_id: i32,
    pub pupil_id: i32,
    pub relationship: String,
    pub parental_responsibility: bool,
    pub receives_reports: bool,
    pub may_consent: bool,
    pub lives_with_pupil: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
