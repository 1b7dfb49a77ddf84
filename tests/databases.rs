//! Database sources read from SQLite files the tests create
//! (docs/databases.md): the acme example read from a database gives the
//! report of the file-based case but for provenance, and every way a read
//! can fail is an input error naming the source, never a pass. The same
//! checks against PostgreSQL run in `tests/database_servers.rs`.

mod common;
mod db_acme;

use std::path::Path;

use common::{custodia_in, example};
use serde_json::Value;

fn json(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"))
}

/// A case whose sources all come from `acme.db` in it, with `edit`
/// applied to the manifest; (exit status, report, stderr).
fn run_db_case(edit: impl Fn(String) -> String, setup: impl Fn(&Path)) -> (i32, Value, String) {
    run_db_case_with(&[], edit, setup)
}

/// `run_db_case` with more arguments to `check` (`--lang zh`).
fn run_db_case_with(
    args: &[&str],
    edit: impl Fn(String) -> String,
    setup: impl Fn(&Path),
) -> (i32, Value, String) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let example = example();
    let tables = db_acme::write_sqlite(Path::new(&example), &dir.path().join("acme.db"));
    db_acme::copy_case_files(Path::new(&example), dir.path());
    let manifest = db_acme::manifest(Path::new(&example), "url: sqlite://acme.db", &tables);
    std::fs::write(dir.path().join("custodia.yaml"), edit(manifest)).expect("write");
    setup(&dir.path().join("acme.db"));
    let mut check = vec!["check", ".", "--format", "json", common::ACCEPT_OWN_SCHEMA];
    check.extend(args);
    let (code, out, err) = custodia_in(dir.path(), &check);
    // A run stopped before any report (a case without an inventory, say)
    // prints its reason on stderr only.
    let report = if out.trim().is_empty() {
        Value::Null
    } else {
        json(&out)
    };
    (code, report, err)
}

/// Runs `batch` on the SQLite file `db` (a case's edit of its database).
fn run_sql(db: &std::path::Path, batch: &str) {
    let c = rusqlite::Connection::open(db).expect("open");
    c.execute_batch(batch).expect("the edit runs");
}

/// The report has an input error whose text holds `needle`.
fn assert_error_with(report: &Value, needle: &str) {
    let errors = errors_of(report);
    assert!(errors.iter().any(|e| e.contains(needle)), "{errors:?}");
}

fn errors_of(report: &Value) -> Vec<String> {
    report["input_errors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            format!(
                "{}: {}",
                e["file"].as_str().unwrap_or(""),
                e["message"].as_str().unwrap_or("")
            )
        })
        .collect()
}

#[test]
fn the_acme_case_read_from_sqlite_gives_the_file_report() {
    let (code, from_db, err) = run_db_case(|m| m, |_| {});
    let (file_code, from_files, _) = custodia_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &[
            "check",
            &example(),
            "--format",
            "json",
            common::ACCEPT_OWN_SCHEMA,
        ],
    );
    assert_eq!(code, file_code, "{err}\n{from_db:#}");
    assert!(errors_of(&from_db).is_empty(), "{:?}", errors_of(&from_db));
    // The SQLite file is read through its entries, not left unread.
    let not_read = from_db["not_read"].to_string();
    assert!(!not_read.contains("acme.db"), "{not_read}");
    assert_eq!(
        db_acme::without_provenance(from_db.clone()),
        db_acme::without_provenance(json(&from_files))
    );
    // Provenance: each source is an input with its result's digest and rows.
    let inputs = from_db["inputs"].as_array().expect("inputs");
    let inventory = inputs
        .iter()
        .find(|i| i["path"] == "db:acme/案卷目录")
        .expect("the inventory is listed as a database input");
    assert_eq!(inventory["role"], "inventory");
    assert_eq!(inventory["rows"], 14);
    assert_eq!(inventory["sha256"].as_str().map(str::len), Some(64));
    let places: Vec<&str> = from_db["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .filter_map(|v| v["subject"]["file"].as_str())
        .collect();
    assert!(
        places
            .iter()
            .all(|p| p.starts_with("db:acme/") || *p == "company.yaml"),
        "{places:?}"
    );
    assert!(places.contains(&"db:acme/案卷目录"), "{places:?}");
    // A row of a table with a primary key is named by it; a log table
    // without one by its position in the result.
    for v in from_db["violations"].as_array().expect("violations") {
        let subject = &v["subject"];
        if subject["file"] == "db:acme/案卷目录" {
            let id = subject["id"].as_str().expect("a record id");
            assert_eq!(subject["row_key"], format!("id = {id}"), "{subject}");
        }
        for e in v["evidence"].as_array().into_iter().flatten() {
            if e["file"] == "db:acme/access" {
                assert!(e.get("row_key").is_none(), "{e}");
                assert!(e["line"].as_u64().is_some(), "{e}");
            }
        }
    }
}

