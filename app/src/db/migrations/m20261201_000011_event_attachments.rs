//! Creates `event_attachment`: files (a trip letter, a kit list) on an event. A file uploaded with
//! a form that could not be saved yet is held for its uploader (no event) until the save, so a
//! refused save loses nothing.

use super::tables::{
    Tables, create_all, drop_all, id, index, int, name, references, string, text, time,
};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn tables() -> Tables {
    let mut t = Table::create().table(name("event_attachment")).to_owned();
    id(&mut t);
    int(&mut t, "school_id", false);
    // Empty while the file is held for the form that uploaded it.
    int(&mut t, "event_id", true);
    int(&mut t, "uploaded_by", false);
    text(&mut t, "file_name", false);
    string(&mut t, "content_type", 64);
    t.col(ColumnDef::new(name("size_bytes")).big_integer().not_null());
    string(&mut t, "storage_key", 128);
    time(&mut t, "created_at", false);
    references(&mut t, "event_attachment", "school_id", "school");
    references(&mut t, "event_attachment", "event_id", "event");
    references(&mut t, "event_attachment", "uploaded_by", "user_account");
    vec![(
        t,
        vec![
            index("event_attachment", &["event_id"], false),
            index("event_attachment", &["uploaded_by"], false),
        ],
    )]
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
