//! Statements written out by hand, for the reads every signed-in page makes.
//!
//! sea-query builds a statement as a tree of boxed expressions and then walks it to text: for a
//! guardian's feed (a union with one subquery per audience target) that was most of the 12.5 %
//! of a board's CPU spent building statements. The few statements a page makes on every request
//! are written here as text with bound values instead; everything else stays with sea-orm.
//!
//! Values are always bound, never spliced into the text: [`Sql::bind`] writes the backend's
//! placeholder and keeps the value beside it, so the text holds only what this crate wrote.

use sea_orm::{DbBackend, Statement, Value};
use std::fmt::Write;

/// A statement being written: its text so far and the values bound to its placeholders.
#[derive(Debug)]
pub struct Sql {
    backend: DbBackend,
    text: String,
    values: Vec<Value>,
}

impl Sql {
    /// An empty statement for `backend`.
    pub fn new(backend: DbBackend) -> Self {
        Self {
            backend,
            text: String::with_capacity(512),
            values: Vec::new(),
        }
    }

    /// Appends literal SQL (written in this crate, never taken from input).
    pub fn push(&mut self, text: &'static str) -> &mut Self {
        self.text.push_str(text);
        self
    }

    /// Appends a placeholder and binds `value` to it.
    pub fn bind(&mut self, value: impl Into<Value>) -> &mut Self {
        self.values.push(value.into());
        let n = self.values.len();
        // Writing to a String cannot fail.
        let _ = match self.backend {
            DbBackend::Postgres => write!(self.text, "${n}"),
            DbBackend::Sqlite => write!(self.text, "?{n}"),
            _ => write!(self.text, "?"),
        };
        self
    }

    /// Appends a comma-separated placeholder for each value (for `IN (…)`); the caller makes
    /// sure there is at least one, as `IN ()` is not SQL.
    pub fn bind_list<V: Into<Value>>(&mut self, values: impl IntoIterator<Item = V>) -> &mut Self {
        for (i, value) in values.into_iter().enumerate() {
            if i > 0 {
                self.text.push_str(", ");
            }
            self.bind(value);
        }
        self
    }

    /// Appends `table.column` for each name, comma-separated (a model's columns, listed from
    /// its entity so a new column is read without touching the statement).
    pub fn columns<'a>(
        &mut self,
        table: &str,
        names: impl IntoIterator<Item = &'a str>,
    ) -> &mut Self {
        for (i, name) in names.into_iter().enumerate() {
            if i > 0 {
                self.text.push_str(", ");
            }
            // Names come from entity definitions (identifiers this crate declares).
            let _ = write!(self.text, "{table}.{name}");
        }
        self
    }

    /// The finished statement.
    pub fn statement(self) -> Statement {
        Statement::from_sql_and_values(self.backend, self.text, self.values)
    }

    /// The text so far.
    #[cfg(test)]
    fn text(&self) -> &str {
        &self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_follow_the_backend_and_values_stay_bound() {
        for (backend, expected) in [
            (DbBackend::Sqlite, "SELECT 1 WHERE a = ?1 AND b IN (?2, ?3)"),
            (
                DbBackend::Postgres,
                "SELECT 1 WHERE a = $1 AND b IN ($2, $3)",
            ),
        ] {
            let mut sql = Sql::new(backend);
            sql.push("SELECT 1 WHERE a = ")
                .bind("x'; DROP TABLE notice; --")
                .push(" AND b IN (")
                .bind_list([1, 2])
                .push(")");
            assert_eq!(sql.text(), expected);
            let statement = sql.statement();
            let values = statement.values.expect("values bound").0;
            assert_eq!(values.len(), 3);
            assert_eq!(values[0], Value::from("x'; DROP TABLE notice; --"));
        }
    }

    #[test]
    fn columns_are_qualified_and_separated() {
        let mut sql = Sql::new(DbBackend::Sqlite);
        sql.columns("f", ["id", "title"]);
        assert_eq!(sql.text(), "f.id, f.title");
    }
}
