//! `count(C z where E)` when some candidate's E is unknown (language.md
//! 5.1: "anything else with unknown is unknown"; docs/language.md, "count
//! and unknown candidates"). The count left such a candidate out, so
//! `require count(…) == 0` passed a record whose destruction had no
//! approver: a false pass. Now the count is unknown and the `require`
//! says `insufficient_evidence`, naming the count as the missing value,
//! unless the comparison it is in holds (or fails) for every count it can
//! be: between its definitely-true candidates and those plus the unknown
//! ones.
//! The Spark SQL side is pinned in tests/spark_sql.rs and the case
//! tests/cases/spark-boundaries.

mod common;

use common::{rec, Case};

/// Destructions (lines): R1 without an approver (1), R2 by S1, an
/// archivist (2), R3 by S2, in sales (3), R4 by S9, who is not on staff
/// (4, a dangling ref), R5 by S2 and without an approver (5, 6). R6 has
/// none.
const DESTRUCTIONS: &str = concat!(
    r#"{"record":"R1","at":"2026-01-01T10:00:00Z","method":"shred","place":"HQ","witnesses":["a"]}"#,
    "\n",
    r#"{"record":"R2","at":"2026-01-02T10:00:00Z","method":"shred","place":"HQ","witnesses":["a"],"approved_by":"S1"}"#,
    "\n",
    r#"{"record":"R3","at":"2026-01-03T10:00:00Z","method":"shred","place":"HQ","witnesses":["a"],"approved_by":"S2"}"#,
    "\n",
    r#"{"record":"R4","at":"2026-01-04T10:00:00Z","method":"shred","place":"HQ","witnesses":["a"],"approved_by":"S9"}"#,
    "\n",
    r#"{"record":"R5","at":"2026-01-05T10:00:00Z","method":"shred","place":"HQ","witnesses":["a"],"approved_by":"S2"}"#,
    "\n",
    r#"{"record":"R5","at":"2026-01-06T10:00:00Z","method":"pulp","place":"HQ","witnesses":["a"]}"#,
    "\n",
);

const BY_SALES: &str =
    r#"count(destruction d where d.record == r.id and d.approved_by.role == "sales")"#;

fn inventory() -> String {
    ["R1", "R2", "R3", "R4", "R5", "R6"]
        .iter()
        .map(|id| rec(id, &[]))
        .collect()
}

fn run(rules: &str) -> common::Run {
    Case::with(rules, &inventory())
        .file("logs/destruction.jsonl", DESTRUCTIONS)
        .run()
}

