//! Access-code letters: the office picks a class, the server issues a fresh 48-hour code for each
//! guardian there who has no account yet, and answers with a printable document — one letter per
//! guardian, in the guardian's language, with the code and a QR code of the sign-up link.
//!
//! Plain server-rendered documents (not app routes): they are printed, need no script, and so
//! add nothing to the wasm. Access is checked here exactly as in a server function.

use super::documents::{Head, document, error_page};
use crate::access::{Actor, Capability, CurrentActor};
use crate::auth::codes::{self, CodeFor, purpose};
use crate::db::entities::{class, enrolment, guardian, guardian_pupil, pupil, user_account};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::msg;
use crate::state::AppState;
use axum::extract::{Extension, Form, State};
use axum::response::Response;
use chrono::{Duration, Utc};
use leptos::prelude::*;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use std::collections::BTreeMap;
use std::sync::Arc;

/// One printed letter.
#[derive(Clone, Debug)]
pub struct Letter {
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

/// The office's choice of class.
#[derive(serde::Deserialize)]
pub struct LettersForm {
    /// The class to print letters for.
    pub class_id: i32,
}

/// The actor if they may issue codes for the whole school; otherwise the matching error.
fn issuer(current: &CurrentActor) -> Result<Arc<Actor>, AppError> {
    super::documents::whole_school(current, Capability::AccessCodesIssue)
}

/// `GET /admin/letters`: the classes of this year, each with a button that prints its letters.
pub async fn class_list(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentActor>,
    headers: http::HeaderMap,
) -> Response {
    let locale = crate::i18n::negotiate::locale_for_request(&headers);
    let actor = match issuer(&current) {
        Ok(actor) => actor,
        Err(err) => return error_page(err, locale),
    };
    let classes = match classes_of_school(&state.db, actor.school_id).await {
        Ok(classes) => classes,
        Err(err) => return error_page(err, locale),
    };
    let title = msg!(locale, "letters-title");
    let body = view! {
        <main class="letters-admin">
            <h1>{title.clone()}</h1>
            <p>{msg!(locale, "letters-intro")}</p>
            <ul class="letters-admin__classes">
                {classes.into_iter().map(|(id, name)| view! {
                    <li><form method="post" action="/admin/letters">
                        <input type="hidden" name="class_id" value=id/>
                        <button class="button" type="submit">{msg!(locale, "letters-print-class", class = name.as_str())}</button>
                    </form></li>
                }).collect_view()}
            </ul>
            <h2>{msg!(locale, "letters-reset-title")}</h2>
            <form method="post" action="/admin/letters/reset">
                <div class="field">
                    <label for="reset-email">{msg!(locale, "sign-in-email")}</label>
                    <input id="reset-email" name="email" type="email" required/>
                </div>
                <button class="button" type="submit">{msg!(locale, "staff-reset")}</button>
            </form>
        </main>
    };
    document(locale, title, head(&state), body)
}

/// The documents' `<head>`: the app's stylesheet.
fn head(state: &AppState) -> Head<'_> {
    Head {
        css: &state.assets.css,
        refresh_seconds: None,
    }
}

/// `POST /admin/letters`: issues the class's codes and answers with the letters to print.
pub async fn print(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentActor>,
    headers: http::HeaderMap,
    Form(form): Form<LettersForm>,
) -> Response {
    let locale = crate::i18n::negotiate::locale_for_request(&headers);
    let actor = match issuer(&current) {
        Ok(actor) => actor,
        Err(err) => return error_page(err, locale),
    };
    let school_name = state
        .school
        .as_ref()
        .map(|s| s.name.clone())
        .unwrap_or_default();
    let (class_name, letters) =
        match issue_for_class(&state.db, &actor, form.class_id, &state.settings.public_url).await {
            Ok(issued) => issued,
            Err(err) => return error_page(err, locale),
        };
    let expires = (Utc::now() + Duration::hours(codes::VALID_HOURS)).date_naive();
    let none = letters
        .is_empty()
        .then(|| msg!(locale, "letters-none", class = class_name.as_str()));
    // The letters are the page's main content (one landmark for screen readers).
    let body = view! {
        <main class="letters">
            {none.map(|text| view! { <p>{text}</p> })}
            {letters.iter().map(|letter| render_letter(letter, &school_name, &class_name, expires)).collect_view()}
        </main>
    };
    document(locale, msg!(locale, "letters-title"), head(&state), body)
}

/// One letter, in the guardian's language.
fn render_letter(
    letter: &Letter,
    school: &str,
    class_name: &str,
    expires: chrono::NaiveDate,
) -> impl IntoView + use<> {
    let l = letter.locale;
    let date = match l {
        Locale::ZhCn => expires.format("%Y年%m月%d日").to_string(),
        _ => expires.format("%d/%m/%Y").to_string(),
    };
    let children = letter.children.join(", ");
    view! {
        <section class="letter" lang=l.tag() dir=l.dir()>
            <p class="letter__school">{format!("{school} · {class_name}")}</p>
            <h1>{msg!(l, "letter-title", school = school)}</h1>
            <p>{msg!(l, "letter-greeting", name = letter.guardian.as_str())}</p>
            <p>{msg!(l, "letter-intro", children = children.as_str())}</p>
            <p class="letter__label">{msg!(l, "letter-code-label")}</p>
            <p class="letter__code">{letter.code.clone()}</p>
            <div class="letter__qr" role="img" aria-label=msg!(l, "letter-qr-label")>{qr_code(&letter.link)}</div>
            <p class="letter__link">{letter.link.clone()}</p>
            <p>{msg!(l, "letter-expiry", date = date.as_str())}</p>
        </section>
    }
}

/// Modules of quiet zone around a QR code, as the standard asks.
const QR_QUIET: usize = 4;

/// `text` as a QR code: one SVG path over the dark modules, drawn by Leptos like any other view.
fn qr_code(text: &str) -> Option<impl IntoView + use<>> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    let width = code.width();
    let mut path = String::new();
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == qrcode::Color::Dark {
            let (x, y) = (i % width + QR_QUIET, i / width + QR_QUIET);
            path.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    let size = width + 2 * QR_QUIET;
    Some(view! {
        <svg xmlns="http://www.w3.org/2000/svg" viewBox=format!("0 0 {size} {size}") shape-rendering="crispEdges" aria-hidden="true">
            <rect width=size height=size fill="#fff"/>
            <path d=path fill="#000"/>
        </svg>
    })
}

async fn classes_of_school(
    db: &DatabaseConnection,
    school_id: i32,
) -> Result<Vec<(i32, String)>, AppError> {
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
        .map(|c| (c.id, c.name))
        .collect())
}

/// Issues fresh codes for every guardian of the class's pupils who has no account yet.
pub async fn issue_for_class(
    db: &DatabaseConnection,
    actor: &Actor,
    class_id: i32,
    public_url: &str,
) -> Result<(String, Vec<Letter>), AppError> {
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
        letters.push(Letter {
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
