//! Files a guardian sends with a form's answers (a care plan, a letter from the doctor): PDFs
//! only, checked by their content, up to [`MAX_BYTES`]. A file is put in the file store before
//! its answers' transaction and removed again when the answers are not stored, so a refused or
//! repeated submission leaves nothing behind. The answers keep the file's name under the
//! question's key and its store key under `<key>.file` — set by the server only, never taken
//! from what a browser posts. A later version sent without a new file keeps the earlier one.
//!
//! `GET /forms/{id}/answers/{response}/{key}` downloads a file: for the guardian whose answer it
//! is, and for the staff who look after the form and the child's class.

use super::definition::{Answers, Definition, Kind, Problem};
use crate::access::{Capability, CurrentActor, grant};
use crate::db::entities::{enrolment, form_response};
use crate::error::AppError;
use crate::state::AppState;
use crate::storage::SharedStore;
use crate::storage::upload::{Upload, clean_name, download};
use axum::extract::{Extension, Path, State};
use axum::response::Response;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

/// The largest file a form takes.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// The end of the answer key holding a file's store key.
pub const SUFFIX: &str = ".file";
/// The only kind of file a form takes.
const PDF: &str = "application/pdf";

/// The answer key holding the store key of the file sent for question `field`.
pub fn key(field: &str) -> String {
    format!("{field}{SUFFIX}")
}

/// Why a file was not taken.
pub fn problem_of(bytes: &[u8]) -> Option<Problem> {
    if bytes.len() > MAX_BYTES {
        return Some(Problem::FileSize);
    }
    match infer::get(bytes) {
        Some(kind) if kind.mime_type() == PDF => None,
        _ => Some(Problem::FileType),
    }
}

/// The files of a submission, stored: the answers they make, the problems found, and the
/// store keys written (to remove when the answers are not stored).
#[derive(Default)]
pub struct Attached {
    /// Each file question's name and store key.
    pub answers: Answers,
    /// Files refused, by question.
    pub problems: Vec<(String, Problem)>,
    /// Store keys written.
    pub stored: Vec<String>,
}

/// Checks and stores the files `uploads` sent (question key → file) for `definition`'s file
/// questions; a file for anything else is ignored.
pub async fn attach(
    files: &SharedStore,
    definition: &Definition,
    uploads: &[(String, Upload)],
) -> Result<Attached, AppError> {
    let mut attached = Attached::default();
    for field in definition.fields.iter().filter(|f| f.kind == Kind::File) {
        let Some((_, upload)) = uploads.iter().find(|(k, _)| *k == field.key) else {
            continue;
        };
        if let Some(problem) = problem_of(&upload.bytes) {
            attached.problems.push((field.key.clone(), problem));
            continue;
        }
        let stored = files.put(&upload.bytes).await.map_err(|err| {
            tracing::error!(error = %err, "a form's file could not be stored");
            AppError::Internal
        })?;
        attached
            .answers
            .insert(field.key.clone(), clean_name(&upload.name));
        attached.answers.insert(key(&field.key), stored.clone());
        attached.stored.push(stored);
    }
    Ok(attached)
}

/// Removes files stored for answers that were not stored after all.
pub async fn discard(files: &SharedStore, stored: &[String]) {
    for key in stored {
        if let Err(err) = files.delete(key).await {
            tracing::warn!(error = %err, "a form's unused file could not be removed");
        }
    }
}

/// The file questions of `definition` not answered in `sent`, answered as in `earlier` (the
/// guardian's previous version): a change keeps the files sent before.
pub fn carry_over(definition: &Definition, sent: &mut Answers, earlier: &Answers) {
    for field in definition.fields.iter().filter(|f| f.kind == Kind::File) {
        let file = key(&field.key);
        if sent.contains_key(&file) {
            continue;
        }
        if let (Some(name), Some(stored)) = (earlier.get(&field.key), earlier.get(&file)) {
            sent.insert(field.key.clone(), name.clone());
            sent.insert(file, stored.clone());
        }
    }
}

/// `GET /forms/{id}/answers/{response}/{key}`: the file sent with an answer; why not, in the
/// reader's language.
pub async fn serve(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentActor>,
    headers: http::HeaderMap,
    Path((id, response, field)): Path<(i32, i32, String)>,
) -> Response {
    let locale = crate::i18n::negotiate::locale_for_request(&headers);
    let result = async {
        let actor = current.0.clone().ok_or(AppError::SignInRequired)?;
        let answer = form_response::Entity::find_by_id(response)
            .filter(form_response::Column::FormId.eq(id))
            .one(&state.db)
            .await?
            .ok_or(AppError::NotFound)?;
        let own = actor.guardian_id == Some(answer.guardian_id);
        if !own {
            // Staff: a form they look after, and a child their grant reaches.
            let granted = grant(&actor, Capability::FormManage)?;
            let (form, _) = super::dashboard::looked_after(&state.db, &granted, id).await?;
            let year = crate::audience::resolve::current_year(&state.db, form.school_id).await?;
            let class = match (year, answer.pupil_id) {
                (Some(year), Some(pupil)) => enrolment::Entity::find()
                    .filter(enrolment::Column::AcademicYearId.eq(year.id))
                    .filter(enrolment::Column::PupilId.eq(pupil))
                    .one(&state.db)
                    .await?
                    .and_then(|e| e.class_id),
                _ => None,
            };
            if !granted.covers(form.school_id, class) {
                return Err(AppError::NotFound);
            }
        }
        let answers: Answers = serde_json::from_str(&answer.answers).unwrap_or_default();
        let (Some(name), Some(stored)) = (answers.get(&field), answers.get(&key(&field))) else {
            return Err(AppError::NotFound);
        };
        download(&state.files, stored, name, PDF).await
    }
    .await;
    result.unwrap_or_else(|err| crate::roster::documents::error_page(err, locale))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_pdfs_only_and_not_too_big() {
        assert_eq!(problem_of(b"%PDF-1.7\n1 0 obj"), None);
        let png = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0];
        assert_eq!(problem_of(&png), Some(Problem::FileType));
        assert_eq!(
            problem_of(b"just text, named care-plan.pdf"),
            Some(Problem::FileType)
        );
        let mut big = b"%PDF-1.7\n".to_vec();
        big.resize(MAX_BYTES + 1, b' ');
        assert_eq!(problem_of(&big), Some(Problem::FileSize));
    }

    #[test]
    fn a_change_without_a_new_file_keeps_the_earlier_one() {
        let definition =
            super::super::templates::medication(Default::default(), Default::default());
        let earlier: Answers = [
            ("care_plan".to_string(), "plan.pdf".to_string()),
            (
                key("care_plan"),
                "0123456789abcdef0123456789abcdef".to_string(),
            ),
        ]
        .into();
        let mut sent = Answers::new();
        carry_over(&definition, &mut sent, &earlier);
        assert_eq!(sent, earlier);
        let mut replaced: Answers = [
            ("care_plan".to_string(), "new.pdf".to_string()),
            (
                key("care_plan"),
                "fedcba9876543210fedcba9876543210".to_string(),
            ),
        ]
        .into();
        let before = replaced.clone();
        carry_over(&definition, &mut replaced, &earlier);
        assert_eq!(replaced, before, "a new file replaces the old");
    }
}
