//! A new form from a template (trip consent, dietary requirements, medication): its title and
//! details in each language side by side (the school's own language required, the others optional), whom it is
//! for (year groups for the office and leadership; a teacher's own classes) and the day it
//! closes. A plain form posting to its own address: a refused one comes back with everything
//! typed.

use super::STAFF_FORMS_PATH;
use super::definition::{MAX_LONG, MAX_SHORT, Texts, filled};
use super::staff_dto::{LanguageTexts, NewFormPage};
use super::store::{self, NewForm};
use super::templates;
use crate::access::{Actor, Capability, CurrentActor, Granted, allowed_scope, authorize};
use crate::audience::Audience;
use crate::error::AppError;
use crate::i18n::{Locale, PerLocale};
use crate::msg;
use crate::notices::compose_dto::TargetKind;
use crate::state::AppState;
use chrono::{Duration, NaiveDate, Utc};
use sea_orm::TransactionTrait;
use std::sync::Arc;

/// What a post to `/admin/forms/new` came to.
pub enum Created {
    /// Made: where to send the browser.
    Done(String),
    /// The page again with why not, or why it could not be shown.
    Again(Box<Result<NewFormPage, AppError>>),
}

/// What was typed.
#[derive(Default)]
struct Typed {
    titles: Texts,
    details: Texts,
    ticked: Vec<String>,
    closes: String,
    /// The template's code (`templates::code`).
    template: String,
    /// The questions typed on the editor (a form with the school's own questions).
    questions: Vec<super::builder::Typed>,
    /// Answered once per family (a form with the school's own questions only: the templates'
    /// answers are each child's).
    per_family: bool,
    /// The button pressed.
    action: String,
}

fn read(pairs: Vec<(String, String)>) -> Typed {
    let mut typed = Typed {
        questions: super::builder::read(&pairs),
        ..Typed::default()
    };
    for (name, value) in pairs {
        if let Some(tag) = name.strip_prefix("title_") {
            typed
                .titles
                .insert(tag.to_string(), value.trim().to_string());
        } else if let Some(tag) = name.strip_prefix("details_") {
            typed
                .details
                .insert(tag.to_string(), value.trim().to_string());
        } else if name == "target" {
            typed.ticked.push(value);
        } else if name == "closes" {
            typed.closes = value.trim().to_string();
        } else if name == "template" {
            typed.template = value;
        } else if name == "action" {
            typed.action = value;
        } else if name == "per_family" {
            typed.per_family = value == "1";
        }
    }
    if typed.template.is_empty() {
        typed.template = templates::code::TRIP_CONSENT.to_string();
    }
    typed
}

/// The new form page from `template` (trip consent when none is given) for the signed-in member
/// of staff, or the answer to the post it shows. A code that is not a template is "not found".
pub async fn page(template: Option<String>) -> Result<NewFormPage, AppError> {
    if let Some(answer) = crate::posted::form(|p: &NewFormPage| p.problem.is_some()) {
        return answer;
    }
    let granted = authorize(Capability::FormManage)?;
    let state = crate::state::app_state()?;
    let template = template.unwrap_or_else(|| templates::code::TRIP_CONSENT.to_string());
    if !templates::code::ALL.contains(&template.as_str()) {
        return Err(AppError::NotFound);
    }
    // The editor starts with one question to fill in.
    let questions = if template == templates::code::CUSTOM {
        vec![super::builder::Typed::default()]
    } else {
        Vec::new()
    };
    let typed = Typed {
        template,
        questions,
        ..Typed::default()
    };
    shown(&state, &granted.actor, &typed, None).await
}

/// The new form page's words for `template`: heading, "Title", "Details".
fn template_words(template: &str) -> [PerLocale<String>; 3] {
    match template {
        templates::code::DIETARY => [
            PerLocale::build(|l| msg!(l, "form-staff-new-dietary")),
            PerLocale::build(|l| msg!(l, "form-new-title-form")),
            PerLocale::build(|l| msg!(l, "form-new-details-dietary")),
        ],
        templates::code::MEDICATION => [
            PerLocale::build(|l| msg!(l, "form-staff-new-medication")),
            PerLocale::build(|l| msg!(l, "form-new-title-form")),
            PerLocale::build(|l| msg!(l, "form-new-details-medication")),
        ],
        templates::code::CUSTOM => [
            PerLocale::build(|l| msg!(l, "form-staff-new-custom")),
            PerLocale::build(|l| msg!(l, "form-new-title-form")),
            PerLocale::build(|l| msg!(l, "form-new-details-custom")),
        ],
        templates::code::PHOTO_CONSENT => [
            PerLocale::build(|l| msg!(l, "form-staff-new-photo")),
            PerLocale::build(|l| msg!(l, "form-new-title-form")),
            PerLocale::build(|l| msg!(l, "form-new-details-photo")),
        ],
        _ => [
            PerLocale::build(|l| msg!(l, "form-new-heading")),
            PerLocale::build(|l| msg!(l, "form-new-title")),
            PerLocale::build(|l| msg!(l, "form-new-details")),
        ],
    }
}

