//! Database sources read from a real MariaDB server started by
//! `scripts/db-servers test` (docs/databases.md). Without the server (no
//! `CUSTODIA_TEST_MY_URL`) each test says it was skipped and passes; built
//! without the `mysql` feature, there is nothing here.
#![cfg(feature = "mysql")]

mod common;
mod db_acme;
mod db_siblings;

use std::path::Path;

use common::{custodia_in, example};
use mysql::prelude::Queryable;
use serde_json::Value;

fn server(test: &str) -> Option<String> {
    match std::env::var("CUSTODIA_TEST_MY_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            eprintln!("skipped {test}: no MariaDB server (run scripts/db-servers test)");
            None
        }
    }
}

/// MariaDB's type for an acme column: no arrays (a list is `;`-separated
/// text), `TIMESTAMP` stored in UTC, bools as `TINYINT(1)`.
fn my_type(column: &str, key: bool) -> &'static str {
    match db_acme::sql_type(column) {
        _ if key => "VARCHAR(64)",
        "TIMESTAMPTZ" => "TIMESTAMP NULL",
        "TEXT[]" => "TEXT",
        "BOOLEAN" => "BOOLEAN",
        "DATE" => "DATE",
        _ => "TEXT",
    }
}

/// An example datetime as MariaDB's UTC `YYYY-MM-DD HH:MM:SS` (the naive
/// ones are in the case's time zone, Asia/Shanghai).
fn utc(text: &str) -> String {
    let ts = text.parse::<jiff::Timestamp>().unwrap_or_else(|_| {
        let civil: jiff::civil::DateTime = text.replacen(' ', "T", 1).parse().expect("a datetime");
        civil
            .in_tz("Asia/Shanghai")
            .expect("a Shanghai time")
            .timestamp()
    });
    ts.strftime("%Y-%m-%d %H:%M:%S").to_string()
}

/// Drops and creates the database `name` on the server at `url` (empty,
/// UTF-8); its URL.
fn fresh_database(admin: &mut mysql::Conn, url: &str, name: &str) -> String {
    admin
        .query_drop(format!("DROP DATABASE IF EXISTS {name}"))
        .expect("drop");
    admin
        .query_drop(format!("CREATE DATABASE {name} CHARACTER SET utf8mb4"))
        .expect("create");
    format!("{}/{name}", url.rsplit_once('/').expect("a URL path").0)
}

fn connect(url: &str) -> mysql::Conn {
    mysql::Conn::new(mysql::Opts::from_url(url).expect("a URL")).expect("connect")
}

fn acme_database(url: &str, name: &str) -> String {
    let db_url = fresh_database(&mut connect(url), url, name);
    let mut c = connect(&db_url);
    c.query_drop("SET time_zone = '+00:00'").expect("set");
    for t in db_acme::tables(Path::new(&example())) {
        let cols: Vec<String> = t
            .columns
            .iter()
            .map(|col| {
                let key = t.role != "logs" && col == "id";
                let pk = if key { " PRIMARY KEY" } else { "" };
                format!("`{col}` {}{pk}", my_type(col, key))
            })
            .collect();
        c.query_drop(format!("CREATE TABLE `{}` ({})", t.name, cols.join(", ")))
            .expect("create a table");
        let marks = vec!["?"; t.columns.len()].join(", ");
        let sql = format!("INSERT INTO `{}` VALUES ({marks})", t.name);
        for row in &t.rows {
            let cells: Vec<mysql::Value> = row
                .iter()
                .zip(&t.columns)
                .map(|(v, col)| match (v, db_acme::sql_type(col)) {
                    (None, _) => mysql::Value::NULL,
                    (Some(v), "BOOLEAN") => {
                        mysql::Value::from(i64::from(db_acme::sql_bool(v) == "true"))
                    }
                    (Some(v), "TIMESTAMPTZ") => mysql::Value::from(utc(v)),
                    (Some(v), _) => mysql::Value::from(v.as_str()),
                })
                .collect();
            c.exec_drop(&sql, cells).expect("insert a row");
        }
    }
    db_url
}

fn run(db_url: &str, edit: impl Fn(String) -> String) -> (i32, Value, String) {
    db_acme::check_from_url(Path::new(&example()), db_url, edit)
}

fn with_inventory(entry: &'static str) -> impl Fn(String) -> String {
    move |m: String| {
        let start = m.find("inventory:\n").expect("an inventory entry");
        let end = m.find("logs:\n").expect("logs");
        format!("{}inventory:\n{entry}{}", &m[..start], &m[end..])
    }
}

