//! Parquet input (cargo feature `parquet`; docs/inputs-and-reports.md):
//! the acme example with its CSV files written as Parquet gives the same
//! violations as the CSV case, each row placed by file and row number.
//! Without the feature, a Parquet input is an input error naming it.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

mod common;

fn custodia() -> Command {
    Command::new(env!("CARGO_BIN_EXE_custodia"))
}

const ACME: &str = "examples/acme-deregistration";

/// Copies a case directory (small text files) to `to`.
fn copy_case(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("the example is readable") {
        let entry = entry.expect("a directory entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).expect("a folder");
            copy_case(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("a copy");
        }
    }
}

/// The acme example in `dir` with `files` (CSV, relative) replaced by
/// Parquet files of the same name, and the manifest naming the inventory.
#[cfg(feature = "parquet")]
fn acme_as_parquet(dir: &Path, files: &[&str]) {
    copy_case(Path::new(ACME), dir);
    for f in files {
        let csv = dir.join(f);
        write::parquet_from_csv(&csv, &csv.with_extension("parquet"));
        std::fs::remove_file(&csv).expect("the CSV file is removed");
    }
    let manifest = dir.join("custodia.yaml");
    let mut text = std::fs::read_to_string(&manifest).expect("the manifest");
    text.push_str("inventory: inventory.parquet\n");
    std::fs::write(&manifest, text).expect("the manifest is written");
}

fn check_json(case: &Path, out: &Path) -> (i32, Value) {
    let run = custodia()
        .arg("check")
        .arg(case)
        // The acme-style schema leaves the statute packs out: accepted.
        .args(["--format", "json", "--allow-skipped", "--output"])
        .arg(out)
        .output()
        .expect("custodia runs");
    let text = std::fs::read_to_string(out).unwrap_or_else(|_| {
        panic!(
            "no report; stderr: {}",
            String::from_utf8_lossy(&run.stderr)
        )
    });
    let report = serde_json::from_str(&text).expect("the report is JSON");
    (run.status.code().unwrap_or(-1), report)
}

/// `FILE.csv:LINE` -> `FILE.parquet:ROW` in a text: a CSV file's line N
/// (after its header line) is the Parquet file's row N - 1.
#[cfg(feature = "parquet")]
fn csv_places_as_parquet(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(".csv:") {
        out.push_str(&rest[..at]);
        out.push_str(".parquet:");
        let after = &rest[at + 5..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        let line: u64 = after[..digits].parse().expect("a line number");
        out.push_str(&(line - 1).to_string());
        rest = &after[digits..];
    }
    out.push_str(rest);
    out.replace(".csv\"", ".parquet\"")
}

/// A violation's identity for comparison: everything but the fingerprint
/// (a hash of the subject's place), its places written in rows.
#[cfg(feature = "parquet")]
fn comparable(v: &Value, from_csv: bool) -> String {
    let mut v = v.clone();
    v.as_object_mut().expect("an object").remove("fingerprint");
    let mut places = |p: &mut Value| {
        if let (Some(Value::String(file)), Some(line)) = (
            p.get("file").cloned(),
            p.get("line").and_then(Value::as_u64),
        ) {
            if from_csv && file.ends_with(".csv") {
                p["line"] = (line - 1).into();
            }
        }
    };
    places(&mut v["subject"]);
    if let Some(ev) = v["evidence"].as_array_mut() {
        ev.iter_mut().for_each(&mut places);
    }
    let text = v.to_string();
    if from_csv {
        csv_places_as_parquet(&text)
    } else {
        text
    }
}

#[cfg(feature = "parquet")]
#[test]
fn the_acme_case_read_from_parquet_gives_the_csv_case_violations() {
    let dir = tempfile::tempdir().expect("tempdir");
    let case = dir.path().join("case");
    std::fs::create_dir_all(&case).expect("the case folder");
    acme_as_parquet(
        &case,
        &[
            "inventory.csv",
            "logs/access.csv",
            "tables/staff.csv",
            "tables/custodian.csv",
            "tables/retention_schedule.csv",
        ],
    );
    let (csv_exit, csv) = check_json(Path::new(ACME), &dir.path().join("csv.json"));
    let (pq_exit, pq) = check_json(&case, &dir.path().join("parquet.json"));
    assert_eq!(pq["input_errors"], serde_json::json!([]), "{pq:#}");
    assert_eq!(csv_exit, pq_exit);
    let mut a: Vec<String> = csv["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .map(|v| comparable(v, true))
        .collect();
    let mut b: Vec<String> = pq["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .map(|v| comparable(v, false))
        .collect();
    a.sort();
    b.sort();
    assert!(!a.is_empty(), "the acme case has violations");
    assert_eq!(a, b);
    // Every rule checked as many subjects, and each input file kept its rows.
    let counts = |r: &Value| -> Vec<(Value, Value, Value)> {
        r["rules"]
            .as_array()
            .expect("rules")
            .iter()
            .map(|x| {
                (
                    x["rule"].clone(),
                    x["subjects"].clone(),
                    x["violated_subjects"].clone(),
                )
            })
            .collect()
    };
    assert_eq!(counts(&csv), counts(&pq));
    let rows = |r: &Value, path: &str| -> Value {
        r["inputs"]
            .as_array()
            .expect("inputs")
            .iter()
            .find(|i| i["path"] == path)
            .map(|i| i["rows"].clone())
            .unwrap_or(Value::Null)
    };
    assert_eq!(
        rows(&csv, "logs/access.csv"),
        rows(&pq, "logs/access.parquet")
    );
    assert_eq!(rows(&pq, "inventory.parquet"), Value::from(14));
    // A place is the file and the row number: access.csv's line 11 is
    // access.parquet's row 10.
    let access = pq["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .find(|v| v["subject"]["file"] == "logs/access.parquet")
        .expect("a violation of an access row");
    let line = access["subject"]["line"].as_u64().expect("a row number");
    assert_eq!(
        access["subject"]["id"],
        Value::String(format!("logs/access.parquet:{line}"))
    );
}

#[cfg(feature = "parquet")]
#[test]
fn a_damaged_parquet_file_is_an_input_error_not_a_pass() {
    let dir = tempfile::tempdir().expect("tempdir");
    let case = dir.path().join("case");
    std::fs::create_dir_all(&case).expect("the case folder");
    acme_as_parquet(&case, &["inventory.csv", "logs/access.csv"]);
    let access = case.join("logs/access.parquet");
    let bytes = std::fs::read(&access).expect("the file");
    std::fs::write(&access, &bytes[..bytes.len() / 2]).expect("cut in half");
    let (exit, report) = check_json(&case, &dir.path().join("r.json"));
    assert_ne!(exit, 0);
    let errors = report["input_errors"].as_array().expect("input errors");
    assert!(
        errors.iter().any(|e| e["file"] == "logs/access.parquet"
            && e["message"].as_str().is_some_and(|m| m.contains("Parquet"))),
        "{errors:#?}"
    );
    assert_ne!(report["verdict"]["status"], "compliant", "{report:#}");
}

#[cfg(not(feature = "parquet"))]
#[test]
fn without_the_feature_a_parquet_input_is_an_input_error_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let case = dir.path().join("case");
    std::fs::create_dir_all(&case).expect("the case folder");
    copy_case(Path::new(ACME), &case);
    std::fs::write(case.join("logs/more.parquet"), b"PAR1 not really").expect("a file");
    let (exit, report) = check_json(&case, &dir.path().join("r.json"));
    assert_ne!(exit, 0);
    let errors = report["input_errors"].as_array().expect("input errors");
    assert!(
        errors.iter().any(|e| e["file"] == "logs/more.parquet"
            && e["message"]
                .as_str()
                .is_some_and(|m| m.contains("cargo feature `parquet`"))),
        "{errors:#?}"
    );
}

const MAPPED_SCHEMA: &str = r#"
schema {
  record { id: id  title: text  class: one of "general", "sensitive"  created: date  legal_hold: bool }
}
rule shown {
  title "Shows the values read"
  cite "none"
  for record r
  require r.title == "never" else "{r.id} {r.class} {r.created} {r.legal_hold}"
}
"#;

#[cfg(feature = "parquet")]
const MAPPED_CATALOGUE: &str = "档案号,题名,密级,形成日期,涉诉冻结\n\
R-1,案卷甲,一般,2026-03-18,true\n\
R-2,案卷乙,敏感,2020-01-02,false\n";

const CATALOGUE_MAPPING: &str = "as_of: 2026-11-27\ninventory:\n  file: 目录.EXT\n  columns:\n    id: 档案号\n    title: 题名\n    class: { column: 密级, values: { 一般: general, 敏感: sensitive } }\n    created: 形成日期\n    legal_hold: 涉诉冻结\n";

/// A case whose catalogue, with Chinese column names, is `目录.csv` or the
/// same written as `目录.parquet` (dates as `DATE`, flags as `BOOLEAN`).
#[cfg(feature = "parquet")]
fn mapped_case(dir: &Path, parquet: bool, mapping: &str) {
    std::fs::create_dir_all(dir.join("policies")).expect("policies");
    std::fs::write(dir.join("policies/rules.policy"), MAPPED_SCHEMA).expect("policy");
    let csv = dir.join("目录.csv");
    std::fs::write(&csv, MAPPED_CATALOGUE).expect("csv");
    let ext = if parquet { "parquet" } else { "csv" };
    if parquet {
        write::parquet_from_csv(&csv, &csv.with_extension("parquet"));
        std::fs::remove_file(&csv).expect("the CSV file is removed");
    }
    std::fs::write(dir.join("custodia.yaml"), mapping.replace("EXT", ext)).expect("manifest");
}

#[cfg(feature = "parquet")]
fn messages(report: &Value) -> Vec<String> {
    let mut out: Vec<String> = report["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .map(|v| v["message"].as_str().unwrap_or("").to_string())
        .collect();
    out.sort();
    out
}

/// A Parquet file with Chinese column names is mapped onto the schema as
/// the same CSV file is: columns by name, a value map, a typed date and
/// flag (a `BOOLEAN` false is read, not taken for an empty cell); the
/// values read are the same, and the report names the column and the
/// value as written (`题名 = 案卷甲`).
#[cfg(feature = "parquet")]
#[test]
fn a_parquet_file_is_mapped_as_a_csv_file_is() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (csv_case, pq_case) = (dir.path().join("csv"), dir.path().join("pq"));
    mapped_case(&csv_case, false, CATALOGUE_MAPPING);
    mapped_case(&pq_case, true, CATALOGUE_MAPPING);
    let (csv_exit, csv) = check_json(&csv_case, &dir.path().join("csv.json"));
    let (pq_exit, pq) = check_json(&pq_case, &dir.path().join("pq.json"));
    assert_eq!(pq["input_errors"], serde_json::json!([]), "{pq:#}");
    assert_eq!((csv_exit, pq_exit), (1, 1));
    assert_eq!(
        messages(&pq),
        [
            "R-1 general 2026-03-18 true",
            "R-2 sensitive 2020-01-02 false"
        ]
    );
    assert_eq!(messages(&pq), messages(&csv));
    let inputs = pq["inputs"].to_string();
    assert!(inputs.contains("目录.parquet"), "{inputs}");
    // The value shown names its Parquet column and the cell as written.
    assert_eq!(
        pq["violations"][0]["sources"],
        serde_json::json!([{
            "value": "r.title",
            "file": "目录.parquet",
            "line": 1,
            "column": "题名",
            "original": "案卷甲",
        }])
    );
}

/// A mapping mistake on a Parquet file is the same one error at its line
/// (a value the map lacks, with its count), and nothing is read.
#[cfg(feature = "parquet")]
#[test]
fn a_parquet_mapping_mistake_is_one_error_at_its_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let case = dir.path().join("pq");
    mapped_case(
        &case,
        true,
        &CATALOGUE_MAPPING.replace(", 敏感: sensitive", ""),
    );
    let (exit, report) = check_json(&case, &dir.path().join("r.json"));
    assert_eq!(exit, 2);
    let errors = report["input_errors"].as_array().expect("input errors");
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0]["file"], "custodia.yaml");
    assert_eq!(errors[0]["line"], 7, "the line of `class:`");
    let message = errors[0]["message"].as_str().unwrap_or("");
    assert!(message.contains("`敏感` (1)"), "{message}");
}

/// A Parquet file naming a column twice: a row's cells are found by name,
/// and the last column won without a word (hostile review, 2026-12-06: a
/// second `legal_hold`, all false, hid the holds). As a CSV header naming
/// a column twice, the file is an input error naming the column.
#[cfg(feature = "parquet")]
#[test]
fn a_parquet_file_naming_a_column_twice_is_an_input_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let case = dir.path().join("case");
    std::fs::create_dir_all(&case).expect("the case folder");
    copy_case(Path::new(ACME), &case);
    let csv = case.join("inventory.csv");
    let text = std::fs::read_to_string(&csv).expect("the inventory");
    let twice: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| match i {
            0 => format!("{l},legal_hold"),
            _ => format!("{l},false"),
        })
        .collect();
    std::fs::write(&csv, twice.join("\n") + "\n").expect("written");
    write::parquet_from_csv(&csv, &case.join("inventory.parquet"));
    std::fs::remove_file(&csv).expect("the CSV file is removed");
    let manifest = case.join("custodia.yaml");
    let mut text = std::fs::read_to_string(&manifest).expect("the manifest");
    text.push_str("inventory: inventory.parquet\n");
    std::fs::write(&manifest, text).expect("the manifest is written");
    let (exit, report) = check_json(&case, &dir.path().join("r.json"));
    assert_eq!(exit, 2, "{report:#}");
    let errors = report["input_errors"].as_array().expect("input errors");
    assert!(
        errors.iter().any(|e| e["file"] == "inventory.parquet"
            && e["message"].as_str().is_some_and(
                |m| m.starts_with("the file names column `legal_hold` twice (columns ")
            )),
        "{errors:#?}"
    );
}

