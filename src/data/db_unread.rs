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
pub(super) fn list(loader: &mut Loader, inputs: &[Resolved], ignore: &[PathBuf]) {
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
            Ok((names, read)) => {
                for name in names {
                    let path = format!("{label}{name}");
                    let ignored = ignore.contains(&loader.root.join(&path));
                    match sibling(&name, &read).filter(|_| !ignored) {
                        Some(of) => loader.ds.errors.push(super::InputError::file(
                            &path,
                            &msg!(
                                "db-relation-sibling-not-read",
                                table = name.as_str(),
                                of = of
                            )
                            .words(),
                        )),
                        None => loader.ds.not_read.push(NotRead {
                            reason: match ignored {
                                true => msg!("account-ignored").words(),
                                false => msg!("db-relation-not-read").words(),
                            },
                            path,
                        }),
                    }
                }
            }
            Err(e) => loader.ds.not_read.push(NotRead {
                path: label,
                reason: msg!("db-relations-not-listed", reason = e.0).words(),
            }),
        }
    }
}

/// The table read that `name` is named like but for its digits
/// (`destruction_2025` beside `destruction_2026` or `destruction`): most likely another
/// year or part of the same log, left out because the entry named one
/// (hostile review, 2026-12-04: the held record's 2025 destruction was
/// only listed, and the check said COMPLIANT).
fn sibling<'a>(name: &str, read: &'a [String]) -> Option<&'a str> {
    fn family(name: &str) -> String {
        let letters: String = name
            .chars()
            .filter(|c| !c.is_ascii_digit())
            .flat_map(char::to_lowercase)
            .collect();
        letters.trim_matches(['_', '-', '.', ' ']).to_string()
    }
    let mine = family(name);
    let has_digits = |n: &str| n.chars().any(|c| c.is_ascii_digit());
    if mine.is_empty() || !has_digits(name) {
        return None;
    }
    // The table read may have no digits (`destruction` beside
    // `destruction_2025`): the unread one's are what mark it a part.
    read.iter().find(|t| family(t) == mine).map(String::as_str)
}

/// The tables and views of the database of `conn` that none of `sources`
/// reads, and those they read.
fn unread(
    conn: &mut dyn Connection,
    sources: &[&DbSource],
) -> Result<(Vec<String>, Vec<String>), db::DbError> {
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
    let unread = relations
        .into_iter()
        .filter(|r| !read.iter().any(|t| t.eq_ignore_ascii_case(r)))
        .collect();
    Ok((unread, read))
}

#[cfg(test)]
mod tests {
    use super::sibling;

    #[test]
    fn a_sibling_is_named_as_a_table_read_but_for_its_digits() {
        let read = ["destruction_2026".to_string(), "app".to_string()];
        assert_eq!(sibling("destruction_2025", &read), Some("destruction_2026"));
        assert_eq!(sibling("Destruction2024", &read), Some("destruction_2026"));
        assert_eq!(sibling("destruction", &read), None, "no digits of its own");
        assert_eq!(
            sibling("app_2026", &read),
            Some("app"),
            "the table read has none"
        );
        assert_eq!(sibling("access_2025", &read), None);
        assert_eq!(sibling("2025", &read), None);
    }
}
