//! Creates `roster_upload`: an MIS export kept between its preview and the office's "Import".

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum RosterUpload {
    Table,
    Id,
    SchoolId,
    UserId,
    Data,
    CreatedAt,
}

#[derive(DeriveIden)]
enum School {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum UserAccount {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(RosterUpload::Table)
                    .col(
                        ColumnDef::new(RosterUpload::Id)
                            .string_len(64)
                            .not_null()
                            .primary_key(),
                    )
                    .col(ColumnDef::new(RosterUpload::SchoolId).integer().not_null())
                    .col(ColumnDef::new(RosterUpload::UserId).integer().not_null())
                    .col(ColumnDef::new(RosterUpload::Data).text().not_null())
                    .col(
                        ColumnDef::new(RosterUpload::CreatedAt)
                            .timestamp_with_time_zone()
                            .not_null(),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(RosterUpload::Table, RosterUpload::SchoolId)
                            .to(School::Table, School::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(RosterUpload::Table, RosterUpload::UserId)
                            .to(UserAccount::Table, UserAccount::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(RosterUpload::Table).to_owned())
            .await
    }
}
