//! Database sources read from a real PostgreSQL server started by
//! `scripts/db-servers test` (docs/databases.md). Without the server (no
//! `CUSTODIA_TEST_PG_URL`) each test says it was skipped and passes; built
//! without the `postgres` feature, there is nothing here.
#![cfg(feature = "postgres")]

mod common;
mod db_acme;

use std::path::Path;

use common::{custodia_in, example};
use serde_json::Value;

/// The server's URL (to its `postgres` database), or `None` after a
/// visible message that the test was skipped.
fn server(test: &str) -> Option<String> {
    match std::env::var("CUSTODIA_TEST_PG_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            eprintln!("skipped {test}: no PostgreSQL server (run scripts/db-servers test)");
            None
        }
    }
}

/// A fresh database `name` on the server holding the acme tables, typed
/// (dates, timestamptz, booleans, text[]); its URL.
fn acme_database(url: &str, name: &str) -> String {
    let mut admin = postgres::Client::connect(url, postgres::NoTls).expect("connect");
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
        .expect("drop a database");
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("create a database");
    let db_url = format!("{}/{name}", url.rsplit_once('/').expect("a URL path").0);
    let mut c = postgres::Client::connect(&db_url, postgres::NoTls).expect("connect");
    // The example's naive datetimes are in the case's time zone.
    c.batch_execute("SET TimeZone = 'Asia/Shanghai'; CREATE SEQUENCE custodia_seq")
        .expect("set up");
    for t in db_acme::tables(Path::new(&example())) {
        let cols: Vec<String> = t
            .columns
            .iter()
            .map(|col| {
                let pk = if t.role != "logs" && col == "id" {
                    " PRIMARY KEY"
                } else {
                    ""
                };
                format!("\"{col}\" {}{pk}", db_acme::sql_type(col))
            })
            .collect();
        c.batch_execute(&format!(
            "CREATE TABLE \"{}\" ({})",
            t.name,
            cols.join(", ")
        ))
        .expect("create a table");
        let values: Vec<String> = t
            .columns
            .iter()
            .enumerate()
            .map(|(i, col)| match db_acme::sql_type(col) {
                "TEXT[]" => format!("string_to_array(${}, ';')", i + 1),
                ty => format!("${}::text::{ty}", i + 1),
            })
            .collect();
        let sql = format!("INSERT INTO \"{}\" VALUES ({})", t.name, values.join(", "));
        for row in &t.rows {
            let cells: Vec<Option<String>> = row
                .iter()
                .zip(&t.columns)
                .map(|(v, col)| match (v, db_acme::sql_type(col)) {
                    (Some(v), "BOOLEAN") => Some(db_acme::sql_bool(v).to_string()),
                    (v, _) => v.clone(),
                })
                .collect();
            let params: Vec<&(dyn postgres::types::ToSql + Sync)> =
                cells.iter().map(|c| c as _).collect();
            c.execute(&sql, &params).expect("insert a row");
        }
    }
    db_url
}

/// Runs `custodia check` on a case reading every acme source from
/// `db_url` (through `ACME_DB_URL`), with `edit` applied to its manifest.
fn run(db_url: &str, edit: impl Fn(String) -> String) -> (i32, Value, String) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let ex = example();
    let tables = db_acme::tables(Path::new(&ex));
    db_acme::copy_case_files(Path::new(&ex), dir.path());
    let manifest = db_acme::manifest(Path::new(&ex), "url_env: ACME_DB_URL", &tables);
    std::fs::write(dir.path().join("custodia.yaml"), edit(manifest)).expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_custodia"))
        .current_dir(dir.path())
        .args(["check", ".", "--format", "json"])
        .env("ACME_DB_URL", db_url)
        .output()
        .expect("run custodia");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let report = if stdout.trim().is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&stdout).expect("a JSON report")
    };
    (
        out.status.code().unwrap_or(-1),
        report,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn errors_of(report: &Value) -> String {
    report["input_errors"].to_string()
}

fn with_inventory(entry: &'static str) -> impl Fn(String) -> String {
    move |m: String| {
        let start = m.find("inventory:\n").expect("an inventory entry");
        let end = m.find("logs:\n").expect("logs");
        format!("{}inventory:\n{entry}{}", &m[..start], &m[end..])
    }
}

#[test]
fn the_acme_case_read_from_postgresql_gives_the_file_report() {
    let Some(url) = server("the_acme_case_read_from_postgresql_gives_the_file_report") else {
        return;
    };
    let db = acme_database(&url, "custodia_acme");
    let (code, from_db, err) = run(&db, |m| m);
    let (file_code, from_files, _) = custodia_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["check", &example(), "--format", "json"],
    );
    assert_eq!(code, file_code, "{err}\n{}", errors_of(&from_db));
    assert_eq!(from_db["input_errors"], serde_json::json!([]));
    let from_files: Value = serde_json::from_str(&from_files).expect("a report");
    assert_eq!(
        db_acme::without_provenance(from_db.clone()),
        db_acme::without_provenance(from_files)
    );
    let inputs = from_db["inputs"].to_string();
    assert!(inputs.contains("db:custodia_acme/案卷目录"), "{inputs}");
}

