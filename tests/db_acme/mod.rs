//! The acme example's data as database tables, for the database tests:
//! every inventory, log and table file read into rows of text cells (a list
//! joined with `;`, an absent value `None`), with the SQL type each column
//! gets in a typed database. Also the normalisation that compares two
//! reports "except provenance".
#![allow(dead_code)]

use std::path::Path;

use serde_json::Value;

pub struct Table {
    pub name: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Option<String>>>,
    /// The collection it feeds: `inventory`, `logs` or `tables`.
    pub role: &'static str,
}

/// The inventory is `案卷目录` (a name that needs quoting), each log a
/// table named after its kind, each table after itself.
pub fn tables(example: &Path) -> Vec<Table> {
    let mut out = vec![csv_table(
        &example.join("inventory.csv"),
        "案卷目录",
        "inventory",
    )];
    for kind in ["access", "destruction", "notification", "handover"] {
        let dir = example.join("logs");
        let table = if dir.join(format!("{kind}.csv")).exists() {
            csv_table(&dir.join(format!("{kind}.csv")), kind, "logs")
        } else if dir.join(format!("{kind}.jsonl")).exists() {
            let text = std::fs::read_to_string(dir.join(format!("{kind}.jsonl"))).expect("jsonl");
            let objects: Vec<Value> = text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| serde_json::from_str(l).expect("a JSON line"))
                .collect();
            object_table(objects, kind, "logs")
        } else {
            let text = std::fs::read_to_string(dir.join(format!("{kind}.yaml"))).expect("yaml");
            let objects: Vec<Value> = serde_saphyr::from_str(&text).expect("a YAML list");
            object_table(objects, kind, "logs")
        };
        out.push(table);
    }
    for name in ["custodian", "retention_schedule", "staff"] {
        out.push(csv_table(
            &example.join(format!("tables/{name}.csv")),
            name,
            "tables",
        ));
    }
    out
}

fn csv_table(path: &Path, name: &str, role: &'static str) -> Table {
    let mut reader = csv::Reader::from_path(path).expect("a CSV file");
    let columns = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            r.expect("a CSV row")
                .iter()
                .map(|c| (!c.is_empty()).then(|| c.to_string()))
                .collect()
        })
        .collect();
    Table {
        name: name.into(),
        columns,
        rows,
        role,
    }
}

fn object_table(objects: Vec<Value>, name: &str, role: &'static str) -> Table {
    let mut columns: Vec<String> = Vec::new();
    for o in &objects {
        for k in o.as_object().expect("an object").keys() {
            if !columns.contains(k) {
                columns.push(k.clone());
            }
        }
    }
    let rows = objects
        .iter()
        .map(|o| {
            columns
                .iter()
                .map(|c| match o.get(c) {
                    None | Some(Value::Null) => None,
                    Some(Value::String(s)) => Some(s.clone()),
                    Some(Value::Array(items)) => Some(
                        items
                            .iter()
                            .map(|i| i.as_str().map_or(i.to_string(), str::to_string))
                            .collect::<Vec<_>>()
                            .join(";"),
                    ),
                    Some(other) => Some(other.to_string()),
                })
                .collect()
        })
        .collect();
    Table {
        name: name.into(),
        columns,
        rows,
        role,
    }
}

/// Creates `path` holding the acme tables of `example` (SQLite keeps every value as
/// text: bools as the example writes them, lists joined with `;`).
pub fn write_sqlite(example: &Path, path: &Path) -> Vec<Table> {
    let tables = tables(example);
    let conn = rusqlite::Connection::open(path).expect("create a SQLite file");
    for t in &tables {
        create_table(&conn, t, |c| t.role != "logs" && c == "id");
    }
    tables
}

/// Creates `t` in `conn` with its rows, every column `TEXT`, those
/// `is_key` says the primary key.
pub fn create_table(conn: &rusqlite::Connection, t: &Table, is_key: impl Fn(&str) -> bool) {
    let cols: Vec<String> = (t.columns.iter())
        .map(|c| {
            format!(
                "\"{c}\" TEXT{}",
                if is_key(c) { " PRIMARY KEY" } else { "" }
            )
        })
        .collect();
    let create = format!("CREATE TABLE \"{}\" ({})", t.name, cols.join(", "));
    conn.execute_batch(&create).expect("create a table");
    let marks: Vec<String> = (1..=t.columns.len()).map(|i| format!("?{i}")).collect();
    let sql = format!("INSERT INTO \"{}\" VALUES ({})", t.name, marks.join(", "));
    for row in &t.rows {
        conn.execute(&sql, rusqlite::params_from_iter(row.iter()))
            .expect("insert a row");
    }
}

