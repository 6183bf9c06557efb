//! The five sections: a bottom tab bar on phones, a side column on wide screens (CSS decides).

use super::icons::{Icon, IconSvg};
use crate::i18n::I18n;
use crate::t;
use leptos::prelude::*;
use leptos_router::components::A;

/// The section navigation.
#[component]
pub fn TabNav() -> impl IntoView {
    let i18n = I18n::expect();
    view! {
        <nav class="tabs" aria-label=t!(i18n, "nav-label")>
            <A href="/" exact=true>
                <IconSvg icon=Icon::Home/>
                <span>{t!(i18n, "nav-home")}</span>
            </A>
            <A href="/notices">
                <IconSvg icon=Icon::Notices/>
                <span>{t!(i18n, "nav-notices")}</span>
            </A>
            <A href="/calendar">
                <IconSvg icon=Icon::Calendar/>
                <span>{t!(i18n, "nav-calendar")}</span>
            </A>
            <A href="/forms">
                <IconSvg icon=Icon::Forms/>
                <span>{t!(i18n, "nav-forms")}</span>
            </A>
            <A href="/reports">
                <IconSvg icon=Icon::Reports/>
                <span>{t!(i18n, "nav-reports")}</span>
            </A>
        </nav>
    }
}