/// The human report names a database row by its source and primary key,
/// never by a line of a file it does not have.
#[test]
fn the_human_report_names_a_database_row_by_its_key() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let example = example();
    let tables = db_acme::write_sqlite(Path::new(&example), &dir.path().join("acme.db"));
    db_acme::copy_case_files(Path::new(&example), dir.path());
    let manifest = db_acme::manifest(Path::new(&example), "url: sqlite://acme.db", &tables);
    std::fs::write(dir.path().join("custodia.yaml"), manifest).expect("write");
    let (_, out, err) = custodia_in(dir.path(), &["check", ".", "--format", "human"]);
    assert!(out.contains("db:acme/案卷目录 (id = R-"), "{out}\n{err}");
    assert!(!out.contains("db:acme/案卷目录:"), "{out}");
}

#[test]
fn the_digest_of_a_result_does_not_depend_on_the_order_rows_were_written() {
    let digest = |report: &Value| {
        report["inputs"]
            .as_array()
            .expect("inputs")
            .iter()
            .find(|i| i["path"] == "db:acme/access")
            .map(|i| i["sha256"].clone())
            .expect("the access log is an input")
    };
    let (_, first, _) = run_db_case(|m| m, |_| {});
    // The same rows written in reverse order: the same digest.
    let (_, reversed, _) = run_db_case(
        |m| m,
        |db| {
            run_sql(db, "CREATE TABLE a2 AS SELECT * FROM access ORDER BY rowid DESC; DELETE FROM access; INSERT INTO access SELECT * FROM a2; DROP TABLE a2;",)
        },
    );
    assert_eq!(digest(&first), digest(&reversed));
    let (_, changed, _) = run_db_case(
        |m| m,
        |db| run_sql(db, "UPDATE access SET purpose = 'x' WHERE purpose IS NULL"),
    );
    assert_ne!(digest(&first), digest(&changed));
}

/// Runs the acme case with the inventory entry replaced by `entry` (its
/// lines, indented under `inventory:`); the input errors.
fn inventory_errors(entry: &str, setup: impl Fn(&Path)) -> (i32, Vec<String>, Value) {
    let (code, report, stderr) = run_db_case(
        |m| {
            let start = m.find("inventory:\n").expect("an inventory entry");
            let end = m.find("logs:\n").expect("logs");
            format!("{}inventory:\n{entry}{}", &m[..start], &m[end..])
        },
        setup,
    );
    let mut errors = errors_of(&report);
    errors.extend(stderr.lines().map(str::to_string));
    (code, errors, report)
}

#[test]
fn a_missing_table_is_an_error_with_a_did_you_mean() {
    let (code, errors, _) = inventory_errors("  url: sqlite://acme.db\n  table: 案卷目\n", |_| {});
    assert_eq!(code, 2);
    assert!(
        errors.iter().any(|e| e.starts_with(
            "db:acme/案卷目: the database has no table or view `案卷目`; did you mean `案卷目录`?"
        )),
        "{errors:?}"
    );
}

#[test]
fn a_missing_required_column_is_an_error_with_a_did_you_mean_over_the_real_columns() {
    let (code, errors, report) = inventory_errors(
        "  url: sqlite://acme.db\n  query: SELECT id, title AS titel, class, category, created, status, location FROM 案卷目录\n",
        |_| {},
    );
    assert_eq!(code, 2);
    assert!(
        errors.iter().any(|e| e.contains("the result has no column `title`, which the required field `record.title` is read from; did you mean `titel`?")),
        "{errors:?}"
    );
    assert_eq!(report["complete"], false);
}

#[test]
fn a_query_that_is_not_a_select_is_refused_and_nothing_is_written() {
    for query in [
        "DELETE FROM 案卷目录",
        "SELECT * FROM 案卷目录; DELETE FROM 案卷目录",
    ] {
        let (code, errors, _) = inventory_errors(
            &format!("  url: sqlite://acme.db\n  query: \"{query}\"\n"),
            |_| {},
        );
        assert_eq!(code, 2, "{query}");
        assert!(
            errors
                .iter()
                .any(|e| e.contains("not a SELECT") || e.contains("more than one statement")),
            "{query}: {errors:?}"
        );
    }
}

#[test]
fn a_statement_past_its_timeout_stops_the_check() {
    // A query that never ends: the timeout interrupts it.
    let (code, errors, report) = inventory_errors(
        "  url: sqlite://acme.db\n  timeout_seconds: 1\n  query: WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT r.* FROM 案卷目录 r, n\n",
        |_| {},
    );
    assert_eq!(code, 2);
    assert!(
        errors
            .iter()
            .any(|e| e.contains("the statement timeout was reached")),
        "{errors:?}"
    );
    assert_ne!(report["verdict"]["status"], "COMPLIANT");
}

