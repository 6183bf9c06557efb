//! Staff remind families who have not answered a form: the form remembers when it was last
//! reminded (at most once a day), and the outbox carries the e-mail's form.
//!
//! `outbox.form_id` has no foreign key: SQLite cannot drop a column a constraint names, and the
//! worker looks the form up when it sends, leaving out one that is gone.

use super::tables::name;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(name("form"))
                    .add_column(
                        ColumnDef::new(name("last_reminded_at"))
                            .timestamp_with_time_zone()
                            .null(),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(name("outbox"))
                    .add_column(ColumnDef::new(name("form_id")).integer().null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(name("outbox"))
                    .drop_column(name("form_id"))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(name("form"))
                    .drop_column(name("last_reminded_at"))
                    .to_owned(),
            )
            .await
    }
}
