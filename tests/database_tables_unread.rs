//! The tables and views of a SQLite database that no entry reads are
//! listed as not read in every report (docs/databases.md, "Tables no entry
//! reads"). `logs: [{url: "sqlite://archive.db", table: destruction_2026}]`
//! beside a `destruction_2025` table holding the destruction of a record
//! under legal hold said COMPLIANT, and `destruction_2025` appeared
//! nowhere in the report. The databases are real SQLite files.

mod common;
mod db_siblings;

use std::path::Path;

use common::{custodia_in, rec, Case};
use serde_json::Value;

use db_siblings::RULE;

const COLUMNS: &str =
    "id TEXT PRIMARY KEY, at TEXT, record TEXT, method TEXT, place TEXT, witnesses TEXT";

/// R-1 is under legal hold; its destruction is in `destruction_2025`,
/// another record's in `destruction_2026`; a view over each year, and a
/// table of the application that holds no events.
fn archive(path: &Path) {
    let c = rusqlite::Connection::open(path).expect("create a SQLite file");
    c.execute_batch(&format!(
        "CREATE TABLE destruction_2026 ({COLUMNS});
         INSERT INTO destruction_2026 VALUES ('D-2', '2026-03-01T02:00:00Z', 'R-2', 'shred', 'B1', 'A;B');
         CREATE TABLE destruction_2025 ({COLUMNS});
         INSERT INTO destruction_2025 VALUES ('D-1', '2025-03-01T02:00:00Z', 'R-1', 'shred', 'B1', 'A;B');
         CREATE VIEW all_years AS SELECT * FROM destruction_2025 UNION ALL SELECT * FROM destruction_2026;
         CREATE VIEW only_2026 AS SELECT * FROM destruction_2026;
         CREATE TABLE app_users (name TEXT);"
    ))
    .expect("the archive is written");
}

fn case(logs: &str) -> tempfile::TempDir {
    let rows = rec("R-1", &[("legal_hold", "true")]) + &rec("R-2", &[]);
    let dir = Case::with(RULE, &rows)
        .file("custodia.yaml", &format!("logs:\n{logs}"))
        .write();
    archive(&dir.path().join("archive.db"));
    dir
}

/// The run's exit status and JSON report. The tables these cases leave out
/// by `ignore:` hold rows, which would make every exit status 2
/// (tests/ignored_data.rs): the auditor's `--allow-skipped` accepts them,
/// so that the status says what the tables read gave.
fn json(dir: &Path) -> (i32, Value) {
    let args = ["check", ".", "--format", "json", "--allow-skipped"];
    let (code, out, err) = custodia_in(dir, &args);
    let report = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    (code, report)
}

/// The `db:` entries of `not_read`: (path, reason).
fn unread_tables(report: &Value) -> Vec<(String, String)> {
    report["not_read"]
        .as_array()
        .expect("not_read")
        .iter()
        .filter(|n| n["path"].as_str().is_some_and(|p| p.starts_with("db:")))
        .map(|n| {
            let s = |k: &str| n[k].as_str().unwrap_or("").to_string();
            (s("path"), s("reason"))
        })
        .collect()
}

fn paths(report: &Value) -> Vec<String> {
    unread_tables(report).into_iter().map(|(p, _)| p).collect()
}

const WHY: &str = "a table or view of the database that no entry of custodia.yaml reads \
                   (no entry names it with `table:`, and no `query:` reads it); name it in an \
                   entry to check its rows";

/// The input errors of a report: (file, message).
fn errors(report: &Value) -> Vec<(String, String)> {
    report["input_errors"]
        .as_array()
        .expect("input_errors")
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap_or("").to_string();
            (s("file"), s("message"))
        })
        .collect()
}

fn error_files(report: &Value) -> Vec<String> {
    errors(report).into_iter().map(|(f, _)| f).collect()
}

