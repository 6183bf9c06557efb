//! What the error boundary shows: a translated message, never internal details.

use crate::error::AppError;
use crate::hydrate_now::IntoAnyNow;
use crate::i18n::I18n;
use crate::t;
use leptos::prelude::*;

/// The message for the first error caught, in the page's language.
#[component]
pub fn ErrorPanel(errors: ArcRwSignal<Errors>) -> impl IntoView {
    let i18n = I18n::expect();
    let detail = move || {
        errors
            .get()
            .into_iter()
            .next()
            .and_then(|(_, err)| err.downcast_ref::<AppError>().cloned())
            .unwrap_or(AppError::Internal)
            .message(i18n.locale())
    };
    view! {
        <section class="error-panel" role="alert">
            <h1>{t!(i18n, "error-title")}</h1>
            <p>{detail}</p>
            <p>{t!(i18n, "error-retry")}</p>
        </section>
    }
    .into_any_now()
}
