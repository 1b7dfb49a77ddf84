//! SQLite sources (`sqlite://PATH`): the file is opened read-only, every
//! statement is checked to be read-only before it runs, a progress handler
//! interrupts a statement past its timeout, and rows are stepped one by one.

use crate::msg;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rusqlite::hooks::{AuthAction, AuthContext, Authorization};

use rusqlite::types::ValueRef;
use rusqlite::{Connection as Sqlite, OpenFlags};

use super::db::{Connection, DbError, DbRow};
use super::read::Raw;

/// How long a read waits for another process's lock on the file.
const BUSY_WAIT: Duration = Duration::from_secs(5);

pub struct SqliteSource {
    conn: Sqlite,
}

/// Opens `path` read-only (a missing file is an error, never created).
pub fn open(path: &Path, timeout: Duration) -> Result<SqliteSource, DbError> {
    if !path.is_file() {
        let path = path.display().to_string();
        return Err(DbError(msg!("db-sqlite-no-file", path = path).words()));
    }
    // SQLite ignores a write-ahead log that does not verify, whole or from
    // its first bad frame on, without an error: verified first
    // (`db_sqlite_wal`, docs/databases.md).
    super::db_sqlite_wal::verify_beside(path).map_err(DbError)?;
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Sqlite::open_with_flags(path, flags).map_err(|e| cannot_open(path, &e))?;
    conn.pragma_update(None, "query_only", true)
        .map_err(|e| DbError(msg!("db-sqlite-read-only", reason = e.to_string()).words()))?;
    // A writer holding the file's lock for a moment (an application saving)
    // is waited for, up to a few seconds within the statement timeout,
    // rather than failing the read at once with "database is locked"
    // (review R29). rusqlite's own default is the same 5 seconds; it is
    // set here so that the wait is a decision, not a library default.
    conn.busy_timeout(timeout.min(BUSY_WAIT)).map_err(|e| {
        DbError(
            msg!(
                "db-sqlite-cannot-open",
                path = path.display().to_string(),
                reason = e.to_string()
            )
            .words(),
        )
    })?;
    // `timeout_seconds:` is bounded where the manifest is read; a deadline
    // past what the clock can hold is no deadline, never a panic.
    let deadline = Instant::now().checked_add(timeout);
    // Called every 10,000 virtual machine steps: past the deadline, the
    // statement is interrupted (SQLite has no statement timeout of its own).
    conn.progress_handler(
        10_000,
        Some(move || deadline.is_some_and(|d| Instant::now() > d)),
    )
    .map_err(|e| DbError(msg!("db-sqlite-timeout", reason = e.to_string()).words()))?;
    let mut source = SqliteSource { conn };
    source.first_read(path)?;
    Ok(source)
}

/// What custodia was doing when SQLite reported an error, said before
/// SQLite's own (English) words: under `--lang zh` a reader otherwise got
/// only `attempt to write a readonly database`.
#[derive(Clone, Copy)]
enum Step {
    List,
    Key,
    Prepare,
    Read,
    Check,
}

impl Step {
    fn words(self) -> String {
        match self {
            Step::List => msg!("db-sqlite-step-list"),
            Step::Key => msg!("db-sqlite-step-key"),
            Step::Prepare => msg!("db-sqlite-step-prepare"),
            Step::Read => msg!("db-sqlite-step-read"),
            Step::Check => msg!("db-sqlite-step-check"),
        }
        .words()
    }
}

/// SQLite's error in words: a timeout as such, anything else after what
/// failed (`Step`), SQLite's text kept as the detail.
fn error(step: Step) -> impl Fn(rusqlite::Error) -> DbError {
    move |e| {
        let said = match e {
            rusqlite::Error::SqliteFailure(f, _)
                if f.code == rusqlite::ErrorCode::OperationInterrupted =>
            {
                return DbError(msg!("db-timeout").words());
            }
            rusqlite::Error::SqliteFailure(_, Some(message)) => message,
            // Without the statement and offset rusqlite adds: the
            // statement is custodia's wrapping of the query, not the
            // manifest's text.
            rusqlite::Error::SqlInputError { msg, .. } => msg,
            other => other.to_string(),
        };
        DbError(msg!("db-sqlite-failed", step = step.words(), reason = said).words())
    }
}

/// How many lines of `PRAGMA quick_check`'s findings a message shows.
const FINDINGS_SHOWN: usize = 5;