/// The message `db-relation-same-columns` gives `table` beside `read`,
/// reached through nothing.
fn same_columns(table: &str, read: &str) -> String {
    format!(
        "not read, yet `{table}` has every column of `{read}`, which an entry reads, and \
         holds rows: most likely the same data under another name (a copy, an archive, \
         another year or part of the log). Read it with an entry of its own (`table: \
         {table}`), or, if it is meant to stay unread, list it under `ignore:` in \
         custodia.yaml as it is named here"
    )
}

#[test]
fn a_table_no_entry_names_is_listed_as_not_read_in_every_report() {
    let dir =
        case("  - {url: \"sqlite://archive.db\", table: destruction_2026, kind: destruction}\n");
    let (code, report) = json(dir.path());
    // Naming a table says the others are knowingly not read, as naming a
    // sheet does: listed, not an input error; but `destruction_2025`,
    // named as the table read but for its digits, is most likely the same
    // log's other year, and the views over the years hold the columns of
    // the table read: input errors (the held record's destruction).
    assert_eq!(code, 2, "{report}");
    assert_eq!(
        errors(&report),
        [
            (
                "db:archive/all_years".to_string(),
                same_columns("all_years", "destruction_2026")
            ),
            (
                "db:archive/destruction_2025".to_string(),
                "not read, yet `destruction_2025` is named as `destruction_2026`, which an \
                 entry reads, but for its digits: another year or part of the same log? \
                 Read it with an entry of its own (`table: destruction_2025`), or, if it \
                 is meant to stay unread, list it under `ignore:` in custodia.yaml as it \
                 is named here"
                    .to_string()
            ),
            (
                "db:archive/only_2026".to_string(),
                same_columns("only_2026", "destruction_2026")
            ),
        ],
        "{report}"
    );
    assert_eq!(
        unread_tables(&report),
        [("db:archive/app_users".to_string(), WHY.to_string())],
        "{report}"
    );
    let (_, human, _) = custodia_in(dir.path(), &["check", "."]);
    assert!(
        human.contains(&format!("not read: db:archive/app_users: {WHY}")),
        "{human}"
    );
    let (_, zh, _) = custodia_in(dir.path(), &["check", ".", "--lang", "zh"]);
    assert!(
        zh.contains(
            "db:archive/app_users：数据库中的表或视图，custodia.yaml \
             中没有任何条目读取它（没有条目以 `table:` 指明它，也没有 `query:` 读取它）；\
             如需检查其中的行，请在条目中指明"
        ),
        "{zh}"
    );
    assert!(
        zh.contains("`destruction_2025` 与已有条目读取的 `destruction_2026` 仅数字不同"),
        "{zh}"
    );
    assert!(
        zh.contains("`only_2026` 具备已有条目读取的 `destruction_2026` 的全部列，且其中有数据"),
        "{zh}"
    );
    for format in ["markdown", "html"] {
        let (_, out, _) = custodia_in(dir.path(), &["check", ".", "--format", format]);
        for table in ["db:archive/destruction_2025", "db:archive/app_users"] {
            assert!(out.contains(table), "{format}: {table}: {out}");
        }
    }
}

/// Adds `ignore:` naming `names` to the case's manifest.
fn ignore(dir: &Path, names: &[&str]) {
    let manifest = dir.join("custodia.yaml");
    let text = std::fs::read_to_string(&manifest).expect("manifest");
    let list: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    std::fs::write(&manifest, format!("{text}ignore: [{}]\n", list.join(", "))).expect("manifest");
}

/// A table named like the one read that is meant to stay unread is said
/// so under `ignore:`, by the name the report gives it: listed as ignored.
#[test]
fn a_sibling_table_ignored_by_name_is_listed_as_ignored() {
    let dir =
        case("  - {url: \"sqlite://archive.db\", table: destruction_2026, kind: destruction}\n");
    ignore(
        dir.path(),
        &[
            "db:archive/destruction_2025",
            "db:archive/all_years",
            "db:archive/only_2026",
        ],
    );
    let (code, report) = json(dir.path());
    assert_eq!(report["input_errors"], serde_json::json!([]), "{report}");
    assert_eq!(code, 0, "{report}");
    let ignored = "ignored (`ignore:` in custodia.yaml)".to_string();
    for table in ["destruction_2025", "all_years", "only_2026"] {
        assert!(
            unread_tables(&report).contains(&(format!("db:archive/{table}"), ignored.clone())),
            "{table}: {report}"
        );
    }
}

