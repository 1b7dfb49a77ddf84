//! A roster saying who has left in words other than a `状态` column of
//! `离职` (hostile review h24a F1): `是否在职` of `否`, `在职` of `否`,
//! `离职` of `是`, a status of `已调出` or `离退休`, `active` of `false`,
//! and `authorized_to` of `9999-12-31` (a placeholder for "no end")
//! beside `离职`, each read 周敏 as still authorised, and her reading of a
//! customer file after leaving passed, COMPLIANT with exit 0. Each is now
//! an input error at the status cell, naming the column, and the run is
//! INCOMPLETE (docs/inputs-and-reports.md, "a status beside a blank end").

mod common;

use common::Case;
use rust_xlsxwriter::Workbook;

const SCHEMA: &str = r#"
schema {
  record {
    id: id
    personal_info: bool = false
  }
  event access {
    record: ref record
    actor: ref staff
  }
  table staff {
    id: id
    name: text pii
    authorized_to: date?
  }
}
"#;

const RULE: &str = r#"
rule read_while_authorized {
  title "Personal information is read only while the reader is authorised"
  cite "个人信息保护法 第五十一条"
  for access a where a.record.personal_info
  require a.actor.authorized_to is missing or date(a.at) <= a.actor.authorized_to
        else "{a.actor.name} opened {a.record} on {date(a.at)}, after their authorisation ended"
}
"#;

/// 周敏 (S-07) reads a customer file on 2026-05-08.
fn roster(path: &str, staff: &str) -> Case {
    Case::new()
        .file("policies/schema.policy", SCHEMA)
        .file("policies/rules.policy", RULE)
        .file("custodia.yaml", "packs: []\ntime_zone: Asia/Shanghai\n")
        .file("inventory.csv", "id,personal_info\nR-1003,true\n")
        .file(
            "logs/access.csv",
            "at,record,actor\n2026-05-08 09:00,R-1003,S-07\n",
        )
        .file(path, staff)
}

/// 陈静 is there, 周敏's row says `gone` in column `column`, and her
/// `authorized_to` holds `end`.
fn staff(column: &str, present: &str, gone: &str, end: &str) -> String {
    format!("id,name,authorized_to,{column}\nS-01,陈静,,{present}\nS-07,周敏,{end},{gone}\n")
}

/// The tester's wordings and their family: each an input error at 周敏's
/// status cell (line 3, column 4), never COMPLIANT.
#[test]
fn every_wording_of_gone_beside_a_blank_end_is_an_input_error() {
    for (column, present, gone) in [
        ("是否在职", "是", "否"),
        ("在职", "是", "否"),
        ("离职", "否", "是"),
        ("是否离职", "否", "是"),
        ("在职状态", "在职", "离职"),
        ("在职状态", "是", "否"),
        ("人员状态", "在职", "已调出"),
        ("人员状态", "在职", "离退休"),
        ("在岗", "是", "否"),
        ("离岗", "否", "是"),
        ("active", "true", "false"),
        ("active", "Y", "N"),
        ("is_active", "1", "0"),
        ("employed", "yes", "no"),
        ("status", "active", "terminated"),
        ("status", "active", "left"),
        ("status", "active", "inactive"),
    ] {
        let r = roster("tables/staff.csv", &staff(column, present, gone, "")).run();
        assert_eq!(r.exit, 2, "{column}={gone}: {}", r.dump());
        let e = r.input_errors();
        assert_eq!(e.len(), 1, "{column}={gone}: {}", r.dump());
        assert_eq!(
            (e[0]["line"].as_u64(), e[0]["column"].as_u64()),
            (Some(3), Some(4))
        );
        let m = &r.error_messages()[0];
        assert!(
            m.starts_with(&format!("column `{column}` is not declared")),
            "{m}"
        );
        assert!(m.contains(&format!("in this row it says `{gone}`")), "{m}");
    }
}

/// What says the person is still there, or nothing of it, is read as
/// before: `待离职`, `未离职`, a yes in `是否在职`, a no in `是否离职`, a
/// yes or no in a column naming only a status.
#[test]
fn words_that_do_not_say_gone_are_read() {
    for (column, word) in [
        ("是否在职", "是"),
        ("离职", "否"),
        ("离职", "未离职"),
        ("人员状态", "待离职"),
        ("人员状态", "未离职"),
        ("人员状态", "否"),
        ("在职", "待离职"),
        ("备注", "否"),
    ] {
        let r = roster("tables/staff.csv", &staff(column, "", word, "")).run();
        assert!(r.input_errors().is_empty(), "{column}={word}: {}", r.dump());
        assert_eq!(r.exit, 0, "{column}={word}: {}", r.dump());
    }
}

