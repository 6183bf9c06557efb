//! The sign-in page.

use super::account_form::{AccountForm, account_action};
use crate::auth::SignIn;
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::I18n;
use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Email and password form; the wasm keeps what was typed when the server says no.
#[component]
pub fn SignInPage() -> impl IntoView {
    let i18n = I18n::expect();
    let action = ServerAction::<SignIn>::new();
    let (error, pending) = account_action(action, i18n);
    // Arrived from `/reset` with a new password saved.
    let reset_done = use_query_map()
        .with_untracked(|q| q.get("reset").is_some_and(|r| r == "done"))
        .then(|| view! { <p class="notice-note" role="status">{t!(i18n, "reset-done")}</p> });
    view! {
        <Title text=crate::i18n::title_text(i18n, "sign-in-title")/>
        <h1>{t!(i18n, "sign-in-title")}</h1>
        {reset_done}
        <p>{t!(i18n, "sign-in-intro")}</p>
        <AccountForm action arguments=|field| SignIn {
            email: field("email"),
            password: field("password"),
        }>
            <div class="field">
                <label for="sign-in-email">{t!(i18n, "sign-in-email")}</label>
                <input id="sign-in-email" name="email" type="email" autocomplete="username"
                    inputmode="email" required/>
            </div>
            <div class="field">
                <label for="sign-in-password">{t!(i18n, "sign-in-password")}</label>
                <input id="sign-in-password" name="password" type="password"
                    autocomplete="current-password" required/>
            </div>
            <p class="form-error" role="alert" aria-live="assertive">{error}</p>
            <button class="button" type="submit" disabled=pending>
                {move || if pending.get() {
                    crate::msg!(i18n.locale(), "sign-in-pending")
                } else {
                    crate::msg!(i18n.locale(), "sign-in-submit")
                }}
            </button>
        </AccountForm>
        <p class="hint">{t!(i18n, "sign-in-new-parent")}</p>
        <p><a class="button button--secondary" href="/join">{t!(i18n, "sign-in-join-link")}</a></p>
    }
    .into_any_now()
}
