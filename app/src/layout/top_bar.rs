//! The top bar: the school's name, the child switcher's place, the language menu and sign-in.

use super::LanguageMenu;
use crate::i18n::I18n;
use crate::school::SchoolContext;
use crate::t;
use leptos::prelude::*;

/// The bar across the top of every page.
#[component]
pub fn TopBar() -> impl IntoView {
    let i18n = I18n::expect();
    let school = SchoolContext::expect();
    let school_name = move || {
        school
            .name()
            .unwrap_or_else(|| crate::msg!(i18n.locale(), "app-name"))
    };
    view! {
        <header class="top-bar">
            <a class="top-bar__school" href="/">
                {school_name}
            </a>
            // Filled by the accounts feature: a guardian picks one child or all of them here.
            <div class="top-bar__children" data-slot="child-switcher"></div>
            <LanguageMenu/>
            <a class="top-bar__sign-in" href="/sign-in">{t!(i18n, "sign-in-link")}</a>
        </header>
    }
}
