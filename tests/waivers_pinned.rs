//! A waiver is pinned to what it waives, never to a place in a file
//! (issue 12): an event without an id is named `FILE:LINE` in reports, and a
//! waiver naming that would silence whatever row sits on the line after the
//! log is edited. Such a waiver is refused (not applied, with a finding that
//! gives the fingerprint to use); a waiver by fingerprint follows the event.

mod common;

use common::{rec, Case, Run};

const RULE: &str = r#"
access by_archivists {
  title "Only archivists read records"
  cite "none"
  for access a
  require a.actor.role == "archivist" else "{a.actor.id} is not an archivist"
}
"#;

const HEADER: &str = "at,record,actor,purpose\n";
/// S2 is not an archivist: this row violates the rule.
const BAD: &str = "2026-01-05T09:00:00+08:00,R-1,S2,audit\n";
const GOOD: &str = "2026-01-06T09:00:00+08:00,R-1,S1,audit\n";
/// Another violating row, different content.
const OTHER_BAD: &str = "2026-02-07T10:00:00+08:00,R-1,S2,review\n";

fn run(log_rows: &[&str], waiver_subject: Option<&str>) -> Run {
    let mut case = Case::with(RULE, &rec("R-1", &[]))
        .file("logs/access.csv", &format!("{HEADER}{}", log_rows.concat()))
        .tz("Asia/Shanghai");
    if let Some(subject) = waiver_subject {
        case = case.file(
            "policies/waivers.policy",
            &format!("waive by_archivists for \"{subject}\" until 2027-01-31 because \"reviewed\" by \"李伟\"\n"),
        );
    }
    case.run()
}

/// (subject id, waived) of each violation of the rule, in report order.
fn outcomes(r: &Run) -> Vec<(String, bool)> {
    r.of("by_archivists")
        .iter()
        .map(|v| {
            (
                v["subject"]["id"].as_str().unwrap_or("").to_string(),
                !v["waiver"].is_null(),
            )
        })
        .collect()
}

