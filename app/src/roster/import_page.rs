//! The office's roster import pages: choose the MIS export, see every row's problems and what
//! would change, then import it — all rows or none. Server-rendered staff documents.

use super::documents::{Head, error_page, whole_school};
use super::import::{self, Problem, Report};
use crate::access::{Actor, Capability, CurrentActor};
use crate::db::entities::roster_upload;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::msg;
use crate::state::AppState;
use axum::extract::{Extension, Form, Multipart, State};
use axum::response::{IntoResponse, Response};
use chrono::{Duration, Utc};
use leptos::prelude::*;
use rand::RngCore;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex};

/// How long an uploaded file waits for its "Import".
const UPLOAD_KEPT_HOURS: i64 = 24;

/// The import button's form: which checked upload to import.
#[derive(serde::Deserialize)]
pub struct ImportForm {
    /// The upload's id from the preview page.
    pub upload: String,
}

fn importer(current: &CurrentActor) -> Result<Arc<Actor>, AppError> {
    whole_school(current, Capability::RosterImport)
}

fn upload_form(locale: Locale) -> impl IntoView + use<> {
    view! {
        <form class="roster-upload" method="post" action="/admin/roster/preview" enctype="multipart/form-data">
            <div class="field">
                <label for="roster-file">{msg!(locale, "roster-file")}</label>
                <input id="roster-file" name="file" type="file" accept=".csv,text/csv" required/>
            </div>
            <button class="button" type="submit">{msg!(locale, "roster-check")}</button>
        </form>
    }
}

/// A roster page: the title, then `body`; `refresh_seconds` reloads it (the progress page).
fn document(
    state: &AppState,
    locale: Locale,
    refresh_seconds: Option<u32>,
    body: impl IntoView,
) -> Response {
    let title = msg!(locale, "roster-title");
    let head = Head {
        css: &state.assets.css,
        refresh_seconds,
    };
    let main = view! { <main class="letters-admin"><h1>{title.clone()}</h1>{body}</main> };
    super::documents::document(locale, title, head, main)
}

/// `GET /admin/roster`: the file picker.
pub async fn start(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentActor>,
    headers: http::HeaderMap,
) -> Response {
    let locale = crate::i18n::negotiate::locale_for_request(&headers);
    if let Err(err) = importer(&current) {
        return error_page(err, locale);
    }
    let body = view! { <p>{msg!(locale, "roster-intro")}</p> {upload_form(locale)} };
    document(&state, locale, None, body)
}

