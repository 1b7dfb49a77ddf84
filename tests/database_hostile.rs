//! SQLite sources under the hostile review of 2026-12-06
//! (docs/databases.md): a write-ahead log that does not verify, a table
//! whose name begins with `sqlite`, a result naming a column twice, a
//! query ending in a comment, a URL's errors at their line, each once a
//! false pass or an error without its place.

mod common;
mod db_acme;

use std::path::Path;

use common::{custodia_in, example};
use serde_json::Value;

/// A case whose sources all come from `acme.db` in it, with `edit`
/// applied to the manifest and `setup` to the database; (exit, report).
fn run_db_case(edit: impl Fn(String) -> String, setup: impl Fn(&Path)) -> (i32, Value) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let example = example();
    let tables = db_acme::write_sqlite(Path::new(&example), &dir.path().join("acme.db"));
    db_acme::copy_case_files(Path::new(&example), dir.path());
    let manifest = db_acme::manifest(Path::new(&example), "url: sqlite://acme.db", &tables);
    std::fs::write(dir.path().join("custodia.yaml"), edit(manifest)).expect("write");
    setup(&dir.path().join("acme.db"));
    let args = ["check", ".", "--format", "json", common::ACCEPT_OWN_SCHEMA];
    let (code, out, err) = custodia_in(dir.path(), &args);
    let report = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    (code, report)
}

fn errors_of(report: &Value) -> Vec<String> {
    let errors = report["input_errors"].as_array().into_iter().flatten();
    errors
        .map(|e| {
            let line = e["line"]
                .as_u64()
                .map(|l| format!(":{l}"))
                .unwrap_or_default();
            let file = e["file"].as_str().unwrap_or("");
            format!("{file}{line}: {}", e["message"].as_str().unwrap_or(""))
        })
        .collect()
}

fn run_sql(db: &Path, batch: &str) {
    let c = rusqlite::Connection::open(db).expect("open");
    c.execute_batch(batch).expect("the edit runs");
}

/// `path` with `suffix` after its name.
fn beside(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

/// Copies `db` into a scratch folder, puts it in WAL mode (its file as it
/// was), runs each of `changes` there as one transaction, the last left
/// open unless `commit`, and copies the database and its log back while
/// the connection is open: a copy taken from a live system.
fn copy_with_wal(db: &Path, changes: &[&str], commit: bool) {
    let scratch = tempfile::tempdir().expect("a temp dir");
    let work = scratch.path().join("work.db");
    std::fs::copy(db, &work).expect("copy");
    let c = rusqlite::Connection::open(&work).expect("open");
    c.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; PRAGMA cache_size = 1;",
    )
    .expect("set up");
    for (i, change) in changes.iter().enumerate() {
        c.execute_batch("BEGIN").expect("begin");
        c.execute_batch(change).expect("change");
        if commit || i + 1 < changes.len() {
            c.execute_batch("COMMIT").expect("commit");
        }
    }
    std::fs::copy(&work, db).expect("copy back");
    std::fs::copy(beside(&work, "-wal"), beside(db, "-wal")).expect("copy back the log");
    drop(c);
}

fn wal_len(db: &Path) -> u64 {
    std::fs::metadata(beside(db, "-wal")).expect("a log").len()
}

/// The one error every entry of the case gets, once.
fn wal_errors(report: &Value) -> Vec<String> {
    let mut errors: Vec<String> = errors_of(report)
        .into_iter()
        .filter(|e| e.contains("write-ahead log"))
        .map(|e| e.split_once(": ").map_or(e.clone(), |(_, m)| m.to_string()))
        .collect();
    errors.dedup();
    errors
}

/// A log cut short (a copy stopped midway): SQLite drops the frame that
/// does not verify and reads on without it, and the destruction of the
/// record under legal hold it held vanished while the check passed.
#[test]
fn a_write_ahead_log_cut_short_is_an_input_error() {
    let (code, report) = run_db_case(
        |m| m,
        |db| {
            copy_with_wal(
                db,
                &["DELETE FROM notification;", "DELETE FROM access;"],
                true,
            );
            let len = wal_len(db);
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(beside(db, "-wal"))
                .expect("open the log");
            f.set_len(len - 100).expect("cut");
        },
    );
    assert_eq!(code, 2);
    let errors = wal_errors(&report);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("acme.db-wal` does not verify: ")
            && errors[0].contains(" bytes after frame ")
            && errors[0].contains(
                "do not verify: the log was cut or damaged; the changes in it were not all read"
            ),
        "{errors:?}"
    );
    assert!(!report["notes"].to_string().contains("read as part of it"));
}

