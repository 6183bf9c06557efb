//! Where a pupil is in one academic year: year group and (once set) class.

use sea_orm::entity::prelude::*;

/// Where a pupil is in one academic year: year group and (once set) class.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "enrolment")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub pupil_id: i32,
    pub academic_year_id: i32,
    pub year_group_id: i32,
    pub class_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