#[test]
fn an_unset_url_variable_and_a_missing_file_are_errors() {
    let (code, errors, _) = inventory_errors(
        "  url_env: CUSTODIA_TEST_NO_SUCH_VARIABLE\n  table: 案卷目录\n",
        |_| {},
    );
    assert_eq!(code, 2);
    assert!(
        errors.iter().any(|e| e.contains("the environment variable `CUSTODIA_TEST_NO_SUCH_VARIABLE` (named by `url_env:`) is not set")),
        "{errors:?}"
    );
    let (code, errors, _) =
        inventory_errors("  url: sqlite://nothing.db\n  table: 案卷目录\n", |_| {});
    assert_eq!(code, 2);
    assert!(
        errors.iter().any(|e| e.contains("no SQLite database file")),
        "{errors:?}"
    );
}

#[test]
fn a_server_url_in_the_manifest_and_an_unknown_key_are_refused() {
    let (code, errors, _) = inventory_errors(
        "  url: postgres://u:secret@localhost/archive\n  table: 案卷目录\n",
        |_| {},
    );
    assert_eq!(code, 2);
    assert!(
        errors.iter().any(|e| e.contains("environment variable")),
        "{errors:?}"
    );
    assert!(errors.iter().all(|e| !e.contains("secret")), "{errors:?}");
    let dir = tempfile::tempdir().expect("a temp dir");
    std::fs::write(
        dir.path().join("custodia.yaml"),
        "inventory:\n  url_env: X\n  tabel: t\n",
    )
    .expect("write");
    let (code, _, err) = custodia_in(dir.path(), &["check", "."]);
    assert_eq!(code, 2);
    assert!(err.contains("tabel"), "{err}");
}

#[test]
fn a_value_that_does_not_convert_names_the_source_the_key_and_the_column() {
    let (code, report, _) = run_db_case(
        |m| m,
        |db| {
            run_sql(
                db,
                "UPDATE 案卷目录 SET created = '2020-02-30' WHERE id = 'R-1003'",
            )
        },
    );
    assert_eq!(code, 2);
    let e = report["input_errors"]
        .as_array()
        .expect("errors")
        .iter()
        .find(|e| e["field"] == "created")
        .unwrap_or_else(|| panic!("{report:#}"));
    assert_eq!(e["file"], "db:acme/案卷目录");
    assert_eq!(e["value"], "2020-02-30");
    assert!(
        e["message"]
            .as_str()
            .is_some_and(|m| m.ends_with("(row `id` = `R-1003`)")),
        "{e}"
    );
    // The column's position in the result, as a CSV column's.
    assert_eq!(e["column"], 7);
}

#[test]
fn a_binary_value_is_an_input_error_of_its_row() {
    let (code, report, _) = run_db_case(
        |m| m,
        |db| {
            run_sql(
                db,
                "UPDATE 案卷目录 SET title = x'00ff' WHERE id = 'R-1003'",
            )
        },
    );
    assert_eq!(code, 2);
    assert_error_with(&report, "binary value (BLOB)");
}

/// A hostile tester's query: a view (or a WHERE) that filters everything
/// reads like an empty inventory file: a note, rules over records not
/// applicable, never COMPLIANT, exit 2.
#[test]
fn an_empty_result_is_an_empty_source_never_a_pass() {
    let (code, _, report) =
        inventory_errors("  url: sqlite://acme.db\n  table: empty_view\n", |db| {
            run_sql(
                db,
                "CREATE VIEW empty_view AS SELECT * FROM 案卷目录 WHERE 1 = 0",
            )
        });
    assert_eq!(code, 2, "{report:#}");
    assert_ne!(report["verdict"]["status"], "COMPLIANT");
    let record = report["coverage"]
        .as_array()
        .expect("coverage")
        .iter()
        .find(|c| c["collection"] == "record")
        .expect("records are covered");
    assert_eq!(record["rows"], 0);
    assert_eq!(record["files"], serde_json::json!(["db:acme/empty_view"]));
    assert!(
        report["notes"]
            .to_string()
            .contains("the inventory has no records"),
        "{}",
        report["notes"]
    );
}

/// An empty log read from a database is a supplied, empty log (as an
/// empty file with its header), visible in the coverage.
#[test]
fn an_empty_log_table_is_covered_with_no_rows() {
    let (_, report, _) = run_db_case(|m| m, |db| run_sql(db, "DELETE FROM notification"));
    let notification = report["coverage"]
        .as_array()
        .expect("coverage")
        .iter()
        .find(|c| c["collection"] == "notification")
        .unwrap_or_else(|| panic!("{:#}", report["coverage"]));
    assert_eq!(notification["rows"], 0);
    assert_eq!(notification["supplied"], true);
    assert_eq!(
        notification["files"],
        serde_json::json!(["db:acme/notification"])
    );
}

