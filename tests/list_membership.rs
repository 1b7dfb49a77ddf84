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

/// Two names read from the data (`text` fields marked `pii`), compared
/// with `==`, `!=` or `in [...]`: as names, as membership in a list of
/// them is. `d.approver_name != d.witness_name` passed with the approver
/// `王五` witnessing as `王五（签）` (2026-12-07).
const NAMES_COMPARED: &str = r#"
schema {
  extend event destruction {
    approver_name: text? pii
    witness_name: text? pii
    other_name: text? pii
    note: text?
  }
}

rule approver_is_not_the_witness {
  title "The approver does not witness"
  cite "none"
  for destruction d
  require d.approver_name != d.witness_name
}

rule approver_is_the_witness {
  title "The approver witnesses"
  cite "none"
  for destruction d
  require d.approver_name == d.witness_name
}

rule approver_not_among_written {
  title "The approver is none of the two"
  cite "none"
  for destruction d
  require d.approver_name not in [d.witness_name, d.other_name]
}

rule approver_as_let {
  title "The approver, through let"
  cite "none"
  for destruction d
  let a = d.approver_name
  require a != d.witness_name
}

rule approver_not_wang_written {
  title "A literal is compared as written"
  cite "none"
  for destruction d
  require d.witness_name != "王五"
}

rule note_not_the_approver {
  title "A text not marked pii is compared as written"
  cite "none"
  for destruction d
  require d.note != d.approver_name
}
"#;

/// One destruction: approver `approver`, witness `witness`, other name
/// `李雷`, note `note`.
fn names_run(approver: &str, witness: &str, note: &str) -> common::Run {
    Case::with(NAMES_COMPARED, &rec("R1", &[("status", "destroyed")]))
        .file(
            "logs/destruction.csv",
            &format!(
                "record,at,method,place,witnesses,approved_by,approver_name,witness_name,other_name,note\n\
                 R1,2026-01-01 10:00,shred,B1,赵磊,S1,{approver},{witness},李雷,{note}\n"
            ),
        )
        .run()
}

#[test]
fn two_names_read_from_the_data_are_compared_as_names() {
    for witness in [
        "王五",
        "王五（签）",
        "王\u{3000}五",
        "监销人：王五",
        "“王五”",
        "王五签字",
    ] {
        let r = names_run("王五", witness, "王五（签）");
        let d = r.dump();
        assert_eq!(
            r.ids("approver_is_not_the_witness"),
            lines(1),
            "{witness}: {d}"
        );
        assert!(
            r.ids("approver_is_the_witness").is_empty(),
            "{witness}: {d}"
        );
        assert_eq!(
            r.ids("approver_not_among_written"),
            lines(1),
            "{witness}: {d}"
        );
        assert_eq!(r.ids("approver_as_let"), lines(1), "{witness}: {d}");
        // `"王五"` is compared as written: only the plain form is it.
        let literal = if witness == "王五" {
            lines(1)
        } else {
            vec![]
        };
        assert_eq!(
            r.ids("approver_not_wang_written"),
            literal,
            "{witness}: {d}"
        );
        // `note` is no name (no `pii`): `王五（签）` is not `王五` there.
        assert!(r.ids("note_not_the_approver").is_empty(), "{witness}: {d}");
    }
    // Written the other way round, and in Latin letters of either case.
    let r = names_run("王五（签）", "王五", "x");
    assert_eq!(
        r.ids("approver_is_not_the_witness"),
        lines(1),
        "{}",
        r.dump()
    );
    let r = names_run("Wang Wu", "wang wu", "x");
    assert_eq!(
        r.ids("approver_is_not_the_witness"),
        lines(1),
        "{}",
        r.dump()
    );
    assert!(r.ids("approver_is_the_witness").is_empty());
}

/// A name in traditional characters is that name in simplified ones:
/// the approver `張偉` witnessing as `张伟（签）` (2026-12-07).
#[test]
fn a_name_in_traditional_characters_is_that_name() {
    for (approver, witness) in [
        ("張偉", "张伟（签）"),
        ("张伟", "張偉"),
        ("歐陽明", "欧阳明"),
    ] {
        let r = names_run(approver, witness, "x");
        let d = r.dump();
        assert_eq!(
            r.ids("approver_is_not_the_witness"),
            lines(1),
            "{witness}: {d}"
        );
        assert!(
            r.ids("approver_is_the_witness").is_empty(),
            "{witness}: {d}"
        );
    }
    // Another name stays another name.
    let r = names_run("張偉", "张伟伟", "x");
    assert!(
        r.ids("approver_is_not_the_witness").is_empty(),
        "{}",
        r.dump()
    );
}