fn outcomes(r: &common::Run, rule: &str) -> Vec<(String, String)> {
    r.of(rule)
        .iter()
        .map(|v| {
            (
                v["subject"]["id"].as_str().unwrap_or("").to_string(),
                v["outcome"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

/// The bug: R1 (no approver) and R4 (an approver not on staff) passed
/// `count(…) == 0`. Their count is unknown now: `insufficient_evidence`,
/// with the count named as the missing value. R2 (counted 0) and R6 (no
/// destruction) still pass, R3 (counted 1) is still violated, and so is R5
/// (one by sales, one unknown: at least 1, never 0).
#[test]
fn a_count_with_an_unknown_candidate_is_insufficient_evidence() {
    let r = run(&format!(
        "destruction none_by_sales {{\n  for record r\n  require {BY_SALES} == 0\n}}\n"
    ));
    assert_eq!(
        outcomes(&r, "none_by_sales"),
        pairs(&[
            ("R1", "insufficient_evidence"),
            ("R3", "violated"),
            ("R4", "insufficient_evidence"),
            ("R5", "violated"),
        ]),
        "{}",
        r.dump()
    );
    let v = r.of("none_by_sales");
    assert_eq!(
        v[0]["message"],
        format!("cannot tell whether `{BY_SALES} == 0` holds: a value it needs is missing")
    );
    assert_eq!(v[0]["values"], serde_json::json!({ BY_SALES: null }));
    assert_eq!(v[1]["values"], serde_json::json!({ BY_SALES: 1 }));
    assert_eq!(v[2]["values"], serde_json::json!({ BY_SALES: null }));
    assert_eq!(r.exit, 1, "{}", r.dump());
}

/// Where every candidate is known the count is what it was: holes show
/// it, and `>=`/`==` decide as before.
#[test]
fn a_count_whose_candidates_are_all_known_is_unchanged() {
    let r = run(
        "destruction shredded_once {\n  for record r\n  require count(destruction d where d.record == r.id and d.method == \"shred\") == 1\n        else \"{r.id}: {count(destruction d where d.record == r.id)} destroyed\"\n}\n",
    );
    // Every destruction has a method: only R6 (none) fails.
    assert_eq!(
        outcomes(&r, "shredded_once"),
        pairs(&[("R6", "violated")]),
        "{}",
        r.dump()
    );
    assert_eq!(r.of("shredded_once")[0]["message"], "R6: 0 destroyed");
}

/// An unknown count is unknown in arithmetic, through a `let` and in a
/// message hole (its bounds decide only a comparison it is a side of);
/// a comparison every count in its range satisfies holds; `or` with a
/// true side decides anyway.
#[test]
fn an_unknown_count_stays_unknown_in_arithmetic_and_comparisons() {
    let r = run(&format!(
        "destruction arithmetic {{\n  for record r\n  let n = {BY_SALES}\n  require n + 1 <= 1 else \"{{r.id}}: {{n}}\"\n}}\n\
         destruction at_least_zero {{\n  for record r\n  require {BY_SALES} >= 0\n}}\n\
         destruction decided_by_or {{\n  for record r\n  require {BY_SALES} == 0 or r.status == \"active\"\n}}\n"
    ));
    let cannot = |id: &'static str| (id, "insufficient_evidence");
    assert_eq!(
        outcomes(&r, "arithmetic"),
        pairs(&[cannot("R1"), ("R3", "violated"), cannot("R4"), cannot("R5")]),
        "{}",
        r.dump()
    );
    let v = r.of("arithmetic");
    assert_eq!(v[0]["message"], "R1: [n missing]");
    assert_eq!(v[1]["message"], "R3: 1");
    assert!(r.of("at_least_zero").is_empty(), "{}", r.dump());
    // `true or unknown` is true (every record is active).
    assert!(r.of("decided_by_or").is_empty(), "{}", r.dump());
}

/// `not exists(…)` keeps its meaning: false as soon as one candidate is
/// definitely true; `count(…) == 0` says the same of R5 (at least 1).
#[test]
fn not_exists_is_decided_by_one_definite_candidate() {
    let r = run(&format!(
        "destruction none_by_sales {{\n  for record r\n  require {BY_SALES} == 0\n}}\n\
         destruction no_sales_approval {{\n  for record r\n  require not exists(destruction d where d.record == r.id and d.approved_by.role == \"sales\")\n}}\n"
    ));
    assert_eq!(
        outcomes(&r, "no_sales_approval"),
        pairs(&[
            ("R1", "insufficient_evidence"),
            ("R3", "violated"),
            ("R4", "insufficient_evidence"),
            ("R5", "violated"),
        ]),
        "{}",
        r.dump()
    );
    assert_eq!(
        outcomes(&r, "none_by_sales")[3],
        ("R5".to_string(), "violated".to_string())
    );
}

/// A count in a `where` or `when` guard (hostile review, 2026-12-04): R5
/// has one destruction approved by sales and one without an approver, so
/// its count is unknown, but `>= 1` holds whatever the unknown one is.
/// With the count unknown the guard left R5 out with a note, COMPLIANT.
#[test]
fn a_count_guard_keeps_a_subject_its_known_candidates_decide() {
    let r = run(&format!(
        "destruction sales_approved_records_are_destroyed {{\n  for record r where {BY_SALES} >= 1\n  require r.status == \"destroyed\"\n}}\n\
         destruction when_sales_approved {{\n  for record r\n  when {BY_SALES} > 0\n  require r.status == \"destroyed\"\n}}\n"
    ));
    // R3 (counted 1) and R5 (1 or 2); R1 and R4 (0 or 1) are left out.
    for rule in [
        "sales_approved_records_are_destroyed",
        "when_sales_approved",
    ] {
        assert_eq!(
            outcomes(&r, rule),
            pairs(&[("R3", "violated"), ("R5", "violated")]),
            "{rule}: {}",
            r.dump()
        );
    }
    // R1 and R4 were not checked: exit 2 (tests/unknown_conditions.rs).
    assert_eq!(r.exit, 2, "{}", r.dump());
    assert_eq!(r.report()["verdict"]["result"], "not_compliant");
}

/// The bounds on either side of the comparison, and `!=`: a count of 1
/// or 2 is `!= 0` and not `< 1`, `1 <= count` holds, `count != 1` and
/// `count == 2` cannot be told.
#[test]
fn a_count_compared_on_either_side_is_decided_by_its_bounds() {
    let r = run(&format!(
        "destruction flipped {{\n  for record r where r.id == \"R5\"\n  require 1 <= {BY_SALES} and {BY_SALES} != 0 and not ({BY_SALES} < 1)\n}}\n\
         destruction undecided_ne {{\n  for record r where r.id == \"R5\"\n  require {BY_SALES} != 1\n}}\n\
         destruction undecided_eq {{\n  for record r where r.id == \"R5\"\n  require {BY_SALES} == 2\n}}\n"
    ));
    assert!(r.of("flipped").is_empty(), "{}", r.dump());
    for rule in ["undecided_ne", "undecided_eq"] {
        assert_eq!(
            outcomes(&r, rule),
            pairs(&[("R5", "insufficient_evidence")]),
            "{rule}: {}",
            r.dump()
        );
    }
}

/// A join key that is missing (`r.subject`) tests no candidate: the count
/// is unknown when the collection has rows, 0 when it has none (nothing
/// can match), as for `exists` and `match`.
#[test]
fn a_count_whose_join_key_is_missing_is_unknown_unless_nothing_could_match() {
    let rules = "destruction none_for_subject {\n  for record r\n  require count(destruction d where d.record == r.subject) == 0\n}\n";
    let inventory = rec("R1", &[]) + &rec("R2", &[("subject", "R9")]);
    let r = Case::with(rules, &inventory)
        .file("logs/destruction.jsonl", DESTRUCTIONS)
        .run();
    assert_eq!(
        outcomes(&r, "none_for_subject"),
        pairs(&[("R1", "insufficient_evidence")]),
        "{}",
        r.dump()
    );
    // The count is the value shown missing, as for `exists` (an
    // aggregate's inner paths are not listed: its objects are not bound).
    assert_eq!(
        r.of("none_for_subject")[0]["values"],
        serde_json::json!({ "count(destruction d where d.record == r.subject)": null }),
        "{}",
        r.dump()
    );
    let empty = Case::with(rules, &inventory)
        .file("logs/destruction.json", "[]")
        .run();
    assert!(empty.of("none_for_subject").is_empty(), "{}", empty.dump());
}
