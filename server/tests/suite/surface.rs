//! The HTTP surface through the real router: pages, headers, languages, limits and assets.

use axum::body::Body;
use http::{Request, Response, StatusCode, header};
use http_body_util::BodyExt;

use crate::support::{
    BODY_LIMIT, Harness, WASM, WASM_BR, body_text, header_value, postgres_harness, sqlite_harness,
};

fn assert_security_headers(response: &Response<Body>) {
    let csp = header_value(response, header::CONTENT_SECURITY_POLICY);
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert_eq!(
        header_value(response, header::X_CONTENT_TYPE_OPTIONS),
        "nosniff"
    );
    assert_eq!(
        header_value(response, header::REFERRER_POLICY),
        "same-origin"
    );
    assert_eq!(header_value(response, header::X_FRAME_OPTIONS), "DENY");
}

async fn assert_home_page_renders(h: &Harness) {
    let response = h.get("/", &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_security_headers(&response);
    let csp = header_value(&response, header::CONTENT_SECURITY_POLICY).to_string();
    let body = body_text(response).await;
    assert!(
        body.contains(r#"lang="en-GB""#) && body.contains(r#"dir="ltr""#),
        "{body}"
    );
    assert!(
        body.contains("Welcome to Riverside Primary School"),
        "{body}"
    );
    for label in ["Home", "Notices", "Calendar", "Forms", "Reports"] {
        assert!(
            body.contains(&format!("<span>{label}</span>")),
            "nav lacks {label}"
        );
    }
    // The one inline script carries the nonce the CSP allows, and nothing else inline runs.
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("page CSP has a nonce");
    assert!(
        body.contains(&format!(r#"nonce="{nonce}""#)),
        "script lacks the nonce"
    );
    assert!(body.contains("/pkg/schoolgate.test.wasm"));
}

#[tokio::test(flavor = "multi_thread")]
async fn home_page_renders_on_sqlite_with_security_headers() {
    assert_home_page_renders(&sqlite_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn home_page_renders_on_postgres() {
    assert_home_page_renders(&postgres_harness().await).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn accept_language_and_cookie_choose_the_language() {
    let h = sqlite_harness().await;
    let zh = body_text(
        h.get("/notices", &[(header::ACCEPT_LANGUAGE, "zh-CN,zh;q=0.9")])
            .await,
    )
    .await;
    assert!(
        zh.contains(r#"lang="zh-CN""#) && zh.contains("通知"),
        "{zh}"
    );

    let ar = body_text(
        h.get(
            "/notices",
            &[
                (header::ACCEPT_LANGUAGE, "zh-CN"),
                (header::COOKIE, "sg_lang=ar"),
            ],
        )
        .await,
    )
    .await;
    assert!(
        ar.contains(r#"lang="ar""#) && ar.contains(r#"dir="rtl""#),
        "{ar}"
    );
    assert!(ar.contains("الإشعارات"));
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_route_gives_the_translated_404() {
    let h = sqlite_harness().await;
    let response = h
        .get("/no/such/page", &[(header::ACCEPT_LANGUAGE, "zh-CN")])
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_security_headers(&response);
    // A later visit in another language must not be served a cached page.
    assert_eq!(
        header_value(&response, header::CACHE_CONTROL),
        "private, no-cache"
    );
    let body = body_text(response).await;
    assert!(body.contains("找不到页面"), "{body}");
    assert!(
        body.contains("Riverside Primary School"),
        "the frame renders too"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn oversized_body_is_rejected_with_413() {
    let h = sqlite_harness().await;
    let body = format!("email=a%40b.org&password={}", "x".repeat(BODY_LIMIT * 2));
    let response = h
        .send(
            Request::post("/api/auth/sign-in")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::CONTENT_LENGTH, body.len())
                .body(Body::from(body))
                .expect("request"),
        )
        .await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test(flavor = "multi_thread")]
async fn assets_are_served_precompressed_and_cached_for_a_year() {
    let h = sqlite_harness().await;
    let br = h
        .get(
            "/pkg/schoolgate.test.wasm",
            &[(header::ACCEPT_ENCODING, "gzip, br")],
        )
        .await;
    assert_eq!(br.status(), StatusCode::OK);
    assert_eq!(header_value(&br, header::CONTENT_ENCODING), "br");
    assert!(header_value(&br, header::CACHE_CONTROL).contains("immutable"));
    assert_eq!(header_value(&br, header::CONTENT_TYPE), "application/wasm");
    assert_eq!(body_text(br).await.as_bytes(), WASM_BR);

    let plain = h.get("/pkg/schoolgate.test.wasm", &[]).await;
    assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
    assert_eq!(
        plain.into_body().collect().await.expect("body").to_bytes(),
        WASM
    );

    let icon = h.get("/favicon.svg", &[]).await;
    assert_eq!(icon.status(), StatusCode::OK);
    assert!(!header_value(&icon, header::CACHE_CONTROL).contains("immutable"));
}

#[tokio::test(flavor = "multi_thread")]
async fn pages_are_compressed_on_the_fly() {
    let h = sqlite_harness().await;
    let response = h.get("/", &[(header::ACCEPT_ENCODING, "gzip")]).await;
    assert_eq!(header_value(&response, header::CONTENT_ENCODING), "gzip");
    assert_eq!(
        header_value(&response, header::CACHE_CONTROL),
        "private, no-cache"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn language_form_without_javascript_sets_the_cookie_and_returns() {
    let h = sqlite_harness().await;
    let response = h
        .send(
            Request::post("/api/language")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ACCEPT, "text/html,application/xhtml+xml")
                .header(header::REFERER, "http://127.0.0.1:3000/calendar")
                .body(Body::from("lang=zh-CN"))
                .expect("request"),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(header_value(&response, header::LOCATION), "/calendar");
    assert!(header_value(&response, header::SET_COOKIE).starts_with("sg_lang=zh-CN;"));

    let refused = h
        .send(
            Request::post("/api/language")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from("lang=xx-evil"))
                .expect("request"),
        )
        .await;
    assert!(refused.headers().get(header::SET_COOKIE).is_none());
    assert!(!refused.status().is_success());
}

#[tokio::test(flavor = "multi_thread")]
async fn sign_in_answers_bad_input_with_a_field_error() {
    let h = sqlite_harness().await;
    let response = h
        .send(
            Request::post("/api/auth/sign-in")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from("email=not-an-email&password=x"))
                .expect("request"),
        )
        .await;
    assert!(!response.status().is_success());
    assert_eq!(
        crate::support::refusal(response).await,
        app::error::AppError::invalid("email", app::error::FieldProblem::Email)
    );
}

/// Reads one HTTP/1.1 response with a `Content-Length` body from a kept-alive connection.
async fn read_one_response(stream: &mut tokio::io::BufReader<tokio::net::TcpStream>) -> String {
    use tokio::io::{AsyncBufReadExt, AsyncReadExt};
    let mut head = String::new();
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        let read = stream.read_line(&mut line).await.expect("header line");
        assert!(read > 0, "the connection closed mid-response: {head}");
        if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
            length = value.trim().parse().expect("content length");
        }
        let end = line == "\r\n";
        head.push_str(&line);
        if end {
            break;
        }
    }
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).await.expect("body");
    head
}

#[tokio::test(flavor = "multi_thread")]
async fn static_files_on_a_kept_alive_connection_do_not_wait_for_delayed_acks() {
    use tokio::io::AsyncWriteExt;
    let h = sqlite_harness().await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("loopback port");
    let addr = listener.local_addr().expect("address");
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(server::startup::serve_on(
        listener,
        h.router.clone(),
        async move {
            let _ = stopped.await;
        },
    ));
    let mut stream =
        tokio::io::BufReader::new(tokio::net::TcpStream::connect(addr).await.expect("connect"));
    let requests = 20;
    let started = std::time::Instant::now();
    for _ in 0..requests {
        stream
            .get_mut()
            .write_all(b"GET /favicon.svg HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            .await
            .expect("send");
        let head = read_one_response(&mut stream).await;
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    }
    let elapsed = started.elapsed();
    println!("{requests} kept-alive static requests: {elapsed:?}");
    // Nagle's algorithm against the client's delayed ACK costs ~40 ms a response (≥ 800 ms for
    // 20); with TCP_NODELAY the whole run takes a few milliseconds on loopback.
    assert!(
        elapsed < std::time::Duration::from_millis(200),
        "{requests} kept-alive requests took {elapsed:?}"
    );
    drop(stream);
    let _ = stop.send(());
    tokio::time::timeout(std::time::Duration::from_secs(60), server)
        .await
        .expect("the server stops")
        .expect("server task")
        .expect("server");
}
