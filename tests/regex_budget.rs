//! The policy set's regular expressions share one budget (issue 18,
//! security.md "Limits"): 400 small patterns of a large Unicode class took
//! gigabytes and aborted the process; too many of any size are refused too.
//! Either is a policy error at the first pattern over the budget.

mod common;

use common::{rec, Case};

/// A rule with one `require ... matches PATTERN` per line, from line 3 on.
fn rules(n: usize, pattern: &str) -> String {
    let mut text = String::from("rule many {\n  for record r\n");
    for _ in 0..n {
        text.push_str(&format!("  require r.title matches \"{pattern}\"\n"));
    }
    text.push_str("}\n");
    text
}

fn validate(policy: &str) -> custodia::cli::app::Outcome {
    let dir = Case::with(policy, &rec("R1", &[])).write();
    custodia::cli::app::run_validate(&[dir.path().join("policies")], false)
}

#[test]
fn many_large_regexes_are_a_policy_error_not_an_abort() {
    let out = validate(&rules(400, r"\\w{100}"));
    assert_eq!(out.exit, 2, "{}{}", out.output, out.errors);
    assert!(
        out.errors
            .contains("regular expressions are over their budget"),
        "{}",
        out.errors
    );
    assert!(out.errors.contains("64 MiB"), "{}", out.errors);
    assert!(
        out.errors.contains("custodia::check::regex_budget"),
        "{}",
        out.errors
    );
    // Reported once, at the first pattern past the budget (line 3 is the first).
    assert_eq!(
        out.errors.matches("over the budget").count(),
        1,
        "{}",
        out.errors
    );
    assert!(
        !out.errors.contains(":3:"),
        "the first ones fit: {}",
        out.errors
    );
}

#[test]
fn too_many_regexes_are_a_policy_error_naming_the_first_over() {
    let out = validate(&rules(300, "^a[0-9]$"));
    assert_eq!(out.exit, 2, "{}{}", out.output, out.errors);
    assert!(
        out.errors.contains("more than 256 regular expressions"),
        "{}",
        out.errors
    );
    // The 257th pattern, on line 3 + 256.
    assert!(out.errors.contains(":259:"), "{}", out.errors);
}

#[test]
fn a_policy_set_within_the_budget_validates() {
    let out = validate(&rules(200, "^a[0-9]$"));
    assert_eq!(out.exit, 0, "{}{}", out.output, out.errors);
}

#[test]
fn one_huge_regex_is_a_bad_regex_saying_why() {
    let out = validate(&rules(1, r"\\w{2000}"));
    assert_eq!(out.exit, 2, "{}{}", out.output, out.errors);
    assert!(
        out.errors.contains("custodia::check::bad_regex"),
        "{}",
        out.errors
    );
    assert!(out.errors.contains("more than 10 MiB"), "{}", out.errors);
}
