//! The home page: a greeting with the school's name and a card per section.

use crate::auth::viewer::ViewerContext;
use crate::i18n::I18n;
use crate::school::SchoolContext;
use crate::sections::Section;
use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// The landing page after sign-in, and the page a visitor first sees.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = I18n::expect();
    let name = SchoolContext::expect().name().unwrap_or_default();
    let cards = Section::ALL
        .into_iter()
        .filter_map(|section| {
            let summary = section.summary(i18n)?;
            Some(view! {
                <li>
                    <a class="card" href=section.href()>
                        <strong>{section.name(i18n)}</strong>
                        <span>{summary}</span>
                    </a>
                </li>
            })
        })
        .collect_view();
    // Staff tools that are printed documents rather than app pages.
    let viewer = ViewerContext::expect().get();
    let staff_notices = viewer.as_ref().is_some_and(|v| v.staff_notices).then(|| {
        view! {
            <li>
                <a class="card" href="/admin/notices" rel="external">
                    <strong>{t!(i18n, "notice-list-title")}</strong>
                    <span>{t!(i18n, "home-card-staff-notices")}</span>
                </a>
            </li>
        }
    });
    let office = viewer.as_ref().is_some_and(|v| v.office_tools).then(|| {
        view! {
            <li>
                <a class="card" href="/admin" rel="external">
                    <strong>{t!(i18n, "office-tools-title")}</strong>
                    <span>{t!(i18n, "home-card-office")}</span>
                </a>
            </li>
        }
    });
    view! {
        <Title text=""/>
        <h1>{move || crate::msg!(i18n.locale(), "home-title", school = name.as_str())}</h1>
        <p class="lead">{t!(i18n, "home-intro")}</p>
        <ul class="cards">{cards}{staff_notices}{office}</ul>
    }
}
