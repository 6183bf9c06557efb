//! A family's reports (`/reports`): each child's published reports, by school year, newest
//! first, for the children the switcher shows — only those the guardian's link to the child
//! says they receive reports for. A separated parent without that right sees no sign of the
//! child's reports: the child is simply not listed.

use super::dto::{ChildReports, FamilyReports, ReportLink, ReportYear};
use super::links::Signer;
use super::{cycle_state, report_state};
use crate::access::{Actor, Capability, authorize};
use crate::db::entities::{academic_year, guardian_pupil, report, report_cycle, report_download};
use crate::error::AppError;
use crate::i18n::PerLocale;
use crate::msg;
use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::{HashMap, HashSet};

/// The signed-in guardian's reports.
pub async fn page() -> Result<FamilyReports, AppError> {
    let granted = authorize(Capability::ReportRead)?;
    let state = crate::state::app_state()?;
    listed(&state.db, &granted.actor).await
}

/// The pupils whose reports `guardian_id` receives.
pub async fn receiving<C: ConnectionTrait>(
    db: &C,
    guardian_id: i32,
) -> Result<HashSet<i32>, AppError> {
    Ok(guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::GuardianId.eq(guardian_id))
        .filter(guardian_pupil::Column::ReceivesReports.eq(true))
        .all(db)
        .await?
        .into_iter()
        .map(|link| link.pupil_id)
        .collect())
}