/// **Decision** (docs/databases.md, "What is read"): only a table or view
/// an entry names with `table:` is read. Two entries naming the two years
/// read both (`./archive.db` is the same file: one database); a `query:`
/// or a view reads only the rows it selects, so the tables it reaches are
/// not read, and those holding the columns of what an entry reads are
/// input errors that say why being reached is not being read.
#[test]
fn only_the_tables_entries_name_are_read_not_those_a_query_or_a_view_reaches() {
    let dir = case(
        "  - {url: \"sqlite://archive.db\", table: destruction_2026, kind: destruction}\n  \
         - {url: \"sqlite://./archive.db\", table: destruction_2025, kind: destruction}\n",
    );
    ignore(
        dir.path(),
        &["db:archive/all_years", "db:archive/only_2026"],
    );
    let (code, report) = json(dir.path());
    assert_eq!(code, 1, "{report}");
    assert_eq!(
        paths(&report),
        [
            "db:archive/all_years",
            "db:archive/app_users",
            "db:archive/only_2026"
        ]
    );

    let query = "SELECT * FROM destruction_2025 UNION ALL SELECT * FROM only_2026";
    let dir = case(&format!(
        "  - url: \"sqlite://archive.db\"\n    kind: destruction\n    query: {query}\n"
    ));
    let (code, report) = json(dir.path());
    assert_eq!(code, 2, "{report}");
    assert_eq!(
        error_files(&report),
        [
            "db:archive/all_years",
            "db:archive/destruction_2025",
            "db:archive/destruction_2026",
            "db:archive/only_2026"
        ],
        "{report}"
    );
    let (_, message) = errors(&report)
        .into_iter()
        .find(|(f, _)| f == "db:archive/destruction_2025")
        .expect("an error");
    assert!(
        message.contains(&format!(
            "has every column of `db:archive/{query}`, which an entry reads, and holds rows: \
             most likely the same data under another name (a copy, an archive, another year \
             or part of the log); the query of `db:archive/{query}` reads from it, but a \
             table counts as read only when an entry names it with `table:`, since a view or \
             a query reads only the rows it selects."
        )),
        "{message}"
    );
    assert_eq!(paths(&report), ["db:archive/app_users"]);

    let dir = case("  - {url: \"sqlite://archive.db\", table: all_years, kind: destruction}\n");
    let (code, report) = json(dir.path());
    assert_eq!(code, 2, "{report}");
    assert_eq!(
        error_files(&report),
        [
            "db:archive/destruction_2025",
            "db:archive/destruction_2026",
            "db:archive/only_2026"
        ],
        "{report}"
    );
    assert!(
        errors(&report)[0].1.contains(
            "; the view `all_years` reads from it, but a table counts as read only when an \
             entry names it with `table:`"
        ),
        "{report}"
    );
    assert_eq!(paths(&report), ["db:archive/app_users"]);
}

/// A table reached through a query whose columns are not those of the
/// result (a lookup joined in) is listed, saying it is reached but not
/// read; a table no entry reaches keeps the listing it had.
#[test]
fn a_table_only_reached_is_listed_as_reached_not_read() {
    let dir = case(
        "  - url: \"sqlite://archive.db\"\n    kind: destruction\n    query: SELECT d.* FROM \
         destruction_2026 d LEFT JOIN app_users u ON u.name = d.witnesses\n",
    );
    ignore(
        dir.path(),
        &[
            "db:archive/destruction_2026",
            "db:archive/destruction_2025",
            "db:archive/all_years",
            "db:archive/only_2026",
        ],
    );
    let (_, report) = json(dir.path());
    assert_eq!(report["input_errors"], serde_json::json!([]), "{report}");
    let (_, reason) = unread_tables(&report)
        .into_iter()
        .find(|(p, _)| p == "db:archive/app_users")
        .expect("listed");
    assert!(
        reason.starts_with(
            "a table or view that entries read only through the query of `db:archive/SELECT \
             d.* FROM destruction_2026 d LEFT JOIN app_users u ON u.name = d.witnesses`, \
             which reads only the rows it selects (a table counts as read only when an entry \
             names it with `table:`)"
        ),
        "{reason}"
    );
}

