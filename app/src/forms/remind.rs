//! Reminding the families who have not answered a form: at most once a day per form, and only
//! the guardians of children nobody has answered for yet who can answer it themselves (a form
//! asking consent reminds only those the roster lets consent). Families see the reminder on
//! the form in the portal; those with an e-mail address also get one through the outbox, whose
//! worker checks again when it sends that the family is still waiting.

use super::STAFF_FORMS_PATH;
use super::dashboard::{Standing, looked_after, progress_of, standing};
use super::definition::Definition;
use super::reader::readable_definition;
use crate::access::{Capability, CurrentActor, Granted, grant};
use crate::audience::Audience;
use crate::db::entities::{form, guardian, guardian_pupil, outbox};
use crate::error::AppError;
use crate::i18n::PerLocale;
use crate::state::AppState;
use axum::extract::{Extension, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, Set};
use std::collections::{BTreeMap, HashSet};

/// The outbox kind of a form reminder.
pub const OUTBOX_KIND: &str = "form-reminder";

/// The least time between two reminders of one form.
pub fn between_reminders() -> Duration {
    Duration::hours(24)
}

/// Why no reminder went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The form was reminded less than a day ago.
    TooSoon,
    /// Every child asked has an answer (or no guardian waiting may answer).
    NobodyLeft,
    /// The form no longer takes answers.
    Closed,
}

impl Refusal {
    /// Its code in the figures' address (`?done=too-soon`).
    fn code(self) -> &'static str {
        match self {
            Refusal::TooSoon => "too-soon",
            Refusal::NobodyLeft => "nobody",
            Refusal::Closed => "closed",
        }
    }
}

/// What the figures page says after a reminder, from the code the remind post sent it back
/// with: how many were reminded, or why nobody was. Anything else says nothing.
pub fn note(code: &str) -> Option<PerLocale<String>> {
    if let Ok(count) = code.parse::<u32>() {
        return Some(PerLocale::build(|l| {
            crate::msg_count!(l, "form-staff-reminded", count)
        }));
    }
    let refusal = [Refusal::TooSoon, Refusal::NobodyLeft, Refusal::Closed]
        .into_iter()
        .find(|r| r.code() == code)?;
    Some(PerLocale::build(|l| match refusal {
        Refusal::TooSoon => crate::msg!(l, "form-staff-remind-too-soon"),
        Refusal::NobodyLeft => crate::msg!(l, "form-staff-remind-nobody"),
        Refusal::Closed => crate::msg!(l, "form-staff-remind-closed"),
    }))
}

/// `POST /admin/forms/{id}/remind`: reminds those waiting, then back to the form's figures,
/// which say what happened.
pub async fn post(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentActor>,
    headers: http::HeaderMap,
    Path(id): Path<i32>,
) -> Response {
    let locale = crate::i18n::negotiate::locale_for_request(&headers);
    let result = async {
        let actor = current.0.clone().ok_or(AppError::SignInRequired)?;
        let granted = grant(&actor, Capability::FormManage)?;
        let (form, audience) = looked_after(&state.db, &granted, id).await?;
        let definition = readable_definition(&form).ok_or(AppError::Internal)?;
        let now = Utc::now();
        let outcome = remind(&state.db, &granted, &form, &audience, &definition, now).await?;
        if let Ok(count) = outcome {
            crate::audit::record(
                &state.db,
                actor.school_id,
                actor.user_id,
                crate::audit::action::REMINDED,
                ("form", id),
                &count.to_string(),
                now,
            )
            .await?;
        }
        Ok::<_, AppError>(outcome)
    }
    .await;
    let code = match result {
        Ok(Ok(count)) => count.to_string(),
        Ok(Err(refusal)) => refusal.code().to_string(),
        Err(err) => return crate::roster::documents::error_page(err, locale),
    };
    Redirect::to(&format!("{STAFF_FORMS_PATH}/{id}?done={code}")).into_response()
}

