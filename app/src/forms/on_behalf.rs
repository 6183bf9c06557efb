//! Answers given by phone: a member of staff who looks after a form records, for one of their
//! children, the answers a guardian gave over the phone (`/admin/forms/:id/record?child=`). They
//! first choose which of the child's guardians answered, then fill in the form as that guardian
//! would see it; the answer is stored like any other, with its evidence, marked `phone` and
//! taken by the member of staff's account. The roster's consent rights still hold: a guardian
//! without them cannot be recorded consenting.

use super::answer::{self, Respondent, Sender, Stored};
use super::dashboard::looked_after;
use super::reader::{self, Family, Shown, readable_definition};
use super::staff_dto::{GuardianChoice, RecordPage};
use super::store::{self, channel};
use super::{OnBehalf, STAFF_FORMS_PATH};
use crate::access::{Capability, CurrentActor, Granted, authorize, grant};
use crate::audience::Membership;
use crate::db::entities::{enrolment, form, guardian, guardian_pupil, pupil};
use crate::error::AppError;
use crate::i18n::PerLocale;
use crate::msg;
use crate::state::AppState;
use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

/// The code the figures page is sent back with after a recorded answer.
pub const RECORDED: &str = "recorded";

/// The record page of form `id` for `child`, with `guardian` chosen or not yet.
pub fn record_href(id: i32, child: i32, guardian: Option<i32>) -> String {
    match guardian {
        Some(g) => format!("{STAFF_FORMS_PATH}/{id}/record?child={child}&guardian={g}"),
        None => format!("{STAFF_FORMS_PATH}/{id}/record?child={child}"),
    }
}

/// What a post to the record page came to.
pub enum Recorded {
    /// Stored: where to send the browser.
    Done(String),
    /// The page again with why it was refused, or why it could not be shown.
    Again(Box<Result<RecordPage, AppError>>),
}

/// The signed-in member of staff's record page, or the answer to the post it shows.
pub async fn page(id: i32, child: i32, guardian: Option<i32>) -> Result<RecordPage, AppError> {
    if let Some(answer) =
        crate::posted::form(|p: &RecordPage| p.form.as_ref().is_some_and(|f| f.problem.is_some()))
    {
        return answer;
    }
    let granted = authorize(Capability::FormManage)?;
    let state = crate::state::app_state()?;
    page_for(&state.db, &granted, id, child, guardian, Shown::Stored).await
}

/// Form `id` and child `child` when `granted` looks after both and the form asks the child;
/// otherwise not found.
async fn checked<C: ConnectionTrait>(
    db: &C,
    granted: &Granted,
    id: i32,
    child: i32,
) -> Result<(form::Model, pupil::Model), AppError> {
    let (form, _) = looked_after(db, granted, id).await?;
    let year = crate::audience::resolve::current_year(db, form.school_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let enrolled = enrolment::Entity::find()
        .filter(enrolment::Column::AcademicYearId.eq(year.id))
        .filter(enrolment::Column::PupilId.eq(child))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if !granted.covers(form.school_id, enrolled.class_id) {
        return Err(AppError::NotFound);
    }
    let membership = Membership {
        pupil_id: child,
        school_id: form.school_id,
        year_group_id: enrolled.year_group_id,
        class_id: enrolled.class_id,
    };
    if store::asked_one(db, form.school_id, &[membership], Utc::now(), id)
        .await?
        .is_none()
    {
        return Err(AppError::NotFound);
    }
    let pupil = pupil::Entity::find_by_id(child)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((form, pupil))
}

/// The record page for `granted`: the child's guardians to choose from, or the form filled in
/// as `how` says for the chosen one.
async fn page_for<C: ConnectionTrait>(
    db: &C,
    granted: &Granted,
    id: i32,
    child: i32,
    chosen: Option<i32>,
    how: Shown<'_>,
) -> Result<RecordPage, AppError> {
    let (form, pupil) = checked(db, granted, id, child).await?;
    let definition = readable_definition(&form).ok_or(AppError::Internal)?;
    let links = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::PupilId.eq(child))
        .all(db)
        .await?;
    let guardians = guardian::Entity::find()
        .filter(guardian::Column::Id.is_in(links.iter().map(|l| l.guardian_id)))
        .all(db)
        .await?;
    let label = |g: &guardian::Model, link: &guardian_pupil::Model| {
        PerLocale::build(|l| {
            let relationship = crate::roster::relationship::shown(l, &link.relationship);
            msg!(
                l,
                "form-record-guardian",
                name = g.name.as_str(),
                relationship = relationship.as_str()
            )
        })
    };
    let child_name = crate::roster::display_name(&pupil);
    let back = format!("{STAFF_FORMS_PATH}/{id}");
    let mut page = RecordPage {
        title: PerLocale::build(|l| {
            super::definition::in_language(&definition.title, l.tag(), &form.language).to_string()
        }),
        child: child_name.clone(),
        back: back.clone(),
        choices: Vec::new(),
        form: None,
        words: [
            PerLocale::build(|l| msg!(l, "form-record-heading")),
            PerLocale::build(|l| msg!(l, "form-record-who")),
            PerLocale::build(|l| msg!(l, "form-staff-back")),
        ],
    };
    match chosen {
        None => {
            page.choices = links
                .iter()
                .filter_map(|link| {
                    let g = guardians.iter().find(|g| g.id == link.guardian_id)?;
                    Some(GuardianChoice {
                        href: record_href(id, child, Some(g.id)),
                        label: label(g, link),
                        note: (definition.asks_consent() && !link.may_consent)
                            .then(|| PerLocale::build(|l| msg!(l, "form-record-no-consent"))),
                    })
                })
                .collect();
        }
        Some(chosen) => {
            let link = links
                .iter()
                .find(|l| l.guardian_id == chosen)
                .ok_or(AppError::NotFound)?;
            let g = guardians
                .iter()
                .find(|g| g.id == chosen)
                .ok_or(AppError::NotFound)?;
            let family = Family {
                guardian_id: chosen,
                school_id: form.school_id,
                names: vec![(child, child_name)],
            };
            let mut filled = reader::shown(db, &family, &form, child, &[], how).await?;
            let who = label(g, link);
            filled.on_behalf = Some(OnBehalf {
                guardian_id: chosen,
                note: PerLocale::build(|l| {
                    let who = who.text(l);
                    msg!(l, "form-record-note", name = who.as_str())
                }),
                action: format!("{STAFF_FORMS_PATH}/{id}/record"),
                back,
            });
            page.form = Some(filled);
        }
    }
    Ok(page)
}

