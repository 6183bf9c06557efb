//! A form's printable list (`/admin/forms/:id?print=1`), the sheet a trip leader takes along:
//! every child asked, by class, with their consent and what each guardian told the school
//! (medical needs, dietary needs, a phone number for the day, …). For the staff who look after
//! the form, a teacher seeing only their classes, as on the figures.

use super::dashboard::{Standing, looked_after, names_of, progress_of, standing};
use super::definition::{Answers, Kind, answer, in_language};
use super::export::shown_answer;
use super::reader::readable_definition;
use super::staff_dto::{GuardianNotes, TripList, TripRow};
use super::store::state;
use crate::access::{Capability, Granted, authorize};
use crate::db::entities::{form_response, guardian};
use crate::error::AppError;
use crate::i18n::PerLocale;
use crate::msg;
use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;

/// Form `id`'s printable list for the signed-in member of staff who looks after it.
pub async fn page(id: i32) -> Result<TripList, AppError> {
    let granted = authorize(Capability::FormManage)?;
    let state = crate::state::app_state()?;
    list_for(&state.db, &granted, id).await
}

/// Form `id`'s printable list for `granted`, who must look after it.
pub async fn list_for<C: ConnectionTrait>(
    db: &C,
    granted: &Granted,
    id: i32,
) -> Result<TripList, AppError> {
    let (form, audience) = looked_after(db, granted, id).await?;
    let definition = readable_definition(&form).ok_or(AppError::Internal)?;
    let zone = crate::school::db::timezone(db, form.school_id).await?;
    let progress = progress_of(db, granted, &form, &audience).await?;
    let (pupils, classes) = names_of(db, &progress).await?;
    let guardians: HashMap<i32, String> = guardian::Entity::find()
        .filter(
            guardian::Column::Id.is_in(progress.answers.values().flatten().map(|a| a.guardian_id)),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.id, g.name))
        .collect();
    let now = Utc::now();
    let moment = super::dashboard::Moment::of(&form, now);
    let original = form.language.as_str();
    // What a guardian told the school; consents have their column and signatures no place here.
    let noted: Vec<_> = definition
        .fields
        .iter()
        .filter(|f| !f.is_consent() && f.kind != Kind::Signature)
        .collect();
    let consent_keys = definition.keys_of(Kind::Consent);
    let mut rows: Vec<TripRow> = Vec::new();
    let mut with_consent = 0_u32;
    for (pupil, class) in &progress.children {
        let mut latest = progress.latest_of(*pupil);
        latest.sort_by_key(|r| guardians.get(&r.guardian_id));
        let standing = standing(&definition, &latest, moment);
        // Each answer read once, for the consent and for the notes.
        let given: Vec<(&form_response::Model, Answers)> = latest
            .iter()
            .map(|r| (*r, serde_json::from_str(&r.answers).unwrap_or_default()))
            .collect();
        let consent = consent_of(&consent_keys, given.first().map(|(_, a)| a), standing);
        if consent == Consent::Given {
            with_consent += 1;
        }
        let notes = given
            .iter()
            .filter(|(r, _)| r.state != state::WITHDRAWN)
            .map(|(r, given)| {
                let answers = noted
                    .iter()
                    .filter_map(|field| {
                        let value = given.get(&field.key).filter(|v| !v.is_empty())?;
                        Some(PerLocale::build(|l| {
                            let question = in_language(&field.label, l.tag(), original);
                            let shown = shown_answer(field, value, l, original);
                            msg!(
                                l,
                                "form-trip-list-answer",
                                question = question,
                                answer = shown.as_str()
                            )
                        }))
                    })
                    .collect();
                GuardianNotes {
                    name: guardians.get(&r.guardian_id).cloned().unwrap_or_default(),
                    answers,
                }
            })
            .filter(|n: &GuardianNotes| !n.answers.is_empty())
            .collect();
        rows.push(TripRow {
            name: pupils.get(pupil).cloned().unwrap_or_default(),
            class: class
                .and_then(|c| classes.get(&c).cloned())
                .unwrap_or_default(),
            consent: PerLocale::build(|l| consent.label(l, standing)),
            badge: match consent {
                Consent::Given => "badge badge--done",
                Consent::Refused | Consent::None => "badge badge--late",
            }
            .to_string(),
            notes,
        });
    }
    // A trip leader goes class by class.
    rows.sort_by(|a, b| (&a.class, &a.name).cmp(&(&b.class, &b.name)));
    let count = u32::try_from(rows.len()).unwrap_or(u32::MAX);
    Ok(TripList {
        id: form.id,
        title: PerLocale::build(|l| in_language(&definition.title, l.tag(), original).to_string()),
        summary: PerLocale::build(|l| {
            let when = crate::dates::date_time(l, &zone, now);
            let (children, consent) = (count.to_string(), with_consent.to_string());
            msg!(
                l,
                "form-trip-list-summary",
                date = when.as_str(),
                children = children.as_str(),
                consent = consent.as_str()
            )
        }),
        asks_consent: !consent_keys.is_empty(),
        rows,
        words: [
            PerLocale::build(|l| msg!(l, "form-trip-list-back")),
            PerLocale::build(|l| msg!(l, "form-trip-list-print")),
            PerLocale::build(|l| msg!(l, "form-staff-child")),
            PerLocale::build(|l| msg!(l, "form-staff-class")),
            PerLocale::build(|l| msg!(l, "form-trip-list-consent")),
            PerLocale::build(|l| msg!(l, "form-trip-list-notes")),
        ],
    })
}

/// A child's consent for the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Consent {
    /// Every guardian who answered gave it.
    Given,
    /// Refused, withdrawn, or guardians disagree: the child does not go on it as things stand.
    Refused,
    /// Nobody answered (or the form asks no consent).
    None,
}

impl Consent {
    fn label(self, l: crate::i18n::Locale, standing: Standing) -> String {
        match (self, standing) {
            (Consent::Given, _) => msg!(l, "form-staff-gives-consent"),
            (_, Standing::Conflicting | Standing::Withdrawn | Standing::Lapsed) => {
                standing.label(l)
            }
            (Consent::Refused, _) => msg!(l, "form-staff-refuses-consent"),
            (Consent::None, _) => standing.label(l),
        }
    }
}

/// The child's consent, from where they stand and any one of their guardians' latest answers
/// (`first`): a child who stands "done" has guardians agreeing on every consent.
fn consent_of(keys: &[&str], first: Option<&Answers>, standing: Standing) -> Consent {
    match standing {
        // A lapsed consent no longer lets the child go: refused until given again.
        Standing::Conflicting | Standing::Withdrawn | Standing::Lapsed => Consent::Refused,
        Standing::ToDo | Standing::Overdue => Consent::None,
        Standing::Done => {
            let Some(given) = first.filter(|_| !keys.is_empty()) else {
                return Consent::None;
            };
            let is = |key: &&str, value: &str| given.get(*key).map(String::as_str) == Some(value);
            if keys.iter().all(|k| is(k, answer::YES)) {
                Consent::Given
            } else if keys.iter().any(|k| is(k, answer::NO)) {
                Consent::Refused
            } else {
                Consent::None
            }
        }
    }
}