/// The guardians still waiting on `form` among the children `granted` reaches, each with
/// the children they have to answer for.
pub async fn waiting(
    db: &DatabaseConnection,
    granted: &Granted,
    form: &form::Model,
    audience: &Audience,
    definition: &Definition,
) -> Result<BTreeMap<i32, Vec<i32>>, AppError> {
    let progress = progress_of(db, granted, form, audience).await?;
    // Those nobody answered for, as if the form were open: only an open one is reminded.
    let open = super::dashboard::Moment {
        open: true,
        lapsed: false,
    };
    let to_do: HashSet<i32> = progress
        .children
        .iter()
        .map(|(pupil, _)| *pupil)
        .filter(|pupil| standing(definition, &progress.latest_of(*pupil), open) == Standing::ToDo)
        .collect();
    let may_answer: Option<HashSet<(i32, i32)>> = if definition.asks_consent() {
        Some(
            guardian_pupil::Entity::find()
                .filter(guardian_pupil::Column::PupilId.is_in(to_do.iter().copied()))
                .filter(guardian_pupil::Column::MayConsent.eq(true))
                .all(db)
                .await?
                .into_iter()
                .map(|l| (l.guardian_id, l.pupil_id))
                .collect(),
        )
    } else {
        None
    };
    Ok(progress
        .guardians
        .into_iter()
        .filter_map(|(guardian_id, children)| {
            let children: Vec<i32> = children
                .into_iter()
                .filter(|p| to_do.contains(p))
                .filter(|p| {
                    may_answer
                        .as_ref()
                        .is_none_or(|links| links.contains(&(guardian_id, *p)))
                })
                .collect();
            (!children.is_empty()).then_some((guardian_id, children))
        })
        .collect())
}

/// Reminds those still waiting on `form`: marks the form reminded and queues an e-mail to each
/// waiting guardian with an address. Returns how many guardians were reminded.
pub async fn remind(
    db: &DatabaseConnection,
    granted: &Granted,
    form: &form::Model,
    audience: &Audience,
    definition: &Definition,
    now: DateTime<Utc>,
) -> Result<Result<u32, Refusal>, AppError> {
    if now >= form.closes_at {
        return Ok(Err(Refusal::Closed));
    }
    if form
        .last_reminded_at
        .is_some_and(|at| now - at < between_reminders())
    {
        return Ok(Err(Refusal::TooSoon));
    }
    let waiting = waiting(db, granted, form, audience, definition).await?;
    if waiting.is_empty() {
        return Ok(Err(Refusal::NobodyLeft));
    }
    let txn = crate::db::write_transaction(db).await?;
    // The day's mark is taken in the same statement that checks it, so two members of staff
    // pressing at once send one reminder, not two.
    let marked = form::Entity::update_many()
        .col_expr(form::Column::LastRemindedAt, Expr::value(Some(now)))
        .filter(form::Column::Id.eq(form.id))
        .filter(
            Condition::any()
                .add(form::Column::LastRemindedAt.is_null())
                .add(form::Column::LastRemindedAt.lte(now - between_reminders())),
        )
        .exec(&txn)
        .await?;
    if marked.rows_affected == 0 {
        return Ok(Err(Refusal::TooSoon));
    }
    let with_email: HashSet<i32> = guardian::Entity::find()
        .filter(guardian::Column::Id.is_in(waiting.keys().copied()))
        .filter(guardian::Column::Email.is_not_null())
        .filter(guardian::Column::Email.ne(""))
        .all(&txn)
        .await?
        .into_iter()
        .map(|g| g.id)
        .collect();
    let day = now.format("%Y%m%d");
    let rows: Vec<outbox::ActiveModel> = waiting
        .keys()
        .filter(|g| with_email.contains(g))
        .map(|&guardian_id| outbox::ActiveModel {
            school_id: Set(form.school_id),
            idempotency_key: Set(format!("form-{}-reminder-{day}-g{guardian_id}", form.id)),
            kind: Set(OUTBOX_KIND.to_string()),
            guardian_id: Set(Some(guardian_id)),
            form_id: Set(Some(form.id)),
            status: Set(crate::outbox::status::PENDING.to_string()),
            attempts: Set(0),
            next_attempt_at: Set(now),
            created_at: Set(now),
            ..Default::default()
        })
        .collect();
    for chunk in rows.chunks(1000) {
        outbox::Entity::insert_many(chunk.to_vec())
            .on_conflict_do_nothing_on([outbox::Column::IdempotencyKey])
            .exec_without_returning(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(Ok(waiting.len() as u32))
}