impl SqliteSource {
    /// Reads the schema once, so that a file SQLite cannot read fails here
    /// with why: a rollback journal beside it (`archive.db-journal`, an
    /// interrupted transaction) makes SQLite want to write, which a
    /// read-only open refuses with only "attempt to write a readonly
    /// database"; the message says what the journal means and how to
    /// recover the file.
    fn first_read(&mut self, path: &Path) -> Result<(), DbError> {
        let read = self
            .conn
            .query_row(super::db_sql::SQLITE_FIRST_READ, [], |r| r.get::<_, i64>(0));
        let Err(e) = read else {
            return Ok(());
        };
        let reason = match &e {
            rusqlite::Error::SqliteFailure(_, Some(message)) => message.clone(),
            other => other.to_string(),
        };
        let journal = journal_of(path);
        let hot = matches!(&e, rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::ReadOnly)
            && journal.metadata().is_ok_and(|m| m.len() > 0);
        if !hot {
            return Err(cannot_open(path, &e));
        }
        let shown = path.display().to_string();
        Err(DbError(
            msg!(
                "db-sqlite-hot-journal",
                path = shown,
                journal = journal.display().to_string(),
                reason = reason
            )
            .words(),
        ))
    }

    /// SQLite's own check of the file's structure (`PRAGMA quick_check`):
    /// `Ok(None)` when it says `ok`, else its first findings. A page no
    /// b-tree reaches any more is read as if its rows never were; only this
    /// check tells (hostile review: a destruction on such a page vanished
    /// and the check said COMPLIANT).
    pub fn quick_check(&mut self) -> Result<Option<Vec<String>>, DbError> {
        let mut findings = Vec::new();
        let mut more = 0usize;
        match self.check_into(&mut findings, &mut more) {
            Ok(()) => {}
            // A file so damaged that the check itself stops is damaged:
            // SQLite's words are the finding.
            Err(rusqlite::Error::SqliteFailure(f, message))
                if matches!(
                    f.code,
                    rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase
                ) =>
            {
                findings.push(message.unwrap_or_else(|| f.to_string()));
            }
            Err(e) => return Err(error(Step::Check)(e)),
        }
        if findings.is_empty() {
            return Ok(None);
        }
        if more > 0 {
            findings.push(msg!("db-sqlite-more-findings", count = more).words());
        }
        Ok(Some(findings))
    }

    /// The lines of `PRAGMA quick_check` but `ok`, the first
    /// `FINDINGS_SHOWN` into `findings`, the others counted in `more`.
    fn check_into(&mut self, findings: &mut Vec<String>, more: &mut usize) -> rusqlite::Result<()> {
        let mut stmt = self.conn.prepare(super::db_sql::SQLITE_QUICK_CHECK)?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let text: String = row.get(0)?;
            if text == "ok" {
                continue;
            }
            // A finding may span lines, under a header naming the schema.
            let lines = text.lines().map(str::trim);
            for line in lines.filter(|l| !l.is_empty() && !l.starts_with("***")) {
                match findings.len() < FINDINGS_SHOWN {
                    true => findings.push(line.to_string()),
                    false => *more += 1,
                }
            }
        }
        Ok(())
    }

    /// The tables and views of the database, each with whether it is a view.
    pub fn relation_kinds(&mut self) -> Result<Vec<(String, bool)>, DbError> {
        let mut stmt = self
            .conn
            .prepare(super::db_sql::SQLITE_RELATION_KINDS)
            .map_err(error(Step::List))?;
        let names = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?)))
            .map_err(error(Step::List))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(error(Step::List))?;
        Ok(names)
    }

    /// Whether every row of view `view` is made of rows of tables: each of
    /// its columns comes straight from a column of a table of the file
    /// (SQLite's column metadata; a literal or an expression has none, a
    /// table-valued function or `sqlite_schema` is no such table), and its definition
    /// has no compound `SELECT` or `VALUES` (whose later parts the
    /// metadata does not describe). Such a view holds nothing its tables do
    /// not; `false` when it cannot be told. **Decision (2026-12-07, hostile
    /// review):** an ignored view `SELECT 'R-9' AS record, …` holding a
    /// held record's destruction was exempt as a view, and the run passed.
    pub fn view_only_of_tables(&mut self, view: &str) -> bool {
        let sql = format!("SELECT * FROM {}", self.quote(view));
        let Ok(stmt) = self.conn.prepare(&sql) else {
            return false;
        };
        // The tables the columns come from, by name: `None` for a column
        // that comes from none.
        let origins: Vec<Option<String>> = (0..stmt.column_count())
            .map(|i| match stmt.column_metadata(i) {
                Ok(Some(m)) => m.1.to_str().ok().map(str::to_string),
                _ => None,
            })
            .collect();
        drop(stmt);
        // A table of the file's schema: not a table-valued function
        // (`json_each('["R-9"]')`, `generate_series`), whose rows are the
        // view's own, nor SQLite's own tables.
        let mut stored = |table: &str| {
            self.conn
                .query_row(super::db_sql::SQLITE_IS_TABLE, [table], |_| Ok(()))
                .is_ok()
        };
        let from_tables = origins
            .iter()
            .all(|t| t.as_deref().is_some_and(&mut stored));
        let definition = self
            .conn
            .query_row(super::db_sql::SQLITE_VIEW_SQL, [view], |r| {
                r.get::<_, String>(0)
            });
        from_tables && definition.is_ok_and(|sql| !compound(&sql))
    }

    /// Whether `relation` holds a row: `None` when it cannot be told (a
    /// view that fails or runs past the timeout).
    pub fn has_rows(&mut self, relation: &str) -> Option<bool> {
        let sql = super::db_sql::SQLITE_HAS_ROWS.replace("{}", &self.quote(relation));
        let mut stmt = self.conn.prepare(&sql).ok()?;
        if !stmt.readonly() {
            return None;
        }
        let mut rows = stmt.query([]).ok()?;
        rows.next().ok().map(|r| r.is_some())
    }
}

