//! Security and caching headers added to every response.

use app::security::content_security_policy;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, HeaderName, HeaderValue, REFERRER_POLICY,
    X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};

/// Cache lifetime for content-hashed files: a new build gives them new names.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Cache lifetime for unhashed public files (icons, manifest).
pub const SHORT_LIVED: &str = "public, max-age=3600";
/// Pages may hold a family's data: browsers revalidate and shared caches keep nothing.
const PAGE_CACHE: &str = "private, no-cache";

/// Adds the headers; a page that set its own CSP (with its nonce) keeps it.
pub async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let is_html = response
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let headers = response.headers_mut();
    if !headers.contains_key(CONTENT_SECURITY_POLICY)
        && let Ok(value) = HeaderValue::from_str(&content_security_policy(None))
    {
        headers.insert(CONTENT_SECURITY_POLICY, value);
    }
    headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // Same-origin referrers let no-JS form posts return to their page without leaking URLs.
    headers.insert(REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    // Always, even under a static-file cache layer: a 404 page must not be kept for an hour.
    if is_html {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static(PAGE_CACHE));
    }
    response
}
