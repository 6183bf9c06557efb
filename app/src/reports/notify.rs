//! Telling families about their reports by e-mail: when a cycle is published (at its publish
//! time, which may be ahead) and when the office reminds those who have not opened theirs. One
//! outbox row per guardian, keyed so a repeat adds nothing; what the e-mail says — and whether it
//! is still wanted — is decided when it is sent (`outbox::report_mail`).

use super::report_state;
use crate::db::entities::{
    guardian, guardian_pupil, outbox, report, report_cycle, report_download, user_account,
};
use crate::error::AppError;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::{BTreeSet, HashMap, HashSet};

/// The outbox kind of "a report is ready".
pub const PUBLISHED_KIND: &str = "report-published";
/// The outbox kind of "you have not opened a report yet".
pub const REMINDER_KIND: &str = "report-reminder";

/// The guardians who receive reports for each pupil with a current report in `cycle`, and an
/// e-mail address to send to (only `guardian`, when given), with those pupils.
async fn receivers<C: ConnectionTrait>(
    db: &C,
    cycle: i32,
    only: Option<i32>,
) -> Result<HashMap<i32, Vec<i32>>, AppError> {
    let reports = report::Entity::find()
        .filter(report::Column::CycleId.eq(cycle))
        .filter(report::Column::State.eq(report_state::CURRENT))
        .all(db)
        .await?;
    let mut links = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::PupilId.is_in(reports.iter().map(|r| r.pupil_id)))
        .filter(guardian_pupil::Column::ReceivesReports.eq(true));
    if let Some(guardian) = only {
        links = links.filter(guardian_pupil::Column::GuardianId.eq(guardian));
    }
    let links = links.all(db).await?;
    let with_email: HashSet<i32> = guardian::Entity::find()
        .filter(guardian::Column::Id.is_in(links.iter().map(|l| l.guardian_id)))
        .all(db)
        .await?
        .into_iter()
        .filter(|g| g.email.as_deref().is_some_and(|e| !e.trim().is_empty()))
        .map(|g| g.id)
        .collect();
    let mut by_guardian: HashMap<i32, Vec<i32>> = HashMap::new();
    for link in links
        .into_iter()
        .filter(|l| with_email.contains(&l.guardian_id))
    {
        by_guardian
            .entry(link.guardian_id)
            .or_default()
            .push(link.pupil_id);
    }
    Ok(by_guardian)
}

fn row(
    cycle: &report_cycle::Model,
    guardian: i32,
    kind: &str,
    key: String,
    at: DateTime<Utc>,
) -> outbox::ActiveModel {
    use sea_orm::Set;
    outbox::ActiveModel {
        school_id: Set(cycle.school_id),
        idempotency_key: Set(key),
        kind: Set(kind.to_string()),
        guardian_id: Set(Some(guardian)),
        report_cycle_id: Set(Some(cycle.id)),
        status: Set(crate::outbox::status::PENDING.to_string()),
        attempts: Set(0),
        next_attempt_at: Set(at),
        // An e-mail goes stale counted from when it is wanted, not from when it was queued.
        created_at: Set(at),
        ..Default::default()
    }
}

async fn insert<C: ConnectionTrait>(
    db: &C,
    rows: Vec<outbox::ActiveModel>,
) -> Result<(), AppError> {
    for chunk in rows.chunks(1000) {
        outbox::Entity::insert_many(chunk.to_vec())
            .on_conflict_do_nothing_on([outbox::Column::IdempotencyKey])
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Queues "a report is ready" for every guardian who receives one of `cycle`'s reports, sent
/// at `at` (the cycle's publish time); returns how many guardians.
pub async fn queue_published<C: ConnectionTrait>(
    db: &C,
    cycle: &report_cycle::Model,
    at: DateTime<Utc>,
) -> Result<usize, AppError> {
    let guardians = receivers(db, cycle.id, None).await?;
    let rows = guardians
        .keys()
        .map(|g| {
            let key = format!("report-{}-published-g{g}", cycle.id);
            row(cycle, *g, PUBLISHED_KIND, key, at)
        })
        .collect::<Vec<_>>();
    let count = rows.len();
    insert(db, rows).await?;
    Ok(count)
}

/// For each guardian who receives reports, the children of `pupils` whose current report in
/// `cycle` none of their accounts has opened.
pub async fn unopened<C: ConnectionTrait>(
    db: &C,
    cycle: i32,
    by_guardian: &HashMap<i32, Vec<i32>>,
) -> Result<HashMap<i32, BTreeSet<i32>>, AppError> {
    let reports: HashMap<i32, i32> = report::Entity::find()
        .filter(report::Column::CycleId.eq(cycle))
        .filter(report::Column::State.eq(report_state::CURRENT))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r.pupil_id))
        .collect();
    let accounts: HashMap<i32, i32> = user_account::Entity::find()
        .filter(user_account::Column::GuardianId.is_in(by_guardian.keys().copied()))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|a| a.guardian_id.map(|g| (a.id, g)))
        .collect();
    let opened: HashSet<(i32, i32)> = report_download::Entity::find()
        .filter(report_download::Column::ReportId.is_in(reports.keys().copied()))
        .filter(report_download::Column::UserId.is_in(accounts.keys().copied()))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|d| {
            let guardian = accounts.get(&d.user_id)?;
            let pupil = reports.get(&d.report_id)?;
            Some((*guardian, *pupil))
        })
        .collect();
    let with_report: HashSet<i32> = reports.values().copied().collect();
    Ok(by_guardian
        .iter()
        .map(|(guardian, pupils)| {
            let waiting = pupils
                .iter()
                .filter(|p| with_report.contains(p) && !opened.contains(&(*guardian, **p)))
                .copied()
                .collect::<BTreeSet<i32>>();
            (*guardian, waiting)
        })
        .filter(|(_, waiting)| !waiting.is_empty())
        .collect())
}

/// Queues a reminder for every guardian with a report of `cycle` not yet opened; returns how
/// many guardians. The day is in the key, so a second reminder the same day adds nothing.
pub async fn queue_reminders<C: ConnectionTrait>(
    db: &C,
    cycle: &report_cycle::Model,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let guardians = receivers(db, cycle.id, None).await?;
    let waiting = unopened(db, cycle.id, &guardians).await?;
    let day = now.format("%Y-%m-%d");
    let rows = waiting
        .keys()
        .map(|g| {
            let key = format!("report-{}-reminder-{day}-g{g}", cycle.id);
            row(cycle, *g, REMINDER_KIND, key, now)
        })
        .collect::<Vec<_>>();
    let count = rows.len();
    insert(db, rows).await?;
    Ok(count)
}

/// The children of `guardian` an e-mail about `cycle` is for: those with a current report in it
/// whose link says the guardian receives reports — for a reminder, only those not yet opened.
pub async fn children_for<C: ConnectionTrait>(
    db: &C,
    cycle: i32,
    guardian: i32,
    reminder: bool,
) -> Result<Vec<i32>, AppError> {
    let mine = receivers(db, cycle, Some(guardian)).await?;
    let Some(pupils) = mine.get(&guardian) else {
        return Ok(Vec::new());
    };
    if !reminder {
        return Ok(pupils.clone());
    }
    let waiting = unopened(db, cycle, &mine).await?;
    Ok(waiting
        .get(&guardian)
        .map(|w| w.iter().copied().collect())
        .unwrap_or_default())
}
