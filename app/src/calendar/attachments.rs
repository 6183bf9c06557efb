//! Files on events (a trip letter, a kit list). The event form uploads them with its other
//! fields; a file arriving with a form that cannot be saved yet is checked, stored and held for
//! its uploader (no event), and the form carries it on, so a refused save loses no file. The
//! save attaches what is held and removes what was ticked for removal.

use crate::access::Actor;
use crate::db::entities::event_attachment;
use crate::error::AppError;
use crate::notices::staff::compose::typed::problem;
use crate::notices::{AttachedFile, AttachmentLink, FormProblem};
use crate::state::AppState;
use crate::storage::upload::{self, UploadProblem};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

/// How long a file is held for a form that was never saved.
const HELD_HOURS: i64 = 24;

pub use crate::storage::upload::Upload;

/// The files of `event_id`, oldest first.
pub async fn of_event<C: sea_orm::ConnectionTrait>(
    db: &C,
    event_id: i32,
) -> Result<Vec<event_attachment::Model>, sea_orm::DbErr> {
    event_attachment::Entity::find()
        .filter(event_attachment::Column::EventId.eq(event_id))
        .order_by_asc(event_attachment::Column::Id)
        .all(db)
        .await
}

/// The event's files as download links for its page.
pub async fn links<C: sea_orm::ConnectionTrait>(
    db: &C,
    event_id: i32,
) -> Result<Vec<AttachmentLink>, sea_orm::DbErr> {
    Ok(of_event(db, event_id)
        .await?
        .into_iter()
        .map(|f| AttachmentLink {
            href: format!("/calendar/{event_id}/files/{}", f.id),
            name: f.file_name,
            kb: upload::kilobytes(f.size_bytes),
        })
        .collect())
}

/// The files `actor` holds among `ids` (uploaded by them, in their school, on no event yet and
/// not expired); any other id is ignored, so a form cannot claim another's file.
async fn held(
    state: &AppState,
    actor: &Actor,
    ids: &[i32],
) -> Result<Vec<event_attachment::Model>, AppError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(event_attachment::Entity::find()
        .filter(event_attachment::Column::Id.is_in(ids.to_vec()))
        .filter(event_attachment::Column::EventId.is_null())
        .filter(event_attachment::Column::UploadedBy.eq(actor.user_id))
        .filter(event_attachment::Column::SchoolId.eq(actor.school_id))
        .filter(event_attachment::Column::CreatedAt.gt(Utc::now() - Duration::hours(HELD_HOURS)))
        .order_by_asc(event_attachment::Column::Id)
        .all(&state.db)
        .await?)
}

/// The form's files: the event's, then those held for this form.
pub async fn listed(
    state: &AppState,
    actor: &Actor,
    event_id: Option<i32>,
    held_ids: &[i32],
) -> Result<Vec<AttachedFile>, AppError> {
    let mut files = match event_id {
        Some(id) => of_event(&state.db, id).await?,
        None => Vec::new(),
    };
    files.extend(held(state, actor, held_ids).await?);
    Ok(files
        .into_iter()
        .map(|f| AttachedFile {
            id: f.id,
            name: f.file_name,
        })
        .collect())
}

/// Checks and stores `uploads`, held for `actor`; returns the held files' ids and a problem for
/// each refused file (by its name), so everything else typed is kept. `already` is how many files
/// the form has before these.
pub async fn hold(
    state: &AppState,
    actor: &Actor,
    uploads: Vec<Upload>,
    already: usize,
    now: DateTime<Utc>,
) -> Result<(Vec<i32>, Vec<FormProblem>), AppError> {
    let mut ids = Vec::new();
    let mut problems = Vec::new();
    if uploads.is_empty() {
        return Ok((ids, problems));
    }
    sweep(state, now).await?;
    for Upload { name, bytes } in uploads {
        let name = upload::clean_name(&name);
        let checked = if already + ids.len() >= upload::MAX_ATTACHMENTS {
            Err(UploadProblem::Count)
        } else {
            upload::check(&bytes)
        };
        let content_type = match checked {
            Ok(content_type) => content_type,
            Err(refused) => {
                problems.push(problem("file", |l| {
                    format!("{}: {}", name, refused.message(l))
                }));
                continue;
            }
        };
        let key = state.files.put(&bytes).await.map_err(|e| {
            tracing::error!(error = %e, "storing an event's file failed");
            AppError::Internal
        })?;
        let row = event_attachment::ActiveModel {
            school_id: sea_orm::Set(actor.school_id),
            event_id: sea_orm::Set(None),
            uploaded_by: sea_orm::Set(actor.user_id),
            file_name: sea_orm::Set(name),
            content_type: sea_orm::Set(content_type.to_string()),
            size_bytes: sea_orm::Set(bytes.len() as i64),
            storage_key: sea_orm::Set(key),
            created_at: sea_orm::Set(now),
            ..Default::default()
        };
        let inserted = event_attachment::Entity::insert(row)
            .exec(&state.db)
            .await?;
        ids.push(inserted.last_insert_id);
    }
    Ok((ids, problems))
}

/// How many files the form would leave on the event: the event's and the held ones, less those
/// ticked for removal.
pub async fn count(
    state: &AppState,
    actor: &Actor,
    event_id: Option<i32>,
    held_ids: &[i32],
    removed: &[i32],
) -> Result<usize, AppError> {
    Ok(listed(state, actor, event_id, held_ids)
        .await?
        .iter()
        .filter(|f| !removed.contains(&f.id))
        .count())
}

/// On a save of `event_id`: the held files join the event, and the files ticked for removal (the
/// event's or held ones) go, bytes and all.
pub async fn commit(
    state: &AppState,
    actor: &Actor,
    event_id: i32,
    held_ids: &[i32],
    removed: &[i32],
) -> Result<(), AppError> {
    let mut doomed: Vec<event_attachment::Model> = of_event(&state.db, event_id)
        .await?
        .into_iter()
        .filter(|f| removed.contains(&f.id))
        .collect();
    for file in held(state, actor, held_ids).await? {
        if removed.contains(&file.id) {
            doomed.push(file);
        } else {
            event_attachment::Entity::update_many()
                .col_expr(
                    event_attachment::Column::EventId,
                    sea_orm::sea_query::Expr::value(event_id),
                )
                .filter(event_attachment::Column::Id.eq(file.id))
                .exec(&state.db)
                .await?;
        }
    }
    delete(state, doomed).await
}

/// Files held for forms never saved, once they have waited [`HELD_HOURS`].
async fn sweep(state: &AppState, now: DateTime<Utc>) -> Result<(), AppError> {
    let expired = event_attachment::Entity::find()
        .filter(event_attachment::Column::EventId.is_null())
        .filter(event_attachment::Column::CreatedAt.lt(now - Duration::hours(HELD_HOURS)))
        .all(&state.db)
        .await?;
    delete(state, expired).await
}

async fn delete(state: &AppState, files: Vec<event_attachment::Model>) -> Result<(), AppError> {
    for file in files {
        event_attachment::Entity::delete_by_id(file.id)
            .exec(&state.db)
            .await?;
        if let Err(e) = state.files.delete(&file.storage_key).await {
            tracing::warn!(error = %e, "a removed event file's bytes were not deleted");
        }
    }
    Ok(())
}
