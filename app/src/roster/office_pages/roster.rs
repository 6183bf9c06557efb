//! `/admin/roster` and `/admin/roster/progress`: choose the MIS export, see every row's problems
//! and what would change, import it, and watch the import's progress.

use super::{heading, problem};
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, localized};
use crate::pages::loading::{Loading, loaded, when_signed_in};
use crate::roster::office::{load_roster, load_roster_progress};
use crate::roster::office_dto::{RosterPage, RosterStep, RowProblem};
use crate::{msg, t};
use leptos::prelude::*;
use leptos_meta::Meta;
use leptos_router::hooks::use_query_map;

/// The `?upload=` of the progress page.
pub fn upload_of_query() -> String {
    use_query_map().with_untracked(|q| q.get("upload").unwrap_or_default())
}

/// The import page, or with `upload` the progress of that import.
pub fn page(upload: Option<String>) -> AnyView {
    let i18n = I18n::expect();
    let data: Option<Loading<RosterPage>> = when_signed_in(|| {
        crate::pages::loading::resource(
            move || upload.clone(),
            |upload| async move {
                match upload {
                    Some(upload) => load_roster_progress(upload).await,
                    None => load_roster().await,
                }
            },
        )
    });
    view! {
        {heading(i18n, "roster-title")}
        {loaded(data, |page| view! { <Roster page/> }.into_any_now())}
    }
    .into_any_now()
}

#[component]
fn Roster(page: RosterPage) -> impl IntoView {
    let i18n = I18n::expect();
    let refused = problem(i18n, page.problem);
    let step = match page.step {
        RosterStep::Choose => view! {
            <p>{t!(i18n, "roster-intro")}</p>
            {upload_form(i18n)}
        }
        .into_any_now(),
        RosterStep::Checked {
            summary,
            upload: Some(upload),
            ..
        } => view! {
            <p>{localized(i18n, summary)}</p>
            <form method="post" action="/admin/roster">
                <input type="hidden" name="upload" value=upload/>
                <button class="button" type="submit">{t!(i18n, "roster-import")}</button>
            </form>
        }
        .into_any_now(),
        RosterStep::Checked {
            summary, problems, ..
        } => view! {
            <p>{localized(i18n, summary)}</p>
            {problems_table(i18n, problems)}
            <h2>{t!(i18n, "roster-choose-again")}</h2>
            {upload_form(i18n)}
        }
        .into_any_now(),
        RosterStep::Importing { done, total } => {
            let (done_text, total_text) = (done.to_string(), total.to_string());
            let label = Signal::derive(move || {
                msg!(
                    i18n.locale(),
                    "roster-importing",
                    done = done_text.as_str(),
                    total = total_text.as_str()
                )
            });
            // Reloads itself until the import is done: works the same without JavaScript.
            view! {
                <Meta http_equiv="refresh" content="1"/>
                <label for="import-progress">{label}</label>
                <progress id="import-progress" max=total.max(1) value=done>{label}</progress>
            }
            .into_any_now()
        }
        RosterStep::Imported { summary, problems } if problems.is_empty() => view! {
            <p role="status">{t!(i18n, "roster-imported")}</p>
            <p>{localized(i18n, summary)}</p>
        }
        .into_any_now(),
        RosterStep::Imported { problems, .. } => problems_table(i18n, problems),
    };
    view! { {refused} {step} }
}

fn upload_form(i18n: I18n) -> AnyView {
    view! {
        <form class="roster-upload" method="post" action="/admin/roster" enctype="multipart/form-data">
            <div class="field">
                <label for="roster-file">{t!(i18n, "roster-file")}</label>
                <input id="roster-file" name="file" type="file" accept=".csv,text/csv" required/>
            </div>
            <button class="button" type="submit">{t!(i18n, "roster-check")}</button>
        </form>
    }
    .into_any_now()
}

/// The rows of a file that stop its import, by line, and what to do.
pub(crate) fn problems_table(i18n: I18n, problems: Vec<RowProblem>) -> AnyView {
    let count = problems.len().to_string();
    view! {
        <h2>{move || msg!(i18n.locale(), "roster-problems-title", count = count.as_str())}</h2>
        <p>{t!(i18n, "roster-problems-intro")}</p>
        <div class="table-scroll">
            <table class="roster-problems">
                <thead><tr>
                    <th scope="col">{t!(i18n, "roster-line")}</th>
                    <th scope="col">{t!(i18n, "roster-problem")}</th>
                </tr></thead>
                <tbody>
                    {problems.into_iter().map(|p| view! {
                        <tr><td>{p.line}</td><td>{localized(i18n, p.text)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any_now()
}
