//! An undeclared column under one of a field's usual names in records
//! staff's words (`涉诉冻结` for `legal_hold`; `data::terms`) is judged as a
//! near miss of that field (docs/inputs-and-reports.md, near-miss columns).
//! It was a note: with the field's own column absent every record read as
//! not held, the hold rule had no subject, and the check said COMPLIANT.

mod common;

use common::{rec, Case, INVENTORY_HEADER};

const HELD: &str =
    "rule held {\n  for record r where r.legal_hold\n  require false else \"{r.id} is held\"\n}\n";

/// The inventory with the `legal_hold` column headed `name`, and rows
/// (id, cell under that column).
fn renamed(name: &str, rows: &[(&str, &str)]) -> String {
    let mut out = INVENTORY_HEADER.replace("legal_hold", name);
    for (id, cell) in rows {
        out.push_str(&rec(id, &[("legal_hold", cell)]));
    }
    out
}

/// The inventory with one more column `extra`: rows (id, legal_hold, extra).
fn beside(extra: &str, rows: &[(&str, &str, &str)]) -> String {
    let mut out = format!("{},{extra}\n", INVENTORY_HEADER.trim_end());
    for (id, hold, cell) in rows {
        out.push_str(&format!(
            "{},{cell}\n",
            rec(id, &[("legal_hold", hold)]).trim_end()
        ));
    }
    out
}

#[test]
fn a_usual_name_of_an_absent_field_is_an_input_error() {
    for name in [
        "涉诉冻结",
        "诉讼冻结",
        "冻结",
        "法律冻结",
        "诉讼保全",
        "司法冻结",
    ] {
        let inv = renamed(name, &[("R1", "是"), ("R2", "否")]);
        let r = Case::with(HELD, "").file("inventory.csv", &inv).run();
        assert_eq!(r.exit, 2, "{name}: {}", r.dump());
        let e = &r.input_errors()[0];
        assert_eq!(
            (&e["line"], &e["column"], e["field"].as_str()),
            (&serde_json::json!(1), &serde_json::json!(8), Some(name)),
            "{}",
            r.dump()
        );
        assert!(
            r.error_messages()[0].contains("did you mean `legal_hold`?"),
            "{:?}",
            r.error_messages()
        );
        assert!(r.notes().is_empty(), "not also a note: {}", r.dump());
    }
}

/// Beside a `legal_hold` column blank in every row that has it, the holds
/// in `涉诉冻结` are found too; beside a filled one saying the same it is
/// only noted, and saying otherwise, or holding a value where `legal_hold`
/// is blank, it is an error (Decision 2026-12-06: `no` beside `是` was a
/// hold lost beside a note).
#[test]
fn a_usual_name_beside_a_blank_field_is_an_input_error() {
    let inv = beside("涉诉冻结", &[("R1", "", "是"), ("R2", "", "")]);
    let r = Case::with(HELD, "").file("inventory.csv", &inv).run();
    assert_eq!(r.exit, 2, "{}", r.dump());
    assert!(
        r.error_messages()[0]
            .starts_with("column `legal_hold` is blank in every row that has column `涉诉冻结`"),
        "{:?}",
        r.error_messages()
    );
    let inv = beside("涉诉冻结", &[("R1", "no", "否"), ("R2", "", "")]);
    let r = Case::with(HELD, "").file("inventory.csv", &inv).run();
    assert!(r.input_errors().is_empty(), "{}", r.dump());
    assert_eq!(r.notes().len(), 1, "the undeclared column: {}", r.dump());
    // Blank in one row only, beside a hold: the same field written twice,
    // so the hold is not left to the default (Decision 2026-12-06).
    let inv = beside("涉诉冻结", &[("R1", "no", "否"), ("R2", "", "是")]);
    let r = Case::with(HELD, "").file("inventory.csv", &inv).run();
    assert_eq!(r.exit, 2, "{}", r.dump());
    assert!(
        r.error_messages()[0]
            .starts_with("column `legal_hold` is blank in this row while column `涉诉冻结`"),
        "{:?}",
        r.error_messages()
    );
    let inv = beside("涉诉冻结", &[("R1", "no", "是"), ("R2", "", "")]);
    let r = Case::with(HELD, "").file("inventory.csv", &inv).run();
    assert_eq!(r.exit, 2, "{}", r.dump());
    assert!(
        r.error_messages()[0].starts_with(
            "column `涉诉冻结`, which is not declared but named like `legal_hold` (or by its \
             usual name), holds another value than `legal_hold` in this row"
        ),
        "{:?}",
        r.error_messages()
    );
}

/// Only an exact usual name counts, and never one of an `id`: a column
/// holding a field's name inside a longer one (`冻结日期`), or a row number
/// (`序号`) beside an event kind's optional id, stays a note.
#[test]
fn other_columns_stay_notes() {
    for extra in ["冻结日期", "备注", "序号"] {
        let inv = beside(extra, &[("R1", "no", "x")]);
        let r = Case::with(HELD, "").file("inventory.csv", &inv).run();
        assert!(r.input_errors().is_empty(), "{extra}: {}", r.dump());
    }
    let log = "record,actor,at,序号\nR1,S1,2026-01-01T00:00:00Z,1\n";
    let access = "access all_access {\n  for access a\n  require false\n}\n";
    let r = Case::with(access, &rec("R1", &[]))
        .file("logs/access.csv", log)
        .run();
    assert!(r.input_errors().is_empty(), "{}", r.dump());
    assert_eq!(r.ids("all_access").len(), 1, "{}", r.dump());
}

