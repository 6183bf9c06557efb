//! Stored photos: each kept at its widths under random keys, held for the uploader's form until
//! the post is published (so a refused post loses no photo), and served only through
//! `/news/photos/{id}/{width}` (JPEG) and `/news/photos/{id}/{width}.webp` to those who may read
//! the post.

use super::photo::{BlurBox, Processed};
use crate::access::{Actor, CurrentActor};
use crate::db::entities::news_photo;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

/// How long a photo is held for a form that was never published.
const HELD_HOURS: i64 = 24;
/// Photos never change under their address; a browser may keep one for a day, for its user only.
const PHOTO_CACHE: &str = "private, max-age=86400";

/// Where a photo's sizes were put: its widths, and the JPEG and WebP key of each, as stored.
struct Stored {
    widths: String,
    keys: String,
    webp_keys: String,
}

/// Puts `bytes` in the file store and notes the key in `stored`; on failure every key noted so
/// far is deleted, so a half-stored photo leaves nothing behind.
async fn put(state: &AppState, bytes: &[u8], stored: &mut Vec<String>) -> Result<String, AppError> {
    match state.files.put(bytes).await {
        Ok(key) => {
            stored.push(key.clone());
            Ok(key)
        }
        Err(err) => {
            tracing::error!(error = %err, "a photo could not be stored");
            delete_bytes(state, &stored.join(" ")).await;
            Err(AppError::Internal)
        }
    }
}

/// Puts every size of a processed photo, JPEG and WebP, in the file store.
async fn store(state: &AppState, processed: &Processed) -> Result<Stored, AppError> {
    let mut stored = Vec::new();
    let (mut widths, mut keys, mut webp_keys) = (Vec::new(), Vec::new(), Vec::new());
    for ((width, jpeg), webp) in processed.sizes.iter().zip(&processed.webp) {
        widths.push(width.to_string());
        keys.push(put(state, jpeg, &mut stored).await?);
        webp_keys.push(put(state, webp, &mut stored).await?);
    }
    Ok(Stored {
        widths: widths.join(" "),
        keys: keys.join(" "),
        webp_keys: webp_keys.join(" "),
    })
}

fn as_i32(n: u32) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

/// Stores a processed photo's sizes and holds it for `actor`'s form.
pub async fn hold(
    state: &AppState,
    actor: &Actor,
    processed: Processed,
) -> Result<news_photo::Model, AppError> {
    let stored = store(state, &processed).await?;
    Ok(news_photo::ActiveModel {
        school_id: Set(actor.school_id),
        post_id: Set(None),
        uploaded_by: Set(actor.user_id),
        position: Set(0),
        width: Set(as_i32(processed.width)),
        height: Set(as_i32(processed.height)),
        widths: Set(stored.widths),
        storage_keys: Set(stored.keys),
        webp_keys: Set(Some(stored.webp_keys)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&state.db)
    .await?)
}

/// Blurs `boxes` in a held photo: every size is made again from the blurred widest one under a
/// new id (so no browser shows a copy it kept of the old one), and the old photo is deleted,
/// bytes and all, so nothing under a box is kept anywhere.
pub async fn blur(
    state: &AppState,
    photo: news_photo::Model,
    boxes: Vec<BlurBox>,
) -> Result<news_photo::Model, AppError> {
    let widest = photo
        .storage_keys
        .split(' ')
        .next_back()
        .unwrap_or_default();
    let bytes = state.files.get(widest).await.map_err(|e| {
        tracing::error!(error = %e, "a held photo is missing from the store");
        AppError::NotFound
    })?;
    let processed = super::photo::blur_blocking(bytes, boxes)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "a stored photo could not be blurred");
            AppError::Internal
        })?;
    let stored = store(state, &processed).await?;
    let blurred = news_photo::ActiveModel {
        school_id: Set(photo.school_id),
        post_id: Set(None),
        uploaded_by: Set(photo.uploaded_by),
        position: Set(photo.position),
        width: Set(photo.width),
        height: Set(photo.height),
        widths: Set(stored.widths),
        storage_keys: Set(stored.keys),
        webp_keys: Set(Some(stored.webp_keys)),
        created_at: Set(photo.created_at),
        ..Default::default()
    }
    .insert(&state.db)
    .await?;
    delete(state, vec![photo]).await?;
    Ok(blurred)
}

/// Deletes every stored size of `photo`, JPEG and WebP.
pub(super) async fn delete_sizes(state: &AppState, photo: &news_photo::Model) {
    delete_bytes(state, &photo.storage_keys).await;
    if let Some(webp) = &photo.webp_keys {
        delete_bytes(state, webp).await;
    }
}

