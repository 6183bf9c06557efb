//! One event's downloads, each only for a signed-in user who may read the event:
//! `GET /calendar/{id}/event.ics` for "Add to my calendar", in their language where the school
//! translated it, and `GET /calendar/{id}/files/{file}`, a file on the event.

use super::ics::{IcsText, file_name, one_event};
use super::reader::readable;
use super::store;
use crate::access::{Capability, CurrentActor, allowed_scope};
use crate::db::entities::event_attachment;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

/// The event's `.ics`, or the error page in the reader's language.
pub async fn event_ics(
    State(state): State<AppState>,
    axum::extract::Extension(current): axum::extract::Extension<CurrentActor>,
    headers: http::HeaderMap,
    Path(id): Path<i32>,
) -> Response {
    let locale = crate::i18n::negotiate::locale_for_request(&headers);
    match answer(&state, &current, id, locale).await {
        Ok(response) => response,
        Err(err) => crate::roster::documents::error_page(err, locale),
    }
}

async fn answer(
    state: &AppState,
    current: &CurrentActor,
    id: i32,
    locale: crate::i18n::Locale,
) -> Result<Response, AppError> {
    let actor = current.0.clone().ok_or(AppError::SignInRequired)?;
    let scope = allowed_scope(&actor.roles, Capability::CalendarRead).ok_or(AppError::NotFound)?;
    let event = readable(&state.db, &actor, scope, id).await?;
    let zone = actor.zone.clone();
    let translations = store::translations(&state.db, &[event.id]).await?;
    let text = IcsText::of(&event, translations.get(&event.id), locale);
    let name = file_name(text.title);
    let body = one_event(&event, text, &zone, locale);
    Ok((
        [
            (
                http::header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_string(),
            ),
            (
                http::header::CONTENT_DISPOSITION,
                crate::storage::upload::disposition(&name),
            ),
            (http::header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        body,
    )
        .into_response())
}

/// A file on the event, or the error page in the reader's language.
pub async fn event_file(
    State(state): State<AppState>,
    axum::extract::Extension(current): axum::extract::Extension<CurrentActor>,
    headers: http::HeaderMap,
    Path((id, file_id)): Path<(i32, i32)>,
) -> Response {
    match file(&state, &current, id, file_id).await {
        Ok(response) => response,
        Err(err) => crate::roster::documents::error_page(
            err,
            crate::i18n::negotiate::locale_for_request(&headers),
        ),
    }
}

async fn file(
    state: &AppState,
    current: &CurrentActor,
    id: i32,
    file_id: i32,
) -> Result<Response, AppError> {
    let actor = current.0.clone().ok_or(AppError::SignInRequired)?;
    let scope = allowed_scope(&actor.roles, Capability::CalendarRead).ok_or(AppError::NotFound)?;
    let event = readable(&state.db, &actor, scope, id).await?;
    let file = event_attachment::Entity::find_by_id(file_id)
        .filter(event_attachment::Column::EventId.eq(event.id))
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    crate::storage::upload::download(
        &state.files,
        &file.storage_key,
        &file.file_name,
        &file.content_type,
    )
    .await
}
