//! `custodia schema` shows what each field holds, from the comment that
//! documents it in the policy text (docs/language.md, "Schema"), and the
//! JSON Schema carries the same words as `description`.

mod common;

use common::custodia;
use serde_json::Value;

fn schema(args: &[&str]) -> String {
    let mut all = vec!["schema"];
    all.extend_from_slice(args);
    let (code, out, err) = custodia(&all);
    assert_eq!(code, 0, "{out}{err}");
    out
}

fn json_schema(args: &[&str]) -> Value {
    serde_json::from_str(&schema(args)).expect("the JSON Schema is JSON")
}

#[test]
fn the_standard_schema_shows_each_description_with_its_chinese_terms() {
    let out = schema(&[]);
    let line = |field: &str| {
        out.lines()
            .find(|l| l.trim_start().starts_with(&format!("{field} ")))
            .unwrap_or_else(|| panic!("no line for {field}:\n{out}"))
            .to_string()
    };
    assert!(
        line("id").ends_with("catalogue or archive number (档案号)"),
        "{out}"
    );
    assert!(line("created").contains("形成日期"), "{out}");
    assert!(
        out.contains("event access — the consultation register (查阅、复制、借出登记)"),
        "{out}"
    );
    insta::assert_snapshot!(out);
}

#[test]
fn a_chinese_schema_is_aligned_by_display_width() {
    let out = schema(&["tests/cases/chinese/policies"]);
    // The `type` column starts at one display column on every row of a
    // table, whatever the width of the Chinese names before it.
    let rows: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("record"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect();
    let type_column = |row: &str| {
        let name = row.split_whitespace().next().unwrap_or_default();
        let at = row.find(name).unwrap_or_default() + name.len();
        let gap = row[at..].len() - row[at..].trim_start().len();
        custodia::fmt::width(&row[..at]) + gap
    };
    let columns: Vec<usize> = rows.iter().map(|r| type_column(r)).collect();
    assert!(
        columns.windows(2).all(|w| w[0] == w[1]),
        "{columns:?}\n{out}"
    );
    assert!(out.contains("题名      text"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn the_json_schema_carries_each_description() {
    let doc = json_schema(&["--json-schema", "record"]);
    let p = &doc["properties"];
    assert_eq!(
        p["id"]["description"],
        "catalogue or archive number (档案号)"
    );
    assert_eq!(
        p["phone"]["description"],
        "the customer's phone number; personal information: masked in every report"
    );
    assert_eq!(
        p["category"]["description"],
        "record type; its schedule row gives period, trigger and citation; the id of a `retention_schedule`"
    );
    assert_eq!(
        doc["description"],
        "one row of the `record` record (custodia): inventory: one row per record (资料) in the catalogue (资料目录)"
    );
    insta::assert_json_snapshot!(doc);
}

#[test]
fn the_json_schema_of_a_chinese_collection() {
    let doc = json_schema(&["tests/cases/chinese/policies", "--json-schema", "销毁"]);
    assert_eq!(doc["title"], "销毁");
    assert_eq!(
        doc["properties"]["档案"]["description"],
        "被销毁的档案; the id of a `record`"
    );
    assert_eq!(
        doc["required"],
        serde_json::json!(["at", "档案", "方式", "监销人"])
    );
    insta::assert_json_snapshot!(doc);
}

#[test]
fn descriptions_come_from_the_comment_at_the_end_of_the_line_or_right_above() {
    let dir = tempfile::tempdir().expect("tempdir");
    let policy = dir.path().join("schema.policy");
    std::fs::write(
        &policy,
        "schema {\n\
         \x20 // 档案目录\n\
         \x20 record {\n\
         \x20   // 档案号：\n\
         \x20   // 每件档案唯一\n\
         \x20   id: id\n\
         \x20   a: text  b: text = \"x // y\"  // 只属于 b\n\
         \x20   c: text\n\
         \n\
         \x20   // 与下一行之间有空行，不算说明\n\
         \n\
         \x20   d: text\n\
         \x20 }\n\
         }\n",
    )
    .expect("write the policy");
    let out = schema(&[policy.to_str().expect("a UTF-8 path")]);
    let description = |field: &str| -> String {
        let line = out
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{field} ")))
            .unwrap_or_else(|| panic!("no {field}:\n{out}"));
        let declared = line.find("schema.policy:").expect("declared at");
        line[declared..]
            .split_once("  ")
            .map_or("", |(_, d)| d.trim())
            .to_string()
    };
    assert!(out.starts_with("record — 档案目录\n"), "{out}");
    assert_eq!(description("id"), "档案号：每件档案唯一");
    assert_eq!(description("a"), "");
    assert_eq!(description("b"), "只属于 b");
    assert_eq!(description("c"), "");
    assert_eq!(description("d"), "");
}
