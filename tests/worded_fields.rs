//! A yes-or-no field written in words (hostile review h24a F13): an
//! inventory whose holds sat in `诉讼情况` of `无`/`涉诉` or `冻结情况` of
//! `未冻结`/`已冻结`, beside no `legal_hold`, read every record as not
//! held, and the destruction of a held record passed, COMPLIANT with exit
//! 0; `个人信息类型` of `身份证号、手机号` in place of `personal_info` read
//! every record as holding none. Such a column is now an input error at
//! its first worded cell, naming the field and saying how to map it
//! (docs/inputs-and-reports.md, "a field written in words").

mod common;

use common::Case;

const SCHEMA: &str = r#"
schema {
  record {
    id: id
    legal_hold: bool = false
    personal_info: bool = false
  }
  event destruction {
    record: ref record
  }
  event access {
    record: ref record
  }
}
"#;

const RULES: &str = r#"
rule not_destroyed_under_hold {
  title "A record under hold is not destroyed"
  cite "none"
  for record r where r.legal_hold
  forbid destruction d on d.record == r.id
}
rule pi_not_read {
  title "Personal information is not read"
  cite "none"
  for access a where a.record.personal_info
  require false
}
"#;

fn case(inventory: &str) -> Case {
    Case::new()
        .file("policies/schema.policy", SCHEMA)
        .file("policies/rules.policy", RULES)
        .file("custodia.yaml", "packs: []\ntime_zone: Asia/Shanghai\n")
        .file("inventory.csv", inventory)
        .file("logs/destruction.csv", "at,record\n2026-01-01 10:00,R2\n")
        .file("logs/access.csv", "at,record\n2026-01-01 10:00,R1\n")
}

/// The tester's columns: an input error at the first worded cell, the run
/// INCOMPLETE.
#[test]
fn a_hold_or_personal_information_written_in_words_is_an_input_error() {
    for (inventory, column, value, line) in [
        ("id,诉讼情况\nR1,无\nR2,涉诉\n", "诉讼情况", "涉诉", 3),
        (
            "id,冻结情况\nR1,未冻结\nR2,已冻结\n",
            "冻结情况",
            "未冻结",
            2,
        ),
        (
            "id,legal_hold,冻结情况\nR1,,未冻结\nR2,,冻结中\n",
            "冻结情况",
            "未冻结",
            2,
        ),
        (
            "id,个人信息类型\nR1,身份证号、手机号\nR2,\n",
            "个人信息类型",
            "身份证号、手机号",
            2,
        ),
    ] {
        let r = case(inventory).run();
        assert_eq!(r.exit, 2, "{inventory}: {}", r.dump());
        let e = r.input_errors();
        assert_eq!(e.len(), 1, "{inventory}: {}", r.dump());
        assert_eq!(e[0]["line"], line, "{inventory}: {}", r.dump());
        assert_eq!(
            e[0]["column"],
            2 + inventory.starts_with("id,legal_hold") as u64
        );
        let m = &r.error_messages()[0];
        assert!(
            m.starts_with(&format!(
                "column `{column}` is not declared in the schema and its name says what"
            )),
            "{m}"
        );
        assert!(m.contains(&format!("but it holds `{value}`")), "{m}");
    }
}

/// A mapped file's unread column: the same.
#[test]
fn a_mapped_file_s_worded_column_is_an_input_error() {
    let r = case("")
        .without("inventory.csv")
        .file("目录.csv", "档案号,诉讼情况\nR1,无\nR2,涉诉\n")
        .file(
            "custodia.yaml",
            "packs: []\ntime_zone: Asia/Shanghai\ninventory:\n  file: 目录.csv\n  columns: { id: 档案号 }\n",
        )
        .run();
    assert_eq!(r.exit, 2, "{}", r.dump());
    assert_eq!(r.input_errors()[0]["line"], 3, "{}", r.dump());
    assert!(r.error_messages()[0].contains("`诉讼情况`"), "{}", r.dump());
}

/// Mapped with a value map, as the message says, the column is read and
/// the held record's destruction is found.
#[test]
fn following_the_advice_reads_the_holds() {
    let r = case("")
        .without("inventory.csv")
        .file("目录.csv", "档案号,诉讼情况\nR1,无\nR2,涉诉\n")
        .file(
            "custodia.yaml",
            "packs: []\ntime_zone: Asia/Shanghai\ninventory:\n  file: 目录.csv\n  columns: { id: 档案号, legal_hold: { column: 诉讼情况, values: { 涉诉: true, 无: false } } }\n",
        )
        .run();
    assert!(r.input_errors().is_empty(), "{}", r.dump());
    assert_eq!(r.exit, 1, "{}", r.dump());
    assert_eq!(r.ids("not_destroyed_under_hold"), ["R2"]);
}

/// A column whose name says nothing of the field, or a field filled
/// beside it, or one no rule reads: read as before.
#[test]
fn other_worded_columns_are_read() {
    for inventory in [
        "id,备注\nR1,无\nR2,涉诉\n",
        "id,legal_hold,诉讼情况\nR1,false,无\nR2,false,涉诉\n",
    ] {
        let r = case(inventory).run();
        assert!(r.input_errors().is_empty(), "{inventory}: {}", r.dump());
        // No record is held: nothing applies, and the run says so.
        assert_ne!(
            r.report()["verdict"]["result"],
            "incomplete",
            "{}",
            r.dump()
        );
    }
}

/// In Chinese.
#[test]
fn the_message_reads_in_chinese() {
    let dir = case("id,诉讼情况\nR1,无\nR2,涉诉\n").write();
    let (code, out, err) = common::custodia_in(dir.path(), &["check", ".", "--lang", "zh"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        (out.clone() + &err).contains(
            "`诉讼情况` 列未在 schema 中声明，其列名表示 `legal_hold`（bool）的内容，但它记为“涉诉”"
        ),
        "{out}{err}"
    );
}

/// `custodia init` proposes `诉讼情况` for `legal_hold` with a value map of
/// its words (it once left the column unmapped).
#[test]
fn init_proposes_a_worded_hold_column_with_its_words() {
    let dir = Case::new()
        .file("policies/schema.policy", SCHEMA)
        .file(
            "案卷目录.csv",
            "档案号,诉讼情况\nR1,无\nR2,涉诉\nR3,未涉诉\n",
        )
        .write();
    let (code, out, err) = common::custodia_in(dir.path(), &["init", "."]);
    assert_eq!(code, 0, "{out}{err}");
    let yaml = std::fs::read_to_string(dir.path().join("custodia.yaml")).expect("init wrote it");
    assert!(yaml.contains("column: 诉讼情况"), "{yaml}");
    for word in ["涉诉: \"true\"", "无: \"false\"", "未涉诉: \"false\""] {
        assert!(yaml.contains(word), "{word}: {yaml}");
    }
}