/// A log table with a `kind` column names each row's kind: its table's
/// name is then no source of that kind (docs/reports.md, "Data coverage"),
/// so with none of its rows a notification the kind is not supplied and
/// the run is not compliant. It was "supplied, 0 rows".
#[test]
fn a_log_table_with_a_kind_column_is_no_source_of_its_name() {
    let (code, report, _) = run_db_case(
        |m| m,
        |db| {
            run_sql(
                db,
                "DELETE FROM notification; ALTER TABLE notification ADD COLUMN kind TEXT",
            )
        },
    );
    let notification = report["coverage"]
        .as_array()
        .expect("coverage")
        .iter()
        .find(|c| c["collection"] == "notification")
        .unwrap_or_else(|| panic!("{:#}", report["coverage"]));
    assert_eq!(notification["supplied"], false, "{notification:#}");
    assert_eq!(notification["files"], serde_json::json!([]));
    assert_eq!(code, 2);
}

/// A log whose kind is unknown reads nothing and says so, even when its
/// result is empty (an empty result would otherwise pass unnoticed).
#[test]
fn a_log_of_no_known_kind_is_an_error() {
    let (code, report, _) = run_db_case(
        |m| {
            m.replace(
                "table: notification\n",
                "table: notification\n    kind: notifcation\n",
            )
        },
        |db| run_sql(db, "DELETE FROM notification"),
    );
    assert_eq!(code, 2);
    assert_error_with(
        &report,
        "`kind:` `notifcation` is no event kind of the schema",
    );
}

/// `--inventory FILE` replaces a database inventory as it replaces a file
/// one: the records are read once, from the file.
#[test]
fn a_flag_replaces_a_database_source_of_its_role() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let example = example();
    let tables = db_acme::write_sqlite(Path::new(&example), &dir.path().join("acme.db"));
    db_acme::copy_case_files(Path::new(&example), dir.path());
    let manifest = db_acme::manifest(Path::new(&example), "url: sqlite://acme.db", &tables);
    std::fs::write(dir.path().join("custodia.yaml"), manifest).expect("write");
    let inventory = format!("{example}/inventory.csv");
    let (_, out, err) = custodia_in(
        dir.path(),
        &["check", ".", "--format", "json", "--inventory", &inventory],
    );
    let report = json(&out);
    let inventories: Vec<&Value> = report["inputs"]
        .as_array()
        .expect("inputs")
        .iter()
        .filter(|i| i["role"] == "inventory")
        .collect();
    assert_eq!(inventories.len(), 1, "{err}{inventories:?}");
    assert!(
        inventories[0]["path"]
            .as_str()
            .is_some_and(|p| p.ends_with("inventory.csv")),
        "{inventories:?}"
    );
}

/// The notes of a report, as one text.
fn notes_of(report: &Value) -> String {
    report["notes"].to_string()
}

/// A `SELECT` that leaves out the `legal_hold` column reads every record
/// with the default `false`, as an export without the column does: the
/// same note, unmapped and mapped (it was silent for every database source
/// and for mapped files; review R9).
#[test]
fn a_result_without_a_defaulted_column_is_noted_mapped_or_not() {
    let select = "SELECT id, title, class, category, subject, personal_info, created, period_end, status, location, phone FROM 案卷目录";
    for mapping in ["", "  columns: { title: title }\n"] {
        let (_, _, report) = inventory_errors(
            &format!("  url: sqlite://acme.db\n  query: {select}\n{mapping}"),
            |_| {},
        );
        let notes = notes_of(&report);
        assert!(
            notes.contains("the query's result has no column `legal_hold`: every row of it was read with `legal_hold = false`"),
            "{mapping}: {notes}"
        );
    }
}

/// A log query whose `WHERE` filters every row (a typo'd year) reads as
/// "no such events": a note names the source and the rules that had
/// nothing to check (review R35; docs/databases.md).
#[test]
fn a_log_query_with_no_rows_is_noted_with_its_rules() {
    let (_, report, _) = run_db_case(
        |m| {
            m.replace(
                "table: access\n",
                "query: \"SELECT * FROM access WHERE at >= '2027-01-01'\"\n    kind: access\n",
            )
        },
        |_| {},
    );
    let notes = notes_of(&report);
    assert!(
        report["inputs"]
            .to_string()
            .contains("WHERE at >= '2027-01-01'"),
        "{:?}",
        errors_of(&report)
    );
    assert!(
        notes.contains("the database returned no rows for `access`, so the rules `access_purpose_recorded`, `pii_access_authorized` had nothing to check in it"),
        "{notes}"
    );
}

/// A `timeout_seconds:` past what a clock holds (`u64::MAX` for "no
/// timeout") is an error at its line, never a panic (review R11).
#[test]
fn a_huge_timeout_is_an_error_at_its_line() {
    let (code, errors, _) = inventory_errors(
        "  url: sqlite://acme.db\n  table: 案卷目录\n  timeout_seconds: 18446744073709551615\n",
        |_| {},
    );
    assert_eq!(code, 2, "{errors:?}");
    assert!(
        errors.iter().any(|e| e.starts_with("custodia.yaml: `timeout_seconds: 18446744073709551615` is longer than custodia accepts")),
        "{errors:?}"
    );
}

