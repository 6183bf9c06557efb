//! One e-mail to deliver, claimed and retried by the outbox worker until sent.

use sea_orm::entity::prelude::*;

/// One e-mail to deliver, claimed and retried by the outbox worker until sent.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub school_id: i32,
    pub idempotency_key: String,
    pub kind: String,
    /// The family's guardian it goes to, for e-mail about a notice.
    pub guardian_id: Option<i32>,
    /// The notice it is about.
    pub notice_id: Option<i32>,
    pub status: String,
    pub attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    pub locked_until: Option<DateTimeUtc>,
    pub last_error: Option<String>,
    pub sent_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    /// The member of staff's account it goes to, for e-mail to staff.
    pub user_id: Option<i32>,
    /// The news post it is about.
    pub post_id: Option<i32>,
    /// The form it reminds a family to answer.
    pub form_id: Option<i32>,
    /// The report cycle it tells a family about.
    pub report_cycle_id: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
