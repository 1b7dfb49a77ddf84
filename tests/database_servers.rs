//! Database sources read from a real PostgreSQL server started by
//! `scripts/db-servers test` (docs/databases.md). Without the server (no
//! `CUSTODIA_TEST_PG_URL`) each test says it was skipped and passes; built
//! without the `postgres` feature, there is nothing here.
#![cfg(feature = "postgres")]

mod common;
mod db_acme;
mod db_siblings;

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
    let (mut c, db_url) = fresh_database(url, name);
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
    db_acme::check_from_url(Path::new(&example()), db_url, edit)
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
        &["check", &example(), "--format", "json", "--allow-skipped"],
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

/// Peak resident memory (KiB) and stdout of `custodia check . --parse-only`
/// in `dir`, measured by GNU time; `None` where it is not installed.
fn peak_kib(dir: &Path, db_url: &str) -> Option<(u64, String)> {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        return None;
    }
    let out = std::process::Command::new(time)
        .current_dir(dir)
        .args(["-f", "custodia-peak-kib %M", env!("CARGO_BIN_EXE_custodia")])
        .args(["check", ".", "--parse-only"])
        .env("ACME_DB_URL", db_url)
        .output()
        .expect("run custodia under time");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let kib = stderr
        .lines()
        .find_map(|l| l.strip_prefix("custodia-peak-kib "))
        .and_then(|k| k.trim().parse().ok())
        .unwrap_or_else(|| panic!("no peak in: {stderr}"));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(stdout.contains(" 0 input errors"), "{stdout}{stderr}");
    Some((kib, stdout))
}

/// A million access events read from PostgreSQL take no more memory than
/// the same events read from a CSV file: the result is streamed through
/// a cursor, never held whole.
#[test]
fn a_million_row_log_streams_within_the_memory_of_the_file_case() {
    let test = "a_million_row_log_streams_within_the_memory_of_the_file_case";
    let Some(url) = server(test) else {
        return;
    };
    let db = acme_database(&url, "custodia_big");
    let mut c = postgres::Client::connect(&db, postgres::NoTls).expect("connect");
    c.batch_execute(
        "CREATE TABLE access_big AS SELECT timestamptz '2026-01-01 00:00:00+08' + i * interval '1 second' AS at, 'R-' || (1001 + i % 14) AS record, 'S-0' || (1 + i % 8) AS actor, 'purpose ' || i AS purpose FROM generate_series(1, 1000000) AS i",
    )
    .expect("a million rows");
    let ex = example();
    let tables = db_acme::tables(Path::new(&ex));
    // The database case: every source from the server, access from the big table.
    let db_case = tempfile::tempdir().expect("a temp dir");
    db_acme::copy_case_files(Path::new(&ex), db_case.path());
    let manifest = db_acme::manifest(Path::new(&ex), "url_env: ACME_DB_URL", &tables)
        .replace("table: access\n", "table: access_big\n    kind: access\n");
    std::fs::write(db_case.path().join("custodia.yaml"), manifest).expect("write");
    // The file case: the example with the same million rows in logs/access.csv.
    let file_case = tempfile::tempdir().expect("a temp dir");
    for f in common::files_under(Path::new(&ex)) {
        let rel = f.strip_prefix(&ex).expect("inside the example");
        let to = file_case.path().join(rel);
        std::fs::create_dir_all(to.parent().expect("a folder")).expect("mkdir");
        std::fs::copy(&f, &to).expect("copy");
    }
    let mut csv = c
        .copy_out("COPY (SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS at, record, actor, purpose FROM access_big) TO STDOUT WITH (FORMAT csv, HEADER)")
        .expect("copy out");
    let mut file = std::fs::File::create(file_case.path().join("logs/access.csv")).expect("create");
    std::io::copy(&mut csv, &mut file).expect("write the CSV");
    drop(file);
    let Some((db_kib, db_out)) = peak_kib(db_case.path(), &db) else {
        eprintln!("skipped {test}: no /usr/bin/time to measure memory");
        return;
    };
    let (file_kib, file_out) = peak_kib(file_case.path(), &db).expect("measured");
    assert_eq!(db_out, file_out, "both read the same rows");
    assert!(db_out.contains("1000"), "{db_out}");
    eprintln!("{test}: peak {db_kib} KiB from PostgreSQL, {file_kib} KiB from the CSV file");
    assert!(
        db_kib <= file_kib + file_kib / 5,
        "the database case took {db_kib} KiB, the file case {file_kib} KiB"
    );
}

#[test]
fn a_table_named_as_one_read_but_for_its_digits_is_an_input_error() {
    let Some(url) = server("a_table_named_as_one_read_but_for_its_digits_is_an_input_error") else {
        return;
    };
    let name = "custodia_siblings";
    let (mut c, db_url) = fresh_database(&url, name);
    for sql in db_siblings::TABLES {
        c.batch_execute(sql).expect("make the tables");
    }
    db_siblings::every_case(&db_url, name);
}