/// `9999-12-31` in `authorized_to` stands for no end: beside a status
/// saying gone it is as blank as an empty cell, and the message says what
/// it holds. A real end date is read as before.
#[test]
fn a_placeholder_end_beside_gone_is_an_input_error() {
    let r = roster(
        "tables/staff.csv",
        &staff("在职状态", "在职", "离职", "9999-12-31"),
    )
    .run();
    assert_eq!(r.exit, 2, "{}", r.dump());
    let m = r.error_messages();
    assert_eq!(m.len(), 1, "{}", r.dump());
    assert!(
        m[0].contains(
            "while `authorized_to` (date) holds 9999-12-31, a day that stands for no end"
        ),
        "{}",
        m[0]
    );
    let r = roster(
        "tables/staff.csv",
        &staff("在职状态", "在职", "离职", "2026-04-30"),
    )
    .run();
    assert!(r.input_errors().is_empty(), "{}", r.dump());
    assert_eq!(r.exit, 1, "{}", r.dump());
    // Mapped, the same.
    let r = roster(
        "员工.csv",
        "工号,姓名,授权截止,是否在职\nS-01,陈静,,是\nS-07,周敏,9999/12/31,否\n",
    )
    .file(
        "custodia.yaml",
        "packs: []\ntime_zone: Asia/Shanghai\ntables:\n  staff:\n    file: 员工.csv\n    columns: { id: 工号, name: 姓名, authorized_to: 授权截止 }\n",
    )
    .run();
    assert_eq!(r.exit, 2, "{}", r.dump());
    assert_eq!(r.input_errors()[0]["line"], 3, "{}", r.dump());
}

/// In Chinese, the message says what the column asks.
#[test]
fn the_message_reads_in_chinese() {
    let dir = roster("tables/staff.csv", &staff("是否在职", "是", "否", "")).write();
    let (code, out, err) = common::custodia_in(dir.path(), &["check", ".", "--lang", "zh"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        (out.clone() + &err).contains(
            "`是否在职` 列未在 schema 中声明，其列名询问此人是否仍在职；该列在这一行中记为“否”"
        ),
        "{out}{err}"
    );
}

/// A workbook roster, mapped, whose `是否在职` holds Excel's FALSE: the
/// same.
#[test]
fn a_workbook_roster_with_a_false_cell_is_judged_the_same() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["工号", "姓名", "授权截止", "是否在职"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("cell");
    }
    ws.write_string(1, 0, "S-07").expect("cell");
    ws.write_string(1, 1, "周敏").expect("cell");
    ws.write_boolean(1, 3, false).expect("cell");
    let book = wb.save_to_buffer().expect("workbook");
    let manifest = "packs: []\ntime_zone: Asia/Shanghai\ntables:\n  staff:\n    file: 员工.xlsx\n    columns: { id: 工号, name: 姓名, authorized_to: 授权截止 }\n";
    let r = roster("custodia.yaml", manifest)
        .bytes("员工.xlsx", &book)
        .run();
    assert_eq!(r.exit, 2, "{}", r.dump());
    let m = r.error_messages();
    assert_eq!(m.len(), 1, "{}", r.dump());
    assert!(m[0].contains("column `是否在职`"), "{}", m[0]);
    // Unmapped too.
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["id", "name", "authorized_to", "在职"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("cell");
    }
    ws.write_string(1, 0, "S-07").expect("cell");
    ws.write_string(1, 1, "周敏").expect("cell");
    ws.write_string(1, 3, "否").expect("cell");
    let book = wb.save_to_buffer().expect("workbook");
    let r = roster("tables/staff.xlsx", "").without("tables/staff.xlsx");
    let r = r.bytes("tables/staff.xlsx", &book).run();
    assert_eq!(r.exit, 2, "{}", r.dump());
    assert!(
        r.error_messages()[0].contains("column `在职`"),
        "{}",
        r.dump()
    );
}