fn waiver_findings(r: &Run) -> Vec<String> {
    r.of("waiver.unused")
        .iter()
        .map(|v| v["message"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn a_waiver_by_fingerprint_follows_the_event_when_lines_move() {
    let first = run(&[BAD, GOOD], None);
    let violations = first.of("by_archivists");
    assert_eq!(violations.len(), 1, "{}", first.dump());
    let fp = violations[0]["fingerprint"]
        .as_str()
        .expect("a fingerprint");
    let subject = format!("fingerprint:{fp}");

    let waived = run(&[BAD, GOOD], Some(&subject));
    assert_eq!(outcomes(&waived), [("logs/access.csv:2".to_string(), true)]);
    assert!(waiver_findings(&waived).is_empty(), "{}", waived.dump());
    assert_eq!(waived.exit, 0, "{}", waived.dump());

    // A new violating row above it: the waived event is now on line 3, and
    // the row on line 2 is not waived.
    let edited = run(&[OTHER_BAD, BAD, GOOD], Some(&subject));
    assert_eq!(
        outcomes(&edited),
        [
            ("logs/access.csv:2".to_string(), false),
            ("logs/access.csv:3".to_string(), true)
        ]
    );
    assert_eq!(edited.exit, 1, "{}", edited.dump());
}

#[test]
fn a_waiver_naming_a_line_is_refused_and_says_how_to_pin_it() {
    let first = run(&[BAD, GOOD], None);
    let fp = first.of("by_archivists")[0]["fingerprint"]
        .as_str()
        .expect("a fingerprint")
        .to_string();

    let r = run(&[BAD, GOOD], Some("logs/access.csv:2"));
    assert_eq!(outcomes(&r), [("logs/access.csv:2".to_string(), false)]);
    assert_eq!(
        waiver_findings(&r),
        [format!("the waiver of `by_archivists` for `logs/access.csv:2` names a line of a file, not an object: it is not applied, because once the file is edited another row may be on that line; to waive the violation there now, write `for \"fingerprint:{fp}\"`")]
    );
    assert_eq!(r.exit, 1, "{}", r.dump());
}

#[test]
fn a_waiver_naming_a_line_never_drifts_to_the_row_now_on_it() {
    // Written for the event on line 2; a line is inserted above it, so
    // another violating row is now on line 2. Neither is waived.
    let r = run(&[OTHER_BAD, BAD, GOOD], Some("logs/access.csv:2"));
    assert_eq!(
        outcomes(&r),
        [
            ("logs/access.csv:2".to_string(), false),
            ("logs/access.csv:3".to_string(), false)
        ]
    );
    assert_eq!(waiver_findings(&r).len(), 1, "{}", r.dump());
    assert_eq!(r.exit, 1, "{}", r.dump());

    // A passing row on that line: the user is still told why.
    let r = run(&[GOOD, BAD], Some("logs/access.csv:2"));
    assert_eq!(outcomes(&r), [("logs/access.csv:3".to_string(), false)]);
    assert_eq!(
        waiver_findings(&r),
        ["the waiver of `by_archivists` for `logs/access.csv:2` names a line of a file, not an object: it is not applied, because once the file is edited another row may be on that line; waive a violation by its fingerprint (in the JSON, SARIF and audit reports): `for \"fingerprint:…\"`"]
    );
}

#[test]
fn a_waiver_of_the_company_by_its_place_still_applies() {
    // The company is one object: its `FILE:LINE` name cannot move to another.
    let rule = r#"
rule filed {
  title "Deregistration is filed"
  cite "none"
  for company c
  require c.deregistration_filed is set else "not filed"
}
"#;
    let r = Case::with(rule, &rec("R-1", &[]))
        .file(
            "policies/waivers.policy",
            "waive filed for \"company.yaml:1\" until 2027-01-31 because \"pending\"\n",
        )
        .run();
    let v = r.of("filed");
    assert_eq!(v.len(), 1, "{}", r.dump());
    assert_eq!(v[0]["subject"]["id"], "company.yaml:1");
    assert!(!v[0]["waiver"].is_null(), "{}", r.dump());
    assert!(waiver_findings(&r).is_empty(), "{}", r.dump());
}

/// A subject with one violation waived by fingerprint and another not is a
/// violated subject, not a waived one: the rule's counts showed 0 violated
/// subjects and 1 waived beside the status "violated".
#[test]
fn a_subject_with_an_unwaived_violation_counts_as_violated() {
    let rule = "rule two_clauses {\n  for record r\n  require r.subject is set else \"{r.id} has no subject\"\n  require r.phone is set else \"{r.id} has no phone\"\n}\n";
    let case = Case::with(rule, &rec("R-1", &[]));
    let first = case.run();
    let violations = first.of("two_clauses");
    assert_eq!(violations.len(), 2, "{}", first.dump());
    let fp = violations[0]["fingerprint"]
        .as_str()
        .expect("a fingerprint");
    let r = case
        .file(
            "policies/waivers.policy",
            &format!("waive two_clauses for \"fingerprint:{fp}\" until 2027-01-31 because \"reviewed\"\n"),
        )
        .run();
    let summary = r.report()["rules"]
        .as_array()
        .and_then(|rules| rules.iter().find(|x| x["rule"] == "two_clauses"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(summary["status"], "violated", "{summary}");
    assert_eq!(
        (&summary["violated_subjects"], &summary["waived_subjects"]),
        (&serde_json::json!(1), &serde_json::json!(0)),
        "{summary}"
    );
}

/// Two rows without ids alike in every field they do not hide share a
/// fingerprint; a waiver by it named both and silenced a row nobody
/// reviewed (hostile review, 2026-12-05). It applies to neither now.
#[test]
fn a_fingerprint_two_violations_share_waives_neither() {
    let first = run(&[BAD, GOOD, BAD], None);
    let violations = first.of("by_archivists");
    assert_eq!(violations.len(), 2, "{}", first.dump());
    assert_eq!(violations[0]["fingerprint"], violations[1]["fingerprint"]);
    let fp = violations[0]["fingerprint"]
        .as_str()
        .expect("a fingerprint");

    let waived = run(&[BAD, GOOD, BAD], Some(&format!("fingerprint:{fp}")));
    assert_eq!(
        outcomes(&waived),
        [
            ("logs/access.csv:2".to_string(), false),
            ("logs/access.csv:4".to_string(), false),
        ]
    );
    let findings = waiver_findings(&waived);
    assert_eq!(findings.len(), 1, "{}", waived.dump());
    assert!(
        findings[0].contains("2 violations share that fingerprint")
            && findings[0].contains("`logs/access.csv:2` and `logs/access.csv:4`"),
        "{}",
        findings[0]
    );
    assert_eq!(waived.exit, 1, "{}", waived.dump());
}

/// A waiver whose reason is blank was applied: the filing carried a waived
/// violation nobody explained (hostile review, 2026-12-05).
#[test]
fn a_waiver_without_a_reason_is_not_applied() {
    let r = Case::with(RULE, &rec("R-1", &[]))
        .file("logs/access.csv", &format!("{HEADER}{BAD}"))
        .tz("Asia/Shanghai")
        .file(
            "policies/waivers.policy",
            "waive by_archivists for \"logs/access.csv:2\" until 2027-01-31 because \" \" by \" \"\n",
        )
        .run();
    // By place it is refused anyway; by fingerprint, the blank reason is.
    let fp = r.of("by_archivists")[0]["fingerprint"]
        .as_str()
        .expect("a fingerprint")
        .to_string();
    let waived_because = |because: &str| {
        Case::with(RULE, &rec("R-1", &[]))
            .file("logs/access.csv", &format!("{HEADER}{BAD}"))
            .tz("Asia/Shanghai")
            .file(
                "policies/waivers.policy",
                &format!("waive by_archivists for \"fingerprint:{fp}\" until 2027-01-31 because \"{because}\" by \"李伟\"\n"),
            )
            .run()
    };
    // Blank, invisible (2026-12-06: each of these was applied), no letter
    // or digit, or a word standing for nothing.
    for because in [
        " ",
        "\u{200B}",
        "\u{FEFF}\u{3000}",
        "\u{2800}",
        ".",
        "-",
        "无",
        "N/A",
        // Punctuation around a placeholder, and a draft's placeholders
        // (2026-12-07: each was applied).
        "无。",
        "（无）",
        "N/A.",
        "TBD",
        "todo",
        "待补充",
        "reason",
    ] {
        let r = waived_because(because);
        assert_eq!(
            outcomes(&r),
            [("logs/access.csv:2".to_string(), false)],
            "{because:?}"
        );
        let findings = waiver_findings(&r);
        assert_eq!(findings.len(), 1, "{because:?}: {}", r.dump());
        assert!(findings[0].contains("gives no reason"), "{}", findings[0]);
        assert_eq!(r.exit, 1, "{because:?}: {}", r.dump());
    }
    let r = waived_because("已复核：2027年1月前交接");
    assert_eq!(outcomes(&r), [("logs/access.csv:2".to_string(), true)]);
    // A reason that holds such a word among others is a reason.
    let r = waived_because("无需销毁：诉讼未结（TBD 结案日）");
    assert_eq!(outcomes(&r), [("logs/access.csv:2".to_string(), true)]);
    assert_eq!(r.exit, 0, "{}", r.dump());
}

/// A waiver by id names a subject, which a rule may find several times
/// over other objects: a record under hold destroyed twice. The waiver
/// written about the first destruction silenced a later one nobody had
/// reviewed (hostile review, 2026-12-07); now it is applied to neither,
/// with a finding naming both, as a shared fingerprint is. One violation,
/// or several over the subject alone, are waived as before.
#[test]
fn a_waiver_by_id_over_several_other_objects_waives_none() {
    const HOLD: &str = r#"
destruction not_under_hold {
  title "Nothing under hold is destroyed"
  cite "none"
  for record r where r.legal_hold
  forbid destruction d on d.record == r.id else "{r.id} destroyed by {d.id}"
}
"#;
    let waiver = "waive not_under_hold for \"R-1\" until 2027-01-31 because \"法院裁定解除冻结\" by \"陈静\"\n";
    let run = |rows: &str| held_record(HOLD, &[], waiver, rows);
    let one = run("D-1,2026-01-05T09:00:00+08:00,R-1,shred,库房,王芳;李强\n");
    assert_eq!(one.exit, 0, "{}", one.dump());
    assert!(waiver_findings(&one).is_empty(), "{}", one.dump());
    let two = run(
        "D-1,2026-01-05T09:00:00+08:00,R-1,shred,库房,王芳;李强\nD-2,2026-09-10T09:00:00+08:00,R-1,pulp,库房,王芳;李强\n",
    );
    assert_eq!(two.exit, 1, "{}", two.dump());
    let found = waiver_findings(&two);
    assert_eq!(found.len(), 1, "{}", two.dump());
    assert!(
        found[0].contains(
            "would silence 2 violations resting on different objects (`D-1`, then `D-2`)"
        ),
        "{found:?}"
    );
}

/// The subject alone is one of the objects a waiver by id may rest on: a
/// waiver written about the record's own field hid the destruction of that
/// record under hold, found by the same rule (hostile review, 2026-12-07).
#[test]
fn a_waiver_by_id_about_the_subject_does_not_cover_an_event() {
    const RULES: &str = r#"
destruction held_and_titled {
  title "A held record has a subject and is not destroyed"
  cite "none"
  for record r where r.legal_hold
  require r.subject is set else "{r.id} has no subject"
  forbid destruction d on d.record == r.id else "{r.id} destroyed by {d.id}"
}
"#;
    let waiver = "waive held_and_titled for \"R-1\" until 2027-01-31 because \"客户已注销，无客户名\" by \"陈静\"\n";
    let case = |rows: &str| held_record(RULES, &[("subject", "")], waiver, rows);
    let alone = case("");
    assert_eq!(alone.exit, 0, "{}", alone.dump());
    let destroyed = case("D-1,2026-01-05T09:00:00+08:00,R-1,shred,库房,王芳;李强\n");
    assert_eq!(destroyed.exit, 1, "{}", destroyed.dump());
    let found = waiver_findings(&destroyed);
    assert!(
        found
            .iter()
            .any(|m| m.contains("(`the subject alone`, then `D-1`)")),
        "{found:?}"
    );
}

/// A case of one record `R-1` under hold (its other columns `over`), the
/// destructions `rows` and the waiver file `waiver`.
fn held_record(rules: &str, over: &[(&str, &str)], waiver: &str, rows: &str) -> Run {
    let mut columns = vec![("legal_hold", "true")];
    columns.extend_from_slice(over);
    Case::with(rules, &rec("R-1", &columns))
        .file(
            "logs/destruction.csv",
            &format!("id,at,record,method,place,witnesses\n{rows}"),
        )
        .file("policies/waivers.policy", waiver)
        .tz("Asia/Shanghai")
        .run()
}

/// A held record's own field and its destruction, found by `not exists`
/// or by a count: the destruction names no object (spec 9.1 lists only
/// matched and forbidden objects as evidence), so both violations rested
/// on "the subject alone" and a waiver written about the note hid the
/// destruction: COMPLIANT, exit 0 (hostile review, 2026-12-08). A waiver
/// by id no longer covers what such a clause found in a rule that checks
/// other things too; its fingerprint still waives it.
#[test]
fn a_waiver_by_id_does_not_cover_what_not_exists_or_a_count_found() {
    let waiver = "waive held_and_noted for \"R-1\" until 2027-01-31 because \"案件编号待法务部补录（诉讼未结）\" by \"李伟\"\n";
    let destroyed = "D-1,2026-01-05T09:00:00+08:00,R-1,shred,库房,王芳;李强\n";
    for found in [
        "require not exists(destruction d where d.record == r.id)",
        "require count(destruction d where d.record == r.id) == 0",
        "require 0 >= count(destruction d where d.record == r.id)",
        "let n = count(destruction d where d.record == r.id)\n  require n < 1",
        "require not (r.status == \"active\" and exists(destruction d where d.record == r.id))",
    ] {
        let rules = format!(
            "destruction held_and_noted {{\n  title \"held records are noted and kept\"\n  cite \"none\"\n  for record r where r.legal_hold\n  require r.subject is set else \"{{r.id}} is not noted\"\n  {found} else \"{{r.id}} was destroyed\"\n}}\n"
        );
        let case = |rows: &str| held_record(&rules, &[("subject", "")], waiver, rows);
        // The note alone: the waiver covers it, as it was written to.
        let alone = case("");
        assert_eq!(alone.exit, 0, "{found}: {}", alone.dump());
        let both = case(destroyed);
        assert_eq!(both.exit, 1, "{found}: {}", both.dump());
        assert!(
            both.of("held_and_noted")
                .iter()
                .all(|v| v["waiver"].is_null()),
            "{found}: {}",
            both.dump()
        );
        let refused = waiver_findings(&both);
        assert_eq!(refused.len(), 1, "{found}: {}", both.dump());
        assert!(
            refused[0].contains("has 2 checks, so a waiver by id cannot say which one"),
            "{found}: {refused:?}"
        );
        // Noted, and destroyed: the destruction alone is not covered either.
        let noted = held_record(&rules, &[("subject", "案件 2026-01")], waiver, destroyed);
        assert_eq!(noted.exit, 1, "{found}: {}", noted.dump());
        assert_eq!(
            waiver_findings(&noted).len(),
            1,
            "{found}: {}",
            noted.dump()
        );
    }
}

/// A waiver written about one clause of a built-in pack rule (the
/// catalogue marks held L-1 anonymised by mistake) covered the rule's other
/// clause once L-1 was shredded: the status clause then held, and the
/// destruction was the subject's only violation (hostile review,
/// 2026-12-08, cn/customer-records `no_destruction_under_legal_hold`). Now
/// the waiver still covers the catalogue finding, not the destruction;
/// the fingerprint the refusal gives waives the destruction when that is
/// what was reviewed.
#[test]
fn a_waiver_by_id_written_about_one_clause_does_not_cover_a_later_finding_of_another() {
    const HOLD: &str = r#"
destruction held_not_destroyed {
  title "Nothing under hold is destroyed"
  cite "none"
  for record r where r.legal_hold
  forbid destruction d on d.record == r.id else "{r.id} destroyed by {d.id}"
  require r.status != "destroyed" or exists(destruction d where d.record == r.id)
        else "{r.id} is marked {r.status}"
}
"#;
    let waiver = "waive held_not_destroyed for \"R-1\" until 2027-01-31 because \"目录状态录入错误，原件仍在\" by \"李伟\"\n";
    let catalogue = held_record(HOLD, &[("status", "destroyed")], waiver, "");
    assert_eq!(catalogue.exit, 0, "{}", catalogue.dump());
    assert!(
        waiver_findings(&catalogue).is_empty(),
        "{}",
        catalogue.dump()
    );

    let shredded = "D-1,2026-11-10T10:00:00+08:00,R-1,shred,碎纸室,王芳;李强\n";
    let later = held_record(HOLD, &[("status", "destroyed")], waiver, shredded);
    assert_eq!(later.exit, 1, "{}", later.dump());
    let violations = later.of("held_not_destroyed");
    assert_eq!(violations.len(), 1, "{}", later.dump());
    assert!(violations[0]["waiver"].is_null(), "{}", later.dump());
    let refused = waiver_findings(&later);
    let fp = violations[0]["fingerprint"]
        .as_str()
        .expect("a fingerprint");
    assert_eq!(refused.len(), 1, "{}", later.dump());
    assert!(
        refused[0].contains("it would silence what `forbid destruction d on d.record == r.id`")
            && refused[0].contains(&format!("`for \"fingerprint:{fp}\"`")),
        "{refused:?}"
    );
    let by_fingerprint = format!(
        "waive held_not_destroyed for \"fingerprint:{fp}\" until 2027-01-31 because \"法院裁定解除保全\" by \"李伟\"\n"
    );
    let reviewed = held_record(HOLD, &[("status", "destroyed")], &by_fingerprint, shredded);
    assert_eq!(reviewed.exit, 0, "{}", reviewed.dump());
}

/// A comment inside a clause or after it is no part of the clause's text
/// (the message without `else`, the report's `clause`) nor of its
/// fingerprint (hostile review h19: `… period_end // 保管期满日 + 1 year`
/// was the clause shown, and editing the comment changed the fingerprint).
#[test]
fn comments_are_no_part_of_a_clauses_text_or_fingerprint() {
    let plain = "access by_archivists {\n  title \"t\"\n  cite \"c\"\n  for access a\n  require a.actor.role == \"archivist\" or a.purpose == \"none\"\n}\n";
    let commented = "access by_archivists {\n  title \"t\"\n  cite \"c\"\n  for access a\n  require a.actor.role == \"archivist\"  // 档案员\n          or a.purpose == \"none\"  // or nothing read\n}\n";
    let seen = |rule: &str| {
        let r = Case::with(rule, &rec("R-1", &[]))
            .file("logs/access.csv", &format!("{HEADER}{BAD}"))
            .tz("Asia/Shanghai")
            .run();
        let v = r.of("by_archivists");
        assert_eq!(v.len(), 1, "{}", r.dump());
        (
            v[0]["message"].as_str().unwrap_or("").to_string(),
            v[0]["fingerprint"].as_str().unwrap_or("").to_string(),
        )
    };
    let (message, fingerprint) = seen(commented);
    assert!(!message.contains("//"), "{message}");
    assert_eq!((message, fingerprint), seen(plain));
}
