//! The translated 404 page.

use crate::hydrate_now::IntoAnyNow;
use crate::i18n::I18n;
use crate::t;
use leptos::prelude::*;
use leptos_meta::Title;

/// Shown for any path no route matches; answers with status 404.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let i18n = I18n::expect();
    view! {
        <Title text=crate::i18n::title_text(i18n, "not-found-title")/>
        <h1>{t!(i18n, "not-found-title")}</h1>
        <p>{t!(i18n, "not-found-body")}</p>
        <p><a class="button" href="/">{t!(i18n, "not-found-home")}</a></p>
    }
    .into_any_now()
}
