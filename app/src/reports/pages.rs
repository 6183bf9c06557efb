//! `/reports`: each child's reports, by school year, newest first, with a download link that
//! works for a short while (the page makes new ones each time it loads). A lazily loaded route
//! whose data starts in its chunk, so none of it reaches the main wasm.

use super::dto::{ChildReports, FamilyReports, ReportLink};
use super::load_family_reports;
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::{I18n, localized};
use crate::page_data::PageData;
use crate::pages::loading::{Loading, loaded_as, when_signed_in};
use crate::sections::Section;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::{LazyRoute, lazy_route};

/// A lazily loaded route for the families' reports.
pub struct ReportsRoute;

#[lazy_route]
impl LazyRoute for ReportsRoute {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        let i18n = I18n::expect();
        let data: Option<Loading<PageData>> =
            when_signed_in(|| crate::pages::loading::resource(|| (), |_| load_family_reports()));
        let name = Section::Reports.name(i18n);
        view! {
            <Title text=crate::i18n::title_of(&name)/>
            <h1>{name}</h1>
            {loaded_as(data, move |page: FamilyReports| reports(i18n, page))}
        }
        .into_any_now()
    }
}

fn reports(i18n: I18n, page: FamilyReports) -> AnyView {
    let FamilyReports { children, words } = page;
    let [_heading, none, new, note] = words;
    if children.iter().all(|c| c.years.is_empty()) {
        return view! { <p class="empty-state">{localized(i18n, none)}</p> }.into_any_now();
    }
    view! {
        {children
            .into_iter()
            .filter(|child| !child.years.is_empty())
            .map(|child| child_reports(i18n, child, &new))
            .collect_view()}
        <p class="report-note">{localized(i18n, note)}</p>
    }
    .into_any_now()
}

fn child_reports(i18n: I18n, child: ChildReports, new: &crate::i18n::PerLocale<String>) -> AnyView {
    view! {
        <section class="report-child">
            <h2>{child.name}</h2>
            {child.years.into_iter().map(|year| view! {
                <h3 class="report-year">{year.year}</h3>
                <ul class="board">
                    {year.reports.into_iter().map(|r| report_card(i18n, r, new.clone())).collect_view()}
                </ul>
            }).collect_view()}
        </section>
    }
    .into_any_now()
}

fn report_card(i18n: I18n, report: ReportLink, new: crate::i18n::PerLocale<String>) -> AnyView {
    view! {
        <li class="report-card">
            <p class="report-card__title">
                <strong>{report.name}</strong>
                {report.new.then(|| view! { " " <span class="badge badge--new">{localized(i18n, new)}</span> })}
            </p>
            <p class="report-card__about">{localized(i18n, report.about)}</p>
            {report.corrected.map(|note| view! { <p class="report-card__corrected">{localized(i18n, note)}</p> })}
            <a class="button" href=report.href rel="external" download>
                {localized(i18n, report.download)}
            </a>
        </li>
    }
    .into_any_now()
}