/// A table keyed by personal data (a customer's phone number, an
/// employee's name) names its rows by the id column, never by the key's
/// value (review R8; docs/databases.md).
#[test]
fn a_personal_primary_key_never_names_a_row() {
    let (_, report, stderr) = run_db_case(
        |m| m,
        |db| {
            run_sql(
                db,
                "CREATE TABLE t AS SELECT * FROM 案卷目录; DROP TABLE 案卷目录;
                 CREATE TABLE 案卷目录 (id TEXT, title TEXT, class TEXT, category TEXT, subject TEXT,
                   personal_info TEXT, created TEXT, period_end TEXT, status TEXT, legal_hold TEXT,
                   location TEXT, phone TEXT PRIMARY KEY);
                 INSERT INTO 案卷目录 SELECT id, title, class, category, subject, personal_info, created,
                   period_end, status, legal_hold, location, COALESCE(phone, 'p-' || id) FROM t;
                 UPDATE 案卷目录 SET created = '2022/06/15' WHERE phone = '13800001001';",
            )
        },
    );
    let text = format!("{report}{stderr}");
    assert!(!text.contains("13800001001"), "{text}");
    assert!(!text.contains("phone = "), "{text}");
    let errors = errors_of(&report);
    assert!(
        errors.iter().any(|e| e.contains("(row `id` = `R-1004`)")),
        "{errors:?}"
    );
}

/// Review R29: another process holding the SQLite file's lock for a moment
/// (an application writing) is waited for, not a spurious "database is
/// locked" input error on the entries read while it held it.
#[test]
fn a_lock_held_for_a_moment_by_a_writer_is_waited_for() {
    let (code, report, err) = run_db_case(
        |m| m,
        |db| {
            let db = db.to_path_buf();
            let (locked, is_locked) = std::sync::mpsc::channel();
            std::thread::spawn(move || {
                let c = rusqlite::Connection::open(&db).expect("open");
                c.execute_batch("BEGIN EXCLUSIVE").expect("lock");
                locked.send(()).expect("signal");
                std::thread::sleep(std::time::Duration::from_millis(1500));
                c.execute_batch("COMMIT").expect("unlock");
            });
            is_locked.recv().expect("the lock is taken");
        },
    );
    assert!(
        errors_of(&report).is_empty(),
        "{err}\n{:?}",
        errors_of(&report)
    );
    assert_eq!(report["complete"], true, "{err}");
    assert!(code == 0 || code == 1, "{err}");
}

/// One table of an OA system holding two kinds of rows, read by two log
/// entries told apart by `where:`, as the entries of one file are
/// (docs/databases.md). Read as two sources, each reported the other's
/// rows as "read by no entry" (found by the review of the piecewise
/// mapped reader).
#[test]
fn two_entries_split_one_table_by_where_as_they_split_a_file() {
    let entries = "logs:\n  - url: sqlite://acme.db\n    table: oa\n    kind: access\n    where: { 类型: 查阅 }\n    columns: { at: 时间, record: 档案号, actor: 人员, purpose: 事由 }\n  - url: sqlite://acme.db\n    table: oa\n    kind: access\n    where: { 类型: 调阅 }\n    columns: { at: 时间, record: 档案号, actor: 人员, purpose: 事由 }\n  - url: sqlite://acme.db\n    table: oa\n    kind: notification\n    where: { 类型: 通知 }\n    columns: { at: 时间, record: 档案号, channel: { constant: sms }, recipient: 人员 }\n";
    let (_, report, err) = run_db_case(
        |m| m.replacen("logs:\n", entries, 1),
        |db| {
            run_sql(
                db,
                "CREATE TABLE oa (类型 TEXT, 时间 TEXT, 档案号 TEXT, 人员 TEXT, 事由 TEXT);
                 INSERT INTO oa VALUES ('查阅', '2026-02-01 09:00', 'R-1001', 'S-01', '审计');
                 INSERT INTO oa VALUES ('调阅', '2026-02-02 09:00', 'R-1002', 'S-01', '核对');
                 INSERT INTO oa VALUES ('查阅', '2026-02-03 09:00', 'R-1003', 'S-01', '审计');
                 INSERT INTO oa VALUES ('通知', '2026-02-04 09:00', 'R-1003', '张三 13800000000', '');",
            )
        },
    );
    assert_eq!(errors_of(&report), Vec::<String>::new(), "{err}");
    let inputs = report["inputs"].as_array().expect("inputs");
    let oa: Vec<&Value> = inputs
        .iter()
        .filter(|i| i["path"].as_str().is_some_and(|p| p.ends_with("/oa")))
        .collect();
    assert_eq!(oa.len(), 1, "one source: {oa:?}");
    assert_eq!(oa[0]["rows"], 4, "{oa:?}");
}

