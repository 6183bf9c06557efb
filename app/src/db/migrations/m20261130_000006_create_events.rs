//! Creates the calendar: school events with their audience's targets and their translations.

use super::tables::{
    Tables, create_all, drop_all, flag, id, index, int, name, references, string, text, time,
};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn tables() -> Tables {
    let mut all = Vec::new();

    let mut t = Table::create().table(name("event")).to_owned();
    id(&mut t);
    int(&mut t, "school_id", false);
    int(&mut t, "author_user_id", true);
    string(&mut t, "status", 16);
    string(&mut t, "category", 24);
    text(&mut t, "audience", false);
    string(&mut t, "language", 16);
    text(&mut t, "title", false);
    text(&mut t, "description_source", false);
    text(&mut t, "description_html", false);
    text(&mut t, "location", false);
    flag(&mut t, "all_day");
    time(&mut t, "starts_at", false);
    time(&mut t, "ends_at", false);
    flag(&mut t, "public");
    flag(&mut t, "short_notice");
    int(&mut t, "sequence", false);
    string(&mut t, "uid", 96);
    time(&mut t, "created_at", false);
    time(&mut t, "updated_at", false);
    time(&mut t, "changed_at", true);
    references(&mut t, "event", "school_id", "school");
    all.push((
        t,
        vec![
            index("event", &["school_id", "starts_at"], false),
            index("event", &["uid"], true),
        ],
    ));

    // One row per target, carrying the event's time span, so a family's agenda reads each of
    // their targets' upcoming events straight from the index.
    let mut t = Table::create().table(name("event_target")).to_owned();
    id(&mut t);
    int(&mut t, "event_id", false);
    string(&mut t, "kind", 16);
    int(&mut t, "target_id", false);
    time(&mut t, "starts_at", false);
    time(&mut t, "ends_at", false);
    references(&mut t, "event_target", "event_id", "event");
    all.push((
        t,
        vec![
            index("event_target", &["kind", "target_id", "ends_at"], false),
            index("event_target", &["event_id"], false),
        ],
    ));

    let mut t = Table::create().table(name("event_translation")).to_owned();
    id(&mut t);
    int(&mut t, "event_id", false);
    string(&mut t, "language", 16);
    text(&mut t, "title", false);
    text(&mut t, "description_source", false);
    text(&mut t, "description_html", false);
    int(&mut t, "source_sequence", false);
    time(&mut t, "updated_at", false);
    references(&mut t, "event_translation", "event_id", "event");
    all.push((
        t,
        vec![index("event_translation", &["event_id", "language"], true)],
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