/// `POST /admin/forms/{id}/record`: store the answers a guardian gave by phone, then back to
/// the form's figures; a refused answer shows the page again with what was typed.
pub async fn submit(
    state: &AppState,
    current: &CurrentActor,
    id: i32,
    sender: Sender,
    pairs: Vec<(String, String)>,
    files: Vec<(String, crate::storage::upload::Upload)>,
) -> Recorded {
    let result = async {
        let actor = current.0.clone().ok_or(AppError::SignInRequired)?;
        let granted = grant(&actor, Capability::FormManage)?;
        let chosen = pairs
            .iter()
            .find(|(k, _)| k == "guardian")
            .and_then(|(_, v)| v.parse::<i32>().ok())
            .ok_or(AppError::BadRequest)?;
        let posted = answer::read(pairs, files)?;
        let child = posted.child.ok_or(AppError::BadRequest)?;
        let (form, _) = checked(&state.db, &granted, id, child).await?;
        let linked = guardian_pupil::Entity::find()
            .filter(guardian_pupil::Column::PupilId.eq(child))
            .filter(guardian_pupil::Column::GuardianId.eq(chosen))
            .one(&state.db)
            .await?;
        if linked.is_none() {
            return Err(AppError::NotFound);
        }
        let respondent = Respondent {
            guardian_id: chosen,
            user_id: actor.user_id,
            channel: channel::PHONE,
        };
        let locale = reader::posted_locale(posted.language.as_deref(), sender.locale);
        let covered = covered(&state.db, &granted, &form, child, chosen).await?;
        let outcome = answer::store(
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
            Stored::Yes => Ok(Recorded::Done(format!(
                "{STAFF_FORMS_PATH}/{id}?done={RECORDED}"
            ))),
            Stored::Refused(refused) => {
                let how = refused.shown(&posted.answers);
                let page = page_for(&state.db, &granted, id, child, Some(chosen), how).await?;
                Ok(Recorded::Again(Box::new(Ok(page))))
            }
        }
    }
    .await;
    result.unwrap_or_else(|err| Recorded::Again(Box::new(Err(err))))
}

/// The children an answer recorded for `child` by `guardian` covers: `child`, and on a form
/// answered once per family, the guardian's other children the form asks whom the member of
/// staff also looks after (never a child outside their classes).
async fn covered<C: ConnectionTrait>(
    db: &C,
    granted: &Granted,
    form: &form::Model,
    child: i32,
    guardian: i32,
) -> Result<Vec<i32>, AppError> {
    let mut covered = vec![child];
    if !form.per_family {
        return Ok(covered);
    }
    let links = guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::GuardianId.eq(guardian))
        .filter(guardian_pupil::Column::PupilId.ne(child))
        .all(db)
        .await?;
    for link in links {
        match checked(db, granted, form.id, link.pupil_id).await {
            Ok(_) => covered.push(link.pupil_id),
            Err(AppError::NotFound) => {}
            Err(err) => return Err(err),
        }
    }
    Ok(covered)
}