/// Whether a view's definition may add rows of its own: it has the word
/// `UNION`, `INTERSECT`, `EXCEPT` or `VALUES` anywhere, in a literal or a
/// name too (a view taken for one that adds rows is only counted as data
/// left out when ignored, never passed).
fn compound(sql: &str) -> bool {
    sql.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .any(|w| {
            ["union", "intersect", "except", "values"]
                .iter()
                .any(|k| w.eq_ignore_ascii_case(k))
        })
}

/// Why `path` cannot be opened or read, SQLite's words kept as the detail.
/// A database in write-ahead-log mode with no index (`-shm`) beside it,
/// in a folder SQLite cannot write (read-only media, a folder custodia's
/// user may not write), fails with only "unable to open database file" or
/// "attempt to write a readonly database": SQLite must create the index
/// (and, without a `-wal`, the log) to read it. Said in words, with the
/// way out (docs/databases.md).
fn cannot_open(path: &Path, e: &rusqlite::Error) -> DbError {
    let reason = match e {
        rusqlite::Error::SqliteFailure(_, Some(message)) => message.clone(),
        other => other.to_string(),
    };
    let shown = path.display().to_string();
    let refused = matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if matches!(f.code, rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen));
    let shm = companion(path, "-shm");
    if refused && wal_mode(path) && !shm.exists() {
        let folder = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        return DbError(
            msg!(
                "db-sqlite-wal-no-index",
                path = shown,
                shm = shm.display().to_string(),
                folder = folder.display().to_string(),
                reason = reason
            )
            .words(),
        );
    }
    DbError(msg!("db-sqlite-cannot-open", path = shown, reason = reason).words())
}

/// Whether the file's header says write-ahead-log mode (its read and write
/// format versions, bytes 18 and 19, are 2).
fn wal_mode(path: &Path) -> bool {
    use std::io::Read;
    let mut header = [0u8; 20];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .is_ok_and(|()| header[18] == 2 || header[19] == 2)
}

/// `path` with `suffix` after its name (`archive.db-shm`).
fn companion(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

/// The rollback journal SQLite keeps beside `path` during a transaction.
pub fn journal_of(path: &Path) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push("-journal");
    name.into()
}

impl Connection for SqliteSource {
    fn relations(&mut self) -> Result<Vec<String>, DbError> {
        let mut stmt = self
            .conn
            .prepare(super::db_sql::SQLITE_RELATIONS)
            .map_err(error(Step::List))?;
        let names = stmt
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(error(Step::List))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(error(Step::List))?;
        Ok(names)
    }

    fn primary_key(&mut self, table: &str) -> Result<Vec<String>, DbError> {
        let mut stmt = self
            .conn
            .prepare(super::db_sql::SQLITE_PRIMARY_KEY)
            .map_err(error(Step::Key))?;
        let names = stmt
            .query_map([table], |r| r.get::<_, String>(0))
            .map_err(error(Step::Key))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(error(Step::Key))?;
        Ok(names)
    }

    fn columns(&mut self, sql: &str) -> Result<Vec<String>, DbError> {
        let stmt = self.conn.prepare(sql).map_err(error(Step::Prepare))?;
        Ok(stmt.column_names().iter().map(|c| c.to_string()).collect())
    }

    fn stream(&mut self, sql: &str, each: &mut dyn FnMut(DbRow)) -> Result<(), DbError> {
        let mut stmt = self.conn.prepare(sql).map_err(error(Step::Prepare))?;
        if !stmt.readonly() {
            return Err(DbError(msg!("db-query-writes").words()));
        }
        let width = stmt.column_count();
        let mut rows = stmt.query([]).map_err(error(Step::Read))?;
        while let Some(row) = rows.next().map_err(error(Step::Read))? {
            let cells: DbRow = (0..width)
                .map(|i| row.get_ref(i).map_err(|e| e.to_string()).and_then(cell))
                .collect();
            each(cells);
        }
        Ok(())
    }

