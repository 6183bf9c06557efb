//! What a server function needs to know about its HTTP request: the caller's address and the
//! session, and how to hand a new session cookie back.

use crate::error::AppError;
use http::header::SET_COOKIE;
use leptos::prelude::use_context;
use std::net::SocketAddr;

/// The request's parts, present in every server function and server render.
pub fn parts() -> Result<http::request::Parts, AppError> {
    use_context::<http::request::Parts>().ok_or_else(|| {
        tracing::error!("request parts missing from the Leptos context");
        AppError::Internal
    })
}

/// The caller's network address for throttling; "unknown" when the server runs without
/// connection info (in-process tests).
pub fn client_address(parts: &http::request::Parts) -> String {
    parts
        .extensions
        .get::<axum::extract::ConnectInfo<SocketAddr>>()
        .map(|info| info.0.ip().to_string())
        .unwrap_or_else(|| "unknown".to_string())
}

/// The hashed id of the request's current session, if it has one.
pub fn session_id(parts: &http::request::Parts) -> Option<String> {
    parts
        .extensions
        .get::<super::session::SessionId>()
        .map(|s| s.0.clone())
}

/// The language the request is rendered in (cookie, else `Accept-Language`).
pub fn locale() -> crate::i18n::Locale {
    parts()
        .map(|parts| crate::i18n::negotiate::locale_for_request(&parts.headers))
        .unwrap_or_default()
}

/// Adds a `Set-Cookie` header to the server function's response.
pub fn set_cookie(value: http::HeaderValue) {
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.append_header(SET_COOKIE, value);
    }
}