/// A table holding rows that an entry reads only through a query (or a
/// view) is an input error whatever the query calls its columns: `SELECT
/// 单号 AS id, … FROM 销毁 WHERE 档案号 <> 'R-1'` renamed every column, so
/// no column was shared with what was read, and the held record's
/// destruction it left out passed (hostile review, 2026-12-05). Under
/// `ignore:` the rows left out are knowingly left out.
#[test]
fn a_table_a_query_renames_and_filters_is_an_input_error() {
    let dir = case(
        "  - url: \"sqlite://archive.db\"\n    kind: destruction\n    query: SELECT 单号 AS id, \
         时间 AS at, 档案号 AS record, 方式 AS method, 地点 AS place, 监销人 AS witnesses FROM 销毁 \
         WHERE 档案号 <> 'R-1'\n",
    );
    let c = rusqlite::Connection::open(dir.path().join("archive.db")).expect("open");
    c.execute_batch(
        "CREATE TABLE 销毁 (单号 TEXT, 时间 TEXT, 档案号 TEXT, 方式 TEXT, 地点 TEXT, 监销人 TEXT);
         INSERT INTO 销毁 VALUES ('D-1', '2025-03-01T02:00:00Z', 'R-1', 'shred', 'B1', 'A;B');
         INSERT INTO 销毁 VALUES ('D-2', '2026-03-01T02:00:00Z', 'R-2', 'shred', 'B1', 'A;B');",
    )
    .expect("written");
    drop(c);
    let others = [
        "db:archive/destruction_2026",
        "db:archive/destruction_2025",
        "db:archive/all_years",
        "db:archive/only_2026",
    ];
    ignore(dir.path(), &others);
    let (code, report) = json(dir.path());
    assert_eq!(code, 2, "{report}");
    assert_eq!(error_files(&report), ["db:archive/销毁"], "{report}");
    let (_, message) = &errors(&report)[0];
    assert!(
        message.contains(
            "which reads only the rows it selects, so the rows it leaves out are not checked"
        ) && message.contains("`table: 销毁`"),
        "{message}"
    );
    // Knowingly left out.
    let manifest = dir.path().join("custodia.yaml");
    let text = std::fs::read_to_string(&manifest).expect("manifest");
    std::fs::write(
        &manifest,
        text.replace("ignore: [", "ignore: [\"db:archive/销毁\", "),
    )
    .expect("manifest");
    let (code, report) = json(dir.path());
    assert_eq!(code, 0, "{report}");
}

