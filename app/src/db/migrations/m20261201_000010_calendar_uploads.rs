//! Creates `calendar_upload`: a term-dates file kept between its preview and the office's
//! "Import", so the import is the file that was checked.

use super::tables::{
    Tables, create_all, drop_all, id, index, int, name, references, string, text, time,
};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn tables() -> Tables {
    let mut t = Table::create().table(name("calendar_upload")).to_owned();
    id(&mut t);
    // The random name the preview's "Import" button posts back.
    string(&mut t, "token", 32);
    int(&mut t, "school_id", false);
    int(&mut t, "user_id", false);
    // "csv" or "ics": how the file is read.
    string(&mut t, "format", 8);
    text(&mut t, "data", false);
    time(&mut t, "created_at", false);
    references(&mut t, "calendar_upload", "school_id", "school");
    references(&mut t, "calendar_upload", "user_id", "user_account");
    vec![(t, vec![index("calendar_upload", &["token"], true)])]
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
