//! Access-code letters: the office picks a class, the server issues a fresh 48-hour code for each
//! guardian there who has no account yet, and answers with the letters to print — one per
//! guardian, in the guardian's language, with the code and a QR code of the sign-up link. The
//! page is `roster::office_pages`; this is its server side.

use super::office_dto::{ClassChoice, Letter, LettersPage, PrintedLetters, QrCode};
use crate::access::{Actor, Capability, CurrentActor};
use crate::auth::codes::{self, CodeFor, purpose};
use crate::db::entities::{class, enrolment, guardian, guardian_pupil, pupil, user_account};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::msg;
use crate::posted;
use crate::state::AppState;
use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// One guardian's letter as issued.
#[derive(Clone, Debug)]
pub struct Issued {
    /// The guardian's name.
    pub guardian: String,
    /// The guardian's language.
    pub locale: Locale,
    /// Their children in the class.
    pub children: Vec<String>,
    /// The one-time code.
    pub code: String,
    /// The sign-up link with the code in it.
    pub link: String,
}

/// The actor if they may issue codes for the whole school; otherwise the matching error.
fn issuer(current: &CurrentActor) -> Result<Arc<Actor>, AppError> {
    super::office::whole_school(current, Capability::AccessCodesIssue)
}

/// The letters page's data: what a post to it came to, else this year's classes.
pub async fn page() -> Result<LettersPage, AppError> {
    if let Some(answer) = posted::page(|p: &LettersPage| p.problem.as_ref()) {
        return answer;
    }
    let actor = issuer(&CurrentActor(Some(crate::access::current_actor()?)))?;
    let state = crate::state::app_state()?;
    Ok(LettersPage::of(
        classes_of_school(&state.db, actor.school_id).await?,
    ))
}

/// `POST /admin/letters`: `action=reset` issues a password-reset code for a guardian's account
/// (a parent who forgot their password, checked in person); otherwise `class_id` prints that
/// class's letters.
pub async fn post(
    state: &AppState,
    current: &CurrentActor,
    form: &HashMap<String, String>,
) -> Result<LettersPage, AppError> {
    let actor = issuer(current)?;
    let mut page = LettersPage::of(classes_of_school(&state.db, actor.school_id).await?);
    if form.get("action").map(String::as_str) == Some("reset") {
        page.reset_email = form.get("email").cloned().unwrap_or_default();
        match super::staff_page::guardian_reset(state, &actor, &page.reset_email).await {
            Ok(issued) => page.issued = Some(issued),
            Err(problem) => page.problem = Some(problem),
        }
        return Ok(page);
    }
    let class_id = form
        .get("class_id")
        .and_then(|id| id.parse().ok())
        .ok_or(AppError::BadRequest)?;
    let (class_name, letters) =
        issue_for_class(&state.db, &actor, class_id, &state.settings.public_url).await?;
    let expires = (Utc::now() + Duration::hours(codes::VALID_HOURS)).date_naive();
    let school = state
        .school
        .as_ref()
        .map(|s| s.name.clone())
        .unwrap_or_default();
    page.printed = Some(PrintedLetters {
        school: school.clone(),
        class_name,
        letters: letters
            .into_iter()
            .map(|letter| {
                let l = letter.locale;
                let date = match l {
                    Locale::ZhCn => expires.format("%Y年%m月%d日").to_string(),
                    _ => expires.format("%d/%m/%Y").to_string(),
                };
                let children = letter.children.join(", ");
                Letter {
                    lang: l.tag().to_string(),
                    title: msg!(l, "letter-title", school = school.as_str()),
                    greeting: msg!(l, "letter-greeting", name = letter.guardian.as_str()),
                    intro: msg!(l, "letter-intro", children = children.as_str()),
                    code_label: msg!(l, "letter-code-label"),
                    code: letter.code,
                    qr_label: msg!(l, "letter-qr-label"),
                    qr: qr_code(&letter.link),
                    link: letter.link,
                    expiry: msg!(l, "letter-expiry", date = date.as_str()),
                }
            })
            .collect(),
    });
    Ok(page)
}