/// Without the feature, a mapped Parquet file is an input error naming
/// the feature, as an unmapped one is.
#[cfg(not(feature = "parquet"))]
#[test]
fn without_the_feature_a_mapped_parquet_file_is_an_input_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let case = dir.path().join("case");
    std::fs::create_dir_all(case.join("policies")).expect("policies");
    std::fs::write(case.join("policies/rules.policy"), MAPPED_SCHEMA).expect("policy");
    std::fs::write(case.join("目录.parquet"), b"PAR1 not really").expect("a file");
    std::fs::write(
        case.join("custodia.yaml"),
        CATALOGUE_MAPPING.replace("EXT", "parquet"),
    )
    .expect("manifest");
    let (exit, report) = check_json(&case, &dir.path().join("r.json"));
    assert_eq!(exit, 2);
    let errors = report["input_errors"].to_string();
    assert!(errors.contains("cargo feature `parquet`"), "{errors}");
}

/// A minimal Parquet writer for the tests: the CSV's columns as optional
/// text, except those typed here (dates as `DATE`, flags as `BOOLEAN`),
/// an empty cell as null.
#[cfg(feature = "parquet")]
mod write {
    use std::path::Path;
    use std::sync::Arc;

    use parquet::basic::Compression;
    use parquet::data_type::{BoolType, ByteArray, ByteArrayType, Int32Type};
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;
    use parquet::schema::parser::parse_message_type;

