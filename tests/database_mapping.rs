//! The mapping of custodia.yaml (docs/mapping.md) applied to a database
//! result as to a file's header (docs/databases.md): a SQLite catalogue
//! with Chinese column names and Chinese values, mapped onto the schema,
//! gives the violations of the file case; a mapped column the result lacks
//! is one error at the mapping's line with a did-you-mean over the real
//! columns; a value the map lacks is one error before any row is loaded.

mod common;
mod db_acme;

use std::path::Path;

use common::{custodia_in, example};
use serde_json::Value;

/// The acme inventory's columns as the records system names them.
const CHINESE: [(&str, &str); 12] = [
    ("id", "档案号"),
    ("title", "题名"),
    ("class", "密级"),
    ("category", "分类"),
    ("subject", "客户编号"),
    ("personal_info", "是否含个人信息"),
    ("created", "形成日期"),
    ("period_end", "保管期限至"),
    ("status", "状态"),
    ("legal_hold", "涉诉冻结"),
    ("location", "存放位置"),
    ("phone", "联系电话"),
];

/// The class values as the records system writes them.
const CLASSES: [(&str, &str); 3] = [
    ("general", "一般"),
    ("sensitive", "敏感"),
    ("important", "重要"),
];

/// `custodia.yaml`'s inventory entry mapping the Chinese catalogue.
fn inventory_entry(title_column: &str) -> String {
    let mut out =
        String::from("inventory:\n  url: sqlite://acme.db\n  table: 案卷目录\n  columns:\n");
    for (field, column) in CHINESE {
        let column = if field == "title" {
            title_column
        } else {
            column
        };
        if field == "class" {
            let values: Vec<String> = CLASSES.iter().map(|(v, zh)| format!("{zh}: {v}")).collect();
            out.push_str(&format!(
                "    class:\n      column: {column}\n      values: {{ {} }}\n",
                values.join(", ")
            ));
        } else {
            out.push_str(&format!("    {field}: {column}\n"));
        }
    }
    out
}

/// A case reading every acme source from `acme.db`, its inventory with
/// Chinese columns and class values, mapped by `inventory_entry`;
/// `edit_db` runs on the file before the check. (exit, report).
fn run(title_column: &str, edit_db: impl Fn(&rusqlite::Connection)) -> (i32, Value, Run) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let example = example();
    let mut tables = db_acme::tables(Path::new(&example));
    let conn = rusqlite::Connection::open(dir.path().join("acme.db")).expect("create");
    for t in &mut tables {
        let chinese = t.role == "inventory";
        if chinese {
            let class = t.columns.iter().position(|c| c == "class").expect("class");
            for row in &mut t.rows {
                if let Some(v) = &mut row[class] {
                    let zh = CLASSES.iter().find(|(en, _)| en == v).map(|(_, zh)| *zh);
                    *v = zh.expect("a class of the example").to_string();
                }
            }
            for c in &mut t.columns {
                *c = CHINESE
                    .iter()
                    .find(|(en, _)| en == c)
                    .expect("a column")
                    .1
                    .into();
            }
        }
        let role = t.role;
        db_acme::create_table(&conn, t, |c| {
            c == "档案号" || (role == "tables" && c == "id")
        });
    }
    edit_db(&conn);
    drop(conn);
    db_acme::copy_case_files(Path::new(&example), dir.path());
    let others: Vec<db_acme::Table> = tables
        .into_iter()
        .filter(|t| t.role != "inventory")
        .collect();
    let manifest = db_acme::manifest(Path::new(&example), "url: sqlite://acme.db", &others)
        + &inventory_entry(title_column);
    std::fs::write(dir.path().join("custodia.yaml"), &manifest).expect("write");
    let (code, out, err) = custodia_in(dir.path(), &["check", ".", "--format", "json"]);
    let report = serde_json::from_str(&out).unwrap_or(Value::Null);
    (code, report, Run { err, manifest })
}

/// What a run printed on stderr, and the manifest it read.
#[derive(Debug)]
struct Run {
    err: String,
    manifest: String,
}