/// A byte of the log's header changed: SQLite ignores the whole log.
#[test]
fn a_write_ahead_log_whose_header_does_not_verify_is_an_input_error() {
    let (code, report) = run_db_case(
        |m| m,
        |db| {
            copy_with_wal(db, &["DELETE FROM notification;"], true);
            let wal = beside(db, "-wal");
            let mut bytes = std::fs::read(&wal).expect("the log");
            bytes[0] ^= 0xff;
            std::fs::write(&wal, bytes).expect("write");
        },
    );
    assert_eq!(code, 2);
    let errors = wal_errors(&report);
    assert!(
        errors.len() == 1
            && errors[0].contains(
                "does not verify (its first 4 bytes are 0xc87f0682, not a write-ahead log's"
            ),
        "{errors:?}"
    );
}

/// A byte changed in an early frame: SQLite stops there and leaves out the
/// later transactions, committed as they are.
#[test]
fn a_damaged_frame_before_committed_ones_is_an_input_error() {
    let (code, report) = run_db_case(
        |m| m,
        |db| {
            let changes = ["DELETE FROM notification;", "DELETE FROM access;"];
            copy_with_wal(db, &changes, true);
            let wal = beside(db, "-wal");
            let mut bytes = std::fs::read(&wal).expect("the log");
            // In the page of the first frame.
            bytes[32 + 24 + 100] ^= 0x01;
            std::fs::write(&wal, bytes).expect("write");
        },
    );
    assert_eq!(code, 2);
    let errors = wal_errors(&report);
    assert!(
        errors.len() == 1 && errors[0].contains(" bytes after its header do not verify"),
        "{errors:?}"
    );
}

/// Frames no commit closes: a transaction under way when the copy was
/// taken, or a log cut at a frame's end (which looks the same).
#[test]
fn frames_of_a_transaction_not_committed_are_an_input_error() {
    let spill = "DELETE FROM destruction; CREATE TABLE junk (a TEXT); \
                 WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) \
                 INSERT INTO junk SELECT hex(randomblob(100)) FROM n;";
    let (code, report) = run_db_case(
        |m| m,
        |db| copy_with_wal(db, &["DELETE FROM notification;", spill], false),
    );
    assert_eq!(code, 2);
    let errors = wal_errors(&report);
    assert!(
        errors.len() == 1
            && errors[0].contains("ends with frames ")
            && errors[0].contains("which no commit frame closes"),
        "{errors:?}"
    );
}

/// After a checkpoint the next writer starts the log over with new salts
/// and leaves the older frames after its own: SQLite rightly reads them
/// not, and they are no error; the new transaction is read.
#[test]
fn an_older_log_left_after_a_restart_is_no_error() {
    let (code, report) = run_db_case(
        |m| m,
        |db| {
            let scratch = tempfile::tempdir().expect("a temp dir");
            let work = scratch.path().join("work.db");
            std::fs::copy(db, &work).expect("copy");
            let c = rusqlite::Connection::open(&work).expect("open");
            c.execute_batch(
                "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; \
                 CREATE TABLE junk (a TEXT); \
                 WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) \
                 INSERT INTO junk SELECT hex(randomblob(100)) FROM n; \
                 PRAGMA wal_checkpoint(PASSIVE); DROP TABLE junk; DELETE FROM notification;",
            )
            .expect("write, checkpoint, write again");
            let len = std::fs::metadata(beside(&work, "-wal"))
                .expect("a log")
                .len();
            assert!(len > 100_000, "the older log is kept: {len}");
            std::fs::copy(&work, db).expect("copy back");
            std::fs::copy(beside(&work, "-wal"), beside(db, "-wal")).expect("copy the log");
            drop(c);
        },
    );
    assert!(code == 0 || code == 1, "{:?}", errors_of(&report));
    assert!(errors_of(&report).is_empty(), "{:?}", errors_of(&report));
    let coverage = report["coverage"].as_array().expect("coverage");
    let notification = coverage.iter().find(|c| c["collection"] == "notification");
    assert_eq!(
        notification.expect("covered")["rows"],
        0,
        "the log's change was read"
    );
}

