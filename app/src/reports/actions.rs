//! What the office does to a cycle, each a form posting to the cycle's page (`cycles` shows
//! it): upload its PDFs (`intake`) — into the preview while a draft, as corrected versions once
//! published; publish it, all of it or nothing, now or at a time ahead, queuing the families'
//! e-mails for that time; discard the upload; remind the families who have not opened their
//! reports (once a day); withdraw one report, or the whole cycle.

use super::cycles::{Words, cycle_of, done, shown};
use super::dto::CyclePage;
use super::intake::{self, Intake, Source};
use super::{cycle_href, cycle_state, notify, report_state};
use crate::access::{Actor, Capability, CurrentActor};
use crate::db::entities::{report, report_cycle};
use crate::error::AppError;
use crate::i18n::{Locale, PerLocale};
use crate::msg;
use crate::state::AppState;
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use std::collections::HashMap;
use std::sync::Arc;

/// Between two reminders about the same cycle.
const BETWEEN_REMINDERS: chrono::Duration = chrono::Duration::hours(20);

/// What a post to a cycle's page came to: where to go next, or the page with why not.
pub enum CycleAnswer {
    /// Done: the cycle's page, saying what was done.
    Done(String),
    /// Refused: the page again with the problem.
    Again(Box<Result<CyclePage, AppError>>),
}

/// An action's outcome before the page: the address to go to, or the actor and why not.
type Outcome = Result<Result<String, (Arc<Actor>, Words)>, AppError>;

fn not_open(l: Locale) -> String {
    msg!(l, "reports-problem-not-draft")
}

fn withdrawn(l: Locale) -> String {
    msg!(l, "reports-problem-withdrawn")
}

fn no_files(l: Locale) -> String {
    msg!(l, "reports-problem-no-files")
}

fn nothing_staged(l: Locale) -> String {
    msg!(l, "reports-problem-nothing-staged")
}

fn bad_time(l: Locale) -> String {
    msg!(l, "reports-problem-when")
}

fn reminded_lately(l: Locale) -> String {
    msg!(l, "reports-problem-reminded")
}

fn all_opened(l: Locale) -> String {
    msg!(l, "reports-problem-all-opened")
}

fn done_at(id: i32, code: &str) -> String {
    format!("{}?done={code}", cycle_href(id))
}

async fn answered(state: &AppState, id: i32, outcome: Outcome) -> CycleAnswer {
    match outcome {
        Ok(Ok(to)) => CycleAnswer::Done(to),
        Ok(Err((actor, problem))) => {
            let problem = PerLocale::build(problem);
            let page = shown(state, &actor, id, None, Some(problem)).await;
            CycleAnswer::Again(Box::new(page))
        }
        Err(err) => CycleAnswer::Again(Box::new(Err(err))),
    }
}

/// `POST /admin/reports/{id}/upload`: the files the office sent — into the preview of a draft,
/// or, once published, corrected versions families see at once.
pub async fn upload(
    state: &AppState,
    current: &CurrentActor,
    id: i32,
    sources: Result<Vec<Source>, AppError>,
) -> CycleAnswer {
    let outcome = async {
        let actor = crate::roster::office::whole_school(current, Capability::ReportManage)?;
        let cycle = cycle_of(&state.db, &actor, id).await?;
        if cycle.state == cycle_state::WITHDRAWN {
            return Ok(Err((actor, withdrawn as Words)));
        }
        let sources = sources?;
        if sources.is_empty() {
            return Ok(Err((actor, no_files as Words)));
        }
        let Intake { staged, .. } = intake::take(
            &state.db,
            &state.files,
            &cycle,
            actor.user_id,
            sources,
            Utc::now(),
        )
        .await?;
        let code = if cycle.state == cycle_state::DRAFT {
            done::UPLOADED
        } else {
            done::CORRECTED
        };
        Ok(Ok(format!("{}&count={staged}", done_at(id, code))))
    }
    .await;
    answered(state, id, outcome).await
}