    /// SQLite's authorizer is told of every column a statement reads while
    /// it is prepared, with its table and the view it is read through.
    fn tables_read(&mut self, sql: &str) -> Option<Vec<String>> {
        let seen = Arc::new(Mutex::new(BTreeSet::new()));
        let into = Arc::clone(&seen);
        let hook = move |ctx: AuthContext<'_>| {
            if let AuthAction::Read { table_name, .. } = ctx.action {
                if let Ok(mut into) = into.lock() {
                    into.insert(table_name.to_string());
                    into.extend(ctx.accessor.map(str::to_string));
                }
            }
            Authorization::Allow
        };
        self.conn.authorizer(Some(hook)).ok()?;
        let prepared = self.conn.prepare(sql).map(drop);
        self.conn
            .authorizer(None::<fn(AuthContext<'_>) -> Authorization>)
            .ok()?;
        prepared.ok()?;
        let names = seen.lock().ok()?.iter().cloned().collect();
        Some(names)
    }
}

/// A SQLite value as a cell: numbers and text as text (SQLite has no
/// date or bool type: they are text or 0/1), NULL as absent.
fn cell(v: ValueRef) -> Result<Raw, String> {
    Ok(match v {
        ValueRef::Null => Raw::Json(serde_json::Value::Null),
        ValueRef::Integer(i) => Raw::Text(i.to_string()),
        ValueRef::Real(f) => Raw::Text(f.to_string()),
        ValueRef::Text(t) => {
            Raw::Text(String::from_utf8(t.to_vec()).map_err(|_| msg!("db-text-not-utf8").words())?)
        }
        ValueRef::Blob(_) => return Err(msg!("db-sqlite-blob").words()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A database in WAL mode on a folder SQLite cannot write: SQLite's
    /// "unable to open database file" is said in words, with the way out.
    #[test]
    fn a_wal_database_without_its_index_says_why_it_cannot_be_opened() {
        let dir = tempfile::tempdir().expect("a temp dir");
        let db = dir.path().join("archive.db");
        let mut header = vec![0u8; 100];
        header[18] = 2;
        header[19] = 2;
        std::fs::write(&db, header).expect("write");
        let refused = rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CANTOPEN),
            Some("unable to open database file".into()),
        );
        let said = cannot_open(&db, &refused).0;
        assert!(
            said.contains("it is in write-ahead-log mode (WAL)")
                && said.contains("archive.db-shm` beside it")
                && said.ends_with("(SQLite said: unable to open database file)"),
            "{said}"
        );
        // With its index there, SQLite's words alone.
        std::fs::write(companion(&db, "-shm"), b"").expect("write");
        let said = cannot_open(&db, &refused).0;
        assert!(
            said.starts_with("cannot open the SQLite database"),
            "{said}"
        );
    }

    /// A view is told from one made only of its tables' rows by its
    /// columns' origins and the words of a compound `SELECT`.
    #[test]
    fn a_view_adding_rows_of_its_own_is_told() {
        let conn = Sqlite::open_in_memory().expect("an in-memory database");
        conn.execute_batch(
            "CREATE TABLE d (id TEXT, record TEXT);
             INSERT INTO d VALUES ('D-1', 'R-2');
             CREATE VIEW plain AS SELECT id, record FROM d WHERE record <> 'R-1';
             CREATE VIEW joined AS SELECT a.id, b.record FROM d a JOIN d b ON a.id = b.id;
             CREATE VIEW literal AS SELECT 'D-9' AS id, 'R-1' AS record;
             CREATE VIEW mixed AS SELECT id, 'R-1' AS record FROM d;
             CREATE VIEW unioned AS SELECT * FROM d UNION ALL SELECT * FROM d;
             CREATE VIEW valued AS SELECT * FROM d WHERE id IN (VALUES ('D-1'));
             CREATE VIEW listed AS SELECT value AS id, value AS record FROM json_each('[\"R-1\"]');
             CREATE VIEW schema_of AS SELECT name AS id, sql AS record FROM sqlite_schema;",
        )
        .expect("the views are made");
        let mut source = SqliteSource { conn };
        for (view, only) in [
            ("plain", true),
            ("joined", true),
            ("literal", false),
            ("mixed", false),
            ("unioned", false),
            ("valued", false),
            ("listed", false),
            ("schema_of", false),
            ("missing", false),
        ] {
            assert_eq!(source.view_only_of_tables(view), only, "{view}");
        }
        assert!(!compound("SELECT unions, values_at FROM d"));
    }
}
