//! An answer may be given by phone and recorded by a member of staff: `form_response.channel`
//! says how it came (`portal`, the guardian in the portal; `phone`, taken by the account in
//! `user_id`). Earlier answers all came through the portal.

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
                    .table(name("form_response"))
                    .add_column(
                        ColumnDef::new(name("channel"))
                            .string_len(16)
                            .not_null()
                            .default("portal"),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(name("form_response"))
                    .drop_column(name("channel"))
                    .to_owned(),
            )
            .await
    }
}