fn input_errors(report: &Value) -> Vec<Value> {
    report["input_errors"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// The line of `text` in the manifest (1-based).
fn line_of(run: &Run, text: &str) -> u64 {
    run.manifest
        .lines()
        .position(|l| l.contains(text))
        .map(|i| i as u64 + 1)
        .expect("the line is in the manifest")
}

#[test]
fn a_chinese_catalogue_mapped_from_sqlite_gives_the_violations_of_the_file_case() {
    let (code, from_db, err) = run("题名", |_| {});
    let (file_code, from_files, _) = custodia_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["check", &example(), "--format", "json"],
    );
    assert_eq!(code, file_code, "{}\n{from_db:#}", err.err);
    assert!(
        input_errors(&from_db).is_empty(),
        "{:?}",
        input_errors(&from_db)
    );
    let from_files: Value = serde_json::from_str(&from_files).expect("a JSON report");
    assert!(
        !from_files["violations"]
            .as_array()
            .expect("violations")
            .is_empty(),
        "the example has violations to compare"
    );
    let mut db = db_acme::without_provenance(from_db.clone());
    let mut files = db_acme::without_provenance(from_files);
    // The mapped source's note lists no unmapped column: none are left.
    for r in [&mut db, &mut files] {
        r.as_object_mut().expect("report").remove("notes");
    }
    assert_eq!(db["violations"], files["violations"]);
    assert_eq!(db, files);
    let inventory = from_db["inputs"]
        .as_array()
        .expect("inputs")
        .iter()
        .find(|i| i["path"] == "db:acme/案卷目录")
        .expect("the mapped inventory is listed as a database input");
    assert_eq!(inventory["rows"], 14);
    assert_eq!(inventory["sha256"].as_str().map(str::len), Some(64));
}

#[test]
fn a_mapped_column_the_result_lacks_is_one_error_at_its_line_with_a_did_you_mean() {
    let (code, report, err) = run("题目", |_| {});
    assert_eq!(code, 2, "{}", err.err);
    let errors = input_errors(&report);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let e = &errors[0];
    assert_eq!(e["file"], "custodia.yaml");
    assert_eq!(e["line"], line_of(&err, "title: 题目"), "{e:#}");
    let message = e["message"].as_str().expect("a message");
    assert!(message.contains("`题目`"), "{message}");
    assert!(message.contains("did you mean `题名`"), "{message}");
    assert!(message.contains("db:acme/案卷目录"), "{message}");
    // Nothing was read from the inventory: the check is incomplete.
    assert_eq!(report["complete"], false);
}

#[test]
fn a_value_the_map_lacks_is_one_error_before_any_row_is_loaded() {
    let (code, report, err) = run("题名", |c| {
        c.execute_batch("UPDATE 案卷目录 SET 密级 = '机密' WHERE 档案号 IN ('R-1001', 'R-1002')")
            .expect("update");
    });
    assert_eq!(code, 2, "{}", err.err);
    let errors = input_errors(&report);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let e = &errors[0];
    assert_eq!(e["file"], "custodia.yaml");
    // At the field's key, as for a file (docs/mapping.md).
    assert_eq!(e["line"], line_of(&err, "    class:"), "{e:#}");
    let message = e["message"].as_str().expect("a message");
    assert!(message.contains("机密"), "{message}");
    assert!(message.contains('2'), "the count of rows: {message}");
    assert_eq!(report["complete"], false);
}

#[test]
fn a_mapped_value_that_does_not_convert_names_the_source_the_key_and_the_column() {
    let (code, report, err) = run("题名", |c| {
        c.execute_batch("UPDATE 案卷目录 SET 形成日期 = '去年' WHERE 档案号 = 'R-1003'")
            .expect("update");
    });
    assert_eq!(code, 2, "{}", err.err);
    let errors = input_errors(&report);
    let e = errors
        .iter()
        .find(|e| e["field"] == "created")
        .unwrap_or_else(|| panic!("{errors:#?}"));
    assert_eq!(e["file"], "db:acme/案卷目录");
    let message = e["message"].as_str().expect("a message");
    assert!(
        message.contains("形成日期"),
        "names the result's column: {message}"
    );
    assert!(
        message.contains("`档案号` = `R-1003`"),
        "names the row's key: {message}"
    );
}

/// A copy of the catalogue under the schema's own column names (an older
/// export, `id`, `title`, …) is the mapped `案卷目录`'s data by the fields
/// the mapping reads its columns into: an input error naming both, as a
/// copy under the same column names is (docs/databases.md, "Tables no
/// entry reads"). Compared by the catalogue's own names alone, it shared
/// none of them and was only listed.
#[test]
fn a_copy_under_the_mapped_field_names_is_the_mapped_table_s_data() {
    let (code, report, run) = run("题名", |c| {
        let select: Vec<String> = CHINESE
            .iter()
            .map(|(field, column)| format!("\"{column}\" AS {field}"))
            .collect();
        c.execute_batch(&format!(
            "CREATE TABLE catalogue_2019 AS SELECT {} FROM 案卷目录",
            select.join(", ")
        ))
        .expect("a copy under the field names");
    });
    assert_eq!(code, 2, "{}", run.err);
    let errors = input_errors(&report);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0]["file"], "db:acme/catalogue_2019");
    let message = errors[0]["message"].as_str().expect("a message");
    assert!(
        message.starts_with(
            "not read, yet `catalogue_2019` has every column of `案卷目录`, which an entry reads"
        ),
        "{message}"
    );
}

/// A database source whose mapping failed was given and not read, as a
/// file whose mapping failed is (`coverage[].mapping_failed`), pointing at
/// the mapping's error: it read as a source read with no row (hostile
/// review h24b).
#[test]
fn a_database_source_whose_mapping_failed_is_given_but_not_read() {
    let (code, report, err) = run("题目", |_| {});
    assert_eq!(code, 2, "{}", err.err);
    let record = (report["coverage"].as_array().expect("coverage").iter())
        .find(|c| c["kind"] == "record")
        .expect("the inventory's coverage");
    assert_eq!(
        record["mapping_failed"][0]["line"],
        line_of(&err, "title: 题目"),
        "{record:#}"
    );
    assert_eq!(
        record["mapping_failed"][0]["file"], "db:acme/案卷目录",
        "{record:#}"
    );
}