/// An empty log (SQLite truncates it after a checkpoint) holds nothing.
#[test]
fn an_empty_write_ahead_log_is_no_error() {
    let (code, report) = run_db_case(
        |m| m,
        |db| {
            run_sql(db, "PRAGMA journal_mode = WAL;");
            std::fs::write(beside(db, "-wal"), b"").expect("an empty log");
        },
    );
    assert!(code == 0 || code == 1, "{:?}", errors_of(&report));
    assert!(errors_of(&report).is_empty(), "{:?}", errors_of(&report));
}

/// `sqlite_%` in a LIKE matches any character after `sqlite`: a table
/// `sqlite3_destruction` was left out of the tables no entry reads.
#[test]
fn a_table_named_sqlite_something_is_one_of_the_database_s_tables() {
    let (code, report) = run_db_case(
        |m| m,
        |db| {
            run_sql(
                db,
                "CREATE TABLE sqlite3_destruction AS SELECT * FROM destruction; \
                 CREATE TABLE sqliteapp (a TEXT);",
            )
        },
    );
    assert_eq!(code, 2);
    let errors = errors_of(&report);
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("db:acme/sqlite3_destruction: not read, yet")),
        "{errors:?}"
    );
    assert!(
        report["not_read"].to_string().contains("db:acme/sqliteapp"),
        "{}",
        report["not_read"]
    );
}

/// The inventory entry replaced by `entry` (lines of the long form).
fn inventory_as(entry: &'static str) -> impl Fn(String) -> String {
    move |m: String| {
        let start = m.find("inventory:\n").expect("an inventory entry");
        let end = m.find("logs:\n").expect("logs");
        format!("{}inventory:\n{entry}{}", &m[..start], &m[end..])
    }
}

/// The line of the inventory entry (its `url:`, after `inventory:`) in
/// the case's manifest.
fn inventory_line() -> usize {
    let settings =
        std::fs::read_to_string(Path::new(&example()).join("custodia.yaml")).expect("manifest");
    settings.lines().count() + 2
}

/// A join naming `legal_hold` twice: SQLite calls the second
/// `legal_hold:1`, and the first (the inventory's, no hold) was read.
#[test]
fn a_query_naming_a_column_twice_is_an_input_error_at_its_line() {
    let hold = "CREATE TABLE holds (id TEXT, legal_hold TEXT); \
                INSERT INTO holds SELECT id, 'true' FROM 案卷目录;";
    let entry = "  url: sqlite://acme.db\n  query: SELECT i.*, h.legal_hold FROM 案卷目录 i LEFT JOIN holds h ON h.id = i.id\n";
    let (code, report) = run_db_case(inventory_as(entry), |db| run_sql(db, hold));
    assert_eq!(code, 2);
    let errors = errors_of(&report);
    let line = inventory_line();
    assert!(
        errors.iter().any(
            |e| e.starts_with(&format!("custodia.yaml:{line}: db:acme/SELECT i.*"))
                && e.contains(": the result names column `legal_hold` twice (columns ")
        ),
        "{errors:?}"
    );
    // A view does the same: its second column is `legal_hold:1` too.
    let view = format!("{hold} CREATE VIEW inv AS SELECT i.*, h.legal_hold FROM 案卷目录 i LEFT JOIN holds h ON h.id = i.id;");
    let entry = "  url: sqlite://acme.db\n  table: inv\n";
    let (code, report) = run_db_case(inventory_as(entry), |db| run_sql(db, &view));
    assert_eq!(code, 2);
    let errors = errors_of(&report);
    assert!(
        errors.iter().any(
            |e| e.starts_with(&format!("custodia.yaml:{line}: db:acme/inv: "))
                && e.contains("SQLite calls the second `legal_hold:1`")
        ),
        "{errors:?}"
    );
}