/// The case of `kind_column_case`: a log `events` holding an access and a
/// destruction in its `kind` column, read from `events.csv` or from the
/// table `events` of `ev.db` through `entry` (the keys after the source's).
fn kind_column_case(from_db: bool, entry: &str) -> (i32, Value) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("policies")).expect("mkdir");
    std::fs::write(
        root.join("policies/rules.policy"),
        "schema {\n  record { id: id  title: text }\n  event access { record: ref record  actor: text }\n  event destruction { record: ref record  method: one of \"shred\", \"pulp\" }\n}\n\
         rule read { for access a require a.actor == \"nobody\" else \"{a.record.id} read by {a.actor}\" }\n\
         rule destroyed { for destruction d require d.method == \"pulp\" else \"{d.record.id} shredded\" }\n",
    )
    .expect("policy");
    std::fs::write(root.join("inventory.csv"), "id,title\nR-1,a\nR-2,b\n").expect("inventory");
    let rows = [
        ["access", "2026-03-01T09:00:00+08:00", "R-1", "S-01", ""],
        [
            "destruction",
            "2026-03-02T09:00:00+08:00",
            "R-2",
            "S-02",
            "shred",
        ],
    ];
    let source = if from_db {
        let conn = rusqlite::Connection::open(root.join("ev.db")).expect("create");
        conn.execute_batch(
            "CREATE TABLE events (kind TEXT, at TEXT, record TEXT, actor TEXT, method TEXT)",
        )
        .expect("create a table");
        for row in &rows {
            conn.execute("INSERT INTO events VALUES (?1, ?2, ?3, ?4, ?5)", row)
                .expect("insert");
        }
        "url: sqlite://ev.db\n    table: events"
    } else {
        let mut csv = String::from("kind,at,record,actor,method\n");
        for row in &rows {
            csv.push_str(&row.join(","));
            csv.push('\n');
        }
        std::fs::write(root.join("events.csv"), csv).expect("events");
        "file: events.csv"
    };
    std::fs::write(
        root.join("custodia.yaml"),
        format!("as_of: 2026-11-27\nlogs:\n  - {source}\n    {entry}\ntime_zone: Asia/Shanghai\n"),
    )
    .expect("manifest");
    let args = ["check", ".", "--format", "json", common::ACCEPT_OWN_SCHEMA];
    let (code, out, err) = custodia_in(root, &args);
    assert!(err.is_empty() || code != 0, "{err}");
    (code, json(&out))
}

/// The violations' messages, and the input errors', of a report.
fn messages_and_errors(report: &Value) -> (Vec<String>, Vec<String>) {
    let texts = |key: &str, field: &str| -> Vec<String> {
        let mut v: Vec<String> = report[key]
            .as_array()
            .expect("a list")
            .iter()
            .map(|x| x[field].as_str().unwrap_or_default().to_string())
            .collect();
        v.sort();
        v
    };
    (
        texts("violations", "message"),
        texts("input_errors", "message"),
    )
}

/// A `kind` column wins over the `kind:` of an entry that maps nothing
/// else, for a file as for a database table (docs/databases.md promised
/// it for tables; a file read the destruction row as an access, noting
/// only that column `kind` was not mapped).
#[test]
fn a_kind_column_wins_over_a_kind_alone_entry_in_a_file_as_in_a_table() {
    for from_db in [false, true] {
        let (code, report) = kind_column_case(from_db, "kind: access");
        let (violations, errors) = messages_and_errors(&report);
        assert_eq!(
            violations,
            ["R-1 read by S-01", "R-2 shredded"],
            "from_db {from_db}: {report:#}"
        );
        assert_eq!(errors, Vec::<String>::new(), "from_db {from_db}");
        assert_eq!(code, 1, "from_db {from_db}");
    }
}

/// An entry that maps columns reads its rows into its one kind: a row
/// whose `kind` column names another is an input error at the row, not
/// read, for a file as for a table. It was read as the entry's kind (a
/// destruction became an access of R-2 by S-02) with only a note.
#[test]
fn a_mapped_entry_reads_no_row_of_another_kind_from_a_file_or_a_table() {
    for from_db in [false, true] {
        let (code, report) =
            kind_column_case(from_db, "kind: access\n    columns: { actor: actor }");
        let (violations, errors) = messages_and_errors(&report);
        assert_eq!(
            violations,
            ["R-1 read by S-01"],
            "from_db {from_db}: {report:#}"
        );
        assert_eq!(errors.len(), 1, "from_db {from_db}: {errors:?}");
        assert!(
            errors[0].starts_with("column `kind` names `destruction`, but the entry at custodia.yaml line 3 reads its rows as `access` events; the row was not read"),
            "from_db {from_db}: {errors:?}"
        );
        let line = &report["input_errors"][0]["line"];
        // The table's second row; the file's third line, below its header.
        let expected = if from_db { 2 } else { 3 };
        assert_eq!(line, expected, "from_db {from_db}");
        assert_eq!(code, 2, "from_db {from_db}: the check is incomplete");
    }
}

