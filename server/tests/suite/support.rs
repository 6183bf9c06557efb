//! The shared test harness: the real router over a real database (SQLite file or PostgreSQL)
//! seeded with the demo school, and helpers to sign in and call server functions.

use app::assets::AssetManifest;
use app::db::scratch;
use axum::Router;
use axum::body::Body;
use http::{Request, Response, header};
use http_body_util::BodyExt;
use server::startup;
use tower::ServiceExt;

pub const BODY_LIMIT: usize = 4096;
/// The longest any one request (or its streamed body) may take in a test.
pub const ANSWER_WITHIN: std::time::Duration = std::time::Duration::from_secs(120);
pub const WASM: &[u8] = b"\0asm-raw-bytes";
pub const WASM_BR: &[u8] = b"brotli-variant";

/// A router over a real database and a real site folder with a precompressed asset.
pub struct Harness {
    pub router: Router,
    pub db: sea_orm::DatabaseConnection,
    pub database_url: String,
    pub state: app::state::AppState,
    _site: tempfile::TempDir,
    _db_dir: Option<tempfile::TempDir>,
}

pub async fn harness_on(database_url: String, db_dir: Option<tempfile::TempDir>) -> Harness {
    let site = tempfile::tempdir().expect("site dir");
    let pkg = site.path().join("pkg");
    std::fs::create_dir_all(&pkg).expect("pkg dir");
    std::fs::write(pkg.join("schoolgate.test.wasm"), WASM).expect("wasm");
    std::fs::write(pkg.join("schoolgate.test.wasm.br"), WASM_BR).expect("wasm.br");
    std::fs::write(site.path().join("favicon.svg"), "<svg/>").expect("favicon");
    let manifest = AssetManifest::parse(
        "js=schoolgate.test.js\nwasm=schoolgate.test.wasm\ncss=schoolgate.test.css",
    )
    .expect("manifest");

    let db = startup::open_database(&database_url)
        .await
        .expect("database");
    app::school::db::seed_demo(&db).await.expect("seed");
    let settings = app::state::Settings::for_public_url("http://127.0.0.1:3000");
    let files: app::storage::SharedStore =
        std::sync::Arc::new(app::storage::LocalDir::new(site.path().join("files")));
    let state = startup::app_state(db.clone(), site.path(), manifest, settings, files).await;
    Harness {
        db,
        database_url: database_url.clone(),
        router: server::router::build(state.clone(), BODY_LIMIT),
        state,
        _site: site,
        _db_dir: db_dir,
    }
}

pub async fn sqlite_harness() -> Harness {
    let dir = tempfile::tempdir().expect("db dir");
    harness_on(scratch::sqlite_url_in(dir.path()), Some(dir)).await
}

pub async fn postgres_harness() -> Harness {
    let server = scratch::postgres_server_url().expect("PostgreSQL for tests");
    let url = scratch::fresh_postgres_database(&server)
        .await
        .expect("database");
    harness_on(url, None).await
}

impl Harness {
    /// The same portal taking request bodies up to `limit` bytes (the tests' own limit is small,
    /// so that a test of the limit needs no large body).
    pub fn with_body_limit(mut self, limit: usize) -> Self {
        self.router = server::router::build(self.state.clone(), limit);
        self
    }

    /// How many files the portal's file store holds.
    pub fn stored_files(&self) -> usize {
        let root = self._site.path().join("files");
        let Ok(dirs) = std::fs::read_dir(root) else {
            return 0;
        };
        dirs.flatten()
            .filter_map(|d| std::fs::read_dir(d.path()).ok())
            .map(|files| files.count())
            .sum()
    }

    pub async fn send(&self, request: Request<Body>) -> Response<Body> {
        let what = format!("{} {}", request.method(), request.uri());
        // A request that never answers would hang the whole run until CI's limit; fail here,
        // naming it, instead.
        match tokio::time::timeout(ANSWER_WITHIN, self.router.clone().oneshot(request)).await {
            Ok(response) => response.expect("router answers"),
            Err(_) => {
                let pool = self.pool_state().await;
                panic!("{what}: no answer within {ANSWER_WITHIN:?}; {pool}")
            }
        }
    }

    /// The database pool when a request hung: its size, idle connections, and whether a fresh
    /// query still answers — which tells an exhausted pool from a render that never finished.
    async fn pool_state(&self) -> String {
        use sea_orm::ConnectionTrait;
        let counts = match self.db.get_database_backend() {
            sea_orm::DbBackend::Sqlite => {
                let pool = self.db.get_sqlite_connection_pool();
                format!("SQLite pool {} open, {} idle", pool.size(), pool.num_idle())
            }
            _ => {
                let pool = self.db.get_postgres_connection_pool();
                format!(
                    "PostgreSQL pool {} open, {} idle",
                    pool.size(),
                    pool.num_idle()
                )
            }
        };
        let probe = tokio::time::timeout(
            std::time::Duration::from_secs(5),
            self.db.execute_unprepared("SELECT 1"),
        )
        .await;
        let probe = match probe {
            Ok(Ok(_)) => "a fresh query answers".to_string(),
            Ok(Err(e)) => format!("a fresh query fails: {e}"),
            Err(_) => "a fresh query waits past 5 s".to_string(),
        };
        format!("{counts}; {probe}")
    }