#[test]
fn other_names_stay_other_names_in_comparisons() {
    for witness in ["王五五", "王五（代）", "李王五", "王五✗"] {
        let r = names_run("王五", witness, "x");
        let d = r.dump();
        assert!(
            r.ids("approver_is_not_the_witness").is_empty(),
            "{witness}: {d}"
        );
        assert_eq!(r.ids("approver_is_the_witness"), lines(1), "{witness}: {d}");
        assert!(
            r.ids("approver_not_among_written").is_empty(),
            "{witness}: {d}"
        );
    }
    // The other name of the written list is the approver: found by name.
    let r = names_run("李雷（签）", "赵磊", "x");
    assert_eq!(
        r.ids("approver_not_among_written"),
        lines(1),
        "{}",
        r.dump()
    );
}

#[test]
fn a_missing_name_leaves_the_comparison_unknown() {
    let r = names_run("王五", "", "x");
    for rule in ["approver_is_not_the_witness", "approver_is_the_witness"] {
        let found = r.of(rule);
        assert_eq!(found.len(), 1, "{rule}: {}", r.dump());
        assert_eq!(found[0]["outcome"], "insufficient_evidence", "{rule}");
    }
}

/// Ids and refs are compared as written: `S1` is not `s1（签）`, and
/// `r.id == d.record` keeps its index.
#[test]
fn ids_and_refs_are_not_compared_as_names() {
    let rules = r#"
schema {
  extend event destruction {
    other_record: id?
  }
}

rule same_record {
  title "The other record is the record"
  cite "none"
  for destruction d
  require d.other_record == d.record
}
"#;
    let rows = rec("R1", &[("status", "destroyed")]);
    let r = Case::with(rules, &rows)
        .file(
            "logs/destruction.csv",
            "record,at,method,place,witnesses,approved_by,other_record\n\
             R1,2026-01-01 10:00,shred,B1,赵磊,S1,r1（签）\n",
        )
        .run();
    assert_eq!(r.ids("same_record"), lines(1), "{}", r.dump());
}

fn spark(policy: &str) -> Result<String, String> {
    let mut sources = custodia::syntax::span::SourceMap::default();
    sources.add("rules.policy", policy);
    let checked =
        custodia::check::check_sources(sources).map_err(|_| "does not check".to_string())?;
    custodia::sql::compile(&checked, "Asia/Shanghai", jiff::civil::date(2026, 11, 27))
        .map(|c| c.sql)
        .map_err(|e| e.to_string())
}

/// Spark compares two names by the name keys custodia stages beside them
/// (`name#name`, the native engine's `name_key`): `==`, `!=` and their
/// `lower(...)` forms compile; a `let` of a name (no key beside it) and a
/// list written in brackets are refused rather than compared as written.
/// Runs on Spark in `scripts/spark-diff` (tests/cases/spark-folded-names).
#[test]
fn spark_sql_compares_names_by_their_staged_keys() {
    let schema = NAMES_COMPARED.split("rule ").next().expect("schema");
    for clause in [
        "require d.approver_name != d.witness_name",
        "require d.approver_name == d.witness_name",
        "require lower(d.approver_name) != lower(d.witness_name)",
    ] {
        let policy = format!("{schema}rule r {{\n  for destruction d\n  {clause}\n}}\n");
        let sql = spark(&policy).unwrap_or_else(|e| panic!("{clause}: {e}"));
        assert!(
            sql.contains("(d).`approver_name#name` <> '' AND (d).`approver_name#name` = (d).`witness_name#name`")
                || sql.contains("`approver_name#name` <> ''"),
            "{clause}: {sql}"
        );
    }
    for clause in [
        "let a = d.approver_name\n  require a != d.witness_name",
        "require d.approver_name in [d.witness_name, d.other_name]",
    ] {
        let policy = format!("{schema}rule r {{\n  for destruction d\n  {clause}\n}}\n");
        let e = spark(&policy).expect_err(clause);
        assert!(
            e.contains("compared by their folded forms"),
            "{clause}: {e}"
        );
        assert!(e.contains("rules.policy:"), "{clause}: {e}");
    }
    for clause in [
        "require d.note != d.place",
        "require d.approver_name != \"王五\"",
        "require d.approver_name in [d.note, \"王五\"]",
    ] {
        let policy = format!("{schema}rule r {{\n  for destruction d\n  {clause}\n}}\n");
        let sql = spark(&policy).unwrap_or_else(|e| panic!("{clause}: {e}"));
        assert!(!sql.contains("#name` <> ''"), "{clause}: {sql}");
    }
}
