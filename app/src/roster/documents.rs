//! Staff documents rendered on the server only (printed letters, the roster import): plain
//! HTML with the app's stylesheet, no script, so they add nothing to the wasm. Access is checked
//! here exactly as in a server function.

use crate::access::{Actor, Capability, CurrentActor, Scope, allowed_scope};
use crate::error::AppError;
use crate::i18n::Locale;
use crate::msg;
use axum::response::{Html, IntoResponse, Response};
use std::sync::Arc;

/// The actor if `capability` reaches the whole school for them; otherwise the matching error.
pub fn whole_school(
    current: &CurrentActor,
    capability: Capability,
) -> Result<Arc<Actor>, AppError> {
    let actor = current.0.clone().ok_or(AppError::SignInRequired)?;
    match allowed_scope(&actor.roles, capability) {
        Some(Scope::WholeSchool) => Ok(actor),
        _ => Err(AppError::Forbidden),
    }
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The translated error as a small page with the error's status.
pub fn error_page(err: AppError, locale: Locale) -> Response {
    let body = format!(
        "<!DOCTYPE html><html lang=\"{}\" dir=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head><body><p>{}</p></body></html>",
        locale.tag(),
        locale.dir(),
        escape(&msg!(locale, "app-name")),
        escape(&err.message(locale))
    );
    (err.status(), Html(body)).into_response()
}

/// A whole document around `body`, in `locale`, with the app's stylesheet.
pub fn page(locale: Locale, title: &str, css: &str, body: &str) -> String {
    page_with_head(locale, title, css, "", body)
}

/// [`page`] with extra (trusted) markup in `<head>`, e.g. a refresh for a progress page.
pub fn page_with_head(locale: Locale, title: &str, css: &str, head: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"{tag}\" dir=\"{dir}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">{head}\
         <title>{title}</title><link rel=\"stylesheet\" href=\"/pkg/{css}\"></head>\
         <body class=\"print-doc\">{body}</body></html>",
        tag = locale.tag(),
        dir = locale.dir(),
        title = escape(title),
    )
}
