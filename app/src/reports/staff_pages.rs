//! `/admin/reports`: the office's report cycles and a form for a new one; `/admin/reports/:id`,
//! a cycle — its upload (one ZIP or many PDFs, named by MIS id) and the preview of what matched
//! and what did not while a draft, then publishing it; once published, who has opened each
//! report and every download. Plain forms posting to their own addresses, so everything works
//! without JavaScript. One lazily loaded route whose data starts in `view()`.

use super::dto::{CyclePage, StaffReports, Stage};
use super::upload_progress::Sent;
use super::{STAFF_REPORTS_PATH, cycle_href, load_staff_reports, upload_href};
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, PerLocale, localized};
use crate::page_data::PageData;
use crate::pages::loading::{Loading, loaded_as, when_signed_in};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use leptos_router::{LazyRoute, lazy_route};

/// A lazily loaded route for the office's reports pages.
pub struct StaffReportsRoute {
    /// A cycle's id, or `None` for the list.
    id: Option<i32>,
    done: Option<String>,
}

#[lazy_route]
impl LazyRoute for StaffReportsRoute {
    fn data() -> Self {
        let id = use_params_map().with_untracked(|p| p.get("id"));
        let done = use_query_map().with_untracked(|q| q.get("done"));
        // Anything but a number is a cycle nobody has: "not found".
        let id = id.map(|id| id.parse().unwrap_or(0));
        Self { id, done }
    }

    fn view(this: Self) -> AnyView {
        crate::i18n::sections::staff();
        let i18n = I18n::expect();
        let StaffReportsRoute { id, done } = this;
        let data: Option<Loading<PageData>> = when_signed_in(|| {
            crate::pages::loading::resource(
                move || (id, done.clone()),
                |(id, done)| load_staff_reports(id, done),
            )
        });
        match id {
            None => loaded_as(data, move |page: StaffReports| cycle_list(i18n, page)),
            Some(_) => loaded_as(data, move |page: CyclePage| cycle(i18n, page)),
        }
    }
}

