//! The page a new parent reaches from the QR code on their letter.

use super::account_form::{AccountForm, account_action};
use crate::auth::Join;
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::I18n;
use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use leptos_router::{LazyRoute, lazy_route};

/// `/join`, a lazily loaded route: a parent opens it once, from their letter.
pub struct JoinRoute;

#[lazy_route]
impl LazyRoute for JoinRoute {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        crate::i18n::sections::joining();
        crate::assets::defer_chunk_preloads();
        view! { <JoinPage/> }.into_any_now()
    }
}

/// Code, a child's date of birth, email and a new password; what was typed stays on refusal.
#[component]
fn JoinPage() -> impl IntoView {
    let i18n = I18n::expect();
    let action = ServerAction::<Join>::new();
    let code = use_query_map()
        .get_untracked()
        .get("code")
        .unwrap_or_default();
    let (error, pending) = account_action(action, i18n);
    view! {
        <Title text=crate::i18n::title_text(i18n, "join-title")/>
        <h1>{t!(i18n, "join-title")}</h1>
        <p>{t!(i18n, "join-intro")}</p>
        <AccountForm action arguments=|field| Join {
            code: field("code"),
            birth_date: field("birth_date"),
            email: field("email"),
            password: field("password"),
        }>
            <div class="field">
                <label for="join-code">{t!(i18n, "join-code")}</label>
                <input id="join-code" name="code" type="text" value=code autocomplete="one-time-code"
                    autocapitalize="characters" spellcheck="false" required/>
            </div>
            <div class="field">
                <label for="join-birth-date">{t!(i18n, "join-birth-date")}</label>
                <input id="join-birth-date" name="birth_date" type="date" required/>
                <p class="field__hint">{t!(i18n, "join-birth-date-hint")}</p>
            </div>
            <div class="field">
                <label for="join-email">{t!(i18n, "sign-in-email")}</label>
                <input id="join-email" name="email" type="email" autocomplete="email"
                    inputmode="email" required/>
            </div>
            <div class="field">
                <label for="join-password">{t!(i18n, "join-password")}</label>
                <input id="join-password" name="password" type="password" autocomplete="new-password"
                    minlength="8" required/>
                <p class="field__hint">{t!(i18n, "join-password-hint")}</p>
            </div>
            <p class="form-error" role="alert" aria-live="assertive">{error}</p>
            <button class="button" type="submit" disabled=pending>{t!(i18n, "join-submit")}</button>
        </AccountForm>
    }
}