/// The destruction of the held record copied under another name than the
/// log's, the log itself without it (hostile review): a table not read
/// whose columns are most of those of a table read (80%, the rule of a
/// workbook's other sheets) and which holds rows is an input error
/// naming both, whatever its name; one sharing fewer columns, or empty,
/// is listed; one under `ignore:` is listed as ignored.
#[test]
fn a_copy_of_a_log_under_another_name_is_an_input_error() {
    let entry = "  - {url: \"sqlite://archive.db\", table: destruction, kind: destruction}\n";
    for name in [
        "destruction_archive",
        "destruction_old",
        "Destruction_FY2025",
        "destruction_h1",
        "destruction_2025上半年",
        "销毁清册",
        "\"destruction (1)\"",
    ] {
        let dir = case(entry);
        let c = rusqlite::Connection::open(dir.path().join("archive.db")).expect("open");
        c.execute_batch(&format!(
            "CREATE TABLE destruction ({COLUMNS});
             INSERT INTO destruction SELECT * FROM destruction_2026;
             CREATE TABLE {name} (id TEXT, AT TEXT, record TEXT, method TEXT, place TEXT, note TEXT);
             INSERT INTO {name} SELECT id, at, record, method, place, '' FROM destruction_2025;"
        ))
        .expect("written");
        drop(c);
        ignore(
            dir.path(),
            &[
                "db:archive/destruction_2025",
                "db:archive/destruction_2026",
                "db:archive/all_years",
                "db:archive/only_2026",
            ],
        );
        let (code, report) = json(dir.path());
        assert_eq!(code, 2, "{name}: {report}");
        let bare = name.trim_matches('"');
        assert_eq!(
            errors(&report),
            [(
                format!("db:archive/{bare}"),
                format!(
                    "not read, yet `{bare}` has 5 of the 6 columns of `destruction`, which an \
                     entry reads, and holds rows: most likely the same data under another \
                     name (a copy, an archive, another year or part of the log). Read it with \
                     an entry of its own (`table: {bare}`), or, if it is meant to stay \
                     unread, list it under `ignore:` in custodia.yaml as it is named here"
                )
            )],
            "{name}"
        );
        if name == "销毁清册" {
            let (_, zh, _) = custodia_in(dir.path(), &["check", ".", "--lang", "zh"]);
            assert!(
                zh.contains(
                    "未读取，但 `销毁清册` 具备已有条目读取的 `destruction` 的 6 列中的 5 列，\
                     且其中有数据：很可能是换了名称的同一份数据"
                ),
                "{zh}"
            );
        }
    }

    let dir = case(entry);
    let c = rusqlite::Connection::open(dir.path().join("archive.db")).expect("open");
    c.execute_batch(&format!(
        "CREATE TABLE destruction ({COLUMNS});
         CREATE TABLE destruction_empty ({COLUMNS});
         CREATE TABLE destruction_few (id TEXT, at TEXT, record TEXT, method TEXT, extra TEXT);
         INSERT INTO destruction_few VALUES ('D-1', '2025-03-01', 'R-1', 'shred', '');
         CREATE TABLE destruction_copy ({COLUMNS});
         INSERT INTO destruction_copy SELECT * FROM destruction_2025;"
    ))
    .expect("written");
    drop(c);
    ignore(
        dir.path(),
        &[
            "db:archive/destruction_2025",
            "db:archive/destruction_2026",
            "db:archive/all_years",
            "db:archive/only_2026",
            "db:archive/destruction_copy",
        ],
    );
    let (code, report) = json(dir.path());
    assert_eq!(report["input_errors"], serde_json::json!([]), "{report}");
    assert_eq!(code, 0, "{report}");
    let listed = unread_tables(&report);
    for (table, reason) in [
        ("destruction_empty", WHY),
        ("destruction_few", WHY),
        ("destruction_copy", "ignored (`ignore:` in custodia.yaml)"),
    ] {
        assert!(
            listed.contains(&(format!("db:archive/{table}"), reason.to_string())),
            "{table}: {listed:?}"
        );
    }
}

