//! The outbox carries e-mail to staff as well as to families: `guardian_id` and `notice_id`
//! become optional, and `user_id` (a member of staff's account) and `post_id` (the news post the
//! e-mail is about) join them. The first such e-mail tells a post's author that a lowered photo
//! consent now withholds it from families.
//!
//! PostgreSQL alters the columns in place. SQLite cannot drop a `NOT NULL`, so there the table is
//! rebuilt under a new name, its rows copied, and renamed back; nothing references `outbox`, so
//! no other table notices.

use super::tables::{id, index, int, name, references, string, text, time};
use sea_orm::{ConnectionTrait, DbBackend};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const COPIED: &str = "id, school_id, idempotency_key, kind, guardian_id, notice_id, status, \
                      attempts, next_attempt_at, locked_until, last_error, sent_at, created_at";

/// The outbox table as `table`, with staff recipients (`staff`) or as it was before.
fn outbox(table: &str, staff: bool) -> TableCreateStatement {
    let mut t = Table::create().table(name(table)).to_owned();
    id(&mut t);
    int(&mut t, "school_id", false);
    string(&mut t, "idempotency_key", 160);
    string(&mut t, "kind", 16);
    int(&mut t, "guardian_id", staff);
    int(&mut t, "notice_id", staff);
    string(&mut t, "status", 16);
    int(&mut t, "attempts", false);
    time(&mut t, "next_attempt_at", false);
    time(&mut t, "locked_until", true);
    text(&mut t, "last_error", true);
    time(&mut t, "sent_at", true);
    time(&mut t, "created_at", false);
    references(&mut t, table, "guardian_id", "guardian");
    references(&mut t, table, "notice_id", "notice");
    if staff {
        int(&mut t, "user_id", true);
        // Deleting the post deletes the e-mails about it that have not gone yet.
        int(&mut t, "post_id", true);
        references(&mut t, table, "user_id", "user_account");
        references(&mut t, table, "post_id", "news_post");
    }
    t
}

/// Rebuilds SQLite's outbox in the shape `staff` says, keeping its rows.
async fn rebuild(manager: &SchemaManager<'_>, staff: bool) -> Result<(), DbErr> {
    let db = manager.get_connection();
    manager.create_table(outbox("outbox_next", staff)).await?;
    let only_families = if staff {
        ""
    } else {
        " WHERE guardian_id IS NOT NULL AND notice_id IS NOT NULL"
    };
    db.execute_unprepared(&format!(
        "INSERT INTO outbox_next ({COPIED}) SELECT {COPIED} FROM outbox{only_families}"
    ))
    .await?;
    db.execute_unprepared("DROP TABLE outbox").await?;
    db.execute_unprepared("ALTER TABLE outbox_next RENAME TO outbox")
        .await?;
    manager
        .create_index(index("outbox", &["idempotency_key"], true))
        .await?;
    manager
        .create_index(index("outbox", &["status", "next_attempt_at"], false))
        .await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    /// One connection and all or nothing: SQLite's rebuild must not be seen half done, and on a
    /// pool its statements would otherwise go to connections whose schema is out of date.
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match db.get_database_backend() {
            DbBackend::Postgres => {
                db.execute_unprepared(
                    "ALTER TABLE outbox \
                       ALTER COLUMN guardian_id DROP NOT NULL, \
                       ALTER COLUMN notice_id DROP NOT NULL, \
                       ADD COLUMN user_id integer NULL REFERENCES user_account (id) ON DELETE CASCADE, \
                       ADD COLUMN post_id integer NULL REFERENCES news_post (id) ON DELETE CASCADE",
                )
                .await?;
                Ok(())
            }
            _ => rebuild(manager, true).await,
        }
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        match db.get_database_backend() {
            DbBackend::Postgres => {
                db.execute_unprepared(
                    "DELETE FROM outbox WHERE guardian_id IS NULL OR notice_id IS NULL",
                )
                .await?;
                db.execute_unprepared(
                    "ALTER TABLE outbox \
                       DROP COLUMN user_id, DROP COLUMN post_id, \
                       ALTER COLUMN guardian_id SET NOT NULL, \
                       ALTER COLUMN notice_id SET NOT NULL",
                )
                .await?;
                Ok(())
            }
            _ => rebuild(manager, false).await,
        }
    }
}
