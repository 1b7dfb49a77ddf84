//! Subjects a `where` or `when` could not decide (language.md 5.1: a
//! condition keeps only what it is definitely true for). A blank optional
//! cell took a record out of a rule, and the check said COMPLIANT with not
//! a word about it (hostile review, 2026-12-04). The run still judges by
//! the spec, but every report now counts and names those subjects: a note
//! at the rule's policy file, and the audit report's "What was not
//! checked" (docs/language.md, "Conditions that are unknown"). Such a
//! rule has not fully checked the data: the verdict is NOT FULLY CHECKED,
//! exit 2 unless `--allow-not-checked` (third hostile review of the packs,
//! 2026-12-05: a typo in one category id took a destroyed voucher out of
//! twelve rules, and the run exited 0).

mod common;

use common::{custodia_in, rec, Case};

const WHERE: &str = r#"
rule high_scores_archived {
  for record r where r.score > 5
  require r.status == "archived"
}
"#;

const WHEN: &str = r#"
rule high_scores_archived {
  for record r
  when r.score > 5
  require r.status == "archived"
}
"#;

/// R-1 scores 9 and is not archived (a violation); R-2 scores 1 (false: no
/// note); R-3 .. R-9 have no score (unknown).
fn rows() -> String {
    let mut rows = rec("R-1", &[("score", "9")]) + &rec("R-2", &[("score", "1")]);
    for i in 3..=9 {
        rows += &rec(&format!("R-{i}"), &[]);
    }
    rows
}

fn unknown_notes(run: &common::Run) -> Vec<String> {
    run.notes()
        .iter()
        .filter(|n| {
            n["message"]
                .as_str()
                .is_some_and(|m| m.contains("did not check"))
        })
        .map(|n| {
            format!(
                "{}: {}",
                n["file"].as_str().unwrap_or(""),
                n["message"].as_str().unwrap_or("")
            )
        })
        .collect()
}

#[test]
fn subjects_a_where_or_a_when_could_not_decide_are_named() {
    for (rules, line) in [(WHERE, 2), (WHEN, 2)] {
        let run = Case::with(rules, &rows()).run();
        assert_eq!(run.exit, 2, "{}", run.dump());
        assert_eq!(run.ids("high_scores_archived"), ["R-1"]);
        assert_eq!(
            unknown_notes(&run),
            [format!(
                "policies/rules.policy: rule `high_scores_archived` (line {line}) did not check 7 \
                 subjects of `record` (`R-3`, `R-4`, `R-5`, `R-6`, `R-7` and 2 more): its `where` or \
                 `when` is unknown for them, as a value it needs is missing or a ref names nothing; \
                 fill the value, or decide the missing case in the condition (`x is missing or …`)"
            )]
        );
    }
}

#[test]
fn a_condition_that_is_false_or_decided_leaves_no_note() {
    let decided = WHERE.replace("r.score > 5", "r.score is missing or r.score > 5");
    let run = Case::with(&decided, &rows()).run();
    assert!(unknown_notes(&run).is_empty(), "{:?}", unknown_notes(&run));
    // R-3 .. R-9 are now checked, and fail.
    assert_eq!(run.ids("high_scores_archived").len(), 8);
    let rows =
        rec("R-1", &[("score", "9"), ("status", "archived")]) + &rec("R-2", &[("score", "1")]);
    let run = Case::with(WHERE, &rows).run();
    assert_eq!(run.exit, 0, "{}", run.dump());
    assert!(unknown_notes(&run).is_empty());
    // Nothing left out but the packs the fixture's own `record` schema
    // leaves out.
    assert_eq!(
        run.report()["verdict"]["not_checked"],
        common::PACKS_LEFT_OUT_BY_SCHEMA
    );
}

