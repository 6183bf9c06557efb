//! A change a family asked for to what the school holds (contact details, photo consent), with
//! the office's decision; the rows of a guardian or child are their history.

use sea_orm::entity::prelude::*;

/// A change a family asked for, and what became of it.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "roster_change")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: i32,
    /// `contact` or `photo` (`roster::changes::kind`).
    pub kind: String,
    /// Who asked; for contact details also whose they are.
    pub guardian_id: i32,
    /// The child a photo consent is for.
    pub pupil_id: Option<i32>,
    /// The values asked for, as JSON.
    pub proposed: String,
    /// The values the family saw as they asked; once approved, those the approval replaced.
    pub previous: Option<String>,
    /// `pending`, `approved`, `rejected` or `superseded` (`roster::changes::state`).
    pub state: String,
    /// The form answer a photo consent came from.
    pub form_response_id: Option<i32>,
    pub requested_by: i32,
    pub requested_at: DateTimeUtc,
    pub client_address: String,
    pub user_agent: String,
    pub decided_by: Option<i32>,
    pub decided_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