    pub async fn get(&self, path: &str, headers: &[(header::HeaderName, &str)]) -> Response<Body> {
        let mut builder = Request::get(path);
        for (name, value) in headers {
            builder = builder.header(name, *value);
        }
        self.send(builder.body(Body::empty()).expect("request"))
            .await
    }
}

/// The home page as the holder of `cookie` sees it.
pub async fn home_as(h: &Harness, cookie: &str) -> String {
    let response = h.get("/", &[(header::COOKIE, cookie)]).await;
    assert_eq!(response.status(), http::StatusCode::OK);
    body_text(response).await
}

pub async fn body_text(response: Response<Body>) -> String {
    String::from_utf8(body_bytes(response).await).expect("utf-8 body")
}

pub async fn body_bytes(response: Response<Body>) -> Vec<u8> {
    tokio::time::timeout(ANSWER_WITHIN, response.into_body().collect())
        .await
        .unwrap_or_else(|_| panic!("the body did not end within {ANSWER_WITHIN:?}"))
        .expect("body")
        .to_bytes()
        .to_vec()
}

/// A server function's answer, decoded as the page decodes it.
pub async fn answer<T: serde::de::DeserializeOwned>(response: Response<Body>) -> T {
    let bytes = body_bytes(response).await;
    app::codec::decode_whole(&bytes)
        .unwrap_or_else(|e| panic!("not the answer expected ({e}): {bytes:?}"))
}

/// A lazily loaded page's data (`/api/page`), decoded as its page decodes it.
pub async fn page_answer<T: serde::de::DeserializeOwned>(response: Response<Body>) -> T {
    let data: app::page_data::PageData = answer(response).await;
    data.decode().expect("the page's data")
}

/// A lazily loaded page's data as JSON (its types' own field names), for tests that walk it.
pub async fn page_json<T>(response: Response<Body>) -> serde_json::Value
where
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    serde_json::to_value(page_answer::<T>(response).await).expect("as JSON")
}

/// A server function's answer as JSON text (its types' own field names): the `T` it answered
/// with, or the error it refused with, for tests that look for a text in it.
pub async fn answer_text<T>(response: Response<Body>) -> String
where
    T: serde::de::DeserializeOwned + serde::Serialize,
{
    if response.status().is_success() {
        serde_json::to_string(&answer::<T>(response).await).expect("as JSON")
    } else {
        format!("{:?}", refusal(response).await)
    }
}

/// The error a server function refused with.
pub async fn refusal(response: Response<Body>) -> app::error::AppError {
    answer(response).await
}

pub fn header_value(response: &Response<Body>, name: header::HeaderName) -> &str {
    response
        .headers()
        .get(&name)
        .unwrap_or_else(|| panic!("missing header {name}"))
        .to_str()
        .expect("ascii header")
}

/// A request with a session cookie (if any) and headers, as a browser's JSON call sends it.
pub fn call(path: &str, content_type: &str, body: String, cookie: Option<&str>) -> Request<Body> {
    let mut builder = Request::post(path)
        .header(header::CONTENT_TYPE, content_type)
        .header(header::ACCEPT, "application/json");
    if let Some(cookie) = cookie {
        builder = builder.header(header::COOKIE, cookie);
    }
    builder.body(Body::from(body)).expect("request")
}

/// A form-encoded server function call.
pub fn form_call(path: &str, fields: &[(&str, &str)], cookie: Option<&str>) -> Request<Body> {
    let body = fields
        .iter()
        .map(|(k, v)| format!("{}={}", urlencode(k), urlencode(v)))
        .collect::<Vec<_>>()
        .join("&");
    call(path, "application/x-www-form-urlencoded", body, cookie)
}

/// Percent-encodes a form value.
pub fn urlencode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The `name=value` of the session cookie a response sets, if it sets one with a value.
pub fn session_cookie(response: &Response<Body>) -> Option<String> {
    response
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .find(|pair| pair.starts_with("sg_session=") && pair.len() > "sg_session=".len())
        .map(str::to_string)
}

/// The account with `email`.
async fn account_of(
    db: &sea_orm::DatabaseConnection,
    email: &str,
) -> app::db::entities::user_account::Model {
    use app::db::entities::user_account;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    user_account::Entity::find()
        .filter(user_account::Column::Email.eq(email))
        .one(db)
        .await
        .expect("query")
        .unwrap_or_else(|| panic!("no account {email}"))
}

/// Starts a session for the account with `email` straight in the database (no password work).
pub async fn session_for(db: &sea_orm::DatabaseConnection, email: &str) -> String {
    let account = account_of(db, email).await;
    let token = app::auth::session::start(db, account.id)
        .await
        .expect("session");
    format!("sg_session={token}")
}

