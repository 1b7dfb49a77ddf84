//! The tables and views of a database that no entry reads, listed as not
//! read (docs/databases.md, "Tables no entry reads"), as a workbook's
//! other sheets are: `logs: [{url: "sqlite://archive.db", table:
//! destruction_2026}]` beside a `destruction_2025` table holding the
//! destruction of a record under legal hold said COMPLIANT, and the 2025
//! table appeared nowhere in the report.
//!
//! A table or view is read when an entry names it (`table:`) or when the
//! statement an entry runs reads it: SQLite says which (its authorizer
//! reports every table a statement reads, and the view it reads it
//! through), so a `query:` joining two tables, or a view over a table,
//! accounts for them. Which rows a `WHERE` leaves out is the entry's
//! choice, as a file's `where:` is. PostgreSQL and MySQL are not listed
//! (the decision is in docs/databases.md).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use super::case::NotRead;
use super::db::{self, Connection};
use super::loader::Loader;
use super::source::{DbSource, Resolved};
use crate::msg;

/// How long listing one database's tables may take.
const TIMEOUT: Duration = Duration::from_secs(60);

/// Lists, in `loader.ds.not_read`, every table and view of each SQLite
/// database the entries `inputs` read that none of them reads.
pub(super) fn list(loader: &mut Loader, inputs: &[Resolved]) {
    // By the file, so that `sqlite://archive.db` and `sqlite://./archive.db`
    // are one database.
    let mut databases: BTreeMap<PathBuf, (String, Vec<&DbSource>)> = BTreeMap::new();
    for input in inputs {
        let Some(source) = &input.entry.db else {
            continue;
        };
        let Some(file) = db::sqlite_file(source, loader.root) else {
            continue;
        };
        let key = file.canonicalize().unwrap_or(file);
        let name = db::label(
            &db::url_of(source).unwrap_or_default(),
            &DbSource::default(),
        );
        databases
            .entry(key)
            .or_insert_with(|| (name, Vec::new()))
            .1
            .push(source);
    }
    for (file, (label, sources)) in databases {
        // A file that cannot be opened is the entries' input error already.
        let Ok(mut conn) = super::db_sqlite::open(&file, TIMEOUT) else {
            continue;
        };
        match unread(&mut conn, &sources) {
            Ok(names) => {
                let reason = msg!("db-relation-not-read").words();
                for name in names {
                    loader.ds.not_read.push(NotRead {
                        path: format!("{label}{name}"),
                        reason: reason.clone(),
                    });
                }
            }
            Err(e) => loader.ds.not_read.push(NotRead {
                path: label,
                reason: msg!("db-relations-not-listed", reason = e.0).words(),
            }),
        }
    }
}

/// The tables and views of the database of `conn` that none of `sources`
/// reads.
fn unread(conn: &mut dyn Connection, sources: &[&DbSource]) -> Result<Vec<String>, db::DbError> {
    let relations = conn.relations()?;
    let mut read: Vec<String> = Vec::new();
    for source in sources {
        let sql = match (&source.table, &source.query) {
            (Some(table), _) => {
                read.push(table.clone());
                format!("SELECT * FROM {}", conn.quote(table))
            }
            (None, Some(query)) => match db::select_only(query) {
                Ok(q) => q.to_string(),
                Err(_) => continue,
            },
            (None, None) => continue,
        };
        // A statement that does not prepare is the entry's input error.
        read.extend(conn.tables_read(&sql).unwrap_or_default());
    }
    Ok(relations
        .into_iter()
        .filter(|r| !read.iter().any(|t| t.eq_ignore_ascii_case(r)))
        .collect())
}
