//! Provenance of mapped values (issue 13 item 2, docs/mapping.md,
//! "Provenance"): a value a finding shows that came through a mapping names
//! the company's file and row, its column and the cell as written, in every
//! report format; a personal column's text is masked there as its value is.

mod common;

use std::path::Path;

use custodia::cli::app::{run_check, CheckOptions, Format};
use serde_json::Value;

const EXPORTS: &str = "examples/company-exports";
const ACME: &str = "examples/acme-deregistration";

const ALL_FORMATS: [Format; 8] = [
    Format::Human,
    Format::Json,
    Format::Sarif,
    Format::Junit,
    Format::Github,
    Format::Markdown,
    Format::Html,
    Format::Codequality,
];

fn check(dir: &Path, format: Format, lang: Option<&str>) -> String {
    let out = run_check(&CheckOptions {
        case: dir.to_path_buf(),
        format,
        color: false,
        lang: lang.map(|l| custodia::i18n::Lang::parse(l).expect("a language")),
        // The examples' and fixtures' own `record` schema leaves the
        // statute packs out (`common::ACCEPT_OWN_SCHEMA`).
        allow_skipped: true,
        ..Default::default()
    });
    assert!(
        out.exit == 1,
        "{format:?}: exit {}\n{}",
        out.exit,
        out.errors
    );
    out.output
}

fn json(dir: &Path) -> Value {
    serde_json::from_str(&check(dir, Format::Json, None)).expect("JSON report")
}