/// `POST /admin/reports/{id}`: publish or discard a draft; remind, or withdraw a report or the
/// whole cycle, once published.
pub async fn act(
    state: &AppState,
    current: &CurrentActor,
    id: i32,
    fields: &HashMap<String, String>,
) -> CycleAnswer {
    let outcome = async {
        let actor = crate::roster::office::whole_school(current, Capability::ReportManage)?;
        let cycle = cycle_of(&state.db, &actor, id).await?;
        let action = fields.get("action").map(String::as_str);
        match (cycle.state.as_str(), action) {
            (cycle_state::WITHDRAWN, _) => Ok(Err((actor, withdrawn as Words))),
            (cycle_state::DRAFT, Some("publish")) => {
                let zone = actor.zone.clone();
                let when = fields.get("publish_at").map(String::as_str).unwrap_or("");
                match publish_time(when, &zone, Utc::now()) {
                    Some(at) => publish(state, actor, &cycle, at).await,
                    None => Ok(Err((actor, bad_time as Words))),
                }
            }
            (cycle_state::DRAFT, Some("discard")) => discard(state, &cycle).await.map(Ok),
            (cycle_state::PUBLISHED, Some("remind")) => remind(state, actor, &cycle).await,
            (cycle_state::PUBLISHED, Some("withdraw")) => withdraw(state, &actor, &cycle).await,
            (cycle_state::PUBLISHED, Some("withdraw-report")) => {
                let report = fields
                    .get("report")
                    .and_then(|r| r.parse().ok())
                    .ok_or(AppError::BadRequest)?;
                withdraw_report(state, &actor, &cycle, report).await
            }
            (_, Some("publish" | "discard")) => Ok(Err((actor, not_open as Words))),
            _ => Err(AppError::BadRequest),
        }
    }
    .await;
    answered(state, id, outcome).await
}

/// When a cycle is to be published: `when` as typed in the school's time zone
/// (`2026-12-05T08:00`), or now if empty or already past; `None` if it is not a time.
pub fn publish_time(when: &str, zone: &str, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let when = when.trim();
    if when.is_empty() {
        return Some(now);
    }
    let local = NaiveDateTime::parse_from_str(when, "%Y-%m-%dT%H:%M").ok()?;
    let zone: chrono_tz::Tz = zone.parse().unwrap_or(chrono_tz::Europe::London);
    // A time the clocks skip is taken as the hour after; one they repeat, the first.
    let at = zone
        .from_local_datetime(&local)
        .earliest()
        .or_else(|| {
            zone.from_local_datetime(&(local + chrono::Duration::hours(1)))
                .earliest()
        })?
        .with_timezone(&Utc);
    Some(at.max(now))
}

async fn publish(
    state: &AppState,
    actor: Arc<Actor>,
    cycle: &report_cycle::Model,
    at: DateTime<Utc>,
) -> Outcome {
    let now = Utc::now();
    let txn = crate::db::write_transaction(&state.db).await?;
    // Claimed as a draft, so two clicks publish once.
    let claimed = report_cycle::Entity::update_many()
        .col_expr(
            report_cycle::Column::State,
            Expr::value(cycle_state::PUBLISHED),
        )
        .col_expr(report_cycle::Column::PublishedAt, Expr::value(at))
        .col_expr(
            report_cycle::Column::PublishedBy,
            Expr::value(actor.user_id),
        )
        .col_expr(
            report_cycle::Column::Problems,
            Expr::value(Option::<String>::None),
        )
        .filter(report_cycle::Column::Id.eq(cycle.id))
        .filter(report_cycle::Column::State.eq(cycle_state::DRAFT))
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        return Ok(Err((actor, not_open as Words)));
    }
    let published = report::Entity::update_many()
        .col_expr(report::Column::State, Expr::value(report_state::CURRENT))
        .filter(report::Column::CycleId.eq(cycle.id))
        .filter(report::Column::State.eq(report_state::STAGED))
        .exec(&txn)
        .await?;
    if published.rows_affected == 0 {
        // Dropped, so the cycle stays a draft.
        return Ok(Err((actor, nothing_staged as Words)));
    }
    notify::queue_published(&txn, cycle, at).await?;
    crate::audit::record(
        &txn,
        actor.school_id,
        actor.user_id,
        crate::audit::action::REPORTS_PUBLISHED,
        ("report_cycle", cycle.id),
        &format!(
            "{} reports, seen from {}",
            published.rows_affected,
            at.to_rfc3339()
        ),
        now,
    )
    .await?;
    txn.commit().await?;
    let code = if at > now {
        done::SCHEDULED
    } else {
        done::PUBLISHED
    };
    Ok(Ok(done_at(cycle.id, code)))
}

async fn discard(state: &AppState, cycle: &report_cycle::Model) -> Result<String, AppError> {
    let staged = report::Entity::find()
        .filter(report::Column::CycleId.eq(cycle.id))
        .filter(report::Column::State.eq(report_state::STAGED))
        .all(&state.db)
        .await?;
    let txn = crate::db::write_transaction(&state.db).await?;
    report::Entity::delete_many()
        .filter(report::Column::CycleId.eq(cycle.id))
        .filter(report::Column::State.eq(report_state::STAGED))
        .exec(&txn)
        .await?;
    let mut row: report_cycle::ActiveModel = cycle.clone().into();
    row.problems = Set(None);
    row.update(&txn).await?;
    txn.commit().await?;
    // Files go once no row names them.
    for file in staged {
        if let Err(err) = state.files.delete(&file.file_key).await {
            tracing::warn!(error = %err, "a discarded report was left in the store");
        }
    }
    Ok(done_at(cycle.id, done::DISCARDED))
}

