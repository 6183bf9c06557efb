//! Stores each notice's and translation's plain-text excerpt beside its HTML, made when the text
//! is saved, so the board never parses HTML while a parent waits. Rows saved before are filled in
//! here.

use sea_orm::{ConnectionTrait, FromQueryResult, Statement};
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The tables holding a `body_html`.
const TABLES: [&str; 2] = ["notice", "notice_translation"];

#[derive(FromQueryResult)]
struct Body {
    id: i32,
    body_html: String,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new(table))
                        .add_column(
                            ColumnDef::new(Alias::new("excerpt"))
                                .text()
                                .not_null()
                                .default(""),
                        )
                        .to_owned(),
                )
                .await?;
            let db = manager.get_connection();
            let backend = db.get_database_backend();
            let rows = Body::find_by_statement(Statement::from_string(
                backend,
                format!("SELECT id, body_html FROM {table}"),
            ))
            .all(db)
            .await?;
            for row in rows {
                let update = Query::update()
                    .table(Alias::new(table))
                    .value(
                        Alias::new("excerpt"),
                        crate::notices::rich_text::excerpt(&row.body_html),
                    )
                    .and_where(Expr::col(Alias::new("id")).eq(row.id))
                    .to_owned();
                db.execute(&update).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES {
            manager
                .alter_table(
                    Table::alter()
                        .table(Alias::new(table))
                        .drop_column(Alias::new("excerpt"))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
