//! Data left out by `ignore:` (docs/reports.md, "Data left out by
//! `ignore:`"). custodia.yaml is the company's: an `ignore:` naming a
//! supplement to the destruction register (`销毁清册-补录.csv`) that held
//! the held record's destruction left it unread, and the run said
//! COMPLIANT, exit 0, with one line among the files not read (third hostile
//! review, 2026-12-06). Like rows a `skip:` leaves out, an ignored file,
//! folder, sheet or table holding data now leaves the run NOT FULLY
//! CHECKED, exit 2 unless the auditor gives `--allow-skipped`.

mod common;

use common::{custodia_in, rec, Case, PACKS_LEFT_OUT_BY_SCHEMA};
use serde_json::Value;

const HOLD: &str = "rule no_destruction_under_hold {\n  for record r where r.legal_hold\n  forbid destruction d on d.record == r.id\n}\n";

const DESTRUCTION: &str =
    "record,method,place,witnesses,at\nR-1,shred,archive room,A;B,2026-01-05\n";

/// The case: R-1 under hold, its destruction in `file`, which custodia.yaml
/// ignores (`ignored`, at line 3), plus `extra` files.
fn case(file: &str, ignored: &str, extra: &[(&str, &str)]) -> tempfile::TempDir {
    let rows = rec("R-1", &[("legal_hold", "true")]) + &rec("R-2", &[]);
    let manifest =
        format!("as_of: 2026-11-27\ntime_zone: Asia/Shanghai\nignore: [\"{ignored}\"]\n");
    let mut c = Case::with(HOLD, &rows)
        .file("custodia.yaml", &manifest)
        .file("logs/destruction.csv", "record,method,place,witnesses,at\n")
        .file(file, DESTRUCTION);
    for (path, text) in extra {
        c = c.file(path, text);
    }
    c.write()
}

/// `check .` in JSON. The fixture's own `record` schema leaves the statute
/// packs out too: the verdict names them after what `ignore:` leaves out
/// (`left_out_by_ignore` tells the two apart).
fn check(dir: &std::path::Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check", ".", "--format", "json"];
    all.extend_from_slice(args);
    let (code, out, err) = custodia_in(dir, &all);
    let report = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    (code, report)
}

/// The verdict's reasons before the packs the fixture's schema leaves out.
fn left_out_by_ignore(report: &Value) -> String {
    let text = report["verdict"]["not_checked"].as_str().unwrap_or("");
    let ignore = text.strip_suffix(PACKS_LEFT_OUT_BY_SCHEMA);
    let ignore = ignore.unwrap_or_else(|| panic!("the packs are named last: {text}"));
    ignore.trim_end_matches("; ").to_string()
}

#[test]
fn an_ignored_file_holding_rows_leaves_the_run_not_fully_checked() {
    let dir = case("销毁清册-补录.csv", "销毁清册-补录.csv", &[]);
    let (code, report) = check(dir.path(), &[]);
    assert_eq!(code, 2, "{report:#}");
    assert_eq!(report["verdict"]["result"], "not_fully_checked");
    assert_eq!(
        left_out_by_ignore(&report),
        "销毁清册-补录.csv, which holds data, left out unchecked by `ignore:` (custodia.yaml line 3)"
    );
    // The auditor who has read what it leaves out accepts it: the verdict
    // still names it.
    let (code, report) = check(dir.path(), &["--allow-skipped"]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["verdict"]["result"], "not_fully_checked");
    let (_, zh, _) = custodia_in(dir.path(), &["check", ".", "--lang", "zh"]);
    assert!(
        zh.contains(
            "销毁清册-补录.csv 含有数据，按 `ignore:`（custodia.yaml 第 3 行）略去，未经检查"
        ),
        "{zh}"
    );
}

#[test]
fn an_ignored_folder_or_yaml_log_holding_rows_counts_too() {
    let dir = case("old/2025.csv", "old", &[]);
    let (code, report) = check(dir.path(), &[]);
    assert_eq!(code, 2, "{report:#}");
    assert_eq!(
        left_out_by_ignore(&report),
        "old/, which holds data, left out unchecked by `ignore:` (custodia.yaml line 3)"
    );
    let yaml = "- record: R-1\n  method: shred\n  at: 2026-01-05\n";
    let dir = case("destruction-extra.yaml", "destruction-extra.yaml", &[]);
    std::fs::write(dir.path().join("destruction-extra.yaml"), yaml).expect("write");
    let (code, report) = check(dir.path(), &[]);
    assert_eq!(code, 2, "{report:#}");
    assert!(left_out_by_ignore(&report).starts_with("destruction-extra.yaml, which holds data"));
    // Rows ended by a carriage return alone (an old Mac export) are rows.
    let dir = case("old-mac.csv", "old-mac.csv", &[]);
    let cr = "record,method,place,witnesses,at\rR-1,shred,room,A;B,2026-01-05\r";
    std::fs::write(dir.path().join("old-mac.csv"), cr).expect("write");
    let (code, report) = check(dir.path(), &[]);
    assert_eq!(code, 2, "{report:#}");
    assert!(left_out_by_ignore(&report).starts_with("old-mac.csv, which holds data"));
}

