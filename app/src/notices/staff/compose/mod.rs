//! Writing a notice on the server: the compose page's data (`form`), the form as typed
//! (`typed`), and the form post, which saves on every button press so a refused publish loses
//! nothing — then checks the reach, keeps the draft or publishes, as the pressed button says.

mod form;
pub mod typed;

pub use form::{ComposeAnswer, autosave, choices, load, reach_of};

use crate::access::{Actor, Capability, CurrentActor, Scope};
use crate::audience::Audience;
use crate::db::entities::{notice, notice_attachment};
use crate::error::AppError;
use crate::i18n::{Locale, PerLocale};
use crate::msg;
use crate::notices::store;
use crate::notices::{ComposeFields, FormProblem, status};
use crate::state::AppState;
use crate::storage::upload;
use axum::extract::Multipart;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use std::sync::Arc;
use typed::{problem, read_draft};

/// Whether the actor may address `audience`: the school or year groups need the whole-school
/// grant; classes and pupils the class grant within its scope.
async fn may_address(
    state: &AppState,
    actor: &Arc<Actor>,
    audience: &Audience,
) -> Result<(), AppError> {
    let capability = if audience.whole_school || !audience.year_groups.is_empty() {
        Capability::NoticePublishSchool
    } else {
        Capability::NoticePublishClass
    };
    let granted = super::access::grant(actor, capability)?;
    if granted.scope == Scope::OwnChildren {
        return Err(AppError::Forbidden);
    }
    crate::audience::check_targets(&state.db, &granted, audience).await
}

/// The actor, if they may write notices at all.
fn author(actor: Arc<Actor>) -> Result<Arc<Actor>, AppError> {
    let granted = super::access::grant(&actor, Capability::NoticePublishClass)?;
    if granted.scope == Scope::OwnChildren {
        return Err(AppError::Forbidden);
    }
    Ok(actor)
}

/// What a compose form post came to.
pub enum Submitted {
    /// Published or saved: show the notice's page.
    Done(i32),
    /// Show the form again: with problems, or after "Check who it reaches" or "Save draft".
    Again(Box<ComposeAnswer>),
}

/// Reads the multipart form: fields as typed, the pressed button, and uploaded files.
async fn read_form(
    mut multipart: Multipart,
) -> Result<(ComposeFields, String, Vec<(String, Vec<u8>)>), AppError> {
    let mut typed = ComposeFields::default();
    let mut action = String::new();
    let mut uploads = Vec::new();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|_| AppError::invalid("file", crate::error::FieldProblem::TooLong))?
    {
        let name = field.name().unwrap_or_default().to_string();
        if name == "file" {
            let file_name = field.file_name().unwrap_or_default().to_string();
            let bytes = field
                .bytes()
                .await
                .map_err(|_| AppError::invalid("file", crate::error::FieldProblem::TooLong))?;
            if !bytes.is_empty() {
                uploads.push((file_name, bytes.to_vec()));
            }
            continue;
        }
        let value = field
            .text()
            .await
            .map_err(|_| AppError::invalid(&name, crate::error::FieldProblem::Required))?;
        if name == "action" {
            action = value;
        } else {
            typed.set(&name, value);
        }
    }
    Ok((typed, action, uploads))
}

/// A compose form post (`POST /admin/notices/new` or `/admin/notices/{id}/edit`, the page's
/// own address, so the answer is that page again when the form must be shown again).
/// `language` is the request's, for a form that names no language of its own.
pub async fn submit(
    state: &AppState,
    current: &CurrentActor,
    language: Locale,
    multipart: Multipart,
) -> Submitted {
    let result = async {
        let actor = author(current.0.clone().ok_or(AppError::SignInRequired)?)?;
        let (mut typed, action, uploads) = read_form(multipart).await?;
        let outcome = save_and_act(state, &actor, language, &mut typed, &action, uploads).await?;
        match outcome {
            Outcome::Done(id) => Ok(Submitted::Done(id)),
            Outcome::Again {
                notice,
                problems,
                notes,
            } => {
                let page = form::form(state, &actor, typed, notice.as_deref(), problems, notes);
                Ok(Submitted::Again(Box::new(ComposeAnswer(page.await))))
            }
        }
    }
    .await;
    result.unwrap_or_else(|err| Submitted::Again(Box::new(ComposeAnswer(Err(err)))))
}

enum Outcome {
    /// Published or saved: show the notice's page.
    Done(i32),
    /// Show the form again with these problems and notes.
    Again {
        notice: Option<Box<notice::Model>>,
        problems: Vec<FormProblem>,
        notes: Vec<PerLocale<String>>,
    },
}

fn draft_saved() -> PerLocale<String> {
    PerLocale::build(|l| msg!(l, "notice-draft-saved"))
}

