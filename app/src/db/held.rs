//! One pooled connection kept for a run of statements.
//!
//! sqlx tests a connection each time it goes back to the pool (`ping`): on SQLite a round trip
//! to the connection's worker thread, on PostgreSQL one to the server. sea-orm takes a
//! connection for every statement, so a run of n statements was 2n trips; through a
//! [`HeldConnection`] it is n and one ping (a board: the session middleware's five and its own
//! two, 9 trips instead of 14). Not a transaction: each statement commits on its own, as it
//! would through the pool, and no `BEGIN`/`COMMIT` is paid.
//!
//! Hold it for a short run of statements only, and never take a second connection from the
//! pool while holding one: with every connection held by a request waiting for another, the
//! pool would wait out its timeout.

use sea_orm::sqlx::pool::PoolConnection;
use sea_orm::sqlx::{Postgres, Sqlite};
use sea_orm::{
    ConnectionTrait, DatabaseConnection, DbBackend, DbErr, ExecResult, QueryResult, RuntimeErr,
    Statement,
};
use sea_query_sqlx::SqlxValues;
use tokio::sync::Mutex;

enum Pooled {
    Sqlite(PoolConnection<Sqlite>),
    Postgres(PoolConnection<Postgres>),
}

/// A connection taken from the pool once, for every statement run through it.
pub struct HeldConnection {
    backend: DbBackend,
    // `ConnectionTrait` runs statements through `&self`; a run is sequential, so the lock is
    // never contended.
    connection: Mutex<Pooled>,
}

fn query_error(err: sea_orm::sqlx::Error) -> DbErr {
    DbErr::Query(RuntimeErr::SqlxError(err.into()))
}

fn exec_error(err: sea_orm::sqlx::Error) -> DbErr {
    DbErr::Exec(RuntimeErr::SqlxError(err.into()))
}

fn acquire_error(err: sea_orm::sqlx::Error) -> DbErr {
    match err {
        sea_orm::sqlx::Error::PoolTimedOut => {
            DbErr::ConnectionAcquire(sea_orm::ConnAcquireErr::Timeout)
        }
        sea_orm::sqlx::Error::PoolClosed => {
            DbErr::ConnectionAcquire(sea_orm::ConnAcquireErr::ConnectionClosed)
        }
        other => DbErr::Conn(RuntimeErr::SqlxError(other.into())),
    }
}

/// The statement's SQL and bound values as sqlx takes them.
fn parts(stmt: &Statement) -> (sea_orm::sqlx::AssertSqlSafe<&str>, SqlxValues) {
    let values = stmt.values.clone().unwrap_or(sea_orm::Values(Vec::new()));
    (
        sea_orm::sqlx::AssertSqlSafe(stmt.sql.as_str()),
        SqlxValues(values),
    )
}

impl HeldConnection {
    /// Takes one connection from `db`'s pool.
    pub async fn acquire(db: &DatabaseConnection) -> Result<Self, DbErr> {
        let backend = db.get_database_backend();
        let connection = match backend {
            DbBackend::Sqlite => Pooled::Sqlite(
                db.get_sqlite_connection_pool()
                    .acquire()
                    .await
                    .map_err(acquire_error)?,
            ),
            DbBackend::Postgres => Pooled::Postgres(
                db.get_postgres_connection_pool()
                    .acquire()
                    .await
                    .map_err(acquire_error)?,
            ),
            other => {
                return Err(DbErr::Custom(format!("no held connection for {other:?}")));
            }
        };
        Ok(Self {
            backend,
            connection: Mutex::new(connection),
        })
    }
}

/// Runs `$body` with `$c` bound to the held connection, whichever database it is on: the two
/// connection types share no trait sqlx's queries run through.
macro_rules! on_connection {
    ($held:expr, $c:ident => $body:expr) => {
        match &mut *$held.connection.lock().await {
            Pooled::Sqlite($c) => $body,
            Pooled::Postgres($c) => $body,
        }
    };
}

#[async_trait::async_trait]
impl ConnectionTrait for HeldConnection {
    fn get_database_backend(&self) -> DbBackend {
        self.backend
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        on_connection!(self, c => {
            let (sql, values) = parts(&stmt);
            sea_orm::sqlx::query_with(sql, values)
                .execute(&mut **c)
                .await
                .map(Into::into)
        })
        .map_err(exec_error)
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        use sea_orm::sqlx::Executor;
        on_connection!(self, c => {
            c.execute(sea_orm::sqlx::AssertSqlSafe(sql.to_owned()))
                .await
                .map(Into::into)
        })
        .map_err(exec_error)
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        on_connection!(self, c => {
            let (sql, values) = parts(&stmt);
            sea_orm::sqlx::query_with(sql, values)
                .fetch_optional(&mut **c)
                .await
                .map(|row| row.map(Into::into))
        })
        .map_err(query_error)
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        on_connection!(self, c => {
            let (sql, values) = parts(&stmt);
            sea_orm::sqlx::query_with(sql, values)
                .fetch_all(&mut **c)
                .await
                .map(|rows| rows.into_iter().map(Into::into).collect())
        })
        .map_err(query_error)
    }
}
