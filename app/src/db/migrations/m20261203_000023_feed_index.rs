//! The guardian's feed reads each audience target's newest notices from `notice_target`. Its
//! index held (kind, target, pinned, published), so every entry the feed walked was looked up
//! again in the table for its notice and expiry: a hundred lookups per target on a school with
//! a long history. The index now also holds `expires_at` and `notice_id`, so the feed is read
//! from the index alone.

use super::tables::name;
use sea_orm_migration::prelude::*;

const OLD: &str = "idx_notice_target_kind_target_id_pinned_publish_at";
// Named by hand: the generated name would pass PostgreSQL's 63-character limit.
const FEED: &str = "idx_notice_target_feed";

fn index(index_name: &str, columns: &[&str]) -> IndexCreateStatement {
    let mut index = Index::create()
        .name(index_name)
        .table(name("notice_target"))
        .to_owned();
    for column in columns {
        index.col(name(column));
    }
    index
}

fn drop(index_name: &str) -> IndexDropStatement {
    Index::drop()
        .name(index_name)
        .table(name("notice_target"))
        .to_owned()
}

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(index(
                FEED,
                &[
                    "kind",
                    "target_id",
                    "pinned",
                    "publish_at",
                    "expires_at",
                    "notice_id",
                ],
            ))
            .await?;
        manager.drop_index(drop(OLD)).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(index(OLD, &["kind", "target_id", "pinned", "publish_at"]))
            .await?;
        manager.drop_index(drop(FEED)).await
    }
}
