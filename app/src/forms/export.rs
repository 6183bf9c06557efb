//! A form's answers as a spreadsheet for the staff who look after it (`GET
//! /admin/forms/{id}/export.csv` and `.xlsx`): a row for each guardian's latest answer for each
//! asked child, and a row for each child nobody has answered for, in the order of the form's
//! figures. Every question is a column; answers are written as the reader of the file reads
//! them (the option's words, not its code), in the language of the member of staff.

use super::dashboard::{Standing, looked_after, names_of, progress_of, standing, taker, takers};
use super::definition::{Answers, Field, Kind, answer, in_language};
use super::reader::readable_definition;
use crate::access::{Capability, CurrentActor, Granted, grant};
use crate::db::entities::guardian;
use crate::error::AppError;
use crate::exports::{CSV_TYPE, Table, XLSX_TYPE, download};
use crate::i18n::Locale;
use crate::msg;
use crate::roster::documents::error_page;
use crate::state::AppState;
use axum::extract::{Extension, Path, State};
use axum::response::Response;
use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::HashMap;

/// The two files offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Csv,
    Xlsx,
}

/// `GET /admin/forms/{id}/export.csv`.
pub async fn csv(
    state: State<AppState>,
    current: Extension<CurrentActor>,
    headers: http::HeaderMap,
    id: Path<i32>,
) -> Response {
    export(state, current, headers, id, Format::Csv).await
}

/// `GET /admin/forms/{id}/export.xlsx`.
pub async fn xlsx(
    state: State<AppState>,
    current: Extension<CurrentActor>,
    headers: http::HeaderMap,
    id: Path<i32>,
) -> Response {
    export(state, current, headers, id, Format::Xlsx).await
}

async fn export(
    State(state): State<AppState>,
    Extension(current): Extension<CurrentActor>,
    headers: http::HeaderMap,
    Path(id): Path<i32>,
    format: Format,
) -> Response {
    let locale = crate::i18n::negotiate::locale_for_request(&headers);
    let result = async {
        let actor = current.0.clone().ok_or(AppError::SignInRequired)?;
        let granted = grant(&actor, Capability::FormManage)?;
        let table = table(&state.db, &granted, id, locale).await?;
        let (bytes, content_type, extension) = match format {
            Format::Csv => (table.csv()?, CSV_TYPE, "csv"),
            Format::Xlsx => (
                table.xlsx(&msg!(locale, "form-export-sheet"))?,
                XLSX_TYPE,
                "xlsx",
            ),
        };
        crate::audit::record(
            &state.db,
            actor.school_id,
            actor.user_id,
            crate::audit::action::EXPORTED,
            ("form", id),
            extension,
            Utc::now(),
        )
        .await?;
        Ok((bytes, content_type, format!("form-{id}.{extension}")))
    }
    .await;
    match result {
        Ok((bytes, content_type, filename)) => download(bytes, content_type, &filename),
        Err(err) => error_page(err, locale),
    }
}

/// Form `id`'s answers as a table for `granted`, who must look after it, in `locale`.
pub async fn table<C: ConnectionTrait>(
    db: &C,
    granted: &Granted,
    id: i32,
    locale: Locale,
) -> Result<Table, AppError> {
    let (form, audience) = looked_after(db, granted, id).await?;
    let definition = readable_definition(&form).ok_or(AppError::Internal)?;
    let zone = crate::school::db::timezone(db, form.school_id).await?;
    let (form, definition, zone) = (&form, &definition, zone.as_str());
    let progress = progress_of(db, granted, form, &audience).await?;
    let (pupils, classes) = names_of(db, &progress).await?;
    let takers = takers(db, progress.answers.values().flatten()).await?;
    let guardians: HashMap<i32, guardian::Model> = guardian::Entity::find()
        .filter(
            guardian::Column::Id.is_in(progress.answers.values().flatten().map(|a| a.guardian_id)),
        )
        .all(db)
        .await?
        .into_iter()
        .map(|g| (g.id, g))
        .collect();
    let moment = super::dashboard::Moment::of(form, Utc::now());
    let local = |at: DateTime<Utc>| {
        at.with_timezone(&crate::dates::zone(zone))
            .format("%Y-%m-%d %H:%M")
            .to_string()
    };
    let mut header = vec![
        msg!(locale, "form-staff-child"),
        msg!(locale, "form-staff-class"),
        msg!(locale, "form-staff-status"),
        msg!(locale, "csv-guardian"),
        msg!(locale, "csv-email"),
        msg!(locale, "form-export-answer"),
        msg!(locale, "form-export-submitted"),
        msg!(locale, "form-export-language"),
        msg!(locale, "form-export-version"),
        msg!(locale, "form-export-channel"),
    ];
    header.extend(
        definition
            .fields
            .iter()
            .map(|f| in_language(&f.label, locale.tag(), &form.language).to_string()),
    );
    let mut children: Vec<(Standing, String, String, i32)> = progress
        .children
        .iter()
        .map(|(pupil, class)| {
            (
                standing(definition, &progress.latest_of(*pupil), moment),
                class
                    .and_then(|c| classes.get(&c).cloned())
                    .unwrap_or_default(),
                pupils.get(pupil).cloned().unwrap_or_default(),
                *pupil,
            )
        })
        .collect();
    children.sort();
    let mut rows = Vec::new();
    for (standing, class, name, pupil) in children {
        let mut latest = progress.latest_of(pupil);
        let guardian_name = |g: i32| guardians.get(&g).map(|g| g.name.clone());
        latest.sort_by_key(|r| guardian_name(r.guardian_id));
        let child = [name, class, standing.label(locale)];
        if latest.is_empty() {
            let mut row = child.to_vec();
            row.resize(header.len(), String::new());
            rows.push(row);
        }
        for response in latest {
            let given: Answers = serde_json::from_str(&response.answers).unwrap_or_default();
            let who = guardians.get(&response.guardian_id);
            let mut row = child.to_vec();
            row.extend([
                who.map(|g| g.name.clone()).unwrap_or_default(),
                who.and_then(|g| g.email.clone()).unwrap_or_default(),
                if response.state == super::store::state::WITHDRAWN {
                    msg!(locale, "form-status-withdrawn")
                } else {
                    msg!(locale, "form-status-done")
                },
                local(response.submitted_at),
                response.language.clone(),
                response.version.to_string(),
                match taker(&takers, response) {
                    Some(taker) => msg!(locale, "form-export-by-phone", taker = taker),
                    None => msg!(locale, "form-export-in-portal"),
                },
            ]);
            row.extend(definition.fields.iter().map(|f| {
                given
                    .get(&f.key)
                    .map(|v| shown_answer(f, v, locale, &form.language))
                    .unwrap_or_default()
            }));
            rows.push(row);
        }
    }
    Ok(Table { header, rows })
}

/// An answer as a reader of the file reads it: the words of a yes, a no or an option.
pub(super) fn shown_answer(field: &Field, value: &str, locale: Locale, original: &str) -> String {
    match (field.kind, value) {
        (Kind::Consent, answer::YES) => msg!(locale, "form-consent-yes"),
        (Kind::Consent, answer::NO) => msg!(locale, "form-consent-no"),
        (Kind::YesNo, answer::YES) => msg!(locale, "form-yes"),
        (Kind::YesNo, answer::NO) => msg!(locale, "form-no"),
        (Kind::Choice, _) => field
            .choices
            .iter()
            .find(|c| c.value == value)
            .map(|c| in_language(&c.label, locale.tag(), original).to_string())
            .unwrap_or_else(|| value.to_string()),
        _ => value.to_string(),
    }
}
