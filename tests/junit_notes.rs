//! The report's notes in JUnit (docs/reports.md, "JUnit XML"): a CI job
//! that reads only JUnit must still learn that a rule left subjects
//! unchecked, or that datetimes were read in UTC. A note about a rule
//! opens that rule's `system-out`; every note is in a last suite `notes`
//! with no test case, so no count of tests, failures or skips changes.

mod common;

use common::{rec, xmllint_validates, Case, INVENTORY_HEADER};
use custodia::cli::app::Format;

/// `high_scores_archived` cannot decide R-2 and R-3 (no score), `titled`
/// neither, and has a warning below --fail-on besides; R-1 has a datetime
/// without an offset in a case with no time zone (a note on the run).
const RULES: &str = r#"
rule high_scores_archived {
  for record r where r.score > 5
  require r.status == "archived"
}

rule titled {
  severity warning
  for record r where r.score > 0
  require r.title != "bad"
}
"#;

fn noted(lang: &str) -> Case {
    let rows = rec(
        "R-1",
        &[
            ("title", "bad"),
            ("score", "9"),
            ("status", "archived"),
            ("opened", "2026-02-01T09:00:00"),
        ],
    ) + &rec("R-2", &[])
        + &rec("R-3", &[]);
    let mut case = Case::with(RULES, &rows).file("custodia.yaml", &format!("lang: {lang}\n"));
    case.format = Format::Junit;
    case
}

/// `system-out` of the suite `name`, and its `tests`, `failures`,
/// `errors` and `skipped` attributes.
fn suite(xml: &str, name: &str) -> (String, [String; 4]) {
    let doc = roxmltree::Document::parse(xml).expect("well-formed XML");
    let suite = doc
        .descendants()
        .find(|n| n.has_tag_name("testsuite") && n.attribute("name") == Some(name))
        .unwrap_or_else(|| panic!("no suite {name}: {xml}"));
    let out = suite
        .children()
        .find(|n| n.has_tag_name("system-out"))
        .and_then(|n| n.text())
        .unwrap_or("")
        .to_string();
    let count = |a: &str| suite.attribute(a).unwrap_or("").to_string();
    (out, ["tests", "failures", "errors", "skipped"].map(count))
}

const UNKNOWN_EN: &str = "note: policies/rules.policy: rule `high_scores_archived` (line 2) \
    did not check 2 subjects of `record` (`R-2`, `R-3`)";
const UTC_EN: &str = "note: inventory.csv: 1 datetime(s) without an offset (first on line 2) \
    were read in UTC because the case sets no time zone";

#[test]
fn junit_shows_notes_beside_their_rule_and_all_in_a_last_suite() {
    for lang in ["en", "zh"] {
        let run = noted(lang).run();
        // Subjects not decided: not fully checked (tests/unknown_conditions.rs).
        assert_eq!(run.exit, 2, "{}", run.dump());
        xmllint_validates(&run.output, &format!("notes_{lang}"));
        insta::assert_snapshot!(format!("junit_notes_{lang}"), run.output);
    }
    let xml = noted("en").run().output;
    // The rule's note opens its output; the note on the run is not there.
    let (out, counts) = suite(&xml, "high_scores_archived");
    assert!(out.starts_with(UNKNOWN_EN), "{out}");
    assert!(!out.contains("UTC"), "{out}");
    // One subject passed, and one case says two were not decided.
    assert_eq!(counts, ["2", "0", "0", "1"].map(String::from));
    assert!(
        xml.contains(
            "<testcase name=\"not decided\" classname=\"rule.high_scores_archived\" time=\"0\">\n      \
             <skipped message=\"did not check 2 subjects: its `where` or `when` could not decide them"
        ),
        "{xml}"
    );
    // A note, a blank line, then the findings below --fail-on.
    let (out, counts) = suite(&xml, "titled");
    assert!(
        out.starts_with("note: policies/rules.policy: rule `titled` (line 7)"),
        "{out}"
    );
    assert!(
        out.contains("(`x is missing or …`)\n\nR-1 passed with findings below --fail-on:\n"),
        "{out}"
    );
    assert_eq!(counts, ["2", "0", "0", "1"].map(String::from));
    // Every note, and no test: the run's counts are the rules' alone.
    let (out, counts) = suite(&xml, "notes");
    assert_eq!(counts, ["0", "0", "0", "0"].map(String::from));
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(out.starts_with(UTC_EN), "{out}");
    assert!(out.contains(UNKNOWN_EN), "{out}");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let last = doc
        .root_element()
        .children()
        .rfind(|n| n.has_tag_name("testsuite"))
        .and_then(|n| n.attribute("name"));
    assert_eq!(last, Some("notes"));
    // In Chinese, with the words of the terminal report.
    let zh = noted("zh").run().output;
    let (out, _) = suite(&zh, "high_scores_archived");
    assert!(
        out.starts_with(
            "说明：policies/rules.policy：规则 `high_scores_archived`（第 2 行）有 2 个 `record` \
             对象未被检查"
        ),
        "{out}"
    );
}