    enum Col {
        Text,
        Date,
        Bool,
    }

    fn col_type(name: &str) -> Col {
        match name {
            "authorized_from" | "authorized_to" | "形成日期" => Col::Date,
            "may_read_pii" | "涉诉冻结" => Col::Bool,
            _ => Col::Text,
        }
    }

    pub fn parquet_from_csv(csv: &Path, out: &Path) {
        let mut reader = csv::Reader::from_path(csv).expect("the CSV file");
        let header: Vec<String> = reader
            .headers()
            .expect("a header")
            .iter()
            .map(str::to_string)
            .collect();
        let rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.expect("a record").iter().map(str::to_string).collect())
            .collect();
        let fields: Vec<String> = header
            .iter()
            .map(|h| match col_type(h) {
                Col::Text => format!("optional binary {h} (UTF8);"),
                Col::Date => format!("optional int32 {h} (DATE);"),
                Col::Bool => format!("optional boolean {h};"),
            })
            .collect();
        let schema = parse_message_type(&format!("message m {{ {} }}", fields.join(" ")))
            .expect("the schema parses");
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build();
        let file = std::fs::File::create(out).expect("the Parquet file");
        let mut w =
            SerializedFileWriter::new(file, Arc::new(schema), Arc::new(props)).expect("a writer");
        let mut group = w.next_row_group().expect("a row group");
        let mut i = 0;
        while let Some(mut col) = group.next_column().expect("a column") {
            let cells: Vec<&str> = rows.iter().map(|r| r[i].as_str()).collect();
            let defs: Vec<i16> = cells.iter().map(|c| i16::from(!c.is_empty())).collect();
            let present = cells.iter().filter(|c| !c.is_empty());
            match col_type(&header[i]) {
                Col::Text => {
                    let v: Vec<ByteArray> = present.map(|c| ByteArray::from(*c)).collect();
                    col.typed::<ByteArrayType>()
                        .write_batch(&v, Some(&defs), None)
                        .expect("written");
                }
                Col::Date => {
                    let v: Vec<i32> = present.map(|c| days(c)).collect();
                    col.typed::<Int32Type>()
                        .write_batch(&v, Some(&defs), None)
                        .expect("written");
                }
                Col::Bool => {
                    let v: Vec<bool> = present.map(|c| *c == "true").collect();
                    col.typed::<BoolType>()
                        .write_batch(&v, Some(&defs), None)
                        .expect("written");
                }
            }
            col.close().expect("closed");
            i += 1;
        }
        group.close().expect("closed");
        w.close().expect("closed");
    }

    /// Days since 1970-01-01 of `YYYY-MM-DD`.
    fn days(s: &str) -> i32 {
        let d: jiff::civil::Date = s.parse().expect("a date");
        let span = jiff::civil::date(1970, 1, 1)
            .until(d)
            .expect("a span in days");
        span.get_days()
    }
}