/// A view named by `table:` reads the rows its definition selects: a note
/// says it is a view, by name, in both languages, so that an auditor
/// looks at its definition; the table under it is not read, and holding
/// the view's columns it is an input error (hostile review: a view
/// `destruction` over `destruction_all` left out the held records and the
/// check said COMPLIANT).
#[test]
fn a_view_read_by_name_is_noted_and_the_table_under_it_is_not_read() {
    let dir = case("  - {url: \"sqlite://archive.db\", table: destruction, kind: destruction}\n");
    let c = rusqlite::Connection::open(dir.path().join("archive.db")).expect("open");
    c.execute_batch(&format!(
        "CREATE TABLE destruction_all ({COLUMNS});
         INSERT INTO destruction_all SELECT * FROM destruction_2025 UNION ALL SELECT * FROM destruction_2026;
         CREATE VIEW destruction AS SELECT * FROM destruction_all WHERE record <> 'R-1';"
    ))
    .expect("written");
    drop(c);
    ignore(
        dir.path(),
        &[
            "db:archive/destruction_2025",
            "db:archive/destruction_2026",
            "db:archive/all_years",
            "db:archive/only_2026",
        ],
    );
    let (code, report) = json(dir.path());
    assert_eq!(code, 2, "{report}");
    assert_eq!(error_files(&report), ["db:archive/destruction_all"]);
    let note = report["notes"]
        .as_array()
        .expect("notes")
        .iter()
        .find(|n| {
            n["file"] == "db:archive/destruction"
                && n["message"].as_str().is_some_and(|m| m.contains("view"))
        })
        .unwrap_or_else(|| panic!("{}", report["notes"]));
    assert_eq!(
        note["message"],
        "`destruction` is a view, not a table: the rows read are those its definition \
         selects, and rows of the tables under it that it leaves out were not checked; look \
         at its definition (in SQLite: `SELECT sql FROM sqlite_schema WHERE name = \
         'destruction'`) to see which rows it selects"
    );
    let (_, zh, _) = custodia_in(dir.path(), &["check", ".", "--lang", "zh"]);
    assert!(
        zh.contains("`destruction` 是视图而不是表：读取的是其定义选出的行"),
        "{zh}"
    );
    // Read by name, the table gives the violation; the view left unread
    // is a copy of its columns: ignored here.
    let manifest = dir.path().join("custodia.yaml");
    let text = std::fs::read_to_string(&manifest).expect("manifest");
    std::fs::write(
        &manifest,
        text.replace("table: destruction,", "table: destruction_all,")
            .replace("ignore: [", "ignore: [\"db:archive/destruction\", "),
    )
    .expect("manifest");
    let (code, report) = json(dir.path());
    assert_eq!(code, 1, "{report}");
}

/// A SQLite file in the case that no entry names is an input error
/// (docs/inputs-and-reports.md, review R2), whatever its extension, and
/// never a pass.
#[test]
fn a_sqlite_file_no_entry_names_is_an_input_error() {
    let dir =
        case("  - {url: \"sqlite://archive.db\", table: destruction_2026, kind: destruction}\n");
    std::fs::copy(dir.path().join("archive.db"), dir.path().join("old.sqlite")).expect("copy");
    std::fs::copy(
        dir.path().join("archive.db"),
        dir.path().join("archive.bak"),
    )
    .expect("copy");
    let (code, report) = json(dir.path());
    assert_eq!(code, 2, "{report}");
    let errors: Vec<&str> = report["input_errors"]
        .as_array()
        .expect("input_errors")
        .iter()
        .filter_map(|e| e["file"].as_str())
        .collect();
    assert_eq!(
        errors,
        [
            "archive.bak",
            "db:archive/all_years",
            "db:archive/destruction_2025",
            "db:archive/only_2026",
            "old.sqlite"
        ],
        "{report}"
    );
}

/// The table read need not have digits: `destruction_2025` beside the
/// `destruction` an entry reads is the same log's other year too (review
/// of 48839a5).
#[test]
fn a_dated_table_beside_an_undated_one_read_is_an_input_error() {
    let dir = case("  - {url: \"sqlite://archive.db\", table: destruction, kind: destruction}\n");
    let c = rusqlite::Connection::open(dir.path().join("archive.db")).expect("open");
    c.execute_batch(&format!(
        "CREATE TABLE destruction ({COLUMNS});
         INSERT INTO destruction VALUES ('D-2', '2026-03-01T02:00:00Z', 'R-2', 'shred', 'B1', 'A;B');"
    ))
    .expect("written");
    drop(c);
    let (code, report) = json(dir.path());
    assert_eq!(code, 2, "{report}");
    let files: Vec<&str> = report["input_errors"]
        .as_array()
        .expect("input_errors")
        .iter()
        .filter_map(|e| e["file"].as_str())
        .collect();
    assert!(files.contains(&"db:archive/destruction_2025"), "{report}");
    assert!(files.contains(&"db:archive/destruction_2026"), "{report}");
}