/// What holds no data stays a line among the files not read: a note, a
/// PDF, a folder of scans, settings or counts in JSON, an empty CSV, a
/// header with no row, a part of a custodia.yaml.
#[test]
fn an_ignored_entry_holding_no_data_changes_nothing() {
    let extra = [
        ("README.md", "# the case\n"),
        ("scans/register.pdf", "%PDF-1.4\n"),
        ("planted.json", "{\n  \"no_destruction_under_hold\": 1\n}\n"),
        ("settings.yaml", "colour: blue\nlimits: [1, 2]\n"),
        ("empty.csv", "\n"),
        ("header.csv", "record,method,at\n"),
        // A part of a custodia.yaml kept beside it (scripts/spark-diff).
        (
            "in-place.yaml",
            "logs:\n  - file: other.csv\n    kind: access\n",
        ),
    ];
    let rows = rec("R-1", &[("legal_hold", "true")]) + &rec("R-2", &[]);
    let mut c = Case::with(HOLD, &rows)
        .file(
            "custodia.yaml",
            "as_of: 2026-11-27\nignore: [README.md, scans, planted.json, settings.yaml, empty.csv, header.csv, in-place.yaml]\n",
        )
        .file("logs/destruction.csv", "record,method,place,witnesses,at\n");
    for (path, text) in extra {
        c = c.file(path, text);
    }
    let dir = c.write();
    // Nothing is left out but the packs the fixture's own `record` schema
    // leaves out: accepted, exit 0.
    let (code, report) = check(dir.path(), &[]);
    assert_eq!(code, 2, "{report:#}");
    assert_eq!(report["verdict"]["result"], "not_fully_checked");
    assert_eq!(report["verdict"]["not_checked"], PACKS_LEFT_OUT_BY_SCHEMA);
    assert!(report["violations"].as_array().is_some_and(Vec::is_empty));
    let (code, _) = check(dir.path(), &[common::ACCEPT_OWN_SCHEMA]);
    assert_eq!(code, 0, "{report:#}");
    let not_read = report["not_read"].as_array().expect("not_read");
    assert_eq!(not_read.len(), 7, "{not_read:?}");
}

/// Every machine format says it, as for rows a `skip:` left out: JUnit a
/// skipped case, SARIF a notification.
#[test]
fn junit_and_sarif_name_the_ignored_data() {
    let dir = case("销毁清册-补录.csv", "销毁清册-补录.csv", &[]);
    let (code, junit, _) = custodia_in(dir.path(), &["check", ".", "--format", "junit"]);
    assert_eq!(code, 2);
    // The suite is named for both: the `ignore:` of custodia.yaml and the
    // fixture's own `record` schema, which leaves the packs out.
    assert!(
        junit.contains("classname=\"ignore.销毁清册-补录.csv\"")
            && junit.contains(
                "name=\"data and packs left out by custodia.yaml or the case&#39;s own schema\""
            ),
        "{junit}"
    );
    let (_, sarif, _) = custodia_in(dir.path(), &["check", ".", "--format", "sarif"]);
    assert!(
        sarif.contains("销毁清册-补录.csv, which holds data, left out unchecked by `ignore:`"),
        "{sarif}"
    );
}

/// One line can hold every row: JSON lines, a JSON array, a YAML flow
/// list; and a JSON object of objects keyed by id holds rows too, as does
/// a hidden file in an ignored folder (third hostile re-test, 2026-12-06:
/// each passed, exit 0, as "holding no data").
#[test]
fn one_line_documents_objects_by_id_and_hidden_files_hold_data() {
    let row = r#"{"record": "R-1", "method": "shred", "at": "2026-01-05"}"#;
    let keyed = r#"{"D-9": {"record": "R-1", "method": "shred"}, "D-10": {"record": "R-2", "method": "burn"}}"#;
    for (name, text) in [
        ("extra.jsonl", format!("{row}\n")),
        ("extra.json", format!("[{row}]")),
        (
            "extra.yaml",
            "- {record: R-1, method: shred, at: 2026-01-05}\n".to_string(),
        ),
        ("extra.json", keyed.to_string()),
        ("old/.extra.csv", DESTRUCTION.to_string()),
    ] {
        let ignored = name.split('/').next().unwrap_or(name);
        let dir = case(name, ignored, &[]);
        std::fs::write(dir.path().join(name), &text).expect("write");
        let (code, report) = check(dir.path(), &[]);
        assert_eq!(code, 2, "{name}: {report:#}");
        assert_eq!(report["verdict"]["result"], "not_fully_checked", "{name}");
        assert!(
            left_out_by_ignore(&report)
                .contains("which holds data, left out unchecked by `ignore:`"),
            "{name}: {report:#}"
        );
    }
}