async fn delete_bytes(state: &AppState, keys: &str) {
    for key in keys.split(' ').filter(|k| !k.is_empty()) {
        if let Err(e) = state.files.delete(key).await {
            tracing::warn!(error = %e, "a photo's bytes were not deleted");
        }
    }
}

/// The photos `actor` holds among `ids` (theirs, in their school, on no post yet, not expired),
/// in upload order; any other id is ignored, so a form cannot claim another's photo.
pub async fn held(
    state: &AppState,
    actor: &Actor,
    ids: &[i32],
) -> Result<Vec<news_photo::Model>, AppError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(news_photo::Entity::find()
        .filter(news_photo::Column::Id.is_in(ids.to_vec()))
        .filter(news_photo::Column::PostId.is_null())
        .filter(news_photo::Column::UploadedBy.eq(actor.user_id))
        .filter(news_photo::Column::SchoolId.eq(actor.school_id))
        .filter(news_photo::Column::CreatedAt.gt(Utc::now() - Duration::hours(HELD_HOURS)))
        .order_by_asc(news_photo::Column::Id)
        .all(&state.db)
        .await?)
}

/// Deletes photos, rows and bytes.
pub async fn delete(state: &AppState, photos: Vec<news_photo::Model>) -> Result<(), AppError> {
    for photo in photos {
        news_photo::Entity::delete_by_id(photo.id)
            .exec(&state.db)
            .await?;
        delete_sizes(state, &photo).await;
    }
    Ok(())
}

/// Photos held for forms never published, once they have waited [`HELD_HOURS`]; run once per
/// post that brings photos.
pub async fn sweep(state: &AppState, now: DateTime<Utc>) -> Result<(), AppError> {
    let expired = news_photo::Entity::find()
        .filter(news_photo::Column::PostId.is_null())
        .filter(news_photo::Column::CreatedAt.lt(now - Duration::hours(HELD_HOURS)))
        .all(&state.db)
        .await?;
    delete(state, expired).await
}

/// `GET /news/photos/{id}/{width}` (JPEG) or `/news/photos/{id}/{width}.webp`: the photo at that
/// stored width, or the error page.
pub async fn serve(
    State(state): State<AppState>,
    axum::extract::Extension(current): axum::extract::Extension<CurrentActor>,
    headers: http::HeaderMap,
    Path((id, size)): Path<(i32, String)>,
) -> Response {
    let (width, webp) = match size.strip_suffix(".webp") {
        Some(width) => (width.parse().ok(), true),
        None => (size.parse().ok(), false),
    };
    let answer = match width {
        Some(width) => photo(&state, &current, id, width, webp).await,
        None => Err(AppError::NotFound),
    };
    match answer {
        Ok(response) => response,
        Err(err) => crate::roster::documents::error_page(
            err,
            crate::i18n::negotiate::locale_for_request(&headers),
        ),
    }
}

async fn photo(
    state: &AppState,
    current: &CurrentActor,
    id: i32,
    width: u32,
    webp: bool,
) -> Result<Response, AppError> {
    let actor = current.0.clone().ok_or(AppError::SignInRequired)?;
    let photo = news_photo::Entity::find_by_id(id)
        .filter(news_photo::Column::SchoolId.eq(actor.school_id))
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    match photo.post_id {
        Some(post) => {
            super::reader::readable(&state.db, &actor, post).await?;
        }
        // A held photo is its uploader's alone until published.
        None if photo.uploaded_by == actor.user_id => {}
        None => return Err(AppError::NotFound),
    }
    let (keys, content_type) = match (webp, &photo.webp_keys) {
        (false, _) => (photo.storage_keys.as_str(), "image/jpeg"),
        (true, Some(keys)) => (keys.as_str(), "image/webp"),
        // Stored before photos were kept as WebP: only the JPEG exists.
        (true, None) => return Err(AppError::NotFound),
    };
    let key = photo
        .widths
        .split(' ')
        .zip(keys.split(' '))
        .find(|(w, _)| w.parse() == Ok(width))
        .map(|(_, key)| key)
        .ok_or(AppError::NotFound)?;
    let bytes = state.files.get(key).await.map_err(|e| {
        tracing::error!(error = %e, key, "a photo is missing from the store");
        AppError::NotFound
    })?;
    Ok((
        [
            (http::header::CONTENT_TYPE, content_type),
            (http::header::CACHE_CONTROL, PHOTO_CACHE),
        ],
        bytes,
    )
        .into_response())
}
