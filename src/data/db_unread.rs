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
//! choice, as a file's `where:` is. Of a PostgreSQL or MySQL server only
//! the tables named like one read but for their digits are told (an input
//! error), not every table (the decision is in docs/databases.md).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use super::case::NotRead;
use super::db;
use super::loader::Loader;
use super::source::{DbSource, Resolved};
use crate::msg;

/// How long listing one database's tables may take.
const TIMEOUT: Duration = Duration::from_secs(60);

/// Lists, in `loader.ds.not_read`, every table and view of each SQLite
/// database the entries `inputs` read that none of them reads; a table of
/// any database named like one read but for its digits is an input error.
pub(super) fn list(loader: &mut Loader, inputs: &[Resolved], ignore: &[PathBuf]) {
    #[cfg(feature = "sqlite")]
    list_sqlite(loader, inputs, ignore);
    servers(loader, inputs, ignore);
}

#[cfg(feature = "sqlite")]
fn list_sqlite(loader: &mut Loader, inputs: &[Resolved], ignore: &[PathBuf]) {
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
                        Some(of) => sibling_error(loader, &path, &name, of),
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

/// The tables of each PostgreSQL or MySQL database the entries `inputs`
/// read that are named like a table read but for their digits: an input
/// error each (`destruction_2025` beside the `destruction_2026` an entry
/// names, a false COMPLIANT on SQLite before), unless under `ignore:`.
/// The server's other tables are not listed (docs/databases.md).
fn servers(loader: &mut Loader, inputs: &[Resolved], ignore: &[PathBuf]) {
    let mut databases: BTreeMap<String, Vec<&DbSource>> = BTreeMap::new();
    for input in inputs {
        let Some(source) = &input.entry.db else {
            continue;
        };
        match db::url_of(source) {
            Ok(url) if !url.starts_with("sqlite:") => {
                databases.entry(url).or_default().push(source)
            }
            _ => {}
        }
    }
    for (url, sources) in databases {
        let label = db::label(&url, &DbSource::default());
        // A server that cannot be reached is the entries' input error already.
        let Ok(mut conn) = db::connect(&url, loader.root, TIMEOUT) else {
            continue;
        };
        let relations = match conn.relations() {
            Ok(relations) => relations,
            Err(e) => {
                loader.ds.not_read.push(NotRead {
                    path: label,
                    reason: msg!("db-relations-not-listed", reason = e.0).words(),
                });
                continue;
            }
        };
        let read = read_on_server(&relations, &sources);
        for name in relations.iter().filter(|r| !is_read(r, &read)) {
            let path = format!("{label}{name}");
            if ignore.contains(&loader.root.join(&path)) {
                continue;
            }
            if let Some(of) = sibling(name, &read) {
                sibling_error(loader, &path, name, of);
            }
        }
    }
}

/// The tables of a server the entries read: those named by `table:`, and
/// those a `query:` names (a server cannot say what a statement reads
/// without running it; a name in the query's text counts as read, so a
/// table is never told missing that the query may read).
fn read_on_server(relations: &[String], sources: &[&DbSource]) -> Vec<String> {
    let mut read = Vec::new();
    for source in sources {
        if let Some(table) = &source.table {
            read.push(table.clone());
        }
        if let Some(query) = &source.query {
            let named = relations.iter().filter(|r| mentions(query, r));
            read.extend(named.cloned());
        }
    }
    read
}

fn is_read(relation: &str, read: &[String]) -> bool {
    read.iter().any(|t| t.eq_ignore_ascii_case(relation))
}

/// Whether `name` occurs in `query` as a whole identifier, letter case
/// aside (`FROM public."Destruction_2026" d`, not `destruction_2026_old`).
fn mentions(query: &str, name: &str) -> bool {
    let (query, name) = (query.to_lowercase(), name.to_lowercase());
    let part_of_name =
        |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$');
    query.match_indices(&name).any(|(at, _)| {
        !part_of_name(query[..at].chars().next_back())
            && !part_of_name(query[at + name.len()..].chars().next())
    })
}

fn sibling_error(loader: &mut Loader, path: &str, name: &str, of: &str) {
    let message = msg!("db-relation-sibling-not-read", table = name, of = of).words();
    loader
        .ds
        .errors
        .push(super::InputError::file(path, &message));
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
#[cfg(feature = "sqlite")]
fn unread(
    conn: &mut dyn db::Connection,
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
    use super::{mentions, sibling};

    #[test]
    fn a_query_mentions_a_table_as_a_whole_identifier() {
        let q = "SELECT * FROM public.\"Destruction_2026\" d JOIN app a ON a.id = d.app";
        assert!(mentions(q, "destruction_2026"));
        assert!(mentions(q, "app"));
        assert!(!mentions(q, "destruction"));
        assert!(!mentions(q, "destruction_2026_old"));
        assert!(!mentions(
            "SELECT * FROM destruction_2026_old",
            "destruction_2026"
        ));
        assert!(mentions("select * from 销毁记录_2026", "销毁记录_2026"));
        assert!(!mentions("select * from 销毁记录_2026", "记录_2026"));
    }

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
