//! The words custodia writes outside the policy diagnostics, in Chinese
//! beside English (issue 14, item 1): built-in checks and waiver findings,
//! a rule's message when it has no `else`, the run's own errors (time zone,
//! as_of, --output, policy files, packs, baseline), `schema`, type
//! mismatches and schema errors of a policy set. And a guard: a finding's
//! fingerprint is the same in both languages.

mod common;

use common::{custodia, custodia_in, rec, Case};
use serde_json::Value;

const AS_OF: [&str; 2] = ["--as-of", "2026-11-27"];

/// One rule without `else`, waivers that are expired, unused and name no
/// rule, a duplicated id, a dangling ref and an event after as_of.
fn findings_case() -> Case {
    let rules = "rule r1 {\n  for record r\n  require r.score > 5\n}\n\
waive r1 for \"R2\" until 2026-01-01 because \"old\" by \"李伟\"\n\
waive nosuch for \"R1\" until 2027-01-31 because \"typo\" by \"李伟\"\n\
waive r1 for \"R99\" until 2027-01-31 because \"nothing\" by \"李伟\"\n";
    let rows = [
        rec("R1", &[("score", "1")]),
        rec("R2", &[("score", "1")]),
        rec("R1", &[("score", "9")]),
        rec("R3", &[]),
    ]
    .concat();
    Case::with(rules, &rows).file(
        "logs/access.csv",
        "at,record,actor,purpose\n2026-01-05T09:00:00Z,R1,S9,audit\n2027-03-01T09:00:00Z,R1,S1,audit\n",
    )
}

/// The JSON report of `dir` in `lang`.
fn report(dir: &std::path::Path, lang: &str) -> Value {
    let args = ["check", ".", "--format", "json", "--lang", lang];
    let (code, out, err) = custodia_in(dir, &[&args[..], &AS_OF[..]].concat());
    // The event after as_of makes the run not fully checked (exit 2).
    assert!(code <= 2, "{lang}: exit {code}\n{err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}\n{out}\n{err}"))
}

/// `rule | title | message`, one line per violation, in report order.
fn findings_text(report: &Value) -> String {
    let violations = report["violations"].as_array().expect("violations");
    violations
        .iter()
        .map(|v| {
            let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
            format!("{} | {} | {}\n", s("rule"), s("title"), s("message"))
        })
        .collect()
}

