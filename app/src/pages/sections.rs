//! The section pages. Each shows its empty state until its feature lands.

use crate::hydrate_now::IntoAnyNow;
use crate::i18n::I18n;
use crate::sections::Section;
use leptos::prelude::*;
use leptos_meta::Title;

/// A section's heading and the message shown when it has nothing for this family.
#[component]
pub fn SectionPage(section: Section) -> impl IntoView {
    let i18n = I18n::expect();
    let title = section.name(i18n);
    view! {
        <Title text=crate::i18n::title_from(title)/>
        <h1>{title}</h1>
        <p class="empty-state">{section.empty_message(i18n)}</p>
    }
    .into_any_now()
}
