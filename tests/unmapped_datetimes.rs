//! A datetime on a 12-hour clock as a Chinese Excel or WPS writes it
//! (`2026/1/5 下午3:30`) read where a mapping reads the field (session
//! 22), but was an input error in a CSV file or a workbook's text cell
//! read without a mapping. Now it reads the same way there
//! (docs/inputs-and-reports.md, "datetimes as a mapping reads them").

mod common;

use common::Case;
use rust_xlsxwriter::Workbook;

const SCHEMA: &str = r#"
schema {
  record { id: id  status: one of "active", "destroyed" }
  event access { record: ref record  actor: ref staff }
  table staff { id: id  authorized_to: date? }
}
"#;

const RULE: &str = r#"
rule in_time {
  title "No access after the rights ended"
  cite "none"
  for access a
  require a.actor.authorized_to is missing or date(a.at) <= a.actor.authorized_to
    else "{a.actor} read at {a.at}"
}
"#;

fn case() -> Case {
    Case::new()
        .file("policies/schema.policy", SCHEMA)
        .file("policies/rules.policy", RULE)
        .file("custodia.yaml", "packs: []\ntime_zone: Asia/Shanghai\n")
        .file("inventory.csv", "id,status\nR1,active\n")
        .file("tables/staff.csv", "id,authorized_to\nS1,2026-01-04\n")
}

/// The messages of the run's findings of `in_time`, and its exit status.
fn said(r: &common::Run) -> Vec<String> {
    assert!(r.input_errors().is_empty(), "{}", r.dump());
    r.of("in_time")
        .iter()
        .map(|v| v["message"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn a_twelve_hour_datetime_reads_in_a_csv_file_without_a_mapping() {
    for (at, read) in [
        ("2026/1/5 下午3:30", "2026-01-05T15:30:00+08:00"),
        ("2026/1/5下午3:30", "2026-01-05T15:30:00+08:00"),
        ("2026/1/5 上午12:05", "2026-01-05T00:05:00+08:00"),
        ("2026/1/5 15:30", "2026-01-05T15:30:00+08:00"),
    ] {
        let r = case()
            .file("logs/access.csv", &format!("at,record,actor\n{at},R1,S1\n"))
            .run();
        assert_eq!(said(&r), [format!("S1 read at {read}")], "{at}");
        assert_eq!(r.exit, 1, "{at}: {}", r.dump());
    }
    // The day before the rights ended, at 下午: read, and no finding.
    let r = case()
        .file(
            "logs/access.csv",
            "at,record,actor\n2026/1/4 下午11:59,R1,S1\n",
        )
        .run();
    assert_eq!(said(&r), Vec::<String>::new());
    assert_eq!(r.exit, 0, "{}", r.dump());
    // A clock that cannot be told is still refused.
    let r = case()
        .file(
            "logs/access.csv",
            "at,record,actor\n2026/1/5 下午15:30,R1,S1\n",
        )
        .run();
    assert_eq!(r.exit, 2, "{}", r.dump());
}

#[test]
fn a_twelve_hour_datetime_reads_in_a_workbook_without_a_mapping() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, cell) in ["at", "record", "actor"].iter().enumerate() {
        ws.write_string(0, c as u16, *cell).expect("in range");
    }
    for (c, cell) in ["2026/1/5 下午3:30", "R1", "S1"].iter().enumerate() {
        ws.write_string(1, c as u16, *cell).expect("in range");
    }
    let bytes = wb.save_to_buffer().expect("written");
    let r = case().bytes("logs/access.xlsx", &bytes).run();
    assert_eq!(said(&r), ["S1 read at 2026-01-05T15:30:00+08:00"]);
    assert_eq!(r.exit, 1, "{}", r.dump());
}
