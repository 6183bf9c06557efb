//! The top bar: the school's name, the child switcher, the language menu and the account.

use super::LanguageMenu;
use crate::auth::viewer::ViewerContext;
use crate::children::ChildSwitcher;
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::I18n;
use crate::school::SchoolContext;
use crate::t;
use leptos::prelude::*;

/// The bar across the top of every page.
#[component]
pub fn TopBar() -> impl IntoView {
    let i18n = I18n::expect();
    let school = SchoolContext::expect();
    let signed_in = ViewerContext::expect().get().is_some();
    let school_name = move || {
        school
            .name()
            .unwrap_or_else(|| crate::msg!(i18n.locale(), "app-name"))
    };
    view! {
        <header class="top-bar">
            // A phone shows the short name; the whole name is there for screen readers and wider
            // screens.
            <a class="top-bar__school" href="/">
                <span class="top-bar__school-short" aria-hidden="true">
                    {move || school.short_name().unwrap_or_else(school_name)}
                </span>
                <span class="top-bar__school-full">{school_name}</span>
            </a>
            <div class="top-bar__children">
                <ChildSwitcher/>
            </div>
            <LanguageMenu/>
            {if signed_in {
                // A plain form: signing out works before the wasm arrives and reloads the page.
                view! {
                    <form method="post" action="/api/auth/sign-out" class="top-bar__account">
                        <button type="submit" class="top-bar__sign-in">{t!(i18n, "sign-out")}</button>
                    </form>
                }
                .into_any_now()
            } else {
                view! { <a class="top-bar__sign-in" href="/sign-in">{t!(i18n, "sign-in-link")}</a> }
                    .into_any_now()
            }}
        </header>
    }
    .into_any_now()
}
