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

/// `GET /admin`: the office's tools that are documents rather than app pages.
pub async fn tools(
    axum::extract::State(state): axum::extract::State<crate::state::AppState>,
    axum::extract::Extension(current): axum::extract::Extension<CurrentActor>,
    headers: http::HeaderMap,
) -> Response {
    let locale = crate::i18n::negotiate::locale_for_request(&headers);
    let Some(actor) = current.0.clone() else {
        return error_page(AppError::SignInRequired, locale);
    };
    let mut links = String::new();
    for (capability, href, key) in [
        (
            Capability::AccessCodesIssue,
            "/admin/letters",
            "letters-title",
        ),
        (Capability::RosterImport, "/admin/roster", "roster-title"),
        (Capability::StaffManage, "/admin/staff", "staff-title"),
        (
            Capability::NoticeStatsView,
            "/admin/notices",
            "notice-list-title",
        ),
    ] {
        let reaches = match capability {
            Capability::NoticeStatsView => allowed_scope(&actor.roles, capability)
                .is_some_and(|scope| scope != Scope::OwnChildren),
            _ => allowed_scope(&actor.roles, capability) == Some(Scope::WholeSchool),
        };
        if reaches {
            let label = match key {
                "letters-title" => msg!(locale, "letters-title"),
                "staff-title" => msg!(locale, "staff-title"),
                "notice-list-title" => msg!(locale, "notice-list-title"),
                _ => msg!(locale, "roster-title"),
            };
            links.push_str(&format!(
                "<li><a class=\"button\" href=\"{href}\">{}</a></li>",
                escape(&label)
            ));
        }
    }
    if links.is_empty() {
        return error_page(AppError::Forbidden, locale);
    }
    let title = msg!(locale, "office-tools-title");
    let email = if state.settings.email_enabled {
        msg!(locale, "email-status-on")
    } else {
        msg!(locale, "email-status-off")
    };
    let body = format!(
        "<main class=\"letters-admin\"><h1>{}</h1><ul class=\"letters-admin__classes\">{links}</ul><p class=\"notice-note\">{}</p></main>",
        escape(&title),
        escape(&email)
    );
    Html(page(locale, &title, &state.assets.css, &body)).into_response()
}
