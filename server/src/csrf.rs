//! Cross-site request forgery guard: a state-changing request must come from our own pages.
//!
//! Browsers mark every request with `Sec-Fetch-Site` and every cross-origin POST with `Origin`;
//! a request from another site is refused with 403 before any server function runs. Requests
//! with neither header (curl, tests, very old browsers) carry no ambient cookies from another
//! site's page, so they pass.

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{HOST, ORIGIN};
use http::{Method, StatusCode};

/// Middleware: refuses cross-site POST, PUT, PATCH and DELETE.
pub async fn same_origin_only(request: Request, next: Next) -> Response {
    if is_safe(request.method()) || comes_from_here(&request) {
        next.run(request).await
    } else {
        tracing::warn!(
            path = %request.uri().path(),
            origin = ?request.headers().get(ORIGIN),
            "refused a cross-site request"
        );
        (StatusCode::FORBIDDEN, "cross-site request refused").into_response()
    }
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn comes_from_here(request: &Request) -> bool {
    let headers = request.headers();
    if let Some(site) = headers.get("sec-fetch-site") {
        return matches!(site.to_str(), Ok("same-origin") | Ok("none"));
    }
    let Some(origin) = headers.get(ORIGIN) else {
        return true;
    };
    let origin_host = origin
        .to_str()
        .ok()
        .and_then(|o| o.split_once("://"))
        .map(|(_, host)| host.trim_end_matches('/'));
    let host = headers.get(HOST).and_then(|h| h.to_str().ok());
    matches!((origin_host, host), (Some(o), Some(h)) if o.eq_ignore_ascii_case(h))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(method: Method, headers: &[(&str, &str)]) -> Request {
        let mut builder = Request::builder().method(method).uri("/api/x");
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        builder.body(axum::body::Body::empty()).unwrap()
    }

    #[test]
    fn judges_origin_and_fetch_site() {
        let ok = |m, h: &[(&str, &str)]| is_safe(&m) || comes_from_here(&request(m, h));
        assert!(ok(
            Method::POST,
            &[
                ("host", "school.example"),
                ("origin", "https://school.example")
            ]
        ));
        assert!(!ok(
            Method::POST,
            &[
                ("host", "school.example"),
                ("origin", "https://evil.example")
            ]
        ));
        assert!(!ok(
            Method::POST,
            &[("host", "school.example"), ("origin", "null")]
        ));
        assert!(ok(Method::POST, &[("sec-fetch-site", "same-origin")]));
        assert!(!ok(Method::POST, &[("sec-fetch-site", "cross-site")]));
        assert!(!ok(Method::POST, &[("sec-fetch-site", "same-site")]));
        assert!(ok(Method::POST, &[]));
        assert!(ok(Method::GET, &[("sec-fetch-site", "cross-site")]));
    }
}
