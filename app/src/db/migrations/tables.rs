//! Column, key and index builders shared by the migrations that create tables.

use sea_orm_migration::prelude::*;

/// A column or table name.
pub(super) fn name(n: &str) -> Alias {
    Alias::new(n)
}

/// The auto-increment primary key `id`.
pub(super) fn id(table: &mut TableCreateStatement) {
    table.col(
        ColumnDef::new(name("id"))
            .integer()
            .not_null()
            .auto_increment()
            .primary_key(),
    );
}

/// An integer column.
pub(super) fn int(table: &mut TableCreateStatement, column: &str, null: bool) {
    let mut def = ColumnDef::new(name(column));
    def.integer();
    if !null {
        def.not_null();
    }
    table.col(def);
}

/// A text column of any length.
pub(super) fn text(table: &mut TableCreateStatement, column: &str, null: bool) {
    let mut def = ColumnDef::new(name(column));
    def.text();
    if !null {
        def.not_null();
    }
    table.col(def);
}

/// A short text column (codes, tags).
pub(super) fn string(table: &mut TableCreateStatement, column: &str, len: u32) {
    table.col(ColumnDef::new(name(column)).string_len(len).not_null());
}

/// A timestamp column (stored in UTC).
pub(super) fn time(table: &mut TableCreateStatement, column: &str, null: bool) {
    let mut def = ColumnDef::new(name(column));
    def.timestamp_with_time_zone();
    if !null {
        def.not_null();
    }
    table.col(def);
}

/// A boolean column, false by default.
pub(super) fn flag(table: &mut TableCreateStatement, column: &str) {
    table.col(
        ColumnDef::new(name(column))
            .boolean()
            .not_null()
            .default(false),
    );
}

/// A foreign key to `to.id`, deleted with its parent.
pub(super) fn references(table: &mut TableCreateStatement, from: &str, column: &str, to: &str) {
    table.foreign_key(
        ForeignKey::create()
            .from(name(from), name(column))
            .to(name(to), name("id"))
            .on_delete(ForeignKeyAction::Cascade),
    );
}

/// An index on `columns` of `table`, named after them.
pub(super) fn index(table: &str, columns: &[&str], unique: bool) -> IndexCreateStatement {
    let mut index = Index::create()
        .name(format!("idx_{table}_{}", columns.join("_")))
        .table(name(table))
        .to_owned();
    if unique {
        index.unique();
    }
    for column in columns {
        index.col(name(column));
    }
    index
}

/// Tables with their indexes, in creation order.
pub(super) type Tables = Vec<(TableCreateStatement, Vec<IndexCreateStatement>)>;

/// Creates each table, then its indexes.
pub(super) async fn create_all(manager: &SchemaManager<'_>, tables: Tables) -> Result<(), DbErr> {
    for (table, indexes) in tables {
        manager.create_table(table).await?;
        for index in indexes {
            manager.create_index(index).await?;
        }
    }
    Ok(())
}

/// Drops the tables, last created first.
pub(super) async fn drop_all(manager: &SchemaManager<'_>, tables: Tables) -> Result<(), DbErr> {
    for (table, _) in tables.into_iter().rev() {
        let table_name = table
            .get_table_name()
            .cloned()
            .ok_or_else(|| DbErr::Migration("table without a name".into()))?;
        manager
            .drop_table(Table::drop().table(table_name).to_owned())
            .await?;
    }
    Ok(())
}