async fn remind(state: &AppState, actor: Arc<Actor>, cycle: &report_cycle::Model) -> Outcome {
    let now = Utc::now();
    if !super::family::published(cycle, now) {
        return Ok(Err((actor, not_open as Words)));
    }
    let txn = crate::db::write_transaction(&state.db).await?;
    // The mark is taken in the statement that checks it, so two presses send one reminder.
    let marked = report_cycle::Entity::update_many()
        .col_expr(report_cycle::Column::LastRemindedAt, Expr::value(Some(now)))
        .filter(report_cycle::Column::Id.eq(cycle.id))
        .filter(
            sea_orm::Condition::any()
                .add(report_cycle::Column::LastRemindedAt.is_null())
                .add(report_cycle::Column::LastRemindedAt.lt(now - BETWEEN_REMINDERS)),
        )
        .exec(&txn)
        .await?;
    if marked.rows_affected != 1 {
        return Ok(Err((actor, reminded_lately as Words)));
    }
    let count = notify::queue_reminders(&txn, cycle, now).await?;
    if count == 0 {
        // Dropped: nobody to remind leaves the mark unset.
        return Ok(Err((actor, all_opened as Words)));
    }
    crate::audit::record(
        &txn,
        actor.school_id,
        actor.user_id,
        crate::audit::action::REMINDED,
        ("report_cycle", cycle.id),
        &count.to_string(),
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(Ok(format!(
        "{}&count={count}",
        done_at(cycle.id, done::REMINDED)
    )))
}

async fn withdraw(state: &AppState, actor: &Actor, cycle: &report_cycle::Model) -> Outcome {
    let now = Utc::now();
    let txn = crate::db::write_transaction(&state.db).await?;
    report_cycle::Entity::update_many()
        .col_expr(
            report_cycle::Column::State,
            Expr::value(cycle_state::WITHDRAWN),
        )
        .filter(report_cycle::Column::Id.eq(cycle.id))
        .exec(&txn)
        .await?;
    crate::audit::record(
        &txn,
        actor.school_id,
        actor.user_id,
        crate::audit::action::WITHDRAWN,
        ("report_cycle", cycle.id),
        &cycle.name,
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(Ok(done_at(cycle.id, done::WITHDRAWN)))
}

async fn withdraw_report(
    state: &AppState,
    actor: &Actor,
    cycle: &report_cycle::Model,
    id: i32,
) -> Outcome {
    let now = Utc::now();
    let txn = crate::db::write_transaction(&state.db).await?;
    let taken = report::Entity::update_many()
        .col_expr(report::Column::State, Expr::value(report_state::WITHDRAWN))
        .filter(report::Column::Id.eq(id))
        .filter(report::Column::CycleId.eq(cycle.id))
        .filter(report::Column::State.eq(report_state::CURRENT))
        .exec(&txn)
        .await?;
    if taken.rows_affected != 1 {
        return Err(AppError::NotFound);
    }
    crate::audit::record(
        &txn,
        actor.school_id,
        actor.user_id,
        crate::audit::action::WITHDRAWN,
        ("report", id),
        &cycle.name,
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(Ok(done_at(cycle.id, done::REPORT_WITHDRAWN)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_publish_time_is_the_schools_and_never_in_the_past() {
        let now = Utc
            .with_ymd_and_hms(2026, 12, 2, 12, 0, 0)
            .single()
            .expect("a time");
        assert_eq!(publish_time("", "Europe/London", now), Some(now));
        assert_eq!(
            publish_time("2026-12-05T08:00", "Europe/London", now),
            Utc.with_ymd_and_hms(2026, 12, 5, 8, 0, 0).single()
        );
        assert_eq!(
            publish_time("2027-06-05T08:00", "Europe/London", now),
            Utc.with_ymd_and_hms(2027, 6, 5, 7, 0, 0).single(),
            "summer time"
        );
        assert_eq!(
            publish_time("2026-12-05T08:00", "Asia/Dubai", now),
            Utc.with_ymd_and_hms(2026, 12, 5, 4, 0, 0).single()
        );
        assert_eq!(
            publish_time("2026-01-01T08:00", "Europe/London", now),
            Some(now)
        );
        assert_eq!(publish_time("next Tuesday", "Europe/London", now), None);
    }
}