/// `POST /admin/roster/preview`: checks the uploaded file and shows what importing would do.
pub async fn preview(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentActor>,
    headers: http::HeaderMap,
    mut multipart: Multipart,
) -> Response {
    let locale = crate::i18n::negotiate::locale_for_request(&headers);
    let actor = match importer(&current) {
        Ok(actor) => actor,
        Err(err) => return error_page(err, locale),
    };
    let mut data = None;
    while let Ok(Some(field)) = multipart.next_field().await {
        if field.name() == Some("file") {
            data = field.bytes().await.ok();
        }
    }
    let Some(data) = data.filter(|d| !d.is_empty()) else {
        return error_page(
            AppError::invalid("file", crate::error::FieldProblem::Required),
            locale,
        );
    };
    let report = match import::preview(&state.db, actor.school_id, &data).await {
        Ok(report) => report,
        Err(err) => return error_page(err.into(), locale),
    };
    let next = if report.problems.is_empty() {
        match keep_upload(&state, &actor, &data).await {
            Ok(id) => view! {
                <form method="post" action="/admin/roster/import">
                    <input type="hidden" name="upload" value=id/>
                    <button class="button" type="submit">{msg!(locale, "roster-import")}</button>
                </form>
            }
            .into_any(),
            Err(err) => return error_page(err, locale),
        }
    } else {
        view! {
            {problems_table(locale, &report)}
            <h2>{msg!(locale, "roster-choose-again")}</h2>
            {upload_form(locale)}
        }
        .into_any()
    };
    document(
        &state,
        locale,
        None,
        view! { {summary(locale, &report)} {next} },
    )
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

/// `POST /admin/roster/import`: starts importing a checked upload (one transaction, in the
/// background) and sends the office to its progress page.
pub async fn commit(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentActor>,
    headers: http::HeaderMap,
    Form(form): Form<ImportForm>,
) -> Response {
    let locale = crate::i18n::negotiate::locale_for_request(&headers);
    let actor = match importer(&current) {
        Ok(actor) => actor,
        Err(err) => return error_page(err, locale),
    };
    let progress_page = format!("/admin/roster/progress?upload={}", form.upload);
    if job(&form.upload).is_some_and(|j| j.user_id == actor.user_id) {
        return axum::response::Redirect::to(&progress_page).into_response();
    }
    let since = Utc::now() - Duration::hours(UPLOAD_KEPT_HOURS);
    let upload = roster_upload::Entity::find_by_id(form.upload.clone())
        .filter(roster_upload::Column::SchoolId.eq(actor.school_id))
        .filter(roster_upload::Column::UserId.eq(actor.user_id))
        .filter(roster_upload::Column::CreatedAt.gt(since))
        .one(&state.db)
        .await;
    let upload = match upload {
        Ok(Some(upload)) => upload,
        Ok(None) => return error_page(AppError::NotFound, locale),
        Err(err) => return error_page(err.into(), locale),
    };
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
    axum::response::Redirect::to(&progress_page).into_response()
}

/// Which import's progress to show.
#[derive(serde::Deserialize)]
pub struct ProgressQuery {
    /// The upload being imported.
    pub upload: String,
}

/// `GET /admin/roster/progress`: a progress bar that refreshes itself (no script) until the
/// import has finished, then the outcome.
pub async fn progress(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentActor>,
    headers: http::HeaderMap,
    axum::extract::Query(query): axum::extract::Query<ProgressQuery>,
) -> Response {
    let locale = crate::i18n::negotiate::locale_for_request(&headers);
    let actor = match importer(&current) {
        Ok(actor) => actor,
        Err(err) => return error_page(err, locale),
    };
    let Some(running) = job(&query.upload).filter(|j| j.user_id == actor.user_id) else {
        return error_page(AppError::NotFound, locale);
    };
    let outcome = running.outcome.lock().ok().and_then(|o| o.clone());
    match outcome {
        None => {
            let (done, total) = (
                running.done.load(Ordering::Relaxed),
                running.total.load(Ordering::Relaxed),
            );
            let (done_text, total_text) = (done.to_string(), total.to_string());
            let label = msg!(
                locale,
                "roster-importing",
                done = done_text.as_str(),
                total = total_text.as_str()
            );
            let body = view! {
                <label for="import-progress">{label.clone()}</label>
                <progress id="import-progress" max=total.max(1) value=done>{label}</progress>
            };
            document(&state, locale, Some(1), body)
        }
        Some(Ok(report)) => {
            let body = if report.problems.is_empty() {
                view! {
                    <p role="status">{msg!(locale, "roster-imported")}</p>
                    {summary(locale, &report)}
                }
                .into_any()
            } else {
                problems_table(locale, &report).into_any()
            };
            document(&state, locale, None, body)
        }
        Some(Err(err)) => error_page(err, locale),
    }
}

async fn keep_upload(state: &AppState, actor: &Actor, data: &[u8]) -> Result<String, AppError> {
    let text = String::from_utf8(data.to_vec())
        .map_err(|_| AppError::invalid("file", crate::error::FieldProblem::Required))?;
    let mut bytes = [0u8; 16];
    rand::rng().fill_bytes(&mut bytes);
    let id: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
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
    msg!(
        locale,
        "roster-summary",
        rows = rows.as_str(),
        added = added.as_str(),
        changed = changed.as_str(),
        unchanged = unchanged.as_str(),
        left = left.as_str(),
        guardians_added = guardians_added.as_str(),
        guardians_changed = guardians_changed.as_str()
    )
}

fn summary(locale: Locale, report: &Report) -> impl IntoView + use<> {
    view! { <p>{summary_text(locale, report)}</p> }
}

fn problems_table(locale: Locale, report: &Report) -> impl IntoView + use<> {
    let count = report.problems.len().to_string();
    let rows = report
        .problems
        .iter()
        .map(|problem| {
            view! { <tr><td>{problem.line}</td><td>{problem_text(locale, &problem.problem)}</td></tr> }
        })
        .collect_view();
    view! {
        <h2>{msg!(locale, "roster-problems-title", count = count.as_str())}</h2>
        <p>{msg!(locale, "roster-problems-intro")}</p>
        <table class="roster-problems">
            <thead><tr>
                <th scope="col">{msg!(locale, "roster-line")}</th>
                <th scope="col">{msg!(locale, "roster-problem")}</th>
            </tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
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
