//! Throw-away databases for test suites: the same tests run on a SQLite file and on PostgreSQL.

use sea_orm::{ConnectionTrait, Database, DbErr};
use std::sync::atomic::{AtomicU32, Ordering};

/// The variable `./sg test` sets to the PostgreSQL server it started.
pub const POSTGRES_URL_VAR: &str = "SG_TEST_POSTGRES_URL";

/// The PostgreSQL server for tests; an error says how to get one rather than skipping.
pub fn postgres_server_url() -> Result<String, String> {
    std::env::var(POSTGRES_URL_VAR).map_err(|_| {
        format!(
            "{POSTGRES_URL_VAR} is not set: run `./sg test`, which starts a PostgreSQL server \
             for the tests, or point it at one (postgres://user@127.0.0.1:port/postgres)"
        )
    })
}

/// Creates an empty database on the test server and returns its URL.
pub async fn fresh_postgres_database(server_url: &str) -> Result<String, DbErr> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let name = format!(
        "sg_test_{}_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed),
        chrono::Utc::now().timestamp_micros()
    );
    let admin = Database::connect(server_url).await?;
    admin
        .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
        .await?;
    admin.close().await?;
    let base = server_url
        .rsplit_once('/')
        .map(|(base, _)| base)
        .ok_or_else(|| DbErr::Custom(format!("{POSTGRES_URL_VAR} has no database path")))?;
    Ok(format!("{base}/{name}"))
}

/// A SQLite URL for a new file inside `dir`.
pub fn sqlite_url_in(dir: &std::path::Path) -> String {
    format!("sqlite://{}/schoolgate.db?mode=rwc", dir.display())
}
