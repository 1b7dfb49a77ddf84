//! A rule whose `require` could not be decided for some subjects (a value
//! it needs missing: `insufficient_evidence`) did not check them, whatever
//! its severity: no format may say every rule was checked (hostile review
//! h24b F10: a warning rule read COMPLIANT WITH FINDINGS, "every rule
//! checked: yes", exit 0).

mod common;

use custodia::cli::app::{run_check, CheckOptions, Format};
use custodia::i18n::Lang;
use serde_json::Value;

/// The Shanghai example (checked against cn/tax, which it passes, chosen
/// on the command line) with one rule of the given severity whose
/// requirement reads `closed`, which V-1994-1 lacks: insufficient evidence.
fn closed_after_created(severity: &str) -> tempfile::TempDir {
    common::std_case_with(&format!(
        "rule closed_after_created {{\n  title \"Closed after created\"\n  severity {severity}\n  \
         for record r where r.id == \"V-1994-1\"\n  require r.closed >= r.created \
         else \"{{r.id}} closed before it was created\"\n}}\n"
    ))
}

/// What each format says of the run: the lines that carry the verdict.
fn said(dir: &tempfile::TempDir, lang: Lang) -> String {
    let run = |format| {
        run_check(&CheckOptions {
            case: dir.path().to_path_buf(),
            format,
            lang: Some(lang),
            overrides: custodia::data::case::Overrides {
                packs: vec!["cn/tax".into()],
                ..Default::default()
            },
            ..Default::default()
        })
    };
    let mut out = String::new();
    let json_run = run(Format::Json);
    let json: Value = serde_json::from_str(&json_run.output).expect("json");
    common::assert_valid_report(&json);
    out += &format!("exit: {}\n", json_run.exit);
    out += &format!("json verdict: {}\n", json["verdict"]);
    let rule = (json["rules"].as_array().expect("rules").iter())
        .find(|r| r["rule"] == "closed_after_created")
        .expect("the rule");
    out += &format!(
        "json rule: status {} undecided_findings {}\n",
        rule["status"], rule["undecided_findings"]
    );
    let sarif: Value = serde_json::from_str(&run(Format::Sarif).output).expect("sarif");
    let inv = &sarif["runs"][0]["invocations"][0];
    out += &format!(
        "sarif executionSuccessful: {}\n",
        inv["executionSuccessful"]
    );
    for n in inv["toolExecutionNotifications"]
        .as_array()
        .into_iter()
        .flatten()
    {
        out += &format!("sarif notification: {}\n", n["message"]["text"]);
    }
    let human = run(Format::Human).output;
    for l in human.lines().filter(|l| {
        ["verdict", "结论", "rules:", "规则："]
            .iter()
            .any(|p| l.trim_start().starts_with(p))
    }) {
        out += &format!("human: {}\n", l.trim_end());
    }
    let junit = run(Format::Junit).output;
    for l in junit
        .lines()
        .filter(|l| l.contains("<skipped") || l.contains("<error"))
    {
        out += &format!("junit: {}\n", l.trim());
    }
    // The example's own findings aside: what the run says of itself.
    for l in (run(Format::Github).output.lines())
        .filter(|l| !l.contains("::error") && !l.contains("cn/tax"))
    {
        out += &format!("github: {l}\n");
    }
    let md = run(Format::Markdown).output;
    let page_one = [
        "- **complete",
        "- **every rule",
        "- **检查是否完整",
        "- **规则是否全部检查",
    ];
    for l in md
        .lines()
        .filter(|l| page_one.iter().any(|p| l.starts_with(p)))
    {
        out += &format!("audit: {l}\n");
    }
    out
}

#[test]
fn a_warning_rule_with_undecided_subjects_is_not_fully_checked_in_every_format() {
    let case = closed_after_created("warning");
    let en = said(&case, Lang::En);
    assert!(en.contains("exit: 2"), "{en}");
    assert!(!en.contains("compliant_with_findings"), "{en}");
    assert!(en.contains("sarif executionSuccessful: false"), "{en}");
    let zh = said(&case, Lang::Zh);
    assert!(!zh.contains("规则是否全部检查**：是"), "{zh}");
    insta::assert_snapshot!(format!("{en}\n{zh}"));
}

#[test]
fn an_error_rule_with_undecided_subjects_says_not_every_rule_was_checked() {
    let case = closed_after_created("error");
    let en = said(&case, Lang::En);
    // The run fails already (exit 1): no pass is claimed. The verdict and
    // every format still say it was not fully checked.
    assert!(en.contains("exit: 1"), "{en}");
    assert!(en.contains("\"not_compliant\""), "{en}");
    assert!(en.contains("\"fully_checked\":false"), "{en}");
    insta::assert_snapshot!(en);
}