/// A subject its rule could not decide was not checked: with no violation
/// the verdict is NOT FULLY CHECKED and the exit status 2, naming the rule
/// and how many objects it left out, until `--allow-not-checked` accepts
/// it; in every language.
#[test]
fn a_rule_that_could_not_decide_leaves_the_check_not_fully_checked() {
    let undecided =
        rec("R-1", &[("score", "9"), ("status", "archived")]) + &rec("R-3", &[]) + &rec("R-4", &[]);
    for rules in [WHERE, WHEN] {
        let run = Case::with(rules, &undecided).run();
        assert_eq!(run.exit, 2, "{}", run.dump());
        let verdict = &run.report()["verdict"];
        assert_eq!(verdict["result"], "not_fully_checked", "{verdict}");
        assert_eq!(verdict["fully_checked"], false);
        assert_eq!(
            verdict["not_checked"],
            format!(
                "1 rule could not tell whether it applies to some objects (a value it needs is \
                 missing): high_scores_archived (2 objects); {}",
                common::PACKS_LEFT_OUT_BY_SCHEMA
            )
        );
    }
    let dir = Case::with(WHERE, &undecided).write();
    let accept = common::ACCEPT_OWN_SCHEMA;
    let (code, out, _) = custodia_in(dir.path(), &["check", ".", "--lang", "zh", accept]);
    assert_eq!(code, 2, "{out}");
    assert!(
        out.contains("有 1 条规则因所需的值缺失，无法判定是否适用于部分对象：high_scores_archived（2 个对象）"),
        "{out}"
    );
    let (code, out, _) = custodia_in(dir.path(), &["check", ".", "--allow-not-checked", accept]);
    assert_eq!(code, 0, "{out}");
    // A violation makes the verdict NOT COMPLIANT; the exit status stays
    // 2, as for a rule without its data (docs/reports.md, "Exit status").
    let run = Case::with(WHERE, &rows()).run();
    assert_eq!(run.exit, 2, "{}", run.dump());
    assert_eq!(run.report()["verdict"]["result"], "not_compliant");
    assert_eq!(run.report()["verdict"]["fully_checked"], false);
}

/// The audit report says so on its first page, in English and in Chinese.
#[test]
fn the_audit_report_says_what_a_condition_left_out() {
    let rows = rec("R-1", &[("score", "9"), ("status", "archived")]) + &rec("R-3", &[]);
    let dir = Case::with(WHERE, &rows).write();
    let args = [
        "check",
        ".",
        "--format",
        "markdown",
        common::ACCEPT_OWN_SCHEMA,
    ];
    let (code, md, _) = custodia_in(dir.path(), &args);
    assert_eq!(code, 2, "{md}");
    let page_one = md.split("## Inputs").next().unwrap_or("");
    assert!(
        page_one.contains(
            "- `high_scores_archived` did not check one subject: its `where` or `when` could \
             not decide it (a value it needs is missing; see the notes)"
        ),
        "{page_one}"
    );
    assert!(md.contains("### Notes"), "{md}");
    let (_, zh, _) = custodia_in(dir.path(), &["check", ".", "--lang", "zh"]);
    assert!(
        zh.contains(
            "规则 `high_scores_archived`（第 2 行）有 1 个 `record` 对象未被检查（`R-3`）：所需的值缺失\
             或引用指向不存在的对象，其 `where` 或 `when` 条件无法判定"
        ),
        "{zh}"
    );
}

