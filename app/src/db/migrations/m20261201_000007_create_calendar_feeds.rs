//! Creates the private calendar feeds: one subscription address per account, kept as a hash.

use super::tables::{Tables, create_all, drop_all, id, index, int, name, references, string, time};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn tables() -> Tables {
    let mut t = Table::create().table(name("calendar_feed")).to_owned();
    id(&mut t);
    int(&mut t, "user_id", false);
    // SHA-256 of the address's token in hex: a leaked table opens no calendar.
    string(&mut t, "token_hash", 64);
    // The language the feed was made in: its events come in that language where translated.
    string(&mut t, "language", 16);
    time(&mut t, "created_at", false);
    references(&mut t, "calendar_feed", "user_id", "user_account");
    vec![(
        t,
        vec![
            index("calendar_feed", &["user_id"], true),
            index("calendar_feed", &["token_hash"], true),
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
