//! The database: connecting (SQLite by default, PostgreSQL when asked), entities and migrations.

pub mod entities;
pub mod held;
pub mod migrations;
pub mod scratch;
pub mod sql;

use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};
use sea_orm_migration::MigratorTrait;
use std::time::Duration;

/// How long a SQLite writer waits for another to finish before giving up.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// Rows a query may read ahead of the task taking them (sqlx's default is 50).
const SQLITE_ROW_BUFFER: usize = 1024;
/// A statement that runs longer than this is logged as a warning.
const SLOW_STATEMENT: Duration = Duration::from_secs(1);
/// SQLite connections in the pool. sea-orm defaults SQLite to one, which queues every reader
/// behind a long write (a roster import); with WAL, readers on other connections go on.
const SQLITE_CONNECTIONS: u32 = 8;

/// Opens the database at `url`, creating a SQLite file (and its folder) if it does not exist.
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    // Every statement at debug level (`RUST_LOG=sqlx::query=debug` lists a request's), and one
    // that takes over a second as a warning.
    options
        .sqlx_logging(true)
        .sqlx_logging_level(log::LevelFilter::Debug)
        .sqlx_slow_statements_logging_settings(log::LevelFilter::Warn, SLOW_STATEMENT);
    if url.starts_with("sqlite:") {
        if let Some(dir) = sqlite_parent_dir(url) {
            std::fs::create_dir_all(&dir)
                .map_err(|e| DbErr::Custom(format!("cannot create {}: {e}", dir.display())))?;
        }
        if !url.contains(":memory:") {
            options.max_connections(SQLITE_CONNECTIONS);
        }
        // A connection to a local file never goes stale, so no reaper task and no ping before
        // each use: both are await points between taking a connection and using it, where sqlx's
        // pool is not cancel-safe, and sqlx's reaper has known hangs (a request once waited here
        // past two minutes in a test run; not reproduced since).
        options
            .idle_timeout(None::<Duration>)
            .max_lifetime(None::<Duration>)
            .test_before_acquire(false);
        options.map_sqlx_sqlite_opts(|opts| {
            opts.create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(SQLITE_BUSY_TIMEOUT)
                // sqlx's worker thread stops after every 50 rows until the request's task has
                // taken them: a family's year of events (hundreds of rows) was a dozen hand-offs
                // between threads. Rows are small; let a result run ahead.
                .row_buffer_size(SQLITE_ROW_BUFFER)
        });
    }
    Database::connect(options).await
}

/// Brings the schema up to date; safe to run at every start.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    migrations::Migrator::up(db, None).await
}

/// Starts a transaction that writes. On SQLite it takes the write lock at `BEGIN IMMEDIATE` and
/// waits its turn behind other writers (busy timeout): a deferred transaction that reads first
/// fails at once with `SQLITE_BUSY` when another connection has written since its read, and a
/// roster import lost that way to a page view's session write. PostgreSQL ignores the mode.
pub async fn write_transaction(
    db: &DatabaseConnection,
) -> Result<sea_orm::DatabaseTransaction, DbErr> {
    use sea_orm::{SqliteTransactionMode, TransactionOptions, TransactionTrait};
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..TransactionOptions::default()
    })
    .await
}

/// Refreshes the query planner's statistics (SQLite `PRAGMA optimize`, PostgreSQL `ANALYZE`):
/// without them SQLite joins the roster tables in a poor order on big schools.
pub async fn optimize(db: &DatabaseConnection) -> Result<(), DbErr> {
    use sea_orm::ConnectionTrait;
    let statement = match db.get_database_backend() {
        sea_orm::DbBackend::Sqlite => "PRAGMA optimize=0x10002",
        _ => "ANALYZE",
    };
    db.execute_unprepared(statement).await?;
    Ok(())
}

/// The folder a `sqlite:` URL's file lives in, if it names a file rather than memory.
fn sqlite_parent_dir(url: &str) -> Option<std::path::PathBuf> {
    let path = url
        .trim_start_matches("sqlite:")
        .trim_start_matches("//")
        .split('?')
        .next()?;
    if path.is_empty() || path.contains(":memory:") {
        return None;
    }
    std::path::Path::new(path)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(|p| p.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::sqlite_parent_dir;
    use std::path::PathBuf;

    #[test]
    fn finds_the_folder_of_a_sqlite_file() {
        assert_eq!(
            sqlite_parent_dir("sqlite://data/schoolgate.db?mode=rwc"),
            Some(PathBuf::from("data"))
        );
        assert_eq!(
            sqlite_parent_dir("sqlite:///tmp/x/y.db"),
            Some(PathBuf::from("/tmp/x"))
        );
        assert_eq!(sqlite_parent_dir("sqlite::memory:"), None);
        assert_eq!(sqlite_parent_dir("sqlite://plain.db"), None);
    }

    /// Without the planner's stability guarantee (`.cargo/config.toml`), every statement with a
    /// bound `LIMIT` is compiled again on each run; with memory statistics on, every connection
    /// takes one shared mutex on each allocation.
    #[tokio::test]
    async fn sqlite_is_built_with_stable_plans_and_no_memory_statistics() {
        use sea_orm::{ConnectionTrait, DbBackend, Statement};
        let db = super::connect("sqlite::memory:").await.expect("connects");
        let options: Vec<String> = db
            .query_all_raw(Statement::from_string(
                DbBackend::Sqlite,
                "PRAGMA compile_options",
            ))
            .await
            .expect("lists")
            .into_iter()
            .map(|row| row.try_get_by_index::<String>(0).expect("text"))
            .collect();
        for wanted in ["ENABLE_QPSG", "DEFAULT_MEMSTATUS=0"] {
            assert!(
                options.iter().any(|o| o == wanted),
                "{wanted} missing: compiled with {options:?}"
            );
        }
    }
}
