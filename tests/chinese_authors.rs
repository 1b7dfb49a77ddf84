//! Policies for Chinese authors: names in Chinese work through every stage
//! (parse, check, fmt, test, evaluate, every report format), and the slips
//! of a Chinese input method (full-width punctuation, `30天`) get one
//! message at the exact place saying what to type instead.

mod common;
#[path = "spec/common.rs"]
mod spec;

use std::path::Path;

use common::{custodia, ACCEPT_OWN_SCHEMA};
use custodia::cli::app::policy_error_text;
use custodia::fmt::format_source;

const CASE: &str = "tests/cases/chinese";
const POLICY: &str = "tests/cases/chinese/policies/档案.policy";

fn read(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("read {path}: {e}"))
}

// ---------------------------------------------------------------------------
// A policy written with Chinese names
// ---------------------------------------------------------------------------

#[test]
fn a_policy_with_chinese_names_type_checks() {
    let text = read(POLICY);
    let checked = spec::expect_ok(&[("档案.policy", text.as_str())]);
    let rules: Vec<&str> = checked.rules.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(rules, ["会计凭证保管", "销毁须有两名监销人"]);
    assert!(checked.schema.lookup("销毁").is_some());
    assert!(checked.schema.lookup("人员").is_some());
}

#[test]
fn a_policy_with_chinese_names_is_in_the_canonical_layout() {
    let text = read(POLICY);
    let formatted = format_source(&text).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(formatted, text, "fmt changes the fixture");
    let (code, out, err) = custodia(&["fmt", "--check", POLICY]);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn its_tests_run() {
    let (code, out, err) = custodia(&["test", POLICY]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("1 test(s): 1 passed, 0 failed"), "{out}");
}

/// `custodia check` on the Chinese case in `format`: exit status and stdout.
fn check(format: &str) -> String {
    let (code, out, err) = custodia(&["check", CASE, "--format", format, ACCEPT_OWN_SCHEMA]);
    assert_eq!(code, 1, "two violations expected:\n{out}{err}");
    assert_eq!(err, "", "{err}");
    // `电话` and `监销人` are `pii`: Chinese names do not lose the masking.
    for secret in ["13800001001", "王芳"] {
        assert!(!out.contains(secret), "{format} shows {secret}:\n{out}");
    }
    out
}

#[test]
fn violations_name_the_chinese_rule_in_the_human_report() {
    let out = check("human");
    assert!(out.contains("会计凭证保管\n"), "{out}");
    assert!(out.contains("档案 R-2 的销毁只有 1 名监销人"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn violations_name_the_chinese_rule_in_the_json_report() {
    let out = check("json");
    let v: serde_json::Value = serde_json::from_str(&out).expect("the report is JSON");
    let rules: Vec<&str> = v["violations"]
        .as_array()
        .expect("violations")
        .iter()
        .map(|x| x["rule"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(rules, ["会计凭证保管", "销毁须有两名监销人"], "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn violations_name_the_chinese_rule_in_sarif() {
    let out = check("sarif");
    let v: serde_json::Value = serde_json::from_str(&out).expect("SARIF is JSON");
    let results = v["runs"][0]["results"].as_array().expect("results");
    let ids: Vec<&str> = results
        .iter()
        .map(|r| r["ruleId"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(ids, ["会计凭证保管", "销毁须有两名监销人"], "{out}");
    assert_valid_sarif(&v);
    insta::assert_snapshot!(out);
}

#[test]
fn violations_name_the_chinese_rule_in_junit() {
    let out = check("junit");
    let doc = roxmltree::Document::parse(&out).expect("JUnit is well-formed XML");
    let failed: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .filter(|n| n.children().any(|c| c.has_tag_name("failure")))
        .map(|n| {
            format!(
                "{} {}",
                n.attribute("classname").unwrap_or_default(),
                n.attribute("name").unwrap_or_default()
            )
        })
        .collect();
    assert!(
        failed.iter().any(|f| f.contains("会计凭证保管"))
            && failed.iter().any(|f| f.contains("销毁须有两名监销人")),
        "{failed:?}\n{out}"
    );
    insta::assert_snapshot!(out);
}

fn assert_valid_sarif(doc: &serde_json::Value) {
    let text = read("tests/schemas/sarif-schema-2.1.0.json");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("schema is JSON");
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF schema errors:\n{}",
        errors.join("\n")
    );
}

#[test]
fn a_misspelt_chinese_field_suggests_the_right_one() {
    let text = read(POLICY).replace("档.密级 != \"一般\"", "档.密极 != \"一般\"");
    let (sources, errors) =
        spec::check(&[("档案.policy", text.as_str())]).expect_err("the misspelt field is an error");
    let shown = policy_error_text(&sources, &errors, false);
    assert_eq!(errors.len(), 1, "{shown}");
    assert_eq!(
        errors[0].describe().help.as_deref(),
        Some("did you mean `密级`?")
    );
    insta::assert_snapshot!(shown);
}

#[test]
fn keywords_stay_ascii_and_end_at_a_chinese_character() {
    // `for档` is one name, not `for` and `档`: a keyword is a whole word.
    let text = "rule 规则 {\n  for档 record r\n  require true\n}\n";
    let (sources, errors) = spec::check(&[("a.policy", text)]).expect_err("an error");
    let shown = policy_error_text(&sources, &errors, false);
    assert!(shown.contains("a.policy:2:3"), "{shown}");
}

// ---------------------------------------------------------------------------
// Slips of an input method
// ---------------------------------------------------------------------------

/// `(snapshot name, policy text, the text the error must point at)`.
fn slips() -> Vec<(&'static str, String, &'static str)> {
    let rule = |clauses: &str| format!("rule 规则 {{\n  for record r\n{clauses}\n}}\n");
    let meta = |line: &str| format!("rule 规则 {{\n  {line}\n  for record r\n  require true\n}}\n");
    vec![
        ("left_double_quote", meta("title “会计凭证”"), "“"),
        ("right_double_quote", meta("title \"会计凭证”"), "”"),
        ("left_single_quote", rule("  require r.title == ‘x’"), "‘"),
        ("right_single_quote", rule("  require r.title == ’x’"), "’"),
        (
            "left_parenthesis",
            rule("  require len（r.title) > 1"),
            "（",
        ),
        (
            "right_parenthesis",
            rule("  require len(r.title） > 1"),
            "）",
        ),
        (
            "equals_sign",
            rule("  require r.status ＝= \"active\""),
            "＝",
        ),
        ("comma", meta("tags [\"a\"，\"b\"]"), "，"),
        (
            "colon",
            "schema {\n  record {\n    id： id\n  }\n}\n".into(),
            "：",
        ),
        ("semicolon", rule("  require r.title is set；"), "；"),
        (
            "left_brace",
            "rule 规则 ｛\n  for record r\n  require true\n}\n".into(),
            "｛",
        ),
        (
            "right_brace",
            "rule 规则 {\n  for record r\n  require true\n｝\n".into(),
            "｝",
        ),
        (
            "left_bracket",
            rule("  require r.status in ［\"active\"]"),
            "［",
        ),
        (
            "right_bracket",
            rule("  require r.status in [\"active\"］"),
            "］",
        ),
        ("less_than", rule("  require r.created ＜ 2026-01-01"), "＜"),
        (
            "greater_than",
            rule("  require r.created ＞ 2026-01-01"),
            "＞",
        ),
        ("exclamation_mark", rule("  require r.title ！= \"\""), "！"),
        (
            "ideographic_space",
            rule("  require　r.title is set"),
            "\u{3000}",
        ),
        // Pasted from Word or a web page (hostile review, 2026-12-05).
        (
            "no_break_space",
            rule("  require r.title is\u{00A0}missing"),
            "\u{00A0}",
        ),
        ("ideographic_comma", meta("tags [\"a\"、\"b\"]"), "、"),
        (
            "lenticular_bracket",
            rule("  require r.status in 【\"active\"]"),
            "【",
        ),
        (
            "full_width_letter",
            "rule 规则 {\n  for ｒecord r\n  require true\n}\n".into(),
            "ｒ",
        ),
        (
            "zero_width_joiner_in_a_name",
            rule("  require r.ti\u{200D}tle is set"),
            "\u{200D}",
        ),
        (
            "zero_width_space",
            rule("  require r.title\u{200B} is set"),
            "\u{200B}",
        ),
        (
            "in_a_message_hole",
            rule("  require r.title is set else \"缺少 {r.id，}\""),
            "，",
        ),
        (
            "duration_days",
            rule("  require r.created + 30天 < as_of"),
            "30天",
        ),
        (
            "duration_years",
            rule("  require r.created + 10年 < as_of"),
            "10年",
        ),
        (
            "duration_months",
            rule("  require r.created + 6个月 < as_of"),
            "6个月",
        ),
        (
            "duration_month",
            rule("  require r.created + 3月 < as_of"),
            "3月",
        ),
        (
            "duration_weeks",
            rule("  require r.created + 2周 < as_of"),
            "2周",
        ),
        (
            "duration_day_ri",
            rule("  require r.created + 1日 < as_of"),
            "1日",
        ),
        (
            "duration_hours",
            rule("  require r.created + 72 小时 < as_of"),
            "72 小时",
        ),
        (
            "date",
            rule("  require r.created < 2026年3月18日"),
            "2026年3月18日",
        ),
    ]
}

#[test]
fn each_slip_gets_its_own_message_at_its_place() {
    for (name, text, at) in slips() {
        let (sources, errors) = spec::check(&[("rules.policy", text.as_str())])
            .err()
            .unwrap_or_else(|| panic!("{name}: expected a syntax error"));
        let shown = policy_error_text(&sources, &errors, false);
        assert_eq!(errors.len(), 1, "{name}:\n{shown}");
        let d = errors[0].describe();
        assert_eq!(
            errors[0].code(),
            "custodia::syntax::parse",
            "{name}:\n{shown}"
        );
        assert!(!d.message.contains("expected"), "{name}:\n{shown}");
        assert_eq!(sources.snippet(d.span), at, "{name}:\n{shown}");
        insta::assert_snapshot!(format!("slip_{name}"), shown);
    }
}

#[test]
fn full_width_characters_in_strings_and_comments_are_fine() {
    let text = "// 注释（全角）：“可以”；\nrule 规则 {\n  title \"标题（全角）：“可以”；　\"\n  for record r\n  require r.title != \"，\" else \"档案 {r.id}：题名为“，”\"\n}\n";
    spec::expect_ok(&[("rules.policy", text)]);
}