/// Where staff start a form from each template, with the link's words.
pub fn template_links() -> Vec<(String, PerLocale<String>)> {
    templates::code::ALL
        .into_iter()
        .map(|code| {
            let [heading, ..] = template_words(code);
            (format!("{STAFF_FORMS_PATH}/new?template={code}"), heading)
        })
        .collect()
}

async fn shown(
    state: &AppState,
    actor: &Actor,
    typed: &Typed,
    problem: Option<PerLocale<String>>,
) -> Result<NewFormPage, AppError> {
    let choices = crate::notices::staff::compose::choices(
        state,
        actor,
        Capability::FormManage,
        Capability::FormManage,
    )
    .await?;
    let targets = choices
        .targets
        .into_iter()
        .filter(|t| t.kind != TargetKind::Pupil)
        .collect();
    let texts = Locale::ALL
        .into_iter()
        .enumerate()
        .map(|(index, language)| {
            let tag = language.tag();
            LanguageTexts {
                language: tag.to_string(),
                label: PerLocale::build(|l| {
                    let name = match language {
                        Locale::EnGb => msg!(l, "language-name-en-GB"),
                        Locale::ZhCn => msg!(l, "language-name-zh-CN"),
                        Locale::Ar => msg!(l, "language-name-ar"),
                    };
                    if index == 0 {
                        msg!(l, "form-new-language-required", language = name.as_str())
                    } else {
                        msg!(l, "form-new-language-optional", language = name.as_str())
                    }
                }),
                title: typed.titles.get(tag).cloned().unwrap_or_default(),
                details: typed.details.get(tag).cloned().unwrap_or_default(),
            }
        })
        .collect();
    let [heading, title_label, details_label] = template_words(&typed.template);
    Ok(NewFormPage {
        texts,
        targets,
        ticked: typed.ticked.clone(),
        closes: typed.closes.clone(),
        problem,
        template: typed.template.clone(),
        words: [
            heading,
            title_label,
            details_label,
            PerLocale::build(|l| msg!(l, "form-new-audience")),
            PerLocale::build(|l| msg!(l, "form-new-closes")),
            PerLocale::build(|l| msg!(l, "form-new-create")),
            PerLocale::build(|l| msg!(l, "form-new-not-created")),
        ],
        builder: (typed.template == templates::code::CUSTOM)
            .then(|| super::builder::page(&typed.questions, typed.per_family)),
    })
}

/// Why a new form was refused.
#[derive(Clone, Copy)]
enum Refusal {
    /// No trip title in the school's language.
    NoTitle,
    /// No title in the school's language, on a form that is not a trip's.
    NoFormTitle,
    TitleWithoutDetails,
    TooLong,
    NoAudience,
    Closes,
}

fn refusal_text(why: Refusal) -> PerLocale<String> {
    PerLocale::build(|l| match why {
        Refusal::NoTitle => msg!(l, "form-new-no-title"),
        Refusal::NoFormTitle => msg!(l, "form-new-no-title-form"),
        Refusal::TitleWithoutDetails => msg!(l, "form-new-half-translated"),
        Refusal::TooLong => msg!(l, "form-problem-too-long"),
        Refusal::NoAudience => msg!(l, "form-new-no-audience"),
        Refusal::Closes => msg!(l, "form-new-closes-problem"),
    })
}

/// The audience ticked: `y<id>` year groups, `c<id>` classes; anything else is not ours.
fn audience_of(ticked: &[String]) -> Result<Audience, AppError> {
    let (mut years, mut classes) = (Vec::new(), Vec::new());
    for value in ticked {
        // `strip_prefix`, not a byte split: a value starting with a multi-byte character must
        // be refused, not panic.
        let parse = |id: &str| id.parse::<i32>().map_err(|_| AppError::BadRequest);
        if let Some(id) = value.strip_prefix('y') {
            years.push(parse(id)?);
        } else if let Some(id) = value.strip_prefix('c') {
            classes.push(parse(id)?);
        } else {
            return Err(AppError::BadRequest);
        }
    }
    Ok(Audience::ticked(false, false, &years, &classes, &[]))
}