/// Parquet's typed cells in a report: decimals as their exact text
/// (positive, negative, scale 0) and timestamps as instants (UTC) or as
/// local times (not adjusted to UTC). These were unit tests of
/// `data::parquet`; here they need no second build of the library in
/// test mode with the feature (CI time) and are read as a user's file is.
#[cfg(feature = "parquet")]
mod typed_cells {
    use std::sync::Arc;

    use parquet::data_type::{ByteArray, ByteArrayType, FixedLenByteArray};
    use parquet::data_type::{FixedLenByteArrayType, Int32Type, Int64Type};
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;
    use parquet::schema::parser::parse_message_type;

    use crate::common::{Case, Run, SCHEMA};

    const SHOW: &str = r#"
rule show {
  title "Show the cells"
  cite "none"
  for record r
  require r.class != "general" else "{r.id} title={r.title} subject={r.subject} opened={r.opened}"
}
"#;

    /// Two general records, R-1 and R-2: titles DECIMAL(4,2) of `titles`
    /// (variable length), subjects DECIMAL(1,0) from 07 and FF (fixed
    /// length), and `opened` 1,700,000,000 s after the epoch in `unit`.
    fn inventory(titles: [&[u8]; 2], unit: &str, utc: bool) -> Vec<u8> {
        let schema = format!(
            "message m {{ required binary id (UTF8); \
             required binary title (DECIMAL(4,2)); \
             required fixed_len_byte_array(1) subject (DECIMAL(1,0)); \
             required binary class (UTF8); required int32 created (DATE); \
             required binary status (UTF8); \
             required int64 opened (TIMESTAMP({unit},{utc})); }}"
        );
        let schema = Arc::new(parse_message_type(&schema).expect("the schema parses"));
        let mut out = Vec::new();
        let props = Arc::new(WriterProperties::builder().build());
        let mut w = SerializedFileWriter::new(&mut out, schema, props).expect("a writer");
        let mut group = w.next_row_group().expect("a row group");
        let text = |v: [&str; 2]| v.map(ByteArray::from).to_vec();
        let fixed = |v: [&[u8]; 2]| v.map(|b| FixedLenByteArray::from(b.to_vec())).to_vec();
        let per_second: i64 = if unit == "MILLIS" { 1_000 } else { 1_000_000 };
        let mut i = 0;
        while let Some(mut col) = group.next_column().expect("a column") {
            match i {
                1 => col.typed::<ByteArrayType>().write_batch(
                    &titles.map(|b| ByteArray::from(b.to_vec())),
                    None,
                    None,
                ),
                2 => col.typed::<FixedLenByteArrayType>().write_batch(
                    &fixed([&[0x07], &[0xFF]]),
                    None,
                    None,
                ),
                // 2020-01-01
                4 => col
                    .typed::<Int32Type>()
                    .write_batch(&[18_262, 18_262], None, None),
                6 => col.typed::<Int64Type>().write_batch(
                    &[1_700_000_000 * per_second; 2],
                    None,
                    None,
                ),
                _ => {
                    let v = match i {
                        0 => ["R-1", "R-2"],
                        3 => ["general"; 2],
                        _ => ["archived"; 2],
                    };
                    col.typed::<ByteArrayType>()
                        .write_batch(&text(v), None, None)
                }
            }
            .expect("written");
            col.close().expect("closed");
            i += 1;
        }
        group.close().expect("closed");
        w.close().expect("closed");
        out
    }

