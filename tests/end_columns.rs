//! A roster that keeps both a planned end (`授权截止`, read into
//! `authorized_to`) and the day a person really left (`离职日期`, read by
//! nothing): 周敏 left on 2026/4/30 with `授权截止 2026/12/31`, read
//! customer files on 2026/5/8, and the run said COMPLIANT with exit 0
//! (hostile review h23a F2). A column named as an end holding a date
//! earlier than the row's own end date is an input error at its cell,
//! naming both columns and both dates, and the run is INCOMPLETE; a value
//! there that reads as no date is one too (docs/inputs-and-reports.md,
//! "an end column earlier than the row's end").

mod common;

use common::Case;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

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

const INVENTORY: &str = "id,personal_info\nR-1003,true\n";
/// 周敏 reads a customer file on 2026-05-08.
const ACCESS: &str = "at,record,actor\n2026-05-08 09:00,R-1003,S-07\n";

/// An unmapped roster whose `离职日期` of 周敏 is `left`, beside
/// `authorized_to` of 2026-05-10.
fn unmapped(left: &str) -> Case {
    Case::new()
        .file("policies/schema.policy", SCHEMA)
        .file("policies/rules.policy", RULE)
        .file("custodia.yaml", "packs: []\ntime_zone: Asia/Shanghai\n")
        .file("inventory.csv", INVENTORY)
        .file("logs/access.csv", ACCESS)
        .file(
            "tables/staff.csv",
            &format!("id,name,authorized_to,离职日期\nS-01,陈静,,\nS-07,周敏,2026-05-10,{left}\n"),
        )
}

const MAPPED_MANIFEST: &str = "packs: []
time_zone: Asia/Shanghai
tables:
  staff:
    file: 员工花名册.csv
    columns: { id: 工号, name: 姓名, authorized_to: 授权截止 }
";

/// A mapped roster, in the company's words and dates.
fn mapped(left: &str) -> Case {
    unmapped("")
        .without("tables/staff.csv")
        .file("custodia.yaml", MAPPED_MANIFEST)
        .file(
            "员工花名册.csv",
            &format!("工号,姓名,授权截止,离职日期\nS-01,陈静,,\nS-07,周敏,2026/5/10,{left}\n"),
        )
}

/// The day before `authorized_to`, the day itself and the day after:
/// only the earlier day is an input error, at the cell of `离职日期`, and
/// the run is INCOMPLETE (exit 2), never COMPLIANT.
#[test]
fn a_leave_date_before_the_end_date_is_an_input_error_on_or_after_it_is_not() {
    for (name, case) in [
        ("unmapped", unmapped as fn(&str) -> Case),
        ("mapped", mapped as fn(&str) -> Case),
    ] {
        let slash = |d: &str| match name {
            "mapped" => d.replace("-0", "/").replace('-', "/"),
            _ => d.to_string(),
        };
        let r = case(&slash("2026-05-09")).run();
        assert_eq!(r.exit, 2, "{name}: {}", r.dump());
        assert_eq!(r.report()["verdict"]["result"], "incomplete", "{name}");
        let e = r.input_errors();
        assert_eq!(e.len(), 1, "{name}: {}", r.dump());
        assert_eq!(
            (e[0]["line"].as_u64(), e[0]["column"].as_u64()),
            (Some(3), Some(4))
        );
        let m = r.error_messages();
        assert!(
            m[0].contains("in this row it holds 2026-05-09, earlier than 2026-05-10"),
            "{}",
            m[0]
        );
        for later in ["2026-05-10", "2026-05-11"] {
            let r = case(&slash(later)).run();
            assert!(r.input_errors().is_empty(), "{name} {later}: {}", r.dump());
            assert_eq!(r.exit, 0, "{name} {later}: {}", r.dump());
        }
    }
}

/// The tester's case (hostile review h23a F2), both ways, in both
/// languages: the messages name both columns and both dates.
#[test]
fn the_hostile_review_roster_is_refused_in_both_languages() {
    let roster = |left: &str| {
        mapped("").file(
            "员工花名册.csv",
            &format!("工号,姓名,授权截止,离职日期\nS-01,陈静,,\nS-07,周敏,2026/12/31,{left}\n"),
        )
    };
    let unmapped_roster = unmapped("").file(
        "tables/staff.csv",
        "id,name,authorized_to,离职日期\nS-01,陈静,,\nS-07,周敏,2026-12-31,2026-04-30\n",
    );
    let mut said = Vec::new();
    for (name, case) in [
        ("mapped", roster("2026/4/30")),
        ("unmapped", unmapped_roster),
    ] {
        let dir = case.write();
        for lang in ["en", "zh"] {
            let (code, out, err) = common::custodia_in(dir.path(), &["check", ".", "--lang", lang]);
            assert_eq!(code, 2, "{out}{err}");
            let lines: Vec<&str> = (out.lines().chain(err.lines()))
                .filter(|l| {
                    l.contains("离职日期") || l.starts_with("verdict") || l.starts_with("结论")
                })
                .collect();
            said.push(format!("{name} {lang}:\n{}", lines.join("\n")));
        }
    }
    insta::assert_snapshot!(said.join("\n\n"));
}

