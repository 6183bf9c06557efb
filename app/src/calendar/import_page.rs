//! `/admin/calendar/import`: the office chooses a CSV or iCalendar file of term dates and
//! events, sees every event it would add (or every line that stops it), then imports it. Part
//! of the staff calendar's lazily loaded route; it posts to its own address and works the same
//! without JavaScript. Its words come with its data.

use super::staff_pages::{EventRow, STAFF_CALENDAR_PATH};
use super::{CalendarImport, ImportRow, ImportStep, ImportWords};
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, localized};
use crate::roster::office_pages::roster::problems_table;
use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// The import page's address.
pub const IMPORT_PATH: &str = "/admin/calendar/import";

/// The page for what the office has done so far.
pub fn import_page(page: CalendarImport) -> AnyView {
    let i18n = I18n::expect();
    let CalendarImport { words, step } = page;
    let title = words.title.clone();
    let heading = view! {
        <Title text=move || title.text(i18n.locale())/>
        <p><a class="back-link" href=STAFF_CALENDAR_PATH>{t!(i18n, "calendar-staff-title")}</a></p>
        <h1>{localized(i18n, words.title.clone())}</h1>
    };
    let step = match step {
        ImportStep::Choose => view! {
            <p>{localized(i18n, words.intro.clone())}</p>
            <p class="field__hint">{localized(i18n, words.csv_help.clone())}</p>
            <p class="field__hint">{localized(i18n, words.ics_help.clone())}</p>
            {chooser(i18n, &words)}
        }
        .into_any_now(),
        ImportStep::Checked {
            summary,
            upload,
            rows,
            problems,
        } if !problems.is_empty() || upload.is_none() => {
            let alert = !problems.is_empty();
            view! {
                <p class=if alert { "form-error" } else { "notice-note" } role=if alert { "alert" } else { "status" }>{localized(i18n, summary)}</p>
                {alert.then(|| problems_table(i18n, problems))}
                {event_list(&words, rows)}
                <h2>{t!(i18n, "roster-choose-again")}</h2>
                {chooser(i18n, &words)}
            }
            .into_any_now()
        }
        ImportStep::Checked {
            summary,
            upload,
            rows,
            ..
        } => view! {
            <p role="status">{localized(i18n, summary)}</p>
            <form method="post" action=IMPORT_PATH>
                <input type="hidden" name="upload" value=upload.unwrap_or_default()/>
                <button class="button" type="submit">{localized(i18n, words.import.clone())}</button>
            </form>
            {event_list(&words, rows)}
            <h2>{t!(i18n, "roster-choose-again")}</h2>
            {chooser(i18n, &words)}
        }
        .into_any_now(),
        ImportStep::Imported { summary } => view! {
            <p class="notice-note" role="status">{localized(i18n, summary)}</p>
            <p><a class="button" href=STAFF_CALENDAR_PATH>{localized(i18n, words.back.clone())}</a></p>
        }
        .into_any_now(),
    };
    view! { {heading} {step} }.into_any_now()
}

/// The file picker: a multipart form posted to the page's own address.
fn chooser(i18n: I18n, words: &ImportWords) -> AnyView {
    view! {
        <form class="roster-upload" method="post" action=IMPORT_PATH enctype="multipart/form-data">
            <div class="field">
                <label for="import-file">{localized(i18n, words.file.clone())}</label>
                <input id="import-file" name="file" type="file" accept=".csv,.ics,text/csv,text/calendar" required/>
            </div>
            <button class="button" type="submit">{t!(i18n, "roster-check")}</button>
        </form>
    }
    .into_any_now()
}

/// The file's events as the staff calendar lists them, each with its line.
fn event_list(words: &ImportWords, rows: Vec<ImportRow>) -> AnyView {
    if rows.is_empty() {
        return ().into_any_now();
    }
    let already = words.already.clone();
    view! {
        <ul class="staff-events">
            {rows.into_iter().map(|row| {
                let note = row.already.then(|| already.clone());
                view! { <EventRow row=row.event line=Some(row.line) note=note/> }
            }).collect_view()}
        </ul>
    }
    .into_any_now()
}
