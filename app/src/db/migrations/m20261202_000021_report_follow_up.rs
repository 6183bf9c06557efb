//! Following up a published report cycle: a corrected report replaces the one before it and
//! names it (`report.replaces_id`; the old row stays, `replaced`, as history); the office's
//! reminders to families who have not opened their reports are marked on the cycle
//! (`report_cycle.last_reminded_at`, one a day); and the e-mails telling families a report is
//! ready, or reminding them, are outbox rows about a cycle (`outbox.report_cycle_id`).

use super::tables::name;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// (table, column, timestamp rather than integer): each added by its own statement, as SQLite
/// takes one column per `ALTER TABLE`.
const COLUMNS: [(&str, &str, bool); 3] = [
    ("report", "replaces_id", false),
    ("report_cycle", "last_reminded_at", true),
    ("outbox", "report_cycle_id", false),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, column, time) in COLUMNS {
            let mut def = ColumnDef::new(name(column));
            if time {
                def.timestamp_with_time_zone();
            } else {
                def.integer();
            }
            def.null();
            manager
                .alter_table(Table::alter().table(name(table)).add_column(def).to_owned())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (table, column, _) in COLUMNS {
            manager
                .alter_table(
                    Table::alter()
                        .table(name(table))
                        .drop_column(name(column))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