/// A value that reads as no date in a column of dates named as an end is
/// an input error too; a blank cell, `无` and a word saying the person is
/// still there (`在职`) say nothing.
#[test]
fn a_leave_date_that_reads_as_no_date_is_an_input_error() {
    for case in [unmapped as fn(&str) -> Case, mapped] {
        let r = case("2026年4月底").run();
        assert_eq!(r.exit, 2, "{}", r.dump());
        let m = r.error_messages();
        assert_eq!(m.len(), 1, "{}", r.dump());
        assert!(
            m[0].contains("holds `2026年4月底`, which reads as no date"),
            "{}",
            m[0]
        );
        assert_eq!(r.input_errors()[0]["line"], 3, "{}", r.dump());
        for nothing in ["", "无", "在职"] {
            let r = case(nothing).run();
            assert!(r.input_errors().is_empty(), "{nothing}: {}", r.dump());
            assert_eq!(r.exit, 0, "{nothing}: {}", r.dump());
        }
    }
    // A column named as an end but holding no date at all (`离职原因`) is
    // text, and not judged.
    let r = unmapped("")
        .file(
            "tables/staff.csv",
            "id,name,authorized_to,离职原因\nS-07,周敏,2026-05-10,合同到期\n",
        )
        .run();
    assert!(r.input_errors().is_empty(), "{}", r.dump());
}

/// An end column of a record or an event says nothing of a person's
/// rights: not judged (`终止日期` of a record beside its `period_end`).
#[test]
fn an_end_column_outside_a_table_is_not_judged() {
    let schema = SCHEMA.replace(
        "personal_info: bool = false",
        "personal_info: bool = false\n    period_end: date?",
    );
    let r = unmapped("")
        .file("policies/schema.policy", &schema)
        .file(
            "policies/rules.policy",
            &format!("{RULE}\nrule kept {{ title \"t\" cite \"none\" for record r require r.period_end is missing or r.period_end > 2020-01-01 }}\n"),
        )
        .file(
            "inventory.csv",
            "id,personal_info,period_end,终止日期\nR-1003,true,2030-01-01,2026-01-01\n",
        )
        .run();
    assert!(r.input_errors().is_empty(), "{}", r.dump());
}

/// A workbook roster with date cells, mapped and not: the same.
#[test]
fn a_workbook_roster_is_judged_the_same() {
    let book = |headers: [&str; 4], left: (u16, u8, u8)| {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        let format = Format::new().set_num_format("yyyy/m/d");
        for (c, h) in headers.iter().enumerate() {
            ws.write_string(0, c as u16, *h).expect("cell");
        }
        ws.write_string(1, 0, "S-07").expect("cell");
        ws.write_string(1, 1, "周敏").expect("cell");
        let end = ExcelDateTime::from_ymd(2026, 5, 10).expect("date");
        ws.write_datetime_with_format(1, 2, &end, &format)
            .expect("cell");
        let left = ExcelDateTime::from_ymd(left.0, left.1, left.2).expect("date");
        ws.write_datetime_with_format(1, 3, &left, &format)
            .expect("cell");
        wb.save_to_buffer().expect("workbook")
    };
    for left in [(2026, 5, 9), (2026, 5, 10)] {
        let earlier = left.2 == 9;
        let plain = unmapped("")
            .without("tables/staff.csv")
            .bytes(
                "tables/staff.xlsx",
                &book(["id", "name", "authorized_to", "离职日期"], left),
            )
            .run();
        let manifest = MAPPED_MANIFEST.replace("员工花名册.csv", "员工花名册.xlsx");
        let company = mapped("")
            .without("员工花名册.csv")
            .file("custodia.yaml", &manifest)
            .bytes(
                "员工花名册.xlsx",
                &book(["工号", "姓名", "授权截止", "离职日期"], left),
            )
            .run();
        for r in [plain, company] {
            match earlier {
                true => {
                    assert_eq!(r.exit, 2, "{}", r.dump());
                    let m = r.error_messages();
                    assert_eq!(m.len(), 1, "{}", r.dump());
                    assert!(
                        m[0].contains("holds 2026-05-09, earlier than 2026-05-10"),
                        "{}",
                        m[0]
                    );
                    assert_eq!(r.input_errors()[0]["line"], 2, "{}", r.dump());
                }
                false => {
                    assert!(r.input_errors().is_empty(), "{}", r.dump());
                    assert_eq!(r.exit, 0, "{}", r.dump());
                }
            }
        }
    }
}

/// Session 22's check (a leave date beside a blank `authorized_to` in one
/// row, other rows filling it) held for unmapped files only: a mapped
/// roster's row passed, COMPLIANT. The mapped rows now keep the blank
/// fields beside the column, as unmapped ones do.
#[test]
fn a_mapped_leave_date_beside_a_blank_end_in_one_row_is_an_input_error() {
    let r = mapped("")
        .file(
            "员工花名册.csv",
            "工号,姓名,授权截止,离职日期\nS-01,陈静,2027/1/1,\nS-07,周敏,,2026/4/30\n",
        )
        .run();
    assert_eq!(r.exit, 2, "{}", r.dump());
    let e = r.input_errors();
    assert_eq!(e.len(), 1, "{}", r.dump());
    assert_eq!(
        (e[0]["line"].as_u64(), e[0]["column"].as_u64()),
        (Some(3), Some(4))
    );
}

/// A schema that marks the end date `pii` gets its value masked in the
/// error: the column's own date (undeclared) is shown, the field's is not.
#[test]
fn a_personal_end_date_is_masked_in_the_error() {
    let run = unmapped("2026-04-30")
        .file(
            "policies/schema.policy",
            &SCHEMA.replace("authorized_to: date?", "authorized_to: date? pii"),
        )
        .run();
    let errors = run.error_messages().join("\n");
    assert!(errors.contains("2026-04-30"), "{errors}");
    assert!(!errors.contains("2026-05-10"), "{errors}");
    assert_eq!(run.exit, 2, "{}", run.dump());
}