/// Modules of quiet zone around a QR code, as the standard asks.
const QR_QUIET: usize = 4;

/// `text` as a QR code: one SVG path over the dark modules.
fn qr_code(text: &str) -> Option<QrCode> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    let width = code.width();
    let mut path = String::new();
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == qrcode::Color::Dark {
            let (x, y) = (i % width + QR_QUIET, i / width + QR_QUIET);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    Some(QrCode {
        size: (width + 2 * QR_QUIET) as u32,
        path,
    })
}

async fn classes_of_school(
    db: &DatabaseConnection,
    school_id: i32,
) -> Result<Vec<ClassChoice>, AppError> {
    let Some(year) = crate::audience::resolve::current_year(db, school_id).await? else {
        return Ok(Vec::new());
    };
    Ok(class::Entity::find()
        .filter(class::Column::AcademicYearId.eq(year.id))
        .order_by_asc(class::Column::YearGroupId)
        .order_by_asc(class::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|c| ClassChoice {
            id: c.id,
            name: c.name,
        })
        .collect())
}

/// Issues fresh codes for every guardian of the class's pupils who has no account yet.
pub async fn issue_for_class(
    db: &DatabaseConnection,
    actor: &Actor,
    class_id: i32,
    public_url: &str,
) -> Result<(String, Vec<Issued>), AppError> {
    let class = class::Entity::find_by_id(class_id)
        .one(db)
        .await?
        .filter(|c| c.school_id == actor.school_id)
        .ok_or(AppError::NotFound)?;
    let pupil_ids: Vec<i32> = enrolment::Entity::find()
        .filter(enrolment::Column::ClassId.eq(class_id))
        .all(db)
        .await?
        .into_iter()
        .map(|e| e.pupil_id)
        .collect();
    let pupils: BTreeMap<i32, String> = pupil::Entity::find()
        .filter(pupil::Column::Id.is_in(pupil_ids.clone()))
        .all(db)
        .await?
        .iter()
        .map(|p| (p.id, crate::roster::display_name(p)))
        .collect();
    let mut children_of: BTreeMap<i32, Vec<String>> = BTreeMap::new();
    for link in guardian_pupil::Entity::find()
        .filter(guardian_pupil::Column::PupilId.is_in(pupil_ids))
        .all(db)
        .await?
    {
        if let Some(name) = pupils.get(&link.pupil_id) {
            children_of
                .entry(link.guardian_id)
                .or_default()
                .push(name.clone());
        }
    }
    let with_accounts: Vec<i32> = user_account::Entity::find()
        .filter(
            user_account::Column::GuardianId.is_in(children_of.keys().copied().collect::<Vec<_>>()),
        )
        .all(db)
        .await?
        .into_iter()
        .filter_map(|a| a.guardian_id)
        .collect();
    let guardians = guardian::Entity::find()
        .filter(guardian::Column::Id.is_in(children_of.keys().copied().collect::<Vec<_>>()))
        .order_by_asc(guardian::Column::Name)
        .all(db)
        .await?;
    let mut letters = Vec::new();
    for g in guardians {
        if with_accounts.contains(&g.id) {
            continue;
        }
        let code = codes::issue(
            db,
            CodeFor {
                school_id: actor.school_id,
                guardian_id: Some(g.id),
                user_id: None,
                purpose: purpose::SIGN_UP,
            },
        )
        .await?;
        letters.push(Issued {
            guardian: g.name.clone(),
            locale: Locale::from_tag(&g.preferred_locale).unwrap_or_default(),
            children: children_of.remove(&g.id).unwrap_or_default(),
            link: format!("{public_url}/join?code={code}"),
            code,
        });
    }
    tracing::info!(class = %class.name, letters = letters.len(), by = actor.user_id, "issued access codes");
    Ok((class.name, letters))
}