fn cycle_list(i18n: I18n, page: StaffReports) -> AnyView {
    let StaffReports {
        cycles,
        name,
        kinds,
        year_groups,
        problem,
        words,
    } = page;
    let [
        heading,
        intro,
        none,
        new_heading,
        name_label,
        kind_label,
        years_label,
        create,
    ] = words;
    let heading = localized(i18n, heading);
    let list = if cycles.is_empty() {
        view! { <p class="empty-state">{localized(i18n, none)}</p> }.into_any_now()
    } else {
        view! {
            <ul class="board">
                {cycles.into_iter().map(|c| view! {
                    <li class="report-card">
                        <a class="report-card__link" href=c.href><strong>{c.name}</strong></a>
                        <p class="report-card__about">{localized(i18n, c.about)}</p>
                        <p class="report-card__figures">{localized(i18n, c.figures)}</p>
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any_now()
    };
    let problem_of = |field: &'static str| {
        problem
            .as_ref()
            .filter(|(f, _)| f == field)
            .map(|(_, text)| view! { <p class="form-error" role="alert">{localized(i18n, text.clone())}</p> })
    };
    let name_invalid = problem_of("name").is_some().then_some("true");
    view! {
        <Title text=crate::i18n::title_of(&heading)/>
        <p><a class="back-link" href="/admin">{crate::t!(i18n, "office-tools-title")}</a></p>
        <h1>{heading}</h1>
        <p>{localized(i18n, intro)}</p>
        {list}
        <h2>{localized(i18n, new_heading)}</h2>
        <form method="post" action=STAFF_REPORTS_PATH class="form-answers">
            <div class="field">
                <label for="report-name">{localized(i18n, name_label)}</label>
                {problem_of("name")}
                <input id="report-name" name="name" value=name maxlength="120" required aria-invalid=name_invalid/>
            </div>
            <div class="field">
                <label for="report-kind">{localized(i18n, kind_label)}</label>
                {problem_of("kind")}
                <select id="report-kind" name="kind">
                    {kinds.into_iter().map(|k| view! {
                        <option value=k.value selected=k.chosen>{localized(i18n, k.label)}</option>
                    }).collect_view()}
                </select>
            </div>
            <fieldset class="form-question">
                <legend>{localized(i18n, years_label)}</legend>
                {problem_of("year_group")}
                {year_groups.into_iter().map(|g| view! {
                    <label class="check">
                        <input type="checkbox" name="year_group" value=g.value checked=g.chosen/>
                        {localized(i18n, g.label)}
                    </label>
                }).collect_view()}
            </fieldset>
            <button class="button" type="submit">{localized(i18n, create)}</button>
        </form>
    }
    .into_any_now()
}

fn cycle(i18n: I18n, page: CyclePage) -> AnyView {
    let CyclePage {
        id,
        name,
        about,
        stage,
        reminded,
        staged,
        refused,
        reports,
        figures,
        downloads,
        done,
        problem,
        words,
    } = page;
    let w = words;
    let text = move |words: &PerLocale<String>| localized(i18n, words.clone());
    let done = done
        .map(|d| view! { <p class="notice-acknowledged" role="status">{localized(i18n, d)}</p> });
    let problem =
        problem.map(|p| view! { <p class="form-error" role="alert">{localized(i18n, p)}</p> });
    let refused = (!refused.is_empty()).then(|| {
        view! {
            <h2>{text(&w.refused_heading)}</h2>
            <ul class="report-refused">
                {refused.into_iter().map(|r| view! {
                    // The file on one line and why below it: no punctuation between them to
                    // translate.
                    <li><strong class="report-refused__file">{r.file}</strong><span class="report-refused__why">{localized(i18n, r.why)}</span></li>
                }).collect_view()}
            </ul>
        }
    });
    let sent: Sent = RwSignal::new(None);
    let failed = RwSignal::new(false);
    let (uploading, upload_failed) = (
        crate::i18n::as_signal(text(&w.uploading)),
        crate::i18n::as_signal(text(&w.upload_failed)),
    );
    let upload_form = move |heading: &PerLocale<String>, hint: &PerLocale<String>| {
        view! {
            <h2>{text(heading)}</h2>
            <p>{text(hint)}</p>
            <form method="post" action=upload_href(id) enctype="multipart/form-data" class="form-answers"
                on:submit=move |_ev| {
                    #[cfg(feature = "hydrate")]
                    super::upload_progress::submit(_ev, sent, failed);
                }>
                <div class="field">
                    <label for="report-files">{text(&w.files_label)}</label>
                    <input id="report-files" type="file" name=super::UPLOAD_FIELD multiple
                        accept=".zip,.pdf,application/zip,application/pdf"/>
                </div>
                {move || sent.get().map(|done| view! {
                    <p class="report-progress" role="status">
                        <label for="report-progress">{uploading}</label>
                        <progress id="report-progress" max="100" value=done>{done}"%"</progress>
                    </p>
                })}
                {move || failed.get().then(|| view! { <p class="form-error" role="alert">{upload_failed}</p> })}
                <button class="button" type="submit" disabled=move || sent.get().is_some()>{text(&w.upload)}</button>
            </form>
        }
    };
    let body = match stage {
        Stage::Draft => {
            let publish_form = (!staged.is_empty()).then(|| {
                view! {
                    <form method="post" action=cycle_href(id) class="form-answers">
                        <div class="field">
                            <label for="report-publish-at">{text(&w.publish_at)}</label>
                            <input id="report-publish-at" type="datetime-local" name="publish_at"/>
                        </div>
                        <div class="form-actions">
                            <button class="button" type="submit" name="action" value="publish">{text(&w.publish)}</button>
                            <button class="button button--secondary" type="submit" name="action" value="discard">{text(&w.discard)}</button>
                        </div>
                    </form>
                }
            });
            view! {
                {upload_form(&w.upload_heading, &w.naming)}
                {refused}
                <h2>{text(&w.preview_heading)}</h2>
                <p>{localized(i18n, figures)}</p>
                <ul class="board">
                    {staged.into_iter().map(|s| view! {
                        <li class="report-card">
                            <p><strong>{s.child}</strong></p>
                            <p><a href=s.href rel="external" download>{localized(i18n, s.file)}</a></p>
                        </li>
                    }).collect_view()}
                </ul>
                {publish_form}
            }
            .into_any_now()
        }
        Stage::Published | Stage::Withdrawn => {
            let published = stage == Stage::Published;
            let rows = reports
                .into_iter()
                .map(|r| {
                    let badge = if r.seen { "badge badge--done" } else { "badge badge--todo" };
                    let withdraw = published.then(|| view! {
                        <form method="post" action=cycle_href(id)>
                            <input type="hidden" name="report" value=r.id/>
                            <button class="button button--secondary" type="submit" name="action" value="withdraw-report">{text(&w.withdraw_report)}</button>
                        </form>
                    });
                    view! {
                        <li class="report-card">
                            <p><strong>{r.child}</strong></p>
                            <p><span class=badge>{localized(i18n, r.opened)}</span></p>
                            <p><a href=r.href rel="external" download>{text(&w.open)}</a></p>
                            {withdraw}
                        </li>
                    }
                })
                .collect_view();
            let follow_up = published.then(|| {
                view! {
                    <form method="post" action=cycle_href(id) class="form-actions">
                        <button class="button" type="submit" name="action" value="remind">{text(&w.remind)}</button>
                    </form>
                    {reminded.map(|r| view! { <p>{localized(i18n, r)}</p> })}
                }
            });
            let corrections = published.then(|| upload_form(&w.correct_heading, &w.correct_hint));
            let withdraw = published.then(|| {
                view! {
                    <form method="post" action=cycle_href(id) class="form-actions">
                        <button class="button button--secondary" type="submit" name="action" value="withdraw">{text(&w.withdraw_cycle)}</button>
                    </form>
                }
            });
            view! {
                <h2>{text(&w.opened_heading)}</h2>
                <p class="report-figures">{localized(i18n, figures)}</p>
                {follow_up}
                <ul class="board">{rows}</ul>
                {corrections}
                {refused}
                <h2>{text(&w.downloads_heading)}</h2>
                <ul class="report-downloads">
                    {downloads.into_iter().map(|line| view! { <li>{localized(i18n, line)}</li> }).collect_view()}
                </ul>
                {withdraw}
            }
            .into_any_now()
        }
    };
    let title = name.clone();
    view! {
        <Title text=title/>
        <p><a class="back-link" href=STAFF_REPORTS_PATH>{text(&w.back)}</a></p>
        <h1>{name}</h1>
        <p>{localized(i18n, about)}</p>
        {done}
        {problem}
        {body}
    }
    .into_any_now()
}
