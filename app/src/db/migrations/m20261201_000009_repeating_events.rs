//! Repeating events (a weekly club): every how many weeks, until which day, the days skipped, and
//! when the last occurrence ends, which the calendar's range queries use instead of the first's.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A new column of `event`; SQLite alters one column at a time.
async fn add(manager: &SchemaManager<'_>, column: &mut ColumnDef) -> Result<(), DbErr> {
    manager
        .alter_table(
            Table::alter()
                .table(Alias::new("event"))
                .add_column(column)
                .to_owned(),
        )
        .await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        add(
            manager,
            ColumnDef::new(Alias::new("repeat_weeks"))
                .integer()
                .not_null()
                .default(0),
        )
        .await?;
        add(
            manager,
            ColumnDef::new(Alias::new("repeat_until")).date().null(),
        )
        .await?;
        add(
            manager,
            ColumnDef::new(Alias::new("skipped_dates"))
                .text()
                .not_null()
                .default("[]"),
        )
        .await?;
        // Every existing event happens once, so its last occurrence ends when it does.
        add(
            manager,
            ColumnDef::new(Alias::new("last_ends_at"))
                .timestamp_with_time_zone()
                .not_null()
                .default("1970-01-01 00:00:00+00:00"),
        )
        .await?;
        manager
            .exec_stmt(
                Query::update()
                    .table(Alias::new("event"))
                    .value(Alias::new("last_ends_at"), Expr::col(Alias::new("ends_at")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_event_school_id_last_ends_at")
                    .table(Alias::new("event"))
                    .col(Alias::new("school_id"))
                    .col(Alias::new("last_ends_at"))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("idx_event_school_id_last_ends_at")
                    .table(Alias::new("event"))
                    .to_owned(),
            )
            .await?;
        for column in [
            "last_ends_at",
            "skipped_dates",
            "repeat_until",
            "repeat_weeks",
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new("event"))
                        .drop_column(Alias::new(column))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
