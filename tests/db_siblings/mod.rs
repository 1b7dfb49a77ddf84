//! A destruction log split by year on a database server: an entry reads
//! `destruction_2026`, and `destruction_2025` beside it holds the
//! destruction of a record under legal hold. Listing it was the SQLite
//! fix; a server lists only such tables, named as one read but for their
//! digits, as input errors (docs/databases.md, "Tables no entry reads").
//! Shared by the PostgreSQL and MariaDB tests, which make the tables.
#![allow(dead_code)]

use std::path::Path;

use serde_json::Value;

use super::common::{rec, Case, ACCEPT_OWN_SCHEMA, PACKS_LEFT_OUT_BY_SCHEMA};

/// The rule of the SQLite tests too (`tests/database_tables_unread.rs`).
pub const RULE: &str = r#"
rule no_destruction_under_legal_hold {
  title "Records under legal hold are not destroyed"
  cite "none"
  for record r where r.legal_hold
  forbid destruction d on d.record == r.id
    else "{r.id} is under legal hold but was destroyed"
}
"#;

/// The statements that make the tables, in SQL both servers take: R-1's
/// destruction in `destruction_2025`, R-2's in `destruction_2026`, and a
/// table of the application.
pub const TABLES: [&str; 5] = [
    "CREATE TABLE destruction_2026 (id VARCHAR(16) PRIMARY KEY, at VARCHAR(40), record VARCHAR(16), method VARCHAR(16), place VARCHAR(16), witnesses VARCHAR(16))",
    "INSERT INTO destruction_2026 VALUES ('D-2', '2026-03-01T02:00:00Z', 'R-2', 'shred', 'B1', 'A;B')",
    "CREATE TABLE destruction_2025 (id VARCHAR(16) PRIMARY KEY, at VARCHAR(40), record VARCHAR(16), method VARCHAR(16), place VARCHAR(16), witnesses VARCHAR(16))",
    "INSERT INTO destruction_2025 VALUES ('D-1', '2025-03-01T02:00:00Z', 'R-1', 'shred', 'B1', 'A;B')",
    "CREATE TABLE app_users (name VARCHAR(16))",
];

/// A case whose destruction log is `logs` (entries under `logs:`).
pub fn case(logs: &str, ignore: &str) -> tempfile::TempDir {
    let rows = rec("R-1", &[("legal_hold", "true")]) + &rec("R-2", &[]);
    Case::with(RULE, &rows)
        .file("custodia.yaml", &format!("logs:\n{logs}{ignore}"))
        .write()
}

/// `check --format json` with the server's URL in `SIBLINGS_DB_URL` (a
/// server's URL is only ever given through the environment).
/// The fixture's own `record` schema leaves the statute packs out: the
/// run accepts it, so the exit status is the case's.
pub fn check(dir: &Path, url: &str) -> (i32, Value) {
    check_with(dir, url, &[ACCEPT_OWN_SCHEMA])
}

/// `check`, with `more` arguments.
pub fn check_with(dir: &Path, url: &str, more: &[&str]) -> (i32, Value) {
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_custodia"))
        .current_dir(dir)
        .args(["check", ".", "--format", "json", "--lang", "en"])
        .args(more)
        .env("SIBLINGS_DB_URL", url)
        .output()
        .expect("run custodia");
    let code = run.status.code().unwrap_or(-1);
    let (out, err) = (
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr),
    );
    let report = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    (code, report)
}