#[test]
fn built_in_checks_waivers_and_default_messages_in_chinese() {
    let dir = findings_case().write();
    let zh = report(dir.path(), "zh");
    insta::assert_snapshot!("builtin_findings_zh", findings_text(&zh));
    // SARIF lists the built-in checks as rules, with their title and help.
    let args = ["check", ".", "--format", "sarif", "--lang", "zh"];
    let (_, sarif, _) = custodia_in(dir.path(), &[&args[..], &AS_OF[..]].concat());
    let doc: Value = serde_json::from_str(&sarif).expect("SARIF");
    let rules = doc["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    let duplicate = rules
        .iter()
        .find(|r| r["id"] == "integrity.duplicate_id")
        .expect("duplicate_id listed");
    assert_eq!(
        duplicate["shortDescription"]["text"],
        "同一集合内编号不重复"
    );
    assert_eq!(
        duplicate["help"]["text"],
        "同一集合中有两行编号相同；请保留其一，或为另一行另编编号。"
    );
}

/// The English words are the ones custodia always wrote (the snapshot is
/// the reference for the Chinese one above).
#[test]
fn built_in_checks_and_default_messages_in_english() {
    let dir = findings_case().write();
    let en = report(dir.path(), "en");
    insta::assert_snapshot!("builtin_findings_en", findings_text(&en));
}

/// A translated title or message leaves every fingerprint as it was: the
/// same findings in the same order with the same fingerprints, so a
/// baseline or waiver written in one language holds in the other.
#[test]
fn fingerprints_do_not_depend_on_the_language() {
    let dir = findings_case().write();
    let prints = |r: &Value| -> Vec<(String, String)> {
        r["violations"]
            .as_array()
            .expect("violations")
            .iter()
            .map(|v| (v["rule"].to_string(), v["fingerprint"].to_string()))
            .collect()
    };
    let (en, zh) = (report(dir.path(), "en"), report(dir.path(), "zh"));
    assert!(prints(&en).len() >= 6, "{}", findings_text(&en));
    assert_eq!(prints(&en), prints(&zh));
    assert_ne!(findings_text(&en), findings_text(&zh));
}

/// The SARIF rule descriptions and the Code Quality baseline note.
#[test]
fn report_labels_in_chinese() {
    let dir = findings_case().write();
    let run = |format: &str| {
        let args = ["check", ".", "--format", format, "--lang", "zh"];
        custodia_in(dir.path(), &[&args[..], &AS_OF[..]].concat()).1
    };
    let sarif = run("sarif");
    assert!(sarif.contains("r1（规则类别：其他规则）"), "{sarif}");
    assert!(!sarif.contains(" rule)"), "{sarif}");
    assert!(
        sarif.contains("存放本案卷的代码仓库根目录"),
        "originalUriBaseIds: {sarif}"
    );
}

/// Errors of the run before any report, each in Chinese and English.
#[test]
fn run_errors_in_chinese_and_english() {
    let dir = findings_case().write();
    let case = dir.path().to_string_lossy().into_owned();
    let shown = |text: String| text.replace(&case, "CASE");
    let cases: [(&str, Vec<&str>); 6] = [
        ("bad_time_zone", vec!["--tz", "Mars/Base"]),
        ("bad_as_of", vec!["--as-of", "2026-13-01"]),
        ("unknown_pack", vec!["--pack", "cn/nope"]),
        ("missing_policy", vec!["--policy", "no-such.policy"]),
        ("output_over_input", vec!["--output", "inventory.csv"]),
        ("bad_baseline", vec!["--baseline", "company.yaml"]),
    ];
    let mut text = String::new();
    for (name, extra) in &cases {
        for lang in ["en", "zh"] {
            let args = [&["check", ".", "--lang", lang][..], &extra[..]].concat();
            let args = if extra[0] == "--as-of" {
                args
            } else {
                [&args[..], &AS_OF[..]].concat()
            };
            let (code, out, err) = custodia_in(dir.path(), &args);
            assert_eq!(code, 2, "{name} {lang}: {out}{err}");
            text.push_str(&format!("{name} {lang}: {}", shown(err)));
        }
    }
    insta::assert_snapshot!("run_errors", text);
}

/// `schema` in Chinese: the table's head, presence and implicit fields,
/// and the JSON Schema's own descriptions; its error for an unknown name.
#[test]
fn schema_output_in_chinese() {
    let (code, out, err) = custodia(&["schema", "--lang", "zh"]);
    assert_eq!(code, 0, "{err}");
    let access: String = out
        .split("\n\n")
        .find(|block| block.starts_with("event access"))
        .expect("the access block")
        .lines()
        .take(4)
        .map(|l| format!("{}\n", l.trim_end()))
        .collect();
    insta::assert_snapshot!("schema_access_zh", access);
    let (code, out, _) = custodia(&["schema", "--json-schema", "access", "--lang", "zh"]);
    assert_eq!(code, 0);
    let doc: Value = serde_json::from_str(&out).expect("JSON Schema");
    assert_eq!(
        doc["properties"]["kind"]["description"],
        "事件种类；文件以事件种类命名时可省略"
    );
    assert!(doc["properties"]["actor"]["description"]
        .as_str()
        .is_some_and(|d| d.ends_with("某一 `staff` 的编号")));
    let (code, _, err) = custodia(&["schema", "--json-schema", "acess", "--lang", "zh"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "错误：schema 中没有集合 `acess`；是否应为 `access`？\n"
    );
}

/// Type mismatches and schema errors of a policy set, in Chinese.
#[test]
fn type_mismatches_and_schema_errors_in_chinese() {
    let policies = [
        (
            "arith_on_date",
            "rule r {\n  for record r\n  require r.created + 3 > r.created\n}\n",
        ),
        (
            "argument_and_condition",
            "rule r {\n  for record r\n  require len(r.created) > 0 and r.id\n}\n",
        ),
        (
            "list_items",
            "rule r {\n  for record r\n  require r.status in [\"active\", 3]\n}\n",
        ),
        (
            "not_constant_let",
            "let n = count(record r)\nrule r {\n  for record r\n  require r.id is set\n}\n",
        ),
        (
            "ref_without_id",
            "schema {\n  table t {\n    name: text\n  }\n  extend record {\n    t: ref t?\n  }\n}\nrule r {\n  for record r\n  require r.id is set\n}\n",
        ),
    ];
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, policy) in policies {
        let path = dir.path().join("rules.policy");
        std::fs::write(&path, policy).expect("write policy");
        let shown = path.to_string_lossy().into_owned();
        let (code, out, err) = custodia(&["validate", &shown, "--lang", "zh"]);
        assert_eq!(code, 2, "{name}: {out}{err}");
        let text = format!("{out}{err}").replace(&shown, "rules.policy");
        assert!(!text.contains("expected"), "{name}: {text}");
        insta::assert_snapshot!(format!("check_error_{name}_zh"), text);
    }
}

/// A duplicate whose first row is in another file names that file: a line
/// alone would point into the duplicate's own file (review: "first at line
/// 4" of a log in another folder).
#[test]
fn a_duplicate_id_first_seen_in_another_file_names_it() {
    let log = |purpose: &str| {
        format!("id,at,record,actor,purpose\nE-1,2026-01-05T09:00:00Z,R1,S1,{purpose}\n")
    };
    let dir = Case::with(
        "rule r1 {\n  for record r\n  require r.score > 0\n}\n",
        &rec("R1", &[("score", "1")]),
    )
    .file("logs/access.csv", &log("audit"))
    .file("logs/b/access.csv", &log("tax"))
    .write();
    let messages = |lang: &str| -> Vec<String> {
        report(dir.path(), lang)["violations"]
            .as_array()
            .expect("violations")
            .iter()
            .filter(|v| v["rule"] == "integrity.duplicate_id")
            .map(|v| v["message"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(
        messages("en"),
        ["`access` id `E-1` occurs again; first in logs/access.csv at line 2"]
    );
    assert_eq!(
        messages("zh"),
        ["`access` 编号 `E-1` 重复出现，首次出现在 logs/access.csv 第 2 行"]
    );
}
