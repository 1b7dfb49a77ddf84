//! SQLite sources (`sqlite://PATH`): the file is opened read-only, every
//! statement is checked to be read-only before it runs, a progress handler
//! interrupts a statement past its timeout, and rows are stepped one by one.

use std::path::Path;
use std::time::{Duration, Instant};

use rusqlite::types::ValueRef;
use rusqlite::{Connection as Sqlite, OpenFlags};

use super::db::{Connection, DbError, DbRow};
use super::read::Raw;

pub struct SqliteSource {
    conn: Sqlite,
}

/// Opens `path` read-only (a missing file is an error, never created).
pub fn open(path: &Path, timeout: Duration) -> Result<SqliteSource, DbError> {
    if !path.is_file() {
        return Err(DbError(format!(
            "no SQLite database file at `{}`",
            path.display()
        )));
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Sqlite::open_with_flags(path, flags).map_err(|e| {
        DbError(format!(
            "cannot open the SQLite database `{}`: {e}",
            path.display()
        ))
    })?;
    conn.pragma_update(None, "query_only", true)
        .map_err(|e| DbError(format!("cannot make the connection read-only: {e}")))?;
    // `timeout_seconds:` is bounded where the manifest is read; a deadline
    // past what the clock can hold is no deadline, never a panic.
    let deadline = Instant::now().checked_add(timeout);
    // Called every 10,000 virtual machine steps: past the deadline, the
    // statement is interrupted (SQLite has no statement timeout of its own).
    conn.progress_handler(
        10_000,
        Some(move || deadline.is_some_and(|d| Instant::now() > d)),
    )
    .map_err(|e| DbError(format!("cannot set the statement timeout: {e}")))?;
    Ok(SqliteSource { conn })
}

fn error(e: rusqlite::Error) -> DbError {
    match e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::OperationInterrupted =>
        {
            DbError(
                "the statement timeout was reached (`timeout_seconds:` in custodia.yaml)".into(),
            )
        }
        rusqlite::Error::SqliteFailure(_, Some(message)) => DbError(message),
        other => DbError(other.to_string()),
    }
}

impl Connection for SqliteSource {
    fn relations(&mut self) -> Result<Vec<String>, DbError> {
        let mut stmt = self
            .conn
            .prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .map_err(error)?;
        let names = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(error)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(error)?;
        Ok(names)
    }

    fn primary_key(&mut self, table: &str) -> Result<Vec<String>, DbError> {
        let mut stmt = self
            .conn
            .prepare("SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk")
            .map_err(error)?;
        let names = stmt
            .query_map([table], |r| r.get::<_, String>(0))
            .map_err(error)?
            .collect::<Result<Vec<_>, _>>()
            .map_err(error)?;
        Ok(names)
    }

    fn columns(&mut self, sql: &str) -> Result<Vec<String>, DbError> {
        let stmt = self.conn.prepare(sql).map_err(error)?;
        Ok(stmt.column_names().iter().map(|c| c.to_string()).collect())
    }

    fn stream(&mut self, sql: &str, each: &mut dyn FnMut(DbRow)) -> Result<(), DbError> {
        let mut stmt = self.conn.prepare(sql).map_err(error)?;
        if !stmt.readonly() {
            return Err(DbError(
                "the query would write to the database; custodia only reads".into(),
            ));
        }
        let width = stmt.column_count();
        let mut rows = stmt.query([]).map_err(error)?;
        while let Some(row) = rows.next().map_err(error)? {
            let cells: DbRow = (0..width)
                .map(|i| row.get_ref(i).map_err(|e| e.to_string()).and_then(cell))
                .collect();
            each(cells);
        }
        Ok(())
    }
}

/// A SQLite value as a cell: numbers and text as text (SQLite has no
/// date or bool type: they are text or 0/1), NULL as absent.
fn cell(v: ValueRef) -> Result<Raw, String> {
    Ok(match v {
        ValueRef::Null => Raw::Json(serde_json::Value::Null),
        ValueRef::Integer(i) => Raw::Text(i.to_string()),
        ValueRef::Real(f) => Raw::Text(f.to_string()),
        ValueRef::Text(t) => Raw::Text(
            String::from_utf8(t.to_vec())
                .map_err(|_| "a text value is not UTF-8; the row was left out".to_string())?,
        ),
        ValueRef::Blob(_) => return Err(
            "a column holds a binary value (BLOB), which no field type reads; the row was left out"
                .into(),
        ),
    })
}