#[test]
fn the_acme_case_read_from_mariadb_gives_the_file_report() {
    let Some(url) = server("the_acme_case_read_from_mariadb_gives_the_file_report") else {
        return;
    };
    let db = acme_database(&url, "custodia_acme");
    let (code, from_db, err) = run(&db, |m| m);
    let (file_code, from_files, _) = custodia_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["check", &example(), "--format", "json", "--allow-skipped"],
    );
    assert_eq!(code, file_code, "{err}\n{}", from_db["input_errors"]);
    assert_eq!(from_db["input_errors"], serde_json::json!([]));
    let from_files: Value = serde_json::from_str(&from_files).expect("a report");
    assert_eq!(
        db_acme::without_provenance(from_db.clone()),
        db_acme::without_provenance(from_files)
    );
    assert!(
        from_db["inputs"]
            .to_string()
            .contains("db:custodia_acme/案卷目录"),
        "{}",
        from_db["inputs"]
    );
}

#[test]
fn mariadb_errors_are_input_errors_naming_the_source() {
    let Some(url) = server("mariadb_errors_are_input_errors_naming_the_source") else {
        return;
    };
    let db = acme_database(&url, "custodia_errors");
    let cases: [(&str, &'static str, &str); 4] = [
        (
            "a missing table",
            "  url_env: ACME_DB_URL\n  table: 案卷目\n",
            "the database has no table or view `案卷目`; did you mean `案卷目录`?",
        ),
        (
            "a missing column",
            "  url_env: ACME_DB_URL\n  query: SELECT id, titel FROM 案卷目录\n",
            "Unknown column",
        ),
        (
            "a statement past its timeout",
            "  url_env: ACME_DB_URL\n  timeout_seconds: 1\n  query: SELECT r.*, SLEEP(5) AS s FROM 案卷目录 r\n",
            "the statement timeout was reached",
        ),
        (
            "not a SELECT",
            "  url_env: ACME_DB_URL\n  query: DELETE FROM 案卷目录\n",
            "not a SELECT",
        ),
    ];
    for (what, entry, expected) in cases {
        let (code, report, err) = run(&db, with_inventory(entry));
        assert_eq!(code, 2, "{what}: {err}");
        let errors = report["input_errors"].to_string();
        assert!(errors.contains(expected), "{what}: {errors}");
        assert_ne!(report["verdict"]["status"], "COMPLIANT", "{what}");
    }
    let wrong = db.replacen(":custodia-test-only@", ":wrong-password@", 1);
    let (code, report, _) = run(&wrong, |m| m);
    assert_eq!(code, 2);
    let errors = report["input_errors"].to_string();
    assert!(errors.contains("refused the login"), "{errors}");
    assert!(!errors.contains("wrong-password"), "{errors}");
    let (code, report, _) = run("mysql://custodia:x@127.0.0.1:9/nowhere", |m| m);
    assert_eq!(code, 2);
    let errors = report["input_errors"].to_string();
    assert!(
        errors.contains("cannot reach the server at mysql://127.0.0.1:9/nowhere"),
        "{errors}"
    );
}

#[test]
fn a_table_named_as_one_read_but_for_its_digits_is_an_input_error() {
    let Some(url) = server("a_table_named_as_one_read_but_for_its_digits_is_an_input_error") else {
        return;
    };
    let name = "custodia_siblings";
    let db_url = fresh_database(&mut connect(&url), &url, name);
    let mut c = connect(&db_url);
    for sql in db_siblings::TABLES {
        c.query_drop(sql).expect("make the tables");
    }
    db_siblings::every_case(&db_url, name);
}

/// A query naming a table of another database (`custodia_siblings_archive.destruction_2026`):
/// that database's tables named like it are looked at, named with it.
#[test]
fn a_table_of_another_database_is_named_with_it() {
    let Some(url) = server("a_table_of_another_database_is_named_with_it") else {
        return;
    };
    let (name, archive) = ("custodia_siblings_main", "custodia_siblings_archive");
    let mut admin = connect(&url);
    for db in [name, archive] {
        fresh_database(&mut admin, &url, db);
    }
    admin
        .query_drop(format!("CREATE TABLE {name}.app_users (name VARCHAR(16))"))
        .expect("make a table");
    for sql in db_siblings::tables_in(archive) {
        admin.query_drop(sql).expect("make the tables");
    }
    let db_url = format!("{}/{name}", url.rsplit_once('/').expect("a URL path").0);
    db_siblings::other_schema(&db_url, name, archive);
}
