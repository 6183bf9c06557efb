//! Each school's promise of notice for events, in school days ("events are announced at least
//! two weeks before"); ten school days until the school says otherwise.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Alias::new("school"))
                    .add_column(
                        ColumnDef::new(Alias::new("notice_period_days"))
                            .integer()
                            .not_null()
                            .default(crate::calendar::notice_period::DEFAULT_DAYS),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Alias::new("school"))
                    .drop_column(Alias::new("notice_period_days"))
                    .to_owned(),
            )
            .await
    }
}