#[test]
fn server_errors_are_input_errors_naming_the_source() {
    let Some(url) = server("server_errors_are_input_errors_naming_the_source") else {
        return;
    };
    let db = acme_database(&url, "custodia_errors");
    let cases: [(&str, &'static str, &str); 6] = [
        (
            "a missing table",
            "  url_env: ACME_DB_URL\n  table: 案卷目\n",
            "the database has no table or view `案卷目`; did you mean `案卷目录`?",
        ),
        (
            "a missing column",
            "  url_env: ACME_DB_URL\n  query: SELECT id, titel FROM 案卷目录\n",
            "column \\\"titel\\\" does not exist",
        ),
        (
            "a write hidden in a WITH",
            "  url_env: ACME_DB_URL\n  query: WITH d AS (DELETE FROM 案卷目录 RETURNING *) SELECT * FROM d\n",
            "data-modifying statement",
        ),
        (
            "a write through a function",
            "  url_env: ACME_DB_URL\n  query: SELECT r.*, nextval('custodia_seq') AS n FROM 案卷目录 r\n",
            "in a read-only transaction",
        ),
        (
            "a statement past its timeout",
            "  url_env: ACME_DB_URL\n  timeout_seconds: 1\n  query: SELECT r.* FROM 案卷目录 r, pg_sleep(5)\n",
            "the statement timeout was reached",
        ),
        (
            "not a SELECT",
            "  url_env: ACME_DB_URL\n  query: TRUNCATE 案卷目录\n",
            "not a SELECT",
        ),
    ];
    for (what, entry, expected) in cases {
        let (code, report, err) = run(&db, with_inventory(entry));
        assert_eq!(code, 2, "{what}: {err}");
        assert!(
            errors_of(&report).contains(expected),
            "{what}: {}",
            errors_of(&report)
        );
        assert_ne!(report["verdict"]["status"], "COMPLIANT", "{what}");
    }
    // Nothing was deleted.
    let mut c = postgres::Client::connect(&db, postgres::NoTls).expect("connect");
    let n: i64 = c
        .query_one("SELECT count(*) FROM 案卷目录", &[])
        .expect("count")
        .get(0);
    assert_eq!(n, 14);
}

#[test]
fn a_refused_login_and_an_unreachable_server_are_input_errors() {
    let Some(url) = server("a_refused_login_and_an_unreachable_server_are_input_errors") else {
        return;
    };
    let wrong = url.replacen(":custodia-test-only@", ":wrong-password@", 1);
    assert_ne!(
        wrong, url,
        "the test URL has the scripts/db-servers password"
    );
    let (code, report, _) = run(&wrong, |m| m);
    assert_eq!(code, 2);
    let errors = errors_of(&report);
    assert!(errors.contains("refused the login"), "{errors}");
    assert!(!errors.contains("wrong-password"), "{errors}");
    let (code, report, _) = run("postgres://custodia:x@127.0.0.1:9/nowhere", |m| m);
    assert_eq!(code, 2);
    assert!(
        errors_of(&report).contains("cannot reach the server at postgres://127.0.0.1:9/nowhere"),
        "{}",
        errors_of(&report)
    );
}
