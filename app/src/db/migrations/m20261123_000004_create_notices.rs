//! Creates the noticeboard: notices with their targets, translations, revisions and attachments;
//! guardians' reads and acknowledgements; in-app notifications, e-mail preferences, the delivery
//! outbox and the audit log.

use super::tables::{
    Tables, create_all, drop_all, flag, id, index, int, name, references, string, text, time,
};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn tables() -> Tables {
    let mut all = Vec::new();

    let mut t = Table::create().table(name("notice")).to_owned();
    id(&mut t);
    int(&mut t, "school_id", false);
    int(&mut t, "author_user_id", true);
    string(&mut t, "status", 16);
    string(&mut t, "category", 16);
    text(&mut t, "audience", false);
    string(&mut t, "language", 16);
    text(&mut t, "title", false);
    text(&mut t, "body_source", false);
    text(&mut t, "body_html", false);
    flag(&mut t, "ack_required");
    t.col(ColumnDef::new(name("ack_by")).date().null());
    time(&mut t, "publish_at", true);
    time(&mut t, "expires_at", true);
    flag(&mut t, "pinned");
    int(&mut t, "revision", false);
    time(&mut t, "created_at", false);
    time(&mut t, "updated_at", false);
    time(&mut t, "withdrawn_at", true);
    time(&mut t, "last_reminded_at", true);
    references(&mut t, "notice", "school_id", "school");
    all.push((
        t,
        vec![index(
            "notice",
            &["school_id", "status", "publish_at"],
            false,
        )],
    ));

    // One row per target of a published notice, carrying the notice's sort and visibility keys,
    // so a parent's board reads each of their targets newest-first straight from the index.
    let mut t = Table::create().table(name("notice_target")).to_owned();
    id(&mut t);
    int(&mut t, "notice_id", false);
    string(&mut t, "kind", 16);
    int(&mut t, "target_id", false);
    flag(&mut t, "pinned");
    time(&mut t, "publish_at", false);
    time(&mut t, "expires_at", true);
    references(&mut t, "notice_target", "notice_id", "notice");
    all.push((
        t,
        vec![
            index(
                "notice_target",
                &["kind", "target_id", "pinned", "publish_at"],
                false,
            ),
            index("notice_target", &["notice_id"], false),
        ],
    ));

    let mut t = Table::create().table(name("notice_translation")).to_owned();
    id(&mut t);
    int(&mut t, "notice_id", false);
    string(&mut t, "language", 16);
    text(&mut t, "title", false);
    text(&mut t, "body_source", false);
    text(&mut t, "body_html", false);
    int(&mut t, "source_revision", false);
    time(&mut t, "updated_at", false);
    references(&mut t, "notice_translation", "notice_id", "notice");
    all.push((
        t,
        vec![index(
            "notice_translation",
            &["notice_id", "language"],
            true,
        )],
    ));

    let mut t = Table::create().table(name("notice_revision")).to_owned();
    id(&mut t);
    int(&mut t, "notice_id", false);
    int(&mut t, "revision", false);
    string(&mut t, "language", 16);
    text(&mut t, "title", false);
    text(&mut t, "body_source", false);
    int(&mut t, "edited_by", true);
    time(&mut t, "edited_at", false);
    references(&mut t, "notice_revision", "notice_id", "notice");
    all.push((t, vec![index("notice_revision", &["notice_id"], false)]));

    let mut t = Table::create().table(name("notice_attachment")).to_owned();
    id(&mut t);
    int(&mut t, "notice_id", false);
    text(&mut t, "file_name", false);
    string(&mut t, "content_type", 64);
    t.col(ColumnDef::new(name("size_bytes")).big_integer().not_null());
    string(&mut t, "storage_key", 128);
    time(&mut t, "created_at", false);
    references(&mut t, "notice_attachment", "notice_id", "notice");
    all.push((t, vec![index("notice_attachment", &["notice_id"], false)]));

    let mut t = Table::create().table(name("notice_read")).to_owned();
    id(&mut t);
    int(&mut t, "notice_id", false);
    int(&mut t, "guardian_id", false);
    time(&mut t, "read_at", false);
    references(&mut t, "notice_read", "notice_id", "notice");
    references(&mut t, "notice_read", "guardian_id", "guardian");
    all.push((
        t,
        vec![index("notice_read", &["guardian_id", "notice_id"], true)],
    ));

    let mut t = Table::create().table(name("notice_ack")).to_owned();
    id(&mut t);
    int(&mut t, "notice_id", false);
    int(&mut t, "guardian_id", false);
    int(&mut t, "pupil_id", false);
    int(&mut t, "user_id", false);
    time(&mut t, "acked_at", false);
    references(&mut t, "notice_ack", "notice_id", "notice");
    references(&mut t, "notice_ack", "guardian_id", "guardian");
    all.push((
        t,
        vec![index("notice_ack", &["notice_id", "guardian_id"], true)],
    ));

    let mut t = Table::create().table(name("notification")).to_owned();
    id(&mut t);
    int(&mut t, "school_id", false);
    int(&mut t, "guardian_id", false);
    int(&mut t, "notice_id", false);
    string(&mut t, "kind", 16);
    time(&mut t, "created_at", false);
    time(&mut t, "read_at", true);
    references(&mut t, "notification", "guardian_id", "guardian");
    references(&mut t, "notification", "notice_id", "notice");
    all.push((
        t,
        vec![index("notification", &["guardian_id", "created_at"], false)],
    ));

    let mut t = Table::create()
        .table(name("notification_preference"))
        .to_owned();
    id(&mut t);
    int(&mut t, "guardian_id", false);
    string(&mut t, "category", 16);
    string(&mut t, "mode", 16);
    references(&mut t, "notification_preference", "guardian_id", "guardian");
    all.push((
        t,
        vec![index(
            "notification_preference",
            &["guardian_id", "category"],
            true,
        )],
    ));

    let mut t = Table::create().table(name("outbox")).to_owned();
    id(&mut t);
    int(&mut t, "school_id", false);
    string(&mut t, "idempotency_key", 160);
    string(&mut t, "kind", 16);
    int(&mut t, "guardian_id", false);
    int(&mut t, "notice_id", false);
    string(&mut t, "status", 16);
    int(&mut t, "attempts", false);
    time(&mut t, "next_attempt_at", false);
    time(&mut t, "locked_until", true);
    text(&mut t, "last_error", true);
    time(&mut t, "sent_at", true);
    time(&mut t, "created_at", false);
    references(&mut t, "outbox", "guardian_id", "guardian");
    references(&mut t, "outbox", "notice_id", "notice");
    all.push((
        t,
        vec![
            index("outbox", &["idempotency_key"], true),
            index("outbox", &["status", "next_attempt_at"], false),
        ],
    ));

    let mut t = Table::create().table(name("audit_log")).to_owned();
    id(&mut t);
    int(&mut t, "school_id", false);
    int(&mut t, "user_id", true);
    string(&mut t, "action", 32);
    string(&mut t, "subject_kind", 32);
    int(&mut t, "subject_id", false);
    text(&mut t, "detail", false);
    time(&mut t, "at", false);
    references(&mut t, "audit_log", "school_id", "school");
    all.push((
        t,
        vec![index("audit_log", &["subject_kind", "subject_id"], false)],
    ));
    all
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create_all(manager, tables()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_all(manager, tables()).await
    }
}