/// A `kind:` that names no event kind is an error at its entry, for a file
/// as for a table, even when every row names its own kind in a `kind`
/// column: the typo went unseen, the rows read as their column said.
#[test]
fn an_unknown_kind_beside_a_kind_column_is_an_error_in_a_file_as_in_a_table() {
    for from_db in [false, true] {
        let (code, report) = kind_column_case(from_db, "kind: acess");
        let (violations, errors) = messages_and_errors(&report);
        assert_eq!(violations, Vec::<String>::new(), "from_db {from_db}");
        assert_eq!(errors.len(), 1, "from_db {from_db}: {errors:?}");
        assert!(
            errors[0].contains("acess") && errors[0].contains("access"),
            "from_db {from_db}: {errors:?}"
        );
        assert_eq!(code, 2, "from_db {from_db}");
    }
}

/// Makes the page holding the last rows of `table` unreachable in the
/// SQLite file `db`: its parent (the table's root, an interior page) is
/// made to end at the child before it. Every read still succeeds, without
/// those rows; only `PRAGMA quick_check` tells (hostile review).
fn orphan_last_leaf(db: &Path, table: &str) {
    let c = rusqlite::Connection::open(db).expect("open");
    // One row a page: the table's root becomes an interior page.
    c.execute_batch(&format!(
        "UPDATE \"{table}\" SET place = place || hex(randomblob(1500)); VACUUM;"
    ))
    .expect("rows made large");
    let page = c
        .query_row("PRAGMA page_size", [], |r| r.get::<_, i64>(0))
        .expect("page size") as usize;
    let root = c
        .query_row(
            "SELECT rootpage FROM sqlite_schema WHERE name = ?1",
            [table],
            |r| r.get::<_, i64>(0),
        )
        .expect("root page") as usize;
    drop(c);
    let mut bytes = std::fs::read(db).expect("read");
    let start = (root - 1) * page;
    let header = start + if root == 1 { 100 } else { 0 };
    assert_eq!(bytes[header], 5, "the root is an interior table page");
    let cells = u16::from_be_bytes([bytes[header + 3], bytes[header + 4]]) as usize;
    let at = header + 12 + 2 * (cells - 1);
    let last = u16::from_be_bytes([bytes[at], bytes[at + 1]]) as usize;
    let left: [u8; 4] = bytes[start + last..start + last + 4]
        .try_into()
        .expect("a page number");
    bytes[header + 8..header + 12].copy_from_slice(&left);
    bytes[header + 3..header + 5].copy_from_slice(&((cells - 1) as u16).to_be_bytes());
    std::fs::write(db, bytes).expect("write");
    let c = rusqlite::Connection::open(db).expect("open");
    let read: i64 = c
        .query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
            r.get(0)
        })
        .expect("the damaged table still reads");
    assert!(read > 0);
}

/// A SQLite file whose structure is damaged reads without an error, short
/// of the rows on the page no b-tree reaches: `PRAGMA quick_check`, run
/// once on each database, makes it an input error with SQLite's findings,
/// never a pass (docs/databases.md, "A damaged file").
#[test]
fn a_damaged_sqlite_file_is_an_input_error_with_sqlites_findings() {
    let (code, report, err) = run_db_case(|m| m, |db| orphan_last_leaf(db, "destruction"));
    assert_eq!(code, 2, "{err}");
    assert_eq!(report["complete"], false);
    let errors = errors_of(&report);
    let damaged: Vec<&String> = errors
        .iter()
        .filter(|e| e.starts_with("db:acme/: the SQLite file `acme.db` is damaged: SQLite's integrity check (`PRAGMA quick_check`) found: "))
        .collect();
    assert_eq!(damaged.len(), 1, "{errors:?}");
    assert!(damaged[0].contains("never used"), "{}", damaged[0]);
    assert!(!damaged[0].contains("***"), "{}", damaged[0]);
    assert!(
        damaged[0].ends_with("Rows on damaged pages can be missing from what was read without any error, so the check cannot rely on this file: restore it from a backup, or export the database again, and check that copy"),
        "{}",
        damaged[0]
    );
    let (_, zh, _) = run_db_case_with(
        &["--lang", "zh"],
        |m| m,
        |db| orphan_last_leaf(db, "destruction"),
    );
    assert!(
        errors_of(&zh)
            .iter()
            .any(|e| e.starts_with("db:acme/: SQLite 文件 `acme.db` 已损坏：SQLite 的完整性检查（`PRAGMA quick_check`）发现：")),
        "{:?}",
        errors_of(&zh)
    );
}

