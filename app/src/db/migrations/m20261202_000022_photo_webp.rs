//! Newsfeed photos kept as WebP beside JPEG: `news_photo.webp_keys` holds the WebP of each
//! stored width, in the order of `widths`. Empty for photos stored before, which stay JPEG only.

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
                    .table(name("news_photo"))
                    .add_column(ColumnDef::new(name("webp_keys")).text().null())
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(name("news_photo"))
                    .drop_column(name("webp_keys"))
                    .to_owned(),
            )
            .await
    }
}
