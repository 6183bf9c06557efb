//! Editing, translating and pinning news posts: the post's own language, revision and pin on
//! `news_post`; `news_post_translation` (a post in another language, with the revision of the
//! original it follows, so a translation left behind by an edit is marked out of date) and
//! `news_post_revision` (every earlier text of a post or a translation, kept when it is edited).

use super::tables::{
    Tables, create_all, drop_all, id, index, int, name, references, string, text, time,
};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn tables() -> Tables {
    let mut translation = Table::create()
        .table(name("news_post_translation"))
        .to_owned();
    id(&mut translation);
    int(&mut translation, "post_id", false);
    string(&mut translation, "language", 16);
    text(&mut translation, "body_source", false);
    text(&mut translation, "body_html", false);
    int(&mut translation, "source_revision", false);
    int(&mut translation, "updated_by", false);
    time(&mut translation, "updated_at", false);
    references(
        &mut translation,
        "news_post_translation",
        "post_id",
        "news_post",
    );
    references(
        &mut translation,
        "news_post_translation",
        "updated_by",
        "user_account",
    );

    let mut revision = Table::create().table(name("news_post_revision")).to_owned();
    id(&mut revision);
    int(&mut revision, "post_id", false);
    int(&mut revision, "revision", false);
    string(&mut revision, "language", 16);
    text(&mut revision, "body_source", false);
    // Who wrote that version and when: the text as it stood until `replaced_at`.
    int(&mut revision, "written_by", false);
    time(&mut revision, "written_at", false);
    time(&mut revision, "replaced_at", false);
    references(&mut revision, "news_post_revision", "post_id", "news_post");
    references(
        &mut revision,
        "news_post_revision",
        "written_by",
        "user_account",
    );

    vec![
        (
            translation,
            vec![index(
                "news_post_translation",
                &["post_id", "language"],
                true,
            )],
        ),
        (
            revision,
            vec![index("news_post_revision", &["post_id"], false)],
        ),
    ]
}

/// The columns added to `news_post`, one statement each (SQLite alters one column at a time).
fn columns() -> Vec<ColumnDef> {
    vec![
        ColumnDef::new(name("language"))
            .string_len(16)
            .not_null()
            .default("en-GB")
            .to_owned(),
        ColumnDef::new(name("revision"))
            .integer()
            .not_null()
            .default(1)
            .to_owned(),
        ColumnDef::new(name("edited_by"))
            .integer()
            .null()
            .to_owned(),
        ColumnDef::new(name("edited_at"))
            .timestamp_with_time_zone()
            .null()
            .to_owned(),
        ColumnDef::new(name("pinned_at"))
            .timestamp_with_time_zone()
            .null()
            .to_owned(),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for mut column in columns() {
            manager
                .alter_table(
                    Table::alter()
                        .table(name("news_post"))
                        .add_column(&mut column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(index("news_post", &["pinned_at"], false))
            .await?;
        create_all(manager, tables()).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        drop_all(manager, tables()).await?;
        manager
            .drop_index(
                Index::drop()
                    .name("idx_news_post_pinned_at")
                    .table(name("news_post"))
                    .to_owned(),
            )
            .await?;
        for column in [
            "pinned_at",
            "edited_at",
            "edited_by",
            "revision",
            "language",
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(name("news_post"))
                        .drop_column(name(column))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
