//! Building a router while another router renders a page must not leave that page waiting for
//! its data forever: listing the app's routes switches data loading off for the whole process
//! (leptos-rs/leptos#4773), so the list is made once per process. The tests build a router per
//! harness, in parallel, and hung a page now and then before it was.

use crate::support::{BODY_LIMIT, body_text, session_for, sqlite_harness};
use app::roster::demo;
use http::{StatusCode, header};
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_router_built_while_a_page_renders_does_not_hang_it() {
    let h = sqlite_harness().await;
    let parent = session_for(&h.db, demo::PARENT_EMAIL).await;
    let signed_in = [(header::COOKIE, parent.as_str())];
    for round in 0..100 {
        let state = h.state.clone();
        let building =
            tokio::task::spawn_blocking(move || drop(server::router::build(state, BODY_LIMIT)));
        let page = tokio::time::timeout(Duration::from_secs(20), h.get("/notices", &signed_in));
        let (built, answered) = tokio::join!(building, page);
        built.expect("the router is built");
        let response = answered
            .unwrap_or_else(|_| panic!("round {round}: the page hung while a router was built"));
        assert_eq!(response.status(), StatusCode::OK);
        assert!(body_text(response).await.contains("__RESOLVED_RESOURCES"));
    }
}