/// Every case against the database at `url` (made with `TABLES`), its
/// name in reports `name`.
pub fn every_case(url: &str, name: &str) {
    let by_table = "  - {url_env: SIBLINGS_DB_URL, table: destruction_2026, kind: destruction}\n";
    let (code, report) = check(case(by_table, "").path(), url);
    assert_eq!(code, 2, "{report}");
    let errors = report["input_errors"].to_string();
    assert!(
        errors.contains(&format!("\"file\":\"db:{name}/destruction_2025\""))
            && errors.contains("is named as `destruction_2026`, which an entry reads"),
        "{errors}"
    );
    assert!(!errors.contains("app_users"), "{errors}");
    assert_ne!(report["verdict"]["status"], "COMPLIANT");

    let by_query = "  - url_env: SIBLINGS_DB_URL\n    kind: destruction\n    \
                    query: SELECT * FROM destruction_2026 WHERE method <> 'none'\n";
    let (code, report) = check(case(by_query, "").path(), url);
    assert_eq!(code, 2, "{report}");
    assert!(report["input_errors"]
        .to_string()
        .contains("destruction_2025"));

    // Said to stay unread: the 2025 rows are data left out, named in the
    // verdict (it passed, exit 0, before: 2026-12-07); accepted, the check
    // runs on 2026 alone (R-2 not held).
    let ignored = format!("ignore: [\"db:{name}/destruction_2025\"]\n");
    let path = format!("db:{name}/destruction_2025");
    ignored_is_left_out(case(by_table, &ignored).path(), url, &path, 3);

    // Both years read: the held record's destruction is found.
    let both = "  - url_env: SIBLINGS_DB_URL\n    kind: destruction\n    \
                query: SELECT * FROM destruction_2025 UNION ALL SELECT * FROM destruction_2026\n";
    let (code, report) = check(case(both, "").path(), url);
    assert_eq!(code, 1, "{report}");
    assert_eq!(report["input_errors"], serde_json::json!([]));
}

/// An ignored table holding rows (`path`, as the report names it) leaves
/// the run NOT FULLY CHECKED, exit 2, naming it; `--allow-skipped`
/// accepts it, and the run has no input error.
fn ignored_is_left_out(dir: &Path, url: &str, path: &str, line: usize) {
    let (code, report) = check_with(dir, url, &[]);
    assert_eq!(code, 2, "{report}");
    assert_eq!(
        report["verdict"]["not_checked"],
        format!(
            "{path}, which holds data, left out unchecked by `ignore:` (custodia.yaml line \
             {line}); {PACKS_LEFT_OUT_BY_SCHEMA}"
        ),
        "{report}"
    );
    let (code, report) = check_with(dir, url, &["--allow-skipped"]);
    assert_eq!(
        (code, &report["input_errors"]),
        (0, &serde_json::json!([])),
        "{report}"
    );
}

/// The statements that make, in schema (PostgreSQL) or database (MySQL)
/// `schema`, the tables of `TABLES` but the application's.
pub fn tables_in(schema: &str) -> Vec<String> {
    TABLES[..4]
        .iter()
        .map(|sql| {
            sql.replace("TABLE destruction", &format!("TABLE {schema}.destruction"))
                .replace("INTO destruction", &format!("INTO {schema}.destruction"))
        })
        .collect()
}

/// The log kept in `schema`, off the search path (PostgreSQL) or another
/// database than the URL's (MySQL), made with `tables_in`, the URL's own
/// holding only `app_users`: a query reading
/// `schema.destruction_2026` leaves `schema.destruction_2025` unread, an
/// input error naming it so (it said nothing, and exit 0, before).
pub fn other_schema(url: &str, name: &str, schema: &str) {
    let by_query = format!(
        "  - url_env: SIBLINGS_DB_URL\n    kind: destruction\n    \
         query: SELECT * FROM {schema}.destruction_2026\n"
    );
    let (code, report) = check(case(&by_query, "").path(), url);
    assert_eq!(code, 2, "{report}");
    let errors = report["input_errors"].to_string();
    assert!(
        errors.contains(&format!("\"file\":\"db:{name}/{schema}.destruction_2025\""))
            && errors.contains(&format!(
                "is named as `{schema}.destruction_2026`, which an entry reads"
            )),
        "{errors}"
    );
    assert!(!errors.contains("app_users"), "{errors}");

    let ignored = format!("ignore: [\"db:{name}/{schema}.destruction_2025\"]\n");
    let path = format!("db:{name}/{schema}.destruction_2025");
    ignored_is_left_out(case(&by_query, &ignored).path(), url, &path, 5);

    let both = format!(
        "  - url_env: SIBLINGS_DB_URL\n    kind: destruction\n    \
         query: SELECT * FROM {schema}.destruction_2025 UNION ALL SELECT * FROM {schema}.destruction_2026\n"
    );
    let (code, report) = check(case(&both, "").path(), url);
    assert_eq!(code, 1, "{report}");
    assert_eq!(report["input_errors"], serde_json::json!([]));
}