/// The SQL type of an acme column in a typed database.
pub fn sql_type(column: &str) -> &'static str {
    match column {
        "created" | "period_end" | "authorized_from" | "authorized_to" => "DATE",
        "at" => "TIMESTAMPTZ",
        "personal_info" | "legal_hold" | "may_read_pii" => "BOOLEAN",
        "witnesses" => "TEXT[]",
        _ => "TEXT",
    }
}

/// A bool cell of the example (`是`, `否`, `true`, …) as SQL's text.
pub fn sql_bool(text: &str) -> &'static str {
    match text.trim().to_lowercase().as_str() {
        "是" | "true" | "yes" | "y" | "1" => "true",
        _ => "false",
    }
}

/// `custodia.yaml` of a case reading every source from a database: the
/// example's settings, then `inventory`, `logs` and `tables` entries
/// with the connection line `connection` (`url_env: X` or `url: …`).
pub fn manifest(example: &Path, connection: &str, tables: &[Table]) -> String {
    let settings = std::fs::read_to_string(example.join("custodia.yaml")).expect("manifest");
    let mut out = settings;
    let entry =
        |t: &Table, indent: &str| format!("{indent}{connection}\n{indent}table: {}\n", t.name);
    let mut logs = String::from("logs:\n");
    let mut tabs = String::from("tables:\n");
    for t in tables {
        match t.role {
            "inventory" => out.push_str(&format!("inventory:\n{}", entry(t, "  "))),
            "logs" => logs.push_str(&format!("  - {}", entry(t, "    ").trim_start())),
            _ => tabs.push_str(&format!("  {}:\n{}", t.name, entry(t, "    "))),
        }
    }
    out.push_str(&logs);
    out.push_str(&tabs);
    out
}

/// Copies what a database case keeps as files: the company and policies.
pub fn copy_case_files(example: &Path, to: &Path) {
    std::fs::copy(example.join("company.yaml"), to.join("company.yaml")).expect("copy");
    std::fs::create_dir_all(to.join("policies")).expect("mkdir");
    for f in std::fs::read_dir(example.join("policies")).expect("policies") {
        let f = f.expect("entry").path();
        let name = f.file_name().expect("a name");
        std::fs::copy(&f, to.join("policies").join(name)).expect("copy");
    }
}

/// A JSON report without its provenance: the inputs, where each object
/// came from (file, line), the fingerprints (which hash `FILE:LINE` names
/// of events without an id), the coverage's file lists and what was not
/// read; subjects named by their place are named `PLACE`. Violations are
/// sorted, as rows may come in another order from a database.
pub fn without_provenance(mut report: Value) -> Value {
    let o = report.as_object_mut().expect("a report object");
    for key in ["inputs", "not_read"] {
        o.remove(key);
    }
    if let Some(coverage) = o.get_mut("coverage").and_then(Value::as_array_mut) {
        for c in coverage {
            c.as_object_mut().expect("coverage").remove("files");
        }
    }
    if let Some(vs) = o.get_mut("violations").and_then(Value::as_array_mut) {
        for v in vs.iter_mut() {
            let v = v.as_object_mut().expect("violation");
            v.remove("fingerprint");
            if let Some(subject) = v.get_mut("subject") {
                unplace(subject);
            }
            for e in v
                .get_mut("evidence")
                .and_then(Value::as_array_mut)
                .into_iter()
                .flatten()
            {
                unplace(e);
            }
        }
        vs.sort_by_key(|v| v.to_string());
    }
    report
}

/// A subject or evidence item without its file, line and row key.
fn unplace(place: &mut Value) {
    let p = place.as_object_mut().expect("a place");
    p.remove("row_key");
    let (file, line) = (p.remove("file"), p.remove("line"));
    if let (Some(Value::String(f)), Some(l)) = (file, line) {
        if p.get("id") == Some(&Value::String(format!("{f}:{l}"))) {
            p.insert("id".into(), "PLACE".into());
        }
    }
}

/// Runs `custodia check --format json` on a copy of the `example` case that
/// reads every source from `db_url` (through `ACME_DB_URL`), with `edit`
/// applied to its manifest: exit status, report (null when none) and stderr.
pub fn check_from_url(
    example: &Path,
    db_url: &str,
    edit: impl Fn(String) -> String,
) -> (i32, Value, String) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let tables = tables(example);
    copy_case_files(example, dir.path());
    let manifest = manifest(example, "url_env: ACME_DB_URL", &tables);
    std::fs::write(dir.path().join("custodia.yaml"), edit(manifest)).expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_custodia"))
        .current_dir(dir.path())
        // The acme schema leaves the statute packs out: accepted, so the
        // exit status is the case's (as the file run's in these tests).
        .args(["check", ".", "--format", "json", "--allow-skipped"])
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
