//! The office's roster import: choose the MIS export, see every row's problems and what would
//! change, then import it — all rows or none — and watch its progress. The page is
//! `roster::office_pages`; this is its server side.

use super::import::{self, Problem, Report};
use super::office::whole_school;
use super::office_dto::{RosterPage, RosterStep, RowProblem};
use crate::access::{Actor, Capability, CurrentActor};
use crate::db::entities::roster_upload;
use crate::error::{AppError, FieldProblem};
use crate::i18n::{Locale, PerLocale};
use crate::msg;
use crate::posted;
use crate::state::AppState;
use chrono::{Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex};

/// How long an uploaded file waits for its "Import".
const UPLOAD_KEPT_HOURS: i64 = 24;

fn importer(current: &CurrentActor) -> Result<Arc<Actor>, AppError> {
    whole_school(current, Capability::RosterImport)
}

/// The import page's data: what a post to it came to, else the file picker.
pub async fn page() -> Result<RosterPage, AppError> {
    if let Some(answer) = posted::page(|p: &RosterPage| p.problem.as_ref()) {
        return answer;
    }
    importer(&CurrentActor(Some(crate::access::current_actor()?)))?;
    Ok(RosterPage {
        step: RosterStep::Choose,
        problem: None,
    })
}

/// `POST /admin/roster` with the MIS export (`file`): checks it and shows what importing would
/// do; a file without problems is kept for the "Import" button.
pub async fn check_file(
    state: &AppState,
    current: &CurrentActor,
    data: Option<Vec<u8>>,
) -> Result<RosterPage, AppError> {
    let actor = importer(current)?;
    let refused = |problem: AppError| RosterPage {
        step: RosterStep::Choose,
        problem: Some(problem),
    };
    let Some(data) = data.filter(|d| !d.is_empty()) else {
        return Ok(refused(AppError::invalid("file", FieldProblem::Required)));
    };
    let report = match import::preview(&state.db, actor.school_id, &data).await {
        Ok(report) => report,
        Err(err) => return Ok(refused(err.into())),
    };
    let upload = if report.problems.is_empty() {
        match keep_upload(state, &actor, &data).await {
            Ok(id) => Some(id),
            Err(err) => return Ok(refused(err)),
        }
    } else {
        None
    };
    Ok(RosterPage {
        step: RosterStep::Checked {
            summary: summary(&report),
            upload,
            problems: row_problems(&report),
        },
        problem: None,
    })
}

/// An import running in the background, watched by its progress page. Kept in this process's
/// memory: the transaction itself is all-or-nothing, so a restart mid-import loses nothing but
/// the progress bar (the office checks and imports again).
struct Job {
    user_id: i32,
    done: AtomicUsize,
    total: AtomicUsize,
    outcome: Mutex<Option<Result<Report, AppError>>>,
}

static JOBS: LazyLock<Mutex<HashMap<String, Arc<Job>>>> = LazyLock::new(Default::default);

fn job(upload: &str) -> Option<Arc<Job>> {
    JOBS.lock().ok()?.get(upload).cloned()
}

/// `POST /admin/roster` with a checked `upload`: starts importing it (one transaction, in the
/// background); the office is sent to its progress page.
pub async fn commit(
    state: &AppState,
    current: &CurrentActor,
    upload: &str,
) -> Result<(), AppError> {
    let actor = importer(current)?;
    if job(upload).is_some_and(|j| j.user_id == actor.user_id) {
        return Ok(());
    }
    let since = Utc::now() - Duration::hours(UPLOAD_KEPT_HOURS);
    let upload = roster_upload::Entity::find_by_id(upload.to_string())
        .filter(roster_upload::Column::SchoolId.eq(actor.school_id))
        .filter(roster_upload::Column::UserId.eq(actor.user_id))
        .filter(roster_upload::Column::CreatedAt.gt(since))
        .one(&state.db);
    let upload = upload.await?.ok_or(AppError::NotFound)?;
    let running = Arc::new(Job {
        user_id: actor.user_id,
        done: AtomicUsize::new(0),
        total: AtomicUsize::new(0),
        outcome: Mutex::new(None),
    });
    if let Ok(mut jobs) = JOBS.lock() {
        jobs.insert(upload.id.clone(), running.clone());
    }
    let db = state.db.clone();
    tokio::spawn(async move {
        let watch = running.clone();
        let report_progress = move |done: usize, total: usize| {
            watch.done.store(done, Ordering::Relaxed);
            watch.total.store(total, Ordering::Relaxed);
        };
        let result = import::commit_with_progress(
            &db,
            actor.school_id,
            upload.data.as_bytes(),
            &report_progress,
        )
        .await
        .map_err(AppError::from);
        if result.as_ref().is_ok_and(|r| r.problems.is_empty()) {
            if let Err(err) = roster_upload::Entity::delete_by_id(upload.id)
                .exec(&db)
                .await
            {
                tracing::warn!(error = %err, "could not delete an imported upload");
            }
            tracing::info!(by = actor.user_id, "roster imported");
        }
        if let Ok(mut outcome) = running.outcome.lock() {
            *outcome = Some(result);
        }
    });
    Ok(())
}

