//! Text that no rule looks up by value (free text, the ids of events that
//! nothing refers to) is stored without hashing when large files are loaded
//! in pieces (`eval::index::unhashed_fields`, docs/scale.md). Such symbols
//! are not canonical, so everything that compares them must compare text:
//! duplicate event ids split over pieces are still found, a free-text value
//! still finds the row a join key gives it, two free-text fields with the
//! same text are still equal, and the report is the same whatever the cut.

use custodia::app::{run_check, CheckOptions, Format, ScaleOptions};
use serde_json::Value;

mod common;

const SCHEMA: &str = r#"
schema {
  record {
    id: id
    title: text
  }
  event access {
    record: ref record
    reader: text
    note: text?
  }
  table staff {
    id: id
    name: text
  }
}
"#;

const RULES: &str = r#"
rule reader_is_staff {
  for access a
  match staff s on s.name == a.reader
        else "{a.id}: {a.reader} is not on the staff list"
}

rule note_is_not_the_reader {
  for access a
  require a.note != a.reader else "{a.id}: the note repeats the reader {a.reader}"
}

rule titled {
  for record r
  require r.title != "untitled" else "{r.id} has no title"
}
"#;

/// 3,000 access events over 300 records; every 1000th event repeats the id
/// of an event far before it (another piece at small cuts); every 700th is
/// read by someone not on the staff list; every 500th has a note equal to
/// its reader's name.
fn case() -> common::Case {
    let mut inventory = String::from("id,title\n");
    for r in 0..300 {
        let title = if r % 100 == 7 { "untitled" } else { "账簿" };
        inventory.push_str(&format!("R-{r:04},{title}\n"));
    }
    let mut access = String::from("id,at,record,reader,note\n");
    for e in 1..=3000u32 {
        let id = if e % 1000 == 0 { e - 999 } else { e };
        let reader = if e % 700 == 0 {
            "外来人员".to_string()
        } else {
            format!("员工{}", e % 20)
        };
        let note = if e % 500 == 0 {
            reader.clone()
        } else {
            format!("调阅说明{e}")
        };
        access.push_str(&format!(
            "ACC-{id:06},2026-01-01T10:00:00+08:00,R-{:04},{reader},{note}\n",
            e % 300
        ));
    }
    let mut staff = String::from("id,name\n");
    for s in 0..20 {
        staff.push_str(&format!("S-{s:02},员工{s}\n"));
    }
    common::Case::new()
        .file("policies/schema.policy", SCHEMA)
        .file("policies/rules.policy", RULES)
        .file("inventory.csv", &inventory)
        .file("logs/access.csv", &access)
        .file("tables/staff.csv", &staff)
}

fn run(dir: &std::path::Path, threads: Option<usize>, piece_bytes: Option<usize>) -> String {
    let out = run_check(&CheckOptions {
        case: dir.to_path_buf(),
        as_of: Some("2026-11-27".into()),
        format: Format::Json,
        scale: ScaleOptions {
            threads,
            piece_bytes,
            ..Default::default()
        },
        ..Default::default()
    });
    assert!(out.errors.is_empty(), "{}", out.errors);
    out.output
}

fn subjects(report: &Value, rule: &str) -> Vec<String> {
    report["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .filter(|v| v["rule"] == rule)
        .map(|v| v["subject"]["id"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn unhashed_text_is_compared_and_deduplicated_by_its_text_whatever_the_cut() {
    let dir = case().write();
    let whole = run(dir.path(), Some(1), None);
    let report: Value = serde_json::from_str(&whole).expect("JSON report");
    assert_eq!(
        subjects(&report, "integrity.duplicate_id"),
        ["ACC-000001", "ACC-001001", "ACC-002001"]
    );
    assert_eq!(
        subjects(&report, "reader_is_staff"),
        ["ACC-000700", "ACC-001400", "ACC-002100", "ACC-002800"]
    );
    assert_eq!(
        subjects(&report, "note_is_not_the_reader"),
        [
            "ACC-000001",
            "ACC-000500",
            "ACC-001001",
            "ACC-001500",
            "ACC-002001",
            "ACC-002500"
        ]
    );
    assert_eq!(subjects(&report, "titled"), ["R-0007", "R-0107", "R-0207"]);
    // Pieces of 64 bytes to 10 KB: each string is stored per piece, and
    // the duplicates and equal texts are in different pieces.
    for piece_bytes in [Some(64), Some(1000), Some(10_000)] {
        for threads in [Some(1), Some(2)] {
            let cut = run(dir.path(), threads, piece_bytes);
            assert!(
                cut == whole,
                "{piece_bytes:?} bytes a piece, {threads:?} threads:\n{cut}"
            );
        }
    }
}
