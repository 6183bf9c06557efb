//! The home page: a greeting with the school's name and a card per section.

use crate::i18n::I18n;
use crate::school::SchoolContext;
use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// The landing page after sign-in, and the page a visitor first sees.
#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = I18n::expect();
    let name = SchoolContext::expect().name().unwrap_or_default();
    view! {
        <Title text=""/>
        <h1>{move || crate::msg!(i18n.locale(), "home-title", school = name.as_str())}</h1>
        <p class="lead">{t!(i18n, "home-intro")}</p>
        <ul class="cards">
            <li><a class="card" href="/notices">
                <strong>{t!(i18n, "nav-notices")}</strong>
                <span>{t!(i18n, "home-card-notices")}</span>
            </a></li>
            <li><a class="card" href="/calendar">
                <strong>{t!(i18n, "nav-calendar")}</strong>
                <span>{t!(i18n, "home-card-calendar")}</span>
            </a></li>
            <li><a class="card" href="/forms">
                <strong>{t!(i18n, "nav-forms")}</strong>
                <span>{t!(i18n, "home-card-forms")}</span>
            </a></li>
            <li><a class="card" href="/reports">
                <strong>{t!(i18n, "nav-reports")}</strong>
                <span>{t!(i18n, "home-card-reports")}</span>
            </a></li>
        </ul>
    }
}