async fn save_and_act(
    state: &AppState,
    actor: &Arc<Actor>,
    language: Locale,
    typed: &mut ComposeFields,
    action: &str,
    uploads: Vec<(String, Vec<u8>)>,
) -> Result<Outcome, AppError> {
    let existing = match typed.id {
        Some(id) => Some(
            super::access::staff_notice(&state.db, actor, Capability::NoticePublishClass, id)
                .await?,
        ),
        None => None,
    };
    if existing
        .as_ref()
        .is_some_and(|n| n.status == status::WITHDRAWN)
    {
        return Err(AppError::NotFound);
    }
    let timezone = actor.zone.clone();
    let (draft, mut problems) = read_draft(typed, &timezone, language);
    let published = existing
        .as_ref()
        .is_some_and(|n| n.status == status::PUBLISHED);
    // A published notice keeps its audience; only a draft's may change.
    if !published && !draft.audience.is_empty() {
        match may_address(state, actor, &draft.audience).await {
            Ok(()) => {}
            Err(AppError::Forbidden | AppError::NotFound) => {
                return Ok(Outcome::Again {
                    notice: existing.map(Box::new),
                    problems: vec![problem("audience", |l| {
                        msg!(l, "notice-audience-not-allowed")
                    })],
                    notes: Vec::new(),
                });
            }
            Err(e) => return Err(e),
        }
    }
    let now = Utc::now();
    let id = if published {
        let Some(notice) = existing.as_ref() else {
            return Err(AppError::NotFound);
        };
        if problems.iter().any(|p| p.field != "audience") {
            return Ok(Outcome::Again {
                notice: existing.clone().map(Box::new),
                problems,
                notes: Vec::new(),
            });
        }
        let mut kept = draft.clone();
        kept.audience = store::audience_of(notice);
        store::edit_published(&state.db, notice, actor.user_id, &kept, now).await?;
        crate::audit::record(
            &state.db,
            actor.school_id,
            actor.user_id,
            crate::audit::action::EDITED,
            ("notice", notice.id),
            &kept.title,
            now,
        )
        .await?;
        notice.id
    } else {
        store::save_draft(
            &state.db,
            actor.school_id,
            actor.user_id,
            existing.as_ref(),
            &draft,
            now,
        )
        .await?
    };
    typed.id = Some(id);
    remove_files(state, id, &typed.remove_files).await?;
    typed.remove_files.clear();
    problems.extend(add_files(state, id, uploads, now).await?);
    let stored = notice::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let file_problems: Vec<FormProblem> = problems
        .iter()
        .filter(|p| p.field == "file")
        .cloned()
        .collect();
    let again = |problems: Vec<FormProblem>, notes: Vec<PerLocale<String>>| {
        Ok(Outcome::Again {
            notice: Some(Box::new(stored.clone())),
            problems,
            notes,
        })
    };
    match action {
        "publish" if !published => {
            if !problems.is_empty() {
                return again(problems, Vec::new());
            }
            let at = draft.publish_at.filter(|t| *t > now).unwrap_or(now);
            store::publish(&state.db, &stored, at, now, &timezone).await?;
            crate::audit::record(
                &state.db,
                actor.school_id,
                actor.user_id,
                crate::audit::action::PUBLISHED,
                ("notice", id),
                &stored.title,
                now,
            )
            .await?;
            Ok(Outcome::Done(id))
        }
        "save" if published => {
            if file_problems.is_empty() {
                Ok(Outcome::Done(id))
            } else {
                again(file_problems, Vec::new())
            }
        }
        // "Check who it reaches" and "Save draft": the page shown again carries the reach.
        _ => again(file_problems, vec![draft_saved()]),
    }
}

/// Removes the notice's attachments ticked for removal, and their bytes.
async fn remove_files(state: &AppState, id: i32, doomed: &[i32]) -> Result<(), AppError> {
    if doomed.is_empty() {
        return Ok(());
    }
    let doomed = notice_attachment::Entity::find()
        .filter(notice_attachment::Column::NoticeId.eq(id))
        .filter(notice_attachment::Column::Id.is_in(doomed.to_vec()))
        .all(&state.db)
        .await?;
    for file in doomed {
        notice_attachment::Entity::delete_by_id(file.id)
            .exec(&state.db)
            .await?;
        if let Err(e) = state.files.delete(&file.storage_key).await {
            tracing::warn!(error = %e, "removed attachment's bytes not deleted");
        }
    }
    Ok(())
}

/// Stores the uploads, each checked by its content; a refused file is a problem, not an error,
/// so everything else typed is kept.
async fn add_files(
    state: &AppState,
    id: i32,
    uploads: Vec<(String, Vec<u8>)>,
    now: chrono::DateTime<Utc>,
) -> Result<Vec<FormProblem>, AppError> {
    let mut problems = Vec::new();
    let mut count = notice_attachment::Entity::find()
        .filter(notice_attachment::Column::NoticeId.eq(id))
        .all(&state.db)
        .await?
        .len();
    for (name, bytes) in uploads {
        let name = upload::clean_name(&name);
        let checked = if count >= upload::MAX_ATTACHMENTS {
            Err(upload::UploadProblem::Count)
        } else {
            upload::check(&bytes)
        };
        match checked {
            Ok(content_type) => {
                let key = state.files.put(&bytes).await.map_err(|e| {
                    tracing::error!(error = %e, "storing an attachment failed");
                    AppError::Internal
                })?;
                notice_attachment::ActiveModel {
                    notice_id: Set(id),
                    file_name: Set(name),
                    content_type: Set(content_type.to_string()),
                    size_bytes: Set(bytes.len() as i64),
                    storage_key: Set(key),
                    created_at: Set(now),
                    ..Default::default()
                }
                .insert(&state.db)
                .await?;
                count += 1;
            }
            Err(refused) => problems.push(problem("file", |l| {
                format!("{}: {}", name, refused.message(l))
            })),
        }
    }
    Ok(problems)
}