/// Copies the SQLite file `db` into a scratch folder, runs `change` on the
/// copy inside a transaction left open, and copies the files back while
/// it is: a copy taken from a live system, with its journal.
fn copy_taken_mid_write(db: &Path, journal_mode: &str, change: &str, commit: bool) {
    let scratch = tempfile::tempdir().expect("a temp dir");
    let work = scratch.path().join("work.db");
    std::fs::copy(db, &work).expect("copy");
    let c = rusqlite::Connection::open(&work).expect("open");
    c.execute_batch(&format!(
        "PRAGMA journal_mode = {journal_mode}; PRAGMA wal_autocheckpoint = 0; PRAGMA cache_size = 1;"
    ))
    .expect("set up");
    c.execute_batch("BEGIN").expect("begin");
    c.execute_batch(change).expect("change");
    if commit {
        c.execute_batch("COMMIT").expect("commit");
    }
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let from = scratch.path().join(format!("work.db{suffix}"));
        if from.exists() {
            let mut to = db.as_os_str().to_owned();
            to.push(suffix);
            std::fs::copy(&from, to).expect("copy back");
        }
    }
    drop(c);
}

/// A copy taken while a transaction was under way carries a hot rollback
/// journal: SQLite must roll it back before reading, which a read-only
/// open cannot, and said only "attempt to write a readonly database". The
/// error says what the journal means and how to recover the file.
#[test]
fn a_hot_journal_says_an_interrupted_transaction_and_how_to_recover() {
    let spill = "DELETE FROM destruction; CREATE TABLE junk (a TEXT); \
                 WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) \
                 INSERT INTO junk SELECT hex(randomblob(100)) FROM n;";
    let (code, report, err) =
        run_db_case(|m| m, |db| copy_taken_mid_write(db, "DELETE", spill, false));
    assert_eq!(code, 2, "{err}");
    let errors = errors_of(&report);
    assert!(
        errors.iter().any(|e| e.starts_with("db:acme/案卷目录: cannot read the SQLite database `")
            && e.contains("acme.db-journal` beside it means a transaction was interrupted (a crash, or a copy taken while the file was being written)")
            && e.contains("open the database once in SQLite (`sqlite3 ")
            && e.ends_with("(SQLite said: attempt to write a readonly database)")),
        "{errors:?}"
    );
    // The journal is no file of the case left unread.
    assert!(
        !report["not_read"].to_string().contains("acme.db-journal"),
        "{report}"
    );
}

/// The write-ahead log beside a SQLite file is read with it (its changes
/// not yet copied into the file are the database's): it and its index are
/// noted as parts of the database, not listed as files not read.
#[test]
fn a_write_ahead_log_is_read_as_part_of_its_database() {
    let (code, report, err) = run_db_case(
        |m| m,
        |db| copy_taken_mid_write(db, "WAL", "DELETE FROM notification;", true),
    );
    assert!(code == 0 || code == 1, "{err}");
    assert!(errors_of(&report).is_empty(), "{:?}", errors_of(&report));
    let notification = report["coverage"]
        .as_array()
        .expect("coverage")
        .iter()
        .find(|c| c["collection"] == "notification")
        .expect("covered");
    assert_eq!(notification["rows"], 0, "the log's change was read");
    let not_read = report["not_read"].to_string();
    assert!(!not_read.contains("acme.db-"), "{not_read}");
    let note = |file: &str| {
        let notes = report["notes"].as_array().expect("notes");
        let found = notes.iter().find(|n| n["file"] == file);
        found.map_or(String::new(), |n| {
            n["message"].as_str().unwrap_or("").to_string()
        })
    };
    assert_eq!(
        note("acme.db-wal"),
        "the write-ahead log of the SQLite database `acme.db`, read as part of it: the \
         changes it holds that are not yet copied into the file were read too"
    );
    assert_eq!(
        note("acme.db-shm"),
        "the index of the write-ahead log of the SQLite database `acme.db`, used to read it"
    );
}

/// SQLite's own words are English: under `--lang zh` a Chinese sentence
/// says first what failed, SQLite's text kept as the detail.
#[test]
fn a_sqlite_error_says_in_the_reports_language_what_failed() {
    let edit = |m: String| {
        let start = m.find("inventory:\n").expect("an inventory entry");
        let end = m.find("logs:\n").expect("logs");
        format!(
            "{}inventory:\n  url: sqlite://acme.db\n  query: SELECT nope FROM 案卷目录\n{}",
            &m[..start],
            &m[end..]
        )
    };
    let (_, en, _) = run_db_case(edit, |_| {});
    assert!(
        errors_of(&en)
            .iter()
            .any(|e| e.ends_with("SQLite could not prepare the statement: no such column: nope")),
        "{:?}",
        errors_of(&en)
    );
    let (_, zh, _) = run_db_case_with(&["--lang", "zh"], edit, |_| {});
    assert!(
        errors_of(&zh)
            .iter()
            .any(|e| e.ends_with("SQLite 未能解析该语句；SQLite 报告：no such column: nope")),
        "{:?}",
        errors_of(&zh)
    );
}