    fn run(titles: [&[u8]; 2], unit: &str, utc: bool) -> Run {
        // Without `tags`: a list is not among the cells shown here.
        let schema = SCHEMA.replace("    tags: list of text\n", "");
        Case::with(SHOW, "")
            .file("policies/schema.policy", &schema)
            .without("inventory.csv")
            .bytes("inventory.parquet", &inventory(titles, unit, utc))
            .file("custodia.yaml", "inventory: inventory.parquet\n")
            .tz("Asia/Shanghai")
            .run()
    }

    fn messages(unit: &str, utc: bool) -> Vec<String> {
        let run = run([&[0x04, 0xD2], &[0xFF, 0x85]], unit, utc);
        assert_eq!(run.input_errors().len(), 0, "{}", run.dump());
        let mut m: Vec<String> = run
            .of("show")
            .iter()
            .map(|v| v["message"].as_str().unwrap_or_default().to_string())
            .collect();
        m.sort();
        m
    }

    #[test]
    fn decimals_keep_their_exact_text_and_instants_their_zone() {
        insta::assert_snapshot!(messages("MILLIS", true).join("\n"), @r"
        R-1 title=12.34 subject=7 opened=2023-11-15T06:13:20+08:00
        R-2 title=-1.23 subject=-1 opened=2023-11-15T06:13:20+08:00
        ");
    }

    #[test]
    fn a_timestamp_not_adjusted_to_utc_is_a_local_time() {
        insta::assert_snapshot!(messages("MICROS", false).join("\n"), @r"
        R-1 title=12.34 subject=7 opened=2023-11-14T22:13:20+08:00
        R-2 title=-1.23 subject=-1 opened=2023-11-14T22:13:20+08:00
        ");
    }

    #[test]
    fn a_decimal_of_no_bytes_is_an_input_error_not_a_pass() {
        let run = run([&[], &[0x04, 0xD2]], "MILLIS", true);
        assert_eq!(run.exit, 2, "{}", run.dump());
        insta::assert_snapshot!(run.error_lines().join("\n"), @"inventory.parquet:1: column `title`: a decimal of 0 bytes is not read; the row was not read");
    }
}
