//! The account pages' forms (sign in, join, reset): without JavaScript a plain post to the
//! server function; once hydrated, the page sends the fields itself and shows the refusal in
//! the reader's language, keeping what was typed.
//!
//! Not Leptos's `ActionForm`: that decodes a form's fields into the arguments with a
//! query-string deserializer (serde_qs), about 6 KB brotli of the main wasm for the one form
//! there, sign-in. Here each page names its fields.

use crate::error::AppError;
use crate::i18n::I18n;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{FormData, HtmlFormElement};

/// A form's field by name, as typed (empty when missing).
pub type Field<'a> = &'a dyn Fn(&str) -> String;

/// A form posting to `S`; `arguments` builds the call from the form's fields.
#[component]
pub fn AccountForm<S>(
    action: ServerAction<S>,
    arguments: fn(Field) -> S,
    children: Children,
) -> impl IntoView
where
    S: ServerFn<Output = (), Error = AppError> + Clone + Send + Sync + 'static,
{
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        let form = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlFormElement>().ok());
        // Without the form's data the browser's own post still works.
        let Some(data) = form.and_then(|form| FormData::new_with_form(&form).ok()) else {
            return;
        };
        event.prevent_default();
        let field = |name: &str| data.get(name).as_string().unwrap_or_default();
        action.dispatch(arguments(&field));
    };
    view! {
        <form method="post" action=S::url() on:submit=on_submit>
            {children()}
        </form>
    }
}

/// What an account form shows: the refusal in the page's language and whether it is sending.
/// (On success the server redirects, which the browser entry point turns into a full page load.)
pub fn account_action<S>(
    action: ServerAction<S>,
    i18n: I18n,
) -> (impl Fn() -> Option<String> + Copy, Memo<bool>)
where
    S: ServerFn<Output = (), Error = AppError> + Clone + Send + Sync + 'static,
{
    let error = move || {
        action
            .value()
            .get()
            .and_then(|result| result.err())
            .map(|err| err.message(i18n.locale()))
    };
    (error, action.pending())
}
