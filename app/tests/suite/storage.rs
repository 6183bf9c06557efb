//! The storage suite, run once on a SQLite file and once on PostgreSQL.

use app::db::{connect, migrate, scratch};
use app::school::db::{DEMO_SCHOOL_NAME, profile, seed_demo};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};

async fn storage_suite(db: &DatabaseConnection) {
    migrate(db).await.expect("first migration");
    migrate(db).await.expect("migrating again is a no-op");

    assert_eq!(
        profile(db).await,
        Err(app::error::AppError::NotFound),
        "an empty database has no school"
    );
    assert!(
        seed_demo(db).await.expect("seed"),
        "first seed creates the school"
    );
    assert!(
        !seed_demo(db).await.expect("seed again"),
        "second seed changes nothing"
    );

    let school = profile(db).await.expect("profile");
    assert_eq!(school.name, DEMO_SCHOOL_NAME);
    assert_eq!(school.default_locale, "en-GB");

    let count = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT COUNT(*) AS n FROM school",
        ))
        .await
        .expect("count query")
        .expect("one row");
    let n: i64 = count.try_get("", "n").expect("count column");
    assert_eq!(n, 1);
}

/// A notice saved before excerpts were stored gets one when the schema is brought up to date.
async fn excerpts_are_filled_in_for_older_notices(db: &DatabaseConnection) {
    use app::db::migrations::Migrator;
    use sea_orm_migration::MigratorTrait;
    Migrator::up(db, Some(4))
        .await
        .expect("the schema before excerpts");
    let backend = db.get_database_backend();
    for sql in [
        "INSERT INTO school (name, created_at) VALUES ('Old School', '2026-01-01 00:00:00+00:00')",
        "INSERT INTO notice (school_id, status, category, audience, language, title, body_source, \
         body_html, ack_required, pinned, revision, created_at, updated_at) VALUES ((SELECT id \
         FROM school), 'published', 'general', '{}', 'en-GB', 'Trip', 'x', \
         '<p>Bring a <strong>coat</strong> &amp; lunch.</p>', false, false, 1, \
         '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00')",
    ] {
        db.execute_raw(Statement::from_string(backend, sql))
            .await
            .expect(sql);
    }
    migrate(db).await.expect("the rest of the migrations");
    let row = db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT excerpt FROM notice",
        ))
        .await
        .expect("excerpt query")
        .expect("the notice");
    let excerpt: String = row.try_get("", "excerpt").expect("excerpt column");
    assert_eq!(excerpt, "Bring a coat & lunch.");
}

async fn pragma(db: &DatabaseConnection, name: &str) -> String {
    let row = db
        .query_one_raw(Statement::from_string(
            DbBackend::Sqlite,
            format!("PRAGMA {name}"),
        ))
        .await
        .expect("pragma query")
        .expect("pragma row");
    row.try_get_by_index::<String>(0)
        .or_else(|_| row.try_get_by_index::<i64>(0).map(|n| n.to_string()))
        .expect("pragma value")
}

#[tokio::test]
async fn sqlite_file_is_created_with_wal_foreign_keys_and_busy_timeout() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = scratch::sqlite_url_in(&dir.path().join("nested"));
    let db = connect(&url)
        .await
        .expect("connect creates folder and file");
    assert!(dir.path().join("nested/schoolgate.db").exists());
    assert_eq!(pragma(&db, "journal_mode").await, "wal");
    assert_eq!(pragma(&db, "foreign_keys").await, "1");
    assert_eq!(pragma(&db, "busy_timeout").await, "5000");
    storage_suite(&db).await;
}

#[tokio::test]
async fn older_notices_get_excerpts_on_sqlite_and_postgresql() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = connect(&scratch::sqlite_url_in(dir.path()))
        .await
        .expect("SQLite");
    excerpts_are_filled_in_for_older_notices(&db).await;
    let server = scratch::postgres_server_url().expect("PostgreSQL for tests");
    let url = scratch::fresh_postgres_database(&server)
        .await
        .expect("create test database");
    let db = connect(&url).await.expect("connect to PostgreSQL");
    excerpts_are_filled_in_for_older_notices(&db).await;
}

#[tokio::test]
async fn postgres_runs_the_same_suite() {
    let server = scratch::postgres_server_url().expect("PostgreSQL for tests");
    let url = scratch::fresh_postgres_database(&server)
        .await
        .expect("create test database");
    let db = connect(&url).await.expect("connect to PostgreSQL");
    assert_eq!(db.get_database_backend(), DbBackend::Postgres);
    storage_suite(&db).await;
}

/// A writing transaction that reads first, while another connection writes in between (a roster
/// import while page views write sessions): on SQLite it waits its turn instead of failing.
async fn a_write_after_a_read_survives_another_writer(db: &DatabaseConnection) {
    use sea_orm::TransactionTrait;
    let backend = db.get_database_backend();
    db.execute_unprepared("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)")
        .await
        .expect("table");
    db.execute_unprepared("INSERT INTO counter (id, n) VALUES (1, 0), (2, 0)")
        .await
        .expect("rows");
    let txn = app::db::write_transaction(db).await.expect("begin");
    txn.query_one_raw(Statement::from_string(
        backend,
        "SELECT n FROM counter WHERE id = 1",
    ))
    .await
    .expect("read");
    // Another connection writes meanwhile; it waits for the transaction rather than cutting in.
    let other = {
        let db = db.clone();
        tokio::spawn(async move {
            let other = db.begin().await.expect("second connection");
            other
                .execute_unprepared("UPDATE counter SET n = n + 1 WHERE id = 2")
                .await
                .expect("the other writer waits its turn");
            other.commit().await.expect("other commit");
        })
    };
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    txn.execute_unprepared("UPDATE counter SET n = n + 1 WHERE id = 1")
        .await
        .expect("the write after the read is not refused");
    txn.commit().await.expect("commit");
    other.await.expect("other writer");
    let total = db
        .query_one_raw(Statement::from_string(
            backend,
            "SELECT SUM(n) AS n FROM counter",
        ))
        .await
        .expect("sum")
        .expect("row");
    let n: i64 = total.try_get("", "n").expect("sum column");
    assert_eq!(n, 2, "both writes are kept");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writers_wait_their_turn_on_sqlite_and_postgresql() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = connect(&scratch::sqlite_url_in(dir.path()))
        .await
        .expect("SQLite");
    a_write_after_a_read_survives_another_writer(&db).await;
    let server = scratch::postgres_server_url().expect("PostgreSQL for tests");
    let url = scratch::fresh_postgres_database(&server)
        .await
        .expect("create test database");
    let db = connect(&url).await.expect("connect to PostgreSQL");
    a_write_after_a_read_survives_another_writer(&db).await;
}
