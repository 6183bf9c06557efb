//! The office's list of changes families asked for (`/admin/forms/changes`): contact details
//! and wider photo consents waiting for a decision, each beside what the school holds now, with
//! approve and reject buttons; then the latest decisions, with the values each replaced. The
//! buttons post to the page's own address, so it works without JavaScript.

use super::change_dto::{ChangeQueue, ChangeRow};
use super::changes::{self, Decided, Decision, Listed, kind};
use super::contact::differences;
use crate::access::{Capability, CurrentActor, authorize};
use crate::error::AppError;
use crate::i18n::PerLocale;
use crate::msg;
use crate::state::AppState;
use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;

/// How many decided changes the list shows.
const RECENT: u64 = 30;

/// The list for the signed-in office or leadership, or what a decision posted to it came to.
pub async fn page() -> Result<ChangeQueue, AppError> {
    if let Some(answer) = crate::posted::page(|_: &ChangeQueue| None) {
        return answer;
    }
    let granted = authorize(Capability::RosterChangeApprove)?;
    let state = crate::state::app_state()?;
    shown(&state, granted.actor.school_id, None, None).await
}

/// How many changes wait for `school_id`'s office.
pub async fn waiting_count<C: ConnectionTrait>(db: &C, school_id: i32) -> Result<u64, AppError> {
    use sea_orm::PaginatorTrait;
    Ok(crate::db::entities::roster_change::Entity::find()
        .filter(crate::db::entities::roster_change::Column::SchoolId.eq(school_id))
        .filter(crate::db::entities::roster_change::Column::State.eq(changes::state::PENDING))
        .count(db)
        .await?)
}

/// `POST /admin/forms/changes`: approve or reject one change, then the list again saying what
/// that did.
pub async fn post(
    state: &AppState,
    current: &CurrentActor,
    fields: &HashMap<String, String>,
) -> Result<ChangeQueue, AppError> {
    let actor = super::office::whole_school(current, Capability::RosterChangeApprove)?;
    let id: i32 = fields
        .get("change")
        .and_then(|v| v.parse().ok())
        .ok_or(AppError::BadRequest)?;
    let decision = match fields.get("action").map(String::as_str) {
        Some("approve") => Decision::Approve,
        Some("reject") => Decision::Reject,
        _ => return Err(AppError::BadRequest),
    };
    let txn = crate::db::write_transaction(&state.db).await?;
    let now = Utc::now();
    let decided = changes::decide(&txn, actor.school_id, actor.user_id, id, decision, now)
        .await?
        .ok_or(AppError::NotFound)?;
    if let Decided::Done(decision) = decided {
        crate::audit::record(
            &txn,
            actor.school_id,
            actor.user_id,
            match decision {
                Decision::Approve => crate::audit::action::ROSTER_CHANGE_APPROVED,
                Decision::Reject => crate::audit::action::ROSTER_CHANGE_REJECTED,
            },
            ("roster_change", id),
            "",
            now,
        )
        .await?;
    }
    txn.commit().await?;
    if decided == Decided::Done(Decision::Approve) {
        // A photo consent decides what the actor's pages show; nothing cached may outlive it.
        crate::access::cache::roster_changed();
    }
    let (done, problem) = match decided {
        Decided::Done(Decision::Approve) => (
            Some(PerLocale::build(|l| msg!(l, "changes-approved"))),
            None,
        ),
        Decided::Done(Decision::Reject) => (
            Some(PerLocale::build(|l| msg!(l, "changes-rejected"))),
            None,
        ),
        Decided::NotWaiting => (
            None,
            Some(PerLocale::build(|l| msg!(l, "changes-not-waiting"))),
        ),
    };
    shown(state, actor.school_id, done, problem).await
}

async fn shown(
    state: &AppState,
    school_id: i32,
    done: Option<PerLocale<String>>,
    problem: Option<PerLocale<String>>,
) -> Result<ChangeQueue, AppError> {
    let db = &state.db;
    let zone = crate::school::db::timezone(db, school_id).await?;
    let (waiting, decided) = changes::listed(db, school_id, RECENT).await?;
    let decided_by = waiting
        .iter()
        .chain(decided.iter())
        .filter_map(|l| l.change.decided_by);
    let deciders = super::accounts::staff_names(db, decided_by).await?;
    let row = |listed: &Listed| {
        let change = &listed.change;
        let child = listed.child.clone().unwrap_or_default();
        let about = if change.kind == kind::PHOTO {
            PerLocale::build(|l| msg!(l, "changes-about-photo", child = child.as_str()))
        } else {
            PerLocale::build(|l| msg!(l, "changes-about-contact"))
        };
        let lines = if change.kind == kind::PHOTO {
            photo_lines(&listed.before, &listed.proposed)
        } else {
            differences(&listed.before, &listed.proposed)
        };
        let decider = change
            .decided_by
            .and_then(|id| deciders.get(&id))
            .cloned()
            .unwrap_or_default();
        let (asked_at, decided_at, state) =
            (change.requested_at, change.decided_at, change.state.clone());
        let when = PerLocale::build(|l| {
            let asked = crate::dates::date_time(l, &zone, asked_at);
            let asked = msg!(l, "changes-asked", date = asked.as_str());
            let Some(at) = decided_at else {
                return asked;
            };
            let date = crate::dates::date_time(l, &zone, at);
            let outcome = match (state.as_str(), decider.is_empty()) {
                (changes::state::APPROVED, true) => {
                    msg!(l, "changes-applied-at-once", date = date.as_str())
                }
                (changes::state::APPROVED, false) => msg!(
                    l,
                    "changes-approved-by",
                    name = decider.as_str(),
                    date = date.as_str()
                ),
                _ => msg!(
                    l,
                    "changes-rejected-by",
                    name = decider.as_str(),
                    date = date.as_str()
                ),
            };
            format!("{asked} {outcome}")
        });
        ChangeRow {
            id: change.id,
            who: listed.who.clone(),
            about,
            lines,
            when,
        }
    };
    Ok(ChangeQueue {
        waiting: waiting.iter().map(row).collect(),
        decided: decided.iter().map(row).collect(),
        done,
        problem,
        words: [
            PerLocale::build(|l| msg!(l, "changes-heading")),
            PerLocale::build(|l| msg!(l, "changes-intro")),
            PerLocale::build(|l| msg!(l, "changes-none-waiting")),
            PerLocale::build(|l| msg!(l, "changes-approve")),
            PerLocale::build(|l| msg!(l, "changes-reject")),
            PerLocale::build(|l| msg!(l, "changes-decided")),
        ],
    })
}

/// "Photo consent: class stories → whole school" in words.
fn photo_lines(
    before: &[(&'static str, Option<String>)],
    after: &[(&'static str, Option<String>)],
) -> Vec<PerLocale<String>> {
    let level = |values: &[(&'static str, Option<String>)]| {
        values
            .first()
            .and_then(|(_, v)| v.as_deref())
            .and_then(super::PhotoConsent::from_code)
    };
    let (was, now) = (level(before), level(after));
    vec![PerLocale::build(|l| {
        let name = |level: Option<super::PhotoConsent>| match level {
            Some(level) => crate::news::publish::consent_name(l, level),
            None => msg!(l, "contact-none"),
        };
        let (field, before, after) = (msg!(l, "contact-field-photo"), name(was), name(now));
        msg!(
            l,
            "contact-change-line",
            field = field.as_str(),
            before = before.as_str(),
            after = after.as_str()
        )
    })]
}