/// A fresh, empty database `name` on the server at `url`; a client of it
/// and its URL.
fn fresh_database(url: &str, name: &str) -> (postgres::Client, String) {
    let mut admin = postgres::Client::connect(url, postgres::NoTls).expect("connect");
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
        .expect("drop a database");
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .expect("create a database");
    let db_url = format!("{}/{name}", url.rsplit_once('/').expect("a URL path").0);
    let c = postgres::Client::connect(&db_url, postgres::NoTls).expect("connect");
    (c, db_url)
}

#[test]
fn a_table_off_the_search_path_is_named_with_its_schema() {
    let Some(url) = server("a_table_off_the_search_path_is_named_with_its_schema") else {
        return;
    };
    let name = "custodia_siblings_schema";
    let (mut c, db_url) = fresh_database(&url, name);
    c.batch_execute("CREATE SCHEMA archive; CREATE TABLE app_users (name TEXT)")
        .expect("make the schema");
    for sql in db_siblings::tables_in("archive") {
        c.batch_execute(&sql).expect("make the tables");
    }
    db_siblings::other_schema(&db_url, name, "archive");
}

/// PostgreSQL's partitions and inheritance: the rows of
/// `destruction_2025`, a partition of `destruction` (or a table inheriting
/// from it), are read with `destruction`'s; an entry reading `destruction`
/// reads them, and they are no siblings left unread (each was an input
/// error, exit 2, before). `ONLY` reads the parent without them.
#[test]
fn partitions_of_a_table_read_are_read() {
    let Some(url) = server("partitions_of_a_table_read_are_read") else {
        return;
    };
    let name = "custodia_siblings_partitions";
    let (mut c, db_url) = fresh_database(&url, name);
    let columns = "id TEXT, at TEXT, record TEXT, method TEXT, place TEXT, witnesses TEXT";
    c.batch_execute(&format!(
        "CREATE TABLE destruction ({columns}) PARTITION BY RANGE (at);
         CREATE TABLE destruction_2025 PARTITION OF destruction FOR VALUES FROM ('2025') TO ('2026');
         CREATE TABLE destruction_2026 PARTITION OF destruction FOR VALUES FROM ('2026') TO ('2027');
         INSERT INTO destruction VALUES ('D-1', '2025-03-01T02:00:00Z', 'R-1', 'shred', 'B1', 'A;B'),
           ('D-2', '2026-03-01T02:00:00Z', 'R-2', 'shred', 'B1', 'A;B');
         CREATE TABLE handover_log ({columns});
         CREATE TABLE handover_log_2025 () INHERITS (handover_log);
         INSERT INTO handover_log_2025 VALUES ('D-1', '2025-03-01T02:00:00Z', 'R-1', 'shred', 'B1', 'A;B');"
    ))
    .expect("make the tables");
    for table in ["destruction", "handover_log"] {
        let entry =
            format!("  - {{url_env: SIBLINGS_DB_URL, table: {table}, kind: destruction}}\n");
        let (code, report) = db_siblings::check(db_siblings::case(&entry, "").path(), &db_url);
        assert_eq!(code, 1, "{table}: {report}");
        assert_eq!(report["input_errors"], serde_json::json!([]), "{table}");
        let by_query = format!(
            "  - url_env: SIBLINGS_DB_URL\n    kind: destruction\n    \
             query: SELECT * FROM {table} WHERE method <> 'none'\n"
        );
        let (code, report) = db_siblings::check(db_siblings::case(&by_query, "").path(), &db_url);
        assert_eq!(code, 1, "{table}: {report}");
        assert_eq!(report["input_errors"], serde_json::json!([]), "{table}");
    }

    // A partition read by itself: the other is its sibling, unread.
    let entry = "  - {url_env: SIBLINGS_DB_URL, table: destruction_2026, kind: destruction}\n";
    let (code, report) = db_siblings::check(db_siblings::case(entry, "").path(), &db_url);
    assert_eq!(code, 2, "{report}");
    let errors = report["input_errors"].to_string();
    assert!(
        errors.contains(&format!("\"file\":\"db:{name}/destruction_2025\"")),
        "{errors}"
    );

    // `ONLY handover_log` reads none of its child's rows.
    let only = "  - url_env: SIBLINGS_DB_URL\n    kind: destruction\n    \
                query: SELECT * FROM ONLY handover_log\n";
    let (code, report) = db_siblings::check(db_siblings::case(only, "").path(), &db_url);
    assert_eq!(code, 2, "{report}");
    let errors = report["input_errors"].to_string();
    assert!(
        errors.contains(&format!("\"file\":\"db:{name}/handover_log_2025\"")),
        "{errors}"
    );
}
