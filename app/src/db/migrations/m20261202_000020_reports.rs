//! Reports families download: a `report_cycle` (an end-of-term report, a progress check, an
//! assessment's results) for some year groups, its `report`s — one PDF per pupil, staged by an
//! upload until the office publishes the whole cycle — and `report_download`, every time a
//! report was opened, by whom and from where. `signing_key` holds the secret the short-lived
//! download links are signed with, made once here so every server of a school shares it.

use super::tables::{
    Tables, create_all, drop_all, id, index, int, name, references, string, text, time,
};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn tables() -> Tables {
    let mut cycle = Table::create().table(name("report_cycle")).to_owned();
    id(&mut cycle);
    int(&mut cycle, "school_id", false);
    text(&mut cycle, "name", false);
    // "term", "progress", "assessment", "statutory" or "other".
    string(&mut cycle, "kind", 16);
    int(&mut cycle, "academic_year_id", false);
    // The year groups' ids, as a JSON array.
    text(&mut cycle, "year_groups", false);
    // "draft" (uploads staged), "published" or "withdrawn".
    string(&mut cycle, "state", 16);
    // What the last upload could not take (unmatched, duplicate, refused files), as JSON, shown
    // in the preview until the cycle is published or the upload discarded.
    text(&mut cycle, "problems", true);
    int(&mut cycle, "created_by", false);
    time(&mut cycle, "created_at", false);
    int(&mut cycle, "published_by", true);
    time(&mut cycle, "published_at", true);
    references(&mut cycle, "report_cycle", "school_id", "school");
    references(
        &mut cycle,
        "report_cycle",
        "academic_year_id",
        "academic_year",
    );
    references(&mut cycle, "report_cycle", "created_by", "user_account");

    let mut report = Table::create().table(name("report")).to_owned();
    id(&mut report);
    int(&mut report, "school_id", false);
    int(&mut report, "cycle_id", false);
    int(&mut report, "pupil_id", false);
    // The file store's key, and the name the file was uploaded as.
    text(&mut report, "file_key", false);
    text(&mut report, "file_name", false);
    int(&mut report, "size", false);
    string(&mut report, "sha256", 64);
    // "staged" (uploaded, not yet published), "current" or "withdrawn".
    string(&mut report, "state", 16);
    int(&mut report, "uploaded_by", false);
    time(&mut report, "uploaded_at", false);
    references(&mut report, "report", "school_id", "school");
    references(&mut report, "report", "cycle_id", "report_cycle");
    references(&mut report, "report", "pupil_id", "pupil");

    let mut download = Table::create().table(name("report_download")).to_owned();
    id(&mut download);
    int(&mut download, "report_id", false);
    int(&mut download, "user_id", false);
    time(&mut download, "at", false);
    text(&mut download, "client_address", false);
    text(&mut download, "user_agent", false);
    references(&mut download, "report_download", "report_id", "report");
    references(&mut download, "report_download", "user_id", "user_account");

    let mut key = Table::create().table(name("signing_key")).to_owned();
    id(&mut key);
    string(&mut key, "purpose", 32);
    text(&mut key, "secret", false);

    vec![
        (
            cycle,
            vec![index("report_cycle", &["school_id", "state"], false)],
        ),
        (
            report,
            vec![
                index("report", &["cycle_id", "pupil_id"], false),
                index("report", &["pupil_id", "state"], false),
            ],
        ),
        (
            download,
            vec![index("report_download", &["report_id", "user_id"], false)],
        ),
        (key, vec![index("signing_key", &["purpose"], true)]),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        create_all(manager, tables()).await?;
        let secret: String = (0..32)
            .map(|_| format!("{:02x}", rand::random::<u8>()))
            .collect();
        let insert = Query::insert()
            .into_table(name("signing_key"))
            .columns([name("purpose"), name("secret")])
            .values([crate::reports::links::PURPOSE.into(), secret.into()])
            .map_err(|e| DbErr::Custom(e.to_string()))?
            .to_owned();
        manager.exec_stmt(insert).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_all(manager, tables()).await
    }
}
