//! Membership in a list of text read from the data compares its items as
//! the loader does to keep each once (docs/inputs-and-reports.md,
//! "repeated list items"): `王五（签）` is `王五`. Hostile review,
//! 2026-12-07: the approver witnessing as `王五（签）` passed
//! `not (d.witnesses contains d.approved_by.name)`.

mod common;

use common::{rec, Case};

const NOT_A_WITNESS: &str = r#"
rule approver_not_witness {
  title "The approver is no witness"
  cite "none"
  for destruction d
  require not (d.witnesses contains d.approved_by.name)
}

rule approver_not_in_witnesses {
  title "The approver is no witness, written with in"
  cite "none"
  for destruction d
  require d.approved_by.name not in d.witnesses
}

rule witnessed_by_wang {
  title "王五 witnessed"
  cite "none"
  for destruction d
  require "王五" in d.witnesses and d.witnesses contains "王五"
}
"#;

/// One destruction per witness list, approved by S1 (王五); each named
/// by its line (2 onwards).
fn run(witnesses: &[&str]) -> common::Run {
    let log: String = witnesses
        .iter()
        .enumerate()
        .map(|(i, w)| format!("R{i},2026-01-01 10:00,shred,B1,{w};赵磊,S1\n"))
        .collect();
    let rows: String = (0..witnesses.len())
        .map(|i| rec(&format!("R{i}"), &[("status", "destroyed")]))
        .collect();
    Case::with(NOT_A_WITNESS, &rows)
        .file(
            "logs/destruction.csv",
            &format!("record,at,method,place,witnesses,approved_by\n{log}"),
        )
        .run()
}

fn lines(n: usize) -> Vec<String> {
    let mut v: Vec<String> = (2..n + 2)
        .map(|l| format!("logs/destruction.csv:{l}"))
        .collect();
    v.sort();
    v
}

#[test]
fn each_folded_form_of_a_name_is_that_name_for_contains_and_in() {
    let forms = [
        "王五",
        "王五（签）",
        "王\u{3000}五",
        "监销人：王五",
        "王五√",
        "“王五”",
        "王五签字",
        "王五(签字)",
    ];
    for form in forms {
        let r = run(&[form]);
        assert_eq!(r.exit, 1, "{form}: {}", r.dump());
        assert_eq!(r.ids("approver_not_witness"), lines(1), "{form}");
        assert_eq!(r.ids("approver_not_in_witnesses"), lines(1), "{form}");
        assert!(r.ids("witnessed_by_wang").is_empty(), "{form}");
    }
}

#[test]
fn another_name_is_not_the_approver() {
    // `王五五` is another person, as `王五✗` (a cross may say the person
    // did not sign) and `王五（代）` are other items on reading.
    let r = run(&["王五五", "李王五", "王五✗", "王五（代）"]);
    assert!(r.ids("approver_not_witness").is_empty(), "{}", r.dump());
    assert!(r.ids("approver_not_in_witnesses").is_empty());
    assert_eq!(r.ids("witnessed_by_wang"), lines(4));
}

/// A list written in the rule holds what it says: `in ["王五（签）"]` is
/// compared as written, as `==` is.
#[test]
fn a_list_written_in_the_rule_is_compared_as_written() {
    let rules = r#"
rule approver_listed {
  title "Listed"
  cite "none"
  for destruction d
  require d.approved_by.name in ["王五（签）", "李雷"]
}
"#;
    let rows = rec("R1", &[("status", "destroyed")]);
    let r = Case::with(rules, &rows)
        .file(
            "logs/destruction.csv",
            "record,at,method,place,witnesses,approved_by\nR1,2026-01-01 10:00,shred,B1,赵磊,S1\n",
        )
        .run();
    assert_eq!(r.ids("approver_listed"), lines(1), "{}", r.dump());
}

/// `"Destroyed" in [r.status]` names no value of the enum, as
/// `r.status in ["Destroyed"]` does: an error, not a `where` never true.
#[test]
fn a_literal_left_of_in_is_checked_against_the_enum() {
    let rules = r#"
rule held {
  title "Held"
  cite "none"
  for record r where "Destroyed" in [r.status]
  require not r.legal_hold
}
"#;
    let r = Case::with(rules, &rec("R1", &[("status", "destroyed")])).run();
    assert_ne!(r.exit, 0);
    assert!(
        r.errors.contains("unknown_enum_value"),
        "{}\n{}",
        r.errors,
        r.output
    );
}

/// Text looked for inside a text field that no value holds but in
/// another letter case: the rule tests nothing, the run says so.
#[test]
fn contains_with_text_held_only_in_another_case_is_not_fully_checked() {
    let rules = r#"
rule held {
  title "Held"
  cite "none"
  for record r where r.title contains "LEDGER"
  require not r.legal_hold
}
"#;
    let rows = rec("R1", &[("title", "general ledger"), ("legal_hold", "true")]);
    let r = Case::with(rules, &rows).run();
    assert_eq!(r.exit, 2, "{}", r.dump());
    let not_checked = r.report()["verdict"]["not_checked"].to_string();
    assert!(
        not_checked.contains("\\\"LEDGER\\\"") && not_checked.contains("general ledger"),
        "{not_checked}"
    );
    // Held as written: nothing to say.
    let fixed = rules.replace("LEDGER", "ledger");
    let r = Case::with(&fixed, &rows).run();
    assert_eq!(r.exit, 1, "{}", r.dump());
}