/// The resolved actor of the account with `email`, as a request would see it.
pub async fn actor_of(db: &sea_orm::DatabaseConnection, email: &str) -> app::access::Actor {
    app::access::load_actor(db, account_of(db, email).await.id)
        .await
        .expect("query")
        .expect("an active account")
}

/// Signs in guardian `guardian_id`, giving them an account first when they have none (the
/// demo has three family accounts).
pub async fn guardian_session(db: &sea_orm::DatabaseConnection, guardian_id: i32) -> String {
    use app::db::entities::{guardian, user_account};
    use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
    let existing = user_account::Entity::find()
        .filter(user_account::Column::GuardianId.eq(guardian_id))
        .one(db)
        .await
        .expect("query");
    let account = match existing {
        Some(account) => account,
        None => {
            let g = guardian::Entity::find_by_id(guardian_id)
                .one(db)
                .await
                .expect("query")
                .expect("guardian");
            user_account::ActiveModel {
                school_id: Set(g.school_id),
                email: Set(g.email.clone().expect("an address")),
                password_hash: Set(None),
                status: Set(app::access::status::ACTIVE.into()),
                guardian_id: Set(Some(g.id)),
                staff_id: Set(None),
                selected_pupil_id: Set(None),
                created_at: Set(chrono::Utc::now()),
                ..Default::default()
            }
            .insert(db)
            .await
            .expect("account")
        }
    };
    let token = app::auth::session::start(db, account.id)
        .await
        .expect("session");
    format!("sg_session={token}")
}

/// A multipart form post with one file field, as a browser's file upload sends it.
pub fn multipart_call(
    path: &str,
    field: &str,
    content: &str,
    cookie: Option<&str>,
) -> Request<Body> {
    let boundary = "sg-test-boundary-7MA4YWxkTrZu0gW";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"export.csv\"\r\n\
         Content-Type: text/csv\r\n\r\n{content}\r\n--{boundary}--\r\n"
    );
    let mut builder = Request::post(path)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::ACCEPT, "text/html");
    if let Some(cookie) = cookie {
        builder = builder.header(header::COOKIE, cookie);
    }
    builder.body(Body::from(body)).expect("request")
}

/// A multipart form post with text fields and files, as the compose form sends it.
pub fn multipart_form(
    path: &str,
    fields: &[(&str, &str)],
    files: &[(&str, &[u8])],
    cookie: Option<&str>,
) -> Request<Body> {
    multipart_form_with(path, fields, "file", files, cookie)
}

/// [`multipart_form`] with the files sent as `file_field`.
pub fn multipart_form_with(
    path: &str,
    fields: &[(&str, &str)],
    file_field: &str,
    files: &[(&str, &[u8])],
    cookie: Option<&str>,
) -> Request<Body> {
    let boundary = "sg-test-boundary-Q2hcFq8xYbRk";
    let mut body: Vec<u8> = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
            )
            .as_bytes(),
        );
    }
    for (file_name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{file_field}\"; filename=\"{file_name}\"\r\n\
                 Content-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    // A browser always says how long a form post is.
    let mut builder = Request::post(path)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::CONTENT_LENGTH, body.len())
        .header(header::ACCEPT, "text/html");
    if let Some(cookie) = cookie {
        builder = builder.header(header::COOKIE, cookie);
    }
    builder.body(Body::from(body)).expect("request")
}

/// Posts a multipart form as a browser reading `language` would, its files as `file_field`;
/// returns the status, the redirect (if any) and the page.
pub async fn post_form(
    h: &Harness,
    path: &str,
    cookie: &str,
    fields: &[(&str, &str)],
    (file_field, files): (&str, &[(&str, &[u8])]),
    language: &str,
) -> (http::StatusCode, String, String) {
    let mut request = multipart_form_with(path, fields, file_field, files, Some(cookie));
    request
        .headers_mut()
        .insert(header::ACCEPT_LANGUAGE, language.parse().expect("header"));
    let response = h.send(request).await;
    let status = response.status();
    let location = response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    (status, location, body_text(response).await)
}

/// A one-page PDF's first bytes: enough for content sniffing.
pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

/// Publishes a notice through the compose form as the signed-in `cookie`; returns its id.
pub async fn publish_notice(
    h: &Harness,
    cookie: &str,
    fields: &[(&str, &str)],
    files: &[(&str, &[u8])],
) -> i32 {
    let mut all: Vec<(&str, &str)> = fields.to_vec();
    all.push(("action", "publish"));
    let response = h
        .send(multipart_form(
            "/admin/notices/new",
            &all,
            files,
            Some(cookie),
        ))
        .await;
    let status = response.status();
    let location = response
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let Some(location) = location else {
        panic!(
            "publishing answered {status}: {}",
            body_text(response).await
        );
    };
    location
        .trim_start_matches("/admin/notices/")
        .parse()
        .expect("notice id in the redirect")
}
