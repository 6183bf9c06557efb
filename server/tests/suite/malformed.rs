//! Every registered server function answers a body it cannot decode with 400, never 500: a
//! malformed request is the client's fault, and 500 stays for real faults on the server.

use http::{StatusCode, header};

use crate::support;

use crate::support::{Harness, body_bytes, call, postgres_harness, session_for, sqlite_harness};
use app::error::AppError;

/// Server functions whose arguments are all optional or absent: any body decodes (an empty one
/// as a new notice's form), so they simply run.
const WITHOUT_ARGUMENTS: &[&str] = &[
    "/api/notices/compose",
    "/api/auth/sign-out",
    "/api/notices/board",
    "/api/notices/staff-list",
    "/api/staff/tools",
    "/api/office/letters",
    "/api/office/roster",
    "/api/office/staff",
    "/api/calendar/staff",
    "/api/calendar/import",
    // Their one argument is optional: no id is the form for a new event, no month this month.
    "/api/calendar/form",
    "/api/calendar/month",
    "/api/news/stories",
    "/api/forms/staff-list",
    "/api/forms/new",
    "/api/roster/contact",
    "/api/roster/changes",
    "/api/reports/family",
    // No id is the list of cycles.
    "/api/reports/staff",
];

/// Bodies no server function of ours can decode, with the content type each is sent as.
const BAD_BODIES: &[(&str, &str)] = &[
    ("application/x-www-form-urlencoded", ""),
    ("application/x-www-form-urlencoded", "garbage=1"),
    ("application/x-www-form-urlencoded", "%%%=&&=="),
    ("application/json", ""),
    ("application/json", "{\"garbage\":1}"),
    ("application/json", "not json at all"),
];

async fn walk_every_server_function(h: Harness) {
    let parent = session_for(&h.db, "parent@riverside.example").await;
    let paths: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.to_string())
        .collect();
    assert!(paths.len() >= 9, "registered: {paths:?}");
    let mut failures = Vec::new();
    for path in &paths {
        for (content_type, body) in BAD_BODIES {
            for cookie in [None, Some(parent.as_str())] {
                let response = h
                    .send(call(path, content_type, body.to_string(), cookie))
                    .await;
                let status = response.status();
                let answer = body_bytes(response).await;
                let refused = app::codec::decode_whole::<AppError>(&answer);
                let ok = if WITHOUT_ARGUMENTS.contains(&path.as_str()) {
                    !status.is_server_error()
                } else {
                    status == StatusCode::BAD_REQUEST && refused == Ok(AppError::BadRequest)
                };
                if !ok {
                    failures.push(format!(
                        "{path} {content_type} {body:?} signed in: {}: {status} {refused:?}",
                        cookie.is_some()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[tokio::test(flavor = "multi_thread")]
async fn undecodable_bodies_get_400_on_sqlite() {
    walk_every_server_function(sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn undecodable_bodies_get_400_on_postgres() {
    walk_every_server_function(postgres_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_browser_form_post_that_cannot_be_read_returns_to_its_page() {
    // Without JavaScript the browser shows whatever comes back: not JSON, but the page it came
    // from, with the error for the form to show.
    let h = sqlite_harness().await;
    let request = http::Request::post("/api/auth/sign-in")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html,application/xhtml+xml")
        .header(header::REFERER, "http://127.0.0.1:3000/sign-in")
        .body(axum::body::Body::from("garbage=1"))
        .expect("request");
    let response = h.send(request).await;
    assert!(response.status().is_redirection(), "{}", response.status());
    let location = support::header_value(&response, header::LOCATION).to_string();
    assert!(location.contains("/sign-in"), "{location}");
}
