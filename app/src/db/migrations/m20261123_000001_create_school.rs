//! Creates the `school` table.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum School {
    Table,
    Id,
    Name,
    DefaultLocale,
    Timezone,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(School::Table)
                    .if_not_exists()
                    .col(
                        ColumnDef::new(School::Id)
                            .integer()
                            .not_null()
                            .auto_increment()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(School::Name).string_len(200).not_null())
                    .col(
                        ColumnDef::new(School::DefaultLocale)
                            .string_len(35)
                            .not_null()
                            .default("en-GB"),
                    )
                    .col(
                        ColumnDef::new(School::Timezone)
                            .string_len(64)
                            .not_null()
                            .default("Europe/London"),
                    )
                    .col(
                        ColumnDef::new(School::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(School::Table).to_owned())
            .await
    }
}
