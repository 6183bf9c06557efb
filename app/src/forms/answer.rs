//! A guardian's answer to a form for a child, as posted by the form page (with or without
//! JavaScript): checked, then stored with its evidence — who, for which child, when, the exact
//! wording shown and its SHA-256, the language, the address and the browser — in one
//! transaction. Stored answers are never changed: a change or a withdrawn consent is a new
//! version, and a page sent twice (its one-time token) is stored once.

use super::FormPage;
use super::definition::{Answers, Kind, answer};
use super::reader::{self, Shown};
use super::store::{channel, state};
use crate::access::CurrentActor;
use crate::db::entities::{form, form_response};
use crate::error::AppError;
use crate::i18n::{Locale, PerLocale};
use crate::msg;
use crate::state::AppState;
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set, SqlErr};
use sha2::{Digest, Sha256};

use super::FORMS_PATH;

/// Where a submission came from, kept as evidence.
#[derive(Clone, Debug, Default)]
pub struct Sender {
    /// The client's network address.
    pub address: String,
    /// The browser's `User-Agent`.
    pub user_agent: String,
    /// The language the request was made in (cookie or `Accept-Language`).
    pub locale: Locale,
}

/// Whose answer is stored, and who sent it.
pub struct Respondent {
    /// The guardian whose answer it is.
    pub guardian_id: i32,
    /// The account that sent it: the guardian's, or the member of staff who took it by phone.
    pub user_id: i32,
    /// How it came (`store::channel`).
    pub channel: &'static str,
}

/// What a post to `/forms/{id}` came to.
pub enum Answered {
    /// Stored (or stored already): where to send the browser.
    Done(String),
    /// The form again with why it was refused, or why it could not be shown.
    Again(Box<Result<FormPage, AppError>>),
}

/// The fields the form page posts besides the answers (`f_<key>`).
pub(super) struct Posted {
    pub(super) child: Option<i32>,
    pub(super) token: String,
    pub(super) version: i32,
    pub(super) language: Option<String>,
    pub(super) withdraw: bool,
    pub(super) answers: Answers,
    /// Files sent, by question key.
    pub(super) uploads: Vec<(String, crate::storage::upload::Upload)>,
}

/// What a form page posted, with the files it sent (input name → file); a page without its
/// one-time token is not one of ours.
pub(super) fn read(
    pairs: Vec<(String, String)>,
    files: Vec<(String, crate::storage::upload::Upload)>,
) -> Result<Posted, AppError> {
    let mut posted = Posted {
        child: None,
        token: String::new(),
        version: 0,
        language: None,
        withdraw: false,
        answers: Answers::new(),
        uploads: files
            .into_iter()
            .filter_map(|(name, file)| Some((name.strip_prefix("f_")?.to_string(), file)))
            .collect(),
    };
    for (name, value) in pairs {
        match name.as_str() {
            "child" => posted.child = value.parse().ok(),
            "token" => posted.token = value,
            "version" => posted.version = value.parse().unwrap_or(-1),
            "language" => posted.language = Some(value),
            "action" => posted.withdraw = value == "withdraw",
            _ => {
                // A file's store key is the server's to set: one posted is not believed.
                if let Some(key) = name
                    .strip_prefix("f_")
                    .filter(|k| !k.ends_with(super::attachment::SUFFIX))
                {
                    posted.answers.insert(key.to_string(), value);
                }
            }
        }
    }
    if posted.token.is_empty() || posted.token.len() > MAX_TOKEN {
        return Err(AppError::BadRequest);
    }
    Ok(posted)
}

/// The longest token a page sends (ours are 32 hex digits): short enough that with a child's
/// id after it (see [`token_for`]) it fits the column's 64.
const MAX_TOKEN: usize = 48;