/// `POST /admin/forms/new`: make the form, or show the page again with why not.
pub async fn submit(
    state: &AppState,
    current: &CurrentActor,
    pairs: Vec<(String, String)>,
) -> Created {
    let result = async {
        let actor = current.0.clone().ok_or(AppError::SignInRequired)?;
        let scope =
            allowed_scope(&actor.roles, Capability::FormManage).ok_or(AppError::NotFound)?;
        let mut typed = read(pairs);
        // Adding, removing or moving a question shows the editor again, everything kept.
        if typed.template == templates::code::CUSTOM
            && super::builder::edit(&mut typed.questions, &typed.action)
        {
            let page = shown(state, &actor, &typed, None).await?;
            return Ok(Created::Again(Box::new(Ok(page))));
        }
        let granted = Granted {
            actor: Arc::clone(&actor),
            scope,
        };
        match checked(state, &granted, &typed).await? {
            Ok(new) => {
                let now = Utc::now();
                let txn = state.db.begin().await?;
                let id = store::create(&txn, actor.school_id, actor.user_id, &new, now).await?;
                crate::audit::record(
                    &txn,
                    actor.school_id,
                    actor.user_id,
                    crate::audit::action::FORM_CREATED,
                    ("form", id),
                    &new.template,
                    now,
                )
                .await?;
                txn.commit().await?;
                Ok(Created::Done(format!("{STAFF_FORMS_PATH}/{id}")))
            }
            Err(why) => {
                let page = shown(state, &actor, &typed, Some(why)).await?;
                Ok(Created::Again(Box::new(Ok(page))))
            }
        }
    }
    .await;
    result.unwrap_or_else(|err| Created::Again(Box::new(Err(err))))
}

/// The form to make from what was typed, or why not.
async fn checked(
    state: &AppState,
    granted: &Granted,
    typed: &Typed,
) -> Result<Result<NewForm, PerLocale<String>>, AppError> {
    let original = Locale::ALL[0].tag();
    let (titles, details) = (filled(&typed.titles), filled(&typed.details));
    let template = typed.template.as_str();
    if !templates::code::ALL.contains(&template) {
        return Err(AppError::BadRequest);
    }
    if !titles.contains_key(original) {
        return Ok(Err(refusal_text(
            if template == templates::code::TRIP_CONSENT {
                Refusal::NoTitle
            } else {
                Refusal::NoFormTitle
            },
        )));
    }
    if details.keys().any(|tag| !titles.contains_key(tag)) {
        return Ok(Err(refusal_text(Refusal::TitleWithoutDetails)));
    }
    let long = |texts: &Texts, most: usize| texts.values().any(|t| t.chars().count() > most);
    if long(&titles, MAX_SHORT) || long(&details, MAX_LONG) {
        return Ok(Err(refusal_text(Refusal::TooLong)));
    }
    let audience = audience_of(&typed.ticked)?;
    if audience.is_empty() {
        return Ok(Err(refusal_text(Refusal::NoAudience)));
    }
    crate::audience::check_targets(&state.db, granted, &audience).await?;
    let zone = granted.actor.zone.clone();
    let now = Utc::now();
    let today = crate::dates::local_day(&zone, now);
    let Some(closes) = NaiveDate::parse_from_str(&typed.closes, "%Y-%m-%d")
        .ok()
        .filter(|day| *day >= today && *day <= today + Duration::days(366))
    else {
        return Ok(Err(refusal_text(Refusal::Closes)));
    };
    let definition = if template == templates::code::CUSTOM {
        match super::builder::build(&typed.questions, original) {
            None => return Err(AppError::BadRequest),
            Some(Err(why)) => return Ok(Err(why)),
            Some(Ok(fields)) => super::definition::Definition {
                title: titles,
                intro: details,
                fields,
            },
        }
    } else {
        templates::make(template, titles, details).ok_or(AppError::BadRequest)?
    };
    Ok(Ok(NewForm {
        template: template.to_string(),
        per_family: template == templates::code::CUSTOM && typed.per_family,
        language: original.to_string(),
        definition,
        audience,
        opens_at: now,
        // Open all of its last day.
        closes_at: crate::dates::start_of_day(&zone, closes + Duration::days(1)),
        consent_until: store::end_of_year(&state.db, granted.actor.school_id, &zone).await?,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ticked_audience_is_year_groups_and_classes_and_nothing_else() {
        let ticked = |values: &[&str]| {
            audience_of(&values.iter().map(|v| v.to_string()).collect::<Vec<_>>())
        };
        assert_eq!(
            ticked(&["y3", "c30", "c30"]),
            Ok(Audience::ticked(false, false, &[3], &[30], &[]))
        );
        for bad in ["p7", "y", "cx", "é1", "", "y1.5"] {
            assert_eq!(ticked(&[bad]), Err(AppError::BadRequest), "{bad:?}");
        }
    }
}
