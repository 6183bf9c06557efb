//! The section pages. Each shows its empty state until its feature lands.

use crate::i18n::I18n;
use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// A section's heading and the message shown when it has nothing for this family.
#[component]
fn SectionPage(title: Signal<String>, empty: Signal<String>) -> impl IntoView {
    view! {
        <Title text=move || title.get()/>
        <h1>{title}</h1>
        <p class="empty-state">{empty}</p>
    }
}

/// The noticeboard.
#[component]
pub fn NoticesPage() -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <SectionPage
            title=t!(i18n, "notices-title")
            empty=t!(i18n, "notices-empty")
        />
    }
}

/// The calendar.
#[component]
pub fn CalendarPage() -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <SectionPage
            title=t!(i18n, "calendar-title")
            empty=t!(i18n, "calendar-empty")
        />
    }
}

/// Digital forms.
#[component]
pub fn FormsPage() -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <SectionPage
            title=t!(i18n, "forms-title")
            empty=t!(i18n, "forms-empty")
        />
    }
}

/// Report downloads.
#[component]
pub fn ReportsPage() -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <SectionPage
            title=t!(i18n, "reports-title")
            empty=t!(i18n, "reports-empty")
        />
    }
}
