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

async fn count(db: &DatabaseConnection, sql: &str) -> i64 {
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect(sql)
        .expect("one row");
    row.try_get_by_index::<i64>(0).expect("a count")
}

/// Opening the outbox to staff keeps every e-mail already waiting for a family, and its ids
/// carry on where they were; undone, it keeps them again and drops only staff e-mail.
async fn outbox_keeps_its_rows_when_opened_to_staff(db: &DatabaseConnection) {
    use app::db::migrations::Migrator;
    use sea_orm_migration::MigratorTrait;
    Migrator::up(db, Some(14))
        .await
        .expect("the schema before staff e-mail");
    let backend = db.get_database_backend();
    let run = |sql: &'static str| async move {
        db.execute_raw(Statement::from_string(backend, sql))
            .await
            .expect(sql);
    };
    run("INSERT INTO school (name, created_at) VALUES ('Old School', '2026-01-01 00:00:00+00:00')")
        .await;
    run(
        "INSERT INTO guardian (school_id, mis_id, name, preferred_locale) VALUES ((SELECT id FROM \
         school), 'G1', 'A Parent', 'en-GB')",
    )
    .await;
    run(
        "INSERT INTO notice (school_id, status, category, audience, language, title, body_source, \
         body_html, ack_required, pinned, revision, created_at, updated_at) VALUES ((SELECT id \
         FROM school), 'published', 'general', '{}', 'en-GB', 'Trip', 'x', '<p>x</p>', false, \
         false, 1, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00')",
    )
    .await;
    for _ in 0..2 {
        run("INSERT INTO outbox (school_id, idempotency_key, kind, guardian_id, notice_id, status, \
             attempts, next_attempt_at, created_at) SELECT school_id, 'notice-' || \
             (SELECT COUNT(*) FROM outbox), 'instant', (SELECT id FROM guardian), id, 'pending', 0, \
             '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00' FROM notice")
            .await;
    }
    Migrator::up(db, Some(1)).await.expect("staff e-mail");
    assert_eq!(
        count(
            db,
            "SELECT COUNT(*) FROM outbox WHERE guardian_id IS NOT NULL AND notice_id IS NOT NULL"
        )
        .await,
        2,
        "the families' e-mails are kept"
    );
    run(
        "INSERT INTO user_account (school_id, email, status, created_at) SELECT id, \
         'teacher@old.example', 'active', '2026-01-01 00:00:00+00:00' FROM school",
    )
    .await;
    run(
        "INSERT INTO outbox (school_id, idempotency_key, kind, user_id, status, attempts, \
         next_attempt_at, created_at) SELECT school_id, 'staff-1', 'news-withheld', id, 'pending', \
         0, '2026-01-01 00:00:00+00:00', '2026-01-01 00:00:00+00:00' FROM user_account",
    )
    .await;
    assert_eq!(
        count(
            db,
            "SELECT CAST(MAX(id) AS BIGINT) FROM outbox WHERE user_id IS NOT NULL"
        )
        .await,
        3,
        "ids carry on after the kept rows"
    );
    Migrator::down(db, Some(1)).await.expect("undone");
    assert_eq!(
        count(db, "SELECT COUNT(*) FROM outbox").await,
        2,
        "only staff e-mail dropped"
    );
    Migrator::up(db, Some(1)).await.expect("and done again");
    assert_eq!(count(db, "SELECT COUNT(*) FROM outbox").await, 2);
    migrate(db).await.expect("the migrations after it");
}

#[tokio::test]
async fn outbox_opened_to_staff_on_sqlite_and_postgresql() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = connect(&scratch::sqlite_url_in(dir.path()))
        .await
        .expect("SQLite");
    outbox_keeps_its_rows_when_opened_to_staff(&db).await;
    let server = scratch::postgres_server_url().expect("PostgreSQL for tests");
    let url = scratch::fresh_postgres_database(&server)
        .await
        .expect("create test database");
    let db = connect(&url).await.expect("connect to PostgreSQL");
    outbox_keeps_its_rows_when_opened_to_staff(&db).await;
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

/// A run of statements through `db::held` shares one connection: typed reads and writes with
/// bound values, a missing row, a constraint error sea-orm still recognises, and a temporary
/// table (which lives in one connection only) seen by the run and by no other connection.
async fn a_held_connection_runs_every_statement_on_one_connection(db: &DatabaseConnection) {
    use app::db::entities::{session, user_account};
    use app::db::held::HeldConnection;
    use sea_orm::{ActiveModelTrait, EntityTrait, Set, SqlErr};
    migrate(db).await.expect("migration");
    seed_demo(db).await.expect("seed");
    let backend = db.get_database_backend();
    let held = HeldConnection::acquire(db).await.expect("a connection");
    assert_eq!(held.get_database_backend(), backend);

    let user = user_account::Entity::find()
        .one(&held)
        .await
        .expect("read through the held connection")
        .expect("the demo has users");
    let row = session::ActiveModel {
        id: Set("held-test".into()),
        user_id: Set(user.id),
        created_at: Set(chrono::Utc::now()),
        expires_at: Set(chrono::Utc::now()),
    };
    row.clone().insert(&held).await.expect("insert");
    let again = row.insert(&held).await.expect_err("the same id twice");
    assert!(
        matches!(again.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))),
        "a duplicate is told apart from other faults: {again:?}"
    );
    let stored = session::Entity::find_by_id("held-test".to_string())
        .one(db)
        .await
        .expect("read through the pool");
    assert_eq!(
        stored.map(|s| s.user_id),
        Some(user.id),
        "each statement commits"
    );
    assert!(
        session::Entity::find_by_id("nobody".to_string())
            .one(&held)
            .await
            .expect("a read that finds nothing")
            .is_none()
    );

    held.execute_unprepared("CREATE TEMPORARY TABLE held_probe (n INTEGER)")
        .await
        .expect("temporary table");
    held.execute_unprepared("INSERT INTO held_probe (n) VALUES (7)")
        .await
        .expect("row in it");
    let rows = held
        .query_all_raw(Statement::from_string(backend, "SELECT n FROM held_probe"))
        .await
        .expect("the run sees its temporary table");
    assert_eq!(rows.len(), 1);
    let n: i32 = rows[0].try_get("", "n").expect("n");
    assert_eq!(n, 7);
    let elsewhere = db
        .query_one_raw(Statement::from_string(backend, "SELECT n FROM held_probe"))
        .await;
    assert!(
        elsewhere.is_err(),
        "the pool's other connections do not see it: {elsewhere:?}"
    );
}

#[tokio::test]
async fn a_held_connection_on_sqlite_and_postgresql() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = connect(&scratch::sqlite_url_in(dir.path()))
        .await
        .expect("SQLite");
    a_held_connection_runs_every_statement_on_one_connection(&db).await;
    let server = scratch::postgres_server_url().expect("PostgreSQL for tests");
    let url = scratch::fresh_postgres_database(&server)
        .await
        .expect("create test database");
    let db = connect(&url).await.expect("connect to PostgreSQL");
    a_held_connection_runs_every_statement_on_one_connection(&db).await;
}