/// A rule that found nothing but left objects undecided did not pass: every
/// format says so, not only the verdict (hostile review h16: the rule
/// tables, Appendix D, JSON, SARIF and JUnit said `passed`; with no object
/// decided, `not_applicable`).
#[test]
fn a_rule_that_left_objects_undecided_is_not_called_passed() {
    let some = rec("R-1", &[("score", "9"), ("status", "archived")]) + &rec("R-3", &[]);
    let none = rec("R-3", &[]) + &rec("R-4", &[]);
    for (rows, decided) in [(some, 1), (none, 0)] {
        let run = Case::with(WHERE, &rows).run();
        let rule = &run.report()["rules"][0];
        assert_eq!(rule["status"], "not_checked", "{rule}");
        assert_eq!(rule["subjects"], decided, "{rule}");
        assert_eq!(rule["undecided_subjects"], 2 - decided, "{rule}");
    }
    let rows = rec("R-1", &[("score", "9"), ("status", "archived")]) + &rec("R-3", &[]);
    let dir = Case::with(WHERE, &rows).write();
    let out = |args: &[&str]| {
        let mut all = vec![
            "check",
            ".",
            "--allow-not-checked",
            common::ACCEPT_OWN_SCHEMA,
        ];
        all.extend_from_slice(args);
        let (code, out, err) = custodia_in(dir.path(), &all);
        assert_eq!(code, 0, "{out}{err}");
        out
    };
    let md = out(&["--format", "markdown"]);
    let row = |md: &str, start: &str| -> String {
        (md.lines().rfind(|l| l.starts_with(start)))
            .unwrap_or_default()
            .to_string()
    };
    // Appendix A's table (the last row naming the rule) keeps the one
    // subject checked.
    let table = row(&md, "| `high_scores_archived` |");
    assert!(
        table.ends_with("| error | not fully checked (objects undecided) | 1 | 1 | 0 | 0 |"),
        "{table}"
    );
    let zh = out(&["--format", "markdown", "--lang", "zh"]);
    assert!(zh.contains("未完全检查（部分对象无法判定）"), "{zh}");
    let sarif = out(&["--format", "sarif"]);
    assert!(
        sarif.contains(
            "not fully checked: its `where` or `when` could not decide one object (a value it \
             needs is missing), which it did not check"
        ),
        "{sarif}"
    );
    let github = out(&["--format", "github"]);
    assert!(
        github.contains(
            "title=custodia high_scores_archived%3A not fully checked (objects undecided)"
        ),
        "{github}"
    );
    let junit = out(&["--format", "junit"]);
    assert!(
        junit.contains(r#"<property name="status" value="not_checked"/>"#)
            && junit.contains(r#"<testcase name="R-1" classname="rule.high_scores_archived""#),
        "{junit}"
    );
    let text = out(&[]);
    assert!(
        text.contains("not fully checked (objects undecided)"),
        "{text}"
    );
}

/// `and` and `or` are three-valued whichever side is unknown and whichever
/// comes first (language.md 5.1): `false and ?` and `? and false` are
/// false, `true or ?` and `? or true` true, and the rest unknown. The
/// evaluator skips the right side once the left decides, so both orders
/// are held here.
#[test]
fn and_and_or_decide_on_either_side() {
    let rules = r#"
rule false_and_unknown { for record r  require r.id == "none" and r.score > 5 }
rule unknown_and_false { for record r  require r.score > 5 and r.id == "none" }
rule true_and_unknown { for record r  require r.id == "R-1" and r.score > 5 }
rule true_or_unknown { for record r  require r.id == "R-1" or r.score > 5 }
rule unknown_or_true { for record r  require r.score > 5 or r.id == "R-1" }
rule false_or_unknown { for record r  require r.id == "none" or r.score > 5 }
"#;
    let run = Case::with(rules, &rec("R-1", &[])).run();
    let outcome = |rule: &str| -> Vec<String> {
        run.of(rule)
            .iter()
            .map(|v| v["outcome"].as_str().unwrap_or("").to_string())
            .collect()
    };
    for rule in ["false_and_unknown", "unknown_and_false"] {
        assert_eq!(outcome(rule), ["violated"], "{rule}: {}", run.dump());
    }
    for rule in ["true_and_unknown", "false_or_unknown"] {
        assert_eq!(
            outcome(rule),
            ["insufficient_evidence"],
            "{rule}: {}",
            run.dump()
        );
    }
    for rule in ["true_or_unknown", "unknown_or_true"] {
        assert!(outcome(rule).is_empty(), "{rule}: {}", run.dump());
    }
}