/// The progress page's data: a progress bar (the page reloads itself) until the import has
/// finished, then what it did.
pub async fn progress(upload: String) -> Result<RosterPage, AppError> {
    let actor = importer(&CurrentActor(Some(crate::access::current_actor()?)))?;
    let running = job(&upload)
        .filter(|j| j.user_id == actor.user_id)
        .ok_or(AppError::NotFound)?;
    let outcome = running.outcome.lock().ok().and_then(|o| o.clone());
    let step = match outcome {
        None => RosterStep::Importing {
            done: running.done.load(Ordering::Relaxed) as u32,
            total: running.total.load(Ordering::Relaxed) as u32,
        },
        Some(Ok(report)) => RosterStep::Imported {
            summary: summary(&report),
            problems: row_problems(&report),
        },
        Some(Err(err)) => return Err(err),
    };
    Ok(RosterPage {
        step,
        problem: None,
    })
}

async fn keep_upload(state: &AppState, actor: &Actor, data: &[u8]) -> Result<String, AppError> {
    let text = String::from_utf8(data.to_vec())
        .map_err(|_| AppError::invalid("file", crate::error::FieldProblem::Required))?;
    let id = crate::auth::session::random_name();
    roster_upload::Entity::delete_many()
        .filter(
            roster_upload::Column::CreatedAt.lt(Utc::now() - Duration::hours(UPLOAD_KEPT_HOURS)),
        )
        .exec(&state.db)
        .await?;
    roster_upload::ActiveModel {
        id: Set(id.clone()),
        school_id: Set(actor.school_id),
        user_id: Set(actor.user_id),
        data: Set(text),
        created_at: Set(Utc::now()),
    }
    .insert(&state.db)
    .await?;
    Ok(id)
}

/// What an import did (or would do), in a sentence in `locale`; also printed by the CLI.
pub fn summary_text(locale: Locale, report: &Report) -> String {
    let [
        rows,
        added,
        changed,
        unchanged,
        left,
        guardians_added,
        guardians_changed,
    ] = [
        report.rows,
        report.pupils_added,
        report.pupils_changed,
        report.pupils_unchanged,
        report.pupils_left,
        report.guardians_added,
        report.guardians_changed,
    ]
    .map(|v| v.to_string());
    let summary = msg!(
        locale,
        "roster-summary",
        rows = rows.as_str(),
        added = added.as_str(),
        changed = changed.as_str(),
        unchanged = unchanged.as_str(),
        left = left.as_str(),
        guardians_added = guardians_added.as_str(),
        guardians_changed = guardians_changed.as_str()
    );
    let mut parts = vec![summary];
    if report.posts_withheld > 0 {
        parts.push(crate::msg_count!(
            locale,
            "roster-posts-withheld",
            report.posts_withheld as u32
        ));
    }
    if !report.overwrites.is_empty() {
        let each: Vec<String> = report
            .overwrites
            .iter()
            .map(|o| {
                let what: Vec<String> = o
                    .fields
                    .iter()
                    .map(|f| super::contact::label(locale, f))
                    .collect();
                let what = crate::i18n::list(locale, &what);
                let date = crate::dates::date(locale, o.approved_on);
                msg!(
                    locale,
                    "roster-overwrite",
                    name = o.name.as_str(),
                    date = date.as_str(),
                    fields = what.as_str()
                )
            })
            .collect();
        parts.push(msg!(locale, "roster-overwrites"));
        parts.push(each.join(" "));
    }
    parts.join(" ")
}

fn summary(report: &Report) -> PerLocale<String> {
    PerLocale::build(|locale| summary_text(locale, report))
}

fn row_problems(report: &Report) -> Vec<RowProblem> {
    report
        .problems
        .iter()
        .map(|problem| RowProblem {
            line: problem.line as u32,
            text: PerLocale::build(|locale| problem_text(locale, &problem.problem)),
        })
        .collect()
}

/// A problem in the office's language.
pub fn problem_text(locale: Locale, problem: &Problem) -> String {
    match problem {
        Problem::NoCurrentYear => msg!(locale, "roster-problem-no-current-year"),
        Problem::Header => msg!(locale, "roster-problem-header"),
        Problem::Malformed => msg!(locale, "roster-problem-malformed"),
        Problem::Missing(field) => {
            let field: &str = field;
            msg!(locale, "roster-problem-missing", field = field)
        }
        Problem::BadDate => msg!(locale, "roster-problem-bad-date"),
        Problem::UnknownYearGroup(v) => msg!(
            locale,
            "roster-problem-unknown-year-group",
            value = v.as_str()
        ),
        Problem::UnknownClass(v) => {
            msg!(locale, "roster-problem-unknown-class", value = v.as_str())
        }
        Problem::DuplicatePupil(v) => {
            msg!(locale, "roster-problem-duplicate-pupil", value = v.as_str())
        }
        Problem::DuplicateGuardian(v) => msg!(
            locale,
            "roster-problem-duplicate-guardian",
            value = v.as_str()
        ),
        Problem::MissingGuardian => msg!(locale, "roster-problem-missing-guardian"),
        Problem::BadConsent(v) => msg!(locale, "roster-problem-bad-consent", value = v.as_str()),
        Problem::BadFlag(field) => {
            let field: &str = field;
            msg!(locale, "roster-problem-bad-flag", field = field)
        }
        Problem::BadEmail => msg!(locale, "roster-problem-bad-email"),
        Problem::BadLanguage(v) => msg!(locale, "roster-problem-bad-language", value = v.as_str()),
    }
}
