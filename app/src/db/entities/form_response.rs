//! One version of a guardian's answer to a form for a child, with its evidence. Never updated:
//! a change or a withdrawal is a new version.

use sea_orm::entity::prelude::*;

/// One version of a guardian's answer to a form for a child, with its evidence.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "form_response")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub form_id: i32,
    /// None on a form answered once per family.
    pub pupil_id: Option<i32>,
    pub guardian_id: i32,
    /// Who sent it: the guardian's account, or staff recording it for them.
    pub user_id: i32,
    /// 1 for the first answer, one more for each change.
    pub version: i32,
    /// `forms::state::ANSWERED` or `WITHDRAWN`.
    pub state: String,
    /// The answers, as JSON (field key → value).
    pub answers: String,
    /// The exact wording the guardian was shown.
    pub wording: String,
    /// SHA-256 of `wording`, in hex.
    pub wording_sha256: String,
    /// The language the wording was shown in.
    pub language: String,
    pub client_address: String,
    pub user_agent: String,
    pub submitted_at: DateTimeUtc,
    /// The page's one-time token: a submission sent twice is stored once.
    pub token: String,
    /// How it came: `portal` (the guardian), or `phone` (taken by the member of staff in
    /// `user_id`).
    pub channel: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