/// A query ending in a `--` comment commented out custodia's `)`.
#[test]
fn a_query_ending_in_a_comment_is_read() {
    let entry = "  url: sqlite://acme.db\n  query: SELECT * FROM 案卷目录 -- every record\n";
    let (code, report) = run_db_case(inventory_as(entry), |_| {});
    assert!(
        errors_of(&report)
            .iter()
            .all(|e| !e.contains("incomplete input")),
        "{:?}",
        errors_of(&report)
    );
    let inventory = report["inputs"]
        .as_array()
        .expect("inputs")
        .iter()
        .find(|i| i["role"] == "inventory");
    assert_eq!(inventory.expect("an inventory")["rows"], 14, "{code}");
}

/// A URL naming no file is an error at the entry's line.
#[test]
fn a_url_naming_no_file_is_an_error_at_its_line() {
    let entry = "  url: sqlite://nowhere.db\n  table: 案卷目录\n";
    let (code, report) = run_db_case(inventory_as(entry), |_| {});
    assert_eq!(code, 2);
    let line = inventory_line();
    let errors = errors_of(&report);
    assert!(
        errors.iter().any(|e| e.starts_with(&format!(
            "custodia.yaml:{line}: db:nowhere/案卷目录: no SQLite database file at `"
        ))),
        "{errors:?}"
    );
}

/// A column named `legal_hold` with white space around it beside
/// `legal_hold`: the loader reads names trimmed, so the second silently
/// replaced the first's hold (hostile review, 2026-12-07). Now the column
/// named twice it is, as in a CSV header.
#[test]
fn a_padded_twin_of_a_column_is_a_column_named_twice() {
    let line = inventory_line();
    for padded in [
        "legal_hold ",
        " legal_hold",
        "legal_hold\u{a0}",
        "legal_hold\u{3000}",
    ] {
        let view =
            format!("CREATE VIEW inv AS SELECT i.*, 'false' AS \"{padded}\" FROM 案卷目录 i;");
        let entry = "  url: sqlite://acme.db\n  table: inv\n";
        let (code, report) = run_db_case(inventory_as(entry), |db| run_sql(db, &view));
        assert_eq!(code, 2, "{padded:?}");
        let errors = errors_of(&report);
        assert!(
            errors.iter().any(
                |e| e.starts_with(&format!("custodia.yaml:{line}: db:acme/inv: "))
                    && e.contains("the result names column `legal_hold` twice (columns ")
            ),
            "{padded:?}: {errors:?}"
        );
    }
}

/// The only hold column padded (`legal_hold `) is read, as a CSV header's
/// is; the note said the table had no such column and every row was read
/// as not held, the opposite of what happened.
#[test]
fn a_padded_column_is_read_and_not_noted_absent() {
    let rename = "ALTER TABLE 案卷目录 RENAME COLUMN legal_hold TO \"legal_hold \";";
    let entry = "  url: sqlite://acme.db\n  table: 案卷目录\n";
    let (_, padded) = run_db_case(inventory_as(entry), |db| run_sql(db, rename));
    let (_, plain) = run_db_case(inventory_as(entry), |_| {});
    let notes = padded["notes"].to_string();
    assert!(!notes.contains("has no column `legal_hold`"), "{notes}");
    let held = |r: &Value| {
        (r["violations"].as_array().into_iter().flatten())
            .filter(|v| v["rule"] == "no_destruction_under_legal_hold")
            .count()
    };
    assert!(held(&plain) > 0, "the example destroys a held record");
    assert_eq!(held(&padded), held(&plain));
}

/// A table without the column is named a table in the note, not a file.
#[test]
fn a_table_lacking_a_column_is_noted_as_a_table() {
    let drop = "ALTER TABLE 案卷目录 DROP COLUMN legal_hold;";
    let entry = "  url: sqlite://acme.db\n  table: 案卷目录\n";
    let (_, report) = run_db_case(inventory_as(entry), |db| run_sql(db, drop));
    let notes = report["notes"].to_string();
    assert!(
        notes.contains("the table has no column `legal_hold`"),
        "{notes}"
    );
    assert!(
        !notes.contains("the file has no column `legal_hold`"),
        "{notes}"
    );
}