/// Through a mapping that leaves `legal_hold` to its implicit column, the
/// usual name is an error at the entry's line, as a near miss is.
#[test]
fn a_mapped_file_with_a_usual_name_is_refused() {
    for name in ["涉诉冻结", "诉讼保全"] {
        mapped_with(name);
    }
}

fn mapped_with(name: &str) {
    let inv =
        format!("档案号,题名,密级,形成日期,状态,{name}\nR1,凭证,general,2020-01-01,active,是\n");
    let manifest = "inventory:\n  file: 目录.csv\n  columns:\n    id: 档案号\n    title: 题名\n    class: 密级\n    created: 形成日期\n    status: 状态\n";
    let r = Case::with(HELD, "")
        .without("inventory.csv")
        .file("目录.csv", &inv)
        .file("custodia.yaml", manifest)
        .run();
    assert_eq!(r.exit, 2, "{}", r.dump());
    let all = r.error_messages().join("\n");
    assert!(
        all.contains(name) && all.contains("legal_hold"),
        "{}",
        r.dump()
    );
}

/// Through a mapping that leaves `legal_hold` to its implicit column,
/// which the file has: a usual-name column beside it saying otherwise in
/// a row is an error at that row (Decision 2026-12-06); saying the same
/// (`否` beside `no`), a note.
#[test]
fn a_mapped_usual_name_disagreeing_with_the_field_is_refused() {
    let run = |second: &str| {
        let inv = format!(
            "档案号,题名,密级,形成日期,状态,标签,legal_hold,诉讼保全\n\
             R1,凭证,general,2020-01-01,active,a,no,否\n\
             R2,凭证,general,2020-01-01,active,a,no,{second}\n"
        );
        let manifest = "inventory:\n  file: 目录.csv\n  columns:\n    id: 档案号\n    title: 题名\n    class: 密级\n    created: 形成日期\n    status: 状态\n    tags: 标签\n";
        Case::with(HELD, "")
            .without("inventory.csv")
            .file("目录.csv", &inv)
            .file("custodia.yaml", manifest)
            .run()
    };
    let r = run("是");
    assert_eq!(r.exit, 2, "{}", r.dump());
    let e = &r.input_errors()[0];
    assert_eq!(
        (&e["line"], &e["column"], e["field"].as_str()),
        (
            &serde_json::json!(3),
            &serde_json::json!(8),
            Some("诉讼保全")
        ),
        "{}",
        r.dump()
    );
    assert!(
        r.error_messages()[0].contains("holds another value than `legal_hold` in this row"),
        "{:?}",
        r.error_messages()
    );
    let r = run("N");
    assert!(r.input_errors().is_empty(), "{}", r.dump());
}

/// A name the dictionary gives to two fields of the collection (`方式`:
/// `method` and `channel`) says neither: it stays a note. With one of them
/// declared it names that one.
#[test]
fn a_name_of_two_declared_fields_names_neither() {
    let log = "record,at,方式\nR1,2026-01-01T00:00:00Z,短信\n";
    let rule = "rule all_notices {\n  for notice n\n  require false\n}\n";
    let with = |fields: &str| {
        let schema = common::SCHEMA.replacen(
            "  table staff {",
            &format!("  event notice {{\n    record: ref record\n{fields}  }}\n  table staff {{"),
            1,
        );
        Case::with(rule, &rec("R1", &[]))
            .file("policies/schema.policy", &schema)
            .file("logs/notice.csv", log)
            .run()
    };
    let r = with("    method: text?\n    channel: text?\n");
    assert!(r.input_errors().is_empty(), "{}", r.dump());
    assert_eq!(r.ids("all_notices").len(), 1, "{}", r.dump());
    let r = with("    channel: text?\n");
    assert_eq!(r.exit, 2, "{}", r.dump());
    assert!(
        r.error_messages()[0].contains("did you mean `channel`?"),
        "{:?}",
        r.error_messages()
    );
}

/// In JSONL too, and said once: the near miss says the default is taken,
/// so no "the file has no column `legal_hold`" note beside it.
#[test]
fn a_usual_name_in_jsonl_is_one_error_and_no_note() {
    let inv = "{\"id\":\"R1\",\"title\":\"a\",\"class\":\"general\",\"created\":\"2020-01-01\",\"status\":\"active\",\"tags\":[],\"涉诉冻结\":\"是\"}\n";
    let r = Case::with(HELD, "")
        .without("inventory.csv")
        .file("inventory.jsonl", inv)
        .run();
    assert_eq!(r.exit, 2, "{}", r.dump());
    assert_eq!(r.input_errors().len(), 1, "{}", r.dump());
    assert!(
        r.error_messages()[0].contains("did you mean `legal_hold`?"),
        "{}",
        r.dump()
    );
    assert!(r.notes().is_empty(), "not also a note: {}", r.dump());
}