/// Two SQLite files of one stem (`old/archive.db`, `new/archive.db`) would
/// both be `db:archive/…`: an `ignore:` for one table silenced the
/// other's, and one table showed as read and as not read. An input error
/// names both files and says to rename one (docs/databases.md).
#[test]
fn two_sqlite_files_of_one_stem_are_an_input_error() {
    let dir = case(
        "  - {url: \"sqlite://old/archive.db\", table: destruction_2025, kind: destruction}\n  \
         - {url: \"sqlite://new/archive.db\", table: destruction_2026, kind: destruction}\n",
    );
    for folder in ["old", "new"] {
        std::fs::create_dir_all(dir.path().join(folder)).expect("mkdir");
        std::fs::copy(
            dir.path().join("archive.db"),
            dir.path().join(folder).join("archive.db"),
        )
        .expect("copy");
    }
    std::fs::remove_file(dir.path().join("archive.db")).expect("remove");
    let (code, report) = json(dir.path());
    assert_eq!(code, 2, "{report}");
    assert!(
        errors(&report).contains(&(
            "db:archive/".to_string(),
            "two databases are both named `db:archive/` in the report: `old/archive.db` and \
             `new/archive.db` (a SQLite file is named by its stem), so their tables cannot be \
             told apart, and an `ignore:` naming a table of one would leave out the other's \
             too; rename one of them (a SQLite file: give it another stem)"
                .to_string()
        )),
        "{report}"
    );
    let (_, zh, _) = custodia_in(dir.path(), &["check", ".", "--lang", "zh"]);
    assert!(
        zh.contains(
            "有两个数据库在报告中都名为 `db:archive/`：`old/archive.db` 和 `new/archive.db`"
        ),
        "{zh}"
    );
    // The same file named twice is one database.
    let dir = case(
        "  - {url: \"sqlite://archive.db\", table: destruction_2025, kind: destruction}\n  \
         - {url: \"sqlite://./archive.db\", table: destruction_2026, kind: destruction}\n",
    );
    let (_, report) = json(dir.path());
    assert!(
        !error_files(&report).contains(&"db:archive/".to_string()),
        "{report}"
    );
}

/// A table under `ignore:` that holds rows is data left out unchecked: the
/// run is NOT FULLY CHECKED, exit 2 without `--allow-skipped` (third
/// hostile review, 2026-12-06). A view made only of its tables' rows is
/// not (`only_2026`); one that may add rows of its own is (2026-12-07): a
/// compound `SELECT` (`all_years`), or literals (`late_entry`, the held
/// record's destruction written into the view's definition).
#[test]
fn an_ignored_table_holding_rows_leaves_the_run_not_fully_checked() {
    let dir = case(
        "  - url: sqlite://archive.db\n    table: destruction_2026\n    kind: destruction\n\
         ignore: [db:archive/destruction_2025, db:archive/all_years, db:archive/only_2026, \
         db:archive/late_entry]\n",
    );
    let c = rusqlite::Connection::open(dir.path().join("archive.db")).expect("the archive");
    c.execute_batch(
        "CREATE VIEW late_entry AS SELECT 'D-9' AS id, '2025-05-01T02:00:00Z' AS at, \
         'R-1' AS record, 'shred' AS method, 'B1' AS place, 'A;B' AS witnesses",
    )
    .expect("the view is written");
    drop(c);
    let (code, out, err) = custodia_in(dir.path(), &["check", ".", "--format", "json"]);
    assert_eq!(code, 2, "{out}{err}");
    let report: Value = serde_json::from_str(&out).expect("a JSON report");
    let left_out = ["all_years", "destruction_2025", "late_entry"]
        .map(|t| format!("db:archive/{t}, which holds data, left out unchecked by `ignore:` (custodia.yaml line 5)"))
        .join("; ");
    // Then the packs the fixture's own `record` schema leaves out.
    let left_out = format!("{left_out}; {}", common::PACKS_LEFT_OUT_BY_SCHEMA);
    assert_eq!(report["verdict"]["not_checked"], left_out);
    // Accepted, the held record's destruction in the ignored table is not
    // seen: what the auditor accepts is named in the verdict.
    let (code, report) = json(dir.path());
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["verdict"]["result"], "not_fully_checked");
}
