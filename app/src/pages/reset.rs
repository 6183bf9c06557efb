//! `/reset`: a one-time code from the office or the system admin becomes a new password.

use super::account_form::{AccountForm, account_action};
use crate::auth::ResetPassword;
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::I18n;
use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use leptos_router::{LazyRoute, lazy_route};

/// A lazily loaded route: opened once, from the link given with a code.
pub struct ResetRoute;

#[lazy_route]
impl LazyRoute for ResetRoute {
    fn data() -> Self {
        Self
    }

    fn view(_this: Self) -> AnyView {
        crate::i18n::sections::joining();
        crate::assets::defer_chunk_preloads();
        view! { <ResetPage/> }.into_any_now()
    }
}

/// The code (filled in from the link) and the new password; the server sends the holder to
/// sign in once it is saved.
#[component]
fn ResetPage() -> impl IntoView {
    let i18n = I18n::expect();
    let action = ServerAction::<ResetPassword>::new();
    let code = use_query_map()
        .get_untracked()
        .get("code")
        .unwrap_or_default();
    let (error, pending) = account_action(action, i18n);
    view! {
        <Title text=crate::i18n::title_text(i18n, "reset-title")/>
        <h1>{t!(i18n, "reset-title")}</h1>
        <p>{t!(i18n, "reset-intro")}</p>
        <AccountForm action arguments=|field| ResetPassword {
            code: field("code"),
            password: field("password"),
        }>
            <div class="field">
                <label for="reset-code">{t!(i18n, "join-code")}</label>
                <input id="reset-code" name="code" type="text" value=code autocomplete="one-time-code"
                    autocapitalize="characters" spellcheck="false" required/>
            </div>
            <div class="field">
                <label for="reset-password">{t!(i18n, "join-password")}</label>
                <input id="reset-password" name="password" type="password" autocomplete="new-password"
                    minlength="8" required/>
                <p class="field__hint">{t!(i18n, "join-password-hint")}</p>
            </div>
            <p class="form-error" role="alert" aria-live="assertive">{error}</p>
            <button class="button" type="submit" disabled=pending>{t!(i18n, "reset-submit")}</button>
        </AccountForm>
    }
}