/// Every `sources` entry of the JSON report, as `value <- column = original
/// (file:line)`, sorted.
fn sources(report: &Value) -> Vec<String> {
    let mut out: Vec<String> = report["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .flat_map(|v| v["sources"].as_array().cloned().unwrap_or_default())
        .map(|s| {
            format!(
                "{} <- {} = {} ({}:{})",
                s["value"].as_str().unwrap_or("?"),
                s["column"].as_str().unwrap_or("?"),
                match s["original"].as_str() {
                    Some("") => "(empty)",
                    Some(text) => text,
                    None => "(not read again)",
                },
                s["file"].as_str().unwrap_or("?"),
                s["line"],
            )
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The example's report names the company's columns and values: the
/// retention schedule's `永久`, the access register's `2026/7/8 14:00`,
/// the roster's `否`, a catalogue workbook row.
#[test]
fn the_example_names_the_companys_columns_and_values() {
    let report = json(Path::new(EXPORTS));
    let found = sources(&report);
    for expected in [
        "s.period <- 保管期限 = 永久 (保管期限表.csv:4)",
        "a.at <- 查阅时间 = 2026/7/8 14:00 (查阅登记.csv:18)",
        "a.actor.may_read_pii <- 可查阅个人信息 = 否 (员工花名册.csv:7)",
        "r.id <- 档案号 = R-1009 (案卷目录.xlsx!案卷目录:12)",
        "a.purpose <- 查阅事由 = (empty) (查阅登记.csv:11)",
    ] {
        assert!(
            found.iter().any(|f| f == expected),
            "{expected} not in {found:#?}"
        );
    }
    insta::assert_snapshot!("example_sources", found.join("\n"));
    // `sources` is part of the report's JSON Schema, and a strict part.
    common::assert_valid_report(&report);
    let mut broken = report.clone();
    let first = broken["violations"]
        .as_array_mut()
        .and_then(|vs| vs.iter_mut().find(|v| v.get("sources").is_some()))
        .expect("a violation with sources");
    first["sources"][0]["surprise"] = Value::Bool(true);
    let caught = std::panic::catch_unwind(|| common::assert_valid_report(&broken));
    assert!(
        caught.is_err(),
        "an unknown key in `sources` must be refused"
    );
}

/// Each format carries the column and the value as written (the machine
/// formats in `sources`, the others in words); Code Quality has no place
/// for values and is left out.
#[test]
fn every_format_shows_the_original_column_and_value() {
    for format in ALL_FORMATS {
        if format == Format::Codequality {
            continue;
        }
        let text = check(Path::new(EXPORTS), format, None);
        for needle in ["保管期限", "永久", "查阅时间", "2026/7/8 14:00"] {
            assert!(text.contains(needle), "{format:?} lacks {needle}");
        }
    }
}

/// An unmapped case reports as before: no `sources`, no "as written".
#[test]
fn an_unmapped_case_has_no_sources() {
    let report = json(Path::new(ACME));
    assert!(sources(&report).is_empty());
    let human = check(Path::new(ACME), Format::Human, None);
    assert!(!human.contains("as written"));
}

/// The human report in both languages shows where mapped values came from.
#[test]
fn the_human_report_shows_origins_in_english_and_chinese() {
    let en = check(Path::new(EXPORTS), Format::Human, Some("en"));
    assert!(
        en.contains("as written: s.period ← 保管期限 = 永久 (保管期限表.csv:4)"),
        "{en}"
    );
    let zh = check(Path::new(EXPORTS), Format::Human, Some("zh"));
    assert!(
        zh.contains("原始记录：s.period ← 保管期限 = 永久（保管期限表.csv:4）"),
        "{zh}"
    );
}

/// A copy of the example with rules that show personal columns' values
/// directly: the phone (`pii`), the reader's name (`pii`, via a lookup by
/// name), the witnesses (`pii` list, two names in one cell).
fn with_pii_rules() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    copy_dir(Path::new(EXPORTS), dir.path());
    std::fs::write(
        dir.path().join("policies/pii_probe.policy"),
        r#"
rule phone_probe {
  severity error
  for record r where r.phone is set
  require r.phone == "none"
}
rule reader_probe {
  severity error
  for access a
  require a.actor.name == "nobody"
  require a.actor == "S-99"
}
rule witness_probe {
  severity error
  for destruction d
  require len(d.witnesses) > 5 and d.witnesses == ["nobody"]
}
"#,
    )
    .expect("write policy");
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// The personal values of the example, as the hand-converted acme case
/// holds them: the customers' phone numbers, the staff's names.
fn personal_values() -> Vec<String> {
    let acme = Path::new(ACME);
    let mut out = Vec::new();
    let csv_column = |file: &str, column: &str| -> Vec<String> {
        let text = std::fs::read_to_string(acme.join(file)).expect("read");
        let mut lines = text.lines();
        let header: Vec<&str> = lines.next().expect("header").split(',').collect();
        let i = header.iter().position(|h| *h == column).expect("column");
        lines
            .filter_map(|l| l.split(',').nth(i).map(str::to_string))
            .filter(|v| !v.is_empty())
            .collect()
    };
    out.extend(csv_column("inventory.csv", "phone"));
    out.extend(csv_column("tables/staff.csv", "name"));
    // A name the policies themselves write (a waiver's approver) is the
    // author's text, not a value read from the data.
    let policies: String = std::fs::read_dir(Path::new(EXPORTS).join("policies"))
        .expect("policies")
        .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("read"))
        .collect();
    out.retain(|v| !policies.contains(v.as_str()));
    assert!(out.len() > 8, "{out:?}");
    out
}

/// A pii column's original text never appears unmasked, in any format and
/// language, though rules read it directly and the report names the
/// column it came from.
#[test]
fn a_personal_columns_original_value_is_never_shown_unmasked() {
    let dir = with_pii_rules();
    let personal = personal_values();
    for lang in ["en", "zh"] {
        for format in ALL_FORMATS {
            let text = check(dir.path(), format, Some(lang));
            for value in &personal {
                assert!(
                    !text.contains(value.as_str()),
                    "{format:?} ({lang}) shows `{value}`"
                );
            }
        }
    }
    let report = json(dir.path());
    let found = sources(&report);
    for column in ["联系电话", "查阅人", "监销人"] {
        assert!(
            found.iter().any(|s| s.contains(&format!("<- {column} = "))),
            "{column} not named in {found:#?}"
        );
    }
    insta::assert_snapshot!(
        "personal_sources",
        found
            .iter()
            .filter(|s| ["联系电话", "查阅人", "监销人", "姓名"]
                .iter()
                .any(|c| s.contains(c)))
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The example's whole terminal report, in both languages: each finding
/// says where its mapped values came from (`as written:` / `原始记录：`).
#[test]
fn the_example_report_end_to_end() {
    for lang in ["en", "zh"] {
        let text = check(Path::new(EXPORTS), Format::Human, Some(lang));
        insta::assert_snapshot!(format!("example_human_{lang}"), text);
    }
}

/// A dangling ref read through a mapping names the cell it was read from
/// as written (the auditor 吴刚, a name, masked), in JSON and in SARIF's
/// `properties.sources`; a `let`'s value names the cells it was computed
/// from (`expires` from 形成日期 and 保管期限).
#[test]
fn a_dangling_ref_and_a_let_name_their_original_cells() {
    let report = json(Path::new(EXPORTS));
    let found = sources(&report);
    for expected in [
        "access.actor <- 查阅人 = *** (查阅登记.csv:17)",
        "expires <- 形成日期 = 2024年3月1日 (案卷目录.xlsx!案卷目录:8)",
        "expires <- 保管期限 = 3年 (保管期限表.csv:8)",
    ] {
        assert!(
            found.iter().any(|f| f == expected),
            "{expected} not in {found:#?}"
        );
    }
    let sarif: Value =
        serde_json::from_str(&check(Path::new(EXPORTS), Format::Sarif, None)).expect("SARIF");
    let dangling = sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["ruleId"] == "integrity.dangling_ref")
        .expect("the dangling ref");
    assert_eq!(
        dangling["properties"]["sources"],
        serde_json::json!([{
            "value": "access.actor",
            "file": "查阅登记.csv",
            "line": 17,
            "column": "查阅人",
            "original": "***",
        }])
    );
    // An unmapped dangling ref keeps no values: its message names the id.
    let acme = json(Path::new(ACME));
    let unmapped = acme["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .find(|v| v["rule"] == "integrity.dangling_ref")
        .expect("acme's dangling ref");
    assert_eq!(unmapped["values"], serde_json::json!({}));
}

/// `explain` says where each mapped value of its trace came from, as the
/// reports do, in both languages: a path, a ref followed, a `let`.
#[test]
fn explain_names_the_original_cells() {
    for lang in ["en", "zh"] {
        let out = custodia::cli::explain::run_explain(&custodia::cli::explain::ExplainOptions {
            rule: "no_early_destruction".into(),
            subject: Some("D-05".into()),
            case: EXPORTS.into(),
            overrides: Default::default(),
            as_of: None,
            tz: None,
            lang: custodia::i18n::Lang::parse(lang),
        });
        assert_eq!(out.exit, 1, "{}", out.errors);
        insta::assert_snapshot!(format!("explain_origins_{lang}"), out.output);
    }
}