/// A file without the `legal_hold` column: every row took the default,
/// and the note names both rules that read it. Each one's suite says so;
/// a rule that does not read it says nothing.
#[test]
fn a_note_on_several_rules_is_in_each_ones_suite() {
    let rules = r#"
rule not_held { for record r require not r.legal_hold }
rule held_archived { for record r where r.legal_hold require r.status == "archived" }
rule titled { for record r require r.title != "" }
"#;
    let header = INVENTORY_HEADER.replace("legal_hold,", "");
    // Every column after `status` is empty: one fewer is the same row
    // without `legal_hold`.
    let row = rec("R-1", &[]).replacen(",\n", "\n", 1);
    let mut case = Case::with(rules, "").file("inventory.csv", &format!("{header}{row}"));
    case.format = Format::Junit;
    let run = case.run();
    assert_eq!(run.exit, 0, "{}", run.dump());
    xmllint_validates(&run.output, "defaulted");
    let note = "note: inventory.csv: the file has no column `legal_hold`";
    for rule in ["not_held", "held_archived"] {
        let (out, _) = suite(&run.output, rule);
        assert!(out.starts_with(note), "{rule}: {out}");
        assert!(out.contains("`held_archived`, `not_held`"), "{out}");
    }
    assert_eq!(suite(&run.output, "titled").0, "");
    assert!(suite(&run.output, "notes").0.starts_with(note));
}

/// A note quotes data (the ids a condition could not decide): control
/// characters and bidi overrides in it are neutralised as in any JUnit
/// text, never written raw.
#[test]
fn a_note_quoting_data_is_escaped() {
    let id = "R-\u{202e}1\u{1b}[2J<x>";
    let checked = rec("R-2", &[("score", "9"), ("status", "archived")]);
    let mut case = Case::with(RULES, &(rec(id, &[]) + &checked));
    case.format = Format::Junit;
    let run = case.run();
    assert_eq!(run.exit, 2, "{}", run.dump());
    xmllint_validates(&run.output, "escaped");
    for raw in ["\u{202e}", "\u{1b}", "<x>"] {
        assert!(!run.output.contains(raw), "{raw:?} raw in {}", run.output);
    }
    let (out, _) = suite(&run.output, "high_scores_archived");
    assert!(out.contains("(`R-\\u{202e}1\u{fffd}[2J<x>`)"), "{out}");
}

/// Review R22: a JUnit report written into the case is passed over on the
/// next run, the suite `notes` included (its package is `custodia.notes`).
#[test]
fn a_junit_report_with_notes_in_the_case_is_not_data() {
    let xml = noted("en").run().output;
    let mut again = noted("en").file("r.xml", &xml);
    again.format = Format::Json;
    let run = again.run();
    assert_eq!(run.input_errors().len(), 0, "{}", run.dump());
    let not_read = run.report()["not_read"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        not_read
            .iter()
            .any(|n| n["path"] == "r.xml" && n["reason"] == "a report written by custodia"),
        "{not_read:?}"
    );
}
