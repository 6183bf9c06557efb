//! A notice's attachments: the access-checked download (what may be uploaded is
//! [`crate::storage::upload`]).

use crate::access::CurrentActor;
use crate::db::entities::notice_attachment;
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::upload::download as file_download;
use axum::extract::{Path, State};
use axum::response::Response;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

/// `GET /notices/{id}/files/{file}`: the file, if the signed-in user may read the notice.
pub async fn download(
    State(state): State<AppState>,
    axum::extract::Extension(current): axum::extract::Extension<CurrentActor>,
    headers: http::HeaderMap,
    Path((notice_id, file_id)): Path<(i32, i32)>,
) -> Response {
    match serve_file(&state, &current, notice_id, file_id).await {
        Ok(response) => response,
        Err(err) => crate::roster::documents::error_page(
            err,
            crate::i18n::negotiate::locale_for_request(&headers),
        ),
    }
}

async fn serve_file(
    state: &AppState,
    current: &CurrentActor,
    notice_id: i32,
    file_id: i32,
) -> Result<Response, AppError> {
    let actor = current.0.clone().ok_or(AppError::SignInRequired)?;
    super::staff::access::readable_notice(&state.db, &actor, notice_id).await?;
    let file = notice_attachment::Entity::find_by_id(file_id)
        .filter(notice_attachment::Column::NoticeId.eq(notice_id))
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    file_download(
        &state.files,
        &file.storage_key,
        &file.file_name,
        &file.content_type,
    )
    .await
}
