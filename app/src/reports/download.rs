//! `GET /reports/file/{id}?until=&sig=`: a report's PDF, through a link signed for the signed-in
//! account that lasts a short while (`links`). A guardian downloads their child's published
//! report when their link to the child says they receive reports; the office (who manage
//! reports) any report of their school, to check it. Anything else is "not found", the same
//! answer as a report that does not exist. Every download is recorded: who, which, when and
//! from where.

use super::links::{LinkProblem, Signer};
use super::report_state;
use crate::access::{Capability, CurrentActor, Scope, allowed_scope};
use crate::db::entities::{pupil, report, report_cycle, report_download};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::state::AppState;
use axum::extract::{Extension, Path, Query, State};
use axum::response::Response;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use serde::Deserialize;

/// The link's signed part.
#[derive(Deserialize)]
pub struct Signed {
    until: Option<i64>,
    sig: Option<String>,
}

/// Serves report `id` to the signed-in account the link was made for.
pub async fn serve(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentActor>,
    parts: http::request::Parts,
    Path(id): Path<i32>,
    Query(signed): Query<Signed>,
) -> Response {
    let locale = crate::i18n::negotiate::locale_for_request(&parts.headers);
    match allowed(&state, &current, &parts, id, signed).await {
        Ok(response) => response,
        Err(Refusal::Expired) => expired_page(locale),
        Err(Refusal::App(err)) => crate::roster::documents::error_page(err, locale),
    }
}

enum Refusal {
    Expired,
    App(AppError),
}

impl From<AppError> for Refusal {
    fn from(err: AppError) -> Self {
        Refusal::App(err)
    }
}

impl From<sea_orm::DbErr> for Refusal {
    fn from(err: sea_orm::DbErr) -> Self {
        Refusal::App(err.into())
    }
}

async fn allowed(
    state: &AppState,
    current: &CurrentActor,
    parts: &http::request::Parts,
    id: i32,
    signed: Signed,
) -> Result<Response, Refusal> {
    let actor = current.0.clone().ok_or(AppError::SignInRequired)?;
    let (Some(until), Some(sig)) = (signed.until, signed.sig) else {
        return Err(AppError::NotFound.into());
    };
    let now = Utc::now();
    match Signer::load(&state.db)
        .await?
        .check(id, actor.user_id, until, &sig, now)
    {
        Ok(()) => {}
        Err(LinkProblem::Expired) => return Err(Refusal::Expired),
        Err(LinkProblem::Forged) => return Err(AppError::NotFound.into()),
    }
    let report = report::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .filter(|r| r.school_id == actor.school_id)
        .ok_or(AppError::NotFound)?;
    let cycle = report_cycle::Entity::find_by_id(report.cycle_id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let office = allowed_scope(&actor.roles, Capability::ReportManage) == Some(Scope::WholeSchool);
    let family = match actor.guardian_id {
        Some(guardian) if allowed_scope(&actor.roles, Capability::ReportRead).is_some() => {
            report.state == report_state::CURRENT
                && super::family::published(&cycle, now)
                && super::family::receiving(&state.db, guardian)
                    .await?
                    .contains(&report.pupil_id)
        }
        _ => false,
    };
    if !office && !family {
        return Err(AppError::NotFound.into());
    }
    report_download::ActiveModel {
        report_id: Set(report.id),
        user_id: Set(actor.user_id),
        at: Set(now),
        client_address: Set(crate::auth::request::client_address(parts)),
        user_agent: Set(parts
            .headers
            .get(http::header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .chars()
            .take(300)
            .collect()),
        ..Default::default()
    }
    .insert(&state.db)
    .await?;
    let child = pupil::Entity::find_by_id(report.pupil_id)
        .one(&state.db)
        .await?
        .map(|p| crate::roster::display_name(&p))
        .unwrap_or_default();
    let name = crate::storage::upload::clean_name(&format!("{} - {child}.pdf", cycle.name));
    Ok(
        crate::storage::upload::download(&state.files, &report.file_key, &name, "application/pdf")
            .await?,
    )
}

/// An expired link: what to do instead, in the reader's language.
fn expired_page(locale: Locale) -> Response {
    let mut response = crate::roster::documents::message_page(
        locale,
        crate::msg!(locale, "reports-link-expired"),
        (super::REPORTS_PATH, crate::msg!(locale, "nav-reports")),
    );
    *response.status_mut() = http::StatusCode::GONE;
    response
}