/// `POST /forms/{id}`: store the answers, or show the form again with why not and what was
/// typed.
pub async fn submit(
    state: &AppState,
    current: &CurrentActor,
    id: i32,
    sender: Sender,
    pairs: Vec<(String, String)>,
    files: Vec<(String, crate::storage::upload::Upload)>,
) -> Answered {
    let result = async {
        let actor = current.0.clone().ok_or(AppError::SignInRequired)?;
        if crate::access::allowed_scope(&actor.roles, crate::access::Capability::FormAnswer)
            .is_none()
        {
            return Err(AppError::NotFound);
        }
        let posted = read(pairs, files)?;
        let (form, pupil, siblings) = reader::asked_of(&state.db, &actor, id, posted.child).await?;
        let locale = reader::posted_locale(posted.language.as_deref(), sender.locale);
        let respondent = Respondent {
            guardian_id: actor.guardian_id.ok_or(AppError::NotFound)?,
            user_id: actor.user_id,
            channel: channel::PORTAL,
        };
        let covered = covered(&form, pupil, &siblings);
        let outcome = store(
            state,
            &respondent,
            &form,
            &covered,
            &posted,
            &sender,
            locale,
        )
        .await?;
        match outcome {
            Stored::Yes => Ok(Answered::Done(format!(
                "{FORMS_PATH}/{id}?child={pupil}&sent=1"
            ))),
            Stored::Refused(refused) => {
                let how = refused.shown(&posted.answers);
                let family = reader::Family::of(&actor)?;
                let page = reader::shown(&state.db, &family, &form, pupil, &siblings, how).await?;
                Ok(Answered::Again(Box::new(Ok(page))))
            }
        }
    }
    .await;
    result.unwrap_or_else(|err| Answered::Again(Box::new(Err(err))))
}

/// The children one answer is for: `pupil` alone, or on a form answered once per family,
/// `pupil` first and then each of `siblings` the form asks.
pub fn covered(form: &form::Model, pupil: i32, siblings: &[i32]) -> Vec<i32> {
    let mut covered = vec![pupil];
    if form.per_family {
        covered.extend(siblings.iter().copied().filter(|p| *p != pupil));
    }
    covered
}

/// The token kept with the answer for the `index`th child an answer covers: the page's own for
/// the first, so a page sent twice is found by it; a distinct one for each other child, since
/// a token is stored once.
fn token_for(token: &str, index: usize, pupil: i32) -> String {
    if index == 0 {
        token.to_string()
    } else {
        format!("{token}/{pupil}")
    }
}

/// What storing came to.
pub(super) enum Stored {
    /// Stored, now or by an earlier send of the same page.
    Yes,
    /// Refused; the page shows why.
    Refused(Refused),
}

/// Why a submission was refused, and the version the page sends its next try against.
pub(super) struct Refused {
    problems: Vec<(String, super::definition::Problem)>,
    problem: PerLocale<String>,
    version: i32,
}

impl Refused {
    /// How the form is shown again: with what was `typed` and why it was refused.
    pub(super) fn shown<'a>(&'a self, typed: &'a super::definition::Answers) -> Shown<'a> {
        Shown::Refused {
            typed,
            problems: &self.problems,
            problem: self.problem.clone(),
            version: self.version,
        }
    }
}

/// Why a whole submission was refused.
#[derive(Clone, Copy)]
enum Refusal {
    /// The form closed.
    Closed,
    /// The answer changed since the page was opened (another phone, another tab).
    Changed,
    /// No consent given to withdraw.
    NothingToWithdraw,
}

fn refused(why: Refusal, version: i32) -> Stored {
    Stored::Refused(Refused {
        problems: Vec::new(),
        problem: PerLocale::build(|l| match why {
            Refusal::Closed => msg!(l, "form-problem-closed"),
            Refusal::Changed => msg!(l, "form-problem-changed"),
            Refusal::NothingToWithdraw => msg!(l, "form-problem-nothing-to-withdraw"),
        }),
        version,
    })
}

/// Checks and stores one submission for `children` (the page's child first; see [`covered`])
/// in a transaction: the same token twice is stored once, a page older than the latest answer
/// is refused rather than overwriting it, a closed form takes nothing. Files sent with it are
/// stored first and removed again unless its answers are.
pub(super) async fn store(
    state: &AppState,
    respondent: &Respondent,
    form: &form::Model,
    children: &[i32],
    posted: &Posted,
    sender: &Sender,
    locale: Locale,
) -> Result<Stored, AppError> {
    let definition = reader::readable_definition(form).ok_or(AppError::Internal)?;
    let attached = super::attachment::attach(&state.files, &definition, &posted.uploads).await?;
    let outcome = store_answers(
        &state.db,
        respondent,
        (form, &definition),
        children,
        posted,
        &attached,
        sender,
        locale,
    )
    .await;
    // Only answers stored now keep their files: a refusal, a failure or a page sent twice
    // (the first send stored its own) leaves none behind.
    if !matches!(outcome, Ok((Stored::Yes, true))) {
        super::attachment::discard(&state.files, &attached.stored).await;
    }
    outcome.map(|(stored, _)| stored)
}