/// The notification centre's entries for reports: each report the guardian receives that families
/// see at `now`, published in the last [`NOTIFIED_DAYS`], with when it was published (for the
/// order) — unread until this account opens it.
pub async fn notifications<C: ConnectionTrait>(
    db: &C,
    actor: &Actor,
    guardian: i32,
    now: chrono::DateTime<Utc>,
) -> Result<Vec<(chrono::DateTime<Utc>, crate::notices::NotificationItem)>, AppError> {
    use crate::notices::{NotificationItem, TitleText};
    let receiving = receiving(db, guardian).await?;
    let names: HashMap<i32, String> = actor
        .children
        .iter()
        .filter(|c| receiving.contains(&c.membership.pupil_id))
        .map(|c| (c.membership.pupil_id, c.name.clone()))
        .collect();
    let since = now - chrono::Duration::days(NOTIFIED_DAYS);
    let cycles: HashMap<i32, report_cycle::Model> = report_cycle::Entity::find()
        .filter(report_cycle::Column::SchoolId.eq(actor.school_id))
        .filter(report_cycle::Column::State.eq(cycle_state::PUBLISHED))
        .filter(report_cycle::Column::PublishedAt.gte(since))
        .filter(report_cycle::Column::PublishedAt.lte(now))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    if cycles.is_empty() || names.is_empty() {
        return Ok(Vec::new());
    }
    let reports = report::Entity::find()
        .filter(report::Column::CycleId.is_in(cycles.keys().copied()))
        .filter(report::Column::PupilId.is_in(names.keys().copied()))
        .filter(report::Column::State.eq(report_state::CURRENT))
        .all(db)
        .await?;
    let opened: HashSet<i32> = report_download::Entity::find()
        .filter(report_download::Column::UserId.eq(actor.user_id))
        .filter(report_download::Column::ReportId.is_in(reports.iter().map(|r| r.id)))
        .all(db)
        .await?
        .into_iter()
        .map(|d| d.report_id)
        .collect();
    let school = crate::db::entities::school::Entity::find_by_id(actor.school_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let zone = school.timezone.clone();
    Ok(reports
        .iter()
        .filter_map(|r| {
            let cycle = cycles.get(&r.cycle_id)?;
            let at = cycle.published_at?;
            let child = names.get(&r.pupil_id)?;
            let item = NotificationItem {
                href: super::REPORTS_PATH.to_string(),
                kind: Some(PerLocale::build(|l| msg!(l, "notification-new-report"))),
                // The office writes a cycle's name in the school's language.
                titles: vec![TitleText {
                    language: school.default_locale.clone(),
                    title: format!("{} · {child}", cycle.name),
                }],
                reminder: false,
                when: PerLocale::build(|l| crate::dates::date_time(l, &zone, at)),
                unread: !opened.contains(&r.id),
            };
            Some((at, item))
        })
        .collect())
}

/// How long a published report stays in the notification centre.
pub const NOTIFIED_DAYS: i64 = 30;

/// How many of `pupils`' reports that `guardian` receives and families see at `now` the account
/// `user` has not opened yet: the number on the Reports tab. One statement, as it runs for every
/// page a guardian opens.
pub async fn unopened_count<C: ConnectionTrait>(
    db: &C,
    guardian: i32,
    user: i32,
    pupils: &[i32],
    now: chrono::DateTime<Utc>,
) -> Result<u32, sea_orm::DbErr> {
    if pupils.is_empty() {
        return Ok(0);
    }
    let mut sql = crate::db::sql::Sql::new(db.get_database_backend());
    sql.push(
        "SELECT COUNT(*) FROM report r \
         JOIN report_cycle c ON c.id = r.cycle_id \
         JOIN guardian_pupil g ON g.pupil_id = r.pupil_id AND g.guardian_id = ",
    )
    .bind(guardian)
    .push(" AND g.receives_reports = ")
    .bind(true)
    .push(" WHERE r.state = ")
    .bind(report_state::CURRENT)
    .push(" AND c.state = ")
    .bind(cycle_state::PUBLISHED)
    .push(" AND c.published_at <= ")
    .bind(now)
    .push(" AND r.pupil_id IN (")
    .bind_list(pupils.iter().copied())
    .push(
        ") AND NOT EXISTS (SELECT 1 FROM report_download d \
         WHERE d.report_id = r.id AND d.user_id = ",
    )
    .bind(user)
    .push(")");
    let row = db.query_one_raw(sql.statement()).await?;
    let count: i64 = match row {
        Some(row) => row.try_get_by_index(0)?,
        None => 0,
    };
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// Whether families see `cycle` at `now`: published, and its publish time come.
pub fn published(cycle: &report_cycle::Model, now: chrono::DateTime<Utc>) -> bool {
    cycle.state == cycle_state::PUBLISHED && cycle.published_at.is_some_and(|at| at <= now)
}

async fn listed<C: ConnectionTrait>(db: &C, actor: &Actor) -> Result<FamilyReports, AppError> {
    let guardian = actor.guardian_id.ok_or(AppError::Forbidden)?;
    let receiving = receiving(db, guardian).await?;
    let children: Vec<(i32, String)> = actor
        .children
        .iter()
        .filter(|c| {
            actor
                .selected_child
                .is_none_or(|chosen| chosen == c.membership.pupil_id)
        })
        .filter(|c| receiving.contains(&c.membership.pupil_id))
        .map(|c| (c.membership.pupil_id, c.name.clone()))
        .collect();
    let pupils: Vec<i32> = children.iter().map(|(id, _)| *id).collect();
    let now = Utc::now();
    let reports = report::Entity::find()
        .filter(report::Column::PupilId.is_in(pupils))
        .filter(report::Column::State.eq(report_state::CURRENT))
        .all(db)
        .await?;
    let cycles: HashMap<i32, report_cycle::Model> = report_cycle::Entity::find()
        .filter(report_cycle::Column::Id.is_in(reports.iter().map(|r| r.cycle_id)))
        .all(db)
        .await?
        .into_iter()
        .filter(|c| published(c, now))
        .map(|c| (c.id, c))
        .collect();
    let years: HashMap<i32, academic_year::Model> = academic_year::Entity::find()
        .filter(academic_year::Column::Id.is_in(cycles.values().map(|c| c.academic_year_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|y| (y.id, y))
        .collect();
    let opened: HashSet<i32> = report_download::Entity::find()
        .filter(report_download::Column::UserId.eq(actor.user_id))
        .filter(report_download::Column::ReportId.is_in(reports.iter().map(|r| r.id)))
        .all(db)
        .await?
        .into_iter()
        .map(|d| d.report_id)
        .collect();
    let zone = actor.zone.clone();
    let signer = Signer::load(db).await?;
    let children = children
        .into_iter()
        .map(|(pupil, name)| {
            let mut mine: Vec<(&report::Model, &report_cycle::Model)> = reports
                .iter()
                .filter(|r| r.pupil_id == pupil)
                .filter_map(|r| cycles.get(&r.cycle_id).map(|c| (r, c)))
                .collect();
            // Newest first: by the year's start, then by when each was published.
            mine.sort_by_key(|(_, c)| {
                let starts = years.get(&c.academic_year_id).map(|y| y.starts_on);
                std::cmp::Reverse((starts, c.published_at, c.id))
            });
            let mut grouped: Vec<ReportYear> = Vec::new();
            for (report, cycle) in mine {
                let year = years
                    .get(&cycle.academic_year_id)
                    .map(|y| y.name.clone())
                    .unwrap_or_default();
                let link = link(&signer, actor.user_id, report, cycle, &zone, &opened, now);
                match grouped.last_mut() {
                    Some(last) if last.year == year => last.reports.push(link),
                    _ => grouped.push(ReportYear {
                        year,
                        reports: vec![link],
                    }),
                }
            }
            ChildReports {
                name,
                years: grouped,
            }
        })
        .collect();
    Ok(FamilyReports {
        children,
        words: [
            PerLocale::build(|l| msg!(l, "reports-heading")),
            PerLocale::build(|l| msg!(l, "reports-none")),
            PerLocale::build(|l| msg!(l, "reports-new")),
            PerLocale::build(|l| msg!(l, "reports-links-note")),
        ],
    })
}

fn link(
    signer: &Signer,
    user: i32,
    report: &report::Model,
    cycle: &report_cycle::Model,
    zone: &str,
    opened: &HashSet<i32>,
    now: chrono::DateTime<Utc>,
) -> ReportLink {
    let size = i64::from(report.size);
    ReportLink {
        name: cycle.name.clone(),
        about: PerLocale::build(|l| {
            let kind = super::cycles::kind_name(l, &cycle.kind);
            let date = cycle
                .published_at
                .map(|at| crate::dates::date_time(l, zone, at))
                .unwrap_or_default();
            msg!(
                l,
                "reports-published-on",
                kind = kind.as_str(),
                date = date.as_str()
            )
        }),
        href: signer.href(report.id, user, now),
        download: PerLocale::build(|l| {
            let size = crate::storage::upload::size_text(l, size);
            msg!(l, "reports-download", size = size.as_str())
        }),
        new: !opened.contains(&report.id),
        corrected: report.replaces_id.map(|_| {
            PerLocale::build(|l| {
                let date = crate::dates::date_time(l, zone, report.uploaded_at);
                msg!(l, "reports-corrected-on", date = date.as_str())
            })
        }),
    }
}