/// [`store`]'s transaction, with the files already stored (`attached`); whether these answers
/// were written now, rather than by an earlier send of the same page.
#[allow(clippy::too_many_arguments)]
async fn store_answers(
    db: &sea_orm::DatabaseConnection,
    respondent: &Respondent,
    (form, definition): (&form::Model, &super::definition::Definition),
    children: &[i32],
    posted: &Posted,
    attached: &super::attachment::Attached,
    sender: &Sender,
    locale: Locale,
) -> Result<(Stored, bool), AppError> {
    let guardian = respondent.guardian_id;
    let &pupil = children.first().ok_or(AppError::NotFound)?;
    let now = Utc::now();
    // The write lock up front: on SQLite a read that later writes could otherwise be refused
    // outright (busy) when another answer commits in between.
    let txn = crate::db::write_transaction(db).await?;
    let sent_before = form_response::Entity::find()
        .filter(form_response::Column::Token.eq(posted.token.as_str()))
        .one(&txn)
        .await?;
    if let Some(earlier) = sent_before {
        // Only the same guardian's same answer counts as sent already; a token seen with
        // anything else is not this page's.
        if earlier.guardian_id == guardian
            && earlier.form_id == form.id
            && earlier.pupil_id == Some(pupil)
        {
            return Ok((Stored::Yes, false));
        }
        return Err(AppError::BadRequest);
    }
    // This guardian's latest answer for each child, whose versions the new ones follow: one
    // statement however many children the answer covers.
    let mine = form_response::Entity::find()
        .filter(form_response::Column::FormId.eq(form.id))
        .filter(form_response::Column::GuardianId.eq(guardian))
        .filter(form_response::Column::PupilId.is_in(children.iter().copied()))
        .order_by_asc(form_response::Column::Version)
        .all(&txn)
        .await?;
    let versions: Vec<Option<form_response::Model>> = children
        .iter()
        .map(|&child| mine.iter().rfind(|r| r.pupil_id == Some(child)).cloned())
        .collect();
    let latest_version = versions[0].as_ref().map_or(0, |r| r.version);
    // What a withdrawal or a kept file starts from: this guardian's answer, or on a form
    // answered once per family, the family's newest, whoever gave it.
    let latest = if form.per_family {
        form_response::Entity::find()
            .filter(form_response::Column::FormId.eq(form.id))
            .filter(form_response::Column::PupilId.is_in(children.iter().copied()))
            .order_by_desc(form_response::Column::Id)
            .one(&txn)
            .await?
    } else {
        versions[0].clone()
    };
    if now >= form.closes_at {
        return Ok((refused(Refusal::Closed, latest_version), false));
    }
    if posted.version != latest_version {
        return Ok((refused(Refusal::Changed, latest_version), false));
    }
    let may_consent = reader::may_consent_for_all(&txn, guardian, children).await?;
    let (answers, new_state) = if posted.withdraw {
        let Some(latest) = latest.filter(|r| {
            r.state == state::ANSWERED && reader::gives_consent(definition, r) && may_consent
        }) else {
            return Ok((refused(Refusal::NothingToWithdraw, latest_version), false));
        };
        let mut answers: Answers = serde_json::from_str(&latest.answers).unwrap_or_default();
        for field in definition.fields.iter().filter(|f| f.kind == Kind::Consent) {
            answers.insert(field.key.clone(), answer::NO.to_string());
        }
        (answers, state::WITHDRAWN)
    } else {
        let mut sent = posted.answers.clone();
        sent.extend(attached.answers.clone());
        if let Some(earlier) = &latest {
            let earlier: Answers = serde_json::from_str(&earlier.answers).unwrap_or_default();
            super::attachment::carry_over(definition, &mut sent, &earlier);
        }
        let (kept, mut problems) = definition.check(&sent, may_consent);
        problems.extend(attached.problems.iter().cloned());
        if !problems.is_empty() {
            // A file taken with answers that were not is not kept: say to choose it again.
            for field in definition.fields.iter().filter(|f| f.kind == Kind::File) {
                let uploaded = attached.answers.contains_key(&field.key);
                if uploaded && !problems.iter().any(|(k, _)| *k == field.key) {
                    problems.push((field.key.clone(), super::definition::Problem::FileAgain));
                }
            }
            let refusal = Stored::Refused(Refused {
                problems,
                problem: PerLocale::build(|l| msg!(l, "form-problem-fields")),
                version: latest_version,
            });
            return Ok((refusal, false));
        }
        (kept, state::ANSWERED)
    };
    let language = definition.shown_language(locale, &form.language);
    let wording = definition.wording(&language, &form.language, &answers);
    let answers_json = serde_json::to_string(&answers).unwrap_or_default();
    let wording_sha256 = sha256_hex(&wording);
    let mut rows = Vec::with_capacity(children.len());
    let mut failed = None;
    for (index, (&child, latest)) in children.iter().zip(&versions).enumerate() {
        let row = form_response::ActiveModel {
            form_id: Set(form.id),
            pupil_id: Set(Some(child)),
            guardian_id: Set(guardian),
            user_id: Set(respondent.user_id),
            channel: Set(respondent.channel.to_string()),
            version: Set(latest.as_ref().map_or(0, |r| r.version) + 1),
            state: Set(new_state.to_string()),
            answers: Set(answers_json.clone()),
            wording_sha256: Set(wording_sha256.clone()),
            wording: Set(wording.clone()),
            language: Set(language.clone()),
            client_address: Set(sender.address.clone()),
            user_agent: Set(sender.user_agent.chars().take(500).collect()),
            submitted_at: Set(now),
            token: Set(token_for(&posted.token, index, child)),
            ..Default::default()
        }
        .insert(&txn)
        .await;
        match row {
            Ok(row) => rows.push(row),
            Err(err) => {
                failed = Some(err);
                break;
            }
        }
    }
    let inserted = match failed {
        None => Ok(rows),
        Some(err) => Err(err),
    };
    match inserted {
        Ok(stored) => {
            // What the answer does goes in the same transaction: a photo consent the family saw
            // confirmed is the child's, or waiting for the office, never lost in between.
            if form.template == super::templates::code::PHOTO_CONSENT {
                let level = answers
                    .get(super::templates::PHOTO_FIELD)
                    .and_then(|code| crate::roster::PhotoConsent::from_code(code));
                if let Some(level) = level {
                    let asker = crate::roster::changes::Asker {
                        school_id: form.school_id,
                        guardian_id: guardian,
                        user_id: respondent.user_id,
                        address: sender.address.clone(),
                        user_agent: sender.user_agent.clone(),
                    };
                    for row in &stored {
                        let child = row.pupil_id.ok_or(AppError::Internal)?;
                        crate::roster::changes::photo_answered(
                            &txn, &asker, child, level, row.id, now,
                        )
                        .await?;
                    }
                }
            }
            txn.commit().await?;
            Ok((Stored::Yes, true))
        }
        // Another send of this page, or another page of this guardian's, got there first:
        // the unique token or version refused this one. Look again outside the failed
        // transaction.
        Err(err) if matches!(err.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            drop(txn);
            tracing::debug!(error = %err, "form answer raced another");
            let same = form_response::Entity::find()
                .filter(form_response::Column::Token.eq(posted.token.as_str()))
                .one(db)
                .await?;
            match same {
                Some(r) if r.guardian_id == guardian => Ok((Stored::Yes, false)),
                _ => Ok((refused(Refusal::Changed, latest_version + 1), false)),
            }
        }
        Err(err) => Err(err.into()),
    }
}

/// SHA-256 of `text`, in lower-case hex.
pub fn sha256_hex(text: &str) -> String {
    crate::auth::session::hex(&Sha256::digest(text.as_bytes()))
}
